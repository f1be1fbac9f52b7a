#!/usr/bin/env bash
# codebook_plover.sh — data/codebook/cameo.tsv against the public CAMEO→PLOVER table in
# ../shared/anchors/plover/: every code the table lists is in the codebook, and every PLOVER type
# agrees except where docs/codebook.md states dyad's own rule. Skips without ../shared.
set -u
table=../shared/anchors/plover/CAMEO2PLOVER-2021.txt
[ -f "$table" ] || { echo "../shared/anchors/plover is absent: skipping"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
python3 - "$table" data/codebook/cameo.tsv <<'PY'
import re, sys
public = {}
for line in open(sys.argv[1], encoding='utf-8'):
    m = re.match(r'^(\d{3,4}):\s*([A-Z]+)', line)
    if m:
        public[m.group(1)] = m.group(2)
ours = {}
for line in open(sys.argv[2], encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    f = line.rstrip('\n').split('\t')
    ours[f[0]] = f[4]
# dyad's own rules, docs/codebook.md
def own_rule(code, theirs, mine):
    return ((code.startswith('03') and code != '036' and mine == 'COOPERATE') or (code == '036' and mine == 'CONSULT')
            or (code == '057' and mine == 'AGREE') or (code.startswith('163') and mine == 'SANCTION')
            or (code.startswith('09') and mine == 'ACCUSE'))
missing = [c for c in public if c not in ours]
differ = [(c, public[c], ours[c]) for c in public if c in ours and public[c] != ours[c] and not own_rule(c, public[c], ours[c])]
for c in missing:
    print(f'{c}: in the public table, not in the codebook')
for c, t, o in differ:
    print(f'{c}: public {t}, dyad {o}, and docs/codebook.md gives no rule for it')
agree = sum(1 for c in public if c in ours and public[c] == ours[c])
print(f'{len(public)} public codes: {agree} agree, {len(public) - agree - len(missing) - len(differ)} by dyad\'s rules, {len(differ)} unexplained, {len(missing)} missing')
sys.exit(1 if missing or differ else 0)
PY
