/*
 * warc.c — WARC 1.0/1.1 records (Common Crawl's CC-NEWS is WARC, gzip per
 * record), the HTTP responses inside them, and gunzipping concatenated gzip
 * members. A truncated or malformed record is named by its byte offset and
 * reading goes on at the next record.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* Find `needle` in [p, p + n); a pointer to it or NULL. */
static const char *find_bytes(const char *p, size_t n, const char *needle, size_t m)
{
	size_t i;

	if (m == 0 || n < m)
		return NULL;
	for (i = 0; i + m <= n; i++)
		if (p[i] == needle[0] && memcmp(p + i, needle, m) == 0)
			return p + i;
	return NULL;
}

/* The value of header `name` in a block of "Name: value" lines, or {NULL,0}. */
static dyad_str header(dyad_str head, const char *name)
{
	size_t i = 0, n = strlen(name);

	while (i < head.n) {
		const char *nl = memchr(head.p + i, '\n', head.n - i);
		size_t end = nl ? (size_t)(nl - head.p) : head.n;
		dyad_str line = { head.p + i, end - i };
		if (line.n > n && strncasecmp(line.p, name, n) == 0 && line.p[n] == ':') {
			dyad_str v = { line.p + n + 1, line.n - n - 1 };
			return dyad_str_trim(v);
		}
		i = end + 1;
	}
	return (dyad_str){ NULL, 0 };
}

static void resync(dyad_str data, size_t *pos)
{
	const char *next = find_bytes(data.p + *pos + 1, data.n > *pos + 1 ? data.n - *pos - 1 : 0, "WARC/1.", 7);

	*pos = next ? (size_t)(next - data.p) : data.n;
}

int warc_next(dyad_str data, size_t *pos, warc_record *rec, char *why, size_t whylen)
{
	const char *end_head;
	dyad_str head, len;
	size_t at = *pos, body, clen;
	char num[32];

	/* blank lines between records */
	while (at < data.n && (data.p[at] == '\r' || data.p[at] == '\n'))
		at++;
	*pos = at;
	if (at >= data.n)
		return 0;
	memset(rec, 0, sizeof *rec);
	rec->offset = at;
	if (data.n - at < 8 || memcmp(data.p + at, "WARC/1.", 7) != 0) {
		snprintf(why, whylen, "byte %zu: expected a WARC record ('WARC/1.x')", at);
		resync(data, pos);
		return -1;
	}
	end_head = find_bytes(data.p + at, data.n - at, "\r\n\r\n", 4);
	if (end_head == NULL) {
		snprintf(why, whylen, "byte %zu: truncated WARC record (headers never end)", at);
		*pos = data.n;
		return -1;
	}
	head = (dyad_str){ data.p + at, (size_t)(end_head - data.p) - at };
	body = (size_t)(end_head - data.p) + 4;
	len = header(head, "Content-Length");
	if (len.p == NULL || len.n == 0 || len.n >= sizeof num) {
		snprintf(why, whylen, "byte %zu: WARC record without a Content-Length", at);
		resync(data, pos);
		return -1;
	}
	memcpy(num, len.p, len.n);
	num[len.n] = '\0';
	{
		char *e;
		unsigned long long v = strtoull(num, &e, 10);
		if (*e || v > data.n) {
			snprintf(why, whylen, "byte %zu: bad Content-Length '%s'", at, num);
			resync(data, pos);
			return -1;
		}
		clen = (size_t)v;
	}
	if (body + clen > data.n) {
		snprintf(why, whylen, "byte %zu: truncated WARC record (%zu of %zu content bytes)", at, data.n - body,
			 clen);
		*pos = data.n;
		return -1;
	}
	rec->type = header(head, "WARC-Type");
	rec->id = header(head, "WARC-Record-ID");
	rec->uri = header(head, "WARC-Target-URI");
	rec->content_type = header(head, "Content-Type");
	rec->block = (dyad_str){ data.p + body, clen };
	*pos = body + clen;
	return 1;
}

