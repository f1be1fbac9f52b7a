/*
 * clause.c — the clauses of one sentence: each predicate (a finite verb, a
 * short participle, "был вызван", "has been shelled"), its voice, its subject
 * (in Russian the nominative that agrees with it, wherever it stands) and its
 * other phrases with their roles by case and preposition, each with the
 * actor mention it holds. Reads the tokens, the readings chosen in context
 * (src/morph) and the actors found; the coder takes an event's source from it
 * and `dyad explain` shows it. One pass after another over the sentence:
 * time is linear in its length.
 */
#include "internal.h"

#include <string.h>

/* What the analysis knows of one token of the sentence. */
typedef struct {
	const dyad_morph_word *w; /* its readings, or NULL */
	dyad_upos upos;           /* the chosen reading's */
	uint64_t feats;
	dyad_str lemma;      /* the chosen reading's lemma, else the token as written */
	unsigned cyr : 1;    /* a Cyrillic word */
	unsigned word : 1;   /* a word token */
	unsigned cap : 1;    /* begins with a capital */
	unsigned aside : 1;  /* in parentheses or a participial or gerund phrase set off by commas */
	unsigned pred : 1;   /* part of a predicate */
	unsigned brk : 1;    /* a clause begins here */
	unsigned shared : 1; /* ... with the subject of the clause before ("и требует") */
	unsigned name : 1;   /* a capitalised word of a person's name the dictionary reads as no name ("Токаев" as
				"токай"): its case is unknown */
	char punct;          /* ',', ';', ':', '(', ')', '-', '"' or 0 */
} tinfo;

typedef struct {
	const dyad_token *toks;
	dyad_str text;
	const dyad_morph_word *morph;
	const dyad_mention *men;
	size_t nmen, ts, m;
	tinfo *t;
	size_t *seg; /* per token: the segment it belongs to (relative clauses are segments of their own) */
	size_t cur;  /* the segment whose phrases find_phrases reads */
} sent;

/* ---- words ----------------------------------------------------------------------------------------- */

static int lemma_is(const sent *s, size_t i, const char *w)
{
	return dyad_str_eq_c(s->t[i].lemma, w);
}

static int lemma_in(const sent *s, size_t i, const char *const *list)
{
	for (; *list; list++)
		if (lemma_is(s, i, *list))
			return 1;
	return 0;
}

/* The token as written, lower case for ASCII and the Russian capitals (for words without a reading). */
static dyad_str lower(dyad_arena *a, dyad_str w)
{
	char *p = dyad_arena_alloc(a, w.n + 1);
	size_t i;

	for (i = 0; i < w.n; i++) {
		unsigned char b = (unsigned char)w.p[i];
		p[i] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
		if (b == 0xD0 && i + 1 < w.n) {
			unsigned char c = (unsigned char)w.p[i + 1];
			if (c >= 0x90 && c <= 0x9F) { /* А..П */
				p[i] = (char)0xD0;
				p[++i] = (char)(c + 0x20);
			} else if (c >= 0xA0 && c <= 0xAF) { /* Р..Я */
				p[i] = (char)0xD1;
				p[++i] = (char)(c - 0x20);
			}
		}
	}
	p[w.n] = 0;
	return (dyad_str){ p, w.n };
}

/* Has a reading of w a name's features (given name, surname, patronymic)? */
static int read_as_name(const dyad_morph_word *w)
{
	size_t k;

	for (k = 0; w && k < w->n; k++)
		if (w->an[k].feats & (DYAD_F_NAME_GIVEN | DYAD_F_NAME_SUR | DYAD_F_NAME_PATR))
			return 1;
	return 0;
}

static void read_tokens(dyad_arena *a, sent *s)
{
	size_t i, j;

	for (i = 0; i < s->m; i++) {
		const dyad_token *k = &s->toks[s->ts + i];
		dyad_str w = { s->text.p + k->span.start, k->span.end - k->span.start };
		tinfo *t = &s->t[i];
		memset(t, 0, sizeof *t);
		t->word = k->kind == DYAD_TOK_WORD;
		t->cyr = w.n >= 2 && ((unsigned char)w.p[0] == 0xD0 || (unsigned char)w.p[0] == 0xD1);
		t->cap = w.n > 0 && ((w.p[0] >= 'A' && w.p[0] <= 'Z') ||
				     ((unsigned char)w.p[0] == 0xD0 && w.n > 1 && (unsigned char)w.p[1] >= 0x81 &&
				      (unsigned char)w.p[1] <= 0xAF));
		t->w = s->morph && s->morph[s->ts + i].n ? &s->morph[s->ts + i] : NULL;
		if (t->w) {
			const dyad_analysis *an = &t->w->an[t->w->best < t->w->n ? t->w->best : 0];
			t->upos = an->upos;
			t->feats = an->feats;
			t->lemma = an->lemma;
		} else {
			t->lemma = lower(a, w);
		}
		if (k->kind == DYAD_TOK_PUNCT && w.n == 1 && strchr(",;:()!?", w.p[0]))
			t->punct = w.p[0] == '!' || w.p[0] == '?' ? ';' : w.p[0];
		else if (k->kind == DYAD_TOK_DASH)
			t->punct = '-';
		else if (k->kind == DYAD_TOK_QUOTE)
			t->punct = '"';
	}
	for (j = 0; j < s->nmen; j++)
		for (i = s->men[j].tok_start; s->men[j].kind == DYAD_MENTION_PERSON && i < s->men[j].tok_end; i++)
			if (i >= s->ts && i < s->ts + s->m && s->t[i - s->ts].cap && s->t[i - s->ts].cyr &&
			    !read_as_name(s->t[i - s->ts].w))
				s->t[i - s->ts].name = 1;
}

/* ---- predicates ------------------------------------------------------------------------------------ */

static const char *const en_aux[] = { "be",  "have",  "do",  "will",  "would", "shall", "should",
				      "can", "could", "may", "might", "must",  "get",   NULL };
static const char *const en_adverbs[] = { "not",     "also",    "reportedly", "allegedly", "then", "later",
					  "already", "still",   "never",      "again",     "now",  "n't",
					  "just",    "further", "formally",   NULL };
