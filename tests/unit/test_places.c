/*
 * test_places.c — the gazetteer: geonames.tsv and the project's lists load,
 * names are found in their Russian case forms and other spellings, a capital
 * beats a larger namesake, the project's places keep their coordinates and no
 * id, and bad lines are reported with file and line while the rest loads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad/places.h"

static char warnings[4096];

static void on_warn(void *ctx, const char *msg)
{
	size_t n = strlen(warnings);

	(void)ctx;
	snprintf(warnings + n, sizeof warnings - n, "%s\n", msg);
}

static dyad_places *load(const char *dir)
{
	dyad_errbuf e;

	warnings[0] = '\0';
	return dyad_places_load(dir, NULL, on_warn, NULL, &e);
}

static uint32_t id_of(dyad_places *g, const char *name, const char *iso3)
{
	const dyad_place *p = dyad_places_lookup(g, dyad_str_c(name), iso3);
	return p ? p->geonames : 0;
}

static void cities_in_their_forms(void **state)
{
	dyad_places *g = load("tests/fixtures/places/mini");
	const dyad_place *p;

	(void)state;
	assert_non_null(g);
	assert_int_equal(id_of(g, "Москве", NULL), 524901);   /* the larger Moscow */
	assert_int_equal(id_of(g, "Moscow", "USA"), 5601538); /* within a country */
	assert_int_equal(id_of(g, "Гуанчжоу", NULL), 1809858);
	assert_int_equal(id_of(g, "Guangzhou's", NULL), 1809858);
	assert_int_equal(id_of(g, "Нур-Султане", NULL), 1526273);
	assert_int_equal(id_of(g, "Целинограде", NULL), 1526273); /* an alias */
	assert_int_equal(id_of(g, "Масквы", NULL), 524901);       /* a Belarusian name */
	assert_int_equal(id_of(g, "Вашингтоне", NULL), 4140963);
	assert_int_equal(id_of(g, "Гуандун", NULL), 0); /* a region's name is no city */
	p = dyad_places_by_geonames(g, 1526273);
	assert_non_null(p);
	assert_string_equal(p->name, "Astana"); /* the alias renames it */
	assert_string_equal(p->name_ru, "Астана");
	assert_string_equal(p->country, "KAZ");
	assert_string_equal(p->adm1, "05");
	assert_true(fabs(p->lat - 51.1801) < 1e-4);
	p = dyad_places_by_geonames(g, 1809858);
	assert_string_equal(p->adm1_name, "Guangdong");
	assert_int_equal(p->population, 16096724);
	dyad_places_free(g);
}

static void own_places(void **state)
{
	dyad_places *g = load("tests/fixtures/places/mini");
	const dyad_place *p;

	(void)state;
	p = dyad_places_lookup(g, dyad_str_c("Керченском проливе"), NULL);
	assert_non_null(p);
	assert_string_equal(p->name, "Kerch Strait");
	assert_int_equal(p->kind, DYAD_PLACE_WATER);
	assert_int_equal(p->geonames, 0);
	assert_true(fabs(p->lon - 36.5) < 1e-9);
	assert_string_equal(p->country, "");
	dyad_places_free(g);
}

static void bad_lines_named(void **state)
{
	dyad_places *g = load("tests/fixtures/places/mini");

	(void)state;
	assert_non_null(g);
	assert_non_null(strstr(warnings, "mini/geonames.tsv:8: expected 11 tab-separated fields"));
	assert_non_null(strstr(warnings, "mini/own.txt:15: at: expected latitude and longitude"));
	assert_non_null(strstr(warnings, "mini/own.txt:17: @alias 999999999: no city with that GeoNames id"));
	/* the rest loaded: 6 cities and 2 places of the project */
	assert_int_equal(dyad_places_count(g), 8);
	dyad_places_free(g);
}

static void missing_gazetteer_warns(void **state)
{
	dyad_places *g = load("tests/fixtures/lexicon");

	(void)state;
	assert_non_null(g); /* the project's lists would still load */
	assert_non_null(strstr(warnings, "geonames.tsv"));
	assert_int_equal(dyad_places_count(g), 0);
	assert_null(dyad_places_lookup(g, dyad_str_c("Москве"), NULL));
	dyad_places_free(g);
	assert_null(load("tests/fixtures/places/no-such-folder"));
}

/* Write `text` to dir/name; NULL removes the file. */
static void put(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (text == NULL) {
		remove(path);
		return;
	}
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void empty_gazetteer_and_nameless_place_named(void **state)
{
	char dir[] = "/tmp/dyad-places-XXXXXX";
	dyad_places *g;

	(void)state;
	assert_non_null(mkdtemp(dir));
	put(dir, "geonames.tsv", "");
	put(dir, "own.txt",
	    "@place nameless\nrussian  Безымянное\n\n@place named\nenglish  Named\n"
	    "@place last\nrussian  Последнее\n");
	g = load(dir);
	assert_non_null(g);
	/* an empty gazetteer is said, and the @place blocks without an English name by file and line */
	assert_non_null(strstr(warnings, "geonames.tsv: no cities"));
	assert_non_null(strstr(warnings, "own.txt:1: @place nameless has no english name"));
	assert_non_null(strstr(warnings, "own.txt:6: @place last has no english name"));
	assert_null(strstr(warnings, "@place named"));
	/* the rest loaded */
	assert_int_equal(dyad_places_count(g), 3);
	assert_string_equal(dyad_places_lookup(g, dyad_str_c("Named"), NULL)->name, "Named");
	assert_string_equal(dyad_places_lookup(g, dyad_str_c("Безымянное"), NULL)->name, "");
	dyad_places_free(g);
	put(dir, "geonames.tsv", NULL);
	put(dir, "own.txt", NULL);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cities_in_their_forms),
		cmocka_unit_test(own_places),
		cmocka_unit_test(bad_lines_named),
		cmocka_unit_test(missing_gazetteer_warns),
		cmocka_unit_test(empty_gazetteer_and_nameless_place_named),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
