/*
 * test_clause.c — the clause analysis (src/code/clause.c) on sentences
 * written for it: the Russian subject is the nominative that agrees with its
 * predicate wherever it stands, objects take their role from case and
 * preposition, the passive's agent is the instrumental or the office "в X",
 * coordinated predicates share their subject; English subjects across
 * parentheses and appositions, the passive with and without "by"; a sentence
 * of ten thousand tokens is cut with a note. With the small actor lexicon of
 * tests/fixtures/actors/ and OpenCorpora's dictionary (node_modules/az).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad/actors.h"
#include "dyad/code.h"
#include "dyad/lexicon.h"

static dyad_lexicon *lx;
static dyad_matcher *m;
static dyad_morph *mo;

/*
 * The clauses of `text` (one sentence, in language `lang`) written one a
 * line: "predicate voice | subject=CODE | role=CODE ...", the actor a phrase
 * holds as its code, or its head word when it holds none; with `with_actor`,
 * how the phrase that acts was found. Valid until the next call.
 */
static int with_actor; /* clauses() also says which phrase acts (dyad_clause_actor) */

static const char *clauses(const char *text, dyad_lang lang)
{
	static dyad_buf out = DYAD_BUF_INIT;
	dyad_arena *a = dyad_arena_new();
	dyad_str t = dyad_str_c(text);
	dyad_token *toks;
	dyad_span *sents;
	dyad_mention *ms;
	dyad_morph_word *w;
	dyad_clauses cs;
	size_t nt, ns, nm, i, k;

	nt = dyad_tokenize(a, t, &toks);
	ns = dyad_sent_split(a, t, &sents);
	nm = dyad_actors_find(m, a, t, toks, nt, sents, ns, 20240101, &ms);
	w = dyad_code_morph(mo, a, lang, t, toks, nt, sents, ns);
	dyad_clauses_find(a, t, toks, w, 0, nt, ms, nm, &cs);
	dyad_buf_clear(&out);
	for (i = 0; i < cs.n; i++) {
		const dyad_clause *cl = &cs.cl[i];
		const dyad_clause_arg *x;
		dyad_span h = toks[cl->head].span;
		dyad_buf_printf(&out, "%s%.*s %s | subject=", i ? "\n" : "", (int)(h.end - h.start), text + h.start,
				cl->passive ? "passive" : "active");
		for (k = 0; k <= cl->nobj; k++) {
			x = k == 0 ? (cl->has_subject ? &cl->subject : NULL) : &cl->obj[k - 1];
			if (k > 0)
				dyad_buf_printf(&out, " | %s=", x->role);
			if (!x)
				dyad_buf_puts(&out, "-");
			else if (x->mention >= 0) /* a place has a country, no code */
				dyad_buf_puts(&out,
					      ms[x->mention].code[0] ? ms[x->mention].code : ms[x->mention].country);
			else
				dyad_buf_printf(&out, "%.*s", (int)(toks[x->head].span.end - toks[x->head].span.start),
						text + toks[x->head].span.start);
		}
		if (with_actor) {
			const char *how = NULL;
			x = dyad_clause_actor(cl, &how);
			dyad_buf_printf(&out, " | actor: %s", x ? how : "none");
		}
	}
	if (cs.note)
		dyad_buf_printf(&out, "\n(%s)", cs.note);
	dyad_arena_free(a);
	return out.p ? out.p : "";
}

static void subject_by_agreement_in_any_order(void **state)
{
	(void)state;
	/* the subject after the verb: "Минск" can be an accusative, "министр" cannot */
	assert_string_equal(clauses("Минск посетил министр иностранных дел России.", DYAD_LANG_RU),
			    "посетил active | subject=RUSGOV | patient (Acc)=BLR");
	/* gender: the feminine verb takes "Россия", not the masculine "Казахстан" before it */
	assert_string_equal(clauses("Казахстан поддержала Россия.", DYAD_LANG_RU),
			    "поддержала active | subject=RUS | patient (Acc)=KAZ");
	/* both could be either: the one before the verb */
	assert_string_equal(clauses("Казахстан поддержал Беларусь.", DYAD_LANG_RU),
			    "поддержал active | subject=KAZ | patient (Acc)=BLR");
	/* the present tense has no gender: case alone tells them */
	assert_string_equal(clauses("Казахстан поддерживает Россия.", DYAD_LANG_RU),
			    "поддерживает active | subject=RUS | patient (Acc)=KAZ");
	/* number: a plural verb and a coordinated subject */
	assert_string_equal(clauses("Токаев и Лукашенко обсудили сотрудничество.", DYAD_LANG_RU),
			    "обсудили active | subject=KAZGOV | patient (Acc)=сотрудничество");
}

