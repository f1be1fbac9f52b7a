/*
 * actors.c — from tokens to actor mentions. The automaton (match.c) finds
 * the longest dictionary name at each word; these rules then decide what each
 * match is in its sentence: a role word with a country and a name after it is
 * a person coded by that role ("посол Казахстана Ерлан Байжанов" → KAZDIP),
 * a person in the lexicon takes the office held on the document's date, a
 * capital is a place unless it speaks ("Минск заявил" → BLRGOV), and later
 * mentions ("Байжанов", "глава государства") resolve to the person first named.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A dictionary name found in the text. */
typedef struct {
	size_t ts, te;  /* tokens */
	dyad_span span; /* bytes */
	const dyad_lex_name *name;
	const dyad_lex_entity *ent;
	int used; /* absorbed into a longer mention */
} raw;

/* A person seen earlier in the document, for later surnames, titles and pronouns. */
typedef struct {
	dyad_str surname; /* the key of the person's last word */
	const char *person;
	char code[24], country[8], role[8];
	const char *igo, *title;
	uint32_t entity;
	char gender;
	int past; /* named with an office held in the past ("former President X") */
} seen;

typedef struct {
	dyad_matcher *m;
	dyad_arena *a;
	dyad_str text;
	const dyad_token *toks;
	size_t ntoks;
	dyad_str *keys;   /* per token: its matching key ({NULL,0} for non-words) */
	size_t *tok_sent; /* per token: its sentence */
	dyad_ymd day;
	dyad_mention *out;
	size_t nout, capout;
	seen *seen;
	size_t nseen, capseen;
	dyad_keymap recent; /* the last person seen under each surname and each (role, country), either possibly left open */
	dyad_buf fold;      /* scratch for folded words */
} ctx;

const char *dyad_mention_kind_name(dyad_mention_kind k)
{
	switch (k) {
	case DYAD_MENTION_COUNTRY: return "country";
	case DYAD_MENTION_IGO: return "igo";
	case DYAD_MENTION_PERSON: return "person";
	case DYAD_MENTION_ROLE: return "role";
	case DYAD_MENTION_LOCATION: return "location";
	}
	return "unknown";
}

static dyad_str tok_str(const ctx *c, size_t i)
{
	return (dyad_str){ c->text.p + c->toks[i].span.start, c->toks[i].span.end - c->toks[i].span.start };
}

static int is_word(const dyad_token *t)
{
	return t->kind == DYAD_TOK_WORD || t->kind == DYAD_TOK_NUMBER;
}

/* The folded form of token i, valid until the next call. */
static dyad_str folded(ctx *c, size_t i)
{
	dyad_buf_clear(&c->fold);
	dyad_fold_buf(&c->fold, tok_str(c, i));
	return (dyad_str){ c->fold.p, c->fold.n };
}

static int in_list(dyad_str w, const char *const *list)
{
	for (; *list; list++)
		if (dyad_str_eq_c(w, *list))
			return 1;
	return 0;
}

static int starts_with_any(dyad_str w, const char *const *list)
{
	for (; *list; list++)
		if (dyad_str_starts_with(w, dyad_str_c(*list)))
			return 1;
	return 0;
}

/* Prepositions that make a place of what follows: "в Минске", "in Astana". */
static const char *const place_preps[] = { "в",     "во", "на", "из", "до", "под",  "к",    "ко",   "у",      "около",
					   "через", "по", "in", "at", "to", "from", "into", "near", "across", NULL };

/*
 * How verbs of saying and acting begin (folded, so "ё" is written "е"; a prefix covers its longer
 * forms): "Минск заявил", "Washington said", "Kyiv downgraded relations", "Москва выслала дипломатов".
 */
static const char *const acting_verbs[] = {
	/* saying */
	"заяв", "счита", "призв", "призыв", "настаива", "осуд", "выраз", "ответ", "предупред", "потребова", "отверг",
	"обвин", "намерен", "готов", "направ", "отказ", "назв", "расцен", "объяв", "сообщ", "said", "say", "state",
	"warn", "urg", "announc", "accus", "reject", "demand", "insist", "call", "respond", "condemn", "threaten",
	/* acting as a state */
	"высл", "высыла", "отозв", "отзыва", "ввел", "ввод", "введ", "запрет", "подписал", "приостанов", "раскрит",
	"критик", "пообещ", "пригроз", "угрож", "опроверг", "отклон", "упрекн", "возлож", "протест", "признал",
	"поддерж", "приветств", "предлож", "согласил", "denied", "denies", "deny", "dismiss", "refus", "expel",
	"recall", "summon", "sever", "downgrad", "impos", "banned", "bans", "signed", "signs", "agreed", "agrees",
	"vow", "pledg", "promis", "offer", "blam", "criticiz", "criticis", "slam", "denounc", "retaliat", "suspend",
	"sanction", "welcom", "hail", "protest", "blacklist", "froze", "freez", "express", "voic", NULL
};

