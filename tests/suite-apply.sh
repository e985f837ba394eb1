#!/bin/sh
# suite-apply.sh: applies the embedded sites and every example with AWS
# roots to moto (a local AWS emulator) with the real AWS provider, following
# the generated README (tests/apply/driver.py), and runs terraform test on
# the AWS roots of the golden cases (tests/apply/tftest.py).  Without
# terraform, the provider mirror, moto or boto3, it says which and counts
# its checks as skipped.
set -u
cd "$(dirname "$0")/.."
: "${BIN:=build/asan/siteinfra}" "${B:=build/asan}"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
work=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	[ -f "$work/moto.pid" ] && kill "$(cat "$work/moto.pid")" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
configs="sites=sites site-factory=examples/site-factory uploads=examples/uploads yaml=examples/yaml botolph=examples/botolph"

# The AWS provider's package in a filesystem mirror: likely places first,
# then the whole disk once; the answer is kept for the next runs.
find_provider() {
	cache=$B/tests/aws-provider.path
	if [ -f "$cache" ] && [ -f "$(cat "$cache")" ]; then
		cat "$cache"
		return
	fi
	for d in /opt /usr/local /usr/share /root/.terraform.d "${HOME:-/}/.terraform.d" /; do
		[ -d "$d" ] || continue
		p=$(find "$d" -name 'terraform-provider-aws*' -path '*registry.terraform.io*' \
		    -type f 2>/dev/null | sort | tail -n 1)
		if [ -n "$p" ]; then
			mkdir -p "$(dirname "$cache")" && echo "$p" > "$cache"
			echo "$p"
			return
		fi
	done
}

missing=
command -v terraform > /dev/null 2>&1 || missing="$missing terraform"
command -v moto_server > /dev/null 2>&1 || missing="$missing moto_server"
command -v openssl > /dev/null 2>&1 || missing="$missing openssl"
python3 -c 'import boto3, moto' > /dev/null 2>&1 || missing="$missing python3-boto3-moto"
provider=$(find_provider)
[ -n "$provider" ] || missing="$missing aws-provider-mirror"

if [ -n "$missing" ]; then
	# One skipped check per site environment and golden root not tested.
	n=0
	for c in $configs; do
		rm -rf "$work/t"
		"$BIN" compile --out "$work/t" $(echo "${c#*=}" | tr , ' ') > /dev/null 2>&1
		for f in "$work"/t/sites/*/aws/main.tf; do
			[ -f "$f" ] || continue
			e=$(grep -m1 'environments = ' "$f" | tr -cd , | wc -c)
			n=$((n + e + 1))
		done
	done
	n=$((n + $(ls -d tests/golden/ok-*/expect/sites/*/aws tests/golden/warn-*/expect/sites/*/aws 2>/dev/null | wc -l)))
	echo "skip: apply suite: missing:$missing"
	echo "0 passed, 0 failed, $n skipped"
	exit 0
fi

pkg=$(dirname "$provider")
mirror=${provider%%/registry.terraform.io/*}
echo "provider: $provider"
PYTHONDONTWRITEBYTECODE=1 timeout 2700 python3 -B tests/apply/driver.py --bin "$BIN" --work "$work" \
    --mirror "$mirror" --mirror-pkg "$pkg" --jobs 6 --tftest $configs &
pid=$!
wait "$pid"
status=$?
pid=
exit $status
