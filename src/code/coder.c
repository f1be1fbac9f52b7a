/*
 * coder.c — coding a document's events. First the document's main parties
 * (title and lead) and who speaks each sentence (a speech pattern in it, the
 * end of the quotation it belongs to, "Такое заявление сделал X" right after
 * it, "X заявил:" right before it). Then for each sentence: which event
 * patterns match, anchored on their first word and reaching out to actor
 * slots; slot filling — who the source and target are when a pattern leaves
 * them open or the sentence turns them round (the subject before the verb,
 * the object after it, the passive's agent, a governing verb's subject, the
 * speaker, a counterpart, the parties the sentence implies; lists give one
 * event each; can_fill weighs the case of each actor's head word); which
 * verb governs which ("threatened to close" is a threat); what the sentence
 * says of reality (planned, negated, hypothetical); when and where. One
 * event per real-world action per document: repeats are set aside.
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
	int location;   /* a place (its country stands for it in a slot) */
	int after_prep; /* preceded by a preposition: never the subject */
	int pronoun;
	int pair;       /* "стороны", "the two sides": side and other are the document's main dyad */
	int possessive; /* "its", "their": other is the nearest actor before of another state (object_pronoun) */
	dyad_side other;
} cand;

/*
 * What the candidate searches look up instead of scanning the document: the
 * first mention of each sentence, persons by gender, the first actors of two
 * countries, where the scans for counterparts stopped, and the kept events
 * by what makes two of them one action. Each search costs a lookup, so
 * coding time grows with the document, not with its square.
 */
typedef struct {
	size_t *sent_men;   /* per sentence: its first mention (tok_start at or after its first token) */
	size_t *persons[2]; /* coded persons, 'm' then 'f', in mention order */
	size_t npersons[2];
	int foreign_looked;             /* foreign[] looked for */
	const dyad_mention *foreign[2]; /* the first coded actor with a country, the first after it of another */
	struct cp_cursor {
		char country[8];
		size_t next;
	} * cp; /* per country: events before `next` never name its counterpart */
	size_t ncp, capcp;
	dyad_keymap dedup; /* kept events by code and parties (dyad_event_key) */
} idx;

typedef struct {
	const dyad_patterns *p;
	dyad_stemmer *st;
	dyad_arena *a;
	const dyad_code_input *in;
	dyad_str *keys;   /* per token: stem key; {NULL,0} for non-words */
	dyad_str *folds;  /* per token: folded text */
	tok_lemmas *lems; /* per token: its lemmas (none without morphology) */
	size_t *tok_sent;
	size_t *sent_tok;   /* first token of each sentence; nsents + 1 entries */
	dyad_side *speaker; /* per sentence; code[0] == 0 when unknown */
	cand *cands;        /* of the sentence being coded, in token order (ts and te both rise) */
	size_t ncands, capcands;
	int loc_cand; /* the sentence's first place after a preposition, or -1 */
	dyad_event *ev;
	size_t nev, capev;
	unsigned char *level; /* per token of the sentence being coded: parentheses and relative clauses */
	dyad_side party[2];   /* the document's main parties (find_parties) */
	size_t nparty;
	size_t dyad_ev, dyad_seen; /* main_dyad: the first event between two countries; events looked at */
	size_t cur_sent;           /* the sentence being coded */
	size_t pair_in;            /* the sentence recent_pair was last read for, and its answer */
	int has_pair;
	dyad_side pair[2];
	size_t implied_in, named_in; /* the sentence implies_parties and names_actor last read */
	int implied, named;
	dyad_side last_subject; /* the source of the last event kept, and its sentence */
	size_t last_subject_in;
	size_t dated_in; /* the sentence event_date last read, its date */
	dyad_ymd date;
	int date_from_publication;
	struct ev_match {
		size_t anchor, end, words_end, words;
	} * evm; /* per event: where its pattern matched, where its
		  words end (before a last slot), how many (0: unknown) */
	size_t nevm, capevm;
	int all; /* explaining: note what was set aside and why */
	dyad_buf scratch;
	idx ix;
	dyad_clauses clauses; /* of sentence clauses_in (clause.c), read when an event asks for its source */
	size_t clauses_in;
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
	/* fold_is for each word of the list, the token read once */
	const dyad_str f = c->folds[i];

	if (!f.p || !f.n)
		return 0;
	for (; *list; list++) {
		const char *w = *list;
		if (f.p[0] == w[0] && (f.n == 1 || f.p[1] == w[1]) && dyad_str_eq_c(f, w))
			return 1;
	}
	return 0;
}

static const char *const preps[] = { "в",     "во",    "на",    "из", "до", "под",   "к",       "ко",   "у",
				     "около", "через", "по",    "с",  "со", "о",     "об",      "для",  "от",
				     "при",   "за",    "между", "in", "at", "to",    "from",    "into", "near",
				     "with",  "of",    "for",   "by", "on", "about", "between", NULL };
static const char *const conjunctions[] = { "и", "and", "&", NULL };
/* words that open what is said: the speaker of a verb of saying is never after them */
static const char *const says_that[] = { "что", "чтобы", "that", NULL };

/*
 * Is token t the preposition `p` ("в", "с") or its vowel-ended variant
 * ("во", "со")? Their key (code_key) is one.
 */
static int prep_is(const ctx *c, size_t t, const char *p)
{
	return c->keys[t].p && dyad_str_eq_c(c->keys[t], p);
}

/*
 * The token that governs a phrase starting at token ts of a sentence starting at a: the word
 * before it, past an article, a possessive or a number ("by the European Union", "of two Russian
 * diplomats": "by", "of"). a when there is none.
 */
static size_t phrase_head_before(const ctx *c, size_t ts, size_t a)
{
	static const char *const fillers[] = { "the", "a",     "an",   "this", "these",   "those", "its", "their",
					       "two", "three", "four", "five", "several", "both",  "all", NULL };
	size_t t = ts, skipped = 0;

	while (t > a + 1 && skipped < 2 && (fold_in(c, t - 1, fillers) || c->in->toks[t - 1].kind == DYAD_TOK_NUMBER)) {
		t--;
		skipped++;
	}
	return t > a ? t - 1 : a;
}

static int cyrillic(dyad_str f)
{
	return f.n > 0 && ((unsigned char)f.p[0] == 0xD0 || (unsigned char)f.p[0] == 0xD1);
}

static int ends_with(dyad_str f, const char *suf)
{
	size_t n = strlen(suf);
	return f.n >= n && memcmp(f.p + f.n - n, suf, n) == 0;
}

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