/* Does `w` end in one of `list` with more than `more` bytes before the ending? */
static int ends_with_any(dyad_str w, const char *const *list, size_t more)
{
	for (; *list; list++) {
		size_t n = strlen(*list);
		if (w.n > n + more && memcmp(w.p + w.n - n, *list, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * The token after an aside set off by commas that opens at token t (", which has long supported
 * Minsk,", ", in turn,", ", который …,"): t itself when no aside opens there or none closes
 * within twelve words before b.
 */
static int is_comma(const ctx *c, size_t t)
{
	return c->toks[t].kind == DYAD_TOK_PUNCT && c->toks[t].span.end == c->toks[t].span.start + 1 &&
	       c->text.p[c->toks[t].span.start] == ',';
}

static size_t after_aside(ctx *c, size_t t, size_t b)
{
	size_t k;

	if (t >= b || !is_comma(c, t))
		return t;
	for (k = t + 1; k < b && k < t + 14; k++)
		if (is_comma(c, k))
			return k > t + 1 ? k + 1 : t;
	return t;
}

/* A Russian verb in the plural ("заявили", "считают"): a capital right before it is not its subject. */
static int plural_verb(dyad_str w)
{
	static const char *const endings[] = { "ли", "ют", "ят", "ут", "ат", NULL };

	return ends_with_any(w, endings, 2);
}

static int preceded_by_prep(ctx *c, size_t ts, size_t sent_start)
{
	return ts > sent_start && is_word(&c->toks[ts - 1]) && in_list(folded(c, ts - 1), place_preps);
}

/* ---- choosing among the names that end in one state ---------------------------------------- */

static int type_rank(const dyad_lex_name *n, const dyad_lex_entity *e)
{
	if (e->kind == DYAD_LEX_PERSON)
		return 0;
	if (e->kind == DYAD_LEX_GIVEN)
		return 9;
	switch (n->type) {
	case DYAD_NAME_NAME: return 1;
	case DYAD_NAME_METONYM: return 2;
	case DYAD_NAME_BODY:
	case DYAD_NAME_TITLE: return 3;
	case DYAD_NAME_ADJ: return 4;
	case DYAD_NAME_PEOPLE: return 5;
	case DYAD_NAME_CAPITAL: return 6;
	case DYAD_NAME_PLACE: return 7;
	}
	return 8;
}

/* How well a person fits the date: holds an office then (3), held one before (2), else 1. */
static int person_fit(const dyad_lex_entity *e, dyad_ymd day)
{
	int before;

	if (day == 0)
		return 2;
	if (dyad_lexicon_office_on(e, day, &before))
		return 3;
	return before ? 2 : 1;
}

static int case_ok(int need, int have)
{
	if (need == CASE_UPPER)
		return have == CASE_UPPER;
	if (need == CASE_CAPITAL)
		return have != CASE_ANY;
	return 1;
}

/*
 * The best name ending in `state` for a match whose first word has case `have` and last word case
 * `have_last`, or NULL. A person's name whose last word is capitalised is not found where that word
 * is written in lower case: "Оскар Мира" is a name, "Оскар мира" a prize.
 */
static const dyad_lex_name *pick(const ctx *c, uint32_t state, int have, int have_last)
{
	const dyad_matcher *m = c->m;
	const dyad_lex_name *best = NULL;
	int best_rank = 99, best_fit = 0;
	uint32_t h;

	for (h = m->first_hit[state]; h != MATCH_NONE; h = m->hits[h].next) {
		const dyad_lex_name *n = dyad_lexicon_name(m->lx, m->hits[h].name);
		const dyad_lex_entity *e = dyad_lexicon_entity(m->lx, n->entity);
		int rank = type_rank(n, e), fit = e->kind == DYAD_LEX_PERSON ? person_fit(e, c->day) : 0;

		if (!case_ok(m->hits[h].need, have))
			continue;
		if (e->kind == DYAD_LEX_PERSON && m->hits[h].last != CASE_ANY && have_last == CASE_ANY)
			continue;
		/* a name used only in another period (Nur-Sultan, the Soviet Union's Moscow) counts for less */
		if (c->day && (n->from || n->to) && !dyad_ymd_within(c->day, n->from, n->to))
			rank += 10;
		/* ties go to the entity defined first: present-day states come before historical ones */
		if (rank < best_rank || (rank == best_rank && fit > best_fit) ||
		    (rank == best_rank && fit == best_fit && best && n->entity < best->entity)) {
			best = n;
			best_rank = rank;
			best_fit = fit;
		}
	}
	return best;
}

/* ---- raw matches ----------------------------------------------------------------------------- */

static void push_raw(raw **rs, size_t *n, size_t *cap, raw r)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*rs = dyad_xrealloc(*rs, *cap * sizeof **rs);
	}
	(*rs)[(*n)++] = r;
}

/*
 * "белорусско-казахстанский": every part before the last is a compound prefix,
 * the last an adjective; each part that names a country becomes a match.
 */
static void compound(ctx *c, size_t i, raw **rs, size_t *n, size_t *cap)
{
	dyad_str w = tok_str(c, i);
	size_t start = 0, k, found = 0, first = *n;

	for (k = 0; k <= w.n; k++) {
		dyad_str part;
		const dyad_lex_name *nm = NULL;
		uint32_t st;

		if (k < w.n && w.p[k] != '-')
			continue;
		part = (dyad_str){ w.p + start, k - start };
		if (part.n == 0) {
			start = k + 1;
			continue;
		}
		if (k < w.n) {
			dyad_buf_clear(&c->fold);
			dyad_fold_buf(&c->fold, part);
			st = match_step(c->m, MATCH_PREFIX_ROOT, (dyad_str){ c->fold.p, c->fold.n });
		} else {
			st = match_step(c->m, MATCH_ROOT, match_key(c->m->stemmer, c->a, part));
		}
		if (st != MATCH_NONE)
			nm = pick(c, st, CASE_ANY, CASE_ANY);
		if (nm && (k < w.n || nm->type == DYAD_NAME_ADJ)) {
			raw r;
			memset(&r, 0, sizeof r);
			r.ts = i;
			r.te = i + 1;
			r.span.start = c->toks[i].span.start + start;
			r.span.end = c->toks[i].span.start + k;
			r.name = nm;
			r.ent = dyad_lexicon_entity(c->m->lx, nm->entity);
			push_raw(rs, n, cap, r);
			found++;
		}
		start = k + 1;
	}
	if (found < 2)
		*n = first; /* one part alone is not a compound of countries */
}

/* Longest dictionary names, left to right, in tokens [a, b). */
static size_t find_raw(ctx *c, size_t a, size_t b, raw **rs, size_t *cap)
{
	size_t i = a, n = 0;

	while (i < b) {
		size_t j, best_end = 0;
		const dyad_lex_name *best = NULL;
		uint32_t st = MATCH_ROOT;
		int have;

		if (!is_word(&c->toks[i]) || c->keys[i].n == 0) {
			i++;
			continue;
		}
		have = match_case_of(tok_str(c, i));
		for (j = i; j < b && is_word(&c->toks[j]) && c->keys[j].n; j++) {
			const dyad_lex_name *nm;
			if ((st = match_step(c->m, st, c->keys[j])) == MATCH_NONE)
				break;
			if (c->m->first_hit[st] != MATCH_NONE &&
			    (nm = pick(c, st, have, match_case_of(tok_str(c, j)))) != NULL) {
				best = nm;
				best_end = j + 1;
			}
		}
		if (best) {
			raw r;
			memset(&r, 0, sizeof r);
			r.ts = i;
			r.te = best_end;
			r.span.start = c->toks[i].span.start;
			r.span.end = c->toks[best_end - 1].span.end;
			r.name = best;
			r.ent = dyad_lexicon_entity(c->m->lx, best->entity);
			push_raw(rs, &n, cap, r);
			i = best_end;
			continue;
		}
		if ((c->toks[i].flags & DYAD_TOKF_HYPHEN) && (c->toks[i].flags & DYAD_TOKF_CYRILLIC))
			compound(c, i, rs, &n, cap);
		i++;
	}
	return n;
}

/* ---- mentions -------------------------------------------------------------------------------- */

static dyad_mention *emit(ctx *c, size_t ts, size_t te, dyad_span span, dyad_mention_kind kind)
{
	dyad_mention *m;

	if (c->nout == c->capout) {
		dyad_mention *grown;
		size_t cap = c->capout ? c->capout * 2 : 64;
		grown = DYAD_ARENA_NEW(c->a, dyad_mention, cap);
		if (c->nout)
			memcpy(grown, c->out, c->nout * sizeof *grown);
		c->out = grown;
		c->capout = cap;
	}
	m = &c->out[c->nout++];
	memset(m, 0, sizeof *m);
	m->tok_start = ts;
	m->tok_end = te;
	m->span = span;
	m->sentence = c->tok_sent[ts];
	m->kind = kind;
	m->entity = UINT32_MAX;
	return m;
}

static const dyad_lex_entity *igo_by_code(const dyad_lexicon *lx, const char *code)
{
	size_t i;

	for (i = 0; i < dyad_lexicon_nentities(lx); i++) {
		const dyad_lex_entity *e = dyad_lexicon_entity(lx, i);
		if (e->kind == DYAD_LEX_IGO && e->code && strcmp(e->code, code) == 0)
			return e;
	}
	return NULL;
}

/* Fill code, country, role and igo of `m` from a CAMEO-style code: KAZGOV, IGOSCO, IGOUNGOV. */
static void set_code(ctx *c, dyad_mention *m, const char *code)
{
	snprintf(m->code, sizeof m->code, "%s", code);
	m->country[0] = m->role[0] = '\0';
	m->igo = NULL;
	if (strncmp(code, "IGO", 3) == 0) {
		const dyad_lexicon *lx = c->m->lx;
		size_t i;
		/* the longest IGO code that starts the code names the organisation */
		for (i = strlen(code); i > 3; i--) {
			char buf[24];
			const dyad_lex_entity *e;
			snprintf(buf, sizeof buf, "%.*s", (int)i, code);
			if ((e = igo_by_code(lx, buf)) != NULL) {
				m->igo = e->key;
				snprintf(m->role, sizeof m->role, "%s", code + i);
				return;
			}
		}
		return;
	}
	if (strlen(code) >= 3) {
		snprintf(m->country, sizeof m->country, "%.3s", code);
		snprintf(m->role, sizeof m->role, "%s", code + 3);
	}
}

/* The office a person is coded by on the document's day: held then, else the last one before. */
static const dyad_office *office_for(const dyad_lex_entity *p, dyad_ymd day)
{
	const dyad_office *o = day ? dyad_lexicon_office_on(p, day, NULL) : NULL, *last = NULL;
	size_t i;

	if (o)
		return o;
	for (i = 0; i < p->noffices; i++) {
		const dyad_office *x = &p->offices[i];
		if (day == 0 && x->to == 0)
			return x; /* no date: an office still held */
		if ((day == 0 || (x->to && x->to < day)) && (last == NULL || x->to > last->to))
			last = x;
	}
	return last ? last : (p->noffices ? &p->offices[0] : NULL);
}

/* The key of a surname, or of a role and country ("" for either: any). */
static uint64_t surname_key(dyad_str surname)
{
	uint64_t h = dyad_hash64(surname.p, surname.n, dyad_hash64("s", 1, DYAD_HASH_SEED));
	return h ? h : 1;
}

static uint64_t office_key(const char *role, const char *country)
{
	uint64_t h = dyad_hash64(role, strlen(role) + 1, dyad_hash64("o", 1, DYAD_HASH_SEED));
	h = dyad_hash64(country, strlen(country), h);
	return h ? h : 1;
}

/* The last person seen under key h, or NULL. */
static const seen *recent_get(const ctx *c, uint64_t h)
{
	size_t at = 0, i;

	return dyad_keymap_next(&c->recent, h, &at, &i) ? &c->seen[i] : NULL;
}

static void remember(ctx *c, const dyad_mention *m, dyad_str surname)
{
	seen *s;

	if (surname.n == 0)
		return;
	if (c->nseen == c->capseen) {
		c->capseen = c->capseen ? c->capseen * 2 : 16;
		c->seen = dyad_xrealloc(c->seen, c->capseen * sizeof *c->seen);
	}
	s = &c->seen[c->nseen++];
	s->surname = surname;
	s->person = m->person;
	memcpy(s->code, m->code, sizeof s->code);
	memcpy(s->country, m->country, sizeof s->country);
	memcpy(s->role, m->role, sizeof s->role);
	s->igo = m->igo;
	s->title = m->title;
	s->entity = m->entity;
	s->gender = m->gender;
	s->past = 0;
	dyad_keymap_set(&c->recent, surname_key(surname), c->nseen - 1);
	dyad_keymap_set(&c->recent, office_key(s->role, s->country), c->nseen - 1);
	dyad_keymap_set(&c->recent, office_key(s->role, ""), c->nseen - 1);
	dyad_keymap_set(&c->recent, office_key("", s->country), c->nseen - 1);
	dyad_keymap_set(&c->recent, office_key("", ""), c->nseen - 1);
}

static void person_from_lexicon(ctx *c, dyad_mention *m, const dyad_lex_entity *e)
{
	const dyad_office *o = office_for(e, c->day);

	m->kind = DYAD_MENTION_PERSON;
	m->person = e->key;
	m->gender = e->gender;
	m->entity = (uint32_t)(e - dyad_lexicon_entity(c->m->lx, 0));
	if (o) {
		set_code(c, m, o->code);
		m->title = o->title;
	}
}

/* Capitalised words right after a role and a country: the name of a person the lexicon lacks. */
/* A Russian surname's gender from its ending (Кочанова, Лукашенко is unknown); Latin names stay unknown. */
static char guess_gender(dyad_str surname)
{
	static const char *const fem[] = { "ова", "ева", "ёва", "ина", "ына", "ая", "ская", "цкая", NULL };
	static const char *const masc[] = { "ов", "ев", "ёв", "ин", "ын", "ий", "ой", "ский", "цкий", NULL };
	const char *const *e;

	for (e = fem; *e; e++)
		if (surname.n > strlen(*e) && memcmp(surname.p + surname.n - strlen(*e), *e, strlen(*e)) == 0)
			return 'f';
	for (e = masc; *e; e++)
		if (surname.n > strlen(*e) && memcmp(surname.p + surname.n - strlen(*e), *e, strlen(*e)) == 0)
			return 'm';
	return 0;
}

static size_t unknown_name(ctx *c, size_t i, size_t b, const raw *rs, size_t nr, size_t k)
{
	size_t j = i;

	while (j < b && j - i < 4 && is_word(&c->toks[j])) {
		dyad_str w = tok_str(c, j);
		int cs = match_case_of(w);
		if (cs != CASE_CAPITAL)
			break;
		if (k < nr && rs[k].ts == j && rs[k].ent->kind != DYAD_LEX_GIVEN)
			break; /* a dictionary word starts here */
		if (k < nr && rs[k].ts == j)
			k++;
		j++;
	}
	return j - i >= 1 && j - i <= 3 ? j : i;
}

static int is_role_raw(const raw *r)
{
	return r->name->type == DYAD_NAME_TITLE || r->name->type == DYAD_NAME_BODY || r->name->type == DYAD_NAME_METONYM;
}

static int is_country_raw(const raw *r)
{
	return r->ent->kind == DYAD_LEX_COUNTRY && (r->name->type == DYAD_NAME_NAME || r->name->type == DYAD_NAME_ADJ);
}

static int is_igo_raw(const raw *r)
{
	return r->ent->kind == DYAD_LEX_IGO && r->name->type != DYAD_NAME_METONYM;
}

/*
 * Tokens between two matches are "glue" when they are at most one short lower-case word ("и",
 * "в"), in English one preposition ("of", "to").
 */
static int glued(ctx *c, size_t from, size_t to)
{
	if (to < from)
		return 0;
	if (to == from)
		return 1;
	if (to - from > 1 || !is_word(&c->toks[from]))
		return 0;
	/*
	 * English glues with a preposition alone ("President of Kazakhstan", "Ambassador of Kazakhstan to
	 * Belarus"): "The spokesman accused Russia" is no office of Russia
	 */
	if (!(c->text.p[c->toks[from].span.start] & 0x80)) {
		static const char *const glue_en[] = { "of", "for", "to", "in", "at", NULL };
		return in_list(folded(c, from), glue_en);
	}
	return match_case_of(tok_str(c, from)) == CASE_ANY && c->toks[from].span.end - c->toks[from].span.start <= 6;
}

/* How many persons named before a title looks back over when the last of its office does not fit. */
#define RECALL_REACH 256

/* Is token i "и" or "and"? */
static int joins(ctx *c, size_t i)
{
	return is_word(&c->toks[i]) && (dyad_str_eq_c(folded(c, i), "и") || dyad_str_eq_c(folded(c, i), "and"));
}

/*
 * Which office a title names, in either language, so that a title recalls only a person who
 * holds that office: "министр иностранных дел России" is not the president named before.
 * 0: a title that names no one office ("лидер", "глава", "министр", "official").
 */
enum { OFFICE_ANY, OFFICE_SECURITY, OFFICE_DEPUTY, OFFICE_FOREIGN, OFFICE_DEFENCE, OFFICE_HEAD_GOV, OFFICE_HEAD_STATE };

/* Does `w` begin a word of `s` (folded text: a word starts at the text or after a space or sign)? */
static int has_word_start(const char *s, const char *w)
{
	const char *p;

	for (p = strstr(s, w); p; p = strstr(p + 1, w))
		if (p == s || p[-1] == ' ' || p[-1] == '-' || p[-1] == '(' || p[-1] == '"' || p[-1] == ',')
			return 1;
	return 0;
}

static int office_of(const char *title)
{
	static const struct {
		int office;
		const char *word;
	} words[] = {
		/*
		 * the first that begins a word of the folded title decides: services before the
		 * ministries they share a word with ("director of the Foreign Intelligence Service"),
		 * deputies before their ministers
		 */
		{ OFFICE_SECURITY, "intelligence" },
		{ OFFICE_SECURITY, "security service" },
		{ OFFICE_SECURITY, "разведк" },
		{ OFFICE_SECURITY, "спецслужб" },
		{ OFFICE_SECURITY, "безопасност" },
		{ OFFICE_DEPUTY, "замест" },
		{ OFFICE_DEPUTY, "замминистр" },
		{ OFFICE_DEPUTY, "замглав" },
		{ OFFICE_DEPUTY, "вице-" },
		{ OFFICE_DEPUTY, "deputy" },
		{ OFFICE_DEPUTY, "vice" },
		{ OFFICE_FOREIGN, "иностранных дел" },
		{ OFFICE_FOREIGN, "мид" },
		{ OFFICE_FOREIGN, "внешнеполит" },
		{ OFFICE_FOREIGN, "foreign" },
		{ OFFICE_FOREIGN, "secretary of state" },
		{ OFFICE_FOREIGN, "госсекретарь" },
		{ OFFICE_DEFENCE, "обороны" },
		{ OFFICE_DEFENCE, "минобороны" },
		{ OFFICE_DEFENCE, "defence" },
		{ OFFICE_DEFENCE, "defense" },
		{ OFFICE_HEAD_GOV, "премьер" },
		{ OFFICE_HEAD_GOV, "правительства" },
		{ OFFICE_HEAD_GOV, "prime minister" },
		{ OFFICE_HEAD_GOV, "premier" },
		{ OFFICE_HEAD_GOV, "chancellor" },
		{ OFFICE_HEAD_GOV, "канцлер" },
		{ OFFICE_HEAD_STATE, "президент" },
		{ OFFICE_HEAD_STATE, "глава государства" },
		{ OFFICE_HEAD_STATE, "president" },
		{ OFFICE_HEAD_STATE, "head of state" },
	};
	char folded[256];
	dyad_buf b = DYAD_BUF_INIT;
	size_t i;
	int office = OFFICE_ANY;

	if (title == NULL)
		return OFFICE_ANY;
	/* case folded, so "Foreign" and "МИД" count; a title is a few words */
	dyad_fold_buf(&b, dyad_str_c(title));
	snprintf(folded, sizeof folded, "%.*s", (int)b.n, b.p ? b.p : "");
	dyad_buf_free(&b);
	for (i = 0; i < sizeof words / sizeof words[0] && office == OFFICE_ANY; i++)
		if (has_word_start(folded, words[i].word))
			office = words[i].office;
	return office;
}

/*
 * The last person in the document with this role (and country, when given) whose office the
 * title does not contradict.
 */
static const seen *recall(const ctx *c, const char *role, const char *country, const char *title)
{
	const seen *last = recent_get(c, office_key(role, country));
	int want = office_of(title), has;
	size_t i, reach;

	if (last && (!role[0] || strcmp(last->role, role) == 0) && (!country[0] || strcmp(last->country, country) == 0)) {
		has = office_of(last->title);
		if (want == OFFICE_ANY || has == OFFICE_ANY || want == has)
			return last;
	}
	/*
	 * the last of that role holds another office, or a key shared by two offices (a hash
	 * collision): look back over the persons named last, a bounded few
	 */
	for (i = c->nseen, reach = 0; c->seen && i > 0 && reach < RECALL_REACH; i--, reach++) {
		const seen *s = &c->seen[i - 1];
		if (role[0] && strcmp(s->role, role) != 0)
			continue;
		if (country[0] && strcmp(s->country, country) != 0)
			continue;
		has = office_of(s->title);
		if (want != OFFICE_ANY && has != OFFICE_ANY && want != has)
			continue;
		return s;
	}
	return NULL;
}

static void from_seen(dyad_mention *m, const seen *s)
{
	m->person = s->person;
	memcpy(m->code, s->code, sizeof m->code);
	memcpy(m->country, s->country, sizeof m->country);
	memcpy(m->role, s->role, sizeof m->role);
	m->igo = s->igo;
	m->title = s->title;
	m->entity = s->entity;
	m->gender = s->gender;
	m->resolved = 1;
}

/*
 * "Иван Петров, посол Казахстана, заявил": a person without a code right before the role `m`,
 * a comma (and "the" or "a") between, takes the role's code and title, and `m` names that person.
 * Returns 1 when it did.
 */
static int apposed(ctx *c, dyad_mention *m)
{
	dyad_mention *p = c->nout >= 2 ? &c->out[c->nout - 2] : NULL;
	size_t i = p ? p->tok_end : 0, k;

	if (p == NULL || p->kind != DYAD_MENTION_PERSON || p->code[0] || p->sentence != m->sentence ||
	    i >= m->tok_start || c->toks[i].kind != DYAD_TOK_PUNCT || tok_str(c, i).n != 1 || tok_str(c, i).p[0] != ',')
		return 0;
	for (i++; i < m->tok_start; i++)
		if (!is_word(&c->toks[i]) || (!dyad_str_eq_c(folded(c, i), "the") && !dyad_str_eq_c(folded(c, i), "a")))
			return 0;
	set_code(c, p, m->code);
	p->title = m->title;
	for (k = c->nseen; k > 0; k--)
		if (c->seen[k - 1].person == p->person) {
			memcpy(c->seen[k - 1].code, p->code, sizeof p->code);
			memcpy(c->seen[k - 1].country, p->country, sizeof p->country);
			memcpy(c->seen[k - 1].role, p->role, sizeof p->role);
			c->seen[k - 1].igo = p->igo;
			c->seen[k - 1].title = p->title;
			from_seen(m, &c->seen[k - 1]);
			break;
		}
	return 1;
}

/*
 * Tokens [from, to) are a Russian adjective in the genitive and its noun, in lower case: what a
 * title says of its state before the name ("премьер-министром островного государства Джеймсом Марапе").
 */
static int descriptor(ctx *c, size_t from, size_t to)
{
	static const char *const gen[] = { "ого", "его", "ой", "ей", NULL };

	return to == from + 2 && is_word(&c->toks[from]) && is_word(&c->toks[from + 1]) &&
	       (c->toks[from].flags & DYAD_TOKF_CYRILLIC) && match_case_of(tok_str(c, from)) == CASE_ANY &&
	       match_case_of(tok_str(c, from + 1)) == CASE_ANY && ends_with_any(tok_str(c, from), gen, 2);
}

/* Tokens [from, to) are "for" or "of" and one to three capitalised words: a title's portfolio ("for Defence"). */
static int portfolio(ctx *c, size_t from, size_t to)
{
	size_t i;

	if (to < from + 2 || to > from + 4 || !is_word(&c->toks[from]) ||
	    (!dyad_str_eq_c(folded(c, from), "for") && !dyad_str_eq_c(folded(c, from), "of")))
		return 0;
	for (i = from + 1; i < to; i++)
		if (!is_word(&c->toks[i]) || match_case_of(tok_str(c, i)) != CASE_CAPITAL)
			return 0;
	return 1;
}

/*
 * A role word and what is glued to it: an adjective or country before it
 * ("белорусский МИД", "Kazakhstan's foreign minister"), more role words,
 * a country or organisation after it ("глава МИД Армении", "Secretary
 * General of the CSTO"), then a name. Returns the index of the next raw
 * match to look at.
 */
/* Words that put an office in the past when they stand before its title (folded; Russian as beginnings). */
static const char *const past_words[] = { "former", "ousted",    "deposed", "toppled", "overthrown", "exiled",
					  "late",   "dismissed", "sacked",  "removed", "disgraced",  NULL };
static const char *const past_starts[] = { "бывш", "свергнут", "отстранен", "отстранён", "низложен", "покойн", NULL };

/*
 * Does a past-office word stand right before token ts ("former President", "recently ousted
 * President", "бывший президент")? One adverb may stand between ("recently", "недавно").
 */
static int past_office(ctx *c, size_t ts, size_t sent_start)
{
	size_t i = ts, seen_words = 0;

	while (i > sent_start && seen_words < 2) {
		dyad_str w;
		i--;
		if (!is_word(&c->toks[i]))
			return 0;
		w = folded(c, i);
		if (in_list(w, past_words) || starts_with_any(w, past_starts))
			return 1;
		/* only an adverb may stand between: "recently", "недавно" */
		if (!(w.n > 4 && memcmp(w.p + w.n - 2, "ly", 2) == 0) && !dyad_str_eq_c(w, "недавно"))
			return 0;
		seen_words++;
	}
	return 0;
}

/*
 * A title named as held in the past ("former President X", "the ousted leader") holds no office:
 * the person keeps the name and the state, without a role ("former President Ollanta Humala" is
 * PER: "criticizing Humala's trial" is aimed at Peru), and later mentions of the surname take
 * no office either. An organisation's former officer keeps nothing.
 */
static void past_holder(char code[24], char country[8], char role[8], const char **igo, const char **title)
{
	if (*igo)
		country[0] = '\0';
	snprintf(code, 24, "%s", country);
	role[0] = '\0';
	*igo = NULL;
	*title = NULL;
}

static void no_office(ctx *c, dyad_mention *m)
{
	size_t i;

	for (i = c->nseen; i-- > 0;)
		if (c->seen[i].person && c->seen[i].person == m->person) {
			seen *x = &c->seen[i];
			past_holder(x->code, x->country, x->role, &x->igo, &x->title);
			x->past = 1;
		}
	past_holder(m->code, m->country, m->role, &m->igo, &m->title);
}

#define BODY_BACK 3 /* sentences back that "the ministry" looks for the body it repeats */

/* Does mention p's name have a word with the key of token t ("Ministry" in "Ministry of Foreign Affairs of Kyrgyzstan")? */
static int names_word(const ctx *c, const dyad_mention *p, size_t t)
{
	size_t k;

	for (k = p->tok_start; k < p->tok_end; k++)
		if (dyad_str_eq(c->keys[k], c->keys[t]))
			return 1;
	return 0;
}

/*
 * The body a bare institution word repeats ("the ministry" after "the Polish Foreign Ministry" or
 * "the Ministry of Foreign Affairs of Kyrgyzstan"): the nearest mention in an earlier sentence, at
 * most BODY_BACK back, of a body with the same role, a code, and the word among the words of its
 * name; in English the word must follow "the" or "this". NULL when none.
 */
static const dyad_mention *body_before(ctx *c, const dyad_mention *m)
{
	size_t i;

	/* English says so with an article ("the ministry"); "military facilities" repeats nobody */
	if (!(c->text.p[m->span.start] & 0x80) && (m->tok_start == 0 || !is_word(&c->toks[m->tok_start - 1]) ||
						   (!dyad_str_eq_c(folded(c, m->tok_start - 1), "the") &&
						    !dyad_str_eq_c(folded(c, m->tok_start - 1), "this"))))
		return NULL;

	for (i = c->nout - 1; i-- > 0;) {
		const dyad_mention *p = &c->out[i];
		if (p->sentence + BODY_BACK < m->sentence)
			break;
		if (p->sentence < m->sentence && p->kind == DYAD_MENTION_ROLE && !p->person && p->code[0] &&
		    strcmp(p->role, m->role) == 0 && names_word(c, p, m->tok_end - 1))
			return p;
	}
	return NULL;
}

/*
 * The office a bare title repeats ("посол не отреагировал на вызов" after "потребовали от посла
 * Франции"): the nearest mention in an earlier sentence, at most BODY_BACK back, of a title with
 * the same role and office and a country, that names no person. NULL when none, or when two
 * such mentions of different countries stand there ("послы Франции и Германии … посол").
 */
static const dyad_mention *title_before(ctx *c, const dyad_mention *m)
{
	const dyad_mention *found = NULL;
	size_t i;

	if (!m->role[0] || !m->title)
		return NULL;
	for (i = c->nout - 1; i-- > 0;) {
		const dyad_mention *p = &c->out[i];
		if (p->sentence + BODY_BACK < m->sentence)
			break;
		if (p->sentence >= m->sentence || p->kind != DYAD_MENTION_ROLE || p->person || !p->country[0] ||
		    strcmp(p->role, m->role) != 0 || !p->title || office_of(p->title) != office_of(m->title))
			continue;
		if (found && strcmp(found->country, p->country) != 0)
			return NULL;
		found = p;
	}
	return found;
}

/*
 * The first mention of a state that can stand as the subject in sentence `s`, among mentions
 * [from, to) of c->out: a country, a body or a person with a country, not a place, no
 * preposition before it. NULL when there is none.
 */
static const dyad_mention *subject_mention(ctx *c, size_t s, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		const dyad_mention *p = &c->out[i];
		if (p->sentence != s)
			continue;
		if (p->kind == DYAD_MENTION_LOCATION || !p->country[0] || p->igo)
			continue;
		if (p->tok_start > 0 && c->tok_sent[p->tok_start - 1] == s && is_word(&c->toks[p->tok_start - 1]) &&
		    in_list(folded(c, p->tok_start - 1), place_preps))
			continue;
		return p;
	}
	return NULL;
}

/*
 * An English office without a state that the words before it make definite ("the foreign
 * ministry accused Tokyo", "its foreign ministry said") and that neither an earlier body nor
 * an earlier person resolved (role_chain asks it for bodies of government and armed forces): the state the text is
 * speaking of — for "its" and "their" the subject of its own sentence before it, else (and for "the", "this") the
 * subject of the nearest sentence before, at most BODY_BACK back. The state gives its country to the office (a ministry
 * of China: CHNGOV). NULL when the words before are none of these or no such subject stands there.
 */
static const dyad_mention *definite_office(ctx *c, const dyad_mention *m)
{
	static const char *const definite[] = { "the", "this", "its", "their", NULL };
	size_t i, s = m->sentence, first;
	dyad_str w;

	if ((c->text.p[m->span.start] & 0x80) || m->tok_start == 0 || c->tok_sent[m->tok_start - 1] != s ||
	    !is_word(&c->toks[m->tok_start - 1]))
		return NULL;
	/* "the Speaker of the Parliament of Georgia" names its own body after "of" */
	if (m->tok_end < c->ntoks && c->tok_sent[m->tok_end] == s && is_word(&c->toks[m->tok_end]) &&
	    dyad_str_eq_c(folded(c, m->tok_end), "of"))
		return NULL;
	w = folded(c, m->tok_start - 1);
	if (!in_list(w, definite))
		return NULL;
	/* the mentions of this sentence before m, then of the sentences before */
	for (first = c->nout - 1; first > 0 && c->out[first - 1].sentence == s; first--)
		;
	if (dyad_str_eq_c(w, "its") || dyad_str_eq_c(w, "their")) {
		const dyad_mention *p = subject_mention(c, s, first, c->nout - 1);
		if (p)
			return p;
	}
	for (i = first; i > 0;) {
		size_t ps = c->out[i - 1].sentence, j = i;
		if (ps + BODY_BACK < s)
			break;
		while (i > 0 && c->out[i - 1].sentence == ps)
			i--;
		{
			const dyad_mention *p = subject_mention(c, ps, i, j);
			if (p)
				return p;
		}
	}
	return NULL;
}

/* Was this person named earlier in the document with an office held in the past? */
static int named_as_past(const ctx *c, const char *person)
{
	size_t i;

	for (i = 0; i < c->nseen; i++)
		if (c->seen[i].past && c->seen[i].person == person)
			return 1;
	return 0;
}

static size_t role_chain(ctx *c, raw *rs, size_t nr, size_t k, size_t sent_start, size_t b)
{
	size_t first = k, last = k, end_tok, person_end, next;
	char role[8], country[8] = "";
	const dyad_lex_entity *igo = NULL, *person = NULL;
	const char *title = rs[k].name->type == DYAD_NAME_TITLE ? rs[k].name->text : NULL;
	int body = rs[k].name->type == DYAD_NAME_BODY;
	const dyad_mention *prev;
	dyad_mention *m;
	dyad_span span;

	snprintf(role, sizeof role, "%s", rs[k].name->role[0] ? rs[k].name->role : rs[k].ent->code);
	if (rs[k].name->type == DYAD_NAME_METONYM)
		snprintf(country, sizeof country, "%s", rs[k].ent->key);
	/* an adjective or country just before: "the Kazakh President", "белорусский лидер" */
	if (k > 0 && !rs[k - 1].used && (is_country_raw(&rs[k - 1]) || is_igo_raw(&rs[k - 1])) &&
	    rs[k - 1].te == rs[k].ts && c->tok_sent[rs[k - 1].ts] == c->tok_sent[rs[k].ts]) {
		first = k - 1;
		if (is_country_raw(&rs[k - 1]))
			snprintf(country, sizeof country, "%s", rs[k - 1].ent->key);
		else
			igo = rs[k - 1].ent;
	}
	for (next = k + 1; next < nr && glued(c, rs[last].te, rs[next].ts); next++) {
		raw *r = &rs[next];
		/* "президент Казахстана и президент Узбекистана": an office with its state ends at "и" */
		if ((country[0] || igo) && rs[next].ts > rs[last].te && joins(c, rs[last].te))
			break;
		if (is_role_raw(r)) {
			snprintf(role, sizeof role, "%s", r->name->role[0] ? r->name->role : r->ent->code);
			if (r->name->type == DYAD_NAME_TITLE)
				title = r->name->text;
			if (r->name->type == DYAD_NAME_METONYM && !country[0])
				snprintf(country, sizeof country, "%s", r->ent->key);
		} else if (is_country_raw(r) && !country[0] && !igo && !preceded_by_prep(c, r->ts, sent_start)) {
			snprintf(country, sizeof country, "%s", r->ent->key);
		} else if (is_igo_raw(r) && !country[0] && !igo) {
			igo = r->ent;
		} else {
			break;
		}
		last = next;
	}
	end_tok = rs[last].te;
	/*
	 * "посол Казахстана в Беларуси Тимур Жаксылыков": a country after a preposition
	 * is where the office is held; the name may follow it
	 */
	if (next < nr && is_country_raw(&rs[next]) && glued(c, rs[last].te, rs[next].ts) &&
	    preceded_by_prep(c, rs[next].ts, sent_start) &&
	    ((next + 1 < nr && rs[next + 1].ts == rs[next].te && rs[next + 1].ent->kind == DYAD_LEX_PERSON) ||
	     unknown_name(c, rs[next].te, b, rs, nr, next + 1) > rs[next].te)) {
		end_tok = rs[next].te;
		next++;
	}
	/* then a name: from the lexicon, or capitalised words the lexicon lacks */
	if (next < nr && rs[next].ent->kind == DYAD_LEX_PERSON &&
	    (portfolio(c, end_tok, rs[next].ts) || descriptor(c, end_tok, rs[next].ts)))
		end_tok = rs[next].ts; /* "Cabinet Secretary for Defence Aden Duale", "премьер-министром островного
					  государства Джеймсом Марапе" */
	if (next < nr && rs[next].ts == end_tok && rs[next].ent->kind == DYAD_LEX_PERSON) {
		person = rs[next].ent;
		person_end = rs[next].te;
		rs[next].used = 1;
		next++;
	} else {
		person_end = unknown_name(c, end_tok, b, rs, nr, next);
	}
	span.start = rs[first].span.start;
	span.end = person_end > end_tok ? c->toks[person_end - 1].span.end : rs[last].span.end;
	m = emit(c, rs[first].ts, person_end > end_tok ? person_end : rs[last].te, span, DYAD_MENTION_ROLE);
	m->title = title;
	{
		char code[24];
		if (igo) /* "генеральный секретарь ООН": the organisation, as people.txt codes its officers */
			snprintf(code, sizeof code, "%s", igo->code);
		else
			snprintf(code, sizeof code, "%s%s", country, role);
		if (country[0] || igo)
			set_code(c, m, code);
		else
			snprintf(m->role, sizeof m->role, "%s", role);
	}
	if (person) {
		const dyad_office *o = office_for(person, c->day);
		m->kind = DYAD_MENTION_PERSON;
		m->person = person->key;
		m->gender = person->gender;
		m->entity = (uint32_t)(person - dyad_lexicon_entity(c->m->lx, 0));
		/* the lexicon's office on that day wins over the words around the name */
		if (o && (c->day == 0 || dyad_lexicon_office_on(person, c->day, NULL) || !m->code[0])) {
			set_code(c, m, o->code);
			m->title = o->title;
		}
		remember(c, m, c->keys[person_end - 1]);
	} else if (person_end > end_tok) {
		m->kind = DYAD_MENTION_PERSON;
		m->person = dyad_arena_strndup(c->a, c->text.p + c->toks[end_tok].span.start,
					       c->toks[person_end - 1].span.end - c->toks[end_tok].span.start);
		m->gender = guess_gender(tok_str(c, person_end - 1));
		remember(c, m, c->keys[person_end - 1]);
	} else if (m->code[0] && apposed(c, m)) {
		/* "Иван Петров, посол Казахстана": the role is the person's before the comma */
	} else if (!m->code[0] && body && (prev = body_before(c, m)) != NULL) {
		/* "the ministry said", after "the Polish Foreign Ministry": that body, not a person named before it */
		set_code(c, m, prev->code);
		m->resolved = 1;
	} else if (!m->code[0] || !m->igo) {
		/* "глава государства", "the ambassador", "белорусский лидер": the person named before */
		const seen *s = recall(c, m->role, m->country, m->title);
		if (s && (!m->code[0] || strcmp(s->code, m->code) == 0)) {
			from_seen(m, s);
		} else if (!m->code[0] && (prev = title_before(c, m)) != NULL) {
			/* "посол не отреагировал", after "посла Франции" named without a name */
			set_code(c, m, prev->code);
			m->resolved = 1;
		}
	}
	if (!m->code[0] && !m->person && body && (strcmp(m->role, "GOV") == 0 || strcmp(m->role, "MIL") == 0) &&
	    (prev = definite_office(c, m)) != NULL) {
		/* "China summoned … The foreign ministry accused Tokyo": that state's office */
		char code[24];
		snprintf(code, sizeof code, "%s%s", prev->country, m->role);
		set_code(c, m, code);
		m->resolved = 1;
	}
	if (past_office(c, rs[first].ts, sent_start))
		no_office(c, m);
	for (k = first; k <= last; k++)
		rs[k].used = 1;
	return next;
}

/*
 * "министры иностранных дел России и Китая", "МИД Армении и Азербайджана": a country in an
 * oblique case right after "и" that follows an office and its country shares the office.
 * Returns the office's mention, or NULL. A country in its dictionary form ("МИД России и
 * Казахстан подписали") is the state itself.
 */
static const dyad_mention *shared_role(ctx *c, const raw *r)
{
	const dyad_mention *p = c->nout ? &c->out[c->nout - 1] : NULL;
	dyad_buf name = DYAD_BUF_INIT;
	int oblique;

	if (p == NULL || p->kind != DYAD_MENTION_ROLE || p->person || !p->country[0] || !p->role[0] ||
	    p->sentence != c->tok_sent[r->ts] || p->tok_end + 1 != r->ts || r->te != r->ts + 1 ||
	    !dyad_str_eq_c(folded(c, p->tok_end), "и") || r->name->type != DYAD_NAME_NAME)
		return NULL;
	dyad_fold_buf(&name, dyad_str_c(r->name->text));
	oblique = !dyad_str_eq(folded(c, r->ts), (dyad_str){ name.p, name.n });
	dyad_buf_free(&name);
	return oblique ? p : NULL;
}

static void plain(ctx *c, raw *r, size_t sent_start, size_t b)
{
	const dyad_lex_entity *e = r->ent;
	dyad_mention *m = NULL;

	switch (e->kind) {
	case DYAD_LEX_PERSON:
		m = emit(c, r->ts, r->te, r->span, DYAD_MENTION_PERSON);
		person_from_lexicon(c, m, e);
		remember(c, m, c->keys[r->te - 1]);
		if (named_as_past(c, m->person))
			no_office(c, m); /* "former President X … X said": X holds no office here either */
		break;
	case DYAD_LEX_IGO:
		m = emit(c, r->ts, r->te, r->span, DYAD_MENTION_IGO);
		m->entity = r->name->entity;
		set_code(c, m, e->code);
		m->igo = e->key;
		break;
	case DYAD_LEX_COUNTRY:
		if (r->name->type == DYAD_NAME_CAPITAL || r->name->type == DYAD_NAME_PLACE) {
			size_t j;
			int speaks = 0;
			/* "Минск заявил": a capital in its dictionary form, not after a preposition, before a verb of saying */
			if (r->name->type == DYAD_NAME_CAPITAL && !preceded_by_prep(c, r->ts, sent_start)) {
				dyad_buf want = DYAD_BUF_INIT;
				dyad_fold_buf(&want, dyad_str_c(r->name->text));
				if (r->te == r->ts + 1 && dyad_str_eq(folded(c, r->ts), (dyad_str){ want.p, want.n }))
					for (j = r->te; j < b && j < r->te + 3 && !speaks && !is_comma(c, j); j++)
						speaks = is_word(&c->toks[j]) &&
							 starts_with_any(folded(c, j), acting_verbs) &&
							 !(j == r->te && plural_verb(folded(c, j)));
				/* "Moscow, which has long supported Minsk, accused …": the verb after the aside (a
				   comma ends the verb's search before it: "supported Minsk, accused" is not Minsk's) */
				if (!speaks && r->te == r->ts + 1 && (j = after_aside(c, r->te, b)) > r->te)
					speaks = j < b && is_word(&c->toks[j]) &&
						 starts_with_any(folded(c, j), acting_verbs);
				dyad_buf_free(&want);
			}
			m = emit(c, r->ts, r->te, r->span, speaks ? DYAD_MENTION_ROLE : DYAD_MENTION_LOCATION);
			if (speaks) {
				char code[24];
				snprintf(code, sizeof code, "%sGOV", e->key);
				set_code(c, m, code);
			} else {
				snprintf(m->country, sizeof m->country, "%s", e->key);
				if (c->m->name_place)
					m->place = c->m->name_place[r->name - dyad_lexicon_name(c->m->lx, 0)];
			}
		} else {
			const dyad_mention *body = shared_role(c, r);
			m = emit(c, r->ts, r->te, r->span, DYAD_MENTION_COUNTRY);
			set_code(c, m, e->key);
			if (body) {
				char code[24];
				snprintf(code, sizeof code, "%s%s", e->key, body->role);
				m->kind = DYAD_MENTION_ROLE;
				set_code(c, m, code);
				m->title = body->title;
			}
		}
		m->entity = r->name->entity;
		break;
	case DYAD_LEX_ROLE:
	case DYAD_LEX_GIVEN: break; /* handled by role_chain and named_person */
	}
	if (m)
		m->name = r->name->text;
}

/* A capitalised word that is the surname of someone named earlier. */
static int surname_again(ctx *c, size_t i, size_t sent_start)
{
	size_t s;
	const seen *p;
	dyad_mention *m;

	if (!is_word(&c->toks[i]) || c->keys[i].n == 0 || match_case_of(tok_str(c, i)) == CASE_ANY)
		return 0;
	(void)sent_start;
	if ((p = recent_get(c, surname_key(c->keys[i]))) == NULL)
		return 0;
	if (!dyad_str_eq(p->surname, c->keys[i])) {
		/* a key shared by two surnames (a hash collision): look at every person */
		for (s = c->nseen, p = NULL; s > 0 && !p; s--)
			if (dyad_str_eq(c->seen[s - 1].surname, c->keys[i]))
				p = &c->seen[s - 1];
		if (!p)
			return 0;
	}
	m = emit(c, i, i + 1, c->toks[i].span, DYAD_MENTION_PERSON);
	from_seen(m, p);
	return 1;
}

/* Surnames of people named earlier, in tokens [from, to) that no dictionary name covers. */
static void surnames(ctx *c, size_t from, size_t to, size_t sent_start)
{
	size_t i;

	for (i = from; i < to; i++)
		surname_again(c, i, sent_start);
}

/* No lower-case word of four letters or more in tokens [a, b): a headline in title case ("Russia Warns Ukraine"). */
static int title_case(ctx *c, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++)
		if (c->toks[i].kind == DYAD_TOK_WORD && c->toks[i].span.end - c->toks[i].span.start >= 4 &&
		    match_case_of(tok_str(c, i)) == CASE_ANY)
			return 0;
	return 1;
}

/*
 * "Jordan Bardella", "Chad Smith", "Georgia Meloni": a country's one-word name in Latin letters
 * right before a person of the lexicon, or before a capitalised word that starts no dictionary
 * name, is a given name and not the country — unless a preposition makes it a place ("in Jordan")
 * or the sentence is a headline in title case.
 */
static int country_as_given_name(ctx *c, const raw *rs, size_t nr, size_t k, size_t a, size_t b)
{
	const raw *r = &rs[k];
	size_t n = r->te;

	if (r->ent->kind != DYAD_LEX_COUNTRY || r->name->type != DYAD_NAME_NAME || n != r->ts + 1 || n >= b ||
	    (c->toks[r->ts].flags & DYAD_TOKF_CYRILLIC) || preceded_by_prep(c, r->ts, a) || !is_word(&c->toks[n]))
		return 0;
	if (match_case_of(tok_str(c, r->ts)) != CASE_CAPITAL)
		return 0; /* "US Department of Commerce" */
	if (k + 1 < nr && rs[k + 1].ts == n)
		return rs[k + 1].ent->kind == DYAD_LEX_PERSON;
	/* the surname ends the name: "Israel Defense Forces" is the country's */
	if (n + 1 < b && is_word(&c->toks[n + 1]) && match_case_of(tok_str(c, n + 1)) != CASE_ANY)
		return 0;
	return c->toks[n].kind == DYAD_TOK_WORD && !(c->toks[n].flags & DYAD_TOKF_CYRILLIC) &&
	       match_case_of(tok_str(c, n)) == CASE_CAPITAL && !title_case(c, a, b);
}

/*
 * A given name and the capitalised words after it ("Роман Коноплев", "Юрий Михайлович Лужков"):
 * a person the lexicon lacks, with no code, remembered so that the surname alone finds it later.
 * Before a person of the lexicon ("Александр Лукашенко" where only the surname is listed) the
 * given name is left to that person.
 */
static void named_person(ctx *c, raw *rs, size_t nr, size_t k, size_t b)
{
	size_t end;

	rs[k].used = 1;
	/* a person of the lexicon, a country, ... right after; a surname that reads as a given name ("Петров") is not */
	if (k + 1 < nr && rs[k + 1].ts == rs[k].te && rs[k + 1].ent->kind != DYAD_LEX_GIVEN)
		return;
	end = unknown_name(c, rs[k].te, b, rs, nr, k + 1);
	if (end > rs[k].te) {
		dyad_span span = { rs[k].span.start, c->toks[end - 1].span.end };
		dyad_mention *m = emit(c, rs[k].ts, end, span, DYAD_MENTION_PERSON);
		m->person = dyad_arena_strndup(c->a, c->text.p + span.start, span.end - span.start);
		m->gender = rs[k].ent->gender;
		remember(c, m, c->keys[end - 1]);
	}
}

/*
 * "Atlanta, Georgia": a country's name right after a place of another country and a comma is a
 * state or province of that place's country, not the country ("Tbilisi, Georgia" stays Georgia).
 */
static int province_of_place(ctx *c, const raw *r)
{
	const dyad_mention *p = c->nout ? &c->out[c->nout - 1] : NULL;
	dyad_str comma;

	if (p == NULL || p->kind != DYAD_MENTION_LOCATION || r->ent->kind != DYAD_LEX_COUNTRY ||
	    r->name->type != DYAD_NAME_NAME || p->tok_end + 1 != r->ts || p->sentence != c->tok_sent[r->ts] ||
	    !p->country[0] || strcmp(p->country, r->ent->key) == 0)
		return 0;
	comma = tok_str(c, p->tok_end);
	return comma.n == 1 && comma.p[0] == ',';
}

/* Capitalised words the gazetteer names a place by where the lexicon found nothing (places.c). */
static int capital_word(ctx *c, size_t i)
{
	return is_word(&c->toks[i]) && match_case_of(tok_str(c, i)) != CASE_ANY;
}

/* Month and day names that are also the names of towns: never places without a preposition either. */
static const char *const not_places[] = { "january",  "february", "march",    "april",     "may",
					  "june",     "july",     "august",   "september", "october",
					  "november", "december", "monday",   "tuesday",   "wednesday",
					  "thursday", "friday",   "saturday", "sunday",    NULL };

/* Russian adjective endings (folded): "Южном", "Акмолинской" are adjectives, not the places. */
static const char *const adj_endings[] = { "ом", "ем", "ой", "ей", "ый", "ий", "ая", "яя",
					   "ое", "ее", "ых", "их", "ым", "им", "ую", NULL };

/*
 * Token i in an adjective's form standing before a name the gazetteer lacks
 * ("на Южном Кавказе"), or the adjective of a city in -ск/-цк ("Акмолинской
 * области", "Донецкой"), whose light stem is the city's own.
 */
static int adjective_form(ctx *c, size_t i, size_t b)
{
	dyad_str w = folded(c, i), k = c->keys[i];

	if (!ends_with_any(w, adj_endings, 0))
		return 0;
	if (i + 1 < b && capital_word(c, i + 1))
		return 1;
	return k.n >= 4 && (memcmp(k.p + k.n - 4, "ск", 4) == 0 || memcmp(k.p + k.n - 4, "цк", 4) == 0) &&
	       !(w.n >= 4 && (memcmp(w.p + w.n - 4, "ом", 4) == 0 || memcmp(w.p + w.n - 4, "ем", 4) == 0));
}

/*
 * "в Гуанчжоу", "from Vilnius": after a preposition of place any city will
 * do; elsewhere only a capital, a region or sea of the project's lists or a
 * city of a million, and not inside a longer capitalised name ("Victoria
 * Nuland"). The best candidate wins: capital, then the project's, then the
 * larger. A longer name may take in the lexicon's places and countries:
 * "the Kerch Strait" (Kerch), "the South China Sea" (China), "Тайваньский пролив".
 */
static void gazetteer_places(ctx *c, size_t a, size_t b, size_t first_out)
{
	unsigned char *hard; /* a mention that is no place or country */
	uint32_t *soft;      /* at each token of a place or country mention: the mention + 1 */
	size_t i, k, nout;
	int dropped = 0;

	if (c->m->places == NULL || b <= a)
		return;
	hard = DYAD_ARENA_NEW(c->a, unsigned char, b - a);
	soft = DYAD_ARENA_NEW(c->a, uint32_t, b - a);
	for (k = first_out; k < c->nout; k++) {
		int keep = c->out[k].kind == DYAD_MENTION_LOCATION || c->out[k].kind == DYAD_MENTION_COUNTRY;
		for (i = c->out[k].tok_start; i < c->out[k].tok_end && i < b; i++)
			if (i >= a && keep)
				soft[i - a] = (uint32_t)k + 1;
			else if (i >= a)
				hard[i - a] = 1;
	}
	for (i = a; i < b; i++) {
		const dyad_place *best[1];
		size_t to = i, te, n, j;
		dyad_mention *m = NULL;
		int ok, grows = 0;

		if (hard[i - a] || !capital_word(c, i) || in_list(folded(c, i), not_places))
			continue;
		if (soft[i - a] && c->out[soft[i - a] - 1].tok_start != i)
			continue;
		while (to < b && !hard[to - a])
			to++;
		te = places_longest(c->m->places, c->keys, i, to, best, 1, &n);
		if (te == i || adjective_form(c, te - 1, b))
			continue;
		/* the mentions it takes in: whole ones only, each shorter than the name */
		for (j = i, ok = 1; j < te && ok; j++)
			if (soft[j - a]) {
				const dyad_mention *s = &c->out[soft[j - a] - 1];
				ok = s->tok_end <= te && s->tok_end - s->tok_start < te - i &&
				     (s->kind == DYAD_MENTION_LOCATION || best[0]->geonames == 0);
				grows = 1;
			}
		if (!ok || (soft[te - 1 - a] && c->out[soft[te - 1 - a] - 1].tok_end > te))
			continue;
		if (grows) {
			/* a place the lexicon names widens; other mentions it takes in go */
			for (j = i; j < te; j++)
				if (soft[j - a]) {
					dyad_mention *s = &c->out[soft[j - a] - 1];
					if (!m && s->kind == DYAD_MENTION_LOCATION && s->tok_start == i) {
						m = s;
					} else if (s != m) {
						s->kind = 0;
						dropped = 1;
					}
				}
		} else {
			int major = best[0]->capital || best[0]->geonames == 0 || best[0]->population >= 1000000;
			/* a town before another capitalised word is part of a longer name: "in Union Square" */
			int longer =
				te < b && capital_word(c, te) && !soft[te - a] && !in_list(folded(c, te), not_places);
			ok = preceded_by_prep(c, i, a) && (major || !longer);
			/* a sentence's first word is capitalised anyway: it joins a city, not a region */
			if (!ok && major)
				ok = !(i > a + (best[0]->geonames == 0) && capital_word(c, i - 1) && !soft[i - 1 - a]) &&
				     !(te < b && capital_word(c, te));
			if (!ok)
				continue;
		}
		if (!m) {
			m = emit(c, i, te, c->toks[i].span, DYAD_MENTION_LOCATION);
			memset(m->code, 0, sizeof m->code);
		}
		m->kind = DYAD_MENTION_LOCATION;
		m->tok_end = te;
		m->span.end = c->toks[te - 1].span.end;
		snprintf(m->country, sizeof m->country, "%s", best[0]->country);
		m->place = best[0];
		/* the dictionary form in the text's language */
		m->name = best[0]->name_ru && c->keys[i].n && (unsigned char)c->keys[i].p[0] >= 0xD0 &&
					  (unsigned char)c->keys[i].p[0] <= 0xD3
				  ? best[0]->name_ru
				  : best[0]->name;
		i = te - 1;
	}
	if (!dropped)
		return;
	for (k = nout = first_out; k < c->nout; k++)
		if (c->out[k].kind)
			c->out[nout++] = c->out[k];
	c->nout = nout;
}

/*
 * "со стороны Азербайджана", "в сторону Японии", "на стороне России": "сторона" right after a
 * preposition says from, towards or with whom, and names no body; the state after it stays
 * the state, for the patterns that are written with these words.
 */
static int side_phrase(ctx *c, const raw *r, size_t sent_start)
{
	static const char *const preps[] = { "в", "во", "по", "к", NULL };

	return r->name->type == DYAD_NAME_BODY && r->ts > sent_start && is_word(&c->toks[r->ts]) &&
	       dyad_str_starts_with(folded(c, r->ts), dyad_str_c("сторон")) && is_word(&c->toks[r->ts - 1]) &&
	       in_list(folded(c, r->ts - 1), preps);
}

static void sentence(ctx *c, size_t a, size_t b, raw **rs, size_t *cap)
{
	size_t nr = find_raw(c, a, b, rs, cap), k = 0, pos = a, first_out = c->nout;
	raw *r = *rs;

	while (k < nr) {
		size_t before = c->nout;

		/* used, or a given name inside a mention made already ("посол Казахстана Иван Петров") */
		if (r[k].used || (r[k].ent->kind == DYAD_LEX_GIVEN && r[k].ts < pos)) {
			k++;
			continue;
		}
		if (r[k].ts > pos)
			surnames(c, pos, r[k].ts, a);
		/* a country or organisation glued to a following role word joins it */
		if ((is_country_raw(&r[k]) || is_igo_raw(&r[k])) && k + 1 < nr && is_role_raw(&r[k + 1]) &&
		    r[k].te == r[k + 1].ts) {
			k = role_chain(c, r, nr, k + 1, a, b);
		} else if (is_role_raw(&r[k]) && !side_phrase(c, &r[k], a)) {
			k = role_chain(c, r, nr, k, a, b);
		} else if (is_role_raw(&r[k]) || country_as_given_name(c, r, nr, k, a, b) || province_of_place(c, &r[k])) {
			/* "в сторону X" names no body; "Jordan Bardella", "Atlanta, Georgia" no country */
			r[k].used = 1;
			k++;
		} else if (r[k].ent->kind == DYAD_LEX_GIVEN) {
			named_person(c, r, nr, k, b);
			k++;
		} else {
			plain(c, &r[k], a, b);
			r[k].used = 1;
			k++;
		}
		if (c->nout > before && c->out[c->nout - 1].tok_end > pos)
			pos = c->out[c->nout - 1].tok_end;
	}
	if (pos < b)
		surnames(c, pos, b, a);
	gazetteer_places(c, a, b, first_out);
}

static int by_start(const void *x, const void *y)
{
	const dyad_mention *a = x, *b = y;
	if (a->span.start != b->span.start)
		return a->span.start < b->span.start ? -1 : 1;
	return a->span.end < b->span.end ? 1 : a->span.end > b->span.end ? -1 : 0;
}

size_t dyad_actors_find(dyad_matcher *m, dyad_arena *a, dyad_str text, const dyad_token *toks, size_t ntoks,
			const dyad_span *sents, size_t nsents, dyad_ymd day, dyad_mention **out)
{
	ctx c;
	size_t i, s = 0, cap = 0;
	raw *rs = NULL;

	memset(&c, 0, sizeof c);
	c.m = m;
	c.a = a;
	c.text = text;
	c.toks = toks;
	c.ntoks = ntoks;
	c.day = day;
	c.keys = DYAD_ARENA_NEW(a, dyad_str, ntoks + 1);
	c.tok_sent = DYAD_ARENA_NEW(a, size_t, ntoks + 1);
	for (i = 0; i < ntoks; i++) {
		while (s + 1 < nsents && toks[i].span.start >= sents[s].end)
			s++;
		c.tok_sent[i] = s;
		if (is_word(&toks[i]))
			c.keys[i] = match_key(m->stemmer, a, tok_str(&c, i));
	}
	/* sentence by sentence: a name never runs across a sentence end */
	for (i = 0; i < ntoks;) {
		size_t j = i;
		while (j < ntoks && c.tok_sent[j] == c.tok_sent[i])
			j++;
		sentence(&c, i, j, &rs, &cap);
		i = j;
	}
	free(rs);
	free(c.seen);
	dyad_keymap_free(&c.recent);
	dyad_buf_free(&c.fold);
	if (c.nout > 1)
		qsort(c.out, c.nout, sizeof *c.out, by_start);
	*out = c.out;
	return c.nout;
}
