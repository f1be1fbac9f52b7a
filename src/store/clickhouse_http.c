/*
 * clickhouse_http.c — the ClickHouse engine's wire: clickhouse:// URLs, and
 * queries over the server's HTTP interface through libcurl (the query in a
 * POST body, rows streamed back a line at a time), the TabSeparated escaping
 * of values, and dates as Int32 YYYYMMDD. Errors name the engine, the host
 * and the problem: the server's exception, an unreachable host, a bad URL.
 */
// NOLINTNEXTLINE(bugprone-reserved-identifier): memmem is a GNU extension
#define _GNU_SOURCE
#include "clickhouse.h"

#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dyad_ch {
	dyad_ch_url url;
	CURL *curl;
	char *base;      /* http://host:port/?database=...&settings */
	char *bare;      /* the same without the database, for statements that make or drop it */
	char where[300]; /* "ClickHouse at host:port" for messages */
	dyad_errbuf err;
	char curl_err[CURL_ERROR_SIZE];
};

/* ---- URLs ---------------------------------------------------------------------------------- */

void dyad_ch_url_free(dyad_ch_url *u)
{
	if (!u)
		return;
	free(u->host);
	free(u->database);
	free(u->cluster);
	free(u->user);
	free(u->password);
	memset(u, 0, sizeof *u);
}

static int is_ident(const char *p, size_t n)
{
	size_t i;

	if (n == 0 || n > 64 || isdigit((unsigned char)p[0]))
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)p[i]) && p[i] != '_')
			return 0;
	return 1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* p[0..n) percent-decoded into a new string, or NULL when a %XX is malformed. */
static char *pct_decode(const char *p, size_t n)
{
	char *s = dyad_xmalloc(n + 1), *o = s;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] != '%') {
			*o++ = p[i];
			continue;
		}
		if (i + 2 >= n || hexval(p[i + 1]) < 0 || hexval(p[i + 2]) < 0) {
			free(s);
			return NULL;
		}
		*o++ = (char)(hexval(p[i + 1]) * 16 + hexval(p[i + 2]));
		i += 2;
	}
	*o = '\0';
	return s;
}

/* The URL for messages: a password in it replaced by "***". */
static void url_shown(char *out, size_t size, const char *url)
{
	const char *auth = strstr(url, "://"), *end, *at = NULL, *colon, *q;

	auth = auth ? auth + 3 : url;
	end = auth + strcspn(auth, "/?#");
	for (q = auth; q < end; q++)
		if (*q == '@')
			at = q;
	colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon)
		snprintf(out, size, "%.*s:***%s", (int)(colon - url), url, at);
	else
		snprintf(out, size, "%s", url);
}

/* A URL refused: `out` emptied, the message "ClickHouse URL 'shown': " and fmt's text. Returns DYAD_EUSAGE. */
__attribute__((format(printf, 4, 5))) static int bad(dyad_ch_url *out, dyad_errbuf *e, const char *shown,
						     const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	dyad_ch_url_free(out);
	dyad_errf(e, DYAD_EUSAGE, "ClickHouse URL '%s': %s", shown, msg);
	return DYAD_EUSAGE;
}

