/* SPDX-License-Identifier: ISC */
/* arena.c: a chained-block bump allocator, freed in one call. */
#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ARENA_BLKSZ	(64 * 1024)

struct arena_blk {
	struct arena_blk	*next;
	size_t			 size;	/* bytes usable in data */
	size_t			 used;
	alignas(max_align_t) unsigned char data[];
};

void
xalloc_die(void)
{
	fputs("siteinfra: out of memory\n", stderr);
	exit(3);
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		xalloc_die();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		xalloc_die();
	return p;
}

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->blksz = ARENA_BLKSZ;
}

static struct arena_blk *
blk_new(size_t size)
{
	struct arena_blk	*b;

	if (size > SIZE_MAX - sizeof(*b))
		xalloc_die();
	b = malloc(sizeof(*b) + size);
	if (b == NULL)
		xalloc_die();
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

#ifdef ARENA_DEBUG
/*
 * Debug mode: every object is its own calloc, so AddressSanitizer sees
 * the bounds of each one; the blocks only keep the list for arena_free.
 */
void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_blk	*b = blk_new(n);

	memset(b->data, 0, n);
	b->used = n;
	b->next = a->head;
	a->head = b;
	return b->data;
}
#else
void *
arena_alloc(struct arena *a, size_t n)
{
	const size_t		 al = alignof(max_align_t);
	struct arena_blk	*b = a->head;
	size_t			 off;
	void			*p;

	if (n > SIZE_MAX - al)
		xalloc_die();
	n = (n + al - 1) & ~(al - 1);
	if (n == 0)
		n = al;
	/* Large requests get their own block behind the head. */
	if (n > a->blksz / 4) {
		struct arena_blk *big = blk_new(n);

		big->used = n;
		if (b == NULL)
			a->head = big;
		else {
			big->next = b->next;
			b->next = big;
		}
		memset(big->data, 0, n);
		return big->data;
	}
	if (b == NULL || b->size - b->used < n) {
		b = blk_new(a->blksz);
		b->next = a->head;
		a->head = b;
	}
	off = b->used;
	b->used += n;
	p = b->data + off;
	memset(p, 0, n);
	return p;
}
#endif

void *
arena_array(struct arena *a, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		xalloc_die();
	return arena_alloc(a, n * size);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	if (n == SIZE_MAX)
		xalloc_die();
	p = arena_alloc(a, n + 1);
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/* Formats once on the stack; only a long string is formatted twice. */
char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	 tmp[256], *p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_die();
	if ((size_t)n < sizeof(tmp))
		return arena_strndup(a, tmp, (size_t)n);
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_blk	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
