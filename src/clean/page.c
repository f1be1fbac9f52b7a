/*
 * page.c — cleaning: a page's lines are sorted into article text and
 * furniture (menus, tickers, crawl dates, related headlines, credits,
 * "subscribe" lines), and the headline, publication date and time, outlet,
 * dateline and author are read off the page. It works on the text lines a
 * reader hands over, whatever the page's format, and uses the metadata the
 * format carried (HTML meta, JSON Lines fields) where there is some.
 * dyad_clean_page, at the end, runs the steps in order; the weights and
 * bounds they decide by are named at the top.
 */
#include "dyad/clean.h"
#include "dyad/utf8.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind {
	L_BLANK,
	L_PROSE, /* article text: sentences */
	L_SHORT, /* a menu item, headline, caption: no sentence */
	L_DATE, /* a line that is a date ("20.12.2024 | 14:03", "Опубликовано 3 марта 2023 в 09:15") */
	L_TICKER, /* "$ 99.61 +0.03" */
	L_JUNK    /* known furniture: subscribe, share, credits, "all news", copyright ... */
};

/* A date as a line keeps it: dyad_date's fields in fewer bytes, since a long page has many lines. */
typedef struct {
	int16_t year;
	int8_t month, day, hour, minute, weekday, relative;
	uint32_t start, end;
} line_date;

static line_date line_date_of(const dyad_date *d)
{
	line_date x;

	x.year = (int16_t)d->year;
	x.month = (int8_t)d->month;
	x.day = (int8_t)d->day;
	x.hour = (int8_t)d->hour;
	x.minute = (int8_t)d->minute;
	x.weekday = (int8_t)d->weekday;
	x.relative = (int8_t)d->relative;
	x.start = (uint32_t)d->start;
	x.end = (uint32_t)d->end;
	return x;
}

static dyad_date date_of(const line_date *x)
{
	dyad_date d;

	memset(&d, 0, sizeof d);
	d.year = x->year;
	d.month = x->month;
	d.day = x->day;
	d.hour = x->hour;
	d.minute = x->minute;
	d.weekday = x->weekday;
	d.relative = x->relative;
	d.start = x->start;
	d.end = x->end;
	return d;
}

typedef struct {
	dyad_str text; /* trimmed, list bullet removed */
	enum kind kind;
	int words, letters;
	unsigned char hard_break; /* a junk line that ends the article ("Все новости", "Subscribe") */
	unsigned char has_date;   /* date holds the first full date on the line */
	unsigned char has_rel; /* no full date, but a relative one ("Сегодня, 14:05", "Вчера, 18:20") in rel */
	unsigned char date_prefix; /* the line starts with a date and goes on with text (a headline) */
	line_date rel;
	uint32_t prefix_end; /* byte where the text after such a date starts */
	uint32_t rest_end;   /* ... and where it ends: before a date that closes the line, else the line's end */
	line_date date;
	int ordinal; /* index among non-blank lines */
} line;

#define NO_LINE ((size_t)-1) /* no such line: a page without prose has no article, a headline may stand on none */

/* ---- weights and bounds ---------------------------------------------------------------------- */

#define NEAR_LINES 2 /* non-blank lines at most this far apart stand together (a headline and its date) */

/* The headline: a candidate line scores its word overlap with the lead (0..1) plus these. */
#define TITLE_NEAR_DATE 0.3 /* a date on the line or within NEAR_LINES: a headline stands by its date */
#define TITLE_FIRST 0.2     /* the first candidate from the top: the page's own headline comes before related ones */
#define TITLE_LONG 0.1      /* TITLE_LONG_WORDS words or more: rather a headline than a menu item */
#define TITLE_LONG_WORDS 4
#define TITLE_MIN_WORDS 3   /* fewer words: a menu item or a rubric, never a headline */
#define TITLE_MAX_BYTES 400 /* longer: a paragraph */
#define WEATHER_MAX_WORDS 6 /* a line with '°' of at most this many words is a weather widget */
#define LEAD_PARAS 3        /* the article's first paragraphs the headline's overlap is measured on */
#define GLUE_SPAN 64        /* bytes of a line's opening where furniture may be glued to the text */

/* The publication date: a date line scores the sum of these; the best, at DATE_MIN_SCORE or more, is taken. */
enum {
	DATE_KW_UPDATED = 1, /* date_keyword's strength for "Updated:", "Обновлено" */
	DATE_KW_PUBLISHED = 3, /* ... for "Published", "Опубликовано", "Дата": it adds to the score as it is */
	DATE_UPDATED = -2,    /* "Updated:" dates the last edit, not the publication */
	DATE_BYLINE = 3,      /* "By A. Seitova in Nation on 14 March 2023": a byline dates its article */
	DATE_HAS_TIME = 2,    /* a date with its time of day */
	DATE_BY_TITLE = 2,    /* on the headline's line or within NEAR_LINES of it */
	DATE_ABOVE_BODY = 1,  /* in the header, above the article */
	DATE_BELOW_BODY = -2, /* after the article: related stories, comments */
	DATE_CAPTION = -3,    /* among the paragraphs beside a photo credit: the photo's date ("Military in Almaty. 6
				 January    2022." / "Photo: …") */
	DATE_WEEKDAY = -1,    /* "среда, 7 апреля": a header's today, the day the page was saved */
	DATE_MIN_SCORE = 2,
	DATE_RELATIVE = 3,     /* "Сегодня, 14:05" by the headline, on a page whose header gives the day */
	BYLINE_MAX_WORDS = 16, /* a longer line is prose, not a byline */
	BYLINE_DATE_START = 40 /* "Name | date": the date within this many bytes of the line's start */
};

/* The outlet: each piece of evidence votes for a name with this weight; a name's votes add up. */
enum {
	OUTLET_LEAD_MARK = 6,   /* "/Корр. БЕЛТА/", "(BelTA)" in the opening of the lead */
	OUTLET_DATELINE = 5,    /* "YEREVAN, APRIL 30, ARMENPRESS.": one part of the dateline */
	OUTLET_LEAD_DASH = 5,   /* "18 окт - РИА Новости.": beside a dash in the opening */
	OUTLET_SOURCE_LINE = 5, /* "Источник: X", "Source: X" */
	OUTLET_URL = 5,         /* the URL's host */
	OUTLET_CUE = 4,         /* a furniture line data/outlets.txt gives to one outlet */
	OUTLET_SITE_NAME = 4,   /* the site name in the page's metadata */
	OUTLET_SITE_CUE = 5, /* "Читать на сайте X", "Read more on X": the page sends the reader to its site */
	OUTLET_AS_REPORTED = 4, /* "Как сообщал X", "as X reported earlier": the outlet's own earlier report */
	OUTLET_CITED = 3,       /* "передает X", "according to X", "X has learned", "X reports" */
	OUTLET_CREDIT = 2,      /* "© 2024 X" */
	OUTLET_DOMAIN = 2,      /* a domain named in a line ("eadaily.com/ru/news/...") */
	OUTLET_MASTHEAD = 2,    /* the page's first line, when shorter than MASTHEAD_MAX_BYTES */
	MASTHEAD_MAX_BYTES = 40,
	SOURCE_SPAN = 80,  /* bytes after "Источник:" that may name the outlet */
	CREDIT_SPAN = 120, /* bytes after "©" */
	CITED_SPAN = 60,   /* bytes after "передает ", "according to " */
	NAME_MAX_WORDS = 4 /* an outlet's name as a page writes it after a cue: at most this many words */
};

#define AUTHOR_MAX_WORDS 6 /* "Автор: Name Surname": a longer line is no author line */

/* ---- small text helpers ---------------------------------------------------------------------- */

static int cp_is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) || (c >= 0x400 && c <= 0x4ff);
}

static int cp_is_upper(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42f) || c == 0x401 ||
	       (c >= 0xc0 && c <= 0xde && c != 0xd7);
}

