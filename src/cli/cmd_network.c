/*
 * cmd_network.c — `dyad network`: who deals with whom, as a weighted
 * directed graph in DOT, GraphML or JSON.
 */
#include "kb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	{ "db", 0, "DB", "the knowledge base: a file, or postgresql://HOST/NAME (default: dyad.db)" },
	{ "format", 'f', "FORMAT", "dot (default), graphml, json or table" },
	DYAD_KB_SCOPE_OPTS,
	{ NULL, 0, NULL, NULL },
};

static double num(const dyad_table *t, size_t r, size_t c)
{
	const char *v = dyad_table_get(t, r, c);
	return v ? strtod(v, NULL) : 0.0;
}

static void xml(const char *s)
{
	for (; s && *s; s++) {
		if (*s == '&')
			fputs("&amp;", stdout);
		else if (*s == '<')
			fputs("&lt;", stdout);
		else if (*s == '>')
			fputs("&gt;", stdout);
		else if (*s == '"')
			fputs("&quot;", stdout);
		else
			putchar(*s);
	}
}

/* A node's kind from its code and the lexicon's kind: country, organisation or other. */
static const char *node_kind(const char *code, const char *kind)
{
	if (kind && strcmp(kind, "igo") == 0)
		return "organisation";
	if (kind && strcmp(kind, "country") == 0)
		return "country";
	return strncmp(code, "IGO", 3) == 0 ? "organisation" : "other";
}

/*
 * GraphML: a node for every actor on an edge (its code, name and kind), then
 * the edges with their events, mentions, cooperation, conflict and mean
 * Goldstein score.
 */
