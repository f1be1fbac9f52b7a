/*
 * code.c — the PETRARCH-compatible coder: each verb's patterns matched
 * longest first around it (source before, target after, synsets, skips),
 * else the verb's own code with its subject and object found by position;
 * passives, reciprocal codes, discards; dyad_petrarch_code.
 */
#include "petrarch/internal.h"

#include <ctype.h>
#include <string.h>

#define MATCH_BUDGET 20000 /* pattern element steps per pattern tried: bounds the backtracking */

static const char *const passive_aux[] = { "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", NULL };
static const char *const pronouns[] = { "HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "WHO", "WHICH", NULL };

/* ---- the coder: patterns -------------------------------------------------------------------- */

typedef struct {
	int src, tgt, cmp; /* list indexes, -1 when the pattern has none */
	int skipped[8];
	size_t nskipped;
	size_t words[16]; /* tokens the pattern's words matched: no verb of their own */
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
		if (sy->m[k].n > best && petr_phrase_at(&sy->m[k], t, nt, i))
			best = sy->m[k].n;
	return best;
}

static size_t syn_ending(const synset *sy, const tok *t, size_t nt, size_t end)
{
	size_t k, best = 0;

	for (k = 0; k < sy->n; k++)
		if (sy->m[k].n <= end && sy->m[k].n > best && petr_phrase_at(&sy->m[k], t, nt, end - sy->m[k].n))
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
		if (strcmp(E->ev[i].source, src) == 0 && strcmp(E->ev[i].target, tgt) == 0 &&
		    strcmp(E->ev[i].code, code) == 0)
			return;
	E->ev = dyad_arena_grow(a, E->ev, &E->cap, E->n, sizeof *E->ev, 8);
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
			out[n++] = petr_member_code(S->a, mb, c);
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
 * List li is followed by a verb, past petr_auxiliaries and adverbs: it is that
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
	       (petr_in_list(S->t[j].w, petr_auxiliaries) || petr_ends_with(S->t[j].w, "LY"))) {
		aux = 1;
		j++;
	}
	if (j >= S->nt || !S->isverb[j] || (f = petr_verb_at(S, j, &s0, &e0)) == NULL)
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
		while (j > 0 &&
		       (petr_in_list(S->t[j - 1].w, petr_auxiliaries) || petr_ends_with(S->t[j - 1].w, "LY"))) {
			if (petr_in_list(S->t[j - 1].w, passive_aux))
				passive = 1;
			j--;
		}
		passive = passive && (petr_ends_with(S->t[vs].w, "ED") || petr_ends_with(S->t[vs].w, "EN"));
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
			if (j > 0 && petr_in_list(S->t[j - 1].w, pronouns) && bd.cmp < 0 && !(hit && hit->npre > 0))
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
	S.nt = petr_tokenize(a, sentence, S.t);
	*out = NULL;
	dis = discarded(p, S.t, S.nt);
	if (discard_out)
		*discard_out = dis;
	if (dis != DYAD_PETR_KEEP || S.nt == 0)
		return 0;
	petr_mark_tokens(&S);
	S.consumed = dyad_arena_zalloc(a, S.nt + 1);
	petr_find_members(&S);
	petr_find_lists(&S);
	for (i = 0; i < S.nt; i++) {
		const vform *f;
		if (!S.isverb[i] || S.consumed[i])
			continue;
		f = NULL;
		{
			size_t j;
			for (j = i; j < S.nt && j < i + 8; j++) {
				size_t s0, e0;
				const vform *g = petr_verb_at(&S, j, &s0, &e0);
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
