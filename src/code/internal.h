/*
 * internal.h — the compiled pattern dictionaries shared by the loader
 * (patterns.c) and the coder (coder.c).
 */
#ifndef DYAD_CODE_INTERNAL_H
#define DYAD_CODE_INTERNAL_H

#include "dyad/code.h"

typedef enum {
	EL_WORD = 1,   /* a word, compared by stem */
	EL_PREFIX,     /* word*: compared by the folded word's beginning */
	EL_SOURCE,     /* $; key: a role the actor must have ("$:GOV"), or empty */
	EL_TARGET,     /* +; key as for EL_SOURCE */
	EL_PAIR,       /* $+ : "A и B", "between A and B": source and target, reciprocal */
	EL_GAP         /* ..: up to GAP_LONG tokens */
} el_kind;

#define GAP_SHORT 2  /* tokens that may stand between two elements anyway */
#define GAP_LONG 12  /* what ".." allows */

typedef struct {
	el_kind kind;
	dyad_str key;  /* EL_WORD: stem; EL_PREFIX: folded prefix */
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
enum { TGT_AFTER = 0, TGT_OTHER = 1, TGT_COUNTERPART = 2 };

typedef struct {
	pat_use use;
	char cameo[8];
	const char *mode;
	pat_el *el;
	size_t nel;
	size_t anchor;    /* index of the first word element */
	int source, target;
	const char *rule; /* "ru.txt:40: $ посетить +" */
	const char *file; /* the path it was read from, owned by the arena */
	size_t line;      /* its line in that file */
	dyad_str text;    /* the pattern as written */
} pattern;

/* Words that change what a sentence says about reality. */
typedef struct {
	dyad_modality mod;
	dyad_str key;     /* stem, or folded prefix when prefix is 1 */
	dyad_str fold;    /* the folded word as written: a bare word is compared by it, since a stem
	                     makes "посетит" (will visit) of "посетил" (visited) */
	int prefix;
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
	size_t *prefix_pats;  /* patterns anchored on a prefix word: tried everywhere */
	size_t nprefix, capprefix;
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
	dyad_str key;     /* {NULL,0}: empty */
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
 * of the prefix (two Cyrillic letters); shorter prefixes are tried everywhere.
 */
#define PREFIX_BUCKET 4
/** The bucket key of a folded word (at least PREFIX_BUCKET bytes long), owned by `a`. */
dyad_str prefix_bucket(dyad_arena *a, dyad_str folded);

/** The patterns whose anchor word has this stem; *n gets their count. */
const size_t *patterns_at(const dyad_patterns *p, dyad_str stem, size_t *n);

#endif
