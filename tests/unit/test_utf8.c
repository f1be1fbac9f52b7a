/*
 * test_utf8.c — decoding, repair and NFC: invalid bytes never crash, never
 * loop, never swallow the valid text around them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "dyad/utf8.h"

static void decodes_every_length(void **state)
{
	uint32_t cp;
	int ok;

	(void)state;
	assert_int_equal(dyad_utf8_decode("A", 1, &cp, &ok), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(dyad_utf8_decode("Ж", 2, &cp, &ok), 2);
	assert_int_equal(cp, 0x416);
	assert_int_equal(dyad_utf8_decode("€", 3, &cp, &ok), 3);
	assert_int_equal(cp, 0x20ac);
	assert_int_equal(dyad_utf8_decode("\xf0\x9f\x98\x80", 4, &cp, &ok), 4);
	assert_int_equal(cp, 0x1f600);
	assert_true(ok);
}

/* The inline reader agrees with the decoder on every byte pair, whole or cut after one byte, and on longer letters. */
static void next_reads_as_decode_does(void **state)
{
	unsigned x, y;
	const char *more = "€𝄞";

	(void)state;
	for (x = 0; x < 256; x++)
		for (y = 0; y < 256; y++) {
			char s[2] = { (char)x, (char)y };
			size_t n;
			for (n = 1; n <= 2; n++) {
				uint32_t a, b;
				size_t la = dyad_utf8_decode(s, n, &a, NULL), lb = dyad_utf8_next(s, n, &b);
				assert_int_equal(la, lb);
				assert_int_equal(a, b);
			}
		}
	{
		uint32_t cp;
		assert_int_equal(dyad_utf8_next(more, strlen(more), &cp), 3);
		assert_int_equal(cp, 0x20ac);
		assert_int_equal(dyad_utf8_next(more + 3, strlen(more + 3), &cp), 4);
		assert_int_equal(cp, 0x1d11e);
	}
}

static void truncation_at_every_position_is_repaired(void **state)
{
	/* Cut a 2-, 3- and 4-byte sequence after each of its bytes, with text after it. */
	static const char *seqs[] = { "Ж", "€", "\xf0\x9f\x98\x80" };
	size_t s, cut;

	(void)state;
	for (s = 0; s < 3; s++) {
		size_t len = strlen(seqs[s]);
		for (cut = 1; cut < len; cut++) {
			char in[16];
			dyad_buf out = DYAD_BUF_INIT;
			size_t n = 0, bad;

			in[n++] = 'a';
			memcpy(in + n, seqs[s], cut);
			n += cut;
			in[n++] = 'b';
			bad = dyad_utf8_repair(&out, (dyad_str){ in, n });
			assert_int_equal(bad, 1);
			assert_string_equal(out.p, "a\xef\xbf\xbd"
						   "b");
			assert_true(dyad_utf8_valid((dyad_str){ out.p, out.n }));
			dyad_buf_free(&out);
		}
	}
}

static void ill_formed_sequences_are_replaced(void **state)
{
	dyad_buf out = DYAD_BUF_INIT;

	(void)state;
	/* overlong '/', a surrogate, past U+10FFFF, stray continuation, 0xff; NULs dropped */
	dyad_utf8_repair(&out, (dyad_str){ "\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80|\x80|\xff|\0|ok", 20 });
	assert_string_equal(out.p, "\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
				   "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd|"
				   "\xef\xbf\xbd||ok");
	assert_false(dyad_utf8_valid(DYAD_STR_LIT("\xc0\xaf")));
	assert_true(dyad_utf8_valid(DYAD_STR_LIT("белорусско-казахстанский")));
	dyad_buf_free(&out);
}

static void counts_code_points(void **state)
{
	(void)state;
	assert_int_equal(dyad_utf8_count(DYAD_STR_LIT("Нур-Султан")), 10);
	assert_int_equal(dyad_utf8_count(DYAD_STR_LIT("")), 0);
}

static void nfc_composes(void **state)
{
	dyad_buf out = DYAD_BUF_INIT;

	(void)state;
	/* е + combining diaeresis becomes ё; й written as и + breve becomes й */
	dyad_utf8_nfc(&out, DYAD_STR_LIT("\xd0\xb5\xcc\x88 \xd0\xb8\xcc\x86"));
	assert_string_equal(out.p, "ё й");
	dyad_buf_clear(&out);
	dyad_utf8_nfc(&out, DYAD_STR_LIT("Минск, 20 декабря — «БЕЛТА»"));
	assert_string_equal(out.p, "Минск, 20 декабря — «БЕЛТА»");
	dyad_buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_every_length),
		cmocka_unit_test(next_reads_as_decode_does),
		cmocka_unit_test(truncation_at_every_position_is_repaired),
		cmocka_unit_test(ill_formed_sequences_are_replaced),
		cmocka_unit_test(counts_code_points),
		cmocka_unit_test(nfc_composes),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
