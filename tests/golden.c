/*
 * golden.c — runs dyad's golden tests: readable files of examples, each an
 * input, a line with ".", and the output `dyad` must print for it.
 *
 *   %% cmd: tokens --json        the dyad arguments for the examples that follow
 *   === a title [exit=1] [escape]
 *   input lines
 *   .
 *   expected stdout lines
 *   .stderr
 *   expected stderr lines (optional section)
 *
 * [escape] decodes \xNN, \n, \t, \r and \\ in the input, for bytes a text file
 * cannot hold (invalid UTF-8). The input is fed on stdin with a final newline
 * unless the title carries [no-newline]. Trailing newlines are ignored when
 * comparing. Each example runs `dyad` as a user would: $DYAD_WRAP (say,
 * valgrind) may wrap it.
 *
 * usage: golden DYAD_BINARY FILE.test...
 * Prints one line per failure with both outputs, then "golden: N passed, N failed".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct text {
	char *p;
	size_t n, cap;
};

static void put(struct text *t, const char *s, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		t->cap = (t->n + n + 1) * 2;
		t->p = realloc(t->p, t->cap);
		if (t->p == NULL) {
			perror("golden");
			exit(3);
		}
	}
	memcpy(t->p + t->n, s, n);
	t->n += n;
	t->p[t->n] = '\0';
}

static void trim_newlines(struct text *t)
{
	while (t->n > 0 && t->p[t->n - 1] == '\n')
		t->p[--t->n] = '\0';
	if (t->p == NULL)
		put(t, "", 0);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void unescape(struct text *t)
{
	size_t i, o = 0;

	for (i = 0; i < t->n; i++) {
		char c = t->p[i];

		if (c == '\\' && i + 1 < t->n) {
			char d = t->p[i + 1];
			if (d == 'x' && i + 3 < t->n && hexval(t->p[i + 2]) >= 0 && hexval(t->p[i + 3]) >= 0) {
				c = (char)(hexval(t->p[i + 2]) * 16 + hexval(t->p[i + 3]));
				i += 3;
			} else if (d == 'n' || d == 't' || d == 'r' || d == '\\') {
				c = d == 'n' ? '\n' : d == 't' ? '\t' : d == 'r' ? '\r' : '\\';
				i += 1;
			}
		}
		t->p[o++] = c;
	}
	t->n = o;
	if (t->p)
		t->p[o] = '\0';
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	struct text t = { 0 };
	char buf[65536];
	size_t k;

	if (f == NULL)
		return NULL;
	while ((k = fread(buf, 1, sizeof buf, f)) > 0)
		put(&t, buf, k);
	fclose(f);
	put(&t, "", 0);
	*n = t.n;
	return t.p;
}

/* Split a string of arguments on spaces; single quotes group words. */
static int split_args(char *s, char **argv, int max)
{
	int n = 0;

	while (*s && n < max - 1) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (*s == '\'') {
			argv[n++] = ++s;
			while (*s && *s != '\'')
				s++;
		} else {
			argv[n++] = s;
			while (*s && *s != ' ')
				s++;
		}
		if (*s)
			*s++ = '\0';
	}
	argv[n] = NULL;
	return n;
}

/* Run dyad with `args`, feeding `in`; capture stdout and stderr. Returns exit status. */
static int run(const char *bin, const char *args, const struct text *in, struct text *out,
	       struct text *err)
{
	char inpath[] = "/tmp/dyad-golden-in-XXXXXX", outpath[] = "/tmp/dyad-golden-out-XXXXXX",
	     errpath[] = "/tmp/dyad-golden-err-XXXXXX";
	int fi = mkstemp(inpath), fo = mkstemp(outpath), fe = mkstemp(errpath);
	char argbuf[4096], wrapbuf[1024];
	char *argv[128];
	int argc = 0, status = 0;
	const char *wrap = getenv("DYAD_WRAP");
	pid_t pid;
	size_t n;
	char *data;

