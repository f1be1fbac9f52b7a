/*
 * test_text.c — the text core's promises on the inputs that break naive
 * code: 10 MB of one word, a million quotes, invalid UTF-8 at every place of
 * a multibyte sequence; the matching form maps back to the page's bytes;
 * the Cyrillic letters fold and flag as they are; stems meet across case
 * forms, and a word stemmed again, after thousands of others or by the
 * other stemmer, has the stem it had the first time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/text.h"
#include "dyad/utf8.h"

/* Tokens and sentences of `t` lie inside it, in order, and are not empty. */
static void check_spans(dyad_str t, size_t *ntok, size_t *nsent)
{
	dyad_arena *a = dyad_arena_new();
	dyad_token *toks;
	dyad_span *s;
	size_t n = dyad_tokenize(a, t, &toks), i, prev = 0;

	for (i = 0; i < n; i++) {
		assert_true(toks[i].span.start >= prev);
		assert_true(toks[i].span.end > toks[i].span.start);
		assert_true(toks[i].span.end <= t.n);
		prev = toks[i].span.end;
	}
	*ntok = n;
	n = dyad_sent_split(a, t, &s);
	for (i = 0, prev = 0; i < n; i++) {
		assert_true(s[i].start >= prev && s[i].end > s[i].start && s[i].end <= t.n);
		prev = s[i].end;
	}
	*nsent = n;
	dyad_arena_free(a);
}

static void ten_megabytes_of_one_word(void **state)
{
	size_t n = 10u << 20, nt, ns;
	char *p = malloc(n);

	(void)state;
	memset(p, 'a', n);
	check_spans((dyad_str){ p, n }, &nt, &ns);
	assert_int_equal(nt, 1);
	assert_int_equal(ns, 1);
	free(p);
}

static void a_million_quotes(void **state)
{
	size_t n = 2000000, nt, ns, i;
	char *p = malloc(n);

	(void)state;
	for (i = 0; i < n; i += 2) {
		p[i] = '"';
		p[i + 1] = i % 4 ? ' ' : '.';
	}
	check_spans((dyad_str){ p, n }, &nt, &ns);
	assert_true(nt >= 1000000);
	free(p);
}

/* Cut a multibyte sequence at every byte, or replace every byte, inside a sentence: always repaired. */
static void invalid_utf8_at_every_position(void **state)
{
	static const char base[] = "Казахстан и Беларусь 🤝 «партнеры».";
	size_t i, len = sizeof base - 1;

	(void)state;
	for (i = 0; i < len; i++) {
		char buf[sizeof base];
		dyad_buf fixed = DYAD_BUF_INIT;
		size_t nt, ns, bad;

		memcpy(buf, base, sizeof base);
		buf[i] = (char)0xff;
		bad = dyad_utf8_repair(&fixed, (dyad_str){ buf, len });
		assert_true(bad >= 1);
		assert_true(dyad_utf8_valid((dyad_str){ fixed.p, fixed.n }));
		check_spans((dyad_str){ fixed.p, fixed.n }, &nt, &ns);
		dyad_buf_clear(&fixed);
		/* and the text cut short at this byte */
		dyad_utf8_repair(&fixed, (dyad_str){ base, i });
		check_spans((dyad_str){ fixed.p ? fixed.p : "", fixed.n }, &nt, &ns);
		dyad_buf_free(&fixed);
	}
}

static void the_matching_form_maps_back(void **state)
{
	static const char src[] = "Пётр «Ёлкин»\xc2\xa0\xe2\x80\x94 Нур\xc2\xadСултан";
	dyad_arena *a = dyad_arena_new();
	dyad_folded f;
	const char *hit;
	size_t at;

	(void)state;
	dyad_fold(a, dyad_str_c(src), &f);
	assert_string_equal(f.p, "петр \"елкин\" - нурсултан");
	hit = strstr(f.p, "елкин");
	assert_non_null(hit);
	at = (size_t)(hit - f.p);
	/* the folded "елкин" is the page's "Ёлкин" */
	assert_memory_equal(src + f.map[at], "Ёлкин", strlen("Ёлкин"));
	assert_int_equal(f.map[at + strlen("елкин")], (size_t)(strstr(src, "»") - src));
	assert_int_equal(f.map[f.n], strlen(src));
	/* Latin letters lose their marks, Cyrillic keeps й; the map still points at the page's bytes */
	dyad_fold(a, dyad_str_c("Erdoğan, İlham, Çavuşoğlu, Йемен"), &f);
	assert_string_equal(f.p, "erdogan, ilham, cavusoglu, йемен");
	assert_int_equal(f.map[4], strlen("Erdo"));
	assert_int_equal(f.map[5], strlen("Erdoğ"));
	dyad_arena_free(a);
}

