#!/usr/bin/env bash
# engines_pg.sh — dyad on PostgreSQL gives what it gives on SQLite. A throwaway cluster is started
# in a temporary folder (by an unprivileged user: initdb refuses root, so as root the cluster runs
# as `nobody`), reachable only through its socket there; the demo pages are ingested into it and
# into an SQLite file, and every query command of tests/golden/kb/commands (and a few more) must
# print the same on both, search aside (PostgreSQL's own stemming: the documents found are listed).
# Ingesting again stores nothing new; a malformed URL, a server that is not there and a refused
# login each exit 3 naming the engine and the host. The server is stopped at the end.
#   tests/tools/engines_pg.sh BUILD_DIR [--keep]   (--keep: leave the cluster running, print its URL)
# Skips (77) when PostgreSQL's server programs are not installed (scripts/bootstrap engines).
set -u
build=${1:?usage: engines_pg.sh BUILD_DIR}
dyad="${DYAD_WRAP:-} $build/dyad"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
	echo "PostgreSQL's server programs (initdb, pg_ctl) are not installed: run scripts/bootstrap engines"
	exit 77
fi
tmp=$(mktemp -d /tmp/dyad-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
	# initdb refuses root: the cluster belongs to nobody, in a folder nobody may write
	command -v runuser >/dev/null || { echo "runuser is missing: cannot start PostgreSQL as another user"; exit 77; }
	as_owner=(runuser -u nobody --)
	chown nobody "$tmp"
fi
chmod 700 "$tmp"
data=$tmp/data port=5432
url="postgresql:///dyad?host=$tmp&port=$port&user=dyad"
stop() {
	[ "${keep:-}" = 1 ] && return
	"${as_owner[@]}" "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1
	rm -rf "$tmp" 2>/dev/null || { sleep 1; rm -rf "$tmp"; }
}
trap stop EXIT
trap 'exit 1' INT TERM HUP
keep=0; [ "${2:-}" = "--keep" ] && keep=1
"${as_owner[@]}" "$bin/initdb" -D "$data" -U dyad -A trust -E UTF8 --no-locale >"$tmp/initdb.log" 2>&1 ||
	{ echo "FAIL: initdb"; tail -5 "$tmp/initdb.log"; exit 1; }
start() {
	"${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$tmp/server.log" -w -t 30 \
		-o "-c listen_addresses='' -k $tmp -p $port -c fsync=off -c full_page_writes=off" start >/dev/null ||
		{ echo "FAIL: the server did not start"; tail -5 "$tmp/server.log"; exit 1; }
}
start
"$bin/createdb" -h "$tmp" -p $port -U dyad dyad || { echo "FAIL: createdb"; exit 1; }
fail=0
# the seconds each ingest reports (dictionaries loaded before it counts)
secs() { sed -n 's/.* stored in \([0-9.]*\) s$/\1/p' <<<"$1"; }
out=$($dyad ingest --db "$tmp/kb.db" examples/news 2>&1) || { echo "FAIL: ingest into SQLite: $out"; exit 1; }
s_sqlite=$(secs "$out")
out=$($dyad ingest --db "$url" examples/news 2>&1) || { echo "FAIL: ingest into PostgreSQL: $out"; exit 1; }
s_pg=$(secs "$out")
docs=$($dyad stats --db "$tmp/kb.db" --format csv | awk -F, '$1 == "documents" {print $2}')

# every query command prints the same on both engines (search aside)
cmp_sqlite=$tmp/kb.db cmp_url=$url cmp_engine=PostgreSQL
. tests/tools/engine_compare.bash
compare_golden '!(search-*)'
compare timeline-week timeline KAZ RUS --by week
compare timeline-day timeline KAZ CHN --by day --format jsonl
compare events-mentions events --mentions --limit 20 --format jsonl
compare events-page2 events --limit 7 --offset 7
compare events-outlet events --outlet Kazinform --limit 10
compare events-language events --language en --limit 10 --format csv
compare events-quad events --quad 4 --limit 10
compare events-role events --actor KAZGOV --limit 10
compare actor-filtered actor RUS --since 2024 --language ru
compare timeline-filtered timeline KAZ RUS --type CONSULT --since 2023-03-15 --until 2024-10-20
compare network-filtered network --outlet Kazinform --format json

# search: PostgreSQL stems with its own dictionaries; each search finds documents on both
for q in визит '"foreign minister"' переговоры; do
	a=$($dyad search --db "$tmp/kb.db" "$q" --limit 50 --format csv | tail -n +2 | awk -F, '{print $NF}' | sort -u | wc -l)
	b=$($dyad search --db "$url" "$q" --limit 50 --format csv | tail -n +2 | awk -F, '{print $NF}' | sort -u | wc -l)
	[ "$b" -gt 0 ] || { echo "FAIL: search $q: PostgreSQL finds nothing (SQLite: $a documents)"; fail=1; }
	searches="${searches:-}${searches:+, }$q $a/$b"
done

# dyad serve on PostgreSQL answers the API's golden requests as on SQLite (search aside)
mkdir "$tmp/api"
for f in tests/golden/api/*.json; do case ${f##*/} in search-*) ;; *) cp "$f" "$tmp/api/" ;; esac; done
hport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$dyad serve --db "$url" --port "$hport" --threads 2 >"$tmp/serve.out" 2>"$tmp/serve.err" & spid=$!
for _ in $(seq 1 100); do grep -q "^dyad serve: http" "$tmp/serve.out" && break; sleep 0.1; done
api=$(python3 tests/tools/api_check.py "http://127.0.0.1:$hport" "$tmp/api" 2>&1) ||
	{ echo "FAIL: dyad serve on PostgreSQL:"; tail -15 <<<"$api"; fail=1; }
