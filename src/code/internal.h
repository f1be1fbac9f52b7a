/*
 * internal.h — the compiled pattern dictionaries shared by the loader
 * (patterns.c) and the coder (coder.c).
 */
#ifndef DYAD_CODE_INTERNAL_H
#define DYAD_CODE_INTERNAL_H

#include "dyad/code.h"
#include "dyad/morph.h"

#include <string.h>

typedef enum {
	EL_WORD = 1, /* a word, compared by lemma, else by stem (lemma.c) */
	EL_PREFIX,   /* word*: compared by the folded word's beginning */
	EL_SOURCE,   /* $; key: a role the actor must have ("$:GOV"), or empty */
	EL_TARGET,   /* +; key as for EL_SOURCE */
	EL_PAIR,     /* $+ : "A и B", "between A and B": source and target, reciprocal */
	EL_GAP       /* ..: up to GAP_LONG tokens */
} el_kind;

#define GAP_SHORT 2 /* tokens that may stand between two elements anyway */
#define GAP_LONG 12 /* what ".." allows */

typedef struct {
	el_kind kind;
	dyad_str key;   /* EL_WORD: stem; EL_PREFIX: folded prefix */
	dyad_str lemma; /* EL_WORD: LEMMA_MARK and the folded word, as tokens carry their lemmas */
	int is_lemma;   /* EL_WORD: a dictionary lemma of an open class (dyad_patterns_use_morph) */
	uint64_t sig;   /* EL_WORD: lemma_sig of the folded word */
} pat_el;

/* What a pattern is for. */
typedef enum {
	PAT_EVENT = 1, /* codes an event */
	PAT_SPEECH,    /* names who speaks: "заявил $", "$ said" */
	PAT_NONEVENT   /* a phrase that looks like an event and is not ("передать привет") */
} pat_use;

/* Who a pattern's source is when it has no $. */
enum { SRC_SUBJECT = 0, SRC_SPEAKER = 1 };
/* Who a pattern's target is when it has no +. */
enum { TGT_AFTER = 0, TGT_OTHER = 1, TGT_COUNTERPART = 2, TGT_SUBJECT = 3 };

typedef struct {
	pat_use use;
	char cameo[8];
	const char *mode;
	pat_el *el;
	size_t nel;
	size_t anchor; /* index of the first word element */
	int source, target;
	const char *rule; /* "ru.txt:40: $ посетить +" */
	const char *file; /* the path it was read from, owned by the arena */
	size_t line;      /* its line in that file */
	dyad_str text;    /* the pattern as written */
} pattern;

/* Words that change what a sentence says about reality. */
typedef struct {
	dyad_modality mod;
	pat_el w; /* EL_WORD, or EL_PREFIX for "word*" */
} mod_word;

struct dyad_patterns {
	dyad_arena *arena;
	pattern *pats;
	size_t npats, cappats;
	mod_word *mods;
	size_t nmods, capmods;
	/* anchors: stem → patterns, open addressing over the anchor stems */
	struct anchor_slot *slots;
	size_t capslots;
	uint64_t short_first[4]; /* the first bytes of the short prefixes that anchor patterns, as bits */
	dyad_stemmer *stemmer;
	/* loading state */
	const char *file;
	int cur_use;
	char cur_cameo[8];
	const char *cur_mode;
	int cur_source, cur_target;
	int cur_mod;
	void (*warn)(void *, const char *);
	void *warn_ctx;
};

struct anchor_slot {
	dyad_str key; /* {NULL,0}: empty */
	size_t *pats;
	size_t n, cap;
};

/**
 * The key a word is compared by, in patterns and in text alike: its stem,
 * with the vowel-ended variants of Russian prepositions made one ("со" →
 * "с", "во" → "в", "ко" → "к", "обо" → "об"). Owned by `a`.
 */
dyad_str code_key(dyad_stemmer *st, dyad_arena *a, dyad_str word);

/*
 * Patterns anchored on "word*" are filed under the first PREFIX_BUCKET bytes
 * of the prefix (two Cyrillic letters); shorter prefixes ("ban*") under their
 * first byte, which short_first marks, so a word looks them up only when one
 * begins as it does.
 */
#define PREFIX_BUCKET 4
/*
 * A prefix of PREFIX_LONG bytes or more (four Cyrillic letters) is filed under that many instead:
 * "пр" starts fifty prefixes, "приз" a few, so a word tries only the prefixes it may have.
 */
