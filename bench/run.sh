#!/bin/sh
# run.sh: measures siteinfra (build/release) at 1,000 and 10,000 sites, each
# figure next to its floor: a cold compile against a minimal writer creating
# the same files (open, write, close, no size cap), a rerun with nothing
# changed against lstat-ing every file, a rerun after one site changed
# against that no-op, --check, and the peak RSS of the cold compile.  The
# runs are interleaved (floor, compile, floor, ...) and each ratio is the
# median of the ratios of one round, so a load that comes and goes on a
# shared machine moves both sides of a ratio alike; the paired ratio of
# CPU times (user + system) is shown beside, as it moves even less.  It
# reports and never
# fails on a figure: a bench is not a test.  Work happens in BENCH_DIR
# (default: /dev/shm when writable, else /tmp).
set -eu
cd "$(dirname "$0")/.."
BIN=$(pwd)/build/release/siteinfra
RUNS=${RUNS:-5}
SIZES=${SIZES:-1000 10000}
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
# The paired ratios of two files of times, line by line, then their median.
paired() { paste "$1" "$2" | awk '{ printf "%.6f\n", $1 / $2 }' | median | awk '{ printf "%.2f", $1 }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "met" : "NOT met" }'; }
# One timed run: appends the wall time to $1, the CPU time to $1.cpu (and
# the peak RSS to $2 if given).
timed() {
	out=$1
	rss=$2
	shift 2
	"$work/runstat" "$@" > r
	read -r t m s c < r
	[ "$s" = 0 ] || { echo "$* failed with status $s" >&2; exit 1; }
	echo "$t" >> "$out"
	echo "$c" >> "$out.cpu"
	[ -z "$rss" ] || echo "$m" >> "$rss"
}

printf 'siteinfra %s, %s interleaved rounds, medians; tree in %s (%s)\n' \
    "$("$BIN" version | cut -d' ' -f2)" "$RUNS" "$BENCH_DIR" \
    "$(df -T "$BENCH_DIR" | awk 'NR == 2 { print $2 }')"
for n in $SIZES; do
	d=$work/n$n
	sh bench/gen.sh "$n" "$d"
	cd "$d"
	"$BIN" compile > /dev/null 2>&1
	find infra -type f ! -name '.siteinfra.*' -printf '%s %P\n' > list
	files=$(wc -l < list)
	bytes=$(awk '{ s += $1 } END { print s }' list)
	for f in wfloor cold lfloor noop one check; do : > $f; : > $f.cpu; done
	: > rss
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -rf floor-out infra
		timed wfloor "" "$work/floor" list floor-out
		timed cold rss "$BIN" compile
		timed lfloor "" "$work/floor" -l list infra
		timed noop "" "$BIN" compile
		# One site changed: its production domain alternates.
		sed -i "s/\.bench[0-9]*\.example\.org\"\$/.bench$i.example.org\"/" sites/site00000.infra
		timed one "" "$BIN" compile
		timed check "" "$BIN" compile --check
		i=$((i + 1))
	done
	c=$(median < cold)
	rc=$(paired cold wfloor)
	rn=$(paired noop lfloor)
	ro=$(paired one noop)
	cc=$(paired cold.cpu wfloor.cpu)
	cn=$(paired noop.cpu lfloor.cpu)
	co=$(paired one.cpu noop.cpu)
	peak=$(LC_ALL=C sort -n rss | tail -n 1 | awk '{ printf "%.1f", $1 / 1024 }')
	if [ "$n" -le 1000 ]; then rsst=16; else rsst=64; fi
	printf '\n%d sites, %d files, %.1f MB\n' "$n" "$files" \
	    "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')"
	printf '  cold        %8s ms   write floor %8s ms   x%s, CPU x%s  (<= 1.5: %s)\n' \
	    "$(ms "$c")" "$(ms "$(median < wfloor)")" "$rc" "$cc" "$(verdict "$rc" 1.5)"
	printf '  no-op       %8s ms   lstat floor %8s ms   x%s, CPU x%s  (<= 1.15: %s)\n' \
	    "$(ms "$(median < noop)")" "$(ms "$(median < lfloor)")" "$rn" "$cn" "$(verdict "$rn" 1.15)"
	printf '  one site    %8s ms   against the no-op         x%s, CPU x%s  (<= 3: %s)\n' \
	    "$(ms "$(median < one)")" "$ro" "$co" "$(verdict "$ro" 3)"
	printf '  --check     %8s ms\n' "$(ms "$(median < check)")"
	printf '  peak RSS    %8s MiB  (cold; <= %s: %s)\n' "$peak" "$rsst" \
	    "$(verdict "$peak" "$rsst")"
	echo "$c" > "$work/cold-$n"
	cd - > /dev/null
done
if [ -f "$work/cold-1000" ] && [ -f "$work/cold-10000" ]; then
	x=$(ratio "$(cat "$work/cold-10000")" "$(cat "$work/cold-1000")")
	printf '\ncold time from 1,000 to 10,000 sites: x%s (linear is x10; <= 10.5: %s)\n' \
	    "$x" "$(verdict "$x" 10.5)"
fi
