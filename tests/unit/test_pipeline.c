/*
 * test_pipeline.c — the library's page-in, events-out call as a program
 * embedding dyad uses it (include/dyad/pipeline.h): a sentence in, the event
 * it states out; a page from memory coded as the same page read from its
 * file; bad dictionaries, bad calls and unreadable inputs each answered with
 * their code and a message naming them; two handles, and a clone, used at
 * once; a stream coded on several threads giving what one thread gives; and
 * a coded document stored through the library's mapping to rows, once.
 * Runs from the repository's root with the shipped data/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad/pipeline.h"
#include "dyad/query.h"
#include "dyad/store.h"

#define CALL                                                                                                 \
	"Kazakh President Kassym-Jomart Tokayev held a telephone conversation with Uzbek President Shavkat " \
	"Mirziyoyev.\n"
#define PAGE "examples/news/en-01-tokayev-mirziyoyev-call.txt"

static dyad_pipeline *coder; /* events, the text taken as it is, 2024-03-04 for documents without a date */

/* A document's kept events, one a line: "cameo source -> target". Owned by b. */
static const char *event_lines(dyad_buf *b, const dyad_document *d)
{
	size_t i;

	dyad_buf_clear(b);
	for (i = 0; i < d->nevents; i++)
		dyad_buf_printf(b, "%s%s %s -> %s", i ? "\n" : "", d->events[i].cameo, d->events[i].source.code,
				d->events[i].target.code);
	return b->p ? b->p : "";
}

static void a_sentence_in_its_event_out(void **state)
{
	const dyad_document *d;
	dyad_buf b = DYAD_BUF_INIT;
	dyad_errbuf e;

	(void)state;
	assert_int_equal(dyad_pipeline_text(coder, "call.txt", CALL, strlen(CALL), &d, &e), 0);
	assert_string_equal(d->page->path, "call.txt");
	assert_int_equal(d->lang, DYAD_LANG_EN);
	assert_int_equal(d->nsent, 1);
	assert_int_equal(d->day, 20240304);
	assert_string_equal(event_lines(&b, d), "041 KAZGOV -> UZBGOV");
	assert_string_equal(d->events[0].source.person, "Касым-Жомарт Токаев");
	/* the evidence is the sentence, as offsets into the body */
	assert_int_equal(d->events[0].evidence.start, 0);
	assert_int_equal(d->events[0].evidence.end, strlen(CALL) - 1);
	assert_true(d->nmentions >= 2);
	dyad_buf_free(&b);
}

/* Invalid UTF-8 is replaced and counted, as the reader does; the words around it are still coded. */
static void a_text_with_invalid_bytes_is_repaired(void **state)
{
	static const char text[] = "Kazakh President Kassym-Jomart Tokayev \xff\xfe held a telephone conversation with "
				   "Uzbek President Shavkat Mirziyoyev.\n";
	const dyad_document *d;
	dyad_buf b = DYAD_BUF_INIT;
	dyad_errbuf e;

	(void)state;
	assert_int_equal(dyad_pipeline_text(coder, "bad.txt", text, sizeof text - 1, &d, &e), 0);
	assert_int_equal(d->page->repaired, 2);
	assert_non_null(strstr(d->doc.body.p, "\xef\xbf\xbd"));
	assert_string_equal(event_lines(&b, d), "041 KAZGOV -> UZBGOV");
	dyad_buf_free(&b);
}

/* A page in memory gets what the same page read from its file gets: its id, title, date, events. */
static void a_page_from_memory_is_the_page_from_its_file(void **state)
{
	static const char *const paths[] = { PAGE };
	dyad_pipeline *p;
	const dyad_document *d;
	dyad_buf raw = DYAD_BUF_INIT, want = DYAD_BUF_INIT, got = DYAD_BUF_INIT;
	dyad_pipeline_opts o = DYAD_PIPELINE_OPTS_INIT;
	dyad_errbuf e;
	uint64_t id;

	(void)state;
	o.flags = DYAD_PIPE_EVENTS;
	assert_int_equal(dyad_pipeline_open(&p, &o, &e), 0);
	assert_int_equal(dyad_read_file(&raw, PAGE, 0, &e), 0);
	assert_int_equal(dyad_pipeline_read(p, paths, 1, DYAD_FMT_AUTO, 1, &e), 0);
	assert_int_equal(dyad_pipeline_next(p, &d, &e), 1);
	id = d->page->id;
	assert_non_null(d->doc.title);
	assert_non_null(d->doc.date);
	event_lines(&want, d);
	assert_true(want.n > 0);
	assert_int_equal(dyad_pipeline_next(p, &d, &e), 0);
	assert_int_equal(dyad_pipeline_text(p, PAGE, raw.p, raw.n, &d, &e), 0);
	assert_true(d->page->id == id);
	assert_string_equal(event_lines(&got, d), want.p);
	dyad_pipeline_close(p);
	dyad_buf_free(&raw);
	dyad_buf_free(&want);
	dyad_buf_free(&got);
}

