/*
 * cmd_events.c — `dyad events`: the events of the knowledge base, filtered by
 * actor, dyad, type, code and dates, newest first.
 */
#include "kb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The cell of row r in the column called `name`, or "". */
static const char *cell(const dyad_table *t, size_t r, const char *name)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c], name) == 0)
			return dyad_table_get(t, r, c) ? dyad_table_get(t, r, c) : "";
	return "";
}

/* A GDELT actor block: code, name, country, known group, ethnic, religion 1 and 2, type 1..3. */
static void gdelt_actor(const char *code, const char *person)
{
	printf("%s\t%s\t%.3s\t\t\t\t\t%s\t\t\t", code, *person ? person : code, code,
	       strlen(code) > 3 && strncmp(code, "IGO", 3) != 0 ? code + 3 : "");
}

/*
 * The events as GDELT 2.0 event rows (61 columns, docs/formats.md), each
 * event once with its NumMentions, NumSources and NumArticles.
 */
static void print_gdelt(const dyad_table *t)
{
	size_t r;

	for (r = 0; r < t->nrows; r++) {
		const char *date = cell(t, r, "date"), *cameo = cell(t, r, "cameo"), *loc = cell(t, r, "location");
		char day[9] = "";
		uint64_t id = dyad_hash64(cell(t, r, "doc"), strlen(cell(t, r, "doc")), (uint64_t)r + 1);
		size_t i, k = 0;
		for (i = 0; date[i] && k < 8; i++)
			if (date[i] != '-')
				day[k++] = date[i];
		day[k] = '\0';
		id ^= dyad_hash64(cameo, strlen(cameo), DYAD_HASH_SEED) ^ dyad_hash64(date, strlen(date), DYAD_HASH_SEED);
		printf("%llu\t%s\t%.6s\t%.4s\t", (unsigned long long)(id & 0x7fffffffffffffffULL), day, day, day);
		if (k == 8)
			printf("%.4f\t", (double)strtol(date, NULL, 10) + (double)((strtol(date + 5, NULL, 10) - 1) * 30 +
										   strtol(date + 8, NULL, 10)) /
										  365.0);
		else
			fputs("\t", stdout);
		gdelt_actor(cell(t, r, "source"), cell(t, r, "source_person"));
		gdelt_actor(cell(t, r, "target"), cell(t, r, "target_person"));
		printf("\t%s\t%.3s\t%.2s\t%s\t%s\t%s\t%s\t%s\t\t", cameo, cameo, cameo, cell(t, r, "quad"),
		       cell(t, r, "goldstein"), cell(t, r, "num_mentions"), cell(t, r, "num_sources"),
		       cell(t, r, "num_articles"));
		fputs("0\t\t\t\t\t\t\t\t0\t\t\t\t\t\t\t\t", stdout);
		if (*loc)
			printf("4\t%s\t\t\t\t\t\t\t", loc);
		else
			fputs("0\t\t\t\t\t\t\t\t", stdout);
		printf("%s%s\t%s\n", day, k == 8 ? "000000" : "",
		       *cell(t, r, "url") ? cell(t, r, "url") : cell(t, r, "doc"));
	}
}

static const dyad_cli_opt opts[] = {
	{ "db", 0, "DB", "the knowledge base: a file, or postgresql://HOST/NAME (default: dyad.db)" },
	{ "actor", 'a', "X", "events with X on either side (KAZ, SCO, KAZGOV, Kazakhstan, Токаев)" },
	{ "dyad", 'd', "A,B", "events between A and B, both directions" },
	{ "cameo", 'c', "CODE", "CAMEO codes starting so: 04, 042" },
	{ "limit", 'n', "N", "at most N events (default 50)" },
	{ "format", 'f', "FORMAT", "table (default), csv, jsonl or gdelt (GDELT 2.0 event rows)" },
	DYAD_KB_SCOPE_OPTS,
	{ NULL, 0, NULL, NULL },
};

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format"), *d = dyad_cli_get(cmd, a, "dyad"), *lim;
	int format = fmt && strcmp(fmt, "gdelt") == 0 ? -2 : fmt ? dyad_table_format_parse(fmt) : DYAD_TABLE_TEXT, rc;
	dyad_event_filter f = DYAD_EVENT_FILTER_INIT;
	char pair[256], *comma;
	dyad_store *s;
	dyad_table t;
	dyad_errbuf e;

	if (format == -1)
		return dyad_cli_usage_error(cmd, "unknown format '%s' (expected table, csv, jsonl or gdelt)", fmt);

	if (a->npos)
		return dyad_cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
	if (dyad_cli_get(cmd, a, "type") && dyad_cli_get(cmd, a, "cameo"))
		return dyad_cli_usage_error(cmd, "--type and --cameo do not go together");
	if (dyad_kb_scope(cmd, a, &f) < 0)
		return DYAD_EXIT_USAGE;
	f.actor = dyad_cli_get(cmd, a, "actor");
	f.cameo = dyad_cli_get(cmd, a, "cameo");
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
	if (format == -2)
		print_gdelt(&t);
	else
		dyad_table_print(&t, format, 36);
	dyad_table_free(&t);
	dyad_store_close(s);
	return 0;
}

const dyad_cmd dyad_cmd_events = {
	"events",
	61,
	"list the events of the knowledge base",
	"[--actor X] [--dyad A,B] [--type T | --cameo C] [--quad N] [--outlet O] [--language L] [--since D] [--until "
	"D]\n"
	"       [--limit N] [--format F] [--count events|mentions] [--names en|ru]",
	"Lists events newest first with their date, source and target codes, CAMEO code, PLOVER type,\n"
	"Goldstein score, QuadClass, mode, outlet, title and evidence sentence. An event reported by\n"
	"several documents is listed once, with its mentions, sources and articles (GDELT's NumMentions,\n"
	"NumSources, NumArticles); --count mentions lists every report.",
	opts,
	run,
};
