#!/usr/bin/env bash
# seed_sentences.sh — every evidence sentence of the seed pages' gold lies within one sentence of
# `dyad tokens --sentences` (a dateline may stay glued to the lead), never split across two.
# Reads ../shared/corpus; skips when it is absent.
set -u
build=${1:?usage: seed_sentences.sh BUILD_DIR}
seeds=../shared/corpus/seeds gold=../shared/corpus/seeds-gold
if [ ! -d "$seeds" ] || [ ! -d "$gold" ]; then
	echo "../shared/corpus is absent: the seed pages are not in this checkout"; exit 77
fi
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for page in "$seeds"/*.txt; do
	name=$(basename "$page" .txt)
	$DYAD_WRAP "$build/dyad" tokens --sentences "$page" > "$tmp/$name.sent" || exit 1
done
python3 - "$tmp" "$gold" <<'PY'
import json, os, sys
tmp, gold = sys.argv[1], sys.argv[2]
checked = bad = 0
for f in sorted(os.listdir(gold)):
    name = f[:-5]
    sents = open(os.path.join(tmp, name + '.sent'), encoding='utf-8').read().split('\n')
    for ev in json.load(open(os.path.join(gold, f), encoding='utf-8')).get('events', []):
        e = ev.get('evidence')
        if not e:
            continue
        checked += 1
        if not any(e in s for s in sents):
            bad += 1
            print(f'{name}: split across sentences: {e[:100]}')
print(f'{checked} evidence sentences checked, {bad} split')
sys.exit(1 if bad or not checked else 0)
PY
