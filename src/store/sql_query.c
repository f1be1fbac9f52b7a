/*
 * sql_query.c — the questions of query.h for the engines that speak SQL
 * (SQLite, PostgreSQL), as parameterised SQL over the schema of
 * docs/schema.md, each answered as a dyad_table. The SQL is SQLite's; an
 * engine's `run` translates what its own dialect writes otherwise, and where
 * no translation can (booleans as numbers, coalesce over two types) the
 * text asks the engine's `strict_types`. The front (src/query/query.c) has
 * checked the arguments and resolved the actors; the sums of dyad_days,
 * dyad_months and dyad_facets answer what whole sides ask, the events what
 * anything narrower asks.
 */
#include "sql_query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/text.h"

/* Run one statement with positional arguments ?1..?N (NULL binds SQL NULL) into `out`. */
static int run(dyad_store *s, const char *sql, const char *const *args, size_t nargs, dyad_table *out, dyad_errbuf *e)
{
	return s->engine->run(s, sql, args, nargs, NULL, NULL, 0, out, e);
}

/* 1 when the engine wants booleans turned into numbers before they are added up, and one type per coalesce. */
static int strict(const dyad_store *s)
{
	return s->engine->strict_types;
}

/* 1 when answers name actors and people in Russian (dyad_query_set_names). */
static int names_ru(void)
{
	return strcmp(dyad_query_names(), "ru") == 0;
}

/* SQL: a country's or organisation's name from actors `a` in the chosen language, else the other. */
static const char *actor_name_sql(void)
{
	return names_ru() ? "coalesce(a.name_ru, a.name_en)" : "coalesce(a.name_en, a.name_ru)";
}

/*
 * SQL: the person `expr` (the key events store) by the first of their
 * lexicon names in the chosen script (Cyrillic for ru, else Latin), else
 * the key as stored.
 */
static void person_name_sql(dyad_buf *b, const char *expr)
{
	dyad_buf_printf(b,
			"coalesce((SELECT pn.name FROM actor_names pn WHERE pn.kind = 'person' AND pn.person = %s AND "
			"pn.person <> ''"
			" AND pn.name %sGLOB '*[А-яЁё]*' ORDER BY pn.rowid LIMIT 1), %s)",
			expr, names_ru() ? "" : "NOT ", expr);
}

/*
 * The steps of resolving an actor, cheapest first; each returns (side,
 * code, person) rows, and the first step with a row wins. Only the last
 * one scans the events table, and only when nothing else matched. ?3 is
 * the argument in upper case when it may be a code (see code_like).
 */
static const char *const resolve_steps[] = {
	/* a code of the lexicon (KAZ, IGOSCO) or an organisation's short code (SCO), in any case */
	"SELECT code, '', NULL FROM actors WHERE code = ?3 OR (kind = 'igo' AND code = 'IGO' || ?3) LIMIT 1",
	/* a country's or organisation's name, in any spelling the lexicon has */
	"SELECT code, '', NULL FROM actors WHERE lower(name_en) = lower(?1) OR name_ru = ?1"
	" UNION ALL SELECT code, '', NULL FROM actor_names WHERE folded = ?2 AND kind IN ('country', 'igo') LIMIT 1",
	/* a CAMEO actor code: a known actor followed by role letters (KAZGOV, IGOEUGOV) */
	"SELECT code, ?4, NULL FROM actors WHERE ?4 IS NOT NULL AND length(?4) <= 15"
	" AND substr(?4, 1, length(code)) = code AND length(?4) > length(code) ORDER BY length(code) DESC LIMIT 1",
	/* a person, by the whole of one of their names (the side from their latest event) */
	"SELECT side, code, person FROM (SELECT source_actor AS side, source AS code, source_person AS person, date"
	"  FROM events WHERE source_person IN (SELECT person FROM actor_names WHERE kind = 'person' AND folded = ?2)"
	" UNION ALL SELECT target_actor, target, target_person, date FROM events"
	"  WHERE target_person IN (SELECT person FROM actor_names WHERE kind = 'person' AND folded = ?2)) x"
	" ORDER BY date DESC LIMIT 1",
	/* a person, by part of a name: the distinct people of the events (their partial indexes),
	   not the events themselves, are searched */
	"SELECT side, code, person FROM (SELECT source_actor AS side, source AS code, source_person AS person"
	"  FROM events WHERE source_person = (SELECT source_person FROM events INDEXED BY events_source_person"
	"   WHERE source_person IS NOT NULL AND (source_person LIKE '%' || ?1 || '%' OR source_person IN"
	"   (SELECT person FROM actor_names WHERE kind = 'person' AND instr(folded, ?2) > 0)) LIMIT 1)"
	" UNION ALL SELECT target_actor, target, target_person FROM events"
	"  WHERE target_person = (SELECT target_person FROM events INDEXED BY events_target_person"
	"   WHERE target_person IS NOT NULL AND (target_person LIKE '%' || ?1 || '%' OR target_person IN"
	"   (SELECT person FROM actor_names WHERE kind = 'person' AND instr(folded, ?2) > 0)) LIMIT 1)) x"
	" LIMIT 1",
};

int store_sql_resolve(dyad_store *s, const dyad_actor_query *q, char side[24], char code[24], char person[128],
		      dyad_errbuf *e)
{
	const char *args[4] = { q->arg, q->folded, q->upper, q->code };
	dyad_table t;
	size_t i;
	int rc;

	for (i = 0; i < sizeof resolve_steps / sizeof *resolve_steps; i++) {
		if ((rc = run(s, resolve_steps[i], args, 4, &t, e)) < 0)
			return rc;
		if (t.nrows > 0)
			break;
		dyad_table_free(&t);
	}
	if (i == sizeof resolve_steps / sizeof *resolve_steps)
		return 0;
	snprintf(side, 24, "%s", dyad_table_get(&t, 0, 0) ? dyad_table_get(&t, 0, 0) : "");
	snprintf(code, 24, "%s", dyad_table_get(&t, 0, 1) ? dyad_table_get(&t, 0, 1) : "");
	snprintf(person, 128, "%s", dyad_table_get(&t, 0, 2) ? dyad_table_get(&t, 0, 2) : "");
	dyad_table_free(&t);
	return 1;
}

void store_sql_person_name(dyad_store *s, const char *key, char *out, size_t n)
{
	dyad_buf sql = DYAD_BUF_INIT;
	const char *args[1] = { key };
	dyad_table t;
	dyad_errbuf e;

	dyad_buf_puts(&sql, "SELECT ");
	person_name_sql(&sql, "?1");
	dyad_buf_putc(&sql, '\0');
	if (run(s, sql.p, args, 1, &t, &e) == 0 && t.nrows > 0 && dyad_table_get(&t, 0, 0))
		snprintf(out, n, "%s", dyad_table_get(&t, 0, 0));
	dyad_table_free(&t);
	dyad_buf_free(&sql);
}

