#!/usr/bin/env bash
# morph_az.sh — dyad's Russian analyses against the reference implementation az.js, on every
# distinct Cyrillic word of ../shared's development pages and seeds. Both sides in Universal
# Dependencies (az's OpenCorpora tags mapped by tests/tools/morph_az.mjs as dyad maps them); a word
# agrees when every analysis (lemma, part of speech, features) is the same, in the same order.
# Prints the agreement, the share of Cyrillic tokens in the dictionary and the differences by
# kind; fails below the floor in tests/tools/morph_az.recorded. Needs node and az (npm ci; both
# come with scripts/bootstrap, which `make check` runs): fails without them once the binary has
# `tokens --morph` (skipped before). Skipped when ../shared is absent.
set -u
build=${1:?usage: morph_az.sh BUILD_DIR}
corpus=../shared/corpus
have_az() { command -v node >/dev/null && [ -f node_modules/az/dicts/words.dawg ]; }
self_check() { self=$(timeout 120 node tests/tools/morph_az.mjs self-check) || { echo "$self"; echo "FAIL: az's side"; exit 1; }; }
if ! "$build/dyad" tokens --help | grep -q -- '--morph'; then
	# nothing to compare yet; az's side alone when it is there
	have_az && { self_check; echo "$self"; }
	echo "dyad tokens has no --morph: comparison skipped"; exit 77
fi
command -v node >/dev/null || { echo "FAIL: node is missing (scripts/bootstrap installs it)"; exit 1; }
[ -f node_modules/az/dicts/words.dawg ] || { echo "FAIL: az is missing from node_modules (npm ci installs it)"; exit 1; }
self_check
[ -d "$corpus/dev/raw" ] || { echo "$self; ../shared/corpus is absent: comparison skipped"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
shopt -s nullglob
pages=("$corpus"/dev/raw/*.txt "$corpus"/seeds/*.txt)
[ ${#pages[@]} -gt 0 ] || { echo "FAIL: no pages in $corpus/dev/raw or $corpus/seeds"; exit 1; }
# the words as dyad's tokenizer cuts them, each then analysed alone (first in its own sentence)
${DYAD_WRAP:-} "$build/dyad" tokens --json "${pages[@]}" > "$tmp/tokens.jsonl" || { echo "FAIL: dyad tokens"; exit 1; }
node tests/tools/morph_az.mjs words "$tmp/tokens.jsonl" "$tmp/words.txt" "$tmp/counts.tsv" || exit 1
${DYAD_WRAP:-} "$build/dyad" tokens --morph --json "$tmp/words.txt" > "$tmp/morph.jsonl" ||
	{ echo "FAIL: dyad tokens --morph"; exit 1; }
timeout 600 node tests/tools/morph_az.mjs compare "$tmp/counts.tsv" "$tmp/morph.jsonl" tests/tools/morph_az.recorded