static const char *const en_det[] = { "the", "a",   "an", "this", "that", "these", "those", "its",  "their", "his",
				      "her", "our", "my", "your", "no",   "any",   "some",  "each", "every", NULL };

static int en_adverb(const sent *s, size_t i)
{
	dyad_str l = s->t[i].lemma;
	return lemma_in(s, i, en_adverbs) || (l.n > 4 && memcmp(l.p + l.n - 2, "ly", 2) == 0) ||
	       s->t[i].upos == DYAD_UPOS_ADV;
}

static int nominal_upos(dyad_upos u)
{
	return u == DYAD_UPOS_NOUN || u == DYAD_UPOS_PROPN || u == DYAD_UPOS_PRON;
}

/* Any reading of token i of part of speech u (with the features `f` when not 0)? */
static int can_be(const sent *s, size_t i, dyad_upos u, uint64_t f)
{
	const dyad_morph_word *w = s->t[i].w;
	size_t k;

	for (k = 0; w && k < w->n; k++)
		if (w->an[k].upos == u && (w->an[k].feats & f) == f)
			return 1;
	return 0;
}

/* A Russian predicate word: a finite verb, a short participle or a short adjective ("готов", "намерен"). */
static int ru_pred(const tinfo *t)
{
	if (t->upos == DYAD_UPOS_VERB)
		return (t->feats & DYAD_F_VF_FIN) || ((t->feats & DYAD_F_VF_PART) && (t->feats & DYAD_F_VARIANT_SHORT));
	return t->upos == DYAD_UPOS_ADJ && (t->feats & DYAD_F_VARIANT_SHORT);
}

/* An English word that can be a past participle ("summoned", "shelled", "hit"). */
static int en_participle(const sent *s, size_t i)
{
	dyad_str l = { s->text.p + s->toks[s->ts + i].span.start,
		       s->toks[s->ts + i].span.end - s->toks[s->ts + i].span.start };
	return can_be(s, i, DYAD_UPOS_VERB, DYAD_F_VF_PART) ||
	       (l.n > 3 && (memcmp(l.p + l.n - 2, "ed", 2) == 0 || memcmp(l.p + l.n - 2, "en", 2) == 0));
}

/*
 * Can English word i begin a verb group: not after "to", nor after an article
 * or adjective when it can be a noun, not capitalised inside the sentence.
 */
static int en_verb_start(const sent *s, size_t i)
{
	const tinfo *t = &s->t[i];

	if (!t->word || t->cyr || (t->cap && i > 0))
		return 0;
	/* "the talks", "new sanctions": after an article or adjective a word that can be a noun is one */
	if (i > 0 && (lemma_is(s, i - 1, "to") || ((lemma_in(s, i - 1, en_det) || s->t[i - 1].upos == DYAD_UPOS_ADJ) &&
						   can_be(s, i, DYAD_UPOS_NOUN, 0))))
		return 0;
	if (t->upos == DYAD_UPOS_AUX || lemma_in(s, i, en_aux))
		return t->upos == DYAD_UPOS_AUX || t->upos == DYAD_UPOS_VERB || t->upos == DYAD_UPOS_X;
	if (t->upos == DYAD_UPOS_VERB && (t->feats & (DYAD_F_VF_FIN | DYAD_F_VF_INF | DYAD_F_VF_PART | DYAD_F_VF_GER)))
		return (t->feats & DYAD_F_VF_FIN) && !(t->feats & DYAD_F_VF_GER);
	/* a bare form that cannot be a noun, after its subject: "our practical affairs improve" */
	if (t->upos == DYAD_UPOS_VERB)
		return i > 0 && nominal_upos(s->t[i - 1].upos) && !can_be(s, i, DYAD_UPOS_NOUN, 0);
	/* "the military said", "…," said Lavrov: a word read first as an adjective that can be a finite verb,
	   after a noun or a comma */
	return t->upos == DYAD_UPOS_ADJ && can_be(s, i, DYAD_UPOS_VERB, DYAD_F_VF_FIN) && i > 0 &&
	       (nominal_upos(s->t[i - 1].upos) || s->t[i - 1].punct == ',' || s->t[i - 1].punct == '"');
}

typedef struct {
	size_t pred, end, head, agree; /* sentence-relative */
	int passive;
} pgroup;

/*
 * The predicates of the sentence, in order, into g (at most s->m): each
 * token of one marked pred. Russian: a predicate word, "быть" before a short
 * participle joined to it ("был вызван"), an infinitive right after taken in
 * ("намерен посетить", "будет поддерживать"). English: auxiliaries and
 * adverbs up to the main verb ("has not been shelled"), passive when a form
 * of "be" or "get" comes right before a participle, "to" and a verb taken in.
 */
static size_t find_predicates(sent *s, pgroup *g)
{
	size_t i, n = 0, j;

	for (i = 0; i < s->m; i++) {
		tinfo *t = &s->t[i];
		pgroup p;
		if (t->aside || !t->word)
			continue;
		if (t->cyr && ru_pred(t)) {
			p.pred = p.head = p.agree = i;
			p.end = i + 1;
			p.passive = t->upos == DYAD_UPOS_VERB && (t->feats & DYAD_F_VOICE_PASS);
			/* "был вызван", "будет подписано" */
			for (j = i + 1; lemma_is(s, i, "быть") && j < s->m && j < i + 3 && s->t[j].word; j++)
				if (ru_pred(&s->t[j]) && (s->t[j].feats & DYAD_F_VARIANT_SHORT)) {
					p.head = p.agree = j;
					p.end = j + 1;
					p.passive = (s->t[j].feats & DYAD_F_VOICE_PASS) != 0;
					break;
				}
			/* an infinitive it governs */
			for (j = p.end; j < s->m && j < p.end + 2 && s->t[j].word && s->t[j].cyr; j++)
				if (s->t[j].upos == DYAD_UPOS_VERB && (s->t[j].feats & DYAD_F_VF_INF)) {
					p.head = j;
					p.end = j + 1;
					break;
				} else if (s->t[j].upos != DYAD_UPOS_ADV && s->t[j].upos != DYAD_UPOS_PART) {
					break;
				}
		} else if (!t->cyr && en_verb_start(s, i)) {
			int be = 0;
			p.pred = p.head = p.agree = i;
			p.passive = 0;
			for (j = i; j < s->m && s->t[j].word && !s->t[j].cyr; j++) {
				if (j > i && en_adverb(s, j))
					continue;
				if (j > i &&
				    !(lemma_in(s, j, en_aux) || can_be(s, j, DYAD_UPOS_VERB, 0) || en_participle(s, j)))
					break;
				p.head = j;
				if (j > i && be && en_participle(s, j))
					p.passive = 1;
				be = lemma_is(s, j, "be") || lemma_is(s, j, "get");
				if (!lemma_in(s, j, en_aux))
					break;
			}
			p.end = p.head + 1;
			/* "agreed to meet" */
			if (p.end + 1 < s->m && lemma_is(s, p.end, "to") && can_be(s, p.end + 1, DYAD_UPOS_VERB, 0) &&
			    !s->t[p.end + 1].cap)
				p.end += 2;
		} else {
			continue;
		}
		for (j = p.pred; j < p.end; j++)
			s->t[j].pred = 1;
		g[n++] = p;
		i = p.end - 1;
	}
	return n;
}

