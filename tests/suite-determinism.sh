#!/bin/sh
# suite-determinism.sh: the same inputs give the same bytes whatever the
# locale, the order of the files on the command line or on disk.
set -u
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
pass=0
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check() {
	name=$1
	if diff -r "$work/ref" "$work/got" -x .siteinfra.cache -x .siteinfra.lock > "$work/d" 2>&1; then
		pass=$((pass + 1))
	else
		echo "FAIL: $name"
		head -20 "$work/d" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
	rm -rf "$work/got"
}
for c in ok-aws-multisite ok-env-two-blocks warn-both-providers; do
	src=tests/golden/$c
	files=$(cd "$src" && ls | grep -E '\.infra$' | LC_ALL=C sort)
	rev=$(printf '%s\n' $files | LC_ALL=C sort -r)
	mkdir -p "$work/in"
	rm -rf "$work/in"/* "$work/ref"
	cp "$src"/*.infra "$work/in/"
	(cd "$work/in" && LC_ALL=C "$BIN" compile --out "$work/ref" $files > /dev/null 2>&1)
	(cd "$work/in" && LC_ALL=C.UTF-8 "$BIN" compile --out "$work/got" $files > /dev/null 2>&1)
	check "$c: LC_ALL=C.UTF-8"
	(cd "$work/in" && LANG=fr_FR.UTF-8 LC_ALL= "$BIN" compile --out "$work/got" $files > /dev/null 2>&1)
	check "$c: LANG=fr_FR.UTF-8"
	(cd "$work/in" && LC_ALL=C "$BIN" compile --out "$work/got" $rev > /dev/null 2>&1)
	check "$c: files in reverse order"
	# A directory input, filled in name order and in reverse order: the
	# order readdir returns must not matter.
	rm -rf "$work/d1" "$work/d2" "$work/ref"
	mkdir -p "$work/d1/sites" "$work/d2/sites"
	for f in $files; do cp "$src/$f" "$work/d1/sites/"; done
	for f in $rev; do cp "$src/$f" "$work/d2/sites/"; done
	(cd "$work/d1" && LC_ALL=C "$BIN" compile --out "$work/ref" > /dev/null 2>&1)
	(cd "$work/d2" && LC_ALL=C "$BIN" compile --out "$work/got" > /dev/null 2>&1)
	check "$c: directory input, files created in reverse order"
	rm -rf "$work/ref"
	(cd "$work/in" && LC_ALL=C "$BIN" compile --out "$work/ref" $files > /dev/null 2>&1)
	# And the same run twice is byte-identical, manifest included.
	(cd "$work/in" && LC_ALL=C "$BIN" compile --out "$work/got" $files > /dev/null 2>&1)
	check "$c: a second run"
done
# No absolute path, timestamp or version in any generated file.
for d in tests/golden/*/expect; do
	if grep -rlE "$(pwd)|/tmp/|/home/|/root/|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}" "$d" > "$work/abs"; then
		echo "FAIL: absolute paths or timestamps in:"
		sed 's/^/    /' "$work/abs"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
