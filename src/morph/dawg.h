/*
 * dawg.h — a reader for dawgdic's DAWG files as az and pymorphy2 write them:
 * a uint32 unit count, the units (32-bit: label, has-leaf, offset), a uint32
 * guide count and the guide (child and sibling label per unit, used to list
 * completions in order). Keys are CP1251 bytes. Read in place from a mapped
 * file; every index is checked against the counts, so a damaged file gives
 * "not found", never a read outside it.
 */
#ifndef DYAD_MORPH_DAWG_H
#define DYAD_MORPH_DAWG_H

#include <stddef.h>
#include <stdint.h>

#include "dyad/util.h"

#define MORPH_DAWG_MISSING UINT32_MAX

typedef struct {
	const uint32_t *units; /* little-endian on disk; dyad builds only on little-endian hosts */
	uint32_t nunits;
	const uint8_t *guide; /* 2 bytes per unit: first child's label, next sibling's label */
	uint32_t nguide;
} morph_dawg;

/**
 * Take `n` bytes at `p` (a mapped file named `name`) as a DAWG. Checks the
 * header counts against the size and the root; returns 0, or DYAD_EINPUT with
 * a message naming `name`. `d` points into `p`, which must outlive it.
 */
int morph_dawg_init(morph_dawg *d, const void *p, size_t n, const char *name, dyad_errbuf *e);

/** The unit reached from `index` by byte `c`, or MORPH_DAWG_MISSING. */
uint32_t morph_dawg_follow(const morph_dawg *d, uint8_t c, uint32_t index);

/** 1 if a key ends at `index`; its value (31 bits) in *value. 0 otherwise. */
int morph_dawg_value(const morph_dawg *d, uint32_t index, uint32_t *value);

/*
 * Completions below `index` in the guide's (byte) order, each exactly `len`
 * bytes long (a payload of fixed size: keys of another length mean a damaged
 * file and end the listing). Calls `fn` for each until it returns nonzero.
 * At most `limit` completions are listed. Returns the number listed.
 */
typedef int (*morph_dawg_fn)(void *ctx, const uint8_t *key, size_t len);
size_t morph_dawg_complete(const morph_dawg *d, uint32_t index, size_t len, size_t limit, morph_dawg_fn fn, void *ctx);

#endif
