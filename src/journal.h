/* SPDX-License-Identifier: ISC */
/* journal.h: the intent journal that makes a write of the tree all-or-nothing. */
#ifndef JOURNAL_H
#define JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct tree;

#define FS_JOURNAL	".siteinfra.journal"	/* local: a write in progress */

/*
 * A write of the tree, step by step: the directories it creates, the
 * files it replaces (each staged as a temporary file beside its target,
 * see atomic_tmp_name), the new directories it stages whole (created
 * under the temporary name of the directory, files and all, and renamed
 * into place at once) and the files it deletes.  The journal is on disk
 * before the first temporary file; its commit record is appended once
 * every temporary file is written and synced.  Whoever finds the journal
 * later rolls the write forward when the record is there (renames and
 * deletions are idempotent), back otherwise (temporary files, staged and
 * new directories removed): the tree is the old one or the new one.
 */
enum jr_kind {
	JR_MKDIR = 'd',
	JR_STAGE = 's',
	JR_WRITE = 'w',
	JR_DELETE = 'x',
};

struct jr_entry {
	enum jr_kind	 kind;
	const char	*path;
};

struct journal {
	struct jr_entry	*v;
	size_t		 n, cap;
	long		 pid;		/* names the temporary files */
	bool		 committed;
	size_t		 done;		/* steps rolled forward */
	const char	*failed;	/* the path a step failed on */
};

void	jr_init(struct journal *, long pid);
void	jr_add(struct journal *, enum jr_kind, const char *path);
void	jr_free(struct journal *);
/* Writes the journal and syncs it; 0 or -1 (errno). */
int	jr_begin(struct journal *, struct tree *);
/* Syncs the staged files, then appends the commit record; 0 or -1. */
int	jr_commit(struct journal *, struct tree *);
/*
 * Renames each staged file into place and deletes the orphans, in order;
 * 0, or -1 (errno, j->failed) with the journal left for a later run.
 * placed, when not NULL, is called after each rename with the directory
 * and name of the file (the caller stats it there, without a second walk).
 */
int	jr_forward(struct journal *, struct tree *,
	    void (*placed)(void *, const char *path, int dirfd,
	    const char *base), void *arg);
/* Removes the staged files and directories, and the new directories. */
void	jr_back(struct journal *, struct tree *);
/* Syncs the tree and removes the journal; 0 or -1. */
int	jr_end(struct journal *, struct tree *);
/*
 * Reads the journal of the tree; 0 (*present false when there is none)
 * or -1: errno, or EINVAL when it is damaged.
 */
int	jr_load(struct journal *, struct arena *, struct tree *,
	    bool *present);

#endif
