/*
 * test_date.c — date expressions as pages write them, and their resolution
 * against an anchor date (the publication date).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "dyad/clean.h"
#include "dyad/dict.h"

static dyad_date one(const char *s, size_t *n)
{
	dyad_date d[4];

	memset(d, 0, sizeof d);
	*n = dyad_date_scan(dyad_str_c(s), d, 4);
	return d[0];
}

#define ASSERT_DATE(s, y, m, dd, h, mi)          \
	do {                                     \
		size_t n_;                       \
		dyad_date d_ = one(s, &n_);      \
		assert_int_equal(n_, 1);         \
		assert_int_equal(d_.year, y);    \
		assert_int_equal(d_.month, m);   \
		assert_int_equal(d_.day, dd);    \
		assert_int_equal(d_.hour, h);    \
		assert_int_equal(d_.minute, mi); \
	} while (0)

static void numeric_forms(void **state)
{
	(void)state;
	ASSERT_DATE("20.12.2024 | 14:03", 2024, 12, 20, 14, 3);
	ASSERT_DATE("04.03.2024 — Разное", 2024, 3, 4, -1, -1);
	ASSERT_DATE("date 2025-11-04 Токаев назвал", 2025, 11, 4, -1, -1);
	ASSERT_DATE("2023-05-17T09:30:00Z", 2023, 5, 17, 9, 30);
	ASSERT_DATE("14:03, 20 декабря 2024", 2024, 12, 20, 14, 3);
	/* day first where the region writes it so; month first only when the day cannot be a month */
	ASSERT_DATE("12:40 10/01/2023", 2023, 1, 10, 12, 40);
	ASSERT_DATE("03/25/2022", 2022, 3, 25, -1, -1);
}

static void twelve_hour_clock(void **state)
{
	(void)state;
	ASSERT_DATE("June 22, 2022 3:41 PM GMT+3", 2022, 6, 22, 15, 41);
	ASSERT_DATE("Published: Mar 15, 2022 10:48 PM", 2022, 3, 15, 22, 48);
	ASSERT_DATE("Mar 16, 2022 12:02 AM", 2022, 3, 16, 0, 2);
	ASSERT_DATE("Mar 16, 2022 12:30 pm", 2022, 3, 16, 12, 30);
}

static void month_names_in_every_form(void **state)
{
	(void)state;
	ASSERT_DATE("Опубликовано 8 апреля 2021 в 11:08", 2021, 4, 8, 11, 8);
	ASSERT_DATE("09 June 2021, 18:47", 2021, 6, 9, 18, 47);
	ASSERT_DATE("Published March 3, 2022 10:15 AM", 2022, 3, 3, 10, 15);
	ASSERT_DATE("Mar. 12, 2024", 2024, 3, 12, -1, -1);
	ASSERT_DATE("МОСКВА, 12 мар — РИА Новости.", -1, 3, 12, -1, -1);
	ASSERT_DATE("в четверг, 13 января", -1, 1, 13, -1, -1);
	ASSERT_DATE("с 1 мая 2020 года", 2020, 5, 1, -1, -1);
	ASSERT_DATE("АСТАНА, 4 НОЯБРЯ. /ТАСС/.", -1, 11, 4, -1, -1);
}

static void weekdays_and_relative_words(void **state)
{
	size_t n;
	dyad_date d;

	(void)state;
	d = one("Flag Friday, 29 March 2024", &n);
	assert_int_equal(d.weekday, 1);
	d = one("Такое заявление сделал сегодня, 8 апреля, в Нур-Султане", &n);
	assert_int_equal(n, 2);
	assert_int_equal(d.relative, 0);
	d = one("вчера, 18:20", &n);
	assert_int_equal(d.relative, 1);
	assert_int_equal(d.hour, 18);
}

static void not_dates(void **state)
{
	size_t n;

	(void)state;
	one("$ 99.61 +0.03", &n);
	assert_int_equal(n, 0);
	one("порядка 80 договоров и 1 000 соглашений", &n);
	assert_int_equal(n, 0);
	one("32.13.2024 and 2024-13-01", &n);
	assert_int_equal(n, 0);
	one("May 5 000 people", &n);
	assert_int_equal(n, 0);
}

static void resolution_against_the_publication_date(void **state)
{
	size_t n;
	dyad_date d;

	(void)state;
	d = one("4 ноября", &n);
	assert_int_equal(dyad_date_resolve(&d, 20251104), 20251104);
	d = one("в декабре, 28 декабря", &n);
	assert_int_equal(dyad_date_resolve(&d, 20250110), 20241228);
	d = one("вчера", &n);
	assert_int_equal(dyad_date_resolve(&d, 20240301), 20240229);
	assert_int_equal(dyad_date_resolve(&d, 20250101), 20241231);
	assert_int_equal(dyad_date_resolve(&d, 0), 0);
}

static void dictionary_dates(void **state)
{
	(void)state;
	assert_int_equal(dyad_ymd_parse(dyad_str_c("2019-03-20")), 20190320);
	assert_int_equal(dyad_ymd_parse(dyad_str_c("2019-03")), 20190300);
	assert_int_equal(dyad_ymd_parse(dyad_str_c("2019")), 20190000);
	assert_int_equal(dyad_ymd_parse(dyad_str_c("2019-13")), -1);
	assert_int_equal(dyad_ymd_parse(dyad_str_c("19-03-20")), -1);
	assert_true(dyad_ymd_within(20220101, 20190320, 0));
	assert_false(dyad_ymd_within(20020201, 19991001, 20020128));
	assert_true(dyad_ymd_within(20020128, 19991001, 20020128));
	assert_true(dyad_ymd_within(20021231, 0, 2002 * 10000)); /* a year bound covers the year */
	assert_false(dyad_ymd_within(20030101, 0, 2002 * 10000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numeric_forms),
		cmocka_unit_test(twelve_hour_clock),
		cmocka_unit_test(month_names_in_every_form),
		cmocka_unit_test(weekdays_and_relative_words),
		cmocka_unit_test(not_dates),
		cmocka_unit_test(resolution_against_the_publication_date),
		cmocka_unit_test(dictionary_dates),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
