/*
 * cmd_eval.c — `dyad eval --gold DIR INPUTS`: scores dyad's documents against
 * gold files (the format of docs/formats.md, "Gold files"): per-field accuracy
 * of the metadata, the furniture lines that must be gone from the body, and the
 * evidence sentences that must be in it. Lists every miss, and the matched
 * events whose roles differ from the gold's.
 */
#include "cli.h"
#include "dyad/codebook.h"
#include "dyad/json.h"
#include "pipeline.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const dyad_cli_opt opts[] = {
	{ "gold", 'g', "DIR", "gold files: DIR/<input file name without extension>.json (required)" },
	DYAD_CLI_OPT_INPUT,
	{ "strict", 0, NULL, "exit with status 1 when anything is missed" },
	DYAD_CLI_OPT_DATA,
	DYAD_CLI_OPT_JOBS,
	{ NULL, 0, NULL, NULL },
};

enum { F_TITLE, F_DATE, F_TIME, F_LANGUAGE, F_OUTLET, F_DATELINE, F_FURNITURE, F_EVIDENCE, F_PEOPLE, NFIELDS };
static const char *const field_names[NFIELDS] = { "title",    "date",      "time",     "language", "outlet",
						  "dateline", "furniture", "evidence", "people" };

typedef struct {
	const char *gold_dir;
	const dyad_outlets *outlets; /* the pipeline's, for outlets by any spelling */
	int right[NFIELDS], total[NFIELDS];
	int docs, no_gold, bad_gold;
	int outlet_skipped; /* pages whose gold says the text never names the outlet */
	int bad_events;     /* gold events without a type, a source or a target */
	char *last_path;    /* the input the previous document came from */
	size_t ordinal;     /* the document's place among that input's records */
	dyad_buf misses;
	dyad_arena *arena;
	dyad_stemmer *stemmer;
	dyad_codebook *codebook;
	dyad_arena *keep; /* strings that live for the whole run */
	/* events: matched, ours only, gold only; overall and per PLOVER type */
	int tp, fp, fn;
	int tp_roles, tp_dates; /* matched events whose roles, or dates, agree with the gold too */
	int type_tp[32], type_fp[32], type_fn[32];
	const char *type_name[32];
	int ntypes;
	dyad_buf event_misses;
	dyad_buf role_misses; /* matched events whose roles differ from the gold's */
} eval;

/* Collapse runs of white space to one space and trim, for comparing titles and lines. */
static dyad_str squeeze(dyad_arena *a, dyad_str s)
{
	char *out = dyad_arena_alloc(a, s.n + 1);
	size_t i, n = 0;
	int space = 0;

	s = dyad_str_trim(s);
	for (i = 0; i < s.n; i++) {
		char c = s.p[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && n)
			out[n++] = ' ';
		space = 0;
		out[n++] = c;
	}
	return (dyad_str){ out, n };
}

/* Strip a list bullet and spaces from a furniture line, as the gold format says lines are compared. */
static dyad_str unbullet(dyad_str s)
{
	s = dyad_str_trim(s);
	if (dyad_str_starts_with(s, DYAD_STR_LIT("\xe2\x80\xa2")))
		s = dyad_str_trim((dyad_str){ s.p + 3, s.n - 3 });
	return s;
}

