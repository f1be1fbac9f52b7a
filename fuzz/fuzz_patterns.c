/*
 * fuzz_patterns.c — the event pattern loader (the format of the data/events files,
 * docs/patterns.md) on any file, named ru.txt or en.txt by the first byte:
 * bad lines are warned about and skipped, never a crash. The patterns then
 * code a few sentences and the input's last line, with the shipped actor
 * lexicon (loaded once) finding the actors.
 */
#include "pipeline.h"
#include "tempdir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const texts[] = {
		"Президент Казахстана Касым-Жомарт Токаев встретился в Минске с Александром Лукашенко. "
		"Стороны обсудили сотрудничество и подписали соглашение.",
		"Kazakhstan's foreign minister visited Belarus on 3 March and met President Lukashenko. "
		"\"We will not accept this,\" the ministry said, accusing Minsk of interference.",
	};
	static dyad_lexicon *lx;
	static dyad_matcher *m;
	static dyad_stemmer *st;
	const char *name = size && data[0] % 2 ? "en.txt" : "ru.txt";
	dyad_patterns *p;
	dyad_errbuf e;

	if (lx == NULL) {
		char dir[4096];
		if ((lx = dyad_lexicon_load(fuzz_datadir("actors", dir, sizeof dir), fuzz_quiet, NULL, &e)) == NULL)
			fuzz_die(dir, &e);
		m = dyad_matcher_new(lx);
		st = dyad_stemmer_new();
	}
	fuzz_remove_file(size && data[0] % 2 ? "ru.txt" : "en.txt");
	fuzz_write_file(name, size ? data + 1 : data, size ? size - 1 : 0);
	if ((p = dyad_patterns_load(fuzz_tempdir(), fuzz_quiet, NULL, &e)) == NULL)
		fuzz_die("the patterns it was given", &e);
	fuzz_code_samples(m, p, st, texts, sizeof texts / sizeof *texts, size ? data + 1 : data, size ? size - 1 : 0);
	dyad_patterns_free(p);
	return 0;
}
