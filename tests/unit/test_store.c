/*
 * test_store.c — the knowledge base's promises: documents are known by their
 * input's identity (ingesting again adds nothing, a newer dyad replaces the
 * derived rows), syndicated copies are linked, search stems Russian and
 * English, and a read-only or foreign file is refused with a clear message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "dyad/query.h"
#include "dyad/store.h"

static char path[64];

static int setup(void **state)
{
	int fd;

	(void)state;
	snprintf(path, sizeof path, "/tmp/dyad-store-XXXXXX");
	fd = mkstemp(path);
	close(fd);
	unlink(path);
	return 0;
}

static int teardown(void **state)
{
	char p[96];

	(void)state;
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return 0;
}

/* The first cell of what SQL `q` gives, as a number; -1 when it gives no row. */
static int64_t count(dyad_store *s, const char *q)
{
	dyad_table t;
	dyad_errbuf e;
	int64_t n = -1;

	assert_int_equal(dyad_query_sql(s, q, &t, &e), 0);
	if (t.nrows > 0 && dyad_table_get(&t, 0, 0))
		n = strtoll(dyad_table_get(&t, 0, 0), NULL, 10);
	dyad_table_free(&t);
	return n;
}

/* Run SQL on the store's file behind dyad's back (a change by hand, a store of an older dyad). */
static void exec(dyad_store *s, const char *sql)
{
	dyad_table t;
	dyad_errbuf e;

	assert_int_equal(dyad_query_sql(s, sql, &t, &e), 0);
	dyad_table_free(&t);
}

/* dyad_facets as the events add up now: rows that differ, both ways (0 when the triggers kept it) */
#define FACETS_NOW                                                                                                 \
	"SELECT e.source_actor, e.target_actor, substr(coalesce(e.date, ''), 1, 7), coalesce(e.quad, 0), e.cameo," \
	" coalesce(e.type, ''), coalesce(d.language, ''), coalesce(d.outlet, ''), sum(e.mention_of IS NULL),"      \
	" coalesce(sum(CASE WHEN e.mention_of IS NULL THEN e.goldstein END), 0),"                                  \
	" sum(e.mention_of IS NULL AND e.goldstein IS NOT NULL), count(*) FROM events e JOIN documents d"          \
	" ON d.id = e.doc GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
#define FACETS_KEPT                                                                                             \
	"SELECT source_actor, target_actor, month, quad, cameo, type, language, outlet, events, goldstein_sum," \
	" goldstein_n, mentions FROM dyad_facets"
static const char facets_wrong[] = "SELECT (SELECT count(*) FROM (" FACETS_KEPT " EXCEPT " FACETS_NOW "))"
				   " + (SELECT count(*) FROM (" FACETS_NOW " EXCEPT " FACETS_KEPT "))";

#define LEAD "Президент Казахстана и премьер-министр Белоруссии обсудили сотрудничество.\n\n"
#define REST                                                                                                                                                                                    \
	"Стороны отметили визит премьер-министра в Астану. Товарооборот двух стран за девять месяцев вырос " \
	"на двенадцать процентов, прежде всего за счет поставок сельхозтехники, грузовых автомобилей и "        \
	"продовольствия. Глава правительства Белоруссии предложил расширить сборочные производства в "        \
	"казахстанских регионах и создать совместные сервисные центры. Казахстанская сторона поддержала "   \
	"идею запуска новых логистических маршрутов через территорию Российской Федерации и Китая."

static const char body_ru[] = LEAD REST;
/* the same article as another outlet ran it: one word differs */
static const char copy_ru[] =
	LEAD "Стороны отметили визит премьер-министра в Астану. Товарооборот двух стран за десять месяцев вырос "
	     "на двенадцать процентов, прежде всего за счет поставок сельхозтехники, грузовых автомобилей и "
	     "продовольствия. Глава правительства Белоруссии предложил расширить сборочные производства в "
	     "казахстанских регионах и создать совместные сервисные центры. Казахстанская сторона поддержала "
	     "идею запуска новых логистических маршрутов через территорию Российской Федерации и Китая.";

