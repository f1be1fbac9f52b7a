/*
 * internal.h — the SQLite engine's insides, shared by the store (sqlite.c),
 * its FTS5 tokenizer (fts.c) and the queries (src/query/) that read it.
 */
#ifndef DYAD_STORE_INTERNAL_H
#define DYAD_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdlib.h>

#include "dyad/store.h"

/** Register the "dyad" FTS5 tokenizer on `db`. Returns an SQLite result code. */
int store_register_tokenizer(sqlite3 *db);

#endif
