/*
 * test_morph.c — Russian morphology on az's OpenCorpora dictionary: lookups
 * and their ranking, е standing for ё, predicted readings of names outside
 * the dictionary, hyphenated words and abbreviations, words in letters the
 * dictionary lacks, and damaged copies of the real files refused by name.
 * Needs node_modules/az/dicts (make bootstrap): without it every test fails.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad/morph.h"

static dyad_morph *M;
static dyad_arena *A;

static int setup(void **state)
{
	dyad_errbuf e;

	(void)state;
	if (dyad_morph_open(&M, NULL, &e) < 0) {
		fprintf(stderr, "test_morph: %s\n", e.msg);
		return -1;
	}
	A = dyad_arena_new();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dyad_morph_free(M);
	dyad_arena_free(A);
	return 0;
}

/* "lemma UPOS feats" of reading i of `w`. */
static const char *reading(const char *w, unsigned flags, size_t i, size_t *count)
{
	static char out[512];
	dyad_buf b = DYAD_BUF_INIT;
	dyad_analysis *an;
	size_t n = dyad_morph_analyze(M, A, DYAD_LANG_RU, dyad_str_c(w), flags, &an);

	if (count)
		*count = n;
	if (i >= n)
		return "(none)";
	dyad_buf_printf(&b, "%.*s %s ", (int)an[i].lemma.n, an[i].lemma.p, dyad_upos_name(an[i].upos));
	dyad_feats_format(&b, an[i].feats);
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p);
	dyad_buf_free(&b);
	return out;
}

static void dictionary_words(void **state)
{
	(void)state;
	assert_string_equal(reading("стали", 0, 0, NULL),
			    "стать VERB Aspect=Perf|Mood=Ind|Number=Plur|Tense=Past|VerbForm=Fin");
	assert_string_equal(reading("стали", 0, 1, NULL), "сталь NOUN Animacy=Inan|Case=Nom|Gender=Fem|Number=Plur");
	assert_string_equal(reading("Москве", 0, 0, NULL),
			    "москва PROPN Animacy=Inan|Case=Loc|Gender=Fem|NameType=Geo|Number=Sing");
	assert_string_equal(reading("подписан", 0, 0, NULL),
			    "подписать VERB Aspect=Perf|Gender=Masc|Number=Sing|Tense=Past|Variant=Short|"
			    "VerbForm=Part|Voice=Pass");
	assert_string_equal(reading("подписав", 0, 0, NULL), "подписать VERB Aspect=Perf|Tense=Past|VerbForm=Conv");
	assert_string_equal(reading("встретился", 0, 0, NULL),
			    "встретиться VERB Aspect=Perf|Gender=Masc|Mood=Ind|Number=Sing|Tense=Past|"
			    "VerbForm=Fin|Voice=Mid");
	assert_string_equal(reading("не", 0, 0, NULL), "не PART Polarity=Neg");
	assert_string_equal(reading("чтобы", 0, 0, NULL), "чтобы SCONJ _");
	assert_string_equal(reading("Сергеевич", 0, 0, NULL),
			    "сергей PROPN Animacy=Anim|Case=Nom|Gender=Masc|NameType=Pat|Number=Sing");
}

/* Readings come best first; the corpus' P(tag|word) of dictionary readings sums to 1. */
static void ranking(void **state)
{
	dyad_analysis *an;
	size_t n = dyad_morph_analyze(M, A, DYAD_LANG_RU, dyad_str_c("стали"), 0, &an), i;
	double sum = 0;

	(void)state;
	assert_true(n >= 3);
	for (i = 0; i < n; i++) {
		assert_true(an[i].known);
		if (i)
			assert_true(an[i].score <= an[i - 1].score);
		sum += an[i].score;
	}
	assert_true(sum > 0.999 && sum < 1.001);
	assert_true(an[0].score > 0.9);
	/* asked again (from the cache of recent words), the same readings in a fresh copy */
	{
		dyad_analysis *again;
		size_t m = dyad_morph_analyze(M, A, DYAD_LANG_RU, dyad_str_c("стали"), 0, &again);
		assert_int_equal(m, n);
		for (i = 0; i < n; i++) {
			assert_true(dyad_str_eq(again[i].lemma, an[i].lemma));
			assert_ptr_not_equal(again[i].lemma.p, an[i].lemma.p);
			assert_int_equal(again[i].upos, an[i].upos);
			assert_true(again[i].feats == an[i].feats && again[i].score == an[i].score);
		}
	}
}

