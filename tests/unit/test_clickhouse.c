/*
 * test_clickhouse.c — the ClickHouse engine's wire and schema: URLs parse or
 * fail with a message naming the URL and the problem, values survive
 * TabSeparated escaping, dates before 1970 and after 2106 survive as Int32.
 * With DYAD_CLICKHOUSE_URL set (tests/tools/clickhouse_cluster.sh sets it and
 * DYAD_CLICKHOUSE_SHARDS for its two-shard cluster), the same on a server:
 * errors name the host and the server's exception, the schema goes on every
 * shard, rows go in through the Distributed tables and come back whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dyad/text.h"
#include "store/clickhouse.h"

/* ---- without a server ---------------------------------------------------------------------- */

static void urls_parse(void **state)
{
	dyad_ch_url u;
	dyad_errbuf e;

	(void)state;
	assert_int_equal(dyad_ch_url_parse(&u, "clickhouse://ana:p%40ss@db1.example.org:8124/dyad?cluster=events", &e),
			 0);
	assert_string_equal(u.host, "db1.example.org");
	assert_int_equal(u.port, 8124);
	assert_string_equal(u.database, "dyad");
	assert_string_equal(u.cluster, "events");
	assert_string_equal(u.user, "ana");
	assert_string_equal(u.password, "p@ss");
	dyad_ch_url_free(&u);

	/* the defaults: port 8123, database "default", one server */
	assert_int_equal(dyad_ch_url_parse(&u, "clickhouse://localhost", &e), 0);
	assert_string_equal(u.host, "localhost");
	assert_int_equal(u.port, 8123);
	assert_string_equal(u.database, "default");
	assert_null(u.cluster);
	assert_null(u.user);
	dyad_ch_url_free(&u);

	assert_int_equal(dyad_ch_url_parse(&u, "clickhouse://[::1]:9123/kb", &e), 0);
	assert_string_equal(u.host, "::1");
	assert_int_equal(u.port, 9123);
	assert_string_equal(u.database, "kb");
	dyad_ch_url_free(&u);

	assert_int_equal(dyad_ch_url_parse(&u, "clickhouse://h/?cluster=c1", &e), 0);
	assert_string_equal(u.database, "default");
	assert_string_equal(u.cluster, "c1");
	dyad_ch_url_free(&u);
}

/* Parsing `url` fails with DYAD_EUSAGE and a message holding `part`. */
static void url_fails(const char *url, const char *part)
{
	dyad_ch_url u;
	dyad_errbuf e;

	assert_int_equal(dyad_ch_url_parse(&u, url, &e), DYAD_EUSAGE);
	if (!strstr(e.msg, part))
		fail_msg("'%s': message '%s' lacks '%s'", url, e.msg, part);
	assert_null(u.host);
}

static void bad_urls_are_named(void **state)
{
	(void)state;
	url_fails("postgresql://h/db", "does not begin with clickhouse://");
	url_fails("clickhouse://", "no host");
	url_fails("clickhouse://:8123/db", "no host");
	url_fails("clickhouse://h:0/db", "the port '0' is not a number from 1 to 65535");
	url_fails("clickhouse://h:99999/db", "'99999'");
	url_fails("clickhouse://h:81x/db", "'81x'");
	url_fails("clickhouse://h:/db", "the port ''");
	url_fails("clickhouse://h/my-db", "the database 'my-db' is not a name");
	url_fails("clickhouse://h/db?shards=2", "unknown parameter 'shards=2' (known: cluster=NAME)");
	url_fails("clickhouse://h/db?cluster=a;b", "the cluster 'a;b'");
	url_fails("clickhouse://h/db#x", "#fragment");
	url_fails("clickhouse://h%20x/db", "'%' cannot be in a host name");
	url_fails("clickhouse://[::1/db", "closing ]");
	url_fails("clickhouse://u:p%4@h/db", "not percent-encoded");
	/* the message names the URL, but never its password */
	{
		dyad_ch_url u;
		dyad_errbuf e;

		assert_int_equal(dyad_ch_url_parse(&u, "clickhouse://ana:secret@h:0/db", &e), DYAD_EUSAGE);
		assert_non_null(strstr(e.msg, "clickhouse://ana:***@h:0/db"));
		assert_null(strstr(e.msg, "secret"));
	}
}

static void values_survive_escaping(void **state)
{
	static const char hard[] = "tab\there\nnew line\\back 'quoted' \r\b\f Мир\0nul";
	dyad_str v = { hard, sizeof hard - 1 };
	dyad_buf line = DYAD_BUF_INIT, field = DYAD_BUF_INIT, q = DYAD_BUF_INIT;
	dyad_str rest;

	(void)state;
	dyad_ch_tsv_str(&line, v);
	assert_null(memchr(line.p, '\t', line.n));
	assert_null(memchr(line.p, '\n', line.n));
	assert_int_equal(strlen(line.p), line.n); /* no NUL byte left */
	dyad_buf_putc(&line, '\t');
	dyad_ch_tsv_cstr(&line, NULL);
	dyad_buf_putc(&line, '\t');
	dyad_ch_tsv_cstr(&line, "");
	rest = (dyad_str){ line.p, line.n };
	assert_int_equal(dyad_ch_tsv_field(&rest, &field), 1);
	assert_int_equal(field.n, v.n);
	assert_memory_equal(field.p, v.p, v.n);
	assert_int_equal(dyad_ch_tsv_field(&rest, &field), 2); /* \N */
	assert_int_equal(dyad_ch_tsv_field(&rest, &field), 1); /* "" */
	assert_int_equal(field.n, 0);
	assert_int_equal(dyad_ch_tsv_field(&rest, &field), 0);

	dyad_ch_sql_str(&q, dyad_str_c("it's a \\ test"));
	assert_string_equal(q.p, "'it\\'s a \\\\ test'");
	dyad_buf_free(&line);
	dyad_buf_free(&field);
	dyad_buf_free(&q);
}

