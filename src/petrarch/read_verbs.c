/*
 * read_verbs.c — the verbs dictionary: "--- VERB [code] ---" blocks, verbs
 * with their forms (listed in {...} or made by the regular rules), patterns
 * "- words * words [code]" sorted longest first, and "&SYNSET" word sets.
 */
#include "petrarch/internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static synset *find_synset(const dyad_petrarch *p, const char *name)
{
	return petr_wordmap_get(&p->synsets, name);
}

static void synset_add(dyad_arena *a, synset *s, const phrase *ph)
{
	s->m = dyad_arena_grow(a, s->m, &s->cap, s->n, sizeof *s->m, 8);
	s->m[s->n++] = *ph;
}

static vform *add_vform(dyad_petrarch *p, const phrase *ph, size_t head, verb *v)
{
	vform *f = dyad_arena_zalloc(p->arena, sizeof *f);
	f->ph = *ph;
	f->head = head;
	f->v = v;
	petr_add_to_map(p, &p->vforms, ph->w[head], (void **)&f->next, f);
	p->counts.verbs++;
	return f;
}

/* A verb phrase with '+' marking the verb word (else the first word). */
static int verb_phrase(dyad_arena *a, const char *s, size_t n, phrase *ph, size_t *head)
{
	size_t i;
	int us;

	if (petr_split_phrase(a, s, n, ph, &us) < 0)
		return -1;
	*head = 0;
	for (i = 0; i < ph->n; i++)
		if (ph->w[i][0] == '+') {
			*head = i;
			ph->w[i]++;
			if (ph->w[i][0] == '\0')
				return -1;
		}
	return 0;
}

static void regular_forms(dyad_petrarch *p, const phrase *ph, size_t head, verb *v)
{
	const char *w = ph->w[head];
	size_t n = strlen(w), k;
	char buf[8][128];
	size_t nb = 0;

	if (n + 4 >= sizeof buf[0])
		return;
	snprintf(buf[nb++], sizeof buf[0], "%sS", w);
	if (w[n - 1] == 'E') {
		snprintf(buf[nb++], sizeof buf[0], "%sD", w);
		snprintf(buf[nb++], sizeof buf[0], "%.*sING", (int)(n - 1), w);
	} else if (w[n - 1] == 'Y' && n > 1 && !strchr("AEIOU", w[n - 2])) {
		snprintf(buf[nb++], sizeof buf[0], "%.*sIES", (int)(n - 1), w);
		snprintf(buf[nb++], sizeof buf[0], "%.*sIED", (int)(n - 1), w);
		snprintf(buf[nb++], sizeof buf[0], "%sING", w);
	} else {
		snprintf(buf[nb++], sizeof buf[0], "%sED", w);
		snprintf(buf[nb++], sizeof buf[0], "%sING", w);
		if (w[n - 1] == 'S' || w[n - 1] == 'X' || w[n - 1] == 'Z' ||
		    (n > 1 && w[n - 1] == 'H' && strchr("CS", w[n - 2])))
			snprintf(buf[nb++], sizeof buf[0], "%sES", w);
		else if (n > 2 && n <= 4 && !strchr("AEIOUWXY", w[n - 1]) && strchr("AEIOU", w[n - 2]) &&
			 !strchr("AEIOU", w[n - 3])) {
			snprintf(buf[nb++], sizeof buf[0], "%s%cED", w, w[n - 1]);
			snprintf(buf[nb++], sizeof buf[0], "%s%cING", w, w[n - 1]);
		}
	}
	for (k = 0; k < nb; k++) {
		phrase q = petr_with_last(p->arena, ph, "");
		memcpy(q.w, ph->w, ph->n * sizeof *q.w);
		q.w[head] = dyad_arena_strndup(p->arena, buf[k], strlen(buf[k]));
		add_vform(p, &q, head, v);
	}
}

