#!/bin/sh
# scwdoc.sh: prints the README's table of what each app-stack attribute
# becomes on Scaleway, from the one table of src/check_app_scw.c.
cd "$(dirname "$0")/../.."
echo '| block | attribute | on Scaleway | meaning there |'
echo '| --- | --- | --- | --- |'
awk '
/^static const struct scw_rule scw_rules\[\]/ { on = 1; next }
on && /^};/ { on = 0 }
on { buf = buf " " $0 }
on && /},[ \t]*$/ {
	s = buf; buf = ""; n = 0; text = ""
	while (match(s, /"([^"\\]|\\.)*"|SCW_[A-Z_]+/)) {
		tok = substr(s, RSTART, RLENGTH)
		s = substr(s, RSTART + RLENGTH)
		if (tok ~ /^SCW_/) { verdict = tok; continue }
		tok = substr(tok, 2, length(tok) - 2)
		gsub(/\\"/, "\"", tok)
		n++
		if (n == 1) block = tok
		else if (n == 2) attr = tok
		else text = text tok
	}
	v = verdict == "SCW_MAPS" ? "maps" : \
	    verdict == "SCW_AWS_QUIET" ? "AWS only: error on a Scaleway-only site" : \
	    verdict == "SCW_AWS_WEAKER" ? "AWS only: error on a Scaleway-only site, warning on both" : \
	    "by value"
	printf "| `%s` | `%s` | %s | %s |\n", block, attr, v, text
}' src/check_app_scw.c
