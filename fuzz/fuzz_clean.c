/*
 * fuzz_clean.c — the page cleaner on any text, with the shipped outlet
 * dictionary (data/outlets.txt, or $DYAD_DATA/outlets.txt) loaded once. The
 * first byte picks the page's format and whether its first four lines are the
 * metadata a format carries (url, title, published, site name); the text is
 * made valid UTF-8 first, as the reader guarantees. Checks the promises of
 * include/dyad/clean.h: the body is the page's characters (valid UTF-8),
 * a date is YYYY-MM-DD and a time HH:MM, every furniture line is non-empty.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/clean.h"
#include "dyad/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int digits(const char *s, const char *shape)
{
	size_t i;

	if (strlen(s) != strlen(shape))
		return 0;
	for (i = 0; shape[i]; i++)
		if (shape[i] == '9' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return 0;
	return 1;
}

/* The next line of *rest, which moves past it. */
static dyad_str next_line(dyad_str *rest)
{
	const char *nl = memchr(rest->p, '\n', rest->n);
	size_t n = nl ? (size_t)(nl - rest->p) : rest->n;
	dyad_str l = { rest->p, n };

	rest->p += nl ? n + 1 : n;
	rest->n -= nl ? n + 1 : n;
	return l;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_outlets *outlets;
	static const dyad_format formats[] = { DYAD_FMT_TEXT, DYAD_FMT_HTML, DYAD_FMT_JSONL, DYAD_FMT_WARC };
	dyad_buf fixed = DYAD_BUF_INIT;
	dyad_arena *a;
	dyad_page page;
	dyad_doc doc;
	dyad_str rest;
	size_t i;

	if (outlets == NULL) {
		const char *dir = getenv("DYAD_DATA");
		char path[4096];
		dyad_errbuf e;
		snprintf(path, sizeof path, "%s/outlets.txt", dir && *dir ? dir : "data");
		if ((outlets = dyad_outlets_load(path, NULL, NULL, &e)) == NULL) {
			fprintf(stderr, "fuzz_clean: %s\n", e.msg);
			abort();
		}
	}
	memset(&page, 0, sizeof page);
	page.path = "fuzz";
	page.format = size ? formats[data[0] % 4] : DYAD_FMT_TEXT;
	dyad_utf8_repair(&fixed, (dyad_str){ size ? (const char *)data + 1 : "", size ? size - 1 : 0 });
	rest = (dyad_str){ fixed.p ? fixed.p : "", fixed.n };
	if (size && data[0] & 4) {
		page.url = next_line(&rest);
		page.title = next_line(&rest);
		page.published = next_line(&rest);
		page.site_name = next_line(&rest);
	}
	page.text = rest;
	a = dyad_arena_new();
	dyad_clean_page(a, &page, outlets, &doc);
	if (!dyad_utf8_valid(doc.body))
		abort();
	if (doc.date && !digits(doc.date, "9999-99-99"))
		abort();
	if (doc.time && !digits(doc.time, "99:99"))
		abort();
	for (i = 0; i < doc.nfurniture; i++)
		if (doc.furniture[i].n == 0 || !dyad_utf8_valid(doc.furniture[i]))
			abort();
	if (doc.title && !dyad_utf8_valid(dyad_str_c(doc.title)))
		abort();
	if (doc.outlet && !dyad_utf8_valid(dyad_str_c(doc.outlet)))
		abort();
	dyad_arena_free(a);
	dyad_buf_free(&fixed);
	return 0;
}
