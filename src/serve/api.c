/*
 * api.c — the JSON API of docs/api.md: a request's path and parameters in,
 * a status and a JSON body out. Every parameter is checked against the
 * route's list, its length and its form before a query runs; the queries
 * themselves are src/query's parameterised SQL. Nothing here knows HTTP.
 */
#include "dyad/serve.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/json.h"
#include "dyad/query.h"
#include "dyad/utf8.h"

typedef struct {
	const dyad_param *p;
	size_t n;
	dyad_reply *r;
} request;

/* ---- replies ----------------------------------------------------------------------------------- */

static void reply_error(dyad_reply *r, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void reply_error(dyad_reply *r, int status, const char *fmt, ...)
{
	char msg[640];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->status = status;
	dyad_buf_clear(&r->body);
	dyad_buf_puts(&r->body, "{\"error\":");
	dyad_buf_json_str(&r->body, dyad_str_c(msg));
	dyad_buf_puts(&r->body, "}");
}

/* A query's failure: the caller's fault (400, or 404 for the thing the path names) or the store's (500). */
static void reply_query_error(dyad_reply *r, int rc, const dyad_errbuf *e, int notfound_status)
{
	if (rc == DYAD_ENOTFOUND)
		reply_error(r, notfound_status, "%s", e->msg);
	else if (rc == DYAD_EUSAGE)
		reply_error(r, 400, "%s", e->msg);
	else
		reply_error(r, 500, "%s", e->msg);
}

static void put_key(dyad_buf *b, const char *key, int first)
{
	if (!first)
		dyad_buf_putc(b, ',');
	dyad_buf_json_str(b, dyad_str_c(key));
	dyad_buf_putc(b, ':');
}

static void put_str_or_null(dyad_buf *b, const char *v)
{
	if (v)
		dyad_buf_json_str(b, dyad_str_c(v));
	else
		dyad_buf_puts(b, "null");
}

/* ---- parameters -------------------------------------------------------------------------------- */

/*
 * Check the request's parameters against the names a route takes: each
 * known, given once, valid UTF-8, not too long. Returns 0 or fills the
 * reply with a 400 and returns -1.
 */
static int check_params(request *q, const char *const *names)
{
	size_t i, j, k;

	if (q->n > DYAD_API_MAX_PARAMS) {
		reply_error(q->r, 400, "too many parameters: %zu (at most %d)", q->n, DYAD_API_MAX_PARAMS);
		return -1;
	}
	for (i = 0; i < q->n; i++) {
		const char *name = q->p[i].name, *value = q->p[i].value ? q->p[i].value : "";
		for (k = 0; names[k] && strcmp(names[k], name) != 0; k++)
			;
		if (names[k] == NULL) {
			if (!dyad_utf8_valid(dyad_str_c(name)) || strlen(name) > 64)
				reply_error(q->r, 400, "unknown parameter");
			else
				reply_error(q->r, 400, "unknown parameter: %s", name);
			return -1;
		}
		for (j = 0; j < i; j++)
			if (strcmp(q->p[j].name, name) == 0) {
				reply_error(q->r, 400, "%s: given more than once", name);
				return -1;
			}
		if (strlen(value) > DYAD_API_MAX_VALUE) {
			reply_error(q->r, 400, "%s: longer than %d bytes", name, DYAD_API_MAX_VALUE);
			return -1;
		}
		if (!dyad_utf8_valid(dyad_str_c(value))) {
			reply_error(q->r, 400, "%s: not valid UTF-8", name);
			return -1;
		}
	}
	return 0;
}

/* The value of a parameter, NULL when absent; an empty value counts as absent. */
static const char *param(const request *q, const char *name)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		if (strcmp(q->p[i].name, name) == 0)
			return q->p[i].value && *q->p[i].value ? q->p[i].value : NULL;
	return NULL;
}

