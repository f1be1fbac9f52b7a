/*
 * warc.c — WARC 1.0/1.1 records (Common Crawl's CC-NEWS is WARC, gzip per
 * record) read as a stream, inflated member by member; the HTTP responses
 * inside them; and gunzipping concatenated gzip members. A truncated or
 * malformed record is named by its byte offset, a damaged gzip member by its
 * offset in the file, and reading goes on at the next member and record.
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

int warc_version_at(const char *p, size_t n)
{
	size_t i = 5;

	if (n < 8 || memcmp(p, "WARC/", 5) != 0 || p[i] < '0' || p[i] > '9')
		return 0;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++;
	return i + 1 < n && p[i] == '.' && p[i + 1] >= '0' && p[i + 1] <= '9';
}

/* ---- the stream --------------------------------------------------------------------------- */

#define HEAD_MAX (1u << 20) /* longest WARC header block taken */

void warc_stream_open(warc_stream *s, FILE *f, int own, const void *head, size_t nhead, size_t limit)
{
	memset(s, 0, sizeof *s);
	s->f = f;
	s->own = own;
	s->limit = limit;
	if (nhead > sizeof s->in)
		nhead = sizeof s->in;
	memcpy(s->in, head, nhead);
	s->z.next_in = s->in;
	s->z.avail_in = (uInt)nhead;
	s->gz = nhead >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b;
	if (s->gz && inflateInit2(&s->z, 15 + 16) != Z_OK) {
		s->damaged = 1;
		snprintf(s->damage, sizeof s->damage, "cannot start gunzip");
	}
}

void warc_stream_close(warc_stream *s)
{
	if (s->f && s->own)
		fclose(s->f);
	if (s->gz)
		inflateEnd(&s->z);
	dyad_buf_free(&s->win);
	memset(s, 0, sizeof *s);
}

/* File offset of the next compressed byte inflate will read. */
static size_t in_at(const warc_stream *s)
{
	return s->in_off + (size_t)(s->z.next_in - s->in);
}

/* More raw bytes into s->in, keeping those not read yet; 0 at the end of the file. */
static int read_more(warc_stream *s)
{
	size_t keep = s->z.avail_in, n;

	if (s->f == NULL)
		return 0;
	s->in_off = in_at(s);
	memmove(s->in, s->z.next_in, keep);
	n = fread(s->in + keep, 1, sizeof s->in - keep, s->f);
	s->z.next_in = s->in;
	s->z.avail_in = (uInt)(keep + n);
	if (n == 0) {
		if (s->own)
			fclose(s->f);
		s->f = NULL;
		return 0;
	}
	return 1;
}

/* Skip raw bytes to the next gzip member header (1f 8b 08); 0 when the file ends first. */
static int next_member(warc_stream *s)
{
	for (;;) {
		while (s->z.avail_in >= 3) {
			if (s->z.next_in[0] == 0x1f && s->z.next_in[1] == 0x8b && s->z.next_in[2] == 0x08)
				return 1;
			s->z.next_in++;
			s->z.avail_in--;
		}
		if (!read_more(s)) {
			s->z.next_in += s->z.avail_in; /* a few bytes at the end that begin nothing */
			s->z.avail_in = 0;
			return 0;
		}
	}
}

/* A damaged stretch of gzip data: the data stops here until the record reader has said so. */
static void damage(warc_stream *s, const char *what)
{
	snprintf(s->damage, sizeof s->damage, "gzip member at byte %zu: %s", s->member_at, what);
	s->damaged = 1;
	s->member_open = 0;
	inflateReset(&s->z);
}

/*
 * Between gzip members: blank lines are passed over, and a plain WARC record
 * (some tools append one to a .warc.gz) is measured from its headers so
 * that fill() copies it as it stands. 0 when the bytes here begin neither.
 */
