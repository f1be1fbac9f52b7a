/*
 * stream.c — a pipeline over files (dyad_pipeline_read/next): pages from the
 * reader, one at a time on the caller's thread, or spread over worker
 * threads. Then the caller's thread reads pages into a ring of slots (a page
 * copied into the slot, a handle of the slot's own to make the document),
 * workers take the oldest slot waiting, and the caller takes the slots back
 * in input order: the output is the same whatever the number of threads, and
 * no more than the ring's pages are in memory at once.
 */
#include "pipeline/internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SLOT_FREE = 0, SLOT_TODO, SLOT_BUSY, SLOT_DONE };

/* Page text read ahead of the caller at most (beyond the one page that always may be): long pages fill fewer slots. */
#define AHEAD_BYTES ((size_t)64 << 20)

typedef struct {
	int state;
	int rc; /* < 0: the reader's error for this place in the input (msg) */
	char msg[512];
	dyad_errbuf err;
	dyad_pipeline *h; /* makes this slot's document; its arena holds it */
	dyad_arena *copy; /* the page's strings */
	dyad_page page;
	size_t bytes; /* the page's text, counted in the stream's `ahead` */
	const dyad_document *doc;
} slot;

struct pipe_stream {
	dyad_reader *r;
	int eof;
	/* with threads */
	int nthreads;
	size_t nslots;
	slot *slots;
	size_t head, tail; /* slots handed out so far, slots filled so far (head <= tail <= head + nslots) */
	size_t ahead;      /* bytes of page text in the slots head..tail */
	int handed;        /* the caller holds slot head - 1 */
	int stop;
	pthread_t *threads;
	pthread_mutex_t mu;
	pthread_cond_t work, done;
};

