/* SPDX-License-Identifier: ISC */
/* envout.c: writes a filled env file (secrets) where git will not take it, through no link. */
#define _GNU_SOURCE	/* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "arena.h"
#include "diag.h"
#include "envout.h"
#include "sbuf.h"
#include "siteinfra.h"

/* The one temporary name of a destination: a killed run's is removed. */
#define TMP_SUFFIX	".siteinfra-env-tmp"

static int
git_says(struct diag *dg, const char *path)
{
	const git_error	*e = git_error_last();

	diag_add(dg, DIAG_ERROR, NULL, "git cannot tell whether '%s' would be "
	    "committed (%s); write it outside the repository, or check and "
	    "pass --force", path, e != NULL && e->message != NULL ?
	    e->message : "unknown error");
	return EXIT_IO;
}

/*
 * True when real (a real path) or a directory above it holds ".git":
 * libgit2 1.5 reports a repository it refuses for its owner as not found.
 */
static bool
has_dotgit(const char *real)
{
	char		 p[PATH_MAX + 8];
	struct stat	 st;
	size_t		 n = strlen(real);

	if (n >= PATH_MAX)
		return true;
	memcpy(p, real, n + 1);
	for (;;) {
		while (n > 0 && p[n - 1] == '/')
			n--;
		strcpy(p + n, "/.git");
		if (lstat(p, &st) == 0)
			return true;
		while (n > 0 && p[n - 1] != '/')
			n--;
		if (n == 0)
			return false;
	}
}

/*
 * True when dir (a real path) is inside a git work tree; also true when
 * git cannot say, so that a link there is refused.
 */
static bool
in_work_tree(const char *dir)
{
	git_repository	*repo = NULL;
	int		 err;
	bool		 in;

	err = git_repository_open_ext(&repo, dir, 0, NULL);
	in = err == 0 ? !git_repository_is_bare(repo) : err != GIT_ENOTFOUND ||
	    has_dotgit(dir);
	git_repository_free(repo);
	return in;
}

/*
 * Refuses a symbolic link among the directories of path where it sits in
 * a git work tree: a tracked link would send the secrets elsewhere.
 * Links outside any work tree (/home on some systems) are followed.
 */
static int
check_dir_links(struct diag *dg, const char *path, size_t dirlen)
{
	char		 prefix[PATH_MAX], parent[PATH_MAX], real[PATH_MAX];
	struct stat	 st;
	size_t		 i, j;

	for (i = 1; i <= dirlen; i++) {
		/* Each component once; "a//b" and "/" hold empty ones. */
		if ((i < dirlen && path[i] != '/') || path[i - 1] == '/')
			continue;
		memcpy(prefix, path, i);
		prefix[i] = '\0';
		if (lstat(prefix, &st) == -1 || !S_ISLNK(st.st_mode))
			continue;
		/* The directory holding the link: "a/" of "a/link", or ".". */
		for (j = i; j > 0 && prefix[j - 1] != '/'; j--)
			;
		memcpy(parent, prefix, j);
		strcpy(parent + j, j == 0 ? "." : "");
		if (realpath(parent, real) == NULL || in_work_tree(real)) {
			diag_add(dg, DIAG_ERROR, NULL, "'%s' goes through the "
			    "symbolic link '%s' in a git work tree; siteinfra "
			    "env writes secrets through no link: give the real "
			    "path", path, prefix);
			return EXIT_INPUT;
		}
	}
	return EXIT_OK;
}

/*
 * git refuses a repository that another user owns ("dubious ownership")
 * unless safe.directory names it; libgit2 1.5 lets root read it.  The
 * rule of git, then: true when the owner is us or safe.directory says so.
 */