static int same_actor(const dyad_side *x, const dyad_side *y)
{
	if (x->country[0] && y->country[0])
		return strcmp(x->country, y->country) == 0;
	if (x->igo && y->igo)
		return strcmp(x->igo, y->igo) == 0;
	return 0;
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

/* ---- the document's parties ------------------------------------------------------------------ */

#define LEAD_SENTS 3  /* the lead: where a report says who met whom */
#define PARTY_SLOTS 8 /* distinct states and organisations counted */

/* The key a mention counts under as a party: its country, else its organisation; NULL for neither. */
static const char *party_key(const dyad_mention *m)
{
	if (m->country[0])
		return m->country;
	return m->igo && m->igo[0] ? m->igo : NULL;
}

/*
 * The document's main parties: the two states or organisations its title
 * and lead name most (the title's count twice) (a person, an office or a state counts twice as much as a
 * place or an organisation, which a report names as a venue as often as a
 * party; ties go to the one named first); the whole text when the lead
 * names fewer than two. A party stands as its government where the text
 * names that government, else as the state. One pass over the mentions
 * (two at most).
 */
static void find_parties(ctx *c)
{
	struct {
		const char *key;
		const dyad_mention *first, *gov;
		int weight;
	} t[PARTY_SLOTS];
	size_t n, k, i, lead = c->in->nsents < LEAD_SENTS ? c->in->nsents : LEAD_SENTS;
	int pass, best[2];

	c->nparty = 0;
	for (pass = 0; pass < 2; pass++) {
		n = 0;
		/* the title's actors first, then the lead's (pass 0) or the whole text's (pass 1) */
		for (k = 0; k < c->in->ntitle_mentions + c->in->nmentions; k++) {
			int in_title = k < c->in->ntitle_mentions;
			const dyad_mention *m =
				in_title ? &c->in->title_mentions[k] : &c->in->mentions[k - c->in->ntitle_mentions];
			const char *key = party_key(m);
			if (pass == 0 && !in_title && m->sentence >= lead)
				break;
			if (!key)
				continue;
			for (i = 0; i < n && strcmp(t[i].key, key) != 0; i++)
				;
			if (i == n) {
				if (n == PARTY_SLOTS)
					continue;
				t[n].key = key;
				t[n].first = m;
				t[n].gov = NULL;
				t[n].weight = 0;
				n++;
			}
			t[i].weight += (m->kind == DYAD_MENTION_LOCATION || !m->country[0] ? 1 : 2) * (in_title ? 2 : 1);
			if (!t[i].gov && !in_title && m->kind != DYAD_MENTION_LOCATION && strcmp(m->role, "GOV") == 0)
				t[i].gov = m;
		}
		if (n >= 2)
			break;
	}
	if (n < 2)
		return;
	best[0] = best[1] = -1;
	for (i = 0; i < n; i++) {
		if (best[0] < 0 || t[i].weight > t[best[0]].weight) {
			best[1] = best[0];
			best[0] = (int)i;
		} else if (best[1] < 0 || t[i].weight > t[best[1]].weight) {
			best[1] = (int)i;
		}
	}
	if (best[1] < best[0]) { /* first named first */
		int x = best[0];
		best[0] = best[1];
		best[1] = x;
	}
	for (k = 0; k < 2; k++) {
		dyad_side *p = &c->party[k];
		const dyad_mention *m = t[best[k]].gov ? t[best[k]].gov : t[best[k]].first;
		side_of(p, m);
		p->span.start = p->span.end = 0; /* a title's offsets are not the body's */
		if (!t[best[k]].gov && m->country[0]) {
			/* the state as a whole */
			snprintf(p->code, sizeof p->code, "%s", m->country);
			p->role[0] = '\0';
		}
		p->mention = NULL;
		p->person = NULL;
		p->how = "document party";
	}
	c->nparty = 2;
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

/*
 * The person an oblique pronoun before token i ("ему", "на него") stands for: the last person of
 * that gender, or of a gender the lexicon does not know, named (or an office the recognizer tied
 * to a person: "пограничная служба X") before it in its sentence s or the two before ("вызвал посла Израиля Эйтана
 * Наеха и порекомендовал ему", the name not in the lexicon). Returns 1 and fills *out when there is one.
 */
static int person_before(const ctx *c, size_t s, size_t i, char gender, dyad_side *out)
{
	size_t k = c->ix.sent_men[s + 1], first = c->ix.sent_men[s >= 2 ? s - 2 : 0];

	for (; k > first; k--) {
		const dyad_mention *m = &c->in->mentions[k - 1];
		/* the gender of a name the lexicon lacks is guessed from its ending, which an oblique case
		   misleads ("посла Петра Смирнова" reads as a woman's): not trusted here */
		char g = m->entity == UINT32_MAX ? 0 : m->gender;
		if (m->tok_end > i || !m->person || !m->code[0] || (g && g != gender))
			continue;
		side_of(out, m);
		return 1;
	}
	return 0;
}

/* Does event e name a side of `country` and one of another country? */
static int event_has_counterpart(const dyad_event *e, const char *country)
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
	while (cur->next < c->nev && !event_has_counterpart(&c->ev[cur->next], country))
		cur->next++;
	return cur->next;
}

/* The first coded actor with a country, and the first after it of another country; looked for once. */
static void look_for_foreign(ctx *c)
{
	idx *x = &c->ix;
	size_t k;

	if (x->foreign_looked)
		return;
	x->foreign_looked = 1;
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
	look_for_foreign(c);
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

/* A hostile act (10x-20x: from a demand to the use of force)? */
static int hostile_code(const char *cameo)
{
	return cameo[0] == '1' || cameo[0] == '2';
}

/* Has a kept event of cooperation (01x-08x) joined states a and b, either way? */
static int cooperated(const ctx *c, const char *a, const char *b)
{
	size_t k;

	for (k = 0; k < c->nev; k++) {
		const dyad_event *e = &c->ev[k];
		if (!e->why && e->cameo[0] == '0' && e->cameo[1] != '9' &&
		    ((strcmp(e->source.country, a) == 0 && strcmp(e->target.country, b) == 0) ||
		     (strcmp(e->source.country, b) == 0 && strcmp(e->target.country, a) == 0)))
			return 1;
	}
	return 0;
}

/*
 * The adversary of side s in this document, for a hostile act whose speaker names no target
 * ("Вооружённые силы Белиза приведены в состояние повышенной боевой готовности", said after Belize
 * asked its allies for help against a neighbour's threats): the other side of the first
 * hostile act it took part in, else the first state named that it did not cooperate with in an
 * event kept so far, as a whole. Not the ally it turned to, as counterpart() would give.
 */
static int adversary(ctx *c, const dyad_side *s, dyad_side *out)
{
	size_t k;

	if (!side_known(s) || !s->country[0])
		return 0;
	for (k = 0; k < c->nev; k++) {
		const dyad_event *e = &c->ev[k];
		if (hostile_code(e->cameo) && event_has_counterpart(e, s->country)) {
			*out = strcmp(e->source.country, s->country) == 0 ? e->target : e->source;
			return 1;
		}
	}
	for (k = 0; k < c->in->nmentions; k++) {
		const dyad_mention *m = &c->in->mentions[k];
		if (m->kind == DYAD_MENTION_LOCATION || !m->code[0] || !m->country[0] ||
		    strcmp(m->country, s->country) == 0 || cooperated(c, s->country, m->country))
			continue;
		side_of(out, m);
		snprintf(out->code, sizeof out->code, "%s", m->country); /* the state as a whole */
		out->role[0] = '\0';
		out->person = NULL;
		return 1;
	}
	return 0;
}

/*
 * The document's dyad, for "стороны", "the sides", "министры" and parties a
 * sentence implies: the two sides of the document's first event between two
 * countries, else its main parties (find_parties). Amortised constant time:
 * the document's events are walked once in all.
 */
/*
 * Two states joined by "и"/"and" in sentence s itself ("Riyadh and Tehran
 * agreed to implement … agreements between both countries") or one of the
 * two sentences before it ("Консультации между МИД России и Туркмении прошли
 * …" before "стороны обсудили"): the pair the next "стороны" most likely
 * means. Finds the sentences' mentions by binary search and walks only them.
 */
/*
 * Does an event kept from sentence s have a third state act on a or b ("Турция готова выступить
 * посредником в переговорах между Россией и Украиной")? Then the pair is what the sentence is
 * about, not the document's dyad.
 */
static int third_acts_on(const ctx *c, size_t s, const dyad_side *a, const dyad_side *b)
{
	size_t k;

	for (k = c->nev; k > 0 && c->ev[k - 1].sentence >= s; k--) {
		const dyad_event *e = &c->ev[k - 1];
		if (e->sentence == s && !e->why && side_known(&e->source) && !same_actor(&e->source, a) &&
		    !same_actor(&e->source, b) && (same_actor(&e->target, a) || same_actor(&e->target, b)))
			return 1;
	}
	return 0;
}

static int recent_pair(const ctx *c, size_t s, dyad_side *a, dyad_side *b)
{
	size_t back, lo, hi, k;

	for (back = 0; back <= 2 && back <= s; back++) {
		size_t want = s - back;
		lo = 0;
		hi = c->in->nmentions;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (c->in->mentions[mid].sentence < want)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (k = lo; k + 1 < c->in->nmentions && c->in->mentions[k + 1].sentence == want; k++) {
			const dyad_mention *m = &c->in->mentions[k], *n = &c->in->mentions[k + 1];
			if (m->kind == DYAD_MENTION_LOCATION || n->kind == DYAD_MENTION_LOCATION || !m->country[0] ||
			    !n->country[0] || strcmp(m->country, n->country) == 0 || n->tok_start != m->tok_end + 1 ||
			    !fold_in(c, m->tok_end, conjunctions))
				continue;
			side_of(a, m);
			side_of(b, n);
			if (third_acts_on(c, want, a, b))
				continue;
			return 1;
		}
	}
	return 0;
}

static int main_dyad(ctx *c, dyad_side *a, dyad_side *b)
{
	const dyad_event *e = c->dyad_ev < c->nev ? &c->ev[c->dyad_ev] : NULL;

	if (c->pair_in != c->cur_sent) {
		/* read once per sentence */
		c->pair_in = c->cur_sent;
		c->has_pair = recent_pair(c, c->cur_sent, &c->pair[0], &c->pair[1]);
	}
	if (c->has_pair) {
		*a = c->pair[0];
		*b = c->pair[1];
		return 1;
	}

	if (e && e->why) {
		/* set aside since (a non-event phrase in its sentence): look on after it; the events
		   before it were passed over and only gain reasons to be set aside */
		c->dyad_ev = SIZE_MAX;
		e = NULL;
	}
	/* events are only appended while coding: each is looked at once */
	for (; !e && c->ev && c->dyad_seen < c->nev; c->dyad_seen++) {
		const dyad_event *x = &c->ev[c->dyad_seen];
		if (!x->why && x->source.country[0] && x->target.country[0] &&
		    strcmp(x->source.country, x->target.country) != 0) {
			c->dyad_ev = c->dyad_seen;
			e = x;
		}
	}
	if (e) {
		*a = e->source;
		*b = e->target;
		return 1;
	}
	if (c->nparty == 2) {
		*a = c->party[0];
		*b = c->party[1];
		return 1;
	}
	return 0;
}

static const char *const both_sides[] = { "стороны",  "министры",  "лидеры",         "президенты",
					  "премьеры", "главы",     "сопредседатели", "sides",
					  "parties",  "ministers", "leaders",        "presidents",
					  "premiers", "co-chairs", "co-chairmen",    NULL };

static const char *const counterparts[] = { "counterpart", "counterparts", "коллега", "коллеги", "коллегой",
					    "коллегу",     "коллег",       "коллеге", "визави",  NULL };
static const char *const we[] = { "мы", "нас", "нам", "нами", "we", "us", NULL };
static const char *const you[] = { "вы", "вас", "вам", "вами", "you", NULL };
static const char *const he[] = { "он", "he", NULL };
static const char *const they[] = { "они", "they", NULL };
static const char *const she[] = { "она", "she", NULL };
/*
 * The oblique forms of "он" and "она" that are never possessives: "напали на него", "порекомендовал
 * ему", "с ней". They stand for a person named just before (person_before), in their own sentence
 * too ("вызвал посла X и порекомендовал ему покинуть страну"); "его", "ее" and "их" are left out:
 * as often the possessive "his", "her", "their".
 */
static const char *const him_ru[] = { "него", "нему", "ним", "нем", "нём", "ему", NULL };
static const char *const her_ru[] = { "нее", "неё", "ней", "ей", NULL };

/*
 * "Both countries agreed …", "The two nations signed …" at token i of sentence s: the two sides
 * of the document's dyad, as the sentence's subject only (at its start); elsewhere "relations
 * between the two countries" is as often a general remark.
 */
static int two_of(const ctx *c, size_t s, size_t i)
{
	static const char *const two[] = { "two", "both", NULL };
	static const char *const the[] = { "the", NULL };
	static const char *const states[] = { "countries", "nations", "states", "governments", NULL };
	size_t a = c->sent_tok[s];

	return i > a && fold_in(c, i - 1, two) && fold_in(c, i, states) &&
	       (i - 1 == a || (i - 2 == a && fold_in(c, a, the)));
}

/*
 * "Fidan travelled to Cairo, where he met Sisi": a man (gender 'm') or woman ('f') named as
 * the first actor of the sentence, before the pronoun, is the one it stands for — the subject
 * the clause goes on about; else the last person named before the sentence (person_by_gender).
 * Looks at the candidates of the sentence made so far.
 */
static int subject_person(const ctx *c, char gender, dyad_side *out)
{
	const cand *x = c->ncands ? &c->cands[0] : NULL;

	if (!x || x->pronoun || !x->side.person || !x->side.mention || x->side.mention->gender != gender || x->after_prep)
		return 0;
	*out = x->side;
	return 1;
}

/* The candidates of sentence s: its mentions (outermost only) and its pronouns. */
static int reciprocal_family(const char *cameo);

/*
 * "они", "they" after a reciprocal event or a meeting, an agreement or
 * cooperation (04x, 057, 06x) kept in this sentence or the one before: its
 * two sides ("France and Germany met. They agreed to …"). Without one,
 * "they" is the subject before (pronoun_subject).
 */
static int they_pair(const ctx *c, size_t s, dyad_side *a, dyad_side *b)
{
	size_t k;

	for (k = c->nev; k > 0 && c->ev[k - 1].sentence + 1 >= s; k--) {
		const dyad_event *e = &c->ev[k - 1];
		if (e->why)
			continue;
		/* "Tokayev met Mirziyoyev. They signed …": a meeting has two sides as a joint act has */
		if (!(e->reciprocal || reciprocal_family(e->cameo)) || !side_known(&e->source) || !side_known(&e->target))
			return 0;
		*a = e->source;
		*b = e->target;
		return 1;
	}
	return 0;
}

/*
 * "российско-китайские переговоры", "армяно-азербайджанская граница": the mention m of a state
 * that shares one hyphenated word with the candidate before it, itself a state, makes that
 * candidate a pair of the two ("стороны" is one too), so that a "$+" or a "$" without "+" reads
 * both. Returns 1 when it did.
 */
static int compound_pair(ctx *c, const dyad_mention *m)
{
	cand *x = c->ncands ? &c->cands[c->ncands - 1] : NULL;
	dyad_side o;

	if (!x || x->pair || x->location || x->pronoun || !x->side.mention || m->kind != DYAD_MENTION_COUNTRY ||
	    x->side.mention->kind != DYAD_MENTION_COUNTRY || m->tok_start != x->ts || m->tok_end != x->te)
		return 0;
	side_of(&o, m);
	if (same_actor(&o, &x->side))
		return 0;
	x->pair = 1;
	x->other = o;
	return 1;
}

/*
 * "соглашение подписали главы комитетов двух стран Камчибек Ташиев и Саймумин Ятимов": a plural
 * title at token i whose own phrase (up to ten words, no punctuation) goes on to name two actors
 * joined by "и"/"and" is said of those two, not of the document's dyad. 1 when it does, with the
 * two in *a and *b.
 */
static int sides_named_after(const ctx *c, size_t s, size_t i, dyad_side *a, dyad_side *b2)
{
	size_t k, b = c->sent_tok[s + 1], t;

	for (t = i + 1; t < b && t < i + 10 && c->in->toks[t].kind != DYAD_TOK_PUNCT; t++)
		;
	for (k = c->ix.sent_men[s]; k + 1 < c->in->nmentions && c->in->mentions[k].tok_start < t; k++) {
		const dyad_mention *m = &c->in->mentions[k], *n = &c->in->mentions[k + 1];
		if (m->tok_start > i && m->code[0] && n->code[0] && n->tok_start == m->tok_end + 1 &&
		    fold_in(c, m->tok_end, conjunctions)) {
			side_of(a, m);
			side_of(b2, n);
			return !same_actor(a, b2);
		}
	}
	return 0;
}

/* Does a mention of sentence s (an actor or not: "its embassy", "its ambassador") start at token t? */
static int mention_at(const ctx *c, size_t s, size_t t)
{
	size_t k;

	for (k = c->ix.sent_men[s]; k < c->in->nmentions && c->in->mentions[k].tok_start <= t; k++)
		if (c->in->mentions[k].tok_start == t)
			return 1;
	return 0;
}

/*
 * The side candidate k gives a target: a compound of two states ("высоко оценил уровень
 * казахстанско-китайских отношений", said by Kazakhstan) is the part that is not the source's.
 */
static const dyad_side *compound_part(const ctx *c, int k, const dyad_side *src)
{
	const cand *x = &c->cands[k];

	if (x->pair && !x->pronoun && src && same_actor(&x->side, src))
		return &x->other;
	return &x->side;
}

/*
 * The side an object or possessive pronoun at token i of sentence s stands for, when it heads
 * its own phrase (no actor or "counterpart" in the three words after it: "his Uzbek
 * counterpart" is the counterpart, "its neighbour Kazakhstan" Kazakhstan, "its foreign
 * ministry" the ministry). "him": the last man named before it (not "his", which as often
 * points ahead: "During his visit, Putin met Xi"; nor "her", as often a possessive); "them":
 * the nearest actor before it in its sentence but the first ("expelled 45 Russian diplomats,
 * accusing them"), else the target of the last event kept in the sentence before ("sanctioned
 * seven Venezuelan officials. Washington accused them"); "its", "their": the nearest
 * actor before it in its sentence, and in x->other the nearest before that of another state —
 * the one meant when the first is the event's source ("Azerbaijani forces shelled its
 * positions", said by Armenia: mend_possessive) — else the subject of the sentence before.
 * Returns 1 and fills x when the pronoun stands for someone.
 */
static int object_pronoun(ctx *c, size_t s, size_t i, cand *x)
{
	static const char *const him_en[] = { "him", NULL };
	static const char *const them[] = { "them", NULL };
	static const char *const its[] = { "its", "their", NULL };
	size_t b = c->sent_tok[s + 1], k;

	for (k = i + 1; k < b && k <= i + 3; k++)
		if (fold_in(c, k, counterparts) || mention_at(c, s, k))
			return 0; /* "its neighbour Kazakhstan", "his Uzbek counterpart": the phrase names its head */
	if (fold_in(c, i, him_en))
		return person_by_gender(c, i, 'm', &x->side);
	if (fold_in(c, i, them)) {
		/* "expelled 45 Russian diplomats, accusing them": the nearest actor before it but the subject */
		for (k = c->ncands; k > 1; k--)
			if (!c->cands[k - 1].location && !c->cands[k - 1].pronoun && side_known(&c->cands[k - 1].side)) {
				x->side = c->cands[k - 1].side;
				return 1;
			}
		for (k = c->nev; k > 0 && c->ev[k - 1].sentence + 1 >= s; k--)
			if (!c->ev[k - 1].why && side_known(&c->ev[k - 1].target)) {
				x->side = c->ev[k - 1].target;
				return 1;
			}
		return 0;
	}
	if (!fold_in(c, i, its))
		return 0;
	x->possessive = 1;
	for (k = c->ncands; k > 0; k--) {
		const cand *y = &c->cands[k - 1];
		if (y->location || !side_known(&y->side) || y->pair)
			continue;
		if (!side_known(&x->side))
			x->side = y->side;
		else if (!same_actor(&y->side, &x->side)) {
			x->other = y->side;
			break;
		}
	}
	if (side_known(&x->side))
		return 1;
	/* nobody before it in its sentence: the subject of the sentence before */
	for (k = s > 0 ? c->ix.sent_men[s - 1] : c->in->nmentions;
	     k < c->in->nmentions && c->in->mentions[k].sentence + 1 == s; k++) {
		const dyad_mention *m = &c->in->mentions[k];
		if (m->kind == DYAD_MENTION_LOCATION || !m->code[0] ||
		    (m->tok_start > c->sent_tok[s - 1] && fold_in(c, m->tok_start - 1, preps)))
			continue;
		side_of(&x->side, m);
		return 1;
	}
	return 0;
}

static size_t head_token(const ctx *c, const cand *x);
static const dyad_morph_word *ru_word(const ctx *c, size_t t);
static const dyad_analysis *chosen(const dyad_morph_word *w);

/*
 * "Они" opening sentence s, with no joint act before it for its two sides (they_pair): the last
 * actor of the sentence before whose head the morphology reads in the plural ("… заявили, что
 * четверо киргизских пограничников пересекли границу. Они не выполнили требование … и открыли
 * огонь": the border guards). 0 without morphology or such an actor.
 */
static int plural_before(const ctx *c, size_t s, size_t i, dyad_side *out)
{
	static const char *const they_ru[] = { "они", NULL };
	size_t k;

	if (s == 0 || i != c->sent_tok[s] || !c->in->morph || !fold_in(c, i, they_ru))
		return 0;
	for (k = c->ix.sent_men[s]; k > 0 && c->in->mentions[k - 1].sentence + 1 >= s; k--) {
		const dyad_mention *m = &c->in->mentions[k - 1];
		cand y;
		size_t t;
		if (m->sentence + 1 != s || m->kind == DYAD_MENTION_LOCATION || !m->code[0] || !m->country[0])
			continue;
		memset(&y, 0, sizeof y);
		y.ts = m->tok_start;
		y.te = m->tok_end;
		side_of(&y.side, m);
		if ((t = head_token(c, &y)) == SIZE_MAX || !(chosen(ru_word(c, t))->feats & DYAD_F_NUM_PLUR))
			continue;
		*out = y.side;
		return 1;
	}
	return 0;
}

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
			if (m->tok_start < last_end && compound_pair(c, m))
				continue;
			if (m->tok_start < last_end || (!m->code[0] && !m->country[0]))
				continue;
			memset(&x, 0, sizeof x);
			x.ts = m->tok_start;
			x.te = m->tok_end;
			/* "министры", "главы государств", "the sides": a plural title the recognizer tied to one
			   person stands for both sides of the document's main dyad; one that names its own state
			   ("Президенты Армении и Грузии") is that state's */
			if (m->kind == DYAD_MENTION_ROLE && fold_in(c, m->tok_start, both_sides) &&
			    !(!m->resolved && k < c->in->nmentions && m->tok_end + 1 < b &&
			      fold_in(c, m->tok_end, conjunctions) && c->in->mentions[k].tok_start == m->tok_end + 1) &&
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
		if (is_word(&c->in->toks[i]) && i >= last_end) {
			int ok = 0;
			if (fold_in(c, i, we) && side_known(spk)) {
				x.side = *spk;
				ok = 1;
			} else if (fold_in(c, i, you) && side_known(spk)) {
				ok = counterpart(c, spk, &x.side);
			} else if (fold_in(c, i, he)) {
				ok = subject_person(c, 'm', &x.side) || person_by_gender(c, a, 'm', &x.side);
			} else if (fold_in(c, i, she)) {
				ok = subject_person(c, 'f', &x.side) || person_by_gender(c, a, 'f', &x.side);
			} else if (fold_in(c, i, him_ru) || fold_in(c, i, her_ru)) {
				/* an object may point to a person named earlier in its own sentence */
				ok = person_before(c, s, i, fold_in(c, i, him_ru) ? 'm' : 'f', &x.side);
			} else if ((fold_in(c, i, both_sides) && sides_named_after(c, s, i, &x.side, &x.other)) ||
				   ((fold_in(c, i, both_sides) || two_of(c, s, i)) && main_dyad(c, &x.side, &x.other)) ||
				   (fold_in(c, i, they) && they_pair(c, s, &x.side, &x.other))) {
				/* a plural title that names its two ("главы … двух стран Ташиев и Ятимов"), else
				   "стороны", "both countries", or "they" after a reciprocal event: both sides of
				   the document's pair */
				ok = 1;
				x.pair = 1;
			} else {
				ok = object_pronoun(c, s, i, &x) || plural_before(c, s, i, &x.side);
			}
			if (ok) {
				x.after_prep = i > a && fold_in(c, i - 1, preps);
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

/*
 * A list of actors in one slot ("France, Germany and Italy") gives one event
 * each; longer lists are cut here (the side's `how` says so in explain).
 */
#define LIST_MAX 16

typedef struct {
	size_t start, end; /* tokens */
	size_t anchor;     /* the token the pattern's first word matched */
	int src[LIST_MAX], nsrc;
	int tgt[LIST_MAX], ntgt;
	int pair;
	int pair_src;       /* a source that stands for both sides, or -1 */
	int cut;            /* SOFT_SOURCE, SOFT_TARGET: the slot's list was longer than LIST_MAX and cut */
	int soft;           /* SOFT_SOURCE, SOFT_TARGET: an edge slot left open (soft_slot) */
	int passive_open;   /* a passive verb's + left open: the one acted on stands before it */
	int implied_only;   /* its words without its actors, in a sentence that implies its parties */
	dyad_str open_role; /* the role that + asked for ("+:DIP"), or empty */
	int words_missing;  /* no match: a word of the pattern is not there, so no loose match either */
} mres;

enum { SOFT_SOURCE = 1, SOFT_TARGET = 2 };

static inline int el_matches(const ctx *c, const pat_el *e, size_t t)
{
	if (!is_word(&c->in->toks[t]))
		return 0;
	if (e->kind == EL_WORD)
		return lemma_word_matches(e, c->keys[t], &c->lems[t]);
	return c->folds[t].p && dyad_str_starts_with(c->folds[t], e->key);
}

static const char *const determiners[] = { "the", "a", "his", "her", "its", "their", "его", "ее", "её", "их", NULL };

/* "и", "and", "&" or a comma at token t. */
static int is_separator(const ctx *c, size_t t)
{
	return fold_in(c, t, conjunctions) || (c->in->toks[t].kind == DYAD_TOK_PUNCT && tok_str(c, t).p[0] == ',');
}

static const dyad_morph_word *ru_word(const ctx *c, size_t t);
static const dyad_analysis *chosen(const dyad_morph_word *w);

/*
 * A lower-case word that may stand as an attribute before a coordinated actor: "and arch-rival Iran",
 * "и соседняя Грузия"; not a verb the morphology read ("поддержку Гайане и призвали Каракас": a
 * second predicate, not a list).
 */
static int attribute_word(const ctx *c, size_t t)
{
	const dyad_token *k = &c->in->toks[t];
	const dyad_morph_word *w;

	if (k->kind != DYAD_TOK_WORD || (k->flags & DYAD_TOKF_CAPITAL) || fold_in(c, t, conjunctions) ||
	    fold_in(c, t, preps))
		return 0;
	w = ru_word(c, t);
	return !(w && (chosen(w)->upos == DYAD_UPOS_VERB || chosen(w)->upos == DYAD_UPOS_AUX));
}

/* After candidate k, more joined by "и", "and" or a comma: "A, B и C". */
static int coordinated_after(const ctx *c, int k, size_t b, int *out, int max)
{
	int n = 0, by_conj = 0;

	while (n < max) {
		size_t t = c->cands[k].te;
		int next, conj;
		if (t + 1 >= b || !is_separator(c, t))
			break;
		conj = fold_in(c, t, conjunctions);
		/* ", and", "and the" */
		if (t + 2 < b && fold_in(c, t + 1, conjunctions)) {
			t++;
			conj = 1;
		}
		if (t + 2 < b && fold_in(c, t + 1, determiners))
			t++;
		if (t + 2 < b && cand_at(c, t + 1) < 0 && attribute_word(c, t + 1))
			t++;
		if ((next = cand_at(c, t + 1)) < 0)
			break;
		out[n++] = next;
		k = next;
		if (conj) {
			by_conj = n;
			break;
		}
	}
	/* "A, B" without "и"/"and" is an apposition, not a list */
	return by_conj;
}

/*
 * Where the noun phrase of candidate k begins: "his Uzbek counterpart
 * Shavkat Mirziyoyev", "его узбекский коллега Шавкат Мирзиёев" are one
 * actor, however the recognizer cut them.
 */
static size_t phrase_start(const ctx *c, int k, size_t a)
{
	size_t t = c->cands[k].ts;
	int adj;

	if (t > a && fold_in(c, t - 1, counterparts)) {
		t--;
		if (t > a && (adj = cand_ending(c, t)) >= 0 && same_actor(&c->cands[adj].side, &c->cands[k].side))
			t = c->cands[adj].ts;
	}
	if (t > a + 1 && attribute_word(c, t - 1) && (fold_in(c, t - 2, conjunctions) || fold_in(c, t - 2, determiners)))
		t--;
	if (t > a && fold_in(c, t - 1, determiners))
		t--;
	return t;
}

/* Before candidate k, more joined by "и"/"and" (the one right before) and commas: "A, B и C". */
static int coordinated_before(const ctx *c, int k, size_t a, int *out, int max)
{
	int n = 0;

	while (n < max) {
		size_t t = phrase_start(c, k, a);
		int prev;
		if (t < a + 2 || !is_separator(c, t - 1) || (n == 0 && !fold_in(c, t - 1, conjunctions)))
			break;
		if (t > a + 2 && fold_in(c, t - 1, conjunctions) && is_separator(c, t - 2))
			t--;
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
		for (i = 0; i < n && r->ntgt < LIST_MAX; i++)
			r->tgt[r->ntgt++] = ks[i];
		return;
	}
	for (i = 0; i < n && r->nsrc < LIST_MAX; i++)
		r->src[r->nsrc++] = ks[i];
	/* "стороны подписали": both sides of the document's dyad, in a $ or a $+ slot */
	if (n == 1 && c->cands[ks[0]].pair)
		r->pair_src = ks[0];
	if (kind == EL_PAIR)
		r->pair = 1;
}

/* A slot written "+:DIP" takes only an actor with that role. */
/*
 * An organisation's officer ("генеральный секретарь ООН", coded as the organisation: IGOUNO)
 * answers a slot that asks for GOV, as a state's head or minister does.
 */
static int igo_officer(const cand *x, dyad_str role)
{
	const dyad_mention *m = x->side.mention;

	return x->side.igo && m && (m->kind == DYAD_MENTION_PERSON || m->kind == DYAD_MENTION_ROLE) &&
	       dyad_str_eq_c(role, "GOV");
}

static int role_ok(const ctx *c, const pat_el *el, int k)
{
	return el->key.n == 0 || dyad_str_eq_c(el->key, c->cands[k].side.role) || igo_officer(&c->cands[k], el->key);
}

/*
 * A slot at a pattern's edge that may stay open when no actor stands right
 * there ("$ held talks with +" in "Tokayev, speaking in Astana on Monday,
 * held talks with …"): slot filling looks further, for the subject before
 * or the object after at the verb's level — never for the speaker, a
 * counterpart or a party the document implies. For patterns of two words or
 * more and slots that ask no role; a one-word pattern of a demand, a
 * disapproval, a rejection, a threat, a protest, a show of force, a cut in
 * relations or coercion (10x-17x: verbs whose object is as often the act as
 * the actor) only for its + and only when its $ stands where written
 * ("Франция осудила военный переворот в Нигере", "Bayramov demanded \"the
 * withdrawal of the Armenian forces\""). Verbs of meeting or attack
 * ("принял решение", "struck a tone") never.
 */
/* How many words a pattern asks for (its slots and gaps not counted). */
static size_t pattern_words(const pattern *pt)
{
	size_t e, n = 0;

	for (e = 0; e < pt->nel; e++)
		n += pt->el[e].kind == EL_WORD || pt->el[e].kind == EL_PREFIX;
	return n;
}

static int soft_slot(const pattern *pt, const pat_el *el)
{
	if ((el->kind != EL_SOURCE && el->kind != EL_TARGET) || el->key.n)
		return 0;
	/* a one-word pattern's + only: "$ осудил* +", or "condemn +" with its subject next to it (soft_holds) */
	return pattern_words(pt) >= 2 || (el->kind == EL_TARGET && (pt->el[0].kind == EL_SOURCE || pt->nel == 2) &&
					  strcmp(pt->cameo, "10") >= 0 && strcmp(pt->cameo, "18") < 0);
}

static int subject_before(const ctx *c, const mres *r);

/*
 * A one-word pattern whose + stayed open holds only with its $ found (soft_slot), or, for one
 * written without a $ ("condemn +"), with a subject at most GAP_SHORT words before its verb
 * ("Iran on Tuesday condemned new sanctions imposed by the EU"): the subject acts, the target is
 * found as for any open slot.
 */
static int soft_holds(const ctx *c, const pattern *pt, const mres *r)
{
	int k;

	if (pattern_words(pt) >= 2 || !(r->soft & SOFT_TARGET) || r->nsrc > 0)
		return 1;
	if (pt->el[0].kind == EL_SOURCE)
		return 0;
	k = subject_before(c, r);
	return k >= 0 && c->cands[k].te + GAP_SHORT >= r->start;
}

/*
 * Per token of the sentence being coded: the depth of parentheses and
 * whether it stands in a relative clause (", which …,", ", который …,").
 * A subject or object is looked for at the verb's own level.
 */
static void clause_levels(ctx *c, size_t s)
{
	static const char *const rel[] = { "which",    "who",     "whose",    "whom",    "который", "которая",
					   "которое",  "которые", "которого", "которой", "которых", "которым",
					   "которыми", "котором", "которому", "которую", NULL };
	size_t t, a = c->sent_tok[s], b = c->sent_tok[s + 1];
	unsigned char depth = 0, inrel = 0;

	for (t = a; t < b; t++) {
		const dyad_token *k = &c->in->toks[t];
		char ch = k->kind == DYAD_TOK_PUNCT ? tok_str(c, t).p[0] : 0;
		if (ch == '(' && depth < 100)
			depth++;
		if (ch == ',' && t + 1 < b && fold_in(c, t + 1, rel))
			inrel = 1;
		else if (ch == ',' || ch == ';')
			inrel = 0;
		c->level[t] = (unsigned char)(depth * 2 + inrel);
		if (ch == ')' && depth > 0)
			depth--;
	}
}

/*
 * Does token t stand aside from the verb at token v — in parentheses or a
 * relative clause the verb is not in ("Armenia's Ministry of Foreign Affairs
 * (MFA) condemned", "Moscow, which has long supported Minsk, accused")? Such
 * words neither fill the verb's slots nor count in the gap between a
 * pattern's elements; at most ASIDE_MAX of them are stepped over.
 */
#define ASIDE_MAX 24
static int aside(const ctx *c, size_t t, size_t v)
{
	return c->level[t] > c->level[v];
}

/*
 * Is token t a helper of the verb after it that takes no room in a gap: "would", "will" or
 * "continue to" before the verb ("Kazakhstan would continue to support Belarus" is `$ support +`
 * with nothing between)? The helper keeps its meaning elsewhere: a reported "would" still plans
 * (reported_would), a hypothetical one still hedges.
 */
static int verb_helper(const ctx *c, size_t t)
{
	static const char *const helpers[] = { "would", "will", NULL };
	static const char *const goes_on[] = { "continue", "continues", "continued", NULL };
	static const char *const to[] = { "to", NULL };

	if (cyrillic(c->folds[t]))
		return 0;
	if (fold_in(c, t, goes_on))
		return t + 1 < c->in->ntoks && fold_in(c, t + 1, to);
	if (fold_in(c, t, to))
		return t > 0 && fold_in(c, t - 1, goes_on);
	return fold_in(c, t, helpers);
}

/* Does token t take no room in the gap before element el: a helper the element itself does not name? */
static int gap_free(const ctx *c, const pat_el *el, size_t t)
{
	return verb_helper(c, t) && !((el->kind == EL_WORD || el->kind == EL_PREFIX) && el_matches(c, el, t));
}

/*
 * "with Moscow accusing the vessels of …": "with", an actor and a verb in -ing right after it make
 * the actor that verb's subject (an absolute clause), not the object of "with".
 */
static int with_ing(const ctx *c, const cand *x)
{
	dyad_str f;

	if (x->ts == 0 || !fold_is(c, x->ts - 1, "with") || x->te >= c->in->ntoks || !c->folds[x->te].p)
		return 0;
	f = c->folds[x->te];
	return f.n > 5 && memcmp(f.p + f.n - 3, "ing", 3) == 0;
}

/*
 * Is candidate x governed by a preposition, and so never a subject
 * ("recalled its ambassador to the Czech Republic Thursday in protest")?
 * The possessor "у X" is one ("у X состоялись переговоры").
 */
static int governed(const ctx *c, const cand *x)
{
	return x->after_prep && !fold_is(c, x->ts - 1, "у") && !with_ing(c, x);
}

/* Is candidate x the office "в X" an act took place in ("В МИД РФ были вызваны", "в Кремле заявили")? */
static int in_office(const ctx *c, const cand *x)
{
	return x->after_prep && prep_is(c, x->ts - 1, "в");
}

/*
 * A $ written first in a pattern is a subject: a governed actor cannot fill
 * it, nor (English) one that "and" parts from the verb at token `verb`. A $ after a word of the pattern ("в $ вызван*",
 * "visit of $") takes what the pattern says.
 */
static int governed_source(const ctx *c, const pattern *pt, size_t e, int k, size_t verb)
{
	if ((pt->el[e].kind != EL_SOURCE && pt->el[e].kind != EL_PAIR) || e != 0)
		return 0;
	/* "summoned the Swedish ambassador and demanded": what ends before "and" is an object (Russian
	   tells an object by its case: can_fill) */
	return governed(c, &c->cands[k]) ||
	       (c->cands[k].te < verb && !cyrillic(c->folds[verb]) && fold_in(c, verb - 1, conjunctions));
}

/*
 * "переговоры с президентом Узбекистана Шавкатом Мирзиёевым, прибывшим в Астану с визитом": a full
 * active participle right after a comma (read so by the morphology) is said of candidate k, the
 * noun phrase that ends at that comma, whatever preposition governs it; a $ written first takes
 * it. 0 without morphology.
 */
/* Is token t read as a noun by the morphology? 0 without it. */
static int noun_at(const ctx *c, size_t t)
{
	const dyad_morph_word *w = ru_word(c, t);

	return w && chosen(w)->upos == DYAD_UPOS_NOUN;
}

static int object_of_conjoined(const ctx *c, size_t verb, size_t start, const cand *x);

/* Does a preposition stand among tokens [from, to)? */
static int preposition_between(const ctx *c, size_t from, size_t to)
{
	for (; from < to; from++)
		if (fold_in(c, from, preps))
			return 1;
	return 0;
}

static int participle_of(const ctx *c, size_t j, int k)
{
	const dyad_morph_word *w = ru_word(c, j);
	uint64_t f;

	if (!w || c->cands[k].te + 1 != j || !is_separator(c, j - 1) || fold_in(c, j - 1, conjunctions))
		return 0;
	f = chosen(w)->feats;
	return (f & DYAD_F_VF_PART) && (f & DYAD_F_VOICE_ACT) && !(f & DYAD_F_VARIANT_SHORT);
}

/*
 * Match pattern `pt` with its anchor word at token j, inside tokens [a, b).
 * `loose`: slots may stay open anywhere (for explain: the predicate is there).
 */
static int passive_at(const ctx *c, size_t s, size_t j);

/*
 * A `$` is never a place that a preposition the pattern does not write governs: "В понедельник
 * президент Монголии прибыл в Астану" is no "в + .. прибыть $" with Astana arriving. The pattern's
 * own preposition right before the slot ("в $ объявить") stands at `from`; an office after a
 * preposition ("заявили в МИД Ирана") may still speak.
 */
static int source_governed(const ctx *c, const pat_el *el, int k, size_t from)
{
	return el->kind == EL_SOURCE && c->cands[k].location && c->cands[k].after_prep && c->cands[k].ts > from;
}

/*
 * Is the preposition at token t, reached over words of a gap that began at token `from`, the
 * complement of the noun right before it, not the pattern's: "учения у границы с Польшей" is no
 * "провести совместные учения с +", "на границе с" names a place, not a partner.
 */
static int kept_by_noun(const ctx *c, size_t t, size_t from)
{
	static const char *const with[] = { "с", "со", "with", NULL };
	static const char *const border[] = { "граница", "границы", "границе", "границу", "границей", "border", NULL };

	return t > from && fold_in(c, t, with) && fold_in(c, t - 1, border);
}

static int match_at(const ctx *c, const pattern *pt, size_t j, size_t a, size_t b, int loose, mres *r)
{
	size_t pos, e, gap;

	memset(r, 0, sizeof *r);
	r->pair_src = -1;
	r->anchor = j;
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
		lim = 0; /* words tried so far; what stands in parentheses or a relative clause is free */
		for (t = pos; t < b && lim <= gap && !found && t < pos + gap + ASIDE_MAX; t++) {
			int k;
			if (aside(c, t, j) || gap_free(c, el, t))
				continue;
			if (pt->use == PAT_SPEECH && fold_in(c, t, says_that))
				break; /* "заявил, что белорусские пограничники …": what is said, not who says it */
			if ((el->kind == EL_WORD || el->kind == EL_PREFIX) && gap == GAP_SHORT && e > 0 &&
			    (pt->el[e - 1].kind == EL_SOURCE || pt->el[e - 1].kind == EL_TARGET) &&
			    is_separator(c, t) && !fold_in(c, t, conjunctions))
				break; /* "в Нигере, потребовали": a comma after a slot ends its clause */
			lim++;
			if (el->kind == EL_WORD || el->kind == EL_PREFIX) {
				if (el_matches(c, el, t) && !kept_by_noun(c, t, pos)) {
					pos = t + 1;
					found = 1;
				}
			} else if ((k = cand_at(c, t)) >= 0 && role_ok(c, el, k) && !source_governed(c, el, k, pos)) {
				int ks[LIST_MAX + 1], n = 1;
				ks[0] = k;
				if (el->kind == EL_PAIR && !c->cands[k].pair) {
					/* a preposition the pattern does not write governs its own phrase: "переговоры
					   $ и +" is not "посредником в переговорах между Россией и Украиной" */
					if (coordinated_after(c, k, b, ks + 1, 1) != 1 ||
					    (c->cands[k].after_prep && c->cands[k].ts > pos))
						continue;
					r->src[r->nsrc++] = ks[0];
					r->tgt[r->ntgt++] = ks[1];
					r->pair = 1;
					pos = c->cands[ks[1]].te;
				} else {
					if (el->kind != EL_PAIR) {
						n += coordinated_after(c, k, b, ks + 1, LIST_MAX);
						if (n > LIST_MAX) {
							n = LIST_MAX;
							r->cut |= el->kind == EL_TARGET ? SOFT_TARGET : SOFT_SOURCE;
						}
					}
					add_slot(c, r, el->kind, ks, n);
					pos = c->cands[ks[n - 1]].te;
				}
				found = 1;
			}
		}
		if (!found && e == pt->nel - 1 && el->kind == EL_TARGET && passive_at(c, c->tok_sent[j], j)) {
			/* "Временный поверенный Франции был вызван в МИД Мали": the one acted on stands before */
			r->passive_open = 1;
			r->open_role = el->key;
			gap = GAP_SHORT;
			continue;
		}
		if (!found && !(e == pt->nel - 1 && soft_slot(pt, el)) &&
		    !(loose && el->kind != EL_WORD && el->kind != EL_PREFIX)) {
			r->words_missing = el->kind == EL_WORD || el->kind == EL_PREFIX;
			return 0;
		}
		if (!found)
			r->soft |= SOFT_TARGET;
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
		lim = 0; /* as many words between as forward: 0 to gap, not counting what stands aside */
		for (t = pos; t > a && lim <= gap && !found && t + gap + ASIDE_MAX > pos; t--) {
			int k;
			if (aside(c, t - 1, j) || gap_free(c, el, t - 1))
				continue;
			lim++;
			if (el->kind == EL_WORD || el->kind == EL_PREFIX) {
				if (el_matches(c, el, t - 1)) {
					pos = t - 1;
					found = 1;
				}
			} else if ((k = cand_ending(c, t)) >= 0 && role_ok(c, el, k) &&
				   (!governed_source(c, pt, e, k, pos) || participle_of(c, j, k)) &&
				   !(el->kind == EL_SOURCE && e == 0 && e + 1 == pt->anchor &&
				     object_of_conjoined(c, j, j, &c->cands[k]))) {
				int ks[LIST_MAX + 1], n = 1;
				ks[0] = k;
				if (el->kind == EL_PAIR && noun_at(c, j) && preposition_between(c, c->cands[k].te, pos))
					continue; /* "призвал Россию и Украину к переговорам": no attribute of the noun */
				if (el->kind == EL_PAIR && !c->cands[k].pair) {
					/* a pair written first is the subject too: "с Эрдоганом и Алиевым переговоры" is none */
					if (coordinated_before(c, k, a, ks + 1, 1) != 1 ||
					    governed_source(c, pt, e, ks[1], pos))
						continue;
					r->src[r->nsrc++] = ks[1];
					r->tgt[r->ntgt++] = ks[0];
					r->pair = 1;
					pos = c->cands[ks[1]].ts;
				} else {
					if (el->kind != EL_PAIR) {
						int i;
						n += coordinated_before(c, k, a, ks + 1, LIST_MAX);
						if (n > LIST_MAX) {
							n = LIST_MAX;
							r->cut |= el->kind == EL_TARGET ? SOFT_TARGET : SOFT_SOURCE;
						}
						for (i = 0; i < n / 2; i++) { /* text order */
							int x = ks[i];
							ks[i] = ks[n - 1 - i];
							ks[n - 1 - i] = x;
						}
					}
					add_slot(c, r, el->kind, ks, n);
					pos = c->cands[ks[0]].ts;
				}
				found = 1;
			}
		}
		if (!found && !(e == 0 && soft_slot(pt, el)) && !(loose && el->kind != EL_WORD && el->kind != EL_PREFIX)) {
			r->words_missing = el->kind == EL_WORD || el->kind == EL_PREFIX;
			return 0;
		}
		if (!found)
			r->soft |= SOFT_SOURCE;
		gap = GAP_SHORT;
	}
	r->start = pos;
	return loose || soft_holds(c, pt, r);
}

/*
 * Is token t a capitalised word inside an actor's name of several words
 * ("United" of "United States")? It names; no pattern's verb stands there.
 */
static int inside_name(const ctx *c, size_t t)
{
	size_t k = cands_before(c, t + 1, 0);
	const cand *x;
	dyad_str w = tok_str(c, t);

	if (k == 0 || t == c->sent_tok[c->tok_sent[t]] || !c->folds[t].p)
		return 0;
	x = &c->cands[k - 1];
	if (x->pronoun || x->te <= t || x->te - x->ts < 2)
		return 0;
	return w.n > 0 && c->folds[t].n > 0 && w.p[0] != c->folds[t].p[0];
}

/*
 * el_matches for the anchors of one slot's patterns, which are mostly one word written again and
 * again ("demand" anchors 150 patterns): the last anchor's answer serves the next that is the
 * same element in another pattern.
 */
typedef struct {
	const pat_el *el;
	int ok;
} anchor_seen;

static int anchor_matches(const ctx *c, const pat_el *e, size_t t, anchor_seen *last)
{
	const pat_el *l = last->el;

	if (l && l->kind == e->kind && l->is_lemma == e->is_lemma && dyad_str_eq(l->key, e->key) &&
	    (e->kind != EL_WORD || dyad_str_eq(l->lemma, e->lemma)))
		return last->ok;
	last->el = e;
	last->ok = el_matches(c, e, t);
	return last->ok;
}

/*
 * Calls fn for each pattern of kind `use` (0: any) whose anchor word is the word at token j, until
 * fn returns nonzero. Patterns of another kind are passed over before their anchor is compared:
 * the speakers, the non-events and the events each walk the sentence once.
 */
static void each_anchored(const ctx *c, size_t j, int use, int (*fn)(void *, const pattern *), void *arg)
{
	const size_t *ids;
	size_t n, k, l;
	anchor_seen last = { NULL, 0 };

	if (!c->keys[j].p || inside_name(c, j))
		return;
	ids = patterns_at(c->p, c->keys[j], &n);
	for (k = 0; k < n; k++) {
		const pattern *pt = &c->p->pats[ids[k]];
		if ((!use || (int)pt->use == use) && anchor_matches(c, &pt->el[pt->anchor], j, &last) && fn(arg, pt))
			return;
	}
	for (l = 0; l < c->lems[j].n; l++) {
		/* by lemma: the patterns not met by the stem above (a word that is its own lemma was) */
		if (dyad_str_eq(c->lems[j].lemmas[l], c->folds[j]))
			continue;
		ids = patterns_at_lemma(c->p, c->lems[j].lemmas[l], &n);
		for (k = 0; k < n; k++) {
			const pattern *pt = &c->p->pats[ids[k]];
			if ((!use || (int)pt->use == use) && !dyad_str_eq(pt->el[pt->anchor].key, c->keys[j]) &&
			    fn(arg, pt))
				return;
		}
	}
	for (l = PREFIX_BUCKET; l <= PREFIX_LONG && c->folds[j].n >= l; l += PREFIX_LONG - PREFIX_BUCKET) {
		/* the prefixes filed under the word's first four bytes, then under its first eight */
		char key[PREFIX_LONG + 1];
		ids = patterns_at(c->p, prefix_bucket(key, c->folds[j], l), &n);
		last.el = NULL;
		for (k = 0; k < n; k++) {
			const pattern *pt = &c->p->pats[ids[k]];
			if ((!use || (int)pt->use == use) && anchor_matches(c, &pt->el[pt->anchor], j, &last) &&
			    fn(arg, pt))
				return;
		}
	}
	if (c->folds[j].n && short_prefix_at(c->p, (unsigned char)c->folds[j].p[0])) {
		/* the short prefixes ("ban*") filed under the word's first byte */
		char key[PREFIX_LONG + 1];
		ids = patterns_at(c->p, prefix_bucket(key, c->folds[j], 1), &n);
		for (k = 0; k < n; k++) {
			const pattern *pt = &c->p->pats[ids[k]];
			if ((!use || (int)pt->use == use) && el_matches(c, &pt->el[pt->anchor], j) && fn(arg, pt))
				return;
		}
	}
}

typedef struct {
	ctx *c;
	size_t s, j;
	pat_use use;
	void (*fn)(ctx *, size_t, const pattern *, const mres *);
	int hit;
	const pattern *near; /* a pattern whose words are here and slots are not */
	mres near_r;
	int near_passive; /* its words stand at a passive verb ("был подписан ряд документов") */
} match_walk;

static int try_pattern(void *arg, const pattern *pt)
{
	match_walk *w = arg;
	size_t a = w->c->sent_tok[w->s], b = w->c->sent_tok[w->s + 1];
	mres r;

	if (pt->use != w->use)
		return 0;
	if (match_at(w->c, pt, w->j, a, b, 0, &r)) {
		w->fn(w->c, w->s, pt, &r);
		w->hit = 1;
	} else if ((!w->near || (!w->near_passive && passive_at(w->c, w->s, w->j))) && pt->use == PAT_EVENT &&
		   !r.words_missing && match_at(w->c, pt, w->j, a, b, 1, &r)) {
		/* the first such pattern, or the first at a passive verb: a passive without its agent
		   implies the parties ("По итогам переговоров был подписан ряд документов") */
		w->near = pt;
		w->near_r = r;
		w->near_passive = passive_at(w->c, w->s, w->j);
	}
	return 0;
}

static void push_event(ctx *c, const dyad_event *e);

/* For explain: the predicate a sentence has without the actors its pattern asks for. */
static void near_miss(ctx *c, size_t s, const pattern *pt)
{
	dyad_event e;

	memset(&e, 0, sizeof e);
	snprintf(e.cameo, sizeof e.cameo, "%s", pt->cameo);
	e.mode = pt->mode;
	e.sentence = s;
	e.evidence = c->in->sents[s];
	e.rule = pt->rule;
	e.why = "its words are here, not the actors its slots ask for";
	push_event(c, &e);
}

/*
 * Every match of patterns of kind `use` in sentence s, in token order; calls
 * fn for each. In a sentence where no pattern matched, the first whose words
 * are there without its actors is coded with the document's parties when
 * the sentence implies them and the action is a meeting, an agreement or
 * cooperation; else, when explaining, it is noted (near_miss).
 */
static int implies_parties(ctx *c, size_t s);

static void each_match(ctx *c, size_t s, pat_use use, void (*fn)(ctx *, size_t, const pattern *, const mres *))
{
	match_walk w;

	memset(&w, 0, sizeof w);
	w.c = c;
	w.s = s;
	w.use = use;
	w.fn = fn;
	for (w.j = c->sent_tok[s]; w.j < c->sent_tok[s + 1]; w.j++)
		each_anchored(c, w.j, (int)use, try_pattern, &w);
	if (use != PAT_EVENT || w.hit || !w.near)
		return;
	if (reciprocal_family(w.near->cameo) && (w.near_passive || implies_parties(c, s))) {
		/* "итоги нынешнего визита … двух стран": the words, and parties the sentence implies */
		w.near_r.soft = 0;
		w.near_r.implied_only = 1;
		fn(c, s, w.near, &w.near_r);
	} else if (c->all) {
		near_miss(c, s, w.near);
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

/* Does sentence s begin with an opening quotation mark? */
static int opens_quote(const ctx *c, size_t s)
{
	size_t t = c->sent_tok[s];

	return t < c->sent_tok[s + 1] && c->in->toks[t].kind == DYAD_TOK_QUOTE && (c->in->toks[t].flags & DYAD_TOKF_OPEN);
}

/* Does sentence s end with a colon (the sentence splitter may cut after "заявил:")? */
static int ends_with_colon(const ctx *c, size_t s)
{
	size_t t = c->sent_tok[s + 1];

	return t > c->sent_tok[s] && c->in->toks[t - 1].kind == DYAD_TOK_PUNCT && tok_str(c, t - 1).p[0] == ':';
}

/* Does sentence s end with a closing quotation mark (a full stop may follow it)? */
static int closes_quote(const ctx *c, size_t s)
{
	size_t t = c->sent_tok[s + 1];

	while (t > c->sent_tok[s] && c->in->toks[t - 1].kind == DYAD_TOK_PUNCT && tok_str(c, t - 1).p[0] != ',')
		t--;
	return t > c->sent_tok[s] && c->in->toks[t - 1].kind == DYAD_TOK_QUOTE &&
	       (c->in->toks[t - 1].flags & DYAD_TOKF_CLOSE);
}

/* English verbs of saying in the past or present: what reports a speech. */
static const char *const saying[] = { "said",  "says",     "told",      "announced",  "stated",   "added",
				      "noted", "stressed", "confirmed", "assured",    "promised", "pledged",
				      "vowed", "declared", "insisted",  "reiterated", NULL };

/*
 * Does sentence s open with "It"/"They" and a verb of saying ("It said its patrol was …", "It
 * also said …")? That speaker is the one of the sentence before ("China's coastguard said …").
 */
static int pronoun_speaks(const ctx *c, size_t s)
{
	static const char *const it[] = { "it", "they", NULL };
	static const char *const also[] = { "also", "further", "later", NULL };
	size_t t = c->sent_tok[s], b = c->sent_tok[s + 1];

	if (t + 1 >= b || !fold_in(c, t, it))
		return 0;
	if (t + 2 < b && fold_in(c, t + 1, also))
		t++;
	return fold_in(c, t + 1, saying);
}

static void find_speakers(ctx *c)
{
	size_t s, nsents = c->in->nsents;
	int depth = 0;
	size_t open_at = 0;

	for (s = 0; s < nsents; s++) {
		c->cur_sent = s;
		sentence_cands(c, s);
		clause_levels(c, s);
		each_match(c, s, PAT_SPEECH, on_speech);
	}
	/* "Такое заявление сделал X": the sentence before was X's */
	for (s = 1; s < nsents; s++)
		if (side_known(&c->speaker[s]) && !side_known(&c->speaker[s - 1]) && points_back(c, s))
			c->speaker[s - 1] = c->speaker[s];
	for (s = 1; s < nsents; s++)
		if (side_known(&c->speaker[s - 1]) && !side_known(&c->speaker[s]) && pronoun_speaks(c, s))
			c->speaker[s] = c->speaker[s - 1];
	/* "Лукашенко заявил:" — the quotation that follows is his */
	for (s = 1; s < nsents; s++)
		if (side_known(&c->speaker[s - 1]) && !side_known(&c->speaker[s]) && opens_quote(c, s) &&
		    ends_with_colon(c, s - 1))
			c->speaker[s] = c->speaker[s - 1];
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
	/* a sentence that is one whole quotation, nobody named at its close, after X's sentence: X's */
	for (s = 1; s < nsents; s++)
		if (side_known(&c->speaker[s - 1]) && !side_known(&c->speaker[s]) && opens_quote(c, s) &&
		    quote_balance(c, s) == 0 && closes_quote(c, s))
			c->speaker[s] = c->speaker[s - 1];
}

/* ---- events ---------------------------------------------------------------------------------- */

/* Words that open a condition, and how far back before a match one is looked for. */
static const char *const conditions[] = { "если", "бы", "if", "unless", NULL };
#define COND_REACH 12

/*
 * Is token t a "would" that reports a future ("Modi said India would continue to support
 * Bangladesh"): a verb of saying stands before it in its sentence? Such a "would" plans, it
 * does not hedge; a condition ("if") still makes the event hypothetical.
 */
static int reported_would(const ctx *c, size_t s, size_t t)
{
	static const char *const would[] = { "would", NULL };
	size_t k;

	if (!fold_in(c, t, would))
		return 0;
	for (k = c->sent_tok[s]; k < t; k++)
		if (fold_in(c, k, saying))
			return 1;
	return 0;
}

/*
 * What the words near a match say of its reality; the token `skip` (a
 * governing verb such as "refused") does not count. A threat or a warning
 * states its condition after its verb ("threatened to retaliate if", "warned
 * that it would respond"): there, from the token `threat` on, a condition is
 * what is threatened, and only one before makes the event hypothetical
 * (SIZE_MAX: no threat).
 */
static dyad_modality modality(const ctx *c, size_t s, const mres *r, size_t skip, size_t threat)
{
	size_t a = c->sent_tok[s], t, from = r->start > a + 4 ? r->start - 4 : a;
	size_t to = r->end + 2 < c->sent_tok[s + 1] ? r->end + 2 : c->sent_tok[s + 1];
	dyad_modality found = DYAD_MOD_DONE;
	size_t k;

	for (t = from; t < to; t++) {
		if (!c->keys[t].p || t == skip)
			continue;
		if (c->in->morph && lemma_future(&c->in->morph[t]) && found == DYAD_MOD_DONE)
			found = DYAD_MOD_PLANNED; /* "посетит", "будут": the future tense */
		for (k = 0; k < c->p->nmods; k++) {
			const mod_word *m = &c->p->mods[k];
			if (!el_matches(c, &m->w, t))
				continue;
			/*
			 * negation binds only just before the word it negates (the anchor);
			 * from the anchor on it is the construction's own word ("refused to
			 * extradite", "не признала"), which its pattern has coded for what it is
			 */
			if (m->mod == DYAD_MOD_NEGATED && !(t + 2 >= r->anchor && t < r->anchor))
				continue;
			/* a threat's own "would" and what follows it are what it threatens */
			if (m->mod == DYAD_MOD_HYPOTHETICAL && threat != SIZE_MAX && t >= threat)
				continue;
			if (m->mod == DYAD_MOD_HYPOTHETICAL && reported_would(c, s, t)) {
				if (found == DYAD_MOD_DONE)
					found = DYAD_MOD_PLANNED;
				continue;
			}
			if (m->mod > found || found == DYAD_MOD_DONE)
				found = m->mod;
		}
	}
	/*
	 * A condition governs its whole clause, however far back it opens: "если бы
	 * Беларусь именно в Астане стала членом", "if Moscow ever decided to send".
	 */
	if (found != DYAD_MOD_HYPOTHETICAL)
		for (t = threat < r->start ? threat : r->start; t > a && t + COND_REACH > r->start; t--) {
			const dyad_token *tk = &c->in->toks[t - 1];
			if (tk->kind == DYAD_TOK_PUNCT || tk->kind == DYAD_TOK_QUOTE || tk->kind == DYAD_TOK_DASH)
				break;
			if (fold_in(c, t - 1, conditions)) {
				found = DYAD_MOD_HYPOTHETICAL;
				break;
			}
		}
	return found;
}

/*
 * The token from which a pattern's conditions are what it threatens: its
 * verb at token v for a threat (13x) or a warning ("warn* + against",
 * "предупредил*"); SIZE_MAX for any other.
 */
static size_t threat_at(const pattern *pt, size_t v)
{
	static const char *const warn[] = { "warn", "предупред", NULL };
	const dyad_str k = pt->el[pt->anchor].key;
	const char *const *w;

	if (strncmp(pt->cameo, "13", 2) == 0)
		return v;
	for (w = warn; *w; w++)
		if (k.n >= strlen(*w) && memcmp(k.p, *w, strlen(*w)) == 0)
			return v;
	return SIZE_MAX;
}

/* The date a sentence states (resolved against the publication date), else the publication date; read once per sentence. */
static void event_date(ctx *c, size_t s, dyad_event *e)
{
	dyad_span sp = c->in->sents[s];
	dyad_date d[4];
	size_t n, i;

	if (c->dated_in != s) {
		c->dated_in = s;
		c->date = c->in->day;
		c->date_from_publication = 1;
		n = dyad_date_scan((dyad_str){ c->in->text.p + sp.start, sp.end - sp.start }, d, 4);
		for (i = 0; i < n; i++) {
			int32_t v;
			if (d[i].day < 0 && d[i].relative < 0)
				continue;
			if ((v = dyad_date_resolve(&d[i], c->in->day)) > 0) {
				c->date = v;
				c->date_from_publication = 0;
				break;
			}
		}
	}
	e->date = c->date;
	e->date_from_publication = c->date_from_publication;
}

static const char *event_location(const ctx *c, size_t s, dyad_event *e)
{
	if (c->loc_cand >= 0) {
		const dyad_mention *m = c->cands[c->loc_cand].side.mention;
		e->place = m->place;
		e->location_country = m->country;
		return m->name;
	}
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
 * Codes whose blocks of different modes are different actions: praise, thanks and
 * congratulations (05x); sending the other's envoy away and calling one's own home (166).
 */
static int modes_apart(const char *cameo)
{
	return strncmp(cameo, "05", 2) == 0 || strcmp(cameo, "166") == 0;
}

/*
 * The same party: the same actor, and the same person where both name one,
 * or the same office where both name an office and no person ("the deputy
 * foreign ministers" are not "the foreign ministers").
 */
static int same_party(const dyad_side *x, const dyad_side *y)
{
	const char *tx = x->mention && !x->person ? x->mention->title : NULL;
	const char *ty = y->mention && !y->person ? y->mention->title : NULL;

	return same_actor(x, y) && !(x->person && y->person && strcmp(x->person, y->person) != 0) &&
	       !(tx && ty && strcmp(tx, ty) != 0);
}

/*
 * Is o the same real-world action as x: the same code between the same
 * parties (either way for reciprocal actions), on the same day where both
 * sentences state one? The foreign ministers' talks and their deputies'
 * talks are two; a meeting told in the lead and again in the body is one.
 */
static int visit_made(const dyad_event *e);

static int same_action(const dyad_event *o, const dyad_event *x)
{
	/* praise and thanks are two actions under one code; elsewhere the code decides */
	if (strcmp(o->cameo, x->cameo) != 0 || (modes_apart(x->cameo) && !same_mode(o->mode, x->mode)))
		return 0;
	/* an announced visit and the talks announced for it are two (036 of either) */
	if (visit_made(o) != visit_made(x))
		return 0;
	if (!o->date_from_publication && !x->date_from_publication && o->date != x->date)
		return 0;
	return (same_party(&o->source, &x->source) && same_party(&o->target, &x->target)) ||
	       ((o->reciprocal || x->reciprocal || reciprocal_family(x->cameo)) && same_party(&o->source, &x->target) &&
		same_party(&o->target, &x->source));
}

/*
 * Verbs that take another event as their object: an appeal, a threat, a
 * refusal, a promise or offer, a demand, an accusation ("threatened to close the
 * border", "отказался признать", "обвинил в обстреле"). Their code wins over
 * the governed verb's.
 */
static int governing_code(const char *cameo)
{
	static const char *const roots[] = { "02", "03", "10", "11", "12", "13", NULL };
	const char *const *r;

	for (r = roots; *r; r++)
		if (strncmp(cameo, *r, 2) == 0)
			return 1;
	return 0;
}

#define GOVERN_GAP 3 /* words between a governing verb and the verb it governs ("threatened on Monday to close") */

/* Does a clause end between tokens [from, to)? A full stop, a semicolon, or a comma not followed by "что"/"that". */
static int clause_ends(const ctx *c, size_t from, size_t to)
{
	size_t t;

	for (t = from; t < to; t++) {
		const dyad_token *k = &c->in->toks[t];
		if (k->kind != DYAD_TOK_PUNCT)
			continue;
		if (strchr(".;!?", tok_str(c, t).p[0]))
			return 1;
		if (tok_str(c, t).p[0] == ',' && !(t + 1 < to && fold_in(c, t + 1, says_that)))
			return 1;
	}
	return 0;
}

/*
 * A governing pattern is one verb with its slots ("$ пригрозил* +", "$ accus*
 * +", "$ refus* to"): one with more words ("$ выразил* .. осуждени* +") says
 * what governs only when those words stand there too.
 */
static int one_verb(const pattern *pt)
{
	static const char *const marks[] = { "to", "of", "against", "в", "от", NULL };
	size_t e;

	for (e = 0; e < pt->nel; e++) {
		const pat_el *el = &pt->el[e];
		const char *const *m;
		int mark = 0;
		if (e == pt->anchor || (el->kind != EL_WORD && el->kind != EL_PREFIX))
			continue;
		for (m = marks; *m; m++)
			mark |= dyad_str_eq_c(el->key, *m);
		if (!mark)
			return 0;
	}
	return 1;
}

static int find_governing(void *arg, const pattern *pt)
{
	const pattern **out = arg;

	if (pt->use != PAT_EVENT || !governing_code(pt->cameo) || !one_verb(pt))
		return 0;
	*out = pt;
	return 1;
}

/* A one-verb pattern of a governing code anchored on the word at token t, or NULL. */
static const pattern *governing_at(const ctx *c, size_t t)
{
	const pattern *g = NULL;

	each_anchored(c, t, 0, find_governing, &g);
	return g;
}

/* Does token t mark a governed verb: an infinitive or "в"/"от" in Russian, "to"/"of" or "against" before a gerund in English? */
static int governed_mark(const ctx *c, size_t t)
{
	static const char *const ru_inf[] = { "ть", "ти", "чь", "ться", "тись", NULL };
	static const char *const marks[] = { "в", "во", "от", "to", "of", NULL };
	const char *const *e;

	if (!c->folds[t].p)
		return 0;
	if (fold_in(c, t, marks))
		return 1;
	/* "warned Kyiv against supplying": what is warned against */
	if (fold_is(c, t, "against") && t + 1 < c->in->ntoks && c->folds[t + 1].p && ends_with(c->folds[t + 1], "ing"))
		return 1;
	if (cyrillic(c->folds[t]) && c->folds[t].n >= 8)
		for (e = ru_inf; *e; e++)
			if (ends_with(c->folds[t], *e))
				return 1;
	return 0;
}

/*
 * Is token t an article before a noun of action that is the governed event's
 * anchor ("demanded the withdrawal of", "threatened a blockade of")? The
 * anchor must read as a noun where the morphology is present; English only
 * (Russian puts the noun straight after the verb, in its case).
 */
static int action_noun_after_article(const ctx *c, size_t t)
{
	static const char *const articles[] = { "the", "a", "an", NULL };

	if (!c->folds[t].p || !fold_in(c, t, articles))
		return 0;
	if (c->in->morph && c->in->morph[t + 1].an && c->in->morph[t + 1].best < c->in->morph[t + 1].n)
		return c->in->morph[t + 1].an[c->in->morph[t + 1].best].upos == DYAD_UPOS_NOUN;
	return 1;
}

/*
 * The verb that governs the event at r, when the event is its object: a
 * threaten/refuse/promise/demand/accuse verb at most GOVERN_GAP words before
 * the event's first word, in the same clause, with an infinitive, "в"/"от"
 * (Russian) or "to"/"of" (English) between ("пригрозил ввести санкции",
 * "обвинил в обстреле", "refused to extradite", "accused of shelling").
 * NULL when none; *at gets its token.
 */
static const pattern *governor(const ctx *c, size_t s, const pattern *pt, const mres *r, size_t *at)
{
	size_t a = c->sent_tok[s], v = r->anchor, t, lo;
	int mark = 0, chained = 0;

	if (v <= a || governing_code(pt->cameo))
		return NULL;
	lo = v > a + GOVERN_GAP + 2 ? v - GOVERN_GAP - 2 : a;
	mark = governed_mark(c, v);
	for (t = v; t-- > lo;) {
		const pattern *g;
		if (c->in->toks[t].kind == DYAD_TOK_PUNCT && clause_ends(c, t, t + 1))
			return NULL;
		if (mark && (g = governing_at(c, t)) != NULL) {
			*at = t;
			return g;
		}
		mark |= governed_mark(c, t) || (t + 1 == v && action_noun_after_article(c, t));
		/* a governed verb between governs in its turn: "urged Washington to stop arms sales to Taipei" */
		if (!chained && t + 1 < v && c->folds[t].p &&
		    (fold_is(c, t, "to") || (cyrillic(c->folds[t]) && c->folds[t].n >= 8 && governed_mark(c, t)))) {
			chained = 1;
			lo = t > a + GOVERN_GAP + 2 ? t - GOVERN_GAP - 2 : a;
		}
	}
	return NULL;
}

/*
 * A one-verb governing pattern whose "to" follows its verb ("$ offer* to",
 * "$ threaten* to") reads a control verb: "offered to mediate". When a
 * direct object stands between ("offered asylum to the family"), the "to"
 * marks the one given to, and the pattern does not hold. A time or place
 * said between ("threatened on Monday to close") does not part them.
 */
static int mark_parted(const ctx *c, const pattern *pt, const mres *r)
{
	static const char *const between[] = { "on",        "in",   "at",   "during",  "last",    "this",  "again",
					       "also",      "once", "not",  "never",   "earlier", "later", "today",
					       "yesterday", "now",  "then", "further", NULL };
	size_t t = r->anchor + 1;

	if (pt->anchor + 1 >= pt->nel || pt->el[pt->anchor + 1].kind != EL_WORD ||
	    !dyad_str_eq_c(pt->el[pt->anchor + 1].key, "to") || !governing_code(pt->cameo) || !one_verb(pt))
		return 0;
	if (t >= r->end || fold_is(c, t, "to") || !c->folds[t].p)
		return 0;
	if (fold_in(c, t, between) || ends_with(c->folds[t], "ly"))
		return 0;
	if (c->in->morph && c->in->morph[t].an && c->in->morph[t].best < c->in->morph[t].n) {
		dyad_upos u = c->in->morph[t].an[c->in->morph[t].best].upos;
		return u != DYAD_UPOS_ADV && u != DYAD_UPOS_ADP;
	}
	return 1;
}

/*
 * The code of an event verb governed by a verb of code `gov`: the governing
 * code, except that an intention (03x) keeps what is intended — to meet
 * (036), to cooperate (031, 032), to aid (033), to yield (034).
 */
static const char *governed_code(const char *gov, const char *cameo)
{
	static const char *const intent[][2] = { { "04", "036" }, { "05", "032" }, { "06", "031" },
						 { "07", "033" }, { "08", "034" }, { NULL, NULL } };
	size_t k;

	if (strncmp(gov, "03", 2) != 0)
		return gov;
	for (k = 0; intent[k][0]; k++)
		if (strncmp(cameo, intent[k][0], 2) == 0)
			return intent[k][1];
	return gov;
}

uint64_t dyad_event_key(const dyad_event *e)
{
	const char *x = e->source.country[0] ? e->source.country : e->source.igo ? e->source.igo : "";
	const char *y = e->target.country[0] ? e->target.country : e->target.igo ? e->target.igo : "";
	char key[128];
	int n;

	if (strcmp(x, y) > 0) {
		const char *t = x;
		x = y;
		y = t;
	}
	n = snprintf(key, sizeof key, "%s|%s|%s", e->cameo, x, y);
	return dyad_hash64(key, n > 0 ? (size_t)n : 0, DYAD_HASH_SEED);
}

/*
 * Add e to the document's events. A kept event that repeats an earlier
 * action (same_action) is set aside; the earlier ones are looked up in a
 * keymap by code and parties (dyad_event_key), so a document costs linear time.
 */
/*
 * A visit told as announced (036) and as made (042), either first ("прибудет во Вьетнам с
 * визитом … В рамках поездки во Вьетнам …"): one visit. The earliest kept visit of the other
 * code x repeats, or SIZE_MAX.
 */
static size_t visit_told_again(ctx *c, const dyad_event *x)
{
	dyad_event other = *x;
	size_t first = SIZE_MAX, at = 0, k;

	if (!visit_made(x))
		return SIZE_MAX;
	snprintf(other.cameo, sizeof other.cameo, "%s", strcmp(x->cameo, "042") == 0 ? "036" : "042");
	while (dyad_keymap_next(&c->ix.dedup, dyad_event_key(&other), &at, &k))
		if (k < first && !c->ev[k].why && visit_made(&c->ev[k]) && same_action(&c->ev[k], &other))
			first = k;
	return first;
}

static void push_event(ctx *c, const dyad_event *e)
{
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
	x = &c->ev[c->nev];
	*x = *e;
	if (!x->why) {
		/* one event per action per document: the earliest kept event it repeats */
		uint64_t h = dyad_event_key(x);
		size_t first = SIZE_MAX, at = 0, k;
		while (dyad_keymap_next(&c->ix.dedup, h, &at, &k))
			if (k < first && !c->ev[k].why && same_action(&c->ev[k], x))
				first = k;
		if (first == SIZE_MAX)
			first = visit_told_again(c, x);
		if (first != SIZE_MAX) {
			char why[64];
			snprintf(why, sizeof why, "repeats event %zu", first + 1);
			x->why = dyad_arena_strndup(c->a, why, strlen(why));
		} else {
			dyad_keymap_add(&c->ix.dedup, h, c->nev);
			if (x->source.mention || x->source.person) {
				/* who the text last told acting: what "он", "it", "they" point to next */
				c->last_subject = x->source;
				c->last_subject_in = x->sentence;
			}
		}
	}
	c->nev++;
}

int dyad_event_repeats(const dyad_event *earlier, const dyad_event *later)
{
	return same_action(earlier, later);
}

/*
 * The head of the noun phrase candidate k opens: a state's adjective
 * followed, a word or two on, by a person or office of that state ("his
 * Brazilian counterpart Michel Temer", "узбекский коллега Шавкат
 * Мирзиёев") stands for that person or office; else k itself.
 */
static int head_of(const ctx *c, int k)
{
	const cand *x = &c->cands[k], *y;

	if (!x->side.mention || x->side.mention->kind != DYAD_MENTION_COUNTRY || (size_t)k + 1 >= c->ncands)
		return k;
	y = &c->cands[k + 1];
	if (y->ts > x->te + 2 || !y->side.mention || !same_actor(&x->side, &y->side) ||
	    (y->side.mention->kind != DYAD_MENTION_PERSON && y->side.mention->kind != DYAD_MENTION_ROLE))
		return k;
	return k + 1;
}

/* ---- slot filling ---------------------------------------------------------------------------- */

/* The sides one slot holds: one, or a list ("France and Germany"). */
typedef struct {
	dyad_side s[LIST_MAX];
	int n;
} sides;

static void add_side(sides *l, const dyad_side *x, const char *how)
{
	if (l->n == LIST_MAX)
		return;
	l->s[l->n] = *x;
	l->s[l->n].how = how;
	l->n++;
}

/* Candidate k and the ones coordinated with it, in the direction `after`, as sides found `how`. */
static void add_list(ctx *c, sides *l, int k, int after, size_t s, const char *how)
{
	int ks[LIST_MAX + 1], n = 1, i;

	ks[0] = k;
	n += after ? coordinated_after(c, k, c->sent_tok[s + 1], ks + 1, LIST_MAX)
		   : coordinated_before(c, k, c->sent_tok[s], ks + 1, LIST_MAX);
	if (n > LIST_MAX) {
		n = LIST_MAX;
		how = "list (cut at 16)";
	}
	for (i = 0; i < n; i++) /* in text order */
		add_side(l, &c->cands[head_of(c, ks[after ? i : n - 1 - i])].side, how);
}

/* The short passive participle's endings: вызван, подписано, закрыты. */
static const char *const ru_passive[] = { "ан",  "ян",  "ен",  "ана", "яна", "ена", "ано", "яно", "ено",
					  "аны", "яны", "ены", "ыт",  "ыта", "ыто", "ыты", NULL };

static int ru_participle(dyad_str f)
{
	const char *const *e;

	if (f.n < 10) /* five letters at least: not "план", "стан" */
		return 0;
	for (e = ru_passive; *e; e++)
		if (ends_with(f, *e))
			return 1;
	return 0;
}

/*
 * Can the word at token j be read as a passive participle (VerbForm=Part,
 * not Voice=Act, with the features `also` too: Variant=Short for the Russian
 * short form)? 1 or 0 by its morphology; -1 when the morphology is absent or
 * has no reading of it. In English any reading counts ("summoned" is a past
 * tense and a participle; the auxiliary before decides); in Russian the one
 * chosen in context ("осуждаем" is a short participle only in "осуждаем
 * обществом", a verb in "мы осуждаем").
 */
static int participle(const ctx *c, size_t j, uint64_t also)
{
	const dyad_morph_word *w;
	size_t k, from, to;

	if (!c->in->morph)
		return -1;
	w = &c->in->morph[j];
	if (!w->an || w->n == 0 || w->best >= w->n)
		return -1;
	from = cyrillic(c->folds[j]) ? w->best : 0;
	to = cyrillic(c->folds[j]) ? w->best + 1 : w->n;
	for (k = from; k < to; k++)
		if ((w->an[k].feats & (DYAD_F_VF_PART | also)) == (DYAD_F_VF_PART | also) &&
		    !(w->an[k].feats & DYAD_F_VOICE_ACT))
			return 1;
	return 0;
}

/* Is the verb at token j passive: "was summoned", "has been shelled", "(был) вызван", "подписано"? */
static int passive_at(const ctx *c, size_t s, size_t j)
{
	static const char *const be[] = { "was", "were", "is", "are", "been", "being", "be", "get", "got", NULL };
	static const char *const adverbs[] = { "not", "also", "reportedly", "allegedly", "then", "later", NULL };
	dyad_str f = c->folds[j];
	size_t t, skipped = 0;

	if (!f.p)
		return 0;
	if (cyrillic(f))
		return participle(c, j, DYAD_F_VARIANT_SHORT) >= 0 ? participle(c, j, DYAD_F_VARIANT_SHORT)
								   : ru_participle(f);
	if (ends_with(f, "ing") || ends_with(f, "s") || participle(c, j, 0) == 0)
		return 0;
	for (t = j; t > c->sent_tok[s] && skipped <= 2; skipped++) {
		t--;
		if (!is_word(&c->in->toks[t]))
			return 0;
		if (fold_in(c, t, be))
			return 1;
		if (!(fold_in(c, t, adverbs) || ends_with(c->folds[t], "ly")))
			return 0;
	}
	return 0;
}

/* A pattern written for the passive already ("вызван* +:DIP", "$ was expelled by +") swaps nothing. */
static int pattern_passive(const pattern *pt)
{
	size_t e;

	for (e = 0; e < pt->nel; e++) {
		const pat_el *el = &pt->el[e];
		if (el->kind == EL_WORD &&
		    (dyad_str_eq_c(el->key, "by") || dyad_str_eq_c(el->key, "was") || dyad_str_eq_c(el->key, "were")))
			return 1;
		if (el->kind == EL_PREFIX && cyrillic(el->key) && ru_participle(el->key))
			return 1;
		/* a bare word as written ("вызван"), not its stem */
		if (el->kind == EL_WORD && el->lemma.n > 1 && cyrillic(el->key) &&
		    ru_participle((dyad_str){ el->lemma.p + 1, el->lemma.n - 1 }))
			return 1;
	}
	return 0;
}

/* Does candidate x stand at the level of parentheses and clauses of the verb at token v (or above it)? */
static int same_level(const ctx *c, const cand *x, size_t v)
{
	return c->level[x->ts] <= c->level[v];
}

/* The slots a verb's actors fill when its pattern leaves them open. */
typedef enum { SLOT_SUBJECT, SLOT_OBJECT, SLOT_AGENT } slot_role;

/* ---- case ------------------------------------------------------------------------------------- */

/* The readings of token t when the morphology analysed it as a Russian word, else NULL. */
static const dyad_morph_word *ru_word(const ctx *c, size_t t)
{
	const dyad_morph_word *w;

	if (!c->in->morph || !c->folds[t].p || !cyrillic(c->folds[t]))
		return NULL;
	w = &c->in->morph[t];
	return w->n ? w : NULL;
}

static const dyad_analysis *chosen(const dyad_morph_word *w)
{
	return &w->an[w->best < w->n ? w->best : 0];
}

/* A reading that can head an actor's noun phrase: a noun, a proper noun, a pronoun standing for one. */
static int nominal(const cand *x, const dyad_analysis *an)
{
	return an->upos == DYAD_UPOS_NOUN || an->upos == DYAD_UPOS_PROPN || (x->pronoun && an->upos == DYAD_UPOS_PRON);
}

/*
 * The head of candidate x: its first word read as a noun in context ("посол
 * Казахстана", "министр иностранных дел Китая"), else its first word that has
 * a noun reading; SIZE_MAX without morphology (unit tests without it,
 * English), where case decides nothing.
 */
static size_t head_token(const ctx *c, const cand *x)
{
	size_t t, i;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (t = x->ts; t < x->te; t++) {
			const dyad_morph_word *w = ru_word(c, t);
			if (!w)
				continue;
			if (pass == 0 && nominal(x, chosen(w)))
				return t;
			for (i = 0; pass == 1 && i < w->n; i++)
				if (nominal(x, &w->an[i]))
					return t;
		}
	return SIZE_MAX;
}

/*
 * Can the head of x stand in one of `cases` (DYAD_F_CASE_* bits), in the
 * number `num` (DYAD_F_NUM_SING or _PLUR; 0: any)? A reading without case or
 * number (an indeclinable "МИД", "США") stands in any. -1 when the
 * morphology says nothing (no head).
 */
/*
 * "осудило «израильскую агрессию»": an actor named by an adjective alone stands for the noun it
 * agrees with, the first noun at most two words after it ("агрессию", whose case is the phrase's).
 * SIZE_MAX when its words are not all adjectives or no noun follows.
 */
static size_t adjective_head(const ctx *c, const cand *x)
{
	size_t t, b = c->tok_sent[x->ts] + 1 < c->in->nsents + 1 ? c->sent_tok[c->tok_sent[x->ts] + 1] : x->te;

	for (t = x->ts; t < x->te; t++) {
		const dyad_morph_word *w = ru_word(c, t);
		if (!w || chosen(w)->upos != DYAD_UPOS_ADJ)
			return SIZE_MAX;
	}
	for (t = x->te; t < b && t < x->te + 3; t++) {
		const dyad_morph_word *w = ru_word(c, t);
		if (w && chosen(w)->upos == DYAD_UPOS_NOUN)
			return t;
		if (!is_word(&c->in->toks[t]) && c->in->toks[t].kind != DYAD_TOK_QUOTE)
			break;
	}
	return SIZE_MAX;
}

/*
 * A name's reading of the other gender than the person the lexicon knows it names: "Захарова" of
 * Мария Захарова is no genitive or accusative of "Захаров". Persons the lexicon lacks keep every
 * reading (their gender is only guessed from the form).
 */
static int other_gender_name(const cand *x, uint64_t f)
{
	const dyad_mention *m = x->side.mention;

	if (!m || m->kind != DYAD_MENTION_PERSON || m->entity == UINT32_MAX || !m->person ||
	    !(f & (DYAD_F_NAME_SUR | DYAD_F_NAME_GIVEN | DYAD_F_NAME_PATR)))
		return 0;
	return (m->gender == 'f' && (f & DYAD_F_GENDER_MASC)) || (m->gender == 'm' && (f & DYAD_F_GENDER_FEM));
}

static int head_can(const ctx *c, const cand *x, uint64_t cases, uint64_t num)
{
	size_t t = head_token(c, x), i;
	const dyad_morph_word *w;

	if (t == SIZE_MAX && !x->pronoun)
		t = adjective_head(c, x);
	if (t == SIZE_MAX)
		return -1;
	w = ru_word(c, t);
	for (i = 0; i < w->n; i++) {
		uint64_t f = w->an[i].feats;
		if (!nominal(x, &w->an[i]) || other_gender_name(x, f))
			continue;
		if ((f & DYAD_F_CASE_MASK) && !(f & cases))
			continue;
		if (num && (f & DYAD_F_NUM_MASK) && !(f & num))
			continue;
		return 1;
	}
	return 0;
}

/*
 * The predicate at token v as the morphology read it in context: its
 * features when it is a finite verb, a gerund or a short participle, else 0
 * (a noun of action: "визит", "переговоры"; a full participle; an
 * infinitive).
 */
static uint64_t predicate(const ctx *c, size_t v)
{
	const dyad_morph_word *w = ru_word(c, v);
	uint64_t f;

	if (!w || chosen(w)->upos != DYAD_UPOS_VERB)
		return 0;
	f = chosen(w)->feats;
	/* a full participle agrees with its noun in any case; an infinitive takes its subject from the word it
	   depends on ("решение, принятое молдавской стороной, объявить …") */
	if (!(f & (DYAD_F_VF_FIN | DYAD_F_VF_CONV)) && !((f & DYAD_F_VF_PART) && (f & DYAD_F_VARIANT_SHORT)))
		return 0;
	return f;
}

/*
 * The number the predicate with features f (predicate()) asks of its
 * subject: DYAD_F_NUM_SING or DYAD_F_NUM_PLUR for a finite verb or a short
 * participle, else 0 (a gerund, or no predicate).
 */
static uint64_t predicate_number(uint64_t f)
{
	uint64_t num = f & DYAD_F_NUM_MASK;

	if (!(f & (DYAD_F_VF_FIN | DYAD_F_VARIANT_SHORT)))
		return 0;
	return num == DYAD_F_NUM_SING || num == DYAD_F_NUM_PLUR ? num : 0;
}

/*
 * Is x, governed by no preposition, an instrumental and neither a
 * nominative nor an accusative ("Россией", "министром")? 0 without
 * morphology.
 */
static int instrumental(const ctx *c, const cand *x)
{
	return !x->after_prep && head_can(c, x, DYAD_F_CASE_INS, 0) > 0 &&
	       head_can(c, x, DYAD_F_CASE_NOM | DYAD_F_CASE_ACC, 0) == 0;
}

/*
 * Is x one of several that act together: coordinated with another ("Токаев и
 * Лукашенко"), or with "с" and an actor after it ("Токаев с Лукашенко
 * обсудили")? A plural verb then agrees with a singular.
 */
/* The candidate "с"/"со" joins to x right after it ("Токаев с Лукашенко"), or -1. */
static int with_s(const ctx *c, const cand *x)
{
	return x->te + 1 < c->sent_tok[c->tok_sent[x->ts] + 1] && prep_is(c, x->te, "с") ? cand_at(c, x->te + 1) : -1;
}

static int joined(const ctx *c, const cand *x)
{
	int k = (int)(x - c->cands), out[1];
	size_t s = c->tok_sent[x->ts];

	return coordinated_before(c, k, c->sent_tok[s], out, 1) > 0 ||
	       coordinated_after(c, k, c->sent_tok[s + 1], out, 1) > 0 || with_s(c, x) >= 0;
}

/* Can word w be read in one of `cases` as an adjective, determiner, noun or proper noun (or indeclinable)? */
static int word_can(const dyad_morph_word *w, uint64_t cases, int noun_only)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		dyad_upos u = w->an[i].upos;
		uint64_t f = w->an[i].feats;
		if (!(u == DYAD_UPOS_NOUN || u == DYAD_UPOS_PROPN ||
		      (!noun_only && (u == DYAD_UPOS_ADJ || u == DYAD_UPOS_DET || u == DYAD_UPOS_NUM))))
			continue;
		if (!(f & DYAD_F_CASE_MASK) || (f & cases))
			return 1;
	}
	return 0;
}

/*
 * Is x a genitive that belongs to the subject before it: "Подразделения
 * вооруженных сил Азербайджана открыли", "Сотрудники Пограничной службы КНБ
 * Казахстана задержали", "двое киргизских военных взяты" — the words before
 * it, back to a noun or numeral in the nominative (in the number `num` when not 0), all in the genitive? Looks at
 * most GEN_CHAIN words back.
 */
#define GEN_CHAIN 6
static int genitive_of_subject(const ctx *c, const cand *x, uint64_t num)
{
	size_t t;

	if (head_can(c, x, DYAD_F_CASE_GEN, 0) <= 0)
		return 0;
	for (t = x->ts; t > c->sent_tok[c->tok_sent[x->ts]] && t + GEN_CHAIN > x->ts;) {
		const dyad_morph_word *w = ru_word(c, --t);
		dyad_upos u = w ? chosen(w)->upos : DYAD_UPOS_X;
		size_t i;
		/* read in context as a noun or its attribute: not "и", "с" (a letter's name as a noun) */
		if (!(u == DYAD_UPOS_NOUN || u == DYAD_UPOS_PROPN || u == DYAD_UPOS_ADJ || u == DYAD_UPOS_DET ||
		      u == DYAD_UPOS_NUM))
			return 0;
		for (i = 0; i < w->n; i++) {
			uint64_t f = w->an[i].feats;
			if ((w->an[i].upos == DYAD_UPOS_NOUN || w->an[i].upos == DYAD_UPOS_PROPN ||
			     w->an[i].upos == DYAD_UPOS_NUM) &&
			    (f & DYAD_F_CASE_NOM) && !(num && (f & DYAD_F_NUM_MASK) && !(f & num)))
				return 1;
		}
		if (!word_can(w, DYAD_F_CASE_GEN, 0))
			return 0;
	}
	return 0;
}

/*
 * What case says of x filling `role` for the verb at v: 1 it fits, 0 it
 * cannot (a subject that is no nominative agreeing with its verb in number,
 * a passive agent that is neither an instrumental nor the office "в X" the
 * act took place in, an active verb's object that can only be a
 * nominative), -1 the morphology says nothing.
 */
static int case_fits(const ctx *c, const cand *x, slot_role role, size_t v)
{
	uint64_t f = predicate(c, v);

	if ((head_token(c, x) == SIZE_MAX && (x->pronoun || adjective_head(c, x) == SIZE_MAX)) || !f)
		return -1;
	if (role == SLOT_SUBJECT) {
		if (x->after_prep) /* the possessor "у X" */
			return -1;
		/* a plural verb: not a singular alone ("заявления МИД Британии, которые в иранском МИД сочли") */
		uint64_t num = predicate_number(f);
		if (head_can(c, x, DYAD_F_CASE_NOM, num == DYAD_F_NUM_SING ? num : 0) &&
		    !(num == DYAD_F_NUM_PLUR && head_can(c, x, DYAD_F_CASE_MASK, num) == 0 && !joined(c, x)))
			return 1;
		return genitive_of_subject(c, x, num);
	}
	if (role == SLOT_AGENT) {
		if (in_office(c, x))
			return 1;
		return head_can(c, x, DYAD_F_CASE_INS, 0);
	}
	/* the object of an active verb: any case but the nominative (a nominative after it is a subject) */
	if (f & (DYAD_F_VOICE_PASS | DYAD_F_VARIANT_SHORT))
		return -1;
	return head_can(c, x, DYAD_F_CASE_MASK & ~DYAD_F_CASE_NOM, 0);
}

/* Does candidate x stand where `role` can be, by position and the words around it (can_fill without case)? */
static int position_fits(const ctx *c, const cand *x, slot_role role, size_t v)
{
	if (x->location || !same_level(c, x, v))
		return 0;
	if (role == SLOT_SUBJECT)
		return !governed(c, x);
	return 1;
}

/*
 * Can candidate x fill `role` for the verb at token v? By position and the
 * words around it (the level of parentheses and clauses, a preposition
 * governing it — the possessor "у X" is a subject: "у X состоялись
 * переговоры" —, a place is never a party by itself here), then by the case
 * of its head where the morphology gave one (case_fits): a subject in the
 * nominative agreeing with its verb in number, a passive agent in the
 * instrumental ("был вызван министром") or the office "в X", an object in
 * any case but the nominative.
 */
static int can_fill(const ctx *c, const cand *x, slot_role role, size_t v)
{
	return position_fits(c, x, role, v) && case_fits(c, x, role, v) != 0;
}

/*
 * Did case pass over a nearer candidate for `role` among candidates [from,
 * to) — the side found is then "by case" in explain?
 */
static int case_passed_over(const ctx *c, size_t from, size_t to, slot_role role, size_t v)
{
	size_t k;

	for (k = from; k < to; k++)
		if (position_fits(c, &c->cands[k], role, v) && case_fits(c, &c->cands[k], role, v) == 0)
			return 1;
	return 0;
}

/* The number of candidates that end at or before token t (candidates come in text order). */
static size_t cands_ending_by(const ctx *c, size_t t)
{
	return cands_before(c, t + 1, 1);
}

/*
 * The subject: the nearest actor before the pattern that no preposition
 * governs ("у X состоялись переговоры": "у" names the possessor, who is the
 * subject), at the verb's level.
 */
/*
 * "Россия осудила действия США и потребовала …": an actor after a finite verb of its clause,
 * before the "и" that joins a second verb to it, is the first verb's object, not the second's
 * subject (the two share the subject before them). Russian, where the morphology read the verbs.
 */
static int object_of_conjoined(const ctx *c, size_t verb, size_t start, const cand *x)
{
	size_t t, a = c->sent_tok[c->tok_sent[verb]];
	int joined_verb = 0;

	if (!ru_word(c, verb) || x->te >= start)
		return 0;
	/* "и" and then a finite verb, between x and the pattern ("и потребовали прекратить") */
	for (t = x->te; t + 1 <= start && !joined_verb; t++) {
		const dyad_morph_word *w = t + 1 < c->sent_tok[c->tok_sent[verb] + 1] ? ru_word(c, t + 1) : NULL;
		joined_verb = fold_in(c, t, conjunctions) &&
			      (t + 1 == start ||
			       (w && chosen(w)->upos == DYAD_UPOS_VERB && (chosen(w)->feats & DYAD_F_VF_FIN)));
	}
	if (!joined_verb)
		return 0;
	for (t = x->ts; t > a && !clause_ends(c, t - 1, t); t--) {
		const dyad_morph_word *w = ru_word(c, t - 1);
		if (w && chosen(w)->upos == DYAD_UPOS_VERB && (chosen(w)->feats & DYAD_F_VF_FIN))
			return 1;
	}
	return 0;
}

/*
 * "Верховная рада Украины", "Генштаб ВС Украины": a state named right after an office or body of
 * that state which the recognizer kept apart is that office's attribute; the office is the
 * candidate (k - 1 for k), else k itself.
 */
static int office_before(const ctx *c, int k)
{
	const cand *x = &c->cands[k], *y;

	if (k == 0 || !x->side.mention || x->side.mention->kind != DYAD_MENTION_COUNTRY)
		return k;
	y = &c->cands[k - 1];
	if (y->te != x->ts || !y->side.mention || y->pronoun || !same_actor(&x->side, &y->side) || !y->side.role[0] ||
	    (y->side.mention->kind != DYAD_MENTION_ROLE && y->side.mention->kind != DYAD_MENTION_PERSON))
		return k;
	return k - 1;
}

static int subject_before(const ctx *c, const mres *r)
{
	size_t k;

	for (k = cands_ending_by(c, r->start); k > 0; k--) {
		const cand *x = &c->cands[k - 1];
		if (x->te <= r->start && !object_of_conjoined(c, r->anchor, r->start, x) &&
		    can_fill(c, x, SLOT_SUBJECT, r->anchor))
			return office_before(c, (int)(k - 1));
	}
	return -1;
}

/*
 * A pattern that ends in a preposition ("отозвать .. посла* в +") and left
 * its + open: is candidate x governed by another preposition after it ("в
 * знак протеста против решения Беларуси": "против", not "в", governs the
 * phrase Беларуси belongs to)? Read from the morphology's prepositions (0
 * without it).
 */
static int other_preposition(const ctx *c, const mres *r, const cand *x)
{
	size_t p = r->end - 1, t, h = head_token(c, x);
	const dyad_morph_word *w = r->end > 0 ? ru_word(c, p) : NULL;

	if (!w || chosen(w)->upos != DYAD_UPOS_ADP || h == SIZE_MAX)
		return 0;
	for (t = h; t-- > p + 1;) {
		const dyad_morph_word *u = ru_word(c, t);
		if (u && chosen(u)->upos == DYAD_UPOS_ADP)
			return 1;
	}
	return 0;
}

/* The object: the first actor after the pattern (anywhere in the sentence for `target other`) that is not the source's. */
static int object_after(const ctx *c, const mres *r, const dyad_side *src, int other)
{
	size_t k;

	for (k = other ? 0 : cands_ending_by(c, r->end); k < c->ncands; k++) {
		const cand *x = &c->cands[k];
		if (!other && (x->ts < r->end || !can_fill(c, x, SLOT_OBJECT, r->anchor) || other_preposition(c, r, x)))
			continue;
		if (same_actor(&x->side, src) && !(x->possessive && side_known(&x->other) && !same_actor(&x->other, src)))
			continue; /* its own side; "its" may stand for another (mend_possessive) */
		return (int)k;
	}
	return -1;
}

/*
 * The agent of a passive verb: the actor after "by" (English); in Russian
 * the first actor of the verb's clause after it that is not a place ("был
 * вызван в МИД Мали"), or an office before it that "в" governs ("В МИД РФ
 * были вызваны"); with morphology only an instrumental or such an office
 * (can_fill: never the nominative acted on); never one of the patients. -1
 * when the sentence names none.
 */
static int taken_by(const cand *x, const sides *patient)
{
	int i;

	for (i = 0; i < patient->n; i++)
		if (same_actor(&x->side, &patient->s[i]))
			return 1;
	return 0;
}

/*
 * The candidates after the verb at r->anchor in its clause, one per call:
 * `*k` starts at cands_ending_by(c, r->anchor) and `*t` at r->anchor + 1.
 * -1 at the clause's end.
 */
static int next_after_verb(const ctx *c, const mres *r, size_t *k, size_t *t)
{
	for (; *k < c->ncands; (*k)++) {
		const cand *x = &c->cands[*k];
		if (x->ts <= r->anchor)
			continue;
		if (clause_ends(c, *t, x->ts))
			return -1;
		*t = x->ts;
		return (int)(*k)++;
	}
	return -1;
}

static int passive_agent(const ctx *c, size_t s, const mres *r, const sides *patient)
{
	size_t k, first = cands_ending_by(c, r->anchor), t = r->anchor + 1, next = first;
	int ru = cyrillic(c->folds[r->anchor]), i;

	/* after the verb, in its clause */
	while ((i = next_after_verb(c, r, &next, &t)) >= 0) {
		const cand *x = &c->cands[i];
		if (taken_by(x, patient) || !can_fill(c, x, SLOT_AGENT, r->anchor))
			continue;
		if (ru ? x->ts <= r->end + 4
		       : (x->ts > c->sent_tok[s] && fold_is(c, phrase_head_before(c, x->ts, c->sent_tok[s]), "by")))
			return i;
	}
	/* "В МИД РФ были вызваны …": the office before the verb the act took place in */
	for (k = first; ru && k > 0; k--) {
		const cand *x = &c->cands[k - 1];
		if (clause_ends(c, x->te, r->anchor))
			break;
		if (!taken_by(x, patient) && can_fill(c, x, SLOT_AGENT, r->anchor) && in_office(c, x))
			return (int)(k - 1);
	}
	return -1;
}

/*
 * Does sentence s say its parties without naming them: "стороны",
 * "двусторонний", "двух стран", "the two sides", "both countries",
 * "bilateral"? Read once per sentence.
 */
static int implies_parties(ctx *c, size_t s)
{
	static const char *const two[] = { "two", "both", "двух", "обеих", "обе", "оба", "обоих", "двумя", NULL };
	static const char *const whom[] = { "sides",       "countries", "nations",      "states",
					    "governments", "leaders",   "стран",        "страны",
					    "сторон",      "стороны",   "государств",   "государства",
					    "лидеров",     "лидеры",    "правительств", NULL };
	size_t t;

	if (c->implied_in == s)
		return c->implied;
	c->implied_in = s;
	c->implied = 0;
	for (t = c->sent_tok[s]; t < c->sent_tok[s + 1] && !c->implied; t++) {
		dyad_str f = c->folds[t];
		if (!f.p)
			continue;
		if (dyad_str_starts_with(f, dyad_str_c("двусторонн")) || fold_is(c, t, "bilateral") ||
		    fold_is(c, t, "стороны") || fold_is(c, t, "сторонами"))
			c->implied = 1;
		if (t + 1 < c->sent_tok[s + 1] && fold_in(c, t, two) && fold_in(c, t + 1, whom))
			c->implied = 1;
	}
	return c->implied;
}

/*
 * A protest written without a target ("МИД Армении выразил решительный протест в связи с
 * обстрелом": CAMEO 14x, a pattern with no +), or a criticism whose block takes the target of
 * another state in its sentence and finds none ("Ереван считает эти действия провокацией": 11x,
 * `target other`), is aimed at the other party of the document's dyad when its source is one of
 * the two. (Other rejections and disapprovals are as often of what a third party said: "denied
 * that its aircraft had crossed the border".) Russian only, below.
 */
static int aimed_at_other_party(const ctx *c, const pattern *pt, const mres *r)
{
	size_t e;

	/* only where the morphology read the subject by its case and agreement: an English subject by
	   position may be the object of the clause before ("summoned the ambassador and handed him a
	   note of protest") */
	if (!ru_word(c, r->anchor))
		return 0;
	if (strncmp(pt->cameo, "14", 2) != 0 && !(strncmp(pt->cameo, "11", 2) == 0 && pt->target == TGT_OTHER))
		return 0;
	for (e = 0; e < pt->nel; e++)
		if (pt->el[e].kind == EL_TARGET || pt->el[e].kind == EL_PAIR)
			return 0;
	return pt->target == TGT_AFTER || pt->target == TGT_OTHER;
}

/* The party of the document's dyad (main_dyad) that is not x's side, when x is one of the two. */
static int other_party(ctx *c, const dyad_side *x, dyad_side *out)
{
	dyad_side a, b;

	if (!main_dyad(c, &a, &b))
		return 0;
	if (same_actor(x, &a))
		*out = b;
	else if (same_actor(x, &b))
		*out = a;
	else
		return 0;
	out->mention = NULL;
	out->person = NULL;
	out->how = "document party";
	return 1;
}

/* Does sentence s, whose candidates are in c->cands, name any actor that is not a place? Read once per sentence. */
static int names_actor(ctx *c, size_t s)
{
	size_t k;

	if (c->named_in == s)
		return c->named;
	c->named_in = s;
	c->named = 0;
	for (k = 0; k < c->ncands && !c->named; k++)
		c->named = !c->cands[k].location;
	return c->named;
}

/*
 * The parties of an event verb a governing verb at token g takes as its
 * object: the governing verb's subject acts ("X threatened to close …",
 * "X обвинил Y в обстреле"), on the actor between the two verbs when there
 * is one (Y), else on the event verb's target.
 */
static void governed_sides(ctx *c, size_t s, const mres *r, size_t g, sides *src, sides *tgt)
{
	mres at;
	size_t k;
	int i;

	memset(&at, 0, sizeof at);
	at.anchor = at.start = at.end = g;
	if (!(r->nsrc > 0 && c->cands[r->src[0]].te <= g) && (i = subject_before(c, &at)) >= 0) {
		src->n = 0;
		add_list(c, src, i, 0, s, "subject of the governing verb");
	}
	for (k = cands_ending_by(c, g); k < c->ncands && c->cands[k].te <= r->anchor; k++) {
		const cand *x = &c->cands[k];
		/* a place after a preposition is where; a capital as the object is its state ("urged Washington to") */
		if (x->ts <= g || (x->location && x->after_prep) || (src->n && same_actor(&x->side, &src->s[0])))
			continue;
		tgt->n = 0;
		add_list(c, tgt, (int)k, 1, s, "object of the governing verb");
		break;
	}
}

/*
 * A personal pronoun standing as the verb's subject that the recognizer
 * tied to nobody ("В Джакарте он провел переговоры"): it points to who the
 * text last told acting, when that was in this sentence or the one before.
 * Looks at most PRONOUN_REACH words back.
 */
#define PRONOUN_REACH 4

/* Does a word of `list` stand at most PRONOUN_REACH words before match r, with no punctuation between? */
static int pronoun_before(const ctx *c, size_t s, const mres *r, const char *const *list)
{
	size_t t, a = c->sent_tok[s];

	for (t = r->start; t > a && t + PRONOUN_REACH >= r->start;) {
		t--;
		if (c->in->toks[t].kind == DYAD_TOK_PUNCT)
			return 0;
		if (fold_in(c, t, list))
			return 1;
	}
	return 0;
}

static int pronoun_subject(const ctx *c, size_t s, const mres *r)
{
	static const char *const pronouns[] = { "он", "она", "они", "he", "she", "it", "they", NULL };

	if (!side_known(&c->last_subject) || c->last_subject_in + 1 < s || c->last_subject_in > s)
		return 0;
	return pronoun_before(c, s, r, pronouns);
}

/*
 * "его беседы с коллегой", "ее визит в Китай": a possessive right before a pattern that opens
 * with a noun of action (read so by the morphology) names who acts, the one the text last told
 * acting in this sentence or the one before. 0 without morphology: "его" before a verb is its
 * object ("его приняли").
 */
static int possessive_subject(const ctx *c, size_t s, const mres *r)
{
	static const char *const possessives[] = { "его", "ее", "её", "их", NULL };

	if (!side_known(&c->last_subject) || c->last_subject_in + 1 < s || c->last_subject_in > s ||
	    r->start != r->anchor || r->start <= c->sent_tok[s] || !fold_in(c, r->start - 1, possessives))
		return 0;
	return noun_at(c, r->anchor);
}

/*
 * "они", "they" just before the match, when the sentence before opens with a
 * coordination whose first part is an actor ("Ukraine and its Western allies
 * say …. They demand …"): that actor. (After an event kept there, the event's
 * subject or both its sides stand for "they": pronoun_subject, they_pair.)
 */
static int they_opened_before(const ctx *c, size_t s, const mres *r, dyad_side *out)
{
	static const char *const the[] = { "the", NULL };
	static const char *const and_[] = { "and", "и", NULL };
	size_t a = c->sent_tok[s], k;
	const dyad_mention *m;

	if (s == 0 || !pronoun_before(c, s, r, they))
		return 0;
	k = c->ix.sent_men[s - 1];
	if (k >= c->in->nmentions)
		return 0;
	m = &c->in->mentions[k];
	if (!m->code[0] || m->tok_start >= a ||
	    !(m->tok_start == c->sent_tok[s - 1] ||
	      (m->tok_start == c->sent_tok[s - 1] + 1 && fold_in(c, c->sent_tok[s - 1], the))) ||
	    m->tok_end >= a || !fold_in(c, m->tok_end, and_))
		return 0;
	side_of(out, m);
	return 1;
}

/*
 * "met his counterpart", "встретился с коллегой": a counterpart named
 * without a state, at most four words after the pattern in its clause, is
 * the other side of the source.
 */
static int names_counterpart(const ctx *c, size_t s, const mres *r)
{
	size_t t, b = c->sent_tok[s + 1];

	for (t = r->end; t < b && t < r->end + 4; t++) {
		if (c->in->toks[t].kind == DYAD_TOK_PUNCT && clause_ends(c, t, t + 1))
			return 0;
		if (fold_in(c, t, counterparts))
			return 1;
	}
	return 0;
}

/*
 * Slots of a passive verb. The one acted on (the target) is the subject
 * before the verb, or — Russian puts it after the verb as often ("был
 * вызван посол Молдавии") — the pattern's own + after it; the one acting
 * (the source) is the agent ("by Y", "в МИД Y"), else nobody: the document's
 * other party fills it later. A pattern written for the passive keeps its
 * own slots. Returns 1 when the slots were read as a passive.
 */
static int passive_roles(ctx *c, size_t s, const pattern *pt, const mres *r, sides *src, sides *tgt)
{
	int ru = cyrillic(c->folds[r->anchor]), aware = pattern_passive(pt), i, k;
	sides patient, agent;

	patient.n = agent.n = 0;
	if (ru && r->nsrc > 0 && c->cands[r->src[0]].ts > r->anchor &&
	    head_can(c, &c->cands[r->src[0]], DYAD_F_CASE_NOM, 0) > 0)
		/* "отозваны .. послы Турции в +": a $ the pattern writes after its verb, in the nominative, is
		   the passive's subject where the pattern wants it: the slots stand as written */
		return 0;
	if (aware) {
		/* its $ is written where the agent stands; a subject found by position is the one acted on */
		if (r->nsrc > 0)
			return 0;
		if (tgt->n == 0)
			*tgt = *src;
		src->n = 0;
		for (i = 0; i < tgt->n; i++)
			tgt->s[i].how = "passive subject";
	} else {
		for (i = 0; i < tgt->n; i++) {
			int by = !ru && r->ntgt > i && c->cands[r->tgt[i]].ts > c->sent_tok[s] &&
				 fold_is(c, phrase_head_before(c, c->cands[r->tgt[i]].ts, c->sent_tok[s]), "by");
			if (by)
				add_side(&agent, &tgt->s[i], "passive agent");
			else if (ru && r->ntgt > i && instrumental(c, &c->cands[r->tgt[i]]))
				/* "был атакован Россией": the instrumental acts */
				add_side(&agent, &tgt->s[i], "passive agent (by case)");
			else if (ru && r->ntgt > i)
				add_side(&patient, &tgt->s[i], "passive subject");
		}
		if (patient.n == 0)
			for (i = 0; i < src->n; i++)
				add_side(&patient, &src->s[i], "passive subject");
		*tgt = patient;
		*src = agent;
	}
	if (r->passive_open && r->open_role.n)
		for (i = 0; i < tgt->n; i++)
			if (!dyad_str_eq_c(r->open_role, tgt->s[i].role)) {
				/* the + asked for a role the one before the verb has not: nobody is acted on */
				tgt->n = 0;
				src->n = 0;
				return 1;
			}
	if (src->n == 0 && (k = passive_agent(c, s, r, tgt)) >= 0)
		add_side(src, &c->cands[k].side, "passive agent");
	return 1;
}

/*
 * A side read off a role word ("глава государства", "МИД") that came out
 * the same as the event's other side: the person named right after it (an
 * apposition), else the nearest actor of another country named before it
 * in the sentence.
 */
static int other_side(const ctx *c, size_t s, const dyad_side *wrong, const dyad_side *other, dyad_side *out)
{
	size_t k;

	(void)s;
	if (!wrong->mention)
		return 0;
	/* the name the role word stands in apposition to: "премьер-министром островного государства Джеймсом Марапе" */
	for (k = cands_ending_by(c, wrong->mention->tok_end); k < c->ncands; k++) {
		const cand *x = &c->cands[k];
		if (x->ts > wrong->mention->tok_end + 3)
			break;
		if (x->side.person && !x->pronoun && !same_actor(&x->side, other)) {
			*out = x->side;
			out->how = "coreference (the name after it)";
			return 1;
		}
	}
	for (k = cands_ending_by(c, wrong->mention->tok_start); k > 0; k--) {
		const cand *x = &c->cands[k - 1];
		if (x->location || x->pronoun || !side_known(&x->side) || same_actor(&x->side, other))
			continue;
		*out = x->side;
		out->how = "coreference (the other side)";
		return 1;
	}
	return 0;
}

/*
 * A state acting as a whole ("Russia recalled its ambassador", "Москва
 * осудила") acts through its government, or its armed forces when it
 * attacks, fights or shows force (CAMEO 15x, 18x-20x); material cooperation
 * (06x) stays the state's. Only the source, and the target of a reciprocal
 * action ("A and B signed"): a target "Kazakhstan" is otherwise the country
 * visited, traded with, attacked.
 */
static void acting_organ(dyad_side *src, const char *cameo)
{
	const char *role;

	if (src->role[0] || src->igo || strlen(src->code) != 3 || strncmp(cameo, "06", 2) == 0)
		return;
	role = strncmp(cameo, "15", 2) == 0 || strncmp(cameo, "18", 2) == 0 || strncmp(cameo, "19", 2) == 0 ||
			       strncmp(cameo, "20", 2) == 0
		       ? "MIL"
		       : "GOV";
	snprintf(src->role, sizeof src->role, "%s", role);
	snprintf(src->code + 3, sizeof src->code - 3, "%s", role);
}

/*
 * The sides of a meeting as the codebook writes them (docs/codebook.md): a visit, made or
 * hosted (the pattern's code `base` 042, 043, also when planned), goes to the host country as a
 * whole ("Abiy was welcomed by Ruto": ETH GOV -> KEN); talks, agreements and intents to cooperate
 * (030, 032, 036-039, 04x, 057) are between governments, so a state named bare on the other side ("dialogue
 * with Armenia", "talks brokered by China") is its government.
 */
static void meeting_roles(dyad_event *e, const char *base)
{
	dyad_side *host = strcmp(base, "042") == 0 ? &e->target : strcmp(base, "043") == 0 ? &e->source : NULL;

	if (host) {
		if (host->country[0] && !host->igo && host->role[0]) {
			snprintf(host->code, sizeof host->code, "%s", host->country);
			host->role[0] = '\0';
		}
	} else if ((strncmp(e->cameo, "03", 2) == 0 && e->cameo[2] && strchr("026789", e->cameo[2])) ||
		   strncmp(e->cameo, "04", 2) == 0 || strcmp(e->cameo, "057") == 0) {
		/* intents of material cooperation, aid, reform or yielding (031, 033-035) go to the state,
		   as 06x and 07x do */
		acting_organ(&e->target, e->cameo);
	}
}

/* ---- roles by the project's conventions (docs/codebook.md) ----------------------------------- */

/* A side as its state as a whole ("KAZ"): no role, no person. An organisation stays as it is. */
static void as_state(dyad_side *x)
{
	if (!x->country[0] || x->igo)
		return;
	snprintf(x->code, sizeof x->code, "%s", x->country);
	x->role[0] = '\0';
	x->person = NULL;
}

/* A side as its state's government or another of its organs ("KAZGOV"), no person. */
static void as_organ(dyad_side *x, const char *role)
{
	if (!x->country[0] || x->igo)
		return;
	snprintf(x->role, sizeof x->role, "%s", role);
	snprintf(x->code, sizeof x->code, "%s%s", x->country, role);
	x->person = NULL;
}

/* A visit made, or announced (036 of a visit block), not hosted: its target is the host country. */
static int visit_made(const dyad_event *e)
{
	size_t n = e->mode ? strlen(e->mode) : 0;

	if (strcmp(e->cameo, "042") == 0)
		return 1;
	return strcmp(e->cameo, "036") == 0 && n >= 5 && strcmp(e->mode + n - 5, "visit") == 0 &&
	       strstr(e->mode, "hosting") == NULL;
}

/* A state's adjective right before "коллега", "counterpart" ("с эфиопским коллегой"), or the state
   after "коллега из", "counterpart from": the office the other side holds, in that state. */
static int counterpart_of_state(const ctx *c, const dyad_side *x)
{
	static const char *const from[] = { "из", "from", NULL };
	const dyad_mention *m = x->mention;

	if (!m || m->kind != DYAD_MENTION_COUNTRY || m->role[0])
		return 0; /* a state named bare (meeting_roles may have given it its government since) */
	return (m->tok_end < c->in->ntoks && fold_in(c, m->tok_end, counterparts)) ||
	       (m->tok_start >= 2 && fold_in(c, m->tok_start - 1, from) && fold_in(c, m->tok_start - 2, counterparts));
}

/* Was side x named by its office or a person holding one ("глава МИД Египта"), not as a state? */
static int office_named(const dyad_side *x)
{
	return x->role[0] && (x->person || (x->mention && x->mention->role[0]));
}

/*
 * Does side x stand for one of the two sides of a pair named as such ("стороны", "the sides",
 * "both countries"), not by whoever spoke for them? The states as wholes are meant ("По итогам
 * переговоров стороны подписали": BLR, CHN).
 */
static int named_as_sides(const ctx *c, const dyad_side *x)
{
	static const char *const sides_words[] = { "стороны", "сторон", "sides", "parties", NULL };
	static const char *const with_own[] = { "с", "со", NULL };
	size_t lo = 0, hi = c->in->ntoks;

	if (x->mention || x->span.end <= x->span.start)
		return 0;
	while (lo < hi) { /* the token the side was read from */
		size_t mid = lo + (hi - lo) / 2;
		if (c->in->toks[mid].span.start < x->span.start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == c->in->ntoks || c->in->toks[lo].span.start != x->span.start)
		return 0;
	if (lo > 0 && (fold_in(c, lo - 1, with_own) || (lo > 1 && fold_in(c, lo - 2, with_own))))
		return 0; /* "со своей стороны", "с нашей стороны": "for its part" */
	return fold_in(c, lo, sides_words) || two_of(c, c->tok_sent[lo], lo);
}

/*
 * The roles of an event's sides where the sentence names the actor by something else than the
 * organ that acts (docs/patterns.md): "стороны" are the two states as wholes; a visit is made to
 * the host country as a whole ("прибыл во Вьетнам по приглашению То Лама": VNM); envoys recalled
 * or sent home (16x) are acted on — their government acts ("были отозваны послы Турции": TURGOV);
 * "с эфиопским коллегой" holds the office of the side named by its office. Called once the state
 * acting as a whole has its organ (acting_organ), so that it can undo that for "стороны".
 */
static void mend_roles(const ctx *c, dyad_event *e)
{
	if (named_as_sides(c, &e->source)) {
		as_state(&e->source);
		if (e->reciprocal) /* its other side came with it */
			as_state(&e->target);
	}
	if (visit_made(e))
		as_state(&e->target);
	if (strncmp(e->cameo, "16", 2) == 0 && strcmp(e->source.role, "DIP") == 0)
		as_organ(&e->source, "GOV");
	if (office_named(&e->source) && counterpart_of_state(c, &e->target))
		as_organ(&e->target, e->source.role);
	else if (office_named(&e->target) && counterpart_of_state(c, &e->source))
		as_organ(&e->source, e->target.role);
}

/* Note where event i's pattern (and the verb governing it) matched, for longest_match_wins. */
static void record_match(ctx *c, size_t i, const pattern *pt, const mres *r, const pattern *gov, size_t gov_at)
{
	struct ev_match *m;

	if (i >= c->capevm) {
		size_t cap = c->capevm ? c->capevm * 2 : 16;
		struct ev_match *grown;
		while (cap <= i)
			cap *= 2;
		grown = DYAD_ARENA_NEW(c->a, struct ev_match, cap);
		if (c->nevm)
			memcpy(grown, c->evm, c->nevm * sizeof *grown);
		c->evm = grown;
		c->capevm = cap;
	}
	while (c->nevm <= i)
		memset(&c->evm[c->nevm++], 0, sizeof *c->evm);
	m = &c->evm[i];
	m->anchor = gov ? gov_at : r->anchor;
	m->end = m->words_end = r->end;
	m->words = pattern_words(pt) + (gov ? pattern_words(gov) : 0);
	/* a slot that ends the pattern ("оказать помощь +"): its words end before its actor */
	if (pt->el[pt->nel - 1].kind == EL_TARGET && r->ntgt > 0 && c->cands[r->tgt[0]].ts > r->anchor)
		m->words_end = c->cands[r->tgt[0]].ts;
	else if (pt->el[pt->nel - 1].kind == EL_SOURCE && r->nsrc > 0 && c->cands[r->src[0]].ts > r->anchor)
		m->words_end = c->cands[r->src[0]].ts;
}

/* One event from a filled source and target, with the sentence's date, place and reality. */
static void emit(ctx *c, size_t s, const pattern *pt, const mres *r, const dyad_side *src, const dyad_side *tgt,
		 int reciprocal, const char *why, const pattern *gov, size_t gov_at)
{
	dyad_event e;

	memset(&e, 0, sizeof e);
	e.why = why;
	e.source = *src;
	e.target = *tgt;
	if (!e.why && same_actor(&e.source, &e.target)) {
		/* a role word the recognizer tied to the wrong person: the other side */
		int mended = (e.source.mention && e.source.mention->resolved &&
			      other_side(c, s, &e.source, &e.target, &e.source)) ||
			     (e.target.mention && e.target.mention->resolved &&
			      other_side(c, s, &e.target, &e.source, &e.target));
		if (!mended)
			e.why = "the same actor on both sides";
	}
	e.reciprocal = reciprocal;
	snprintf(e.cameo, sizeof e.cameo, "%s", pt->cameo);
	e.mode = pt->mode;
	e.rule = pt->rule;
	if (gov) {
		/* "threatened to close the border": a threat, not a closure */
		char rule[512];
		snprintf(e.cameo, sizeof e.cameo, "%s", governed_code(gov->cameo, pt->cameo));
		e.mode = gov->mode;
		snprintf(rule, sizeof rule, "%s, governing %s", gov->rule, pt->rule);
		e.rule = dyad_arena_strndup(c->a, rule, strlen(rule));
	}
	e.modality = modality(c, s, r, gov ? gov_at : SIZE_MAX, threat_at(gov ? gov : pt, gov ? gov_at : r->anchor));
	if (!e.why && e.modality == DYAD_MOD_NEGATED)
		e.why = "negated";
	if (!e.why && e.modality == DYAD_MOD_HYPOTHETICAL)
		e.why = "hypothetical";
	if (e.modality == DYAD_MOD_PLANNED && strncmp(e.cameo, "04", 2) == 0 && !gov) {
		/* an announced meeting or visit is CAMEO's intent to meet */
		snprintf(e.cameo, sizeof e.cameo, "036");
		if (pt->mode) {
			char mode[128];
			snprintf(mode, sizeof mode, "planned %s", pt->mode);
			e.mode = dyad_arena_strndup(c->a, mode, strlen(mode));
		}
	}
	if (!e.why) {
		acting_organ(&e.source, e.cameo);
		if (e.reciprocal) /* "A and B signed": both act */
			acting_organ(&e.target, e.cameo);
		meeting_roles(&e, pt->cameo);
		mend_roles(c, &e);
	}
	e.sentence = s;
	e.evidence = c->in->sents[s];
	event_date(c, s, &e);
	e.location = event_location(c, s, &e);
	push_event(c, &e);
	record_match(c, c->nev - 1, pt, r, gov, gov_at);
}

/*
 * "Токаев с Лукашенко обсудили": the subject ks before a plural verb joined
 * by "с" to an actor in the instrumental — that actor acts with it. -1 without morphology or when there is none.
 */
static int comitative(const ctx *c, const mres *r, int ks)
{
	const cand *x;
	int k;

	if (ks < 0 || predicate_number(predicate(c, r->anchor)) != DYAD_F_NUM_PLUR)
		return -1;
	x = &c->cands[ks];
	if (x->te + 1 >= r->anchor || (k = with_s(c, x)) < 0 || c->cands[k].te > r->anchor)
		return -1;
	if (c->cands[k].location || head_can(c, &c->cands[k], DYAD_F_CASE_INS, 0) <= 0 ||
	    same_actor(&x->side, &c->cands[k].side))
		return -1;
	return k;
}

/*
 * "Внезапно на него напали таджикские пограничники": an active verb with no
 * subject before it takes the first actor after it in its clause that can
 * only be a nominative agreeing with it (never one of the pattern's own
 * slots). -1 without morphology or when there is none.
 */
static int subject_after(const ctx *c, const mres *r)
{
	uint64_t f = predicate(c, r->anchor);
	size_t k = cands_ending_by(c, r->anchor), t = r->anchor + 1;
	int i, j;

	if (!(f & DYAD_F_VF_FIN) || (f & (DYAD_F_VOICE_PASS | DYAD_F_VARIANT_SHORT)))
		return -1;
	while ((j = next_after_verb(c, r, &k, &t)) >= 0) {
		const cand *x = &c->cands[j];
		for (i = 0; i < r->ntgt && r->tgt[i] != j; i++)
			;
		if (i < r->ntgt || x->location || x->pronoun || x->after_prep || !same_level(c, x, r->anchor))
			continue;
		if (head_can(c, x, DYAD_F_CASE_ACC, 0) == 0 && case_fits(c, x, SLOT_SUBJECT, r->anchor) > 0)
			return j;
	}
	return -1;
}

/*
 * "В иранском МИД сочли", "в Кремле заявили": a verb in the plural with no
 * nominative that can be its subject speaks of an office, the one "в X"
 * before it in its clause (not a place). -1 without morphology or when there
 * is none.
 */
static int impersonal_subject(const ctx *c, const mres *r)
{
	size_t k;

	if (predicate_number(predicate(c, r->anchor)) != DYAD_F_NUM_PLUR)
		return -1;
	for (k = cands_ending_by(c, r->start); k > 0; k--) {
		const cand *x = &c->cands[k - 1];
		if (clause_ends(c, x->te, r->anchor))
			break;
		if (position_fits(c, x, SLOT_SUBJECT, r->anchor) && case_fits(c, x, SLOT_SUBJECT, r->anchor) != 0)
			return -1; /* a subject after all (filtered out elsewhere) */
		if (!x->location && !x->pronoun && same_level(c, x, r->anchor) && in_office(c, x))
			return (int)(k - 1);
	}
	return -1;
}

/*
 * Word order by case: Russian puts the object first as freely as the subject
 * ("Минск посетит министр иностранных дел Китая"). An active verb at v whose
 * source ks before it can be an accusative, while its target kt after it can
 * only be a nominative agreeing with the verb, has them the other way round.
 */
static int case_order(const ctx *c, size_t v, int ks, int kt)
{
	uint64_t f = predicate(c, v);
	const cand *x, *y;

	if (ks < 0 || kt < 0 || !(f & DYAD_F_VF_FIN) || (f & (DYAD_F_VOICE_PASS | DYAD_F_VARIANT_SHORT)))
		return 0;
	x = &c->cands[ks];
	y = &c->cands[kt];
	if (x->te > v || y->ts <= v || x->after_prep || y->after_prep || x->pronoun || y->pronoun)
		return 0;
	return head_can(c, x, DYAD_F_CASE_ACC, 0) > 0 && head_can(c, y, DYAD_F_CASE_ACC, 0) == 0 &&
	       head_can(c, y, DYAD_F_CASE_NOM, predicate_number(f) == DYAD_F_NUM_SING ? DYAD_F_NUM_SING : 0) > 0;
}

/*
 * Does sentence s name an actor that is not of side x's state (a place
 * counts: "the drills near Taiwan")? Its candidates are in c->cands.
 */
static int names_another(const ctx *c, const dyad_side *x)
{
	size_t k;

	for (k = 0; k < c->ncands; k++)
		if (side_known(&c->cands[k].side) && !same_actor(&c->cands[k].side, x) &&
		    !(c->cands[k].pair && same_actor(&c->cands[k].other, x)))
			return 1;
	return 0;
}

/*
 * The target a hostile act implies when its sentence names none: "Moscow
 * said it would retaliate", "Tehran condemned the move", "China lodged a
 * strong protest" after the other side's act. For blame, refusal, threat,
 * protest, a show of force, cut relations and force (CAMEO 11x-16x,
 * 18x-20x; coercion, 17x, is as often at home: martial law, arrests) whose source is one side of the document's dyad
 * (main_dyad) and whose sentence names no actor of another state — then the other side is meant; any other actor named
 * makes the target a guess, and none is taken. Returns 1 and sets *out when it found one.
 */
/*
 * Force used (18x-20x) with no target, in a sentence that names actors of one other state only
 * ("Они не выполнили требование пограничного наряда Казахстана и открыли огонь"): that state.
 */
static int force_against_named(const ctx *c, const char *cameo, const dyad_side *src, dyad_side *out)
{
	const dyad_side *found = NULL;
	size_t k;

	if (!side_known(src) || !src->country[0] || strcmp(cameo, "18") < 0 || strcmp(cameo, "21") >= 0)
		return 0;
	for (k = 0; k < c->ncands; k++) {
		const cand *x = &c->cands[k];
		if (x->pair || !side_known(&x->side) || !x->side.country[0] || same_actor(&x->side, src))
			continue;
		if (found && !same_actor(found, &x->side))
			return 0;
		found = &x->side;
	}
	if (!found)
		return 0;
	*out = *found;
	return 1;
}

static int implied_target(ctx *c, size_t s, const char *cameo, const dyad_side *src, dyad_side *out)
{
	(void)s;
	if (!side_known(src) || strcmp(cameo, "10") < 0 || strcmp(cameo, "21") >= 0 || strncmp(cameo, "17", 2) == 0)
		return 0;
	if (names_another(c, src))
		return 0;
	return other_party(c, src, out);
}

/*
 * The event of a verb coordinated with an earlier one of its sentence ("Tokayev received
 * Lavrov and thanked him", "Turkey summoned the Swedish ambassador and demanded an
 * explanation", "expelled 45 Russian diplomats, accusing them of spying"): when "and" (and at
 * most one adverb: "also", "then") stands right before the match, or a comma before an English
 * participle in -ing that opens it, the last event of the sentence read off a verb before it, whose source is the
 * coordinated verb's subject (the nearest actor before would be the first verb's object) and
 * whose target it addresses when it names none. -1 when there is none.
 */
/* A Russian gerund as the morphology reads it in context: "осудил …, назвав Израиль …". */
static int ru_gerund(const ctx *c, size_t t)
{
	const dyad_morph_word *w = cyrillic(c->folds[t]) ? ru_word(c, t) : NULL;

	return w && (chosen(w)->feats & DYAD_F_VF_CONV) != 0;
}

static long coordinated_event(const ctx *c, size_t s, const mres *r)
{
	static const char *const adverbs[] = { "also", "then", "later", "subsequently", "further", NULL };
	size_t t = r->start, a = c->sent_tok[s], k;

	if (t > a && fold_in(c, t - 1, adverbs))
		t--;
	if (t <= a)
		return -1;
	/* "and demanded", or a participle after a comma: "expelled 45 diplomats, accusing them of spying" */
	if (!fold_in(c, t - 1, conjunctions) &&
	    !(t == r->anchor && c->in->toks[t - 1].kind == DYAD_TOK_PUNCT && tok_str(c, t - 1).p[0] == ',' &&
	      ((!cyrillic(c->folds[t]) && ends_with(c->folds[t], "ing")) || ru_gerund(c, t))))
		return -1;
	for (k = c->nev; k > 0 && c->ev[k - 1].sentence == s; k--) {
		const dyad_event *e = &c->ev[k - 1];
		if (k - 1 < c->nevm && c->evm[k - 1].anchor < t && side_known(&e->source) && e->source.how &&
		    strcmp(e->source.how, "document party") != 0)
			return (long)(k - 1);
	}
	return -1;
}

/*
 * Does an office the recognizer could tie to no state ("The Director General urged the Indian
 * side …", "the spokesman said") stand as the subject of match r: the nearest mention before
 * the match in its sentence, no preposition before it, a title or body with a role and no code,
 * at the verb's level? Its state is then the other side of the one the verb acts on.
 */
static int stateless_office_subject(const ctx *c, size_t s, const mres *r)
{
	const dyad_mention *m = NULL;
	size_t k;

	for (k = c->ix.sent_men[s]; k < c->in->nmentions && c->in->mentions[k].tok_end <= r->start; k++)
		m = &c->in->mentions[k];
	if (!m || m->sentence != s || m->kind != DYAD_MENTION_ROLE || m->code[0] || !m->role[0] || m->person)
		return 0;
	if (m->tok_start > c->sent_tok[s] && fold_in(c, m->tok_start - 1, preps))
		return 0;
	return c->level[m->tok_start] <= c->level[r->anchor] && !clause_ends(c, m->tok_end, r->start);
}

/*
 * A target read off "its"/"their" (object_pronoun) that came out as the source's own state
 * stands for the nearest actor before it of another state ("Azerbaijani forces shelled its
 * positions", said by Armenia).
 */
static void mend_possessive(const ctx *c, const sides *src, sides *tgt)
{
	size_t k;
	int i;

	for (i = 0; i < tgt->n && src->n > 0; i++) {
		if (tgt->s[i].mention || !same_actor(&tgt->s[i], &src->s[0]))
			continue;
		for (k = 0; k < c->ncands; k++) {
			const cand *x = &c->cands[k];
			if (!x->possessive || x->side.span.start != tgt->s[i].span.start)
				continue;
			if (side_known(&x->other) && !same_actor(&x->other, &src->s[0])) {
				tgt->s[i] = x->other;
				tgt->s[i].how = "coreference (its: another state before)";
			}
			break;
		}
	}
}

/*
 * "Belarus was hit with new sanctions by the European Union": a pattern's + (written without
 * "by") filled by an actor after "by" names who acts, not whom — the sentence's subject is the
 * one acted on. Swaps the one source and the one target; returns 1 when it did.
 */
static int by_agent_target(const ctx *c, size_t s, const pattern *pt, const mres *r, sides *src, sides *tgt)
{
	const cand *x;
	dyad_side t;

	if (r->ntgt != 1 || tgt->n != 1 || src->n != 1 || r->nsrc > 0 || pattern_passive(pt))
		return 0;
	x = &c->cands[r->tgt[0]];
	if (cyrillic(c->folds[x->ts]) || x->ts <= c->sent_tok[s] ||
	    !fold_is(c, phrase_head_before(c, x->ts, c->sent_tok[s]), "by"))
		return 0;
	t = tgt->s[0];
	tgt->s[0] = src->s[0];
	src->s[0] = t;
	src->s[0].how = "passive agent";
	tgt->s[0].how = "passive subject";
	return 1;
}

/*
 * Fill the slots of one match: the pattern's own $ and + first; else the
 * subject before the verb, the speaker, the object after it, the speaker's
 * counterpart; a passive verb swaps them ("X was summoned by Y": Y acts on
 * X); a sentence that implies its parties ("стороны", "the two countries",
 * a passive without agent, a meeting with nobody named) takes the
 * document's. Lists give one event per member. Where the morphology read
 * the words, case decides too (can_fill); a side it chose says "by case".
 */
/*
 * The source the clause analysis of sentence s (clause.c) gives the pattern
 * matched at r: the actor the subject holds ("Минск посетил министр
 * иностранных дел Китая": the nominative that agrees) of the clause whose
 * predicate the pattern's words begin at (not "In a separate development,
 * Riyadh and Tehran pledged", nor a noun after the verb: "freed six American
 * detainees after a visit by a U.S. envoy" has other parties). An active
 * clause only: the passive's agent is passive_roles' to find, and
 * coordinated_event reads a predicate coordinated with the one before. -1
 * when the clause has none, or it is a place, both sides ("лидеров двух
 * стран"), at another level, or the pattern's own target; *how says how it
 * was found, *list_after whether a list it heads goes on after it.
 */
static int clause_source(ctx *c, size_t s, const mres *r, const char **how, int *list_after)
{
	size_t i, m0 = c->ix.sent_men[s];
	int k, j;

	if (passive_at(c, s, r->anchor)) /* the coder reads its word as a passive: passive_roles decides */
		return -1;
	if (c->clauses_in != s) {
		dyad_clauses_find(c->a, c->in->text, c->in->toks, c->in->morph, c->sent_tok[s], c->sent_tok[s + 1],
				  c->in->mentions + m0, c->ix.sent_men[s + 1] - m0, &c->clauses);
		c->clauses_in = s;
	}
	for (i = 0; i < c->clauses.n; i++) {
		const dyad_clause *cl = &c->clauses.cl[i];
		const dyad_clause_arg *x;
		if (r->start < cl->pred || r->start >= cl->pred_end)
			continue;
		/* a predicate coordinated with the one before: coordinated_event gives its subject and object; a
		   Russian subject only where case leaves no other */
		if (cl->passive || cl->shared_subject || !(x = dyad_clause_actor(cl, how)) ||
		    (cyrillic(c->folds[cl->head]) && x == &cl->subject && !x->unique))
			return -1;
		k = cand_at(c, c->in->mentions[m0 + (size_t)x->mention].tok_start);
		/* "переговоры лидеров двух стран": both sides are the pair's to give */
		if (k < 0 || c->cands[k].location || c->cands[k].pair || !same_level(c, &c->cands[k], r->anchor))
			return -1;
		for (j = 0; j < r->ntgt; j++)
			if (r->tgt[j] == k)
				return -1;
		/* a list ("Germany and France condemned") is read on from its first actor */
		*list_after = x->coordinated || c->cands[k].ts > r->anchor;
		return k;
	}
	return -1;
}

static void on_event(ctx *c, size_t s, const pattern *pt, const mres *r)
{
	const dyad_side *spk = &c->speaker[s];
	sides src, tgt;
	dyad_side none;
	int reciprocal = r->pair, passive = 0, i, j, k, subject_list = 0, ks = -1, kt = -1;
	long coord = -1; /* the event of a verb coordinated before this one (coordinated_event) */
	dyad_side plural;
	const char *why = NULL;
	const pattern *gov;
	size_t gov_at = 0;

	if (pt->use != PAT_EVENT || mark_parted(c, pt, r))
		return;
	memset(&none, 0, sizeof none);
	src.n = tgt.n = 0;
	if (r->implied_only) {
		/* no actor where the pattern asks: only the parties the sentence implies (below) */
	} else if (r->pair_src >= 0 && r->ntgt == 0) {
		/* "стороны договорились": the two sides, one reciprocal event */
		add_side(&src, &c->cands[r->pair_src].side, "both sides");
		add_side(&tgt, &c->cands[r->pair_src].other, "both sides");
		reciprocal = 1;
	} else {
		/* the source */
		for (i = 0; i < r->nsrc; i++)
			add_side(&src, &c->cands[head_of(c, r->src[i])].side,
				 (r->cut & SOFT_SOURCE) ? "slot (list cut at 16)" : "slot");
		if (r->nsrc == 1)
			ks = r->src[0];
		if (src.n == 0 && pt->source == SRC_SPEAKER) {
			/* "X is a reliable partner": only a speaker makes it someone's praise */
			if (side_known(spk))
				add_side(&src, spk, "speaker");
		} else if (src.n == 0) {
			const char *how;
			int after;
			if ((k = clause_source(c, s, r, &how, &after)) >= 0) {
				ks = k;
				add_list(c, &src, k, after, s, how);
				subject_list = src.n > 1;
			} else if ((coord = coordinated_event(c, s, r)) >= 0) {
				add_side(&src, &c->ev[coord].source, "subject of the verb coordinated before");
			} else if ((k = subject_before(c, r)) >= 0) {
				ks = k;
				add_list(c, &src, k, 0, s,
					 case_passed_over(c, (size_t)k + 1, cands_ending_by(c, r->start), SLOT_SUBJECT,
							  r->anchor)
						 ? "subject (by case)"
						 : "subject");
				subject_list = src.n > 1;
			} else if ((k = subject_after(c, r)) >= 0) {
				ks = k;
				add_list(c, &src, k, 1, s, "subject after the verb (by case)");
			} else if ((k = impersonal_subject(c, r)) >= 0) {
				ks = k;
				add_side(&src, &c->cands[k].side,
					 "subject (\"в X\" of a verb without nominative, by case)");
			} else if (pronoun_subject(c, s, r)) {
				add_side(&src, &c->last_subject, "coreference (the subject before)");
			} else if (possessive_subject(c, s, r)) {
				add_side(&src, &c->last_subject, "coreference (the possessive)");
			} else if (they_opened_before(c, s, r, &plural)) {
				add_side(&src, &plural, "coreference (the plural subject before)");
			} else if (side_known(spk) && !(r->soft & SOFT_SOURCE)) {
				add_side(&src, spk, "speaker");
			}
		}
		/* the target */
		for (i = 0; i < r->ntgt; i++)
			add_side(&tgt, compound_part(c, head_of(c, r->tgt[i]), src.n ? &src.s[0] : NULL),
				 (r->cut & SOFT_TARGET) ? "slot (list cut at 16)" : "slot");
		if (r->ntgt == 1)
			kt = r->tgt[0];
		if (tgt.n == 0 && r->nsrc > 1) {
			/* "X и Y обсудили": one reciprocal event */
			add_side(&tgt, &src.s[1], "slot");
			src.n = 1;
			reciprocal = 1;
		} else if (tgt.n == 0 && src.n == 1 && (k = comitative(c, r, ks)) >= 0) {
			/* "Токаев с Лукашенко обсудили": one reciprocal event */
			add_side(&tgt, &c->cands[head_of(c, k)].side, "counterpart (\"с\" and an instrumental, by case)");
			reciprocal = 1;
		} else if (tgt.n == 0 && src.n && pt->target == TGT_SUBJECT) {
			/* "sent troops at the request of X": X asks the subject of the clause */
			if ((k = subject_before(c, r)) >= 0 && !same_actor(&c->cands[k].side, &src.s[0]))
				add_list(c, &tgt, k, 0, s, "subject of the clause");
		} else if (tgt.n == 0 && src.n && pt->target == TGT_COUNTERPART && !(r->soft & SOFT_TARGET)) {
			dyad_side o;
			if (counterpart(c, &src.s[0], &o))
				add_side(&tgt, &o, "counterpart");
		} else if (tgt.n == 0 && src.n) {
			if ((k = object_after(c, r, &src.s[0], pt->target == TGT_OTHER)) >= 0) {
				kt = k;
				add_list(c, &tgt, k, 1, s, "object");
			} else if (names_counterpart(c, s, r)) {
				dyad_side o;
				if (counterpart(c, &src.s[0], &o))
					add_side(&tgt, &o, "counterpart (the word)");
			} else if (side_known(spk) && same_actor(&src.s[0], spk) && !(r->soft & SOFT_TARGET)) {
				dyad_side o;
				if (hostile_code(pt->cameo) ? adversary(c, &src.s[0], &o) : counterpart(c, &src.s[0], &o))
					add_side(&tgt, &o, "counterpart");
			}
			if (tgt.n == 0 && subject_list && src.n == 2) {
				/* "Токаев и Лукашенко встретились": one reciprocal event */
				add_side(&tgt, &src.s[1], "subject");
				src.n = 1;
				reciprocal = 1;
			}
		}
		mend_possessive(c, &src, &tgt);
		/* "Минск посетит министр": the object first, the subject after the verb */
		if (!reciprocal && src.n == 1 && tgt.n == 1 && case_order(c, r->anchor, ks, kt)) {
			dyad_side x = src.s[0];
			src.s[0] = tgt.s[0];
			tgt.s[0] = x;
			src.s[0].how = "subject (by case)";
			tgt.s[0].how = "object (by case)";
		}
		/* the passive: who the sentence says acts is the one acted on */
		if (!reciprocal && passive_at(c, s, r->anchor))
			passive = passive_roles(c, s, pt, r, &src, &tgt);
		else if (!reciprocal && by_agent_target(c, s, pt, r, &src, &tgt))
			passive = 1;
	}
	/* a verb governing this one: its subject and object are the event's */
	if ((gov = governor(c, s, pt, r, &gov_at)) != NULL) {
		governed_sides(c, s, r, gov_at, &src, &tgt);
		if (passive_at(c, s, gov_at) && src.n > 0 && tgt.n > 0) {
			/* "Iran was accused by Israel of supplying drones": the governing verb's agent acts */
			sides x = src;
			src = tgt;
			tgt = x;
		}
	}
	/* parties the sentence implies and does not name */
	if ((src.n == 0 || tgt.n == 0) && !r->soft) {
		int implied = passive || implies_parties(c, s);
		dyad_side o, p;
		if (src.n == 0 && tgt.n == 0 && reciprocal_family(pt->cameo) && (implied || !names_actor(c, s)) &&
		    main_dyad(c, &o, &p)) {
			add_side(&src, &o, "document party");
			add_side(&tgt, &p, "document party");
			reciprocal = 1;
		} else if (src.n == 0 && tgt.n > 0 && implied && other_party(c, &tgt.s[0], &o)) {
			add_side(&src, &o, "document party");
		} else if (tgt.n == 0 && src.n > 0 && (implied || aimed_at_other_party(c, pt, r)) &&
			   other_party(c, &src.s[0], &o)) {
			add_side(&tgt, &o, "document party");
		}
	}
	if (src.n == 0 && tgt.n > 0 && !passive && stateless_office_subject(c, s, r)) {
		dyad_side o;
		if (other_party(c, &tgt.s[0], &o))
			add_side(&src, &o, "document party (an office of the other side)");
	}
	if (tgt.n == 0 && coord >= 0 && side_known(&c->ev[coord].target) && !same_actor(&c->ev[coord].target, &src.s[0]))
		add_side(&tgt, &c->ev[coord].target, "object of the verb coordinated before");
	if (tgt.n == 0 && src.n > 0) {
		dyad_side o;
		if (implied_target(c, s, gov ? governed_code(gov->cameo, pt->cameo) : pt->cameo, &src.s[0], &o))
			add_side(&tgt, &o, "document party (the other side)");
		else if (!gov && !r->soft && force_against_named(c, pt->cameo, &src.s[0], &o))
			add_side(&tgt, &o, "the one other state the sentence names");
	}
	if (src.n == 0)
		why = pt->source == SRC_SPEAKER ? "no speaker" : "no source";
	else if (tgt.n == 0)
		why = "no target";
	for (i = 0; i < (src.n ? src.n : 1); i++)
		for (j = 0; j < (tgt.n ? tgt.n : 1); j++)
			emit(c, s, pt, r, src.n ? &src.s[i] : &none, tgt.n ? &tgt.s[j] : &none, reciprocal, why, gov,
			     gov_at);
}

static void on_nonevent(ctx *c, size_t s, const pattern *pt, const mres *r)
{
	size_t k;

	(void)pt;
	(void)r;
	/* events already read from the sentence of a non-event phrase are set aside; they are the last
	   ones pushed */
	for (k = c->nev; k > 0 && c->ev[k - 1].sentence == s; k--) {
		dyad_event *e = &c->ev[k - 1];
		if (!e->why && e->rule)
			e->why = "a phrase that is not an event (greetings passed on, habits)";
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

/*
 * 1 when codes a and b are of one root, an announced meeting (036) counting
 * both with the intentions and with the meetings it announces.
 */
static int same_root(const char *a, const char *b)
{
	int ra = (a[0] - '0') * 10 + (a[1] - '0'), rb = (b[0] - '0') * 10 + (b[1] - '0');

	if (strcmp(a, "036") == 0)
		return rb == 3 || rb == 4;
	if (strcmp(b, "036") == 0)
		return ra == 3 || ra == 4;
	return ra == rb;
}

/*
 * 1 when code a says more than b: a subcode ("0253") over its root's general
 * code ("020"), a meeting announced (036) over the meeting ("agreed to hold talks").
 */
static int more_specific(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (strcmp(a, "036") == 0 || strcmp(b, "036") == 0)
		return strcmp(a, "036") == 0 && strcmp(b, "036") != 0;
	return na != nb ? na > nb : (a[2] != '0' && b[2] == '0');
}

/* Are o and x between the same two actors (either way when one of them is reciprocal)? */
static int same_sides(const dyad_event *o, const dyad_event *x)
{
	return (same_actor(&o->source, &x->source) && same_actor(&o->target, &x->target)) ||
	       ((o->reciprocal || x->reciprocal || reciprocal_family(x->cameo)) && same_actor(&o->source, &x->target) &&
		same_actor(&o->target, &x->source));
}

/* Does event o still code its action: kept, or set aside as a repeat of one kept? */
static int codes_action(const dyad_event *o)
{
	return !o->why || strncmp(o->why, "repeats ", 8) == 0;
}

/*
 * In sentence events [first, nev): the longest match wins across roots. An
 * event whose pattern's verb stands inside the match of a longer pattern on
 * the same actors is that pattern's part ("$+ agreed" inside "agree to
 * implement"); an event whose target is only the counterpart of its source
 * gives way to one of its root whose target the sentence names.
 */
static void longest_match_wins(ctx *c, size_t first)
{
	size_t i, k;

	for (i = first; i < c->nev && i < c->nevm; i++) {
		dyad_event *x = &c->ev[i];
		const struct ev_match *mx = &c->evm[i];
		for (k = first; k < c->nev && k < c->nevm && !x->why; k++) {
			const dyad_event *o = &c->ev[k];
			const struct ev_match *mo = &c->evm[k];
			char why[80];
			if (k == i || !codes_action(o) || !mo->words || !mx->words)
				continue;
			if (mo->words > mx->words && mx->anchor >= mo->anchor && mx->words_end <= mo->end &&
			    ((!same_root(o->cameo, x->cameo) && same_sides(o, x)) ||
			     (same_root(o->cameo, x->cameo) && !same_actor(&o->source, &x->source) &&
			      !same_sides(o, x) && o->source.how && strncmp(o->source.how, "slot", 4) == 0)))
				/* inside a longer match of another root between the same sides; or two readings
				   of the same words ("в турецком МИД сочли вмешательством": "в $ счесть" and "$
				   счесть"): the one that reads more of them, with its source in its own slot,
				   says who acts */
				snprintf(why, sizeof why, "inside the longer match of event %zu", k + 1);
			else if (same_root(o->cameo, x->cameo) && x->target.how && o->target.how &&
				 strncmp(x->target.how, "counterpart", 11) == 0 &&
				 strncmp(o->target.how, "counterpart", 11) != 0 && o->target.code[0] &&
				 same_actor(&o->source, &x->source) && !same_actor(&o->target, &x->target))
				snprintf(why, sizeof why, "event %zu names the target", k + 1);
			else
				continue;
			x->why = dyad_arena_strndup(c->a, why, strlen(why));
		}
	}
}

/*
 * Is `cameo` a visit made or hosted (042, 043)? A visit and the talks held during it are two
 * actions told in one sentence ("Blinken travelled to Beijing, where he met Wang Yi").
 */
static int visit_code(const char *cameo)
{
	return strcmp(cameo, "042") == 0 || strcmp(cameo, "043") == 0;
}

/* Do o and x, read from one sentence, state one action: one root, the same two actors? */
static int one_clause_action(const dyad_event *o, const dyad_event *x)
{
	if (!same_root(o->cameo, x->cameo))
		return 0;
	/* praise, thanks and congratulations are apart (05x with different modes) */
	if (modes_apart(x->cameo) && !same_mode(o->mode, x->mode))
		return 0;
	/* a visit and the talks held during it are two ("встретился с X, прибывшим с визитом") */
	if (visit_code(o->cameo) != visit_code(x->cameo))
		return 0;
	return same_sides(o, x);
}

/*
 * Once sentence s is read: statements (01x) are set aside, dyad does not code
 * them; two patterns of one root between the same actors ("called on Baku to
 * release": an appeal, 020, and an appeal for a release, 0253) are one
 * action, and the more specific code stays.
 */
static void settle_sentence(ctx *c, size_t s)
{
	size_t first = c->nev, i, k;

	while (first > 0 && c->ev[first - 1].sentence == s)
		first--;
	for (i = first; i < c->nev; i++)
		if (!c->ev[i].why && strncmp(c->ev[i].cameo, "01", 2) == 0)
			c->ev[i].why = "a statement (CAMEO 01x), which is not coded as an event";
	for (i = first; i < c->nev; i++) {
		dyad_event *x = &c->ev[i];
		for (k = first; k < c->nev && !x->why; k++) {
			const dyad_event *o = &c->ev[k];
			if (k == i || o->why || !one_clause_action(o, x))
				continue;
			if (more_specific(o->cameo, x->cameo) || (k < i && !more_specific(x->cameo, o->cameo))) {
				char why[64];
				snprintf(why, sizeof why, "repeats event %zu", k + 1);
				x->why = dyad_arena_strndup(c->a, why, strlen(why));
			}
		}
	}
	longest_match_wins(c, first);
}

size_t dyad_code_doc(const dyad_patterns *p, dyad_stemmer *st, dyad_arena *a, const dyad_code_input *in, int all,
		     dyad_event **out, size_t *nall)
{
	ctx c;
	size_t i, s, kept = 0;

	memset(&c, 0, sizeof c);
	c.p = p;
	c.st = st;
	c.a = a;
	c.in = in;
	c.all = all;
	c.dyad_ev = SIZE_MAX;
	c.implied_in = c.named_in = c.dated_in = c.pair_in = c.clauses_in = SIZE_MAX;
	c.last_subject_in = SIZE_MAX;
	c.keys = DYAD_ARENA_NEW(a, dyad_str, in->ntoks + 1);
	c.folds = DYAD_ARENA_NEW(a, dyad_str, in->ntoks + 1);
	c.lems = DYAD_ARENA_NEW(a, tok_lemmas, in->ntoks + 1);
	c.tok_sent = DYAD_ARENA_NEW(a, size_t, in->ntoks + 1);
	c.sent_tok = DYAD_ARENA_NEW(a, size_t, in->nsents + 1);
	c.speaker = DYAD_ARENA_NEW(a, dyad_side, in->nsents + 1);
	c.level = DYAD_ARENA_NEW(a, unsigned char, in->ntoks + 1);
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
			if (in->morph)
				lemma_token(a, &c.scratch, &in->morph[i], &c.lems[i]);
		}
	}
	while (s < in->nsents)
		c.sent_tok[++s] = in->ntoks;
	index_mentions(&c);
	find_parties(&c);
	find_speakers(&c);
	for (s = 0; s < in->nsents; s++) {
		c.cur_sent = s;
		sentence_cands(&c, s);
		clause_levels(&c, s);
		each_match(&c, s, PAT_EVENT, on_event);
		settle_sentence(&c, s);
		if (c.nev &&
		    c.ev[c.nev - 1].sentence == s) /* a non-event sets aside the sentence's events: are there any? */
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
