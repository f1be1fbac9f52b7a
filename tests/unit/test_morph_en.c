/*
 * test_morph_en.c — English lemmas and tags from WordNet (Debian's
 * wordnet-base in /usr/share/wordnet, which scripts/bootstrap installs: the
 * tests fail, not skip, without it): irregular verbs and plurals, degrees,
 * -ing and -ed forms, names, words WordNet lacks, function words, junk bytes
 * and a 1 MB word; then the readers of WordNet's files on a small WordNet
 * written here, with their errors naming file and line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "morph/internal.h"
#include "morph/wordnet.h"

#define WORDNET "/usr/share/wordnet"

typedef struct {
	morph_en *en;
	dyad_arena *a;
} fixture;

static int open_wordnet(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	dyad_errbuf e;

	if (fx == NULL)
		return -1;
	if (morph_en_open(&fx->en, WORDNET, &e) != 0) {
		fprintf(stderr, "WordNet could not be opened (scripts/bootstrap installs it): %s\n", e.msg);
		free(fx);
		return -1;
	}
	fx->a = dyad_arena_new();
	*state = fx;
	return 0;
}

static int close_wordnet(void **state)
{
	fixture *fx = *state;

	if (fx) {
		morph_en_free(fx->en);
		dyad_arena_free(fx->a);
		free(fx);
	}
	return 0;
}

#define PAST (DYAD_F_MOOD_IND | DYAD_F_VF_FIN | DYAD_F_TENSE_PAST)
#define PART (DYAD_F_TENSE_PAST | DYAD_F_VF_PART)
#define PRES3 (DYAD_F_MOOD_IND | DYAD_F_VF_FIN | DYAD_F_TENSE_PRES | DYAD_F_NUM_SING | DYAD_F_PERSON_3)
#define SING DYAD_F_NUM_SING
#define PLUR DYAD_F_NUM_PLUR
#define NEG DYAD_F_POLARITY_NEG

/* A word, the flags it is analysed with, and its first reading as checked by hand. */
static const struct {
	const char *word;
	unsigned flags;
	const char *lemma;
	dyad_upos upos;
	uint64_t feats;
	unsigned known;
} first[] = {
	/* irregular verbs: WordNet's exception list, past tense and participle told apart */
	{ "withdrew", 0, "withdraw", DYAD_UPOS_VERB, PAST, 1 },
	{ "withdrawn", 0, "withdraw", DYAD_UPOS_VERB, PART, 1 },
	{ "said", 0, "say", DYAD_UPOS_VERB, PAST, 1 },
	{ "began", 0, "begin", DYAD_UPOS_VERB, PAST, 1 },
	{ "begun", 0, "begin", DYAD_UPOS_VERB, PART, 1 },
	{ "took", 0, "take", DYAD_UPOS_VERB, PAST, 1 },
	{ "taken", 0, "take", DYAD_UPOS_VERB, PART, 1 },
	{ "went", 0, "go", DYAD_UPOS_VERB, PAST, 1 },
	{ "gone", 0, "go", DYAD_UPOS_VERB, PART, 1 },
	{ "wrote", 0, "write", DYAD_UPOS_VERB, PAST, 1 },
	{ "written", 0, "write", DYAD_UPOS_VERB, PART, 1 },
	{ "knew", 0, "know", DYAD_UPOS_VERB, PAST, 1 },
	{ "ran", 0, "run", DYAD_UPOS_VERB, PAST, 1 },
	{ "done", 0, "do", DYAD_UPOS_VERB, PART, 1 },
	/* regular verbs: morphy's detachment rules */
	{ "stopped", 0, "stop", DYAD_UPOS_VERB, PAST, 1 },
	{ "united", 0, "unite", DYAD_UPOS_VERB, PAST, 1 },
	{ "running", 0, "run", DYAD_UPOS_VERB, DYAD_F_VF_GER, 1 },
	{ "says", 0, "say", DYAD_UPOS_VERB, PRES3, 1 },
	{ "doing", 0, "do", DYAD_UPOS_VERB, DYAD_F_VF_GER, 1 },
	/* plurals */
	{ "countries", 0, "country", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "children", 0, "child", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "women", 0, "woman", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "mice", 0, "mouse", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "criteria", 0, "criterion", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "books", 0, "book", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "meetings", 0, "meeting", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "churches", 0, "church", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "countries'", 0, "country", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "minister", 0, "minister", DYAD_UPOS_NOUN, SING, 1 },
	/* plurals WordNet also lists as lemmas of their own */
	{ "troops", 0, "troop", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "relations", 0, "relation", DYAD_UPOS_NOUN, PLUR, 1 },
	{ "news", 0, "news", DYAD_UPOS_NOUN, SING, 1 },
	/* degrees */
	{ "larger", 0, "large", DYAD_UPOS_ADJ, DYAD_F_DEGREE_CMP, 1 },
	{ "largest", 0, "large", DYAD_UPOS_ADJ, DYAD_F_DEGREE_SUP, 1 },
	{ "bigger", 0, "big", DYAD_UPOS_ADJ, DYAD_F_DEGREE_CMP, 1 },
	{ "biggest", 0, "big", DYAD_UPOS_ADJ, DYAD_F_DEGREE_SUP, 1 },
	{ "better", 0, "good", DYAD_UPOS_ADJ, DYAD_F_DEGREE_CMP, 1 },
	{ "worse", 0, "bad", DYAD_UPOS_ADJ, DYAD_F_DEGREE_CMP, 1 },
	{ "best", 0, "good", DYAD_UPOS_ADJ, DYAD_F_DEGREE_SUP, 1 },
	{ "foreign", 0, "foreign", DYAD_UPOS_ADJ, DYAD_F_DEGREE_POS, 1 },
	{ "quickly", 0, "quickly", DYAD_UPOS_ADV, 0, 1 },
	/* function words and auxiliaries */
	{ "the", 0, "the", DYAD_UPOS_DET, 0, 1 },
	{ "The", 0, "the", DYAD_UPOS_DET, 0, 1 },
	{ "of", 0, "of", DYAD_UPOS_ADP, 0, 1 },
	{ "as", 0, "as", DYAD_UPOS_ADP, 0, 1 }, /* WordNet's adverb "as" comes after the table's */
	{ "and", 0, "and", DYAD_UPOS_CCONJ, 0, 1 },
	{ "because", 0, "because", DYAD_UPOS_SCONJ, 0, 1 },
	{ "not", 0, "not", DYAD_UPOS_PART, NEG, 1 },
	{ "others", 0, "other", DYAD_UPOS_PRON, PLUR, 1 },
	{ "them", 0, "they", DYAD_UPOS_PRON, DYAD_F_CASE_ACC | PLUR | DYAD_F_PERSON_3, 1 },
	{ "I", DYAD_MORPH_MIDCAP, "I", DYAD_UPOS_PRON, DYAD_F_CASE_NOM | SING | DYAD_F_PERSON_1, 1 },
	{ "is", 0, "be", DYAD_UPOS_AUX, PRES3, 1 },
	{ "was", 0, "be", DYAD_UPOS_AUX, PAST | SING, 1 },
	{ "has", 0, "have", DYAD_UPOS_AUX, PRES3, 1 },
	{ "will", 0, "will", DYAD_UPOS_AUX, DYAD_F_VF_FIN, 1 },
	{ "must", 0, "must", DYAD_UPOS_AUX, DYAD_F_VF_FIN, 1 },
	{ "didn't", 0, "do", DYAD_UPOS_AUX, PAST | NEG, 1 },
	{ "won\xe2\x80\x99t", 0, "will", DYAD_UPOS_AUX, DYAD_F_VF_FIN | NEG, 1 },
	{ "can't", 0, "can", DYAD_UPOS_AUX, DYAD_F_VF_FIN | NEG, 1 },
	/* names: WordNet's capitalised senses keep WordNet's spelling; others keep their form */
	{ "Putin", 0, "Putin", DYAD_UPOS_PROPN, SING, 1 },
	{ "Russia's", 0, "Russia", DYAD_UPOS_PROPN, SING, 1 },
	{ "NATO\xe2\x80\x99s", 0, "NATO", DYAD_UPOS_PROPN, SING, 1 },
	{ "U.S.", 0, "U.S.", DYAD_UPOS_PROPN, SING, 1 },
	{ "Americans", 0, "American", DYAD_UPOS_PROPN, PLUR, 1 },
	{ "US", 0, "US", DYAD_UPOS_PROPN, SING, 1 },
	{ "EU", 0, "EU", DYAD_UPOS_PROPN, SING, 1 }, /* the text's spelling, not europium's "Eu" */
	{ "Xi", DYAD_MORPH_MIDCAP, "Xi", DYAD_UPOS_PROPN, SING, 1 },
	{ "President", DYAD_MORPH_MIDCAP, "President", DYAD_UPOS_PROPN, SING, 1 },
	{ "President", 0, "president", DYAD_UPOS_NOUN, SING, 1 },
	{ "May", DYAD_MORPH_MIDCAP, "May", DYAD_UPOS_PROPN, SING, 1 },
	{ "Zelensky", 0, "Zelensky", DYAD_UPOS_PROPN, SING, 0 },
	{ "Lavrov's", DYAD_MORPH_MIDCAP, "Lavrov", DYAD_UPOS_PROPN, SING, 0 },
	{ "\xc3\x89mile", 0, "\xc3\x89mile", DYAD_UPOS_PROPN, SING, 0 },
	/* words WordNet lacks: the regular rules */
	{ "blockchains", 0, "blockchain", DYAD_UPOS_NOUN, PLUR, 0 },
	{ "geolocated", 0, "geolocate", DYAD_UPOS_VERB, PAST, 0 },
	{ "unfriending", 0, "unfriend", DYAD_UPOS_VERB, DYAD_F_VF_GER, 0 },
	{ "peace-keepers", 0, "peace-keeper", DYAD_UPOS_NOUN, PLUR, 0 },
	{ "2024", 0, "2024", DYAD_UPOS_NUM, 0, 0 },
	{ "...", 0, "...", DYAD_UPOS_PUNCT, 0, 0 },
};

