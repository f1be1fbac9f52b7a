/*
 * codebook.c — reading the codebook tables (tab-separated, '#' comments) and
 * answering what a code means. Codes are kept sorted for binary search.
 */
#include "dyad/codebook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dyad_codebook {
	dyad_arena *arena;
	dyad_cameo *codes;
	size_t ncodes;
	dyad_plover *types;
	size_t ntypes;
};

/* Split `line` at tabs into at most `max` fields; returns the count. */
static size_t fields(char *line, char **out, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		char *tab = strchr(p, '\t');
		out[n++] = p;
		if (tab == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

static int valid_code(const char *c)
{
	size_t i, n = strlen(c);

	if (n < 3 || n > 4)
		return 0;
	for (i = 0; i < n; i++)
		if (c[i] < '0' || c[i] > '9')
			return 0;
	return 1;
}

static void warnf(void (*warn)(void *, const char *), void *ctx, const char *file, size_t line, const char *what)
{
	char msg[4800];

	if (warn == NULL)
		return;
	snprintf(msg, sizeof msg, "%s:%zu: %s", file, line, what);
	warn(ctx, msg);
}

/* Each data line of `path`, NUL-terminated and writable, through fn. */
static int each_line(dyad_codebook *cb, const char *path, dyad_errbuf *e,
		     void (*fn)(dyad_codebook *cb, char *line, size_t no, void *arg), void *arg)
{
	dyad_buf text = DYAD_BUF_INIT;
	char *p, *end;
	size_t no = 0;

	if (dyad_read_file(&text, path, 16u << 20, e) < 0)
		return DYAD_EIO;
	p = dyad_arena_strndup(cb->arena, text.p ? text.p : "", text.n);
	end = p + text.n;
	dyad_buf_free(&text);
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl)
			*nl = '\0';
		no++;
		if (nl && nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		if (*p && *p != '#')
			fn(cb, p, no, arg);
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

typedef struct {
	const char *file;
	void (*warn)(void *, const char *);
	void *ctx;
	size_t cap;
} load_ctx;

static void cameo_line(dyad_codebook *cb, char *line, size_t no, void *arg)
{
	load_ctx *l = arg;
	char *f[9], *end;
	size_t n = fields(line, f, 9);
	dyad_cameo *c;
	double g;
	long q;

	if (n != 8) {
		warnf(l->warn, l->ctx, l->file, no,
		      "expected 8 tab-separated columns: code root goldstein quad plover mode name name_ru");
		return;
	}
	if (!valid_code(f[0]) || strlen(f[1]) != 2 || strncmp(f[0], f[1], 2) != 0) {
		warnf(l->warn, l->ctx, l->file, no, "expected a CAMEO code of 3 or 4 digits and its 2-digit root");
		return;
	}
	g = strtod(f[2], &end);
	if (*end || end == f[2] || g < -10.0 || g > 10.0) {
		warnf(l->warn, l->ctx, l->file, no, "expected a Goldstein score between -10 and 10");
		return;
	}
	q = strtol(f[3], &end, 10);
	if (*end || q < 1 || q > 4) {
		warnf(l->warn, l->ctx, l->file, no, "expected a QuadClass from 1 to 4");
		return;
	}
	cb->codes = dyad_xgrow(cb->codes, &l->cap, cb->ncodes, sizeof *cb->codes, 512);
	c = &cb->codes[cb->ncodes++];
	c->code = f[0];
	c->root = f[1];
	c->goldstein = g;
	c->quad = (int)q;
	c->plover = f[4];
	c->plover_mode = f[5];
	c->name = f[6];
	c->name_ru = f[7];
}

static void plover_line(dyad_codebook *cb, char *line, size_t no, void *arg)
{
	load_ctx *l = arg;
	char *f[5], *end;
	size_t n = fields(line, f, 5);
	long q;

	if (n != 4 || !*f[0]) {
		warnf(l->warn, l->ctx, l->file, no, "expected 4 tab-separated columns: type quad definition name_ru");
		return;
	}
	q = strtol(f[1], &end, 10);
	if (*end || q < 1 || q > 4) {
		warnf(l->warn, l->ctx, l->file, no, "expected a QuadClass from 1 to 4");
		return;
	}
	cb->types = dyad_xgrow(cb->types, &l->cap, cb->ntypes, sizeof *cb->types, 32);
	cb->types[cb->ntypes].type = f[0];
	cb->types[cb->ntypes].quad = (int)q;
	cb->types[cb->ntypes].definition = f[2];
	cb->types[cb->ntypes].name_ru = f[3];
	cb->ntypes++;
}

static int by_code(const void *a, const void *b)
{
	return strcmp(((const dyad_cameo *)a)->code, ((const dyad_cameo *)b)->code);
}

dyad_codebook *dyad_codebook_load(const char *dir, void (*warn)(void *ctx, const char *msg), void *ctx, dyad_errbuf *e)
{
	dyad_codebook *cb = dyad_xcalloc(1, sizeof *cb);
	char path[4096];
	load_ctx l;
	size_t i;

	cb->arena = dyad_arena_new();
	memset(&l, 0, sizeof l);
	l.warn = warn;
	l.ctx = ctx;
	snprintf(path, sizeof path, "%s/cameo.tsv", dir);
	l.file = path;
	if (each_line(cb, path, e, cameo_line, &l) < 0)
		goto fail;
	if (cb->ncodes > 1)
		qsort(cb->codes, cb->ncodes, sizeof *cb->codes, by_code);
	for (i = 1; i < cb->ncodes; i++)
		if (strcmp(cb->codes[i - 1].code, cb->codes[i].code) == 0)
			warnf(warn, ctx, path, 0, "a code is listed twice; the first row counts");
	snprintf(path, sizeof path, "%s/plover.tsv", dir);
	l.cap = 0;
	if (each_line(cb, path, e, plover_line, &l) < 0)
		goto fail;
	return cb;
fail:
	dyad_codebook_free(cb);
	return NULL;
}

void dyad_codebook_free(dyad_codebook *cb)
{
	if (cb == NULL)
		return;
	free(cb->codes);
	free(cb->types);
	dyad_arena_free(cb->arena);
	free(cb);
}

const dyad_cameo *dyad_codebook_lookup(const dyad_codebook *cb, const char *code)
{
	dyad_cameo key;

	if (cb == NULL || code == NULL || cb->ncodes == 0)
		return NULL;
	memset(&key, 0, sizeof key); /* only the code is compared; the rest zeroed for the analyzers */
	key.code = code;
	return bsearch(&key, cb->codes, cb->ncodes, sizeof *cb->codes, by_code);
}

const dyad_plover *dyad_codebook_plover(const dyad_codebook *cb, const char *type)
{
	size_t i;

	for (i = 0; cb && type && i < cb->ntypes; i++)
		if (strcmp(cb->types[i].type, type) == 0)
			return &cb->types[i];
	return NULL;
}

const dyad_cameo *dyad_codebook_all(const dyad_codebook *cb, size_t *n)
{
	*n = cb->ncodes;
	return cb->codes;
}
