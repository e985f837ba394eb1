/* SPDX-License-Identifier: ISC */
/* strmap.h: a string-keyed hash map in the arena, for linear-time lookups. */
#ifndef STRMAP_H
#define STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct strmap {
	struct arena	*ar;
	const char	**keys;
	void		**vals;
	size_t		 cap;	/* a power of two, or 0 */
	size_t		 n;
};

void	 strmap_init(struct strmap *, struct arena *);
/* Returns the value stored under key, or NULL. */
void	*strmap_get(const struct strmap *, const char *key);
/*
 * Stores val under key unless the key is present.  Returns NULL when it
 * was stored, or the value already there (which is kept).  The key is
 * not copied: it must live as long as the map.
 */
void	*strmap_put(struct strmap *, const char *key, void *val);

/* 64-bit FNV-1a of n bytes. */
uint64_t hash_bytes(const void *, size_t n);

#endif
