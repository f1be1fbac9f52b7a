#!/usr/bin/env bash
# factrueval_meetings.sh — dyad's coder against the Meeting facts of factRuEval-2016's devset. A
# meeting counts when two of its participants hold offices (Occupation facts) whose places dyad
# reads as different states or international organisations: officials of two sides. It is coded
# when dyad finds a CONSULT event in that document whose two sides are those participants (each
# side matched by the participant's surname in the event's person or actor name) or, when dyad
# named no person, whose actor codes are the two participants' countries. Prints each meeting
# and the share coded; fails if the share falls below tests/tools/factrueval_meetings.recorded.
set -u
build=${1:?usage: factrueval_meetings.sh BUILD_DIR}
dev=../shared/anchors/factrueval/devset
[ -d "$dev" ] || { echo "../shared/anchors/factrueval is absent: skipping"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
dyad="${DYAD_WRAP:-} $build/dyad"

grep -l "Meeting" "$dev"/*.facts | sed 's/\.facts$//' > "$tmp/books"
[ -s "$tmp/books" ] || { echo "no Meeting facts in $dev"; exit 1; }
# the places of the participants' offices, as dyad reads them (one line each, in order)
python3 - "$tmp/books" > "$tmp/places.txt" <<'PY'
import sys
for book in open(sys.argv[1]).read().split():
    for block in open(book + ".facts", encoding="utf-8").read().split("\n\n"):
        lines = block.strip().split("\n")
        if lines and lines[0].endswith("Occupation"):
            for l in lines[1:]:
                if l.startswith("Where "):
                    print(l.split(" ", 2)[2].split("|")[0].strip())
PY
$dyad actors --raw --date 2011-06-01 "$tmp/places.txt" > "$tmp/places.jsonl" || exit 1
# the devset's news is from 2010-2012; offices are read at mid-2011
while read -r book; do
	$dyad code --raw --date 2011-06-01 "$book.txt" > "$tmp/$(basename "$book").events" || exit 1
done < "$tmp/books"
python3 - "$tmp" tests/tools/factrueval_meetings.recorded <<'PY'
import json, os, sys
tmp, recorded = sys.argv[1], sys.argv[2]
books = open(os.path.join(tmp, "books")).read().split()
places = open(os.path.join(tmp, "places.txt"), encoding="utf-8").read().split("\n")
# place line -> the first country or organisation dyad finds in it
side_of_place = {}
# map each place line to its sides by offsets: mentions carry code point offsets into the file
text = open(os.path.join(tmp, "places.txt"), encoding="utf-8").read()
starts, pos = [], 0
for line in text.split("\n"):
    starts.append(pos)
    pos += len(line) + 1
for l in open(os.path.join(tmp, "places.jsonl"), encoding="utf-8"):
    m = json.loads(l)
    side = m.get("igo") and m.get("code") or m.get("country")
    if not side:
        continue
    k = max(i for i, s in enumerate(starts) if s <= m["start"])
    side_of_place.setdefault(places[k], side if not m.get("igo") else m["code"])

def fold(s):
    return s.lower().replace("ё", "е")

# every spelling of each person of the lexicon, so a Russian surname finds "Recep Tayyip Erdogan"
spellings = {}
for f in sorted(os.listdir("data/actors")):
    if f.endswith(".txt"):
        person = None
        for line in open(os.path.join("data/actors", f), encoding="utf-8"):
            if line.startswith("@person "):
                person = line[8:].strip()
                spellings.setdefault(person, [person])
            elif line.startswith("@"):
                person = None
            elif person and line.startswith("name "):
                spellings[person] += [n.strip() for n in line[5:].split("|")]

total = coded = 0
for book in books:
    facts = open(book + ".facts", encoding="utf-8").read().split("\n\n")
    office = {}
    for block in facts:
        lines = block.strip().split("\n")
        if lines and lines[0].endswith("Occupation"):
            who = where = None
            for l in lines[1:]:
                if l.startswith("Who "):
                    who = l.split(" ", 2)[1]
                if l.startswith("Where "):
                    where = l.split(" ", 2)[2].split("|")[0].strip()
            if who and where in side_of_place:
                office.setdefault(who, side_of_place[where])
    events = [json.loads(l) for l in open(os.path.join(tmp, os.path.basename(book) + ".events"), encoding="utf-8")]
    for block in facts:
        lines = block.strip().split("\n")
        if not lines or not lines[0].endswith("Meeting"):
            continue
        parts = [(l.split(" ", 2)[1], l.split(" ", 2)[2]) for l in lines[1:] if l.startswith("Participant ")]
        officials = [(o, name) for o, name in parts if o in office]
        pairs = [(a, b) for i, a in enumerate(officials) for b in officials[i + 1:] if office[a[0]] != office[b[0]]]
        if not pairs:
            continue
        (oa, na), (ob, nb) = pairs[0]
        total += 1
        def is_side(side, obj, name):
            surname = fold(name.split()[0])[:5]
            who = fold(" ".join(spellings.get(side.get("person"), [side.get("person") or ""])))
            if side.get("person"):
                return surname in who
            code = side.get("code") or ""
            return code.startswith(office[obj]) or side.get("igo") and office[obj] == code[:len(office[obj])]
        hit = any(e["type"] == "CONSULT" and (
            (is_side(e["source"], oa, na) and is_side(e["target"], ob, nb)) or
            (is_side(e["source"], ob, nb) and is_side(e["target"], oa, na))) for e in events)
        coded += hit
        print("%s %s: %s (%s) - %s (%s)" % ("coded " if hit else "missed", os.path.basename(book), na, office[oa], nb,
                                            office[ob]))
share = coded / total if total else 0.0
floor = float(open(recorded).read().split()[0])
share = round(share, 3)
print("meetings between officials of two sides: %d, coded as CONSULT between them: %d (%.3f; recorded floor %.3f)"
      % (total, coded, share, floor))
sys.exit(0 if share >= floor - 1e-9 else 1)
PY