static const char *upos_str(dyad_upos u)
{
	static const char *const names[] = { "X",   "NOUN", "PROPN", "VERB",  "AUX",  "ADJ",  "ADV",   "PRON", "DET",
					     "NUM", "ADP",  "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT", "SYM" };
	return u < sizeof names / sizeof names[0] ? names[u] : "?";
}

/* Every reading is well formed, readings are best first, scores sum to 1. */
static void check_readings(const char *word, const dyad_analysis *r, size_t n)
{
	size_t i;
	double sum = 0;

	for (i = 0; i < n; i++) {
		if (r[i].lemma.p == NULL || r[i].lemma.n == 0)
			fail_msg("%s: reading %zu has no lemma", word, i);
		if (i > 0 && r[i].score > r[i - 1].score)
			fail_msg("%s: reading %zu scores %.3f above reading %zu's %.3f", word, i, r[i].score, i - 1,
				 r[i - 1].score);
		sum += r[i].score;
	}
	if (n > 0 && (sum < 0.999 || sum > 1.001))
		fail_msg("%s: the scores sum to %.4f", word, sum);
}

static void first_readings(void **state)
{
	fixture *fx = *state;
	size_t i, bad = 0;

	for (i = 0; i < sizeof first / sizeof first[0]; i++) {
		dyad_analysis *r;
		size_t n = morph_en_analyze(fx->en, fx->a, dyad_str_c(first[i].word), first[i].flags, &r);
		check_readings(first[i].word, r, n);
		if (n == 0 || !dyad_str_eq_c(r[0].lemma, first[i].lemma) || r[0].upos != first[i].upos ||
		    r[0].feats != first[i].feats || r[0].known != first[i].known) {
			print_error("%s%s: expected %s %s feats %#llx known %u, got %.*s %s feats %#llx known %u\n",
				    first[i].word, first[i].flags ? " (mid-sentence capital)" : "", first[i].lemma,
				    upos_str(first[i].upos), (unsigned long long)first[i].feats, first[i].known,
				    n ? (int)r[0].lemma.n : 0, n ? r[0].lemma.p : "", n ? upos_str(r[0].upos) : "-",
				    n ? (unsigned long long)r[0].feats : 0ULL, n ? r[0].known : 0);
			bad++;
		}
		dyad_arena_reset(fx->a);
	}
	assert_true(sizeof first / sizeof first[0] >= 50);
	assert_int_equal(bad, 0);
}

