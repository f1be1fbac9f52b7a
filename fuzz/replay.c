/*
 * replay.c — runs a libFuzzer target's saved corpus without libFuzzer, so every
 * input a fuzzer once found stays tested by the ordinary `make check` (and
 * under the sanitizers and valgrind). Linked with one fuzz/fuzz_<name>.c.
 *
 * usage: replay_<name> DIR|FILE...
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, k;
	uint8_t chunk[65536];

	if (f == NULL) {
		fprintf(stderr, "replay: cannot open %s\n", path);
		return 1;
	}
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (n + k > cap) {
			cap = (n + k) * 2;
			buf = realloc(buf, cap);
			if (buf == NULL)
				abort();
		}
		memcpy(buf + n, chunk, k);
		n += k;
	}
	fclose(f);
	/* An exact-size copy, so ASan catches a read one past the input. */
	{
		uint8_t *exact = malloc(n ? n : 1);
		if (exact == NULL)
			abort();
		if (n)
			memcpy(exact, buf, n);
		LLVMFuzzerTestOneInput(exact, n);
		free(exact);
	}
	free(buf);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	int i, runs = 0, bad = 0;

	for (i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *de;
		char **names = NULL;
		size_t nn = 0, j;

		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: no such file or directory\n", argv[i]);
			bad++;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			bad += replay_file(argv[i]);
			runs++;
			continue;
		}
		d = opendir(argv[i]);
		while (d && (de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			names = realloc(names, (nn + 1) * sizeof *names);
			if (names == NULL)
				abort();
			names[nn] = malloc(strlen(argv[i]) + strlen(de->d_name) + 2);
			if (names[nn] == NULL)
				abort();
			sprintf(names[nn], "%s/%s", argv[i], de->d_name);
			nn++;
		}
		if (d)
			closedir(d);
		if (nn)
			qsort(names, nn, sizeof *names, cmp);
		for (j = 0; j < nn; j++) {
			bad += replay_file(names[j]);
			runs++;
			free(names[j]);
		}
		free(names);
	}
	printf("replayed %d inputs, %d unreadable\n", runs, bad);
	return bad ? 1 : 0;
}
