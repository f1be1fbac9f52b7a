/*
 * fuzz_morph.c — the Russian dictionary reader on damaged files: the input
 * holds replacements for az's files (sections of a file number, a 4-byte
 * little-endian length and the bytes); files it leaves out are empty but
 * valid. Loading must refuse bad files with an error, and whatever loads must
 * analyse words without reading outside the files.
 */
#include <stdlib.h>
#include <string.h>

#include "morph/ru.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An empty DAWG: one root unit and its guide entry. */
static const uint8_t empty_dawg[14] = { 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0 };

static const char *const words[] = {
	"наилучшая",
	"наисильнейшее",
	"Москва",
	"стали",
	"ещё",
	"еще",
	"Пашиняном",
	"ОДКБ",
	"Нур-Султане",
	"по-новому",
	"смотри-ка",
	"вице-премьер",
	"а-а-а",
	"нееет",
	"XIV",
	"42",
	"3,5",
	"iPhone",
	"Қазақстан",
	"по",
	"наи",
	"ейшая",
	"ааааааааааааааааааааааааааааааааааааааааааааааааааааааааа",
	"",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ru_blob f[RU_NFILES];
	void *own[RU_NFILES] = { NULL };
	morph_ru *r;
	dyad_errbuf e;
	size_t i, pos = 0;

	for (i = 0; i < RU_NFILES; i++) {
		f[i].p = i <= RU_PRED2 ? (const void *)empty_dawg : i == RU_PARADIGMS ? (const void *)"\0\0" : "[]";
		f[i].n = i <= RU_PRED2 ? sizeof empty_dawg : 2;
	}
	/* the files' bytes are copied so DAWG units are aligned, as in a mapped file */
	while (pos + 5 <= size) {
		unsigned k = data[pos] % RU_NFILES;
		uint32_t len;
		memcpy(&len, data + pos + 1, 4);
		pos += 5;
		if (len > size - pos)
			len = (uint32_t)(size - pos);
		free(own[k]);
		own[k] = malloc(len ? len : 1);
		memcpy(own[k], data + pos, len);
		f[k].p = own[k];
		f[k].n = len;
		pos += len;
	}
	if (morph_ru_load(&r, f, 0, &e) == 0) {
		dyad_arena *a = dyad_arena_new();
		for (i = 0; i < sizeof words / sizeof *words; i++) {
			dyad_analysis *an;
			size_t n = morph_ru_analyze(r, a, dyad_str_c(words[i]), i % 2 ? DYAD_MORPH_MIDCAP : 0, &an);
			if (n == 0 && words[i][0])
				abort(); /* a word always gets a reading */
		}
		dyad_arena_free(a);
		morph_ru_free(r);
	} else if (e.msg[0] == '\0')
		abort(); /* a refusal always says why */
	for (i = 0; i < RU_NFILES; i++)
		free(own[i]);
	return 0;
}
