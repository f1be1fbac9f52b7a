/*
 * test_lemma.c — pattern words matched by lemma: a bare word written as a
 * lemma finds the inflected forms whose Snowball stem differs ("ввела",
 * "вышлет", "сочли"), a dictionary lemma never matches an unrelated word that
 * only shares its stem ("договор" and "договорились"), a future perfective
 * reads as planned; Russian case in slot filling (the subject is the
 * nominative agreeing with its verb, a genitive after it belongs to it, a
 * passive's agent is never the nominative acted on; by position alone without
 * morphology); with the small actor lexicon of tests/fixtures/actors/,
 * patterns written here and OpenCorpora's dictionary (node_modules/az).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad/code.h"

#include "code_helper.h"

static dyad_lexicon *lx;
static dyad_matcher *m;
static dyad_patterns *pats;
static dyad_stemmer *st;
static dyad_morph *mo;
static char dir[] = "/tmp/dyad-lemma-XXXXXX";

static const char patterns[] = "@modality planned\n"
			       "words    планир*\n"
			       "@event 112\n"
			       "pattern  $ обвинить + | $ обвинять +\n"
			       "@event 1663\n"
			       "pattern  $ выслать .. дипломат из + | $ высылать .. дипломат из +\n"
			       "@event 163\n"
			       "pattern  $ ввести санкция против +\n"
			       "@event 057\n"
			       "pattern  $ .. договор с +\n"
			       "@event 111\n"
			       "pattern  $ счесть .. вмешательством +\n"
			       "@event 190\n"
			       "pattern  открыть огонь .. по + | $ атаковать + | $ ударил* по +\n"
			       "@event 042\n"
			       "pattern  $ посетить +\n"
			       "@event 040\n"
			       "pattern  $ провести переговоры\n"
			       "@event 140\n"
			       "pattern  вызван .. посол +\n"
			       "@event 1663\n"
			       "pattern  отозвать .. посла* в +\n"
			       "@event 173\n"
			       "pattern  $ взять в плен +\n";

static code_setup by_stem, by_lemma;

/* The kept events of `text` (code_lines); with_morph 0 codes by stem alone. */
static const char *code(const char *text, int with_morph)
{
	return code_lines(with_morph ? &by_lemma : &by_stem, text, 20240101);
}

static void inflected_forms_match_by_lemma(void **state)
{
	(void)state;
	assert_string_equal(code("Россия обвиняет Казахстан.", 1), "112 RUSGOV -> KAZ");
	assert_string_equal(code("Россия обвинила Казахстан.", 1), "112 RUSGOV -> KAZ");
	assert_string_equal(code("Россия выслала дипломатов из Казахстана.", 1), "1663 RUSGOV -> KAZ");
	assert_string_equal(code("Россия высылает дипломатов из Казахстана.", 1), "1663 RUSGOV -> KAZ");
	/* stems apart from the lemma's: "ввел" and "ввест", "вышлет" and "высла", "сочл" and "счест" */
	assert_string_equal(code("Россия ввела санкции против США.", 1), "163 RUSGOV -> USA");
	assert_string_equal(code("Россия ввела санкции против США.", 0), "");
	assert_string_equal(code("Россия сочла вмешательством заявление США.", 1), "111 RUSGOV -> USA");
	assert_string_equal(code("В России сочли вмешательством заявление США.", 0), "");
}

static void future_perfective_is_planned(void **state)
{
	(void)state;
	assert_string_equal(code("Россия вышлет дипломатов из Казахстана.", 1), "1663 RUSGOV -> KAZ planned");
	assert_string_equal(code("Россия вышлет дипломатов из Казахстана.", 0), "");
	/* "напомним" is the narrator's, not a plan; "передает" is also a present */
	assert_string_equal(code("Напомним, Россия выслала дипломатов из Казахстана, передает агентство.", 1),
			    "1663 RUSGOV -> KAZ");
}

