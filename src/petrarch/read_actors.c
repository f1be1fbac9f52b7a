/*
 * read_actors.c — the actors dictionary: "PHRASE [CODE]" lines, '+' synonyms,
 * and indented "[CODE date-date]" restrictions that give an actor another
 * code in another period; and the code an actor has on a given day.
 */
#include "petrarch/internal.h"

#include <ctype.h>
#include <string.h>

static void add_actor(dyad_petrarch *p, const phrase *ph, actor_rec *rec)
{
	actor *ac = dyad_arena_zalloc(p->arena, sizeof *ac);
	ac->it.ph = *ph;
	ac->rec = rec;
	petr_add_to_map(p, &p->actors, ph->w[0], (void **)&ac->it.next, &ac->it);
	p->counts.actors++;
}

void petr_read_actors(reader *r, char **lines, size_t nlines)
{
	dyad_petrarch *p = r->p;
	actor_rec *rec = NULL;
	size_t i;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n = strlen(s), o, c;
		const char *why;
		phrase ph;
		int us;

		r->line = i + 1;
		if (s[0] == '\t' || s[0] == ' ') {
			size_t k = 0;
			while (k < n && isspace((unsigned char)s[k]))
				k++;
			if (k == n || s[k] == '#')
				continue;
			n = petr_strip_comment(s, n, 1);
			if (n <= k)
				continue; /* an indented ';' comment */
			if (rec == NULL) {
				petr_bad(r, "expected an actor phrase before the date restriction");
				continue;
			}
			if (petr_find_brackets(s + k, n - k, &o, &c) < 0) {
				petr_bad(r,
					 "expected a date restriction [CODE <date], [CODE >date] or [CODE date-date]");
				continue;
			}
			{
				restr *t = dyad_arena_zalloc(p->arena, sizeof *t);
				if (petr_parse_restriction(p->arena, s + k + o + 1, c - o - 1, &t->code, &t->from,
							   &t->to, &why) < 0) {
					petr_bad(r, "%s", why);
					continue;
				}
				if (t->from == 0 && t->to == 0) {
					if (rec->code == NULL)
						rec->code = t->code;
					continue;
				}
				*rec->tail = t;
				rec->tail = &t->next;
			}
			continue;
		}
		n = petr_strip_comment(s, n, 1);
		if (n == 0 || s[0] == '<')
			continue;
		if (s[0] == '+') {
			if (rec == NULL) {
				petr_bad(r, "expected an actor phrase before the synonym '+%.*s'",
					 (int)(n - 1 < 60 ? n - 1 : 60), s + 1);
				continue;
			}
			if (memchr(s, '[', n) || petr_split_phrase(p->arena, s + 1, n - 1, &ph, &us) < 0) {
				petr_bad(r, "expected a synonym phrase after '+' "
					    "(words joined by blanks or '_', no code)");
				continue;
			}
			add_actor(p, &ph, rec);
			continue;
		}
		{
			/* PHRASE [CODE] — TABARI also allowed dated codes here: [CODE date-date] [CODE] */
			size_t end = n, at = 0;
			int ok = 1;
			const char *open = memchr(s, '[', n);
			if (open)
				end = (size_t)(open - s);
			if (petr_split_phrase(p->arena, s, end, &ph, &us) < 0) {
				petr_bad(r, "expected an actor phrase");
				rec = NULL;
				continue;
			}
			rec = dyad_arena_zalloc(p->arena, sizeof *rec);
			rec->tail = &rec->r;
			for (at = end; ok && at < n && memchr(s + at, '[', n - at);) {
				restr *t = dyad_arena_zalloc(p->arena, sizeof *t);
				if (petr_find_brackets(s + at, n - at, &o, &c) < 0 ||
				    petr_parse_restriction(p->arena, s + at + o + 1, c - o - 1, &t->code, &t->from,
							   &t->to, &why) < 0) {
					ok = 0;
					break;
				}
				if (t->from == 0 && t->to == 0) {
					if (rec->code == NULL)
						rec->code = t->code;
				} else {
					*rec->tail = t;
					rec->tail = &t->next;
				}
				at += c + 1;
			}
			if (!ok) {
				petr_bad(r, "expected the actor's code in [...] after the phrase");
				rec = NULL;
				continue;
			}
			add_actor(p, &ph, rec);
		}
	}
}

/* The actor's code on `day`: the first restriction that holds, else the default; NULL if none. */
const char *petr_actor_code(const actor_rec *rec, dyad_ymd day)
{
	const restr *t;

	if (day > 0)
		for (t = rec->r; t; t = t->next)
			if ((t->from == 0 || day >= t->from) && (t->to == 0 || day <= t->to))
				return t->code;
	if (rec->code)
		return rec->code;
	return day > 0 || rec->r == NULL ? NULL : rec->r->code;
}
