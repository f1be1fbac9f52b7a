/*
 * en.c — English words as a linguist reads them: lemma, UD part of speech
 * and the features the form shows. WordNet's lemma index and exception lists
 * with its detachment rules (morphy) give the open classes, ranked by the
 * sense counts of WordNet's tagged corpus; a small table gives the closed
 * classes (determiners, pronouns, adpositions, conjunctions, auxiliaries,
 * particles); data.noun tells which nouns WordNet writes as names.
 */
#include "morph/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "dyad/utf8.h"
#include "morph/wordnet.h"

enum { P_N, P_V, P_A, P_R, NPOS };

static const char pos_letter[NPOS] = { 'n', 'v', 'a', 'r' };
static const char *const pos_file[NPOS] = { "noun", "verb", "adj", "adv" };
static const dyad_upos pos_upos[NPOS] = { DYAD_UPOS_NOUN, DYAD_UPOS_VERB, DYAD_UPOS_ADJ, DYAD_UPOS_ADV };

/* ---- features ----------------------------------------------------------------------------- */

#define F_SING DYAD_F_NUM_SING
#define F_PLUR DYAD_F_NUM_PLUR
#define F_NEG DYAD_F_POLARITY_NEG
#define F_FIN (DYAD_F_MOOD_IND | DYAD_F_VF_FIN)
#define F_PRES3 (F_FIN | DYAD_F_TENSE_PRES | DYAD_F_NUM_SING | DYAD_F_PERSON_3)
#define F_PRES (F_FIN | DYAD_F_TENSE_PRES)
#define F_PAST (F_FIN | DYAD_F_TENSE_PAST)
#define F_PART (DYAD_F_TENSE_PAST | DYAD_F_VF_PART)
#define F_GER DYAD_F_VF_GER
#define F_NOM DYAD_F_CASE_NOM
#define F_ACC DYAD_F_CASE_ACC
#define F_P1 DYAD_F_PERSON_1
#define F_P2 DYAD_F_PERSON_2
#define F_P3 DYAD_F_PERSON_3

/* ---- the closed classes ------------------------------------------------------------------- */

/*
 * One reading of a function word; the readings of a form stand together, the
 * likelier first, with a weight relative to the others of the form. These
 * readings come before WordNet's ("will" is first an auxiliary, then a noun).
 */
typedef struct {
	const char *form, *lemma;
	dyad_upos upos;
	uint64_t feats;
	float w;
} closed_word;

#define DET DYAD_UPOS_DET
#define PRON DYAD_UPOS_PRON
#define ADP DYAD_UPOS_ADP
#define CCONJ DYAD_UPOS_CCONJ
#define SCONJ DYAD_UPOS_SCONJ
#define AUX DYAD_UPOS_AUX
#define PART DYAD_UPOS_PART
#define NUM DYAD_UPOS_NUM
#define ADV DYAD_UPOS_ADV
#define INTJ DYAD_UPOS_INTJ
#define ADJ DYAD_UPOS_ADJ

