/*
 * cmd_events.c — `dyad events`: the events of the knowledge base, filtered by
 * actor, dyad, type, code and dates, newest first.
 */
#include "kb.h"

#include <stdlib.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	{ "db", 0, "FILE", "the knowledge base (default: dyad.db)" },
	{ "actor", 'a', "X", "events with X on either side (KAZ, SCO, KAZGOV, Kazakhstan, Токаев)" },
	{ "dyad", 'd', "A,B", "events between A and B, both directions" },
	{ "type", 't', "TYPE", "a PLOVER type: CONSULT, SANCTION, ..." },
	{ "cameo", 'c', "CODE", "CAMEO codes starting so: 04, 042" },
	{ "since", 0, "DATE", "from this date (YYYY-MM-DD, YYYY-MM or YYYY)" },
	{ "until", 0, "DATE", "up to this date" },
	{ "limit", 'n', "N", "at most N events (default 50)" },
	{ "format", 'f', "FORMAT", "table (default), csv or jsonl" },
	{ "names", 0, "LANG", "name countries and people in en (default) or ru" },
	{ "count", 0, "WHAT", "events (default: each event once) or mentions (every report of it)" },
	{ NULL, 0, NULL, NULL },
};

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format"), *d = dyad_cli_get(cmd, a, "dyad"), *lim;
	int format = fmt ? dyad_table_format_parse(fmt) : DYAD_TABLE_TEXT, rc;
	dyad_event_filter f = DYAD_EVENT_FILTER_INIT;
	char pair[256], *comma;
	dyad_store *s;
	dyad_table t;
	dyad_errbuf e;

	if (format < 0)
		return dyad_cli_usage_error(cmd, "unknown format '%s' (expected table, csv or jsonl)", fmt);
	if (a->npos)
		return dyad_cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
	if (dyad_cli_get(cmd, a, "type") && dyad_cli_get(cmd, a, "cameo"))
		return dyad_cli_usage_error(cmd, "--type and --cameo do not go together");
	if ((f.mentions = dyad_kb_count(cmd, a)) < 0 || dyad_kb_names(cmd, a) < 0)
		return DYAD_EXIT_USAGE;
	f.actor = dyad_cli_get(cmd, a, "actor");
	f.type = dyad_cli_get(cmd, a, "type");
	f.cameo = dyad_cli_get(cmd, a, "cameo");
	f.since = dyad_cli_get(cmd, a, "since");
	f.until = dyad_cli_get(cmd, a, "until");
	if ((lim = dyad_cli_get(cmd, a, "limit")) != NULL) {
		char *end;
		f.limit = strtol(lim, &end, 10);
		if (*end || f.limit <= 0)
			return dyad_cli_usage_error(cmd, "--limit wants a positive number, not '%s'", lim);
	}
	if (d) {
		snprintf(pair, sizeof pair, "%s", d);
		if ((comma = strchr(pair, ',')) == NULL || comma == pair || !comma[1])
			return dyad_cli_usage_error(cmd, "--dyad wants two actors, A,B, not '%s'", d);
		*comma = '\0';
		f.a = pair;
		f.b = comma + 1;
	}
	if ((rc = dyad_kb_open(dyad_cli_get(cmd, a, "db"), &s)) != 0)
		return rc;
	if ((rc = dyad_query_events(s, &f, &t, &e)) < 0) {
		dyad_store_close(s);
		return dyad_kb_error(cmd, rc, &e);
	}
	dyad_table_print(&t, format, 36);
	dyad_table_free(&t);
	dyad_store_close(s);
	return 0;
}

const dyad_cmd dyad_cmd_events = {
	"events", 61, "list the events of the knowledge base",
	"[--actor X] [--dyad A,B] [--type T | --cameo C] [--since D] [--until D] [--limit N] [--format F]",
	"Lists events newest first with their date, source and target codes, CAMEO code, PLOVER type,\n"
	"Goldstein score, QuadClass, mode, outlet, title and evidence sentence. An event reported by\n"
	"several documents is listed once, with its mentions, sources and articles (GDELT's NumMentions,\n"
	"NumSources, NumArticles); --count mentions lists every report.",
	opts, run,
};
