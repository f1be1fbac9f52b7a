/*
 * test_code.c — event coding on sentences written for it, with the small
 * lexicon of tests/fixtures/actors/ and the real patterns of data/events/:
 * subjects and objects, reciprocal meetings, reported speech and quotations,
 * "мы" and "вы", planned and negated events, one event per action, patterns
 * anchored on a short prefix ("vow*"), non-events; the codebook and pattern
 * loaders on malformed lines; and size: a sentence of 10,000 tokens,
 * thousands of sentences coded whole and a window at a time (one event per
 * action still holds across windows).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad/code.h"
#include "dyad/codebook.h"

#include "code_helper.h"

static dyad_lexicon *lx;
static dyad_matcher *m;
static dyad_patterns *pats;
static dyad_stemmer *st;

static code_setup cs;

/* Code `text` whole; *out gets the events (kept first, then those set aside when `all`), the return value counts the kept. */
static size_t code_all(dyad_arena *a, const char *text, dyad_ymd day, int all, dyad_event **out, size_t *nall,
		       size_t *nsents)
{
	return code_text(&cs, a, text, day, all, out, nall, nsents);
}

/* The kept events of `text`, one per line: "cameo source -> target [planned]" ("<->": reciprocal). */
static const char *code(const char *text, dyad_ymd day)
{
	return code_lines(&cs, text, day);
}

static void subject_verb_object(void **state)
{
	(void)state;
	assert_string_equal(code("Лукашенко встретился с Токаевым в Минске.", 20240101), "040 BLRGOV -> KAZGOV");
	assert_string_equal(code("Lavrov visited Kazakhstan.", 20220101), "042 RUSGOV -> KAZ");
	/* a state acting as a whole acts through its government */
	assert_string_equal(code("Россия ввела санкции против США.", 20220101), "163 RUSGOV -> USA");
}

static void two_subjects_meet_once(void **state)
{
	(void)state;
	assert_string_equal(code("Президент Казахстана Касым-Жомарт Токаев и Александр Лукашенко обсудили торговлю. "
				 "Лукашенко и Токаев также встретились с журналистами.",
				 20240101),
			    "040 KAZGOV <-> BLRGOV");
}

static void quotations_have_speakers(void **state)
{
	(void)state;
	/* "we" is the speaker's side, "you" the side addressed: the counterpart of the first event */
	assert_string_equal(
		code("Лукашенко провел переговоры с Токаевым. «Мы знаем, что вы ратифицировали соглашение с "
		     "Россией. Мы вам благодарны», - сказал Лукашенко.",
		     20240304),
		"040 BLRGOV -> KAZGOV\n057 KAZGOV -> RUSGOV\n051 BLRGOV -> KAZGOV");
	/* a whole quotation after a sentence with a speaker, nobody named at its close: the same speaker */
	assert_string_equal(code("Лукашенко встретился с Токаевым. Лукашенко заявил, что ценит сотрудничество. «Мы вам "
				 "благодарны».",
				 20240304),
			    "040 BLRGOV -> KAZGOV\n051 BLRGOV -> KAZGOV");
	/* praise stated as a fact is the speaker's */
	assert_string_equal(code("Казахстан является надежным партнером Беларуси, заявил Лавров.", 20220101),
			    "051 RUSGOV -> KAZ");
	assert_string_equal(code("Казахстан является надежным партнером Беларуси.", 20220101), "");
	assert_string_equal(code("Беларусь является стратегическим партнером России, заявил Токаев.", 20220101),
			    "051 KAZGOV -> BLR");
}

static void planned_and_negated(void **state)
{
	(void)state;
	assert_string_equal(code("Лавров планирует посетить Казахстан.", 20220101), "036 RUSGOV -> KAZ planned");
	/* "посетит" (will visit) marks a plan; "посетил" (visited), of the same stem, does not */
	assert_string_equal(code("Лавров посетил Казахстан.", 20220101), "042 RUSGOV -> KAZ");
	assert_string_equal(code("Лавров не встречался с Токаевым.", 20220101), "");
	assert_string_equal(code("Если Россия введет санкции против Казахстана, ответ последует.", 20220101), "");
}

static void one_event_per_action(void **state)
{
	(void)state;
	assert_string_equal(code("Лавров встретился с Токаевым. Встреча Лаврова с Токаевым прошла в Астане.", 20220101),
			    "040 RUSGOV -> KAZGOV");
	/* no actor on one side, or the same on both: nothing */
	assert_string_equal(code("Планируется подписание документов.", 20220101), "");
	assert_string_equal(code("Токаев встретился с Тлеуберди.", 20220101), "");
	/* an appeal and an appeal for a release, read from one clause: one event, the specific code */
	assert_string_equal(code("Russia urged Kazakhstan to release the detained sailors.", 20220101),
			    "0253 RUSGOV -> KAZ");
	/* a statement (01x) is read but not coded */
	assert_string_equal(code("Russia expressed optimism about Kazakhstan.", 20220101), "");
}