static int plain_between_members(warc_stream *s)
{
	const char *p, *end;
	size_t n, sep;
	dyad_str len;
	unsigned long long v;
	char num[24], *e;

	for (;;) {
		while (s->z.avail_in && (s->z.next_in[0] == '\r' || s->z.next_in[0] == '\n')) {
			s->z.next_in++;
			s->z.avail_in--;
		}
		if (s->z.avail_in >= 3 || !read_more(s))
			break;
	}
	if (s->z.avail_in < sizeof s->in / 2)
		read_more(s);
	p = (const char *)s->z.next_in;
	n = s->z.avail_in;
	if (n == 0 || (n >= 3 && s->z.next_in[0] == 0x1f && s->z.next_in[1] == 0x8b && s->z.next_in[2] == 0x08))
		return 1; /* only blank lines: the next member (or the end) is here */
	if (!warc_version_at(p, n))
		return 0;
	end = find_bytes(p, n, "\r\n\r\n", 4);
	sep = 4;
	{
		const char *lf = find_bytes(p, end ? (size_t)(end - p) : n, "\n\n", 2);
		if (lf) {
			end = lf;
			sep = 2;
		}
	}
	if (end == NULL)
		return 0;
	len = header((dyad_str){ p, (size_t)(end - p) }, "Content-Length");
	v = 0;
	if (len.p && len.n > 0 && len.n < sizeof num) {
		memcpy(num, len.p, len.n);
		num[len.n] = '\0';
		v = strtoull(num, &e, 10);
		if (*e || num[0] == '-')
			v = 0;
	}
	s->raw_left = (size_t)(end - p) + sep + (size_t)v; /* a bad length is the record reader's to name */
	return 1;
}

/* Decompress (or read) until the window reaches data offset `want`, the input ends or damage stops it. */
static void fill(warc_stream *s, size_t want)
{
	unsigned char out[65536];

	while (s->win_off + s->win.n < want && !s->damaged) {
		int rc;

		if (!s->gz) {
			if (s->z.avail_in == 0 && !read_more(s))
				return;
			dyad_buf_put(&s->win, s->z.next_in, s->z.avail_in);
			s->z.next_in += s->z.avail_in;
			s->z.avail_in = 0;
			continue;
		}
		if (s->raw_left) {
			size_t k;
			if (s->z.avail_in == 0 && !read_more(s))
				return;
			k = s->z.avail_in < s->raw_left ? s->z.avail_in : s->raw_left;
			dyad_buf_put(&s->win, s->z.next_in, k);
			s->z.next_in += k;
			s->z.avail_in -= (uInt)k;
			s->raw_left -= k;
			continue;
		}
		if (!s->member_open) {
			/* between members: the next one must start here, or a plain record */
			if (s->z.avail_in < 3)
				read_more(s);
			if (s->z.avail_in == 0)
				return;
			s->member_at = in_at(s);
			if (s->z.avail_in < 3 || s->z.next_in[0] != 0x1f || s->z.next_in[1] != 0x8b ||
			    s->z.next_in[2] != 0x08) {
				if (plain_between_members(s)) {
					if (s->raw_left == 0 && s->z.avail_in == 0)
						return;
					continue;
				}
				damage(s, "not the start of a gzip member");
				next_member(s);
				return;
			}
			s->member_open = 1;
		}
		if (s->z.avail_in == 0 && !read_more(s)) {
			damage(s, "truncated (the file ends inside it)");
			return;
		}
		s->z.next_out = out;
		s->z.avail_out = sizeof out;
		rc = inflate(&s->z, Z_NO_FLUSH);
		dyad_buf_put(&s->win, out, sizeof out - s->z.avail_out);
		if (rc == Z_STREAM_END) {
			inflateReset(&s->z);
			s->member_open = 0;
		} else if (rc != Z_OK && !(rc == Z_BUF_ERROR && s->z.avail_in == 0)) {
			damage(s, rc == Z_DATA_ERROR ? "corrupt data" : "cannot be inflated");
			if (in_at(s) == s->member_at && s->z.avail_in) {
				s->z.next_in++; /* never find the same member again */
				s->z.avail_in--;
			}
			next_member(s);
			return;
		}
	}
}

/* The window's bytes from data offset `at` on, and how many there are. */
static const char *at_ptr(const warc_stream *s, size_t at, size_t *avail)
{
	*avail = s->win_off + s->win.n > at ? s->win_off + s->win.n - at : 0;
	return *avail ? s->win.p + (at - s->win_off) : ""; /* an empty window may have no buffer yet */
}

/* Drop the window's bytes before s->pos: what has been read is not held. */
static void compact(warc_stream *s)
{
	size_t drop = s->pos - s->win_off;

	if (drop == 0)
		return;
	if (drop > s->win.n)
		drop = s->win.n;
	memmove(s->win.p, s->win.p + drop, s->win.n - drop);
	s->win.n -= drop;
	s->win_off += drop;
}

