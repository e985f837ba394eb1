# lib.sh: what the output-tree suites share, sourced after `set -u`: the
# binary, the counters, a scratch directory and the content of a tree.
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
top=$(pwd)
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { echo "FAIL: $*"; fail=$((fail + 1)); }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The content of a tree: every path, every file's and link's hash;
# siteinfra's local files (cache, lock) left out, temporary files and the
# journal kept in.
content() {
	(cd "$1" && find . ! -name .siteinfra.cache ! -name .siteinfra.lock \
	    \( -type f -o -type l \) -print0 | LC_ALL=C sort -z |
	    xargs -0 -r sha256sum && find . -type d | LC_ALL=C sort)
}
