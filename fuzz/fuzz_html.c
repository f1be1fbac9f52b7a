/*
 * fuzz_html.c — HTML pages as a crawler may have saved them, broken ones
 * included, through the extractor: it must never crash or leak.
 */
#include "read/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	html_page p = { DYAD_BUF_INIT, DYAD_BUF_INIT, DYAD_BUF_INIT, DYAD_BUF_INIT, DYAD_BUF_INIT, DYAD_BUF_INIT,
			DYAD_BUF_INIT };

	html_extract((dyad_str){ (const char *)data, size }, NULL, &p);
	html_page_free(&p);
	return 0;
}
