/* SPDX-License-Identifier: ISC */
/* test_fmt.c: the native printer: alignment, comments, blanks, fixed point. */
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "fmt.h"
#include "parse.h"
#include "sbuf.h"
#include "src.h"
#include "unit.h"

static struct arena	ar;

static struct ast_file *
parse(const char *text)
{
	struct diag	 dg;
	struct src	*s;
	struct ast_file	*f;

	s = src_from_buffer(&ar, "t.infra", text, strlen(text), 0);
	diag_init(&dg, &ar);
	if (parse_native(&ar, &dg, s, &f) != 0) {
		fprintf(stderr, "  input does not parse:\n%s", text);
		return NULL;
	}
	return f;
}

/* fmt_native of text, as an arena string ("(parse error)" if it fails). */
static const char *
fmt(const char *text)
{
	struct ast_file	*f = parse(text);
	struct sbuf	 sb = SBUF_INIT;
	const char	*out;

	if (f == NULL)
		return "(parse error)";
	fmt_native(f, &sb);
	out = arena_strndup(&ar, sb.buf, sb.len);
	sb_release(&sb);
	return out;
}

/* The s-expressions of a file's items, to compare trees. */
static const char *
dump(const char *text)
{
	struct ast_file	*f = parse(text);
	struct sbuf	 sb = SBUF_INIT;
	struct ast	*n;
	const char	*out;

	if (f == NULL)
		return "(parse error)";
	for (n = f->body; n != NULL; n = n->next) {
		ast_dump(n, &sb);
		sb_addch(&sb, '\n');
	}
	out = arena_strndup(&ar, sb.buf, sb.len);
	sb_release(&sb);
	return out;
}

static void
test_alignment(void)
{
	EQ_STR(fmt("a = 1\nbbb = 2\ncc = \"x\"\n"),
	    "a   = 1\n"
	    "bbb = 2\n"
	    "cc  = \"x\"\n");
	/* Spacing is normalised; one-line maps and lists join the run. */
	EQ_STR(fmt("x=1\nm   =   { a = 1 }\nlonger = [1,2]\n"),
	    "x      = 1\n"
	    "m      = { a = 1 }\n"
	    "longer = [1, 2]\n");
	/* Width counts characters: "é" with its quotes is 3 wide. */
	EQ_STR(fmt("\"\xc3\xa9\" = 1\nab = 2\n"),
	    "\"\xc3\xa9\" = 1\n"
	    "ab  = 2\n");
	/* Nested: each body aligns on its own. */
	EQ_STR(fmt("site \"x\" {\na = 1\nbbb = 2\n"
	    "cdn {\nc = 1\ndddd = 2\n}\n}\n"),
	    "site \"x\" {\n"
	    "  a   = 1\n"
	    "  bbb = 2\n"
	    "  cdn {\n"
	    "    c    = 1\n"
	    "    dddd = 2\n"
	    "  }\n"
	    "}\n");
}

/* Blank lines, comment lines and multi-line values end a run. */
static void
test_runs_broken(void)
{
	EQ_STR(fmt("a = 1\nbbbb = 2\n\n\nc = 3\n# note\ndddddd = 4\ne = 5\n"),
	    "a    = 1\n"
	    "bbbb = 2\n"
	    "\n"
	    "c = 3\n"
	    "# note\n"
	    "dddddd = 4\n"
	    "e      = 5\n");
	EQ_STR(fmt("a = 1\nmap = {\nk = 1\n}\nlonger = 2\nb {}\nc = 3\n"),
	    "a = 1\n"
	    "map = {\n"
	    "  k = 1\n"
	    "}\n"
	    "longer = 2\n"
	    "b {}\n"
	    "c = 3\n");
}

/* Trailing comments: consecutive ones line up after the longest value. */
static void
test_trailing_comments(void)
{
	EQ_STR(fmt("a = 1 # one\nbbb = \"long\" # two\nc = 3\ndd = 4 # four\n"),
	    "a   = 1      # one\n"
	    "bbb = \"long\" # two\n"
	    "c   = 3\n"
	    "dd  = 4 # four\n");
	EQ_STR(fmt("b {} # empty\nc {\nx = 1\n} # closed\n"),
	    "b {} # empty\n"
	    "c {\n"
	    "  x = 1\n"
	    "} # closed\n");
	/* A comment after a closing brace stays with the brace. */
	EQ_STR(fmt("m = { a = 1, # c\n b = 2 } # e\n"),
	    "m = {\n  a = 1 # c\n  b = 2\n} # e\n");
	/* Width in characters: é is one column. */
	EQ_STR(fmt("a = \"\xc3\xa9\xc3\xa9\" # x\nb = \"abc\" # y\n"),
	    "a = \"\xc3\xa9\xc3\xa9\"  # x\n"
	    "b = \"abc\" # y\n");
}

static void
test_blank_lines(void)
{
	EQ_STR(fmt("\n\n\na = 1\n\n\n\nb = 2\n\n\n"), "a = 1\n\nb = 2\n");
	EQ_STR(fmt("# a\n\n\n\n# b\n"), "# a\n\n# b\n");
	EQ_STR(fmt("# a\n\na = 1\n"), "# a\n\na = 1\n");
	EQ_STR(fmt(""), "");
	EQ_STR(fmt("\n\n"), "");
	/* Blank lines at the edges of a body go; inside they stay (one). */
	EQ_STR(fmt("b {\n\n\n  x = 1\n\n\n\n  y = 2\n\n\n}\n"),
	    "b {\n"
	    "  x = 1\n"
	    "\n"
	    "  y = 2\n"
	    "}\n");
	/* A comment at the end of a body keeps its blank line. */
	EQ_STR(fmt("b {\n  x = 1\n\n\n  # last\n}\n# eof\n"),
	    "b {\n"
	    "  x = 1\n"
	    "\n"
	    "  # last\n"
	    "}\n"
	    "# eof\n");
}

