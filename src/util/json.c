/*
 * json.c — a strict JSON reader (RFC 8259) into an arena tree. Nesting is
 * bounded, strings are unescaped and checked to be UTF-8, and every error
 * says where it is ("line 3, column 17: expected ':'").
 */
#include "dyad/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/utf8.h"

#define JSON_MAX_DEPTH 256

typedef struct {
	const char *p, *end, *start;
	dyad_arena *a;
	dyad_errbuf *e;
	int depth;
} parser;

static int fail(parser *x, const char *what)
{
	size_t line = 1, col = 1;
	const char *q;

	for (q = x->start; q < x->p && q < x->end; q++) {
		if (*q == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)*q & 0xC0) != 0x80) {
			col++;
		}
	}
	return dyad_errf(x->e, DYAD_EINPUT, "line %zu, column %zu: %s", line, col, what);
}

static void skip_ws(parser *x)
{
	while (x->p < x->end && (*x->p == ' ' || *x->p == '\t' || *x->p == '\n' || *x->p == '\r'))
		x->p++;
}

static int hex4(const char *p, uint32_t *out)
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* A string at x->p (the opening quote); its unescaped text goes to *out. */
static int string(parser *x, dyad_str *out)
{
	dyad_buf b = DYAD_BUF_INIT;
	int rc = 0;

	x->p++;
	for (;;) {
		unsigned char c;
		if (x->p >= x->end) {
			rc = fail(x, "unterminated string");
			goto done;
		}
		c = (unsigned char)*x->p;
		if (c == '"') {
			x->p++;
			break;
		}
		if (c < 0x20) {
			rc = fail(x, "control character in a string (escape it)");
			goto done;
		}
		if (c == '\\') {
			uint32_t cp;
			char enc[4];
			if (x->p + 1 >= x->end) {
				rc = fail(x, "unterminated escape");
				goto done;
			}
			switch (x->p[1]) {
			case '"': dyad_buf_putc(&b, '"'); break;
			case '\\': dyad_buf_putc(&b, '\\'); break;
			case '/': dyad_buf_putc(&b, '/'); break;
			case 'b': dyad_buf_putc(&b, '\b'); break;
			case 'f': dyad_buf_putc(&b, '\f'); break;
			case 'n': dyad_buf_putc(&b, '\n'); break;
			case 'r': dyad_buf_putc(&b, '\r'); break;
			case 't': dyad_buf_putc(&b, '\t'); break;
			case 'u':
				if (x->end - x->p < 6 || hex4(x->p + 2, &cp) < 0) {
					rc = fail(x, "expected four hex digits after \\u");
					goto done;
				}
				if (cp >= 0xD800 && cp <= 0xDBFF) {
					uint32_t lo;
					if (x->end - x->p < 12 || x->p[6] != '\\' || x->p[7] != 'u' ||
					    hex4(x->p + 8, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF) {
						rc = fail(x, "a high surrogate without its low surrogate");
						goto done;
					}
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					x->p += 6;
				} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
					rc = fail(x, "a lone low surrogate");
					goto done;
				}
				if (cp == 0) {
					rc = fail(x, "\\u0000 in a string");
					goto done;
				}
				dyad_buf_put(&b, enc, dyad_utf8_encode(cp, enc));
				x->p += 4;
				break;
			default: rc = fail(x, "unknown escape"); goto done;
			}
			x->p += 2;
			continue;
		}
		if (c < 0x80) {
			dyad_buf_putc(&b, (char)c);
			x->p++;
		} else {
			int ok;
			uint32_t cp;
			size_t k = dyad_utf8_decode(x->p, (size_t)(x->end - x->p), &cp, &ok);
			if (!ok) {
				rc = fail(x, "invalid UTF-8 in a string");
				goto done;
			}
			dyad_buf_put(&b, x->p, k);
			x->p += k;
		}
	}
	out->p = dyad_arena_strndup(x->a, b.p ? b.p : "", b.n);
	out->n = b.n;
done:
	dyad_buf_free(&b);
	return rc;
}