/* Find `needle` from data offset `from` on, reading on for at most `max` bytes; its offset, or SIZE_MAX. */
static size_t find_on(warc_stream *s, size_t from, const char *needle, size_t m, size_t max)
{
	size_t at = from, avail, end;

	for (;;) {
		const char *p = at_ptr(s, at, &avail), *hit = find_bytes(p, avail, needle, m);
		if (hit)
			return at + (size_t)(hit - p);
		if (avail >= m)
			at += avail - m + 1; /* the last m - 1 bytes may begin it */
		if (at - from > max)
			return SIZE_MAX;
		end = s->win_off + s->win.n;
		fill(s, end + 65536);
		if (s->win_off + s->win.n == end)
			return SIZE_MAX;
	}
}

/* Go on at the next WARC version line after data offset `from`, holding nothing of what lies between. */
static void skip_to_record(warc_stream *s, size_t from)
{
	for (;;) {
		size_t at, avail;
		s->pos = from;
		compact(s);
		at = find_on(s, from, "WARC/", 5, 65536);
		if (at != SIZE_MAX) {
			const char *p;
			fill(s, at + 16);
			p = at_ptr(s, at, &avail);
			if (warc_version_at(p, avail) || (avail < 16 && s->f == NULL && s->z.avail_in == 0)) {
				s->pos = at;
				return;
			}
			from = at + 1;
			continue;
		}
		from = s->win_off + s->win.n > from + 6 ? s->win_off + s->win.n - 6 : from;
		if (s->damaged || (s->f == NULL && s->z.avail_in == 0 && !s->member_open)) {
			s->pos = s->win_off + s->win.n;
			return;
		}
	}
}

/*
 * A record's block that runs on past its end: `b` holds `avail` bytes from
 * the block's start, which should be `clen` long and then end at a blank
 * line or the end of the data. When it does not, the offset in the block of
 * a record that starts inside it (a WARC version line after a blank line
 * and before a "WARC-" header), else SIZE_MAX.
 */
static size_t overrun(const char *b, size_t avail, size_t clen)
{
	size_t i, n = avail < clen ? avail : clen;

	if (avail > clen && (b[clen] == '\r' || b[clen] == '\n'))
		return SIZE_MAX;
	if (avail == clen)
		return SIZE_MAX;
	for (i = 0; i + 1 < n; i++) {
		const char *hit = find_bytes(b + i, n - i, "\nWARC/", 6), *nl;
		size_t at;
		if (hit == NULL)
			return SIZE_MAX;
		at = (size_t)(hit - b) + 1;
		i = at;
		/* a blank line before it: "\n\n" or "\n\r\n" */
		if (at < 2 || !(b[at - 2] == '\n' || (at >= 3 && b[at - 2] == '\r' && b[at - 3] == '\n')) ||
		    !warc_version_at(b + at, n - at))
			continue;
		nl = memchr(b + at, '\n', n - at);
		if (nl && (size_t)(nl - b) + 6 <= n && memcmp(nl + 1, "WARC-", 5) == 0)
			return at;
	}
	return SIZE_MAX;
}

/* How a message about damage ends: reading goes on when the file has more. */
static const char *goes_on(const warc_stream *s)
{
	return s->f || s->z.avail_in ? "; reading goes on at the next member" : "";
}

/* The message of a record lost at data offset `at`: damage first, when the data stopped at some. */
static int lost(warc_stream *s, size_t at, const char *what, char *why, size_t whylen)
{
	if (s->damaged) {
		snprintf(why, whylen, "byte %zu: WARC record lost: %s%s", at, s->damage, goes_on(s));
		s->damaged = 0;
		skip_to_record(s, s->win_off + s->win.n);
	} else {
		snprintf(why, whylen, "byte %zu: %s", at, what);
		skip_to_record(s, at + 1);
	}
	return -1;
}