/* A whole number in [lo, hi] or the default; -1 with a 400 when malformed. */
static int param_long(request *q, const char *name, long lo, long hi, long dflt, long *out)
{
	const char *v = param(q, name);
	char *end;
	long x;

	*out = dflt;
	if (v == NULL)
		return 0;
	x = strtol(v, &end, 10);
	if (*end || end == v || !isdigit((unsigned char)v[0]) || x < lo || x > hi) {
		reply_error(q->r, 400, "%s: expected a whole number from %ld to %ld, not '%s'", name, lo, hi, v);
		return -1;
	}
	*out = x;
	return 0;
}

/* A YYYY-MM-DD (or YYYY-MM, YYYY) date: the form is checked here, the calendar by the query. */
static int param_date(request *q, const char *name)
{
	const char *v = param(q, name);
	size_t i, n;

	if (v == NULL)
		return 0;
	n = strlen(v);
	for (i = 0; i < n; i++)
		if (!(isdigit((unsigned char)v[i]) || (v[i] == '-' && (i == 4 || i == 7))))
			break;
	if (i < n || !(n == 4 || n == 7 || n == 10)) {
		reply_error(q->r, 400, "%s: not a date (YYYY-MM-DD): %s", name, v);
		return -1;
	}
	return 0;
}

/* The count parameter: events (default) → 0, mentions → 1; -1 with a 400 otherwise. */
static int param_count(request *q, int *out)
{
	const char *v = param(q, "count");

	if ((*out = dyad_query_count_parse(v)) < 0) {
		reply_error(q->r, 400, "count: expected events or mentions, not '%s'", v);
		return -1;
	}
	return 0;
}

/*
 * A filter given empty (type=, actor=) is a mistake, not "every value":
 * absent is fine. `what` says what the value should be. -1 with a 400.
 */
static int param_not_empty(request *q, const char *name, const char *what)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		if (strcmp(q->p[i].name, name) == 0 && (q->p[i].value == NULL || !*q->p[i].value)) {
			reply_error(q->r, 400, "%s: empty (%s, or leave it out)", name, what);
			return -1;
		}
	return 0;
}

/* The names parameter: en (default) or ru, set for this thread's queries; -1 with a 400 otherwise. */
static int param_names(request *q)
{
	const char *v = param(q, "names");

	if (dyad_query_set_names(v) < 0) {
		reply_error(q->r, 400, "names: expected en or ru, not '%s'", v);
		return -1;
	}
	return 0;
}

/*
 * The parameters every view of the events shares: since, until, type, cameo,
 * quad, outlet, language (each refused when given empty or malformed),
 * count and names. -1 with a 400.
 */
static int param_scope(request *q, dyad_event_filter *f)
{
	/* each filter and what its value should be */
	static const char *const not_empty[][2] = {
		{ "type", "a PLOVER type" }, { "cameo", "a CAMEO code" }, { "quad", "a QuadClass 1-4" },
		{ "outlet", "an outlet" },   { "language", "ru or en" },  { "since", "a date" },
		{ "until", "a date" },
	};
	long quad;
	size_t i;

	for (i = 0; i < sizeof not_empty / sizeof *not_empty; i++)
		if (param_not_empty(q, not_empty[i][0], not_empty[i][1]) < 0)
			return -1;
	if (param_date(q, "since") < 0 || param_date(q, "until") < 0 || param_count(q, &f->mentions) < 0 ||
	    param_names(q) < 0 || param_long(q, "quad", 1, 4, 0, &quad) < 0)
		return -1;
	f->quad = (int)quad;
	f->since = param(q, "since");
	f->until = param(q, "until");
	f->type = param(q, "type");
	f->cameo = param(q, "cameo");
	f->outlet = param(q, "outlet");
	f->language = param(q, "language");
	return 0;
}

/* The actor (either side) and the dyad a, b: none given empty, both of a dyad or neither. -1 with a 400. */
static int param_actors(request *q, dyad_event_filter *f)
{
	static const char actor[] = "a country, organisation, code or person";

	if (param_not_empty(q, "actor", actor) < 0 || param_not_empty(q, "a", actor) < 0 ||
	    param_not_empty(q, "b", actor) < 0)
		return -1;
	f->actor = param(q, "actor");
	f->a = param(q, "a");
	f->b = param(q, "b");
	if ((f->a == NULL) != (f->b == NULL)) {
		reply_error(q->r, 400, "a dyad needs both a and b");
		return -1;
	}
	return 0;
}

