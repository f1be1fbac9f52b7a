/*
 * clickhouse_schema.c — dyad's tables on ClickHouse (docs/engines.md): on a
 * cluster, a MergeTree table <name>_local on every server and a Distributed
 * table <name> over them, rows sharded by document; on a single server the
 * MergeTree tables under the plain names. Dates are Int32 YYYYMMDD (0: none),
 * so years before 1970 and after 2106 survive; dyad_schema holds the version.
 */
#include "clickhouse.h"

#include <stdlib.h>
#include <string.h>

/* Version 1: documents, simhash_bands, sentences, mentions, events, actors, actor_names, dyad_batches. */
#define CH_SCHEMA_VERSION 1

int dyad_ch_schema_version(void)
{
	return CH_SCHEMA_VERSION;
}

/*
 * One table: its columns, the MergeTree that keeps it on a server, and the
 * expression that picks a row's shard. Every row of a document carries its
 * doc_id (the input's identity) and the ingest batch that wrote it, so all of
 * a document lives on one shard and a batch a killed ingest left unfinished
 * can be found and taken away (docs/engines.md, "Re-ingest without unique keys").
 */
typedef struct {
	const char *name;
	const char *columns;
	const char *engine;
	const char *shard_by;
	int of_documents; /* 1: rows of a document, with its doc_id and batch */
} ch_table;

static const ch_table tables[] = {
	{ "documents",
	  "doc_id UInt64, batch UInt64, content_hash UInt64, simhash UInt64, syndicated_of UInt64 DEFAULT 0,"
	  " path Nullable(String), record Nullable(String), url Nullable(String), title Nullable(String),"
	  " date Int32, time Nullable(String), outlet Nullable(String), dateline Nullable(String),"
	  " language Nullable(String), author Nullable(String), body String, furniture Nullable(String),"
	  " dyad_version String, ingested_at DateTime DEFAULT now()",
	  "MergeTree ORDER BY doc_id", "doc_id", 1 },
	/* a fingerprint under each of its four 16-bit bands: a copy is found on any shard; the
	   earliest document (batch, then seq, its place in the batch) is the one copied */
	{ "simhash_bands", "band UInt8, value UInt16, doc_id UInt64, simhash UInt64, batch UInt64, seq UInt32",
	  "MergeTree ORDER BY (band, value, doc_id)", "doc_id", 1 },
	/* stems: the sentence's words as dyad's search tokenizer stems them (ClickHouse 18 has no text index) */
	{ "sentences",
	  "doc_id UInt64, batch UInt64, n UInt32, `start` UInt32, `end` UInt32, text String, stems Array(String)",
	  "MergeTree ORDER BY (doc_id, n)", "doc_id", 1 },
	{ "mentions",
	  "doc_id UInt64, batch UInt64, sentence UInt32, `start` UInt32, `end` UInt32, kind String,"
	  " code Nullable(String), country Nullable(String), igo Nullable(String), role Nullable(String),"
	  " person Nullable(String), name Nullable(String), text String",
	  "MergeTree ORDER BY (doc_id, sentence, `start`)", "doc_id", 1 },
	/* event_key: what makes two reports one event (docs/schema.md, "One event, many reports");
	   events are counted with uniqExact(event_key), reports with count(). Sorted by dyad and
	   date, which every query of query.h narrows by; no partitions: a partition by year split
	   each insert of a decade's events into ten parts per shard and halved the rows a second */
	{ "events",
	  "doc_id UInt64, batch UInt64, n UInt32,"
	  " source Nullable(String), source_country Nullable(String), source_igo Nullable(String),"
	  " source_role Nullable(String), source_person Nullable(String), source_name Nullable(String),"
	  " target Nullable(String), target_country Nullable(String), target_igo Nullable(String),"
	  " target_role Nullable(String), target_person Nullable(String), target_name Nullable(String),"
	  " source_actor String, target_actor String, cameo String, root String, cameo_name Nullable(String),"
	  " quad Nullable(UInt8), goldstein Nullable(Float64), type Nullable(String), mode Nullable(String),"
	  " reciprocal UInt8, modality String, date Int32, date_source Nullable(String), location Nullable(String),"
	  " sentence UInt32, `start` UInt32, `end` UInt32, evidence String, rules Nullable(String),"
	  " location_country Nullable(String), location_geonames Nullable(UInt32), location_lat Nullable(Float64),"
	  " location_lon Nullable(Float64),"
	  " event_key UInt64 DEFAULT cityHash64(source_actor, target_actor, ifNull(source, ''), ifNull(target, ''),"
	  " ifNull(source_person, ''), ifNull(target_person, ''), cameo, date)",
	  "MergeTree ORDER BY (source_actor, target_actor, date, doc_id, n)", "doc_id", 1 },
	/* the lexicon's actors and names: written again by every ingest, the last write kept */
	{ "actors",
	  "code String, kind Nullable(String), name_en Nullable(String), name_ru Nullable(String),"
	  " written DateTime DEFAULT now()",
	  "ReplacingMergeTree(written) ORDER BY code", "cityHash64(code)", 0 },
	{ "actor_names", "folded String, name String, kind String, code String, person String",
	  "ReplacingMergeTree ORDER BY (folded, kind, code, person)", "cityHash64(folded)", 0 },
	/* an ingest's batches: 'open' before its rows go in, 'done' after its documents' rows */
	{ "dyad_batches",
	  "batch UInt64, state Enum8('open' = 1, 'done' = 2, 'undone' = 3), docs UInt32, at DateTime DEFAULT now()",
	  "MergeTree ORDER BY (batch, state)", "batch", 0 },
};

