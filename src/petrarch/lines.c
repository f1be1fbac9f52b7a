/*
 * lines.c — what every PETRARCH/TABARI dictionary reader uses on a line:
 * messages naming file and line, comments stripped, phrases split into
 * upper-case words, code brackets with their date restrictions, "[a:b]" code
 * pairs, regular plurals.
 */
#include "petrarch/internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Report the current line as bad ("file:line: what was expected"); the caller skips it. */
void petr_bad(reader *r, const char *fmt, ...)
{
	char msg[600];
	int n;
	va_list ap;

	r->bad++;
	if (r->warn == NULL)
		return;
	n = snprintf(msg, sizeof msg, "%s:%zu: ", r->file, r->line);
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	va_end(ap);
	r->warn(r->ctx, msg);
}

char *petr_upper_dup(dyad_arena *a, const char *s, size_t n)
{
	char *d = dyad_arena_strndup(a, s, n);
	size_t i;

	for (i = 0; i < n; i++)
		d[i] = (char)toupper((unsigned char)d[i]);
	return d;
}

/* `s` without a '#' comment (and, for actors, a ';' comment) and trailing space. */
size_t petr_strip_comment(const char *s, size_t n, int semicolon)
{
	size_t i;

	int in_code = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '[')
			in_code = 1;
		else if (s[i] == ']')
			in_code = 0;
		else if (!in_code && (s[i] == '#' || (semicolon && s[i] == ';')))
			break;
	}
	while (i > 0 && isspace((unsigned char)s[i - 1]))
		i--;
	return i;
}

/*
 * The line at *s without its '#' comment and the blanks around it: *s moves past the leading
 * ones; returns the length left.
 */
size_t petr_trim_line(char **s)
{
	size_t n = petr_strip_comment(*s, strlen(*s), 0);

	while (n > 0 && isspace((unsigned char)**s)) {
		(*s)++;
		n--;
	}
	return n;
}

/*
 * Split a phrase at blanks and underscores into upper-case words (owned by
 * the arena). *last_us is set when it ends with '_'. Returns 0, or -1 for an
 * empty phrase or one of too many words.
 */
int petr_split_phrase(dyad_arena *a, const char *s, size_t n, phrase *out, int *last_us)
{
	const char *w[MAX_WORDS];
	size_t k = 0, i = 0;
	unsigned long long loose = 0;

	if (last_us)
		*last_us = 0;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n > 0 && s[n - 1] == '_' && last_us)
		*last_us = 1;
	while (i < n) {
		size_t j;
		int blank = 0, us = 0;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '_')) {
			if (s[i] == '_')
				us = 1;
			else
				blank = 1;
			i++;
		}
		j = i;
		while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '_')
			j++;
		if (j > i) {
			if (k == MAX_WORDS)
				return -1;
			if (k > 0 && blank && !us && k < 64)
				loose |= 1ULL << k;
			w[k++] = petr_upper_dup(a, s + i, j - i);
		}
		i = j;
	}
	if (k == 0)
		return -1;
	out->w = dyad_arena_alloc(a, k * sizeof *out->w);
	memcpy(out->w, w, k * sizeof *w);
	out->n = k;
	out->loose = loose;
	return 0;
}

/* Find "[...]" in s[0..n): *open and *close index the brackets. 0, or -1 when there is none or it is unclosed. */
int petr_find_brackets(const char *s, size_t n, size_t *open, size_t *close)
{
	const char *o = memchr(s, '[', n), *c;

	if (o == NULL)
		return -1;
	c = memchr(o, ']', n - (size_t)(o - s));
	if (c == NULL)
		return -1;
	*open = (size_t)(o - s);
	*close = (size_t)(c - s);
	return 0;
}

static int is_code_char(int c)
{
	return isalnum(c) || c == '-' || c == '+' || c == '#' || c == '/' || c == '?' || c == '*' || c == '.';
}

/* A date as YYMMDD or YYYYMMDD; -1 if malformed. Two-digit years below 30 are 20xx. */
static dyad_ymd parse_date(const char *s, size_t n)
{
	long v = 0;
	size_t i;

	if (n != 6 && n != 8)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i])) // NOLINT(clang-analyzer-core.uninitialized.ArraySubscript):
						   // callers pass d[0..dn), all written
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (n == 6)
		v += (v / 10000 < 30 ? 20000000L : 19000000L);
	if (v % 100 > 31 || v / 100 % 100 > 12)
		return -1;
	return (dyad_ymd)v;
}

