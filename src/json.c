/* SPDX-License-Identifier: ISC */
/* json.c: JSON string literals for the machine-readable reports. */
#include "json.h"
#include "sbuf.h"

void
json_str(struct sbuf *sb, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;

	sb_addch(sb, '"');
	for (; *u != '\0'; u++) {
		if (*u == '"' || *u == '\\')
			sb_addf(sb, "\\%c", *u);
		else if (*u == '\n')
			sb_addstr(sb, "\\n");
		else if (*u == '\t')
			sb_addstr(sb, "\\t");
		else if (*u < 0x20)
			sb_addf(sb, "\\u%04x", *u);
		else
			sb_addch(sb, *u);
	}
	sb_addch(sb, '"');
}
