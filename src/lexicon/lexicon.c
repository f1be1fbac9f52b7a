/*
 * lexicon.c — loading the actor dictionaries of data/actors/ into entities
 * (countries, organisations, persons, roles), their names and the offices
 * persons held. Matching the names in text is the recognizer's work.
 */
#include "dyad/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dyad_lexicon {
	dyad_arena *arena; /* every string and office lives here */
	dyad_lex_entity *ent;
	size_t nent, capent;
	dyad_lex_name *names;
	size_t nnames, capnames;
	dyad_lex_member *members;
	size_t nmembers, capmembers;
	const dyad_lex_entity **index; /* entities sorted by (kind, key), for dyad_lexicon_find */
	/* loading state */
	int cur; /* entity of the block being read, -1 before any */
	const char *file;
	void (*warn)(void *, const char *);
	void *warn_ctx;
};

static const char *adup(dyad_lexicon *lx, dyad_str s)
{
	return dyad_arena_strndup(lx->arena, s.p, s.n);
}

static void add_name(dyad_lexicon *lx, dyad_str text, dyad_name_type type, const char *role, dyad_ymd from, dyad_ymd to)
{
	dyad_lex_name *n;

	lx->names = dyad_xgrow(lx->names, &lx->capnames, lx->nnames, sizeof *lx->names, 1024);
	n = &lx->names[lx->nnames++];
	memset(n, 0, sizeof *n);
	n->text = adup(lx, text);
	n->entity = (uint32_t)lx->cur;
	n->type = type;
	if (role)
		snprintf(n->role, sizeof n->role, "%s", role);
	n->from = from;
	n->to = to;
}

static int kind_of(dyad_str k)
{
	if (dyad_str_eq_c(k, "country"))
		return DYAD_LEX_COUNTRY;
	if (dyad_str_eq_c(k, "igo"))
		return DYAD_LEX_IGO;
	if (dyad_str_eq_c(k, "person"))
		return DYAD_LEX_PERSON;
	if (dyad_str_eq_c(k, "role"))
		return DYAD_LEX_ROLE;
	if (dyad_str_eq_c(k, "given"))
		return DYAD_LEX_GIVEN;
	return 0;
}

static int is_code(dyad_str s, size_t min, size_t max)
{
	size_t i;

	if (s.n < min || s.n > max)
		return 0;
	for (i = 0; i < s.n; i++)
		if (!((s.p[i] >= 'A' && s.p[i] <= 'Z') || (s.p[i] >= '0' && s.p[i] <= '9')))
			return 0;
	return 1;
}

