/* SPDX-License-Identifier: ISC */
/* gitc.h: committing the generated paths with libgit2. */
#ifndef GITC_H
#define GITC_H

#include <stddef.h>

struct diag;

/*
 * Commits exactly the given paths (relative to dir; a path missing on
 * disk is a deletion) on top of HEAD of the repository containing dir,
 * leaving every other change in the work tree and index alone.  Returns
 * 0 after a commit (its id in oid, 41 bytes), 1 when there was nothing
 * to commit, -1 after an error reported to the diagnostics.
 */
int	gitc_commit(struct diag *, const char *dir, const char *const *paths,
	    size_t npaths, const char *message, char *oid);

#endif
