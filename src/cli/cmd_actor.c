/*
 * cmd_actor.c — `dyad actor X`: an actor's profile: its partners, its
 * cooperation and conflict year by year, the people it dealt with most.
 */
#include "kb.h"

#include <stdio.h>

static const dyad_cli_opt opts[] = {
	{ "db", 0, "DB", "the knowledge base: a file, or postgresql://HOST/NAME (default: dyad.db)" },
	{ "format", 'f', "FORMAT", "table (default), csv or jsonl" },
	DYAD_KB_SCOPE_OPTS,
	{ NULL, 0, NULL, NULL },
};

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format");
	int format = fmt ? dyad_table_format_parse(fmt) : DYAD_TABLE_TEXT, rc;
	dyad_event_filter scope = DYAD_EVENT_FILTER_INIT;
	dyad_table partners, years, people;
	dyad_actor_ref ref;
	dyad_store *s;
	dyad_errbuf e;

	if (format < 0)
		return dyad_cli_usage_error(cmd, "unknown format '%s' (expected table, csv or jsonl)", fmt);
	if (a->npos != 1)
		return dyad_cli_usage_error(cmd, "name one actor: dyad actor X");
	if (dyad_kb_scope(cmd, a, &scope) < 0)
		return DYAD_EXIT_USAGE;
	if ((rc = dyad_kb_open(dyad_cli_get(cmd, a, "db"), &s)) != 0)
		return rc;
	if ((rc = dyad_query_profile(s, a->pos[0], &scope, &partners, &years, &people, &ref, &e)) < 0) {
		dyad_table_free(&partners);
		dyad_table_free(&years);
		dyad_table_free(&people);
		dyad_store_close(s);
		return dyad_kb_error(cmd, rc, &e);
	}
	if (format == DYAD_TABLE_TEXT) {
		dyad_kb_print_ref(s, a->pos[0], &ref);
		printf("\n== partners of %s\n", a->pos[0]);
	}
	dyad_table_print(&partners, format, 30);
	if (format == DYAD_TABLE_TEXT)
		printf("\n== by year\n");
	dyad_table_print(&years, format, 30);
	if (format == DYAD_TABLE_TEXT)
		printf("\n== people on the other side, most events first\n");
	dyad_table_print(&people, format, 30);
	dyad_table_free(&partners);
	dyad_table_free(&years);
	dyad_table_free(&people);
	dyad_store_close(s);
	return 0;
}

const dyad_cmd dyad_cmd_actor = {
	"actor",
	63,
	"an actor's profile: partners, years, people",
	"X [--db FILE]",
	"X is a country (KAZ), an organisation (SCO), a CAMEO code (KAZGOV), a name in English or\n"
	"Russian, or a person; the first line says which it was taken for. A person's profile is that\n"
	"person's events, a role code's those of the role, a country's all of its events. Shows its top partners with "
	"cooperation, conflict and mean Goldstein,\n"
	"its events year by year, and the people of other sides it dealt with most.",
	opts,
	run,
};
