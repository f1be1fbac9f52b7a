/*
 * test_clean.c — cleaning pages written for these tests
 * (tests/fixtures/clean/): the article kept, the furniture gone, and the
 * headline, date, time, outlet and dateline read right, traps included.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "dyad/clean.h"

#define FIX "tests/fixtures/clean/"

static dyad_outlets *outlets;

typedef struct {
	dyad_buf raw;
	dyad_arena *arena;
	dyad_doc doc;
} cleaned;

static void clean_file(cleaned *c, const char *name)
{
	char path[256];
	dyad_errbuf e;
	dyad_page page;

	snprintf(path, sizeof path, FIX "%s", name);
	memset(c, 0, sizeof *c);
	assert_int_equal(dyad_read_file(&c->raw, path, 0, &e), 0);
	memset(&page, 0, sizeof page);
	page.path = path;
	page.format = DYAD_FMT_TEXT;
	page.text = (dyad_str){ c->raw.p, c->raw.n };
	c->arena = dyad_arena_new();
	dyad_clean_page(c->arena, &page, outlets, &c->doc);
}

static void done(cleaned *c)
{
	dyad_arena_free(c->arena);
	dyad_buf_free(&c->raw);
}

static int in_body(const cleaned *c, const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i + n <= c->doc.body.n; i++)
		if (memcmp(c->doc.body.p + i, s, n) == 0)
			return 1;
	return 0;
}

static int is_furniture(const cleaned *c, const char *s)
{
	size_t i;

	for (i = 0; i < c->doc.nfurniture; i++)
		if (dyad_str_eq_c(c->doc.furniture[i], s))
			return 1;
	return 0;
}

#define ASSERT_STR_OR_NULL(got, want)                   \
	do {                                            \
		if ((want) == NULL)                     \
			assert_null(got);               \
		else                                    \
			assert_string_equal(got, want); \
	} while (0)

static void related_headlines_inside_and_after(void **state)
{
	cleaned c;

	(void)state;
	clean_file(&c, "ru_related_inside.txt");
	assert_string_equal(c.doc.title, "МИД Узбекистана: Ташкент и Астана подпишут соглашение о демаркации границы");
	assert_string_equal(c.doc.date, "2023-03-12");
	assert_string_equal(c.doc.time, "09:41");
	assert_string_equal(c.doc.outlet, "TASS");
	assert_string_equal(c.doc.dateline, "Ташкент");
	assert_true(in_body(&c, "Стороны обсудили подготовку соглашения"));
	/* the related headline between paragraphs, the ticker, the later date */
	assert_false(in_body(&c, "новый пункт пропуска"));
	assert_true(is_furniture(&c, "Узбекистан и Таджикистан открыли новый пункт пропуска"));
	assert_true(is_furniture(&c, "$ 92.40 -0.15"));
	assert_true(is_furniture(&c, "11.03.2023"));
	assert_true(is_furniture(&c, "Подписывайтесь на наш канал в Telegram"));
	done(&c);
}

static void english_article_under_a_russian_menu(void **state)
{
	cleaned c;

	(void)state;
	clean_file(&c, "en_under_ru_menu.txt");
	assert_string_equal(c.doc.title,
			    "Armenia and Azerbaijan foreign ministers discuss peace treaty text in Almaty");
	/* the crawl day in the header is a trap; the publication line carries a keyword and a time */
	assert_string_equal(c.doc.date, "2024-05-11");
	assert_string_equal(c.doc.time, "16:20");
	assert_string_equal(c.doc.outlet, "Kazinform");
	assert_string_equal(c.doc.dateline, "Almaty");
	assert_true(is_furniture(&c, "Photo: press service of the Kazakh Foreign Ministry"));
	assert_true(is_furniture(&c, "Kazakhstan offers to host further rounds of talks"));
	done(&c);
}

static void a_page_without_a_date_has_none(void **state)
{
	cleaned c;

	(void)state;
	clean_file(&c, "no_date.txt");
	assert_null(c.doc.date);
	assert_null(c.doc.time);
	assert_string_equal(c.doc.outlet, "Reuters");
	assert_string_equal(c.doc.dateline, "Vilnius");
	assert_true(is_furniture(&c, "© 2023 Reuters. All rights reserved."));
	done(&c);
	/* "Вчера, 18:20" with nothing to anchor it: no guess */
	clean_file(&c, "relative_only.txt");
	assert_null(c.doc.date);
	assert_string_equal(c.doc.dateline, "Бишкек");
	assert_string_equal(c.doc.title, "Кыргызстан и Таджикистан договорились об отводе войск от границы");
	done(&c);
}

