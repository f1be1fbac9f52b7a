#!/usr/bin/env bash
# places.sh — the gazetteer in text: tests/fixtures/places/mentions.tsv lists places in sentences
# written for dyad (Russian and English, in their case forms) with the GeoNames id or the project's
# place each names, and words that are no place (a capital speaking for its government). Prints
# the accuracy per language and the misses; fails when the accuracy falls below the floor recorded
# in tests/tools/places.recorded. Needs data/places/geonames.tsv, which make writes from
# libgeonames: without it the test fails (scripts/bootstrap installs the library).
set -u
build=${1:?usage: places.sh BUILD_DIR}
fixture=tests/fixtures/places/mentions.tsv
if [ ! -s data/places/geonames.tsv ]; then
	echo "data/places/geonames.tsv is missing: run scripts/bootstrap, then make (scripts/gazetteer writes it)"
	exit 1
fi
command -v python3 >/dev/null || { echo "python3 is missing"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$fixture" "$tmp" <<'PY' || exit 1
import sys
fixture, tmp = sys.argv[1], sys.argv[2]
n = 0
for line in open(fixture, encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    n += 1
    with open(f'{tmp}/{n:04d}.txt', 'w', encoding='utf-8') as f:
        f.write(line.split('\t')[0] + '\n')
PY
${DYAD_WRAP:-} "$build/dyad" actors --raw "$tmp"/*.txt > "$tmp/mentions.jsonl" || exit 1
python3 - "$fixture" "$tmp" tests/tools/places.recorded <<'PY'
import collections, json, os, re, sys
fixture, tmp, recorded = sys.argv[1], sys.argv[2], sys.argv[3]
found = collections.defaultdict(list)
for line in open(f'{tmp}/mentions.jsonl', encoding='utf-8'):
    m = json.loads(line)
    if m['kind'] == 'location':
        found[os.path.basename(m['path'])].append(m)
right, total, misses, n = collections.Counter(), collections.Counter(), [], 0
for line in open(fixture, encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    n += 1
    sentence, words, want = line.rstrip('\n').split('\t')
    lang = 'ru' if re.search('[а-яА-ЯёЁ]', sentence) else 'en'
    ms = [m for m in found[f'{n:04d}.txt'] if m['text'] == words]
    if want == '-':
        ok = not ms
        got = 'no place' if ok else ms[0]['place']['name']
    else:
        places = [m['place'] for m in ms if m['place']]
        if want.startswith('@'):
            ok = any(p['name'] == want[1:] and p['geonames'] is None for p in places)
        else:
            ok = any(str(p['geonames']) == want.split()[0] for p in places)
        got = ', '.join(f"{p['name']} {p['geonames']}" for p in places) or 'nothing'
    total[lang] += 1
    if ok:
        right[lang] += 1
    else:
        misses.append(f'  {sentence!r}: {words!r} should be {want}, got {got}')
for m in misses:
    print(m)
acc = {k: right[k] / total[k] for k in total}
allacc = sum(right.values()) / sum(total.values())
floor = 0.0
if os.path.exists(recorded):
    for line in open(recorded):
        k, v = line.split()
        if k == 'accuracy':
            floor = float(v)
print(f"places: ru {right['ru']}/{total['ru']} ({acc['ru']:.3f}), en {right['en']}/{total['en']} ({acc['en']:.3f}), "
      f"accuracy {allacc:.3f} (floor {floor:.3f})")
sys.exit(1 if allacc + 0.0005 < floor else 0)
PY
