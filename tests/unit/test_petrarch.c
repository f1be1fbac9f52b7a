/*
 * test_petrarch.c — the PETRARCH/TABARI dictionary readers and coder on small
 * dictionaries written here: dated actor codes, agent plurals and
 * substitution sets, nested synsets, a malformed line warned and skipped,
 * patterns with '$' and '+', compounds, '%' reciprocity and discards.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "dyad/petrarch.h"

static const char actors[] = "<!-- test actors -->\n"
			     "ARNOR_  [ARN]\n"
			     "+ARNORIAN\n"
			     "GONDOR [GON]\n"
			     "+MINAS_TIRITH\n"
			     "OSGILIATH  [OSG]\n"
			     "ERIADOR [ERI]\n"
			     "+ERIADORIAN\n"
			     "LORIEN  [ELR/GAL]\n"
			     "GOLLUM  # pas 27 Apr 03\n"
			     "+SMEAGOL\n"
			     "\t[HOB < 950601]\n"
			     "\t[HOBGOV 19950601 - 19990815]\n"
			     "\t[HOBREB >990816]\n"
			     "HAMFAST [HOBGOV 950601-991231] [HOB] ; CountryInfo.txt\n";

static const char agents[] = "!PERSON! = MAN, WOMAN\n"
			     "CLERIC  [~REL]\n"
			     "POLICE {} [ ~COP]\n"
			     "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
			     "CONGRESS!PERSON! [~LEG]\n"
			     "MSF {}  [NGO~]\n"
			     "GOVERNMENT  [~GOV]\n";

static const char verbs[] = "&TIES\n"
			    "+MILITARY\n"
			    "+ECONOMIC\n"
			    "&MONEY\n"
			    "+DOLLAR\n"
			    "+&TIES\n"
			    "--- RESTORE  [064]  ---\n"
			    "RESTORE\n"
			    "- * &TIES TIES [902]\n"
			    "--- CONTRIBUTE [070] ---\n"
			    "CONTRIBUTE\n"
			    "- * &MONEY [903]\n"
			    "--- SHOT  [223] ---\n"
			    "SHOT\n"
			    "- + WAS * DEAD IN $ [224]\n"
			    "--- DELAY [120] ---\n"
			    "DELAY\n"
			    "- % HAVE * [191]\n"
			    "--- ARRIVE  [032:033]  ---\n"
			    "ARRIVE\n"
			    "--- BREAK [1717] ---\n"
			    "BREAK { BROKE BROKEN  }\n"
			    "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }\n"
			    "- * TREATY  [161]\n";

static const char discards[] = "BASEBALL\n+TYPHOON\n";

static dyad_petrarch *p;
static char warned[2048];

static void on_warn(void *ctx, const char *msg)
{
	(void)ctx;
	strncat(warned, msg, sizeof warned - strlen(warned) - 2);
	strcat(warned, "\n");
}

static int setup(void **state)
{
	(void)state;
	p = dyad_petrarch_new();
	dyad_petrarch_read(p, DYAD_PETR_ACTORS, dyad_str_c(actors), "t.actors", on_warn, NULL);
	dyad_petrarch_read(p, DYAD_PETR_AGENTS, dyad_str_c(agents), "t.agents", on_warn, NULL);
	dyad_petrarch_read(p, DYAD_PETR_VERBS, dyad_str_c(verbs), "t.verbs", on_warn, NULL);
	dyad_petrarch_read(p, DYAD_PETR_DISCARDS, dyad_str_c(discards), "t.discards", on_warn, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dyad_petrarch_free(p);
	return 0;
}

/* The events of `text` on `day`, one per line "SRC TGT CODE", or "discard:N". */
static const char *code(const char *text, dyad_ymd day)
{
	static char out[2048];
	dyad_arena *a = dyad_arena_new();
	dyad_petrarch_event *ev;
	int dis;
	size_t n = dyad_petrarch_code(p, a, dyad_str_c(text), day, &ev, &dis), i;

	out[0] = '\0';
	if (dis)
		snprintf(out, sizeof out, "discard:%d", dis);
	for (i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s %s %s", i ? "\n" : "", ev[i].source,
			 ev[i].target, ev[i].code);
	dyad_arena_free(a);
	return out;
}

static void the_dictionaries_load_clean(void **state)
{
	dyad_petrarch_counts c;

	(void)state;
	assert_string_equal(warned, "");
	dyad_petrarch_count(p, &c);
	assert_int_equal(c.synsets, 2);
	assert_int_equal(c.patterns, 5);
	assert_int_equal(c.discards, 2);
	assert_true(c.actors >= 10);
}

static void date_restrictions_pick_the_code_of_the_day(void **state)
{
	(void)state;
	assert_string_equal(code("Smeagol will restore economic ties with Gondor.", 19950101), "HOB GON 902");
	assert_string_equal(code("Smeagol will restore economic ties with Gondor.", 19951101), "HOBGOV GON 902");
	assert_string_equal(code("Smeagol will restore economic ties with Gondor.", 19990815), "HOBGOV GON 902");
	assert_string_equal(code("Smeagol will restore economic ties with Gondor.", 20010101), "HOBREB GON 902");
	/* TABARI's dated codes on the phrase's own line, then its default */
	assert_string_equal(code("Hamfast will restore economic ties with Gondor.", 19960101), "HOBGOV GON 902");
	assert_string_equal(code("Hamfast will restore economic ties with Gondor.", 20000101), "HOB GON 902");
}