/* Words (runs of letters or digits) and letters in s. */
static void count(dyad_str s, int *words, int *letters)
{
	size_t i = 0;
	int in = 0;

	*words = *letters = 0;
	while (i < s.n) {
		uint32_t c;
		size_t len = dyad_utf8_decode(s.p + i, s.n - i, &c, NULL);
		int alnum = cp_is_letter(c) || (c >= '0' && c <= '9');

		if (cp_is_letter(c))
			(*letters)++;
		if (alnum && !in)
			(*words)++;
		in = alnum;
		i += len;
	}
}

/*
 * Where a letter glued to the text before it starts, within the first `lim` bytes of s: a capital
 * right after a small letter ("article imageRussian TV …", "Читать на сайте Вестник
 * КавказаРоссийская сторона …": a link's text run into the next line's), else s.n.
 */
static size_t glue_in(dyad_str s, size_t lim)
{
	size_t i = 0;
	int small = 0;

	while (i < s.n && i < lim) {
		uint32_t c;
		size_t len = dyad_utf8_decode(s.p + i, s.n - i, &c, NULL);

		if (small && cp_is_upper(c))
			return i;
		small = cp_is_letter(c) && !cp_is_upper(c);
		i += len;
	}
	return s.n;
}

typedef struct {
	char p[128];
	size_t n;
} low_head;

static int starts_low(const low_head *h, const char *lowprefix)
{
	size_t n = strlen(lowprefix);

	return n <= h->n && memcmp(h->p, lowprefix, n) == 0;
}

/* Does `s` begin with `lowprefix` (lower case), case aside? */
static int has_prefix_ci(dyad_str s, const char *lowprefix)
{
	low_head h;

	h.n = clean_lower_into(s.p, s.n, h.p, sizeof h.p);
	return starts_low(&h, lowprefix);
}

/* A line's opening, lower case, and what a line that starts with it is. */
typedef struct {
	const char *low;
	int value;
} opening;

/*
 * Does `s` begin, case aside, with one of the openings of `table` (ended by a NULL)? 1 with its
 * value in *value, else 0.
 */
static int opening_of(dyad_str s, const opening *table, int *value)
{
	low_head h;
	int i;

	h.n = clean_lower_into(s.p, s.n, h.p, sizeof h.p);
	for (i = 0; table[i].low; i++)
		if (starts_low(&h, table[i].low)) {
			*value = table[i].value;
			return 1;
		}
	return 0;
}

/* The first occurrence of needle[0..nn) in hay[0..hn), or NULL (memmem is not standard C). */
static const char *find_bytes(const char *hay, size_t hn, const char *needle, size_t nn)
{
	size_t i;

	if (nn == 0)
		return hay;
	for (i = 0; i + nn <= hn; i++) {
		const char *c = memchr(hay + i, (unsigned char)needle[0], hn - nn + 1 - i);
		if (c == NULL)
			return NULL;
		i = (size_t)(c - hay);
		if (memcmp(c, needle, nn) == 0)
			return c;
	}
	return NULL;
}

static int contains(dyad_str s, const char *needle)
{
	return find_bytes(s.p, s.n, needle, strlen(needle)) != NULL;
}

