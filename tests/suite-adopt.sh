#!/bin/sh
# suite-adopt.sh: siteinfra adopt check on plans in the format of
# `terraform show -json` (format 1.2): the hand-written AWS adoption plans
# of tests/adopt (clean, without the moved blocks, a replaced bucket, a
# changed domain and key, a wrong state key), one recorded from a real
# terraform 1.11.4 plan (tests/adopt/real), and, when terraform is on
# PATH, the same real plan made again here, offline (terraform_data needs
# no provider); the adopt.tf files compile writes, and siteinfra import
# of a checkout written for the tests.  Each expected output was
# reviewed line by line.
set -u
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { echo "FAIL: $*"; fail=$((fail + 1)); }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
A=tests/adopt

# case NAME STATUS EXPECTED-STDOUT ARGS...
case_() {
	name=$1 want=$2 expect=$3
	shift 3
	"$BIN" adopt check "$@" > "$work/out" 2> "$work/err"
	got=$?
	[ "$got" = "$want" ] && ok || { ko "$name: exit $got, want $want"; cat "$work/err"; }
	if [ -n "$expect" ]; then
		cmp -s "$expect" "$work/out" && ok || { ko "$name: stdout"; diff -u "$expect" "$work/out"; }
	fi
}

case_ clean 0 $A/clean.out --plan $A/clean.json --root $A/aws-root
case_ destroy 1 $A/destroy.out --plan $A/destroy.json --root $A/aws-root
case_ replace 1 $A/replace.out --plan $A/replace.json --root $A/aws-root
case_ domain 1 $A/domain.out --plan $A/domain.json --root $A/aws-root
case_ missing-move 1 $A/missing-move.out --plan $A/missing-move.json --root $A/aws-root
case_ real 1 $A/real/plan.out --plan $A/real/plan.json --root $A/real
# stdin, as in `terraform show -json p | siteinfra adopt check --plan -`.
"$BIN" adopt check --plan - --root $A/aws-root < $A/clean.json > "$work/out" 2>&1 &&
    cmp -s $A/clean.out "$work/out" && ok || ko "stdin"
# Without --root the moves are not checked, and the summary says so;
# the duplicates are still found.
case_ no-root 1 "" --plan $A/missing-move.json
grep -q '^move not done' "$work/out" && ko "no-root: moves checked" || ok
grep -q '(moved blocks not checked: no --root): 4 findings$' "$work/out" && ok || { ko "no-root summary"; cat "$work/out"; }
case_ no-root-finds 1 "" --plan $A/destroy.json
grep -q '(moved blocks not checked: no --root): 10 findings$' "$work/out" && ok || { ko "no-root summary"; cat "$work/out"; }
# A forget of the OAI is fine; the same forget of a bucket is not.
sed 's/"type": "aws_cloudfront_origin_access_identity"/"type": "aws_s3_bucket"/' $A/clean.json > "$work/forget.json"
case_ forget-bucket 1 "" --plan "$work/forget.json" --root $A/aws-root
grep -qx 'forget: aws_cloudfront_origin_access_identity.richie_oai (only the CloudFront origin access identity and the Edge Services plan may be forgotten, not aws_s3_bucket)' "$work/out" && ok || { ko "forget-bucket"; cat "$work/out"; }
# Usage and invalid input: exit 2, no finding line.
case_ no-plan 2 "" --root $A/aws-root
case_ extra-arg 2 "" --plan $A/clean.json extra
"$BIN" adopt verify > /dev/null 2>&1; [ $? = 2 ] && ok || ko "unknown subcommand"
case_ state-not-plan 2 "" --plan tests/golden/env-fill-aws/outputs.json
case_ missing-file 2 "" --plan "$work/none.json"
case_ bad-root 2 "" --plan $A/clean.json --root "$work/none"

# The adopt.tf files compile writes for an adopt block: the demo site's
# AWS root has the moves and the forget the clean plan was made with, and
# funmooc's bridge moves the identity instead, which that plan lacks.
G=tests/golden/ok-adopt-richie
"$BIN" compile --out "$work/tree" $G/adopt.infra $G/sites.infra > /dev/null 2>&1 && ok || ko "compile the adoption"
case_ compiled-clean 0 $A/clean.out --plan $A/clean.json --root "$work/tree/sites/richie/aws"
case_ compiled-bridge 1 "" --plan $A/clean.json --root "$work/tree/sites/funmooc/aws"
grep -q '^move not done: aws_cloudfront_origin_access_identity.funmooc_oai -> aws_cloudfront_origin_access_identity.legacy ' "$work/out" && ok || { ko "compiled-bridge"; cat "$work/out"; }
[ "$(grep -c '^move not done' "$work/out")" = 1 ] && ok || { ko "compiled-bridge: other moves"; cat "$work/out"; }

