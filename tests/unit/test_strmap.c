/* SPDX-License-Identifier: ISC */
/* test_strmap.c: the string map's put and get, duplicates, growth and hash. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "strmap.h"
#include "unit.h"

static int	v1, v2, v3;

static void
test_put_get(void)
{
	struct arena	a;
	struct strmap	m;

	arena_init(&a);
	strmap_init(&m, &a);
	CHECK(strmap_get(&m, "x") == NULL);
	CHECK(strmap_put(&m, "alpha", &v1) == NULL);
	CHECK(strmap_put(&m, "beta", &v2) == NULL);
	CHECK(strmap_put(&m, "", &v3) == NULL);
	CHECK(m.n == 3);
	CHECK(strmap_get(&m, "alpha") == &v1);
	CHECK(strmap_get(&m, "beta") == &v2);
	CHECK(strmap_get(&m, "") == &v3);
	CHECK(strmap_get(&m, "alph") == NULL);
	CHECK(strmap_get(&m, "alphab") == NULL);
	CHECK(strmap_get(&m, "Alpha") == NULL);
	arena_free(&a);
}

/* A second put of a key returns the first value and keeps it. */
static void
test_duplicate(void)
{
	struct arena	a;
	struct strmap	m;
	char		key[] = "site";

	arena_init(&a);
	strmap_init(&m, &a);
	CHECK(strmap_put(&m, "site", &v1) == NULL);
	/* Compared by content, not by pointer. */
	CHECK(strmap_put(&m, key, &v2) == &v1);
	CHECK(strmap_get(&m, "site") == &v1);
	CHECK(m.n == 1);
	arena_free(&a);
}

/* Thousands of keys: all found, the count right, the size a power of 2. */
static void
test_growth(void)
{
	struct arena	 a;
	struct strmap	 m;
	char		*keys[20000];
	size_t		 i, n = 20000;
	bool		 put = true, got = true, dup = true;

	arena_init(&a);
	strmap_init(&m, &a);
	for (i = 0; i < n; i++) {
		keys[i] = arena_printf(&a, "key-%zu", i);
		if (strmap_put(&m, keys[i], &keys[i]) != NULL)
			put = false;
	}
	CHECK(put);
	CHECK(m.n == n);
	CHECK(m.cap >= 2 * n && (m.cap & (m.cap - 1)) == 0);
	for (i = 0; i < n; i++) {
		char buf[32];

		snprintf(buf, sizeof(buf), "key-%zu", i);
		if (strmap_get(&m, buf) != &keys[i])
			got = false;
		if (strmap_put(&m, buf, NULL) != &keys[i])
			dup = false;
	}
	CHECK(got);
	CHECK(dup);
	CHECK(m.n == n);
	CHECK(strmap_get(&m, "key-20000") == NULL);
	CHECK(strmap_get(&m, "key-") == NULL);
	arena_free(&a);
}

/* FNV-1a 64 test vectors (Fowler, Noll, Vo). */
static void
test_hash(void)
{
	CHECK(hash_bytes("", 0) == 0xcbf29ce484222325ULL);
	CHECK(hash_bytes("a", 1) == 0xaf63dc4c8601ec8cULL);
	CHECK(hash_bytes("foobar", 6) == 0x85944171f73967e8ULL);
}

int
main(void)
{
	test_put_get();
	test_duplicate();
	test_growth();
	test_hash();
	return unit_summary();
}
