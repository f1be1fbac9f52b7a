/*
 * query.c — the knowledge base's questions, the part every engine shares:
 * tables of text cells, the checks of every argument (dates, types, codes,
 * cursors, periods) and the resolution of actors, before the engine of the
 * store (src/store/engine.h) is asked. So a bad argument is the same clear
 * message on every engine, never an empty answer.
 */
#include "dyad/query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dyad/dict.h"
#include "dyad/text.h"
#include "store/engine.h"

/* ---- tables ------------------------------------------------------------------------------ */

void dyad_table_free(dyad_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cols);
	free(t->cells);
	free(t->numeric);
	memset(t, 0, sizeof *t);
}

const char *dyad_table_get(const dyad_table *t, size_t r, size_t c)
{
	return r < t->nrows && c < t->ncols ? t->cells[r * t->ncols + c] : NULL;
}

void dyad_table_row_json(const dyad_table *t, size_t r, dyad_buf *out)
{
	dyad_table_row_json_n(t, r, t->ncols, out);
}

void dyad_table_row_json_n(const dyad_table *t, size_t r, size_t ncols, dyad_buf *out)
{
	size_t c;

	dyad_buf_putc(out, '{');
	for (c = 0; c < ncols && c < t->ncols; c++) {
		const char *v = dyad_table_get(t, r, c);
		if (c)
			dyad_buf_putc(out, ',');
		dyad_buf_json_str(out, dyad_str_c(t->cols[c]));
		dyad_buf_putc(out, ':');
		if (v == NULL)
			dyad_buf_puts(out, "null");
		else if (t->numeric && t->numeric[r * t->ncols + c])
			dyad_buf_puts(out, v);
		else
			dyad_buf_json_str(out, dyad_str_c(v));
	}
	dyad_buf_putc(out, '}');
}

void dyad_table_json(const dyad_table *t, dyad_buf *out)
{
	size_t r;

	dyad_buf_putc(out, '[');
	for (r = 0; r < t->nrows; r++) {
		if (r)
			dyad_buf_putc(out, ',');
		dyad_table_row_json(t, r, out);
	}
	dyad_buf_putc(out, ']');
}

void dyad_table_start(dyad_table *t, size_t ncols, const char *const *cols)
{
	size_t i;

	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->cols = dyad_xcalloc(ncols ? ncols : 1, sizeof *t->cols);
	for (i = 0; i < ncols; i++)
		t->cols[i] = dyad_xstrdup(cols[i]);
}

void dyad_table_add_row(dyad_table *t, const char *const *cells, const unsigned char *numeric)
{
	size_t i, w = t->ncols ? t->ncols : 1;

	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = dyad_xrealloc(t->cells, t->cap * w * sizeof *t->cells);
		t->numeric = dyad_xrealloc(t->numeric, t->cap * w);
	}
	for (i = 0; i < t->ncols; i++) {
		t->cells[t->nrows * t->ncols + i] = cells[i] ? dyad_xstrdup(cells[i]) : NULL;
		t->numeric[t->nrows * t->ncols + i] = numeric[i];
	}
	t->nrows++;
}

/* An operation the store's engine lacks: DYAD_EUSAGE naming the engine. */
static int unsupported(const dyad_store *s, const char *what, dyad_errbuf *e)
{
	return dyad_errf(e, DYAD_EUSAGE, "%s: the %s engine cannot answer this", what, s->engine->name);
}

int dyad_query_sql(dyad_store *s, const char *sql, dyad_table *out, dyad_errbuf *e)
{
	memset(out, 0, sizeof *out);
	if (s->engine->sql == NULL)
		return unsupported(s, "SQL", e);
	return s->engine->sql(s, sql, out, e);
}

static int valid_date(const char *d)
{
	return d == NULL || (strlen(d) >= 4 && dyad_ymd_parse(dyad_str_c(d)) > 0);
}

/* ---- names in one language ---------------------------------------------------------------- */

/* 1 when answers name actors and people in Russian; per thread, as the server answers one request per thread */
static _Thread_local int names_ru;

