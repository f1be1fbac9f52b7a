#!/usr/bin/env bash
# ministers.sh — which of the 193 UN member states (tests/tools/un_members.txt) have a foreign
# minister and a defence minister in office on a given day (default 2025-06-01, or
# $DYAD_MINISTERS_DAY) in the people files (data/actors/people*.txt)? An office counts when it is
# `XXXGOV`, titled with "foreign", "external affairs" or "secretary of state" (USA) — or with
# "defence"/"defense" — and not a deputy's or a spokesman's, and its date range covers the day (a
# bound of YYYY or YYYY-MM covers the whole year or month). Prints the counts and the states without;
# on the default day fails when a count falls below the floor recorded in
# tests/tools/ministers.recorded. That file also lists, one `no-ministry XXX reason` line each, the
# member states that have no defence ministry at all (no armed forces, or defence left to another
# state): they are counted apart, and the test fails when the people files give one of them a
# defence minister (then the state is wrongly listed, or the office is wrong). Then checks that dyad loads every people file without a warning and
# finds a few ministers by name.
set -u
build=${1:?usage: ministers.sh BUILD_DIR}
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
counts=$(python3 - "${DYAD_MINISTERS_DAY:-2025-06-01}" tests/tools/un_members.txt tests/tools/ministers.recorded data/actors/people*.txt <<'PY'
import re, sys
day, members, recorded, people = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
UN = [w for line in open(members) if not line.startswith('#') for w in line.split()]
assert len(UN) == 193 and len(set(UN)) == 193
if not re.fullmatch(r'\d{4}-\d\d-\d\d', day):
    print('ministers.sh: day %r is not YYYY-MM-DD' % day)
    sys.exit(1)
FOREIGN = re.compile(r'\b(foreign|external affairs|secretary of state)\b', re.I)
DEFENCE = re.compile(r'\b(defen[cs]e)\b', re.I)
NOT = re.compile(r'\b(vice|deputy|spokes\w*|intelligence|commissioner|high representative)\b', re.I)

def bound(s, last):
    """A range bound as YYYY-MM-DD: the first day of a year or month it names, or the last."""
    if not s:
        return '9999-99-99' if last else '0000-00-00'
    if len(s) == 4:
        return s + ('-12-31' if last else '-01-01')
    if len(s) == 7:
        return s + ('-31' if last else '-01')
    return s

floors, noministry = {}, {}
for line in open(recorded, encoding='utf-8'):
    w = line.split()
    if not w or w[0].startswith('#'):
        continue
    if w[0] == 'no-ministry':
        if len(w) < 3 or w[1] not in UN or w[1] in noministry:
            print('ministers.recorded: %r needs a UN member code (given once) and a reason' % line.strip())
            sys.exit(1)
        noministry[w[1]] = ' '.join(w[2:])
    elif len(w) == 2:
        floors[w[0]] = int(w[1])

fm, dm = set(), set()
for f in people:
    for line in open(f, encoding='utf-8'):
        m = re.match(r'office\s+([A-Z]{3})GOV\s+\[([0-9-]*)\.\.([0-9-]*)\]\s*(.*)', line)
        if not m or NOT.search(m.group(4)):
            continue
        if not bound(m.group(2), False) <= day <= bound(m.group(3), True):
            continue
        if FOREIGN.search(m.group(4)):
            fm.add(m.group(1))
        if DEFENCE.search(m.group(4)):
            dm.add(m.group(1))
nofm = [c for c in UN if c not in fm]
withdm = [c for c in UN if c not in noministry]
nodm = [c for c in withdm if c not in dm]
print('UN member states: 193; on %s with a foreign minister: %d, with a defence minister: %d of %d '
      'states that have a defence ministry (%d have none)' %
      (day, 193 - len(nofm), len(withdm) - len(nodm), len(withdm), len(noministry)))
print('without a foreign minister (%d): %s' % (len(nofm), ' '.join(nofm)))
print('without a defence minister (%d): %s' % (len(nodm), ' '.join(nodm)))
print('no defence ministry (%d): %s' % (len(noministry), ' '.join(c for c in UN if c in noministry)))
bad = False
for c in UN:
    if day == '2025-06-01' and c in noministry and c in dm:
        print('FAIL: %s has a defence minister on %s in the people files, but ministers.recorded says '
              'it has no defence ministry (%s)' % (c, day, noministry[c]))
        bad = True
for key, have in (('foreign', 193 - len(nofm)), ('defence', len(withdm) - len(nodm))):
    if day == '2025-06-01' and have < floors.get(key, 0):
        print('FAIL: %d states with a %s minister, floor %d' % (have, key, floors[key]))
        bad = True
sys.exit(1 if bad else 0)
PY
)
rc=$?
echo "$counts"
[ $rc -eq 0 ] || exit 1
# dyad loads every people file without a warning (a repeated id, a bad date, a line it cannot read)
# and finds ministers of the regional files by name, in Russian case forms and in English.
dyad="$build/dyad"
[ -x "$dyad" ] || { echo "$dyad is missing: build first"; exit 1; }
err=$(mktemp) || exit 1
trap 'rm -f "$err"' EXIT
out=$(printf '%s\n' \
	'Министр иностранных дел Туниса Мохамед Али Нафти встретился с Робертом Дюссе.' \
	"Kenya's defence secretary Soipan Tuya met Juvenal Marizamunda in Kigali." |
	${DYAD_WRAP:-} "$dyad" actors --date 2025-06-01 --format text 2>"$err")
rc=$?
if [ $rc -ne 0 ] || [ -s "$err" ]; then
	echo "FAIL: dyad actors (exit $rc) warns while loading the dictionaries:"; head -20 "$err"; exit 1
fi
for want in 'TUNGOV .*= Mohamed Ali Nafti, foreign minister' 'TGOGOV .*= Robert Dussey, foreign minister' \
	'KENGOV .*= Soipan Tuya, cabinet secretary for defence' 'RWAGOV .*= Juvénal Marizamunda, defence minister'; do
	grep -q -- "$want" <<<"$out" || { echo "FAIL: no actor matching '$want' in:"; echo "$out"; exit 1; }
done
echo "$(head -1 <<<"$counts" | sed 's/^UN member states: 193; //'); the people files load without a warning"
