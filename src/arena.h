/* SPDX-License-Identifier: ISC */
/* arena.h: bump allocation with one bulk free; all memory is zeroed. */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena_blk;

struct arena {
	struct arena_blk	*head;	/* current block, serves small requests */
	size_t			 blksz;	/* default block size */
};

/* Sets up an empty arena; nothing is allocated until the first request. */
void	 arena_init(struct arena *);
/* Returns zeroed memory aligned for any type, valid until arena_free. */
void	*arena_alloc(struct arena *, size_t);
/* Like arena_alloc for n objects of size bytes; aborts on overflow. */
void	*arena_array(struct arena *, size_t n, size_t size);
/* Returns a NUL-terminated copy of the n first bytes of s. */
char	*arena_strndup(struct arena *, const char *s, size_t n);
char	*arena_strdup(struct arena *, const char *);
/* Returns a formatted string allocated in the arena. */
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
/* Frees every block; the arena can be used again afterwards. */
void	 arena_free(struct arena *);

/* Prints "siteinfra: out of memory" and exits 3: the one place that exits. */
_Noreturn void	xalloc_die(void);
void	*xmalloc(size_t);
void	*xrealloc(void *, size_t);

#define ARENA_NEW(a, type)	((type *)arena_alloc((a), sizeof(type)))

#endif
