/*
 * dict.c — the line parser for dyad's block dictionaries (docs/dictionaries.md).
 * One pass, no allocation: each line is handed to the stage's callback, which
 * knows what the fields mean. A bad line is reported and skipped, never fatal.
 */
#include "dyad/dict.h"

#include <stdio.h>
#include <string.h>

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

dyad_ymd dyad_ymd_parse(dyad_str s)
{
	int y = 0, m = 0, d = 0;
	size_t i;

	s = dyad_str_trim(s);
	if (s.n != 4 && s.n != 7 && s.n != 10)
		return -1;
	for (i = 0; i < s.n; i++) {
		if (i == 4 || i == 7) {
			if (s.p[i] != '-')
				return -1;
		} else if (!is_digit(s.p[i])) {
			return -1;
		}
	}
	y = (s.p[0] - '0') * 1000 + (s.p[1] - '0') * 100 + (s.p[2] - '0') * 10 + (s.p[3] - '0');
	if (s.n >= 7)
		m = (s.p[5] - '0') * 10 + (s.p[6] - '0');
	if (s.n == 10)
		d = (s.p[8] - '0') * 10 + (s.p[9] - '0');
	if (y < 1000 || (s.n >= 7 && (m < 1 || m > 12)) || (s.n == 10 && (d < 1 || d > days_in_month(y, m))))
		return -1;
	return y * 10000 + m * 100 + d;
}

/* The last day a bound covers: a partial bound covers its whole month or year (2019: 20191299). */
static dyad_ymd ymd_last(dyad_ymd to)
{
	if (to % 100 != 0)
		return to;
	return to % 10000 == 0 ? to + 1299 : to + 99;
}

int dyad_ymd_within(dyad_ymd d, dyad_ymd from, dyad_ymd to)
{
	if (from && d < from)
		return 0;
	if (to && d > ymd_last(to))
		return 0;
	return 1;
}

/* Split off a trailing "[FROM..TO]" from a value. Returns -1 if the range is malformed. */
static int parse_range(dyad_dict_value *v)
{
	dyad_str s = v->text;
	const char *open, *dots;
	dyad_str from, to;

	v->from = v->to = 0;
	if (s.n == 0 || s.p[s.n - 1] != ']')
		return 0;
	open = NULL;
	for (size_t i = s.n; i-- > 0;)
		if (s.p[i] == '[') {
			open = s.p + i;
			break;
		}
	if (open == NULL)
		return -1;
	/* the value is a slice, not a C string: look for ".." inside it only */
	dots = NULL;
	for (const char *q = open; q + 1 < s.p + s.n; q++)
		if (q[0] == '.' && q[1] == '.') {
			dots = q;
			break;
		}
	if (dots == NULL)
		return -1;
	from = (dyad_str){ open + 1, (size_t)(dots - open - 1) };
	to = (dyad_str){ dots + 2, (size_t)(s.p + s.n - 1 - (dots + 2)) };
	from = dyad_str_trim(from);
	to = dyad_str_trim(to);
	if (from.n && (v->from = dyad_ymd_parse(from)) < 0)
		return -1;
	if (to.n && (v->to = dyad_ymd_parse(to)) < 0)
		return -1;
	/* "[2018-05-08..2018]" ends with the year it names, so it is a range, not an inverted one */
	if (v->from && v->to && v->from > ymd_last(v->to))
		return -1;
	v->text = dyad_str_trim((dyad_str){ s.p, (size_t)(open - s.p) });
	return 0;
}

/* Split "a | b | c" into trimmed values. Returns -1 on too many values or a bad range. */
static int split_values(dyad_str s, dyad_dict_line *l, const char **why)
{
	size_t start = 0, i;

	l->nvalues = 0;
	for (i = 0; i <= s.n; i++) {
		if (i < s.n && s.p[i] != '|')
			continue;
		if (l->nvalues == DYAD_DICT_MAX_VALUES) {
			*why = "too many values (at most 128 on a line)";
			return -1;
		}
		l->values[l->nvalues].text = dyad_str_trim((dyad_str){ s.p + start, i - start });
		if (parse_range(&l->values[l->nvalues]) < 0) {
			*why = "a malformed date range (expected [YYYY-MM-DD..YYYY-MM-DD], either side may be empty)";
			return -1;
		}
		if (l->values[l->nvalues].text.n == 0) {
			*why = "an empty value (two '|' in a row, or one at an end)";
			return -1;
		}
		l->nvalues++;
		start = i + 1;
	}
	return 0;
}

static void report(dyad_dict_warn_fn warn, void *ctx, const char *file, size_t line, const char *why)
{
	char msg[640];

	snprintf(msg, sizeof msg, "%s:%zu: %s", file, line, why);
	if (warn)
		warn(ctx, msg);
}

size_t dyad_dict_parse(dyad_str text, const char *file, dyad_dict_fn fn, dyad_dict_warn_fn warn, void *ctx)
{
	dyad_dict_line l;
	size_t pos = 0, bad = 0;
	int in_block = 0, block_ok = 0;

	memset(&l, 0, sizeof l);
	l.file = file;
	while (pos < text.n) {
		const char *nl = memchr(text.p + pos, '\n', text.n - pos);
		size_t end = nl ? (size_t)(nl - text.p) : text.n;
		dyad_str line = { text.p + pos, end - pos };
		const char *why = NULL;
		dyad_errbuf e;
		size_t i;

		pos = end + 1;
		l.line++;
		/* strip a comment: '#' at the start or after white space */
		for (i = 0; i < line.n; i++)
			if (line.p[i] == '#' && (i == 0 || line.p[i - 1] == ' ' || line.p[i - 1] == '\t')) {
				line.n = i;
				break;
			}
		line = dyad_str_trim(line);
		if (line.n == 0)
			continue;
		if (line.p[0] == '@') {
			for (i = 1; i < line.n && line.p[i] != ' ' && line.p[i] != '\t'; i++)
				;
			l.kind = (dyad_str){ line.p + 1, i - 1 };
			l.key = dyad_str_trim((dyad_str){ line.p + i, line.n - i });
			l.field = (dyad_str){ "", 0 };
			l.nvalues = 0;
			in_block = 1;
			block_ok = 0;
			if (l.kind.n == 0 || l.key.n == 0) {
				why = "expected '@KIND KEY' to open a block";
			} else {
				e.msg[0] = '\0';
				if (fn(ctx, &l, &e) < 0)
					why = e.msg;
				else
					block_ok = 1;
			}
		} else if (!in_block) {
			why = "a field outside any block (expected '@KIND KEY' first)";
		} else if (!block_ok) {
			continue; /* the block's opening line was bad and already reported */
		} else {
			for (i = 0; i < line.n && line.p[i] != ' ' && line.p[i] != '\t'; i++)
				;
			l.field = (dyad_str){ line.p, i };
			if (i == line.n) {
				why = "a field without a value (expected 'field  value | value')";
			} else if (split_values(dyad_str_trim((dyad_str){ line.p + i, line.n - i }), &l, &why) == 0) {
				e.msg[0] = '\0';
				if (fn(ctx, &l, &e) < 0)
					why = e.msg;
			}
		}
		if (why) {
			report(warn, ctx, file, l.line, why);
			bad++;
		}
	}
	return bad;
}

void dyad_ymd_format(dyad_ymd d, char out[11])
{
	if (d <= 0 || d > 99991231)
		out[0] = '\0';
	else
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(d / 10000) % 10000u, (unsigned)(d / 100 % 100) % 100u,
			 (unsigned)(d % 100) % 100u);
}
