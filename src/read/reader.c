/*
 * reader.c — inputs to pages. Paths are expanded (directories walked in byte
 * order of names, hidden files skipped); a WARC input (plain or gzip) is read
 * as a stream, a record at a time, so memory follows the largest record and
 * not the file; any other input is read whole, gunzipped if it is gzip,
 * recognised (JSON Lines, HTML, else a page saved as text) and handed out one
 * page at a time. Every page's text is repaired
 * UTF-8 and NFC. A bad input or record is one error naming it; the next call
 * goes on with the rest.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <sys/stat.h>

#include "dyad/json.h"
#include "dyad/utf8.h"

#define DEFAULT_MAX (256u << 20)

struct dyad_reader {
	dyad_read_opts opts;
	char **files;
	size_t nfiles, next_file;
	/* the input being read */
	const char *path;
	dyad_buf raw;     /* its bytes, decompressed (all inputs but WARC) */
	warc_stream warc; /* a WARC input, read record by record */
	int streaming;    /* the input is read through `warc` */
	FILE *lines;      /* a JSON Lines input read a line at a time into raw; NULL once at its end */
	int lines_own;    /* lines is ours to close (not stdin) */
	int line_stream;  /* raw holds the lines not yet read, not the whole input */
	int skipping;     /* a line longer than the limit is being passed over */
	dyad_format fmt;
	size_t pos, line, ordinal;
	int open;
	/* the page handed out */
	dyad_buf text, scratch, nfc;
	html_page html;
	dyad_buf meta[6]; /* url, title, h1, site, published, author for JSON Lines records */
	char record[128];
	dyad_arena *arena;
	char err[700];
	size_t failures;
};

const char *dyad_format_name(dyad_format f)
{
	switch (f) {
	case DYAD_FMT_AUTO: return "auto";
	case DYAD_FMT_TEXT: return "text";
	case DYAD_FMT_HTML: return "html";
	case DYAD_FMT_JSONL: return "jsonl";
	case DYAD_FMT_WARC: return "warc";
	}
	return NULL;
}

int dyad_format_parse(const char *name)
{
	static const char *const names[] = { "auto", "text", "html", "jsonl", "warc" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

/* ---- paths --------------------------------------------------------------------------------- */

static void add_file(dyad_reader *r, const char *path)
{
	if (r->nfiles % 64 == 0)
		r->files = dyad_xrealloc(r->files, (r->nfiles + 64) * sizeof *r->files);
	r->files[r->nfiles++] = dyad_xstrdup(path);
}

static void expand(dyad_reader *r, const char *path, int depth)
{
	struct stat st;
	char **names;
	long n, i;

	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISDIR(st.st_mode) || depth > 32) {
		add_file(r, path); /* a missing file is reported when its turn comes */
		return;
	}
	if ((n = dyad_list_dir(path, NULL, &names)) < 0) {
		add_file(r, path);
		return;
	}
	for (i = 0; i < n; i++) {
		size_t len = strlen(path) + strlen(names[i]) + 2;
		char *child = dyad_xmalloc(len);
		snprintf(child, len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		expand(r, child, depth + 1);
		free(child);
	}
	dyad_names_free(names, (size_t)n);
}

dyad_reader *dyad_reader_new(const char *const *paths, size_t npaths, const dyad_read_opts *opts)
{
	dyad_reader *r = dyad_xcalloc(1, sizeof *r);
	size_t i;

	if (opts)
		r->opts = *opts;
	if (r->opts.max_bytes == 0)
		r->opts.max_bytes = DEFAULT_MAX;
	for (i = 0; i < npaths; i++)
		expand(r, paths[i], 0);
	r->arena = dyad_arena_new();
	return r;
}

void dyad_reader_free(dyad_reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nfiles; i++)
		free(r->files[i]);
	free(r->files);
	dyad_buf_free(&r->raw);
	if (r->streaming)
		warc_stream_close(&r->warc);
	if (r->lines && r->lines_own)
		fclose(r->lines);
	dyad_buf_free(&r->text);
	dyad_buf_free(&r->scratch);
	dyad_buf_free(&r->nfc);
	for (i = 0; i < 6; i++)
		dyad_buf_free(&r->meta[i]);
	html_page_free(&r->html);
	dyad_arena_free(r->arena);
	free(r);
}

const char *dyad_reader_errmsg(const dyad_reader *r)
{
	return r->err;
}

size_t dyad_reader_failures(const dyad_reader *r)
{
	return r->failures;
}

static int error(dyad_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int error(dyad_reader *r, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(r->err, sizeof r->err, "%s: ", r->path ? r->path : "-");

	va_start(ap, fmt);
	vsnprintf(r->err + n, sizeof r->err - (size_t)n, fmt, ap);
	va_end(ap);
	r->failures++;
	return DYAD_EINPUT;
}

/* ---- recognising an input ---------------------------------------------------------------- */

static int binary(dyad_str s)
{
	size_t i, n = s.n < 4096 ? s.n : 4096, bad = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (c == 0)
			return 1;
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b)
			bad++;
	}
	return n && bad * 20 > n;
}

