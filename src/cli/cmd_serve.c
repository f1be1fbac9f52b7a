/*
 * cmd_serve.c — `dyad serve`: the dashboard and the JSON API of
 * docs/api.md over HTTP, read-only on the knowledge base.
 */
#include "kb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dyad/serve.h"

static const dyad_cli_opt opts[] = {
	{ "db", 0, "DB", "the knowledge base: a file, or postgresql://HOST/NAME (default: dyad.db), read-only" },
	{ "bind", 'b', "ADDR", "the IPv4 address to listen on (default: 127.0.0.1, this machine only)" },
	{ "port", 'p', "N", "the port (default: 8080)" },
	{ "threads", 0, "N", "worker threads (default: 4)" },
	{ "max-per-client", 0, "N", "connections one address may hold open (default: 32)" },
	{ "log", 0, NULL, "one line per request on stderr" },
	{ NULL, 0, NULL, NULL },
};

/* A whole number in [lo, hi] from an option, or -1. */
static long number(const char *v, long lo, long hi)
{
	char *end;
	long x;

	if (v == NULL || !*v)
		return -1;
	x = strtol(v, &end, 10);
	return *end || x < lo || x > hi ? -1 : x;
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	dyad_serve_opts o;
	const char *port = dyad_cli_get(cmd, a, "port"), *threads = dyad_cli_get(cmd, a, "threads");
	const char *per_client = dyad_cli_get(cmd, a, "max-per-client");
	struct stat st;
	dyad_errbuf e;
	int rc;

	if (a->npos)
		return dyad_cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
	memset(&o, 0, sizeof o);
	o.db = dyad_cli_get(cmd, a, "db") ? dyad_cli_get(cmd, a, "db") : "dyad.db";
	o.bind = dyad_cli_get(cmd, a, "bind");
	o.log = dyad_cli_has(cmd, a, "log");
	if (port && number(port, 1, 65535) < 0)
		return dyad_cli_usage_error(cmd, "--port wants a number from 1 to 65535, not '%s'", port);
	if (threads && number(threads, 1, 64) < 0)
		return dyad_cli_usage_error(cmd, "--threads wants a number from 1 to 64, not '%s'", threads);
	if (per_client && number(per_client, 1, 1000) < 0)
		return dyad_cli_usage_error(cmd, "--max-per-client wants a number from 1 to 1000, not '%s'", per_client);
	o.max_per_client = per_client ? (unsigned)number(per_client, 1, 1000) : 0;
	o.port = port ? (unsigned)number(port, 1, 65535) : 0;
	o.threads = threads ? (unsigned)number(threads, 1, 64) : 0;
	if (dyad_store_is_file(o.db) && stat(o.db, &st) != 0) {
		fprintf(stderr, "dyad: %s: no such knowledge base (create it with `dyad ingest --db %s PAGES`)\n", o.db,
			o.db);
		return DYAD_EXIT_FATAL;
	}
	if ((rc = dyad_serve(&o, &e)) < 0) {
		fprintf(stderr, "dyad: %s\n", e.msg);
		return rc == DYAD_EUSAGE ? DYAD_EXIT_USAGE : DYAD_EXIT_FATAL;
	}
	return 0;
}

const dyad_cmd dyad_cmd_serve = {
	"serve",
	70,
	"serve the dashboard and the JSON API over HTTP",
	"[--db DB] [--bind ADDR] [--port N] [--threads N] [--max-per-client N] [--log]",
	"Serves the knowledge base read-only: the dashboard (a dyad's timeline, the latest events, the\n"
	"network of actors, documents with their evidence, search) at http://127.0.0.1:8080/ and the JSON\n"
	"API of docs/api.md under /api/. Pages and assets are compiled in; nothing is loaded from another\n"
	"machine. Listens on this machine only unless --bind says otherwise. One address holds at most\n"
	"--max-per-client connections, and a connection that sends no whole request within 5 s is closed,\n"
	"so idle clients cannot keep others out. Ctrl-C stops it.",
	opts,
	run,
};