static void who_acts_on_whom(void **state)
{
	(void)state;
	/* the passive: the one the sentence names first is the one acted on */
	assert_string_equal(code("The Kazakh ambassador was summoned by Russia.", 20220101), "140 RUSGOV -> KAZDIP");
	assert_string_equal(code("В МИД России был вызван посол Казахстана.", 20220101), "140 RUSGOV -> KAZDIP");
	/* the one acted on before a passive verb fills the + written after it, if it has the role asked */
	assert_string_equal(code("Посол Казахстана был вызван в МИД России.", 20220101), "140 RUSGOV -> KAZDIP");
	/* without an agent, the other party of the document */
	assert_string_equal(code("Лавров выразил недовольство Казахстаном. Был вызван посол Казахстана.", 20220101),
			    "110 RUSGOV -> KAZ\n140 RUSGOV -> KAZDIP");
	/* an attribute between "and" and the actor keeps the pair: both sides act */
	assert_string_equal(code("Russia and neighbouring Kazakhstan held talks.", 20220101), "040 RUSGOV <-> KAZGOV");
	/* a list of targets: one event each */
	assert_string_equal(code("Russia imposed sanctions on Kazakhstan and Belarus.", 20220101),
			    "163 RUSGOV -> KAZ\n163 RUSGOV -> BLR");
	assert_string_equal(code("Belarus and the United States condemned Russia.", 20220101),
			    "111 BLRGOV -> RUS\n111 USAGOV -> RUS");
	/* a governing verb's code wins: a threat, not sanctions; a refusal, not an extradition */
	assert_string_equal(code("Russia threatened to impose sanctions on Kazakhstan.", 20220101),
			    "130 RUSGOV -> KAZ");
	assert_string_equal(code("Россия пригрозила ввести санкции против Казахстана.", 20220101), "130 RUSGOV -> KAZ");
	assert_string_equal(code("Kazakhstan refused to extradite the suspects to Russia.", 20220101),
			    "1213 KAZGOV -> RUS");
	/* "A, B" without "and" is an apposition: one source */
	assert_string_equal(code("Лавров, Россия, осудил Казахстан.", 20220101), "111 RUSGOV -> KAZ");
	/* a slot at a pattern's edge looks further when no actor stands right there */
	assert_string_equal(code("Tokayev, speaking in Astana on Monday, held talks with Lukashenko.", 20220101),
			    "040 KAZGOV -> BLRGOV");
	assert_string_equal(code("Tokayev on Monday held talks with journalists.", 20220101), "");
	/* what stands in parentheses or a relative clause neither fills a slot nor counts in the gap */
	assert_string_equal(code("Russia (the Russian Federation) condemned Kazakhstan.", 20220101),
			    "111 RUSGOV -> KAZ");
	assert_string_equal(code("Russia, which borders Belarus, accused Kazakhstan of provocations.", 20220101),
			    "112 RUSGOV -> KAZ");
	/* an actor a preposition governs is no subject, even where a pattern's $ stands */
	assert_string_equal(code("Казахстан отозвал посла из России, осудив решение Беларуси.", 20220101),
			    "111 KAZGOV -> BLR\n166 KAZGOV -> RUS");
	/* "он" with nobody tied to it: who the text told acting just before */
	assert_string_equal(code("Лукашенко прибыл в Казахстан. В Астане он провел переговоры с Токаевым.", 20220101),
			    "042 BLRGOV -> KAZ\n040 BLRGOV -> KAZGOV");
	/* the possessor "у X" is the subject; places in a list stand for their states, one event each */
	assert_string_equal(code("У Лукашенко состоялись переговоры с Токаевым.", 20220101), "040 BLRGOV -> KAZGOV");
	assert_string_equal(code("Россия отозвала посла из Минска и Астаны.", 20220101),
			    "166 RUSGOV -> BLR\n166 RUSGOV -> KAZ");
	/* a counterpart named without a state is the other side */
	assert_string_equal(code("Лавров прибыл в Казахстан. В Астане он встретился с коллегой.", 20220101),
			    "042 RUSGOV -> KAZ\n040 RUSGOV -> KAZGOV");
	/* the foreign ministers' talks and their presidents' talks are two events */
	assert_string_equal(code("Лавров встретился с Тлеуберди. Токаев встретился с Лавровым. Встреча Лаврова с "
				 "Тлеуберди прошла в Астане.",
				 20220101),
			    "040 RUSGOV -> KAZGOV\n040 KAZGOV -> RUSGOV");
	assert_string_equal(code("Министр иностранных дел России встретился с министром иностранных дел Казахстана. "
				 "Президент России встретился с президентом Казахстана.",
				 20220101),
			    "040 RUSGOV -> KAZGOV\n040 RUSGOV -> KAZGOV");
	/* "стороны" are the pair just named, before the document's first pair */
	assert_string_equal(code("Лукашенко встретился с Токаевым. Консультации МИД России и США прошли в Москве. "
				 "Стороны обсудили торговлю.",
				 20220101),
			    "040 BLRGOV -> KAZGOV\n040 RUSGOV <-> USAGOV");
	/* a pattern's words without its actors, in a sentence that implies the parties */
	assert_string_equal(
		code("Лукашенко встретился с Токаевым. Главы ведомств двух стран подписали соглашение.", 20220101),
		"040 BLRGOV -> KAZGOV\n057 BLRGOV <-> KAZGOV");
	assert_string_equal(
		code("Лукашенко встретился с Токаевым. Представители Белоруссии подписали соглашение.", 20220101),
		"040 BLRGOV -> KAZGOV");
	/* a sentence that names nobody and implies both sides; one that implies nobody */
	assert_string_equal(code("Лукашенко встретился с Токаевым. Состоялись переговоры в узком составе. Переговоры "
				 "продолжились.",
				 20220101),
			    "040 BLRGOV -> KAZGOV");
}