int store_sql_side_name(dyad_store *s, const char *side, char *out, size_t n)
{
	const char *args[1] = { side };
	dyad_table t;
	dyad_errbuf e;
	int found = 0;

	if (run(s, "SELECT coalesce(name_en, name_ru) FROM actors WHERE code = ?1", args, 1, &t, &e) == 0 &&
	    t.nrows > 0 && dyad_table_get(&t, 0, 0)) {
		snprintf(out, n, "%s", dyad_table_get(&t, 0, 0));
		found = 1;
	}
	dyad_table_free(&t);
	return found;
}

/*
 * The SQL condition that event `e` has `ref` on its `dir` side ("source" or
 * "target"), with the value bound as the named parameter :name (see
 * ref_value): the person, the role's codes, or the whole side (the only one
 * the tables of sums, dyad_days and dyad_months, can answer).
 */
static void ref_cond(dyad_buf *b, const dyad_actor_ref *ref, const char *dir, const char *name)
{
	if (ref->person[0])
		dyad_buf_printf(b, "e.%s_person = :%s", dir, name);
	else if (ref->code[0])
		dyad_buf_printf(b, "substr(e.%s, 1, length(:%s)) = :%s", dir, name, name);
	else
		dyad_buf_printf(b, "e.%s_actor = :%s", dir, name);
}

static int ref_whole(const dyad_actor_ref *ref)
{
	return !ref->person[0] && !ref->code[0];
}

/* ---- a query's scope: named parameters ---------------------------------------------------- */

enum { MAX_BINDS = 16 };

typedef struct {
	const char *name[MAX_BINDS]; /* without the colon */
	const char *value[MAX_BINDS];
	size_t n;
} binds;

static void bind_add(binds *b, const char *name, const char *value)
{
	if (b->n < MAX_BINDS) {
		b->name[b->n] = name;
		b->value[b->n] = value;
		b->n++;
	}
}

/* As run(), the parameters bound by name (:name); a name the SQL lacks is skipped. */
static int run_named(dyad_store *s, const char *sql, const binds *bs, dyad_table *out, dyad_errbuf *e)
{
	return s->engine->run(s, sql, NULL, 0, bs->name, bs->value, bs->n, out, e);
}

/* 1 when the scope filters by the reporting document (outlet, language): events are then counted by their first report that passes. */
static int scope_by_doc(const dyad_event_filter *f)
{
	return f && (f->outlet || f->language);
}

/* 1 when the scope filters at all (beyond the actors). */
static int scoped(const dyad_event_filter *f)
{
	return f && (f->since || f->until || f->type || f->cameo || f->quad || f->outlet || f->language);
}

/*
 * The scope's conditions on event `e` and its document `d` (both in the
 * FROM clause), as " AND ..." with named parameters bound into `bs`. For a
 * `listing` (newest first) the type and the CAMEO root may pick the index
 * that reads them in date order; a sum over an actor's or dyad's events
 * reads that actor's index instead (the unary + keeps the type's off).
 */
static void scope_sql(dyad_buf *sql, const dyad_event_filter *f, binds *bs, char quad[4], int listing)
{
	size_t i;

	if (f == NULL)
		return;
	if (f->quad)
		snprintf(quad, 4, "%d", f->quad);
	{
		/* each filter: its value, its parameter's name and its condition */
		const char *const filters[][3] = {
			{ f->since, "since", " AND e.date >= :since" },
			/* the second term bounds an index's range: dates are made of characters below '~' */
			{ f->until, "until",
			  " AND substr(e.date, 1, length(:until)) <= :until AND e.date <= :until || '~'" },
			{ f->type, "type", listing ? " AND e.type = upper(:type)" : " AND +e.type = upper(:type)" },
			{ f->cameo, "cameo",
			  listing && f->cameo && strlen(f->cameo) >= 2
				  ? " AND e.root = substr(:cameo, 1, 2) AND e.cameo LIKE :cameo || '%'"
				  : " AND e.cameo LIKE :cameo || '%'" },
			{ f->quad ? quad : NULL, "quad", " AND e.quad = :quad" },
			{ f->outlet, "outlet", " AND d.outlet = :outlet" },
			{ f->language, "language", " AND d.language = lower(:language)" },
		};
		for (i = 0; i < sizeof filters / sizeof *filters; i++)
			if (filters[i][0]) {
				dyad_buf_puts(sql, filters[i][2]);
				bind_add(bs, filters[i][1], filters[i][0]);
			}
	}
}

/*
 * SQL, 1 when row `e` counts as the event: its first report, or with a
 * filter by document its first report among those the filter passes.
 */
static void first_report_sql(dyad_buf *sql, const dyad_event_filter *f)
{
	if (!scope_by_doc(f)) {
		dyad_buf_puts(sql, "(e.mention_of IS NULL)");
		return;
	}
	/* the event's first row is its first report wherever it passes; a later row asks about the earlier ones */
	dyad_buf_puts(sql,
		      "(e.mention_of IS NULL OR NOT EXISTS (SELECT 1 FROM events x JOIN documents xd ON xd.id = x.doc"
		      " WHERE (x.id = coalesce(e.mention_of, e.id) OR x.mention_of = coalesce(e.mention_of, e.id))"
		      " AND x.id < e.id");
	if (f->outlet)
		dyad_buf_puts(sql, " AND xd.outlet = :outlet");
	if (f->language)
		dyad_buf_puts(sql, " AND xd.language = lower(:language)");
	dyad_buf_puts(sql, "))");
}

/* SQL, 1 when row `e` is listed: every report with `mentions`, else the event's first report in scope. */
static void listed_sql(dyad_buf *sql, const dyad_event_filter *f)
{
	if (f->mentions)
		dyad_buf_puts(sql, "1");
	else
		first_report_sql(sql, f);
}

/* ---- events ------------------------------------------------------------------------------- */

/* The conditions that event `e` has the filter's actor on either side and is between its dyad's two. */
static void actors_sql(dyad_buf *sql, const dyad_event_filter *f, const dyad_actor_ref ref[3], binds *bs)
{
	if (f->actor) {
		bind_add(bs, "x", dyad_actor_ref_key(&ref[0]));
		dyad_buf_puts(sql, " AND (");
		ref_cond(sql, &ref[0], "source", "x");
		dyad_buf_puts(sql, " OR ");
		ref_cond(sql, &ref[0], "target", "x");
		dyad_buf_puts(sql, ")");
	}
	if (f->a) {
		bind_add(bs, "a", dyad_actor_ref_key(&ref[1]));
		bind_add(bs, "b", dyad_actor_ref_key(&ref[2]));
		dyad_buf_puts(sql, " AND ((");
		ref_cond(sql, &ref[1], "source", "a");
		dyad_buf_puts(sql, " AND ");
		ref_cond(sql, &ref[2], "target", "b");
		dyad_buf_puts(sql, ") OR (");
		ref_cond(sql, &ref[2], "source", "b");
		dyad_buf_puts(sql, " AND ");
		ref_cond(sql, &ref[1], "target", "a");
		dyad_buf_puts(sql, "))");
	}
}

