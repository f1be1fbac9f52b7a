/*
 * events_out.c — an event as JSON (docs/formats.md, "Events"), as a GDELT 2.0
 * event row, as PLOVER JSON (the PLOVER manual's data fields, the event
 * category from the public CAMEO→PLOVER table), as CSV with every field of
 * the JSON, and as a row for the store. The codebook gives each CAMEO code
 * its name, Goldstein score, QuadClass and dyad's PLOVER type; the lexicon
 * gives countries their names and FIPS codes.
 */
#include "events_out.h"

#include "cli.h"

#include <math.h>
#include <stdio.h>
#include "dyad/morph.h"
#include "dyad/utf8.h"
#include <string.h>

int dyad_events_format_parse(const char *name)
{
	if (strcmp(name, "json") == 0 || strcmp(name, "jsonl") == 0)
		return DYAD_EVENTS_JSON;
	if (strcmp(name, "gdelt") == 0)
		return DYAD_EVENTS_GDELT;
	if (strcmp(name, "plover") == 0)
		return DYAD_EVENTS_PLOVER;
	if (strcmp(name, "csv") == 0)
		return DYAD_EVENTS_CSV;
	return -1;
}

/* The columns of --format csv: every field of the JSON events, the sides flattened, and the page's URL. */
static const char csv_header[] =
	"doc,n,path,record,url,source_code,source_name,source_country,source_igo,source_role,source_person,"
	"target_code,target_name,target_country,target_igo,target_role,target_person,cameo,cameo_name,goldstein,"
	"quad_class,type,mode,reciprocal,modality,date,date_source,location,sentence,evidence,evidence_start,"
	"evidence_end,rules,set_aside\n";

