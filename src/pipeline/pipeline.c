/*
 * pipeline.c — the stages after one another (include/dyad/pipeline.h): a page
 * cleaned, its language found, split into sentences, its actors recognised and
 * its events coded, with the dictionaries loaded once and shared by every
 * handle cloned from the first. A long document is coded window by window.
 * The threads of a stream (stream.c) each work through a handle of their own.
 */
#include "pipeline/internal.h"

#include "dyad/utf8.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void shared_release(pipe_shared *s)
{
	if (s == NULL || atomic_fetch_sub(&s->refs, 1) != 1)
		return;
	dyad_outlets_free(s->outlets);
	dyad_matcher_free(s->matcher);
	dyad_places_free(s->places);
	dyad_patterns_free(s->patterns);
	dyad_morph_free(s->morph);
	dyad_lexicon_free(s->lexicon);
	free(s);
}

/* The code for a dictionary that would not load: missing, or there and malformed. */
static int load_code(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? DYAD_EINPUT : DYAD_ENOTFOUND;
}

/* The morphology: DATADIR/morph when it holds the dictionaries (an install), else dyad_morph_open's search path. */
static int open_morph(pipe_shared *s, dyad_errbuf *e)
{
	char path[4200];
	struct stat st;
	dyad_errbuf me;
	int rc;

	snprintf(path, sizeof path, "%s/morph", s->datadir);
	if ((rc = dyad_morph_open(&s->morph, stat(path, &st) == 0 ? path : NULL, &me)) < 0)
		return dyad_errf(e, rc, "cannot load the morphology dictionaries: %s", me.msg);
	return 0;
}

/* A loader's warnings, kept while it runs beside the others and passed on in the order one thread would give. */
typedef struct {
	dyad_buf msgs; /* each message followed by a NUL */
} warn_log;

static void keep_warning(void *ctx, const char *msg)
{
	warn_log *w = ctx;

	dyad_buf_puts(&w->msgs, msg);
	dyad_buf_putc(&w->msgs, '\0');
}

static void pass_warnings(const dyad_pipeline_opts *o, warn_log *w)
{
	size_t at;

	for (at = 0; o->warn && at < w->msgs.n; at += strlen(w->msgs.p + at) + 1)
		o->warn(o->warn_ctx, w->msgs.p + at);
	dyad_buf_free(&w->msgs);
}

/* The gazetteer and the lexicon's automaton, each on a thread of its own while the morphology loads. */
typedef struct {
	pipe_shared *s;
	char path[4200];
	warn_log warnings;
	dyad_errbuf e;
	pthread_t places, matcher;
	int on_threads;
} actor_load;

static void *load_places(void *arg)
{
	actor_load *l = arg;

	l->s->places = dyad_places_load(l->path, l->s->lexicon, keep_warning, &l->warnings, &l->e);
	return NULL;
}

static void *compile_matcher(void *arg)
{
	actor_load *l = arg;

	l->s->matcher = dyad_matcher_new(l->s->lexicon);
	return NULL;
}

static void actor_load_start(actor_load *l)
{
	l->on_threads = pthread_create(&l->places, NULL, load_places, l) == 0;
	if (!l->on_threads) {
		load_places(l);
		compile_matcher(l);
	} else if (pthread_create(&l->matcher, NULL, compile_matcher, l) != 0) {
		compile_matcher(l);
		pthread_join(l->places, NULL);
		l->on_threads = 0;
	}
}

static void actor_load_wait(actor_load *l)
{
	if (l->on_threads) {
		pthread_join(l->places, NULL);
		pthread_join(l->matcher, NULL);
		l->on_threads = 0;
	}
}

/*
 * Load what s->flags ask for. The lexicon's automaton, the gazetteer and the
 * morphology with the patterns are made at once (they need only the lexicon,
 * or nothing); warnings and the first failure come as a load one after the
 * other gives them: outlets, lexicon, places, morphology, patterns.
 */
