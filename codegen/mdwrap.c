/* SPDX-License-Identifier: ISC */
/* mdwrap.c: refills the paragraphs of a generated Markdown text. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "mdwrap.h"
#include "sbuf.h"

/* Columns of s[0..n): UTF-8 continuation bytes take none. */
static size_t
columns(const char *s, size_t n)
{
	size_t	i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/*
 * The end of the word at p: the next space outside a code span, so that
 * `set -a; . ./env; set +a` stays on one line.
 */
static const char *
word_end(const char *p)
{
	bool	code = false;

	for (; *p != '\0' && (*p != ' ' || code); p++)
		if (*p == '`')
			code = !code;
	return p;
}

/* Fills the words of para (a list item's marker first), indenting the rest. */
static void
fill(struct sbuf *out, struct sbuf *para, size_t indent, size_t width)
{
	const char	*p = para->buf, *end;
	size_t		 col = 0, w;
	bool		 first = true;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		end = word_end(p);
		w = columns(p, (size_t)(end - p));
		if (first) {
			col = w;
			first = false;
		} else if (col + 1 + w > width) {
			sb_addch(out, '\n');
			sb_pad(out, indent);
			col = indent + w;
		} else {
			sb_addch(out, ' ');
			col += 1 + w;
		}
		sb_add(out, p, (size_t)(end - p));
		p = end;
	}
	if (!first)
		sb_addch(out, '\n');
	sb_reset(para);
}

/* Length of the list marker ("- ", "* ", "1. ") line starts with, or 0. */
static size_t
list_marker(const char *line, size_t n)
{
	size_t	i = 0;

	if (n >= 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ')
		return 2;
	while (i < n && isdigit((unsigned char)line[i]))
		i++;
	if (i > 0 && i + 1 < n && line[i] == '.' && line[i + 1] == ' ')
		return i + 2;
	return 0;
}

void
md_reflow(struct sbuf *out, const char *in, size_t width)
{
	struct sbuf	 para = SBUF_INIT;
	const char	*line = in, *nl;
	size_t		 n, indent = 0, m;
	bool		 fence = false;

	for (; *line != '\0'; line = nl + (*nl == '\n')) {
		nl = strchr(line, '\n');
		if (nl == NULL)
			nl = line + strlen(line);
		n = (size_t)(nl - line);
		if (fence || (n >= 3 && strncmp(line, "```", 3) == 0) ||
		    n == 0 || line[0] == '#' || line[0] == '|' ||
		    line[0] == '<') {
			fill(out, &para, indent, width);
			if (n >= 3 && strncmp(line, "```", 3) == 0)
				fence = !fence;
			sb_add(out, line, n);
			sb_addch(out, '\n');
			continue;
		}
		if ((m = list_marker(line, n)) > 0) {
			fill(out, &para, indent, width);
			indent = m;
		} else if (para.len == 0)
			indent = 0;
		if (para.len > 0)
			sb_addch(&para, ' ');
		sb_add(&para, line, n);
	}
	fill(out, &para, indent, width);
	sb_release(&para);
}
