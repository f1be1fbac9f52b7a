/*
 * cmd_lexicon.c — `dyad lexicon`: what the event patterns of data/events/
 * hold and how they are used. --stats counts the patterns, the distinct
 * lemmas or phrases and the CAMEO codes covered per root and language;
 * --fires codes pages and counts how often each pattern fired, listing the
 * ones that never did, so whoever writes the lexicon sees what it does.
 */
#include "cli.h"
#include "pipeline.h"

#include "dyad/codebook.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const dyad_cli_opt opts[] = {
	{ "stats", 0, NULL, "count patterns, lemmas or phrases and codes per CAMEO root and language" },
	{ "missing", 0, NULL, "with --stats: list the codebook's codes that have no pattern, per language" },
	{ "fires", 0, NULL, "code the pages named and count how often each pattern fired" },
	{ "lang", 'l', "LANG", "with --fires: list only the patterns of ru or en" },
	{ "events", 0, "DIR", "read the event patterns from DIR instead of DATADIR/events" },
	DYAD_CLI_OPT_INPUT,
	DYAD_CLI_OPT_DATA,
	{ NULL, 0, NULL, NULL },
};

enum { LANG_RU = 0, LANG_EN = 1, LANG_NONE = 2 };
static const char *const root_names[21] = {
	"",
	"statement",
	"appeal",
	"intent to cooperate",
	"consult",
	"diplomatic cooperation",
	"material cooperation",
	"aid",
	"yield",
	"investigate",
	"demand",
	"disapprove",
	"reject",
	"threaten",
	"protest",
	"force posture",
	"reduce relations",
	"coerce",
	"assault",
	"fight",
	"mass violence",
};
static const char *const lang_names[] = { "ru", "en" };

/* The words of a pattern, without its slots and gaps: "$ impose* sanctions on +" → "impose sanctions on". */
static int is_slot(dyad_str w)
{
	return dyad_str_eq_c(w, "$") || dyad_str_eq_c(w, "+") || dyad_str_eq_c(w, "$+") || dyad_str_eq_c(w, "..") ||
	       (w.n > 1 && (w.p[0] == '$' || w.p[0] == '+') && w.p[1] == ':');
}

/*
 * The lemma or phrase a pattern is written with, folded, with '*' dropped,
 * into b; returns its language by the script of its letters (Cyrillic: ru,
 * Latin: en), LANG_NONE when it has neither.
 */
static int pattern_phrase(dyad_str text, dyad_buf *b)
{
	int lang = LANG_NONE;
	size_t i = 0;

	dyad_buf_clear(b);
	while (i < text.n) {
		size_t j, k;
		dyad_str w;

		while (i < text.n && text.p[i] == ' ')
			i++;
		for (j = i; j < text.n && text.p[j] != ' '; j++)
			;
		if (j == i)
			break;
		w = (dyad_str){ text.p + i, j - i };
		i = j;
		if (is_slot(w))
			continue;
		if (w.n > 1 && w.p[w.n - 1] == '*')
			w.n--;
		for (k = 0; k < w.n; k++) {
			unsigned char c = (unsigned char)w.p[k];
			if (c == 0xD0 || c == 0xD1)
				lang = LANG_RU;
			else if (lang == LANG_NONE && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
				lang = LANG_EN;
		}
		if (b->n)
			dyad_buf_putc(b, ' ');
		dyad_fold_buf(b, w);
	}
	return lang;
}

/* A set of strings: the distinct phrases of one root and language. */
typedef struct {
	char **s;
	size_t n, cap;
	dyad_keymap by_hash; /* each string's index, by dyad_hash64 of its bytes */
} strset;

/* The index of the string s[0..n) in the set, or SIZE_MAX. */
static size_t strset_find(const strset *set, const char *s, size_t n)
{
	size_t at = 0, i;

	if (set->n == 0)
		return SIZE_MAX;
	while (dyad_keymap_next(&set->by_hash, dyad_hash64(s, n, DYAD_HASH_SEED), &at, &i))
		if (strlen(set->s[i]) == n && memcmp(set->s[i], s, n) == 0)
			return i;
	return SIZE_MAX;
}

/* Add s[0..n) to the set; 1 when it was not there yet. */
static int strset_add(strset *set, const char *s, size_t n)
{
	if (strset_find(set, s, n) != SIZE_MAX)
		return 0;
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 64;
		set->s = dyad_xrealloc(set->s, set->cap * sizeof *set->s);
	}
	set->s[set->n] = dyad_xmalloc(n + 1);
	memcpy(set->s[set->n], s, n);
	set->s[set->n][n] = '\0';
	dyad_keymap_add(&set->by_hash, dyad_hash64(s, n, DYAD_HASH_SEED), set->n++);
	return 1;
}

