/*
 * fuzz_petrarch.c — PETRARCH/TABARI dictionaries as people edit them. The
 * first byte picks the reader (actors, agents, verbs, discards, issues), the
 * rest is the file; each line up to a blank line is one kind, so verbs and
 * actors can meet. Then a few sentences are coded with what was read, and the
 * input's last line is coded as a sentence of its own.
 */
#include "dyad/petrarch.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_warn(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const sentences[] = {
		"Arnor is about to restore full diplomatic ties with Gondor's government.",
		"The ambassadors of Arnor, Osgiliath and Gondor presented credentials to Ithilen's president.",
		"Gondor and Osgiliath have delayed their meeting, officials in Bree said.",
	};
	dyad_petrarch *p = dyad_petrarch_new();
	dyad_arena *a = dyad_arena_new();
	const char *text = (const char *)data + (size ? 1 : 0), *end = (const char *)data + size, *last;
	size_t i;

	/* sections separated by a line "%%": actors, agents, verbs, discards, issues, starting at kind data[0] */
	{
		int kind = size ? 1 + data[0] % 5 : 1;
		const char *s = text;
		while (s < end) {
			const char *sep = NULL, *q;
			for (q = s; q + 3 <= end; q++)
				if (q[0] == '%' && q[1] == '%' && (q == s || q[-1] == '\n') &&
				    (q + 2 == end || q[2] == '\n')) {
					sep = q;
					break;
				}
			dyad_petrarch_read(p, (dyad_petr_kind)kind, (dyad_str){ s, (size_t)((sep ? sep : end) - s) },
					   "fuzz.txt", on_warn, NULL);
			if (!sep)
				break;
			s = sep + 3;
			kind = kind % 5 + 1;
		}
	}
	for (i = 0; i < sizeof sentences / sizeof *sentences; i++) {
		dyad_petrarch_event *ev;
		int dis;
		dyad_petrarch_code(p, a, dyad_str_c(sentences[i]), 19950101, &ev, &dis);
		dyad_arena_reset(a);
	}
	for (last = end; last > text && last[-1] != '\n'; last--)
		;
	{
		dyad_petrarch_event *ev;
		dyad_petrarch_code(p, a, (dyad_str){ last, (size_t)(end - last) }, 20000101, &ev, NULL);
	}
	dyad_arena_free(a);
	dyad_petrarch_free(p);
	return 0;
}
