/*
 * ru.c — Russian words analysed the way az's Az.Morph(word) does with its
 * default options: the dictionary (е may stand for ё, doubled letters may be
 * stutter), initials, numbers, Latin, words with a particle or a по- adverb,
 * hyphenated compounds, known and unknown prefixes, the ending-based
 * prediction and unknown abbreviations, in az's order and with its rule for
 * stopping; then P(tag|word) from the corpus for dictionary readings, az's
 * separate normalisation of dictionary and predicted scores and its stable
 * sort. Each reading's lemma is az's normal form (the paradigm's first form).
 */
#include "morph/ru.h"

#include <math.h>
#include <string.h>
#include <utf8proc.h>

#include "dyad/utf8.h"

#define MAXW 48   /* longest word analysed; a longer one gets a single unknown reading */
#define MAXP 320  /* readings kept for one word (az's most prolific predictions stay under it) */
#define POOL 8192 /* code points for the readings' words */
#define MAXOPT 32 /* dictionary matches of one lookup (е/ё and stutter variants) */
#define MAXLEMMA 160

enum {
	P_DICT,
	P_ABBRNAME,
	P_ABBRPATR,
	P_INT,
	P_REAL,
	P_PUNCT,
	P_ROMAN,
	P_LATIN,
	P_HPART,
	P_HADV,
	P_HWORDS,
	P_PREFK,
	P_PREFU,
	P_SUFK,
	P_ABBR,
	P_COUNT
};
/* az's default parsers in order; a terminal one ends the search once something matched exactly. */
static const unsigned char terminal[P_COUNT] = { 0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1 };

enum { K_DICT, K_PLAIN, K_COMB };

typedef struct {
	uint8_t kind, parser;
	uint16_t stutter;
	uint32_t tag;
	uint32_t para, lpara; /* paradigm; combined: the left part's */
	uint16_t form, lform;
	uint16_t w, wn;     /* the word form in the pool (dictionary spelling) */
	uint16_t pre, pren; /* a prefix standing before it (az's Parse.prefix) */
	uint16_t suf, sufn; /* a particle after it (-то, -ка …) */
	uint16_t lw, lwn;   /* combined: the left part's form */
	double score;
} rparse;

typedef struct {
	rparse *v;
	size_t n, cap;
} plist;

typedef struct {
	const morph_ru *r;
	const uint32_t *word; /* the word analysed, as written */
	size_t nword;
	uint32_t pool[POOL];
	size_t npool;
} ctx;

typedef struct {
	uint8_t pre[MAXW];
	uint8_t plen;
	uint16_t stutter;
	uint32_t node; /* below the separator: the payloads */
} opt;

static const uint32_t pref_cp[3][3] = { { 0 }, { 0x43f, 0x43e }, { 0x43d, 0x430, 0x438 } }; /* "", по, наи */
static const size_t pref_len[3] = { 0, 2, 3 };

/* CP1251 bytes 0x80..0xff as az maps them (0 where it has none). */
static const uint16_t cp1251_hi[128] = {
	0x0402, 0x0403, 0x201a, 0x0453, 0x201e, 0x2026, 0x2020, 0x2021, 0x20ac, 0x2030, 0x0409, 0x2039, 0x040a,
	0x040c, 0x040b, 0x040f, 0x0452, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122,
	0x0459, 0x203a, 0x045a, 0x045c, 0x045b, 0x045f, 0x00a0, 0x040e, 0x045e, 0x0408, 0x00a4, 0x0490, 0x00a6,
	0x00a7, 0x0401, 0x00a9, 0x0404, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x0407, 0x00b0, 0x00b1, 0x0406, 0x0456,
	0x0491, 0x00b5, 0x00b6, 0x00b7, 0x0451, 0x2116, 0x0454, 0x00bb, 0x0458, 0x0405, 0x0455, 0x0457,
};

static uint32_t from1251(uint8_t b)
{
	if (b < 0x80)
		return b;
	if (b >= 0xc0)
		return 0x410u + (b - 0xc0u);
	return cp1251_hi[b - 0x80];
}

/* The CP1251 byte for `c`, or -1 (control characters too: byte 1 separates keys from payloads). */
static int to1251(uint32_t c)
{
	int i;

	if (c >= 0x20 && c < 0x80)
		return (int)c;
	if (c >= 0x410 && c <= 0x44f)
		return (int)(c - 0x410 + 0xc0);
	if (c < 0x80 || c > 0x2122)
		return -1;
	for (i = 0; i < 64; i++)
		if (cp1251_hi[i] == c)
			return 0x80 + i;
	return -1;
}

static uint32_t lower(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c >= 0x410 && c <= 0x42f)
		return c + 32;
	if (c >= 0x430 && c <= 0x44f)
		return c;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
}

static uint32_t upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z' ? c - 32 : c;
	if (c >= 0x430 && c <= 0x44f)
		return c - 32;
	if (c >= 0x410 && c <= 0x42f)
		return c;
	return (uint32_t)utf8proc_toupper((utf8proc_int32_t)c);
}

/* az's isCapitalized: the first letter changes when lowered and the rest is not all capitals. */
static int is_capitalized(const uint32_t *w, size_t n)
{
	size_t i;

	if (n == 0 || lower(w[0]) == w[0])
		return 0;
	for (i = 1; i < n; i++)
		if (upper(w[i]) != w[i])
			return 1;
	return 0;
}

