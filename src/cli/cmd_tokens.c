/*
 * cmd_tokens.c — `dyad tokens`: what the text core makes of a text, so a
 * person can see it: its language, its sentences and each sentence's tokens
 * with byte spans, kinds and flags, and with --morph each word's analyses.
 * TSV by default, JSON Lines with --json.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "dyad/morph.h"
#include "dyad/text.h"
#include "dyad/utf8.h"

static const dyad_cli_opt opts[] = {
	{ "json", 'j', NULL, "write JSON Lines: one object per sentence with its tokens" },
	{ "sentences", 's', NULL, "write only the sentences, one per line" },
	{ "morph", 'm', NULL, "give each word its lemma, UD part of speech and features (all readings with --json)" },
	{ "data", 0, "DIR", "with --morph: read az's Russian dictionary from DIR (default: see dyad(1))" },
	{ NULL, 0, NULL, NULL },
};

static const struct {
	unsigned flag;
	const char *name;
} flag_names[] = {
	{ DYAD_TOKF_CYRILLIC, "cyrillic" }, { DYAD_TOKF_LATIN, "latin" },     { DYAD_TOKF_HYPHEN, "hyphen" },
	{ DYAD_TOKF_INITIALS, "initials" }, { DYAD_TOKF_CAPITAL, "capital" }, { DYAD_TOKF_UPPER, "upper" },
	{ DYAD_TOKF_ABBREV, "abbrev" },     { DYAD_TOKF_DIGITS, "digits" },   { DYAD_TOKF_OPEN, "open" },
	{ DYAD_TOKF_CLOSE, "close" },
};

static void flags_text(dyad_buf *b, unsigned f)
{
	size_t i;
	int any = 0;

	for (i = 0; i < sizeof flag_names / sizeof *flag_names; i++)
		if (f & flag_names[i].flag) {
			dyad_buf_printf(b, "%s%s", any ? "," : "", flag_names[i].name);
			any = 1;
		}
	if (!any)
		dyad_buf_putc(b, '-');
}

/* A token's text for TSV: tabs and newlines shown as spaces. */
static void tsv_text(dyad_buf *b, dyad_str s)
{
	size_t i;

	for (i = 0; i < s.n; i++)
		dyad_buf_putc(b, s.p[i] == '\t' || s.p[i] == '\n' ? ' ' : s.p[i]);
}

/* One reading as JSON members: "lemma":…,"upos":…,"feats":… */
static void json_analysis(dyad_buf *out, const dyad_analysis *an)
{
	dyad_buf_puts(out, "\"lemma\":");
	dyad_buf_json_str(out, an->lemma);
	dyad_buf_printf(out, ",\"upos\":\"%s\",\"feats\":\"", dyad_upos_name(an->upos));
	dyad_feats_format(out, an->feats);
	dyad_buf_putc(out, '"');
}

/* One word's readings for --morph: az's list, and the list the reading is chosen from. */
typedef struct {
	dyad_analysis *an; /* the dictionary's order, best first */
	size_t n;
} readings;

/*
 * The readings of a sentence's tokens t[0..n) into r and w: a Cyrillic word
 * is Russian, other words take the text's language (English when it has
 * none). A capitalised word after the sentence's first chooses among its
 * DYAD_MORPH_MIDCAP readings (proper nouns first); then the sentence's
 * context (dyad_morph_disambiguate) picks each word's reading.
 */
static void sentence_morph(const dyad_morph *m, dyad_arena *a, dyad_lang lang, dyad_str t, const dyad_token *tok,
			   size_t n, readings *r, dyad_morph_word *w)
{
	size_t i;
	int first_word = 1;

	for (i = 0; i < n; i++) {
		dyad_str word = { t.p + tok[i].span.start, tok[i].span.end - tok[i].span.start };
		dyad_lang l = tok[i].flags & DYAD_TOKF_CYRILLIC              ? DYAD_LANG_RU
			      : lang == DYAD_LANG_RU || lang == DYAD_LANG_EN ? lang
									     : DYAD_LANG_EN;
		dyad_analysis *chosen;
		r[i].n = 0;
		r[i].an = NULL;
		w[i] = (dyad_morph_word){ NULL, 0, 0 };
		if (tok[i].kind != DYAD_TOK_WORD)
			continue;
		r[i].n = dyad_morph_analyze(m, a, l, word, 0, &r[i].an);
		w[i].an = r[i].an;
		w[i].n = r[i].n;
		if (r[i].n && (tok[i].flags & DYAD_TOKF_CAPITAL) && !first_word) {
			w[i].n = dyad_morph_analyze(m, a, l, word, DYAD_MORPH_MIDCAP, &chosen);
			w[i].an = chosen;
		}
		first_word = 0;
	}
	dyad_morph_disambiguate(lang == DYAD_LANG_EN ? DYAD_LANG_EN : DYAD_LANG_RU, w, n);
}

