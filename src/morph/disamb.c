/*
 * disamb.c — a word's reading chosen from its neighbours: the case a
 * preposition governs, and an adjective's agreement with its noun. Light
 * rules over the readings the analyser gave; no model, no training data.
 * A subject agrees with the verb after it.
 */
#include "dyad/morph.h"

#include <string.h>

#define NOM DYAD_F_CASE_NOM
#define GEN (DYAD_F_CASE_GEN | DYAD_F_CASE_PAR)
#define DAT DYAD_F_CASE_DAT
#define ACC DYAD_F_CASE_ACC
#define INS DYAD_F_CASE_INS
#define LOC DYAD_F_CASE_LOC

/* Prepositions and the cases they govern (lemmas as the dictionary gives them). */
static const struct {
	const char *prep;
	uint64_t cases;
} governs[] = {
	{ "в", LOC | ACC },
	{ "во", LOC | ACC },
	{ "на", LOC | ACC },
	{ "о", LOC | ACC },
	{ "об", LOC | ACC },
	{ "обо", LOC | ACC },
	{ "при", LOC },
	{ "по", DAT | LOC | ACC },
	{ "с", INS | GEN | ACC },
	{ "со", INS | GEN | ACC },
	{ "к", DAT },
	{ "ко", DAT },
	{ "из", GEN },
	{ "от", GEN },
	{ "до", GEN },
	{ "для", GEN },
	{ "без", GEN },
	{ "у", GEN },
	{ "около", GEN },
	{ "после", GEN },
	{ "против", GEN },
	{ "из-за", GEN },
	{ "из-под", GEN },
	{ "среди", GEN },
	{ "вокруг", GEN },
	{ "кроме", GEN },
	{ "вместо", GEN },
	{ "возле", GEN },
	{ "ради", GEN },
	{ "вдоль", GEN },
	{ "со стороны", GEN },
	{ "за", INS | ACC },
	{ "под", INS | ACC },
	{ "над", INS },
	{ "перед", INS },
	{ "между", INS | GEN },
	{ "через", ACC },
	{ "про", ACC },
	{ "сквозь", ACC },
	{ "благодаря", DAT },
	{ "согласно", DAT },
	{ "вопреки", DAT },
	{ "навстречу", DAT },
};

static int nominal(const dyad_analysis *a)
{
	return a->upos == DYAD_UPOS_NOUN || a->upos == DYAD_UPOS_PROPN || a->upos == DYAD_UPOS_PRON ||
	       a->upos == DYAD_UPOS_ADJ || a->upos == DYAD_UPOS_DET || a->upos == DYAD_UPOS_NUM ||
	       (a->upos == DYAD_UPOS_VERB && (a->feats & DYAD_F_VF_PART) && !(a->feats & DYAD_F_VARIANT_SHORT));
}

/* A word that ends a noun phrase (the head). */
static int head(const dyad_analysis *a)
{
	return a->upos == DYAD_UPOS_NOUN || a->upos == DYAD_UPOS_PROPN || a->upos == DYAD_UPOS_PRON;
}

/* A word that agrees with the noun after it. */
static int modifier(const dyad_analysis *a)
{
	return (a->upos == DYAD_UPOS_ADJ && !(a->feats & (DYAD_F_VARIANT_SHORT | DYAD_F_DEGREE_CMP))) ||
	       a->upos == DYAD_UPOS_DET ||
	       (a->upos == DYAD_UPOS_VERB && (a->feats & DYAD_F_VF_PART) && !(a->feats & DYAD_F_VARIANT_SHORT));
}

static int agree(const dyad_analysis *m, const dyad_analysis *h)
{
	uint64_t mc = m->feats & DYAD_F_CASE_MASK, hc = h->feats & DYAD_F_CASE_MASK;
	uint64_t mn = m->feats & DYAD_F_NUM_MASK, hn = h->feats & DYAD_F_NUM_MASK;
	uint64_t mg = m->feats & DYAD_F_GENDER_MASK, hg = h->feats & DYAD_F_GENDER_MASK;

	if (!(mc & hc) || (mn && hn && mn != hn))
		return 0;
	return !(hn == DYAD_F_NUM_SING && mg && hg && mg != hg);
}

/* The first reading of `w` (best first) that `ok` accepts, or w->best when none does. */
static size_t first_reading(const dyad_morph_word *w, uint64_t cases)
{
	size_t i;

	if (w->best < w->n && (w->an[w->best].feats & cases))
		return w->best;
	for (i = 0; i < w->n; i++)
		if (nominal(&w->an[i]) && (w->an[i].feats & cases))
			return i;
	return w->best;
}

/* A finite verb or a short form with a number: the predicate a subject agrees with. */
static int predicate(const dyad_analysis *a)
{
	return (a->feats & DYAD_F_NUM_MASK) && !(a->feats & DYAD_F_CASE_MASK) &&
	       ((a->upos == DYAD_UPOS_VERB && (a->feats & (DYAD_F_VF_FIN | DYAD_F_VARIANT_SHORT)) &&
		 !(a->feats & DYAD_F_MOOD_IMP)) ||
		(a->upos == DYAD_UPOS_ADJ && (a->feats & DYAD_F_VARIANT_SHORT)));
}

