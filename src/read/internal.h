/*
 * internal.h — what the reader's parts share: the HTML extractor (html.c)
 * and the WARC record walker (warc.c) used by reader.c.
 */
#ifndef DYAD_READ_INTERNAL_H
#define DYAD_READ_INTERNAL_H

#include "dyad/read.h"

#include <stdio.h>
#include <zlib.h>

/* What an HTML document gives: visible text a block per line, and its metadata. */
typedef struct {
	dyad_buf text;
	dyad_buf title, h1, site_name, url, published, author;
} html_page;

/**
 * Extract `html` into `out`; `out`'s buffers are cleared first. `charset` is
 * the one the bytes are known to be in whatever the markup says (an HTTP
 * header's, "UTF-8" for text decoded already); NULL reads the charset the
 * markup declares. Returns how many ill-formed sequences of a UTF-8 page
 * (so known or declared, or naming no charset) were replaced by U+FFFD.
 */
size_t html_extract(dyad_str html, const char *base_url, const char *charset, html_page *out);
void html_page_free(html_page *p);

/* One WARC record. */
typedef struct {
	dyad_str type; /* WARC-Type */
	dyad_str id;   /* WARC-Record-ID */
	dyad_str uri;  /* WARC-Target-URI */
	dyad_str content_type;
	dyad_str block; /* the record's content */
	size_t offset;  /* where the record starts in the file */
} warc_record;

/*
 * A WARC input read as a stream, plain or gzip (one member per record, or
 * one for the whole file): the bytes of the record being read are held, not
 * the file. A damaged gzip member costs the records it holds: reading goes
 * on at the next member, and at the next "WARC/" version line in what it
 * gives. A plain record between gzip members is read as it stands.
 */
typedef struct {
	FILE *f; /* NULL once the input is at its end */
	int own; /* f is ours to close (not stdin) */
	int gz;  /* the input is gzip */
	z_stream z;
	unsigned char in[65536];
	size_t in_off;    /* file offset of in[0] */
	size_t member_at; /* file offset of the gzip member being inflated */
	int member_open;  /* inflate is inside a member */
	dyad_buf win;     /* the data (decompressed) from offset win_off on */
	size_t win_off;
	size_t pos;  /* where the next record is looked for (data offset) */
	int damaged; /* the data stops at a damaged member: damage names it */
	char damage[200];
	size_t limit;    /* largest record taken */
	size_t raw_left; /* bytes of a plain record between gzip members still to copy */
} warc_stream;

/** Does [p, p + n) begin with a WARC version line ("WARC/1.1", "WARC/0.17")? */
int warc_version_at(const char *p, size_t n);

/*
 * Start reading `f` (the first `nhead` bytes, already read from it, are
 * `head`). `own`: close f at the end. Never fails; read errors come as records' errors.
 */
void warc_stream_open(warc_stream *s, FILE *f, int own, const void *head, size_t nhead, size_t limit);
void warc_stream_close(warc_stream *s);

/**
 * The next record of the stream. Returns 1 with *rec filled (its strings
 * valid until the next call), 0 at the end, or -1 for a malformed, truncated
 * or damaged record with a message naming its offset in `why`; the next call
 * goes on after it.
 */
int warc_stream_next(warc_stream *s, warc_record *rec, char *why, size_t whylen);

/** The first `max` decompressed bytes of `head` (the start of a gzip file) into `out`; for recognising the input. */
void gunzip_peek(const void *head, size_t n, dyad_buf *out, size_t max);

/**
 * The record at *pos in `data`. Returns 1 with *rec filled and *pos after it,
 * 0 at the end, or -1 for a malformed or truncated record with a message in
 * `why` and *pos moved to the next "WARC/1." line (or the end).
 */
int warc_next(dyad_str data, size_t *pos, warc_record *rec, char *why, size_t whylen);

/**
 * The payload of an HTTP response (headers dropped, chunked transfer
 * decoded); *content_type gets the response's Content-Type. 0, or -1 if it is
 * not an HTTP response.
 */
int http_payload(dyad_str block, dyad_buf *out, dyad_str *content_type);

/** Gunzip all members of `in` into `out`, refusing more than `limit` bytes. 0, or -1 with `why`. */
int gunzip_all(dyad_str in, dyad_buf *out, size_t limit, char *why, size_t whylen);

#endif