static const closed_word closed[] = {
	/* determiners */
	{ "the", "the", DET, 0, 1 },
	{ "a", "a", DET, 0, 1 },
	{ "an", "a", DET, 0, 1 },
	{ "this", "this", DET, F_SING, .7f },
	{ "this", "this", PRON, F_SING, .3f },
	{ "that", "that", SCONJ, 0, .4f },
	{ "that", "that", PRON, F_SING, .3f },
	{ "that", "that", DET, F_SING, .3f },
	{ "these", "this", DET, F_PLUR, .6f },
	{ "these", "this", PRON, F_PLUR, .4f },
	{ "those", "that", DET, F_PLUR, .6f },
	{ "those", "that", PRON, F_PLUR, .4f },
	{ "some", "some", DET, 0, .8f },
	{ "some", "some", PRON, 0, .2f },
	{ "any", "any", DET, 0, .8f },
	{ "any", "any", PRON, 0, .2f },
	{ "no", "no", DET, 0, .8f },
	{ "no", "no", INTJ, 0, .2f },
	{ "every", "every", DET, 0, 1 },
	{ "each", "each", DET, 0, .7f },
	{ "each", "each", PRON, 0, .3f },
	{ "all", "all", DET, 0, .6f },
	{ "all", "all", PRON, 0, .25f },
	{ "all", "all", ADV, 0, .15f },
	{ "both", "both", DET, 0, .6f },
	{ "both", "both", CCONJ, 0, .25f },
	{ "both", "both", PRON, 0, .15f },
	{ "either", "either", DET, 0, .4f },
	{ "either", "either", CCONJ, 0, .4f },
	{ "either", "either", PRON, 0, .2f },
	{ "neither", "neither", DET, 0, .5f },
	{ "neither", "neither", CCONJ, 0, .5f },
	{ "another", "another", DET, 0, .8f },
	{ "another", "another", PRON, 0, .2f },
	{ "such", "such", DET, 0, .6f },
	{ "such", "such", ADJ, 0, .4f },
	{ "what", "what", PRON, 0, .6f },
	{ "what", "what", DET, 0, .4f },
	{ "which", "which", PRON, 0, .6f },
	{ "which", "which", DET, 0, .4f },
	{ "whatever", "whatever", PRON, 0, .6f },
	{ "whatever", "whatever", DET, 0, .4f },
	/* personal pronouns; the possessives take the lemma of their person */
	{ "i", "I", PRON, F_NOM | F_SING | F_P1, 1 },
	{ "me", "I", PRON, F_ACC | F_SING | F_P1, 1 },
	{ "my", "I", PRON, F_SING | F_P1, 1 },
	{ "mine", "I", PRON, F_SING | F_P1, 1 },
	{ "myself", "myself", PRON, F_SING | F_P1, 1 },
	{ "you", "you", PRON, F_P2, 1 },
	{ "your", "you", PRON, F_P2, 1 },
	{ "yours", "you", PRON, F_P2, 1 },
	{ "yourself", "yourself", PRON, F_SING | F_P2, 1 },
	{ "yourselves", "yourselves", PRON, F_PLUR | F_P2, 1 },
	{ "he", "he", PRON, F_NOM | F_SING | F_P3, 1 },
	{ "him", "he", PRON, F_ACC | F_SING | F_P3, 1 },
	{ "his", "he", PRON, F_SING | F_P3, 1 },
	{ "himself", "himself", PRON, F_SING | F_P3, 1 },
	{ "she", "she", PRON, F_NOM | F_SING | F_P3, 1 },
	{ "her", "she", PRON, F_ACC | F_SING | F_P3, .55f },
	{ "her", "she", PRON, F_SING | F_P3, .45f },
	{ "hers", "she", PRON, F_SING | F_P3, 1 },
	{ "herself", "herself", PRON, F_SING | F_P3, 1 },
	{ "it", "it", PRON, F_SING | F_P3, 1 },
	{ "its", "it", PRON, F_SING | F_P3, 1 },
	{ "itself", "itself", PRON, F_SING | F_P3, 1 },
	{ "we", "we", PRON, F_NOM | F_PLUR | F_P1, 1 },
	{ "us", "we", PRON, F_ACC | F_PLUR | F_P1, 1 },
	{ "our", "we", PRON, F_PLUR | F_P1, 1 },
	{ "ours", "we", PRON, F_PLUR | F_P1, 1 },
	{ "ourselves", "ourselves", PRON, F_PLUR | F_P1, 1 },
	{ "they", "they", PRON, F_NOM | F_PLUR | F_P3, 1 },
	{ "them", "they", PRON, F_ACC | F_PLUR | F_P3, 1 },
	{ "their", "they", PRON, F_PLUR | F_P3, 1 },
	{ "theirs", "they", PRON, F_PLUR | F_P3, 1 },
	{ "themselves", "themselves", PRON, F_PLUR | F_P3, 1 },
	{ "who", "who", PRON, 0, 1 },
	{ "whom", "who", PRON, F_ACC, 1 },
	{ "whose", "whose", PRON, 0, 1 },
	{ "whoever", "whoever", PRON, 0, 1 },
	{ "something", "something", PRON, 0, 1 },
	{ "anything", "anything", PRON, 0, 1 },
	{ "nothing", "nothing", PRON, 0, 1 },
	{ "everything", "everything", PRON, 0, 1 },
	{ "someone", "someone", PRON, 0, 1 },
	{ "anyone", "anyone", PRON, 0, 1 },
	{ "everyone", "everyone", PRON, 0, 1 },
	{ "somebody", "somebody", PRON, 0, 1 },
	{ "anybody", "anybody", PRON, 0, 1 },
	{ "everybody", "everybody", PRON, 0, 1 },
	{ "nobody", "nobody", PRON, 0, 1 },
	{ "none", "none", PRON, 0, 1 },
	{ "others", "other", PRON, F_PLUR, 1 },
	{ "there", "there", PRON, 0, .5f },
	{ "there", "there", ADV, 0, .5f },
	/* adpositions */
	{ "of", "of", ADP, 0, 1 },
	{ "in", "in", ADP, 0, .9f },
	{ "in", "in", ADV, 0, .1f },
	{ "to", "to", ADP, 0, .55f },
	{ "to", "to", PART, 0, .45f },
	{ "for", "for", ADP, 0, .95f },
	{ "for", "for", SCONJ, 0, .05f },
	{ "on", "on", ADP, 0, .9f },
	{ "on", "on", ADV, 0, .1f },
	{ "with", "with", ADP, 0, 1 },
	{ "at", "at", ADP, 0, 1 },
	{ "by", "by", ADP, 0, .95f },
	{ "by", "by", ADV, 0, .05f },
	{ "from", "from", ADP, 0, 1 },
	{ "about", "about", ADP, 0, .7f },
	{ "about", "about", ADV, 0, .3f },
	{ "against", "against", ADP, 0, 1 },
	{ "between", "between", ADP, 0, 1 },
	{ "into", "into", ADP, 0, 1 },
	{ "through", "through", ADP, 0, .9f },
	{ "through", "through", ADV, 0, .1f },
	{ "during", "during", ADP, 0, 1 },
	{ "before", "before", ADP, 0, .5f },
	{ "before", "before", SCONJ, 0, .3f },
	{ "before", "before", ADV, 0, .2f },
	{ "after", "after", ADP, 0, .55f },
	{ "after", "after", SCONJ, 0, .35f },
	{ "after", "after", ADV, 0, .1f },
	{ "above", "above", ADP, 0, .7f },
	{ "above", "above", ADV, 0, .3f },
	{ "below", "below", ADP, 0, .6f },
	{ "below", "below", ADV, 0, .4f },
	{ "over", "over", ADP, 0, .7f },
	{ "over", "over", ADV, 0, .3f },
	{ "under", "under", ADP, 0, 1 },
	{ "since", "since", SCONJ, 0, .5f },
	{ "since", "since", ADP, 0, .5f },
	{ "without", "without", ADP, 0, 1 },
	{ "within", "within", ADP, 0, 1 },
	{ "among", "among", ADP, 0, 1 },
	{ "amongst", "amongst", ADP, 0, 1 },
	{ "amid", "amid", ADP, 0, 1 },
	{ "across", "across", ADP, 0, .8f },
	{ "across", "across", ADV, 0, .2f },
	{ "along", "along", ADP, 0, .6f },
	{ "along", "along", ADV, 0, .4f },
	{ "around", "around", ADP, 0, .6f },
	{ "around", "around", ADV, 0, .4f },
	{ "behind", "behind", ADP, 0, .8f },
	{ "behind", "behind", ADV, 0, .2f },
	{ "beyond", "beyond", ADP, 0, 1 },
	{ "despite", "despite", ADP, 0, 1 },
	{ "except", "except", ADP, 0, 1 },
	{ "near", "near", ADP, 0, .6f },
	{ "toward", "toward", ADP, 0, 1 },
	{ "towards", "towards", ADP, 0, 1 },
	{ "upon", "upon", ADP, 0, 1 },
	{ "via", "via", ADP, 0, 1 },
	{ "per", "per", ADP, 0, 1 },
	{ "like", "like", ADP, 0, .5f },
	{ "like", "like", SCONJ, 0, .1f },
	{ "off", "off", ADP, 0, .5f },
	{ "off", "off", ADV, 0, .5f },
	{ "out", "out", ADV, 0, .7f },
	{ "out", "out", ADP, 0, .3f },
	{ "up", "up", ADV, 0, .6f },
	{ "up", "up", ADP, 0, .4f },
	{ "down", "down", ADV, 0, .6f },
	{ "down", "down", ADP, 0, .4f },
	{ "onto", "onto", ADP, 0, 1 },
	{ "throughout", "throughout", ADP, 0, 1 },
	{ "until", "until", ADP, 0, .5f },
	{ "until", "until", SCONJ, 0, .5f },
	{ "till", "till", ADP, 0, .5f },
	{ "till", "till", SCONJ, 0, .5f },
	{ "unlike", "unlike", ADP, 0, 1 },
	{ "versus", "versus", ADP, 0, 1 },
	{ "than", "than", ADP, 0, .5f },
	{ "than", "than", SCONJ, 0, .5f },
	{ "as", "as", ADP, 0, .4f },
	{ "as", "as", SCONJ, 0, .4f },
	{ "as", "as", ADV, 0, .2f },
	{ "inside", "inside", ADP, 0, .6f },
	{ "outside", "outside", ADP, 0, .5f },
	{ "beside", "beside", ADP, 0, 1 },
	{ "besides", "besides", ADP, 0, .6f },
	{ "beneath", "beneath", ADP, 0, 1 },
	{ "alongside", "alongside", ADP, 0, 1 },
	/* conjunctions */
	{ "and", "and", CCONJ, 0, 1 },
	{ "or", "or", CCONJ, 0, 1 },
	{ "nor", "nor", CCONJ, 0, 1 },
	{ "but", "but", CCONJ, 0, .9f },
	{ "but", "but", ADP, 0, .1f },
	{ "yet", "yet", ADV, 0, .7f },
	{ "yet", "yet", CCONJ, 0, .3f },
	{ "so", "so", ADV, 0, .6f },
	{ "so", "so", SCONJ, 0, .25f },
	{ "so", "so", CCONJ, 0, .15f },
	{ "if", "if", SCONJ, 0, 1 },
	{ "whether", "whether", SCONJ, 0, 1 },
	{ "because", "because", SCONJ, 0, 1 },
	{ "although", "although", SCONJ, 0, 1 },
	{ "though", "though", SCONJ, 0, .8f },
	{ "though", "though", ADV, 0, .2f },
	{ "while", "while", SCONJ, 0, .9f },
	{ "whereas", "whereas", SCONJ, 0, 1 },
	{ "unless", "unless", SCONJ, 0, 1 },
	{ "once", "once", ADV, 0, .6f },
	{ "once", "once", SCONJ, 0, .4f },
	{ "when", "when", ADV, 0, .5f },
	{ "when", "when", SCONJ, 0, .5f },
	{ "where", "where", ADV, 0, .6f },
	{ "where", "where", SCONJ, 0, .4f },
	{ "whenever", "whenever", SCONJ, 0, 1 },
	{ "wherever", "wherever", SCONJ, 0, 1 },
	{ "why", "why", ADV, 0, 1 },
	{ "how", "how", ADV, 0, 1 },
	/* auxiliaries; their uses as main verbs come from WordNet after them */
	{ "be", "be", AUX, 0, 1 },
	{ "am", "be", AUX, F_PRES | F_SING | F_P1, 1 },
	{ "is", "be", AUX, F_PRES3, 1 },
	{ "are", "be", AUX, F_PRES, 1 },
	{ "was", "be", AUX, F_PAST | F_SING, 1 },
	{ "were", "be", AUX, F_PAST, 1 },
	{ "been", "be", AUX, F_PART, 1 },
	{ "being", "be", AUX, F_GER, 1 },
	{ "have", "have", AUX, 0, 1 },
	{ "has", "have", AUX, F_PRES3, 1 },
	{ "had", "have", AUX, F_PAST, .8f },
	{ "had", "have", AUX, F_PART, .2f },
	{ "having", "have", AUX, F_GER, 1 },
	{ "do", "do", AUX, 0, 1 },
	{ "does", "do", AUX, F_PRES3, 1 },
	{ "did", "do", AUX, F_PAST, 1 },
	{ "will", "will", AUX, DYAD_F_VF_FIN, 1 },
	{ "would", "would", AUX, DYAD_F_VF_FIN, 1 },
	{ "shall", "shall", AUX, DYAD_F_VF_FIN, 1 },
	{ "should", "should", AUX, DYAD_F_VF_FIN, 1 },
	{ "can", "can", AUX, DYAD_F_VF_FIN, 1 },
	{ "could", "could", AUX, DYAD_F_VF_FIN, 1 },
	{ "may", "may", AUX, DYAD_F_VF_FIN, 1 },
	{ "might", "might", AUX, DYAD_F_VF_FIN, 1 },
	{ "must", "must", AUX, DYAD_F_VF_FIN, 1 },
	{ "ought", "ought", AUX, DYAD_F_VF_FIN, 1 },
	{ "cannot", "can", AUX, DYAD_F_VF_FIN | F_NEG, 1 },
	{ "ca", "can", AUX, DYAD_F_VF_FIN, 1 },
	{ "wo", "will", AUX, DYAD_F_VF_FIN, 1 },
	{ "sha", "shall", AUX, DYAD_F_VF_FIN, 1 },
	{ "ai", "be", AUX, F_PRES, 1 },
	/* clitics as the tokenizer may leave them alone */
	{ "'ll", "will", AUX, DYAD_F_VF_FIN, 1 },
	{ "'d", "would", AUX, DYAD_F_VF_FIN, .6f },
	{ "'d", "have", AUX, F_PAST, .4f },
	{ "'ve", "have", AUX, F_PRES, 1 },
	{ "'re", "be", AUX, F_PRES, 1 },
	{ "'m", "be", AUX, F_PRES | F_SING | F_P1, 1 },
	{ "'s", "'s", PART, 0, .5f },
	{ "'s", "be", AUX, F_PRES3, .35f },
	{ "'s", "have", AUX, F_PRES3, .15f },
	/* particles */
	{ "not", "not", PART, F_NEG, 1 },
	{ "n't", "not", PART, F_NEG, 1 },
	{ "never", "never", ADV, F_NEG, 1 },
	/* numerals */
	{ "one", "one", NUM, 0, .7f },
	{ "one", "one", PRON, 0, .3f },
	{ "two", "two", NUM, 0, 1 },
	{ "three", "three", NUM, 0, 1 },
	{ "four", "four", NUM, 0, 1 },
	{ "five", "five", NUM, 0, 1 },
	{ "six", "six", NUM, 0, 1 },
	{ "seven", "seven", NUM, 0, 1 },
	{ "eight", "eight", NUM, 0, 1 },
	{ "nine", "nine", NUM, 0, 1 },
	{ "ten", "ten", NUM, 0, 1 },
	{ "eleven", "eleven", NUM, 0, 1 },
	{ "twelve", "twelve", NUM, 0, 1 },
	{ "twenty", "twenty", NUM, 0, 1 },
	{ "thirty", "thirty", NUM, 0, 1 },
	{ "forty", "forty", NUM, 0, 1 },
	{ "fifty", "fifty", NUM, 0, 1 },
	{ "hundred", "hundred", NUM, 0, 1 },
	{ "thousand", "thousand", NUM, 0, 1 },
	{ "million", "million", NUM, 0, 1 },
	{ "billion", "billion", NUM, 0, 1 },
	{ "trillion", "trillion", NUM, 0, 1 },
	{ "yes", "yes", INTJ, 0, 1 },
};

