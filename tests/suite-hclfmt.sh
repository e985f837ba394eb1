#!/bin/sh
# suite-hclfmt.sh: every generated or template .tf passes HashiCorp's
# formatter unchanged (hclfmt -require-no-change), and holds none of the
# forms terraform fmt rewrites but hclfmt keeps.
set -u
cd "$(dirname "$0")/.."
: "${B:=build/asan}"
hclfmt=$B/tools/hclfmt
sh tests/tools/build-hclfmt.sh "$hclfmt" || { echo "cannot build hclfmt"; echo "0 passed, 1 failed"; exit 1; }
pass=0
fail=0
files=$(find templates tests/golden tests/modules -name '*.tf' -type f | LC_ALL=C sort)
for f in $files; do
	if ! "$hclfmt" -require-no-change "$f" > /dev/null 2>&1; then
		echo "FAIL: hclfmt would change $f"
		"$hclfmt" "$f" 2>&1 | diff -u "$f" - | head -20 | sed 's/^/    /'
		fail=$((fail + 1))
		continue
	fi
	# "${x}" alone and quoted types: terraform fmt rewrites both.
	if grep -nE '= "\$\{[^}]*\}"$|type += +"(string|number|bool|any|list|map|set)' "$f" ||
	    grep -n "$(printf '\r')" "$f"; then
		echo "FAIL: $f has a form terraform fmt rewrites"
		fail=$((fail + 1))
		continue
	fi
	# LF only, one final newline, the header.
	if [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" != '\n' ] ||
	    [ -z "$(tail -c 2 "$f" | tr -d '\n')" ]; then
		echo "FAIL: $f does not end with exactly one newline"
		fail=$((fail + 1))
		continue
	fi
	pass=$((pass + 1))
done
if command -v terraform > /dev/null 2>&1; then
	# An extra oracle where it happens to be installed; never required.
	for d in $(find tests/golden -type d -name expect); do
		if terraform fmt -check -recursive "$d" > /dev/null 2>&1; then
			pass=$((pass + 1))
		else
			echo "FAIL: terraform fmt -check $d"
			fail=$((fail + 1))
		fi
	done
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
