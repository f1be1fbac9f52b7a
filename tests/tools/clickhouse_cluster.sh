#!/usr/bin/env bash
# clickhouse_cluster.sh — a throwaway two-shard ClickHouse on loopback for the engine's tests.
#   clickhouse_cluster.sh start [DIR]   start it (in DIR, else a new temporary folder) and print
#                                       shell assignments: DYAD_CLICKHOUSE_DIR, _URL, _SHARDS
#                                       (host:port of each HTTP interface), _NATIVE_PORT
#   clickhouse_cluster.sh stop DIR      stop its servers and remove DIR
#   clickhouse_cluster.sh restart DIR N start shard N's server again after it stopped
#   clickhouse_cluster.sh commands BUILD the dyad commands' part of the test below, on a cluster started
#                                       (its DYAD_CLICKHOUSE_* variables exported)
#   clickhouse_cluster.sh BUILD         the test tests/run calls: start, ingest examples/news into
#                                       SQLite, run BUILD/tests/test_clickhouse against the cluster
#                                       (its server tests included), then `dyad ingest --db
#                                       clickhouse://...` and every query command the engine answers
#                                       against SQLite's, a re-ingest and a killed ingest; stop
# Shard 1 listens on 127.0.0.1 and shard 2 on 127.0.0.2, both on the same HTTP and native ports
# (picked free at random), so every shard's HTTP interface is on the port of the URL dyad is given,
# as on a real cluster. Each server has its own config.xml, users.xml, data and logs under DIR; the
# cluster `dyad_test` names both shards (Distributed without replication: no ZooKeeper). Run as
# root (as CI does), the servers run as `nobody` through setpriv: clickhouse-server 18.16 accepts
# root, later versions refuse a data folder whose owner differs from the process, and a test server
# has no business holding root anyway. `eval "$(tests/tools/clickhouse_cluster.sh start)"` sets the
# variables in a shell; docs/engines.md says how to grow this into a real cluster.
set -euo pipefail

die() { echo "clickhouse_cluster: $*" >&2; exit 1; }
server=$(command -v clickhouse-server 2>/dev/null || true)
[ -n "$server" ] || [ ! -x /usr/sbin/clickhouse-server ] || server=/usr/sbin/clickhouse-server

# Two ports free on both loopback addresses: HTTP and native (the shards talk native to each other).
free_ports() {
	python3 - <<'EOF'
import random, socket
def free(port):
    for host in ("127.0.0.1", "127.0.0.2"):
        s = socket.socket()
        try:
            s.bind((host, port))
        except OSError:
            return False
        finally:
            s.close()
    return True
ports = []
while len(ports) < 2:
    p = random.randrange(20000, 60000)
    if p not in ports and free(p):
        ports.append(p)
print(*ports)
EOF
}

# write_server DIR SHARD HOST HTTP TCP: the folder, config.xml and users.xml of one shard's server
write_server() {
	local d=$1/shard$2 host=$3 http=$4 tcp=$5
	mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/log"
	cat >"$d/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>$d/log/server.log</log>
        <errorlog>$d/log/server.err.log</errorlog>
        <size>10M</size>
        <count>1</count>
    </logger>
    <listen_host>$host</listen_host>
    <http_port>$http</http_port>
    <tcp_port>$tcp</tcp_port>
    <path>$d/data/</path>
    <tmp_path>$d/tmp/</tmp_path>
    <user_files_path>$d/user_files/</user_files_path>
    <users_config>$d/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <max_concurrent_queries>50</max_concurrent_queries>
    <mark_cache_size>67108864</mark_cache_size>
    <uncompressed_cache_size>67108864</uncompressed_cache_size>
    <remote_servers>
        <dyad_test>
            <shard><replica><host>127.0.0.1</host><port>$tcp</port></replica></shard>
            <shard><replica><host>127.0.0.2</host><port>$tcp</port></replica></shard>
        </dyad_test>
    </remote_servers>
    <macros><shard>$2</shard></macros>
</yandex>
EOF
	# `default` without a password (the shards' own connections), `dyad` with one (a login to test)
	cat >"$d/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
    <profiles>
        <default><max_memory_usage>2000000000</max_memory_usage></default>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.0/8</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
        <dyad>
            <password>dyad-test</password>
            <networks><ip>127.0.0.0/8</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </dyad>
    </users>
    <quotas><default></default></quotas>
</yandex>
EOF
}

