/* SPDX-License-Identifier: ISC */
/* atomic.c: temporary files beside their target, renamed into place. */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "atomic.h"

#define TMP_MARK	".siteinfra-tmp."

int
atomic_write_all(int fd, const void *data, size_t len)
{
	const char	*p = data;
	ssize_t		 n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The umask, read once (reading it means setting it). */
static mode_t
process_umask(void)
{
	static mode_t	mask;
	static bool	known;

	if (!known) {
		mask = umask(022);
		umask(mask);
		known = true;
	}
	return mask;
}

/*
 * Gives a new file its mode and content and closes it, after filling *st
 * when st is not NULL; 0, or -1 with errno set and fd closed.
 */
static int
fill(int fd, const void *data, size_t len, mode_t mode, struct stat *st)
{
	int	saved;

	/* The umask may have narrowed the mode; the target keeps ours. */
	if (((mode & ~process_umask()) != mode && fchmod(fd, mode) == -1) ||
	    atomic_write_all(fd, data, len) == -1 ||
	    (st != NULL && fstat(fd, st) == -1)) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return close(fd);
}

int
atomic_stage(const char *path, const void *data, size_t len, mode_t mode,
    char **tmp)
{
	const char	*slash = strrchr(path, '/');
	size_t		 dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	char		*name;
	int		 fd, saved;
	unsigned	 attempt;

	name = xmalloc(strlen(path) + sizeof(TMP_MARK) + 32);
	for (attempt = 0;; attempt++) {
		sprintf(name, "%.*s.%s%s%ld.%u", (int)dirlen, path,
		    path + dirlen, TMP_MARK, (long)getpid(), attempt);
		fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
		if (fd != -1)
			break;
		if (errno != EEXIST || attempt == 100) {
			free(name);
			return -1;
		}
	}
	if (fill(fd, data, len, mode, NULL) == -1) {
		saved = errno;
		unlink(name);
		free(name);
		errno = saved;
		return -1;
	}
	*tmp = name;
	return 0;
}

int
atomic_write(const char *path, const void *data, size_t len, mode_t mode)
{
	char	*tmp;
	int	 saved;

	if (atomic_stage(path, data, len, mode, &tmp) == -1)
		return -1;
	if (rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	free(tmp);
	return 0;
}

char *
atomic_tmp_name(const char *base, long pid)
{
	char	*name = xmalloc(strlen(base) + sizeof(TMP_MARK) + 24);

	sprintf(name, ".%s%s%ld", base, TMP_MARK, pid);
	return name;
}

/*
 * Creates name in dirfd (O_EXCL, no link followed; with replace, a stale
 * file of that name is removed first) and fills it; 0, or -1 with errno
 * set and no file left behind.
 */
static int
create_at(int dirfd, const char *name, const void *data, size_t len,
    mode_t mode, bool replace, struct stat *st)
{
	int	fd, saved;

	fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, mode);
	if (replace && fd == -1 && errno == EEXIST &&
	    unlinkat(dirfd, name, 0) == 0)
		fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd == -1)
		return -1;
	if (fill(fd, data, len, mode, st) == -1) {
		saved = errno;
		unlinkat(dirfd, name, 0);
		errno = saved;
		return -1;
	}
	return 0;
}

int
atomic_stage_at(int dirfd, const char *name, const void *data, size_t len,
    mode_t mode)
{
	/* Left by an earlier process of the same pid: ours to replace. */
	return create_at(dirfd, name, data, len, mode, true, NULL);
}

int
atomic_create_at(int dirfd, const char *name, const void *data, size_t len,
    mode_t mode, struct stat *st)
{
	return create_at(dirfd, name, data, len, mode, false, st);
}

int
atomic_is_tmp(const char *name)
{
	return strstr(name, TMP_MARK) != NULL;
}