/* Capital Cyrillic letters an initial or an abbreviation is made of. */
static int is_initial(uint32_t c)
{
	return (c >= 0x410 && c <= 0x42f && c != 0x42a && c != 0x42b && c != 0x42c) || c == 0x401;
}

static size_t pool_add(ctx *c, const uint32_t *s, size_t n)
{
	size_t at = c->npool;

	if (n > POOL - c->npool)
		return SIZE_MAX;
	memcpy(c->pool + at, s, n * sizeof *s);
	c->npool += n;
	return at;
}

static rparse *push(plist *l)
{
	if (l->n >= l->cap)
		return NULL;
	memset(&l->v[l->n], 0, sizeof l->v[0]);
	return &l->v[l->n++];
}

static const uint16_t *paradigm(const morph_ru *r, uint32_t para, size_t *forms)
{
	*forms = r->para_forms[para];
	return r->para + r->para_off[para];
}

static uint32_t suf_len(const morph_ru *r, uint16_t id)
{
	return r->suf_off[id + 1] - r->suf_off[id];
}

/*
 * az's DAWG.findAll over `d` for the word `s`: е may match ё, and with
 * `stutter` a doubled letter (or "д-д") may stand for one. Depth first, in
 * az's order. Fills `o` (the matches' spellings and payload nodes); returns
 * their count.
 */
static size_t find_all(const morph_dawg *d, const uint32_t *s, size_t n, int stutter, opt *o, size_t maxo)
{
	struct {
		uint8_t pre[MAXW];
		uint8_t plen, len;
		uint16_t stutter;
		uint32_t index;
	} st[128];
	size_t top = 0, found = 0;

	if (n > MAXW)
		return 0;
	st[0].plen = st[0].len = 0;
	st[0].stutter = 0;
	st[0].index = 0;
	top = 1;
	while (top) {
		size_t len;
		unsigned stut;
		uint32_t index, cur;
		int b;
		top--;
		len = st[top].len;
		stut = st[top].stutter;
		index = st[top].index;
		if (len == n) {
			if ((cur = morph_dawg_follow(d, 1, index)) != MORPH_DAWG_MISSING && found < maxo) {
				memcpy(o[found].pre, st[top].pre, st[top].plen);
				o[found].plen = st[top].plen;
				o[found].stutter = (uint16_t)stut;
				o[found].node = cur;
				found++;
			}
			continue;
		}
		/* entries pushed last are taken first, as in az */
		{
			uint8_t pre[MAXW];
			size_t plen = st[top].plen;
			memcpy(pre, st[top].pre, plen);
#define PUSH(byte, nlen, nst, nidx)                                \
	do {                                                       \
		if (top < sizeof st / sizeof *st && plen < MAXW) { \
			memcpy(st[top].pre, pre, plen);            \
			st[top].pre[plen] = (byte);                \
			st[top].plen = (uint8_t)(plen + 1);        \
			st[top].len = (uint8_t)(nlen);             \
			st[top].stutter = (uint16_t)(nst);         \
			st[top].index = (nidx);                    \
			top++;                                     \
		}                                                  \
	} while (0)
			if (s[len] == 0x435 && (cur = morph_dawg_follow(d, 0xb8, index)) != MORPH_DAWG_MISSING)
				PUSH(0xb8, len + 1, stut, cur);
			if ((b = to1251(s[len])) < 0 ||
			    (cur = morph_dawg_follow(d, (uint8_t)b, index)) == MORPH_DAWG_MISSING)
				continue;
			PUSH((uint8_t)b, len + 1, stut, cur);
			while (stutter && len + 1 < n) {
				if (s[len] == s[len + 1]) {
					PUSH((uint8_t)b, len + 2, stut + 1, cur);
					len++;
				} else if (len + 2 < n && s[len + 1] == '-' && s[len] == s[len + 2]) {
					PUSH((uint8_t)b, len + 3, stut + 1, cur);
					len += 2;
				} else
					break;
				stut++;
			}
#undef PUSH
		}
	}
	return found;
}

/* Payloads of a words.dawg match: (paradigm, form) pairs. */
typedef struct {
	const morph_ru *r;
	uint32_t out[MAXP][3];
	size_t n, width;
} payloads;

static int take_payload(void *p, const uint8_t *k, size_t len)
{
	payloads *pl = p;
	uint32_t v[3] = { 0, 0, 0 };
	size_t i, forms;

	for (i = 0; i < len / 2 && i < 3; i++)
		v[i] = (((uint32_t)k[2 * i] ^ 1u) << 6) + ((uint32_t)k[2 * i + 1] >> 1);
	if (len == 6) { /* prediction: count, paradigm, form */
		uint32_t t = v[0];
		v[0] = v[1], v[1] = v[2], v[2] = t;
	} else
		v[2] = 0;
	if (v[0] >= pl->r->npara)
		return 0;
	(void)paradigm(pl->r, v[0], &forms);
	if (v[1] >= forms)
		return 0;
	memcpy(pl->out[pl->n++], v, sizeof v);
	return pl->n >= MAXP;
}

static size_t list_payloads(const morph_ru *r, const morph_dawg *d, uint32_t node, size_t width, payloads *pl)
{
	pl->r = r;
	pl->n = 0;
	pl->width = width;
	morph_dawg_complete(d, node, width, MAXP, take_payload, pl);
	return pl->n;
}

static uint32_t form_tag(const morph_ru *r, uint32_t para, uint32_t form)
{
	size_t forms;
	const uint16_t *p = paradigm(r, para, &forms);

	return p[forms + form];
}

static double dict_score(unsigned stutter)
{
	return stutter ? 0.3 : 1.0;
}

