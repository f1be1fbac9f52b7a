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
#include "dyad/morph.h"
#include "dyad/text.h"

typedef enum {
	DYAD_MOD_DONE = 0,    /**< the sentence says it happened or is happening */
	DYAD_MOD_PLANNED,     /**< announced, intended, expected */
	DYAD_MOD_NEGATED,     /**< "не обсуждали", "did not meet" */
	DYAD_MOD_HYPOTHETICAL /**< conditional, possible */
} dyad_modality;

/** "done", "planned", "negated", "hypothetical". */
const char *dyad_modality_name(dyad_modality m);

typedef struct dyad_patterns dyad_patterns;

/**
 * Load the pattern dictionaries: every .txt file of `dir`. Bad lines are
 * reported through `warn` as "file:line: what was expected" and skipped.
 * Returns NULL only when the folder cannot be read (message in e).
 */
dyad_patterns *dyad_patterns_load(const char *dir, void (*warn)(void *ctx, const char *msg), void *ctx, dyad_errbuf *e);
void dyad_patterns_free(dyad_patterns *p);
/** Number of event patterns loaded (for tests and bench). */
size_t dyad_patterns_count(const dyad_patterns *p);

/** One loaded pattern, as `dyad lexicon` lists it. */
typedef struct {
	const char *kind;  /**< "event", "speech" or "nonevent" */
	const char *cameo; /**< "042" for an event pattern, "" otherwise */
	const char *mode;  /**< the block's mode, or NULL */
	const char *file;  /**< the path the pattern was read from */
	size_t line;       /**< its line in that file */
	dyad_str text;     /**< the pattern as written: "$ visit* +" */
	const char *rule;  /**< the string events coded by it carry in `rule` */
} dyad_pattern_info;

/** Number of patterns of every kind loaded; they are numbered 0.. in file and line order. */
size_t dyad_patterns_total(const dyad_patterns *p);
/** Pattern i (< dyad_patterns_total) into *out; strings are owned by the patterns. */
void dyad_patterns_info(const dyad_patterns *p, size_t i, dyad_pattern_info *out);
/** The number of the pattern an event's `rule` came from, or SIZE_MAX for a rule it did not make. */
size_t dyad_patterns_find_rule(const dyad_patterns *p, const char *rule);

/** One side of an event: a mention in the text, or one the coder made (a quote's "we"). */
typedef struct {
	const dyad_mention *mention; /**< NULL for a side the coder inferred */
	char code[24];               /**< KAZGOV, BLR, IGOSCO */
	char country[8];
	char role[8];
	const char *igo;
	const char *person;
	dyad_span span;  /**< bytes of the words it was read from (the pronoun for "we") */
	const char *how; /**< how the coder found it: "slot", "subject", "object", "passive agent",
			      "speaker", "counterpart", "document party", "list", ...; static */
} dyad_side;

typedef struct {
	dyad_side source, target;
	char cameo[8];
	const char *mode; /**< the pattern's description: "visit", "praise" */
	int reciprocal;   /**< "X and Y discussed": the dyad either way */
	dyad_modality modality;
	dyad_ymd date;                /**< yyyymmdd, 0 when unknown */
	int date_from_publication;    /**< 1 when the sentence gives no date */
	const char *location;         /**< as written in the text or the dateline; NULL when not stated */
	const dyad_place *place;      /**< the gazetteer's place of `location`, or NULL */
	const char *location_country; /**< ISO3 of the place the text names, or NULL */
	size_t sentence;
	dyad_span evidence; /**< the sentence's bytes */
	const char *rule;   /**< "ru.txt:40: $ посетить +", owned by the patterns */
	const char *why;    /**< for events not kept: why not (duplicate, negated, ...); else NULL */
} dyad_event;

typedef struct {
	dyad_str text; /**< the body */
	const dyad_token *toks;
	size_t ntoks;
	const dyad_span *sents;
	size_t nsents;
	const dyad_mention *mentions;
	size_t nmentions;
	dyad_ymd day;                       /**< publication date, 0 when unknown */
	const char *dateline;               /**< the dateline city, or NULL */
	const dyad_mention *title_mentions; /**< the actors of the title (offsets into the title), or NULL */
	size_t ntitle_mentions;             /**< they name the document's main parties first */
	const dyad_morph_word *morph; /**< per token, its readings (dyad_code_morph); NULL: words are compared by stem alone */
} dyad_code_input;

/**
 * Let the pattern words know which of them are dictionary lemmas (a bare
 * word that is one matches only the tokens that have it among their lemmas;
 * docs/patterns.md). Call once after dyad_patterns_load, before coding.
 */
void dyad_patterns_use_morph(dyad_patterns *p, const dyad_morph *m);

/**
 * The readings of every word token of a document, each analysed once, then
 * chosen in the context of its sentence (dyad_morph_disambiguate): one entry
 * per token ({NULL, 0, 0} for a token that is not a word), for
 * dyad_code_input.morph. A Cyrillic word is Russian; other words take the
 * document's language `lang` (English when it has none). Owned by `a`.
 */
dyad_morph_word *dyad_code_morph(const dyad_morph *m, dyad_arena *a, dyad_lang lang, dyad_str text,
				 const dyad_token *toks, size_t ntoks, const dyad_span *sents, size_t nsents);

/**
 * Code the events of one document. Kept events come first in *out (text
 * order), then — when `all` is 1 — the ones set aside, each with `why`
 * (for `dyad explain`). Returns the number of kept events; *nall gets the
 * total. Everything is owned by `a`.
 */
size_t dyad_code_doc(const dyad_patterns *p, dyad_stemmer *st, dyad_arena *a, const dyad_code_input *in, int all,
		     dyad_event **out, size_t *nall);

