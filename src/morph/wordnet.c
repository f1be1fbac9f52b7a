/*
 * wordnet.c — readers of WordNet's database files: the lemma index, the
 * exception lists of irregular forms, the sense counts of the tagged corpus
 * and one synset line of a data file. Shapes are those of WordNet 3.0's
 * wndb(5) and cntlist(5); anything else is refused with file and line.
 */
#include "morph/wordnet.h"

#include <string.h>

/* A cursor over the space-separated fields of one line. */
typedef struct {
	const char *p, *end;
} fields;

static dyad_str field_next(fields *f)
{
	dyad_str out;

	while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\r'))
		f->p++;
	out.p = f->p;
	while (f->p < f->end && *f->p != ' ' && *f->p != '\t' && *f->p != '\r')
		f->p++;
	out.n = (size_t)(f->p - out.p);
	return out;
}

/* A decimal number of at most 9 digits into *v; 0 when `s` is not one. */
static int parse_uint(dyad_str s, unsigned *v)
{
	size_t i;
	unsigned x = 0;

	if (s.n == 0 || s.n > 9)
		return 0;
	for (i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return 0;
		x = x * 10 + (unsigned)(s.p[i] - '0');
	}
	*v = x;
	return 1;
}

/* A lemma or word form: printable ASCII or UTF-8 bytes, no '%' or control bytes. */
static int good_word(dyad_str s)
{
	size_t i;

	if (s.n == 0)
		return 0;
	for (i = 0; i < s.n; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (c < 0x21 || c == 0x7f || c == '%')
			return 0;
	}
	return 1;
}

/* The next line of `s` from *at (without its '\n'); 0 at the end. */
static int line_next(dyad_str s, size_t *at, dyad_str *line)
{
	const char *nl;

	if (*at >= s.n)
		return 0;
	line->p = s.p + *at;
	nl = memchr(line->p, '\n', s.n - *at);
	line->n = nl ? (size_t)(nl - line->p) : s.n - *at;
	*at += line->n + 1;
	return 1;
}

#define BAD(what) dyad_errf(e, DYAD_EINPUT, "%s:%zu: %s", name, lineno, (what))

/* The caller's callback, of the kind the reader calls. */
typedef union {
	morph_wn_index_fn index;
	morph_wn_exc_fn exc;
	morph_wn_count_fn count;
} any_fn;

/* What one reader makes of one line: the fields, where they come from, the caller's callback. */
typedef struct {
	fields f;
	const char *name;
	size_t lineno;
	char pos;
	any_fn fn;
	void *ctx;
} line_job;

/* Run `one` on every line of `s`, numbering them from 1; stops at the first non-zero return. */
static int each_line(dyad_str s, const char *name, char pos, any_fn fn, void *ctx,
		     int (*one)(line_job *j, dyad_errbuf *e), dyad_errbuf *e)
{
	size_t at = 0;
	dyad_str line;
	line_job j = { { NULL, NULL }, name, 0, pos, fn, ctx };
	int rc;

	while (line_next(s, &at, &line)) {
		j.f = (fields){ line.p, line.p + line.n };
		j.lineno++;
		if ((rc = one(&j, e)) != 0)
			return rc;
	}
	return 0;
}

static int index_line(line_job *j, dyad_errbuf *e)
{
	const char *name = j->name;
	size_t lineno = j->lineno;
	fields *f = &j->f;
	morph_wn_index_line l;
	dyad_str x;
	unsigned ptrs, i, senses_again;

	if (f->end - f->p >= 2 && f->p[0] == ' ' && f->p[1] == ' ')
		return 0; /* the licence */
	if (f->p == f->end || (f->end - f->p == 1 && f->p[0] == '\r'))
		return 0;
	l.lemma = field_next(f);
	if (!good_word(l.lemma))
		return BAD("expected a lemma at the start of the line");
	x = field_next(f);
	if (x.n != 1 || x.p[0] != j->pos)
		return dyad_errf(e, DYAD_EINPUT, "%s:%zu: expected the part of speech '%c' after the lemma", name,
				 lineno, j->pos);
	if (!parse_uint(field_next(f), &l.senses) || l.senses == 0 || l.senses > 999)
		return BAD("expected the number of senses (1 to 999)");
	if (!parse_uint(field_next(f), &ptrs) || ptrs > 99)
		return BAD("expected the number of pointer kinds (0 to 99)");
	for (i = 0; i < ptrs; i++) {
		x = field_next(f);
		if (x.n == 0 || x.n > 2)
			return BAD("expected a pointer symbol");
	}
	if (!parse_uint(field_next(f), &senses_again) || senses_again != l.senses)
		return BAD("expected the number of senses again");
	if (!parse_uint(field_next(f), &l.tagged) || l.tagged > l.senses)
		return BAD("expected the number of tagged senses (at most the number of senses)");
	l.offsets.p = f->p;
	for (i = 0; i < l.senses; i++) {
		unsigned off;
		x = field_next(f);
		if (x.n != 8 || !parse_uint(x, &off))
			return BAD("expected an 8-digit synset offset for every sense");
	}
	l.offsets.n = (size_t)(f->p - l.offsets.p);
	if (field_next(f).n != 0)
		return BAD("expected the end of the line after the synset offsets");
	return j->fn.index(j->ctx, &l);
}

