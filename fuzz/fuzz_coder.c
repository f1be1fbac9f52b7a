/*
 * fuzz_coder.c — a page in, events out: any bytes made valid UTF-8 (as the
 * reader does), cleaned with the shipped outlet dictionary, then tokens,
 * sentences, actors and events with the shipped lexicon and patterns, all
 * loaded once (data/ from the repository's root, or $DYAD_DATA). The first
 * byte says whether the bytes are a page to clean or article text already.
 */
#include "dyad/clean.h"
#include "dyad/utf8.h"
#include "pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_outlets *outlets;
	static dyad_lexicon *lx;
	static dyad_matcher *m;
	static dyad_patterns *p;
	static dyad_stemmer *st;
	dyad_buf fixed = DYAD_BUF_INIT;
	dyad_arena *a;
	dyad_str text;
	dyad_doc doc;
	dyad_ymd day = 20240506;

	if (lx == NULL) {
		char dir[4096];
		dyad_errbuf e;
		if ((outlets = dyad_outlets_load(fuzz_datadir("outlets.txt", dir, sizeof dir), fuzz_quiet, NULL, &e)) ==
		    NULL)
			fuzz_die(dir, &e);
		if ((lx = dyad_lexicon_load(fuzz_datadir("actors", dir, sizeof dir), fuzz_quiet, NULL, &e)) == NULL)
			fuzz_die(dir, &e);
		if ((p = dyad_patterns_load(fuzz_datadir("events", dir, sizeof dir), fuzz_quiet, NULL, &e)) == NULL)
			fuzz_die(dir, &e);
		m = dyad_matcher_new(lx);
		st = dyad_stemmer_new();
	}
	dyad_utf8_repair(&fixed, (dyad_str){ size ? (const char *)data + 1 : "", size ? size - 1 : 0 });
	text = (dyad_str){ fixed.p ? fixed.p : "", fixed.n };
	a = dyad_arena_new();
	memset(&doc, 0, sizeof doc);
	if (size && data[0] % 2) {
		dyad_page pg;
		memset(&pg, 0, sizeof pg);
		pg.path = "fuzz";
		pg.format = DYAD_FMT_TEXT;
		pg.text = text;
		dyad_clean_page(a, &pg, outlets, &doc);
		text = doc.body;
		if (doc.date && dyad_ymd_parse(dyad_str_c(doc.date)) > 0)
			day = dyad_ymd_parse(dyad_str_c(doc.date));
	}
	fuzz_code_text(m, p, st, a, text, day, doc.dateline);
	dyad_arena_free(a);
	dyad_buf_free(&fixed);
	return 0;
}
