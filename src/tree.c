/* SPDX-License-Identifier: ISC */
/* tree.c: checks paths of the output tree and walks it with openat, never through a link. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "model.h"
#include "sbuf.h"
#include "src.h"
#include "templates.h"
#include "tree.h"

const char *
tree_path_problem(const char *p, size_t len, size_t *at)
{
	size_t	i, start = 0, depth = 0, n;

	*at = 0;
	if (len == 0)
		return "the path is empty";
	if (p[0] == '/')
		return "the path is absolute";
	if (len >= sizeof(((struct tree *)0)->cur))
		return "the path is too long";
	for (i = 0; i <= len; i++) {
		if (i < len && (unsigned char)p[i] < 0x20) {
			*at = i;
			return p[i] == '\0' ? "the path holds a NUL byte" :
			    "the path holds a control character";
		}
		if (i < len && p[i] == 0x7f) {
			*at = i;
			return "the path holds a control character";
		}
		if (i < len && (unsigned char)p[i] >= 0x80) {
			if ((n = utf8_seqlen((const unsigned char *)p + i,
			    len - i)) == 0) {
				*at = i;
				return "the path is not valid UTF-8";
			}
			i += n - 1;
			continue;
		}
		if (i < len && p[i] != '/')
			continue;
		*at = start;
		if (i == start)
			return "the path has an empty component";
		if (i - start == 1 && p[start] == '.')
			return "the path has a '.' component";
		if (i - start == 2 && p[start] == '.' && p[start + 1] == '.')
			return "the path has a '..' component";
		if (i < len && ++depth > TREE_MAXDEPTH) {
			*at = i;
			return "the path is too deep";
		}
		start = i + 1;
	}
	return NULL;
}

/* A name siteinfra gives a site, block or file: no dot first, no slash. */
static size_t
name_len(const char *s)
{
	size_t	n = 0;

	if (s[0] == '.')
		return 0;
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
	    (s[n] >= '0' && s[n] <= '9') || s[n] == '-' || s[n] == '_' ||
	    s[n] == '.')
		n++;
	return n;
}

/* Skips "<provider>/" at s; NULL when s does not start with one. */
static const char *
provider_dir(const char *s)
{
	size_t	i, n;

	for (i = 0; i < PROVIDER__MAX; i++) {
		n = strlen(provider_names[i]);
		if (strncmp(s, provider_names[i], n) == 0 && s[n] == '/')
			return s + n + 1;
	}
	return NULL;
}

/* True when s is one name ending in suffix, and nothing else. */
static bool
file_named(const char *s, const char *suffix)
{
	size_t	n = name_len(s), sl = strlen(suffix);

	return n > sl && s[n] == '\0' && strcmp(s + n - sl, suffix) == 0;
}

/* Skips "<name>/" at s; NULL when there is no such component. */
static const char *
name_dir(const char *s)
{
	size_t	n = name_len(s);

	return n > 0 && s[n] == '/' ? s + n + 1 : NULL;
}

bool
tree_owned(const char *rel)
{
	const char	*r;
	size_t		 i;

	if (strcmp(rel, "README.md") == 0 || strcmp(rel, ".gitattributes") ==
	    0 || strcmp(rel, ".gitignore") == 0)
		return true;
	if (strncmp(rel, "modules/", 8) == 0)
		return template_find(rel + 8) != NULL;
	if (strncmp(rel, "state/", 6) == 0 || strncmp(rel, "shared/", 7) == 0) {
		r = provider_dir(strchr(rel, '/') + 1);
		if (r != NULL && file_named(r, ".tf"))
			return true;
		/* shared/aws/<site>/: a site's image registry. */
		r = r != NULL && rel[0] == 's' && rel[1] == 'h' ? name_dir(r) :
		    NULL;
		return r != NULL && file_named(r, ".tf");
	}
	if (strncmp(rel, "sites/", 6) == 0) {
		r = name_dir(rel + 6);
		r = r != NULL ? provider_dir(r) : NULL;
		return r != NULL && file_named(r, ".tf");
	}
	if (strncmp(rel, "env.d/", 6) == 0) {
		for (i = 0; i < PROVIDER__MAX; i++) {
			r = rel + 6;
			if (strncmp(r, provider_names[i], strlen(
			    provider_names[i])) == 0 && strcmp(r + strlen(
			    provider_names[i]), ".dist") == 0)
				return true;
		}
		r = name_dir(rel + 6);
		return r != NULL && file_named(r, ".dist");
	}
	return false;
}

int
tree_open(struct tree *t, const char *dir)
{
	memset(t, 0, sizeof(*t));
	t->root = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return t->root == -1 ? -1 : 0;
}

