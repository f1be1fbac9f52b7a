/*
 * ru_tags.c — OpenCorpora tags ("NOUN,anim,masc,Name sing,gent") read into
 * what the analyser tests (part of speech, case, number, person, tense for
 * az's agreement checks) and into UD: a UPOS and DYAD_F_* feature bits.
 * The mapping follows the Russian UD treebanks: names, places and
 * organisations are PROPN, pronominal adjectives DET, participles, gerunds and
 * infinitives VERB with their VerbForm, comparatives ADJ with Degree=Cmp.
 */
#include "morph/ru.h"

#include <string.h>

enum { G_POS, G_CASE, G_NMBR, G_PERS, G_TENS, G_FEAT };

#define F_PROPER 0x100u /* internal: the grammeme makes a noun a proper noun */
#define F_APRO 0x200u

static const struct {
	const char *name;
	uint8_t kind;
	uint8_t val;    /* G_POS: RU_*; G_CASE … G_TENS: the 1-based value */
	unsigned flags; /* RU_TF_* and F_* */
	uint64_t feats;
} grams[] = {
	{ "NOUN", G_POS, RU_NOUN, 0, 0 },
	{ "ADJF", G_POS, RU_ADJF, 0, 0 },
	{ "ADJS", G_POS, RU_ADJS, 0, 0 },
	{ "COMP", G_POS, RU_COMP, 0, 0 },
	{ "VERB", G_POS, RU_VERB, 0, 0 },
	{ "INFN", G_POS, RU_INFN, 0, 0 },
	{ "PRTF", G_POS, RU_PRTF, 0, 0 },
	{ "PRTS", G_POS, RU_PRTS, 0, 0 },
	{ "GRND", G_POS, RU_GRND, 0, 0 },
	{ "NUMR", G_POS, RU_NUMR, RU_TF_UNPRODUCTIVE, 0 },
	{ "ADVB", G_POS, RU_ADVB, 0, 0 },
	{ "NPRO", G_POS, RU_NPRO, RU_TF_UNPRODUCTIVE, 0 },
	{ "PRED", G_POS, RU_PRED, RU_TF_UNPRODUCTIVE, 0 },
	{ "PREP", G_POS, RU_PREP, RU_TF_UNPRODUCTIVE, 0 },
	{ "CONJ", G_POS, RU_CONJ, RU_TF_UNPRODUCTIVE, 0 },
	{ "PRCL", G_POS, RU_PRCL, RU_TF_UNPRODUCTIVE, 0 },
	{ "INTJ", G_POS, RU_INTJ, RU_TF_UNPRODUCTIVE, 0 },
	{ "NUMB", G_POS, RU_NUMB, RU_TF_UNPRODUCTIVE, 0 },
	{ "ROMN", G_POS, RU_ROMN, RU_TF_UNPRODUCTIVE, 0 },
	{ "LATN", G_POS, RU_LATN, RU_TF_UNPRODUCTIVE, 0 },
	{ "PNCT", G_POS, RU_PNCT, RU_TF_UNPRODUCTIVE, 0 },
	{ "UNKN", G_POS, RU_UNKN, RU_TF_UNPRODUCTIVE, 0 },
	{ "nomn", G_CASE, 1, 0, DYAD_F_CASE_NOM },
	{ "gent", G_CASE, 2, 0, DYAD_F_CASE_GEN },
	{ "datv", G_CASE, 3, 0, DYAD_F_CASE_DAT },
	{ "accs", G_CASE, 4, 0, DYAD_F_CASE_ACC },
	{ "ablt", G_CASE, 5, 0, DYAD_F_CASE_INS },
	{ "loct", G_CASE, 6, 0, DYAD_F_CASE_LOC },
	{ "voct", G_CASE, 1, 0, DYAD_F_CASE_VOC },
	{ "gen1", G_CASE, 2, 0, DYAD_F_CASE_GEN },
	{ "gen2", G_CASE, 2, 0, DYAD_F_CASE_PAR },
	{ "acc2", G_CASE, 4, 0, DYAD_F_CASE_ACC },
	{ "loc1", G_CASE, 6, 0, DYAD_F_CASE_LOC },
	{ "loc2", G_CASE, 6, 0, DYAD_F_CASE_LOC },
	{ "sing", G_NMBR, 1, 0, DYAD_F_NUM_SING },
	{ "plur", G_NMBR, 2, 0, DYAD_F_NUM_PLUR },
	{ "1per", G_PERS, 1, 0, DYAD_F_PERSON_1 },
	{ "2per", G_PERS, 2, 0, DYAD_F_PERSON_2 },
	{ "3per", G_PERS, 3, 0, DYAD_F_PERSON_3 },
	{ "pres", G_TENS, 1, 0, DYAD_F_TENSE_PRES },
	{ "past", G_TENS, 2, 0, DYAD_F_TENSE_PAST },
	{ "futr", G_TENS, 3, 0, DYAD_F_TENSE_FUT },
	{ "anim", G_FEAT, 0, 0, DYAD_F_ANIM_ANIM },
	{ "inan", G_FEAT, 0, 0, DYAD_F_ANIM_INAN },
	{ "masc", G_FEAT, 0, 0, DYAD_F_GENDER_MASC },
	{ "femn", G_FEAT, 0, 0, DYAD_F_GENDER_FEM },
	{ "neut", G_FEAT, 0, 0, DYAD_F_GENDER_NEUT },
	{ "perf", G_FEAT, 0, 0, DYAD_F_ASPECT_PERF },
	{ "impf", G_FEAT, 0, 0, DYAD_F_ASPECT_IMP },
	{ "indc", G_FEAT, 0, 0, DYAD_F_MOOD_IND },
	{ "impr", G_FEAT, 0, 0, DYAD_F_MOOD_IMP },
	{ "actv", G_FEAT, 0, 0, DYAD_F_VOICE_ACT },
	{ "pssv", G_FEAT, 0, 0, DYAD_F_VOICE_PASS },
	{ "Supr", G_FEAT, 0, 0, DYAD_F_DEGREE_SUP },
	{ "Abbr", G_FEAT, 0, RU_TF_ABBR, DYAD_F_ABBR },
	{ "Name", G_FEAT, 0, RU_TF_CAPITALIZED | F_PROPER, DYAD_F_NAME_GIVEN },
	{ "Init", G_FEAT, 0, RU_TF_CAPITALIZED | F_PROPER, 0 },
	{ "Surn", G_FEAT, 0, RU_TF_CAPITALIZED | F_PROPER, DYAD_F_NAME_SUR },
	{ "Patr", G_FEAT, 0, RU_TF_CAPITALIZED | F_PROPER, DYAD_F_NAME_PATR },
	{ "Geox", G_FEAT, 0, RU_TF_CAPITALIZED | F_PROPER, DYAD_F_NAME_GEO },
	{ "Orgn", G_FEAT, 0, F_PROPER, DYAD_F_NAME_ORG },
	{ "Trad", G_FEAT, 0, F_PROPER, 0 },
	{ "Apro", G_FEAT, 0, RU_TF_UNPRODUCTIVE | F_APRO, 0 },
};

