/*
 * pg.c — the store on PostgreSQL (libpq), for --db postgresql://...: the
 * schema of docs/engines.md with migrations by a version table, one writer
 * at a time (an advisory lock held by each write transaction, waited for
 * as long as --wait says) and many readers, idempotent documents as on
 * SQLite, and full-text search with PostgreSQL's russian and english
 * configurations. The questions are the shared SQL of sql_query.c, written
 * in SQLite's dialect: `run` translates it (parameters, null-safe
 * comparisons, GLOB, NULLs sorting last) and the schema lends PostgreSQL
 * what SQLite has built in (instr, strftime, round of a double, sum of
 * booleans, and views in place of the sums SQLite's triggers keep).
 */
#include "sql_query.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* text columns compare and sort byte by byte, as SQLite's do */
#define T " text COLLATE \"C\""

/* Version 1 of the schema: SQLite's version 9 in PostgreSQL's types. */
static const char pg_schema_v1[] =
	"CREATE TABLE documents ("
	" id bigserial PRIMARY KEY, doc_id" T " NOT NULL UNIQUE, content_hash" T " NOT NULL, simhash bigint NOT NULL,"
	" syndicated_of bigint REFERENCES documents(id) ON DELETE SET NULL,"
	" path" T ", record" T ", url" T ", title" T ", date" T ", time" T ", outlet" T ", dateline" T ","
	" language" T ", author" T ", body" T " NOT NULL, dyad_version" T " NOT NULL, furniture" T ","
	" ingested_at" T " NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'));"
	"CREATE INDEX documents_date ON documents(date);"
	"CREATE INDEX documents_language ON documents(language);"
	"CREATE INDEX documents_outlet ON documents(outlet);"
	"CREATE TABLE simhash_bands (band integer NOT NULL, value integer NOT NULL,"
	" doc bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE, PRIMARY KEY (band, value, doc));"
	"CREATE INDEX simhash_bands_doc ON simhash_bands(doc);"
	"CREATE TABLE sentences (id bigserial PRIMARY KEY,"
	" doc bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	" n integer NOT NULL, start integer NOT NULL, \"end\" integer NOT NULL, text" T " NOT NULL,"
	" tsv tsvector NOT NULL, UNIQUE (doc, n));"
	"CREATE INDEX sentences_tsv ON sentences USING gin (tsv);"
	"CREATE TABLE mentions (id bigserial PRIMARY KEY,"
	" doc bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	" sentence integer NOT NULL, start integer NOT NULL, \"end\" integer NOT NULL, kind" T " NOT NULL,"
	" code" T ", country" T ", igo" T ", role" T ", person" T ", name" T ", text" T " NOT NULL);"
	"CREATE INDEX mentions_doc ON mentions(doc);"
	"CREATE TABLE events (id bigserial PRIMARY KEY,"
	" doc bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n integer NOT NULL,"
	" source" T ", source_country" T ", source_igo" T ", source_role" T ", source_person" T ", source_name" T ","
	" target" T ", target_country" T ", target_igo" T ", target_role" T ", target_person" T ", target_name" T ","
	" source_actor" T " NOT NULL, target_actor" T " NOT NULL, cameo" T " NOT NULL, root" T " NOT NULL,"
	" cameo_name" T ", quad integer, goldstein double precision, type" T ", mode" T ","
	" reciprocal integer NOT NULL DEFAULT 0, modality" T " NOT NULL, date" T ", date_source" T ", location" T ","
	" sentence integer NOT NULL, start integer NOT NULL, \"end\" integer NOT NULL, evidence" T " NOT NULL,"
	" rules" T ", mention_of bigint, location_country" T ", location_geonames bigint,"
	" location_lat double precision, location_lon double precision, UNIQUE (doc, n));"
	"CREATE INDEX events_dyad ON events(source_actor, target_actor, date);"
	"CREATE INDEX events_target ON events(target_actor, date);"
	"CREATE INDEX events_date ON events(date);"
	"CREATE INDEX events_same ON events(source_actor, target_actor, cameo, date);"
	"CREATE INDEX events_mention_of ON events(mention_of) WHERE mention_of IS NOT NULL;"
	"CREATE INDEX events_source_person ON events(source_person) WHERE source_person IS NOT NULL;"
	"CREATE INDEX events_target_person ON events(target_person) WHERE target_person IS NOT NULL;"
	"CREATE TABLE actors (code" T " PRIMARY KEY, kind" T ", name_en" T ", name_ru" T ");"
	"CREATE TABLE actor_names (rowid bigserial PRIMARY KEY, folded" T " NOT NULL, name" T " NOT NULL,"
	" kind" T " NOT NULL, code" T " NOT NULL DEFAULT '', person" T " NOT NULL DEFAULT '',"
	" UNIQUE (folded, kind, code, person));"
	"CREATE INDEX actor_names_person ON actor_names(person) WHERE person <> '';"
	/* what SQLite has built in */
	"CREATE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT strpos($1, $2)';"
	"CREATE FUNCTION round(double precision, integer) RETURNS numeric LANGUAGE sql IMMUTABLE"
	" AS 'SELECT round(CAST($1 AS numeric), $2)';"
	/* strftime('%Y-W%W', day): the year and the week, weeks starting on Monday, days before the first one week 00 */
	"CREATE FUNCTION strftime(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$"
	" SELECT CASE WHEN $1 = '%Y-W%W' AND $2 ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN substr($2, 1, 4) || '-W' ||"
	" lpad(CAST((CAST(extract(doy FROM CAST($2 AS date)) AS integer) + 6"
	" - CAST(extract(isodow FROM CAST($2 AS date)) AS integer) + 1) / 7 AS text), 2, '0') END $$;"
	"CREATE FUNCTION dyad_bool_add(bigint, boolean) RETURNS bigint LANGUAGE sql IMMUTABLE"
	" AS 'SELECT CASE WHEN $2 IS NULL THEN $1 ELSE coalesce($1, 0) + CASE WHEN $2 THEN 1 ELSE 0 END END';"
	"CREATE AGGREGATE sum(boolean) (SFUNC = dyad_bool_add, STYPE = bigint);"
	/* the sums SQLite's triggers keep, as views over the events */
	"CREATE VIEW dyad_days AS SELECT source_actor, target_actor, coalesce(date, '') AS date,"
	" coalesce(quad, 0) AS quad, sum(mention_of IS NULL) AS events,"
	" coalesce(sum(CASE WHEN mention_of IS NULL THEN goldstein END), 0) AS goldstein_sum,"
	" sum(mention_of IS NULL AND goldstein IS NOT NULL) AS goldstein_n, count(*) AS mentions"
	" FROM events GROUP BY 1, 2, 3, 4;"
	"CREATE VIEW dyad_months AS SELECT source_actor, target_actor, substr(coalesce(date, ''), 1, 7) AS month,"
	" coalesce(quad, 0) AS quad, sum(mention_of IS NULL) AS events,"
	" coalesce(sum(CASE WHEN mention_of IS NULL THEN goldstein END), 0) AS goldstein_sum,"
	" sum(mention_of IS NULL AND goldstein IS NOT NULL) AS goldstein_n, count(*) AS mentions"
	" FROM events GROUP BY 1, 2, 3, 4;"
	"CREATE VIEW dyad_facets AS SELECT e.source_actor, e.target_actor, substr(coalesce(e.date, ''), 1, 7) AS month,"
	" coalesce(e.quad, 0) AS quad, e.cameo, coalesce(e.type, '') AS type, coalesce(d.language, '') AS language,"
	" coalesce(d.outlet, '') AS outlet, sum(e.mention_of IS NULL) AS events,"
	" coalesce(sum(CASE WHEN e.mention_of IS NULL THEN e.goldstein END), 0) AS goldstein_sum,"
	" sum(e.mention_of IS NULL AND e.goldstein IS NOT NULL) AS goldstein_n, count(*) AS mentions"
	" FROM events e JOIN documents d ON d.id = e.doc GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;"
	"CREATE VIEW actor_events AS SELECT actor, sum(first) AS events, count(*) AS mentions FROM"
	" (SELECT source_actor AS actor, mention_of IS NULL AS first FROM events"
	"  UNION ALL SELECT target_actor, mention_of IS NULL FROM events) x GROUP BY actor;";

