#!/usr/bin/env bash
# api.sh — `dyad serve` over real HTTP: the demo pages are ingested, a server is started on a free
# loopback port, every request of tests/golden/api/*.json must answer its recorded status and JSON,
# and the bad requests of tests/tools/api_check.py (methods, limits, traversal, slow clients, raw
# garbage) must get clear errors while the server keeps answering.
#   tests/tools/api.sh BUILD_DIR [--update]   (--update prints each change as a diff and rewrites the
#   golden bodies; with CI set (CI=true) it overwrites nothing and fails)
set -u
build=${1:?usage: api.sh BUILD_DIR [--update]}
update=${2:-}
dyad="${DYAD_WRAP:-} $build/dyad"
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

$dyad ingest -q --db "$tmp/kb.db" examples/news || fail "ingest of examples/news"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$dyad serve --db "$tmp/kb.db" --port "$port" --threads 2 >"$tmp/out" 2>"$tmp/err" & pid=$!
for _ in $(seq 1 100); do grep -q "^dyad serve: http" "$tmp/out" && break; sleep 0.1; done
grep -q "^dyad serve: http://127.0.0.1:$port/" "$tmp/out" || fail "server did not start: $(cat "$tmp/err")"
python3 tests/tools/api_check.py "http://127.0.0.1:$port" tests/golden/api $update || fail "API checks"
# a document whose stored furniture is not a JSON array (edited by hand) is still answered as JSON
python3 - "$tmp/kb.db" "http://127.0.0.1:$port" <<'PY' || fail "a document with broken furniture"
import json, sqlite3, sys, urllib.request
db = sqlite3.connect(sys.argv[1])
doc = db.execute("SELECT doc_id FROM documents ORDER BY id LIMIT 1").fetchone()[0]
db.execute("UPDATE documents SET furniture = '[\"unclosed' WHERE doc_id = ?", (doc,))
db.commit()
answer = json.load(urllib.request.urlopen(sys.argv[2] + "/api/docs/" + doc))
assert answer["doc"]["furniture"] == [], answer["doc"]["furniture"]
body = answer["doc"]["body"]
for m in answer["mentions"] + answer["events"]:
    assert 0 <= m["start"] <= m["end"] <= len(body), m
PY
kill -TERM "$pid"; wait "$pid"; rc=$?; pid=
[ $rc -eq 0 ] || fail "server exited $rc on SIGTERM: $(tail -5 "$tmp/err")"