static int looks_html(dyad_str s)
{
	static const char *const marks[] = { "<!doctype html", "<html",  "<head", "<body", "<meta", "<div", "<p>",
					     "<article",       "<title", "<!--",  NULL };
	size_t i = 0, n = s.n < 2048 ? s.n : 2048;
	const char *const *m;

	if (n >= 3 && memcmp(s.p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (s.p[i] == ' ' || s.p[i] == '\n' || s.p[i] == '\r' || s.p[i] == '\t'))
		i++;
	if (i >= n || s.p[i] != '<')
		return 0;
	for (m = marks; *m; m++)
		if (n - i >= strlen(*m) && strncasecmp(s.p + i, *m, strlen(*m)) == 0)
			return 1;
	return 0;
}

static dyad_format detect(dyad_str s)
{
	size_t i = 0;

	if (s.n >= 7 && memcmp(s.p, "WARC/1.", 7) == 0)
		return DYAD_FMT_WARC;
	if (looks_html(s))
		return DYAD_FMT_HTML;
	if (s.n >= 3 && memcmp(s.p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < s.n && (s.p[i] == ' ' || s.p[i] == '\n' || s.p[i] == '\r' || s.p[i] == '\t'))
		i++;
	if (i < s.n && s.p[i] == '{')
		return DYAD_FMT_JSONL;
	return DYAD_FMT_TEXT;
}

/* Is the input that begins with `head` a WARC file, plain or gzip? */
static int starts_warc(const unsigned char *head, size_t n)
{
	dyad_buf peek = DYAD_BUF_INIT;
	int yes;

	if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b) {
		gunzip_peek(head, n, &peek, 64);
		yes = warc_version_at(peek.p, peek.n);
		dyad_buf_free(&peek);
		return yes;
	}
	return warc_version_at((const char *)head, n);
}

/*
 * Open the next input file; 1 when one is open, 0 at the end, <0 for a file
 * that failed. A WARC file (plain or gzip) is read as a stream, a record at
 * a time; any other input is read whole.
 */
static int open_next(dyad_reader *r)
{
	unsigned char head[16384];
	dyad_buf file = DYAD_BUF_INIT;
	int is_stdin, rc = 0;
	FILE *f;
	struct stat st;
	size_t n;

	if (r->next_file >= r->nfiles)
		return 0;
	r->path = r->files[r->next_file++];
	r->pos = r->line = r->ordinal = 0;
	dyad_buf_clear(&r->raw);
	is_stdin = strcmp(r->path, "-") == 0;
	if ((f = is_stdin ? stdin : fopen(r->path, "rb")) == NULL) {
		snprintf(r->err, sizeof r->err, "%s: cannot open: %s", r->path, strerror(errno));
		r->failures++;
		return DYAD_EIO;
	}
	if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		snprintf(r->err, sizeof r->err, "%s: is a directory", r->path);
		r->failures++;
		return DYAD_EIO;
	}
	n = fread(head, 1, sizeof head, f);
	if (n > 0 && (r->opts.format == DYAD_FMT_WARC || (r->opts.format == DYAD_FMT_AUTO && starts_warc(head, n)))) {
		warc_stream_open(&r->warc, f, !is_stdin, head, n, r->opts.max_bytes);
		r->streaming = 1;
		r->fmt = DYAD_FMT_WARC;
		r->open = 1;
		return 1;
	}
	if (n > 0 && !(n >= 2 && head[0] == 0x1f && head[1] == 0x8b) && !binary((dyad_str){ (const char *)head, n }) &&
	    (r->opts.format == DYAD_FMT_JSONL ||
	     (r->opts.format == DYAD_FMT_AUTO && detect((dyad_str){ (const char *)head, n }) == DYAD_FMT_JSONL))) {
		/* JSON Lines: a line at a time, so a long record is held once */
		dyad_buf_put(&r->raw, head, n);
		r->lines = f;
		r->lines_own = !is_stdin;
		r->line_stream = 1;
		r->skipping = 0;
		r->fmt = DYAD_FMT_JSONL;
		r->open = 1;
		return 1;
	}
	/* any other input: read whole */
	dyad_buf_put(&file, head, n);
	while (n > 0 && (n = fread(head, 1, sizeof head, f)) > 0) {
		if (file.n + n > r->opts.max_bytes) {
			rc = error(r, "larger than the limit of %zu bytes", r->opts.max_bytes);
			break;
		}
		dyad_buf_put(&file, head, n);
	}
	if (rc == 0 && ferror(f))
		rc = error(r, "read error: %s", strerror(errno));
	if (!is_stdin)
		fclose(f);
	if (rc < 0) {
		dyad_buf_free(&file);
		return rc;
	}
	if (file.n == 0) {
		dyad_buf_free(&file);
		return error(r, "empty");
	}
	if (file.n >= 2 && (unsigned char)file.p[0] == 0x1f && (unsigned char)file.p[1] == 0x8b) {
		char why[200];
		if (gunzip_all((dyad_str){ file.p, file.n }, &r->raw, r->opts.max_bytes, why, sizeof why) < 0) {
			dyad_buf_free(&file);
			return error(r, "gzip: %s", why);
		}
		dyad_buf_free(&file);
	} else {
		dyad_buf_free(&r->raw);
		r->raw = file;
	}
	if (r->raw.n == 0)
		return error(r, "empty");
	if (binary((dyad_str){ r->raw.p, r->raw.n }))
		return error(r, "binary data, not a page");
	r->fmt = r->opts.format != DYAD_FMT_AUTO ? r->opts.format : detect((dyad_str){ r->raw.p, r->raw.n });
	r->open = 1;
	return 1;
}

