/*
 * http.c — `dyad serve`'s HTTP side on libmicrohttpd. A fixed pool of
 * worker threads polls the connections (a slow client holds a socket, never
 * a thread); each worker opens the knowledge base read-only once and keeps
 * it. Only GET and HEAD are answered; URLs, parameters and connections are
 * bounded; every answer carries headers that keep the page to its own origin.
 */
#include "dyad/serve.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dyad/utf8.h"

/* The largest request headers answered (32 KB); the connection's memory holds four times as much. */
#define DYAD_SERVE_MAX_HEADERS (32 * 1024)

struct server {
	const dyad_serve_opts *o;
	pthread_mutex_t lock; /* guards `stores` */
	dyad_store **stores;  /* every worker's handle, closed at the end */
	size_t nstores;
};

/* Each worker thread's own read-only handle (SQLite handles are not shared between threads here). */
static _Thread_local dyad_store *thread_store;
static _Thread_local char thread_store_error[512];
static _Thread_local int thread_store_tried;

static dyad_store *worker_store(struct server *sv, const char **why)
{
	dyad_errbuf e;

	if (!thread_store_tried) {
		thread_store_tried = 1;
		if (dyad_store_open(&thread_store, sv->o->db, DYAD_STORE_READONLY, 2000, &e) < 0) {
			snprintf(thread_store_error, sizeof thread_store_error, "%s", e.msg);
			thread_store = NULL;
		} else {
			pthread_mutex_lock(&sv->lock);
			sv->stores = dyad_xrealloc(
				sv->stores,
				(sv->nstores + 1) *
					sizeof *sv->stores); // NOLINT(bugprone-sizeof-expression): an array of pointers
			sv->stores[sv->nstores++] = thread_store;
			pthread_mutex_unlock(&sv->lock);
		}
	}
	*why = thread_store_error;
	return thread_store;
}

/* ---- one request ------------------------------------------------------------------------------- */

typedef struct {
	dyad_param p[DYAD_API_MAX_PARAMS + 1];
	size_t n;
	int too_many;
	const char *nul; /* the name of a parameter whose name or value holds a NUL byte (%00) */
} params;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size, const char *value,
			       size_t value_size)
{
	params *ps = cls;

	(void)kind;
	if (ps->n == DYAD_API_MAX_PARAMS + 1) {
		ps->too_many = 1;
		return MHD_NO;
	}
	/* the API reads C strings: a value cut at a %00 would be taken for another value */
	if ((key && strlen(key) != key_size) || (value && strlen(value) != value_size)) {
		ps->nul = key ? key : "";
		return MHD_NO;
	}
	ps->p[ps->n].name = key ? key : "";
	ps->p[ps->n].value = value ? value : "";
	ps->n++;
	return MHD_YES;
}

static enum MHD_Result send_reply(struct MHD_Connection *c, int status, const char *type, const void *data, size_t size,
				  int is_static)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;

	resp = MHD_create_response_from_buffer(size, (void *)(uintptr_t)data,
					       is_static ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_COPY);
	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
				"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	ret = MHD_queue_response(c, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg)
{
	dyad_buf b = DYAD_BUF_INIT;
	enum MHD_Result ret;

	dyad_buf_puts(&b, "{\"error\":");
	dyad_buf_json_str(&b, dyad_str_c(msg));
	dyad_buf_puts(&b, "}");
	ret = send_reply(c, status, "application/json; charset=utf-8", b.p, b.n, 0);
	dyad_buf_free(&b);
	return ret;
}

/* The bytes of the request's header lines, added up by sum_headers. */
static enum MHD_Result sum_headers(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	size_t *n = cls;

	(void)kind;
	*n += (key ? strlen(key) : 0) + (value ? strlen(value) : 0) + 4;
	return MHD_YES;
}