	if (fi < 0 || fo < 0 || fe < 0) {
		perror("golden: mkstemp");
		exit(3);
	}
	if (in->n && write(fi, in->p, in->n) != (ssize_t)in->n) {
		perror("golden: write");
		exit(3);
	}
	lseek(fi, 0, SEEK_SET);
	if (wrap && *wrap) {
		snprintf(wrapbuf, sizeof wrapbuf, "%s", wrap);
		argc = split_args(wrapbuf, argv, 64);
	}
	argv[argc++] = (char *)bin;
	snprintf(argbuf, sizeof argbuf, "%s", args);
	split_args(argbuf, argv + argc, 128 - argc);
	pid = fork();
	if (pid == 0) {
		dup2(fi, 0);
		dup2(fo, 1);
		dup2(fe, 2);
		execvp(argv[0], argv);
		fprintf(stderr, "golden: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	waitpid(pid, &status, 0);
	close(fi);
	close(fo);
	close(fe);
	data = slurp(outpath, &n);
	out->n = 0;
	put(out, data ? data : "", data ? n : 0);
	free(data);
	data = slurp(errpath, &n);
	err->n = 0;
	put(err, data ? data : "", data ? n : 0);
	free(data);
	unlink(inpath);
	unlink(outpath);
	unlink(errpath);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

struct example {
	char title[512];
	char cmd[1024];
	int exit_code, escape, no_newline, has_stderr;
	struct text in, out, err;
	int line;
};

static void clear(struct example *e)
{
	free(e->in.p);
	free(e->out.p);
	free(e->err.p);
	memset(&e->in, 0, sizeof e->in);
	memset(&e->out, 0, sizeof e->out);
	memset(&e->err, 0, sizeof e->err);
}

static int passed, failed;

static void check(const char *bin, const char *file, struct example *e)
{
	struct text out = { 0 }, err = { 0 };
	int code;

	if (e->escape)
		unescape(&e->in);
	if (!e->no_newline)
		put(&e->in, "\n", 1);
	code = run(bin, e->cmd, &e->in, &out, &err);
	trim_newlines(&out);
	trim_newlines(&err);
	trim_newlines(&e->out);
	trim_newlines(&e->err);
	if (code == e->exit_code && strcmp(out.p, e->out.p) == 0 &&
	    (!e->has_stderr || strcmp(err.p, e->err.p) == 0)) {
		passed++;
	} else {
		failed++;
		printf("FAIL %s:%d: %s (dyad %s)\n", file, e->line, e->title, e->cmd);
		if (code != e->exit_code)
			printf("  exit status %d, expected %d\n", code, e->exit_code);
		if (strcmp(out.p, e->out.p) != 0)
			printf("  --- expected stdout\n%s\n  --- actual stdout\n%s\n", e->out.p, out.p);
		if (e->has_stderr && strcmp(err.p, e->err.p) != 0)
			printf("  --- expected stderr\n%s\n  --- actual stderr\n%s\n", e->err.p, err.p);
		else if (code != e->exit_code && err.n)
			printf("  --- stderr\n%s\n", err.p);
	}
	free(out.p);
	free(err.p);
}

static void run_file(const char *bin, const char *file)
{
	size_t n;
	char *data = slurp(file, &n);
	char cmd[1024] = "";
	char *line, *next;
	int lineno = 0, section = -1; /* -1 outside, 0 input, 1 stdout, 2 stderr */
	int started[3] = { 0, 0, 0 };
	struct example e;

	memset(&e, 0, sizeof e);
	if (data == NULL) {
		printf("FAIL %s: cannot read: %s\n", file, strerror(errno));
		failed++;
		return;
	}
	for (line = data; line && *line; line = next) {
		size_t len;

		next = strchr(line, '\n');
		len = next ? (size_t)(next - line) : strlen(line);
		if (next)
			*next++ = '\0';
		lineno++;
		if (strncmp(line, "%% cmd:", 7) == 0 && section != 0) {
			if (section >= 1)
				check(bin, file, &e);
			clear(&e);
			section = -1;
			snprintf(cmd, sizeof cmd, "%s", line + 7 + strspn(line + 7, " "));
			continue;
		}
		if (strncmp(line, "=== ", 4) == 0) {
			if (section >= 1)
				check(bin, file, &e);
			else if (section == 0) {
				printf("FAIL %s:%d: example '%s' has no '.' line\n", file, e.line, e.title);
				failed++;
			}
			clear(&e);
			snprintf(e.title, sizeof e.title, "%s", line + 4);
			snprintf(e.cmd, sizeof e.cmd, "%s", cmd);
			e.line = lineno;
			e.exit_code = 0;
			if (strstr(line, "[exit="))
				e.exit_code = atoi(strstr(line, "[exit=") + 6);
			e.escape = strstr(line, "[escape]") != NULL;
			e.no_newline = strstr(line, "[no-newline]") != NULL;
			e.has_stderr = 0;
			started[0] = started[1] = started[2] = 0;
			section = 0;
			continue;
		}
		if (section == 0 && strcmp(line, ".") == 0) {
			section = 1;
			continue;
		}
		if (section == 1 && strcmp(line, ".stderr") == 0) {
			section = 2;
			e.has_stderr = 1;
			continue;
		}
		if (section < 0)
			continue; /* commentary between examples */
		{
			struct text *t = section == 0 ? &e.in : section == 1 ? &e.out : &e.err;
			if (started[section])
				put(t, "\n", 1);
			started[section] = 1;
			put(t, line, len);
		}
	}
	if (section >= 1)
		check(bin, file, &e);
	else if (section == 0) {
		printf("FAIL %s:%d: example '%s' has no '.' line\n", file, e.line, e.title);
		failed++;
	}
	clear(&e);
	free(data);
}

int main(int argc, char **argv)
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: golden DYAD_BINARY FILE.test...\n");
		return 2;
	}
	for (i = 2; i < argc; i++)
		run_file(argv[1], argv[i]);
	printf("golden: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
