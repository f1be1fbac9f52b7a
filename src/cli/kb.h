/*
 * kb.h — what the knowledge-base commands share: opening the store for
 * reading with a clear message, and printing a query's table as an aligned
 * table, CSV or JSON Lines.
 */
#ifndef DYAD_CLI_KB_H
#define DYAD_CLI_KB_H

#include "cli.h"
#include "dyad/query.h"

enum { DYAD_TABLE_TEXT = 0, DYAD_TABLE_CSV, DYAD_TABLE_JSONL };

/** "table", "csv", "jsonl" → DYAD_TABLE_*; -1 otherwise. */
int dyad_table_format_parse(const char *name);

/**
 * Open the --db store (default dyad.db) for reading. On failure prints one
 * line naming the file and returns DYAD_EXIT_FATAL; else 0.
 */
int dyad_kb_open(const char *db, dyad_store **out);

/** Print `t` to stdout in `format`; `widths` caps each column of the text table (0: 40). */
void dyad_table_print(const dyad_table *t, int format, size_t width);

/**
 * The --count option: "events" (default) → 0, "mentions" → 1; on anything
 * else prints a usage error and returns -1.
 */
int dyad_kb_count(const dyad_cmd *cmd, const dyad_cli_args *a);

/**
 * The --names option: en (default) or ru, set for the queries; on anything
 * else prints a usage error and returns -1.
 */
int dyad_kb_names(const dyad_cmd *cmd, const dyad_cli_args *a);

/** The options of a scope, for commands' option tables (since, until, type, quad, outlet, language). */
#define DYAD_KB_SCOPE_OPTS                                                                                     \
	{ "since", 0, "DATE", "from this date (YYYY-MM-DD, YYYY-MM or YYYY)" },                                \
		{ "until", 0, "DATE", "up to this date" },                                                     \
		{ "type", 't', "TYPE", "a PLOVER type: CONSULT, SANCTION, ..." },                              \
		{ "quad", 'q', "N", "QuadClass 1-4 (verbal/material cooperation, verbal/material conflict)" }, \
		{ "outlet", 0, "NAME", "events an outlet reported" },                                          \
		{ "language", 0, "LANG", "events reported in ru or en" },                                      \
		{ "count", 0, "WHAT", "events (default: each event once) or mentions (every report of it)" },  \
	{                                                                                                      \
		"names", 0, "LANG", "name countries and people in en (default) or ru"                          \
	}

/**
 * Read the scope options the command declares (DYAD_KB_SCOPE_OPTS) into
 * `f`, and set the names language. On a bad value prints a usage error and
 * returns -1.
 */
int dyad_kb_scope(const dyad_cmd *cmd, const dyad_cli_args *a, dyad_event_filter *f);

/** One line saying what an actor argument resolved to: "Токаев: the person Tokayev (KAZGOV, KAZ)". */
void dyad_kb_print_ref(dyad_store *s, const char *arg, const dyad_actor_ref *ref);

/** Report a query error: usage errors exit 2 with a hint, the rest 3. */
int dyad_kb_error(const dyad_cmd *cmd, int rc, const dyad_errbuf *e);

#endif
