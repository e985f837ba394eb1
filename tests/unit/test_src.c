/* SPDX-License-Identifier: ISC */
/* test_src.c: source buffers, line index, line:col in characters, UTF-8. */
#include <errno.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "src.h"
#include "unit.h"

static struct arena	ar;

static struct src *
mk(const char *text, size_t len)
{
	return src_from_buffer(&ar, "t.infra", text, len, 3);
}

#define MK(lit)	mk((lit), sizeof(lit) - 1)

/* True when off maps to line:col. */
static bool
at(struct src *s, uint32_t off, unsigned line, unsigned col)
{
	unsigned	l = 0, c = 0;

	src_linecol(s, off, &l, &c);
	if (l == line && c == col)
		return true;
	fprintf(stderr, "  offset %u: got %u:%u, want %u:%u\n", off, l, c,
	    line, col);
	return false;
}

/* True when line n is the bytes want (without its line break). */
static bool
line_is(struct src *s, unsigned n, uint32_t start, const char *want)
{
	uint32_t	st = 0;
	size_t		len = 99;

	src_line(s, n, &st, &len);
	if (st == start && len == strlen(want) &&
	    memcmp(s->text + st, want, len) == 0)
		return true;
	fprintf(stderr, "  line %u: got start %u len %zu\n", n, st, len);
	return false;
}

static void
test_buffer(void)
{
	char		 data[] = "a\0b\n";
	struct src	*s = mk(data, 4);

	data[0] = 'X';	/* the source holds its own copy */
	EQ_STR(s->name, "t.infra");
	CHECK(s->len == 4 && s->order == 3);
	CHECK(memcmp(s->text, "a\0b\n\0", 5) == 0);
	CHECK(at(s, 2, 1, 3));	/* a NUL byte is one column */
	s = MK("");
	CHECK(s->len == 0 && s->text[0] == '\0');
	CHECK(at(s, 0, 1, 1));
	CHECK(line_is(s, 1, 0, ""));
}

/* "ab\tc\n" "dé f\n": a tab is one column, é (2 bytes) is one column. */
static void
test_linecol(void)
{
	struct src	*s = MK("ab\tc\nd\xc3\xa9 f\n");

	CHECK(at(s, 0, 1, 1));
	CHECK(at(s, 2, 1, 3));
	CHECK(at(s, 3, 1, 4));
	CHECK(at(s, 4, 1, 5));	/* the newline itself */
	CHECK(at(s, 5, 2, 1));
	CHECK(at(s, 6, 2, 2));
	CHECK(at(s, 8, 2, 3));
	CHECK(at(s, 9, 2, 4));
	CHECK(at(s, 10, 2, 5));
	/* End of file after a final newline: an empty line 3. */
	CHECK(at(s, 11, 3, 1));
	/* Past the end: clamped to the end. */
	CHECK(at(s, 500, 3, 1));
	CHECK(s->nlines == 3);

	/* No final newline: the end of file is on the last line. */
	s = MK("x\nyz");
	CHECK(at(s, 3, 2, 2));
	CHECK(at(s, 4, 2, 3));

	/* 4-byte characters and CJK are one column each. */
	s = MK("\xf0\x9f\x98\x80\xe6\x97\xa5x");
	CHECK(at(s, 4, 1, 2));
	CHECK(at(s, 7, 1, 3));
	CHECK(at(s, 8, 1, 4));
}

/* Invalid bytes count one column each. */
static void
test_linecol_invalid(void)
{
	struct src	*s;

	s = MK("\xff\xfe" "A");
	CHECK(at(s, 2, 1, 3));
	s = MK("\xe2\x82" "x");		/* truncated euro sign */
	CHECK(at(s, 2, 1, 3));
	s = MK("\xc0\xaf" "x");		/* overlong '/' */
	CHECK(at(s, 2, 1, 3));
	s = MK("\xed\xa0\x80" "x");	/* surrogate U+D800 */
	CHECK(at(s, 3, 1, 4));
	s = MK("\xe2\x82\xac" "x");	/* a valid euro sign, for contrast */
	CHECK(at(s, 3, 1, 2));
}

static void
test_crlf(void)
{
	struct src	*s = MK("a\r\nbc\r\n\r\nd");

	CHECK(at(s, 0, 1, 1));
	CHECK(at(s, 3, 2, 1));
	CHECK(at(s, 4, 2, 2));
	CHECK(at(s, 9, 4, 1));
	CHECK(at(s, 10, 4, 2));
	CHECK(line_is(s, 1, 0, "a"));
	CHECK(line_is(s, 2, 3, "bc"));
	CHECK(line_is(s, 3, 7, ""));
	CHECK(line_is(s, 4, 9, "d"));
	/* Out of range: the end of the file, empty. */
	CHECK(line_is(s, 0, 10, ""));
	CHECK(line_is(s, 5, 10, ""));
	/* A lone \r inside a line is a character, not a line break. */
	s = MK("a\rb\nc\r");
	CHECK(line_is(s, 1, 0, "a\rb"));
	CHECK(at(s, 2, 1, 3));
	/* A \r that ends the file without \n is still stripped. */
	CHECK(line_is(s, 2, 4, "c"));
}

