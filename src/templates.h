/* SPDX-License-Identifier: ISC */
/* templates.h: the files of templates/, embedded in the binary at build time. */
#ifndef TEMPLATES_H
#define TEMPLATES_H

#include <stddef.h>

struct template {
	const char	*path;	/* relative to templates/, e.g. "aws/cdn/main.tf" */
	const char	*text;	/* NUL-terminated */
	size_t		 len;
};

/* Sorted by path (the build passes the files in sorted order). */
extern const struct template	templates[];
extern const size_t		ntemplates;

/* Returns the template at path, or NULL. */
const struct template	*template_find(const char *path);

#endif