/* Migrations in order: pg_migrations[v] takes a database from version v to v + 1. */
static const char *const pg_migrations[] = { pg_schema_v1 };
#define PG_SCHEMA_VERSION ((int)(sizeof pg_migrations / sizeof *pg_migrations))

/* The writes an ingest repeats, prepared once per connection. */
enum {
	PS_FIND_DOC,
	PS_INSERT_DOC,
	PS_UPDATE_DOC,
	PS_FIX_FIRSTS,
	PS_DEL_SENT,
	PS_DEL_MENT,
	PS_DEL_EV,
	PS_DEL_BANDS,
	PS_INSERT_SENT,
	PS_INSERT_MENT,
	PS_INSERT_EV,
	PS_INSERT_BAND,
	PS_FIND_BAND,
	PS_SET_SYND,
	PS_ACTOR,
	PS_ACTOR_NAME,
	PS_COUNT
};

/* the same event as event row `x`: both sides (side, full code and person), the CAMEO code and the day */
#define PG_SAME(x, y)                                                                                                \
	x ".source_actor = " y ".source_actor AND " x ".target_actor = " y ".target_actor AND " x ".cameo = " y      \
	  ".cameo AND " x ".date IS NOT DISTINCT FROM " y ".date AND " x ".source IS NOT DISTINCT FROM " y ".source" \
	  " AND " x ".target IS NOT DISTINCT FROM " y ".target AND " x ".source_person IS NOT DISTINCT FROM " y      \
	  ".source_person AND " x ".target_person IS NOT DISTINCT FROM " y ".target_person"

static const char *const pg_sql[PS_COUNT] = {
	[PS_FIND_DOC] = "SELECT id, dyad_version, content_hash FROM documents WHERE doc_id = $1",
	[PS_INSERT_DOC] =
		"INSERT INTO documents (doc_id, content_hash, simhash, path, record, url, title, date, time,"
		" outlet, dateline, language, author, body, dyad_version, furniture)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
	[PS_UPDATE_DOC] = "UPDATE documents SET content_hash = $2, simhash = $3, path = $4, record = $5, url = $6,"
			  " title = $7, date = $8, time = $9, outlet = $10, dateline = $11, language = $12,"
			  " author = $13, body = $14, dyad_version = $15, furniture = $16, syndicated_of = NULL,"
			  " ingested_at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
			  " WHERE doc_id = $1 RETURNING id",
	/* before a document's events go: an event whose first report goes passes to its next one */
	[PS_FIX_FIRSTS] = "UPDATE events e SET mention_of = nullif((SELECT min(x.id) FROM events x WHERE " PG_SAME(
		"x", "e") " AND x.doc <> $1), e.id) WHERE e.doc <> $1"
			  " AND EXISTS (SELECT 1 FROM events g WHERE g.doc = $1 AND " PG_SAME("g", "e") ")",
	[PS_DEL_SENT] = "DELETE FROM sentences WHERE doc = $1",
	[PS_DEL_MENT] = "DELETE FROM mentions WHERE doc = $1",
	[PS_DEL_EV] = "DELETE FROM events WHERE doc = $1",
	[PS_DEL_BANDS] = "DELETE FROM simhash_bands WHERE doc = $1",
	[PS_INSERT_SENT] = "INSERT INTO sentences (doc, n, start, \"end\", text, tsv)"
			   " VALUES ($1, $2, $3, $4, $5, to_tsvector(CAST($6 AS regconfig), $5))",
	[PS_INSERT_MENT] =
		"INSERT INTO mentions (doc, sentence, start, \"end\", kind, code, country, igo, role, person,"
		" name, text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
	/* the event's first report, if an earlier row is one, is found as the row goes in */
	[PS_INSERT_EV] =
		"INSERT INTO events (doc, n, source, source_country, source_igo, source_role, source_person,"
		" source_name, target, target_country, target_igo, target_role, target_person, target_name,"
		" source_actor, target_actor, cameo, root, cameo_name, quad, goldstein, type, mode, reciprocal,"
		" modality, date, date_source, location, sentence, start, \"end\", evidence, rules, location_country,"
		" location_geonames, location_lat, location_lon, mention_of) SELECT $1, $2, $3, $4, $5, $6, $7, $8,"
		" $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28,"
		" $29, $30, $31, $32, $33, $34, $35, $36, $37, (SELECT min(x.id) FROM events x WHERE x.source_actor = "
		"$15"
		" AND x.target_actor = $16 AND x.cameo = $17 AND x.date IS NOT DISTINCT FROM $26"
		" AND x.source IS NOT DISTINCT FROM $3 AND x.target IS NOT DISTINCT FROM $9"
		" AND x.source_person IS NOT DISTINCT FROM $7 AND x.target_person IS NOT DISTINCT FROM $13)",
	[PS_INSERT_BAND] = "INSERT INTO simhash_bands (band, value, doc) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
	/* the four bands at once, up to 64 documents each (as SQLite asks them one by one) */
	[PS_FIND_BAND] = "(SELECT b.doc, d.simhash FROM simhash_bands b JOIN documents d ON d.id = b.doc"
			 " WHERE b.band = 0 AND b.value = $1 AND b.doc <> $5 ORDER BY b.doc LIMIT 64) UNION ALL"
			 " (SELECT b.doc, d.simhash FROM simhash_bands b JOIN documents d ON d.id = b.doc"
			 " WHERE b.band = 1 AND b.value = $2 AND b.doc <> $5 ORDER BY b.doc LIMIT 64) UNION ALL"
			 " (SELECT b.doc, d.simhash FROM simhash_bands b JOIN documents d ON d.id = b.doc"
			 " WHERE b.band = 2 AND b.value = $3 AND b.doc <> $5 ORDER BY b.doc LIMIT 64) UNION ALL"
			 " (SELECT b.doc, d.simhash FROM simhash_bands b JOIN documents d ON d.id = b.doc"
			 " WHERE b.band = 3 AND b.value = $4 AND b.doc <> $5 ORDER BY b.doc LIMIT 64)",
	[PS_SET_SYND] = "UPDATE documents SET syndicated_of = $2 WHERE id = $1",
	[PS_ACTOR] = "INSERT INTO actors (code, kind, name_en, name_ru) VALUES ($1, $2, $3, $4)"
		     " ON CONFLICT (code) DO UPDATE SET kind = excluded.kind,"
		     " name_en = coalesce(excluded.name_en, actors.name_en),"
		     " name_ru = coalesce(excluded.name_ru, actors.name_ru)",
	[PS_ACTOR_NAME] = "INSERT INTO actor_names (folded, name, kind, code, person)"
			  " VALUES ($1, $2, $3, coalesce($4, ''), coalesce($5, '')) ON CONFLICT DO NOTHING",
};

