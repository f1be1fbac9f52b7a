/*
 * kb.c — opening the knowledge base for the query commands and printing
 * their tables for a person (aligned, long cells cut with "…"), as CSV
 * (RFC 4180) or as JSON Lines.
 */
#include "kb.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dyad/utf8.h"

int dyad_table_format_parse(const char *name)
{
	if (strcmp(name, "table") == 0)
		return DYAD_TABLE_TEXT;
	if (strcmp(name, "csv") == 0)
		return DYAD_TABLE_CSV;
	if (strcmp(name, "jsonl") == 0 || strcmp(name, "json") == 0)
		return DYAD_TABLE_JSONL;
	return -1;
}

int dyad_kb_open(const char *db, dyad_store **out)
{
	struct stat st;
	dyad_errbuf e;

	if (db == NULL)
		db = "dyad.db";
	if (dyad_store_is_file(db) && stat(db, &st) != 0) {
		fprintf(stderr, "dyad: %s: no such knowledge base (create it with `dyad ingest --db %s PAGES`)\n", db,
			db);
		return DYAD_EXIT_FATAL;
	}
	if (dyad_store_open(out, db, DYAD_STORE_READONLY, 2000, &e) < 0) {
		fprintf(stderr, "dyad: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	return 0;
}

int dyad_kb_error(const dyad_cmd *cmd, int rc, const dyad_errbuf *e)
{
	if (rc == DYAD_EUSAGE || rc == DYAD_ENOTFOUND)
		return dyad_cli_usage_error(cmd, "%s", e->msg);
	fprintf(stderr, "dyad: %s\n", e->msg);
	return DYAD_EXIT_FATAL;
}

/* Code points of a cell, for alignment. */
static size_t width_of(const char *s)
{
	return s ? dyad_utf8_count(dyad_str_c(s)) : 4;
}

/* Print at most `w` code points of s (newlines as spaces), padded to w. */
static void cell(const char *s, size_t w, int pad)
{
	size_t n = 0, i = 0, len = s ? strlen(s) : 0;

	if (s == NULL) {
		s = "null";
		len = 4;
	}
	while (i < len && n < w) {
		uint32_t cp;
		size_t k = dyad_utf8_decode(s + i, len - i, &cp, NULL);
		if (n + 1 == w && width_of(s + i) > 1) {
			fputs("…", stdout);
			n++;
			break;
		}
		if (s[i] == '\n' || s[i] == '\t')
			putchar(' ');
		else
			fwrite(s + i, 1, k, stdout);
		i += k;
		n++;
	}
	while (pad && n++ < w)
		putchar(' ');
}

static void csv_cell(const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

void dyad_table_print(const dyad_table *t, int format, size_t width)
{
	size_t r, c, w[64];
	dyad_buf b = DYAD_BUF_INIT;

	if (format == DYAD_TABLE_CSV) {
		for (c = 0; c < t->ncols; c++) {
			if (c)
				putchar(',');
			csv_cell(t->cols[c]);
		}
		putchar('\n');
		for (r = 0; r < t->nrows; r++) {
			for (c = 0; c < t->ncols; c++) {
				if (c)
					putchar(',');
				csv_cell(dyad_table_get(t, r, c));
			}
			putchar('\n');
		}
		return;
	}
	if (format == DYAD_TABLE_JSONL) {
		for (r = 0; r < t->nrows; r++) {
			dyad_buf_clear(&b);
			dyad_table_row_json(t, r, &b);
			dyad_buf_putc(&b, '\n');
			fwrite(b.p, 1, b.n, stdout);
		}
		dyad_buf_free(&b);
		return;
	}
	for (c = 0; c < t->ncols && c < 64; c++) {
		w[c] = width_of(t->cols[c]);
		for (r = 0; r < t->nrows; r++)
			if (width_of(dyad_table_get(t, r, c)) > w[c])
				w[c] = width_of(dyad_table_get(t, r, c));
		if (w[c] > (width ? width : 40))
			w[c] = width ? width : 40;
	}
	for (c = 0; c < t->ncols && c < 64; c++) {
		cell(t->cols[c], w[c], c + 1 < t->ncols);
		if (c + 1 < t->ncols)
			fputs("  ", stdout);
	}
	putchar('\n');
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols && c < 64; c++) {
			cell(dyad_table_get(t, r, c), w[c], c + 1 < t->ncols);
			if (c + 1 < t->ncols)
				fputs("  ", stdout);
		}
		putchar('\n');
	}
}

int dyad_kb_count(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *v = dyad_cli_get(cmd, a, "count");
	int m = dyad_query_count_parse(v);

	if (m < 0)
		dyad_cli_usage_error(cmd, "--count wants events or mentions, not '%s'", v);
	return m;
}

void dyad_kb_print_ref(dyad_store *s, const char *arg, const dyad_actor_ref *ref)
{
	char name[256];

	if (ref->person[0]) {
		dyad_query_person_name(s, ref->person, name, sizeof name);
		printf("%s: the person %s (%s, %s)\n", arg, name, ref->code[0] ? ref->code : "-", ref->side);
	} else if (ref->code[0])
		printf("%s: the role %s (its codes %s*, of %s)\n", arg, ref->code, ref->code, ref->side);
	else
		printf("%s: the %s %s, all its events\n", arg, ref->kind, ref->side);
}

int dyad_kb_names(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *v = dyad_cli_get(cmd, a, "names");

	if (dyad_query_set_names(v) < 0) {
		dyad_cli_usage_error(cmd, "--names wants en or ru, not '%s'", v);
		return -1;
	}
	return 0;
}

int dyad_kb_scope(const dyad_cmd *cmd, const dyad_cli_args *a, dyad_event_filter *f)
{
	const char *quad = dyad_cli_get(cmd, a, "quad");

	if ((f->mentions = dyad_kb_count(cmd, a)) < 0 || dyad_kb_names(cmd, a) < 0)
		return -1;
	if (quad && (quad[0] < '1' || quad[0] > '4' || quad[1])) {
		dyad_cli_usage_error(cmd, "--quad wants 1, 2, 3 or 4, not '%s'", quad);
		return -1;
	}
	f->quad = quad ? quad[0] - '0' : 0;
	f->since = dyad_cli_get(cmd, a, "since");
	f->until = dyad_cli_get(cmd, a, "until");
	f->type = dyad_cli_get(cmd, a, "type");
	f->outlet = dyad_cli_get(cmd, a, "outlet");
	f->language = dyad_cli_get(cmd, a, "language");
	return 0;
}
