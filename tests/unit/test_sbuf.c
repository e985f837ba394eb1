/* SPDX-License-Identifier: ISC */
/* test_sbuf.c: the string builder's invariant and each of its operations. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "unit.h"

/* buf is never NULL, buf[len] is NUL, and the shared empty stays empty. */
static bool
sane(const struct sbuf *sb)
{
	return sb->buf != NULL && sb->buf[sb->len] == '\0' &&
	    (sb->cap == 0 ? sb->len == 0 : sb->len < sb->cap) &&
	    sb_empty[0] == '\0';
}

static void
test_fresh(void)
{
	struct sbuf	a = SBUF_INIT, b;

	CHECK(sane(&a));
	EQ_STR(a.buf, "");
	CHECK(a.len == 0 && a.cap == 0);
	sb_init(&b);
	CHECK(sane(&b) && b.len == 0 && b.cap == 0);
	/* Nothing to add: no allocation, still the shared empty string. */
	sb_add(&a, "x", 0);
	sb_addstr(&a, "");
	CHECK(a.cap == 0 && a.buf == sb_empty);
	sb_reset(&a);
	sb_setlen(&a, 0);
	CHECK(sane(&a) && a.cap == 0);
	sb_release(&a);
	CHECK(sane(&a) && a.buf == sb_empty);
	sb_release(&b);
}

static void
test_add(void)
{
	struct sbuf	sb = SBUF_INIT;

	sb_add(&sb, "abcdef", 3);
	CHECK(sane(&sb) && sb.len == 3);
	EQ_STR(sb.buf, "abc");
	sb_addstr(&sb, "-de");
	sb_addch(&sb, 'f');
	EQ_STR(sb.buf, "abc-def");
	sb_addf(&sb, "[%d|%s|%3s]", -7, "q", "r");
	EQ_STR(sb.buf, "abc-def[-7|q|  r]");
	CHECK(sane(&sb) && sb.len == strlen("abc-def[-7|q|  r]"));
	sb_addf(&sb, "%s", "");
	CHECK(sb.len == 17);
	sb_pad(&sb, 3);
	sb_addch(&sb, '|');
	EQ_STR(sb.buf, "abc-def[-7|q|  r]   |");
	sb_pad(&sb, 0);
	CHECK(sane(&sb) && sb.len == 21);
	/* Bytes, NULs included, are kept; len counts them. */
	sb_add(&sb, "x\0y", 3);
	CHECK(sane(&sb) && sb.len == 24 && memcmp(sb.buf + 21, "x\0y", 4) == 0);
	sb_release(&sb);
	CHECK(sane(&sb) && sb.len == 0 && sb.cap == 0);
}

/* An sb_addf result longer than the first allocation. */
static void
test_addf_long(void)
{
	struct sbuf	sb = SBUF_INIT;

	sb_addch(&sb, '<');
	sb_addf(&sb, "%0200d>", 5);
	CHECK(sane(&sb) && sb.len == 202);
	CHECK(sb.buf[0] == '<' && sb.buf[1] == '0' && sb.buf[199] == '0' &&
	    sb.buf[200] == '5' && sb.buf[201] == '>');
	sb_release(&sb);
}

static void
test_setlen_reset(void)
{
	struct sbuf	sb = SBUF_INIT;
	char		*keep;

	sb_addstr(&sb, "hello world");
	sb_setlen(&sb, 5);
	CHECK(sane(&sb) && sb.len == 5);
	EQ_STR(sb.buf, "hello");
	sb_addstr(&sb, "!");
	EQ_STR(sb.buf, "hello!");
	keep = sb.buf;
	sb_reset(&sb);
	CHECK(sane(&sb) && sb.len == 0);
	EQ_STR(sb.buf, "");
	/* reset keeps the allocation for reuse. */
	CHECK(sb.buf == keep && sb.cap > 0);
	sb_addstr(&sb, "again");
	EQ_STR(sb.buf, "again");
	sb_release(&sb);
}

static void
test_detach(void)
{
	struct sbuf	 sb = SBUF_INIT;
	char		*p;
	size_t		 len = 99;

	sb_addstr(&sb, "taken");
	p = sb_detach(&sb, &len);
	EQ_STR(p, "taken");
	CHECK(len == 5);
	CHECK(sane(&sb) && sb.len == 0 && sb.cap == 0 && sb.buf == sb_empty);
	free(p);
	/* A fresh builder still hands out a heap string the caller frees. */
	len = 99;
	p = sb_detach(&sb, &len);
	CHECK(p != NULL && p != sb_empty && p[0] == '\0' && len == 0);
	free(p);
	sb_addstr(&sb, "x");
	p = sb_detach(&sb, NULL);
	EQ_STR(p, "x");
	free(p);
	CHECK(sane(&sb));
}

/* Several MB in small pieces: contents and invariant hold throughout. */
static void
test_growth(void)
{
	struct sbuf	sb = SBUF_INIT;
	size_t		i, n = 600000;
	bool		ok = true;

	for (i = 0; i < n; i++) {
		sb_addf(&sb, "%07zu", i);
		if (i % 3 == 0)
			sb_addch(&sb, '\n');
		if (sb.buf[sb.len] != '\0')
			ok = false;
	}
	CHECK(ok);
	CHECK(sane(&sb) && sb.len == n * 7 + n / 3);
	CHECK(sb.len > 4 * 1024 * 1024);
	CHECK(memcmp(sb.buf, "0000000\n00000010000002", 22) == 0);
	CHECK(memcmp(sb.buf + sb.len - 7, "0599999", 7) == 0);
	sb_setlen(&sb, 8);
	EQ_STR(sb.buf, "0000000\n");
	sb_release(&sb);

	/* One request larger than any doubling step so far. */
	sb_addch(&sb, 'a');
	sb_pad(&sb, 5 * 1024 * 1024);
	CHECK(sane(&sb) && sb.len == 5 * 1024 * 1024 + 1);
	CHECK(sb.buf[0] == 'a' && sb.buf[1] == ' ' &&
	    sb.buf[sb.len - 1] == ' ');
	sb_release(&sb);
}

/* The hand-formatted numbers print what printf prints. */
static void
test_numbers(void)
{
	static const long long	vals[] = { 0, 1, -1, 9, 10, 999999999,
		1000000000, -123456789012LL, 9223372036854775807LL,
		-9223372036854775807LL - 1 };
	static const unsigned long long hexes[] = { 0, 1, 0xdeadbeefULL,
		0xffffffffffffffffULL, 0x0123456789abcdefULL };
	struct sbuf	sb = SBUF_INIT;
	char		want[64];
	size_t		i;

	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		sb_reset(&sb);
		sb_addnum(&sb, vals[i]);
		snprintf(want, sizeof(want), "%lld", vals[i]);
		EQ_STR(sb.buf, want);
		sb_reset(&sb);
		sb_addnum_w(&sb, vals[i], 9);
		snprintf(want, sizeof(want), "%09lld", vals[i]);
		EQ_STR(sb.buf, want);
		CHECK(sane(&sb));
	}
	for (i = 0; i < sizeof(hexes) / sizeof(hexes[0]); i++) {
		sb_reset(&sb);
		sb_addhex16(&sb, hexes[i]);
		snprintf(want, sizeof(want), "%016llx", hexes[i]);
		EQ_STR(sb.buf, want);
	}
	sb_release(&sb);
}

int
main(void)
{
	test_fresh();
	test_add();
	test_addf_long();
	test_setlen_reset();
	test_detach();
	test_growth();
	test_numbers();
	return unit_summary();
}
