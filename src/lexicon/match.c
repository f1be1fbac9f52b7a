/*
 * match.c — the lexicon compiled into one automaton over word stems. Each
 * name ("Касым-Жомарт Токаев", "министр иностранных дел") is tokenized and
 * stemmed once; its stems are a path from the root, and the last state holds
 * the name. Transitions live in one hash table keyed by (state, stem), so a
 * step costs the same however many names the lexicon has. Russian country
 * adjectives also give compound prefixes ("белорусско-", "американо-"),
 * reached from a second root.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dyad/utf8.h"

struct match_edge {
	uint64_t hash; /* 0: empty slot */
	uint32_t from, to;
	uint32_t off, len; /* the stem in the pool */
};

static uint64_t edge_hash(uint32_t from, dyad_str stem)
{
	uint64_t h = dyad_hash_mem(stem.p, stem.n, DYAD_HASH_SEED ^ ((uint64_t)from * 0x9e3779b97f4a7c15ULL));
	return h ? h : 1;
}

static uint32_t new_state(dyad_matcher *m)
{
	m->first_hit = dyad_xgrow(m->first_hit, &m->capstates, m->nstates, sizeof *m->first_hit, 4096);
	m->first_hit[m->nstates] = MATCH_NONE;
	return (uint32_t)m->nstates++;
}

/* The first empty slot of the edge table on the way from hash h. */
static struct match_edge *empty_edge(dyad_matcher *m, uint64_t h)
{
	size_t j;

	for (j = h & (m->capedges - 1); m->edges[j].hash; j = (j + 1) & (m->capedges - 1))
		;
	return &m->edges[j];
}

static void grow_edges(dyad_matcher *m)
{
	struct match_edge *old = m->edges;
	size_t oldcap = m->capedges, i;

	m->capedges = oldcap ? oldcap * 2 : 8192;
	m->edges = dyad_xcalloc(m->capedges, sizeof *m->edges);
	for (i = 0; i < oldcap; i++)
		if (old[i].hash)
			*empty_edge(m, old[i].hash) = old[i];
	free(old);
}

/* A new edge from `from` over `key` (whose edge_hash is h), its key kept in the pool; the caller sets its target. */
static struct match_edge *new_edge(dyad_matcher *m, uint32_t from, dyad_str key, uint64_t h)
{
	struct match_edge *e;

	if ((m->nedges + 1) * 4 > m->capedges * 3)
		grow_edges(m);
	e = empty_edge(m, h);
	e->hash = h;
	e->from = from;
	e->off = (uint32_t)m->pool.n;
	e->len = (uint32_t)key.n;
	dyad_buf_putstr(&m->pool, key);
	m->nedges++;
	return e;
}

static struct match_edge *find_edge(const dyad_matcher *m, uint32_t from, dyad_str stem, uint64_t h)
{
	size_t j;

	if (m->capedges == 0)
		return NULL;
	for (j = h & (m->capedges - 1); m->edges[j].hash; j = (j + 1) & (m->capedges - 1)) {
		struct match_edge *e = &m->edges[j];
		if (e->hash == h && e->from == from && e->len == stem.n && memcmp(m->pool.p + e->off, stem.p, stem.n) == 0)
			return e;
	}
	return NULL;
}

uint32_t match_step(const dyad_matcher *m, uint32_t from, dyad_str stem)
{
	struct match_edge *e = find_edge(m, from, stem, edge_hash(from, stem));
	return e ? e->to : MATCH_NONE;
}

/* The state from `from` over `stem`, made if missing. */
static uint32_t step_or_add(dyad_matcher *m, uint32_t from, dyad_str stem)
{
	uint64_t h = edge_hash(from, stem);
	struct match_edge *e = find_edge(m, from, stem, h);

	if (e)
		return e->to;
	e = new_edge(m, from, stem, h);
	e->to = new_state(m);
	return e->to;
}

static void add_hit(dyad_matcher *m, uint32_t state, uint32_t name, int need, int last)
{
	match_hit *h;
	uint32_t i;

	for (i = m->first_hit[state]; i != MATCH_NONE; i = m->hits[i].next)
		if (m->hits[i].name == name)
			return;
	m->hits = dyad_xgrow(m->hits, &m->caphits, m->nhits, sizeof *m->hits, 4096);
	h = &m->hits[m->nhits];
	h->name = name;
	h->need = (uint8_t)need;
	h->last = (uint8_t)last;
	h->next = m->first_hit[state];
	m->first_hit[state] = (uint32_t)m->nhits++;
}

