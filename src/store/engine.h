/*
 * engine.h — the contract between the store's front (store.c: dyad_store_*,
 * and src/query/query.c: dyad_query_*) and each database engine. An engine
 * is one table of operations, listed in store.c's engines[] before SQLite
 * (sqlite.c), which claims every --db argument left; a server engine claims
 * the URLs of its scheme (PostgreSQL: pg.c). The front checks every
 * argument and has the actors resolved (by the engine's `resolve`) before it
 * asks anything else; an engine never prints. docs/engines.md says more.
 */
#ifndef DYAD_STORE_ENGINE_H
#define DYAD_STORE_ENGINE_H

#include "dyad/query.h"
#include "dyad/store.h"

/*
 * Every engine's handle begins with this: the engine's own struct has a
 * `dyad_store base;` as its first member and casts the dyad_store * it is
 * given back to itself.
 */
struct dyad_store {
	const struct dyad_store_engine *engine;
	char err[512]; /**< the last error of a write, one line (dyad_store_errmsg) */
	int in_tx;     /**< a transaction is open: kept by the front around begin, commit and rollback */
	int lost;      /**< set by a server engine when its connection is gone (dyad_store_lost) */
};

/*
 * What an actor argument may be, as the front has read it for resolution
 * (dyad_query_actor_resolve): the argument as typed, folded (dyad_fold_buf),
 * in upper case when it is ASCII letters and digits short enough to be a
 * code (else NULL), and in upper case when it reads as an actor code with
 * role codes (KAZGOV, else NULL).
 */
typedef struct {
	const char *arg, *folded, *upper, *code;
} dyad_actor_query;

/*
 * The operations. Conventions for all of them:
 * - Writes (begin .. put_actor_name) return 0 (put_doc: a dyad_store_status)
 *   or DYAD_EDB with a one-line message in s->err, as dyad_store_* document;
 *   a write may be sent ahead and its failure told by a later write or by
 *   commit, which then fails. A server engine sets s->lost when its
 *   connection is gone (the ingest then exits 1: re-ingest completes it).
 *   Re-ingest is idempotent: put_doc of a document stored with the same
 *   version and content hash writes nothing and says DYAD_STORE_SAME.
 * - Queries return 0 or a negative DYAD_E* code with a message in `e`; their
 *   tables are filled column for column as the SQLite engine names them
 *   (docs/api.md shows them), numbers marked numeric, so every engine's
 *   answer prints the same. Arguments are checked by the front before: dates
 *   are dates, the type is a PLOVER type, cameo is digits, quad 0..4, the
 *   cursor parses, actors are resolved (the refs filled as dyad_query_actor_ref
 *   does), limits are positive. Names come in dyad_query_names()'s language.
 * - An operation an engine cannot answer is NULL; the front says so
 *   (DYAD_EUSAGE naming the engine).
 */
