/*
 * stem.c — Snowball stems for Russian and English words, with the folding
 * the stemmers do not do themselves (case, ё→е, typographic apostrophes).
 * A hyphenated compound stems its last part only: "белорусско-казахстанского"
 * → "белорусско-казахстанск".
 */
#include "dyad/text.h"

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dyad_stemmer {
	struct sb_stemmer *ru, *en;
	dyad_buf fold;
};

dyad_stemmer *dyad_stemmer_new(void)
{
	dyad_stemmer *s = dyad_xcalloc(1, sizeof *s);

	s->ru = sb_stemmer_new("russian", "UTF_8");
	s->en = sb_stemmer_new("english", "UTF_8");
	if (s->ru == NULL || s->en == NULL) {
		/* both are compiled into libstemmer: only memory can fail */
		fputs("dyad: out of memory\n", stderr);
		abort();
	}
	return s;
}

void dyad_stemmer_free(dyad_stemmer *s)
{
	if (s == NULL)
		return;
	sb_stemmer_delete(s->ru);
	sb_stemmer_delete(s->en);
	dyad_buf_free(&s->fold);
	free(s);
}

dyad_str dyad_stem(dyad_stemmer *s, dyad_arena *a, dyad_str word)
{
	dyad_str w, head = { NULL, 0 };
	struct sb_stemmer *st = NULL;
	const sb_symbol *r;
	size_t i, last = 0;
	char *out;
	int n;

	dyad_buf_clear(&s->fold);
	dyad_fold_buf(&s->fold, word);
	w = (dyad_str){ s->fold.p ? s->fold.p : "", s->fold.n };
	/* compounds: keep the head as it is, stem the last part */
	for (i = 0; i < w.n; i++)
		if (w.p[i] == '-')
			last = i + 1;
	if (last > 0 && last < w.n) {
		head = (dyad_str){ w.p, last };
		w = (dyad_str){ w.p + last, w.n - last };
	}
	for (i = 0; i < w.n && !st; i++) {
		unsigned char c = (unsigned char)w.p[i];
		if (c == 0xD0 || c == 0xD1)
			st = s->ru;
		else if (c >= 'a' && c <= 'z')
			st = s->en;
	}
	if (st == NULL || w.n > 256) {
		out = dyad_arena_strndup(a, s->fold.p ? s->fold.p : "", s->fold.n);
		return (dyad_str){ out, s->fold.n };
	}
	r = sb_stemmer_stem(st, (const sb_symbol *)w.p, (int)w.n);
	n = r ? sb_stemmer_length(st) : 0;
	if (r == NULL || n <= 0) {
		r = (const sb_symbol *)w.p;
		n = (int)w.n;
	}
	out = dyad_arena_alloc(a, head.n + (size_t)n + 1);
	if (head.n)
		memcpy(out, head.p, head.n);
	memcpy(out + head.n, r, (size_t)n);
	out[head.n + (size_t)n] = '\0';
	return (dyad_str){ out, head.n + (size_t)n };
}

/* Russian case endings, longest first. */
static const char *const endings[] = {
	"ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими",
	"ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ие", "ые", "ую", "юю", "ым", "им", "ом", "ем",
	"ам", "ям", "ах", "ях", "ых", "их", "ью", "ою", "ею",
	"а", "я", "ы", "и", "у", "ю", "о", "е", "ь", "й", NULL
};

dyad_str dyad_stem_light(dyad_stemmer *s, dyad_arena *a, dyad_str word)
{
	const char *const *e;
	size_t start = 0, i, n;
	char *out;

	dyad_buf_clear(&s->fold);
	dyad_fold_buf(&s->fold, word);
	n = s->fold.n;
	for (i = 0; i < n; i++)
		if (s->fold.p[i] == '-')
			start = i + 1;
	if (n > start && ((unsigned char)s->fold.p[start] == 0xD0 || (unsigned char)s->fold.p[start] == 0xD1)) {
		for (e = endings; *e; e++) {
			size_t k = strlen(*e);
			/* keep at least two letters (four bytes) of the last part */
			if (n - start >= k + 4 && memcmp(s->fold.p + n - k, *e, k) == 0) {
				n -= k;
				break;
			}
		}
	}
	out = dyad_arena_strndup(a, s->fold.p ? s->fold.p : "", n);
	return (dyad_str){ out, n };
}