/* The last code point of s (0 if empty), and the one before it. */
static uint32_t last_cp(dyad_str s, size_t *start)
{
	size_t i = s.n;
	uint32_t c = 0;

	if (i == 0) {
		*start = 0;
		return 0;
	}
	while (i > 0 && ((unsigned char)s.p[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0)
		i--;
	dyad_utf8_decode(s.p + i, s.n - i, &c, NULL);
	*start = i;
	return c;
}

static int is_final_punct(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';';
}

static int is_closing(uint32_t c)
{
	return c == '"' || c == 0xbb || c == 0x201d || c == 0x2019 || c == ')' || c == '\'';
}

/* Does the line end a sentence: "…." or "….»" or "….-0-"? */
static int ends_sentence(dyad_str s)
{
	size_t at;
	uint32_t c;

	if (s.n >= 3 && memcmp(s.p + s.n - 3, "-0-", 3) == 0)
		s.n -= 3;
	c = last_cp(s, &at);
	if (is_final_punct(c))
		return 1;
	if (is_closing(c)) {
		s.n = at;
		c = last_cp(s, &at);
		return is_final_punct(c) || is_closing(c);
	}
	return 0;
}

/* Remove a list bullet ("• ", "* ", "- ", "· ") from the start. */
static dyad_str strip_bullet(dyad_str s)
{
	static const char *const bullets[] = { "\xe2\x80\xa2", "\xc2\xb7", "* ", "- ", "\xe2\x96\xaa", NULL };
	size_t i;

	for (i = 0; bullets[i]; i++) {
		size_t k = strlen(bullets[i]);
		if (s.n > k && memcmp(s.p, bullets[i], k) == 0)
			return dyad_str_trim((dyad_str){ s.p + k, s.n - k });
	}
	return s;
}

/* ---- line classification --------------------------------------------------------------------- */

/* Lines that start like these are furniture whatever else they hold. 1: they end the article (hard). */
static const opening junk_starts[] = {
	{ "подписывайтесь", 1 },
	{ "подпишитесь", 1 },
	{ "subscribe", 1 },
	{ "follow us", 1 },
	{ "читайте также", 0 },
	{ "читайте нас", 1 },
	{ "read more", 0 },
	{ "read also", 0 },
	{ "see also", 0 },
	{ "смотрите также", 0 },
	{ "все права защищены", 1 },
	{ "all rights reserved", 1 },
	{ "при использовании", 1 },
	{ "при цитировании", 1 },
	{ "полное или частичное", 1 },
	{ "we use cookies", 1 },
	{ "this site uses cookies", 1 },
	{ "this website uses cookies", 1 },
	{ "мы используем", 1 },
	{ "поделиться", 1 },
	{ "share", 1 },
	{ "комментарии", 1 },
	{ "comments", 1 },
	{ "оставить комментарий", 1 },
	{ "leave a comment", 1 },
	{ "загрузить ещ", 1 },
	{ "показать ещ", 1 },
	{ "все новости", 1 },
	{ "all news", 1 },
	{ "лента новостей", 1 },
	{ "яндекс.метрика", 1 },
	{ "фото:", 0 },
	{ "фото ", 0 },
	{ "photo:", 0 },
	{ "photo by", 0 },
	{ "photo via", 0 },
	{ "photo courtesy", 0 },
	{ "источник фото", 0 },
	{ "источник:", 0 },
	{ "source:", 0 },
	{ "теги:", 1 },
	{ "tags:", 1 },
	{ "реклама", 0 },
	{ "advertisement", 0 },
	{ "версия для печати", 1 },
	{ "print version", 1 },
	{ "похожие новости", 1 },
	{ "другие новости", 1 },
	{ "related", 1 },
	{ "recent news", 1 },
	{ "latest news", 1 },
	{ "актуальные сюжеты", 1 },
	{ "новости партнеров", 1 },
	{ "новости партнёров", 1 },
	{ "главное за день", 1 },
	{ "most read", 1 },
	{ "самое читаемое", 1 },
	{ "copyright", 1 },
	{ "\xc2\xa9", 1 },
	{ "\xe2\x86\x90", 1 },
	{ "\xe2\x86\x92", 1 },
	{ NULL, 0 },
};

static int junk_line(dyad_str s, int *hard)
{
	if (opening_of(s, junk_starts, hard))
		return 1;
	if (contains(s, "\xc2\xa9")) { /* a © anywhere: a credit or copyright line */
		*hard = 0;
		return 1;
	}
	return 0;
}

/* "$ 99.61 +0.03", "104.86 +0.80", "¥ 13.78 +0.15", "USD 91,20 -0,35" */
static int ticker_line(dyad_str s, int words, int letters)
{
	size_t i;
	int digits = 0, signs = 0;

	if (letters > 4 || words > 5)
		return 0;
	for (i = 0; i < s.n; i++) {
		char c = s.p[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if ((c == '+' || c == '-') && i + 1 < s.n && s.p[i + 1] >= '0' && s.p[i + 1] <= '9')
			signs++;
	}
	return digits >= 3 && (signs >= 1 || letters == 0);
}

/* A year standing alone among a header's words ("Архив / 2021 / Июль"), else 0. */
static int32_t header_year(dyad_str s)
{
	size_t i = 0;

	while (i < s.n) {
		size_t j = i;
		while (j < s.n && s.p[j] >= '0' && s.p[j] <= '9')
			j++;
		if (j - i == 4 && (i == 0 || s.p[i - 1] == ' ' || s.p[i - 1] == '/') &&
		    (j == s.n || s.p[j] == ' ' || s.p[j] == '/')) {
			int32_t y = (s.p[i] - '0') * 1000 + (s.p[i + 1] - '0') * 100 + (s.p[i + 2] - '0') * 10 +
				    (s.p[i + 3] - '0');
			if (y >= 1990 && y <= 2100)
				return y;
		}
		i = j > i ? j : i + 1;
	}
	return 0;
}

/* Publication-date keywords that may stand on a date line. */
static int date_keyword(dyad_str s, int *strength)
{
	static const opening kw[] = { { "опубликовано", DATE_KW_PUBLISHED }, { "published", DATE_KW_PUBLISHED },
				      { "posted", DATE_KW_PUBLISHED },       { "дата публикации", DATE_KW_PUBLISHED },
				      { "date", DATE_KW_PUBLISHED },         { "дата", DATE_KW_PUBLISHED },
				      { "updated", DATE_KW_UPDATED },        { "обновлено", DATE_KW_UPDATED },
				      { "last updated", DATE_KW_UPDATED },   { NULL, 0 } };

	if (opening_of(s, kw, strength))
		return 1;
	*strength = 0;
	return 0;
}

/* The words in p[0..n): runs of characters between spaces. */
static int words_in(const char *p, size_t n)
{
	size_t i;
	int w = 0;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && (i == 0 || p[i - 1] == ' '))
			w++;
	return w;
}

static void classify(line *l)
{
	dyad_date dates[8];
	size_t nd, k;
	int hard = 0, kws;

	count(l->text, &l->words, &l->letters);
	l->has_date = 0;
	l->date_prefix = 0;
	if (l->text.n == 0) {
		l->kind = L_BLANK;
		return;
	}
	nd = dyad_date_scan(l->text, dates, 8);
	l->has_rel = 0;
	for (k = 0; k < nd; k++)
		if (dates[k].relative < 0 && dates[k].month > 0) {
			l->date = line_date_of(&dates[k]);
			l->has_date = 1;
			break;
		}
	if (!l->has_date && nd > 0 && dates[0].relative >= 0 && dates[0].start <= 2 && l->words <= 4) {
		l->rel = line_date_of(&dates[0]);
		l->has_rel = 1;
	}
	if (junk_line(l->text, &hard)) {
		l->kind = L_JUNK;
		l->hard_break = hard != 0;
		return;
	}
	if (!l->has_date && ticker_line(l->text, l->words, l->letters)) {
		l->kind = L_TICKER;
		return;
	}
	if (l->has_date) {
		/* Words left when the date is taken out: a date line has few. */
		int w_date, le;
		dyad_str d = { l->text.p + l->date.start, l->date.end - l->date.start };

		count(d, &w_date, &le);
		date_keyword(l->text, &kws);
		if (l->words - w_date <= 3 + (kws ? 1 : 0) + (l->date.weekday ? 1 : 0)) {
			l->kind = L_DATE;
			return;
		}
		/* "12:40 18.10.2023 (обновлено: ...)", "Опубликовано 8 апреля 2021 Токаев ...": a date at
		   the start of the line, at most one word before it, then text */
		if (words_in(l->text.p, l->date.start) <= 1) {
			l->date_prefix = 1;
			l->prefix_end = l->date.end;
			l->rest_end = (uint32_t)l->text.n;
			/* " date 2025-12-01 Headline 1.12.2025, 23:55": a date closing the line too */
			for (; k < nd; k++)
				if (dates[k].start >= l->prefix_end && dates[k].end + 1 >= l->text.n)
					l->rest_end = (uint32_t)dates[k].start;
		}
	}
	{
		/* the words of a date around a headline make no sentence of it: what is prose is the rest */
		dyad_str rest = l->text;
		int words = l->words, letters = l->letters;

		if (l->date_prefix) {
			rest = dyad_str_trim((dyad_str){ l->text.p + l->prefix_end, l->rest_end - l->prefix_end });
			count(rest, &words, &letters);
		}
		if (words >= 20 || (words >= 6 && letters >= 25 && ends_sentence(rest)))
			l->kind = L_PROSE;
		else
			l->kind = L_SHORT;
	}
}

/* ---- the article's extent -------------------------------------------------------------------- */

/*
 * The article is the largest run of prose lines where at most two non-prose
 * lines (a related headline, a photo caption) stand between neighbours and no
 * "hard" furniture line (subscribe, all news, copyright) breaks it.
 */
static void find_body(const line *ls, size_t n, size_t *first, size_t *last)
{
	size_t i, best_chars = 0, cur_first = 0, cur_chars = 0, gap = 0;
	int in = 0;

	*first = *last = NO_LINE;
	for (i = 0; i < n; i++) {
		const line *l = &ls[i];

		if (l->kind == L_BLANK)
			continue;
		if (l->kind == L_PROSE) {
			if (!in) {
				in = 1;
				cur_first = i;
				cur_chars = 0;
			}
			cur_chars += l->text.n;
			gap = 0;
			if (cur_chars > best_chars) {
				best_chars = cur_chars;
				*first = cur_first;
				*last = i;
			}
			continue;
		}
		if (in && ((l->kind == L_JUNK && l->hard_break) || ++gap > 2))
			in = 0;
	}
}

/* ---- the headline ---------------------------------------------------------------------------- */

/* Lower-cased word prefixes of s (up to 5 letters) found in `in` (already lower-cased), as a share. */
/*
 * A line of menu items or a breadcrumb ("Home | World | Politics", "Главная / Мир /
 * Армения и Турция провели ...") is no headline, but a breadcrumb may end with one:
 * the last item when it has three words or more, else nothing.
 */
static dyad_str menu_tail(dyad_str t)
{
	size_t i, seps = 0, last = 0, words = 1;

	for (i = 0; i + 2 < t.n; i++)
		if (t.p[i] == ' ' && (t.p[i + 1] == '|' || t.p[i + 1] == '/' || t.p[i + 1] == '>') && t.p[i + 2] == ' ') {
			seps++;
			last = i + 3;
		}
	if (seps < 2)
		return t;
	for (i = last; i < t.n; i++)
		if (t.p[i] == ' ')
			words++;
	return words >= 3 ? dyad_str_trim((dyad_str){ t.p + last, t.n - last }) : (dyad_str){ t.p, 0 };
}

static double overlap(dyad_str s, const dyad_buf *in)
{
	dyad_buf low = DYAD_BUF_INIT;
	size_t i = 0, total = 0, hit = 0;

	clean_lower(&low, s);
	while (i < low.n) {
		size_t start, letters = 0, j;
		uint32_t c;

		while (i < low.n) {
			size_t len = dyad_utf8_decode(low.p + i, low.n - i, &c, NULL);
			if (cp_is_letter(c))
				break;
			i += len;
		}
		start = i;
		j = i;
		while (j < low.n) {
			size_t len = dyad_utf8_decode(low.p + j, low.n - j, &c, NULL);
			if (!cp_is_letter(c))
				break;
			j += len;
			if (++letters == 5)
				i = j; /* the stem-like prefix ends here */
		}
		if (letters >= 3) {
			size_t plen = (letters >= 5 ? i : j) - start;
			total++;
			if (in->n >= plen && find_bytes(in->p, in->n, low.p + start, plen))
				hit++;
		}
		i = j;
	}
	dyad_buf_free(&low);
	return total ? (double)hit / (double)total : 0.0;
}

/*
 * "Headline | Site" / "Headline - Site" → "Headline" when the last part names the site or an
 * outlet; that outlet, as the dictionary spells it, into *outlet when it is not NULL.
 */
static dyad_str strip_site(dyad_str t, dyad_str site, const dyad_outlets *o, const char **outlet)
{
	static const char *const seps[] = { " | ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ", " :: ", NULL };
	size_t i, k;

	for (i = 0; seps[i]; i++) {
		size_t sl = strlen(seps[i]);
		for (k = t.n; k-- > 0;) {
			dyad_str head, tail;

			if (k + sl > t.n || memcmp(t.p + k, seps[i], sl) != 0)
				continue;
			head = dyad_str_trim((dyad_str){ t.p, k });
			tail = dyad_str_trim((dyad_str){ t.p + k + sl, t.n - k - sl });
			const char *hit = outlets_lookup_loose(o, tail);
			if (outlet)
				*outlet = hit;
			if ((site.n && dyad_str_starts_with(tail, site)) || hit)
				return head;
			break;
		}
	}
	return t;
}

/* ---- outlet ---------------------------------------------------------------------------------- */

typedef struct {
	const char *name;
	int score;
} vote;

#define MAX_VOTES 16

static void cast(vote *v, size_t *nv, const char *name, int score)
{
	size_t i;

	if (name == NULL)
		return;
	for (i = 0; i < *nv; i++)
		if (v[i].name == name || strcmp(v[i].name, name) == 0) {
			v[i].score += score;
			return;
		}
	if (*nv < MAX_VOTES) {
		v[*nv].name = name;
		v[*nv].score = score;
		(*nv)++;
	}
}

/* The text after `word` in s, up to `max` bytes, or {NULL,0}. */
static dyad_str after(dyad_str s, const char *word, size_t max)
{
	size_t n = strlen(word);
	const char *at = find_bytes(s.p, s.n, word, n);

	if (at) {
		size_t start = (size_t)(at - s.p) + n, len = s.n - start < max ? s.n - start : max;
		return dyad_str_trim((dyad_str){ s.p + start, len });
	}
	return (dyad_str){ NULL, 0 };
}

/* Try the first 1..3 words of s (or a «quoted» name) against the dictionary. */
static const char *leading_name(const dyad_outlets *o, dyad_str s)
{
	size_t i, words = 0;
	const char *hit = NULL;

	if (s.n == 0)
		return NULL;
	if (dyad_str_starts_with(s, DYAD_STR_LIT("\xc2\xab"))) {
		const char *close = find_bytes(s.p, s.n, "\xc2\xbb", 2);
		if (close)
			return outlets_lookup_loose(o, (dyad_str){ s.p + 2, (size_t)(close - s.p - 2) });
	}
	for (i = 0; i <= s.n && words < 3; i++) {
		if (i == s.n || s.p[i] == ' ' || s.p[i] == ',') {
			const char *h = outlets_lookup_loose(o, (dyad_str){ s.p, i });
			words++;
			if (h)
				hit = h;
			if (i < s.n && s.p[i] == ',')
				break;
		}
	}
	return hit;
}

/* The outlet named by the 1..3 words before `cue` in s ("…, Kazinform reports."), else NULL. */
static const char *name_before(const dyad_outlets *o, dyad_str s, const char *cue)
{
	const char *at = find_bytes(s.p, s.n, cue, strlen(cue)), *hit = NULL;
	size_t end, b, words = 0;

	if (at == NULL)
		return NULL;
	end = (size_t)(at - s.p);
	for (b = end; b > 0 && words < 3; b--) {
		char c = s.p[b - 1];
		if (c == ',' || c == '.' || c == ';' || c == ':' || c == '"')
			break;
		if (c == ' ' && b < end) {
			const char *h = outlets_lookup_loose(o, (dyad_str){ s.p + b, end - b });
			words++;
			if (h)
				hit = h;
		}
	}
	if (b == 0 && words < 3 && end > 0) {
		const char *h = outlets_lookup_loose(o, (dyad_str){ s.p, end });
		if (h)
			hit = h;
	}
	return hit;
}

/*
 * The name that opens s, as the page writes it: up to a glued next line ("Вестник
 * КавказаРоссийская …"), a comma, a full stop or colon before a space, a bracket or a bar, at most
 * NAME_MAX_WORDS words; {NULL, 0} when it does not start with a capital, a digit or a quote.
 */
static dyad_str name_opening(dyad_str s)
{
	size_t i, end, words = 0;
	uint32_t c0 = 0;

	s = dyad_str_trim(s);
	if (s.n == 0)
		return (dyad_str){ NULL, 0 };
	dyad_utf8_decode(s.p, s.n, &c0, NULL);
	if (!cp_is_upper(c0) && !(c0 >= '0' && c0 <= '9') && c0 != 0xab && c0 != '"')
		return (dyad_str){ NULL, 0 };
	end = glue_in(s, s.n);
	for (i = 0; i < end; i++) {
		char c = s.p[i];
		int stop_after = i + 1 >= end || s.p[i + 1] == ' ';
		if (c == ',' || c == '(' || c == '|' || c == ';' || ((c == '.' || c == ':' || c == '!') && stop_after))
			break;
		if (c == ' ' && ++words >= NAME_MAX_WORDS)
			break;
	}
	s = dyad_str_trim((dyad_str){ s.p, i });
	return s.n ? s : (dyad_str){ NULL, 0 };
}

/* «Name» → Name; other names are kept. */
static dyad_str unquote(dyad_str s)
{
	const char *close;

	if (!dyad_str_starts_with(s, DYAD_STR_LIT("\xc2\xab")) ||
	    (close = find_bytes(s.p + 2, s.n - 2, "\xc2\xbb", 2)) == NULL)
		return s;
	return dyad_str_trim((dyad_str){ s.p + 2, (size_t)(close - s.p - 2) });
}

/* Does s use Latin letters and no Cyrillic ones: a brand named in its own script in Russian text ("Ruposters")? */
static int latin_only(dyad_str s)
{
	size_t i = 0;
	int latin = 0;

	while (i < s.n) {
		uint32_t c;
		size_t len = dyad_utf8_decode(s.p + i, s.n - i, &c, NULL);
		if (c >= 0x400 && c <= 0x4ff)
			return 0;
		latin |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		i += len;
	}
	return latin;
}

/*
 * Lines that send the reader to the outlet's site ("Читать на сайте Степной вестник", "Read more on
 * Digital Journal") name the outlet: the name after the cue, as the dictionary spells it, else as
 * the page does. 1 and the name's vote cast when line t opens with one, else 0.
 */
static int site_cue(dyad_arena *a, const dyad_outlets *o, dyad_str t, vote *v, size_t *nv)
{
	static const char *const cues[] = { "читать на сайте ",
					    "читайте на сайте ",
					    "подробнее на сайте ",
					    "читать далее на сайте ",
					    "read more on ",
					    "read more at ",
					    "read the full story on ",
					    "read the full article on ",
					    "continue reading on ",
					    "continue reading at ",
					    NULL };
	size_t k;

	for (k = 0; cues[k]; k++)
		if (has_prefix_ci(t, cues[k])) {
			/* lower-casing keeps byte lengths (ASCII, Cyrillic), so the cue's length is the original's */
			size_t n = strlen(cues[k]);
			dyad_str name = name_opening((dyad_str){ t.p + n, t.n - n });
			const char *hit;

			if (name.p == NULL)
				return 0;
			hit = outlets_lookup_loose(o, name);
			cast(v, nv, hit ? hit : dyad_arena_strndup(a, name.p, name.n), OUTLET_SITE_CUE);
			return 1;
		}
	return 0;
}

/*
 * "Как сообщал Ruposters, …", "Как ранее сообщало агентство …", "As Trend reported earlier": the
 * outlet recalls its own report. The name as the dictionary spells it, else a name in Latin letters
 * in a Cyrillic sentence or in «quotes» as the page writes it (a Cyrillic word there may be a
 * person).
 */
static void as_reported(dyad_arena *a, const dyad_outlets *o, dyad_str t, vote *v, size_t *nv)
{
	static const char *const cues[] = { "Как сообщал ",        "как сообщал ",        "Как сообщала ",
					    "как сообщала ",       "Как сообщало ",       "как сообщало ",
					    "Как сообщали ",       "как сообщали ",       "Как ранее сообщал ",
					    "как ранее сообщал ",  "Как ранее сообщало ", "как ранее сообщало ",
					    "Как ранее сообщала ", "как ранее сообщала ", NULL };
	size_t k;
	dyad_str s, name;
	const char *hit;

	for (k = 0; cues[k]; k++)
		if ((s = after(t, cues[k], CITED_SPAN)).p)
			break;
	if (cues[k] == NULL) {
		/* "as BelTA reported earlier", "as Trend previously reported" */
		if ((hit = name_before(o, t, " reported earlier")) == NULL &&
		    (hit = name_before(o, t, " previously reported")) == NULL)
			return;
		cast(v, nv, hit, OUTLET_AS_REPORTED);
		return;
	}
	if ((hit = leading_name(o, s)) != NULL) {
		cast(v, nv, hit, OUTLET_AS_REPORTED);
		return;
	}
	name = name_opening(s);
	if (name.p && (latin_only(name) || dyad_str_starts_with(name, DYAD_STR_LIT("\xc2\xab")))) {
		name = unquote(name);
		if (name.n)
			cast(v, nv, dyad_arena_strndup(a, name.p, name.n), OUTLET_AS_REPORTED);
	}
}

/* "Trend:", "КАЗИНФОРМ —": the outlet's mark on a line of its own right above the lead. */
static void mark_line(const dyad_outlets *o, dyad_str t, vote *v, size_t *nv)
{
	static const char *const ends[] = { ":", " \xe2\x80\x94", " \xe2\x80\x93", " -", NULL };
	size_t k;

	for (k = 0; ends[k]; k++) {
		size_t n = strlen(ends[k]);
		if (t.n > n && memcmp(t.p + t.n - n, ends[k], n) == 0) {
			cast(v, nv, dyad_outlets_by_name(o, dyad_str_trim((dyad_str){ t.p, t.n - n })), OUTLET_LEAD_MARK);
			return;
		}
	}
}

/* Marks in the opening of the lead: "/Корр. БЕЛТА/", "(BelTA)", "— РИА Новости.", "КАЗИНФОРМ —". */
static void lead_marks(const dyad_outlets *o, dyad_str lead, vote *v, size_t *nv, const char **raw_mark, dyad_arena *a)
{
	size_t i, lim = lead.n < 200 ? lead.n : 200;

	for (i = 0; i < lim; i++) {
		char open = lead.p[i], close = open == '(' ? ')' : open == '/' ? '/' : 0;
		size_t j;

		if (!close)
			continue;
		for (j = i + 1; j < lim && j - i < 48 && lead.p[j] != close; j++)
			;
		if (j < lim && lead.p[j] == close && j > i + 1) {
			dyad_str in = { lead.p + i + 1, j - i - 1 };
			const char *hit = outlets_lookup_loose(o, in);

			if (hit)
				cast(v, nv, hit, OUTLET_LEAD_MARK);
			else if (open == '/' && *raw_mark == NULL && in.n < 40)
				*raw_mark = dyad_arena_strndup(a, in.p, in.n);
			i = j;
		}
	}
	/* the agency standing as one part of the dateline: "YEREVAN, APRIL 30, ARMENPRESS.",
	   "АСТАНА. КАЗИНФОРМ." — the first four parts between commas and full stops */
	{
		size_t b = 0, parts = 0;
		for (i = 0; i <= lim && parts < 4; i++)
			if (i == lim || lead.p[i] == ',' || (lead.p[i] == '.' && (i + 1 >= lim || lead.p[i + 1] == ' '))) {
				if (i > b)
					cast(v, nv,
					     dyad_outlets_by_name(o, dyad_str_trim((dyad_str){ lead.p + b, i - b })),
					     OUTLET_DATELINE);
				parts++;
				b = i + 1;
			}
	}
	/*
	 * a dash in the opening — an em or en dash, or a hyphen between spaces — has the agency
	 * on one side: "18 окт - РИА Новости.", "— 24.kg.", "НУР-СУЛТАН. КАЗИНФОРМ -"
	 */
	for (i = 0; i + 3 < lim; i++) {
		size_t dash = memcmp(lead.p + i, "\xe2\x80\x94", 3) == 0 || memcmp(lead.p + i, "\xe2\x80\x93", 3) == 0 ? 3
			      : (i > 0 && lead.p[i - 1] == ' ' && lead.p[i] == '-' && lead.p[i + 1] == ' ') ? 1
													    : 0;
		size_t b = i, e = i + dash;

		if (!dash)
			continue;
		/* back to a full stop or comma followed by a space, forward to one */
		while (b > 0 && !((lead.p[b - 1] == '.' || lead.p[b - 1] == ',') && (b == i || lead.p[b] == ' ')) &&
		       i - b < 40)
			b--;
		cast(v, nv, outlets_lookup_loose(o, (dyad_str){ lead.p + b, i - b }), OUTLET_LEAD_DASH);
		while (e < lim && lead.p[e] != ',' && !(lead.p[e] == '.' && (e + 1 >= lim || lead.p[e + 1] == ' ')) &&
		       e - i < 40)
			e++;
		/* the agency after the dash ends at a full stop or a comma ("— 24.kg.", "- РИА Новости, Name.");
		   forty bytes on, it is the lead's sentence ("— Prime Minister Abiy Ahmed extended …") */
		if (e < lim && (lead.p[e] == '.' || lead.p[e] == ','))
			cast(v, nv, outlets_lookup_loose(o, (dyad_str){ lead.p + i + dash, e - i - dash }),
			     OUTLET_LEAD_DASH);
		break;
	}
}

/* ---- dateline -------------------------------------------------------------------------------- */

/* "НУР-СУЛТАН" → "Нур-Султан", "MINSK" → "Minsk"; other words are kept as written. */
static const char *title_case(dyad_arena *a, dyad_str s)
{
	dyad_buf b = DYAD_BUF_INIT;
	size_t i = 0;
	int at_start = 1, all_upper = 1;
	const char *r;

	for (i = 0; i < s.n;) {
		uint32_t c;
		size_t len = dyad_utf8_decode(s.p + i, s.n - i, &c, NULL);
		if (cp_is_letter(c) && !cp_is_upper(c))
			all_upper = 0;
		i += len;
	}
	if (!all_upper)
		return dyad_arena_strndup(a, s.p, s.n);
	for (i = 0; i < s.n;) {
		uint32_t c;
		size_t len = dyad_utf8_decode(s.p + i, s.n - i, &c, NULL);
		char enc[4];

		if (cp_is_letter(c)) {
			if (!at_start) {
				if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde) || (c >= 0x410 && c <= 0x42f))
					c += 0x20;
				else if (c == 0x401)
					c = 0x451;
			}
			at_start = 0;
		} else {
			at_start = 1;
		}
		dyad_buf_put(&b, enc, dyad_utf8_encode(c, enc));
		i += len;
	}
	r = dyad_arena_strndup(a, b.p, b.n);
	dyad_buf_free(&b);
	return r;
}