int dyad_ch_url_parse(dyad_ch_url *out, const char *url, dyad_errbuf *e)
{
	static const char scheme[] = "clickhouse://";
	char shown[300];
	const char *p, *end, *at, *hostend, *slash, *q;
	char *endnum;
	long port;

	memset(out, 0, sizeof *out);
	url_shown(shown, sizeof shown, url ? url : "");
	if (!url || strncmp(url, scheme, sizeof scheme - 1) != 0)
		return bad(out, e, shown, "does not begin with clickhouse://");
	p = url + sizeof scheme - 1;
	end = p + strcspn(p, "/?#");
	/* user[:password]@ — the last @ before the path, so a password may hold one encoded */
	at = NULL;
	for (q = p; q < end; q++)
		if (*q == '@')
			at = q;
	if (at) {
		const char *colon = memchr(p, ':', (size_t)(at - p));
		size_t un = colon ? (size_t)(colon - p) : (size_t)(at - p);

		out->user = pct_decode(p, un);
		if (colon)
			out->password = pct_decode(colon + 1, (size_t)(at - colon - 1));
		if (!out->user || (colon && !out->password) || un == 0)
			return bad(out, e, shown, "the user before @ is %s",
				   un == 0 ? "empty" : "not percent-encoded correctly");
		p = at + 1;
	}
	/* host: [IPv6] or a name */
	if (*p == '[') {
		hostend = memchr(p, ']', (size_t)(end - p));
		if (!hostend || hostend == p + 1)
			return bad(out, e, shown, "an IPv6 host needs its closing ]");
		out->host = dyad_xstrndup(p + 1, (size_t)(hostend - p - 1));
		hostend++;
	} else {
		hostend = p + strcspn(p, ":/?#");
		if (hostend > end)
			hostend = end;
		out->host = dyad_xstrndup(p, (size_t)(hostend - p));
		for (q = p; q < hostend; q++)
			if (!isalnum((unsigned char)*q) && *q != '.' && *q != '-' && *q != '_')
				return bad(out, e, shown, "'%c' cannot be in a host name", *q);
	}
	if (!out->host[0])
		return bad(out, e, shown, "no host (clickhouse://host:port/database)");
	out->port = DYAD_CH_DEFAULT_PORT;
	if (hostend < end && *hostend == ':') {
		errno = 0;
		port = strtol(hostend + 1, &endnum, 10);
		if (endnum == hostend + 1 || endnum != end || errno || port < 1 || port > 65535 ||
		    !isdigit((unsigned char)hostend[1]))
			return bad(out, e, shown, "the port '%.*s' is not a number from 1 to 65535",
				   (int)(end - hostend - 1), hostend + 1);
		out->port = (int)port;
	} else if (hostend != end) {
		return bad(out, e, shown, "unexpected '%c' after the host", *hostend);
	}
	/* /database */
	p = end;
	if (*p == '/') {
		slash = p + 1;
		end = slash + strcspn(slash, "?#");
		if (end > slash && !is_ident(slash, (size_t)(end - slash)))
			return bad(out, e, shown, "the database '%.*s' is not a name of letters, digits and _",
				   (int)(end - slash), slash);
		if (end > slash)
			out->database = dyad_xstrndup(slash, (size_t)(end - slash));
		p = end;
	}
	if (!out->database)
		out->database = dyad_xstrdup("default");
	/* ?cluster=NAME, the one parameter */
	if (*p == '?') {
		const char *param = p + 1;

		while (*param) {
			size_t n = strcspn(param, "&#");
			const char *eq = memchr(param, '=', n);

			if (eq && (size_t)(eq - param) == 7 && strncmp(param, "cluster", 7) == 0) {
				if (!is_ident(eq + 1, n - 8))
					return bad(out, e, shown,
						   "the cluster '%.*s' is not a name of letters, digits and _",
						   (int)(n - 8), eq + 1);
				free(out->cluster);
				out->cluster = dyad_xstrndup(eq + 1, n - 8);
			} else if (n > 0) {
				return bad(out, e, shown, "unknown parameter '%.*s' (known: cluster=NAME)", (int)n,
					   param);
			}
			param += n;
			if (*param == '#')
				break;
			if (*param == '&')
				param++;
		}
		p = param;
	}
	if (*p == '#')
		return bad(out, e, shown, "a #fragment means nothing here");
	return 0;
}

/* ---- the connection ------------------------------------------------------------------------ */

static int ch_new(dyad_ch **out, dyad_ch_url *u, dyad_errbuf *e)
{
	dyad_ch *c = dyad_xcalloc(1, sizeof *c);
	dyad_buf b = DYAD_BUF_INIT;
	int v6 = strchr(u->host, ':') != NULL;

	*out = NULL;
	c->url = *u;
	memset(u, 0, sizeof *u);
	snprintf(c->where, sizeof c->where, v6 ? "ClickHouse at [%s]:%d" : "ClickHouse at %s:%d", c->url.host,
		 c->url.port);
	c->curl = curl_easy_init();
	if (!c->curl) {
		dyad_errf(e, DYAD_EDB, "%s: libcurl could not start", c->where);
		dyad_ch_close(c);
		return DYAD_EDB;
	}
	/* the database is an identifier (dyad_ch_url_parse): nothing to escape */
	dyad_buf_printf(&b,
			v6 ? "http://[%s]:%d/?database=%s&insert_distributed_sync=1"
			   : "http://%s:%d/?database=%s&insert_distributed_sync=1",
			c->url.host, c->url.port, c->url.database);
	c->base = dyad_buf_detach(&b, NULL);
	dyad_buf_printf(&b, v6 ? "http://[%s]:%d/?insert_distributed_sync=1" : "http://%s:%d/?insert_distributed_sync=1",
			c->url.host, c->url.port);
	c->bare = dyad_buf_detach(&b, NULL);
	curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, c->curl_err);
	curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c->curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c->curl, CURLOPT_TCP_KEEPALIVE, 1L);
	/* only the HTTP interface's own scheme, and no following of redirects elsewhere */
	curl_easy_setopt(c->curl, CURLOPT_PROTOCOLS_STR, "http");
	if (c->url.user) {
		curl_easy_setopt(c->curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(c->curl, CURLOPT_USERNAME, c->url.user);
		curl_easy_setopt(c->curl, CURLOPT_PASSWORD, c->url.password ? c->url.password : "");
	}
	*out = c;
	return 0;
}