static void warnings(void *ctx, const char *msg)
{
	dyad_buf_printf(ctx, "%s\n", msg);
}

static void bad_lines_are_named_and_skipped(void **state)
{
	char path[] = "/tmp/dyad-code-XXXXXX";
	char file[96];
	dyad_buf w = DYAD_BUF_INIT;
	dyad_patterns *p;
	dyad_codebook *cb;
	dyad_errbuf e;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(path));
	snprintf(file, sizeof file, "%s/x.txt", path);
	f = fopen(file, "w");
	fputs("@event 04x\npattern  a\n@event 040\npattern  $ $ встретился\npattern  ..\npattern  $ встретился с +\n"
	      "@speech ru\npattern  заявил +\n@colour red\n",
	      f);
	fclose(f);
	p = dyad_patterns_load(path, warnings, &w, &e);
	assert_non_null(p);
	assert_int_equal(dyad_patterns_count(p), 1);
	assert_non_null(strstr(w.p, "x.txt:1: expected a CAMEO code after @event, got '04x'"));
	assert_non_null(strstr(w.p, "x.txt:4: a pattern has at most one source and one target slot"));
	assert_non_null(strstr(w.p, "x.txt:5: a pattern needs at least one word"));
	assert_non_null(strstr(w.p, "x.txt:8: a speech pattern names its speaker with one '$' and no '+'"));
	assert_non_null(strstr(w.p, "x.txt:9: unknown block '@colour'"));
	{
		/* the pattern kept remembers where it was written */
		dyad_pattern_info pi;
		size_t i, found = SIZE_MAX;
		for (i = 0; i < dyad_patterns_total(p); i++) {
			dyad_patterns_info(p, i, &pi);
			if (strcmp(pi.kind, "event") == 0)
				found = i;
		}
		assert_true(found != SIZE_MAX);
		dyad_patterns_info(p, found, &pi);
		assert_string_equal(pi.cameo, "040");
		assert_int_equal(pi.line, 6);
		assert_non_null(strstr(pi.file, "x.txt"));
		assert_true(dyad_str_eq_c(pi.text, "$ встретился с +"));
		assert_int_equal(dyad_patterns_find_rule(p, pi.rule), found);
		assert_int_equal(dyad_patterns_find_rule(p, "x.txt:6: $ встретился с +"), SIZE_MAX);
	}
	dyad_patterns_free(p);
	unlink(file);
	/* the codebook */
	dyad_buf_clear(&w);
	snprintf(file, sizeof file, "%s/cameo.tsv", path);
	f = fopen(file, "w");
	fputs("# comment\n042\t04\t1.9\t1\tCONSULT\tvisit\tMake a visit\tВизит\n043\t05\t1.0\t1\tX\t\tn\tn\n"
	      "044\t04\t99\t1\tX\t\tn\tn\n045\t04\t1.0\t1\tCONSULT\n",
	      f);
	fclose(f);
	snprintf(file, sizeof file, "%s/plover.tsv", path);
	f = fopen(file, "w");
	fputs("CONSULT\t1\tMeet\tКонсультации\nBAD\t9\tx\ty\n", f);
	fclose(f);
	cb = dyad_codebook_load(path, warnings, &w, &e);
	assert_non_null(cb);
	assert_non_null(dyad_codebook_lookup(cb, "042"));
	assert_null(dyad_codebook_lookup(cb, "043"));
	assert_non_null(strstr(w.p, "cameo.tsv:3: expected a CAMEO code of 3 or 4 digits and its 2-digit root"));
	assert_non_null(strstr(w.p, "cameo.tsv:4: expected a Goldstein score between -10 and 10"));
	assert_non_null(strstr(w.p, "cameo.tsv:5: expected 8 tab-separated columns"));
	assert_non_null(strstr(w.p, "plover.tsv:2: expected a QuadClass from 1 to 4"));
	assert_non_null(dyad_codebook_plover(cb, "CONSULT"));
	dyad_codebook_free(cb);
	unlink(file);
	snprintf(file, sizeof file, "%s/cameo.tsv", path);
	unlink(file);
	rmdir(path);
	dyad_buf_free(&w);
}

