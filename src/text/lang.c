/*
 * lang.c — which language a text is in: ru, en, uk, be, kk or other. Letters
 * that only one candidate uses decide first (Kazakh ә ғ қ ң ө ұ ү һ,
 * Ukrainian ї є ґ, Belarusian ў); then libexttextcat's n-gram profiles,
 * restricted to the candidates, choose; a Latin text is English or other.
 */
#include "dyad/text.h"

#include <textcat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad/utf8.h"

/* At most this many bytes are classified: the n-gram profile settles long before. */
#define LANG_SAMPLE 4096

struct dyad_langid {
	void *tc;
};

static const char *const codes[] = { "und", "ru", "en", "uk", "be", "kk" };

const char *dyad_lang_code(dyad_lang l)
{
	return (unsigned)l < sizeof codes / sizeof *codes ? codes[l] : "und";
}

dyad_lang dyad_lang_parse(dyad_str code)
{
	size_t i;

	for (i = 1; i < sizeof codes / sizeof *codes; i++)
		if (dyad_str_eq_c(code, codes[i]))
			return (dyad_lang)i;
	return DYAD_LANG_OTHER;
}

/* Where Debian puts the fingerprints; $DYAD_TEXTCAT overrides it. */
static const char *profile_dir(void)
{
	const char *env = getenv("DYAD_TEXTCAT");
	return env && *env ? env : "/usr/share/libexttextcat";
}

dyad_langid *dyad_langid_new(dyad_errbuf *e)
{
	static const char *const want[] = { "ru", "en", "uk", "be", "kk" };
	char conf[] = "/tmp/dyad-textcat-XXXXXX", prefix[4096], path[4200];
	dyad_langid *l;
	FILE *f;
	int fd;
	size_t i;

	snprintf(prefix, sizeof prefix, "%s/", profile_dir());
	for (i = 0; i < sizeof want / sizeof *want; i++) {
		snprintf(path, sizeof path, "%s%s.lm", prefix, want[i]);
		if (access(path, R_OK) != 0) {
			dyad_errf(e, DYAD_ENOTFOUND,
				  "%s: missing language profile (install libexttextcat-data "
				  "or set DYAD_TEXTCAT)",
				  path);
			return NULL;
		}
	}
	/* the classifier reads its list of profiles from a file: write one naming only the candidates */
	if ((fd = mkstemp(conf)) < 0 || (f = fdopen(fd, "w")) == NULL) {
		dyad_errf(e, DYAD_EIO, "%s: cannot write the language profile list", conf);
		return NULL;
	}
	for (i = 0; i < sizeof want / sizeof *want; i++)
		fprintf(f, "%s.lm %s\n", want[i], want[i]);
	fclose(f);
	l = dyad_xcalloc(1, sizeof *l);
	l->tc = special_textcat_Init(conf, prefix);
	unlink(conf);
	if (l->tc == NULL) {
		dyad_errf(e, DYAD_EIO, "%s: cannot load the language profiles", prefix);
		free(l);
		return NULL;
	}
	return l;
}

void dyad_langid_free(dyad_langid *l)
{
	if (l == NULL)
		return;
	textcat_Done(l->tc);
	free(l);
}

dyad_lang dyad_langid_detect(dyad_langid *l, dyad_str text)
{
	size_t i = 0, cyr = 0, lat = 0, other = 0, n = text.n < LANG_SAMPLE ? text.n : LANG_SAMPLE;
	size_t kk = 0, uk = 0, be = 0, ru_only = 0;
	const char *r;

	/* back off to a code point boundary */
	while (n < text.n && n > 0 && ((unsigned char)text.p[n] & 0xC0) == 0x80)
		n--;
	while (i < n) {
		uint32_t cp;
		size_t k = dyad_utf8_decode(text.p + i, n - i, &cp, NULL);
		i += k;
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
			lat++;
		} else if (cp >= 0x400 && cp <= 0x4FF) {
			cyr++;
			switch (cp) {
			case 0x4D9:
			case 0x4D8:
			case 0x493:
			case 0x492:
			case 0x49B:
			case 0x49A:
			case 0x4A3:
			case 0x4A2:
			case 0x4E9:
			case 0x4E8:
			case 0x4B1:
			case 0x4B0:
			case 0x4AF:
			case 0x4AE:
			case 0x4BB:
			case 0x4BA: kk++; break;
			case 0x457:
			case 0x407:
			case 0x454:
			case 0x404:
			case 0x491:
			case 0x490: uk++; break;
			case 0x45E:
			case 0x40E: be++; break;
			case 0x44A:
			case 0x42A:
			case 0x44D:
			case 0x42D:
			case 0x449:
			case 0x429:
				ru_only++; /* ъ э щ: Russian has them; Ukrainian and Belarusian do not use all three */
				break;
			}
		} else if (cp > 0x24F && !(cp >= 0x2000 && cp <= 0x2BFF) && cp != 0xFEFF && cp != DYAD_REPLACEMENT &&
			   cp > 0xFF) {
			other++;
		}
	}
	if (cyr + lat + other < 20)
		return DYAD_LANG_OTHER;
	if (other > cyr + lat)
		return DYAD_LANG_OTHER;
	if (cyr >= lat) {
		/* a handful of letters only one language writes settles it */
		if (kk >= 3 && kk * 100 >= cyr)
			return DYAD_LANG_KK;
		if (uk >= 2 && uk > be)
			return DYAD_LANG_UK;
		if (be >= 2)
			return DYAD_LANG_BE;
	}
	/*
	 * The profiles are ru, en, uk, be and kk: Latin script alone can only be
	 * English, and Cyrillic with ъ, э and щ but no letter of the other three is
	 * Russian. Only the rest needs the (slow) n-gram comparison.
	 */
	if (cyr == 0 && lat >= 20)
		return DYAD_LANG_EN;
	if (cyr >= 200 && lat * 4 < cyr && ru_only >= 3 && kk == 0 && uk == 0 && be == 0)
		return DYAD_LANG_RU;
	r = textcat_Classify(l->tc, text.p, n);
	if (r && r[0] == '[') {
		/* the best candidate comes first: "[ru][uk]" */
		if (strncmp(r, "[en]", 4) == 0)
			return lat > cyr ? DYAD_LANG_EN : DYAD_LANG_RU;
		if (lat > cyr)
			return DYAD_LANG_OTHER;
		if (strncmp(r, "[uk]", 4) == 0)
			return ru_only ? DYAD_LANG_RU : DYAD_LANG_UK;
		if (strncmp(r, "[be]", 4) == 0)
			return ru_only > 2 ? DYAD_LANG_RU : DYAD_LANG_BE;
		if (strncmp(r, "[kk]", 4) == 0)
			return kk ? DYAD_LANG_KK : DYAD_LANG_RU;
		return DYAD_LANG_RU;
	}
	/* too short or unknown for the profiles: the script decides */
	if (cyr > lat)
		return DYAD_LANG_RU;
	return lat >= 20 ? DYAD_LANG_EN : DYAD_LANG_OTHER;
}
