/*
 * internal.h — what the files of src/petrarch share: the PETRARCH/TABARI
 * dictionaries in memory, the reader every dictionary file goes through, and
 * the coder's view of a sentence (tokens, actor members, lists). Not part of
 * the API: include/dyad/petrarch.h is.
 */
#ifndef DYAD_PETRARCH_INTERNAL_H
#define DYAD_PETRARCH_INTERNAL_H

#include "dyad/petrarch.h"

#define MAX_WORDS 64   /* words in one dictionary phrase */
#define MAX_TOKENS 512 /* tokens of a sentence that are coded; the rest is ignored */
#define MAX_CODES 16   /* codes one side of an event may carry (compound lists) */

/* ---- a word → list map (petrarch.c) --------------------------------------------------------- */

/* Words (borrowed: arena strings) and their values, the heads of lists, found through a dyad_keymap of their hashes. */
typedef struct {
	struct wordmap_entry {
		const char *key;
		void *val;
	} * e;
	size_t n, cap;
	dyad_keymap index; /* dyad_hash64 of a key → its entry */
} wordmap;

/* The value slot of `key`, made (NULL) when `create` and it is absent; NULL when absent and not `create`.
   The slot moves when a later key is made. */
void **petr_wordmap_slot(wordmap *m, const char *key, int create);
/* The value of `key`, or NULL. */
void *petr_wordmap_get(const wordmap *m, const char *key);
void petr_wordmap_free(wordmap *m);

/* ---- the dictionaries in memory ------------------------------------------------------------- */

typedef struct {
	const char **w;
	size_t n;
	unsigned long long loose; /* bit k: a blank (not '_') before word k, so a word may come between */
} phrase;

typedef struct restr {
	const char *code;
	dyad_ymd from, to; /* 0: open */
	struct restr *next;
} restr;

typedef struct {
	const char *code; /* the default, or NULL */
	restr *r, **tail;
} actor_rec;

/* A phrase in a word map's list: the first member of actors and agents, so one search serves both. */
typedef struct phrase_item {
	phrase ph;
	struct phrase_item *next; /* the next phrase with the same first word */
} phrase_item;

typedef struct actor {
	phrase_item it;
	actor_rec *rec;
} actor;

typedef struct agent {
	phrase_item it;
	const char *code;
	int prefix; /* NGO~: before the actor's code */
} agent;

typedef struct synset {
	const char *name;
	phrase *m;
	size_t n, cap;
} synset;

enum { E_WORD, E_SYN, E_SRC, E_TGT, E_CMP, E_SKIP };

typedef struct {
	int kind;
	const char *word;
	const synset *syn;
	int tight; /* no words between it and its neighbour towards the verb */
} pelem;

typedef struct {
	pelem *pre, *post; /* pre: left to right */
	size_t npre, npost;
	const char *code, *code2;
	size_t weight, order;
	const char *rule;
} pattern;

typedef struct {
	const char *code, *code2;
	pattern *pats;
	size_t npats, cap;
} block;

typedef struct verb {
	const char *code, *code2; /* NULL: the block's */
	block *b;
	const char *rule;
} verb;

typedef struct vform {
	phrase ph;
	size_t head;
	int base; /* the verb as its line gives it, not a made or listed form */
	verb *v;
	struct vform *next;
} vform;

typedef struct {
	const char *text; /* upper case, words joined by single blanks */
	int story, whole;
} discard;

struct dyad_petrarch {
	dyad_arena *arena;
	wordmap actors, agents, vforms, synsets;
	discard *discards;
	size_t ndiscards, capdiscards;
	block **blocks;
	size_t nblocks, capblocks;
	dyad_petrarch_counts counts;
};

/* ---- reading dictionary lines (lines.c, read_*.c) ------------------------------------------- */

/* One dictionary text being read: where messages point and how many lines were bad. */
typedef struct {
	dyad_petrarch *p;
	const char *file;
	size_t line;
	dyad_dict_warn_fn warn;
	void *ctx;
	size_t bad;
} reader;

