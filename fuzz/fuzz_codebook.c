/*
 * fuzz_codebook.c — the codebook loader (data/codebook/cameo.tsv and
 * plover.tsv, docs/codebook.md) on any pair of files: the input is cameo.tsv,
 * a line "%%", then plover.tsv. The loader must answer with a codebook or an
 * error naming the file and line, never crash; every code it holds is then
 * looked up again.
 */
#include <stdlib.h>
#include <string.h>

#include "dyad/codebook.h"
#include "tempdir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *sep = NULL, *q;
	dyad_codebook *cb;
	const dyad_cameo *all;
	dyad_errbuf e;
	size_t n = 0, i;

	for (q = p; q + 3 <= end; q++)
		if (q[0] == '%' && q[1] == '%' && (q == p || q[-1] == '\n') && (q + 2 == end || q[2] == '\n')) {
			sep = q;
			break;
		}
	fuzz_write_file("cameo.tsv", data, sep ? (size_t)(sep - p) : size);
	fuzz_write_file("plover.tsv", sep ? (const uint8_t *)sep + 3 : data,
			sep ? (size_t)(end - sep - (sep + 3 <= end ? 3 : 2)) : 0);
	cb = dyad_codebook_load(fuzz_tempdir(), NULL, NULL, &e);
	if (cb == NULL) {
		if (e.msg[0] == '\0')
			abort();
		return 0;
	}
	all = dyad_codebook_all(cb, &n);
	for (i = 0; i < n; i++)
		if (dyad_codebook_lookup(cb, all[i].code) == NULL)
			abort();
	(void)dyad_codebook_lookup(cb, "040");
	(void)dyad_codebook_plover(cb, "CONSULT");
	dyad_codebook_free(cb);
	return 0;
}
