/*
 * en_stub.c — a stand-in for the English analyser (en.c) so the stage builds
 * on its own: every English word is its own lemma, X. Removed when en.c is in.
 */
#include "morph/internal.h"

#include <stdlib.h>

struct morph_en {
	int unused;
};

int morph_en_open(morph_en **out, const char *wordnet_dir, dyad_errbuf *e)
{
	(void)wordnet_dir;
	(void)e;
	*out = dyad_xcalloc(1, sizeof **out);
	return 0;
}

void morph_en_free(morph_en *m)
{
	free(m);
}

size_t morph_en_analyze(const morph_en *m, dyad_arena *a, dyad_str word, unsigned flags, dyad_analysis **out)
{
	dyad_analysis *an = DYAD_ARENA_NEW(a, dyad_analysis, 1);

	(void)m;
	(void)flags;
	an->lemma = (dyad_str){ dyad_arena_strndup(a, word.p, word.n), word.n };
	*out = an;
	return 1;
}
