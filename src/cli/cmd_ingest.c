/*
 * cmd_ingest.c — `dyad ingest`: pages in, the knowledge base filled. Each
 * document goes through the whole pipeline (clean, text, actors, events) and
 * into the store with its sentences, mentions and events, in batched
 * transactions. A document already stored by the same dyad and dictionaries
 * is skipped; one stored by another is replaced. A killed ingest loses only
 * its open batch; running it again completes the work without duplicates.
 */
#include "cli.h"
#include "pipeline.h"

#include "dyad/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const dyad_cli_opt opts[] = {
	{ "db", 0, "DB",
	  "the knowledge base: a file, postgresql://HOST/NAME or clickhouse://HOST:PORT/NAME (default: dyad.db)" },
	DYAD_CLI_OPT_INPUT,
	{ "batch", 0, "N", "documents per transaction (default: 500; ClickHouse: 5000)" },
	{ "wait", 0, "SECONDS", "wait this long for another writer to finish (default: 10)" },
	{ "quiet", 'q', NULL, "no progress and no summary" },
	DYAD_CLI_OPT_DATA,
	DYAD_CLI_OPT_JOBS,
	{ NULL, 0, NULL, NULL },
};

typedef struct {
	dyad_store_rows *rows;
	dyad_store *store;
	const char *db;
	size_t batch, in_batch;
	dyad_store_counts n;
	int failed; /* the store failed: stop writing */
	int progress;
	double t0, last_draw;
	uint64_t total_bytes, done_bytes; /* input sizes, for the progress line's share and ETA */
	char last_path[4096];
} ingest;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
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
	double t = now(), el = t - g->t0 > 1e-6 ? t - g->t0 : 1e-6, rate = (double)g->n.docs / el;

	if (!g->progress || (!final && t - g->last_draw < 0.2))
		return;
	g->last_draw = t;
	fprintf(stderr, "\r\033[K%zu documents  %zu events  %.0f docs/s", g->n.docs, g->n.events, rate);
	if (!final && g->total_bytes && g->done_bytes && g->done_bytes <= g->total_bytes) {
		double left = el * (double)(g->total_bytes - g->done_bytes) / (double)g->done_bytes;
		fprintf(stderr, "  %.0f%%  ETA %d:%02d", 100.0 * (double)g->done_bytes / (double)g->total_bytes,
			(int)(left / 60), (int)left % 60);
	}
	if (final)
		fputc('\n', stderr);
	fflush(stderr);
}

/* The store's error on stderr; a lost server's says that what is stored stays. */
static void report(const ingest *g)
{
	fprintf(stderr, "%sdyad: %s: %s%s\n", g->progress ? "\n" : "", g->db, dyad_store_errmsg(g->store),
		dyad_store_lost(g->store) ? " (what earlier batches stored is kept: ingest again to complete it)" : "");
}

static void on_doc(void *ctx, const dyad_document *d)
{
	ingest *g = ctx;

	if (g->failed)
		return;
	if (g->in_batch == 0 && dyad_store_begin(g->store) < 0)
		goto fail;
	note_file(g, d->page->path);
	if (dyad_store_put_document(g->store, g->rows, d, &g->n) < 0)
		goto fail;
	if (++g->in_batch >= g->batch) {
		if (dyad_store_commit(g->store) < 0)
			goto fail;
		g->in_batch = 0;
	}
	draw(g, 0);
	return;
fail:
	report(g);
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
	g.batch = 0; /* the engine's default once the store is open */
	if ((rc = dyad_cli_input_parse(cmd, a, &in)) != 0)
		return rc;
	if (batch && ((g.batch = strtoul(batch, &end, 10)) == 0 || *end))
		return dyad_cli_usage_error(cmd, "--batch wants a positive number, not '%s'", batch);
	if (wait && (strtol(wait, &end, 10) < 0 || *end || !*wait))
		return dyad_cli_usage_error(cmd, "--wait wants seconds, not '%s'", wait);
	if ((rc = dyad_cli_pipeline_open(&p, &in, DYAD_PIPE_EVENTS)) != 0)
		return rc;
	if (dyad_store_rows_open(&g.rows, p, dyad_cli_warn, NULL, &e) < 0) {
		fprintf(stderr, "dyad: cannot load the codebook: %s\n", e.msg);
		dyad_pipeline_close(p);
		return DYAD_EXIT_FATAL;
	}
	if (dyad_store_open(&g.store, g.db, DYAD_STORE_CREATE, (int)(wait ? strtol(wait, NULL, 10) : 10) * 1000, &e) < 0) {
		fprintf(stderr, "dyad: %s\n", e.msg);
		rc = DYAD_EXIT_FATAL;
		goto done;
	}
	if (g.batch == 0)
		g.batch = dyad_store_batch_default(g.store, 500);
	if (dyad_store_begin(g.store) < 0 || dyad_store_put_lexicon(g.store, g.rows) < 0 ||
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
		report(&g);
		g.failed = 1;
	}
	draw(&g, 1);
	/* a server lost mid-run leaves a partial store that another ingest completes: as an unreadable input */
	if (g.failed)
		rc = dyad_store_lost(g.store) ? DYAD_EXIT_INPUT : DYAD_EXIT_FATAL;
	if (!dyad_cli_has(cmd, a, "quiet"))
		fprintf(stderr,
			"dyad: %s: %zu documents read: %zu new, %zu replaced, %zu already stored; %zu events, %zu "
			"mentions stored in %.2f s\n",
			g.db, g.n.docs, g.n.fresh, g.n.replaced, g.n.same, g.n.events, g.n.mentions, now() - g.t0);
done:
	dyad_store_close(g.store);
	dyad_store_rows_close(g.rows);
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
	"(docs/schema.md), a PostgreSQL database or a ClickHouse cluster (docs/engines.md). Ingesting the same pages "
	"again\n"
	"adds nothing; pages stored by another dyad version or other dictionaries are replaced. A copy\n"
	"of an article syndicated by another outlet is linked to the first one. Another ingest writing\n"
	"to the same store is waited for (--wait).",
	opts,
	run,
};
