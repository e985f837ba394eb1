#!/bin/sh
# suite-roundtrip.sh: for every valid golden case, fmt is a fixed point
# (fmt of fmt's output changes nothing), fmt keeps every comment, and the
# formatted input compiles to the same tree as the original.
set -u
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
pass=0
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for dir in tests/golden/ok-* tests/golden/warn-*; do
	c=$(basename "$dir")
	[ -f "$dir/args" ] && continue
	inputs=$(cd "$dir" && ls | grep -E '\.infra$')
	[ -n "$inputs" ] || continue
	rm -rf "$work/$c"
	mkdir -p "$work/$c/one" "$work/$c/two"
	ok=1
	for f in $inputs; do
		"$BIN" fmt --to infra "$dir/$f" > "$work/$c/one/$f" 2>/dev/null || ok=0
		"$BIN" fmt --to infra "$work/$c/one/$f" > "$work/$c/two/$f" 2>/dev/null || ok=0
		if ! cmp -s "$work/$c/one/$f" "$work/$c/two/$f"; then
			echo "FAIL: $c/$f: fmt is not a fixed point"
			diff -u "$work/$c/one/$f" "$work/$c/two/$f" | head -20 | sed 's/^/    /'
			ok=0
		fi
		# Every comment survives, in order.
		grep -o '#.*' "$dir/$f" | sed 's/[[:space:]]*$//' > "$work/$c/c1"
		grep -o '#.*' "$work/$c/one/$f" | sed 's/[[:space:]]*$//' > "$work/$c/c2"
		if ! cmp -s "$work/$c/c1" "$work/$c/c2"; then
			echo "FAIL: $c/$f: fmt lost or reordered comments"
			diff -u "$work/$c/c1" "$work/$c/c2" | head -10 | sed 's/^/    /'
			ok=0
		fi
	done
	# `fmt` in place agrees with --to infra, and --check then says clean.
	cp -R "$dir" "$work/$c/inplace"
	(cd "$work/$c/inplace" && "$BIN" fmt $inputs 2>/dev/null && "$BIN" fmt --check $inputs > /dev/null 2>&1) || {
		echo "FAIL: $c: fmt in place, then fmt --check, did not pass"
		ok=0
	}
	for f in $inputs; do
		cmp -s "$work/$c/one/$f" "$work/$c/inplace/$f" || {
			echo "FAIL: $c/$f: fmt in place differs from fmt --to infra"
			ok=0
		}
	done
	# The formatted input means the same: same tree as the original.
	(cd "$work/$c/one" && "$BIN" compile --out out $inputs > /dev/null 2>&1)
	mkdir -p "$work/$c/empty"
	exp=$dir/expect
	[ -d "$exp" ] || exp=$work/$c/empty
	if ! diff -r "$exp" "$work/$c/one/out" -x .siteinfra.manifest -x .siteinfra.cache -x .siteinfra.lock > "$work/$c/d" 2>&1; then
		echo "FAIL: $c: the formatted input compiles differently"
		head -20 "$work/$c/d" | sed 's/^/    /'
		ok=0
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
