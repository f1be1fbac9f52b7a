/*
 * internal.h — what pipeline.c and stream.c share: the dictionaries every
 * handle cloned from one dyad_pipeline_open reads (counted, freed with the
 * last handle), and a handle's own state.
 */
#ifndef DYAD_PIPELINE_INTERNAL_H
#define DYAD_PIPELINE_INTERNAL_H

#include <stdatomic.h>

#include "dyad/pipeline.h"

/* Loaded once, read-only afterwards (the morphology's cache locks itself). */
typedef struct {
	atomic_int refs;
	char datadir[4096];
	unsigned flags;
	dyad_ymd default_day;
	dyad_outlets *outlets;
	dyad_lexicon *lexicon;
	dyad_matcher *matcher; /* compiled once; handles use clones of it */
	dyad_places *places;
	dyad_patterns *patterns;
	dyad_morph *morph;
} pipe_shared;

struct pipe_stream;

struct dyad_pipeline {
	pipe_shared *sh;
	dyad_arena *arena; /* the current document's; reset for every page */
	dyad_stemmer *stemmer;
	dyad_matcher *matcher; /* sh->matcher's tables, this handle's stemmer and scratch */
	dyad_langid *langid;
	struct long_doc *long_doc; /* what the windows of a long document gave */
	dyad_document doc;
	dyad_page text_page;   /* dyad_pipeline_text's page */
	dyad_page stream_page; /* the stream's page, with one job */
	dyad_buf text;
	char *name;
	struct pipe_stream *stream;
};

/** Free what long documents left on a handle. */
void pipe_long_free(struct long_doc *l);

/** End the handle's stream, if any: its threads stopped and joined, its reader closed. */
void pipe_stream_end(dyad_pipeline *p);

#endif
