/*
 * clickhouse_search.c — full-text search where the engine has no text index
 * (ClickHouse 18): dyad stems each sentence's words as its FTS5 tokenizer
 * does for SQLite (Snowball stem and light stem, compound parts apart) and
 * keeps them in sentences.stems; a search asks for every word of the query
 * through any of its forms with hasAny(stems, [...]).
 */
#include "clickhouse.h"

#include <string.h>

/* Each word of `text`, compound parts apart, with its forms (1 or 2) to fn. */
static void each_word(dyad_stemmer *s, dyad_arena *a, dyad_str text, dyad_ch_word_fn fn, void *ctx)
{
	dyad_token *toks;
	size_t n, i, j, from;

	n = dyad_tokenize(a, text, &toks);
	for (i = 0; i < n; i++) {
		dyad_str word = { text.p + toks[i].span.start, toks[i].span.end - toks[i].span.start };

		if (toks[i].kind != DYAD_TOK_WORD && toks[i].kind != DYAD_TOK_NUMBER)
			continue;
		/* премьер-министра: премьер, министра */
		for (j = 0, from = 0; j <= word.n; j++) {
			dyad_str part = { word.p + from, j - from }, forms[2];

			if (j < word.n && !((toks[i].flags & DYAD_TOKF_HYPHEN) && word.p[j] == '-'))
				continue;
			from = j + 1;
			if (part.n == 0)
				continue;
			forms[0] = dyad_stem(s, a, part);
			forms[1] = dyad_stem_light(s, a, part);
			fn(ctx, forms, dyad_str_eq(forms[0], forms[1]) || forms[1].n == 0 ? 1 : 2);
		}
	}
}

void dyad_ch_search_words(dyad_stemmer *s, dyad_arena *a, dyad_str text, dyad_ch_word_fn fn, void *ctx)
{
	each_word(s, a, text, fn, ctx);
}

/* The array being written and whether an item is in it yet. */
typedef struct {
	dyad_buf *b;
	int any;
} array;

static void array_item(void *ctx, const dyad_str *forms, size_t n)
{
	array *arr = ctx;
	size_t i;

	for (i = 0; i < n; i++) {
		if (forms[i].n == 0)
			continue;
		dyad_buf_puts(arr->b, arr->any ? ",'" : "'");
		dyad_ch_tsv_str(arr->b, forms[i]);
		dyad_buf_putc(arr->b, '\'');
		arr->any = 1;
	}
}

void dyad_ch_stems_array(dyad_stemmer *s, dyad_arena *a, dyad_buf *b, dyad_str text)
{
	array arr = { b, 0 };

	dyad_buf_putc(b, '[');
	each_word(s, a, text, array_item, &arr);
	dyad_buf_putc(b, ']');
}

/* The condition being written and how many words it asks for. */
typedef struct {
	dyad_buf *b;
	size_t words;
} condition;

static void condition_word(void *ctx, const dyad_str *forms, size_t n)
{
	condition *c = ctx;
	size_t i;

	dyad_buf_puts(c->b, c->words++ ? " AND hasAny(stems, [" : "hasAny(stems, [");
	for (i = 0; i < n; i++) {
		if (i)
			dyad_buf_putc(c->b, ',');
		dyad_ch_sql_str(c->b, forms[i]);
	}
	dyad_buf_puts(c->b, "])");
}

size_t dyad_ch_search_where(dyad_stemmer *s, dyad_arena *a, dyad_buf *out, const char *q)
{
	condition c = { out, 0 };
	dyad_buf words = DYAD_BUF_INIT;
	const char *p;

	/* quotes group words into a phrase on SQLite; here each of its words is asked for */
	for (p = q ? q : ""; *p; p++)
		dyad_buf_putc(&words, *p == '"' ? ' ' : *p);
	each_word(s, a, (dyad_str){ words.p ? words.p : "", words.n }, condition_word, &c);
	dyad_buf_free(&words);
	return c.words;
}