static void strset_free(strset *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		free(set->s[i]);
	free(set->s);
	dyad_keymap_free(&set->by_hash);
}

static dyad_patterns *load_patterns(const char *events_dir, const char *datadir)
{
	char path[4096];
	dyad_patterns *pats;
	dyad_errbuf e;

	if (events_dir == NULL)
		snprintf(path, sizeof path, "%s/events", datadir ? datadir : dyad_datadir());
	pats = dyad_patterns_load(events_dir ? events_dir : path, dyad_cli_warn, NULL, &e);
	if (pats == NULL)
		fprintf(stderr, "dyad: cannot load the event patterns: %s\n", e.msg);
	return pats;
}

/* Per root (01..20) and language: patterns, distinct phrases, distinct codes. */
typedef struct {
	size_t pats;
	strset phrases, codes;
} tally;

static int run_stats(const char *events_dir, const char *datadir, int missing)
{
	tally t[21][2];
	strset all[2], codes[2];
	size_t other[2][2] = { { 0, 0 }, { 0, 0 } }; /* [speech/nonevent][lang] */
	size_t i, ncodes_root[21] = { 0 }, tot_pats[2] = { 0, 0 }, tot_codes[2] = { 0, 0 }, ncb = 0, skipped = 0;
	const dyad_cameo *cb_all = NULL;
	dyad_codebook *cb;
	dyad_patterns *pats;
	dyad_buf b = DYAD_BUF_INIT;
	char path[4096];
	dyad_errbuf e;
	int r, l;

	if ((pats = load_patterns(events_dir, datadir)) == NULL)
		return DYAD_EXIT_FATAL;
	snprintf(path, sizeof path, "%s/codebook", datadir ? datadir : dyad_datadir());
	if ((cb = dyad_codebook_load(path, dyad_cli_warn, NULL, &e)) == NULL) {
		fprintf(stderr, "dyad: cannot load the codebook: %s\n", e.msg);
		dyad_patterns_free(pats);
		return DYAD_EXIT_FATAL;
	}
	cb_all = dyad_codebook_all(cb, &ncb);
	for (i = 0; i < ncb; i++) {
		r = (int)strtol(cb_all[i].root, NULL, 10);
		if (r >= 1 && r <= 20)
			ncodes_root[r]++;
	}
	memset(t, 0, sizeof t);
	memset(all, 0, sizeof all);
	memset(codes, 0, sizeof codes);
	for (i = 0; i < dyad_patterns_total(pats); i++) {
		dyad_pattern_info pi;

		dyad_patterns_info(pats, i, &pi);
		l = pattern_phrase(pi.text, &b);
		if (l == LANG_NONE) {
			skipped++;
			continue;
		}
		if (strcmp(pi.kind, "event") != 0) {
			other[strcmp(pi.kind, "speech") == 0 ? 0 : 1][l]++;
			continue;
		}
		r = (pi.cameo[0] - '0') * 10 + (pi.cameo[1] - '0');
		if (r < 1 || r > 20) {
			skipped++;
			continue;
		}
		t[r][l].pats++;
		strset_add(&t[r][l].phrases, b.p, b.n);
		strset_add(&all[l], b.p, b.n);
		if (strset_add(&t[r][l].codes, pi.cameo, strlen(pi.cameo)))
			tot_codes[l]++;
		strset_add(&codes[l], pi.cameo, strlen(pi.cameo));
		tot_pats[l]++;
	}
	printf("%-4s %-22s %8s %8s %8s %8s %8s %8s\n", "root", "", "ru pat", "ru lem", "ru codes", "en pat", "en lem",
	       "en codes");
	for (r = 1; r <= 20; r++) {
		char code[12], cov[2][48];

		snprintf(code, sizeof code, "%02d", r);
		for (l = 0; l < 2; l++)
			snprintf(cov[l], sizeof cov[l], "%zu/%zu", t[r][l].codes.n, ncodes_root[r]);
		printf("%-4s %-22s %8zu %8zu %8s %8zu %8zu %8s\n", code, root_names[r], t[r][0].pats, t[r][0].phrases.n,
		       cov[0], t[r][1].pats, t[r][1].phrases.n, cov[1]);
	}
	{
		char cov[2][24];
		for (l = 0; l < 2; l++)
			snprintf(cov[l], sizeof cov[l], "%zu/%zu", tot_codes[l], ncb);
		printf("%-4s %-22s %8zu %8zu %8s %8zu %8zu %8s\n", "all", "", tot_pats[0], all[0].n, cov[0],
		       tot_pats[1], all[1].n, cov[1]);
	}
	printf("\nspeech patterns: ru %zu, en %zu; non-event patterns: ru %zu, en %zu", other[0][0], other[0][1],
	       other[1][0], other[1][1]);
	if (skipped)
		printf("; %zu others (no letters of either script, or a code outside 01-20)", skipped);
	printf("\nlem: distinct lemmas or phrases (a pattern's words without its slots, counted once per language)\n");
	for (l = 0; missing && l < 2; l++) {
		size_t nmiss = 0;
		printf("\n%s: codes without a pattern:", lang_names[l]);
		for (i = 0; i < ncb; i++) {
			if (strset_find(&codes[l], cb_all[i].code, strlen(cb_all[i].code)) == SIZE_MAX) {
				printf(" %s", cb_all[i].code);
				nmiss++;
			}
		}
		printf("%s (%zu)\n", nmiss ? "" : " none", nmiss);
	}
	for (r = 0; r <= 20; r++)
		for (l = 0; l < 2; l++) {
			strset_free(&t[r][l].phrases);
			strset_free(&t[r][l].codes);
		}
	for (l = 0; l < 2; l++) {
		strset_free(&all[l]);
		strset_free(&codes[l]);
	}
	dyad_buf_free(&b);
	dyad_codebook_free(cb);
	dyad_patterns_free(pats);
	return 0;
}

