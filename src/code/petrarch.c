/*
 * petrarch.c — bring your own dictionaries: readers for the PETRARCH/TABARI
 * formats (actors with dated codes, agents with plurals and substitution
 * sets, verbs with synsets and patterns, discards, issues) and a TABARI-style
 * coder over raw English sentences: upper-case tokens, longest actor and
 * agent phrases, verbs by their forms, the verb's patterns longest first,
 * source before and target after the verb. A stage of its own beside the
 * coder of data/events/: it shares only util and the dictionary dates.
 */
#include "dyad/petrarch.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define MAX_WORDS 64    /* words in one dictionary phrase */
#define MAX_TOKENS 512  /* tokens of a sentence that are coded; the rest is ignored */
#define MAX_CODES 16    /* codes one side of an event may carry (compound lists) */
#define MATCH_BUDGET 20000

/* ---- a word → list map ---------------------------------------------------------------------- */

typedef struct {
	const char **keys;
	void **vals;
	size_t cap, n;
} wordmap;

static size_t word_hash(const char *s)
{
	return (size_t)dyad_hash64(s, strlen(s), DYAD_HASH_SEED);
}

static void **wordmap_slot(wordmap *m, const char *key, int create)
{
	size_t i;

	if (create && (m->n + 1) * 2 > m->cap) {
		wordmap old = *m;
		size_t j;
		m->cap = old.cap ? old.cap * 2 : 256;
		m->keys = dyad_xcalloc(m->cap, sizeof *m->keys);
		m->vals = dyad_xcalloc(m->cap, sizeof *m->vals);
		m->n = 0;
		for (j = 0; j < old.cap; j++)
			if (old.keys[j])
				*wordmap_slot(m, old.keys[j], 1) = old.vals[j];
		free(old.keys);
		free(old.vals);
	}
	if (m->cap == 0)
		return NULL;
	for (i = word_hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == NULL) {
			if (!create)
				return NULL;
			m->keys[i] = key;
			m->n++;
			return &m->vals[i];
		}
		if (strcmp(m->keys[i], key) == 0)
			return &m->vals[i];
	}
}

static void *wordmap_get(const wordmap *m, const char *key)
{
	void **v = wordmap_slot((wordmap *)m, key, 0);
	return v ? *v : NULL;
}

static void wordmap_free(wordmap *m)
{
	free(m->keys);
	free(m->vals);
}

/* ---- the dictionaries in memory ------------------------------------------------------------- */

typedef struct {
	const char **w;
	size_t n;
	unsigned long long loose; /* bit k: a blank (not '_') before word k, so a word may come between */
} phrase;

typedef struct restr {
	const char *code;
	dyad_ymd from, to;      /* 0: open */
	struct restr *next;
} restr;

typedef struct {
	const char *code;       /* the default, or NULL */
	restr *r, **tail;
} actor_rec;

/* A phrase in a word map's list: the first member of actors and agents, so one search serves both. */
typedef struct phrase_item {
	phrase ph;
	struct phrase_item *next; /* the next phrase with the same first word */
} phrase_item;

typedef struct actor {
	phrase_item it;
	actor_rec *rec;
} actor;

typedef struct agent {
	phrase_item it;
	const char *code;
	int prefix;             /* NGO~: before the actor's code */
} agent;

typedef struct synset {
	const char *name;
	phrase *m;
	size_t n, cap;
} synset;

enum { E_WORD, E_SYN, E_SRC, E_TGT, E_CMP, E_SKIP };

typedef struct {
	int kind;
	const char *word;
	const synset *syn;
	int tight;              /* no words between it and its neighbour towards the verb */
} pelem;

typedef struct {
	pelem *pre, *post;      /* pre: left to right */
	size_t npre, npost;
	const char *code, *code2;
	size_t weight, order;
	const char *rule;
} pattern;

typedef struct {
	const char *code, *code2;
	pattern *pats;
	size_t npats, cap;
} block;

typedef struct verb {
	const char *code, *code2; /* NULL: the block's */
	block *b;
	const char *rule;
} verb;

typedef struct vform {
	phrase ph;
	size_t head;
	int base;               /* the verb as its line gives it, not a made or listed form */
	verb *v;
	struct vform *next;
} vform;

typedef struct {
	const char *text;       /* upper case, words joined by single blanks */
	int story, whole;
} discard;

struct dyad_petrarch {
	dyad_arena *arena;
	wordmap actors, agents, vforms, synsets;
	discard *discards;
	size_t ndiscards, capdiscards;
	block **blocks;
	size_t nblocks, capblocks;
	dyad_petrarch_counts counts;
};

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
	wordmap_free(&p->actors);
	wordmap_free(&p->agents);
	wordmap_free(&p->vforms);
	wordmap_free(&p->synsets);
	dyad_arena_free(p->arena);
	free(p);
}

void dyad_petrarch_count(const dyad_petrarch *p, dyad_petrarch_counts *out)
{
	*out = p->counts;
}

/* ---- reading lines -------------------------------------------------------------------------- */

typedef struct {
	dyad_petrarch *p;
	const char *file;
	size_t line;
	dyad_dict_warn_fn warn;
	void *ctx;
	size_t bad;
} reader;

static void bad(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Report the current line as bad ("file:line: what was expected"); the caller skips it. */
static void bad(reader *r, const char *fmt, ...)
{
	char msg[600];
	int n;
	va_list ap;

	r->bad++;
	if (r->warn == NULL)
		return;
	n = snprintf(msg, sizeof msg, "%s:%zu: ", r->file, r->line);
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	va_end(ap);
	r->warn(r->ctx, msg);
}

static char *upper_dup(dyad_arena *a, const char *s, size_t n)
{
	char *d = dyad_arena_strndup(a, s, n);
	size_t i;

	for (i = 0; i < n; i++)
		d[i] = (char)toupper((unsigned char)d[i]);
	return d;
}

/* `s` without a '#' comment (and, for actors, a ';' comment) and trailing space. */
static size_t strip_comment(const char *s, size_t n, int semicolon)
{
	size_t i;

	int in_code = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '[')
			in_code = 1;
		else if (s[i] == ']')
			in_code = 0;
		else if (!in_code && (s[i] == '#' || (semicolon && s[i] == ';')))
			break;
	}
	while (i > 0 && isspace((unsigned char)s[i - 1]))
		i--;
	return i;
}

/*
 * Split a phrase at blanks and underscores into upper-case words (owned by
 * the arena). *last_us is set when it ends with '_'. Returns 0, or -1 for an
 * empty phrase or one of too many words.
 */
static int split_phrase(dyad_arena *a, const char *s, size_t n, phrase *out, int *last_us)
{
	const char *w[MAX_WORDS];
	size_t k = 0, i = 0;
	unsigned long long loose = 0;

	if (last_us)
		*last_us = 0;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n > 0 && s[n - 1] == '_' && last_us)
		*last_us = 1;
	while (i < n) {
		size_t j;
		int blank = 0, us = 0;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '_')) {
			if (s[i] == '_')
				us = 1;
			else
				blank = 1;
			i++;
		}
		j = i;
		while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '_')
			j++;
		if (j > i) {
			if (k == MAX_WORDS)
				return -1;
			if (k > 0 && blank && !us && k < 64)
				loose |= 1ULL << k;
			w[k++] = upper_dup(a, s + i, j - i);
		}
		i = j;
	}
	if (k == 0)
		return -1;
	out->w = dyad_arena_alloc(a, k * sizeof *out->w);
	memcpy(out->w, w, k * sizeof *w);
	out->n = k;
	out->loose = loose;
	return 0;
}

/* Find "[...]" in s[0..n): *open and *close index the brackets. 0, or -1 when there is none or it is unclosed. */
static int find_brackets(const char *s, size_t n, size_t *open, size_t *close)
{
	const char *o = memchr(s, '[', n), *c;

	if (o == NULL)
		return -1;
	c = memchr(o, ']', n - (size_t)(o - s));
	if (c == NULL)
		return -1;
	*open = (size_t)(o - s);
	*close = (size_t)(c - s);
	return 0;
}

static int is_code_char(int c)
{
	return isalnum(c) || c == '-' || c == '+' || c == '#' || c == '/' || c == '?' || c == '*' || c == '.';
}

/* A date as YYMMDD or YYYYMMDD; -1 if malformed. Two-digit years below 30 are 20xx. */
static dyad_ymd parse_date(const char *s, size_t n)
{
	long v = 0;
	size_t i;

	if (n != 6 && n != 8)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i])) // NOLINT(clang-analyzer-core.uninitialized.ArraySubscript): callers pass d[0..dn), all written
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (n == 6)
		v += (v / 10000 < 30 ? 20000000L : 19000000L);
	if (v % 100 > 31 || v / 100 % 100 > 12)
		return -1;
	return (dyad_ymd)v;
}

/*
 * The inside of a code bracket "CODE", "CODE <date", "CODE >date",
 * "CODE date-date". Returns 0 with the parts, or -1 with *why set.
 */
static int parse_restriction(dyad_arena *a, const char *s, size_t n, const char **code, dyad_ymd *from,
			     dyad_ymd *to, const char **why)
{
	size_t i = 0, j;
	char d[40];
	size_t dn = 0;

	*from = *to = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	j = i;
	while (j < n && is_code_char((unsigned char)s[j]))
		j++;
	if (j == i) {
		*why = "expected a code inside [...]";
		return -1;
	}
	*code = upper_dup(a, s + i, j - i);
	for (; j < n; j++)
		if (!isspace((unsigned char)s[j])) {
			if (dn + 1 >= sizeof d) {
				*why = "expected a date restriction <date, >date or date-date";
				return -1;
			}
			d[dn++] = s[j];
		}
	d[dn] = '\0';
	if (dn == 0)
		return 0;
	if (d[0] == '<' || d[0] == '>') {
		dyad_ymd v = parse_date(d + 1, dn - 1);
		if (v < 0) {
			*why = "expected a date as YYMMDD or YYYYMMDD after < or >";
			return -1;
		}
		if (d[0] == '<')
			*to = v;
		else
			*from = v;
		return 0;
	}
	{
		char *dash = strchr(d, '-');
		dyad_ymd f, t;
		if (dash == NULL || (f = parse_date(d, (size_t)(dash - d))) < 0 ||
		    (t = parse_date(dash + 1, strlen(dash + 1))) < 0) {
			*why = "expected a date restriction <date, >date or date-date (YYMMDD or YYYYMMDD)";
			return -1;
		}
		*from = f;
		*to = t;
	}
	return 0;
}

