/*
 * fuzz_dict.c — dictionary files as people edit them: any line may be
 * malformed. The parser must report and skip bad lines and never read past
 * the text.
 */
#include "dyad/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_line(void *ctx, const dyad_dict_line *l, dyad_errbuf *why)
{
	size_t i, *seen = ctx;

	(void)why;
	for (i = 0; i < l->nvalues; i++)
		*seen += l->values[i].text.n;
	return 0;
}

static void on_warn(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t seen = 0;

	dyad_dict_parse((dyad_str){ (const char *)data, size }, "fuzz.txt", on_line, on_warn, &seen);
	return 0;
}
