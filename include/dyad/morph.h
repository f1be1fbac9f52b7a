/*
 * morph.h — words as a linguist reads them. Russian through OpenCorpora's
 * dictionary as the npm package `az` ships it (DAWG files read directly from
 * C, mapped, never converted); English through WordNet's lemma lists and
 * exception files plus the regular inflection rules. Stands in the text core:
 * after tokens, before the actor and event lexicons that match on lemmas.
 */
#ifndef DYAD_MORPH_H
#define DYAD_MORPH_H

#include <stdint.h>

#include "dyad/text.h"
#include "dyad/util.h"

/** Universal Dependencies part-of-speech tags. */
typedef enum {
	DYAD_UPOS_X = 0, /**< unknown or other */
	DYAD_UPOS_NOUN,
	DYAD_UPOS_PROPN,
	DYAD_UPOS_VERB,
	DYAD_UPOS_AUX,
	DYAD_UPOS_ADJ,
	DYAD_UPOS_ADV,
	DYAD_UPOS_PRON,
	DYAD_UPOS_DET,
	DYAD_UPOS_NUM,
	DYAD_UPOS_ADP,
	DYAD_UPOS_CCONJ,
	DYAD_UPOS_SCONJ,
	DYAD_UPOS_PART,
	DYAD_UPOS_INTJ,
	DYAD_UPOS_PUNCT,
	DYAD_UPOS_SYM
} dyad_upos;

/** "NOUN", "VERB", …; "X" for anything unknown. Never NULL. */
const char *dyad_upos_name(dyad_upos u);

/*
 * UD features as bits of a 64-bit set. At most one value of each feature is
 * set in one analysis. dyad_feats_format writes them as UD writes them:
 * sorted by feature name, "Animacy=Anim|Case=Ins|Gender=Masc|Number=Sing".
 */
#define DYAD_F_CASE_NOM (UINT64_C(1) << 0)
#define DYAD_F_CASE_GEN (UINT64_C(1) << 1)
#define DYAD_F_CASE_DAT (UINT64_C(1) << 2)
#define DYAD_F_CASE_ACC (UINT64_C(1) << 3)
#define DYAD_F_CASE_INS (UINT64_C(1) << 4)
#define DYAD_F_CASE_LOC (UINT64_C(1) << 5)
#define DYAD_F_CASE_VOC (UINT64_C(1) << 6)
#define DYAD_F_CASE_PAR (UINT64_C(1) << 7) /**< partitive: "чаю" */
#define DYAD_F_CASE_MASK (UINT64_C(0xff))
#define DYAD_F_GENDER_MASC (UINT64_C(1) << 8)
#define DYAD_F_GENDER_FEM (UINT64_C(1) << 9)
#define DYAD_F_GENDER_NEUT (UINT64_C(1) << 10)
#define DYAD_F_GENDER_MASK (UINT64_C(7) << 8)
#define DYAD_F_NUM_SING (UINT64_C(1) << 11)
#define DYAD_F_NUM_PLUR (UINT64_C(1) << 12)
#define DYAD_F_NUM_MASK (UINT64_C(3) << 11)
#define DYAD_F_ANIM_ANIM (UINT64_C(1) << 13)
#define DYAD_F_ANIM_INAN (UINT64_C(1) << 14)
#define DYAD_F_ASPECT_PERF (UINT64_C(1) << 15)
#define DYAD_F_ASPECT_IMP (UINT64_C(1) << 16)
#define DYAD_F_TENSE_PAST (UINT64_C(1) << 17)
#define DYAD_F_TENSE_PRES (UINT64_C(1) << 18)
#define DYAD_F_TENSE_FUT (UINT64_C(1) << 19)
#define DYAD_F_VF_FIN (UINT64_C(1) << 20)
#define DYAD_F_VF_INF (UINT64_C(1) << 21)
#define DYAD_F_VF_PART (UINT64_C(1) << 22)
#define DYAD_F_VF_CONV (UINT64_C(1) << 23) /**< gerund (деепричастие) */
#define DYAD_F_VOICE_ACT (UINT64_C(1) << 24)
#define DYAD_F_VOICE_PASS (UINT64_C(1) << 25)
#define DYAD_F_VOICE_MID (UINT64_C(1) << 26) /**< reflexive -ся verbs */
#define DYAD_F_MOOD_IND (UINT64_C(1) << 27)
#define DYAD_F_MOOD_IMP (UINT64_C(1) << 28)
#define DYAD_F_MOOD_CND (UINT64_C(1) << 29)
#define DYAD_F_PERSON_1 (UINT64_C(1) << 30)
#define DYAD_F_PERSON_2 (UINT64_C(1) << 31)
#define DYAD_F_PERSON_3 (UINT64_C(1) << 32)
#define DYAD_F_VARIANT_SHORT (UINT64_C(1) << 33) /**< short adjective or participle */
#define DYAD_F_DEGREE_POS (UINT64_C(1) << 34)
#define DYAD_F_DEGREE_CMP (UINT64_C(1) << 35)
#define DYAD_F_DEGREE_SUP (UINT64_C(1) << 36)
#define DYAD_F_ABBR (UINT64_C(1) << 37)       /**< Abbr=Yes: МИД, ОДКБ */
#define DYAD_F_NAME_GIVEN (UINT64_C(1) << 38) /**< NameType=Giv (OpenCorpora Name) */
#define DYAD_F_NAME_SUR (UINT64_C(1) << 39)   /**< NameType=Sur (Surn) */
#define DYAD_F_NAME_PATR (UINT64_C(1) << 40)  /**< NameType=Pat (Patr) */
#define DYAD_F_NAME_GEO (UINT64_C(1) << 41)   /**< NameType=Geo (Geox) */
#define DYAD_F_NAME_ORG (UINT64_C(1) << 42)   /**< NameType=Com (Orgn) */
#define DYAD_F_POLARITY_NEG (UINT64_C(1) << 43)
#define DYAD_F_VF_GER (UINT64_C(1) << 44) /**< VerbForm=Ger: English -ing forms ("meeting", "saying") */

