/*
 * ru_load.c — az's Russian dictionary files taken into a morph_ru: the four
 * DAWGs checked and read in place, paradigms.array checked entry by entry
 * against the suffix and tag tables, suffixes.json and the gramtab read from
 * their JSON string arrays. morph_ru_open maps the files from a folder and
 * also checks that each is the file az 0.2.3 ships, so a damaged or other
 * version is refused before any word is read from it.
 */
#include "morph/ru.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad/utf8.h"

const char *const morph_ru_file_names[RU_NFILES] = {
	"words.dawg",
	"p_t_given_w.intdawg",
	"prediction-suffixes-0.dawg",
	"prediction-suffixes-1.dawg",
	"prediction-suffixes-2.dawg",
	"paradigms.array",
	"suffixes.json",
	"gramtab-opencorpora-int.json",
};

/* The files of az 0.2.3 (OpenCorpora 0.92, revision 394551): sizes and file_sum()s. */
static const struct {
	size_t size;
	uint64_t sum;
} az_023[RU_NFILES] = {
	{ 5434376, UINT64_C(0xed62299415e6296f) }, { 1595912, UINT64_C(0x1c355ea8e05e5cac) },
	{ 2466824, UINT64_C(0x3ed7ddfeb5711e4b) }, { 26120, UINT64_C(0x2d0f237dafdb93c4) },
	{ 1544, UINT64_C(0x69934324c0c67dd7) },    { 833014, UINT64_C(0x2871e0e5247cd5c8) },
	{ 320307, UINT64_C(0x6b706b63c0f9f9bf) },  { 202321, UINT64_C(0x743bcceef5591198) },
};

/* A fast checksum over whole 8-byte words (the tail byte by byte): a few ms for all files. */
static uint64_t file_sum(const uint8_t *p, size_t n)
{
	uint64_t h = UINT64_C(0x9e3779b97f4a7c15) ^ n, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * UINT64_C(0x100000001b3);
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * UINT64_C(0x100000001b3);
	return h ^ (h >> 32);
}

/*
 * A JSON array of strings: calls `fn` with each string decoded to code points.
 * Returns the count, or -1 with a message naming `name` and the byte offset.
 */
typedef int (*str_fn)(void *ctx, const uint32_t *cp, size_t n);

static void skip_ws(const uint8_t *p, size_t n, size_t *i)
{
	while (*i < n && (p[*i] == ' ' || p[*i] == '\n' || p[*i] == '\r' || p[*i] == '\t'))
		(*i)++;
}

