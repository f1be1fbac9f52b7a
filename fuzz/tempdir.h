/*
 * tempdir.h — for fuzz targets whose code under test reads files (the
 * reader, the dictionary loaders): one private temporary folder per process,
 * removed at exit, and the input written into it under a given name.
 */
#ifndef DYAD_FUZZ_TEMPDIR_H
#define DYAD_FUZZ_TEMPDIR_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fuzz_dir[64];

static inline void fuzz_dir_remove(void)
{
	DIR *d = opendir(fuzz_dir);
	struct dirent *de;
	char p[512];

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.') {
			snprintf(p, sizeof p, "%s/%s", fuzz_dir, de->d_name);
			unlink(p);
		}
	closedir(d);
	rmdir(fuzz_dir);
}

/* The folder, made on the first call. */
static inline const char *fuzz_tempdir(void)
{
	if (fuzz_dir[0] == '\0') {
		snprintf(fuzz_dir, sizeof fuzz_dir, "/tmp/dyad-fuzz-XXXXXX");
		if (mkdtemp(fuzz_dir) == NULL) {
			perror("fuzz: mkdtemp");
			abort();
		}
		atexit(fuzz_dir_remove);
	}
	return fuzz_dir;
}

/* Write data[0..n) to the folder's file `name`; its path (static storage, one per call site's name). */
static inline const char *fuzz_write_file(const char *name, const uint8_t *data, size_t n)
{
	static char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", fuzz_tempdir(), name);
	if ((f = fopen(path, "wb")) == NULL || (n && fwrite(data, 1, n, f) != n) || fclose(f) != 0) {
		perror(path);
		abort();
	}
	return path;
}

/* Remove the folder's file `name` (an input of the previous run a loader must not see). */
static inline void fuzz_remove_file(const char *name)
{
	char path[128];

	snprintf(path, sizeof path, "%s/%s", fuzz_tempdir(), name);
	unlink(path);
}

#endif
