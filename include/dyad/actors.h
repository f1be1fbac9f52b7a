/*
 * actors.h — finding actors in text. The lexicon (lexicon.h) is compiled
 * once into a matcher: an automaton whose transitions are word stems, so
 * "Токаевым", "в Нур-Султане" and "Kazakhstan's" reach the same entries as
 * their dictionary forms. Recognition then turns raw matches into mentions:
 * countries, organisations, people with their office on the document's date,
 * roles attached to a country ("посол Казахстана"), and places.
 */
#ifndef DYAD_ACTORS_H
#define DYAD_ACTORS_H

#include "dyad/lexicon.h"
#include "dyad/places.h"
#include "dyad/text.h"

typedef enum {
	DYAD_MENTION_COUNTRY = 1, /**< a state as a whole: "Казахстан", "белорусский", "Kazakhs" */
	DYAD_MENTION_IGO,         /**< an international organisation: "ШОС", "the CSTO" */
	DYAD_MENTION_PERSON,      /**< a person, in the lexicon or named after a role and a country */
	DYAD_MENTION_ROLE, /**< a body or a title standing for an actor: "МИД Казахстана", "Кремль" */
	DYAD_MENTION_LOCATION /**< a place: "в Минске", "in Astana" */
} dyad_mention_kind;

/** "country", "igo", "person", "role", "location". */
const char *dyad_mention_kind_name(dyad_mention_kind k);

typedef struct {
	dyad_span span;            /**< bytes in the text the tokens came from */
	size_t tok_start, tok_end; /**< tokens [tok_start, tok_end) */
	size_t sentence;           /**< index of the sentence it lies in */
	dyad_mention_kind kind;
	char code[24];      /**< CAMEO-style: KAZ, KAZGOV, IGOSCO; "" when no country is known */
	char country[8];    /**< ISO3, or "" */
	char role[8];       /**< GOV, LEG, DIP, ... or "" */
	const char *igo;    /**< the organisation's short name (SCO), or NULL */
	const char *person; /**< canonical name of a person, or NULL; owned by the lexicon or the arena */
	const char *title;  /**< the office or role in words ("president"), or NULL */
	const char *name; /**< the dictionary form of the name matched ("Нур-Султан" for "в Нур-Султане"), or NULL */
	char gender;             /**< persons: 'm', 'f', or 0 when unknown */
	uint32_t entity;         /**< lexicon entity, or UINT32_MAX for a person found by role + country */
	const dyad_place *place; /**< locations: the gazetteer's place, or NULL when it has none */
	int resolved; /**< 1 when it was resolved to an earlier mention (surname, "глава государства", he) */
} dyad_mention;

typedef struct dyad_matcher dyad_matcher;

/**
 * Compile the names of `lx` into a matcher. The lexicon must outlive it.
 * Returns NULL only on a programming error; names that yield no words are
 * skipped. Compiling stems every name once.
 */
dyad_matcher *dyad_matcher_new(const dyad_lexicon *lx);
void dyad_matcher_free(dyad_matcher *m);
/**
 * A matcher for another thread: it reads the tables of `m` (which must
 * outlive it and stay as they are) with a stemmer and scratch space of its
 * own, so that each thread finds actors through its own clone.
 */
dyad_matcher *dyad_matcher_clone(const dyad_matcher *m);
/**
 * Give the matcher a gazetteer (places.h; it must outlive the matcher): the
 * lexicon's capitals and cities get their places, and capitalised words the
 * lexicon lacks become locations when the gazetteer names a place ("в Гуанчжоу").
 */
void dyad_matcher_set_places(dyad_matcher *m, dyad_places *g);
/** Number of states of the automaton (for bench and tests). */
size_t dyad_matcher_states(const dyad_matcher *m);

/**
 * Find the actors of one document. `text` is the body, `toks` its tokens
 * (dyad_tokenize), `sents` its sentences (dyad_sent_split), `day` the
 * document's date as yyyymmdd (0 when unknown: the latest offices count).
 * Mentions come in text order; *out is owned by `a`. Returns the count.
 */
size_t dyad_actors_find(dyad_matcher *m, dyad_arena *a, dyad_str text, const dyad_token *toks, size_t ntoks,
			const dyad_span *sents, size_t nsents, dyad_ymd day, dyad_mention **out);

#endif
