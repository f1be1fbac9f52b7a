/*
 * clickhouse_store.c — the store on ClickHouse, for --db clickhouse://...:
 * the engine table of engine.h over the writer (clickhouse_writer.c) and
 * the questions in ClickHouse SQL over the Distributed tables (or a single
 * server's tables). Events are counted once with uniqExact(event_key);
 * dates are Int32 YYYYMMDD, turned back into YYYY-MM-DD for the answers, so
 * every command prints what it prints on SQLite. docs/engines.md tells
 * which questions the engine answers.
 */
#include "clickhouse.h"
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/text.h"

/* Documents per transaction an ingest commits when not told: a commit costs a few tenths of a second. */
enum { CH_BATCH = 5000 };

typedef struct {
	dyad_store base; /* first: the engine's handle is this one's */
	dyad_ch *c;
	dyad_ch_writer *w; /* NULL when opened for reading */
} ch_store;

/* SQL: the Int32 YYYYMMDD `x` as 'YYYY-MM-DD', NULL for 0 (no date) */
#define CH_ISO(x)                                                                       \
	"if(" x " = 0, NULL, concat(substring(toString(" x " + 100000000), 2, 4), '-'," \
	" substring(toString(" x " + 100000000), 6, 2), '-', substring(toString(" x " + 100000000), 8, 2)))"

static int ch_claims(const char *target)
{
	return strncmp(target, "clickhouse://", 13) == 0;
}

/* Copy the handle's last error into the store's and `e`. Returns DYAD_EDB. */
static int ch_err(ch_store *s, dyad_errbuf *e)
{
	const char *m = dyad_ch_errmsg(s->c);

	snprintf(s->base.err, sizeof s->base.err, "%s", m);
	/* a server that stopped answering: what was committed stays */
	if (strstr(m, "cannot reach") || strstr(m, "Connection refused") || strstr(m, "connect"))
		s->base.lost = 1;
	return e ? dyad_errf(e, DYAD_EDB, "%s", m) : DYAD_EDB;
}

static void ch_close(dyad_store *ds)
{
	ch_store *s = (ch_store *)ds;

	dyad_ch_writer_free(s->w);
	dyad_ch_close(s->c);
	free(s);
}

static int ch_open(dyad_store **out, const char *target, int flags, int wait_ms, dyad_errbuf *e)
{
	ch_store *s;
	dyad_buf line = DYAD_BUF_INIT;
	size_t undone = 0;
	int rc;

	(void)wait_ms;
	*out = NULL;
	s = dyad_xcalloc(1, sizeof *s);
	s->base.engine = &dyad_store_clickhouse;
	if ((rc = dyad_ch_open(&s->c, target, e)) < 0) {
		free(s);
		return rc;
	}
	if (flags & DYAD_STORE_READONLY) {
		/* a reader needs dyad's tables there, of a version it reads */
		rc = dyad_ch_query_line(s->c, "SELECT max(version) FROM dyad_schema", &line);
		if (rc == 0 && line.n && strtol(line.p, NULL, 10) > dyad_ch_schema_version())
			rc = dyad_ch_fail(s->c,
					  "database %s was made by a newer dyad (schema %ld, this dyad reads %d): "
					  "use a newer dyad",
					  dyad_ch_url_of(s->c)->database, strtol(line.p, NULL, 10),
					  dyad_ch_schema_version());
	} else
		rc = dyad_ch_writer_new(&s->w, s->c, &undone);
	dyad_buf_free(&line);
	if (rc < 0) {
		dyad_errf(e, DYAD_EDB, "%s", dyad_ch_errmsg(s->c));
		ch_close(&s->base);
		return DYAD_EDB;
	}
	*out = &s->base;
	return 0;
}

/* ---- writes -------------------------------------------------------------------------------- */

static int ch_begin(dyad_store *ds)
{
	ch_store *s = (ch_store *)ds;

	if (s->w == NULL) {
		snprintf(s->base.err, sizeof s->base.err, "the store was opened for reading");
		return DYAD_EDB;
	}
	return 0;
}

static int ch_commit(dyad_store *ds)
{
	ch_store *s = (ch_store *)ds;

	return dyad_ch_writer_commit(s->w) < 0 ? ch_err(s, NULL) : 0;
}