/* The words of a city name at s: capitalised words joined by spaces or hyphens. */
static size_t city_len(dyad_str s)
{
	size_t i = 0, end = 0;
	int words = 0;

	while (i < s.n && words < 3) {
		uint32_t c;
		size_t len = dyad_utf8_decode(s.p + i, s.n - i, &c, NULL), j;

		if (!cp_is_upper(c))
			break;
		j = i + len;
		while (j < s.n) {
			len = dyad_utf8_decode(s.p + j, s.n - j, &c, NULL);
			if (!cp_is_letter(c) && c != '-' && c != '\'')
				break;
			j += len;
		}
		end = j;
		words++;
		if (j < s.n && s.p[j] == ' ' && j + 1 < s.n) {
			uint32_t c2;
			dyad_utf8_decode(s.p + j + 1, s.n - j - 1, &c2, NULL);
			if (cp_is_upper(c2)) {
				i = j + 1;
				continue;
			}
		}
		break;
	}
	return end;
}

static int is_dash_at(dyad_str s, size_t i)
{
	return (i + 3 <= s.n && (memcmp(s.p + i, "\xe2\x80\x94", 3) == 0 || memcmp(s.p + i, "\xe2\x80\x93", 3) == 0)) ||
	       (i < s.n && s.p[i] == '-' && i > 0 && s.p[i - 1] == ' ');
}

