/*
 * fold.c — the matching form: the text as dyad compares it (case folded,
 * ё→е, one kind of quote, dash and space, invisible characters gone), with a
 * map from each folded byte back to the source, so what is found in the
 * folded view is shown with the page's own characters.
 */
#include "dyad/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dyad/utf8.h"

/* What one code point becomes in the matching form: 0 to drop it, else the code point to write. */
static uint32_t fold_cp(uint32_t cp)
{
	switch (cp) {
	case 0x00AD:
	case 0x200B:
	case 0x200C:
	case 0x200D:
	case 0x2060:
	case 0xFEFF: return 0;
	case 0x0401:
	case 0x0451: /* Ё ё */ return 0x0435;
	case 0x00AB:
	case 0x00BB:
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0x2039:
	case 0x203A:
	case 0x0022: return '"';
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B:
	case 0x02BC: return '\'';
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212:
	case 0xFE58:
	case 0xFE63:
	case 0xFF0D: return '-';
	case 0x00A0:
	case 0x2007:
	case 0x202F:
	case 0x205F:
	case 0x3000:
	case '\t':
	case '\r': return ' ';
	}
	if (cp >= 0x2000 && cp <= 0x200A)
		return ' ';
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp == 0x0130 || cp == 0x0131) /* Turkish İ ı */
		return 'i';
	if ((cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x1E00 && cp <= 0x1EFF)) {
		/* a Latin letter without its marks: Erdoğan, Çavuşoğlu, Mevlüt match Erdogan, Cavusoglu,
		   Mevlut. Cyrillic keeps its й: only the Latin blocks are stripped. */
		utf8proc_int32_t parts[4];
		int last = 0;
		utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, parts, 4, UTF8PROC_DECOMPOSE, &last);
		if (n >= 1 && parts[0] < 0x80)
			cp = (uint32_t)parts[0];
	}
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

/* dyad_buf_put of the bytes of one code point, without the call while they fit */
static inline void put_cp(dyad_buf *b, const char *enc, size_t n)
{
	if (b->n + n + 1 <= b->cap) {
		memcpy(b->p + b->n, enc, n);
		b->n += n;
		b->p[b->n] = '\0';
	} else {
		dyad_buf_put(b, enc, n);
	}
}

/* Fold s into b; when map is not NULL, record the source offset of each output byte. */
static void fold_into(dyad_buf *b, dyad_str s, size_t **map, size_t *mapcap)
{
	size_t i = 0;

	while (i < s.n) {
		uint32_t cp;
		size_t k;
		unsigned char c = (unsigned char)s.p[i];

		if (c < 0x80) {
			/* the common case, a byte at a time */
			uint32_t f = fold_cp(c);
			k = 1;
			cp = f;
		} else {
			k = dyad_utf8_next(s.p + i, s.n - i, &cp);
			if (cp >= 0x410 && cp <= 0x44f) /* А..я, the other common case: the capitals (to U+042F) */
				cp = cp < 0x430 ? cp + 0x20 : cp; /* to their small letters, as fold_cp does */
			else
				cp = fold_cp(cp);
		}
		if (cp) {
			char enc[4];
			size_t n, j;
			if (cp < 0x80) {
				enc[0] = (char)cp;
				n = 1;
			} else {
				n = dyad_utf8_encode(cp, enc);
			}
			if (map) {
				if (b->n + n + 1 > *mapcap) {
					*mapcap = (b->n + n + 1) * 2;
					*map = dyad_xrealloc(*map, *mapcap * sizeof **map);
				}
				for (j = 0; j < n; j++)       /* *map is NULL only while *mapcap is 0: grown above */
					(*map)[b->n + j] = i; // NOLINT(clang-analyzer-core.NullDereference)
			}
			put_cp(b, enc, n);
		}
		i += k;
	}
}

void dyad_fold_buf(dyad_buf *b, dyad_str s)
{
	fold_into(b, s, NULL, NULL);
}

void dyad_fold(dyad_arena *a, dyad_str s, dyad_folded *out)
{
	dyad_buf b = DYAD_BUF_INIT;
	size_t *map = NULL, cap = 0;

	fold_into(&b, s, &map, &cap);
	out->n = b.n;
	out->p = dyad_arena_strndup(a, b.p ? b.p : "", b.n);
	out->map = DYAD_ARENA_NEW(a, size_t, b.n + 1);
	if (b.n)
		memcpy(out->map, map, b.n * sizeof *map);
	out->map[b.n] = s.n;
	free(map);
	dyad_buf_free(&b);
}
