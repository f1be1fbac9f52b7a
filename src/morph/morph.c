/*
 * morph.c — the morphology stage's front: finds and opens the dictionaries
 * (Russian from az's files, English from WordNet), names UD parts of speech
 * and writes feature sets, and sends each word to its language's analyser.
 */
#include "morph/internal.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Recent words' readings, so the frequent words of news text are analysed
 * once: a direct-mapped table by hash of (language, flags, word), each slot
 * one malloc'd block (the word, then its readings with lemma offsets, then
 * the lemmas' bytes). A mutex keeps dyad_morph_analyze safe across threads.
 */
#define CACHE_SLOTS 8192u

typedef struct {
	uint64_t hash;
	size_t wlen, count, textlen;
	char *block;
} cache_slot;

struct dyad_morph {
	morph_ru *ru;
	morph_en *en;
	pthread_mutex_t lock;
	cache_slot *cache;
};

const char *dyad_upos_name(dyad_upos u)
{
	static const char *const names[] = { "X",   "NOUN", "PROPN", "VERB",  "AUX",  "ADJ",  "ADV",   "PRON", "DET",
					     "NUM", "ADP",  "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT", "SYM" };

	return (unsigned)u < sizeof names / sizeof *names ? names[u] : "X";
}

void dyad_feats_format(dyad_buf *b, uint64_t f)
{
	/* UD order: by feature name, case-insensitively */
	static const struct {
		uint64_t bit;
		const char *text;
	} feats[] = {
		{ DYAD_F_ABBR, "Abbr=Yes" },
		{ DYAD_F_ANIM_ANIM, "Animacy=Anim" },
		{ DYAD_F_ANIM_INAN, "Animacy=Inan" },
		{ DYAD_F_ASPECT_IMP, "Aspect=Imp" },
		{ DYAD_F_ASPECT_PERF, "Aspect=Perf" },
		{ DYAD_F_CASE_NOM, "Case=Nom" },
		{ DYAD_F_CASE_GEN, "Case=Gen" },
		{ DYAD_F_CASE_DAT, "Case=Dat" },
		{ DYAD_F_CASE_ACC, "Case=Acc" },
		{ DYAD_F_CASE_INS, "Case=Ins" },
		{ DYAD_F_CASE_LOC, "Case=Loc" },
		{ DYAD_F_CASE_VOC, "Case=Voc" },
		{ DYAD_F_CASE_PAR, "Case=Par" },
		{ DYAD_F_DEGREE_POS, "Degree=Pos" },
		{ DYAD_F_DEGREE_CMP, "Degree=Cmp" },
		{ DYAD_F_DEGREE_SUP, "Degree=Sup" },
		{ DYAD_F_GENDER_MASC, "Gender=Masc" },
		{ DYAD_F_GENDER_FEM, "Gender=Fem" },
		{ DYAD_F_GENDER_NEUT, "Gender=Neut" },
		{ DYAD_F_MOOD_CND, "Mood=Cnd" },
		{ DYAD_F_MOOD_IMP, "Mood=Imp" },
		{ DYAD_F_MOOD_IND, "Mood=Ind" },
		{ DYAD_F_NAME_ORG, "NameType=Com" },
		{ DYAD_F_NAME_GEO, "NameType=Geo" },
		{ DYAD_F_NAME_GIVEN, "NameType=Giv" },
		{ DYAD_F_NAME_PATR, "NameType=Pat" },
		{ DYAD_F_NAME_SUR, "NameType=Sur" },
		{ DYAD_F_NUM_PLUR, "Number=Plur" },
		{ DYAD_F_NUM_SING, "Number=Sing" },
		{ DYAD_F_PERSON_1, "Person=1" },
		{ DYAD_F_PERSON_2, "Person=2" },
		{ DYAD_F_PERSON_3, "Person=3" },
		{ DYAD_F_POLARITY_NEG, "Polarity=Neg" },
		{ DYAD_F_TENSE_FUT, "Tense=Fut" },
		{ DYAD_F_TENSE_PAST, "Tense=Past" },
		{ DYAD_F_TENSE_PRES, "Tense=Pres" },
		{ DYAD_F_VARIANT_SHORT, "Variant=Short" },
		{ DYAD_F_VF_CONV, "VerbForm=Conv" },
		{ DYAD_F_VF_FIN, "VerbForm=Fin" },
		{ DYAD_F_VF_GER, "VerbForm=Ger" },
		{ DYAD_F_VF_INF, "VerbForm=Inf" },
		{ DYAD_F_VF_PART, "VerbForm=Part" },
		{ DYAD_F_VOICE_ACT, "Voice=Act" },
		{ DYAD_F_VOICE_MID, "Voice=Mid" },
		{ DYAD_F_VOICE_PASS, "Voice=Pass" },
	};
	size_t i;
	int any = 0;

	for (i = 0; i < sizeof feats / sizeof *feats; i++)
		if (f & feats[i].bit) {
			if (any)
				dyad_buf_putc(b, '|');
			dyad_buf_puts(b, feats[i].text);
			any = 1;
		}
	if (!any)
		dyad_buf_putc(b, '_');
}

static int has_words(const char *dir)
{
	char p[PATH_MAX + 128];
	struct stat st;

	if ((size_t)snprintf(p, sizeof p, "%s/words.dawg", dir) >= sizeof p)
		return 0;
	return stat(p, &st) == 0;
}

