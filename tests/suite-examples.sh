#!/bin/sh
# suite-examples.sh: every file of sites/ and examples/ checks cleanly,
# each examples/ subdirectory is one configuration that compiles, and so
# does the first syntax example of doc/language.md, and the README's tour.
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

# The language's first syntax example is a whole configuration: it checks
# with no diagnostic at all and compiles on its own.
mkdir -p "$work/syntax"
awk '/^## Syntax$/ { s = 1 } s && /^```$/ { if (c) exit; c = 1; next } c { print }' \
    doc/language.md > "$work/syntax/example.infra"
if [ -s "$work/syntax/example.infra" ] &&
    "$BIN" check "$work/syntax/example.infra" > /dev/null 2> "$work/out" &&
    [ ! -s "$work/out" ] &&
    "$BIN" compile --out "$work/syntax/out" "$work/syntax/example.infra" > /dev/null 2>> "$work/out" &&
    [ -f "$work/syntax/out/sites/demo/aws/main.tf" ]; then
	pass=$((pass + 1))
else
	echo "FAIL: the first syntax example of doc/language.md does not compile on its own"
	sed 's/^/    /' "$work/out"
	fail=$((fail + 1))
fi

# The README's tour: its site checks as it is, and with the typo it shows,
# check prints exactly the diagnostic the README prints.
mkdir -p "$work/tour/typo"
case $BIN in /*) bin=$BIN ;; *) bin=$(pwd)/$BIN ;; esac
awk '/^A short tour/ { t = 1 } t && /^```$/ { if (c) exit; c = 1; next } c { print }' \
    README.md > "$work/tour/shop.infra"
sed 's/bucket = "media"$/bucket = "medai"/' "$work/tour/shop.infra" > "$work/tour/typo/shop.infra"
awk '/^A short tour/ { t = 1 } t && /^```$/ { n++; next } t && n == 3 { print } n == 4 { exit }' \
    README.md > "$work/tour/shown"
if "$BIN" check "$work/tour/shop.infra" > /dev/null 2>&1 &&
    ! (cd "$work/tour/typo" && "$bin" check shop.infra > /dev/null 2> "$work/tour/got") &&
    [ -s "$work/tour/shown" ] && cmp -s "$work/tour/shown" "$work/tour/got"; then
	pass=$((pass + 1))
else
	echo "FAIL: the README's tour: its site does not check, or its typo prints another diagnostic"
	diff "$work/tour/shown" "$work/tour/got" | sed 's/^/    /'
	fail=$((fail + 1))
fi

# The multi-account app: its README gives the steps in the order they can
# run: the state, the shared registry, the first push, the environments,
# then the tasks.
order() {
	prev=0
	for step in '^### State bootstrap' '^terraform -chdir=shared/aws/exii apply' \
	    '^#### Push the images' '^terraform -chdir=sites/exii/aws apply' \
	    '^Task `migrate`'; do
		n=$(grep -n -m 1 -e "$step" "$1" | cut -d: -f1)
		if [ -z "$n" ] || [ "$n" -le "$prev" ]; then
			echo "FAIL: examples/exii README: '$step' missing or out of order (line ${n:-none}, after $prev)"
			return 1
		fi
		prev=$n
	done
}
if "$BIN" compile --out "$work/tree" examples/exii > /dev/null 2>&1 &&
    order "$work/tree/README.md"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
fi
rm -rf "$work/tree"
# The botolph app on both clouds: both roots, and the five warnings its
# README section explains, each named there (README lines joined).
cat README.md doc/*.md | tr '\n' ' ' | tr -s ' ' > "$work/readme"
if "$BIN" compile --out "$work/tree" examples/botolph-two-clouds \
    > /dev/null 2> "$work/err" && [ -f "$work/tree/sites/botolph/aws/main.tf" ] &&
    [ -f "$work/tree/sites/botolph/scw/main.tf" ] &&
    [ "$(grep -c ': warning: ' "$work/err")" -eq 5 ] &&
    ! grep ': warning: ' "$work/err" | sed 's/^[^ ]*: warning: //' |
    cut -d: -f1 | while read -r w; do grep -qF -- "$w" "$work/readme" || echo "$w"; done |
    grep -q .; then
	pass=$((pass + 1))
else
	echo "FAIL: examples/botolph-two-clouds: roots or warnings differ from its README section"
	sed 's/^/    /' "$work/err"
	fail=$((fail + 1))
fi
rm -rf "$work/tree"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
