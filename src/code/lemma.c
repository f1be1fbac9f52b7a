/*
 * lemma.c — pattern words compared with text words by lemma: the readings
 * the morphology gives each token of a document (dyad_code_morph), the
 * lemmas of a token the coder compares (the reading chosen in context and
 * the others of its part of speech), and the rule by which a bare pattern
 * word matches a token — by lemma, else by Snowball stem where the
 * dictionary has not said no (docs/patterns.md).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

dyad_str lemma_key(dyad_arena *a, dyad_buf *scratch, dyad_str w)
{
	dyad_buf_clear(scratch);
	dyad_buf_putc(scratch, LEMMA_MARK);
	dyad_fold_buf(scratch, w);
	return (dyad_str){ dyad_arena_strndup(a, scratch->p, scratch->n), scratch->n };
}

/* Parts of speech whose lemma decides: words of other classes keep the stem ("со" and "с"). */
static int open_class(dyad_upos u)
{
	return u == DYAD_UPOS_NOUN || u == DYAD_UPOS_VERB || u == DYAD_UPOS_ADJ;
}

/*
 * The matching form of a lemma: az's lemmas are lower case already, so most
 * are their own folded form and are used as they are; one with "ё", a
 * capital or any other letter goes through the fold into `a`.
 */
static dyad_str fold_lemma(dyad_arena *a, dyad_buf *scratch, dyad_str l)
{
	size_t i;

	for (i = 0; i < l.n; i++) {
		unsigned char c = (unsigned char)l.p[i];
		if (c < 0x80 ? (c >= 'A' && c <= 'Z')
			     : !(i + 1 < l.n && ((c == 0xd0 && (unsigned char)l.p[i + 1] >= 0xb0) ||
						 (c == 0xd1 && (unsigned char)l.p[i + 1] < 0x90))))
			break;
		if (c >= 0x80)
			i++; /* а..я: two bytes, no fold */
	}
	if (i >= l.n)
		return l;
	dyad_buf_clear(scratch);
	dyad_fold_buf(scratch, l);
	return (dyad_str){ dyad_arena_strndup(a, scratch->p, scratch->n), scratch->n };
}

void lemma_token(dyad_arena *a, dyad_buf *scratch, const dyad_morph_word *w, tok_lemmas *out)
{
	size_t i, k, n = 0;
	dyad_upos best;

	memset(out, 0, sizeof *out);
	if (w == NULL || w->n == 0)
		return;
	out->lemmas = DYAD_ARENA_NEW(a, dyad_str, w->n);
	best = w->an[w->best < w->n ? w->best : 0].upos;
	for (i = 0; i < w->n; i++) {
		const dyad_analysis *an = &w->an[i];
		dyad_str key;
		/* "стали" of "стать" has no "сталь" among its lemmas; "выборах" has both "выборы" and "выбор" */
		if (i != w->best && an->upos != best)
			continue;
		if (an->known && open_class(an->upos))
			out->known = 1;
		key = fold_lemma(a, scratch, an->lemma);
		for (k = 0; k < n && !dyad_str_eq(out->lemmas[k], key); k++)
			;
		if (k == n) {
			out->lemmas[n++] = key;
			out->sig |= lemma_sig(key);
		}
	}
	out->n = n;
}

const size_t *patterns_at_lemma(const dyad_patterns *p, dyad_str lemma, size_t *n)
{
	char key[128];

	*n = 0;
	if (lemma.n + 1 > sizeof key)
		return NULL; /* no pattern word is that long */
	key[0] = LEMMA_MARK;
	memcpy(key + 1, lemma.p, lemma.n);
	return patterns_at(p, (dyad_str){ key, lemma.n + 1 }, n);
}

int lemma_among(const pat_el *e, const tok_lemmas *tl)
{
	size_t i;

	for (i = 0; i < tl->n; i++)
		if (tl->lemmas[i].n + 1 == e->lemma.n && memcmp(tl->lemmas[i].p, e->lemma.p + 1, tl->lemmas[i].n) == 0)
			return 1;
	return 0;
}

