/*
 * pipeline.h — for the fuzz targets that code text: the shipped dictionaries
 * (data/ from the repository's root, or $DYAD_DATA) and the checks of what
 * the stages after the coder rely on: every mention and event span lies
 * inside the text, every code is NUL-terminated. The targets that fuzz a
 * dictionary code samples with it (fuzz_code_text, tokens to events with the
 * fuzzed dictionary); fuzz_coder goes through the library's pipeline.
 */
#ifndef DYAD_FUZZ_PIPELINE_H
#define DYAD_FUZZ_PIPELINE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/actors.h"
#include "dyad/code.h"
#include "dyad/lexicon.h"
#include "dyad/text.h"
#include "dyad/utf8.h"

static inline const char *fuzz_datadir(const char *sub, char *buf, size_t cap)
{
	const char *dir = getenv("DYAD_DATA");

	snprintf(buf, cap, "%s/%s", dir && *dir ? dir : "data", sub);
	return buf;
}

static inline void fuzz_quiet(void *ctx, const char *msg)
{
	(void)ctx;
	if (msg == NULL || msg[0] == '\0')
		abort();
}

static inline void fuzz_die(const char *what, const dyad_errbuf *e)
{
	fprintf(stderr, "fuzz: cannot load %s: %s (run from the repository's root, or set DYAD_DATA)\n", what,
		e->msg);
	abort();
}

static inline void fuzz_in_text(dyad_span s, dyad_str text)
{
	if (s.start > s.end || s.end > text.n)
		abort();
}

static inline void fuzz_side(const dyad_side *s)
{
	if (memchr(s->code, '\0', sizeof s->code) == NULL || memchr(s->country, '\0', sizeof s->country) == NULL ||
	    memchr(s->role, '\0', sizeof s->role) == NULL)
		abort();
}

/* Code `text` (valid UTF-8) with matcher m and patterns p; abort when a span or code is out of shape. */
static inline size_t fuzz_code_text(dyad_matcher *m, const dyad_patterns *p, dyad_stemmer *st, dyad_arena *a,
				    dyad_str text, dyad_ymd day, const char *dateline)
{
	dyad_token *toks;
	dyad_span *sents;
	dyad_mention *ms = NULL;
	dyad_event *evs = NULL;
	dyad_code_input in;
	size_t ntoks = dyad_tokenize(a, text, &toks), nsents, nms = 0, nev = 0, nall = 0, i;

	nsents = dyad_sent_split_tokens(a, text, toks, ntoks, &sents);
	if (m)
		nms = dyad_actors_find(m, a, text, toks, ntoks, sents, nsents, day, &ms);
	for (i = 0; i < nms; i++)
		fuzz_in_text(ms[i].span, text);
	if (p) {
		memset(&in, 0, sizeof in);
		in.text = text;
		in.toks = toks;
		in.ntoks = ntoks;
		in.sents = sents;
		in.nsents = nsents;
		in.mentions = ms;
		in.nmentions = nms;
		in.day = day;
		in.dateline = dateline;
		nev = dyad_code_doc(p, st, a, &in, 1, &evs, &nall);
		if (nev > nall)
			abort();
		for (i = 0; i < nall; i++) {
			fuzz_in_text(evs[i].evidence, text);
			fuzz_side(&evs[i].source);
			fuzz_side(&evs[i].target);
			if (memchr(evs[i].cameo, '\0', sizeof evs[i].cameo) == NULL)
				abort();
		}
	}
	return nev;
}

/* Code each of texts[0..n), then the last line of data[0..size) made valid UTF-8. */
static inline void fuzz_code_samples(dyad_matcher *m, const dyad_patterns *p, dyad_stemmer *st,
				     const char *const *texts, size_t n, const uint8_t *data, size_t size)
{
	const char *end = (const char *)data + size, *l = end;
	dyad_buf last = DYAD_BUF_INIT;
	size_t i;

	while (l > (const char *)data && l[-1] != '\n')
		l--;
	dyad_utf8_repair(&last, (dyad_str){ l, (size_t)(end - l) });
	for (i = 0; i <= n; i++) {
		dyad_arena *a = dyad_arena_new();
		dyad_str t = i < n ? dyad_str_c(texts[i]) : (dyad_str){ last.p ? last.p : "", last.n };
		fuzz_code_text(m, p, st, a, t, i ? 20210303 : 0, i ? "Астана" : NULL);
		dyad_arena_free(a);
	}
	dyad_buf_free(&last);
}

#endif