static bool
owner_is_safe(git_repository *repo, const char *work)
{
	git_config		*cfg = NULL;
	git_config_iterator	*it = NULL;
	git_config_entry	*e;
	struct stat		 st;
	size_t			 wl = strlen(work);
	bool			 safe = false;

	if (stat(git_repository_path(repo), &st) == 0 &&
	    st.st_uid == geteuid() && stat(work, &st) == 0 &&
	    st.st_uid == geteuid())
		return true;
	if (git_config_open_default(&cfg) != 0 ||
	    git_config_multivar_iterator_new(&it, cfg, "safe.directory",
	    NULL) != 0)
		goto out;
	while (!safe && git_config_next(&e, it) == 0) {
		size_t n = strlen(e->value);

		while (n > 1 && e->value[n - 1] == '/')
			n--;
		safe = strcmp(e->value, "*") == 0 || (n == wl &&
		    strncmp(e->value, work, n) == 0);
	}
out:
	git_config_iterator_free(it);
	git_config_free(cfg);
	return safe;
}

/*
 * A file of secrets inside a git work tree must be ignored by git and not
 * tracked (an ignore pattern does not untrack a file added with `git add
 * -f`); when git cannot say, the answer is no.
 */
static int
check_git(struct diag *dg, const char *path, const char *real,
    const char *base)
{
	git_repository	*repo = NULL;
	git_index	*idx = NULL;
	char		 work[PATH_MAX];
	const char	*wd, *why;
	struct sbuf	 rel = SBUF_INIT;
	size_t		 wl;
	int		 err, ignored = 0, rc = EXIT_OK, stage;

	err = git_repository_open_ext(&repo, real, 0, NULL);
	if (err == GIT_ENOTFOUND && !has_dotgit(real))
		goto out;
	if (err != 0) {
		rc = git_says(dg, path);
		goto out;
	}
	if ((wd = git_repository_workdir(repo)) == NULL)
		goto out;	/* bare: nothing of it is ever checked out */
	if (realpath(wd, work) == NULL) {
		rc = git_says(dg, path);
		goto out;
	}
	wl = strlen(work);
	if (strncmp(real, work, wl) != 0 || (real[wl] != '/' &&
	    real[wl] != '\0')) {
		why = "it is not under the work tree";
		goto refuse;
	}
	if (!owner_is_safe(repo, work)) {
		why = "dubious ownership: another user owns the repository";
		goto refuse;
	}
	if (real[wl] == '/') {
		sb_addstr(&rel, real + wl + 1);
		sb_addch(&rel, '/');
	}
	sb_addstr(&rel, base);
	if (git_repository_index(&idx, repo) != 0) {
		rc = git_says(dg, path);
		goto out;
	}
	for (stage = 0; stage <= 3; stage++)
		if (git_index_get_bypath(idx, rel.buf, stage) != NULL) {
			diag_add(dg, DIAG_ERROR, NULL, "'%s' is tracked by git, "
			    "so its secrets would be committed (an ignore "
			    "pattern does not untrack a file); `git rm "
			    "--cached` it, or write elsewhere", path);
			rc = EXIT_INPUT;
			goto out;
		}
	if (git_ignore_path_is_ignored(&ignored, repo, rel.buf) != 0) {
		rc = git_says(dg, path);
		goto out;
	}
	if (!ignored) {
		diag_add(dg, DIAG_ERROR, NULL, "'%s' is not ignored by "
		    "git, so its secrets are one `git add` away from a commit; "
		    "add it to .gitignore, or pass --force", path);
		rc = EXIT_INPUT;
	}
	goto out;
refuse:
	diag_add(dg, DIAG_ERROR, NULL, "git cannot tell whether '%s' would be "
	    "committed (%s); write it outside the repository, or check and "
	    "pass --force", path, why);
	rc = EXIT_IO;
out:
	sb_release(&rel);
	git_index_free(idx);
	git_repository_free(repo);
	return rc;
}

/* Mode 0600 whatever the umask, then the content, on disk. */
static int
fill(int fd, const char *data, size_t len)
{
	size_t	off = 0;
	ssize_t	n;

	if (fchmod(fd, 0600) == -1)
		return -1;
	while (off < len)
		if ((n = write(fd, data + off, len - off)) >= 0)
			off += (size_t)n;
		else if (errno != EINTR)
			return -1;
	return fsync(fd);
}

