/*
 * fts.c — the "dyad" FTS5 tokenizer: dyad's own tokens, stemmed for Russian
 * and English, ё folded, so that "визиты премьера" finds "визит
 * премьер-министра". Hyphenated compounds are indexed part by part. Each
 * word is indexed (and queried) under two colocated forms: its Snowball stem
 * and a light stem (the word without its case ending), because Snowball
 * stems some forms of one noun apart (визит → виз, визиты → визит).
 */
#include "internal.h"

#include <string.h>

#include "dyad/text.h"

typedef struct {
	dyad_stemmer *stemmer;
	dyad_arena *arena;
} tokenizer;

static int fts_create(void *ctx, const char **args, int nargs, Fts5Tokenizer **out)
{
	tokenizer *t = dyad_xcalloc(1, sizeof *t);

	(void)ctx;
	(void)args;
	(void)nargs;
	t->stemmer = dyad_stemmer_new();
	t->arena = dyad_arena_new();
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *p)
{
	tokenizer *t = (tokenizer *)p;

	dyad_stemmer_free(t->stemmer);
	dyad_arena_free(t->arena);
	free(t);
}

static int emit_word(tokenizer *t, void *ctx, dyad_str w, int start, int end,
		     int (*token)(void *, int, const char *, int, int, int))
{
	dyad_str stem, light;
	int rc;

	if (w.n == 0)
		return SQLITE_OK;
	stem = dyad_stem(t->stemmer, t->arena, w);
	light = dyad_stem_light(t->stemmer, t->arena, w);
	if ((rc = token(ctx, 0, stem.p, (int)stem.n, start, end)) != SQLITE_OK)
		return rc;
	if (!dyad_str_eq(stem, light))
		rc = token(ctx, FTS5_TOKEN_COLOCATED, light.p, (int)light.n, start, end);
	return rc;
}

static int fts_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int ntext,
			int (*token)(void *, int, const char *, int, int, int))
{
	tokenizer *t = (tokenizer *)p;
	dyad_token *toks;
	size_t n, i;
	int rc = SQLITE_OK;

	(void)flags;
	if (ntext <= 0)
		return SQLITE_OK;
	n = dyad_tokenize(t->arena, (dyad_str){ text, (size_t)ntext }, &toks);
	for (i = 0; i < n && rc == SQLITE_OK; i++) {
		const dyad_token *k = &toks[i];
		dyad_str w = { text + k->span.start, k->span.end - k->span.start };
		size_t a = 0, j;

		if (k->kind != DYAD_TOK_WORD && k->kind != DYAD_TOK_NUMBER)
			continue;
		if (!(k->flags & DYAD_TOKF_HYPHEN)) {
			rc = emit_word(t, ctx, w, (int)k->span.start, (int)k->span.end, token);
			continue;
		}
		/* премьер-министра: премьер, министра */
		for (j = 0; j <= w.n && rc == SQLITE_OK; j++) {
			if (j < w.n && w.p[j] != '-')
				continue;
			rc = emit_word(t, ctx, (dyad_str){ w.p + a, j - a }, (int)(k->span.start + a),
				       (int)(k->span.start + j), token);
			a = j + 1;
		}
	}
	dyad_arena_reset(t->arena);
	return rc;
}

int store_register_tokenizer(sqlite3 *db)
{
	static fts5_tokenizer tok = { fts_create, fts_delete, fts_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return SQLITE_ERROR;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "dyad", NULL, &tok, NULL);
}
