/*
 * text.h — the text core every stage after cleaning shares: the matching
 * form (a folded view of the text with a map back to the original bytes),
 * tokens, sentences, language identification and stems. The text itself
 * keeps the page's own characters (NFC only); spans are byte offsets into it.
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include "dyad/util.h"

/** A half-open byte range [start, end) into some text. */
typedef struct {
	size_t start;
	size_t end;
} dyad_span;

/* ---- the matching form --------------------------------------------------------------------- */

/**
 * The matching form of a text: case folded (utf8proc), ё→е, typographic
 * quotes (« » „ “ ” ‘ ’ ‹ ›) → '"' or '\'', dashes and minus signs (‐ ‑ ‒ – —
 * ― −) → '-', non-breaking and other Unicode spaces → ' ', soft hyphens and
 * zero-width characters (U+00AD, U+200B..U+200D, U+2060, U+FEFF) removed.
 * `map[i]` is the byte offset in the source of the character that produced
 * output byte i, and map[n] is the source length, so a span found in the
 * matching form maps back with map[start] and map[end].
 */
typedef struct {
	char *p; /**< folded bytes, NUL-terminated */
	size_t n;
	size_t *map; /**< n + 1 entries */
} dyad_folded;

/** Fold `s` (well-formed UTF-8). All memory comes from `a`. */
void dyad_fold(dyad_arena *a, dyad_str s, dyad_folded *out);

/** Append the matching form of `s` to `b` (no map): for dictionary keys and lookups. */
void dyad_fold_buf(dyad_buf *b, dyad_str s);

/* ---- tokens -------------------------------------------------------------------------------- */

typedef enum {
	DYAD_TOK_WORD = 1, /**< letters, digits inside, hyphenated compounds, glued initials */
	DYAD_TOK_NUMBER,   /**< 1 000, 99.61, 1,5, 900 */
	DYAD_TOK_DATE,     /**< 20.12.2024, 2025-11-04, 20/12/2024 */
	DYAD_TOK_TIME,     /**< 14:03, 9:30 */
	DYAD_TOK_URL,      /**< https://…, www.…, belta.by/… */
	DYAD_TOK_EMAIL,
	DYAD_TOK_CURRENCY, /**< $ € ₽ £ ¥ ₸ */
	DYAD_TOK_PERCENT,  /**< % ‰ */
	DYAD_TOK_QUOTE,    /**< « » „ “ ” " ' ‘ ’ */
	DYAD_TOK_DASH,     /**< – — ― - standing alone */
	DYAD_TOK_PUNCT,    /**< . , ; : ! ? … ( ) [ ] / and the like */
	DYAD_TOK_SYMBOL    /**< anything else that is not a space */
} dyad_tok_kind;

/* Flags on word tokens (several may be set). */
#define DYAD_TOKF_CYRILLIC 0x0001u /**< has Cyrillic letters */
#define DYAD_TOKF_LATIN 0x0002u    /**< has Latin letters */
#define DYAD_TOKF_HYPHEN 0x0004u   /**< a hyphenated compound: Нур-Султан */
#define DYAD_TOKF_INITIALS 0x0008u /**< initials glued to a name: М.Тлеуберди, A.Lukashenko */
#define DYAD_TOKF_CAPITAL 0x0010u  /**< starts with an upper-case letter */
#define DYAD_TOKF_UPPER 0x0020u    /**< all letters upper case, at least two: ООН, NATO */
#define DYAD_TOKF_ABBREV 0x0040u   /**< a known abbreviation with its dot(s): г., т.е., U.S., Mr. */
#define DYAD_TOKF_DIGITS 0x0080u   /**< a word with digits: G20, COVID-19 */
#define DYAD_TOKF_OPEN 0x0100u     /**< an opening quote or bracket */
#define DYAD_TOKF_CLOSE 0x0200u    /**< a closing quote or bracket */

typedef struct {
	dyad_span span; /**< bytes in the tokenized text */
	dyad_tok_kind kind;
	unsigned flags;
} dyad_token;

