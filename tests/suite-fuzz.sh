#!/bin/sh
# suite-fuzz.sh: replays the fuzz corpora (and every golden, site and
# example input) through the three fuzz targets, built with the sanitizers
# of the current flavour; a crash, a leak or a sanitizer report fails it.
set -u
cd "$(dirname "$0")/.."
: "${B:=build/asan}"
pass=0
fail=0
for t in native yaml json; do
	if out=$("$B"/tests/replay_$t tests/fuzz/corpus-$t tests/golden sites examples 2>&1); then
		n=$(printf '%s\n' "$out" | tail -n 1 | sed 's/ passed.*//')
		echo "replay_$t: $n inputs"
		pass=$((pass + n))
	else
		printf '%s\n' "$out" | tail -n 30
		echo "FAIL: replay_$t"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
