/*
 * internal.h — the SQLite engine's insides, shared by its writes
 * and queries (sqlite.c) and its FTS5 tokenizer (fts.c); the questions
 * themselves are the SQL engines' (sql_query.c).
 */
#ifndef DYAD_STORE_INTERNAL_H
#define DYAD_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdlib.h>

#include "sql_query.h"

/** Register the "dyad" FTS5 tokenizer on `db`. Returns an SQLite result code. */
int store_register_tokenizer(sqlite3 *db);

/** The SQLite connection of a store the SQLite engine opened. */
sqlite3 *store_sqlite_db(dyad_store *s);

#endif