# siteinfra import of a richie site factory checkout written for the
# tests: the inputs it writes are those of the golden case
# ok-adopt-imported (compiled there), check accepts them, the compiled
# tree has the blocks of the mapping table, and nothing is overwritten
# without --force.
I=tests/golden/ok-adopt-imported
"$BIN" import --from $A/fixture-richie --to "$work/imp" > "$work/out" 2>&1 && ok || { ko "import"; cat "$work/out"; }
for f in $I/*.infra; do
	cmp -s "$f" "$work/imp/${f##*/}" && ok || { ko "import: ${f##*/}"; diff -u "$f" "$work/imp/${f##*/}"; }
done
[ "$(ls "$work/imp" | wc -l)" = "$(ls $I/*.infra | wc -l)" ] && ok || ko "import: other files"
"$BIN" check "$work/imp" > "$work/out" 2>&1 && ok || { ko "check of the import"; cat "$work/out"; }
"$BIN" compile --out "$work/imptree" "$work/imp" > /dev/null 2>&1 && ok || ko "compile of the import"
# root, then the counts of moved, removed and import blocks
blocks() {
	f=$work/imptree/$1/adopt.tf
	got="$(grep -c '^moved {' "$f") $(grep -c '^removed {' "$f") $(grep -c '^import {' "$f")"
	[ "$got" = "$2" ] && ok || ko "import: $1/adopt.tf has $got moved/removed/import blocks, want $2"
}
blocks sites/funmooc/aws "6 0 0"
blocks sites/richie/aws "6 0 0"
blocks sites/ademe/aws "7 0 0"
blocks sites/funmooc/scw "12 1 0"
blocks sites/demo/scw "12 1 0"
blocks shared/scw "0 0 1"
blocks state/aws "3 0 0"
blocks state/scw "2 0 0"
grep -q 'from = aws_acm_certificate.certificate' "$work/imptree/sites/ademe/aws/adopt.tf" && ok || ko "import: ademe's certificate"
grep -q 'key            = "demo.tfstate"' "$work/imptree/sites/richie/aws/versions.tf" && ok || ko "import: demo's state key"
cp "$work/imp/project.infra" "$work/project.before"
echo '# edited' >> "$work/imp/project.infra"
"$BIN" import --from $A/fixture-richie --to "$work/imp" > "$work/out" 2>&1
[ $? = 2 ] && grep -q "project.infra' exists; give --force to replace it" "$work/out" && ok || { ko "import over existing files"; cat "$work/out"; }
tail -1 "$work/imp/project.infra" | grep -qx '# edited' && ok || ko "import overwrote without --force"
"$BIN" import --from $A/fixture-richie --to "$work/imp" --force > /dev/null 2>&1 &&
    cmp -s "$work/project.before" "$work/imp/project.infra" && ok || ko "import --force"

# The real plan again, made here: the same findings.
if command -v terraform >/dev/null 2>&1; then
	r=$work/tf
	mkdir -p "$r/old" "$r/new/bucket_media"
	cat > "$r/old/main.tf" <<'TF'
resource "terraform_data" "richie_media" {
  input = "production-demo-media"
}

resource "terraform_data" "richie_oai" {
  input = "E2QWRUHAPOMQZL"
}

output "cloudfront_domain" {
  value = "d111111abcdef8.cloudfront.net"
}
TF
	cp $A/real/main.tf $A/real/adopt.tf "$r/new/"
	cp $A/real/bucket_media/main.tf "$r/new/bucket_media/"
	export TF_CLI_CONFIG_FILE=/dev/null TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
	if (cd "$r/old" && terraform init -input=false && terraform apply -auto-approve -input=false) > "$work/tf.log" 2>&1 &&
	    cp "$r/old/terraform.tfstate" "$r/new/" &&
	    (cd "$r/new" && terraform init -input=false && terraform plan -input=false -out=p.plan) >> "$work/tf.log" 2>&1 &&
	    terraform -chdir="$r/new" show -json p.plan > "$work/plan.json" 2>> "$work/tf.log"; then
		"$BIN" adopt check --plan "$work/plan.json" --root "$r/new" |
		    sed "s|$r/new|$A/real|" > "$work/out"
		cmp -s $A/real/plan.out "$work/out" && ok || { ko "live terraform plan"; diff -u $A/real/plan.out "$work/out"; }
	else
		ko "terraform failed to make the plan"; tail -20 "$work/tf.log"
	fi
else
	echo "skip: no terraform on PATH for the live plan"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
