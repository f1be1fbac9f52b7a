/*
 * rows.c — a coded document as the store's rows, for every engine and every
 * program that fills a store (dyad ingest, tests, benchmarks, programs
 * embedding dyad): the document with its furniture, its sentences, its
 * actor mentions and its events with the codebook's names, scores and
 * places; the lexicon's actors and names; and the data version that tells
 * a document coded by this dyad and these dictionaries from another.
 */
#include "dyad/store.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "dyad/codebook.h"
#include "dyad/dict.h"

struct dyad_store_rows {
	dyad_codebook *codebook;
	dyad_places *places;
	dyad_side_names names; /* English names, as the store keeps them */
	char version[64];
	dyad_buf url, furniture, folded;
};

/* Mix the contents of every file under `dir` (sorted, recursively) into *h. */
static void hash_tree(const char *dir, uint64_t *h)
{
	char **names;
	long n = dyad_list_dir(dir, NULL, &names), i;

	if (n < 0) {
		dyad_buf b = DYAD_BUF_INIT;
		dyad_errbuf e;
		if (dyad_read_file(&b, dir, 0, &e) == 0)
			*h = dyad_hash64(b.p, b.n, *h);
		dyad_buf_free(&b);
		return;
	}
	for (i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		*h = dyad_hash64(names[i], strlen(names[i]), *h);
		hash_tree(path, h);
	}
	dyad_names_free(names, (size_t)n);
}

int dyad_store_rows_open(dyad_store_rows **out, const dyad_pipeline *p, void (*warn)(void *ctx, const char *msg),
			 void *ctx, dyad_errbuf *e)
{
	dyad_store_rows *r = dyad_xcalloc(1, sizeof *r);
	uint64_t h = DYAD_HASH_SEED;
	char path[4200];

	*out = NULL;
	snprintf(path, sizeof path, "%s/codebook", dyad_pipeline_datadir(p));
	if ((r->codebook = dyad_codebook_load(path, warn, ctx, e)) == NULL) {
		free(r);
		return DYAD_ENOTFOUND;
	}
	r->places = dyad_pipeline_places(p);
	r->names.lexicon = dyad_pipeline_lexicon(p);
	r->names.morph = dyad_pipeline_morph(p);
	r->names.arena = dyad_arena_new();
	/* the dyad and every byte of its dictionaries: rows another one made are stale */
	hash_tree(dyad_pipeline_datadir(p), &h);
	snprintf(r->version, sizeof r->version, "%s+data.%012llx", DYAD_VERSION,
		 (unsigned long long)(h & 0xffffffffffffULL));
	*out = r;
	return 0;
}

void dyad_store_rows_close(dyad_store_rows *r)
{
	if (r == NULL)
		return;
	dyad_codebook_free(r->codebook);
	dyad_arena_free(r->names.arena);
	dyad_buf_free(&r->url);
	dyad_buf_free(&r->furniture);
	dyad_buf_free(&r->folded);
	free(r);
}

const char *dyad_store_rows_version(const dyad_store_rows *r)
{
	return r->version;
}

int dyad_store_put_lexicon(dyad_store *s, dyad_store_rows *r)
{
	const dyad_lexicon *lx = r->names.lexicon;
	size_t i, k;

	for (i = 0; i < dyad_lexicon_nentities(lx); i++) {
		const dyad_lex_entity *e = dyad_lexicon_entity(lx, i);
		const char *code;
		if (e->kind != DYAD_LEX_COUNTRY && e->kind != DYAD_LEX_IGO)
			continue;
		/* the lexicon's English and Russian names, as the JSON Lines give them */
		code = e->kind == DYAD_LEX_COUNTRY ? e->key : e->code;
		if (code && dyad_store_put_actor(s, code, e->kind == DYAD_LEX_COUNTRY ? "country" : "igo", e->name_en,
						 e->name_ru) < 0)
			return DYAD_EDB;
	}
	/* every name, folded, so a query may say Белоруссия, Kirghizia or Tokayev */
	for (k = 0; k < dyad_lexicon_nnames(lx); k++) {
		const dyad_lex_name *n = dyad_lexicon_name(lx, k);
		const dyad_lex_entity *e = dyad_lexicon_entity(lx, n->entity);
		const char *kind, *code = NULL, *person = NULL;
		if (n->type != DYAD_NAME_NAME)
			continue;
		if (e->kind == DYAD_LEX_COUNTRY) {
			kind = "country";
			code = e->key;
		} else if (e->kind == DYAD_LEX_IGO) {
			kind = "igo";
			code = e->code;
		} else if (e->kind == DYAD_LEX_PERSON) {
			kind = "person";
			person = e->key;
		} else {
			continue;
		}
		if (kind[0] != 'p' && code == NULL)
			continue;
		dyad_buf_clear(&r->folded);
		dyad_fold_buf(&r->folded, dyad_str_c(n->text));
		dyad_buf_putc(&r->folded, '\0');
		if (dyad_store_put_actor_name(s, n->text, r->folded.p, kind, code, person) < 0)
			return DYAD_EDB;
	}
	return 0;
}

