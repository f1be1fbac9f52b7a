#!/usr/bin/env bash
# names.sh — names in one language: JSON Lines carry `name` (Latin script) and `name_ru` (Cyrillic)
# for the lexicon's countries, organisations and people; `--names en|ru` picks the one the knowledge
# base's tables and answers show; a Russian name outside the lexicon is given in its dictionary form
# whatever case the sentence put it in.
set -u
build=${1:?usage: names.sh BUILD_DIR}
dyad="${DYAD_WRAP:-} $build/dyad"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
$dyad code examples/news > "$tmp/en.jsonl" || fail "dyad code"
$dyad code --names ru examples/news > "$tmp/ru.jsonl" || fail "dyad code --names ru"
python3 - "$tmp" <<'PY' || fail "names in one script"
import json, re, sys
cyr = re.compile("[А-Яа-яЁё]")
lat = re.compile("[A-Za-z]")
en = [json.loads(l) for l in open(sys.argv[1] + "/en.jsonl", encoding="utf-8")]
ru = [json.loads(l) for l in open(sys.argv[1] + "/ru.jsonl", encoding="utf-8")]
both = 0
for a, b in zip(en, ru):
    for side in ("source", "target"):
        # JSON Lines carry both names whatever --names says: `name` English, `name_ru` Russian
        x, y = a[side]["name"], b[side].get("name_ru")
        if x and y and x != y:
            both += 1
            assert not cyr.search(x) and not lat.search(y), (x, y)
assert both > 50, both
print(f"{both} names differ by language, each in its own script")
PY
# outside the lexicon: the dictionary form, however the sentence inflects it (needs the Russian dictionary)
printf 'Посол Казахстана Ерлан Байжанов посетил Бишкек.\n\nМинистр иностранных дел Киргизии Жээнбек Кулубаев встретился с послом Казахстана Ерланом Байжановым в Бишкеке.\n' > "$tmp/p.txt"
if [ -f node_modules/az/dicts/words.dawg ] || [ -n "${DYAD_MORPH:-}" ]; then
	people=$($dyad code --raw "$tmp/p.txt" | python3 -c '
import json, sys
print("\n".join(sorted({e[s]["person"] for e in map(json.loads, sys.stdin) for s in ("source", "target") if e[s]["person"] and "Байжан" in e[s]["person"]})))')
	[ "$people" = "Ерлан Байжанов" ] || fail "a name outside the lexicon is not in its dictionary form: $people"
fi
# the knowledge base and its API name people as asked
$dyad ingest -q --db "$tmp/kb.db" examples/news || fail "ingest"
$dyad events --db "$tmp/kb.db" --actor Tokayev --format csv --limit 100 | grep -q "Kassym-Jomart Tokayev" || fail "events: Tokayev in English"
$dyad events --db "$tmp/kb.db" --actor Tokayev --format csv --limit 100 --names ru | grep -q "Касым-Жомарт Токаев" || fail "events --names ru"
$dyad actor KAZ --db "$tmp/kb.db" --names ru | grep -q "Китай" || fail "actor --names ru: partners in Russian"
$dyad actor KAZ --db "$tmp/kb.db" | grep -q "China" || fail "actor: partners in English"
echo "names: one script per language in dyad code and in the knowledge base"