/* Whether one of the readings of `word` is lemma/upos with all of `feats`. */
static int has_reading(fixture *fx, const char *word, unsigned flags, const char *lemma, dyad_upos upos, uint64_t feats)
{
	dyad_analysis *r;
	size_t i, n = morph_en_analyze(fx->en, fx->a, dyad_str_c(word), flags, &r);

	for (i = 0; i < n; i++)
		if (dyad_str_eq_c(r[i].lemma, lemma) && r[i].upos == upos && (r[i].feats & feats) == feats)
			return 1;
	return 0;
}

static void every_reading_is_given(void **state)
{
	fixture *fx = *state;

	/* "said" is a past tense and a participle, and WordNet's adjective "said" */
	assert_true(has_reading(fx, "said", 0, "say", DYAD_UPOS_VERB, PART));
	assert_true(has_reading(fx, "said", 0, "said", DYAD_UPOS_ADJ, 0));
	assert_true(has_reading(fx, "united", 0, "united", DYAD_UPOS_ADJ, 0));
	assert_true(has_reading(fx, "meeting", 0, "meeting", DYAD_UPOS_NOUN, SING));
	assert_true(has_reading(fx, "meeting", 0, "meet", DYAD_UPOS_VERB, DYAD_F_VF_GER));
	assert_true(has_reading(fx, "leads", 0, "lead", DYAD_UPOS_NOUN, PLUR));
	assert_true(has_reading(fx, "leads", 0, "lead", DYAD_UPOS_VERB, PRES3));
	assert_true(has_reading(fx, "will", 0, "will", DYAD_UPOS_NOUN, SING));
	assert_true(has_reading(fx, "has", 0, "have", DYAD_UPOS_VERB, PRES3));
	assert_true(has_reading(fx, "that", 0, "that", DYAD_UPOS_PRON, 0));
	/* a name and a common noun: "President" opening a sentence may be either */
	assert_true(has_reading(fx, "President", 0, "President", DYAD_UPOS_PROPN, SING));
	assert_true(has_reading(fx, "Smith", DYAD_MORPH_MIDCAP, "smith", DYAD_UPOS_NOUN, SING));
	/* a lower-case word is no name, even where WordNet has one */
	assert_false(has_reading(fx, "china", 0, "China", DYAD_UPOS_PROPN, 0));
	assert_true(has_reading(fx, "China", 0, "China", DYAD_UPOS_PROPN, 0));
	/* "was" is no plural of "wa" */
	assert_false(has_reading(fx, "was", 0, "wa", DYAD_UPOS_NOUN, 0));
	dyad_arena_reset(fx->a);
}

