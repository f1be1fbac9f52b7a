/*
 * fuzz_warc.c — WARC files, gzip members and the HTTP responses inside
 * records: truncated, malformed or lying about their lengths. Every record
 * handed out must lie inside the input, and reading must always end.
 */
#include <stdlib.h>

#include "read/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_str in = { (const char *)data, size };
	dyad_buf plain = DYAD_BUF_INIT, payload = DYAD_BUF_INIT;
	warc_record rec;
	char why[300];
	size_t pos = 0, last = 0, steps = 0;
	int rc;

	if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) {
		if (gunzip_all(in, &plain, 1u << 24, why, sizeof why) < 0) {
			dyad_buf_free(&plain);
			return 0;
		}
		in = (dyad_str){ plain.p ? plain.p : "", plain.n };
	}
	while ((rc = warc_next(in, &pos, &rec, why, sizeof why)) != 0) {
		dyad_str ct;
		if (pos < last || pos > in.n || ++steps > in.n + 1)
			abort();
		last = pos;
		if (rc < 0)
			continue;
		if (rec.block.p < in.p || rec.block.p + rec.block.n > in.p + in.n)
			abort();
		(void)http_payload(rec.block, &payload, &ct);
	}
	dyad_buf_free(&payload);
	dyad_buf_free(&plain);
	return 0;
}