/*
 * Up to this many documents (counted no further) of the outlet or language
 * asked, their events are read from the documents and sorted; past it,
 * walking the events newest first finds a page sooner.
 */
enum { FEW_DOCS = 10000 };

/* 1 when the documents the scope's outlet and language allow are fewer than FEW_DOCS. */
static int few_docs(dyad_store *s, const dyad_event_filter *f)
{
	binds bs = { { NULL }, { NULL }, 0 };
	dyad_buf sql = DYAD_BUF_INIT;
	dyad_table t;
	dyad_errbuf e;
	int few = 0;

	dyad_buf_puts(&sql, "SELECT count(*) FROM (SELECT 1 FROM documents d WHERE 1");
	if (f->outlet) {
		dyad_buf_puts(&sql, " AND d.outlet = :outlet");
		bind_add(&bs, "outlet", f->outlet);
	}
	if (f->language) {
		dyad_buf_puts(&sql, " AND d.language = lower(:language)");
		bind_add(&bs, "language", f->language);
	}
	dyad_buf_printf(&sql, " LIMIT %d) x", FEW_DOCS);
	dyad_buf_putc(&sql, '\0');
	if (run_named(s, sql.p, &bs, &t, &e) == 0 && t.nrows == 1 && dyad_table_get(&t, 0, 0))
		few = strtol(dyad_table_get(&t, 0, 0), NULL, 10) < FEW_DOCS;
	dyad_table_free(&t);
	dyad_buf_free(&sql);
	return few;
}

/*
 * The conditions that split a listing into arms, each of which an index
 * gives newest first: a dyad's two directions, or an actor's source and
 * target sides, a row of both only in the first. One arm, "", otherwise.
 */
static size_t actor_arms(int strict_types, const dyad_event_filter *f, const dyad_actor_ref ref[3], binds *bs,
			 dyad_buf arm[2])
{
	dyad_buf first = DYAD_BUF_INIT;

	if (f->a) {
		bind_add(bs, "a", dyad_actor_ref_key(&ref[1]));
		bind_add(bs, "b", dyad_actor_ref_key(&ref[2]));
		ref_cond(&first, &ref[1], "source", "a");
		dyad_buf_puts(&first, " AND ");
		ref_cond(&first, &ref[2], "target", "b");
		dyad_buf_putc(&first, '\0');
		dyad_buf_printf(&arm[0], " AND %s", first.p);
		dyad_buf_puts(&arm[1], " AND ");
		ref_cond(&arm[1], &ref[2], "source", "b");
		dyad_buf_puts(&arm[1], " AND ");
		ref_cond(&arm[1], &ref[1], "target", "a");
	} else if (f->actor) {
		ref_cond(&first, &ref[0], "source", "x");
		dyad_buf_putc(&first, '\0');
		dyad_buf_printf(&arm[0], " AND %s", first.p);
		dyad_buf_puts(&arm[1], " AND ");
		ref_cond(&arm[1], &ref[0], "target", "x");
	} else {
		dyad_buf_putc(&arm[0], '\0');
		return 1;
	}
	dyad_buf_printf(&arm[1], " AND NOT coalesce(%s, %s)", first.p, strict_types ? "FALSE" : "0");
	dyad_buf_putc(&arm[0], '\0');
	dyad_buf_putc(&arm[1], '\0');
	dyad_buf_free(&first);
	return 2;
}

