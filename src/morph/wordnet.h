/*
 * wordnet.h — the readers of WordNet's database files (index.<pos>, <pos>.exc,
 * cntlist.rev, data.<pos>) that the English analyser (en.c) builds its tables
 * from. They read text as WordNet writes it and name the file and line of
 * the first line that is not in that shape.
 */
#ifndef DYAD_MORPH_WORDNET_H
#define DYAD_MORPH_WORDNET_H

#include <stdint.h>

#include "dyad/util.h"

/** One line of index.<pos>: a lemma and its senses, most frequent first. */
typedef struct {
	dyad_str lemma;   /**< lower case, '_' between the words of a collocation */
	unsigned senses;  /**< synset_cnt: how many senses the lemma has in this part of speech */
	unsigned tagged;  /**< tagsense_cnt: how many of them were seen in the tagged corpus */
	dyad_str offsets; /**< the synset offsets into data.<pos>, "08168978 08544813 ..." */
} morph_wn_index_line;

/** One line of cntlist.rev: how often one sense was seen in the tagged corpus. */
typedef struct {
	dyad_str lemma; /**< the lemma of the sense key, before '%' */
	char pos;       /**< 'n', 'v', 'a' (adjectives and satellites) or 'r' */
	unsigned sense; /**< the sense number within the lemma's part of speech */
	unsigned count; /**< the tag count */
} morph_wn_count_line;

/* Callbacks get each well-formed line; a non-zero return stops the reading and is returned. */
typedef int (*morph_wn_index_fn)(void *ctx, const morph_wn_index_line *l);
typedef int (*morph_wn_exc_fn)(void *ctx, dyad_str form, dyad_str lemma);
typedef int (*morph_wn_count_fn)(void *ctx, const morph_wn_count_line *l);

/**
 * Read index.<pos> text `s` (the licence lines that open it, which begin with
 * two spaces, are skipped); `pos` is the letter every line must carry ('n',
 * 'v', 'a', 'r'). Returns 0, a callback's return, or DYAD_EINPUT with
 * "NAME:LINE: what was expected" on `e` for the first malformed line.
 */
int morph_wn_read_index(dyad_str s, const char *name, char pos, morph_wn_index_fn fn, void *ctx, dyad_errbuf *e);

/** Read <pos>.exc text: "form lemma [lemma...]" per line; fn is called once per lemma. As above. */
int morph_wn_read_exc(dyad_str s, const char *name, morph_wn_exc_fn fn, void *ctx, dyad_errbuf *e);

/** Read cntlist.rev text: "lemma%sense_key sense_number tag_count" per line. As above. */
int morph_wn_read_counts(dyad_str s, const char *name, morph_wn_count_fn fn, void *ctx, dyad_errbuf *e);

/**
 * In data.<pos> text `s`, the synset line at byte `offset`: finds the word of
 * it that is `lemma` (lower case, compared without case) and sets *form to
 * that word as WordNet writes it ("Putin", "U.S."), a slice of `s`. Returns 1
 * when found, 0 when the synset has no such word, DYAD_EINPUT with a message
 * naming `name` and the offset when the line there is not a synset line.
 */
int morph_wn_synset_word(dyad_str s, const char *name, uint64_t offset, dyad_str lemma, dyad_str *form, dyad_errbuf *e);

#endif
