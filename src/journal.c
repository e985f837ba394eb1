/* SPDX-License-Identifier: ISC */
/* journal.c: writes, replays and removes the intent journal of the output tree. */
#define _GNU_SOURCE	/* syncfs */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "atomic.h"
#include "fault.h"
#include "fsout.h"
#include "journal.h"
#include "sbuf.h"
#include "tree.h"

/*
 * The file:
 *   siteinfra-journal 1 <pid>
 *   d <dir> | s <dir> | w <path> | x <path>     (one per step, in order)
 *   commit <fast hash of every byte before this line>
 */
#define JR_HEADER	"siteinfra-journal 1 "

void
jr_init(struct journal *j, long pid)
{
	memset(j, 0, sizeof(*j));
	j->pid = pid;
}

void
jr_add(struct journal *j, enum jr_kind kind, const char *path)
{
	if (j->n == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 64;
		j->v = xrealloc(j->v, j->cap * sizeof(*j->v));
	}
	j->v[j->n].kind = kind;
	j->v[j->n].path = path;
	j->n++;
}

void
jr_free(struct journal *j)
{
	free(j->v);
	j->v = NULL;
	j->n = j->cap = 0;
}

static void
text(const struct journal *j, struct sbuf *sb)
{
	size_t	i;

	sb_addf(sb, "%s%ld\n", JR_HEADER, j->pid);
	for (i = 0; i < j->n; i++) {
		sb_addch(sb, (int)j->v[i].kind);
		sb_addch(sb, ' ');
		sb_addstr(sb, j->v[i].path);
		sb_addch(sb, '\n');
	}
}

int
jr_begin(struct journal *j, struct tree *t)
{
	struct sbuf	sb = SBUF_INIT;
	int		fd, rc = -1, saved;

	text(j, &sb);
	fd = openat(t->root, FS_JOURNAL, O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd != -1 && atomic_write_all(fd, sb.buf, sb.len) == 0 &&
	    fdatasync(fd) == 0 && fsync(t->root) == 0)
		rc = 0;
	saved = errno;
	if (fd != -1)
		close(fd);
	if (rc == -1 && fd != -1)
		unlinkat(t->root, FS_JOURNAL, 0);
	sb_release(&sb);
	errno = saved;
	return rc;
}

int
jr_commit(struct journal *j, struct tree *t)
{
	struct sbuf	sb = SBUF_INIT;
	struct stat	st;
	char		line[64];
	int		fd, rc = -1, saved;

	/* Every staged byte reaches the disk before the record does. */
	if (syncfs(t->root) == -1)
		return -1;
	text(j, &sb);
	snprintf(line, sizeof(line), "commit %016llx\n",
	    (unsigned long long)fsout_fasthash(sb.buf, sb.len));
	sb_release(&sb);
	if (fault_at("commit"))
		return -1;
	fd = openat(t->root, FS_JOURNAL, O_WRONLY | O_APPEND | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) == -1)
		goto out;
	if (atomic_write_all(fd, line, strlen(line)) == 0 && fdatasync(fd) == 0)
		rc = 0;
	else if (ftruncate(fd, st.st_size) == 0)
		/* The record must not outlive the rollback that follows. */
		(void)fdatasync(fd);
out:
	saved = errno;
	if (fd != -1)
		close(fd);
	j->committed = rc == 0;
	errno = saved;
	return rc;
}

/*
 * Removes the directories of rel that its deletion left empty.  One that
 * is gone already was removed by the run that was killed: its parents
 * may still be to remove, so the walk goes on up.
 */
static void
remove_empty_parents(struct tree *t, const char *rel)
{
	char		 dir[sizeof(t->cur)];
	char		*slash;
	const char	*base;
	int		 at;

	snprintf(dir, sizeof(dir), "%s", rel);
	while ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if ((at = tree_parent(t, dir, &base)) == -1) {
			if (errno == ENOENT)
				continue;
			break;
		}
		if (unlinkat(at, base, AT_REMOVEDIR) == 0)
			tree_forget(t);
		else if (errno != ENOENT)
			break;
	}
}