static void
drop_to(struct tree *t, size_t depth)
{
	while (t->depth > depth)
		close(t->fds[--t->depth]);
}

void
tree_forget(struct tree *t)
{
	drop_to(t, 0);
	t->cur[0] = '\0';
}

void
tree_close(struct tree *t)
{
	drop_to(t, 0);
	if (t->root != -1)
		close(t->root);
	t->root = -1;
}

/* Why a component could not be opened as a directory: a link is ELOOP. */
static int
refused(struct tree *t, int at, const char *rel, size_t len, const char *name)
{
	struct stat	sb;
	int		saved = errno;

	if (fstatat(at, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(sb.st_mode))
		saved = ELOOP;
	else if (saved == ELOOP)
		saved = ENOTDIR;
	snprintf(t->bad, sizeof(t->bad), "%.*s", (int)len, rel);
	errno = saved;
	return -1;
}

int
tree_parent(struct tree *t, const char *rel, const char **base)
{
	const char	*slash = strrchr(rel, '/');
	size_t		 dirlen = slash ? (size_t)(slash - rel) : 0;
	size_t		 i = 0, keep = 0, len;
	const char	*end;
	char		 name[256];
	int		 at, fd;

	*base = slash ? slash + 1 : rel;
	if (dirlen >= sizeof(t->cur)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	/* Keep the open directories rel shares with the last lookup. */
	while (keep < t->depth && i < dirlen) {
		end = memchr(rel + i, '/', dirlen - i);
		len = end ? (size_t)(end - (rel + i)) : dirlen - i;
		if (strncmp(rel + i, t->cur + i, len) != 0 ||
		    (t->cur[i + len] != '/' && t->cur[i + len] != '\0'))
			break;
		keep++;
		i += len + 1;
	}
	drop_to(t, keep);
	t->cur[i > 0 ? i - 1 : 0] = '\0';
	while (i < dirlen) {
		end = memchr(rel + i, '/', dirlen - i);
		len = end ? (size_t)(end - (rel + i)) : dirlen - i;
		if (len >= sizeof(name) || t->depth == TREE_MAXDEPTH) {
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(name, rel + i, len);
		name[len] = '\0';
		at = t->depth ? t->fds[t->depth - 1] : t->root;
		fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		if (fd == -1) {
			if (errno == ENOENT)
				return -1;
			return refused(t, at, rel, i + len, name);
		}
		t->fds[t->depth++] = fd;
		i += len + 1;
		memcpy(t->cur, rel, i - 1);
		t->cur[i - 1] = '\0';
	}
	return t->depth ? t->fds[t->depth - 1] : t->root;
}

int
tree_open_file(struct tree *t, const char *rel)
{
	const char	*base;
	int		 at, fd;

	if ((at = tree_parent(t, rel, &base)) == -1)
		return -1;
	fd = openat(at, base, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 && errno == ELOOP)
		snprintf(t->bad, sizeof(t->bad), "%s", rel);
	return fd;
}

int
tree_mkdir(struct tree *t, const char *rel)
{
	const char	*base;
	int		 at;

	if ((at = tree_parent(t, rel, &base)) == -1)
		return -1;
	return mkdirat(at, base, 0755);
}

static int
remove_under(int at, const char *name, unsigned depth)
{
	DIR		*d;
	struct dirent	*e;
	int		 fd, rc = 0, saved;

	if (unlinkat(at, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	if (depth > TREE_MAXDEPTH) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		saved = errno;
		if (fd != -1)
			close(fd);
		errno = saved;
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			rc = remove_under(dirfd(d), e->d_name, depth + 1);
	saved = errno;
	closedir(d);
	if (rc == -1) {
		errno = saved;
		return -1;
	}
	return unlinkat(at, name, AT_REMOVEDIR) == -1 && errno != ENOENT ?
	    -1 : 0;
}

int
tree_remove_all(int dirfd, const char *name)
{
	return remove_under(dirfd, name, 0);
}

int
tree_read_fd(int fd, char **data, size_t *len)
{
	struct sbuf	sb = SBUF_INIT;
	char		buf[65536];
	ssize_t		n;
	int		saved;

	if (fd == -1)
		return -1;
	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			saved = errno;
			close(fd);
			sb_release(&sb);
			errno = saved;
			return -1;
		}
		if (n == 0)
			break;
		sb_add(&sb, buf, (size_t)n);
	}
	close(fd);
	*data = sb_detach(&sb, len);
	return 0;
}

int
tree_read(struct tree *t, const char *rel, char **data, size_t *len)
{
	if (t->root == -1) {
		errno = ENOENT;
		return -1;
	}
	return tree_read_fd(tree_open_file(t, rel), data, len);
}
