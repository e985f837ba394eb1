#!/bin/sh
# suite-git.sh: compile --commit on real git repositories (libgit2), diff
# output, the JSON report, and the pre-commit hooks through Debian's
# pre-commit.
set -u
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
# Isolate from the user's and the machine's git configuration.
export HOME=$work GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_HOME=$work/pre-commit-cache
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

newrepo() { # newrepo DIR: a repository with a site, identity set
	mkdir -p "$1/sites"
	git init -q -b main "$1"
	git -C "$1" config user.name "Site Operator"
	git -C "$1" config user.email ops@example.org
	cat > "$1/sites/site.infra" <<'EOF'
environments = ["production", "staging"]

state "aws" {
  bucket = "example-terraform-state"
  region = "eu-west-1"
}

site "alpha" {
  bucket "media" {}

  credentials {}
}

site "beta" {
  bucket "media" {}
}
EOF
	git -C "$1" add sites
	git -C "$1" commit -q -m "sites"
}
commits() { git -C "$1" rev-list --count HEAD; }

# --- --commit: commits exactly the generated paths, once ---
r=$work/r1
newrepo "$r"
cd "$r"
echo "unrelated" > README.txt
git add README.txt					# staged, not ours
echo "also unrelated" > other.txt			# untracked, not ours
"$BIN" compile --commit > out 2>&1 && ok || ko "--commit: $(cat out)"
[ "$(commits .)" = 2 ] && ok || ko "expected 2 commits, got $(commits .)"
grep -q '^siteinfra: committed [0-9a-f]\{40\}$' out && ok || ko "no commit id printed: $(cat out)"
files=$(git show --name-only --format= HEAD | LC_ALL=C sort)
want=$(cd infra && { find . -type f ! -name .siteinfra.cache ! -name .siteinfra.lock; } | sed 's|^\.|infra|' | LC_ALL=C sort)
[ "$files" = "$want" ] && ok || { ko "the commit holds other paths than the generated ones"; printf '%s\n' "$files" | head -5; }
git show --format=%s -s HEAD | grep -q 'siteinfra: regenerate infra for sites alpha, beta' && ok || ko "default message: $(git show --format=%B -s HEAD)"
git show --format=%B -s HEAD | grep -q '^Generated-by: siteinfra ' && ok || ko "no Generated-by trailer"
git show --format='%an <%ae>' -s HEAD | grep -q 'Site Operator <ops@example.org>' && ok || ko "not the configured identity"
git diff --cached --name-only | grep -q '^README.txt$' && ok || ko "the user's staged change was lost"
[ -z "$(git status --porcelain -- infra)" ] && ok || ko "infra is not clean after the commit: $(git status --porcelain -- infra | head -3)"
# Twice: no empty commit.
"$BIN" compile --commit > out 2>&1 && ok || ko "second --commit: $(cat out)"
[ "$(commits .)" = 2 ] && ok || ko "the second --commit made a commit"
grep -q 'nothing to commit' out && ok || ko "the second --commit did not say so"
# A removed site: one commit with exactly its deletions.
sed -i '/^site "beta" {/,$d' sites/site.infra
"$BIN" compile --commit -m "drop beta" --remove-site beta > out 2>&1 && ok || ko "--commit -m: $(cat out)"
[ "$(commits .)" = 3 ] && ok || ko "expected 3 commits"
git show --format=%s -s HEAD | grep -q '^drop beta$' && ok || ko "-m message not used"
git show --name-status --format= HEAD | grep -q '^D	infra/sites/beta/aws/main.tf$' && ok || ko "the deletion was not committed"
[ ! -e infra/sites/beta ] && [ -z "$(git ls-files infra/sites/beta)" ] && ok || ko "beta is still tracked"
# The input change is committed with the tree it produced.
git show --name-status --format= HEAD | grep -q '^M	sites/site.infra$' && ok || ko "the input change was not committed: $(git show --name-status --format= HEAD | head -3)"
# A deleted input file: its deletion goes with the tree's.
printf 'site "gamma" {\n  bucket "media" {}\n}\n' > sites/gamma.infra
"$BIN" compile --commit > out 2>&1 && ok || ko "--commit gamma: $(cat out)"
git show --name-status --format= HEAD | grep -q '^A	sites/gamma.infra$' && ok || ko "the new input file was not committed"
rm sites/gamma.infra
"$BIN" compile --commit --remove-site gamma > out 2>&1 && ok || ko "--commit without gamma: $(cat out)"
git show --name-status --format= HEAD | grep -q '^D	sites/gamma.infra$' && ok || ko "the input deletion was not committed: $(git show --name-status --format= HEAD | head -3)"
[ -z "$(git status --porcelain -- sites infra)" ] && ok || ko "sites or infra not clean after the commit: $(git status --porcelain | head -3)"

