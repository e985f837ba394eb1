#!/bin/sh
# suite-install.sh: `make install` into a DESTDIR: the installed binary
# runs, its man page is the help texts rendered (man -l, groff warnings),
# `make uninstall` removes what was installed; then the README's
# pre-commit example, run as written against a clone of siteinfra with
# the installed binary on PATH.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
: "${BIN:=build/asan/siteinfra}" "${B:=build/asan}"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
pass=0
fail=0
skipped=0
ok() { pass=$((pass + 1)); }
ko() { echo "FAIL: $*"; fail=$((fail + 1)); }
skip() { echo "SKIP: $*"; skipped=$((skipped + 1)); }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_HOME=$work/pre-commit-cache
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

# Install the flavour under test (already built), not a fresh release.
flavour=${B##*/}
stage=$work/stage
if make -s --no-print-directory INSTALL_FLAVOUR="$flavour" PREFIX=/usr \
    DESTDIR="$stage" install > "$work/make.out" 2>&1; then ok; else
	ko "make install: $(tail -5 "$work/make.out")"
fi
bin=$stage/usr/bin/siteinfra
page=$stage/usr/share/man/man1/siteinfra.1
[ "$(stat -c %a "$bin" 2>/dev/null)" = 755 ] && ok || ko "installed binary mode $(stat -c %a "$bin" 2>/dev/null)"
[ "$(stat -c %a "$page" 2>/dev/null)" = 644 ] && ok || ko "installed man page mode $(stat -c %a "$page" 2>/dev/null)"
[ "$("$bin" version 2>&1)" = "$("$BIN" version)" ] && ok || ko "installed binary: $("$bin" version 2>&1)"
# One source of truth: the page is what the binary renders from its help.
"$BIN" help --man > "$work/expected.1"
cmp -s "$work/expected.1" "$page" && ok || ko "the installed man page is not 'siteinfra help --man'"

# The page renders, without roff warnings, and carries every command's
# usage line and every option its help lists.
if command -v groff > /dev/null 2>&1; then
	groff -man -ww -z "$page" 2> "$work/groff.err"
	[ ! -s "$work/groff.err" ] && ok || ko "groff warns: $(head -3 "$work/groff.err")"
else
	skip "groff is not installed: roff warnings not checked"
fi
if command -v man > /dev/null 2>&1; then
	MANWIDTH=200 MAN_KEEP_FORMATTING= man -l "$page" 2> "$work/man.err" |
	    col -b > "$work/man.txt"
	[ -s "$work/man.txt" ] && [ ! -s "$work/man.err" ] && ok || ko "man -l: $(head -3 "$work/man.err")"
	for cmd in compile check diff fmt env terraform adopt version; do
		usage=$("$BIN" help "$cmd" | head -1 | sed 's/^usage: //')
		grep -qF "$usage" "$work/man.txt" || { ko "man page lacks '$usage'"; continue; }
		missing=
		for opt in $("$BIN" help "$cmd" | grep -oE '^  -[-a-z]+' ); do
			grep -qE "^ +$opt( |,|$)" "$work/man.txt" || missing="$missing $opt"
		done
		[ -z "$missing" ] && ok || ko "man page section $cmd lacks options:$missing"
	done
else
	skip "man is not installed: the page was not rendered"
fi

if make -s --no-print-directory PREFIX=/usr DESTDIR="$stage" uninstall > "$work/make.out" 2>&1; then ok; else
	ko "make uninstall: $(tail -5 "$work/make.out")"
fi
[ -z "$(find "$stage" ! -type d)" ] && ok || ko "make uninstall left: $(find "$stage" ! -type d)"

# --- the README's pre-commit example, with the installed binary ---
make -s --no-print-directory INSTALL_FLAVOUR="$flavour" PREFIX=/usr \
    DESTDIR="$stage" install > /dev/null 2>&1
if ! command -v pre-commit > /dev/null 2>&1; then
	skip "pre-commit is not installed: the README's example was not run"
elif ! git -C "$top" rev-parse HEAD > /dev/null 2>&1; then
	skip "not a git checkout of siteinfra: nothing to clone for pre-commit"
else
	clone=$work/src/siteinfra
	git clone -q "$top" "$clone" && ok || ko "git clone of siteinfra"
	rev=$(git -C "$clone" rev-parse HEAD)
	mkdir -p "$work/ops/sites"
	cd "$work/ops"
	git init -q -b main . && git config user.name Ops && git config user.email ops@example.org
	cat > sites/site.infra <<'EOF'
environments = ["production"]

state "aws" {
  bucket = "example-terraform-state"
  region = "eu-west-1"
}

site "alpha" {
  bucket "media" {}
}
EOF
	# The yaml block that follows the README's pre-commit section, with
	# the clone's path and commit, as its text says to fill them.
	awk '/^### pre-commit$/ { s = 1 } s && /^```yaml$/ { y = 1; next }
	    y && /^```$/ { exit } y { print }' "$top/README.md" |
	    sed -e "s|repo: [^ ]*|repo: $clone|" -e "s|rev: .*|rev: $rev|" > .pre-commit-config.yaml
	grep -q "id: siteinfra-check" .pre-commit-config.yaml && ok || ko "no pre-commit example in the README"
	export PATH="$stage/usr/bin:$PATH"
	siteinfra compile > /dev/null 2>&1 && git add -A && git commit -q -m tree && ok || ko "first commit"
	pre-commit install > "$work/out" 2>&1 && ok || ko "pre-commit install: $(cat "$work/out")"
	sed -i 's/region = "eu-west-1"/region = "eu-west-3"/' sites/site.infra
	git add sites
	if git commit -q -m stale > "$work/out" 2>&1; then ko "the README's hook let a stale tree through"; else ok; fi
	grep -q 'stale: infra/' "$work/out" && ok || ko "the hook did not name the stale files: $(cat "$work/out")"
	siteinfra compile > /dev/null 2>&1 && git add -A
	git commit -q -m compiled > "$work/out" 2>&1 && ok || ko "the hook blocked an up-to-date tree: $(cat "$work/out")"
	cd "$top"
fi
echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
