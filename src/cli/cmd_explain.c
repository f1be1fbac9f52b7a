/*
 * cmd_explain.c — `dyad explain`: sentence by sentence, its clauses, the
 * actors found, the events coded with the pattern that fired, and the events set aside with
 * the reason, so a person can see why dyad coded what it did.
 */
#include "cli.h"
#include "events_out.h"
#include "pipeline.h"

#include <stdio.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	DYAD_CLI_OPT_INPUT,
	DYAD_CLI_OPT_DATA,
	DYAD_CLI_OPT_JOBS,
	{ NULL, 0, NULL, NULL },
};

static void side_text(dyad_buf *b, const dyad_side *s)
{
	dyad_buf_printf(b, "%s", s->code[0] ? s->code : "?");
	if (s->person)
		dyad_buf_printf(b, " (%s)", s->person);
	if (s->how)
		dyad_buf_printf(b, " [%s]", s->how);
}

/* A phrase of a clause: its words and the actor it holds. */
static void arg_text(dyad_buf *b, const dyad_document *d, const dyad_clause_arg *x)
{
	const dyad_token *t = d->toks;
	size_t from = t[x->ts].span.start, to = t[x->te - 1].span.end;

	dyad_buf_printf(b, "\"%.*s\"", (int)(to - from), d->doc.body.p + from);
	if (x->mention >= 0) {
		const dyad_mention *m = &d->mentions[x->mention];
		dyad_buf_printf(b, " = %s", m->code[0] ? m->code : (m->country[0] ? m->country : "-"));
	}
}

/*
 * The clauses of sentence s, tokens [ts, te), whose mentions are mentions[m0, m1): a line each with
 * the predicate, its voice, the subject and how it was told, and the other phrases by role.
 */
static void clause_lines(dyad_buf *b, dyad_arena *a, const dyad_document *d, size_t ts, size_t te, size_t m0, size_t m1)
{
	dyad_clauses cs;
	size_t i, k;

	dyad_clauses_find(a, d->doc.body, d->toks, d->morph, ts, te, d->mentions + m0, m1 - m0, &cs);
	for (i = 0; i < cs.n; i++) {
		const dyad_clause *cl = &cs.cl[i];
		size_t from = d->toks[cl->pred].span.start, to = d->toks[cl->pred_end - 1].span.end;
		dyad_buf_printf(b, "    clause  %.*s (%s): subject ", (int)(to - from), d->doc.body.p + from,
				cl->passive ? "passive" : "active");
		if (cl->has_subject) {
			dyad_clause_arg x = cl->subject;
			if (x.mention >= 0)
				x.mention += (long)m0;
			arg_text(b, d, &x);
			dyad_buf_printf(b, " [%s]", x.how);
		} else {
			dyad_buf_puts(b, "-");
		}
		for (k = 0; k < cl->nobj; k++) {
			dyad_clause_arg x = cl->obj[k];
			if (x.mention >= 0)
				x.mention += (long)m0;
			dyad_buf_printf(b, "; %s ", x.role);
			arg_text(b, d, &x);
		}
		dyad_buf_putc(b, '\n');
	}
	if (cs.note)
		dyad_buf_printf(b, "    clause  (%s)\n", cs.note);
	dyad_arena_reset(a);
}

