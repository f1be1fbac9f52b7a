/*
 * coder.c — coding a document's events. For each sentence: who speaks it
 * (a speech pattern in it, the end of the quotation it belongs to, or "Такое
 * заявление сделал X" right after it); which event patterns match, anchored
 * on their first word and reaching out to actor slots; who the source and
 * target are when a pattern leaves them open (the subject before the verb,
 * the speaker, the first other actor after it, the speaker's counterpart);
 * what the sentence says of reality (planned, negated, hypothetical); when
 * and where. One event per action per document: repeats are set aside.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/clean.h"

/* Something a slot can hold: an actor mention, or a pronoun standing for one. */
typedef struct {
	size_t ts, te;
	dyad_side side;
	int location;     /* a place (its country stands for it in a slot) */
	int after_prep;   /* preceded by a preposition: never the subject */
	int pronoun;
	int pair;         /* "стороны", "the two sides": side and other are the document's main dyad */
	dyad_side other;
} cand;

/*
 * What the candidate searches look up instead of scanning the document: the
 * first mention of each sentence, persons by gender, where the scans for the
 * main dyad and for counterparts stopped, and the kept events by what makes
 * two of them one action. Each search costs a lookup, so coding time grows
 * with the document, not with its square.
 */
typedef struct {
	size_t *sent_men;         /* per sentence: its first mention (tok_start at or after its first token) */
	size_t *persons[2];       /* coded persons, 'm' then 'f', in mention order */
	size_t npersons[2];
	int pair_looked;          /* the first two countries named: 0 not looked for yet, 1 looked */
	const dyad_mention *pair[2];
	const dyad_mention *foreign[2]; /* the first coded actor with a country, the first after it of another */
	size_t pair_ev;           /* events before this one are never the main dyad's */
	struct cp_cursor { char country[8]; size_t next; } *cp; /* per country: events before `next` never name its counterpart */
	size_t ncp, capcp;
	dyad_keymap dedup;        /* kept events by code and actors */
	int dedup_scan;           /* a side with both a country and an organisation: compare with every event */
} idx;

typedef struct {
	const dyad_patterns *p;
	dyad_stemmer *st;
	dyad_arena *a;
	const dyad_code_input *in;
	dyad_str *keys;      /* per token: stem key; {NULL,0} for non-words */
	dyad_str *folds;     /* per token: folded text */
	size_t *tok_sent;
	size_t *sent_tok;    /* first token of each sentence; nsents + 1 entries */
	dyad_side *speaker;  /* per sentence; code[0] == 0 when unknown */
	cand *cands;         /* of the sentence being coded, in token order (ts and te both rise) */
	size_t ncands, capcands;
	int loc_cand;        /* the sentence's first place after a preposition, or -1 */
	dyad_event *ev;
	size_t nev, capev;
	dyad_buf scratch;
	idx ix;
} ctx;

/* ---- words ----------------------------------------------------------------------------------- */

static int is_word(const dyad_token *t)
{
	return t->kind == DYAD_TOK_WORD || t->kind == DYAD_TOK_NUMBER;
}

static dyad_str tok_str(const ctx *c, size_t i)
{
	const dyad_token *t = &c->in->toks[i];
	return (dyad_str){ c->in->text.p + t->span.start, t->span.end - t->span.start };
}

static int fold_is(const ctx *c, size_t i, const char *w)
{
	/* the first byte rejects almost every word before a length and a compare */
	const dyad_str f = c->folds[i];

	return f.p && f.n && f.p[0] == w[0] && (f.n == 1 || f.p[1] == w[1]) && dyad_str_eq_c(f, w);
}

static int fold_in(const ctx *c, size_t i, const char *const *list)
{
	for (; *list; list++)
		if (fold_is(c, i, *list))
			return 1;
	return 0;
}

static const char *const preps[] = { "в", "во", "на", "из", "до", "под", "к", "ко", "у", "около", "через", "по",
				     "с", "со", "о", "об", "для", "от", "при", "за", "между", "in", "at", "to",
				     "from", "into", "near", "with", "of", "for", "by", "on", "about", "between",
				     NULL };
static const char *const conjunctions[] = { "и", "and", "&", NULL };

/* ---- slot candidates ------------------------------------------------------------------------- */

static void side_of(dyad_side *s, const dyad_mention *m)
{
	memset(s, 0, sizeof *s);
	s->mention = m;
	memcpy(s->code, m->code, sizeof s->code);
	memcpy(s->country, m->country, sizeof s->country);
	memcpy(s->role, m->role, sizeof s->role);
	s->igo = m->igo;
	s->person = m->person;
	s->span = m->span;
	if (m->kind == DYAD_MENTION_LOCATION) {
		/* a place stands for its country in a slot: "визит в Нур-Султан" */
		snprintf(s->code, sizeof s->code, "%s", m->country);
		s->role[0] = '\0';
		s->person = NULL;
	}
}

static int side_known(const dyad_side *s)
{
	return s->code[0] != '\0';
}

