/*
 * read_agents.c — the agents dictionary: "PHRASE [~CODE]" (after the actor's
 * code) or "[CODE~]" (before it), plurals made or given in {...}, and
 * "!MARKER! = A, B" substitution sets expanded into every phrase they make.
 */
#include "petrarch/internal.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

typedef struct {
	const char *name;
	phrase items; /* the substitutes, each a single string */
} subst;

static void add_agent(dyad_petrarch *p, const phrase *ph, const char *code, int prefix)
{
	agent *ag = dyad_arena_zalloc(p->arena, sizeof *ag);
	ag->it.ph = *ph;
	ag->code = code;
	ag->prefix = prefix;
	petr_add_to_map(p, &p->agents, ph->w[0], (void **)&ag->it.next, &ag->it);
	p->counts.agents++;
}

#define MAX_EXPANSIONS 4096 /* phrases one agent line may make through its substitution markers */

/*
 * Expand the first !MARKER! of `s` with each substitute, recursively; plain
 * phrases go to add_agent. *budget bounds the phrases one line makes
 * ("X!P!!P!!P!..." multiplies). Returns 0, -1 for a bad phrase, -2 for an
 * unknown marker, -3 when the budget ran out.
 */
static int agent_expand(reader *r, const char *s, size_t n, subst *subs, size_t nsubs, const char *code, int prefix,
			int explicit_plural, const char *pl, size_t pln, size_t *budget)
{
	dyad_petrarch *p = r->p;
	const char *b = memchr(s, '!', n), *e;
	phrase ph;
	int us;

	if (b) {
		size_t i, k;
		e = memchr(b + 1, '!', n - (size_t)(b + 1 - s));
		if (e == NULL)
			return -1;
		for (i = 0; i < nsubs; i++)
			if (strlen(subs[i].name) == (size_t)(e - b + 1) &&
			    strncasecmp(subs[i].name, b, (size_t)(e - b + 1)) == 0)
				break;
		if (i == nsubs)
			return -2;
		for (k = 0; k < subs[i].items.n; k++) {
			dyad_buf t = DYAD_BUF_INIT;
			int rc;
			dyad_buf_put(&t, s, (size_t)(b - s));
			dyad_buf_puts(&t, subs[i].items.w[k]);
			dyad_buf_put(&t, e + 1, n - (size_t)(e + 1 - s));
			rc = *budget == 0 ? -3 : agent_expand(r, t.p, t.n, subs, nsubs, code, prefix, 1, NULL, 0, budget);
			dyad_buf_free(&t);
			if (rc < 0)
				return rc;
		}
		return 0;
	}
	if (*budget == 0)
		return -3;
	(*budget)--;
	if (petr_split_phrase(p->arena, s, n, &ph, &us) < 0)
		return -1;
	add_agent(p, &ph, code, prefix);
	if (pl && pln > 0) {
		phrase q;
		if (petr_split_phrase(p->arena, pl, pln, &q, &us) < 0)
			return -1;
		add_agent(p, &q, code, prefix);
	} else if (!explicit_plural && !us) {
		phrase q = petr_with_last(p->arena, &ph, petr_plural(p->arena, ph.w[ph.n - 1]));
		add_agent(p, &q, code, prefix);
	}
	return 0;
}

void petr_read_agents(reader *r, char **lines, size_t nlines)
{
	dyad_petrarch *p = r->p;
	subst subs[64];
	size_t nsubs = 0, i;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n, o, c, end, k;
		const char *code = NULL, *why, *pl = NULL;
		size_t pln = 0;
		int prefix = 0, explicit_plural = 0, rc;
		size_t budget;
		dyad_ymd f, t;

		r->line = i + 1;
		n = petr_trim_line(&s);
		if (n == 0 || s[0] == '<')
			continue;
		if (s[0] == '!' && memchr(s, '=', n)) {
			const char *eq = memchr(s, '=', n), *q;
			size_t nn = (size_t)(eq - s);
			phrase items = { NULL, 0, 0 };
			const char *w[MAX_WORDS];
			while (nn > 0 && isspace((unsigned char)s[nn - 1]))
				nn--;
			if (nn < 3 || s[nn - 1] != '!' || nsubs == sizeof subs / sizeof *subs) {
				petr_bad(r, "expected a substitution set: !MARKER! = A, B, C");
				continue;
			}
			for (q = eq + 1; q < s + n;) {
				const char *comma = memchr(q, ',', (size_t)(s + n - q)), *qe = comma ? comma : s + n;
				dyad_str it = dyad_str_trim((dyad_str){ q, (size_t)(qe - q) });
				if (it.n > 0 && items.n < MAX_WORDS && memchr(it.p, '!', it.n) == NULL)
					w[items.n++] = petr_upper_dup(p->arena, it.p, it.n);
				q = qe + 1;
			}
			if (items.n == 0) {
				petr_bad(r, "expected a substitution set: !MARKER! = A, B, C");
				continue;
			}
			items.w = dyad_arena_alloc(p->arena, items.n * sizeof *items.w);
			memcpy(items.w, w, items.n * sizeof *w);
			subs[nsubs].name = petr_upper_dup(p->arena, s, nn);
			subs[nsubs++].items = items;
			continue;
		}
		if (petr_find_brackets(s, n, &o, &c) < 0) {
			petr_bad(r, "expected an agent code [~CODE] or [CODE~] after the phrase");
			continue;
		}
		{
			size_t a0 = o + 1, a1 = c;
			while (a0 < a1 && isspace((unsigned char)s[a0]))
				a0++;
			while (a1 > a0 && isspace((unsigned char)s[a1 - 1]))
				a1--;
			if (a0 < a1 && s[a0] == '~')
				a0++;
			else if (a0 < a1 && s[a1 - 1] == '~') {
				a1--;
				prefix = 1;
			} else {
				petr_bad(r, "expected an agent code [~CODE] or [CODE~] after the phrase");
				continue;
			}
			if (petr_parse_restriction(p->arena, s + a0, a1 - a0, &code, &f, &t, &why) < 0 || f || t) {
				petr_bad(r, "expected an agent code [~CODE] or [CODE~] after the phrase");
				continue;
			}
		}
		end = o;
		for (k = 0; k < o; k++)
			if (s[k] == '{') {
				const char *cb = memchr(s + k, '}', o - k);
				if (cb == NULL)
					break;
				explicit_plural = 1;
				pl = s + k + 1;
				pln = (size_t)(cb - pl);
				end = k;
				break;
			}
		if (k < o && end == o) {
			petr_bad(r, "expected a plural in {...} closed by '}'");
			continue;
		}
		budget = MAX_EXPANSIONS;
		rc = agent_expand(r, s, end, subs, nsubs, code, prefix, explicit_plural, pl, pln, &budget);
		if (rc == -3)
			petr_bad(r, "expected at most %d phrases from the substitution markers of one line",
				 MAX_EXPANSIONS);
		else if (rc == -2)
			petr_bad(r, "expected a substitution marker defined earlier with !MARKER! = ...");
		else if (rc < 0)
			petr_bad(r, "expected an agent phrase before the code");
	}
}
