#!/usr/bin/env bash
# embedding.sh — the C example of docs/embedding.md, compiled against libdyad.a as the page says
# (warnings as errors) and run: on examples/news it prints the events `dyad code` writes (file,
# CAMEO code, source, target, in the same order), and an input that cannot be read is named on
# stderr with exit status 1 while the rest is still coded. Needs python3 to read dyad's JSON.
set -u
build=${1:?usage: embedding.sh BUILD_DIR}
command -v python3 >/dev/null || { echo "python3 not found"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# the first C block of the page that is a whole program
awk '/^```c$/ { inblock = 1; text = ""; next } /^```$/ && inblock { if (text ~ /int main\(/) { printf "%s", text; exit } inblock = 0; next } inblock { text = text $0 "\n" }' \
	docs/embedding.md >"$tmp/events.c"
[ -s "$tmp/events.c" ] || { echo "FAIL: no C program in docs/embedding.md"; exit 1; }
pkgs="libutf8proc libexttextcat libxml-2.0 zlib sqlite3 libmicrohttpd libpq"
# a library built with sanitizers links only into a program built with them (build/<mode>/)
case "$(basename "$build")" in
asan) san="-fsanitize=address,undefined" ;;
ubsan) san="-fsanitize=undefined" ;;
tsan) san="-fsanitize=thread" ;;
*) san="" ;;
esac
# shellcheck disable=SC2046,SC2086
if ! cc -std=c11 -Wall -Wextra -Werror $san -Iinclude $(pkg-config --cflags $pkgs) "$tmp/events.c" "$build/libdyad.a" \
	$(pkg-config --libs $pkgs) -lstemmer -lm -o "$tmp/events" 2>"$tmp/cc.err"; then
	cat "$tmp/cc.err"; echo "FAIL: the example of docs/embedding.md does not compile"; exit 1
fi

${DYAD_WRAP:-} "$tmp/events" examples/news >"$tmp/got" 2>"$tmp/got.err" || fail "events examples/news exited $?: $(head -3 "$tmp/got.err")"
${DYAD_WRAP:-} "$build/dyad" code -j 1 examples/news 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    print("\t".join([e["path"], e["cameo"], e["source"]["code"], e["target"]["code"]]))' >"$tmp/want"
[ -s "$tmp/want" ] || fail "dyad code wrote no events on examples/news"
diff "$tmp/want" "$tmp/got" >"$tmp/diff" || { fail "the example's events differ from dyad code's:"; head -20 "$tmp/diff"; }
grep -q $'^examples/news/en-01-tokayev-mirziyoyev-call.txt\t041\tKAZGOV\tUZBGOV$' "$tmp/got" ||
	fail "the telephone call of en-01 is not among the example's events"

# an input that cannot be read: named, exit 1, the rest still coded
${DYAD_WRAP:-} "$tmp/events" "$tmp/missing.txt" examples/news/en-01-tokayev-mirziyoyev-call.txt >"$tmp/got2" 2>"$tmp/err2"
rc=$?
[ $rc -eq 1 ] || fail "a missing input: exit $rc, expected 1"
grep -q "missing.txt" "$tmp/err2" || fail "a missing input is not named: $(cat "$tmp/err2")"
grep -q $'\t041\tKAZGOV\tUZBGOV$' "$tmp/got2" || fail "after a missing input the next one is not coded"

[ $status -eq 0 ] && echo "the example of docs/embedding.md: $(wc -l <"$tmp/got") events on examples/news, as dyad code"
exit $status