typedef struct dyad_store_engine {
	const char *name; /**< "SQLite", "PostgreSQL": in messages */
	/** 1 when `target` (a --db argument: a path or a URL) is this engine's. */
	int (*claims)(const char *target);
	/** As dyad_store_open: *out set, or a DYAD_E* code with `e` naming the engine, place and problem. */
	int (*open)(dyad_store **out, const char *target, int flags, int wait_ms, dyad_errbuf *e);
	void (*close)(dyad_store *s);
	int (*begin)(dyad_store *s);
	int (*commit)(dyad_store *s);
	void (*rollback)(dyad_store *s);
	int (*put_doc)(dyad_store *s, const dyad_store_doc *d, int64_t *row);
	int (*put_sentence)(dyad_store *s, int64_t doc, size_t n, size_t start, size_t end, dyad_str text);
	int (*put_mention)(dyad_store *s, int64_t doc, const dyad_store_mention *m);
	int (*put_event)(dyad_store *s, int64_t doc, const dyad_store_event *ev);
	int (*put_actor)(dyad_store *s, const char *code, const char *kind, const char *name_en, const char *name_ru);
	int (*put_actor_name)(dyad_store *s, const char *name, const char *folded, const char *kind, const char *code,
			      const char *person);
	/** Documents an ingest commits at once when not told (dyad_store_batch_default); 0: the front's default. */
	size_t batch;

	/*
	 * For an engine that speaks SQL and answers with the shared questions of
	 * sql_query.c (written in SQLite's dialect): run one statement, its
	 * arguments strings (NULL: SQL NULL) by position (?1..?N: args, nargs) or
	 * by name (:name: names[i] is values[i]; a name the statement lacks is
	 * skipped), into `out`, translating what the engine's dialect writes
	 * otherwise. NULL for an engine that answers every question itself.
	 */
	int (*run)(dyad_store *s, const char *sql, const char *const *args, size_t nargs, const char *const *names,
		   const char *const *values, size_t nnames, dyad_table *out, dyad_errbuf *e);
	/** 1 when booleans are no numbers and coalesce takes one type (sql_query.c then writes so). */
	int strict_types;
	/** Statements in the engine's own SQL (dyad_query_sql): the rows of the last one that gives rows. */
	int (*sql)(dyad_store *s, const char *sql, dyad_table *out, dyad_errbuf *e);
	/** The first step of resolution that finds `q`: 1 with side, code, person filled, 0 for none. */
	int (*resolve)(dyad_store *s, const dyad_actor_query *q, char side[24], char code[24], char person[128],
		       dyad_errbuf *e);
	/** The person `key` by name (dyad_query_person_name); leaves `out` alone when there is none. */
	void (*person_name)(dyad_store *s, const char *key, char *out, size_t n);
	/** The name of a country or organisation `side` (English, else Russian) into `out`: 1, or 0 if unknown. */
	int (*side_name)(dyad_store *s, const char *side, char *out, size_t n);
	/** dyad_query_events with the actor (ref[0]) and dyad (ref[1], ref[2]) resolved; ref unused when not asked. */
	int (*events)(dyad_store *s, const dyad_event_filter *f, const dyad_actor_ref ref[3], dyad_table *out,
		      dyad_errbuf *e);
	/** dyad_query_timeline_refs with both sides resolved and `by` one of day, week, month, year. */
	int (*timeline)(dyad_store *s, const dyad_actor_ref *a, const dyad_actor_ref *b, const char *by,
			const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e);
	int (*profile)(dyad_store *s, const dyad_actor_ref *ref, const dyad_event_filter *scope, dyad_table *partners,
		       dyad_table *years, dyad_table *people, dyad_errbuf *e);
	int (*network)(dyad_store *s, const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e);
	int (*types)(dyad_store *s, const dyad_event_filter *f, const dyad_actor_ref ref[3], dyad_table *out,
		     dyad_errbuf *e);
	int (*places)(dyad_store *s, const dyad_event_filter *f, const char *place, dyad_table *out, dyad_errbuf *e);
	int (*stats)(dyad_store *s, dyad_table *out, dyad_errbuf *e);
	/** `q` has a word; open and close are set. */
	int (*search)(dyad_store *s, const char *q, long limit, const char *open, const char *close, dyad_table *out,
		      dyad_errbuf *e);
	/** `folded` is the prefix folded, or NULL for none. */
	int (*actors)(dyad_store *s, const char *folded, long limit, dyad_table *out, dyad_errbuf *e);
	/** One actor as resolved: a person, a role, or a side (a side outside the lexicon: a row of nulls). */
	int (*actor)(dyad_store *s, const dyad_actor_ref *ref, dyad_table *out, dyad_errbuf *e);
	/** dyad_query_doc: 0 with doc->nrows 0 when unknown (the front says so). */
	int (*doc)(dyad_store *s, const char *id, dyad_table *doc, dyad_table *sentences, dyad_table *mentions,
		   dyad_table *events, dyad_errbuf *e);
} dyad_store_engine;

extern const dyad_store_engine dyad_store_sqlite;
extern const dyad_store_engine dyad_store_pg;
extern const dyad_store_engine dyad_store_clickhouse;

/* ---- what every engine shares (store.c, query.c) ------------------------------------------- */

/** The side of a dyad an event actor stands on: its country, or its organisation's code (IGOEUDIP → IGOEU). */
void dyad_store_side_code(const dyad_store_actor *a, char out[24]);

/**
 * What to do with a database of dyad schema `version` (0: none) holding
 * `tables` tables, when this dyad writes version `known`: 0 nothing, 1
 * migrate, or DYAD_EDB with the reason in s->err (a newer schema, another
 * program's tables, an empty or old database opened read-only). `kind`
 * names the database in the message about another program's.
 */
int dyad_store_schema_plan(dyad_store *s, long version, long known, long tables, int readonly, const char *kind);

/** The page cursor "DATE,ID" as its date ("" when undated) and row id; 0, or DYAD_EUSAGE with `e`. */
int dyad_query_cursor_parse(const char *c, char date[16], char id[24], dyad_errbuf *e);

/** Start `t` with `ncols` columns named `cols` and no rows. */
void dyad_table_start(dyad_table *t, size_t ncols, const char *const *cols);
/** Add a row of `t->ncols` cells (NULL: a null), copied; numeric[c] 1 for a number. */
void dyad_table_add_row(dyad_table *t, const char *const *cells, const unsigned char *numeric);

#endif
