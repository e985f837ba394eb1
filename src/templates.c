/* SPDX-License-Identifier: ISC */
/* templates.c: lookup in the table of embedded template files. */
#include <string.h>

#include "templates.h"

const struct template *
template_find(const char *path)
{
	size_t	lo = 0, hi = ntemplates, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(path, templates[mid].path);
		if (c == 0)
			return &templates[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