static void add_to_map(dyad_petrarch *p, wordmap *m, const char *first, void **next_field, void *item)
{
	void **slot = wordmap_slot(m, first, 1);
	(void)p;
	*next_field = *slot;
	*slot = item;
}

/* ---- actors --------------------------------------------------------------------------------- */

static void add_actor(dyad_petrarch *p, const phrase *ph, actor_rec *rec)
{
	actor *ac = dyad_arena_zalloc(p->arena, sizeof *ac);
	ac->it.ph = *ph;
	ac->rec = rec;
	add_to_map(p, &p->actors, ph->w[0], (void **)&ac->it.next, &ac->it);
	p->counts.actors++;
}

static void read_actors(reader *r, char **lines, size_t nlines)
{
	dyad_petrarch *p = r->p;
	actor_rec *rec = NULL;
	size_t i;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n = strlen(s), o, c;
		const char *why;
		phrase ph;
		int us;

		r->line = i + 1;
		if (s[0] == '\t' || s[0] == ' ') {
			size_t k = 0;
			while (k < n && isspace((unsigned char)s[k]))
				k++;
			if (k == n || s[k] == '#')
				continue;
			n = strip_comment(s, n, 1);
			if (rec == NULL) {
				bad(r, "expected an actor phrase before the date restriction");
				continue;
			}
			if (find_brackets(s + k, n - k, &o, &c) < 0) {
				bad(r, "expected a date restriction [CODE <date], [CODE >date] or [CODE date-date]");
				continue;
			}
			{
				restr *t = dyad_arena_zalloc(p->arena, sizeof *t);
				if (parse_restriction(p->arena, s + k + o + 1, c - o - 1, &t->code, &t->from, &t->to, &why) < 0) {
					bad(r, "%s", why);
					continue;
				}
				if (t->from == 0 && t->to == 0) {
					if (rec->code == NULL)
						rec->code = t->code;
					continue;
				}
				*rec->tail = t;
				rec->tail = &t->next;
			}
			continue;
		}
		n = strip_comment(s, n, 1);
		if (n == 0 || s[0] == '<')
			continue;
		if (s[0] == '+') {
			if (rec == NULL) {
				bad(r, "expected an actor phrase before the synonym '+%.*s'", (int)(n - 1 < 60 ? n - 1 : 60), s + 1);
				continue;
			}
			if (memchr(s, '[', n) || split_phrase(p->arena, s + 1, n - 1, &ph, &us) < 0) {
				bad(r, "expected a synonym phrase after '+' (words joined by blanks or '_', no code)");
				continue;
			}
			add_actor(p, &ph, rec);
			continue;
		}
		{
			/* PHRASE [CODE] — TABARI also allowed dated codes here: [CODE date-date] [CODE] */
			size_t end = n, at = 0;
			int ok = 1;
			const char *open = memchr(s, '[', n);
			if (open)
				end = (size_t)(open - s);
			if (split_phrase(p->arena, s, end, &ph, &us) < 0) {
				bad(r, "expected an actor phrase");
				rec = NULL;
				continue;
			}
			rec = dyad_arena_zalloc(p->arena, sizeof *rec);
			rec->tail = &rec->r;
			for (at = end; ok && at < n && memchr(s + at, '[', n - at);) {
				restr *t = dyad_arena_zalloc(p->arena, sizeof *t);
				if (find_brackets(s + at, n - at, &o, &c) < 0 ||
				    parse_restriction(p->arena, s + at + o + 1, c - o - 1, &t->code, &t->from, &t->to, &why) < 0) {
					ok = 0;
					break;
				}
				if (t->from == 0 && t->to == 0) {
					if (rec->code == NULL)
						rec->code = t->code;
				} else {
					*rec->tail = t;
					rec->tail = &t->next;
				}
				at += c + 1;
			}
			if (!ok) {
				bad(r, "expected the actor's code in [...] after the phrase");
				rec = NULL;
				continue;
			}
			add_actor(p, &ph, rec);
		}
	}
}

/* The actor's code on `day`: the first restriction that holds, else the default; NULL if none. */
static const char *actor_code(const actor_rec *rec, dyad_ymd day)
{
	const restr *t;

	if (day > 0)
		for (t = rec->r; t; t = t->next)
			if ((t->from == 0 || day >= t->from) && (t->to == 0 || day <= t->to))
				return t->code;
	if (rec->code)
		return rec->code;
	return day > 0 || rec->r == NULL ? NULL : rec->r->code;
}

/* ---- agents --------------------------------------------------------------------------------- */

typedef struct {
	const char *name;
	phrase items;           /* the substitutes, each a single string */
} subst;

static void add_agent(dyad_petrarch *p, const phrase *ph, const char *code, int prefix)
{
	agent *ag = dyad_arena_zalloc(p->arena, sizeof *ag);
	ag->it.ph = *ph;
	ag->code = code;
	ag->prefix = prefix;
	add_to_map(p, &p->agents, ph->w[0], (void **)&ag->it.next, &ag->it);
	p->counts.agents++;
}

/* The regular plural of a word: +S, Y → IES, SS → +ES. Owned by `a`. */
static const char *plural(dyad_arena *a, const char *w)
{
	size_t n = strlen(w);
	char *o = dyad_arena_alloc(a, n + 4);

	memcpy(o, w, n + 1);
	if (n > 1 && w[n - 1] == 'Y' && !strchr("AEIOU", w[n - 2]))
		strcpy(o + n - 1, "IES");
	else if (n > 1 && w[n - 1] == 'S' && w[n - 2] == 'S')
		strcpy(o + n, "ES");
	else
		strcpy(o + n, "S");
	return o;
}

static phrase with_last(dyad_arena *a, const phrase *ph, const char *last)
{
	phrase q;
	q.n = ph->n;
	q.loose = ph->loose; /* the plural keeps the singular's gaps */
	q.w = dyad_arena_alloc(a, q.n * sizeof *q.w);
	memcpy(q.w, ph->w, q.n * sizeof *q.w);
	q.w[q.n - 1] = last;
	return q;
}

#define MAX_EXPANSIONS 4096 /* phrases one agent line may make through its substitution markers */

/*
 * Expand the first !MARKER! of `s` with each substitute, recursively; plain
 * phrases go to add_agent. *budget bounds the phrases one line makes
 * ("X!P!!P!!P!..." multiplies). Returns 0, -1 for a bad phrase, -2 for an
 * unknown marker, -3 when the budget ran out.
 */
static int agent_expand(reader *r, const char *s, size_t n, subst *subs, size_t nsubs, const char *code, int prefix,
			int explicit_plural, const char *pl, size_t pln, size_t *budget)
{
	dyad_petrarch *p = r->p;
	const char *b = memchr(s, '!', n), *e;
	phrase ph;
	int us;

	if (b) {
		size_t i, k;
		e = memchr(b + 1, '!', n - (size_t)(b + 1 - s));
		if (e == NULL)
			return -1;
		for (i = 0; i < nsubs; i++)
			if (strlen(subs[i].name) == (size_t)(e - b + 1) && strncasecmp(subs[i].name, b, (size_t)(e - b + 1)) == 0)
				break;
		if (i == nsubs)
			return -2;
		for (k = 0; k < subs[i].items.n; k++) {
			dyad_buf t = DYAD_BUF_INIT;
			int rc;
			dyad_buf_put(&t, s, (size_t)(b - s));
			dyad_buf_puts(&t, subs[i].items.w[k]);
			dyad_buf_put(&t, e + 1, n - (size_t)(e + 1 - s));
			rc = *budget == 0 ? -3 : agent_expand(r, t.p, t.n, subs, nsubs, code, prefix, 1, NULL, 0, budget);
			dyad_buf_free(&t);
			if (rc < 0)
				return rc;
		}
		return 0;
	}
	if (*budget == 0)
		return -3;
	(*budget)--;
	if (split_phrase(p->arena, s, n, &ph, &us) < 0)
		return -1;
	add_agent(p, &ph, code, prefix);
	if (pl && pln > 0) {
		phrase q;
		if (split_phrase(p->arena, pl, pln, &q, &us) < 0)
			return -1;
		add_agent(p, &q, code, prefix);
	} else if (!explicit_plural && !us) {
		phrase q = with_last(p->arena, &ph, plural(p->arena, ph.w[ph.n - 1]));
		add_agent(p, &q, code, prefix);
	}
	return 0;
}