/* ---- making a page ------------------------------------------------------------------------- */

/*
 * Repair and normalise `s` into r->text; the page's text points there. Text
 * that is well-formed, free of NUL bytes and NFC already is not copied: the
 * page's text is `s` itself, which the caller keeps until the next page.
 */
static dyad_str clean_text(dyad_reader *r, dyad_str s, size_t *repaired)
{
	int valid = dyad_utf8_valid(s) && !(s.n && memchr(s.p, 0, s.n));

	if (valid && dyad_utf8_is_nfc(s))
		return s.p ? s : (dyad_str){ "", 0 };
	if (!valid) {
		dyad_buf_clear(&r->scratch);
		*repaired += dyad_utf8_repair(&r->scratch, s);
		s = (dyad_str){ r->scratch.p ? r->scratch.p : "", r->scratch.n };
	}
	dyad_buf_clear(&r->text);
	dyad_utf8_nfc(&r->text, s);
	return (dyad_str){ r->text.p ? r->text.p : "", r->text.n };
}

/* A metadata string repaired into its own buffer. */
static dyad_str meta_str(dyad_reader *r, int slot, dyad_str s, size_t *repaired)
{
	dyad_buf_clear(&r->meta[slot]);
	if (s.n == 0)
		return (dyad_str){ NULL, 0 };
	*repaired += dyad_utf8_repair(&r->meta[slot], s);
	return dyad_str_trim((dyad_str){ r->meta[slot].p, r->meta[slot].n });
}

