/*
 * query.c — the knowledge base's questions as parameterised SQL over the
 * schema of docs/schema.md, each answered as a dyad_table. Dates are
 * validated and actors resolved before any SQL runs, so a bad argument is a
 * clear message, never an empty answer.
 */
#include "dyad/query.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dyad/dict.h"
#include "dyad/text.h"

/* ---- tables ------------------------------------------------------------------------------ */

void dyad_table_free(dyad_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cols);
	free(t->cells);
	free(t->numeric);
	memset(t, 0, sizeof *t);
}

const char *dyad_table_get(const dyad_table *t, size_t r, size_t c)
{
	return r < t->nrows && c < t->ncols ? t->cells[r * t->ncols + c] : NULL;
}

void dyad_table_row_json(const dyad_table *t, size_t r, dyad_buf *out)
{
	size_t c;

	dyad_buf_putc(out, '{');
	for (c = 0; c < t->ncols; c++) {
		const char *v = dyad_table_get(t, r, c);
		if (c)
			dyad_buf_putc(out, ',');
		dyad_buf_json_str(out, dyad_str_c(t->cols[c]));
		dyad_buf_putc(out, ':');
		if (v == NULL)
			dyad_buf_puts(out, "null");
		else if (t->numeric && t->numeric[r * t->ncols + c])
			dyad_buf_puts(out, v);
		else
			dyad_buf_json_str(out, dyad_str_c(v));
	}
	dyad_buf_putc(out, '}');
}

void dyad_table_json(const dyad_table *t, dyad_buf *out)
{
	size_t r;

	dyad_buf_putc(out, '[');
	for (r = 0; r < t->nrows; r++) {
		if (r)
			dyad_buf_putc(out, ',');
		dyad_table_row_json(t, r, out);
	}
	dyad_buf_putc(out, ']');
}

/* Bind arguments: each a string (NULL binds SQL NULL). */
static int run(dyad_store *s, const char *sql, const char *const *args, size_t nargs, dyad_table *out,
	       dyad_errbuf *e)
{
	sqlite3 *db = dyad_store_db(s);
	sqlite3_stmt *st;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return dyad_errf(e, DYAD_EDB, "query: %s", sqlite3_errmsg(db));
	for (i = 0; i < nargs; i++)
		if (args[i])
			sqlite3_bind_text(st, (int)i + 1, args[i], -1, SQLITE_STATIC);
	out->ncols = (size_t)sqlite3_column_count(st);
	out->cols = dyad_xcalloc(out->ncols ? out->ncols : 1, sizeof *out->cols);
	for (i = 0; i < out->ncols; i++)
		out->cols[i] = dyad_xstrdup(sqlite3_column_name(st, (int)i));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->nrows == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 64;
			out->cells = dyad_xrealloc(out->cells, out->cap * (out->ncols ? out->ncols : 1) * sizeof *out->cells);
			out->numeric = dyad_xrealloc(out->numeric, out->cap * (out->ncols ? out->ncols : 1));
		}
		for (i = 0; i < out->ncols; i++) {
			int type = sqlite3_column_type(st, (int)i);
			const unsigned char *v = sqlite3_column_text(st, (int)i);
			out->cells[out->nrows * out->ncols + i] = v ? dyad_xstrdup((const char *)v) : NULL;
			out->numeric[out->nrows * out->ncols + i] = type == SQLITE_INTEGER || type == SQLITE_FLOAT;
		}
		out->nrows++;
	}
	if (rc != SQLITE_DONE) {
		dyad_errf(e, DYAD_EDB, "query: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		dyad_table_free(out);
		return DYAD_EDB;
	}
	sqlite3_finalize(st);
	return 0;
}

static int valid_date(const char *d)
{
	return d == NULL || (strlen(d) >= 4 && dyad_ymd_parse(dyad_str_c(d)) > 0);
}

/* ---- actors ------------------------------------------------------------------------------- */

/*
 * The steps of resolving an actor, cheapest first; each returns (side,
 * code, person) rows, and the first step with a row wins. Only the last
 * one scans the events table, and only when nothing else matched.
 */