/* One dictionary reading of the word spelled `pre` (CP1251). */
static rparse *add_dict(ctx *c, plist *l, const uint8_t *pre, size_t plen, uint32_t para, uint32_t form, unsigned stutter)
{
	uint32_t w[MAXW];
	size_t i, at;
	rparse *p;

	for (i = 0; i < plen; i++)
		w[i] = from1251(pre[i]);
	if ((at = pool_add(c, w, plen)) == SIZE_MAX || (p = push(l)) == NULL)
		return NULL;
	p->kind = K_DICT;
	p->stutter = (uint16_t)stutter;
	p->para = para;
	p->form = (uint16_t)form;
	p->tag = form_tag(c->r, para, form);
	p->w = (uint16_t)at;
	p->wn = (uint16_t)plen;
	p->score = dict_score(stutter);
	return p;
}

/* az's Dictionary parser on `w` (any case): readings needing a capital need one in `w`. */
static void parse_dictionary(ctx *c, plist *l, const uint32_t *w, size_t n)
{
	uint32_t lw[MAXW];
	opt o[MAXOPT];
	payloads pl;
	size_t i, j, no;
	int cap = is_capitalized(w, n);

	if (n > MAXW)
		return;
	for (i = 0; i < n; i++)
		lw[i] = lower(w[i]);
	no = find_all(&c->r->words, lw, n, 1, o, MAXOPT);
	for (i = 0; i < no; i++) {
		list_payloads(c->r, &c->r->words, o[i].node, 4, &pl);
		for (j = 0; j < pl.n; j++) {
			const ru_tag *t = &c->r->tags[form_tag(c->r, pl.out[j][0], pl.out[j][1])];
			if (!(t->flags & RU_TF_CAPITALIZED) || cap)
				add_dict(c, l, o[i].pre, o[i].plen, pl.out[j][0], pl.out[j][1], o[i].stutter);
		}
	}
}

static rparse *add_plain(ctx *c, plist *l, const uint32_t *w, size_t n, uint32_t tag, double score)
{
	size_t at = pool_add(c, w, n);
	rparse *p;

	if (at == SIZE_MAX || (p = push(l)) == NULL)
		return NULL;
	p->kind = K_PLAIN;
	p->tag = tag;
	p->w = (uint16_t)at;
	p->wn = (uint16_t)n;
	p->score = score;
	return p;
}

/* Initials: a single capital letter (az runs the same parser twice, as name and patronymic). */
static void parse_initials(ctx *c, plist *l, const uint32_t *w, size_t n)
{
	uint32_t i;

	if (n != 1 || !is_initial(w[0]))
		return;
	for (i = 0; i < 12; i++)
		add_plain(c, l, w, n, c->r->ntags + RU_XT_INIT + (uint32_t)i, 0.1);
}

static int is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int match_number(const uint32_t *w, size_t n, int real)
{
	size_t i = 0, d0;

	if (i < n && (w[i] == '-' || w[i] == 0x2212))
		i++;
	d0 = i;
	while (i < n && is_digit(w[i]))
		i++;
	if (!real)
		return i == n && i > d0;
	if (i >= n || (w[i] != '.' && w[i] != ','))
		return 0;
	d0 = ++i;
	while (i < n && is_digit(w[i]))
		i++;
	return i == n && i > d0;
}

static int is_punct(uint32_t c)
{
	return (c >= 0x2000 && c <= 0x206f) || (c >= 0x2e00 && c <= 0x2e7f) ||
	       (c < 0x80 && c > 0x20 && strchr("\\'!\"#$%&()*+,-./:;<=>?@[]^_`{|}~", (int)c) != NULL);
}

/* ^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$ */
static int match_roman(const uint32_t *w, size_t n)
{
	static const char unit[3][3] = { { 'C', 'D', 'M' }, { 'X', 'L', 'C' }, { 'I', 'V', 'X' } };
	size_t i = 0, k, g;

	for (k = 0; k < 4 && i < n && w[i] == 'M'; k++)
		i++;
	for (g = 0; g < 3; g++) {
		const char *u = unit[g];
		if (i + 1 < n && w[i] == (uint32_t)u[0] && (w[i + 1] == (uint32_t)u[2] || w[i + 1] == (uint32_t)u[1])) {
			i += 2;
			continue;
		}
		if (i < n && w[i] == (uint32_t)u[1])
			i++;
		for (k = 0; k < 3 && i < n && w[i] == (uint32_t)u[0]; k++)
			i++;
	}
	return i == n;
}

static int is_latin(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xc0 && c <= 0xd6) ||
	       (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x24f);
}

static size_t utf8_cps(const char *s, uint32_t *out, size_t max)
{
	size_t k = 0, i = 0, len = strlen(s);

	while (i < len && k < max)
		i += dyad_utf8_decode(s + i, len - i, &out[k++], NULL);
	return k;
}

static const char *const particles[] = { "-то", "-ка", "-таки", "-де", "-тко", "-тка", "-с", "-ста" };

