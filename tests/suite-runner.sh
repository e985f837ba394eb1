#!/bin/sh
# suite-runner.sh: siteinfra terraform end to end, with a fake terraform
# (tests/adopt/fake-terraform) that records its arguments and environment:
# the exact command lines, arguments passed through untouched, the admin
# credentials in the child's environment only, the refusals (nothing run),
# --all in promotion order, and terraform's exit status passed through.
set -u
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
fake=$(pwd)/tests/adopt/fake-terraform
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { echo "FAIL: $*"; fail=$((fail + 1)); }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/repo/sites" "$work/bin"
cp "$fake" "$work/bin/terraform"
cat > "$work/repo/sites/shop.infra" <<'INFRA'
environments = ["production", "preprod", "staging"]

state "aws" {
  bucket = "example-terraform-state"
  region = "eu-west-1"
}

state "scw" {
  bucket = "example-terraform-state"
  region = "fr-par"
}

site "shop" {
  providers = ["aws", "scw"]
  bucket "media" {}
  credentials {}
}

site "blog" {
  bucket "files" {}
}
INFRA
cd "$work/repo" || exit 1
"$BIN" compile >/dev/null 2>&1 || ko "compile failed"
# The operator's copy of env.d/aws.dist: a value with blanks, quotes and
# a dollar sign must reach terraform verbatim, never through a shell.
cat > infra/env.d/aws <<'ENV'
# filled by hand
AWS_ACCESS_KEY_ID=AKIAEXAMPLEONLY
  AWS_SECRET_ACCESS_KEY=s3cr3t/with+chars
NOTE=a b $HOME "dq" 'sq' `x` ;|&

ENV
export PATH="$work/bin:$PATH" FAKE_LOG="$work/log"
unset TF_WORKSPACE TF_DATA_DIR
# Only what the env file gives may show in the child's AWS_*, SCW_*, TF_VAR_*.
for v in $(env | sed -n 's/^\(AWS_[A-Za-z0-9_]*\|SCW_[A-Za-z0-9_]*\|TF_VAR_[A-Za-z0-9_]*\|NOTE\)=.*/\1/p'); do
	unset "$v"
done

# run NAME EXPECTED-STATUS ARGS...: runs the runner, keeps its stderr.
run() {
	name=$1 want=$2
	shift 2
	: > "$work/log"
	"$BIN" terraform "$@" > "$work/out" 2> "$work/err"
	got=$?
	if [ "$got" = "$want" ]; then ok; else
		ko "$name: exit $got, want $want"; sed 's/^/  | /' "$work/err"
	fi
}
expect_log() {
	if printf '%s\n' "$2" | cmp -s - "$work/log"; then ok; else
		ko "$1: terraform saw:"; diff -u /dev/stdin "$work/log" <<-X
		$2
		X
	fi
}
expect_err() {
	if grep -qF -- "$2" "$work/err"; then ok; else
		ko "$1: stderr lacks '$2'"; sed 's/^/  | /' "$work/err"
	fi
}

R=-chdir=infra/sites/shop/aws
ENVS='env: AWS_ACCESS_KEY_ID=AKIAEXAMPLEONLY
env: AWS_SECRET_ACCESS_KEY=s3cr3t/with+chars
env: NOTE=a b $HOME "dq" '"'sq'"' `x` ;|&'

# First run: init (never migrating), select or create, check, then the
# arguments exactly as given, globs and quotes included.
run first 0 shop production --provider aws -- plan -var 'x=a b' \
    'module.m["a b"]' '$HOME' '*' "it's" ''
