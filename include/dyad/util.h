/*
 * util.h — the ground floor of dyad: errors, allocation, string slices,
 * growable buffers, the per-document arena and small hashing helpers.
 * Nothing here knows about news; every other stage builds on it.
 */
#ifndef DYAD_UTIL_H
#define DYAD_UTIL_H

/** This dyad's version: what --version prints and what stored rows record they were made by. */
#define DYAD_VERSION "0.2.0"

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

/* ---- errors -------------------------------------------------------------------------------- */

/** Error codes: functions return 0 on success or one of these (negative). */
typedef enum {
	DYAD_OK = 0,
	DYAD_ENOMEM = -1,    /**< out of memory (only where aborting is wrong) */
	DYAD_EIO = -2,       /**< a file or stream could not be read or written */
	DYAD_EINPUT = -3,    /**< input is malformed: bad UTF-8, JSON, HTML, WARC, dictionary line */
	DYAD_EUSAGE = -4,    /**< the caller asked for something that makes no sense */
	DYAD_ENOTFOUND = -5, /**< a named thing (file, actor, document) does not exist */
	DYAD_ELIMIT = -6,    /**< a size or count limit was reached */
	DYAD_EDB = -7,       /**< the store reported an error */
	DYAD_EINTERNAL = -8  /**< a bug in dyad: please report it */
} dyad_err;

/** A one-line, static description of an error code ("malformed input"). */
const char *dyad_strerror(int err);

/**
 * A message holder for handles: a fixed buffer formatted with printf
 * conventions. Stages keep one on their handle and expose it the way
 * sqlite3_errmsg does.
 */
typedef struct {
	char msg[512];
} dyad_errbuf;

