/*
 * names.c — what events call their sides, for every writer of events (the
 * JSON, GDELT, PLOVER and CSV outputs and the store): the lexicon's names in
 * the language asked for, people by the lexicon's key, and Russian names
 * outside the lexicon in their dictionary form, so every case of one name
 * is one person.
 */
#include "dyad/pipeline.h"

#include <string.h>

#include "dyad/utf8.h"

int dyad_name_is_cyrillic(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0xD0 && (unsigned char)*s <= 0xD3)
			return 1;
	return 0;
}

/*
 * The name of the entity of `kind` with key `key` in the language asked for
 * (the lexicon's name_ru for ru, else name_en), else its name in the other;
 * NULL when the lexicon lacks the entity.
 */
const char *dyad_side_entity_name(const dyad_side_names *o, dyad_lex_kind kind, const char *key)
{
	const dyad_lex_entity *e = dyad_lexicon_find(o->lexicon, kind, key);
	const char *want, *other;

	if (e == NULL)
		return NULL;
	/* the lexicon's own English and Russian names (the JSON's name and name_ru), else the other */
	want = o->ru ? e->name_ru : e->name_en;
	other = o->ru ? e->name_en : e->name_ru;
	return want ? want : other;
}

/* One word of a Russian name in its dictionary form, capitalised: "Байжановым" → "Байжанов". */
static void name_word_base(const dyad_side_names *o, dyad_str w, dyad_buf *out)
{
	dyad_analysis *r = NULL;
	size_t n, i, at;

	n = dyad_morph_analyze(o->morph, o->arena, DYAD_LANG_RU, w, DYAD_MORPH_MIDCAP, &r);
	/* a word that may already be a name in the nominative stays as written ("Байжанов" is no case of "Байжан") */
	for (i = 0; i < n; i++)
		if ((r[i].feats & (DYAD_F_NAME_GIVEN | DYAD_F_NAME_SUR | DYAD_F_NAME_PATR)) &&
		    (r[i].feats & DYAD_F_CASE_NOM))
			break;
	if (i == n)
		for (i = 0; i < n; i++)
			if (r[i].feats & (DYAD_F_NAME_GIVEN | DYAD_F_NAME_SUR | DYAD_F_NAME_PATR))
				break;
	if (i == n || r[i].lemma.n == 0 || (r[i].feats & DYAD_F_CASE_NOM)) {
		dyad_buf_put(out, w.p, w.n);
		return;
	}
	/* the lemma is lower case: the first letter up again (Cyrillic а-я, ё) */
	for (at = 0; at < r[i].lemma.n;) {
		uint32_t cp;
		int ok;
		char enc[4];
		size_t k = dyad_utf8_decode(r[i].lemma.p + at, r[i].lemma.n - at, &cp, &ok);
		if (k == 0)
			break;
		if (at == 0 && cp >= 0x430 && cp <= 0x44f)
			cp -= 0x20;
		else if (at == 0 && cp == 0x451)
			cp = 0x401;
		dyad_buf_put(out, enc, dyad_utf8_encode(cp, enc));
		at += k;
	}
}

/*
 * The person as the store and the exports key them: the lexicon's key for a
 * person it knows, else the words of the text in their dictionary form when
 * they are Russian names ("Ерланом Байжановым" → "Ерлан Байжанов"), so every
 * case of one name is one person. NULL for no person.
 */
const char *dyad_side_person_key(const dyad_side_names *o, const dyad_side *s)
{
	dyad_buf b = DYAD_BUF_INIT;
	const char *p = s->person, *out;
	size_t i = 0, j;

	if (p == NULL || o->morph == NULL || !dyad_name_is_cyrillic(p) ||
	    dyad_lexicon_find(o->lexicon, DYAD_LEX_PERSON, p))
		return p;
	while (p[i]) {
		for (j = i; p[j] && p[j] != ' ' && p[j] != '-'; j++)
			;
		name_word_base(o, (dyad_str){ p + i, j - i }, &b);
		if (p[j])
			dyad_buf_putc(&b, p[j++]);
		i = j;
	}
	out = dyad_arena_strndup(o->arena, b.p ? b.p : "", b.n);
	dyad_buf_free(&b);
	return out;
}

/* What to call one side: the person, else the country or organisation by name, else its code; in English where known. */
const char *dyad_side_name(const dyad_side_names *o, const dyad_side *s)
{
	const dyad_lex_entity *e = dyad_lexicon_actor(o->lexicon, UINT32_MAX, s->person, s->country, s->igo);
	const char *n;

	if (e && e->name_en && (s->person == NULL || e->kind == DYAD_LEX_PERSON))
		return e->name_en;
	if (s->person)
		return (n = dyad_side_entity_name(o, DYAD_LEX_PERSON, s->person)) != NULL ? n
											  : dyad_side_person_key(o, s);
	if (s->country[0] && (n = dyad_side_entity_name(o, DYAD_LEX_COUNTRY, s->country)) != NULL)
		return n;
	if (s->igo && (n = dyad_side_entity_name(o, DYAD_LEX_IGO, s->igo)) != NULL)
		return n;
	return s->igo ? s->igo : s->code;
}

const dyad_place *dyad_event_place(dyad_places *places, const dyad_event *e)
{
	if (e->place || !e->location)
		return e->place;
	return dyad_places_lookup(places, dyad_str_c(e->location), e->location_country ? e->location_country : NULL);
}
