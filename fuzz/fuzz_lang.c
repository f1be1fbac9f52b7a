/*
 * fuzz_lang.c — language identification on any text: a language or "other",
 * never a crash, whatever the script or length.
 */
#include <stdlib.h>

#include "dyad/text.h"
#include "dyad/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_langid *l;
	dyad_buf fixed = DYAD_BUF_INIT;
	dyad_errbuf e;
	dyad_lang lang;

	if (l == NULL && (l = dyad_langid_new(&e)) == NULL)
		abort();
	dyad_utf8_repair(&fixed, (dyad_str){ (const char *)data, size });
	lang = dyad_langid_detect(l, (dyad_str){ fixed.p ? fixed.p : "", fixed.n });
	if ((int)lang < 0 || lang > DYAD_LANG_KK)
		abort();
	dyad_buf_free(&fixed);
	return 0;
}
