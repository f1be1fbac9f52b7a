/*
 * patterns.c — loading the pattern dictionaries of data/events/
 * (docs/patterns.md) and compiling each pattern into elements keyed the way
 * the text is: words by their lemmas and stems, "word*" by the folded
 * beginning. Each pattern is filed under its first word (its anchor), under
 * both keys, so coding a sentence looks up only the patterns its words can start.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *dyad_modality_name(dyad_modality m)
{
	switch (m) {
	case DYAD_MOD_DONE: return "done";
	case DYAD_MOD_PLANNED: return "planned";
	case DYAD_MOD_NEGATED: return "negated";
	case DYAD_MOD_HYPOTHETICAL: return "hypothetical";
	}
	return "done";
}

static struct anchor_slot *slot_for(dyad_patterns *p, dyad_str key, int add)
{
	uint64_t h;
	size_t j;

	if (add && (p->capslots == 0 || p->npats * 4 >= p->capslots)) {
		/* two keys a pattern (stem and lemma): the table stays at most half full */
		struct anchor_slot *old = p->slots;
		size_t oldcap = p->capslots, i;
		p->capslots = oldcap ? oldcap * 2 : 1024;
		p->slots = dyad_xcalloc(p->capslots, sizeof *p->slots);
		for (i = 0; i < oldcap; i++) {
			if (old[i].key.p == NULL)
				continue;
			h = dyad_hash_mem(old[i].key.p, old[i].key.n, DYAD_HASH_SEED);
			for (j = h & (p->capslots - 1); p->slots[j].key.p; j = (j + 1) & (p->capslots - 1))
				;
			p->slots[j] = old[i];
		}
		free(old);
	}
	if (p->capslots == 0)
		return NULL;
	h = dyad_hash_mem(key.p, key.n, DYAD_HASH_SEED);
	for (j = h & (p->capslots - 1); p->slots[j].key.p; j = (j + 1) & (p->capslots - 1))
		if (dyad_str_eq(p->slots[j].key, key))
			return &p->slots[j];
	if (!add)
		return NULL;
	p->slots[j].key = key;
	return &p->slots[j];
}

const size_t *patterns_at(const dyad_patterns *p, dyad_str stem, size_t *n)
{
	struct anchor_slot *s = slot_for((dyad_patterns *)p, stem, 0);

	*n = s ? s->n : 0;
	return s ? s->pats : NULL;
}

static void push_index(size_t **arr, size_t *n, size_t *cap, size_t v)
{
	*arr = dyad_xgrow(*arr, cap, *n, sizeof **arr, 8);
	(*arr)[(*n)++] = v;
}

static dyad_str arena_str(dyad_arena *a, dyad_str s)
{
	return (dyad_str){ dyad_arena_strndup(a, s.p, s.n), s.n };
}

dyad_str code_key(dyad_stemmer *st, dyad_arena *a, dyad_str w)
{
	static const char *const variants[][2] = { { "со", "с" }, { "во", "в" }, { "ко", "к" }, { "обо", "об" } };
	dyad_str k = dyad_stem(st, a, w);
	size_t i;

	for (i = 0; i < sizeof variants / sizeof *variants; i++)
		if (dyad_str_eq_c(k, variants[i][0]))
			return dyad_str_c(variants[i][1]);
	return k;
}

/* The key of a pattern word, as the coder computes it for text words. */
static dyad_str word_key(dyad_patterns *p, dyad_str w)
{
	return arena_str(p->arena, code_key(p->stemmer, p->arena, w));
}

static dyad_str prefix_key(dyad_patterns *p, dyad_str w)
{
	dyad_buf b = DYAD_BUF_INIT;
	dyad_str k;

	dyad_fold_buf(&b, w);
	k = arena_str(p->arena, (dyad_str){ b.p, b.n });
	dyad_buf_free(&b);
	return k;
}

/* The lemma key of a pattern word: LEMMA_MARK and the folded word. */
static dyad_str pattern_lemma(dyad_patterns *p, dyad_str w)
{
	dyad_buf b = DYAD_BUF_INIT;
	dyad_str k = lemma_key(p->arena, &b, w);

	dyad_buf_free(&b);
	return k;
}

/* File the pattern being added (number p->npats) under `key`. */
static void file_under(dyad_patterns *p, dyad_str key)
{
	struct anchor_slot *s;

	p->npats++; /* counted before the slot table grows, so it sizes itself to the patterns */
	s = slot_for(p, key, 1);
	p->npats--;
	push_index(&s->pats, &s->n, &s->cap, p->npats);
}

/*
 * "встреча $ и +", "talks of $ and +": a source, the word "и"/"and" and a target written in a row
 * are one pair of actors (EL_PAIR), as "$+" is; read apart, the source would take "A и B" as its
 * list and leave the "и" unmatched. Returns 1 when els[n-2..n] (the target just read last) were
 * joined into els[n-2].
 */
