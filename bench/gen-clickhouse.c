/*
 * gen-clickhouse.c — the knowledge base's queries on ClickHouse at scale: N
 * generated events (the shape of bench/gen-store.c's: documents of three
 * events, 60 actors with a few busy and most rare, 2000–2025, fourteen CAMEO
 * codes, one sentence per event) made by the servers themselves through the
 * Distributed tables, then the analyst's questions timed (median of five)
 * and the disk each event takes on the shards.
 * usage: gen-clickhouse URL EVENTS      (the URL's database is dropped and made again)
 * Prints "key value" lines: generate_s, events_per_s, bytes, bytes_per_event, and q_<name>_ms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/clickhouse.h"

static const char actors[] =
	"['RUS','KAZ','BLR','CHN','USA','UZB','KGZ','TJK','TKM','AZE','ARM','GEO','UKR','TUR','IRN','IND','PAK',"
	"'AFG','MNG','DEU','FRA','GBR','ITA','JPN','KOR','PRK','ISR','SAU','ARE','QAT','EGY','SYR','IRQ','POL','LTU',"
	"'LVA','EST','FIN','SWE','NOR','MDA','ROU','HUN','SRB','BRA','ARG','ZAF','NGA','ETH','VNM','THA','IDN','MYS',"
	"'IGOUNO','IGOEU','IGONATO','IGOSCO','IGOCIS','IGOCSTO','IGOEAEU']";
static const char cameos[] = "['040','042','043','036','051','057','061','073','112','130','111','163','166','190']";
static const char types[] = "['CONSULT','CONSULT','CONSULT','CONSULT','SUPPORT','AGREE','COOPERATE','AID','ACCUSE',"
			    "'THREATEN','REJECT','SANCTION','SANCTION','ASSAULT']";
static const char verbs[] = "['held talks with','made a visit to','hosted a delegation of','expressed intent to meet',"
			    "'praised cooperation with','signed an agreement with','expanded trade with',"
			    "'sent humanitarian aid to','accused','threatened','criticised','imposed sanctions on',"
			    "'expelled diplomats of','struck']";
static const char quads[] = "[1,1,1,1,1,1,2,2,3,3,3,4,4,4]";
static const char goldstein[] = "[1.0,1.9,2.8,4.0,3.4,8.0,6.4,7.4,-2.0,-4.4,-2.0,-8.0,-7.0,-10.0]";

/* An actor for event k, draw `salt`: a few busy, most rare (the cube of a uniform draw). */
/* (written into a printf format: %% is one %) */
#define ACTOR(salt) "arrayElement(a, 1 + toUInt32(floor(pow((cityHash64(k, " salt ") %% 1000000) / 1000000, 3) * 60)))"

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void must(dyad_ch *c, const char *sql)
{
	if (dyad_ch_query(c, sql, NULL, NULL) != 0) {
		fprintf(stderr, "gen-clickhouse: %s\n", dyad_ch_errmsg(c));
		exit(1);
	}
}