/* A word with a particle: смотри-ка. */
static void parse_hyphen_particle(ctx *c, plist *l, const uint32_t *lw, size_t n)
{
	size_t k, i, j, no;
	opt o[MAXOPT];
	payloads pl;

	for (k = 0; k < sizeof particles / sizeof *particles; k++) {
		const uint32_t *part = c->r->particle_cp[k];
		size_t pn = c->r->particle_len[k], at;
		if (pn > n || memcmp(lw + n - pn, part, pn * sizeof *part) != 0)
			continue;
		no = find_all(&c->r->words, lw, n - pn, 1, o, MAXOPT);
		if (no && (at = pool_add(c, part, pn)) != SIZE_MAX)
			for (i = 0; i < no; i++) {
				list_payloads(c->r, &c->r->words, o[i].node, 4, &pl);
				for (j = 0; j < pl.n; j++) {
					rparse *p = add_dict(c, l, o[i].pre, o[i].plen, pl.out[j][0], pl.out[j][1],
							     o[i].stutter);
					if (p) {
						p->suf = (uint16_t)at;
						p->sufn = (uint16_t)pn;
						p->score *= 0.9;
					}
				}
			}
	}
}

/* по- and an adjective's dative: по-западному. */
static void parse_hyphen_adverb(ctx *c, plist *l, const uint32_t *lw, size_t n)
{
	static const uint32_t po[3] = { 0x43f, 0x43e, '-' };
	opt o[MAXOPT];
	payloads pl;
	size_t i, j, k, no;

	if (n < 5 || memcmp(lw, po, sizeof po) != 0)
		return;
	no = find_all(&c->r->words, lw + 3, n - 3, 1, o, MAXOPT);
	for (i = 0; i < no; i++) {
		int used = 0;
		for (k = 0; k < i; k++)
			used |= o[k].plen == o[i].plen && memcmp(o[k].pre, o[i].pre, o[i].plen) == 0;
		if (used)
			continue;
		list_payloads(c->r, &c->r->words, o[i].node, 4, &pl);
		for (j = 0; j < pl.n; j++)
			if (c->r->tags[form_tag(c->r, pl.out[j][0], pl.out[j][1])].flags & RU_TF_ADJF_SG_DAT) {
				uint32_t w[MAXW + 3];
				size_t m;
				rparse *p;
				memcpy(w, po, sizeof po);
				for (m = 0; m < o[i].plen; m++)
					w[3 + m] = from1251(o[i].pre[m]);
				p = add_plain(c, l, w, 3 + o[i].plen, c->r->ntags + RU_XT_ADVB,
					      dict_score(o[i].stutter) * 0.9);
				if (p)
					p->stutter = o[i].stutter;
				/* az marks the spelling used when one reading qualifies */
				break;
			}
	}
}

static int tags_agree(const ru_tag *a, const ru_tag *b)
{
	return a->pos == b->pos && a->nmbr == b->nmbr && a->ncase == b->ncase && a->pers == b->pers && a->tens == b->tens;
}

static int set_prefix(ctx *c, rparse *p, const uint32_t *s, size_t n)
{
	size_t at = pool_add(c, s, n);

	if (at == SIZE_MAX)
		return 0;
	p->pre = (uint16_t)at;
	p->pren = (uint16_t)n;
	return 1;
}

static const char *const known_prefixes[] = {
	"авиа",    "авто",    "аква",    "анти",   "анти-", "антропо", "архи",    "арт",      "арт-",   "астро",
	"аудио",   "аэро",    "без",     "бес",    "био",   "вело",    "взаимо",  "вне",      "внутри", "видео",
	"вице-",   "вперед",  "впереди", "гекто",  "гелио", "гео",     "гетеро",  "гига",     "гигро",  "гипер",
	"гипо",    "гомо",    "дву",     "двух",   "де",    "дез",     "дека",    "деци",     "дис",    "до",
	"евро",    "за",      "зоо",     "интер",  "инфра", "квази",   "квази-",  "кило",     "кино",   "контр",
	"контр-",  "космо",   "космо-",  "крипто", "лейб-", "лже",     "лже-",    "макро",    "макси",  "макси-",
	"мало",    "меж",     "медиа",   "медиа-", "мега",  "мета",    "мета-",   "метео",    "метро",  "микро",
	"милли",   "мини",    "мини-",   "моно",   "мото",  "много",   "мульти",  "нано",     "нарко",  "не",
	"небез",   "недо",    "нейро",   "нео",    "низко", "обер-",   "обще",    "одно",     "около",  "орто",
	"палео",   "пан",     "пара",    "пента",  "пере",  "пиро",    "поли",    "полу",     "после",  "пост",
	"пост-",   "порно",   "пра",     "пра-",   "пред",  "пресс-",  "противо", "противо-", "прото",  "псевдо",
	"псевдо-", "радио",   "разно",   "ре",     "ретро", "ретро-",  "само",    "санти",    "сверх",  "сверх-",
	"спец",    "суб",     "супер",   "супер-", "супра", "теле",    "тетра",   "топ-",     "транс",  "транс-",
	"ультра",  "унтер-",  "штаб-",   "экзо",   "эко",   "эндо",    "эконом-", "экс",      "экс-",   "экстра",
	"экстра-", "электро", "энерго",  "этно",
};
#define NKNOWN (sizeof known_prefixes / sizeof *known_prefixes)