static int written_pair(pat_el *els, size_t n)
{
	dyad_str w;

	if (n < 2 || els[n].kind != EL_TARGET || els[n].key.n || els[n - 2].kind != EL_SOURCE || els[n - 2].key.n ||
	    els[n - 1].kind != EL_WORD || els[n - 1].lemma.n < 2)
		return 0;
	w = (dyad_str){ els[n - 1].lemma.p + 1, els[n - 1].lemma.n - 1 };
	if (!dyad_str_eq_c(w, "и") && !dyad_str_eq_c(w, "and"))
		return 0;
	memset(&els[n - 2], 0, sizeof els[n - 2]);
	els[n - 2].kind = EL_PAIR;
	return 1;
}

/* Compile one pattern value; returns a negative code with the reason in `why`. */
static int add_pattern(dyad_patterns *p, dyad_str v, size_t line, dyad_errbuf *why)
{
	pat_el els[32];
	size_t n = 0, i = 0, anchor = SIZE_MAX;
	int src = 0, tgt = 0;
	pattern *pt;

	while (i < v.n) {
		size_t j;
		dyad_str w;

		while (i < v.n && v.p[i] == ' ')
			i++;
		for (j = i; j < v.n && v.p[j] != ' '; j++)
			;
		if (j == i)
			break;
		w = (dyad_str){ v.p + i, j - i };
		i = j;
		if (n == sizeof els / sizeof *els)
			return dyad_errf(why, DYAD_EINPUT, "a pattern of more than 32 elements");
		memset(&els[n], 0, sizeof els[n]);
		if (dyad_str_eq_c(w, "$")) {
			els[n].kind = EL_SOURCE;
			src++;
		} else if (dyad_str_eq_c(w, "+")) {
			els[n].kind = EL_TARGET;
			tgt++;
		} else if (w.n > 2 && (w.p[0] == '$' || w.p[0] == '+') && w.p[1] == ':') {
			/* "+:DIP": a slot that takes only an actor with that role */
			els[n].kind = w.p[0] == '$' ? EL_SOURCE : EL_TARGET;
			els[n].key = arena_str(p->arena, (dyad_str){ w.p + 2, w.n - 2 });
			if (w.p[0] == '$')
				src++;
			else
				tgt++;
		} else if (dyad_str_eq_c(w, "$+")) {
			els[n].kind = EL_PAIR;
			src++;
			tgt++;
		} else if (dyad_str_eq_c(w, "..")) {
			els[n].kind = EL_GAP;
		} else if (w.p[w.n - 1] == '*') {
			if (w.n == 1)
				return dyad_errf(why, DYAD_EINPUT, "'*' must end a word ('посет*')");
			els[n].kind = EL_PREFIX;
			els[n].key = prefix_key(p, (dyad_str){ w.p, w.n - 1 });
			if (els[n].key.n == 0)
				return dyad_errf(why, DYAD_EINPUT, "'%.*s' has no letters", (int)w.n, w.p);
		} else {
			els[n].kind = EL_WORD;
			els[n].key = word_key(p, w);
			if (els[n].key.n == 0)
				return dyad_errf(why, DYAD_EINPUT, "'%.*s' has no letters", (int)w.n, w.p);
			els[n].lemma = pattern_lemma(p, w);
			els[n].sig = lemma_sig((dyad_str){ els[n].lemma.p + 1, els[n].lemma.n - 1 });
		}
		if (written_pair(els, n)) {
			if (anchor == n - 1)
				anchor = SIZE_MAX;
			n -= 2;
		} else if (anchor == SIZE_MAX && (els[n].kind == EL_WORD || els[n].kind == EL_PREFIX)) {
			anchor = n;
		}
		n++;
	}
	if (anchor == SIZE_MAX)
		return dyad_errf(why, DYAD_EINPUT, "a pattern needs at least one word");
	if (src > 1 || tgt > 1)
		return dyad_errf(why, DYAD_EINPUT, "a pattern has at most one source and one target slot");
	if (p->cur_use == PAT_SPEECH && (src != 1 || tgt != 0))
		return dyad_errf(why, DYAD_EINPUT, "a speech pattern names its speaker with one '$' and no '+'");
	if (els[0].kind == EL_GAP || els[n - 1].kind == EL_GAP)
		return dyad_errf(why, DYAD_EINPUT, "'..' stands between two elements");
	p->pats = dyad_xgrow(p->pats, &p->cappats, p->npats, sizeof *p->pats, 256);
	pt = &p->pats[p->npats];
	memset(pt, 0, sizeof *pt);
	pt->use = (pat_use)p->cur_use;
	memcpy(pt->cameo, p->cur_cameo, sizeof pt->cameo);
	pt->mode = p->cur_mode;
	pt->el = DYAD_ARENA_NEW(p->arena, pat_el, n);
	memcpy(pt->el, els, n * sizeof *els);
	pt->nel = n;
	pt->anchor = anchor;
	pt->source = p->cur_source;
	pt->target = p->cur_target;
	pt->file = p->file;
	pt->line = line;
	pt->text = arena_str(p->arena, v);
	{
		char rule[512];
		const char *slash = strrchr(p->file, '/');
		snprintf(rule, sizeof rule, "%s:%zu: %.*s", slash ? slash + 1 : p->file, line, (int)v.n, v.p);
		pt->rule = dyad_arena_strndup(p->arena, rule, strlen(rule));
	}
	if (els[anchor].kind == EL_PREFIX) {
		/* filed under its first bytes, which every word it matches begins with */
		char key[PREFIX_LONG + 1];
		size_t len = els[anchor].key.n >= PREFIX_LONG     ? PREFIX_LONG
			     : els[anchor].key.n >= PREFIX_BUCKET ? PREFIX_BUCKET
								  : 1;
		unsigned char first = (unsigned char)els[anchor].key.p[0];
		if (len == 1)
			p->short_first[first >> 6] |= UINT64_C(1) << (first & 63);
		file_under(p, arena_str(p->arena, prefix_bucket(key, els[anchor].key, len)));
	} else {
		/* filed under its stem and under its lemma: a token looks up both */
		file_under(p, els[anchor].key);
		file_under(p, els[anchor].lemma);
	}
	p->npats++;
	return 0;
}

