#!/usr/bin/env bash
# morph_missing.sh — without the morphology's dictionary the commands that code events (actors,
# code, explain, eval, ingest, lexicon --fires) stop with exit 3 and a message naming the missing
# file and how to install it; parse and tokens without --morph keep working. A data folder of its
# own (--data) without morph/, and $DYAD_MORPH pointing at an empty folder, hide the dictionary;
# then DATA/morph holding it makes `dyad code` work again.
set -u
build=${1:?usage: morph_missing.sh BUILD_DIR}
dyad="${DYAD_WRAP:-} $build/dyad"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "morph_missing: $*"; exit 1; }
cp -r data "$tmp/data" && rm -rf "$tmp/data/morph" && mkdir "$tmp/empty"
page=examples/news/ru-01-belta-lukashenko-tokayev-call.txt
gold=examples/news-gold
export DYAD_MORPH="$tmp/empty"
for cmd in "actors $page" "code $page" "explain $page" "eval --gold $gold $page" \
	"ingest --db $tmp/kb.db $page" "lexicon --fires $page"; do
	# shellcheck disable=SC2086
	out=$($dyad ${cmd%% *} --data "$tmp/data" ${cmd#* } 2>&1 >/dev/null); rc=$?
	[ $rc = 3 ] || fail "dyad ${cmd%% *}: exit $rc without the dictionary, expected 3: $out"
	grep -q "$tmp/empty/words.dawg" <<<"$out" || fail "dyad ${cmd%% *}: the message does not name the file: $out"
	grep -q "npm ci" <<<"$out" || fail "dyad ${cmd%% *}: the message does not say how to install it: $out"
done
$dyad parse --data "$tmp/data" "$page" >/dev/null 2>&1 || fail "dyad parse needs no dictionary"
$dyad tokens "$page" >/dev/null 2>&1 || fail "dyad tokens without --morph needs no dictionary"
# the dictionary in DATA/morph is found before $DYAD_MORPH's search
dicts=$(cd "$build" && cd ../../node_modules/az/dicts 2>/dev/null && pwd) ||
	{ echo "node_modules/az/dicts is missing (npm ci): the rest is not checked"; exit 0; }
ln -s "$dicts" "$tmp/data/morph"
$dyad code --data "$tmp/data" "$page" 2>"$tmp/err" | grep -q '"cameo"' || fail "dyad code with DATA/morph: $(cat "$tmp/err")"
echo "6 commands stop with exit 3 and say what to install; DATA/morph is read"