/*
 * The dateline's city at the start of the lead: "MINSK, 9 June (BelTA) –",
 * "АСТАНА, 4 ноября. /ТАСС/.", "20 декабря, Минск /Корр. БЕЛТА/.", "TBILISI, Georgia —".
 * A capitalised opening counts only when a date, an agency mark or a dash follows closely.
 */
static const char *dateline(dyad_arena *a, dyad_str lead)
{
	dyad_date d[2];
	size_t nd, cl, i;
	dyad_str head = { lead.p, lead.n < 160 ? lead.n : 160 };

	nd = dyad_date_scan(head, d, 2);
	/* date first: "20 декабря, Минск" */
	if (nd > 0 && d[0].start == 0 && d[0].relative < 0) {
		size_t k = d[0].end;
		while (k < head.n && (head.p[k] == ',' || head.p[k] == ' ' || head.p[k] == '.'))
			k++;
		cl = city_len((dyad_str){ head.p + k, head.n - k });
		if (cl > 0) {
			size_t after_city = k + cl;
			while (after_city < head.n && head.p[after_city] == ' ')
				after_city++;
			if (after_city < head.n && (head.p[after_city] == '/' || head.p[after_city] == '(' ||
						    head.p[after_city] == '.' || is_dash_at(head, after_city)))
				return title_case(a, (dyad_str){ head.p + k, cl });
		}
		return NULL;
	}
	cl = city_len(head);
	if (cl == 0 || cl >= head.n)
		return NULL;
	i = cl;
	if (head.p[i] != ',' && head.p[i] != '.' && head.p[i] != ' ')
		return NULL;
	{
		dyad_str city = { head.p, cl };
		dyad_str rest = { head.p + cl, head.n - cl };
		int caps_city = 1;
		size_t k;

		for (k = 0; k < cl;) {
			uint32_t c;
			size_t len = dyad_utf8_decode(city.p + k, city.n - k, &c, NULL);
			if (cp_is_letter(c) && !cp_is_upper(c))
				caps_city = 0;
			k += len;
		}
		/* a date within the next few words */
		if (nd > 0 && d[0].relative < 0 && d[0].start > cl && d[0].start - cl <= 4)
			return title_case(a, city);
		/* "БИШКЕК. Стороны ...": a city in capitals closed by a full stop */
		if (caps_city && dyad_utf8_count(city) >= 4 && rest.n > 2 && rest.p[0] == '.' && rest.p[1] == ' ')
			return title_case(a, city);
		/* "MOSCOW (Reuters) -" / "TBILISI, Georgia —": capitals then a mark or a dash */
		if (caps_city && cl >= 3) {
			for (k = 0; k < rest.n && k < 40; k++)
				if (rest.p[k] == '(' || rest.p[k] == '/' || is_dash_at(rest, k))
					return title_case(a, city);
		}
	}
	return NULL;
}

