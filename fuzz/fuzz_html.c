/*
 * fuzz_html.c — HTML pages as a crawler may have saved them, broken ones
 * included, through the extractor: it must never crash or leak.
 */
#include "read/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	html_page p = { DYAD_BUF_INIT, DYAD_BUF_INIT, DYAD_BUF_INIT, DYAD_BUF_INIT,
			DYAD_BUF_INIT, DYAD_BUF_INIT, DYAD_BUF_INIT };

	/* as a file gives it, then as an HTTP header or a JSON string would say what it is */
	html_extract((dyad_str){ (const char *)data, size }, NULL, NULL, &p);
	html_extract((dyad_str){ (const char *)data, size }, NULL, size % 2 ? "windows-1251" : "UTF-8", &p);
	html_page_free(&p);
	return 0;
}