/* "Q232" */
static int is_qid(dyad_str s)
{
	size_t i;

	if (s.n < 2 || s.n > 12 || s.p[0] != 'Q' || s.p[1] == '0')
		return 0;
	for (i = 1; i < s.n; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return 0;
	return 1;
}

/* "tokayev-kassym-jomart", "KAZ", "IGOCIS": letters, digits and inner hyphens */
static int is_slug(dyad_str s)
{
	size_t i;

	if (s.n == 0 || s.n > 80 || s.p[0] == '-' || s.p[s.n - 1] == '-')
		return 0;
	for (i = 0; i < s.n; i++) {
		char ch = s.p[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'))
			return 0;
	}
	return 1;
}

/* "KAZGOV [1999-10-01..2002-01-28] prime minister" */
static int parse_office(dyad_lexicon *lx, dyad_str v, dyad_office *o, dyad_errbuf *why)
{
	size_t i = 0;
	dyad_str code, rest;

	memset(o, 0, sizeof *o);
	while (i < v.n && v.p[i] != ' ' && v.p[i] != '\t' && v.p[i] != '[')
		i++;
	code = (dyad_str){ v.p, i };
	if (!is_code(code, 3, sizeof o->code - 1))
		return dyad_errf(why, DYAD_EINPUT, "an office must start with an actor code such as KAZGOV, not '%.*s'",
				 (int)code.n, code.p);
	memcpy(o->code, code.p, code.n);
	rest = dyad_str_trim((dyad_str){ v.p + i, v.n - i });
	if (rest.n && rest.p[0] == '[') {
		const char *close = memchr(rest.p, ']', rest.n), *dots;
		dyad_str from, to;

		if (close == NULL || (dots = strstr(rest.p, "..")) == NULL || dots > close)
			return dyad_errf(why, DYAD_EINPUT, "an office's dates must read [FROM..TO]");
		from = dyad_str_trim((dyad_str){ rest.p + 1, (size_t)(dots - rest.p - 1) });
		to = dyad_str_trim((dyad_str){ dots + 2, (size_t)(close - dots - 2) });
		if ((from.n && (o->from = dyad_ymd_parse(from)) < 0) || (to.n && (o->to = dyad_ymd_parse(to)) < 0) ||
		    (o->from && o->to && o->from > o->to))
			return dyad_errf(why, DYAD_EINPUT,
					 "a malformed office date range (expected [YYYY-MM-DD..YYYY-MM-DD])");
		rest = dyad_str_trim((dyad_str){ close + 1, (size_t)(rest.p + rest.n - close - 1) });
	}
	o->title = adup(lx, rest);
	return 0;
}

static int on_line(void *ctx, const dyad_dict_line *l, dyad_errbuf *why)
{
	dyad_lexicon *lx = ctx;
	dyad_lex_entity *e;
	int kind = kind_of(l->kind);
	size_t i;

	if (kind == 0)
		return dyad_errf(why, DYAD_EINPUT,
				 "unknown block '@%.*s' (expected @country, @igo, @person, @role or @given)",
				 (int)l->kind.n, l->kind.p);
	if (l->field.n == 0) {
		if (kind == DYAD_LEX_GIVEN && !dyad_str_eq_c(l->key, "m") && !dyad_str_eq_c(l->key, "f"))
			return dyad_errf(why, DYAD_EINPUT, "given names are '@given m' or '@given f', not '%.*s'",
					 (int)l->key.n, l->key.p);
		if (kind == DYAD_LEX_COUNTRY && !is_code(l->key, 3, 3))
			return dyad_errf(why, DYAD_EINPUT, "a country's key is a three-letter code, not '%.*s'",
					 (int)l->key.n, l->key.p);
		lx->ent = dyad_xgrow(lx->ent, &lx->capent, lx->nent, sizeof *lx->ent, 512);
		e = &lx->ent[lx->nent];
		memset(e, 0, sizeof *e);
		e->kind = (dyad_lex_kind)kind;
		e->key = adup(lx, l->key);
		e->code = kind == DYAD_LEX_PERSON || kind == DYAD_LEX_GIVEN ? NULL : e->key;
		if (kind == DYAD_LEX_GIVEN)
			e->gender = l->key.p[0];
		e->file = lx->file;
		e->line = l->line;
		lx->cur = (int)lx->nent++;
		/* a person, an organisation and a role are found by their key as well */
		if (kind == DYAD_LEX_PERSON || kind == DYAD_LEX_IGO)
			add_name(lx, l->key, DYAD_NAME_NAME, NULL, 0, 0);
		return 0;
	}
	e = &lx->ent[lx->cur];
#define FIELD(f) dyad_str_eq_c(l->field, f)
	if (FIELD("name")) {
		for (i = 0; i < l->nvalues; i++)
			add_name(lx, l->values[i].text, DYAD_NAME_NAME, NULL, l->values[i].from, l->values[i].to);
		return 0;
	}
	if (e->kind != DYAD_LEX_ROLE && e->kind != DYAD_LEX_GIVEN && (FIELD("id") || FIELD("wikidata"))) {
		dyad_str v = l->values[0].text;
		if (l->nvalues != 1 || (FIELD("wikidata") ? !is_qid(v) : !is_slug(v)))
			return dyad_errf(why, DYAD_EINPUT,
					 FIELD("id") ? "an id is one slug of a-z, 0-9 and '-' (tokayev-kassym-jomart)"
						     : "a Wikidata item is Q followed by digits (Q232)");
		if (FIELD("id"))
			e->id = adup(lx, v);
		else
			e->wikidata = adup(lx, v);
		return 0;
	}
	switch (e->kind) {
	case DYAD_LEX_COUNTRY:
		if (FIELD("fips")) {
			e->fips = adup(lx, l->values[0].text);
			return 0;
		}
		if (FIELD("adj") || FIELD("people") || FIELD("capital") || FIELD("place")) {
			dyad_name_type t = FIELD("adj")       ? DYAD_NAME_ADJ
					   : FIELD("people")  ? DYAD_NAME_PEOPLE
					   : FIELD("capital") ? DYAD_NAME_CAPITAL
							      : DYAD_NAME_PLACE;
			for (i = 0; i < l->nvalues; i++)
				add_name(lx, l->values[i].text, t, NULL, l->values[i].from, l->values[i].to);
			return 0;
		}
		if (FIELD("metonym")) {
			char role[8] = "";
			for (i = 0; i < l->nvalues; i++) {
				dyad_str v = l->values[i].text;
				const char *colon = memchr(v.p, ':', v.n);
				if (colon && is_code((dyad_str){ v.p, (size_t)(colon - v.p) }, 3, 3)) {
					snprintf(role, sizeof role, "%.*s", (int)(colon - v.p), v.p);
					v = dyad_str_trim((dyad_str){ colon + 1, (size_t)(v.p + v.n - colon - 1) });
				}
				if (!role[0])
					return dyad_errf(
						why, DYAD_EINPUT,
						"a metonym needs its role first: 'metonym  GOV: Kremlin | Кремль'");
				add_name(lx, v, DYAD_NAME_METONYM, role, l->values[i].from, l->values[i].to);
			}
			return 0;
		}
		break;
	case DYAD_LEX_IGO:
		if (FIELD("code")) {
			if (!is_code(l->values[0].text, 4, 16))
				return dyad_errf(why, DYAD_EINPUT, "an organisation's code is IGO + letters");
			e->code = adup(lx, l->values[0].text);
			return 0;
		}
		if (FIELD("adj")) {
			for (i = 0; i < l->nvalues; i++)
				add_name(lx, l->values[i].text, DYAD_NAME_ADJ, NULL, l->values[i].from, l->values[i].to);
			return 0;
		}
		if (FIELD("member")) {
			for (i = 0; i < l->nvalues; i++) {
				dyad_lex_member *m;
				if (!is_code(l->values[i].text, 3, 3))
					return dyad_errf(why, DYAD_EINPUT, "a member is a three-letter country code");
				lx->members =
					dyad_xgrow(lx->members, &lx->capmembers, lx->nmembers, sizeof *lx->members, 256);
				m = &lx->members[lx->nmembers++];
				m->igo = (uint32_t)lx->cur;
				snprintf(m->country, sizeof m->country, "%.*s", (int)l->values[i].text.n,
					 l->values[i].text.p);
				m->from = l->values[i].from;
				m->to = l->values[i].to;
			}
			return 0;
		}
		break;
	case DYAD_LEX_PERSON:
		if (FIELD("gender")) {
			char g = l->values[0].text.p[0];
			if (l->values[0].text.n != 1 || (g != 'm' && g != 'f'))
				return dyad_errf(why, DYAD_EINPUT, "gender is m or f");
			e->gender = g;
			return 0;
		}
		if (FIELD("office")) {
			dyad_office o;
			int rc = parse_office(lx, l->values[0].text, &o, why);
			if (rc < 0)
				return rc;
			e->offices = dyad_xrealloc(e->offices, (e->noffices + 1) * sizeof *e->offices);
			e->offices[e->noffices++] = o;
			return 0;
		}
		break;
	case DYAD_LEX_ROLE:
		if (FIELD("title") || FIELD("body")) {
			for (i = 0; i < l->nvalues; i++)
				add_name(lx, l->values[i].text, FIELD("title") ? DYAD_NAME_TITLE : DYAD_NAME_BODY,
					 e->key, l->values[i].from, l->values[i].to);
			return 0;
		}
		break;
	case DYAD_LEX_GIVEN: break; /* names only */
	}
#undef FIELD
	return dyad_errf(why, DYAD_EINPUT, "unknown field '%.*s' in @%.*s", (int)l->field.n, l->field.p, (int)l->kind.n,
			 l->kind.p);
}

static void on_warn(void *ctx, const char *msg)
{
	dyad_lexicon *lx = ctx;

	if (lx->warn)
		lx->warn(lx->warn_ctx, msg);
}

static int cmp_entity(const void *a, const void *b)
{
	const dyad_lex_entity *x = *(const dyad_lex_entity *const *)a, *y = *(const dyad_lex_entity *const *)b;

	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return strcmp(x->key, y->key);
}

/* 1 when the name is written in Cyrillic, 0 in Latin letters, -1 in neither. */
static int script_of(const char *s)
{
	const unsigned char *p;
	int latin = 0;

	for (p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0xD0 && *p <= 0xD3)
			return 1;
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
			latin = 1;
	}
	return latin ? 0 : -1;
}

static int cmp_id(const void *a, const void *b)
{
	const dyad_lex_entity *x = *(const dyad_lex_entity *const *)a, *y = *(const dyad_lex_entity *const *)b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x < y ? -1 : 1);
}

