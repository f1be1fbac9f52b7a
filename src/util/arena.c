/*
 * arena.c — the per-document bump allocator. Tokens, stems, matches and
 * candidate events of one article are allocated here and released together by
 * dyad_arena_reset(), so the hot path never calls free().
 *
 * With DYAD_ARENA_MALLOC defined (debug, asan and valgrind builds) every
 * allocation is its own malloc block, kept on a list, so memory tools see each
 * one's bounds and lifetime exactly as they would without the arena.
 */
#include "dyad/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALIGN 16
#define CHUNK_MIN ((size_t)64 * 1024)

struct chunk {
	struct chunk *next;
	size_t cap;
	size_t used;
	/* data follows, aligned */
};

struct dyad_arena {
	struct chunk *head; /* chunk being filled; older ones follow */
	size_t total;       /* bytes handed out since the last reset */
};

/* Chunk header size rounded up so the data after it stays aligned. */
#define HDR (((sizeof(struct chunk)) + ALIGN - 1) & ~(size_t)(ALIGN - 1))

dyad_arena *dyad_arena_new(void)
{
	return dyad_xcalloc(1, sizeof(dyad_arena));
}

static void free_chunks(struct chunk *c)
{
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
}

void dyad_arena_free(dyad_arena *a)
{
	if (a == NULL)
		return;
	free_chunks(a->head);
	free(a);
}

#ifdef DYAD_ARENA_MALLOC

void dyad_arena_reset(dyad_arena *a)
{
	free_chunks(a->head);
	a->head = NULL;
	a->total = 0;
}

void *dyad_arena_alloc(dyad_arena *a, size_t n)
{
	struct chunk *c = dyad_xmalloc(HDR + (n ? n : 1));

	c->cap = c->used = n;
	c->next = a->head;
	a->head = c;
	a->total += n;
	return (char *)c + HDR;
}

#else

void dyad_arena_reset(dyad_arena *a)
{
	/* Keep the newest (largest) chunk for the next document; free the rest. */
	if (a->head) {
		free_chunks(a->head->next);
		a->head->next = NULL;
		a->head->used = 0;
	}
	a->total = 0;
}

void *dyad_arena_alloc(dyad_arena *a, size_t n)
{
	struct chunk *c = a->head;
	size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	void *p;

	if (need == 0)
		need = ALIGN;
	if (c == NULL || c->cap - c->used < need) {
		size_t cap = c ? c->cap * 2 : CHUNK_MIN;

		while (cap < need)
			cap *= 2;
		c = dyad_xmalloc(HDR + cap);
		c->cap = cap;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = (char *)c + HDR + c->used;
	c->used += need;
	a->total += n;
	return p;
}

#endif

void *dyad_arena_zalloc(dyad_arena *a, size_t n)
{
	void *p = dyad_arena_alloc(a, n);

	memset(p, 0, n);
	return p;
}

char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n)
{
	char *p = dyad_arena_alloc(a, n + 1);

	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t dyad_arena_used(const dyad_arena *a)
{
	return a->total;
}

void *dyad_arena_grow(dyad_arena *a, void *p, size_t *cap, size_t n, size_t size, size_t first)
{
	size_t grown;
	void *q;

	if (n < *cap)
		return p;
	grown = *cap ? *cap * 2 : first;
	if (grown < *cap || grown > SIZE_MAX / size) {
		fprintf(stderr, "dyad: out of memory (an array of %zu elements)\n", grown);
		abort();
	}
	q = dyad_arena_zalloc(a, grown * size);
	if (n)
		memcpy(q, p, n * size);
	*cap = grown;
	return q;
}
