/*
 * test_util.c — the ground floor: buffers, JSON strings, the arena, hashing
 * and the keymap, whole-file reads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad/util.h"

static void buf_grows_and_stays_terminated(void **state)
{
	dyad_buf b = DYAD_BUF_INIT;
	int i;

	(void)state;
	for (i = 0; i < 10000; i++)
		dyad_buf_printf(&b, "%d,", i % 10);
	assert_int_equal(b.n, 20000);
	assert_int_equal(b.p[b.n], '\0');
	assert_memory_equal(b.p, "0,1,2,", 6);
	dyad_buf_free(&b);
	assert_null(b.p);
}

static void json_strings_escape_and_repair(void **state)
{
	dyad_buf b = DYAD_BUF_INIT;

	(void)state;
	dyad_buf_json_str(&b, DYAD_STR_LIT("«Мир» \"q\"\\\n\t\x01"));
	assert_string_equal(b.p, "\"«Мир» \\\"q\\\"\\\\\\n\\t\\u0001\"");
	dyad_buf_clear(&b);
	/* a lone continuation byte, a truncated sequence, an overlong '/' and a surrogate */
	dyad_buf_json_str(&b, (dyad_str){ "a\x80"
					  "b\xd0"
					  "c\xc0\xaf"
					  "\xed\xa0\x80",
					  10 });
	assert_string_equal(b.p, "\"a\xef\xbf\xbd"
				 "b\xef\xbf\xbd"
				 "c\xef\xbf\xbd\xef\xbf\xbd"
				 "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	dyad_buf_free(&b);
}

static void arena_serves_many_documents(void **state)
{
	dyad_arena *a = dyad_arena_new();
	int doc, i;

	(void)state;
	for (doc = 0; doc < 5; doc++) {
		char *prev = NULL;
		for (i = 0; i < 5000; i++) {
			char *p = dyad_arena_alloc(a, (size_t)(i % 97) + 1);
			assert_int_equal((uintptr_t)p % 16, 0);
			memset(p, 'x', (size_t)(i % 97) + 1);
			assert_ptr_not_equal(p, prev);
			prev = p;
		}
		char *big = dyad_arena_zalloc(a, 1 << 20);
		assert_int_equal(big[(1 << 20) - 1], 0);
		assert_true(dyad_arena_used(a) > (1 << 20));
		dyad_arena_reset(a);
		assert_int_equal(dyad_arena_used(a), 0);
	}
	assert_string_equal(dyad_arena_strndup(a, "Минск", strlen("Минск")), "Минск");
	dyad_arena_free(a);
	dyad_arena_free(NULL);
}

static void hash_is_stable(void **state)
{
	(void)state;
	/* Document ids are stored in databases: these values may never change. */
	assert_true(dyad_hash64("", 0, DYAD_HASH_SEED) == 0xf52a15e9a9b5e89bULL);
	assert_true(dyad_hash64("Минск", 10, DYAD_HASH_SEED) == 0x086de632d4ceee91ULL);
	assert_true(dyad_hash64("a", 1, DYAD_HASH_SEED) != dyad_hash64("b", 1, DYAD_HASH_SEED));
}

/* Keys that share a slot, several indexes under one key, a key replaced, growth far past the first table. */
/* The in-memory hash tells apart what differs in a byte, in the length, or in the seed, whatever the length. */
static void hash_mem_tells_keys_apart(void **state)
{
	char a[40], b[40];
	size_t n, i;

	(void)state;
	memset(a, 'x', sizeof a);
	for (n = 0; n < 24; n++) {
		memcpy(b, a, sizeof b);
		assert_true(dyad_hash_mem(a, n, 1) == dyad_hash_mem(b, n, 1));
		assert_true(dyad_hash_mem(a, n, 1) != dyad_hash_mem(a, n + 1, 1));
		assert_true(dyad_hash_mem(a, n, 1) != dyad_hash_mem(a, n, 2));
		for (i = 0; i < n; i++) {
			/* a byte changed at each place of the eight-byte steps and of the tail */
			b[i] = 'y';
			assert_true(dyad_hash_mem(a, n, 1) != dyad_hash_mem(b, n, 1));
			b[i] = 'x';
		}
	}
	/* a key's bytes, not what lies after them */
	memcpy(b, a, sizeof b);
	b[5] = 'z';
	assert_true(dyad_hash_mem(a, 5, 1) == dyad_hash_mem(b, 5, 1));
}

