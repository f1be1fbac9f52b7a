/*
 * dict.h — the block syntax shared by dyad's dictionaries in data/
 * (docs/dictionaries.md): "@KIND KEY" opens a block, "field  v | v | v" lines
 * follow, a value may carry a date range "[FROM..TO]". This layer knows the
 * syntax only; each stage gives the fields their meaning.
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include "dyad/util.h"

/** A date as yyyymmdd; 0 means open (no bound). Months and days absent are 00. */
typedef int32_t dyad_ymd;

typedef struct {
	dyad_str text; /**< the value, trimmed, without its date range */
	dyad_ymd from; /**< first day it holds (0: always did) */
	dyad_ymd to;   /**< last day it holds (0: still does) */
} dyad_dict_value;

#define DYAD_DICT_MAX_VALUES 128

typedef struct {
	const char *file;   /**< the file being read, for messages */
	size_t line;        /**< 1-based line number */
	dyad_str kind, key; /**< the enclosing block: "country", "KAZ" */
	dyad_str field;     /**< the field name; empty for the "@KIND KEY" line itself */
	dyad_dict_value values[DYAD_DICT_MAX_VALUES];
	size_t nvalues;
} dyad_dict_line;

/**
 * Called once per block opening and once per field line. Return 0 to go on, a
 * negative DYAD_E* code to report the line as bad (the callback puts the
 * reason in `why`; the parser prefixes file and line), which skips the line.
 */
typedef int (*dyad_dict_fn)(void *ctx, const dyad_dict_line *l, dyad_errbuf *why);

/** Called for each bad line with a complete "file:line: what was expected" message. */
typedef void (*dyad_dict_warn_fn)(void *ctx, const char *msg);

/**
 * Parse `text` (the contents of `file`) line by line. Malformed lines are
 * reported through `warn` and skipped; the rest is still read. Returns the
 * number of bad lines. Values borrow from `text`.
 */
size_t dyad_dict_parse(dyad_str text, const char *file, dyad_dict_fn fn, dyad_dict_warn_fn warn, void *ctx);

/** Parse "2019-03-20", "2019-03" or "2019" into yyyymmdd; -1 if malformed. */
dyad_ymd dyad_ymd_parse(dyad_str s);

/** A day as YYYY-MM-DD into out; "" for an unknown day (0) or one out of range. */
void dyad_ymd_format(dyad_ymd d, char out[11]);

/** 1 if day `d` (yyyymmdd) falls within [from, to]; open bounds hold; partial dates cover their month or year. */
int dyad_ymd_within(dyad_ymd d, dyad_ymd from, dyad_ymd to);

#endif
