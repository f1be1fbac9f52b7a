/*
 * cmd_ingest.c — `dyad ingest`: pages in, the knowledge base filled. Each
 * document goes through the whole pipeline (clean, text, actors, events) and
 * into the store with its sentences, mentions and events, in batched
 * transactions. A document already stored by the same dyad and dictionaries
 * is skipped; one stored by another is replaced. A killed ingest loses only
 * its open batch; running it again completes the work without duplicates.
 */
#include "cli.h"
#include "events_out.h"
#include "pipeline.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const dyad_cli_opt opts[] = {
	{ "db", 0, "FILE", "the knowledge base (default: dyad.db)" },
	DYAD_CLI_OPT_INPUT,
	{ "batch", 0, "N", "documents per transaction (default: 500)" },
	{ "wait", 0, "SECONDS", "wait this long for another writer to finish (default: 10)" },
	{ "quiet", 'q', NULL, "no progress and no summary" },
	DYAD_CLI_OPT_DATA,
	DYAD_CLI_OPT_JOBS,
	{ NULL, 0, NULL, NULL },
};

typedef struct {
	dyad_events_out out;
	dyad_store *store;
	const char *db;
	char version[64];
	size_t batch, in_batch;
	size_t docs, fresh, replaced, same, events, mentions;
	int failed; /* the store failed: stop writing */
	int progress;
	double t0, last_draw;
	uint64_t total_bytes, done_bytes; /* input sizes, for the progress line's share and ETA */
	char last_path[4096];
	dyad_buf tmp, furniture;
} ingest;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- what makes stored rows stale: the dyad version and its dictionaries --------------------- */

/* Mix the contents of every file under `dir` (sorted, recursively) into *h. */
static void hash_tree(const char *dir, uint64_t *h)
{
	char **names;
	long n = dyad_list_dir(dir, NULL, &names), i;

	if (n < 0) {
		dyad_buf b = DYAD_BUF_INIT;
		dyad_errbuf e;
		if (dyad_read_file(&b, dir, 0, &e) == 0)
			*h = dyad_hash64(b.p, b.n, *h);
		dyad_buf_free(&b);
		return;
	}
	for (i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		*h = dyad_hash64(names[i], strlen(names[i]), *h);
		hash_tree(path, h);
	}
	dyad_names_free(names, (size_t)n);
}

static void derive_version(ingest *g, const char *datadir)
{
	uint64_t h = DYAD_HASH_SEED;

	hash_tree(datadir, &h);
	snprintf(g->version, sizeof g->version, "%s+data.%012llx", DYAD_VERSION,
		 (unsigned long long)(h & 0xffffffffffffULL));
}

/* ---- the lexicon's actors, so queries can name them ------------------------------------------ */

static int store_actors(ingest *g, const dyad_lexicon *lx)
{
	size_t i, k;

	for (i = 0; i < dyad_lexicon_nentities(lx); i++) {
		const dyad_lex_entity *e = dyad_lexicon_entity(lx, i);
		const char *code;
		if (e->kind != DYAD_LEX_COUNTRY && e->kind != DYAD_LEX_IGO)
			continue;
		/* the lexicon's English and Russian names, as the JSON Lines give them */
		code = e->kind == DYAD_LEX_COUNTRY ? e->key : e->code;
		if (code && dyad_store_put_actor(g->store, code, e->kind == DYAD_LEX_COUNTRY ? "country" : "igo",
						 e->name_en, e->name_ru) < 0)
			return DYAD_EDB;
	}
	/* every name, folded, so a query may say Белоруссия, Kirghizia or Tokayev */
	for (k = 0; k < dyad_lexicon_nnames(lx); k++) {
		const dyad_lex_name *n = dyad_lexicon_name(lx, k);
		const dyad_lex_entity *e = dyad_lexicon_entity(lx, n->entity);
		const char *kind, *code = NULL, *person = NULL;
		if (n->type != DYAD_NAME_NAME)
			continue;
		if (e->kind == DYAD_LEX_COUNTRY) {
			kind = "country";
			code = e->key;
		} else if (e->kind == DYAD_LEX_IGO) {
			kind = "igo";
			code = e->code;
		} else if (e->kind == DYAD_LEX_PERSON) {
			kind = "person";
			person = e->key;
		} else {
			continue;
		}
		if (kind[0] != 'p' && code == NULL)
			continue;
		dyad_buf_clear(&g->tmp);
		dyad_fold_buf(&g->tmp, dyad_str_c(n->text));
		dyad_buf_putc(&g->tmp, '\0');
		if (dyad_store_put_actor_name(g->store, n->text, g->tmp.p, kind, code, person) < 0)
			return DYAD_EDB;
	}
	return 0;
}

/* ---- one document ---------------------------------------------------------------------------- */