static void keymap_files_and_finds(void **state)
{
	dyad_keymap m = { NULL, 0, 0 };
	size_t at, v, i, n, sum;

	(void)state;
	at = 0;
	assert_int_equal(dyad_keymap_next(&m, 5, &at, &v), 0);
	/* 64 and 128 land in the slot of 0 and of each other: chains cross */
	dyad_keymap_add(&m, 64, 1);
	dyad_keymap_add(&m, 128, 2);
	dyad_keymap_add(&m, 64, 3);
	dyad_keymap_add(&m, 0, 4); /* key 0 is taken as 1 */
	at = 0;
	assert_int_equal(dyad_keymap_next(&m, 64, &at, &v), 1);
	assert_int_equal(v, 1);
	assert_int_equal(dyad_keymap_next(&m, 64, &at, &v), 1);
	assert_int_equal(v, 3);
	assert_int_equal(dyad_keymap_next(&m, 64, &at, &v), 0);
	at = 0;
	assert_int_equal(dyad_keymap_next(&m, 1, &at, &v), 1);
	assert_int_equal(v, 4);
	dyad_keymap_set(&m, 128, 9);
	at = 0;
	assert_int_equal(dyad_keymap_next(&m, 128, &at, &v), 1);
	assert_int_equal(v, 9);
	assert_int_equal(dyad_keymap_next(&m, 128, &at, &v), 0);
	/* ten thousand keys, each with its index and its double */
	for (i = 1; i <= 10000; i++) {
		dyad_keymap_add(&m, dyad_hash64(&i, sizeof i, DYAD_HASH_SEED), i);
		dyad_keymap_add(&m, dyad_hash64(&i, sizeof i, DYAD_HASH_SEED), 2 * i);
	}
	for (i = 1; i <= 10000; i++) {
		at = 0;
		n = sum = 0;
		while (dyad_keymap_next(&m, dyad_hash64(&i, sizeof i, DYAD_HASH_SEED), &at, &v)) {
			n++;
			sum += v;
		}
		assert_int_equal(n, 2);
		assert_int_equal(sum, 3 * i);
	}
	dyad_keymap_free(&m);
}

static void str_helpers(void **state)
{
	(void)state;
	assert_true(dyad_str_eq_c(dyad_str_trim(DYAD_STR_LIT("  \tМинск \n")), "Минск"));
	assert_true(dyad_str_starts_with(DYAD_STR_LIT("Нур-Султан"), DYAD_STR_LIT("Нур")));
	assert_true(dyad_str_cmp(DYAD_STR_LIT("ab"), DYAD_STR_LIT("abc")) < 0);
	assert_true(dyad_str_cmp(DYAD_STR_LIT("b"), DYAD_STR_LIT("abc")) > 0);
	assert_int_equal(dyad_str_cmp(DYAD_STR_LIT(""), DYAD_STR_LIT("")), 0);
	assert_true(dyad_str_starts_with_lower(DYAD_STR_LIT("HTTPS://x"), DYAD_STR_LIT("https://")));
	assert_true(dyad_str_starts_with_lower(DYAD_STR_LIT("Www.x"), DYAD_STR_LIT("www.")));
	assert_false(dyad_str_starts_with_lower(DYAD_STR_LIT("ww"), DYAD_STR_LIT("www.")));
	assert_false(dyad_str_starts_with_lower(DYAD_STR_LIT("www.x"), DYAD_STR_LIT("WWW.")));
}

/* Growing by doubling, in malloc'd memory and in an arena: the elements stay, the capacity doubles from the first size. */
static void arrays_grow_by_doubling(void **state)
{
	size_t *v = NULL, *w = NULL, cap = 0, wcap = 0, n, i;
	dyad_arena *a = dyad_arena_new();

	(void)state;
	for (n = 0; n < 1000; n++) {
		v = dyad_xgrow(v, &cap, n, sizeof *v, 16);
		v[n] = n * 3;
		w = dyad_arena_grow(a, w, &wcap, n, sizeof *w, 8);
		w[n] = n * 5;
	}
	assert_int_equal(cap, 1024);
	assert_int_equal(wcap, 1024);
	for (i = 0; i < n; i++) {
		assert_int_equal(v[i], i * 3);
		assert_int_equal(w[i], i * 5);
	}
	/* no growth while there is room */
	assert_ptr_equal(dyad_xgrow(v, &cap, 1000, sizeof *v, 16), v);
	assert_int_equal(cap, 1024);
	free(v);
	dyad_arena_free(a);
}

static void read_file_names_the_path(void **state)
{
	dyad_buf b = DYAD_BUF_INIT;
	dyad_errbuf e;
	char path[] = "/tmp/dyad-test-XXXXXX";
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	close(fd);
	assert_int_equal(dyad_read_file(&b, path, 0, &e), 0);
	assert_int_equal(b.n, 10);
	assert_int_equal(dyad_read_file(&b, path, 5, &e), DYAD_ELIMIT);
	assert_non_null(strstr(e.msg, path));
	unlink(path);
	assert_int_equal(dyad_read_file(&b, path, 0, &e), DYAD_EIO);
	assert_non_null(strstr(e.msg, "cannot open"));
	assert_int_equal(dyad_read_file(&b, "/tmp", 0, &e), DYAD_EIO);
	assert_non_null(strstr(e.msg, "directory"));
	dyad_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_grows_and_stays_terminated),
		cmocka_unit_test(json_strings_escape_and_repair),
		cmocka_unit_test(arena_serves_many_documents),
		cmocka_unit_test(hash_is_stable),
		cmocka_unit_test(hash_mem_tells_keys_apart),
		cmocka_unit_test(keymap_files_and_finds),
		cmocka_unit_test(str_helpers),
		cmocka_unit_test(arrays_grow_by_doubling),
		cmocka_unit_test(read_file_names_the_path),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