void dyad_ch_schema_sql(dyad_buf *out, const char *database, const char *cluster, int local)
{
	size_t i;

	for (i = 0; i < sizeof tables / sizeof *tables; i++) {
		const ch_table *t = &tables[i];

		if (!cluster)
			dyad_buf_printf(out, "CREATE TABLE IF NOT EXISTS %s.%s (%s) ENGINE = %s\n", database, t->name,
					t->columns, t->engine);
		else if (local)
			dyad_buf_printf(out, "CREATE TABLE IF NOT EXISTS %s.%s_local (%s) ENGINE = %s\n", database,
					t->name, t->columns, t->engine);
		else
			dyad_buf_printf(out,
					"CREATE TABLE IF NOT EXISTS %s.%s AS %s.%s_local"
					" ENGINE = Distributed(%s, %s, %s_local, %s)\n",
					database, t->name, database, t->name, cluster, database, t->name, t->shard_by);
	}
	/* each server's own record of the version its tables have */
	if (!cluster || local)
		dyad_buf_printf(out,
				"CREATE TABLE IF NOT EXISTS %s.dyad_schema (version UInt32, at DateTime DEFAULT now())"
				" ENGINE = TinyLog\n",
				database);
}

/* Keep a result's first line in the dyad_buf ctx. */
static int keep_first(void *ctx, dyad_str row)
{
	dyad_buf_putstr(ctx, row);
	return 1;
}

int dyad_ch_cluster_hosts(dyad_ch *c, char ***out, size_t *n)
{
	dyad_buf q = DYAD_BUF_INIT, rows = DYAD_BUF_INIT;
	const dyad_ch_url *u = dyad_ch_url_of(c);
	char **hosts = NULL;
	size_t cap = 0, count = 0;
	const char *p, *nl;
	int rc;

	*out = NULL;
	*n = 0;
	dyad_buf_puts(&q, "SELECT groupArray(host_name) FROM (SELECT host_name FROM system.clusters WHERE cluster = ");
	dyad_ch_sql_str(&q, dyad_str_c(u->cluster ? u->cluster : ""));
	dyad_buf_puts(&q, " ORDER BY shard_num, replica_num) FORMAT JSONEachRow");
	rc = dyad_ch_query_server(c, q.p, keep_first, &rows);
	if (rc < 0)
		goto done;
	rc = 0;
	/* {"groupArray(host_name)":["a","b"]}: host names hold no quotes or backslashes */
	p = strchr(rows.p ? rows.p : "", '[');
	while (p && (p = strchr(p, '"')) != NULL && (nl = strchr(p + 1, '"')) != NULL) {
		hosts = dyad_xgrow(hosts, &cap, count, sizeof *hosts, 4);
		hosts[count++] = dyad_xstrndup(p + 1, (size_t)(nl - p - 1));
		p = nl + 1;
	}
	if (count == 0)
		rc = dyad_ch_fail(c, "no cluster '%s' in its system.clusters (the remote_servers of its config.xml)",
				  u->cluster ? u->cluster : "");
	*out = hosts;
	*n = count;
done:
	dyad_buf_free(&q);
	dyad_buf_free(&rows);
	return rc;
}