int lemma_future(const dyad_morph_word *w)
{
	/* the third person: "напомним", "отметим" open a sentence of the narrator, not a plan */
	const uint64_t fut = DYAD_F_TENSE_FUT | DYAD_F_VF_FIN | DYAD_F_PERSON_3;
	size_t i;

	if (w->n == 0 || (w->an[w->best < w->n ? w->best : 0].feats & fut) != fut)
		return 0;
	/* a form that is also a present ("атакует" of a verb of both aspects, "передает") says nothing */
	for (i = 0; i < w->n; i++)
		if (w->an[i].feats & DYAD_F_TENSE_PRES)
			return 0;
	return 1;
}

/* Is `el` (EL_WORD) a Russian dictionary lemma of an open class? */
static int word_is_lemma(const dyad_morph *m, dyad_arena *a, dyad_buf *scratch, const pat_el *el)
{
	dyad_str w = { el->lemma.p + 1, el->lemma.n - 1 };
	dyad_analysis *an;
	size_t n, i;

	/*
	 * English keeps the stem as well: its patterns write forms ("agreed",
	 * "talks") that WordNet also lists as words of their own, and English
	 * stems do not run two lemmas together the way Russian ones do. Cyrillic
	 * letters begin with 0xd0 or 0xd1 in UTF-8.
	 */
	if ((unsigned char)w.p[0] != 0xd0 && (unsigned char)w.p[0] != 0xd1)
		return 0;
	n = dyad_morph_analyze(m, a, DYAD_LANG_RU, w, 0, &an);
	for (i = 0; i < n; i++) {
		if (!an[i].known || !open_class(an[i].upos))
			continue;
		dyad_buf_clear(scratch);
		dyad_fold_buf(scratch, an[i].lemma);
		if (dyad_str_eq((dyad_str){ scratch->p, scratch->n }, w))
			return 1;
	}
	return 0;
}

void dyad_patterns_use_morph(dyad_patterns *p, const dyad_morph *m)
{
	dyad_arena *a = dyad_arena_new();
	dyad_buf scratch = DYAD_BUF_INIT;
	size_t i, k;

	for (i = 0; i < p->npats; i++) {
		for (k = 0; k < p->pats[i].nel; k++) {
			pat_el *el = &p->pats[i].el[k];
			if (el->kind == EL_WORD)
				el->is_lemma = word_is_lemma(m, a, &scratch, el);
		}
		dyad_arena_reset(a);
	}
	for (i = 0; i < p->nmods; i++)
		if (p->mods[i].w.kind == EL_WORD)
			p->mods[i].w.is_lemma = word_is_lemma(m, a, &scratch, &p->mods[i].w);
	dyad_buf_free(&scratch);
	dyad_arena_free(a);
}

dyad_morph_word *dyad_code_morph(const dyad_morph *m, dyad_arena *a, dyad_lang lang, dyad_str text,
				 const dyad_token *toks, size_t ntoks, const dyad_span *sents, size_t nsents)
{
	dyad_morph_word *w = DYAD_ARENA_NEW(a, dyad_morph_word, ntoks + 1);
	dyad_lang other = lang == DYAD_LANG_RU || lang == DYAD_LANG_EN ? lang : DYAD_LANG_EN;
	size_t i = 0, j, s = 0;

	while (i < ntoks) {
		int first_word = 1;
		/* the tokens of one sentence: [i, j) */
		while (s < nsents && sents[s].end <= toks[i].span.start)
			s++;
		for (j = i; j < ntoks && (s == nsents || toks[j].span.start < sents[s].end); j++) {
			const dyad_token *t = &toks[j];
			dyad_str word = { text.p + t->span.start, t->span.end - t->span.start };
			dyad_analysis *an;
			unsigned flags = (t->flags & DYAD_TOKF_CAPITAL) && !first_word ? DYAD_MORPH_MIDCAP : 0;
			w[j] = (dyad_morph_word){ NULL, 0, 0 };
			if (t->kind != DYAD_TOK_WORD)
				continue;
			w[j].n = dyad_morph_analyze(m, a, t->flags & DYAD_TOKF_CYRILLIC ? DYAD_LANG_RU : other, word,
						    flags, &an);
			w[j].an = an;
			first_word = 0;
		}
		dyad_morph_disambiguate(lang == DYAD_LANG_EN ? DYAD_LANG_EN : DYAD_LANG_RU, w + i, j - i);
		i = j;
	}
	return w;
}
