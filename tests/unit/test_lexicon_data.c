/*
 * test_lexicon_data.c — the real world dictionaries of data/actors/ as the
 * loader reads them: countries.txt and igos.txt load without a warning, every
 * post-Soviet state has its names in both languages, a capital and an
 * adjective, names lead to the right codes, and organisations' members are
 * known countries. Other files of data/actors/ may exist; only their loading
 * is required, their warnings are another test's business.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/actors.h"
#include "dyad/lexicon.h"
#include "dyad/text.h"

static char warnings[16384];

static void on_warn(void *ctx, const char *msg)
{
	size_t n = strlen(warnings);

	(void)ctx;
	/* people.txt and roles.txt are written elsewhere: only the world files are ours */
	if (strstr(msg, "countries.txt:") || strstr(msg, "igos.txt:"))
		snprintf(warnings + n, sizeof warnings - n, "%s\n", msg);
}

static dyad_lexicon *lx;

static int setup(void **state)
{
	dyad_errbuf e;

	(void)state;
	warnings[0] = '\0';
	lx = dyad_lexicon_load("data/actors", on_warn, NULL, &e);
	if (lx == NULL)
		fprintf(stderr, "%s\n", e.msg);
	return lx ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	dyad_lexicon_free(lx);
	return 0;
}

/* 1 if the text has a Cyrillic letter (U+0400..U+04FF: lead bytes 0xD0..0xD3) */
static int is_russian(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0xD0 && (unsigned char)*s <= 0xD3)
			return 1;
	return 0;
}

/* The entity of the name `text` of type `type` in use on `day` (0: any); NULL if none or ambiguous. */
static const dyad_lex_entity *entity_named(const char *text, dyad_name_type type, dyad_ymd day)
{
	const dyad_lex_entity *found = NULL;
	size_t i;

	for (i = 0; i < dyad_lexicon_nnames(lx); i++) {
		const dyad_lex_name *n = dyad_lexicon_name(lx, i);
		const dyad_lex_entity *e;

		if (n->type != type || strcmp(n->text, text) != 0 || (day && !dyad_ymd_within(day, n->from, n->to)))
			continue;
		e = dyad_lexicon_entity(lx, n->entity);
		if (found && found != e)
			return NULL;
		found = e;
	}
	return found;
}

static const char *code_named(const char *text, dyad_name_type type, dyad_ymd day)
{
	const dyad_lex_entity *e = entity_named(text, type, day);

	return e ? e->code : "(none)";
}

static void loads_without_warnings(void **state)
{
	size_t i, ncountries = 0, nigos = 0;

	(void)state;
	if (warnings[0])
		fprintf(stderr, "%s", warnings);
	assert_string_equal(warnings, "");
	for (i = 0; i < dyad_lexicon_nentities(lx); i++) {
		const dyad_lex_entity *e = dyad_lexicon_entity(lx, i);
		if (e->kind == DYAD_LEX_COUNTRY)
			ncountries++;
		else if (e->kind == DYAD_LEX_IGO)
			nigos++;
	}
	/* 193 members, 2 observers, and the territories and historical states */
	assert_true(ncountries >= 195);
	assert_true(nigos >= 40);
}

