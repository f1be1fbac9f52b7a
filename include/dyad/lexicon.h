/*
 * lexicon.h — dyad's knowledge of actors: countries, international
 * organisations, office-holders with the dates of their offices, and the role
 * words (president, посол, parliament). Loaded from the .txt files of data/actors/
 * (docs/dictionaries.md); the recognizer compiles the names for matching.
 */
#ifndef DYAD_LEXICON_H
#define DYAD_LEXICON_H

#include "dyad/dict.h"
#include "dyad/util.h"

typedef enum {
	DYAD_LEX_COUNTRY = 1,
	DYAD_LEX_IGO,
	DYAD_LEX_PERSON,
	DYAD_LEX_ROLE,
	DYAD_LEX_GIVEN /**< given names (@given m / @given f): "Роман Коноплев" is a person */
} dyad_lex_kind;

/** What a name says of its entity. */
typedef enum {
	DYAD_NAME_NAME = 1, /**< the entity itself: "Kazakhstan", "ШОС", "Токаев" */
	DYAD_NAME_ADJ,      /**< "казахстанский", "Kazakh" */
	DYAD_NAME_PEOPLE,   /**< "казахстанцы" */
	DYAD_NAME_CAPITAL,  /**< "Астана": a location; the government only as a speaking subject */
	DYAD_NAME_PLACE,    /**< another city of the country: a location */
	DYAD_NAME_METONYM,  /**< "Кремль": one of the country's bodies, see `role` */
	DYAD_NAME_TITLE,    /**< a role's person title: "президент", "ambassador" */
	DYAD_NAME_BODY      /**< a role's institution: "МИД", "parliament" */
} dyad_name_type;

typedef struct {
	char code[24];     /**< CAMEO-style actor code: KAZGOV, BLRLEG, IGOCIS */
	dyad_ymd from, to; /**< when it was held; 0 = open */
	const char *title; /**< in words: "president", "prime minister" */
} dyad_office;

typedef struct {
	dyad_lex_kind kind;
	const char *key;      /**< KAZ, SCO, "Касым-Жомарт Токаев", GOV */
	const char *code;     /**< country: ISO3; igo: its IGO code; role: the role code; person: NULL */
	const char *fips;     /**< countries */
	const char *id;       /**< dyad's stable identifier: a country's ISO3 key, an organisation's code
				   (IGOCIS), a person's `id` slug (tokayev-kassym-jomart); NULL for roles */
	const char *wikidata; /**< the Wikidata item (Q232), or NULL when not known for certain */
	const char *name_en;  /**< the English name: the first name in Latin script, or NULL */
	const char *name_ru;  /**< the Russian name: the first name in Cyrillic script, or NULL */
	char gender;          /**< persons and given names: 'm', 'f' or 0 */
	dyad_office *offices; /**< persons */
	size_t noffices;
	const char *file; /**< where it was defined, for messages */
	size_t line;
} dyad_lex_entity;

typedef struct {
	const char *text; /**< as written in the dictionary */
	uint32_t entity;  /**< index into the entities */
	dyad_name_type type;
	char role[8];      /**< metonyms: the role the name stands for ("GOV"); roles: their code */
	dyad_ymd from, to; /**< when the name was in use (Nur-Sultan); 0 = open */
} dyad_lex_name;

/** A state's membership of an organisation (igos.txt `member`). */
typedef struct {
	uint32_t igo;    /**< entity index of the organisation */
	char country[8]; /**< ISO3 */
	dyad_ymd from, to;
} dyad_lex_member;

typedef struct dyad_lexicon dyad_lexicon;

/**
 * Load every .txt file in `dir` (in byte order of their names). Bad lines
 * are reported through `warn` as "file:line: what was expected" and skipped.
 * Returns NULL only when the folder cannot be read (message in e).
 */
dyad_lexicon *dyad_lexicon_load(const char *dir, void (*warn)(void *ctx, const char *msg), void *ctx, dyad_errbuf *e);
void dyad_lexicon_free(dyad_lexicon *lx);

size_t dyad_lexicon_nentities(const dyad_lexicon *lx);
const dyad_lex_entity *dyad_lexicon_entity(const dyad_lexicon *lx, size_t i);
size_t dyad_lexicon_nnames(const dyad_lexicon *lx);
const dyad_lex_name *dyad_lexicon_name(const dyad_lexicon *lx, size_t i);

size_t dyad_lexicon_nmembers(const dyad_lexicon *lx);
const dyad_lex_member *dyad_lexicon_member(const dyad_lexicon *lx, size_t i);

/** The entity with this kind and key (KAZ, SCO, GOV), or NULL. */
const dyad_lex_entity *dyad_lexicon_find(const dyad_lexicon *lx, dyad_lex_kind kind, const char *key);

/**
 * The lexicon entity an actor stands for: `entity` (an index, UINT32_MAX for
 * none) when it is a country, organisation or person; else the person with
 * key `person`, else the country `country`, else the organisation `igo`
 * (each may be NULL or empty). NULL when none is in the lexicon.
 */
const dyad_lex_entity *dyad_lexicon_actor(const dyad_lexicon *lx, uint32_t entity, const char *person,
					  const char *country, const char *igo);

/**
 * The office a person held on `day` (yyyymmdd), or NULL. With several, the
 * one listed first in the dictionary wins (list the main office first).
 * `before` is set to 1 when the person held an office only before that day.
 */
const dyad_office *dyad_lexicon_office_on(const dyad_lex_entity *person, dyad_ymd day, int *before);

#endif
