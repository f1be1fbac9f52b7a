/*
 * internal.h — helpers shared by the files of src/clean; not part of the API.
 */
#ifndef DYAD_CLEAN_INTERNAL_H
#define DYAD_CLEAN_INTERNAL_H

#include "dyad/util.h"

/*
 * Lower-case ASCII and Cyrillic (А-Я, Ё Є І Ї Ў, Ґ) of p[0..n) into `out`,
 * at most `cap` - 1 bytes, never half a character, NUL-terminated. Byte
 * lengths are kept, so the result lines up with the input. Returns the bytes
 * written (the bytes of the input it covers).
 */
size_t clean_lower_into(const char *p, size_t n, char *out, size_t cap);

/* Append `s` lower-cased as clean_lower_into does to out. */
void clean_lower(dyad_buf *out, dyad_str s);

/* The canonical outlet and the weight of evidence for it, for a candidate string. */
typedef struct dyad_outlets dyad_outlets;
const char *outlets_lookup_loose(const dyad_outlets *o, dyad_str cand);

#endif
