/*
 * sentence.c — sentences from tokens. A line always ends a sentence (a
 * headline has no final stop); inside a line a sentence ends at . ! ? …
 * with the closing quotes and brackets after it, when what follows starts a
 * sentence: a capital, a digit, an opening quote or a dash before a capital.
 * Abbreviations and initials are single tokens with their dots, so they never
 * end one; a dateline ("АСТАНА, 4 ноября. /ТАСС/. Президент...") stays glued
 * to the lead sentence.
 */
#include "dyad/text.h"

#include <string.h>

typedef struct {
	dyad_str s;
	const dyad_token *t;
	size_t n;
	dyad_span *out;
	size_t nout, cap;
	dyad_arena *a;
} sp;

static void emit(sp *x, size_t start, size_t end)
{
	while (start < end && (x->s.p[start] == ' ' || x->s.p[start] == '\t' || x->s.p[start] == '\r'))
		start++;
	while (end > start && (x->s.p[end - 1] == ' ' || x->s.p[end - 1] == '\t' || x->s.p[end - 1] == '\r'))
		end--;
	if (end <= start)
		return;
	x->out = dyad_arena_grow(x->a, x->out, &x->cap, x->nout, sizeof *x->out, 64);
	x->out[x->nout].start = start;
	x->out[x->nout].end = end;
	x->nout++;
}

static dyad_str tok(const sp *x, size_t i)
{
	return (dyad_str){ x->s.p + x->t[i].span.start, x->t[i].span.end - x->t[i].span.start };
}

static int is_terminal(const sp *x, size_t i)
{
	dyad_str w = tok(x, i);

	if (x->t[i].kind != DYAD_TOK_PUNCT)
		return 0;
	if (w.p[0] == '.' || w.p[0] == '!' || w.p[0] == '?')
		return 1;
	return w.n == 3 && memcmp(w.p, "\xe2\x80\xa6", 3) == 0; /* … */
}

static int is_closer(const sp *x, size_t i)
{
	return (x->t[i].kind == DYAD_TOK_QUOTE && (x->t[i].flags & DYAD_TOKF_CLOSE)) ||
	       (x->t[i].kind == DYAD_TOK_PUNCT && (x->t[i].flags & DYAD_TOKF_CLOSE));
}

/* Does token i start a new sentence? */
static int starts_sentence(const sp *x, size_t i, size_t line_end)
{
	const dyad_token *k;

	if (i >= line_end)
		return 1;
	k = &x->t[i];
	if (k->kind == DYAD_TOK_WORD)
		return (k->flags & (DYAD_TOKF_CAPITAL | DYAD_TOKF_UPPER)) != 0;
	if (k->kind == DYAD_TOK_NUMBER || k->kind == DYAD_TOK_DATE || k->kind == DYAD_TOK_TIME ||
	    k->kind == DYAD_TOK_CURRENCY)
		return 1;
	if (k->kind == DYAD_TOK_QUOTE && (k->flags & DYAD_TOKF_OPEN))
		return 1;
	if (k->kind == DYAD_TOK_PUNCT && (k->flags & DYAD_TOKF_OPEN))
		return 1;
	if (k->kind == DYAD_TOK_DASH)
		/* "- Мы готовы", a dialogue line; but ". - заявил он" goes on */
		return i + 1 < line_end && x->t[i + 1].kind == DYAD_TOK_WORD &&
		       (x->t[i + 1].flags & DYAD_TOKF_CAPITAL) != 0;
	return 0;
}

/*
 * Is the text from the line's start to token `end` (exclusive) a dateline?
 * A city in capitals or a date, a few words, an agency in slashes or
 * brackets: "АСТАНА, 4 ноября. /ТАСС/.", "20 декабря, Минск /Корр. БЕЛТА/.".
 */
