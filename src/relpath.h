/* SPDX-License-Identifier: ISC */
/* relpath.h: a path as seen from another directory, for generated commands. */
#ifndef RELPATH_H
#define RELPATH_H

#include <stddef.h>

struct arena;

/*
 * PATH (relative to the working directory, or absolute) as seen from the
 * directory DIR, lexically ("." and ".." resolved, links not followed):
 * "sites" from "infra" is "../sites".  NULL when the working directory
 * cannot be read.
 */
const char	*relpath(struct arena *, const char *dir, const char *path);
/*
 * The paths as seen from DIR, sorted, quoted for sh where needed and
 * joined by spaces; NULL when one cannot be named.
 */
const char	*relpath_words(struct arena *, const char *dir,
		    const char *const *paths, size_t n);

#endif
