/*
 * pipeline.c — the commands' side of the library's pipeline: their input
 * options read once, the pipeline opened and run over the inputs with
 * errors on stderr, and documents written as JSON or as text for a person.
 */
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int dyad_cli_input_parse(const dyad_cmd *cmd, const dyad_cli_args *a, dyad_cli_input *out)
{
	static const dyad_pipeline_opts po = DYAD_PIPELINE_OPTS_INIT;
	const char *in = dyad_cli_get(cmd, a, "input"), *date = dyad_cli_get(cmd, a, "date");
	const char *jobs = dyad_cli_get(cmd, a, "jobs");
	int format = DYAD_FMT_AUTO;
	char *end;

	memset(out, 0, sizeof *out);
	out->po = po;
	out->po.datadir = dyad_cli_get(cmd, a, "data");
	out->po.warn = dyad_cli_warn;
	out->paths = a->pos;
	out->npaths = a->npos;
	out->jobs = 1;
	if (in && (format = dyad_format_parse(in)) < 0)
		return dyad_cli_usage_error(cmd, "unknown input format '%s' (expected text, html, jsonl or warc)", in);
	out->format = (dyad_format)format;
	if (dyad_cli_has(cmd, a, "raw"))
		out->po.flags |= DYAD_PIPE_RAW;
	if (date && (out->po.default_day = dyad_ymd_parse(dyad_str_c(date))) <= 0)
		return dyad_cli_usage_error(cmd, "bad date '%s' (expected YYYY-MM-DD)", date);
	if (jobs) {
		long j = strtol(jobs, &end, 10);
		if (*jobs == '\0' || *end || j < 1 || j > 256)
			return dyad_cli_usage_error(cmd, "--jobs wants a number of threads from 1 to 256, not '%s'",
						    jobs);
		out->jobs = (int)j;
	} else if (dyad_cli_takes(cmd, "jobs")) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		out->jobs = n < 1 ? 1 : n > 256 ? 256 : (int)n;
	}
	return 0;
}

