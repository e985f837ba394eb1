#!/bin/sh
# suite-diagnostics.sh: every diagnostic of the sources (tests/tools/messages.sh)
# is documented in doc/diagnostics.md, word for word, and appears in the expected
# output of at least one golden case; the few that only I/O, git or signal
# failures can raise are listed below with the suite that provokes them.
set -u
cd "$(dirname "$0")/.."
pass=0
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Raised by real failures, exercised by the suites named, not by goldens.
exempt() {
	case $1 in
	"cannot create '%s': %s"|"cannot create the directories of '%s/%s': %s"|\
	"cannot delete '%s': %s"|"cannot open '%s': %s"|"cannot replace '%s': %s"|\
	"cannot stat '%s': %s"|"cannot write '%s/%s': %s"|"cannot read '%s/%s'"|\
	"cannot read directory '%s': %s"|"cannot read stdin: %s"|\
	"cannot write '%s': %s"|\
	"'%s' is damaged: a line is not \"<sha256>  <path>\""|\
	"another siteinfra run holds '%s'; gave up after %d seconds"|\
	"interrupted by signal %d; nothing was changed"|\
	"cannot %s '%s/%s': %s"|"the write of '%s' stopped after its commit point; "*|\
	"cannot complete the write an interrupted run left in "*|\
	"internal error: "*|"git: "*|\
	"give %s with %s FILE, or pipe \`%s\` in"|\
	"'%s' is not ignored by git, so its secrets are one \`git add\` away from a commit; add it to .gitignore, or pass --force"|\
	"cannot read '%s': larger than %zu MiB"|\
	"git cannot tell whether '%s' would be committed (%s); write it outside the repository, or check and pass --force"|\
	"'%s' goes through the symbolic link '%s' in a git work tree; siteinfra env writes secrets through no link: give the real path"|\
	"'%s' is tracked by git, so its secrets would be committed (an ignore pattern does not untrack a file); \`git rm --cached\` it, or write elsewhere"|\
	"another siteinfra terraform run holds '%s'; wait for it to finish")
		return 0 ;;	# suite-output.sh, suite-kill.sh, suite-git.sh, suite-env.sh, suite-runner.sh
	esac
	return 1
}

sh tests/tools/messages.sh > "$work/messages"
cat tests/golden/*/stderr > "$work/golden" 2>/dev/null
while IFS='	' read -r sev template; do
	if grep -qF -- "$template" doc/diagnostics.md; then
		pass=$((pass + 1))
	else
		echo "FAIL: not in doc/diagnostics.md: $template"
		fail=$((fail + 1))
	fi
	exempt "$template" && { pass=$((pass + 1)); continue; }
	# The template as a pattern: %s and the number formats match anything.
	re=$(printf '%s' "$template" | sed -e 's/[][\.*^$+?(){}|/]/\\&/g' \
	    -e 's/%\\\.\\\*s/.*/g' -e 's/%[-0-9]*[lz]*[sducxX]/.*/g' \
	    -e 's/%02X/[0-9A-F]+/g' -e 's/\\\\\\\\/\\\\/g')
	if grep -qE -- "$sev: $re" "$work/golden"; then
		pass=$((pass + 1))
	else
		echo "FAIL: no golden case shows: $sev: $template"
		fail=$((fail + 1))
	fi
done < "$work/messages"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