int dyad_ch_open(dyad_ch **out, const char *url, dyad_errbuf *e)
{
	dyad_ch_url u;
	int rc;

	*out = NULL;
	if ((rc = dyad_ch_url_parse(&u, url, e)) != 0)
		return rc;
	return ch_new(out, &u, e);
}

int dyad_ch_open_host(dyad_ch **out, const dyad_ch_url *u, const char *host, int port, dyad_errbuf *e)
{
	dyad_ch_url c = { 0 };

	c.host = dyad_xstrdup(host);
	c.port = port;
	c.database = dyad_xstrdup(u->database);
	c.cluster = u->cluster ? dyad_xstrdup(u->cluster) : NULL;
	c.user = u->user ? dyad_xstrdup(u->user) : NULL;
	c.password = u->password ? dyad_xstrdup(u->password) : NULL;
	return ch_new(out, &c, e);
}

void dyad_ch_close(dyad_ch *c)
{
	if (!c)
		return;
	if (c->curl)
		curl_easy_cleanup(c->curl);
	free(c->base);
	free(c->bare);
	dyad_ch_url_free(&c->url);
	free(c);
}

const dyad_ch_url *dyad_ch_url_of(const dyad_ch *c)
{
	return &c->url;
}

const char *dyad_ch_errmsg(const dyad_ch *c)
{
	return c->err.msg;
}

int dyad_ch_fail(dyad_ch *c, const char *fmt, ...)
{
	char msg[sizeof c->err.msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return dyad_errf(&c->err, DYAD_EDB, "%s: %s", c->where, msg);
}

int dyad_ch_set_error(dyad_ch *c, const char *msg)
{
	return dyad_errf(&c->err, DYAD_EDB, "%s", msg);
}

/* ---- requests ------------------------------------------------------------------------------ */

/* A request's state while its response streams in. */
typedef struct {
	dyad_ch *c;
	dyad_ch_row_fn fn;
	void *ctx;
	long status;   /* the HTTP status, once known */
	dyad_buf line; /* the incomplete line at the end of what came */
	dyad_buf held; /* a line that reads like an exception, kept until more rows follow it */
	int has_held;
	dyad_buf errbody; /* the body of a failed request (its first 4 KB) */
	int stopped;      /* fn's nonzero return */
} response;

/*
 * Does this line read like the exception ClickHouse appends when a query fails
 * after rows were sent ("Code: 395, e.displayText() = DB::Exception: ...")?
 */
static int looks_like_exception(const char *p, size_t n)
{
	size_t i = 6;

	if (n < 8 || memcmp(p, "Code: ", 6) != 0 || !isdigit((unsigned char)p[6]))
		return 0;
	while (i < n && isdigit((unsigned char)p[i]))
		i++;
	return i < n && (p[i] == ',' || p[i] == '.') && memmem(p, n, "Exception", 9) != NULL;
}

static int deliver(response *r, const char *p, size_t n)
{
	if (!r->fn || r->stopped)
		return r->stopped;
	r->stopped = r->fn(r->ctx, (dyad_str){ p, n });
	return r->stopped;
}

/* One complete line of a successful response: held back when it reads like an exception. */
static int take_line(response *r, const char *p, size_t n)
{
	if (r->has_held) {
		r->has_held = 0;
		if (deliver(r, r->held.p, r->held.n))
			return 1;
	}
	if (looks_like_exception(p, n)) {
		dyad_buf_clear(&r->held);
		dyad_buf_put(&r->held, p, n);
		r->has_held = 1;
		return 0;
	}
	return deliver(r, p, n);
}

static size_t on_data(char *p, size_t size, size_t nmemb, void *arg)
{
	response *r = arg;
	size_t n = size * nmemb, i, start = 0;

	if (!r->status)
		curl_easy_getinfo(r->c->curl, CURLINFO_RESPONSE_CODE, &r->status);
	if (r->status != 200) {
		if (r->errbody.n < 4096)
			dyad_buf_put(&r->errbody, p, n < 4096 ? n : 4096);
		return n;
	}
	for (i = 0; i < n; i++) {
		if (p[i] != '\n')
			continue;
		if (r->line.n) {
			dyad_buf_put(&r->line, p + start, i - start);
			if (take_line(r, r->line.p, r->line.n))
				return 0; /* stopped: libcurl ends the transfer */
			dyad_buf_clear(&r->line);
		} else if (take_line(r, p + start, i - start)) {
			return 0;
		}
		start = i + 1;
	}
	dyad_buf_put(&r->line, p + start, n - start);
	return n;
}

/* The server's exception as one line: "Table x doesn't exist. (code 60)". */
static void exception_msg(dyad_ch *c, const char *p, size_t n)
{
	const char *code = NULL, *msg = p, *end;
	size_t code_n = 0;
	const char *disp = memmem(p, n, "e.displayText() = ", 18), *what;

	if (n >= 6 && memcmp(p, "Code: ", 6) == 0) {
		code = p + 6;
		while (code + code_n < p + n && isdigit((unsigned char)code[code_n]))
			code_n++;
	}
	if (disp)
		msg = disp + 18;
	else if (code)
		msg = code + code_n + (code + code_n < p + n && (code[code_n] == '.' || code[code_n] == ',') ? 1 : 0);
	end = p + n;
	if ((what = memmem(msg, (size_t)(end - msg), ", e.what() = ", 13)) != NULL)
		end = what;
	if (memchr(msg, '\n', (size_t)(end - msg)))
		end = memchr(msg, '\n', (size_t)(end - msg));
	while (msg < end && (*msg == ' '))
		msg++;
	if ((size_t)(end - msg) > 14 && memcmp(msg, "DB::Exception: ", 15) == 0)
		msg += 15;
	while (end > msg && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == ':'))
		end--;
	if (code_n)
		dyad_errf(&c->err, DYAD_EDB, "%s: %.*s (code %.*s)", c->where, (int)(end - msg), msg, (int)code_n, code);
	else
		dyad_errf(&c->err, DYAD_EDB, "%s: %.*s", c->where, (int)(end - msg), msg);
}