static void
test_line(void)
{
	struct src	*s = MK("first\n\nthird\nlast");

	CHECK(line_is(s, 1, 0, "first"));
	CHECK(line_is(s, 2, 6, ""));
	CHECK(line_is(s, 3, 7, "third"));
	CHECK(line_is(s, 4, 13, "last"));
	CHECK(line_is(s, 5, 17, ""));
	s = MK("one\n");
	CHECK(line_is(s, 1, 0, "one"));
	CHECK(line_is(s, 2, 4, ""));
}

/* 0-based line and character column to a byte offset. */
static void
test_offset(void)
{
	struct src	*s = MK("ab\tc\nd\xc3\xa9 f\n");
	uint32_t	 off;
	unsigned	 l, c;
	bool		 ok = true;

	CHECK(src_offset(s, 0, 0) == 0);
	CHECK(src_offset(s, 0, 2) == 2);
	CHECK(src_offset(s, 0, 3) == 3);
	CHECK(src_offset(s, 0, 4) == 4);
	CHECK(src_offset(s, 0, 99) == 4);	/* clamped to the line end */
	CHECK(src_offset(s, 1, 0) == 5);
	CHECK(src_offset(s, 1, 1) == 6);
	CHECK(src_offset(s, 1, 2) == 8);	/* after the 2-byte é */
	CHECK(src_offset(s, 1, 3) == 9);
	CHECK(src_offset(s, 2, 0) == 11);
	CHECK(src_offset(s, 3, 0) == 11);	/* no such line: the end */
	CHECK(src_offset(s, 99, 7) == 11);

	s = MK("a\r\nbc\r\n");
	CHECK(src_offset(s, 0, 5) == 1);	/* stops before the \r */
	CHECK(src_offset(s, 1, 1) == 4);
	CHECK(src_offset(s, 1, 2) == 5);

	s = MK("\xff" "b\xe2\x82\xac" "c");
	CHECK(src_offset(s, 0, 1) == 1);	/* an invalid byte is one */
	CHECK(src_offset(s, 0, 3) == 5);

	/* src_offset inverts src_linecol at every character start. */
	s = MK("k = \"\xc3\xa9t\xc3\xa9\"\n"
	    "\tx\xf0\x9f\x98\x80 = 1\n"
	    "\xff\xfe\n");
	for (off = 0; off < s->len; off++) {
		if ((s->text[off] & 0xC0) == 0x80 || s->text[off] == '\n')
			continue;
		src_linecol(s, off, &l, &c);
		if (src_offset(s, l - 1, c - 1) != off)
			ok = false;
	}
	CHECK(ok);
}

static void
test_seqlen(void)
{
	const unsigned char	*u;

#define SEQ(lit)	((const unsigned char *)(lit)), (sizeof(lit) - 1)
	CHECK(utf8_seqlen(SEQ("")) == 0);
	CHECK(utf8_seqlen(SEQ("A")) == 1);
	CHECK(utf8_seqlen((const unsigned char *)"", 1) == 1);	/* NUL */
	CHECK(utf8_seqlen(SEQ("\x7f")) == 1);
	/* Two bytes: C0 and C1 are always overlong. */
	CHECK(utf8_seqlen(SEQ("\x80")) == 0);
	CHECK(utf8_seqlen(SEQ("\xc0\x80")) == 0);
	CHECK(utf8_seqlen(SEQ("\xc1\xbf")) == 0);
	CHECK(utf8_seqlen(SEQ("\xc2\x80")) == 2);	/* U+0080 */
	CHECK(utf8_seqlen(SEQ("\xdf\xbf")) == 2);	/* U+07FF */
	/* Three bytes: overlongs below U+0800, surrogates. */
	CHECK(utf8_seqlen(SEQ("\xe0\x80\x80")) == 0);
	CHECK(utf8_seqlen(SEQ("\xe0\x9f\xbf")) == 0);
	CHECK(utf8_seqlen(SEQ("\xe0\xa0\x80")) == 3);	/* U+0800 */
	CHECK(utf8_seqlen(SEQ("\xed\x9f\xbf")) == 3);	/* U+D7FF */
	CHECK(utf8_seqlen(SEQ("\xed\xa0\x80")) == 0);	/* U+D800 */
	CHECK(utf8_seqlen(SEQ("\xed\xbf\xbf")) == 0);	/* U+DFFF */
	CHECK(utf8_seqlen(SEQ("\xee\x80\x80")) == 3);	/* U+E000 */
	CHECK(utf8_seqlen(SEQ("\xef\xbf\xbf")) == 3);	/* U+FFFF */
	/* Four bytes: overlongs below U+10000, nothing past U+10FFFF. */
	CHECK(utf8_seqlen(SEQ("\xf0\x8f\xbf\xbf")) == 0);
	CHECK(utf8_seqlen(SEQ("\xf0\x90\x80\x80")) == 4);	/* U+10000 */
	CHECK(utf8_seqlen(SEQ("\xf4\x8f\xbf\xbf")) == 4);	/* U+10FFFF */
	CHECK(utf8_seqlen(SEQ("\xf4\x90\x80\x80")) == 0);	/* U+110000 */
	CHECK(utf8_seqlen(SEQ("\xf5\x80\x80\x80")) == 0);
	CHECK(utf8_seqlen(SEQ("\xf8\x88\x80\x80\x80")) == 0);
	CHECK(utf8_seqlen(SEQ("\xfe")) == 0);
	CHECK(utf8_seqlen(SEQ("\xff")) == 0);
	/* Truncated: fewer bytes available than the lead byte announces. */
	CHECK(utf8_seqlen(SEQ("\xc3")) == 0);
	CHECK(utf8_seqlen(SEQ("\xe2\x82")) == 0);
	CHECK(utf8_seqlen(SEQ("\xf0\x9f\x98")) == 0);
	u = (const unsigned char *)"\xc3\xa9rest";
	CHECK(utf8_seqlen(u, 1) == 0);
	CHECK(utf8_seqlen(u, 6) == 2);
	/* A continuation byte that is not one. */
	CHECK(utf8_seqlen(SEQ("\xc3\x28")) == 0);
	CHECK(utf8_seqlen(SEQ("\xe2\x28\xa1")) == 0);
	CHECK(utf8_seqlen(SEQ("\xe2\x82\x28")) == 0);
	CHECK(utf8_seqlen(SEQ("\xf0\x9f\x98\x28")) == 0);
#undef SEQ
}

