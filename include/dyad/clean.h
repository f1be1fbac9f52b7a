/*
 * clean.h — from a page to a document: the page furniture is told apart from
 * the article, and the facts users sort and filter by are read off the page:
 * headline, publication date and time, outlet, dateline, author.
 * Sentences and language are the text stage's work on the body (text.h).
 */
#ifndef DYAD_CLEAN_H
#define DYAD_CLEAN_H

#include "dyad/read.h"
#include "dyad/util.h"

/* ---- dates in news text -------------------------------------------------------------------- */

/** A date expression found in text; -1 marks a part the text does not give. */
typedef struct {
	int year, month, day;
	int hour, minute;
	int weekday;       /**< 1 if a weekday name stands with it ("Friday, 29 March 2024") */
	int relative;      /**< 0; or days before the anchor: 0 "today"/"сегодня", 1 "yesterday"/"вчера" */
	size_t start, end; /**< byte span in the scanned text */
} dyad_date;

/**
 * Find the date expressions in `s`: "20.12.2024", "2025-11-04", "2023-05-17T09:30",
 * "8 апреля 2021" (any case form of a Russian month, abbreviations too),
 * "09 June 2021", "March 3, 2022", "Mar. 12, 2024", "4 ноября" (no year), "14:03"
 * next to a date, "сегодня", "вчера", "today", "yesterday". Returns how many were
 * stored in out[0..max).
 */
size_t dyad_date_scan(dyad_str s, dyad_date *out, size_t max);

/** Fill a missing year (and resolve a relative date) from `anchor` (yyyymmdd). Returns yyyymmdd or 0. */
int32_t dyad_date_resolve(const dyad_date *d, int32_t anchor);

/* ---- the outlet dictionary (data/outlets.txt) ---------------------------------------------- */

typedef struct dyad_outlets dyad_outlets;

/**
 * Load an outlet dictionary. Malformed lines are reported through `warn`
 * ("file:line: ...") and skipped. Returns NULL only when the file cannot be
 * read, with the reason in `e`.
 */
dyad_outlets *dyad_outlets_load(const char *path, void (*warn)(void *ctx, const char *msg), void *ctx, dyad_errbuf *e);
void dyad_outlets_free(dyad_outlets *o);
/** Number of outlets loaded. */
size_t dyad_outlets_count(const dyad_outlets *o);
/** The canonical name for any spelling of an outlet's name ("БЕЛТА" → "BelTA"), or NULL. */
const char *dyad_outlets_by_name(const dyad_outlets *o, dyad_str name);
/** The canonical name for a URL or bare domain ("https://www.eng.belta.by/x" → "BelTA"), or NULL. */
const char *dyad_outlets_by_url(const dyad_outlets *o, dyad_str url);

/* ---- documents ----------------------------------------------------------------------------- */

/** A clean document. Strings are NUL-terminated, in the arena given to dyad_clean_page; NULL when unknown. */
typedef struct {
	const char *title;
	const char *date;     /**< publication date, "YYYY-MM-DD" */
	const char *time;     /**< "HH:MM" */
	const char *outlet;   /**< canonical name from the outlet dictionary, or as the page writes it */
	const char *dateline; /**< the dateline's city, nominative, as a name ("Минск", "Minsk") */
	const char *author;
	dyad_str body;       /**< article paragraphs, separated by a blank line; the page's characters */
	dyad_str *furniture; /**< the non-empty lines removed, trimmed, in page order */
	size_t nfurniture;
} dyad_doc;

/**
 * Clean one page into `out`, allocating in `a`. `outlets` may be NULL. Never
 * fails on odd pages: a page with no article text gives an empty body and
 * every line as furniture.
 */
void dyad_clean_page(dyad_arena *a, const dyad_page *page, const dyad_outlets *outlets, dyad_doc *out);

#endif
