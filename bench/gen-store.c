/*
 * gen-store.c — a large knowledge base for measuring queries: N events in
 * documents of three events each, written through dyad's own store (the
 * same statements, batches and full-text index as `dyad ingest`), with
 * dyads drawn from 60 actors (a few busy, most rare, as in news), dates
 * over 2000–2025, CAMEO codes with their QuadClass and Goldstein score, and
 * one Russian or English sentence per event for the index.
 * usage: gen-store DB EVENTS [SEED]   (EVENTS 0: only migrate an existing store)
 * Prints: events documents seconds events/s
 * A batch is 2000 documents, as `dyad ingest` commits; DYAD_GEN_BATCH=N makes
 * it N and gives the writer a page cache of N/10 MB (at least 64), which a
 * store of millions of events needs: each batch rewrites the index pages its
 * rows fall on, nearly all of them once the indexes are large.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


#include "dyad/query.h"
#include "dyad/store.h"

static const char *const actors[60] = {
	"RUS", "KAZ", "BLR", "CHN", "USA", "UZB", "KGZ", "TJK", "TKM", "AZE", "ARM", "GEO", "UKR", "TUR", "IRN",
	"IND", "PAK", "AFG", "MNG", "DEU", "FRA", "GBR", "ITA", "JPN", "KOR", "PRK", "ISR", "SAU", "ARE", "QAT",
	"EGY", "SYR", "IRQ", "POL", "LTU", "LVA", "EST", "FIN", "SWE", "NOR", "MDA", "ROU", "HUN", "SRB", "BRA",
	"ARG", "ZAF", "NGA", "ETH", "VNM", "THA", "IDN", "MYS", "IGOUNO", "IGOEU", "IGONATO", "IGOSCO", "IGOCIS",
	"IGOCSTO", "IGOEAEU",
};

static const struct {
	const char *cameo, *type, *ru, *en;
	int quad;
	double goldstein;
} codes[] = {
	{ "040", "CONSULT", "провели переговоры", "held talks", 1, 1.0 },
	{ "042", "CONSULT", "совершил визит", "made a visit", 1, 1.9 },
	{ "043", "CONSULT", "принял делегацию", "hosted a delegation", 1, 2.8 },
	{ "036", "CONSULT", "выразил готовность встретиться", "expressed intent to meet", 1, 4.0 },
	{ "051", "SUPPORT", "высоко оценил сотрудничество", "praised cooperation", 1, 3.4 },
	{ "057", "AGREE", "подписали соглашение", "signed an agreement", 1, 8.0 },
	{ "061", "COOPERATE", "расширяют торговлю", "expanded trade", 2, 6.4 },
	{ "073", "AID", "направил гуманитарную помощь", "sent humanitarian aid", 2, 7.4 },
	{ "112", "ACCUSE", "обвинил", "accused", 3, -2.0 },
	{ "130", "THREATEN", "пригрозил", "threatened", 3, -4.4 },
	{ "111", "REJECT", "раскритиковал", "criticised", 3, -2.0 },
	{ "163", "SANCTION", "ввел санкции против", "imposed sanctions on", 4, -8.0 },
	{ "166", "SANCTION", "выслал дипломатов", "expelled diplomats of", 4, -7.0 },
	{ "190", "ASSAULT", "нанес удар по", "struck", 4, -10.0 },
};

static unsigned long long rng = 88172645463325252ULL;

static unsigned long long next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Busy actors come up far more often: the square of a uniform draw leans to the start of the list. */
static size_t pick_actor(void)
{
	double u = (double)(next() % 1000000) / 1000000.0;
	return (size_t)(u * u * 60.0) % 60;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	long n, done = 0, docs = 0, batch = getenv("DYAD_GEN_BATCH") ? atol(getenv("DYAD_GEN_BATCH")) : 2000;
	dyad_store *s;
	dyad_errbuf e;
	double t0;
	char body[2048], date[16], title[128];

	if (argc < 3 || (n = atol(argv[2])) < 0) {
		fprintf(stderr, "usage: gen-store DB EVENTS [SEED]   (EVENTS 0: bring an existing store's schema up to date)\n");
		return 2;
	}
	if (n == 0) {
		if (dyad_store_open(&s, argv[1], 0, 5000, &e) < 0) {
			fprintf(stderr, "gen-store: %s\n", e.msg);
			return 1;
		}
		dyad_store_close(s);
		return 0;
	}
	if (argc > 3)
		rng ^= (unsigned long long)atoll(argv[3]) * 0x9E3779B97F4A7C15ULL;
	remove(argv[1]);
	if (dyad_store_open(&s, argv[1], DYAD_STORE_CREATE, 0, &e) < 0) {
		fprintf(stderr, "gen-store: %s\n", e.msg);
		return 1;
	}
	if (batch < 1)
		batch = 2000;
	if (batch > 2000) {
		char q[64];
		snprintf(q, sizeof q, "PRAGMA cache_size = -%ld", (batch / 10 > 64 ? batch / 10 : 64) * 1024);
		dyad_table t;
		if (dyad_query_sql(s, q, &t, &e) == 0)
			dyad_table_free(&t);
	}
	t0 = now();
	if (dyad_store_begin(s) < 0)
		goto fail;
	for (docs = 0; docs < 60; docs++)
		if (dyad_store_put_actor(s, actors[docs], strncmp(actors[docs], "IGO", 3) ? "country" : "igo", NULL, NULL) < 0)
			goto fail;
	docs = 0;
	if (dyad_store_commit(s) < 0)
		goto fail;
	while (done < n) {
		dyad_store_doc d;
		int64_t row;
		size_t k, len = 0, starts[3], ends[3], nev = (size_t)(n - done < 3 ? n - done : 3);
		int ru = next() % 2 == 0;
		size_t evc[3], src[3], tgt[3];

		if (docs % batch == 0 && dyad_store_begin(s) < 0)
			goto fail;
		snprintf(date, sizeof date, "%04d-%02d-%02d", 2000 + (int)(next() % 26), 1 + (int)(next() % 12),
			 1 + (int)(next() % 28));
		for (k = 0; k < nev; k++) {
			evc[k] = next() % (sizeof codes / sizeof *codes);
			src[k] = pick_actor();
			do
				tgt[k] = pick_actor();
			while (tgt[k] == src[k]);
			starts[k] = len; /* bodies are ASCII here, so bytes are code points */
			len += (size_t)snprintf(body + len, sizeof body - len, "%s %s %s %s. ", actors[src[k]],
						ru ? codes[evc[k]].ru : codes[evc[k]].en, actors[tgt[k]],
						ru ? "в рамках визита" : "during the visit");
			ends[k] = len - 1;
		}
		snprintf(title, sizeof title, "%s and %s, report %ld", actors[src[0]], actors[tgt[0]], docs);
		memset(&d, 0, sizeof d);
		d.id = (uint64_t)docs * 0x9E3779B97F4A7C15ULL + 1;
		d.content_hash = d.id ^ 0xABCDEF;
		d.simhash = next();
		d.body = (dyad_str){ body, len };
		d.title = title;
		d.date = date;
		d.outlet = ru ? "ТАСС" : "Xinhua";
		d.language = ru ? "ru" : "en";
		d.version = "bench";
		if (dyad_store_put_doc(s, &d, &row) < 0)
			goto fail;
		for (k = 0; k < nev; k++) {
			dyad_store_event ev;
			if (dyad_store_put_sentence(s, row, k, starts[k], ends[k],
						    (dyad_str){ body + starts[k], ends[k] - starts[k] }) < 0)
				goto fail;
			memset(&ev, 0, sizeof ev);
			ev.n = k;
			ev.source = (dyad_store_actor){ actors[src[k]], strncmp(actors[src[k]], "IGO", 3) ? actors[src[k]] : NULL,
							strncmp(actors[src[k]], "IGO", 3) ? NULL : actors[src[k]], NULL, NULL, NULL };
			ev.target = (dyad_store_actor){ actors[tgt[k]], strncmp(actors[tgt[k]], "IGO", 3) ? actors[tgt[k]] : NULL,
							strncmp(actors[tgt[k]], "IGO", 3) ? NULL : actors[tgt[k]], NULL, NULL, NULL };
			ev.cameo = codes[evc[k]].cameo;
			ev.type = codes[evc[k]].type;
			ev.quad = codes[evc[k]].quad;
			ev.goldstein = codes[evc[k]].goldstein;
			ev.modality = "done";
			ev.date = date;
			ev.sentence = k;
			ev.start = starts[k];
			ev.end = ends[k];
			ev.evidence = (dyad_str){ body + starts[k], ends[k] - starts[k] };
			if (dyad_store_put_event(s, row, &ev) < 0)
				goto fail;
		}
		done += (long)nev;
		docs++;
		if (docs % batch == 0 && dyad_store_commit(s) < 0)
			goto fail;
	}
	if (docs % batch != 0 && dyad_store_commit(s) < 0)
		goto fail;
	{
		double t = now() - t0;
		printf("%ld %ld %.2f %.0f\n", done, docs, t, (double)done / t);
	}
	dyad_store_close(s);
	return 0;
fail:
	fprintf(stderr, "gen-store: %s\n", dyad_store_errmsg(s));
	dyad_store_close(s);
	return 1;
}
