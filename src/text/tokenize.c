/*
 * tokenize.c — words, numbers, dates, times, addresses, quotes and dashes of
 * Russian and English news, each with its byte span. One pass over the code
 * points; every branch consumes at least one, so any input ends. Compounds
 * ("Нур-Султан"), glued initials ("М.Тлеуберди"), abbreviations with their
 * dots ("т.е.", "U.S.") and numbers with group spaces ("1 000") stay whole.
 */
#include "dyad/text.h"

#include <string.h>
#include <utf8proc.h>

#include "dyad/utf8.h"

typedef struct {
	dyad_str s;
	dyad_arena *a;
	dyad_token *toks;
	size_t n, cap;
} tk;

/* ---- code points -------------------------------------------------------------------------- */

static inline uint32_t cp_at(const tk *t, size_t i, size_t *len)
{
	uint32_t cp;

	if (i >= t->s.n) {
		*len = 0;
		return 0;
	}
	*len = dyad_utf8_next(t->s.p + i, t->s.n - i, &cp);
	return cp;
}

static int cat(uint32_t cp)
{
	return utf8proc_get_property((utf8proc_int32_t)cp)->category;
}

/* U+0400..U+045F: the Cyrillic capitals (to U+042F), then the small letters, all letters */
static int basic_cyrillic(uint32_t cp)
{
	return cp >= 0x400 && cp <= 0x45f;
}