int dyad_events_out_open(dyad_events_out *o, const dyad_pipeline *p, int format)
{
	char path[4200];
	dyad_errbuf e;

	memset(o, 0, sizeof *o);
	o->lexicon = dyad_pipeline_lexicon(p);
	o->places = dyad_pipeline_places(p);
	o->morph = dyad_pipeline_morph(p);
	o->format = format;
	snprintf(path, sizeof path, "%s/codebook", dyad_pipeline_datadir(p));
	o->codebook = dyad_codebook_load(path, dyad_cli_warn, NULL, &e);
	if (o->codebook == NULL) {
		fprintf(stderr, "dyad: cannot load the codebook: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	if (format == DYAD_EVENTS_PLOVER) {
		snprintf(path, sizeof path, "%s/codebook/cameo2plover.tsv", dyad_pipeline_datadir(p));
		if (dyad_plover_map_load(&o->plover, path, dyad_cli_warn, NULL, &e) < 0) {
			fprintf(stderr, "dyad: cannot load the CAMEO→PLOVER table: %s\n", e.msg);
			dyad_codebook_free(o->codebook);
			return DYAD_EXIT_FATAL;
		}
	}
	if (format == DYAD_EVENTS_CSV)
		fputs(csv_header, stdout);
	/*
	 * Russian names outside the lexicon are given in their dictionary form when the dictionaries are
	 * there: the pipeline's copy, or one opened here for a run that has not loaded it (PETRARCH dictionaries)
	 */
	if (o->morph == NULL && dyad_morph_open(&o->own_morph, NULL, &e) == 0)
		o->morph = o->own_morph;
	o->arena = dyad_arena_new();
	return 0;
}

void dyad_events_out_close(dyad_events_out *o)
{
	dyad_morph_free(o->own_morph);
	dyad_arena_free(o->arena);
	dyad_codebook_free(o->codebook);
	dyad_plover_map_free(&o->plover);
	dyad_buf_free(&o->buf);
}

/* ---- names --------------------------------------------------------------------------------- */

/* The names the outputs give, as o asks for them (dyad_side_names). */
static dyad_side_names names_of(const dyad_events_out *o)
{
	dyad_side_names n = { o->lexicon, o->morph, o->arena, o->names_ru };
	return n;
}

static const char *entity_name(const dyad_events_out *o, dyad_lex_kind kind, const char *key)
{
	dyad_side_names n = names_of(o);
	return dyad_side_entity_name(&n, kind, key);
}

static const char *person_key(const dyad_events_out *o, const dyad_side *s)
{
	dyad_side_names n = names_of(o);
	return dyad_side_person_key(&n, s);
}

static const char *side_name(const dyad_events_out *o, const dyad_side *s)
{
	dyad_side_names n = names_of(o);
	return dyad_side_name(&n, s);
}

static const char *fips_of(const dyad_events_out *o, const char *iso3)
{
	const dyad_lex_entity *e = iso3 && *iso3 ? dyad_lexicon_find(o->lexicon, DYAD_LEX_COUNTRY, iso3) : NULL;
	return e && e->fips ? e->fips : "";
}

static void side_json(const dyad_events_out *o, dyad_buf *b, const char *name, const dyad_side *s)
{
	dyad_buf_printf(b, ",\"%s\":{\"code\":", name);
	dyad_buf_json_str(b, dyad_str_c(s->code));
	dyad_json_opt(b, "country", s->country);
	dyad_json_opt(b, "igo", s->igo);
	dyad_json_opt(b, "role", s->role);
	dyad_json_opt(b, "person", person_key(o, s));
	/* the identity by the side's keys: the mention may be wider than the side the coder kept */
	dyad_actor_identity_json(b, o->lexicon, UINT32_MAX, s->person, s->country, s->igo);
	dyad_buf_putc(b, '}');
}

/* ---- places -------------------------------------------------------------------------------- */

static const dyad_place *event_place(const dyad_events_out *o, const dyad_event *e)
{
	return dyad_event_place(o->places, e);
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

static void write_json(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n, const dyad_cameo *cc)
{
	dyad_buf *b = &o->buf;
	size_t cb = 0, cp = 0, start, end;
	char date[11];

	start = dyad_document_cp(d, e->evidence.start, &cb, &cp);
	end = dyad_document_cp(d, e->evidence.end, &cb, &cp);
	dyad_ymd_format(e->date, date);
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
static void gdelt_geo(const dyad_events_out *o, dyad_buf *b, const char *place, const dyad_place *p, const char *iso3)
{
	const char *fips, *country;
	int us;

	if (p && p->country[0])
		iso3 = p->country;
	fips = fips_of(o, iso3);
	country = *fips ? entity_name(o, DYAD_LEX_COUNTRY, iso3) : NULL;
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

static void write_gdelt(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n, const dyad_cameo *cc)
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

/* One PLOVER entity object: the top-level code, the sector (role), the name, and a person's name. */
static void plover_entity(const dyad_events_out *o, dyad_buf *b, const dyad_side *s)
{
	size_t n = strlen(s->code), r = strlen(s->role);

	/* the country, else the organisation's code without its role (IGOEUDIP: IGOEU) */
	if (s->country[0])
		n = strlen(s->country);
	else if (r && n > r && strcmp(s->code + n - r, s->role) == 0)
		n -= r;
	dyad_buf_puts(b, "{\"code\":");
	dyad_buf_json_str(b, (dyad_str){ s->country[0] ? s->country : s->code, n });
	dyad_json_opt(b, "sector", s->role[0] ? s->role : NULL);
	dyad_json_opt(b, "entity_text", side_name(o, s));
	if (s->person)
		dyad_json_opt(b, "identifier_text", s->person);
	dyad_buf_putc(b, '}');
}

/* A PLOVER list of the side's entities: a reciprocal event lists both actors on each side (the manual's compound actors). */
static void plover_entities(const dyad_events_out *o, dyad_buf *b, const char *name, const dyad_side *a,
			    const dyad_side *other, int reciprocal)
{
	dyad_buf_printf(b, ",\"%s\":[", name);
	plover_entity(o, b, a);
	if (reciprocal) {
		dyad_buf_putc(b, ',');
		plover_entity(o, b, other);
	}
	dyad_buf_putc(b, ']');
}

/* A JSON list of one string, or [] when it is empty. */
static void json_list1(dyad_buf *b, const char *name, const char *v)
{
	dyad_buf_printf(b, ",\"%s\":[", name);
	if (v && *v)
		dyad_buf_json_str(b, dyad_str_c(v));
	dyad_buf_putc(b, ']');
}

/*
 * PLOVER JSON Lines with the field names of the PLOVER manual's "Data Fields"
 * chapter: id, date, actor and recipient (lists of entity objects), event,
 * mode and context (lists, from the public CAMEO→PLOVER table; a code it
 * lacks keeps dyad's type), quad_code, event_text, event_loc, text,
 * text_info and cite_info.
 */
static void write_plover(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n, const dyad_cameo *cc)
{
	const dyad_plover_row *row = dyad_plover_map_find(&o->plover, e->cameo);
	const char *event = row ? row->event : cc ? cc->plover : NULL;
	const dyad_plover *type = event ? dyad_codebook_plover(o->codebook, event) : NULL;
	dyad_str text = { d->doc.body.p + e->evidence.start, e->evidence.end - e->evidence.start };
	dyad_buf *b = &o->buf;
	size_t cb = 0, cp = 0, start, end;
	char date[11];

	start = dyad_document_cp(d, e->evidence.start, &cb, &cp);
	end = dyad_document_cp(d, e->evidence.end, &cb, &cp);
	dyad_ymd_format(e->date > 0 ? e->date : d->day, date);
	dyad_buf_printf(b, "{\"id\":\"%016llx-%zu\"", (unsigned long long)d->page->id, n);
	dyad_json_opt(b, "date", date);
	plover_entities(o, b, "actor", &e->source, &e->target, e->reciprocal);
	plover_entities(o, b, "recipient", &e->target, &e->source, e->reciprocal);
	json_list1(b, "event", event);
	json_list1(b, "mode", row ? row->mode : NULL);
	json_list1(b, "context", row ? row->context : NULL);
	if (type)
		dyad_buf_printf(b, ",\"quad_code\":%d", type->quad);
	else
		dyad_buf_puts(b, ",\"quad_code\":null");
	dyad_buf_puts(b, ",\"event_text\":[");
	dyad_buf_json_str(b, text);
	dyad_buf_puts(b, "],\"event_loc\":");
	if (e->location) {
		const dyad_place *pl = event_place(o, e);
		dyad_buf_puts(b, "{\"extracted_place\":");
		dyad_buf_json_str(b, dyad_str_c(e->location));
		/* the gazetteer's reading of it, where it has one */
		if (pl) {
			dyad_json_opt(b, "name", pl->name);
			dyad_json_opt(b, "country", pl->country[0] ? pl->country : NULL);
			dyad_json_opt(b, "adm1", pl->adm1_name);
			if (!isnan(pl->lat))
				dyad_buf_printf(b, ",\"lat\":%.5f,\"lon\":%.5f", pl->lat, pl->lon);
			if (pl->geonames)
				dyad_buf_printf(b, ",\"geonames_id\":%u", (unsigned)pl->geonames);
		}
		dyad_buf_putc(b, '}');
	} else
		dyad_buf_puts(b, "null");
	dyad_buf_puts(b, ",\"text\":");
	dyad_buf_json_str(b, text);
	dyad_buf_printf(b, ",\"text_info\":{\"sequence\":%zu,\"start\":%zu,\"end\":%zu}", e->sentence, start, end);
	dyad_buf_puts(b, ",\"cite_info\":{\"citation\":");
	dyad_buf_printf(b, "\"%016llx\"", (unsigned long long)d->page->id);
	dyad_buf_puts(b, ",\"url\":");
	if (d->page->url.n)
		dyad_buf_json_str(b, (dyad_str){ d->page->url.p, d->page->url.n });
	else
		dyad_buf_puts(b, "null");
	dyad_json_opt(b, "title", d->doc.title);
	dyad_json_opt(b, "language", dyad_lang_code(d->lang));
	dyad_json_opt(b, "publication", d->doc.outlet);
	dyad_buf_puts(b, ",\"coder\":\"dyad " DYAD_VERSION "\",\"codebook\":\"CAMEO2PLOVER-2021\"}");
	dyad_buf_printf(b, ",\"cameo\":\"%s\"", e->cameo);
	dyad_buf_puts(b, "}\n");
}

/* One CSV field: quoted when it holds a comma, quote or line break. */
static void csv_field(dyad_buf *b, dyad_str v, int last)
{
	size_t i;

	if (v.n && (memchr(v.p, ',', v.n) || memchr(v.p, '"', v.n) || memchr(v.p, '\n', v.n) || memchr(v.p, '\r', v.n))) {
		dyad_buf_putc(b, '"');
		for (i = 0; i < v.n; i++) {
			if (v.p[i] == '"')
				dyad_buf_putc(b, '"');
			dyad_buf_putc(b, v.p[i]);
		}
		dyad_buf_putc(b, '"');
	} else if (v.n)
		dyad_buf_put(b, v.p, v.n);
	dyad_buf_putc(b, last ? '\n' : ',');
}

static void csv_c(dyad_buf *b, const char *v)
{
	csv_field(b, dyad_str_c(v ? v : ""), 0);
}

static void csv_side(const dyad_events_out *o, dyad_buf *b, const dyad_side *s)
{
	csv_c(b, s->code);
	csv_c(b, side_name(o, s));
	csv_c(b, s->country);
	csv_c(b, s->igo);
	csv_c(b, s->role);
	csv_c(b, s->person);
}

/* The JSON event's fields as one CSV row, in the order of csv_header. */
static void write_csv(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n, const dyad_cameo *cc)
{
	dyad_buf *b = &o->buf;
	size_t cb = 0, cp = 0, start, end;
	char date[11], num[64];

	start = dyad_document_cp(d, e->evidence.start, &cb, &cp);
	end = dyad_document_cp(d, e->evidence.end, &cb, &cp);
	dyad_ymd_format(e->date, date);
	dyad_buf_printf(b, "%016llx,%zu,", (unsigned long long)d->page->id, n);
	csv_c(b, d->page->path);
	csv_c(b, d->page->record);
	csv_field(b, (dyad_str){ d->page->url.p, d->page->url.n }, 0);
	csv_side(o, b, &e->source);
	csv_side(o, b, &e->target);
	csv_c(b, e->cameo);
	csv_c(b, cc ? cc->name : NULL);
	if (cc)
		dyad_buf_printf(b, "%.1f,%d,", cc->goldstein, cc->quad);
	else
		dyad_buf_puts(b, ",,");
	csv_c(b, cc ? cc->plover : NULL);
	csv_c(b, e->mode);
	csv_c(b, e->reciprocal ? "true" : "false");
	csv_c(b, dyad_modality_name(e->modality));
	csv_c(b, date);
	csv_c(b, date[0] ? (e->date_from_publication ? "publication" : "sentence") : NULL);
	{
		/* the place's English name where the gazetteer knows it, as the JSON's location.name */
		const dyad_place *pl = e->location ? event_place(o, e) : NULL;
		csv_c(b, pl && pl->name ? pl->name : e->location);
	}
	snprintf(num, sizeof num, "%zu", e->sentence);
	csv_c(b, num);
	csv_field(b, (dyad_str){ d->doc.body.p + e->evidence.start, e->evidence.end - e->evidence.start }, 0);
	dyad_buf_printf(b, "%zu,%zu,", start, end);
	csv_c(b, e->rule);
	csv_field(b, dyad_str_c(e->why ? e->why : ""), 1);
}

void dyad_event_write(dyad_events_out *o, const dyad_document *d, const dyad_event *e, size_t n)
{
	const dyad_cameo *cc = dyad_codebook_lookup(o->codebook, e->cameo);

	if (n == 0)
		dyad_arena_reset(o->arena); /* a new document: the last one's names are written */
	switch (o->format) {
	case DYAD_EVENTS_GDELT: write_gdelt(o, d, e, n, cc); break;
	case DYAD_EVENTS_PLOVER: write_plover(o, d, e, n, cc); break;
	case DYAD_EVENTS_CSV: write_csv(o, d, e, n, cc); break;
	default: write_json(o, d, e, n, cc); break;
	}
}
