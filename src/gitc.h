/* SPDX-License-Identifier: ISC */
/* gitc.h: committing the generated paths with libgit2. */
#ifndef GITC_H
#define GITC_H

#include <stddef.h>

struct diag;

/* The inputs of the run, committed with the tree they produced. */
struct gitc_inputs {
	const char *const	*files;		/* the input files read */
	size_t			 nfiles;
	const char *const	*roots;		/* the PATH arguments */
	size_t			 nroots;
};

/*
 * Checks, before anything is written, that a commit can follow: dir (or
 * its nearest existing parent) is in the work tree of a non-bare
 * repository on a branch, with an identity, and so is every input file.
 * Returns 0, or -1 after an error reported to the diagnostics.
 */
int	gitc_can_commit(struct diag *, const char *dir,
	    const struct gitc_inputs *);

/*
 * Commits exactly the given paths (relative to dir; a path missing on
 * disk is a deletion) and the inputs (the input files, and the deletion
 * of an input file of HEAD that an input directory lost) on top of HEAD
 * of the repository containing dir, leaving every other change in the
 * work tree and index alone.  Returns 0 after a commit (its id in oid, 41
 * bytes), 1 when there was nothing to commit, -1 after an error reported
 * to the diagnostics.
 */
int	gitc_commit(struct diag *, const char *dir, const char *const *paths,
	    size_t npaths, const struct gitc_inputs *, const char *message,
	    char *oid);

#endif
