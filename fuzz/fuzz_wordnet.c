/*
 * fuzz_wordnet.c — WordNet's files as a damaged or foreign install may hold
 * them: the input is read as an index, an exception list, a sense-count list
 * and a data file. A malformed line must give an error naming the file and
 * the line (or offset), and nothing may read past the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "morph/wordnet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_index(void *ctx, const morph_wn_index_line *l)
{
	*(size_t *)ctx += l->lemma.n + l->offsets.n + l->senses;
	return 0;
}

static int on_exc(void *ctx, dyad_str form, dyad_str lemma)
{
	*(size_t *)ctx += form.n + lemma.n;
	return 0;
}

static int on_count(void *ctx, const morph_wn_count_line *l)
{
	*(size_t *)ctx += l->lemma.n + l->count;
	return 0;
}

/* An error must be "NAME:LINE: ..." with a line number from 1. */
static void check_named(int rc, const dyad_errbuf *e, const char *name)
{
	size_t k = strlen(name);

	if (rc == 0)
		return;
	if (rc != DYAD_EINPUT || strncmp(e->msg, name, k) != 0 || e->msg[k] != ':' || e->msg[k + 1] < '1' ||
	    e->msg[k + 1] > '9')
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_str s = { (const char *)data, size }, form;
	dyad_errbuf e;
	size_t seen = 0, i;
	int rc;

	check_named(morph_wn_read_index(s, "index.noun", 'n', on_index, &seen, &e), &e, "index.noun");
	check_named(morph_wn_read_exc(s, "noun.exc", on_exc, &seen, &e), &e, "noun.exc");
	check_named(morph_wn_read_counts(s, "cntlist.rev", on_count, &seen, &e), &e, "cntlist.rev");
	/* a synset line at the start and after each of the first newlines */
	for (i = 0; i <= size && i < 4096; i++) {
		if (i > 0 && data[i - 1] != '\n')
			continue;
		rc = morph_wn_synset_word(s, "data.noun", i, (dyad_str){ "a", 1 }, &form, &e);
		if (rc == 1 && (form.p < s.p || form.p + form.n > s.p + s.n))
			abort();
		if (rc < 0 && (rc != DYAD_EINPUT || strncmp(e.msg, "data.noun: offset ", 18) != 0))
			abort();
	}
	return (int)(seen & 0);
}
