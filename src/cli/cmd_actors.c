/*
 * cmd_actors.c — `dyad actors`: pages in, actor mentions out, one JSON object
 * per mention (docs/formats.md, "Actor mentions"), or a table for a person.
 */
#include "cli.h"
#include "events_out.h"
#include "pipeline.h"

#include <stdio.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	DYAD_CLI_OPT_INPUT,      { "format", 'f', "FORMAT", "write json (JSON Lines, the default) or text" },
	DYAD_CLI_OPT_RAW,        DYAD_CLI_OPT_DATE,
	DYAD_CLI_OPT_DATA,       DYAD_CLI_OPT_JOBS,
	{ NULL, 0, NULL, NULL },
};

struct out {
	dyad_buf buf;
	int text;
	const dyad_lexicon *lx;
};

static void mention_json(dyad_buf *b, const dyad_lexicon *lx, const dyad_document *d, const dyad_mention *m,
			 size_t start, size_t end)
{
	int place = m->kind == DYAD_MENTION_LOCATION;

	dyad_buf_printf(b, "{\"doc\":\"%016llx\",\"path\":", (unsigned long long)d->page->id);
	dyad_buf_json_str(b, dyad_str_c(d->page->path));
	dyad_json_opt(b, "record", d->page->record);
	dyad_buf_puts(b, ",\"text\":");
	dyad_buf_json_str(b, (dyad_str){ d->doc.body.p + m->span.start, m->span.end - m->span.start });
	dyad_buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"kind\":\"%s\"", start, end, dyad_mention_kind_name(m->kind));
	dyad_json_opt(b, "code", m->code);
	dyad_json_opt(b, "country", m->country);
	dyad_json_opt(b, "igo", m->igo);
	dyad_json_opt(b, "role", m->role);
	dyad_json_opt(b, "person", m->person);
	/* a place is not an actor: it names no one */
	dyad_actor_identity_json(b, lx, place ? UINT32_MAX : m->entity, m->person, place ? NULL : m->country,
				 place ? NULL : m->igo);
	dyad_json_opt(b, "title", m->title);
	dyad_buf_printf(b, ",\"sentence\":%zu,\"resolved\":%s,\"place\":", m->sentence, m->resolved ? "true" : "false");
	if (m->kind == DYAD_MENTION_LOCATION)
		dyad_place_json(b, m->place, m->name, m->country);
	else
		dyad_buf_puts(b, "null");
	dyad_buf_puts(b, "}\n");
}

static void mention_text(dyad_buf *b, const dyad_document *d, const dyad_mention *m)
{
	dyad_buf_printf(b, "%-8s %-10s %-9s %.*s", dyad_mention_kind_name(m->kind), m->code[0] ? m->code : "-",
			m->country[0] ? m->country
			: m->igo      ? m->igo
				      : "-",
			(int)(m->span.end - m->span.start), d->doc.body.p + m->span.start);
	if (m->person)
		dyad_buf_printf(b, "  = %s%s", m->person, m->resolved ? " (earlier)" : "");
	if (m->title)
		dyad_buf_printf(b, ", %s", m->title);
	dyad_buf_putc(b, '\n');
}

static void emit(void *ctx, const dyad_document *d)
{
	struct out *o = ctx;
	size_t i, cb = 0, cc = 0;

	dyad_buf_clear(&o->buf);
	if (o->text)
		dyad_buf_printf(&o->buf, "== %s%s%s  %s  %zu mentions\n", d->page->path, d->page->record ? " #" : "",
				d->page->record ? d->page->record : "", d->doc.date ? d->doc.date : "(no date)",
				d->nmentions);
	for (i = 0; i < d->nmentions; i++) {
		const dyad_mention *m = &d->mentions[i];
		if (o->text) {
			mention_text(&o->buf, d, m);
		} else {
			size_t s = dyad_document_cp(d, m->span.start, &cb, &cc);
			size_t e = dyad_document_cp(d, m->span.end, &cb, &cc);
			mention_json(&o->buf, o->lx, d, m, s, e);
		}
	}
	fwrite(o->buf.p, 1, o->buf.n, stdout);
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format");
	struct out o = { DYAD_BUF_INIT, 0, NULL };
	dyad_cli_input in;
	dyad_pipeline *p;
	int rc;

	if ((rc = dyad_cli_input_parse(cmd, a, &in)) != 0)
		return rc;
	if (fmt && strcmp(fmt, "json") != 0 && strcmp(fmt, "text") != 0)
		return dyad_cli_usage_error(cmd, "unknown output format '%s' (expected json or text)", fmt);
	o.text = fmt && strcmp(fmt, "text") == 0;
	if ((rc = dyad_cli_pipeline_open(&p, &in, DYAD_PIPE_ACTORS)) != 0)
		return rc;
	o.lx = dyad_pipeline_lexicon(p);
	rc = dyad_cli_pipeline_run(p, &in, emit, &o);
	dyad_pipeline_close(p);
	dyad_buf_free(&o.buf);
	return rc;
}

const dyad_cmd dyad_cmd_actors = {
	"actors",
	30,
	"find countries, organisations, people and places in news pages",
	"[options] [FILE|DIR|-]...",
	"Reads pages as `dyad parse` does and prints every actor mention of each document body: its\n"
	"text and code point span, its kind (country, igo, person, role, location), its CAMEO-style\n"
	"code (KAZGOV, BLRLEG, IGOSCO), country, organisation, role, the person's canonical name and\n"
	"office on the document's date, and the sentence it is in. Later mentions (a surname alone,\n"
	"\"глава государства\", \"the ambassador\") are resolved to the person named before.",
	opts,
	run,
};
