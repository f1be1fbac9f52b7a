/*
 * hash.c — stable hashing. Document ids and content hashes are stored in
 * databases and compared across runs, so the function never changes.
 */
#include "dyad/util.h"

uint64_t dyad_hash64(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = seed;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	/* A final avalanche (splitmix64's) so close inputs land far apart. */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h;
}
