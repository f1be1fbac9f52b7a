#!/usr/bin/env bash
# eval_gold.sh — how `dyad eval` counts gold events, on pages and gold files written here:
#  1. a page with 820 meetings (more than any fixed table would hold) and a gold file naming all
#     of them: every one is matched, none is extra or missed;
#  2. a gold file with events lacking the required type, source or target, or not an object: each
#     is reported on stderr with the gold file and the event's index, the rest is still scored,
#     and the run exits 1; an event giving only type, source and target (no evidence, date or
#     anything else) is counted: missed when dyad does not find it;
#  3. the metadata of the gold format: a title "" (the page shows no headline) is right when dyad
#     finds none and missed when it takes a line for one; an outlet with "outlet_in_text": false
#     (the text never names it) is not scored and is counted as skipped, while the same outlet with
#     "outlet_in_text": true is scored and missed.
#  4. two meetings of one dyad, one with the host's government and one with the host country, and
#     a gold file listing them in the other order: each gold event gets the one whose roles agree.
#  5. two events of one type between the same states, told by different organs: each gold event
#     is matched to the one whose roles agree, whatever order the gold lists them in, and a
#     matched event whose roles differ is listed under "role misses" with both codings.
# Needs python3 to write the big page; skips without it.
set -u
build=${1:?usage: eval_gold.sh BUILD_DIR}
command -v python3 >/dev/null || { echo "python3 not found"; exit 77; }
dyad="${DYAD_WRAP:-} $build/dyad"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/pages" "$tmp/gold"
status=0
fail() { echo "FAIL: $*"; status=1; }

# 1. no cap on the events of one page
python3 - "$tmp" <<'EOF'
import json, sys
tmp = sys.argv[1]
countries = [("Kazakhstan", "KAZ"), ("Uzbekistan", "UZB"), ("Kyrgyzstan", "KGZ"), ("Tajikistan", "TJK"),
             ("Turkmenistan", "TKM"), ("Russia", "RUS"), ("China", "CHN"), ("Belarus", "BLR"),
             ("Armenia", "ARM"), ("Azerbaijan", "AZE"), ("Moldova", "MDA"), ("Ukraine", "UKR"),
             ("Iran", "IRN"), ("India", "IND"), ("Pakistan", "PAK"), ("Mongolia", "MNG"), ("France", "FRA"),
             ("Germany", "DEU"), ("Italy", "ITA"), ("Spain", "ESP"), ("Poland", "POL"), ("Japan", "JPN"),
             ("Egypt", "EGY"), ("Brazil", "BRA"), ("Qatar", "QAT"), ("Canada", "CAN"), ("Mexico", "MEX"),
             ("Chile", "CHL"), ("Peru", "PER"), ("Kenya", "KEN"), ("Nigeria", "NGA"), ("Ghana", "GHA"),
             ("Vietnam", "VNM"), ("Thailand", "THA"), ("Indonesia", "IDN"), ("Malaysia", "MYS"),
             ("Norway", "NOR"), ("Sweden", "SWE"), ("Finland", "FIN"), ("Austria", "AUT"), ("Greece", "GRC")]
lines, events = [], []
for i, (a, ca) in enumerate(countries):
    for b, cb in countries[i + 1:]:
        s = f"The foreign minister of {a} met the foreign minister of {b} in Geneva."
        lines.append(s)
        events.append({"type": "CONSULT", "source": ca + " GOV", "target": cb + " GOV", "evidence": s})
open(f"{tmp}/pages/many.txt", "w").write("Foreign ministers meet\n\n" + "\n".join(lines) + "\n")
json.dump({"events": events}, open(f"{tmp}/gold/many.json", "w"), ensure_ascii=False)
EOF
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$tmp/gold/many.json")
$dyad eval --gold "$tmp/gold" "$tmp/pages/many.txt" > "$tmp/many.out" 2>&1 || fail "eval on $n meetings exited $?"
grep -q "^events: $n matched, 0 extra, 0 missed" "$tmp/many.out" ||
	fail "expected all $n gold events matched: $(grep '^events:' "$tmp/many.out")"

