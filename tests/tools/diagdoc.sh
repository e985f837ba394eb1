#!/bin/sh
# diagdoc.sh: prints the table of diagnostics of doc/diagnostics.md: each message
# template of the sources, and an example of it from the golden cases
# (or the test suite that raises it).  Regenerate the table with
#   sh tests/tools/diagdoc.sh > /tmp/table.md
# and paste it between the markers of doc/diagnostics.md.
cd "$(dirname "$0")/../.."
cat tests/golden/*/stderr > /tmp/diagdoc.$$ 2>/dev/null
echo '| severity | message | example (from the tests) |'
echo '| --- | --- | --- |'
sh tests/tools/messages.sh | while IFS='	' read -r sev template; do
	re=$(printf '%s' "$template" | sed -e 's/[][\.*^$+?(){}|/]/\\&/g' \
	    -e 's/%\\\.\\\*s/.*/g' -e 's/%[-0-9]*[lz]*[sducx]/.*/g' \
	    -e 's/%0[0-9]X/[0-9A-F]+/g' -e 's/%04lX/[0-9A-F]+/g' -e 's/\\\\\\\\/\\\\/g')
	ex=$(grep -E -m 1 -- "$sev: $re" /tmp/diagdoc.$$ | sed 's/^[^ ]*: [a-z]*: //')
	[ -n "$ex" ] || ex="(raised by I/O, git or signal failures: tests/suite-output.sh, suite-git.sh, suite-env.sh)"
	# Escape the table's own syntax.
	t=$(printf '%s' "$template" | sed 's/|/\\|/g')
	e=$(printf '%s' "$ex" | sed 's/|/\\|/g' | cut -c1-200)
	printf '| %s | `%s` | %s |\n' "$sev" "$t" "$e"
done
rm -f /tmp/diagdoc.$$