static void metadata_from_html_wins(void **state)
{
	dyad_page page;
	dyad_doc doc;
	dyad_arena *a = dyad_arena_new();
	const char *text = "Reuters\nWorld\nSome teaser line for another story\n"
			   "The talks were held in Geneva on Monday and lasted five hours, officials said.\n";

	(void)state;
	memset(&page, 0, sizeof page);
	page.path = "x.html";
	page.format = DYAD_FMT_HTML;
	page.text = dyad_str_c(text);
	page.title = DYAD_STR_LIT("US and Russia hold talks in Geneva | Reuters");
	page.published = DYAD_STR_LIT("2022-01-10T18:05:00Z");
	page.url = DYAD_STR_LIT("https://www.reuters.com/world/talks-2022-01-10/");
	dyad_clean_page(a, &page, outlets, &doc);
	assert_string_equal(doc.title, "US and Russia hold talks in Geneva");
	assert_string_equal(doc.date, "2022-01-10");
	assert_string_equal(doc.time, "18:05");
	assert_string_equal(doc.outlet, "Reuters");
	dyad_arena_free(a);
}

static void empty_and_odd_pages(void **state)
{
	dyad_page page;
	dyad_doc doc;
	dyad_arena *a = dyad_arena_new();
	static const char *const odd[] = {
		"", "\n\n\n", "x", "Menu\nHome\n", "....\n,,,,\n-0-\n", "\xef\xbf\xbd\xef\xbf\xbd\n", NULL
	};
	int i;

	(void)state;
	for (i = 0; odd[i]; i++) {
		memset(&page, 0, sizeof page);
		page.path = "odd";
		page.text = dyad_str_c(odd[i]);
		dyad_clean_page(a, &page, outlets, &doc);
		assert_int_equal(doc.body.n, 0);
		assert_null(doc.date);
		dyad_arena_reset(a);
	}
	dyad_arena_free(a);
}

/* The outlet of a page whose only sign of it is `line`, among article paragraphs. */
static const char *outlet_of(dyad_arena *a, const char *lead, const char *line, dyad_doc *doc)
{
	char text[2048];
	dyad_page page;

	snprintf(text, sizeof text,
		 "Ministers meet in Astana\n\n%s The foreign ministers of the two countries met in Astana on "
		 "Monday.\n\nThey discussed trade, transport and the border, the ministry said in a "
		 "statement.\n\n%s\n",
		 lead, line);
	memset(&page, 0, sizeof page);
	page.path = "cues";
	page.format = DYAD_FMT_TEXT;
	page.text = dyad_str_c(dyad_arena_strndup(a, text, strlen(text)));
	dyad_clean_page(a, &page, outlets, doc);
	return doc->outlet;
}

/* outlet_of must name `want` (NULL: no outlet). */
static void expect_outlet(dyad_arena *a, const char *lead, const char *line, const char *want)
{
	dyad_doc doc;
	const char *o = outlet_of(a, lead, line, &doc);

	if (want == NULL) {
		assert_null(o);
		return;
	}
	assert_non_null(o);
	assert_string_equal(o, want);
}

static void general_outlet_cues(void **state)
{
	dyad_arena *a = dyad_arena_new();
	dyad_doc doc;
	size_t i;
	int furniture = 0;

	(void)state;
	/* the words before "reports" / "has learned", the words after "according to" */
	expect_outlet(a, "", "The talks lasted five hours and ended late at night, Kazinform reports.", "Kazinform");
	expect_outlet(a, "", "The visit had been planned for months, BelTA has learned from its sources.", "BelTA");
	expect_outlet(a, "", "The next round is due in the spring, according to TASS.", "TASS");
	/* a credit naming the agency after a slash, a copyright line, a domain in the text */
	expect_outlet(a, "", "\xc2\xa9 Press service of the ministry/ TASS", "TASS");
	expect_outlet(a, "", "\xc2\xa9 2024 Mir24. All rights reserved.", "Mir24");
	expect_outlet(a, "", "Permalink: eadaily.com/en/news/2024/05/06/ministers-meet", "EADaily");
	/* the agency as one part of the dateline */
	expect_outlet(a, "ASTANA, MAY 6, KAZINFORM.", "", "Kazinform");
	/* a name that is no outlet's, before "reports": none */
	expect_outlet(a, "", "The talks lasted five hours and ended late at night, the ministry reports.", NULL);
	/* an outlet's own cue from the dictionary: the line names it and is furniture */
	expect_outlet(a, "", "Editorial desk of the Herald", "Steppe Herald");
	outlet_of(a, "", "Editorial desk of the Herald", &doc);
	for (i = 0; i < doc.nfurniture; i++)
		furniture |= dyad_str_eq_c(doc.furniture[i], "Editorial desk of the Herald");
	assert_true(furniture);
	dyad_arena_free(a);
}