int
jr_forward(struct journal *j, struct tree *t,
    void (*placed)(void *, const char *, int, const char *), void *arg)
{
	const char	*base;
	char		*tmp;
	size_t		 i;
	int		 at, rc;

	for (i = 0; i < j->n; i++) {
		const struct jr_entry *e = &j->v[i];

		if (e->kind == JR_MKDIR)
			continue;
		j->failed = e->path;
		if ((at = tree_parent(t, e->path, &base)) == -1) {
			if (errno != ENOENT)
				return -1;
			/* No directory, so no staged file: done before. */
			if (e->kind == JR_DELETE)
				remove_empty_parents(t, e->path);
			continue;
		}
		if (e->kind == JR_DELETE) {
			if (fault_at("delete"))
				return -1;
			if (unlinkat(at, base, 0) == -1 && errno != ENOENT)
				return -1;
			remove_empty_parents(t, e->path);
			continue;
		}
		if (fault_at(strcmp(e->path, FS_MANIFEST) == 0 ? "manifest" :
		    "rename"))
			return -1;
		tmp = atomic_tmp_name(base, j->pid);
		rc = renameat(at, tmp, at, base);
		free(tmp);
		/* A staged file that is gone was renamed by an earlier run. */
		if (rc == -1 && errno != ENOENT)
			return -1;
		/* The open directories under it changed their names. */
		if (e->kind == JR_STAGE) {
			tree_forget(t);
			continue;
		}
		if (placed != NULL)
			placed(arg, e->path, at, base);
	}
	j->failed = NULL;
	return 0;
}

void
jr_back(struct journal *j, struct tree *t)
{
	const char	*base;
	char		*tmp;
	size_t		 i;
	int		 at;

	for (i = 0; i < j->n; i++) {
		if ((j->v[i].kind != JR_WRITE && j->v[i].kind != JR_STAGE) ||
		    (at = tree_parent(t, j->v[i].path, &base)) == -1)
			continue;
		tmp = atomic_tmp_name(base, j->pid);
		if (j->v[i].kind == JR_STAGE) {
			(void)tree_remove_all(at, tmp);
			tree_forget(t);
		} else
			unlinkat(at, tmp, 0);
		free(tmp);
	}
	for (i = j->n; i-- > 0;) {
		if (j->v[i].kind != JR_MKDIR ||
		    (at = tree_parent(t, j->v[i].path, &base)) == -1)
			continue;
		unlinkat(at, base, AT_REMOVEDIR);
		tree_forget(t);
	}
}

int
jr_end(struct journal *j, struct tree *t)
{
	(void)j;
	if (syncfs(t->root) == -1 || (unlinkat(t->root, FS_JOURNAL, 0) == -1 &&
	    errno != ENOENT) || fsync(t->root) == -1)
		return -1;
	return 0;
}

int
jr_load(struct journal *j, struct arena *ar, struct tree *t, bool *present)
{
	char		*data, *p, *end, *nl, *line, *e;
	const char	*why;
	size_t		 at, len;
	unsigned long long h;

	jr_init(j, 0);
	*present = false;
	if (tree_read(t, FS_JOURNAL, &data, &len) == -1)
		return errno == ENOENT ? 0 : -1;
	*present = true;
	p = data;
	end = data + len;
	/* A journal cut short in its header staged nothing yet. */
	if ((nl = memchr(p, '\n', len)) == NULL ||
	    strncmp(p, JR_HEADER, strlen(JR_HEADER)) != 0) {
		free(data);
		return 0;
	}
	j->pid = strtol(p + strlen(JR_HEADER), NULL, 10);
	for (p = nl + 1; p < end && (nl = memchr(p, '\n', (size_t)(end - p)));
	    p = nl + 1) {
		line = p;
		if (strncmp(line, "commit ", 7) == 0) {
			h = strtoull(line + 7, &e, 16);
			j->committed = *e == '\n' && nl + 1 == end &&
			    h == fsout_fasthash(data, (size_t)(line -
			    data));
			if (!j->committed)
				goto damaged;
			break;
		}
		if ((line[0] != JR_MKDIR && line[0] != JR_STAGE &&
		    line[0] != JR_WRITE && line[0] != JR_DELETE) ||
		    line[1] != ' ' ||
		    (why = tree_path_problem(line + 2, (size_t)(nl - line - 2),
		    &at)) != NULL)
			goto damaged;
		jr_add(j, (enum jr_kind)line[0], arena_strndup(ar, line + 2,
		    (size_t)(nl - line - 2)));
	}
	free(data);
	return 0;
damaged:
	free(data);
	jr_free(j);
	errno = EINVAL;
	return -1;
}