/* POST `body` to `url`; rows of the answer to fn. */
static int request(dyad_ch *c, const char *url, const char *body, size_t n, dyad_ch_row_fn fn, void *ctx)
{
	response r = { 0 };
	CURLcode cc;
	int rc = 0;
	struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: text/plain; charset=UTF-8");

	r.c = c;
	r.fn = fn;
	r.ctx = ctx;
	c->err.msg[0] = '\0';
	c->curl_err[0] = '\0';
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)n);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, &r);
	cc = curl_easy_perform(c->curl);
	if (cc == CURLE_WRITE_ERROR && r.stopped) {
		rc = r.stopped;
		goto done;
	}
	if (cc != CURLE_OK) {
		const char *what = cc == CURLE_COULDNT_CONNECT || cc == CURLE_COULDNT_RESOLVE_HOST ||
						   cc == CURLE_OPERATION_TIMEDOUT
					   ? "cannot reach the server"
					   : "the connection failed";

		rc = dyad_errf(&c->err, DYAD_EDB, "%s: %s: %s", c->where, what,
			       c->curl_err[0] ? c->curl_err : curl_easy_strerror(cc));
		goto done;
	}
	if (!r.status)
		curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &r.status);
	if (r.status != 200) {
		if (r.errbody.n)
			exception_msg(c, r.errbody.p, r.errbody.n);
		else
			dyad_errf(&c->err, DYAD_EDB,
				  "%s: HTTP status %ld with no message: is this ClickHouse's HTTP port?", c->where,
				  r.status);
		rc = DYAD_EDB;
		goto done;
	}
	/* the end of a successful response: an exception raised midway comes as its last line */
	if (r.line.n && looks_like_exception(r.line.p, r.line.n)) {
		if (r.has_held && (rc = deliver(&r, r.held.p, r.held.n)) != 0)
			goto done;
		exception_msg(c, r.line.p, r.line.n);
		rc = DYAD_EDB;
	} else if (r.line.n) {
		if (r.has_held && (rc = deliver(&r, r.held.p, r.held.n)) != 0)
			goto done;
		rc = deliver(&r, r.line.p, r.line.n);
	} else if (r.has_held) {
		exception_msg(c, r.held.p, r.held.n);
		rc = DYAD_EDB;
	}
done:
	curl_slist_free_all(headers);
	dyad_buf_free(&r.line);
	dyad_buf_free(&r.held);
	dyad_buf_free(&r.errbody);
	return rc;
}

int dyad_ch_query(dyad_ch *c, const char *sql, dyad_ch_row_fn fn, void *ctx)
{
	return request(c, c->base, sql, strlen(sql), fn, ctx);
}

int dyad_ch_query_server(dyad_ch *c, const char *sql, dyad_ch_row_fn fn, void *ctx)
{
	return request(c, c->bare, sql, strlen(sql), fn, ctx);
}