int dyad_query_set_names(const char *lang)
{
	if (lang == NULL || strcmp(lang, "en") == 0)
		names_ru = 0;
	else if (strcmp(lang, "ru") == 0)
		names_ru = 1;
	else
		return -1;
	return 0;
}

const char *dyad_query_names(void)
{
	return names_ru ? "ru" : "en";
}

void dyad_query_person_name(dyad_store *s, const char *key, char *out, size_t n)
{
	snprintf(out, n, "%s", key);
	if (s->engine->person_name)
		s->engine->person_name(s, key, out, n);
}

/* ---- actors ------------------------------------------------------------------------------- */

/*
 * CAMEO's role and sector codes: a code in lower or mixed case (kazgov) is
 * read as one only when what follows the actor is made of these, so a word
 * such as "kazakh" is not taken for the code KAZ + AKH.
 */
static const char *const cameo_roles[] = { "COP", "GOV", "INS", "JUD", "LEG", "MED", "MIL", "OPP", "PTY",
					   "REB", "REF", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV",
					   "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "REL", "MOD", "RAD",
					   "DIP", "IGO", "NGO", "NGM", "MNC", "SEP", "IMG", "UIS", "COUNCIL" };

/* 1 when `p` is one or more role codes end to end (GOV, GOVMIL). */
static int roles_only(const char *p)
{
	size_t i;

	if (!*p)
		return 0;
	for (i = 0; i < sizeof cameo_roles / sizeof *cameo_roles; i++) {
		size_t n = strlen(cameo_roles[i]);
		if (strncmp(p, cameo_roles[i], n) == 0 && (p[n] == '\0' || roles_only(p + n)))
			return 1;
	}
	return 0;
}

/* 1 when `up` (upper case) is `arg` already, or is an actor of three letters or more and role codes. */
static int code_like(const char *arg, const char *up)
{
	size_t at, n = strlen(up);

	if (strcmp(arg, up) == 0)
		return 1;
	for (at = 3; at < n; at++)
		if (roles_only(up + at))
			return 1;
	return 0;
}

int dyad_query_actor_resolve(dyad_store *s, const char *arg, char side[24], char code[24], char person[128],
			     dyad_errbuf *e)
{
	dyad_buf folded = DYAD_BUF_INIT;
	dyad_actor_query q;
	char up[24] = { 0 };
	size_t i;
	int rc, ascii = 1;

	side[0] = code[0] = person[0] = '\0';
	if (arg == NULL || !*arg)
		return dyad_errf(e, DYAD_EUSAGE, "an empty actor");
	for (i = 0; arg[i]; i++)
		if (!((arg[i] >= 'A' && arg[i] <= 'Z') || (arg[i] >= 'a' && arg[i] <= 'z') ||
		      (arg[i] >= '0' && arg[i] <= '9')))
			ascii = 0;
	if (i >= sizeof up)
		ascii = 0;
	for (i = 0; ascii && arg[i]; i++)
		up[i] = (char)(arg[i] >= 'a' && arg[i] <= 'z' ? arg[i] - 32 : arg[i]);
	up[ascii ? i : 0] = '\0';
	dyad_fold_buf(&folded, dyad_str_c(arg));
	dyad_buf_putc(&folded, '\0');
	q.arg = arg;
	q.folded = folded.p;
	q.upper = ascii ? up : NULL;
	q.code = ascii && code_like(arg, up) ? up : NULL;
	rc = s->engine->resolve ? s->engine->resolve(s, &q, side, code, person, e) : unsupported(s, "actors", e);
	dyad_buf_free(&folded);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return dyad_errf(e, DYAD_ENOTFOUND,
				 "unknown actor '%s' (try a country code like KAZ, an organisation like SCO, "
				 "a code like KAZGOV, a name like Kazakhstan, or a person)",
				 arg);
	return 0;
}

int dyad_query_actor_ref(dyad_store *s, const char *arg, dyad_actor_ref *ref, dyad_errbuf *e)
{
	int rc;

	memset(ref, 0, sizeof *ref);
	if ((rc = dyad_query_actor_resolve(s, arg, ref->side, ref->code, ref->person, e)) < 0)
		return rc;
	if (ref->person[0])
		ref->kind = "person";
	else if (ref->code[0] && strcmp(ref->code, ref->side) != 0)
		ref->kind = "role";
	else {
		ref->code[0] = '\0';
		ref->kind = strncmp(ref->side, "IGO", 3) == 0 ? "organisation" : "country";
	}
	return 0;
}

