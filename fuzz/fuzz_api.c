/*
 * fuzz_api.c — the JSON API on any request: the input is a path, then
 * parameters one per line as name=value (bytes as they come, as
 * libmicrohttpd would hand them over after decoding). Every request must be
 * answered with a status from the API's list and a body that is valid JSON.
 * The store is a small one made once in a temporary file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad/json.h"
#include "dyad/serve.h"
#include "dyad/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_store *store;
static char store_path[] = "/tmp/dyad-fuzz-api-XXXXXX";

/* The store lives for the whole run; at exit it is closed (leak checkers stay quiet) and removed. */
static void close_store(void)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char p[64];
	size_t i;

	dyad_store_close(store);
	store = NULL;
	for (i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		snprintf(p, sizeof p, "%s%s", store_path, suffixes[i]);
		unlink(p);
	}
}

static void put_name(dyad_store *s, const char *name, const char *kind, const char *code, const char *person)
{
	dyad_buf f = DYAD_BUF_INIT;

	dyad_fold_buf(&f, dyad_str_c(name));
	dyad_buf_putc(&f, '\0');
	dyad_store_put_actor_name(s, name, f.p, kind, code, person);
	dyad_buf_free(&f);
}

static dyad_store *make_store(void)
{
	static const char body[] = "Токаев встретился с Лукашенко в Минске. Tokayev met Lukashenko in Minsk.";
	char *path = store_path;
	dyad_store_doc d;
	dyad_store_event ev;
	dyad_store *s;
	dyad_errbuf e;
	int64_t row;
	int fd = mkstemp(path);

	if (fd < 0)
		abort();
	close(fd);
	unlink(path);
	if (dyad_store_open(&s, path, DYAD_STORE_CREATE, 0, &e) < 0)
		abort();
	dyad_store_begin(s);
	memset(&d, 0, sizeof d);
	d.id = 0x1234;
	d.content_hash = 0x99;
	d.body = dyad_str_c(body);
	d.title = "Токаев и Лукашенко";
	d.date = "2024-11-04";
	d.outlet = "BelTA";
	d.version = "fuzz";
	d.furniture = "[\"Курсы валют\"]";
	if (dyad_store_put_doc(s, &d, &row) < 0)
		abort();
	dyad_store_put_sentence(s, row, 0, 0, 39, dyad_str_c("Токаев встретился с Лукашенко в Минске."));
	memset(&ev, 0, sizeof ev);
	ev.source = (dyad_store_actor){ "KAZGOV", "KAZ", NULL, "GOV", "Касым-Жомарт Токаев", "Токаев" };
	ev.target = (dyad_store_actor){ "BLRGOV", "BLR", NULL, "GOV", "Александр Лукашенко", "Лукашенко" };
	ev.cameo = "040";
	ev.type = "CONSULT";
	ev.modality = "done";
	ev.date = "2024-11-04";
	ev.quad = 1;
	ev.goldstein = 1.0;
	ev.end = 39;
	ev.evidence = dyad_str_c("Токаев встретился с Лукашенко в Минске.");
	dyad_store_put_event(s, row, &ev);
	dyad_store_put_actor(s, "KAZ", "country", "Kazakhstan", "Казахстан");
	dyad_store_put_actor(s, "BLR", "country", "Belarus", "Беларусь");
	put_name(s, "Белоруссия", "country", "BLR", NULL);
	put_name(s, "Tokayev", "person", NULL, "Касым-Жомарт Токаев");
	dyad_store_commit(s);
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_param params[DYAD_API_MAX_PARAMS + 4];
	dyad_reply r = { 0, NULL, DYAD_BUF_INIT };
	char *text, *line, *next, *path;
	size_t n = 0;
	dyad_arena *a;
	dyad_json *v;
	dyad_errbuf e;

	if (store == NULL) {
		store = make_store();
		atexit(close_store);
	}
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	path = text;
	/* lines end at '\n' (or the end); after the first, each is name=value */
	for (line = text;
	     (next = memchr(line, '\n', (size_t)(text + size - line))) != NULL && n < DYAD_API_MAX_PARAMS + 4;) {
		char *eq;
		*next = '\0';
		line = next + 1;
		eq = strchr(line, '=');
		params[n].name = line;
		params[n].value = NULL;
		if (eq && (next = memchr(line, '\n', (size_t)(text + size - line))) != NULL && eq > next)
			eq = NULL;
		if (eq) {
			*eq = '\0';
			params[n].value = eq + 1;
		}
		n++;
	}
	dyad_api_answer(store, NULL, path, params, n, &r);
	if (r.status < 200 || r.status > 599)
		abort();
	a = dyad_arena_new();
	if (dyad_json_parse(a, (dyad_str){ r.body.p ? r.body.p : "", r.body.n }, &v, &e) != 0) {
		fprintf(stderr, "not JSON: %.*s\n%s\n", (int)r.body.n, r.body.p, e.msg);
		abort();
	}
	dyad_arena_free(a);
	dyad_buf_free(&r.body);
	free(text);
	return 0;
}