static void dates_are_int32(void **state)
{
	int32_t d;
	char iso[16];

	(void)state;
	assert_int_equal(dyad_ch_date_int("1945-05-09", &d), 0);
	assert_int_equal(d, 19450509);
	assert_int_equal(dyad_ch_date_int("2150-01-01", &d), 0);
	assert_int_equal(d, 21500101);
	assert_int_equal(dyad_ch_date_int("-0044-03-15", &d), 0);
	assert_int_equal(d, -440315);
	dyad_ch_date_iso(d, iso);
	assert_string_equal(iso, "-0044-03-15");
	dyad_ch_date_iso(19450509, iso);
	assert_string_equal(iso, "1945-05-09");
	assert_int_equal(dyad_ch_date_int("", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(dyad_ch_date_int(NULL, &d), 0);
	dyad_ch_date_iso(0, iso);
	assert_string_equal(iso, "");
	assert_int_equal(dyad_ch_date_int("2024-02-30", &d), DYAD_EINPUT);
	assert_int_equal(dyad_ch_date_int("2024-13-01", &d), DYAD_EINPUT);
	assert_int_equal(dyad_ch_date_int("24-01-01", &d), DYAD_EINPUT);
	assert_int_equal(dyad_ch_date_int("2024-1-01", &d), DYAD_EINPUT);
	assert_int_equal(dyad_ch_date_int("2024-01-01T00:00", &d), DYAD_EINPUT);
	assert_int_equal(d, 0);
}

static size_t count_lines(const char *s, const char *needle)
{
	size_t n = 0;

	for (; (s = strstr(s, needle)) != NULL; s++)
		n++;
	return n;
}

static void schema_is_sharded_by_document(void **state)
{
	dyad_buf b = DYAD_BUF_INIT;

	(void)state;
	dyad_ch_schema_sql(&b, "kb", "c1", 1);
	assert_non_null(strstr(b.p, "CREATE TABLE IF NOT EXISTS kb.events_local ("));
	assert_non_null(strstr(b.p, " date Int32,"));
	assert_non_null(strstr(b.p, "kb.dyad_schema"));
	assert_null(strstr(b.p, "Distributed"));
	dyad_buf_clear(&b);
	dyad_ch_schema_sql(&b, "kb", "c1", 0);
	assert_non_null(strstr(b.p, "CREATE TABLE IF NOT EXISTS kb.events AS kb.events_local ENGINE = "
				    "Distributed(c1, kb, events_local, doc_id)"));
	assert_non_null(strstr(b.p, "Distributed(c1, kb, documents_local, doc_id)"));
	assert_null(strstr(b.p, "dyad_schema"));
	/* one server: MergeTree under the plain names */
	dyad_buf_clear(&b);
	dyad_ch_schema_sql(&b, "kb", NULL, 1);
	assert_non_null(strstr(b.p, "CREATE TABLE IF NOT EXISTS kb.events ("));
	assert_null(strstr(b.p, "_local"));
	assert_null(strstr(b.p, "Distributed"));
	assert_int_equal(count_lines(b.p, "\n"), count_lines(b.p, "CREATE TABLE"));
	dyad_buf_free(&b);
}

static void an_unreachable_server_is_named(void **state)
{
	dyad_ch *c;
	dyad_errbuf e;

	(void)state;
	/* port 1 on loopback: nothing listens there */
	assert_int_equal(dyad_ch_open(&c, "clickhouse://127.0.0.1:1/kb", &e), 0);
	assert_int_equal(dyad_ch_query(c, "SELECT 1", NULL, NULL), DYAD_EDB);
	if (!strstr(dyad_ch_errmsg(c), "ClickHouse at 127.0.0.1:1: cannot reach the server"))
		fail_msg("message: %s", dyad_ch_errmsg(c));
	dyad_ch_close(c);
	assert_int_equal(dyad_ch_open(&c, "clickhouse://127.0.0.1:99999/kb", &e), DYAD_EUSAGE);
	assert_null(c);
}

/* ---- on a server (DYAD_CLICKHOUSE_URL) ----------------------------------------------------- */

static dyad_ch *live(const char *url)
{
	dyad_ch *c;
	dyad_errbuf e;

	if (!getenv("DYAD_CLICKHOUSE_URL")) {
		print_message("no DYAD_CLICKHOUSE_URL: tests/tools/clickhouse_cluster.sh runs these on a cluster\n");
		skip();
	}
	if (dyad_ch_open(&c, url ? url : getenv("DYAD_CLICKHOUSE_URL"), &e) != 0)
		fail_msg("%s", e.msg);
	return c;
}

/* The server of shard `i` (from DYAD_CLICKHOUSE_SHARDS, "host:port host:port"), on the URL's database. */
static dyad_ch *shard(dyad_ch *c, int i)
{
	const char *s = getenv("DYAD_CLICKHOUSE_SHARDS");
	char host[64];
	int port = 0;
	dyad_ch *h;
	dyad_errbuf e;

	assert_non_null(s);
	while (i-- > 0 && (s = strchr(s, ' ')) != NULL)
		s++;
	assert_non_null(s);
	assert_int_equal(sscanf(s, "%63[^:]:%d", host, &port), 2);
	assert_int_equal(dyad_ch_open_host(&h, dyad_ch_url_of(c), host, port, &e), 0);
	return h;
}

static long long number(dyad_ch *c, const char *sql)
{
	dyad_buf out = DYAD_BUF_INIT;
	long long v;

	if (dyad_ch_query_line(c, sql, &out) != 0)
		fail_msg("%s: %s", sql, dyad_ch_errmsg(c));
	v = atoll(out.p ? out.p : "-1");
	dyad_buf_free(&out);
	return v;
}

static void must(dyad_ch *c, const char *sql)
{
	if (dyad_ch_query_server(c, sql, NULL, NULL) != 0)
		fail_msg("%s: %s", sql, dyad_ch_errmsg(c));
}

/* Every shard without the test's databases. */
static void fresh(dyad_ch *c)
{
	int i;

	for (i = 0; i < 2; i++) {
		dyad_ch *h = shard(c, i);

		must(h, "DROP DATABASE IF EXISTS dyad_test");
		must(h, "DROP DATABASE IF EXISTS dyad_foreign");
		must(h, "DROP DATABASE IF EXISTS dyad_newer");
		dyad_ch_close(h);
	}
}

typedef struct {
	long long rows, sum;
	int stop_at;
} tally;

static int add_row(void *ctx, dyad_str row)
{
	tally *t = ctx;

	t->rows++;
	t->sum += atoll(row.p);
	return t->stop_at && t->rows == t->stop_at ? 7 : 0;
}

static void rows_stream_and_errors_are_named(void **state)
{
	dyad_ch *c = live(NULL), *bad;
	tally t = { 0 };
	dyad_errbuf e;
	const char *url = getenv("DYAD_CLICKHOUSE_URL");
	char wrong[256];

	(void)state;
	fresh(c);
	must(c, "CREATE DATABASE dyad_test");
	/* 200,000 rows, a line each, in blocks of 1000 */
	assert_int_equal(dyad_ch_query(c, "SELECT number FROM system.numbers LIMIT 200000 SETTINGS max_block_size = 1000",
				       add_row, &t),
			 0);
	assert_int_equal(t.rows, 200000);
	assert_int_equal(t.sum, 200000LL * 199999 / 2);
	/* the callback stops a query */
	t = (tally){ 0, 0, 10 };
	assert_int_equal(dyad_ch_query(c, "SELECT number FROM system.numbers LIMIT 100000", add_row, &t), 7);
	assert_int_equal(t.rows, 10);

	/* the server's exception, with the host */
	assert_int_equal(dyad_ch_query(c, "SELECT * FROM no_such_table", NULL, NULL), DYAD_EDB);
	if (!strstr(dyad_ch_errmsg(c), "ClickHouse at 127.0.0.1:") || !strstr(dyad_ch_errmsg(c), "no_such_table") ||
	    !strstr(dyad_ch_errmsg(c), "doesn't exist") || !strstr(dyad_ch_errmsg(c), "(code 60)"))
		fail_msg("message: %s", dyad_ch_errmsg(c));
	assert_null(strstr(dyad_ch_errmsg(c), "e.what()"));
	/* an exception raised after rows had come: the rows before it, then the error */
	t = (tally){ 0 };
	assert_int_equal(dyad_ch_query(c,
				       "SELECT number, throwIf(number = 150000) FROM system.numbers LIMIT 200000"
				       " SETTINGS max_block_size = 1000",
				       add_row, &t),
			 DYAD_EDB);
	assert_true(t.rows > 0 && t.rows <= 150000);
	if (!strstr(dyad_ch_errmsg(c), "throwIf"))
		fail_msg("message: %s", dyad_ch_errmsg(c));

	/* a login: right, then wrong */
	assert_true(strlen(url) < 200);
	snprintf(wrong, sizeof wrong, "clickhouse://dyad:dyad-test@%s", url + strlen("clickhouse://"));
	bad = live(wrong);
	assert_int_equal(number(bad, "SELECT 42"), 42);
	dyad_ch_close(bad);
	snprintf(wrong, sizeof wrong, "clickhouse://dyad:nope@%s", url + strlen("clickhouse://"));
	bad = live(wrong);
	assert_int_equal(dyad_ch_query(bad, "SELECT 1", NULL, NULL), DYAD_EDB);
	if (!strstr(dyad_ch_errmsg(bad), "ClickHouse at 127.0.0.1:") || !strstr(dyad_ch_errmsg(bad), "password"))
		fail_msg("message: %s", dyad_ch_errmsg(bad));
	dyad_ch_close(bad);
	/* not ClickHouse's HTTP port: nothing listens on the native port's neighbour 1 */
	assert_int_equal(dyad_ch_open(&bad, "clickhouse://127.0.0.1:1/x?cluster=dyad_test", &e), 0);
	assert_int_equal(dyad_ch_schema_create(bad), DYAD_EDB);
	assert_non_null(strstr(dyad_ch_errmsg(bad), "cannot reach the server"));
	dyad_ch_close(bad);
	dyad_ch_close(c);
}

/* A document row (TSV, the columns of DOC_COLS) and two events of it, one dated `date`. */
#define DOC_COLS                                                                                                   \
	"(doc_id, batch, content_hash, simhash, path, record, url, title, date, time, outlet, dateline, language," \
	" author, body, furniture, dyad_version)"
#define EV_COLS                                                                                               \
	"(doc_id, batch, n, source, source_person, target, target_person, source_actor, target_actor, cameo," \
	" root, cameo_name, quad, goldstein, type, reciprocal, modality, date, sentence, `start`, `end`,"     \
	" evidence, location_lat)"

/* The batch put_doc and put_event write. */
static uint64_t batch = 1;

static void put_doc(dyad_buf *b, uint64_t id, const char *title, const char *date, const char *body)
{
	int32_t d;

	assert_int_equal(dyad_ch_date_int(date, &d), 0);
	dyad_buf_printf(b, "%llu\t%llu\t%llu\t0\t", (unsigned long long)id, (unsigned long long)batch,
			(unsigned long long)(id * 7));
	dyad_ch_tsv_cstr(b, "pages/a.html");
	dyad_buf_puts(b, "\t\\N\t\\N\t");
	dyad_ch_tsv_cstr(b, title);
	dyad_buf_printf(b, "\t%d\t\\N\t", d);
	dyad_ch_tsv_cstr(b, "Outlet");
	dyad_buf_puts(b, "\t\\N\t");
	dyad_ch_tsv_cstr(b, "ru");
	dyad_buf_puts(b, "\t\\N\t");
	dyad_ch_tsv_str(b, dyad_str_c(body));
	dyad_buf_puts(b, "\t\\N\t0.2.0+data.test\n");
}

static void put_event(dyad_buf *b, uint64_t doc, int n, const char *src, const char *tgt, const char *date,
		      const char *evidence)
{
	int32_t d;

	assert_int_equal(dyad_ch_date_int(date, &d), 0);
	dyad_buf_printf(b, "%llu\t%llu\t%d\t", (unsigned long long)doc, (unsigned long long)batch, n);
	dyad_ch_tsv_cstr(b, src);
	dyad_buf_puts(b, "\t\\N\t");
	dyad_ch_tsv_cstr(b, tgt);
	dyad_buf_printf(b, "\t\\N\t%s\t%s\t042\t04\tMake a visit\t1\t1.9\tCONSULT\t0\tdone\t%d\t0\t0\t10\t", src, tgt, d);
	dyad_ch_tsv_str(b, dyad_str_c(evidence));
	dyad_buf_puts(b, "\t\\N\n");
}

static int same_row(void *ctx, dyad_str row)
{
	dyad_buf *all = ctx;

	dyad_buf_putstr(all, row);
	dyad_buf_putc(all, '\n');
	return 0;
}

static void the_schema_goes_on_every_shard(void **state)
{
	static const char body[] = "Line one\twith a tab.\nLine two: \"quotes\", 'apostrophes', back\\slash — "
				   "Москва и Минск.";
	dyad_ch *c = live(NULL), *s0, *s1;
	dyad_buf rows = DYAD_BUF_INIT, all = DYAD_BUF_INIT, field = DYAD_BUF_INIT;
	dyad_str line;
	uint64_t id;

	(void)state;
	fresh(c);
	assert_int_equal(dyad_ch_schema_create(c), 0);
	/* again: the schema is there at this version, nothing changes */
	assert_int_equal(dyad_ch_schema_create(c), 0);
	s0 = shard(c, 0);
	s1 = shard(c, 1);
	assert_int_equal(number(s0, "SELECT count() FROM dyad_test.dyad_schema"), 1);
	assert_int_equal(number(s1, "SELECT count() FROM dyad_test.dyad_schema"), 1);
	assert_int_equal(number(s1, "SELECT max(version) FROM dyad_test.dyad_schema"), dyad_ch_schema_version());
	assert_int_equal(number(s1, "SELECT count() FROM system.tables WHERE database = 'dyad_test' AND engine = "
				    "'Distributed'"),
			 8);
	assert_int_equal(number(s0, "SELECT count() FROM system.tables WHERE database = 'dyad_test' AND name LIKE "
				    "'%_local'"),
			 8);

	/* six documents through the Distributed table: each lands whole on the shard of its doc_id */
	for (id = 1001; id <= 1006; id++)
		put_doc(&rows, id, id == 1001 ? "Визит в Минск" : "A visit", id == 1002 ? "1945-05-09" : "2150-01-01",
			body);
	assert_int_equal(dyad_ch_insert(c, "INSERT INTO documents " DOC_COLS " FORMAT TabSeparated",
					(dyad_str){ rows.p, rows.n }),
			 0);
	dyad_buf_clear(&rows);
	put_event(&rows, 1001, 0, "RUS", "BLR", "1945-05-09", body);
	put_event(&rows, 1002, 0, "RUS", "BLR", "1945-05-09", "The same visit, told again.");
	put_event(&rows, 1003, 0, "KAZ", "CHN", "-0044-03-15", "Ides.");
	put_event(&rows, 1004, 1, "KAZ", "CHN", "2150-01-01", "Far ahead.");
	assert_int_equal(
		dyad_ch_insert(c, "INSERT INTO events " EV_COLS " FORMAT TabSeparated", (dyad_str){ rows.p, rows.n }), 0);
	/* synchronous: every row is on its shard when the insert returns */
	assert_int_equal(number(c, "SELECT count() FROM documents"), 6);
	assert_int_equal(number(s0, "SELECT count() FROM dyad_test.documents_local"), 3);
	assert_int_equal(number(s1, "SELECT count() FROM dyad_test.documents_local"), 3);
	assert_int_equal(number(s0, "SELECT count() FROM dyad_test.events_local WHERE doc_id % 2 = 1"), 0);
	assert_int_equal(number(s1, "SELECT count() FROM dyad_test.events_local WHERE doc_id % 2 = 0"), 0);
	/* two reports of one event: two rows, one event */
	assert_int_equal(number(c, "SELECT count() FROM events WHERE source_actor = 'RUS'"), 2);
	assert_int_equal(number(c, "SELECT uniqExact(event_key) FROM events WHERE source_actor = 'RUS'"), 1);
	assert_int_equal(number(c, "SELECT uniqExact(event_key) FROM events"), 3);
	/* dates before 1970 and after 2106 come back as they went in, and order */
	assert_int_equal(dyad_ch_query(c, "SELECT date FROM events ORDER BY date", same_row, &all), 0);
	assert_string_equal(all.p, "-440315\n19450509\n19450509\n21500101\n");
	/* text with tabs, newlines, quotes and Cyrillic, and NULLs, come back whole */
	dyad_buf_clear(&all);
	assert_int_equal(dyad_ch_query_line(c, "SELECT body, title, url, date FROM documents WHERE doc_id = 1001", &all),
			 0);
	line = (dyad_str){ all.p, all.n };
	assert_int_equal(dyad_ch_tsv_field(&line, &field), 1);
	assert_string_equal(field.p, body);
	assert_int_equal(dyad_ch_tsv_field(&line, &field), 1);
	assert_string_equal(field.p, "Визит в Минск");
	assert_int_equal(dyad_ch_tsv_field(&line, &field), 2);
	assert_int_equal(dyad_ch_tsv_field(&line, &field), 1);
	assert_string_equal(field.p, "21500101");
	/* JSONEachRow streams too, a row a line */
	dyad_buf_clear(&all);
	assert_int_equal(dyad_ch_query(c, "SELECT doc_id, evidence FROM events WHERE doc_id = 1003 FORMAT JSONEachRow",
				       same_row, &all),
			 0);
	assert_string_equal(all.p, "{\"doc_id\":\"1003\",\"evidence\":\"Ides.\"}\n");
	dyad_ch_close(s0);
	dyad_ch_close(s1);
	dyad_buf_free(&rows);
	dyad_buf_free(&all);
	dyad_buf_free(&field);
	dyad_ch_close(c);
}

static void foreign_and_newer_tables_are_refused(void **state)
{
	dyad_ch *c = live(NULL), *f, *s1;
	const char *url = getenv("DYAD_CLICKHOUSE_URL");
	char other[256];
	const char *db = strstr(url, "/dyad_test");

	(void)state;
	fresh(c);
	/* a database where another program made an `events` table, on shard 2 only */
	assert_non_null(db);
	snprintf(other, sizeof other, "%.*s/dyad_foreign%s", (int)(db - url), url, db + strlen("/dyad_test"));
	f = live(other);
	s1 = shard(f, 1);
	must(s1, "CREATE DATABASE dyad_foreign");
	must(s1, "CREATE TABLE dyad_foreign.events (x UInt8) ENGINE = TinyLog");
	assert_int_equal(dyad_ch_schema_create(f), DYAD_EDB);
	if (!strstr(dyad_ch_errmsg(f), "ClickHouse at 127.0.0.2:") ||
	    !strstr(dyad_ch_errmsg(f), "has a table 'events' that dyad did not make"))
		fail_msg("message: %s", dyad_ch_errmsg(f));
	/* refused before anything was written: shard 1 has no table either */
	dyad_ch_close(s1);
	s1 = shard(f, 0);
	assert_int_equal(number(s1, "SELECT count() FROM system.tables WHERE database = 'dyad_foreign'"), 0);
	dyad_ch_close(s1);
	dyad_ch_close(f);

	/* a schema a newer dyad made */
	snprintf(other, sizeof other, "%.*s/dyad_newer%s", (int)(db - url), url, db + strlen("/dyad_test"));
	f = live(other);
	assert_int_equal(dyad_ch_schema_create(f), 0);
	s1 = shard(f, 1);
	must(s1, "INSERT INTO dyad_newer.dyad_schema (version) VALUES (99)");
	assert_int_equal(dyad_ch_schema_create(f), DYAD_EDB);
	if (!strstr(dyad_ch_errmsg(f), "made by a newer dyad (schema 99") ||
	    !strstr(dyad_ch_errmsg(f), "use a newer dyad"))
		fail_msg("message: %s", dyad_ch_errmsg(f));
	dyad_ch_close(s1);
	dyad_ch_close(f);

	/* a cluster the server does not know */
	snprintf(other, sizeof other, "%.*s/dyad_test?cluster=nowhere", (int)(db - url), url);
	f = live(other);
	assert_int_equal(dyad_ch_schema_create(f), DYAD_EDB);
	if (!strstr(dyad_ch_errmsg(f), "no cluster 'nowhere'"))
		fail_msg("message: %s", dyad_ch_errmsg(f));
	dyad_ch_close(f);
	dyad_ch_close(c);
}

/* Insert `rows` (TSV) into `table` with its columns `cols`, emptying `rows`. */
static void insert(dyad_ch *c, const char *table_cols, dyad_buf *rows)
{
	char sql[512];

	snprintf(sql, sizeof sql, "INSERT INTO %s FORMAT TabSeparated", table_cols);
	if (dyad_ch_insert(c, sql, (dyad_str){ rows->p, rows->n }) != 0)
		fail_msg("%s", dyad_ch_errmsg(c));
	dyad_buf_clear(rows);
}

static void a_killed_ingest_is_undone(void **state)
{
	dyad_ch *c = live(NULL);
	dyad_buf rows = DYAD_BUF_INIT;
	uint64_t next;
	size_t undone = 99;
	const uint64_t replaced[] = { 2001 };

	(void)state;
	fresh(c);
	assert_int_equal(dyad_ch_schema_create(c), 0);
	assert_int_equal(dyad_ch_batch_next(c, &next), 0);
	assert_int_equal(next, 1);
	/* batch 1: whole, its documents' rows last, then 'done' */
	batch = 1;
	assert_int_equal(dyad_ch_batch_begin(c, batch, 2), 0);
	put_event(&rows, 2001, 0, "RUS", "BLR", "2020-01-02", "One.");
	put_event(&rows, 2002, 0, "KAZ", "CHN", "2020-01-03", "Two.");
	insert(c, "events " EV_COLS, &rows);
	put_doc(&rows, 2001, "One", "2020-01-02", "One.");
	put_doc(&rows, 2002, "Two", "2020-01-03", "Two.");
	insert(c, "documents " DOC_COLS, &rows);
	assert_int_equal(dyad_ch_batch_end(c, batch), 0);
	/* batch 2, killed after its events and one of its two documents' rows, on both shards */
	assert_int_equal(dyad_ch_batch_next(c, &batch), 0);
	assert_int_equal(batch, 2);
	assert_int_equal(dyad_ch_batch_begin(c, batch, 2), 0);
	put_event(&rows, 2003, 0, "RUS", "CHN", "2020-01-04", "Three.");
	put_event(&rows, 2004, 0, "CHN", "RUS", "2020-01-05", "Four.");
	insert(c, "events " EV_COLS, &rows);
	put_doc(&rows, 2003, "Three", "2020-01-04", "Three.");
	insert(c, "documents " DOC_COLS, &rows);
	assert_int_equal(number(c, "SELECT count() FROM events"), 4);

	/* the next ingest first takes batch 2 away, everywhere, and records it */
	assert_int_equal(dyad_ch_batch_undo_unfinished(c, &undone), 0);
	assert_int_equal(undone, 1);
	assert_int_equal(number(c, "SELECT count() FROM events"), 2);
	assert_int_equal(number(c, "SELECT count() FROM documents"), 2);
	assert_int_equal(number(c, "SELECT count() FROM events WHERE batch = 2 OR doc_id IN (2003, 2004)"), 0);
	assert_int_equal(dyad_ch_batch_undo_unfinished(c, &undone), 0);
	assert_int_equal(undone, 0);
	assert_int_equal(number(c, "SELECT count() FROM dyad_batches WHERE batch = 2 AND state = 'undone'"), 1);

	/* a document stored by another dyad: its rows go before the new ones come */
	assert_int_equal(dyad_ch_docs_delete(c, replaced, 1), 0);
	assert_int_equal(number(c, "SELECT count() FROM documents WHERE doc_id = 2001"), 0);
	assert_int_equal(number(c, "SELECT count() FROM events WHERE doc_id = 2001"), 0);
	assert_int_equal(number(c, "SELECT count() FROM events WHERE doc_id = 2002"), 1);
	batch = 3;
	put_event(&rows, 2001, 0, "RUS", "BLR", "2020-01-02", "One, coded again.");
	insert(c, "events " EV_COLS, &rows);
	assert_int_equal(number(c, "SELECT count() FROM events WHERE doc_id = 2001 AND evidence = 'One, coded again.'"),
			 1);
	assert_int_equal(number(c, "SELECT count() FROM events"), 2);
	batch = 1;
	dyad_buf_free(&rows);
	dyad_ch_close(c);
}

/* A document for the writer: `id`, its fingerprint, made by dyad `version`. */
static dyad_store_doc writer_doc(uint64_t id, uint64_t simhash, const char *version, const char *body)
{
	dyad_store_doc d = { 0 };

	d.id = id;
	d.content_hash = id ^ 0xabcdef;
	d.simhash = simhash;
	d.path = "pages/x.html";
	d.title = "Визит";
	d.date = "1962-10-16";
	d.language = "ru";
	d.body = dyad_str_c(body);
	d.version = version;
	return d;
}

static dyad_store_event writer_event(size_t n, const char *cameo, int quad, const char *evidence)
{
	dyad_store_event ev = { 0 };

	ev.n = n;
	ev.source = (dyad_store_actor){ "RUSGOV", "RUS", NULL, "GOV", NULL, "Россия" };
	ev.target = (dyad_store_actor){ "BLR", "BLR", NULL, NULL, NULL, "Белоруссия" };
	ev.cameo = cameo;
	ev.cameo_name = "Make a visit";
	ev.quad = quad;
	ev.goldstein = 1.9;
	ev.type = "CONSULT";
	ev.modality = "done";
	ev.date = "1962-10-16";
	ev.evidence = dyad_str_c(evidence);
	ev.location_geonames = 625144;
	ev.location_has_coords = 1;
	ev.location_lat = 53.9;
	ev.location_lon = 27.5667;
	return ev;
}

static void the_writer_stores_each_document_once(void **state)
{
	static const char body[] = "Визиты премьер-министра в Минск продолжатся.";
	const uint64_t a = 0x1111, b = 0x2222, cdoc = 0x3333, d = 0x4444, sa = 0x0f0f0f0f12345678ULL;
	dyad_ch *c = live(NULL);
	dyad_ch_writer *w;
	dyad_store_doc doc;
	dyad_store_event ev;
	dyad_store_mention m = { 0, 0, 6, "country", { "BLR", "BLR", NULL, NULL, NULL, "Минск" }, { "Минск", 10 } };
	dyad_stemmer *st = dyad_stemmer_new();
	dyad_arena *ar = dyad_arena_new();
	dyad_buf q = DYAD_BUF_INIT;
	dyad_str stem, light;
	size_t undone = 9;
	int64_t row;

	(void)state;
	fresh(c);
	assert_int_equal(dyad_ch_writer_new(&w, c, &undone), 0);
	assert_int_equal(undone, 0);
	/* a, then b (a copy of a: one bit apart) and c in one batch */
	doc = writer_doc(a, sa, "v1", body);
	assert_int_equal(dyad_ch_writer_put_doc(w, &doc, &row), DYAD_STORE_NEW);
	assert_int_equal(row, (int64_t)a);
	assert_int_equal(dyad_ch_writer_put_sentence(w, row, 0, 0, 44, doc.body), 0);
	assert_int_equal(dyad_ch_writer_put_mention(w, row, &m), 0);
	ev = writer_event(0, "042", 1, body);
	assert_int_equal(dyad_ch_writer_put_event(w, row, &ev, "RUS", "BLR"), 0);
	doc = writer_doc(b, sa ^ 1, "v1", body);
	assert_int_equal(dyad_ch_writer_put_doc(w, &doc, &row), DYAD_STORE_NEW);
	assert_int_equal(dyad_ch_writer_put_event(w, row, &ev, "RUS", "BLR"), 0);
	doc = writer_doc(cdoc, ~sa, "v1", "Другой текст.");
	assert_int_equal(dyad_ch_writer_put_doc(w, &doc, &row), DYAD_STORE_NEW);
	ev = writer_event(0, "999", 0, "Без кода в кодексе.");
	ev.date = "2150-01-01";
	assert_int_equal(dyad_ch_writer_put_event(w, row, &ev, "RUS", "BLR"), 0);
	assert_int_equal(dyad_ch_writer_put_doc(w, &doc, &row), DYAD_STORE_SAME); /* twice in one batch */
	/* a bad date is refused with the document's name */
	ev.date = "1962-10";
	assert_int_equal(dyad_ch_writer_put_event(w, row, &ev, "RUS", "BLR"), DYAD_EDB);
	assert_non_null(strstr(dyad_ch_errmsg(c), "document 0000000000003333, event 0: its date '1962-10'"));
	assert_int_equal(dyad_ch_writer_put_actor(w, "BLR", "country", "Belarus", "Белоруссия"), 0);
	assert_int_equal(dyad_ch_writer_put_actor_name(w, "Белоруссия", "белоруссия", "country", "BLR", NULL), 0);
	assert_int_equal(dyad_ch_writer_commit(w), 0);
	dyad_ch_writer_free(w);

	assert_int_equal(number(c, "SELECT count() FROM documents"), 3);
	assert_int_equal(number(c, "SELECT syndicated_of FROM documents WHERE doc_id = 8738"), (long long)a);
	assert_int_equal(number(c, "SELECT syndicated_of FROM documents WHERE doc_id = 4369"), 0);
	assert_int_equal(number(c, "SELECT count() FROM events WHERE goldstein IS NULL AND quad IS NULL"), 1);
	assert_int_equal(number(c, "SELECT count() FROM events WHERE date_source = 'sentence' AND location_geonames = "
				   "625144 AND source_actor = 'RUS' AND source_role = 'GOV' AND source_igo IS NULL"),
			 3);
	assert_int_equal(number(c, "SELECT uniqExact(event_key) FROM events"), 2);
	assert_int_equal(number(c, "SELECT count() FROM mentions WHERE text = 'Минск'"), 1);
	assert_int_equal(number(c, "SELECT count() FROM dyad_batches WHERE state = 'done'"), 1);
	/* "визит" finds "Визиты" through the stems dyad wrote, as FTS5 would on SQLite */
	stem = dyad_stem(st, ar, dyad_str_c("визит"));
	light = dyad_stem_light(st, ar, dyad_str_c("визит"));
	dyad_buf_puts(&q, "SELECT count() FROM sentences WHERE hasAny(stems, [");
	dyad_ch_sql_str(&q, stem);
	dyad_buf_putc(&q, ',');
	dyad_ch_sql_str(&q, light);
	dyad_buf_puts(&q, "]) AND has(stems, ");
	dyad_ch_sql_str(&q, dyad_stem(st, ar, dyad_str_c("министра")));
	dyad_buf_putc(&q, ')');
	assert_int_equal(number(c, q.p), 1);

	/* again: a is the same, c comes from another dyad and is replaced; d copies c */
	assert_int_equal(dyad_ch_writer_new(&w, c, &undone), 0);
	doc = writer_doc(a, sa, "v1", body);
	assert_int_equal(dyad_ch_writer_put_doc(w, &doc, &row), DYAD_STORE_SAME);
	doc = writer_doc(cdoc, ~sa, "v2", "Другой текст.");
	assert_int_equal(dyad_ch_writer_put_doc(w, &doc, &row), DYAD_STORE_REPLACED);
	ev = writer_event(0, "043", 1, "Recoded.");
	assert_int_equal(dyad_ch_writer_put_event(w, row, &ev, "RUS", "BLR"), 0);
	assert_int_equal(dyad_ch_writer_put_event(w, row, &ev, "RUS", "BLR"), 0);
	doc = writer_doc(d, ~sa ^ 4, "v2", "Другой текст!");
	assert_int_equal(dyad_ch_writer_put_doc(w, &doc, &row), DYAD_STORE_NEW);
	assert_int_equal(dyad_ch_writer_commit(w), 0);
	dyad_ch_writer_free(w);
	assert_int_equal(number(c, "SELECT count() FROM documents"), 4);
	assert_int_equal(number(c, "SELECT count() FROM documents WHERE doc_id = 13107 AND dyad_version = 'v2'"), 1);
	assert_int_equal(number(c, "SELECT count() FROM events WHERE doc_id = 13107"), 2);
	assert_int_equal(number(c, "SELECT count() FROM events WHERE doc_id = 13107 AND cameo = '999'"), 0);
	assert_int_equal(number(c, "SELECT count() FROM events"), 4);
	assert_int_equal(number(c, "SELECT syndicated_of FROM documents WHERE doc_id = 17476"), (long long)cdoc);
	assert_int_equal(number(c, "SELECT count() FROM simhash_bands WHERE doc_id = 13107"), 4);
	dyad_stemmer_free(st);
	dyad_arena_free(ar);
	dyad_buf_free(&q);
	dyad_ch_close(c);
}

static void a_failed_commit_is_sent_again_whole(void **state)
{
	dyad_ch *c = live(NULL), *s1;
	dyad_ch_writer *w;
	dyad_store_doc doc;
	dyad_store_event ev = writer_event(0, "042", 1, "Evidence.");
	dyad_store_mention m = { 0, 0, 6, "country", { "BLR", "BLR", NULL, NULL, NULL, "Минск" }, { "Минск", 10 } };
	size_t undone;
	int64_t row;
	uint64_t id;

	(void)state;
	fresh(c);
	assert_int_equal(dyad_ch_writer_new(&w, c, &undone), 0);
	for (id = 0x10; id <= 0x11; id++) { /* one document on each shard */
		doc = writer_doc(id, 0, "v1", "Текст.");
		assert_int_equal(dyad_ch_writer_put_doc(w, &doc, &row), DYAD_STORE_NEW);
		assert_int_equal(dyad_ch_writer_put_event(w, row, &ev, "RUS", "BLR"), 0);
		assert_int_equal(dyad_ch_writer_put_mention(w, row, &m), 0);
	}
	/* shard 2 loses its mentions table: the events went in, the mentions do not */
	s1 = shard(c, 1);
	must(s1, "DROP TABLE dyad_test.mentions_local");
	assert_int_equal(dyad_ch_writer_commit(w), DYAD_EDB);
	if (!strstr(dyad_ch_errmsg(c), "ClickHouse at 127.0.0.1:") || !strstr(dyad_ch_errmsg(c), "mentions_local"))
		fail_msg("message: %s", dyad_ch_errmsg(c));
	assert_int_equal(number(c, "SELECT count() FROM events"), 2);
	assert_int_equal(number(c, "SELECT count() FROM documents"), 0);
	/* the schema made again puts the table back; the batch is sent again, once */
	assert_int_equal(dyad_ch_schema_create(c), 0);
	assert_int_equal(dyad_ch_writer_commit(w), 0);
	assert_int_equal(number(c, "SELECT count() FROM events"), 2);
	assert_int_equal(number(c, "SELECT count() FROM mentions"), 2);
	assert_int_equal(number(c, "SELECT count() FROM documents"), 2);
	assert_int_equal(number(c, "SELECT countIf(state = 'done') FROM dyad_batches"), 1);
	dyad_ch_writer_free(w);
	/* and a new writer finds nothing to undo */
	assert_int_equal(dyad_ch_writer_new(&w, c, &undone), 0);
	assert_int_equal(undone, 0);
	dyad_ch_writer_free(w);
	dyad_ch_close(s1);
	dyad_ch_close(c);
}

/*
 * A shard's server stops in the middle of an ingest: the commit fails naming
 * the shard, the writer gives up (dyad exits), the server comes back, and the
 * next writer undoes whatever the batch left, so that ingesting again stores
 * each document once. (A batch cut between its inserts is undone in
 * a_killed_ingest_is_undone.)
 */
static void a_server_stopped_midway_loses_nothing(void **state)
{
	const char *restart = getenv("DYAD_CLICKHOUSE_RESTART");
	dyad_ch *c = live(NULL), *s1;
	dyad_ch_writer *w;
	dyad_store_doc doc;
	dyad_store_event ev = writer_event(0, "042", 1, "Evidence.");
	size_t undone, round;
	int64_t row;
	uint64_t id;
	char cmd[512];
	struct timespec pause = { 0, 100000000L }; /* 0.1 s */
	int i;

	(void)state;
	if (!restart) {
		print_message("no DYAD_CLICKHOUSE_RESTART: the cluster script restarts a stopped shard\n");
		dyad_ch_close(c);
		skip();
	}
	fresh(c);
	for (round = 0; round < 2; round++) {
		assert_int_equal(dyad_ch_writer_new(&w, c, &undone), 0);
		/* the second writer undoes what the first left of its batch, if anything */
		assert_true(undone <= round);
		for (id = 0x20; id <= 0x25; id++) {
			doc = writer_doc(id, 0, "v1", "Текст.");
			assert_int_equal(dyad_ch_writer_put_doc(w, &doc, &row), DYAD_STORE_NEW);
			assert_int_equal(dyad_ch_writer_put_event(w, row, &ev, "RUS", "BLR"), 0);
		}
		if (round == 0) {
			/* shard 2 shuts down (its answer may not come back) and stays down for the commit */
			s1 = shard(c, 1);
			dyad_ch_query_server(s1, "SYSTEM SHUTDOWN", NULL, NULL);
			for (i = 0; i < 300 && dyad_ch_query_server(s1, "SELECT 1", NULL, NULL) == 0; i++)
				nanosleep(&pause, NULL);
			assert_true(i < 300);
			dyad_ch_close(s1);
			assert_int_equal(dyad_ch_writer_commit(w), DYAD_EDB);
			if (!strstr(dyad_ch_errmsg(c), "ClickHouse at 127.0.0.1:") ||
			    !strstr(dyad_ch_errmsg(c), "127.0.0.2"))
				fail_msg("message: %s", dyad_ch_errmsg(c));
			dyad_ch_writer_free(w); /* dyad gives up here, exit 1 */
			snprintf(cmd, sizeof cmd, "%s 2", restart);
			assert_int_equal(system(cmd), 0);
			/* ClickHouse 18 refuses a synchronous Distributed insert while a shard is down: at
			   most shard 1's rows went in, and no batch was recorded done */
			assert_true(number(c, "SELECT count() FROM events") <= 3);
			assert_int_equal(number(c, "SELECT countIf(state = 'done') FROM dyad_batches"), 0);
			continue;
		}
		assert_int_equal(dyad_ch_writer_commit(w), 0);
		dyad_ch_writer_free(w);
	}
	assert_int_equal(number(c, "SELECT count() FROM events"), 6);
	assert_int_equal(number(c, "SELECT count() FROM documents"), 6);
	assert_int_equal(number(c, "SELECT uniqExact(doc_id) FROM events"), 6);
	dyad_ch_close(c);
}

/* Column `i` of the row, or NULL. */
static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static dyad_str col_str(sqlite3_stmt *st, int i)
{
	const char *p = col(st, i);

	return (dyad_str){ p ? p : "", p ? (size_t)sqlite3_column_bytes(st, i) : 0 };
}

static dyad_store_actor col_actor(sqlite3_stmt *st, int i)
{
	return (dyad_store_actor){ col(st, i),     col(st, i + 1), col(st, i + 2),
				   col(st, i + 3), col(st, i + 4), col(st, i + 5) };
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	return st;
}

/* The lines `sql` gives on SQLite, tab-separated, in `out`. */
static void sqlite_lines(sqlite3 *db, const char *sql, dyad_buf *out)
{
	sqlite3_stmt *st = prepare(db, sql);
	int i;

	dyad_buf_clear(out);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(st); i++)
			dyad_buf_printf(out, "%s%s", i ? "\t" : "", col(st, i) ? col(st, i) : "\\N");
		dyad_buf_putc(out, '\n');
	}
	sqlite3_finalize(st);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Commit, adding the time it took to *secs. */
static void commit_timed(dyad_ch *c, dyad_ch_writer *w, double *secs, size_t *n)
{
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (dyad_ch_writer_commit(w) != 0)
		fail_msg("%s", dyad_ch_errmsg(c));
	*secs += seconds_since(&t0);
	++*n;
}

/* Look ahead at the next 16 documents of SQLite's, from the `from`th, as an ingest would at a window. */
static void look_ahead(dyad_ch *c, dyad_ch_writer *w, sqlite3_stmt *next, size_t from)
{
	dyad_store_doc docs[16];
	char versions[16][80];
	size_t n = 0;

	sqlite3_bind_int64(next, 1, (sqlite3_int64)from);
	while (n < 16 && sqlite3_step(next) == SQLITE_ROW) {
		memset(&docs[n], 0, sizeof docs[n]);
		docs[n].id = strtoull(col(next, 0), NULL, 16);
		docs[n].content_hash = strtoull(col(next, 1), NULL, 16);
		docs[n].simhash = (uint64_t)sqlite3_column_int64(next, 2);
		snprintf(versions[n], sizeof versions[n], "%s", col(next, 3));
		docs[n].version = versions[n];
		n++;
	}
	sqlite3_reset(next);
	if (dyad_ch_writer_look_ahead(w, docs, n) != 0)
		fail_msg("%s", dyad_ch_errmsg(c));
}

/*
 * `rows` with each number written as 16 hex digits (the form of doc_id in
 * SQLite and in `dyad search`), the lines joined by `sep`.
 */
static void hex_fields(const char *rows, const char *sep, dyad_buf *out)
{
	const char *p = rows ? rows : "";
	char *end;

	dyad_buf_clear(out);
	dyad_buf_puts(out, "");
	while (*p) {
		unsigned long long v = strtoull(p, &end, 10);

		dyad_buf_printf(out, "%016llx", v);
		p = end;
		if (*p == '\t')
			dyad_buf_putc(out, *p++);
		else if (*p == '\n' && *++p)
			dyad_buf_puts(out, sep);
	}
}

/*
 * The searches of DYAD_CLICKHOUSE_SEARCH ("words\tdocument ids", what `dyad
 * search` found on SQLite) find the same documents through sentences.stems.
 */
static void searches_find_the_same_documents(dyad_ch *c)
{
	const char *path = getenv("DYAD_CLICKHOUSE_SEARCH");
	dyad_buf file = DYAD_BUF_INIT, q = DYAD_BUF_INIT, rows = DYAD_BUF_INIT, got = DYAD_BUF_INIT;
	dyad_stemmer *st = dyad_stemmer_new();
	dyad_arena *ar = dyad_arena_new();
	dyad_errbuf e;
	char *line, *tab, *save = NULL;
	size_t searches = 0;

	if (!path)
		return;
	if (dyad_read_file(&file, path, 0, &e) != 0)
		fail_msg("%s", e.msg);
	for (line = strtok_r(file.p, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		tab = strchr(line, '\t');
		assert_non_null(tab);
		*tab = '\0';
		dyad_buf_clear(&q);
		dyad_buf_puts(&q, "SELECT DISTINCT doc_id FROM sentences WHERE ");
		assert_true(dyad_ch_search_where(st, ar, &q, line) > 0);
		dyad_buf_puts(&q, " ORDER BY doc_id");
		dyad_arena_reset(ar);
		dyad_buf_clear(&rows);
		assert_int_equal(dyad_ch_query(c, q.p, same_row, &rows), 0);
		hex_fields(rows.p, " ", &got);
		if (strcmp(got.p, tab + 1) != 0)
			fail_msg("search '%s': ClickHouse finds [%s], SQLite [%s]", line, got.p, tab + 1);
		searches++;
	}
	assert_true(searches >= 5);
	dyad_stemmer_free(st);
	dyad_arena_free(ar);
	dyad_buf_free(&file);
	dyad_buf_free(&q);
	dyad_buf_free(&rows);
	dyad_buf_free(&got);
}

/*
 * A knowledge base dyad ingested into SQLite (DYAD_CLICKHOUSE_SQLITE, made by
 * the cluster script from examples/news) written through dyad_ch_writer in
 * batches of 16 documents, each looked ahead at first: ClickHouse then counts the same documents, reports,
 * events (uniqExact(event_key) against mention_of IS NULL), events per dyad
 * and syndicated copies as SQLite does.
 */
static void an_sqlite_store_counts_the_same_on_the_cluster(void **state)
{
	const char *path = getenv("DYAD_CLICKHOUSE_SQLITE");
	dyad_ch *c = live(NULL);
	dyad_ch_writer *w;
	sqlite3 *db;
	sqlite3_stmt *docs, *sents, *ments, *evs, *next;
	dyad_buf a = DYAD_BUF_INIT, b = DYAD_BUF_INIT, search = DYAD_BUF_INIT;
	size_t undone, ndocs = 0, commits = 0;
	struct timespec t0;
	double secs, commit_secs = 0;

	(void)state;
	if (!path) {
		print_message("no DYAD_CLICKHOUSE_SQLITE: the cluster script ingests examples/news for this\n");
		dyad_ch_close(c);
		skip();
	}
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	fresh(c);
	assert_int_equal(dyad_ch_writer_new(&w, c, &undone), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	docs = prepare(db, "SELECT id, doc_id, content_hash, simhash, path, record, url, title, date, time, outlet,"
			   " dateline, language, author, body, dyad_version, furniture FROM documents ORDER BY id");
	sents = prepare(db, "SELECT n, start, end, text FROM sentences WHERE doc = ?1 ORDER BY n");
	ments = prepare(db, "SELECT sentence, start, end, kind, code, country, igo, role, person, name, text"
			    " FROM mentions WHERE doc = ?1 ORDER BY id");
	evs = prepare(db, "SELECT n, source, source_country, source_igo, source_role, source_person, source_name,"
			  " target, target_country, target_igo, target_role, target_person, target_name, source_actor,"
			  " target_actor, cameo, cameo_name, quad, goldstein, type, mode, reciprocal, modality, date,"
			  " date_source, location, sentence, start, end, evidence, rules, location_country,"
			  " location_geonames, location_lat, location_lon FROM events WHERE doc = ?1 ORDER BY n");
	next = prepare(db, "SELECT doc_id, content_hash, simhash, dyad_version FROM documents ORDER BY id"
			   " LIMIT 16 OFFSET ?1");
	while (sqlite3_step(docs) == SQLITE_ROW) {
		dyad_store_doc d = { 0 };
		int64_t row;

		if (ndocs % 16 == 0)
			look_ahead(c, w, next, ndocs);
		d.id = strtoull(col(docs, 1), NULL, 16);
		d.content_hash = strtoull(col(docs, 2), NULL, 16);
		d.simhash = (uint64_t)sqlite3_column_int64(docs, 3);
		d.path = col(docs, 4);
		d.record = col(docs, 5);
		d.url = col(docs, 6);
		d.title = col(docs, 7);
		d.date = col(docs, 8);
		d.time = col(docs, 9);
		d.outlet = col(docs, 10);
		d.dateline = col(docs, 11);
		d.language = col(docs, 12);
		d.author = col(docs, 13);
		d.body = col_str(docs, 14);
		d.version = col(docs, 15);
		d.furniture = col(docs, 16);
		if (dyad_ch_writer_put_doc(w, &d, &row) != DYAD_STORE_NEW)
			fail_msg("document %s: %s", col(docs, 1), dyad_ch_errmsg(c));
		sqlite3_bind_int64(sents, 1, sqlite3_column_int64(docs, 0));
		while (sqlite3_step(sents) == SQLITE_ROW)
			assert_int_equal(dyad_ch_writer_put_sentence(w, row, (size_t)sqlite3_column_int64(sents, 0),
								     (size_t)sqlite3_column_int64(sents, 1),
								     (size_t)sqlite3_column_int64(sents, 2),
								     col_str(sents, 3)),
					 0);
		sqlite3_reset(sents);
		sqlite3_bind_int64(ments, 1, sqlite3_column_int64(docs, 0));
		while (sqlite3_step(ments) == SQLITE_ROW) {
			dyad_store_mention m = { (size_t)sqlite3_column_int64(ments, 0),
						 (size_t)sqlite3_column_int64(ments, 1),
						 (size_t)sqlite3_column_int64(ments, 2),
						 col(ments, 3),
						 col_actor(ments, 4),
						 col_str(ments, 10) };

			assert_int_equal(dyad_ch_writer_put_mention(w, row, &m), 0);
		}
		sqlite3_reset(ments);
		sqlite3_bind_int64(evs, 1, sqlite3_column_int64(docs, 0));
		while (sqlite3_step(evs) == SQLITE_ROW) {
			dyad_store_event ev = { 0 };

			ev.n = (size_t)sqlite3_column_int64(evs, 0);
			ev.source = col_actor(evs, 1);
			ev.target = col_actor(evs, 7);
			ev.cameo = col(evs, 15);
			ev.cameo_name = col(evs, 16);
			ev.quad = sqlite3_column_int(evs, 17);
			ev.goldstein = sqlite3_column_double(evs, 18);
			ev.type = col(evs, 19);
			ev.mode = col(evs, 20);
			ev.reciprocal = sqlite3_column_int(evs, 21);
			ev.modality = col(evs, 22);
			ev.date = col(evs, 23);
			ev.date_from_publication = col(evs, 24) && strcmp(col(evs, 24), "publication") == 0;
			ev.location = col(evs, 25);
			ev.sentence = (size_t)sqlite3_column_int64(evs, 26);
			ev.start = (size_t)sqlite3_column_int64(evs, 27);
			ev.end = (size_t)sqlite3_column_int64(evs, 28);
			ev.evidence = col_str(evs, 29);
			ev.rules = col(evs, 30);
			ev.location_country = col(evs, 31);
			ev.location_geonames = (uint32_t)sqlite3_column_int64(evs, 32);
			ev.location_has_coords = sqlite3_column_type(evs, 33) != SQLITE_NULL;
			ev.location_lat = sqlite3_column_double(evs, 33);
			ev.location_lon = sqlite3_column_double(evs, 34);
			if (dyad_ch_writer_put_event(w, row, &ev, col(evs, 13), col(evs, 14)) != 0)
				fail_msg("%s", dyad_ch_errmsg(c));
		}
		sqlite3_reset(evs);
		if (++ndocs % 16 == 0)
			commit_timed(c, w, &commit_secs, &commits);
	}
	if (ndocs % 16)
		commit_timed(c, w, &commit_secs, &commits);
	secs = seconds_since(&t0);
	printf("wrote %zu documents (%s) through dyad_ch_writer, 16 a batch looked ahead at, in %.2f s (%zu commits"
	       " of %.2f s each): %.0f documents/s\n",
	       ndocs, path, secs, commits, commit_secs / (double)commits, (double)ndocs / secs);
	sqlite3_finalize(docs);
	sqlite3_finalize(sents);
	sqlite3_finalize(ments);
	sqlite3_finalize(evs);
	sqlite3_finalize(next);
	assert_true(ndocs > 16);

	/* the same counts */
	sqlite_lines(db,
		     "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),"
		     " (SELECT count(*) FROM mentions), (SELECT count(*) FROM events),"
		     " (SELECT count(*) FROM events WHERE mention_of IS NULL),"
		     " (SELECT count(*) FROM documents WHERE syndicated_of IS NOT NULL)",
		     &a);
	dyad_buf_clear(&b);
	assert_int_equal(dyad_ch_query(c,
				       "SELECT (SELECT count() FROM documents), (SELECT count() FROM sentences),"
				       " (SELECT count() FROM mentions), (SELECT count() FROM events),"
				       " (SELECT uniqExact(event_key) FROM events),"
				       " (SELECT count() FROM documents WHERE syndicated_of != 0)",
				       same_row, &b),
			 0);
	assert_string_equal(b.p, a.p);
	/* events and reports per dyad and year, the rows of a timeline */
	sqlite_lines(db,
		     "SELECT source_actor, target_actor, substr(date, 1, 4), sum(mention_of IS NULL), count(*)"
		     " FROM events WHERE date IS NOT NULL AND date <> '' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
		     &a);
	dyad_buf_clear(&b);
	assert_int_equal(dyad_ch_query(c,
				       "SELECT source_actor, target_actor, toString(intDiv(date, 10000)),"
				       " uniqExact(event_key), count() FROM events WHERE date != 0"
				       " GROUP BY source_actor, target_actor, intDiv(date, 10000)"
				       " ORDER BY source_actor, target_actor, intDiv(date, 10000)",
				       same_row, &b),
			 0);
	assert_string_equal(b.p, a.p);
	/* the copies point at the same originals */
	sqlite_lines(db,
		     "SELECT d.doc_id, o.doc_id FROM documents d JOIN documents o ON o.id = d.syndicated_of"
		     " ORDER BY 1",
		     &a);
	dyad_buf_clear(&b);
	assert_int_equal(dyad_ch_query(c, "SELECT doc_id, syndicated_of FROM documents WHERE syndicated_of != 0 ORDER BY 1",
				       same_row, &b),
			 0);
	hex_fields(b.p, "\n", &search);
	if (search.n)
		dyad_buf_putc(&search, '\n');
	assert_string_equal(search.p, a.p ? a.p : "");
	searches_find_the_same_documents(c);
	dyad_ch_writer_free(w);
	sqlite3_close(db);
	dyad_buf_free(&a);
	dyad_buf_free(&b);
	dyad_buf_free(&search);
	dyad_ch_close(c);
}

/* Event rows a second through the Distributed table, printed for bench/ to quote; asserts only that they land. */
static void inserts_are_measured(void **state)
{
	enum { BATCH = 20000, BATCHES = 10 };
	dyad_ch *c = live(NULL);
	dyad_buf rows = DYAD_BUF_INIT;
	struct timespec t0;
	double s;
	int b, i;
	char n[32];

	(void)state;
	fresh(c);
	if (dyad_ch_schema_create(c) != 0)
		fail_msg("%s", dyad_ch_errmsg(c));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (b = 0; b < BATCHES; b++) {
		dyad_buf_clear(&rows);
		for (i = 0; i < BATCH; i++) {
			snprintf(n, sizeof n, "%04d-%02d-%02d", 1990 + i % 30, 1 + i % 12, 1 + i % 28);
			put_event(&rows, (uint64_t)(b * BATCH + i) * 2654435761u, i % 5, i % 2 ? "RUS" : "KAZ",
				  i % 3 ? "BLR" : "CHN", n, "A sentence of some sixty characters, as evidence is.");
		}
		if (dyad_ch_insert(c, "INSERT INTO events " EV_COLS " FORMAT TabSeparated", (dyad_str){ rows.p, rows.n }))
			fail_msg("%s", dyad_ch_errmsg(c));
	}
	s = seconds_since(&t0);
	assert_int_equal(number(c, "SELECT count() FROM events"), BATCH * BATCHES);
	printf("inserted %d event rows through Distributed (%d per insert) in %.2f s: %.0f rows/s\n", BATCH * BATCHES,
	       BATCH, s, BATCH * BATCHES / s);
	dyad_buf_free(&rows);
	dyad_ch_close(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(urls_parse),
		cmocka_unit_test(bad_urls_are_named),
		cmocka_unit_test(values_survive_escaping),
		cmocka_unit_test(dates_are_int32),
		cmocka_unit_test(schema_is_sharded_by_document),
		cmocka_unit_test(an_unreachable_server_is_named),
		cmocka_unit_test(rows_stream_and_errors_are_named),
		cmocka_unit_test(the_schema_goes_on_every_shard),
		cmocka_unit_test(foreign_and_newer_tables_are_refused),
		cmocka_unit_test(a_killed_ingest_is_undone),
		cmocka_unit_test(the_writer_stores_each_document_once),
		cmocka_unit_test(a_failed_commit_is_sent_again_whole),
		cmocka_unit_test(a_server_stopped_midway_loses_nothing),
		cmocka_unit_test(an_sqlite_store_counts_the_same_on_the_cluster),
		cmocka_unit_test(inserts_are_measured),
	};
	return cmocka_run_group_tests_name("clickhouse", tests, NULL, NULL);
}