static int dateline(const sp *x, size_t first, size_t end)
{
	size_t i, words = 0;
	int slash = 0, caps_city = 0;

	for (i = first; i < end; i++) {
		const dyad_token *k = &x->t[i];
		if (k->kind == DYAD_TOK_WORD) {
			words++;
			if (i == first && (k->flags & DYAD_TOKF_UPPER) && k->span.end - k->span.start >= 4)
				caps_city = 1;
		}
		if (k->kind == DYAD_TOK_PUNCT && tok(x, i).p[0] == '/')
			slash = 1;
	}
	/* a dateline is a city, a date and an agency: a handful of words, never a clause */
	if (words > 5)
		return 0;
	/* the city comes first and a comma follows it */
	if (caps_city && first + 1 < end && tok(x, first + 1).p[0] == ',')
		return 1;
	return slash;
}

static void line(sp *x, size_t a, size_t b, size_t line_start, size_t line_stop)
{
	size_t i, start = line_start, first = a;

	for (i = a; i < b; i++) {
		size_t j;

		if (!is_terminal(x, i))
			continue;
		j = i + 1;
		while (j < b && (is_closer(x, j) || is_terminal(x, j)))
			j++;
		if (!starts_sentence(x, j, b))
			continue;
		/* "...", a pause before lower case, is handled above; a dateline stays with its lead */
		if (first == a && start == line_start && dateline(x, first, i))
			continue;
		emit(x, start, x->t[j - 1].span.end);
		start = x->t[j - 1].span.end;
		first = j;
		i = j - 1;
	}
	emit(x, start, line_stop);
}

/*
 * Lines are tokenized a stretch of about SPLIT_PIECE bytes at a time in a
 * scratch arena, so splitting a long text holds the tokens of one stretch,
 * not of the whole. A line longer than a stretch is cut at a space (it is
 * not prose a reader would take as one paragraph); each part ends a sentence.
 * A word is never cut.
 */
#define SPLIT_PIECE (1u << 20)

/* Where the stretch from `at` ends: after the last line end within SPLIT_PIECE bytes, else at a space. */
static size_t piece_end(dyad_str text, size_t at)
{
	size_t lim = at + SPLIT_PIECE, k;

	if (text.n - at <= SPLIT_PIECE)
		return text.n;
	for (k = lim; k > at; k--)
		if (text.p[k - 1] == '\n')
			return k;
	for (k = lim; k > at + SPLIT_PIECE / 2; k--)
		if (text.p[k - 1] == ' ')
			return k;
	/* one word longer than that: it goes whole to the next space or line end */
	for (k = lim; k < text.n && text.p[k - 1] != ' ' && text.p[k - 1] != '\n'; k++)
		;
	return k;
}

size_t dyad_sent_split(dyad_arena *a, dyad_str text, dyad_span **out)
{
	dyad_arena *scratch = dyad_arena_new();
	sp x;
	size_t at = 0;

	memset(&x, 0, sizeof x);
	x.s = text;
	x.a = a;
	while (at < text.n) {
		size_t end = piece_end(text, at), i, pos = at, t = 0;
		dyad_token *toks;

		dyad_arena_reset(scratch);
		x.n = dyad_tokenize(scratch, (dyad_str){ text.p + at, end - at }, &toks);
		for (i = 0; i < x.n; i++) {
			toks[i].span.start += at;
			toks[i].span.end += at;
		}
		x.t = toks;
		while (pos < end) {
			const char *nl = memchr(text.p + pos, '\n', end - pos);
			size_t stop = nl ? (size_t)(nl - text.p) : end, t0 = t;

			while (t < x.n && toks[t].span.start < stop)
				t++;
			line(&x, t0, t, pos, stop);
			pos = stop + 1;
		}
		at = end;
	}
	dyad_arena_free(scratch);
	*out = x.out;
	return x.nout;
}

size_t dyad_sent_split_tokens(dyad_arena *a, dyad_str text, const dyad_token *toks, size_t ntok, dyad_span **out)
{
	sp x;
	size_t pos = 0, t = 0;

	memset(&x, 0, sizeof x);
	x.s = text;
	x.t = toks;
	x.n = ntok;
	x.a = a;
	while (pos < text.n) {
		const char *nl = memchr(text.p + pos, '\n', text.n - pos);
		size_t end = nl ? (size_t)(nl - text.p) : text.n, t0 = t;

		while (t < ntok && toks[t].span.start < end)
			t++;
		line(&x, t0, t, pos, end);
		pos = end + 1;
	}
	*out = x.out;
	return x.nout;
}