int store_sql_events(dyad_store *s, const dyad_event_filter *f, const dyad_actor_ref ref[3], dyad_table *out,
		     dyad_errbuf *e)
{
	/* after a cursor: the rows older than it, then the undated ones (last, newest first by id) */
	static const char *const after_dated[] = { " AND e.date <= :cd AND (e.date < :cd OR e.id < :ci)",
						   " AND e.date IS NULL" };
	static const char *const after_undated[] = { " AND e.date IS NULL AND e.id < :ci" };
	static const char *const no_cursor[] = { "" };
	dyad_buf sql = DYAD_BUF_INIT, tail = DYAD_BUF_INIT, arm[2] = { DYAD_BUF_INIT, DYAD_BUF_INIT };
	char limit[24], offset[24], quad[4], cdate[16] = "", cid[24] = "";
	const char *const *cursor = no_cursor;
	binds bs = { { NULL }, { NULL }, 0 };
	size_t narms, ncursor = 1, i, j;
	int rc, docs_first;

	memset(out, 0, sizeof *out);
	if (f->after && (rc = dyad_query_cursor_parse(f->after, cdate, cid, e)) < 0)
		return rc;
	if (f->after) {
		cursor = cdate[0] ? after_dated : after_undated;
		ncursor = cdate[0] ? 2 : 1;
		bind_add(&bs, "cd", cdate);
		bind_add(&bs, "ci", cid);
	}
	/* the page's rows first, newest first, each arm read from an index in that order and the arms
	   merged, so a page reads about as many rows as it shows; a few documents' events are sorted */
	docs_first = scope_by_doc(f) && few_docs(s, f);
	if (docs_first) {
		dyad_buf_putc(&arm[0], '\0');
		narms = 1;
		actors_sql(&tail, f, ref, &bs);
	} else
		narms = actor_arms(strict(s), f, ref, &bs, arm);
	if (f->actor && f->a) {
		/* an actor beside a dyad filters each of the dyad's arms */
		bind_add(&bs, "x", dyad_actor_ref_key(&ref[0]));
		dyad_buf_puts(&tail, " AND (");
		ref_cond(&tail, &ref[0], "source", "x");
		dyad_buf_puts(&tail, " OR ");
		ref_cond(&tail, &ref[0], "target", "x");
		dyad_buf_puts(&tail, ")");
	} else if (f->actor && !docs_first)
		bind_add(&bs, "x", dyad_actor_ref_key(&ref[0]));
	dyad_buf_puts(&tail, " AND ");
	listed_sql(&tail, f);
	scope_sql(&tail, f, &bs, quad, 1);
	dyad_buf_putc(&tail, '\0');
	/* an event's reports: the event itself and the rows that are mentions of it */
	dyad_buf_puts(
		&sql,
		"SELECT e.date, e.source, e.target, e.cameo, e.type, e.goldstein, e.quad, e.mode, d.outlet, d.title,"
		" e.evidence, ");
	person_name_sql(&sql, "e.source_person");
	dyad_buf_puts(&sql, " AS source_person, ");
	person_name_sql(&sql, "e.target_person");
	/* a source is an outlet, else the document (an unknown outlet's copy is its original's) */
	dyad_buf_printf(&sql,
			" AS target_person, d.doc_id AS doc,"
			" 1 + (SELECT count(*) FROM events m WHERE m.mention_of = coalesce(e.mention_of, e.id)) AS "
			"num_mentions, (SELECT count(DISTINCT %s) FROM events m JOIN documents md ON md.id = m.doc",
			strict(s) ? "coalesce(md.outlet, CAST(coalesce(md.syndicated_of, md.id) AS TEXT))"
				  : "coalesce(md.outlet, md.syndicated_of, md.id)");
	dyad_buf_puts(&sql, "  WHERE m.id = coalesce(e.mention_of, e.id) OR m.mention_of = coalesce(e.mention_of, "
			    "e.id)) AS num_sources,"
			    " (SELECT count(DISTINCT coalesce(md.syndicated_of, md.id)) FROM events m JOIN documents "
			    "md ON md.id = m.doc"
			    "  WHERE m.id = coalesce(e.mention_of, e.id) OR m.mention_of = coalesce(e.mention_of, "
			    "e.id)) AS num_articles,"
			    " e.modality, e.location, d.url, e.date_source, e.reciprocal, e.cameo_name, d.language");
	if (f->cursor)
		dyad_buf_puts(&sql, ", coalesce(e.date, '') || ',' || e.id AS cursor");
	dyad_buf_puts(&sql, " FROM (");
	for (i = 0; i < narms; i++)
		for (j = 0; j < ncursor; j++)
			dyad_buf_printf(&sql, "%sSELECT e.id AS id, e.date AS date FROM %s WHERE 1%s%s%s",
					i + j ? " UNION ALL " : "",
					docs_first        ? "documents d CROSS JOIN events e ON e.doc = d.id"
					: scope_by_doc(f) ? "events e CROSS JOIN documents d ON d.id = e.doc"
							  : "events e",
					arm[i].p, tail.p, cursor[j]);
	dyad_buf_puts(&sql, " ORDER BY 2 DESC, 1 DESC LIMIT :limit OFFSET :offset) k"
			    " CROSS JOIN events e ON e.id = k.id JOIN documents d ON d.id = e.doc"
			    " ORDER BY e.date DESC, e.id DESC");
	dyad_buf_putc(&sql, '\0');
	snprintf(limit, sizeof limit, "%ld", f->limit > 0 ? f->limit : 50);
	snprintf(offset, sizeof offset, "%ld", f->offset > 0 ? f->offset : 0);
	bind_add(&bs, "limit", limit);
	bind_add(&bs, "offset", offset);
	rc = run_named(s, sql.p, &bs, out, e);
	dyad_buf_free(&sql);
	dyad_buf_free(&tail);
	dyad_buf_free(&arm[0]);
	dyad_buf_free(&arm[1]);
	return rc;
}

/* ---- timelines ---------------------------------------------------------------------------- */

/*
 * SQL: the mean Goldstein score of rows_from's rows, to two decimals. The
 * scores have one decimal, so their sum rounded to six is exact whatever
 * order the rows were added in (monthly sums, facets or events): a mean on
 * a rounding boundary rounds the same way from every table.
 */
#define GOLDSTEIN_MEAN "round(round(sum(e.goldstein_sum), 6) / nullif(sum(e.goldstein_n), 0), 2)"

/* The weight of a row of rows_from: its events, or every report with `mentions`. */
static const char *mentions_or_events(const dyad_event_filter *scope)
{
	return scope && scope->mentions ? "e.mentions" : "e.events";
}

/* The events of the scope as rows of rows_from, period_key the day or month, conditions `more` added. */
static void event_rows(dyad_buf *sql, int strict_types, int by_day, const dyad_event_filter *f, const char *scope,
		       const char *more)
{
	/* a condition as a number: SQLite's are 0 and 1 already */
	const char *open = strict_types ? "CASE WHEN " : "(", *close = strict_types ? " THEN 1 ELSE 0 END" : ")";

	dyad_buf_printf(sql,
			"SELECT e.source_actor, e.target_actor, e.source, e.target, e.source_person,"
			" e.target_person, coalesce(%s, '') AS period_key, coalesce(e.quad, 0) AS quad, %s",
			by_day ? "e.date" : "substr(e.date, 1, 7)", open);
	first_report_sql(sql, f);
	dyad_buf_printf(sql, "%s AS events, 1 AS mentions, CASE WHEN ", close);
	first_report_sql(sql, f);
	dyad_buf_printf(sql, " THEN coalesce(e.goldstein, 0) ELSE 0 END AS goldstein_sum, %s", open);
	first_report_sql(sql, f);
	dyad_buf_printf(sql,
			" AND e.goldstein IS NOT NULL%s AS goldstein_n FROM events e JOIN documents d ON d.id = e.doc"
			" WHERE 1%s%s",
			close, scope, more);
}

/* The number of days of month `m` (1-12) of year `y`. */
static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
}

/*
 * The whole months of since..until (YYYY, YYYY-MM or YYYY-MM-DD): `lo` the
 * first ("YYYY-MM", "" when since is not given), `hi` the last ("" when
 * until is not given). A month is whole when every day of it is in range.
 */
static void whole_months(const dyad_event_filter *f, char lo[16], char hi[16])
{
	int y, m, d;

	lo[0] = hi[0] = '\0';
	if (f->since) {
		y = (int)strtol(f->since, NULL, 10);
		m = strlen(f->since) >= 7 ? (int)strtol(f->since + 5, NULL, 10) : 1;
		d = strlen(f->since) >= 10 ? (int)strtol(f->since + 8, NULL, 10) : 1;
		if (d > 1 && ++m > 12) {
			m = 1;
			y++;
		}
		snprintf(lo, 16, "%04d-%02d", y % 10000, m);
	}
	if (f->until) {
		y = (int)strtol(f->until, NULL, 10);
		m = strlen(f->until) >= 7 ? (int)strtol(f->until + 5, NULL, 10) : 12;
		d = strlen(f->until) >= 10 ? (int)strtol(f->until + 8, NULL, 10) : 31;
		if (d < month_days(y, m) && --m < 1) {
			m = 12;
			y--;
		}
		snprintf(hi, 16, "%04d-%02d", (y + 10000) % 10000, m);
	}
}