/* Words joined by a hyphen: интернет-магазин, вице-премьер (as a compound), Нур-Султан. */
static void parse_hyphen_words(ctx *c, plist *l, const uint32_t *lw, size_t n)
{
	rparse lv[64], rv[64];
	plist left = { lv, 0, 64 }, right = { rv, 0, 64 };
	size_t k, i, j, dash = SIZE_MAX, ndash = 0, last = 0;

	for (k = 0; k < NKNOWN; k++) {
		const uint32_t *kp = c->r->prefix_cp[k];
		size_t kn = c->r->prefix_len[k];
		if (kp[kn - 1] == '-' && kn <= n && lw[0] == kp[0] && memcmp(lw, kp, kn * sizeof *kp) == 0)
			return;
	}
	for (k = 0; k < n; k++)
		if (lw[k] == '-') {
			if (dash == SIZE_MAX)
				dash = k;
			ndash++;
			last = k;
		}
	if (ndash != 1 || dash == 0 || dash + 1 == n) {
		if (ndash >= 2) {
			parse_dictionary(c, &right, lw + last + 1, n - last - 1);
			for (j = 0; j < right.n; j++) {
				rparse *p = push(l);
				if (!p)
					break;
				*p = rv[j];
				p->score *= 0.2;
				set_prefix(c, p, lw, last + 1);
			}
		}
		return;
	}
	parse_dictionary(c, &left, lw, dash);
	parse_dictionary(c, &right, lw + dash + 1, n - dash - 1);
	for (i = 0; i < left.n; i++) {
		const ru_tag *lt = &c->r->tags[lv[i].tag];
		if (lt->flags & RU_TF_ABBR)
			continue;
		for (j = 0; j < right.n; j++) {
			rparse *p;
			if (!tags_agree(lt, &c->r->tags[rv[j].tag]) || lv[i].stutter + rv[j].stutter > 0xffff)
				continue;
			if ((p = push(l)) == NULL)
				return;
			*p = rv[j];
			p->kind = K_COMB;
			p->lpara = lv[i].para;
			p->lform = lv[i].form;
			p->lw = lv[i].w;
			p->lwn = lv[i].wn;
			p->stutter = (uint16_t)(lv[i].stutter + rv[j].stutter);
			p->score = lv[i].score * rv[j].score * 0.8;
		}
	}
	for (j = 0; j < right.n; j++) {
		rparse *p = push(l);
		if (!p)
			return;
		*p = rv[j];
		p->score *= 0.3;
		set_prefix(c, p, lw, dash + 1);
	}
}

/* A known prefix before a dictionary word: видеоконференция, экс-премьер. */
static void parse_prefix(ctx *c, plist *l, const uint32_t *w, size_t n, int known)
{
	uint32_t lw[MAXW];
	int cap = is_capitalized(w, n);
	size_t k, i, plen;

	for (i = 0; i < n; i++)
		lw[i] = lower(w[i]);
	for (k = 0; k < (known ? NKNOWN : 5); k++) {
		size_t start = l->n, keep;
		if (known) {
			plen = c->r->prefix_len[k];
			if (n < plen + 3 || lw[0] != c->r->prefix_cp[k][0] ||
			    memcmp(lw, c->r->prefix_cp[k], plen * sizeof *lw) != 0)
				continue;
		} else {
			plen = k + 1;
			if (n < plen + 3)
				break;
		}
		parse_dictionary(c, l, lw + plen, n - plen);
		for (i = keep = start; i < l->n; i++) {
			const ru_tag *t = &c->r->tags[l->v[i].tag];
			if ((t->flags & RU_TF_UNPRODUCTIVE) || ((t->flags & RU_TF_CAPITALIZED) && !cap))
				continue;
			l->v[keep] = l->v[i];
			l->v[keep].score *= known ? 0.7 : 0.3;
			if (set_prefix(c, &l->v[keep], lw, plen))
				keep++;
		}
		l->n = keep;
	}
}

/* az's SuffixKnown: readings of dictionary words that end the same way (1 to 5 letters). */
static void parse_suffix(ctx *c, plist *l, const uint32_t *w, size_t n)
{
	static const double coeffs[6] = { 0, 0.2, 0.3, 0.4, 0.5, 0.6 };
	uint32_t lw[MAXW];
	int cap = is_capitalized(w, n);
	size_t minlen = 1, i, len, used_from = l->n;
	payloads plbuf, *pl = &plbuf;

	if (n < 4 || n > MAXW)
		return;
	for (i = 0; i < n; i++)
		lw[i] = lower(w[i]);
	for (i = 0; i < 3; i++) {
		size_t pn = pref_len[i];
		const uint32_t *base = lw + pn;
		size_t bn = n - pn;
		if (pn && (n < pn || memcmp(lw, pref_cp[i], pn * sizeof *lw) != 0))
			continue;
		for (len = 5; len >= minlen; len--) {
			opt o[MAXOPT];
			size_t no, e, s, start = l->n;
			double max = 1;
			if (len >= bn)
				continue;
			no = find_all(&c->r->pred[i], base + bn - len, len, 0, o, MAXOPT);
			for (e = 0; e < no; e++) {
				list_payloads(c->r, &c->r->pred[i], o[e].node, 6, pl);
				for (s = 0; s < pl->n; s++) {
					uint32_t word[MAXW];
					size_t wn = 0, m, at, u;
					const ru_tag *t = &c->r->tags[form_tag(c->r, pl->out[s][0], pl->out[s][1])];
					rparse *p;
					int dup = 0;
					if ((t->flags & RU_TF_UNPRODUCTIVE) || ((t->flags & RU_TF_CAPITALIZED) && !cap))
						continue;
					if (pn + (bn - len) + o[e].plen > MAXW)
						continue;
					memcpy(word, lw, (pn + bn - len) * sizeof *word);
					wn = pn + bn - len;
					for (m = 0; m < o[e].plen; m++)
						word[wn++] = from1251(o[e].pre[m]);
					for (u = used_from; u < l->n && !dup; u++)
						dup = l->v[u].para == pl->out[s][0] && l->v[u].form == pl->out[s][1] &&
						      l->v[u].wn == wn &&
						      memcmp(c->pool + l->v[u].w, word, wn * sizeof *word) == 0;
					if (dup || (at = pool_add(c, word, wn)) == SIZE_MAX || (p = push(l)) == NULL)
						continue;
					if (pl->out[s][2] > max)
						max = pl->out[s][2];
					p->kind = K_DICT;
					p->para = pl->out[s][0];
					p->form = (uint16_t)pl->out[s][1];
					p->tag = form_tag(c->r, p->para, p->form);
					p->w = (uint16_t)at;
					p->wn = (uint16_t)wn;
					p->score = pl->out[s][2] * coeffs[len];
				}
			}
			if (l->n > start) {
				for (s = start; s < l->n; s++)
					l->v[s].score /= max;
				minlen = len > 1 ? len - 1 : 1;
			}
		}
	}
}

