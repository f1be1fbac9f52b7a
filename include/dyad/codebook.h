/*
 * codebook.h — what an event code means: the CAMEO codes with their names,
 * Goldstein scores, QuadClass and PLOVER type (data/codebook/cameo.tsv), and
 * the PLOVER types (data/codebook/plover.tsv). docs/codebook.md explains the
 * choices where dyad's rules differ from the public CAMEO→PLOVER table.
 */
#ifndef DYAD_CODEBOOK_H
#define DYAD_CODEBOOK_H

#include "dyad/util.h"

typedef struct {
	const char *code; /**< "042", "0874" */
	const char *root; /**< "04" */
	const char *name; /**< CAMEO's name in English */
	const char *name_ru;
	double goldstein;
	int quad;                /**< 1 verbal cooperation .. 4 material conflict */
	const char *plover;      /**< PLOVER type, or "" for codes dyad never codes (01x statements) */
	const char *plover_mode; /**< "" when none */
} dyad_cameo;

typedef struct {
	const char *type; /**< "CONSULT" */
	int quad;
	const char *definition;
	const char *name_ru;
} dyad_plover;

typedef struct dyad_codebook dyad_codebook;

/**
 * Load DIR/cameo.tsv and DIR/plover.tsv. Malformed rows are reported through
 * `warn` as "file:line: what was expected" and skipped. NULL with a message
 * in `e` when a file cannot be read.
 */
dyad_codebook *dyad_codebook_load(const char *dir, void (*warn)(void *ctx, const char *msg), void *ctx, dyad_errbuf *e);
void dyad_codebook_free(dyad_codebook *cb);

/** The code's record, or NULL for a code the codebook lacks. */
const dyad_cameo *dyad_codebook_lookup(const dyad_codebook *cb, const char *code);
/** The type's record ("CONSULT"), or NULL. */
const dyad_plover *dyad_codebook_plover(const dyad_codebook *cb, const char *type);
/** All codes in order, for listings: *n gets the count. */
const dyad_cameo *dyad_codebook_all(const dyad_codebook *cb, size_t *n);

#endif
