/*
 * web.c — the dashboard's pages and assets, compiled in from web/ by
 * scripts/embed-web. A URL path maps to an entry of a fixed table or to
 * nothing: no path ever reaches the file system.
 */
#include "dyad/serve.h"

#include <string.h>

#include "web_assets.inc"

const dyad_asset *dyad_web_asset(const char *path)
{
	const char *key = path;
	size_t i;

	/* every document is the same page; it reads its id from the address */
	if (strncmp(path, "/doc/", 5) == 0 && path[5] && strchr(path + 5, '/') == NULL)
		key = "/doc";
	for (i = 0; web_assets[i].path; i++)
		if (strcmp(web_assets[i].path, key) == 0)
			return &web_assets[i];
	return NULL;
}