/*
 * The rows a timeline, profile or network adds up, as the subquery "e".
 * Every actor asked a whole side: unfiltered, the sums of dyad_days or
 * dyad_months; by month or year under filters (with `facets`), the sums of
 * dyad_facets for the whole months in range, the further reports a filter by
 * document counts as the event (first_report_sql), and the events of the
 * days at either end outside whole months. Otherwise the events themselves
 * in the scope, each row counting as an event when it is the event's first
 * report. `dirs`, when not NULL, are the two directions of the dyad asked
 * (both whole sides). Columns: source_actor, target_actor, period_key (the day or
 * month), quad, events, mentions, goldstein_sum, goldstein_n, and for events
 * alone the other columns ref_cond reads.
 */
static void rows_from(dyad_buf *sql, int strict_types, int whole, int by_day, int facets, const char *const dirs[2],
		      const dyad_event_filter *f, binds *bs, char quad[4], char months[2][16])
{
	dyad_buf scope = DYAD_BUF_INIT;
	int only_dates = f && !f->type && !f->cameo && !f->quad && !f->outlet && !f->language;

	if (whole && (!scoped(f) || (by_day && only_dates))) {
		dyad_buf_printf(sql,
				"(SELECT source_actor, target_actor, %s AS period_key, quad, events, mentions,"
				" goldstein_sum, goldstein_n FROM %s e WHERE 1",
				by_day ? "date" : "month", by_day ? "dyad_days" : "dyad_months");
		/* dates alone, by day: the daily sums in range ('' is undated) */
		if (scoped(f))
			dyad_buf_puts(sql, " AND e.date <> ''");
		scope_sql(sql, f, bs, quad, 0);
		dyad_buf_putc(sql, ')');
		return;
	}
	scope_sql(&scope, f, bs, quad, 0);
	dyad_buf_putc(&scope, '\0');
	if (!whole || by_day || !facets) {
		dyad_buf_putc(sql, '(');
		event_rows(sql, strict_types, by_day, f, scope.p, "");
		dyad_buf_putc(sql, ')');
		dyad_buf_free(&scope);
		return;
	}
	whole_months(f, months[0], months[1]);
	if (months[0][0])
		bind_add(bs, "lo", months[0]);
	if (months[1][0])
		bind_add(bs, "hi", months[1]);
	dyad_buf_puts(sql, "(SELECT source_actor, target_actor, month AS period_key, quad, events, mentions,"
			   " goldstein_sum, goldstein_n FROM dyad_facets f WHERE 1");
	if (months[0][0])
		dyad_buf_puts(sql, " AND f.month >= :lo");
	if (months[1][0])
		dyad_buf_puts(sql, " AND f.month <= :hi");
	if (f->type)
		dyad_buf_puts(sql, " AND f.type = upper(:type)");
	if (f->cameo)
		dyad_buf_puts(sql, " AND f.cameo LIKE :cameo || '%'");
	if (f->quad)
		dyad_buf_puts(sql, " AND f.quad = :quad");
	if (f->outlet)
		dyad_buf_puts(sql, " AND nullif(f.outlet, '') = :outlet");
	if (f->language)
		dyad_buf_puts(sql, " AND nullif(f.language, '') = lower(:language)");
	if (scope_by_doc(f)) {
		/* a further report that passes where the event's first row does not: the event, counted here;
		   each of the dyad's directions apart reads its further reports' own index */
		size_t i;
		for (i = 0; i < (dirs ? 2 : 1); i++) {
			dyad_buf_puts(
				sql,
				" UNION ALL SELECT e.source_actor, e.target_actor, coalesce(substr(e.date, 1, 7), ''),"
				" coalesce(e.quad, 0), 1, 0, coalesce(e.goldstein, 0), ");
			dyad_buf_puts(sql, strict_types ? "CASE WHEN e.goldstein IS NOT NULL THEN 1 ELSE 0 END"
							: "e.goldstein IS NOT NULL");
			dyad_buf_puts(
				sql,
				" FROM events e JOIN documents d ON d.id = e.doc WHERE e.mention_of IS NOT NULL AND ");
			first_report_sql(sql, f);
			dyad_buf_puts(sql, scope.p);
			if (dirs)
				dyad_buf_printf(sql, i ? " AND %s AND NOT %s" : " AND %s", dirs[i], dirs[0]);
			if (months[0][0])
				dyad_buf_puts(sql, " AND e.date >= :lo");
			if (months[1][0])
				dyad_buf_puts(sql, " AND e.date < :hi || '-~'");
		}
	}
	/* the days before the first whole month and after the last */
	if (months[0][0]) {
		dyad_buf_puts(sql, " UNION ALL SELECT source_actor, target_actor, period_key, quad, events, mentions,"
				   " goldstein_sum, goldstein_n FROM (");
		event_rows(sql, strict_types, 0, f, scope.p, " AND e.date < :lo");
		dyad_buf_puts(sql, ") lo");
	}
	if (months[1][0]) {
		dyad_buf_puts(sql, " UNION ALL SELECT source_actor, target_actor, period_key, quad, events, mentions,"
				   " goldstein_sum, goldstein_n FROM (");
		event_rows(sql, strict_types, 0, f, scope.p,
			   months[0][0] ? " AND e.date > :hi || '-~' AND e.date >= :lo" : " AND e.date > :hi || '-~'");
		dyad_buf_puts(sql, ") hi");
	}
	dyad_buf_putc(sql, ')');
	dyad_buf_free(&scope);
}