/* ---- where clauses begin ---------------------------------------------------------------------------- */

static const char *const subordinators[] = { "что",       "чтобы", "который", "где",  "когда", "если",
					     "поскольку", "хотя",  "пока",    "that", "which", "who",
					     "whom",      "whose", "where",   "when", "while", "because",
					     "although",  "if",    "whereas", NULL };
/* Verbs that report what was said before them ("…, сообщили в МИД", "…, заявил министр"). */
static const char *const ru_speech[] = { "сообщить", "сообщать",   "заявить",     "заявлять",   "сказать",  "говорить",
					 "отметить", "отмечать",   "подчеркнуть", "добавить",   "передать", "пояснить",
					 "уточнить", "рассказать", "указать",     "говориться", "считать",  NULL };
static const char *const conjunctions[] = { "и", "а", "но", "однако", "and", "but", NULL };

/*
 * Parentheses are set aside; so is a Russian gerund or full participle's
 * phrase that a comma opens ("…, прибывший в Москву, …", "Выступая на
 * форуме, …") up to the next comma.
 */
static void mark_aside(sent *s)
{
	size_t i, depth = 0;
	int phrase = 0;

	for (i = 0; i < s->m; i++) {
		tinfo *t = &s->t[i];
		if (t->punct == '(')
			depth++;
		if (depth)
			t->aside = 1;
		if (t->punct == ')' && depth)
			depth--;
		if (t->punct == ',' || t->punct == ';' || t->punct == ':')
			phrase = 0;
		if (t->cyr && t->upos == DYAD_UPOS_VERB &&
		    ((t->feats & DYAD_F_VF_CONV) || ((t->feats & DYAD_F_VF_PART) && !(t->feats & DYAD_F_VARIANT_SHORT))) &&
		    ((i == 0 && (t->feats & DYAD_F_VF_CONV)) || (i > 0 && s->t[i - 1].punct == ',')))
			phrase = 1;
		if (phrase)
			t->aside = 1;
	}
}

/*
 * Where clauses begin: after ";", ":", a dash, "?" and "!"; at a comma before
 * a subordinating word or a conjunction, at a subordinating word, and at a
 * conjunction or (Russian) a comma right before a predicate, which may then
 * share the subject before.
 */
static void mark_breaks(sent *s)
{
	size_t i, j;

	for (i = 1; i < s->m; i++) {
		tinfo *t = &s->t[i], *p = &s->t[i - 1];
		if (p->punct == ';' || p->punct == ':' || p->punct == '-' || (t->word && lemma_in(s, i, subordinators)))
			t->brk = 1;
		else if (t->word && lemma_in(s, i, conjunctions)) {
			if (p->punct == ',')
				t->brk = 1;
			for (j = i + 1; j < s->m && j < i + 3 && s->t[j].word && !s->t[j].pred; j++)
				if (!(s->t[j].upos == DYAD_UPOS_ADV || s->t[j].upos == DYAD_UPOS_PART))
					break;
			if (j < s->m && s->t[j].pred && (j == i + 1 || s->t[j - 1].word)) {
				t->brk = 1;
				t->shared = 1;
			}
		} else if (p->punct == ',' && t->cyr) {
			/* "осудила переворот, не признала власть": a predicate right after a comma, unless it
			   reports what came before ("…, сообщили в МИД") */
			for (j = i; j < s->m && j < i + 2 && s->t[j].word && !s->t[j].pred; j++)
				if (!(s->t[j].upos == DYAD_UPOS_ADV || s->t[j].upos == DYAD_UPOS_PART))
					break;
			if (j < s->m && s->t[j].pred && s->t[j].cyr && (j == i || s->t[j - 1].word) &&
			    !lemma_in(s, j, ru_speech)) {
				t->brk = 1;
				t->shared = 1;
			}
		}
	}
}

/* ---- phrases --------------------------------------------------------------------------------------- */

typedef struct {
	dyad_clause_arg a;
	int before; /* stands before its clause's predicate */
	int used;   /* taken as the subject */
} phrase;

static const char *const en_preps[] = { "of",     "in",        "on",      "at",      "by",      "with",   "to",
					"from",   "for",       "against", "about",   "into",    "over",   "after",
					"before", "during",    "between", "among",   "under",   "near",   "amid",
					"across", "through",   "toward",  "towards", "without", "within", "despite",
					"since",  "including", "upon",    "outside", "inside",  NULL };
static const char *const en_time[] = { "monday",  "tuesday", "wednesday", "thursday", "friday", "saturday",  "sunday",
				       "week",    "month",   "year",      "day",      "today",  "yesterday", "morning",
				       "evening", "night",   "weekend",   "time",     NULL };