# 2. required and optional fields of a gold event
cat > "$tmp/pages/fields.txt" <<'EOF'
Ministers meet in Astana

The foreign minister of Kazakhstan met the foreign minister of Uzbekistan in Astana.
EOF
cat > "$tmp/gold/fields.json" <<'EOF'
{"events": [
  {"type": "CONSULT", "source": "KAZ GOV", "target": "UZB GOV"},
  {"type": "CONSULT", "source": "KAZ GOV"},
  {"source": "KAZ GOV", "target": "UZB GOV", "evidence": "The foreign minister of Kazakhstan met"},
  {"type": "ACCUSE", "source": "UZB GOV", "target": "KAZ GOV"},
  "CONSULT KAZ UZB",
  {"type": "CONSULT", "source": 7, "target": "UZB"}
]}
EOF
$dyad eval --gold "$tmp/gold" "$tmp/pages/fields.txt" > "$tmp/fields.out" 2> "$tmp/fields.err"; rc=$?
[ $rc -eq 1 ] || fail "a gold file with incomplete events: exit $rc, expected 1"
g="$tmp/gold/fields.json"
for want in "$g: event 1: no \"target\" string (required)" "$g: event 2: no \"type\" string (required)" \
	"$g: event 4: not an object" "$g: event 5: no \"source\" string (required)"; do
	grep -qF "dyad eval: $want" "$tmp/fields.err" || fail "stderr lacks \"$want\": $(cat "$tmp/fields.err")"
done
[ "$(wc -l < "$tmp/fields.err")" -eq 4 ] || fail "expected 4 lines on stderr: $(cat "$tmp/fields.err")"
grep -q "^events: 1 matched, 0 extra, 1 missed" "$tmp/fields.out" ||
	fail "expected the complete events scored (1 matched, 1 missed): $(grep '^events:' "$tmp/fields.out")"
grep -q "missed ACCUSE UZB -> KAZ" "$tmp/fields.out" || fail "the event without evidence is not listed as missed"
grep -q "^4 gold events without a type, a source or a target" "$tmp/fields.out" || fail "no count of the bad events"
# 3. titles that are not on the page, outlets that are not in the text
mkdir -p "$tmp/meta/pages" "$tmp/meta/gold"
cat > "$tmp/meta/pages/nohead.txt" <<'EOF'
The foreign minister of Kazakhstan met the foreign minister of Uzbekistan in Astana on Monday, the ministry said in a statement.

They discussed trade and water.
EOF
cp "$tmp/pages/fields.txt" "$tmp/meta/pages/head.txt"
cp "$tmp/meta/pages/nohead.txt" "$tmp/meta/pages/named.txt"
echo '{"title": "", "outlet": "Steppe Courier", "outlet_in_text": false}' > "$tmp/meta/gold/nohead.json"
echo '{"title": "", "outlet": "Steppe Courier", "outlet_in_text": false}' > "$tmp/meta/gold/head.json"
echo '{"title": null, "outlet": "Steppe Courier", "outlet_in_text": true}' > "$tmp/meta/gold/named.json"
$dyad eval --gold "$tmp/meta/gold" "$tmp/meta/pages/"*.txt > "$tmp/meta.out" 2>&1 || fail "eval of the metadata exited $?"
grep -q '^title  *2  *3 ' "$tmp/meta.out" ||
	fail "expected 2 of 3 titles right (\"\" and null with no headline): $(grep '^title' "$tmp/meta.out")"
grep -q '^  head: title: expected "", got "Ministers meet in Astana"' "$tmp/meta.out" ||
	fail "the headline dyad took where the gold has none is not listed as a miss"
grep -q '^outlet  *0  *1 .*(2 skipped: the text never names the outlet)' "$tmp/meta.out" ||
	fail "expected 1 outlet scored and 2 skipped: $(grep '^outlet' "$tmp/meta.out")"
