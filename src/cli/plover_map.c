/*
 * plover_map.c — reading data/codebook/cameo2plover.tsv (code, event,
 * mode, context, tab-separated; # comments) and looking codes up in it.
 */
#include "plover_map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copy field `f` of `line` (tab-separated) into out[cap]; 0 when the field is missing or too long. */
static int field(const char *line, int f, char *out, size_t cap)
{
	const char *p = line, *end;
	size_t n;

	for (; f > 0; f--) {
		if ((p = strchr(p, '\t')) == NULL)
			return 0;
		p++;
	}
	end = p + strcspn(p, "\t");
	n = (size_t)(end - p);
	if (n >= cap)
		return 0;
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

int dyad_plover_map_load(dyad_plover_map *m, const char *path, void (*warn)(void *ctx, const char *msg), void *ctx,
			 dyad_errbuf *e)
{
	dyad_buf text = DYAD_BUF_INIT;
	char *line, *next, msg[512];
	size_t lineno = 0, cap = 0;
	int rc;

	memset(m, 0, sizeof *m);
	if ((rc = dyad_read_file(&text, path, 1u << 20, e)) < 0)
		return rc;
	dyad_buf_putc(&text, '\0');
	for (line = text.p; line && *line; line = next) {
		dyad_plover_row r;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		lineno++;
		if (*line == '#' || *line == '\0')
			continue;
		memset(&r, 0, sizeof r);
		if (!field(line, 0, r.code, sizeof r.code) || !field(line, 1, r.event, sizeof r.event) ||
		    !field(line, 2, r.mode, sizeof r.mode) || !field(line, 3, r.context, sizeof r.context) ||
		    !r.event[0] || strspn(r.code, "0123456789") != strlen(r.code) || strlen(r.code) < 2) {
			snprintf(msg, sizeof msg, "%s:%zu: expected code, event, mode and context separated by tabs",
				 path, lineno);
			if (warn)
				warn(ctx, msg);
			continue;
		}
		if (m->n == cap) {
			cap = cap ? 2 * cap : 512;
			m->rows = dyad_xrealloc(m->rows, cap * sizeof *m->rows);
		}
		m->rows[m->n++] = r;
	}
	dyad_buf_free(&text);
	return 0;
}

void dyad_plover_map_free(dyad_plover_map *m)
{
	free(m->rows);
	memset(m, 0, sizeof *m);
}

const dyad_plover_row *dyad_plover_map_find(const dyad_plover_map *m, const char *code)
{
	char key[8];
	size_t n, i;

	snprintf(key, sizeof key, "%s", code ? code : "");
	for (n = strlen(key); n >= 2; n--) {
		key[n] = '\0';
		for (i = 0; i < m->n; i++)
			if (strcmp(m->rows[i].code, key) == 0)
				return &m->rows[i];
	}
	return NULL;
}