static dyad_store_doc doc(uint64_t id, const char *body, const char *version, const char *outlet)
{
	dyad_store_doc d;

	memset(&d, 0, sizeof d);
	d.id = id;
	d.content_hash = 7;
	d.body = dyad_str_c(body);
	d.simhash = dyad_simhash(d.body);
	d.title = "Токаев и Турчин обсудили сотрудничество";
	d.date = "2025-11-04";
	d.outlet = outlet;
	d.language = "ru";
	d.path = "a.txt";
	d.version = version;
	return d;
}

static void put_all(dyad_store *s, const dyad_store_doc *d, int want)
{
	dyad_store_event ev;
	int64_t row;
	int st;

	assert_int_equal(dyad_store_begin(s), 0);
	st = dyad_store_put_doc(s, d, &row);
	assert_int_equal(st, want);
	if (st != DYAD_STORE_SAME) {
		assert_int_equal(dyad_store_put_sentence(s, row, 0, 0, 74,
							 dyad_str_c("Президент Казахстана и премьер-министр "
								    "Белоруссии обсудили сотрудничество.")),
				 0);
		assert_int_equal(
			dyad_store_put_sentence(s, row, 1, 76, 124,
						dyad_str_c("Стороны отметили визит премьер-министра в Астану.")),
			0);
		memset(&ev, 0, sizeof ev);
		ev.source.code = "KAZGOV";
		ev.source.country = "KAZ";
		ev.target.code = "BLRGOV";
		ev.target.country = "BLR";
		ev.cameo = "040";
		ev.quad = 1;
		ev.goldstein = 1.0;
		ev.type = "CONSULT";
		ev.modality = "done";
		ev.date = "2025-11-04";
		ev.evidence = dyad_str_c("Президент Казахстана и премьер-министр Белоруссии обсудили сотрудничество.");
		assert_int_equal(dyad_store_put_event(s, row, &ev), 0);
	}
	assert_int_equal(dyad_store_commit(s), 0);
}

