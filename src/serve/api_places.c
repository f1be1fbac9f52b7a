/*
 * api_places.c — /api/places (docs/api.md): the places of the knowledge
 * base's events with their coordinates, each with its count of events, of
 * cooperation (QuadClass 1, 2) and conflict (3, 4) and its mean Goldstein
 * score, busiest first; or, with `place`, the latest events of one place.
 * A place is its GeoNames id, or its name for the project's regions and seas.
 */
#include "api_places.h"

#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const dyad_api_places_params[] = { "since", "until", "place", "limit", NULL };

#define PLACES_LIMIT 500 /* places in one answer */
#define EVENTS_LIMIT 100 /* events of one place in one answer */

static const char places_sql[] =
	"SELECT CAST(coalesce(location_geonames, location) AS TEXT) AS k, min(location), min(location_country),"
	" avg(location_lat), avg(location_lon), count(*), sum(quad IN (1, 2)), sum(quad IN (3, 4)), avg(goldstein)"
	" FROM events WHERE location_lat IS NOT NULL AND (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2)"
	" GROUP BY k ORDER BY count(*) DESC, k LIMIT ?3";

static const char events_sql[] =
	"SELECT d.doc_id, e.date, e.source, e.source_name, e.target, e.target_name, e.cameo, e.cameo_name, e.quad,"
	" e.goldstein, e.location, e.evidence FROM events e JOIN documents d ON d.id = e.doc"
	" WHERE CAST(coalesce(e.location_geonames, e.location) AS TEXT) = ?4 AND (?1 IS NULL OR e.date >= ?1)"
	" AND (?2 IS NULL OR e.date <= ?2) ORDER BY e.date DESC, e.id DESC LIMIT ?3";

static void fail(dyad_reply *r, int status, const char *what, const char *detail)
{
	r->status = status;
	dyad_buf_clear(&r->body);
	dyad_buf_puts(&r->body, "{\"error\":");
	{
		char msg[512];
		snprintf(msg, sizeof msg, "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
		dyad_buf_json_str(&r->body, dyad_str_c(msg));
	}
	dyad_buf_putc(&r->body, '}');
}

static const char *param(const dyad_param *p, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(p[i].name, name) == 0)
			return p[i].value && *p[i].value ? p[i].value : NULL;
	return NULL;
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int is_date(const char *v)
{
	size_t i, n = strlen(v);

	for (i = 0; i < n; i++)
		if (!(isdigit((unsigned char)v[i]) || (v[i] == '-' && (i == 4 || i == 7))))
			return 0;
	return n == 4 || n == 7 || n == 10;
}

/* Column i as JSON: null, a number, or a string. */
static void put_col(dyad_buf *b, sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL: dyad_buf_puts(b, "null"); break;
	case SQLITE_INTEGER: dyad_buf_printf(b, "%lld", (long long)sqlite3_column_int64(st, i)); break;
	case SQLITE_FLOAT: dyad_buf_printf(b, "%.5f", sqlite3_column_double(st, i)); break;
	default:
		dyad_buf_json_str(b, (dyad_str){ (const char *)sqlite3_column_text(st, i),
						 (size_t)sqlite3_column_bytes(st, i) });
	}
}

static void put_row(dyad_buf *b, sqlite3_stmt *st, const char *const *names)
{
	int i;

	dyad_buf_putc(b, '{');
	for (i = 0; names[i]; i++) {
		if (i)
			dyad_buf_putc(b, ',');
		dyad_buf_json_str(b, dyad_str_c(names[i]));
		dyad_buf_putc(b, ':');
		put_col(b, st, i);
	}
	dyad_buf_putc(b, '}');
}

void dyad_api_places(dyad_store *s, const dyad_param *params, size_t nparams, dyad_reply *r)
{
	static const char *const place_cols[] = { "place", "name", "country", "lat", "lon", "events",
						  "cooperation", "conflict", "goldstein", NULL };
	static const char *const event_cols[] = { "doc", "date", "source", "source_name", "target", "target_name",
						  "cameo", "cameo_name", "quad", "goldstein", "location", "evidence",
						  NULL };
	const char *since = param(params, nparams, "since"), *until = param(params, nparams, "until");
	const char *place = param(params, nparams, "place"), *lim = param(params, nparams, "limit");
	int max = place ? EVENTS_LIMIT : PLACES_LIMIT, limit = max, rc, n = 0;
	sqlite3_stmt *st = NULL;
	sqlite3 *db = dyad_store_db(s);
	dyad_buf *b = &r->body;

	if (since && !is_date(since)) {
		fail(r, 400, "since: not a date (YYYY-MM-DD)", since);
		return;
	}
	if (until && !is_date(until)) {
		fail(r, 400, "until: not a date (YYYY-MM-DD)", until);
		return;
	}
	if (lim) {
		char *end;
		long v = strtol(lim, &end, 10);
		if (*end || v < 1 || v > max) {
			char msg[64];
			snprintf(msg, sizeof msg, "limit: expected a number from 1 to %d", max);
			fail(r, 400, msg, lim);
			return;
		}
		limit = (int)v;
	}
	if (sqlite3_prepare_v2(db, place ? events_sql : places_sql, -1, &st, NULL) != SQLITE_OK) {
		fail(r, 500, "the knowledge base cannot list places", sqlite3_errmsg(db));
		return;
	}
	sqlite3_bind_text(st, 1, since, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, until, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, limit);
	if (place)
		sqlite3_bind_text(st, 4, place, -1, SQLITE_TRANSIENT);
	dyad_buf_clear(b);
	if (place) {
		dyad_buf_puts(b, "{\"place\":");
		dyad_buf_json_str(b, dyad_str_c(place));
		dyad_buf_puts(b, ",\"events\":[");
	} else {
		dyad_buf_puts(b, "{\"places\":[");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++)
			dyad_buf_putc(b, ',');
		put_row(b, st, place ? event_cols : place_cols);
	}
	if (rc != SQLITE_DONE) {
		fail(r, 500, "the knowledge base cannot list places", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return;
	}
	sqlite3_finalize(st);
	dyad_buf_puts(b, "]}");
}
