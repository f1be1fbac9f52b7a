/*
 * serve.h — `dyad serve`: the knowledge base over HTTP. The JSON API of
 * docs/api.md is a pure function from a request (path and parameters) to an
 * answer, so tests and the fuzzer call it without a socket; the HTTP server
 * (libmicrohttpd) and the pages compiled in from web/ sit around it.
 */
#ifndef DYAD_SERVE_H
#define DYAD_SERVE_H

#include "dyad/store.h"
#include "dyad/util.h"

/* Request limits; docs/api.md states them. */
#define DYAD_API_MAX_URL 2048  /**< bytes of the request's path and query */
#define DYAD_API_MAX_VALUE 256 /**< bytes of one parameter's value */
#define DYAD_API_MAX_PARAMS 16 /**< parameters in one request */
#define DYAD_API_MAX_LIMIT 500 /**< rows in one answer */

typedef struct {
	const char *name, *value;
} dyad_param;

typedef struct {
	int status; /**< HTTP status */
	const char *content_type;
	dyad_buf body;
} dyad_reply;

/**
 * Answer one GET request for a path under /api/ from the store `s` (NULL
 * when the store could not be opened: every answer is then a 500 naming
 * `why`). Always fills `r`; bad requests get a 4xx and {"error": "..."}.
 */
void dyad_api_answer(dyad_store *s, const char *why, const char *path, const dyad_param *params, size_t nparams,
		     dyad_reply *r);

/** A file compiled in from web/. */
typedef struct {
	const char *path; /**< the URL path it answers: "/", "/assets/app.js" */
	const char *content_type;
	const unsigned char *data;
	size_t size;
} dyad_asset;

/**
 * The page or asset for a URL path: "/" and the page paths ("/network",
 * "/search", "/doc/{id}") give their HTML, "/assets/NAME" the file. NULL
 * for anything else: nothing is ever read from the file system.
 */
const dyad_asset *dyad_web_asset(const char *path);

typedef struct {
	const char *db;           /**< the knowledge base, opened read-only */
	const char *bind;         /**< address to listen on (default 127.0.0.1) */
	unsigned port;            /**< 0: 8080 */
	unsigned threads;         /**< worker threads (0: 4) */
	unsigned max_connections; /**< 0: 1024 */
	unsigned max_per_client;  /**< connections one address may hold (0: 32) */
	unsigned timeout_s;       /**< a connection idle or still sending its headers is closed after (0: 5) */
	int log;                  /**< one line per request on stderr */
} dyad_serve_opts;

/**
 * Serve until SIGINT or SIGTERM (blocked in the calling thread and waited
 * for). Prints the address to stdout once listening. Returns 0, or a DYAD_E*
 * code with `e` naming the address or file.
 */
int dyad_serve(const dyad_serve_opts *o, dyad_errbuf *e);

#endif