static void read_agents(reader *r, char **lines, size_t nlines)
{
	dyad_petrarch *p = r->p;
	subst subs[64];
	size_t nsubs = 0, i;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n, o, c, end, k;
		const char *code = NULL, *why, *pl = NULL;
		size_t pln = 0;
		int prefix = 0, explicit_plural = 0, rc;
		size_t budget;
		dyad_ymd f, t;

		r->line = i + 1;
		n = strip_comment(s, strlen(s), 0);
		while (n > 0 && isspace((unsigned char)*s)) {
			s++;
			n--;
		}
		if (n == 0 || s[0] == '<')
			continue;
		if (s[0] == '!' && memchr(s, '=', n)) {
			const char *eq = memchr(s, '=', n), *q;
			size_t nn = (size_t)(eq - s);
			phrase items = { NULL, 0, 0 };
			const char *w[MAX_WORDS];
			while (nn > 0 && isspace((unsigned char)s[nn - 1]))
				nn--;
			if (nn < 3 || s[nn - 1] != '!' || nsubs == sizeof subs / sizeof *subs) {
				bad(r, "expected a substitution set: !MARKER! = A, B, C");
				continue;
			}
			for (q = eq + 1; q < s + n;) {
				const char *comma = memchr(q, ',', (size_t)(s + n - q)), *qe = comma ? comma : s + n;
				dyad_str it = dyad_str_trim((dyad_str){ q, (size_t)(qe - q) });
				if (it.n > 0 && items.n < MAX_WORDS && memchr(it.p, '!', it.n) == NULL)
					w[items.n++] = upper_dup(p->arena, it.p, it.n);
				q = qe + 1;
			}
			if (items.n == 0) {
				bad(r, "expected a substitution set: !MARKER! = A, B, C");
				continue;
			}
			items.w = dyad_arena_alloc(p->arena, items.n * sizeof *items.w);
			memcpy(items.w, w, items.n * sizeof *w);
			subs[nsubs].name = upper_dup(p->arena, s, nn);
			subs[nsubs++].items = items;
			continue;
		}
		if (find_brackets(s, n, &o, &c) < 0) {
			bad(r, "expected an agent code [~CODE] or [CODE~] after the phrase");
			continue;
		}
		{
			size_t a0 = o + 1, a1 = c;
			while (a0 < a1 && isspace((unsigned char)s[a0]))
				a0++;
			while (a1 > a0 && isspace((unsigned char)s[a1 - 1]))
				a1--;
			if (a0 < a1 && s[a0] == '~')
				a0++;
			else if (a0 < a1 && s[a1 - 1] == '~') {
				a1--;
				prefix = 1;
			} else {
				bad(r, "expected an agent code [~CODE] or [CODE~] after the phrase");
				continue;
			}
			if (parse_restriction(p->arena, s + a0, a1 - a0, &code, &f, &t, &why) < 0 || f || t) {
				bad(r, "expected an agent code [~CODE] or [CODE~] after the phrase");
				continue;
			}
		}
		end = o;
		for (k = 0; k < o; k++)
			if (s[k] == '{') {
				const char *cb = memchr(s + k, '}', o - k);
				if (cb == NULL)
					break;
				explicit_plural = 1;
				pl = s + k + 1;
				pln = (size_t)(cb - pl);
				end = k;
				break;
			}
		if (k < o && end == o) {
			bad(r, "expected a plural in {...} closed by '}'");
			continue;
		}
		budget = MAX_EXPANSIONS;
		rc = agent_expand(r, s, end, subs, nsubs, code, prefix, explicit_plural, pl, pln, &budget);
		if (rc == -3)
			bad(r, "expected at most %d phrases from the substitution markers of one line", MAX_EXPANSIONS);
		else if (rc == -2)
			bad(r, "expected a substitution marker defined earlier with !MARKER! = ...");
		else if (rc < 0)
			bad(r, "expected an agent phrase before the code");
	}
}

/* ---- verbs ---------------------------------------------------------------------------------- */

static synset *find_synset(const dyad_petrarch *p, const char *name)
{
	return wordmap_get(&p->synsets, name);
}

static void synset_add(dyad_arena *a, synset *s, const phrase *ph)
{
	if (s->n == s->cap) {
		phrase *m;
		s->cap = s->cap ? s->cap * 2 : 8;
		m = dyad_arena_alloc(a, s->cap * sizeof *m);
		if (s->n)
			memcpy(m, s->m, s->n * sizeof *m);
		s->m = m;
	}
	s->m[s->n++] = *ph;
}

/* Parse "[a]" or "[a:b]" inside s[o+1..c). */
static int parse_code_pair(dyad_arena *a, const char *s, size_t o, size_t c, const char **code, const char **code2)
{
	const char *in = s + o + 1, *colon;
	size_t n = c - o - 1;
	dyad_str t;

	colon = memchr(in, ':', n);
	*code2 = NULL;
	t = dyad_str_trim((dyad_str){ in, colon ? (size_t)(colon - in) : n });
	if ((t.n == 0 && !colon) || t.n > 63)
		return -1;
	*code = t.n ? upper_dup(a, t.p, t.n) : "---"; /* "[:173]": only the event back */
	if (colon) {
		t = dyad_str_trim((dyad_str){ colon + 1, n - (size_t)(colon + 1 - in) });
		if (t.n == 0 || t.n > 63)
			return -1;
		*code2 = upper_dup(a, t.p, t.n);
	}
	return 0;
}

static vform *add_vform(dyad_petrarch *p, const phrase *ph, size_t head, verb *v)
{
	vform *f = dyad_arena_zalloc(p->arena, sizeof *f);
	f->ph = *ph;
	f->head = head;
	f->v = v;
	add_to_map(p, &p->vforms, ph->w[head], (void **)&f->next, f);
	p->counts.verbs++;
	return f;
}

/* A verb phrase with '+' marking the verb word (else the first word). */
static int verb_phrase(dyad_arena *a, const char *s, size_t n, phrase *ph, size_t *head)
{
	size_t i;
	int us;

	if (split_phrase(a, s, n, ph, &us) < 0)
		return -1;
	*head = 0;
	for (i = 0; i < ph->n; i++)
		if (ph->w[i][0] == '+') {
			*head = i;
			ph->w[i]++;
			if (ph->w[i][0] == '\0')
				return -1;
		}
	return 0;
}

static void regular_forms(dyad_petrarch *p, const phrase *ph, size_t head, verb *v)
{
	const char *w = ph->w[head];
	size_t n = strlen(w), k;
	char buf[8][128];
	size_t nb = 0;

	if (n + 4 >= sizeof buf[0])
		return;
	snprintf(buf[nb++], sizeof buf[0], "%sS", w);
	if (w[n - 1] == 'E') {
		snprintf(buf[nb++], sizeof buf[0], "%sD", w);
		snprintf(buf[nb++], sizeof buf[0], "%.*sING", (int)(n - 1), w);
	} else if (w[n - 1] == 'Y' && n > 1 && !strchr("AEIOU", w[n - 2])) {
		snprintf(buf[nb++], sizeof buf[0], "%.*sIES", (int)(n - 1), w);
		snprintf(buf[nb++], sizeof buf[0], "%.*sIED", (int)(n - 1), w);
		snprintf(buf[nb++], sizeof buf[0], "%sING", w);
	} else {
		snprintf(buf[nb++], sizeof buf[0], "%sED", w);
		snprintf(buf[nb++], sizeof buf[0], "%sING", w);
		if (w[n - 1] == 'S' || w[n - 1] == 'X' || w[n - 1] == 'Z' || (n > 1 && w[n - 1] == 'H' && strchr("CS", w[n - 2])))
			snprintf(buf[nb++], sizeof buf[0], "%sES", w);
		else if (n > 2 && n <= 4 && !strchr("AEIOUWXY", w[n - 1]) && strchr("AEIOU", w[n - 2]) &&
			 !strchr("AEIOU", w[n - 3])) {
			snprintf(buf[nb++], sizeof buf[0], "%s%cED", w, w[n - 1]);
			snprintf(buf[nb++], sizeof buf[0], "%s%cING", w, w[n - 1]);
		}
	}
	for (k = 0; k < nb; k++) {
		phrase q = with_last(p->arena, ph, "");
		memcpy(q.w, ph->w, ph->n * sizeof *q.w);
		q.w[head] = dyad_arena_strndup(p->arena, buf[k], strlen(buf[k]));
		add_vform(p, &q, head, v);
	}
}

/* Words of a pattern element that may carry '_' joins; *tight_after tells a trailing '_'. */
static int parse_pattern(reader *r, const char *s, size_t n, pattern *pt)
{
	dyad_petrarch *p = r->p;
	pelem el[MAX_WORDS];
	int join[MAX_WORDS];    /* join[i]: element i is joined to i+1 by '_' */
	size_t ne = 0, i = 0, star = (size_t)-1, k;

	while (i < n) {
		size_t j;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '{' || s[i] == '}' || s[i] == '(' || s[i] == ')'))
			i++;
		if (i >= n)
			break;
		if (s[i] == '_') {
			if (ne > 0)
				join[ne - 1] = 1;
			i++;
			continue;
		}
		j = i;
		if (s[i] == '*' || s[i] == '$' || s[i] == '+' || s[i] == '%' || s[i] == '^')
			j = i + 1;
		else
			while (j < n && !strchr(" \t_{}()*", s[j]))
				j++;
		if (ne == MAX_WORDS) {
			bad(r, "expected a pattern of at most %d elements", MAX_WORDS);
			return -1;
		}
		memset(&el[ne], 0, sizeof el[ne]);
		join[ne] = 0;
		switch (s[i]) {
		case '*':
			if (star != (size_t)-1) {
				bad(r, "expected one '*' for the verb in the pattern");
				return -1;
			}
			star = ne;
			break;
		case '$': el[ne].kind = E_SRC; break;
		case '+': el[ne].kind = E_TGT; break;
		case '%': el[ne].kind = E_CMP; break;
		case '^': el[ne].kind = E_SKIP; break;
		case '&': {
			char *name = upper_dup(p->arena, s + i, j - i);
			el[ne].kind = E_SYN;
			el[ne].syn = find_synset(p, name);
			if (el[ne].syn == NULL) {
				bad(r, "expected a synset defined before its use: %s", name);
				return -1;
			}
			break;
		}
		default:
			el[ne].kind = E_WORD;
			el[ne].word = upper_dup(p->arena, s + i, j - i);
		}
		ne++;
		i = j;
	}
	if (star == (size_t)-1) {
		bad(r, "expected a '*' marking the verb's place in the pattern");
		return -1;
	}
	/* el[star] is the verb placeholder */
	pt->npre = star;
	pt->npost = ne - star - 1;
	pt->pre = dyad_arena_alloc(p->arena, (pt->npre + 1) * sizeof *pt->pre);
	pt->post = dyad_arena_alloc(p->arena, (pt->npost + 1) * sizeof *pt->post);
	for (k = 0; k < star; k++) {
		pt->pre[k] = el[k];
		pt->pre[k].tight = join[k];
	}
	for (k = star + 1; k < ne; k++) {
		pt->post[k - star - 1] = el[k];
		pt->post[k - star - 1].tight = join[k - 1];
	}
	pt->weight = ne - 1;
	for (k = 0; k < ne; k++)
		if (k != star && el[k].kind == E_SYN)
			pt->weight++;
	return 0;
}

