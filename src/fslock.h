/* SPDX-License-Identifier: ISC */
/* fslock.h: the output directory's lock, and the recovery of a write that was killed. */
#ifndef FSLOCK_H
#define FSLOCK_H

#include <stdbool.h>

struct diag;
struct fsout_opts;

/* The lock of the output directory, as a run holds it. */
struct fslock {
	int	fd;		/* -1: not held */
	bool	created;	/* this run created the lock file */
	bool	recovered;	/* it completed or undid an interrupted write */
};

/*
 * Takes the directory's write lock, creating the directory, then
 * completes or undoes the write an interrupted run left (its journal).
 * 0 or -1 (reported).
 */
int	fslock_write(struct diag *, const struct fsout_opts *, struct fslock *);
/*
 * For a run that only reads the tree: waits for a writer to finish (a
 * shared lock), and completes an interrupted write the same way.
 */
int	fslock_read(struct diag *, const struct fsout_opts *, struct fslock *);
/* Releases the lock; remove deletes a lock file this run created. */
void	fslock_release(const struct fsout_opts *, struct fslock *, bool remove);

#endif