int match_case_of(dyad_str w)
{
	size_t i = 0;
	int letters = 0, upper = 0, first = -1;

	while (i < w.n) {
		uint32_t cp;
		size_t k = dyad_utf8_next(w.p + i, w.n - i, &cp);
		int cat;

		i += k;
		if (cp == '\'' || cp == 0x2019)
			break; /* a possessive ending does not count: "EU's" is upper case as "EU" is */
		/* Latin and Russian letters without the table: A..Z, a..z, U+0400..U+042F capitals, to U+045F small */
		if (cp < 0x80)
			cat = cp >= 'A' && cp <= 'Z'   ? UTF8PROC_CATEGORY_LU
			      : cp >= 'a' && cp <= 'z' ? UTF8PROC_CATEGORY_LL
						       : UTF8PROC_CATEGORY_CN;
		else if (cp >= 0x400 && cp <= 0x45f)
			cat = cp < 0x430 ? UTF8PROC_CATEGORY_LU : UTF8PROC_CATEGORY_LL;
		else
			cat = utf8proc_get_property((utf8proc_int32_t)cp)->category;
		if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
			letters++;
			upper++;
			if (first < 0)
				first = 1;
		} else if (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LO) {
			letters++;
			if (first < 0)
				first = 0;
		}
	}
	if (letters >= 2 && upper == letters)
		return CASE_UPPER;
	return first == 1 ? CASE_CAPITAL : CASE_ANY;
}

/* Does the word's case satisfy what the name asks? Upper-case text satisfies "capital" too. */
static int starts_with_bytes(dyad_str s, const char *p, size_t n)
{
	return s.n >= n && memcmp(s.p, p, n) == 0;
}

dyad_str match_key(dyad_stemmer *st, dyad_arena *a, dyad_str w)
{
	size_t i;

	/* initials glued to a name: "М.Тлеуберди", "A.G.Lukashenko" keep what follows the last dot */
	for (i = w.n; i > 0; i--)
		if (w.p[i - 1] == '.')
			break;
	if (i > 0 && i < w.n)
		w = (dyad_str){ w.p + i, w.n - i };
	/* possessives: Kazakhstan's, Kazakhstan’s, Belarus' */
	if (w.n > 2 && w.p[w.n - 2] == '\'' && (w.p[w.n - 1] == 's' || w.p[w.n - 1] == 'S'))
		w.n -= 2;
	else if (w.n > 4 && starts_with_bytes((dyad_str){ w.p + w.n - 4, 4 }, "\xe2\x80\x99", 3) &&
		 (w.p[w.n - 1] == 's' || w.p[w.n - 1] == 'S'))
		w.n -= 4;
	else if (w.n > 1 && w.p[w.n - 1] == '\'')
		w.n -= 1;
	else if (w.n > 3 && starts_with_bytes((dyad_str){ w.p + w.n - 3, 3 }, "\xe2\x80\x99", 3))
		w.n -= 3;
	/* Russian names by their light stem (Snowball parts Токаев from Токаевым), others by Snowball */
	for (i = 0; i < w.n; i++)
		if ((unsigned char)w.p[i] == 0xD0 || (unsigned char)w.p[i] == 0xD1)
			return dyad_stem_light(st, a, w);
	return dyad_stem(st, a, w);
}

static int is_word(const dyad_token *t)
{
	return t->kind == DYAD_TOK_WORD || t->kind == DYAD_TOK_NUMBER;
}

/* Does a Russian adjective end in "ский"/"цкий"/"ской" — one that makes compound prefixes? */
static int ends_with(dyad_str s, const char *suffix)
{
	size_t n = strlen(suffix);
	return s.n >= n && memcmp(s.p + s.n - n, suffix, n) == 0;
}

/*
 * The compound prefixes of a Russian country adjective: "белорусский" gives
 * "белорусско", "американский" gives "американско" and "американо",
 * "китайский" "китайско", "российский" "российско".
 */