/*
 * A word's readings: in TSV the chosen one as three more columns (lemma, UPOS,
 * features); in JSON the chosen one's members and "analyses", all of them in
 * the dictionary's order, best first.
 */
static void write_morph(dyad_buf *out, const readings *r, const dyad_morph_word *w, int json)
{
	const dyad_analysis *chosen = w->n ? &w->an[w->best] : NULL;
	size_t i;

	if (!json) {
		if (chosen) {
			dyad_buf_putc(out, '\t');
			tsv_text(out, chosen->lemma);
			dyad_buf_printf(out, "\t%s\t", dyad_upos_name(chosen->upos));
			dyad_feats_format(out, chosen->feats);
		} else
			dyad_buf_puts(out, "\t-\t-\t-");
		return;
	}
	if (!chosen)
		return;
	dyad_buf_putc(out, ',');
	json_analysis(out, chosen);
	dyad_buf_puts(out, ",\"analyses\":[");
	for (i = 0; i < r->n; i++) {
		dyad_buf_puts(out, i ? ",{" : "{");
		json_analysis(out, &r->an[i]);
		dyad_buf_printf(out, ",\"score\":%.6g}", (double)r->an[i].score);
	}
	dyad_buf_putc(out, ']');
}

static void write_text(dyad_buf *out, dyad_str t, dyad_langid *lid, const dyad_morph *m, int json, int only_sentences)
{
	dyad_arena *a = dyad_arena_new();
	dyad_token *toks;
	dyad_span *sents;
	size_t nt = dyad_tokenize(a, t, &toks), ns = dyad_sent_split(a, t, &sents), s, k = 0;
	dyad_lang lang = (!json && !only_sentences) || m ? dyad_langid_detect(lid, t) : DYAD_LANG_OTHER;

	if (!json && !only_sentences)
		dyad_buf_printf(out, "L\t%s\n", dyad_lang_code(lang));
	for (s = 0; s < ns; s++) {
		dyad_str st = { t.p + sents[s].start, sents[s].end - sents[s].start };
		readings *r = NULL;
		dyad_morph_word *mw = NULL;
		size_t k0;
		int first = 1;

		if (only_sentences) {
			tsv_text(out, st);
			dyad_buf_putc(out, '\n');
			continue;
		}
		if (json) {
			dyad_buf_printf(out, "{\"sentence\":%zu,\"start\":%zu,\"end\":%zu,\"text\":", s + 1,
					sents[s].start, sents[s].end);
			dyad_buf_json_str(out, st);
			dyad_buf_puts(out, ",\"tokens\":[");
		} else {
			dyad_buf_printf(out, "S\t%zu\t%zu\t%zu\t", s + 1, sents[s].start, sents[s].end);
			tsv_text(out, st);
			dyad_buf_putc(out, '\n');
		}
		while (k < nt && toks[k].span.start < sents[s].start)
			k++;
		if (m) {
			size_t e = k;
			while (e < nt && toks[e].span.end <= sents[s].end)
				e++;
			r = DYAD_ARENA_NEW(a, readings, e - k + 1);
			mw = DYAD_ARENA_NEW(a, dyad_morph_word, e - k + 1);
			sentence_morph(m, a, lang, t, toks + k, e - k, r, mw);
		}
		for (k0 = k; k < nt && toks[k].span.end <= sents[s].end; k++) {
			dyad_str w = { t.p + toks[k].span.start, toks[k].span.end - toks[k].span.start };
			if (json) {
				dyad_buf_printf(out, "%s{\"start\":%zu,\"end\":%zu,\"kind\":\"%s\",\"flags\":\"",
						first ? "" : ",", toks[k].span.start, toks[k].span.end,
						dyad_tok_kind_name(toks[k].kind));
				flags_text(out, toks[k].flags);
				dyad_buf_puts(out, "\",\"text\":");
				dyad_buf_json_str(out, w);
				if (m)
					write_morph(out, &r[k - k0], &mw[k - k0], json);
				dyad_buf_putc(out, '}');
			} else {
				dyad_buf_printf(out, "T\t%zu\t%zu\t%s\t", toks[k].span.start, toks[k].span.end,
						dyad_tok_kind_name(toks[k].kind));
				flags_text(out, toks[k].flags);
				dyad_buf_putc(out, '\t');
				tsv_text(out, w);
				if (m)
					write_morph(out, &r[k - k0], &mw[k - k0], json);
				dyad_buf_putc(out, '\n');
			}
			first = 0;
		}
		if (json)
			dyad_buf_puts(out, "]}\n");
	}
	dyad_arena_free(a);
}

