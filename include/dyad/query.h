/*
 * query.h — the questions analysts ask of the knowledge base: events by
 * actor, dyad, type and time; a dyad's timeline; an actor's profile; the
 * network of who deals with whom; search over sentences; counts. Every
 * answer is a table of text cells, so the command line, the HTTP API and the
 * tests format the same rows.
 */
#ifndef DYAD_QUERY_H
#define DYAD_QUERY_H

#include "dyad/store.h"
#include "dyad/util.h"

/**
 * The language answers name countries, organisations and people in: "en"
 * (the default) or "ru"; the lexicon's first name of that script, else the
 * other. Per thread. Returns 0, or -1 for another value.
 */
int dyad_query_set_names(const char *lang);
/** "en" or "ru": the language set for this thread. */
const char *dyad_query_names(void);

/** The person `key` (as events store it) by their name in the language set, into out[n]; the key when none. */
void dyad_query_person_name(dyad_store *s, const char *key, char *out, size_t n);

/** Rows of text cells; a NULL cell is SQL NULL. Owns its strings. */
typedef struct {
	size_t ncols, nrows, cap;
	char **cols;
	char **cells;           /**< row r, column c: cells[r * ncols + c] */
	unsigned char *numeric; /**< per cell: 1 when the engine gave a number, so JSON writes it bare */
} dyad_table;

void dyad_table_free(dyad_table *t);
/** The cell at (r, c), or NULL. */
const char *dyad_table_get(const dyad_table *t, size_t r, size_t c);

/** Row r as a JSON object keyed by column name; numbers bare, NULL as null. */
void dyad_table_row_json(const dyad_table *t, size_t r, dyad_buf *out);

/** The same with the first `ncols` columns only (a query's last columns for the caller alone). */
void dyad_table_row_json_n(const dyad_table *t, size_t r, size_t ncols, dyad_buf *out);

/** The whole table as a JSON array of row objects. */
void dyad_table_json(const dyad_table *t, dyad_buf *out);

/**
 * Statements in the store engine's own SQL, for tests, tools and
 * benchmarks: the rows of the last statement that gives rows into `out`.
 * Returns 0, or DYAD_EDB with the engine's message in `e` (DYAD_EUSAGE for
 * an engine without SQL).
 */
int dyad_query_sql(dyad_store *s, const char *sql, dyad_table *out, dyad_errbuf *e);

/**
 * What an actor argument names, resolved against the store: a country
 * (KAZ), an organisation (IGOSCO, SCO), a CAMEO actor code (KAZGOV), an
 * actor's name in either language (Казахстан, Kazakhstan), or a person
 * (Токаев). Returns 0 with `side` (the dyad side: KAZ, IGOSCO) and `code`
 * (the full code, or "" for a whole country/organisation) filled, or
 * DYAD_ENOTFOUND with a message naming the argument in `e`.
 */
int dyad_query_actor_resolve(dyad_store *s, const char *arg, char side[24], char code[24], char person[128],
			     dyad_errbuf *e);

/**
 * An actor argument as resolved: what the answer is about. A country or
 * organisation is its whole side, a role code (KAZGOV) that role's events
 * (codes that begin with it), a person that person's events.
 */
typedef struct {
	char side[24];    /**< the dyad side: KAZ, IGOSCO */
	char code[24];    /**< a role code (KAZGOV) when a role was asked, else "" */
	char person[128]; /**< the person's key when a person was asked, else "" */
	const char *kind; /**< "country", "organisation", "role" or "person" */
} dyad_actor_ref;

/** Resolve `arg` as dyad_query_actor_resolve does, into `ref`; 0 or a negative code with `e`. */
int dyad_query_actor_ref(dyad_store *s, const char *arg, dyad_actor_ref *ref, dyad_errbuf *e);

/** What `ref` stands for as one string: the person's key, else the role code, else the side. */
const char *dyad_actor_ref_key(const dyad_actor_ref *ref);

/** The resolved actor as a JSON object: {"kind":..,"side":..,"code":..,"person":..,"name":..}. */
void dyad_actor_ref_json(dyad_store *s, const dyad_actor_ref *ref, dyad_buf *out);

typedef struct {
	const char *actor;         /**< either side */
	const char *a, *b;         /**< a dyad, both directions */
	const char *type;          /**< PLOVER type */
	const char *cameo;         /**< code prefix */
	const char *since, *until; /**< YYYY-MM-DD, inclusive */
	long limit;                /**< 0: 50 */
	long offset;               /**< rows to skip, for paging */
	int mentions;              /**< 1: every report of an event, not each event once */
	int quad;                  /**< QuadClass 1..4, 0: any */
	const char *outlet;        /**< events an outlet reported */
	const char *language;      /**< events reported in a language (ru, en) */
	const char *after;         /**< a page's cursor ("DATE,ID", see dyad_query_events): the events after it */
	int cursor;                /**< 1: dyad_query_events adds a last column, `cursor`, each row's cursor */
} dyad_event_filter;