/* Undo chunked transfer encoding; -1 if the chunks are malformed. */
static int unchunk(dyad_str in, dyad_buf *out)
{
	size_t i = 0;

	while (i < in.n) {
		char *e;
		unsigned long n;
		const char *nl = memchr(in.p + i, '\n', in.n - i);
		char num[24];
		size_t k = nl ? (size_t)(nl - in.p) - i : 0;

		if (nl == NULL || k == 0 || k >= sizeof num)
			return -1;
		memcpy(num, in.p + i, k);
		num[k] = '\0';
		n = strtoul(num, &e, 16);
		if (e == num)
			return -1;
		i += k + 1;
		if (n == 0)
			return 0;
		if (n > in.n - i)
			return -1;
		dyad_buf_put(out, in.p + i, n);
		i += n;
		while (i < in.n && (in.p[i] == '\r' || in.p[i] == '\n'))
			i++;
	}
	return 0;
}

int http_payload(dyad_str block, dyad_buf *out, dyad_str *content_type)
{
	const char *end = find_bytes(block.p, block.n, "\r\n\r\n", 4);
	dyad_str head, te, ce, body;
	size_t skip = 4;

	dyad_buf_clear(out);
	if (block.n < 5 || strncmp(block.p, "HTTP/", 5) != 0)
		return -1;
	if (end == NULL) {
		end = find_bytes(block.p, block.n, "\n\n", 2);
		skip = 2;
	}
	if (end == NULL)
		return -1;
	head = (dyad_str){ block.p, (size_t)(end - block.p) };
	body = (dyad_str){ end + skip, block.n - (size_t)(end - block.p) - skip };
	*content_type = header(head, "Content-Type");
	te = header(head, "Transfer-Encoding");
	ce = header(head, "Content-Encoding");
	if (te.p && te.n >= 7 && strncasecmp(te.p, "chunked", 7) == 0) {
		if (unchunk(body, out) < 0) {
			dyad_buf_clear(out);
			dyad_buf_putstr(out, body);
		}
	} else {
		dyad_buf_putstr(out, body);
	}
	if (ce.p && ce.n >= 4 && strncasecmp(ce.p, "gzip", 4) == 0) {
		dyad_buf z = DYAD_BUF_INIT;
		char why[128];
		if (gunzip_all((dyad_str){ out->p, out->n }, &z, 64u << 20, why, sizeof why) == 0) {
			dyad_buf_free(out);
			*out = z;
		} else {
			dyad_buf_free(&z);
		}
	}
	return 0;
}

int gunzip_all(dyad_str in, dyad_buf *out, size_t limit, char *why, size_t whylen)
{
	z_stream z;
	size_t at = 0;
	char chunk[65536];

	dyad_buf_clear(out);
	while (at < in.n) {
		int rc;
		memset(&z, 0, sizeof z);
		if (inflateInit2(&z, 15 + 16) != Z_OK) {
			snprintf(why, whylen, "cannot start gunzip");
			return -1;
		}
		z.next_in = (Bytef *)(uintptr_t)(in.p + at);
		z.avail_in = (uInt)(in.n - at > 0x7fffffff ? 0x7fffffff : in.n - at);
		do {
			z.next_out = (Bytef *)chunk;
			z.avail_out = sizeof chunk;
			rc = inflate(&z, Z_NO_FLUSH);
			if (rc != Z_OK && rc != Z_STREAM_END) {
				snprintf(why, whylen, "byte %zu: %s", at + z.total_in,
					 rc == Z_BUF_ERROR ? "truncated gzip data" : "corrupt gzip data");
				inflateEnd(&z);
				return -1;
			}
			dyad_buf_put(out, chunk, sizeof chunk - z.avail_out);
			if (limit && out->n > limit) {
				snprintf(why, whylen, "more than %zu bytes once decompressed", limit);
				inflateEnd(&z);
				return -1;
			}
			if (rc != Z_STREAM_END && z.avail_in == 0 && z.avail_out != 0) {
				snprintf(why, whylen, "byte %zu: truncated gzip data", at + z.total_in);
				inflateEnd(&z);
				return -1;
			}
		} while (rc != Z_STREAM_END);
		at += z.total_in;
		inflateEnd(&z);
		/* members follow one another; anything else after them is trailing garbage, ignored */
		if (at + 2 <= in.n && !((unsigned char)in.p[at] == 0x1f && (unsigned char)in.p[at + 1] == 0x8b))
			break;
	}
	return 0;
}
