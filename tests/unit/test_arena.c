/* SPDX-License-Identifier: ISC */
/* test_arena.c: arena zeroing, alignment, large requests, strings, reuse. */
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "unit.h"

static bool
all_zero(const void *p, size_t n)
{
	const unsigned char	*u = p;
	size_t			 i;

	for (i = 0; i < n; i++)
		if (u[i] != 0)
			return false;
	return true;
}

static bool
aligned(const void *p)
{
	return (uintptr_t)p % alignof(max_align_t) == 0;
}

/* Freshly freed memory is dirtied first, so a missing memset shows. */
static void
test_zeroed(void)
{
	struct arena	 a;
	unsigned char	*p;
	size_t		 sizes[] = { 1, 7, 16, 100, 4000, 20000, 70000 };
	size_t		 i;
	bool		 ok = true;

	arena_init(&a);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p = arena_alloc(&a, sizes[i]);
		memset(p, 0xAA, sizes[i]);
	}
	arena_free(&a);
	CHECK(a.head == NULL);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p = arena_alloc(&a, sizes[i]);
		if (!all_zero(p, sizes[i]))
			ok = false;
		memset(p, 0x55, sizes[i]);
	}
	CHECK(ok);
	p = arena_array(&a, 10, sizeof(uint64_t));
	CHECK(all_zero(p, 10 * sizeof(uint64_t)));
	{
		struct pair { int x; void *y; } *q = ARENA_NEW(&a, struct pair);

		CHECK(q->x == 0 && q->y == NULL);
	}
	arena_free(&a);
}

/* Many mixed sizes, some over a quarter block: all aligned, none overlap. */
static void
test_alignment(void)
{
	struct arena	 a;
	unsigned char	*p[3000];
	size_t		 n[3000], i, j;
	bool		 al = true, mark = true;

	arena_init(&a);
	for (i = 0; i < 3000; i++) {
		n[i] = (i * 37) % 61 + (i % 97 == 0 ? 20000 : 0);
		p[i] = arena_alloc(&a, n[i]);
		if (p[i] == NULL || !aligned(p[i]))
			al = false;
		if (n[i] > 0)
			memset(p[i], (int)(i & 0xFF), n[i]);
	}
	CHECK(al);
	/* Each object still holds its own fill: nothing overlapped. */
	for (i = 0; i < 3000; i++)
		for (j = 0; j < n[i]; j++)
			if (p[i][j] != (unsigned char)(i & 0xFF))
				mark = false;
	CHECK(mark);
	arena_free(&a);
}

/* A small block size forces chaining; odd sizes keep alignment. */
static void
test_small_blocks(void)
{
	struct arena	 a;
	char		*p, *prev = NULL;
	size_t		 i;
	bool		 ok = true;

	arena_init(&a);
	a.blksz = 256;
	for (i = 0; i < 500; i++) {
		p = arena_alloc(&a, i % 50 + 1);
		if (!aligned(p) || p == prev)
			ok = false;
		memset(p, 'x', i % 50 + 1);
		prev = p;
	}
	CHECK(ok);
	arena_free(&a);
}

/* Requests over blksz/4 get their own block; small ones keep working. */
static void
test_large(void)
{
	struct arena	 a;
	char		*s1, *big, *s2, *huge;

	arena_init(&a);
	s1 = arena_alloc(&a, 1);
	big = arena_alloc(&a, 64 * 1024 / 4 + 1);
	s2 = arena_alloc(&a, 1);
	huge = arena_alloc(&a, 3 * 1024 * 1024);
	CHECK(s1 != NULL && big != NULL && s2 != NULL && huge != NULL);
	CHECK(aligned(big) && aligned(huge) && aligned(s2));
	CHECK(all_zero(big, 64 * 1024 / 4 + 1));
	CHECK(all_zero(huge, 3 * 1024 * 1024));
	memset(big, 'b', 64 * 1024 / 4 + 1);
	memset(huge, 'h', 3 * 1024 * 1024);
	*s1 = '1';
	*s2 = '2';
	CHECK(*s1 == '1' && *s2 == '2' && big[0] == 'b' &&
	    big[64 * 1024 / 4] == 'b' && huge[3 * 1024 * 1024 - 1] == 'h');
#ifndef ARENA_DEBUG
	/* The bump allocator: the small block kept serving after big. */
	CHECK(s2 - s1 == (ptrdiff_t)alignof(max_align_t));
#endif
	arena_free(&a);
}

static void
test_zero_size(void)
{
	struct arena	 a;
	void		*p, *q;

	arena_init(&a);
	p = arena_alloc(&a, 0);
	q = arena_alloc(&a, 0);
	CHECK(p != NULL && q != NULL && p != q);
	CHECK(aligned(p) && aligned(q));
	p = arena_array(&a, 0, 8);
	CHECK(p != NULL);
	arena_free(&a);
}

static void
test_strings(void)
{
	struct arena	 a;
	char		*s, *big;
	size_t		 i;
	bool		 ok = true;

	arena_init(&a);
	EQ_STR(arena_strdup(&a, "hello"), "hello");
	EQ_STR(arena_strdup(&a, ""), "");
	EQ_STR(arena_strndup(&a, "hello", 3), "hel");
	EQ_STR(arena_strndup(&a, "hello", 0), "");
	/* n bytes are copied even past a NUL, then one NUL is added. */
	s = arena_strndup(&a, "a\0b", 3);
	CHECK(memcmp(s, "a\0b\0", 4) == 0);
	EQ_STR(arena_printf(&a, "%s-%d-%c-%x", "x", -42, 'z', 255u),
	    "x--42-z-ff");
	EQ_STR(arena_printf(&a, "%s", ""), "");
	EQ_STR(arena_printf(&a, "%%"), "%");
	/* Longer than a block, so the string gets its own. */
	big = arena_printf(&a, "<%0100000d>", 7);
	CHECK(strlen(big) == 100002);
	for (i = 1; i < 100000; i++)
		if (big[i] != '0')
			ok = false;
	CHECK(ok && big[0] == '<' && big[100000] == '7' &&
	    big[100001] == '>');
	arena_free(&a);
}

/* arena_free leaves an arena that can be used, and freed, again. */
static void
test_reuse(void)
{
	struct arena	 a;
	char		*s;
	int		 round;

	arena_init(&a);
	arena_free(&a);
	CHECK(a.head == NULL);
	for (round = 0; round < 3; round++) {
		s = arena_printf(&a, "round %d", round);
		(void)arena_alloc(&a, 50000);
		CHECK(a.head != NULL);
		CHECK(strcmp(s, round == 0 ? "round 0" : round == 1 ?
		    "round 1" : "round 2") == 0);
		arena_free(&a);
		CHECK(a.head == NULL);
	}
	arena_free(&a);
}

int
main(void)
{
	test_zeroed();
	test_alignment();
	test_small_blocks();
	test_large();
	test_zero_size();
	test_strings();
	test_reuse();
	return unit_summary();
}