static void stems_meet_across_case_forms(void **state)
{
	static const char *const same[][2] = {
		{ "Казахстан", "Казахстаном" },
		{ "Токаев", "Токаевым" },
		{ "Беларусь", "Беларуси" },
		{ "Нур-Султан", "Нур-Султане" },
		{ "казахстанский", "казахстанского" },
		{ "Пётр", "Петра" },
	};
	dyad_stemmer *st = dyad_stemmer_new();
	dyad_arena *a = dyad_arena_new();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof same / sizeof *same; i++)
		assert_true(dyad_str_eq(dyad_stem_light(st, a, dyad_str_c(same[i][0])),
					dyad_stem_light(st, a, dyad_str_c(same[i][1]))));
	assert_true(dyad_str_eq(dyad_stem(st, a, dyad_str_c("visited")), dyad_stem(st, a, dyad_str_c("visits"))));
	assert_true(dyad_str_eq(dyad_stem(st, a, dyad_str_c("Обсудили")), dyad_stem(st, a, dyad_str_c("обсудить"))));
	assert_int_equal(dyad_stem(st, a, dyad_str_c("")).n, 0);
	dyad_arena_free(a);
	dyad_stemmer_free(st);
}

/* The Cyrillic alphabet folds and tokenizes as its letters are: capitals, small letters, ё, and beyond Russian. */
static void cyrillic_letters_fold_and_flag(void **state)
{
	dyad_buf b = DYAD_BUF_INIT;
	dyad_arena *a = dyad_arena_new();
	dyad_token *toks;
	size_t n;

	(void)state;
	dyad_fold_buf(
		&b, dyad_str_c("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя ЃЄЅІЇЈЉЊЋЌЍЎЏЀҐ"));
	assert_string_equal(b.p, "абвгдеежзийклмнопрстуфхцчшщъыьэюя абвгдеежзийклмнопрстуфхцчшщъыьэюя ѓєѕіїјљњћќѝўџѐґ");
	n = dyad_tokenize(a, dyad_str_c("ЁЛКА Ёлка ёлка ЎЗБЕК Ѐ"), &toks);
	assert_int_equal(n, 5);
	assert_int_equal(toks[0].flags & (DYAD_TOKF_CAPITAL | DYAD_TOKF_UPPER | DYAD_TOKF_CYRILLIC),
			 DYAD_TOKF_CAPITAL | DYAD_TOKF_UPPER | DYAD_TOKF_CYRILLIC);
	assert_int_equal(toks[1].flags & (DYAD_TOKF_CAPITAL | DYAD_TOKF_UPPER), DYAD_TOKF_CAPITAL);
	assert_int_equal(toks[2].flags & (DYAD_TOKF_CAPITAL | DYAD_TOKF_UPPER | DYAD_TOKF_CYRILLIC), DYAD_TOKF_CYRILLIC);
	assert_int_equal(toks[3].flags & DYAD_TOKF_UPPER, DYAD_TOKF_UPPER);
	assert_int_equal(toks[4].kind, DYAD_TOK_WORD);
	dyad_buf_free(&b);
	dyad_arena_free(a);
}

/* The stems of a word met again come from the stemmer's cache: they must be the stems it had. */
static void stems_of_words_met_again(void **state)
{
	static const char *const words[] = {
		"Беларусь",
		"Казахстаном",
		"Токаевым",
		"обсудили",
		"visited",
		"Visits",
		"Нур-Султане",
		"Пётр",
		"",
		"белорусско-казахстанского",
		"сотрудничества",
		"the",
		"в",
		"2024",
		"ВСТРЕТИЛИСЬ",
		/* longer than a slot holds */
		"человеконенавистничеством-достопримечательностями",
	};
	const size_t nw = sizeof words / sizeof *words;
	dyad_stemmer *st = dyad_stemmer_new();
	dyad_arena *a = dyad_arena_new();
	dyad_str first[2][sizeof words / sizeof *words];
	size_t i, round;
	char w[32];

	(void)state;
	for (i = 0; i < nw; i++) {
		/* each word on a fresh stemmer: nothing cached */
		dyad_stemmer *fresh = dyad_stemmer_new();
		first[0][i] = dyad_stem(fresh, a, dyad_str_c(words[i]));
		first[1][i] = dyad_stem_light(fresh, a, dyad_str_c(words[i]));
		dyad_stemmer_free(fresh);
	}
	assert_true(dyad_str_eq_c(first[0][0], "белар"));
	assert_true(dyad_str_eq_c(first[1][0], "беларус"));
	for (round = 0; round < 3; round++) {
		for (i = 0; i < nw; i++) {
			/* the full stem and the light one of one word are kept apart */
			dyad_str full = dyad_stem(st, a, dyad_str_c(words[i]));
			dyad_str light = dyad_stem_light(st, a, dyad_str_c(words[i]));
			assert_true(dyad_str_eq(full, first[0][i]));
			assert_true(dyad_str_eq(light, first[1][i]));
		}
		for (i = 0; i < 20000; i++) {
			/* thousands of other words take the slots in between */
			snprintf(w, sizeof w, "слово%zu", i);
			(void)dyad_stem(st, a, dyad_str_c(w));
		}
	}
	dyad_arena_free(a);
	dyad_stemmer_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ten_megabytes_of_one_word),      cmocka_unit_test(a_million_quotes),
		cmocka_unit_test(invalid_utf8_at_every_position), cmocka_unit_test(the_matching_form_maps_back),
		cmocka_unit_test(stems_meet_across_case_forms),   cmocka_unit_test(cyrillic_letters_fold_and_flag),
		cmocka_unit_test(stems_of_words_met_again),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
