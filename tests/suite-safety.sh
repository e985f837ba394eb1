#!/bin/sh
# suite-safety.sh: compile, --check and diff never touch or read a file
# outside the output tree, whatever a committed manifest or a link in the
# tree says: manifest lines are checked and owned only in the shapes
# siteinfra generates, no link is followed, --check without a manifest is
# not a pass, a refused directory keeps no lock file, and the temporary
# files of a write are ignored by git.
set -u
. "$(dirname "$0")/lib.sh"

mkdir -p "$work/p/sites" "$work/outside"
cd "$work/p"
cp "$top/sites/"*.infra sites/
printf 'site "extra" {\n  bucket "media" {}\n}\n' > sites/zz-extra.infra
"$BIN" compile > out 2>&1 || ko "first compile: $(cat out)"
m=infra/.siteinfra.manifest
cp "$m" "$work/manifest"
echo 'the victim' > "$work/victim.txt"
echo 'aws_secret_access_key = SECRET' > "$work/outside/creds"
lines=$(wc -l < "$work/manifest")
site=demo

# bad_manifest NAME LINE: with LINE appended to the manifest, compile
# (--force too), --check and diff exit 2 with a diagnostic at the line,
# and nothing in or out of the tree changes.
bad_manifest() {
	name=$1
	cp "$work/manifest" "$m"
	printf '%s\n' "$2" >> "$m"
	b=$(content infra)
	v=$(sha256sum < "$work/victim.txt")
	for cmd in compile "compile --force" "compile --check" diff "compile --diff"; do
		"$BIN" $cmd > out 2>&1; rc=$?
		[ $rc -eq 2 ] && grep -q "^infra/.siteinfra.manifest:$((lines + 1)):[0-9]*: error: " out && ok || ko "$name: $cmd: exit $rc, $(head -3 out)"
		! grep -q SECRET out && ok || ko "$name: $cmd printed a file outside the tree"
	done
	[ "$(content infra)" = "$b" ] && ok || ko "$name: the tree changed"
	[ "$(sha256sum < "$work/victim.txt")" = "$v" ] && [ -f "$work/victim.txt" ] && ok || ko "$name: a file outside the tree changed"
}
vhash=$(sha256sum < "$work/victim.txt" | cut -d' ' -f1)
chash=$(sha256sum < "$work/outside/creds" | cut -d' ' -f1)
bad_manifest "../ to delete" "$vhash  ../../victim.txt"
grep -q "lists '../../victim.txt': the path has a '..' component" out && ok || ko "the message does not say what is wrong: $(head -2 out)"
bad_manifest "../ to print" "$chash  ../../../../../../../..$work/outside/creds"
bad_manifest "absolute" "$chash  $work/outside/creds"
bad_manifest "empty component" "$vhash  sites//aws/main.tf"
bad_manifest "dot component" "$vhash  ./README.md"
bad_manifest "control character" "$(printf '%s  sites/x\033[2J/aws/main.tf' "$vhash")"
bad_manifest "not a line" "not a manifest line"
bad_manifest "short hash" "abc  README.md"
bad_manifest "listed twice" "$(head -1 "$work/manifest")"
# A NUL byte in a path.
cp "$work/manifest" "$m"
printf '%s  sites/%s/aws/ma\000in.tf\n' "$vhash" "$site" >> "$m"
"$BIN" compile --check > out 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q "NUL byte" out && ok || ko "a NUL in a manifest path: exit $rc $(head -2 out)"
# The column points at the offending byte.
cp "$work/manifest" "$m"
printf '%s  sites/%s/../../../victim.txt\n' "$vhash" "$site" >> "$m"
"$BIN" compile > out 2>&1
col=$((67 + 6 + ${#site} + 1))
grep -q "^infra/.siteinfra.manifest:$((lines + 1)):$col: error: " out && ok || ko "the column is not that of '..': $(head -1 out)"

# --- ownership: only the shapes siteinfra generates, --force or not ---
mkdir -p infra/state/aws
echo '{"the only copy": "of the bootstrap state"}' > infra/state/aws/terraform.tfstate
tfs=$(sha256sum < infra/state/aws/terraform.tfstate | cut -d' ' -f1)
for p in state/aws/terraform.tfstate state/aws/terraform.tfstate.backup \
    sites/x/aws/terraform.tfvars .siteinfra.cache .git/config modules/aws/evil/main.tf \
    env.d/aws sites/x/y/z/main.tf; do
	bad_manifest "unowned $p" "$tfs  $p"
	grep -q "lists '$p', which is not a name siteinfra generates" out && ok || ko "unowned $p: $(head -2 out)"
done
[ -f infra/state/aws/terraform.tfstate ] && ok || ko "--force deleted the bootstrap state"
cp "$work/manifest" "$m"
"$BIN" compile > out 2>&1 && ok || ko "the good manifest back: $(cat out)"
[ -f infra/state/aws/terraform.tfstate ] && ok || ko "compile deleted the bootstrap state"
rm infra/state/aws/terraform.tfstate

# --- a hand-edited file that is not generated any more ---
mv sites/zz-extra.infra "$work/"
cp -R infra "$work/before-orphan"
f=$(grep -o "sites/extra/aws/main.tf" "$m" | head -1)
echo '# my change' >> "infra/$f"
"$BIN" compile > out 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q "infra/$f is not generated any more, and was edited by hand" out && ok || ko "edited orphan: exit $rc $(head -3 out)"
! grep "infra/$f" out | grep -q -- --force && ok || ko "the edited orphan's message recommends --force: $(grep "infra/$f" out)"
[ -f "infra/$f" ] && ok || ko "the edited orphan was deleted"
rm -rf infra && mv "$work/before-orphan" infra
mv "$work/zz-extra.infra" sites/

# --- no link is followed inside the tree ---
"$BIN" compile > /dev/null 2>&1
b=$(content infra)
rm -r "infra/sites/$site"
ln -s "$work/outside" "infra/sites/$site"
for cmd in compile "compile --force" "compile --check" diff; do
	"$BIN" $cmd > out 2>&1; rc=$?
	[ $rc -eq 2 ] && grep -q "'infra/sites/$site' is a symbolic link" out && ok || ko "link for a site directory: $cmd: exit $rc $(head -3 out)"
done
[ "$(ls "$work/outside")" = creds ] && ok || ko "compile wrote through the link: $(ls "$work/outside")"
# Removing the site later does not delete anything through the link.
mkdir -p "$work/outside/aws" && echo keep > "$work/outside/aws/main.tf"
mv sites/zz-extra.infra "$work/"
rm -r infra/sites/extra && ln -s "$work/outside" infra/sites/extra
"$BIN" compile --force > out 2>&1; rc=$?
[ $rc -eq 2 ] && [ "$(cat "$work/outside/aws/main.tf")" = keep ] && ok || ko "deleted through a link: exit $rc $(head -3 out)"
mv "$work/zz-extra.infra" sites/
rm infra/sites/extra
rm -rf "$work/outside/aws" "infra/sites/$site"
"$BIN" compile > out 2>&1 && [ "$(content infra)" = "$b" ] && ok || ko "the tree is not back after the link: $(tail -3 out)"
# A link deeper down, and a link for a whole top directory.
for d in "sites/$site/aws" modules; do
	mv "infra/$d" "$work/moved"
	ln -s "$work/moved" "infra/$d"
	"$BIN" compile > out 2>&1; rc=$?
	[ $rc -eq 2 ] && grep -q "'infra/$d' is a symbolic link" out && ok || ko "link for $d: exit $rc $(head -2 out)"
	"$BIN" compile --check > out 2>&1; rc=$?
	[ $rc -eq 2 ] && ok || ko "link for $d: --check exit $rc"
	rm "infra/$d" && mv "$work/moved" "infra/$d"
done
# A link in place of a generated file is not read, and --force replaces
# the link itself, never its target.
f=infra/sites/$site/aws/main.tf
cp "$f" "$work/main.tf"
rm "$f" && ln -s "$work/victim.txt" "$f"
"$BIN" diff > out 2>&1; rc=$?
[ $rc -eq 1 ] && ! grep -q 'the victim' out && ok || ko "diff read through a file link: exit $rc"
"$BIN" compile > out 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q 'not generated by siteinfra' out && ok || ko "a file link was not refused: exit $rc $(head -2 out)"
"$BIN" compile --force > out 2>&1; rc=$?
[ $rc -eq 0 ] && [ ! -L "$f" ] && cmp -s "$f" "$work/main.tf" && [ "$(cat "$work/victim.txt")" = 'the victim' ] && ok || ko "--force over a file link: exit $rc $(head -2 out)"
# The manifest itself as a link.
cp "$m" "$work/manifest-copy"
rm "$m" && ln -s "$work/manifest-copy" "$m"
"$BIN" compile --check > out 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q "'infra/.siteinfra.manifest' is a symbolic link" out && ok || ko "a linked manifest: exit $rc $(head -2 out)"
rm "$m" && cp "$work/manifest-copy" "$m"
# The stat cache naming a path outside the tree is not trusted.
"$BIN" compile > /dev/null 2>&1
sed -i "s# sites/$site/aws/main.tf\$# ../../victim.txt#" infra/.siteinfra.cache
"$BIN" compile --check > out 2>&1 && ok || ko "a bad cache path: exit $? $(cat out)"
[ "$(cat "$work/victim.txt")" = 'the victim' ] && ok || ko "a bad cache path touched the victim"

# --- --check and diff without a manifest are not a pass ---
rm "$m"
for cmd in "compile --check" diff "compile --check --format json"; do
	"$BIN" $cmd > out 2>&1; rc=$?
	[ $rc -eq 2 ] && grep -q "has no .siteinfra.manifest" out && ok || ko "$cmd without a manifest: exit $rc, $(head -2 out)"
done
grep -q '"status": 2' out && ok || ko "the JSON status without a manifest is not 2: $(grep status out)"
cp "$work/manifest" "$m"

# --- a refused directory keeps no lock file ---
"$BIN" compile --out . > out 2>&1; rc=$?
[ $rc -eq 2 ] && [ ! -e .siteinfra.lock ] && ok || ko "--out .: exit $rc, lock: $(ls -a | grep lock)"
"$BIN" compile --out sites > out 2>&1; rc=$?
[ $rc -eq 2 ] && [ ! -e sites/.siteinfra.lock ] && ok || ko "--out sites: exit $rc, lock: $(ls -a sites | grep lock)"
mkdir -p notmine && echo x > notmine/file
"$BIN" compile --out notmine > out 2>&1; rc=$?
[ $rc -eq 2 ] && [ "$(ls -A notmine)" = file ] && ok || ko "--out notmine: exit $rc, $(ls -A notmine)"
# A lock file that was there before stays.
: > notmine/.siteinfra.lock
"$BIN" compile --out notmine > out 2>&1
[ -e notmine/.siteinfra.lock ] && ok || ko "a lock file that was there before was removed"

# --- git ignores the temporary files and the journal ---
if command -v git > /dev/null 2>&1; then
	git init -q "$work/g" && cp -R infra "$work/g/infra"
	for p in "infra/sites/$site/aws/.main.tf.siteinfra-tmp.1234" \
	    "infra/..siteinfra.manifest.siteinfra-tmp.99" infra/.siteinfra.journal; do
		(cd "$work/g" && git check-ignore -q "$p") && ok || ko "git does not ignore $p"
	done
	(cd "$work/g" && ! git check-ignore -q "infra/sites/$site/aws/main.tf") && ok || ko "git ignores a generated file"
fi
cd "$top"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