static void push_cand(ctx *c, const cand *x)
{
	if (c->ncands == c->capcands) {
		c->capcands = c->capcands ? c->capcands * 2 : 32;
		c->cands = dyad_xrealloc(c->cands, c->capcands * sizeof *c->cands);
	}
	c->cands[c->ncands++] = *x;
}

/* The side a pronoun's person stands for: the last person of that gender before token i. */
static int person_by_gender(const ctx *c, size_t before_tok, char gender, dyad_side *out)
{
	const size_t *ps = c->ix.persons[gender == 'f'];
	size_t lo = 0, hi = c->ix.npersons[gender == 'f'];

	if (gender != 'm' && gender != 'f')
		return 0;
	/* the persons that start before the token (mentions come in token order), then the last that ends there */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->in->mentions[ps[mid]].tok_start < before_tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo > 0; lo--) {
		const dyad_mention *m = &c->in->mentions[ps[lo - 1]];
		if (m->tok_end <= before_tok) {
			side_of(out, m);
			return 1;
		}
	}
	return 0;
}

/* Does event e name a side of `country` and one of another country? */
static int names_counterpart(const dyad_event *e, const char *country)
{
	if (e->why)
		return 0;
	return (strcmp(e->source.country, country) == 0 && e->target.country[0] &&
		strcmp(e->target.country, country) != 0) ||
	       (strcmp(e->target.country, country) == 0 && e->source.country[0] &&
		strcmp(e->source.country, country) != 0);
}

/*
 * The first event from which `country` has a counterpart, or c->nev. Events
 * only gain reasons to be set aside, never lose them, so the scan for each
 * country goes on from where it last stopped.
 */
static size_t counterpart_event(ctx *c, const char *country)
{
	idx *x = &c->ix;
	struct cp_cursor *cur = NULL;
	size_t k;

	for (k = 0; k < x->ncp && !cur; k++)
		if (strcmp(x->cp[k].country, country) == 0)
			cur = &x->cp[k];
	if (!cur) {
		if (x->ncp == x->capcp) {
			x->capcp = x->capcp ? x->capcp * 2 : 16;
			x->cp = dyad_xrealloc(x->cp, x->capcp * sizeof *x->cp);
		}
		cur = &x->cp[x->ncp++];
		snprintf(cur->country, sizeof cur->country, "%s", country);
		cur->next = 0;
	}
	while (cur->next < c->nev && !names_counterpart(&c->ev[cur->next], country))
		cur->next++;
	return cur->next;
}

/* The first two countries the mentions name, for the main dyad and for counterparts; looked for once. */
static void look_for_pair(ctx *c)
{
	idx *x = &c->ix;
	size_t k;

	if (x->pair_looked)
		return;
	x->pair_looked = 1;
	for (k = 0; k < c->in->nmentions && !x->pair[1]; k++) {
		const dyad_mention *m = &c->in->mentions[k];
		if (!m->country[0] || m->kind == DYAD_MENTION_LOCATION)
			continue;
		if (!x->pair[0])
			x->pair[0] = m;
		else if (strcmp(m->country, x->pair[0]->country) != 0)
			x->pair[1] = m;
	}
	for (k = 0; k < c->in->nmentions && !x->foreign[1]; k++) {
		const dyad_mention *m = &c->in->mentions[k];
		if (m->kind == DYAD_MENTION_LOCATION || !m->code[0] || !m->country[0])
			continue;
		if (!x->foreign[0])
			x->foreign[0] = m;
		else if (strcmp(m->country, x->foreign[0]->country) != 0)
			x->foreign[1] = m;
	}
}

/*
 * The counterpart of a side in this document: the other side of the first
 * event it took part in, else the first actor of another country named.
 */
static int counterpart(ctx *c, const dyad_side *s, dyad_side *out)
{
	const dyad_mention *m;
	size_t k;

	if (!side_known(s))
		return 0;
	if ((k = counterpart_event(c, s->country)) < c->nev) {
		const dyad_event *e = &c->ev[k];
		*out = strcmp(e->source.country, s->country) == 0 ? e->target : e->source;
		return 1;
	}
	/* the first coded actor of another country: the first one named, or the first not of its country */
	look_for_pair(c);
	m = c->ix.foreign[0];
	if (m && strcmp(m->country, s->country) == 0)
		m = c->ix.foreign[1];
	if (m) {
		side_of(out, m);
		out->code[3] = '\0'; /* the country as a whole */
		out->role[0] = '\0';
		out->person = NULL;
		return 1;
	}
	return 0;
}

/*
 * The document's main dyad, for "стороны", "the sides", "министры": the two
 * sides of its first event between two countries, else the first two
 * countries it names.
 */