static void read_verbs(reader *r, char **lines, size_t nlines)
{
	dyad_petrarch *p = r->p;
	block *b = NULL;
	synset *syn = NULL;
	int syn_noplural = 0;
	size_t i, order = 0;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n, o, c;
		char rule[400];

		r->line = i + 1;
		while (*s == ' ' || *s == '\t')
			s++;
		n = strlen(s);
		if (n >= 3 && strncmp(s, "---", 3) == 0) {
			const char *code = "---", *code2 = NULL;
			syn = NULL;
			b = dyad_arena_zalloc(p->arena, sizeof *b);
			if (find_brackets(s + 3, n - 3, &o, &c) == 0 && parse_code_pair(p->arena, s + 3, o, c, &code, &code2) < 0) {
				bad(r, "expected the block's code in [...]: --- VERB [code] ---");
				code = "---";
			}
			b->code = code;
			b->code2 = code2;
			if (p->nblocks == p->capblocks) {
				p->capblocks = p->capblocks ? p->capblocks * 2 : 64;
				p->blocks = dyad_xrealloc(p->blocks, p->capblocks * sizeof *p->blocks); // NOLINT(bugprone-sizeof-expression): an array of pointers
			}
			p->blocks[p->nblocks++] = b;
			continue;
		}
		n = strip_comment(s, n, 0);
		if (n == 0 || s[0] == '<')
			continue;
		if (s[0] == '&') {
			size_t k = 1;
			char *name;
			while (k < n && !isspace((unsigned char)s[k]))
				k++;
			if (k == 1) {
				bad(r, "expected a synset name after '&'");
				syn = NULL;
				continue;
			}
			syn_noplural = s[k - 1] == '_';
			name = upper_dup(p->arena, s, syn_noplural ? k - 1 : k);
			syn = dyad_arena_zalloc(p->arena, sizeof *syn);
			syn->name = name;
			*wordmap_slot(&p->synsets, name, 1) = syn;
			p->counts.synsets++;
			b = NULL;
			continue;
		}
		if (syn && s[0] == '+') {
			phrase ph;
			int us;
			if (s[1] == '&') {
				synset *inner;
				size_t k;
				char *name = upper_dup(p->arena, s + 1, n - 1);
				size_t nn = strlen(name);
				while (nn > 0 && (isspace((unsigned char)name[nn - 1]) || name[nn - 1] == '_'))
					name[--nn] = '\0';
				inner = find_synset(p, name);
				if (inner == NULL || inner == syn) {
					bad(r, "expected a synset defined before its use: %s", name);
					continue;
				}
				for (k = 0; k < inner->n; k++)
					synset_add(p->arena, syn, &inner->m[k]);
				continue;
			}
			if (split_phrase(p->arena, s + 1, n - 1, &ph, &us) < 0) {
				bad(r, "expected a synset member after '+'");
				continue;
			}
			synset_add(p->arena, syn, &ph);
			if (!syn_noplural && !us) {
				phrase q = with_last(p->arena, &ph, plural(p->arena, ph.w[ph.n - 1]));
				synset_add(p->arena, syn, &q);
			}
			continue;
		}
		syn = NULL;
		if (s[0] == '~')
			continue; /* transformations need parse trees */
		if (b == NULL) {
			bad(r, "expected a '--- VERB [code] ---' block before this line");
			continue;
		}
		snprintf(rule, sizeof rule, "%s:%zu: %.*s", r->file, r->line, (int)(n < 300 ? n : 300), s);
		if (s[0] == '-') {
			pattern pt;
			const char *code, *code2;
			memset(&pt, 0, sizeof pt);
			if (find_brackets(s, n, &o, &c) < 0 || parse_code_pair(p->arena, s, o, c, &code, &code2) < 0) {
				bad(r, "expected a pattern '- words * words [code]'");
				continue;
			}
			if (parse_pattern(r, s + 1, o - 1, &pt) < 0)
				continue;
			pt.code = code;
			pt.code2 = code2;
			pt.order = order++;
			pt.rule = dyad_arena_strndup(p->arena, rule, strlen(rule));
			if (b->npats == b->cap) {
				b->cap = b->cap ? b->cap * 2 : 8;
				b->pats = dyad_xrealloc(b->pats, b->cap * sizeof *b->pats);
			}
			b->pats[b->npats++] = pt;
			p->counts.patterns++;
			continue;
		}
		{
			/* a verb: WORD {FORMS} [code] */
			const char *code = NULL, *code2 = NULL, *forms = NULL;
			size_t end = n, nforms = 0, head;
			const char *ob = memchr(s, '{', n);
			phrase ph;
			verb *v;
			if (memchr(s, '[', n)) {
				if (find_brackets(s, n, &o, &c) < 0 || parse_code_pair(p->arena, s, o, c, &code, &code2) < 0) {
					bad(r, "expected the verb's code in [...]");
					continue;
				}
				end = o;
			}
			if (ob && (size_t)(ob - s) < end) {
				const char *cb = memchr(ob, '}', end - (size_t)(ob - s));
				if (cb == NULL) {
					bad(r, "expected the verb's forms in {...} closed by '}'");
					continue;
				}
				forms = ob + 1;
				nforms = (size_t)(cb - forms);
				end = (size_t)(ob - s);
			}
			if (verb_phrase(p->arena, s, end, &ph, &head) < 0) {
				bad(r, "expected a verb, or a pattern line starting with '-'");
				continue;
			}
			v = dyad_arena_zalloc(p->arena, sizeof *v);
			v->code = code;
			v->code2 = code2;
			v->b = b;
			v->rule = dyad_arena_strndup(p->arena, rule, strlen(rule));
			add_vform(p, &ph, head, v)->base = 1;
			if (forms) {
				size_t k = 0;
				while (k < nforms) {
					size_t j;
					phrase q;
					size_t qh;
					while (k < nforms && isspace((unsigned char)forms[k]))
						k++;
					j = k;
					while (j < nforms && !isspace((unsigned char)forms[j]))
						j++;
					if (j > k && verb_phrase(p->arena, forms + k, j - k, &q, &qh) == 0)
						add_vform(p, &q, qh, v);
					k = j;
				}
			} else
				regular_forms(p, &ph, head, v);
		}
	}
}

/* ---- discards and issues ------------------------------------------------------------------- */

static void read_discards(reader *r, char **lines, size_t nlines)
{
	dyad_petrarch *p = r->p;
	size_t i;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n;
		discard d;
		phrase ph;
		dyad_buf t = DYAD_BUF_INIT;
		size_t k;

		r->line = i + 1;
		n = strip_comment(s, strlen(s), 0);
		while (n > 0 && isspace((unsigned char)*s)) {
			s++;
			n--;
		}
		if (n == 0 || s[0] == '<')
			continue;
		memset(&d, 0, sizeof d);
		if (s[0] == '+') {
			d.story = 1;
			s++;
			n--;
		}
		if (memchr(s, '[', n) || split_phrase(p->arena, s, n, &ph, &d.whole) < 0) {
			bad(r, "expected a discard phrase (a leading '+' discards the story)");
			continue;
		}
		for (k = 0; k < ph.n; k++) {
			if (k)
				dyad_buf_putc(&t, ' ');
			dyad_buf_puts(&t, ph.w[k]);
		}
		d.text = dyad_arena_strndup(p->arena, t.p, t.n);
		dyad_buf_free(&t);
		if (p->ndiscards == p->capdiscards) {
			p->capdiscards = p->capdiscards ? p->capdiscards * 2 : 64;
			p->discards = dyad_xrealloc(p->discards, p->capdiscards * sizeof *p->discards);
		}
		p->discards[p->ndiscards++] = d;
		p->counts.discards++;
	}
}

static void read_issues(reader *r, char **lines, size_t nlines)
{
	size_t i;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n, o, c;
		const char *code, *code2;

		r->line = i + 1;
		n = strip_comment(s, strlen(s), 0);
		while (n > 0 && isspace((unsigned char)*s)) {
			s++;
			n--;
		}
		if (n == 0 || s[0] == '<' || s[0] == '~')
			continue;
		if (find_brackets(s, n, &o, &c) < 0 || o == 0 || parse_code_pair(r->p->arena, s, o, c, &code, &code2) < 0) {
			bad(r, "expected an issue phrase and its [CODE]");
			continue;
		}
		r->p->counts.issues++;
	}
}

