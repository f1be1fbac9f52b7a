/*
 * members.c — the PETRARCH-compatible coder's view of a sentence: TABARI's
 * upper-case tokens, the longest actor and agent phrases at each token,
 * verb forms told from nouns, actors grouped with their agents into members
 * and members into coordinated lists. code.c matches the verbs' patterns.
 */
#include "petrarch/internal.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* ---- tokens ---------------------------------------------------------------------------------- */

static int is_word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80 || c == '-' || c == '.' || c == '\'' || c == '&';
}

static tok *push_tok(dyad_arena *a, tok *t, size_t *n, const char *s, size_t b, size_t e)
{
	if (*n < MAX_TOKENS && e > b) {
		t[*n].w = petr_upper_dup(a, s + b, e - b);
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
size_t petr_tokenize(dyad_arena *a, dyad_str s, tok *t)
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

/* ---- phrases at a token --------------------------------------------------------------------- */

int petr_phrase_at(const phrase *ph, const tok *t, size_t nt, size_t i)
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

	if (petr_phrase_at(ph, t, nt, i))
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

/* ---- actors, agents and verbs at a token ----------------------------------------------------- */

static const char *const determiners[] = { "A",  "AN", "THE",  "ITS",  "THEIR", "HIS", "HER",  "OUR",
					   "'S", "NO", "THIS", "THAT", "EACH",  "ANY", "SOME", NULL };

const char *const petr_auxiliaries[] = { "HAS",   "HAVE",  "HAD",  "WILL", "WOULD", "SHALL", "SHOULD", "CAN",   "COULD",
					 "MAY",   "MIGHT", "MUST", "IS",   "ARE",   "WAS",   "WERE",   "BE",    "BEEN",
					 "BEING", "DID",   "DO",   "DOES", "NOT",   "N'T",   "ALSO",   "AGAIN", "TO",
					 "ABOUT", "NEVER", "EVER", "JUST", "NOW",   NULL };

int petr_ends_with(const char *w, const char *suffix)
{
	size_t n = strlen(w), k = strlen(suffix);
	return n > k && strcmp(w + n - k, suffix) == 0;
}

int petr_in_list(const char *w, const char *const *l)
{
	for (; *l; l++)
		if (strcmp(w, *l) == 0)
			return 1;
	return 0;
}

/*
 * A verb form used as a noun or adjective: a determiner up to three words
 * before it with only plain words between ("a brief private visit"), or
 * "very", "too" right before it ("very close").
 */
static int noun_use(const sent *S, size_t vs)
{
	static const char *const degree[] = { "VERY", "TOO", "MORE", "MOST", "LESS", NULL };
	size_t k;

	static const char *const preps[] = { "AFTER", "BEFORE", "WHILE",   "BY",    "FOR", "OF",
					     "IN",    "ON",     "WITHOUT", "SINCE", NULL };
	size_t s0, e0;

	if (vs > 0 && petr_in_list(S->t[vs - 1].w, degree))
		return 1;
	if (vs > 0 && S->covered[vs - 1] && petr_verb_at(S, vs, &s0, &e0) && petr_verb_at(S, vs, &s0, &e0)->base) {
		/* "an anti- Gondor parade": a bare verb after a name that follows "a", "an" or "anti-" */
		for (k = vs - 1; k > 0 && S->covered[k]; k--)
			;
		if (!S->covered[k] &&
		    (strcmp(S->t[k].w, "A") == 0 || strcmp(S->t[k].w, "AN") == 0 || petr_ends_with(S->t[k].w, "-")))
			return 1;
	}
	if (vs > 0 && petr_ends_with(S->t[vs].w, "ING") && petr_in_list(S->t[vs - 1].w, preps))
		return 1;
	if (vs > 0 && petr_ends_with(S->t[vs - 1].w, "ED") && petr_verb_at(S, vs - 1, &s0, &e0) && e0 == vs)
		return 1;
	for (k = 1; k <= 3 && k <= vs; k++) {
		const char *w = S->t[vs - k].w;
		if (petr_in_list(w, determiners) && (k == 1 || strcmp(w, "'S") != 0))
			return 1;
		if (!isalpha((unsigned char)w[0]) || petr_in_list(w, petr_auxiliaries) || strcmp(w, "AND") == 0 ||
		    S->covered[vs - k])
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

	for (it = petr_wordmap_get(m, S->t[i].w); it; it = it->next) {
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
void petr_find_members(sent *S)
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
			const char *code = petr_actor_code(ac->rec, S->day);
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

/*
 * When token j (< S->nt) is "of", "in" or "from": the token after it and a "the" ("the
 * government of the Shire"), where the actors it joins an agent to would start; else (size_t)-1.
 */
static size_t after_of(const sent *S, size_t j)
{
	if (strcmp(S->t[j].w, "OF") != 0 && strcmp(S->t[j].w, "IN") != 0 && strcmp(S->t[j].w, "FROM") != 0)
		return (size_t)-1;
	j++;
	if (j < S->nt && strcmp(S->t[j].w, "THE") == 0)
		j++;
	return j;
}

/* Coordination and "agents of actors": fills S->l and the token maps. */
void petr_find_lists(sent *S)
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
		if (a->has_actor || !b->has_actor || j >= S->nt || after_of(S, j) != b->start)
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
		if (!agents_only || !actors || j >= S->nt || after_of(S, j) != B->start)
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
const char *petr_member_code(dyad_arena *a, const member *mb, size_t k)
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

/* The verb form starting its head at token i (longest), with its extent [*vs, *ve). */
const vform *petr_verb_at(const sent *S, size_t i, size_t *vs, size_t *ve)
{
	const vform *f, *best = NULL;

	for (f = petr_wordmap_get(&S->p->vforms, S->t[i].w); f; f = f->next) {
		size_t s0;
		if (f->head > i)
			continue;
		s0 = i - f->head;
		if (!petr_phrase_at(&f->ph, S->t, S->nt, s0))
			continue;
		if (best == NULL || f->ph.n > best->ph.n) {
			best = f;
			*vs = s0;
			*ve = s0 + f->ph.n;
		}
	}
	return best;
}

void petr_mark_tokens(sent *S)
{
	size_t i, vs = 0, ve = 0;

	S->isverb = dyad_arena_zalloc(S->a, (S->nt + 1) * sizeof(int));
	S->covered = dyad_arena_zalloc(S->a, S->nt + 1);
	for (i = 0; i < S->nt; i++) {
		const actor *ac;
		const agent *ag;
		size_t n = actor_at(S, i, &ac), g = agent_at(S, i, &ag), k;
		if (g > n)
			n = g;
		for (k = 0; k < n; k++)
			S->covered[i + k] = 1;
	}
	for (i = 0; i < S->nt; i++)
		if (petr_verb_at(S, i, &vs, &ve) && !noun_use(S, vs))
			S->isverb[vs] = 1;
}
