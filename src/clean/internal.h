/*
 * internal.h — helpers shared by the files of src/clean; not part of the API.
 */
#ifndef DYAD_CLEAN_INTERNAL_H
#define DYAD_CLEAN_INTERNAL_H

#include "dyad/util.h"

/* Append `s` lower-cased (ASCII and Cyrillic, Ё → ё) to out. */
void clean_lower(dyad_buf *out, dyad_str s);

/* The canonical outlet and the weight of evidence for it, for a candidate string. */
typedef struct dyad_outlets dyad_outlets;
const char *outlets_lookup_loose(const dyad_outlets *o, dyad_str cand);

#endif