static void yo(void **state)
{
	(void)state;
	assert_string_equal(reading("еще", 0, 0, NULL), "ещё ADV _");
	assert_string_equal(reading("ещё", 0, 0, NULL), "ещё ADV _");
	assert_string_equal(reading("елка", 0, 0, NULL), "ёлка NOUN Animacy=Inan|Case=Nom|Gender=Fem|Number=Sing");
	assert_string_equal(reading("ЁЛКА", 0, 0, NULL), "ёлка NOUN Animacy=Inan|Case=Nom|Gender=Fem|Number=Sing");
}

static void predicted_names(void **state)
{
	dyad_analysis *an;
	size_t n, i;
	int seen = 0;

	(void)state;
	assert_string_equal(reading("Пашиняном", 0, 0, NULL),
			    "пашинян PROPN Animacy=Anim|Case=Ins|Gender=Masc|NameType=Sur|Number=Sing");
	assert_string_equal(reading("Жапарову", 0, 0, NULL),
			    "жапаров PROPN Animacy=Anim|Case=Dat|Gender=Masc|NameType=Sur|Number=Sing");
	/* alone, az ranks a verb first; capitalised in mid-sentence the name leads */
	assert_string_equal(reading("Эрдогана", DYAD_MORPH_MIDCAP, 0, NULL),
			    "эрдоган PROPN Animacy=Inan|Case=Gen|Gender=Masc|NameType=Geo|Number=Sing");
	n = dyad_morph_analyze(M, A, DYAD_LANG_RU, dyad_str_c("Эрдогана"), 0, &an);
	for (i = 0; i < n; i++) {
		assert_false(an[i].known);
		seen |= dyad_str_eq_c(an[i].lemma, "эрдоган") && (an[i].feats & DYAD_F_CASE_GEN);
	}
	assert_true(seen);
	/* a lower-case word gets no name readings */
	assert_string_equal(reading("роман", 0, 0, NULL), "роман NOUN Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing");
	assert_string_equal(reading("Роман", DYAD_MORPH_MIDCAP, 0, NULL),
			    "роман PROPN Animacy=Anim|Case=Nom|Gender=Masc|NameType=Giv|Number=Sing");
}

static void hyphens_and_prefixes(void **state)
{
	(void)state;
	assert_string_equal(reading("Нур-Султане", 0, 0, NULL),
			    "нур-султан NOUN Animacy=Inan|Case=Loc|Gender=Masc|Number=Sing");
	assert_string_equal(reading("российско-казахстанский", 0, 0, NULL),
			    "российско-казахстанский ADJ Case=Nom|Degree=Pos|Gender=Masc|Number=Sing");
	assert_string_equal(reading("вице-премьером", 0, 0, NULL),
			    "вице-премьер NOUN Animacy=Anim|Case=Ins|Gender=Masc|Number=Sing");
	assert_string_equal(reading("экс-президента", 0, 0, NULL),
			    "экс-президент NOUN Animacy=Anim|Case=Gen|Gender=Masc|Number=Sing");
	assert_string_equal(reading("смотри-ка", 0, 0, NULL),
			    "смотреть-ка VERB Aspect=Imp|Mood=Imp|Number=Sing|VerbForm=Fin");
	assert_string_equal(reading("по-западному", 0, 0, NULL), "по-западному ADV _");
	assert_string_equal(reading("видеоконференции", 0, 0, NULL),
			    "видеоконференция NOUN Animacy=Inan|Case=Acc|Gender=Fem|Number=Plur");
	/* stutter: doubled letters stand for one */
	assert_string_equal(reading("нееет", 0, 0, NULL), "нет ADV Tense=Pres");
}

static void abbreviations(void **state)
{
	size_t n;

	(void)state;
	assert_string_equal(reading("МИД", 0, 0, NULL),
			    "мид PROPN Animacy=Inan|Case=Nom|Gender=Masc|NameType=Com|Number=Sing");
	assert_string_equal(reading("ОДКБ", 0, 0, &n),
			    "одкб PROPN Abbr=Yes|Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing");
	assert_true(n > 36); /* az: 3 genders x 6 cases x 2 numbers, then the ending's guesses */
	assert_string_equal(reading("КНР", 0, 0, NULL),
			    "кнр PROPN Abbr=Yes|Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing");
}