/* Why events were set aside, as `dyad explain` words it, by the beginning of the reason. */
static const char *const reasons[] = { "repeats", "no source",    "no speaker",  "no target", "the same actor",
				       "negated", "hypothetical", "a statement", "a phrase" };
#define NREASONS (sizeof reasons / sizeof *reasons)
static const char *const reason_names[NREASONS + 1] = { "repeat",       "no source", "no speaker",   "no target",
							"same actor",   "negated",   "hypothetical", "statement",
							"not an event", "other" };

/* --fires: per pattern, the events it made (kept) and those set aside, by reason. */
typedef struct {
	const dyad_patterns *pats;
	size_t *kept, *aside;
	size_t (*why)[NREASONS + 1];
	size_t docs, unknown;
} fires;

static size_t reason_of(const char *why)
{
	size_t r;

	for (r = 0; r < NREASONS; r++)
		if (strncmp(why, reasons[r], strlen(reasons[r])) == 0)
			return r;
	return NREASONS;
}

static void count_doc(void *ctx, const dyad_document *d)
{
	fires *f = ctx;
	size_t k;

	f->docs++;
	for (k = 0; k < d->nevents_all; k++) {
		size_t i = dyad_patterns_find_rule(f->pats, d->events[k].rule);
		if (i == SIZE_MAX)
			f->unknown++;
		else if (k < d->nevents)
			f->kept[i]++;
		else {
			f->aside[i]++;
			f->why[i][reason_of(d->events[k].why ? d->events[k].why : "")]++;
		}
	}
}

static fires *sort_ctx;

