/*
 * html.c — an HTML page to what a scraper would have saved as text: the
 * visible text, one block element per line (scripts, styles and templates
 * dropped), and the metadata pages carry in <head>: title, og:title,
 * og:site_name, canonical address, publication time, author. libxml2's
 * forgiving HTML parser reads the markup and any declared charset.
 */
#include "internal.h"

#include "dyad/utf8.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const blocks[] = { "p",     "div",  "br",         "li",      "ul",      "ol",         "tr",
				      "td",    "th",   "table",      "h1",      "h2",      "h3",         "h4",
				      "h5",    "h6",   "article",    "section", "header",  "footer",     "nav",
				      "aside", "main", "blockquote", "pre",     "figure",  "figcaption", "dd",
				      "dt",    "dl",   "form",       "hr",      "address", "caption",    "option",
				      "title", NULL };
static const char *const hidden[] = { "script", "style", "noscript", "template", "svg",    "iframe",
				      "object", "head",  "button",   "select",   "canvas", NULL };

static int in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(name, *list) == 0)
			return 1;
	return 0;
}

/* Append n bytes of text with runs of white space made one space; newlines come only from blocks. */
static void put_text_n(dyad_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
			if (b->n && b->p[b->n - 1] != ' ' && b->p[b->n - 1] != '\n')
				dyad_buf_putc(b, ' ');
			continue;
		}
		dyad_buf_putc(b, c);
	}
}

static void put_text(dyad_buf *b, const char *s)
{
	put_text_n(b, s, strlen(s));
}

static void newline(dyad_buf *b)
{
	while (b->n && b->p[b->n - 1] == ' ')
		b->n--;
	if (b->n && b->p[b->n - 1] != '\n')
		dyad_buf_putc(b, '\n');
	if (b->p)
		b->p[b->n] = '\0';
}

static void set_once(dyad_buf *b, const xmlChar *v)
{
	if (b->n == 0 && v && *v) {
		put_text(b, (const char *)v);
		while (b->n && b->p[b->n - 1] == ' ')
			b->p[--b->n] = '\0';
	}
}

static void node_text(xmlNode *n, dyad_buf *b)
{
	xmlChar *t = xmlNodeGetContent(n);
	if (t) {
		put_text(b, (const char *)t);
		xmlFree(t);
	}
}

static void meta(xmlNode *n, html_page *out)
{
	xmlChar *prop = xmlGetProp(n, (const xmlChar *)"property"), *name = xmlGetProp(n, (const xmlChar *)"name");
	xmlChar *itemprop = xmlGetProp(n, (const xmlChar *)"itemprop"),
		*content = xmlGetProp(n, (const xmlChar *)"content");
	const char *key = prop       ? (const char *)prop
			  : name     ? (const char *)name
			  : itemprop ? (const char *)itemprop
				     : "";

	if (content) {
		if (strcasecmp(key, "og:title") == 0) {
			/* og:title is the headline without the site's name: it wins over <title> */
			dyad_buf_clear(&out->title);
			set_once(&out->title, content);
		} else if (strcasecmp(key, "og:site_name") == 0)
			set_once(&out->site_name, content);
		else if (strcasecmp(key, "og:url") == 0)
			set_once(&out->url, content);
		else if (strcasecmp(key, "article:published_time") == 0 || strcasecmp(key, "datePublished") == 0 ||
			 strcasecmp(key, "pubdate") == 0 || strcasecmp(key, "publish-date") == 0 ||
			 strcasecmp(key, "date") == 0 || strcasecmp(key, "dc.date") == 0 ||
			 strcasecmp(key, "sailthru.date") == 0)
			set_once(&out->published, content);
		else if (strcasecmp(key, "author") == 0 || strcasecmp(key, "article:author") == 0)
			set_once(&out->author, content);
	}
	xmlFree(prop);
	xmlFree(name);
	xmlFree(itemprop);
	xmlFree(content);
}

/*
 * The page is read in one pass over the parser's events. libxml2 still
 * builds its tree (the parser consults it to tell white space that matters
 * from white space that does not, and a title's or h1's text is read from
 * it), but every element that has closed is freed as soon as a later
 * sibling closes, so the tree holds one open path and the last closed child
 * of each element on it, not the page: a 50 MB page costs its text, not ten
 * times its size. Nesting is followed to any depth with a stack of frames.
 */
typedef struct {
	unsigned skipped : 1; /* inside, or the root of, what is not shown */
	unsigned block : 1;   /* ends a line when it closes */
	unsigned title : 1;   /* <title>: its text is read when it closes */
	unsigned h1 : 1;      /* the first <h1>: its text is read when it closes */
} frame;