/* Can token i belong to a noun phrase? */
static int np_word(const sent *s, size_t i)
{
	const tinfo *t = &s->t[i];

	if (!t->word || t->pred)
		return 0;
	if (t->cyr) {
		if (lemma_in(s, i, conjunctions) || lemma_in(s, i, subordinators))
			return 0;
		return nominal_upos(t->upos) || t->upos == DYAD_UPOS_ADJ || t->upos == DYAD_UPOS_DET ||
		       t->upos == DYAD_UPOS_NUM || (t->upos == DYAD_UPOS_VERB && (t->feats & DYAD_F_VF_PART)) ||
		       (t->upos == DYAD_UPOS_X && t->cap);
	}
	if (lemma_in(s, i, en_preps) || lemma_in(s, i, conjunctions) || lemma_in(s, i, subordinators))
		return 0;
	/* "the presidential press service", "the state visit": a word that can be a noun and is no predicate;
	   "the most important": an adverb between an article or adjective and an adjective */
	if (can_be(s, i, DYAD_UPOS_NOUN, 0) ||
	    (t->upos == DYAD_UPOS_ADV && i > 0 && i + 1 < s->m && s->t[i + 1].upos == DYAD_UPOS_ADJ &&
	     (lemma_in(s, i - 1, en_det) || s->t[i - 1].upos == DYAD_UPOS_ADJ)))
		return 1;
	return nominal_upos(t->upos) || t->upos == DYAD_UPOS_ADJ || t->upos == DYAD_UPOS_DET ||
	       t->upos == DYAD_UPOS_NUM || t->cap || lemma_in(s, i, en_det) ||
	       (t->upos == DYAD_UPOS_VERB && (t->feats & (DYAD_F_VF_GER | DYAD_F_VF_PART)) && i + 1 < s->m &&
		s->t[i + 1].word && nominal_upos(s->t[i + 1].upos));
}

static int is_prep(const sent *s, size_t i)
{
	const tinfo *t = &s->t[i];
	if (!t->word)
		return 0;
	if (t->cyr)
		return t->upos == DYAD_UPOS_ADP;
	return lemma_in(s, i, en_preps);
}

/* The cases the nominal readings of token i allow (all of them when a reading has none: "МИД", "США"). */
static uint64_t cases_of(const sent *s, size_t i, int chosen_only)
{
	const tinfo *t = &s->t[i];
	uint64_t c = 0;
	size_t k;

	if (!t->w)
		return 0;
	if (t->name)
		return DYAD_F_CASE_MASK;
	if (chosen_only)
		return (t->feats & DYAD_F_CASE_MASK) ? t->feats & DYAD_F_CASE_MASK : DYAD_F_CASE_MASK;
	for (k = 0; k < t->w->n; k++) {
		const dyad_analysis *an = &t->w->an[k];
		if (!nominal_upos(an->upos) && an->upos != DYAD_UPOS_ADJ && an->upos != DYAD_UPOS_NUM &&
		    an->upos != DYAD_UPOS_VERB && an->upos != DYAD_UPOS_DET)
			continue;
		c |= (an->feats & DYAD_F_CASE_MASK) ? an->feats & DYAD_F_CASE_MASK : DYAD_F_CASE_MASK;
	}
	return c;
}

/*
 * Does Russian token i continue the phrase before it as a genitive ("министр
 * иностранных дел Китая", "действия США", "МИД Мали")? When it can be one: a
 * noun right after a noun mostly depends on it.
 */
static int ru_genitive(const sent *s, size_t i)
{
	const tinfo *t = &s->t[i];
	if (!t->cyr || !(nominal_upos(t->upos) || t->upos == DYAD_UPOS_ADJ || t->upos == DYAD_UPOS_DET ||
			 t->upos == DYAD_UPOS_NUM || (t->upos == DYAD_UPOS_VERB && (t->feats & DYAD_F_VF_PART))))
		return 0;
	if (t->upos == DYAD_UPOS_PRON)
		return 0;
	return (cases_of(s, i, 0) & DYAD_F_CASE_GEN) != 0;
}

/* Does mention k hold a noun of tokens [ts, te) (sentence-relative), not only an adjective ("боснийских")? */
static int mention_has_noun(const sent *s, size_t k, size_t ts, size_t te)
{
	size_t i, from = s->men[k].tok_start - s->ts, to = s->men[k].tok_end - s->ts;

	for (i = from > ts ? from : ts; i < to && i < te; i++)
		if (nominal_upos(s->t[i].upos) || (!s->t[i].w && s->t[i].cap))
			return 1;
	return 0;
}

/*
 * The actor a phrase over tokens [ts, te) (sentence-relative) holds: of the
 * mentions overlapping it, the first that holds a noun ("Силы боснийских
 * сербов": "сербов", which the adjective only qualifies), else the first;
 * -1 when none. Mentions come in text order: found by halving, then a step
 * back for one that began before and reaches in.
 */
static long mention_in(const sent *s, size_t ts, size_t te)
{
	size_t lo = 0, hi = s->nmen, k;
	long first = -1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->men[mid].tok_start < s->ts + ts)
			lo = mid + 1;
		else
			hi = mid;
	}
	k = lo;
	if (k > 0 && s->men[k - 1].tok_end > s->ts + ts)
		k--;
	for (; k < s->nmen && s->men[k].tok_start < s->ts + te; k++) {
		if (s->men[k].tok_end <= s->ts + ts)
			continue;
		if (mention_has_noun(s, k, ts, te))
			return (long)k;
		if (first < 0)
			first = (long)k;
	}
	return first;
}

/*
 * The noun phrases of tokens [from, to), into ph: attributes, the head (the
 * first noun in Russian, the last of the run in English), then in Russian
 * the genitives that depend on it and in English "of" and the phrase after
 * it; the preposition before it; phrases joined by "и"/"and" or a comma made
 * one coordinated phrase. Returns the count.
 */