/* Is `name` one of dyad's tables (or a shard's _local table)? */
static int dyad_table(const char *name)
{
	size_t i, n;

	if (strcmp(name, "dyad_schema") == 0)
		return 1;
	for (i = 0; i < sizeof tables / sizeof *tables; i++) {
		n = strlen(tables[i].name);
		if (strncmp(name, tables[i].name, n) == 0 && (name[n] == '\0' || strcmp(name + n, "_local") == 0))
			return 1;
	}
	return 0;
}

/*
 * May dyad write its tables on this server? 1 when the schema is there at
 * this version, 0 when it is to be made, DYAD_EDB when the tables are a newer
 * dyad's or another program's (the message on `h` says which).
 */
static int check_server(dyad_ch *h)
{
	const char *db = dyad_ch_url_of(h)->database;
	dyad_buf q = DYAD_BUF_INIT, names = DYAD_BUF_INIT, line = DYAD_BUF_INIT;
	int rc, has_schema = 0;
	long version;
	char *foreign = NULL;
	const char *p, *nl;

	dyad_buf_printf(&q, "CREATE DATABASE IF NOT EXISTS %s", db);
	if ((rc = dyad_ch_query_server(h, q.p, NULL, NULL)) != 0)
		goto done;
	dyad_buf_clear(&q);
	dyad_buf_puts(&q, "SELECT arrayStringConcat(groupArray(name), ' ') FROM system.tables WHERE database = ");
	dyad_ch_sql_str(&q, dyad_str_c(db));
	if ((rc = dyad_ch_query_line(h, q.p, &names)) != 0)
		goto done;
	for (p = names.p ? names.p : ""; *p; p = *nl ? nl + 1 : nl) {
		nl = p + strcspn(p, " ");
		dyad_buf_clear(&line);
		dyad_buf_put(&line, p, (size_t)(nl - p));
		if (strcmp(line.p, "dyad_schema") == 0)
			has_schema = 1;
		else if (!foreign && dyad_table(line.p))
			foreign = dyad_xstrdup(line.p);
	}
	if (!has_schema) {
		rc = foreign ? dyad_ch_fail(h,
					    "database %s has a table '%s' that dyad did not make: dyad leaves it "
					    "alone (name another database in the URL)",
					    db, foreign)
			     : 0;
		goto done;
	}
	dyad_buf_clear(&q);
	dyad_buf_printf(&q, "SELECT max(version) FROM %s.dyad_schema", db);
	if ((rc = dyad_ch_query_line(h, q.p, &line)) != 0)
		goto done;
	version = strtol(line.p ? line.p : "0", NULL, 10);
	if (version > CH_SCHEMA_VERSION)
		rc = dyad_ch_fail(
			h, "database %s was made by a newer dyad (schema %s, this dyad writes %d): use a newer dyad",
			db, line.p, CH_SCHEMA_VERSION);
	else
		rc = version == CH_SCHEMA_VERSION ? 1 : 0;
done:
	free(foreign);
	dyad_buf_free(&q);
	dyad_buf_free(&names);
	dyad_buf_free(&line);
	return rc;
}

