#!/usr/bin/env bash
# eval_floor.sh — dyad scored against gold files: the seed pages of ../shared/corpus (when
# present) and the project's own examples, the Russian pages (set "examples") and the English
# pages with the HTML and JSON Lines inputs (set "examples_en") scored apart. Fails when a figure falls below the floor recorded
# in tests/tools/eval.recorded (raise the floor when dyad improves; never lower it quietly).
set -u
build=${1:?usage: eval_floor.sh BUILD_DIR}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
run() { # name gold pages...
	local set=$1 gold=$2; shift 2
	$DYAD_WRAP "$build/dyad" eval --gold "$gold" "$@" > "$tmp/$set.out" 2>&1
	awk -v set="$set" '
		/^(title|date|time|language|outlet|dateline|furniture|evidence|people) / { gsub("%", "", $4); print set, $1, $4 / 100 }
		/^events:/ { for (i = 1; i <= NF; i++) if ($i == "F1") { v = $(i + 1); sub(",", "", v); print set, "events_f1", v } }
	' "$tmp/$set.out"
}
{
	run examples examples/news-gold examples/news/ru-*
	run examples_en examples/news-gold examples/news/en-* examples/news/mixed-*
	if [ -d ../shared/corpus/seeds ]; then run seeds ../shared/corpus/seeds-gold ../shared/corpus/seeds; fi
} > "$tmp/figures"
status=0
# the dictionaries dyad ships load without a warning
if grep -h "^dyad: .*data/.*:[0-9]*:" "$tmp"/*.out | sort -u | head -5 | grep .; then
	echo "the shipped dictionaries warn (above)"; status=1
fi
while read -r set field want; do
	got=$(awk -v s="$set" -v f="$field" '$1 == s && $2 == f { print $3 }' "$tmp/figures")
	[ -z "$got" ] && { [ "$set" = seeds ] && [ ! -d ../shared/corpus/seeds ] && continue; echo "no figure for $set $field"; status=1; continue; }
	if awk -v g="$got" -v w="$want" 'BEGIN { exit !(g + 0.0005 < w) }'; then
		echo "$set $field: $got is below the recorded $want"; status=1
	fi
done < tests/tools/eval.recorded
echo "$(awk '$2 == "events_f1" { printf "%s events F1 %s; ", $1, $3 }' "$tmp/figures")all fields at or above the floor"
exit $status
