/*
 * places.c — the gazetteer (places.h). geonames.tsv is read in one piece and
 * cut in place: its strings stay in that buffer. Every name of every place is
 * keyed as the recognizer keys the words of a text (match_key: the light stem
 * of a Russian word, the Snowball stem of an English one, joined by spaces)
 * and put in one open-addressing table of (key, place) pairs, so a lookup
 * probes one run of slots. The project's lists (the .txt files of data/places) add
 * regions, seas and straits (@place), more names of renamed cities (@alias) and
 * words that are never places in running text (@ignore: "Дума", "Union").
 */
#include "internal.h"

#include "dyad/dict.h"
#include "dyad/places.h"
#include "dyad/text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_PLACE UINT32_MAX
#define IGNORED (UINT32_MAX - 1) /* a name of @ignore: never a place in running text */
#define TSV_LIMIT ((size_t)64 << 20)

typedef struct {
	uint64_t h;
	const char *key;
	uint32_t n;
	uint32_t place; /* NO_PLACE: an empty slot */
} slot;

typedef struct {
	uint32_t id, place;
} by_id;

struct dyad_places {
	dyad_buf tsv;        /* geonames.tsv, its tabs and newlines made NULs */
	dyad_arena *arena;   /* keys, the project's places and their strings */
	dyad_arena *scratch; /* tokens and stems of one name */
	dyad_stemmer *stemmer;
	dyad_buf key; /* the key being made */
	dyad_place *pl;
	size_t n, cap;
	slot *slots;
	size_t nslots, used;
	by_id *ids; /* sorted by id */
	size_t nids;
	void (*warn)(void *ctx, const char *msg);
	void *warn_ctx;
};

const char *dyad_place_kind_name(dyad_place_kind k)
{
	switch (k) {
	case DYAD_PLACE_CITY: return "city";
	case DYAD_PLACE_REGION: return "region";
	case DYAD_PLACE_WATER: return "water";
	}
	return "unknown";
}

size_t dyad_places_count(const dyad_places *g)
{
	return g ? g->n : 0;
}

const dyad_place *dyad_places_get(const dyad_places *g, size_t i)
{
	return g && i < g->n ? &g->pl[i] : NULL;
}

/* ---- keys ---------------------------------------------------------------------------------- */

