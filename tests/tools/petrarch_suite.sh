#!/usr/bin/env bash
# petrarch_suite.sh — `dyad code --dict petrarch:` on PETRARCH's validation suite
# (PETR.UnitTest.records.xml with the PETR.Validate.* dictionaries): per category the
# expected codings found and missed and the extra ones, the total over the sentence="true"
# records, and the no-event records coded right. Fails if the total falls below the figure
# recorded in tests/tools/petrarch_suite.recorded.
set -u
build=${1:?usage: petrarch_suite.sh BUILD_DIR}
anchor=../shared/anchors/petrarch2
[ -f "$anchor/text/PETR.UnitTest.records.xml" ] || { echo "../shared/anchors/petrarch2 is absent: skipping"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is missing"; exit 77; }
exec python3 tests/tools/petrarch_suite.py "$build/dyad" "$anchor" tests/tools/petrarch_suite.recorded