static int is_letter(uint32_t cp)
{
	int c;
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (basic_cyrillic(cp))
		return 1;
	c = cat(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

static int is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static int is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (basic_cyrillic(cp))
		return cp < 0x430;
	return cat(cp) == UTF8PROC_CATEGORY_LU || cat(cp) == UTF8PROC_CATEGORY_LT;
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF ||
	       cp == 0x00AD;
}

/* Spaces that may stand inside a number between groups of three digits. */
static int is_group_space(uint32_t cp)
{
	return cp == ' ' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x2007;
}

static int is_hyphen(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* ---- output ------------------------------------------------------------------------------- */

static void push(tk *t, size_t start, size_t end, dyad_tok_kind kind, unsigned flags)
{
	t->toks = dyad_arena_grow(t->a, t->toks, &t->cap, t->n, sizeof *t->toks, 256);
	t->toks[t->n].span.start = start;
	t->toks[t->n].span.end = end;
	t->toks[t->n].kind = kind;
	t->toks[t->n].flags = flags;
	t->n++;
}

/* Script and case flags of a word [a, b). */
static unsigned word_flags(const tk *t, size_t a, size_t b)
{
	unsigned f = 0;
	size_t i = a, len;
	int letters = 0, upper = 0, first = 1;

	while (i < b) {
		uint32_t cp = cp_at(t, i, &len);
		if (is_letter(cp)) {
			letters++;
			if (is_upper(cp)) {
				upper++;
				if (first)
					f |= DYAD_TOKF_CAPITAL;
			}
			first = 0;
			if (cp >= 0x400 && cp <= 0x52F)
				f |= DYAD_TOKF_CYRILLIC;
			else if (cp < 0x250)
				f |= DYAD_TOKF_LATIN;
		} else if (is_digit(cp)) {
			f |= DYAD_TOKF_DIGITS;
		} else if (is_hyphen(cp)) {
			f |= DYAD_TOKF_HYPHEN;
		}
		i += len;
	}
	if (letters >= 2 && upper == letters)
		f |= DYAD_TOKF_UPPER;
	return f;
}

/* ---- abbreviations ------------------------------------------------------------------------- */

/* Abbreviations that take their dot (folded, with the dot). Multi-dot ones are matched whole. */
static const char *const abbrevs[] = {
	"г.",    "гг.",   "т.е.",    "т.д.",  "т.п.",  "т.к.",  "т.н.",    "т.о.",   "и.о.",  "млн.", "млрд.", "трлн.",
	"тыс.",  "руб.",  "долл.",   "коп.",  "им.",   "ул.",   "пр.",     "просп.", "пл.",   "обл.", "р-н.",  "д.",
	"кв.",   "стр.",  "с.",      "гл.",   "ст.",   "п.",    "пп.",     "рис.",   "табл.", "см.",  "напр.", "др.",
	"проф.", "акад.", "доц.",    "ген.",  "корр.", "ред.",  "зам.",    "пред.",  "сек.",  "мин.", "ч.",    "вв.",
	"в.",    "н.э.",  "до н.э.", "англ.", "рус.",  "каз.",  "бел.",    "тел.",   "факс.", "e.g.", "i.e.",  "etc.",
	"vs.",   "mr.",   "mrs.",    "ms.",   "dr.",   "prof.", "st.",     "jr.",    "sr.",   "gen.", "lt.",   "col.",
	"maj.",  "capt.", "sen.",    "rep.",  "gov.",  "pres.", "no.",     "nos.",   "jan.",  "feb.", "mar.",  "apr.",
	"jun.",  "jul.",  "aug.",    "sep.",  "sept.", "oct.",  "nov.",    "dec.",   "u.s.",  "u.k.", "u.n.",  "e.u.",
	"a.m.",  "p.m.",  "inc.",    "ltd.",  "co.",   "corp.", "approx.", "fig.",   "dept.", "est.", "vol.",  "pp.",
	"ed.",   "al.",   NULL
};

static int known_abbrev(const tk *t, size_t a, size_t b)
{
	dyad_buf f = DYAD_BUF_INIT;
	const char *const *x;
	int hit = 0;

	if (b - a > 24)
		return 0;
	dyad_fold_buf(&f, (dyad_str){ t->s.p + a, b - a });
	for (x = abbrevs; f.n && *x && !hit; x++) /* the first byte turns most away before a length */
		hit = f.p[0] == (*x)[0] && f.n == strlen(*x) && memcmp(f.p, *x, f.n) == 0;
	dyad_buf_free(&f);
	return hit;
}

/* ---- scanners ------------------------------------------------------------------------------ */

/* End of a run of word characters (letters, marks, digits) from i. */
static size_t word_run(const tk *t, size_t i)
{
	size_t len;

	for (;;) {
		uint32_t cp = cp_at(t, i, &len);
		if (len == 0 || !(is_letter(cp) || is_digit(cp)))
			return i;
		i += len;
	}
}

static int starts_with_ci(const tk *t, size_t i, const char *p)
{
	return dyad_str_starts_with_lower((dyad_str){ t->s.p + i, t->s.n - i }, dyad_str_c(p));
}

/* A URL from i: up to white space, without trailing punctuation. */
static size_t url_end(const tk *t, size_t i)
{
	size_t j = i, len;

	while (j < t->s.n) {
		uint32_t cp = cp_at(t, j, &len);
		if (is_space(cp) || cp == '"' || cp == '<' || cp == '>' || cp == 0xAB || cp == 0xBB || cp == 0x201C ||
		    cp == 0x201D)
			break;
		j += len;
	}
	while (j > i && strchr(".,;:!?)]'", t->s.p[j - 1]))
		j--;
	return j;
}

static const char *const tlds[] = { "ru", "by", "kz", "com", "org",  "net", "uz",  "kg",  "am",  "az",    "ge",
				    "md", "ua", "tj", "tm",  "info", "io",  "gov", "edu", "tv",  "media", "news",
				    "su", "cn", "tr", "ir",  "uk",   "de",  "fr",  "eu",  "int", NULL };

static int is_tld(const tk *t, size_t a, size_t b)
{
	const char *const *x;

	for (x = tlds; *x; x++)
		if (b - a == strlen(*x) && starts_with_ci(t, a, *x))
			return 1;
	return 0;
}

/* A domain at i ("belta.by", "news.un.org/ru"): its end, or 0. */
static size_t domain_end(const tk *t, size_t i)
{
	size_t j = i, last_dot = 0, len;
	int labels = 0;

	for (;;) {
		size_t e = j;
		for (;;) {
			uint32_t cp = cp_at(t, e, &len);
			if (len == 0 || !(cp < 0x80 && (is_letter(cp) || is_digit(cp) || cp == '-')))
				break;
			e += len;
		}
		if (e == j)
			return 0;
		labels++;
		if (e < t->s.n && t->s.p[e] == '.' && e + 1 < t->s.n && ((unsigned char)t->s.p[e + 1] < 0x80) &&
		    (is_letter((unsigned char)t->s.p[e + 1]) || is_digit((unsigned char)t->s.p[e + 1]))) {
			last_dot = e;
			j = e + 1;
			continue;
		}
		if (labels < 2 || !is_tld(t, last_dot + 1, e))
			return 0;
		if (e < t->s.n && t->s.p[e] == '/')
			return url_end(t, e);
		return e;
	}
}

/* An e-mail address at i: its end, or 0. */
static size_t email_end(const tk *t, size_t i)
{
	size_t j = i, d;

	while (j < t->s.n && (unsigned char)t->s.p[j] < 0x80 &&
	       (is_letter((unsigned char)t->s.p[j]) || is_digit((unsigned char)t->s.p[j]) || strchr("._%+-", t->s.p[j])))
		j++;
	if (j == i || j >= t->s.n || t->s.p[j] != '@')
		return 0;
	d = domain_end(t, j + 1);
	return d ? d : 0;
}

static size_t digits(const tk *t, size_t i)
{
	while (i < t->s.n && is_digit((unsigned char)t->s.p[i]))
		i++;
	return i;
}

/* Dates and times from i (a digit): sets *kind and returns the end, or 0. */
static size_t date_or_time(const tk *t, size_t i, dyad_tok_kind *kind)
{
	size_t a = digits(t, i), b, c, n1 = a - i;

	if (a >= t->s.n)
		return 0;
	/* 2025-11-04 */
	if (n1 == 4 && t->s.p[a] == '-') {
		b = digits(t, a + 1);
		if (b - a - 1 == 2 && b < t->s.n && t->s.p[b] == '-' && (c = digits(t, b + 1)) - b - 1 == 2) {
			*kind = DYAD_TOK_DATE;
			return c;
		}
		return 0;
	}
	/* 20.12.2024, 20/12/2024, 1.3.21 */
	if (n1 <= 2 && (t->s.p[a] == '.' || t->s.p[a] == '/')) {
		char sep = t->s.p[a];
		b = digits(t, a + 1);
		if (b - a - 1 >= 1 && b - a - 1 <= 2 && b < t->s.n && t->s.p[b] == sep) {
			c = digits(t, b + 1);
			if (c - b - 1 == 4 || c - b - 1 == 2) {
				*kind = DYAD_TOK_DATE;
				return c;
			}
		}
		return 0;
	}
	/* 14:03, 9:30:15 */
	if (n1 <= 2 && t->s.p[a] == ':') {
		b = digits(t, a + 1);
		if (b - a - 1 == 2) {
			if (b < t->s.n && t->s.p[b] == ':' && digits(t, b + 1) - b - 1 == 2)
				b = digits(t, b + 1);
			*kind = DYAD_TOK_TIME;
			return b;
		}
	}
	return 0;
}

/* A number from i: groups of three after spaces ("1 000"), one decimal part ("99.61", "1,5"). */
static size_t number_end(const tk *t, size_t i)
{
	size_t j = digits(t, i), len;

	if (j - i <= 3) {
		/* "15 000 000": a space then exactly three digits, not followed by a digit */
		for (;;) {
			uint32_t cp = cp_at(t, j, &len);
			size_t k;
			if (len == 0 || !is_group_space(cp))
				break;
			k = digits(t, j + len);
			if (k - j - len != 3)
				break;
			j = k;
		}
	}
	/* "1,200,000" */
	while (j + 3 < t->s.n && t->s.p[j] == ',' && digits(t, j + 1) - j - 1 == 3 &&
	       !(j + 4 < t->s.n && is_digit((unsigned char)t->s.p[j + 4])))
		j += 4;
	if (j + 1 < t->s.n && (t->s.p[j] == '.' || t->s.p[j] == ',') && is_digit((unsigned char)t->s.p[j + 1]))
		j = digits(t, j + 1);
	return j;
}

/* ---- quotes -------------------------------------------------------------------------------- */

static int is_quote(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
	       cp == 0x201F || cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x2039 || cp == 0x203A;
}

/* Opening or closing: fixed for « » „, else by what stands before (space, start, bracket: opening). */
static unsigned quote_side(const tk *t, size_t i, uint32_t cp)
{
	uint32_t prev = 0;
	size_t k = i, len;

	if (cp == 0xAB || cp == 0x201E || cp == 0x201A || cp == 0x2039)
		return DYAD_TOKF_OPEN;
	if (cp == 0xBB || cp == 0x203A)
		return DYAD_TOKF_CLOSE;
	if (k > 0) {
		k--;
		while (k > 0 && ((unsigned char)t->s.p[k] & 0xC0) == 0x80)
			k--;
		prev = cp_at(t, k, &len);
	}
	if (i == 0 || is_space(prev) || prev == '(' || prev == '[' || prev == 0xAB || prev == 0x201E || prev == '-' ||
	    prev == 0x2013 || prev == 0x2014 || prev == '/' || prev == ':')
		return DYAD_TOKF_OPEN;
	return DYAD_TOKF_CLOSE;
}

/* ---- words --------------------------------------------------------------------------------- */

/* A word from i (a letter): compounds, apostrophes, glued initials, abbreviations, addresses. */
static void word(tk *t, size_t i, size_t *next)
{
	size_t j = word_run(t, i), len, first_len;
	unsigned extra = 0;
	uint32_t first = cp_at(t, i, &first_len);

	/* e-mail and bare domains first: they contain dots a word would stop at */
	if (j < t->s.n && (t->s.p[j] == '@' || t->s.p[j] == '.' || t->s.p[j] == '_')) {
		size_t e = email_end(t, i);
		if (e) {
			push(t, i, e, DYAD_TOK_EMAIL, 0);
			*next = e;
			return;
		}
		if ((e = domain_end(t, i)) != 0) {
			push(t, i, e, DYAD_TOK_URL, 0);
			*next = e;
			return;
		}
	}
	/* glued initials: "М.Тлеуберди", "A.G.Lukashenko" */
	if (j == i + first_len && is_upper(first) && j + 1 < t->s.n && t->s.p[j] == '.') {
		size_t k = j + 1, klen;
		uint32_t c2 = cp_at(t, k, &klen);
		while (klen && is_upper(c2)) {
			size_t e = word_run(t, k);
			if (e == k + klen && e < t->s.n && t->s.p[e] == '.') {
				/* another initial: "A.G." */
				k = e + 1;
				c2 = cp_at(t, k, &klen);
				continue;
			}
			if (e > k + klen) {
				j = e;
				extra |= DYAD_TOKF_INITIALS;
			}
			break;
		}
		if (!(extra & DYAD_TOKF_INITIALS)) {
			/* a lone initial "А." before a space, or "U.S." style abbreviation */
			size_t e = k;
			if (e > j + 1 && known_abbrev(t, i, e)) {
				push(t, i, e, DYAD_TOK_WORD, word_flags(t, i, e) | DYAD_TOKF_ABBREV);
				*next = e;
				return;
			}
			push(t, i, j + 1, DYAD_TOK_WORD, word_flags(t, i, j) | DYAD_TOKF_ABBREV | DYAD_TOKF_INITIALS);
			*next = j + 1;
			return;
		}
	}
	/* compounds and apostrophes: Нур-Султан, COVID-19, O'Brien */
	for (;;) {
		uint32_t cp = cp_at(t, j, &len), c2;
		size_t l2;
		if (len == 0)
			break;
		c2 = cp_at(t, j + len, &l2);
		if (l2 && (is_hyphen(cp) || is_apostrophe(cp)) && (is_letter(c2) || (is_hyphen(cp) && is_digit(c2)))) {
			j = word_run(t, j + len);
			continue;
		}
		break;
	}
	/* abbreviations with their dots: "т.е.", "г.", "Mr." */
	if (j < t->s.n && t->s.p[j] == '.') {
		size_t e = j + 1;
		/* multi-dot: letters '.' letters '.' */
		while (e < t->s.n) {
			size_t w = word_run(t, e);
			if (w > e && w - e <= 4 && w < t->s.n && t->s.p[w] == '.')
				e = w + 1;
			else
				break;
		}
		if (e > j + 1 && known_abbrev(t, i, e)) {
			push(t, i, e, DYAD_TOK_WORD, word_flags(t, i, e) | DYAD_TOKF_ABBREV);
			*next = e;
			return;
		}
		if (known_abbrev(t, i, j + 1)) {
			push(t, i, j + 1, DYAD_TOK_WORD, word_flags(t, i, j) | DYAD_TOKF_ABBREV);
			*next = j + 1;
			return;
		}
	}
	push(t, i, j, DYAD_TOK_WORD, word_flags(t, i, j) | extra);
	*next = j;
}

size_t dyad_tokenize(dyad_arena *a, dyad_str text, dyad_token **out)
{
	tk t;
	size_t i = 0, len;

	memset(&t, 0, sizeof t);
	t.s = text;
	t.a = a;
	while (i < text.n) {
		uint32_t cp = cp_at(&t, i, &len);
		size_t e;
		dyad_tok_kind kind;

		if (is_space(cp)) {
			i += len;
			continue;
		}
		if ((cp == 'h' || cp == 'H') && (starts_with_ci(&t, i, "http://") || starts_with_ci(&t, i, "https://"))) {
			e = url_end(&t, i);
			push(&t, i, e, DYAD_TOK_URL, 0);
			i = e;
			continue;
		}
		if ((cp == 'w' || cp == 'W') && starts_with_ci(&t, i, "www.")) {
			e = url_end(&t, i);
			push(&t, i, e, DYAD_TOK_URL, 0);
			i = e;
			continue;
		}
		if (is_digit(cp)) {
			if ((e = date_or_time(&t, i, &kind)) != 0) {
				push(&t, i, e, kind, 0);
				i = e;
				continue;
			}
			e = number_end(&t, i);
			/* digits glued to letters or a hyphen and letters: "G20" is a word, so is "10-летие" */
			{
				size_t l2, l3;
				uint32_t c2 = cp_at(&t, e, &l2), c3 = l2 ? cp_at(&t, e + l2, &l3) : 0;
				if (l2 && (is_letter(c2) || (is_hyphen(c2) && is_letter(c3)))) {
					size_t nx;
					word(&t, i, &nx);
					t.toks[t.n - 1].flags |= DYAD_TOKF_DIGITS;
					t.toks[t.n - 1].kind = DYAD_TOK_WORD;
					i = nx > i ? nx : e;
					continue;
				}
			}
			push(&t, i, e, DYAD_TOK_NUMBER, 0);
			i = e;
			continue;
		}
		if (is_letter(cp)) {
			word(&t, i, &e);
			i = e > i ? e : i + len;
			continue;
		}
		if (is_quote(cp)) {
			push(&t, i, i + len, DYAD_TOK_QUOTE, quote_side(&t, i, cp));
			i += len;
			continue;
		}
		if (cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212 || is_hyphen(cp)) {
			push(&t, i, i + len, DYAD_TOK_DASH, 0);
			i += len;
			continue;
		}
		if (cp == '%' || cp == 0x2030) {
			push(&t, i, i + len, DYAD_TOK_PERCENT, 0);
			i += len;
			continue;
		}
		if (cat(cp) == UTF8PROC_CATEGORY_SC) {
			push(&t, i, i + len, DYAD_TOK_CURRENCY, 0);
			i += len;
			continue;
		}
		if (cp == '.' || cp == '!' || cp == '?') {
			/* "...", "?!", "!!!" are one token */
			e = i + 1;
			while (e < text.n && (text.p[e] == '.' || text.p[e] == '!' || text.p[e] == '?'))
				e++;
			push(&t, i, e, DYAD_TOK_PUNCT, 0);
			i = e;
			continue;
		}
		if (cp == '(' || cp == '[' || cp == '{') {
			push(&t, i, i + len, DYAD_TOK_PUNCT, DYAD_TOKF_OPEN);
			i += len;
			continue;
		}
		if (cp == ')' || cp == ']' || cp == '}') {
			push(&t, i, i + len, DYAD_TOK_PUNCT, DYAD_TOKF_CLOSE);
			i += len;
			continue;
		}
		{
			int c = cat(cp);
			push(&t, i, i + len,
			     c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO ? DYAD_TOK_PUNCT : DYAD_TOK_SYMBOL,
			     0);
		}
		i += len ? len : 1;
	}
	*out = t.toks;
	return t.n;
}

const char *dyad_tok_kind_name(dyad_tok_kind k)
{
	switch (k) {
	case DYAD_TOK_WORD: return "word";
	case DYAD_TOK_NUMBER: return "number";
	case DYAD_TOK_DATE: return "date";
	case DYAD_TOK_TIME: return "time";
	case DYAD_TOK_URL: return "url";
	case DYAD_TOK_EMAIL: return "email";
	case DYAD_TOK_CURRENCY: return "currency";
	case DYAD_TOK_PERCENT: return "percent";
	case DYAD_TOK_QUOTE: return "quote";
	case DYAD_TOK_DASH: return "dash";
	case DYAD_TOK_PUNCT: return "punct";
	case DYAD_TOK_SYMBOL: return "symbol";
	}
	return "unknown";
}