static void post_soviet_states_complete(void **state)
{
	static const char *const keys[] = { "ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU",
					    "LVA", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB" };
	size_t k, i;

	(void)state;
	for (k = 0; k < sizeof keys / sizeof *keys; k++) {
		const dyad_lex_entity *c = dyad_lexicon_find(lx, DYAD_LEX_COUNTRY, keys[k]);
		int have[2][DYAD_NAME_BODY + 1];

		assert_non_null(c);
		assert_non_null(c->fips);
		memset(have, 0, sizeof have);
		for (i = 0; i < dyad_lexicon_nnames(lx); i++) {
			const dyad_lex_name *n = dyad_lexicon_name(lx, i);
			if (dyad_lexicon_entity(lx, n->entity) == c)
				have[is_russian(n->text)][n->type]++;
		}
		if (!have[0][DYAD_NAME_NAME] || !have[1][DYAD_NAME_NAME] || !have[0][DYAD_NAME_ADJ] ||
		    !have[1][DYAD_NAME_ADJ] || !have[0][DYAD_NAME_CAPITAL] || !have[1][DYAD_NAME_CAPITAL] ||
		    !have[0][DYAD_NAME_PEOPLE] || !have[1][DYAD_NAME_PEOPLE] || have[0][DYAD_NAME_PLACE] < 3 ||
		    have[1][DYAD_NAME_PLACE] < 3)
			fail_msg("%s lacks names, adjectives, demonyms, a capital or cities in English or Russian",
				 keys[k]);
	}
}

/* Every country has its name in both languages; every present-day state its FIPS code. */
static void every_country_named_in_both_languages(void **state)
{
	size_t i, k, bad = 0;

	(void)state;
	for (i = 0; i < dyad_lexicon_nentities(lx); i++) {
		const dyad_lex_entity *e = dyad_lexicon_entity(lx, i);
		int have[2] = { 0, 0 };

		if (e->kind != DYAD_LEX_COUNTRY)
			continue;
		for (k = 0; k < dyad_lexicon_nnames(lx); k++) {
			const dyad_lex_name *n = dyad_lexicon_name(lx, k);
			if (n->type == DYAD_NAME_NAME && dyad_lexicon_entity(lx, n->entity) == e)
				have[is_russian(n->text)]++;
		}
		if (!have[0] || !have[1]) {
			fprintf(stderr, "%s has no %s name\n", e->key, have[0] ? "Russian" : "English");
			bad++;
		}
		/* historical states (SUN YUG CSK DDR) and the X.. territories may lack one */
		if (e->fips == NULL && e->key[0] != 'X' && strstr("SUN YUG CSK DDR", e->key) == NULL) {
			fprintf(stderr, "%s has no FIPS code\n", e->key);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void names_lead_to_codes(void **state)
{
	(void)state;
	assert_string_equal(code_named("Белоруссия", DYAD_NAME_NAME, 0), "BLR");
	assert_string_equal(code_named("Belarus", DYAD_NAME_NAME, 0), "BLR");
	assert_string_equal(code_named("Киргизия", DYAD_NAME_NAME, 0), "KGZ");
	assert_string_equal(code_named("Kyrgyzstan", DYAD_NAME_NAME, 0), "KGZ");
	assert_string_equal(code_named("США", DYAD_NAME_NAME, 0), "USA");
	assert_string_equal(code_named("Великобритания", DYAD_NAME_NAME, 0), "GBR");
	assert_string_equal(code_named("Türkiye", DYAD_NAME_NAME, 0), "TUR");
	assert_string_equal(code_named("Кот-д'Ивуар", DYAD_NAME_NAME, 0), "CIV");
	assert_string_equal(code_named("Burma", DYAD_NAME_NAME, 0), "MMR");
	assert_string_equal(code_named("казахстанский", DYAD_NAME_ADJ, 0), "KAZ");
	assert_string_equal(code_named("американский", DYAD_NAME_ADJ, 0), "USA");
	assert_string_equal(code_named("Киев", DYAD_NAME_CAPITAL, 0), "UKR");
	assert_string_equal(code_named("Кремль", DYAD_NAME_METONYM, 0), "RUS");
	assert_string_equal(code_named("Пентагон", DYAD_NAME_METONYM, 0), "USA");
	assert_string_equal(code_named("ШОС", DYAD_NAME_NAME, 0), "IGOSCO");
	assert_string_equal(code_named("ОДКБ", DYAD_NAME_NAME, 0), "IGOCSTO");
	assert_string_equal(code_named("NATO", DYAD_NAME_NAME, 0), "IGONATO");
	/* dated names: the capital of Kazakhstan by the day */
	assert_string_equal(code_named("Нур-Султан", DYAD_NAME_CAPITAL, 20200101), "KAZ");
	assert_string_equal(code_named("Нур-Султан", DYAD_NAME_CAPITAL, 20240101), "(none)");
	assert_string_equal(code_named("Алма-Ата", DYAD_NAME_CAPITAL, 19950101), "KAZ");
	assert_string_equal(code_named("Алма-Ата", DYAD_NAME_CAPITAL, 20240101), "(none)");
	assert_string_equal(code_named("СССР", DYAD_NAME_NAME, 19800101), "SUN");
	assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_COUNTRY, "KAZ")->fips, "KZ");
	assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_IGO, "EAEU")->code, "IGOEAEU");
}

