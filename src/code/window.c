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
 * for the document: each is a copy of its event (its mode copied too), filed
 * by its code and its two actors either way round.
 */
typedef struct {
	dyad_event *ev;
	size_t n, cap;
	dyad_keymap by_key;  /* their indexes by action_key() */
	int scan;            /* a side with both a country and an organisation: compare with every action */
} actions;

/* What dyad_event_repeats() compares a side by; 0 when it has neither a country nor an organisation. */
static uint64_t side_key(const dyad_side *s)
{
	if (s->country[0])
		return dyad_hash64(s->country, strlen(s->country), 1);
	if (s->igo)
		return dyad_hash64(s->igo, strlen(s->igo), 2);
	return 0;
}

/* The key of an event's action, the same either way round; 0 when it can repeat nothing. */
static uint64_t action_key(const dyad_event *e)
{
	uint64_t a = side_key(&e->source), b = side_key(&e->target), h;

	if (a == 0 || b == 0)
		return 0;
	h = dyad_hash64(e->cameo, strlen(e->cameo), DYAD_HASH_SEED) ^ (a + b);
	return h ? h : 1;
}

/* The first earlier action e repeats, or NULL. */
static const dyad_event *repeated(const actions *x, const dyad_event *e)
{
	uint64_t h = action_key(e);
	size_t i, k, at = 0, best = SIZE_MAX;

	if (x->scan || (e->source.country[0] && e->source.igo) || (e->target.country[0] && e->target.igo)) {
		for (k = 0; k < x->n; k++)
			if (dyad_event_repeats(&x->ev[k], e))
				return &x->ev[k];
		return NULL;
	}
	/* every action filed under this key */
	while (h && dyad_keymap_next(&x->by_key, h, &at, &i))
		if (i < best && dyad_event_repeats(&x->ev[i], e))
			best = i;
	return best == SIZE_MAX ? NULL : &x->ev[best];
}

static void remember_action(actions *x, const dyad_event *e)
{
	dyad_event *a;
	uint64_t h = action_key(e);

	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->ev = dyad_xrealloc(x->ev, x->cap * sizeof *x->ev);
	}
	a = &x->ev[x->n++];
	*a = *e;
	a->source.mention = a->target.mention = NULL;
	a->source.person = a->target.person = NULL;
	a->why = a->location = NULL;
	a->mode = e->mode ? dyad_xstrdup(e->mode) : NULL;
	if ((e->source.country[0] && e->source.igo) || (e->target.country[0] && e->target.igo))
		x->scan = 1;
	if (h != 0)
		dyad_keymap_add(&x->by_key, h, x->n - 1);
}

/*
 * Set aside the window's kept events that repeat an action of an earlier
 * window, keep the rest first, and remember them. Returns how many stay kept.
 */
static size_t across_windows(actions *x, dyad_arena *a, dyad_event *ev, size_t nkept, size_t nall)
{
	dyad_event *tmp = DYAD_ARENA_NEW(a, dyad_event, nall + 1);
	size_t i, kept = 0, rep = 0, nrep = 0;

	for (i = 0; i < nkept; i++)
		nrep += repeated(x, &ev[i]) != NULL;
	for (i = 0; i < nkept; i++) {
		const dyad_event *o = repeated(x, &ev[i]);
		if (o == NULL) {
			tmp[kept++] = ev[i];
			continue;
		}
		tmp[nkept - nrep + rep] = ev[i];
		{
			char why[64];
			snprintf(why, sizeof why, "repeats the event of sentence %zu", o->sentence + 1);
			tmp[nkept - nrep + rep].why = dyad_arena_strndup(a, why, strlen(why));
		}
		rep++;
	}
	for (i = 0; i < kept; i++)
		remember_action(x, &tmp[i]);
	memcpy(ev, tmp, nkept * sizeof *ev);
	return kept;
}

size_t dyad_code_windows(dyad_arena *scratch, const dyad_window_input *in,
			 void (*fn)(void *ctx, const dyad_window *w), void *ctx)
{
	size_t limit = in->window ? in->window : DYAD_CODE_WINDOW, s0 = 0, n = 0, i;
	actions done;

	memset(&done, 0, sizeof done);

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
		for (k = 0; k < w.nmentions; k++)
			ms[k].sentence += s0;
		for (k = 0; k < w.nevents; k++)
			ev[k].sentence += s0;
		/* one event per action per document: what an earlier window kept is set aside here */
		if (w.nkept)
			w.nkept = across_windows(&done, scratch, ev, w.nkept, w.nevents);
		w.mentions = ms;
		w.events = ev;
		fn(ctx, &w);
		n++;
		s0 = s1;
	}
	for (i = 0; i < done.n; i++)
		free((char *)done.ev[i].mode);
	free(done.ev);
	dyad_keymap_free(&done.by_key);
	return n;
}
