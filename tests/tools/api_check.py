#!/usr/bin/env python3
"""api_check — `dyad serve` against its golden answers and a set of bad requests.

    api_check.py BASE_URL GOLDEN_DIR [--update | --golden-only]

Each GOLDEN_DIR/NAME.json is {"request": "/api/...", "status": N, "body": {...}}: the request must
answer that status and exactly that JSON (compared parsed, so key order and spacing do not matter).
--update rewrites status and body from the running server: each change is printed as a diff to
read before committing; with CI set (CI=true) it prints the diffs and overwrites nothing.
--golden-only stops there (for an engine that answers only some questions). Then the bad requests: each must get its status and a JSON {"error": ...}, and the server must go on
answering, also while slow and broken clients hold connections.
"""
import difflib
import http.client
import json
import os
import re
import socket
import sys
import threading
import time
import urllib.parse

BASE = urllib.parse.urlparse(sys.argv[1])
HOST, PORT = BASE.hostname, BASE.port
GOLDEN = sys.argv[2]
UPDATE = len(sys.argv) > 3 and sys.argv[3] == "--update"
GOLDEN_ONLY = len(sys.argv) > 3 and sys.argv[3] == "--golden-only"
IN_CI = os.environ.get("CI", "") not in ("", "0", "false")
passed = failed = 0
ASCII = "".join(chr(i) for i in range(33, 127))


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("not ok - " + what)


def get(path, method="GET", body=None, headers=None, timeout=10):
    c = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    path = urllib.parse.quote(path, safe=ASCII)  # non-ASCII as %XX, the rest as written
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data


def raw(data, timeout=5):
    """Send bytes as they are; return what the server answered (b'' if it closed)."""
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    try:
        out = b""
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
        except OSError:  # the server closed first: it may still have answered
            pass
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            out += chunk
        return out
    finally:
        s.close()


def json_error(status, headers, data, want, what):
    ok = status == want
    try:
        doc = json.loads(data)
        ok = ok and isinstance(doc.get("error"), str) and doc["error"] != ""
    except ValueError:
        ok = False
    ok = ok and headers.get("content-type", "").startswith("application/json")
    check(ok, "%s: expected %d with a JSON error, got %d %r" % (what, want, status, data[:200]))


def alive(what):
    # connections the client has just closed may still count for a moment against its
    # per-client limit (the server hears of the close on its next poll): a refused or reset
    # connection is tried again for up to two seconds
    for attempt in range(20):
        try:
            status, _, data = get("/api/stats", timeout=5)
            break
        except (ConnectionResetError, ConnectionRefusedError, http.client.RemoteDisconnected):
            if attempt == 19:
                raise
            time.sleep(0.1)
    check(status == 200 and b'"stats"' in data, "server still answers after " + what)


def update_golden(path, case, status, body):
    """--update: print how the golden file would change; write it unless in CI."""
    old = open(path, encoding="utf-8").read()
    case = dict(case, status=status, body=body)
    new = json.dumps(case, ensure_ascii=False, indent=1) + "\n"
    if new == old:
        return
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), path, path + " (server)"))
    if IN_CI:
        check(False, "%s: differs from the server's answer (above); CI is set: not overwritten" % path)
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    print("updated " + path)


# ---- golden answers --------------------------------------------------------------------------

for name in sorted(os.listdir(GOLDEN)):
    if not name.endswith(".json"):
        continue
    path = os.path.join(GOLDEN, name)
    case = json.load(open(path, encoding="utf-8"))
    status, headers, data = get(case["request"])
    try:
        body = json.loads(data)
    except ValueError:
        check(False, "%s: %s answered something that is not JSON: %r" % (name, case["request"], data[:200]))
        continue
    if UPDATE:
        update_golden(path, case, status, body)
        continue
    check(status == case["status"], "%s: %s status %d, expected %d" % (name, case["request"], status, case["status"]))
    check(body == case["body"], "%s: %s answered\n  %s\nexpected\n  %s" % (
        name, case["request"], json.dumps(body, ensure_ascii=False)[:600],
        json.dumps(case["body"], ensure_ascii=False)[:600]))
    check(headers.get("content-type") == "application/json; charset=utf-8", name + ": JSON content type")
    check("default-src 'self'" in headers.get("content-security-policy", ""), name + ": a same-origin CSP")