/* The person the recognizer reads first in `text` on `day`, or "(none)"; *first_start gets its offset. */
static const char *first_person(dyad_matcher *m, const char *text, dyad_ymd day, size_t *first_start)
{
	static char out[128];
	dyad_arena *a = dyad_arena_new();
	dyad_str t = dyad_str_c(text);
	dyad_token *toks;
	dyad_span *sents;
	dyad_mention *ms;
	size_t nt = dyad_tokenize(a, t, &toks), ns = dyad_sent_split(a, t, &sents), i;
	size_t nm = dyad_actors_find(m, a, t, toks, nt, sents, ns, day, &ms);

	snprintf(out, sizeof out, "(none)");
	for (i = 0; i < nm; i++)
		if (ms[i].kind == DYAD_MENTION_PERSON && ms[i].person) {
			snprintf(out, sizeof out, "%s %s", ms[i].code, ms[i].person);
			*first_start = ms[i].span.start;
			break;
		}
	dyad_arena_free(a);
	return out;
}

/* The people files give each office-holder by the day, in Russian inflection too, and no
   case form of a name eats a common word ("Обами" cut to "об" would make "Об этом" Obama). */
static void people_by_the_day(void **state)
{
	dyad_matcher *m = dyad_matcher_new(lx);
	size_t at = 0;

	(void)state;
	assert_string_equal(first_person(m, "Об этом сообщили в МИД. Обама прибыл в Москву.", 20100601, &at),
			    "USAGOV Barack Obama");
	assert_int_equal(at, 42); /* bytes: "Обама", not "Об" */
	assert_string_equal(first_person(m, "Президент Польши Анджей Дуда прибыл в Баку.", 20200101, &at),
			    "POLGOV Andrzej Duda");
	assert_string_equal(first_person(m, "Встреча с Зеленским прошла в Киеве.", 20200101, &at),
			    "UKRGOV Владимир Зеленский");
	assert_string_equal(first_person(m, "Mevlüt Çavuşoğlu arrived in Baku.", 20200101, &at),
			    "TURGOV Mevlut Cavusoglu");
	/* portfolio ministers, advisers and deputies of roles.txt name people the lexicon lacks */
	assert_string_equal(first_person(m, "Kazakh Energy Minister Almasadam Satkaliyev visited Baku.", 20240101, &at),
			    "KAZGOV Almasadam Satkaliyev");
	assert_string_equal(first_person(m, "U.S. National Security Adviser Jake Sullivan called.", 20240101, &at),
			    "USAGOV Jake Sullivan");
	assert_string_equal(first_person(m, "Chinese Vice Premier He Lifeng met investors.", 20240101, &at),
			    "CHNGOV He Lifeng");
	assert_string_equal(first_person(m, "Pakistan's army chief General Asim Munir visited Riyadh.", 20240101, &at),
			    "PAKMIL Asim Munir");
	/* a US assistant secretary of state of the people files, by the day */
	assert_string_equal(first_person(m, "Wess Mitchell arrived in Tbilisi.", 20180429, &at),
			    "USAGOV Wess Mitchell");
	dyad_matcher_free(m);
}

static int is_world(const dyad_lex_entity *e)
{
	return e->kind == DYAD_LEX_COUNTRY || e->kind == DYAD_LEX_IGO;
}

/* No undated name or adjective of a country or organisation is also another's: the recognizer could not choose. */
static void names_unambiguous(void **state)
{
	size_t i, j, n = dyad_lexicon_nnames(lx), bad = 0;

	(void)state;
	for (i = 0; i < n; i++) {
		const dyad_lex_name *a = dyad_lexicon_name(lx, i);
		if ((a->type != DYAD_NAME_NAME && a->type != DYAD_NAME_ADJ) || a->from || a->to ||
		    !is_world(dyad_lexicon_entity(lx, a->entity)))
			continue;
		for (j = i + 1; j < n; j++) {
			const dyad_lex_name *b = dyad_lexicon_name(lx, j);
			if (b->type == a->type && b->entity != a->entity && !b->from && !b->to &&
			    is_world(dyad_lexicon_entity(lx, b->entity)) && strcmp(a->text, b->text) == 0) {
				fprintf(stderr, "'%s' names both %s and %s\n", a->text,
					dyad_lexicon_entity(lx, a->entity)->key, dyad_lexicon_entity(lx, b->entity)->key);
				bad++;
			}
		}
	}
	assert_int_equal(bad, 0);
}

