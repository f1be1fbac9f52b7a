/*
 * store.h — the knowledge base behind one interface: documents, sentences,
 * actor mentions and events go in; queries (query.h) read them out. Each
 * database engine implements the interface (src/store/engine.h): SQLite, the
 * default, keeps one file any SQLite client can open (docs/schema.md); a
 * server engine is named by its URL. Nothing here names an engine's types.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include "dyad/pipeline.h"
#include "dyad/util.h"

typedef struct dyad_store dyad_store;

#define DYAD_STORE_READONLY 0x1 /**< open an existing store for reading only */
#define DYAD_STORE_CREATE 0x2   /**< create the file if missing */

/**
 * Open the store `target` names: an SQLite file's path, or a server's URL
 * (docs/engines.md), creating and migrating its schema as needed. While
 * another process writes, waits up to `wait_ms` milliseconds, then fails
 * with a message saying so. On failure returns a DYAD_E* code, *out is NULL
 * and `e` names the engine or file and the problem.
 */
int dyad_store_open(dyad_store **out, const char *target, int flags, int wait_ms, dyad_errbuf *e);
/** 1 when `target` names a file (the SQLite engine's), 0 for a server's URL. */
int dyad_store_is_file(const char *target);
/** Close the store, rolling back a transaction left open. NULL is a no-op. */
void dyad_store_close(dyad_store *s);
/** The last error on the handle, one line. */
const char *dyad_store_errmsg(const dyad_store *s);
/**
 * 1 when the last error was the loss of a server's connection mid-run:
 * what earlier transactions committed is kept, the open one is not.
 */
int dyad_store_lost(const dyad_store *s);
/**
 * Documents an ingest into `s` should commit at once when the user does not
 * say: the engine's own figure (ClickHouse: thousands, a commit costing a few
 * tenths of a second whatever its size), else `fallback`.
 */
size_t dyad_store_batch_default(const dyad_store *s, size_t fallback);
/** The engine's name: "SQLite", "PostgreSQL", "ClickHouse". */
const char *dyad_store_engine_name(const dyad_store *s);
/** The schema version this dyad writes into SQLite files (PRAGMA user_version). */
int dyad_store_schema_version(void);

/* Writes happen inside one transaction at a time; commit makes them durable. */
int dyad_store_begin(dyad_store *s);
int dyad_store_commit(dyad_store *s);
void dyad_store_rollback(dyad_store *s);

typedef struct {
	uint64_t id;           /**< parse's document id: the input's identity */
	uint64_t content_hash; /**< hash of the body */
	uint64_t simhash;      /**< near-duplicate fingerprint of the body */
	const char *path, *record, *url, *title, *date, *time, *outlet, *dateline, *language, *author;
	dyad_str body;
	const char *version;   /**< the dyad that made the derived rows */
	const char *furniture; /**< the lines cleaning removed, a JSON array of strings, or NULL */
} dyad_store_doc;

typedef enum {
	DYAD_STORE_NEW = 1, /**< not seen before: stored */
	DYAD_STORE_SAME,    /**< already stored by this dyad version: nothing written */
	DYAD_STORE_REPLACED /**< stored by another version: derived rows replaced */
} dyad_store_status;

/**
 * Put a document. Returns a dyad_store_status (positive) and the document's
 * row in *row, or a negative DYAD_E* code. With DYAD_STORE_SAME the caller
 * writes nothing more for it; with NEW and REPLACED it adds sentences,
 * mentions and events. A body within a few bits of an earlier document's
 * fingerprint links the document to it as a syndicated copy.
 */
int dyad_store_put_doc(dyad_store *s, const dyad_store_doc *d, int64_t *row);

int dyad_store_put_sentence(dyad_store *s, int64_t doc, size_t n, size_t start, size_t end, dyad_str text);

typedef struct {
	const char *code, *country, *igo, *role, *person, *name;
} dyad_store_actor;

typedef struct {
	size_t sentence, start, end; /**< code points into the body */
	const char *kind;
	dyad_store_actor actor;
	dyad_str text;
} dyad_store_mention;

int dyad_store_put_mention(dyad_store *s, int64_t doc, const dyad_store_mention *m);

typedef struct {
	size_t n; /**< the event's place in its document */
	dyad_store_actor source, target;
	const char *cameo, *cameo_name, *type, *mode, *modality, *date, *location, *rules;
	double goldstein;
	int quad; /**< 1..4, 0 when the codebook lacks the code */
	int reciprocal, date_from_publication;
	size_t sentence, start, end; /**< the evidence, code points into the body */
	dyad_str evidence;
	const char *location_country; /**< ISO3 of the location, or NULL */
	uint32_t location_geonames;   /**< its GeoNames id, 0 when none */
	int location_has_coords;      /**< 1 when location_lat and location_lon hold */
	double location_lat, location_lon;
} dyad_store_event;

int dyad_store_put_event(dyad_store *s, int64_t doc, const dyad_store_event *ev);

/**
 * Record one name of a lexicon entity with its folded form (dyad_fold_buf),
 * so queries resolve any name: kind "country" or "igo" with its code, or
 * "person" with the person's key as events store it.
 */
int dyad_store_put_actor_name(dyad_store *s, const char *name, const char *folded, const char *kind, const char *code,
			      const char *person);

/** Record an actor the lexicon knows (code, kind, names) so profiles can name it. */
int dyad_store_put_actor(dyad_store *s, const char *code, const char *kind, const char *name_en, const char *name_ru);

/* ---- a coded document as rows (src/store/rows.c) ---------------------------------------- */

/** What maps documents to rows: the codebook, the pipeline's lexicon, gazetteer and morphology, the data version. */
typedef struct dyad_store_rows dyad_store_rows;

/**
 * Ready to map the documents pipeline `p` (opened with DYAD_PIPE_EVENTS)
 * makes: loads DATADIR/codebook (its malformed rows through `warn`) and
 * derives the data version from the dyad and every dictionary file. Returns
 * 0, or DYAD_ENOTFOUND with `e` naming what could not be read. `p` must
 * outlive the handle.
 */
int dyad_store_rows_open(dyad_store_rows **out, const dyad_pipeline *p, void (*warn)(void *ctx, const char *msg),
			 void *ctx, dyad_errbuf *e);
void dyad_store_rows_close(dyad_store_rows *r);
/** "VERSION+data.HASH": what documents stored through r record as their dyad_version. */
const char *dyad_store_rows_version(const dyad_store_rows *r);

/** Store the lexicon's countries and organisations with their names, and every name folded (for queries). */
int dyad_store_put_lexicon(dyad_store *s, dyad_store_rows *r);

/** What dyad_store_put_document has stored, added up. */
typedef struct {
	size_t docs, fresh, replaced, same, events, mentions;
} dyad_store_counts;

/**
 * Store document d inside the open transaction: the document, and unless it
 * is already stored by this version (DYAD_STORE_SAME) its sentences, actor
 * mentions and events, events named in English with the codebook's names,
 * scores, types and the gazetteer's places. Returns a dyad_store_status, or
 * DYAD_EDB with dyad_store_errmsg(s) saying why; adds to *c.
 */
int dyad_store_put_document(dyad_store *s, dyad_store_rows *r, const dyad_document *d, dyad_store_counts *c);

/** 64-bit SimHash of a text's word trigrams (case folded): near-identical texts differ in few bits. */
uint64_t dyad_simhash(dyad_str text);

#endif
