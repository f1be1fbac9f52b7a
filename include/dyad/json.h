/*
 * json.h — a small strict JSON reader (RFC 8259) for what dyad reads from
 * outside: JSON Lines inputs, gold files, configuration. The tree lives in an
 * arena; writing JSON is dyad_buf_json_str() and printf in util.
 */
#ifndef DYAD_JSON_H
#define DYAD_JSON_H

#include "dyad/util.h"

typedef enum {
	DYAD_JSON_NULL = 1,
	DYAD_JSON_FALSE,
	DYAD_JSON_TRUE,
	DYAD_JSON_NUMBER,
	DYAD_JSON_STRING,
	DYAD_JSON_ARRAY,
	DYAD_JSON_OBJECT
} dyad_json_type;

typedef struct dyad_json dyad_json;

/** One value. Members of an object and items of an array are a list through `next`. */
struct dyad_json {
	dyad_json_type type;
	dyad_str key;     /**< the member's name inside an object (unescaped); {NULL,0} elsewhere */
	dyad_str str;     /**< STRING: the unescaped value (valid UTF-8, NUL-terminated);
			       NUMBER: the number as written */
	double num;       /**< NUMBER: the value */
	dyad_json *child; /**< ARRAY, OBJECT: first item or member */
	dyad_json *next;  /**< the next sibling */
	size_t count;     /**< ARRAY, OBJECT: number of children */
};

/**
 * Parse one JSON text (surrounding white space allowed, nothing else after
 * it). Strings are unescaped (\uXXXX with surrogate pairs; a lone surrogate
 * or invalid UTF-8 is an error), nesting deeper than 256 is refused. On
 * success returns 0 and *out is a tree owned by `a`; on failure returns
 * DYAD_EINPUT with "line L, column C: what was expected" in `e`.
 */
int dyad_json_parse(dyad_arena *a, dyad_str text, dyad_json **out, dyad_errbuf *e);

/** The member `key` of an object (the last one if repeated), or NULL. */
const dyad_json *dyad_json_get(const dyad_json *obj, const char *key);

/** The string member `key`, or {NULL, 0} when absent or not a string. */
dyad_str dyad_json_get_str(const dyad_json *obj, const char *key);

#endif
