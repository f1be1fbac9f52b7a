/*
 * fuzz_coder.c — a page in, events out, through the library's pipeline
 * (dyad/pipeline.h) with the shipped dictionaries, loaded once (data/ from
 * the repository's root, or $DYAD_DATA): any bytes as a text in memory
 * (repaired to valid UTF-8 as the reader does), cleaned as a page or, by the
 * first byte, taken as article text already, then sentences, actors and
 * events, with the events set aside too. Every span must lie in the body.
 */
#include "dyad/pipeline.h"
#include "pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_pipeline *open_pipeline(unsigned flags)
{
	const char *dir = getenv("DYAD_DATA");
	dyad_pipeline_opts o = DYAD_PIPELINE_OPTS_INIT;
	dyad_pipeline *p;
	dyad_errbuf e;

	o.datadir = dir && *dir ? dir : "data";
	o.flags = DYAD_PIPE_EVENTS | DYAD_PIPE_EXPLAIN | flags;
	o.default_day = 20240506;
	o.warn = fuzz_quiet;
	if (dyad_pipeline_open(&p, &o, &e) < 0)
		fuzz_die("the pipeline", &e);
	return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_pipeline *page, *raw;
	const dyad_document *d;
	dyad_errbuf e;
	size_t i;

	if (page == NULL) {
		page = open_pipeline(0);
		raw = open_pipeline(DYAD_PIPE_RAW);
	}
	if (dyad_pipeline_text(size && data[0] % 2 ? page : raw, "fuzz", size ? (const char *)data + 1 : "",
			       size ? size - 1 : 0, &d, &e) < 0)
		abort();
	if (d->nevents > d->nevents_all || (d->nsent && d->sent_bytes[d->nsent - 1].end > d->doc.body.n))
		abort();
	for (i = 0; i < d->nmentions; i++)
		fuzz_in_text(d->mentions[i].span, d->doc.body);
	for (i = 0; i < d->nevents_all; i++) {
		fuzz_in_text(d->events[i].evidence, d->doc.body);
		fuzz_side(&d->events[i].source);
		fuzz_side(&d->events[i].target);
		if (memchr(d->events[i].cameo, '\0', sizeof d->events[i].cameo) == NULL)
			abort();
	}
	return 0;
}