/* The key of the advisory lock every writer of a dyad database holds for its transaction. */
#define PG_WRITER_LOCK "7957853440021"

/* Writes sent ahead of their results within a transaction, at most this many before they are read. */
enum { PG_PIPE_MAX = 256 };

typedef struct {
	dyad_store base; /* first: the engine's handle is this one's */
	PGconn *conn;
	unsigned char prepared[PS_COUNT];
	int wait_ms;
	int piped;                          /* in libpq's pipeline mode (inside a write transaction) */
	int pending;                        /* statements sent whose results are not read yet */
	const char *whats[PG_PIPE_MAX + 2]; /* what each of them does, for the message of a failure */
	char where[160];                    /* "host:port/db" for messages */
	const char *text_cfg;               /* the text search configuration of the document being put */
} pg_store;

static int pg_claims(const char *target)
{
	return strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0;
}

/* The first line of libpq's message, without its "ERROR:  " and newline. */
static void first_line(const char *msg, char *out, size_t n)
{
	size_t len;

	if (msg == NULL)
		msg = "";
	if (strncmp(msg, "ERROR:  ", 8) == 0)
		msg += 8;
	len = strcspn(msg, "\n");
	snprintf(out, n, "%.*s", (int)len, msg);
}

/* Note the failure of `what` on the handle: DYAD_EDB. A lock not had in time is another writer. */
static int pg_fail(pg_store *s, const PGresult *r, const char *what)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	char msg[400];

	first_line(r && PQresultErrorMessage(r)[0] ? PQresultErrorMessage(r) : PQerrorMessage(s->conn), msg, sizeof msg);
	if (state && strcmp(state, "55P03") == 0)
		snprintf(s->base.err, sizeof s->base.err,
			 "%s: PostgreSQL at %.160s: the database is busy: another dyad is writing to it", what, s->where);
	else if (PQstatus(s->conn) != CONNECTION_OK ||
		 (state && (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0))) {
		/* the socket closed, or the server said it is going (a shutdown, a crash, a connection
		   failure) before libpq noticed the socket close */
		s->base.lost = 1;
		snprintf(s->base.err, sizeof s->base.err, "%s: PostgreSQL at %.160s: the connection is lost: %.250s",
			 what, s->where, msg);
	} else
		snprintf(s->base.err, sizeof s->base.err, "%s: PostgreSQL at %.160s: %.250s", what, s->where, msg);
	return DYAD_EDB;
}

/* Run statements without parameters; 0, or DYAD_EDB with the error on the handle. */
static int pg_exec(pg_store *s, const char *q, const char *what)
{
	PGresult *r = PQexec(s->conn, q);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;

	if (!ok)
		pg_fail(s, r, what);
	PQclear(r);
	return ok ? 0 : DYAD_EDB;
}

/* One number from a statement without parameters, or -1. */
static long pg_number(pg_store *s, const char *q)
{
	PGresult *r = PQexec(s->conn, q);
	long v = -1;

	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
		v = strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return v;
}

/* The dyad schema's version in the database; 0 when it has none. */
static long pg_version(pg_store *s)
{
	long v;

	if (pg_number(s, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = "
			 "'dyad_schema'") <= 0)
		return 0;
	v = pg_number(s, "SELECT max(version) FROM dyad_schema");
	return v > 0 ? v : 0;
}

