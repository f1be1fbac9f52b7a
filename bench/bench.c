/*
 * bench.c — throughput of dyad's stages on one text, best of three runs:
 *   text     tokenize + split + stem every word (the text core)
 *   actors   the actor recognizer over the same sentences (lexicon loaded once)
 *   code     the library's pipeline (dyad/pipeline.h) on each chunk as article text: language,
 *            sentences, actors, the words' readings and events, dictionaries loaded once
 *   morph    the text core + every word's morphological analyses (dictionaries loaded once)
 *   lookups  the morphology alone: every Cyrillic word of the corpus analysed, words/s
 * and the lexicon's (or the dictionaries') load time and the process's peak memory.
 * usage: bench MODE CORPUS DATA_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "dyad/dyad.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int cmp_str(const void *x, const void *y)
{
	return dyad_str_cmp(*(const dyad_str *)x, *(const dyad_str *)y);
}

/*
 * Every Cyrillic word token of `t` analysed in order (tokenized once,
 * beforehand), best of three: prints the line main prints, with analyses per
 * second in the sentences/s column and the word count as units; then, on a
 * freshly opened dictionary, each distinct word once (nothing cached): its
 * rate and the number of distinct words, as a second line "distinct …".
 */
static int lookups(const dyad_morph *mo, dyad_str t, double load)
{
	dyad_arena *a = dyad_arena_new(), *words = dyad_arena_new();
	dyad_token *toks;
	size_t nt = dyad_tokenize(words, t, &toks), i, n = 0, run, nd = 0;
	dyad_str *distinct = dyad_xmalloc((nt + 1) * sizeof *distinct);
	dyad_morph *fresh;
	dyad_errbuf e;
	double best = 1e9, t0;

	for (run = 0; run < 3; run++) {
		double el;
		t0 = now();
		n = 0;
		for (i = 0; i < nt; i++)
			if (toks[i].kind == DYAD_TOK_WORD && (toks[i].flags & DYAD_TOKF_CYRILLIC)) {
				dyad_analysis *an;
				dyad_str w = { t.p + toks[i].span.start, toks[i].span.end - toks[i].span.start };
				(void)dyad_morph_analyze(mo, a, DYAD_LANG_RU, w, 0, &an);
				if (run == 0)
					distinct[nd++] = w;
				if (++n % 4096 == 0)
					dyad_arena_reset(a);
			}
		el = now() - t0;
		if (el < best)
			best = el;
		dyad_arena_reset(a);
	}
	printf("lookups\t%.3f\t%.1f\t%.0f\t%zu\t%.3f\t%ld\n", best, (double)t.n / 1048576.0 / best, (double)n / best,
	       n, load, peak_kb());
	qsort(distinct, nd, sizeof *distinct, cmp_str);
	for (i = n = 0; i < nd; i++)
		if (n == 0 || !dyad_str_eq(distinct[n - 1], distinct[i]))
			distinct[n++] = distinct[i];
	if (dyad_morph_open(&fresh, NULL, &e) == 0) {
		t0 = now();
		for (i = 0; i < n; i++) {
			dyad_analysis *an;
			(void)dyad_morph_analyze(fresh, a, DYAD_LANG_RU, distinct[i], 0, &an);
			if (i % 4096 == 4095)
				dyad_arena_reset(a);
		}
		printf("distinct\t%.0f\t%zu\n", (double)n / (now() - t0), n);
		dyad_morph_free(fresh);
	}
	free(distinct);
	dyad_arena_free(a);
	dyad_arena_free(words);
	return 0;
}