int warc_stream_next(warc_stream *s, warc_record *rec, char *why, size_t whylen)
{
	const char *p, *end_head;
	dyad_str head, len;
	size_t at, avail, body, clen;
	char num[32], what[160];

	compact(s);
	/* blank lines between records */
	for (;;) {
		fill(s, s->pos + 1);
		p = at_ptr(s, s->pos, &avail);
		if (avail == 0)
			break;
		if (*p != '\r' && *p != '\n')
			break;
		s->pos++;
		compact(s);
	}
	at = s->pos;
	if (avail == 0) {
		if (!s->damaged)
			return 0;
		/* damage between records: nothing is lost but what the member held */
		snprintf(why, whylen, "byte %zu: %s%s", at, s->damage, goes_on(s));
		s->damaged = 0;
		return -1;
	}
	memset(rec, 0, sizeof *rec);
	rec->offset = at;
	fill(s, at + 16);
	p = at_ptr(s, at, &avail);
	if (!warc_version_at(p, avail)) {
		if (avail < 8 && s->damaged)
			return lost(s, at, "", why, whylen);
		if (avail < 8 && memcmp(p, "WARC/1.", avail) == 0)
			snprintf(what, sizeof what, "truncated WARC record (the file ends in its first line)");
		else
			snprintf(what, sizeof what, "expected a WARC record ('WARC/1.x')");
		return lost(s, at, what, why, whylen);
	}
	/*
	 * The headers end at an empty line: CRLF as the standard has it, or a bare LF as some tools
	 * write, which must not carry the search into the next record's headers
	 */
	clen = find_on(s, at, "\r\n\r\n", 4, HEAD_MAX);
	p = at_ptr(s, at, &avail);
	end_head = find_bytes(p, clen == SIZE_MAX ? avail : clen - at, "\n\n", 2);
	if (end_head == NULL && clen == SIZE_MAX) {
		if (avail > HEAD_MAX)
			return lost(s, at, "WARC headers longer than 1 MB", why, whylen);
		return lost(s, at, "truncated WARC record (headers never end)", why, whylen);
	}
	head = (dyad_str){ p, end_head ? (size_t)(end_head - p) : clen - at };
	body = at + head.n + (end_head ? 2 : 4);
	len = header(head, "Content-Length");
	if (len.p == NULL || len.n == 0 || len.n >= sizeof num)
		return lost(s, at, "WARC record without a Content-Length", why, whylen);
	memcpy(num, len.p, len.n);
	num[len.n] = '\0';
	{
		char *e;
		unsigned long long v = strtoull(num, &e, 10);
		if (*e || num[0] == '-') {
			snprintf(what, sizeof what, "bad Content-Length '%s'", num);
			return lost(s, at, what, why, whylen);
		}
		if (s->limit && v > s->limit) {
			snprintf(what, sizeof what, "WARC record of %llu bytes, more than the limit of %zu", v, s->limit);
			return lost(s, at, what, why, whylen);
		}
		clen = (size_t)v;
	}
	fill(s, body + clen + 2);
	p = at_ptr(s, at, &avail);
	{
		/* the block must end at a blank line or the end of the data; else its length runs on */
		size_t next = overrun(p + (body - at), avail - (body - at), clen);
		if (next != SIZE_MAX) {
			snprintf(why,
				 whylen, "byte %zu: WARC record lost: its Content-Length (%zu) runs into the next record, at byte %zu",
				 at, clen, body + next);
			s->pos = body + next;
			return -1;
		}
	}
	if (avail < body + clen - at) {
		size_t got = avail > body - at ? avail - (body - at) : 0;
		if (s->damaged)
			return lost(s, at, "", why, whylen);
		snprintf(why, whylen, "byte %zu: truncated WARC record (%zu of %zu content bytes)", at, got, clen);
		s->pos = s->win_off + s->win.n;
		return -1;
	}
	/* header() hands out pointers into the window, which stays put until the next call */
	head = (dyad_str){ p, head.n };
	rec->type = header(head, "WARC-Type");
	rec->id = header(head, "WARC-Record-ID");
	rec->uri = header(head, "WARC-Target-URI");
	rec->content_type = header(head, "Content-Type");
	rec->block = (dyad_str){ p + (body - at), clen };
	s->pos = body + clen;
	return 1;
}

void gunzip_peek(const void *head, size_t n, dyad_buf *out, size_t max)
{
	z_stream z;
	char *buf = dyad_xmalloc(max);

	dyad_buf_clear(out);
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 16) == Z_OK) {
		z.next_in = (Bytef *)(uintptr_t)head;
		z.avail_in = (uInt)n;
		z.next_out = (Bytef *)buf;
		z.avail_out = (uInt)max;
		inflate(&z, Z_SYNC_FLUSH);
		dyad_buf_put(out, buf, max - z.avail_out);
		inflateEnd(&z);
	}
	free(buf);
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
