#!/usr/bin/env bash
# kb_golden.sh — every knowledge-base command's output on the demo pages against its golden file:
# tests/golden/kb/<name>.out holds what `dyad <args>` printed (args in tests/golden/kb/commands),
# and tests/golden/kb/<name>.status its exit status when not 0 (bad arguments exit 2).
#   tests/tools/kb_golden.sh BUILD_DIR [--update]
# --update prints each change as a diff to read and rewrites the golden files; with CI set
# (CI=true) it prints the diffs and overwrites nothing (exit 1 when something differs).
set -u
build=${1:?usage: kb_golden.sh BUILD_DIR [--update]}
update=${2:-}
dyad="${DYAD_WRAP:-} $build/dyad"
dir=tests/golden/kb
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
$dyad ingest -q --db "$tmp/kb.db" examples/news || { echo "FAIL: ingest"; exit 1; }
n=0 bad=0
while IFS='|' read -r name args; do
	name=$(echo "$name" | tr -d ' '); [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
	eval "set -- $args"
	out=$($dyad "$1" --db "$tmp/kb.db" "${@:2}" 2>&1); rc=$?
	out=${out//$tmp/DB}
	n=$((n + 1))
	if [ "$update" = "--update" ]; then
		printf '%s\n' "$out" > "$tmp/new.out"
		old_rc=0; [ -f "$dir/$name.status" ] && old_rc=$(cat "$dir/$name.status")
		same=1
		diff -u "$dir/$name.out" "$tmp/new.out" || same=0
		[ "$rc" -eq "$old_rc" ] || { echo "$name: exit status $old_rc -> $rc"; same=0; }
		[ $same -eq 1 ] && continue
		case ${CI:-} in "" | 0 | false) ;; *)
			echo "$name: differs (above); CI is set: not overwritten"; bad=$((bad + 1)); continue ;;
		esac
		cp "$tmp/new.out" "$dir/$name.out"
		if [ $rc -ne 0 ]; then echo $rc > "$dir/$name.status"; else rm -f "$dir/$name.status"; fi
		echo "updated $dir/$name.out"
		continue
	fi
	want_rc=0; [ -f "$dir/$name.status" ] && want_rc=$(cat "$dir/$name.status")
	if [ $rc -ne "$want_rc" ]; then echo "FAIL: $name: exit $rc, expected $want_rc"; bad=$((bad + 1)); continue; fi
	if ! diff -u "$dir/$name.out" <(printf '%s\n' "$out") > "$tmp/diff"; then
		echo "FAIL: $name: dyad $args"; head -30 "$tmp/diff"; bad=$((bad + 1))
	fi
done < "$dir/commands"
[ $bad -eq 0 ] || exit 1
[ "$update" = "--update" ] && { echo "$n commands: golden files up to date"; exit 0; }
echo "$n commands match their golden output"
