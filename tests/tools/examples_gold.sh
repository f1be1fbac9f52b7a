#!/usr/bin/env bash
# Checks the demo corpus in examples/ with scripts/check_news_gold.py: every page (.txt, .html,
# .jsonl) has a gold file and every gold file a page, each gold file is valid JSON with the fields
# docs/formats.md names, its title, evidence and furniture occur in its page (HTML: its visible
# text; JSON Lines: each record), and its actor codes, types and CAMEO codes are well formed.
# Needs python3; skips without it.
cd "$(dirname "$0")/../.." || exit 1
command -v python3 >/dev/null || { echo "python3 not found"; exit 77; }
[ -d examples/news ] || { echo "examples/news is absent"; exit 77; }
python3 scripts/check_news_gold.py examples