/*
 * The folder of az's dictionary: `dir`, else $DYAD_MORPH, else
 * <prefix>/share/dyad/morph beside the installed binary, else the source
 * tree's node_modules/az/dicts seen from build/<mode>/ (the binary) or
 * build/<mode>/tests/ (the tests), else ./node_modules/az/dicts. Writes the
 * first that holds words.dawg into `out`, or the last tried when none does.
 */
static void find_dicts(char *out, size_t cap, const char *dir)
{
	static const char *const rel[] = { "/../share/dyad/morph", "/../../node_modules/az/dicts",
					   "/../../../node_modules/az/dicts" };
	const char *env = getenv("DYAD_MORPH");
	char exe[PATH_MAX];
	ssize_t n;
	size_t i;

	if (dir) {
		snprintf(out, cap, "%s", dir);
		return;
	}
	if (env && *env) {
		snprintf(out, cap, "%s", env);
		return;
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; i < sizeof rel / sizeof *rel; i++) {
			char cand[PATH_MAX + 64], real[PATH_MAX];
			snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
			if (has_words(cand) && realpath(cand, real)) {
				snprintf(out, cap, "%s", real);
				return;
			}
		}
	}
	snprintf(out, cap, "node_modules/az/dicts");
}

int dyad_morph_open(dyad_morph **out, const char *dir, dyad_errbuf *e)
{
	dyad_morph *m = dyad_xcalloc(1, sizeof *m);
	char dicts[PATH_MAX];
	int rc;

	*out = NULL;
	pthread_mutex_init(&m->lock, NULL);
	m->cache = dyad_xcalloc(CACHE_SLOTS, sizeof *m->cache);
	find_dicts(dicts, sizeof dicts, dir);
	if ((rc = morph_ru_open(&m->ru, dicts, e)) < 0 || (rc = morph_en_open(&m->en, "/usr/share/wordnet", e)) < 0) {
		dyad_morph_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

void dyad_morph_free(dyad_morph *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < CACHE_SLOTS; i++)
		free(m->cache[i].block);
	free(m->cache);
	pthread_mutex_destroy(&m->lock);
	morph_ru_free(m->ru);
	morph_en_free(m->en);
	free(m);
}

/* Copy a cached slot's readings into the arena. */
static size_t cache_get(const cache_slot *c, dyad_arena *a, dyad_analysis **out)
{
	dyad_analysis *an = DYAD_ARENA_NEW(a, dyad_analysis, c->count);
	const dyad_analysis *src = (const dyad_analysis *)(const void *)(c->block + ((c->wlen + 7) & ~(size_t)7));
	char *text = dyad_arena_alloc(a, c->textlen + 1);
	size_t i;

	memcpy(text, (const char *)(src + c->count), c->textlen);
	for (i = 0; i < c->count; i++) {
		an[i] = src[i];
		an[i].lemma.p = text + (size_t)(uintptr_t)src[i].lemma.p;
	}
	*out = an;
	return c->count;
}

static void cache_put(cache_slot *c, uint64_t h, dyad_str word, const dyad_analysis *an, size_t n)
{
	size_t i, head = (word.n + 7) & ~(size_t)7, text = 0;
	dyad_analysis *dst;
	char *t;

	for (i = 0; i < n; i++)
		text += an[i].lemma.n;
	free(c->block);
	c->block = dyad_xmalloc(head + n * sizeof *an + text + 1);
	memcpy(c->block, word.p, word.n);
	dst = (dyad_analysis *)(void *)(c->block + head);
	t = (char *)(dst + n);
	for (i = 0, text = 0; i < n; i++) {
		dst[i] = an[i];
		dst[i].lemma.p = (const char *)(uintptr_t)text; /* an offset into the lemmas' bytes */
		memcpy(t + text, an[i].lemma.p, an[i].lemma.n);
		text += an[i].lemma.n;
	}
	c->hash = h;
	c->wlen = word.n;
	c->count = n;
	c->textlen = text;
}

size_t dyad_morph_analyze(const dyad_morph *m, dyad_arena *a, dyad_lang lang, dyad_str word, unsigned flags,
			  dyad_analysis **out)
{
	dyad_morph *mm = (dyad_morph *)(uintptr_t)m; /* the cache changes; the readings do not */
	uint64_t h = dyad_hash_mem(word.p, word.n, DYAD_HASH_SEED ^ ((uint64_t)lang << 8) ^ flags);
	cache_slot *c = &mm->cache[h & (CACHE_SLOTS - 1)];
	size_t n = 0;

	*out = NULL;
	if (word.n == 0 || (lang != DYAD_LANG_RU && lang != DYAD_LANG_EN))
		return 0;
	pthread_mutex_lock(&mm->lock);
	if (c->block && c->hash == h && c->wlen == word.n && memcmp(c->block, word.p, word.n) == 0) {
		n = cache_get(c, a, out);
		pthread_mutex_unlock(&mm->lock);
		return n;
	}
	pthread_mutex_unlock(&mm->lock);
	if (lang == DYAD_LANG_RU && m->ru)
		n = morph_ru_analyze(m->ru, a, word, flags, out);
	else if (lang == DYAD_LANG_EN && m->en)
		n = morph_en_analyze(m->en, a, word, flags, out);
	if (n) {
		pthread_mutex_lock(&mm->lock);
		cache_put(c, h, word, *out, n);
		pthread_mutex_unlock(&mm->lock);
	}
	return n;
}