int dyad_cli_pipeline_open(dyad_pipeline **out, const dyad_cli_input *in, unsigned flags)
{
	dyad_pipeline_opts o = in->po;
	dyad_errbuf e;

	o.flags |= flags;
	if (dyad_pipeline_open(out, &o, &e) < 0) {
		fprintf(stderr, "dyad: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	return 0;
}

void dyad_json_opt(dyad_buf *b, const char *name, const char *v)
{
	dyad_buf_printf(b, ",\"%s\":", name);
	if (v && *v)
		dyad_buf_json_str(b, dyad_str_c(v));
	else
		dyad_buf_puts(b, "null");
}

void dyad_actor_identity_json(dyad_buf *b, const dyad_lexicon *lx, uint32_t entity, const char *person,
			      const char *country, const char *igo)
{
	const dyad_lex_entity *e = lx ? dyad_lexicon_actor(lx, entity, person, country, igo) : NULL;

	if (person && *person && (e == NULL || e->kind != DYAD_LEX_PERSON)) {
		int ru = dyad_name_is_cyrillic(person);
		dyad_json_opt(b, "id", NULL);
		dyad_json_opt(b, "name", ru ? NULL : person);
		dyad_json_opt(b, "name_ru", ru ? person : NULL);
		dyad_json_opt(b, "wikidata", NULL);
		return;
	}
	dyad_json_opt(b, "id", e ? e->id : NULL);
	dyad_json_opt(b, "name", e ? e->name_en : NULL);
	dyad_json_opt(b, "name_ru", e ? e->name_ru : NULL);
	dyad_json_opt(b, "wikidata", e ? e->wikidata : NULL);
}

static void json_field(dyad_buf *b, const char *name, const char *value)
{
	dyad_buf_printf(b, ",\"%s\":", name);
	if (value)
		dyad_buf_json_str(b, dyad_str_c(value));
	else
		dyad_buf_puts(b, "null");
}

/* With a file to write to, the buffer goes out whenever it holds a megabyte: a long body is never held twice. */
static void flush_big(dyad_buf *b, FILE *f)
{
	if (f && b->n >= (1u << 20)) {
		fwrite(b->p, 1, b->n, f);
		dyad_buf_clear(b);
	}
}

static void document_json(dyad_buf *b, const dyad_document *d, FILE *f)
{
	const dyad_page *pg = d->page;
	size_t i, at;

	dyad_buf_printf(b, "{\"id\":\"%016llx\",\"content_hash\":\"%016llx\",\"path\":", (unsigned long long)pg->id,
			(unsigned long long)d->content_hash);
	dyad_buf_json_str(b, dyad_str_c(pg->path));
	json_field(b, "record", pg->record);
	dyad_buf_puts(b, ",\"url\":");
	if (pg->url.n)
		dyad_buf_json_str(b, pg->url);
	else
		dyad_buf_puts(b, "null");
	json_field(b, "format", dyad_format_name(pg->format));
	json_field(b, "language", dyad_lang_code(d->lang));
	json_field(b, "title", d->doc.title);
	json_field(b, "date", d->doc.date);
	json_field(b, "time", d->doc.time);
	json_field(b, "outlet", d->doc.outlet);
	json_field(b, "dateline", d->doc.dateline);
	json_field(b, "author", d->doc.author);
	dyad_buf_puts(b, ",\"body\":\"");
	for (at = 0; at < d->doc.body.n;) {
		/* a megabyte at a time, cut between characters */
		size_t end = d->doc.body.n - at > (1u << 20) ? at + (1u << 20) : d->doc.body.n;
		while (end < d->doc.body.n && ((unsigned char)d->doc.body.p[end] & 0xc0) == 0x80)
			end++;
		dyad_buf_json_chars(b, (dyad_str){ d->doc.body.p + at, end - at });
		flush_big(b, f);
		at = end;
	}
	dyad_buf_putc(b, '"');
	dyad_buf_puts(b, ",\"furniture\":[");
	for (i = 0; i < d->doc.nfurniture; i++) {
		if (i)
			dyad_buf_putc(b, ',');
		dyad_buf_json_str(b, d->doc.furniture[i]);
	}
	dyad_buf_puts(b, "],\"sentences\":[");
	for (i = 0; i < d->nsent; i++) {
		dyad_buf_printf(b, "%s{\"start\":%zu,\"end\":%zu}", i ? "," : "", d->sent_cps[i].start,
				d->sent_cps[i].end);
		flush_big(b, f);
	}
	dyad_buf_puts(b, "]}");
}

void dyad_document_json(dyad_buf *b, const dyad_document *d)
{
	document_json(b, d, NULL);
}

void dyad_document_json_write(FILE *f, dyad_buf *b, const dyad_document *d)
{
	dyad_buf_clear(b);
	document_json(b, d, f);
	dyad_buf_putc(b, '\n');
	fwrite(b->p, 1, b->n, f);
	dyad_buf_clear(b);
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

void dyad_document_text(dyad_buf *b, const dyad_document *d)
{
	const dyad_page *pg = d->page;
	size_t i;

	dyad_buf_printf(b, "== %s%s%s\n", pg->path, pg->record ? " #" : "", pg->record ? pg->record : "");
	dyad_buf_printf(b, "title     %s\n", or_dash(d->doc.title));
	dyad_buf_printf(b, "date      %s%s%s\n", or_dash(d->doc.date), d->doc.time ? " " : "",
			d->doc.time ? d->doc.time : "");
	dyad_buf_printf(b, "outlet    %s\n", or_dash(d->doc.outlet));
	dyad_buf_printf(b, "dateline  %s\n", or_dash(d->doc.dateline));
	dyad_buf_printf(b, "language  %s\n", dyad_lang_code(d->lang));
	if (d->doc.author)
		dyad_buf_printf(b, "author    %s\n", d->doc.author);
	if (pg->url.n)
		dyad_buf_printf(b, "url       %.*s\n", (int)pg->url.n, pg->url.p);
	dyad_buf_printf(b, "id        %016llx\n", (unsigned long long)pg->id);
	dyad_buf_printf(b, "-- body: %zu sentences\n", d->nsent);
	for (i = 0; i < d->nsent; i++) {
		dyad_span s = d->sent_bytes[i];
		dyad_buf_printf(b, "%4zu  %.*s\n", i + 1, (int)(s.end - s.start), d->doc.body.p + s.start);
	}
	dyad_buf_printf(b, "-- furniture: %zu lines\n", d->doc.nfurniture);
	for (i = 0; i < d->doc.nfurniture; i++)
		dyad_buf_printf(b, "   | %.*s\n", (int)d->doc.furniture[i].n, d->doc.furniture[i].p);
}

int dyad_cli_pipeline_run(dyad_pipeline *p, const dyad_cli_input *in, void (*fn)(void *ctx, const dyad_document *d),
			  void *ctx)
{
	const dyad_document *d;
	dyad_errbuf e;
	int rc, failed = 0;

	if (dyad_pipeline_read(p, (const char *const *)in->paths, (size_t)in->npaths, in->format, in->jobs, &e) < 0) {
		fprintf(stderr, "dyad: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	while ((rc = dyad_pipeline_next(p, &d, &e)) != 0) {
		const dyad_page *page;

		if (rc < 0) {
			fprintf(stderr, "dyad: %s\n", e.msg);
			failed = 1;
			continue;
		}
		page = d->page;
		if (page->repaired)
			fprintf(stderr, "dyad: %s%s%s: %zu invalid UTF-8 sequences replaced\n", page->path,
				page->record ? ": record " : "", page->record ? page->record : "", page->repaired);
		fn(ctx, d);
	}
	if (dyad_pipeline_failures(p) > 0)
		failed = 1;
	return failed ? DYAD_EXIT_INPUT : DYAD_EXIT_OK;
}