static int load(pipe_shared *s, const dyad_pipeline_opts *o, dyad_errbuf *e)
{
	char path[4200], events[4200];
	actor_load al;
	warn_log pat_warnings = { DYAD_BUF_INIT };
	dyad_errbuf le, me, pe;
	int actors = (s->flags & DYAD_PIPE_ACTORS) != 0, morph_rc = 0;

	snprintf(path, sizeof path, "%s/outlets.txt", s->datadir);
	if ((s->outlets = dyad_outlets_load(path, o->warn, o->warn_ctx, &le)) == NULL)
		return dyad_errf(e, load_code(path), "cannot load the outlet dictionary: %s", le.msg);
	memset(&al, 0, sizeof al);
	if (actors) {
		snprintf(path, sizeof path, "%s/actors", s->datadir);
		if ((s->lexicon = dyad_lexicon_load(path, o->warn, o->warn_ctx, &le)) == NULL)
			return dyad_errf(e, load_code(path), "cannot load the actor lexicon: %s", le.msg);
		al.s = s;
		snprintf(al.path, sizeof al.path, "%s/places", s->datadir);
		actor_load_start(&al);
	}
	if (actors || (s->flags & DYAD_PIPE_MORPH))
		morph_rc = open_morph(s, &me);
	snprintf(events, sizeof events, "%s/events", s->datadir);
	if ((s->flags & DYAD_PIPE_EVENTS) && morph_rc == 0 &&
	    (s->patterns = dyad_patterns_load(o->events_dir ? o->events_dir : events, keep_warning, &pat_warnings, &pe)) !=
		    NULL)
		dyad_patterns_use_morph(s->patterns, s->morph);
	if (actors) {
		actor_load_wait(&al);
		pass_warnings(o, &al.warnings);
		if (s->places == NULL) {
			dyad_buf_free(&pat_warnings.msgs);
			return dyad_errf(e, load_code(al.path), "cannot load the places: %s", al.e.msg);
		}
		dyad_matcher_set_places(s->matcher, s->places);
	}
	if (morph_rc < 0) {
		dyad_buf_free(&pat_warnings.msgs);
		return dyad_errf(e, morph_rc, "%s", me.msg);
	}
	pass_warnings(o, &pat_warnings);
	if ((s->flags & DYAD_PIPE_EVENTS) && s->patterns == NULL)
		return dyad_errf(e, load_code(o->events_dir ? o->events_dir : events),
				 "cannot load the event patterns: %s", pe.msg);
	return 0;
}

/* A handle on `s` (whose count the caller has raised): the state one thread changes. */
static dyad_pipeline *handle_new(pipe_shared *s, dyad_errbuf *e)
{
	dyad_pipeline *p = dyad_xcalloc(1, sizeof *p);
	dyad_errbuf le;

	p->sh = s;
	p->arena = dyad_arena_new();
	p->stemmer = dyad_stemmer_new();
	if (s->matcher)
		p->matcher = dyad_matcher_clone(s->matcher);
	if ((p->langid = dyad_langid_new(&le)) == NULL) {
		dyad_errf(e, DYAD_ENOTFOUND, "cannot load the language models: %s", le.msg);
		dyad_pipeline_close(p);
		return NULL;
	}
	return p;
}

int dyad_pipeline_open(dyad_pipeline **out, const dyad_pipeline_opts *o, dyad_errbuf *e)
{
	static const dyad_pipeline_opts defaults = DYAD_PIPELINE_OPTS_INIT;
	pipe_shared *s = dyad_xcalloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (o == NULL)
		o = &defaults;
	atomic_init(&s->refs, 1);
	snprintf(s->datadir, sizeof s->datadir, "%s", o->datadir ? o->datadir : dyad_datadir());
	s->flags = o->flags;
	if (s->flags & DYAD_PIPE_EVENTS)
		s->flags |= DYAD_PIPE_ACTORS;
	s->default_day = o->default_day;
	if ((rc = load(s, o, e)) < 0) {
		shared_release(s);
		return rc;
	}
	*out = handle_new(s, e);
	return *out ? 0 : DYAD_ENOTFOUND;
}

int dyad_pipeline_clone(dyad_pipeline **out, const dyad_pipeline *p, dyad_errbuf *e)
{
	atomic_fetch_add(&p->sh->refs, 1);
	*out = handle_new(p->sh, e);
	return *out ? 0 : DYAD_ENOTFOUND;
}

void dyad_pipeline_close(dyad_pipeline *p)
{
	if (p == NULL)
		return;
	pipe_stream_end(p);
	pipe_long_free(p->long_doc);
	dyad_langid_free(p->langid);
	dyad_matcher_free(p->matcher);
	dyad_stemmer_free(p->stemmer);
	dyad_arena_free(p->arena);
	dyad_buf_free(&p->text);
	free(p->name);
	shared_release(p->sh);
	free(p);
}

const char *dyad_pipeline_datadir(const dyad_pipeline *p)
{
	return p->sh->datadir;
}

const dyad_outlets *dyad_pipeline_outlets(const dyad_pipeline *p)
{
	return p->sh->outlets;
}

const dyad_lexicon *dyad_pipeline_lexicon(const dyad_pipeline *p)
{
	return p->sh->lexicon;
}

dyad_places *dyad_pipeline_places(const dyad_pipeline *p)
{
	return p->sh->places;
}

const dyad_patterns *dyad_pipeline_patterns(const dyad_pipeline *p)
{
	return p->sh->patterns;
}

