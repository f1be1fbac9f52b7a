/*
 * outlets.c — the outlet dictionary (data/outlets.txt): every spelling of an
 * outlet's name and its web domains lead to one canonical name, so "БЕЛТА",
 * "(BelTA)" and eng.belta.by are all BelTA.
 */
#include "dyad/clean.h"
#include "dyad/dict.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	char *key;    /* lower-cased name or domain */
	size_t canon; /* index into names */
} entry;

struct dyad_outlets {
	char **names; /* canonical names */
	size_t nnames;
	entry *byname, *bydomain, *cues;
	size_t nbyname, nbydomain, ncues, capname, capdomain, capcues;
	void (*warn)(void *, const char *);
	void *warn_ctx;
};

size_t clean_lower_into(const char *p, size_t n, char *out, size_t cap)
{
	size_t i = 0;

	if (cap == 0)
		return 0;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		int two = (c == 0xd0 || c == 0xd1 || c == 0xd2) && i + 1 < n;

		if (i + (two ? 2 : 1) >= cap)
			break; /* no room for it and the NUL */
		if (!two) {
			out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		if (c == 0xd2) {
			/* Ґ; the rest of this block is left as it is */
			out[i] = (char)c;
			out[i + 1] = (char)((unsigned char)p[i + 1] == 0x90 ? 0x91 : (unsigned char)p[i + 1]);
		} else {
			unsigned cp = ((c & 0x1fu) << 6) | ((unsigned char)p[i + 1] & 0x3fu);
			if (cp >= 0x410 && cp <= 0x42f)
				cp += 0x20;
			else if (cp >= 0x400 && cp <= 0x40f) /* Ё and the Ukrainian and Belarusian Є І Ї Ў */
				cp += 0x50;
			out[i] = (char)(0xc0 | (cp >> 6));
			out[i + 1] = (char)(0x80 | (cp & 0x3f));
		}
		i += 2;
	}
	out[i] = '\0';
	return i;
}

void clean_lower(dyad_buf *out, dyad_str s)
{
	dyad_buf_reserve(out, s.n);
	out->n += clean_lower_into(s.p, s.n, out->p + out->n, s.n + 1);
}

static void add(entry **arr, size_t *n, size_t *cap, dyad_str key, size_t canon)
{
	dyad_buf b = DYAD_BUF_INIT;

	*arr = dyad_xgrow(*arr, cap, *n, sizeof **arr, 256);
	clean_lower(&b, key);
	(*arr)[*n].key = dyad_buf_detach(&b, NULL);
	(*arr)[*n].canon = canon;
	(*n)++;
}

/* "https://www.eng.belta.by/news/x" → "eng.belta.by" */
static dyad_str host_of(dyad_str url)
{
	const char *p = url.p, *end = url.p + url.n;
	const char *scheme = NULL;
	size_t i;

	for (i = 0; i + 2 < url.n; i++)
		if (url.p[i] == ':' && url.p[i + 1] == '/' && url.p[i + 2] == '/') {
			scheme = url.p + i + 3;
			break;
		}
	if (scheme)
		p = scheme;
	for (const char *q = p; q < end; q++)
		if (*q == '/' || *q == ':' || *q == '?' || *q == '#') {
			end = q;
			break;
		}
	if (end - p > 4 && strncmp(p, "www.", 4) == 0)
		p += 4;
	return (dyad_str){ p, (size_t)(end - p) };
}

static int on_line(void *ctx, const dyad_dict_line *l, dyad_errbuf *why)
{
	dyad_outlets *o = ctx;
	size_t i, canon;

	if (!dyad_str_eq_c(l->kind, "outlet"))
		return dyad_errf(why, DYAD_EINPUT, "unknown block '@%.*s' (expected @outlet)", (int)l->kind.n, l->kind.p);
	if (l->field.n == 0) {
		o->names = dyad_xrealloc(o->names, (o->nnames + 1) * sizeof *o->names);
		o->names[o->nnames++] = dyad_xstrndup(l->key.p, l->key.n);
		add(&o->byname, &o->nbyname, &o->capname, l->key, o->nnames - 1);
		return 0;
	}
	if (o->nnames == 0)
		return dyad_errf(why, DYAD_EINPUT, "a field before the first @outlet");
	canon = o->nnames - 1;
	if (dyad_str_eq_c(l->field, "name") || dyad_str_eq_c(l->field, "mark")) {
		for (i = 0; i < l->nvalues; i++)
			add(&o->byname, &o->nbyname, &o->capname, l->values[i].text, canon);
	} else if (dyad_str_eq_c(l->field, "domain")) {
		for (i = 0; i < l->nvalues; i++)
			add(&o->bydomain, &o->nbydomain, &o->capdomain, host_of(l->values[i].text), canon);
	} else if (dyad_str_eq_c(l->field, "cue")) {
		for (i = 0; i < l->nvalues; i++)
			if (l->values[i].text.n)
				add(&o->cues, &o->ncues, &o->capcues, l->values[i].text, canon);
	} else if (!dyad_str_eq_c(l->field, "country")) {
		return dyad_errf(why, DYAD_EINPUT, "unknown field '%.*s' (expected name, country, domain, mark or cue)",
				 (int)l->field.n, l->field.p);
	}
	return 0;
}

