/*
 * test_read.c — inputs as users hand them over: a folder of text pages, an
 * HTML page with its metadata and a declared windows-1251 charset, JSON Lines
 * with a broken record in the middle, a WARC file (plain and gzip per record),
 * a truncated WARC, binary and empty files; a WARC.gz with a damaged member,
 * cut short, with junk between members or gzipped whole and cut; HTML nested
 * 5,000 deep and a text of 11 MB in one element. Each error names the input
 * and the place, and the rest is still read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "dyad/read.h"

static char dir[64];

static void write_file(const char *name, const void *data, size_t n)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(data, 1, n, f);
	fclose(f);
}

static void write_str(const char *name, const char *s)
{
	write_file(name, s, strlen(s));
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/dyad-read-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Read everything under `path`; pages' texts joined by "|", errors by "|". */
static void read_all(const char *path, dyad_format f, dyad_buf *pages, dyad_buf *errors, size_t *failures)
{
	const char *paths[] = { path };
	dyad_read_opts o = DYAD_READ_OPTS_INIT;
	dyad_reader *r;
	dyad_page p;
	int rc;

	o.format = f;
	r = dyad_reader_new(paths, 1, &o);
	while ((rc = dyad_reader_next(r, &p)) != 0) {
		if (rc < 0) {
			dyad_buf_printf(errors, "%s|", dyad_reader_errmsg(r));
			continue;
		}
		dyad_buf_printf(pages, "[%s %s %.*s] %.*s|", dyad_format_name(p.format), p.record ? p.record : "-",
				(int)p.title.n, p.title.p ? p.title.p : "", (int)p.text.n, p.text.p);
	}
	*failures = dyad_reader_failures(r);
	dyad_reader_free(r);
}