/* Words of a pattern element that may carry '_' joins; *tight_after tells a trailing '_'. */
static int parse_pattern(reader *r, const char *s, size_t n, pattern *pt)
{
	dyad_petrarch *p = r->p;
	pelem el[MAX_WORDS];
	int join[MAX_WORDS]; /* join[i]: element i is joined to i+1 by '_' */
	size_t ne = 0, i = 0, star = (size_t)-1, k;

	while (i < n) {
		size_t j;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '{' || s[i] == '}' || s[i] == '(' || s[i] == ')'))
			i++;
		if (i >= n)
			break;
		if (s[i] == '_') {
			if (ne > 0)
				join[ne - 1] = 1;
			i++;
			continue;
		}
		j = i;
		if (s[i] == '*' || s[i] == '$' || s[i] == '+' || s[i] == '%' || s[i] == '^')
			j = i + 1;
		else
			while (j < n && !strchr(" \t_{}()*", s[j]))
				j++;
		if (ne == MAX_WORDS) {
			petr_bad(r, "expected a pattern of at most %d elements", MAX_WORDS);
			return -1;
		}
		memset(&el[ne], 0, sizeof el[ne]);
		join[ne] = 0;
		switch (s[i]) {
		case '*':
			if (star != (size_t)-1) {
				petr_bad(r, "expected one '*' for the verb in the pattern");
				return -1;
			}
			star = ne;
			break;
		case '$': el[ne].kind = E_SRC; break;
		case '+': el[ne].kind = E_TGT; break;
		case '%': el[ne].kind = E_CMP; break;
		case '^': el[ne].kind = E_SKIP; break;
		case '&': {
			char *name = petr_upper_dup(p->arena, s + i, j - i);
			el[ne].kind = E_SYN;
			el[ne].syn = find_synset(p, name);
			if (el[ne].syn == NULL) {
				petr_bad(r, "expected a synset defined before its use: %s", name);
				return -1;
			}
			break;
		}
		default: el[ne].kind = E_WORD; el[ne].word = petr_upper_dup(p->arena, s + i, j - i);
		}
		ne++;
		i = j;
	}
	if (star == (size_t)-1) {
		petr_bad(r, "expected a '*' marking the verb's place in the pattern");
		return -1;
	}
	/* el[star] is the verb placeholder */
	pt->npre = star;
	pt->npost = ne - star - 1;
	pt->pre = dyad_arena_alloc(p->arena, (pt->npre + 1) * sizeof *pt->pre);
	pt->post = dyad_arena_alloc(p->arena, (pt->npost + 1) * sizeof *pt->post);
	for (k = 0; k < star; k++) {
		pt->pre[k] = el[k];
		pt->pre[k].tight = join[k];
	}
	for (k = star + 1; k < ne; k++) {
		pt->post[k - star - 1] = el[k];
		pt->post[k - star - 1].tight = join[k - 1];
	}
	pt->weight = ne - 1;
	for (k = 0; k < ne; k++)
		if (k != star && el[k].kind == E_SYN)
			pt->weight++;
	return 0;
}

