/*
 * dawg.c — dawgdic's DAWG read in place (see dawg.h): lookup by bytes, the
 * value at a key's end and the completions below a node in byte order, as
 * az's DAWG.followByte, value and iterateAll do, with every index checked.
 */
#include "morph/dawg.h"

#include <string.h>

#define HAS_LEAF_BIT (UINT32_C(1) << 8)
#define EXTENSION_BIT (UINT32_C(1) << 9)
#define IS_LEAF_BIT (UINT32_C(1) << 31)

/* Deepest completion listed: payloads are a few bytes; a longer path means damage. */
#define MAX_DEPTH 16

static uint32_t unit_offset(uint32_t base)
{
	return (base >> 10) << ((base & EXTENSION_BIT) >> 6);
}

int morph_dawg_init(morph_dawg *d, const void *p, size_t n, const char *name, dyad_errbuf *e)
{
	const uint8_t *b = p;
	uint32_t nunits, nguide;

	memset(d, 0, sizeof *d);
	if (n < 8 || ((uintptr_t)b & 3u) != 0)
		return dyad_errf(e, DYAD_EINPUT, "%s: too short for a DAWG (%zu bytes)", name, n);
	memcpy(&nunits, b, 4);
	if (nunits == 0 || (uint64_t)nunits * 4 + 8 > n)
		return dyad_errf(e, DYAD_EINPUT, "%s: truncated: %u units do not fit in %zu bytes", name, nunits, n);
	memcpy(&nguide, b + 4 + (size_t)nunits * 4, 4);
	if (nguide != nunits || (uint64_t)nunits * 4 + 8 + (uint64_t)nguide * 2 != n)
		return dyad_errf(e, DYAD_EINPUT,
				 "%s: not a DAWG of the expected layout (%u units, %u guide entries, %zu bytes)", name,
				 nunits, nguide, n);
	d->units = (const uint32_t *)(const void *)(b + 4);
	d->nunits = nunits;
	d->guide = b + 8 + (size_t)nunits * 4;
	d->nguide = nguide;
	return 0;
}

uint32_t morph_dawg_follow(const morph_dawg *d, uint8_t c, uint32_t index)
{
	uint32_t next;

	if (index >= d->nunits)
		return MORPH_DAWG_MISSING;
	next = index ^ unit_offset(d->units[index]) ^ c;
	if (next >= d->nunits || (d->units[next] & (IS_LEAF_BIT | 0xffu)) != c)
		return MORPH_DAWG_MISSING;
	return next;
}

int morph_dawg_value(const morph_dawg *d, uint32_t index, uint32_t *value)
{
	uint32_t vi;

	if (index >= d->nunits || !(d->units[index] & HAS_LEAF_BIT))
		return 0;
	vi = index ^ unit_offset(d->units[index]);
	if (vi >= d->nunits)
		return 0;
	*value = d->units[vi] & ~IS_LEAF_BIT;
	return 1;
}

static int has_leaf(const morph_dawg *d, uint32_t index)
{
	return index < d->nunits && (d->units[index] & HAS_LEAF_BIT) != 0;
}

static uint8_t child_label(const morph_dawg *d, uint32_t index)
{
	return index < d->nguide ? d->guide[(size_t)index * 2] : 0;
}

static uint8_t sibling_label(const morph_dawg *d, uint32_t index)
{
	return index < d->nguide ? d->guide[(size_t)index * 2 + 1] : 0;
}

/*
 * dawgdic's Completer: depth first, children in the guide's order. Siblings
 * must come in rising label order and paths stay under MAX_DEPTH, which bounds
 * the walk on a damaged guide.
 */
size_t morph_dawg_complete(const morph_dawg *d, uint32_t index, size_t len, size_t limit, morph_dawg_fn fn, void *ctx)
{
	uint32_t stack[MAX_DEPTH + 1];
	uint8_t key[MAX_DEPTH];
	size_t depth = 0, count = 0; /* key length; the stack holds depth + 1 nodes */
	int first = 1;

	if (len > MAX_DEPTH || index >= d->nunits)
		return 0;
	stack[0] = index;
	for (;;) {
		index = stack[depth];
		if (!first) {
			uint8_t label = child_label(d, index);
			if (label) {
				if (depth >= len || (index = morph_dawg_follow(d, label, index)) == MORPH_DAWG_MISSING)
					return count;
				key[depth++] = label;
				stack[depth] = index;
			} else {
				for (;;) {
					uint8_t prev, sib;
					if (depth == 0)
						return count;
					sib = sibling_label(d, stack[depth]);
					prev = key[depth - 1];
					depth--;
					if (sib) {
						if (sib <= prev || (index = morph_dawg_follow(d, sib, stack[depth])) ==
									   MORPH_DAWG_MISSING)
							return count;
						key[depth++] = sib;
						stack[depth] = index;
						break;
					}
				}
			}
		}
		first = 0;
		while (!has_leaf(d, index)) {
			uint8_t label = child_label(d, index);
			if (depth >= len || (index = morph_dawg_follow(d, label, index)) == MORPH_DAWG_MISSING)
				return count;
			key[depth++] = label;
			stack[depth] = index;
		}
		if (depth != len)
			return count;
		count++;
		if (fn(ctx, key, len) || count >= limit)
			return count;
	}
}
