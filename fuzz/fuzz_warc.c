/*
 * fuzz_warc.c — WARC files read as a stream, plain or in gzip members, and
 * the HTTP responses inside records: truncated, damaged, malformed or lying
 * about their lengths. Every record handed out must lie inside what the
 * stream holds, records must come in order, and reading must always end.
 */
#include <stdio.h>
#include <stdlib.h>

#include "read/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_buf payload = DYAD_BUF_INIT;
	unsigned char head[4096];
	warc_stream s;
	warc_record rec;
	char why[300];
	size_t n, steps = 0, last = 0;
	int rc, any = 0;
	FILE *f;

	if (size == 0 || (f = fmemopen((void *)(uintptr_t)data, size, "rb")) == NULL)
		return 0;
	n = fread(head, 1, sizeof head, f);
	warc_stream_open(&s, f, 1, head, n, 1u << 24);
	while ((rc = warc_stream_next(&s, &rec, why, sizeof why)) != 0) {
		dyad_str ct;
		/* each call reads on: a byte of data, or of the file for a damaged member (the file's
		   bytes consumed so far: in_off and what of the input buffer zlib has taken) */
		if (++steps > s.win_off + s.win.n + s.in_off + (s.z.next_in ? (size_t)(s.z.next_in - s.in) : 0) + 2)
			abort();
		if (rc < 0)
			continue;
		if ((any && rec.offset <= last) || rec.block.p < s.win.p || rec.block.p + rec.block.n > s.win.p + s.win.n)
			abort();
		last = rec.offset;
		any = 1;
		(void)http_payload(rec.block, &payload, &ct);
	}
	warc_stream_close(&s);
	dyad_buf_free(&payload);
	return 0;
}
