/*
 * fuzz_lexicon.c — the actor lexicon loader (the format of the data/actors files,
 * docs/dictionaries.md) on any file: bad lines are warned about and skipped,
 * never a crash. What was loaded is compiled into a matcher and finds the
 * actors of a few sentences and of the input's last line.
 */
#include "pipeline.h"
#include "tempdir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const texts[] = {
		"Президент Казахстана Касым-Жомарт Токаев встретился в Минске с Александром Лукашенко.",
		"The foreign minister of Arnor met the ambassador of Gondor in Bree on 3 March 2021.",
		"Глава государства поблагодарил коллегу. He said the sides would meet again.",
	};
	dyad_errbuf e;
	dyad_lexicon *lx;
	dyad_matcher *m;

	fuzz_write_file("fuzz.txt", data, size);
	if ((lx = dyad_lexicon_load(fuzz_tempdir(), fuzz_quiet, NULL, &e)) == NULL)
		fuzz_die("the lexicon it was given", &e);
	m = dyad_matcher_new(lx);
	fuzz_code_samples(m, NULL, NULL, texts, sizeof texts / sizeof *texts, data, size);
	dyad_matcher_free(m);
	dyad_lexicon_free(lx);
	return 0;
}