kill -TERM $spid; wait $spid 2>/dev/null

# ingesting again stores nothing; stats unchanged
again=$($dyad ingest --db "$url" examples/news 2>&1)
case $again in *" 0 new, 0 replaced, "*" already stored; 0 events"*) ;; *)
	echo "FAIL: a second ingest into PostgreSQL: $again"; fail=1 ;;
esac
compare stats-again stats

# a newer lexicon replaces every document's rows: the same answers as before
cp -r data "$tmp/newdata" && echo "# changed" >> "$tmp/newdata/outlets.txt"
out=$($dyad ingest --data "$tmp/newdata" --db "$url" examples/news 2>&1)
case $out in *" 0 new, $docs replaced"*) ;; *) echo "FAIL: a new lexicon did not replace the documents: $out"; fail=1 ;; esac
compare events-replaced events --mentions --limit 200 --format jsonl
compare network-replaced network --format json

# kill -9 in the middle of an ingest, then again: what one clean ingest leaves (read from SQLite's)
mkdir "$tmp/pages"
for i in 1 2 3 4 5; do for f in examples/news/*.txt; do
	{ cat "$f"; printf '\nСтраница %s\n' "$i"; } > "$tmp/pages/$i-$(basename "$f")"; done; done
$dyad ingest -q --batch 5 --db "$tmp/pages.db" "$tmp/pages" || { echo "FAIL: ingest of the pages into SQLite"; exit 1; }
"$bin/createdb" -h "$tmp" -p $port -U dyad pages || { echo "FAIL: createdb pages"; exit 1; }
purl="postgresql:///pages?host=$tmp&port=$port&user=dyad"
total=$($dyad stats --db "$tmp/pages.db" --format csv | awk -F, '$1 == "documents" {print $2}')
# the kill lands as soon as the first batch is committed, read from the server
$dyad ingest -q --batch 5 --db "$purl" "$tmp/pages" & pid=$!
while kill -0 $pid 2>/dev/null; do
	got=$("$bin/psql" -h "$tmp" -p $port -U dyad -d pages -Atc "SELECT count(*) FROM documents" 2>/dev/null)
	[ "${got:-0}" -gt 0 ] && { kill -9 $pid; break; }
	sleep 0.02
done
wait $pid 2>/dev/null
partial=$($dyad stats --db "$purl" --format csv 2>/dev/null | awk -F, '$1 == "documents" {print $2}')
if [ "${partial:-0}" -eq 0 ] || [ "${partial:-0}" -ge "$total" ]; then
	echo "FAIL: kill -9 did not land mid-ingest: ${partial:-0} of $total pages stored"; exit 1
fi
$dyad ingest -q --batch 5 --db "$purl" "$tmp/pages" || { echo "FAIL: ingest after kill -9"; fail=1; }
a=$($dyad stats --db "$tmp/pages.db"); b=$($dyad stats --db "$purl")
[ "$a" = "$b" ] || { echo "FAIL: after kill -9 and again, PostgreSQL's counts differ from one clean ingest:"; diff <(echo "$a") <(echo "$b"); fail=1; }

# the server stops mid-ingest: exit 1, what was committed kept; started again, another ingest completes it
"$bin/createdb" -h "$tmp" -p $port -U dyad pages2 || { echo "FAIL: createdb pages2"; exit 1; }
purl2="postgresql:///pages2?host=$tmp&port=$port&user=dyad"
$dyad ingest -q --batch 5 --db "$purl2" "$tmp/pages" 2>"$tmp/lost.err" & pid=$!
while kill -0 $pid 2>/dev/null; do
	got=$("$bin/psql" -h "$tmp" -p $port -U dyad -d pages2 -Atc "SELECT count(*) FROM documents" 2>/dev/null)
	[ "${got:-0}" -gt 0 ] && { "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null; break; }
	sleep 0.02
done
wait $pid; rc=$?
if [ $rc -ne 1 ] || ! grep -q "PostgreSQL at .*the connection is lost.*ingest again to complete it" "$tmp/lost.err"; then
	echo "FAIL: a server stopped mid-ingest: exit $rc (expected 1): $(cat "$tmp/lost.err")"; fail=1
fi
start
$dyad ingest -q --batch 5 --db "$purl2" "$tmp/pages" || { echo "FAIL: ingest after the server came back"; fail=1; }
b=$($dyad stats --db "$purl2")
[ "$a" = "$b" ] || { echo "FAIL: after a lost server and again, PostgreSQL's counts differ from one clean ingest:"; diff <(echo "$a") <(echo "$b"); fail=1; }

# bad --db URLs: exit 3, the engine, the host and the problem named
bad() { # want-in-message, URL
	local out rc
	out=$($dyad stats --db "$2" 2>&1); rc=$?
	if [ $rc -ne 3 ] || [[ $out != *PostgreSQL* ]] || [[ $out != *"$1"* ]]; then
		echo "FAIL: dyad stats --db $2: exit $rc, expected 3 and a message with PostgreSQL and '$1': $out"; fail=1
	fi
}
bad "malformed URL" "postgresql://dyad@[::1"
bad "cannot connect" "postgresql://127.0.0.1:9/dyad?connect_timeout=2"
bad "login failed" "postgresql:///dyad?host=$tmp&port=$port&user=nobody_here"
bad "no dyad schema" "postgresql:///postgres?host=$tmp&port=$port&user=dyad&options=-csearch_path%3Dpg_catalog"
out=$($dyad ingest -q --db "postgresql://127.0.0.1:9/dyad?connect_timeout=2" examples/news 2>&1); rc=$?
[ $rc -eq 3 ] || { echo "FAIL: ingest into a server that is not there: exit $rc: $out"; fail=1; }

[ $fail -eq 0 ] || exit 1
[ $keep -eq 1 ] && echo "kept: $url (stop: ${as_owner[*]} $bin/pg_ctl -D $data stop)"
rate() { awk -v n="$docs" -v t="$1" 'BEGIN { printf "%.0f", n / (t > 0 ? t : 0.001) }'; }
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}'): $cmp_n commands and $(ls "$tmp/api" | wc -l) API requests answer as on SQLite; killed at $partial of $total pages and resumed exactly, and so after the server stopped mid-ingest (exit 1); search (SQLite/PostgreSQL documents) $searches; re-ingest stores nothing; bad URLs exit 3; ingest $(rate "$s_sqlite") docs/s SQLite, $(rate "$s_pg") docs/s PostgreSQL ($docs pages, dictionaries loaded)"
