/*
 * cmd_timeline.c — `dyad timeline A B`: how two actors treated each other,
 * period by period, drawn in the terminal: cooperation and conflict counts in
 * each direction as bars, and the mean Goldstein score.
 */
#include "kb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	{ "db", 0, "DB", "the knowledge base: a file, or postgresql://HOST/NAME (default: dyad.db)" },
	{ "by", 'b', "PERIOD", "day, week, month (default) or year" },
	{ "format", 'f', "FORMAT", "chart (default), table, csv or jsonl" },
	DYAD_KB_SCOPE_OPTS,
	{ NULL, 0, NULL, NULL },
};

static long num(const dyad_table *t, size_t r, size_t c)
{
	const char *v = dyad_table_get(t, r, c);
	return v ? strtol(v, NULL, 10) : 0;
}

static void bar(long n, long scale, const char *glyph)
{
	long i, w = scale > 30 ? (n * 30 + scale - 1) / scale : n;

	for (i = 0; i < w; i++)
		fputs(glyph, stdout);
}

static void chart(const dyad_table *t, const char *a, const char *b)
{
	size_t r;
	long max = 1;

	for (r = 0; r < t->nrows; r++) {
		long ab = num(t, r, 1) + num(t, r, 2) + num(t, r, 3) + num(t, r, 4);
		long ba = num(t, r, 5) + num(t, r, 6) + num(t, r, 7) + num(t, r, 8);
		if (ab > max)
			max = ab;
		if (ba > max)
			max = ba;
	}
	printf("%s and %s: █ cooperation, ░ conflict; mean Goldstein from -10 (war) to +10 (cooperation)\n\n", a, b);
	for (r = 0; r < t->nrows; r++) {
		const char *g = dyad_table_get(t, r, 11);
		printf("%-10s %s→%s ", dyad_table_get(t, r, 0), a, b);
		bar(num(t, r, 1) + num(t, r, 2), max, "█");
		bar(num(t, r, 3) + num(t, r, 4), max, "░");
		printf(" %ld\n%-10s %s→%s ", num(t, r, 1) + num(t, r, 2) + num(t, r, 3) + num(t, r, 4), "", b, a);
		bar(num(t, r, 5) + num(t, r, 6), max, "█");
		bar(num(t, r, 7) + num(t, r, 8), max, "░");
		printf(" %ld   Goldstein %s\n", num(t, r, 5) + num(t, r, 6) + num(t, r, 7) + num(t, r, 8), g ? g : "-");
	}
	if (t->nrows == 0)
		printf("no events between %s and %s\n", a, b);
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format");
	int format = -2, rc;
	dyad_event_filter scope = DYAD_EVENT_FILTER_INIT;
	dyad_actor_ref ra, rb;
	dyad_store *s;
	dyad_table t;
	dyad_errbuf e;

	if (fmt && strcmp(fmt, "chart") != 0 && (format = dyad_table_format_parse(fmt)) < 0)
		return dyad_cli_usage_error(cmd, "unknown format '%s' (expected chart, table, csv or jsonl)", fmt);
	if (a->npos != 2)
		return dyad_cli_usage_error(cmd, "name two actors: dyad timeline A B");
	if (dyad_kb_scope(cmd, a, &scope) < 0)
		return DYAD_EXIT_USAGE;
	if ((rc = dyad_kb_open(dyad_cli_get(cmd, a, "db"), &s)) != 0)
		return rc;
	if ((rc = dyad_query_timeline_refs(s, a->pos[0], a->pos[1], dyad_cli_get(cmd, a, "by"), &scope, &t, &ra, &rb,
					   &e)) < 0) {
		dyad_store_close(s);
		return dyad_kb_error(cmd, rc, &e);
	}
	if (format == -2) {
		dyad_kb_print_ref(s, a->pos[0], &ra);
		dyad_kb_print_ref(s, a->pos[1], &rb);
		chart(&t, a->pos[0], a->pos[1]);
	} else
		dyad_table_print(&t, format, 20);
	dyad_table_free(&t);
	dyad_store_close(s);
	return 0;
}

const dyad_cmd dyad_cmd_timeline = {
	"timeline",
	62,
	"how two actors treated each other, period by period",
	"A B [--by day|week|month|year]",
	"Per period: the events from A to B and from B to A by QuadClass (cooperation and conflict,\n"
	"verbal and material) and the mean Goldstein score of both directions, drawn as a chart.",
	opts,
	run,
};
