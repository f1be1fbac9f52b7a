/*
 * buf.c — growable byte buffers (dyad_buf) and the JSON string writer every
 * JSON Lines output of dyad goes through.
 */
#include "dyad/util.h"
#include "dyad/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dyad_buf_free(dyad_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

void dyad_buf_clear(dyad_buf *b)
{
	b->n = 0;
	if (b->p)
		b->p[0] = '\0';
}

void dyad_buf_reserve(dyad_buf *b, size_t extra)
{
	size_t need = b->n + extra + 1;
	size_t cap;

	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->p = dyad_xrealloc(b->p, cap);
	b->cap = cap;
}

void dyad_buf_put(dyad_buf *b, const void *p, size_t n)
{
	dyad_buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void dyad_buf_puts(dyad_buf *b, const char *s)
{
	dyad_buf_put(b, s, strlen(s));
}

void dyad_buf_putc(dyad_buf *b, char c)
{
	dyad_buf_put(b, &c, 1);
}

void dyad_buf_putstr(dyad_buf *b, dyad_str s)
{
	dyad_buf_put(b, s.p, s.n);
}

void dyad_buf_vprintf(dyad_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n <= 0)
		return;
	dyad_buf_reserve(b, (size_t)n);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	b->n += (size_t)n;
}

void dyad_buf_printf(dyad_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dyad_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void dyad_buf_json_str(dyad_buf *b, dyad_str s)
{
	dyad_buf_reserve(b, s.n + 2);
	dyad_buf_putc(b, '"');
	dyad_buf_json_chars(b, s);
	dyad_buf_putc(b, '"');
}

void dyad_buf_json_chars(dyad_buf *b, dyad_str s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0;

	while (i < s.n) {
		unsigned c = p[i];
		size_t len;

		if (c >= 0x80) {
			uint32_t cp;
			int ok;

			len = dyad_utf8_decode(s.p + i, s.n - i, &cp, &ok);
			if (ok)
				dyad_buf_put(b, p + i, len);
			else
				dyad_buf_puts(b, "\xef\xbf\xbd");
			i += len;
			continue;
		}
		switch (c) {
		case '"': dyad_buf_puts(b, "\\\""); break;
		case '\\': dyad_buf_puts(b, "\\\\"); break;
		case '\n': dyad_buf_puts(b, "\\n"); break;
		case '\r': dyad_buf_puts(b, "\\r"); break;
		case '\t': dyad_buf_puts(b, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				dyad_buf_printf(b, "\\u%04x", c);
			else
				dyad_buf_putc(b, (char)c);
		}
		i++;
	}
}

char *dyad_buf_detach(dyad_buf *b, size_t *len_out)
{
	char *p;

	if (b->p == NULL)
		dyad_buf_reserve(b, 0);
	p = b->p;
	if (len_out)
		*len_out = b->n;
	b->p = NULL;
	b->n = b->cap = 0;
	return p;
}
