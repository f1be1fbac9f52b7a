/*
 * pipeline.h — the whole road in one call: a page in, a document with its
 * actors and events out. A pipeline handle loads the dictionaries once (the
 * outlets, the actor lexicon, the gazetteer, the morphology and the event
 * patterns) and then reads, cleans, splits, recognises and codes page after
 * page, from memory or from files, in input order; with jobs > 1 the pages
 * of a stream are coded on that many threads. Nothing here prints: errors
 * are DYAD_E* codes with a message on a dyad_errbuf. docs/embedding.md shows
 * a program using it.
 */
#ifndef DYAD_PIPELINE_H
#define DYAD_PIPELINE_H

#include "dyad/actors.h"
#include "dyad/clean.h"
#include "dyad/code.h"
#include "dyad/lexicon.h"
#include "dyad/morph.h"
#include "dyad/places.h"
#include "dyad/read.h"
#include "dyad/text.h"
#include "dyad/util.h"

/** What a pipeline makes of each page, besides the clean document; flags of dyad_pipeline_opts. */
enum {
	DYAD_PIPE_ACTORS = 1u << 0,      /**< tokens and actor mentions (opens the lexicon, gazetteer, morphology) */
	DYAD_PIPE_EVENTS = 1u << 1,      /**< events too (implies DYAD_PIPE_ACTORS) */
	DYAD_PIPE_EXPLAIN = 1u << 2,     /**< keep the events set aside as well, each with its reason */
	DYAD_PIPE_RAW = 1u << 3,         /**< pages are article text already: no cleaning, offsets are the input's */
	DYAD_PIPE_EVENTS_ONLY = 1u << 4, /**< a long document's mentions are not kept, only its events */
	DYAD_PIPE_MORPH = 1u << 5        /**< open the morphology even without actors */
};

/** How to open a pipeline; start from DYAD_PIPELINE_OPTS_INIT. */
typedef struct {
	const char *datadir;                      /**< the dictionaries' folder; NULL: dyad_datadir() */
	const char *events_dir;                   /**< the event patterns' folder; NULL: DATADIR/events */
	unsigned flags;                           /**< DYAD_PIPE_* */
	dyad_ymd default_day;                     /**< the date of documents that give none (yyyymmdd; 0: unknown) */
	void (*warn)(void *ctx, const char *msg); /**< the loaders' warnings; NULL drops them */
	void *warn_ctx;
} dyad_pipeline_opts;

#define DYAD_PIPELINE_OPTS_INIT              \
	{                                    \
		NULL, NULL, 0, 0, NULL, NULL \
	}

/** A page as a document, with what the later stages add (code point offsets are into doc.body). */
typedef struct {
	const dyad_page *page; /**< the page it was made from */
	dyad_doc doc;          /**< title, date, outlet, dateline, author, body, furniture */
	dyad_lang lang;
	dyad_span *sent_bytes; /**< sentences: byte spans into doc.body */
	dyad_span *sent_cps;   /**< the same in code points */
	size_t nsent;
	uint64_t content_hash; /**< of the body */
	dyad_ymd day;          /**< doc.date as yyyymmdd, else the default day, else 0 */
	/* with DYAD_PIPE_ACTORS (a body longer than 4 * DYAD_CODE_WINDOW bytes is coded in windows: no
	   tokens then, and its mentions' token indexes are their window's) */
	dyad_token *toks;
	size_t ntoks;
	dyad_mention *mentions;
	size_t nmentions;
	dyad_morph_word *morph; /**< with DYAD_PIPE_EVENTS: per token, its readings */
	/* with DYAD_PIPE_EVENTS: kept events first, then (DYAD_PIPE_EXPLAIN) those set aside */
	dyad_event *events;
	size_t nevents, nevents_all;
} dyad_document;

typedef struct dyad_pipeline dyad_pipeline;

/**
 * Open a pipeline: the outlet dictionary and language models always, the
 * lexicon, gazetteer and morphology for DYAD_PIPE_ACTORS, the event patterns
 * for DYAD_PIPE_EVENTS. Returns 0 with *out set, or a DYAD_E* code
 * (DYAD_ENOTFOUND for a missing file, DYAD_EINPUT for a malformed one) with
 * `e` naming what could not be loaded and why; *out is then NULL.
 */
int dyad_pipeline_open(dyad_pipeline **out, const dyad_pipeline_opts *o, dyad_errbuf *e);

/**
 * Another handle on the same dictionaries, for another thread: the
 * dictionaries are read-only after dyad_pipeline_open and shared, each
 * handle has its own arena, stemmer, language models and stream. Handles may
 * be closed in any order; the dictionaries go with the last one. Returns 0
 * with *out set, or DYAD_ENOTFOUND when the language models are gone.
 */
int dyad_pipeline_clone(dyad_pipeline **out, const dyad_pipeline *p, dyad_errbuf *e);