#undef DET
#undef PRON
#undef ADP
#undef CCONJ
#undef SCONJ
#undef AUX
#undef PART
#undef NUM
#undef ADV
#undef INTJ
#undef ADJ

/* ---- the tables built from WordNet -------------------------------------------------------- */

/* A word as WordNet knows it: a lemma of the index, an irregular form, or a function word. */
typedef struct {
	const char *key;
	uint32_t klen;
	uint32_t exc;          /* first irregular reading + 1 (ex[]), 0 for none */
	uint32_t count[NPOS];  /* how often the lemma was seen in the tagged corpus, per part of speech */
	uint16_t senses[NPOS]; /* senses in the index; 0: not a lemma of that part of speech */
	uint16_t closed;       /* first closed[] reading + 1, 0 for none */
	uint16_t nclosed;
	const char *noun_offsets; /* the synset offsets of its noun senses in data.noun */
	uint32_t noun_offsets_n;
} entry;

/* An irregular form's lemma from <pos>.exc; a list per form through `next`. */
typedef struct {
	const char *lemma;
	uint32_t n;
	uint32_t pos;
	uint32_t next; /* + 1, 0 ends */
} exc_reading;

enum { F_INDEX, F_EXC = NPOS, F_COUNTS = 2 * NPOS, F_DATA_NOUN, NFILES };

