/*
 * test_lexicon.c — loading the actor dictionaries: entities, names with their
 * types and dates, offices picked by the document's date, and bad lines
 * reported with file and line while the rest loads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "dyad/lexicon.h"

static char warnings[4096];

static void on_warn(void *ctx, const char *msg)
{
	size_t n = strlen(warnings);

	(void)ctx;
	snprintf(warnings + n, sizeof warnings - n, "%s\n", msg);
}

static dyad_lexicon *load(void)
{
	dyad_errbuf e;

	warnings[0] = '\0';
	return dyad_lexicon_load("tests/fixtures/lexicon", on_warn, NULL, &e);
}

static const dyad_lex_name *name_of(const dyad_lexicon *lx, const char *text)
{
	size_t i;

	for (i = 0; i < dyad_lexicon_nnames(lx); i++)
		if (strcmp(dyad_lexicon_name(lx, i)->text, text) == 0)
			return dyad_lexicon_name(lx, i);
	return NULL;
}

static void entities_and_names(void **state)
{
	dyad_lexicon *lx = load();
	const dyad_lex_entity *kaz, *sco, *dip;
	const dyad_lex_name *n;

	(void)state;
	assert_non_null(lx);
	kaz = dyad_lexicon_find(lx, DYAD_LEX_COUNTRY, "KAZ");
	assert_non_null(kaz);
	assert_string_equal(kaz->fips, "KZ");
	sco = dyad_lexicon_find(lx, DYAD_LEX_IGO, "SCO");
	assert_string_equal(sco->code, "IGOSCO");
	dip = dyad_lexicon_find(lx, DYAD_LEX_ROLE, "DIP");
	assert_non_null(dip);
	assert_null(dyad_lexicon_find(lx, DYAD_LEX_COUNTRY, "SCO"));

	n = name_of(lx, "Нур-Султан");
	assert_non_null(n);
	assert_int_equal(n->type, DYAD_NAME_CAPITAL);
	assert_int_equal(n->from, 20190323);
	assert_int_equal(n->to, 20220917);
	assert_ptr_equal(dyad_lexicon_entity(lx, n->entity), kaz);
	n = name_of(lx, "Совет Республики");
	assert_int_equal(n->type, DYAD_NAME_METONYM);
	assert_string_equal(n->role, "LEG");
	n = name_of(lx, "Palace of Independence"); /* a role given inside the line */
	assert_string_equal(n->role, "GOV");
	n = name_of(lx, "посольство");
	assert_int_equal(n->type, DYAD_NAME_BODY);
	assert_string_equal(n->role, "DIP");
	/* a person is found by the canonical name too */
	n = name_of(lx, "Наталья Кочанова");
	assert_int_equal(n->type, DYAD_NAME_NAME);
	assert_int_equal(dyad_lexicon_nmembers(lx), 2);
	assert_string_equal(dyad_lexicon_member(lx, 1)->country, "BLR");
	assert_int_equal(dyad_lexicon_member(lx, 1)->from, 20240704);
	dyad_lexicon_free(lx);
}

static void offices_by_date(void **state)
{
	dyad_lexicon *lx = load();
	const dyad_lex_entity *t = dyad_lexicon_find(lx, DYAD_LEX_PERSON, "Касым-Жомарт Токаев");
	const dyad_lex_entity *k = dyad_lexicon_find(lx, DYAD_LEX_PERSON, "Наталья Кочанова");
	const dyad_office *o;
	int before;

	(void)state;
	assert_non_null(t);
	assert_int_equal(t->gender, 'm');
	assert_int_equal(t->noffices, 3);
	o = dyad_lexicon_office_on(t, 20000601, &before);
	assert_string_equal(o->title, "prime minister");
	o = dyad_lexicon_office_on(t, 20251104, &before);
	assert_string_equal(o->code, "KAZGOV");
	assert_string_equal(o->title, "president");
	o = dyad_lexicon_office_on(t, 20090101, &before);
	assert_string_equal(o->code, "KAZLEG");
	assert_null(dyad_lexicon_office_on(t, 20150101, &before));
	assert_int_equal(before, 1);
	o = dyad_lexicon_office_on(k, 20210609, &before);
	assert_string_equal(o->code, "BLRLEG");
	assert_null(dyad_lexicon_office_on(k, 20250101, &before));
	assert_int_equal(before, 1);
	assert_null(dyad_lexicon_office_on(k, 20100101, &before));
	assert_int_equal(before, 0);
	dyad_lexicon_free(lx);
}

static void bad_lines_named(void **state)
{
	dyad_lexicon *lx = load();
	dyad_errbuf e;

	(void)state;
	assert_non_null(strstr(warnings, "a-countries.txt:11: a country's key is a three-letter code"));
	assert_non_null(strstr(warnings, "b-igos.txt:6: an organisation's code is IGO + letters"));
	assert_non_null(strstr(warnings, "c-people.txt:7: an office must start with an actor code"));
	assert_non_null(strstr(warnings, "c-people.txt:14: unknown block '@alien'"));
	/* a file of no entry is named, and the files beside it are still read */
	assert_non_null(strstr(warnings, "d-empty.txt: no entry (an empty or truncated dictionary file?)"));
	assert_null(strstr(warnings, "c-people.txt: no entry"));
	/* the fields of a refused block are not read into the block before it */
	assert_null(strstr(warnings, "colour"));
	assert_null(strstr(warnings, "notes.md"));
	dyad_lexicon_free(lx);
	assert_null(dyad_lexicon_load("tests/fixtures/no-such-folder", on_warn, NULL, &e));
	assert_non_null(strstr(e.msg, "no-such-folder"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(entities_and_names),
		cmocka_unit_test(offices_by_date),
		cmocka_unit_test(bad_lines_named),
	};
	return cmocka_run_group_tests_name("lexicon", tests, NULL, NULL);
}