/* Letters outside the dictionary's alphabet, and any bytes: a reading, never a crash. */
static void other_letters(void **state)
{
	static const char *const words[] = { "Қазақстан",
					     "әкім",
					     "Mосква",
					     "Москваa",
					     "ғ",
					     "\xff\xfe",
					     "-",
					     "а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а-а",
					     "ааааааааааааааааааааааааааааааааааааааааааааааааааааааааааа" };
	char noise[300];
	dyad_analysis *an;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof words / sizeof *words; i++)
		assert_true(dyad_morph_analyze(M, A, DYAD_LANG_RU, dyad_str_c(words[i]), 0, &an) >= 1);
	/* a Kazakh letter keeps the word out of the dictionary; its ending still tells a place */
	assert_string_equal(reading("Қазақстан", 0, 0, NULL),
			    "қазақстан PROPN Animacy=Inan|Case=Nom|Gender=Masc|NameType=Geo|Number=Sing");
	assert_string_equal(reading("ғ", 0, 0, NULL), "ғ X _");
	srand(7);
	for (k = 0; k < 2000; k++) {
		size_t len = (size_t)rand() % sizeof noise;
		for (i = 0; i < len; i++)
			noise[i] = (char)(rand() % 3 ? 0xd0 + rand() % 2 : rand());
		dyad_morph_analyze(M, A, DYAD_LANG_RU, (dyad_str){ noise, len }, DYAD_MORPH_MIDCAP, &an);
		dyad_arena_reset(A);
	}
}

/* Words of a sentence with their readings, then the context's choice for word `at` as "lemma feats". */
static const char *in_context(const char *const *words, size_t n, size_t at)
{
	static char out[256];
	dyad_morph_word w[16];
	dyad_buf b = DYAD_BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		dyad_analysis *an;
		w[i].n = dyad_morph_analyze(M, A, DYAD_LANG_RU, dyad_str_c(words[i]), 0, &an);
		w[i].an = an;
		w[i].best = 0;
	}
	dyad_morph_disambiguate(DYAD_LANG_RU, w, n);
	dyad_buf_printf(&b, "%.*s ", (int)w[at].an[w[at].best].lemma.n, w[at].an[w[at].best].lemma.p);
	dyad_feats_format(&b, w[at].an[w[at].best].feats);
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p);
	dyad_buf_free(&b);
	return out;
}

static void context(void **state)
{
	static const char *const s1[] = { "обсудим", "нападение", "на", "посольство" };
	static const char *const s2[] = { "начнут", "совместные", "учения" };
	static const char *const s3[] = { "встретился", "с", "новым", "президентом" };
	static const char *const s4[] = { "сообщил", "о", "визите" };
	static const char *const s5[] = { "поставки", "в", "Китай" };
	static const char *const s6[] = { "Делегации", "встречались" };
	static const char *const s7[] = { "чиновники", "администрации", "проведут" };

	(void)state;
	/* alone, "посольство" is nominative first */
	assert_string_equal(in_context(s1, 4, 3), "посольство Animacy=Inan|Case=Acc|Gender=Neut|Number=Sing");
	assert_string_equal(in_context(s1, 4, 1), "нападение Animacy=Inan|Case=Nom|Gender=Neut|Number=Sing");
	assert_string_equal(in_context(s2, 3, 2), "учение Animacy=Inan|Case=Nom|Gender=Neut|Number=Plur");
	assert_string_equal(in_context(s3, 4, 2), "новый Case=Ins|Degree=Pos|Gender=Masc|Number=Sing");
	assert_string_equal(in_context(s4, 3, 2), "визит Animacy=Inan|Case=Loc|Gender=Masc|Number=Sing");
	assert_string_equal(in_context(s5, 3, 2), "китай Animacy=Inan|Case=Acc|Gender=Masc|NameType=Geo|Number=Sing");
	/* a subject agrees with its verb, unless it depends on the noun before it */
	assert_string_equal(in_context(s6, 2, 0), "делегация Animacy=Inan|Case=Nom|Gender=Fem|Number=Plur");
	assert_string_equal(in_context(s7, 3, 1), "администрация Animacy=Inan|Case=Gen|Gender=Fem|Number=Sing");
}

