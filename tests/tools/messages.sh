#!/bin/sh
# messages.sh: lists the message templates of every diagnostic in the
# sources (the format strings given to diag_add, diag_note, lex_error,
# jp_error), one per line, as "severity<TAB>template".
cd "$(dirname "$0")/../.."
for f in src/*.c codegen/*.c grammar/*.c grammar/*.l grammar/*.y; do
	awk '
	function flush(    s, out, sev, rest, lit, started) {
		s = buf
		sev = "error"
		if (s ~ /DIAG_WARNING/) sev = "warning"
		if (s ~ /^diag_note/) sev = "note"
		out = ""
		# The template: the first run of adjacent string literals.
		started = 0
		while (match(s, /"([^"\\]|\\.)*"/)) {
			if (started && substr(s, 1, RSTART - 1) !~ /^[ \t]*$/)
				break
			lit = substr(s, RSTART + 1, RLENGTH - 2)
			out = out lit
			s = substr(s, RSTART + RLENGTH)
			started = 1
		}
		gsub(/\\"/, "\"", out)
		# The JSON reader prefixes its messages.
		if (buf ~ /^jp_error/ && out != "")
			out = "malformed JSON: " out
		if (out != "" && out !~ /^%s( \047%s%s\047)?$/)
			print sev "\t" out
		buf = ""
		active = 0
	}
	{
		line = $0
		if (!active && match(line, /(diag_add|diag_note|lex_error|jp_error)\(/)) {
			active = 1
			buf = substr(line, RSTART)
		} else if (active)
			buf = buf " " line
		if (active && buf ~ /\);[ \t]*$/)
			flush()
	}' "$f"
done | LC_ALL=C sort -u