static void a_folder_of_pages_in_name_order(void **state)
{
	char sub[128];
	dyad_buf pages = DYAD_BUF_INIT, errors = DYAD_BUF_INIT;
	size_t failures;

	(void)state;
	write_str("b.txt", "Второй\n");
	write_str("a.txt", "Первый\n");
	write_str(".hidden.txt", "скрытый\n");
	snprintf(sub, sizeof sub, "%s/c", dir);
	mkdir(sub, 0700);
	write_str("c/d.txt", "Третий\n");
	read_all(dir, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[text - ] Первый\n|[text - ] Второй\n|[text - ] Третий\n|");
	assert_int_equal(failures, 0);
	dyad_buf_free(&pages);
	dyad_buf_free(&errors);
}

static void html_with_metadata_and_a_charset(void **state)
{
	char path[128];
	dyad_buf pages = DYAD_BUF_INIT, errors = DYAD_BUF_INIT;
	const char *paths[1];
	dyad_reader *r;
	dyad_page p;
	size_t failures;

	(void)state;
	write_str("page.html",
		  "<!doctype html><html><head><title>Визит | БелТА</title>"
		  "<meta property=\"og:title\" content=\"Лукашенко принял посла\">"
		  "<meta property=\"og:site_name\" content=\"БелТА\">"
		  "<meta property=\"article:published_time\" content=\"2024-03-04T12:30:00+03:00\">"
		  "<link rel=\"canonical\" href=\"https://belta.by/a/1\"><script>var a='<p>нет</p>';</script></head>"
		  "<body><nav><ul><li>Главная</li><li>Политика</li></ul></nav><h1>Лукашенко принял посла</h1>"
		  "<p>МИНСК, 4 марта (БЕЛТА) - Текст <b>статьи</b>.</p><p>Второй абзац.</p></body></html>");
	snprintf(path, sizeof path, "%s/page.html", dir);
	paths[0] = path;
	r = dyad_reader_new(paths, 1, NULL);
	assert_int_equal(dyad_reader_next(r, &p), 1);
	assert_int_equal(p.format, DYAD_FMT_HTML);
	assert_true(dyad_str_eq_c(p.title, "Лукашенко принял посла"));
	assert_true(dyad_str_eq_c(p.site_name, "БелТА"));
	assert_true(dyad_str_eq_c(p.url, "https://belta.by/a/1"));
	assert_true(dyad_str_eq_c(p.published, "2024-03-04T12:30:00+03:00"));
	assert_true(dyad_str_eq_c(p.h1, "Лукашенко принял посла"));
	assert_true(dyad_str_eq_c(p.text,
				  "Главная\nПолитика\nЛукашенко принял посла\nМИНСК, 4 марта (БЕЛТА) - Текст статьи.\n"
				  "Второй абзац.\n"));
	assert_int_equal(dyad_reader_next(r, &p), 0);
	dyad_reader_free(r);
	/* a page that declares windows-1251 comes out as UTF-8 */
	write_str("cp1251.html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
				 "charset=windows-1251\"></head><body><p>\xcc\xe8\xed\xf1\xea</p></body></html>");
	snprintf(path, sizeof path, "%s/cp1251.html", dir);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[html - ] Минск\n|");
	dyad_buf_clear(&pages);
	/* a UTF-8 page with a bad byte, its charset declared or not: that byte is U+FFFD, the rest stays Cyrillic */
	write_str("bad-byte.html", "<html><body><p>Министр \xff встретился с президентом.</p></body></html>");
	write_str("bad-byte-declared.html", "<html><head><meta charset=\"UTF-8\"></head><body><p>Министр \xff "
					    "встретился с президентом.</p></body></html>");
	snprintf(path, sizeof path, "%s/bad-byte.html", dir);
	paths[0] = path;
	r = dyad_reader_new(paths, 1, NULL);
	assert_int_equal(dyad_reader_next(r, &p), 1);
	assert_true(dyad_str_eq_c(p.text, "Министр \xef\xbf\xbd встретился с президентом.\n"));
	assert_int_equal(p.repaired, 1);
	dyad_reader_free(r);
	snprintf(path, sizeof path, "%s/bad-byte-declared.html", dir);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[html - ] Министр \xef\xbf\xbd встретился с президентом.\n|");
	dyad_buf_free(&pages);
	dyad_buf_free(&errors);
}

static void json_lines_go_on_after_a_bad_record(void **state)
{
	char path[128];
	dyad_buf pages = DYAD_BUF_INIT, errors = DYAD_BUF_INIT;
	size_t failures;

	(void)state;
	write_str("feed.jsonl", "{\"url\":\"https://tass.ru/1\",\"title\":\"Первая\",\"text\":\"Текст один\"}\n"
				"{\"title\": \"Сломанная\", \"text\": \n"
				"\n"
				"{\"title\":\"Без текста\"}\n"
				"{\"title\":\"HTML\",\"html\":\"<p>Абзац <b>два</b></p>\"}\n"
				"{\"title\":\"Байт\",\"text\":\"Текст \xff три\"}\n");
	snprintf(path, sizeof path, "%s/feed.jsonl", dir);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[jsonl 1 Первая] Текст один|[jsonl 5 HTML] Абзац два\n|"
				     "[jsonl 6 Байт] Текст \xef\xbf\xbd три|");
	assert_int_equal(failures, 2);
	assert_non_null(strstr(errors.p, "feed.jsonl: line 2, column 31: "));
	assert_non_null(strstr(errors.p, "feed.jsonl: line 4: the record has no \"text\""));
	dyad_buf_free(&pages);
	dyad_buf_free(&errors);
}

static void warc_record(dyad_buf *b, const char *type, const char *id, const char *payload)
{
	dyad_buf_printf(b,
			"WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: %s\r\nWARC-Target-URI: https://tass.ru/x\r\n"
			"Content-Length: %zu\r\n\r\n%s\r\n\r\n",
			type, id, strlen(payload), payload);
}