int store_sql_timeline(dyad_store *s, const dyad_actor_ref *ra, const dyad_actor_ref *rb, const char *by,
		       const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e)
{
	/* each period's expression over the day (YYYY-MM-DD) or month (YYYY-MM) column */
	static const char *const periods[][3] = {
		{ "day", "e.period_key", "day" },
		{ "week", "strftime('%Y-W%W', e.period_key)", "day" },
		{ "month", "e.period_key", "month" },
		{ "year", "substr(e.period_key, 1, 4)", "month" },
	};
	const char *period = NULL, *w = mentions_or_events(scope), *dirs[2];
	dyad_buf sql = DYAD_BUF_INIT, ab = DYAD_BUF_INIT, ba = DYAD_BUF_INIT;
	binds bs = { { NULL }, { NULL }, 0 };
	char quad[4], months[2][16];
	int by_day = 0, q, rc;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < sizeof periods / sizeof *periods; i++)
		if (strcmp(by ? by : "month", periods[i][0]) == 0) {
			period = periods[i][1];
			by_day = strcmp(periods[i][2], "day") == 0;
		}
	if (period == NULL)
		return dyad_errf(e, DYAD_EUSAGE, "bad period '%s' (expected day, week, month or year)", by);
	dyad_buf_putc(&ab, '(');
	ref_cond(&ab, ra, "source", "a");
	dyad_buf_puts(&ab, " AND ");
	ref_cond(&ab, rb, "target", "b");
	dyad_buf_putc(&ab, ')');
	dyad_buf_putc(&ba, '(');
	ref_cond(&ba, rb, "source", "b");
	dyad_buf_puts(&ba, " AND ");
	ref_cond(&ba, ra, "target", "a");
	dyad_buf_putc(&ba, ')');
	dyad_buf_putc(&ab, '\0');
	dyad_buf_putc(&ba, '\0');
	dirs[0] = ab.p;
	dirs[1] = ba.p;
	bind_add(&bs, "a", dyad_actor_ref_key(ra));
	bind_add(&bs, "b", dyad_actor_ref_key(rb));
	/* the period expression is one of the fixed strings above, never user text */
	dyad_buf_printf(&sql, "SELECT %s AS period", period);
	for (q = 1; q <= 4; q++)
		dyad_buf_printf(&sql, ", sum(CASE WHEN %s AND e.quad = %d THEN %s ELSE 0 END) AS ab_q%d", ab.p, q, w, q);
	for (q = 1; q <= 4; q++)
		dyad_buf_printf(&sql, ", sum(CASE WHEN %s AND e.quad = %d THEN %s ELSE 0 END) AS ba_q%d", ba.p, q, w, q);
	dyad_buf_printf(&sql,
			", sum(%s) AS events, sum(e.mentions) AS mentions,"
			" " GOLDSTEIN_MEAN " AS goldstein FROM ",
			w);
	rows_from(&sql, strict(s), ref_whole(ra) && ref_whole(rb), by_day, 1, dirs, scope, &bs, quad, months);
	dyad_buf_printf(&sql,
			" e WHERE (%s OR %s) AND e.period_key <> '' GROUP BY period HAVING sum(%s) > 0"
			" ORDER BY period",
			ab.p, ba.p, w);
	dyad_buf_putc(&sql, '\0');
	rc = run_named(s, sql.p, &bs, out, e);
	dyad_buf_free(&sql);
	dyad_buf_free(&ab);
	dyad_buf_free(&ba);
	return rc;
}

/* ---- profiles, networks, types ------------------------------------------------------------ */

int store_sql_profile(dyad_store *s, const dyad_actor_ref *ref, const dyad_event_filter *scope, dyad_table *partners,
		      dyad_table *years, dyad_table *people, dyad_errbuf *e)
{
	const char *w = mentions_or_events(scope);
	dyad_buf src = DYAD_BUF_INIT, tgt = DYAD_BUF_INIT, sql = DYAD_BUF_INIT;
	binds bs = { { NULL }, { NULL }, 0 };
	char quad[4], months[2][16];
	int rc, whole;

	memset(partners, 0, sizeof *partners);
	memset(years, 0, sizeof *years);
	memset(people, 0, sizeof *people);
	whole = ref_whole(ref);
	bind_add(&bs, "x", dyad_actor_ref_key(ref));
	ref_cond(&src, ref, "source", "x");
	ref_cond(&tgt, ref, "target", "x");
	dyad_buf_putc(&src, '\0');
	dyad_buf_putc(&tgt, '\0');
	/* partners: the other side of each event; a whole side's dealings with itself are not a partner */
	dyad_buf_printf(&sql,
			"SELECT p.partner, %s AS name, p.events, p.mentions, p.cooperation,"
			" p.conflict, p.goldstein FROM (SELECT CASE WHEN %s THEN e.target_actor ELSE e.source_actor END"
			" AS partner, sum(%s) AS events, sum(e.mentions) AS mentions,"
			" sum(CASE WHEN e.quad IN (1, 2) THEN %s ELSE 0 END) AS cooperation,"
			" sum(CASE WHEN e.quad IN (3, 4) THEN %s ELSE 0 END) AS conflict,"
			" " GOLDSTEIN_MEAN " AS goldstein FROM ",
			actor_name_sql(), src.p, w, w, w);
	rows_from(&sql, strict(s), whole, 0, 0, NULL, scope, &bs, quad, months);
	dyad_buf_printf(&sql,
			" e WHERE (%s OR %s)%s GROUP BY partner HAVING sum(%s) > 0) p"
			" LEFT JOIN actors a ON a.code = p.partner ORDER BY p.events DESC, p.partner LIMIT 20",
			src.p, tgt.p, whole ? " AND e.source_actor <> e.target_actor" : "", w);
	dyad_buf_putc(&sql, '\0');
	if ((rc = run_named(s, sql.p, &bs, partners, e)) < 0)
		goto done;
	dyad_buf_clear(&sql);
	bs.n = 1;
	dyad_buf_printf(&sql,
			"SELECT substr(e.period_key, 1, 4) AS year, sum(%s) AS events, sum(e.mentions) AS mentions,"
			" sum(CASE WHEN e.quad IN (1, 2) THEN %s ELSE 0 END) AS cooperation,"
			" sum(CASE WHEN e.quad IN (3, 4) THEN %s ELSE 0 END) AS conflict,"
			" " GOLDSTEIN_MEAN " AS goldstein FROM ",
			w, w, w);
	rows_from(&sql, strict(s), whole, 0, 0, NULL, scope, &bs, quad, months);
	dyad_buf_printf(&sql, " e WHERE (%s OR %s) AND e.period_key <> '' GROUP BY year HAVING sum(%s) > 0 ORDER BY year",
			src.p, tgt.p, w);
	dyad_buf_putc(&sql, '\0');
	if ((rc = run_named(s, sql.p, &bs, years, e)) < 0)
		goto done;
	/* the people on the other side of its events (not the person asked about) */
	dyad_buf_clear(&sql);
	bs.n = 1;
	dyad_buf_puts(&sql, "SELECT ");
	person_name_sql(&sql, "x.who");
	/* a person's side: SQLite takes a row's, a stricter engine the least */
	dyad_buf_printf(&sql, " AS person, x.side, x.n AS events FROM (SELECT who, %s, sum(w) AS n FROM (",
			strict(s) ? "min(side) AS side" : "side");
	dyad_buf_puts(&sql, " SELECT CASE WHEN ");
	dyad_buf_printf(&sql,
			"%s THEN e.target_person ELSE e.source_person END AS who,"
			" CASE WHEN %s THEN e.target ELSE e.source END AS side, %s AS w FROM ",
			src.p, src.p, mentions_or_events(scope));
	rows_from(&sql, strict(s), 0, 0, 0, NULL, scope, &bs, quad, months);
	dyad_buf_printf(&sql,
			" e WHERE (%s AND e.target_person IS NOT NULL AND e.target_person IS NOT :x)"
			" OR (%s AND e.source_person IS NOT NULL AND e.source_person IS NOT :x))"
			" r GROUP BY who HAVING sum(w) > 0 ORDER BY n DESC, who LIMIT 10) x ORDER BY x.n DESC, x.who",
			src.p, tgt.p);
	dyad_buf_putc(&sql, '\0');
	rc = run_named(s, sql.p, &bs, people, e);
done:
	dyad_buf_free(&sql);
	dyad_buf_free(&src);
	dyad_buf_free(&tgt);
	return rc;
}