static void add_prefixes(dyad_matcher *m, uint32_t name, dyad_str adj)
{
	dyad_buf b = DYAD_BUF_INIT;
	static const char *const sfx[] = { "ский", "цкий", "ской", "ий", "ый", "ой" };
	size_t i;

	dyad_fold_buf(&b, adj);
	for (i = 0; i < sizeof sfx / sizeof *sfx; i++) {
		dyad_str f = { b.p, b.n };
		size_t n = strlen(sfx[i]);
		char tmp[256];

		if (!ends_with(f, sfx[i]) || f.n - n + 2 > sizeof tmp - 8)
			continue;
		/* the stem before the ending + "о": белорусск-ий → белорусско */
		memcpy(tmp, f.p, f.n - n);
		if (i < 3) {
			size_t k = f.n - n;
			/* "ский" → "ско" (keep "ск"), "цкий" → "цко" */
			memcpy(tmp + k, sfx[i], 4); /* "ск" or "цк" in UTF-8 is 4 bytes */
			/* NOLINTNEXTLINE(bugprone-not-null-terminated-result): tmp is used with its length */
			memcpy(tmp + k + 4, "\xd0\xbe", 2);
			add_hit(m, step_or_add(m, MATCH_PREFIX_ROOT, (dyad_str){ tmp, k + 6 }), name, CASE_ANY, CASE_ANY);
			/* and the short form: американ-о */
			memcpy(tmp + k, "\xd0\xbe", 2); /* NOLINT(bugprone-not-null-terminated-result): as above */
			add_hit(m, step_or_add(m, MATCH_PREFIX_ROOT, (dyad_str){ tmp, k + 2 }), name, CASE_ANY, CASE_ANY);
		} else {
			size_t k = f.n - n;
			memcpy(tmp + k, "\xd0\xbe", 2); /* NOLINT(bugprone-not-null-terminated-result): as above */
			add_hit(m, step_or_add(m, MATCH_PREFIX_ROOT, (dyad_str){ tmp, k + 2 }), name, CASE_ANY, CASE_ANY);
		}
		break;
	}
	dyad_buf_free(&b);
}

static int has_cyrillic(dyad_str s)
{
	size_t i;
	for (i = 0; i + 1 < s.n; i++)
		if ((unsigned char)s.p[i] == 0xd0 || (unsigned char)s.p[i] == 0xd1)
			return 1;
	return 0;
}

/* Add an edge from -> to over `key` unless one over that key exists already. */
static void add_edge(dyad_matcher *m, uint32_t from, dyad_str key, uint32_t to)
{
	uint64_t h = edge_hash(from, key);

	if (key.n == 0 || find_edge(m, from, key, h))
		return;
	new_edge(m, from, key, h)->to = to;
}

/*
 * A Russian noun's case forms do not all share one light stem (Китай, Китая:
 * кита, кит), so the dictionary form's endings are swapped for the case
 * endings and each form's key leads to the same state.
 */