static void gzip_member(dyad_buf *out, const char *data, size_t n)
{
	z_stream z;
	unsigned char chunk[8192];
	int rc;

	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)n;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof chunk;
		rc = deflate(&z, Z_FINISH);
		dyad_buf_put(out, chunk, sizeof chunk - z.avail_out);
	} while (rc != Z_STREAM_END);
	deflateEnd(&z);
}

static void warc_plain_gzip_and_truncated(void **state)
{
	static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
				   "<html><body><p>АСТАНА, 4 ноября. /ТАСС/. Текст.</p></body></html>";
	static const char chunked[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
				      "7\r\n<p>Ку\r\na\r\nсок</p>\r\n0\r\n\r\n";
	dyad_buf w = DYAD_BUF_INIT, gz = DYAD_BUF_INIT, pages = DYAD_BUF_INIT, errors = DYAD_BUF_INIT;
	char path[128];
	size_t failures, mark;

	(void)state;
	warc_record(&w, "warcinfo", "<urn:1>", "software: test");
	warc_record(&w, "request", "<urn:2>", "GET / HTTP/1.1");
	warc_record(&w, "response", "<urn:3>", resp);
	mark = w.n;
	warc_record(&w, "response", "<urn:4>", chunked);
	write_file("a.warc", w.p, w.n);
	snprintf(path, sizeof path, "%s/a.warc", dir);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[warc <urn:3> ] АСТАНА, 4 ноября. /ТАСС/. Текст.\n|[warc <urn:4> ] Кусок\n|");
	assert_int_equal(failures, 0);
	/* gzip, one member per record, as CC-NEWS ships them */
	gzip_member(&gz, w.p, mark);
	gzip_member(&gz, w.p + mark, w.n - mark);
	write_file("a.warc.gz", gz.p, gz.n);
	snprintf(path, sizeof path, "%s/a.warc.gz", dir);
	dyad_buf_clear(&pages);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[warc <urn:3> ] АСТАНА, 4 ноября. /ТАСС/. Текст.\n|[warc <urn:4> ] Кусок\n|");
	/* cut short: the whole records still come, the cut one is named by its offset */
	write_file("cut.warc", w.p, w.n - 30);
	snprintf(path, sizeof path, "%s/cut.warc", dir);
	dyad_buf_clear(&pages);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[warc <urn:3> ] АСТАНА, 4 ноября. /ТАСС/. Текст.\n|");
	assert_int_equal(failures, 1);
	assert_non_null(strstr(errors.p, "cut.warc: byte "));
	assert_non_null(strstr(errors.p, "truncated WARC record"));
	/* headers that end in a bare LF: the record is its own, and the next one follows */
	dyad_buf_clear(&w);
	dyad_buf_printf(&w,
			"WARC/1.0\nWARC-Type: resource\nWARC-Record-ID: <urn:5>\nContent-Type: text/plain\n"
			"Content-Length: %zu\n\n%s\n\n",
			strlen("Первая."), "Первая.");
	warc_record(&w, "response", "<urn:6>", resp);
	write_file("lf.warc", w.p, w.n);
	snprintf(path, sizeof path, "%s/lf.warc", dir);
	dyad_buf_clear(&pages);
	dyad_buf_clear(&errors);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[warc <urn:5> ] Первая.|[warc <urn:6> ] АСТАНА, 4 ноября. /ТАСС/. Текст.\n|");
	assert_int_equal(failures, 0);
	dyad_buf_free(&w);
	dyad_buf_free(&gz);
	dyad_buf_free(&pages);
	dyad_buf_free(&errors);
}

/*
 * Six response records, each its own gzip member as CC-NEWS has them, with
 * text varied enough that the middle of a member is deflate data. Member
 * k starts at byte off[k] of `gz`; `plain` gets the records ungzipped, record k at poff[k].
 */
static void six_records(dyad_buf *gz, dyad_buf *plain, size_t off[7], size_t poff[7])
{
	size_t k, i;

	for (k = 0; k < 6; k++) {
		dyad_buf resp = DYAD_BUF_INIT, rec = DYAD_BUF_INIT;
		char id[32];

		dyad_buf_printf(&resp,
				"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Record %zu.</p><p>",
				k + 1);
		for (i = 0; i < 400; i++)
			dyad_buf_printf(&resp, "%zu ", (i * 7919 + k * 104729) % 100003);
		dyad_buf_puts(&resp, "</p></body></html>");
		snprintf(id, sizeof id, "<urn:%zu>", k + 1);
		warc_record(&rec, "response", id, resp.p);
		off[k] = gz->n;
		poff[k] = plain->n;
		gzip_member(gz, rec.p, rec.n);
		dyad_buf_put(plain, rec.p, rec.n);
		dyad_buf_free(&resp);
		dyad_buf_free(&rec);
	}
	off[6] = gz->n;
	poff[6] = plain->n;
}

/* How many bytes inflate gives from the first `n` bytes of a gzip member. */
static size_t inflated_length(const char *data, size_t n)
{
	z_stream z;
	unsigned char chunk[8192];
	size_t total = 0;
	int rc;

	memset(&z, 0, sizeof z);
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)n;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof chunk;
		rc = inflate(&z, Z_NO_FLUSH);
		total += sizeof chunk - z.avail_out;
	} while (rc == Z_OK && z.avail_out == 0);
	inflateEnd(&z);
	return total;
}

