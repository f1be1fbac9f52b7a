/*
 * date.c — date expressions as news pages write them, in Russian and English:
 * numeric ("20.12.2024", "2025-11-04T09:30"), with month names in any case
 * form ("8 апреля 2021", "09 June 2021", "March 3, 2022"), without a year
 * ("4 ноября"), relative ("вчера", "today"), with a time ("14:03") and a
 * weekday nearby. Cleaning uses it for the publication date; coding for the
 * date of an event.
 */
#include "dyad/clean.h"

#include "internal.h"

#include <stdlib.h>
#include <string.h>

enum { T_NUM, T_WORD, T_PUNCT };

typedef struct {
	int type;
	size_t start, end;
	int value;    /* T_NUM: its value (capped); T_PUNCT: the byte */
	int ndigits;  /* T_NUM */
	char low[24]; /* T_WORD: lower-cased, truncated copy */
} tok;

#define MAX_TOKS 512

static int is_letter_start(const unsigned char *p, size_t n)
{
	if ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z'))
		return 1;
	/* Cyrillic letters U+0400..U+04FF have 0xD0..0xD3 lead bytes */
	return n >= 2 && p[0] >= 0xd0 && p[0] <= 0xd3 && (p[1] & 0xc0) == 0x80;
}

static size_t tokenize(dyad_str s, tok *t, size_t max)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0, n = 0;

	while (i < s.n && n < max) {
		if (p[i] >= '0' && p[i] <= '9') {
			size_t j = i;
			long v = 0;

			while (j < s.n && p[j] >= '0' && p[j] <= '9') {
				if (v < 100000)
					v = v * 10 + (p[j] - '0');
				j++;
			}
			t[n].type = T_NUM;
			t[n].value = (int)v;
			t[n].ndigits = (int)(j - i);
			t[n].start = i;
			t[n].end = j;
			n++;
			i = j;
		} else if (is_letter_start(p + i, s.n - i)) {
			size_t j = i;

			while (j < s.n && is_letter_start(p + j, s.n - j))
				j += p[j] < 0x80 ? 1 : 2;
			t[n].type = T_WORD;
			t[n].start = i;
			t[n].end = j;
			clean_lower_into(s.p + i, j - i, t[n].low, sizeof t[n].low);
			n++;
			i = j;
		} else if (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r') {
			i++;
		} else {
			size_t len = 1;

			if (p[i] >= 0xc0)
				while (i + len < s.n && (p[i + len] & 0xc0) == 0x80)
					len++;
			t[n].type = T_PUNCT;
			t[n].value = p[i] < 0x80 ? p[i] : 0x80;
			t[n].start = i;
			t[n].end = i + len;
			n++;
			i += len;
		}
	}
	return n;
}

/*
 * Month number for a month word (any Russian case form, English names and
 * abbreviations), or 0. *abbrev says whether the word is an abbreviation,
 * which may be followed by a dot.
 */
