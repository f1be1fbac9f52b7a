/*
 * plover_map.h — the public CAMEO→PLOVER table (data/codebook/cameo2plover.tsv):
 * each CAMEO code's PLOVER event category, mode and context, for PLOVER
 * exports. dyad's own PLOVER `type` (cameo.tsv) is another table.
 */
#ifndef DYAD_CLI_PLOVER_MAP_H
#define DYAD_CLI_PLOVER_MAP_H

#include "dyad/util.h"

typedef struct {
	char code[8];
	char event[16];
	char mode[32];
	char context[48];
} dyad_plover_row;

typedef struct {
	dyad_plover_row *rows;
	size_t n;
} dyad_plover_map;

/** Load `path`; malformed rows are reported through `warn` ("file:line: ...") and skipped. <0 with `e`. */
int dyad_plover_map_load(dyad_plover_map *m, const char *path, void (*warn)(void *ctx, const char *msg), void *ctx,
			 dyad_errbuf *e);
void dyad_plover_map_free(dyad_plover_map *m);

/**
 * The row for `code`: the code itself, else the nearest shorter code the
 * table lists (0213 → 021 → 02). NULL when none.
 */
const dyad_plover_row *dyad_plover_map_find(const dyad_plover_map *m, const char *code);

#endif
