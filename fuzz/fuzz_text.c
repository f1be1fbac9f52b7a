/*
 * fuzz_text.c — the text core on any bytes: repair, NFC, the matching form,
 * tokens, sentences and stems. Checks what every later stage relies on:
 * spans lie inside the text, in order, and the fold map points back into it.
 */
#include <stdlib.h>

#include "dyad/text.h"
#include "dyad/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_stemmer *st;
	dyad_buf fixed = DYAD_BUF_INIT, nfc = DYAD_BUF_INIT;
	dyad_arena *a = dyad_arena_new();
	dyad_token *toks;
	dyad_span *sents;
	dyad_folded f;
	dyad_str t;
	size_t n, i, prev = 0;

	if (st == NULL)
		st = dyad_stemmer_new();
	dyad_utf8_repair(&fixed, (dyad_str){ (const char *)data, size });
	if (!dyad_utf8_valid((dyad_str){ fixed.p ? fixed.p : "", fixed.n }))
		abort();
	dyad_utf8_nfc(&nfc, (dyad_str){ fixed.p ? fixed.p : "", fixed.n });
	t = (dyad_str){ nfc.p ? nfc.p : "", nfc.n };
	dyad_fold(a, t, &f);
	for (i = 0; i <= f.n; i++)
		if (f.map[i] > t.n || (i > 0 && f.map[i] < f.map[i - 1]))
			abort();
	n = dyad_tokenize(a, t, &toks);
	for (i = 0; i < n; i++) {
		if (toks[i].span.start < prev || toks[i].span.end <= toks[i].span.start || toks[i].span.end > t.n)
			abort();
		prev = toks[i].span.end;
		if (toks[i].kind == DYAD_TOK_WORD) {
			dyad_str w = { t.p + toks[i].span.start, toks[i].span.end - toks[i].span.start };
			(void)dyad_stem(st, a, w);
			(void)dyad_stem_light(st, a, w);
		}
	}
	n = dyad_sent_split(a, t, &sents);
	for (i = 0, prev = 0; i < n; i++) {
		if (sents[i].start < prev || sents[i].end <= sents[i].start || sents[i].end > t.n)
			abort();
		prev = sents[i].end;
	}
	dyad_arena_free(a);
	dyad_buf_free(&fixed);
	dyad_buf_free(&nfc);
	return 0;
}
