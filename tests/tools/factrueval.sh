#!/usr/bin/env bash
# factrueval.sh — dyad's actor finder on factRuEval-2016's devset (Russian news with gold
# Person, Location and LocOrg mentions): precision, recall and F1 of person mentions and of place
# mentions (locations and countries), each gold mention matched to one of dyad's that overlaps
# it. Fails if a figure falls below the one recorded in tests/tools/factrueval.recorded.
# dyad finds political actors, not every name, so recall on all persons is low by design.
set -u
build=${1:?usage: factrueval.sh BUILD_DIR}
dev=../shared/anchors/factrueval/devset
[ -d "$dev" ] || { echo "../shared/anchors/factrueval is absent: skipping"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the devset's news is from 2016
$DYAD_WRAP "$build/dyad" actors --raw --date 2016-06-01 "$dev"/*.txt > "$tmp/mentions.jsonl" || exit 1
python3 - "$dev" "$tmp/mentions.jsonl" tests/tools/factrueval.recorded <<'PY'
import json, os, sys, collections
dev, ours_file, recorded = sys.argv[1], sys.argv[2], sys.argv[3]
gold = collections.defaultdict(lambda: {'person': [], 'place': []})
for f in os.listdir(dev):
    if not f.endswith('.objects'):
        continue
    book = f[:-8]
    spans = {}
    for line in open(os.path.join(dev, book + '.spans'), encoding='utf-8'):
        p = line.split('#')[0].split()
        if len(p) >= 4:
            spans[p[0]] = (int(p[2]), int(p[2]) + int(p[3]))
    for line in open(os.path.join(dev, f), encoding='utf-8'):
        p = line.split('#')[0].split()
        if len(p) < 3:
            continue
        kind = {'Person': 'person', 'Location': 'place', 'LocOrg': 'place'}.get(p[1])
        ss = [spans[s] for s in p[2:] if s in spans]
        if kind and ss:
            gold[book][kind].append((min(a for a, _ in ss), max(b for _, b in ss)))
ours = collections.defaultdict(lambda: {'person': [], 'place': []})
for line in open(ours_file, encoding='utf-8'):
    m = json.loads(line)
    book = os.path.basename(m['path'])[:-4]
    kind = {'person': 'person', 'location': 'place', 'country': 'place'}.get(m['kind'])
    if kind:
        ours[book][kind].append((m['start'], m['end']))
result = {}
for kind in ('person', 'place'):
    tp_g = tp_o = n_g = n_o = 0
    for book in set(gold) | set(ours):
        g, o = gold[book][kind], ours[book][kind]
        n_g += len(g); n_o += len(o)
        used = set()
        for a, b in g:
            for i, (c, d) in enumerate(o):
                if i not in used and c < b and a < d:
                    used.add(i); tp_g += 1; break
        tp_o += len(used)
    p = tp_o / n_o if n_o else 0.0
    r = tp_g / n_g if n_g else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    result[kind] = (p, r, f1, n_g, n_o)
    print(f'{kind}: precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f} ({n_g} gold, {n_o} found)')
want = {}
if os.path.exists(recorded):
    for line in open(recorded):
        k, v = line.split()
        want[k] = float(v)
bad = [k for k in ('person', 'place') if result[k][2] + 0.005 < want.get(k, 0.0)]
for k in bad:
    print(f'{k} F1 {result[k][2]:.3f} fell below the recorded {want[k]:.3f}')
print(f"persons F1 {result['person'][2]:.3f}, places F1 {result['place'][2]:.3f} on {len(gold)} documents")
sys.exit(1 if bad else 0)
PY