/* The schema as this dyad writes it: created, migrated, or refused (tables of another program, a newer dyad). */
static int pg_migrate(pg_store *s, int readonly)
{
	long version, tables = 0;
	int v, rc;

	version = pg_version(s);
	if (version == 0)
		tables = pg_number(s, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
	if ((rc = dyad_store_schema_plan(&s->base, version, PG_SCHEMA_VERSION, tables, readonly, "a database")) <= 0)
		return rc;
	if (pg_exec(s, "BEGIN; SELECT pg_advisory_xact_lock(" PG_WRITER_LOCK ")", "migrating the schema") < 0)
		return DYAD_EDB;
	/* another dyad may have migrated while this one waited for the lock */
	if ((version = pg_version(s)) == 0 &&
	    pg_exec(s, "CREATE TABLE dyad_schema (version integer NOT NULL)", "migrating the schema") < 0)
		goto undo;
	for (v = (int)version; v < PG_SCHEMA_VERSION; v++) {
		char q[64];
		snprintf(q, sizeof q, "INSERT INTO dyad_schema VALUES (%d)", v + 1);
		if (pg_exec(s, pg_migrations[v], "migrating the schema") < 0 || pg_exec(s, q, "migrating the schema") < 0)
			goto undo;
	}
	return pg_exec(s, "COMMIT", "migrating the schema");
undo:
	PQclear(PQexec(s->conn, "ROLLBACK"));
	return DYAD_EDB;
}

/* "host:port/db" of the URL as libpq reads it, for messages; 0, or DYAD_EUSAGE for a URL libpq cannot read. */
static int pg_where(const char *target, char *out, size_t n, dyad_errbuf *e)
{
	const char *host = "localhost", *port = "5432", *db = "";
	PQconninfoOption *opts, *o;
	char *err = NULL;

	if ((opts = PQconninfoParse(target, &err)) == NULL) {
		char msg[300];
		first_line(err ? err : "out of memory", msg, sizeof msg);
		PQfreemem(err);
		return dyad_errf(e, DYAD_EUSAGE, "PostgreSQL: %s: a malformed URL: %s", target, msg);
	}
	for (o = opts; o->keyword; o++) {
		if (o->val == NULL || !*o->val)
			continue;
		if (strcmp(o->keyword, "host") == 0)
			host = o->val;
		else if (strcmp(o->keyword, "port") == 0)
			port = o->val;
		else if (strcmp(o->keyword, "dbname") == 0)
			db = o->val;
	}
	snprintf(out, n, "%s:%s%s%s", host, port, *db ? "/" : "", db);
	PQconninfoFree(opts);
	return 0;
}

static void pg_close(dyad_store *ds);
static int pg_settle(pg_store *s);

static void pg_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static int pg_open(dyad_store **out, const char *target, int flags, int wait_ms, dyad_errbuf *e)
{
	static const char *const keys[] = { "dbname", "connect_timeout", "application_name", "client_encoding", NULL };
	const char *vals[5] = { target, "10", "dyad", "UTF8", NULL };
	pg_store *s;
	int rc;
	char msg[400], q[96];

	*out = NULL;
	s = dyad_xcalloc(1, sizeof *s);
	s->base.engine = &dyad_store_pg;
	s->wait_ms = wait_ms;
	if ((rc = pg_where(target, s->where, sizeof s->where, e)) < 0) {
		free(s);
		return rc;
	}
	s->conn = PQconnectdbParams(keys, vals, 1);
	/* the server's notices ("terminating connection due to ...") are not printed raw on stderr:
	   what matters comes back as the failure of the call that met it, named by pg_fail */
	PQsetNoticeProcessor(s->conn, pg_notice, NULL);
	if (PQstatus(s->conn) != CONNECTION_OK) {
		const char *m = PQerrorMessage(s->conn);
		int login = strstr(m, "authentication") != NULL || strstr(m, "password") != NULL ||
			    (strstr(m, "role") != NULL && strstr(m, "does not exist") != NULL);
		/* libpq's message names the address it tried; its last line says why */
		first_line(strstr(m, "failed: ") ? strstr(m, "failed: ") + 8 : m, msg, sizeof msg);
		dyad_errf(e, DYAD_EDB, "PostgreSQL at %s: %s: %s", s->where,
			  login ? "the login failed" : "cannot connect", msg);
		pg_close(&s->base);
		return DYAD_EDB;
	}
	snprintf(q, sizeof q, "SET client_min_messages = warning; SET lock_timeout = %d", wait_ms > 0 ? wait_ms : 1);
	if (pg_exec(s, q, "opening") < 0 || pg_migrate(s, flags & DYAD_STORE_READONLY) < 0 ||
	    ((flags & DYAD_STORE_READONLY) && pg_exec(s, "SET default_transaction_read_only = on", "opening") < 0)) {
		dyad_errf(e, DYAD_EDB, "PostgreSQL at %s: %s", s->where, s->base.err);
		pg_close(&s->base);
		return DYAD_EDB;
	}
	*out = &s->base;
	return 0;
}

static void pg_close(dyad_store *ds)
{
	pg_store *s = (pg_store *)ds;

	if (s->base.in_tx && PQstatus(s->conn) == CONNECTION_OK) {
		pg_settle(s);
		PQclear(PQexec(s->conn, "ROLLBACK"));
	}
	PQfinish(s->conn);
	free(s);
}

/*
 * Read the results of the writes sent since the last sync, to the sync's:
 * 0, or DYAD_EDB with the first failure on the handle. The last write's
 * rows go to *last when it is not NULL (the caller clears them).
 */
static int pg_drain(pg_store *s, PGresult **last)
{
	int rc = 0, at = 0;

	if (PQpipelineSync(s->conn) != 1) {
		s->pending = 0;
		return pg_fail(s, NULL, "storing rows");
	}
	for (;;) {
		PGresult *r = PQgetResult(s->conn);
		ExecStatusType st;
		if (r == NULL) { /* the end of one statement's results */
			if (PQstatus(s->conn) != CONNECTION_OK || at >= s->pending) {
				/* the socket closed, or the results end more often than statements were sent and
				   the sync never comes: a server gone before libpq saw the socket close */
				if (rc == 0)
					rc = pg_fail(s, NULL, at < s->pending ? s->whats[at] : "storing rows");
				s->base.lost = 1;
				if (!strstr(s->base.err, "the connection is lost"))
					snprintf(s->base.err, sizeof s->base.err,
						 "storing rows: PostgreSQL at %.160s: the connection is lost", s->where);
				break;
			}
			at++;
			continue;
		}
		st = PQresultStatus(r);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(r);
			break;
		}
		if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
			if (rc == 0 && st != PGRES_PIPELINE_ABORTED)
				rc = pg_fail(s, r, at < s->pending ? s->whats[at] : "storing rows");
			if (PQstatus(s->conn) != CONNECTION_OK) {
				/* a lost connection answers every read with the same error: never the sync */
				PQclear(r);
				break;
			}
		} else if (last && rc == 0 && at == s->pending - 1 && st == PGRES_TUPLES_OK) {
			*last = r;
			continue;
		}
		PQclear(r);
	}
	s->pending = 0;
	if (rc < 0 && last && *last) {
		PQclear(*last);
		*last = NULL;
	}
	return rc;
}

/* Out of pipeline mode, every result read: 0, or DYAD_EDB with the first failure of the writes sent. */
static int pg_settle(pg_store *s)
{
	int rc = 0;

	if (!s->piped)
		return 0;
	if (s->pending)
		rc = pg_drain(s, NULL);
	if (PQexitPipelineMode(s->conn) != 1 && rc == 0)
		rc = pg_fail(s, NULL, "storing rows");
	s->piped = 0;
	return rc;
}

static int pg_begin(dyad_store *ds)
{
	pg_store *s = (pg_store *)ds;

	/* one writer at a time, as on SQLite: the lock waits lock_timeout (--wait), then says who holds it */
	if (pg_exec(s, "BEGIN; SELECT pg_advisory_xact_lock(" PG_WRITER_LOCK ")", "starting a transaction") < 0) {
		PQclear(PQexec(s->conn, "ROLLBACK"));
		return DYAD_EDB;
	}
	return 0;
}

static int pg_commit(dyad_store *ds)
{
	pg_store *s = (pg_store *)ds;

	if (pg_settle(s) < 0)
		return DYAD_EDB;
	return pg_exec(s, "COMMIT", "committing");
}

static void pg_rollback(dyad_store *ds)
{
	pg_store *s = (pg_store *)ds;

	pg_settle(s);
	PQclear(PQexec(s->conn, "ROLLBACK"));
}

/*
 * Run prepared write `i` with `n` text parameters (NULL: SQL NULL); its rows
 * into *rows when that is not NULL (the caller clears them). Inside a write
 * transaction a write without rows is sent without waiting for its result
 * (libpq's pipeline mode), so a document's rows cost one round trip, not
 * one each: a failure is then told by a later call, or by the commit, which
 * fails. 0 or DYAD_EDB with the error on the handle.
 */
