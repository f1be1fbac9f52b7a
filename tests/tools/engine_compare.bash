# engine_compare.bash — sourced by the engine tests (engines_pg.sh, clickhouse_cluster.sh): a query
# command run on the SQLite file and on the engine under test must print the same, and exit alike.
# The caller sets: dyad (the command to run), cmp_sqlite (the SQLite file), cmp_url (the engine's
# --db), cmp_engine (its name, for messages); `compare` counts in cmp_n and sets fail=1 on a
# difference. Safe under `set -e`. Not a test by itself (tests/run runs tests/tools/*.sh).
shopt -s extglob
cmp_n=0
compare() { # name, then the command's arguments
	local name=$1; shift
	local a b ra rb
	a=$($dyad "$1" --db "$cmp_sqlite" "${@:2}" 2>&1) && ra=0 || ra=$?
	b=$($dyad "$1" --db "$cmp_url" "${@:2}" 2>&1) && rb=0 || rb=$?
	cmp_n=$((cmp_n + 1))
	if [ "$ra" -ne "$rb" ] || [ "${a//$cmp_sqlite/DB}" != "${b//$cmp_url/DB}" ]; then
		echo "FAIL: $name: dyad $*: SQLite (exit $ra) and $cmp_engine (exit $rb) differ"
		diff <(printf '%s\n' "${a//$cmp_sqlite/DB}") <(printf '%s\n' "${b//$cmp_url/DB}") | head -20 || true
		fail=1
	fi
}

# compare_golden PATTERN: every command of tests/golden/kb/commands whose name matches PATTERN (a case
# pattern, extglob on: '@(stats|timeline-*)', '!(search-*)')
compare_golden() {
	local name args pattern=$1
	while IFS='|' read -r name args; do
		name=$(echo "$name" | tr -d ' '); [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
		# shellcheck disable=SC2254
		case $name in $pattern) ;; *) continue ;; esac
		eval "set -- $args"
		compare "$name" "$@" </dev/null
	done < tests/golden/kb/commands
}