/* Two entities with one id: the later keeps none, and the loader says where. */
static void unique_ids(dyad_lexicon *lx)
{
	dyad_lex_entity **by = dyad_xmalloc((lx->nent ? lx->nent : 1) *
					    sizeof *by); // NOLINT(bugprone-sizeof-expression): an array of pointers
	size_t i, n = 0;

	for (i = 0; i < lx->nent; i++)
		if (lx->ent[i].id)
			by[n++] = &lx->ent[i];
	qsort(by, n, sizeof *by, cmp_id); // NOLINT(bugprone-sizeof-expression): an array of pointers
	for (i = 1; i < n; i++)
		if (strcmp(by[i - 1]->id, by[i]->id) == 0) {
			char msg[512];
			snprintf(msg, sizeof msg, "%s:%zu: id '%s' is already %s's (%s:%zu); dropped", by[i]->file,
				 by[i]->line, by[i]->id, by[i - 1]->key, by[i - 1]->file, by[i - 1]->line);
			on_warn(lx, msg);
			by[i]->id = NULL;
			by[i] = by[i - 1];
		}
	free(by);
}

/* "European Commission", "Arab League": a key of words, with a blank and lower-case letters */
static int key_is_words(const char *key)
{
	return strchr(key, ' ') != NULL && strpbrk(key, "abcdefghijklmnopqrstuvwxyz") != NULL;
}

