#!/bin/sh
# suite-env.sh: siteinfra env end to end: a filled env file reads the same
# in sh and in a parser following docker's --env-file rules; it is written
# 0600, only where git ignores it; errors write nothing; and no secret that
# went through it ever lands in the generated tree.
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
export HOME=$work GIT_CONFIG_NOSYSTEM=1

# docker's rules (cli/opts/envfile.go): leading blanks of a line are
# dropped; empty lines and lines starting with '#' are skipped; the name
# ends at the first '=' and may not hold blanks; the value is the rest of
# the line, verbatim (no quote removal, no trimming, no expansion).
docker_env() {
	awk '{
		sub(/^[ \t\r\f\v]+/, "")
		if ($0 == "" || substr($0, 1, 1) == "#") next
		i = index($0, "=")
		if (i == 0) { print "no value for " $0 > "/dev/stderr"; exit 1 }
		name = substr($0, 1, i - 1)
		if (name ~ /[ \t]/) { print "blank in name " name > "/dev/stderr"; exit 1 }
		print name "=" substr($0, i + 1)
	}' "$1" | LC_ALL=C sort
}

# What a POSIX shell sees after `set -a; . FILE`.
sh_env() {
	names=$(docker_env "$1" | sed 's/=.*//')
	env -i PATH="$PATH" sh -c 'set -a; . "./$1"; shift; for n; do eval "printf \"%s=%s\\n\" \"\$n\" \"\${$n}\""; done' sh "$1" $names | LC_ALL=C sort
}

mkdir -p "$work/repo/sites"
cd "$work/repo"
git init -q . && git config user.name Test && git config user.email test@example.org
cp "$OLDPWD/tests/golden/ok-env-two-blocks/site.infra" sites/
# A real `terraform output -json` document: sensitive values included,
# values with every character the quoting rule allows.
cat > outputs.json <<'JSON'
{
  "cdn_alias_record": {"sensitive": false, "type": ["object", {"name": "string"}], "value": null},
  "cloudfront_distribution_id": {"sensitive": false, "type": "string", "value": "E2QWRUHAPOMQZL"},
  "cloudfront_domain": {"sensitive": false, "type": "string", "value": "d111111abcdef8.cloudfront.net"},
  "exports_bucket_name": {"sensitive": false, "type": "string", "value": "production-portal-exports"},
  "exports_bucket_region": {"sensitive": false, "type": "string", "value": "eu-west-3"},
  "iam_access_key": {"sensitive": false, "type": "string", "value": "AKIAIOSFODNN7EXAMPLE"},
  "iam_access_secret": {"sensitive": true, "type": "string", "value": "wJalrXUtnFEMI/K7MDENG+bPxRfiCY=EXAMPLE:@%,.-_"},
  "media_bucket_name": {"sensitive": false, "type": "string", "value": "production-portal-media"},
  "media_bucket_region": {"sensitive": false, "type": "string", "value": "eu-west-3"},
  "siteinfra": {"sensitive": false, "type": ["object", {"environment": "string", "provider": "string", "site": "string"}], "value": {"environment": "production", "provider": "aws", "site": "portal"}}
}
JSON
secret="wJalrXUtnFEMI/K7MDENG+bPxRfiCY=EXAMPLE:@%,.-_"
printf '/*.env\n/outputs.json\n' > .gitignore

if "$BIN" compile > /dev/null 2>&1; then ok; else ko "compile"; fi
if "$BIN" env portal production --provider aws --block web --outputs outputs.json -o web.env 2> err; then ok; else ko "env -o web.env: $(cat err)"; fi
[ "$(stat -c %a web.env 2>/dev/null)" = 600 ] && ok || ko "web.env mode is $(stat -c %a web.env 2>/dev/null), not 600"
grep -q "^SECRET_ACCESS_KEY=$secret\$" web.env && ok || ko "the secret is not in web.env"
grep -q '^SETTINGS=portal.settings.Production$' web.env && ok || ko "the per-environment literal is wrong"
if [ "$(docker_env web.env)" = "$(sh_env web.env)" ] && [ -n "$(docker_env web.env)" ]; then ok; else
	ko "sh and docker read web.env differently"
	docker_env web.env > d1; sh_env web.env > d2; diff d1 d2 | sed 's/^/    /'
fi
# Every value the quoting rule allows reads the same both ways.
printf 'A=abc.DEF_123\nB=x/y+z=w\nC=@:%%,.-_\nD=\nE=postgres://u@db:5432/app?sslmode=require\nF=a#b*c[d]{e}!^\nG=caf\303\251\nH=#x\nI=*\n' > rule.env
# Even where files would match those glob characters.
: > aa
: > ab
[ "$(docker_env rule.env)" = "$(sh_env rule.env)" ] && ok || ko "the quoting rule's characters read differently"
# stdin works like a file.
"$BIN" env portal production --provider aws --block worker --outputs - < outputs.json > worker.out 2> err && ok || ko "env from stdin: $(cat err)"
grep -q '^EXPORTS_BUCKET=production-portal-exports$' worker.out && ok || ko "worker env from stdin"
# A file git would not ignore is refused, and nothing is written.
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o leak.txt 2> err
[ $? -eq 2 ] && [ ! -e leak.txt ] && grep -q 'not ignored by git' err && ok || ko "a non-ignored output file was not refused"
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o leak.txt --force 2> err && [ -e leak.txt ] && ok || ko "--force did not write"
rm -f leak.txt
# Errors write nothing, even over an existing file.
echo keep > old.env
sed 's/"iam_access_key"/"other_key"/' outputs.json > broken.json
"$BIN" env portal production --provider aws --block web --outputs broken.json -o old.env 2> err
[ $? -eq 2 ] && [ "$(cat old.env)" = keep ] && ok || ko "an error touched old.env"
# No secret that went through siteinfra env lands in the tree, even after
# compiling again, checking, or committing it.
"$BIN" compile > /dev/null 2>&1
"$BIN" compile --check > /dev/null 2>&1 && ok || ko "compile --check after env"
if grep -rqF -- "$secret" infra; then ko "a secret landed in infra/"; else ok; fi
if grep -rqF -- "AKIAIOSFODNN7EXAMPLE" infra; then ko "an access key landed in infra/"; else ok; fi
git add -A > /dev/null 2>&1
if git diff --cached --name-only | grep -qE '(^|/)(web|worker|old)\.env$|outputs\.json'; then ko "git would commit a filled env file"; else ok; fi
cd "$OLDPWD"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
