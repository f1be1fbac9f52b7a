#!/usr/bin/env bash
# probe.sh — the event lexicon's reach on sentences no rule was written for: hand-written news
# sentences (Reuters/AP and RIA/TASS/Interfax style) are coded, one page per root and language.
# Two sets in tests/fixtures/probe/: probe-{en,ru}.tsv, about eight per CAMEO root 02–20 and
# language, written before dyad was run on them (the lexicon was then extended where they showed
# a construction missing); holdout-{en,ru}.tsv, three per root and language, written after that
# and never used to write entries: they show how far the entries carry; structure-{en,ru}.tsv,
# grouped by construction (free word order, the passive, genitive agents, coordination,
# appositions, quotes, the document's parties and pronouns), one page per sentence with the
# paragraphs before it that it draws its parties from (" ¶ " between them), written without
# running dyad on them: they show how far clause and document analysis carries. A sentence is right at the root when one of its events has the expected
# root, source and target (a side matches when dyad's code begins with the expected country or
# organisation code; "A|B" takes either); exact when the code is the expected subcode too. An event
# on a probe sentence that is not right at the root is counted as wrong.
# Prints the table per set, root and language; fails when a root's count of right sentences falls
# below the floor in tests/tools/probe.recorded, or a language's count of wrong events rises above
# its ceiling there (raise floors and lower ceilings when dyad improves; never the other way quietly).
#   PROBE_MISSES=1 bash tests/tools/probe.sh build/release   also lists every sentence not right
set -u
build=${1:?usage: probe.sh BUILD_DIR}
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
python3 - "$build/dyad" tests/fixtures/probe tests/tools/probe.recorded <<'PY'
import collections, json, os, subprocess, sys
dyad, fixtures, recorded = sys.argv[1:4]
wrap = os.environ.get('DYAD_WRAP', '').split()
misses = os.environ.get('PROBE_MISSES') == '1'

def load(name, lang):
    cases = []
    path = os.path.join(fixtures, '%s-%s.tsv' % (name, lang))
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        f = line.split('\t')
        if len(f) != 4 or not f[0].isdigit() or len(f[0]) < 2:
            sys.exit('%s:%d: want CODE<TAB>SOURCE<TAB>TARGET<TAB>SENTENCE' % (path, n))
        cases.append((f[0], f[1].split('|'), f[2].split('|'), f[3]))
    return cases

def country(code):  # the state or organisation a side names, without its role
    return code[:6] if code.startswith('IGO') else code[:3]

def side_ok(code, want):
    return any((code or '').startswith(w) for w in want)

SETS = ('probe', 'holdout', 'structure')
right = collections.Counter(); exact = collections.Counter(); total = collections.Counter()
wrong = collections.Counter()
for name, lang in [(n, l) for n in SETS for l in ('en', 'ru')]:
    cases = load(name, lang)
    # One page per root, a sentence a paragraph (enough text for the language to be told); a
    # sentence whose two sides a sentence of its page already has goes to an extra page, so that
    # no sentence is set aside as the repeat of another's event.
    pages = collections.OrderedDict()
    for i, c in enumerate(cases):
        if name == 'structure':  # a page of its own, the paragraphs before the scored one first
            pages.setdefault(c[3], []).append(c)
            continue
        pair = frozenset((c[1][0], c[2][0]))
        for key in [c[0][:2]] + ['extra%d' % i for i in range(len(cases))]:
            page = pages.setdefault(key, [])
            if all(frozenset((o[1][0], o[2][0])) != pair for o in page):
                page.append(c)
                break
    page_of = {}
    for k, page in enumerate(pages.values(), 1):
        for c in page:
            page_of[id(c)] = str(k)
    pages = [json.dumps({'text': '\n\n'.join(c[3].replace(' ¶ ', '\n\n') for c in
                                               (page[:1] if name == 'structure' else page)) + '\n'},
                        ensure_ascii=False) for page in pages.values()]
    out = subprocess.run(wrap + [dyad, 'code', '--raw', '--date', '2025-03-01', '-i', 'jsonl', '-'],
                         input=('\n'.join(pages) + '\n').encode(), stdout=subprocess.PIPE,
                         check=True).stdout.decode()
    got = collections.defaultdict(list)
    for line in out.splitlines():
        e = json.loads(line)
        got[(e['record'], e['evidence']['text'])].append((e['cameo'], e['source']['code'], e['target']['code']))
    for c in cases:
        code, src, tgt, sentence = c
        sentence = sentence.split(' ¶ ')[-1]
        root = code[:2]
        key = (name, lang, root)
        total[key] += 1
        have = got.get((page_of[id(c)], sentence), [])
        good = [h for h in have if h[0][:2] == root and side_ok(h[1], src) and side_ok(h[2], tgt)]
        if good:
            right[key] += 1
            if len(code) == 2 or any(h[0] == code for h in good):
                exact[key] += 1
        # wrong: an event of the sentence that no case of it expects, even at the country level
        # (a sentence with two cases, one per side of a coordination, is one page and counted once)
        cases_here = [o for o in cases if page_of[id(o)] == page_of[id(c)] and o[3].split(' ¶ ')[-1] == sentence]
        if cases_here[0] is c:
            wrong[(name, lang)] += sum(1 for h in have if not any(
                h[0][:2] == o[0][:2] and side_ok(h[1], [country(w) for w in o[1]]) and side_ok(h[2], [country(w) for w in o[2]])
                for o in cases_here))
        if misses and (not good or len(have) > len(good)):
            print('%s %s %s %s -> %s | %s\n    got %s' % (name, lang, code, '|'.join(src), '|'.join(tgt), sentence,
                  '; '.join('%s %s -> %s' % h for h in have) or 'no event'))

for name in SETS:
    print('%-7s en right/exact/of   ru right/exact/of' % name)
    for root in sorted({k[2] for k in total if k[0] == name}):
        print('%s      %s   %s' % (root, *('%2d / %2d / %2d' % (right[(name, l, root)], exact[(name, l, root)],
                                                            total[(name, l, root)]) for l in ('en', 'ru'))))
for name in SETS:
    for lang in ('en', 'ru'):
        n = sum(v for k, v in total.items() if k[:2] == (name, lang))
        r = sum(v for k, v in right.items() if k[:2] == (name, lang))
        x = sum(v for k, v in exact.items() if k[:2] == (name, lang))
        print('%s %s: %d of %d right at the root (%.0f%%), %d exact, %d wrong events'
              % (name, lang, r, n, 100.0 * r / n, x, wrong[(name, lang)]))

status = 0
for n, line in enumerate(open(recorded, encoding='utf-8'), 1):
    f = line.split()
    if not f or f[0].startswith('#'):
        continue
    if len(f) != 4 or f[0] not in SETS:
        sys.exit('%s:%d: want SET LANG ROOT FLOOR or SET LANG wrong CEILING' % (recorded, n))
    name, lang, what, num = f[0], f[1], f[2], int(f[3])
    if what == 'wrong':
        if wrong[(name, lang)] > num:
            print('%s %s: %d wrong events, above the recorded ceiling %d' % (name, lang, wrong[(name, lang)], num))
            status = 1
    elif right[(name, lang, what)] < num:
        print('%s %s %s: %d right, below the recorded floor %d' % (name, lang, what, right[(name, lang, what)], num))
        status = 1
sys.exit(status)
PY