typedef struct {
	htmlParserCtxtPtr ctxt;
	html_page *out;
	html_page sink; /* where <head>'s text goes: nowhere */
	html_page *cur; /* out, or &sink inside <head> */
	xmlNode *head;
	frame *stack;
	size_t depth, cap;
	size_t skip; /* open elements not shown */
	size_t hold; /* open <title> and <h1>: their subtrees are kept until they close */
	int h1_open;
} reading;

static void on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	htmlParserCtxtPtr ctxt = ctx;
	reading *w = ctxt->_private;
	const char *name = (const char *)xname;
	xmlNode *n;
	frame *f;

	xmlSAX2StartElement(ctx, xname, atts);
	n = ctxt->node;
	w->stack = dyad_xgrow(w->stack, &w->cap, w->depth, sizeof *w->stack, 64);
	f = &w->stack[w->depth++];
	memset(f, 0, sizeof *f);
	if (w->skip || n == NULL) {
		f->skipped = 1;
		w->skip++;
		return;
	}
	if (strcasecmp(name, "title") == 0) {
		f->skipped = f->title = 1;
		w->skip++;
		w->hold++;
		return;
	}
	if (strcasecmp(name, "meta") == 0 || strcasecmp(name, "link") == 0) {
		if (name[0] == 'm' || name[0] == 'M') {
			meta(n, w->cur);
		} else {
			xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel"),
				*href = xmlGetProp(n, (const xmlChar *)"href");
			if (rel && href && strcasecmp((const char *)rel, "canonical") == 0)
				set_once(&w->cur->url, href);
			xmlFree(rel);
			xmlFree(href);
		}
		f->skipped = 1;
		w->skip++;
		return;
	}
	if (strcasecmp(name, "time") == 0 && w->cur->published.n == 0) {
		xmlChar *dt = xmlGetProp(n, (const xmlChar *)"datetime");
		set_once(&w->cur->published, dt);
		xmlFree(dt);
	}
	if (strcasecmp(name, "head") == 0) {
		if (w->head == NULL) {
			/* metadata found in <head> lands in the page's buffers; its text and h1 do not */
			w->sink.title = w->out->title;
			w->sink.site_name = w->out->site_name;
			w->sink.url = w->out->url;
			w->sink.published = w->out->published;
			w->sink.author = w->out->author;
			w->head = n;
			w->cur = &w->sink;
		}
		return;
	}
	if (in(name, hidden)) {
		f->skipped = 1;
		w->skip++;
		return;
	}
	if (strcasecmp(name, "h1") == 0 && w->cur->h1.n == 0 && !w->h1_open) {
		f->h1 = 1;
		w->h1_open = 1;
		w->hold++;
	}
	if (in(name, blocks)) {
		f->block = 1;
		newline(&w->cur->text);
	}
}

/* Free the children of `parent` before its last one: they are read, and the parser looks only at the last. */
static void free_read(xmlNode *parent)
{
	xmlNode *last, *k;

	if (parent == NULL || (last = parent->last) == NULL)
		return;
	while ((k = parent->children) != last) {
		xmlUnlinkNode(k);
		xmlFreeNode(k);
	}
}

/* <head> ends (or the page does, inside it): the metadata read into the sink goes back to the page. */
static void head_end(reading *w)
{
	w->out->title = w->sink.title;
	w->out->site_name = w->sink.site_name;
	w->out->url = w->sink.url;
	w->out->published = w->sink.published;
	w->out->author = w->sink.author;
	w->head = NULL;
	w->cur = w->out;
}

static void on_end(void *ctx, const xmlChar *xname)
{
	htmlParserCtxtPtr ctxt = ctx;
	reading *w = ctxt->_private;
	xmlNode *n = ctxt->node;
	frame f;

	if (w->depth == 0) {
		xmlSAX2EndElement(ctx, xname);
		return;
	}
	f = w->stack[--w->depth];
	if (f.skipped)
		w->skip--;
	if (f.title && n) {
		dyad_buf t = DYAD_BUF_INIT;
		node_text(n, &t);
		if (t.p)
			set_once(&w->cur->title, (const xmlChar *)t.p);
		dyad_buf_free(&t);
		w->hold--;
	}
	if (f.h1 && n) {
		node_text(n, &w->cur->h1);
		while (w->cur->h1.n && w->cur->h1.p[w->cur->h1.n - 1] == ' ')
			w->cur->h1.p[--w->cur->h1.n] = '\0';
		w->h1_open = 0;
		w->hold--;
	}
	if (f.block)
		newline(&w->cur->text);
	if (n && n == w->head)
		head_end(w);
	xmlSAX2EndElement(ctx, xname);
	if (w->hold == 0 && n)
		free_read(n->parent);
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
	htmlParserCtxtPtr ctxt = ctx;
	reading *w = ctxt->_private;

	xmlSAX2Characters(ctx, ch, len);
	if (w->skip == 0 && len > 0)
		put_text_n(&w->cur->text, (const char *)ch, (size_t)len);
}