/*
 * The content under the temporary name in dfd, mode 0600.  With O_TMPFILE
 * the file has no name until it is whole; without it (a file system or a
 * kernel without it, no /proc), it is created with O_EXCL, O_NOFOLLOW and
 * removed on failure.  Returns 0 or -1 with errno set.
 */
static int
stage_tmp(int dfd, const char *tmp, const char *data, size_t len)
{
	char	proc[64];
	int	fd, saved;

	/* A killed run's file; unlinkat follows no link. */
	if (unlinkat(dfd, tmp, 0) == -1 && errno != ENOENT)
		return -1;
	fd = openat(dfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	if (fd != -1) {
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
		if (fill(fd, data, len) == 0 && linkat(AT_FDCWD, proc, dfd,
		    tmp, AT_SYMLINK_FOLLOW) == 0 && close(fd) == 0)
			return 0;
		close(fd);
		unlinkat(dfd, tmp, 0);
	}
	fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	if (fd == -1)
		return -1;
	if (fill(fd, data, len) == 0) {
		if (close(fd) == 0)
			return 0;
		fd = -1;
	}
	saved = errno;
	if (fd != -1)
		close(fd);
	unlinkat(dfd, tmp, 0);
	errno = saved;
	return -1;
}

int
envout_write(struct diag *dg, const char *path, const char *data, size_t len,
    bool force)
{
	const char	*slash = strrchr(path, '/'), *base;
	char		 dir[PATH_MAX], real[PATH_MAX];
	struct sbuf	 tmp = SBUF_INIT;
	struct stat	 st;
	size_t		 dirlen;
	int		 dfd = -1, rc;

	base = slash != NULL ? slash + 1 : path;
	dirlen = slash == NULL ? 0 : slash == path ? 1 : (size_t)(slash - path);
	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    dirlen >= sizeof(dir)) {
		diag_add(dg, DIAG_ERROR, NULL, "cannot write '%s': %s", path,
		    strerror(EISDIR));
		return EXIT_INPUT;
	}
	if (dirlen == 0)
		strcpy(dir, ".");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)dirlen, path);
	git_libgit2_init();
	if ((rc = check_dir_links(dg, path, dirlen)) != EXIT_OK)
		goto out;
	rc = EXIT_IO;
	if (realpath(dir, real) == NULL ||
	    (dfd = open(real, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		int err = errno;	/* diag_add may change errno */

		diag_add(dg, DIAG_ERROR, NULL, "cannot write '%s': %s", path,
		    strerror(err));
		rc = err == ENOENT || err == ENOTDIR ? EXIT_INPUT : EXIT_IO;
		goto out;
	}
	if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    !S_ISREG(st.st_mode)) {
		diag_add(dg, DIAG_ERROR, NULL, "'%s' is %s; siteinfra env "
		    "writes secrets only to a regular file, through no link",
		    path, S_ISLNK(st.st_mode) ? "a symbolic link" :
		    "not a regular file");
		rc = EXIT_INPUT;
		goto out;
	}
	if (!force && (rc = check_git(dg, path, real, base)) != EXIT_OK)
		goto out;
	sb_addf(&tmp, ".%s%s", base, TMP_SUFFIX);
	if (stage_tmp(dfd, tmp.buf, data, len) == -1 ||
	    renameat(dfd, tmp.buf, dfd, base) == -1) {
		diag_add(dg, DIAG_ERROR, NULL, "cannot write '%s': %s", path,
		    strerror(errno));
		unlinkat(dfd, tmp.buf, 0);
		rc = EXIT_IO;
		goto out;
	}
	rc = EXIT_OK;
out:
	if (dfd != -1)
		close(dfd);
	sb_release(&tmp);
	git_libgit2_shutdown();
	return rc;
}