# ready HOST PORT PID: wait until the server answers /ping (30 s), or fail when it has exited
ready() {
	local i
	for i in $(seq 1 300); do
		[ "$(curl -s --max-time 1 "http://$1:$2/ping" 2>/dev/null)" = "Ok." ] && return 0
		kill -0 "$3" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

stop() {
	local dir=$1 pid i
	[ -d "$dir" ] || die "stop: no cluster folder $dir"
	for pid in $(cat "$dir"/shard*/pid 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
	for pid in $(cat "$dir"/shard*/pid 2>/dev/null); do
		for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		if kill -0 "$pid" 2>/dev/null; then
			echo "clickhouse_cluster: server $pid did not stop in 30 s: killed" >&2
			kill -9 "$pid" 2>/dev/null || true
		fi
	done
	rm -rf "$dir"
}

# launch DIR SHARD: start the server of a shard in the background, its pid in DIR/shardN/pid.
# As root, the server runs as nobody. Each server has a session of its own: SYSTEM SHUTDOWN
# signals the server's whole process group, which would otherwise be both shards and this
# script. setsid and setpriv exec (a background job is no group leader), so $! is the server.
launch() {
	local as=()
	[ "$(id -u)" -ne 0 ] || as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
	setsid "${as[@]}" "$server" --config-file="$1/shard$2/config.xml" >>"$1/shard$2/log/stdout" 2>&1 </dev/null &
	echo $! >"$1/shard$2/pid"
}

# restart DIR SHARD: start again a shard whose server stopped (a test stops one midway)
restart() {
	local dir=$1 shard=$2 http i
	[ -f "$dir/shard$shard/config.xml" ] || die "restart: no shard $shard in $dir"
	# a server shutting down stops answering before its process ends: give it 30 s to end
	for i in $(seq 1 300); do kill -0 "$(cat "$dir/shard$shard/pid")" 2>/dev/null || break; sleep 0.1; done
	! kill -0 "$(cat "$dir/shard$shard/pid")" 2>/dev/null || die "restart: shard $shard is still running"
	http=$(sed -n 's:.*<http_port>\(.*\)</http_port>.*:\1:p' "$dir/shard$shard/config.xml")
	launch "$dir" "$shard"
	ready "127.0.0.$shard" "$http" "$(cat "$dir/shard$shard/pid")" || die "restart: shard $shard did not start"
}

start() {
	local dir=${1:-} attempt http tcp shard pid
	[ -n "$server" ] || die "clickhouse-server is not installed (scripts/bootstrap engines)"
	command -v curl >/dev/null || die "curl is not installed"
	[ -n "$dir" ] || dir=$(mktemp -d "${TMPDIR:-/tmp}/dyad-clickhouse.XXXXXX")
	mkdir -p "$dir"
	# A port taken between the check and the server's bind: try again with others.
	for attempt in 1 2 3; do
		read -r http tcp < <(free_ports)
		for shard in 1 2; do write_server "$dir" "$shard" "127.0.0.$shard" "$http" "$tcp"; done
		[ "$(id -u)" -ne 0 ] || chown -R nobody:nogroup "$dir"
		for shard in 1 2; do launch "$dir" "$shard"; done
		ok=1
		for shard in 1 2; do
			ready "127.0.0.$shard" "$http" "$(cat "$dir/shard$shard/pid")" || ok=0
		done
		if [ $ok = 1 ]; then
			cat >"$dir/env" <<EOF
DYAD_CLICKHOUSE_DIR=$dir
DYAD_CLICKHOUSE_URL='clickhouse://127.0.0.1:$http/dyad_test?cluster=dyad_test'
DYAD_CLICKHOUSE_SHARDS='127.0.0.1:$http 127.0.0.2:$http'
DYAD_CLICKHOUSE_NATIVE_PORT=$tcp
EOF
			cat "$dir/env"
			return 0
		fi
		for shard in 1 2; do
			echo "clickhouse_cluster: shard $shard (127.0.0.$shard:$http) did not start:" >&2
			tail -5 "$dir/shard$shard/log/server.err.log" "$dir/shard$shard/log/stdout" 2>/dev/null >&2 || true
		done
		for pid in $(cat "$dir"/shard*/pid); do kill -9 "$pid" 2>/dev/null || true; done
		wait 2>/dev/null || true
		rm -rf "${dir:?}"/shard*
	done
	rm -rf "$dir"
	die "the cluster did not start in 3 attempts"
}

# The database `name` on the cluster, as a --db URL.
db_url() { echo "${DYAD_CLICKHOUSE_URL%%/dyad_test\?*}/$1?cluster=dyad_test"; }

# `dyad ingest` and the query commands on the cluster (dyad BUILD): examples/news ingested into
# SQLite and into ClickHouse, each command the engine answers printing the same on both; a second
# ingest storing nothing; an ingest killed after its first batch and before its last, then run again,
# counting what one clean ingest counts.
commands() {
	local build dyad tmp=$DYAD_CLICKHOUSE_DIR fail=0 t0 t1 t2 docs out pid got
	local partial total a b http=${DYAD_CLICKHOUSE_SHARDS%% *} i f
	local url; url=$(db_url dyad_kb)
	build=$(cd "$1" && pwd)
	dyad="${DYAD_WRAP:-} $build/dyad"
	cd "$(dirname "$0")/../.."
	t0=$(date +%s.%N)
	$dyad ingest -q --db "$tmp/kb.db" examples/news || die "ingest into SQLite failed"
	t1=$(date +%s.%N)
	$dyad ingest -q --db "$url" examples/news || die "dyad ingest --db $url failed"
	t2=$(date +%s.%N)
	docs=$($dyad stats --db "$tmp/kb.db" --format csv | awk -F, '$1 == "documents" {print $2}')
	# shellcheck disable=SC2034 # read by engine_compare.bash
	cmp_sqlite=$tmp/kb.db cmp_url=$url cmp_engine=ClickHouse
	. tests/tools/engine_compare.bash
	# actor-ru-filtered aside: people's Russian names (docs/engines.md, "Left to do")
	compare_golden '@(stats|timeline-*|bad-period|network-*|bad-network-format|actor-profile|actor-igo|actor-person)'
	compare actor-filtered actor RUS --since 2024 --language ru
	compare actor-role actor KAZGOV --mentions --format json
	compare network-filtered network --outlet Kazinform --format json
	compare network-mentions network --mentions --type CONSULT --format csv
	compare network-language network --language en --quad 4
	compare actors actors
	compare actors-prefix actors каз
	compare actors-person actors tok --format json
	compare timeline-week timeline KAZ RUS --by week
	compare timeline-day timeline KAZ CHN --by day --format jsonl
	compare timeline-filtered timeline KAZ RUS --type CONSULT --since 2023-03-15 --until 2024-10-20
	compare timeline-outlet timeline KAZ RUS --outlet Kazinform --mentions
	compare timeline-language timeline SCO KAZ --language ru --format csv
	compare timeline-person timeline Tokayev CHN --by year --names ru
	compare stats-csv stats --format csv
	compare stats-json stats --format json
	# dyad serve on ClickHouse answers the API's golden requests the engine answers as on SQLite
	local hport spid api
	mkdir "$tmp/api"
	for f in tests/golden/api/*.json; do case ${f##*/} in actor*|error-*|network*|stats*|timeline-*) cp "$f" "$tmp/api/" ;; esac; done
	hport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	$dyad serve --db "$url" --port "$hport" --threads 2 >"$tmp/serve.out" 2>"$tmp/serve.err" & spid=$!
	for i in $(seq 1 100); do grep -q "^dyad serve: http" "$tmp/serve.out" && break; sleep 0.1; done
	api=$(python3 tests/tools/api_check.py "http://127.0.0.1:$hport" "$tmp/api" --golden-only 2>&1) ||
		{ echo "FAIL: dyad serve on ClickHouse:"; tail -15 <<<"$api"; fail=1; }
	kill -TERM $spid; wait $spid 2>/dev/null || true
	# ingesting again stores nothing; the counts stay
	out=$($dyad ingest --db "$url" examples/news 2>&1)
	case $out in *" 0 new, 0 replaced, $docs already stored; 0 events"*) ;; *)
		echo "FAIL: a second ingest into ClickHouse: $out"; fail=1 ;;
	esac
	compare stats-again stats
	# kill -9 in the middle of an ingest, then again: what one clean ingest leaves (read from SQLite's)
	mkdir "$tmp/pages"
	for i in 1 2 3 4 5; do for f in examples/news/*.txt; do
		{ cat "$f"; printf '\nСтраница %s\n' "$i"; } >"$tmp/pages/$i-$(basename "$f")"; done; done
	$dyad ingest -q --batch 5 --db "$tmp/pages.db" "$tmp/pages" || die "ingest of the pages into SQLite failed"
	total=$($dyad stats --db "$tmp/pages.db" --format csv | awk -F, '$1 == "documents" {print $2}')
	url=$(db_url dyad_pages)
	# the kill lands as soon as the first batch is committed, read from the servers
	$dyad ingest -q --batch 5 --db "$url" "$tmp/pages" & pid=$!
	while kill -0 $pid 2>/dev/null; do
		got=$(curl -s "http://$http/" --data-binary 'SELECT count() FROM dyad_pages.documents' 2>/dev/null)
		[[ $got =~ ^[0-9]+$ ]] && [ "$got" -gt 0 ] && { kill -9 $pid; break; }
		sleep 0.02
	done
	wait $pid 2>/dev/null || true
	partial=$($dyad stats --db "$url" --format csv 2>/dev/null | awk -F, '$1 == "documents" {print $2}' || true)
	if [ "${partial:-0}" -eq 0 ] || [ "${partial:-0}" -ge "$total" ]; then
		echo "FAIL: kill -9 did not land mid-ingest: ${partial:-0} of $total pages stored"; fail=1
	fi
	$dyad ingest -q --batch 5 --db "$url" "$tmp/pages" || { echo "FAIL: ingest after kill -9"; fail=1; }
	a=$($dyad stats --db "$tmp/pages.db"); b=$($dyad stats --db "$url")
	[ "$a" = "$b" ] || { echo "FAIL: after kill -9 and again, ClickHouse's counts differ from one clean ingest:"
		diff <(echo "$a") <(echo "$b") || true; fail=1; }
	# a malformed URL and a server that is not there: exit 3, the engine, the host and the problem named
	for url in 'clickhouse://h:99999/kb|the port' 'clickhouse://127.0.0.1:1/kb|ClickHouse at 127.0.0.1:1: cannot reach'; do
		out=$($dyad ingest -q --db "${url%%|*}" examples/news 2>&1) && got=0 || got=$?
		[ "$got" -eq 3 ] && [[ $out == *ClickHouse* && $out == *"${url#*|}"* ]] ||
			{ echo "FAIL: dyad ingest --db ${url%%|*}: exit $got, expected 3 and '${url#*|}': $out"; fail=1; }
	done
	[ $fail -eq 0 ] || die "dyad on the cluster does not answer as on SQLite"
	echo "dyad --db clickhouse://: $cmp_n commands and $(ls "$tmp/api" | wc -l) API requests answer as on SQLite; re-ingest stores nothing; killed at" \
		"$partial of $total pages and resumed exactly; ingest $(awk -v n="$docs" -v a="$t0" -v b="$t1" \
		'BEGIN { printf "%.0f", n / (b - a) }') docs/s SQLite, $(awk -v n="$docs" -v a="$t1" -v b="$t2" \
		'BEGIN { printf "%.0f", n / (b - a) }') docs/s ClickHouse ($docs pages)"
}

# The test tests/run calls with the build folder: skipped (77) without clickhouse-server.
selftest() {
	local build=$1 out rc
	if [ -z "$server" ]; then
		echo "skipped: clickhouse-server is not installed (scripts/bootstrap engines installs it)"
		exit 77
	fi
	[ -x "$build/tests/test_clickhouse" ] || die "$build/tests/test_clickhouse is not built"
	eval "$(start)"
	trap 'stop "$DYAD_CLICKHOUSE_DIR"' EXIT
	# how the test brings back a shard it stopped
	DYAD_CLICKHOUSE_RESTART="bash $0 restart $DYAD_CLICKHOUSE_DIR"
	export DYAD_CLICKHOUSE_URL DYAD_CLICKHOUSE_SHARDS DYAD_CLICKHOUSE_RESTART
	# the demo corpus in SQLite, which the test writes to the cluster and counts on both
	DYAD_CLICKHOUSE_SQLITE=$DYAD_CLICKHOUSE_DIR/news.db
	${DYAD_WRAP:-} "$build/dyad" ingest -q --db "$DYAD_CLICKHOUSE_SQLITE" "$(dirname "$0")/../../examples/news" ||
		die "dyad ingest of examples/news failed"
	# what `dyad search` finds there (the documents of its sentences), which the test asks ClickHouse
	DYAD_CLICKHOUSE_SEARCH=$DYAD_CLICKHOUSE_DIR/search.tsv
	local q
	for q in визит премьер-министр санкции "президент Казахстана" переговоры "министр иностранных дел" \
		Токаев talks president visit; do
		printf '%s\t%s\n' "$q" "$("$build/dyad" search --db "$DYAD_CLICKHOUSE_SQLITE" -f jsonl -n 100000 "$q" |
			grep -o '"doc":"[0-9a-f]*"' | cut -d'"' -f4 | sort -u | tr '\n' ' ' | sed 's/ $//')"
	done >"$DYAD_CLICKHOUSE_SEARCH"
	export DYAD_CLICKHOUSE_SQLITE DYAD_CLICKHOUSE_SEARCH
	out=$(${DYAD_WRAP:-} "$build/tests/test_clickhouse" 2>&1) && rc=0 || rc=$?
	echo "$out"
	[ $rc -eq 0 ] || die "test_clickhouse failed on the cluster (exit $rc)"
	# the server tests must have run, not skipped
	if grep -q '^\[  SKIPPED \]' <<<"$out"; then die "the server tests were skipped with the cluster running"; fi
	echo "two shards at $DYAD_CLICKHOUSE_SHARDS: $(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' <<<"$out") tests" \
		"passed; $(sed -n 's/^inserted .*: \([0-9]* rows\/s\)$/\1 inserted through Distributed/p' <<<"$out");" \
		"$(sed -n 's/^wrote .*(\([0-9]* commits of [0-9.]* s\) each): \([0-9]* documents\/s\)$/examples\/news written at \2 (\1), counted as on SQLite/p' <<<"$out")"
	(commands "$build") || exit 1
}

case "${1:-}" in
start) start "${2:-}" ;;
stop) stop "${2:?usage: clickhouse_cluster.sh stop DIR}" ;;
commands) commands "${2:?usage: clickhouse_cluster.sh commands BUILD (the DYAD_CLICKHOUSE_* of start set)}" ;;
restart) restart "${2:?usage: clickhouse_cluster.sh restart DIR SHARD}" "${3:?usage: clickhouse_cluster.sh restart DIR SHARD}" ;;
"" | -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; [ -n "${1:-}" ] ;;
*) selftest "$1" ;;
esac