/* ---- the whole page -------------------------------------------------------------------------- */

static const char *dup(dyad_arena *a, dyad_str s)
{
	return s.p ? dyad_arena_strndup(a, s.p, s.n) : NULL;
}

static const char *ymd_string(dyad_arena *a, int32_t ymd)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
	return dyad_arena_strndup(a, buf, 10);
}

/* A full date from the page's metadata ("2021-06-09T18:47:00+03:00"), with its time. */
static int meta_date(dyad_str s, dyad_date *out)
{
	dyad_date d[2];
	size_t n = dyad_date_scan(s, d, 2);

	if (n == 0 || d[0].year < 0 || d[0].relative >= 0)
		return 0;
	*out = d[0];
	return 1;
}

/* The year/month/day in a URL path ("/2021/04/08/"), as yyyymmdd, or 0. */
static int32_t url_date(dyad_str url)
{
	size_t i;

	for (i = 0; i + 11 <= url.n; i++) {
		const char *p = url.p + i;
		if (p[0] == '/' && p[5] == '/' && p[8] == '/' && p[1] >= '1' && p[1] <= '2') {
			int ok = 1, k;
			for (k = 1; k < 11; k++)
				if (k != 5 && k != 8 && (p[k] < '0' || p[k] > '9'))
					ok = 0;
			if (ok) {
				int y = (p[1] - '0') * 1000 + (p[2] - '0') * 100 + (p[3] - '0') * 10 + (p[4] - '0');
				int m = (p[6] - '0') * 10 + (p[7] - '0'), d = (p[9] - '0') * 10 + (p[10] - '0');
				if (m >= 1 && m <= 12 && d >= 1 && d <= 31)
					return y * 10000 + m * 100 + d;
			}
		}
	}
	return 0;
}

static const char *author_of(dyad_arena *a, const line *l)
{
	static const char *const keys[] = { "автор:", "автор ", "author:", "by ", "текст:", NULL };
	size_t i;

	if (l->kind != L_SHORT || l->words > AUTHOR_MAX_WORDS)
		return NULL;
	for (i = 0; keys[i]; i++)
		if (has_prefix_ci(l->text, keys[i])) {
			/* lower-casing keeps byte lengths (ASCII, Cyrillic), so the key's length is the original's */
			size_t k = strlen(keys[i]);
			dyad_str name = dyad_str_trim((dyad_str){ l->text.p + k, l->text.n - k });

			return name.n ? dyad_arena_strndup(a, name.p, name.n) : NULL;
		}
	return NULL;
}

/*
 * The page's lines, and where the article and its headline lie among them. The lines come
 * from malloc for one call: a long page's lines are not kept.
 */
typedef struct {
	line *ls;
	size_t n;
	size_t first, last; /* the article's first and last line, NO_LINE when there is no prose */
	size_t title_line;  /* the headline's line, NO_LINE when it stands on none */
} page_lines;

/* Are lines x and y (their ordinals among non-blank lines) at most NEAR_LINES apart? */
static int near_lines(const line *x, const line *y)
{
	return x->ordinal - y->ordinal <= NEAR_LINES && y->ordinal - x->ordinal <= NEAR_LINES;
}

/* Step 1: the page's text cut into trimmed, classified lines. */
static void split_lines(page_lines *pl, dyad_str text, const dyad_outlets *outlets)
{
	size_t nlines = 1, i;
	int ordinal = 0;

	for (i = 0; i < text.n; i++)
		if (text.p[i] == '\n')
			nlines++;
	pl->ls = dyad_xcalloc(nlines, sizeof *pl->ls);
	pl->n = 0;
	pl->first = pl->last = pl->title_line = NO_LINE;
	for (i = 0; i <= text.n;) {
		const char *nl = i < text.n ? memchr(text.p + i, '\n', text.n - i) : NULL;
		size_t end = nl ? (size_t)(nl - text.p) : text.n;
		line *l = &pl->ls[pl->n++];

		l->text = strip_bullet(dyad_str_trim((dyad_str){ text.p + i, end - i }));
		classify(l);
		if (l->kind != L_BLANK && outlets_cue(outlets, l->text)) {
			/* a line the outlet dictionary knows as one outlet's furniture */
			l->kind = L_JUNK;
			l->hard_break = 0;
		}
		l->ordinal = l->kind == L_BLANK ? ordinal : ordinal++;
		i = end + 1;
		if (!nl)
			break;
	}
}

/*
 * Step 2: the article's prose lines into out->body (paragraphs apart by a blank line), the other
 * non-blank lines into out->furniture.
 */
