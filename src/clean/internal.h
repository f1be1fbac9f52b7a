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

/* The outlet whose `cue` (data/outlets.txt) starts `line`, case folded; NULL when none does. */
const char *outlets_cue(const dyad_outlets *o, dyad_str line);

/* The first outlet named in s by a run of up to four words ("© 2024 BelTA", "© Photo/ ТАСС"). */
const char *outlets_find_in(const dyad_outlets *o, dyad_str s);

/* The first outlet whose domain is a word of s ("eadaily.com/ru/news/...", "Mir24.TV"). */
const char *outlets_domain_in(const dyad_outlets *o, dyad_str s);

#endif