static void store_actor(dyad_store_rows *r, const dyad_side *s, dyad_store_actor *a)
{
	a->code = s->code;
	a->country = s->country;
	a->igo = s->igo;
	a->role = s->role;
	a->person = dyad_side_person_key(&r->names, s);
	a->name = dyad_side_name(&r->names, s);
}

/* Event `e`, the n-th of d, as the store keeps it; strings point into d, e, the codebook, r or `date`. */
static void event_row(dyad_store_rows *r, const dyad_document *d, const dyad_event *e, size_t n, dyad_store_event *out,
		      char date[16])
{
	const dyad_cameo *cc = dyad_codebook_lookup(r->codebook, e->cameo);
	size_t cb = 0, cp = 0;

	memset(out, 0, sizeof *out);
	out->n = n;
	store_actor(r, &e->source, &out->source);
	store_actor(r, &e->target, &out->target);
	out->cameo = e->cameo;
	if (cc) {
		out->cameo_name = cc->name;
		out->goldstein = cc->goldstein;
		out->quad = cc->quad;
		out->type = cc->plover;
	}
	out->mode = e->mode;
	out->modality = dyad_modality_name(e->modality);
	dyad_ymd_format(e->date, date);
	out->date = date[0] ? date : NULL;
	out->date_from_publication = e->date_from_publication;
	out->location = e->location;
	if (e->location) {
		const dyad_place *p = dyad_event_place(r->places, e);
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

int dyad_store_put_document(dyad_store *s, dyad_store_rows *r, const dyad_document *d, dyad_store_counts *c)
{
	dyad_store_doc sd;
	int64_t row;
	size_t i, cb = 0, cp = 0;
	int st;

	memset(&sd, 0, sizeof sd);
	sd.id = d->page->id;
	sd.content_hash = d->content_hash;
	sd.simhash = dyad_simhash(d->doc.body);
	sd.path = d->page->path;
	sd.record = d->page->record;
	dyad_buf_clear(&r->url);
	if (d->page->url.n)
		dyad_buf_putstr(&r->url, d->page->url);
	sd.url = r->url.n ? r->url.p : NULL;
	sd.title = d->doc.title;
	sd.date = d->doc.date;
	sd.time = d->doc.time;
	sd.outlet = d->doc.outlet;
	sd.dateline = d->doc.dateline;
	sd.language = dyad_lang_code(d->lang);
	sd.author = d->doc.author;
	sd.body = d->doc.body;
	sd.version = r->version;
	dyad_buf_clear(&r->furniture);
	dyad_buf_putc(&r->furniture, '[');
	for (i = 0; i < d->doc.nfurniture; i++) {
		if (i)
			dyad_buf_putc(&r->furniture, ',');
		dyad_buf_json_str(&r->furniture, d->doc.furniture[i]);
	}
	dyad_buf_putc(&r->furniture, ']');
	sd.furniture = r->furniture.p;
	if ((st = dyad_store_put_doc(s, &sd, &row)) < 0)
		return st;
	c->docs++;
	if (st == DYAD_STORE_SAME) {
		c->same++;
		return st;
	}
	if (st == DYAD_STORE_NEW)
		c->fresh++;
	else
		c->replaced++;
	for (i = 0; i < d->nsent; i++) {
		dyad_span sp = d->sent_bytes[i];
		if (dyad_store_put_sentence(s, row, i, d->sent_cps[i].start, d->sent_cps[i].end,
					    (dyad_str){ d->doc.body.p + sp.start, sp.end - sp.start }) < 0)
			return DYAD_EDB;
	}
	for (i = 0; i < d->nmentions; i++) {
		const dyad_mention *m = &d->mentions[i];
		dyad_store_mention sm;
		memset(&sm, 0, sizeof sm);
		sm.sentence = m->sentence;
		sm.start = dyad_document_cp(d, m->span.start, &cb, &cp);
		sm.end = dyad_document_cp(d, m->span.end, &cb, &cp);
		sm.kind = dyad_mention_kind_name(m->kind);
		sm.actor.code = m->code;
		sm.actor.country = m->country;
		sm.actor.igo = m->igo;
		sm.actor.role = m->role;
		sm.actor.person = m->person;
		sm.actor.name = m->name;
		sm.text = (dyad_str){ d->doc.body.p + m->span.start, m->span.end - m->span.start };
		if (dyad_store_put_mention(s, row, &sm) < 0)
			return DYAD_EDB;
		c->mentions++;
	}
	dyad_arena_reset(r->names.arena); /* the last document's names are stored */
	for (i = 0; i < d->nevents; i++) {
		dyad_store_event se;
		char date[16];
		event_row(r, d, &d->events[i], i, &se, date);
		if (dyad_store_put_event(s, row, &se) < 0)
			return DYAD_EDB;
		c->events++;
	}
	return st;
}
