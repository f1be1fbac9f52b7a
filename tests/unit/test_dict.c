/*
 * test_dict.c — the block syntax of dyad's dictionaries: values, date ranges,
 * comments, and bad lines reported with file and line while the rest loads.
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

#include "dyad/clean.h"
#include "dyad/dict.h"

typedef struct {
	char seen[2048];
	char warnings[2048];
} log_t;

static int on_line(void *ctx, const dyad_dict_line *l, dyad_errbuf *why)
{
	log_t *g = ctx;
	size_t i, n = strlen(g->seen);

	if (dyad_str_eq_c(l->field, "bad"))
		return dyad_errf(why, DYAD_EINPUT, "a field the test refuses");
	n += (size_t)snprintf(g->seen + n, sizeof g->seen - n, "%.*s/%.*s/%.*s:", (int)l->kind.n, l->kind.p,
			      (int)l->key.n, l->key.p, (int)l->field.n, l->field.p);
	for (i = 0; i < l->nvalues; i++)
		n += (size_t)snprintf(g->seen + n, sizeof g->seen - n, "[%.*s %d %d]", (int)l->values[i].text.n,
				      l->values[i].text.p, l->values[i].from, l->values[i].to);
	snprintf(g->seen + n, sizeof g->seen - n, "\n");
	return 0;
}

static void on_warn(void *ctx, const char *msg)
{
	log_t *g = ctx;
	size_t n = strlen(g->warnings);

	snprintf(g->warnings + n, sizeof g->warnings - n, "%s\n", msg);
}

static void blocks_fields_and_ranges(void **state)
{
	log_t g;
	const char *text = "# comment\n"
			   "@country KAZ   # trailing comment\n"
			   "name     Kazakhstan | Казахстан\n"
			   "capital  Astana | Nur-Sultan [2019-03-23..2022-09-17] | Akmola [..1998]\n"
			   "\n"
			   "@person Касым-Жомарт Токаев\n"
			   "office   KAZGOV [2019-03-20..] president\n";

	(void)state;
	memset(&g, 0, sizeof g);
	assert_int_equal(dyad_dict_parse(dyad_str_c(text), "t.txt", on_line, on_warn, &g), 0);
	assert_string_equal(g.seen,
			    "country/KAZ/:\n"
			    "country/KAZ/name:[Kazakhstan 0 0][Казахстан 0 0]\n"
			    "country/KAZ/capital:[Astana 0 0][Nur-Sultan 20190323 20220917][Akmola 0 19980000]\n"
			    "person/Касым-Жомарт Токаев/:\n"
			    "person/Касым-Жомарт Токаев/office:[KAZGOV [2019-03-20..] president 0 0]\n");
	assert_string_equal(g.warnings, "");

	/* a range may end with the year or month its first day is in: that bound covers the whole of it */
	memset(&g, 0, sizeof g);
	text = "@country KAZ\nname  Astana [2018-05-08..2018] | Akmola [1997-12-10..1997-12]\n";
	assert_int_equal(dyad_dict_parse(dyad_str_c(text), "t.txt", on_line, on_warn, &g), 0);
	assert_non_null(strstr(g.seen, "[Astana 20180508 20180000][Akmola 19971210 19971200]"));
	assert_string_equal(g.warnings, "");
}

static void bad_lines_are_named_and_skipped(void **state)
{
	log_t g;
	const char *text = "name  orphan field\n"
			   "@country\n"
			   "@country RUS\n"
			   "name  Russia | | Россия\n"
			   "name  Russia [2019-13-01..]\n"
			   "name  Russia [2020..2019]\n"
			   "bad   x\n"
			   "lonely\n"
			   "name  Russia | Россия\n";

	(void)state;
	memset(&g, 0, sizeof g);
	assert_int_equal(dyad_dict_parse(dyad_str_c(text), "bad.txt", on_line, on_warn, &g), 7);
	assert_non_null(strstr(g.warnings, "bad.txt:1: a field outside any block"));
	assert_non_null(strstr(g.warnings, "bad.txt:2: expected '@KIND KEY'"));
	assert_non_null(strstr(g.warnings, "bad.txt:4: an empty value"));
	assert_non_null(strstr(g.warnings, "bad.txt:5: a malformed date range"));
	assert_non_null(strstr(g.warnings, "bad.txt:6: a malformed date range"));
	assert_non_null(strstr(g.warnings, "bad.txt:7: a field the test refuses"));
	assert_non_null(strstr(g.warnings, "bad.txt:8: a field without a value"));
	/* the good line after the bad ones still loads */
	assert_non_null(strstr(g.seen, "country/RUS/name:[Russia 0 0][Россия 0 0]"));
}