static void members_are_countries(void **state)
{
	const dyad_lex_entity *sco = dyad_lexicon_find(lx, DYAD_LEX_IGO, "SCO");
	size_t i, in_sco = 0;

	(void)state;
	assert_non_null(sco);
	for (i = 0; i < dyad_lexicon_nmembers(lx); i++) {
		const dyad_lex_member *m = dyad_lexicon_member(lx, i);
		if (dyad_lexicon_find(lx, DYAD_LEX_COUNTRY, m->country) == NULL)
			fail_msg("%s: member %s is not a country of countries.txt",
				 dyad_lexicon_entity(lx, m->igo)->key, m->country);
		if (dyad_lexicon_entity(lx, m->igo) == sco && dyad_ymd_within(20250101, m->from, m->to))
			in_sco++;
	}
	assert_int_equal(in_sco, 10);
}

/*
 * Every person has dyad's id, an English and a Russian name; every country and
 * organisation an id and both names; ids are unique, and the states of today
 * and the main organisations carry their Wikidata items.
 */
static void identities(void **state)
{
	static const char *const qids[][2] = { { "KAZ", "Q232" }, { "RUS", "Q159" },  { "USA", "Q30" },
					       { "BLR", "Q184" }, { "XKX", "Q1246" }, { "PSE", "Q219060" } };
	size_t i, j, persons = 0, with_qid = 0, countries = 0;

	(void)state;
	for (i = 0; i < dyad_lexicon_nentities(lx); i++) {
		const dyad_lex_entity *e = dyad_lexicon_entity(lx, i);
		if (e->kind == DYAD_LEX_ROLE || e->kind == DYAD_LEX_GIVEN)
			continue;
		if (e->id == NULL || e->name_en == NULL || e->name_ru == NULL)
			fail_msg("%s:%zu: %s lacks %s", e->file, e->line, e->key,
				 e->id == NULL        ? "an id"
				 : e->name_en == NULL ? "an English name"
						      : "a Russian name");
		persons += e->kind == DYAD_LEX_PERSON;
		if (e->kind == DYAD_LEX_COUNTRY) {
			countries++;
			with_qid += e->wikidata != NULL;
		}
	}
	assert_true(persons > 500);
	assert_true(with_qid * 100 >= countries * 95);
	for (i = 0; i < sizeof qids / sizeof qids[0]; i++)
		assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_COUNTRY, qids[i][0])->wikidata, qids[i][1]);
	assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_IGO, "UN")->wikidata, "Q1065");
	assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_COUNTRY, "KAZ")->name_en, "Kazakhstan");
	assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_COUNTRY, "KAZ")->name_ru, "Казахстан");
	assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_IGO, "EU")->name_en, "European Union");
	assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_IGO, "European Commission")->name_en, "European Commission");
	assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_PERSON, "Касым-Жомарт Токаев")->id, "tokayev-kassym-jomart");
	assert_string_equal(dyad_lexicon_find(lx, DYAD_LEX_PERSON, "Касым-Жомарт Токаев")->name_en,
			    "Kassym-Jomart Tokayev");
	/* the loader drops a repeated id, so no two entities share one */
	for (i = 0; i < dyad_lexicon_nentities(lx); i++)
		for (j = i + 1; j < dyad_lexicon_nentities(lx); j++) {
			const dyad_lex_entity *a = dyad_lexicon_entity(lx, i), *b = dyad_lexicon_entity(lx, j);
			if (a->id && b->id && strcmp(a->id, b->id) == 0)
				fail_msg("%s and %s share the id %s", a->key, b->key, a->id);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_without_warnings),
		cmocka_unit_test(post_soviet_states_complete),
		cmocka_unit_test(every_country_named_in_both_languages),
		cmocka_unit_test(names_lead_to_codes),
		cmocka_unit_test(people_by_the_day),
		cmocka_unit_test(names_unambiguous),
		cmocka_unit_test(members_are_countries),
		cmocka_unit_test(identities),
	};
	return cmocka_run_group_tests_name("lexicon_data", tests, setup, teardown);
}