/* The same input twice adds nothing; a newer dyad replaces the rows instead of adding to them. */
static void known_documents_are_not_stored_twice(void **state)
{
	dyad_store *s;
	dyad_errbuf e;
	dyad_store_doc d = doc(0x1234, body_ru, "0.1.0", "TASS");

	(void)state;
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_CREATE, 1000, &e), 0);
	put_all(s, &d, DYAD_STORE_NEW);
	put_all(s, &d, DYAD_STORE_SAME);
	assert_int_equal(count(s, "SELECT count(*) FROM documents"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM events"), 1);
	d.version = "0.2.0";
	put_all(s, &d, DYAD_STORE_REPLACED);
	assert_int_equal(count(s, "SELECT count(*) FROM documents"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM sentences"), 2);
	assert_int_equal(count(s, "SELECT count(*) FROM events"), 1);
	assert_int_equal(count(s, "PRAGMA user_version"), dyad_store_schema_version());
	dyad_store_close(s);
}

/* A copy with a word changed, from another outlet, is linked to the first; both count once. */
static void syndicated_copies_are_linked(void **state)
{
	static const char other[] = "В Минске прошел форум регионов, участники обсудили логистику и транзит грузов "
				    "через территорию двух стран и новые маршруты.";
	dyad_store *s;
	dyad_errbuf e;
	dyad_store_doc a = doc(1, body_ru, "0.1.0", "TASS"), b = doc(2, copy_ru, "0.1.0", "Kazinform"),
		       c = doc(3, other, "0.1.0", "BelTA");

	(void)state;
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_CREATE, 1000, &e), 0);
	put_all(s, &a, DYAD_STORE_NEW);
	put_all(s, &b, DYAD_STORE_NEW);
	put_all(s, &c, DYAD_STORE_NEW);
	assert_int_equal(count(s, "SELECT syndicated_of FROM documents WHERE doc_id = '0000000000000002'"),
			 count(s, "SELECT id FROM documents WHERE doc_id = '0000000000000001'"));
	assert_int_equal(count(s, "SELECT count(*) FROM documents WHERE doc_id = '0000000000000003' "
				  "AND syndicated_of IS NULL"),
			 1);
	/* one event reported by two outlets: two mentions, two sources, one article */
	assert_int_equal(count(s, "SELECT num_mentions FROM event_clusters WHERE source_actor = 'KAZ'"), 3);
	assert_int_equal(count(s, "SELECT num_articles FROM event_clusters WHERE source_actor = 'KAZ'"), 2);
	assert_int_equal(count(s, "SELECT num_sources FROM event_clusters WHERE source_actor = 'KAZ'"), 3);
	dyad_store_close(s);
}

/*
 * One event told by three documents is one event with three reports; replacing or deleting the
 * document of its first report hands the event to the next report, and the sums follow.
 */
static void an_event_of_several_documents_counts_once(void **state)
{
	static const char third[] = "В Минске прошел форум регионов, участники обсудили логистику и транзит грузов "
				    "через территорию двух стран и новые маршруты.";
	dyad_store *s;
	dyad_errbuf e;
	dyad_store_doc a = doc(1, body_ru, "0.1.0", "TASS"), b = doc(2, copy_ru, "0.1.0", "Kazinform"),
		       c = doc(3, third, "0.1.0", "BelTA");
	const char *events = "SELECT count(*) FROM events WHERE mention_of IS NULL";

	(void)state;
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_CREATE, 1000, &e), 0);
	put_all(s, &a, DYAD_STORE_NEW);
	put_all(s, &b, DYAD_STORE_NEW);
	put_all(s, &c, DYAD_STORE_NEW);
	assert_int_equal(count(s, "SELECT count(*) FROM events"), 3);
	assert_int_equal(count(s, events), 1);
	assert_int_equal(count(s, facets_wrong), 0);
	/* per outlet: the first report's outlet counts the event, each outlet its report */
	assert_int_equal(count(s, "SELECT sum(events) FROM dyad_facets WHERE outlet = 'TASS'"), 1);
	assert_int_equal(count(s, "SELECT sum(events) FROM dyad_facets WHERE outlet = 'Kazinform'"), 0);
	assert_int_equal(count(s, "SELECT sum(mentions) FROM dyad_facets WHERE outlet = 'Kazinform'"), 1);
	assert_int_equal(count(s, "SELECT sum(events) FROM dyad_days"), 1);
	assert_int_equal(count(s, "SELECT sum(mentions) FROM dyad_months"), 3);
	assert_int_equal(count(s, "SELECT events FROM actor_events WHERE actor = 'KAZ'"), 1);
	/* a newer dyad replaces the first document's rows: its event is now a further report */
	a.version = "0.2.0";
	put_all(s, &a, DYAD_STORE_REPLACED);
	assert_int_equal(count(s, events), 1);
	/* the event moved to Kazinform's report, and its count with it */
	assert_int_equal(count(s, facets_wrong), 0);
	assert_int_equal(count(s, "SELECT sum(events) FROM dyad_facets WHERE outlet = 'Kazinform'"), 1);
	assert_int_equal(count(s, "SELECT sum(events) FROM dyad_facets"), 1);
	/* a document's outlet or language changed by hand moves its sums */
	exec(s, "UPDATE documents SET outlet = 'Kazinform', language = 'kk'"
		" WHERE doc_id = '0000000000000003'");
	assert_int_equal(count(s, facets_wrong), 0);
	assert_int_equal(count(s, "SELECT sum(mentions) FROM dyad_facets WHERE language = 'kk'"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM events WHERE mention_of IS NOT NULL AND mention_of NOT IN "
				  "(SELECT id FROM events WHERE mention_of IS NULL)"),
			 0);
	assert_int_equal(count(s, "SELECT sum(events) FROM dyad_days"), 1);
	assert_int_equal(count(s, "SELECT sum(mentions) FROM dyad_days"), 3);
	assert_int_equal(count(s, "SELECT num_mentions FROM event_clusters"), 3);
	/* the documents go: the event stays while one report does */
	exec(s, "DELETE FROM documents WHERE doc_id IN ('0000000000000002', "
		"'0000000000000003')");
	assert_int_equal(count(s, events), 1);
	assert_int_equal(count(s, "SELECT sum(events) FROM dyad_months"), 1);
	assert_int_equal(count(s, "SELECT sum(mentions) FROM dyad_months"), 1);
	assert_int_equal(count(s, facets_wrong), 0);
	exec(s, "DELETE FROM documents");
	assert_int_equal(count(s, "SELECT count(*) FROM dyad_days"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM dyad_facets"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM actor_events"), 0);
	dyad_store_close(s);
}

