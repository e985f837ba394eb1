#!/bin/sh
# suite-yaml.sh: every valid golden case, converted to YAML with
# `fmt --to yaml`, compiles to the same tree as its .infra input, and the
# conversion is a fixed point (infra -> yaml -> infra -> yaml).
#
#   BIN=build/asan/siteinfra tests/suite-yaml.sh
#
# The generated files may differ only in the input name of their header
# line ("from site.infra." against "from site.yaml."), so the expected
# copy is rewritten that way; .siteinfra.manifest is compared by its list
# of paths only (its hashes cover those headers).  Positions differ
# between the syntaxes, so stderr is compared by its number of warnings.
set -u
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
export LC_ALL=C
pass=0
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# say CASE MESSAGE [FILE]: reports a failure, with FILE indented below.
say() {
	echo "FAIL: $1: $2"
	[ $# -gt 2 ] && head -20 "$3" | sed 's/^/    /'
	ok=0
}

for dir in tests/golden/ok-* tests/golden/warn-*; do
	[ -d "$dir" ] || continue
	c=$(basename "$dir")
	[ -f "$dir/args" ] && continue
	inputs=$(cd "$dir" && ls | grep -E '\.infra$')
	[ -n "$inputs" ] || continue
	w=$work/$c
	mkdir -p "$w/y1" "$w/i1" "$w/y2" "$w/i2" "$w/exp"
	ok=1
	yamls=
	for f in $inputs; do
		b=${f%.infra}
		yamls="$yamls $b.yaml"
		"$BIN" fmt --to yaml "$dir/$f" > "$w/y1/$b.yaml" 2> "$w/err" ||
			{ say "$c/$f" "fmt --to yaml failed" "$w/err"; continue; }
		"$BIN" fmt --to infra "$w/y1/$b.yaml" > "$w/i1/$f" 2> "$w/err" ||
			{ say "$c/$f" "the YAML twin does not parse" "$w/err"; continue; }
		"$BIN" fmt --to yaml "$w/i1/$f" > "$w/y2/$b.yaml" 2> "$w/err" ||
			{ say "$c/$f" "infra -> yaml -> infra does not parse" "$w/err"; continue; }
		"$BIN" fmt --to infra "$w/y2/$b.yaml" > "$w/i2/$f" 2> "$w/err" ||
			{ say "$c/$f" "the second YAML does not parse" "$w/err"; continue; }
		if ! cmp -s "$w/y1/$b.yaml" "$w/y2/$b.yaml"; then
			diff -u "$w/y1/$b.yaml" "$w/y2/$b.yaml" > "$w/d"
			say "$c/$f" "infra -> yaml -> infra -> yaml changed the YAML" "$w/d"
		fi
		if ! cmp -s "$w/i1/$f" "$w/i2/$f"; then
			diff -u "$w/i1/$f" "$w/i2/$f" > "$w/d"
			say "$c/$f" "yaml -> infra -> yaml -> infra changed the infra" "$w/d"
		fi
	done
	# The YAML twin compiles to the expected tree.
	(cd "$w/y1" && "$BIN" compile --out out $yamls > ../stdout 2> ../stderr
	 echo $? > ../status)
	want=0
	[ -f "$dir/status" ] && want=$(cat "$dir/status")
	got=$(cat "$w/status")
	[ "$got" = "$want" ] || say "$c" "status: want $want, got $got" "$w/stderr"
	want=0
	[ -f "$dir/stderr" ] && want=$(grep -c ': warning: ' "$dir/stderr")
	got=$(grep -c ': warning: ' "$w/stderr")
	[ "$got" = "$want" ] || say "$c" "warnings: want $want, got $got" "$w/stderr"
	[ -d "$dir/expect" ] && cp -R "$dir/expect/." "$w/exp/"
	find "$w/exp" -type f ! -name .siteinfra.manifest | while read -r f; do
		# The README's siteinfra env lines name the inputs.
		sed -e 's/\.infra\. DO NOT EDIT\./.yaml. DO NOT EDIT./' \
		    -e '/siteinfra env /s/\.infra/.yaml/g' "$f" > "$f.tmp" &&
			mv "$f.tmp" "$f"
	done
	mkdir -p "$w/y1/out"
	rm -f "$w/y1/out/.siteinfra.cache" "$w/y1/out/.siteinfra.lock"
	if ! diff -r -x .siteinfra.manifest "$w/exp" "$w/y1/out" > "$w/d" 2>&1; then
		say "$c" "the YAML twin compiles differently" "$w/d"
	fi
	for m in "$w/exp" "$w/y1/out"; do
		if [ -f "$m/.siteinfra.manifest" ]; then
			awk '{ print $2 }' "$m/.siteinfra.manifest"
		fi > "$m.paths"
	done
	if ! cmp -s "$w/exp.paths" "$w/y1/out.paths"; then
		diff -u "$w/exp.paths" "$w/y1/out.paths" > "$w/d"
		say "$c" "the manifests list different paths" "$w/d"
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