/**
 * Write `f` as a UD FEATS string ("Case=Ins|Gender=Masc|Number=Sing", "_"
 * when empty) into `b`.
 */
void dyad_feats_format(dyad_buf *b, uint64_t f);

/** One reading of a word. */
typedef struct {
	dyad_str lemma; /**< the dictionary form, lower case (proper nouns keep their capital in English) */
	dyad_upos upos;
	uint64_t feats; /**< DYAD_F_* bits */
	float score;    /**< P(tag | word) where the dictionary gives it; readings sorted by it, best first */
	unsigned known; /**< 1: the word form is in the dictionary; 0: predicted (suffixes, rules) */
} dyad_analysis;

typedef struct dyad_morph dyad_morph;

/**
 * Open the dictionaries found on the search path: `dir` when not NULL (the
 * `--data` option), else $DYAD_MORPH, else the install prefix's
 * share/dyad/morph, else the source or build tree's node_modules/az/dicts;
 * WordNet from /usr/share/wordnet. Returns 0, or DYAD_ENOTFOUND with a message
 * on `e` naming the missing file and how to install it, or DYAD_EINPUT for a
 * dictionary of another format or version, truncated or corrupted. The large
 * files are mapped, not copied. Free with dyad_morph_free.
 */
int dyad_morph_open(dyad_morph **out, const char *dir, dyad_errbuf *e);
void dyad_morph_free(dyad_morph *m);

/* Flags for dyad_morph_analyze. */
#define DYAD_MORPH_MIDCAP 0x1u /**< capitalised in mid-sentence: the proper-noun reading comes first */

/**
 * Every analysis of one word (its source form, any case) in `lang` (ru or
 * en; anything else gives none), best first. The array and the lemmas are
 * owned by `a`. Returns the count (at least 1 for a word in Cyrillic or Latin
 * letters: an unknown word gets a predicted reading or itself as lemma, X).
 * Never fails on any input bytes.
 */
size_t dyad_morph_analyze(const dyad_morph *m, dyad_arena *a, dyad_lang lang, dyad_str word, unsigned flags,
			  dyad_analysis **out);

/** One word of a sentence for dyad_morph_disambiguate. */
typedef struct {
	const dyad_analysis *an; /**< its readings, as dyad_morph_analyze gave them (NULL, 0 for a non-word) */
	size_t n;
	size_t best; /**< in: the reading chosen so far (usually 0); out: the one chosen in context */
} dyad_morph_word;

/**
 * Choose each word's reading from its neighbours (Russian; other languages
 * are left alone): a preposition sets the case of the nominal words after it
 * up to the first noun (с + Ins, в and на + Loc or Acc, о + Loc, к + Dat, из
 * + Gen …), the noun before a verb is its nominative subject when it can
 * agree with it (and depends on no noun, number or preposition before it),
 * and an adjective, participle or determiner agrees with the noun after it in
 * case, number and (in the singular) gender. Only `best` changes,
 * and only to a reading the word has. `w` is a sentence's words in order.
 */
void dyad_morph_disambiguate(dyad_lang lang, dyad_morph_word *w, size_t n);

#endif