static void
test_valid_width(void)
{
#define STR(lit)	(lit), (sizeof(lit) - 1)
	CHECK(utf8_valid(STR("")));
	CHECK(utf8_valid(STR("h\xc3\xa9llo \xf0\x9f\x98\x80")));
	CHECK(utf8_valid(STR("a\0b")));		/* NUL is valid UTF-8 */
	CHECK(!utf8_valid(STR("\xff")));
	CHECK(!utf8_valid(STR("ab\xc3")));
	CHECK(!utf8_valid(STR("\xed\xa0\x80")));
	CHECK(!utf8_valid(STR("\xc0\xaf")));
	CHECK(!utf8_valid(STR("\xf4\x90\x80\x80")));
	/* n bounds the check: a cut sequence is invalid. */
	CHECK(!utf8_valid("\xc3\xa9", 1));

	CHECK(utf8_width(STR("")) == 0);
	CHECK(utf8_width(STR("\t")) == 1);
	CHECK(utf8_width(STR("h\xc3\xa9llo")) == 5);
	CHECK(utf8_width(STR("\xf0\x9f\x98\x80")) == 1);
	CHECK(utf8_width(STR("\xe2\x82\xac")) == 1);
	CHECK(utf8_width(STR("\xff\xfe")) == 2);
	CHECK(utf8_width(STR("a\xe2\x82")) == 3);
	CHECK(utf8_width(STR("\xc0\xaf")) == 2);
	CHECK(utf8_width(STR("\xed\xa0\x80")) == 3);
	CHECK(utf8_width(STR("\xf4\x90\x80\x80")) == 4);
	/* An invalid byte does not swallow a valid character after it. */
	CHECK(utf8_width(STR("\xc3\xc3\xa9")) == 2);
#undef STR
}

/* Loading from disk: contents, and errno on failure. */
static void
test_load(void)
{
	const char	*dir = getenv("TMPDIR");
	char		 path[4096], link[4200];
	struct src	*s;
	int		 fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	snprintf(path, sizeof(path), "%s/test_src.XXXXXX", dir);
	fd = mkstemp(path);
	CHECK(fd != -1);
	if (fd == -1)
		return;
	CHECK(write(fd, "a = 1\r\nb\n", 9) == 9);
	close(fd);
	s = src_load(&ar, path, 7);
	CHECK(s != NULL);
	if (s != NULL) {
		CHECK(s->len == 9 && memcmp(s->text, "a = 1\r\nb\n", 10) == 0);
		CHECK(s->order == 7);
		EQ_STR(s->name, path);
		CHECK(line_is(s, 1, 0, "a = 1"));
	}
	/* Over the limit, and through a link: refused unless followed. */
	errno = 0;
	CHECK(src_load_max(&ar, path, 0, 8, false) == NULL && errno == EFBIG);
	CHECK(src_load_max(&ar, path, 0, 9, false) != NULL);
	snprintf(link, sizeof(link), "%s.link", path);
	CHECK(symlink(path, link) == 0);
	errno = 0;
	CHECK(src_load(&ar, link, 0) == NULL && errno == ELOOP);
	CHECK(src_load_max(&ar, link, 0, 9, true) != NULL);
	unlink(link);
	unlink(path);
	errno = 0;
	CHECK(src_load(&ar, path, 0) == NULL && errno == ENOENT);
	errno = 0;
	CHECK(src_load(&ar, dir, 0) == NULL && errno == EISDIR);
}

int
main(void)
{
	arena_init(&ar);
	test_buffer();
	test_linecol();
	test_linecol_invalid();
	test_crlf();
	test_line();
	test_offset();
	test_seqlen();
	test_valid_width();
	test_load();
	arena_free(&ar);
	return unit_summary();
}
