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

/*
 * The stems of the words met last, by the word as written: news repeats its words (the thousand
 * commonest forms make about half of a text), and a word met again costs a hash and a copy
 * instead of the fold and the Snowball stemmer. Direct-mapped: a word takes the slot its hash
 * names, and the word there before leaves. Words too long for a slot are stemmed every time.
 */
#define STEM_SLOTS 8192 /* a power of two */
#define STEM_TEXT 85    /* the word and its stem, one after the other */

struct stem_slot {
	uint64_t h;           /* of the word and the kind; 0: empty */
	unsigned char kind;   /* STEM_FULL or STEM_LIGHT */
	unsigned char wn, sn; /* the word's length, the stem's */
	char text[STEM_TEXT];
};

enum { STEM_FULL = 1, STEM_LIGHT = 2 };

struct dyad_stemmer {
	struct sb_stemmer *ru, *en;
	dyad_buf fold;
	struct stem_slot *cache; /* STEM_SLOTS, made on the first word */
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
	free(s->cache);
	sb_stemmer_delete(s->ru);
	sb_stemmer_delete(s->en);
	dyad_buf_free(&s->fold);
	free(s);
}

/* The slot of `word` of this kind, and its hash into *h; NULL when the word is too long to keep. */
static struct stem_slot *slot_of(dyad_stemmer *s, dyad_str word, unsigned char kind, uint64_t *h)
{
	if (word.n >= STEM_TEXT / 2)
		return NULL; /* the stem is at most the folded word, which may be as long as the word */
	if (s->cache == NULL)
		s->cache = dyad_xcalloc(STEM_SLOTS, sizeof *s->cache);
	*h = dyad_hash_mem(word.p, word.n, DYAD_HASH_SEED + kind) | 1;
	return &s->cache[*h & (STEM_SLOTS - 1)];
}

/* The stem kept for `word` in slot `sl`, copied into `a`; {NULL, 0} when the slot holds another word. */
static dyad_str cached(const struct stem_slot *sl, uint64_t h, unsigned char kind, dyad_arena *a, dyad_str word)
{
	char *out;

	if (sl == NULL || sl->h != h || sl->kind != kind || sl->wn != word.n || memcmp(sl->text, word.p, word.n) != 0)
		return (dyad_str){ NULL, 0 };
	out = dyad_arena_alloc(a, (size_t)sl->sn + 1);
	memcpy(out, sl->text + sl->wn, sl->sn);
	out[sl->sn] = '\0';
	return (dyad_str){ out, sl->sn };
}

/* Keep `stem` of `word` in slot `sl` (none: nothing); returns the stem. */
static dyad_str keep(struct stem_slot *sl, uint64_t h, unsigned char kind, dyad_str word, dyad_str stem)
{
	if (sl && word.n + stem.n <= STEM_TEXT) {
		sl->h = h;
		sl->kind = kind;
		sl->wn = (unsigned char)word.n;
		sl->sn = (unsigned char)stem.n;
		memcpy(sl->text, word.p, word.n);
		memcpy(sl->text + word.n, stem.p, stem.n);
	}
	return stem;
}

/* dyad_stem without the cache */
static dyad_str stem_word(dyad_stemmer *s, dyad_arena *a, dyad_str word)
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

dyad_str dyad_stem(dyad_stemmer *s, dyad_arena *a, dyad_str word)
{
	uint64_t h = 0;
	struct stem_slot *sl = slot_of(s, word, STEM_FULL, &h);
	dyad_str k = cached(sl, h, STEM_FULL, a, word);

	return k.p ? k : keep(sl, h, STEM_FULL, word, stem_word(s, a, word));
}

/* Russian case endings, longest first. */
static const char *const endings[] = { "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ий",
				       "ый",  "ая",  "яя",  "ое",  "ее",  "ие",  "ые",  "ую",  "юю", "ым", "им",
				       "ом",  "ем",  "ам",  "ям",  "ах",  "ях",  "ых",  "их",  "ью", "ою", "ею",
				       "а",   "я",   "ы",   "и",   "у",   "ю",   "о",   "е",   "ь",  "й",  NULL };

/* dyad_stem_light without the cache */
static dyad_str stem_light(dyad_stemmer *s, dyad_arena *a, dyad_str word)
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

dyad_str dyad_stem_light(dyad_stemmer *s, dyad_arena *a, dyad_str word)
{
	uint64_t h = 0;
	struct stem_slot *sl = slot_of(s, word, STEM_LIGHT, &h);
	dyad_str k = cached(sl, h, STEM_LIGHT, a, word);

	return k.p ? k : keep(sl, h, STEM_LIGHT, word, stem_light(s, a, word));
}
