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

#include "dyad/pipeline.h"
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

/* 1 when a column of ClickHouse type `type` holds whole numbers, 2 floating ones, else 0. */
static int numeric_type(const char *type)
{
	if (strncmp(type, "Nullable(", 9) == 0)
		type += 9;
	if (strncmp(type, "Float", 5) == 0)
		return 2;
	return strncmp(type, "UInt", 4) == 0 || strncmp(type, "Int", 3) == 0;
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
			/* a whole floating number as SQLite writes it: 2.0, not ClickHouse's 2 */
			if (k == 1 && r->numeric[n] == 2 && r->field.n && !memchr(r->field.p, '.', r->field.n) &&
			    !memchr(r->field.p, 'e', r->field.n) && !memchr(r->field.p, 'n', r->field.n))
				dyad_buf_puts(&r->field, ".0");
			dyad_buf_putc(&r->field, '\0');
			r->cells[n] = k == 1 ? dyad_xstrdup(r->field.p) : NULL;
			num[n] = r->numeric[n] != 0;
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

/* Append `v` as an SQL string literal. */
static void lit(dyad_buf *b, const char *v)
{
	dyad_ch_sql_str(b, dyad_str_c(v));
}

/* Run `sql` (a buffer, terminated here) into `out`; the buffer is emptied for the next. */
static int ch_run(ch_store *s, dyad_buf *sql, dyad_table *out, dyad_errbuf *e)
{
	int rc;

	dyad_buf_putc(sql, '\0');
	rc = ch_table(s, sql->p, out, e);
	dyad_buf_clear(sql);
	return rc;
}

/*
 * The steps of resolving an actor, as the SQLite engine's (sql_query.c): a
 * lexicon code, a country's or organisation's name, a CAMEO code with role
 * letters, a person by a whole name (the side of their latest event), a
 * person by part of a name. Each gives (side, code, person); the first with
 * a row wins. The lexicon's tables are asked with GLOBAL IN: read once, on
 * the server the URL names.
 */
static int ch_resolve(dyad_store *ds, const dyad_actor_query *q, char side[24], char code[24], char person[128],
		      dyad_errbuf *e)
{
	ch_store *s = (ch_store *)ds;
	dyad_buf sql = DYAD_BUF_INIT;
	dyad_table t;
	int step, rc = 0;
	const char *dir[2] = { "source", "target" };
	size_t i;

	memset(&t, 0, sizeof t);
	for (step = 0; step < 5 && rc == 0; step++) {
		switch (step) {
		case 0:
			if (!q->upper)
				continue;
			dyad_buf_puts(&sql, "SELECT code, '', '' FROM actors WHERE code = ");
			lit(&sql, q->upper);
			dyad_buf_puts(&sql, " OR (kind = 'igo' AND code = concat('IGO', ");
			lit(&sql, q->upper);
			dyad_buf_puts(&sql, ")) LIMIT 1");
			break;
		case 1:
			dyad_buf_puts(
				&sql,
				"SELECT side, '' AS code, '' AS person FROM (SELECT 1 AS k, code AS side FROM actors"
				" WHERE lower(ifNull(name_en, '')) = lower(");
			lit(&sql, q->arg);
			dyad_buf_puts(&sql, ") OR name_ru = ");
			lit(&sql, q->arg);
			dyad_buf_puts(&sql, " UNION ALL SELECT 2, code FROM actor_names WHERE folded = ");
			lit(&sql, q->folded);
			dyad_buf_puts(&sql, " AND kind IN ('country', 'igo')) ORDER BY k LIMIT 1");
			break;
		case 2:
			if (!q->code || strlen(q->code) > 15)
				continue;
			/* no aliases: ClickHouse reads an alias named as a column in WHERE as the alias */
			dyad_buf_puts(&sql, "SELECT code, ");
			lit(&sql, q->code);
			dyad_buf_puts(&sql, ", '' FROM actors WHERE startsWith(");
			lit(&sql, q->code);
			dyad_buf_puts(&sql, ", code) AND length(code) < length(");
			lit(&sql, q->code);
			dyad_buf_puts(&sql, ") ORDER BY length(code) DESC LIMIT 1");
			break;
		case 3:
			/* the people of this name, then their latest event on either side */
			dyad_buf_puts(&sql, "SELECT side, code, person FROM (");
			for (i = 0; i < 2; i++) {
				dyad_buf_printf(
					&sql,
					"%sSELECT %s_actor AS side, ifNull(%s, '') AS code, %s_person AS person, date"
					" FROM events WHERE %s_person GLOBAL IN (SELECT person FROM actor_names"
					" WHERE kind = 'person' AND folded = ",
					i ? " UNION ALL " : "", dir[i], dir[i], dir[i], dir[i]);
				lit(&sql, q->folded);
				dyad_buf_puts(&sql, ")");
			}
			dyad_buf_puts(&sql, ") ORDER BY date DESC LIMIT 1");
			break;
		default:
			/* the first person (in key order) whose key or a name holds the argument, on each side */
			dyad_buf_puts(&sql, "SELECT side, code, person FROM (");
			for (i = 0; i < 2; i++) {
				dyad_buf_printf(
					&sql,
					"%sSELECT %zu AS k, %s_actor AS side, ifNull(%s, '') AS code, %s_person AS "
					"person"
					" FROM events WHERE %s_person = (SELECT min(%s_person) FROM events WHERE"
					" isNotNull(%s_person) AND (positionUTF8(%s_person, ",
					i ? " UNION ALL " : "", i, dir[i], dir[i], dir[i], dir[i], dir[i], dir[i],
					dir[i]);
				lit(&sql, q->arg);
				dyad_buf_printf(
					&sql,
					") > 0 OR %s_person GLOBAL IN (SELECT person FROM actor_names WHERE kind ="
					" 'person' AND position(folded, ",
					dir[i]);
				lit(&sql, q->folded);
				dyad_buf_puts(&sql, ") > 0)))");
			}
			dyad_buf_puts(&sql, ") ORDER BY k LIMIT 1");
			break;
		}
		if ((rc = ch_run(s, &sql, &t, e)) < 0)
			break;
		if (t.nrows > 0) {
			snprintf(side, 24, "%s", dyad_table_get(&t, 0, 0) ? dyad_table_get(&t, 0, 0) : "");
			snprintf(code, 24, "%s", dyad_table_get(&t, 0, 1) ? dyad_table_get(&t, 0, 1) : "");
			snprintf(person, 128, "%s", dyad_table_get(&t, 0, 2) ? dyad_table_get(&t, 0, 2) : "");
			rc = 1;
		}
		dyad_table_free(&t);
	}
	dyad_buf_free(&sql);
	return rc;
}

/*
 * The person `key` by name: in English, the name the events store for them
 * (the lexicon's English name); in Russian, a Cyrillic name of the lexicon's.
 * Left alone when none is found.
 */
static void ch_person_name_in(ch_store *s, const char *key, int ru, char *out, size_t n)
{
	dyad_buf sql = DYAD_BUF_INIT;
	dyad_table t;
	dyad_errbuf e;

	if (ru) {
		dyad_buf_puts(&sql, "SELECT min(name) FROM actor_names WHERE kind = 'person' AND person = ");
		lit(&sql, key);
		dyad_buf_puts(&sql, " AND match(name, '[А-яЁё]') HAVING count() > 0");
	} else {
		dyad_buf_puts(&sql, "SELECT name FROM (SELECT source_name AS name FROM events WHERE source_person = ");
		lit(&sql, key);
		dyad_buf_puts(&sql, " UNION ALL SELECT target_name FROM events WHERE target_person = ");
		lit(&sql, key);
		dyad_buf_puts(&sql, ") WHERE isNotNull(name) AND NOT match(name, '[А-яЁё]') LIMIT 1");
	}
	if (ch_run(s, &sql, &t, &e) == 0 && t.nrows > 0 && dyad_table_get(&t, 0, 0))
		snprintf(out, n, "%s", dyad_table_get(&t, 0, 0));
	dyad_table_free(&t);
	dyad_buf_free(&sql);
}

static void ch_person_name(dyad_store *ds, const char *key, char *out, size_t n)
{
	ch_person_name_in((ch_store *)ds, key, strcmp(dyad_query_names(), "ru") == 0, out, n);
}

static int ch_side_name(dyad_store *ds, const char *side, char *out, size_t n)
{
	ch_store *s = (ch_store *)ds;
	dyad_buf sql = DYAD_BUF_INIT;
	dyad_table t;
	dyad_errbuf e;
	int found = 0;

	dyad_buf_puts(&sql, "SELECT ifNull(name_en, name_ru) FROM actors FINAL WHERE code = ");
	lit(&sql, side);
	dyad_buf_puts(&sql, " LIMIT 1");
	if (ch_run(s, &sql, &t, &e) == 0 && t.nrows > 0 && dyad_table_get(&t, 0, 0)) {
		snprintf(out, n, "%s", dyad_table_get(&t, 0, 0));
		found = 1;
	}
	dyad_table_free(&t);
	dyad_buf_free(&sql);
	return found;
}

/* The condition that an event has `ref` on its `dir` side: the person, a role's codes, or the whole side. */
static void ref_cond(dyad_buf *b, const dyad_actor_ref *ref, const char *dir)
{
	if (ref->person[0]) {
		dyad_buf_printf(b, "%s_person = ", dir);
		lit(b, ref->person);
	} else if (ref->code[0]) {
		dyad_buf_printf(b, "startsWith(ifNull(%s, ''), ", dir);
		lit(b, ref->code);
		dyad_buf_putc(b, ')');
	} else {
		dyad_buf_printf(b, "%s_actor = ", dir);
		lit(b, ref->side);
	}
}

/* A date of the scope, "YYYY[-MM[-DD]]", as the YYYYMMDD bound: the first day, or with `last` the last. */
static long bound(const char *d, int last)
{
	long y = strtol(d, NULL, 10), m = strlen(d) >= 7 ? strtol(d + 5, NULL, 10) : (last ? 12 : 1),
	     day = strlen(d) >= 10 ? strtol(d + 8, NULL, 10) : (last ? 31 : 1);

	return y * 10000 + m * 100 + day;
}

/*
 * The scope's conditions on an event row, as " AND ...": dates, type, CAMEO
 * prefix, quad class, and the reporting document's outlet and language
 * (its documents on the event's own shard: rows of a document share it).
 */
static void scope_sql(ch_store *s, dyad_buf *b, const dyad_event_filter *f)
{
	const dyad_ch_url *u = dyad_ch_url_of(s->c);

	if (f == NULL)
		return;
	if (f->since)
		dyad_buf_printf(b, " AND date >= %ld", bound(f->since, 0));
	if (f->until)
		dyad_buf_printf(b, " AND date <= %ld AND date != 0", bound(f->until, 1));
	if (f->type) {
		dyad_buf_puts(b, " AND type = upper(");
		lit(b, f->type);
		dyad_buf_putc(b, ')');
	}
	if (f->cameo) {
		dyad_buf_puts(b, " AND startsWith(cameo, ");
		lit(b, f->cameo);
		dyad_buf_putc(b, ')');
	}
	if (f->quad)
		dyad_buf_printf(b, " AND quad = %d", f->quad);
	if (f->outlet || f->language) {
		dyad_buf_printf(b, " AND doc_id IN (SELECT doc_id FROM %s.documents%s WHERE 1", u->database,
				u->cluster ? "_local" : "");
		if (f->outlet) {
			dyad_buf_puts(b, " AND outlet = ");
			lit(b, f->outlet);
		}
		if (f->language) {
			dyad_buf_puts(b, " AND language = lower(");
			lit(b, f->language);
			dyad_buf_putc(b, ')');
		}
		dyad_buf_putc(b, ')');
	}
}

/* SQL: the mean Goldstein score of a query's events `g` (one per event), to two decimals, as SQLite's */
#define CH_GOLDSTEIN_MEAN "round(round(sum(ifNull(g, 0)), 6) / nullIf(countIf(isNotNull(g)), 0), 2)"

/* SQL: the day of an event as a Date (dates ClickHouse's Date holds) */
#define CH_DAY "toDate(" CH_ISO("date") ")"

static int ch_timeline(dyad_store *ds, const dyad_actor_ref *a, const dyad_actor_ref *b, const char *by,
		       const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e)
{
	/* each period's key over the event's Int32 date, as SQLite's text */
	static const char *const periods[][2] = {
		{ "day", CH_ISO("date") },
		{ "week",
		  "concat(toString(toYear(" CH_DAY ")), '-W', substring(toString(100 + intDiv(toDayOfYear(" CH_DAY
		  ") + 7 - toDayOfWeek(" CH_DAY "), 7)), 2, 2))" },
		{ "month", "concat(substring(toString(date + 100000000), 2, 4), '-', substring(toString(date + "
			   "100000000), 6, 2))" },
		{ "year", "substring(toString(date + 100000000), 2, 4)" },
	};
	ch_store *s = (ch_store *)ds;
	dyad_buf sql = DYAD_BUF_INIT, ab = DYAD_BUF_INIT;
	const char *period = NULL, *w = scope && scope->mentions ? "mentions" : "1";
	size_t i;
	int q, rc;

	memset(out, 0, sizeof *out);
	for (i = 0; i < sizeof periods / sizeof *periods; i++)
		if (strcmp(by ? by : "month", periods[i][0]) == 0)
			period = periods[i][1];
	if (period == NULL)
		return dyad_errf(e, DYAD_EUSAGE, "bad period '%s' (expected day, week, month or year)", by);
	dyad_buf_putc(&ab, '(');
	ref_cond(&ab, a, "source");
	dyad_buf_puts(&ab, " AND ");
	ref_cond(&ab, b, "target");
	dyad_buf_putc(&ab, ')');
	dyad_buf_putc(&ab, '\0');
	/* each event once: its reports in scope grouped by event_key (both sides and the day are in the key) */
	dyad_buf_puts(&sql, "SELECT period");
	for (q = 1; q <= 4; q++)
		dyad_buf_printf(&sql, ", sumIf(%s, ab AND quad = %d) AS ab_q%d", w, q, q);
	for (q = 1; q <= 4; q++)
		dyad_buf_printf(&sql, ", sumIf(%s, NOT ab AND quad = %d) AS ba_q%d", w, q, q);
	dyad_buf_printf(&sql,
			", sum(%s) AS events, sum(mentions) AS mentions, " CH_GOLDSTEIN_MEAN
			" AS goldstein FROM (SELECT any(%s) AS period,"
			" any(ifNull(quad, 0)) AS quad, any(goldstein) AS g, any(%s) AS ab, count() AS mentions"
			" FROM events WHERE date != 0 AND (%s OR (",
			w, period, ab.p, ab.p);
	ref_cond(&sql, b, "source");
	dyad_buf_puts(&sql, " AND ");
	ref_cond(&sql, a, "target");
	dyad_buf_puts(&sql, "))");
	scope_sql(s, &sql, scope);
	dyad_buf_puts(&sql, " GROUP BY event_key) GROUP BY period ORDER BY period");
	rc = ch_run(s, &sql, out, e);
	dyad_buf_free(&sql);
	dyad_buf_free(&ab);
	return rc;
}

static int ch_network(dyad_store *ds, const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e)
{
	ch_store *s = (ch_store *)ds;
	dyad_buf sql = DYAD_BUF_INIT;
	const char *w = scope && scope->mentions ? "mentions" : "1";
	int rc;

	/* each event once (its reports in scope grouped by event_key), then summed per directed dyad */
	dyad_buf_printf(&sql,
			"SELECT sa AS source, ta AS target, sum(%s) AS events, sum(mentions) AS mentions,"
			" sumIf(%s, q IN (1, 2)) AS cooperation, sumIf(%s, q IN (3, 4)) AS conflict,"
			" " CH_GOLDSTEIN_MEAN " AS goldstein FROM (SELECT any(source_actor) AS sa,"
			" any(target_actor) AS ta, any(ifNull(quad, 0)) AS q, any(goldstein) AS g, count() AS mentions"
			" FROM events WHERE source_actor != target_actor",
			w, w, w);
	scope_sql(s, &sql, scope);
	dyad_buf_puts(&sql, " GROUP BY event_key) GROUP BY sa, ta ORDER BY events DESC, source, target");
	rc = ch_run(s, &sql, out, e);
	dyad_buf_free(&sql);
	return rc;
}

/*
 * Countries and organisations with their events (each once, on either
 * side), for a type-ahead: with no prefix those that have events; with one,
 * those whose code or a name begins so, and the people one of whose names
 * has a word beginning so and who have events. A person's names: the one
 * their events carry (English) and the first Cyrillic one of the lexicon's
 * in byte order (SQLite takes the lexicon's first; ClickHouse keeps no order).
 */
static int ch_actors(dyad_store *ds, const char *folded, long limit, dyad_table *out, dyad_errbuf *e)
{
	ch_store *s = (ch_store *)ds;
	dyad_buf sql = DYAD_BUF_INIT;
	int rc;

	/* the union in a subquery: ClickHouse 18 would order and limit its last part alone */
	dyad_buf_puts(
		&sql,
		"SELECT * FROM (SELECT code, kind, name_en, name_ru, events FROM (SELECT code, kind, name_en, name_ru"
		" FROM actors FINAL WHERE ");
	if (folded == NULL)
		dyad_buf_puts(&sql, "1");
	else {
		dyad_buf_puts(&sql, "lower(code) = ");
		lit(&sql, folded);
		dyad_buf_puts(&sql, " OR (kind = 'igo' AND lower(code) = concat('igo', ");
		lit(&sql, folded);
		dyad_buf_puts(&sql, ")) OR (code, ifNull(kind, '')) GLOBAL IN (SELECT code, kind FROM actor_names"
				    " WHERE startsWith(folded, ");
		lit(&sql, folded);
		dyad_buf_puts(&sql, "))");
	}
	dyad_buf_puts(&sql,
		      ") GLOBAL ANY LEFT JOIN (SELECT actor AS code, sum(n) AS events FROM (SELECT source_actor AS"
		      " actor, uniqExact(event_key) AS n FROM events GROUP BY source_actor UNION ALL SELECT"
		      " target_actor, uniqExact(event_key) FROM events GROUP BY target_actor) GROUP BY actor)"
		      " USING code");
	if (folded == NULL)
		dyad_buf_puts(&sql, " WHERE events > 0");
	else {
		/* the people (no correlated subqueries on ClickHouse: joins, one a level): their Russian
		   name, their English one as their events carry it, their events as source and as target
		   of another's */
		dyad_buf_puts(
			&sql,
			" UNION ALL SELECT person AS code, 'person', name_en, nullIf(name_ru, ''), events FROM (SELECT "
			"person,"
			" name_en, name_ru FROM (SELECT person, name_ru FROM (SELECT DISTINCT person FROM"
			" actor_names WHERE kind = 'person' AND position(concat(' ', replaceAll(folded, '-', ' ')),"
			" concat(' ', ");
		lit(&sql, folded);
		dyad_buf_puts(
			&sql,
			")) > 0) GLOBAL ANY LEFT JOIN (SELECT person, min(name) AS name_ru FROM actor_names"
			" WHERE kind = 'person' AND match(name, '[А-яЁё]') GROUP BY person) USING person)"
			" GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(source_person) AS person, any(source_name) AS"
			" name_en FROM events WHERE isNotNull(source_person) AND NOT match(ifNull(source_name, ''),"
			" '[А-яЁё]') GROUP BY person) USING person) GLOBAL ANY INNER JOIN (SELECT person,"
			" uniqExact(event_key) AS events FROM (SELECT assumeNotNull(source_person) AS person, event_key"
			" FROM events WHERE isNotNull(source_person) UNION ALL SELECT assumeNotNull(target_person),"
			" event_key FROM events WHERE isNotNull(target_person) AND ifNull(source_person, '') !="
			" assumeNotNull(target_person)) GROUP BY person) USING person WHERE events > 0");
	}
	dyad_buf_printf(&sql, ") ORDER BY events DESC, code LIMIT %ld", limit > 0 ? limit : 20);
	rc = ch_run(s, &sql, out, e);
	dyad_buf_free(&sql);
	return rc;
}

/*
 * The events of `ref` in scope, each once, as the subquery the profile
 * sums: its sides (sa, ta), full codes (sc, tc), people (sp, tp), date (d),
 * quad class (q), Goldstein score (g), whether `ref` is its source (src),
 * and its reports in scope (mentions). `more` adds a condition.
 */
static void profile_rows(ch_store *s, dyad_buf *sql, const dyad_actor_ref *ref, const dyad_event_filter *scope,
			 const char *more)
{
	dyad_buf_puts(sql,
		      "(SELECT any(source_actor) AS sa, any(target_actor) AS ta, any(source) AS sc, any(target)"
		      " AS tc, any(source_person) AS sp, any(target_person) AS tp, any(date) AS d, any(ifNull(quad,"
		      " 0)) AS q, any(goldstein) AS g, any(");
	ref_cond(sql, ref, "source");
	dyad_buf_puts(sql, ") AS src, count() AS mentions FROM events WHERE (");
	ref_cond(sql, ref, "source");
	dyad_buf_puts(sql, " OR ");
	ref_cond(sql, ref, "target");
	dyad_buf_printf(sql, ")%s", more);
	scope_sql(s, sql, scope);
	dyad_buf_puts(sql, " GROUP BY event_key)");
}

static int ch_profile(dyad_store *ds, const dyad_actor_ref *ref, const dyad_event_filter *scope, dyad_table *partners,
		      dyad_table *years, dyad_table *people, dyad_errbuf *e)
{
	ch_store *s = (ch_store *)ds;
	dyad_buf sql = DYAD_BUF_INIT;
	const char *w = scope && scope->mentions ? "mentions" : "1";
	int ru = strcmp(dyad_query_names(), "ru") == 0, whole = !ref->person[0] && !ref->code[0], rc;

	memset(partners, 0, sizeof *partners);
	memset(years, 0, sizeof *years);
	memset(people, 0, sizeof *people);
	/* partners: the other side of each event; a whole side's dealings with itself are not a partner */
	dyad_buf_printf(&sql,
			"SELECT partner, %s AS name, events, mentions, cooperation, conflict, goldstein FROM (SELECT"
			" if(src, ta, sa) AS partner, sum(%s) AS events, sum(mentions) AS mentions, sumIf(%s, q IN (1,"
			" 2)) AS cooperation, sumIf(%s, q IN (3, 4)) AS conflict, " CH_GOLDSTEIN_MEAN " AS goldstein"
			" FROM ",
			ru ? "ifNull(name_ru, name_en)" : "ifNull(name_en, name_ru)", w, w, w);
	profile_rows(s, &sql, ref, scope, whole ? " AND source_actor != target_actor" : "");
	dyad_buf_puts(&sql, " GROUP BY partner) GLOBAL ANY LEFT JOIN (SELECT code AS partner, name_en, name_ru FROM"
			    " actors FINAL) USING partner ORDER BY events DESC, partner LIMIT 20");
	if ((rc = ch_run(s, &sql, partners, e)) < 0)
		goto done;
	dyad_buf_printf(&sql,
			"SELECT substring(toString(d + 100000000), 2, 4) AS year, sum(%s) AS events, sum(mentions) AS"
			" mentions, sumIf(%s, q IN (1, 2)) AS cooperation, sumIf(%s, q IN (3, 4)) AS conflict,"
			" " CH_GOLDSTEIN_MEAN " AS goldstein FROM ",
			w, w, w);
	profile_rows(s, &sql, ref, scope, " AND date != 0");
	dyad_buf_puts(&sql, " GROUP BY year ORDER BY year");
	if ((rc = ch_run(s, &sql, years, e)) < 0)
		goto done;
	/* the people on the other side of its events (not the person asked about) */
	dyad_buf_printf(&sql,
			"SELECT who AS person, any(if(src, tc, sc)) AS side, sum(%s) AS events FROM (SELECT *,"
			" if(src, tp, sp) AS who FROM ",
			w);
	profile_rows(s, &sql, ref, scope, "");
	dyad_buf_puts(&sql, ") WHERE isNotNull(who) AND who != ");
	lit(&sql, ref->person);
	dyad_buf_puts(&sql, " GROUP BY who ORDER BY events DESC, who LIMIT 10");
	if ((rc = ch_run(s, &sql, people, e)) < 0)
		goto done;
	{
		/* each person by name, as dyad_query_person_name gives it */
		size_t r;
		for (r = 0; r < people->nrows; r++) {
			char name[256];
			char **cell = &people->cells[r * people->ncols];
			if (*cell == NULL)
				continue;
			snprintf(name, sizeof name, "%s", *cell);
			ch_person_name(ds, *cell, name, sizeof name);
			free(*cell);
			*cell = dyad_xstrdup(name);
		}
	}
done:
	dyad_buf_free(&sql);
	return rc;
}

/*
 * One actor as resolved: a person (their key and names: English as their
 * events carry it, Russian as ch_person_name gives it), a role (its code and
 * its side's names), or a side of the lexicon (a side outside it: a row of
 * nulls), as the SQLite engine answers.
 */
static int ch_actor(dyad_store *ds, const dyad_actor_ref *ref, dyad_table *out, dyad_errbuf *e)
{
	static const char *const cols[] = { "code", "kind", "name_en", "name_ru" };
	ch_store *s = (ch_store *)ds;
	dyad_buf sql = DYAD_BUF_INIT;
	dyad_table t;
	const char *cells[4];
	char en[256] = "", ru[256] = "";
	int rc = 0, cyrillic;

	memset(out, 0, sizeof *out);
	memset(&t, 0, sizeof t);
	if (ref->person[0]) {
		cyrillic = dyad_name_is_cyrillic(ref->person);
		ch_person_name_in(s, ref->person, 0, en, sizeof en);
		ch_person_name_in(s, ref->person, 1, ru, sizeof ru);
		cells[0] = ref->person;
		cells[1] = "person";
		cells[2] = en[0] ? en : cyrillic ? NULL : ref->person;
		cells[3] = ru[0] ? ru : cyrillic ? ref->person : NULL;
	} else {
		dyad_buf_puts(&sql, "SELECT kind, name_en, name_ru FROM actors FINAL WHERE code = ");
		lit(&sql, ref->side);
		if ((rc = ch_run(s, &sql, &t, e)) < 0)
			goto done;
		cells[0] = ref->code[0] ? ref->code : ref->side;
		cells[1] = ref->code[0] ? "role" : t.nrows ? dyad_table_get(&t, 0, 0) : NULL;
		cells[2] = t.nrows ? dyad_table_get(&t, 0, 1) : NULL;
		cells[3] = t.nrows ? dyad_table_get(&t, 0, 2) : NULL;
	}
	dyad_table_start(out, 4, cols);
	dyad_table_add_row(out, cells, (const unsigned char[4]){ 0, 0, 0, 0 });
done:
	dyad_table_free(&t);
	dyad_buf_free(&sql);
	return rc;
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
	.resolve = ch_resolve,
	.person_name = ch_person_name,
	.side_name = ch_side_name,
	.timeline = ch_timeline,
	.network = ch_network,
	.profile = ch_profile,
	.stats = ch_stats,
	.actors = ch_actors,
	.actor = ch_actor,
};