static void take_body(dyad_arena *a, const page_lines *pl, dyad_doc *out)
{
	const line *ls = pl->ls;
	size_t i, nf = 0, size = 0;
	char *w;

	out->furniture = DYAD_ARENA_NEW(a, dyad_str, pl->n);
	/* measured first, then written once: a long body is held once, not grown and copied */
	for (i = 0; i < pl->n; i++)
		if (ls[i].kind == L_PROSE && pl->first != NO_LINE && i >= pl->first && i <= pl->last)
			size += (size ? 2 : 0) + ls[i].text.n;
	w = dyad_arena_alloc(a, size + 1);
	out->body.p = w;
	for (i = 0; i < pl->n; i++) {
		if (ls[i].kind == L_BLANK)
			continue;
		if (pl->first != NO_LINE && i >= pl->first && i <= pl->last && ls[i].kind == L_PROSE) {
			if (w != out->body.p) {
				memcpy(w, "\n\n", 2);
				w += 2;
			}
			if (ls[i].text.n)
				memcpy(w, ls[i].text.p, ls[i].text.n);
			w += ls[i].text.n;
		} else {
			out->furniture[nf++] = ls[i].text;
		}
	}
	*w = '\0';
	out->body.n = size;
	out->nfurniture = nf;
}

/* The lead (the article's first LEAD_PARAS paragraphs), lower-cased into `out`, for the headline's overlap. */
static void lead_lower(const page_lines *pl, dyad_buf *out)
{
	size_t i;
	int paras = 0;

	if (pl->first == NO_LINE)
		return;
	for (i = pl->first; i <= pl->last && paras < LEAD_PARAS; i++)
		if (pl->ls[i].kind == L_PROSE) {
			clean_lower(out, pl->ls[i].text);
			dyad_buf_putc(out, ' ');
			paras++;
		}
}

/*
 * Step 3: the headline into out->title and its line into pl->title_line: the page's metadata
 * (h1, else its <title> without the site's name) for HTML and JSON Lines pages or when no line
 * will do, else the best scored short line above the article.
 */
static void find_title(dyad_arena *a, const dyad_page *page, const dyad_outlets *outlets, page_lines *pl,
		       const dyad_buf *lead_low, dyad_doc *out)
{
	const line *ls = pl->ls;
	dyad_str meta = page->h1.n ? page->h1 : page->title;
	double best = -1.0;
	size_t i, limit = pl->first == NO_LINE ? pl->n : pl->first;
	int first_cand = 1;

	for (i = 0; i < limit; i++) {
		const line *l = &ls[i];
		dyad_str t = l->text;
		double score;
		size_t j;
		int near_date = 0, strength;

		if (l->date_prefix) {
			t = dyad_str_trim((dyad_str){ l->text.p + l->prefix_end, l->rest_end - l->prefix_end });
			near_date = 1;
		} else if (l->kind != L_SHORT) {
			continue;
		}
		t = strip_site(menu_tail(t), (dyad_str){ NULL, 0 }, outlets, NULL);
		{
			/* a headline starts with a capital: small words glued before one are a caption
			   or a link run into it ("article imageRussian TV shows …") */
			uint32_t c0 = 0;
			size_t g;
			if (t.n)
				dyad_utf8_decode(t.p, t.n, &c0, NULL);
			if (cp_is_letter(c0) && !cp_is_upper(c0) && (g = glue_in(t, GLUE_SPAN)) < t.n)
				t = (dyad_str){ t.p + g, t.n - g };
		}
		if (t.n == 0 || l->words < TITLE_MIN_WORDS || t.n > TITLE_MAX_BYTES)
			continue;
		/* never the site's own name, a weather widget ("Baku +9°C") or the rest of a date line */
		if ((outlets && dyad_outlets_by_name(outlets, t)) ||
		    (contains(t, "\xc2\xb0") && l->words <= WEATHER_MAX_WORDS) || date_keyword(t, &strength))
			continue;
		for (j = 0; j < pl->n && !near_date; j++)
			if (ls[j].kind == L_DATE && ls[j].ordinal != l->ordinal && near_lines(&ls[j], l))
				near_date = 1;
		score = overlap(t, lead_low) + (near_date ? TITLE_NEAR_DATE : 0.0) + (first_cand ? TITLE_FIRST : 0.0) +
			(l->words >= TITLE_LONG_WORDS ? TITLE_LONG : 0.0);
		first_cand = 0;
		if (score > best) {
			best = score;
			pl->title_line = i;
			out->title = dup(a, t);
		}
	}
	if (meta.n && (page->format == DYAD_FMT_HTML || page->format == DYAD_FMT_JSONL || out->title == NULL)) {
		dyad_str t = page->h1.n ? dyad_str_trim(page->h1)
					: strip_site(dyad_str_trim(page->title), page->site_name, outlets, NULL);
		if (t.n) {
			out->title = dup(a, t);
			pl->title_line = NO_LINE;
			for (i = 0; i < pl->n; i++)
				if (dyad_str_eq(ls[i].text, t)) {
					pl->title_line = i;
					break;
				}
		}
	}
}

/* Is the non-blank line before or after line i a photo credit ("Photo: …", "Фото: …")? */
static int beside_photo_credit(const page_lines *pl, size_t i)
{
	static const char *const credits[] = { "photo", "фото", "источник фото", NULL };
	size_t j, k;
	int side;

	for (side = -1; side <= 1; side += 2) {
		for (j = i; side < 0 ? j-- > 0 : ++j < pl->n;)
			if (pl->ls[j].kind != L_BLANK)
				break;
		if (j >= pl->n || pl->ls[j].kind != L_JUNK)
			continue;
		for (k = 0; credits[k]; k++)
			if (has_prefix_ci(pl->ls[j].text, credits[k]))
				return 1;
	}
	return 0;
}

/* Is line i's date a candidate for the publication date? 1 with its score (DATE_* above) in *out, else 0. */
static int date_score(const page_lines *pl, size_t i, int *out)
{
	const line *l = &pl->ls[i];
	int score = 0, kw, byline;

	if (!l->has_date || (l->kind == L_PROSE && !l->date_prefix))
		return 0;
	/* a byline dates its article: "By A. Seitova in Nation on 14 March 2023, 16:20" */
	byline = l->words <= BYLINE_MAX_WORDS && (has_prefix_ci(l->text, "by ") || has_prefix_ci(l->text, "автор") ||
						  (contains(l->text, " | ") && l->date.start < BYLINE_DATE_START));
	if (l->kind != L_DATE && !l->date_prefix && !byline && !date_keyword(l->text, &kw))
		return 0;
	date_keyword(l->text, &kw);
	/* "Updated:" dates the last edit, not the publication */
	score += (kw == DATE_KW_UPDATED ? DATE_UPDATED : kw) + (byline ? DATE_BYLINE : 0);
	if (l->date.hour >= 0)
		score += DATE_HAS_TIME;
	if (pl->title_line != NO_LINE && (i == pl->title_line || near_lines(&pl->ls[pl->title_line], l)))
		score += DATE_BY_TITLE;
	if (pl->first != NO_LINE && i < pl->first)
		score += DATE_ABOVE_BODY;
	if (pl->first != NO_LINE && i > pl->last)
		score += DATE_BELOW_BODY;
	if (pl->first != NO_LINE && i > pl->first && i < pl->last && beside_photo_credit(pl, i))
		score += DATE_CAPTION;
	if (l->date.weekday)
		score += DATE_WEEKDAY;
	*out = score;
	return 1;
}

/*
 * Step 4: the publication date and time into out->date and out->time: the page's metadata,
 * else the best scored date line (at least DATE_MIN_SCORE), else a relative date ("Сегодня,
 * 14:05") by the headline on a page whose header says the day it was saved. A date without a
 * year takes it from the URL, the page's other dates or a year in its header.
 */