static void a_shared_stem_is_not_a_lemma(void **state)
{
	(void)state;
	/* a lemma of four letters ("удар") is not the prefix filed under its letters ("ударил*") */
	assert_string_equal(code("Россия ударила по Казахстану.", 1), "190 RUSMIL -> KAZ");
	assert_string_equal(code("Россия ответила ударами по Казахстану.", 1), "");
	assert_string_equal(code("Россия заключила договор с США.", 1), "057 RUSGOV -> USAGOV");
	assert_string_equal(code("Россия подписала договоры с США.", 1), "057 RUSGOV -> USAGOV");
	/* "договорились" has the stem of "договор" and the lemma "договориться" */
	assert_string_equal(code("Россия договорилась с США.", 0), "057 RUSGOV -> USAGOV");
	assert_string_equal(code("Россия договорилась с США.", 1), "");
}

static void the_subject_is_the_nominative_agreeing_with_its_verb(void **state)
{
	(void)state;
	/* "России" depends on "предупреждениям": no nominative, not the one who opened fire */
	assert_string_equal(code("Казахстан вопреки предупреждениям России открыл огонь по Беларуси.", 1),
			    "190 KAZMIL -> BLR");
	assert_string_equal(code("Казахстан вопреки предупреждениям России открыл огонь по Беларуси.", 0),
			    "190 RUSMIL -> BLR");
	/* a genitive after the nominative subject stands for it */
	assert_string_equal(code("Военные России открыли огонь по Казахстану.", 1), "190 RUSMIL -> KAZ");
	/* a plural nominative does not agree with a verb in the singular */
	assert_string_equal(code("Военные России вопреки словам Казахстана открыл огонь по США.", 1), "");
}

static void a_plural_verb_without_nominative_speaks_of_in_x(void **state)
{
	(void)state;
	/* "в МИД X выслали": the office acts; the ambassador, in the singular, is not the subject of "выслали" */
	assert_string_equal(code("В МИД России выслали дипломатов из Казахстана.", 1), "1663 RUSGOV -> KAZ");
	assert_string_equal(code("В МИД России выслали дипломатов из Казахстана.", 0), "");
	assert_string_equal(code("Власти России выслали дипломатов из Казахстана.", 1), "1663 RUSGOV -> KAZ");
	assert_string_equal(code("Посол России сказал, что выслали дипломатов из Казахстана.", 1), "");
	assert_string_equal(code("Посол России сказал, что выслали дипломатов из Казахстана.", 0),
			    "1663 RUSGOV -> KAZ");
}

static void the_subject_may_stand_after_its_verb(void **state)
{
	(void)state;
	assert_string_equal(code("Внезапно открыли огонь по Беларуси пограничники Казахстана.", 1),
			    "190 KAZMIL -> BLR");
	assert_string_equal(code("Внезапно открыли огонь по Беларуси пограничники Казахстана.", 0), "");
	assert_string_equal(code("Вчера открыл огонь по Беларуси Токаев.", 1), "190 KAZGOV -> BLR");
	/* an accusative after the verb is its object, not its subject */
	assert_string_equal(code("Вчера открыл огонь по Беларуси, поддержав Казахстан.", 1), "");
}

static void with_s_and_an_instrumental_both_act(void **state)
{
	(void)state;
	assert_string_equal(code("Токаев с Лукашенко провели переговоры.", 1), "040 KAZGOV <-> BLRGOV");
	assert_string_equal(code("Токаев с Лукашенко провели переговоры.", 0), "");
	assert_string_equal(code("Лукашенко с Лавровым провели переговоры.", 1), "040 BLRGOV <-> RUSGOV");
	/* "с утра" names no one */
	assert_string_equal(code("Власти Казахстана с утра провели переговоры.", 1), "");
}

static void the_object_may_stand_first(void **state)
{
	(void)state;
	/* "Минск" can be an accusative, "министр" and "Токаев" only nominatives */
	assert_string_equal(code("Минск посетил Токаев.", 1), "042 KAZGOV -> BLR");
	assert_string_equal(code("Минск посетил Токаев.", 0), "042 BLRGOV -> KAZ");
	assert_string_equal(code("Минск посетит министр Казахстана.", 1), "036 KAZGOV -> BLR planned");
	assert_string_equal(code("Токаев посетил Минск.", 1), "042 KAZGOV -> BLR");
}