static size_t find_phrases(sent *s, size_t from, size_t to, phrase *ph)
{
	size_t i = from, n = 0, prep = SIZE_MAX;

	while (i < to) {
		phrase p;
		size_t j, head = SIZE_MAX;
		int of = 0;
		if (s->t[i].aside || s->t[i].punct == '"' || s->seg[i] != s->cur) {
			i++;
			continue;
		}
		if (is_prep(s, i) && !(s->t[i].cyr ? 0 : lemma_is(s, i, "to") && i + 1 < to && s->t[i + 1].pred)) {
			prep = i++;
			continue;
		}
		if (!np_word(s, i)) {
			if (s->t[i].punct || s->t[i].pred)
				prep = SIZE_MAX;
			i++;
			continue;
		}
		memset(&p, 0, sizeof p);
		p.a.ts = i;
		/* the run of attributes and the head */
		for (j = i; j < to && s->seg[j] == s->cur && (np_word(s, j) || s->t[j].aside); j++) {
			if (s->t[j].aside)
				continue;
			/* "эти действия", "военный переворот": a pronoun or a word that can be an adjective, before a
			   noun it can agree with, is its attribute */
			if (s->t[j].cyr && (s->t[j].upos == DYAD_UPOS_PRON || can_be(s, j, DYAD_UPOS_ADJ, 0)) &&
			    !s->t[j].name && j + 1 < to && s->t[j + 1].cyr &&
			    (s->t[j + 1].upos == DYAD_UPOS_NOUN || s->t[j + 1].upos == DYAD_UPOS_ADJ) &&
			    (cases_of(s, j, 0) & cases_of(s, j + 1, 0)))
				continue;
			if (s->t[j].cyr && nominal_upos(s->t[j].upos)) {
				/* "Временный поверенный Франции": a noun no attribute before it can agree with
				   depends on the last of them, which stands for a noun */
				if (j > i && s->t[j - 1].cyr && s->t[j].upos != DYAD_UPOS_PRON &&
				    !(cases_of(s, j - 1, 0) & cases_of(s, j, 0)))
					head = j - 1;
				else
					head = j++;
				break;
			}
			if (!s->t[j].cyr && !lemma_in(s, j, en_det) && s->t[j].upos != DYAD_UPOS_ADJ)
				head = j;
		}
		if (head == SIZE_MAX)
			head = j > i ? j - 1 : i;
		/* what depends on it */
		for (; j < to && s->seg[j] == s->cur; j++) {
			if (s->t[j].aside || s->t[j].punct == '"')
				continue;
			/* a name heads no genitive ("от России объяснений"), an abbreviation does ("МИД Мали") */
			if (s->t[j].cyr ? (ru_genitive(s, j) &&
					   !(s->t[head].upos == DYAD_UPOS_PROPN && !(s->t[head].feats & DYAD_F_ABBR) &&
					     s->t[j].upos == DYAD_UPOS_NOUN)) ||
						  /* an apposition: "министр Лавров", "РГП «Казгидромет»" */
						  (s->t[j].cap &&
						   (s->t[j].upos == DYAD_UPOS_PROPN || s->t[j].upos == DYAD_UPOS_X) &&
						   (s->t[j - 1].word || s->t[j - 1].punct == '"'))
					: np_word(s, j) || (lemma_is(s, j, "of") && j + 1 < to && np_word(s, j + 1))) {
				if (!s->t[j].cyr && lemma_is(s, j, "of"))
					of = 1;
				if (!s->t[j].cyr && !of && np_word(s, j) && !lemma_in(s, j, en_det) &&
				    s->t[j].upos != DYAD_UPOS_ADJ)
					head = j; /* "the foreign minister": the last word heads */
				continue;
			}
			break;
		}
		while (j > head + 1 && s->t[j - 1].punct == '"' && !(j < to && s->t[j].punct == '"'))
			j--; /* an opening quote it does not close */
		p.a.te = j;
		p.a.head = head;
		/* "в Акмолинской, Карагандинской и Костанайской областях": the preposition governs the list */
		if (prep == SIZE_MAX && n > 0 && ph[n - 1].a.prep != SIZE_MAX && ph[n - 1].a.te + 1 == i &&
		    (lemma_in(s, i - 1, conjunctions) || (s->t[i - 1].punct == ',' && s->t[i].cyr &&
							  (cases_of(s, ph[n - 1].a.head, 1) & cases_of(s, head, 0)))))
			prep = ph[n - 1].a.prep;
		p.a.prep = prep;
		p.a.cases = cases_of(s, head, prep != SIZE_MAX);
		p.a.mention = mention_in(s, p.a.ts, p.a.te);
		/* "Токаев и Лукашенко", "France, Germany and Italy" */
		if (n > 0 && ph[n - 1].a.te + 1 == p.a.ts && !lemma_in(s, ph[n - 1].a.head, en_time) &&
		    (lemma_in(s, p.a.ts - 1, conjunctions) || s->t[p.a.ts - 1].punct == ',') &&
		    ph[n - 1].a.prep == prep && !s->t[p.a.ts - 1].brk &&
		    (!s->t[head].cyr || (cases_of(s, ph[n - 1].a.head, 0) & cases_of(s, head, 0)))) {
			ph[n - 1].a.te = p.a.te;
			ph[n - 1].a.coordinated = 1;
			if (ph[n - 1].a.mention < 0)
				ph[n - 1].a.mention = p.a.mention;
		} else {
			ph[n++] = p;
		}
		prep = SIZE_MAX;
		i = j > i ? j : i + 1;
	}
	return n;
}

/* ---- roles ---------------------------------------------------------------------------------------- */

/*
 * Can the head of phrase p be the nominative subject of the predicate whose
 * agreeing word has features f: a reading in the nominative (or without
 * case) in its number (a plural verb also takes a coordinated phrase or "X с
 * Y"), in its gender in the past singular, in the third person unless a
 * pronoun says otherwise?
 */
static int agrees(const sent *s, const phrase *p, uint64_t f, int with)
{
	const tinfo *t = &s->t[p->a.head];
	uint64_t num = f & DYAD_F_NUM_MASK, gen = f & DYAD_F_GENDER_MASK, per = f & (DYAD_F_PERSON_1 | DYAD_F_PERSON_2);
	size_t k;

	if (t->name)
		return !per;
	if (!t->w)
		return 0;
	for (k = 0; k < t->w->n; k++) {
		const dyad_analysis *an = &t->w->an[k];
		uint64_t g = an->feats;
		if (!nominal_upos(an->upos) && an->upos != DYAD_UPOS_ADJ && an->upos != DYAD_UPOS_VERB)
			continue;
		if ((g & DYAD_F_CASE_MASK) && !(g & DYAD_F_CASE_NOM))
			continue;
		if (num && (g & DYAD_F_NUM_MASK) && !(g & num) && !(num == DYAD_F_NUM_PLUR && (p->a.coordinated || with)))
			continue;
		if (num == DYAD_F_NUM_SING && gen && (g & DYAD_F_GENDER_MASK) && !(g & gen) && !p->a.coordinated)
			continue;
		if (per && !(an->upos == DYAD_UPOS_PRON && (g & per)))
			continue;
		return 1;
	}
	return 0;
}

