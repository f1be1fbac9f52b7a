/*
 * read.h — inputs. A reader walks files, directories and stdin, recognises each
 * input's format (plain-text page dump, HTML, JSON Lines, WARC, WARC.gz) and
 * hands out one page at a time as text lines plus whatever metadata the format
 * carries. Cleaning (src/clean) turns a page into a document.
 */
#ifndef DYAD_READ_H
#define DYAD_READ_H

#include "dyad/util.h"

typedef enum {
	DYAD_FMT_AUTO = 0, /**< detect from the content */
	DYAD_FMT_TEXT,     /**< a page saved as text, like a scraper's dump */
	DYAD_FMT_HTML,
	DYAD_FMT_JSONL, /**< one JSON object per line: url, html or text, title, date */
	DYAD_FMT_WARC   /**< WARC or gzip-compressed WARC; response records with HTML */
} dyad_format;

/** "text", "html", "jsonl", "warc"; NULL for an unknown name. */
const char *dyad_format_name(dyad_format f);
/** Parse a --input value; returns DYAD_FMT_AUTO for "auto", -1 for an unknown name. */
int dyad_format_parse(const char *name);

/**
 * One page as read from its input. All strings are valid UTF-8 (invalid bytes
 * were replaced by U+FFFD and counted in `repaired`) and NFC-normalised, owned
 * by the reader and valid until the next dyad_reader_next() call.
 */
typedef struct {
	const char *path;   /**< the input as given ("-" for stdin) */
	const char *record; /**< line number of a JSON Lines record ("17"), WARC-Record-ID; NULL for a single page */
	uint64_t id;        /**< stable: hash of the raw bytes and the record's place in its file */
	dyad_format format; /**< the format the page came in */
	dyad_str text;      /**< the page's visible text, one line per block, "\n" between lines */
	size_t repaired;    /**< invalid UTF-8 sequences replaced */
	/* Metadata the format carried; {NULL, 0} when absent. */
	dyad_str url;       /**< JSONL "url", WARC-Target-URI, HTML canonical / og:url */
	dyad_str title;     /**< JSONL "title", HTML og:title or <title> */
	dyad_str h1;        /**< HTML: the first <h1> */
	dyad_str site_name; /**< HTML og:site_name */
	dyad_str published; /**< JSONL "date", HTML article:published_time or similar meta, as written */
	dyad_str author;    /**< HTML author meta */
} dyad_page;

typedef struct dyad_reader dyad_reader;

typedef struct {
	dyad_format format; /**< force a format; DYAD_FMT_AUTO detects per input */
	size_t max_bytes;   /**< refuse inputs (or records) larger than this; 0 = 256 MiB */
} dyad_read_opts;

#define DYAD_READ_OPTS_INIT      \
	{                        \
		DYAD_FMT_AUTO, 0 \
	}

/**
 * A reader over `paths` (files, directories read recursively in byte order of
 * their names, or "-" for stdin). The strings in `paths` must outlive it.
 */
dyad_reader *dyad_reader_new(const char *const *paths, size_t npaths, const dyad_read_opts *opts);
void dyad_reader_free(dyad_reader *r);

/**
 * The next page: 1 with *out filled, 0 at the end of all inputs, or a negative
 * DYAD_E* code when one input or record could not be read; then
 * dyad_reader_errmsg() names the file (and line or record) and what is wrong,
 * and the next call goes on with the rest. The page stays valid until the
 * next call.
 */
int dyad_reader_next(dyad_reader *r, dyad_page *out);
const char *dyad_reader_errmsg(const dyad_reader *r);
/** How many inputs or records failed so far (for the exit status). */
size_t dyad_reader_failures(const dyad_reader *r);

#endif