static void agents_join_actors_with_their_plurals(void **state)
{
	(void)state;
	assert_string_equal(code("Arnor clerics restored ties with Gondor police.", 19950101), "ARNREL GONCOP 064");
	/* POLICE {} has no plural */
	assert_string_equal(code("Arnor restored ties with Gondor's polices.", 19950101), "ARN GON 064");
	assert_string_equal(code("Arnor restored ties with Gondor's golden geese.", 19950101), "ARN GONGGS 064");
	assert_string_equal(code("MSF Arnor restored ties with the government of Gondor.", 19950101),
			    "NGOARN GONGOV 064");
	/* !PERSON! expands with no plural of its own */
	assert_string_equal(code("Arnor congresswoman restored ties with Gondor.", 19950101), "ARNLEG GON 064");
}

static void synsets_nest_and_take_plurals(void **state)
{
	(void)state;
	assert_string_equal(code("Arnor will restore military ties with Gondor.", 19950101), "ARN GON 902");
	assert_string_equal(code("Arnor will restore symbolic ties with Gondor.", 19950101), "ARN GON 064");
	assert_string_equal(code("Arnor contributed a million dollars to Gondor.", 19950101), "ARN GON 903");
	/* &TIES inside &MONEY */
	assert_string_equal(code("Arnor contributes economic aid to Gondor.", 19950101), "ARN GON 903");
	assert_string_equal(code("Arnor contributes aid to Gondor.", 19950101), "ARN GON 070");
}

static void source_and_target_from_the_pattern(void **state)
{
	(void)state;
	assert_string_equal(code("An Eriadorian was shot dead in Osgiliath.", 19950101), "OSG ERI 224");
	assert_string_equal(code("Osgiliath shot Eriador.", 19950101), "OSG ERI 223");
}

static void compounds_and_reciprocity(void **state)
{
	(void)state;
	assert_string_equal(code("Arnor will restore ties with Gondor and Osgiliath.", 19950101),
			    "ARN GON 064\nARN OSG 064");
	assert_string_equal(code("Arnor restored ties with Lorien.", 19950101), "ARN ELR 064\nARN GAL 064");
	assert_string_equal(code("Gondor and Osgiliath have delayed their meeting.", 19950101),
			    "GON OSG 191\nOSG GON 191");
	assert_string_equal(code("Arnor arrived in Gondor.", 19950101), "ARN GON 032\nGON ARN 033");
	assert_string_equal(code("Arnor has broken down a treaty with Gondor.", 19950101), "ARN GON 161");
}

static void discards_suppress_coding(void **state)
{
	(void)state;
	assert_string_equal(code("Arnor restored baseball ties with Gondor.", 19950101), "discard:1");
	assert_string_equal(code("Arnor restored ties with Gondor after a typhoon.", 19950101), "discard:2");
	/* a stem: BASEBALLS is discarded too */
	assert_string_equal(code("Arnor restored baseballs to Gondor.", 19950101), "discard:1");
}

static void a_malformed_line_is_warned_and_skipped(void **state)
{
	dyad_petrarch *q = dyad_petrarch_new();
	dyad_arena *a = dyad_arena_new();
	dyad_petrarch_event *ev;
	size_t bad, n;

	(void)state;
	warned[0] = '\0';
	bad = dyad_petrarch_read(q, DYAD_PETR_ACTORS,
				 dyad_str_c("ARNOR [ARN]\nGONDOR [GON\nROHAN [ROH]\n\t[ROHGOV 1995-1999]\n"),
				 "bad.actors", on_warn, NULL);
	assert_int_equal(bad, 2);
	assert_non_null(strstr(warned, "bad.actors:2: expected the actor's code in [...] after the phrase\n"));
	assert_non_null(strstr(warned, "bad.actors:4: expected a date restriction"));
	bad = dyad_petrarch_read(
		q, DYAD_PETR_VERBS,
		dyad_str_c("--- MEET [031] ---\nMEET\n- * &NOSUCH [032]\n- NO VERB HERE [033]\n- * TODAY [034]\n"),
		"bad.verbs", on_warn, NULL);
	assert_int_equal(bad, 2);
	assert_non_null(strstr(warned, "bad.verbs:3: expected a synset defined before its use: &NOSUCH\n"));
	assert_non_null(strstr(warned, "bad.verbs:4: expected a '*' marking the verb's place in the pattern\n"));
	n = dyad_petrarch_code(q, a, dyad_str_c("Arnor meets Rohan today."), 19950101, &ev, NULL);
	assert_int_equal(n, 1);
	assert_string_equal(ev[0].code, "034");
	assert_string_equal(ev[0].source, "ARN");
	assert_string_equal(ev[0].target, "ROH");
	dyad_arena_free(a);
	dyad_petrarch_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_dictionaries_load_clean),
		cmocka_unit_test(date_restrictions_pick_the_code_of_the_day),
		cmocka_unit_test(agents_join_actors_with_their_plurals),
		cmocka_unit_test(synsets_nest_and_take_plurals),
		cmocka_unit_test(source_and_target_from_the_pattern),
		cmocka_unit_test(compounds_and_reciprocity),
		cmocka_unit_test(discards_suppress_coding),
		cmocka_unit_test(a_malformed_line_is_warned_and_skipped),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