grep -q '^  named: outlet: expected' "$tmp/meta.out" || fail "the outlet named in the text is not listed as missed"
grep -v '^  named:' "$tmp/meta.out" | grep -q ': outlet:' && fail "a skipped outlet is listed as a miss"

# 4. the pairs whose roles agree are matched first, whatever the order
cat > "$tmp/pages/roles.txt" <<'EOF'
Ministers meet in Astana

The foreign minister of Kazakhstan met the foreign minister of Uzbekistan in Astana on Monday.

In May, the president of Kazakhstan paid a state visit to Uzbekistan.
EOF
cat > "$tmp/gold/roles.json" <<'EOF'
{"events": [
  {"type": "CONSULT", "source": "KAZ GOV", "target": "UZB"},
  {"type": "CONSULT", "source": "KAZ GOV", "target": "UZB GOV"}
]}
EOF
$dyad eval --gold "$tmp/gold" "$tmp/pages/roles.txt" > "$tmp/roles.out" 2>&1 || fail "eval of two meetings exited $?"
grep -q "^with roles: 2 of the matched agree" "$tmp/roles.out" ||
	fail "expected both meetings' roles to agree: $(grep -E '^(events|with roles):' "$tmp/roles.out")"
grep -q "^role misses" "$tmp/roles.out" && fail "a role disagreement listed where none is: $(sed -n '/^role misses/,$p' "$tmp/roles.out")"
# ... and a pair that matches with other roles is listed
sed -i 's/"UZB GOV"/"UZB MIL"/' "$tmp/gold/roles.json"
$dyad eval --gold "$tmp/gold" "$tmp/pages/roles.txt" > "$tmp/roles.out" 2>&1
grep -q "^  roles: CONSULT 04[0-9]: expected KAZ GOV -> UZB MIL, got KAZGOV -> UZBGOV: " "$tmp/roles.out" ||
	fail "the role disagreement is not listed: $(sed -n '/^role misses/,$p' "$tmp/roles.out")"
# 5. roles: the match prefers the event whose roles agree; a disagreement is listed
cat > "$tmp/pages/roles2.txt" <<'EOF'
Ministers and envoys meet in Astana

The foreign minister of Kazakhstan met the foreign minister of Uzbekistan in Astana on Monday.
The ambassador of Kazakhstan met the ambassador of Uzbekistan in Tashkent on Tuesday.
EOF
echo '{"events": [{"type": "CONSULT", "source": "KAZ DIP", "target": "UZB DIP"},
  {"type": "CONSULT", "source": "KAZ GOV", "target": "UZB GOV"}]}' > "$tmp/gold/roles2.json"
$dyad eval --gold "$tmp/gold" "$tmp/pages/roles2.txt" > "$tmp/roles2.out" 2>&1
grep -q "^with roles: 2 of the matched agree" "$tmp/roles2.out" ||
	fail "expected both events matched with their roles: $(grep -A1 '^events:' "$tmp/roles2.out")"
echo '{"events": [{"type": "CONSULT", "source": "KAZ LEG", "target": "UZB DIP"}]}' > "$tmp/gold/roles2.json"
$dyad eval --gold "$tmp/gold" "$tmp/pages/roles2.txt" > "$tmp/roles2.out" 2>&1
grep -q "^  roles2: CONSULT 04[0-9]: expected KAZ LEG -> UZB DIP, got KAZ[A-Z]* -> UZB[A-Z]*: " "$tmp/roles2.out" ||
	fail "a matched event with other roles is not listed: $(sed -n '/^role misses/,$p' "$tmp/roles2.out")"
[ $status -eq 0 ] && echo "$n events on one page all matched; incomplete gold events reported by index, exit 1;" \
	"title \"\" = no headline; outlets not in the text skipped; role-agreeing events matched first, role misses listed"
exit $status
