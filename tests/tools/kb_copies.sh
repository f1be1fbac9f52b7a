#!/usr/bin/env bash
# kb_copies.sh — an event reported by several documents counts once: ten near-copies of every demo
# page (a furniture line added, a footer word changed) ingested with the originals leave every count,
# timeline, profile and network exactly as the originals alone give them; only the mentions grow.
set -u
build=${1:?usage: kb_copies.sh BUILD_DIR}
dyad="${DYAD_WRAP:-} $build/dyad"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir "$tmp/pages"
cp examples/news/* "$tmp/pages/"
for f in examples/news/*.txt; do for i in $(seq 1 10); do
	{ head -n 1 "$f"; echo "Advertisement $i"; tail -n +2 "$f" | sed '$ s/\([[:alpha:]][[:alpha:]]*\)/\1x/'; } \
		> "$tmp/pages/copy$i-$(basename "$f")"
done; done
$dyad ingest -q --db "$tmp/orig.db" examples/news || fail "ingest of the originals"
$dyad ingest -q --db "$tmp/all.db" "$tmp/pages" || fail "ingest with the copies"
# what may differ: documents, sentences, mentions and the columns that count reports
strip() { python3 -c '
import csv, sys
# which report an event is shown with (its document, outlet, title) depends on the order of ingest
drop = {"mentions", "num_mentions", "num_sources", "num_articles", "doc", "outlet", "title"}
heads = {"what", "period", "partner", "year", "person", "date"}
keep = None
skip = ("documents", "syndicated copies", "sentences", "actor mentions", "event mentions", "outlet ", "language ")
for r in csv.reader(sys.stdin):
    if r and r[0] in heads:  # a table begins (a profile prints three)
        keep = [i for i, c in enumerate(r) if c not in drop]
    if not r or keep is None or r[0].startswith(skip): continue
    print(",".join(r[i] for i in keep if i < len(r)))'; }
n=0
while IFS= read -r args; do
	eval "set -- $args"
	a=$($dyad "$@" --db "$tmp/orig.db" --format csv 2>&1 | strip)
	b=$($dyad "$@" --db "$tmp/all.db" --format csv 2>&1 | strip)
	[ -n "$a" ] || fail "dyad $args: no output"
	[ "$a" = "$b" ] || { diff <(echo "$a") <(echo "$b") | head -10; fail "dyad $args counts the copies"; }
	n=$((n + 1))
done <<'CMDS'
stats
timeline KAZ BLR
timeline KAZ CHN --by year
timeline KAZGOV CHN --by year
actor KAZ
actor Tokayev
actor EU
events --limit 500
events --actor KAZ --type CONSULT --limit 500
CMDS
# the network's edges (JSON) without their mentions
net() { $dyad network --format json --db "$1" | python3 -c '
import json, sys
for e in json.load(sys.stdin)["edges"]:
    e.pop("mentions"); print(json.dumps(e, sort_keys=True))'; }
[ "$(net "$tmp/orig.db")" = "$(net "$tmp/all.db")" ] || fail "the network counts the copies"
# the copies are there, as mentions: each event of a copied page has eleven reports
events=$($dyad stats --db "$tmp/all.db" --format csv | sed -n 's/^events,//p')
mentions=$($dyad stats --db "$tmp/all.db" --format csv | sed -n 's/^event mentions,//p')
[ "$mentions" -gt $((events * 5)) ] || fail "the copies were not stored: $events events, $mentions mentions"
$dyad events --db "$tmp/all.db" --limit 1 --format csv | tail -1 | grep -q ',11,1,1,' ||
	fail "an event of a copied page does not have 11 mentions, 1 source, 1 article: $($dyad events --db "$tmp/all.db" --limit 1 --format csv)"
# the GDELT rows of the knowledge base carry them: NumMentions 11, NumSources 1, NumArticles 1
$dyad events --db "$tmp/all.db" --limit 1 --format gdelt | awk -F '\t' '{ exit !(NF == 61 && $32 == 11 && $33 == 1 && $34 == 1) }' ||
	fail "dyad events --format gdelt: $($dyad events --db "$tmp/all.db" --limit 1 --format gdelt)"
# counting mentions instead counts every report
$dyad network --count mentions --format json --db "$tmp/all.db" | python3 -c '
import json, sys
sys.exit(0 if any(e["events"] == e["mentions"] and e["mentions"] > 1 for e in json.load(sys.stdin)["edges"]) else 1)' ||
	fail "--count mentions does not count the reports"
echo "$n queries and the network equal with 10 copies of each page: $events events, $mentions reports of them"
