/*
 * window.c — a long text coded a window of sentences at a time. Each window
 * is tokenized, its actors found and its events coded as if it were a
 * document of its own, in a scratch arena reset between windows, so a text
 * of any length costs time in proportion to its length and memory in
 * proportion to one window.
 */
#include "dyad/code.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The actions kept in earlier windows, so that one event per action holds
 * for the document: each is a copy of its event with what the comparison
 * reads (mode, persons, offices) copied out of the window, filed by
 * dyad_event_key(), the key the coder looks repeats up by.
 */
typedef struct {
	dyad_event *ev;
	size_t n, cap;
	dyad_keymap by_key;
	dyad_arena *strings; /* their modes, persons and offices, which outlive the window */
} actions;

/* The first earlier action e repeats, or NULL. */
static const dyad_event *repeated(const actions *x, const dyad_event *e)
{
	size_t i, at = 0, best = SIZE_MAX;

	while (dyad_keymap_next(&x->by_key, dyad_event_key(e), &at, &i))
		if (i < best && dyad_event_repeats(&x->ev[i], e))
			best = i;
	return best == SIZE_MAX ? NULL : &x->ev[best];
}

static const char *keep_str(actions *x, const char *s)
{
	return s ? dyad_arena_strndup(x->strings, s, strlen(s)) : NULL;
}

/* A side as dyad_event_repeats() reads it: its person, else the office its mention names. */
static void keep_side(actions *x, dyad_side *s)
{
	const dyad_mention *m = s->mention;

	s->mention = NULL;
	s->person = keep_str(x, s->person);
	if (m && m->title && !s->person) {
		dyad_mention *office = DYAD_ARENA_NEW(x->strings, dyad_mention, 1);
		office->title = keep_str(x, m->title);
		s->mention = office;
	}
}

static void remember_action(actions *x, const dyad_event *e)
{
	dyad_event *a;

	x->ev = dyad_xgrow(x->ev, &x->cap, x->n, sizeof *x->ev, 64);
	a = &x->ev[x->n++];
	*a = *e;
	keep_side(x, &a->source);
	keep_side(x, &a->target);
	a->why = a->location = NULL;
	a->place = NULL;
	a->location_country = NULL;
	a->rule = NULL;
	a->mode = keep_str(x, e->mode);
	dyad_keymap_add(&x->by_key, dyad_event_key(e), x->n - 1);
}

/*
 * Set aside the window's kept events that repeat an action of an earlier
 * window, keep the rest first, and remember them. Returns how many stay kept.
 */
static size_t across_windows(actions *x, dyad_arena *a, dyad_event *ev, size_t nkept)
{
	dyad_event *rep = DYAD_ARENA_NEW(a, dyad_event, nkept + 1);
	size_t i, kept = 0, nrep = 0;

	for (i = 0; i < nkept; i++) {
		const dyad_event *o = repeated(x, &ev[i]);
		char why[64];
		if (o == NULL) {
			ev[kept++] = ev[i];
			continue;
		}
		rep[nrep] = ev[i];
		snprintf(why, sizeof why, "repeats the event of sentence %zu", o->sentence + 1);
		rep[nrep++].why = dyad_arena_strndup(a, why, strlen(why));
	}
	memcpy(ev + kept, rep, nrep * sizeof *ev);
	for (i = 0; i < kept; i++)
		remember_action(x, &ev[i]);
	return kept;
}

size_t dyad_code_windows(dyad_arena *scratch, const dyad_window_input *in, void (*fn)(void *ctx, const dyad_window *w),
			 void *ctx)
{
	size_t limit = in->window ? in->window : DYAD_CODE_WINDOW, s0 = 0, n = 0;
	actions done;

	memset(&done, 0, sizeof done);
	done.strings = dyad_arena_new();

	while (s0 < in->nsents) {
		size_t s1 = s0 + 1, start = in->sents[s0].start;
		dyad_str slice;
		dyad_token *toks;
		dyad_mention *ms;
		dyad_event *ev = NULL;
		dyad_window w;
		size_t k;

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
			for (k = 0; k < ntoks; k++) {
				toks[k].span.start += start;
				toks[k].span.end += start;
			}
			w.nmentions = dyad_actors_find(in->matcher, scratch, in->text, toks, ntoks, in->sents + s0,
						       w.nsents, in->day, &ms);
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
				ci.dateline =
					s0 == 0 ? in->dateline : NULL;  /* the dateline goes with the first sentence */
				ci.title_mentions = in->title_mentions; /* the title names the parties of every window */
				ci.ntitle_mentions = in->ntitle_mentions;
				if (in->morph)
					ci.morph = dyad_code_morph(in->morph, scratch, in->lang, in->text, toks, ntoks,
								   in->sents + s0, w.nsents);
				w.nkept =
					dyad_code_doc(in->patterns, in->stemmer, scratch, &ci, in->all, &ev, &w.nevents);
			}
		}
		for (k = 0; k < w.nmentions; k++)
			ms[k].sentence += s0;
		for (k = 0; k < w.nevents; k++)
			ev[k].sentence += s0;
		/* one event per action per document: what an earlier window kept is set aside here */
		if (w.nkept)
			w.nkept = across_windows(&done, scratch, ev, w.nkept);
		w.mentions = ms;
		w.events = ev;
		fn(ctx, &w);
		n++;
		s0 = s1;
	}
	dyad_arena_free(done.strings);
	free(done.ev);
	dyad_keymap_free(&done.by_key);
	return n;
}