/** Close a handle and, with the last one, the dictionaries. NULL is a no-op. */
void dyad_pipeline_close(dyad_pipeline *p);

/**
 * Make one page into a document. `page` holds valid UTF-8 (as dyad_reader
 * hands it out) and must outlive the document. *out stays valid until the
 * next call on p. Returns 0, or DYAD_EUSAGE for a page without text.
 */
int dyad_pipeline_page(dyad_pipeline *p, const dyad_page *page, const dyad_document **out, dyad_errbuf *e);

/**
 * A text in memory as one page: `name` (a file name, a URL) is the page's
 * path, `text` a plain-text page dump, or article text with DYAD_PIPE_RAW;
 * the page's id is the one the reader gives a file of these bytes. Invalid UTF-8 is replaced (counted in page->repaired),
 * the text is NFC-normalised and copied. *out stays valid until the next
 * call on p. Returns 0, or DYAD_EUSAGE when name or text is NULL.
 */
int dyad_pipeline_text(dyad_pipeline *p, const char *name, const char *text, size_t n, const dyad_document **out,
		       dyad_errbuf *e);

/**
 * Start a stream over `paths` (files, folders walked in name order, "-" for
 * stdin; the strings must outlive the stream) read as `format`
 * (DYAD_FMT_AUTO detects each). With jobs > 1 the documents are made on
 * that many threads, at most 4 * jobs pages (and, past the first, 64 MiB of
 * page text) ahead of the caller; they still come out in input order, the
 * same as with one job.
 * Ends a stream still open on p. Returns 0, or DYAD_EUSAGE for jobs < 1.
 */
int dyad_pipeline_read(dyad_pipeline *p, const char *const *paths, size_t npaths, dyad_format format, int jobs,
		       dyad_errbuf *e);

/**
 * The stream's next document: 1 with *out set (valid until the next call
 * on p), 0 at the end of all inputs, or a negative DYAD_E* code when one
 * input or record could not be read: `e` names it and the next call goes
 * on with the rest.
 */
int dyad_pipeline_next(dyad_pipeline *p, const dyad_document **out, dyad_errbuf *e);

/** How many inputs or records of the stream failed so far. */
size_t dyad_pipeline_failures(const dyad_pipeline *p);

/** What the pipeline loaded, for writing documents out; NULL when not loaded. Owned by the pipeline. */
const char *dyad_pipeline_datadir(const dyad_pipeline *p);
const dyad_outlets *dyad_pipeline_outlets(const dyad_pipeline *p);
const dyad_lexicon *dyad_pipeline_lexicon(const dyad_pipeline *p);
/* dyad_places_lookup keys names in the gazetteer's scratch space: one thread at a time may call it */
dyad_places *dyad_pipeline_places(const dyad_pipeline *p);
const dyad_patterns *dyad_pipeline_patterns(const dyad_pipeline *p);
const dyad_morph *dyad_pipeline_morph(const dyad_pipeline *p);

/**
 * Code point offset of byte offset `byte` of the body, walking on from the
 * previous answer (*cur_byte, *cur_cp, both start at 0) or from the start of
 * the sentence it lies in, whichever is nearer before it.
 */
size_t dyad_document_cp(const dyad_document *d, size_t byte, size_t *cur_byte, size_t *cur_cp);

/** How the writers of events (outputs, the store) name the sides: from the lexicon, the morphology for the rest. */
typedef struct {
	const dyad_lexicon *lexicon;
	const dyad_morph *morph; /**< NULL: Russian names outside the lexicon stay as the page wrote them */
	dyad_arena *arena;       /**< the names made; the caller resets it between documents */
	int ru;                  /**< 1: the lexicon's Russian names first, else English */
} dyad_side_names;

/** 1 when a name is written in Cyrillic: it has a letter of U+0400..U+04FF (Russian, Kazakh ...). */
int dyad_name_is_cyrillic(const char *s);

/** The lexicon's name of the entity of `kind` keyed `key` in the language asked, else the other; NULL if unknown. */
const char *dyad_side_entity_name(const dyad_side_names *n, dyad_lex_kind kind, const char *key);

/**
 * The person as the store and the outputs key them: the lexicon's key for a
 * person it knows, else the page's words, a Russian name's in their
 * dictionary form ("Ерланом Байжановым" → "Ерлан Байжанов"); NULL for no
 * person. Made names live in n->arena.
 */
const char *dyad_side_person_key(const dyad_side_names *n, const dyad_side *s);

/** What to call a side: the person, else its country or organisation by name, else its code. */
const char *dyad_side_name(const dyad_side_names *n, const dyad_side *s);

/** The event's place: the one the recognizer found, else the gazetteer's for its location (one thread at a time). */
const dyad_place *dyad_event_place(dyad_places *places, const dyad_event *e);

#endif
