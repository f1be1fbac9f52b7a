/*
 * read_discards.c — the discards dictionary (phrases that drop a sentence,
 * or with a leading '+' the whole story) and the issues dictionary, whose
 * lines are checked and counted.
 */
#include "petrarch/internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void petr_read_discards(reader *r, char **lines, size_t nlines)
{
	dyad_petrarch *p = r->p;
	size_t i;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n;
		discard d;
		phrase ph;
		dyad_buf t = DYAD_BUF_INIT;
		size_t k;

		r->line = i + 1;
		n = petr_trim_line(&s);
		if (n == 0 || s[0] == '<')
			continue;
		memset(&d, 0, sizeof d);
		if (s[0] == '+') {
			d.story = 1;
			s++;
			n--;
		}
		if (memchr(s, '[', n) || petr_split_phrase(p->arena, s, n, &ph, &d.whole) < 0) {
			petr_bad(r, "expected a discard phrase (a leading '+' discards the story)");
			continue;
		}
		for (k = 0; k < ph.n; k++) {
			if (k)
				dyad_buf_putc(&t, ' ');
			dyad_buf_puts(&t, ph.w[k]);
		}
		d.text = dyad_arena_strndup(p->arena, t.p, t.n);
		dyad_buf_free(&t);
		p->discards = dyad_xgrow(p->discards, &p->capdiscards, p->ndiscards, sizeof *p->discards, 64);
		p->discards[p->ndiscards++] = d;
		p->counts.discards++;
	}
}

void petr_read_issues(reader *r, char **lines, size_t nlines)
{
	size_t i;

	for (i = 0; i < nlines; i++) {
		char *s = lines[i];
		size_t n, o, c;
		const char *code, *code2;

		r->line = i + 1;
		n = petr_trim_line(&s);
		if (n == 0 || s[0] == '<' || s[0] == '~')
			continue;
		if (petr_find_brackets(s, n, &o, &c) < 0 || o == 0 ||
		    petr_parse_code_pair(r->p->arena, s, o, c, &code, &code2) < 0) {
			petr_bad(r, "expected an issue phrase and its [CODE]");
			continue;
		}
		r->p->counts.issues++;
	}
}