const dyad_morph *dyad_pipeline_morph(const dyad_pipeline *p)
{
	return p->sh->morph;
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
	dyad_arena *scratch; /* the window being coded */
	dyad_arena *doc;     /* the document's arena: strings copied out of the window */
	int keep_mentions, keep_aside;
	dyad_mention *m;
	size_t nm, capm;
	dyad_event *kept, *aside;
	size_t nkept, capkept, naside, capaside;
};

void pipe_long_free(struct long_doc *l)
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
	l->keep_mentions = !(p->sh->flags & DYAD_PIPE_EVENTS_ONLY);
	l->keep_aside = (p->sh->flags & DYAD_PIPE_EXPLAIN) != 0;
	l->nm = l->nkept = l->naside = 0;
	memset(&in, 0, sizeof in);
	in.text = out->doc.body;
	in.sents = out->sent_bytes;
	in.nsents = out->nsent;
	in.day = out->day;
	in.dateline = out->doc.dateline;
	in.matcher = p->matcher;
	in.patterns = p->sh->patterns;
	in.stemmer = p->stemmer;
	in.morph = p->sh->morph;
	in.lang = out->lang;
	in.ntitle_mentions = title_mentions(p, out, &in.title_mentions);
	in.all = l->keep_aside;
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

/* Clean `page` into `out`, then the stages the pipeline was opened for (allocations in p->arena). */
static void make_document(dyad_pipeline *p, const dyad_page *page, dyad_document *out)
{
	const pipe_shared *s = p->sh;
	size_t i, cp = 0, at = 0;
	int in_windows;

	memset(out, 0, sizeof *out);
	out->page = page;
	if (s->flags & DYAD_PIPE_RAW) {
		/* text already clean (a corpus, a test set): offsets stay those of the input */
		out->doc.body = page->text;
	} else {
		dyad_clean_page(p->arena, page, s->outlets, &out->doc);
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
		dyad_span sp = out->sent_bytes[i];

		cp += dyad_utf8_count((dyad_str){ out->doc.body.p + at, sp.start - at });
		out->sent_cps[i].start = cp;
		cp += dyad_utf8_count((dyad_str){ out->doc.body.p + sp.start, sp.end - sp.start });
		out->sent_cps[i].end = cp;
		at = sp.end;
	}
	out->content_hash = dyad_hash64(out->doc.body.p, out->doc.body.n, DYAD_HASH_SEED);
	out->day = s->default_day;
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
	if (s->patterns) {
		dyad_code_input in;
		out->morph = dyad_code_morph(s->morph, p->arena, out->lang, out->doc.body, out->toks, out->ntoks,
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
		out->nevents = dyad_code_doc(s->patterns, p->stemmer, p->arena, &in,
					     (s->flags & DYAD_PIPE_EXPLAIN) != 0, &out->events, &out->nevents_all);
	}
}

int dyad_pipeline_page(dyad_pipeline *p, const dyad_page *page, const dyad_document **out, dyad_errbuf *e)
{
	*out = NULL;
	if (page == NULL || (page->text.p == NULL && page->text.n))
		return dyad_errf(e, DYAD_EUSAGE, "a page without text");
	dyad_arena_reset(p->arena);
	make_document(p, page, &p->doc);
	*out = &p->doc;
	return 0;
}

int dyad_pipeline_text(dyad_pipeline *p, const char *name, const char *text, size_t n, const dyad_document **out,
		       dyad_errbuf *e)
{
	dyad_str raw = { text, n };
	dyad_buf fixed = DYAD_BUF_INIT;

	*out = NULL;
	if (name == NULL || text == NULL)
		return dyad_errf(e, DYAD_EUSAGE, "%s", name ? "no text" : "a text without a name");
	free(p->name);
	p->name = dyad_xstrdup(name);
	memset(&p->text_page, 0, sizeof p->text_page);
	p->text_page.path = p->name;
	p->text_page.format = DYAD_FMT_TEXT;
	/* the id a file of these bytes gets from the reader */
	p->text_page.id = dyad_hash64(text, n, DYAD_HASH_SEED);
	dyad_buf_clear(&p->text);
	if (!dyad_utf8_valid(raw) || memchr(text, 0, n)) {
		p->text_page.repaired = dyad_utf8_repair(&fixed, raw);
		raw = (dyad_str){ fixed.p ? fixed.p : "", fixed.n };
	}
	dyad_utf8_nfc(&p->text, raw);
	dyad_buf_free(&fixed);
	p->text_page.text = (dyad_str){ p->text.p ? p->text.p : "", p->text.n };
	return dyad_pipeline_page(p, &p->text_page, out, e);
}