expect_log "first run" "argv: [$R] [init] [-input=false]
argv: [$R] [workspace] [select] [-or-create] [production]
argv: [$R] [workspace] [show]
argv: [$R] [plan] [-var] [x=a b] [module.m[\"a b\"]] [\$HOME] [*] [it's] []
$ENVS"
expect_err header "siteinfra: shop/production on aws: s3://example-terraform-state/env:/production/shop.tfstate"
grep -q 'migrate\|force-copy' "$work/log" && ko "init migrates state" || ok

# The secrets went to the child only: not into our output, not into
# the environment of the calling shell.
if grep -q 's3cr3t\|AKIAEXAMPLE' "$work/out" "$work/err"; then
	ko "a credential was echoed"
else ok; fi
[ -z "${AWS_SECRET_ACCESS_KEY:-}" ] && ok || ko "credential in the caller's env"

# Initialised: no init the second time; the other workspace is selected.
run second 0 shop staging --provider aws -- output -json
expect_log "second run" "argv: [$R] [workspace] [select] [-or-create] [staging]
argv: [$R] [workspace] [show]
argv: [$R] [output] [-json]
$ENVS"

# A later -- belongs to terraform, as in the state hop of an old state.
run double-dash 0 shop production --provider aws -- state replace-provider -auto-approve -- -/aws hashicorp/aws
sed -n 3p "$work/log" | grep -qxF "argv: [$R] [state] [replace-provider] [-auto-approve] [--] [-/aws] [hashicorp/aws]" && ok ||
    ko "double dash: $(sed -n 3p "$work/log")"

# A root that is not what compile would write now is refused.
cp infra/sites/shop/aws/main.tf "$work/main.tf.good"
echo '# edited' >> infra/sites/shop/aws/main.tf
run stale 2 shop production --provider aws -- plan
[ -s "$work/log" ] && ko "stale: terraform was run" || ok
expect_err stale "infra/sites/shop/aws/main.tf is edited by hand: the tree is not what the inputs say"
cp "$work/main.tf.good" infra/sites/shop/aws/main.tf
run fresh-again 0 shop production --provider aws -- plan

# --no-create: a plain select, so a missing workspace fails.
run no-create 0 shop staging --provider aws --no-create -- plan
sed -n 1p "$work/log" | grep -qxF "argv: [$R] [workspace] [select] [staging]" && ok ||
    ko "--no-create: $(sed -n 1p "$work/log")"

# Terraform's status passes through, and a signal becomes 128 + N.
FAKE_FAIL=apply FAKE_STATUS=7 run status 7 shop production --provider aws -- apply
FAKE_SIGNAL=plan run signal 143 shop production --provider aws -- plan
# A failed select stops before the command.
FAKE_FAIL=workspace FAKE_STATUS=1 run select-fails 1 shop production --provider aws -- apply
grep -q '\[apply\]' "$work/log" && ko "apply ran after a failed select" || ok
expect_err select-fails "'terraform workspace select -or-create' failed in infra/sites/shop/aws (exit status 1); nothing else was run"
# A lying workspace show stops before the command.
FAKE_SHOW=preprod run show-differs 3 shop production --provider aws -- apply
grep -q '\[apply\]' "$work/log" && ko "apply ran in the wrong workspace" || ok
expect_err show-differs "the workspace of infra/sites/shop/aws is 'preprod' after selecting 'production'"

# --all: promotion order, stopping at the first failure.
run all 0 shop --all --provider aws -- plan
grep '\[plan\]\|\[select\]' "$work/log" | sed 's/.*\[select\] \[-or-create\] /select /' > "$work/seq"
printf 'select [production]\nargv: [%s] [plan]\nselect [preprod]\nargv: [%s] [plan]\nselect [staging]\nargv: [%s] [plan]\n' \
    "$R" "$R" "$R" | cmp -s - "$work/seq" && ok || { ko "--all order"; cat "$work/seq"; }
FAKE_FAIL=plan FAKE_FAIL_WS=preprod FAKE_STATUS=2 run all-stops 2 shop --all --provider aws -- plan
grep -c '\[plan\]' "$work/log" | grep -qx 2 && ok || ko "--all went on after a failure"
grep -q '\[staging\]' "$work/log" && ko "--all reached staging" || ok

# Refusals: nothing is run.
refuse() {
	name=$1 msg=$2
	shift 2
	run "$name" 2 "$@"
	[ -s "$work/log" ] && ko "$name: terraform was run" || ok
	expect_err "$name" "$msg"
}
refuse default "'default' is Terraform's own workspace" shop default --provider aws -- plan
refuse unknown-site "no site 'shoop'; did you mean 'shop'?" shoop production -- plan
refuse unknown-env "'prodution' is not an environment of site 'shop'; did you mean 'production'?" shop prodution --provider aws -- plan
refuse unknown-provider "no provider 'asw'; did you mean 'aws'?" shop production --provider asw -- plan
refuse other-provider "site 'blog' does not run on 'scw'" blog production --provider scw -- plan
refuse two-providers "site 'shop' runs on aws and scw; choose one with --provider" shop production -- plan
refuse ws-select "'workspace select' is refused" shop production --provider aws -- workspace select staging
refuse ws-new "'workspace new' is refused" shop production --provider aws -- workspace new x
refuse chdir "'-chdir=/tmp': the runner sets -chdir" shop production --provider aws -- -chdir=/tmp plan
refuse no-args "give terraform's arguments after --" shop production --provider aws
refuse no-args2 "give terraform's arguments after --" shop production --provider aws --
TF_WORKSPACE=staging refuse tf-workspace "TF_WORKSPACE is 'staging'" shop production --provider aws -- plan
TF_WORKSPACE=production run tf-workspace-same 0 shop production --provider aws -- plan
grep -q 'TF_WORKSPACE' "$work/log" && ko "TF_WORKSPACE reached terraform" || ok
run workspace-list 0 shop production --provider aws -- workspace list
refuse no-envfile "no admin credentials file 'infra/env.d/scw': copy infra/env.d/scw.dist to it" shop production --provider scw -- plan
cp infra/env.d/aws "$work/aws.good"
printf 'GOOD=1\nbad line with s3cr3tvalue\n1X=2\nA=b\r\n' > infra/env.d/aws
refuse bad-envfile "infra/env.d/aws, line 2: it is not KEY=value" shop production --provider aws -- plan
expect_err bad-envfile "infra/env.d/aws, line 3: the name before '=' is not a variable name"
expect_err bad-envfile "infra/env.d/aws, line 4: it ends with a carriage return"
grep -q s3cr3tvalue "$work/err" && ko "a bad env line was shown" || ok
printf 'TF_WORKSPACE=preprod\n' > infra/env.d/aws
refuse envfile-workspace "TF_WORKSPACE is 'preprod' (in the environment or in infra/env.d/aws)" shop production --provider aws -- plan
cp "$work/aws.good" infra/env.d/aws
refuse no-root "no root module 'elsewhere/sites/shop/aws': run siteinfra compile --out elsewhere first" shop production --provider aws --out elsewhere -- plan
run no-terraform 3 shop production --provider aws --terraform "$work/none" -- plan
expect_err no-terraform "cannot run '$work/none': No such file or directory"

# A second run on the same root waits for nobody: it is refused.
if command -v flock >/dev/null 2>&1; then
	flock infra/sites/shop/aws/.terraform/siteinfra.lock sleep 3 &
	lockpid=$!
	sleep 1
	run locked 3 shop production --provider aws -- plan
	expect_err locked "another siteinfra terraform run holds 'infra/sites/shop/aws/.terraform/siteinfra.lock'"
	kill "$lockpid" 2>/dev/null
	wait "$lockpid" 2>/dev/null
else
	echo "skip: no flock(1) for the lock test"
fi

# A relative TF_DATA_DIR is the root's: init runs there, the lock too.
TF_DATA_DIR=.tfdata run data-dir 0 shop production --provider aws -- plan
sed -n 1p "$work/log" | grep -qF "[init]" && ok || ko "TF_DATA_DIR: no init in a fresh data dir"
[ -f infra/sites/shop/aws/.tfdata/siteinfra.lock ] && ok || ko "TF_DATA_DIR: lock not there"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