/*
 * A store of schema 8 (before dyad_facets) upgrades in place when opened for writing: the facets
 * add up to its events, nothing is lost or doubled, and ingesting the same documents again adds
 * nothing while a new report still counts.
 */
static void a_store_of_schema_8_upgrades(void **state)
{
	dyad_store *s;
	dyad_errbuf e;
	dyad_store_doc a = doc(1, body_ru, "0.1.0", "TASS"), b = doc(2, copy_ru, "0.1.0", "Kazinform");

	(void)state;
	assert_true(dyad_store_schema_version() >= 9);
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_CREATE, 1000, &e), 0);
	put_all(s, &a, DYAD_STORE_NEW);
	put_all(s, &b, DYAD_STORE_NEW);
	/* back to schema 8: version 9's table, indexes and triggers gone (its migration replaces the two
	   triggers of version 7, stood in for here) */
	exec(s, "DROP TABLE dyad_facets; DROP INDEX events_source; DROP INDEX events_type_date;"
		"DROP INDEX events_root; DROP INDEX events_dyad_mentions; DROP TRIGGER documents_bd;"
		"DROP TRIGGER documents_au; DROP TRIGGER events_ai; DROP TRIGGER events_ad;"
		"CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN SELECT 1; END;"
		"CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN SELECT 1; END;"
		"PRAGMA user_version = 8");
	dyad_store_close(s);
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_READONLY, 1000, &e), DYAD_EDB);
	assert_non_null(strstr(e.msg, "needs migrating"));
	assert_int_equal(dyad_store_open(&s, path, 0, 1000, &e), 0);
	assert_int_equal(count(s, "PRAGMA user_version"), dyad_store_schema_version());
	assert_int_equal(count(s, "SELECT count(*) FROM events"), 2);
	assert_int_equal(count(s, "SELECT count(*) FROM events WHERE mention_of IS NULL"), 1);
	assert_int_equal(count(s, "SELECT sum(events) FROM dyad_facets"), 1);
	assert_int_equal(count(s, "SELECT sum(mentions) FROM dyad_facets"), 2);
	assert_int_equal(count(s, facets_wrong), 0);
	/* the same documents again: nothing added; a third report: counted by the new triggers */
	put_all(s, &a, DYAD_STORE_SAME);
	put_all(s, &b, DYAD_STORE_SAME);
	assert_int_equal(count(s, "SELECT sum(mentions) FROM dyad_facets"), 2);
	a.id = 5;
	a.outlet = "BelTA";
	put_all(s, &a, DYAD_STORE_NEW);
	assert_int_equal(count(s, "SELECT sum(events) FROM dyad_facets"), 1);
	assert_int_equal(count(s, "SELECT sum(mentions) FROM dyad_facets"), 3);
	assert_int_equal(count(s, facets_wrong), 0);
	dyad_store_close(s);
}

/* Search stems both languages and folds ё: a user's words find the forms the article used. */
static void search_finds_inflected_forms(void **state)
{
	dyad_store *s;
	dyad_errbuf e;
	dyad_store_doc d = doc(9, body_ru, "0.1.0", "TASS");
	int64_t row;

	(void)state;
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_CREATE, 1000, &e), 0);
	put_all(s, &d, DYAD_STORE_NEW);
	assert_int_equal(dyad_store_begin(s), 0);
	d.id = 10;
	d.body = dyad_str_c("Kazakhstan's foreign minister visited Minsk and met his counterpart.");
	d.simhash = dyad_simhash(d.body);
	assert_int_equal(dyad_store_put_doc(s, &d, &row), DYAD_STORE_NEW);
	assert_int_equal(dyad_store_put_sentence(s, row, 0, 0, 67, d.body), 0);
	assert_int_equal(dyad_store_commit(s), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'визиты премьера'"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'белоруссия'"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'visits'"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'kazakhstan'"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'санкции'"), 0);
	dyad_store_close(s);
}