static int in_list_c(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static void add_case_forms(dyad_matcher *m, uint32_t from, uint32_t to, dyad_str word)
{
	static const char *const iya_endings[] = { "и", "ю", "ей", "я", NULL };
	static const char *const endings[] = { "а", "я",  "у",  "ю",  "е",  "ом", "ем",  "ой", "ей", "ы",
					       "и", "ов", "ев", "ью", "ии", "ию", "ией", "ия", NULL };
	static const char *const finals[] = { "а", "я", "о", "е", "ы", "и", "й", "ь", NULL };
	const char *const *e;
	dyad_buf form = DYAD_BUF_INIT;
	size_t base = word.n, start = 0, i, own;
	int in_iya;

	for (i = 0; i < word.n; i++)
		if (word.p[i] == '-')
			start = i + 1;
	for (e = finals; *e; e++)
		if (word.n - start > strlen(*e) + 4 && memcmp(word.p + word.n - strlen(*e), *e, strlen(*e)) == 0) {
			base = word.n - strlen(*e);
			break;
		}
	own = match_key(m->stemmer, m->scratch, word).n;
	/* after "Нигери": Нигерии, Нигерию, Нигерией */
	in_iya = word.n >= 4 && memcmp(word.p + word.n - 4, "ия", 4) == 0;
	for (e = endings; *e; e++) {
		dyad_str key;
		/*
		 * a noun in -ия declines in -ии/-ию/-ией only, a noun ending in a consonant never
		 * does: Нигерия's forms are not Нигер's (Нигере, Нигера), nor Нигер's Нигерии
		 */
		if (base == word.n && strlen(*e) >= 4 && memcmp(*e, "и", 2) == 0)
			continue;
		if (in_iya && !in_list_c(*e, iya_endings))
			continue;
		dyad_buf_clear(&form);
		dyad_buf_put(&form, word.p, base);
		dyad_buf_puts(&form, *e);
		key = match_key(m->stemmer, m->scratch, (dyad_str){ form.p, form.n });
		/* a form the stemmer cuts to far less than the name ("Обами" -> "об") would match common words */
		if (key.n + 2 < own)
			continue;
		add_edge(m, from, key, to);
	}
	dyad_buf_free(&form);
}

/* Is a code point a Russian consonant (either case; "й" is not counted)? */
static int is_ru_consonant(uint32_t cp)
{
	static const uint32_t others[] = { 0x430, 0x435, 0x438, 0x439, 0x43e, 0x443,
					   0x44a, 0x44b, 0x44c, 0x44d, 0x44e, 0x44f }; /* а е и й о у ъ ы ь э ю я */
	size_t i;

	if (cp >= 0x410 && cp <= 0x42f)
		cp += 0x20;
	if (cp < 0x430 || cp > 0x44f)
		return 0;
	for (i = 0; i < sizeof others / sizeof others[0]; i++)
		if (cp == others[i])
			return 0;
	return 1;
}

/*
 * A capitalised Russian name ending in consonant + "е" + consonant may drop the
 * vowel in its other cases (Египет: Египта, Египтом); `out` gets the word
 * without it. Forms a name never takes are words no text has, so they cost
 * nothing. Returns 0 when the word is not so built.
 */
static int fleeting_stem(dyad_str w, dyad_buf *out)
{
	uint32_t cp[64];
	size_t off[65], n = 0, i = 0;

	while (i < w.n && n < 64) {
		off[n] = i;
		i += dyad_utf8_decode(w.p + i, w.n - i, &cp[n], NULL);
		n++;
	}
	off[n] = i;
	if (i < w.n || n < 5 || cp[0] < 0x410 || cp[0] > 0x42f)
		return 0;
	if (!is_ru_consonant(cp[n - 1]) || cp[n - 2] != 0x435 || !is_ru_consonant(cp[n - 3]))
		return 0;
	dyad_buf_clear(out);
	dyad_buf_put(out, w.p, off[n - 2]);
	dyad_buf_put(out, w.p + off[n - 1], off[n] - off[n - 1]);
	return 1;
}

static void compile_name(dyad_matcher *m, uint32_t idx, const dyad_lex_name *n)
{
	dyad_str text = dyad_str_c(n->text);
	dyad_token *t;
	size_t nt = dyad_tokenize(m->scratch, text, &t), i, words = 0;
	uint32_t s = MATCH_ROOT;
	int need = CASE_ANY, last = CASE_ANY;

	for (i = 0; i < nt; i++) {
		dyad_str w = { text.p + t[i].span.start, t[i].span.end - t[i].span.start };
		dyad_str key;

		if (!is_word(&t[i]))
			continue;
		if (words == 0)
			need = match_case_of(w);
		else
			last = match_case_of(w);
		key = match_key(m->stemmer, m->scratch, w);
		if (key.n == 0)
			continue;
		{
			uint32_t from = s;
			s = step_or_add(m, s, key);
			if (has_cyrillic(w)) {
				dyad_buf f = DYAD_BUF_INIT;
				add_case_forms(m, from, s, w);
				if (fleeting_stem(w, &f))
					add_case_forms(m, from, s, (dyad_str){ f.p, f.n });
				dyad_buf_free(&f);
			}
		}
		words++;
	}
	if (words == 0)
		return;
	/* a lower-case dictionary word matches any case; "US" asks for capitals */
	add_hit(m, s, idx, need, last);
	if (n->type == DYAD_NAME_ADJ && words == 1 && has_cyrillic(text))
		add_prefixes(m, idx, text);
	dyad_arena_reset(m->scratch);
}

dyad_matcher *dyad_matcher_new(const dyad_lexicon *lx)
{
	dyad_matcher *m = dyad_xcalloc(1, sizeof *m);
	size_t i;

	m->lx = lx;
	m->stemmer = dyad_stemmer_new();
	m->scratch = dyad_arena_new();
	new_state(m); /* MATCH_ROOT */
	new_state(m); /* MATCH_PREFIX_ROOT */
	for (i = 0; i < dyad_lexicon_nnames(lx); i++)
		compile_name(m, (uint32_t)i, dyad_lexicon_name(lx, i));
	return m;
}

dyad_matcher *dyad_matcher_clone(const dyad_matcher *m)
{
	dyad_matcher *c = dyad_xmalloc(sizeof *c);

	*c = *m;
	c->tables = m;
	c->stemmer = dyad_stemmer_new();
	c->scratch = dyad_arena_new();
	return c;
}

void dyad_matcher_free(dyad_matcher *m)
{
	if (m == NULL)
		return;
	dyad_stemmer_free(m->stemmer);
	dyad_arena_free(m->scratch);
	if (m->tables) {
		/* a clone: the tables are the original's */
		free(m);
		return;
	}
	free(m->first_hit);
	free(m->hits);
	free(m->edges);
	dyad_buf_free(&m->pool);
	free(m->name_place);
	free(m);
}

size_t dyad_matcher_states(const dyad_matcher *m)
{
	return m->nstates;
}
