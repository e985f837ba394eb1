#!/bin/sh
# suite-env.sh: siteinfra env end to end: a filled env file reads the same
# in sh and in a parser following docker's --env-file rules; it is written
# 0600, only where git ignores it; errors write nothing; and no secret that
# went through it ever lands in the generated tree.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
: "${BIN:=build/asan/siteinfra}"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
pass=0
fail=0
skipped=0
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
# The generated README's env command, run as written from the directory
# it says (infra/), with terraform's output -json replaced by the file.
mkdir -p "$work/bin"
ln -sf "$BIN" "$work/bin/siteinfra"
readme_cmd=$(awk '/^### Site portal$/ { s = 1 } s && /^Runtime env file `web`/ { w = 1 }
    w && /^```sh$/ { c = 1; next } c && /^```$/ { exit } c { print }' infra/README.md)
case $readme_cmd in
*"terraform -chdir=sites/portal/aws output -json |"*"siteinfra env portal ENV"*"-o FILE"*) ok ;;
*) ko "no env command for portal's web block in infra/README.md: $readme_cmd" ;;
esac
run=$(printf '%s\n' "$readme_cmd" | sed -e 's|terraform -chdir=sites/portal/aws output -json|cat ../outputs.json|' \
    -e 's/ ENV / production /' -e 's/ FILE/ readme-web.env/')
if (cd infra && PATH="$work/bin:$PATH" sh -c "$run") > out 2> err; then ok; else ko "the README's env command failed from infra/: $run: $(cat err)"; fi
cmp -s infra/readme-web.env web.env && ok || ko "the README's command wrote another env file than env -o"
[ "$(stat -c %a infra/readme-web.env 2>/dev/null)" = 600 ] && ok || ko "infra/readme-web.env is not 0600"
git check-ignore -q infra/readme-web.env && ok || ko "the README's env file name is not ignored by git"
rm -f infra/readme-web.env
# A file git would not ignore is refused, and nothing is written.
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o leak.txt 2> err
[ $? -eq 2 ] && [ ! -e leak.txt ] && grep -q 'not ignored by git' err && ok || ko "a non-ignored output file was not refused"
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o leak.txt --force 2> err && [ -e leak.txt ] && ok || ko "--force did not write"
rm -f leak.txt
# A file an ignore pattern matches but `git add -f` tracked is refused.
echo keep > forced.env
git add -f forced.env
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o forced.env 2> err
[ $? -eq 2 ] && [ "$(cat forced.env)" = keep ] && grep -q "is tracked by git" err && ok || ko "a tracked, ignored file was written: $(cat err)"
git rm -q --cached forced.env
rm -f forced.env
# A link (tracked or not) as the destination is refused, its target untouched.
echo 'SETTING = "tracked"' > settings.py
git add settings.py
ln -s settings.py link.env
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o link.env 2> err
[ $? -eq 2 ] && [ "$(cat settings.py)" = 'SETTING = "tracked"' ] && [ -L link.env ] && grep -q "is a symbolic link" err && ok || ko "env -o wrote through a link: $(cat err)"
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o link.env --force 2> err
[ $? -eq 2 ] && [ "$(cat settings.py)" = 'SETTING = "tracked"' ] && ok || ko "--force wrote through a link"
rm -f link.env
# A symbolic link among the directories, inside the work tree, is refused.
mkdir -p conf
ln -s conf envs
printf '/conf/*.env\n/envs/*.env\n' >> .gitignore
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o envs/web.env 2> err
[ $? -eq 2 ] && [ ! -e conf/web.env ] && grep -q "goes through the symbolic link 'envs'" err && ok || ko "env -o went through a linked directory: $(cat err)"
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o conf/web.env 2> err && ok || ko "the real directory was refused: $(cat err)"
# Outside any work tree a linked directory is followed (it may be /home).
mkdir -p "$work/plain"
ln -s "$work/plain" "$work/plainlink"
"$BIN" env portal production --provider aws --block web --outputs outputs.json -o "$work/plainlink/x.env" 2> err && [ -f "$work/plain/x.env" ] && ok || ko "a link outside any work tree was refused: $(cat err)"
# A killed run's temporary file is removed by the next run; nothing else
# is left beside the file, and the file is 0600 whatever the umask.
printf 'SECRET=old\n' > .stale.env.siteinfra-env-tmp
chmod 644 .stale.env.siteinfra-env-tmp
(umask 000; "$BIN" env portal production --provider aws --block web --outputs outputs.json -o stale.env 2> err)
[ ! -e .stale.env.siteinfra-env-tmp ] && [ "$(stat -c %a stale.env)" = 600 ] && ok || ko "the stale temporary file survived, or the mode is $(stat -c %a stale.env)"
[ -z "$(ls -A | grep siteinfra-env-tmp)" ] && ok || ko "a temporary file was left: $(ls -A | grep tmp)"
# Killed while reading the outputs: nothing is written, no temporary file.
(sleep 3; cat outputs.json) | "$BIN" env portal production --provider aws --block web --outputs - -o killed.env 2> /dev/null &
sleep 1
kill -9 $! 2> /dev/null
wait 2> /dev/null
[ ! -e killed.env ] && [ -z "$(ls -A | grep siteinfra-env-tmp)" ] && ok || ko "a killed env -o left a file"
# Fail closed: repositories git (libgit2) cannot read refuse, telling how
# to override, and --force or a path outside any repository still works.
for kind in sha256 extension owner; do
	r=$work/closed-$kind
	case $kind in
	sha256) git init -q --object-format=sha256 "$r" ;;
	extension) git init -q "$r" && git -C "$r" config core.repositoryformatversion 1 &&
		git -C "$r" config extensions.madeupextension true ;;
	owner) git init -q "$r"
		if [ "$(id -u)" -ne 0 ] || ! chown -R nobody "$r" 2> /dev/null; then
			echo "skip: dubious ownership needs root (chown)"; skipped=$((skipped + 1)); continue
		fi ;;
	esac
	echo '*.env' > "$r/.gitignore"
	# libgit2 1.5 leaks its regex when it refuses an extension.
	LSAN_OPTIONS=suppressions=$top/tests/lsan-libgit2.supp "$BIN" env portal production --provider aws --block web --outputs outputs.json -o "$r/t.env" 2> err
	st=$?
	[ $st -eq 3 ] && [ ! -e "$r/t.env" ] && grep -q "git cannot tell whether" err && grep -q -- "--force" err && ok || ko "$kind repository: exit $st, $(cat err)"
	"$BIN" env portal production --provider aws --block web --outputs outputs.json -o "$r/t.env" --force 2> err && [ -f "$r/t.env" ] && ok || ko "$kind repository with --force: $(cat err)"