static void junk_and_huge_words(void **state)
{
	fixture *fx = *state;
	static const char *const junk[] = { "\xff\xfe", "ab\xc3", "\x01\x02\x03", "a\x80z", "'",    "n't",
					    "'s",       "-",      "--a",          "a-",     "'''s", "\xe2\x80\x99s",
					    "%",        "s'" };
	size_t i, n, big = (size_t)1 << 20;
	char *word = malloc(big);
	dyad_analysis *r;

	for (i = 0; i < sizeof junk / sizeof junk[0]; i++) {
		n = morph_en_analyze(fx->en, fx->a, dyad_str_c(junk[i]), DYAD_MORPH_MIDCAP, &r);
		assert_true(n >= 1);
		check_readings(junk[i], r, n);
	}
	/* bytes with a NUL inside */
	n = morph_en_analyze(fx->en, fx->a, (dyad_str){ "a\0b", 3 }, 0, &r);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].upos, DYAD_UPOS_X);
	/* the empty word has no reading */
	assert_int_equal(morph_en_analyze(fx->en, fx->a, (dyad_str){ "", 0 }, 0, &r), 0);
	/* a 1 MB word: one reading, itself, at once */
	assert_non_null(word);
	memset(word, 'a', big);
	memcpy(word + big - 3, "ing", 3);
	n = morph_en_analyze(fx->en, fx->a, (dyad_str){ word, big }, 0, &r);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].lemma.n, big);
	assert_int_equal(r[0].upos, DYAD_UPOS_X);
	free(word);
	dyad_arena_reset(fx->a);
}

/* ---- a small WordNet written here ----------------------------------------------------------- */

static void put_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/*
 * A WordNet of three nouns and a verb. data.noun's lines are padded to 64
 * bytes so that the synset offsets are 0, 64, 128.
 */