static int cmp_patterns(const void *x, const void *y)
{
	const pattern *a = x, *b = y;

	if (a->weight != b->weight)
		return a->weight > b->weight ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

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
		if (nlines == cap) {
			cap = cap ? cap * 2 : 256;
			lines = dyad_xrealloc(lines, cap * sizeof *lines);
		}
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
	case DYAD_PETR_ACTORS: read_actors(&r, lines, nlines); break;
	case DYAD_PETR_AGENTS: read_agents(&r, lines, nlines); break;
	case DYAD_PETR_VERBS:
		read_verbs(&r, lines, nlines);
		for (i = 0; i < p->nblocks; i++)
			if (p->blocks[i]->npats > 1)
				qsort(p->blocks[i]->pats, p->blocks[i]->npats, sizeof *p->blocks[i]->pats, cmp_patterns);
		break;
	case DYAD_PETR_DISCARDS: read_discards(&r, lines, nlines); break;
	case DYAD_PETR_ISSUES: read_issues(&r, lines, nlines); break;
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
	static const struct { const char *key; int kind; } keys[] = {
		{ "actors", DYAD_PETR_ACTORS }, { "actorfile_list", DYAD_PETR_ACTORS }, { "actorfile_name", DYAD_PETR_ACTORS },
		{ "agents", DYAD_PETR_AGENTS }, { "agentfile_name", DYAD_PETR_AGENTS },
		{ "verbs", DYAD_PETR_VERBS }, { "verbfile_name", DYAD_PETR_VERBS },
		{ "discards", DYAD_PETR_DISCARDS }, { "discardfile_name", DYAD_PETR_DISCARDS },
		{ "issues", DYAD_PETR_ISSUES }, { "issuefile_name", DYAD_PETR_ISSUES },
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
	for (line = strtok_r(text.p ? text.p : (char *)"", "\n", &save); line && rc == 0; line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '='), *v, *tok, *save2 = NULL;
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
		for (tok = strtok_r(v, ",", &save2); tok && rc == 0; tok = strtok_r(NULL, ",", &save2)) {
			dyad_str f = dyad_str_trim(dyad_str_c(tok));
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
		rc = dyad_errf(e, DYAD_ENOTFOUND, "%s: no verb and actor dictionaries found (expected *.verbs and *.actors files, or a config naming them)", path);
	if (rc < 0) {
		dyad_petrarch_free(p);
		return NULL;
	}
	return p;
}

/* ---- the coder: tokens ---------------------------------------------------------------------- */

typedef struct {
	const char *w;          /* upper case */
	size_t start, end;      /* bytes in the sentence */
} tok;

static int is_word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80 || c == '-' || c == '.' || c == '\'' || c == '&';
}

static tok *push_tok(dyad_arena *a, tok *t, size_t *n, const char *s, size_t b, size_t e)
{
	if (*n < MAX_TOKENS && e > b) {
		t[*n].w = upper_dup(a, s + b, e - b);
		t[*n].start = b;
		t[*n].end = e;
		(*n)++;
	}
	return t;
}

/*
 * TABARI's tokens: upper case, possessive 's and n't split off as in the
 * Penn Treebank, a trailing dot dropped unless the word is an abbreviation
 * of letters and dots (U.S., K.U.), other punctuation a token of its own.
 */
static size_t tokenize(dyad_arena *a, dyad_str s, tok *t)
{
	size_t i = 0, n = 0;

	while (i < s.n) {
		unsigned char c = (unsigned char)s.p[i];
		size_t j, e;
		if (isspace(c) || c == '"' || c == '`') {
			i++;
			continue;
		}
		if (c == 0xE2 && i + 2 < s.n && (unsigned char)s.p[i + 1] == 0x80) {
			i += 3; /* typographic quotes and dashes */
			continue;
		}
		if (!is_word_byte(c) || c == '\'' || c == '.' || c == '-') {
			if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '-')
				push_tok(a, t, &n, s.p, i, i + 1);
			i++;
			continue;
		}
		j = i;
		while (j < s.n && is_word_byte((unsigned char)s.p[j]))
			j++;
		e = j;
		/* strip trailing dots unless letter-dot pairs: U.S. */
		if (e > i && s.p[e - 1] == '.') {
			size_t k;
			int abbr = (e - i) >= 2;
			for (k = i; k < e && abbr; k += 2)
				abbr = isalpha((unsigned char)s.p[k]) && k + 1 < e && s.p[k + 1] == '.';
			if (!abbr)
				while (e > i && s.p[e - 1] == '.')
					e--;
		}
		while (e > i && s.p[e - 1] == '\'')
			e--;
		if (e - i > 2 && (s.p[e - 2] == '\'') && (s.p[e - 1] == 's' || s.p[e - 1] == 'S')) {
			push_tok(a, t, &n, s.p, i, e - 2);
			push_tok(a, t, &n, s.p, e - 2, e);
		} else if (e - i > 3 && strncasecmp(s.p + e - 3, "n't", 3) == 0) {
			push_tok(a, t, &n, s.p, i, e - 3);
			push_tok(a, t, &n, s.p, e - 3, e);
		} else
			push_tok(a, t, &n, s.p, i, e);
		i = j;
	}
	return n;
}

/* ---- the coder: actors and agents ----------------------------------------------------------- */

static int phrase_at(const phrase *ph, const tok *t, size_t nt, size_t i)
{
	size_t k;

	if (i + ph->n > nt)
		return 0;
	for (k = 0; k < ph->n; k++)
		if (strcmp(ph->w[k], t[i + k].w) != 0)
			return 0;
	return 1;
}

/*
 * The tokens a phrase covers from token i when a blank in it lets one word
 * come between ("ITHILEN TELEVISION" in "Ithilen state-run television"), or
 * 0. Consecutive words are tried first.
 */
static size_t phrase_span(const phrase *ph, const tok *t, size_t nt, size_t i)
{
	size_t k, at = i;

	if (phrase_at(ph, t, nt, i))
		return ph->n;
	if (ph->loose == 0 || strcmp(ph->w[0], t[i].w) != 0)
		return 0;
	for (k = 1, at = i + 1; k < ph->n; k++, at++) {
		if (at < nt && strcmp(ph->w[k], t[at].w) == 0)
			continue;
		if (k < 64 && (ph->loose >> k & 1) && at + 1 < nt && isalpha((unsigned char)t[at].w[0]) &&
		    strcmp(ph->w[k], t[at + 1].w) == 0) {
			at++;
			continue;
		}
		return 0;
	}
	return at - i;
}


typedef struct {
	size_t start, end;
	const char *codes[MAX_CODES]; /* the actor's codes (a compound [A/B] gives several) */
	size_t ncodes;
	const char *pre[8], *post[8]; /* agents before / after the actor's code */
	size_t npre, npost;
	int has_actor;
	int list;                     /* members of one coordinated list share it */
	int used;
} member;

typedef struct {
	size_t start, end;
	size_t first, n;              /* members */
	int used;
} mlist;

static const char *const determiners[] = { "A", "AN", "THE", "ITS", "THEIR", "HIS", "HER", "OUR", "'S", "NO", "THIS",
					    "THAT", "EACH", "ANY", "SOME", NULL };

static const char *const auxiliaries[] = { "HAS", "HAVE", "HAD", "WILL", "WOULD", "SHALL", "SHOULD", "CAN", "COULD",
					    "MAY", "MIGHT", "MUST", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING",
					    "DID", "DO", "DOES", "NOT", "N'T", "ALSO", "AGAIN", "TO", "ABOUT", "NEVER",
					    "EVER", "JUST", "NOW", NULL };
