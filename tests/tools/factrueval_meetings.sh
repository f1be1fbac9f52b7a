#!/usr/bin/env bash
# factrueval_meetings.sh — dyad's coder against every Meeting fact of factRuEval-2016's devset.
# A meeting counts when two of its participants are officials of different states or
# international organisations, as dyad itself reads them: the side of a participant is the
# country or organisation of the actor dyad recognises over one of the participant's mentions
# (the spans .coref and .objects give), else of the place of the participant's office (an
# Occupation fact) as dyad reads that place; an official is a participant dyad reads as a person
# or office of a state or organisation, or one with an Occupation fact. A counted meeting is
# coded when dyad finds a CONSULT event in that document whose two sides are those participants
# (each side matched by the participant's surname in the event's person or actor name) or, when
# dyad named no person, whose actor codes are the two participants' sides. Prints each meeting,
# counted or not and why, and the share coded; fails if the share falls below
# tests/tools/factrueval_meetings.recorded.
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
	b=$(basename "$book")
	$dyad code --raw --date 2011-06-01 "$book.txt" > "$tmp/$b.events" || exit 1
	$dyad actors --raw --date 2011-06-01 "$book.txt" > "$tmp/$b.actors" || exit 1
done < "$tmp/books"
python3 - "$tmp" tests/tools/factrueval_meetings.recorded <<'PY'
import json, os, sys
tmp, recorded = sys.argv[1], sys.argv[2]
books = open(os.path.join(tmp, "books")).read().split()
places = open(os.path.join(tmp, "places.txt"), encoding="utf-8").read().split("\n")

def side_of_mention(m):
    """The state or organisation dyad reads in an actor mention: IGOUN for an organisation, else the country."""
    if m.get("igo"):
        return m.get("code") or m["igo"]
    return m.get("country")

# place line -> the first country or organisation dyad finds in it (mentions carry code point offsets)
text = open(os.path.join(tmp, "places.txt"), encoding="utf-8").read()
starts, pos = [], 0
for line in text.split("\n"):
    starts.append(pos)
    pos += len(line) + 1
side_of_place = {}
for l in open(os.path.join(tmp, "places.jsonl"), encoding="utf-8"):
    m = json.loads(l)
    side = side_of_mention(m)
    if side:
        k = max(i for i, s in enumerate(starts) if s <= m["start"])
        side_of_place.setdefault(places[k], side)

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

def read_lines(path):
    return open(path, encoding="utf-8").read().split("\n") if os.path.exists(path) else []

total = coded = 0
for book in books:
    name = os.path.basename(book)
    # entity -> its mentions -> their spans -> character ranges in the text
    span_at = {}
    for l in read_lines(book + ".spans"):
        f = l.split()
        if len(f) >= 4:
            span_at[f[0]] = (int(f[2]), int(f[2]) + int(f[3]))
    spans_of_mention = {}
    for l in read_lines(book + ".objects"):
        f = l.split("#")[0].split()
        if len(f) >= 3:
            spans_of_mention[f[0]] = [span_at[s] for s in f[2:] if s in span_at]
    ranges = {}
    for block in open(book + ".coref", encoding="utf-8").read().split("\n\n"):
        lines = block.strip().split("\n")
        if lines and lines[0].strip():
            f = lines[0].split()
            ranges["obj" + f[0]] = [r for mid in f[1:] for r in spans_of_mention.get(mid, [])]
    actors = [json.loads(l) for l in open(os.path.join(tmp, name + ".actors"), encoding="utf-8")]

    def read_side(obj):
        """The side dyad reads over one of the participant's mentions, and whether it is an official."""
        for a, b in ranges.get(obj, []):
            for m in actors:
                if m["start"] < b and a < m["end"] and m["kind"] in ("person", "role") and side_of_mention(m):
                    return side_of_mention(m), bool(m.get("role") or m.get("igo"))
        return None, False

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
    events = [json.loads(l) for l in open(os.path.join(tmp, name + ".events"), encoding="utf-8")]
    for block in facts:
        lines = block.strip().split("\n")
        if not lines or not lines[0].endswith("Meeting"):
            continue
        parts = [(l.split(" ", 2)[1], l.split(" ", 2)[2]) for l in lines[1:] if l.startswith("Participant ")]
        side = {}
        for obj, who in parts:
            s, official = read_side(obj)
            if s and (official or obj in office):
                side[obj] = s
            elif obj in office:
                side[obj] = office[obj]
        officials = [(o, n) for o, n in parts if o in side]
        pairs = [(a, b) for i, a in enumerate(officials) for b in officials[i + 1:] if side[a[0]] != side[b[0]]]
        if not pairs:
            print("not counted %s: %s (no two officials of different sides: %s)" % (
                name, ", ".join(n for _, n in parts), ", ".join("%s %s" % (n, side.get(o, "-")) for o, n in parts)))
            continue
        (oa, na), (ob, nb) = pairs[0]
        total += 1
        def is_side(s, obj, who):
            surname = fold(who.split()[0])[:5]
            names = fold(" ".join(spellings.get(s.get("person"), [s.get("person") or ""])))
            if s.get("person"):
                return surname in names
            code = s.get("code") or ""
            return code.startswith(side[obj])
        hit = any(e["type"] == "CONSULT" and (
            (is_side(e["source"], oa, na) and is_side(e["target"], ob, nb)) or
            (is_side(e["source"], ob, nb) and is_side(e["target"], oa, na))) for e in events)
        coded += hit
        print("%s %s: %s (%s) - %s (%s)" % ("coded " if hit else "missed", name, na, side[oa], nb, side[ob]))
share = coded / total if total else 0.0
floor = float(open(recorded).read().split()[0])
share = round(share, 3)
print("meetings between officials of two sides: %d, coded as CONSULT between them: %d (%.3f; recorded floor %.3f)"
      % (total, coded, share, floor))
sys.exit(0 if share >= floor - 1e-9 else 1)
PY
