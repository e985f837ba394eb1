/* SPDX-License-Identifier: ISC */
/* test_outset.c: the generated-file set: adding, duplicates, sorted order. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "outset.h"
#include "sbuf.h"
#include "unit.h"

static void
test_add(void)
{
	struct arena	 a;
	struct outset	 os;
	struct sbuf	 sb = SBUF_INIT;
	struct outfile	*f;

	arena_init(&a);
	outset_init(&os, &a);
	sb_addstr(&sb, "terraform {}\n");
	CHECK(outset_add(&os, "www/main.tf", &sb, "www") == 0);
	/* The content was taken: the builder is empty again. */
	CHECK(sb.len == 0 && sb.cap == 0 && sb.buf[0] == '\0');
	CHECK(outset_add_copy(&os, "www/site.env", "A=1\0B", 5, NULL) == 0);
	CHECK(os.n == 2);
	CHECK(os.bytes == 13 + 5);

	f = outset_get(&os, "www/main.tf");
	CHECK(f != NULL);
	if (f != NULL) {
		EQ_STR(f->path, "www/main.tf");
		EQ_STR(f->data, "terraform {}\n");
		CHECK(f->len == 13);
		CHECK(f->mode == 0644);
		EQ_STR(f->site, "www");
	}
	f = outset_get(&os, "www/site.env");
	CHECK(f != NULL);
	if (f != NULL) {
		CHECK(f->len == 5 && memcmp(f->data, "A=1\0B\0", 6) == 0);
		CHECK(f->site == NULL);
	}
	CHECK(outset_get(&os, "www") == NULL);
	/* An empty builder still makes a file, of length 0. */
	CHECK(outset_add(&os, "empty", &sb, NULL) == 0);
	f = outset_get(&os, "empty");
	CHECK(f != NULL && f->len == 0 && f->data != NULL &&
	    f->data[0] == '\0');
	outset_free(&os);
	CHECK(os.head == NULL && os.n == 0);
	arena_free(&a);
}

/* A path added twice is refused, and the second content freed (LSan checks). */
static void
test_duplicate(void)
{
	struct arena	 a;
	struct outset	 os;
	struct sbuf	 sb = SBUF_INIT;
	struct outfile	*f;

	arena_init(&a);
	outset_init(&os, &a);
	sb_addstr(&sb, "first");
	CHECK(outset_add(&os, "a.tf", &sb, NULL) == 0);
	sb_addstr(&sb, "second");
	CHECK(outset_add(&os, "a.tf", &sb, NULL) == -1);
	CHECK(sb.len == 0);
	CHECK(outset_add_copy(&os, "a.tf", "third", 5, NULL) == -1);
	CHECK(os.n == 1 && os.bytes == 5);
	f = outset_get(&os, "a.tf");
	CHECK(f != NULL && strcmp(f->data, "first") == 0);
	sb_release(&sb);
	outset_free(&os);
	arena_free(&a);
}

/* Sorted by strcmp, that is by unsigned bytes, not by locale or case. */
static void
test_sorted(void)
{
	static const char *const in[] = {
		"\xc3\xa9", "b", "aB", "a0", "a/b", "a.b", "a-b", "a", "B",
		"a/b/c",
	};
	static const char *const want[] = {
		"B", "a", "a-b", "a.b", "a/b", "a/b/c", "a0", "aB", "b",
		"\xc3\xa9",
	};
	struct arena	  a;
	struct outset	  os;
	struct outfile	**v;
	size_t		  i, n = sizeof(in) / sizeof(in[0]);
	int		  bad = 0;

	arena_init(&a);
	outset_init(&os, &a);
	for (i = 0; i < n; i++)
		if (outset_add_copy(&os, in[i], in[i], strlen(in[i]),
		    NULL) != 0)
			bad++;
	CHECK(bad == 0);
	v = outset_sorted(&os);
	for (i = 0; i < n; i++)
		EQ_STR(v[i] != NULL ? v[i]->path : NULL, want[i]);
	CHECK(v[n] == NULL);
	free(v);
	outset_free(&os);

	/* An empty set gives a lone NULL. */
	outset_init(&os, &a);
	v = outset_sorted(&os);
	CHECK(v[0] == NULL);
	free(v);
	outset_free(&os);
	arena_free(&a);
}

int
main(void)
{
	test_add();
	test_duplicate();
	test_sorted();
	return unit_summary();
}