static void find_date(dyad_arena *a, const dyad_page *page, const page_lines *pl, dyad_doc *out)
{
	const line *ls = pl->ls;
	size_t i, n = pl->n;
	int best = -1000, found = 0;
	dyad_date chosen;
	int32_t anchor = url_date(page->url), ymd;

	if (page->published.n && meta_date(page->published, &chosen)) {
		found = 1;
	} else {
		for (i = 0; i < n; i++) {
			int score;
			if (date_score(pl, i, &score) && score > best) {
				best = score;
				chosen = date_of(&ls[i].date);
			}
		}
		found = best >= DATE_MIN_SCORE;
		/* "Сегодня, 14:05" by the headline: the day the page was saved (the weekday line of
		   its header) gives the date */
		if (pl->title_line != NO_LINE) {
			int32_t saved = 0;
			for (i = 0; i < n && i < pl->title_line && !saved; i++)
				if (ls[i].has_date && ls[i].date.weekday && ls[i].date.year > 0)
					saved = ls[i].date.year * 10000 + ls[i].date.month * 100 + ls[i].date.day;
			for (i = 0; i < n && saved; i++) {
				const line *l = &ls[i];
				int score = DATE_RELATIVE + (l->rel.hour >= 0 ? DATE_HAS_TIME : 0);
				if (!l->has_rel || !near_lines(&ls[pl->title_line], l) || score <= best)
					continue;
				best = score;
				chosen = date_of(&l->rel);
				anchor = saved;
				found = 1;
			}
		}
	}
	if (!found)
		return;
	if (chosen.year < 0 && chosen.relative < 0) {
		/* "8 апреля": the year from the URL or the page's other full dates, else a year
		   standing alone in the header ("Главная / Архив / 2021 / Июль") */
		for (i = 0; i < n && anchor == 0; i++)
			if (ls[i].has_date && ls[i].date.year > 0)
				anchor = ls[i].date.year * 10000 + 1231;
		for (i = 0; i < n && anchor == 0 && (pl->first == NO_LINE || i < pl->first); i++)
			if (header_year(ls[i].text))
				anchor = header_year(ls[i].text) * 10000 + 1231;
	}
	ymd = dyad_date_resolve(&chosen, anchor);
	if (ymd > 0) {
		out->date = ymd_string(a, ymd);
		if (chosen.hour >= 0) {
			char t[8];
			snprintf(t, sizeof t, "%02d:%02d", chosen.hour % 24, chosen.minute % 60);
			out->time = dyad_arena_strndup(a, t, 5);
		}
	}
}

/*
 * Step 5: the outlet into out->outlet, by votes (OUTLET_* above): marks in the lead, source
 * lines, credits, "передает X", the URL, the site name; the name with the most wins. Else an
 * unknown "/Корр. X/" mark of the lead, else the site name as the page gives it.
 */
static void find_outlet(dyad_arena *a, const dyad_page *page, const dyad_outlets *outlets, const page_lines *pl,
			dyad_doc *out)
{
	const line *ls = pl->ls;
	vote votes[MAX_VOTES];
	size_t nvotes = 0, i;
	const char *raw_mark = NULL;
	int best = 0;

	if (pl->first != NO_LINE) {
		lead_marks(outlets, ls[pl->first].text, votes, &nvotes, &raw_mark, a);
		for (i = pl->first; i-- > 0;)
			if (ls[i].kind != L_BLANK) {
				mark_line(outlets, ls[i].text, votes, &nvotes);
				break;
			}
	}
	for (i = 0; i < pl->n; i++) {
		dyad_str t = ls[i].text, s;
		const char *h;

		if (ls[i].kind == L_BLANK || site_cue(a, outlets, t, votes, &nvotes))
			continue;
		if (ls[i].kind == L_JUNK) {
			if ((s = after(t, "Источник:", SOURCE_SPAN)).p || (s = after(t, "Source:", SOURCE_SPAN)).p)
				cast(votes, &nvotes, outlets_lookup_loose(outlets, s), OUTLET_SOURCE_LINE);
			if ((s = after(t, "\xc2\xa9", CREDIT_SPAN)).p)
				/* "© 2024 BelTA", "© Photographer/ Agency": an outlet named in the credit */
				cast(votes, &nvotes, outlets_find_in(outlets, s), OUTLET_CREDIT);
			if ((h = outlets_cue(outlets, t)) != NULL)
				cast(votes, &nvotes, h, OUTLET_CUE);
			else
				cast(votes, &nvotes, outlets_domain_in(outlets, t), OUTLET_DOMAIN);
			continue;
		}
		as_reported(a, outlets, t, votes, &nvotes);
		if ((s = after(t, "передает ", CITED_SPAN)).p || (s = after(t, "передаёт ", CITED_SPAN)).p ||
		    (s = after(t, "сообщает ", CITED_SPAN)).p || (s = after(t, "сообщило ", CITED_SPAN)).p) {
			if (dyad_str_starts_with(s, DYAD_STR_LIT("корреспондент ")))
				s = after(s, "корреспондент ", CITED_SPAN);
			cast(votes, &nvotes, leading_name(outlets, s), OUTLET_CITED);
		}
		if ((s = after(t, "according to ", CITED_SPAN)).p || (s = after(t, "According to ", CITED_SPAN)).p)
			cast(votes, &nvotes, leading_name(outlets, s), OUTLET_CITED);
		/* "BelTA has learned", "…, Kazinform reports.": the words before */
		cast(votes, &nvotes, name_before(outlets, t, " has learned"), OUTLET_CITED);
		cast(votes, &nvotes, name_before(outlets, t, " reports"), OUTLET_CITED);
		cast(votes, &nvotes, outlets_domain_in(outlets, t), OUTLET_DOMAIN);
	}
	/* the site's name after the headline on its line: "Headline | Site" */
	if (pl->title_line != NO_LINE) {
		const char *site = NULL;
		strip_site(ls[pl->title_line].text, (dyad_str){ NULL, 0 }, outlets, &site);
		cast(votes, &nvotes, site, OUTLET_SITE_NAME);
	}
	/* the masthead: a page's first line is often the site's name ("РИА Новости", "24.kg") */
	for (i = 0; i < pl->n; i++)
		if (ls[i].kind != L_BLANK) {
			if (ls[i].text.n < MASTHEAD_MAX_BYTES)
				cast(votes, &nvotes, outlets_lookup_loose(outlets, ls[i].text), OUTLET_MASTHEAD);
			break;
		}
	if (page->url.n)
		cast(votes, &nvotes, dyad_outlets_by_url(outlets, page->url), OUTLET_URL);
	if (page->site_name.n)
		cast(votes, &nvotes, outlets_lookup_loose(outlets, page->site_name), OUTLET_SITE_NAME);
	for (i = 0; i < nvotes; i++)
		if (votes[i].score > best) {
			best = votes[i].score;
			out->outlet = votes[i].name;
		}
	if (out->outlet == NULL && raw_mark)
		out->outlet = raw_mark;
	if (out->outlet == NULL && page->site_name.n)
		out->outlet = dup(a, dyad_str_trim(page->site_name));
}

/* Step 6: the author into out->author: the page's metadata, else a short "Автор: X" line outside the article. */
static void find_author(dyad_arena *a, const dyad_page *page, const page_lines *pl, dyad_doc *out)
{
	size_t i;

	if (page->author.n)
		out->author = dup(a, dyad_str_trim(page->author));
	for (i = 0; i < pl->n && out->author == NULL; i++)
		if (pl->first == NO_LINE || i < pl->first || i > pl->last)
			out->author = author_of(a, &pl->ls[i]);
}

void dyad_clean_page(dyad_arena *a, const dyad_page *page, const dyad_outlets *outlets, dyad_doc *out)
{
	page_lines pl;
	dyad_buf lead_low = DYAD_BUF_INIT;

	memset(out, 0, sizeof *out);
	split_lines(&pl, page->text, outlets);
	find_body(pl.ls, pl.n, &pl.first, &pl.last);
	take_body(a, &pl, out);
	lead_lower(&pl, &lead_low);
	find_title(a, page, outlets, &pl, &lead_low, out);
	find_date(a, page, &pl, out);
	if (pl.first != NO_LINE)
		out->dateline = dateline(a, pl.ls[pl.first].text);
	find_outlet(a, page, outlets, &pl, out);
	find_author(a, page, &pl, out);
	dyad_buf_free(&lead_low);
	free(pl.ls);
}
