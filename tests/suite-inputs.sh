#!/bin/sh
# suite-inputs.sh: hostile input names and links, and errors that must not
# be lost: a file name holding a newline, an escape sequence or invalid
# UTF-8 is refused and reaches no generated header and no terminal raw; a
# linked input is refused without echoing its target; warnings cannot push
# an error out of the output or the JSON report; a huge bad value prints a
# bounded message.
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
export LC_ALL=C
nl='
'
esc=$(printf '\033')

site() { # site DIR: a valid site in DIR/sites/ok.infra
	mkdir -p "$1/sites"
	cat > "$1/sites/ok.infra" <<'EOF'
environments = ["production"]

state "aws" {
  bucket = "example-terraform-state"
  region = "eu-west-1"
}

site "demo" {
  bucket "media" {}
}
EOF
}

# --- a newline in a file name: an injected resource in every header ---
d=$work/newline
site "$d"
cd "$d"
name="sites/x${nl}resource \"aws_iam_user\" \"pwn\" {}${nl}#.infra"
cp sites/ok.infra "$name"
"$BIN" compile > out 2> err
st=$?
[ $st -eq 2 ] && ok || ko "a newline in an input name: exit $st"
grep -q "input name 'sites/x\\\\x0aresource" err && grep -q "it holds a line break; rename it" err && ok || ko "the refusal does not show the escaped name: $(cat err)"
if [ -d infra ] && grep -rq "aws_iam_user" infra; then ko "the injected resource reached infra/"; else ok; fi
[ "$(grep -c '^resource' err)" -eq 0 ] && [ "$(grep -c '^resource' out)" -eq 0 ] && ok || ko "the name reached the terminal raw"
"$BIN" check --format json > report.json 2> /dev/null
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' report.json 2> /dev/null && ok || ko "the JSON report is not JSON"
"$BIN" fmt --check > out 2> err
[ $? -eq 2 ] && [ "$(grep -c '^resource' out err)" = "out:0${nl}err:0" ] && ok || ko "fmt --check printed the name raw"
# Named on the command line, the same.
"$BIN" check "$name" 2> err
[ $? -eq 2 ] && grep -q "input name" err && ok || ko "a newline in a named input"
rm -f "$name"
"$BIN" compile > /dev/null 2>&1 && ok || ko "the clean tree does not compile"
cd "$work"

# --- escape sequences and invalid UTF-8 never reach the terminal ---
d=$work/escape
site "$d"
cd "$d"
cp sites/ok.infra "sites/${esc}]0;owned${esc}\\${esc}[2J.infra"
cp sites/ok.infra "sites/$(printf '\342\200\256')gnp.infra"	# U+202E
cp sites/ok.infra "sites/$(printf '\377').infra"
"$BIN" check > out 2> err
[ $? -eq 2 ] && ok || ko "an escape sequence in an input name was accepted"
grep -q "$esc" out err && ko "an ESC byte reached the terminal" || ok
[ "$(grep -c 'input name .* is refused' err)" -eq 3 ] && ok || ko "not three refusals: $(cat err)"
grep -q "it is not valid UTF-8" err && grep -q 'it holds a control or invisible character' err && ok || ko "the reasons: $(cat err)"
# A diagnostic about a file given by another name (--outputs) is escaped too.
cp sites/ok.infra "e${esc}[31m.json"
"$BIN" env demo production --outputs "e${esc}[31m.json" 2> err
grep -q "$esc" err && ko "an ESC byte in --outputs reached the terminal" || ok
cd "$work"

# --- a linked input is refused and its target never echoed ---
d=$work/link
site "$d"
cd "$d"
printf 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY\n' > "$work/credentials"
ln -s "$work/credentials" sites/e.infra
"$BIN" check > out 2> err
st=$?
[ $st -eq 2 ] && grep -q "input 'sites/e.infra' is a symbolic link" err && ok || ko "a linked input: exit $st, $(cat err)"
grep -q SECRETKEY out err && ko "check echoed the linked file" || ok
"$BIN" check sites/e.infra > out 2> err
[ $? -eq 2 ] && ! grep -q SECRETKEY out err && ok || ko "a linked input named on the command line"
rm sites/e.infra
# A linked directory of inputs, too.
ln -s sites linked
"$BIN" check linked > out 2> err
[ $? -eq 2 ] && grep -q "input 'linked' is a symbolic link" err && ok || ko "a linked directory: $(cat err)"
"$BIN" check linked/ > out 2> err
[ $? -eq 2 ] && grep -q "input 'linked/' is a symbolic link" err && ok || ko "a linked directory named with a slash: $(cat err)"
"$BIN" check > /dev/null 2>&1 && ok || ko "the clean tree does not check"
cd "$work"

# --- 201 sites that warn, then an error: the error is shown and counted ---
d=$work/cap
mkdir -p "$d/sites"
cd "$d"
{
	printf 'environments = ["production"]\n\nstate "aws" {\n  bucket = "example-terraform-state"\n  region = "eu-west-1"\n}\n'
	i=0
	while [ $i -lt 201 ]; do
		printf '\nsite "s%03d" {\n  bucket "files" {}\n\n  env "web" {\n    DJANGO_SECRET_KEY = "change-me"\n  }\n}\n' $i
		i=$((i + 1))
	done
} > sites/a.infra
printf 'site "late" {\n  region = "mars-1"\n}\n' > sites/z.infra
# -v: each warning kept is shown, not one summary.
"$BIN" check -v > out 2> err
st=$?
[ $st -eq 2 ] && ok || ko "201 warnings and an error: exit $st"
grep -q "^sites/z.infra:2:12: error: invalid aws region 'mars-1'" err && ok || ko "the error is not shown: $(tail -3 err)"
tail -n 1 err | grep -qx "siteinfra: 1 error, 201 warnings (200 shown)" && ok || ko "the count: $(tail -n 1 err)"
"$BIN" compile --format json > report.json 2> /dev/null
python3 - report.json <<'EOF' && ok || ko "the JSON report lacks the error"
import json, sys
r = json.load(open(sys.argv[1]))
errs = [d for d in r["diagnostics"] if d["severity"] == "error"]
sys.exit(0 if len(errs) == 1 and "mars-1" in errs[0]["message"] and r["status"] == 2 else 1)
EOF
cd "$work"

# --- a 100 MB bad value prints a bounded message ---
d=$work/huge
site "$d"
cd "$d"
{
	printf 'site "huge" {\n  region = "'
	head -c 100000000 /dev/zero | tr '\0' 'a'
	printf '"\n}\n'
} > sites/huge.infra
"$BIN" check > out 2> err
st=$?
size=$(wc -c < err)
[ $st -eq 2 ] && [ "$size" -lt 4000 ] && grep -q "invalid aws region 'aaa.*\.\.\.aaa*'" err && ok || ko "a 100 MB value: exit $st, $size bytes on stderr"
cd "$work"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