static void missing_dictionaries_are_named(void **state)
{
	dyad_pipeline_opts o = DYAD_PIPELINE_OPTS_INIT;
	dyad_pipeline *p = (dyad_pipeline *)&o; /* any value: it must come back NULL */
	dyad_errbuf e;

	(void)state;
	o.datadir = "/nonexistent/dyad-data";
	assert_int_equal(dyad_pipeline_open(&p, &o, &e), DYAD_ENOTFOUND);
	assert_null(p);
	assert_non_null(strstr(e.msg, "cannot load the outlet dictionary"));
	assert_non_null(strstr(e.msg, "/nonexistent/dyad-data/outlets.txt"));
	/* the patterns from elsewhere, missing */
	o.datadir = NULL;
	o.events_dir = "/nonexistent/dyad-events";
	o.flags = DYAD_PIPE_EVENTS;
	assert_int_equal(dyad_pipeline_open(&p, &o, &e), DYAD_ENOTFOUND);
	assert_non_null(strstr(e.msg, "cannot load the event patterns"));
	assert_non_null(strstr(e.msg, "/nonexistent/dyad-events"));
}

static void keep_warning(void *ctx, const char *msg)
{
	dyad_buf_printf(ctx, "%s\n", msg);
}

/* A malformed line of a dictionary is the embedder's warning, naming file and line; the rest is loaded. */
static void a_malformed_pattern_line_is_a_warning(void **state)
{
	char dir[] = "/tmp/dyad-test-pipeline-XXXXXX", file[64];
	dyad_pipeline_opts o = DYAD_PIPELINE_OPTS_INIT;
	dyad_buf warnings = DYAD_BUF_INIT, lines = DYAD_BUF_INIT;
	const dyad_document *d;
	dyad_pipeline *p;
	dyad_errbuf e;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof file, "%s/x.txt", dir);
	assert_non_null(f = fopen(file, "w"));
	fputs("@event 042\n  pattern  $ visited +\n@event 04x\n  pattern  $ met +\n", f);
	fclose(f);
	o.events_dir = dir;
	o.flags = DYAD_PIPE_EVENTS | DYAD_PIPE_RAW;
	o.warn = keep_warning;
	o.warn_ctx = &warnings;
	assert_int_equal(dyad_pipeline_open(&p, &o, &e), 0);
	assert_non_null(warnings.p);
	assert_non_null(strstr(warnings.p, "x.txt:3"));
	assert_non_null(strstr(warnings.p, "04x"));
	assert_int_equal(dyad_pipeline_text(p, "v.txt", "Tokayev visited Uzbekistan.\n", 28, &d, &e), 0);
	assert_string_equal(event_lines(&lines, d), "042 KAZGOV -> UZB");
	dyad_pipeline_close(p);
	dyad_buf_free(&warnings);
	dyad_buf_free(&lines);
	unlink(file);
	rmdir(dir);
}

static void bad_calls_get_usage_errors(void **state)
{
	const dyad_document *d = (const dyad_document *)&state;
	dyad_errbuf e;

	(void)state;
	assert_int_equal(dyad_pipeline_text(coder, NULL, "x", 1, &d, &e), DYAD_EUSAGE);
	assert_null(d);
	assert_non_null(strstr(e.msg, "name"));
	assert_int_equal(dyad_pipeline_text(coder, "x", NULL, 0, &d, &e), DYAD_EUSAGE);
	assert_int_equal(dyad_pipeline_next(coder, &d, &e), DYAD_EUSAGE);
	assert_non_null(strstr(e.msg, "dyad_pipeline_read"));
	assert_int_equal(dyad_pipeline_read(coder, NULL, 0, DYAD_FMT_AUTO, 0, &e), DYAD_EUSAGE);
	assert_non_null(strstr(e.msg, "0 jobs"));
}