static int is_cameo(dyad_str s)
{
	size_t i;

	if (s.n < 2 || s.n > 4)
		return 0;
	for (i = 0; i < s.n; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return 0;
	return 1;
}

static int on_line(void *ctx, const dyad_dict_line *l, dyad_errbuf *why)
{
	dyad_patterns *p = ctx;
	size_t i;

	if (l->field.n == 0) {
		p->cur_use = 0;
		p->cur_mod = -1;
		p->cur_mode = NULL;
		p->cur_source = SRC_SUBJECT;
		p->cur_target = TGT_AFTER;
		if (dyad_str_eq_c(l->kind, "event")) {
			if (!is_cameo(l->key))
				return dyad_errf(why, DYAD_EINPUT, "expected a CAMEO code after @event, got '%.*s'",
						 (int)l->key.n, l->key.p);
			p->cur_use = PAT_EVENT;
			snprintf(p->cur_cameo, sizeof p->cur_cameo, "%.*s", (int)l->key.n, l->key.p);
		} else if (dyad_str_eq_c(l->kind, "speech")) {
			p->cur_use = PAT_SPEECH;
		} else if (dyad_str_eq_c(l->kind, "nonevent")) {
			p->cur_use = PAT_NONEVENT;
		} else if (dyad_str_eq_c(l->kind, "modality")) {
			static const char *const names[] = { "done", "planned", "negated", "hypothetical" };
			for (i = 1; i < 4; i++)
				if (dyad_str_eq_c(l->key, names[i]))
					p->cur_mod = (int)i;
			if (p->cur_mod < 0)
				return dyad_errf(why, DYAD_EINPUT,
						 "expected planned, negated or hypothetical after @modality");
		} else {
			return dyad_errf(why, DYAD_EINPUT,
					 "unknown block '@%.*s' (expected @event, @speech, "
					 "@nonevent or @modality)",
					 (int)l->kind.n, l->kind.p);
		}
		return 0;
	}
	if (p->cur_use == 0 && p->cur_mod < 0)
		return dyad_errf(why, DYAD_EINPUT, "a field outside a valid block");
	if (p->cur_mod > 0) {
		if (!dyad_str_eq_c(l->field, "words"))
			return dyad_errf(why, DYAD_EINPUT, "a @modality block has only 'words'");
		for (i = 0; i < l->nvalues; i++) {
			dyad_str w = l->values[i].text;
			mod_word *m;
			if (w.n == 0)
				continue;
			p->mods = dyad_xgrow(p->mods, &p->capmods, p->nmods, sizeof *p->mods, 64);
			m = &p->mods[p->nmods++];
			memset(m, 0, sizeof *m);
			m->mod = (dyad_modality)p->cur_mod;
			if (w.p[w.n - 1] == '*') {
				m->w.kind = EL_PREFIX;
				m->w.key = prefix_key(p, (dyad_str){ w.p, w.n - 1 });
			} else {
				m->w.kind = EL_WORD;
				m->w.key = word_key(p, w);
				m->w.lemma = pattern_lemma(p, w);
				m->w.sig = lemma_sig((dyad_str){ m->w.lemma.p + 1, m->w.lemma.n - 1 });
			}
		}
		return 0;
	}
	if (dyad_str_eq_c(l->field, "mode")) {
		p->cur_mode = l->nvalues ? dyad_arena_strndup(p->arena, l->values[0].text.p, l->values[0].text.n) : NULL;
		return 0;
	}
	if (dyad_str_eq_c(l->field, "source")) {
		if (l->nvalues == 1 && dyad_str_eq_c(l->values[0].text, "speaker"))
			p->cur_source = SRC_SPEAKER;
		else if (l->nvalues == 1 && dyad_str_eq_c(l->values[0].text, "subject"))
			p->cur_source = SRC_SUBJECT;
		else
			return dyad_errf(why, DYAD_EINPUT, "expected 'source subject' or 'source speaker'");
		return 0;
	}
	if (dyad_str_eq_c(l->field, "target")) {
		if (l->nvalues == 1 && dyad_str_eq_c(l->values[0].text, "other"))
			p->cur_target = TGT_OTHER;
		else if (l->nvalues == 1 && dyad_str_eq_c(l->values[0].text, "after"))
			p->cur_target = TGT_AFTER;
		else if (l->nvalues == 1 && dyad_str_eq_c(l->values[0].text, "counterpart"))
			p->cur_target = TGT_COUNTERPART;
		else if (l->nvalues == 1 && dyad_str_eq_c(l->values[0].text, "subject"))
			p->cur_target = TGT_SUBJECT;
		else
			return dyad_errf(
				why, DYAD_EINPUT,
				"expected 'target after', 'target other', 'target counterpart' or 'target subject'");
		return 0;
	}
	if (dyad_str_eq_c(l->field, "pattern")) {
		for (i = 0; i < l->nvalues; i++) {
			int rc = add_pattern(p, l->values[i].text, l->line, why);
			if (rc < 0)
				return rc;
		}
		return 0;
	}
	return dyad_errf(why, DYAD_EINPUT, "unknown field '%.*s' (expected pattern, mode, source or target)",
			 (int)l->field.n, l->field.p);
}

static void on_warn(void *ctx, const char *msg)
{
	dyad_patterns *p = ctx;
	if (p->warn)
		p->warn(p->warn_ctx, msg);
}

dyad_patterns *dyad_patterns_load(const char *dir, void (*warn)(void *ctx, const char *msg), void *ctx, dyad_errbuf *e)
{
	char **names;
	long n = dyad_list_dir(dir, ".txt", &names), i;
	dyad_patterns *p;

	if (n < 0) {
		dyad_errf(e, DYAD_EIO, "%s: cannot open the pattern folder", dir);
		return NULL;
	}
	p = dyad_xcalloc(1, sizeof *p);
	p->arena = dyad_arena_new();
	p->stemmer = dyad_stemmer_new();
	p->warn = warn;
	p->warn_ctx = ctx;
	for (i = 0; i < n; i++) {
		char path[4096];
		dyad_buf text = DYAD_BUF_INIT;
		dyad_errbuf fe;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (dyad_read_file(&text, path, 64u << 20, &fe) < 0) {
			if (warn)
				warn(ctx, fe.msg);
		} else {
			p->file = dyad_arena_strndup(p->arena, path, strlen(path));
			p->cur_use = 0;
			p->cur_mod = -1;
			/* the text stays alive in the arena: values borrow from it */
			dyad_dict_parse((dyad_str){ dyad_arena_strndup(p->arena, text.p, text.n), text.n }, p->file,
					on_line, on_warn, p);
		}
		dyad_buf_free(&text);
	}
	dyad_names_free(names, (size_t)n);
	return p;
}

void dyad_patterns_free(dyad_patterns *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->capslots; i++)
		free(p->slots[i].pats);
	free(p->slots);
	free(p->pats);
	free(p->mods);
	dyad_stemmer_free(p->stemmer);
	dyad_arena_free(p->arena);
	free(p);
}

size_t dyad_patterns_count(const dyad_patterns *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->npats; i++)
		n += p->pats[i].use == PAT_EVENT;
	return n;
}

size_t dyad_patterns_total(const dyad_patterns *p)
{
	return p->npats;
}

void dyad_patterns_info(const dyad_patterns *p, size_t i, dyad_pattern_info *out)
{
	const pattern *pt = &p->pats[i];

	memset(out, 0, sizeof *out);
	out->kind = pt->use == PAT_EVENT ? "event" : pt->use == PAT_SPEECH ? "speech" : "nonevent";
	out->cameo = pt->cameo;
	out->mode = pt->mode;
	out->file = pt->file;
	out->line = pt->line;
	out->text = pt->text;
	out->rule = pt->rule;
}

size_t dyad_patterns_find_rule(const dyad_patterns *p, const char *rule)
{
	size_t i;

	for (i = 0; rule && i < p->npats; i++)
		if (p->pats[i].rule == rule)
			return i;
	return SIZE_MAX;
}