static void another_preposition_governs_its_own_phrase(void **state)
{
	(void)state;
	/* "Беларуси" belongs to "против решения", not to the "в" of "в знак" */
	assert_string_equal(code("Россия отозвала посла в знак протеста против решения Беларуси.", 1), "");
	assert_string_equal(code("Россия отозвала посла в знак протеста против решения Беларуси.", 0),
			    "1663 RUSGOV -> BLR");
	assert_string_equal(code("Россия отозвала посла в США.", 1), "1663 RUSGOV -> USA");
	/* a nominative after an active verb is no object: the subject of what follows */
	assert_string_equal(code("Россия отозвала посла в знак протеста, министр Казахстана промолчал.", 1), "");
	assert_string_equal(code("Россия отозвала посла в знак протеста, министр Казахстана промолчал.", 0),
			    "1663 RUSGOV -> KAZGOV");
}

static void a_passive_agent_is_never_the_nominative(void **state)
{
	(void)state;
	/* the ambassador is the one summoned; the office "в МИД X" acts */
	assert_string_equal(code("В МИД России был вызван посол Казахстана.", 1), "140 RUSGOV -> KAZ");
	assert_string_equal(code("В МИД России был вызван посол Казахстана.", 0), "140 KAZDIP -> RUSGOV");
	/* an instrumental in the pattern's + is the one acting, the one before the verb is acted on */
	assert_string_equal(code("Казахстан был атакован Россией.", 1), "190 RUSMIL -> KAZ");
	assert_string_equal(code("Россия атаковала Казахстан.", 1), "190 RUSMIL -> KAZ");
}

/* The passive by the word's reading in context: "взяты" is a short participle though no ending lists it. */
static void passive_by_reading(void **state)
{
	(void)state;
	assert_string_equal(code("В Казахстане сказали, что двое военных России взяты в плен.", 1),
			    "173 KAZGOV -> RUS");
}

static int setup(void **state)
{
	char file[64];
	dyad_errbuf e;
	FILE *f;

	(void)state;
	if (dyad_morph_open(&mo, NULL, &e) < 0) {
		fprintf(stderr, "test_lemma: %s\n", e.msg);
		return -1;
	}
	if ((lx = dyad_lexicon_load("tests/fixtures/actors", NULL, NULL, &e)) == NULL || mkdtemp(dir) == NULL)
		return -1;
	snprintf(file, sizeof file, "%s/t.txt", dir);
	if ((f = fopen(file, "w")) == NULL)
		return -1;
	fputs(patterns, f);
	fclose(f);
	m = dyad_matcher_new(lx);
	st = dyad_stemmer_new();
	pats = dyad_patterns_load(dir, NULL, NULL, &e);
	unlink(file);
	rmdir(dir);
	if (pats == NULL)
		return -1;
	dyad_patterns_use_morph(pats, mo);
	by_stem = (code_setup){ m, pats, st, NULL };
	by_lemma = (code_setup){ m, pats, st, mo };
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dyad_patterns_free(pats);
	dyad_stemmer_free(st);
	dyad_matcher_free(m);
	dyad_lexicon_free(lx);
	dyad_morph_free(mo);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(inflected_forms_match_by_lemma),
		cmocka_unit_test(future_perfective_is_planned),
		cmocka_unit_test(a_shared_stem_is_not_a_lemma),
		cmocka_unit_test(the_subject_is_the_nominative_agreeing_with_its_verb),
		cmocka_unit_test(a_plural_verb_without_nominative_speaks_of_in_x),
		cmocka_unit_test(the_subject_may_stand_after_its_verb),
		cmocka_unit_test(with_s_and_an_instrumental_both_act),
		cmocka_unit_test(the_object_may_stand_first),
		cmocka_unit_test(another_preposition_governs_its_own_phrase),
		cmocka_unit_test(a_passive_agent_is_never_the_nominative),
		cmocka_unit_test(passive_by_reading),
	};
	return cmocka_run_group_tests_name("lemma", tests, setup, teardown);
}
