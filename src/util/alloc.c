/*
 * alloc.c — the one place where running out of memory is handled: by aborting.
 * The rest of dyad calls these and carries no NULL checks for allocation.
 */
#include "dyad/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
	fprintf(stderr, "dyad: out of memory (asked for %zu bytes)\n", n);
	abort();
}

void *dyad_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *dyad_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		oom(count * size);
	return p;
}

void *dyad_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

void *dyad_xgrow(void *p, size_t *cap, size_t n, size_t size, size_t first)
{
	size_t grown;

	if (n < *cap)
		return p;
	grown = *cap ? *cap * 2 : first;
	if (grown < *cap || grown > SIZE_MAX / size)
		oom(SIZE_MAX);
	*cap = grown;
	return dyad_xrealloc(p, grown * size);
}

char *dyad_xstrndup(const char *s, size_t n)
{
	char *p = dyad_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *dyad_xstrdup(const char *s)
{
	return dyad_xstrndup(s, strlen(s));
}
