/*
 * clickhouse.h — the ClickHouse engine's insides: its URL
 * (clickhouse://host:port/db?cluster=NAME), a client for the server's HTTP
 * interface through libcurl (clickhouse_http.c), the TabSeparated escaping
 * of values and dates as Int32 YYYYMMDD, and the schema on one server or on
 * every shard of a cluster (clickhouse_schema.c). docs/engines.md tells the
 * design: sharding by document, idempotent re-ingest without unique keys.
 */
#ifndef DYAD_STORE_CLICKHOUSE_H
#define DYAD_STORE_CLICKHOUSE_H

#include <stdint.h>

#include "dyad/store.h"
#include "dyad/text.h"
#include "dyad/util.h"

/** The HTTP port of a URL that names none: ClickHouse's default. */
#define DYAD_CH_DEFAULT_PORT 8123

/** A parsed clickhouse:// URL. Every string is owned (dyad_ch_url_free). */
typedef struct {
	char *host;            /**< a name or an address; IPv6 without its brackets */
	int port;              /**< the HTTP interface's port */
	char *database;        /**< "default" when the URL names none */
	char *cluster;         /**< ?cluster=NAME: Distributed tables over its shards; NULL for one server */
	char *user, *password; /**< user[:password]@, percent-decoded; NULL when absent */
} dyad_ch_url;

/**
 * Parse `url`: clickhouse://[user[:password]@]host[:port][/database][?cluster=NAME].
 * The database and the cluster are identifiers (letters, digits, _; not a digit first).
 * Returns 0, or DYAD_EUSAGE with a message in `e` that names the URL (its password
 * hidden) and what is wrong; *out is then empty.
 */
int dyad_ch_url_parse(dyad_ch_url *out, const char *url, dyad_errbuf *e);
void dyad_ch_url_free(dyad_ch_url *u);

/** A connection to one server's HTTP interface; one request at a time. */
typedef struct dyad_ch dyad_ch;

/**
 * A handle on the server `url` names. Nothing is sent yet: the first query
 * finds out whether the server answers. Returns 0 or DYAD_EUSAGE (a bad URL),
 * DYAD_EDB (libcurl would not start) with the message in `e`.
 */
int dyad_ch_open(dyad_ch **out, const char *url, dyad_errbuf *e);
/**
 * A handle on another server of the same deployment (a shard): `u`'s
 * database, credentials and cluster, at `host`:`port`. Returns as dyad_ch_open.
 */
int dyad_ch_open_host(dyad_ch **out, const dyad_ch_url *u, const char *host, int port, dyad_errbuf *e);
void dyad_ch_close(dyad_ch *c);
/** The handle's URL, parsed. */
const dyad_ch_url *dyad_ch_url_of(const dyad_ch *c);
/** The last error, one line naming the engine, the host and the problem. */
const char *dyad_ch_errmsg(const dyad_ch *c);
/** Set the handle's message to "ClickHouse at host:port: " and `fmt`'s text. Returns DYAD_EDB. */
int dyad_ch_fail(dyad_ch *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** Set the handle's message to `msg` as it is (another handle's, which names its own host). Returns DYAD_EDB. */
int dyad_ch_set_error(dyad_ch *c, const char *msg);

/**
 * Called for each line of a result (TabSeparated or JSONEachRow: one row a
 * line), without its newline; the slice lives until the callback returns.
 * A nonzero return stops the query and is what dyad_ch_query returns.
 */
typedef int (*dyad_ch_row_fn)(void *ctx, dyad_str row);

/**
 * Run `sql` in the URL's database, streaming the result's lines to `fn`
 * (NULL: the result is dropped). Inserts through Distributed tables are
 * synchronous (insert_distributed_sync=1): when this returns 0 every shard
 * has its rows. Returns 0, fn's nonzero value, or DYAD_EDB with the server's
 * exception (also one raised after rows had streamed), an unreachable host or
 * a failed login in dyad_ch_errmsg().
 */
int dyad_ch_query(dyad_ch *c, const char *sql, dyad_ch_row_fn fn, void *ctx);

/**
 * dyad_ch_query outside the URL's database, which need not exist: for CREATE
 * DATABASE, DROP DATABASE and the system tables.
 */
int dyad_ch_query_server(dyad_ch *c, const char *sql, dyad_ch_row_fn fn, void *ctx);

/**
 * Send `insert` (an INSERT INTO t (columns) FORMAT TabSeparated) with `rows`,
 * lines written with dyad_ch_tsv_*, as the request's body. Returns 0 or DYAD_EDB.
 */
int dyad_ch_insert(dyad_ch *c, const char *insert, dyad_str rows);

/**
 * The first line of `sql`'s result into `out` (emptied first; empty when there
 * is no row). Returns 0 or DYAD_EDB.
 */
int dyad_ch_query_line(dyad_ch *c, const char *sql, dyad_buf *out);

/* ---- values -------------------------------------------------------------------------------- */