static void outlet_dictionary(void **state)
{
	char path[] = "/tmp/dyad-outlets-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	dyad_outlets *o;
	dyad_errbuf e;
	log_t g;

	(void)state;
	fputs("@outlet BelTA\nname BelTA | БЕЛТА\ndomain belta.by | eng.belta.by\ncolour red\n"
	      "@agency X\n@outlet TASS\nname ТАСС\ndomain tass.ru\n@outlet UNIAN\nname УНІАН\n",
	      f);
	fclose(f);
	memset(&g, 0, sizeof g);
	o = dyad_outlets_load(path, on_warn, &g, &e);
	assert_non_null(o);
	assert_int_equal(dyad_outlets_count(o), 3);
	assert_non_null(strstr(g.warnings, ":4: unknown field 'colour'"));
	assert_non_null(strstr(g.warnings, ":5: unknown block '@agency'"));
	assert_string_equal(dyad_outlets_by_name(o, DYAD_STR_LIT("белта")), "BelTA");
	assert_string_equal(dyad_outlets_by_name(o, DYAD_STR_LIT(" ТАСС ")), "TASS");
	/* Ukrainian and Belarusian capitals fold too */
	assert_string_equal(dyad_outlets_by_name(o, DYAD_STR_LIT("Уніан")), "UNIAN");
	assert_string_equal(dyad_outlets_by_url(o, DYAD_STR_LIT("https://www.eng.belta.by/politics/x")), "BelTA");
	assert_string_equal(dyad_outlets_by_url(o, DYAD_STR_LIT("http://news.tass.ru/a?b")), "TASS");
	assert_null(dyad_outlets_by_url(o, DYAD_STR_LIT("https://example.org/")));
	assert_null(dyad_outlets_by_name(o, DYAD_STR_LIT("Reuters")));
	dyad_outlets_free(o);
	unlink(path);
	assert_null(dyad_outlets_load(path, NULL, NULL, &e));
	assert_non_null(strstr(e.msg, path));
}

/* The shipped dictionary loads cleanly and knows the region's agencies by name and address. */
static void shipped_outlet_dictionary(void **state)
{
	dyad_outlets *o;
	dyad_errbuf e;
	log_t g;

	(void)state;
	memset(&g, 0, sizeof g);
	o = dyad_outlets_load("data/outlets.txt", on_warn, &g, &e);
	assert_non_null(o);
	assert_string_equal(g.warnings, "");
	assert_true(dyad_outlets_count(o) >= 80);
	assert_string_equal(dyad_outlets_by_name(o, DYAD_STR_LIT("МИА «Казинформ»")), "Kazinform");
	assert_string_equal(dyad_outlets_by_name(o, DYAD_STR_LIT("Коммерсант")), "Kommersant");
	assert_string_equal(dyad_outlets_by_name(o, DYAD_STR_LIT("ИТАР-ТАСС")), "TASS");
	assert_string_equal(dyad_outlets_by_url(o, DYAD_STR_LIT("https://rus.azattyq.org/a/1.html")), "Radio Azattyk");
	assert_string_equal(dyad_outlets_by_url(o, DYAD_STR_LIT("https://www.inform.kz/ru/x")), "Kazinform");
	assert_null(dyad_outlets_by_url(o, DYAD_STR_LIT("https://notbelta.by/")));
	dyad_outlets_free(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blocks_fields_and_ranges),
		cmocka_unit_test(bad_lines_are_named_and_skipped),
		cmocka_unit_test(outlet_dictionary),
		cmocka_unit_test(shipped_outlet_dictionary),
	};
	return cmocka_run_group_tests_name("dict", tests, NULL, NULL);
}