typedef struct {
	const char *p;
	size_t n;
} mapped;

struct morph_en {
	mapped file[NFILES];
	char *path[NFILES];
	entry *ent;
	size_t nent, entcap;
	uint64_t *slot; /* the key hash's high half << 32 | entry index + 1; 0 is empty; a power of two long */
	size_t nslot;
	exc_reading *ex;
	size_t nex, excap;
};

static uint64_t key_hash(const char *p, size_t n)
{
	return dyad_hash64(p, n, DYAD_HASH_SEED);
}

static entry *find(const morph_en *m, const char *p, size_t n)
{
	uint64_t h = key_hash(p, n);
	size_t mask = m->nslot - 1, i = (size_t)h & mask;
	uint32_t tag = (uint32_t)(h >> 32);

	for (;; i = (i + 1) & mask) {
		uint32_t s = (uint32_t)m->slot[i];
		if (s == 0)
			return NULL;
		if ((uint32_t)(m->slot[i] >> 32) == tag && m->ent[s - 1].klen == n && memcmp(m->ent[s - 1].key, p, n) == 0)
			return &m->ent[s - 1];
	}
}

/* Put entry i into the first free slot from its hash on. */
static void place(morph_en *m, size_t i)
{
	uint64_t h = key_hash(m->ent[i].key, m->ent[i].klen);
	size_t mask = m->nslot - 1, j = (size_t)h & mask;

	while (m->slot[j])
		j = (j + 1) & mask;
	m->slot[j] = (h >> 32 << 32) | (uint32_t)(i + 1);
}

static void rehash(morph_en *m, size_t nslot)
{
	size_t i;

	free(m->slot);
	m->slot = dyad_xcalloc(nslot, sizeof *m->slot);
	m->nslot = nslot;
	for (i = 0; i < m->nent; i++)
		place(m, i);
}

/* The entry for `key` (which must outlive the table), made when it is not there yet. */
static entry *intern(morph_en *m, const char *p, size_t n)
{
	entry *e = find(m, p, n);

	if (e)
		return e;
	if (2 * (m->nent + 1) > m->nslot)
		rehash(m, m->nslot * 2);
	m->ent = dyad_xgrow(m->ent, &m->entcap, m->nent, sizeof *m->ent, 1024);
	e = &m->ent[m->nent];
	memset(e, 0, sizeof *e);
	e->key = p;
	e->klen = (uint32_t)n;
	place(m, m->nent++);
	return e;
}

typedef struct {
	morph_en *m;
	int pos;
} load_ctx;

static int on_index(void *ctx, const morph_wn_index_line *l)
{
	load_ctx *c = ctx;
	entry *e;

	if (memchr(l->lemma.p, '_', l->lemma.n) || l->lemma.n > UINT32_MAX)
		return 0; /* collocations: a token is one word */
	e = intern(c->m, l->lemma.p, l->lemma.n);
	e->senses[c->pos] = (uint16_t)l->senses;
	if (c->pos == P_N) {
		e->noun_offsets = l->offsets.p;
		e->noun_offsets_n = (uint32_t)l->offsets.n;
	}
	return 0;
}

static int on_exc(void *ctx, dyad_str form, dyad_str lemma)
{
	load_ctx *c = ctx;
	morph_en *m = c->m;
	entry *e;

	if (memchr(form.p, '_', form.n) || memchr(lemma.p, '_', lemma.n))
		return 0;
	e = intern(m, form.p, form.n);
	m->ex = dyad_xgrow(m->ex, &m->excap, m->nex, sizeof *m->ex, 1024);
	m->ex[m->nex] = (exc_reading){ lemma.p, (uint32_t)lemma.n, (uint32_t)c->pos, e->exc };
	e->exc = (uint32_t)++m->nex;
	return 0;
}

static int on_count(void *ctx, const morph_wn_count_line *l)
{
	load_ctx *c = ctx;
	entry *e = find(c->m, l->lemma.p, l->lemma.n);
	int p = l->pos == 'n' ? P_N : l->pos == 'v' ? P_V : l->pos == 'a' ? P_A : P_R;

	if (e && e->count[p] < UINT32_MAX - l->count)
		e->count[p] += l->count;
	return 0;
}

/* Map `path` read-only into *out (an empty file gives an empty slice). */
static int map_file(mapped *out, const char *path, dyad_errbuf *e)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	void *p;

	if (fd < 0)
		return dyad_errf(e, errno == ENOENT ? DYAD_ENOTFOUND : DYAD_EIO,
				 "%s: cannot open: %s (WordNet is missing: apt-get install wordnet-base)", path,
				 strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return dyad_errf(e, DYAD_EIO, "%s: not a readable file", path);
	}
	out->n = (size_t)st.st_size;
	out->p = "";
	if (out->n) {
		p = mmap(NULL, out->n, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED) {
			close(fd);
			return dyad_errf(e, DYAD_EIO, "%s: cannot map: %s", path, strerror(errno));
		}
		out->p = p;
	}
	close(fd);
	return 0;
}

void morph_en_free(morph_en *m)
{
	int i;

	if (m == NULL)
		return;
	for (i = 0; i < NFILES; i++) {
		if (m->file[i].n)
			munmap((void *)m->file[i].p, m->file[i].n);
		free(m->path[i]);
	}
	free(m->ent);
	free(m->slot);
	free(m->ex);
	free(m);
}

