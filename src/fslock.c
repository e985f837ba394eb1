/* SPDX-License-Identifier: ISC */
/* fslock.c: the output directory's lock, and the recovery of a write that was killed. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "fslock.h"
#include "fsout.h"
#include "journal.h"
#include "tree.h"

/* How long a run waits for another one to release the lock. */
#define LOCK_WAIT_SECONDS	30

static const char *
full_path(struct arena *ar, const struct fsout_opts *o, const char *rel)
{
	return arena_printf(ar, "%s/%s", o->dir, rel);
}

/* Waits for the lock (shared or exclusive) on an open lock file. */
static int
wait_lock(struct diag *dg, const struct fsout_opts *o, int fd, int how)
{
	int	waited = 0;

	while (flock(fd, how | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK || waited >= LOCK_WAIT_SECONDS * 10) {
			diag_add(dg, DIAG_ERROR, NULL,
			    "another siteinfra run holds '%s'; gave up after "
			    "%d seconds", full_path(dg->ar, o, FS_LOCK),
			    LOCK_WAIT_SECONDS);
			return -1;
		}
		usleep(100000);
		waited++;
	}
	return 0;
}

/*
 * Under the write lock: completes the write of an interrupted run when
 * its commit record is in the journal, else removes what it staged.
 */
static int
recover(struct diag *dg, const struct fsout_opts *o, struct fslock *lk)
{
	struct arena	*ar = dg->ar;
	struct journal	 j;
	struct tree	 t;
	bool		 present;
	int		 rc = -1;

	if (tree_open(&t, o->dir) == -1)
		return 0;
	if (jr_load(&j, ar, &t, &present) == -1) {
		if (errno == EINVAL)
			diag_add(dg, DIAG_ERROR, NULL, "'%s/%s' is damaged, so "
			    "siteinfra cannot tell how far an interrupted write "
			    "went: restore the directory from git, then delete "
			    "the journal", o->dir, FS_JOURNAL);
		else
			diag_add(dg, DIAG_ERROR, NULL, "cannot read '%s': %s",
			    full_path(ar, o, FS_JOURNAL), strerror(errno));
		goto out;
	}
	if (!present) {
		rc = 0;
		goto out;
	}
	if (j.committed && jr_forward(&j, &t, NULL, NULL) == -1) {
		diag_add(dg, DIAG_ERROR, NULL, "cannot complete the write an "
		    "interrupted run left in '%s': '%s': %s; fix that, then "
		    "run siteinfra again", o->dir, j.failed, strerror(errno));
		goto out;
	}
	if (!j.committed)
		jr_back(&j, &t);
	if (jr_end(&j, &t) == -1) {
		diag_add(dg, DIAG_ERROR, NULL, "cannot delete '%s': %s",
		    full_path(ar, o, FS_JOURNAL), strerror(errno));
		goto out;
	}
	if (j.committed)
		diag_add(dg, DIAG_WARNING, NULL, "'%s': completed the write an "
		    "interrupted run had committed (rolled forward)", o->dir);
	else
		diag_add(dg, DIAG_WARNING, NULL, "'%s': removed what an "
		    "interrupted run had staged before its commit point "
		    "(rolled back)", o->dir);
	lk->recovered = true;
	rc = 0;
out:
	jr_free(&j);
	tree_close(&t);
	return rc;
}

/* mkdir -p of the output directory itself. */
static int
make_dir(struct diag *dg, const char *dir)
{
	char		*path = xmalloc(strlen(dir) + 1);
	const char	*p;
	size_t		 n;

	for (p = strchr(dir + 1, '/');; p = strchr(p + 1, '/')) {
		n = p ? (size_t)(p - dir) : strlen(dir);
		memcpy(path, dir, n);
		path[n] = '\0';
		if (mkdir(path, 0755) == -1 && errno != EEXIST) {
			diag_add(dg, DIAG_ERROR, NULL, "cannot create '%s': %s",
			    path, strerror(errno));
			free(path);
			return -1;
		}
		if (p == NULL)
			break;
	}
	free(path);
	return 0;
}

int
fslock_write(struct diag *dg, const struct fsout_opts *o, struct fslock *lk)
{
	struct tree	t;
	int		fd;

	fslock_release(o, lk, false);
	if (make_dir(dg, o->dir) == -1)
		return -1;
	if (tree_open(&t, o->dir) == -1) {
		diag_add(dg, DIAG_ERROR, NULL, "cannot open '%s': %s", o->dir,
		    strerror(errno));
		return -1;
	}
	fd = openat(t.root, FS_LOCK, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	lk->created = fd != -1;
	if (fd == -1 && errno == EEXIST)
		fd = openat(t.root, FS_LOCK, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	tree_close(&t);
	if (fd == -1) {
		diag_add(dg, DIAG_ERROR, NULL, "cannot open '%s': %s",
		    full_path(dg->ar, o, FS_LOCK), strerror(errno));
		return -1;
	}
	lk->fd = fd;
	if (wait_lock(dg, o, fd, LOCK_EX) == -1 || recover(dg, o, lk) == -1) {
		fslock_release(o, lk, false);
		return -1;
	}
	return 0;
}

int
fslock_read(struct diag *dg, const struct fsout_opts *o, struct fslock *lk)
{
	struct tree	t;
	struct stat	sb;
	int		fd;
	bool		journal;

	lk->fd = -1;
	if (tree_open(&t, o->dir) == -1)
		return 0;
	fd = openat(t.root, FS_LOCK, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	journal = fstatat(t.root, FS_JOURNAL, &sb, AT_SYMLINK_NOFOLLOW) == 0;
	tree_close(&t);
	if (fd != -1) {
		lk->fd = fd;
		if (wait_lock(dg, o, fd, LOCK_SH) == -1) {
			fslock_release(o, lk, false);
			return -1;
		}
		/* The writer we waited for may have finished its journal. */
		if (journal && tree_open(&t, o->dir) == 0) {
			journal = fstatat(t.root, FS_JOURNAL, &sb,
			    AT_SYMLINK_NOFOLLOW) == 0;
			tree_close(&t);
		}
	}
	if (!journal)
		return 0;
	return fslock_write(dg, o, lk);
}

void
fslock_release(const struct fsout_opts *o, struct fslock *lk, bool remove)
{
	struct tree	t;

	if (lk->fd == -1)
		return;
	if (remove && lk->created && tree_open(&t, o->dir) == 0) {
		(void)unlinkat(t.root, FS_LOCK, 0);
		tree_close(&t);
	}
	close(lk->fd);
	lk->fd = -1;
}
