/*
 * cmd_code.c — `dyad code`: pages in, events out, one JSON object per event
 * (docs/formats.md, "Events"). The event writers live in events_out.c so
 * that `dyad explain` and, later, the store write events the same way.
 */
#include "cli.h"
#include "events_out.h"
#include "pipeline.h"

#include <stdio.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	{ "input", 'i', "FORMAT", "read inputs as text, html, jsonl or warc (default: detect each)" },
	{ "format", 'f', "FORMAT", "write json (JSON Lines, the default), gdelt or plover" },
	{ "data", 0, "DIR", "read dictionaries from DIR instead of the installed ones" },
	{ "raw", 0, NULL, "the input is article text already: no cleaning, offsets are the input's" },
	{ "date", 0, "DATE", "the documents' date for offices when a page gives none (YYYY-MM-DD)" },
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

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *in = dyad_cli_get(cmd, a, "input"), *fmt = dyad_cli_get(cmd, a, "format");
	dyad_events_out o;
	dyad_pipeline p;
	int format = DYAD_FMT_AUTO, rc, ofmt = DYAD_EVENTS_JSON;

	if (in && (format = dyad_format_parse(in)) < 0)
		return dyad_cli_usage_error(cmd, "unknown input format '%s' (expected text, html, jsonl or warc)", in);
	if (fmt && (ofmt = dyad_events_format_parse(fmt)) < 0)
		return dyad_cli_usage_error(cmd, "unknown output format '%s' (expected json, gdelt or plover)", fmt);
	if ((rc = dyad_pipeline_open(&p, dyad_cli_get(cmd, a, "data"))) != 0)
		return rc;
	p.raw = dyad_cli_has(cmd, a, "raw");
	if (dyad_cli_get(cmd, a, "date") && (p.default_day = dyad_ymd_parse(dyad_str_c(dyad_cli_get(cmd, a, "date")))) <= 0) {
		dyad_pipeline_close(&p);
		return dyad_cli_usage_error(cmd, "bad date '%s' (expected YYYY-MM-DD)", dyad_cli_get(cmd, a, "date"));
	}
	if ((rc = dyad_pipeline_want_events(&p)) == 0 && (rc = dyad_events_out_open(&o, &p, ofmt)) == 0) {
		rc = dyad_pipeline_run(&p, a->pos, a->npos, (dyad_format)format, emit, &o);
		dyad_events_out_close(&o);
	}
	dyad_pipeline_close(&p);
	return rc;
}

const dyad_cmd dyad_cmd_code = {
	"code", 40, "code political events in news pages",
	"[options] [FILE|DIR|-]...",
	"Reads pages as `dyad parse` does, finds their actors as `dyad actors` does, and prints the\n"
	"events each sentence states: source and target actors, CAMEO code with its name, Goldstein\n"
	"score and QuadClass, PLOVER type, mode, modality, date, location, the evidence sentence with\n"
	"its code point span, and the patterns that fired. --format gdelt writes GDELT 2.0 event rows\n"
	"(61 tab-separated columns), --format plover PLOVER JSON Lines.",
	opts, run,
};
