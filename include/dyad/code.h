/*
 * code.h — event coding: from a document's sentences and actor mentions to
 * events (who did what to whom, when and where), read off by the pattern
 * dictionaries of data/events/ (docs/patterns.md). The coder knows who speaks
 * each sentence (reported speech and quotations), what a sentence says about
 * its own reality (planned, negated, hypothetical), and keeps one event per
 * real-world action per document.
 */
#ifndef DYAD_CODE_H
#define DYAD_CODE_H

#include "dyad/actors.h"
#include "dyad/text.h"

typedef enum {
	DYAD_MOD_DONE = 0,      /**< the sentence says it happened or is happening */
	DYAD_MOD_PLANNED,       /**< announced, intended, expected */
	DYAD_MOD_NEGATED,       /**< "не обсуждали", "did not meet" */
	DYAD_MOD_HYPOTHETICAL   /**< conditional, possible */
} dyad_modality;

/** "done", "planned", "negated", "hypothetical". */
const char *dyad_modality_name(dyad_modality m);

typedef struct dyad_patterns dyad_patterns;

/**
 * Load the pattern dictionaries: every .txt file of `dir`. Bad lines are
 * reported through `warn` as "file:line: what was expected" and skipped.
 * Returns NULL only when the folder cannot be read (message in e).
 */
dyad_patterns *dyad_patterns_load(const char *dir, void (*warn)(void *ctx, const char *msg), void *ctx,
				  dyad_errbuf *e);
void dyad_patterns_free(dyad_patterns *p);
/** Number of event patterns loaded (for tests and bench). */
size_t dyad_patterns_count(const dyad_patterns *p);

/** One side of an event: a mention in the text, or one the coder made (a quote's "we"). */
typedef struct {
	const dyad_mention *mention; /**< NULL for a side the coder inferred */
	char code[24];               /**< KAZGOV, BLR, IGOSCO */
	char country[8];
	char role[8];
	const char *igo;
	const char *person;
	dyad_span span;              /**< bytes of the words it was read from (the pronoun for "we") */
} dyad_side;

typedef struct {
	dyad_side source, target;
	char cameo[8];
	const char *mode;            /**< the pattern's description: "visit", "praise" */
	int reciprocal;              /**< "X and Y discussed": the dyad either way */
	dyad_modality modality;
	dyad_ymd date;               /**< yyyymmdd, 0 when unknown */
	int date_from_publication;   /**< 1 when the sentence gives no date */
	const char *location;        /**< as written in the text or the dateline; NULL when not stated */
	size_t sentence;
	dyad_span evidence;          /**< the sentence's bytes */
	const char *rule;            /**< "ru.txt:40: $ посетить +", owned by the patterns */
	const char *why;             /**< for events not kept: why not (duplicate, negated, ...); else NULL */
} dyad_event;

typedef struct {
	dyad_str text;               /**< the body */
	const dyad_token *toks;
	size_t ntoks;
	const dyad_span *sents;
	size_t nsents;
	const dyad_mention *mentions;
	size_t nmentions;
	dyad_ymd day;                /**< publication date, 0 when unknown */
	const char *dateline;        /**< the dateline city, or NULL */
} dyad_code_input;

/**
 * Code the events of one document. Kept events come first in *out (text
 * order), then — when `all` is 1 — the ones set aside, each with `why`
 * (for `dyad explain`). Returns the number of kept events; *nall gets the
 * total. Everything is owned by `a`.
 */
size_t dyad_code_doc(const dyad_patterns *p, dyad_stemmer *st, dyad_arena *a, const dyad_code_input *in,
		     int all, dyad_event **out, size_t *nall);

/**
 * 1 when `later` is the action `earlier` already coded (one event per action
 * per document: the same code between the same two actors, either way round
 * for a shared action; praise and thanks apart).
 */
int dyad_event_repeats(const dyad_event *earlier, const dyad_event *later);

/* ---- long texts, a window at a time ------------------------------------------------------ */

/** Bytes of sentences coded together when a text is coded in windows; a document up to four times that is coded whole. */
#define DYAD_CODE_WINDOW (1u << 18)

typedef struct {
	dyad_str text;               /**< the body */
	const dyad_span *sents;      /**< its sentences (dyad_sent_split) */
	size_t nsents;
	dyad_ymd day;                /**< publication date, 0 when unknown */
	const char *dateline;        /**< the dateline city, or NULL */
	dyad_matcher *matcher;       /**< finds the actors */
	const dyad_patterns *patterns; /**< codes the events; NULL for actors only */
	dyad_stemmer *stemmer;
	int all;                     /**< pass on the events set aside too, with their reasons */
	size_t window;               /**< bytes of sentences per window; 0 for DYAD_CODE_WINDOW */
} dyad_window_input;

/** What one window gave. Sentence indexes are the text's; token indexes the window's own. */
typedef struct {
	size_t first_sent, nsents;   /**< the window's sentences */
	const dyad_mention *mentions;
	size_t nmentions;
	const dyad_event *events;    /**< kept first (text order), then those set aside when `all` */
	size_t nevents, nkept;
} dyad_window;

/**
 * Code a text too long to hold all its tokens at once: windows of whole
 * sentences of about `window` bytes are tokenized, their actors found and
 * their events coded one after another, each on its own (a pronoun, a title
 * or "the sides" resolve within the window; one event per action holds within
 * it), in `scratch`, which is reset before each window. `fn` gets each
 * window's results, valid until it returns. Time and memory follow the
 * window, not the text. Returns the number of windows.
 */
size_t dyad_code_windows(dyad_arena *scratch, const dyad_window_input *in,
			 void (*fn)(void *ctx, const dyad_window *w), void *ctx);

#endif