static void log_request(const struct server *sv, const char *method, const char *url, int status, size_t bytes)
{
	if (sv->o->log)
		fprintf(stderr, "dyad serve: %s %.200s %d %zu\n", method, url, status, bytes);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
			      const char *version, const char *upload, size_t *upload_size, void **state)
{
	struct server *sv = cls;
	const dyad_asset *asset;
	dyad_reply r = { 0, NULL, DYAD_BUF_INIT };
	params ps;
	enum MHD_Result ret;
	char msg[96];

	(void)version;
	(void)upload;
	if (*state == NULL) {
		/* the first call sees only the headers: answer now, a body is never read */
		static int marker;
		*state = &marker;
	}
	*upload_size = 0;
	{
		/* headers bigger than a browser sends: refused in JSON like every other error (beyond
		   the connection's memory libmicrohttpd refuses them itself, before this is called) */
		size_t header_bytes = 0;
		MHD_get_connection_values(c, MHD_HEADER_KIND, sum_headers, &header_bytes);
		if (header_bytes > (size_t)DYAD_SERVE_MAX_HEADERS) {
			log_request(sv, method, url, 431, 0);
			return send_error(c, 431, "the request's headers are too large");
		}
	}
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		snprintf(msg, sizeof msg, "method not allowed: %.40s", method);
		log_request(sv, method, url, 405, 0);
		return send_error(c, 405, msg);
	}
	if (strlen(url) > DYAD_API_MAX_URL) {
		log_request(sv, method, url, 414, 0);
		return send_error(c, 414, "the URL is too long");
	}
	if (strncmp(url, "/api/", 5) != 0) {
		if ((asset = dyad_web_asset(url)) == NULL) {
			log_request(sv, method, url, 404, 0);
			return send_error(c, 404, "no such page");
		}
		log_request(sv, method, url, 200, asset->size);
		return send_reply(c, 200, asset->content_type, asset->data, asset->size, 1);
	}
	memset(&ps, 0, sizeof ps);
	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, collect, &ps);
	if (ps.too_many) {
		log_request(sv, method, url, 400, 0);
		return send_error(c, 400, "too many parameters");
	}
	if (ps.nul) {
		snprintf(msg, sizeof msg, "%s: holds a NUL byte (%%00)",
			 strlen(ps.nul) <= 64 && dyad_utf8_valid(dyad_str_c(ps.nul)) ? ps.nul : "a parameter");
		log_request(sv, method, url, 400, 0);
		return send_error(c, 400, msg);
	}
	{
		const char *why;
		dyad_store *s = worker_store(sv, &why);
		dyad_api_answer(s, why, url, ps.p, ps.n, &r);
	}
	log_request(sv, method, url, r.status, r.body.n);
	ret = send_reply(c, r.status, r.content_type, r.body.p ? r.body.p : "", r.body.n, 0);
	dyad_buf_free(&r.body);
	return ret;
}

/* ---- the daemon -------------------------------------------------------------------------------- */

int dyad_serve(const dyad_serve_opts *o, dyad_errbuf *e)
{
	struct server sv;
	struct MHD_Daemon *d;
	struct sockaddr_in addr;
	dyad_store *probe;
	sigset_t wait_for;
	unsigned port = o->port ? o->port : 8080, threads = o->threads ? o->threads : 4;
	const char *bind_to = o->bind ? o->bind : "127.0.0.1";
	int sig, rc;
	size_t i;

	/* fail early, naming the file, rather than answering every request with a 500 */
	if ((rc = dyad_store_open(&probe, o->db, DYAD_STORE_READONLY, 2000, e)) < 0)
		return rc;
	dyad_store_close(probe);
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, bind_to, &addr.sin_addr) != 1)
		return dyad_errf(e, DYAD_EUSAGE, "--bind: not an IPv4 address: %s", bind_to);
	memset(&sv, 0, sizeof sv);
	sv.o = o;
	pthread_mutex_init(&sv.lock, NULL);
	/* the workers inherit this mask, so only sigwait below sees the signals */
	sigemptyset(&wait_for);
	sigaddset(&wait_for, SIGINT);
	sigaddset(&wait_for, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &wait_for, NULL);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO, (uint16_t)port, NULL, NULL, handle, &sv,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE, threads,
			     /* one client holding idle connections cannot take the others' places: it gets
				a few of them, and a connection that sends no complete request soon goes */
			     MHD_OPTION_CONNECTION_LIMIT, o->max_connections ? o->max_connections : 1024u,
			     MHD_OPTION_PER_IP_CONNECTION_LIMIT, o->max_per_client ? o->max_per_client : 32u,
			     MHD_OPTION_CONNECTION_TIMEOUT, o->timeout_s ? o->timeout_s : 5u,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(4 * DYAD_SERVE_MAX_HEADERS), MHD_OPTION_END);
	if (d == NULL) {
		pthread_sigmask(SIG_UNBLOCK, &wait_for, NULL);
		pthread_mutex_destroy(&sv.lock);
		return dyad_errf(e, DYAD_EIO, "cannot listen on %s:%u (in use, or not allowed)", bind_to, port);
	}
	printf("dyad serve: http://%s:%u/ (%s, read-only; Ctrl-C stops)\n", bind_to, port, o->db);
	fflush(stdout);
	while (sigwait(&wait_for, &sig) != 0)
		;
	MHD_stop_daemon(d);
	for (i = 0; i < sv.nstores; i++)
		dyad_store_close(sv.stores[i]);
	free(sv.stores);
	pthread_mutex_destroy(&sv.lock);
	pthread_sigmask(SIG_UNBLOCK, &wait_for, NULL);
	return 0;
}
