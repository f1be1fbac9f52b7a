#!/usr/bin/env bash
# Checks the demo corpus in examples/: every page has a gold file and every gold file a page,
# each gold file is valid JSON with the fields docs/formats.md names, its title occurs in its page,
# and each event's evidence occurs verbatim in its page. Needs python3; skips without it.
cd "$(dirname "$0")/../.." || exit 1
command -v python3 >/dev/null || { echo "python3 not found"; exit 77; }
[ -d examples/news ] || { echo "examples/news is absent"; exit 77; }
python3 - <<'PY'
import json, os, re, sys
pages, golds = "examples/news", "examples/news-gold"
names = sorted(f[:-4] for f in os.listdir(pages) if f.endswith(".txt"))
gnames = sorted(f[:-5] for f in os.listdir(golds) if f.endswith(".json"))
bad = []
for n in sorted(set(names) ^ set(gnames)):
    bad.append(f"{n}: page without gold or gold without page")
types = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "AID", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
actor = re.compile(r"^([A-Z]{3}( (GOV|LEG|DIP|MIL))?|IGO [A-Z]+)$")
events = 0
for n in sorted(set(names) & set(gnames)):
    text = open(f"{pages}/{n}.txt", encoding="utf-8").read()
    try:
        g = json.load(open(f"{golds}/{n}.json", encoding="utf-8"))
    except ValueError as e:
        bad.append(f"{golds}/{n}.json: {e}"); continue
    where = f"{golds}/{n}.json"
    for k in ("title", "date", "language", "outlet", "dateline", "furniture", "people", "events"):
        if k not in g: bad.append(f"{where}: no field {k}")
    if g.get("title") and g["title"] not in text: bad.append(f"{where}: title not in page")
    if g.get("date") and not re.match(r"^\d{4}-\d\d-\d\d$", g["date"]): bad.append(f"{where}: date {g['date']}")
    lines = {l.strip().lstrip("•·-* ").strip() for l in text.splitlines()}
    for f in g.get("furniture", []):
        if f.strip() not in lines: bad.append(f"{where}: furniture line not in page: {f}")
    for i, e in enumerate(g.get("events", [])):
        events += 1
        if e.get("evidence", "") not in text: bad.append(f"{where}: event {i}: evidence not in page")
        if e.get("type") not in types: bad.append(f"{where}: event {i}: type {e.get('type')}")
        for side in ("source", "target"):
            if not actor.match(e.get(side) or ""): bad.append(f"{where}: event {i}: {side} {e.get(side)}")
        if not re.match(r"^\d{3,4}$", e.get("cameo", "")): bad.append(f"{where}: event {i}: cameo")
for b in bad: print(b)
if bad: sys.exit(1)
print(f"{len(names)} pages, {events} gold events checked")
PY