static void on_cdata(void *ctx, const xmlChar *ch, int len)
{
	htmlParserCtxtPtr ctxt = ctx;
	reading *w = ctxt->_private;

	xmlSAX2CDataBlock(ctx, ch, len);
	if (w->skip == 0 && len > 0)
		put_text_n(&w->cur->text, (const char *)ch, (size_t)len);
}

/* Whether the markup names a charset other than UTF-8 (in a <meta>, or a UTF-16 byte order mark): libxml2 decodes it. */
static int other_charset(dyad_str html)
{
	size_t i, n = html.n < 65536 ? html.n : 65536;

	if (n >= 2 && ((unsigned char)html.p[0] == 0xFE || (unsigned char)html.p[0] == 0xFF))
		return 1;
	for (i = 0; i + 7 < n; i++) {
		size_t k = i + 7;
		if (strncasecmp(html.p + i, "charset", 7) != 0)
			continue;
		while (k < n && html.p[k] == ' ')
			k++;
		if (k == n || html.p[k] != '=')
			continue;
		while (++k < n && (html.p[k] == ' ' || html.p[k] == '"' || html.p[k] == '\''))
			;
		if (k < n)
			return !(k + 5 <= n && strncasecmp(html.p + k, "utf-8", 5) == 0) &&
			       !(k + 4 <= n && strncasecmp(html.p + k, "utf8", 4) == 0);
	}
	return 0;
}

static int is_utf8_name(const char *name)
{
	return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

size_t html_extract(dyad_str html, const char *base_url, const char *charset, html_page *out)
{
	xmlCharEncodingHandlerPtr known = NULL;
	htmlParserCtxtPtr ctxt;
	dyad_buf fixed = DYAD_BUF_INIT;
	size_t repaired = 0;
	reading w;
	dyad_buf *bufs[] = { &out->text, &out->title,     &out->h1,    &out->site_name,
			     &out->url,  &out->published, &out->author };
	size_t i;

	for (i = 0; i < sizeof bufs / sizeof *bufs; i++) // NOLINT(bugprone-sizeof-expression): an array of pointers
		dyad_buf_clear(bufs[i]);
	if (html.n == 0 || html.n > (size_t)0x7fffffff)
		return 0;
	/*
	 * UTF-8, declared or not, with bad bytes: they become U+FFFD here, for libxml2 would read the
	 * rest of the page as Latin-1 from the first of them on
	 */
	if (charset && !is_utf8_name(charset) && (known = xmlFindCharEncodingHandler(charset)) == NULL)
		charset = NULL; /* a name libxml2 does not know: the markup's, as if none were given */
	if (known == NULL && (charset || !other_charset(html)) && !dyad_utf8_valid(html)) {
		repaired = dyad_utf8_repair(&fixed, html);
		html = (dyad_str){ fixed.p ? fixed.p : "", fixed.n };
	}
	/* as htmlReadMemory() sets its parser up (the same default charset), with these handlers */
	xmlInitParser();
	if (html.n == 0 || (ctxt = xmlCreateMemoryParserCtxt(html.p, (int)html.n)) == NULL) {
		dyad_buf_free(&fixed);
		return repaired;
	}
	htmlDefaultSAXHandlerInit();
	memcpy(ctxt->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
	memset(&w, 0, sizeof w);
	w.ctxt = ctxt;
	w.out = w.cur = out;
	ctxt->_private = &w;
	ctxt->sax->startElement = on_start;
	ctxt->sax->endElement = on_end;
	ctxt->sax->characters = on_text;
	ctxt->sax->cdataBlock = on_cdata;
	if (base_url && ctxt->input && ctxt->input->filename == NULL)
		ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)base_url);
	/* a charset known from outside the page is the one: a <meta> naming another is not obeyed */
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
					 HTML_PARSE_COMPACT | XML_PARSE_HUGE | (charset ? HTML_PARSE_IGNORE_ENC : 0));
	ctxt->html = 1;
	if (known)
		xmlSwitchToEncoding(ctxt, known);
	htmlParseDocument(ctxt);
	if (w.head)
		head_end(&w); /* a <head> never closed: its buffers may have grown since they were lent */
	if (ctxt->myDoc)
		xmlFreeDoc(ctxt->myDoc);
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	free(w.stack);
	dyad_buf_free(&w.sink.text);
	dyad_buf_free(&w.sink.h1);
	dyad_buf_free(&fixed);
	newline(&out->text);
	return repaired;
}

void html_page_free(html_page *p)
{
	dyad_buf_free(&p->text);
	dyad_buf_free(&p->title);
	dyad_buf_free(&p->h1);
	dyad_buf_free(&p->site_name);
	dyad_buf_free(&p->url);
	dyad_buf_free(&p->published);
	dyad_buf_free(&p->author);
}
