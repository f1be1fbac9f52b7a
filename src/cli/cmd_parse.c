/*
 * cmd_parse.c — `dyad parse`: pages in, clean documents out, one JSON object
 * per line (docs/formats.md), or text for a person with --format text.
 */
#include "cli.h"
#include "pipeline.h"

#include <stdio.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	DYAD_CLI_OPT_INPUT,      { "format", 'f', "FORMAT", "write json (JSON Lines, the default) or text" },
	DYAD_CLI_OPT_DATA,       DYAD_CLI_OPT_JOBS,
	{ NULL, 0, NULL, NULL },
};

struct out {
	dyad_buf buf;
	int text;
};

static void emit(void *ctx, const dyad_document *d)
{
	struct out *o = ctx;

	if (!o->text) {
		dyad_document_json_write(stdout, &o->buf, d);
		return;
	}
	dyad_buf_clear(&o->buf);
	dyad_document_text(&o->buf, d);
	dyad_buf_putc(&o->buf, '\n');
	fwrite(o->buf.p, 1, o->buf.n, stdout);
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *fmt = dyad_cli_get(cmd, a, "format");
	struct out o = { DYAD_BUF_INIT, 0 };
	dyad_cli_input in;
	dyad_pipeline *p;
	int rc;

	if ((rc = dyad_cli_input_parse(cmd, a, &in)) != 0)
		return rc;
	if (fmt && strcmp(fmt, "json") != 0 && strcmp(fmt, "text") != 0)
		return dyad_cli_usage_error(cmd, "unknown output format '%s' (expected json or text)", fmt);
	o.text = fmt && strcmp(fmt, "text") == 0;
	if ((rc = dyad_cli_pipeline_open(&p, &in, 0)) != 0)
		return rc;
	rc = dyad_cli_pipeline_run(p, &in, emit, &o);
	dyad_pipeline_close(p);
	dyad_buf_free(&o.buf);
	return rc;
}

const dyad_cmd dyad_cmd_parse = {
	"parse",
	20,
	"read news pages and print clean documents",
	"[options] [FILE|DIR|-]...",
	"Reads plain-text page dumps, HTML, JSON Lines and WARC (.gz) and prints one clean document per\n"
	"page: title, publication date and time, outlet, dateline, language, author, the article body,\n"
	"the furniture lines removed, and the sentences as code point offsets into the body.\n"
	"Without inputs it reads standard input. A page that cannot be read is named on stderr and the\n"
	"rest is still done; the exit status is then 1.",
	opts,
	run,
};
