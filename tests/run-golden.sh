#!/bin/sh
# run-golden.sh: runs every case of tests/golden and compares its output tree,
# stdout, stderr and exit status with the expected ones, byte for byte.
#
#   BIN=build/asan/siteinfra tests/run-golden.sh [PATTERN...]
#   UPDATE=1 BIN=... tests/run-golden.sh [PATTERN...]   rewrite the expectations
#
# A case is a directory holding its input files (*.infra, *.yaml, *.yml),
# optionally `args` (the command line, default "compile --out out"; the
# input files are appended in name order unless args ends with " --"),
# `gen.sh` (run first in the work directory, for inputs too big to commit),
# and the expectations: expect/ (the output tree), stdout, stderr, status.
# A missing expectation means "empty" (git does not store empty dirs).
set -u
here=$(cd "$(dirname "$0")" && pwd)
BIN=${BIN:-build/debug/siteinfra}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
UPDATE=${UPDATE:-0}
# gen.sh scripts may run the binary to prepare an output directory.
export BIN
export LC_ALL=C
pass=0
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

cases=
if [ $# -gt 0 ]; then
	for p in "$@"; do cases="$cases $(cd "$here/golden" && ls -d $p 2>/dev/null)"; done
else
	cases=$(cd "$here/golden" && ls)
fi

for c in $cases; do
	dir=$here/golden/$c
	[ -d "$dir" ] || continue
	run=$work/$c
	rm -rf "$run"
	mkdir -p "$run"
	# Copy the inputs only, not the expectations.
	(cd "$dir" && for f in *; do
		case $f in expect|stdout|stderr|status|args) ;; *) cp -R "$f" "$run/" ;; esac
	done)
	args="compile --out out"
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	(
		cd "$run" || exit 1
		[ -f gen.sh ] && { sh ./gen.sh || exit 1; rm -f gen.sh; }
		case $args in
		*" --") set -- ${args% --} ;;
		*) set -- $args $(ls | grep -E '\.(infra|yaml|yml)$' | sort) ;;
		esac
		"$BIN" "$@" > ../$c.stdout 2> ../$c.stderr
		echo $? > ../$c.status
	)
	got=$work/$c.got
	mkdir -p "$got"
	[ -d "$run/out" ] && cp -R "$run/out/." "$got/"
	# The stat cache and the lock are local to a machine, never compared.
	rm -f "$got/.siteinfra.cache" "$got/.siteinfra.lock"
	if [ "$UPDATE" = 1 ]; then
		rm -rf "$dir/expect" "$dir/stdout" "$dir/stderr" "$dir/status"
		if [ -n "$(ls -A "$got")" ]; then cp -R "$got" "$dir/expect"; fi
		[ -s "$work/$c.stdout" ] && cp "$work/$c.stdout" "$dir/stdout"
		[ -s "$work/$c.stderr" ] && cp "$work/$c.stderr" "$dir/stderr"
		cp "$work/$c.status" "$dir/status"
		pass=$((pass + 1))
		continue
	fi
	exp=$work/$c.exp
	mkdir -p "$exp"
	[ -d "$dir/expect" ] && cp -R "$dir/expect/." "$exp/"
	for f in stdout stderr; do [ -f "$dir/$f" ] || : > "$work/$c.want.$f"; [ -f "$dir/$f" ] && cp "$dir/$f" "$work/$c.want.$f"; done
	want_status=0
	[ -f "$dir/status" ] && want_status=$(cat "$dir/status")
	out=$(
		diff -ru "$exp" "$got" 2>&1
		diff -u "$work/$c.want.stdout" "$work/$c.stdout" 2>&1
		diff -u "$work/$c.want.stderr" "$work/$c.stderr" 2>&1
		[ "$(cat "$work/$c.status")" = "$want_status" ] ||
			echo "status: want $want_status, got $(cat "$work/$c.status")"
	)
	if [ -z "$out" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $c"
		printf '%s\n' "$out" | head -60 | sed 's/^/    /'
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
