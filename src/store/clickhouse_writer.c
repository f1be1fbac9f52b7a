/*
 * clickhouse_writer.c — an ingest into ClickHouse: the store's documents,
 * sentences, mentions and events gathered as TabSeparated rows for a batch
 * and sent at commit in the order docs/engines.md gives (the batch opened,
 * replaced documents' old rows deleted, derived rows, the documents' rows,
 * the batch done). Documents are known by doc_id; syndicated copies are found
 * by fingerprint bands on any shard; each sentence keeps its search stems.
 */
#include "clickhouse.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* The rows of one kind a batch has gathered, and the statement that inserts them. */
enum { R_EVENTS, R_MENTIONS, R_SENTENCES, R_BANDS, R_DOCS, R_ACTORS, R_NAMES, R_COUNT };

/* In commit order: a document's own row after every row derived from it. */
static const char *const inserts[R_COUNT] = {
	[R_EVENTS] = "INSERT INTO events (doc_id, batch, n, source, source_country, source_igo, source_role, "
		     "source_person, source_name, target, target_country, target_igo, target_role, target_person, "
		     "target_name, source_actor, target_actor, cameo, root, cameo_name, quad, goldstein, type, mode, "
		     "reciprocal, modality, date, date_source, location, sentence, `start`, `end`, evidence, rules, "
		     "location_country, location_geonames, location_lat, location_lon) FORMAT TabSeparated",
	[R_MENTIONS] = "INSERT INTO mentions (doc_id, batch, sentence, `start`, `end`, kind, code, country, igo, "
		       "role, person, name, text) FORMAT TabSeparated",
	[R_SENTENCES] = "INSERT INTO sentences (doc_id, batch, n, `start`, `end`, text, stems) FORMAT TabSeparated",
	[R_BANDS] = "INSERT INTO simhash_bands (band, value, doc_id, simhash, batch, seq) FORMAT TabSeparated",
	[R_DOCS] = "INSERT INTO documents (doc_id, batch, content_hash, simhash, syndicated_of, path, record, url, "
		   "title, date, time, outlet, dateline, language, author, body, furniture, dyad_version) "
		   "FORMAT TabSeparated",
	[R_ACTORS] = "INSERT INTO actors (code, kind, name_en, name_ru) FORMAT TabSeparated",
	[R_NAMES] = "INSERT INTO actor_names (folded, name, kind, code, person) FORMAT TabSeparated",
};

/* A document of the open batch: its id and fingerprint, for copies later in the batch. */
typedef struct {
	uint64_t id, simhash;
} batch_doc;

struct dyad_ch_writer {
	dyad_ch *c;
	uint64_t batch;
	int tried; /* a commit of this batch failed after sending some of it */
	dyad_buf rows[R_COUNT];
	batch_doc *docs;
	size_t ndocs, capdocs;
	uint64_t *replaced;
	size_t nreplaced, capreplaced;
	struct ahead *ahead; /* what dyad_ch_writer_look_ahead learnt, for put_doc */
	size_t nahead, capahead;
	dyad_stemmer *stemmer;
	dyad_arena *arena;
	dyad_buf scratch;
};

int dyad_ch_writer_new(dyad_ch_writer **out, dyad_ch *c, size_t *undone)
{
	dyad_ch_writer *w;
	uint64_t next;
	int rc;

	*out = NULL;
	if ((rc = dyad_ch_schema_create(c)) != 0 || (rc = dyad_ch_batch_undo_unfinished(c, undone)) != 0 ||
	    (rc = dyad_ch_batch_next(c, &next)) != 0)
		return rc;
	w = dyad_xcalloc(1, sizeof *w);
	w->c = c;
	w->batch = next;
	w->stemmer = dyad_stemmer_new();
	w->arena = dyad_arena_new();
	*out = w;
	return 0;
}

void dyad_ch_writer_rollback(dyad_ch_writer *w)
{
	int i;

	for (i = 0; i < R_COUNT; i++)
		dyad_buf_clear(&w->rows[i]);
	w->ndocs = 0;
	w->nreplaced = 0;
	w->nahead = 0;
}

