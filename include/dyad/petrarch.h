/*
 * petrarch.h — bring your own dictionaries: the PETRARCH/TABARI dictionary
 * formats (actors, agents, verbs with their patterns, discards, issues) read
 * as they are, and a TABARI-style coder that applies them to raw English
 * sentences without parse trees (docs/dictionaries.md, "PETRARCH dictionaries").
 */
#ifndef DYAD_PETRARCH_H
#define DYAD_PETRARCH_H

#include "dyad/dict.h"
#include "dyad/text.h"
#include "dyad/util.h"

typedef struct dyad_petrarch dyad_petrarch;

/** Which reader a text goes through. */
typedef enum {
	DYAD_PETR_ACTORS = 1,
	DYAD_PETR_AGENTS,
	DYAD_PETR_VERBS,
	DYAD_PETR_DISCARDS,
	DYAD_PETR_ISSUES
} dyad_petr_kind;

/** An empty dictionary set; add files with dyad_petrarch_read(). */
dyad_petrarch *dyad_petrarch_new(void);
void dyad_petrarch_free(dyad_petrarch *p);

/**
 * Read one dictionary text (the contents of `file`, named in messages) of
 * kind `kind` into `p`. A bad line is reported through `warn` as
 * "file:line: what was expected" and skipped; the rest is read. The text is
 * copied. Returns the number of bad lines.
 */
size_t dyad_petrarch_read(dyad_petrarch *p, dyad_petr_kind kind, dyad_str text, const char *file,
			  dyad_dict_warn_fn warn, void *ctx);

/**
 * Load dictionaries from `path`: a folder whose files are told apart by
 * their names (".actors", ".agents", ".verbs", ".discards", "issue"), or a
 * config file of "kind = file, file" lines (kinds: actors, agents, verbs,
 * discards, issues; PETR_config.ini's verbfile_name, actorfile_list,
 * agentfile_name, discardfile_name and issuefile_name are read too), with
 * paths relative to the config file. NULL with a message in `e` when a file
 * cannot be read or no verb and actor dictionary was found.
 */
dyad_petrarch *dyad_petrarch_load(const char *path, dyad_dict_warn_fn warn, void *ctx, dyad_errbuf *e);

/** Entries loaded, for tests: actor phrases, agent phrases, verb forms, patterns, synsets, discards, issues. */
typedef struct {
	size_t actors, agents, verbs, patterns, synsets, discards, issues;
} dyad_petrarch_counts;

void dyad_petrarch_count(const dyad_petrarch *p, dyad_petrarch_counts *out);

/** One coded event: codes as the dictionaries give them ("---" for an unknown side). */
typedef struct {
	const char *source; /**< "ARNGOV", "---EDU" */
	const char *target;
	const char *code; /**< "064", "1717", "---" never (null codes make no event) */
	int reciprocal;   /**< made by a '%' pattern or a [code:code] pair */
	dyad_span verb;   /**< bytes of the verb in the sentence */
	const char *rule; /**< "file:line: pattern" or "file:line: VERB" */
} dyad_petrarch_event;

enum { DYAD_PETR_KEEP = 0, DYAD_PETR_DISCARD_SENTENCE = 1, DYAD_PETR_DISCARD_STORY = 2 };

/**
 * Code one English sentence dated `day` (yyyymmdd; 0: unknown, date
 * restrictions then give their default code). Returns the number of events
 * and sets *out to them; *discard (may be NULL) gets DYAD_PETR_DISCARD_* when a
 * discard phrase is found, and then no events are returned. All memory comes
 * from `a`.
 */
size_t dyad_petrarch_code(const dyad_petrarch *p, dyad_arena *a, dyad_str sentence, dyad_ymd day,
			  dyad_petrarch_event **out, int *discard);

#endif