void dyad_actor_ref_json(dyad_store *s, const dyad_actor_ref *ref, dyad_buf *out)
{
	char name[256];

	dyad_buf_puts(out, "{\"kind\":");
	dyad_buf_json_str(out, dyad_str_c(ref->kind ? ref->kind : "country"));
	dyad_buf_puts(out, ",\"side\":");
	dyad_buf_json_str(out, dyad_str_c(ref->side));
	dyad_buf_puts(out, ",\"code\":");
	if (ref->code[0])
		dyad_buf_json_str(out, dyad_str_c(ref->code));
	else
		dyad_buf_puts(out, "null");
	dyad_buf_puts(out, ",\"person\":");
	if (ref->person[0])
		dyad_buf_json_str(out, dyad_str_c(ref->person));
	else
		dyad_buf_puts(out, "null");
	dyad_buf_puts(out, ",\"side_name\":");
	if (s->engine->side_name && s->engine->side_name(s, ref->side, name, sizeof name) > 0)
		dyad_buf_json_str(out, dyad_str_c(name));
	else
		dyad_buf_puts(out, "null");
	dyad_buf_putc(out, '}');
}

const char *dyad_actor_ref_key(const dyad_actor_ref *ref)
{
	return ref->person[0] ? ref->person : ref->code[0] ? ref->code : ref->side;
}

int dyad_query_count_parse(const char *what)
{
	if (what == NULL || strcmp(what, "events") == 0)
		return 0;
	if (strcmp(what, "mentions") == 0)
		return 1;
	return -1;
}

/* ---- events ------------------------------------------------------------------------------- */

/* The PLOVER event types (data/codebook/plover.tsv): a filter on another is a mistake, not an empty answer. */
static const char *const plover_types[] = { "AGREE",    "CONSULT",  "SUPPORT", "CONCEDE", "COOPERATE", "AID",
					    "RETREAT",  "REQUEST",  "ACCUSE",  "REJECT",  "THREATEN",  "PROTEST",
					    "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT" };

int dyad_query_event_type_valid(const char *type)
{
	size_t i;

	for (i = 0; i < sizeof plover_types / sizeof *plover_types; i++)
		if (strcasecmp(type, plover_types[i]) == 0)
			return 1;
	return 0;
}

/* Check the scope's values; 0 or DYAD_EUSAGE with a message. */
static int scope_check(const dyad_event_filter *f, dyad_errbuf *e)
{
	size_t i;

	if (f == NULL)
		return 0;
	if (!valid_date(f->since) || !valid_date(f->until))
		return dyad_errf(e, DYAD_EUSAGE, "bad date '%s' (expected YYYY-MM-DD, YYYY-MM or YYYY)",
				 !valid_date(f->since) ? f->since : f->until);
	if (f->type && !dyad_query_event_type_valid(f->type))
		return dyad_errf(
			e, DYAD_EUSAGE,
			"unknown event type '%s' (expected a PLOVER type: AGREE, CONSULT, "
			"SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, "
			"SANCTION, MOBILIZE, COERCE or ASSAULT)",
			f->type);
	if (f->cameo) {
		for (i = 0; f->cameo[i]; i++)
			if (f->cameo[i] < '0' || f->cameo[i] > '9' || i >= 4)
				return dyad_errf(e, DYAD_EUSAGE, "bad CAMEO code '%s' (expected up to four digits)",
						 f->cameo);
	}
	if (f->quad < 0 || f->quad > 4)
		return dyad_errf(e, DYAD_EUSAGE, "bad QuadClass %d (expected 1 to 4)", f->quad);
	return 0;
}

