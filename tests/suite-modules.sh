#!/bin/sh
# suite-modules.sh: the AWS app-stack modules of templates/aws, each copied
# with tests/modules/providers.tf into a test root of its own:
# terraform validate; terraform test with mocked providers; terraform test
# against a local AWS emulator (moto_server) where it implements the
# services; then one apply of the secret-holding modules whose state, plan
# and outputs are searched for the secret values read back from the
# emulator. Needs terraform and a mirrored AWS provider; without them every
# check is skipped, never passed. MODULES_EMULATOR=0 skips the emulator
# (the slow part: the RDS waiters alone take minutes).
set -u
cd "$(dirname "$0")/.."
modules="network alb service task database secret email"
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
nchecks() {
	# Every module counts for validate + its runs; used when all is skipped.
	n=0
	for m in $modules; do
		n=$((n + 1))
		for f in tests/modules/"$m"/*.tftest.hcl; do
			[ -f "$f" ] && n=$((n + $(grep -c '^run "' "$f")))
		done
	done
	echo "$n"
}

if ! command -v terraform > /dev/null 2>&1; then
	skip=$(nchecks)
	echo "skip: terraform is not installed ($skip checks)"
	finish
fi
plugin=$(find / -name 'terraform-provider-aws*' -path '*registry.terraform.io*' \
	-not -path '*/.terraform/*' 2> /dev/null | LC_ALL=C sort | tail -n 1)
if [ -z "$plugin" ]; then
	skip=$(nchecks)
	echo "skip: no AWS provider in a filesystem mirror ($skip checks)"
	finish
fi
mirror=${plugin%%/registry.terraform.io/*}
version=$(echo "$plugin" | sed -n 's|.*/hashicorp/aws/\([0-9][0-9.]*\)/.*|\1|p')
major=${version%%.*}
echo "AWS provider $version from the mirror $mirror"

work=$(mktemp -d)
moto_pids=
cleanup() {
	for p in $moto_pids; do
		kill "$p" 2> /dev/null
	done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
mkdir -p "$work/plugins"
cat > "$work/cli.tfrc" << CONF
plugin_cache_dir = "$work/plugins"
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
CONF
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
# terraform and its provider are Go programs: collecting garbage four times
# less often takes a fifth of their CPU off for a sixth more memory.
export GOGC=400
unset TF_WORKSPACE TF_CLI_ARGS TF_CLI_ARGS_test TF_DATA_DIR
# Fills the plugin cache once: parallel first installs into it collide.
mkdir -p "$work/warm"
printf 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n' > "$work/warm/main.tf"
if ! (cd "$work/warm" && timeout 300 terraform init -input=false -no-color > init.log 2>&1); then
	cat "$work/warm/init.log"
	ko "terraform init with the mirrored provider"
	finish
fi

# Private emulators on free loopback ports, with ACM certificates issued at
# once. Two: moto gives every RDS instance the same DbiResourceId, by which
# the provider finds an instance, so each holds at most one at a time.
moto_start() {
	moto_url=
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	MOTO_ACM_VALIDATION_WAIT=0 moto_server -H 127.0.0.1 -p "$port" > "$work/moto-$port.log" 2>&1 &
	moto_pids="$moto_pids $!"
	i=0
	while [ $i -lt 60 ]; do
		if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/', timeout=1)" 2> /dev/null; then
			moto_url=http://127.0.0.1:$port
			return
		fi
		sleep 0.5
		i=$((i + 1))
	done
}
endpoint=
leak_endpoint=
if [ "${MODULES_EMULATOR:-1}" = 0 ]; then
	echo "MODULES_EMULATOR=0: emulator checks skipped"
elif command -v moto_server > /dev/null 2>&1; then
	moto_start
	endpoint=$moto_url
	moto_start
	leak_endpoint=$moto_url
	if [ -z "$endpoint" ] || [ -z "$leak_endpoint" ]; then
		endpoint=
		echo "moto_server did not start: emulator checks skipped"
	fi
else
	echo "moto_server is not installed: emulator checks skipped"
fi

# root MODULE MODE: a test root in $work/MODULE-MODE.
root() {
	d=$work/$1-$2
	mkdir -p "$d"
	cp templates/aws/"$1"/*.tf tests/modules/providers.tf "$d"/
	cp tests/modules/"$1"/*.tftest.hcl "$d"/ 2> /dev/null
	cp -r tests/modules/fixture "$d"/fixture
	flags=
	[ "$major" -lt 6 ] && flags=--provider5
	[ "$2" = moto ] && flags="$flags --emulator"
	[ -n "$flags" ] && python3 tests/modules/compat.py $flags "$d" | sed "s|^|$1: |"
	(cd "$d" && timeout 300 terraform init -input=false -no-color > init.log 2>&1) ||
		{ cat "$d/init.log"; return 1; }
}

# tftest DIR LOG TIMEOUT ARGS...: terraform test in DIR, once more when the
# provider plugin did not answer in time (an overloaded machine, not a
# test result).
tftest() {
	dir=$1 log=$2 limit=$3
	shift 3
	(cd "$dir" && timeout "$limit" terraform test -no-color "$@" > "$log" 2>&1)
	if grep -q 'Plugin did not respond' "$log"; then
		echo "retry: $dir: the provider plugin did not respond"
		(cd "$dir" && timeout "$limit" terraform test -no-color "$@" > "$log" 2>&1)
	fi
	return 0
}

# runs MODULE LOG LABEL: counts each run of a terraform test log.
runs() {
	grep -E '^  run "[^"]*"\.\.\. (pass|fail|skip)$' "$2" > "$2.runs" || true
	if [ ! -s "$2.runs" ]; then
		ko "$1 $3: no test ran"
		sed 's/^/    /' "$2" | tail -n 30
		return
	fi
	while read -r _ name result; do
		name=$(echo "$name" | tr -d '".')
		case $result in
		pass) ok "$1 $3 $name" ;;
		fail) ko "$1 $3 $name" ;;
		*) sk "$1 $3 $name (not run after an earlier failure)" ;;
		esac
	done < "$2.runs"
	grep -q ' fail$' "$2.runs" && sed 's/^/    /' "$2" | grep -vE '^\s*$' | tail -n 40
	return 0
}

# deferred MODULE: plans the module behind depends_on (its data sources read
# at apply time only), as the generated roots call it.
deferred() {
	[ -d "tests/modules/$1/deferred" ] || return 0
	d=$work/$1-deferred
	mkdir -p "$d/module"
	cp tests/modules/"$1"/deferred/* tests/modules/providers.tf "$d"/
	cp templates/aws/"$1"/*.tf "$d/module"/
	[ "$major" -lt 6 ] && python3 tests/modules/compat.py --provider5 "$d" | sed "s|^|$1: |"
	if (cd "$d" && timeout 300 terraform init -input=false -no-color > init.log 2>&1); then
		tftest "$d" "$d/deferred.log" 600
		runs "$1" "$d/deferred.log" deferred
	else
		ko "$1 deferred: terraform init"
	fi
}

# One job per module, in parallel: most of the time is spent waiting.
job() {
	m=$1
	{
		if root "$m" mock; then
			if (cd "$work/$m-mock" && terraform validate -no-color > validate.log 2>&1); then
				ok "$m validate"
			else
				ko "$m validate"
				sed 's/^/    /' "$work/$m-mock/validate.log"
			fi
			if [ -f "tests/modules/$m/mock.tftest.hcl" ]; then
				tftest "$work/$m-mock" "$work/$m-mock/mock.log" 600 -filter=mock.tftest.hcl
				runs "$m" "$work/$m-mock/mock.log" mock
			else
				sk "$m mock: Terraform 1.11 mocks no ephemeral resources; tested against the emulator"
			fi
			if [ -f "tests/modules/$m/mock.6x.tftest.hcl" ]; then
				if [ "$major" -ge 6 ]; then
					tftest "$work/$m-mock" "$work/$m-mock/mock6.log" 600 -filter=mock.6x.tftest.hcl
					runs "$m" "$work/$m-mock/mock6.log" mock
				else
					for r in $(sed -n 's/^run "\([^"]*\)".*/\1/p' "tests/modules/$m/mock.6x.tftest.hcl"); do
						sk "$m mock $r: needs AWS provider 6.x (mirror has $version)"
					done
				fi
			fi
			deferred "$m"
		else
			ko "$m: terraform init"
		fi
		if [ -f "tests/modules/$m/moto.skip" ]; then
			sk "$m emulator: $(cat "tests/modules/$m/moto.skip")"
		elif [ -f "tests/modules/$m/moto.tftest.hcl" ]; then
			if [ -z "$endpoint" ]; then
				for r in $(sed -n 's/^run "\([^"]*\)".*/\1/p' "tests/modules/$m/moto.tftest.hcl"); do
					sk "$m emulator $r: no emulator"
				done
			elif root "$m" moto; then
				tftest "$work/$m-moto" "$work/$m-moto/moto.log" 900 \
					-filter=moto.tftest.hcl -var "endpoint=$endpoint"
				runs "$m" "$work/$m-moto/moto.log" emulator
			else
				ko "$m emulator: terraform init"
			fi
		fi
	}
}

# Secrets never in state, plan or outputs: apply the secret-holding modules,
# read every value back from the emulator, search for each.
leak() {
	d=$work/leak
	mkdir -p "$d/modules"
	for m in database secret; do
		mkdir -p "$d/modules/$m"
		cp templates/aws/"$m"/*.tf "$d/modules/$m"/
	done
	cp tests/modules/leak/main.tf tests/modules/providers.tf "$d"/
	cp -r tests/modules/fixture "$d"/fixture
	[ "$major" -lt 6 ] && python3 tests/modules/compat.py --provider5 "$d" | sed 's/^/leak: /'
	if ! (cd "$d" && timeout 300 terraform init -input=false -no-color > init.log 2>&1 &&
		timeout 900 terraform apply -auto-approve -input=false -no-color \
			-var "endpoint=$leak_endpoint" > apply.log 2>&1); then
		ko "apply of the secret-holding modules"
		cat "$d/init.log" "$d/apply.log" | grep -vE '^\s*$' | tail -n 40 | sed 's/^/    /'
		return
	fi
	ok "apply of the secret-holding modules"
	# A rotation plan reads the current password back: it must not show it.
	(cd "$d" && timeout 600 terraform plan -input=false -no-color -out=rotate.plan \
		-var "endpoint=$leak_endpoint" -var password_version=2 > plan.log 2>&1 &&
		terraform show -json rotate.plan > plan.json &&
		terraform output -json > outputs.json) || ko "rotation plan of the secret-holding modules"
	if python3 tests/modules/leak/values.py "$leak_endpoint" "$d/outputs.json" > "$d/values" 2> "$d/values.err"; then
		ok "secret values read back from the emulator ($(wc -l < "$d/values" | tr -d ' ') values), outputs reference them by ARN"
	else
		ko "secret values read back from the emulator, outputs"
		sed 's/^/    /' "$d/values.err"
		return
	fi
	for f in terraform.tfstate plan.json outputs.json plan.log apply.log; do
		if [ ! -s "$d/$f" ]; then
			ko "no $f to search"
		elif grep -qFf "$d/values" "$d/$f"; then
			ko "a secret value is in $f"
		else
			ok "no secret value in $f"
		fi
	done
}

pids=
for m in $modules; do
	job "$m" > "$work/$m.out" 2>&1 &
	pids="$pids $!"
done
if [ -n "$endpoint" ]; then
	leak > "$work/leak.out" 2>&1 &
	pids="$pids $!"
else
	echo 'skip: secret values in state, plan and outputs: no emulator' > "$work/leak.out"
fi
for p in $pids; do
	wait "$p"
done
for m in $modules leak; do
	cat "$work/$m.out"
	pass=$((pass + $(grep -c '^ok: ' "$work/$m.out")))
	fail=$((fail + $(grep -c '^FAIL: ' "$work/$m.out")))
	skip=$((skip + $(grep -c '^skip: ' "$work/$m.out")))
done
finish
