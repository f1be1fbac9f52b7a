/*
 * pipeline.h — what the commands that read pages share around the library's
 * pipeline (dyad/pipeline.h): their input options read in one place, the
 * pipeline opened and run with errors on stderr, and documents written as
 * JSON or as text for a person.
 */
#ifndef DYAD_CLI_PIPELINE_H
#define DYAD_CLI_PIPELINE_H

#include <stdio.h>

#include "cli.h"
#include "dyad/pipeline.h"

/* The options of the commands that read pages, as their tables list them. */
#define DYAD_CLI_OPT_INPUT                                                                                \
	{                                                                                                 \
		"input", 'i', "FORMAT", "read inputs as text, html, jsonl or warc (default: detect each)" \
	}
#define DYAD_CLI_OPT_DATA                                                                    \
	{                                                                                    \
		"data", 0, "DIR", "read dictionaries from DIR instead of the installed ones" \
	}
#define DYAD_CLI_OPT_RAW                                                                                  \
	{                                                                                                 \
		"raw", 0, NULL, "the input is article text already: no cleaning, offsets are the input's" \
	}
#define DYAD_CLI_OPT_DATE                                                                                \
	{                                                                                                \
		"date", 0, "DATE", "the documents' date for offices when a page gives none (YYYY-MM-DD)" \
	}
#define DYAD_CLI_OPT_JOBS                                                                                \
	{                                                                                                \
		"jobs", 'j', "N", "code N documents at once on N threads (default: the number of cores)" \
	}

/** What those options say, once read; the pipeline's flags are the command's own. */
typedef struct {
	dyad_format format;    /* --input */
	dyad_pipeline_opts po; /* --data, --raw, --date; warnings to stderr */
	int jobs;              /* --jobs; 1 for a command without it */
	char **paths;          /* the positional arguments: inputs (none: stdin) */
	int npaths;
} dyad_cli_input;

/**
 * Read --input, --data, --raw, --date and --jobs, as far as cmd's table has
 * them, into `out` (po.flags gets DYAD_PIPE_RAW for --raw). Returns 0, or
 * DYAD_EXIT_USAGE after the standard usage error.
 */
int dyad_cli_input_parse(const dyad_cmd *cmd, const dyad_cli_args *a, dyad_cli_input *out);

/**
 * Open the pipeline `in` asks for, with `flags` added (DYAD_PIPE_*). Returns
 * 0, or DYAD_EXIT_FATAL with "dyad: <what could not be loaded>" printed.
 */
int dyad_cli_pipeline_open(dyad_pipeline **out, const dyad_cli_input *in, unsigned flags);

/**
 * Make every page of in's inputs into a document (on in->jobs threads) and
 * call fn with each, in input order, on this thread. Unreadable inputs and
 * repaired pages are named on stderr as they come. Returns DYAD_EXIT_OK, or
 * DYAD_EXIT_INPUT if any input failed.
 */
int dyad_cli_pipeline_run(dyad_pipeline *p, const dyad_cli_input *in, void (*fn)(void *ctx, const dyad_document *d),
			  void *ctx);

/** Append `,"name":"v"` to a JSON object being written, or `,"name":null` when v is NULL or empty. */
void dyad_json_opt(dyad_buf *b, const char *name, const char *v);

/**
 * Append an actor's identity to a JSON object being written: `,"id":…,
 * "name":…,"name_ru":…,"wikidata":…` (null where unknown). The actor is the
 * lexicon entity `entity` (UINT32_MAX for none), else the person, country or
 * organisation by key (dyad_lexicon_actor). A person the lexicon lacks keeps
 * the name the page gave, in the field of its script.
 */
void dyad_actor_identity_json(dyad_buf *b, const dyad_lexicon *lx, uint32_t entity, const char *person,
			      const char *country, const char *igo);

/** Append the document as one JSON object (no newline) to b. */
void dyad_document_json(dyad_buf *b, const dyad_document *d);

/** Write the document as one JSON line to f, through b a megabyte at most (a long body is not held twice). */
void dyad_document_json_write(FILE *f, dyad_buf *b, const dyad_document *d);

/** Append the document for a person to read. */
void dyad_document_text(dyad_buf *b, const dyad_document *d);

#endif