static const char *const resolve_steps[] = {
	/* a code of the lexicon (KAZ, IGOSCO) or an organisation's short code (SCO) */
	"SELECT code, '', NULL FROM actors WHERE code = ?1 OR (kind = 'igo' AND code = 'IGO' || upper(?1)) LIMIT 1",
	/* a country's or organisation's name, in any spelling the lexicon has */
	"SELECT code, '', NULL FROM actors WHERE lower(name_en) = lower(?1) OR name_ru = ?1"
	" UNION ALL SELECT code, '', NULL FROM actor_names WHERE folded = ?2 AND kind IN ('country', 'igo') LIMIT 1",
	/* a CAMEO actor code: a known actor followed by role letters (KAZGOV, IGOEUGOV) */
	"SELECT code, upper(?1), NULL FROM actors WHERE upper(?1) = ?1 AND length(?1) <= 15"
	" AND substr(?1, 1, length(code)) = code ORDER BY length(code) DESC LIMIT 1",
	/* a person, by the whole of one of their names (the side from their latest event) */
	"SELECT side, code, person FROM (SELECT source_actor AS side, source AS code, source_person AS person, date"
	"  FROM events WHERE source_person IN (SELECT person FROM actor_names WHERE kind = 'person' AND folded = ?2)"
	" UNION ALL SELECT target_actor, target, target_person, date FROM events"
	"  WHERE target_person IN (SELECT person FROM actor_names WHERE kind = 'person' AND folded = ?2))"
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
	"   (SELECT person FROM actor_names WHERE kind = 'person' AND instr(folded, ?2) > 0)) LIMIT 1))"
	" LIMIT 1",
};

int dyad_query_actor_resolve(dyad_store *s, const char *arg, char side[24], char code[24], char person[128],
			     dyad_errbuf *e)
{
	dyad_buf folded = DYAD_BUF_INIT;
	const char *args[2];
	dyad_table t;
	size_t i;
	int rc = 0;

	side[0] = code[0] = person[0] = '\0';
	if (arg == NULL || !*arg)
		return dyad_errf(e, DYAD_EUSAGE, "an empty actor");
	dyad_fold_buf(&folded, dyad_str_c(arg));
	dyad_buf_putc(&folded, '\0');
	args[0] = arg;
	args[1] = folded.p;
	memset(&t, 0, sizeof t);
	for (i = 0; i < sizeof resolve_steps / sizeof *resolve_steps; i++) {
		if ((rc = run(s, resolve_steps[i], args, 2, &t, e)) < 0)
			break;
		if (t.nrows > 0)
			break;
		dyad_table_free(&t);
	}
	dyad_buf_free(&folded);
	if (rc < 0)
		return rc;
	if (t.nrows == 0) {
		dyad_table_free(&t);
		return dyad_errf(e, DYAD_ENOTFOUND, "unknown actor '%s' (try a country code like KAZ, an organisation like SCO, "
				 "a code like KAZGOV, a name like Kazakhstan, or a person)", arg);
	}
	snprintf(side, 24, "%s", dyad_table_get(&t, 0, 0) ? dyad_table_get(&t, 0, 0) : "");
	snprintf(code, 24, "%s", dyad_table_get(&t, 0, 1) ? dyad_table_get(&t, 0, 1) : "");
	snprintf(person, 128, "%s", dyad_table_get(&t, 0, 2) ? dyad_table_get(&t, 0, 2) : "");
	dyad_table_free(&t);
	return 0;
}

/* ---- events ------------------------------------------------------------------------------- */