/* Not a database, a missing file read-only, a file from a newer dyad: refused, and the message says which. */
static void bad_files_are_named(void **state)
{
	dyad_store *s;
	dyad_errbuf e;
	FILE *f;

	(void)state;
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_READONLY, 100, &e), DYAD_EDB);
	assert_null(s);
	assert_non_null(strstr(e.msg, path));
	f = fopen(path, "w");
	fputs("this is a page of text, not an SQLite database, and it is long enough to have a header......\n", f);
	fclose(f);
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_CREATE, 100, &e), DYAD_EDB);
	assert_non_null(strstr(e.msg, path));
	unlink(path);
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_CREATE, 100, &e), 0);
	exec(s, "PRAGMA user_version = 99");
	dyad_store_close(s);
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_CREATE, 100, &e), DYAD_EDB);
	assert_non_null(strstr(e.msg, "newer dyad"));
}

/* A second writer waits, then gives up with a message saying another dyad is writing. */
static void a_second_writer_is_told(void **state)
{
	dyad_store *a, *b;
	dyad_errbuf e;
	dyad_store_doc d = doc(5, body_ru, "0.1.0", "TASS");
	int64_t row;

	(void)state;
	assert_int_equal(dyad_store_open(&a, path, DYAD_STORE_CREATE, 100, &e), 0);
	assert_int_equal(dyad_store_open(&b, path, DYAD_STORE_CREATE, 100, &e), 0);
	assert_int_equal(dyad_store_begin(a), 0);
	assert_int_equal(dyad_store_put_doc(a, &d, &row), DYAD_STORE_NEW);
	assert_int_equal(dyad_store_begin(b), DYAD_EDB);
	assert_non_null(strstr(dyad_store_errmsg(b), "another dyad is writing"));
	assert_int_equal(dyad_store_commit(a), 0);
	assert_int_equal(dyad_store_begin(b), 0);
	assert_int_equal(dyad_store_put_doc(b, &d, &row), DYAD_STORE_SAME);
	assert_int_equal(dyad_store_commit(b), 0);
	dyad_store_close(a);
	dyad_store_close(b);
}

static void simhash_is_near_for_near_texts(void **state)
{
	uint64_t a = dyad_simhash(dyad_str_c(body_ru));
	uint64_t b = dyad_simhash(dyad_str_c(copy_ru));
	uint64_t c = dyad_simhash(dyad_str_c("Совсем другой текст о погоде в Алматы на выходных: дожди, ветер и "
					     "похолодание до нуля градусов."));
	uint64_t x;
	int da = 0, dc = 0;

	(void)state;
	for (x = a ^ b; x; x &= x - 1)
		da++;
	for (x = a ^ c; x; x &= x - 1)
		dc++;
	assert_true(da <= 3);
	assert_true(dc > 16);
	assert_int_equal(dyad_simhash(dyad_str_c("two words")), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(known_documents_are_not_stored_twice, setup, teardown),
		cmocka_unit_test_setup_teardown(syndicated_copies_are_linked, setup, teardown),
		cmocka_unit_test_setup_teardown(an_event_of_several_documents_counts_once, setup, teardown),
		cmocka_unit_test_setup_teardown(a_store_of_schema_8_upgrades, setup, teardown),
		cmocka_unit_test_setup_teardown(search_finds_inflected_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_files_are_named, setup, teardown),
		cmocka_unit_test_setup_teardown(a_second_writer_is_told, setup, teardown),
		cmocka_unit_test(simhash_is_near_for_near_texts),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
