/*
 * fuzz_outlets.c — the outlet dictionary loader (data/outlets.txt's format,
 * docs/dictionaries.md) on any file: bad lines are warned about and skipped,
 * never a crash. Then the input's last line is looked up as a name and an
 * address, and a few pages are cleaned with what was loaded.
 */
#include <stdlib.h>
#include <string.h>

#include "dyad/clean.h"
#include "tempdir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_warn(void *ctx, const char *msg)
{
	if (msg == NULL || msg[0] == '\0')
		abort();
	(*(size_t *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const pages[] = {
		"Steppe Herald\nMinisters meet\n\nASTANA, MAY 6, STEPPE. The ministers met in Astana on Monday "
		"and discussed trade.\n\nThe talks will go on, Steppe Herald reports.\n\xc2\xa9 2024 Steppe Herald\n",
		"Редакция сайта\nМинистры встретились\n\nАСТАНА, 6 мая. /СТЕПЬ/. Министры встретились в Астане "
		"и обсудили торговлю.\n\nИсточник: steppe.example/news/1\n",
	};
	const char *path = fuzz_write_file("outlets.txt", data, size);
	size_t warnings = 0, i;
	dyad_errbuf e;
	dyad_outlets *o = dyad_outlets_load(path, on_warn, &warnings, &e);
	const char *end = (const char *)data + size, *last = end;

	if (o == NULL)
		abort(); /* the file exists: a loader only fails on a file it cannot read */
	while (last > (const char *)data && last[-1] != '\n')
		last--;
	(void)dyad_outlets_by_name(o, (dyad_str){ last, (size_t)(end - last) });
	(void)dyad_outlets_by_url(o, (dyad_str){ last, (size_t)(end - last) });
	(void)dyad_outlets_by_url(o, DYAD_STR_LIT("https://www.steppe.example/news/1"));
	for (i = 0; i < sizeof pages / sizeof *pages; i++) {
		dyad_arena *a = dyad_arena_new();
		dyad_page pg;
		dyad_doc doc;
		memset(&pg, 0, sizeof pg);
		pg.path = "fuzz";
		pg.format = DYAD_FMT_TEXT;
		pg.text = dyad_str_c(pages[i]);
		dyad_clean_page(a, &pg, o, &doc);
		dyad_arena_free(a);
	}
	dyad_outlets_free(o);
	return 0;
}
