/*
 * sql_query.h — the questions of query.h written once in SQL
 * (sql_query.c) for the engines that speak it, each the engine operation of
 * the same name in engine.h; an engine using them sets `run` (and
 * `strict_types` when its SQL is stricter than SQLite's about types).
 */
#ifndef DYAD_STORE_SQL_QUERY_H
#define DYAD_STORE_SQL_QUERY_H

#include "engine.h"

int store_sql_resolve(dyad_store *s, const dyad_actor_query *q, char side[24], char code[24], char person[128],
		      dyad_errbuf *e);
void store_sql_person_name(dyad_store *s, const char *key, char *out, size_t n);
int store_sql_side_name(dyad_store *s, const char *side, char *out, size_t n);
int store_sql_events(dyad_store *s, const dyad_event_filter *f, const dyad_actor_ref ref[3], dyad_table *out,
		     dyad_errbuf *e);
int store_sql_timeline(dyad_store *s, const dyad_actor_ref *ra, const dyad_actor_ref *rb, const char *by,
		       const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e);
int store_sql_profile(dyad_store *s, const dyad_actor_ref *ref, const dyad_event_filter *scope, dyad_table *partners,
		      dyad_table *years, dyad_table *people, dyad_errbuf *e);
int store_sql_network(dyad_store *s, const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e);
int store_sql_types(dyad_store *s, const dyad_event_filter *f, const dyad_actor_ref ref[3], dyad_table *out,
		    dyad_errbuf *e);
int store_sql_places(dyad_store *s, const dyad_event_filter *f, const char *place, dyad_table *out, dyad_errbuf *e);
int store_sql_stats(dyad_store *s, dyad_table *out, dyad_errbuf *e);
int store_sql_actors(dyad_store *s, const char *folded, long limit, dyad_table *out, dyad_errbuf *e);
int store_sql_actor(dyad_store *s, const dyad_actor_ref *ref, dyad_table *out, dyad_errbuf *e);
int store_sql_doc(dyad_store *s, const char *id, dyad_table *doc, dyad_table *sentences, dyad_table *mentions,
		  dyad_table *events, dyad_errbuf *e);

/* The questions an SQL engine's table takes from here (all but stats and search, whose SQL differs most). */
#define DYAD_STORE_SQL_QUESTIONS                                                                              \
	.resolve = store_sql_resolve, .person_name = store_sql_person_name, .side_name = store_sql_side_name, \
	.events = store_sql_events, .timeline = store_sql_timeline, .profile = store_sql_profile,             \
	.network = store_sql_network, .types = store_sql_types, .places = store_sql_places,                   \
	.actors = store_sql_actors, .actor = store_sql_actor, .doc = store_sql_doc

#endif
