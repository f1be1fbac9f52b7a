/*
 * cmd_code.c — `dyad code`: pages in, events out, one JSON object per event
 * (docs/formats.md, "Events"). The event writers live in events_out.c so
 * that `dyad explain` and, later, the store write events the same way.
 */
#include "cli.h"
#include "events_out.h"
#include "pipeline.h"

#include "dyad/petrarch.h"

#include <stdio.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	DYAD_CLI_OPT_INPUT,
	{ "format", 'f', "FORMAT", "write json (JSON Lines, the default), csv, gdelt or plover" },
	{ "names", 0, "LANG", "name actors and people in en (default) or ru" },
	DYAD_CLI_OPT_DATA,
	DYAD_CLI_OPT_RAW,
	DYAD_CLI_OPT_DATE,
	{ "dict", 0, "KIND:PATH", "code with other dictionaries: petrarch:DIR (or a config file naming them)" },
	DYAD_CLI_OPT_JOBS,
	{ NULL, 0, NULL, NULL },
};

static void emit(void *ctx, const dyad_document *d)
{
	dyad_events_out *o = ctx;
	size_t i;

	dyad_buf_clear(&o->buf);
	for (i = 0; i < d->nevents; i++)
		dyad_event_write(o, d, &d->events[i], i);
	if (o->buf.n)
		fwrite(o->buf.p, 1, o->buf.n, stdout);
}

/* `dyad code --dict petrarch:DIR`: each sentence coded by the PETRARCH dictionaries. */
typedef struct {
	dyad_events_out out;
	dyad_petrarch *petr;
	dyad_arena *arena;
} petr_run;

static void emit_petrarch(void *ctx, const dyad_document *d)
{
	petr_run *r = ctx;
	dyad_document doc = *d;
	dyad_event *ev = NULL;
	size_t i, n = 0, cap = 0, k;
	dyad_ymd day = d->day;

	if (day <= 0 && d->page->published.n)
		day = dyad_ymd_parse(
			(dyad_str){ d->page->published.p, d->page->published.n < 10 ? d->page->published.n : 10 });
	if (day < 0)
		day = 0;
	dyad_arena_reset(r->arena);
	for (i = 0; i < d->nsent; i++) {
		dyad_span s = d->sent_bytes[i];
		dyad_petrarch_event *pe;
		int discard;
		size_t m = dyad_petrarch_code(r->petr, r->arena, (dyad_str){ d->doc.body.p + s.start, s.end - s.start },
					      day, &pe, &discard);
		if (discard == DYAD_PETR_DISCARD_STORY) {
			n = 0;
			break;
		}
		for (k = 0; k < m; k++) {
			dyad_event *e;
			if (n == cap) {
				dyad_event *nv;
				cap = cap ? cap * 2 : 16;
				nv = dyad_arena_zalloc(r->arena, cap * sizeof *nv);
				if (n)
					memcpy(nv, ev, n * sizeof *nv);
				ev = nv;
			}
			e = &ev[n++];
			memset(e, 0, sizeof *e);
			snprintf(e->source.code, sizeof e->source.code, "%s", pe[k].source);
			snprintf(e->target.code, sizeof e->target.code, "%s", pe[k].target);
			snprintf(e->cameo, sizeof e->cameo, "%s", pe[k].code);
			e->reciprocal = pe[k].reciprocal;
			e->modality = DYAD_MOD_DONE;
			e->date = day;
			e->date_from_publication = day > 0;
			e->sentence = i;
			e->evidence = s;
			e->rule = pe[k].rule;
		}
	}
	doc.events = ev;
	doc.nevents = doc.nevents_all = n;
	emit(&r->out, &doc);
}

static int run_petrarch(const dyad_cli_input *in, const char *dir, int ofmt)
{
	dyad_pipeline *p;
	dyad_errbuf e;
	petr_run r;
	int rc;

	/* the pages cleaned and split into sentences, which the PETRARCH dictionaries code */
	if ((rc = dyad_cli_pipeline_open(&p, in, DYAD_PIPE_EVENTS_ONLY)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.petr = dyad_petrarch_load(dir, dyad_cli_warn, NULL, &e);
	if (r.petr == NULL) {
		fprintf(stderr, "dyad: cannot load the PETRARCH dictionaries: %s\n", e.msg);
		dyad_pipeline_close(p);
		return DYAD_EXIT_FATAL;
	}
	r.arena = dyad_arena_new();
	if ((rc = dyad_events_out_open(&r.out, p, ofmt)) == 0) {
		rc = dyad_cli_pipeline_run(p, in, emit_petrarch, &r);
		dyad_events_out_close(&r.out);
	}
	dyad_arena_free(r.arena);
	dyad_petrarch_free(r.petr);
	dyad_pipeline_close(p);
	return rc;
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format");
	const char *dict = dyad_cli_get(cmd, a, "dict"), *names = dyad_cli_get(cmd, a, "names");
	dyad_cli_input in;
	dyad_events_out o;
	dyad_pipeline *p;
	int rc, ofmt = DYAD_EVENTS_JSON;

	if ((rc = dyad_cli_input_parse(cmd, a, &in)) != 0)
		return rc;
	if (fmt && (ofmt = dyad_events_format_parse(fmt)) < 0)
		return dyad_cli_usage_error(cmd, "unknown output format '%s' (expected json, csv, gdelt or plover)", fmt);
	if (names && strcmp(names, "en") != 0 && strcmp(names, "ru") != 0)
		return dyad_cli_usage_error(cmd, "--names wants en or ru, not '%s'", names);
	if (dict && strncmp(dict, "petrarch:", 9) != 0)
		return dyad_cli_usage_error(cmd, "unknown dictionary kind in '%s' (expected petrarch:DIR)", dict);
	if (dict && dict[9] == '\0')
		return dyad_cli_usage_error(cmd, "--dict petrarch: needs a folder or config file after the colon");
	if (dict)
		return run_petrarch(&in, dict + 9, ofmt);
	/* mentions are written only as events' sides */
	if ((rc = dyad_cli_pipeline_open(&p, &in, DYAD_PIPE_EVENTS | DYAD_PIPE_EVENTS_ONLY)) != 0)
		return rc;
	if ((rc = dyad_events_out_open(&o, p, ofmt)) == 0) {
		o.names_ru = names && strcmp(names, "ru") == 0;
		rc = dyad_cli_pipeline_run(p, &in, emit, &o);
		dyad_events_out_close(&o);
	}
	dyad_pipeline_close(p);
	return rc;
}

const dyad_cmd dyad_cmd_code = {
	"code",
	40,
	"code political events in news pages",
	"[options] [FILE|DIR|-]...",
	"Reads pages as `dyad parse` does, finds their actors as `dyad actors` does, and prints the\n"
	"events each sentence states: source and target actors, CAMEO code with its name, Goldstein\n"
	"score and QuadClass, PLOVER type, mode, modality, date, location, the evidence sentence with\n"
	"its code point span, and the patterns that fired. --format gdelt writes GDELT 2.0 event rows\n"
	"(61 tab-separated columns), --format plover PLOVER JSON Lines (the PLOVER manual's data fields,\n"
	"categories from the public CAMEO→PLOVER table), --format csv every field of the JSON. With --dict "
	"petrarch:DIR\n"
	"the sentences are coded by PETRARCH/TABARI dictionaries instead (docs/dictionaries.md).",
	opts,
	run,
};
