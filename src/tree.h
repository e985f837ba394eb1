/* SPDX-License-Identifier: ISC */
/* tree.h: paths inside the output tree, checked, and reached without following links. */
#ifndef TREE_H
#define TREE_H

#include <stdbool.h>
#include <stddef.h>

/* Deepest directory a generated path has (modules/aws/cdn/x.tf: 3). */
#define TREE_MAXDEPTH	8

/*
 * The output directory, and the chain of directories leading to the one
 * used last: generated paths come sorted, so most lookups reuse it.
 */
struct tree {
	int	 root;			/* the output directory */
	int	 fds[TREE_MAXDEPTH];	/* fds[i]: the first i+1 components */
	size_t	 depth;
	char	 cur[4096];		/* the components open in fds */
	char	 bad[4096];		/* the directory that was refused */
};

/*
 * Checks a path of the tree: relative, no empty, "." or ".." component,
 * no control character, valid UTF-8, at most TREE_MAXDEPTH directories.
 * Returns NULL, or what is wrong (*at: the byte offset of the problem).
 */
const char	*tree_path_problem(const char *p, size_t len, size_t *at);
/*
 * True when rel has the shape of a file siteinfra generates (README.md,
 * modules/<p>/<module>/<template>, sites/<site>/<p>/<name>.tf, ...):
 * ownership is never granted to any other path, whatever a manifest says.
 */
bool	tree_owned(const char *rel);

/* Opens the output directory (following a link there: the user's choice). */
int	tree_open(struct tree *, const char *dir);
void	tree_close(struct tree *);
/*
 * Returns a descriptor of the directory holding rel (not to be closed),
 * and its last component in *base; -1 with errno when a directory on the
 * way is missing (ENOENT), not a directory (ENOTDIR) or a symbolic link
 * (ELOOP, the path in t->bad).  No link is ever followed.
 */
int	tree_parent(struct tree *, const char *rel, const char **base);
/* Closes the directories kept open (after removing one of them). */
void	tree_forget(struct tree *);
/* Opens a file of the tree for reading, following no link; fd or -1. */
int	tree_open_file(struct tree *, const char *rel);
/*
 * Reads a whole open file into a heap buffer (NUL-terminated) and closes
 * it; 0 or -1 (errno).  fd -1 is an error already set.
 */
int	tree_read_fd(int fd, char **data, size_t *len);
/* Reads a file of the tree, through no link; 0 or -1 (ENOENT: no tree). */
int	tree_read(struct tree *, const char *rel, char **data, size_t *len);
/*
 * Removes the directory name of dirfd and everything under it, following
 * no link (a link is removed, not followed); 0 or -1 (errno).
 */
int	tree_remove_all(int dirfd, const char *name);
/* mkdir of a directory whose parent exists; 0 or -1 (EEXIST included). */
int	tree_mkdir(struct tree *, const char *rel);

#endif