if GOLDEN_ONLY:
    print("api: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)

# ---- paging: the pages of /api/events add up to the whole ------------------------------------

_, _, whole = get("/api/events?limit=500")
whole = json.loads(whole)["events"]
pages, offset = [], 0
while offset is not None:
    _, _, page = get("/api/events?limit=7&offset=%d" % offset)
    page = json.loads(page)
    pages += page["events"]
    offset = page["next"]
check(pages == whole and len(whole) > 7, "paging through /api/events gives every event once (%d vs %d)" % (
    len(pages), len(whole)))
# the same by keyset: each page's "after" gives the next, with filters too
for query in ["", "&actor=KAZ", "&language=ru&type=CONSULT", "&a=KAZ&b=BLR"]:
    _, _, whole = get("/api/events?limit=500" + query)
    whole = json.loads(whole)["events"]
    pages, after = [], ""
    while after is not None and len(pages) <= len(whole):
        _, _, page = get("/api/events?limit=3" + query + ("&after=" + urllib.parse.quote(after) if after else ""))
        page = json.loads(page)
        pages += page["events"]
        after = page["after"]
    check(pages == whole and len(whole) > 3, "paging by after through /api/events%s gives every event once (%d vs %d)" % (
        query, len(pages), len(whole)))
for bad in ["x", "2024-01-01", "2024-13-01,5", "2024-01-01,5x", ",", "2024-01-01,"]:
    check(get("/api/events?after=" + urllib.parse.quote(bad))[0] == 400, "after=%s: a 400" % bad)
check(get("/api/events?after=")[0] == 400, "after= empty: a 400")

# codes and types in any case answer as in upper case
for lower, upper in [("/api/events?actor=kaz&type=consult", "/api/events?actor=KAZ&type=CONSULT"),
                     ("/api/timeline?a=kazgov&b=chn", "/api/timeline?a=KAZGOV&b=CHN"),
                     ("/api/actors/igoeu", "/api/actors/IGOEU")]:
    a, b = get(lower), get(upper)
    check(a[0] == 200 and a[2] == b[2], "%s answers as %s" % (lower, upper))
# a person is that person: their profile has no events they are not in
status, _, data = get("/api/actors/Tokayev")
profile = json.loads(data)
check(status == 200 and profile["resolved"]["kind"] == "person" and profile["actor"]["kind"] == "person",
      "/api/actors/Tokayev resolves to the person")
status, _, data = get("/api/actors/KAZ")
check(sum(p["events"] for p in profile["partners"]) < sum(p["events"] for p in json.loads(data)["partners"]),
      "Tokayev's partners count fewer events than Kazakhstan's")

# every view obeys the same filters: types over the whole dyad add up to its timeline, and the
# timeline, types and events within a filter agree with each other
def total(path):
    return sum(p["events"] for p in json.loads(get(path)[2])["periods"])
tl = total("/api/timeline?a=KAZ&b=CHN&by=year")
types = json.loads(get("/api/types?a=KAZ&b=CHN")[2])["types"]
check(tl > 0 and sum(t["events"] for t in types) == tl, "types of KAZ-CHN add up to its timeline (%d)" % tl)
for filt in ["type=CONSULT", "quad=1", "language=ru", "outlet=Xinhua", "since=2024-01-01&until=2024-12-31"]:
    t = total("/api/timeline?a=KAZ&b=CHN&by=year&" + filt)
    ev = json.loads(get("/api/events?a=KAZ&b=CHN&limit=500&" + filt)[2])["events"]
    ty = json.loads(get("/api/types?a=KAZ&b=CHN&" + filt)[2])["types"]
    check(t == len(ev) == sum(x["events"] for x in ty) and t <= tl,
          "%s: timeline %d, events %d, types %d" % (filt, t, len(ev), sum(x["events"] for x in ty)))
ev = json.loads(get("/api/events?language=en&limit=500")[2])["events"]
check(ev and all(e["language"] == "en" for e in ev), "language=en: only events reported in English")
net = json.loads(get("/api/network?type=SANCTION")[2])["edges"]
check(net and sum(e["events"] for e in net) <= sum(e["events"] for e in json.loads(get("/api/network")[2])["edges"]),
      "the network within a type")
for path in ["/api/types?quad=5", "/api/timeline?a=KAZ&b=CHN&quad=0", "/api/network?outlet=", "/api/types?a=KAZ"]:
    status, headers, data = get(path)
    json_error(status, headers, data, 400, "GET " + path)

# the map's places obey the same filters: a year as `until` takes in the whole year, a type narrows
def place_events(path):
    status, _, data = get(path)
    check(status == 200, "%s: %d" % (path, status))
    return sum(p["events"] for p in json.loads(data)["places"]) if status == 200 else -1
year, year_end = place_events("/api/places?until=2023"), place_events("/api/places?until=2023-12-31")
check(year == year_end and 0 < year < place_events("/api/places"),
      "places until=2023 (%d) are those until 2023-12-31 (%d), fewer than all" % (year, year_end))
check(place_events("/api/places?type=CONSULT") < place_events("/api/places"), "places within a type")
for path in ["/api/places?until=2023-1", "/api/places?since=%FF", "/api/places?place=", "/api/places?place=524901&limit=101",
             "/api/places?quad=9"]:
    status, headers, data = get(path)
    json_error(status, headers, data, 400, "GET " + path)

# names in the language asked for
status, _, data = get("/api/actors/KAZ?names=ru")
ru = json.loads(data)
check(status == 200 and any(p["name"] == "Китай" for p in ru["partners"]) and
      all(re.search("[А-Яа-яЁё]", p["person"]) for p in ru["people"]), "/api/actors/KAZ?names=ru names in Russian")
status, _, data = get("/api/network?names=ru")
check(status == 200 and any(n["name"] == "Казахстан" for n in json.loads(data)["nodes"]), "/api/network?names=ru")
status, _, data = get("/api/events?names=fr")
check(status == 400, "names=fr is refused")

# ---- bad requests --------------------------------------------------------------------------------

for path, want in [
    ("/api/events?since=2024-13-45", 400), ("/api/events?since=yesterday", 400),
    ("/api/events?actor=Atlantis", 400), ("/api/events?limit=0", 400), ("/api/events?limit=501", 400),
    ("/api/events?limit=-1", 400), ("/api/events?limit=1e3", 400), ("/api/events?offset=x", 400),
    ("/api/events?cameo=04%27%20OR%201=1", 400), ("/api/events?color=red", 400),
    ("/api/events?a=KAZ", 400), ("/api/events?limit=1&limit=2", 400),
    ("/api/events?actor=" + "x" * 300, 400), ("/api/events?actor=%FF%FE", 400),
    ("/api/timeline?a=KAZ", 400), ("/api/timeline?a=KAZ&b=BLR&by=decade", 400),
    ("/api/search?q=", 400), ("/api/search", 400), ("/api/actors?limit=100000", 400),
    ("/api/actors/Atlantis", 404), ("/api/docs/0000000000000000", 404), ("/api/docs/..%2F..%2Fetc", 404),
    ("/api/docs/abc", 404), ("/api/nothing", 404), ("/api/", 404), ("/api/stats/extra", 404),
    ("/api/stats?x=1", 400), ("/api/events?" + "&".join("p%d=1" % i for i in range(40)), 400),
    ("/assets/../../etc/passwd", 404), ("/assets/%2e%2e/%2e%2e/etc/passwd", 404), ("/etc/passwd", 404),
    ("/doc/x/y", 404), ("/api/" + "a" * 3000, 414),
    # what an analyst mistypes is refused, not answered with nothing or with everything
    ("/api/events?type=NOPE", 400), ("/api/events?actor=", 400), ("/api/events?a=&b=KAZ", 400),
    ("/api/events?cameo=", 400), ("/api/events?cameo=0x4", 400), ("/api/events?count=articles", 400),
    ("/api/timeline?a=ZZZ&b=KAZ", 400), ("/api/network?count=x", 400), ("/api/actors/ZZZGOV", 404),
    # a NUL byte would cut a value short into another value (KAZ%00x read as KAZ)
    ("/api/events?actor=KAZ%00x", 400), ("/api/events?actor=%00", 400), ("/api/stats?%00=1", 400),
]:
    status, headers, data = get(path)
    json_error(status, headers, data, want, "GET " + path[:80])

for method in ["POST", "PUT", "DELETE", "PATCH"]:
    status, headers, data = get("/api/stats", method=method, body=b"x=1")
    json_error(status, headers, data, 405, method + " /api/stats")

status, headers, data = get("/api/stats", method="HEAD")
check(status == 200 and data == b"", "HEAD answers 200 without a body")

# an empty filter is refused with what it should hold
for path, want in [("/api/events?type=", "type: empty (a PLOVER type"), ("/api/events?actor=", "actor: empty (a country"),
                   ("/api/places?place=", "place: empty (a place's id")]:
    status, _, data = get(path)
    check(status == 400 and json.loads(data)["error"].startswith(want), "%s: %s" % (path, data[:100]))

# SQL stays data: a quote in every parameter is just a value that matches nothing
status, _, data = get("/api/search?q=%27%29%3B%20DROP%20TABLE%20events%3B--")
check(status in (200, 400), "a search for SQL is answered, not run (%d)" % status)
status, _, data = get("/api/events?type=%27%20OR%20%271%27%3D%271")
check(status == 400 and "unknown event type" in json.loads(data)["error"], "a type made of SQL is refused as no type")
alive("SQL in parameters")

# broken and hostile clients
for what, data in [
    ("garbage bytes", b"\x00\xff\xfe garbage\r\n\r\n"),
    ("a request line without a version", b"GET /api/stats\r\n\r\n"),
    ("an unknown HTTP version", b"GET /api/stats HTTP/9.9\r\nHost: x\r\n\r\n"),
    ("a header of 100 KB", b"GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100000 + b"\r\n\r\n"),
    ("a URL of 100 KB", b"GET /api/events?actor=" + b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("a truncated request", b"GET /api/sta"),
    ("a body announced and not sent", b"POST /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nxx"),
]:
    answer = raw(data)
    m = re.match(rb"HTTP/1\.[01] (\d+)", answer)
    check(answer == b"" or (m and (400 <= int(m.group(1)) < 500 or int(m.group(1)) == 505)), "%s: a 4xx or a closed connection, got %r" % (
        what, answer[:80]))
    alive(what)

# slow clients hold sockets, not the server: with several of them stalled, requests still answer fast
stalled = []
for _ in range(8):
    s = socket.create_connection((HOST, PORT), timeout=30)
    s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
    stalled.append(s)
t0 = time.monotonic()
for _ in range(20):
    status, _, _ = get("/api/stats", timeout=5)
    check(status == 200, "a request while slow clients stall")
check(time.monotonic() - t0 < 10, "20 requests beside 8 stalled clients took %.1f s" % (time.monotonic() - t0))
for s in stalled:
    s.close()

# headers too large: 431, in JSON like every other error
c = http.client.HTTPConnection(HOST, PORT, timeout=10)
c.request("GET", "/api/stats", headers={"X-Big": "a" * 40000})
r = c.getresponse()
body = r.read()
c.close()
check(r.status == 431 and r.getheader("content-type", "").startswith("application/json") and "error" in json.loads(body),
      "headers of 40 KB: a JSON 431, got %d %r" % (r.status, body[:60]))
alive("headers of 40 KB")

# 300 idle connections from one client: another client (another loopback address) is answered
# at once, and so is the first client once it lets them go
idle = []
for _ in range(300):
    try:
        idle.append(socket.create_connection((HOST, PORT), timeout=5))
    except OSError:
        break
check(len(idle) == 300, "300 idle connections opened (%d)" % len(idle))
try:
    times = []
    for _ in range(5):
        t0 = time.monotonic()
        c = http.client.HTTPConnection(HOST, PORT, timeout=5, source_address=("127.0.0.2", 0))
        c.request("GET", "/api/stats")
        r = c.getresponse()
        r.read()
        c.close()
        times.append(time.monotonic() - t0)
        check(r.status == 200, "another client beside 300 idle connections")
    check(max(times) < 0.1, "another client beside 300 idle connections answered in %.0f ms at most" % (1000 * max(times)))
finally:
    for s in idle:
        s.close()
alive("300 idle connections")

# concurrent requests from several threads all answer
results = []


def worker():
    for _ in range(10):
        results.append(get("/api/timeline?a=KAZ&b=BLR&by=year")[0])


threads = [threading.Thread(target=worker) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
check(results.count(200) == 60, "60 concurrent timeline requests answered 200 (%d)" % results.count(200))

# pages: every page answers HTML that loads nothing from another host
for page in ["/", "/network", "/search"]:
    status, headers, data = get(page)
    if status == 404 and not os.path.exists("web/index.html"):
        continue  # a build without the dashboard's files
    check(status == 200 and headers.get("content-type", "").startswith("text/html"), page + ": an HTML page")
    check(not re.search(rb"(src|href)\s*=\s*[\"']?(https?:)?//", data), page + ": nothing from another host")

print("api: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
