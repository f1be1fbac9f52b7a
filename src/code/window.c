/*
 * window.c — a long text coded a window of sentences at a time. Each window
 * is tokenized, its actors found and its events coded as if it were a
 * document of its own, in a scratch arena reset between windows, so a text
 * of any length costs time in proportion to its length and memory in
 * proportion to one window.
 */
#include "dyad/code.h"

#include <string.h>

size_t dyad_code_windows(dyad_arena *scratch, const dyad_window_input *in,
			 void (*fn)(void *ctx, const dyad_window *w), void *ctx)
{
	size_t limit = in->window ? in->window : DYAD_CODE_WINDOW, s0 = 0, n = 0;

	while (s0 < in->nsents) {
		size_t s1 = s0 + 1, start = in->sents[s0].start, i;
		dyad_str slice;
		dyad_token *toks;
		dyad_mention *ms;
		dyad_event *ev = NULL;
		dyad_window w;

		/* whole sentences up to the window's size; one sentence at least */
		while (s1 < in->nsents && in->sents[s1].end - start <= limit)
			s1++;
		dyad_arena_reset(scratch);
		slice = (dyad_str){ in->text.p + start, in->sents[s1 - 1].end - start };
		memset(&w, 0, sizeof w);
		w.first_sent = s0;
		w.nsents = s1 - s0;
		{
			size_t ntoks = dyad_tokenize(scratch, slice, &toks);
			for (i = 0; i < ntoks; i++) {
				toks[i].span.start += start;
				toks[i].span.end += start;
			}
			w.nmentions = dyad_actors_find(in->matcher, scratch, in->text, toks, ntoks, in->sents + s0, w.nsents,
						       in->day, &ms);
			if (in->patterns) {
				dyad_code_input ci;
				memset(&ci, 0, sizeof ci);
				ci.text = in->text;
				ci.toks = toks;
				ci.ntoks = ntoks;
				ci.sents = in->sents + s0;
				ci.nsents = w.nsents;
				ci.mentions = ms;
				ci.nmentions = w.nmentions;
				ci.day = in->day;
				ci.dateline = s0 == 0 ? in->dateline : NULL; /* the dateline goes with the first sentence */
				w.nkept = dyad_code_doc(in->patterns, in->stemmer, scratch, &ci, in->all, &ev, &w.nevents);
			}
		}
		for (i = 0; i < w.nmentions; i++)
			ms[i].sentence += s0;
		for (i = 0; i < w.nevents; i++)
			ev[i].sentence += s0;
		w.mentions = ms;
		w.events = ev;
		fn(ctx, &w);
		n++;
		s0 = s1;
	}
	return n;
}
