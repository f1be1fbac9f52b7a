/*
 * pipeline.h — the road from inputs to clean documents that several commands
 * share (parse, eval, and the stages after them): a reader, the outlet
 * dictionary, language identification, and the document in JSON.
 */
#ifndef DYAD_CLI_PIPELINE_H
#define DYAD_CLI_PIPELINE_H

#include <stdio.h>

#include "dyad/actors.h"
#include "dyad/clean.h"
#include "dyad/code.h"
#include "dyad/morph.h"
#include "dyad/read.h"
#include "dyad/text.h"

typedef struct {
	dyad_outlets *outlets;
	dyad_langid *langid;
	dyad_arena *arena;      /* reset for every document */
	const char *datadir;
	dyad_lexicon *lexicon;  /* loaded by dyad_pipeline_want_actors() */
	dyad_matcher *matcher;
	dyad_places *places;    /* the gazetteer, loaded with the actors */
	dyad_patterns *patterns;/* loaded by dyad_pipeline_want_events() */
	dyad_stemmer *stemmer;
	dyad_morph *morph;      /* loaded by dyad_pipeline_want_actors() */
	int explain;            /* keep the events set aside, with their reasons */
	int raw;                /* the input is article text already: no cleaning, the body is the text */
	dyad_ymd default_day;   /* the date of documents that give none (0: unknown) */
	int events_only;        /* a long document's mentions are not kept, only its events */
	struct long_doc *long_doc; /* what the windows of a long document gave (pipeline.c) */
} dyad_pipeline;

/** A document with what the text stage adds: language and sentences (code point offsets into body). */
typedef struct {
	const dyad_page *page;
	dyad_doc doc;
	dyad_lang lang;
	dyad_span *sent_bytes;  /* byte spans into doc.body */
	dyad_span *sent_cps;    /* the same in code points */
	size_t nsent;
	uint64_t content_hash;
	dyad_ymd day;           /* doc.date as yyyymmdd, 0 when unknown */
	/* with actors wanted (a body longer than 4 * DYAD_CODE_WINDOW bytes is coded in windows: no tokens then, and its
	   mentions' token indexes are their window's) */
	dyad_token *toks;
	size_t ntoks;
	dyad_mention *mentions;
	size_t nmentions;
	dyad_morph_word *morph; /* with events wanted: per token, its readings */
	/* with events wanted: kept events first, then (explain) those set aside */
	dyad_event *events;
	size_t nevents, nevents_all;
} dyad_document;

/**
 * Load the outlet dictionary from `datadir` (NULL: dyad_datadir()) and the
 * language models. On failure prints one line to stderr and returns
 * DYAD_EXIT_FATAL; else 0.
 */
int dyad_pipeline_open(dyad_pipeline *p, const char *datadir);
void dyad_pipeline_close(dyad_pipeline *p);

/**
 * Load the actor lexicon (DATADIR/actors) and compile its matcher, so that
 * documents also carry tokens and actor mentions, and open the morphology
 * (dyad_pipeline_want_morph). Loader warnings go to stderr. Returns 0, or
 * DYAD_EXIT_FATAL with a message printed.
 */
int dyad_pipeline_want_actors(dyad_pipeline *p);

/**
 * Open the morphology's dictionaries: DATADIR/morph when it holds them (an
 * install's share/dyad/morph), else the search path of dyad_morph_open ($DYAD_MORPH,
 * the install prefix, the source tree's node_modules/az/dicts). Returns 0, or
 * DYAD_EXIT_FATAL with a message naming the missing file and how to install it.
 */
int dyad_pipeline_want_morph(dyad_pipeline *p);

/**
 * Load the event patterns (DATADIR/events) on top of the actors, so that
 * documents also carry events. Returns 0, or DYAD_EXIT_FATAL with a message printed.
 */
int dyad_pipeline_want_events(dyad_pipeline *p);

/**
 * Code point offset of byte offset `byte` of the body, walking on from the
 * previous answer (*cur_byte, *cur_cp, both start at 0) or from the start of
 * the sentence it lies in, whichever is nearer before it.
 */
size_t dyad_document_cp(const dyad_document *d, size_t byte, size_t *cur_byte, size_t *cur_cp);

/** Clean `page` into `out` (allocations in p->arena, which the caller resets per page). */
void dyad_pipeline_document(dyad_pipeline *p, const dyad_page *page, dyad_document *out);

/** Append `,"name":"v"` to a JSON object being written, or `,"name":null` when v is NULL or empty. */
void dyad_json_opt(dyad_buf *b, const char *name, const char *v);

/** Whether a name is written in Cyrillic: it has a letter of U+0400..U+04FF (Russian, Kazakh ...). */
int dyad_name_is_cyrillic(const char *s);

/**
 * Append an actor's identity to a JSON object being written: `,"id":…,
 * "name":…,"name_ru":…,"wikidata":…` (null where unknown). The actor is the
 * lexicon entity `entity` (UINT32_MAX for none), else the person, country or
 * organisation by key (dyad_lexicon_actor). A person the lexicon lacks keeps
 * the name the page gave, in the field of its script.
 */
void dyad_actor_identity_json(dyad_buf *b, const dyad_lexicon *lx, uint32_t entity, const char *person,
			      const char *country, const char *igo);

/** Append the document as one JSON object (no newline) to b. */
void dyad_document_json(dyad_buf *b, const dyad_document *d);

/** Write the document as one JSON line to f, through b a megabyte at most (a long body is not held twice). */
void dyad_document_json_write(FILE *f, dyad_buf *b, const dyad_document *d);

/** Append the document for a person to read. */
void dyad_document_text(dyad_buf *b, const dyad_document *d);

/**
 * Read all of `paths` with `format`, calling fn for each document. Reader
 * errors go to stderr as they come. Returns DYAD_EXIT_OK, or DYAD_EXIT_INPUT
 * if any input failed.
 */
int dyad_pipeline_run(dyad_pipeline *p, char **paths, int npaths, dyad_format format,
		      void (*fn)(void *ctx, const dyad_document *d), void *ctx);

#endif
