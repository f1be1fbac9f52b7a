/*
 * html.c — an HTML page to what a scraper would have saved as text: the
 * visible text, one block element per line (scripts, styles and templates
 * dropped), and the metadata pages carry in <head>: title, og:title,
 * og:site_name, canonical address, publication time, author. libxml2's
 * forgiving HTML parser reads the markup and any declared charset.
 */
#include "internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

static const char *const blocks[] = { "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2",
				      "h3", "h4", "h5", "h6", "article", "section", "header", "footer", "nav",
				      "aside", "main", "blockquote", "pre", "figure", "figcaption", "dd", "dt",
				      "dl", "form", "hr", "address", "caption", "option", "title", NULL };
static const char *const hidden[] = { "script", "style", "noscript", "template", "svg", "iframe", "object",
				      "head", "button", "select", "canvas", NULL };

static int in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(name, *list) == 0)
			return 1;
	return 0;
}

/* Append text with runs of white space made one space; newlines come only from blocks. */
static void put_text(dyad_buf *b, const char *s)
{
	for (; *s; s++) {
		char c = *s;
		if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
			if (b->n && b->p[b->n - 1] != ' ' && b->p[b->n - 1] != '\n')
				dyad_buf_putc(b, ' ');
			continue;
		}
		dyad_buf_putc(b, c);
	}
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
	xmlChar *itemprop = xmlGetProp(n, (const xmlChar *)"itemprop"), *content = xmlGetProp(n, (const xmlChar *)"content");
	const char *key = prop ? (const char *)prop : name ? (const char *)name : itemprop ? (const char *)itemprop : "";

	if (content) {
		if (strcasecmp(key, "og:title") == 0) {
			/* og:title is the headline without the site's name: it wins over <title> */
			dyad_buf_clear(&out->title);
			set_once(&out->title, content);
		}
		else if (strcasecmp(key, "og:site_name") == 0)
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
 * What an element does when the walk enters it: 1 to walk its children, 0 to
 * skip them (metadata read, hidden content). Text goes to `out`.
 */
static int enter(xmlNode *n, html_page *out)
{
	const char *name = (const char *)n->name;

	if (strcasecmp(name, "title") == 0) {
		dyad_buf t = DYAD_BUF_INIT;
		node_text(n, &t);
		if (t.p)
			set_once(&out->title, (const xmlChar *)t.p);
		dyad_buf_free(&t);
		return 0;
	}
	if (strcasecmp(name, "meta") == 0) {
		meta(n, out);
		return 0;
	}
	if (strcasecmp(name, "link") == 0) {
		xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel"), *href = xmlGetProp(n, (const xmlChar *)"href");
		if (rel && href && strcasecmp((const char *)rel, "canonical") == 0)
			set_once(&out->url, href);
		xmlFree(rel);
		xmlFree(href);
		return 0;
	}
	if (strcasecmp(name, "time") == 0 && out->published.n == 0) {
		xmlChar *dt = xmlGetProp(n, (const xmlChar *)"datetime");
		set_once(&out->published, dt);
		xmlFree(dt);
	}
	if (strcasecmp(name, "head") == 0)
		return 1;
	if (in(name, hidden))
		return 0;
	if (strcasecmp(name, "h1") == 0 && out->h1.n == 0) {
		node_text(n, &out->h1);
		while (out->h1.n && out->h1.p[out->h1.n - 1] == ' ')
			out->h1.p[--out->h1.n] = '\0';
	}
	if (in(name, blocks))
		newline(&out->text);
	return 1;
}

static int is_head(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, "head") == 0;
}

/* After an element's children: a block ends its line; leaving <head> hands its metadata back. */
static void leave(xmlNode *n, html_page *out, html_page *sink, xmlNode **head, html_page **cur)
{
	if (in((const char *)n->name, blocks))
		newline(&(*cur)->text);
	if (n == *head) {
		out->title = sink->title;
		out->site_name = sink->site_name;
		out->url = sink->url;
		out->published = sink->published;
		out->author = sink->author;
		*head = NULL;
		*cur = out;
	}
}

/*
 * The visible text and metadata under `root` and its siblings, in document
 * order. The walk follows parent links instead of recursing, so any depth of
 * nesting is read and none overflows the stack. Inside <head> text goes to a
 * sink: <head> holds metadata only, read and not shown.
 */
static void walk(xmlNode *root, html_page *out)
{
	html_page sink;
	xmlNode *n = root, *head = NULL;
	html_page *cur = out;

	memset(&sink, 0, sizeof sink);
	while (n) {
		int down = 0;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				put_text(&cur->text, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			if (is_head(n) && head == NULL) {
				/* metadata found in <head> lands in the page's buffers; its text and h1 do not */
				sink.title = out->title;
				sink.site_name = out->site_name;
				sink.url = out->url;
				sink.published = out->published;
				sink.author = out->author;
				head = n;
				cur = &sink;
			}
			if (enter(n, cur)) {
				if (n->children)
					down = 1;
				else
					leave(n, out, &sink, &head, &cur);
			} else if (n == head) {
				head = NULL;
				cur = out;
			}
		}
		if (down) {
			n = n->children;
			continue;
		}
		/* leave the elements that are done: a block ends its line, <head> gives its metadata back */
		while (n && !n->next) {
			n = n->parent;
			if (n == NULL || n == root->parent)
				n = NULL;
			else if (n->type == XML_ELEMENT_NODE)
				leave(n, out, &sink, &head, &cur);
		}
		if (n)
			n = n->next;
	}
	dyad_buf_free(&sink.text);
	dyad_buf_free(&sink.h1);
}

void html_extract(dyad_str html, const char *base_url, html_page *out)
{
	htmlDocPtr doc;
	dyad_buf *bufs[] = { &out->text, &out->title, &out->h1, &out->site_name, &out->url, &out->published,
			     &out->author };
	size_t i;

	for (i = 0; i < sizeof bufs / sizeof *bufs; i++)
		dyad_buf_clear(bufs[i]);
	if (html.n == 0 || html.n > (size_t)0x7fffffff)
		return;
	doc = htmlReadMemory(html.p, (int)html.n, base_url, NULL,
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
				     HTML_PARSE_COMPACT | XML_PARSE_HUGE);
	if (doc == NULL)
		return;
	walk(xmlDocGetRootElement(doc), out);
	xmlFreeDoc(doc);
	newline(&out->text);
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