#define DYAD_EVENT_FILTER_INIT                                                            \
	{                                                                                 \
		NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, 0 \
	}

/** 1 when `type` is a PLOVER event type (any case). */
int dyad_query_event_type_valid(const char *type);

/**
 * Events, newest first, each once with num_mentions (the reports of it),
 * num_sources (distinct outlets) and num_articles (distinct documents, a
 * syndicated copy counting as its original); with `mentions`, every report.
 * A page starts at `offset`, or after the row whose `cursor` column (with
 * f->cursor: its date, or nothing when undated, a comma and its row id) is
 * f->after, which costs the same on any page. Bad arguments give
 * DYAD_EUSAGE or DYAD_ENOTFOUND with a message in `e`.
 */
int dyad_query_events(dyad_store *s, const dyad_event_filter *f, dyad_table *out, dyad_errbuf *e);

/**
 * Per period (day, week, month, year): events a→b and b→a by QuadClass and
 * the mean Goldstein score of both directions.
 */
int dyad_query_timeline(dyad_store *s, const char *a, const char *b, const char *by, dyad_table *out, dyad_errbuf *e);

/**
 * The same within `scope` (NULL: everything; its dates, type, cameo, quad,
 * outlet and language filter, its `mentions` counts reports rather than
 * events; its actors are not read), also giving what `a` and `b` resolved to.
 */
int dyad_query_timeline_refs(dyad_store *s, const char *a, const char *b, const char *by, const dyad_event_filter *scope,
			     dyad_table *out, dyad_actor_ref *ref_a, dyad_actor_ref *ref_b, dyad_errbuf *e);

/**
 * An actor's partners (events both ways, mean Goldstein), its years
 * (cooperation, conflict) and the people of other sides in its events: a
 * person's own events, a role's, or a whole country's. `ref` (may be NULL)
 * gets what `actor` resolved to.
 */
int dyad_query_profile(dyad_store *s, const char *actor, const dyad_event_filter *scope, dyad_table *partners,
		       dyad_table *years, dyad_table *people, dyad_actor_ref *ref, dyad_errbuf *e);

/** Weighted directed edges source → target within `scope` (as for timelines; NULL: all). */
int dyad_query_network(dyad_store *s, const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e);

/**
 * Events by PLOVER type (type, quad, events, mentions) over the whole of
 * `f`'s scope, its actor or dyad too: what a "top event types" view counts.
 */
int dyad_query_types(dyad_store *s, const dyad_event_filter *f, dyad_table *out, dyad_errbuf *e);

/**
 * The places of events the gazetteer located (place: the GeoNames id or the
 * name of a region or sea; name, country, lat, lon, events, cooperation,
 * conflict, mean goldstein), busiest first; or with `place` the latest
 * events of that place. Within `f`'s scope (its actors are not read), each
 * event once unless `mentions`; at most `f->limit` rows.
 */
int dyad_query_places(dyad_store *s, const dyad_event_filter *f, const char *place, dyad_table *out, dyad_errbuf *e);

/** "events" → 0, "mentions" → 1, anything else -1. */
int dyad_query_count_parse(const char *what);

/**
 * Counts: documents, languages, outlets, events (each once) and their
 * reports, events by type, dates, syndicated copies (rows of name, value).
 */
int dyad_query_stats(dyad_store *s, dyad_table *out, dyad_errbuf *e);

/**
 * Sentences matching `q` (words stemmed as in the index; "quoted phrases"),
 * best first; the matched words in `sentence` are wrapped in `open` and
 * `close` (NULL: "[" and "]").
 */
int dyad_query_search(dyad_store *s, const char *q, long limit, const char *open, const char *close, dyad_table *out,
		      dyad_errbuf *e);

/**
 * Countries, organisations and people for a type-ahead: those whose code or
 * English or Russian name begins with `prefix` (case and ё/е folded; a
 * person when a word of one of their names does, and they have events), or
 * with no prefix the countries and organisations with events; busiest first
 * (code, kind, name_en, name_ru, events; a person's code is their key).
 */
int dyad_query_actors(dyad_store *s, const char *prefix, long limit, dyad_table *out, dyad_errbuf *e);

/** One actor of the lexicon by code (code, kind, name_en, name_ru); DYAD_ENOTFOUND if unknown. */
int dyad_query_actor(dyad_store *s, const char *code, dyad_table *out, dyad_errbuf *e);

/**
 * A document by its id (16 hex digits): its fields with body and furniture,
 * its sentences, actor mentions and events. DYAD_ENOTFOUND if unknown.
 */
int dyad_query_doc(dyad_store *s, const char *id, dyad_table *doc, dyad_table *sentences, dyad_table *mentions,
		   dyad_table *events, dyad_errbuf *e);

#endif
