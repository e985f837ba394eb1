#!/bin/sh
# run-all.sh: runs every test suite with one binary (the asan flavour in
# make check) and adds up their "N passed, N failed[, N skipped]" lines.
# The suites that drive terraform (apply, modules) spend most of their
# time waiting on the emulator and the provider's waiters, so they start
# first, in the background, and their output is printed when they end.
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
background="suite-apply suite-modules"
bg_pids=
# count NAME LOG SECONDS: adds the suite's summary line to the totals.
count() {
	name=$1 log=$2
	echo "($name: $3 s)"
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$log" |
	    tail -n 1)
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
run() {
	name=$1
	shift
	echo "== $name"
	log=$(mktemp)
	t0=$(date +%s)
	"$@" 2>&1 | tee "$log"
	count "$name" "$log" $(($(date +%s) - t0))
	rm -f "$log"
}
bgdir=$(mktemp -d)
trap 'for p in $bg_pids; do kill "$p" 2>/dev/null; done; rm -rf "$bgdir"' EXIT
trap 'exit 1' INT TERM
for name in $background; do
	(t0=$(date +%s); sh "tests/$name.sh" > "$bgdir/$name.log" 2>&1
	 echo $(($(date +%s) - t0)) > "$bgdir/$name.time") &
	bg_pids="$bg_pids $!"
	echo "== $name: started in the background"
done
for t in "$B"/tests/test_*; do
	run "unit $(basename "$t")" "$t"
done
run golden tests/run-golden.sh
for s in tests/suite-*.sh; do
	name=$(basename "$s" .sh)
	case " $background " in *" $name "*) continue ;; esac
	run "$name" sh "$s"
done
for p in $bg_pids; do
	wait "$p"
done
bg_pids=
for name in $background; do
	echo "== $name (ran in the background)"
	cat "$bgdir/$name.log"
	count "$name" "$bgdir/$name.log" "$(cat "$bgdir/$name.time" 2>/dev/null || echo '?')"
done
echo
[ -z "$suites" ] || echo "failing suites:$suites"
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