/* An input that cannot be read is named, and the stream goes on with the next, one thread or several. */
static void an_unreadable_input_is_named_and_passed(void **state)
{
	static const char *const paths[] = { "/nonexistent/page.txt", PAGE };
	const dyad_document *d;
	dyad_errbuf e;
	int jobs;

	(void)state;
	for (jobs = 1; jobs <= 3; jobs += 2) {
		assert_int_equal(dyad_pipeline_read(coder, paths, 2, DYAD_FMT_AUTO, jobs, &e), 0);
		assert_int_equal(dyad_pipeline_next(coder, &d, &e), DYAD_EIO);
		assert_non_null(strstr(e.msg, "/nonexistent/page.txt"));
		assert_int_equal(dyad_pipeline_next(coder, &d, &e), 1);
		assert_string_equal(d->page->path, PAGE);
		assert_int_equal(dyad_pipeline_next(coder, &d, &e), 0);
		assert_int_equal(dyad_pipeline_failures(coder), 1);
	}
}

/* Two pipelines and a clone at once: each document stays as its own handle made it. */
static void two_handles_at_once(void **state)
{
	static const char ru[] = "Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с президентом "
				 "Узбекистана Шавкатом Мирзиёевым.\n";
	dyad_pipeline_opts o = DYAD_PIPELINE_OPTS_INIT;
	dyad_pipeline *parser, *clone;
	const dyad_document *a, *b, *c;
	dyad_buf lines = DYAD_BUF_INIT;
	dyad_errbuf e;

	(void)state;
	assert_int_equal(dyad_pipeline_open(&parser, &o, &e), 0); /* cleaning and sentences only */
	assert_null(dyad_pipeline_lexicon(parser));
	assert_non_null(dyad_pipeline_lexicon(coder));
	assert_int_equal(dyad_pipeline_clone(&clone, coder, &e), 0);
	assert_ptr_equal(dyad_pipeline_lexicon(clone), dyad_pipeline_lexicon(coder));
	assert_int_equal(dyad_pipeline_text(coder, "en.txt", CALL, strlen(CALL), &a, &e), 0);
	assert_int_equal(dyad_pipeline_text(clone, "ru.txt", ru, sizeof ru - 1, &b, &e), 0);
	assert_int_equal(dyad_pipeline_text(parser, "p.txt", CALL, strlen(CALL), &c, &e), 0);
	assert_string_equal(a->page->path, "en.txt");
	assert_int_equal(a->lang, DYAD_LANG_EN);
	assert_string_equal(event_lines(&lines, a), "041 KAZGOV -> UZBGOV");
	assert_string_equal(b->page->path, "ru.txt");
	assert_int_equal(b->lang, DYAD_LANG_RU);
	assert_string_equal(event_lines(&lines, b), "041 KAZGOV -> UZBGOV");
	assert_int_equal(c->nevents, 0);
	assert_null(c->toks);
	assert_int_equal(c->nsent, 1);
	dyad_pipeline_close(parser);
	dyad_pipeline_close(clone);
	dyad_buf_free(&lines);
}

/* A clone outlives its original: the dictionaries go with the last handle. */
static void a_clone_outlives_its_original(void **state)
{
	dyad_pipeline_opts o = DYAD_PIPELINE_OPTS_INIT;
	dyad_pipeline *p, *c;
	const dyad_document *d;
	dyad_buf lines = DYAD_BUF_INIT;
	dyad_errbuf e;

	(void)state;
	o.flags = DYAD_PIPE_EVENTS | DYAD_PIPE_RAW;
	assert_int_equal(dyad_pipeline_open(&p, &o, &e), 0);
	assert_int_equal(dyad_pipeline_clone(&c, p, &e), 0);
	dyad_pipeline_close(p);
	assert_int_equal(dyad_pipeline_text(c, "x.txt", CALL, strlen(CALL), &d, &e), 0);
	assert_string_equal(event_lines(&lines, d), "041 KAZGOV -> UZBGOV");
	dyad_pipeline_close(c);
	dyad_buf_free(&lines);
}

/* Each document of examples/news as one line: path, language, sentences, events with their evidence. */
static void stream_lines(dyad_pipeline *p, int jobs, dyad_buf *out)
{
	static const char *const paths[] = { "examples/news" };
	const dyad_document *d;
	dyad_errbuf e;
	size_t i;
	int rc;

	dyad_buf_clear(out);
	assert_int_equal(dyad_pipeline_read(p, paths, 1, DYAD_FMT_AUTO, jobs, &e), 0);
	while ((rc = dyad_pipeline_next(p, &d, &e)) == 1) {
		dyad_buf_printf(out, "%s %s %zu %zu", d->page->path, dyad_lang_code(d->lang), d->nsent, d->nmentions);
		for (i = 0; i < d->nevents; i++)
			dyad_buf_printf(out, " %s:%s>%s@%zu-%zu", d->events[i].cameo, d->events[i].source.code,
					d->events[i].target.code, d->events[i].evidence.start, d->events[i].evidence.end);
		dyad_buf_putc(out, '\n');
	}
	assert_int_equal(rc, 0);
}

