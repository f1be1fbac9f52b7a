/*
 * hash.c — stable hashing, and maps from hashes to indexes. Document ids and
 * content hashes are stored in databases and compared across runs, so the
 * function never changes.
 */
#include "dyad/util.h"

#include <stdlib.h>
#include <string.h>

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

uint64_t dyad_hash_mem(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = seed ^ ((uint64_t)n * 0x9e3779b97f4a7c15ULL), w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 29;
	}
	if (n) {
		/* the last one to seven bytes: four, two and one at a time, each a plain load */
		unsigned shift = 0;
		w = 0;
		if (n & 4) {
			uint32_t x;
			memcpy(&x, s, 4);
			w = x;
			s += 4;
			shift = 32;
		}
		if (n & 2) {
			uint16_t x;
			memcpy(&x, s, 2);
			w |= (uint64_t)x << shift;
			s += 2;
			shift += 16;
		}
		if (n & 1)
			w |= (uint64_t)s[0] << shift;
		h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 29;
	}
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 32);
}

/* The slot holding `key`, or the empty slot where its chain ends. */
static struct dyad_keyslot *keyslot(const dyad_keymap *m, uint64_t key)
{
	size_t i;

	for (i = (size_t)key & (m->cap - 1); m->slots[i].key && m->slots[i].key != key; i = (i + 1) & (m->cap - 1))
		;
	return &m->slots[i];
}

/* The first empty slot on the way from key. */
static struct dyad_keyslot *empty_slot(const dyad_keymap *m, uint64_t key)
{
	size_t i;

	for (i = (size_t)key & (m->cap - 1); m->slots[i].key; i = (i + 1) & (m->cap - 1))
		;
	return &m->slots[i];
}

/* Room for one more entry: at most half the slots full. */
static void keymap_room(dyad_keymap *m)
{
	struct dyad_keyslot *old = m->slots;
	size_t oldcap = m->cap, k;

	if (2 * (m->n + 1) <= m->cap)
		return;
	m->cap = oldcap ? oldcap * 2 : 64;
	m->slots = dyad_xcalloc(m->cap, sizeof *m->slots);
	/* in slot order: the entries of one key keep their order along its chain */
	for (k = 0; k < oldcap; k++)
		if (old[k].key)
			*empty_slot(m, old[k].key) = old[k];
	free(old);
}

void dyad_keymap_add(dyad_keymap *m, uint64_t key, size_t val)
{
	keymap_room(m);
	*empty_slot(m, key ? key : 1) = (struct dyad_keyslot){ key ? key : 1, val };
	m->n++;
}

void dyad_keymap_set(dyad_keymap *m, uint64_t key, size_t val)
{
	struct dyad_keyslot *s;

	keymap_room(m);
	key = key ? key : 1;
	s = keyslot(m, key);
	if (!s->key) {
		s->key = key;
		m->n++;
	}
	s->val = val;
}

int dyad_keymap_next(const dyad_keymap *m, uint64_t key, size_t *at, size_t *val)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	key = key ? key : 1;
	/* *at counts the slots walked along the chain so far */
	for (i = ((size_t)key + *at) & (m->cap - 1); m->slots[i].key && *at < m->cap; i = (i + 1) & (m->cap - 1)) {
		++*at;
		if (m->slots[i].key == key) {
			*val = m->slots[i].val;
			return 1;
		}
	}
	return 0;
}

void dyad_keymap_free(dyad_keymap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->n = m->cap = 0;
}