static dyad_str buf_str(const dyad_buf *b)
{
	return b->n ? (dyad_str){ b->p, b->n } : (dyad_str){ NULL, 0 };
}

/* The charset a Content-Type names ("text/html; charset=windows-1251"), copied into out; NULL for none. */
static const char *ctype_charset(dyad_str ctype, char out[48])
{
	size_t i, k = 0;

	for (i = 0; i + 8 <= ctype.n; i++)
		if (strncasecmp(ctype.p + i, "charset=", 8) == 0)
			break;
	if (i + 8 > ctype.n)
		return NULL;
	for (i += 8; i < ctype.n && (ctype.p[i] == '"' || ctype.p[i] == '\'' || ctype.p[i] == ' '); i++)
		;
	while (i < ctype.n && k + 1 < 48 && ctype.p[i] != '"' && ctype.p[i] != '\'' && ctype.p[i] != ';' &&
	       ctype.p[i] != ' ')
		out[k++] = ctype.p[i++];
	out[k] = '\0';
	return k ? out : NULL;
}

/* A page from HTML whose bytes are in `charset` (NULL: as its markup says). */
static void page_from_html(dyad_reader *r, dyad_str html, const char *url, const char *charset, dyad_page *out)
{
	out->repaired += html_extract(html, url, charset, &r->html);
	out->text = clean_text(r, buf_str(&r->html.text), &out->repaired);
	out->title = meta_str(r, 1, buf_str(&r->html.title), &out->repaired);
	out->h1 = meta_str(r, 2, buf_str(&r->html.h1), &out->repaired);
	out->site_name = meta_str(r, 3, buf_str(&r->html.site_name), &out->repaired);
	out->published = meta_str(r, 4, buf_str(&r->html.published), &out->repaired);
	out->author = meta_str(r, 5, buf_str(&r->html.author), &out->repaired);
	if (out->url.n == 0)
		out->url = meta_str(r, 0, buf_str(&r->html.url), &out->repaired);
}

static uint64_t page_id(dyad_str raw, size_t ordinal)
{
	return dyad_hash64(raw.p, raw.n, DYAD_HASH_SEED ^ ((uint64_t)ordinal * 0x9e3779b97f4a7c15ULL));
}

/* More of a streamed JSON Lines input into raw, after dropping what was read; 0 at its end. */
static int read_lines(dyad_reader *r)
{
	char chunk[65536];
	size_t k;

	if (r->lines == NULL)
		return 0;
	if (r->pos) {
		memmove(r->raw.p, r->raw.p + r->pos, r->raw.n - r->pos);
		r->raw.n -= r->pos;
		r->pos = 0;
	}
	if ((k = fread(chunk, 1, sizeof chunk, r->lines)) == 0) {
		if (r->lines_own)
			fclose(r->lines);
		r->lines = NULL;
		return 0;
	}
	dyad_buf_put(&r->raw, chunk, k);
	return 1;
}

/*
 * The next line of a JSON Lines input: 1 with *line set, 0 at the end, or
 * <0 for a line longer than the limit (passed over). A streamed input is
 * read on as far as the line needs.
 */
static int next_line(dyad_reader *r, dyad_str *line)
{
	for (;;) {
		const char *nl = r->pos < r->raw.n ? memchr(r->raw.p + r->pos, '\n', r->raw.n - r->pos) : NULL;
		size_t end;

		if (r->skipping) {
			/* the rest of a line too long to take */
			if (nl) {
				r->pos = (size_t)(nl - r->raw.p) + 1;
				r->skipping = 0;
				continue;
			}
			r->pos = r->raw.n;
			if (!read_lines(r))
				return 0;
			continue;
		}
		if (!nl && r->lines) {
			if (r->raw.n - r->pos > r->opts.max_bytes) {
				r->skipping = 1;
				r->line++;
				return error(r, "line %zu: longer than the limit of %zu bytes", r->line,
					     r->opts.max_bytes);
			}
			read_lines(r);
			continue;
		}
		if (r->pos >= r->raw.n)
			return 0;
		end = nl ? (size_t)(nl - r->raw.p) : r->raw.n;
		*line = (dyad_str){ r->raw.p + r->pos, end - r->pos };
		r->pos = end + 1;
		return 1;
	}
}

