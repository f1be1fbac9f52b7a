/*
 * internal.h — what the recognizer (actors.c) needs from the compiled
 * automaton (match.c): stepping over stems and reading a state's names.
 */
#ifndef DYAD_LEXICON_INTERNAL_H
#define DYAD_LEXICON_INTERNAL_H

#include "dyad/actors.h"

#define MATCH_ROOT 0u        /* where names start */
#define MATCH_PREFIX_ROOT 1u /* where compound prefixes start: "белорусско-" */
#define MATCH_NONE UINT32_MAX

/* Case a name asks of the text's first word: "US" is not "us", "Того" is not "того". */
enum { CASE_ANY = 0, CASE_CAPITAL = 1, CASE_UPPER = 2 };

/* One name ending in a state. */
typedef struct {
	uint32_t name; /* index into the lexicon's names */
	uint32_t next; /* next hit of the same state, or MATCH_NONE */
	uint8_t need;  /* CASE_* of the name's first word */
	uint8_t last;  /* CASE_* of its last word when it has two or more, else CASE_ANY */
} match_hit;

struct dyad_matcher {
	const dyad_lexicon *lx;
	dyad_stemmer *stemmer;
	dyad_arena *scratch; /* for stemming while compiling */
	uint32_t *first_hit; /* per state */
	size_t nstates, capstates;
	match_hit *hits;
	size_t nhits, caphits;
	struct match_edge *edges; /* open addressing, capacity a power of two */
	size_t nedges, capedges;
	dyad_buf pool;                 /* the stems the edges carry */
	dyad_places *places;           /* the gazetteer, or NULL (places.c) */
	const dyad_place **name_place; /* per lexicon name: its place, for capitals and cities */
	const dyad_matcher *tables;    /* a clone's original, whose tables it reads (dyad_matcher_clone); else NULL */
};

/** The state reached from `from` over `stem`, or MATCH_NONE. */
uint32_t match_step(const dyad_matcher *m, uint32_t from, dyad_str stem);

/** Case of a word as written: CASE_UPPER (two or more letters, all upper), CASE_CAPITAL, or CASE_ANY. */
int match_case_of(dyad_str word);

/**
 * The form of a word the automaton is keyed on: initials cut off
 * ("М.Тлеуберди" → "Тлеуберди"), a possessive cut off ("Kazakhstan's"),
 * then stemmed. Owned by `a`.
 */
dyad_str match_key(dyad_stemmer *st, dyad_arena *a, dyad_str word);

/**
 * The longest name of a place in the words [from, to) starting at `from`
 * (keys as match_key makes them, {NULL, 0} for non-words): its end token, and
 * up to `cap` candidates best first in `out` (*n gets their count in all);
 * `from` when no name starts there.
 */
size_t places_longest(const dyad_places *g, const dyad_str *keys, size_t from, size_t to, const dyad_place **out,
		      size_t cap, size_t *n);

#endif