int dyad_query_events(dyad_store *s, const dyad_event_filter *f, dyad_table *out, dyad_errbuf *e)
{
	static const char sql[] =
		"SELECT e.date, e.source, e.target, e.cameo, e.type, e.goldstein, e.quad, e.mode, d.outlet, d.title,"
		" e.evidence, e.source_person, e.target_person, d.doc_id AS doc"
		" FROM events e JOIN documents d ON d.id = e.doc"
		" WHERE (?1 IS NULL OR e.source_actor = ?1 OR e.target_actor = ?1 OR e.source = ?1 OR e.target = ?1)"
		" AND (?2 IS NULL OR (e.source_actor = ?2 AND e.target_actor = ?3) OR (e.source_actor = ?3 AND e.target_actor = ?2))"
		" AND (?4 IS NULL OR e.type = upper(?4))"
		" AND (?5 IS NULL OR e.cameo LIKE ?5 || '%')"
		" AND (?6 IS NULL OR e.date >= ?6) AND (?7 IS NULL OR e.date <= ?7)"
		" AND (?8 IS NULL OR e.source_person = ?8 OR e.target_person = ?8)"
		" ORDER BY e.date DESC, e.id DESC LIMIT ?9 OFFSET ?10";
	char side[3][24], code[3][24], person[3][128], limit[24], offset[24];
	const char *args[10] = { NULL };
	int rc;

	if (!valid_date(f->since) || !valid_date(f->until))
		return dyad_errf(e, DYAD_EUSAGE, "bad date '%s' (expected YYYY-MM-DD, YYYY-MM or YYYY)",
				 !valid_date(f->since) ? f->since : f->until);
	if (f->actor) {
		if ((rc = dyad_query_actor_resolve(s, f->actor, side[0], code[0], person[0], e)) < 0)
			return rc;
		if (person[0][0])
			args[7] = person[0];
		else
			args[0] = code[0][0] ? code[0] : side[0];
	}
	if (f->a || f->b) {
		if (!f->a || !f->b)
			return dyad_errf(e, DYAD_EUSAGE, "a dyad needs two actors: A,B");
		if ((rc = dyad_query_actor_resolve(s, f->a, side[1], code[1], person[1], e)) < 0 ||
		    (rc = dyad_query_actor_resolve(s, f->b, side[2], code[2], person[2], e)) < 0)
			return rc;
		args[1] = side[1];
		args[2] = side[2];
	}
	args[3] = f->type;
	args[4] = f->cameo;
	args[5] = f->since;
	args[6] = f->until;
	snprintf(limit, sizeof limit, "%ld", f->limit > 0 ? f->limit : 50);
	args[8] = limit;
	snprintf(offset, sizeof offset, "%ld", f->offset > 0 ? f->offset : 0);
	args[9] = offset;
	return run(s, sql, args, 10, out, e);
}

/* ---- timelines ---------------------------------------------------------------------------- */

int dyad_query_timeline(dyad_store *s, const char *a, const char *b, const char *by, dyad_table *out, dyad_errbuf *e)
{
	char sa[24], sb[24];

	return dyad_query_timeline_sides(s, a, b, by, out, sa, sb, e);
}