/* A name the tokenizer makes one word of: letters, with hyphens and apostrophes inside only. */
static int one_word(dyad_str name)
{
	size_t i;

	if (name.n == 0 || name.p[0] == '-' || name.p[0] == '\'' || name.p[name.n - 1] == '-')
		return 0;
	for (i = 0; i < name.n; i++) {
		unsigned char ch = (unsigned char)name.p[i];
		if (ch < 0x80 && !(ch == '-' || ch == '\'' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
			return 0;
		if (ch == 0xE2) /* typographic quotes, dashes and spaces (U+2000..U+206F) */
			return 0;
		if (ch == '-' && i + 1 < name.n && (name.p[i + 1] == '-' || name.p[i + 1] == '\''))
			return 0;
		if (ch == '\'' && i + 1 < name.n && name.p[i + 1] == '-')
			return 0;
	}
	return 1;
}

/*
 * The key of a name: its words keyed as the recognizer keys them, one space
 * between. With `whole_last`, a Russian last word is only folded: the light
 * stem cuts "Радом" to "рад", while "Радома", "Радоме" key as "радом".
 */
static dyad_str key_as(dyad_places *g, dyad_str name, int whole_last)
{
	dyad_token *toks;
	size_t nt, i, last = 0;

	dyad_arena_reset(g->scratch);
	dyad_buf_clear(&g->key);
	if (one_word(name)) {
		/* most names are one word: keyed as the tokenizer would give it, without tokenizing */
		if (whole_last)
			dyad_fold_buf(&g->key, name);
		else
			dyad_buf_putstr(&g->key, match_key(g->stemmer, g->scratch, name));
		dyad_buf_reserve(&g->key, 1);
		return (dyad_str){ g->key.p ? g->key.p : "", g->key.n };
	}
	nt = dyad_tokenize(g->scratch, name, &toks);
	for (i = 0; i < nt; i++)
		if (toks[i].kind == DYAD_TOK_WORD || toks[i].kind == DYAD_TOK_NUMBER)
			last = i;
	for (i = 0; i < nt; i++) {
		dyad_str k, w = { name.p + toks[i].span.start, toks[i].span.end - toks[i].span.start };
		if (toks[i].kind != DYAD_TOK_WORD && toks[i].kind != DYAD_TOK_NUMBER)
			continue;
		if (whole_last && i == last) {
			dyad_buf f = DYAD_BUF_INIT;
			dyad_fold_buf(&f, w);
			k = (dyad_str){ dyad_arena_strndup(g->scratch, f.p ? f.p : "", f.n), f.n };
			dyad_buf_free(&f);
		} else {
			k = match_key(g->stemmer, g->scratch, w);
		}
		if (k.n == 0)
			continue;
		if (g->key.n)
			dyad_buf_putc(&g->key, ' ');
		dyad_buf_putstr(&g->key, k);
	}
	dyad_buf_reserve(&g->key, 1);
	return (dyad_str){ g->key.p ? g->key.p : "", g->key.n };
}

static dyad_str key_of(dyad_places *g, dyad_str name)
{
	return key_as(g, name, 0);
}

static int cyrillic_end(dyad_str s)
{
	size_t i = s.n;

	while (i > 0 && ((unsigned char)s.p[i - 1] & 0xC0) == 0x80)
		i--;
	return i > 0 && ((unsigned char)s.p[i - 1] == 0xD0 || (unsigned char)s.p[i - 1] == 0xD1);
}

static void grow_slots(dyad_places *g)
{
	slot *old = g->slots;
	size_t oldn = g->nslots, i;

	g->nslots = oldn ? oldn * 2 : 1u << 16;
	g->slots = dyad_xmalloc(g->nslots * sizeof *g->slots);
	for (i = 0; i < g->nslots; i++)
		g->slots[i].place = NO_PLACE;
	for (i = 0; i < oldn; i++) {
		size_t j;
		if (old[i].place == NO_PLACE)
			continue;
		for (j = old[i].h & (g->nslots - 1); g->slots[j].place != NO_PLACE; j = (j + 1) & (g->nslots - 1))
			;
		g->slots[j] = old[i];
	}
	free(old);
}

/* Index one key of place `p`; the same key of the same place once. */
static void add_key(dyad_places *g, dyad_str k, uint32_t p)
{
	uint64_t h;
	size_t j;

	if (k.n == 0)
		return;
	if ((g->used + 1) * 2 > g->nslots)
		grow_slots(g);
	h = dyad_hash64(k.p, k.n, DYAD_HASH_SEED);
	for (j = h & (g->nslots - 1); g->slots[j].place != NO_PLACE; j = (j + 1) & (g->nslots - 1))
		if (g->slots[j].h == h && g->slots[j].place == p && g->slots[j].n == k.n &&
		    memcmp(g->slots[j].key, k.p, k.n) == 0)
			return;
	g->slots[j].h = h;
	g->slots[j].key = dyad_arena_strndup(g->arena, k.p, k.n);
	g->slots[j].n = (uint32_t)k.n;
	g->slots[j].place = p;
	g->used++;
}

/* Index one name of place `p`: a Russian one also with its last word whole (key_as). */
static void add_name(dyad_places *g, dyad_str name, uint32_t p)
{
	add_key(g, key_of(g, name), p);
	if (cyrillic_end(name))
		add_key(g, key_as(g, name, 1), p);
}

/* Every '|'-separated name in `list`. */
static void add_names(dyad_places *g, const char *list, uint32_t p)
{
	const char *s = list;

	while (s && *s) {
		const char *e = strchr(s, '|');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		add_name(g, dyad_str_trim((dyad_str){ s, n }), p);
		s = e ? e + 1 : NULL;
	}
}

static uint32_t new_place(dyad_places *g)
{
	g->pl = dyad_xgrow(g->pl, &g->cap, g->n, sizeof *g->pl, 32768);
	memset(&g->pl[g->n], 0, sizeof g->pl[g->n]);
	g->pl[g->n].lat = g->pl[g->n].lon = NAN;
	return (uint32_t)g->n++;
}

/* ---- ranking and lookup -------------------------------------------------------------------- */

/* Capitals first, then the project's own places (regions news names), then the larger city. */
static int better(const dyad_place *a, const dyad_place *b)
{
	if (a->capital != b->capital)
		return a->capital > b->capital;
	if ((a->geonames == 0) != (b->geonames == 0))
		return a->geonames == 0;
	return a->population > b->population;
}

size_t dyad_places_by_key(const dyad_places *g, dyad_str key, const char *iso3, const dyad_place **out, size_t cap)
{
	uint64_t h;
	size_t j, total = 0;

	if (g == NULL || g->nslots == 0 || key.n == 0)
		return 0;
	h = dyad_hash64(key.p, key.n, DYAD_HASH_SEED);
	for (j = h & (g->nslots - 1); g->slots[j].place != NO_PLACE; j = (j + 1) & (g->nslots - 1)) {
		const dyad_place *p;
		size_t k;
		if (g->slots[j].h != h || g->slots[j].n != key.n || g->slots[j].place == IGNORED ||
		    memcmp(g->slots[j].key, key.p, key.n) != 0)
			continue;
		p = &g->pl[g->slots[j].place];
		if (iso3 && *iso3 && strcmp(p->country, iso3) != 0)
			continue;
		for (k = 0; k < total && k < cap; k++)
			if (out[k] == p)
				break;
		if (k < total && k < cap)
			continue; /* the same place by two of its names */
		/* insertion into the best-first list */
		k = total < cap ? total : cap;
		while (k > 0 && better(p, out[k - 1])) {
			if (k < cap)
				out[k] = out[k - 1];
			k--;
		}
		if (k < cap)
			out[k] = p;
		total++;
	}
	return total;
}

const dyad_place *dyad_places_lookup(dyad_places *g, dyad_str name, const char *iso3)
{
	const dyad_place *best[1];

	if (g == NULL)
		return NULL;
	return dyad_places_by_key(g, key_of(g, name), iso3, best, 1) ? best[0] : NULL;
}

static int cmp_id(const void *x, const void *y)
{
	const by_id *a = x, *b = y;
	return a->id < b->id ? -1 : a->id > b->id;
}

const dyad_place *dyad_places_by_geonames(const dyad_places *g, uint32_t id)
{
	by_id want = { id, 0 };
	const by_id *f;

	if (g == NULL || id == 0)
		return NULL;
	f = bsearch(&want, g->ids, g->nids, sizeof *g->ids, cmp_id);
	return f ? &g->pl[f->place] : NULL;
}

static void build_ids(dyad_places *g)
{
	size_t i;

	free(g->ids);
	g->ids = dyad_xmalloc((g->n ? g->n : 1) * sizeof *g->ids);
	g->nids = 0;
	for (i = 0; i < g->n; i++)
		if (g->pl[i].geonames)
			g->ids[g->nids++] = (by_id){ g->pl[i].geonames, (uint32_t)i };
	qsort(g->ids, g->nids, sizeof *g->ids, cmp_id);
}

/* ---- geonames.tsv -------------------------------------------------------------------------- */

static void warnf(dyad_places *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warnf(dyad_places *g, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	if (!g->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	g->warn(g->warn_ctx, msg);
}

enum { F_ID, F_NAME, F_RU, F_ISO3, F_ADM1, F_ADM1_NAME, F_ADM1_RU, F_POP, F_LAT, F_LON, F_ALT, NFIELDS };

/* Read geonames.tsv. 0, or -1 when it cannot be read (reported). */
static int load_tsv(dyad_places *g, const char *path)
{
	dyad_errbuf e;
	char *s, *end;
	size_t line = 0, bad = 0;

	if (dyad_read_file(&g->tsv, path, TSV_LIMIT, &e) != 0) {
		warnf(g,
		      "%s (the world's cities; make writes it with scripts/gazetteer from libgeonames); "
		      "only the project's own places are known",
		      e.msg);
		return -1;
	}
	s = g->tsv.p;
	end = g->tsv.p + g->tsv.n;
	while (s < end) {
		char *nl = memchr(s, '\n', (size_t)(end - s)), *f[NFIELDS], *q;
		size_t nf = 0;
		uint32_t p;
		char *tail;
		unsigned long id;

		if (nl == NULL)
			nl = end;
		*nl = '\0';
		line++;
		if (*s == '#' || *s == '\0') {
			s = nl + 1;
			continue;
		}
		for (q = s, f[nf++] = q; *q; q++)
			if (*q == '\t') {
				*q = '\0';
				if (nf == NFIELDS)
					break;
				f[nf++] = q + 1;
			}
		id = strtoul(f[0], &tail, 10);
		if (nf != NFIELDS || *tail || id == 0 || id > UINT32_MAX || strlen(f[F_ISO3]) != 3) {
			if (bad++ == 0)
				warnf(g,
				      "%s:%zu: expected %d tab-separated fields starting with a GeoNames id "
				      "(rebuild it with scripts/gazetteer)",
				      path, line, NFIELDS);
			s = nl + 1;
			continue;
		}
		p = new_place(g);
		g->pl[p].geonames = (uint32_t)id;
		g->pl[p].name = f[F_NAME];
		g->pl[p].name_ru = *f[F_RU] ? f[F_RU] : NULL;
		memcpy(g->pl[p].country, f[F_ISO3], 4);
		g->pl[p].adm1 = *f[F_ADM1] && strcmp(f[F_ADM1], "00") != 0 ? f[F_ADM1] : NULL;
		g->pl[p].adm1_name = *f[F_ADM1_NAME] ? f[F_ADM1_NAME] : NULL;
		g->pl[p].population = (uint32_t)strtoul(f[F_POP], NULL, 10);
		g->pl[p].lat = strtod(f[F_LAT], NULL);
		g->pl[p].lon = strtod(f[F_LON], NULL);
		g->pl[p].kind = DYAD_PLACE_CITY;
		add_name(g, dyad_str_c(f[F_NAME]), p);
		if (*f[F_RU])
			add_name(g, dyad_str_c(f[F_RU]), p);
		add_names(g, f[F_ALT], p);
		s = nl + 1;
	}
	if (bad > 1)
		warnf(g, "%s: %zu bad lines in all", path, bad);
	if (g->n == 0) {
		warnf(g, "%s: no cities (rebuild it with scripts/gazetteer); only the project's own places are known",
		      path);
		return -1;
	}
	return 0;
}

/* ---- the project's lists ------------------------------------------------------------------- */

typedef struct {
	dyad_places *g;
	uint32_t cur;     /* the block's place, or NO_PLACE */
	const char *file; /* where the block is, for messages */
	size_t line;
	dyad_str key;
	int have_tsv;
} own_ctx;

/* A @place of the project's lists needs an English name: said with the block's file and line when it ends. */
static void check_own(own_ctx *c)
{
	dyad_places *g = c->g;

	if (c->cur == NO_PLACE || c->cur == IGNORED || g->pl[c->cur].name != NULL)
		return;
	warnf(g, "%s:%zu: @place %.*s has no english name (expected 'english  NAME'); it is printed as \"\"", c->file,
	      c->line, (int)c->key.n, c->key.p);
	g->pl[c->cur].name = "";
}

static const char *arena_str(dyad_places *g, dyad_str s)
{
	return dyad_arena_strndup(g->arena, s.p, s.n);
}

static int own_line(void *vctx, const dyad_dict_line *l, dyad_errbuf *why)
{
	own_ctx *c = vctx;
	dyad_places *g = c->g;
	size_t i;

	if (l->field.n == 0) {
		check_own(c);
		c->cur = NO_PLACE;
		c->file = l->file;
		c->line = l->line;
		c->key = l->key;
		if (dyad_str_eq_c(l->kind, "place")) {
			c->cur = new_place(g);
			g->pl[c->cur].kind = DYAD_PLACE_REGION;
			return 0;
		}
		if (dyad_str_eq_c(l->kind, "alias")) {
			char id[16];
			const dyad_place *p;
			snprintf(id, sizeof id, "%.*s", (int)(l->key.n < 15 ? l->key.n : 15), l->key.p);
			p = dyad_places_by_geonames(g, (uint32_t)strtoul(id, NULL, 10));
			if (p) {
				c->cur = (uint32_t)(p - g->pl);
				return 0;
			}
			if (!c->have_tsv)
				return 0; /* said once already: geonames.tsv is missing */
			return dyad_errf(why, DYAD_EINPUT, "@alias %.*s: no city with that GeoNames id", (int)l->key.n,
					 l->key.p);
		}
		if (dyad_str_eq_c(l->kind, "ignore")) {
			c->cur = IGNORED;
			return 0;
		}
		return dyad_errf(why, DYAD_EINPUT, "expected @place NAME, @alias GEONAMES-ID or @ignore, not @%.*s",
				 (int)l->kind.n, l->kind.p);
	}
	if (c->cur == NO_PLACE)
		return 0;
	if (dyad_str_eq_c(l->field, "name")) {
		for (i = 0; i < l->nvalues; i++)
			add_name(g, l->values[i].text, c->cur);
		return 0;
	}
	if (c->cur == IGNORED)
		return dyad_errf(why, DYAD_EINPUT, "@ignore takes names only");
	if (l->nvalues != 1)
		return dyad_errf(why, DYAD_EINPUT, "%.*s takes one value", (int)l->field.n, l->field.p);
	if (dyad_str_eq_c(l->field, "english")) {
		g->pl[c->cur].name = arena_str(g, l->values[0].text);
		add_name(g, l->values[0].text, c->cur);
	} else if (dyad_str_eq_c(l->field, "russian")) {
		g->pl[c->cur].name_ru = arena_str(g, l->values[0].text);
		add_name(g, l->values[0].text, c->cur);
	} else if (dyad_str_eq_c(l->field, "country")) {
		if (l->values[0].text.n != 3)
			return dyad_errf(why, DYAD_EINPUT, "country: expected an ISO 3166-1 alpha-3 code");
		memcpy(g->pl[c->cur].country, l->values[0].text.p, 3);
		g->pl[c->cur].country[3] = '\0';
	} else if (dyad_str_eq_c(l->field, "kind")) {
		if (dyad_str_eq_c(l->values[0].text, "region"))
			g->pl[c->cur].kind = DYAD_PLACE_REGION;
		else if (dyad_str_eq_c(l->values[0].text, "water"))
			g->pl[c->cur].kind = DYAD_PLACE_WATER;
		else if (dyad_str_eq_c(l->values[0].text, "city"))
			g->pl[c->cur].kind = DYAD_PLACE_CITY;
		else
			return dyad_errf(why, DYAD_EINPUT, "kind: expected region, water or city");
	} else if (dyad_str_eq_c(l->field, "at")) {
		char buf[64], *tail;
		double lat, lon;
		snprintf(buf, sizeof buf, "%.*s", (int)(l->values[0].text.n < 63 ? l->values[0].text.n : 63),
			 l->values[0].text.p);
		lat = strtod(buf, &tail);
		lon = strtod(tail, &tail);
		if (*tail || tail == buf || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180))
			return dyad_errf(why, DYAD_EINPUT, "at: expected latitude and longitude in degrees");
		g->pl[c->cur].lat = lat;
		g->pl[c->cur].lon = lon;
	} else {
		return dyad_errf(why, DYAD_EINPUT, "unknown field '%.*s' (name, english, russian, country, kind, at)",
				 (int)l->field.n, l->field.p);
	}
	return 0;
}

static void own_warn(void *ctx, const char *msg)
{
	dyad_places *g = ((own_ctx *)ctx)->g;
	warnf(g, "%s", msg);
}

/* Mark the capitals the lexicon names: the largest city of that name in that country. */
static void mark_capitals(dyad_places *g, const dyad_lexicon *lx)
{
	size_t i, n = dyad_lexicon_nnames(lx);

	for (i = 0; i < n; i++) {
		const dyad_lex_name *nm = dyad_lexicon_name(lx, i);
		const dyad_lex_entity *e = dyad_lexicon_entity(lx, nm->entity);
		const dyad_place *best[1];
		if (nm->type != DYAD_NAME_CAPITAL || e->kind != DYAD_LEX_COUNTRY || nm->to != 0)
			continue;
		if (dyad_places_by_key(g, key_of(g, dyad_str_c(nm->text)), e->key, best, 1) &&
		    best[0]->kind == DYAD_PLACE_CITY)
			g->pl[best[0] - g->pl].capital = 1;
	}
}

dyad_places *dyad_places_load(const char *dir, const dyad_lexicon *lx, void (*warn)(void *ctx, const char *msg),
			      void *ctx, dyad_errbuf *e)
{
	dyad_places *g;
	char path[4096], **names;
	long nn, i;
	own_ctx oc = { .cur = NO_PLACE };

	nn = dyad_list_dir(dir, ".txt", &names);
	if (nn < 0) {
		dyad_errf(e, DYAD_EIO, "%s: cannot read the folder of places", dir);
		return NULL;
	}
	g = dyad_xcalloc(1, sizeof *g);
	g->arena = dyad_arena_new();
	g->scratch = dyad_arena_new();
	g->stemmer = dyad_stemmer_new();
	g->warn = warn;
	g->warn_ctx = ctx;
	grow_slots(g);
	snprintf(path, sizeof path, "%s/geonames.tsv", dir);
	oc.have_tsv = load_tsv(g, path) == 0;
	build_ids(g);
	oc.g = g;
	for (i = 0; i < nn; i++) {
		dyad_buf text = DYAD_BUF_INIT;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (dyad_read_file(&text, path, TSV_LIMIT, e) != 0) {
			warnf(g, "%s", e->msg);
			continue;
		}
		oc.cur = NO_PLACE;
		/* the values are copied into the arena or keyed: the text can go */
		dyad_dict_parse((dyad_str){ text.p, text.n }, path, own_line, own_warn, &oc);
		check_own(&oc); /* the file's last block */
		dyad_buf_free(&text);
	}
	dyad_names_free(names, (size_t)nn);
	if (lx)
		mark_capitals(g, lx);
	dyad_arena_reset(g->scratch);
	return g;
}

void dyad_places_free(dyad_places *g)
{
	if (g == NULL)
		return;
	dyad_buf_free(&g->tsv);
	dyad_buf_free(&g->key);
	dyad_arena_free(g->arena);
	dyad_arena_free(g->scratch);
	dyad_stemmer_free(g->stemmer);
	free(g->pl);
	free(g->slots);
	free(g->ids);
	free(g);
}

/* ---- the recognizer's side ----------------------------------------------------------------- */

#define NAME_WORDS 4 /* the longest name tried, in words */

/* Is `key` a name of @ignore? */
static int ignored(const dyad_places *g, dyad_str key)
{
	uint64_t h = dyad_hash64(key.p, key.n, DYAD_HASH_SEED);
	size_t j;

	for (j = h & (g->nslots - 1); g->slots[j].place != NO_PLACE; j = (j + 1) & (g->nslots - 1))
		if (g->slots[j].place == IGNORED && g->slots[j].h == h && g->slots[j].n == key.n &&
		    memcmp(g->slots[j].key, key.p, key.n) == 0)
			return 1;
	return 0;
}

size_t places_longest(const dyad_places *g, const dyad_str *keys, size_t from, size_t to, const dyad_place **out,
		      size_t cap, size_t *n)
{
	size_t len, i;
	char buf[512];

	*n = 0;
	if (g == NULL)
		return from;
	for (len = to - from < NAME_WORDS ? to - from : NAME_WORDS; len > 0; len--) {
		size_t k = 0;
		for (i = from; i < from + len; i++) {
			if (keys[i].n == 0 || k + keys[i].n + 1 > sizeof buf)
				break;
			if (k)
				buf[k++] = ' ';
			memcpy(buf + k, keys[i].p, keys[i].n);
			k += keys[i].n;
		}
		if (i < from + len)
			continue;
		if (ignored(g, (dyad_str){ buf, k }))
			continue;
		*n = dyad_places_by_key(g, (dyad_str){ buf, k }, NULL, out, cap);
		if (*n)
			return from + len;
	}
	return from;
}

void dyad_matcher_set_places(dyad_matcher *m, dyad_places *g)
{
	size_t i, n = dyad_lexicon_nnames(m->lx);

	m->places = g;
	free(m->name_place);
	m->name_place = NULL;
	if (g == NULL)
		return;
	m->name_place = dyad_xcalloc(n ? n : 1,
				     sizeof *m->name_place); // NOLINT(bugprone-sizeof-expression): an array of pointers
	for (i = 0; i < n; i++) {
		const dyad_lex_name *nm = dyad_lexicon_name(m->lx, i);
		const dyad_lex_entity *e = dyad_lexicon_entity(m->lx, nm->entity);
		if (e->kind == DYAD_LEX_COUNTRY && (nm->type == DYAD_NAME_CAPITAL || nm->type == DYAD_NAME_PLACE))
			m->name_place[i] = dyad_places_lookup(g, dyad_str_c(nm->text), e->key);
		/*
		 * a capital GeoNames puts in another state (Tskhinvali, Sukhumi), or a city of a
		 * million it counts apart (Hong Kong): the place all the same
		 */
		if (!m->name_place[i] && e->kind == DYAD_LEX_COUNTRY &&
		    (nm->type == DYAD_NAME_CAPITAL || nm->type == DYAD_NAME_PLACE)) {
			const dyad_place *p = dyad_places_lookup(g, dyad_str_c(nm->text), NULL);
			if (p && (nm->type == DYAD_NAME_CAPITAL || p->capital || p->population >= 1000000))
				m->name_place[i] = p;
		}
	}
}
