"""The PETRARCH validation suite through `dyad code --dict petrarch:CONFIG` (see petrarch_suite.sh).

Each <Sentence> becomes one JSON Lines record (its text and date); dyad codes them all in one
run, and its events are compared with the record's <EventCoding> lines as multisets of
(source, target, code). An attribute an <EventCoding> leaves out matches anything.
Usage: petrarch_suite.py DYAD ANCHOR_DIR RECORDED [-v]
"""
import collections, html, json, os, re, subprocess, sys, tempfile

dyad, anchor, recorded = sys.argv[1], sys.argv[2], sys.argv[3]
verbose = '-v' in sys.argv[4:]
xml = open(os.path.join(anchor, 'text', 'PETR.UnitTest.records.xml'), encoding='utf-8').read()
xml = re.sub(r'<!--.*?-->', '', xml, flags=re.S)
attrs = lambda s: dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', s))

records = []
for m in re.finditer(r'<Sentence\s([^>]*)>(.*?)</Sentence>', xml, re.S):
    a = attrs(m.group(1))
    text = re.search(r'<Text>(.*?)</Text>', m.group(2), re.S)
    codings, noevents = [], False
    for e in re.findall(r'<EventCoding([^>]*)>', m.group(2)):
        d = attrs(e)
        if 'noevents' in d:
            noevents = True
        elif 'eventcode' in d:
            codings.append((d.get('sourcecode'), d.get('targetcode'), d['eventcode']))
    date = a.get('date', '')
    records.append({
        'id': a.get('id', '?'), 'category': a.get('category', '?'),
        'counted': a.get('sentence', '').lower() == 'true',
        'date': f'{date[:4]}-{date[4:6]}-{date[6:8]}' if re.fullmatch(r'\d{8}', date) else None,
        'text': ' '.join(html.unescape(text.group(1)).split()) if text else '',
        'codings': codings, 'noevents': noevents,
    })

d = os.path.join(anchor, 'dictionaries')
with tempfile.TemporaryDirectory() as tmp:
    conf = os.path.join(tmp, 'petrarch.conf')
    with open(conf, 'w') as f:
        for kind in ('verbs', 'actors', 'agents', 'discards'):
            f.write(f'{kind} = {os.path.abspath(os.path.join(d, "PETR.Validate." + kind + ".txt"))}\n')
    inp = os.path.join(tmp, 'records.jsonl')
    with open(inp, 'w', encoding='utf-8') as f:
        for r in records:
            o = {'text': r['text']}
            if r['date']:
                o['date'] = r['date']
            f.write(json.dumps(o) + '\n')
    wrap = os.environ.get('DYAD_WRAP', '').split()
    p = subprocess.run(wrap + [dyad, 'code', '--raw', '--dict', 'petrarch:' + conf, inp],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        sys.exit(1)

ours = collections.defaultdict(list)
for line in p.stdout.splitlines():
    e = json.loads(line)
    ours[int(e['record']) - 1].append((e['source']['code'], e['target']['code'], e['cameo']))

cats = collections.OrderedDict()
total = found_all = expected_all = 0
noev = noev_right = 0
for i, r in enumerate(records):
    got = list(ours.get(i, []))
    hit, miss = 0, []
    for want in r['codings']:
        for j, g in enumerate(got):
            if all(w is None or w == x for w, x in zip(want, g)):
                del got[j]
                hit += 1
                break
        else:
            miss.append(want)
    expected_all += len(r['codings'])
    found_all += hit
    if r['noevents'] and r['counted']:
        noev += 1
        noev_right += not ours.get(i)
    if not r['counted']:
        continue
    c = cats.setdefault(r['category'], [0, 0, 0])
    c[0] += hit
    c[1] += len(miss)
    c[2] += len(got)
    total += len(r['codings'])
    if verbose and (miss or got):
        print(f"{r['id']} {r['category']} {r['date']}: {r['text']}")
        for m in miss:
            print('   missed', *m)
        for g in got:
            print('   extra ', *g)

found = sum(c[0] for c in cats.values())
for name, (h, m, x) in cats.items():
    print(f'{name}: {h} found, {m} missed, {x} extra')
print(f'no-event records right: {noev_right}/{noev}')
print(f'total: {found}/{total} expected codings of the sentence="true" records '
      f'({found_all}/{expected_all} counting the sentence="false" ones too)')
floor = int(open(recorded).read().split()[0]) if os.path.exists(recorded) else 0
if found < floor:
    print(f'FAIL: {found} is below the recorded {floor}')
    sys.exit(1)