static int by_fires(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	size_t fx = sort_ctx->kept[x] + sort_ctx->aside[x], fy = sort_ctx->kept[y] + sort_ctx->aside[y];

	if (fx != fy)
		return fx > fy ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void print_pattern(const dyad_pattern_info *pi, const size_t *why)
{
	size_t r;
	int first = 1;

	printf("%s:%zu  %-4s %.*s", pi->file, pi->line, pi->cameo, (int)pi->text.n, pi->text.p);
	for (r = 0; why && r <= NREASONS; r++)
		if (why[r]) {
			printf("%s%s %zu", first ? "  [aside: " : ", ", reason_names[r], why[r]);
			first = 0;
		}
	printf("%s\n", first ? "" : "]");
}

static int run_fires(const dyad_cmd *cmd, const dyad_cli_args *a, const char *events_dir, int want_lang)
{
	dyad_buf b = DYAD_BUF_INIT;
	size_t i, n, *order, nfired = 0, nnever = 0, nlisted = 0;
	const dyad_patterns *pats;
	dyad_cli_input in;
	dyad_pipeline *p;
	fires f;
	int rc;

	if ((rc = dyad_cli_input_parse(cmd, a, &in)) != 0)
		return rc;
	if (a->npos == 0)
		return dyad_cli_usage_error(cmd, "--fires needs the page(s) to code");
	in.po.events_dir = events_dir;
	if ((rc = dyad_cli_pipeline_open(&p, &in, DYAD_PIPE_EVENTS | DYAD_PIPE_EXPLAIN)) != 0)
		return rc;
	pats = dyad_pipeline_patterns(p);
	memset(&f, 0, sizeof f);
	f.pats = pats;
	n = dyad_patterns_total(pats);
	f.kept = dyad_xcalloc(n + 1, sizeof *f.kept);
	f.aside = dyad_xcalloc(n + 1, sizeof *f.aside);
	f.why = dyad_xcalloc(n + 1, sizeof *f.why);
	rc = dyad_cli_pipeline_run(p, &in, count_doc, &f);
	order = dyad_xcalloc(n + 1, sizeof *order);
	for (i = 0; i < n; i++) {
		dyad_pattern_info pi;
		dyad_patterns_info(pats, i, &pi);
		if (strcmp(pi.kind, "event") != 0)
			continue;
		if (want_lang != LANG_NONE && pattern_phrase(pi.text, &b) != want_lang)
			continue;
		order[nlisted++] = i;
		if (f.kept[i] + f.aside[i])
			nfired++;
		else
			nnever++;
	}
	sort_ctx = &f;
	qsort(order, nlisted, sizeof *order, by_fires);
	printf("%zu documents coded; %zu of %zu event patterns fired\n\n", f.docs, nfired, nlisted);
	printf("%6s %6s  %s\n", "kept", "aside", "pattern");
	for (i = 0; i < nlisted && f.kept[order[i]] + f.aside[order[i]]; i++) {
		dyad_pattern_info pi;
		dyad_patterns_info(pats, order[i], &pi);
		printf("%6zu %6zu  ", f.kept[order[i]], f.aside[order[i]]);
		print_pattern(&pi, f.why[order[i]]);
	}
	printf("\nnever fired (%zu):\n", nnever);
	for (; i < nlisted; i++) {
		dyad_pattern_info pi;
		dyad_patterns_info(pats, order[i], &pi);
		printf("  ");
		print_pattern(&pi, NULL);
	}
	free(order);
	free(f.kept);
	free(f.aside);
	free(f.why);
	dyad_buf_free(&b);
	dyad_pipeline_close(p);
	return rc;
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	const char *events_dir = dyad_cli_get(cmd, a, "events"), *lang = dyad_cli_get(cmd, a, "lang");
	int stats = dyad_cli_has(cmd, a, "stats"), fire = dyad_cli_has(cmd, a, "fires"), want_lang = LANG_NONE;

	if (stats == fire)
		return dyad_cli_usage_error(cmd, "give one of --stats and --fires");
	if (fire && dyad_cli_has(cmd, a, "missing"))
		return dyad_cli_usage_error(cmd, "--missing goes with --stats");
	if (lang) {
		if (strcmp(lang, lang_names[LANG_RU]) == 0)
			want_lang = LANG_RU;
		else if (strcmp(lang, lang_names[LANG_EN]) == 0)
			want_lang = LANG_EN;
		else
			return dyad_cli_usage_error(cmd, "unknown language '%s' (expected ru or en)", lang);
	}
	if (stats) {
		if (a->npos)
			return dyad_cli_usage_error(cmd, "unexpected argument '%s' (--stats reads no pages)", a->pos[0]);
		return run_stats(events_dir, dyad_cli_get(cmd, a, "data"), dyad_cli_has(cmd, a, "missing"));
	}
	return run_fires(cmd, a, events_dir, want_lang);
}

const dyad_cmd dyad_cmd_lexicon = {
	"lexicon",
	46,
	"count the event patterns and how often each fires",
	"--stats | --fires [options] FILE...",
	"--stats counts the event patterns of data/events/ per CAMEO root (01-20) and language (told\n"
	"by the script of the pattern's words): patterns, distinct lemmas or phrases (a pattern's words\n"
	"without its slots; each counted once per language) and the CAMEO codes covered out of the\n"
	"codebook's, with totals; --missing lists the codes without a pattern. --fires codes the pages named as `dyad "
	"code` does and lists each\n"
	"event pattern (file:line, code, pattern) with the events it made and those set aside (and\n"
	"why: a repeat, no source, no target, negated...), most used first, then the patterns that\n"
	"never fired.",
	opts,
	run,
};
