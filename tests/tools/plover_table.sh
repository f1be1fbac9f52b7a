#!/usr/bin/env bash
# plover_table.sh — data/codebook/cameo2plover.tsv, the table `dyad code --format plover` maps CAMEO
# codes through, against the public CAMEO→PLOVER table in ../shared/anchors/plover/: the same codes
# with the same event category, mode and context, row for row. Skips without ../shared.
#   tests/tools/plover_table.sh BUILD_DIR [--update]   (--update rewrites the table from the anchor)
set -u
update=${2:-}
table=../shared/anchors/plover/CAMEO2PLOVER-2021.txt
ours=data/codebook/cameo2plover.tsv
[ -f "$table" ] || { echo "../shared/anchors/plover is absent: skipping"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
python3 - "$table" "$ours" "$update" <<'PY'
import re, sys
rows = []
for line in open(sys.argv[1], encoding='utf-8'):
    m = re.match(r'^(\d{2,4}):([^#]*)', line)
    if not m:
        continue
    f = [x.strip() for x in m.group(2).split(',')] + ['', '']
    rows.append((m.group(1), f[0], f[1], f[2]))
head = ('# cameo2plover.tsv — each CAMEO code\'s PLOVER event category, mode and context as the public\n'
        '# CAMEO→PLOVER table gives them (CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8, Open Event Data\n'
        '# Alliance, CC BY-SA 4.0; this derived table carries the same licence). `dyad code --format plover`\n'
        '# maps codes through it; dyad\'s own `type` (cameo.tsv) is separate. tests/tools/plover_table.sh\n'
        '# checks it against the source and rewrites it with --update. Columns, tab-separated:\n'
        '#   code  event  mode  context   (a two-digit root stands for codes the table does not list)\n')
text = head + ''.join('\t'.join(r) + '\n' for r in rows)
if sys.argv[3] == '--update':
    open(sys.argv[2], 'w', encoding='utf-8').write(text)
    print(f'{len(rows)} rows written to {sys.argv[2]}')
    sys.exit(0)
have = open(sys.argv[2], encoding='utf-8').read()
if have != text:
    mine = [l for l in have.splitlines() if l and not l.startswith('#')]
    theirs = ['\t'.join(r) for r in rows]
    for a, b in zip(mine, theirs):
        if a != b:
            print(f'differs: ours {a!r}, the public table {b!r}')
            break
    print(f'{sys.argv[2]} is not the public table ({len(mine)} rows, the table has {len(theirs)})')
    sys.exit(1)
print(f'{len(rows)} codes as the public table maps them (036 {dict((r[0], r[1]) for r in rows)["036"]}, 057 {dict((r[0], r[1]) for r in rows)["057"]}, 163 {dict((r[0], r[1]) for r in rows)["163"]})')
PY