int dyad_query_timeline_sides(dyad_store *s, const char *a, const char *b, const char *by, dyad_table *out,
			      char sa[24], char sb[24], dyad_errbuf *e)
{
	/* each period's expression and the table of sums it reads: days for days and weeks, months
	   for months and years (a few hundred rows per dyad) */
	static const char *const periods[][3] = {
		{ "day", "e.date", "dyad_days" },
		{ "week", "strftime('%Y-W%W', e.date)", "dyad_days" },
		{ "month", "e.month", "dyad_months" },
		{ "year", "substr(e.month, 1, 4)", "dyad_months" },
	};
	char code[24], person[128], sql[2048];
	const char *period = NULL, *table = NULL, *args[2];
	size_t i;
	int rc;

	for (i = 0; i < sizeof periods / sizeof *periods; i++)
		if (strcmp(by ? by : "month", periods[i][0]) == 0) {
			period = periods[i][1];
			table = periods[i][2];
		}
	if (period == NULL)
		return dyad_errf(e, DYAD_EUSAGE, "bad period '%s' (expected day, week, month or year)", by);
	if ((rc = dyad_query_actor_resolve(s, a, sa, code, person, e)) < 0 ||
	    (rc = dyad_query_actor_resolve(s, b, sb, code, person, e)) < 0)
		return rc;
	/* the period expression is one of the fixed strings above, never user text */
	snprintf(sql, sizeof sql,
		 "SELECT %s AS period,"
		 " sum(CASE WHEN e.source_actor = ?1 AND e.quad = 1 THEN e.events ELSE 0 END) AS ab_q1,"
		 " sum(CASE WHEN e.source_actor = ?1 AND e.quad = 2 THEN e.events ELSE 0 END) AS ab_q2,"
		 " sum(CASE WHEN e.source_actor = ?1 AND e.quad = 3 THEN e.events ELSE 0 END) AS ab_q3,"
		 " sum(CASE WHEN e.source_actor = ?1 AND e.quad = 4 THEN e.events ELSE 0 END) AS ab_q4,"
		 " sum(CASE WHEN e.source_actor = ?2 AND e.quad = 1 THEN e.events ELSE 0 END) AS ba_q1,"
		 " sum(CASE WHEN e.source_actor = ?2 AND e.quad = 2 THEN e.events ELSE 0 END) AS ba_q2,"
		 " sum(CASE WHEN e.source_actor = ?2 AND e.quad = 3 THEN e.events ELSE 0 END) AS ba_q3,"
		 " sum(CASE WHEN e.source_actor = ?2 AND e.quad = 4 THEN e.events ELSE 0 END) AS ba_q4,"
		 " sum(e.events) AS events, round(sum(e.goldstein_sum) / nullif(sum(e.goldstein_n), 0), 2) AS goldstein"
		 " FROM %s e WHERE ((e.source_actor = ?1 AND e.target_actor = ?2)"
		 " OR (e.source_actor = ?2 AND e.target_actor = ?1))%s"
		 " GROUP BY period ORDER BY period",
		 period, table, strcmp(table, "dyad_days") == 0 ? " AND e.date <> ''" : " AND e.month <> ''");
	args[0] = sa;
	args[1] = sb;
	return run(s, sql, args, 2, out, e);
}

/* ---- profiles, networks, stats ------------------------------------------------------------ */

int dyad_query_profile(dyad_store *s, const char *actor, dyad_table *partners, dyad_table *years, dyad_table *people,
		       dyad_errbuf *e)
{
	char side[24], code[24], person[128];
	const char *args[1];
	int rc;

	memset(partners, 0, sizeof *partners);
	memset(years, 0, sizeof *years);
	memset(people, 0, sizeof *people);
	if ((rc = dyad_query_actor_resolve(s, actor, side, code, person, e)) < 0)
		return rc;
	args[0] = side;
	if ((rc = run(s,
		      "SELECT CASE WHEN e.source_actor = ?1 THEN e.target_actor ELSE e.source_actor END AS partner,"
		      " coalesce(a.name_en, a.name_ru) AS name, sum(e.events) AS events,"
		      " sum(CASE WHEN e.quad IN (1, 2) THEN e.events ELSE 0 END) AS cooperation,"
		      " sum(CASE WHEN e.quad IN (3, 4) THEN e.events ELSE 0 END) AS conflict,"
		      " round(sum(e.goldstein_sum) / nullif(sum(e.goldstein_n), 0), 2) AS goldstein"
		      " FROM dyad_months e LEFT JOIN actors a ON a.code ="
		      "  (CASE WHEN e.source_actor = ?1 THEN e.target_actor ELSE e.source_actor END)"
		      " WHERE (e.source_actor = ?1 OR e.target_actor = ?1) AND e.source_actor <> e.target_actor"
		      " GROUP BY partner ORDER BY events DESC, partner LIMIT 20",
		      args, 1, partners, e)) < 0)
		return rc;
	if ((rc = run(s,
		      "SELECT substr(month, 1, 4) AS year, sum(events) AS events,"
		      " sum(CASE WHEN quad IN (1, 2) THEN events ELSE 0 END) AS cooperation,"
		      " sum(CASE WHEN quad IN (3, 4) THEN events ELSE 0 END) AS conflict,"
		      " round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS goldstein"
		      " FROM dyad_months WHERE (source_actor = ?1 OR target_actor = ?1) AND month <> ''"
		      " GROUP BY year ORDER BY year",
		      args, 1, years, e)) < 0)
		return rc;
	return run(s,
		   "SELECT person, side, count(*) AS events FROM ("
		   " SELECT target_person AS person, target AS side FROM events WHERE source_actor = ?1 AND target_person IS NOT NULL"
		   " UNION ALL SELECT source_person, source FROM events WHERE target_actor = ?1 AND source_person IS NOT NULL)"
		   " GROUP BY person ORDER BY events DESC, person LIMIT 10",
		   args, 1, people, e);
}