/* Unknown abbreviations: ОДКБ, ЕАЭС (2 to 5 capitals, first and last letters capital). */
static void parse_abbr(ctx *c, plist *l, const uint32_t *w, size_t n)
{
	size_t i, caps = 0;

	if (n < 2)
		return;
	for (i = 0; i < n; i++)
		if (w[i] == '-')
			return;
	if (!is_initial(w[0]) || !is_initial(w[n - 1]))
		return;
	for (i = 0; i < n; i++)
		caps += is_initial(w[i]);
	if (caps > 5)
		return;
	for (i = 0; i < 36; i++)
		add_plain(c, l, w, n, c->r->ntags + RU_XT_ABBR + (uint32_t)i, 0.5);
}

/*
 * The P(tag|word) node after "word:" for a dictionary reading's spelling, or
 * MORPH_DAWG_MISSING when the corpus has no figures for it.
 */
static uint32_t prob_node(const morph_ru *r, const ctx *c, const rparse *p)
{
	uint32_t node = 0;
	size_t i;
	int b;

	for (i = 0; i < p->wn; i++)
		if ((b = to1251(c->pool[p->w + i])) < 0 ||
		    (node = morph_dawg_follow(&r->probs, (uint8_t)b, node)) == MORPH_DAWG_MISSING)
			return MORPH_DAWG_MISSING;
	return morph_dawg_follow(&r->probs, ':', node);
}

/* P(tag | word) from the node prob_node found; -1 when the corpus has none. */
static double prob(const morph_ru *r, uint32_t node, const rparse *p)
{
	const ru_tag *t = &r->tags[p->tag];
	uint32_t v;
	size_t i;

	for (i = 0; i < t->len && node != MORPH_DAWG_MISSING; i++)
		node = morph_dawg_follow(&r->probs, (uint8_t)t->str[i], node);
	return node != MORPH_DAWG_MISSING && morph_dawg_value(&r->probs, node, &v) ? v / 1000000.0 : -1;
}

/* JavaScript's substring(start, end) on code points: clamped, swapped when reversed. */
static void js_substring(size_t n, long start, long end, size_t *from, size_t *to)
{
	if (start < 0)
		start = 0;
	if (end < 0)
		end = 0;
	if ((size_t)start > n)
		start = (long)n;
	if ((size_t)end > n)
		end = (long)n;
	if (start > end) {
		long t = start;
		start = end;
		end = t;
	}
	*from = (size_t)start;
	*to = (size_t)end;
}

static size_t put(uint32_t *out, size_t at, const uint32_t *s, size_t n)
{
	if (at + n > MAXLEMMA)
		n = at < MAXLEMMA ? MAXLEMMA - at : 0;
	memcpy(out + at, s, n * sizeof *s);
	return at + n;
}

/*
 * The form `to` of the paradigm whose form `form` is spelled w[0..wn): az's
 * DictionaryParse.inflect (prefix + stem + ending).
 */
static size_t inflect(const morph_ru *r, const uint32_t *w, size_t wn, uint32_t para, uint32_t form, uint32_t to,
		      uint32_t *out)
{
	size_t forms, from, upto, at;
	const uint16_t *p = paradigm(r, para, &forms);

	js_substring(wn, (long)pref_len[p[2 * forms + form]], (long)wn - (long)suf_len(r, p[form]), &from, &upto);
	at = put(out, 0, pref_cp[p[2 * forms + to]], pref_len[p[2 * forms + to]]);
	at = put(out, at, w + from, upto - from);
	return put(out, at, r->suf + r->suf_off[p[to]], suf_len(r, p[to]));
}

/* az's normal form of a reading (Parse.normalize().toString()). */
static size_t lemma(const ctx *c, const rparse *p, uint32_t *out)
{
	const morph_ru *r = c->r;
	const uint32_t *pool = c->pool;
	uint32_t tmp[MAXLEMMA];
	size_t n, forms, at, f, pn;
	const uint16_t *pr;

	switch (p->kind) {
	case K_PLAIN: return put(out, 0, pool + p->w, p->wn);
	case K_COMB: {
		uint32_t rl = form_tag(r, p->para, 0);
		const uint16_t *lp = paradigm(r, p->lpara, &forms);
		at = 0;
		for (f = 0; f < forms; f++)
			if (tags_agree(&r->tags[lp[forms + f]], &r->tags[rl])) {
				at = inflect(r, pool + p->lw, p->lwn, p->lpara, p->lform, (uint32_t)f, out);
				break;
			}
		if (f == forms)
			at = put(out, 0, pool + p->lw, p->lwn);
		at = put(out, at, (const uint32_t[]){ '-' }, 1);
		n = inflect(r, pool + p->w, p->wn, p->para, p->form, 0, tmp);
		return put(out, at, tmp, n);
	}
	default:
		n = inflect(r, pool + p->w, p->wn, p->para, p->form, 0, tmp);
		if (!p->pren)
			at = put(out, 0, tmp, n);
		else {
			pr = paradigm(r, p->para, &forms);
			pn = pref_len[pr[2 * forms]];
			if (pn > n)
				pn = n;
			at = put(out, 0, tmp, pn);
			at = put(out, at, pool + p->pre, p->pren);
			at = put(out, at, tmp + pn, n - pn);
		}
		return put(out, at, pool + p->suf, p->sufn);
	}
}