/* A streamed input's long line has been read: its bytes go, so a long record is not held twice. */
static void drop_read_lines(dyad_reader *r)
{
	dyad_buf rest = DYAD_BUF_INIT;

	if (!r->line_stream || r->raw.cap <= (4u << 20))
		return;
	if (r->pos < r->raw.n)
		dyad_buf_put(&rest, r->raw.p + r->pos, r->raw.n - r->pos);
	dyad_buf_free(&r->raw);
	r->raw = rest;
	r->pos = 0;
}

/* The next record of a JSON Lines input: 1, 0 at its end, or <0 for a bad line. */
static int next_jsonl(dyad_reader *r, dyad_page *out)
{
	dyad_str line = { NULL, 0 };
	int rc;

	while ((rc = next_line(r, &line)) != 0) {
		dyad_json *j;
		dyad_errbuf e;
		dyad_str html, text, url;
		uint64_t id;

		if (rc < 0)
			return rc;
		line = dyad_str_trim(line);
		r->line++;
		if (line.n == 0)
			continue;
		dyad_arena_reset(r->arena);
		id = page_id(line, r->line);
		if (!dyad_utf8_valid(line)) {
			/* bad bytes become U+FFFD before parsing, as in every other input: the record is kept */
			dyad_buf_clear(&r->scratch);
			out->repaired = dyad_utf8_repair(&r->scratch, line);
			line = (dyad_str){ r->scratch.p ? r->scratch.p : "", r->scratch.n };
		}
		rc = dyad_json_parse(r->arena, line, &j, &e);
		drop_read_lines(r); /* the record's strings are the parse's own now */
		if (rc < 0) /* the parser counts lines from the record's: "line 1, column 36" is the record's column 36 */
			return error(r, "line %zu, %s", r->line, strncmp(e.msg, "line 1, ", 8) == 0 ? e.msg + 8 : e.msg);
		if (j->type != DYAD_JSON_OBJECT)
			return error(r, "line %zu: expected a JSON object", r->line);
		html = dyad_json_get_str(j, "html");
		text = dyad_json_get_str(j, "text");
		if (text.p == NULL)
			text = dyad_json_get_str(j, "content");
		if (html.p == NULL && text.p == NULL)
			return error(r, "line %zu: the record has no \"text\", \"content\" or \"html\"", r->line);
		snprintf(r->record, sizeof r->record, "%zu", r->line);
		out->record = r->record;
		out->format = DYAD_FMT_JSONL;
		out->id = id;
		url = dyad_json_get_str(j, "url");
		out->url = meta_str(r, 0, url, &out->repaired);
		if (html.p) {
			page_from_html(r, html, NULL, "UTF-8",
				       out); /* a JSON string: decoded already, whatever its <meta> says */
		} else {
			out->text = clean_text(r, text, &out->repaired);
		}
		{
			dyad_str t = dyad_json_get_str(j, "title"), d = dyad_json_get_str(j, "date");
			if (d.p == NULL)
				d = dyad_json_get_str(j, "published");
			if (t.p)
				out->title = meta_str(r, 1, t, &out->repaired);
			if (d.p)
				out->published = meta_str(r, 4, d, &out->repaired);
		}
		return 1;
	}
	return 0;
}