int dyad_ch_insert(dyad_ch *c, const char *insert, dyad_str rows)
{
	char *q = curl_easy_escape(c->curl, insert, 0);
	dyad_buf url = DYAD_BUF_INIT;
	int rc;

	dyad_buf_printf(&url, "%s&query=%s", c->base, q);
	curl_free(q);
	rc = request(c, url.p, rows.p ? rows.p : "", rows.n, NULL, NULL);
	dyad_buf_free(&url);
	return rc;
}

static int first_line(void *ctx, dyad_str row)
{
	dyad_buf *out = ctx;

	dyad_buf_putstr(out, row);
	return 1;
}

int dyad_ch_query_line(dyad_ch *c, const char *sql, dyad_buf *out)
{
	int rc;

	dyad_buf_clear(out);
	rc = dyad_ch_query(c, sql, first_line, out);
	return rc == 1 ? 0 : rc;
}

/* ---- values -------------------------------------------------------------------------------- */

void dyad_ch_tsv_str(dyad_buf *b, dyad_str s)
{
	size_t i, run = 0;

	for (i = 0; i < s.n; i++) {
		const char *esc;

		switch (s.p[i]) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\0': esc = "\\0"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\'': esc = "\\'"; break;
		default: continue;
		}
		dyad_buf_put(b, s.p + run, i - run);
		dyad_buf_puts(b, esc);
		run = i + 1;
	}
	dyad_buf_put(b, s.p + run, s.n - run);
}

void dyad_ch_tsv_cstr(dyad_buf *b, const char *s)
{
	if (s)
		dyad_ch_tsv_str(b, dyad_str_c(s));
	else
		dyad_buf_puts(b, "\\N");
}

int dyad_ch_tsv_field(dyad_str *line, dyad_buf *out)
{
	const char *p = line->p, *end;

	dyad_buf_clear(out);
	if (!p)
		return 0;
	end = p + line->n;
	if (end - p >= 2 && p[0] == '\\' && p[1] == 'N' && (end - p == 2 || p[2] == '\t')) {
		p += 2;
		line->p = p < end ? p + 1 : NULL;
		line->n = p < end ? (size_t)(end - p - 1) : 0;
		return 2;
	}
	while (p < end && *p != '\t') {
		if (*p == '\\' && p + 1 < end) {
			char c = p[1];

			switch (c) {
			case 't': c = '\t'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case '0': c = '\0'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			default: break; /* \\ \' and any other escaped character stand for themselves */
			}
			dyad_buf_putc(out, c);
			p += 2;
			continue;
		}
		dyad_buf_putc(out, *p++);
	}
	/* after the last field the line is spent (p NULL): an empty last field still counts once */
	line->p = p < end ? p + 1 : NULL;
	line->n = p < end ? (size_t)(end - p - 1) : 0;
	return 1;
}

void dyad_ch_sql_str(dyad_buf *b, dyad_str s)
{
	size_t i;

	dyad_buf_putc(b, '\'');
	for (i = 0; i < s.n; i++) {
		if (s.p[i] == '\\' || s.p[i] == '\'')
			dyad_buf_putc(b, '\\');
		dyad_buf_putc(b, s.p[i]);
	}
	dyad_buf_putc(b, '\'');
}

int dyad_ch_date_int(const char *iso, int32_t *out)
{
	int neg = 0;
	long y = 0;
	int m, d, digits = 0;
	const char *p = iso;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	*out = 0;
	if (!iso || !*iso)
		return 0;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	while (isdigit((unsigned char)*p) && digits < 7) {
		y = y * 10 + (*p++ - '0');
		digits++;
	}
	if (digits < 4 || p[0] != '-' || !isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]) ||
	    p[3] != '-' || !isdigit((unsigned char)p[4]) || !isdigit((unsigned char)p[5]) || p[6] != '\0')
		return DYAD_EINPUT;
	m = (p[1] - '0') * 10 + (p[2] - '0');
	d = (p[4] - '0') * 10 + (p[5] - '0');
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] || y > 214747)
		return DYAD_EINPUT;
	*out = (int32_t)((y * 10000 + (long)m * 100 + d) * (neg ? -1 : 1));
	return 0;
}

void dyad_ch_date_iso(int32_t date, char out[16])
{
	long v = date < 0 ? -(long)date : date;

	if (date == 0)
		out[0] = '\0';
	else
		snprintf(out, 16, "%s%04ld-%02ld-%02ld", date < 0 ? "-" : "", v / 10000, v / 100 % 100, v % 100);
}