static void graphml(dyad_store *s, const dyad_table *t)
{
	dyad_table actors;
	dyad_errbuf e;
	const char **seen = dyad_xcalloc(2 * t->nrows + 1, sizeof *seen);
	size_t nseen = 0, r, k, side, i;
	int ru = strcmp(dyad_query_names(), "ru") == 0;

	if (dyad_query_actors(s, NULL, 100000, &actors, &e) < 0)
		memset(&actors, 0, sizeof actors);
	puts("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
	puts("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">");
	puts(" <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>");
	puts(" <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>");
	puts(" <key id=\"events\" for=\"edge\" attr.name=\"events\" attr.type=\"int\"/>");
	puts(" <key id=\"mentions\" for=\"edge\" attr.name=\"mentions\" attr.type=\"int\"/>");
	puts(" <key id=\"cooperation\" for=\"edge\" attr.name=\"cooperation\" attr.type=\"int\"/>");
	puts(" <key id=\"conflict\" for=\"edge\" attr.name=\"conflict\" attr.type=\"int\"/>");
	puts(" <key id=\"goldstein\" for=\"edge\" attr.name=\"goldstein\" attr.type=\"double\"/>");
	puts(" <graph edgedefault=\"directed\">");
	for (r = 0; r < t->nrows; r++)
		for (side = 0; side < 2; side++) {
			const char *code = dyad_table_get(t, r, side), *name = NULL, *kind = NULL;
			if (code == NULL)
				continue;
			for (k = 0; k < nseen && strcmp(seen[k], code) != 0; k++)
				;
			if (k < nseen)
				continue;
			seen[nseen++] = code;
			for (i = 0; i < actors.nrows; i++)
				if (strcmp(dyad_table_get(&actors, i, 0), code) == 0) {
					kind = dyad_table_get(&actors, i, 1);
					name = dyad_table_get(&actors, i, ru ? 3 : 2)
						       ? dyad_table_get(&actors, i, ru ? 3 : 2)
						       : dyad_table_get(&actors, i, ru ? 2 : 3);
				}
			fputs("  <node id=\"", stdout);
			xml(code);
			fputs("\"><data key=\"name\">", stdout);
			xml(name ? name : code);
			printf("</data><data key=\"kind\">%s</data></node>\n", node_kind(code, kind));
		}
	for (r = 0; r < t->nrows; r++) {
		fputs("  <edge source=\"", stdout);
		xml(dyad_table_get(t, r, 0));
		fputs("\" target=\"", stdout);
		xml(dyad_table_get(t, r, 1));
		printf("\"><data key=\"events\">%.0f</data><data key=\"mentions\">%.0f</data>"
		       "<data key=\"cooperation\">%.0f</data><data key=\"conflict\">%.0f</data>"
		       "<data key=\"goldstein\">%.2f</data></edge>\n",
		       num(t, r, 2), num(t, r, 3), num(t, r, 4), num(t, r, 5), num(t, r, 6));
	}
	puts(" </graph>\n</graphml>");
	free(seen);
	dyad_table_free(&actors);
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format");
	dyad_store *s;
	dyad_table t;
	dyad_errbuf e;
	size_t r;
	int rc;
	dyad_event_filter scope = DYAD_EVENT_FILTER_INIT;

	if (fmt && strcmp(fmt, "dot") != 0 && strcmp(fmt, "graphml") != 0 && strcmp(fmt, "json") != 0 &&
	    strcmp(fmt, "table") != 0)
		return dyad_cli_usage_error(cmd, "unknown format '%s' (expected dot, graphml, json or table)", fmt);
	if (a->npos)
		return dyad_cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
	if (dyad_kb_scope(cmd, a, &scope) < 0)
		return DYAD_EXIT_USAGE;
	if ((rc = dyad_kb_open(dyad_cli_get(cmd, a, "db"), &s)) != 0)
		return rc;
	if ((rc = dyad_query_network(s, &scope, &t, &e)) < 0) {
		dyad_store_close(s);
		return dyad_kb_error(cmd, rc, &e);
	}
	if (fmt && strcmp(fmt, "table") == 0) {
		dyad_table_print(&t, DYAD_TABLE_TEXT, 20);
	} else if (fmt && strcmp(fmt, "json") == 0) {
		dyad_buf b = DYAD_BUF_INIT;
		dyad_buf_puts(&b, "{\"edges\":[");
		for (r = 0; r < t.nrows; r++) {
			dyad_buf_printf(&b, "%s{\"source\":", r ? "," : "");
			dyad_buf_json_str(&b, dyad_str_c(dyad_table_get(&t, r, 0)));
			dyad_buf_puts(&b, ",\"target\":");
			dyad_buf_json_str(&b, dyad_str_c(dyad_table_get(&t, r, 1)));
			dyad_buf_printf(&b,
					",\"events\":%.0f,\"mentions\":%.0f,\"cooperation\":%.0f,\"conflict\":%.0f,"
					"\"goldstein\":%.2f}",
					num(&t, r, 2), num(&t, r, 3), num(&t, r, 4), num(&t, r, 5), num(&t, r, 6));
		}
		dyad_buf_puts(&b, "]}\n");
		fwrite(b.p, 1, b.n, stdout);
		dyad_buf_free(&b);
	} else if (fmt && strcmp(fmt, "graphml") == 0) {
		graphml(s, &t);
	} else {
		puts("digraph dyad {");
		for (r = 0; r < t.nrows; r++)
			printf("  \"%s\" -> \"%s\" [weight=%.0f, label=\"%.0f\", color=\"%s\"];\n",
			       dyad_table_get(&t, r, 0), dyad_table_get(&t, r, 1), num(&t, r, 2), num(&t, r, 2),
			       num(&t, r, 6) >= 0 ? "darkgreen" : "firebrick");
		puts("}");
	}
	dyad_table_free(&t);
	dyad_store_close(s);
	return 0;
}

const dyad_cmd dyad_cmd_network = {
	"network",
	64,
	"who deals with whom: a weighted directed graph",
	"[--since DATE] [--format dot|graphml|json]",
	"Edges from source to target actor weighted by their events, with cooperation and conflict\n"
	"counts and the mean Goldstein score (green: cooperative on balance, red: conflictual).",
	opts,
	run,
};