static void
test_blocks(void)
{
	EQ_STR(fmt("cdn { enabled = true }\n"),
	    "cdn {\n"
	    "  enabled = true\n"
	    "}\n");
	EQ_STR(fmt("credentials {\n}\nother {}\n"),
	    "credentials {}\n"
	    "other {}\n");
	EQ_STR(fmt("bucket \"a\\\"b\" { x = 1 }\n"),
	    "bucket \"a\\\"b\" {\n"
	    "  x = 1\n"
	    "}\n");
}

static void
test_maps(void)
{
	EQ_STR(fmt("m = { a = 1, b = \"x\" }\n"), "m = { a = 1, b = \"x\" }\n");
	EQ_STR(fmt("m = {a=1,b=2,}\n"), "m = { a = 1, b = 2 }\n");
	EQ_STR(fmt("m = {}\nn = {\n}\n"), "m = {}\nn = {}\n");
	EQ_STR(fmt("m = {\n  a = 1, bb = 2\n  c = { d = 1 }\n}\n"),
	    "m = {\n"
	    "  a  = 1\n"
	    "  bb = 2\n"
	    "  c  = { d = 1 }\n"
	    "}\n");
	/* A map that spans lines prints multi-line, and so do maps in it. */
	EQ_STR(fmt("m = { a = {\n  b = 1\n} }\n"),
	    "m = {\n"
	    "  a = {\n"
	    "    b = 1\n"
	    "  }\n"
	    "}\n");
	/* Lists print on one line. */
	EQ_STR(fmt("l = [\n  \"a\",\n  \"b\",\n]\ne = []\n"),
	    "l = [\"a\", \"b\"]\n"
	    "e = []\n");
}

static void
test_keys_and_values(void)
{
	/* Keys written quoted stay quoted. */
	EQ_STR(fmt("\"my-key\" = 1\n\"plain\" = 2\nbare = 3\n"),
	    "\"my-key\" = 1\n"
	    "\"plain\"  = 2\n"
	    "bare     = 3\n");
	EQ_STR(fmt("m = { \"production\" = \"a\", default = \"b\" }\n"),
	    "m = { \"production\" = \"a\", default = \"b\" }\n");
	EQ_STR(fmt("\"true\" = 1\n"), "\"true\" = 1\n");
	/* Strings are re-escaped canonically; ${ and $${ are untouched. */
	EQ_STR(fmt("s = \"a\tb\\u00e9\\r\\u0001\\\\\\\"\"\n"),
	    "s = \"a\\tb\xc3\xa9\\r\\u0001\\\\\\\"\"\n");
	EQ_STR(fmt("s = \"$${x} ${var.y} %{z}\"\n"),
	    "s = \"$${x} ${var.y} %{z}\"\n");
	EQ_STR(fmt("n = -5\nb = false\nr = cdn.domain\n"),
	    "n = -5\n"
	    "b = false\n"
	    "r = cdn.domain\n");
}

static void
test_crlf(void)
{
	EQ_STR(fmt("a = 1\r\nbb = 2 # c\r\n\r\n\r\nx {\r\n}\r\n"),
	    "a  = 1\n"
	    "bb = 2 # c\n"
	    "\n"
	    "x {}\n");
}

/* fmt(fmt(x)) == fmt(x), and the tree does not change. */
static void
test_fixed_point(void)
{
	static const char *const inputs[] = {
		"\n\n# top\n\n\nsite \"x\" { # brace\n"
		"  cdn { enabled = true }\n  credentials {\n  }\n"
		"  m = { a = 1, \"b-c\" = [1,2] }\n  x = 1\n"
		"  longer = { a = 1 }\n"
		"  n = {\n    a = 1 # a\n    bb = 2\n\n\n  }\n"
		"  l = [\n    \"a\", # in list\n    \"b\",\n  ]\n\n\n"
		"  # last in block\n} # after block\n# eof\n\n\n",
		"m = {\n  # lead\n  a = 1\n\n  bb = 2 # t\n}\n",
		"a = 1\r\nbb = 2 # c\r\n\r\n\r\nx {\r\n}\r\n",
		"\"\xc3\xa9\" = \"a\\tb\\u0001\"\nab = \"$${x}\" # c\n",
		"# a\n\n\n# b",
		"b {\n\n  # c\n\n  x = 1\n}\n",
		"a {}\nb {}\n\n\nc {\n x = 1\n}\n",
		"x = [1, 2] # c\ny = { a = { b = { c = 1 } } }\n",
		"m = { a = {\n  b = 1\n} }\n",
		"site \"s\" {\n  bucket \"b\" {\n    env {\n      production = "
		"{ x = 1 }\n      default = {}\n    }\n  }\n}",
		"",
	};
	size_t		 i;
	const char	*once, *twice;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		once = fmt(inputs[i]);
		twice = fmt(once);
		EQ_STR(twice, once);
		EQ_STR(dump(once), dump(inputs[i]));
	}
	/* A list holding a multi-line map prints on one line. */
	once = fmt("x = [{\n  a = 1\n}]\n");
	EQ_STR(once, "x = [{ a = 1 }]\n");
	EQ_STR(fmt(once), once);
	EQ_STR(dump(once), "(x [{(a 1)}])\n");
}

int
main(void)
{
	arena_init(&ar);
	test_alignment();
	test_runs_broken();
	test_trailing_comments();
	test_blank_lines();
	test_blocks();
	test_maps();
	test_keys_and_values();
	test_crlf();
	test_fixed_point();
	arena_free(&ar);
	return unit_summary();
}