static void write_small_wordnet(const char *dir)
{
	char data[256];

	snprintf(data, sizeof data, "%-63s\n%-63s\n%-63s\n", "00000000 15 n 01 China 0 000 | a country",
		 "00000064 06 n 01 china 0 000 | porcelain", "00000128 18 n 02 Petrov 0 petrov 0 000 | x");
	put_file(dir, "data.noun", data);
	put_file(dir, "index.noun",
		 "  1 a licence line\n"
		 "china n 2 1 @ 2 1 00000000 00000064  \n"
		 "petrov n 1 1 @ 1 0 00000128  \n"
		 "tree n 1 0 1 0 00000064  \n");
	put_file(dir, "index.verb", "plant v 1 0 1 0 00000000  \n");
	put_file(dir, "index.adj", "");
	put_file(dir, "index.adv", "");
	put_file(dir, "noun.exc", "trees tree\n");
	put_file(dir, "verb.exc", "plonted plant\n");
	put_file(dir, "adj.exc", "");
	put_file(dir, "adv.exc", "");
	put_file(dir, "cntlist.rev", "china%1:15:00:: 1 12\nchina%1:06:00:: 2 3\n");
}

static char tmpdir[64];

static void rm_small_wordnet(void)
{
	static const char *const names[] = { "data.noun", "index.noun", "index.verb", "index.adj", "index.adv",
					     "noun.exc",  "verb.exc",   "adj.exc",    "adv.exc",   "cntlist.rev" };
	char path[512];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", tmpdir, names[i]);
		unlink(path);
	}
	rmdir(tmpdir);
}

static void small_wordnet(void **state)
{
	morph_en *en;
	dyad_errbuf e;
	dyad_arena *a = dyad_arena_new();
	dyad_analysis *r;
	size_t n;

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-wn-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	write_small_wordnet(tmpdir);
	assert_int_equal(morph_en_open(&en, tmpdir, &e), 0);
	/* China: a name in its first sense, a common noun in its second */
	n = morph_en_analyze(en, a, dyad_str_c("China"), 0, &r);
	assert_int_equal(n, 2);
	assert_true(dyad_str_eq_c(r[0].lemma, "China") && r[0].upos == DYAD_UPOS_PROPN);
	assert_true(dyad_str_eq_c(r[1].lemma, "china") && r[1].upos == DYAD_UPOS_NOUN);
	n = morph_en_analyze(en, a, dyad_str_c("china"), 0, &r);
	assert_int_equal(n, 1);
	assert_true(dyad_str_eq_c(r[0].lemma, "china") && r[0].upos == DYAD_UPOS_NOUN);
	/* Petrov: every sense is a name, so only the name */
	n = morph_en_analyze(en, a, dyad_str_c("Petrov"), 0, &r);
	assert_int_equal(n, 1);
	assert_true(dyad_str_eq_c(r[0].lemma, "Petrov") && r[0].upos == DYAD_UPOS_PROPN);
	/* the exception lists */
	n = morph_en_analyze(en, a, dyad_str_c("trees"), 0, &r);
	assert_true(n >= 1 && dyad_str_eq_c(r[0].lemma, "tree") && r[0].feats == PLUR);
	n = morph_en_analyze(en, a, dyad_str_c("plonted"), 0, &r);
	assert_true(n >= 1 && dyad_str_eq_c(r[0].lemma, "plant") && r[0].upos == DYAD_UPOS_VERB);
	morph_en_free(en);

	/* a malformed line is named by file and line */
	put_file(tmpdir, "index.verb", "plant v 1 0 1 0 00000000  \nsow x 1 0 1 0 00000000\n");
	assert_int_equal(morph_en_open(&en, tmpdir, &e), DYAD_EINPUT);
	assert_null(en);
	assert_non_null(strstr(e.msg, "/index.verb:2: expected the part of speech 'v'"));
	put_file(tmpdir, "index.verb", "");
	put_file(tmpdir, "verb.exc", "plonted plant\nlonely\n");
	assert_int_equal(morph_en_open(&en, tmpdir, &e), DYAD_EINPUT);
	assert_non_null(strstr(e.msg, "/verb.exc:2: expected a lemma after the form"));
	put_file(tmpdir, "verb.exc", "");
	put_file(tmpdir, "cntlist.rev", "china%1:15:00:: 1 12\n\nchina 2 3\n");
	assert_int_equal(morph_en_open(&en, tmpdir, &e), DYAD_EINPUT);
	assert_non_null(strstr(e.msg, "/cntlist.rev:3: expected a sense key"));

	/* a missing file is named, with the package to install */
	rm_small_wordnet();
	assert_int_equal(morph_en_open(&en, tmpdir, &e), DYAD_ENOTFOUND);
	assert_null(en);
	assert_non_null(strstr(e.msg, "/index.noun: cannot open"));
	assert_non_null(strstr(e.msg, "apt-get install wordnet-base"));
	dyad_arena_free(a);
}

