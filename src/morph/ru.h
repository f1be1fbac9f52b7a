/*
 * ru.h — the Russian analyser's tables, shared by its three files: ru_load.c
 * maps and checks az's dictionary files, ru_tags.c reads OpenCorpora tags into
 * UD, ru.c analyses words the way az's Az.Morph does.
 */
#ifndef DYAD_MORPH_RU_H
#define DYAD_MORPH_RU_H

#include <stddef.h>
#include <stdint.h>

#include "morph/dawg.h"
#include "morph/internal.h"

/* OpenCorpora parts of speech (POST), plus az's own for numbers, Latin, punctuation. */
enum {
	RU_POS_NONE = 0,
	RU_NOUN,
	RU_ADJF,
	RU_ADJS,
	RU_COMP,
	RU_VERB,
	RU_INFN,
	RU_PRTF,
	RU_PRTS,
	RU_GRND,
	RU_NUMR,
	RU_ADVB,
	RU_NPRO,
	RU_PRED,
	RU_PREP,
	RU_CONJ,
	RU_PRCL,
	RU_INTJ,
	RU_NUMB,
	RU_ROMN,
	RU_LATN,
	RU_PNCT,
	RU_UNKN
};

/* Tag properties az's parsers test. */
#define RU_TF_UNPRODUCTIVE 0x01u /* NUMR NPRO PRED PREP CONJ PRCL INTJ Apro and az's own: not predicted */
#define RU_TF_CAPITALIZED 0x02u  /* Name Surn Patr Geox Init: needs a capital letter in the text */
#define RU_TF_ABBR 0x04u
#define RU_TF_ADJF_SG_DAT 0x08u    /* ADJF,sing,datv: the base of a по- adverb */
#define RU_TF_PREDICTED_ABBR 0x10u /* az's tags for an unknown abbreviation: PROPN */

typedef struct {
	const char *str; /* the OpenCorpora tag as az writes it: "NOUN,anim,masc sing,nomn" */
	uint16_t len;
	uint8_t pos;              /* RU_* */
	uint8_t ncase;            /* 1..6 nomn gent datv accs ablt loct (voct, gen2, loc2 … count as their parent) */
	uint8_t nmbr, pers, tens; /* 1-based, 0 when absent */
	uint8_t flags;            /* RU_TF_* */
	dyad_upos upos;
	uint64_t feats;
} ru_tag;

/* The dictionary's files, in memory (mapped or, for the fuzzer, given). */
enum { RU_WORDS, RU_PROBS, RU_PRED0, RU_PRED1, RU_PRED2, RU_PARADIGMS, RU_SUFFIXES, RU_GRAMTAB, RU_NFILES };
extern const char *const morph_ru_file_names[RU_NFILES];

typedef struct {
	const void *p;
	size_t n;
} ru_blob;

/* Tags az adds for words outside the dictionary, after the gramtab's. */
enum {
	RU_XT_ABBR = 0,
	RU_XT_INIT = 36,
	RU_XT_ADVB = 48,
	RU_XT_INTG,
	RU_XT_REAL,
	RU_XT_PNCT,
	RU_XT_ROMN,
	RU_XT_LATN,
	RU_XT_UNKN,
	RU_XT_COUNT
};

#define RU_MAX_PREFIXES 160

struct morph_ru {
	ru_blob file[RU_NFILES];
	int mapped; /* file[] are mmap()ed and unmapped on free */
	morph_dawg words, probs, pred[3];
	const uint16_t *para; /* paradigms.array after its count */
	uint32_t npara;
	uint32_t *para_off;   /* per paradigm: index in para of its first entry */
	uint16_t *para_forms; /* per paradigm: number of forms */
	uint32_t *suf;        /* suffixes as code points, one after another */
	uint32_t *suf_off;    /* nsuf + 1 offsets into suf */
	uint32_t nsuf;
	ru_tag *tags;   /* the gramtab's, then RU_XT_COUNT of az's own */
	uint32_t ntags; /* the gramtab's count */
	char *tag_text; /* the tags' strings */
	/* az's known prefixes and particles as code points (ru.c's lists, decoded at load) */
	uint32_t prefix_cp[RU_MAX_PREFIXES][12];
	uint8_t prefix_len[RU_MAX_PREFIXES];
	uint32_t particle_cp[8][6];
	uint8_t particle_len[8];
};

/* ru.c: decode its word lists into `r` (at load). */
void morph_ru_init_lists(morph_ru *r);

/*
 * Build a morph_ru over the files in `f` (not copied: they must outlive it).
 * With `verify`, each file must also be byte for byte the one az 0.2.3 ships
 * (size and checksum). Returns 0 or DYAD_EINPUT with a message naming the file.
 */
int morph_ru_load(morph_ru **out, const ru_blob f[RU_NFILES], int verify, dyad_errbuf *e);

/* ru_tags.c: read tag string `s` into `t` (never fails: unknown grammemes are ignored). */
void morph_ru_tag_parse(ru_tag *t, const char *s, size_t n);

#endif
