/* SPDX-License-Identifier: ISC */
/* atomic.h: replacing a file's content all at once (temporary file + rename). */
#ifndef ATOMIC_H
#define ATOMIC_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

/*
 * Writes data to a temporary file in the directory of path, and returns
 * its name (heap, caller frees) in *tmp.  Returns 0, or -1 with errno
 * set and no temporary file left behind.
 */
int	atomic_stage(const char *path, const void *data, size_t len,
	    mode_t mode, char **tmp);
/* Writes data to path through atomic_stage and rename; 0 or -1/errno. */
int	atomic_write(const char *path, const void *data, size_t len,
	    mode_t mode);
/* The temporary name of base for process pid (heap): ".BASE.siteinfra-tmp.PID". */
char	*atomic_tmp_name(const char *base, long pid);
/*
 * Writes data to the new file name in directory dirfd (a stale file of
 * that name is replaced; no link is followed).  Returns 0, or -1 with
 * errno set and no file left behind.
 */
int	atomic_stage_at(int dirfd, const char *name, const void *data,
	    size_t len, mode_t mode);
/*
 * Creates the new file name in dirfd with data (O_EXCL, no link followed)
 * and fills *st from fstat before the close, so that no second stat is
 * needed; 0, or -1 with errno set and no file left behind.
 */
int	atomic_create_at(int dirfd, const char *name, const void *data,
	    size_t len, mode_t mode, struct stat *st);
/* write(2) until all is written (EINTR retried); 0 or -1/errno. */
int	atomic_write_all(int fd, const void *data, size_t len);
/* True when a file name is one of our temporary files. */
int	atomic_is_tmp(const char *name);

#endif