static void feats_text(void **state)
{
	dyad_buf b = DYAD_BUF_INIT;

	(void)state;
	dyad_feats_format(&b, DYAD_F_NUM_SING | DYAD_F_CASE_INS | DYAD_F_ANIM_ANIM | DYAD_F_GENDER_MASC);
	assert_int_equal(b.n, strlen("Animacy=Anim|Case=Ins|Gender=Masc|Number=Sing"));
	assert_memory_equal(b.p, "Animacy=Anim|Case=Ins|Gender=Masc|Number=Sing", b.n);
	dyad_buf_clear(&b);
	dyad_feats_format(&b, 0);
	assert_memory_equal(b.p, "_", 1);
	dyad_buf_free(&b);
	assert_string_equal(dyad_upos_name((dyad_upos)999), "X");
}

/* ---- damaged copies of the real files ------------------------------------------------------ */

static const char *const files[] = { "words.dawg",
				     "p_t_given_w.intdawg",
				     "prediction-suffixes-0.dawg",
				     "prediction-suffixes-1.dawg",
				     "prediction-suffixes-2.dawg",
				     "paradigms.array",
				     "suffixes.json",
				     "gramtab-opencorpora-int.json" };

static void dicts_dir(char *out, size_t cap)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	assert_true(n > 0 && (size_t)n + 40 < cap);
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	*slash = '\0';
	memcpy(out, exe, strlen(exe) + 1);
	strcat(out, "/../../../node_modules/az/dicts");
}

/* A folder of links to the real files, with `name` a copy changed by `how`. */
static void damaged(char *dir, size_t cap, const char *name, int how)
{
	char src[PATH_MAX + 64], from[PATH_MAX + 128], to[PATH_MAX + 128];
	size_t i;

	dicts_dir(src, sizeof src);
	snprintf(dir, cap, "/tmp/dyad-morph-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(from, sizeof from, "%s/%s", src, files[i]);
		snprintf(to, sizeof to, "%s/%s", dir, files[i]);
		if (strcmp(files[i], name) != 0) {
			assert_int_equal(symlink(from, to), 0);
			continue;
		}
		if (how == 0) /* missing */
			continue;
		{
			FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
			long size, k;
			assert_non_null(in);
			assert_non_null(out);
			fseek(in, 0, SEEK_END);
			size = ftell(in);
			fseek(in, 0, SEEK_SET);
			for (k = 0; k < (how == 1 ? size / 2 : size); k++) {
				int c = fgetc(in);
				if (how == 2 && k == size / 3)
					c ^= 0x10; /* one flipped bit in the middle */
				fputc(c, out);
			}
			if (how == 3) /* another version: one more entry */
				fputs("\n", out);
			fclose(in);
			fclose(out);
		}
	}
}

static void remove_dir(const char *dir)
{
	char p[PATH_MAX + 64];
	size_t i;

	for (i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		unlink(p);
	}
	rmdir(dir);
}

static void refuses_damaged_files(void **state)
{
	size_t f;
	int how;

	(void)state;
	for (f = 0; f < sizeof files / sizeof *files; f++)
		for (how = 0; how <= 3; how++) {
			char dir[PATH_MAX];
			dyad_errbuf e;
			dyad_morph *m = (dyad_morph *)1;
			int rc;
			damaged(dir, sizeof dir, files[f], how);
			rc = dyad_morph_open(&m, dir, &e);
			assert_int_equal(rc, how == 0 ? DYAD_ENOTFOUND : DYAD_EINPUT);
			assert_null(m);
			assert_non_null(strstr(e.msg, files[f]));
			if (how == 0)
				assert_non_null(strstr(e.msg, "npm ci"));
			remove_dir(dir);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dictionary_words),
		cmocka_unit_test(ranking),
		cmocka_unit_test(yo),
		cmocka_unit_test(predicted_names),
		cmocka_unit_test(hyphens_and_prefixes),
		cmocka_unit_test(abbreviations),
		cmocka_unit_test(other_letters),
		cmocka_unit_test(context),
		cmocka_unit_test(feats_text),
		cmocka_unit_test(refuses_damaged_files),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