static int cmp_patterns(const void *x, const void *y)
{
	const pattern *a = x, *b = y;

	if (a->weight != b->weight)
		return a->weight > b->weight ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

void petr_read_verbs(reader *r, char **lines, size_t nlines)
{
	dyad_petrarch *p = r->p;
	block *b = NULL;
	synset *syn = NULL;
	int syn_noplural = 0;
	size_t i, order = 0;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n, o, c;
		char rule[400];

		r->line = i + 1;
		while (*s == ' ' || *s == '\t')
			s++;
		n = strlen(s);
		if (n >= 3 && strncmp(s, "---", 3) == 0) {
			const char *code = "---", *code2 = NULL;
			syn = NULL;
			b = dyad_arena_zalloc(p->arena, sizeof *b);
			if (petr_find_brackets(s + 3, n - 3, &o, &c) == 0 &&
			    petr_parse_code_pair(p->arena, s + 3, o, c, &code, &code2) < 0) {
				petr_bad(r, "expected the block's code in [...]: --- VERB [code] ---");
				code = "---";
			}
			b->code = code;
			b->code2 = code2;
			// NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers
			p->blocks = dyad_xgrow(p->blocks, &p->capblocks, p->nblocks, sizeof *p->blocks, 64);
			p->blocks[p->nblocks++] = b;
			continue;
		}
		n = petr_strip_comment(s, n, 0);
		if (n == 0 || s[0] == '<')
			continue;
		if (s[0] == '&') {
			size_t k = 1;
			char *name;
			while (k < n && !isspace((unsigned char)s[k]))
				k++;
			if (k == 1) {
				petr_bad(r, "expected a synset name after '&'");
				syn = NULL;
				continue;
			}
			syn_noplural = s[k - 1] == '_';
			name = petr_upper_dup(p->arena, s, syn_noplural ? k - 1 : k);
			syn = dyad_arena_zalloc(p->arena, sizeof *syn);
			syn->name = name;
			*petr_wordmap_slot(&p->synsets, name, 1) = syn;
			p->counts.synsets++;
			b = NULL;
			continue;
		}
		if (syn && s[0] == '+') {
			phrase ph;
			int us;
			if (s[1] == '&') {
				synset *inner;
				size_t k;
				char *name = petr_upper_dup(p->arena, s + 1, n - 1);
				size_t nn = strlen(name);
				while (nn > 0 && (isspace((unsigned char)name[nn - 1]) || name[nn - 1] == '_'))
					name[--nn] = '\0';
				inner = find_synset(p, name);
				if (inner == NULL || inner == syn) {
					petr_bad(r, "expected a synset defined before its use: %s", name);
					continue;
				}
				for (k = 0; k < inner->n; k++)
					synset_add(p->arena, syn, &inner->m[k]);
				continue;
			}
			if (petr_split_phrase(p->arena, s + 1, n - 1, &ph, &us) < 0) {
				petr_bad(r, "expected a synset member after '+'");
				continue;
			}
			synset_add(p->arena, syn, &ph);
			if (!syn_noplural && !us) {
				phrase q = petr_with_last(p->arena, &ph, petr_plural(p->arena, ph.w[ph.n - 1]));
				synset_add(p->arena, syn, &q);
			}
			continue;
		}
		syn = NULL;
		if (s[0] == '~')
			continue; /* transformations need parse trees */
		if (b == NULL) {
			petr_bad(r, "expected a '--- VERB [code] ---' block before this line");
			continue;
		}
		snprintf(rule, sizeof rule, "%s:%zu: %.*s", r->file, r->line, (int)(n < 300 ? n : 300), s);
		if (s[0] == '-') {
			pattern pt;
			const char *code, *code2;
			memset(&pt, 0, sizeof pt);
			if (petr_find_brackets(s, n, &o, &c) < 0 ||
			    petr_parse_code_pair(p->arena, s, o, c, &code, &code2) < 0) {
				petr_bad(r, "expected a pattern '- words * words [code]'");
				continue;
			}
			if (parse_pattern(r, s + 1, o - 1, &pt) < 0)
				continue;
			pt.code = code;
			pt.code2 = code2;
			pt.order = order++;
			pt.rule = dyad_arena_strndup(p->arena, rule, strlen(rule));
			b->pats = dyad_xgrow(b->pats, &b->cap, b->npats, sizeof *b->pats, 8);
			b->pats[b->npats++] = pt;
			p->counts.patterns++;
			continue;
		}
		{
			/* a verb: WORD {FORMS} [code] */
			const char *code = NULL, *code2 = NULL, *forms = NULL;
			size_t end = n, nforms = 0, head;
			const char *ob = memchr(s, '{', n);
			phrase ph;
			verb *v;
			if (memchr(s, '[', n)) {
				if (petr_find_brackets(s, n, &o, &c) < 0 ||
				    petr_parse_code_pair(p->arena, s, o, c, &code, &code2) < 0) {
					petr_bad(r, "expected the verb's code in [...]");
					continue;
				}
				end = o;
			}
			if (ob && (size_t)(ob - s) < end) {
				const char *cb = memchr(ob, '}', end - (size_t)(ob - s));
				if (cb == NULL) {
					petr_bad(r, "expected the verb's forms in {...} closed by '}'");
					continue;
				}
				forms = ob + 1;
				nforms = (size_t)(cb - forms);
				end = (size_t)(ob - s);
			}
			if (verb_phrase(p->arena, s, end, &ph, &head) < 0) {
				petr_bad(r, "expected a verb, or a pattern line starting with '-'");
				continue;
			}
			v = dyad_arena_zalloc(p->arena, sizeof *v);
			v->code = code;
			v->code2 = code2;
			v->b = b;
			v->rule = dyad_arena_strndup(p->arena, rule, strlen(rule));
			add_vform(p, &ph, head, v)->base = 1;
			if (forms) {
				size_t k = 0;
				while (k < nforms) {
					size_t j;
					phrase q;
					size_t qh;
					while (k < nforms && isspace((unsigned char)forms[k]))
						k++;
					j = k;
					while (j < nforms && !isspace((unsigned char)forms[j]))
						j++;
					if (j > k && verb_phrase(p->arena, forms + k, j - k, &q, &qh) == 0)
						add_vform(p, &q, qh, v);
					k = j;
				}
			} else
				regular_forms(p, &ph, head, v);
		}
	}
	/* every block's patterns longest first, file order among equals: the coder takes the first that matches */
	for (i = 0; i < p->nblocks; i++)
		if (p->blocks[i]->npats > 1)
			qsort(p->blocks[i]->pats, p->blocks[i]->npats, sizeof *p->blocks[i]->pats, cmp_patterns);
}