/* Cues that name a site the dictionary may not know, and cues that look like one and are not. */
static void outlet_cues_of_a_site(void **state)
{
	dyad_arena *a = dyad_arena_new();
	dyad_doc doc;
	dyad_page page;

	(void)state;
	/* a link to the site, glued to the next line's text: the name as the page writes it */
	expect_outlet(a, "", "Читать на сайте Steppe WireThe ministers will meet again in June.", "Steppe Wire");
	expect_outlet(a, "", "Read more on Steppe Herald", "Steppe Herald");
	expect_outlet(a, "", "Read more on the ministry's website", NULL);
	/* "Как сообщал X": the outlet's own earlier report outweighs an agency it cites */
	expect_outlet(a, "",
		      "Переговоры продлятся два дня, передает ТАСС. Как сообщал Steppewire, министры встретятся "
		      "снова в мае.",
		      "Steppewire");
	/* ... but a Cyrillic name there may be a person's: none */
	expect_outlet(a, "", "Как сообщал Иванов, министры встретятся снова в мае.", NULL);
	/* the first word of the lead after a dash is no agency when no full stop or comma closes it */
	expect_outlet(a, "Astana, \xe2\x80\x94 Reuters",
		      "The two ministers will meet again in June, the ministry said.", NULL);
	/* the agency's mark on a line of its own above the lead */
	memset(&page, 0, sizeof page);
	page.path = "mark";
	page.format = DYAD_FMT_TEXT;
	page.text = DYAD_STR_LIT("Ministers meet in Astana\n\nAstana, May 6\n\nKazinform:\n\nThe foreign ministers "
				 "of the two countries met in Astana on Monday and discussed the border.\n\nThey "
				 "agreed to meet again in June, the ministry said in a statement.\n");
	dyad_clean_page(a, &page, outlets, &doc);
	assert_non_null(doc.outlet);
	assert_string_equal(doc.outlet, "Kazinform");
	dyad_arena_free(a);
}

/* The clean document of `text`, a plain text page. */
static void clean_text(dyad_arena *a, const char *text, dyad_doc *doc)
{
	dyad_page page;

	memset(&page, 0, sizeof page);
	page.path = "text";
	page.format = DYAD_FMT_TEXT;
	page.text = dyad_str_c(text);
	dyad_clean_page(a, &page, outlets, doc);
}

/* Headlines hidden by what stands around them, and lines that are no headline or no date. */
static void headlines_and_dates_in_disguise(void **state)
{
	static const char lead[] = "The foreign ministers of Kazakhstan and Uzbekistan met in Astana on Monday and "
				   "signed a treaty on the demarcation of the border.\n\nThey also discussed trade, "
				   "transport and water, the ministry said in a statement.\n";
	dyad_arena *a = dyad_arena_new();
	dyad_doc doc;
	char text[1024];

	(void)state;
	/* a store's date in front of the headline and the page's date after it: the words of the dates
	   make no paragraph of it */
	snprintf(text, sizeof text,
		 " date 2024-05-06 Kazakhstan and Uzbekistan sign a treaty on the demarcation of their "
		 "border in Astana 6.05.2024, 14:05\n\n%s",
		 lead);
	clean_text(a, text, &doc);
	assert_non_null(doc.title);
	assert_string_equal(doc.title,
			    "Kazakhstan and Uzbekistan sign a treaty on the demarcation of their border in Astana");
	assert_string_equal(doc.date, "2024-05-06");
	assert_false(dyad_str_starts_with(doc.body, DYAD_STR_LIT("date")));
	/* the site's name after the headline on its line */
	snprintf(text, sizeof text, "Ministers sign a border treaty in Astana | Steppe Herald\n\n%s", lead);
	clean_text(a, text, &doc);
	assert_non_null(doc.title);
	assert_string_equal(doc.title, "Ministers sign a border treaty in Astana");
	assert_non_null(doc.outlet);
	assert_string_equal(doc.outlet, "Steppe Herald");
	/* a caption's words glued before the headline */
	snprintf(text, sizeof text, "Email\narticle imageMinisters sign a border treaty in Astana\n\n%s", lead);
	clean_text(a, text, &doc);
	assert_non_null(doc.title);
	assert_string_equal(doc.title, "Ministers sign a border treaty in Astana");
	/* a photo credit is furniture, not a headline */
	snprintf(text, sizeof text, "Photo via Kazinform\n\n%s", lead);
	clean_text(a, text, &doc);
	assert_null(doc.title);
	/* a photo's date among the paragraphs is no publication date */
	snprintf(text, sizeof text,
		 "Ministers sign a border treaty in Astana\n\n%s\nThe ministers in Astana. 6 May 2024.\nPhoto: "
		 "Kazinform\n\nThe next round of talks is due in Tashkent in the autumn, the ministry said.\n",
		 lead);
	clean_text(a, text, &doc);
	assert_null(doc.date);
	dyad_arena_free(a);
}

static int setup(void **state)
{
	dyad_errbuf e;

	(void)state;
	outlets = dyad_outlets_load(FIX "outlets.txt", NULL, NULL, &e);
	return outlets ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	dyad_outlets_free(outlets);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(related_headlines_inside_and_after),
		cmocka_unit_test(english_article_under_a_russian_menu),
		cmocka_unit_test(a_page_without_a_date_has_none),
		cmocka_unit_test(metadata_from_html_wins),
		cmocka_unit_test(empty_and_odd_pages),
		cmocka_unit_test(general_outlet_cues),
		cmocka_unit_test(outlet_cues_of_a_site),
		cmocka_unit_test(headlines_and_dates_in_disguise),
	};
	return cmocka_run_group_tests_name("clean", tests, setup, teardown);
}
