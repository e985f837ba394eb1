#!/bin/sh
# suite-accounts.sh: the multi-account example (examples/exii) under
# terraform test. Each environment root plans and applies in one apply with
# mocked providers (tests/accounts/apply.tftest.hcl); a plan before any
# image is published stops on the precondition with its message; against a
# local AWS emulator (its account is 123456789012), the environment's
# allowed_account_ids stops a plan that reaches another account, and lets
# it through when the id matches. The tree is compiled into a temporary
# directory; the pins are relaxed to the mirror's 5.x provider and 6.x
# names mapped (tests/modules/compat.py), each change printed. Needs
# terraform and a mirrored AWS provider (and moto_server for the account
# checks): without them those checks are skipped, never passed.
set -u
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}"
pass=0
fail=0
skip=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
sk() { skip=$((skip + 1)); echo "skip: $*"; }
finish() {
	echo "$pass passed, $fail failed, $skip skipped"
	[ "$fail" -eq 0 ]
	exit
}
envs="dev prod"
# compile, apply per environment, unpublished, wrong account, right account
nchecks=6

work=$(mktemp -d)
moto_pid=
cleanup() {
	[ -n "$moto_pid" ] && kill "$moto_pid" 2> /dev/null
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

tree=$work/tree
if "$BIN" compile --out "$tree" examples/exii > "$work/compile.log" 2>&1; then
	ok "examples/exii compiles"
else
	ko "examples/exii compiles"
	sed 's/^/    /' "$work/compile.log"
	finish
fi
nchecks=$((nchecks - 1))

if ! command -v terraform > /dev/null 2>&1; then
	skip=$((skip + nchecks))
	echo "skip: terraform is not installed ($nchecks checks)"
	finish
fi
plugin=$(find / -name 'terraform-provider-aws*' -path '*registry.terraform.io*' \
	-not -path '*/.terraform/*' 2> /dev/null | LC_ALL=C sort | tail -n 1)
if [ -z "$plugin" ]; then
	skip=$((skip + nchecks))
	echo "skip: no AWS provider in a filesystem mirror ($nchecks checks)"
	finish
fi
mirror=${plugin%%/registry.terraform.io/*}
version=$(echo "$plugin" | sed -n 's|.*/hashicorp/aws/\([0-9][0-9.]*\)/.*|\1|p')
echo "AWS provider $version from the mirror $mirror"
cat > "$work/cli.tfrc" << EOT
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
EOT
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
# terraform and its provider are Go programs: collecting garbage four times
# less often takes a fifth of their CPU off for a sixth more memory.
export GOGC=400
# No credentials of this machine: only the profiles written below.
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
: > "$AWS_CONFIG_FILE"
: > "$AWS_SHARED_CREDENTIALS_FILE"

if [ "${version%%.*}" != 6 ]; then
	python3 tests/modules/compat.py --provider5 "$tree" | sed 's/^/    /'
	for f in $(grep -rl 'version = "~> 6' "$tree"); do
		sed -i 's/version = "~> 6\.[0-9]*"/version = ">= 5.100"/' "$f"
		echo "    compat: ${f#"$tree"/}: provider pin ~> 6.x relaxed to >= 5.100"
	done
fi
# Terraform 1.11 mocks no ephemeral resource: the modules that generate
# passwords become stubs of the same variables and outputs (the module
# tests cover them against the emulator), overridden by the test files.
for m in database secret; do
	rm "$tree/modules/aws/$m/main.tf"
	sed -i 's/^  value *=.*/  value       = null/; /^  sensitive *=/d' \
		"$tree/modules/aws/$m/outputs.tf"
	echo "    stub: modules/aws/$m: no resources, outputs null (override_module in the tests)"
done

root=$tree/sites/exii/aws
mkdir -p "$root/tests"
if ! terraform -chdir="$root" init -backend=false -input=false -no-color > "$work/init.log" 2>&1; then
	ko "terraform init of sites/exii/aws"
	sed 's/^/    /' "$work/init.log"
	finish
fi

account_of() { sed -n "/^    $1 = {/,/^    }/s/^ *aws_account *= \"\([0-9]*\)\"/\1/p" "$root/main.tf"; }
domain_of() { sed -n "/^    $1 = {/,/^    }/s/^ *$2_domain *= \"\([^\"]*\)\"/\1/p" "$root/main.tf"; }
test_file() {
	sed -e "s/@ENV@/$1/g; s/@ACCOUNT@/$(account_of "$1")/g" \
	    -e "s/@DJANGO_DOMAIN@/$(domain_of "$1" django)/g" \
	    -e "s/@APP_DOMAIN@/$(domain_of "$1" concept)/g" \
	    tests/accounts/apply.tftest.hcl
}
tftest() {
	env=$1
	shift
	TF_WORKSPACE=$env timeout 170 terraform -chdir="$root" test -no-color "$@"
}

for e in $envs; do
	rm -f "$root"/tests/*.tftest.hcl
	test_file "$e" > "$root/tests/apply.tftest.hcl"
	if tftest "$e" > "$work/apply-$e.log" 2>&1; then
		ok "$e: plans and applies in one apply (mocked providers); the tasks run the pointer's image by digest"
	else
		ko "$e: plans and applies in one apply (mocked providers)"
		sed 's/^/    /' "$work/apply-$e.log" | tail -40
	fi
done

# The same mocks, but CI has not written the django pointer yet.
rm -f "$root"/tests/*.tftest.hcl
test_file dev | python3 -c '
import re, sys
t = sys.stdin.read()
t = t.replace("target = data.aws_ssm_parameter.django_image\n  values = { insecure_value = \"git-0a1b2c3\" }",
              "target = data.aws_ssm_parameter.django_image\n  values = { insecure_value = \"unpublished\" }")
t = re.sub(r"run \"apply\" \{.*", "run \"unpublished\" {\n  command = plan\n}\n", t, flags=re.S)
sys.stdout.write(t)' > "$root/tests/unpublished.tftest.hcl"
want='No image of exii/django is published for dev yet: push one and write its tag'
tftest dev > "$work/unpublished.log" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && tr '\n' ' ' < "$work/unpublished.log" | grep -q "$want" &&
    [ "$(grep -c '^Error: ' "$work/unpublished.log")" -eq 1 ] &&
    grep -q '^Error: Resource precondition failed' "$work/unpublished.log"; then
	ok "dev: a plan before any image is published stops on the precondition, naming the push step"
else
	ko "dev: a plan before any image is published stops on the precondition (exit $rc)"
	sed 's/^/    /' "$work/unpublished.log" | tail -40
fi

if ! command -v moto_server > /dev/null 2>&1; then
	sk "wrong account: moto_server is not installed"
	sk "right account: moto_server is not installed"
	finish
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
moto_pid=$!
i=0
until python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/')" 2> /dev/null; do
	i=$((i + 1))
	if [ "$i" -gt 50 ]; then
		ko "moto_server did not start"
		finish
	fi
	sleep 0.2
done
# Every profile the tree names, with the emulator's dummy key; every
# service at the emulator, one attempt each.
for p in exiimaster exiidev exiiprod; do
	printf '[profile %s]\nregion = eu-west-2\n' "$p" >> "$AWS_CONFIG_FILE"
	printf '[%s]\naws_access_key_id = test\naws_secret_access_key = test\n' "$p" >> "$AWS_SHARED_CREDENTIALS_FILE"
done
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_MAX_ATTEMPTS=1 AWS_EC2_METADATA_DISABLED=true
rm -f "$root"/tests/*.tftest.hcl
cp tests/accounts/account.tftest.hcl "$root/tests/"
tftest dev > "$work/account.log" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && grep -q 'AWS account ID not allowed: 123456789012' "$work/account.log"; then
	ok "dev: a profile that reaches another account (123456789012, not $(account_of dev)) fails the plan on allowed_account_ids"
else
	ko "dev: a profile that reaches another account fails the plan on allowed_account_ids (exit $rc)"
	sed 's/^/    /' "$work/account.log" | tail -30
fi
# The control: with the emulator's own id, the provider lets the plan on.
sed -i "s/aws_account *= \"$(account_of dev)\"/aws_account = \"123456789012\"/" "$root/main.tf"
tftest dev > "$work/account-ok.log" 2>&1
rc=$?
then=$(grep -m 1 '^Error: ' "$work/account-ok.log")
[ "$rc" -eq 0 ] && then="the plan succeeds"
if [ "$(account_of dev)" = 123456789012 ] && ! grep -q 'not allowed' "$work/account-ok.log"; then
	ok "dev: with the emulator's account id the same plan passes allowed_account_ids (then: ${then:-no error reported})"
else
	ko "dev: with the emulator's account id the same plan passes allowed_account_ids"
	sed 's/^/    /' "$work/account-ok.log" | tail -30
fi
finish