static void on_warn(void *ctx, const char *msg)
{
	dyad_outlets *o = ctx;

	if (o->warn)
		o->warn(o->warn_ctx, msg);
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

dyad_outlets *dyad_outlets_load(const char *path, void (*warn)(void *ctx, const char *msg), void *ctx, dyad_errbuf *e)
{
	dyad_buf text = DYAD_BUF_INIT;
	dyad_outlets *o;

	if (dyad_read_file(&text, path, 64u << 20, e) < 0) {
		dyad_buf_free(&text);
		return NULL;
	}
	o = dyad_xcalloc(1, sizeof *o);
	o->warn = warn;
	o->warn_ctx = ctx;
	dyad_dict_parse((dyad_str){ text.p, text.n }, path, on_line, on_warn, o);
	dyad_buf_free(&text);
	if (o->nbyname)
		qsort(o->byname, o->nbyname, sizeof *o->byname, by_key);
	if (o->nbydomain)
		qsort(o->bydomain, o->nbydomain, sizeof *o->bydomain, by_key);
	return o;
}

void dyad_outlets_free(dyad_outlets *o)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < o->nnames; i++)
		free(o->names[i]);
	for (i = 0; i < o->nbyname; i++)
		free(o->byname[i].key);
	for (i = 0; i < o->nbydomain; i++)
		free(o->bydomain[i].key);
	for (i = 0; i < o->ncues; i++)
		free(o->cues[i].key);
	free(o->names);
	free(o->byname);
	free(o->bydomain);
	free(o->cues);
	free(o);
}

size_t dyad_outlets_count(const dyad_outlets *o)
{
	return o ? o->nnames : 0;
}

static const char *find(const dyad_outlets *o, const entry *arr, size_t n, dyad_str key)
{
	dyad_buf b = DYAD_BUF_INIT;
	entry probe = { NULL, 0 }, *hit;

	if (n == 0 || key.n == 0)
		return NULL;
	clean_lower(&b, key);
	probe.key = b.p;
	hit = bsearch(&probe, arr, n, sizeof *arr, by_key);
	dyad_buf_free(&b);
	return hit ? o->names[hit->canon] : NULL;
}

const char *dyad_outlets_by_name(const dyad_outlets *o, dyad_str name)
{
	if (o == NULL)
		return NULL;
	return find(o, o->byname, o->nbyname, dyad_str_trim(name));
}

const char *dyad_outlets_by_url(const dyad_outlets *o, dyad_str url)
{
	dyad_str host;
	const char *hit;

	if (o == NULL)
		return NULL;
	host = host_of(dyad_str_trim(url));
	/* try the host, then each parent domain: news.tut.by → tut.by */
	while (host.n > 0) {
		const char *dot;

		if ((hit = find(o, o->bydomain, o->nbydomain, host)) != NULL)
			return hit;
		dot = memchr(host.p, '.', host.n);
		if (dot == NULL || memchr(dot + 1, '.', host.n - (size_t)(dot + 1 - host.p)) == NULL)
			break;
		host.n -= (size_t)(dot + 1 - host.p);
		host.p = dot + 1;
	}
	return NULL;
}