/* Features that depend on the word itself: coordinating or subordinating, negation, -ся. */
static void lemma_features(const ru_tag *t, dyad_str l, dyad_upos *u, uint64_t *f)
{
	static const char *const coord[] = { "и",  "а",    "но",     "или",   "либо", "да",
					     "ни", "зато", "однако", "также", "тоже", "то" };
	size_t i;

	if (t->pos == RU_CONJ) {
		*u = DYAD_UPOS_SCONJ;
		for (i = 0; i < sizeof coord / sizeof *coord; i++)
			if (dyad_str_eq_c(l, coord[i]))
				*u = DYAD_UPOS_CCONJ;
	} else if (t->pos == RU_PRCL && (dyad_str_eq_c(l, "не") || dyad_str_eq_c(l, "ни")))
		*f |= DYAD_F_POLARITY_NEG;
	else if (*u == DYAD_UPOS_VERB && !(*f & (DYAD_F_VOICE_ACT | DYAD_F_VOICE_PASS)) && l.n >= 4 &&
		 (memcmp(l.p + l.n - 4, "ся", 4) == 0 || memcmp(l.p + l.n - 4, "сь", 4) == 0))
		*f |= DYAD_F_VOICE_MID;
}

void morph_ru_init_lists(morph_ru *r)
{
	size_t k;

	for (k = 0; k < NKNOWN && k < RU_MAX_PREFIXES; k++)
		r->prefix_len[k] = (uint8_t)utf8_cps(known_prefixes[k], r->prefix_cp[k], 12);
	for (k = 0; k < 8; k++)
		r->particle_len[k] = (uint8_t)utf8_cps(particles[k], r->particle_cp[k], 6);
}

/* Readings whose lemmas are sure to be equal: one spelling, one paradigm, same stem boundaries. */
static int same_lemma(const ctx *c, const rparse *a, const rparse *b)
{
	size_t forms;
	const uint16_t *p;

	if (a->kind != K_DICT || b->kind != K_DICT || a->para != b->para || a->pren || b->pren || a->sufn || b->sufn ||
	    a->wn != b->wn)
		return 0;
	p = paradigm(c->r, a->para, &forms);
	return p[a->form] == p[b->form] && p[2 * forms + a->form] == p[2 * forms + b->form] &&
	       (a->w == b->w || memcmp(c->pool + a->w, c->pool + b->w, a->wn * sizeof *c->pool) == 0);
}