/* The record ids of the pages read from `name`, joined by " ". */
static void read_ids(const char *name, dyad_buf *ids, dyad_buf *errors, size_t *failures)
{
	const char *paths[1];
	char path[128];
	dyad_read_opts o = DYAD_READ_OPTS_INIT;
	dyad_reader *r;
	dyad_page p;
	int rc;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	paths[0] = path;
	dyad_buf_clear(ids);
	dyad_buf_clear(errors);
	r = dyad_reader_new(paths, 1, &o);
	while ((rc = dyad_reader_next(r, &p)) != 0) {
		if (rc < 0)
			dyad_buf_printf(errors, "%s|", dyad_reader_errmsg(r));
		else
			dyad_buf_printf(ids, "%s%s", ids->n ? " " : "", p.record);
	}
	*failures = dyad_reader_failures(r);
	dyad_reader_free(r);
}

/*
 * Write `data` as `name`, read it, and check the records that come (`ids`,
 * or NULL for none) and the one error (or none when `msg` is NULL), which
 * must contain `msg`.
 */
static void expect(const char *name, const char *data, size_t n, const char *ids, const char *msg)
{
	dyad_buf got = DYAD_BUF_INIT, errors = DYAD_BUF_INIT;
	size_t failures;

	write_file(name, data, n);
	read_ids(name, &got, &errors, &failures);
	if (failures != (msg ? 1u : 0u))
		print_message("%s: %s\n", name, errors.p ? errors.p : "no error");
	assert_string_equal(got.p ? got.p : "", ids ? ids : "");
	assert_int_equal(failures, msg ? 1 : 0);
	if (msg)
		assert_non_null(strstr(errors.p, msg));
	dyad_buf_free(&got);
	dyad_buf_free(&errors);
}