static void the_shipped_codebook(void **state)
{
	dyad_errbuf e;
	dyad_codebook *cb = dyad_codebook_load("data/codebook", NULL, NULL, &e);
	const dyad_cameo *c;

	(void)state;
	assert_non_null(cb);
	c = dyad_codebook_lookup(cb, "057");
	assert_non_null(c);
	assert_string_equal(c->plover, "AGREE");
	assert_true(c->goldstein == 8.0);
	c = dyad_codebook_lookup(cb, "190");
	assert_int_equal(c->quad, 4);
	assert_true(c->goldstein == -10.0);
	assert_string_equal(dyad_codebook_lookup(cb, "036")->plover, "CONSULT");
	assert_string_equal(dyad_codebook_lookup(cb, "163")->plover, "SANCTION");
	assert_null(dyad_codebook_lookup(cb, "999"));
	dyad_codebook_free(cb);
}

/* ---- size: correctness on long sentences and documents, never timing --------------------- */

static void ten_thousand_tokens_in_one_sentence(void **state)
{
	dyad_buf t = DYAD_BUF_INIT;
	dyad_arena *a = dyad_arena_new();
	dyad_event *ev;
	size_t i, nall, nsents, kept;

	(void)state;
	/* actors named all along the way, then the verb near the end */
	for (i = 0; i < 2500; i++)
		dyad_buf_puts(&t, i % 50 == 7 ? "о России и США " : "слово за словом ");
	dyad_buf_puts(&t, "Лукашенко встретился с Токаевым в Минске.");
	kept = code_all(a, t.p, 20240101, 1, &ev, &nall, &nsents);
	assert_int_equal(nsents, 1);
	assert_int_equal(kept, 1);
	assert_string_equal(ev[0].cameo, "040");
	assert_string_equal(ev[0].source.code, "BLRGOV");
	assert_string_equal(ev[0].target.code, "KAZGOV");
	dyad_arena_free(a);
	dyad_buf_free(&t);
}

/* Three thousand sentences, two actions taking turns. */
static void many_sentences(dyad_buf *t)
{
	size_t i;

	for (i = 0; i < 3000; i++)
		dyad_buf_puts(t, i % 2 ? "Россия ввела санкции против США. " : "Лукашенко встретился с Токаевым. ");
}

static void thousands_of_sentences_one_event_per_action(void **state)
{
	dyad_buf t = DYAD_BUF_INIT;
	dyad_arena *a = dyad_arena_new();
	dyad_event *ev;
	size_t i, nall, nsents, kept;
	char *seen;

	(void)state;
	many_sentences(&t);
	kept = code_all(a, t.p, 20240101, 1, &ev, &nall, &nsents);
	assert_int_equal(nsents, 3000);
	assert_int_equal(kept, 2);
	assert_string_equal(ev[0].cameo, "040");
	assert_int_equal(ev[0].sentence, 0);
	assert_string_equal(ev[1].cameo, "163");
	assert_int_equal(ev[1].sentence, 1);
	/* every sentence was coded, and its events set aside as repeats of the first of their action */
	seen = calloc(nsents, 1);
	for (i = 2; i < nall; i++) {
		assert_non_null(ev[i].why);
		assert_true(strncmp(ev[i].why, "repeats event ", 14) == 0);
		assert_string_equal(ev[i].cameo, ev[i].sentence % 2 ? "163" : "040");
		seen[ev[i].sentence] = 1;
	}
	for (i = 2; i < nsents; i++)
		assert_int_equal(seen[i], 1);
	free(seen);
	dyad_arena_free(a);
	dyad_buf_free(&t);
}

