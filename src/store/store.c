/*
 * store.c — the store's front: dyad_store_open finds the engine a --db
 * argument names (a server's URL scheme, else an SQLite file) and every
 * other call goes to that engine's table (engine.h). What does not depend
 * on an engine lives here too: the side of a dyad an actor stands on and
 * the near-duplicate fingerprint of a body.
 */
#include "engine.h"

#include <stdio.h>
#include <string.h>

/* The engines in the order they are asked, to the NULL; the last, SQLite, claims whatever is left. */
static const dyad_store_engine *const engines[] = { &dyad_store_pg, &dyad_store_clickhouse, &dyad_store_sqlite, NULL };

/* The engine that claims `target`, or NULL. */
static const dyad_store_engine *engine_of(const char *target)
{
	size_t i;

	for (i = 0; engines[i]; i++)
		if (engines[i]->claims(target))
			return engines[i];
	return NULL;
}

int dyad_store_open(dyad_store **out, const char *target, int flags, int wait_ms, dyad_errbuf *e)
{
	const dyad_store_engine *engine = engine_of(target);

	*out = NULL;
	if (engine == NULL)
		return dyad_errf(e, DYAD_EUSAGE, "%s: no engine stores there", target);
	return engine->open(out, target, flags, wait_ms, e);
}

int dyad_store_is_file(const char *target)
{
	return engine_of(target) == &dyad_store_sqlite;
}

void dyad_store_close(dyad_store *s)
{
	if (s)
		s->engine->close(s);
}

const char *dyad_store_errmsg(const dyad_store *s)
{
	return s->err;
}

int dyad_store_lost(const dyad_store *s)
{
	return s->lost;
}

size_t dyad_store_batch_default(const dyad_store *s, size_t fallback)
{
	return s->engine->batch ? s->engine->batch : fallback;
}

const char *dyad_store_engine_name(const dyad_store *s)
{
	return s->engine->name;
}

int dyad_store_begin(dyad_store *s)
{
	int rc = s->engine->begin(s);

	s->in_tx = rc == 0;
	return rc;
}

int dyad_store_commit(dyad_store *s)
{
	int rc = s->engine->commit(s);

	if (rc == 0)
		s->in_tx = 0;
	return rc;
}

void dyad_store_rollback(dyad_store *s)
{
	s->engine->rollback(s);
	s->in_tx = 0;
}

int dyad_store_put_doc(dyad_store *s, const dyad_store_doc *d, int64_t *row)
{
	return s->engine->put_doc(s, d, row);
}

int dyad_store_put_sentence(dyad_store *s, int64_t doc, size_t n, size_t start, size_t end, dyad_str text)
{
	return s->engine->put_sentence(s, doc, n, start, end, text);
}

int dyad_store_put_mention(dyad_store *s, int64_t doc, const dyad_store_mention *m)
{
	return s->engine->put_mention(s, doc, m);
}

int dyad_store_put_event(dyad_store *s, int64_t doc, const dyad_store_event *ev)
{
	return s->engine->put_event(s, doc, ev);
}

int dyad_store_put_actor(dyad_store *s, const char *code, const char *kind, const char *name_en, const char *name_ru)
{
	return s->engine->put_actor(s, code, kind, name_en, name_ru);
}

int dyad_store_put_actor_name(dyad_store *s, const char *name, const char *folded, const char *kind, const char *code,
			      const char *person)
{
	return s->engine->put_actor_name(s, name, folded, kind, code, person);
}

/* The side of a dyad: the country, or the organisation's code ("IGOSCO"). */
int dyad_store_schema_plan(dyad_store *s, long version, long known, long tables, int readonly, const char *kind)
{
	if (version > known) {
		snprintf(s->err, sizeof s->err,
			 "the database has schema version %ld; this dyad knows up to %ld: use a newer dyad", version,
			 known);
		return DYAD_EDB;
	}
	if (version == known)
		return 0;
	/* a database dyad did not make: say what it is rather than offer to migrate it */
	if (version == 0 && tables > 0) {
		snprintf(s->err, sizeof s->err,
			 "%s of another program (%ld tables, no dyad schema): dyad leaves it alone", kind, tables);
		return DYAD_EDB;
	}
	if (readonly && version == 0) {
		snprintf(s->err, sizeof s->err, "an empty database, not yet a knowledge base: fill it with dyad ingest");
		return DYAD_EDB;
	}
	if (readonly) {
		snprintf(s->err, sizeof s->err,
			 "the database has schema version %ld and needs migrating to %ld: open it once for writing "
			 "(dyad ingest)",
			 version, known);
		return DYAD_EDB;
	}
	return 1;
}

void dyad_store_side_code(const dyad_store_actor *a, char out[24])
{
	if (a->country && *a->country)
		snprintf(out, 24, "%s", a->country);
	else if (a->code && strncmp(a->code, "IGO", 3) == 0) {
		/* the organisation without the role its code may carry: IGOEUDIP is IGOEU's side */
		size_t n = strlen(a->code), r = a->role ? strlen(a->role) : 0;
		if (r && n > r + 3 && strcmp(a->code + n - r, a->role) == 0)
			n -= r;
		snprintf(out, 24, "%.*s", (int)n, a->code);
	} else
		snprintf(out, 24, "%s", a->code ? a->code : "");
}

/* ---- near-duplicate fingerprints ----------------------------------------------------------- */

/* Bytes of words: ASCII letters and digits, and every byte of a multibyte character. */
static int word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

uint64_t dyad_simhash(dyad_str text)
{
	int v[64] = { 0 };
	uint64_t out = 0;
	size_t i = 0, words = 0;
	int b;

	/* each word of the case-folded text (letters and digits) votes bit by bit with its hash */
	while (i < text.n) {
		size_t j;
		uint64_t w = DYAD_HASH_SEED;
		while (i < text.n && !word_byte((unsigned char)text.p[i]))
			i++;
		for (j = i; j < text.n && word_byte((unsigned char)text.p[j]); j++) {
			unsigned char ch = (unsigned char)text.p[j];
			if (ch < 0x80)
				ch = (unsigned char)(ch | 0x20);
			w = (w ^ ch) * 0x100000001b3ULL;
		}
		if (j == i)
			break;
		i = j;
		words++;
		w = dyad_hash64(&w, sizeof w, DYAD_HASH_SEED);
		for (b = 0; b < 64; b++)
			v[b] += (w >> b) & 1 ? 1 : -1;
	}
	if (words < 8)
		return 0; /* too short to tell a copy from a coincidence */
	for (b = 0; b < 64; b++)
		if (v[b] > 0)
			out |= 1ULL << b;
	return out;
}