static const char *ru_role(const sent *s, const phrase *p, int passive, int has_subject)
{
	size_t h = p->a.head - s->ts, pr = p->a.prep == SIZE_MAX ? SIZE_MAX : p->a.prep - s->ts;
	uint64_t c = s->t[h].feats & DYAD_F_CASE_MASK;

	if (s->t[h].name) /* its case unknown */
		return pr == SIZE_MAX ? "object" : "prepositional";
	if (pr == SIZE_MAX) {
		/* standing alone, a word read as a genitive that can be a dative is the recipient */
		if ((c & DYAD_F_CASE_DAT) || ((c & DYAD_F_CASE_GEN) && (cases_of(s, h, 0) & DYAD_F_CASE_DAT)))
			return "recipient (Dat)";
		if (c & DYAD_F_CASE_INS)
			return passive ? "agent (Ins)" : "instrumental (Ins)";
		/* beside the subject of an active verb, a phrase that can be an accusative is its object */
		if ((c & DYAD_F_CASE_ACC) || (has_subject && !passive && (cases_of(s, h, 0) & DYAD_F_CASE_ACC)))
			return "patient (Acc)";
		if (c & DYAD_F_CASE_GEN)
			return "genitive";
		if (c & DYAD_F_CASE_NOM)
			return "nominative";
		return "object";
	}
	if (lemma_is(s, pr, "с") && (c & DYAD_F_CASE_INS))
		return "counterpart (с+Ins)";
	if ((lemma_is(s, pr, "в") || lemma_is(s, pr, "на")) && (c & DYAD_F_CASE_ACC))
		return lemma_is(s, pr, "в") ? "destination (в+Acc)" : "destination (на+Acc)";
	if ((lemma_is(s, pr, "в") || lemma_is(s, pr, "на")) && (c & DYAD_F_CASE_LOC))
		return lemma_is(s, pr, "в") ? "place (в+Loc)" : "place (на+Loc)";
	if (lemma_is(s, pr, "у"))
		return "possessor (у+Gen)";
	if (lemma_is(s, pr, "к"))
		return "towards (к+Dat)";
	if (lemma_is(s, pr, "против"))
		return "against (против+Gen)";
	if (lemma_is(s, pr, "от") || lemma_is(s, pr, "из"))
		return lemma_is(s, pr, "от") ? "from (от+Gen)" : "from (из+Gen)";
	return "prepositional";
}

static const char *en_role(const sent *s, const phrase *p, int passive)
{
	size_t pr = p->a.prep == SIZE_MAX ? SIZE_MAX : p->a.prep - s->ts;

	if (pr == SIZE_MAX)
		return lemma_in(s, p->a.head - s->ts, en_time) ? "time" : "object";
	if (lemma_is(s, pr, "by"))
		return passive ? "agent (by)" : "by";
	if (lemma_is(s, pr, "with"))
		return "counterpart (with)";
	if (lemma_is(s, pr, "to"))
		return "recipient (to)";
	if (lemma_is(s, pr, "against"))
		return "against";
	if (lemma_is(s, pr, "of"))
		return "of";
	if (lemma_is(s, pr, "from"))
		return "from";
	if (lemma_is(s, pr, "in") || lemma_is(s, pr, "at"))
		return "place (in/at)";
	return "prepositional";
}

/* Only a verb that takes an accusative has one beside its subject: not "ожидается", "был вызван". */
static int takes_accusative(const sent *s, const pgroup *g)
{
	return !g->passive && !(s->t[g->agree].feats & (DYAD_F_VOICE_MID | DYAD_F_VARIANT_SHORT));
}

/*
 * "Потепление синоптики прогнозируют": with no phrase agreeing with the
 * predicate (features f), a noun read as a genitive of the phrase before it
 * that can be the agreeing nominative is the subject: the phrase is cut
 * there in two (ph gets one more; *np is its count). -1 when there is none.
 */
static long split_subject(const sent *s, uint64_t f, phrase *ph, size_t *np, const char **how)
{
	size_t k, j;

	for (k = 0; k < *np; k++) {
		phrase *p = &ph[k];
		if (p->a.prep != SIZE_MAX || !s->t[p->a.head].cyr)
			continue;
		for (j = p->a.head + 1; j < p->a.te; j++) {
			phrase q = *p;
			if (!s->t[j].cyr || !(s->t[j].upos == DYAD_UPOS_NOUN || s->t[j].upos == DYAD_UPOS_PROPN))
				continue;
			q.a.ts = j;
			q.a.head = j;
			q.a.coordinated = 0;
			if (!agrees(s, &q, f, 0))
				continue;
			while (q.a.ts > p->a.head + 1 && s->t[q.a.ts - 1].cyr && s->t[q.a.ts - 1].upos == DYAD_UPOS_ADJ)
				q.a.ts--; /* its attributes */
			q.a.mention = mention_in(s, q.a.ts, q.a.te);
			q.a.cases = cases_of(s, j, 0);
			memmove(&ph[k + 2], &ph[k + 1], (*np - k - 1) * sizeof *ph);
			p->a.te = q.a.ts;
			p->a.mention = mention_in(s, p->a.ts, p->a.te);
			ph[k + 1] = q;
			(*np)++;
			*how = "a nominative agreeing with the predicate, not a genitive of the word before";
			return (long)k + 1;
		}
	}
	return -1;
}

/*
 * The Russian subject among phrases ph[0..n) of a clause with predicate g:
 * the phrases without a preposition that agree with it; of several, one that
 * cannot be an accusative where the verb takes one ("Минск посетил министр":
 * "министр" cannot, "Минск" can), then the one before the predicate, then the
 * nearest. -1 when none.
 */