/** Format a message into `e`; returns `err` so callers can `return dyad_errf(...)`. */
int dyad_errf(dyad_errbuf *e, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- allocation ---------------------------------------------------------------------------- */

/* Allocation never fails: on out-of-memory these print a message and abort. */
void *dyad_xmalloc(size_t n);
void *dyad_xcalloc(size_t count, size_t size);
void *dyad_xrealloc(void *p, size_t n);
char *dyad_xstrdup(const char *s);
char *dyad_xstrndup(const char *s, size_t n);

/**
 * Room for one more element in a malloc'd array of `size`-byte elements, `n` in use of *cap:
 * when n has reached *cap, *cap doubles (from `first` when 0) and the array is reallocated.
 * Returns the array, moved or not; the caller owns it. Before `v[n++] = x` write
 * `v = dyad_xgrow(v, &cap, n, sizeof *v, 64);`.
 */
void *dyad_xgrow(void *p, size_t *cap, size_t n, size_t size, size_t first);

/* ---- string slices ------------------------------------------------------------------------- */

/** A borrowed, length-carrying byte string. Not NUL-terminated unless said. */
typedef struct {
	const char *p;
	size_t n;
} dyad_str;

#define DYAD_STR_LIT(s) ((dyad_str){ (s), sizeof(s) - 1 })

dyad_str dyad_str_c(const char *s);
int dyad_str_eq(dyad_str a, dyad_str b);
int dyad_str_eq_c(dyad_str a, const char *s);
/** Byte-wise comparison, like strcmp: <0, 0, >0. */
int dyad_str_cmp(dyad_str a, dyad_str b);
int dyad_str_starts_with(dyad_str s, dyad_str prefix);
/** Does `s` begin with `low` (lower-case ASCII), the capitals A-Z of `s` taken as small letters? */
int dyad_str_starts_with_lower(dyad_str s, dyad_str low);
/** The slice without leading and trailing ASCII white space. */
dyad_str dyad_str_trim(dyad_str s);

/* ---- growable buffers ---------------------------------------------------------------------- */

/** A growable byte buffer, always NUL-terminated after its `n` bytes. Owns `p`. */
typedef struct {
	char *p;
	size_t n;
	size_t cap;
} dyad_buf;

#define DYAD_BUF_INIT      \
	{                  \
		NULL, 0, 0 \
	}

void dyad_buf_free(dyad_buf *b);
void dyad_buf_clear(dyad_buf *b);
void dyad_buf_reserve(dyad_buf *b, size_t extra);
void dyad_buf_put(dyad_buf *b, const void *p, size_t n);
void dyad_buf_puts(dyad_buf *b, const char *s);
void dyad_buf_putc(dyad_buf *b, char c);
void dyad_buf_putstr(dyad_buf *b, dyad_str s);
void dyad_buf_printf(dyad_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dyad_buf_vprintf(dyad_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/** Append `s` as a JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD. */
void dyad_buf_json_str(dyad_buf *b, dyad_str s);
/** The characters of dyad_buf_json_str() without the quotes around them: for a string written in pieces. */
void dyad_buf_json_chars(dyad_buf *b, dyad_str s);
/** Take ownership of the bytes; the buffer is left empty. Free the result with free(). */
char *dyad_buf_detach(dyad_buf *b, size_t *len_out);

/* ---- the per-document arena ---------------------------------------------------------------- */

/**
 * A bump allocator: everything made while working on one document comes from
 * it and goes away with one dyad_arena_reset(). Built with -DDYAD_ARENA_MALLOC
 * (the debug, asan and valgrind builds), each allocation is a separate malloc
 * so the sanitizers see overflows and leaks as they would in plain C.
 */
typedef struct dyad_arena dyad_arena;

dyad_arena *dyad_arena_new(void);
void dyad_arena_free(dyad_arena *a);
/** Release every allocation at once; the arena stays usable. */
void dyad_arena_reset(dyad_arena *a);
/** `n` bytes aligned for any type; never NULL. Owned by the arena. */
void *dyad_arena_alloc(dyad_arena *a, size_t n);
void *dyad_arena_zalloc(dyad_arena *a, size_t n);
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n);
/** Bytes handed out since the last reset (for bench and limits). */
size_t dyad_arena_used(const dyad_arena *a);
/**
 * dyad_xgrow() for an array whose storage lives in arena `a`: the grown array is a zeroed
 * arena allocation with the `n` elements copied in; the old one stays until the reset.
 */
void *dyad_arena_grow(dyad_arena *a, void *p, size_t *cap, size_t n, size_t size, size_t first);

/** A typed growable array whose storage lives in an arena. */
#define DYAD_ARENA_NEW(a, T, count) ((T *)dyad_arena_zalloc((a), sizeof(T) * (count)))

/* ---- hashing ------------------------------------------------------------------------------- */

/** 64-bit FNV-1a, seeded: stable across runs and machines (it names documents). */
uint64_t dyad_hash64(const void *p, size_t n, uint64_t seed);
#define DYAD_HASH_SEED 0xcbf29ce484222325ULL
/**
 * A quicker hash for tables that live in memory only (eight bytes a step): its values may
 * change between versions and machines, so nothing stored or shown is ever made from it.
 */
uint64_t dyad_hash_mem(const void *p, size_t n, uint64_t seed);

/**
 * Indexes filed under 64-bit keys (from dyad_hash64; key 0 is taken as 1),
 * open addressing: for looking things up instead of scanning them. A key may
 * hold several indexes (dyad_keymap_add) or one (dyad_keymap_set). Zero it
 * to start; dyad_keymap_free() when done.
 */
typedef struct {
	struct dyad_keyslot {
		uint64_t key;
		size_t val;
	} * slots; /* key 0: empty */
	size_t n, cap;
} dyad_keymap;

/** File `val` under `key`, beside what the key holds already. */
void dyad_keymap_add(dyad_keymap *m, uint64_t key, size_t val);
/** Make `val` the one index under `key`. */
void dyad_keymap_set(dyad_keymap *m, uint64_t key, size_t val);
/**
 * The indexes under `key`, one a call: *at starts at 0 and is moved on.
 * Returns 1 with *val set, 0 when there are no more. Keys that differ but
 * hash alike share a chain: callers compare what the index points at.
 */
int dyad_keymap_next(const dyad_keymap *m, uint64_t key, size_t *at, size_t *val);
void dyad_keymap_free(dyad_keymap *m);

/* ---- files --------------------------------------------------------------------------------- */

/**
 * Read a whole file (or stdin for "-") into `out`, refusing files larger than
 * `limit` bytes (0: no limit). On failure returns DYAD_EIO or DYAD_ELIMIT with
 * a message naming the path in `e`.
 */
int dyad_read_file(dyad_buf *out, const char *path, size_t limit, dyad_errbuf *e);

/**
 * The names in the folder `dir` that end in `suffix` (NULL: every name),
 * hidden ones (".x") left out, in byte order, so every run reads a folder the
 * same way. Returns how many and sets *names (free with dyad_names_free), or
 * -1 with errno set when the folder cannot be read.
 */
long dyad_list_dir(const char *dir, const char *suffix, char ***names);

void dyad_names_free(char **names, size_t n);

/**
 * The folder dyad's dictionaries are read from: $DYAD_DATA if set, else
 * `<prefix>/share/dyad` next to an installed binary, else the source tree's
 * `data/` next to a binary in `build/<mode>/`. Returns a static string.
 */
const char *dyad_datadir(void);

#endif
