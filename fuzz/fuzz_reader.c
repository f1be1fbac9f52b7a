/*
 * fuzz_reader.c — the reader on any input file: format detection, then the
 * page or pages it reads (JSON Lines records with their metadata, HTML, WARC,
 * text). The first byte says how: detect the format, or force JSON Lines;
 * the rest is the file. Checks the promises of include/dyad/read.h: every
 * string is valid UTF-8, an error has a message.
 */
#include <stdlib.h>

#include "dyad/read.h"
#include "dyad/utf8.h"
#include "tempdir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void valid(dyad_str s)
{
	if (s.n && !dyad_utf8_valid(s))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write_file("input", size > 1 ? data + 1 : data, size > 1 ? size - 1 : 0);
	const char *paths[1];
	dyad_read_opts opts = DYAD_READ_OPTS_INIT;
	dyad_reader *r;
	dyad_page pg;
	int rc, pages = 0;

	opts.format = size && data[0] % 2 ? DYAD_FMT_JSONL : DYAD_FMT_AUTO;
	opts.max_bytes = 1u << 20;
	paths[0] = path;
	r = dyad_reader_new(paths, 1, &opts);
	while ((rc = dyad_reader_next(r, &pg)) != 0 && pages < 10000) {
		if (rc < 0) {
			const char *msg = dyad_reader_errmsg(r);
			if (msg == NULL || msg[0] == '\0')
				abort();
			continue;
		}
		pages++;
		valid(pg.text);
		valid(pg.url);
		valid(pg.title);
		valid(pg.h1);
		valid(pg.site_name);
		valid(pg.published);
		valid(pg.author);
	}
	dyad_reader_free(r);
	return 0;
}