static long ru_subject(const sent *s, const pgroup *g, phrase *ph, size_t *np, const char **how)
{
	uint64_t f = s->t[g->agree].feats;
	int transitive = takes_accusative(s, g);
	long best = -1;
	int bscore = -1, nagree = 0, nonly = 0;
	size_t k, n = *np;

	for (k = 0; k < n; k++) {
		phrase *p = &ph[k];
		int with = k + 1 < n && ph[k + 1].a.prep != SIZE_MAX && lemma_is(s, ph[k + 1].a.prep, "с") &&
			   ph[k + 1].a.prep == p->a.te,
		    score;
		if (p->a.prep != SIZE_MAX || !s->t[p->a.head].cyr || !agrees(s, p, f, with))
			continue;
		nagree++;
		score = (transitive && !(cases_of(s, p->a.head, 0) & DYAD_F_CASE_ACC) ? 4 : 0) + (p->before ? 2 : 0);
		nonly += score >= 4;
		if (score > bscore || (score == bscore && !p->before)) { /* after the verb: the nearest is the first */
			if (score == bscore && !p->before && best >= 0 && !ph[best].before)
				continue;
			best = (long)k;
			bscore = score;
		}
	}
	if (best < 0)
		return split_subject(s, f, ph, np, how);
	/* case leaves no other: the only one agreeing, or the only one that cannot be the object; and one
	   after a verb that takes an accusative must be no accusative ("В МИД назвали действия …") */
	ph[best].a.unique = (nagree == 1 || nonly == 1) && (bscore >= 4 || ph[best].before || !transitive);
	*how = nagree == 1   ? "the nominative agreeing with the predicate"
	       : bscore >= 4 ? "agrees, and cannot be an accusative"
			     : (ph[best].before ? "agrees, before the predicate" : "agrees, after the predicate");
	return best;
}

/*
 * The English subject: the first phrase before the predicate that no
 * preposition governs and that is no time ("Last week"); a speech verb with
 * none before it takes the first after it ("…," said Lavrov). -1 when none.
 */
static long en_subject(const sent *s, const pgroup *g, phrase *ph, size_t n, const char **how)
{
	static const char *const speech[] = { "say", "tell", "add", "write", "state", "announce", NULL };
	size_t k;

	for (k = 0; k < n && ph[k].before; k++)
		if (ph[k].a.prep == SIZE_MAX && !lemma_in(s, ph[k].a.head, en_time)) {
			*how = "before the predicate";
			return (long)k;
		}
	if (k == 0 && k < n && ph[k].a.prep == SIZE_MAX && lemma_in(s, g->head, speech)) {
		*how = "after a verb of speech";
		return (long)k;
	}
	return -1;
}

/* One clause of predicate g over tokens [from, to). */
static void one_clause(dyad_arena *a, sent *s, const pgroup *g, size_t from, size_t to, phrase *ph, dyad_clause *cl)
{
	size_t n, k, o = 0;
	int ru = s->t[g->head].cyr;
	const char *how = NULL;
	long subj;

	s->cur = s->seg[g->pred];
	n = find_phrases(s, from, to, ph);
	memset(cl, 0, sizeof *cl);
	cl->ts = s->ts + from;
	cl->te = s->ts + to;
	cl->pred = s->ts + g->pred;
	cl->pred_end = s->ts + g->end;
	cl->head = s->ts + g->head;
	cl->passive = g->passive;
	cl->shared_subject = s->t[from].shared;
	cl->agent = cl->possessor = -1;
	for (k = 0; k < n; k++)
		ph[k].before = ph[k].a.te <= g->pred;
	subj = ru ? ru_subject(s, g, ph, &n, &how) : en_subject(s, g, ph, n, &how);
	/* a predicate that may share the subject before keeps its own only when it cannot be the object
	   ("…, не признала власть мятежников": "власть" can) */
	if (cl->shared_subject && subj >= 0 && ru && takes_accusative(s, g) &&
	    (cases_of(s, ph[subj].a.head, 0) & DYAD_F_CASE_ACC))
		subj = -1;
	if (subj >= 0)
		cl->shared_subject = 0;
	for (k = 0; k < n; k++) {
		ph[k].a.ts += s->ts;
		ph[k].a.te += s->ts;
		ph[k].a.head += s->ts;
		if (ph[k].a.prep != SIZE_MAX)
			ph[k].a.prep += s->ts;
	}
	if (subj >= 0) {
		cl->has_subject = 1;
		cl->subject = ph[subj].a;
		cl->subject.role = "subject";
		cl->subject.how = how;
	}
	cl->obj = dyad_arena_alloc(a, (n ? n : 1) * sizeof *cl->obj);
	for (k = 0; k < n; k++) {
		dyad_clause_arg *x;
		if ((long)k == subj)
			continue;
		x = &cl->obj[o];
		*x = ph[k].a;
		x->role = ru ? ru_role(s, &ph[k], g->passive, subj >= 0 || cl->shared_subject)
			     : en_role(s, &ph[k], g->passive);
		if (!strcmp(x->role, "possessor (у+Gen)") && cl->possessor < 0)
			cl->possessor = (long)o;
		if (g->passive && cl->agent < 0 && (!strcmp(x->role, "agent (Ins)") || !strcmp(x->role, "agent (by)")))
			cl->agent = (long)o;
		o++;
	}
	cl->nobj = o;
	/* "был вызван в МИД Мали", "В МИД РФ были вызваны": the office the act took place in acts */
	for (k = 0; ru && g->passive && cl->agent < 0 && k < o; k++) {
		dyad_clause_arg *x = &cl->obj[k];
		if (x->mention >= 0 && s->men[x->mention].kind != DYAD_MENTION_LOCATION && x->prep != SIZE_MAX &&
		    lemma_is(s, x->prep - s->ts, "в") && !strcmp(x->role, "destination (в+Acc)")) {
			x->role = "agent (в X: the office)";
			cl->agent = (long)k;
		}
	}
}

/*
 * The segments of the sentence: a new one at each break; a relative clause
 * opened by a comma ("…, который прибыл в Минск, …", "…, who …,") is one of
 * its own up to the next comma, and the words after it go on with the
 * segment before it. first[id] and last[id] get each segment's first and last
 * token.
 */