int main(int argc, char **argv)
{
	dyad_buf raw = DYAD_BUF_INIT, text = DYAD_BUF_INIT;
	dyad_errbuf e;
	dyad_str t;
	double best = 1e9, t0, load = 0;
	size_t sentences = 0, units = 0, run;
	dyad_lexicon *lx = NULL;
	dyad_matcher *m = NULL;
	dyad_stemmer *st = dyad_stemmer_new();
	dyad_morph *mo = NULL;
	dyad_pipeline *pipe = NULL;
	const char *mode;
	int morph, coding;

	if (argc != 4) {
		fprintf(stderr, "usage: bench text|actors|code|morph|lookups CORPUS DATA_DIR\n");
		return 2;
	}
	mode = argv[1];
	morph = strcmp(mode, "morph") == 0 || strcmp(mode, "lookups") == 0;
	coding = strcmp(mode, "code") == 0;
	if (dyad_read_file(&raw, argv[2], 0, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return 1;
	}
	dyad_utf8_repair(&text, (dyad_str){ raw.p, raw.n });
	t = (dyad_str){ text.p, text.n };
	if (coding) {
		dyad_pipeline_opts o = DYAD_PIPELINE_OPTS_INIT;
		t0 = now();
		o.datadir = argv[3];
		o.flags = DYAD_PIPE_EVENTS | DYAD_PIPE_RAW;
		o.default_day = 20240101;
		if (dyad_pipeline_open(&pipe, &o, &e) < 0) {
			fprintf(stderr, "bench: %s\n", e.msg);
			return 1;
		}
		load = now() - t0;
	} else if (morph) {
		t0 = now();
		if (dyad_morph_open(&mo, NULL, &e) < 0) {
			fprintf(stderr, "bench: %s\n", e.msg);
			return 1;
		}
		load = now() - t0;
	}
	if (!morph && !coding && strcmp(mode, "text") != 0) {
		char dir[4096];
		t0 = now();
		snprintf(dir, sizeof dir, "%s/actors", argv[3]);
		lx = dyad_lexicon_load(dir, NULL, NULL, &e);
		if (lx == NULL) {
			fprintf(stderr, "bench: %s\n", e.msg);
			return 1;
		}
		m = dyad_matcher_new(lx);
		load += now() - t0;
	}
	if (strcmp(mode, "lookups") == 0)
		return lookups(mo, t, load);
	for (run = 0; run < 3; run++) {
		dyad_arena *a = dyad_arena_new();
		size_t pos = 0;
		double el;

		sentences = units = 0;
		t0 = now();
		/* in chunks of about 64 KB at line ends, as documents would come */
		while (pos < t.n) {
			size_t end = pos + 65536 < t.n ? pos + 65536 : t.n, i, ns, nt;
			dyad_token *toks;
			dyad_span *sents;
			dyad_str c;
			while (end < t.n && t.p[end - 1] != '\n')
				end++;
			c = (dyad_str){ t.p + pos, end - pos };
			pos = end;
			if (coding) {
				const dyad_document *d;
				if (dyad_pipeline_text(pipe, "bench", c.p, c.n, &d, &e) < 0) {
					fprintf(stderr, "bench: %s\n", e.msg);
					return 1;
				}
				sentences += d->nsent;
				units += d->nevents;
				continue;
			}
			nt = dyad_tokenize(a, c, &toks);
			ns = dyad_sent_split(a, c, &sents);
			sentences += ns;
			if (strcmp(mode, "text") == 0 || morph) {
				for (i = 0; i < nt; i++)
					if (toks[i].kind == DYAD_TOK_WORD) {
						dyad_str w = { c.p + toks[i].span.start, toks[i].span.end - toks[i].span.start };
						(void)dyad_stem(st, a, w);
						if (morph) {
							dyad_analysis *an;
							dyad_lang l = toks[i].flags & DYAD_TOKF_CYRILLIC ? DYAD_LANG_RU : DYAD_LANG_EN;
							(void)dyad_morph_analyze(mo, a, l, w, 0, &an);
						}
					}
				units += nt;
			} else {
				dyad_mention *ms;
				size_t nm = dyad_actors_find(m, a, c, toks, nt, sents, ns, 20240101, &ms);
				units += nm;
			}
			dyad_arena_reset(a);
		}
		el = now() - t0;
		if (el < best)
			best = el;
		dyad_arena_free(a);
	}
	printf("%s\t%.3f\t%.1f\t%.0f\t%zu\t%.3f\t%ld\n", mode, best, (double)t.n / 1048576.0 / best,
	       (double)sentences / best, units, load, peak_kb());
	dyad_pipeline_close(pipe);
	dyad_morph_free(mo);
	dyad_matcher_free(m);
	dyad_lexicon_free(lx);
	dyad_stemmer_free(st);
	dyad_buf_free(&raw);
	dyad_buf_free(&text);
	return 0;
}
