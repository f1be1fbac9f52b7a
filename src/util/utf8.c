/*
 * utf8.c — UTF-8 decoding, repair and NFC. The decoder follows the
 * well-formed byte sequences table of the Unicode standard (ch. 3, table 3-7):
 * no overlong forms, no surrogates, nothing past U+10FFFF.
 */
#include "dyad/utf8.h"

#include <stdlib.h>
#include <utf8proc.h>

size_t dyad_utf8_decode(const char *p, size_t n, uint32_t *cp, int *ok)
{
	const unsigned char *s = (const unsigned char *)p;
	unsigned c = s[0], lo = 0x80, hi = 0xbf;
	size_t need, i;
	uint32_t v;

	if (ok)
		*ok = 1;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		goto bad1;
	}
	for (i = 1; i <= need; i++) {
		unsigned b;

		if (i >= n)
			goto bad;
		b = s[i];
		if (b < lo || b > hi)
			goto bad;
		lo = 0x80;
		hi = 0xbf;
		v = (v << 6) | (b & 0x3f);
	}
	*cp = v;
	return need + 1;
bad:
	/* the valid prefix s[0..i) is the maximal subpart: one replacement for it */
	*cp = DYAD_REPLACEMENT;
	if (ok)
		*ok = 0;
	return i;
bad1:
	*cp = DYAD_REPLACEMENT;
	if (ok)
		*ok = 0;
	return 1;
}

size_t dyad_utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = DYAD_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

int dyad_utf8_valid(dyad_str s)
{
	size_t i = 0;

	while (i < s.n) {
		uint32_t cp;
		int ok;

		if ((unsigned char)s.p[i] < 0x80) {
			i++;
			continue;
		}
		i += dyad_utf8_decode(s.p + i, s.n - i, &cp, &ok);
		if (!ok)
			return 0;
	}
	return 1;
}

size_t dyad_utf8_count(dyad_str s)
{
	size_t i = 0, count = 0;

	while (i < s.n) {
		uint32_t cp;

		i += (unsigned char)s.p[i] < 0x80 ? 1 : dyad_utf8_decode(s.p + i, s.n - i, &cp, NULL);
		count++;
	}
	return count;
}

size_t dyad_utf8_repair(dyad_buf *out, dyad_str s)
{
	size_t i = 0, start = 0, bad = 0;

	dyad_buf_reserve(out, s.n);
	while (i < s.n) {
		unsigned char c = (unsigned char)s.p[i];
		uint32_t cp;
		int ok;
		size_t len;

		if (c >= 0x20 && c < 0x80) {
			i++;
			continue;
		}
		if (c == 0) {
			dyad_buf_put(out, s.p + start, i - start);
			start = ++i;
			continue;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		len = dyad_utf8_decode(s.p + i, s.n - i, &cp, &ok);
		if (!ok) {
			dyad_buf_put(out, s.p + start, i - start);
			dyad_buf_put(out, "\xef\xbf\xbd", 3);
			bad++;
			start = i + len;
		}
		i += len;
	}
	dyad_buf_put(out, s.p + start, s.n - start);
	return bad;
}

/* Code points whose presence can never change under NFC and that compose with nothing. */
static int nfc_inert(uint32_t cp)
{
	return cp < 0x300 || (cp >= 0x400 && cp <= 0x482) || (cp >= 0x48a && cp <= 0x52f) ||
	       (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205e) || cp == 0x20ac || cp == 0x20bd ||
	       cp == 0x20b8 || cp == 0x2116 || cp == 0x2122;
}

int dyad_utf8_is_nfc(dyad_str s)
{
	size_t i = 0;

	while (i < s.n) {
		uint32_t cp;

		if ((unsigned char)s.p[i] < 0x80) {
			i++;
			continue;
		}
		i += dyad_utf8_decode(s.p + i, s.n - i, &cp, NULL);
		if (!nfc_inert(cp))
			return 0;
	}
	return 1;
}

/* NFC of one piece, appended to out. */
static void nfc_piece(dyad_buf *out, dyad_str s)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;

	if (dyad_utf8_is_nfc(s)) {
		dyad_buf_putstr(out, s);
		return;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)s.p, (utf8proc_ssize_t)s.n, &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		/* utf8proc refuses only ill-formed input, which callers must have repaired */
		dyad_buf_putstr(out, s);
		return;
	}
	dyad_buf_put(out, dst, (size_t)n);
	free(dst);
}

/*
 * Pieces of about NFC_PIECE bytes, each cut just before an ASCII character:
 * an ASCII character is a starter that composes with nothing before it, so
 * normalising the pieces one by one gives what normalising the whole would,
 * while utf8proc's working buffers (several bytes per code point) stay small.
 */
#define NFC_PIECE (1u << 20)

void dyad_utf8_nfc(dyad_buf *out, dyad_str s)
{
	size_t at = 0;

	while (s.n - at > NFC_PIECE) {
		size_t cut = at + NFC_PIECE;
		while (cut < s.n && (unsigned char)s.p[cut] >= 0x80)
			cut++;
		nfc_piece(out, (dyad_str){ s.p + at, cut - at });
		at = cut;
	}
	nfc_piece(out, (dyad_str){ s.p + at, s.n - at });
}
