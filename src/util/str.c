/*
 * str.c — length-carrying string slices (dyad_str). They borrow their bytes;
 * whoever made the slice says how long the bytes live.
 */
#include "dyad/util.h"

#include <string.h>

dyad_str dyad_str_c(const char *s)
{
	return (dyad_str){ s, s ? strlen(s) : 0 };
}

int dyad_str_eq(dyad_str a, dyad_str b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

int dyad_str_eq_c(dyad_str a, const char *s)
{
	return dyad_str_eq(a, dyad_str_c(s));
}

int dyad_str_cmp(dyad_str a, dyad_str b)
{
	size_t n = a.n < b.n ? a.n : b.n;
	int c = n ? memcmp(a.p, b.p, n) : 0;

	if (c != 0)
		return c;
	return (a.n > b.n) - (a.n < b.n);
}

int dyad_str_starts_with(dyad_str s, dyad_str prefix)
{
	return s.n >= prefix.n && (prefix.n == 0 || memcmp(s.p, prefix.p, prefix.n) == 0);
}

int dyad_str_starts_with_lower(dyad_str s, dyad_str low)
{
	size_t i;

	if (low.n > s.n)
		return 0;
	for (i = 0; i < low.n; i++) {
		char c = s.p[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != low.p[i])
			return 0;
	}
	return 1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

dyad_str dyad_str_trim(dyad_str s)
{
	while (s.n > 0 && is_space(s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n > 0 && is_space(s.p[s.n - 1]))
		s.n--;
	return s;
}