void dyad_ch_writer_free(dyad_ch_writer *w)
{
	int i;

	if (!w)
		return;
	for (i = 0; i < R_COUNT; i++)
		dyad_buf_free(&w->rows[i]);
	free(w->docs);
	free(w->replaced);
	free(w->ahead);
	dyad_stemmer_free(w->stemmer);
	dyad_arena_free(w->arena);
	dyad_buf_free(&w->scratch);
	free(w);
}

static int popcount64(uint64_t x)
{
	int n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

/* A field and the tab after it. */
static void field(dyad_buf *b, const char *s)
{
	dyad_ch_tsv_cstr(b, s);
	dyad_buf_putc(b, '\t');
}

/* What the servers know of a document being put. */
typedef struct ahead {
	uint64_t id, simhash;
	uint64_t content_hash;    /* looking ahead: the body's hash, */
	int version_asked;        /* and whether its version is the one the servers compared */
	int stored;               /* DYAD_STORE_NEW, _SAME (this dyad, this body) or _REPLACED */
	int found;                /* a stored document it copies: */
	uint64_t doc, batch, seq; /* the earliest, by batch and place in the batch */
} lookup;

/* A stored document `doc` (fingerprint, batch, place) as the original of `l`'s if nearer and earlier. */
static void candidate(lookup *l, uint64_t doc, uint64_t simhash, uint64_t batch, uint64_t seq)
{
	if (doc != l->id && popcount64(simhash ^ l->simhash) <= 3 &&
	    (!l->found || batch < l->batch || (batch == l->batch && seq < l->seq))) {
		l->doc = doc;
		l->batch = batch;
		l->seq = seq;
		l->found = 1;
	}
}

/* Up to `n` unsigned numbers of a TSV row into v (missing ones 0). */
static void row_numbers(dyad_str row, uint64_t *v, int n)
{
	const char *p = row.p, *end = row.p + row.n;
	char *next;
	int i;

	for (i = 0; i < n; i++)
		v[i] = 0;
	for (i = 0; i < n && p < end; i++) {
		v[i] = strtoull(p, &next, 10);
		p = next + 1;
	}
}

/*
 * A row of the lookup (TSV): "0, same" for the document's own row, or
 * "1, doc_id, simhash, batch, seq" for a stored document sharing a band of its
 * fingerprint, kept when within 3 bits and earlier than the one kept so far.
 */
static int on_lookup(void *ctx, dyad_str row)
{
	lookup *l = ctx;
	uint64_t v[5];

	row_numbers(row, v, 5);
	if (v[0] == 0)
		l->stored = v[1] ? DYAD_STORE_SAME : DYAD_STORE_REPLACED;
	else
		candidate(l, v[1], v[2], v[3], v[4]);
	return 0;
}

/*
 * Ask the servers, in one request, whether `d` is stored (by this dyad from
 * this body, or otherwise) and which stored documents are within 3 bits of its
 * fingerprint (any two such agree on one of four 16-bit bands). ClickHouse 18
 * has no bitCount: the bits are counted here, over the few rows of a band.
 */
static int look_up(dyad_ch_writer *w, const dyad_store_doc *d, lookup *l)
{
	dyad_buf *q = &w->scratch;
	int band;

	memset(l, 0, sizeof *l);
	l->id = d->id;
	l->simhash = d->simhash;
	l->stored = DYAD_STORE_NEW;
	dyad_buf_clear(q);
	dyad_buf_puts(q, "SELECT toUInt8(0), toUInt64(dyad_version = ");
	dyad_ch_sql_str(q, dyad_str_c(d->version ? d->version : ""));
	dyad_buf_printf(q,
			" AND content_hash = %" PRIu64 "), toUInt64(0), toUInt64(0), toUInt64(0)"
			" FROM documents WHERE doc_id = %" PRIu64,
			d->content_hash, d->id);
	if (d->simhash) {
		dyad_buf_puts(q, " UNION ALL SELECT toUInt8(1), doc_id, simhash, batch, toUInt64(seq)"
				 " FROM simhash_bands WHERE (");
		for (band = 0; band < 4; band++)
			dyad_buf_printf(q, "%s(band = %d AND value = %u)", band ? " OR " : "", band,
					(unsigned)((d->simhash >> (16 * band)) & 0xffff));
		dyad_buf_printf(q, ") AND doc_id != %" PRIu64, d->id);
	}
	return dyad_ch_query(w->c, q->p, on_lookup, l);
}

/* The writer, and where the documents being looked ahead at begin in its list. */
typedef struct {
	dyad_ch_writer *w;
	size_t from;
} ahead_ctx;

/* A document's own row (doc_id, content_hash, its version the one asked about): stored, the same or not. */
static int on_stored(void *ctx, dyad_str row)
{
	ahead_ctx *a = ctx;
	uint64_t v[3];
	size_t i;

	row_numbers(row, v, 3);
	for (i = a->from; i < a->w->nahead; i++) {
		lookup *l = &a->w->ahead[i];

		if (l->id == v[0])
			l->stored = v[2] && l->version_asked && v[1] == l->content_hash ? DYAD_STORE_SAME
											: DYAD_STORE_REPLACED;
	}
	return 0;
}

/* A stored document sharing a band with one looked ahead at (doc_id, simhash, batch, seq). */
static int on_band(void *ctx, dyad_str row)
{
	ahead_ctx *a = ctx;
	uint64_t v[4];
	size_t i;

	row_numbers(row, v, 4);
	for (i = a->from; i < a->w->nahead; i++)
		if (a->w->ahead[i].simhash)
			candidate(&a->w->ahead[i], v[0], v[1], v[2], v[3]);
	return 0;
}

int dyad_ch_writer_look_ahead(dyad_ch_writer *w, const dyad_store_doc *docs, size_t n)
{
	dyad_buf *q = &w->scratch;
	ahead_ctx a = { w, w->nahead };
	const char *version;
	size_t i, bands = 0;
	int band, rc;

	if (n == 0)
		return 0;
	/* one ingest's documents share their dyad version: the servers compare the first's */
	version = docs[0].version ? docs[0].version : "";
	dyad_buf_clear(q);
	dyad_buf_puts(q, "SELECT doc_id, content_hash, dyad_version = ");
	dyad_ch_sql_str(q, dyad_str_c(version));
	dyad_buf_puts(q, " FROM documents WHERE doc_id IN (");
	for (i = 0; i < n; i++) {
		lookup *l;

		w->ahead = dyad_xgrow(w->ahead, &w->capahead, w->nahead, sizeof *w->ahead, 64);
		l = &w->ahead[w->nahead++];
		memset(l, 0, sizeof *l);
		l->id = docs[i].id;
		l->simhash = docs[i].simhash;
		l->stored = DYAD_STORE_NEW;
		l->content_hash = docs[i].content_hash;
		l->version_asked = strcmp(docs[i].version ? docs[i].version : "", version) == 0;
		dyad_buf_printf(q, "%s%" PRIu64, i ? ", " : "", docs[i].id);
	}
	dyad_buf_putc(q, ')');
	if ((rc = dyad_ch_query(w->c, q->p, on_stored, &a)) != 0)
		return rc;
	dyad_buf_clear(q);
	dyad_buf_puts(q, "SELECT doc_id, simhash, batch, seq FROM simhash_bands WHERE (band, value) IN (");
	for (i = 0; i < n; i++)
		for (band = 0; docs[i].simhash && band < 4; band++)
			dyad_buf_printf(q, "%s(%d, %u)", bands++ ? ", " : "", band,
					(unsigned)((docs[i].simhash >> (16 * band)) & 0xffff));
	dyad_buf_putc(q, ')');
	return bands ? dyad_ch_query(w->c, q->p, on_band, &a) : 0;
}

int dyad_ch_writer_put_doc(dyad_ch_writer *w, const dyad_store_doc *d, int64_t *row)
{
	dyad_buf *b = &w->rows[R_DOCS];
	int rc, band;
	uint64_t original;
	int32_t date;
	lookup l;
	size_t i;

	*row = (int64_t)d->id;
	for (i = 0; i < w->ndocs; i++)
		if (w->docs[i].id == d->id)
			return DYAD_STORE_SAME; /* twice in one batch: the first is being written */
	if (dyad_ch_date_int(d->date, &date) != 0)
		return dyad_ch_fail(w->c, "document %016" PRIx64 ": its date '%s' is not YYYY-MM-DD", d->id, d->date);
	for (i = 0; i < w->nahead && w->ahead[i].id != d->id; i++)
		;
	if (i < w->nahead)
		l = w->ahead[i];
	else if ((rc = look_up(w, d, &l)) != 0)
		return rc;
	if (l.stored == DYAD_STORE_SAME)
		return DYAD_STORE_SAME; /* stored by this dyad, from this body: nothing to write */
	if (l.stored == DYAD_STORE_REPLACED) {
		w->replaced = dyad_xgrow(w->replaced, &w->capreplaced, w->nreplaced, sizeof *w->replaced, 16);
		w->replaced[w->nreplaced++] = d->id;
	}
	/* the copy's original: a stored document (all earlier than the batch's), else an earlier one of the batch */
	original = l.found ? l.doc : 0;
	for (i = 0; !original && d->simhash && i < w->ndocs; i++)
		if (popcount64(w->docs[i].simhash ^ d->simhash) <= 3)
			original = w->docs[i].id;
	w->docs = dyad_xgrow(w->docs, &w->capdocs, w->ndocs, sizeof *w->docs, 64);
	w->docs[w->ndocs++] = (batch_doc){ d->id, d->simhash };
	dyad_buf_printf(b, "%" PRIu64 "\t%" PRIu64 "\t%" PRIu64 "\t%" PRIu64 "\t%" PRIu64 "\t", d->id, w->batch,
			d->content_hash, d->simhash, original);
	field(b, d->path);
	field(b, d->record);
	field(b, d->url);
	field(b, d->title);
	dyad_buf_printf(b, "%" PRId32 "\t", date);
	field(b, d->time);
	field(b, d->outlet);
	field(b, d->dateline);
	field(b, d->language);
	field(b, d->author);
	dyad_ch_tsv_str(b, d->body);
	dyad_buf_putc(b, '\t');
	field(b, d->furniture);
	dyad_ch_tsv_cstr(b, d->version ? d->version : "");
	dyad_buf_putc(b, '\n');
	for (band = 0; d->simhash && band < 4; band++)
		dyad_buf_printf(&w->rows[R_BANDS], "%d\t%u\t%" PRIu64 "\t%" PRIu64 "\t%" PRIu64 "\t%zu\n", band,
				(unsigned)((d->simhash >> (16 * band)) & 0xffff), d->id, d->simhash, w->batch,
				w->ndocs - 1);
	return l.stored;
}

int dyad_ch_writer_put_sentence(dyad_ch_writer *w, int64_t doc, size_t n, size_t start, size_t end, dyad_str text)
{
	dyad_buf *b = &w->rows[R_SENTENCES];

	dyad_buf_printf(b, "%" PRIu64 "\t%" PRIu64 "\t%zu\t%zu\t%zu\t", (uint64_t)doc, w->batch, n, start, end);
	dyad_ch_tsv_str(b, text);
	dyad_buf_putc(b, '\t');
	dyad_ch_stems_array(w->stemmer, w->arena, b, text);
	dyad_arena_reset(w->arena);
	dyad_buf_putc(b, '\n');
	return 0;
}

static void actor_fields(dyad_buf *b, const dyad_store_actor *a)
{
	field(b, a->code);
	field(b, a->country);
	field(b, a->igo);
	field(b, a->role);
	field(b, a->person);
	field(b, a->name);
}

int dyad_ch_writer_put_mention(dyad_ch_writer *w, int64_t doc, const dyad_store_mention *m)
{
	dyad_buf *b = &w->rows[R_MENTIONS];

	dyad_buf_printf(b, "%" PRIu64 "\t%" PRIu64 "\t%zu\t%zu\t%zu\t", (uint64_t)doc, w->batch, m->sentence, m->start,
			m->end);
	field(b, m->kind ? m->kind : "");
	actor_fields(b, &m->actor);
	dyad_ch_tsv_str(b, m->text);
	dyad_buf_putc(b, '\n');
	return 0;
}

int dyad_ch_writer_put_event(dyad_ch_writer *w, int64_t doc, const dyad_store_event *ev, const char *source_actor,
			     const char *target_actor)
{
	dyad_buf *b = &w->rows[R_EVENTS];
	int32_t date;

	if (dyad_ch_date_int(ev->date, &date) != 0)
		return dyad_ch_fail(w->c, "document %016" PRIx64 ", event %zu: its date '%s' is not YYYY-MM-DD",
				    (uint64_t)doc, ev->n, ev->date);
	dyad_buf_printf(b, "%" PRIu64 "\t%" PRIu64 "\t%zu\t", (uint64_t)doc, w->batch, ev->n);
	actor_fields(b, &ev->source);
	actor_fields(b, &ev->target);
	field(b, source_actor);
	field(b, target_actor);
	field(b, ev->cameo ? ev->cameo : "");
	dyad_buf_printf(b, "%.2s\t", ev->cameo ? ev->cameo : "");
	field(b, ev->cameo_name);
	if (ev->quad)
		dyad_buf_printf(b, "%d\t%.17g\t", ev->quad, ev->goldstein);
	else
		dyad_buf_puts(b, "\\N\t\\N\t");
	field(b, ev->type);
	field(b, ev->mode);
	dyad_buf_printf(b, "%d\t", ev->reciprocal ? 1 : 0);
	field(b, ev->modality ? ev->modality : "");
	dyad_buf_printf(b, "%" PRId32 "\t", date);
	field(b, ev->date ? (ev->date_from_publication ? "publication" : "sentence") : NULL);
	field(b, ev->location);
	dyad_buf_printf(b, "%zu\t%zu\t%zu\t", ev->sentence, ev->start, ev->end);
	dyad_ch_tsv_str(b, ev->evidence);
	dyad_buf_putc(b, '\t');
	field(b, ev->rules);
	field(b, ev->location_country);
	if (ev->location_geonames)
		dyad_buf_printf(b, "%" PRIu32 "\t", ev->location_geonames);
	else
		dyad_buf_puts(b, "\\N\t");
	if (ev->location_has_coords)
		dyad_buf_printf(b, "%.17g\t%.17g\n", ev->location_lat, ev->location_lon);
	else
		dyad_buf_puts(b, "\\N\t\\N\n");
	return 0;
}

int dyad_ch_writer_put_actor(dyad_ch_writer *w, const char *code, const char *kind, const char *name_en,
			     const char *name_ru)
{
	dyad_buf *b = &w->rows[R_ACTORS];

	field(b, code ? code : "");
	field(b, kind);
	field(b, name_en);
	dyad_ch_tsv_cstr(b, name_ru);
	dyad_buf_putc(b, '\n');
	return 0;
}

int dyad_ch_writer_put_actor_name(dyad_ch_writer *w, const char *name, const char *folded, const char *kind,
				  const char *code, const char *person)
{
	dyad_buf *b = &w->rows[R_NAMES];

	field(b, folded ? folded : "");
	field(b, name ? name : "");
	field(b, kind ? kind : "");
	field(b, code ? code : "");
	dyad_ch_tsv_cstr(b, person ? person : "");
	dyad_buf_putc(b, '\n');
	return 0;
}

int dyad_ch_writer_commit(dyad_ch_writer *w)
{
	int rc = 0, i, any = 0;

	for (i = 0; i < R_COUNT; i++)
		any |= w->rows[i].n > 0;
	if (!any)
		return 0;
	/* again after a failure: what arrived of the batch goes first, so nothing is there twice */
	if (w->tried && (rc = dyad_ch_batch_delete(w->c, w->batch)) != 0)
		return rc;
	w->tried = 1;
	if ((rc = dyad_ch_batch_begin(w->c, w->batch, w->ndocs)) != 0 ||
	    (rc = dyad_ch_docs_delete(w->c, w->replaced, w->nreplaced)) != 0)
		return rc;
	for (i = 0; i < R_COUNT && rc == 0; i++)
		if (w->rows[i].n)
			rc = dyad_ch_insert(w->c, inserts[i], (dyad_str){ w->rows[i].p, w->rows[i].n });
	if (rc == 0)
		rc = dyad_ch_batch_end(w->c, w->batch);
	if (rc != 0)
		return rc; /* the batch stays open: commit again, or the next writer undoes it */
	w->tried = 0;
	dyad_ch_writer_rollback(w);
	w->batch++;
	return 0;
}