/* Resolve the filter's actor (ref[0]) and dyad (ref[1], ref[2]); 0 or a negative code with `e`. */
static int actors_resolve(dyad_store *s, const dyad_event_filter *f, dyad_actor_ref ref[3], dyad_errbuf *e)
{
	int rc;

	memset(ref, 0, 3 * sizeof *ref); /* an actor not asked for is empty, never read uninitialised */
	if (f->actor && (rc = dyad_query_actor_ref(s, f->actor, &ref[0], e)) < 0)
		return rc;
	if ((f->a || f->b) && (!f->a || !f->b))
		return dyad_errf(e, DYAD_EUSAGE, "a dyad needs two actors: A,B");
	if (f->a && ((rc = dyad_query_actor_ref(s, f->a, &ref[1], e)) < 0 ||
		     (rc = dyad_query_actor_ref(s, f->b, &ref[2], e)) < 0))
		return rc;
	return 0;
}

/* A page's cursor "DATE,ID" (DATE empty when undated) as its date and row id; 0 or DYAD_EUSAGE. */
int dyad_query_cursor_parse(const char *c, char date[16], char id[24], dyad_errbuf *e)
{
	const char *comma = strrchr(c, ',');
	size_t n, i;

	if (comma == NULL || (n = (size_t)(comma - c)) > 10 || strlen(comma + 1) == 0 || strlen(comma + 1) > 18)
		return dyad_errf(e, DYAD_EUSAGE, "bad cursor '%s' (expected DATE,ID as a page gave it)", c);
	memcpy(date, c, n);
	date[n] = '\0';
	for (i = 1; comma[i]; i++)
		if (comma[i] < '0' || comma[i] > '9')
			return dyad_errf(e, DYAD_EUSAGE, "bad cursor '%s' (expected DATE,ID as a page gave it)", c);
	if (n && !valid_date(date))
		return dyad_errf(e, DYAD_EUSAGE, "bad cursor '%s' (expected DATE,ID as a page gave it)", c);
	snprintf(id, 24, "%s", comma + 1);
	return 0;
}

/* ---- the questions, asked of the engine ------------------------------------------------- */

int dyad_query_events(dyad_store *s, const dyad_event_filter *f, dyad_table *out, dyad_errbuf *e)
{
	dyad_actor_ref ref[3];
	char cdate[16], cid[24];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = scope_check(f, e)) < 0)
		return rc;
	if (f->after && (rc = dyad_query_cursor_parse(f->after, cdate, cid, e)) < 0)
		return rc;
	if ((rc = actors_resolve(s, f, ref, e)) < 0)
		return rc;
	return s->engine->events ? s->engine->events(s, f, ref, out, e) : unsupported(s, "events", e);
}

int dyad_query_timeline(dyad_store *s, const char *a, const char *b, const char *by, dyad_table *out, dyad_errbuf *e)
{
	dyad_actor_ref ra, rb;

	memset(&ra, 0, sizeof ra);
	memset(&rb, 0, sizeof rb);
	return dyad_query_timeline_refs(s, a, b, by, NULL, out, &ra, &rb, e);
}

int dyad_query_timeline_refs(dyad_store *s, const char *a, const char *b, const char *by, const dyad_event_filter *scope,
			     dyad_table *out, dyad_actor_ref *ra, dyad_actor_ref *rb, dyad_errbuf *e)
{
	static const char *const periods[] = { "day", "week", "month", "year" };
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	if (by == NULL)
		by = "month";
	for (i = 0; i < sizeof periods / sizeof *periods && strcmp(by, periods[i]) != 0; i++)
		;
	if (i == sizeof periods / sizeof *periods)
		return dyad_errf(e, DYAD_EUSAGE, "bad period '%s' (expected day, week, month or year)", by);
	if ((rc = scope_check(scope, e)) < 0)
		return rc;
	if ((rc = dyad_query_actor_ref(s, a, ra, e)) < 0 || (rc = dyad_query_actor_ref(s, b, rb, e)) < 0)
		return rc;
	return s->engine->timeline ? s->engine->timeline(s, ra, rb, by, scope, out, e) : unsupported(s, "timelines", e);
}