static int main_dyad(ctx *c, dyad_side *a, dyad_side *b)
{
	size_t *k = &c->ix.pair_ev;

	/* events only gain reasons to be set aside: the scan goes on from where it stopped */
	for (; *k < c->nev; ++*k) {
		const dyad_event *e = &c->ev[*k];
		if (!e->why && e->source.country[0] && e->target.country[0] &&
		    strcmp(e->source.country, e->target.country) != 0) {
			*a = e->source;
			*b = e->target;
			return 1;
		}
	}
	look_for_pair(c);
	if (!c->ix.pair[1])
		return 0;
	side_of(a, c->ix.pair[0]);
	side_of(b, c->ix.pair[1]);
	return 1;
}

static const char *const both_sides[] = { "стороны", "министры", "лидеры", "президенты", "премьеры", "главы",
					  "сопредседатели", "sides", "parties", "ministers", "leaders", "presidents", "premiers",
					  "co-chairs", "co-chairmen", NULL };

static const char *const we[] = { "мы", "нас", "нам", "нами", "we", "us", NULL };
static const char *const you[] = { "вы", "вас", "вам", "вами", "you", NULL };
static const char *const he[] = { "он", "he", NULL };
static const char *const she[] = { "она", "she", NULL };

/* The candidates of sentence s: its mentions (outermost only) and its pronouns. */
static void sentence_cands(ctx *c, size_t s)
{
	size_t a = c->sent_tok[s], b = c->sent_tok[s + 1], k, i, last_end = 0;
	const dyad_side *spk = &c->speaker[s];

	c->ncands = 0;
	c->loc_cand = -1;
	for (k = c->ix.sent_men[s], i = a; k < c->in->nmentions || i < b;) {
		const dyad_mention *m = k < c->in->nmentions ? &c->in->mentions[k] : NULL;
		cand x;

		if (m && m->tok_start < a) {
			k++;
			continue;
		}
		if (m && m->tok_start < b && m->tok_start <= i) {
			k++;
			if (m->tok_start < last_end || (!m->code[0] && !m->country[0]))
				continue;
			memset(&x, 0, sizeof x);
			x.ts = m->tok_start;
			x.te = m->tok_end;
			/* "министры", "главы государств", "the sides": a plural title the recognizer tied to one
			   person stands for both sides of the document's main dyad */
			if (m->kind == DYAD_MENTION_ROLE && fold_in(c, m->tok_start, both_sides) &&
			    main_dyad(c, &x.side, &x.other)) {
				x.pronoun = x.pair = 1;
				x.side.mention = NULL;
				x.side.span = c->in->toks[m->tok_start].span;
			} else {
				side_of(&x.side, m);
				x.location = m->kind == DYAD_MENTION_LOCATION;
			}
			x.after_prep = x.ts > a && fold_in(c, x.ts - 1, preps);
			if (c->loc_cand < 0 && x.location && x.side.mention && x.after_prep)
				c->loc_cand = (int)c->ncands;
			push_cand(c, &x);
			last_end = x.te;
			if (i < x.te)
				i = x.te;
			continue;
		}
		if (i >= b)
			break;
		/* pronouns: "мы" is the speaker's side, "вы" the side addressed, "он" the last man named */
		memset(&x, 0, sizeof x);
		x.ts = i;
		x.te = i + 1;
		x.pronoun = 1;
		x.after_prep = i > a && fold_in(c, i - 1, preps);
		if (is_word(&c->in->toks[i]) && i >= last_end) {
			int ok = 0;
			if (fold_in(c, i, we) && side_known(spk)) {
				x.side = *spk;
				ok = 1;
			} else if (fold_in(c, i, you) && side_known(spk)) {
				ok = counterpart(c, spk, &x.side);
			} else if (fold_in(c, i, he)) {
				ok = person_by_gender(c, a, 'm', &x.side);
			} else if (fold_in(c, i, she)) {
				ok = person_by_gender(c, a, 'f', &x.side);
			} else if (fold_in(c, i, both_sides) && main_dyad(c, &x.side, &x.other)) {
				ok = 1;
				x.pair = 1;
			}
			if (ok) {
				x.side.mention = NULL;
				x.side.span = c->in->toks[i].span;
				push_cand(c, &x);
			}
		}
		i++;
	}
}

