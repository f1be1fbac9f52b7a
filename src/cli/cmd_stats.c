/*
 * cmd_stats.c — `dyad stats`: what the knowledge base holds.
 */
#include "kb.h"

static const dyad_cli_opt opts[] = {
	{ "db", 0, "DB", "the knowledge base: a file, or postgresql://HOST/NAME (default: dyad.db)" },
	{ "format", 'f', "FORMAT", "table (default), csv or jsonl" },
	{ NULL, 0, NULL, NULL },
};

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format");
	int format = fmt ? dyad_table_format_parse(fmt) : DYAD_TABLE_TEXT, rc;
	dyad_store *s;
	dyad_table t;
	dyad_errbuf e;

	if (format < 0)
		return dyad_cli_usage_error(cmd, "unknown format '%s' (expected table, csv or jsonl)", fmt);
	if (a->npos)
		return dyad_cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
	if ((rc = dyad_kb_open(dyad_cli_get(cmd, a, "db"), &s)) != 0)
		return rc;
	if ((rc = dyad_query_stats(s, &t, &e)) < 0) {
		dyad_store_close(s);
		return dyad_kb_error(cmd, rc, &e);
	}
	dyad_table_print(&t, format, 60);
	dyad_table_free(&t);
	dyad_store_close(s);
	return 0;
}

const dyad_cmd dyad_cmd_stats = {
	"stats",
	60,
	"count what the knowledge base holds",
	"[--db FILE]",
	"Documents, syndicated copies, sentences, actor mentions, events, the date range, and the\n"
	"documents by language and outlet and the events by PLOVER type.",
	opts,
	run,
};
