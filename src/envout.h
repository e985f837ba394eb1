/* SPDX-License-Identifier: ISC */
/* envout.h: writing a filled env file, which holds secrets. */
#ifndef ENVOUT_H
#define ENVOUT_H

#include <stdbool.h>
#include <stddef.h>

struct diag;

/*
 * Writes data to path with mode 0600, whole or not at all, refusing a
 * path that is or goes through a symbolic link in a git work tree, and
 * (unless force) one that git tracks, would track or cannot tell about.
 * A killed run leaves at most ".NAME.siteinfra-env-tmp", mode 0600,
 * which the next run removes.  Returns an exit status (0, 2 refused, 3
 * I/O or git failure), after reporting to the diagnostics.
 */
int	envout_write(struct diag *, const char *path, const char *data,
	    size_t len, bool force);

#endif