static void miss(eval *ev, const char *doc, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void miss(eval *ev, const char *doc, const char *field, const char *fmt, ...)
{
	va_list ap;

	dyad_buf_printf(&ev->misses, "  %s: %s: ", doc, field);
	va_start(ap, fmt);
	dyad_buf_vprintf(&ev->misses, fmt, ap);
	va_end(ap);
	dyad_buf_putc(&ev->misses, '\n');
}

static void score_str(eval *ev, const char *doc, int f, const dyad_json *gold, const char *ours, int ci)
{
	const dyad_json *g = dyad_json_get(gold, field_names[f]);
	int same;

	if (g == NULL)
		return; /* the gold file does not score this field */
	ev->total[f]++;
	if (g->type == DYAD_JSON_NULL || (g->type == DYAD_JSON_STRING && squeeze(ev->arena, g->str).n == 0)) {
		/* null and "" both say the page does not show the field (a page without a headline) */
		same = ours == NULL || squeeze(ev->arena, dyad_str_c(ours)).n == 0;
	} else if (g->type == DYAD_JSON_STRING && ours) {
		dyad_str a = squeeze(ev->arena, g->str), b = squeeze(ev->arena, dyad_str_c(ours));
		same = ci ? a.n == b.n && strncasecmp(a.p, b.p, a.n) == 0 : dyad_str_eq(a, b);
	} else {
		same = 0;
	}
	if (same)
		ev->right[f]++;
	else
		miss(ev, doc, field_names[f], "expected %s%.*s%s, got %s%s%s", g->type == DYAD_JSON_STRING ? "\"" : "",
		     (int)(g->type == DYAD_JSON_STRING ? g->str.n : 4), g->type == DYAD_JSON_STRING ? g->str.p : "null",
		     g->type == DYAD_JSON_STRING ? "\"" : "", ours ? "\"" : "", ours ? ours : "null", ours ? "\"" : "");
}

/* Is `line` a paragraph of the body on its own? */
static int body_has_line(dyad_arena *a, dyad_str body, dyad_str line)
{
	size_t i = 0;

	while (i <= body.n) {
		const char *nl = i < body.n ? memchr(body.p + i, '\n', body.n - i) : NULL;
		size_t end = nl ? (size_t)(nl - body.p) : body.n;

		if (dyad_str_eq(squeeze(a, unbullet((dyad_str){ body.p + i, end - i })), line))
			return 1;
		if (!nl)
			break;
		i = end + 1;
	}
	return 0;
}

static int body_contains(dyad_str body, dyad_str s)
{
	size_t i;

	if (s.n == 0)
		return 1;
	for (i = 0; i + s.n <= body.n; i++)
		if (body.p[i] == s.p[0] && memcmp(body.p + i, s.p, s.n) == 0)
			return 1;
	return 0;
}

/*
 * The gold object for document `d`: DIR/<name>.json holds one object per page,
 * or {"records": [...]} with one object per record for an input that holds
 * several pages (JSON Lines, WARC), in the order the records come.
 */
static const dyad_json *gold_for(eval *ev, const dyad_document *d, const char *name, dyad_buf *raw, char gpath[4096])
{
	dyad_errbuf e;
	dyad_json *gold = NULL;
	const dyad_json *recs, *it;
	size_t i;

	snprintf(gpath, 4096, "%s/%s.json", ev->gold_dir, name);
	if (dyad_read_file(raw, gpath, 16u << 20, &e) < 0) {
		fprintf(stderr, "dyad eval: no gold for %s (%s)\n", d->page->path, e.msg);
		ev->no_gold++;
		return NULL;
	}
	if (dyad_json_parse(ev->arena, (dyad_str){ raw->p, raw->n }, &gold, &e) < 0) {
		fprintf(stderr, "dyad eval: %s: %s\n", gpath, e.msg);
		ev->bad_gold++;
		return NULL;
	}
	if (gold->type != DYAD_JSON_OBJECT) {
		fprintf(stderr, "dyad eval: %s: expected a JSON object\n", gpath);
		ev->bad_gold++;
		return NULL;
	}
	if ((recs = dyad_json_get(gold, "records")) == NULL)
		return gold;
	if (recs->type != DYAD_JSON_ARRAY) {
		fprintf(stderr, "dyad eval: %s: \"records\" must be an array\n", gpath);
		ev->bad_gold++;
		return NULL;
	}
	for (i = 0, it = recs->child; it && i < ev->ordinal; i++)
		it = it->next;
	if (it == NULL || it->type != DYAD_JSON_OBJECT) {
		fprintf(stderr, "dyad eval: %s: no gold object for record %zu of %s\n", gpath, ev->ordinal + 1,
			d->page->path);
		ev->no_gold++;
		return NULL;
	}
	return it;
}

/* The stem of the last word of a name: how a gold person is found among the mentions. */
static dyad_str surname_key(eval *ev, dyad_str name)
{
	size_t i;

	name = dyad_str_trim(name);
	for (i = name.n; i > 0 && name.p[i - 1] != ' ' && name.p[i - 1] != '.'; i--)
		;
	return dyad_stem_light(ev->stemmer, ev->arena, (dyad_str){ name.p + i, name.n - i });
}

/* "KAZ DIP" → "KAZ" and "DIP"; "IGO SCO" → "IGO" and "SCO". */
static void split_actor(dyad_str a, char country[8], char role[8])
{
	size_t i;

	a = dyad_str_trim(a);
	for (i = 0; i < a.n && a.p[i] != ' '; i++)
		;
	snprintf(country, 8, "%.*s", (int)(i < 7 ? i : 7), a.p);
	a = i < a.n ? dyad_str_trim((dyad_str){ a.p + i, a.n - i }) : (dyad_str){ "", 0 };
	snprintf(role, 8, "%.*s", (int)(a.n < 7 ? a.n : 7), a.p);
}

/*
 * Each gold person must be among the person mentions, by surname, with the
 * gold country and role (an IGO officer: the organisation).
 */
static void score_people(eval *ev, const char *label, const dyad_json *gold, const dyad_document *d)
{
	const dyad_json *arr = dyad_json_get(gold, "people"), *it;

	if (arr == NULL || arr->type != DYAD_JSON_ARRAY)
		return;
	for (it = arr->child; it; it = it->next) {
		dyad_str name = dyad_json_get_str(it, "name"), actor = dyad_json_get_str(it, "actor");
		char country[8], role[8];
		const dyad_mention *found = NULL, *right = NULL;
		dyad_str key;
		size_t k;

		if (name.p == NULL || actor.p == NULL)
			continue;
		split_actor(actor, country, role);
		key = surname_key(ev, name);
		for (k = 0; k < d->nmentions && !right; k++) {
			const dyad_mention *m = &d->mentions[k];
			if (m->kind != DYAD_MENTION_PERSON || m->person == NULL)
				continue;
			/* by the canonical name, or by the words as written (the gold may spell it in another script) */
			if (!dyad_str_eq(surname_key(ev, dyad_str_c(m->person)), key) &&
			    !dyad_str_eq(surname_key(ev, (dyad_str){ d->doc.body.p + m->span.start,
								     m->span.end - m->span.start }),
					 key))
				continue;
			found = m;
			if (strcmp(country, "IGO") == 0 ? m->igo && strcmp(m->igo, role) == 0
							: strcmp(m->country, country) == 0 && strcmp(m->role, role) == 0)
				right = m;
		}
		ev->total[F_PEOPLE]++;
		if (right)
			ev->right[F_PEOPLE]++;
		else if (found)
			miss(ev, label, "people", "%.*s: expected %.*s, got %s", (int)name.n, name.p, (int)actor.n,
			     actor.p, found->code[0] ? found->code : "no code");
		else
			miss(ev, label, "people", "%.*s (%.*s) not found", (int)name.n, name.p, (int)actor.n, actor.p);
	}
}

/* The side of a dyad as the gold writes it, roles aside: "KAZ", or "IGO SCO". */
static void gold_side(dyad_str a, char out[24])
{
	char country[8], role[8];

	split_actor(a, country, role);
	if (strcmp(country, "IGO") == 0)
		snprintf(out, 24, "IGO %s", role);
	else
		snprintf(out, 24, "%s", country);
}

static void our_side(const dyad_side *s, char out[24])
{
	if (s->country[0])
		snprintf(out, 24, "%s", s->country);
	else if (s->igo)
		snprintf(out, 24, "IGO %s", s->igo);
	else
		snprintf(out, 24, "%s", s->code);
}

/* The gold's actor ("KAZ GOV", "IGO SCO") and ours (KAZGOV, IGOSCO) with their roles. */
static int same_code(dyad_str gold, const dyad_side *s)
{
	char g[32];
	size_t i, n = 0;

	for (i = 0; i < gold.n && n + 1 < sizeof g; i++)
		if (gold.p[i] != ' ')
			g[n++] = gold.p[i];
	g[n] = '\0';
	if (strncmp(g, "IGO", 3) == 0 && s->igo) {
		/* our organisation codes carry dyad's long form (IGOSCO); the gold writes the short name */
		char ours[32];
		snprintf(ours, sizeof ours, "IGO%s%s", s->igo, s->role);
		return strcmp(g, ours) == 0;
	}
	return strcmp(g, s->code) == 0;
}

/* The gold's date: a day ("2024-11-04") the event must carry, or null for the publication date. */
static int same_date(dyad_str gold, const dyad_event *e, const dyad_document *d)
{
	char ours[32];

	if (gold.p == NULL || gold.n == 0)
		return e->date_from_publication || (d->doc.date && e->date == d->day);
	if (e->date <= 0)
		return 0;
	snprintf(ours, sizeof ours, "%04d-%02d-%02d", (int)(e->date / 10000), (int)(e->date / 100 % 100),
		 (int)(e->date % 100));
	return gold.n == 10 && memcmp(gold.p, ours, 10) == 0;
}

/* A matched event whose roles differ: the gold's actors (in our event's order) and ours. */
static void role_miss(eval *ev, const char *label, const char *type, dyad_str gsrc, dyad_str gtgt, const dyad_event *e,
		      const dyad_document *d)
{
	dyad_span sp = e->evidence;

	dyad_buf_printf(&ev->role_misses, "  %s: %s %s: expected %.*s -> %.*s, got %s -> %s: %.*s\n", label, type,
			e->cameo, (int)gsrc.n, gsrc.p, (int)gtgt.n, gtgt.p, e->source.code, e->target.code,
			(int)(sp.end - sp.start > 160 ? 160 : sp.end - sp.start), d->doc.body.p + sp.start);
}

static int type_slot(eval *ev, const char *type)
{
	int i;

	for (i = 0; i < ev->ntypes; i++)
		if (strcmp(ev->type_name[i], type) == 0)
			return i;
	if (ev->ntypes == 32)
		return 31;
	ev->type_name[ev->ntypes] = type;
	return ev->ntypes++;
}

static int either_way(const char *type)
{
	return strcmp(type, "CONSULT") == 0 || strcmp(type, "AGREE") == 0 || strcmp(type, "COOPERATE") == 0;
}

/*
 * Whether our event e has the gold's type t and sides gs, gt (roles aside), straight or, for
 * CONSULT, AGREE, COOPERATE and reciprocal codes, reversed: 1 straight, 2 reversed, 0 not.
 */
static int same_event(eval *ev, const dyad_event *e, const char *t, const char *gs, const char *gt)
{
	const dyad_cameo *cc = dyad_codebook_lookup(ev->codebook, e->cameo);
	char os[24], ot[24];

	if (cc == NULL || strcmp(cc->plover, t) != 0)
		return 0;
	our_side(&e->source, os);
	our_side(&e->target, ot);
	if (strcmp(os, gs) == 0 && strcmp(ot, gt) == 0)
		return 1;
	return (either_way(t) || e->reciprocal) && strcmp(os, gt) == 0 && strcmp(ot, gs) == 0 ? 2 : 0;
}

/* Whether the gold actors src, tgt and our event's agree with their roles too (how = same_event's). */
static int same_roles(const dyad_event *e, dyad_str src, dyad_str tgt, int how)
{
	return same_code(how == 1 ? src : tgt, &e->source) && same_code(how == 1 ? tgt : src, &e->target);
}

/*
 * Events, matched one to one on (type, source, target), roles aside;
 * CONSULT, AGREE and COOPERATE also with the dyad reversed (the rule of the
 * gold files). Pairs whose roles agree too are matched first, so that the
 * order of the events does not decide the roles' score. Every extra event
 * lowers precision, every missed one recall.
 * A gold event must give its type, source and target as strings: one that
 * does not is reported with the gold file and its index and not scored (the
 * run goes on and ends with status 1). Every other field is optional.
 */
static void score_events(eval *ev, const char *label, const char *gpath, const dyad_json *gold, const dyad_document *d)
{
	const dyad_json *arr = dyad_json_get(gold, "events"), *it;
	char *used;
	size_t k, index, n = d->nevents, *took, ngold = 0;

	if (arr == NULL || arr->type != DYAD_JSON_ARRAY)
		return;
	used = dyad_arena_alloc(ev->arena, n + 1);
	memset(used, 0, n + 1);
	for (it = arr->child; it; it = it->next)
		ngold++;
	took = dyad_arena_alloc(ev->arena, (ngold + 1) * sizeof *took);
	memset(took, 0, (ngold + 1) * sizeof *took);
	/* first the pairs whose roles agree too: took[index] is our event's index + 1 */
	for (it = arr->child, index = 0; it; it = it->next, index++) {
		dyad_str type = dyad_json_get_str(it, "type"), src = dyad_json_get_str(it, "source"),
			 tgt = dyad_json_get_str(it, "target");
		char gs[24], gt[24], t[24];
		if (it->type != DYAD_JSON_OBJECT || type.p == NULL || src.p == NULL || tgt.p == NULL)
			continue;
		gold_side(src, gs);
		gold_side(tgt, gt);
		snprintf(t, sizeof t, "%.*s", (int)type.n, type.p);
		for (k = 0; k < n && !took[index]; k++) {
			int how = used[k] ? 0 : same_event(ev, &d->events[k], t, gs, gt);
			if (how && same_roles(&d->events[k], src, tgt, how)) {
				used[k] = 1;
				took[index] = k + 1;
			}
		}
	}
	for (it = arr->child, index = 0; it; it = it->next, index++) {
		dyad_str type = dyad_json_get_str(it, "type"), src = dyad_json_get_str(it, "source"),
			 tgt = dyad_json_get_str(it, "target");
		char gs[24], gt[24], t[24];
		int hit = 0;

		if (it->type != DYAD_JSON_OBJECT || type.p == NULL || src.p == NULL || tgt.p == NULL) {
			const char *why = "not an object";
			if (it->type == DYAD_JSON_OBJECT)
				why = type.p == NULL  ? "no \"type\" string (required)"
				      : src.p == NULL ? "no \"source\" string (required)"
						      : "no \"target\" string (required)";
			if (d->page->record)
				fprintf(stderr, "dyad eval: %s: record %zu: event %zu: %s\n", gpath, ev->ordinal + 1,
					index, why);
			else
				fprintf(stderr, "dyad eval: %s: event %zu: %s\n", gpath, index, why);
			ev->bad_events++;
			continue;
		}
		gold_side(src, gs);
		gold_side(tgt, gt);
		snprintf(t, sizeof t, "%.*s", (int)type.n, type.p);
		if (took[index]) {
			hit = 1;
			ev->tp_roles++;
			if (same_date(dyad_json_get_str(it, "date"), &d->events[took[index] - 1], d))
				ev->tp_dates++;
		}
		for (k = 0; k < n && !hit; k++) {
			const dyad_event *e = &d->events[k];
			int how = used[k] ? 0 : same_event(ev, e, t, gs, gt);
			if (how == 0)
				continue;
			used[k] = 1;
			hit = 1;
			if (same_roles(e, src, tgt, how))
				ev->tp_roles++;
			else
				role_miss(ev, label, t, how == 1 ? src : tgt, how == 1 ? tgt : src, e, d);
			if (same_date(dyad_json_get_str(it, "date"), e, d))
				ev->tp_dates++;
		}
		{
			int slot = type_slot(ev, dyad_arena_strndup(ev->keep, t, strlen(t)));
			if (hit) {
				ev->tp++;
				ev->type_tp[slot]++;
			} else {
				dyad_str evid = dyad_json_get_str(it, "evidence");
				ev->fn++;
				ev->type_fn[slot]++;
				dyad_buf_printf(&ev->event_misses, "  %s: missed %s %s -> %s: %.*s\n", label, t, gs, gt,
						(int)(evid.n > 160 ? 160 : evid.n), evid.p ? evid.p : "");
			}
		}
	}
	for (k = 0; k < n; k++) {
		const dyad_event *e = &d->events[k];
		const dyad_cameo *cc = dyad_codebook_lookup(ev->codebook, e->cameo);
		const char *t = cc && cc->plover[0] ? cc->plover : "?";
		char os[24], ot[24];
		dyad_span sp = e->evidence;
		int slot;

		if (used[k])
			continue;
		our_side(&e->source, os);
		our_side(&e->target, ot);
		slot = type_slot(ev, dyad_arena_strndup(ev->keep, t, strlen(t)));
		ev->fp++;
		ev->type_fp[slot]++;
		dyad_buf_printf(&ev->event_misses, "  %s: extra %s %s %s -> %s: %.*s\n", label, t, e->cameo, os, ot,
				(int)(sp.end - sp.start > 160 ? 160 : sp.end - sp.start), d->doc.body.p + sp.start);
	}
}

static double ratio(int a, int b)
{
	return b ? (double)a / b : 0.0;
}

static void print_events(const eval *ev)
{
	double p = ratio(ev->tp, ev->tp + ev->fp), r = ratio(ev->tp, ev->tp + ev->fn);
	int i;

	if (ev->tp + ev->fp + ev->fn == 0)
		return;
	printf("\nevents: %d matched, %d extra, %d missed: precision %.3f, recall %.3f, F1 %.3f\n", ev->tp, ev->fp,
	       ev->fn, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
	{
		double pr = ratio(ev->tp_roles, ev->tp + ev->fp), rr = ratio(ev->tp_roles, ev->tp + ev->fn);
		double pd = ratio(ev->tp_dates, ev->tp + ev->fp), rd = ratio(ev->tp_dates, ev->tp + ev->fn);
		printf("with roles: %d of the matched agree: precision %.3f, recall %.3f, F1 %.3f\n", ev->tp_roles, pr,
		       rr, pr + rr > 0 ? 2 * pr * rr / (pr + rr) : 0.0);
		printf("with dates: %d of the matched agree: precision %.3f, recall %.3f, F1 %.3f\n", ev->tp_dates, pd,
		       rd, pd + rd > 0 ? 2 * pd * rd / (pd + rd) : 0.0);
	}
	printf("%-10s %6s %6s %6s %6s\n", "type", "match", "extra", "missed", "F1");
	for (i = 0; i < ev->ntypes; i++) {
		double tp = ev->type_tp[i], pp = ratio(ev->type_tp[i], ev->type_tp[i] + ev->type_fp[i]),
		       rr = ratio(ev->type_tp[i], ev->type_tp[i] + ev->type_fn[i]);
		(void)tp;
		printf("%-10s %6d %6d %6d %6.2f\n", ev->type_name[i], ev->type_tp[i], ev->type_fp[i], ev->type_fn[i],
		       pp + rr > 0 ? 2 * pp * rr / (pp + rr) : 0.0);
	}
	if (ev->event_misses.n)
		printf("\nevent misses:\n%s", ev->event_misses.p);
	if (ev->role_misses.n)
		printf("\nrole misses (matched, roles differ):\n%s", ev->role_misses.p);
}

static void score_doc(void *ctx, const dyad_document *d)
{
	eval *ev = ctx;
	const char *path = d->page->path, *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	char name[512], label[600], gpath[4096];
	dyad_buf raw = DYAD_BUF_INIT;
	const dyad_json *gold, *arr, *it;
	const char *outlet_gold = NULL;

	/* records of one input come one after another: count them for the "records" form */
	if (ev->last_path && strcmp(ev->last_path, path) == 0) {
		ev->ordinal++;
	} else {
		free(ev->last_path);
		ev->last_path = dyad_xstrdup(path);
		ev->ordinal = 0;
	}
	snprintf(name, sizeof name, "%.*s", (int)(dot ? (size_t)(dot - base) : strlen(base)), base);
	if (d->page->record)
		snprintf(label, sizeof label, "%s#%zu", name, ev->ordinal + 1);
	else
		snprintf(label, sizeof label, "%s", name);
	dyad_arena_reset(ev->arena);
	if ((gold = gold_for(ev, d, name, &raw, gpath)) == NULL)
		goto done;
	ev->docs++;
	score_str(ev, label, F_TITLE, gold, d->doc.title, 0);
	score_str(ev, label, F_DATE, gold, d->doc.date, 0);
	score_str(ev, label, F_TIME, gold, d->doc.time, 0);
	score_str(ev, label, F_LANGUAGE, gold, dyad_lang_code(d->lang), 0);
	/* an outlet is right in any spelling: compare canonical names */
	{
		dyad_str g = dyad_json_get_str(gold, "outlet");
		const dyad_json *in_text = dyad_json_get(gold, "outlet_in_text");
		if (g.p) {
			const char *c = dyad_outlets_by_name(ev->outlets, g);
			outlet_gold = c ? c : dyad_arena_strndup(ev->arena, g.p, g.n);
		}
		if (in_text && in_text->type == DYAD_JSON_FALSE && dyad_json_get(gold, "outlet")) {
			/* only the page's address would name the outlet: nothing to find in the text */
			ev->outlet_skipped++;
		} else if (dyad_json_get(gold, "outlet")) {
			const char *ours = d->doc.outlet;
			int same = outlet_gold == NULL ? ours == NULL : ours && strcasecmp(ours, outlet_gold) == 0;
			ev->total[F_OUTLET]++;
			if (same)
				ev->right[F_OUTLET]++;
			else
				miss(ev, label, "outlet", "expected %s, got %s", outlet_gold ? outlet_gold : "null",
				     ours ? ours : "null");
		}
	}
	score_str(ev, label, F_DATELINE, gold, d->doc.dateline, 1);
	if ((arr = dyad_json_get(gold, "furniture")) && arr->type == DYAD_JSON_ARRAY)
		for (it = arr->child; it; it = it->next) {
			dyad_str line;
			if (it->type != DYAD_JSON_STRING)
				continue;
			line = squeeze(ev->arena, unbullet(it->str));
			ev->total[F_FURNITURE]++;
			if (!body_has_line(ev->arena, d->doc.body, line))
				ev->right[F_FURNITURE]++;
			else
				miss(ev, label, "furniture", "still in the body: \"%.*s\"", (int)line.n, line.p);
		}
	score_people(ev, label, gold, d);
	score_events(ev, label, gpath, gold, d);
	if ((arr = dyad_json_get(gold, "events")) && arr->type == DYAD_JSON_ARRAY)
		for (it = arr->child; it; it = it->next) {
			dyad_str ev_text = dyad_json_get_str(it, "evidence");
			if (ev_text.p == NULL)
				continue;
			ev->total[F_EVIDENCE]++;
			if (body_contains(d->doc.body, ev_text))
				ev->right[F_EVIDENCE]++;
			else
				miss(ev, label, "evidence", "not in the body: \"%.*s\"", (int)ev_text.n, ev_text.p);
		}
done:
	dyad_buf_free(&raw);
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	dyad_cli_input in;
	eval ev;
	dyad_pipeline *p;
	int rc, f, right = 0, total = 0;

	memset(&ev, 0, sizeof ev);
	ev.gold_dir = dyad_cli_get(cmd, a, "gold");
	if (ev.gold_dir == NULL)
		return dyad_cli_usage_error(cmd, "--gold DIR is required");
	if (a->npos == 0)
		return dyad_cli_usage_error(cmd, "no inputs to score");
	if ((rc = dyad_cli_input_parse(cmd, a, &in)) != 0)
		return rc;
	if ((rc = dyad_cli_pipeline_open(&p, &in, DYAD_PIPE_EVENTS)) != 0)
		return rc;
	{
		char dir[4200];
		dyad_errbuf e;
		snprintf(dir, sizeof dir, "%s/codebook", dyad_pipeline_datadir(p));
		if ((ev.codebook = dyad_codebook_load(dir, NULL, NULL, &e)) == NULL) {
			fprintf(stderr, "dyad: cannot load the codebook: %s\n", e.msg);
			dyad_pipeline_close(p);
			return DYAD_EXIT_FATAL;
		}
	}
	ev.keep = dyad_arena_new();
	ev.outlets = dyad_pipeline_outlets(p);
	ev.arena = dyad_arena_new();
	ev.stemmer = dyad_stemmer_new();
	rc = dyad_cli_pipeline_run(p, &in, score_doc, &ev);
	printf("%d documents scored", ev.docs);
	if (ev.no_gold || ev.bad_gold)
		printf(" (%d without gold, %d with unreadable gold)", ev.no_gold, ev.bad_gold);
	printf("\n\n%-10s %6s %6s %9s\n", "field", "right", "total", "accuracy");
	for (f = 0; f < NFIELDS; f++) {
		if (ev.total[f] == 0 && !(f == F_OUTLET && ev.outlet_skipped))
			continue;
		if (ev.total[f])
			printf("%-10s %6d %6d %8.1f%%", field_names[f], ev.right[f], ev.total[f],
			       100.0 * ev.right[f] / ev.total[f]);
		else
			printf("%-10s %6d %6d %9s", field_names[f], 0, 0, "-");
		/* the pages not scored for the outlet are said, after the figures other tools read */
		if (f == F_OUTLET && ev.outlet_skipped)
			printf("  (%d skipped: the text never names the outlet)", ev.outlet_skipped);
		putchar('\n');
		right += ev.right[f];
		total += ev.total[f];
	}
	if (ev.misses.n)
		printf("\nmisses:\n%s", ev.misses.p);
	printf("\nall fields: %d/%d right\n", right, total);
	print_events(&ev);
	if (ev.bad_events)
		printf("\n%d gold event%s without a type, a source or a target: not scored (see above)\n",
		       ev.bad_events, ev.bad_events == 1 ? "" : "s");
	if (rc == DYAD_EXIT_OK && (ev.no_gold || ev.bad_gold || ev.bad_events))
		rc = DYAD_EXIT_INPUT;
	if (rc == DYAD_EXIT_OK && dyad_cli_has(cmd, a, "strict") && (right < total || ev.fp || ev.fn))
		rc = DYAD_EXIT_INPUT;
	dyad_buf_free(&ev.misses);
	free(ev.last_path);
	dyad_stemmer_free(ev.stemmer);
	dyad_codebook_free(ev.codebook);
	dyad_arena_free(ev.keep);
	dyad_buf_free(&ev.event_misses);
	dyad_buf_free(&ev.role_misses);
	dyad_arena_free(ev.arena);
	dyad_pipeline_close(p);
	return rc;
}

const dyad_cmd dyad_cmd_eval = {
	"eval",
	90,
	"score dyad's documents against gold files",
	"--gold DIR [options] FILE|DIR...",
	"For each input, reads the gold file DIR/<input file name without extension>.json and scores\n"
	"title, date, time, language, outlet (any spelling the outlet dictionary knows), dateline, the\n"
	"furniture lines that must not be paragraphs of the body, and the evidence sentences that\n"
	"must be in it. A gold null or \"\" (a page without a headline) wants none from dyad; an outlet\n"
	"with \"outlet_in_text\": false is skipped, not scored. An input with several pages (JSON Lines,\n"
	"WARC) has one gold file holding {\"records\": [...]}, one object per page in order. Prints\n"
	"per-field accuracy and every miss; events are matched on type and sides, pairs whose roles\n"
	"agree first, and a matched event whose roles differ is listed as \"roles\".",
	opts,
	run,
};
