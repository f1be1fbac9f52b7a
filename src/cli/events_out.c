/*
 * events_out.c — an event as JSON (docs/formats.md, "Events"), as a GDELT 2.0
 * event row, as PLOVER JSON, and as a row for the store. The codebook gives
 * each CAMEO code its name, Goldstein score, QuadClass and PLOVER type; the
 * lexicon gives countries their names and FIPS codes.
 */
#include "events_out.h"

#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int dyad_events_format_parse(const char *name)
{
	if (strcmp(name, "json") == 0 || strcmp(name, "jsonl") == 0)
		return DYAD_EVENTS_JSON;
	if (strcmp(name, "gdelt") == 0)
		return DYAD_EVENTS_GDELT;
	if (strcmp(name, "plover") == 0)
		return DYAD_EVENTS_PLOVER;
	return -1;
}

static void warn_line(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "dyad: %s\n", msg);
}

int dyad_events_out_open(dyad_events_out *o, dyad_pipeline *p, int format)
{
	char path[4096];
	dyad_errbuf e;

	memset(o, 0, sizeof *o);
	o->p = p;
	o->format = format;
	snprintf(path, sizeof path, "%s/codebook", p->datadir);
	o->codebook = dyad_codebook_load(path, warn_line, NULL, &e);
	if (o->codebook == NULL) {
		fprintf(stderr, "dyad: cannot load the codebook: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	return 0;
}

void dyad_events_out_close(dyad_events_out *o)
{
	dyad_codebook_free(o->codebook);
	dyad_buf_free(&o->buf);
}

/* ---- names --------------------------------------------------------------------------------- */

/* The first name the lexicon gives an entity of `kind` with key `key`, or NULL. */
static const char *entity_name(const dyad_lexicon *lx, dyad_lex_kind kind, const char *key)
{
	const dyad_lex_entity *e = dyad_lexicon_find(lx, kind, key);
	size_t i, idx;

	if (e == NULL)
		return NULL;
	idx = (size_t)(e - dyad_lexicon_entity(lx, 0));
	for (i = 0; i < dyad_lexicon_nnames(lx); i++) {
		const dyad_lex_name *n = dyad_lexicon_name(lx, i);
		if (n->entity == idx && n->type == DYAD_NAME_NAME)
			return n->text;
	}
	return NULL;
}

/* What to call one side: the person, else the country or organisation by name, else its code; in English where known. */
static const char *side_name(const dyad_events_out *o, const dyad_side *s)
{
	const dyad_lex_entity *e = dyad_lexicon_actor(o->p->lexicon, UINT32_MAX, s->person, s->country, s->igo);
	const char *n;

	if (e && e->name_en && (s->person == NULL || e->kind == DYAD_LEX_PERSON))
		return e->name_en;
	if (s->person)
		return s->person;
	if (s->country[0] && (n = entity_name(o->p->lexicon, DYAD_LEX_COUNTRY, s->country)) != NULL)
		return n;
	if (s->igo && (n = entity_name(o->p->lexicon, DYAD_LEX_IGO, s->igo)) != NULL)
		return n;
	return s->igo ? s->igo : s->code;
}

static const char *fips_of(const dyad_events_out *o, const char *iso3)
{
	const dyad_lex_entity *e = iso3 && *iso3 ? dyad_lexicon_find(o->p->lexicon, DYAD_LEX_COUNTRY, iso3) : NULL;
	return e && e->fips ? e->fips : "";
}

static void side_json(const dyad_events_out *o, dyad_buf *b, const char *name, const dyad_side *s)
{
	dyad_buf_printf(b, ",\"%s\":{\"code\":", name);
	dyad_buf_json_str(b, dyad_str_c(s->code));
	dyad_json_opt(b, "country", s->country);
	dyad_json_opt(b, "igo", s->igo);
	dyad_json_opt(b, "role", s->role);
	dyad_json_opt(b, "person", s->person);
	/* the identity by the side's keys: the mention may be wider than the side the coder kept */
	dyad_actor_identity_json(b, o->p->lexicon, UINT32_MAX, s->person, s->country, s->igo);
	dyad_buf_putc(b, '}');
}

static void ymd_str(dyad_ymd d, char out[11])
{
	if (d <= 0 || d > 99991231)
		out[0] = '\0';
	else
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(d / 10000) % 10000u, (unsigned)(d / 100 % 100) % 100u,
			 (unsigned)(d % 100) % 100u);
}

/* ---- places -------------------------------------------------------------------------------- */

/* The event's place: the one the recognizer found, else the gazetteer's for the dateline. */
static const dyad_place *event_place(const dyad_events_out *o, const dyad_event *e)
{
	if (e->place || !e->location)
		return e->place;
	return dyad_places_lookup(o->p->places, dyad_str_c(e->location),
				  e->location_country ? e->location_country : NULL);
}

static void json_num(dyad_buf *b, const char *name, double v)
{
	if (isnan(v))
		dyad_buf_printf(b, ",\"%s\":null", name);
	else
		dyad_buf_printf(b, ",\"%s\":%.5f", name, v);
}

/*
 * A location as an object: name (English), name_ru, country (ISO3), adm1 (the
 * region's English name), lat, lon, geonames. Without a place, `name` and
 * `country` (either may be NULL) and nulls.
 */
void dyad_place_json(dyad_buf *b, const dyad_place *p, const char *name, const char *country)
{
	dyad_buf_puts(b, "{\"name\":");
	if (p && p->name && *p->name)
		name = p->name;
	if (name)
		dyad_buf_json_str(b, dyad_str_c(name));
	else
		dyad_buf_puts(b, "null");
	dyad_json_opt(b, "name_ru", p ? p->name_ru : NULL);
	dyad_json_opt(b, "country", p && p->country[0] ? p->country : country);
	dyad_json_opt(b, "adm1", p ? p->adm1_name : NULL);
	json_num(b, "lat", p ? p->lat : NAN);
	json_num(b, "lon", p ? p->lon : NAN);
	if (p && p->geonames)
		dyad_buf_printf(b, ",\"geonames\":%u}", (unsigned)p->geonames);
	else
		dyad_buf_puts(b, ",\"geonames\":null}");
}

/* The event's location, or null when it states none. */
static void location_json(const dyad_events_out *o, dyad_buf *b, const char *field, const dyad_event *e)
{
	dyad_buf_printf(b, ",\"%s\":", field);
	if (e->location)
		dyad_place_json(b, event_place(o, e), e->location, e->location_country);
	else
		dyad_buf_puts(b, "null");
}

/* ---- the formats --------------------------------------------------------------------------- */

static void write_json(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n,
		       const dyad_cameo *cc)
{
	dyad_buf *b = &o->buf;
	size_t cb = 0, cp = 0, start, end;
	char date[11];

	start = dyad_document_cp(d, e->evidence.start, &cb, &cp);
	end = dyad_document_cp(d, e->evidence.end, &cb, &cp);
	ymd_str(e->date, date);
	dyad_buf_printf(b, "{\"doc\":\"%016llx\",\"n\":%zu,\"path\":", (unsigned long long)d->page->id, n);
	dyad_buf_json_str(b, dyad_str_c(d->page->path));
	dyad_json_opt(b, "record", d->page->record);
	side_json(o, b, "source", &e->source);
	side_json(o, b, "target", &e->target);
	dyad_buf_printf(b, ",\"cameo\":\"%s\"", e->cameo);
	dyad_json_opt(b, "cameo_name", cc ? cc->name : NULL);
	if (cc)
		dyad_buf_printf(b, ",\"goldstein\":%.1f,\"quad_class\":%d", cc->goldstein, cc->quad);
	else
		dyad_buf_puts(b, ",\"goldstein\":null,\"quad_class\":null");
	dyad_json_opt(b, "type", cc ? cc->plover : NULL);
	dyad_json_opt(b, "mode", e->mode);
	dyad_buf_printf(b, ",\"reciprocal\":%s,\"modality\":\"%s\"", e->reciprocal ? "true" : "false",
			dyad_modality_name(e->modality));
	dyad_json_opt(b, "date", date);
	dyad_json_opt(b, "date_source", date[0] ? (e->date_from_publication ? "publication" : "sentence") : NULL);
	location_json(o, b, "location", e);
	dyad_buf_printf(b, ",\"sentence\":%zu,\"evidence\":{\"text\":", e->sentence);
	dyad_buf_json_str(b, (dyad_str){ d->doc.body.p + e->evidence.start, e->evidence.end - e->evidence.start });
	dyad_buf_printf(b, ",\"start\":%zu,\"end\":%zu},\"rules\":[", start, end);
	if (e->rule)
		dyad_buf_json_str(b, dyad_str_c(e->rule));
	dyad_buf_putc(b, ']');
	if (e->why) {
		dyad_buf_puts(b, ",\"set_aside\":");
		dyad_buf_json_str(b, dyad_str_c(e->why));
	}
	dyad_buf_puts(b, "}\n");
}

/* One GDELT actor block: code, name, country, known group, ethnic, religion 1 and 2, type 1..3. */
static void gdelt_actor(const dyad_events_out *o, dyad_buf *b, const dyad_side *s)
{
	const char *name = side_name(o, s);
	size_t i;

	dyad_buf_printf(b, "%s\t", s->code);
	for (i = 0; name && name[i]; i++)
		dyad_buf_putc(b, name[i] == '\t' || name[i] == '\n' ? ' ' : name[i]);
	dyad_buf_printf(b, "\t%s\t%s\t\t\t\t%s\t\t\t", s->country, s->igo ? s->igo : "", s->role);
}

/*
 * One GDELT geo block: type, full name, country (FIPS), ADM1, ADM2, lat, long, feature id. Types:
 * 1 a country, 2 a US state, 3 a US city, 4 a world city, 5 a world region (the project's regions
 * and seas); ADM1 is the country's FIPS code and the region's GeoNames code ("RS48"); the feature
 * id is the GeoNames id.
 */
static void gdelt_geo(const dyad_events_out *o, dyad_buf *b, const char *place, const dyad_place *p,
		      const char *iso3)
{
	const char *fips, *country;
	int us;

	if (p && p->country[0])
		iso3 = p->country;
	fips = fips_of(o, iso3);
	country = *fips ? entity_name(o->p->lexicon, DYAD_LEX_COUNTRY, iso3) : NULL;
	us = iso3 && strcmp(iso3, "USA") == 0;
	if (p) {
		dyad_buf_printf(b, "%d\t%s", p->kind == DYAD_PLACE_CITY ? (us ? 3 : 4) : (us ? 2 : 5), p->name);
		if (p->adm1_name && strcmp(p->adm1_name, p->name) != 0)
			dyad_buf_printf(b, ", %s", p->adm1_name);
		if (country)
			dyad_buf_printf(b, ", %s", country);
		dyad_buf_printf(b, "\t%s\t%s%s\t\t", fips, fips, *fips && p->adm1 ? p->adm1 : "");
		if (isnan(p->lat))
			dyad_buf_puts(b, "\t\t");
		else
			dyad_buf_printf(b, "%.5f\t%.5f\t", p->lat, p->lon);
		if (p->geonames)
			dyad_buf_printf(b, "%u\t", (unsigned)p->geonames);
		else
			dyad_buf_putc(b, '\t');
	} else if (place && *place)
		dyad_buf_printf(b, "4\t%s\t%s\t%s\t\t\t\t\t", place, fips, fips);
	else if (*fips)
		dyad_buf_printf(b, "1\t%s\t%s\t%s\t\t\t\t\t", country ? country : iso3, fips, fips);
	else
		dyad_buf_puts(b, "0\t\t\t\t\t\t\t\t");
}

static void write_gdelt(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n,
			const dyad_cameo *cc)
{
	dyad_buf *b = &o->buf;
	dyad_ymd day = e->date > 0 ? e->date : d->day;
	int year = (int)(day / 10000), month = (int)(day / 100 % 100), dd = (int)(day % 100);
	uint64_t gid = dyad_hash64(&n, sizeof n, d->page->id) & 0x7fffffffffffffffULL;
	const char *loc_country = e->target.country[0] ? e->target.country : e->source.country;

	dyad_buf_printf(b, "%llu\t%08d\t%04d%02d\t%04d\t%.4f\t", (unsigned long long)gid, (int)day, year, month, year,
			year + ((month - 1) * 30 + dd) / 365.0);
	gdelt_actor(o, b, &e->source);
	gdelt_actor(o, b, &e->target);
	dyad_buf_printf(b, "%d\t%s\t%.3s\t%.2s\t", e->sentence == 0 ? 1 : 0, e->cameo, e->cameo, e->cameo);
	if (cc)
		dyad_buf_printf(b, "%d\t%.1f\t", cc->quad, cc->goldstein);
	else
		dyad_buf_puts(b, "\t\t");
	dyad_buf_puts(b, "1\t1\t1\t\t");
	gdelt_geo(o, b, NULL, NULL, e->source.country);
	gdelt_geo(o, b, NULL, NULL, e->target.country);
	gdelt_geo(o, b, e->location, event_place(o, e), e->location_country ? e->location_country : loc_country);
	/* DATEADDED: the publication day and time, so the same input always gives the same rows */
	if (d->doc.time && strlen(d->doc.time) == 5)
		dyad_buf_printf(b, "%08d%.2s%.2s00\t", (int)d->day, d->doc.time, d->doc.time + 3);
	else
		dyad_buf_printf(b, "%08d000000\t", (int)d->day);
	if (d->page->url.n)
		dyad_buf_printf(b, "%.*s\n", (int)d->page->url.n, d->page->url.p);
	else
		dyad_buf_printf(b, "%s\n", d->page->path);
}

static void plover_actors(const dyad_events_out *o, dyad_buf *b, const char *name, const dyad_side *a,
			  const dyad_side *other, int reciprocal)
{
	dyad_buf_printf(b, ",\"%s\":[", name);
	dyad_buf_json_str(b, dyad_str_c(side_name(o, a)));
	if (reciprocal) {
		dyad_buf_putc(b, ',');
		dyad_buf_json_str(b, dyad_str_c(side_name(o, other)));
	}
	dyad_buf_printf(b, "],\"%s_country\":[\"%s\"", name, a->country);
	if (reciprocal)
		dyad_buf_printf(b, ",\"%s\"", other->country);
	dyad_buf_printf(b, "],\"%s_role\":[\"%s\"", name, a->role);
	if (reciprocal)
		dyad_buf_printf(b, ",\"%s\"", other->role);
	dyad_buf_puts(b, "]");
}

static void write_plover(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n,
			 const dyad_cameo *cc)
{
	dyad_buf *b = &o->buf;
	char date[11];

	ymd_str(e->date > 0 ? e->date : d->day, date);
	dyad_buf_printf(b, "{\"id\":\"%016llx-%zu\",\"date\":", (unsigned long long)d->page->id, n);
	if (date[0])
		dyad_buf_printf(b, "\"%s\"", date);
	else
		dyad_buf_puts(b, "null");
	dyad_json_opt(b, "event_type", cc ? cc->plover : NULL);
	dyad_json_opt(b, "mode", cc && cc->plover_mode && *cc->plover_mode ? cc->plover_mode : NULL);
	dyad_json_opt(b, "context", NULL);
	/* a reciprocal event lists both actors on each side, as PLOVER's actor lists allow */
	plover_actors(o, b, "actor1", &e->source, &e->target, e->reciprocal);
	plover_actors(o, b, "actor2", &e->target, &e->source, e->reciprocal);
	dyad_json_opt(b, "cameo", e->cameo);
	location_json(o, b, "event_loc", e);
	dyad_json_opt(b, "source", d->doc.outlet);
	dyad_buf_puts(b, ",\"text\":");
	dyad_buf_json_str(b, (dyad_str){ d->doc.body.p + e->evidence.start, e->evidence.end - e->evidence.start });
	dyad_json_opt(b, "language", dyad_lang_code(d->lang));
	dyad_buf_puts(b, "}\n");
}

void dyad_event_write(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n)
{
	const dyad_cameo *cc = dyad_codebook_lookup(o->codebook, e->cameo);

	switch (o->format) {
	case DYAD_EVENTS_GDELT: write_gdelt(o, d, e, n, cc); break;
	case DYAD_EVENTS_PLOVER: write_plover(o, d, e, n, cc); break;
	default: write_json(o, d, e, n, cc); break;
	}
}

static void store_actor(const dyad_events_out *o, const dyad_side *s, dyad_store_actor *a)
{
	a->code = s->code;
	a->country = s->country;
	a->igo = s->igo;
	a->role = s->role;
	a->person = s->person;
	a->name = side_name(o, s);
}

void dyad_event_for_store(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n,
			  dyad_store_event *out, char tmp[64])
{
	const dyad_cameo *cc = dyad_codebook_lookup(o->codebook, e->cameo);
	size_t cb = 0, cp = 0;

	memset(out, 0, sizeof *out);
	out->n = n;
	store_actor(o, &e->source, &out->source);
	store_actor(o, &e->target, &out->target);
	out->cameo = e->cameo;
	if (cc) {
		out->cameo_name = cc->name;
		out->goldstein = cc->goldstein;
		out->quad = cc->quad;
		out->type = cc->plover;
	}
	out->mode = e->mode;
	out->modality = dyad_modality_name(e->modality);
	ymd_str(e->date, tmp);
	out->date = tmp[0] ? tmp : NULL;
	out->date_from_publication = e->date_from_publication;
	out->location = e->location;
	if (e->location) {
		const dyad_place *p = event_place(o, e);
		out->location_country = p && p->country[0] ? p->country : e->location_country;
		if (out->location_country && !*out->location_country)
			out->location_country = NULL;
		out->location_geonames = p ? p->geonames : 0;
		out->location_has_coords = p && !isnan(p->lat);
		out->location_lat = p ? p->lat : 0;
		out->location_lon = p ? p->lon : 0;
	}
	out->rules = e->rule;
	out->reciprocal = e->reciprocal;
	out->sentence = e->sentence;
	out->start = dyad_document_cp(d, e->evidence.start, &cb, &cp);
	out->end = dyad_document_cp(d, e->evidence.end, &cb, &cp);
	out->evidence = (dyad_str){ d->doc.body.p + e->evidence.start, e->evidence.end - e->evidence.start };
}