int store_sql_network(dyad_store *s, const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e)
{
	const char *w = mentions_or_events(scope);
	binds bs = { { NULL }, { NULL }, 0 };
	dyad_buf sql = DYAD_BUF_INIT;
	char quad[4], months[2][16];
	int rc;

	memset(out, 0, sizeof *out);
	dyad_buf_printf(&sql,
			"SELECT e.source_actor AS source, e.target_actor AS target, sum(%s) AS events,"
			" sum(e.mentions) AS mentions,"
			" sum(CASE WHEN e.quad IN (1, 2) THEN %s ELSE 0 END) AS cooperation,"
			" sum(CASE WHEN e.quad IN (3, 4) THEN %s ELSE 0 END) AS conflict,"
			" " GOLDSTEIN_MEAN " AS goldstein FROM ",
			w, w, w);
	/* the whole history from the monthly sums; anything filtered from the events */
	rows_from(&sql, strict(s), 1, 0, 1, NULL, scope, &bs, quad, months);
	dyad_buf_printf(&sql,
			" e WHERE e.source_actor <> e.target_actor GROUP BY e.source_actor, e.target_actor"
			" HAVING sum(%s) > 0 ORDER BY events DESC, source, target",
			w);
	dyad_buf_putc(&sql, '\0');
	rc = run_named(s, sql.p, &bs, out, e);
	dyad_buf_free(&sql);
	return rc;
}

int store_sql_types(dyad_store *s, const dyad_event_filter *f, const dyad_actor_ref ref[3], dyad_table *out,
		    dyad_errbuf *e)
{
	binds bs = { { NULL }, { NULL }, 0 };
	dyad_buf sql = DYAD_BUF_INIT;
	char quad[4];
	int rc;

	memset(out, 0, sizeof *out);
	dyad_buf_puts(&sql, "SELECT coalesce(e.type, '?') AS type, min(e.quad) AS quad, sum(");
	first_report_sql(&sql, f);
	dyad_buf_puts(&sql, ") AS events, count(*) AS mentions FROM events e JOIN documents d ON d.id = e.doc WHERE 1");
	actors_sql(&sql, f, ref, &bs);
	scope_sql(&sql, f, &bs, quad, 0);
	/* HAVING names no output column: not every SQL lets it */
	dyad_buf_puts(&sql, " GROUP BY e.type HAVING ");
	if (f->mentions)
		dyad_buf_puts(&sql, "count(*)");
	else {
		dyad_buf_puts(&sql, "sum(");
		first_report_sql(&sql, f);
		dyad_buf_putc(&sql, ')');
	}
	dyad_buf_printf(&sql, " > 0 ORDER BY %s DESC, type", f->mentions ? "mentions" : "events");
	dyad_buf_putc(&sql, '\0');
	rc = run_named(s, sql.p, &bs, out, e);
	dyad_buf_free(&sql);
	return rc;
}

int store_sql_places(dyad_store *s, const dyad_event_filter *f, const char *place, dyad_table *out, dyad_errbuf *e)
{
	/* a place is its GeoNames id, or its name for the regions and seas of the project's lists */
	const char *key = strict(s) ? "coalesce(CAST(e.location_geonames AS TEXT), e.location)"
				    : "CAST(coalesce(e.location_geonames, e.location) AS TEXT)";
	binds bs = { { NULL }, { NULL }, 0 };
	dyad_buf sql = DYAD_BUF_INIT;
	char limit[24], quad[4];
	int rc;

	memset(out, 0, sizeof *out);
	if (place)
		dyad_buf_puts(&sql, "SELECT d.doc_id AS doc, e.date, e.source, e.source_name, e.target, e.target_name,"
				    " e.cameo, e.cameo_name, e.quad, e.goldstein, e.location, e.evidence");
	else
		dyad_buf_printf(&sql,
				"SELECT %s AS place, min(e.location) AS name, min(e.location_country) AS country,"
				" round(avg(e.location_lat), 5) AS lat, round(avg(e.location_lon), 5) AS lon,"
				" count(*) AS events, sum(e.quad IN (1, 2)) AS cooperation,"
				" sum(e.quad IN (3, 4)) AS conflict, round(avg(e.goldstein), 5) AS goldstein",
				key);
	dyad_buf_printf(&sql, " FROM events e JOIN documents d ON d.id = e.doc WHERE e.location_lat IS NOT NULL AND ");
	listed_sql(&sql, f);
	scope_sql(&sql, f, &bs, quad, 0);
	if (place) {
		dyad_buf_printf(&sql, " AND %s = :place ORDER BY e.date DESC, e.id DESC LIMIT :limit", key);
		bind_add(&bs, "place", place);
	} else {
		dyad_buf_puts(&sql, " GROUP BY place ORDER BY events DESC, place LIMIT :limit");
	}
	dyad_buf_putc(&sql, '\0');
	snprintf(limit, sizeof limit, "%ld", f->limit > 0 ? f->limit : 50);
	bind_add(&bs, "limit", limit);
	rc = run_named(s, sql.p, &bs, out, e);
	dyad_buf_free(&sql);
	return rc;
}

int store_sql_stats(dyad_store *s, dyad_table *out, dyad_errbuf *e)
{
	return run(s,
		   "SELECT 'documents' AS what, count(*) AS value FROM documents"
		   " UNION ALL SELECT 'syndicated copies', count(*) FROM documents WHERE syndicated_of IS NOT NULL"
		   " UNION ALL SELECT 'sentences', count(*) FROM sentences"
		   " UNION ALL SELECT 'actor mentions', count(*) FROM mentions"
		   /* every row less the further reports: both counted from indexes */
		   " UNION ALL SELECT 'events', (SELECT count(*) FROM events)"
		   "  - (SELECT count(*) FROM events WHERE mention_of IS NOT NULL)"
		   " UNION ALL SELECT 'event mentions', count(*) FROM events"
		   " UNION ALL SELECT 'first date', (SELECT min(date) FROM documents)"
		   " UNION ALL SELECT 'last date', (SELECT max(date) FROM documents)"
		   " UNION ALL SELECT * FROM (SELECT 'language ' || coalesce(language, '?'), count(*) FROM documents"
		   "  GROUP BY language ORDER BY count(*) DESC)"
		   " UNION ALL SELECT * FROM (SELECT 'outlet ' || coalesce(outlet, '?'), count(*) FROM documents"
		   "  GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 15)"
		   " UNION ALL SELECT * FROM (SELECT 'type ' || coalesce(type, '?'), count(*) FROM events"
		   "  WHERE mention_of IS NULL GROUP BY type ORDER BY count(*) DESC, type)",
		   NULL, 0, out, e);
}

