#!/usr/bin/env python3
# Checks the demo corpus (examples/news) against its gold (examples/news-gold): every page has a gold
# file and every gold file a page; each gold file is valid JSON with the fields docs/formats.md names;
# its title, each event's evidence and each furniture line occur in the page; actor codes, types and
# CAMEO codes are well formed. HTML pages are checked on their visible text (one line per block
# element); a .jsonl page has gold {"records": [...]}, one per line, each checked against its record.
# Usage: scripts/check_news_gold.py [examples-dir]; exit 1 when anything is wrong.
import html, json, os, re, sys

TYPES = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "AID", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ACTOR = re.compile(r"^([A-Z]{3}( (GOV|LEG|DIP|MIL))?|IGO [A-Z]+)$")
FIELDS = ("title", "date", "language", "outlet", "dateline", "furniture", "people", "events")
BLOCK = (r"p|div|li|ul|ol|h[1-6]|br|header|footer|nav|main|article|aside|section|figure|figcaption"
         r"|table|tr|td|title|blockquote")

def html_text(raw):
    """The visible text of an HTML page or fragment, one line per block element."""
    s = re.sub(r"(?is)<(script|style|head|noscript)\b.*?</\1>", "", raw)
    s = re.sub(r"(?s)<!--.*?-->", "", s)
    s = re.sub(r"(?i)</?(%s)\b[^>]*>" % BLOCK, "\n", s)
    s = re.sub(r"(?s)<[^>]*>", "", s)
    s = html.unescape(s)
    return "\n".join(l.strip() for l in s.splitlines() if l.strip())

def norm(line):
    return line.strip().lstrip("•·-* ").strip()

def check(where, text, g):
    """Problems of one gold object against the text of its page."""
    bad = ["no field %s" % k for k in FIELDS if k not in g]
    if g.get("title") and g["title"] not in text:
        bad.append("title not in page")
    if g.get("date") and not re.match(r"^\d{4}-\d\d-\d\d$", g["date"]):
        bad.append("date %s" % g["date"])
    lines = {norm(l) for l in text.splitlines()}
    for f in g.get("furniture", []):
        if norm(f) not in lines:
            bad.append("furniture line not in page: %s" % f)
    for i, e in enumerate(g.get("events", [])):
        if e.get("evidence", "") not in text:
            bad.append("event %d: evidence not in page: %s" % (i, e.get("evidence")))
        if e.get("type") not in TYPES:
            bad.append("event %d: type %s" % (i, e.get("type")))
        for side in ("source", "target"):
            if not ACTOR.match(e.get(side) or ""):
                bad.append("event %d: %s %s" % (i, side, e.get(side)))
        if not re.match(r"^\d{3,4}$", e.get("cameo") or ""):
            bad.append("event %d: cameo %s" % (i, e.get("cameo")))
    return ["%s: %s" % (where, b) for b in bad]

def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "examples"
    pages, golds = os.path.join(root, "news"), os.path.join(root, "news-gold")
    pfiles = {f.rsplit(".", 1)[0]: f for f in os.listdir(pages) if f.endswith((".txt", ".html", ".jsonl"))}
    gnames = {f[:-5] for f in os.listdir(golds) if f.endswith(".json")}
    bad = ["%s: page without gold or gold without page" % n for n in sorted(set(pfiles) ^ gnames)]
    docs = events = 0
    for n in sorted(set(pfiles) & gnames):
        fn, where = pfiles[n], "%s/%s.json" % (golds, n)
        raw = open(os.path.join(pages, fn), encoding="utf-8").read()
        try:
            g = json.load(open(os.path.join(golds, n + ".json"), encoding="utf-8"))
        except ValueError as e:
            bad.append("%s: %s" % (where, e)); continue
        if fn.endswith(".jsonl"):
            recs = [json.loads(l) for l in raw.splitlines() if l.strip()]
            gold = g.get("records", [])
            if len(recs) != len(gold):
                bad.append("%s: %d records in the page, %d in the gold" % (where, len(recs), len(gold)))
            for i, (r, rg) in enumerate(zip(recs, gold)):
                body = r["text"] if "text" in r else html_text(r.get("html", ""))
                bad += check("%s record %d" % (where, i + 1), r.get("title", "") + "\n" + body, rg)
                docs += 1; events += len(rg.get("events", []))
        else:
            text = html_text(raw) if fn.endswith(".html") else raw
            bad += check(where, text, g)
            docs += 1; events += len(g.get("events", []))
    for b in bad:
        print(b)
    print("%d documents, %d gold events checked%s" % (docs, events, ", %d problems" % len(bad) if bad else ""))
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
