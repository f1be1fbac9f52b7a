/*
 * code_helper.h — what the coding tests share: a text tokenized, split into
 * sentences, its actors found (its words analysed when a morphology is
 * given) and coded whole; and its kept events written one a line, so that a
 * test compares them with the line it expects.
 */
#ifndef DYAD_TESTS_CODE_HELPER_H
#define DYAD_TESTS_CODE_HELPER_H

#include <string.h>

#include "dyad/code.h"

/* What codes a test's texts: the actor matcher, the patterns, the stemmer and, or NULL, the morphology. */
typedef struct {
	dyad_matcher *matcher;
	const dyad_patterns *patterns;
	dyad_stemmer *stemmer;
	const dyad_morph *morph; /* NULL: pattern words are compared by stem alone */
} code_setup;

/*
 * Code `text` whole (a Russian document where the morphology is asked for);
 * *out gets the events (kept first, then those set aside when `all`), *nsents
 * the sentences. Returns the number of kept events. Everything is owned by `a`.
 */
static size_t code_text(const code_setup *cs, dyad_arena *a, const char *text, dyad_ymd day, int all, dyad_event **out,
			size_t *nall, size_t *nsents)
{
	dyad_code_input in;
	dyad_token *toks;
	dyad_span *sents;
	dyad_mention *ms;

	memset(&in, 0, sizeof in);
	in.text = dyad_str_c(text);
	in.ntoks = dyad_tokenize(a, in.text, &toks);
	in.toks = toks;
	in.nsents = dyad_sent_split(a, in.text, &sents);
	in.sents = sents;
	in.nmentions = dyad_actors_find(cs->matcher, a, in.text, toks, in.ntoks, sents, in.nsents, day, &ms);
	in.mentions = ms;
	in.day = day;
	if (cs->morph)
		in.morph = dyad_code_morph(cs->morph, a, DYAD_LANG_RU, in.text, toks, in.ntoks, sents, in.nsents);
	*nsents = in.nsents;
	return dyad_code_doc(cs->patterns, cs->stemmer, a, &in, all, out, nall);
}

/*
 * The kept events of `text`, one a line: "cameo source -> target", "<->"
 * between the two sides of a reciprocal event, " planned" after a planned
 * one. Valid until the next call.
 */
static const char *code_lines(const code_setup *cs, const char *text, dyad_ymd day)
{
	static dyad_buf out = DYAD_BUF_INIT;
	dyad_arena *a = dyad_arena_new();
	dyad_event *ev;
	size_t n, i, nall, nsents;

	n = code_text(cs, a, text, day, 0, &ev, &nall, &nsents);
	dyad_buf_clear(&out);
	for (i = 0; i < n; i++)
		dyad_buf_printf(&out, "%s%s %s %s %s%s", i ? "\n" : "", ev[i].cameo, ev[i].source.code,
				ev[i].reciprocal ? "<->" : "->", ev[i].target.code,
				ev[i].modality == DYAD_MOD_PLANNED ? " planned" : "");
	dyad_arena_free(a);
	return out.p ? out.p : "";
}

#endif