/* The next page of a WARC input: 1, 0 at its end, or <0 for a bad record. */
static int next_warc(dyad_reader *r, dyad_page *out)
{
	warc_record rec;
	char why[300];
	int rc;

	while ((rc = warc_stream_next(&r->warc, &rec, why, sizeof why)) != 0) {
		dyad_str ctype = { NULL, 0 };
		int html;

		if (rc < 0)
			return error(r, "%s", why);
		r->ordinal++;
		if (dyad_str_eq_c(rec.type, "response")) {
			if (http_payload(rec.block, &r->scratch, &ctype) < 0)
				continue;
			html = ctype.p == NULL || (ctype.n >= 9 && strncasecmp(ctype.p, "text/html", 9) == 0) ||
			       (ctype.n >= 21 && strncasecmp(ctype.p, "application/xhtml+xml", 21) == 0);
			if (!html)
				continue;
		} else if (dyad_str_eq_c(rec.type, "resource") || dyad_str_eq_c(rec.type, "conversion")) {
			dyad_buf_clear(&r->scratch);
			dyad_buf_putstr(&r->scratch, rec.block);
			ctype = rec.content_type;
			html = ctype.n >= 9 && strncasecmp(ctype.p, "text/html", 9) == 0;
			if (!html && !(ctype.n >= 10 && strncasecmp(ctype.p, "text/plain", 10) == 0))
				continue;
		} else {
			continue; /* requests, metadata, warcinfo */
		}
		snprintf(r->record, sizeof r->record, "%.*s", (int)(rec.id.n < 120 ? rec.id.n : 120),
			 rec.id.p ? rec.id.p : "");
		out->record = r->record;
		out->format = DYAD_FMT_WARC;
		out->id = page_id(rec.block, rec.offset);
		out->url = meta_str(r, 0, rec.uri, &out->repaired);
		{
			/* the payload moves to nfc's buffer while scratch is reused for repair */
			dyad_buf payload = r->scratch;
			memset(&r->scratch, 0, sizeof r->scratch);
			if (html) {
				char url[2048];
				snprintf(url, sizeof url, "%.*s", (int)(out->url.n < 2000 ? out->url.n : 2000),
					 out->url.p ? out->url.p : "");
				char cs[48];
				page_from_html(r, (dyad_str){ payload.p ? payload.p : "", payload.n },
					       url[0] ? url : NULL, ctype_charset(ctype, cs), out);
			} else {
				out->text = clean_text(r, (dyad_str){ payload.p ? payload.p : "", payload.n },
						       &out->repaired);
			}
			/* kept until the next page: the page's text may be the payload itself */
			dyad_buf_free(&r->nfc);
			r->nfc = payload;
		}
		return 1;
	}
	return 0;
}

int dyad_reader_next(dyad_reader *r, dyad_page *out)
{
	for (;;) {
		int rc;

		if (!r->open) {
			rc = open_next(r);
			if (rc <= 0)
				return rc;
		}
		memset(out, 0, sizeof *out);
		out->path = r->path;
		switch (r->fmt) {
		case DYAD_FMT_JSONL: rc = next_jsonl(r, out); break;
		case DYAD_FMT_WARC: rc = next_warc(r, out); break;
		case DYAD_FMT_HTML:
		case DYAD_FMT_TEXT:
		default:
			if (r->ordinal++ > 0) {
				rc = 0;
				break;
			}
			out->format = r->fmt == DYAD_FMT_HTML ? DYAD_FMT_HTML : DYAD_FMT_TEXT;
			out->id = page_id((dyad_str){ r->raw.p, r->raw.n }, 0);
			if (out->format == DYAD_FMT_HTML)
				page_from_html(r, (dyad_str){ r->raw.p, r->raw.n }, NULL, NULL, out);
			else
				out->text = clean_text(r, (dyad_str){ r->raw.p, r->raw.n }, &out->repaired);
			if (out->text.p != r->raw.p)
				dyad_buf_free(&r->raw); /* the page holds its own text: the input's bytes go now */
			rc = 1;
			break;
		}
		if (rc != 0)
			return rc;
		r->open = 0; /* this input is done: the next one */
		r->line_stream = 0;
		if (r->streaming) {
			warc_stream_close(&r->warc);
			r->streaming = 0;
		}
	}
}
