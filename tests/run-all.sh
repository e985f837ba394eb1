#!/bin/sh
# run-all.sh: runs every test suite with one binary (the asan flavour in
# make check) and adds up their "N passed, N failed[, N skipped]" lines.
#   BIN=build/asan/siteinfra B=build/asan tests/run-all.sh
set -u
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}" "${B:=build/asan}"
export BIN B
# Temporary trees go to memory when possible: the tests create thousands
# of files, and some disks take a millisecond per file creation.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	export TMPDIR=/dev/shm
fi
total_pass=0
total_fail=0
total_skip=0
suites=
run() {
	name=$1
	shift
	echo "== $name"
	log=$(mktemp)
	"$@" 2>&1 | tee "$log"
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$log" |
	    tail -n 1)
	rm -f "$log"
	if [ -z "$last" ]; then
		echo "suite $name printed no summary: counted as one failure"
		total_fail=$((total_fail + 1))
		suites="$suites $name(broken)"
		return
	fi
	p=${last%% passed*}
	f=${last#*passed, }
	f=${f%% failed*}
	k=0
	case $last in *skipped) k=${last##*failed, }; k=${k%% skipped} ;; esac
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_skip=$((total_skip + k))
	[ "$f" -eq 0 ] || suites="$suites $name"
}
for t in "$B"/tests/test_*; do
	run "unit $(basename "$t")" "$t"
done
run golden tests/run-golden.sh
for s in tests/suite-*.sh; do
	run "$(basename "$s" .sh)" sh "$s"
done
echo
[ -z "$suites" ] || echo "failing suites:$suites"
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
