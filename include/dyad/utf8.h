/*
 * utf8.h — UTF-8 decoding, repair and NFC normalisation. Everything dyad reads
 * passes through dyad_utf8_repair() once, so the stages after it may assume
 * well-formed UTF-8.
 */
#ifndef DYAD_UTF8_H
#define DYAD_UTF8_H

#include "dyad/util.h"

#define DYAD_REPLACEMENT 0xfffdu

/**
 * Decode the code point at p[0..n) (n > 0) into *cp and return the bytes it
 * takes. An ill-formed sequence yields U+FFFD and consumes its maximal subpart
 * (Unicode's recommended practice: a truncated sequence is one U+FFFD, a stray
 * byte is one U+FFFD), so decoding always advances and never reads past n.
 * *ok is set to 0 for an ill-formed sequence, 1 otherwise (may be NULL).
 */
size_t dyad_utf8_decode(const char *p, size_t n, uint32_t *cp, int *ok);

/**
 * dyad_utf8_decode without *ok, inline for one byte and for two (Latin-1, Cyrillic): for the
 * loops that read every code point of a text.
 */
static inline size_t dyad_utf8_next(const char *p, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)p;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf && n > 1 && (s[1] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
		return 2;
	}
	return dyad_utf8_decode(p, n, cp, NULL);
}

/** Encode `cp` into out (4 bytes room); returns the length. Invalid code points give U+FFFD. */
size_t dyad_utf8_encode(uint32_t cp, char out[4]);

/** 1 if `s` is well-formed UTF-8. */
int dyad_utf8_valid(dyad_str s);

/** Number of code points in well-formed `s` (ill-formed sequences count as one each). */
size_t dyad_utf8_count(dyad_str s);

/**
 * Append `s` to `out`, replacing each ill-formed sequence by U+FFFD and
 * dropping NUL bytes. Returns the number of sequences replaced.
 */
size_t dyad_utf8_repair(dyad_buf *out, dyad_str s);

/**
 * Append the NFC normalisation of well-formed `s` to `out` (through utf8proc;
 * text that is certainly NFC already — ASCII, Latin-1, plain Cyrillic, common
 * punctuation — is copied without the round trip).
 */
void dyad_utf8_nfc(dyad_buf *out, dyad_str s);

/** 1 if well-formed `s` is certainly NFC already (every code point one that NFC never changes), so no copy is needed. */
int dyad_utf8_is_nfc(dyad_str s);

#endif