static int pg_run(pg_store *s, int i, int n, const char *const *vals, PGresult **rows, const char *what)
{
	PGresult *r;
	ExecStatusType st;
	char name[16];

	snprintf(name, sizeof name, "dyad_w%d", i);
	if (s->base.in_tx) {
		if (!s->piped && PQenterPipelineMode(s->conn) != 1)
			return pg_fail(s, NULL, what);
		s->piped = 1;
		if (!s->prepared[i]) {
			if (PQsendPrepare(s->conn, name, pg_sql[i], 0, NULL) != 1)
				return pg_fail(s, NULL, "preparing a statement");
			s->whats[s->pending++] = "preparing a statement";
			s->prepared[i] = 1;
		}
		if (PQsendQueryPrepared(s->conn, name, n, vals, NULL, NULL, 0) != 1)
			return pg_fail(s, NULL, what);
		s->whats[s->pending++] = what;
		if (rows) {
			*rows = NULL;
			if (pg_drain(s, rows) < 0)
				return DYAD_EDB;
			if (*rows == NULL)
				return pg_fail(s, NULL, what);
			return 0;
		}
		/* the server's answers are read now and then, so that neither side's buffers fill up */
		return s->pending >= PG_PIPE_MAX ? pg_drain(s, NULL) : 0;
	}
	if (!s->prepared[i]) {
		r = PQprepare(s->conn, name, pg_sql[i], 0, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			pg_fail(s, r, "preparing a statement");
			PQclear(r);
			return DYAD_EDB;
		}
		PQclear(r);
		s->prepared[i] = 1;
	}
	r = PQexecPrepared(s->conn, name, n, vals, NULL, NULL, 0);
	st = PQresultStatus(r);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		pg_fail(s, r, what);
		PQclear(r);
		return DYAD_EDB;
	}
	if (rows)
		*rows = r;
	else
		PQclear(r);
	return 0;
}

/* A string for a parameter: NULL for an empty or absent one, as SQLite's bind_text does. */
static const char *opt(const char *v)
{
	return v && *v ? v : NULL;
}

/* A copy of a slice, NUL-terminated; owned by the caller. */
static char *slice(dyad_str v)
{
	return dyad_xstrndup(v.p ? v.p : "", v.n);
}