int dyad_query_profile(dyad_store *s, const char *actor, const dyad_event_filter *scope, dyad_table *partners,
		       dyad_table *years, dyad_table *people, dyad_actor_ref *ref_out, dyad_errbuf *e)
{
	dyad_actor_ref ref;
	int rc;

	memset(partners, 0, sizeof *partners);
	memset(years, 0, sizeof *years);
	memset(people, 0, sizeof *people);
	if ((rc = scope_check(scope, e)) < 0)
		return rc;
	if ((rc = dyad_query_actor_ref(s, actor, &ref, e)) < 0)
		return rc;
	if (ref_out)
		*ref_out = ref;
	if (s->engine->profile == NULL)
		return unsupported(s, "profiles", e);
	return s->engine->profile(s, &ref, scope, partners, years, people, e);
}

int dyad_query_network(dyad_store *s, const dyad_event_filter *scope, dyad_table *out, dyad_errbuf *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = scope_check(scope, e)) < 0)
		return rc;
	return s->engine->network ? s->engine->network(s, scope, out, e) : unsupported(s, "the network", e);
}

int dyad_query_types(dyad_store *s, const dyad_event_filter *f, dyad_table *out, dyad_errbuf *e)
{
	dyad_actor_ref ref[3];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = scope_check(f, e)) < 0)
		return rc;
	if ((rc = actors_resolve(s, f, ref, e)) < 0)
		return rc;
	return s->engine->types ? s->engine->types(s, f, ref, out, e) : unsupported(s, "event types", e);
}

int dyad_query_places(dyad_store *s, const dyad_event_filter *f, const char *place, dyad_table *out, dyad_errbuf *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = scope_check(f, e)) < 0)
		return rc;
	return s->engine->places ? s->engine->places(s, f, place, out, e) : unsupported(s, "places", e);
}

int dyad_query_stats(dyad_store *s, dyad_table *out, dyad_errbuf *e)
{
	memset(out, 0, sizeof *out);
	return s->engine->stats ? s->engine->stats(s, out, e) : unsupported(s, "counts", e);
}

int dyad_query_search(dyad_store *s, const char *q, long limit, const char *open, const char *close, dyad_table *out,
		      dyad_errbuf *e)
{
	memset(out, 0, sizeof *out);
	if (q == NULL || q[strspn(q, " \t")] == '\0')
		return dyad_errf(e, DYAD_EUSAGE, "nothing to search for");
	if (s->engine->search == NULL)
		return unsupported(s, "search", e);
	return s->engine->search(s, q, limit > 0 ? limit : 20, open ? open : "[", close ? close : "]", out, e);
}

int dyad_query_actors(dyad_store *s, const char *prefix, long limit, dyad_table *out, dyad_errbuf *e)
{
	dyad_buf folded = DYAD_BUF_INIT;
	int rc;

	memset(out, 0, sizeof *out);
	if (s->engine->actors == NULL)
		return unsupported(s, "actors", e);
	if (prefix && *prefix) {
		dyad_fold_buf(&folded, dyad_str_c(prefix));
		dyad_buf_putc(&folded, '\0');
	}
	rc = s->engine->actors(s, folded.p, limit > 0 ? limit : 20, out, e);
	dyad_buf_free(&folded);
	return rc;
}

int dyad_query_actor(dyad_store *s, const char *code, dyad_table *out, dyad_errbuf *e)
{
	dyad_actor_ref ref;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = dyad_query_actor_ref(s, code, &ref, e)) < 0)
		return rc;
	return s->engine->actor ? s->engine->actor(s, &ref, out, e) : unsupported(s, "actors", e);
}

int dyad_query_doc(dyad_store *s, const char *id, dyad_table *doc, dyad_table *sentences, dyad_table *mentions,
		   dyad_table *events, dyad_errbuf *e)
{
	int rc;

	memset(doc, 0, sizeof *doc);
	memset(sentences, 0, sizeof *sentences);
	memset(mentions, 0, sizeof *mentions);
	memset(events, 0, sizeof *events);
	if (s->engine->doc == NULL)
		return unsupported(s, "documents", e);
	if ((rc = s->engine->doc(s, id, doc, sentences, mentions, events, e)) < 0)
		return rc;
	if (doc->nrows == 0) {
		dyad_table_free(doc);
		return dyad_errf(e, DYAD_ENOTFOUND, "no such document: %s", id);
	}
	return 0;
}