/* ---- routes ------------------------------------------------------------------------------------ */

static void api_stats(dyad_store *s, request *q)
{
	static const char *const names[] = { NULL };
	dyad_table t;
	dyad_errbuf e;
	int rc;

	if (check_params(q, names) < 0)
		return;
	if ((rc = dyad_query_stats(s, &t, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 404);
		return;
	}
	dyad_buf_puts(&q->r->body, "{\"stats\":");
	dyad_table_json(&t, &q->r->body);
	dyad_buf_puts(&q->r->body, "}");
	dyad_table_free(&t);
}

static void api_events(dyad_store *s, request *q)
{
	static const char *const names[] = { "actor",  "a",     "b",     "type", "cameo",  "since",    "until", "limit",
					     "offset", "count", "names", "quad", "outlet", "language", "after", NULL };
	dyad_event_filter f = DYAD_EVENT_FILTER_INIT;
	dyad_buf *b = &q->r->body;
	long limit, offset;
	dyad_table t;
	dyad_errbuf e;
	size_t r;
	int rc;

	if (check_params(q, names) < 0 || param_long(q, "limit", 1, DYAD_API_MAX_LIMIT, 50, &limit) < 0 ||
	    param_long(q, "offset", 0, 1000000000L, 0, &offset) < 0 || param_scope(q, &f) < 0 || param_actors(q, &f) < 0)
		return;
	if (param_not_empty(q, "after", "a cursor a page gave") < 0)
		return;
	f.limit = limit + 1; /* one more tells whether a next page exists */
	f.offset = offset;
	f.after = param(q, "after");
	f.cursor = 1; /* the last column, each row's cursor, is not shown */
	if ((rc = dyad_query_events(s, &f, &t, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 400);
		return;
	}
	dyad_buf_puts(b, "{\"events\":[");
	for (r = 0; r < t.nrows && r < (size_t)limit; r++) {
		if (r)
			dyad_buf_putc(b, ',');
		dyad_table_row_json_n(&t, r, t.ncols - 1, b);
	}
	dyad_buf_printf(b, "],\"limit\":%ld,\"offset\":%ld,\"next\":", limit, offset);
	if (t.nrows > (size_t)limit)
		dyad_buf_printf(b, "%ld", offset + limit);
	else
		dyad_buf_puts(b, "null");
	/* the keyset of the next page: as fast on the thousandth page as on the first */
	dyad_buf_puts(b, ",\"after\":");
	if (t.nrows > (size_t)limit)
		dyad_buf_json_str(b, dyad_str_c(dyad_table_get(&t, (size_t)limit - 1, t.ncols - 1)));
	else
		dyad_buf_puts(b, "null");
	dyad_buf_putc(b, '}');
	dyad_table_free(&t);
}

static void api_timeline(dyad_store *s, request *q)
{
	static const char *const names[] = { "a",    "b",     "by",   "count",  "names",    "since", "until",
					     "type", "cameo", "quad", "outlet", "language", NULL };
	const char *a, *b, *by;
	dyad_actor_ref ra, rb;
	dyad_event_filter scope = DYAD_EVENT_FILTER_INIT;
	dyad_buf *out = &q->r->body;
	dyad_table t;
	dyad_errbuf e;
	int rc;

	if (check_params(q, names) < 0 || param_scope(q, &scope) < 0)
		return;
	a = param(q, "a");
	b = param(q, "b");
	by = param(q, "by") ? param(q, "by") : "month";
	if (!a || !b) {
		reply_error(q->r, 400, "a timeline needs two actors: a and b");
		return;
	}
	if ((rc = dyad_query_timeline_refs(s, a, b, by, &scope, &t, &ra, &rb, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 400);
		return;
	}
	dyad_buf_puts(out, "{\"a\":");
	dyad_buf_json_str(out, dyad_str_c(dyad_actor_ref_key(&ra)));
	dyad_buf_puts(out, ",\"b\":");
	dyad_buf_json_str(out, dyad_str_c(dyad_actor_ref_key(&rb)));
	dyad_buf_puts(out, ",\"resolved_a\":");
	dyad_actor_ref_json(s, &ra, out);
	dyad_buf_puts(out, ",\"resolved_b\":");
	dyad_actor_ref_json(s, &rb, out);
	dyad_buf_printf(out, ",\"count\":\"%s\"", scope.mentions ? "mentions" : "events");
	dyad_buf_puts(out, ",\"by\":");
	dyad_buf_json_str(out, dyad_str_c(by));
	dyad_buf_puts(out, ",\"periods\":");
	dyad_table_json(&t, out);
	dyad_buf_puts(out, "}");
	dyad_table_free(&t);
}

static void api_actors(dyad_store *s, request *q)
{
	static const char *const names[] = { "q", "limit", NULL };
	dyad_table t;
	dyad_errbuf e;
	long limit;
	int rc;

	if (check_params(q, names) < 0 || param_long(q, "limit", 1, DYAD_API_MAX_LIMIT, 20, &limit) < 0)
		return;
	if ((rc = dyad_query_actors(s, param(q, "q"), limit, &t, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 400);
		return;
	}
	dyad_buf_puts(&q->r->body, "{\"actors\":");
	dyad_table_json(&t, &q->r->body);
	dyad_buf_puts(&q->r->body, "}");
	dyad_table_free(&t);
}

static void api_actor(dyad_store *s, request *q, const char *code)
{
	static const char *const names[] = { "count", "names", "since",  "until",    "type",
					     "cameo", "quad",  "outlet", "language", NULL };
	dyad_table actor, partners, years, people;
	dyad_buf *b = &q->r->body;
	dyad_event_filter scope = DYAD_EVENT_FILTER_INIT;
	dyad_actor_ref ref;
	dyad_errbuf e;
	int rc;

	if (check_params(q, names) < 0 || param_scope(q, &scope) < 0)
		return;
	if ((rc = dyad_query_actor(s, code, &actor, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 404);
		return;
	}
	if ((rc = dyad_query_profile(s, code, &scope, &partners, &years, &people, &ref, &e)) < 0) {
		dyad_table_free(&actor);
		reply_query_error(q->r, rc, &e, 404);
		return;
	}
	dyad_buf_puts(b, "{\"actor\":");
	dyad_table_row_json(&actor, 0, b);
	dyad_buf_puts(b, ",\"resolved\":");
	dyad_actor_ref_json(s, &ref, b);
	dyad_buf_printf(b, ",\"count\":\"%s\"", scope.mentions ? "mentions" : "events");
	dyad_buf_puts(b, ",\"partners\":");
	dyad_table_json(&partners, b);
	dyad_buf_puts(b, ",\"years\":");
	dyad_table_json(&years, b);
	dyad_buf_puts(b, ",\"people\":");
	dyad_table_json(&people, b);
	dyad_buf_puts(b, "}");
	dyad_table_free(&actor);
	dyad_table_free(&partners);
	dyad_table_free(&years);
	dyad_table_free(&people);
}

/* GET /api/types: events by PLOVER type over the whole scope (an actor or a dyad, dates, filters). */
static void api_types(dyad_store *s, request *q)
{
	static const char *const names[] = { "actor", "a",     "b",    "type",   "cameo",    "since", "until",
					     "count", "names", "quad", "outlet", "language", NULL };
	dyad_event_filter f = DYAD_EVENT_FILTER_INIT;
	dyad_table t;
	dyad_errbuf e;
	int rc;

	if (check_params(q, names) < 0 || param_scope(q, &f) < 0 || param_actors(q, &f) < 0)
		return;
	if ((rc = dyad_query_types(s, &f, &t, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 400);
		return;
	}
	dyad_buf_puts(&q->r->body, "{\"types\":");
	dyad_table_json(&t, &q->r->body);
	dyad_buf_puts(&q->r->body, "}");
	dyad_table_free(&t);
}

/* GET /api/places: the places of events with their counts, or with place=ID that place's latest events. */
static void api_places(dyad_store *s, request *q)
{
	static const char *const names[] = { "place", "limit",  "since",    "until", "type",  "cameo",
					     "quad",  "outlet", "language", "count", "names", NULL };
	dyad_event_filter f = DYAD_EVENT_FILTER_INIT;
	const char *place;
	dyad_table t;
	dyad_errbuf e;
	int rc;

	if (check_params(q, names) < 0 || param_scope(q, &f) < 0 ||
	    param_not_empty(q, "place", "a place's id from /api/places") < 0)
		return;
	place = param(q, "place");
	/* at most 500 places in one answer, or 100 events of one place */
	if (param_long(q, "limit", 1, place ? 100 : 500, place ? 100 : 500, &f.limit) < 0)
		return;
	if ((rc = dyad_query_places(s, &f, place, &t, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 400);
		return;
	}
	if (place) {
		dyad_buf_puts(&q->r->body, "{\"place\":");
		dyad_buf_json_str(&q->r->body, dyad_str_c(place));
		dyad_buf_puts(&q->r->body, ",\"events\":");
	} else {
		dyad_buf_puts(&q->r->body, "{\"places\":");
	}
	dyad_table_json(&t, &q->r->body);
	dyad_buf_puts(&q->r->body, "}");
	dyad_table_free(&t);
}

/* The row of `code` in the actors table (column 0), or -1. */
static long find_actor(const dyad_table *t, const char *code)
{
	size_t r;

	for (r = 0; r < t->nrows; r++)
		if (dyad_table_get(t, r, 0) && strcmp(dyad_table_get(t, r, 0), code) == 0)
			return (long)r;
	return -1;
}

static void api_network(dyad_store *s, request *q)
{
	static const char *const names[] = { "since", "until", "count",  "names",    "type",
					     "cameo", "quad",  "outlet", "language", NULL };
	dyad_event_filter scope = DYAD_EVENT_FILTER_INIT;
	dyad_table edges, actors;
	dyad_buf *b = &q->r->body;
	const char **seen;
	size_t nseen = 0, r, k, side;
	dyad_errbuf e;
	int rc, ru;

	if (check_params(q, names) < 0 || param_scope(q, &scope) < 0)
		return;
	ru = strcmp(dyad_query_names(), "ru") == 0;
	if ((rc = dyad_query_network(s, &scope, &edges, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 400);
		return;
	}
	if ((rc = dyad_query_actors(s, NULL, 100000, &actors, &e)) < 0) {
		dyad_table_free(&edges);
		reply_query_error(q->r, rc, &e, 400);
		return;
	}
	/* nodes: every actor on an edge, in order of first appearance (the busiest edges come first) */
	seen = dyad_xcalloc(2 * edges.nrows + 1, sizeof *seen);
	dyad_buf_puts(b, "{\"nodes\":[");
	for (r = 0; r < edges.nrows; r++)
		for (side = 0; side < 2; side++) {
			const char *code = dyad_table_get(&edges, r, side);
			long a;
			if (code == NULL)
				continue;
			for (k = 0; k < nseen && strcmp(seen[k], code) != 0; k++)
				;
			if (k < nseen)
				continue;
			seen[nseen] = code;
			a = find_actor(&actors, code);
			if (nseen++)
				dyad_buf_putc(b, ',');
			dyad_buf_puts(b, "{\"id\":");
			dyad_buf_json_str(b, dyad_str_c(code));
			dyad_buf_puts(b, ",\"name\":");
			if (a >= 0)
				put_str_or_null(b, dyad_table_get(&actors, (size_t)a, ru ? 3 : 2)
							   ? dyad_table_get(&actors, (size_t)a, ru ? 3 : 2)
							   : dyad_table_get(&actors, (size_t)a, ru ? 2 : 3));
			else
				dyad_buf_puts(b, "null");
			dyad_buf_printf(b, ",\"events\":%s}",
					a >= 0 && dyad_table_get(&actors, (size_t)a, 4)
						? dyad_table_get(&actors, (size_t)a, 4)
						: "0");
		}
	dyad_buf_puts(b, "],\"edges\":");
	dyad_table_json(&edges, b);
	dyad_buf_puts(b, "}");
	free(seen);
	dyad_table_free(&edges);
	dyad_table_free(&actors);
}

/*
 * A search result's sentence arrives with the matched words between \x01
 * and \x02; write it without them and the marks as code point offsets.
 */
static void put_marked(dyad_buf *b, const char *marked)
{
	dyad_buf plain = DYAD_BUF_INIT, marks = DYAD_BUF_INIT;
	size_t cp = 0, open = 0, i, nmarks = 0;

	for (i = 0; marked[i]; i++) {
		unsigned char c = (unsigned char)marked[i];
		if (c == 0x01) {
			open = cp;
			continue;
		}
		if (c == 0x02) {
			dyad_buf_printf(&marks, "%s[%zu,%zu]", nmarks++ ? "," : "", open, cp);
			continue;
		}
		if ((c & 0xC0) != 0x80)
			cp++;
		dyad_buf_putc(&plain, (char)c);
	}
	dyad_buf_puts(b, ",\"sentence\":");
	dyad_buf_json_str(b, (dyad_str){ plain.p ? plain.p : "", plain.n });
	dyad_buf_puts(b, ",\"marks\":[");
	if (marks.n)
		dyad_buf_putstr(b, (dyad_str){ marks.p, marks.n });
	dyad_buf_putc(b, ']');
	dyad_buf_free(&plain);
	dyad_buf_free(&marks);
}

static void api_search(dyad_store *s, request *q)
{
	static const char *const names[] = { "q", "limit", NULL };
	dyad_buf *b = &q->r->body;
	const char *text;
	dyad_table t;
	dyad_errbuf e;
	long limit;
	size_t r;
	int rc;

	if (check_params(q, names) < 0 || param_long(q, "limit", 1, DYAD_API_MAX_LIMIT, 20, &limit) < 0)
		return;
	if ((text = param(q, "q")) == NULL) {
		reply_error(q->r, 400, "q: nothing to search for");
		return;
	}
	if ((rc = dyad_query_search(s, text, limit, "\x01", "\x02", &t, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 400);
		return;
	}
	/* columns: date, outlet, title, sentence, doc */
	dyad_buf_puts(b, "{\"results\":[");
	for (r = 0; r < t.nrows; r++) {
		dyad_buf_puts(b, r ? ",{" : "{");
		put_key(b, "date", 1);
		put_str_or_null(b, dyad_table_get(&t, r, 0));
		put_key(b, "outlet", 0);
		put_str_or_null(b, dyad_table_get(&t, r, 1));
		put_key(b, "title", 0);
		put_str_or_null(b, dyad_table_get(&t, r, 2));
		put_marked(b, dyad_table_get(&t, r, 3) ? dyad_table_get(&t, r, 3) : "");
		put_key(b, "doc", 0);
		put_str_or_null(b, dyad_table_get(&t, r, 4));
		dyad_buf_putc(b, '}');
	}
	dyad_buf_puts(b, "]}");
	dyad_table_free(&t);
}

static int is_json_array(const char *text)
{
	dyad_arena *a = dyad_arena_new();
	dyad_json *v;
	dyad_errbuf e;
	int ok = dyad_json_parse(a, dyad_str_c(text), &v, &e) == 0 && v->type == DYAD_JSON_ARRAY;

	dyad_arena_free(a);
	return ok;
}

static void api_doc(dyad_store *s, request *q, const char *id)
{
	static const char *const names[] = { NULL };
	dyad_table doc, sentences, mentions, events;
	dyad_buf *b = &q->r->body;
	dyad_errbuf e;
	size_t c, i;
	int rc;

	if (check_params(q, names) < 0)
		return;
	for (i = 0; id[i]; i++)
		if (!isxdigit((unsigned char)id[i]))
			break;
	if (id[i] || i != 16) {
		reply_error(q->r, 404, "no such document: a document id is 16 hex digits");
		return;
	}
	if ((rc = dyad_query_doc(s, id, &doc, &sentences, &mentions, &events, &e)) < 0) {
		reply_query_error(q->r, rc, &e, 404);
		return;
	}
	dyad_buf_puts(b, "{\"doc\":{");
	for (c = 0; c < doc.ncols; c++) {
		const char *v = dyad_table_get(&doc, 0, c);
		put_key(b, doc.cols[c], c == 0);
		if (strcmp(doc.cols[c], "furniture") == 0)
			/* a JSON array written by dyad ingest; older stores have none, and a hand-edited
			   one that is not an array must not break the answer */
			dyad_buf_puts(b, v && is_json_array(v) ? v : "[]");
		else if (v && doc.numeric[c])
			dyad_buf_puts(b, v);
		else
			put_str_or_null(b, v);
	}
	dyad_buf_puts(b, "},\"sentences\":");
	dyad_table_json(&sentences, b);
	dyad_buf_puts(b, ",\"mentions\":");
	dyad_table_json(&mentions, b);
	dyad_buf_puts(b, ",\"events\":");
	dyad_table_json(&events, b);
	dyad_buf_puts(b, "}");
	dyad_table_free(&doc);
	dyad_table_free(&sentences);
	dyad_table_free(&mentions);
	dyad_table_free(&events);
}

/* ---- the router -------------------------------------------------------------------------------- */

/* The rest of `path` after `prefix` when it is one non-empty segment, else NULL. */
static const char *segment_after(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncmp(path, prefix, n) != 0 || path[n] == '\0' || strchr(path + n, '/') != NULL)
		return NULL;
	return path + n;
}

void dyad_api_answer(dyad_store *s, const char *why, const char *path, const dyad_param *params, size_t nparams,
		     dyad_reply *r)
{
	request q = { params, nparams, r };
	const char *arg;

	r->status = 200;
	r->content_type = "application/json; charset=utf-8";
	dyad_query_set_names(NULL); /* a thread answers many requests: each starts in English */
	dyad_buf_clear(&r->body);
	if (strlen(path) > DYAD_API_MAX_URL) {
		reply_error(r, 414, "the path is longer than %d bytes", DYAD_API_MAX_URL);
		return;
	}
	if (!dyad_utf8_valid(dyad_str_c(path))) {
		reply_error(r, 400, "the path is not valid UTF-8");
		return;
	}
	if (strncmp(path, "/api/", 5) != 0) {
		reply_error(r, 404, "no such path");
		return;
	}
	if (s == NULL) {
		reply_error(r, 500, "%s", why ? why : "the knowledge base is not open");
		return;
	}
	if (strcmp(path, "/api/stats") == 0)
		api_stats(s, &q);
	else if (strcmp(path, "/api/events") == 0)
		api_events(s, &q);
	else if (strcmp(path, "/api/timeline") == 0)
		api_timeline(s, &q);
	else if (strcmp(path, "/api/actors") == 0)
		api_actors(s, &q);
	else if ((arg = segment_after(path, "/api/actors/")) != NULL && strlen(arg) <= 64)
		api_actor(s, &q, arg);
	else if (strcmp(path, "/api/network") == 0)
		api_network(s, &q);
	else if (strcmp(path, "/api/types") == 0)
		api_types(s, &q);
	else if (strcmp(path, "/api/search") == 0)
		api_search(s, &q);
	else if ((arg = segment_after(path, "/api/docs/")) != NULL)
		api_doc(s, &q, arg);
	else if (strcmp(path, "/api/places") == 0)
		api_places(s, &q);
	else
		reply_error(r, 404, "no such path: %s", strlen(path) <= 128 ? path : "(too long to repeat)");
}