static void stable_sort(rparse *v, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		rparse x = v[i];
		for (j = i; j > 0 && v[j - 1].score < x.score; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static char *to_utf8(dyad_arena *a, const uint32_t *s, size_t n, size_t *len)
{
	char *o = dyad_arena_alloc(a, n * 4 + 1), *q = o;
	size_t i;

	for (i = 0; i < n; i++)
		q += dyad_utf8_encode(s[i], q);
	*q = '\0';
	*len = (size_t)(q - o);
	return o;
}

static size_t unknown(dyad_arena *a, const uint32_t *w, size_t n, dyad_str word, dyad_analysis **out)
{
	dyad_analysis *an = DYAD_ARENA_NEW(a, dyad_analysis, 1);
	uint32_t lw[MAXLEMMA];
	size_t i, len;

	if (n > MAXLEMMA || w == NULL) {
		an->lemma = (dyad_str){ dyad_arena_strndup(a, word.p, word.n), word.n };
	} else {
		for (i = 0; i < n; i++)
			lw[i] = lower(w[i]);
		an->lemma.p = to_utf8(a, lw, n, &len);
		an->lemma.n = len;
	}
	an->upos = DYAD_UPOS_X;
	*out = an;
	return 1;
}

/*
 * A capitalised word in mid-sentence that the dictionary knows only as a
 * common word (Токаев: the genitive plural of токай) is more likely a name:
 * the ending's name readings (surnames, given names, places) are added, their
 * scores normalised among themselves, and the proper-noun-first order puts
 * them ahead. Only with DYAD_MORPH_MIDCAP: without it the readings are az's.
 */
static void midcap_names(ctx *c, plist *l)
{
	rparse tmp[MAXP];
	plist names = { tmp, 0, MAXP };
	size_t i, keep = 0;
	double total = 0;

	for (i = 0; i < l->n; i++)
		if (c->r->tags[l->v[i].tag].upos == DYAD_UPOS_PROPN)
			return;
	parse_suffix(c, &names, c->word, c->nword);
	for (i = 0; i < names.n; i++)
		if (c->r->tags[tmp[i].tag].upos == DYAD_UPOS_PROPN && l->n + keep < l->cap) {
			tmp[keep] = tmp[i];
			tmp[keep].parser = P_SUFK;
			total += tmp[keep++].score;
		}
	for (i = 0; i < keep; i++) {
		tmp[i].score = total > 0 ? tmp[i].score / total : 0;
		l->v[l->n++] = tmp[i];
	}
}

size_t morph_ru_analyze(const morph_ru *r, dyad_arena *a, dyad_str word, unsigned flags, dyad_analysis **out)
{
	ctx c;
	rparse v[MAXP];
	plist l = { v, 0, MAXP };
	uint32_t w[MAXW], lw[MAXW];
	uint16_t src[MAXP];
	size_t n = 0, i, k, m;
	int matched = 0;
	double total = 0;
	uint32_t node = MORPH_DAWG_MISSING;
	dyad_analysis *an;

	for (i = 0; i < word.n; n++) {
		if (n == MAXW)
			return unknown(a, NULL, 0, word, out);
		i += dyad_utf8_decode(word.p + i, word.n - i, &w[n], NULL);
	}
	if (n == 0)
		return unknown(a, NULL, 0, word, out);
	for (i = 0; i < n; i++)
		lw[i] = lower(w[i]);
	c.r = r;
	c.word = w;
	c.nword = n;
	c.npool = 0;
	for (k = 0; k < P_COUNT; k++) {
		size_t start = l.n;
		switch (k) {
		case P_DICT: parse_dictionary(&c, &l, w, n); break;
		case P_ABBRNAME:
		case P_ABBRPATR: parse_initials(&c, &l, w, n); break;
		case P_INT:
		case P_REAL:
			if (match_number(w, n, k == P_REAL))
				add_plain(&c, &l, w, n, r->ntags + (k == P_INT ? RU_XT_INTG : RU_XT_REAL), 0);
			break;
		case P_PUNCT:
			for (i = 0; i < n && is_punct(w[i]); i++)
				;
			if (i == n)
				add_plain(&c, &l, w, n, r->ntags + RU_XT_PNCT, 0);
			break;
		case P_ROMAN:
			if (match_roman(w, n))
				add_plain(&c, &l, w, n, r->ntags + RU_XT_ROMN, 0);
			break;
		case P_LATIN:
			if (is_latin(w[n - 1]))
				add_plain(&c, &l, w, n, r->ntags + RU_XT_LATN, 0);
			break;
		case P_HPART: parse_hyphen_particle(&c, &l, lw, n); break;
		case P_HADV: parse_hyphen_adverb(&c, &l, lw, n); break;
		case P_HWORDS: parse_hyphen_words(&c, &l, lw, n); break;
		case P_PREFK: parse_prefix(&c, &l, w, n, 1); break;
		case P_PREFU: parse_prefix(&c, &l, w, n, 0); break;
		case P_SUFK: parse_suffix(&c, &l, w, n); break;
		default: parse_abbr(&c, &l, w, n); break;
		}
		for (i = start; i < l.n; i++) {
			v[i].parser = (uint8_t)k;
			if (!v[i].stutter)
				matched = 1;
		}
		if (matched && terminal[k])
			break;
	}
	if (l.n == 0)
		return unknown(a, w, n, word, out);
	if ((flags & DYAD_MORPH_MIDCAP) && is_capitalized(w, n))
		midcap_names(&c, &l);

	/* az: dictionary readings scored by P(tag|word), then each group normalised on its own */
	for (i = 0, k = SIZE_MAX; i < l.n; i++)
		if (v[i].parser == P_DICT) {
			double pr;
			if (k == SIZE_MAX || v[k].wn != v[i].wn ||
			    memcmp(c.pool + v[k].w, c.pool + v[i].w, v[i].wn * sizeof *c.pool) != 0)
				node = prob_node(r, &c, &v[k = i]);
			pr = prob(r, node, &v[i]);
			if (pr >= 0) {
				v[i].score = pr * dict_score(v[i].stutter);
				total += v[i].score;
			}
		}
	if (total > 0)
		for (i = 0; i < l.n; i++)
			if (v[i].parser == P_DICT)
				v[i].score /= total;
	total = 0;
	for (i = 0; i < l.n; i++)
		if (v[i].parser != P_DICT)
			total += v[i].score;
	if (total > 0)
		for (i = 0; i < l.n; i++)
			if (v[i].parser != P_DICT)
				v[i].score /= total;
	stable_sort(v, l.n);

	an = DYAD_ARENA_NEW(a, dyad_analysis, l.n);
	for (i = 0, m = 0; i < 2; i++) /* with MIDCAP: proper nouns first, each group in order */
		for (k = 0; k < l.n; k++) {
			const ru_tag *t = &r->tags[v[k].tag];
			int propn = t->upos == DYAD_UPOS_PROPN;
			size_t j;
			if ((flags & DYAD_MORPH_MIDCAP) ? (i == 0) != propn : i == 1)
				continue;
			/* readings of one paradigm from one spelling share their lemma */
			for (j = 0; j < m; j++)
				if (same_lemma(&c, &v[src[j]], &v[k])) {
					an[m].lemma = an[j].lemma;
					break;
				}
			if (j == m) {
				uint32_t lem[MAXLEMMA];
				size_t ln = lemma(&c, &v[k], lem), len;
				for (j = 0; j < ln; j++)
					lem[j] = lower(lem[j]);
				an[m].lemma.p = to_utf8(a, lem, ln, &len);
				an[m].lemma.n = len;
			}
			src[m] = (uint16_t)k;
			an[m].upos = t->upos;
			an[m].feats = t->feats;
			lemma_features(t, an[m].lemma, &an[m].upos, &an[m].feats);
			an[m].score = (float)v[k].score;
			an[m].known = v[k].parser == P_DICT;
			m++;
		}
	*out = an;
	return m;
}
