#!/bin/sh
# suite-examples.sh: every file of sites/ and examples/ checks cleanly, and
# each examples/ subdirectory is one configuration that compiles.
set -u
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}"
pass=0
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for d in sites examples/*/; do
	if "$BIN" check "$d" > "$work/out" 2>&1 &&
	    "$BIN" compile --out "$work/tree" "$d" > /dev/null 2>&1; then
		pass=$((pass + 1))
	else
		echo "FAIL: $d"
		sed 's/^/    /' "$work/out"
		fail=$((fail + 1))
	fi
	rm -rf "$work/tree"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