int morph_en_open(morph_en **out, const char *wordnet_dir, dyad_errbuf *e)
{
	morph_en *m = dyad_xcalloc(1, sizeof *m);
	const char *dir = wordnet_dir ? wordnet_dir : "/usr/share/wordnet";
	size_t i, dlen = strlen(dir);
	int rc = 0;

	*out = NULL;
	for (i = 0; i < NFILES; i++) {
		const char *base = i == F_COUNTS ? "cntlist.rev" : i == F_DATA_NOUN ? "data.noun" : NULL;
		char name[32];
		if (base == NULL) {
			if (i < F_EXC)
				snprintf(name, sizeof name, "index.%s", pos_file[i]);
			else
				snprintf(name, sizeof name, "%s.exc", pos_file[i - F_EXC]);
			base = name;
		}
		m->path[i] = dyad_xmalloc(dlen + strlen(base) + 2);
		sprintf(m->path[i], "%s/%s", dir, base);
		if ((rc = map_file(&m->file[i], m->path[i], e)) != 0)
			goto done;
	}
	rehash(m, (size_t)1 << 18); /* WordNet 3.0 has some 90 000 one-word lemmas and forms */
	for (i = 0; i < NPOS; i++) {
		load_ctx c = { m, (int)i };
		dyad_str s = { m->file[F_INDEX + i].p, m->file[F_INDEX + i].n };
		if ((rc = morph_wn_read_index(s, m->path[F_INDEX + i], pos_letter[i], on_index, &c, e)) != 0)
			goto done;
	}
	for (i = 0; i < NPOS; i++) {
		load_ctx c = { m, (int)i };
		dyad_str s = { m->file[F_EXC + i].p, m->file[F_EXC + i].n };
		if ((rc = morph_wn_read_exc(s, m->path[F_EXC + i], on_exc, &c, e)) != 0)
			goto done;
	}
	{
		load_ctx c = { m, 0 };
		dyad_str s = { m->file[F_COUNTS].p, m->file[F_COUNTS].n };
		if ((rc = morph_wn_read_counts(s, m->path[F_COUNTS], on_count, &c, e)) != 0)
			goto done;
	}
	for (i = 0; i < sizeof closed / sizeof closed[0]; i++) {
		entry *x;
		if (i > 0 && strcmp(closed[i].form, closed[i - 1].form) == 0)
			continue;
		x = intern(m, closed[i].form, strlen(closed[i].form));
		x->closed = (uint16_t)(i + 1);
		while (i + x->nclosed < sizeof closed / sizeof closed[0] &&
		       strcmp(closed[i + x->nclosed].form, closed[i].form) == 0)
			x->nclosed++;
	}
done:
	if (rc != 0) {
		morph_en_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

/* ---- analysis ----------------------------------------------------------------------------- */

/* Words longer than this are not looked up: no WordNet lemma is that long. */
#define MAXW 64
#define MAXC 48

typedef struct {
	char lemma[4 * MAXW + 8]; /* a source form may take more bytes than its folded form */
	size_t n;
	dyad_upos upos;
	uint64_t feats;
	double w;
	unsigned known;
} cand;

typedef struct {
	cand c[MAXC];
	size_t n;
} cands;

/* Add a reading; the same lemma, part of speech and features again keeps the higher weight. */
static cand *add(cands *cs, const char *lemma, size_t n, dyad_upos upos, uint64_t feats, double w, unsigned known)
{
	size_t i;
	cand *c;

	if (n >= sizeof cs->c[0].lemma)
		return NULL;
	for (i = 0; i < cs->n; i++) {
		c = &cs->c[i];
		if (c->upos == upos && c->feats == feats && c->n == n && memcmp(c->lemma, lemma, n) == 0) {
			if (w > c->w)
				c->w = w;
			c->known |= known;
			return c;
		}
	}
	if (cs->n == MAXC)
		return NULL;
	c = &cs->c[cs->n++];
	memcpy(c->lemma, lemma, n);
	c->lemma[n] = '\0';
	c->n = n;
	c->upos = upos;
	c->feats = feats;
	c->w = w;
	c->known = known;
	return c;
}

static int ends(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n >= k && memcmp(w + n - k, suf, k) == 0;
}

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* How often the lemma was seen as `pos`, smoothed so that an unseen lemma still counts. */
static double lemma_weight(const morph_en *m, const char *lemma, size_t n, int pos)
{
	const entry *e = find(m, lemma, n);

	return e && e->senses[pos] ? e->count[pos] + 1.0 : 0.5;
}

/*
 * The share of a lemma's uses that take this form: a lemma's corpus count is
 * for all its forms, so "meeting" the noun outweighs the -ing form of "meet".
 */
static double form_share(dyad_upos upos, uint64_t f)
{
	switch (upos) {
	case DYAD_UPOS_NOUN: return f & F_PLUR ? .3 : .7;
	case DYAD_UPOS_VERB: return f & F_GER ? .15 : f & DYAD_F_TENSE_PRES ? .15 : f & DYAD_F_TENSE_PAST ? .4 : .3;
	case DYAD_UPOS_ADJ: return f & (DYAD_F_DEGREE_SUP | DYAD_F_DEGREE_CMP) ? 1 : .9; /* "larger": large first */
	default: return 1;
	}
}

/* An open-class reading from WordNet, weighted by the lemma's count and the form's share. */
static void add_open(cands *cs, const char *lemma, size_t n, dyad_upos upos, uint64_t feats, double w, unsigned known)
{
	add(cs, lemma, n, upos, feats, w * form_share(upos, feats), known);
}

/* Past tense, participle or both, for an irregular past form of `lemma` (its vowel and ending). */
enum { PAST_BOTH, PAST_ONLY, PART_ONLY };

static int irregular_past(const char *form, size_t n, const char *lemma, size_t ln)
{
	size_t i, diff = 0, at = 0;

	if (ends(form, n, "ed"))
		return PAST_BOTH;
	if (ends(form, n, "en") || ends(form, n, "wn") || ends(form, n, "rn") || ends(form, n, "ne"))
		return PART_ONLY; /* taken, known, sworn, gone */
	if (n == ln) {            /* one vowel changed: begin began begun, run ran, come came */
		for (i = 0; i < n; i++)
			if (form[i] != lemma[i]) {
				diff++;
				at = i;
			}
		if (diff == 1 && is_vowel(lemma[at]) && form[at] == 'a')
			return PAST_ONLY;
		if (diff == 1 && lemma[at] == 'i' && form[at] == 'u')
			return PART_ONLY;
	}
	if (ends(form, n, "ew") || ends(form, n, "ook"))
		return PAST_ONLY; /* drew, took */
	if (n >= 3 && form[n - 1] == 'e' && !is_vowel(form[n - 2]) && form[n - 3] == 'o')
		return PAST_ONLY; /* wrote, rose, spoke */
	return PAST_BOTH;
}

/* The verb readings of a past form: past tense, participle, or both (the past tense first). */
static void add_past(cands *cs, const char *lemma, size_t n, double w, int kind, unsigned known)
{
	if (kind != PART_ONLY)
		add_open(cs, lemma, n, DYAD_UPOS_VERB, F_PAST, kind == PAST_BOTH ? w * .55 : w, known);
	if (kind != PAST_ONLY)
		add_open(cs, lemma, n, DYAD_UPOS_VERB, F_PART, kind == PAST_BOTH ? w * .45 : w, known);
}

/* The readings of form w[0..n) in one part of speech from an irregular-form list entry. */
static void add_exception(const morph_en *m, cands *cs, const char *w, size_t n, const exc_reading *x)
{
	double lw = lemma_weight(m, x->lemma, x->n, (int)x->pos);
	uint64_t f = 0;

	switch (x->pos) {
	case P_N:
		if (x->n == n && memcmp(x->lemma, w, n) == 0)
			return; /* "is is": nothing to say */
		f = F_PLUR;
		break;
	case P_V:
		if (ends(w, n, "ing"))
			f = F_GER;
		else if (ends(w, n, "s") && !ends(w, n, "ss"))
			f = F_PRES3;
		else {
			add_past(cs, x->lemma, x->n, lw, irregular_past(w, n, x->lemma, x->n), 1);
			return;
		}
		break;
	default: /* comparatives and superlatives: "worse", "best", "further" */
		if (x->n == n && memcmp(x->lemma, w, n) == 0)
			return;
		f = ends(w, n, "st") ? DYAD_F_DEGREE_SUP : DYAD_F_DEGREE_CMP;
		break;
	}
	add_open(cs, x->lemma, x->n, pos_upos[x->pos], f, lw, 1);
}

/* WordNet's detachment rules (morphy): a suffix, what replaces it, the part of speech, the features. */
enum { K_PLUR, K_PRES3, K_PAST, K_GER, K_CMP, K_SUP };

static const struct {
	const char *suffix, *ending;
	int pos, kind;
} rules[] = {
	{ "s", "", P_N, K_PLUR },      { "ses", "s", P_N, K_PLUR },   { "xes", "x", P_N, K_PLUR },
	{ "zes", "z", P_N, K_PLUR },   { "ches", "ch", P_N, K_PLUR }, { "shes", "sh", P_N, K_PLUR },
	{ "men", "man", P_N, K_PLUR }, { "ies", "y", P_N, K_PLUR },   { "s", "", P_V, K_PRES3 },
	{ "ies", "y", P_V, K_PRES3 },  { "es", "e", P_V, K_PRES3 },   { "es", "", P_V, K_PRES3 },
	{ "ed", "e", P_V, K_PAST },    { "ed", "", P_V, K_PAST },     { "ing", "e", P_V, K_GER },
	{ "ing", "", P_V, K_GER },     { "er", "", P_A, K_CMP },      { "est", "", P_A, K_SUP },
	{ "er", "e", P_A, K_CMP },     { "est", "e", P_A, K_SUP },
};

static const uint64_t kind_feats[] = { F_PLUR, F_PRES3, 0, F_GER, DYAD_F_DEGREE_CMP, DYAD_F_DEGREE_SUP };
static const uint64_t base_feats[NPOS] = { F_SING, 0, DYAD_F_DEGREE_POS, 0 };

/*
 * WordNet keeps some plurals as lemmas of their own ("troops", "relations",
 * "leaders"), with corpus counts of their own; UD reads them as plurals of
 * the singular. When an -s word is both, the plural reading (readings from
 * `from` on) goes first, the word-as-lemma after it.
 */
static void prefer_plural(cands *cs, size_t from, const char *w, size_t n)
{
	cand *self = NULL, *plural = NULL;
	size_t i;

	if (!ends(w, n, "s"))
		return;
	for (i = from; i < cs->n; i++) {
		cand *c = &cs->c[i];
		if (c->upos != DYAD_UPOS_NOUN)
			continue;
		if (c->n == n && memcmp(c->lemma, w, n) == 0)
			self = c;
		else if ((c->feats & F_PLUR) && (plural == NULL || c->w > plural->w))
			plural = c;
	}
	if (self && plural && self->w >= plural->w)
		plural->w += self->w;
}

/*
 * The open-class readings WordNet gives the lower-case word w[0..n): its
 * irregular forms, the word itself as a lemma, and the lemmas the detachment
 * rules reach. Returns how many were added.
 */
static size_t add_wordnet(const morph_en *m, cands *cs, const char *w, size_t n)
{
	const entry *e = find(m, w, n);
	size_t before = cs->n, i;
	int p, rules_too = 1;

	if (e && e->closed)
		rules_too = 0; /* a function word is no inflected form: "was" is not the plural of "wa";
				  the main-verb uses of "was", "has" come with the auxiliary (add_closed) */
	if (e) {
		uint32_t x;
		for (x = e->exc; x; x = m->ex[x - 1].next)
			if (!(rules_too == 0 && m->ex[x - 1].pos == P_V))
				add_exception(m, cs, w, n, &m->ex[x - 1]);
		for (p = 0; p < NPOS; p++)
			if (e->senses[p])
				add_open(cs, w, n, pos_upos[p], base_feats[p], e->count[p] + 1.0, 1);
	}
	for (i = 0; rules_too && i < sizeof rules / sizeof rules[0]; i++) {
		char lemma[MAXW + 4];
		size_t sl = strlen(rules[i].suffix), el = strlen(rules[i].ending), ln;
		const entry *le;

		if (!ends(w, n, rules[i].suffix) || n <= sl)
			continue;
		if (rules[i].pos == P_N && (ends(w, n, "ss") || n <= 2))
			continue; /* morphy leaves "glass" and "us" alone */
		ln = n - sl + el;
		memcpy(lemma, w, n - sl);
		memcpy(lemma + n - sl, rules[i].ending, el);
		le = find(m, lemma, ln);
		if (le == NULL || le->senses[rules[i].pos] == 0)
			continue;
		if (rules[i].kind == K_PAST)
			add_past(cs, le->key, ln, le->count[P_V] + 1.0, PAST_BOTH, 1);
		else
			add_open(cs, le->key, ln, pos_upos[rules[i].pos], kind_feats[rules[i].kind],
				 le->count[rules[i].pos] + 1.0, 1);
	}
	prefer_plural(cs, before, w, n);
	return cs->n - before;
}

/*
 * For a capitalised word: the nouns among the readings that WordNet writes
 * with a capital in some sense ("Putin", "China", "U.S.") get a proper-noun
 * reading in WordNet's spelling, weighted by the share of such senses (and
 * first when the first sense is one); a noun whose every sense is a name
 * keeps only the proper-noun reading.
 */
static void add_wordnet_names(const morph_en *m, cands *cs, const char *w, size_t n, dyad_str own)
{
	dyad_str data = { m->file[F_DATA_NOUN].p, m->file[F_DATA_NOUN].n };
	size_t i, ncands = cs->n;

	for (i = 0; i < ncands; i++) {
		cand *c = &cs->c[i];
		const entry *e;
		const char *p, *end;
		unsigned senses = 0, caps = 0, first_cap = 0;
		dyad_str form = { NULL, 0 };
		double share, cw;

		if (c->upos != DYAD_UPOS_NOUN || (e = find(m, c->lemma, c->n)) == NULL || e->noun_offsets == NULL)
			continue;
		p = e->noun_offsets;
		end = p + e->noun_offsets_n;
		while (p + 8 <= end && senses < 64) {
			uint64_t off = 0;
			size_t k;
			dyad_str f;
			dyad_errbuf err;
			while (p < end && *p == ' ')
				p++;
			if (p + 8 > end)
				break;
			for (k = 0; k < 8; k++)
				off = off * 10 + (uint64_t)(p[k] - '0');
			p += 8;
			senses++;
			if (morph_wn_synset_word(data, "data.noun", off, (dyad_str){ c->lemma, c->n }, &f, &err) == 1 &&
			    f.n == c->n && memcmp(f.p, c->lemma, c->n) != 0) {
				caps++;
				if (senses == 1)
					first_cap = 1;
				if (form.p == NULL)
					form = f;
			}
		}
		if (caps == 0)
			continue;
		share = (double)caps / senses;
		cw = c->w;
		c->w = cw * (1 - share);
		if (c->n == n && memcmp(c->lemma, w, n) == 0)
			form = own; /* the name as the text writes it: "EU", not europium's "Eu" */
		add(cs, form.p, form.n, DYAD_UPOS_PROPN, c->feats,
		    first_cap ? cw * (share > .6 ? share : .6) : cw * share * .5, 1);
	}
	/* drop the readings whose weight went to nothing */
	for (i = 0; i < cs->n;)
		if (cs->c[i].w <= 0)
			cs->c[i] = cs->c[--cs->n];
		else
			i++;
}

/* Undo a doubled final consonant: "stopp" -> "stop" (the regular rules for words WordNet lacks). */
static size_t undouble(const char *s, size_t n)
{
	if (n >= 3 && s[n - 1] == s[n - 2] && strchr("bdgmnprt", s[n - 1]) && is_vowel(s[n - 3]))
		return n - 1;
	return n;
}

/*
 * The stem of an -ed or -ing form WordNet lacks: a doubled consonant undone
 * ("stopp" -> "stop"), a silent e put back after the
 * endings that keep one ("geolocat" -> "geolocate", "weaponiz" -> "weaponize").
 * Writes into `out` (room for n + 1 bytes) and returns the length.
 */
static size_t guess_stem(const char *s, size_t n, char *out)
{
	size_t k = undouble(s, n);

	memcpy(out, s, k);
	if (k == n && (ends(s, n, "at") || ends(s, n, "iz") || ends(s, n, "is") || ends(s, n, "v") || ends(s, n, "c") ||
		       ends(s, n, "u") || ends(s, n, "dg")))
		out[k++] = 'e';
	return k;
}

/* Readings for a lower-case word outside WordNet, from its ending alone (known = 0). */
static void add_guesses(cands *cs, const char *w, size_t n, double w0)
{
	char lemma[MAXW + 4];
	size_t ln;

	if (n >= 5 && ends(w, n, "ing")) {
		ln = guess_stem(w, n - 3, lemma);
		add(cs, lemma, ln, DYAD_UPOS_VERB, F_GER, w0, 0);
		add(cs, w, n, DYAD_UPOS_NOUN, F_SING, w0 * .3, 0);
	} else if (n >= 4 && ends(w, n, "ied")) {
		memcpy(lemma, w, n - 3);
		lemma[n - 3] = 'y';
		add_past(cs, lemma, n - 2, w0, PAST_BOTH, 0);
	} else if (n >= 4 && ends(w, n, "ed")) {
		ln = guess_stem(w, n - 2, lemma);
		add_past(cs, lemma, ln, w0, PAST_BOTH, 0);
	} else if (n >= 4 && ends(w, n, "ly")) {
		add(cs, w, n, DYAD_UPOS_ADV, 0, w0, 0);
	} else if (n >= 4 && ends(w, n, "ies")) {
		memcpy(lemma, w, n - 3);
		lemma[n - 3] = 'y';
		add(cs, lemma, n - 2, DYAD_UPOS_NOUN, F_PLUR, w0, 0);
		add(cs, lemma, n - 2, DYAD_UPOS_VERB, F_PRES3, w0 * .3, 0);
	} else if (n >= 3 && ends(w, n, "s") && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is")) {
		ln = n - 1;
		if (ends(w, n, "ches") || ends(w, n, "shes") || ends(w, n, "xes") || ends(w, n, "sses") ||
		    ends(w, n, "zes"))
			ln = n - 2;
		add(cs, w, ln, DYAD_UPOS_NOUN, F_PLUR, w0, 0);
		add(cs, w, ln, DYAD_UPOS_VERB, F_PRES3, w0 * .3, 0);
	} else {
		add(cs, w, n, DYAD_UPOS_NOUN, F_SING, w0, 0);
	}
}

/* The word folded for lookup: lower case, ’ as ', with what its letters tell. */
typedef struct {
	char low[MAXW + 1];
	size_t n;
	size_t map[MAXW + 1]; /* byte of the source where each folded byte began */
	int letters, upper, first_upper, digits, bad;
} folded;

static int fold_word(dyad_str s, folded *f)
{
	size_t i = 0;

	memset(f, 0, sizeof *f);
	while (i < s.n) {
		uint32_t cp;
		int ok = 1;
		size_t k = dyad_utf8_decode(s.p + i, s.n - i, &cp, &ok), j;
		char enc[4];
		size_t el;
		const utf8proc_property_t *pr;

		if (!ok || cp == 0) {
			f->bad = 1;
			return 0;
		}
		if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
			cp = '\'';
		pr = utf8proc_get_property((utf8proc_int32_t)cp);
		if (pr->category == UTF8PROC_CATEGORY_LU || pr->category == UTF8PROC_CATEGORY_LT) {
			f->upper++;
			if (f->letters == 0)
				f->first_upper = 1;
		}
		if (pr->category >= UTF8PROC_CATEGORY_LU && pr->category <= UTF8PROC_CATEGORY_LO)
			f->letters++;
		if (cp >= '0' && cp <= '9')
			f->digits++;
		cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
		el = dyad_utf8_encode(cp, enc);
		if (f->n + el > MAXW)
			return 0;
		for (j = 0; j < el; j++) {
			f->map[f->n] = i;
			f->low[f->n++] = enc[j];
		}
		i += k;
	}
	f->map[f->n] = s.n;
	f->low[f->n] = '\0';
	return 1;
}

/* Copy the readings, best first with scores that sum to 1, into the arena. */
static size_t finish(cands *cs, dyad_arena *a, dyad_analysis **out)
{
	size_t i, j;
	double sum = 0;
	dyad_analysis *res;

	for (i = 1; i < cs->n; i++) { /* insertion sort: stable, and there are few */
		cand t = cs->c[i];
		for (j = i; j > 0 && cs->c[j - 1].w < t.w; j--)
			cs->c[j] = cs->c[j - 1];
		cs->c[j] = t;
	}
	for (i = 0; i < cs->n; i++)
		sum += cs->c[i].w;
	res = DYAD_ARENA_NEW(a, dyad_analysis, cs->n ? cs->n : 1);
	for (i = 0; i < cs->n; i++) {
		res[i].lemma.p = dyad_arena_strndup(a, cs->c[i].lemma, cs->c[i].n);
		res[i].lemma.n = cs->c[i].n;
		res[i].upos = cs->c[i].upos;
		res[i].feats = cs->c[i].feats;
		res[i].score = sum > 0 ? (float)(cs->c[i].w / sum) : 0;
		res[i].known = cs->c[i].known;
	}
	*out = res;
	return cs->n;
}

/* One reading with the word itself as lemma, for what is not looked up. */
static size_t single(dyad_arena *a, dyad_str word, dyad_upos upos, dyad_analysis **out)
{
	dyad_analysis *res = DYAD_ARENA_NEW(a, dyad_analysis, 1);

	res->lemma.p = dyad_arena_strndup(a, word.p, word.n);
	res->lemma.n = word.n;
	res->upos = upos;
	res->score = 1;
	*out = res;
	return 1;
}

/* Whether an auxiliary is also a main verb in the same forms ("has" a house, "did" the work). */
static int main_verb_aux(const char *lemma)
{
	return strcmp(lemma, "be") == 0 || strcmp(lemma, "have") == 0 || strcmp(lemma, "do") == 0;
}

/* The closed-class readings of w[0..n), with `extra` features added; returns how many. */
static size_t add_closed(const morph_en *m, cands *cs, const char *w, size_t n, double scale, uint64_t extra, int aux_only)
{
	const entry *e = find(m, w, n);
	size_t i, added = 0;

	if (e == NULL || e->closed == 0)
		return 0;
	for (i = 0; i < e->nclosed; i++) {
		const closed_word *c = &closed[e->closed - 1 + i];
		size_t j, ln = strlen(c->lemma);
		if (aux_only && c->upos != DYAD_UPOS_AUX)
			continue;
		/* the table's weight, not WordNet's, for a reading both give ("as" the adverb) */
		for (j = 0; j < cs->n; j++)
			if (cs->c[j].upos == c->upos && cs->c[j].feats == (c->feats | extra) && cs->c[j].n == ln &&
			    memcmp(cs->c[j].lemma, c->lemma, ln) == 0)
				cs->c[j].w = 0;
		add(cs, c->lemma, ln, c->upos, c->feats | extra, scale * c->w, 1);
		if (c->upos == DYAD_UPOS_AUX && main_verb_aux(c->lemma))
			add(cs, c->lemma, strlen(c->lemma), DYAD_UPOS_VERB, c->feats | extra, scale * c->w * .4, 1);
		added++;
	}
	return added;
}

static double max_weight(const cands *cs)
{
	double mx = 0;
	size_t i;

	for (i = 0; i < cs->n; i++)
		if (cs->c[i].w > mx)
			mx = cs->c[i].w;
	return mx;
}

static double sum_weight(const cands *cs)
{
	double s = 0;
	size_t i;

	for (i = 0; i < cs->n; i++)
		s += cs->c[i].w;
	return s;
}

size_t morph_en_analyze(const morph_en *m, dyad_arena *a, dyad_str word, unsigned flags, dyad_analysis **out)
{
	cands cs;
	folded f;
	const char *w;
	size_t n, i, nopen, stem_n;
	int cap, allcaps, past_form = 0;
	dyad_str proper;

	*out = NULL;
	cs.n = 0;
	if (word.n == 0)
		return 0;
	if (!fold_word(word, &f))
		return single(a, word, DYAD_UPOS_X, out); /* too long to be a word, or not UTF-8 */
	if (f.letters == 0) {
		int punct = 1;
		for (i = 0; i < word.n; i++)
			if (!((unsigned char)word.p[i] < 0x80 && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", word.p[i])))
				punct = 0;
		return single(a, word, f.digits ? DYAD_UPOS_NUM : punct ? DYAD_UPOS_PUNCT : DYAD_UPOS_X, out);
	}
	w = f.low;
	n = f.n;
	cap = f.first_upper && !(f.upper == 1 && f.letters == 1 && n == 1 && w[0] == 'i'); /* "I" is no name */

	/* "didn't", "can't": the auxiliary, negated */
	if (n > 3 && ends(w, n, "n't") && add_closed(m, &cs, w, n - 3, 1, F_NEG, 1))
		return finish(&cs, a, out);
	/* "Russia's", "countries'", "they're": the word without its clitic */
	stem_n = n;
	if (n > 2 && (ends(w, n, "'s") || ends(w, n, "'d") || ends(w, n, "'m")))
		stem_n = n - 2;
	else if (n > 3 && (ends(w, n, "'ll") || ends(w, n, "'re") || ends(w, n, "'ve")))
		stem_n = n - 3;
	else if (n > 2 && ends(w, n, "s'"))
		stem_n = n - 1;
	if (stem_n != n && find(m, w, n) == NULL) /* "o'clock" stays whole */
		n = stem_n;
	proper = (dyad_str){ word.p, f.map[n] };

	/* the open classes from WordNet; a past form of a verb is read as a verb first */
	nopen = add_wordnet(m, &cs, w, n);
	for (i = 0; i < cs.n; i++)
		if (cs.c[i].upos == DYAD_UPOS_VERB && (cs.c[i].feats & DYAD_F_TENSE_PAST))
			past_form = 1;
	if (past_form) {
		double mx = 0;
		for (i = 0; i < cs.n; i++)
			if (cs.c[i].upos != DYAD_UPOS_VERB && cs.c[i].w > mx)
				mx = cs.c[i].w;
		for (i = 0; i < cs.n; i++)
			if (cs.c[i].upos == DYAD_UPOS_VERB && (cs.c[i].feats & DYAD_F_TENSE_PAST))
				cs.c[i].w += mx;
	}
	if (cap)
		add_wordnet_names(m, &cs, w, n, proper);
	/* the closed classes before them */
	allcaps = f.upper == f.letters && f.letters >= 2;
	add_closed(m, &cs, w, n, allcaps ? .1 * max_weight(&cs) + .1 : 2 * (sum_weight(&cs) + 1), 0, 0);
	/* a hyphenated word WordNet lacks: its last part carries the reading ("peace-keepers") */
	if (cs.n == 0) {
		const char *dash = w + n;
		while (dash > w && dash[-1] != '-')
			dash--;
		dash = dash > w ? dash - 1 : NULL;
		if (dash && dash > w && dash + 1 < w + n) {
			cands tail;
			size_t hl = (size_t)(dash + 1 - w), hb = f.map[hl];
			tail.n = 0;
			add_wordnet(m, &tail, dash + 1, n - hl);
			for (i = 0; i < tail.n; i++) {
				char lemma[sizeof tail.c[0].lemma];
				if (hb + tail.c[i].n >= sizeof lemma)
					continue;
				memcpy(lemma, word.p, hb); /* the first parts as written */
				memcpy(lemma + hb, tail.c[i].lemma, tail.c[i].n);
				add(&cs, lemma, hb + tail.c[i].n, tail.c[i].upos, tail.c[i].feats, tail.c[i].w, 0);
			}
		}
	}
	/* a capitalised word: a name when the flag says so, or when nothing else reads it */
	if (cap && (cs.n == 0 || (flags & DYAD_MORPH_MIDCAP))) {
		double top = max_weight(&cs) * 2 + 1;
		cand *best = NULL;
		for (i = 0; i < cs.n; i++)
			if (cs.c[i].upos == DYAD_UPOS_PROPN && (best == NULL || cs.c[i].w > best->w))
				best = &cs.c[i];
		if (best)
			best->w = top;
		else
			add(&cs, proper.p, proper.n, DYAD_UPOS_PROPN, F_SING, top, nopen > 0);
	}
	if (cs.n == 0)
		add_guesses(&cs, w, n, 1);
	return finish(&cs, a, out);
}