static void ch_rollback(dyad_store *ds)
{
	ch_store *s = (ch_store *)ds;

	if (s->w)
		dyad_ch_writer_rollback(s->w);
}

/* A writer's result: failures copied into the store's message. */
static int wrote(ch_store *s, int rc)
{
	return rc < 0 ? ch_err(s, NULL) : rc;
}

static int ch_put_doc(dyad_store *ds, const dyad_store_doc *d, int64_t *row)
{
	ch_store *s = (ch_store *)ds;

	return wrote(s, dyad_ch_writer_put_doc(s->w, d, row));
}

static int ch_put_sentence(dyad_store *ds, int64_t doc, size_t n, size_t start, size_t end, dyad_str text)
{
	ch_store *s = (ch_store *)ds;

	return wrote(s, dyad_ch_writer_put_sentence(s->w, doc, n, start, end, text));
}

static int ch_put_mention(dyad_store *ds, int64_t doc, const dyad_store_mention *m)
{
	ch_store *s = (ch_store *)ds;

	return wrote(s, dyad_ch_writer_put_mention(s->w, doc, m));
}

static int ch_put_event(dyad_store *ds, int64_t doc, const dyad_store_event *ev)
{
	ch_store *s = (ch_store *)ds;
	char sa[24], ta[24];

	/* the dyad's sides by the rule every engine shares */
	dyad_store_side_code(&ev->source, sa);
	dyad_store_side_code(&ev->target, ta);
	return wrote(s, dyad_ch_writer_put_event(s->w, doc, ev, sa, ta));
}

static int ch_put_actor(dyad_store *ds, const char *code, const char *kind, const char *name_en, const char *name_ru)
{
	ch_store *s = (ch_store *)ds;

	return wrote(s, dyad_ch_writer_put_actor(s->w, code, kind, name_en, name_ru));
}

static int ch_put_actor_name(dyad_store *ds, const char *name, const char *folded, const char *kind, const char *code,
			     const char *person)
{
	ch_store *s = (ch_store *)ds;

	return wrote(s, dyad_ch_writer_put_actor_name(s->w, name, folded, kind, code, person));
}

/* ---- answers as tables --------------------------------------------------------------------- */

/* A result read into a dyad_table: names first, then types (numbers marked numeric), then rows. */
typedef struct {
	dyad_table *t;
	size_t line;
	unsigned char *numeric;
	dyad_buf field;
	char **cells;
} reader;

/* 1 when a column of ClickHouse type `type` holds numbers. */
static int numeric_type(const char *type)
{
	if (strncmp(type, "Nullable(", 9) == 0)
		type += 9;
	return strncmp(type, "UInt", 4) == 0 || strncmp(type, "Int", 3) == 0 || strncmp(type, "Float", 5) == 0;
}

static int read_line(void *ctx, dyad_str row)
{
	reader *r = ctx;
	size_t n = 0, i;
	int k;

	if (r->line == 0) {
		/* the names: the table's columns */
		char *cols[64];
		const char *ccols[64];
		while (n < 64 && dyad_ch_tsv_field(&row, &r->field)) {
			dyad_buf_putc(&r->field, '\0');
			cols[n] = dyad_xstrdup(r->field.p);
			ccols[n] = cols[n];
			n++;
		}
		dyad_table_start(r->t, n, ccols);
		for (i = 0; i < n; i++)
			free(cols[i]);
		r->numeric = dyad_xcalloc(n ? n : 1, 1);
		r->cells = dyad_xcalloc(n ? n : 1, sizeof *r->cells);
	} else if (r->line == 1) {
		while (n < r->t->ncols && dyad_ch_tsv_field(&row, &r->field)) {
			dyad_buf_putc(&r->field, '\0');
			r->numeric[n++] = (unsigned char)numeric_type(r->field.p);
		}
	} else {
		unsigned char num[64];
		for (n = 0; n < r->t->ncols; n++) {
			k = dyad_ch_tsv_field(&row, &r->field);
			dyad_buf_putc(&r->field, '\0');
			r->cells[n] = k == 1 ? dyad_xstrdup(r->field.p) : NULL;
			num[n] = r->numeric[n];
		}
		dyad_table_add_row(r->t, (const char *const *)r->cells, num);
		for (n = 0; n < r->t->ncols; n++)
			free(r->cells[n]);
	}
	r->line++;
	return 0;
}

