#!/usr/bin/env bash
# jobs.sh — the commands that read pages give with -j N what one thread gives: on examples/news
# and the dev pages (../shared/corpus/dev/raw, when present), `dyad code` byte for byte with -j 1,
# -j 2 and -j 4 (JSON and GDELT rows), parse, actors, explain and eval with -j 1 and -j 3, and ingest the
# same store rows with -j 1 and -j 4; -j 0, a word or 1000 are usage errors.
set -u
build=${1:?usage: jobs.sh BUILD_DIR}
dyad="${DYAD_WRAP:-} $build/dyad"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
inputs=(examples/news)
[ -d ../shared/corpus/dev/raw ] && inputs+=(../shared/corpus/dev/raw)

for fmt in json gdelt; do
	$dyad code -j 1 --format $fmt "${inputs[@]}" >"$tmp/one.$fmt" 2>"$tmp/one.err" || fail "code -j 1 --format $fmt exited $?"
	[ -s "$tmp/one.$fmt" ] || fail "code -j 1 --format $fmt wrote nothing"
	for j in 2 4; do
		$dyad code -j $j --format $fmt "${inputs[@]}" >"$tmp/many.$fmt" 2>"$tmp/many.err" || fail "code -j $j exited $?"
		cmp -s "$tmp/one.$fmt" "$tmp/many.$fmt" || fail "code -j $j --format $fmt differs from -j 1: $(diff "$tmp/one.$fmt" "$tmp/many.$fmt" | head -3)"
		cmp -s "$tmp/one.err" "$tmp/many.err" || fail "code -j $j says other things on stderr than -j 1"
	done
done

for verb in parse actors explain; do
	$dyad $verb -j 1 "${inputs[@]}" >"$tmp/one.$verb" 2>&1 || fail "$verb -j 1 exited $?"
	$dyad $verb -j 3 "${inputs[@]}" >"$tmp/many.$verb" 2>&1 || fail "$verb -j 3 exited $?"
	[ -s "$tmp/one.$verb" ] || fail "$verb -j 1 wrote nothing"
	cmp -s "$tmp/one.$verb" "$tmp/many.$verb" || fail "$verb -j 3 differs from -j 1: $(diff "$tmp/one.$verb" "$tmp/many.$verb" | head -3)"
done

if [ -d ../shared/corpus/dev/gold ]; then
	$dyad eval -j 1 --gold ../shared/corpus/dev/gold ../shared/corpus/dev/raw >"$tmp/one.eval" 2>&1
	$dyad eval -j 3 --gold ../shared/corpus/dev/gold ../shared/corpus/dev/raw >"$tmp/many.eval" 2>&1
	grep -q '^events:' "$tmp/one.eval" || fail "eval -j 1 scored no events: $(tail -3 "$tmp/one.eval")"
	cmp -s "$tmp/one.eval" "$tmp/many.eval" || fail "eval -j 3 scores otherwise than -j 1"
fi

# the store: every table but the documents' ingest times
dump() { sqlite3 "$1" .dump | grep -v '^INSERT INTO "\?documents"\? '; sqlite3 "$1" 'SELECT id, content_hash, path, title, date FROM documents ORDER BY rowid'; }
if command -v sqlite3 >/dev/null; then
	for j in 1 4; do
		$dyad ingest -q -j $j --db "$tmp/kb$j.db" "${inputs[@]}" 2>"$tmp/ingest$j.err" || fail "ingest -j $j exited $?: $(head -3 "$tmp/ingest$j.err")"
		dump "$tmp/kb$j.db" >"$tmp/kb$j.dump"
	done
	[ -s "$tmp/kb1.dump" ] || fail "ingest -j 1 stored nothing"
	cmp -s "$tmp/kb1.dump" "$tmp/kb4.dump" || fail "ingest -j 4 stores other rows than -j 1: $(diff "$tmp/kb1.dump" "$tmp/kb4.dump" | head -3)"
else
	echo "sqlite3 not found: the store is not compared"
fi

for bad in 0 x 1000; do
	$dyad code -j $bad examples/news >/dev/null 2>"$tmp/bad.err"; rc=$?
	[ $rc -eq 2 ] || fail "code -j $bad: exit $rc, expected 2"
	grep -q -- "--jobs wants" "$tmp/bad.err" || fail "code -j $bad: $(cat "$tmp/bad.err")"
done
[ $status -eq 0 ] && echo "code, parse, actors, explain, eval and ingest with -j 1 and more threads: the same output on ${inputs[*]} ($(wc -l <"$tmp/one.json") events)"
exit $status