typedef struct {
	const dyad_span *sents;
	size_t windows, next_sent, kept, aside;
} seen_windows;

static void check_window(void *ctx, const dyad_window *w)
{
	seen_windows *s = ctx;
	size_t i;

	/* windows follow one another without a gap, and everything they give lies inside them */
	assert_int_equal(w->first_sent, s->next_sent);
	assert_true(w->nsents >= 1);
	for (i = 0; i < w->nmentions; i++)
		assert_true(w->mentions[i].sentence >= w->first_sent &&
			    w->mentions[i].sentence < w->first_sent + w->nsents);
	for (i = 0; i < w->nevents; i++) {
		const dyad_event *e = &w->events[i];
		assert_true(e->sentence >= w->first_sent && e->sentence < w->first_sent + w->nsents);
		assert_int_equal(e->evidence.start, s->sents[e->sentence].start);
		assert_int_equal(e->evidence.end, s->sents[e->sentence].end);
		assert_true(i < w->nkept ? e->why == NULL : e->why != NULL);
	}
	/* one event per action holds for the whole text: the first window keeps both, the others repeat them */
	assert_int_equal(w->nkept, w->first_sent == 0 ? 2 : 0);
	for (i = w->nkept; i < w->nevents; i++)
		assert_true(strncmp(w->events[i].why, "repeats ", 8) == 0);
	if (w->first_sent > 0)
		assert_string_equal(w->events[0].why, w->events[0].sentence % 2 ? "repeats the event of sentence 2"
										: "repeats the event of sentence 1");
	s->next_sent = w->first_sent + w->nsents;
	s->kept += w->nkept;
	s->aside += w->nevents - w->nkept;
	s->windows++;
}

static void a_long_document_coded_in_windows(void **state)
{
	dyad_buf t = DYAD_BUF_INIT;
	dyad_arena *a = dyad_arena_new(), *scratch = dyad_arena_new();
	dyad_window_input in;
	dyad_span *sents;
	seen_windows s;
	size_t n;

	(void)state;
	many_sentences(&t);
	memset(&in, 0, sizeof in);
	memset(&s, 0, sizeof s);
	in.text = (dyad_str){ t.p, t.n };
	in.nsents = dyad_sent_split(a, in.text, &sents);
	in.sents = s.sents = sents;
	in.day = 20240101;
	in.matcher = m;
	in.patterns = pats;
	in.stemmer = st;
	in.all = 1;
	in.window = 4096; /* about 70 sentences */
	n = dyad_code_windows(scratch, &in, check_window, &s);
	assert_int_equal(n, s.windows);
	assert_int_equal(s.next_sent, 3000);
	/* whole sentences up to the window's size: each window but the last lacks less than a sentence */
	assert_true(s.windows >= t.n / 4096 && s.windows <= t.n / (4096 - 64) + 1);
	assert_int_equal(s.kept, 2);
	assert_true(s.kept + s.aside >= 3000);
	dyad_arena_free(scratch);
	dyad_arena_free(a);
	dyad_buf_free(&t);
}

/* A noun of action after an article is governed as a verb is: the threat, not the blockade it names. */
static void governed_noun_after_article(void **state)
{
	(void)state;
	assert_string_equal(code("Russia threatened a blockade of Belarus.", 20240101), "130 RUSGOV -> BLR");
}

/* "offer to" is a control verb only with its "to" next to it: "offered asylum to" gives asylum, not a promise. */
static void governing_to_follows_the_verb(void **state)
{
	(void)state;
	assert_string_equal(code("Russia offered asylum to the family of Lukashenko.", 20240101),
			    "075 RUSGOV -> BLRGOV");
	assert_string_equal(code("Russia offered on Monday to mediate between Belarus and Kazakhstan.", 20240101),
			    "036 RUSGOV -> BLRGOV\n036 RUSGOV -> KAZGOV");
}

/* An appeal or a warning governs the act it asks for or warns against: that act is not coded as done. */
static void appeals_govern(void **state)
{
	(void)state;
	assert_string_equal(code("Russia urged the United States to stop arms sales to Kazakhstan.", 20240101),
			    "0242 RUSGOV -> USA");
	assert_string_equal(code("Russia warned the United States against supplying weapons to Kazakhstan.", 20240101),
			    "111 RUSGOV -> USA");
}