static void objects_by_case_and_preposition(void **state)
{
	(void)state;
	assert_string_equal(clauses("Президент Казахстана провел переговоры с президентом России.", DYAD_LANG_RU),
			    "провел active | subject=KAZGOV | patient (Acc)=переговоры | counterpart (с+Ins)=RUSGOV");
	assert_string_equal(clauses("Россия передала Беларуси партию вакцины.", DYAD_LANG_RU),
			    "передала active | subject=RUS | recipient (Dat)=BLR | patient (Acc)=партию");
	assert_string_equal(clauses("Министр иностранных дел Беларуси прибыл в Казахстан.", DYAD_LANG_RU),
			    "прибыл active | subject=BLRGOV | destination (в+Acc)=KAZ");
	/* a noun of action holds its genitive agent */
	assert_string_equal(clauses("Визит президента России в Казахстан состоялся в Астане.", DYAD_LANG_RU),
			    "состоялся active | subject=RUSGOV | destination (в+Acc)=KAZ | place (в+Loc)=KAZ");
	/* a predicate after a comma shares the subject when its own nominative can be its object */
	assert_string_equal(clauses("Беларусь осудила переворот, не признала власть военных.", DYAD_LANG_RU),
			    "осудила active | subject=BLR | patient (Acc)=переворот\n"
			    "признала active | subject=BLR | patient (Acc)=власть");
	/* ... but a verb that reports what came before has a subject of its own, or none */
	assert_string_equal(clauses("Казахстан выслал посла России, сообщили в МИД Беларуси.", DYAD_LANG_RU),
			    "выслал active | subject=KAZ | patient (Acc)=RUS\n"
			    "сообщили active | subject=- | destination (в+Acc)=BLRGOV");
	/* a reflexive verb takes no accusative: the nearest nominative after it */
	assert_string_equal(
		clauses("В Казахстане ожидается снег, на дорогах гололедица.", DYAD_LANG_RU),
		"ожидается active | subject=снег | place (в+Loc)=KAZ | place (на+Loc)=дорогах | nominative=гололедица");
	/* a noun read as the genitive of the word before, when nothing else agrees */
	assert_string_equal(
		clauses("Потепление синоптики прогнозируют к концу недели.", DYAD_LANG_RU),
		"прогнозируют active | subject=синоптики | patient (Acc)=Потепление | towards (к+Dat)=концу");
	/* a predicate joined by "и" shares the subject */
	assert_string_equal(clauses("Беларусь осудила эти действия и потребовала от России объяснений.", DYAD_LANG_RU),
			    "осудила active | subject=BLR | patient (Acc)=действия\n"
			    "потребовала active | subject=BLR | from (от+Gen)=RUS | genitive=объяснений");
}

static void the_passive_and_its_agent(void **state)
{
	(void)state;
	/* the office the one acted on was summoned to acts */
	assert_string_equal(clauses("Посол России был вызван в МИД Казахстана.", DYAD_LANG_RU),
			    "вызван passive | subject=RUSDIP | agent (в X: the office)=KAZGOV");
	/* an instrumental acts */
	assert_string_equal(clauses("Соглашение было подписано Казахстаном.", DYAD_LANG_RU),
			    "подписано passive | subject=Соглашение | agent (Ins)=KAZ");
	assert_string_equal(
		clauses("The ambassador of Belarus was summoned by the Kazakh foreign ministry.", DYAD_LANG_EN),
		"summoned passive | subject=BLRDIP | agent (by)=KAZGOV");
	/* no agent named */
	assert_string_equal(clauses("Russian diplomats were expelled.", DYAD_LANG_EN),
			    "expelled passive | subject=RUS");
}