static void damaged_warc_gz_costs_only_what_is_damaged(void **state)
{
	dyad_buf gz = DYAD_BUF_INIT, plain = DYAD_BUF_INIT, x = DYAD_BUF_INIT;
	size_t off[7], poff[7], i, mid;
	char msg[160];

	(void)state;
	six_records(&gz, &plain, off, poff);
	expect("ok.warc.gz", gz.p, gz.n, "<urn:1> <urn:2> <urn:3> <urn:4> <urn:5> <urn:6>", NULL);

	/* the third member damaged in its middle: the others all come, the damage is named by its offsets */
	dyad_buf_put(&x, gz.p, gz.n);
	mid = off[2] + (off[3] - off[2]) / 2;
	for (i = mid; i < mid + 32; i++)
		x.p[i] ^= 0x55;
	snprintf(msg, sizeof msg, "bad.warc.gz: byte %zu: WARC record lost: gzip member at byte %zu: corrupt data",
		 poff[2], off[2]);
	expect("bad.warc.gz", x.p, x.n, "<urn:1> <urn:2> <urn:4> <urn:5> <urn:6>", msg);

	/* cut short inside the fifth member: the four before it come, the cut is named */
	snprintf(msg, sizeof msg, "cut.warc.gz: byte %zu: WARC record lost: gzip member at byte %zu: truncated",
		 poff[4], off[4]);
	expect("cut.warc.gz", gz.p, off[4] + (off[5] - off[4]) / 2, "<urn:1> <urn:2> <urn:3> <urn:4>", msg);

	/* bytes that are no gzip member between two members: named, and the next member is found */
	dyad_buf_clear(&x);
	dyad_buf_put(&x, gz.p, off[1]);
	dyad_buf_puts(&x, "not gzip at all");
	dyad_buf_put(&x, gz.p + off[1], gz.n - off[1]);
	snprintf(msg, sizeof msg, "gzip member at byte %zu: not the start of a gzip member", off[1]);
	expect("junk.warc.gz", x.p, x.n, "<urn:1> <urn:2> <urn:3> <urn:4> <urn:5> <urn:6>", msg);

	/* the whole file one gzip member, cut at two thirds: the records whole before the cut are kept */
	dyad_buf_clear(&x);
	gzip_member(&x, plain.p, plain.n);
	{
		size_t cut = x.n * 2 / 3, got = inflated_length(x.p, cut), k;
		dyad_buf ids = DYAD_BUF_INIT;
		for (k = 0; k < 6 && poff[k + 1] <= got; k++)
			dyad_buf_printf(&ids, "%s<urn:%zu>", k ? " " : "", k + 1);
		assert_true(k >= 2 && k < 6);
		snprintf(msg, sizeof msg, "whole.warc.gz: byte %zu: WARC record lost: gzip member at byte 0: truncated",
			 poff[k]);
		expect("whole.warc.gz", x.p, cut, ids.p, msg);
		dyad_buf_free(&ids);
	}

	/* a plain WARC cut inside its fourth record: three come, the fourth is named with its offset */
	snprintf(msg, sizeof msg, "cut.warc: byte %zu: truncated WARC record", poff[3]);
	expect("cut.warc", plain.p, poff[3] + 100, "<urn:1> <urn:2> <urn:3>", msg);
	dyad_buf_free(&gz);
	dyad_buf_free(&plain);
	dyad_buf_free(&x);
}

/* One plain response record, version `version`, whose Content-Length says `len` more bytes than it holds. */
static void warc_record_v(dyad_buf *b, const char *version, const char *id, size_t more)
{
	const char *resp = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Минск</p>";

	dyad_buf_printf(b,
			"WARC/%s\r\nWARC-Type: response\r\nWARC-Record-ID: %s\r\nContent-Length: %zu\r\n\r\n%s\r\n\r\n",
			version, id, strlen(resp) + more, resp);
}