/* A condition after a threat's verb is what is threatened; one before it makes the threat hypothetical. */
static void conditions_inside_threats(void **state)
{
	(void)state;
	assert_string_equal(
		code("Russia threatened to close the border with Kazakhstan if sanctions were imposed.", 20240101),
		"130 RUSGOV -> KAZ");
	assert_string_equal(code("If Russia threatened Kazakhstan, Belarus would protest.", 20240101), "");
}

/* The longest match wins across roots; a counterpart gives way to a target the sentence names. */
static void longest_match_wins(void **state)
{
	(void)state;
	assert_string_equal(code("Russia and Kazakhstan agreed to implement the joint projects.", 20240101),
			    "031 RUSGOV <-> KAZGOV");
	assert_string_equal(
		code("Kazakhstan met Russia. Kazakhstan will deepen cooperation with the United States.", 20240101),
		"040 KAZGOV -> RUSGOV\n030 KAZGOV -> USAGOV planned");
	/* Russian: the readiness and the demand that spell out the act take it in */
	assert_string_equal(code("Россия выразила готовность оказать помощь Казахстану.", 20240101),
			    "033 RUSGOV -> KAZ");
	assert_string_equal(code("Казахстан согласился допустить инспекторов России.", 20240101), "0355 KAZGOV -> RUS");
}

/* "They" after two actors met is both of them; "the leaders of A and B" are both states. */
static void they_after_a_meeting(void **state)
{
	(void)state;
	assert_string_equal(code("Russia and Kazakhstan held talks on Monday. They agreed to expand trade.", 20240101),
			    "040 RUSGOV <-> KAZGOV\n030 RUSGOV <-> KAZGOV");
	assert_string_equal(code("The leaders of Russia and Kazakhstan agreed to expand trade.", 20240101),
			    "030 RUSGOV <-> KAZGOV");
	/* a meeting has two sides as a joint act has: "they" after it are both */
	assert_string_equal(code("Tokayev met Lavrov in Astana. They signed an agreement on trade.", 20240101),
			    "040 KAZGOV -> RUSGOV\n057 KAZGOV <-> RUSGOV");
	/* "both countries" opening a sentence are the dyad, as states; the pair its own sentence names first */
	assert_string_equal(code("Russia and Kazakhstan held talks. Both countries agreed to expand trade.", 20240101),
			    "040 RUSGOV <-> KAZGOV\n030 RUS <-> KAZ");
	assert_string_equal(
		code("Russia and Belarus held talks. Moscow and Astana agreed to implement agreements between "
		     "both countries.",
		     20240101),
		"040 RUSGOV <-> BLRGOV\n030 RUSGOV <-> KAZGOV");
	/* no event before: a coordination that opened the sentence before is what "they" stands for */
	assert_string_equal(
		code("Kazakhstan and its allies say the seizure was illegal. They demand Russia release the ships.",
		     20240101),
		"111 KAZGOV -> RUS\n1053 KAZGOV -> RUS");
}

/*
 * A hostile act whose sentence names no target is aimed at the other side of the document's
 * dyad ("Moscow said it would retaliate"); another actor named, or a source outside the dyad,
 * leaves it without one. A threat's own "would" is no hedge.
 */
static void hostile_acts_take_the_other_side(void **state)
{
	(void)state;
	assert_string_equal(code("Kazakhstan expelled the Russian ambassador. Moscow said it would retaliate.", 20240101),
			    "166 KAZGOV -> RUSDIP\n130 RUSGOV -> KAZGOV");
	assert_string_equal(
		code("Kazakhstan expelled the Russian ambassador. The Kremlin vowed to respond in kind.", 20240101),
		"166 KAZGOV -> RUSDIP\n130 RUSGOV -> KAZGOV");
	assert_string_equal(
		code("Russia imposed sanctions on Kazakhstan. Kazakhstan will take countermeasures.", 20240101),
		"163 RUSGOV -> KAZ\n130 KAZGOV -> RUSGOV planned");
	assert_string_equal(code("Russia imposed sanctions on Kazakhstan. Kazakhstan warned of consequences.", 20240101),
			    "163 RUSGOV -> KAZ\n130 KAZGOV -> RUSGOV");
	/* a one-word verb of blame with its subject next to it finds its target further on, or takes the other side */
	assert_string_equal(code("Russia on Monday condemned the decision taken by Kazakhstan.", 20240101),
			    "111 RUSGOV -> KAZ");
	assert_string_equal(code("Kazakhstan imposed sanctions on Russia. Moscow condemned the move.", 20240101),
			    "163 KAZGOV -> RUS\n111 RUSGOV -> KAZGOV");
	/* nobody acting next to the verb: no event */
	assert_string_equal(
		code("Russia, after long talks in Astana with the mediators, condemned the decision.", 20240101), "");
	/* an office no state is named with acts for the other side of the one it acts on */
	assert_string_equal(
		code("Russia imposed sanctions on Kazakhstan. The foreign minister urged Russia to lift them.", 20240101),
		"163 RUSGOV -> KAZ\n020 KAZGOV -> RUS");
	/* the target named after the words is the one threatened */
	assert_string_equal(code("Russia said it would retaliate against Belarus.", 20240101), "130 RUSGOV -> BLR");
	/* a third state named, or a source outside the dyad: no target taken */
	assert_string_equal(
		code("Russia imposed sanctions on Kazakhstan. Kazakhstan warned of consequences for Belarus.", 20240101),
		"163 RUSGOV -> KAZ\n130 KAZGOV -> BLR");
	assert_string_equal(code("Russia imposed sanctions on Kazakhstan. Belarus warned of consequences.", 20240101),
			    "163 RUSGOV -> KAZ");
}

