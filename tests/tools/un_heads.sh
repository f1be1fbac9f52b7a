#!/usr/bin/env bash
# un_heads.sh — which of the 193 UN member states have a head of state or of government in the people
# files (data/actors/people*.txt)? Lists the member states that data/actors/countries.txt lacks, and
# the ones with no office `XXXGOV` titled president, prime minister, king, emir, ... at any date, and
# prints the share covered. Fails when a member state is missing from countries.txt or the number of
# states covered falls below the floor recorded in tests/tools/un_heads.recorded. The member list is
# the UN's (ISO 3166-1 alpha-3 codes), in tests/tools/un_members.txt.
set -u
build=${1:?usage: un_heads.sh BUILD_DIR}
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
python3 - tests/tools/un_members.txt tests/tools/un_heads.recorded data/actors/countries.txt data/actors/people*.txt <<'PY'
import re, sys
members, recorded, countries, people = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
UN = [w for line in open(members) if not line.startswith('#') for w in line.split()]
assert len(UN) == 193 and len(set(UN)) == 193
# Titles of a head of state or of government (a collective presidency's members and chair count).
HEAD = re.compile(r'\b(president|prime minister|premier|chancellor|king|queen|emir|sultan|prince|'
                  r'supreme leader|taoiseach|captain regent|co-prince|head of state|head of government|'
                  r'chairman of the (presidency|council of ministers|state affairs|presidential council)|'
                  r'member of the presidency|state counsellor|chief adviser)\b', re.I)
have = set()
for line in open(countries, encoding='utf-8'):
    m = re.match(r'@country\s+(\S+)', line)
    if m:
        have.add(m.group(1))
heads = set()
for f in people:
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        m = re.match(r'office\s+([A-Z]{3})GOV\b[^\]]*\]?\s*(.*)', line)
        if m and HEAD.search(m.group(2)) and not re.search(r'\b(vice|deputy)\b', m.group(2), re.I):
            heads.add(m.group(1))
absent = [c for c in UN if c not in have]
without = [c for c in UN if c not in heads]
covered = 193 - len(without)
print('UN member states: 193; in countries.txt: %d; with a head of state or government: %d' %
      (193 - len(absent), covered))
if absent:
    print('not in countries.txt: ' + ' '.join(absent))
print('without a head of state or government (%d): %s' % (len(without), ' '.join(without)))
floor = int(open(recorded).read().split()[0])
if absent or covered < floor:
    print('FAIL: %d states covered, floor %d' % (covered, floor))
    sys.exit(1)
print('ok: %d >= floor %d' % (covered, floor))
PY
