/*
 * internal.h — the SQLite engine's insides, shared by its writes
 * (sqlite.c), its FTS5 tokenizer (fts.c) and its queries (sqlite_query.c).
 * Each query function is the engine operation of the same name in engine.h.
 */
#ifndef DYAD_STORE_INTERNAL_H
#define DYAD_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdlib.h>

#include "engine.h"

/** Register the "dyad" FTS5 tokenizer on `db`. Returns an SQLite result code. */
int store_register_tokenizer(sqlite3 *db);

/** The SQLite connection of a store the SQLite engine opened. */
sqlite3 *store_sqlite_db(dyad_store *s);

int store_sqlite_sql(dyad_store *s, const char *sql, dyad_table *out, dyad_errbuf *e);
int store_sqlite_resolve(dyad_store *s, const dyad_actor_query *q, char side[24], char code[24], char person[128],
			 dyad_errbuf *e);
void store_sqlite_person_name(dyad_store *s, const char *key, char *out, size_t n);
int store_sqlite_side_name(dyad_store *s, const char *side, char *out, size_t n);
int store_sqlite_events(dyad_store *s, const dyad_event_filter *f, const dyad_actor_ref ref[3], dyad_table *out,
			dyad_errbuf *e);
int store_sqlite_timeline(dyad_store *s, const dyad_actor_ref *ra, const dyad_actor_ref *rb, const char *by,
			  const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e);
int store_sqlite_profile(dyad_store *s, const dyad_actor_ref *ref, const dyad_event_filter *scope, dyad_table *partners,
			 dyad_table *years, dyad_table *people, dyad_errbuf *e);
int store_sqlite_network(dyad_store *s, const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e);
int store_sqlite_types(dyad_store *s, const dyad_event_filter *f, const dyad_actor_ref ref[3], dyad_table *out,
		       dyad_errbuf *e);
int store_sqlite_places(dyad_store *s, const dyad_event_filter *f, const char *place, dyad_table *out, dyad_errbuf *e);
int store_sqlite_stats(dyad_store *s, dyad_table *out, dyad_errbuf *e);
int store_sqlite_search(dyad_store *s, const char *q, long limit, const char *open, const char *close, dyad_table *out,
			dyad_errbuf *e);
int store_sqlite_actors(dyad_store *s, const char *folded, long limit, dyad_table *out, dyad_errbuf *e);
int store_sqlite_actor(dyad_store *s, const dyad_actor_ref *ref, dyad_table *out, dyad_errbuf *e);
int store_sqlite_doc(dyad_store *s, const char *id, dyad_table *doc, dyad_table *sentences, dyad_table *mentions,
		     dyad_table *events, dyad_errbuf *e);

#endif