/**
 * Split `text` (well-formed UTF-8) into tokens. Returns the count and sets
 * *out to an array owned by `a`. Never fails; time is linear in the text.
 */
size_t dyad_tokenize(dyad_arena *a, dyad_str text, dyad_token **out);

/** "word", "number", "date", …; never NULL. */
const char *dyad_tok_kind_name(dyad_tok_kind k);

/* ---- sentences ----------------------------------------------------------------------------- */

/**
 * Split `text` into sentences. Lines ("\n") always end a sentence (a line
 * without final punctuation — a headline — is a sentence of its own); inside
 * a line, a sentence ends at . ! ? … (with closing quotes and brackets after
 * it) unless the dot belongs to an abbreviation, an initial, a number or a
 * dateline ("MINSK, 9 June (BelTA) –", "АСТАНА, 4 ноября. /ТАСС/."). Spans
 * are trimmed of spaces and cover the text in order without overlapping.
 * Returns the count; *out is owned by `a`.
 */
size_t dyad_sent_split(dyad_arena *a, dyad_str text, dyad_span **out);

/** The same, from the tokens of `text` already made by dyad_tokenize. */
size_t dyad_sent_split_tokens(dyad_arena *a, dyad_str text, const dyad_token *toks, size_t ntok, dyad_span **out);

/* ---- language ------------------------------------------------------------------------------ */

typedef enum { DYAD_LANG_OTHER = 0, DYAD_LANG_RU, DYAD_LANG_EN, DYAD_LANG_UK, DYAD_LANG_BE, DYAD_LANG_KK } dyad_lang;

/** ISO 639-1 code: "ru", "en", "uk", "be", "kk", or "und" for other. */
const char *dyad_lang_code(dyad_lang l);
/** The language for a code; DYAD_LANG_OTHER for anything unknown. */
dyad_lang dyad_lang_parse(dyad_str code);

typedef struct dyad_langid dyad_langid;

/**
 * Load the language models (libexttextcat's n-gram profiles, restricted to
 * the candidate languages). NULL with a message in `e` if they are missing.
 */
dyad_langid *dyad_langid_new(dyad_errbuf *e);
void dyad_langid_free(dyad_langid *l);

/**
 * The language of `text`: letters only one candidate uses decide first
 * (Kazakh ә ғ қ ң ө ұ ү һ, Ukrainian ї є ґ, Belarusian ў), then the n-gram
 * classifier; text with too few letters, or in a script none of the
 * candidates use, is DYAD_LANG_OTHER.
 */
dyad_lang dyad_langid_detect(dyad_langid *l, dyad_str text);

/* ---- stems --------------------------------------------------------------------------------- */

typedef struct dyad_stemmer dyad_stemmer;

/**
 * Russian and English Snowball stemmers, and the stems of the last words met (under 1 MB, made
 * on the first word), so that a word met again is not stemmed again; aborts only on
 * out-of-memory. One stemmer serves one thread.
 */
dyad_stemmer *dyad_stemmer_new(void);
void dyad_stemmer_free(dyad_stemmer *s);

/**
 * The stem of one word: case folded and ё→е first (the stemmer does not),
 * then the Russian stemmer for a word with Cyrillic letters, the English one
 * for a Latin word; other words are returned folded. Hyphenated compounds
 * stem their last part only ("белорусско-казахстанского" →
 * "белорусско-казахстанск"). The result is owned by `a`.
 */
dyad_str dyad_stem(dyad_stemmer *s, dyad_arena *a, dyad_str word);

/**
 * A light stem for names: the word folded, and for a Cyrillic word without
 * its case ending (Токаевым, Токаева → токаев; Беларуси, Беларусь → беларус;
 * казахстанского → казахстанск). Snowball over-stems nominative names in
 * -ев/-ов and -ь (Токаев → тока, Беларусь → белар) and so parts them from
 * their other forms; names and adjectives of places and people are matched
 * by this key instead. At least two letters are kept; compounds lose the
 * ending of their last part only. The result is owned by `a`.
 */
dyad_str dyad_stem_light(dyad_stemmer *s, dyad_arena *a, dyad_str word);

#endif