static int number(parser *x, dyad_json *v)
{
	const char *s = x->p;
	char tmp[64];
	size_t n;

	if (x->p < x->end && *x->p == '-')
		x->p++;
	if (x->p >= x->end || !(*x->p >= '0' && *x->p <= '9'))
		return fail(x, "expected a digit");
	if (*x->p == '0')
		x->p++;
	else
		while (x->p < x->end && *x->p >= '0' && *x->p <= '9')
			x->p++;
	if (x->p < x->end && *x->p == '.') {
		x->p++;
		if (x->p >= x->end || !(*x->p >= '0' && *x->p <= '9'))
			return fail(x, "expected a digit after '.'");
		while (x->p < x->end && *x->p >= '0' && *x->p <= '9')
			x->p++;
	}
	if (x->p < x->end && (*x->p == 'e' || *x->p == 'E')) {
		x->p++;
		if (x->p < x->end && (*x->p == '+' || *x->p == '-'))
			x->p++;
		if (x->p >= x->end || !(*x->p >= '0' && *x->p <= '9'))
			return fail(x, "expected a digit in the exponent");
		while (x->p < x->end && *x->p >= '0' && *x->p <= '9')
			x->p++;
	}
	n = (size_t)(x->p - s);
	v->type = DYAD_JSON_NUMBER;
	v->str.p = dyad_arena_strndup(x->a, s, n);
	v->str.n = n;
	snprintf(tmp, sizeof tmp, "%.*s", (int)(n < sizeof tmp - 1 ? n : sizeof tmp - 1), s);
	v->num = strtod(tmp, NULL);
	return 0;
}

static int literal(parser *x, const char *word, dyad_json_type t, dyad_json *v)
{
	size_t n = strlen(word);

	if ((size_t)(x->end - x->p) < n || memcmp(x->p, word, n) != 0)
		return fail(x, "expected a value");
	x->p += n;
	v->type = t;
	return 0;
}

static int value(parser *x, dyad_json *v);

static int container(parser *x, dyad_json *v, int object)
{
	dyad_json *last = NULL;
	char close = object ? '}' : ']';

	if (++x->depth > JSON_MAX_DEPTH)
		return fail(x, "nested deeper than 256 levels");
	v->type = object ? DYAD_JSON_OBJECT : DYAD_JSON_ARRAY;
	x->p++;
	skip_ws(x);
	if (x->p < x->end && *x->p == close) {
		x->p++;
		x->depth--;
		return 0;
	}
	for (;;) {
		dyad_json *c = DYAD_ARENA_NEW(x->a, dyad_json, 1);
		int rc;

		skip_ws(x);
		if (object) {
			if (x->p >= x->end || *x->p != '"')
				return fail(x, "expected a member name in quotes");
			if ((rc = string(x, &c->key)) < 0)
				return rc;
			skip_ws(x);
			if (x->p >= x->end || *x->p != ':')
				return fail(x, "expected ':'");
			x->p++;
			skip_ws(x);
		}
		if ((rc = value(x, c)) < 0)
			return rc;
		if (last)
			last->next = c;
		else
			v->child = c;
		last = c;
		v->count++;
		skip_ws(x);
		if (x->p < x->end && *x->p == ',') {
			x->p++;
			continue;
		}
		if (x->p < x->end && *x->p == close) {
			x->p++;
			x->depth--;
			return 0;
		}
		return fail(x, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int value(parser *x, dyad_json *v)
{
	skip_ws(x);
	if (x->p >= x->end)
		return fail(x, "expected a value, found the end");
	switch (*x->p) {
	case '{': return container(x, v, 1);
	case '[': return container(x, v, 0);
	case '"': v->type = DYAD_JSON_STRING; return string(x, &v->str);
	case 't': return literal(x, "true", DYAD_JSON_TRUE, v);
	case 'f': return literal(x, "false", DYAD_JSON_FALSE, v);
	case 'n': return literal(x, "null", DYAD_JSON_NULL, v);
	default: return number(x, v);
	}
}

int dyad_json_parse(dyad_arena *a, dyad_str text, dyad_json **out, dyad_errbuf *e)
{
	parser x;
	dyad_json *v = DYAD_ARENA_NEW(a, dyad_json, 1);
	int rc;

	x.p = x.start = text.p;
	x.end = text.p + text.n;
	x.a = a;
	x.e = e;
	x.depth = 0;
	*out = NULL;
	/* a byte order mark is tolerated at the start */
	if (text.n >= 3 && memcmp(text.p, "\xEF\xBB\xBF", 3) == 0)
		x.p += 3;
	if ((rc = value(&x, v)) < 0)
		return rc;
	skip_ws(&x);
	if (x.p != x.end)
		return fail(&x, "unexpected text after the value");
	*out = v;
	return 0;
}

const dyad_json *dyad_json_get(const dyad_json *obj, const char *key)
{
	const dyad_json *c, *found = NULL;

	if (obj == NULL || obj->type != DYAD_JSON_OBJECT)
		return NULL;
	for (c = obj->child; c; c = c->next)
		if (dyad_str_eq_c(c->key, key))
			found = c;
	return found;
}

dyad_str dyad_json_get_str(const dyad_json *obj, const char *key)
{
	const dyad_json *v = dyad_json_get(obj, key);

	if (v == NULL || v->type != DYAD_JSON_STRING)
		return (dyad_str){ NULL, 0 };
	return v->str;
}