static dyad_upos upos_of(unsigned pos, unsigned flags, uint64_t *feats)
{
	uint64_t f = *feats;
	dyad_upos u;

	switch (pos) {
	case RU_NOUN: u = (flags & F_PROPER) ? DYAD_UPOS_PROPN : DYAD_UPOS_NOUN; break;
	case RU_ADJF:
		u = (flags & F_APRO) ? DYAD_UPOS_DET : DYAD_UPOS_ADJ;
		if (!(flags & F_APRO) && !(f & DYAD_F_DEGREE_SUP))
			f |= DYAD_F_DEGREE_POS;
		break;
	case RU_ADJS:
		u = DYAD_UPOS_ADJ;
		f |= DYAD_F_VARIANT_SHORT | DYAD_F_DEGREE_POS;
		break;
	case RU_COMP:
		u = DYAD_UPOS_ADJ;
		f |= DYAD_F_DEGREE_CMP;
		break;
	case RU_VERB:
		u = DYAD_UPOS_VERB;
		f |= DYAD_F_VF_FIN;
		break;
	case RU_INFN:
		u = DYAD_UPOS_VERB;
		f |= DYAD_F_VF_INF;
		break;
	case RU_PRTF:
		u = DYAD_UPOS_VERB;
		f |= DYAD_F_VF_PART;
		break;
	case RU_PRTS:
		u = DYAD_UPOS_VERB;
		f |= DYAD_F_VF_PART | DYAD_F_VARIANT_SHORT;
		break;
	case RU_GRND:
		u = DYAD_UPOS_VERB;
		f |= DYAD_F_VF_CONV;
		break;
	case RU_NUMR:
	case RU_NUMB:
	case RU_ROMN: u = DYAD_UPOS_NUM; break;
	case RU_ADVB:
	case RU_PRED: u = DYAD_UPOS_ADV; break;
	case RU_NPRO: u = DYAD_UPOS_PRON; break;
	case RU_PREP: u = DYAD_UPOS_ADP; break;
	case RU_CONJ: u = DYAD_UPOS_CCONJ; break; /* ru.c tells the subordinating ones by lemma */
	case RU_PRCL: u = DYAD_UPOS_PART; break;
	case RU_INTJ: u = DYAD_UPOS_INTJ; break;
	case RU_PNCT: u = DYAD_UPOS_PUNCT; break;
	default: u = DYAD_UPOS_X; break;
	}
	*feats = f;
	return u;
}

void morph_ru_tag_parse(ru_tag *t, const char *s, size_t n)
{
	size_t i = 0;
	unsigned flags = 0;

	memset(t, 0, sizeof *t);
	t->str = s;
	t->len = (uint16_t)(n > UINT16_MAX ? UINT16_MAX : n);
	while (i < n) {
		size_t j = i, k;
		while (j < n && s[j] != ',' && s[j] != ' ')
			j++;
		for (k = 0; k < sizeof grams / sizeof *grams; k++)
			if (grams[k].name[0] == s[i] && strncmp(grams[k].name, s + i, j - i) == 0 &&
			    grams[k].name[j - i] == '\0') {
				switch (grams[k].kind) {
				case G_POS: t->pos = grams[k].val; break;
				case G_CASE: t->ncase = grams[k].val; break;
				case G_NMBR: t->nmbr = grams[k].val; break;
				case G_PERS: t->pers = grams[k].val; break;
				case G_TENS: t->tens = grams[k].val; break;
				default: break;
				}
				flags |= grams[k].flags;
				t->feats |= grams[k].feats;
				break;
			}
		i = j + 1;
	}
	if (t->pos == RU_ADJF && t->nmbr == 1 && (t->feats & DYAD_F_CASE_DAT))
		flags |= RU_TF_ADJF_SG_DAT;
	t->upos = upos_of(t->pos, flags, &t->feats);
	t->flags = (uint8_t)(flags & 0xffu);
}