int morph_wn_read_index(dyad_str s, const char *name, char pos, morph_wn_index_fn fn, void *ctx, dyad_errbuf *e)
{
	return each_line(s, name, pos, (any_fn){ .index = fn }, ctx, index_line, e);
}

static int exc_line(line_job *j, dyad_errbuf *e)
{
	const char *name = j->name;
	size_t lineno = j->lineno;
	dyad_str form, lemma;
	int rc, nlemmas = 0;

	form = field_next(&j->f);
	if (form.n == 0 && j->f.p == j->f.end)
		return 0; /* an empty line */
	if (!good_word(form))
		return BAD("expected an inflected form at the start of the line");
	while ((lemma = field_next(&j->f)).n != 0) {
		if (!good_word(lemma))
			return BAD("expected a lemma");
		if ((rc = j->fn.exc(j->ctx, form, lemma)) != 0)
			return rc;
		nlemmas++;
	}
	if (nlemmas == 0)
		return BAD("expected a lemma after the form");
	return 0;
}

int morph_wn_read_exc(dyad_str s, const char *name, morph_wn_exc_fn fn, void *ctx, dyad_errbuf *e)
{
	return each_line(s, name, 0, (any_fn){ .exc = fn }, ctx, exc_line, e);
}

static int count_line(line_job *j, dyad_errbuf *e)
{
	const char *name = j->name;
	size_t lineno = j->lineno;
	morph_wn_count_line l;
	dyad_str key;
	const char *pct;

	key = field_next(&j->f);
	if (key.n == 0 && j->f.p == j->f.end)
		return 0;
	pct = key.n ? memchr(key.p, '%', key.n) : NULL;
	if (pct == NULL || pct == key.p || (size_t)(pct - key.p) + 2 > key.n)
		return BAD("expected a sense key lemma%type:...");
	l.lemma = (dyad_str){ key.p, (size_t)(pct - key.p) };
	if (!good_word(l.lemma))
		return BAD("expected a lemma before '%' in the sense key");
	switch (pct[1]) {
	case '1': l.pos = 'n'; break;
	case '2': l.pos = 'v'; break;
	case '3':
	case '5': l.pos = 'a'; break;
	case '4': l.pos = 'r'; break;
	default: return BAD("expected a synset type 1 to 5 after '%' in the sense key");
	}
	if (!parse_uint(field_next(&j->f), &l.sense) || l.sense == 0)
		return BAD("expected a sense number after the sense key");
	if (!parse_uint(field_next(&j->f), &l.count))
		return BAD("expected a tag count after the sense number");
	if (field_next(&j->f).n != 0)
		return BAD("expected the end of the line after the tag count");
	return j->fn.count(j->ctx, &l);
}

int morph_wn_read_counts(dyad_str s, const char *name, morph_wn_count_fn fn, void *ctx, dyad_errbuf *e)
{
	return each_line(s, name, 0, (any_fn){ .count = fn }, ctx, count_line, e);
}

#undef BAD

/* Whether a and b (b lower case) are the same word when case is ignored (ASCII). */
static int same_word(dyad_str a, dyad_str b)
{
	return a.n == b.n && dyad_str_starts_with_lower(a, b);
}

int morph_wn_synset_word(dyad_str s, const char *name, uint64_t offset, dyad_str lemma, dyad_str *form, dyad_errbuf *e)
{
	const char *nl;
	fields f;
	dyad_str x;
	unsigned off, count, i;

	if (offset >= s.n)
		return dyad_errf(e, DYAD_EINPUT, "%s: offset %llu: past the end of the file", name,
				 (unsigned long long)offset);
	nl = memchr(s.p + offset, '\n', s.n - (size_t)offset);
	f.p = s.p + offset;
	f.end = nl ? nl : s.p + s.n;
	x = field_next(&f);
	if (x.n != 8 || !parse_uint(x, &off) || off != offset)
		return dyad_errf(e, DYAD_EINPUT, "%s: offset %llu: expected a synset line beginning with its offset",
				 name, (unsigned long long)offset);
	x = field_next(&f); /* lex_filenum */
	if (!parse_uint(x, &off))
		goto bad;
	x = field_next(&f); /* ss_type */
	if (x.n != 1)
		goto bad;
	x = field_next(&f); /* w_cnt, two hexadecimal digits */
	if (x.n != 2)
		goto bad;
	count = 0;
	for (i = 0; i < 2; i++) {
		char c = x.p[i];
		unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
			     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
						    : 99;
		if (d == 99)
			goto bad;
		count = count * 16 + d;
	}
	for (i = 0; i < count; i++) {
		dyad_str word = field_next(&f), lex_id = field_next(&f);
		const char *paren;
		if (word.n == 0 || lex_id.n == 0)
			goto bad;
		/* adjectives may carry a syntactic marker: "galore(ip)" */
		paren = memchr(word.p, '(', word.n);
		if (paren && paren != word.p)
			word.n = (size_t)(paren - word.p);
		if (same_word(word, lemma)) {
			*form = word;
			return 1;
		}
	}
	return 0;
bad:
	return dyad_errf(e, DYAD_EINPUT, "%s: offset %llu: a synset line not in WordNet's shape", name,
			 (unsigned long long)offset);
}