/**
 * 1 when `later` is the action `earlier` already coded (one event per action
 * per document: the same code between the same two actors, either way round
 * for a shared action; praise and thanks apart).
 */
int dyad_event_repeats(const dyad_event *earlier, const dyad_event *later);

/**
 * The key an action is looked up by: its code and its two parties' states
 * or organisations, either way round. Two events that repeat one another
 * (dyad_event_repeats) have the same key.
 */
uint64_t dyad_event_key(const dyad_event *e);

/* ---- clauses -------------------------------------------------------------------------------- */

/** One phrase of a clause: the subject or an object, with its role and the actor it holds. */
typedef struct {
	size_t ts, te;    /**< its tokens [ts, te): the head, its attributes, genitives and appositions */
	size_t head;      /**< the head token */
	size_t prep;      /**< the preposition governing it, or SIZE_MAX */
	long mention;     /**< index (into the mentions given) of the actor it holds, or -1 */
	uint64_t cases;   /**< DYAD_F_CASE_* bits the head can stand in here (0: unknown) */
	const char *role; /**< "subject", "patient (Acc)", "counterpart (с+Ins)", "agent (by)", ...; static */
	const char *how;  /**< the subject: how it was told from the others; else NULL; static */
	int coordinated;  /**< heads a list joined by "и"/"and" or "с"+Ins ("Токаев и Лукашенко") */
	int unique;       /**< the subject: case leaves no other (Russian): the only phrase agreeing with the
			       predicate, or the only one of them that cannot be its object */
} dyad_clause_arg;

/** One clause: its predicate, voice, subject and objects. */
typedef struct {
	size_t ts, te;         /**< the clause's tokens */
	size_t pred, pred_end; /**< the predicate's tokens ("был вызван", "has been shelled") */
	size_t head;           /**< its main word */
	int passive;           /**< a passive predicate: the subject is the one acted on */
	int shared_subject;    /**< a predicate coordinated with the one before ("и требует"): its subject */
	int has_subject;       /**< subject below is set */
	dyad_clause_arg subject;
	dyad_clause_arg *obj; /**< the other phrases, in text order */
	size_t nobj;
	long agent;     /**< index in obj of a passive's agent (Ins, "by", or the office "в X"), or -1 */
	long possessor; /**< index in obj of "у X" ("у X состоялись переговоры"), or -1 */
} dyad_clause;

/** A sentence's clauses. */
typedef struct {
	dyad_clause *cl;
	size_t n;
	const char *note; /**< why the analysis stopped short ("cut at 400 tokens"), or NULL */
} dyad_clauses;

/** Tokens of one sentence the clause analysis reads at most; the rest is left out with a note. */
#define DYAD_CLAUSE_MAX_TOKENS 400

/**
 * The clauses of one sentence, tokens [ts, te) of `toks` over `text`, with
 * each token's readings `morph` (dyad_code_morph; NULL: by position and the
 * function words alone) and the sentence's actor mentions `men` (n of them,
 * in text order). Russian: the predicate is a finite verb or a short
 * participle ("был вызван"), the subject the nominative that agrees with it in
 * number, gender or person wherever it stands (one that cannot be an
 * accusative before one that can, then the one before the verb); objects by
 * case and preposition. English: by position, across parentheses and
 * appositions, the passive's agent after "by". Time is linear in the
 * sentence; past DYAD_CLAUSE_MAX_TOKENS it is cut with a note. Owned by `a`.
 */
void dyad_clauses_find(dyad_arena *a, dyad_str text, const dyad_token *toks, const dyad_morph_word *morph, size_t ts,
		       size_t te, const dyad_mention *men, size_t n, dyad_clauses *out);

/**
 * The phrase of clause `cl` whose actor acts: the subject's of an active
 * clause, the agent's of a passive one, "у X" when the subject holds no actor.
 * NULL when none holds one. *how gets a word on why ("clause subject", ...).
 */
const dyad_clause_arg *dyad_clause_actor(const dyad_clause *cl, const char **how);

/* ---- long texts, a window at a time ------------------------------------------------------ */

/** Bytes of sentences coded together when a text is coded in windows; a document up to four times that is coded whole. */
#define DYAD_CODE_WINDOW (1u << 18)

typedef struct {
	dyad_str text;          /**< the body */
	const dyad_span *sents; /**< its sentences (dyad_sent_split) */
	size_t nsents;
	dyad_ymd day;                  /**< publication date, 0 when unknown */
	const char *dateline;          /**< the dateline city, or NULL */
	dyad_matcher *matcher;         /**< finds the actors */
	const dyad_patterns *patterns; /**< codes the events; NULL for actors only */
	dyad_stemmer *stemmer;
	const dyad_morph *morph;            /**< words compared by lemma too (dyad_code_morph), or NULL */
	dyad_lang lang;                     /**< the text's language, for the morphology */
	const dyad_mention *title_mentions; /**< the title's actors (dyad_code_input), or NULL */
	size_t ntitle_mentions;
	int all;       /**< pass on the events set aside too, with their reasons */
	size_t window; /**< bytes of sentences per window; 0 for DYAD_CODE_WINDOW */
} dyad_window_input;

/** What one window gave. Sentence indexes are the text's; token indexes the window's own. */
typedef struct {
	size_t first_sent, nsents; /**< the window's sentences */
	const dyad_mention *mentions;
	size_t nmentions;
	const dyad_event *events; /**< kept first (text order), then those set aside when `all` */
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
size_t dyad_code_windows(dyad_arena *scratch, const dyad_window_input *in, void (*fn)(void *ctx, const dyad_window *w),
			 void *ctx);

#endif