static int popcount64(uint64_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Link `row` to an earlier document whose fingerprint differs in at most 3 bits (as sqlite.c does). */
static int pg_link_syndicated(pg_store *s, const char *row, uint64_t simhash)
{
	long long best = 0, self = strtoll(row, NULL, 10);
	char band[4][12], value[4][24], best_s[24];
	const char *find[5] = { value[0], value[1], value[2], value[3], row };
	PGresult *r;
	int b, i;

	if (simhash == 0)
		return 0;
	for (b = 0; b < 4; b++) {
		snprintf(band[b], sizeof band[b], "%d", b);
		snprintf(value[b], sizeof value[b], "%d", (int)((simhash >> (16 * b)) & 0xffff));
	}
	if (pg_run(s, PS_FIND_BAND, 5, find, &r, "finding syndicated copies") < 0)
		return DYAD_EDB;
	for (i = 0; i < PQntuples(r); i++) {
		long long doc = strtoll(PQgetvalue(r, i, 0), NULL, 10);
		uint64_t other = (uint64_t)strtoll(PQgetvalue(r, i, 1), NULL, 10);
		if (popcount64(other ^ simhash) <= 3 && doc < self && (best == 0 || doc < best))
			best = doc;
	}
	PQclear(r);
	for (b = 0; b < 4; b++) {
		const char *vals[3] = { band[b], value[b], row };
		if (pg_run(s, PS_INSERT_BAND, 3, vals, NULL, "storing the fingerprint") < 0)
			return DYAD_EDB;
	}
	if (best) {
		const char *vals[2] = { row, best_s };
		snprintf(best_s, sizeof best_s, "%lld", best);
		return pg_run(s, PS_SET_SYND, 2, vals, NULL, "linking a syndicated copy");
	}
	return 0;
}

static int pg_put_doc(dyad_store *ds, const dyad_store_doc *d, int64_t *row)
{
	pg_store *s = (pg_store *)ds;
	char id[17], hash[17], simhash[24], row_s[24];
	const char *vals[16];
	char *body;
	PGresult *r;
	int status = DYAD_STORE_NEW, i, rc;

	snprintf(id, sizeof id, "%016llx", (unsigned long long)d->id);
	snprintf(hash, sizeof hash, "%016llx", (unsigned long long)d->content_hash);
	snprintf(simhash, sizeof simhash, "%lld", (long long)d->simhash);
	s->text_cfg = d->language && strcmp(d->language, "ru") == 0   ? "russian"
		      : d->language && strcmp(d->language, "en") == 0 ? "english"
								      : "simple";
	vals[0] = id;
	if (pg_run(s, PS_FIND_DOC, 1, vals, &r, "finding the document") < 0)
		return DYAD_EDB;
	if (PQntuples(r) > 0) {
		*row = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		status = strcmp(PQgetvalue(r, 0, 1), d->version) == 0 && strcmp(PQgetvalue(r, 0, 2), hash) == 0
				 ? DYAD_STORE_SAME
				 : DYAD_STORE_REPLACED;
	}
	PQclear(r);
	if (status == DYAD_STORE_SAME)
		return status;
	if (status == DYAD_STORE_REPLACED) {
		static const int dels[] = { PS_FIX_FIRSTS, PS_DEL_SENT, PS_DEL_MENT, PS_DEL_EV, PS_DEL_BANDS };
		snprintf(row_s, sizeof row_s, "%lld", (long long)*row);
		vals[0] = row_s;
		for (i = 0; i < 5; i++)
			if (pg_run(s, dels[i], 1, vals, NULL, "replacing a document's rows") < 0)
				return DYAD_EDB;
	}
	body = slice(d->body);
	vals[0] = id;
	vals[1] = hash;
	vals[2] = simhash;
	vals[3] = opt(d->path);
	vals[4] = opt(d->record);
	vals[5] = opt(d->url);
	vals[6] = opt(d->title);
	vals[7] = opt(d->date);
	vals[8] = opt(d->time);
	vals[9] = opt(d->outlet);
	vals[10] = opt(d->dateline);
	vals[11] = opt(d->language);
	vals[12] = opt(d->author);
	vals[13] = body;
	vals[14] = opt(d->version);
	vals[15] = opt(d->furniture);
	rc = pg_run(s, status == DYAD_STORE_NEW ? PS_INSERT_DOC : PS_UPDATE_DOC, 16, vals, &r, "storing a document");
	free(body);
	if (rc < 0)
		return DYAD_EDB;
	*row = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	snprintf(row_s, sizeof row_s, "%lld", (long long)*row);
	PQclear(r);
	if (pg_link_syndicated(s, row_s, d->simhash) < 0)
		return DYAD_EDB;
	return status;
}

static int pg_put_sentence(dyad_store *ds, int64_t doc, size_t n, size_t start, size_t end, dyad_str text)
{
	pg_store *s = (pg_store *)ds;
	char num[4][24], *t = slice(text);
	const char *vals[6] = { num[0], num[1], num[2], num[3], t, s->text_cfg ? s->text_cfg : "simple" };
	int rc;

	snprintf(num[0], sizeof num[0], "%lld", (long long)doc);
	snprintf(num[1], sizeof num[1], "%zu", n);
	snprintf(num[2], sizeof num[2], "%zu", start);
	snprintf(num[3], sizeof num[3], "%zu", end);
	rc = pg_run(s, PS_INSERT_SENT, 6, vals, NULL, "storing a sentence");
	free(t);
	return rc;
}

static int pg_put_mention(dyad_store *ds, int64_t doc, const dyad_store_mention *m)
{
	pg_store *s = (pg_store *)ds;
	char num[4][24], *t = slice(m->text);
	const char *vals[12] = { num[0],
				 num[1],
				 num[2],
				 num[3],
				 opt(m->kind),
				 opt(m->actor.code),
				 opt(m->actor.country),
				 opt(m->actor.igo),
				 opt(m->actor.role),
				 opt(m->actor.person),
				 opt(m->actor.name),
				 t };
	int rc;

	snprintf(num[0], sizeof num[0], "%lld", (long long)doc);
	snprintf(num[1], sizeof num[1], "%zu", m->sentence);
	snprintf(num[2], sizeof num[2], "%zu", m->start);
	snprintf(num[3], sizeof num[3], "%zu", m->end);
	rc = pg_run(s, PS_INSERT_MENT, 12, vals, NULL, "storing a mention");
	free(t);
	return rc;
}

/* Parameters first..first+5: an event side's code, country, organisation, role, person and name. */
static void actor_vals(const char **vals, int first, const dyad_store_actor *a)
{
	vals[first] = opt(a->code);
	vals[first + 1] = opt(a->country);
	vals[first + 2] = opt(a->igo);
	vals[first + 3] = opt(a->role);
	vals[first + 4] = opt(a->person);
	vals[first + 5] = opt(a->name);
}

static int pg_put_event(dyad_store *ds, int64_t doc, const dyad_store_event *ev)
{
	pg_store *s = (pg_store *)ds;
	char sa[24], ta[24], root[3], num[12][32], *evidence = slice(ev->evidence);
	const char *vals[37];
	int rc;

	dyad_store_side_code(&ev->source, sa);
	dyad_store_side_code(&ev->target, ta);
	snprintf(root, sizeof root, "%.2s", ev->cameo ? ev->cameo : "");
	snprintf(num[0], sizeof num[0], "%lld", (long long)doc);
	snprintf(num[1], sizeof num[1], "%zu", ev->n);
	snprintf(num[2], sizeof num[2], "%d", ev->quad);
	snprintf(num[3], sizeof num[3], "%.17g", ev->goldstein);
	snprintf(num[4], sizeof num[4], "%d", ev->reciprocal);
	snprintf(num[5], sizeof num[5], "%zu", ev->sentence);
	snprintf(num[6], sizeof num[6], "%zu", ev->start);
	snprintf(num[7], sizeof num[7], "%zu", ev->end);
	snprintf(num[8], sizeof num[8], "%u", (unsigned)ev->location_geonames);
	snprintf(num[9], sizeof num[9], "%.17g", ev->location_lat);
	snprintf(num[10], sizeof num[10], "%.17g", ev->location_lon);
	vals[0] = num[0];
	vals[1] = num[1];
	actor_vals(vals, 2, &ev->source);
	actor_vals(vals, 8, &ev->target);
	vals[14] = sa;
	vals[15] = ta;
	vals[16] = opt(ev->cameo);
	vals[17] = root;
	vals[18] = opt(ev->cameo_name);
	vals[19] = ev->quad ? num[2] : NULL;
	vals[20] = ev->quad ? num[3] : NULL;
	vals[21] = opt(ev->type);
	vals[22] = opt(ev->mode);
	vals[23] = num[4];
	vals[24] = opt(ev->modality);
	vals[25] = opt(ev->date);
	vals[26] = ev->date ? (ev->date_from_publication ? "publication" : "sentence") : NULL;
	vals[27] = opt(ev->location);
	vals[28] = num[5];
	vals[29] = num[6];
	vals[30] = num[7];
	vals[31] = evidence;
	vals[32] = opt(ev->rules);
	vals[33] = opt(ev->location_country);
	vals[34] = ev->location_geonames ? num[8] : NULL;
	vals[35] = ev->location_has_coords ? num[9] : NULL;
	vals[36] = ev->location_has_coords ? num[10] : NULL;
	rc = pg_run(s, PS_INSERT_EV, 37, vals, NULL, "storing an event");
	free(evidence);
	return rc;
}

static int pg_put_actor(dyad_store *ds, const char *code, const char *kind, const char *name_en, const char *name_ru)
{
	const char *vals[4] = { opt(code), opt(kind), opt(name_en), opt(name_ru) };
	return pg_run((pg_store *)ds, PS_ACTOR, 4, vals, NULL, "storing an actor");
}

static int pg_put_actor_name(dyad_store *ds, const char *name, const char *folded, const char *kind, const char *code,
			     const char *person)
{
	const char *vals[5] = { opt(folded), opt(name), opt(kind), opt(code), opt(person) };
	return pg_run((pg_store *)ds, PS_ACTOR_NAME, 5, vals, NULL, "storing an actor's name");
}

/* ---- answers -------------------------------------------------------------------------------- */

/*
 * A number of PostgreSQL's as SQLite writes a REAL ("%!.15g": 2.0, 1.5,
 * 1.0e+20), so that every engine prints the same cells.
 */
static void real_text(const char *v, char *out, size_t n)
{
	char *e;

	snprintf(out, n, "%.15g", strtod(v, NULL));
	if (strchr(out, 'n') || strchr(out, 'N') || strchr(out, '.'))
		return; /* inf, nan, or a fraction */
	if ((e = strchr(out, 'e')) != NULL) {
		char exp[16];
		snprintf(exp, sizeof exp, "%s", e);
		snprintf(e, n - (size_t)(e - out), ".0%s", exp);
	} else if (strlen(out) + 2 < n)
		strcat(out, ".0");
}

/* The rows of `r` into `out`: numbers marked, PostgreSQL's booleans and fractions written as SQLite's. */
static void pg_table(const PGresult *r, dyad_table *out)
{
	size_t ncols = (size_t)PQnfields(r), c;
	int row;
	const char **cols = dyad_xcalloc(ncols ? ncols : 1, sizeof *cols), **cells;
	unsigned char *numeric = dyad_xcalloc(ncols ? ncols : 1, 1);
	char(*num)[48] = dyad_xcalloc(ncols ? ncols : 1, sizeof *num);

	cells = dyad_xcalloc(ncols ? ncols : 1, sizeof *cells);
	for (c = 0; c < ncols; c++)
		cols[c] = PQfname(r, (int)c);
	dyad_table_start(out, ncols, cols);
	for (row = 0; row < PQntuples(r); row++) {
		for (c = 0; c < ncols; c++) {
			Oid type = PQftype(r, (int)c);
			const char *v = PQgetisnull(r, row, (int)c) ? NULL : PQgetvalue(r, row, (int)c);
			/* int8, int2, int4; bool; float4, float8; numeric */
			int integer = type == 20 || type == 21 || type == 23 || type == 16,
			    real = type == 700 || type == 701 || (type == 1700 && v && strchr(v, '.'));
			numeric[c] = (unsigned char)(integer || real || type == 1700);
			cells[c] = v;
			if (v && type == 16)
				cells[c] = v[0] == 't' ? "1" : "0";
			else if (v && real) {
				real_text(v, num[c], sizeof num[c]);
				cells[c] = num[c];
			}
		}
		dyad_table_add_row(out, cells, numeric);
	}
	free(cols);
	free(cells);
	free(numeric);
	free(num);
}

/* 1 when `w` (its n bytes) is the word at p, which ends there (not a longer identifier). */
static int word_at(const char *p, const char *w)
{
	size_t n = strlen(w);
	char c;

	if (strncmp(p, w, n) != 0)
		return 0;
	c = p[n];
	return !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
}

static int ident_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* The next word after p's spaces: where it starts. */
static const char *next_word(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/*
 * SQLite's SQL of sql_query.c as PostgreSQL reads it: ?N and :name become
 * $N (names numbered in order of first use, their values appended to
 * `vals`), `x IS y` and `x IS NOT y` compare null-safely, GLOB '*[..]*'
 * becomes a regular expression, LIKE ignores ASCII case as SQLite's does,
 * DESC puts NULLs last as SQLite sorts them, CROSS JOIN ... ON is a JOIN,
 * INDEXED BY is dropped, a bare 1 after WHERE or AND is TRUE, and the unary
 * + that turns an index off in SQLite goes. String literals are copied as
 * they are.
 */
static void pg_translate(const char *q, const char *const *names, const char *const *values, size_t nnames,
			 dyad_buf *out, const char **vals, int *nvals)
{
	const char *used[64];
	const char *p = q;
	size_t nused = 0, i;

	while (*p) {
		if (*p == '\'') { /* a literal, '' inside it */
			const char *s = p++;
			while (*p && !(*p == '\'' && p[1] != '\''))
				p += *p == '\'' ? 2 : 1;
			if (*p)
				p++;
			dyad_buf_put(out, s, (size_t)(p - s));
			continue;
		}
		if (*p == '?' && p[1] >= '0' && p[1] <= '9') {
			dyad_buf_putc(out, '$');
			p++;
			continue;
		}
		if (*p == ':' && p[1] != ':' && (p == q || p[-1] != ':') && ident_char(p[1])) {
			size_t n = 1;
			while (ident_char(p[n]))
				n++;
			for (i = 0; i < nused && !(strncmp(used[i], p + 1, n - 1) == 0 && used[i][n - 1] == '\0'); i++)
				;
			if (i == nused && nused < 64) {
				size_t k;
				used[nused++] = NULL;
				for (k = 0; k < nnames; k++)
					if (strncmp(names[k], p + 1, n - 1) == 0 && names[k][n - 1] == '\0') {
						used[i] = names[k];
						vals[i] = values[k];
					}
				if (used[i] == NULL) { /* a name no value was given for: NULL */
					used[i] = "";
					vals[i] = NULL;
				}
				*nvals = (int)nused;
			}
			dyad_buf_printf(out, "$%zu", i + 1);
			p += n;
			continue;
		}
		if (p > q && ident_char(p[-1])) { /* inside a word */
			dyad_buf_putc(out, *p++);
			continue;
		}
		if (word_at(p, "IS")) {
			const char *w = next_word(p + 2);
			int neg = word_at(w, "NOT");
			const char *x = neg ? next_word(w + 3) : w;
			if (!word_at(x, "NULL") && !word_at(x, "DISTINCT") && !word_at(x, "TRUE") &&
			    !word_at(x, "FALSE")) {
				dyad_buf_puts(out, neg ? "IS DISTINCT FROM " : "IS NOT DISTINCT FROM ");
				p = x;
				continue;
			}
		} else if (word_at(p, "NOT") && word_at(next_word(p + 3), "GLOB")) {
			dyad_buf_puts(out, "!");
			p = next_word(p + 3);
			continue;
		} else if (word_at(p, "GLOB")) {
			/* '*X*' → ~ 'X' */
			const char *l = next_word(p + 4);
			if (*l == '\'' && l[1] == '*') {
				const char *end = strchr(l + 2, '\'');
				if (end && end[-1] == '*') {
					dyad_buf_printf(out, "~ '%.*s'", (int)(end - 1 - (l + 2)), l + 2);
					p = end + 1;
					continue;
				}
			}
		} else if (word_at(p, "LIKE")) {
			dyad_buf_puts(out, "ILIKE");
			p += 4;
			continue;
		} else if (word_at(p, "DESC")) {
			dyad_buf_puts(out, "DESC NULLS LAST");
			p += 4;
			continue;
		} else if (word_at(p, "CROSS") && word_at(next_word(p + 5), "JOIN")) {
			p = next_word(p + 5);
			continue;
		} else if (word_at(p, "INDEXED") && word_at(next_word(p + 7), "BY")) {
			p = next_word(next_word(p + 7) + 2);
			while (ident_char(*p))
				p++;
			continue;
		} else if ((word_at(p, "WHERE") || word_at(p, "AND")) &&
			   word_at(next_word(p + (*p == 'W' ? 5 : 3)), "1")) {
			size_t n = *p == 'W' ? 5 : 3;
			dyad_buf_put(out, p, n);
			dyad_buf_puts(out, " TRUE");
			p = next_word(p + n) + 1;
			continue;
		} else if (*p == '+' && p[1] == 'e' && p[2] == '.') {
			p++;
			continue;
		}
		dyad_buf_putc(out, *p++);
	}
	dyad_buf_putc(out, '\0');
}

/* The rows of `r` (then cleared) into `out`, or DYAD_EDB with the server's message on the handle and in `e`. */
static int pg_answer(pg_store *s, PGresult *r, const char *what, dyad_table *out, dyad_errbuf *e)
{
	if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK) {
		pg_fail(s, r, what);
		PQclear(r);
		return dyad_errf(e, DYAD_EDB, "%s", s->base.err);
	}
	pg_table(r, out);
	PQclear(r);
	return 0;
}

static int pg_query(dyad_store *ds, const char *q, const char *const *args, size_t nargs, const char *const *names,
		    const char *const *values, size_t nnames, dyad_table *out, dyad_errbuf *e)
{
	pg_store *s = (pg_store *)ds;
	const char *vals[64];
	Oid types[64];
	dyad_buf sql = DYAD_BUF_INIT;
	int nvals = 0;
	size_t i;
	PGresult *r;

	memset(out, 0, sizeof *out);
	pg_settle(s); /* a question inside a write transaction reads what was written */
	for (i = 0; i < nargs && i < 64; i++)
		vals[i] = args[i];
	nvals = (int)(nargs < 64 ? nargs : 64);
	pg_translate(q, names, values, nnames, &sql, vals, &nvals);
	/*
	 * a number may stand where PostgreSQL wants an integer (LIMIT, quad, an id): its type is left for the
	 * server to infer; anything else is text, where lower() or length() could not tell the type
	 */
	for (i = 0; i < (size_t)nvals; i++)
		types[i] = vals[i] && *vals[i] && strspn(vals[i], "0123456789") == strlen(vals[i]) ? 0 : 25;
	r = PQexecParams(s->conn, sql.p, nvals, types, vals, NULL, NULL, 0);
	dyad_buf_free(&sql);
	return pg_answer(s, r, "query", out, e);
}

static int pg_sql_op(dyad_store *ds, const char *q, dyad_table *out, dyad_errbuf *e)
{
	memset(out, 0, sizeof *out);
	pg_settle((pg_store *)ds);
	return pg_answer((pg_store *)ds, PQexec(((pg_store *)ds)->conn, q), "query", out, e);
}

/* Counts as `dyad stats` gives them: a third column says which values are numbers. */
static int pg_stats(dyad_store *ds, dyad_table *out, dyad_errbuf *e)
{
	static const char q[] =
		"SELECT 'documents' AS what, CAST(count(*) AS text) AS value, TRUE AS num FROM documents"
		" UNION ALL SELECT 'syndicated copies', CAST(count(*) AS text), TRUE FROM documents"
		"  WHERE syndicated_of IS NOT NULL"
		" UNION ALL SELECT 'sentences', CAST(count(*) AS text), TRUE FROM sentences"
		" UNION ALL SELECT 'actor mentions', CAST(count(*) AS text), TRUE FROM mentions"
		" UNION ALL SELECT 'events', CAST(count(*) AS text), TRUE FROM events WHERE mention_of IS NULL"
		" UNION ALL SELECT 'event mentions', CAST(count(*) AS text), TRUE FROM events"
		" UNION ALL SELECT 'first date', min(date), FALSE FROM documents"
		" UNION ALL SELECT 'last date', max(date), FALSE FROM documents"
		" UNION ALL SELECT * FROM (SELECT 'language ' || coalesce(language, '?'), CAST(count(*) AS text), TRUE"
		"  FROM documents GROUP BY language ORDER BY count(*) DESC) l"
		" UNION ALL SELECT * FROM (SELECT 'outlet ' || coalesce(outlet, '?'), CAST(count(*) AS text), TRUE"
		"  FROM documents GROUP BY outlet ORDER BY count(*) DESC, outlet NULLS FIRST LIMIT 15) o"
		" UNION ALL SELECT * FROM (SELECT 'type ' || coalesce(type, '?'), CAST(count(*) AS text), TRUE"
		"  FROM events WHERE mention_of IS NULL GROUP BY type ORDER BY count(*) DESC, type NULLS FIRST) t";
	static const char *const cols[] = { "what", "value" };
	pg_store *s = (pg_store *)ds;
	PGresult *r = PQexec(s->conn, q);
	int row;

	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_fail(s, r, "counting");
		PQclear(r);
		return dyad_errf(e, DYAD_EDB, "%s", s->base.err);
	}
	dyad_table_start(out, 2, cols);
	for (row = 0; row < PQntuples(r); row++) {
		const char *cells[2] = { PQgetvalue(r, row, 0), PQgetisnull(r, row, 1) ? NULL : PQgetvalue(r, row, 1) };
		unsigned char numeric[2] = { 0, (unsigned char)(PQgetvalue(r, row, 2)[0] == 't') };
		dyad_table_add_row(out, cells, numeric);
	}
	PQclear(r);
	return 0;
}