/*
 * The inside of a code bracket "CODE", "CODE <date", "CODE >date",
 * "CODE date-date". Returns 0 with the parts, or -1 with *why set.
 */
int petr_parse_restriction(dyad_arena *a, const char *s, size_t n, const char **code, dyad_ymd *from, dyad_ymd *to,
			   const char **why)
{
	size_t i = 0, j;
	char d[40];
	size_t dn = 0;

	*from = *to = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	j = i;
	while (j < n && is_code_char((unsigned char)s[j]))
		j++;
	if (j == i) {
		*why = "expected a code inside [...]";
		return -1;
	}
	*code = petr_upper_dup(a, s + i, j - i);
	for (; j < n; j++)
		if (!isspace((unsigned char)s[j])) {
			if (dn + 1 >= sizeof d) {
				*why = "expected a date restriction <date, >date or date-date";
				return -1;
			}
			d[dn++] = s[j];
		}
	d[dn] = '\0';
	if (dn == 0)
		return 0;
	if (d[0] == '<' || d[0] == '>') {
		dyad_ymd v = parse_date(d + 1, dn - 1);
		if (v < 0) {
			*why = "expected a date as YYMMDD or YYYYMMDD after < or >";
			return -1;
		}
		if (d[0] == '<')
			*to = v;
		else
			*from = v;
		return 0;
	}
	{
		char *dash = strchr(d, '-');
		dyad_ymd f, t;
		if (dash == NULL || (f = parse_date(d, (size_t)(dash - d))) < 0 ||
		    (t = parse_date(dash + 1, strlen(dash + 1))) < 0) {
			*why = "expected a date restriction <date, >date or date-date (YYMMDD or YYYYMMDD)";
			return -1;
		}
		*from = f;
		*to = t;
	}
	return 0;
}

void petr_add_to_map(dyad_petrarch *p, wordmap *m, const char *first, void **next_field, void *item)
{
	void **slot = petr_wordmap_slot(m, first, 1);
	(void)p;
	*next_field = *slot;
	*slot = item;
}

/* The regular plural of a word: +S, Y → IES, SS → +ES. Owned by `a`. */
const char *petr_plural(dyad_arena *a, const char *w)
{
	size_t n = strlen(w);
	char *o = dyad_arena_alloc(a, n + 4);

	memcpy(o, w, n + 1);
	if (n > 1 && w[n - 1] == 'Y' && !strchr("AEIOU", w[n - 2]))
		strcpy(o + n - 1, "IES");
	else if (n > 1 && w[n - 1] == 'S' && w[n - 2] == 'S')
		strcpy(o + n, "ES");
	else
		strcpy(o + n, "S");
	return o;
}

phrase petr_with_last(dyad_arena *a, const phrase *ph, const char *last)
{
	phrase q;
	q.n = ph->n;
	q.loose = ph->loose; /* the plural keeps the singular's gaps */
	q.w = dyad_arena_alloc(a, q.n * sizeof *q.w);
	memcpy(q.w, ph->w, q.n * sizeof *q.w);
	q.w[q.n - 1] = last;
	return q;
}

/* Parse "[a]" or "[a:b]" inside s[o+1..c). */
int petr_parse_code_pair(dyad_arena *a, const char *s, size_t o, size_t c, const char **code, const char **code2)
{
	const char *in = s + o + 1, *colon;
	size_t n = c - o - 1;
	dyad_str t;

	colon = memchr(in, ':', n);
	*code2 = NULL;
	t = dyad_str_trim((dyad_str){ in, colon ? (size_t)(colon - in) : n });
	if ((t.n == 0 && !colon) || t.n > 63)
		return -1;
	*code = t.n ? petr_upper_dup(a, t.p, t.n) : "---"; /* "[:173]": only the event back */
	if (colon) {
		t = dyad_str_trim((dyad_str){ colon + 1, n - (size_t)(colon + 1 - in) });
		if (t.n == 0 || t.n > 63)
			return -1;
		*code2 = petr_upper_dup(a, t.p, t.n);
	}
	return 0;
}
