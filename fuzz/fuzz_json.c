/*
 * fuzz_json.c — the JSON reader on any bytes (JSON Lines inputs and gold
 * files are read with it): it must answer with a tree or an error, and a
 * tree's strings must be valid UTF-8.
 */
#include <stdlib.h>

#include "dyad/json.h"
#include "dyad/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const dyad_json *v, int depth)
{
	const dyad_json *c;
	size_t n = 0;

	if (depth > 300)
		abort();
	if (v->type == DYAD_JSON_STRING && !dyad_utf8_valid(v->str))
		abort();
	for (c = v->child; c; c = c->next, n++)
		check(c, depth + 1);
	if ((v->type == DYAD_JSON_ARRAY || v->type == DYAD_JSON_OBJECT) && n != v->count)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_arena *a = dyad_arena_new();
	dyad_json *v;
	dyad_errbuf e;

	if (dyad_json_parse(a, (dyad_str){ (const char *)data, size }, &v, &e) == 0)
		check(v, 0);
	dyad_arena_free(a);
	return 0;
}