/* Report the current line as bad ("file:line: what was expected"); the caller skips it. */
void petr_bad(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* s[0..n) upper-cased (ASCII), NUL-terminated, owned by `a`. */
char *petr_upper_dup(dyad_arena *a, const char *s, size_t n);

/* The length of `s` without a '#' comment (and, for actors, a ';' comment) and trailing space. */
size_t petr_strip_comment(const char *s, size_t n, int semicolon);

/*
 * The line at *s without its '#' comment and the blanks around it: *s moves past the leading
 * ones; returns the length left.
 */
size_t petr_trim_line(char **s);

/*
 * Split a phrase at blanks and underscores into upper-case words (owned by
 * the arena). *last_us is set when it ends with '_'. Returns 0, or -1 for an
 * empty phrase or one of too many words.
 */
int petr_split_phrase(dyad_arena *a, const char *s, size_t n, phrase *out, int *last_us);

/* Find "[...]" in s[0..n): *open and *close index the brackets. 0, or -1 when there is none or it is unclosed. */
int petr_find_brackets(const char *s, size_t n, size_t *open, size_t *close);

/*
 * The inside of a code bracket "CODE", "CODE <date", "CODE >date",
 * "CODE date-date". Returns 0 with the parts, or -1 with *why set.
 */
int petr_parse_restriction(dyad_arena *a, const char *s, size_t n, const char **code, dyad_ymd *from, dyad_ymd *to,
			   const char **why);

/* Parse "[a]" or "[a:b]" inside s[o+1..c): 0, or -1 for an empty or overlong code. */
int petr_parse_code_pair(dyad_arena *a, const char *s, size_t o, size_t c, const char **code, const char **code2);

/* Put `item` at the head of the list map `m` keeps under `first`; `next_field` is the item's link. */
void petr_add_to_map(dyad_petrarch *p, wordmap *m, const char *first, void **next_field, void *item);

/* The regular plural of a word: +S, Y → IES, SS → +ES. Owned by `a`. */
const char *petr_plural(dyad_arena *a, const char *w);

/* A copy of `ph` (words array owned by `a`) with its last word replaced by `last`. */
phrase petr_with_last(dyad_arena *a, const phrase *ph, const char *last);

/* The readers, one per kind of dictionary: each line reported through petr_bad when it is malformed. */
void petr_read_actors(reader *r, char **lines, size_t nlines);
void petr_read_agents(reader *r, char **lines, size_t nlines);
void petr_read_verbs(reader *r, char **lines, size_t nlines);
void petr_read_discards(reader *r, char **lines, size_t nlines);
void petr_read_issues(reader *r, char **lines, size_t nlines);

/* The actor's code on `day`: the first restriction that holds, else the default; NULL if none. */
const char *petr_actor_code(const actor_rec *rec, dyad_ymd day);

/* ---- the coder's sentence (members.c, code.c) ----------------------------------------------- */

typedef struct {
	const char *w;     /* upper case */
	size_t start, end; /* bytes in the sentence */
} tok;

/* An actor with the agents next to it ("MSF Arnor diplomat"). */
typedef struct {
	size_t start, end;
	const char *codes[MAX_CODES]; /* the actor's codes (a compound [A/B] gives several) */
	size_t ncodes;
	const char *pre[8], *post[8]; /* agents before / after the actor's code */
	size_t npre, npost;
	int has_actor;
	int list; /* members of one coordinated list share it */
	int used;
} member;

/* Members joined by "and" or commas. */
typedef struct {
	size_t start, end;
	size_t first, n; /* members */
	int used;
} mlist;

typedef struct {
	const dyad_petrarch *p;
	dyad_arena *a;
	tok *t;
	size_t nt;
	dyad_ymd day;
	member *m;
	size_t nm;
	mlist *l;
	size_t nl;
	int *list_at_start, *list_at_end; /* token → list index, or -1 */
	int *isverb;                      /* token starts a verb form */
	char *covered;                    /* token is inside some actor or agent phrase */
	char *consumed;                   /* token matched a word of a pattern that fired */
	size_t steps;
	int last_src;   /* the source list of the last verb coded */
	int skip_lists; /* a loose '^' is being tried on actor lists only */
} sent;

/* Auxiliaries and adverbs that may stand between a subject and its verb; NULL-terminated. */
extern const char *const petr_auxiliaries[];

/* TABARI's tokens of `s` into t[0..MAX_TOKENS), words owned by `a`; returns how many. */
size_t petr_tokenize(dyad_arena *a, dyad_str s, tok *t);

/* Does phrase `ph` match the tokens from token i, word for word? */
int petr_phrase_at(const phrase *ph, const tok *t, size_t nt, size_t i);

/* Does `w` end with `suffix` and have more before it? */
int petr_ends_with(const char *w, const char *suffix);

/* Is `w` one of the NULL-terminated list `l`? */
int petr_in_list(const char *w, const char *const *l);

/* Fill S->covered (inside an actor or agent phrase) and S->isverb (starts a verb used as a verb). */
void petr_mark_tokens(sent *S);

/* The sentence's actors and agents grouped into members (S->m); then lists of them (S->l, the token maps). */
void petr_find_members(sent *S);
void petr_find_lists(sent *S);

/* The code of member `mb`'s k-th actor with its agents: NGO~ + actor + ~GOV, an agent not repeated. */
const char *petr_member_code(dyad_arena *a, const member *mb, size_t k);

/* The verb form starting its head at token i (longest), with its extent [*vs, *ve); NULL if none. */
const vform *petr_verb_at(const sent *S, size_t i, size_t *vs, size_t *ve);

#endif
