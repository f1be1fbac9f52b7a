/*
 * pipeline.c — inputs to clean documents, shared by the commands that need
 * documents: read a page, clean it, find its language and sentences, and
 * write it as JSON or as text for a person.
 */
#include "pipeline.h"

#include "cli.h"
#include "dyad/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int dyad_pipeline_open(dyad_pipeline *p, const char *datadir)
{
	char path[4096];
	dyad_errbuf e;

	memset(p, 0, sizeof *p);
	snprintf(path, sizeof path, "%s/outlets.txt", datadir ? datadir : dyad_datadir());
	p->outlets = dyad_outlets_load(path, dyad_cli_warn, NULL, &e);
	if (p->outlets == NULL) {
		fprintf(stderr, "dyad: cannot load the outlet dictionary: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	p->langid = dyad_langid_new(&e);
	if (p->langid == NULL) {
		fprintf(stderr, "dyad: cannot load the language models: %s\n", e.msg);
		dyad_outlets_free(p->outlets);
		p->outlets = NULL;
		return DYAD_EXIT_FATAL;
	}
	p->arena = dyad_arena_new();
	p->datadir = datadir ? datadir : dyad_datadir();
	return 0;
}

int dyad_pipeline_want_actors(dyad_pipeline *p)
{
	char path[4096];
	dyad_errbuf e;

	snprintf(path, sizeof path, "%s/actors", p->datadir);
	p->lexicon = dyad_lexicon_load(path, dyad_cli_warn, NULL, &e);
	if (p->lexicon == NULL) {
		fprintf(stderr, "dyad: cannot load the actor lexicon: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	p->matcher = dyad_matcher_new(p->lexicon);
	snprintf(path, sizeof path, "%s/places", p->datadir);
	p->places = dyad_places_load(path, p->lexicon, dyad_cli_warn, NULL, &e);
	if (p->places == NULL) {
		fprintf(stderr, "dyad: cannot load the places: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	dyad_matcher_set_places(p->matcher, p->places);
	return dyad_pipeline_want_morph(p);
}

int dyad_pipeline_want_morph(dyad_pipeline *p)
{
	char path[4096];
	struct stat st;
	dyad_errbuf e;

	if (p->morph)
		return 0;
	snprintf(path, sizeof path, "%s/morph", p->datadir);
	if (dyad_morph_open(&p->morph, stat(path, &st) == 0 ? path : NULL, &e) < 0) {
		fprintf(stderr, "dyad: cannot load the morphology dictionaries: %s; here --data names the data folder, whose morph/ is read first\n",
			e.msg);
		return DYAD_EXIT_FATAL;
	}
	return 0;
}

int dyad_pipeline_want_events(dyad_pipeline *p)
{
	char path[4096];
	dyad_errbuf e;
	int rc;

	if (p->matcher == NULL && (rc = dyad_pipeline_want_actors(p)) != 0)
		return rc;
	snprintf(path, sizeof path, "%s/events", p->datadir);
	p->patterns = dyad_patterns_load(path, dyad_cli_warn, NULL, &e);
	if (p->patterns == NULL) {
		fprintf(stderr, "dyad: cannot load the event patterns: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	p->stemmer = dyad_stemmer_new();
	dyad_patterns_use_morph(p->patterns, p->morph);
	return 0;
}

size_t dyad_document_cp(const dyad_document *d, size_t byte, size_t *cur_byte, size_t *cur_cp)
{
	size_t lo = 0, hi = d->nsent;

	if (byte < *cur_byte) {
		*cur_byte = 0;
		*cur_cp = 0;
	}
	/* on from the last sentence that starts between here and there: each offset costs one sentence's walk */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->sent_bytes[mid].start <= byte)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && d->sent_bytes[lo - 1].start > *cur_byte) {
		*cur_byte = d->sent_bytes[lo - 1].start;
		*cur_cp = d->sent_cps[lo - 1].start;
	}
	*cur_cp += dyad_utf8_count((dyad_str){ d->doc.body.p + *cur_byte, byte - *cur_byte });
	*cur_byte = byte;
	return *cur_cp;
}

/* The actors of the document's title, which names its main parties; 0 and NULL without a title. */
static size_t title_mentions(dyad_pipeline *p, const dyad_document *out, const dyad_mention **ms)
{
	dyad_str t;
	dyad_token *tt;
	dyad_span *ts;
	dyad_mention *tm;
	size_t nt, ns, n;

	*ms = NULL;
	if (!p->matcher || !out->doc.title)
		return 0;
	t = dyad_str_c(out->doc.title);
	nt = dyad_tokenize(p->arena, t, &tt);
	ns = dyad_sent_split_tokens(p->arena, t, tt, nt, &ts);
	n = dyad_actors_find(p->matcher, p->arena, t, tt, nt, ts, ns, out->day, &tm);
	*ms = tm;
	return n;
}

/* A long document's mentions and events, gathered window by window; reused from one document to the next. */
struct long_doc {
	dyad_arena *scratch;    /* the window being coded */
	dyad_arena *doc;        /* the document's arena: strings copied out of the window */
	int keep_mentions, keep_aside;
	dyad_mention *m;
	size_t nm, capm;
	dyad_event *kept, *aside;
	size_t nkept, capkept, naside, capaside;
};

static void long_doc_free(struct long_doc *l)
{
	if (l == NULL)
		return;
	dyad_arena_free(l->scratch);
	free(l->m);
	free(l->kept);
	free(l->aside);
	free(l);
}

static const char *doc_str(struct long_doc *l, const char *s)
{
	return s ? dyad_arena_strndup(l->doc, s, strlen(s)) : NULL;
}

static void push_events(struct long_doc *l, dyad_event **to, size_t *n, size_t *cap, const dyad_event *from, size_t k)
{
	size_t i;

	if (*n + k > *cap) {
		*cap = (*n + k) * 2;
		*to = dyad_xrealloc(*to, *cap * sizeof **to);
	}
	for (i = 0; i < k; i++) {
		dyad_event *e = &(*to)[(*n)++];
		*e = from[i];
		/* the window's arena goes before the document is written: its strings are copied, its mentions let go */
		e->source.mention = e->target.mention = NULL;
		e->source.person = doc_str(l, e->source.person);
		e->target.person = doc_str(l, e->target.person);
		e->mode = doc_str(l, e->mode);
		e->why = doc_str(l, e->why);
		e->location = doc_str(l, e->location);
		e->location_country = doc_str(l, e->location_country);
		e->rule = doc_str(l, e->rule); /* "…, governing …" is made in the window */
	}
}

static void take_window(void *ctx, const dyad_window *w)
{
	struct long_doc *l = ctx;
	size_t i;

	if (l->keep_mentions) {
		if (l->nm + w->nmentions > l->capm) {
			l->capm = (l->nm + w->nmentions) * 2;
			l->m = dyad_xrealloc(l->m, l->capm * sizeof *l->m);
		}
		for (i = 0; i < w->nmentions; i++) {
			dyad_mention *m = &l->m[l->nm++];
			*m = w->mentions[i];
			m->person = doc_str(l, m->person);
		}
	}
	push_events(l, &l->kept, &l->nkept, &l->capkept, w->events, w->nkept);
	if (l->keep_aside)
		push_events(l, &l->aside, &l->naside, &l->capaside, w->events + w->nkept, w->nevents - w->nkept);
}

/* A document too long to tokenize at once: actors and events window by window (dyad_code_windows). */
static void long_document(dyad_pipeline *p, dyad_document *out)
{
	struct long_doc *l = p->long_doc;
	dyad_window_input in;

	if (l == NULL) {
		l = p->long_doc = dyad_xcalloc(1, sizeof *l);
		l->scratch = dyad_arena_new();
	}
	l->doc = p->arena;
	l->keep_mentions = !p->events_only;
	l->keep_aside = p->explain;
	l->nm = l->nkept = l->naside = 0;
	memset(&in, 0, sizeof in);
	in.text = out->doc.body;
	in.sents = out->sent_bytes;
	in.nsents = out->nsent;
	in.day = out->day;
	in.dateline = out->doc.dateline;
	in.matcher = p->matcher;
	in.patterns = p->patterns;
	in.stemmer = p->stemmer;
	in.morph = p->morph;
	in.lang = out->lang;
	in.ntitle_mentions = title_mentions(p, out, &in.title_mentions);
	in.all = p->explain;
	dyad_code_windows(l->scratch, &in, take_window, l);
	dyad_arena_reset(l->scratch);
	out->mentions = l->m;
	out->nmentions = l->nm;
	/* kept events first, then those set aside */
	push_events(l, &l->kept, &l->nkept, &l->capkept, l->aside, l->naside);
	out->events = l->kept;
	out->nevents = l->nkept - l->naside;
	out->nevents_all = l->nkept;
}

void dyad_pipeline_close(dyad_pipeline *p)
{
	long_doc_free(p->long_doc);
	dyad_outlets_free(p->outlets);
	dyad_langid_free(p->langid);
	dyad_matcher_free(p->matcher);
	dyad_places_free(p->places);
	dyad_patterns_free(p->patterns);
	dyad_stemmer_free(p->stemmer);
	dyad_morph_free(p->morph);
	dyad_lexicon_free(p->lexicon);
	dyad_arena_free(p->arena);
	memset(p, 0, sizeof *p);
}

void dyad_pipeline_document(dyad_pipeline *p, const dyad_page *page, dyad_document *out)
{
	size_t i, cp = 0, at = 0;
	int in_windows;

	memset(out, 0, sizeof *out);
	out->page = page;
	if (p->raw) {
		/* text already clean (a corpus, a test set): offsets stay those of the input */
		out->doc.body = page->text;
	} else {
		dyad_clean_page(p->arena, page, p->outlets, &out->doc);
	}
	out->lang = out->doc.body.n ? dyad_langid_detect(p->langid, out->doc.body) : DYAD_LANG_OTHER;
	/* a document too long to tokenize at once is coded window by window (long_document) */
	in_windows = p->matcher && out->doc.body.n > (size_t)4 * DYAD_CODE_WINDOW;
	if (p->matcher && !in_windows) {
		/* the recognizer needs the tokens too: make them once */
		out->ntoks = dyad_tokenize(p->arena, out->doc.body, &out->toks);
		out->nsent = dyad_sent_split_tokens(p->arena, out->doc.body, out->toks, out->ntoks, &out->sent_bytes);
	} else {
		out->nsent = dyad_sent_split(p->arena, out->doc.body, &out->sent_bytes);
	}
	out->sent_cps = DYAD_ARENA_NEW(p->arena, dyad_span, out->nsent ? out->nsent : 1);
	/* byte spans to code points in one walk: spans come in order */
	for (i = 0; i < out->nsent; i++) {
		dyad_span s = out->sent_bytes[i];

		cp += dyad_utf8_count((dyad_str){ out->doc.body.p + at, s.start - at });
		out->sent_cps[i].start = cp;
		cp += dyad_utf8_count((dyad_str){ out->doc.body.p + s.start, s.end - s.start });
		out->sent_cps[i].end = cp;
		at = s.end;
	}
	out->content_hash = dyad_hash64(out->doc.body.p, out->doc.body.n, DYAD_HASH_SEED);
	out->day = p->default_day;
	if (out->doc.date) {
		dyad_ymd d = dyad_ymd_parse(dyad_str_c(out->doc.date));
		if (d > 0)
			out->day = d;
	}
	if (in_windows) {
		long_document(p, out);
		return;
	}
	if (p->matcher) {
		out->nmentions = dyad_actors_find(p->matcher, p->arena, out->doc.body, out->toks, out->ntoks,
						  out->sent_bytes, out->nsent, out->day, &out->mentions);
	}
	if (p->patterns) {
		dyad_code_input in;
		out->morph = dyad_code_morph(p->morph, p->arena, out->lang, out->doc.body, out->toks, out->ntoks,
					     out->sent_bytes, out->nsent);
		in.text = out->doc.body;
		in.toks = out->toks;
		in.ntoks = out->ntoks;
		in.sents = out->sent_bytes;
		in.nsents = out->nsent;
		in.mentions = out->mentions;
		in.nmentions = out->nmentions;
		in.day = out->day;
		in.dateline = out->doc.dateline;
		in.ntitle_mentions = title_mentions(p, out, &in.title_mentions);
		in.morph = out->morph;
		out->nevents = dyad_code_doc(p->patterns, p->stemmer, p->arena, &in, p->explain, &out->events,
					     &out->nevents_all);
	}
}

void dyad_json_opt(dyad_buf *b, const char *name, const char *v)
{
	dyad_buf_printf(b, ",\"%s\":", name);
	if (v && *v)
		dyad_buf_json_str(b, dyad_str_c(v));
	else
		dyad_buf_puts(b, "null");
}

int dyad_name_is_cyrillic(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0xD0 && (unsigned char)*s <= 0xD3)
			return 1;
	return 0;
}

void dyad_actor_identity_json(dyad_buf *b, const dyad_lexicon *lx, uint32_t entity, const char *person,
			      const char *country, const char *igo)
{
	const dyad_lex_entity *e = lx ? dyad_lexicon_actor(lx, entity, person, country, igo) : NULL;

	if (person && *person && (e == NULL || e->kind != DYAD_LEX_PERSON)) {
		int ru = dyad_name_is_cyrillic(person);
		dyad_json_opt(b, "id", NULL);
		dyad_json_opt(b, "name", ru ? NULL : person);
		dyad_json_opt(b, "name_ru", ru ? person : NULL);
		dyad_json_opt(b, "wikidata", NULL);
		return;
	}
	dyad_json_opt(b, "id", e ? e->id : NULL);
	dyad_json_opt(b, "name", e ? e->name_en : NULL);
	dyad_json_opt(b, "name_ru", e ? e->name_ru : NULL);
	dyad_json_opt(b, "wikidata", e ? e->wikidata : NULL);
}

static void json_field(dyad_buf *b, const char *name, const char *value)
{
	dyad_buf_printf(b, ",\"%s\":", name);
	if (value)
		dyad_buf_json_str(b, dyad_str_c(value));
	else
		dyad_buf_puts(b, "null");
}

/* With a file to write to, the buffer goes out whenever it holds a megabyte: a long body is never held twice. */
static void flush_big(dyad_buf *b, FILE *f)
{
	if (f && b->n >= (1u << 20)) {
		fwrite(b->p, 1, b->n, f);
		dyad_buf_clear(b);
	}
}

static void document_json(dyad_buf *b, const dyad_document *d, FILE *f)
{
	const dyad_page *pg = d->page;
	size_t i, at;

	dyad_buf_printf(b, "{\"id\":\"%016llx\",\"content_hash\":\"%016llx\",\"path\":",
			(unsigned long long)pg->id, (unsigned long long)d->content_hash);
	dyad_buf_json_str(b, dyad_str_c(pg->path));
	json_field(b, "record", pg->record);
	dyad_buf_puts(b, ",\"url\":");
	if (pg->url.n)
		dyad_buf_json_str(b, pg->url);
	else
		dyad_buf_puts(b, "null");
	json_field(b, "format", dyad_format_name(pg->format));
	json_field(b, "language", dyad_lang_code(d->lang));
	json_field(b, "title", d->doc.title);
	json_field(b, "date", d->doc.date);
	json_field(b, "time", d->doc.time);
	json_field(b, "outlet", d->doc.outlet);
	json_field(b, "dateline", d->doc.dateline);
	json_field(b, "author", d->doc.author);
	dyad_buf_puts(b, ",\"body\":\"");
	for (at = 0; at < d->doc.body.n;) {
		/* a megabyte at a time, cut between characters */
		size_t end = d->doc.body.n - at > (1u << 20) ? at + (1u << 20) : d->doc.body.n;
		while (end < d->doc.body.n && ((unsigned char)d->doc.body.p[end] & 0xc0) == 0x80)
			end++;
		dyad_buf_json_chars(b, (dyad_str){ d->doc.body.p + at, end - at });
		flush_big(b, f);
		at = end;
	}
	dyad_buf_putc(b, '"');
	dyad_buf_puts(b, ",\"furniture\":[");
	for (i = 0; i < d->doc.nfurniture; i++) {
		if (i)
			dyad_buf_putc(b, ',');
		dyad_buf_json_str(b, d->doc.furniture[i]);
	}
	dyad_buf_puts(b, "],\"sentences\":[");
	for (i = 0; i < d->nsent; i++) {
		dyad_buf_printf(b, "%s{\"start\":%zu,\"end\":%zu}", i ? "," : "", d->sent_cps[i].start,
				d->sent_cps[i].end);
		flush_big(b, f);
	}
	dyad_buf_puts(b, "]}");
}

void dyad_document_json(dyad_buf *b, const dyad_document *d)
{
	document_json(b, d, NULL);
}

void dyad_document_json_write(FILE *f, dyad_buf *b, const dyad_document *d)
{
	dyad_buf_clear(b);
	document_json(b, d, f);
	dyad_buf_putc(b, '\n');
	fwrite(b->p, 1, b->n, f);
	dyad_buf_clear(b);
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

void dyad_document_text(dyad_buf *b, const dyad_document *d)
{
	const dyad_page *pg = d->page;
	size_t i;

	dyad_buf_printf(b, "== %s%s%s\n", pg->path, pg->record ? " #" : "", pg->record ? pg->record : "");
	dyad_buf_printf(b, "title     %s\n", or_dash(d->doc.title));
	dyad_buf_printf(b, "date      %s%s%s\n", or_dash(d->doc.date), d->doc.time ? " " : "",
			d->doc.time ? d->doc.time : "");
	dyad_buf_printf(b, "outlet    %s\n", or_dash(d->doc.outlet));
	dyad_buf_printf(b, "dateline  %s\n", or_dash(d->doc.dateline));
	dyad_buf_printf(b, "language  %s\n", dyad_lang_code(d->lang));
	if (d->doc.author)
		dyad_buf_printf(b, "author    %s\n", d->doc.author);
	if (pg->url.n)
		dyad_buf_printf(b, "url       %.*s\n", (int)pg->url.n, pg->url.p);
	dyad_buf_printf(b, "id        %016llx\n", (unsigned long long)pg->id);
	dyad_buf_printf(b, "-- body: %zu sentences\n", d->nsent);
	for (i = 0; i < d->nsent; i++) {
		dyad_span s = d->sent_bytes[i];
		dyad_buf_printf(b, "%4zu  %.*s\n", i + 1, (int)(s.end - s.start), d->doc.body.p + s.start);
	}
	dyad_buf_printf(b, "-- furniture: %zu lines\n", d->doc.nfurniture);
	for (i = 0; i < d->doc.nfurniture; i++)
		dyad_buf_printf(b, "   | %.*s\n", (int)d->doc.furniture[i].n, d->doc.furniture[i].p);
}

int dyad_pipeline_run(dyad_pipeline *p, char **paths, int npaths, dyad_format format,
		      void (*fn)(void *ctx, const dyad_document *d), void *ctx)
{
	dyad_read_opts ro = DYAD_READ_OPTS_INIT;
	static const char *const stdin_only[] = { "-" };
	dyad_reader *r;
	dyad_page page;
	int rc, failed = 0;

	ro.format = format;
	r = npaths > 0 ? dyad_reader_new((const char *const *)paths, (size_t)npaths, &ro)
		       : dyad_reader_new(stdin_only, 1, &ro);
	while ((rc = dyad_reader_next(r, &page)) != 0) {
		dyad_document d;

		if (rc < 0) {
			fprintf(stderr, "dyad: %s\n", dyad_reader_errmsg(r));
			failed = 1;
			continue;
		}
		if (page.repaired)
			fprintf(stderr, "dyad: %s%s%s: %zu invalid UTF-8 sequences replaced\n", page.path,
				page.record ? ": record " : "", page.record ? page.record : "", page.repaired);
		dyad_arena_reset(p->arena);
		dyad_pipeline_document(p, &page, &d);
		fn(ctx, &d);
	}
	if (dyad_reader_failures(r) > 0)
		failed = 1;
	dyad_reader_free(r);
	return failed ? DYAD_EXIT_INPUT : DYAD_EXIT_OK;
}