#define PREFIX_LONG 8
/*
 * The first byte of a bucket key of PREFIX_BUCKET bytes, of PREFIX_LONG bytes, and of a lemma
 * key (lemma.c): never the first byte of a stem, and each its own, so that the three share the
 * anchor table and a lemma ("план") never finds the prefixes filed under its letters ("планиру*").
 */
#define PREFIX_MARK '\x01'
#define PREFIX_LONG_MARK '\x03'
#define LEMMA_MARK '\x02'
#define PREFIX_SHORT_MARK '\x04' /* the bucket of one byte, for prefixes shorter than PREFIX_BUCKET */

/**
 * The bucket key of a folded word's first `len` bytes (1, PREFIX_BUCKET or PREFIX_LONG; the word
 * has at least that many), written into `key`.
 */
static inline dyad_str prefix_bucket(char key[PREFIX_LONG + 1], dyad_str folded, size_t len)
{
	key[0] = len == PREFIX_BUCKET ? PREFIX_MARK : len == PREFIX_LONG ? PREFIX_LONG_MARK : PREFIX_SHORT_MARK;
	memcpy(key + 1, folded.p, len);
	return (dyad_str){ key, len + 1 };
}

/** Does a short prefix beginning with byte `b` anchor a pattern? */
static inline int short_prefix_at(const dyad_patterns *p, unsigned char b)
{
	return (int)(p->short_first[b >> 6] >> (b & 63)) & 1;
}

/** The patterns whose anchor word has this stem (or this marked lemma); *n gets their count. */
const size_t *patterns_at(const dyad_patterns *p, dyad_str stem, size_t *n);

/* ---- lemmas (lemma.c) ---------------------------------------------------------------------------- */

/** A text token's lemmas, as the coder compares them with pattern words. */
typedef struct {
	dyad_str *lemmas; /* folded lemmas, distinct (without LEMMA_MARK) */
	size_t n;
	int known;    /* a reading among them is the dictionary's (not predicted), of an open class */
	uint64_t sig; /* the lemma_sig bits of its lemmas: a word whose bit is not set is none of them */
} tok_lemmas;

/** One bit of 64 for a folded word, from its length and its last byte: a quick "surely not equal". */
static inline uint64_t lemma_sig(dyad_str w)
{
	return w.n ? UINT64_C(1) << ((w.n * 7 + (unsigned char)w.p[w.n - 1]) & 63) : 0;
}

/** LEMMA_MARK and the folded word `w`, owned by `a`. */
dyad_str lemma_key(dyad_arena *a, dyad_buf *scratch, dyad_str w);

/**
 * The lemmas of a token with readings `w` (NULL or none: no lemmas) into
 * *out: the reading chosen in context and the others of its part of speech.
 * Allocations in `a`; `scratch` is a reusable buffer.
 */
void lemma_token(dyad_arena *a, dyad_buf *scratch, const dyad_morph_word *w, tok_lemmas *out);

/** The patterns whose anchor word is the folded lemma `lemma` (no LEMMA_MARK); *n gets their count. */
const size_t *patterns_at_lemma(const dyad_patterns *p, dyad_str lemma, size_t *n);

/** Is the pattern word `e` (EL_WORD) one of the lemmas `tl`? */
int lemma_among(const pat_el *e, const tok_lemmas *tl);

/**
 * Does a token with stem key `stem` and lemmas `tl` match the pattern word
 * `e` (EL_WORD)? When one of its lemmas is the word; else when their stems
 * are equal, unless the word is a dictionary lemma and the token's readings
 * are the dictionary's too (then the lemmas have said no). Inline: the coder
 * asks it for every word near a pattern.
 */
static inline int lemma_word_matches(const pat_el *e, dyad_str stem, const tok_lemmas *tl)
{
	if ((tl->sig & e->sig) && lemma_among(e, tl))
		return 1;
	if (!stem.p || stem.n != e->key.n || memcmp(stem.p, e->key.p, stem.n) != 0)
		return 0;
	return !(e->is_lemma && tl->known);
}

/**
 * Is the reading chosen for `w` a finite verb in the future tense, third
 * person ("посетит", "будут"), and no reading of it a present?
 */
int lemma_future(const dyad_morph_word *w);

#endif
