#!/usr/bin/env bash
# dev_eval.sh — dyad's events scored on the development set ../shared/corpus/dev (third-party
# pages, read from there, never copied), per language and per half: odd and even page numbers
# apart (raw/1* are Russian, raw/2* English). Prints each half's event precision, recall and F1
# and fails when an F1 falls below the floor in tests/tools/dev_eval.recorded; a half written
# with "_roles" (ru_odd_roles) is held to the F1 of the matched events whose roles agree too
# ("with roles"). Raise a floor when dyad improves; never lower one quietly. Skips when the
# development set is absent.
set -u
build=${1:?usage: dev_eval.sh BUILD_DIR}
dev=../shared/corpus/dev
[ -d "$dev/raw" ] && [ -d "$dev/gold" ] || { echo "no development set in $dev: nothing to score"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0 summary=
while read -r half want; do
	case $half in "" | "#"*) continue ;; esac
	what='^events:' label=events
	case $half in *_roles) what='^with roles:' label='with roles' ;; esac
	case ${half%_roles} in
	ru_odd) glob='1*[13579].txt' ;; ru_even) glob='1*[02468].txt' ;;
	en_odd) glob='2*[13579].txt' ;; en_even) glob='2*[02468].txt' ;;
	*) echo "dev_eval.recorded: unknown half '$half'"; status=1; continue ;;
	esac
	# shellcheck disable=SC2086 # the glob is meant to expand
	pages=$(ls "$dev"/raw/$glob 2>/dev/null)
	[ -n "$pages" ] || { echo "$half: no pages match $dev/raw/$glob"; status=1; continue; }
	# shellcheck disable=SC2086
	${DYAD_WRAP:-} "$build/dyad" eval --gold "$dev/gold" $pages > "$tmp/$half.out" 2> "$tmp/$half.err"
	rc=$?
	line=$(grep "$what" "$tmp/$half.out")
	if [ $rc -ne 0 ] || [ -z "$line" ]; then
		echo "$half: dyad eval exited $rc"; head -5 "$tmp/$half.err"; status=1; continue
	fi
	f1=$(sed 's/.*F1 \([0-9.]*\).*/\1/' <<<"$line")
	printf '%-13s %s\n' "$half" "${line#*: }"
	summary="$summary${summary:+, }$half $f1"
	if awk -v g="$f1" -v w="$want" 'BEGIN { exit !(g + 0.0005 < w) }'; then
		echo "$half: $label F1 $f1 is below the recorded $want"; status=1
	fi
done < tests/tools/dev_eval.recorded
[ $status -eq 0 ] && echo "development set events F1 at or above the floor: $summary"
exit $status