/** Append `s` as one TabSeparated field: \\ \t \n \r \0 \b \f and ' escaped. */
void dyad_ch_tsv_str(dyad_buf *b, dyad_str s);
/** Append a C string as a field, NULL as \N (a Nullable column's NULL). */
void dyad_ch_tsv_cstr(dyad_buf *b, const char *s);

/**
 * Take the next field of a TabSeparated line: unescaped into `out` (emptied
 * first), `*line` advanced past it and its tab. Returns 1 for a field, 2 for
 * \N (NULL; `out` empty), 0 when the line has no field left.
 */
int dyad_ch_tsv_field(dyad_str *line, dyad_buf *out);

/** Append `s` as an SQL string literal in quotes, \\ and ' escaped. */
void dyad_ch_sql_str(dyad_buf *b, dyad_str s);

/**
 * A date "YYYY-MM-DD" as the Int32 YYYYMMDD the tables keep (a year from 0 to
 * 214747, "-YYYY-MM-DD" before year 0 as a negative number); NULL or "" is 0,
 * no date. Returns 0, or DYAD_EINPUT for anything else (*out is then 0).
 */
int dyad_ch_date_int(const char *iso, int32_t *out);
/** The Int32 date back as "YYYY-MM-DD" in `out` ("" for 0). */
void dyad_ch_date_iso(int32_t date, char out[16]);

/* ---- schema (clickhouse_schema.c) ---------------------------------------------------------- */

/** The schema version dyad writes on ClickHouse (the table dyad_schema). */
int dyad_ch_schema_version(void);

/**
 * Append to `out` the statements that make dyad's tables, one per line, in
 * order: on a shard's server when `cluster` is set (`local` 1: the MergeTree
 * tables <name>_local; `local` 0: the Distributed tables over them), or on a
 * single server (cluster NULL: MergeTree tables under the plain names).
 */
void dyad_ch_schema_sql(dyad_buf *out, const char *database, const char *cluster, int local);

/**
 * Append, one per line, the statements that delete the rows `where` (an SQL
 * condition on doc_id and batch) from every table that holds rows of
 * documents: on a shard's server (`cluster` set: the _local tables, where
 * mutations run) or on a single server.
 */
void dyad_ch_delete_sql(dyad_buf *out, const char *database, const char *cluster, const char *where);

/** Run each line of `sql` on `h`, in order; the first failure stops. Returns 0 or DYAD_EDB. */
int dyad_ch_run_lines(dyad_ch *h, const char *sql);

/**
 * Create dyad's tables where `c` points: on a single server, or with a cluster
 * on every server system.clusters lists for it (their HTTP interface on `c`'s
 * port), then the Distributed tables. A store of this version is left as it
 * is; one of a newer dyad, or a database whose tables another program made, is
 * refused. Returns 0 or DYAD_EDB with the message in dyad_ch_errmsg(c).
 */
int dyad_ch_schema_create(dyad_ch *c);

/**
 * The servers of `c`'s cluster, one "host" each, in shard order (every
 * replica), as system.clusters on `c`'s server lists them. *out is a malloc'd
 * array of malloc'd strings. Returns 0 or DYAD_EDB (no such cluster).
 */
int dyad_ch_cluster_hosts(dyad_ch *c, char ***out, size_t *n);

/**
 * Handles on every server of `c`'s deployment: those of its cluster (as
 * dyad_ch_cluster_hosts), or `c` itself for one server. Free them with
 * dyad_ch_servers_free. Returns 0 or DYAD_EDB.
 */
int dyad_ch_servers(dyad_ch *c, dyad_ch ***out, size_t *n);
void dyad_ch_servers_free(dyad_ch *c, dyad_ch **servers, size_t n);

/* ---- the writer's bookkeeping (clickhouse_batch.c) ----------------------------------------- */

/*
 * ClickHouse has no unique keys and no transactions: dyad keeps re-ingest
 * idempotent itself. Every row an ingest writes carries its batch; a batch is
 * recorded 'open' before its first row and 'done' after its documents' rows,
 * the last it writes; a document counts as stored when its documents row is
 * there. One writer at a time (as with SQLite); docs/engines.md tells the rest.
 */

/** The next batch number: one more than any recorded. Returns 0 or DYAD_EDB. */
int dyad_ch_batch_next(dyad_ch *c, uint64_t *out);
/** Record that `batch` of `docs` documents begins. Returns 0 or DYAD_EDB. */
int dyad_ch_batch_begin(dyad_ch *c, uint64_t batch, size_t docs);
/** Record that `batch` is complete: after the last of its rows. Returns 0 or DYAD_EDB. */
int dyad_ch_batch_end(dyad_ch *c, uint64_t batch);

/**
 * Take away, on every server, every row of each batch begun and never ended
 * (an ingest killed or cut off midway), wait until the servers have done so,
 * and record the batches 'undone': ingesting the same input again then stores
 * those documents whole, once. `*undone` is how many batches. Returns 0 or DYAD_EDB.
 */
