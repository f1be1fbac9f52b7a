#!/usr/bin/env bash
# phoenix_people.sh — dyad's office-holders against the dated role codes of PETRARCH's Phoenix actor
# dictionaries (../shared/anchors/petrarch2/dictionaries/Phoenix.*.actors.txt, kept up to 2017; format
# in dictionaries.upstream.rst). People are matched by a full Latin name of dyad's `name` fields equal
# to a Phoenix phrase or synonym. Two checks, for the offices of data/actors/people*.txt held between
# 2003-01-01 (where Phoenix's country records begin) and 2017-12-31:
#   code   on the middle day of the part of each office within those years, Phoenix's code for the
#          person is dyad's office code (KAZGOV) or starts with it (KORGOVBUS);
#   start  where a dated Phoenix restriction with that code covers the middle day, it begins within 45
#          days of dyad's first day (offices renewed or followed by another with the same code count
#          from the first, on both sides; compared only where dyad gives the day). Where Phoenix's
#          run began more than 45 days earlier, it codes an earlier post (a ministry, a vice-
#          presidency) with the same code that dyad does not list: counted apart, not a disagreement;
#          so is an office dyad dates before 2003-01-01, the day Phoenix's country records begin,
#          whose Phoenix run begins on that day.
# Prints each disagreement and the shares; fails when a share falls below the floor recorded in
# tests/tools/phoenix_people.recorded. Disagreements are for a person to read: Phoenix is older, codes
# some offices as ELI (elite) and misses later terms; it is not always right.
set -u
build=${1:?usage: phoenix_people.sh BUILD_DIR}
dicts=../shared/anchors/petrarch2/dictionaries
[ -d "$dicts" ] || { echo "../shared/anchors/petrarch2 is absent: skipping"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
python3 - "$dicts" tests/tools/phoenix_people.recorded data/actors/people*.txt <<'PY'
import re, sys, datetime
dicts, recorded, files = sys.argv[1], sys.argv[2], sys.argv[3:]
CYR = re.compile('[\u0400-\u04ff]')

def pdate(s, end=False):
    """YYMMDD or YYYYMMDD (years below 30 are 20xx) -> date."""
    s = s.strip()
    if len(s) == 6:
        y = int(s[:2]); y += 2000 if y < 30 else 1900; s = '%04d%s' % (y, s[2:])
    try:
        return datetime.date(int(s[:4]), max(1, int(s[4:6])), max(1, int(s[6:8])))
    except ValueError:
        return None

# Phoenix: phrase -> list of (code, from, to) in file order, default last (None, None)
phoenix = {}
for name in ('Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt'):
    cur = None
    for line in open('%s/%s' % (dicts, name), encoding='utf-8', errors='replace'):
        body = line.split('#')[0].rstrip('\n')
        if not body.strip():
            continue
        if body.startswith('\t') or body.startswith(' '):
            m = re.match(r'\s*\[(\S+)\s*([^\]]*)\]', body)
            if cur is None or not m:
                continue
            code, r = m.group(1), m.group(2).strip()
            lo = hi = None
            if r.startswith('>'):
                lo = pdate(r[1:])
            elif r.startswith('<'):
                hi = pdate(r[1:])
            elif '-' in r:
                a, b = r.split('-', 1); lo, hi = pdate(a), pdate(b)
            elif r:
                continue
            cur['r'].append((code, lo, hi, bool(r)))
            continue
        phrase = body.strip()
        syn = phrase.startswith('+')
        phrase = re.sub(r'\[.*?\]', '', phrase.lstrip('+')).replace('_', ' ').strip().upper()
        if not phrase:
            continue
        if not syn:
            cur = {'r': [], 'key': phrase}
        phoenix.setdefault(phrase, cur)

def code_on(entry, day):
    for code, lo, hi, dated in entry['r']:
        if dated and (lo is None or lo <= day) and (hi is None or day <= hi):
            return code
    for code, lo, hi, dated in entry['r']:
        if not dated:
            return code
    return None

def ddate(s, end=False):
    if not s:
        return None
    p = [int(x) for x in s.split('-')]
    if len(p) == 3:
        return datetime.date(*p)
    if len(p) == 2:
        return datetime.date(p[0], p[1], 28 if end else 1)
    return datetime.date(p[0], 12 if end else 1, 28 if end else 1)

people = []
for f in files:
    cur = None
    for line in open(f, encoding='utf-8'):
        s = line.split('#')[0].rstrip()
        if s.startswith('@'):
            cur = {'key': s.split(None, 1)[1], 'names': [], 'offices': []} if s.startswith('@person') else None
            if cur:
                cur['names'].append(cur['key']); people.append(cur)
        elif cur and s.startswith('name'):
            cur['names'] += [re.sub(r'\[.*?\]', '', v).strip() for v in s[4:].split('|')]
        elif cur and s.startswith('office'):
            m = re.match(r'office\s+(\S+)\s*(?:\[([^\]]*)\])?', s)
            a, b = (m.group(2) or '..').split('..')
            cur['offices'].append((m.group(1), a.strip(), b.strip()))

def run_start(spans, start):
    """The first day of the run of spans (from, to) that ends with the one starting on `start`:
    an office renewed or followed by another with the same code counts from the first."""
    moved = True
    while moved:
        moved = False
        for a, b in spans:
            if a < start and b is not None and abs((start - b).days) <= 45:
                start, moved = a, True
    return start

end_of_data = datetime.date(2017, 12, 31)
code_ok = code_bad = start_ok = start_bad = start_earlier = start_before = matched = 0
records_begin = datetime.date(2003, 1, 1)  # the first day of Phoenix's CountryInfo runs
report = []
for p in people:
    entry = None
    for n in p['names']:
        if not CYR.search(n) and len(n.split()) >= 2 and n.upper() in phoenix:
            entry = phoenix[n.upper()]; break
    if entry is None or not entry['r']:
        continue
    matched += 1
    for code, a, b in p['offices']:
        lo, hi = ddate(a), ddate(b, end=True)
        if lo is None or lo > end_of_data:
            continue
        hi = min(hi or end_of_data, end_of_data)
        if hi < records_begin:
            continue
        mid = max(lo, records_begin) + (hi - max(lo, records_begin)) / 2
        got = code_on(entry, mid)
        if got and got.startswith(code):
            code_ok += 1
        else:
            code_bad += 1
            report.append('code   %s: dyad %s [%s..%s], Phoenix %s on %s' % (entry['key'], code, a, b, got, mid))
        if len(a.split('-')) < 3:
            continue
        # the restriction of Phoenix that covers the middle day, and where its run of the code began
        cover = [r for r in entry['r'] if r[3] and r[0].startswith(code) and r[1] and r[1] <= mid
                 and (r[2] is None or mid <= r[2])]
        if not cover:
            continue
        ph = run_start([(r[1], r[2]) for r in entry['r'] if r[0].startswith(code) and r[1]], cover[0][1])
        dy = run_start([(ddate(x), ddate(y, end=True)) for c, x, y in p['offices'] if c == code and ddate(x)], lo)
        if abs((ph - dy).days) <= 45 or abs((cover[0][1] - lo).days) <= 45:
            start_ok += 1
        elif ph < dy:
            start_earlier += 1  # Phoenix's code also covers an earlier post dyad does not list
        elif ph == records_begin and dy < ph:
            start_before += 1  # held before Phoenix's country records begin
        else:
            start_bad += 1
            report.append('start  %s: dyad %s from %s (held since %s), Phoenix from %s' % (entry['key'], code, a, dy, ph))
for r in report:
    print(r)
share = lambda ok, bad: ok / (ok + bad) if ok + bad else 1.0
floor = dict(l.split() for l in open(recorded) if l.strip())
codes, starts = share(code_ok, code_bad), share(start_ok, start_bad)
bad = [k for k, v in (('code', codes), ('start', starts)) if v + 1e-9 < float(floor.get(k, 0))]
for k in bad:
    print('%s agreement fell below the recorded %s' % (k, floor[k]))
print('%d people in both; codes agree %d of %d (%.3f), first days %d of %d (%.3f; %d more where Phoenix codes an earlier post the same, %d held before its records begin)'
      % (matched, code_ok, code_ok + code_bad, codes, start_ok, start_ok + start_bad, starts, start_earlier, start_before))
sys.exit(1 if bad else 0)
PY
