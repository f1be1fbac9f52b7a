#!/usr/bin/env bash
# kb.sh — the knowledge base's promises, end to end through the dyad binary:
# ingesting twice adds nothing; a kill -9 in the middle of an ingest, then another ingest,
# leaves exactly what one clean ingest leaves; a second writer is told another is writing;
# stemmed search finds other forms; every query runs; bad arguments exit 2 with a message.
set -u
build=${1:?usage: kb.sh BUILD_DIR}
dyad="${DYAD_WRAP:-} $build/dyad"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
count() { sqlite3 "$1" "$2" 2>/dev/null || python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$1" "$2"; }

# 1. twice the same pages: the second ingest stores nothing
$dyad ingest -q --db "$tmp/a.db" examples/news || fail "first ingest"
docs=$(count "$tmp/a.db" "SELECT count(*) FROM documents"); events=$(count "$tmp/a.db" "SELECT count(*) FROM events")
[ "$docs" -gt 20 ] && [ "$events" -gt 10 ] || fail "too little stored: $docs documents, $events events"
out=$($dyad ingest --db "$tmp/a.db" examples/news 2>&1) || fail "second ingest"
grep -q "0 new, 0 replaced, $docs already stored" <<<"$out" || fail "second ingest stored something: $out"
[ "$(count "$tmp/a.db" "SELECT count(*) FROM events")" = "$events" ] || fail "events duplicated"

# 2. kill -9 in the middle, then again: the same as one clean ingest
mkdir "$tmp/pages"
for i in $(seq 1 40); do for f in examples/news/*.txt; do
	{ cat "$f"; printf '\nСтраница %s\n' "$i"; } > "$tmp/pages/$i-$(basename "$f")"; done; done
$dyad ingest -q --batch 5 --db "$tmp/clean.db" "$tmp/pages" || fail "clean ingest"
total=$(count "$tmp/clean.db" "SELECT count(*) FROM documents")
# the kill must land mid-run: some pages stored, not all (read from the store); a kill that lands
# before the first commit waits longer next time, one after the last commit less long
delay=${DYAD_KILL_DELAY:-0.4} try=0   # seconds before the first kill
while :; do
	rm -f "$tmp"/crash.db*
	$dyad ingest -q --batch 5 --db "$tmp/crash.db" "$tmp/pages" & pid=$!
	sleep "$delay"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
	partial=$(count "$tmp/crash.db" "SELECT count(*) FROM documents" 2>/dev/null)
	partial=${partial:-0}
	[ "$partial" -gt 0 ] && [ "$partial" -lt "$total" ] && break
	try=$((try + 1))
	[ $try -lt 6 ] || fail "kill -9 never landed mid-ingest in $try tries (last: $partial of $total pages after ${delay}s)"
	if [ "$partial" -ge "$total" ]; then delay=$(awk -v d="$delay" 'BEGIN { print d / 3 }')
	else delay=$(awk -v d="$delay" 'BEGIN { print d * 2.5 }'); fi
done
$dyad ingest -q --batch 5 --db "$tmp/crash.db" "$tmp/pages" || fail "ingest after kill -9"
for q in "SELECT count(*) FROM documents" "SELECT count(*) FROM events" "SELECT count(*) FROM sentences" \
	 "SELECT count(*) FROM mentions" "SELECT count(DISTINCT doc_id) FROM documents"; do
	[ "$(count "$tmp/crash.db" "$q")" = "$(count "$tmp/clean.db" "$q")" ] || fail "after kill -9: $q differs"
done
# a newer lexicon replaces every document's derived rows: the same counts, nothing twice
cp -r data "$tmp/data" && echo "# changed" >> "$tmp/data/outlets.txt"
out=$($dyad ingest --data "$tmp/data" --db "$tmp/a.db" examples/news 2>&1) || fail "ingest with new data"
grep -q "0 new, $docs replaced" <<<"$out" || fail "a new lexicon did not replace the documents: $out"
[ "$(count "$tmp/a.db" "SELECT count(*) FROM events")" = "$events" ] || fail "events changed on replacing"
# the per-day sums timelines read agree with the events, and the index holds every sentence, once
for db in "$tmp/a.db" "$tmp/crash.db"; do
	ev="SELECT count(*) FROM events WHERE mention_of IS NULL"
	for t in dyad_days dyad_months; do
		[ "$(count "$db" "SELECT sum(events) FROM $t")" = "$(count "$db" "$ev")" ] ||
			fail "$db: $t does not add up to the events"
		[ "$(count "$db" "SELECT sum(mentions) FROM $t")" = "$(count "$db" "SELECT count(*) FROM events")" ] ||
			fail "$db: $t does not add up to the reports of events"
	done
	[ "$(count "$db" "SELECT sum(events) FROM actor_events")" = "$(count "$db" "SELECT 2 * ($ev)")" ] ||
		fail "$db: actor_events does not count each event on both sides"
	[ "$(count "$db" "SELECT count(*) FROM sentences_fts_docsize")" = "$(count "$db" "SELECT count(*) FROM sentences")" ] ||
		fail "$db: the full-text index does not hold every sentence once"
done

# 3. a second writer waits, then says who holds the file
# (the lock is held until the second writer has given up, however slowly it starts: valgrind)
python3 - "$tmp/a.db" "$tmp/locked" "$tmp/done" <<'PY' & holder=$!
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
for _ in range(1200):
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.1)
c.execute("ROLLBACK")
PY
for _ in $(seq 1 100); do [ -f "$tmp/locked" ] && break; sleep 0.1; done
out=$($dyad ingest --wait 1 --db "$tmp/a.db" examples/news 2>&1); rc=$?
touch "$tmp/done"
wait $holder
[ $rc -eq 3 ] && grep -q "another dyad is writing" <<<"$out" || fail "second writer: exit $rc: $out"

# 4. queries answer, search stems
$dyad stats --db "$tmp/a.db" | grep -q "^events  *$events" || fail "stats"
$dyad search визиты --db "$tmp/a.db" | grep -q '\[визит' || fail "search визиты finds визита/визитом"
$dyad events --db "$tmp/a.db" --actor KAZ --limit 3 --format csv | head -1 | grep -q '^date,source,target,cameo' || fail "events csv"
$dyad timeline KAZ CHN --by year --db "$tmp/a.db" | grep -q 'KAZ→CHN' || fail "timeline"
$dyad actor Kazakhstan --db "$tmp/a.db" | grep -q '== partners of Kazakhstan' || fail "actor"
$dyad network --db "$tmp/a.db" --format graphml | grep -q '<edge source=' || fail "network graphml"

# 5. bad arguments: exit 2 and a message; a missing database: exit 3
check() { local want=$1 msg=$2; shift 2; out=$($dyad "$@" 2>&1); rc=$?
	[ $rc -eq "$want" ] && grep -q -e "$msg" <<<"$out" || fail "dyad $*: exit $rc: $out"; }
check 2 "unknown actor 'Atlantis'" events --actor Atlantis --db "$tmp/a.db"
check 2 "bad date '2024-13-45'" events --since 2024-13-45 --db "$tmp/a.db"
check 2 "bad period 'decade'" timeline KAZ BLR --by decade --db "$tmp/a.db"
check 2 "unknown format 'xml'" events --format xml --db "$tmp/a.db"
check 2 "name two actors" timeline KAZ --db "$tmp/a.db"
check 2 "--dyad wants two actors" events --dyad KAZ --db "$tmp/a.db"
check 3 "no such knowledge base" stats --db "$tmp/none.db"
# files dyad did not make are refused and left as they were
printf 'notes\n' > "$tmp/notes.db"
check 3 "not an SQLite database" ingest -q --db "$tmp/notes.db" examples/news
[ "$(cat "$tmp/notes.db")" = notes ] || fail "ingest wrote over a file that is not a database"
python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t (x)'); c.commit()" "$tmp/other.db"
check 3 "another program" ingest -q --db "$tmp/other.db" examples/news
[ "$(count "$tmp/other.db" "SELECT count(*) FROM sqlite_master")" = 1 ] || fail "ingest changed another program's database"
check 3 "not an SQLite database" stats --db "$tmp/notes.db"
# a store cut short (a copy stopped half-way) is named as damaged, and ingest leaves it as it was
python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode = DELETE')" "$tmp/a.db"
head -c 300000 "$tmp/a.db" > "$tmp/cut.db"
check 3 "a damaged SQLite database, cut short" stats --db "$tmp/cut.db"
sum=$(cksum < "$tmp/cut.db")
check 3 "a damaged SQLite database, cut short" ingest -q --db "$tmp/cut.db" examples/news
[ "$(cksum < "$tmp/cut.db")" = "$sum" ] || fail "ingest changed a damaged store"
echo "$docs documents, $events events; idempotent; killed at $partial of $total pages (try $((try + 1))) and resumed exactly; one writer at a time; queries answer"