static void *worker(void *arg)
{
	struct pipe_stream *s = arg;

	pthread_mutex_lock(&s->mu);
	for (;;) {
		size_t i;
		slot *sl = NULL;

		/* the oldest page waiting, so that the caller, who takes them in order, waits least */
		for (i = s->head; i < s->tail; i++)
			if (s->slots[i % s->nslots].state == SLOT_TODO) {
				sl = &s->slots[i % s->nslots];
				break;
			}
		if (sl == NULL) {
			if (s->stop)
				break;
			pthread_cond_wait(&s->work, &s->mu);
			continue;
		}
		sl->state = SLOT_BUSY;
		pthread_mutex_unlock(&s->mu);
		if (dyad_pipeline_page(sl->h, &sl->page, &sl->doc, &sl->err) < 0) {
			sl->rc = DYAD_EINTERNAL;
			snprintf(sl->msg, sizeof sl->msg, "%s", sl->err.msg);
		}
		pthread_mutex_lock(&s->mu);
		sl->state = SLOT_DONE;
		pthread_cond_broadcast(&s->done);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

static dyad_str copy_str(dyad_arena *a, dyad_str s)
{
	return s.p ? (dyad_str){ dyad_arena_strndup(a, s.p, s.n), s.n } : s;
}

/* The page into the slot: the reader's strings last only until its next page. */
static void copy_page(slot *sl, const dyad_page *pg)
{
	dyad_arena *a = sl->copy;

	dyad_arena_reset(a);
	sl->page = *pg;
	sl->page.path = pg->path ? dyad_arena_strndup(a, pg->path, strlen(pg->path)) : NULL;
	sl->page.record = pg->record ? dyad_arena_strndup(a, pg->record, strlen(pg->record)) : NULL;
	sl->page.text = copy_str(a, pg->text);
	sl->page.url = copy_str(a, pg->url);
	sl->page.title = copy_str(a, pg->title);
	sl->page.h1 = copy_str(a, pg->h1);
	sl->page.site_name = copy_str(a, pg->site_name);
	sl->page.published = copy_str(a, pg->published);
	sl->page.author = copy_str(a, pg->author);
}

/* Fill the free slots from the reader (on the caller's thread: the reader is not shared). */
static void fill(struct pipe_stream *s)
{
	while (!s->eof && s->tail < s->head + s->nslots && (s->tail == s->head || s->ahead < AHEAD_BYTES)) {
		slot *sl = &s->slots[s->tail % s->nslots];
		dyad_page pg;
		int rc = dyad_reader_next(s->r, &pg);

		if (rc == 0) {
			s->eof = 1;
			break;
		}
		sl->bytes = 0;
		if (rc < 0) {
			sl->rc = rc;
			snprintf(sl->msg, sizeof sl->msg, "%s", dyad_reader_errmsg(s->r));
		} else {
			sl->rc = 0;
			copy_page(sl, &pg);
			s->ahead += sl->bytes = pg.text.n;
		}
		pthread_mutex_lock(&s->mu);
		sl->state = rc < 0 ? SLOT_DONE : SLOT_TODO;
		s->tail++;
		pthread_cond_signal(&s->work);
		pthread_mutex_unlock(&s->mu);
	}
}

static int next_threaded(struct pipe_stream *s, const dyad_document **out, dyad_errbuf *e)
{
	slot *sl;

	if (s->handed) {
		/* the caller is done with the last document: its slot takes a new page */
		slot *done = &s->slots[(s->head - 1) % s->nslots];
		s->ahead -= done->bytes;
		pthread_mutex_lock(&s->mu);
		done->state = SLOT_FREE;
		pthread_mutex_unlock(&s->mu);
		s->handed = 0;
	}
	fill(s);
	if (s->head == s->tail)
		return 0;
	sl = &s->slots[s->head % s->nslots];
	pthread_mutex_lock(&s->mu);
	while (sl->state != SLOT_DONE)
		pthread_cond_wait(&s->done, &s->mu);
	s->head++;
	pthread_mutex_unlock(&s->mu);
	s->handed = 1;
	if (sl->rc < 0)
		return dyad_errf(e, sl->rc, "%s", sl->msg);
	*out = sl->doc;
	return 1;
}

int dyad_pipeline_read(dyad_pipeline *p, const char *const *paths, size_t npaths, dyad_format format, int jobs,
		       dyad_errbuf *e)
{
	static const char *const stdin_only[] = { "-" };
	dyad_read_opts ro = DYAD_READ_OPTS_INIT;
	struct pipe_stream *s;
	size_t i;
	int t;

	if (jobs < 1)
		return dyad_errf(e, DYAD_EUSAGE, "%d jobs: a stream wants one or more", jobs);
	pipe_stream_end(p);
	s = p->stream = dyad_xcalloc(1, sizeof *s);
	ro.format = format;
	s->r = npaths ? dyad_reader_new(paths, npaths, &ro) : dyad_reader_new(stdin_only, 1, &ro);
	if (jobs == 1)
		return 0;
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->work, NULL);
	pthread_cond_init(&s->done, NULL);
	s->threads = dyad_xcalloc((size_t)jobs, sizeof *s->threads);
	s->nslots = (size_t)jobs * 4;
	s->slots = dyad_xcalloc(s->nslots, sizeof *s->slots);
	for (i = 0; i < s->nslots; i++) {
		if (dyad_pipeline_clone(&s->slots[i].h, p, e) < 0) {
			pipe_stream_end(p);
			return DYAD_ENOTFOUND;
		}
		s->slots[i].copy = dyad_arena_new();
	}
	for (t = 0; t < jobs; t++, s->nthreads++)
		if (pthread_create(&s->threads[t], NULL, worker, s) != 0) {
			pipe_stream_end(p);
			return dyad_errf(e, DYAD_ELIMIT, "cannot start thread %d of %d", t + 1, jobs);
		}
	return 0;
}

int dyad_pipeline_next(dyad_pipeline *p, const dyad_document **out, dyad_errbuf *e)
{
	struct pipe_stream *s = p->stream;
	dyad_page pg;
	int rc;

	*out = NULL;
	if (s == NULL)
		return dyad_errf(e, DYAD_EUSAGE, "no stream: call dyad_pipeline_read first");
	if (s->slots)
		return next_threaded(s, out, e);
	if (s->eof)
		return 0;
	if ((rc = dyad_reader_next(s->r, &pg)) == 0) {
		s->eof = 1;
		return 0;
	}
	if (rc < 0)
		return dyad_errf(e, rc, "%s", dyad_reader_errmsg(s->r));
	/* the page lives in the reader until the next call, as the document does */
	p->stream_page = pg;
	return dyad_pipeline_page(p, &p->stream_page, out, e) < 0 ? DYAD_EINTERNAL : 1;
}

size_t dyad_pipeline_failures(const dyad_pipeline *p)
{
	return p->stream ? dyad_reader_failures(p->stream->r) : 0;
}

void pipe_stream_end(dyad_pipeline *p)
{
	struct pipe_stream *s = p->stream;
	size_t i;
	int t;

	if (s == NULL)
		return;
	if (s->slots) {
		pthread_mutex_lock(&s->mu);
		s->stop = 1;
		/* pages not started are let go: no thread takes them now */
		for (i = s->head; i < s->tail; i++)
			if (s->slots[i % s->nslots].state == SLOT_TODO)
				s->slots[i % s->nslots].state = SLOT_FREE;
		pthread_cond_broadcast(&s->work);
		pthread_mutex_unlock(&s->mu);
		for (t = 0; t < s->nthreads; t++)
			pthread_join(s->threads[t], NULL);
		for (i = 0; i < s->nslots; i++) {
			dyad_pipeline_close(s->slots[i].h);
			dyad_arena_free(s->slots[i].copy);
		}
		pthread_mutex_destroy(&s->mu);
		pthread_cond_destroy(&s->work);
		pthread_cond_destroy(&s->done);
		free(s->threads);
		free(s->slots);
	}
	dyad_reader_free(s->r);
	free(s);
	p->stream = NULL;
}