static void warc_older_mixed_and_overlong_records(void **state)
{
	dyad_buf gz = DYAD_BUF_INIT, plain = DYAD_BUF_INIT, x = DYAD_BUF_INIT, rec = DYAD_BUF_INIT;
	size_t off[7], poff[7], at;
	char msg[200];

	(void)state;
	/* records of the 0.17 and 0.18 drafts, as older crawlers wrote them */
	warc_record_v(&x, "0.17", "<urn:a>", 0);
	warc_record_v(&x, "0.18", "<urn:b>", 0);
	expect("old.warc", x.p, x.n, "<urn:a> <urn:b>", NULL);
	dyad_buf_clear(&x);
	warc_record_v(&rec, "0.17", "<urn:c>", 0);
	gzip_member(&x, rec.p, rec.n);
	expect("old.warc.gz", x.p, x.n, "<urn:c>", NULL);

	/* a plain record appended between gzip members is read where it stands */
	six_records(&gz, &plain, off, poff);
	dyad_buf_clear(&x);
	dyad_buf_put(&x, gz.p, off[3]);
	warc_record_v(&x, "1.0", "<urn:plain>", 0);
	dyad_buf_put(&x, gz.p + off[3], gz.n - off[3]);
	expect("mixed.warc.gz", x.p, x.n, "<urn:1> <urn:2> <urn:3> <urn:plain> <urn:4> <urn:5> <urn:6>", NULL);
	/* ... and at the end of the file */
	dyad_buf_clear(&x);
	dyad_buf_put(&x, gz.p, gz.n);
	warc_record_v(&x, "1.0", "<urn:last>", 0);
	expect("tail.warc.gz", x.p, x.n, "<urn:1> <urn:2> <urn:3> <urn:4> <urn:5> <urn:6> <urn:last>", NULL);

	/* a Content-Length 500 bytes too long costs its record, not the one after it */
	dyad_buf_clear(&x);
	warc_record_v(&x, "1.0", "<urn:a>", 0);
	at = x.n;
	warc_record_v(&x, "1.0", "<urn:b>", 500);
	dyad_buf_put(&x, plain.p, plain.n);
	snprintf(msg, sizeof msg, "long.warc: byte %zu: WARC record lost: its Content-Length", at);
	expect("long.warc", x.p, x.n, "<urn:a> <urn:1> <urn:2> <urn:3> <urn:4> <urn:5> <urn:6>", msg);
	/* the same with each record its own gzip member */
	dyad_buf_clear(&rec);
	dyad_buf_clear(&x);
	warc_record_v(&rec, "1.0", "<urn:b>", 500);
	gzip_member(&x, rec.p, rec.n);
	dyad_buf_put(&x, gz.p, gz.n);
	expect("long.warc.gz", x.p, x.n, "<urn:1> <urn:2> <urn:3> <urn:4> <urn:5> <urn:6>",
	       "long.warc.gz: byte 0: WARC record lost: its Content-Length");
	dyad_buf_free(&gz);
	dyad_buf_free(&plain);
	dyad_buf_free(&x);
	dyad_buf_free(&rec);
}

static void html_deep_or_long_keeps_its_text(void **state)
{
	dyad_buf h = DYAD_BUF_INIT, pages = DYAD_BUF_INIT, errors = DYAD_BUF_INIT;
	char path[128];
	size_t failures, i;

	(void)state;
	dyad_buf_puts(&h, "<html><head><title>Глубоко</title></head><body><p>Сверху.</p>");
	for (i = 0; i < 5000; i++)
		dyad_buf_puts(&h, i % 2 ? "<span>" : "<div>");
	dyad_buf_puts(&h, "Текст на дне.");
	for (i = 5000; i-- > 0;)
		dyad_buf_puts(&h, i % 2 ? "</span>" : "</div>");
	dyad_buf_puts(&h, "<p>Снизу.</p></body></html>");
	write_file("deep.html", h.p, h.n);
	snprintf(path, sizeof path, "%s/deep.html", dir);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_int_equal(failures, 0);
	assert_string_equal(pages.p, "[html - Глубоко] Сверху.\nТекст на дне.\nСнизу.\n|");
	/* a text of 11 MB in one element, past libxml2's own limit of 10 MB: all of it, and what follows */
	dyad_buf_clear(&h);
	dyad_buf_clear(&pages);
	dyad_buf_puts(&h, "<html><body><p>");
	for (i = 0; i < 1100000; i++)
		dyad_buf_puts(&h, "слово ");
	dyad_buf_puts(&h, "</p><p>После.</p></body></html>");
	write_file("long.html", h.p, h.n);
	snprintf(path, sizeof path, "%s/long.html", dir);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_int_equal(failures, 0);
	assert_int_equal(pages.n, strlen("[html - ] ") + 1100000 * strlen("слово ") - 1 + strlen("\nПосле.\n|"));
	assert_string_equal(pages.p + pages.n - strlen("слово\nПосле.\n|"), "слово\nПосле.\n|");
	dyad_buf_free(&h);
	dyad_buf_free(&pages);
	dyad_buf_free(&errors);
}