static int month_of(const char *w, int *abbrev)
{
	static const char *const full[12][6] = {
		{ "январь", "января", "январе", "январем", "январём", "january" },
		{ "февраль", "февраля", "феврале", "февралем", "february", NULL },
		{ "март", "марта", "марте", "мартом", "march", NULL },
		{ "апрель", "апреля", "апреле", "april", NULL, NULL },
		{ "май", "мая", "мае", "маем", "may", NULL },
		{ "июнь", "июня", "июне", "june", NULL, NULL },
		{ "июль", "июля", "июле", "july", NULL, NULL },
		{ "август", "августа", "августе", "august", NULL, NULL },
		{ "сентябрь", "сентября", "сентябре", "september", NULL, NULL },
		{ "октябрь", "октября", "октябре", "october", NULL, NULL },
		{ "ноябрь", "ноября", "ноябре", "november", NULL, NULL },
		{ "декабрь", "декабря", "декабре", "december", NULL, NULL },
	};
	static const char *const abbr[12][4] = {
		{ "янв", "jan", NULL, NULL }, { "фев", "февр", "feb", NULL }, { "мар", "mar", NULL, NULL },
		{ "апр", "apr", NULL, NULL }, { "may", NULL, NULL, NULL },    { "июн", "jun", NULL, NULL },
		{ "июл", "jul", NULL, NULL }, { "авг", "aug", NULL, NULL },   { "сен", "сент", "sep", "sept" },
		{ "окт", "oct", NULL, NULL }, { "ноя", "нояб", "nov", NULL }, { "дек", "dec", NULL, NULL },
	};
	int m, k;

	for (m = 0; m < 12; m++) {
		for (k = 0; k < 6 && full[m][k]; k++)
			if (w[0] == full[m][k][0] && w[1] == full[m][k][1] && strcmp(w, full[m][k]) == 0) {
				*abbrev = 0;
				return m + 1;
			}
		for (k = 0; k < 4 && abbr[m][k]; k++)
			if (w[0] == abbr[m][k][0] && w[1] == abbr[m][k][1] && strcmp(w, abbr[m][k]) == 0) {
				*abbrev = 1;
				return m + 1;
			}
	}
	return 0;
}

static int is_weekday(const char *w)
{
	static const char *const days[] = { "monday",   "tuesday",     "wednesday",   "thursday", "friday",
					    "saturday", "sunday",      "понедельник", "вторник",  "среда",
					    "среду",    "четверг",     "пятница",     "пятницу",  "суббота",
					    "субботу",  "воскресенье", "mon",         "tue",      "tues",
					    "wed",      "thu",         "thur",        "thurs",    "fri",
					    "sat",      "sun",         "пн",          "вт",       "ср",
					    "чт",       "пт",          "сб",          "вс",       NULL };
	int i;

	for (i = 0; days[i]; i++)
		if (strcmp(w, days[i]) == 0)
			return 1;
	return 0;
}

static int relative_of(const char *w)
{
	if (strcmp(w, "сегодня") == 0 || strcmp(w, "today") == 0)
		return 0;
	if (strcmp(w, "вчера") == 0 || strcmp(w, "yesterday") == 0)
		return 1;
	return -1;
}

static int punct(const tok *t, size_t i, size_t n, char c)
{
	return i < n && t[i].type == T_PUNCT && t[i].value == c;
}

/* Touching: no space between two tokens ("20.12", "2025-11"). */
static int touching(const tok *a, const tok *b)
{
	return b->start == a->end;
}