/* How many candidates start (by_end 0) or end (by_end 1) before token t: they come in token order. */
static size_t cands_before(const ctx *c, size_t t, int by_end)
{
	size_t lo = 0, hi = c->ncands;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((by_end ? c->cands[mid].te : c->cands[mid].ts) < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The candidate starting at token t, or -1. */
static int cand_at(const ctx *c, size_t t)
{
	size_t k = cands_before(c, t, 0);
	return k < c->ncands && c->cands[k].ts == t ? (int)k : -1;
}

/* The candidate ending at token t (exclusive), or -1. */
static int cand_ending(const ctx *c, size_t t)
{
	size_t k = cands_before(c, t, 1);
	return k < c->ncands && c->cands[k].te == t ? (int)k : -1;
}

/* ---- matching a pattern ---------------------------------------------------------------------- */

typedef struct {
	size_t start, end;  /* tokens */
	int src[4], nsrc;
	int tgt;
	int pair;
	int pair_src;       /* a source that stands for both sides, or -1 */
} mres;

static int el_matches(const ctx *c, const pat_el *e, size_t t)
{
	if (!is_word(&c->in->toks[t]))
		return 0;
	if (e->kind == EL_WORD)
		return c->keys[t].p && dyad_str_eq(c->keys[t], e->key);
	return c->folds[t].p && dyad_str_starts_with(c->folds[t], e->key);
}

/* After candidate k, more joined by "и", "and" or a comma: "A, B и C". */
static int coordinated_after(const ctx *c, int k, size_t b, int *out, int max)
{
	int n = 0;

	while (n < max) {
		size_t t = c->cands[k].te;
		int next;
		if (t + 1 >= b)
			break;
		if (!(fold_in(c, t, conjunctions) || (c->in->toks[t].kind == DYAD_TOK_PUNCT && tok_str(c, t).p[0] == ',')))
			break;
		if ((next = cand_at(c, t + 1)) < 0)
			break;
		out[n++] = next;
		k = next;
	}
	return n;
}

static int coordinated_before(const ctx *c, int k, size_t a, int *out, int max)
{
	int n = 0;

	while (n < max) {
		size_t t = c->cands[k].ts;
		int prev;
		if (t < a + 2)
			break;
		if (!(fold_in(c, t - 1, conjunctions) ||
		      (c->in->toks[t - 1].kind == DYAD_TOK_PUNCT && tok_str(c, t - 1).p[0] == ',')))
			break;
		if ((prev = cand_ending(c, t - 1)) < 0)
			break;
		out[n++] = prev;
		k = prev;
	}
	return n;
}

static void add_slot(const ctx *c, mres *r, el_kind kind, const int *ks, int n)
{
	int i;

	if (kind == EL_TARGET) {
		r->tgt = ks[0];
		return;
	}
	for (i = 0; i < n && r->nsrc < 4; i++)
		r->src[r->nsrc++] = ks[i];
	/* "стороны подписали": both sides of the document's dyad, in a $ or a $+ slot */
	if (n == 1 && c->cands[ks[0]].pair)
		r->pair_src = ks[0];
	if (kind == EL_PAIR)
		r->pair = 1;
}

/* A slot written "+:DIP" takes only an actor with that role. */
static int role_ok(const ctx *c, const pat_el *el, int k)
{
	return el->key.n == 0 || dyad_str_eq_c(el->key, c->cands[k].side.role);
}

/* Match pattern `pt` with its anchor word at token j, inside tokens [a, b). */
static int match_at(const ctx *c, const pattern *pt, size_t j, size_t a, size_t b, mres *r)
{
	size_t pos, e, gap;

	memset(r, 0, sizeof *r);
	r->tgt = -1;
	r->pair_src = -1;
	r->start = j;
	r->end = j + 1;
	/* forward from the anchor */
	pos = j + 1;
	gap = GAP_SHORT;
	for (e = pt->anchor + 1; e < pt->nel; e++) {
		const pat_el *el = &pt->el[e];
		size_t t, lim;
		int found = 0;

		if (el->kind == EL_GAP) {
			gap = GAP_LONG;
			continue;
		}
		lim = pos + gap < b ? pos + gap : b - 1;
		for (t = pos; t <= lim && t < b && !found; t++) {
			int k;
			if (el->kind == EL_WORD || el->kind == EL_PREFIX) {
				if (el_matches(c, el, t)) {
					pos = t + 1;
					found = 1;
				}
			} else if ((k = cand_at(c, t)) >= 0 && role_ok(c, el, k)) {
				int ks[5], n = 1;
				ks[0] = k;
				if (el->kind == EL_PAIR && !c->cands[k].pair) {
					if (coordinated_after(c, k, b, ks + 1, 1) != 1)
						continue;
					r->src[r->nsrc++] = ks[0];
					r->tgt = ks[1];
					r->pair = 1;
					pos = c->cands[ks[1]].te;
				} else {
					if (el->kind != EL_PAIR)
						n += coordinated_after(c, k, b, ks + 1, 3);
					add_slot(c, r, el->kind, ks, n);
					pos = c->cands[ks[n - 1]].te;
				}
				found = 1;
			}
		}
		if (!found)
			return 0;
		gap = GAP_SHORT;
	}
	r->end = pos;
	/* backward from the anchor */
	pos = j;
	gap = GAP_SHORT;
	for (e = pt->anchor; e-- > 0;) {
		const pat_el *el = &pt->el[e];
		size_t t, lim;
		int found = 0;

		if (el->kind == EL_GAP) {
			gap = GAP_LONG;
			continue;
		}
		lim = pos >= a + gap ? pos - gap : a; /* as many words between as forward: 0 to gap */
		for (t = pos; t > a && t >= lim && !found; t--) {
			int k;
			if (el->kind == EL_WORD || el->kind == EL_PREFIX) {
				if (el_matches(c, el, t - 1)) {
					pos = t - 1;
					found = 1;
				}
			} else if ((k = cand_ending(c, t)) >= 0 && role_ok(c, el, k)) {
				int ks[5], n = 1;
				ks[0] = k;
				if (el->kind == EL_PAIR && !c->cands[k].pair) {
					if (coordinated_before(c, k, a, ks + 1, 1) != 1)
						continue;
					r->src[r->nsrc++] = ks[1];
					r->tgt = ks[0];
					r->pair = 1;
					pos = c->cands[ks[1]].ts;
				} else {
					if (el->kind != EL_PAIR)
						n += coordinated_before(c, k, a, ks + 1, 3);
					add_slot(c, r, el->kind, ks, n);
					pos = c->cands[ks[n - 1]].ts;
				}
				found = 1;
			}
		}
		if (!found)
			return 0;
		gap = GAP_SHORT;
	}
	r->start = pos;
	return 1;
}

/* Every match of patterns of kind `use` in sentence s, in token order; calls fn for each. */
static void each_match(ctx *c, size_t s, pat_use use, void (*fn)(ctx *, size_t, const pattern *, const mres *))
{
	size_t a = c->sent_tok[s], b = c->sent_tok[s + 1], j, k;

	for (j = a; j < b; j++) {
		const size_t *ids;
		size_t n;
		mres r;

		if (!c->keys[j].p)
			continue;
		ids = patterns_at(c->p, c->keys[j], &n);
		for (k = 0; k < n; k++) {
			const pattern *pt = &c->p->pats[ids[k]];
			if (pt->use == use && match_at(c, pt, j, a, b, &r))
				fn(c, s, pt, &r);
		}
		if (c->folds[j].n >= PREFIX_BUCKET) {
			char key[PREFIX_BUCKET + 1];
			key[0] = '\x01';
			memcpy(key + 1, c->folds[j].p, PREFIX_BUCKET);
			ids = patterns_at(c->p, (dyad_str){ key, sizeof key }, &n);
			for (k = 0; k < n; k++) {
				const pattern *pt = &c->p->pats[ids[k]];
				if (pt->use == use && el_matches(c, &pt->el[pt->anchor], j) &&
				    match_at(c, pt, j, a, b, &r))
					fn(c, s, pt, &r);
			}
		}
		for (k = 0; k < c->p->nprefix; k++) {
			const pattern *pt = &c->p->pats[c->p->prefix_pats[k]];
			if (pt->use == use && el_matches(c, &pt->el[pt->anchor], j) && match_at(c, pt, j, a, b, &r))
				fn(c, s, pt, &r);
		}
	}
}

/* ---- speakers -------------------------------------------------------------------------------- */

static void on_speech(ctx *c, size_t s, const pattern *pt, const mres *r)
{
	(void)pt;
	if (r->nsrc > 0 && !side_known(&c->speaker[s]))
		c->speaker[s] = c->cands[r->src[0]].side;
}

/* Does sentence s begin by pointing back ("Такое заявление сделал", "Об этом сообщил", "This was said by")? */
static int points_back(const ctx *c, size_t s)
{
	static const char *const first[] = { "такое", "такие", "об", "это", "this", "these", "such", NULL };
	size_t t = c->sent_tok[s];

	while (t < c->sent_tok[s + 1] && !is_word(&c->in->toks[t]))
		t++;
	return t < c->sent_tok[s + 1] && fold_in(c, t, first);
}

/* Net quotation marks opened in sentence s: +1 when a quotation starts and runs on. */
static int quote_balance(const ctx *c, size_t s)
{
	size_t t;
	int open = 0;

	for (t = c->sent_tok[s]; t < c->sent_tok[s + 1]; t++) {
		const dyad_token *k = &c->in->toks[t];
		if (k->kind != DYAD_TOK_QUOTE)
			continue;
		if (k->flags & DYAD_TOKF_OPEN)
			open++;
		else if (k->flags & DYAD_TOKF_CLOSE)
			open--;
	}
	return open;
}

static void find_speakers(ctx *c)
{
	size_t s, nsents = c->in->nsents;
	int depth = 0;
	size_t open_at = 0;

	for (s = 0; s < nsents; s++) {
		sentence_cands(c, s);
		each_match(c, s, PAT_SPEECH, on_speech);
	}
	/* "Такое заявление сделал X": the sentence before was X's */
	for (s = 1; s < nsents; s++)
		if (side_known(&c->speaker[s]) && !side_known(&c->speaker[s - 1]) && points_back(c, s))
			c->speaker[s - 1] = c->speaker[s];
	/* a quotation over several sentences is spoken by whoever is named where it closes */
	for (s = 0; s < nsents; s++) {
		int bal = quote_balance(c, s);
		if (depth == 0 && bal > 0)
			open_at = s;
		depth += bal;
		if (depth < 0)
			depth = 0;
		if (depth == 0 && bal < 0 && side_known(&c->speaker[s])) {
			size_t k;
			for (k = open_at; k < s; k++)
				if (!side_known(&c->speaker[k]))
					c->speaker[k] = c->speaker[s];
			open_at = s; /* all before are known now: a stray closing mark later fills from here */
		}
	}
}

/* ---- events ---------------------------------------------------------------------------------- */

static dyad_modality modality(const ctx *c, size_t s, const mres *r, size_t anchor)
{
	size_t a = c->sent_tok[s], t, from = r->start > a + 4 ? r->start - 4 : a;
	size_t to = r->end + 2 < c->sent_tok[s + 1] ? r->end + 2 : c->sent_tok[s + 1];
	dyad_modality found = DYAD_MOD_DONE;
	size_t k;

	(void)anchor;
	for (t = from; t < to; t++) {
		if (!c->keys[t].p)
			continue;
		for (k = 0; k < c->p->nmods; k++) {
			const mod_word *m = &c->p->mods[k];
			int hit = m->prefix ? dyad_str_starts_with(c->folds[t], m->key) : dyad_str_eq(c->keys[t], m->key);
			if (!hit)
				continue;
			/* negation binds only just before the words it negates */
			if (m->mod == DYAD_MOD_NEGATED && !(t + 2 >= r->start && t < r->end))
				continue;
			if (m->mod > found || found == DYAD_MOD_DONE)
				found = m->mod;
		}
	}
	return found;
}

static int same_actor(const dyad_side *x, const dyad_side *y)
{
	if (x->country[0] && y->country[0])
		return strcmp(x->country, y->country) == 0;
	if (x->igo && y->igo)
		return strcmp(x->igo, y->igo) == 0;
	return 0;
}

static void event_date(ctx *c, size_t s, dyad_event *e)
{
	dyad_span sp = c->in->sents[s];
	dyad_date d[4];
	size_t n = dyad_date_scan((dyad_str){ c->in->text.p + sp.start, sp.end - sp.start }, d, 4), i;

	for (i = 0; i < n; i++) {
		int32_t v;
		if (d[i].day < 0 && d[i].relative < 0)
			continue;
		if ((v = dyad_date_resolve(&d[i], c->in->day)) > 0) {
			e->date = v;
			return;
		}
	}
	e->date = c->in->day;
	e->date_from_publication = 1;
}

static const char *event_location(const ctx *c, size_t s)
{
	if (c->loc_cand >= 0)
		return c->cands[c->loc_cand].side.mention->name;
	return s == 0 ? c->in->dateline : NULL;
}

/*
 * Codes whose action both sides share — a meeting, an agreement, trade — so
 * that "A met B" and "B met A" are one event. Intentions (03x) are each
 * side's own statement and stay apart.
 */
static int reciprocal_family(const char *cameo)
{
	return strncmp(cameo, "04", 2) == 0 || strcmp(cameo, "057") == 0 || strncmp(cameo, "06", 2) == 0;
}

static int same_mode(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/*
 * What same_actor() compares a side by: its country, else its organisation;
 * empty when it has neither (such a side is the same as no other).
 */
static uint64_t actor_hash(const dyad_side *s, uint64_t h)
{
	if (s->country[0])
		return dyad_hash64(s->country, strlen(s->country), dyad_hash64("c", 1, h));
	if (s->igo)
		return dyad_hash64(s->igo, strlen(s->igo), dyad_hash64("o", 1, h));
	return 0;
}

/* The dedup key of a code from one side to the other; 0 when one side can equal nothing. */
static uint64_t action_hash(const char *cameo, const dyad_side *from, const dyad_side *to)
{
	uint64_t h = dyad_hash64(cameo, strlen(cameo), DYAD_HASH_SEED), hf, ht;

	if ((hf = actor_hash(from, h)) == 0 || (ht = actor_hash(to, hf)) == 0)
		return 0;
	return ht;
}

static int same_action(const dyad_event *o, const dyad_event *x);

/* The first kept event filed under `h` that x repeats, or `best` when none comes before it. */
static size_t dedup_find(const ctx *c, uint64_t h, const dyad_event *x, size_t best)
{
	size_t at = 0, k;

	while (h && dyad_keymap_next(&c->ix.dedup, h, &at, &k))
		if (k < best && !c->ev[k].why && same_action(&c->ev[k], x))
			best = k;
	return best;
}

static int mixed_side(const dyad_side *s)
{
	return s->country[0] && s->igo;
}

static void push_event(ctx *c, const dyad_event *e)
{
	size_t k, first;
	uint64_t h;
	dyad_event *x;

	if (c->nev == c->capev) {
		dyad_event *grown;
		size_t cap = c->capev ? c->capev * 2 : 16;
		grown = DYAD_ARENA_NEW(c->a, dyad_event, cap);
		if (c->nev)
			memcpy(grown, c->ev, c->nev * sizeof *grown);
		c->ev = grown;
		c->capev = cap;
	}
	x = &c->ev[c->nev++];
	*x = *e;
	if (x->why)
		return;
	/* one event per action per document: the same code between the same two actors, looked up by key */
	first = c->nev - 1;
	if (c->ix.dedup_scan || mixed_side(&x->source) || mixed_side(&x->target)) {
		c->ix.dedup_scan = 1;
		for (k = 0; k < first; k++)
			if (!c->ev[k].why && same_action(&c->ev[k], x)) {
				first = k;
				break;
			}
	} else {
		first = dedup_find(c, action_hash(x->cameo, &x->source, &x->target), x, first);
		first = dedup_find(c, action_hash(x->cameo, &x->target, &x->source), x, first);
	}
	if (first < c->nev - 1) {
		char why[64];
		snprintf(why, sizeof why, "repeats event %zu", first + 1);
		x->why = dyad_arena_strndup(c->a, why, strlen(why));
		return;
	}
	if ((h = action_hash(x->cameo, &x->source, &x->target)) != 0)
		dyad_keymap_add(&c->ix.dedup, h, c->nev - 1);
}

/* Is x the action o already coded? */
static int same_action(const dyad_event *o, const dyad_event *x)
{
	/* praise and thanks are two actions under one code; elsewhere the code decides */
	return strcmp(o->cameo, x->cameo) == 0 && (strncmp(x->cameo, "05", 2) != 0 || same_mode(o->mode, x->mode)) &&
	       ((same_actor(&o->source, &x->source) && same_actor(&o->target, &x->target)) ||
		((o->reciprocal || x->reciprocal || reciprocal_family(x->cameo)) &&
		 same_actor(&o->source, &x->target) && same_actor(&o->target, &x->source)));
}

int dyad_event_repeats(const dyad_event *earlier, const dyad_event *later)
{
	return same_action(earlier, later);
}

static void on_event(ctx *c, size_t s, const pattern *pt, const mres *r)
{
	const dyad_side *spk = &c->speaker[s];
	dyad_side src, tgt;
	size_t k;
	dyad_event e;
	int have_src = 0, have_tgt = 0;

	memset(&e, 0, sizeof e);
	memset(&src, 0, sizeof src);
	memset(&tgt, 0, sizeof tgt);
	if (pt->use != PAT_EVENT)
		return;
	/* the source */
	if (r->nsrc > 0) {
		src = c->cands[r->src[0]].side;
		have_src = 1;
	} else if (pt->source == SRC_SPEAKER) {
		/* "X is a reliable partner": only a speaker makes it someone's praise */
		if (side_known(spk)) {
			src = *spk;
			have_src = 1;
		}
	} else {
		/* the subject: the nearest actor before the pattern that no preposition governs */
		for (k = cands_before(c, r->start + 1, 1); k > 0 && !have_src; k--) {
			const cand *x = &c->cands[k - 1];
			if (x->te <= r->start && !x->after_prep && !x->location) {
				src = x->side;
				have_src = 1;
			}
		}
		if (!have_src && side_known(spk)) {
			src = *spk;
			have_src = 1;
		}
	}
	if (!have_src)
		e.why = pt->source == SRC_SPEAKER ? "no speaker" : "no source";
	/* the target */
	if (r->pair_src >= 0 && r->tgt < 0) {
		/* "стороны договорились": the two sides, one reciprocal event */
		src = c->cands[r->pair_src].side;
		tgt = c->cands[r->pair_src].other;
		have_src = have_tgt = 1;
		e.reciprocal = 1;
	} else if (r->tgt >= 0) {
		tgt = c->cands[r->tgt].side;
		have_tgt = 1;
	} else if (have_src && r->nsrc > 1) {
		/* "X и Y обсудили": one reciprocal event */
		tgt = c->cands[r->src[1]].side;
		have_tgt = 1;
		e.reciprocal = 1;
	} else if (have_src && pt->target == TGT_COUNTERPART) {
		have_tgt = counterpart(c, &src, &tgt);
	} else if (have_src) {
		int other = pt->target == TGT_OTHER;
		for (k = other ? 0 : cands_before(c, r->end, 0); k < c->ncands && !have_tgt; k++) {
			const cand *x = &c->cands[k];
			if (!other && x->ts < r->end)
				continue;
			if (same_actor(&x->side, &src) || (x->location && !other))
				continue;
			tgt = x->side;
			have_tgt = 1;
		}
		if (!have_tgt && side_known(spk) && same_actor(&src, spk))
			have_tgt = counterpart(c, &src, &tgt);
	}
	if (r->pair)
		e.reciprocal = 1;
	if (!e.why && !have_tgt)
		e.why = "no target";
	if (!e.why && same_actor(&src, &tgt))
		e.why = "the same actor on both sides";
	e.source = src;
	e.target = tgt;
	snprintf(e.cameo, sizeof e.cameo, "%s", pt->cameo);
	e.mode = pt->mode;
	e.modality = modality(c, s, r, r->start);
	if (!e.why && e.modality == DYAD_MOD_NEGATED)
		e.why = "negated";
	if (!e.why && e.modality == DYAD_MOD_HYPOTHETICAL)
		e.why = "hypothetical";
	if (e.modality == DYAD_MOD_PLANNED && strncmp(e.cameo, "04", 2) == 0) {
		/* an announced meeting or visit is CAMEO's intent to meet */
		snprintf(e.cameo, sizeof e.cameo, "036");
		if (pt->mode) {
			char mode[128];
			snprintf(mode, sizeof mode, "planned %s", pt->mode);
			e.mode = dyad_arena_strndup(c->a, mode, strlen(mode));
		}
	}
	e.sentence = s;
	e.evidence = c->in->sents[s];
	e.rule = pt->rule;
	event_date(c, s, &e);
	e.location = event_location(c, s);
	push_event(c, &e);
}

static void on_nonevent(ctx *c, size_t s, const pattern *pt, const mres *r)
{
	size_t k;

	(void)pt;
	/* events already read from the words a non-event phrase covers are set aside: the sentence's come last */
	for (k = c->nev; k > 0 && c->ev[k - 1].sentence == s; k--) {
		dyad_event *e = &c->ev[k - 1];
		if (!e->why && e->rule) {
			(void)r;
			e->why = "a phrase that is not an event (greetings passed on, habits)";
		}
	}
}

/* ---- the document ---------------------------------------------------------------------------- */

/* The mention indexes: each sentence's first mention, and the coded persons of each gender. */
static void index_mentions(ctx *c)
{
	const dyad_code_input *in = c->in;
	size_t s, k = 0, g;

	c->ix.sent_men = DYAD_ARENA_NEW(c->a, size_t, in->nsents + 1);
	for (s = 0; s <= in->nsents; s++) {
		while (k < in->nmentions && in->mentions[k].tok_start < c->sent_tok[s])
			k++;
		c->ix.sent_men[s] = k;
	}
	for (g = 0; g < 2; g++) {
		char gender = g ? 'f' : 'm';
		size_t n = 0;
		for (k = 0; k < in->nmentions; k++)
			n += in->mentions[k].kind == DYAD_MENTION_PERSON && in->mentions[k].gender == gender &&
			     in->mentions[k].code[0];
		c->ix.persons[g] = DYAD_ARENA_NEW(c->a, size_t, n + 1);
		for (k = 0; k < in->nmentions; k++)
			if (in->mentions[k].kind == DYAD_MENTION_PERSON && in->mentions[k].gender == gender &&
			    in->mentions[k].code[0])
				c->ix.persons[g][c->ix.npersons[g]++] = k;
	}
}

static int kept_first(const void *x, const void *y)
{
	const dyad_event *a = x, *b = y;
	if ((a->why == NULL) != (b->why == NULL))
		return a->why == NULL ? -1 : 1;
	if (a->sentence != b->sentence)
		return a->sentence < b->sentence ? -1 : 1;
	return strcmp(a->rule ? a->rule : "", b->rule ? b->rule : "");
}

size_t dyad_code_doc(const dyad_patterns *p, dyad_stemmer *st, dyad_arena *a, const dyad_code_input *in,
		     int all, dyad_event **out, size_t *nall)
{
	ctx c;
	size_t i, s, kept = 0;

	memset(&c, 0, sizeof c);
	c.p = p;
	c.st = st;
	c.a = a;
	c.in = in;
	c.keys = DYAD_ARENA_NEW(a, dyad_str, in->ntoks + 1);
	c.folds = DYAD_ARENA_NEW(a, dyad_str, in->ntoks + 1);
	c.tok_sent = DYAD_ARENA_NEW(a, size_t, in->ntoks + 1);
	c.sent_tok = DYAD_ARENA_NEW(a, size_t, in->nsents + 1);
	c.speaker = DYAD_ARENA_NEW(a, dyad_side, in->nsents + 1);
	for (i = 0, s = 0; i < in->ntoks; i++) {
		const dyad_token *t = &in->toks[i];
		while (s < in->nsents && t->span.start >= in->sents[s].end)
			c.sent_tok[++s] = i;
		c.tok_sent[i] = s;
		if (is_word(t)) {
			dyad_str w = tok_str(&c, i);
			dyad_buf_clear(&c.scratch);
			dyad_fold_buf(&c.scratch, w);
			c.folds[i] = (dyad_str){ dyad_arena_strndup(a, c.scratch.p, c.scratch.n), c.scratch.n };
			c.keys[i] = code_key(st, a, w);
		}
	}
	while (s < in->nsents)
		c.sent_tok[++s] = in->ntoks;
	index_mentions(&c);
	find_speakers(&c);
	for (s = 0; s < in->nsents; s++) {
		sentence_cands(&c, s);
		each_match(&c, s, PAT_EVENT, on_event);
		each_match(&c, s, PAT_NONEVENT, on_nonevent);
	}
	free(c.cands);
	free(c.ix.cp);
	dyad_keymap_free(&c.ix.dedup);
	dyad_buf_free(&c.scratch);
	if (c.nev > 1)
		qsort(c.ev, c.nev, sizeof *c.ev, kept_first);
	for (i = 0; i < c.nev; i++)
		kept += c.ev[i].why == NULL;
	*out = c.ev;
	*nall = all ? c.nev : kept;
	return kept;
}