/* Who acts after "by": the passive with an article before the agent, a governing verb in the passive, a noun's agent. */
static void agents_after_by(void **state)
{
	(void)state;
	assert_string_equal(code("Sanctions were imposed on Belarus by the Russian government on Monday.", 20240101),
			    "163 RUSGOV -> BLR");
	assert_string_equal(code("Kazakhstan was accused by Russia of supplying weapons to Belarus.", 20240101),
			    "112 RUSGOV -> KAZ");
	assert_string_equal(code("Belarus was hit with new sanctions by Russia.", 20240101), "163 RUSGOV -> BLR");
}

/*
 * A capital addressed by an appeal is its state; "should" demands as "must" does; opposing is
 * disapproval; relations to improve and help to build.
 */
static void appeals_to_capitals(void **state)
{
	(void)state;
	assert_string_equal(code("Russia urged Astana to stop arms sales to Belarus.", 20240101), "0242 RUSGOV -> KAZ");
	assert_string_equal(code("Lavrov said Kazakhstan should stop interfering in the affairs of Belarus.", 20240101),
			    "1042 RUSGOV -> KAZ");
	assert_string_equal(code("Russia firmly opposes the Kazakh decision.", 20240101), "110 RUSGOV -> KAZ");
	/* relations to improve are an intent to cooperate; helping a state build is aid */
	assert_string_equal(code("Kazakhstan wants to improve relations with Russia.", 20240101),
			    "030 KAZGOV -> RUSGOV");
	assert_string_equal(code("Russia will help Kazakhstan build a port.", 20240101), "070 RUSGOV -> KAZ planned");
}

/* A "would" after a verb of saying reports a plan; a condition still hedges. */
static void reported_would_plans(void **state)
{
	(void)state;
	assert_string_equal(code("Tokayev said Kazakhstan would continue to support Belarus.", 20240101),
			    "051 KAZGOV -> BLR planned");
	assert_string_equal(code("Kazakhstan would support Belarus, analysts believe.", 20240101), "");
	assert_string_equal(code("Tokayev said Kazakhstan would support Belarus if asked.", 20240101), "");
}

/* A visit and the talks held during it are two actions, even told in one sentence. */
static void a_visit_and_its_talks(void **state)
{
	(void)state;
	assert_string_equal(code("Lavrov travelled to Kazakhstan, where he met Tokayev.", 20240101),
			    "040 RUSGOV -> KAZGOV\n042 RUSGOV -> KAZ");
	assert_string_equal(code("Tokayev hosted Lavrov in Astana and held talks with him.", 20240101),
			    "040 KAZGOV -> RUSGOV\n043 KAZ -> RUSGOV");
	/* two words for one visit stay one */
	assert_string_equal(code("Lavrov arrived in Kazakhstan on a two-day visit.", 20240101), "042 RUSGOV -> KAZ");
}

/*
 * Object and possessive pronouns as parties: "him" the man named before, "them" the last
 * event's target, "its" the nearest actor before of another state than the source.
 */
