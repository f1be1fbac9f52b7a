#!/usr/bin/env bash
# actor_coverage.sh — does dyad find the actors of gold events at all? For every gold event of the
# development set and the seeds (../shared/corpus), both its sides' states or organisations must be
# among the mentions `dyad actors` finds on the page (any kind, any role: this measures the lexicon,
# not the coder). Also checks that every actor mention carries its identity (id, English and Russian
# names for the lexicon's countries, organisations and people; docs/formats.md). Fails below the share
# recorded in tests/tools/actor_coverage.recorded.
set -u
build=${1:?usage: actor_coverage.sh BUILD_DIR}
corpus=../shared/corpus
[ -d "$corpus/dev" ] || { echo "../shared/corpus is absent: skipping"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sets="dev"
$DYAD_WRAP "$build/dyad" actors "$corpus"/dev/raw/*.txt > "$tmp/dev.jsonl" || exit 1
if [ -d "$corpus/seeds" ]; then
	sets="dev seeds"
	$DYAD_WRAP "$build/dyad" actors "$corpus"/seeds/*.txt > "$tmp/seeds.jsonl" || exit 1
fi
python3 - "$corpus" "$tmp" tests/tools/actor_coverage.recorded $sets <<'PY'
import json, os, sys, collections
corpus, tmp, recorded, sets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
gold_dir = {'dev': os.path.join(corpus, 'dev', 'gold'), 'seeds': os.path.join(corpus, 'seeds-gold')}
found, missing, bad_identity = 0, [], []
for s in sets:
    seen = collections.defaultdict(set)
    for line in open(os.path.join(tmp, s + '.jsonl'), encoding='utf-8'):
        m = json.loads(line)
        page = os.path.basename(m['path'])[:-4]
        if m['kind'] == 'location':
            continue
        if m['country']:
            seen[page].add(m['country'])
        if m['igo']:
            seen[page].add('IGO ' + m['igo'])
        known = m['kind'] in ('country', 'igo') or (m['kind'] == 'person' and m['id'])
        if known and not (m['id'] and m['name'] and m['name_ru']):
            bad_identity.append('%s: %s' % (m['path'], m['text']))
    for f in sorted(os.listdir(gold_dir[s])):
        page = f[:-5]
        for e in json.load(open(os.path.join(gold_dir[s], f), encoding='utf-8'))['events']:
            sides = []
            for side in (e['source'], e['target']):
                w = side.split()
                sides.append(' '.join(w[:2]) if w[0] == 'IGO' else w[0])
            if all(x in seen[page] for x in sides):
                found += 1
            else:
                missing.append('%s %s: %s -> %s' % (s, page, e['source'], e['target']))
total = found + len(missing)
share = found / total if total else 1.0
floor = float(open(recorded).read().split()[0])
for m in missing:
    print('  not found:', m)
for m in bad_identity[:10]:
    print('  no identity:', m)
print('gold events whose two actors dyad finds: %d of %d (%.3f; recorded floor %.3f); %d actor mentions without an identity'
      % (found, total, share, floor, len(bad_identity)))
sys.exit(0 if share >= floor and not bad_identity else 1)
PY
