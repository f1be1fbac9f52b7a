/*
 * internal.h — what the morphology files share: one analyser per language
 * behind dyad_morph (morph.c dispatches by language).
 */
#ifndef DYAD_MORPH_INTERNAL_H
#define DYAD_MORPH_INTERNAL_H

#include "dyad/morph.h"

/* Russian: OpenCorpora's dictionary in az's DAWG files (ru.c and the files it uses). */
typedef struct morph_ru morph_ru;
int morph_ru_open(morph_ru **out, const char *dicts_dir, dyad_errbuf *e);
void morph_ru_free(morph_ru *r);
size_t morph_ru_analyze(const morph_ru *r, dyad_arena *a, dyad_str word, unsigned flags, dyad_analysis **out);

/* English: WordNet's index.* and *.exc lists plus the regular rules (en.c). */
typedef struct morph_en morph_en;
int morph_en_open(morph_en **out, const char *wordnet_dir, dyad_errbuf *e);
void morph_en_free(morph_en *m);
size_t morph_en_analyze(const morph_en *m, dyad_arena *a, dyad_str word, unsigned flags, dyad_analysis **out);

#endif