static int hex4(const uint8_t *p, size_t n, size_t i, uint32_t *v)
{
	size_t k;

	*v = 0;
	if (i + 4 > n)
		return 0;
	for (k = 0; k < 4; k++) {
		uint8_t c = p[i + k];
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (uint32_t)(c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			*v |= (uint32_t)((c | 0x20) - 'a' + 10);
		else
			return 0;
	}
	return 1;
}

#define JSON_MAX_STR 256

static long json_strings(const uint8_t *p, size_t n, const char *name, str_fn fn, void *ctx, dyad_errbuf *e)
{
	uint32_t cp[JSON_MAX_STR];
	size_t i = 0;
	long count = 0;

	skip_ws(p, n, &i);
	if (i >= n || p[i] != '[')
		goto bad;
	i++;
	skip_ws(p, n, &i);
	if (i < n && p[i] == ']') {
		i++;
		goto end;
	}
	for (;;) {
		size_t len = 0;
		skip_ws(p, n, &i);
		if (i >= n || p[i] != '"')
			goto bad;
		i++;
		for (;;) {
			uint32_t c;
			if (i >= n || p[i] < 0x20)
				goto bad;
			if (p[i] == '"') {
				i++;
				break;
			}
			if (p[i] == '\\') {
				if (i + 1 >= n)
					goto bad;
				switch (p[i + 1]) {
				case '"':
				case '\\':
				case '/': c = p[i + 1]; break;
				case 'n': c = '\n'; break;
				case 't': c = '\t'; break;
				case 'r': c = '\r'; break;
				case 'b': c = '\b'; break;
				case 'f': c = '\f'; break;
				case 'u':
					if (!hex4(p, n, i + 2, &c) || (c >= 0xd800 && c <= 0xdfff))
						goto bad;
					i += 4;
					break;
				default: goto bad;
				}
				i += 2;
			} else {
				int ok;
				i += dyad_utf8_decode((const char *)p + i, n - i, &c, &ok);
				if (!ok)
					goto bad;
			}
			if (len >= JSON_MAX_STR)
				goto bad;
			cp[len++] = c;
		}
		if (fn(ctx, cp, len))
			goto bad;
		count++;
		skip_ws(p, n, &i);
		if (i < n && p[i] == ',') {
			i++;
			continue;
		}
		if (i < n && p[i] == ']') {
			i++;
			break;
		}
		goto bad;
	}
end:
	skip_ws(p, n, &i);
	if (i == n)
		return count;
bad:
	dyad_errf(e, DYAD_EINPUT, "%s: not a JSON array of strings as az writes it (byte %zu of %zu)", name,
		  i < n ? i : n, n);
	return -1;
}

/* Suffixes: code points into r->suf, one offset each. */
typedef struct {
	morph_ru *r;
	size_t cap, used, offcap;
} suf_ctx;

static int add_suffix(void *ctx, const uint32_t *cp, size_t n)
{
	suf_ctx *c = ctx;
	morph_ru *r = c->r;

	if (c->used + n > c->cap) {
		c->cap = (c->used + n) * 2 + 1024;
		r->suf = dyad_xrealloc(r->suf, c->cap * sizeof *r->suf);
	}
	if ((size_t)r->nsuf + 2 > c->offcap) {
		c->offcap = c->offcap * 2 + 1024;
		r->suf_off = dyad_xrealloc(r->suf_off, c->offcap * sizeof *r->suf_off);
	}
	if (n)
		memcpy(r->suf + c->used, cp, n * sizeof *cp);
	r->suf_off[r->nsuf] = (uint32_t)c->used;
	c->used += n;
	r->nsuf++;
	r->suf_off[r->nsuf] = (uint32_t)c->used;
	return 0;
}

/* Tags: their text (ASCII) into one buffer; parsed once all are read. */
typedef struct {
	dyad_buf text;
	uint32_t count;
} tag_ctx;

static int add_tag(void *ctx, const uint32_t *cp, size_t n)
{
	tag_ctx *c = ctx;
	size_t i;

	for (i = 0; i < n; i++) {
		if (cp[i] < 0x20 || cp[i] > 0x7e)
			return 1;
		dyad_buf_putc(&c->text, (char)cp[i]);
	}
	dyad_buf_putc(&c->text, '\0');
	c->count++;
	return 0;
}

/* Tags of words outside the dictionary, as az's parsers make them. */
static const char *const xt_case[6] = { "nomn", "gent", "datv", "accs", "ablt", "loct" };

static const char plain_tags[] = "ADVB\0NUMB,intg\0NUMB,real\0PNCT\0ROMN\0LATN\0UNKN"; /* RU_XT_ADVB … */

static void extra_tags(dyad_buf *b)
{
	static const char *const gender[3] = { "masc", "femn", "neut" }, *const number[2] = { "sing", "plur" };
	int i, j, k;

	for (i = 0; i < 3; i++)
		for (j = 0; j < 6; j++)
			for (k = 0; k < 2; k++) {
				dyad_buf_printf(b, "NOUN,inan,%s,Fixd,Abbr %s,%s", gender[i], number[k], xt_case[j]);
				dyad_buf_putc(b, '\0');
			}
	for (i = 0; i < 2; i++)
		for (j = 0; j < 6; j++) {
			dyad_buf_printf(b, "NOUN,anim,%s,Sgtm,Name,Fixd,Abbr,Init sing,%s", gender[i], xt_case[j]);
			dyad_buf_putc(b, '\0');
		}
	dyad_buf_put(b, plain_tags, sizeof plain_tags);
}

void morph_ru_free(morph_ru *r)
{
	size_t i;

	if (!r)
		return;
	if (r->mapped)
		for (i = 0; i < RU_NFILES; i++)
			if (r->file[i].p)
				munmap((void *)(uintptr_t)r->file[i].p, r->file[i].n);
	free(r->para_off);
	free(r->para_forms);
	free(r->suf);
	free(r->suf_off);
	free(r->tags);
	free(r->tag_text);
	free(r);
}

static int load_paradigms(morph_ru *r, const ru_blob *b, const char *name, dyad_errbuf *e)
{
	const uint8_t *p = b->p;
	size_t nwords = b->n / 2, pos = 1;
	uint32_t i;
	uint16_t count;

	if (b->n < 2 || (b->n & 1) || ((uintptr_t)p & 1))
		return dyad_errf(e, DYAD_EINPUT, "%s: not an array of 16-bit numbers (%zu bytes)", name, b->n);
	r->para = (const uint16_t *)(const void *)p;
	count = r->para[0];
	r->npara = count;
	r->para_off = dyad_xmalloc(((size_t)count + 1) * sizeof *r->para_off);
	r->para_forms = dyad_xmalloc(((size_t)count + 1) * sizeof *r->para_forms);
	for (i = 0; i < count; i++) {
		size_t size, f, forms;
		if (pos >= nwords)
			return dyad_errf(e, DYAD_EINPUT, "%s: truncated: paradigm %u of %u is missing", name, i, count);
		size = r->para[pos++];
		forms = size / 3;
		if (size == 0 || size % 3 || pos + size > nwords)
			return dyad_errf(e, DYAD_EINPUT,
					 "%s: paradigm %u: %zu entries at byte %zu do not fit or are not "
					 "3 per form",
					 name, i, size, (pos - 1) * 2);
		for (f = 0; f < forms; f++)
			if (r->para[pos + f] >= r->nsuf || r->para[pos + forms + f] >= r->ntags ||
			    r->para[pos + 2 * forms + f] > 2)
				return dyad_errf(e, DYAD_EINPUT,
						 "%s: paradigm %u, form %zu: a suffix, tag or prefix number "
						 "out of range (byte %zu)",
						 name, i, f, (pos + f) * 2);
		r->para_off[i] = (uint32_t)pos;
		r->para_forms[i] = (uint16_t)forms;
		pos += size;
	}
	if (pos != nwords)
		return dyad_errf(e, DYAD_EINPUT, "%s: %zu bytes after the last of %u paradigms", name,
				 (nwords - pos) * 2, count);
	return 0;
}

int morph_ru_load(morph_ru **out, const ru_blob f[RU_NFILES], int verify, dyad_errbuf *e)
{
	morph_ru *r = dyad_xcalloc(1, sizeof *r);
	suf_ctx sc = { r, 0, 0, 2 };
	tag_ctx tc = { DYAD_BUF_INIT, 0 };
	const char *const *nm = morph_ru_file_names;
	size_t i, off;
	int rc;

	*out = NULL;
	memcpy(r->file, f, sizeof r->file);
	for (i = 0; verify && i < RU_NFILES; i++) {
		if (f[i].n != az_023[i].size)
			return morph_ru_free(r),
			       dyad_errf(e, DYAD_EINPUT,
					 "%s: %zu bytes where az 0.2.3 has %zu: truncated, damaged or another version "
					 "(run 'npm ci' to install az 0.2.3)",
					 nm[i], f[i].n, az_023[i].size);
		if (file_sum(f[i].p, f[i].n) != az_023[i].sum)
			return morph_ru_free(r),
			       dyad_errf(
				       e, DYAD_EINPUT,
				       "%s: its contents differ from az 0.2.3's (checksum): damaged or another version "
				       "(run 'npm ci' to install az 0.2.3)",
				       nm[i]);
	}
	if ((rc = morph_dawg_init(&r->words, f[RU_WORDS].p, f[RU_WORDS].n, nm[RU_WORDS], e)) < 0 ||
	    (rc = morph_dawg_init(&r->probs, f[RU_PROBS].p, f[RU_PROBS].n, nm[RU_PROBS], e)) < 0)
		goto fail;
	for (i = 0; i < 3; i++)
		if ((rc = morph_dawg_init(&r->pred[i], f[RU_PRED0 + i].p, f[RU_PRED0 + i].n, nm[RU_PRED0 + i], e)) < 0)
			goto fail;
	rc = DYAD_EINPUT;
	r->suf_off = dyad_xcalloc(2, sizeof *r->suf_off);
	if (json_strings(f[RU_SUFFIXES].p, f[RU_SUFFIXES].n, nm[RU_SUFFIXES], add_suffix, &sc, e) < 0)
		goto fail;
	if (json_strings(f[RU_GRAMTAB].p, f[RU_GRAMTAB].n, nm[RU_GRAMTAB], add_tag, &tc, e) < 0)
		goto fail;
	r->ntags = tc.count;
	extra_tags(&tc.text);
	r->tags = dyad_xcalloc((size_t)r->ntags + RU_XT_COUNT, sizeof *r->tags);
	r->tag_text = dyad_buf_detach(&tc.text, NULL);
	for (i = 0, off = 0; i < (size_t)r->ntags + RU_XT_COUNT; i++) {
		size_t len = strlen(r->tag_text + off);
		morph_ru_tag_parse(&r->tags[i], r->tag_text + off, len);
		if (i >= r->ntags && i - r->ntags < RU_XT_INIT)
			r->tags[i].flags |= RU_TF_PREDICTED_ABBR, r->tags[i].upos = DYAD_UPOS_PROPN;
		off += len + 1;
	}
	if ((rc = load_paradigms(r, &f[RU_PARADIGMS], nm[RU_PARADIGMS], e)) < 0)
		goto fail;
	morph_ru_init_lists(r);
	*out = r;
	return 0;
fail:
	dyad_buf_free(&tc.text);
	r->mapped = 0;
	morph_ru_free(r);
	return rc;
}

/* Map `dir`/`name` read-only into *b; DYAD_ENOTFOUND or DYAD_EIO with a message. */
static int map_file(ru_blob *b, const char *dir, const char *name, dyad_errbuf *e)
{
	char path[4096];
	struct stat st;
	void *p;
	int fd;

	b->p = NULL;
	b->n = 0;
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
		return dyad_errf(e, DYAD_EUSAGE, "%s: path too long", dir);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return dyad_errf(e, errno == ENOENT ? DYAD_ENOTFOUND : DYAD_EIO,
				 "%s: %s (the Russian dictionary comes with the npm package az: run 'make bootstrap' "
				 "or 'npm ci' in the source tree, or point --data or $DYAD_MORPH at az's dicts folder)",
				 path, strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return dyad_errf(e, DYAD_EIO, "%s: not a regular file", path);
	}
	if (st.st_size == 0) {
		close(fd);
		return dyad_errf(e, DYAD_EINPUT, "%s: empty: truncated or damaged (run 'npm ci' to install az again)",
				 path);
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return dyad_errf(e, DYAD_EIO, "%s: cannot map: %s", path, strerror(errno));
	b->p = p;
	b->n = (size_t)st.st_size;
	return 0;
}

int morph_ru_open(morph_ru **out, const char *dicts_dir, dyad_errbuf *e)
{
	ru_blob f[RU_NFILES];
	size_t i, k;
	int rc;

	*out = NULL;
	for (i = 0; i < RU_NFILES; i++)
		if ((rc = map_file(&f[i], dicts_dir, morph_ru_file_names[i], e)) < 0) {
			for (k = 0; k < i; k++)
				munmap((void *)(uintptr_t)f[k].p, f[k].n);
			return rc;
		}
	if ((rc = morph_ru_load(out, f, 1, e)) < 0) {
		dyad_buf msg = DYAD_BUF_INIT;
		for (k = 0; k < RU_NFILES; k++)
			munmap((void *)(uintptr_t)f[k].p, f[k].n);
		dyad_buf_printf(&msg, "%s/%s", dicts_dir, e->msg);
		dyad_errf(e, rc, "%.*s", (int)(msg.n < sizeof e->msg ? msg.n : sizeof e->msg - 1), msg.p);
		dyad_buf_free(&msg);
		return rc;
	}
	(*out)->mapped = 1;
	return 0;
}