# --- refusals: exit 3, nothing committed ---
refuse() { # refuse WHAT DIR [commands]: compile --commit must fail with 3
	what=$1 dir=$2
	before=$(git -C "$dir" rev-parse HEAD 2>/dev/null)
	(cd "$dir" && "$BIN" compile --commit > "$work/out" 2>&1); rc=$?
	after=$(git -C "$dir" rev-parse HEAD 2>/dev/null)
	[ $rc -eq 3 ] && [ "$before" = "$after" ] && ok || ko "$what: exit $rc, HEAD $before -> $after: $(cat "$work/out")"
}
# A detached HEAD.
newrepo "$work/r2"
git -C "$work/r2" checkout -q --detach HEAD
refuse "detached HEAD" "$work/r2"
grep -q 'detached' "$work/out" && ok || ko "detached HEAD: unclear message"
# No identity.
newrepo "$work/r3"
git -C "$work/r3" config --unset user.name
git -C "$work/r3" config --unset user.email
refuse "no identity" "$work/r3"
grep -q 'user.name' "$work/out" && ok || ko "no identity: unclear message"
# A locked index (another git is running).
newrepo "$work/r4"
: > "$work/r4/.git/index.lock"
refuse "index lock" "$work/r4"
rm -f "$work/r4/.git/index.lock"
# A bare repository: the output directory inside it.
git init -q --bare "$work/bare.git"
mkdir -p "$work/bare.git/sites"
cp "$work/r1/sites/site.infra" "$work/bare.git/sites/"
(cd "$work/bare.git" && "$BIN" compile --out infra --commit > "$work/out" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -q 'bare' "$work/out" && ok || ko "bare repository: exit $rc $(cat "$work/out")"
# Not a repository at all.
mkdir -p "$work/norepo/sites" && cp "$work/r1/sites/site.infra" "$work/norepo/sites/"
(cd "$work/norepo" && GIT_CEILING_DIRECTORIES=$work "$BIN" compile --commit > "$work/out" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -q 'not in a git repository' "$work/out" && ok || ko "no repository: exit $rc $(cat "$work/out")"
# Refused before anything is written.
[ ! -e "$work/norepo/infra" ] && ok || ko "no repository: the tree was written before the refusal"
[ ! -e "$work/bare.git/infra" ] && ok || ko "bare repository: the tree was written before the refusal"
(cd "$work/norepo" && "$BIN" compile --check --diff > "$work/out" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q 'give one' "$work/out" && ok || ko "--check --diff: exit $rc $(cat "$work/out")"

# --- diff: a unified diff of what would change, writing nothing ---
cd "$work/r1"
sed -i 's/"alpha" {/"alpha" {\n  region = "eu-west-3"/' sites/site.infra
b=$(find infra -type f -printf '%p %T@\n' | LC_ALL=C sort)
"$BIN" diff > out 2>&1; rc=$?
[ $rc -eq 1 ] && ok || ko "diff exit $rc"
grep -q '^--- a/infra/sites/alpha/aws/providers.tf$' out && grep -q '^+  region = "eu-west-3"$' out && ok || ko "diff output: $(head -20 out)"
[ "$(find infra -type f -printf '%p %T@\n' | LC_ALL=C sort)" = "$b" ] && ok || ko "diff wrote something"
"$BIN" compile --diff > out2 2>&1; [ $? -eq 1 ] && cmp -s out out2 && ok || ko "compile --diff differs from diff"
# JSON: a parseable document with the verdicts and the diagnostics.
"$BIN" compile --check --format json > out.json 2>/dev/null; rc=$?
[ $rc -eq 1 ] && jq -e '.status == 1 and (.files | map(select(.verdict == "stale")) | length) > 0 and (.diagnostics | length) == 0' out.json > /dev/null && ok || ko "check --format json: $(head -c 300 out.json)"
"$BIN" diff --format json > out.json 2>/dev/null
jq -e '.command == "diff" and (.files[0].patch | startswith("diff --git"))' out.json > /dev/null && ok || ko "diff --format json: $(head -c 300 out.json)"
echo 'site "bad" { regoin = "x" }' > sites/bad.infra
"$BIN" compile --format json > out.json 2>/dev/null; rc=$?
[ $rc -eq 2 ] && jq -e '.status == 2 and .diagnostics[0].severity == "error" and .diagnostics[0].line == 1 and .diagnostics[0].file == "sites/bad.infra"' out.json > /dev/null && ok || ko "json diagnostics: $(head -c 400 out.json)"
"$BIN" check --format json > out.json 2>/dev/null; rc=$?
[ $rc -eq 2 ] && jq -e '.command == "check" and .status == 2 and (has("output") | not) and (.diagnostics[0].message | test("regoin"))' out.json > /dev/null && ok || ko "check --format json: $(head -c 400 out.json)"
rm sites/bad.infra
"$BIN" compile --commit --format json > out.json 2>/dev/null
jq -e '(.commit | test("^[0-9a-f]{40}$")) and (.files | map(select(.action == "update")) | length) > 0' out.json > /dev/null && ok || ko "compile --commit --format json: $(head -c 300 out.json)"

# --- pre-commit: the hooks of .pre-commit-hooks.yaml block a stale tree ---
hooks=$work/hooks
mkdir -p "$hooks"
cp "$top/.pre-commit-hooks.yaml" "$hooks/"
git init -q -b main "$hooks"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" -c user.name=x -c user.email=x@example.org commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)
mkdir -p "$work/bin"
ln -s "$BIN" "$work/bin/siteinfra"
export PATH="$work/bin:$PATH"
newrepo "$work/pc"
cd "$work/pc"
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: siteinfra-check
EOF
"$BIN" compile > /dev/null 2>&1
git add -A && git commit -q -m "generated tree" && ok || ko "first commit"
pre-commit install > /dev/null 2>&1 && ok || ko "pre-commit install"
# A stale tree: the site changed, the generated files did not.
sed -i 's/"beta" {/"beta" {\n  region = "eu-west-2"/' sites/site.infra
git add sites
if git commit -q -m "stale" > "$work/out" 2>&1; then ko "pre-commit let a stale tree through"; else ok; fi
grep -q 'stale: infra/sites/beta/aws/providers.tf' "$work/out" && ok || ko "the hook did not name the stale file: $(cat "$work/out")"
[ "$(commits .)" = 2 ] && ok || ko "a commit was made despite the hook"
"$BIN" compile > /dev/null 2>&1
git add -A
git commit -q -m "compiled" > "$work/out" 2>&1 && ok || ko "pre-commit blocked an up-to-date tree: $(cat "$work/out")"
[ "$(commits .)" = 3 ] && ok || ko "the compiled tree was not committed"
# The compile hook regenerates, and fails so that the user re-adds.
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: siteinfra-compile
EOF
sed -i 's/"eu-west-2"/"eu-west-3"/' sites/site.infra
git add -A
if git commit -q -m "with compile" > "$work/out" 2>&1; then ko "siteinfra-compile passed with files it had to change"; else ok; fi
grep -q 'eu-west-3' infra/sites/beta/aws/providers.tf && ok || ko "siteinfra-compile did not regenerate"
git add -A
git commit -q -m "with compile" > "$work/out" 2>&1 && ok || ko "second try with siteinfra-compile: $(cat "$work/out")"
cd "$top"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