static void threads_give_what_one_thread_gives(void **state)
{
	dyad_pipeline_opts o = DYAD_PIPELINE_OPTS_INIT;
	dyad_buf one = DYAD_BUF_INIT, four = DYAD_BUF_INIT;
	dyad_pipeline *p;
	dyad_errbuf e;

	(void)state;
	o.flags = DYAD_PIPE_EVENTS;
	assert_int_equal(dyad_pipeline_open(&p, &o, &e), 0);
	stream_lines(p, 1, &one);
	stream_lines(p, 4, &four);
	assert_true(one.n > 0);
	assert_non_null(strstr(one.p, " 041:"));
	assert_string_equal(four.p, one.p);
	/* a stream left half read is ended by the next one, or by closing */
	assert_int_equal(dyad_pipeline_read(p, (const char *const[]){ "examples/news" }, 1, DYAD_FMT_AUTO, 2, &e), 0);
	dyad_pipeline_close(p);
	dyad_buf_free(&one);
	dyad_buf_free(&four);
}

/* A coded document into a store through dyad_store_put_document: its event is found, and again it writes nothing. */
static void a_document_is_stored_once(void **state)
{
	char path[64] = "/tmp/dyad-rows-XXXXXX", side[80];
	const dyad_document *d;
	dyad_store_rows *rows;
	dyad_store_counts n;
	dyad_store *s;
	dyad_event_filter f = DYAD_EVENT_FILTER_INIT;
	dyad_table t;
	dyad_errbuf e;
	int fd, round;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	memset(&n, 0, sizeof n);
	assert_int_equal(dyad_store_open(&s, path, DYAD_STORE_CREATE, 0, &e), 0);
	assert_int_equal(dyad_store_rows_open(&rows, coder, NULL, NULL, &e), 0);
	assert_non_null(strstr(dyad_store_rows_version(rows), "+data."));
	assert_int_equal(dyad_pipeline_text(coder, "call.txt", CALL, strlen(CALL), &d, &e), 0);
	for (round = 0; round < 2; round++) {
		assert_int_equal(dyad_store_begin(s), 0);
		if (round == 0)
			assert_int_equal(dyad_store_put_lexicon(s, rows), 0);
		assert_int_equal(dyad_store_put_document(s, rows, d, &n), round ? DYAD_STORE_SAME : DYAD_STORE_NEW);
		assert_int_equal(dyad_store_commit(s), 0);
	}
	assert_int_equal(n.docs, 2);
	assert_int_equal(n.same, 1);
	assert_int_equal(n.events, d->nevents);
	f.actor = "Kazakhstan";
	assert_int_equal(dyad_query_events(s, &f, &t, &e), 0);
	assert_int_equal(t.nrows, 1);
	snprintf(side, sizeof side, "%s -> %s", dyad_table_get(&t, 0, 1), dyad_table_get(&t, 0, 2));
	assert_string_equal(side, "KAZGOV -> UZBGOV");
	dyad_table_free(&t);
	dyad_store_rows_close(rows);
	dyad_store_close(s);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static int setup(void **state)
{
	dyad_pipeline_opts o = DYAD_PIPELINE_OPTS_INIT;
	dyad_errbuf e;

	(void)state;
	o.flags = DYAD_PIPE_EVENTS | DYAD_PIPE_RAW;
	o.default_day = 20240304;
	if (dyad_pipeline_open(&coder, &o, &e) < 0) {
		fprintf(stderr, "test_pipeline: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dyad_pipeline_close(coder);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_sentence_in_its_event_out),
		cmocka_unit_test(a_text_with_invalid_bytes_is_repaired),
		cmocka_unit_test(a_page_from_memory_is_the_page_from_its_file),
		cmocka_unit_test(missing_dictionaries_are_named),
		cmocka_unit_test(a_malformed_pattern_line_is_a_warning),
		cmocka_unit_test(bad_calls_get_usage_errors),
		cmocka_unit_test(an_unreadable_input_is_named_and_passed),
		cmocka_unit_test(two_handles_at_once),
		cmocka_unit_test(a_clone_outlives_its_original),
		cmocka_unit_test(threads_give_what_one_thread_gives),
		cmocka_unit_test(a_document_is_stored_once),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
