/*
 * places.h — the gazetteer: the world's cities of 15,000 people or more
 * (data/places/geonames.tsv, written by scripts/gazetteer from GeoNames as
 * Debian's libgeonames ships it) with their English, Russian and other names,
 * country, first-level region, population and coordinates; plus the project's
 * own lists (the .txt files of data/places): regions and disputed or maritime places news
 * names, and other names of renamed cities. Names are keyed as the actor
 * recognizer keys words, so "в Нур-Султане" and "Guangzhou's" find their city.
 */
#ifndef DYAD_PLACES_H
#define DYAD_PLACES_H

#include "dyad/lexicon.h"
#include "dyad/util.h"

typedef enum {
	DYAD_PLACE_CITY = 1, /**< a city or town (GeoNames) */
	DYAD_PLACE_REGION,   /**< a region, province, disputed territory: "Kashmir", "Донбасс" */
	DYAD_PLACE_WATER     /**< a sea, strait or gulf: "the Kerch Strait", "Красное море" */
} dyad_place_kind;

typedef struct {
	uint32_t geonames;     /**< GeoNames id, 0 when the place has none */
	const char *name;      /**< English */
	const char *name_ru;   /**< Russian, or NULL */
	char country[8];       /**< ISO 3166-1 alpha-3 (dyad's X.. codes for the unrecognised), or "" */
	const char *adm1;      /**< first-level region's code in GeoNames ("48"), or NULL */
	const char *adm1_name; /**< its English name ("Moscow", "Guangdong"), or NULL */
	double lat, lon;       /**< degrees; both NAN when unknown */
	uint32_t population;   /**< 0 when unknown */
	dyad_place_kind kind;
	int capital; /**< 1 for a capital named in data/actors/countries.txt */
} dyad_place;

typedef struct dyad_places dyad_places;

/**
 * Load the gazetteer from `dir` (data/places): geonames.tsv, then every .txt
 * file in byte order of their names. `lx`, when not NULL, marks the capitals
 * its countries name. A missing or empty geonames.tsv is reported through `warn` (the
 * project's lists still load); bad lines are reported as "file:line: what was
 * expected" and skipped. Returns NULL only when `dir` cannot be read.
 */
dyad_places *dyad_places_load(const char *dir, const dyad_lexicon *lx, void (*warn)(void *ctx, const char *msg),
			      void *ctx, dyad_errbuf *e);
void dyad_places_free(dyad_places *g);

/** Number of places (cities and the project's own). */
size_t dyad_places_count(const dyad_places *g);
/** Place i, 0 <= i < count. */
const dyad_place *dyad_places_get(const dyad_places *g, size_t i);
/** The place with this GeoNames id, or NULL. */
const dyad_place *dyad_places_by_geonames(const dyad_places *g, uint32_t id);

/**
 * The place a name stands for: `name` as written or in its dictionary form
 * ("Нур-Султане", "Kiev", "Гуанчжоу"). Within `iso3` when it is neither NULL
 * nor ""; else the best of all: a capital first, then the project's own
 * places, then the largest city. NULL when no place has that name.
 */
const dyad_place *dyad_places_lookup(dyad_places *g, dyad_str name, const char *iso3);

/**
 * The same for a name already keyed: the recognizer's keys of its words
 * (match_key) joined by one space. Writes up to `cap` candidates, best first,
 * into `out` and returns how many there are in all.
 */
size_t dyad_places_by_key(const dyad_places *g, dyad_str key, const char *iso3, const dyad_place **out, size_t cap);

/** "city", "region" or "water". */
const char *dyad_place_kind_name(dyad_place_kind k);

#endif