/* Bytes in the files under `path` (a file or a directory read recursively); 0 for stdin. */
static uint64_t input_bytes(const char *path, int depth)
{
	struct stat st;
	uint64_t sum = 0;
	char sub[4096], **names;
	long n, i;

	if (strcmp(path, "-") == 0 || depth > 64 || stat(path, &st) != 0)
		return 0;
	if (S_ISREG(st.st_mode))
		return (uint64_t)st.st_size;
	if (!S_ISDIR(st.st_mode) || (n = dyad_list_dir(path, NULL, &names)) < 0)
		return 0;
	for (i = 0; i < n; i++) {
		snprintf(sub, sizeof sub, "%s/%s", path, names[i]);
		sum += input_bytes(sub, depth + 1);
	}
	dyad_names_free(names, (size_t)n);
	return sum;
}

/* A document from a file not seen before: the file counts as read (files are read one by one). */
static void note_file(ingest *g, const char *path)
{
	struct stat st;

	if (path == NULL || strcmp(path, g->last_path) == 0)
		return;
	snprintf(g->last_path, sizeof g->last_path, "%s", path);
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode))
		g->done_bytes += (uint64_t)st.st_size;
}

static void draw(ingest *g, int final)
{
	double t = now(), el = t - g->t0 > 1e-6 ? t - g->t0 : 1e-6, rate = (double)g->docs / el;

	if (!g->progress || (!final && t - g->last_draw < 0.2))
		return;
	g->last_draw = t;
	fprintf(stderr, "\r\033[K%zu documents  %zu events  %.0f docs/s", g->docs, g->events, rate);
	if (!final && g->total_bytes && g->done_bytes && g->done_bytes <= g->total_bytes) {
		double left = el * (double)(g->total_bytes - g->done_bytes) / (double)g->done_bytes;
		fprintf(stderr, "  %.0f%%  ETA %d:%02d", 100.0 * (double)g->done_bytes / (double)g->total_bytes,
			(int)(left / 60), (int)left % 60);
	}
	if (final)
		fputc('\n', stderr);
	fflush(stderr);
}

static int put_doc(ingest *g, const dyad_document *d)
{
	dyad_store_doc sd;
	int64_t row;
	size_t i, cb = 0, cp = 0;
	int st;

	memset(&sd, 0, sizeof sd);
	sd.id = d->page->id;
	sd.content_hash = d->content_hash;
	sd.simhash = dyad_simhash(d->doc.body);
	sd.path = d->page->path;
	sd.record = d->page->record;
	dyad_buf_clear(&g->tmp);
	if (d->page->url.n)
		dyad_buf_putstr(&g->tmp, d->page->url);
	sd.url = g->tmp.n ? g->tmp.p : NULL;
	sd.title = d->doc.title;
	sd.date = d->doc.date;
	sd.time = d->doc.time;
	sd.outlet = d->doc.outlet;
	sd.dateline = d->doc.dateline;
	sd.language = dyad_lang_code(d->lang);
	sd.author = d->doc.author;
	sd.body = d->doc.body;
	sd.version = g->version;
	dyad_buf_clear(&g->furniture);
	dyad_buf_putc(&g->furniture, '[');
	for (i = 0; i < d->doc.nfurniture; i++) {
		if (i)
			dyad_buf_putc(&g->furniture, ',');
		dyad_buf_json_str(&g->furniture, d->doc.furniture[i]);
	}
	dyad_buf_putc(&g->furniture, ']');
	sd.furniture = g->furniture.p;
	if ((st = dyad_store_put_doc(g->store, &sd, &row)) < 0)
		return st;
	g->docs++;
	if (st == DYAD_STORE_SAME) {
		g->same++;
		return 0;
	}
	if (st == DYAD_STORE_NEW)
		g->fresh++;
	else
		g->replaced++;
	for (i = 0; i < d->nsent; i++) {
		dyad_span s = d->sent_bytes[i];
		if (dyad_store_put_sentence(g->store, row, i, d->sent_cps[i].start, d->sent_cps[i].end,
					    (dyad_str){ d->doc.body.p + s.start, s.end - s.start }) < 0)
			return DYAD_EDB;
	}
	for (i = 0; i < d->nmentions; i++) {
		const dyad_mention *m = &d->mentions[i];
		dyad_store_mention sm;
		memset(&sm, 0, sizeof sm);
		sm.sentence = m->sentence;
		sm.start = dyad_document_cp(d, m->span.start, &cb, &cp);
		sm.end = dyad_document_cp(d, m->span.end, &cb, &cp);
		sm.kind = dyad_mention_kind_name(m->kind);
		sm.actor.code = m->code;
		sm.actor.country = m->country;
		sm.actor.igo = m->igo;
		sm.actor.role = m->role;
		sm.actor.person = m->person;
		sm.actor.name = m->name;
		sm.text = (dyad_str){ d->doc.body.p + m->span.start, m->span.end - m->span.start };
		if (dyad_store_put_mention(g->store, row, &sm) < 0)
			return DYAD_EDB;
		g->mentions++;
	}
	for (i = 0; i < d->nevents; i++) {
		dyad_store_event se;
		char date[64];
		dyad_event_for_store(&g->out, d, &d->events[i], i, &se, date);
		if (dyad_store_put_event(g->store, row, &se) < 0)
			return DYAD_EDB;
		g->events++;
	}
	return 0;
}