static int run(const dyad_cmd *cmd, const dyad_cli_args *a)
{
	static char *stdin_only[] = { "-" };
	char **paths = a->npos ? a->pos : stdin_only;
	int n = a->npos ? a->npos : 1, i, rc = DYAD_EXIT_OK;
	int json = dyad_cli_has(cmd, a, "json"), only = dyad_cli_has(cmd, a, "sentences");
	dyad_buf raw = DYAD_BUF_INIT, fixed = DYAD_BUF_INIT, text = DYAD_BUF_INIT, out = DYAD_BUF_INIT;
	dyad_langid *lid;
	dyad_morph *m = NULL;
	dyad_errbuf e;

	if (json && only)
		return dyad_cli_usage_error(cmd, "--json and --sentences do not go together");
	if (dyad_cli_has(cmd, a, "morph") && only)
		return dyad_cli_usage_error(cmd, "--morph and --sentences do not go together");
	if (dyad_cli_has(cmd, a, "data") && !dyad_cli_has(cmd, a, "morph"))
		return dyad_cli_usage_error(cmd, "--data names the morphology dictionary: it needs --morph");
	if (dyad_cli_has(cmd, a, "morph") && dyad_morph_open(&m, dyad_cli_get(cmd, a, "data"), &e) < 0) {
		fprintf(stderr, "dyad: cannot load the morphology dictionaries: %s\n", e.msg);
		return DYAD_EXIT_FATAL;
	}
	if ((lid = dyad_langid_new(&e)) == NULL) {
		fprintf(stderr, "dyad: cannot load the language models: %s\n", e.msg);
		dyad_morph_free(m);
		return DYAD_EXIT_FATAL;
	}
	for (i = 0; i < n; i++) {
		size_t bad;

		dyad_buf_clear(&raw);
		if (dyad_read_file(&raw, paths[i], 256u << 20, &e) < 0) {
			fprintf(stderr, "dyad: %s\n", e.msg);
			rc = DYAD_EXIT_INPUT;
			continue;
		}
		dyad_buf_clear(&fixed);
		dyad_buf_clear(&text);
		bad = dyad_utf8_repair(&fixed, (dyad_str){ raw.p ? raw.p : "", raw.n });
		if (bad)
			fprintf(stderr, "dyad: %s: %zu invalid UTF-8 sequences replaced\n", paths[i], bad);
		dyad_utf8_nfc(&text, (dyad_str){ fixed.p ? fixed.p : "", fixed.n });
		dyad_buf_clear(&out);
		if (n > 1 && !json)
			dyad_buf_printf(&out, "F\t%s\n", paths[i]);
		write_text(&out, (dyad_str){ text.p ? text.p : "", text.n }, lid, m, json, only);
		fwrite(out.p, 1, out.n, stdout);
	}
	dyad_langid_free(lid);
	dyad_morph_free(m);
	dyad_buf_free(&raw);
	dyad_buf_free(&fixed);
	dyad_buf_free(&text);
	dyad_buf_free(&out);
	return rc;
}

const dyad_cmd dyad_cmd_tokens = {
	"tokens",
	10,
	"show the language, sentences and tokens of a text",
	"[options] [FILE|-]...",
	"Prints what dyad's text core makes of each text (standard input without files): a line\n"
	"L<TAB>language, then per sentence S<TAB>n<TAB>start<TAB>end<TAB>text and its tokens as\n"
	"T<TAB>start<TAB>end<TAB>kind<TAB>flags<TAB>text. Offsets are bytes of the text after UTF-8\n"
	"repair and NFC. Kinds: word, number, date, time, url, email, currency, percent, quote, dash,\n"
	"punct, symbol. With several files each begins with F<TAB>path. With --morph each token line\n"
	"ends in the word's lemma, UD part of speech and UD features (- for tokens that are not words);\n"
	"with --json each word gets \"lemma\", \"upos\", \"feats\" and \"analyses\" (every reading,\n"
	"best first, with its \"score\").",
	opts,
	run,
};
