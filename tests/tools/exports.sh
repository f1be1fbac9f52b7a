#!/usr/bin/env bash
# exports.sh — what users take away: PLOVER JSON Lines with the PLOVER manual's data fields and its
# CAMEO→PLOVER categories, `dyad code --format csv` with every field of the JSON events, the events
# CSV of the knowledge base with location, modality and URL, and GraphML with nodes and edges.
set -u
build=${1:?usage: exports.sh BUILD_DIR}
dyad="${DYAD_WRAP:-} $build/dyad"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
$dyad code --format plover examples/news > "$tmp/plover.jsonl" || fail "dyad code --format plover"
$dyad code examples/news > "$tmp/events.jsonl" || fail "dyad code"
$dyad code --format csv examples/news > "$tmp/events.csv" || fail "dyad code --format csv"
python3 - "$tmp" data/codebook/cameo2plover.tsv <<'PY' || fail "exports"
import csv, json, sys
tmp, table = sys.argv[1], sys.argv[2]
# the PLOVER manual's data fields (its table "PLOVER JSON"), and the code dyad adds
fields = {"id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
          "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
          "coder", "coded_date", "coded_time", "comment", "cameo"}
entity = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity", "office",
          "gender", "age"}
cite = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder", "codebook",
        "version"}
official = {}
for line in open(table, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    official.setdefault(f[0], f[1])
def category(code):
    for n in range(len(code), 1, -1):
        if code[:n] in official:
            return official[code[:n]]
plover = [json.loads(l) for l in open(tmp + "/plover.jsonl", encoding="utf-8")]
events = [json.loads(l) for l in open(tmp + "/events.jsonl", encoding="utf-8")]
assert len(plover) == len(events) > 50, (len(plover), len(events))
seen = set()
for p, e in zip(plover, events):
    assert set(p) <= fields, set(p) - fields
    for k in ("id", "actor", "event"):
        assert p.get(k), (k, p)
    assert "date" in p and (p["date"] is not None or e["date"] is None), p  # null only for a page without a date
    assert isinstance(p["actor"], list) and isinstance(p["recipient"], list) and isinstance(p["event"], list)
    assert isinstance(p["mode"], list) and isinstance(p["context"], list) and isinstance(p["event_text"], list)
    for a in p["actor"] + p["recipient"]:
        assert set(a) <= entity and len(a["code"]) >= 3, a
    assert set(p["cite_info"]) <= cite, p["cite_info"]
    assert p["quad_code"] in (1, 2, 3, 4), p
    want = category(e["cameo"]) or e["type"]
    assert p["event"] == [want], (e["cameo"], p["event"], want)
    seen.add((e["cameo"][:3], p["event"][0], e["type"]))
# where the public table and dyad's own types part, the export follows the table
for code, theirs, ours in [("036", "AGREE", "CONSULT"), ("057", "SUPPORT", "AGREE")]:
    assert (code, theirs, ours) in seen, (code, sorted(x for x in seen if x[0] == code))
rows = list(csv.DictReader(open(tmp + "/events.csv", encoding="utf-8", newline="")))
assert len(rows) == len(events), (len(rows), len(events))
for r, e in zip(rows, events):
    assert r["doc"] == e["doc"] and r["cameo"] == e["cameo"] and r["modality"] == e["modality"], (r, e)
    assert r["location"] == ((e["location"] or {}).get("name") or "" if isinstance(e["location"], dict) else (e["location"] or "")) and r["evidence"] == e["evidence"]["text"], (r, e)
    assert r["source_code"] == e["source"]["code"] and r["target_person"] == (e["target"]["person"] or ""), (r, e)
    assert int(r["evidence_start"]) == e["evidence"]["start"] and r["date"] == (e["date"] or "")
print(f"{len(plover)} PLOVER records with the manual's fields; {len(rows)} CSV rows equal to the JSON events")
PY
$dyad ingest -q --db "$tmp/kb.db" examples/news || fail "ingest"
$dyad events --db "$tmp/kb.db" --limit 500 --format csv | head -1 | tr ',' '\n' > "$tmp/cols"
for c in location modality url evidence num_mentions num_sources num_articles; do
	grep -qx "$c" "$tmp/cols" || fail "dyad events --format csv has no $c column"
done
$dyad network --db "$tmp/kb.db" --format graphml | python3 -c '
import sys, xml.etree.ElementTree as ET
g = ET.parse(sys.stdin).getroot()
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
nodes = {n.get("id"): {d.get("key"): d.text for d in n.findall("g:data", ns)} for n in g.iter("{%s}node" % ns["g"])}
edges = list(g.iter("{%s}edge" % ns["g"]))
assert edges and nodes
for e in edges:
    assert e.get("source") in nodes and e.get("target") in nodes, e.attrib
    keys = {d.get("key") for d in e.findall("g:data", ns)}
    assert keys == {"events", "mentions", "cooperation", "conflict", "goldstein"}, keys
assert all(n.get("name") and n.get("kind") in ("country", "organisation", "other") for n in nodes.values()), nodes
assert nodes["KAZ"]["name"] == "Kazakhstan", nodes["KAZ"]
print(f"GraphML: {len(nodes)} nodes with names and kinds, {len(edges)} edges")' || fail "GraphML"
echo "exports: PLOVER, CSV, events CSV and GraphML as documented"