int dyad_ch_batch_undo_unfinished(dyad_ch *c, size_t *undone);

/** Delete every row `batch` wrote, on every server, and wait until done. Returns 0 or DYAD_EDB. */
int dyad_ch_batch_delete(dyad_ch *c, uint64_t batch);

/**
 * Delete every row of the documents `ids` (doc_id) on every server and wait
 * until done: before a document stored by another dyad is written again.
 * Returns 0 or DYAD_EDB.
 */
int dyad_ch_docs_delete(dyad_ch *c, const uint64_t *ids, size_t n);

/* ---- search without a text index (clickhouse_search.c) ----------------------------------- */

/** Called with a word's search forms: its Snowball stem and, when it differs, its light stem. */
typedef void (*dyad_ch_word_fn)(void *ctx, const dyad_str *forms, size_t n);

/**
 * Each word of `text` (a hyphenated compound part by part, as the FTS5
 * tokenizer of the SQLite store indexes it) with its search forms, made in
 * `a` (the caller resets it).
 */
void dyad_ch_search_words(dyad_stemmer *s, dyad_arena *a, dyad_str text, dyad_ch_word_fn fn, void *ctx);
/** Append the search forms of `text` as an Array(String) value of a TabSeparated row: ['визит','виз',...]. */
void dyad_ch_stems_array(dyad_stemmer *s, dyad_arena *a, dyad_buf *b, dyad_str text);
/**
 * Append the condition on sentences.stems that the user's words `q` ask for:
 * every word through any of its forms. A quoted phrase's words are each asked
 * for, not checked for standing together. Returns how many words (0: nothing
 * to search for, nothing appended).
 */
size_t dyad_ch_search_where(dyad_stemmer *s, dyad_arena *a, dyad_buf *out, const char *q);

/* ---- an ingest (clickhouse_writer.c) ------------------------------------------------------ */

/** Rows of documents gathered for one batch, sent at commit. */
typedef struct dyad_ch_writer dyad_ch_writer;

/**
 * A writer on `c`: makes or checks the schema (dyad_ch_schema_create), undoes
 * the batches a killed ingest left (*undone says how many), numbers the next.
 * Returns 0 or DYAD_EDB with the message in dyad_ch_errmsg(c).
 */
int dyad_ch_writer_new(dyad_ch_writer **out, dyad_ch *c, size_t *undone);
void dyad_ch_writer_free(dyad_ch_writer *w);

/**
 * Put a document into the batch, as dyad_store_put_doc: DYAD_STORE_NEW,
 * DYAD_STORE_SAME (stored by this dyad from the same body, or already in this
 * batch: write nothing more for it) or DYAD_STORE_REPLACED (its old rows go at
 * commit), or a negative DYAD_E* code. *row is the doc_id, for the calls below.
 * An earlier document within 3 bits of its fingerprint, on any shard, is
 * recorded as the one it copies (syndicated_of).
 */
int dyad_ch_writer_put_doc(dyad_ch_writer *w, const dyad_store_doc *d, int64_t *row);
/**
 * Learn, in two requests, what put_doc would ask the servers for each of
 * `docs[0..n)` (only their id, content_hash, simhash and version are read),
 * so that putting them sends none. For documents of the batch being gathered:
 * a commit or rollback forgets it. Returns 0 or DYAD_EDB.
 */
int dyad_ch_writer_look_ahead(dyad_ch_writer *w, const dyad_store_doc *docs, size_t n);
int dyad_ch_writer_put_sentence(dyad_ch_writer *w, int64_t doc, size_t n, size_t start, size_t end, dyad_str text);
int dyad_ch_writer_put_mention(dyad_ch_writer *w, int64_t doc, const dyad_store_mention *m);
/**
 * Put an event; `source_actor` and `target_actor` are the dyad's sides (the
 * country, or the organisation's code), as the SQLite store derives them.
 * Returns 0, or DYAD_EDB when its date is not YYYY-MM-DD.
 */
int dyad_ch_writer_put_event(dyad_ch_writer *w, int64_t doc, const dyad_store_event *ev, const char *source_actor,
			     const char *target_actor);
int dyad_ch_writer_put_actor(dyad_ch_writer *w, const char *code, const char *kind, const char *name_en,
			     const char *name_ru);
int dyad_ch_writer_put_actor_name(dyad_ch_writer *w, const char *name, const char *folded, const char *kind,
				  const char *code, const char *person);
/**
 * Send the batch: recorded open, replaced documents' old rows deleted, the
 * derived rows, the documents' rows, the lexicon, recorded done. On failure
 * (a server gone midway) the batch stays open on the servers and its rows
 * stay gathered: commit again sends it whole, the rows that did arrive
 * deleted first, or the next writer undoes it. Returns 0 or DYAD_EDB.
 */
int dyad_ch_writer_commit(dyad_ch_writer *w);
/** Drop what the batch has gathered. */
void dyad_ch_writer_rollback(dyad_ch_writer *w);

#endif