/* A nominative reading of the subject `s` that agrees with predicate `p` (number; gender in the singular past). */
static int subject_of(const dyad_analysis *s, const dyad_analysis *p)
{
	uint64_t sn = s->feats & DYAD_F_NUM_MASK, pn = p->feats & DYAD_F_NUM_MASK;
	uint64_t sg = s->feats & DYAD_F_GENDER_MASK, pg = p->feats & DYAD_F_GENDER_MASK;

	if (!head(s) || !(s->feats & DYAD_F_CASE_NOM) || sn != pn)
		return 0;
	if (s->upos == DYAD_UPOS_PRON && (p->feats & (DYAD_F_PERSON_1 | DYAD_F_PERSON_2)) &&
	    (s->feats & (DYAD_F_PERSON_1 | DYAD_F_PERSON_2 | DYAD_F_PERSON_3)) !=
		    (p->feats & (DYAD_F_PERSON_1 | DYAD_F_PERSON_2 | DYAD_F_PERSON_3)))
		return 0;
	return !(pn == DYAD_F_NUM_SING && sg && pg && sg != pg);
}

/*
 * The subject before a predicate: the nearest noun or pronoun before it (not
 * after a preposition) takes a nominative reading that agrees with it, when
 * its chosen one is another case. Делегации встречались: nominative plural.
 */
static void subjects(dyad_morph_word *w, size_t n)
{
	size_t i, j, r, k;

	for (i = 1; i < n; i++) {
		const dyad_analysis *p;
		if (w[i].best >= w[i].n || !predicate(p = &w[i].an[w[i].best]))
			continue;
		for (j = i; j-- > 0;) {
			const dyad_analysis *s;
			if (w[j].best >= w[j].n)
				break; /* punctuation ends the search */
			s = &w[j].an[w[j].best];
			if (s->upos == DYAD_UPOS_ADV || s->upos == DYAD_UPOS_PART)
				continue;
			if (!head(s))
				break;
			if (s->feats & DYAD_F_CASE_NOM)
				break; /* already a nominative */
			if (j > 0 && w[j - 1].best < w[j - 1].n) {
				const dyad_analysis *q = &w[j - 1].an[w[j - 1].best];
				/* governed by a preposition, a noun (чиновники администрации) or a number, or an
				   adjective agreeing with it chooses its case */
				if (q->upos == DYAD_UPOS_ADP || q->upos == DYAD_UPOS_NUM || head(q) || modifier(q))
					break;
			}
			/* a reading of the same part of speech first; a proper noun stays one */
			for (r = 0; r < w[j].n; r++)
				if (w[j].an[r].upos == s->upos && subject_of(&w[j].an[r], p))
					break;
			for (k = 0; r == w[j].n && s->upos != DYAD_UPOS_PROPN && k < w[j].n; k++)
				if (subject_of(&w[j].an[k], p))
					r = k;
			if (r < w[j].n)
				w[j].best = r;
			break;
		}
	}
}

void dyad_morph_disambiguate(dyad_lang lang, dyad_morph_word *w, size_t n)
{
	size_t i, j, k;

	if (lang != DYAD_LANG_RU)
		return;
	/* a preposition's case for the words after it, up to and with the first head noun */
	for (i = 0; i + 1 < n; i++) {
		const dyad_analysis *p;
		uint64_t cases = 0;
		if (w[i].best >= w[i].n || (p = &w[i].an[w[i].best])->upos != DYAD_UPOS_ADP)
			continue;
		for (k = 0; k < sizeof governs / sizeof *governs; k++)
			if (dyad_str_eq_c(p->lemma, governs[k].prep))
				cases = governs[k].cases;
		for (j = i + 1; cases && j < n && w[j].n; j++) {
			size_t r;
			int any = 0;
			for (r = 0; r < w[j].n && !any; r++)
				any = nominal(&w[j].an[r]);
			if (!any)
				break;
			w[j].best = first_reading(&w[j], cases);
			if (head(&w[j].an[w[j].best]))
				break;
		}
	}
	subjects(w, n);
	/* an adjective agrees with the noun after it: keep the noun's reading if they can agree */
	for (i = n; i-- > 1;) {
		dyad_morph_word *h = &w[i], *m = &w[i - 1];
		size_t r;
		if (h->best >= h->n || m->best >= m->n || !head(&h->an[h->best]) || !modifier(&m->an[m->best]) ||
		    agree(&m->an[m->best], &h->an[h->best]))
			continue;
		for (r = 0; r < m->n; r++)
			if (modifier(&m->an[r]) && agree(&m->an[r], &h->an[h->best])) {
				m->best = r;
				break;
			}
		if (r < m->n) { /* the reading found; a chain of modifiers follows the first */
			for (k = i - 1; k-- > 0;) {
				size_t q;
				if (w[k].best >= w[k].n || !modifier(&w[k].an[w[k].best]))
					break;
				for (q = 0; q < w[k].n; q++)
					if (modifier(&w[k].an[q]) && agree(&w[k].an[q], &h->an[h->best])) {
						w[k].best = q;
						break;
					}
			}
			continue;
		}
		/* else a noun reading that agrees with the adjective */
		for (r = 0; r < h->n; r++)
			if (head(&h->an[r]) && agree(&m->an[m->best], &h->an[r])) {
				h->best = r;
				break;
			}
	}
}