/*
 * Sentences matching `q` by PostgreSQL's russian and english stemming
 * (websearch syntax: words, "quoted phrases"), best first, the matched
 * words wrapped in `open` and `close`.
 */
static int pg_search(dyad_store *ds, const char *q, long limit, const char *open, const char *close, dyad_table *out,
		     dyad_errbuf *e)
{
	static const char sql[] =
		"SELECT d.date, d.outlet, d.title, ts_headline(CASE WHEN d.language = 'en' THEN CAST('english' AS "
		"regconfig) ELSE CAST('russian' AS regconfig) END, se.text, CASE WHEN d.language = 'en' THEN qe ELSE "
		"qr "
		"END, $3) AS sentence, d.doc_id AS doc"
		" FROM sentences se JOIN documents d ON d.id = se.doc,"
		" websearch_to_tsquery('russian', $1) qr, websearch_to_tsquery('english', $1) qe"
		" WHERE se.tsv @@ qr OR se.tsv @@ qe"
		" ORDER BY greatest(ts_rank(se.tsv, qr), ts_rank(se.tsv, qe)) DESC, se.id LIMIT $2";
	pg_store *s = (pg_store *)ds;
	dyad_buf opts = DYAD_BUF_INIT;
	const char *vals[3];
	char lim[24];
	const char *c;
	PGresult *r;
	int i;

	/* ts_headline's options: the marks quoted, their own quotes left out */
	dyad_buf_puts(&opts, "HighlightAll=true, StartSel=\"");
	for (i = 0, c = open; i < 2; i++, c = close) {
		for (; *c; c++)
			if (*c != '"')
				dyad_buf_putc(&opts, *c);
		dyad_buf_puts(&opts, i == 0 ? "\", StopSel=\"" : "\"");
	}
	dyad_buf_putc(&opts, '\0');
	snprintf(lim, sizeof lim, "%ld", limit);
	vals[0] = q;
	vals[1] = lim;
	vals[2] = opts.p;
	memset(out, 0, sizeof *out);
	r = PQexecParams(s->conn, sql, 3, NULL, vals, NULL, NULL, 0);
	dyad_buf_free(&opts);
	return pg_answer(s, r, "search", out, e);
}

const dyad_store_engine dyad_store_pg = {
	.name = "PostgreSQL",
	.claims = pg_claims,
	.open = pg_open,
	.close = pg_close,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.put_doc = pg_put_doc,
	.put_sentence = pg_put_sentence,
	.put_mention = pg_put_mention,
	.put_event = pg_put_event,
	.put_actor = pg_put_actor,
	.put_actor_name = pg_put_actor_name,
	.run = pg_query,
	.strict_types = 1,
	.sql = pg_sql_op,
	DYAD_STORE_SQL_QUESTIONS,
	.stats = pg_stats,
	.search = pg_search,
};