int dyad_query_network(dyad_store *s, const char *since, dyad_table *out, dyad_errbuf *e)
{
	const char *args[1] = { since };

	if (!valid_date(since))
		return dyad_errf(e, DYAD_EUSAGE, "bad date '%s' (expected YYYY-MM-DD, YYYY-MM or YYYY)", since);
	/* the whole history from the monthly sums; since a day, from the daily ones */
	return run(s,
		   since == NULL
			   ? "SELECT source_actor AS source, target_actor AS target, sum(events) AS events,"
			     " sum(CASE WHEN quad IN (1, 2) THEN events ELSE 0 END) AS cooperation,"
			     " sum(CASE WHEN quad IN (3, 4) THEN events ELSE 0 END) AS conflict,"
			     " round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS goldstein"
			     " FROM dyad_months WHERE source_actor <> target_actor"
			     " GROUP BY source_actor, target_actor ORDER BY events DESC, source, target"
			   : "SELECT source_actor AS source, target_actor AS target, sum(events) AS events,"
			     " sum(CASE WHEN quad IN (1, 2) THEN events ELSE 0 END) AS cooperation,"
			     " sum(CASE WHEN quad IN (3, 4) THEN events ELSE 0 END) AS conflict,"
			     " round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS goldstein"
			     " FROM dyad_days WHERE source_actor <> target_actor AND date >= ?1"
			     " GROUP BY source_actor, target_actor ORDER BY events DESC, source, target",
		   args, since ? 1 : 0, out, e);
}

int dyad_query_stats(dyad_store *s, dyad_table *out, dyad_errbuf *e)
{
	return run(s,
		   "SELECT 'documents' AS what, count(*) AS value FROM documents"
		   " UNION ALL SELECT 'syndicated copies', count(*) FROM documents WHERE syndicated_of IS NOT NULL"
		   " UNION ALL SELECT 'sentences', count(*) FROM sentences"
		   " UNION ALL SELECT 'actor mentions', count(*) FROM mentions"
		   " UNION ALL SELECT 'events', count(*) FROM events"
		   " UNION ALL SELECT 'first date', (SELECT min(date) FROM documents)"
		   " UNION ALL SELECT 'last date', (SELECT max(date) FROM documents)"
		   " UNION ALL SELECT * FROM (SELECT 'language ' || coalesce(language, '?'), count(*) FROM documents"
		   "  GROUP BY language ORDER BY count(*) DESC)"
		   " UNION ALL SELECT * FROM (SELECT 'outlet ' || coalesce(outlet, '?'), count(*) FROM documents"
		   "  GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 15)"
		   " UNION ALL SELECT * FROM (SELECT 'type ' || coalesce(type, '?'), count(*) FROM events"
		   "  GROUP BY type ORDER BY count(*) DESC, type)",
		   NULL, 0, out, e);
}

/* ---- search ------------------------------------------------------------------------------- */

/*
 * The user's words as an FTS5 query: each bare word becomes a quoted string
 * (so punctuation cannot break the syntax), phrases in quotes stay phrases.
 */