static void segment(sent *s, size_t *first, size_t *last)
{
	static const char *const relative[] = { "который", "who", "which", "whom", "whose", NULL };
	size_t i, next = 1, outer = 0, rel = 0;

	for (i = 0; i <= s->m; i++)
		first[i] = SIZE_MAX;
	for (i = 0; i < s->m; i++) {
		tinfo *t = &s->t[i];
		if (t->brk && i > 0 && s->t[i - 1].punct == ',' && t->word && lemma_in(s, i, relative) && !rel) {
			rel = next++;
		} else if (t->brk) {
			rel = 0;
			outer = next++;
		}
		s->seg[i] = rel ? rel : outer;
		if (rel && t->punct == ',')
			rel = 0;
		if (first[s->seg[i]] == SIZE_MAX)
			first[s->seg[i]] = i;
		last[s->seg[i]] = i;
	}
}

/* Can the subject x (of the clause before) be predicate g's too: in Russian, does it agree with it? */
static int shares(const sent *s, const pgroup *g, const dyad_clause_arg *x)
{
	phrase p;

	if (!s->t[g->head].cyr)
		return 1;
	memset(&p, 0, sizeof p);
	p.a = *x;
	p.a.head -= s->ts;
	return agrees(s, &p, s->t[g->agree].feats, 0);
}

/*
 * A relative clause opened at token lo by "who", "which" or a nominative
 * "который" has for its subject the phrase the comma before it ends
 * ("Lavrov, who arrived in Ankara, …"), looked for at most ANTECEDENT_REACH
 * tokens back.
 */
#define ANTECEDENT_REACH 16
static void antecedent(sent *s, size_t lo, const size_t *first, phrase *ph, dyad_clause *cl)
{
	static const char *const subject_relative[] = { "who", "which", NULL };
	size_t comma = lo - 1, from, n;

	if (lo < 2 || s->t[comma].punct != ',' || s->seg[lo] == s->seg[comma] ||
	    !(lemma_in(s, lo, subject_relative) || (lemma_is(s, lo, "который") && (s->t[lo].feats & DYAD_F_CASE_NOM))))
		return;
	s->cur = s->seg[comma - 1];
	from = first[s->cur] + ANTECEDENT_REACH < comma ? comma - ANTECEDENT_REACH : first[s->cur];
	n = find_phrases(s, from, comma, ph);
	if (n == 0 || ph[n - 1].a.te != comma || ph[n - 1].a.prep != SIZE_MAX)
		return;
	cl->has_subject = 1;
	cl->subject = ph[n - 1].a;
	cl->subject.ts += s->ts;
	cl->subject.te += s->ts;
	cl->subject.head += s->ts;
	cl->subject.role = "subject";
	cl->subject.how = "the antecedent of the relative pronoun";
}

void dyad_clauses_find(dyad_arena *a, dyad_str text, const dyad_token *toks, const dyad_morph_word *morph, size_t ts,
		       size_t te, const dyad_mention *men, size_t n, dyad_clauses *out)
{
	sent s;
	pgroup *g;
	phrase *ph;
	size_t ng, i, prev_end = 0, *first, *last;
	const dyad_clause *prev = NULL;

	memset(out, 0, sizeof *out);
	if (te <= ts)
		return;
	memset(&s, 0, sizeof s);
	s.toks = toks;
	s.text = text;
	s.morph = morph;
	s.ts = ts;
	s.m = te - ts;
	if (s.m > DYAD_CLAUSE_MAX_TOKENS) {
		s.m = DYAD_CLAUSE_MAX_TOKENS;
		out->note = "clause analysis cut at 400 tokens";
	}
	/* the sentence's mentions */
	while (n && men->tok_end <= ts) {
		men++;
		n--;
	}
	s.men = men;
	s.nmen = n;
	s.t = dyad_arena_alloc(a, s.m * sizeof *s.t);
	g = dyad_arena_alloc(a, s.m * sizeof *g);
	ph = dyad_arena_alloc(a, s.m * sizeof *ph);
	s.seg = dyad_arena_alloc(a, s.m * sizeof *s.seg);
	first = dyad_arena_alloc(a, (s.m + 1) * sizeof *first);
	last = dyad_arena_alloc(a, (s.m + 1) * sizeof *last);
	read_tokens(a, &s);
	mark_aside(&s);
	ng = find_predicates(&s, g);
	mark_breaks(&s);
	if (ng == 0)
		return;
	out->cl = dyad_arena_alloc(a, ng * sizeof *out->cl);
	segment(&s, first, last);
	for (i = 0; i < ng; i++) {
		size_t id = s.seg[g[i].pred], lo = first[id], hi = last[id] + 1, b;
		dyad_clause *cl = &out->cl[out->n];
		/* two predicates in one segment: the first ends where the second's clause begins (English:
		   with the phrase right before its verb, "said Ukraine had violated") */
		if (i > 0 && s.seg[g[i - 1].pred] == id)
			lo = prev_end;
		b = hi;
		if (i + 1 < ng && s.seg[g[i + 1].pred] == id) {
			b = g[i + 1].pred;
			while (b > g[i].end && !s.t[b - 1].cyr && np_word(&s, b - 1))
				b--;
		}
		prev_end = b;
		one_clause(a, &s, &g[i], lo, b, ph, cl);
		if (!cl->has_subject)
			antecedent(&s, lo, first, ph, cl);
		/* "осуждает эти действия и требует": the subject before */
		if (cl->shared_subject && prev && prev->has_subject && shares(&s, &g[i], &prev->subject)) {
			cl->has_subject = 1;
			cl->subject = prev->subject;
			cl->subject.how = "shared with the predicate coordinated before";
		} else
			cl->shared_subject = 0;
		prev = cl;
		out->n++;
	}
}

const dyad_clause_arg *dyad_clause_actor(const dyad_clause *cl, const char **how)
{
	if (cl->passive) {
		if (cl->agent >= 0 && cl->obj[cl->agent].mention >= 0) {
			*how = "clause agent (passive)";
			return &cl->obj[cl->agent];
		}
		return NULL;
	}
	if (cl->has_subject && cl->subject.mention >= 0) {
		*how = "clause subject";
		return &cl->subject;
	}
	if (!cl->has_subject || cl->subject.mention < 0) {
		if (cl->possessor >= 0 && cl->obj[cl->possessor].mention >= 0) {
			*how = "clause possessor (\"у X\")";
			return &cl->obj[cl->possessor];
		}
	}
	return NULL;
}
