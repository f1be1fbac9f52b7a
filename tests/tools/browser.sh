#!/usr/bin/env bash
# browser.sh — the dashboard in headless Chromium against `dyad serve` on the demo pages: the
# timeline, the events table and the network render with data, a click reaches a document with its
# evidence highlighted, search shows marked results, no console error, no request leaves the
# server (tests/browser/dashboard.mjs); the map draws countries and places and lists a place's
# events (tests/browser/map.mjs). Screenshots go to BUILD_DIR/browser/ as test artefacts.
# Needs Debian's chromium and node with playwright-core (`scripts/bootstrap browser`, which
# `make check` runs); skipped with a message when they are missing or under valgrind.
set -u
build=${1:?usage: browser.sh BUILD_DIR}
[ -n "${DYAD_WRAP:-}" ] && { echo "not under ${DYAD_WRAP%% *}: a browser waits on every request"; exit 77; }
command -v node >/dev/null || { echo "node is missing (scripts/bootstrap browser)"; exit 77; }
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing (scripts/bootstrap browser)"; exit 77; }
[ -d node_modules/playwright-core ] || { echo "playwright-core is not installed (npm ci)"; exit 77; }
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
"$build/dyad" ingest -q --db "$tmp/kb.db" examples/news || { echo "FAIL: ingest"; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$build/dyad" serve --db "$tmp/kb.db" --port "$port" >"$tmp/out" 2>"$tmp/err" & pid=$!
for _ in $(seq 1 100); do grep -q "^dyad serve: http" "$tmp/out" && break; sleep 0.1; done
grep -q "^dyad serve: http" "$tmp/out" || { echo "FAIL: server did not start: $(cat "$tmp/err")"; exit 1; }
mkdir -p "$build/browser"
out=$(timeout 300 node tests/browser/dashboard.mjs "http://127.0.0.1:$port" "$build/browser" 2>&1); rc=$?
grep -v '^ok - ' <<<"$out"
[ $rc -eq 0 ] || { echo "FAIL: the browser test (exit $rc)"; exit 1; }
# the map page (tests/browser/map.mjs)
map=$(timeout 120 node tests/browser/map.mjs "http://127.0.0.1:$port" "$build/browser" 2>&1); rc=$?
grep -v '^ok - ' <<<"$map"
[ $rc -eq 0 ] || { echo "FAIL: the map's browser test (exit $rc)"; exit 1; }
echo "browser: $(tail -1 <<<"$out"); screenshots in $build/browser/"
