/*
 * internal.h — what the reader's parts share: the HTML extractor (html.c)
 * and the WARC record walker (warc.c) used by reader.c.
 */
#ifndef DYAD_READ_INTERNAL_H
#define DYAD_READ_INTERNAL_H

#include "dyad/read.h"

/* What an HTML document gives: visible text a block per line, and its metadata. */
typedef struct {
	dyad_buf text;
	dyad_buf title, h1, site_name, url, published, author;
} html_page;

/** Extract `html` (any declared charset) into `out`; `out`'s buffers are cleared first. */
void html_extract(dyad_str html, const char *base_url, html_page *out);
void html_page_free(html_page *p);

/* One WARC record. */
typedef struct {
	dyad_str type;      /* WARC-Type */
	dyad_str id;        /* WARC-Record-ID */
	dyad_str uri;       /* WARC-Target-URI */
	dyad_str content_type;
	dyad_str block;     /* the record's content */
	size_t offset;      /* where the record starts in the file */
} warc_record;

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