static const char *const passive_aux[] = { "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", NULL };
static const char *const pronouns[] = { "HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "WHO", "WHICH", NULL };

static int ends_with(const char *w, const char *suffix)
{
	size_t n = strlen(w), k = strlen(suffix);
	return n > k && strcmp(w + n - k, suffix) == 0;
}

static int in_list(const char *w, const char *const *l)
{
	for (; *l; l++)
		if (strcmp(w, *l) == 0)
			return 1;
	return 0;
}

typedef struct {
	const dyad_petrarch *p;
	dyad_arena *a;
	tok *t;
	size_t nt;
	dyad_ymd day;
	member *m;
	size_t nm;
	mlist *l;
	size_t nl;
	int *list_at_start, *list_at_end; /* token → list index, or -1 */
	int *isverb;                      /* token starts a verb form */
	char *covered;                    /* token is inside some actor or agent phrase */
	char *consumed;                   /* token matched a word of a pattern that fired */
	size_t steps;
	int last_src;                     /* the source list of the last verb coded */
	int skip_lists;                   /* a loose '^' is being tried on actor lists only */
} sent;

static const vform *verb_at(const sent *S, size_t i, size_t *vs, size_t *ve);

/*
 * A verb form used as a noun or adjective: a determiner up to three words
 * before it with only plain words between ("a brief private visit"), or
 * "very", "too" right before it ("very close").
 */
static int noun_use(const sent *S, size_t vs)
{
	static const char *const degree[] = { "VERY", "TOO", "MORE", "MOST", "LESS", NULL };
	size_t k;

	static const char *const preps[] = { "AFTER", "BEFORE", "WHILE", "BY", "FOR", "OF", "IN", "ON", "WITHOUT", "SINCE", NULL };
	size_t s0, e0;

	if (vs > 0 && in_list(S->t[vs - 1].w, degree))
		return 1;
	if (vs > 0 && S->covered[vs - 1] && verb_at(S, vs, &s0, &e0) && verb_at(S, vs, &s0, &e0)->base) {
		/* "an anti- Gondor parade": a bare verb after a name that follows "a", "an" or "anti-" */
		for (k = vs - 1; k > 0 && S->covered[k]; k--)
			;
		if (!S->covered[k] && (strcmp(S->t[k].w, "A") == 0 || strcmp(S->t[k].w, "AN") == 0 || ends_with(S->t[k].w, "-")))
			return 1;
	}
	if (vs > 0 && ends_with(S->t[vs].w, "ING") && in_list(S->t[vs - 1].w, preps))
		return 1;
	if (vs > 0 && ends_with(S->t[vs - 1].w, "ED") && verb_at(S, vs - 1, &s0, &e0) && e0 == vs)
		return 1;
	for (k = 1; k <= 3 && k <= vs; k++) {
		const char *w = S->t[vs - k].w;
		if (in_list(w, determiners) && (k == 1 || strcmp(w, "'S") != 0))
			return 1;
		if (!isalpha((unsigned char)w[0]) || in_list(w, auxiliaries) || strcmp(w, "AND") == 0 || S->covered[vs - k])
			return 0;
	}
	return 0;
}

static void add_codes(dyad_arena *a, member *mb, const char *code)
{
	const char *s = code;

	while (*s && mb->ncodes < MAX_CODES) {
		const char *sl = strchr(s, '/');
		size_t n = sl ? (size_t)(sl - s) : strlen(s);
		if (n > 0) {
			char *c = dyad_arena_strndup(a, s, n);
			mb->codes[mb->ncodes++] = c;
		}
		if (!sl)
			break;
		s = sl + 1;
	}
}

/* The longest phrase of map `m` at token i: its length (0: none) and the phrase. */
static size_t longest_at(const sent *S, const wordmap *m, size_t i, const phrase_item **out)
{
	const phrase_item *it;
	size_t best = 0;

	for (it = wordmap_get(m, S->t[i].w); it; it = it->next) {
		size_t n = it->ph.n > best || it->ph.loose ? phrase_span(&it->ph, S->t, S->nt, i) : 0;
		if (n > best) {
			best = n;
			*out = it;
		}
	}
	return best;
}

/* The longest actor at token i: its length (0: none) and record. */
static size_t actor_at(const sent *S, size_t i, const actor **out)
{
	const phrase_item *it = NULL;
	size_t n = longest_at(S, &S->p->actors, i, &it);

	if (n)
		*out = (const actor *)it; /* the item is the actor's first member */
	return n;
}

static size_t agent_at(const sent *S, size_t i, const agent **out)
{
	const phrase_item *it = NULL;
	size_t n = longest_at(S, &S->p->agents, i, &it);

	if (n)
		*out = (const agent *)it;
	return n;
}

static int is_filler(const sent *S, size_t i)
{
	const char *w = S->t[i].w;
	return !S->isverb[i] && strcmp(w, ",") != 0 && strcmp(w, "AND") != 0 && strcmp(w, "OF") != 0 &&
	       strcmp(w, "IN") != 0 && isalpha((unsigned char)w[0]);
}

/*
 * Find the sentence's actors and agents and group them: an actor with the
 * agents next to it ("Arnor cleric", "MSF Arnor diplomat", "Gondor's
 * government") is one member; members joined by "and" or commas are one
 * list; agents "of"/"in"/"from" an actor list take each of its actors.
 */
static void find_members(sent *S)
{
	size_t i = 0, k;
	member *cur = NULL;
	size_t last_end = 0;

	S->m = dyad_arena_zalloc(S->a, (S->nt + 1) * sizeof *S->m);
	S->nm = 0;
	while (i < S->nt) {
		const actor *ac = NULL;
		const agent *ag = NULL;
		size_t la = S->isverb[i] ? 0 : actor_at(S, i, &ac), lg = S->isverb[i] ? 0 : agent_at(S, i, &ag);
		int join;
		if (la == 0 && lg == 0) {
			i++;
			continue;
		}
		/* joins the current member when right after it, or after its 's and up to two words */
		join = 0;
		if (cur && i == last_end)
			join = 1;
		else if (cur && last_end < S->nt && strcmp(S->t[last_end].w, "'S") == 0 && i <= last_end + 5 && la < lg) {
			join = 1;
			for (k = last_end + 1; k < i; k++)
				if (!is_filler(S, k) && strcmp(S->t[k].w, "AND") != 0)
					join = 0;
		}
		if (la >= lg) {
			const char *code = actor_code(ac->rec, S->day);
			if (join && cur->has_actor)
				join = 0;
			if (!join) {
				cur = &S->m[S->nm++];
				cur->start = i;
			}
			cur->has_actor = 1;
			add_codes(S->a, cur, code ? code : "---");
			i += la;
		} else {
			if (!join) {
				cur = &S->m[S->nm++];
				cur->start = i;
			}
			if (ag->prefix && !cur->has_actor) {
				if (cur->npre < 8)
					cur->pre[cur->npre++] = ag->code;
			} else if (cur->npost < 8)
				cur->post[cur->npost++] = ag->code;
			i += lg;
		}
		cur->end = i;
		last_end = i;
	}
}

/* Coordination and "agents of actors": fills S->l and the token maps. */
static void find_lists(sent *S)
{
	size_t i, k;
	member *m = S->m;
	size_t nm = S->nm;

	/* "Danish media and government": an agent-only member right after "and" takes the actor before */
	for (i = 1; i < nm; i++) {
		member *a = &m[i - 1], *b = &m[i];
		if (!b->has_actor && a->has_actor && b->start == a->end + 1 && strcmp(S->t[a->end].w, "AND") == 0 &&
		    b->npre == 0) {
			for (k = 0; k < a->ncodes; k++)
				b->codes[b->ncodes++] = a->codes[k];
			b->has_actor = 1;
			for (k = 0; k < a->npre; k++)
				b->pre[b->npre++] = a->pre[k];
			/* keep all but a's last agent: "Danish Islamist media and government" */
			{
				const char *own[8];
				size_t no = b->npost, j;
				memcpy(own, b->post, sizeof own);
				b->npost = 0;
				for (j = 0; j + 1 < a->npost; j++)
					b->post[b->npost++] = a->post[j];
				for (j = 0; j < no && b->npost < 8; j++)
					b->post[b->npost++] = own[j];
			}
		}
	}
	/* "the government of Gondor", "activists in Arnor": an agent joins the single actor after it */
	for (i = 0; i + 1 < nm; i++) {
		member *a = &m[i], *b = &m[i + 1];
		size_t j = a->end, z;
		if (a->has_actor || !b->has_actor || j >= S->nt)
			continue;
		if (strcmp(S->t[j].w, "OF") != 0 && strcmp(S->t[j].w, "IN") != 0 && strcmp(S->t[j].w, "FROM") != 0)
			continue;
		j++;
		if (j < S->nt && strcmp(S->t[j].w, "THE") == 0)
			j++;
		if (j != b->start)
			continue;
		if (b->end < S->nt && (strcmp(S->t[b->end].w, ",") == 0 || strcmp(S->t[b->end].w, "AND") == 0))
			continue;
		b->start = a->start;
		for (z = 0; z < a->npre && b->npre < 8; z++)
			b->pre[b->npre++] = a->pre[z];
		for (z = 0; z < a->npost && b->npost < 8; z++)
			b->post[b->npost++] = a->post[z];
		memmove(a, b, (nm - i - 1) * sizeof *m);
		nm--;
	}
	S->nm = nm;
	/* lists */
	S->l = dyad_arena_zalloc(S->a, (nm + 1) * sizeof *S->l);
	S->nl = 0;
	for (i = 0; i < nm; i++) {
		int joined = 0;
		if (i > 0 && S->nl > 0) {
			member *a = &m[i - 1], *b = &m[i];
			size_t j = a->end, gaps = 0;
			int conn = 0;
			while (j < b->start && (strcmp(S->t[j].w, ",") == 0 || strcmp(S->t[j].w, "AND") == 0 ||
						strcmp(S->t[j].w, "OR") == 0 || strcmp(S->t[j].w, "NOR") == 0)) {
				conn = 1;
				j++;
			}
			for (; j < b->start && conn; j++, gaps++)
				if (!is_filler(S, j) || gaps >= 3)
					conn = 0;
			if (conn && (a->has_actor == b->has_actor || (b->has_actor && j == b->start && gaps == 0)))
				joined = 1;
			if (conn && !b->has_actor && gaps > 0)
				joined = 0;
		}
		if (joined) {
			mlist *L = &S->l[S->nl - 1];
			L->n++;
			L->end = m[i].end;
		} else {
			mlist *L = &S->l[S->nl++];
			L->start = m[i].start;
			L->end = m[i].end;
			L->first = i;
			L->n = 1;
		}
		m[i].list = (int)(S->nl - 1);
	}
	/* agents of / in / from an actor list */
	for (i = 0; i + 1 < S->nl; i++) {
		mlist *A = &S->l[i], *B = &S->l[i + 1];
		size_t j = A->end, nb;
		int agents_only = 1, actors = 1;
		for (k = 0; k < A->n; k++)
			if (m[A->first + k].has_actor)
				agents_only = 0;
		for (k = 0; k < B->n; k++)
			if (!m[B->first + k].has_actor)
				actors = 0;
		if (!agents_only || !actors || j >= S->nt)
			continue;
		if (strcmp(S->t[j].w, "OF") != 0 && strcmp(S->t[j].w, "IN") != 0 && strcmp(S->t[j].w, "FROM") != 0)
			continue;
		j++;
		if (j < S->nt && strcmp(S->t[j].w, "THE") == 0)
			j++;
		if (j != B->start)
			continue;
		/* A's members become the product: each agent member × each actor member */
		nb = B->n;
		{
			member *prod = dyad_arena_zalloc(S->a, (A->n * nb + 1) * sizeof *prod);
			size_t np = 0, x, y, z;
			for (x = 0; x < A->n; x++)
				for (y = 0; y < nb; y++) {
					member *ag = &m[A->first + x], *ac = &m[B->first + y], *o = &prod[np++];
					*o = *ac;
					o->ncodes = 0;
					for (z = 0; z < ac->ncodes; z++)
						o->codes[o->ncodes++] = ac->codes[z];
					for (z = 0; z < ag->npre && o->npre < 8; z++)
						o->pre[o->npre++] = ag->pre[z];
					for (z = 0; z < ag->npost && o->npost < 8; z++)
						o->post[o->npost++] = ag->post[z];
				}
			/* store the product in place of A's members (they are re-pointed, the old ones freed later) */
			{
				member *nm2 = dyad_arena_zalloc(S->a, (S->nm + np + 1) * sizeof *nm2);
				memcpy(nm2, m, S->nm * sizeof *m);
				memcpy(nm2 + S->nm, prod, np * sizeof *prod);
				A->first = S->nm;
				A->n = np;
				A->end = B->end;
				S->nm += np;
				S->m = m = nm2;
			}
			/* B is swallowed: make it empty */
			memmove(B, B + 1, (S->nl - i - 2) * sizeof *B);
			S->nl--;
		}
	}
	S->list_at_start = dyad_arena_alloc(S->a, (S->nt + 1) * sizeof(int));
	S->list_at_end = dyad_arena_alloc(S->a, (S->nt + 1) * sizeof(int));
	for (i = 0; i <= S->nt; i++)
		S->list_at_start[i] = S->list_at_end[i] = -1;
	for (i = 0; i < S->nl; i++) {
		S->list_at_start[S->l[i].start] = (int)i;
		S->list_at_end[S->l[i].end] = (int)i;
	}
}

/* The code of member `mb`'s k-th actor with its agents: NGO~ + actor + ~GOV, an agent not repeated. */
static const char *member_code(dyad_arena *a, const member *mb, size_t k)
{
	dyad_buf b = DYAD_BUF_INIT;
	size_t i;
	char *r;

	for (i = 0; i < mb->npre; i++)
		dyad_buf_puts(&b, mb->pre[i]);
	dyad_buf_puts(&b, k < mb->ncodes ? mb->codes[k] : "---");
	for (i = 0; i < mb->npost; i++) {
		size_t n = strlen(mb->post[i]);
		if (b.n >= n && strcmp(b.p + b.n - n, mb->post[i]) == 0)
			continue;
		dyad_buf_puts(&b, mb->post[i]);
	}
	r = dyad_arena_strndup(a, b.p, b.n);
	dyad_buf_free(&b);
	return r;
}

/* ---- the coder: patterns -------------------------------------------------------------------- */

typedef struct {
	int src, tgt, cmp;      /* list indexes, -1 when the pattern has none */
	int skipped[8];
	size_t nskipped;
	size_t words[16];       /* tokens the pattern's words matched: no verb of their own */
	size_t nwords;
} binding;

static void bind_words(binding *bd, size_t from, size_t n)
{
	while (n-- > 0 && bd->nwords < 16)
		bd->words[bd->nwords++] = from++;
}

/* Does synset member `ph` match at token i (rightwards) / ending at token i (leftwards)? */
static size_t syn_at(const synset *sy, const tok *t, size_t nt, size_t i)
{
	size_t k, best = 0;

	for (k = 0; k < sy->n; k++)
		if (sy->m[k].n > best && phrase_at(&sy->m[k], t, nt, i))
			best = sy->m[k].n;
	return best;
}

static size_t syn_ending(const synset *sy, const tok *t, size_t nt, size_t end)
{
	size_t k, best = 0;

	for (k = 0; k < sy->n; k++)
		if (sy->m[k].n <= end && sy->m[k].n > best && phrase_at(&sy->m[k], t, nt, end - sy->m[k].n))
			best = sy->m[k].n;
	return best;
}

static size_t list_size(const sent *S, int L)
{
	size_t k, n = 0;

	for (k = 0; k < S->l[L].n; k++)
		n += S->m[S->l[L].first + k].ncodes ? S->m[S->l[L].first + k].ncodes : 1;
	return n;
}

static int has_list_from(const sent *S, size_t j)
{
	size_t i;

	for (i = 0; i < S->nl; i++)
		if (S->l[i].start >= j)
			return 1;
	return 0;
}

static int bind_list(binding *bd, int kind, int list)
{
	if (kind == E_SRC)
		bd->src = list;
	else if (kind == E_TGT)
		bd->tgt = list;
	else if (kind == E_CMP)
		bd->cmp = list;
	else if (bd->nskipped < 8)
		bd->skipped[bd->nskipped++] = list;
	return 1;
}

static int match_post_skip(sent *S, const pattern *pt, size_t k, size_t pos, binding *bd);

/* Match post elements [k..] rightwards from token pos. */
static int match_post(sent *S, const pattern *pt, size_t k, size_t pos, binding *bd)
{
	const pelem *e;
	size_t j, lim;

	if (k == pt->npost)
		return 1;
	if (++S->steps > MATCH_BUDGET)
		return 0;
	e = &pt->post[k];
	lim = e->tight ? pos + 1 : S->nt;
	/* a loose skip tries the actor lists ahead first, then single words */
	if (e->kind == E_SKIP && !e->tight && S->skip_lists == 0 && has_list_from(S, pos)) {
		int r;
		S->skip_lists = 1;
		r = match_post_skip(S, pt, k, pos, bd);
		S->skip_lists = 0;
		if (r)
			return 1;
	}
	for (j = pos; j < lim && j < S->nt; j++) {
		size_t n = 0;
		binding save = *bd;
		switch (e->kind) {
		case E_WORD:
			n = strcmp(S->t[j].w, e->word) == 0;
			bind_words(bd, j, n);
			break;
		case E_SYN:
			n = syn_at(e->syn, S->t, S->nt, j);
			bind_words(bd, j, n);
			break;
		case E_SKIP:
			/* a skip passes over an actor list, else one word */
			if (S->list_at_start[j] >= 0) {
				n = S->l[S->list_at_start[j]].end - j;
				bind_list(bd, E_SKIP, S->list_at_start[j]);
			} else if (e->tight || !S->skip_lists)
				n = 1;
			break;
		default:
			if (S->list_at_start[j] >= 0 && (e->kind != E_CMP || list_size(S, S->list_at_start[j]) > 1)) {
				n = S->l[S->list_at_start[j]].end - j;
				bind_list(bd, e->kind, S->list_at_start[j]);
			}
		}
		if (n && match_post(S, pt, k + 1, j + n, bd))
			return 1;
		*bd = save;
		if (e->kind == E_SKIP && n && e->tight)
			break;
	}
	return 0;
}

/* A loose skip over the next actor lists only (see match_post). */
static int match_post_skip(sent *S, const pattern *pt, size_t k, size_t pos, binding *bd)
{
	size_t j;

	for (j = pos; j < S->nt; j++)
		if (S->list_at_start[j] >= 0) {
			binding save = *bd;
			bind_list(bd, E_SKIP, S->list_at_start[j]);
			if (match_post(S, pt, k + 1, S->l[S->list_at_start[j]].end, bd))
				return 1;
			*bd = save;
		}
	return 0;
}

/* Match pre elements [0..k) leftwards, element k-1 ending at token end. */
static int match_pre(sent *S, const pattern *pt, size_t k, size_t end, binding *bd)
{
	const pelem *e;
	size_t j, lo;

	if (k == 0)
		return 1;
	if (++S->steps > MATCH_BUDGET)
		return 0;
	e = &pt->pre[k - 1];
	lo = e->tight ? (end > 0 ? end - 1 : 0) : 0;
	for (j = end; j > lo || (j == lo && e->tight && end > 0 && j == end);) {
		size_t n = 0, at;
		binding save = *bd;
		if (j == 0)
			break;
		switch (e->kind) {
		case E_WORD:
			n = strcmp(S->t[j - 1].w, e->word) == 0;
			bind_words(bd, j - n, n);
			break;
		case E_SYN:
			n = syn_ending(e->syn, S->t, S->nt, j);
			bind_words(bd, j - n, n);
			break;
		case E_SKIP:
			n = S->list_at_end[j] >= 0 ? j - S->l[S->list_at_end[j]].start : 1;
			if (S->list_at_end[j] >= 0)
				bind_list(bd, E_SKIP, S->list_at_end[j]);
			break;
		default:
			if (S->list_at_end[j] >= 0 && (e->kind != E_CMP || list_size(S, S->list_at_end[j]) > 1)) {
				n = j - S->l[S->list_at_end[j]].start;
				bind_list(bd, e->kind, S->list_at_end[j]);
			}
		}
		at = j - n;
		if (n && match_pre(S, pt, k - 1, at, bd))
			return 1;
		*bd = save;
		if (e->tight || e->kind == E_SKIP)
			break;
		j--;
	}
	return 0;
}


/* ---- the coder: events ---------------------------------------------------------------------- */

typedef struct {
	dyad_petrarch_event *ev;
	size_t n, cap;
} evs;

static void push_event(dyad_arena *a, evs *E, const char *src, const char *tgt, const char *code, int recip,
		       const tok *vt, const char *rule)
{
	size_t i;

	if (code == NULL || strcmp(code, "---") == 0)
		return;
	for (i = 0; i < E->n; i++)
		if (strcmp(E->ev[i].source, src) == 0 && strcmp(E->ev[i].target, tgt) == 0 && strcmp(E->ev[i].code, code) == 0)
			return;
	if (E->n == E->cap) {
		dyad_petrarch_event *nv;
		E->cap = E->cap ? E->cap * 2 : 8;
		nv = dyad_arena_alloc(a, E->cap * sizeof *nv);
		if (E->n)
			memcpy(nv, E->ev, E->n * sizeof *nv);
		E->ev = nv;
	}
	E->ev[E->n].source = src;
	E->ev[E->n].target = tgt;
	E->ev[E->n].code = code;
	E->ev[E->n].reciprocal = recip;
	E->ev[E->n].verb.start = vt->start;
	E->ev[E->n].verb.end = vt->end;
	E->ev[E->n].rule = rule;
	E->n++;
}

/* Every code of list L: one per member and per actor code. */
static size_t list_codes(sent *S, int L, const char **out, size_t max)
{
	size_t n = 0, k, c;
	const mlist *l;

	if (L < 0)
		return 0;
	l = &S->l[L];
	for (k = 0; k < l->n; k++) {
		const member *mb = &S->m[l->first + k];
		size_t nc = mb->ncodes ? mb->ncodes : 1;
		for (c = 0; c < nc && n < max; c++)
			out[n++] = member_code(S->a, mb, c);
	}
	return n;
}



static int used_by(const binding *bd, int li)
{
	size_t k;

	if (li == bd->src || li == bd->tgt || li == bd->cmp)
		return 1;
	for (k = 0; k < bd->nskipped; k++)
		if (bd->skipped[k] == li)
			return 1;
	return 0;
}

/* The first list of the sentence before token `vs` that the pattern did not use, or -1. */
static int first_before(const sent *S, size_t vs, const binding *bd)
{
	size_t i;

	for (i = 0; i < S->nl && S->l[i].end <= vs; i++)
		if (!used_by(bd, (int)i))
			return (int)i;
	return -1;
}

/* The list nearest before token `vs` that the pattern did not use, or -1. */
static int nearest_before(const sent *S, size_t vs, const binding *bd)
{
	size_t i;

	for (i = S->nl; i-- > 0;)
		if (S->l[i].end <= vs && !used_by(bd, (int)i))
			return (int)i;
	return -1;
}

/*
 * List li is followed by a verb, past auxiliaries and adverbs: it is that
 * verb's subject ("..., a senior Bree official said"). A bare base form right
 * after it and no comma since `from` is more likely a noun ("an anti- Gondor
 * parade"), and "to" makes
 * the list an object ("urged Eriador to respond").
 */
static int subject_of_verb(const sent *S, int li, size_t from)
{
	size_t j = S->l[li].end, s0, e0;
	int aux = 0;

	for (s0 = from; s0 < S->l[li].start; s0++)
		if (strcmp(S->t[s0].w, ",") == 0)
			aux = 1; /* a new clause: its bare verb is a verb */
	const vform *f;

	while (j < S->nt && strcmp(S->t[j].w, "TO") != 0 &&
	       (in_list(S->t[j].w, auxiliaries) || ends_with(S->t[j].w, "LY"))) {
		aux = 1;
		j++;
	}
	if (j >= S->nt || !S->isverb[j] || (f = verb_at(S, j, &s0, &e0)) == NULL)
		return 0;
	return aux || !f->base;
}

static void code_verb(sent *S, const vform *f, size_t vs, size_t ve, evs *E)
{
	block *b = f->v->b;
	const pattern *hit = NULL;
	binding bd;
	size_t i;
	const char *code, *code2 = NULL, *rule;
	const char *src[MAX_CODES], *tgt[MAX_CODES];
	size_t ns, ntg;
	int sl = -1, tl = -1;

	memset(&bd, 0, sizeof bd);
	bd.src = bd.tgt = bd.cmp = -1;
	for (i = 0; i < b->npats; i++) {
		const pattern *pt = &b->pats[i];
		bd.src = bd.tgt = bd.cmp = -1;
		bd.nskipped = bd.nwords = 0;
		S->steps = 0;
		if (match_pre(S, pt, pt->npre, vs, &bd) && match_post(S, pt, 0, ve, &bd)) {
			hit = pt;
			break;
		}
	}
	if (hit) {
		for (i = 0; i < bd.nwords; i++)
			S->consumed[bd.words[i]] = 1;
		code = hit->code;
		code2 = hit->code2;
		rule = hit->rule;
	} else {
		bd.src = bd.tgt = bd.cmp = -1;
		bd.nskipped = 0;
		code = f->v->code ? f->v->code : b->code;
		code2 = f->v->code ? f->v->code2 : b->code2;
		rule = f->v->rule;
	}
	if (strcmp(code, "---") == 0 && (code2 == NULL || strcmp(code2, "---") == 0))
		return;
	/* what stands between the verb and its subject */
	{
		size_t j = vs;
		int passive = 0;
		while (j > 0 && (in_list(S->t[j - 1].w, auxiliaries) || ends_with(S->t[j - 1].w, "LY"))) {
			if (in_list(S->t[j - 1].w, passive_aux))
				passive = 1;
			j--;
		}
		passive = passive && (ends_with(S->t[vs].w, "ED") || ends_with(S->t[vs].w, "EN"));
		sl = bd.src;
		tl = bd.tgt;
		if (passive && sl < 0 && tl < 0 && bd.cmp < 0) {
			/* "Eriador was opposed by Osgiliath": the subject is the target, "by" gives the source */
			tl = nearest_before(S, vs, &bd);
			for (i = ve; i + 1 < S->nt && strcmp(S->t[i].w, ",") != 0; i++)
				if (strcmp(S->t[i].w, "BY") == 0 && S->list_at_start[i + 1] >= 0) {
					sl = S->list_at_start[i + 1];
					break;
				}
			if (sl < 0 && j > 0 && S->list_at_end[j] >= 0 && !used_by(&bd, S->list_at_end[j])) {
				/* "The Philippines was criticized over ... with Eriador": read as active */
				sl = S->list_at_end[j];
				tl = -1;
			} else if (sl < 0 || tl < 0)
				return;
		} else if (sl < 0) {
			if (j > 0 && in_list(S->t[j - 1].w, pronouns) && bd.cmp < 0 && !(hit && hit->npre > 0))
				return; /* "he said": a source the dictionaries cannot name */
			if (j > 0 && S->list_at_end[j] >= 0 && bd.cmp < 0 && !(hit && hit->npre > 0)) {
				/* "..., he said government proposed": the subject is an agent with no actor of its
				   own; an actor before the last comma belongs to another clause, not to it */
				const char *cs[MAX_CODES];
				size_t nc = list_codes(S, S->list_at_end[j], cs, MAX_CODES), x, named = 0;
				int before = first_before(S, vs, &bd);
				for (x = 0; x < nc; x++)
					named += strncmp(cs[x], "---", 3) != 0;
				if (nc > 0 && named == 0 && before >= 0 && before != S->list_at_end[j]) {
					for (x = S->l[before].end; x < j && strcmp(S->t[x].w, ",") != 0; x++)
						;
					if (x < j)
						return;
				}
			}
			if (j > 0 && strcmp(S->t[j - 1].w, "AND") == 0 && S->last_src >= 0 && !used_by(&bd, S->last_src))
				sl = S->last_src; /* "... condemned X and promised aid to Y" */
			else
				sl = first_before(S, vs, &bd);
		}
	}
	if (tl < 0)
		for (i = ve; i < S->nt; i++) {
			int li = S->list_at_start[i];
			if (strcmp(S->t[i].w, ",") == 0) {
				/* TABARI's internal clause: ", several years after X crowds burned ...," of 2 to 9
				   words is an aside, and its actors are nobody's target */
				size_t e2 = i + 1, words = 0;
				while (e2 < S->nt && strcmp(S->t[e2].w, ",") != 0) {
					if (isalpha((unsigned char)S->t[e2].w[0]))
						words++;
					e2++;
				}
				if (e2 < S->nt && words >= 2 && words <= 9) {
					i = e2;
					continue;
				}
			}
			if (li >= 0) {
				if (subject_of_verb(S, li, ve))
					break; /* "..., a senior Bree official said" */
				if (li != sl && !used_by(&bd, li)) {
					tl = li;
					break;
				}
				i = S->l[li].end - 1;
			}
		}
	if (bd.cmp >= 0) {
		const char *cm[MAX_CODES];
		size_t nc = list_codes(S, bd.cmp, cm, MAX_CODES), x, y;
		if (bd.src < 0 && bd.tgt < 0 && (S->l[bd.cmp].end <= vs || sl < 0)) {
			for (x = 0; x < nc; x++)
				for (y = x + 1; y < nc; y++) {
					push_event(S->a, E, cm[x], cm[y], code, 1, &S->t[vs], rule);
					push_event(S->a, E, cm[y], cm[x], code2 ? code2 : code, 1, &S->t[vs], rule);
				}
			return;
		}
		if (sl >= 0 && tl < 0)
			tl = bd.cmp;
		else if (sl < 0)
			sl = bd.cmp;
	}
	if (sl >= 0)
		S->last_src = sl;
	if (sl < 0 || tl < 0)
		return;
	ns = list_codes(S, sl, src, MAX_CODES);
	ntg = list_codes(S, tl, tgt, MAX_CODES);
	for (i = 0; i < ns; i++) {
		size_t k;
		for (k = 0; k < ntg; k++) {
			push_event(S->a, E, src[i], tgt[k], code, code2 != NULL, &S->t[vs], rule);
			if (code2)
				push_event(S->a, E, tgt[k], src[i], code2, 1, &S->t[vs], rule);
		}
	}
}

/* The verb form starting its head at token i (longest), with its extent [*vs, *ve). */
static const vform *verb_at(const sent *S, size_t i, size_t *vs, size_t *ve)
{
	const vform *f, *best = NULL;

	for (f = wordmap_get(&S->p->vforms, S->t[i].w); f; f = f->next) {
		size_t s0;
		if (f->head > i)
			continue;
		s0 = i - f->head;
		if (!phrase_at(&f->ph, S->t, S->nt, s0))
			continue;
		if (best == NULL || f->ph.n > best->ph.n) {
			best = f;
			*vs = s0;
			*ve = s0 + f->ph.n;
		}
	}
	return best;
}

static int discarded(const dyad_petrarch *p, const tok *t, size_t nt)
{
	dyad_buf b = DYAD_BUF_INIT;
	size_t i;
	int r = DYAD_PETR_KEEP;

	if (p->ndiscards == 0)
		return r;
	dyad_buf_putc(&b, ' ');
	for (i = 0; i < nt; i++) {
		dyad_buf_puts(&b, t[i].w);
		dyad_buf_putc(&b, ' ');
	}
	for (i = 0; i < p->ndiscards; i++) {
		const discard *d = &p->discards[i];
		const char *h = b.p;
		size_t n = strlen(d->text);
		while ((h = strstr(h, d->text)) != NULL) {
			if (h > b.p && h[-1] == ' ' && (!d->whole || h[n] == ' ')) {
				int kind = d->story ? DYAD_PETR_DISCARD_STORY : DYAD_PETR_DISCARD_SENTENCE;
				if (kind > r)
					r = kind;
				break;
			}
			h++;
		}
	}
	dyad_buf_free(&b);
	return r;
}

size_t dyad_petrarch_code(const dyad_petrarch *p, dyad_arena *a, dyad_str sentence, dyad_ymd day,
			  dyad_petrarch_event **out, int *discard_out)
{
	sent S;
	evs E = { NULL, 0, 0 };
	size_t i, vs = 0, ve = 0;
	int dis;

	memset(&S, 0, sizeof S);
	S.p = p;
	S.a = a;
	S.day = day;
	S.last_src = -1;
	S.t = dyad_arena_alloc(a, MAX_TOKENS * sizeof *S.t);
	S.nt = tokenize(a, sentence, S.t);
	*out = NULL;
	dis = discarded(p, S.t, S.nt);
	if (discard_out)
		*discard_out = dis;
	if (dis != DYAD_PETR_KEEP || S.nt == 0)
		return 0;
	S.isverb = dyad_arena_zalloc(a, (S.nt + 1) * sizeof(int));
	S.covered = dyad_arena_zalloc(a, S.nt + 1);
	S.consumed = dyad_arena_zalloc(a, S.nt + 1);
	for (i = 0; i < S.nt; i++) {
		const actor *ac;
		const agent *ag;
		size_t n = actor_at(&S, i, &ac), g = agent_at(&S, i, &ag), k;
		if (g > n)
			n = g;
		for (k = 0; k < n; k++)
			S.covered[i + k] = 1;
	}
	for (i = 0; i < S.nt; i++)
		if (verb_at(&S, i, &vs, &ve) && !noun_use(&S, vs))
			S.isverb[vs] = 1;
	find_members(&S);
	find_lists(&S);
	for (i = 0; i < S.nt; i++) {
		const vform *f;
		if (!S.isverb[i] || S.consumed[i])
			continue;
		f = NULL;
		{
			size_t j;
			for (j = i; j < S.nt && j < i + 8; j++) {
				size_t s0, e0;
				const vform *g = verb_at(&S, j, &s0, &e0);
				if (g && s0 == i && (f == NULL || e0 > ve)) {
					f = g;
					vs = s0;
					ve = e0;
				}
			}
		}
		if (f == NULL)
			continue;
		code_verb(&S, f, vs, ve, &E);
	}
	*out = E.ev;
	return E.n;
}
