/*
 * cmd_search.c — `dyad search`: sentences of the knowledge base that match
 * the words given, in any of their forms, with the document they are from.
 */
#include "kb.h"

#include <stdlib.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	{ "db", 0, "DB", "the knowledge base: a file, or postgresql://HOST/NAME (default: dyad.db)" },
	{ "limit", 'n', "N", "at most N sentences (default 20)" },
	{ "format", 'f', "FORMAT", "table (default), csv or jsonl" },
	{ NULL, 0, NULL, NULL },
};

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format"), *lim = dyad_cli_get(cmd, a, "limit");
	int format = fmt ? dyad_table_format_parse(fmt) : DYAD_TABLE_TEXT, rc, i;
	long limit = 20;
	dyad_buf q = DYAD_BUF_INIT;
	dyad_store *s;
	dyad_table t;
	dyad_errbuf e;

	if (format < 0)
		return dyad_cli_usage_error(cmd, "unknown format '%s' (expected table, csv or jsonl)", fmt);
	if (lim) {
		char *end;
		limit = strtol(lim, &end, 10);
		if (*end || limit <= 0)
			return dyad_cli_usage_error(cmd, "--limit wants a positive number, not '%s'", lim);
	}
	if (a->npos == 0)
		return dyad_cli_usage_error(cmd, "what to search for? dyad search WORDS");
	for (i = 0; i < a->npos; i++)
		dyad_buf_printf(&q, "%s%s", i ? " " : "", a->pos[i]);
	if ((rc = dyad_kb_open(dyad_cli_get(cmd, a, "db"), &s)) != 0) {
		dyad_buf_free(&q);
		return rc;
	}
	rc = dyad_query_search(s, q.p, limit, NULL, NULL, &t, &e);
	dyad_buf_free(&q);
	if (rc < 0) {
		dyad_store_close(s);
		return dyad_kb_error(cmd, rc, &e);
	}
	dyad_table_print(&t, format, 70);
	dyad_table_free(&t);
	dyad_store_close(s);
	return 0;
}

const dyad_cmd dyad_cmd_search = {
	"search",
	65,
	"find sentences by their words, in any of their forms",
	"WORDS... [--db FILE]",
	"Words are stemmed as in the index, Russian and English, ё as е: 'визиты премьера' finds\n"
	"'визит премьер-министра'. \"Quoted words\" must stand together. Matches are shown [bracketed].",
	opts,
	run,
};