static void pronouns_as_parties(void **state)
{
	(void)state;
	assert_string_equal(code("Kazakhstan said Russian forces shelled its positions.", 20240101),
			    "194 RUSMIL -> KAZ");
	assert_string_equal(code("Russia said its forces shelled Kazakh positions.", 20240101), "194 RUSMIL -> KAZ");
	assert_string_equal(
		code("Russia imposed sanctions on Belarusian officials. Russia accused them of fraud.", 20240101),
		"163 RUSGOV -> BLR\n112 RUSGOV -> BLR");
	assert_string_equal(code("Tokayev received Lavrov in Astana and thanked him for the visit.", 20240101),
			    "040 KAZGOV -> RUSGOV\n051 KAZGOV -> RUSGOV");
	/* a verb coordinated with the one before has its subject, not its object */
	assert_string_equal(code("Kazakhstan summoned the Russian ambassador and demanded an explanation.", 20240101),
			    "140 KAZGOV -> RUSDIP\n100 KAZGOV -> RUSDIP");
	/* the phrase names its own head: "its neighbour Belarus", "his Russian counterpart" */
	assert_string_equal(code("Russia imposed sanctions on its neighbour Belarus.", 20240101), "163 RUSGOV -> BLR");
	assert_string_equal(code("Tokayev met his Russian counterpart.", 20240101), "040 KAZGOV -> RUSGOV");
}

static int setup(void **state)
{
	dyad_errbuf e;

	(void)state;
	if ((lx = dyad_lexicon_load("tests/fixtures/actors", NULL, NULL, &e)) == NULL)
		return -1;
	m = dyad_matcher_new(lx);
	st = dyad_stemmer_new();
	pats = dyad_patterns_load("data/events", NULL, NULL, &e);
	cs = (code_setup){ m, pats, st, NULL };
	return pats ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	dyad_patterns_free(pats);
	dyad_stemmer_free(st);
	dyad_matcher_free(m);
	dyad_lexicon_free(lx);
	return 0;
}

/* A pattern anchored on a prefix shorter than two Cyrillic letters ("vow*", "ban*") matches the words it begins. */
static void short_prefixes_anchor(void **state)
{
	(void)state;
	assert_string_equal(code("Russia vowed to punish Belarus.", 20220101), "130 RUSGOV -> BLR");
	assert_string_equal(code("Russia vows to punish Belarus.", 20220101), "130 RUSGOV -> BLR");
	assert_string_equal(code("Russia avowed to punish Belarus.", 20220101), "");
}

/* A phrase that looks like an event and is not sets aside the events of its sentence, and only of its own. */
static void non_events_set_aside(void **state)
{
	(void)state;
	assert_string_equal(code("Визит Токаева в Минск начался.", 20240101), "042 KAZGOV -> BLR");
	assert_string_equal(code("После визита Токаева в Минск переговоры продолжились.", 20240101), "");
	assert_string_equal(code("Визит Токаева в Минск начался. После визита Лукашенко уехал.", 20240101),
			    "042 KAZGOV -> BLR");
}

/* "would", "will" and "continue to" before a verb take no room between a pattern's slot and its word. */
static void verb_helpers_take_no_room(void **state)
{
	(void)state;
	assert_string_equal(code("Kazakhstan continues to strongly support Belarus.", 20240101), "051 KAZGOV -> BLR");
	/* "will support" is the lexicon's intent to support (032) */
	assert_string_equal(code("Tokayev said Kazakhstan will continue to support Belarus.", 20240101),
			    "032 KAZGOV -> BLRGOV planned");
	/* other words still count: three of them are one too many */
	assert_string_equal(code("Kazakhstan in its new plan publicly supports Belarus.", 20240101), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(subject_verb_object),
		cmocka_unit_test(two_subjects_meet_once),
		cmocka_unit_test(quotations_have_speakers),
		cmocka_unit_test(planned_and_negated),
		cmocka_unit_test(one_event_per_action),
		cmocka_unit_test(who_acts_on_whom),
		cmocka_unit_test(bad_lines_are_named_and_skipped),
		cmocka_unit_test(the_shipped_codebook),
		cmocka_unit_test(ten_thousand_tokens_in_one_sentence),
		cmocka_unit_test(thousands_of_sentences_one_event_per_action),
		cmocka_unit_test(a_long_document_coded_in_windows),
		cmocka_unit_test(governed_noun_after_article),
		cmocka_unit_test(governing_to_follows_the_verb),
		cmocka_unit_test(appeals_govern),
		cmocka_unit_test(conditions_inside_threats),
		cmocka_unit_test(longest_match_wins),
		cmocka_unit_test(they_after_a_meeting),
		cmocka_unit_test(hostile_acts_take_the_other_side),
		cmocka_unit_test(a_visit_and_its_talks),
		cmocka_unit_test(reported_would_plans),
		cmocka_unit_test(verb_helpers_take_no_room),
		cmocka_unit_test(agents_after_by),
		cmocka_unit_test(appeals_to_capitals),
		cmocka_unit_test(pronouns_as_parties),
		cmocka_unit_test(short_prefixes_anchor),
		cmocka_unit_test(non_events_set_aside),
	};
	return cmocka_run_group_tests_name("code", tests, setup, teardown);
}
