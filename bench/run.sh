#!/bin/sh
# run.sh: measures siteinfra (build/release) at 100, 1,000 and 10,000 sites:
# cold compile, a rerun with nothing changed, a rerun after one site
# changed, --check on an up-to-date tree, and peak RSS, each the median of
# RUNS runs, next to the cost of creating the same files with a minimal
# writer (open, write, close per file).  Work happens in BENCH_DIR
# (default: /dev/shm when writable, else /tmp).
set -eu
cd "$(dirname "$0")/.."
BIN=$(pwd)/build/release/siteinfra
RUNS=${RUNS:-5}
SIZES=${SIZES:-100 1000 10000}
if [ -z "${BENCH_DIR:-}" ]; then
	if [ -d /dev/shm ] && [ -w /dev/shm ]; then BENCH_DIR=/dev/shm; else BENCH_DIR=/tmp; fi
fi
work=$(mktemp -d "$BENCH_DIR/siteinfra-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/runstat" bench/runstat.c
cc -O2 -o "$work/floor" bench/floor.c

median() { LC_ALL=C sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

printf 'siteinfra %s, %s runs each, median; tree in %s (%s)\n' \
    "$("$BIN" version | cut -d' ' -f2)" "$RUNS" "$BENCH_DIR" "$(df -T "$BENCH_DIR" | awk 'NR == 2 { print $2 }')"
printf '%6s %6s %8s | %9s %9s %6s | %9s %9s %9s | %7s\n' sites files MB \
    "cold ms" "floor ms" ratio "noop ms" "1site ms" "check ms" "RSS MiB"
for n in $SIZES; do
	d=$work/n$n
	sh bench/gen.sh "$n" "$d"
	cd "$d"
	: > cold; : > floor; : > noop; : > one; : > check; : > rss
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -rf infra
		"$work/runstat" "$BIN" compile > r
		read -r t m s < r
		[ "$s" = 0 ] || { echo "compile failed with status $s" >&2; exit 1; }
		echo "$t" >> cold
		echo "$m" >> rss
		i=$((i + 1))
	done
	find infra -type f ! -name '.siteinfra.*' -printf '%s %P\n' > list
	files=$(wc -l < list)
	bytes=$(awk '{ s += $1 } END { print s }' list)
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -rf floor-out
		"$work/runstat" "$work/floor" list floor-out | cut -d' ' -f1 >> floor
		"$work/runstat" "$BIN" compile | cut -d' ' -f1 >> noop
		# One site changed: its production domain alternates.
		sed -i "s/\.bench\.example\.org\"\$/.bench$i.example.org\"/; s/\.bench[0-9]*\.example\.org\"\$/.bench$i.example.org\"/" sites/site00000.infra
		"$work/runstat" "$BIN" compile | cut -d' ' -f1 >> one
		"$work/runstat" "$BIN" compile --check > r
		read -r t m s < r
		[ "$s" = 0 ] || { echo "compile --check found differences ($s)" >&2; exit 1; }
		echo "$t" >> check
		i=$((i + 1))
	done
	c=$(median < cold)
	f=$(median < floor)
	printf '%6d %6d %8.1f | %9s %9s %6s | %9s %9s %9s | %7.1f\n' "$n" "$files" \
	    "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" "$(ms "$c")" "$(ms "$f")" \
	    "$(ratio "$c" "$f")" "$(ms "$(median < noop)")" "$(ms "$(median < one)")" \
	    "$(ms "$(median < check)")" "$(awk -v k="$(LC_ALL=C sort -n rss | tail -n 1)" 'BEGIN { print k / 1024 }')"
	echo "$c" > "$work/cold-$n"
	cd - > /dev/null
done
if [ -f "$work/cold-1000" ] && [ -f "$work/cold-10000" ]; then
	printf 'cold time from 1,000 to 10,000 sites: x%s (linear would be x10)\n' \
	    "$(ratio "$(cat "$work/cold-10000")" "$(cat "$work/cold-1000")")"
fi
