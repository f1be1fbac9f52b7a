/*
 * petrarch.c — bring your own dictionaries: the dyad_petrarch handle, the
 * word maps its dictionaries are filed in, one dictionary text cut into lines
 * and handed to the reader of its kind (read_*.c), and whole folders or
 * PETR_config.ini-style files loaded. The coder is in members.c and code.c.
 */
#include "petrarch/internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* ---- a word → list map ---------------------------------------------------------------------- */

static uint64_t word_hash(const char *key)
{
	return dyad_hash64(key, strlen(key), DYAD_HASH_SEED);
}

/* The entry of `key`, whose hash is h, or NULL. */
static struct wordmap_entry *find(const wordmap *m, const char *key, uint64_t h)
{
	size_t at = 0, i;

	while (dyad_keymap_next(&m->index, h, &at, &i))
		if (strcmp(m->e[i].key, key) == 0)
			return &m->e[i];
	return NULL;
}

void **petr_wordmap_slot(wordmap *m, const char *key, int create)
{
	uint64_t h = word_hash(key);
	struct wordmap_entry *f = find(m, key, h);

	if (f)
		return &f->val;
	if (!create)
		return NULL;
	m->e = dyad_xgrow(m->e, &m->cap, m->n, sizeof *m->e, 256);
	m->e[m->n].key = key;
	m->e[m->n].val = NULL;
	dyad_keymap_add(&m->index, h, m->n);
	return &m->e[m->n++].val;
}

void *petr_wordmap_get(const wordmap *m, const char *key)
{
	const struct wordmap_entry *f = find(m, key, word_hash(key));

	return f ? f->val : NULL;
}

void petr_wordmap_free(wordmap *m)
{
	free(m->e);
	dyad_keymap_free(&m->index);
}

/* ---- the handle ---------------------------------------------------------------------------- */

dyad_petrarch *dyad_petrarch_new(void)
{
	dyad_petrarch *p = dyad_xcalloc(1, sizeof *p);
	p->arena = dyad_arena_new();
	return p;
}

void dyad_petrarch_free(dyad_petrarch *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nblocks; i++)
		free(p->blocks[i]->pats);
	free(p->blocks);
	free(p->discards);
	petr_wordmap_free(&p->actors);
	petr_wordmap_free(&p->agents);
	petr_wordmap_free(&p->vforms);
	petr_wordmap_free(&p->synsets);
	dyad_arena_free(p->arena);
	free(p);
}

void dyad_petrarch_count(const dyad_petrarch *p, dyad_petrarch_counts *out)
{
	*out = p->counts;
}

/* ---- one dictionary text ------------------------------------------------------------------- */

size_t dyad_petrarch_read(dyad_petrarch *p, dyad_petr_kind kind, dyad_str text, const char *file,
			  dyad_dict_warn_fn warn, void *ctx)
{
	reader r;
	char *copy = dyad_arena_strndup(p->arena, text.p ? text.p : "", text.n), *q, **lines = NULL;
	size_t nlines = 0, cap = 0, i;
	int in_comment = 0;

	memset(&r, 0, sizeof r);
	r.p = p;
	r.file = dyad_arena_strndup(p->arena, file, strlen(file));
	r.warn = warn;
	r.ctx = ctx;
	/* lines, with NULs replaced, "\r" dropped and <!-- ... --> blocks blanked */
	for (i = 0; i < text.n; i++)
		if (copy[i] == '\0')
			copy[i] = ' ';
	for (q = copy;;) {
		char *nl = strchr(q, '\n');
		size_t n;
		if (nl)
			*nl = '\0';
		n = strlen(q);
		if (n && q[n - 1] == '\r')
			q[--n] = '\0';
		lines = dyad_xgrow(lines, &cap, nlines, sizeof *lines, 256);
		if (in_comment) {
			if (strstr(q, "-->"))
				in_comment = 0;
			lines[nlines++] = q + n;
		} else {
			const char *t = q;
			while (*t == ' ' || *t == '\t')
				t++;
			if (strncmp(t, "<!--", 4) == 0 && strstr(t, "-->") == NULL)
				in_comment = 1;
			lines[nlines++] = q;
		}
		if (!nl)
			break;
		q = nl + 1;
	}
	switch (kind) {
	case DYAD_PETR_ACTORS: petr_read_actors(&r, lines, nlines); break;
	case DYAD_PETR_AGENTS: petr_read_agents(&r, lines, nlines); break;
	case DYAD_PETR_VERBS: petr_read_verbs(&r, lines, nlines); break;
	case DYAD_PETR_DISCARDS: petr_read_discards(&r, lines, nlines); break;
	case DYAD_PETR_ISSUES: petr_read_issues(&r, lines, nlines); break;
	}
	free(lines);
	return r.bad;
}

/* ---- loading files ------------------------------------------------------------------------- */