/* ---- actors for a type-ahead, one actor, one document -------------------------------------- */

int store_sql_actors(dyad_store *s, const char *folded, long limit, dyad_table *out, dyad_errbuf *e)
{
	/* countries and organisations; with a prefix also the people one of whose names has a word
	   beginning so, with their events (each once) */
	static const char sql[] =
		"SELECT * FROM (SELECT a.code, a.kind, a.name_en, a.name_ru, coalesce(n.events, 0) AS events FROM "
		"actors a"
		" LEFT JOIN actor_events n ON n.actor = a.code"
		" WHERE CASE WHEN ?1 IS NULL THEN coalesce(n.events, 0) > 0"
		"  ELSE lower(a.code) = ?1 OR (a.kind = 'igo' AND lower(a.code) = 'igo' || ?1)"
		"   OR EXISTS (SELECT 1 FROM actor_names x WHERE x.code = a.code AND x.kind = a.kind"
		"    AND substr(x.folded, 1, length(?1)) = ?1) END"
		" UNION ALL SELECT p.person, 'person',"
		"  (SELECT name FROM actor_names WHERE kind = 'person' AND person = p.person"
		"   AND name NOT GLOB '*[А-яЁё]*' ORDER BY rowid LIMIT 1),"
		"  (SELECT name FROM actor_names WHERE kind = 'person' AND person = p.person"
		"   AND name GLOB '*[А-яЁё]*' ORDER BY rowid LIMIT 1),"
		"  (SELECT count(*) FROM events WHERE source_person = p.person AND mention_of IS NULL)"
		"  + (SELECT count(*) FROM events WHERE target_person = p.person AND mention_of IS NULL"
		"     AND source_person IS NOT p.person)"
		" FROM (SELECT DISTINCT person FROM actor_names WHERE ?1 IS NOT NULL AND kind = 'person'"
		"  AND instr(' ' || replace(folded, '-', ' '), ' ' || ?1) > 0) p) x"
		" WHERE kind <> 'person' OR events > 0"
		" ORDER BY events DESC, code LIMIT ?2";
	const char *args[2];
	char lim[24];

	snprintf(lim, sizeof lim, "%ld", limit > 0 ? limit : 20);
	args[0] = folded;
	args[1] = lim;
	return run(s, sql, args, 2, out, e);
}

int store_sql_actor(dyad_store *s, const dyad_actor_ref *ref, dyad_table *out, dyad_errbuf *e)
{
	const char *args[3];
	int rc;

	args[0] = ref->side;
	args[1] = ref->code;
	args[2] = ref->person;
	if (ref->person[0])
		/* a person: their key (what the API takes back, as the type-ahead gives it), and their
		   names in Latin and Cyrillic script from the lexicon; `resolved` has their code */
		return run(s,
			   "SELECT ?3 AS code, 'person' AS kind,"
			   " coalesce((SELECT name FROM actor_names WHERE kind = 'person' AND person = ?3"
			   "  AND name NOT GLOB '*[А-яЁё]*' ORDER BY rowid LIMIT 1),"
			   "  CASE WHEN ?3 GLOB '*[А-яЁё]*' THEN NULL ELSE ?3 END) AS name_en,"
			   " coalesce((SELECT name FROM actor_names WHERE kind = 'person' AND person = ?3"
			   "  AND name GLOB '*[А-яЁё]*' ORDER BY rowid LIMIT 1),"
			   "  CASE WHEN ?3 GLOB '*[А-яЁё]*' THEN ?3 END) AS name_ru",
			   args, 3, out, e);
	if (ref->code[0])
		/* a role: its code, the kind "role", the names of its country or organisation */
		return run(s,
			   "SELECT ?2 AS code, 'role' AS kind, a.name_en, a.name_ru FROM (SELECT 1) one"
			   " LEFT JOIN actors a ON a.code = ?1",
			   args, 2, out, e);
	if ((rc = run(s, "SELECT code, kind, name_en, name_ru FROM actors WHERE code = ?1", args, 1, out, e)) < 0)
		return rc;
	if (out->nrows == 0) {
		/* an actor seen in events but outside the lexicon (a custom code) */
		dyad_table_free(out);
		return run(s, "SELECT ?1 AS code, NULL AS kind, NULL AS name_en, NULL AS name_ru", args, 1, out, e);
	}
	return 0;
}

int store_sql_doc(dyad_store *s, const char *id, dyad_table *doc, dyad_table *sentences, dyad_table *mentions,
		  dyad_table *events, dyad_errbuf *e)
{
	const char *args[1] = { id };
	int rc;

	memset(sentences, 0, sizeof *sentences);
	memset(mentions, 0, sizeof *mentions);
	memset(events, 0, sizeof *events);
	if ((rc = run(s,
		      "SELECT doc_id AS id, title, date, time, outlet, dateline, language, author, url, path, record,"
		      " body, furniture, (SELECT doc_id FROM documents o WHERE o.id = d.syndicated_of) AS syndicated_of"
		      " FROM documents d WHERE doc_id = ?1",
		      args, 1, doc, e)) < 0)
		return rc;
	if (doc->nrows == 0)
		return 0;
	if ((rc = run(s,
		      "SELECT se.n, se.start, se.end FROM sentences se JOIN documents d ON d.id = se.doc"
		      " WHERE d.doc_id = ?1 ORDER BY se.n",
		      args, 1, sentences, e)) < 0 ||
	    (rc = run(s,
		      "SELECT m.sentence, m.start, m.end, m.kind, m.code, m.person, m.name, m.text FROM mentions m"
		      " JOIN documents d ON d.id = m.doc WHERE d.doc_id = ?1 ORDER BY m.start, m.end",
		      args, 1, mentions, e)) < 0 ||
	    (rc = run(s,
		      "SELECT e.n, e.source, e.target, e.source_person, e.target_person, e.cameo, e.cameo_name, e.type,"
		      " e.goldstein, e.quad, e.mode, e.reciprocal, e.modality, e.date, e.date_source, e.location,"
		      " e.sentence, e.start, e.end, e.evidence, e.rules FROM events e JOIN documents d ON d.id = e.doc"
		      " WHERE d.doc_id = ?1 ORDER BY e.n",
		      args, 1, events, e)) < 0) {
		dyad_table_free(doc);
		dyad_table_free(sentences);
		dyad_table_free(mentions);
		return rc;
	}
	return 0;
}