/*
 * Every country, organisation and person gets its English and Russian names
 * (the first `name` in each script; an organisation's key when it is words,
 * "European Commission", and its short key, CIS, only when it has no other) and its id: a country's key, an
 * organisation's code, a person's `id` field. A repeated id is reported and dropped.
 */
static void name_entities(dyad_lexicon *lx)
{
	size_t i;

	for (i = 0; i < lx->nent; i++)
		if (lx->ent[i].kind == DYAD_LEX_IGO && key_is_words(lx->ent[i].key))
			lx->ent[i].name_en = lx->ent[i].key;
	for (i = 0; i < lx->nnames; i++) {
		const dyad_lex_name *n = &lx->names[i];
		dyad_lex_entity *e = &lx->ent[n->entity];
		int script;

		if (n->type != DYAD_NAME_NAME || e->kind == DYAD_LEX_ROLE || e->kind == DYAD_LEX_GIVEN ||
		    (script = script_of(n->text)) < 0)
			continue;
		/* an organisation's key is its English name when it is words ("European Commission"), not letters (CIS) */
		if (e->kind == DYAD_LEX_IGO && !key_is_words(e->key) && strcmp(n->text, e->key) == 0)
			continue;
		if (script == 0 && e->name_en == NULL)
			e->name_en = n->text;
		if (script == 1 && e->name_ru == NULL)
			e->name_ru = n->text;
	}
	for (i = 0; i < lx->nent; i++) {
		dyad_lex_entity *e = &lx->ent[i];
		if (e->kind == DYAD_LEX_IGO && e->name_en == NULL && script_of(e->key) == 0)
			e->name_en = e->key;
		if (e->id == NULL && (e->kind == DYAD_LEX_COUNTRY || e->kind == DYAD_LEX_IGO))
			e->id = e->code;
	}
	unique_ids(lx);
}