void dyad_ch_delete_sql(dyad_buf *out, const char *database, const char *cluster, const char *where)
{
	size_t i;

	for (i = 0; i < sizeof tables / sizeof *tables; i++)
		if (tables[i].of_documents)
			dyad_buf_printf(out, "ALTER TABLE %s.%s%s DELETE WHERE %s\n", database, tables[i].name,
					cluster ? "_local" : "", where);
}

int dyad_ch_run_lines(dyad_ch *h, const char *sql)
{
	dyad_buf one = DYAD_BUF_INIT;
	const char *p, *nl;
	int rc = 0;

	for (p = sql; *p && rc == 0; p = nl + 1) {
		nl = strchr(p, '\n');
		dyad_buf_clear(&one);
		dyad_buf_put(&one, p, (size_t)(nl - p));
		rc = dyad_ch_query(h, one.p, NULL, NULL);
	}
	dyad_buf_free(&one);
	return rc;
}

/* Copy the message of a shard's handle onto the handle the caller holds. */
static int pass_error(dyad_ch *c, dyad_ch *h, int rc)
{
	if (h != c)
		dyad_ch_set_error(c, dyad_ch_errmsg(h));
	return rc;
}

int dyad_ch_servers(dyad_ch *c, dyad_ch ***out, size_t *n)
{
	const dyad_ch_url *u = dyad_ch_url_of(c);
	char **hosts = NULL;
	size_t i, count = 0;
	dyad_errbuf e;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (!u->cluster) {
		*out = dyad_xcalloc(1, sizeof(dyad_ch *));
		(*out)[0] = c;
		*n = 1;
		return 0;
	}
	if ((rc = dyad_ch_cluster_hosts(c, &hosts, &count)) != 0)
		return rc;
	*out = dyad_xcalloc(count, sizeof(dyad_ch *));
	for (i = 0; i < count; i++) {
		if (rc == 0 && (rc = dyad_ch_open_host(&(*out)[i], u, hosts[i], u->port, &e)) != 0)
			dyad_ch_set_error(c, e.msg);
		free(hosts[i]);
	}
	free(hosts);
	*n = count;
	if (rc != 0) {
		dyad_ch_servers_free(c, *out, count);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void dyad_ch_servers_free(dyad_ch *c, dyad_ch **servers, size_t n)
{
	size_t i;

	for (i = 0; servers && i < n; i++)
		if (servers[i] != c)
			dyad_ch_close(servers[i]);
	free(servers);
}

int dyad_ch_schema_create(dyad_ch *c)
{
	const dyad_ch_url *u = dyad_ch_url_of(c);
	dyad_ch **servers = NULL;
	int *ready = NULL;
	size_t n = 0, i;
	int rc, phase;
	dyad_buf sql = DYAD_BUF_INIT;

	if ((rc = dyad_ch_servers(c, &servers, &n)) != 0)
		return rc;
	ready = dyad_xcalloc(n, sizeof *ready);
	/* every server checked before any is written: a refusal changes nothing anywhere */
	for (i = 0; i < n && rc == 0; i++)
		if ((ready[i] = check_server(servers[i])) < 0)
			rc = pass_error(c, servers[i], ready[i]);
	/* the MergeTree tables everywhere, then the Distributed tables over them, then the version */
	for (phase = 0; phase < (u->cluster ? 2 : 1) && rc == 0; phase++) {
		dyad_buf_clear(&sql);
		dyad_ch_schema_sql(&sql, u->database, u->cluster, phase == 0);
		for (i = 0; i < n && rc == 0; i++)
			if ((rc = dyad_ch_run_lines(servers[i], sql.p)) != 0)
				rc = pass_error(c, servers[i], rc);
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (ready[i] == 1)
			continue;
		dyad_buf_clear(&sql);
		dyad_buf_printf(&sql, "INSERT INTO %s.dyad_schema (version) VALUES (%d)", u->database, CH_SCHEMA_VERSION);
		if ((rc = dyad_ch_query(servers[i], sql.p, NULL, NULL)) != 0)
			rc = pass_error(c, servers[i], rc);
	}
	dyad_ch_servers_free(c, servers, n);
	free(ready);
	dyad_buf_free(&sql);
	return rc;
}