static int count_line(void *ctx, const morph_wn_index_line *l)
{
	(void)l;
	++*(int *)ctx;
	return 0;
}

static void index_lines(void **state)
{
	static const struct {
		const char *text, *error;
	} cases[] = {
		{ "  licence\nbook n 2 1 @ 2 1 00000001 00000002  \n", NULL },
		{ "book n 2 1 @ 2 1 00000001 00000002", NULL }, /* no final newline */
		{ "book n 2 1 @ 2 1 00000001 00000002\r\n", NULL },
		{ "\nbook\n", "f:2: expected the part of speech 'n' after the lemma" },
		{ "book n 0 0 0 0\n", "f:1: expected the number of senses (1 to 999)" },
		{ "book n 1 x\n", "f:1: expected the number of pointer kinds (0 to 99)" },
		{ "book n 1 2 @\n", "f:1: expected a pointer symbol" },
		{ "book n 1 0 2 0 00000001\n", "f:1: expected the number of senses again" },
		{ "book n 1 0 1 2 00000001\n",
		  "f:1: expected the number of tagged senses (at most the number of senses)" },
		{ "book n 2 0 2 0 00000001\n", "f:1: expected an 8-digit synset offset for every sense" },
		{ "book n 1 0 1 0 0000001x\n", "f:1: expected an 8-digit synset offset for every sense" },
		{ "book n 1 0 1 0 00000001 more\n", "f:1: expected the end of the line after the synset offsets" },
		{ "bo%ok n 1 0 1 0 00000001\n", "f:1: expected a lemma at the start of the line" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		dyad_errbuf e;
		int lines = 0, rc = morph_wn_read_index(dyad_str_c(cases[i].text), "f", 'n', count_line, &lines, &e);
		if (cases[i].error == NULL) {
			assert_int_equal(rc, 0);
			assert_int_equal(lines, 1);
		} else {
			assert_int_equal(rc, DYAD_EINPUT);
			assert_string_equal(e.msg, cases[i].error);
		}
	}
}

static void synset_lines(void **state)
{
	const char *data = "00000000 03 n 02 Kremlin 0 kremlin 1 000 | x\n00000045 03 n zz x\n";
	dyad_str s = dyad_str_c(data), form;
	dyad_errbuf e;

	(void)state;
	assert_int_equal(morph_wn_synset_word(s, "d", 0, dyad_str_c("kremlin"), &form, &e), 1);
	assert_true(dyad_str_eq_c(form, "Kremlin"));
	assert_int_equal(morph_wn_synset_word(s, "d", 0, dyad_str_c("castle"), &form, &e), 0);
	assert_int_equal(morph_wn_synset_word(s, "d", 45, dyad_str_c("x"), &form, &e), DYAD_EINPUT);
	assert_string_equal(e.msg, "d: offset 45: a synset line not in WordNet's shape");
	assert_int_equal(morph_wn_synset_word(s, "d", 3, dyad_str_c("x"), &form, &e), DYAD_EINPUT);
	assert_string_equal(e.msg, "d: offset 3: expected a synset line beginning with its offset");
	assert_int_equal(morph_wn_synset_word(s, "d", 9999, dyad_str_c("x"), &form, &e), DYAD_EINPUT);
	assert_string_equal(e.msg, "d: offset 9999: past the end of the file");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(first_readings, open_wordnet, close_wordnet),
		cmocka_unit_test_setup_teardown(every_reading_is_given, open_wordnet, close_wordnet),
		cmocka_unit_test_setup_teardown(junk_and_huge_words, open_wordnet, close_wordnet),
		cmocka_unit_test(small_wordnet),
		cmocka_unit_test(index_lines),
		cmocka_unit_test(synset_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
