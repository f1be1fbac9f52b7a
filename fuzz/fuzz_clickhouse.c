/*
 * fuzz_clickhouse.c — what the ClickHouse engine reads from outside: a
 * clickhouse:// URL (the input's first line) and TabSeparated rows from the
 * server (the lines after it), with the dates they hold. A URL is parsed or
 * refused with a message; every field decodes, and written back as dyad
 * writes fields it decodes to itself; a date that parses prints back to the
 * same number.
 */
#include <stdlib.h>
#include <string.h>

#include "dyad/util.h"
#include "store/clickhouse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void field_round_trip(dyad_str f)
{
	dyad_buf w = DYAD_BUF_INIT, back = DYAD_BUF_INIT;
	dyad_str line;
	int32_t d, d2;
	char iso[16], *z;

	dyad_ch_tsv_str(&w, f);
	line = (dyad_str){ w.p ? w.p : "", w.n };
	if (dyad_ch_tsv_field(&line, &back) != 1 || back.n != f.n || (f.n && memcmp(back.p, f.p, f.n) != 0))
		abort();
	z = dyad_xmalloc(f.n + 1);
	memcpy(z, f.p, f.n);
	z[f.n] = '\0';
	if (dyad_ch_date_int(z, &d) == 0 && d != 0) {
		dyad_ch_date_iso(d, iso);
		if (dyad_ch_date_int(iso, &d2) != 0 || d2 != d)
			abort();
	}
	free(z);
	dyad_buf_free(&w);
	dyad_buf_free(&back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *nl = memchr(p, '\n', size);
	size_t n = nl ? (size_t)(nl - p) : size;
	char *url = dyad_xmalloc(n + 1);
	dyad_ch_url u;
	dyad_errbuf e;
	dyad_buf out = DYAD_BUF_INIT;

	memcpy(url, p, n);
	url[n] = '\0';
	if (strlen(url) == n) {
		if (dyad_ch_url_parse(&u, url, &e) == 0) {
			if (!u.host || !u.database || u.port < 1 || u.port > 65535)
				abort();
			dyad_ch_url_free(&u);
		} else if (e.msg[0] == '\0') {
			abort(); /* a refusal always says why */
		}
	}
	free(url);
	for (p = nl ? nl + 1 : end; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		dyad_str line = { p, eol ? (size_t)(eol - p) : (size_t)(end - p) };
		int k, fields = 0;
		while ((k = dyad_ch_tsv_field(&line, &out)) != 0 && fields++ < 4096)
			if (k == 1)
				field_round_trip((dyad_str){ out.p ? out.p : "", out.n });
		p = eol ? eol + 1 : end;
	}
	dyad_buf_free(&out);
	return 0;
}