dyad_lexicon *dyad_lexicon_load(const char *dir, void (*warn)(void *ctx, const char *msg), void *ctx, dyad_errbuf *e)
{
	char **files;
	long nfiles = dyad_list_dir(dir, ".txt", &files), f;
	size_t i;
	dyad_lexicon *lx;

	if (nfiles < 0) {
		dyad_errf(e, DYAD_EIO, "%s: cannot open the actor dictionaries", dir);
		return NULL;
	}
	lx = dyad_xcalloc(1, sizeof *lx);
	lx->arena = dyad_arena_new();
	lx->warn = warn;
	lx->warn_ctx = ctx;
	for (f = 0; f < nfiles; f++) {
		char path[4096];
		dyad_buf text = DYAD_BUF_INIT;
		dyad_errbuf fe;
		size_t before;

		snprintf(path, sizeof path, "%s/%s", dir, files[f]);
		lx->file = dyad_arena_strndup(lx->arena, path, strlen(path));
		lx->cur = -1;
		if (dyad_read_file(&text, path, 256u << 20, &fe) < 0) {
			on_warn(lx, fe.msg);
			dyad_buf_free(&text);
			continue;
		}
		before = lx->nent;
		dyad_dict_parse((dyad_str){ text.p, text.n }, lx->file, on_line, on_warn, lx);
		dyad_buf_free(&text);
		/* a dictionary of no entry is an empty or cut-off copy, not a choice: say so */
		if (lx->nent == before) {
			char msg[4200];

			snprintf(msg, sizeof msg, "%s: no entry (an empty or truncated dictionary file?)", lx->file);
			on_warn(lx, msg);
		}
	}
	dyad_names_free(files, (size_t)nfiles);
	name_entities(lx);
	lx->index = dyad_xmalloc((lx->nent ? lx->nent : 1) *
				 sizeof *lx->index); // NOLINT(bugprone-sizeof-expression): an array of pointers
	for (i = 0; i < lx->nent; i++)
		lx->index[i] = &lx->ent[i];
	if (lx->nent)
		// NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
		qsort(lx->index, lx->nent, sizeof *lx->index, cmp_entity);
	return lx;
}

void dyad_lexicon_free(dyad_lexicon *lx)
{
	size_t i;

	if (lx == NULL)
		return;
	for (i = 0; i < lx->nent; i++)
		free(lx->ent[i].offices);
	free(lx->ent);
	free(lx->names);
	free(lx->members);
	free(lx->index);
	dyad_arena_free(lx->arena);
	free(lx);
}

size_t dyad_lexicon_nentities(const dyad_lexicon *lx)
{
	return lx->nent;
}
const dyad_lex_entity *dyad_lexicon_entity(const dyad_lexicon *lx, size_t i)
{
	return &lx->ent[i];
}
size_t dyad_lexicon_nnames(const dyad_lexicon *lx)
{
	return lx->nnames;
}
const dyad_lex_name *dyad_lexicon_name(const dyad_lexicon *lx, size_t i)
{
	return &lx->names[i];
}
size_t dyad_lexicon_nmembers(const dyad_lexicon *lx)
{
	return lx->nmembers;
}
const dyad_lex_member *dyad_lexicon_member(const dyad_lexicon *lx, size_t i)
{
	return &lx->members[i];
}

const dyad_lex_entity *dyad_lexicon_find(const dyad_lexicon *lx, dyad_lex_kind kind, const char *key)
{
	size_t lo = 0, hi = lx->nent;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const dyad_lex_entity *e = lx->index[mid];
		int c = e->kind != kind ? (int)e->kind - (int)kind : strcmp(e->key, key);

		if (c == 0)
			return e;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const dyad_lex_entity *dyad_lexicon_actor(const dyad_lexicon *lx, uint32_t entity, const char *person,
					  const char *country, const char *igo)
{
	const dyad_lex_entity *e = NULL;

	if (entity < lx->nent && lx->ent[entity].kind != DYAD_LEX_ROLE && lx->ent[entity].kind != DYAD_LEX_GIVEN)
		return &lx->ent[entity];
	if (person && *person)
		e = dyad_lexicon_find(lx, DYAD_LEX_PERSON, person);
	if (e == NULL && country && *country)
		e = dyad_lexicon_find(lx, DYAD_LEX_COUNTRY, country);
	if (e == NULL && igo && *igo)
		e = dyad_lexicon_find(lx, DYAD_LEX_IGO, igo);
	return e;
}

const dyad_office *dyad_lexicon_office_on(const dyad_lex_entity *p, dyad_ymd day, int *before)
{
	size_t i;

	if (before)
		*before = 0;
	for (i = 0; i < p->noffices; i++)
		if (dyad_ymd_within(day, p->offices[i].from, p->offices[i].to))
			return &p->offices[i];
	for (i = 0; i < p->noffices && before; i++)
		if (p->offices[i].to && p->offices[i].to < day)
			*before = 1;
	return NULL;
}
