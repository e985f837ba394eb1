/* SPDX-License-Identifier: ISC */
/* test_statcache.c: the stat cache's trust rule (git's racy-clean) and its file format. */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>

#include "arena.h"
#include "sbuf.h"
#include "statcache.h"
#include "unit.h"

static struct stat
fake(long long size, long long mt, long long mtns, long long ct,
    long long ctns, unsigned long long ino)
{
	struct stat	st;

	memset(&st, 0, sizeof(st));
	st.st_size = size;
	st.st_mtim.tv_sec = mt;
	st.st_mtim.tv_nsec = mtns;
	st.st_ctim.tv_sec = ct;
	st.st_ctim.tv_nsec = ctns;
	st.st_ino = ino;
	return st;
}

static void
test_fresh(void)
{
	struct statcache	c;
	struct sc_entry		e;
	struct stat		st = fake(100, 1000, 5, 1000, 5, 42), other;

	memset(&c, 0, sizeof(c));
	c.written.tv_sec = 1001;
	c.written.tv_nsec = 0;
	sc_entry_set(&e, &st, 7);
	CHECK(e.hash == 7 && e.size == 100 && e.ino == 42);
	CHECK(sc_fresh(&c, &e, &st));
	/* Any change of size, inode, mtime or ctime ends the trust. */
	other = fake(101, 1000, 5, 1000, 5, 42);
	CHECK(!sc_fresh(&c, &e, &other));
	other = fake(100, 1000, 5, 1000, 5, 43);
	CHECK(!sc_fresh(&c, &e, &other));
	other = fake(100, 1000, 6, 1000, 5, 42);
	CHECK(!sc_fresh(&c, &e, &other));
	other = fake(100, 1000, 5, 1002, 0, 42);	/* mtime put back */
	CHECK(!sc_fresh(&c, &e, &other));
	/* Racily clean: written in the tick the cache was written in. */
	c.written.tv_sec = 1000;
	c.written.tv_nsec = 5;
	CHECK(!sc_fresh(&c, &e, &st));
	c.written.tv_nsec = 6;
	CHECK(sc_fresh(&c, &e, &st));
	/* Coarse clocks: the same second counts as the same tick. */
	st = fake(100, 1000, 0, 1000, 0, 42);
	sc_entry_set(&e, &st, 7);
	c.written.tv_sec = 1000;
	c.written.tv_nsec = 0;
	CHECK(!sc_fresh(&c, &e, &st));
	/* fresh is exactly same and not racy: a racy entry still matches. */
	CHECK(sc_same(&e, &st) && sc_racy(&c, &e));
	c.written.tv_sec = 1001;
	CHECK(sc_same(&e, &st) && !sc_racy(&c, &e));
	/* A ctime in the cache's tick is racy even with an older mtime. */
	st = fake(100, 990, 0, 1001, 0, 42);
	sc_entry_set(&e, &st, 7);
	CHECK(sc_racy(&c, &e) && !sc_fresh(&c, &e, &st));
	other = fake(100, 990, 0, 1001, 1, 42);
	CHECK(!sc_same(&e, &other));
}

static void
test_roundtrip(void)
{
	struct arena		 ar;
	struct statcache	 c;
	struct sbuf		 sb = SBUF_INIT;
	struct sc_entry		 exe, in[2], f;
	struct stat		 st = fake(10, 1, 2, 3, 4, 5);
	const char		*inputs[2] = { "sites/a.infra", "sites/b.infra" };
	char			 path[] = "/tmp/statcache.XXXXXX";
	int			 fd;

	arena_init(&ar);
	sc_entry_set(&exe, &st, 0);
	sc_entry_set(&in[0], &st, 0);
	sc_entry_set(&in[1], &st, 0);
	sc_entry_set(&f, &st, 0xabcdef0123456789ULL);
	/* Diagnostics may hold newlines and lines that look like entries. */
	sc_write_header(&sb, &exe, inputs, in, 2, "w\nfile x\n", 9);
	sc_write_file(&sb, "sites/a/aws/main.tf", &f);
	sc_write_file(&sb, ".siteinfra.manifest", &f);
	sc_write_complete(&sb, 2);
	fd = mkstemp(path);
	CHECK(fd != -1 && write(fd, sb.buf, sb.len) == (ssize_t)sb.len);
	close(fd);
	sc_load(&c, &ar, open(path, O_RDONLY), true);
	CHECK(c.loaded && c.complete);
	CHECK(c.ninputs == 2 && strcmp(c.inputs[1], "sites/b.infra") == 0);
	CHECK(c.ndiags == 9 && memcmp(c.diags, "w\nfile x\n", 9) == 0);
	CHECK(c.npaths == 2 && strcmp(c.paths[0], "sites/a/aws/main.tf") == 0);
	CHECK(c.entries[0].hash == 0xabcdef0123456789ULL &&
	    c.entries[0].mtime_ns == 2 && c.entries[0].ctime_s == 3);
	CHECK(strmap_get(&c.files, ".siteinfra.manifest") == &c.entries[1]);
	/* Without the closing line, the cache is not complete. */
	sb_setlen(&sb, sb.len - strlen("complete 2\n"));
	fd = open(path, O_WRONLY | O_TRUNC);
	CHECK(fd != -1 && write(fd, sb.buf, sb.len) == (ssize_t)sb.len);
	close(fd);
	sc_load(&c, &ar, open(path, O_RDONLY), false);
	CHECK(c.loaded && !c.complete);
	/* A damaged line: nothing is trusted. */
	fd = open(path, O_WRONLY | O_APPEND);
	CHECK(fd != -1 && write(fd, "file zz\n", 8) == 8);
	close(fd);
	sc_load(&c, &ar, open(path, O_RDONLY), false);
	CHECK(!c.loaded && c.npaths == 0);
	unlink(path);
	sb_release(&sb);
	arena_free(&ar);
}

int
main(void)
{
	test_fresh();
	test_roundtrip();
	return unit_summary();
}