done
# The outputs are capped at 16 MiB, stdin included, and read no further.
head -c 17000000 /dev/zero | tr '\0' ' ' > big.json
"$BIN" env portal production --provider aws --block web --outputs big.json 2> err
[ $? -eq 2 ] && grep -q "larger than 16 MiB" err && ok || ko "a 17 MB outputs file: $(cat err)"
yes ' ' | head -c 400000000 | "$BIN" env portal production --provider aws --block web 2> err > /dev/null
[ $? -eq 2 ] && grep -q "'<stdin>': larger than 16 MiB" err && ok || ko "400 MB on stdin: $(cat err)"
rm -f big.json
# No diagnostic shows a secret: a value sh would change, next to others.
sed "s|\"value\": \"$secret\"|\"value\": \"$secret x\"|" outputs.json > spaced.json
"$BIN" env portal production --provider aws --block web --outputs spaced.json 2> err > /dev/null
[ $? -eq 2 ] && grep -q "cannot go in an env file" err && ! grep -qF "wJalrXUtnFEMI" err && ! grep -q AKIAIOSFODNN7EXAMPLE err && ok || ko "a diagnostic shows a secret: $(cat err)"
# Duplicate member names are refused (jq, Go and Python keep the last).
sed 's|^}$|, "iam_access_key": {"sensitive": false, "type": "string", "value": "AKIAOTHER"}}|' outputs.json > dup.json
"$BIN" env portal production --provider aws --block web --outputs dup.json 2> err > /dev/null
[ $? -eq 2 ] && grep -q "duplicate member 'iam_access_key'" err && ok || ko "a duplicate member: $(cat err)"
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
[ "$skipped" -eq 0 ] || echo "$skipped skipped"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