/* Strip quotes, brackets, a "Корр." prefix and trailing punctuation around a candidate name. */
static dyad_str tidy(dyad_str s)
{
	static const char *const pre[] = { "Корр. ", "корр. ",       "Корр.", "Собкор ", "\xc2\xab",
					   "\"",     "\xe2\x80\x9c", "(",     "/",       NULL };
	static const char *const post[] = { "\xc2\xbb", "\"", "\xe2\x80\x9d", ")", "/", ".", ",", ":", NULL };
	int changed = 1;

	while (changed) {
		size_t i;

		changed = 0;
		s = dyad_str_trim(s);
		for (i = 0; pre[i]; i++)
			if (dyad_str_starts_with(s, dyad_str_c(pre[i]))) {
				s.p += strlen(pre[i]);
				s.n -= strlen(pre[i]);
				changed = 1;
			}
		for (i = 0; post[i]; i++) {
			size_t k = strlen(post[i]);
			if (s.n >= k && memcmp(s.p + s.n - k, post[i], k) == 0) {
				s.n -= k;
				changed = 1;
			}
		}
	}
	return s;
}

const char *outlets_cue(const dyad_outlets *o, dyad_str line)
{
	char low[256];
	size_t i, n;

	if (o == NULL || o->ncues == 0)
		return NULL;
	line = dyad_str_trim(line);
	n = clean_lower_into(line.p, line.n, low, sizeof low);
	for (i = 0; i < o->ncues; i++) {
		size_t k = strlen(o->cues[i].key);
		if (k <= n && memcmp(low, o->cues[i].key, k) == 0)
			return o->names[o->cues[i].canon];
	}
	return NULL;
}

const char *outlets_find_in(const dyad_outlets *o, dyad_str s)
{
	size_t i;

	if (o == NULL)
		return NULL;
	for (i = 0; i < s.n; i++) {
		size_t j, words = 0;
		const char *hit = NULL;

		if (i > 0 && s.p[i - 1] != ' ' && s.p[i - 1] != '/' && s.p[i - 1] != '(')
			continue;
		/* the longest run of up to four words from here that names an outlet */
		for (j = i; j <= s.n && words < 4; j++)
			if (j == s.n || s.p[j] == ' ' || s.p[j] == '/' || s.p[j] == ',') {
				const char *h =
					j > i ? dyad_outlets_by_name(o, tidy((dyad_str){ s.p + i, j - i })) : NULL;
				words++;
				if (h)
					hit = h;
				if (j < s.n && (s.p[j] == '/' || s.p[j] == ','))
					break;
			}
		if (hit)
			return hit;
	}
	return NULL;
}

const char *outlets_domain_in(const dyad_outlets *o, dyad_str s)
{
	size_t i = 0;

	if (o == NULL)
		return NULL;
	while (i < s.n) {
		size_t j = i, dots = 0;
		const char *hit;

		while (j < s.n && s.p[j] != ' ' && s.p[j] != ',' && s.p[j] != '(' && s.p[j] != ')') {
			/* a dot between two letters or digits: "eadaily.com", "Mir24.TV", not "г." */
			if (s.p[j] == '.' && j > i && j + 1 < s.n && s.p[j + 1] != ' ' && s.p[j + 1] != '.')
				dots++;
			j++;
		}
		{
			size_t e = j;
			while (e > i && (s.p[e - 1] == '.' || s.p[e - 1] == ':' || s.p[e - 1] == ';' || s.p[e - 1] == '"'))
				e--;
			hit = dots ? dyad_outlets_by_url(o, (dyad_str){ s.p + i, e - i }) : NULL;
		}
		if (hit)
			return hit;
		i = j + 1;
	}
	return NULL;
}

const char *outlets_lookup_loose(const dyad_outlets *o, dyad_str cand)
{
	const char *hit;
	dyad_str s = tidy(cand);

	if (o == NULL || s.n == 0)
		return NULL;
	if ((hit = dyad_outlets_by_name(o, s)) != NULL)
		return hit;
	if (memchr(s.p, '.', s.n) && (hit = dyad_outlets_by_url(o, s)) != NULL)
		return hit;
	/* "Agency.TV Region (original story)": drop words from the end, then try the first word's domain */
	while (s.n > 0) {
		size_t i = s.n;

		while (i > 0 && s.p[i - 1] != ' ')
			i--;
		if (i == 0)
			break;
		s = tidy((dyad_str){ s.p, i - 1 });
		if ((hit = dyad_outlets_by_name(o, s)) != NULL)
			return hit;
		if (memchr(s.p, '.', s.n) && (hit = dyad_outlets_by_url(o, s)) != NULL)
			return hit;
	}
	return NULL;
}