static int count_row(void *ctx, dyad_str row)
{
	(void)row;
	++*(long *)ctx;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of five runs of `sql`, in milliseconds. */
static double timed(dyad_ch *c, const char *sql)
{
	double t[5];
	long rows;
	int i;

	for (i = 0; i < 5; i++) {
		double t0 = now();

		rows = 0;
		if (dyad_ch_query(c, sql, count_row, &rows) != 0) {
			fprintf(stderr, "gen-clickhouse: %s\n", dyad_ch_errmsg(c));
			exit(1);
		}
		t[i] = (now() - t0) * 1000;
	}
	qsort(t, 5, sizeof *t, cmp_double);
	return t[2];
}

static int add_number(void *ctx, dyad_str row)
{
	*(double *)ctx += strtod(row.p, NULL);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name, *sql;
	} questions[] = {
		{ "timeline",
		  "SELECT intDiv(date, 100) AS month, source_actor, uniqExact(event_key), count(), avg(goldstein)"
		  " FROM events WHERE (source_actor, target_actor) IN (('RUS', 'KAZ'), ('KAZ', 'RUS'))"
		  " GROUP BY month, source_actor ORDER BY month" },
		{ "events_by_dyad", "SELECT doc_id, n, date, cameo, evidence FROM events WHERE source_actor = 'RUS'"
				    " AND target_actor = 'KAZ' ORDER BY date DESC, doc_id, n LIMIT 50" },
		{ "events_by_actor_type_date",
		  "SELECT doc_id, n, date, cameo, evidence FROM events WHERE source_actor = 'CHN' AND type = 'SANCTION'"
		  " AND date BETWEEN 20100101 AND 20151231 ORDER BY date DESC, doc_id, n LIMIT 50" },
		{ "profile", "SELECT target_actor, uniqExact(event_key) AS e, avg(goldstein) FROM events"
			     " WHERE source_actor = 'KAZ' GROUP BY target_actor ORDER BY e DESC LIMIT 20" },
		{ "network_2020", "SELECT source_actor, target_actor, uniqExact(event_key) AS e FROM events"
				  " WHERE date BETWEEN 20200101 AND 20201231 GROUP BY source_actor, target_actor"
				  " ORDER BY e DESC LIMIT 100" },
		{ "stats", "SELECT count(), uniqExact(event_key), min(date), max(date) FROM events" },
		{ "search", "SELECT doc_id, text FROM sentences WHERE has(stems, 'sanctions') AND has(stems, 'rus')"
			    " ORDER BY doc_id LIMIT 20" },
	};
	dyad_ch *c, **servers;
	dyad_errbuf e;
	dyad_buf q = DYAD_BUF_INIT, gen = DYAD_BUF_INIT;
	long events, chunk = 1000000, from;
	size_t n, i;
	double t0, secs, bytes = 0;

	if (argc != 3 || (events = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: gen-clickhouse URL EVENTS\n");
		return 2;
	}
	if (dyad_ch_open(&c, argv[1], &e) != 0) {
		fprintf(stderr, "gen-clickhouse: %s\n", e.msg);
		return 3;
	}
	if (dyad_ch_servers(c, &servers, &n) != 0) {
		fprintf(stderr, "gen-clickhouse: %s\n", dyad_ch_errmsg(c));
		return 3;
	}
	for (i = 0; i < n; i++) {
		dyad_buf_clear(&q);
		dyad_buf_printf(&q, "DROP DATABASE IF EXISTS %s", dyad_ch_url_of(c)->database);
		if (dyad_ch_query_server(servers[i], q.p, NULL, NULL) != 0) {
			fprintf(stderr, "gen-clickhouse: %s\n", dyad_ch_errmsg(servers[i]));
			return 3;
		}
	}
	if (dyad_ch_schema_create(c) != 0) {
		fprintf(stderr, "gen-clickhouse: %s\n", dyad_ch_errmsg(c));
		return 3;
	}
	t0 = now();
	for (from = 0; from < events; from += chunk) {
		long size = events - from < chunk ? events - from : chunk;

		/* the rows of events from..from+size: actors, CAMEO code, the document's date */
		dyad_buf_clear(&gen);
		dyad_buf_printf(
			&gen,
			"(SELECT k, a, cameos, verbs, quads, gs, types, " ACTOR(
				"1") " AS sa,"
				     " if(" ACTOR("2") " = sa, arrayElement(a, 1 + cityHash64(k, 3) %% 60), " ACTOR(
					     "2") ") AS ta,"
						  " 1 + cityHash64(k, 7) %% 14 AS ci, concat(sa, ' ', "
						  "arrayElement(verbs, ci), ' ', ta, '.') AS ev,"
						  " toInt32((2000 + cityHash64(intDiv(k, 3), 4) %% 26) * 10000 + (1 + "
						  "cityHash64(intDiv(k, 3),"
						  " 5) %% 12) * 100 + 1 + cityHash64(intDiv(k, 3), 6) %% 28) AS dt"
						  " FROM (SELECT number + %ld AS k, %s AS a, %s AS cameos, %s AS "
						  "verbs, %s AS quads, %s AS gs,"
						  " %s AS types FROM system.numbers LIMIT %ld))",
			from, actors, cameos, verbs, quads, goldstein, types, size);
		dyad_buf_clear(&q);
		dyad_buf_printf(
			&q,
			"INSERT INTO events (doc_id, batch, n, source, source_country, source_igo, target,"
			" target_country, target_igo, source_actor, target_actor, cameo, root, cameo_name, quad,"
			" goldstein, type, reciprocal, modality, date, date_source, sentence, `start`, `end`,"
			" evidence) SELECT cityHash64(intDiv(k, 3)), 1, k %% 3, sa, if(startsWith(sa, 'IGO'), NULL,"
			" sa), if(startsWith(sa, 'IGO'), sa, NULL), ta, if(startsWith(ta, 'IGO'), NULL, ta),"
			" if(startsWith(ta, 'IGO'), ta, NULL), sa, ta, arrayElement(cameos, ci), substring("
			"arrayElement(cameos, ci), 1, 2), arrayElement(verbs, ci), arrayElement(quads, ci),"
			" arrayElement(gs, ci), arrayElement(types, ci), 0, 'done', dt, 'sentence', k %% 3, 0, 60, ev"
			" FROM %s",
			gen.p);
		must(c, q.p);
		/* a sentence per event, its words for search */
		dyad_buf_clear(&q);
		dyad_buf_printf(&q,
				"INSERT INTO sentences (doc_id, batch, n, `start`, `end`, text, stems)"
				" SELECT cityHash64(intDiv(k, 3)), 1, k %% 3, 0, 60, ev,"
				" splitByChar(' ', lower(replaceAll(ev, '.', ''))) FROM %s",
				gen.p);
		must(c, q.p);
		/* documents: one for three events, a body of their length */
		dyad_buf_clear(&q);
		dyad_buf_printf(
			&q,
			"INSERT INTO documents (doc_id, batch, content_hash, simhash, title, date, outlet, language,"
			" body, dyad_version) SELECT cityHash64(d), 1, cityHash64(d, 1), cityHash64(d, 2),"
			" concat('Report ', toString(d)), toInt32((2000 + cityHash64(d, 4) %% 26) * 10000 +"
			" (1 + cityHash64(d, 5) %% 12) * 100 + 1 + cityHash64(d, 6) %% 28), 'Generated', 'en',"
			" concat('A report of ', toString(d), ' about two actors and what one did to the other, in three',"
				" ' sentences of some sixty characters each, as the generated SQLite store has them.'), 'bench'"
			" FROM (SELECT intDiv(number + %ld, 3) AS d FROM system.numbers LIMIT %ld) WHERE (d * 3) >= %ld"
			" GROUP BY d",
			from, size, from);
		must(c, q.p);
		fprintf(stderr, "gen-clickhouse: %ld of %ld events\n", from + size, events);
	}
	secs = now() - t0;
	printf("generate_s %.1f\nevents_per_s %.0f\n", secs, (double)events / secs);
	/* the disk the tables take on every shard */
	for (i = 0; i < n; i++) {
		dyad_buf_clear(&q);
		dyad_buf_printf(&q, "SELECT sum(bytes_on_disk) FROM system.parts WHERE active AND database = '%s'",
				dyad_ch_url_of(c)->database);
		if (dyad_ch_query_server(servers[i], q.p, add_number, &bytes) != 0) {
			fprintf(stderr, "gen-clickhouse: %s\n", dyad_ch_errmsg(servers[i]));
			return 3;
		}
	}
	printf("bytes %.0f\nbytes_per_event %.1f\n", bytes, bytes / (double)events);
	for (i = 0; i < sizeof questions / sizeof *questions; i++)
		printf("q_%s_ms %.1f\n", questions[i].name, timed(c, questions[i].sql));
	dyad_ch_servers_free(c, servers, n);
	dyad_buf_free(&q);
	dyad_buf_free(&gen);
	dyad_ch_close(c);
	return 0;
}