static void english_across_parentheses_and_appositions(void **state)
{
	(void)state;
	assert_string_equal(clauses("Kazakhstan's foreign ministry (MFA) condemned the Russian side.", DYAD_LANG_EN),
			    "condemned active | subject=KAZGOV | object=RUS");
	/* a relative clause set off by commas: its subject is the phrase before it, the main verb's too */
	assert_string_equal(
		clauses("The president of Kazakhstan, who arrived in Minsk on Monday, met Lukashenko.", DYAD_LANG_EN),
		"arrived active | subject=KAZGOV | place (in/at)=BLR | prepositional=Monday\n"
		"met active | subject=KAZGOV | object=BLRGOV");
	/* "X said (that) Y …": two clauses, the second's subject right before its verb */
	assert_string_equal(clauses("The Kazakh military said Russian forces shelled the border post.", DYAD_LANG_EN),
			    "said active | subject=KAZ\n"
			    "shelled active | subject=RUS | object=post");
	/* a word that can be a noun inside a phrase is one ("state visit", "press service"); a bare verb form that
	   cannot be one, after its subject, is a predicate */
	assert_string_equal(clauses("The state visit of the Kazakh president to Belarus continues.", DYAD_LANG_EN),
			    "continues active | subject=KAZGOV | recipient (to)=BLR");
	assert_string_equal(clauses("Kazakh officials believe Russian troops remain in Belarus.", DYAD_LANG_EN),
			    "believe active | subject=KAZ\n"
			    "remain active | subject=RUS | place (in/at)=BLR");
	/* a time before the subject is no subject */
	assert_string_equal(clauses("Last week, Belarus accused the United States of interference.", DYAD_LANG_EN),
			    "accused active | subject=BLR | time=week | object=USA");
}

/* Which phrase of a clause acts (dyad_clause_actor): the subject, a passive's agent, "у X". */
static void the_actor_of_a_clause(void **state)
{
	const dyad_clause_arg *x;
	const char *how = NULL;
	dyad_clause cl;

	(void)state;
	with_actor = 1;
	assert_string_equal(clauses("У президентов России и Казахстана состоялись переговоры.", DYAD_LANG_RU),
			    "состоялись active | subject=переговоры | possessor (у+Gen)=RUSGOV"
			    " | actor: clause possessor (\"у X\")");
	assert_string_equal(
		clauses("Посол России был вызван в МИД Казахстана.", DYAD_LANG_RU),
		"вызван passive | subject=RUSDIP | agent (в X: the office)=KAZGOV | actor: clause agent (passive)");
	assert_string_equal(clauses("Russian diplomats were expelled.", DYAD_LANG_EN),
			    "expelled passive | subject=RUS | actor: none");
	with_actor = 0;
	/* a passive clause with no agent: its subject is acted on, and acts once the clause is active */
	memset(&cl, 0, sizeof cl);
	cl.passive = 1;
	cl.agent = -1;
	cl.possessor = -1;
	cl.has_subject = 1;
	cl.subject.mention = 0;
	assert_null(dyad_clause_actor(&cl, &how));
	cl.passive = 0;
	x = dyad_clause_actor(&cl, &how);
	assert_ptr_equal(x, &cl.subject);
	assert_string_equal(how, "clause subject");
}

/* Ten thousand tokens in one sentence: cut with a note, at once. */
static void a_sentence_of_ten_thousand_tokens(void **state)
{
	dyad_buf b = DYAD_BUF_INIT;
	const char *out;
	size_t i;

	(void)state;
	dyad_buf_puts(&b, "Россия осудила");
	for (i = 0; i < 5000; i++)
		dyad_buf_puts(&b, " Казахстан,");
	dyad_buf_puts(&b, " Беларусь.");
	out = clauses(b.p, DYAD_LANG_RU);
	assert_non_null(strstr(out, "осудила active | subject=RUS"));
	assert_non_null(strstr(out, "(clause analysis cut at 400 tokens)"));
	dyad_buf_free(&b);
}

static int setup(void **state)
{
	dyad_errbuf e;

	(void)state;
	if (dyad_morph_open(&mo, NULL, &e) < 0) {
		fprintf(stderr, "test_clause: %s\n", e.msg);
		return -1;
	}
	if ((lx = dyad_lexicon_load("tests/fixtures/actors", NULL, NULL, &e)) == NULL)
		return -1;
	m = dyad_matcher_new(lx);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dyad_matcher_free(m);
	dyad_lexicon_free(lx);
	dyad_morph_free(mo);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(subject_by_agreement_in_any_order),
		cmocka_unit_test(objects_by_case_and_preposition),
		cmocka_unit_test(the_passive_and_its_agent),
		cmocka_unit_test(english_across_parentheses_and_appositions),
		cmocka_unit_test(the_actor_of_a_clause),
		cmocka_unit_test(a_sentence_of_ten_thousand_tokens),
	};
	return cmocka_run_group_tests_name("clause", tests, setup, teardown);
}