static void emit(void *ctx, const dyad_document *d)
{
	dyad_events_out *o = ctx;
	dyad_buf *b = &o->buf;
	size_t s, k, m = 0, t = 0;
	dyad_arena *a = dyad_arena_new();

	dyad_buf_clear(b);
	dyad_buf_printf(b, "== %s%s%s\n", d->page->path, d->page->record ? " #" : "",
			d->page->record ? d->page->record : "");
	dyad_buf_printf(b, "   %s | %s | %s | dateline %s | %s\n", d->doc.title ? d->doc.title : "(no title)",
			d->doc.date ? d->doc.date : "(no date)", d->doc.outlet ? d->doc.outlet : "(no outlet)",
			d->doc.dateline ? d->doc.dateline : "-", dyad_lang_code(d->lang));
	for (s = 0; s < d->nsent; s++) {
		dyad_span sp = d->sent_bytes[s];
		int any = 0;
		size_t m0 = m, ts, m1;

		dyad_buf_printf(b, "\n[%zu] %.*s\n", s + 1, (int)(sp.end - sp.start), d->doc.body.p + sp.start);
		/* the sentence's tokens and mentions (a document coded in windows keeps no tokens) */
		while (m0 < d->nmentions && d->mentions[m0].sentence < s)
			m0++;
		for (m1 = m0; m1 < d->nmentions && d->mentions[m1].sentence == s; m1++)
			;
		while (d->toks && t < d->ntoks && d->toks[t].span.start < sp.start)
			t++;
		for (ts = t; d->toks && t < d->ntoks && d->toks[t].span.start < sp.end; t++)
			;
		if (d->toks && t > ts)
			clause_lines(b, a, d, ts, t, m0, m1);
		for (; m < d->nmentions && d->mentions[m].sentence <= s; m++) {
			const dyad_mention *x = &d->mentions[m];
			if (x->sentence < s)
				continue;
			dyad_buf_printf(b, "    actor   %-8s %-10s %.*s", dyad_mention_kind_name(x->kind),
					x->code[0] ? x->code : (x->country[0] ? x->country : "-"),
					(int)(x->span.end - x->span.start), d->doc.body.p + x->span.start);
			if (x->person)
				dyad_buf_printf(b, " = %s%s", x->person, x->resolved ? " (named earlier)" : "");
			dyad_buf_putc(b, '\n');
		}
		for (k = 0; k < d->nevents_all; k++) {
			const dyad_event *e = &d->events[k];
			if (e->sentence != s)
				continue;
			any = 1;
			dyad_buf_printf(b, "    %s %s ", e->why ? "no     " : "EVENT  ", e->cameo);
			side_text(b, &e->source);
			dyad_buf_puts(b, e->reciprocal ? " <-> " : " -> ");
			side_text(b, &e->target);
			if (e->modality != DYAD_MOD_DONE)
				dyad_buf_printf(b, " [%s]", dyad_modality_name(e->modality));
			dyad_buf_printf(b, "\n            by %s%s%s\n", e->rule ? e->rule : "?",
					e->why ? "; set aside: " : "", e->why ? e->why : "");
		}
		if (!any)
			dyad_buf_puts(b, "    (no pattern matched)\n");
	}
	fwrite(b->p, 1, b->n, stdout);
	dyad_arena_free(a);
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	dyad_cli_input in;
	dyad_events_out o;
	dyad_pipeline *p;
	int rc;

	if ((rc = dyad_cli_input_parse(cmd, a, &in)) != 0)
		return rc;
	if (a->npos == 0)
		return dyad_cli_usage_error(cmd, "name the page(s) to explain");
	if ((rc = dyad_cli_pipeline_open(&p, &in, DYAD_PIPE_EVENTS | DYAD_PIPE_EXPLAIN)) != 0)
		return rc;
	if ((rc = dyad_events_out_open(&o, p, DYAD_EVENTS_JSON)) == 0) {
		rc = dyad_cli_pipeline_run(p, &in, emit, &o);
		dyad_events_out_close(&o);
	}
	dyad_pipeline_close(p);
	return rc;
}

const dyad_cmd dyad_cmd_explain = {
	"explain",
	45,
	"show, sentence by sentence, why each event was or was not coded",
	"[options] FILE...",
	"Reads pages as `dyad code` does and prints each sentence of each document with its clauses\n"
	"(predicate, voice, subject and the other phrases by role, with the actor each holds), the\n"
	"actors found in it, the events coded from it with the pattern that fired (file:line: pattern), and\n"
	"the events a pattern matched but dyad set aside, with the reason: no source or target, the\n"
	"same actor on both sides, negated, hypothetical, or a repeat of an earlier event.",
	opts,
	run,
};
