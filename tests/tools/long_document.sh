#!/usr/bin/env bash
# long_document.sh — a document over 1 MiB is coded a window at a time (src/code/window.c); what
# its events carry out of a window (person, mode, place name and country) outlives the window:
# every event has a source and a target, every stated place a three-letter country or none, and
# the windows together code about as many events per sentence as the example pages coded whole.
# Run under `make asan` (or valgrind) it also catches a field left pointing into a freed window.
set -u
build=${1:?usage: long_document.sh BUILD_DIR}
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bench/gen-doc "$build/dyad" 1100K "$tmp/doc.txt" || exit 1
$DYAD_WRAP "$build/dyad" code "$tmp/doc.txt" > "$tmp/events.jsonl" || exit 1
$DYAD_WRAP "$build/dyad" code examples/news > "$tmp/pages.jsonl" || exit 1
python3 - "$tmp" <<'PY'
import json, re, sys
tmp = sys.argv[1]
events = [json.loads(l) for l in open(tmp + '/events.jsonl', encoding='utf-8') if l.strip()]
pages = [json.loads(l) for l in open(tmp + '/pages.jsonl', encoding='utf-8') if l.strip()]
bad = []
for e in events:
    for side in ('source', 'target'):
        s = e.get(side) or {}
        if not re.fullmatch(r'[A-Z]{3}[A-Z0-9]*', s.get('code') or ''):
            bad.append((side, s.get('code')))
    loc = e.get('location')
    if loc is not None:
        c = loc.get('country')
        if c is not None and not re.fullmatch(r'[A-Z]{3}', c):
            bad.append(('location country', c))
        if not loc.get('name'):
            bad.append(('location name', loc.get('name')))
if bad:
    print('long document: %d bad fields, first %r' % (len(bad), bad[:5])); sys.exit(1)
if len(events) < 100 or not pages:
    print('long document: only %d events (the example pages: %d)' % (len(events), len(pages))); sys.exit(1)
print('long document: %d events, every side coded and every place named with its country' % len(events))
PY