static void fts_query(const char *q, dyad_buf *out)
{
	const char *p = q;

	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (out->n)
			dyad_buf_putc(out, ' ');
		dyad_buf_putc(out, '"');
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				dyad_buf_put(out, p, 1);
			if (*p == '"')
				p++;
		} else {
			for (; *p && *p != ' ' && *p != '\t'; p++)
				if (*p != '"')
					dyad_buf_put(out, p, 1);
		}
		dyad_buf_putc(out, '"');
	}
}

int dyad_query_search(dyad_store *s, const char *q, long limit, const char *open, const char *close, dyad_table *out,
		      dyad_errbuf *e)
{
	dyad_buf fq = DYAD_BUF_INIT;
	char lim[24];
	const char *args[4];
	int rc;

	fts_query(q ? q : "", &fq);
	if (fq.n == 0) {
		dyad_buf_free(&fq);
		return dyad_errf(e, DYAD_EUSAGE, "nothing to search for");
	}
	snprintf(lim, sizeof lim, "%ld", limit > 0 ? limit : 20);
	args[0] = fq.p;
	args[1] = lim;
	args[2] = open ? open : "[";
	args[3] = close ? close : "]";
	rc = run(s,
		 "SELECT d.date, d.outlet, d.title, highlight(sentences_fts, 0, ?3, ?4) AS sentence, d.doc_id AS doc"
		 " FROM sentences_fts JOIN sentences se ON se.id = sentences_fts.rowid"
		 " JOIN documents d ON d.id = se.doc"
		 " WHERE sentences_fts MATCH ?1 ORDER BY rank LIMIT ?2",
		 args, 4, out, e);
	dyad_buf_free(&fq);
	return rc;
}

/* ---- actors for a type-ahead, one actor, one document -------------------------------------- */

int dyad_query_actors(dyad_store *s, const char *prefix, long limit, dyad_table *out, dyad_errbuf *e)
{
	static const char sql[] =
		"SELECT a.code, a.kind, a.name_en, a.name_ru, coalesce(n.events, 0) AS events FROM actors a"
		" LEFT JOIN actor_events n ON n.actor = a.code"
		" WHERE CASE WHEN ?1 IS NULL THEN coalesce(n.events, 0) > 0"
		"  ELSE lower(a.code) = ?1 OR (a.kind = 'igo' AND lower(a.code) = 'igo' || ?1)"
		"   OR EXISTS (SELECT 1 FROM actor_names x WHERE x.code = a.code AND x.kind = a.kind"
		"    AND substr(x.folded, 1, length(?1)) = ?1) END"
		" ORDER BY events DESC, a.code LIMIT ?2";
	dyad_buf folded = DYAD_BUF_INIT;
	const char *args[2];
	char lim[24];
	int rc;

	if (prefix && *prefix) {
		dyad_fold_buf(&folded, dyad_str_c(prefix));
		dyad_buf_putc(&folded, '\0');
	}
	snprintf(lim, sizeof lim, "%ld", limit > 0 ? limit : 20);
	args[0] = folded.p;
	args[1] = lim;
	rc = run(s, sql, args, 2, out, e);
	dyad_buf_free(&folded);
	return rc;
}

int dyad_query_actor(dyad_store *s, const char *code, dyad_table *out, dyad_errbuf *e)
{
	char side[24], full[24], person[128];
	const char *args[1];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = dyad_query_actor_resolve(s, code, side, full, person, e)) < 0)
		return rc;
	args[0] = side;
	if ((rc = run(s, "SELECT code, kind, name_en, name_ru FROM actors WHERE code = ?1", args, 1, out, e)) < 0)
		return rc;
	if (out->nrows == 0) {
		/* an actor seen in events but outside the lexicon (a custom code) */
		dyad_table_free(out);
		return run(s, "SELECT ?1 AS code, NULL AS kind, NULL AS name_en, NULL AS name_ru", args, 1, out, e);
	}
	return 0;
}

int dyad_query_doc(dyad_store *s, const char *id, dyad_table *doc, dyad_table *sentences, dyad_table *mentions,
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
	if (doc->nrows == 0) {
		dyad_table_free(doc);
		return dyad_errf(e, DYAD_ENOTFOUND, "no such document: %s", id);
	}
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