static int valid(int y, int m, int d)
{
	return (y == -1 || (y >= 1900 && y <= 2100)) && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Try the date patterns at token i; on a match fill *d and return the number of tokens used. */
static size_t match_date(const tok *t, size_t i, size_t n, dyad_date *d)
{
	int ab = 0, m;
	size_t k;

	d->year = d->month = d->day = d->hour = d->minute = -1;
	d->weekday = 0;
	d->relative = -1;
	if (t[i].type == T_NUM) {
		/* 20.12.2024 */
		if (t[i].ndigits <= 2 && i + 4 < n && punct(t, i + 1, n, '.') && t[i + 2].type == T_NUM &&
		    t[i + 2].ndigits <= 2 && punct(t, i + 3, n, '.') && t[i + 4].type == T_NUM &&
		    t[i + 4].ndigits == 4 && touching(&t[i], &t[i + 1]) && touching(&t[i + 1], &t[i + 2]) &&
		    touching(&t[i + 3], &t[i + 4]) && valid(t[i + 4].value, t[i + 2].value, t[i].value)) {
			d->day = t[i].value;
			d->month = t[i + 2].value;
			d->year = t[i + 4].value;
			return 5;
		}
		/* 10/01/2023: day first, as the region writes it, unless the second number cannot be a month */
		if (t[i].ndigits <= 2 && i + 4 < n && punct(t, i + 1, n, '/') && t[i + 2].type == T_NUM &&
		    t[i + 2].ndigits <= 2 && punct(t, i + 3, n, '/') && t[i + 4].type == T_NUM &&
		    t[i + 4].ndigits == 4 && touching(&t[i], &t[i + 1]) && touching(&t[i + 1], &t[i + 2]) &&
		    touching(&t[i + 2], &t[i + 3]) && touching(&t[i + 3], &t[i + 4])) {
			int a = t[i].value, b = t[i + 2].value;
			if (b > 12 && a <= 12) {
				int x = a;
				a = b;
				b = x;
			}
			if (valid(t[i + 4].value, b, a)) {
				d->day = a;
				d->month = b;
				d->year = t[i + 4].value;
				return 5;
			}
		}
		/* 2025-11-04, optionally THH:MM */
		if (t[i].ndigits == 4 && i + 4 < n && punct(t, i + 1, n, '-') && t[i + 2].type == T_NUM &&
		    t[i + 2].ndigits == 2 && punct(t, i + 3, n, '-') && t[i + 4].type == T_NUM &&
		    t[i + 4].ndigits == 2 && touching(&t[i], &t[i + 1]) && touching(&t[i + 3], &t[i + 4]) &&
		    valid(t[i].value, t[i + 2].value, t[i + 4].value)) {
			d->year = t[i].value;
			d->month = t[i + 2].value;
			d->day = t[i + 4].value;
			if (i + 8 < n && t[i + 5].type == T_WORD && strcmp(t[i + 5].low, "t") == 0 &&
			    t[i + 6].type == T_NUM && punct(t, i + 7, n, ':') && t[i + 8].type == T_NUM &&
			    t[i + 6].value < 24 && t[i + 8].value < 60) {
				d->hour = t[i + 6].value;
				d->minute = t[i + 8].value;
				return 9;
			}
			return 5;
		}
		/* 8 апреля [2021] / 09 June 2021 / 12 мар. */
		if (t[i].ndigits <= 2 && i + 1 < n && t[i + 1].type == T_WORD && (m = month_of(t[i + 1].low, &ab)) != 0) {
			k = i + 2;
			d->day = t[i].value;
			d->month = m;
			if (ab && punct(t, k, n, '.') && touching(&t[k - 1], &t[k]))
				k++;
			if (punct(t, k, n, ',') && k + 1 < n && t[k + 1].type == T_NUM && t[k + 1].ndigits == 4)
				k++;
			if (k < n && t[k].type == T_NUM && t[k].ndigits == 4) {
				d->year = t[k].value;
				k++;
			}
			return valid(d->year, d->month, d->day) ? k - i : 0;
		}
		return 0;
	}
	if (t[i].type != T_WORD)
		return 0;
	/* March 3, 2022 / Mar. 12, 2024 / May 5 */
	if ((m = month_of(t[i].low, &ab)) != 0) {
		k = i + 1;
		if (ab && punct(t, k, n, '.'))
			k++;
		if (k >= n || t[k].type != T_NUM || t[k].ndigits > 2)
			return 0;
		d->month = m;
		d->day = t[k].value;
		k++;
		if (k < n && t[k].type == T_NUM && t[k].ndigits == 3 && t[k].start - t[k - 1].end == 1)
			return 0; /* "May 5 000 people": a number with a thousands space */
		if (punct(t, k, n, ',') && k + 1 < n && t[k + 1].type == T_NUM && t[k + 1].ndigits == 4)
			k++;
		if (k < n && t[k].type == T_NUM && t[k].ndigits == 4) {
			d->year = t[k].value;
			k++;
		}
		return valid(d->year, d->month, d->day) ? k - i : 0;
	}
	if ((d->relative = relative_of(t[i].low)) >= 0)
		return 1;
	return 0;
}

/* Could `s` hold a date? Every date form has a digit, except the relative words. */
static int may_hold_date(dyad_str s)
{
	static const char *const rel[] = { "егодня", "чера", "oday", "esterday", NULL };
	size_t i, k;

	for (i = 0; i < s.n; i++)
		if (s.p[i] >= '0' && s.p[i] <= '9')
			return 1;
	for (k = 0; rel[k]; k++) {
		size_t m = strlen(rel[k]);
		for (i = 0; i + m <= s.n; i++)
			if (s.p[i] == rel[k][0] && memcmp(s.p + i, rel[k], m) == 0)
				return 1;
	}
	return 0;
}

size_t dyad_date_scan(dyad_str s, dyad_date *out, size_t max)
{
	tok *t;
	size_t n, i = 0, found = 0;
	size_t weekday_end = (size_t)-1;

	/* most lines of a page have no date: say so before tokenizing them */
	if (!may_hold_date(s))
		return 0;
	t = dyad_xmalloc(sizeof(tok) * MAX_TOKS);
	n = tokenize(s, t, MAX_TOKS);

	while (i < n && found < max) {
		dyad_date d;
		size_t used;

		if (t[i].type == T_WORD && is_weekday(t[i].low)) {
			weekday_end = t[i].end;
			i++;
			continue;
		}
		/* a time HH:MM: it belongs to the date just before it, or to one right after */
		if (t[i].type == T_NUM && t[i].ndigits <= 2 && i + 2 < n && punct(t, i + 1, n, ':') &&
		    t[i + 2].type == T_NUM && t[i + 2].ndigits == 2 && t[i].value < 24 && t[i + 2].value < 60 &&
		    touching(&t[i], &t[i + 1]) && touching(&t[i + 1], &t[i + 2])) {
			int hour = t[i].value;
			size_t after = i + 3, end = t[i + 2].end;

			/* "3:41 PM", "12:02 AM": a twelve-hour clock */
			if (after < n && t[after].type == T_WORD && hour >= 1 && hour <= 12 &&
			    (strcmp(t[after].low, "pm") == 0 || strcmp(t[after].low, "am") == 0)) {
				hour = t[after].low[0] == 'p' ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
				end = t[after].end;
				after++;
			}
			if (found > 0 && out[found - 1].hour < 0 && t[i].start - out[found - 1].end <= 24) {
				out[found - 1].hour = hour;
				out[found - 1].minute = t[i + 2].value;
				out[found - 1].end = end;
			} else {
				size_t j = after + (punct(t, after, n, ',') ? 1 : 0);

				if (j < n && (used = match_date(t, j, n, &d)) > 0 && d.relative < 0) {
					d.hour = hour;
					d.minute = t[i + 2].value;
					d.start = t[i].start;
					d.end = t[j + used - 1].end;
					out[found++] = d;
					i = j + used;
					continue;
				}
			}
			i = after;
			continue;
		}
		used = match_date(t, i, n, &d);
		if (used == 0) {
			i++;
			continue;
		}
		d.start = t[i].start;
		d.end = t[i + used - 1].end;
		d.weekday = weekday_end != (size_t)-1 && d.start >= weekday_end && d.start - weekday_end <= 3;
		out[found++] = d;
		i += used;
	}
	free(t);
	return found;
}

/* Days since 1970-01-01 for a civil date, and back (Howard Hinnant's algorithms). */
static long days_from_civil(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static int32_t civil_from_days(long z)
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t dyad_date_resolve(const dyad_date *d, int32_t anchor)
{
	int ay = anchor / 10000, am = anchor / 100 % 100, ad = anchor % 100;
	long a, x;

	if (d->relative >= 0) {
		if (anchor <= 0)
			return 0;
		return civil_from_days(days_from_civil(ay, am, ad) - d->relative);
	}
	if (d->month < 1 || d->day < 1)
		return 0;
	if (d->year > 0)
		return d->year * 10000 + d->month * 100 + d->day;
	if (anchor <= 0)
		return 0;
	/* No year: the anchor's, unless that puts the date more than a week after
	 * the anchor — news reports what has happened, so then it was last year. */
	a = days_from_civil(ay, am, ad);
	x = days_from_civil(ay, d->month, d->day);
	return (x - a > 7 ? ay - 1 : ay) * 10000 + d->month * 100 + d->day;
}
