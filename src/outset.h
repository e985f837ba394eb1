/* SPDX-License-Identifier: ISC */
/* outset.h: the generated tree, held in memory until it is complete. */
#ifndef OUTSET_H
#define OUTSET_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "strmap.h"

struct arena;
struct sbuf;

struct outfile {
	const char	*path;	/* relative to the output directory */
	char		*data;	/* heap, owned by the set */
	size_t		 len;
	mode_t		 mode;
	const char	*site;	/* the site it belongs to, or NULL */
	struct outfile	*next;
};

struct outset {
	struct arena	*ar;
	struct outfile	*head, **tail;
	size_t		 n;
	size_t		 bytes;
	struct strmap	 paths;
};

void	outset_init(struct outset *, struct arena *);
/*
 * Adds a file, taking the content of sb (which is left empty).  Returns
 * -1 if the path was already added (a bug in a back-end).
 */
int	outset_add(struct outset *, const char *path, struct sbuf *sb,
	    const char *site);
/* Adds a copy of len bytes. */
int	outset_add_copy(struct outset *, const char *path, const char *data,
	    size_t len, const char *site);
/* Returns the file at path, or NULL. */
struct outfile	*outset_get(const struct outset *, const char *path);
/* Returns the files sorted by path, in a heap array the caller frees. */
struct outfile	**outset_sorted(const struct outset *);
void	outset_free(struct outset *);

#endif