static void on_doc(void *ctx, const dyad_document *d)
{
	ingest *g = ctx;

	if (g->failed)
		return;
	if (g->in_batch == 0 && dyad_store_begin(g->store) < 0)
		goto fail;
	note_file(g, d->page->path);
	if (put_doc(g, d) < 0)
		goto fail;
	if (++g->in_batch >= g->batch) {
		if (dyad_store_commit(g->store) < 0)
			goto fail;
		g->in_batch = 0;
	}
	draw(g, 0);
	return;
fail:
	fprintf(stderr, "%sdyad: %s: %s\n", g->progress ? "\n" : "", g->db, dyad_store_errmsg(g->store));
	if (g->in_batch)
		dyad_store_rollback(g->store);
	g->in_batch = 0;
	g->failed = 1;
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *batch = dyad_cli_get(cmd, a, "batch"), *wait = dyad_cli_get(cmd, a, "wait");
	dyad_cli_input in;
	ingest g;
	dyad_pipeline *p;
	dyad_errbuf e;
	int rc, i;
	char *end;

	memset(&g, 0, sizeof g);
	g.db = dyad_cli_get(cmd, a, "db") ? dyad_cli_get(cmd, a, "db") : "dyad.db";
	g.batch = 500;
	if ((rc = dyad_cli_input_parse(cmd, a, &in)) != 0)
		return rc;
	if (batch && ((g.batch = strtoul(batch, &end, 10)) == 0 || *end))
		return dyad_cli_usage_error(cmd, "--batch wants a positive number, not '%s'", batch);
	if (wait && (strtol(wait, &end, 10) < 0 || *end || !*wait))
		return dyad_cli_usage_error(cmd, "--wait wants seconds, not '%s'", wait);
	if ((rc = dyad_cli_pipeline_open(&p, &in, DYAD_PIPE_EVENTS)) != 0)
		return rc;
	if ((rc = dyad_events_out_open(&g.out, p, 0)) != 0) {
		dyad_pipeline_close(p);
		return rc;
	}
	if (dyad_store_open(&g.store, g.db, DYAD_STORE_CREATE, (int)(wait ? strtol(wait, NULL, 10) : 10) * 1000, &e) < 0) {
		fprintf(stderr, "dyad: %s\n", e.msg);
		rc = DYAD_EXIT_FATAL;
		goto done;
	}
	derive_version(&g, dyad_pipeline_datadir(p));
	if (dyad_store_begin(g.store) < 0 || store_actors(&g, dyad_pipeline_lexicon(p)) < 0 ||
	    dyad_store_commit(g.store) < 0) {
		fprintf(stderr, "dyad: %s: %s\n", g.db, dyad_store_errmsg(g.store));
		rc = DYAD_EXIT_FATAL;
		goto done;
	}
	g.progress = !dyad_cli_has(cmd, a, "quiet") && isatty(2);
	if (g.progress)
		for (i = 0; i < a->npos; i++)
			g.total_bytes += input_bytes(a->pos[i], 0);
	g.t0 = now();
	rc = dyad_cli_pipeline_run(p, &in, on_doc, &g);
	if (!g.failed && g.in_batch && dyad_store_commit(g.store) < 0) {
		fprintf(stderr, "dyad: %s: %s\n", g.db, dyad_store_errmsg(g.store));
		g.failed = 1;
	}
	draw(&g, 1);
	if (g.failed)
		rc = DYAD_EXIT_FATAL;
	if (!dyad_cli_has(cmd, a, "quiet"))
		fprintf(stderr,
			"dyad: %s: %zu documents read: %zu new, %zu replaced, %zu already stored; %zu events, %zu "
			"mentions stored in %.2f s\n",
			g.db, g.docs, g.fresh, g.replaced, g.same, g.events, g.mentions, now() - g.t0);
done:
	dyad_store_close(g.store);
	dyad_events_out_close(&g.out);
	dyad_buf_free(&g.tmp);
	dyad_buf_free(&g.furniture);
	dyad_pipeline_close(p);
	return rc;
}

const dyad_cmd dyad_cmd_ingest = {
	"ingest",
	50,
	"fill the knowledge base from news pages",
	"[options] [FILE|DIR|-]...",
	"Runs every page through dyad (clean, sentences, actors, events) and stores the document, its\n"
	"sentences (searchable with `dyad search`), actor mentions and events in an SQLite file\n"
	"(docs/schema.md). Ingesting the same pages again adds nothing; pages stored by another dyad\n"
	"version or other dictionaries are replaced. A copy of an article syndicated by another outlet\n"
	"is linked to the first one. Another ingest running on the same file is waited for (--wait).",
	opts,
	run,
};
