/*
 * file.c — reading inputs whole, and finding dyad's data folder.
 */
#include "dyad/util.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int dyad_read_file(dyad_buf *out, const char *path, size_t limit, dyad_errbuf *e)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int rc = 0;
	struct stat st;

	if (f == NULL)
		return dyad_errf(e, DYAD_EIO, "%s: cannot open: %s", path, strerror(errno));
	if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		rc = dyad_errf(e, DYAD_EIO, "%s: is a directory", path);
		goto done;
	}
	dyad_buf_clear(out);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (limit && out->n + n > limit) {
			rc = dyad_errf(e, DYAD_ELIMIT, "%s: larger than the limit of %zu bytes", path, limit);
			goto done;
		}
		dyad_buf_put(out, chunk, n);
	}
	if (ferror(f))
		rc = dyad_errf(e, DYAD_EIO, "%s: read error: %s", path, strerror(errno));
	else
		dyad_buf_reserve(out, 0); /* an empty file still gives a NUL-terminated buffer */
done:
	if (!is_stdin)
		fclose(f);
	return rc;
}

static int is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *dyad_datadir(void)
{
	static char found[PATH_MAX];
	char exe[PATH_MAX], cand[PATH_MAX + 32];
	const char *env = getenv("DYAD_DATA");
	ssize_t n;
	char *slash;

	if (env && *env)
		return env;
	if (found[0])
		return found;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		/* installed: <prefix>/bin/dyad -> <prefix>/share/dyad */
		snprintf(cand, sizeof cand, "%s/../share/dyad", exe);
		if (is_dir(cand) && realpath(cand, found))
			return found;
		/* in the source tree: build/<mode>/dyad -> data/ */
		snprintf(cand, sizeof cand, "%s/../../data", exe);
		if (is_dir(cand) && realpath(cand, found))
			return found;
	}
	snprintf(found, sizeof found, "data");
	return found;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

long dyad_list_dir(const char *dir, const char *suffix, char ***names)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0, cap = 0, sl = suffix ? strlen(suffix) : 0;
	char **out = NULL;

	*names = NULL;
	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= sl || (sl && strcmp(de->d_name + len - sl, suffix) != 0))
			continue;
		out = dyad_xgrow(out, &cap, n, sizeof *out, 16);
		out[n++] = dyad_xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(out, n, sizeof *out, cmp_names);
	*names = out;
	return (long)n;
}

void dyad_names_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
