/*
 * events_out.h — writing a document's events the ways users want them: dyad's
 * JSON Lines, the GDELT 2.0 event table, PLOVER JSON Lines and CSV. Shared by
 * `dyad code` and `dyad explain`.
 */
#ifndef DYAD_CLI_EVENTS_OUT_H
#define DYAD_CLI_EVENTS_OUT_H

#include "dyad/codebook.h"
#include "pipeline.h"
#include "plover_map.h"

enum { DYAD_EVENTS_JSON = 0, DYAD_EVENTS_GDELT, DYAD_EVENTS_PLOVER, DYAD_EVENTS_CSV };

/** "json", "gdelt", "plover", "csv" → DYAD_EVENTS_*; -1 for anything else. */
int dyad_events_format_parse(const char *name);

typedef struct {
	dyad_buf buf; /* what to print for the current document */
	int format;
	const dyad_lexicon *lexicon; /* the pipeline's */
	dyad_places *places;
	const dyad_morph *morph; /* the pipeline's, else own_morph, else NULL */
	dyad_morph *own_morph;
	dyad_arena *arena; /* names made for the current document */
	dyad_codebook *codebook;
	dyad_plover_map plover; /* the public CAMEO→PLOVER table, for PLOVER output */
	int names_ru;           /* name sides in Russian (Cyrillic names), else English */
} dyad_events_out;

/**
 * Load the codebook (DATADIR/codebook), and for PLOVER its cameo2plover.tsv;
 * for CSV print the header line. The pipeline's morphology gives Russian names
 * outside the lexicon their dictionary form; one is opened here when p has
 * none (and left out when the dictionaries are missing). Returns 0, or DYAD_EXIT_FATAL with a message printed.
 */
int dyad_events_out_open(dyad_events_out *o, const dyad_pipeline *p, int format);
void dyad_events_out_close(dyad_events_out *o);

/**
 * Append a location object {name, name_ru, country, adm1, lat, lon, geonames}
 * (docs/formats.md): the gazetteer's place `p`, else `name` and `country` with nulls.
 */
void dyad_place_json(dyad_buf *b, const dyad_place *p, const char *name, const char *country);

/** Append event `e` (the n-th of document d; n = 0 starts a document) to o->buf in o->format. */
void dyad_event_write(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n);

#endif
