/*
 * cli.h — what every `dyad <verb>` shares: the command record, the declarative
 * option table that drives both parsing and --help, and the exit codes.
 * One cmd_<verb>.c per subcommand defines `const dyad_cmd dyad_cmd_<verb>`;
 * the build finds them by file name, so adding a verb touches no other file.
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdio.h>

#include "dyad/util.h"

/* Exit codes, documented in man/man1/dyad.1. */
enum {
	DYAD_EXIT_OK = 0,    /* everything read and done */
	DYAD_EXIT_INPUT = 1, /* some input could not be read; the rest was done */
	DYAD_EXIT_USAGE = 2, /* bad command line; nothing was done */
	DYAD_EXIT_FATAL = 3  /* dyad could not run at all (dictionaries, database) */
};

#define DYAD_CLI_MAX_OPTS 32

typedef struct {
	const char *name; /* long name without dashes: "format" */
	char short_name;  /* 'f', or 0 */
	const char *arg;  /* placeholder for a value ("FORMAT"), NULL for a flag */
	const char *help; /* one line */
} dyad_cli_opt;

typedef struct {
	const char *val[DYAD_CLI_MAX_OPTS]; /* per option: its value, "" for a flag given, NULL if absent */
	char **pos;                         /* positional arguments, in order */
	int npos;
} dyad_cli_args;

typedef struct dyad_cmd {
	const char *name;         /* the verb */
	int order;                /* place in `dyad --help`: pipeline order */
	const char *summary;      /* one line for `dyad --help` */
	const char *usage;        /* after "dyad <verb> ": "[options] [FILE|-]..." */
	const char *description;  /* a paragraph for `dyad <verb> --help`, or NULL */
	const dyad_cli_opt *opts; /* terminated by an entry with name NULL */
	int (*run)(const struct dyad_cmd *cmd, const dyad_cli_args *args);
} dyad_cmd;

/**
 * Parse argv (after the verb) against cmd->opts. Returns 0 when the command
 * should run, DYAD_EXIT_USAGE after printing one line and a hint to stderr,
 * or -1 when --help was asked for and printed to stdout (exit 0).
 * `out->pos` points into argv.
 */
int dyad_cli_parse(const dyad_cmd *cmd, int argc, char **argv, dyad_cli_args *out);

/** The value of option `name` (as in the table), or NULL if not given. */
const char *dyad_cli_get(const dyad_cmd *cmd, const dyad_cli_args *a, const char *name);
/** 1 if cmd's table has option `name`. */
int dyad_cli_takes(const dyad_cmd *cmd, const char *name);
/** 1 if flag or option `name` was given. */
int dyad_cli_has(const dyad_cmd *cmd, const dyad_cli_args *a, const char *name);

/** Print `dyad <verb> --help` to f. */
void dyad_cli_help(const dyad_cmd *cmd, FILE *f);

/** A loader's warning callback: prints "dyad: MSG" on stderr (ctx unused). */
void dyad_cli_warn(void *ctx, const char *msg);

/** Report a usage error the standard way; returns DYAD_EXIT_USAGE. */
int dyad_cli_usage_error(const dyad_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