static int kind_of_name(const char *name)
{
	char low[512];
	size_t i;

	for (i = 0; name[i] && i + 1 < sizeof low; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	low[i] = '\0';
	if (strstr(low, "actors"))
		return DYAD_PETR_ACTORS;
	if (strstr(low, "agents"))
		return DYAD_PETR_AGENTS;
	if (strstr(low, "verbs"))
		return DYAD_PETR_VERBS;
	if (strstr(low, "discards"))
		return DYAD_PETR_DISCARDS;
	if (strstr(low, "issue"))
		return DYAD_PETR_ISSUES;
	return 0;
}

static int kind_of_key(const char *k)
{
	static const struct {
		const char *key;
		int kind;
	} keys[] = {
		{ "actors", DYAD_PETR_ACTORS },
		{ "actorfile_list", DYAD_PETR_ACTORS },
		{ "actorfile_name", DYAD_PETR_ACTORS },
		{ "agents", DYAD_PETR_AGENTS },
		{ "agentfile_name", DYAD_PETR_AGENTS },
		{ "verbs", DYAD_PETR_VERBS },
		{ "verbfile_name", DYAD_PETR_VERBS },
		{ "discards", DYAD_PETR_DISCARDS },
		{ "discardfile_name", DYAD_PETR_DISCARDS },
		{ "issues", DYAD_PETR_ISSUES },
		{ "issuefile_name", DYAD_PETR_ISSUES },
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if (strcasecmp(k, keys[i].key) == 0)
			return keys[i].kind;
	return 0;
}

static int load_file(dyad_petrarch *p, int kind, const char *path, dyad_dict_warn_fn warn, void *ctx, dyad_errbuf *e)
{
	dyad_buf text = DYAD_BUF_INIT;

	if (dyad_read_file(&text, path, 256u << 20, e) < 0)
		return DYAD_EIO;
	dyad_petrarch_read(p, (dyad_petr_kind)kind, (dyad_str){ text.p, text.n }, path, warn, ctx);
	dyad_buf_free(&text);
	return 0;
}

static int load_dir(dyad_petrarch *p, const char *dir, dyad_dict_warn_fn warn, void *ctx, dyad_errbuf *e)
{
	char **names;
	long n = dyad_list_dir(dir, NULL, &names), i;
	int rc = 0;

	if (n < 0)
		return dyad_errf(e, DYAD_EIO, "%s: cannot open the folder", dir);
	for (i = 0; i < n && rc == 0; i++) {
		char path[4096];
		if (!kind_of_name(names[i]))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		rc = load_file(p, kind_of_name(names[i]), path, warn, ctx, e);
	}
	dyad_names_free(names, (size_t)n);
	return rc;
}

static int load_config(dyad_petrarch *p, const char *path, dyad_dict_warn_fn warn, void *ctx, dyad_errbuf *e)
{
	dyad_buf text = DYAD_BUF_INIT;
	char dir[4096], *line, *save = NULL;
	const char *slash = strrchr(path, '/');
	size_t no = 0;
	int rc = 0;

	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
	if (dyad_read_file(&text, path, 1u << 20, e) < 0)
		return DYAD_EIO;
	for (line = strtok_r(text.p ? text.p : (char *)"", "\n", &save); line && rc == 0;
	     line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '='), *v, *name, *save2 = NULL;
		dyad_str key;
		char k[64];
		int kind;

		no++;
		if (line[0] == '#' || line[0] == '[' || line[0] == ';' || eq == NULL)
			continue;
		key = dyad_str_trim((dyad_str){ line, (size_t)(eq - line) });
		snprintf(k, sizeof k, "%.*s", (int)key.n, key.p);
		if ((kind = kind_of_key(k)) == 0)
			continue;
		v = eq + 1;
		for (name = strtok_r(v, ",", &save2); name && rc == 0; name = strtok_r(NULL, ",", &save2)) {
			dyad_str f = dyad_str_trim(dyad_str_c(name));
			char fp[8192];
			if (f.n == 0)
				continue;
			if (f.p[0] == '/')
				snprintf(fp, sizeof fp, "%.*s", (int)f.n, f.p);
			else
				snprintf(fp, sizeof fp, "%s/%.*s", dir, (int)f.n, f.p);
			rc = load_file(p, kind, fp, warn, ctx, e);
		}
	}
	dyad_buf_free(&text);
	return rc;
}

dyad_petrarch *dyad_petrarch_load(const char *path, dyad_dict_warn_fn warn, void *ctx, dyad_errbuf *e)
{
	dyad_petrarch *p = dyad_petrarch_new();
	struct stat st;
	int rc;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		rc = load_dir(p, path, warn, ctx, e);
	else
		rc = load_config(p, path, warn, ctx, e);
	if (rc == 0 && (p->counts.verbs == 0 || p->counts.actors == 0))
		rc = dyad_errf(
			e,
			DYAD_ENOTFOUND, "%s: no verb and actor dictionaries found (expected *.verbs and *.actors files, or a config naming them)",
			path);
	if (rc < 0) {
		dyad_petrarch_free(p);
		return NULL;
	}
	return p;
}