static void bad_files_are_named_and_skipped(void **state)
{
	static const unsigned char bin[] = { 0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0 };
	dyad_buf pages = DYAD_BUF_INIT, errors = DYAD_BUF_INIT;
	size_t failures;
	char sub[128];

	(void)state;
	snprintf(sub, sizeof sub, "%s/bad", dir);
	mkdir(sub, 0700);
	write_file("bad/a.bin", bin, sizeof bin);
	write_str("bad/b.txt", "");
	write_file("bad/c.gz", "\x1f\x8b\x08\x00garbage", 11);
	write_str("bad/d.txt", "Страница \xff\xfe после них.\n");
	read_all(sub, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[text - ] Страница \xef\xbf\xbd\xef\xbf\xbd после них.\n|");
	assert_int_equal(failures, 3);
	assert_non_null(strstr(errors.p, "a.bin: binary data, not a page"));
	assert_non_null(strstr(errors.p, "b.txt: empty"));
	assert_non_null(strstr(errors.p, "c.gz: gzip: "));
	dyad_buf_free(&pages);
	dyad_buf_free(&errors);
	/* a file that does not exist */
	read_all("/nonexistent/dyad/page.txt", DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_int_equal(failures, 1);
	assert_non_null(strstr(errors.p, "/nonexistent/dyad/page.txt"));
	dyad_buf_free(&pages);
	dyad_buf_free(&errors);
}

/* The charset an HTTP header names, and the UTF-8 of a JSON string, count over a <meta> that says otherwise. */
static void a_charset_known_outside_the_page_wins(void **state)
{
	static const char cp1251_html[] = "<html><body><p>\xcc\xe8\xed\xf1\xea</p></body></html>";
	dyad_buf w = DYAD_BUF_INIT, resp = DYAD_BUF_INIT, pages = DYAD_BUF_INIT, errors = DYAD_BUF_INIT;
	char path[128];
	size_t failures;

	(void)state;
	dyad_buf_printf(&resp, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"windows-1251\"\r\n\r\n%s",
			cp1251_html);
	warc_record(&w, "response", "<urn:1>", resp.p);
	write_file("cp.warc", w.p, w.n);
	snprintf(path, sizeof path, "%s/cp.warc", dir);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[warc <urn:1> ] Минск\n|");
	assert_int_equal(failures, 0);
	/* a scraper's JSON keeps the page's <meta charset=windows-1251>, but its string is Unicode */
	write_str("meta.jsonl", "{\"html\":\"<html><head><meta charset=\\\"windows-1251\\\"></head><body><p>Минск и "
				"Москва</p></body></html>\"}\n");
	snprintf(path, sizeof path, "%s/meta.jsonl", dir);
	dyad_buf_clear(&pages);
	read_all(path, DYAD_FMT_AUTO, &pages, &errors, &failures);
	assert_string_equal(pages.p, "[jsonl 1 ] Минск и Москва\n|");
	assert_int_equal(failures, 0);
	dyad_buf_free(&w);
	dyad_buf_free(&resp);
	dyad_buf_free(&pages);
	dyad_buf_free(&errors);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_folder_of_pages_in_name_order),
		cmocka_unit_test(html_with_metadata_and_a_charset),
		cmocka_unit_test(json_lines_go_on_after_a_bad_record),
		cmocka_unit_test(warc_plain_gzip_and_truncated),
		cmocka_unit_test(bad_files_are_named_and_skipped),
		cmocka_unit_test(damaged_warc_gz_costs_only_what_is_damaged),
		cmocka_unit_test(warc_older_mixed_and_overlong_records),
		cmocka_unit_test(html_deep_or_long_keeps_its_text),
		cmocka_unit_test(a_charset_known_outside_the_page_wins),
	};
	return cmocka_run_group_tests_name("read", tests, setup, teardown);
}
