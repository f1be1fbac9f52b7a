/*
 * err.c — dyad's error codes and the message buffers handles carry.
 * Every stage reports through these, so the CLI can print one line per problem.
 */
#include "dyad/util.h"

#include <stdio.h>

const char *dyad_strerror(int err)
{
	switch (err) {
	case DYAD_OK: return "success";
	case DYAD_ENOMEM: return "out of memory";
	case DYAD_EIO: return "input/output error";
	case DYAD_EINPUT: return "malformed input";
	case DYAD_EUSAGE: return "invalid usage";
	case DYAD_ENOTFOUND: return "not found";
	case DYAD_ELIMIT: return "limit exceeded";
	case DYAD_EDB: return "database error";
	case DYAD_EINTERNAL: return "internal error";
	default: return "unknown error";
	}
}

int dyad_errf(dyad_errbuf *e, int err, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return err;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return err;
}