/* Run `sql` (without FORMAT) into `out`, its columns as the query names them. Returns 0 or DYAD_EDB. */
static int ch_table(ch_store *s, const char *sql, dyad_table *out, dyad_errbuf *e)
{
	dyad_buf q = DYAD_BUF_INIT;
	reader r;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	r.t = out;
	dyad_buf_printf(&q, "%s FORMAT TabSeparatedWithNamesAndTypes", sql);
	dyad_buf_putc(&q, '\0');
	rc = dyad_ch_query(s->c, q.p, read_line, &r);
	dyad_buf_free(&q);
	dyad_buf_free(&r.field);
	free(r.numeric);
	free(r.cells);
	if (rc < 0) {
		dyad_table_free(out);
		memset(out, 0, sizeof *out);
		return ch_err(s, e);
	}
	return 0;
}

/* ---- the questions ------------------------------------------------------------------------- */

static int ch_stats(dyad_store *ds, dyad_table *out, dyad_errbuf *e)
{
	ch_store *s = (ch_store *)ds;
	/* one row per line, in SQLite's order: the parts are numbered and sorted by their number */
	static const char q[] =
		"SELECT what, value FROM ("
		" SELECT 1 AS part, 0 AS k, '' AS o, 'documents' AS what, toString(count()) AS value FROM documents"
		" UNION ALL SELECT 2, 0, '', 'syndicated copies', toString(countIf(syndicated_of != 0)) FROM documents"
		" UNION ALL SELECT 3, 0, '', 'sentences', toString(count()) FROM sentences"
		" UNION ALL SELECT 4, 0, '', 'actor mentions', toString(count()) FROM mentions"
		" UNION ALL SELECT 5, 0, '', 'events', toString(uniqExact(event_key)) FROM events"
		" UNION ALL SELECT 6, 0, '', 'event mentions', toString(count()) FROM events"
		" UNION ALL SELECT 7, 0, '', 'first date', toString(minIf(date, date != 0)) FROM documents"
		" UNION ALL SELECT 8, 0, '', 'last date', toString(maxIf(date, date != 0)) FROM documents"
		" UNION ALL SELECT 9, -count(), '', concat('language ', ifNull(language, '?')), toString(count())"
		"  FROM documents GROUP BY language"
		" UNION ALL SELECT 10, -count(), ifNull(outlet, ''), concat('outlet ', ifNull(outlet, '?')),"
		"  toString(count()) FROM documents GROUP BY outlet"
		" UNION ALL SELECT 11, -uniqExact(event_key), ifNull(type, ''), concat('type ', ifNull(type, '?')),"
		"  toString(uniqExact(event_key)) FROM events GROUP BY type"
		") ORDER BY part, k, o";
	static const char *const cols[] = { "what", "value" };
	dyad_table t;
	size_t r, outlets = 0;
	int rc;

	if ((rc = ch_table(s, q, &t, e)) < 0)
		return rc;
	dyad_table_start(out, 2, cols);
	for (r = 0; r < t.nrows; r++) {
		const char *what = dyad_table_get(&t, r, 0), *value = dyad_table_get(&t, r, 1);
		unsigned char num[2] = { 0, 1 };
		char iso[16];
		const char *cells[2] = { what, value };
		if (strncmp(what, "outlet ", 7) == 0 && ++outlets > 15)
			continue;
		if (strcmp(what, "first date") == 0 || strcmp(what, "last date") == 0) {
			/* no dated document: SQLite's min() of nothing, a null */
			dyad_ch_date_iso((int32_t)strtol(value, NULL, 10), iso);
			cells[1] = iso[0] ? iso : NULL;
			num[1] = 0;
		}
		dyad_table_add_row(out, cells, num);
	}
	dyad_table_free(&t);
	return 0;
}

const dyad_store_engine dyad_store_clickhouse = {
	.name = "ClickHouse",
	.claims = ch_claims,
	.open = ch_open,
	.close = ch_close,
	.begin = ch_begin,
	.commit = ch_commit,
	.rollback = ch_rollback,
	.put_doc = ch_put_doc,
	.put_sentence = ch_put_sentence,
	.put_mention = ch_put_mention,
	.put_event = ch_put_event,
	.put_actor = ch_put_actor,
	.put_actor_name = ch_put_actor_name,
	.batch = CH_BATCH,
	.stats = ch_stats,
};
