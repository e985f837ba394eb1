/* SPDX-License-Identifier: ISC */
/* test_parse.c: the native front-end, through ast_dump and diag_render. */
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"
#include "sbuf.h"
#include "src.h"
#include "unit.h"

static struct arena	ar;

struct result {
	int		 rc;
	const char	*dump;	/* one line per top-level item */
	const char	*diags;	/* diag_render output */
	unsigned	 errors;
	struct ast_file	*file;
};

static struct result
parse(const char *text)
{
	struct result	 r;
	struct diag	 dg;
	struct src	*s;
	struct sbuf	 sb = SBUF_INIT;
	struct ast	*n;

	s = src_from_buffer(&ar, "t.infra", text, strlen(text), 0);
	diag_init(&dg, &ar);
	r.rc = parse_native(&ar, &dg, s, &r.file);
	r.errors = diag_errors(&dg);
	for (n = r.file->body; n != NULL; n = n->next) {
		ast_dump(n, &sb);
		sb_addch(&sb, '\n');
	}
	r.dump = arena_strndup(&ar, sb.buf, sb.len);
	sb_reset(&sb);
	diag_render(&dg, &sb);
	r.diags = arena_strndup(&ar, sb.buf, sb.len);
	sb_release(&sb);
	return r;
}

/* Parses text that must be clean, and returns its dump. */
static const char *
parse_ok(const char *text)
{
	struct result	r = parse(text);

	CHECK(r.rc == 0);
	EQ_STR(r.diags, "");
	return r.dump;
}

static void
test_attributes(void)
{
	EQ_STR(parse_ok(
	    "a = 1\n"
	    "b = \"x\"\n"
	    "c = true\n"
	    "d = false\n"
	    "e = -42\n"
	    "f = cdn.domain\n"
	    "g = ident\n"
	    "h=0\n"
	    "  i   =   \"spaced\"   \n"),
	    "(a 1)\n(b \"x\")\n(c true)\n(d false)\n(e -42)\n(f cdn.domain)\n"
	    "(g ident)\n(h 0)\n(i \"spaced\")\n");
	EQ_STR(parse_ok("f = -9223372036854775808\ng = 9223372036854775807\n"),
	    "(f -9223372036854775808)\n(g 9223372036854775807)\n");
	EQ_STR(parse_ok("x = cdn.domain.name\ny = a-b_c\nz = ref.with-dash\n"),
	    "(x cdn.domain.name)\n(y a-b_c)\n(z ref.with-dash)\n");
	EQ_STR(parse_ok(""), "");
	EQ_STR(parse_ok("\n\n\n"), "");
}

static void
test_blocks(void)
{
	EQ_STR(parse_ok(
	    "site \"www\" {\n"
	    "  domain = \"example.org\"\n"
	    "  cdn { enabled = true }\n"
	    "  credentials {}\n"
	    "\n"
	    "  bucket \"assets\" {\n"
	    "    aliases = [\"a\"]\n"
	    "  }\n"
	    "}\n"
	    "defaults {\n"
	    "}\n"),
	    "(block site \"www\" (domain \"example.org\") (block cdn "
	    "(enabled true)) (block credentials) (block bucket \"assets\" "
	    "(aliases [\"a\"])))\n"
	    "(block defaults)\n");
}

/* Node spans: a block from its type to its brace, attributes key to value. */
static void
test_positions(void)
{
	/* Line 1 is bytes 0-12, "  x = 1" 13-19 (x at 15), '}' at 21. */
	struct result	 r = parse("site \"www\" {\n  x = 1\n}\n");
	struct ast	*b = r.file->body, *x;

	CHECK(r.rc == 0 && b != NULL);
	if (b == NULL || (x = b->child) == NULL)
		return;
	CHECK(b->pos.off == 0 && b->pos.end == 22);
	CHECK(b->keypos.off == 0 && b->keypos.end == 4);
	CHECK(b->labelpos.off == 5 && b->labelpos.end == 10);
	CHECK(b->multiline);
	CHECK(x->pos.off == 15 && x->pos.end == 20);
	CHECK(x->keypos.off == 15 && x->keypos.end == 16);
	CHECK(x->child->pos.off == 19 && x->child->pos.end == 20);
	CHECK(!x->quoted_key);
	CHECK(r.file->src != NULL && r.file->syntax == SYNTAX_NATIVE);
}

static void
test_lists(void)
{
	struct result	r;

	EQ_STR(parse_ok(
	    "l = [\n"
	    "  \"a\",\n"
	    "  \"b\",\n"
	    "]\n"
	    "m = []\n"
	    "n = [1, [2, 3], { k = 1 }, {}]\n"
	    "o = [\n"
	    "  \"a\"\n"
	    "  , \"b\"\n"
	    "\n"
	    "]\n"
	    "p = [true,]\n"),
	    "(l [\"a\" \"b\"])\n(m [])\n(n [1 [2 3] {(k 1)} {}])\n"
	    "(o [\"a\" \"b\"])\n(p [true])\n");
	r = parse("l = [\n  1,\n  2,\n]\nm = [1, 2]\n");
	CHECK(r.rc == 0);
	/* A list's span covers its brackets. */
	if (r.file->body != NULL && r.file->body->next != NULL) {
		CHECK(r.file->body->child->pos.off == 4);
		CHECK(r.file->body->child->pos.end == 17);
		CHECK(r.file->body->next->child->pos.off == 22);
	}
}

static void
test_maps(void)
{
	struct result	 r;
	struct ast	*n;

	EQ_STR(parse_ok(
	    "m = { a = 1, b = 2 }\n"
	    "n = {\n"
	    "  a = 1\n"
	    "  b = \"x\",\n"
	    "  c = [1]\n"
	    "\n"
	    "}\n"
	    "o = {}\n"
	    "p = { a = 1, }\n"
	    "q = {\n"
	    "  a = 1,\n"
	    "  b = { c = 2 },\n"
	    "}\n"
	    "\"my-key\" = { \"production\" = \"a\", default = \"b\" }\n"),
	    "(m {(a 1) (b 2)})\n(n {(a 1) (b \"x\") (c [1])})\n(o {})\n"
	    "(p {(a 1)})\n(q {(a 1) (b {(c 2)})})\n"
	    "(my-key {(production \"a\") (default \"b\")})\n");
	r = parse("m = { a = 1 }\nn = {\n  a = 1\n}\n\"q\" = 1\n");
	n = r.file->body;
	CHECK(r.rc == 0 && n != NULL && n->next != NULL &&
	    n->next->next != NULL);
	if (n == NULL || n->next == NULL || n->next->next == NULL)
		return;
	CHECK(n->child->kind == AST_MAP && !n->child->multiline);
	CHECK(n->next->child->multiline);
	CHECK(n->next->next->quoted_key);
	CHECK(!n->quoted_key);
}

/* Escapes are decoded; ${...}, $${...} and %{...} are kept verbatim. */
static void
test_strings(void)
{
	struct result	r;

	EQ_STR(parse_ok("s = \"a\\nb\\tc\\\"d\\\\e\\u00e9f\\r\"\n"),
	    "(s \"a\\x0ab\\x09c\\\"d\\\\e\xc3\xa9" "f\\x0d\")\n");
	EQ_STR(parse_ok("s = \"\\U0001F600\\u20AC\"\n"),
	    "(s \"\xf0\x9f\x98\x80\xe2\x82\xac\")\n");
	EQ_STR(parse_ok("s = \"$${x} ${var.y} %{z} $$ $\"\n"),
	    "(s \"$${x} ${var.y} %{z} $$ $\")\n");
	/* A tab may be written raw; UTF-8 passes through. */
	EQ_STR(parse_ok("s = \"a\tb caf\xc3\xa9\"\n"),
	    "(s \"a\\x09b caf\xc3\xa9\")\n");
	EQ_STR(parse_ok("s = \"\"\n"), "(s \"\")\n");
	r = parse("s = \"\\u00e9\"\n");
	if (r.file->body != NULL)
		CHECK(r.file->body->child->len == 2);
}

/* Comments are collected, in order, with their spans and without \r. */
static void
test_comments(void)
{
	struct result		 r;
	struct ast_comment	*c;

	/*
	 * "# head\n" is 0-6; "a = 1 # trail\n" 7-20 with '#' at 13; the
	 * blank line is 21; "  # indented\n" 22-34 with '#' at 24.
	 */
	r = parse("# head\na = 1 # trail\n\n  # indented\nb = 2\n");
	CHECK(r.rc == 0);
	EQ_STR(r.dump, "(a 1)\n(b 2)\n");
	c = r.file->comments;
	CHECK(c != NULL && c->next != NULL && c->next->next != NULL &&
	    c->next->next->next == NULL);
	if (c == NULL || c->next == NULL || c->next->next == NULL)
		return;
	EQ_STR(c->text, "# head");
	CHECK(c->pos.off == 0 && c->pos.end == 6);
	EQ_STR(c->next->text, "# trail");
	CHECK(c->next->pos.off == 13 && c->next->pos.end == 20);
	EQ_STR(c->next->next->text, "# indented");
	CHECK(c->next->next->pos.off == 24 && c->next->next->pos.end == 34);

	/* Inside blocks, lists and maps too; a last line without newline. */
	r = parse("b { # open\n  l = [ # in list\n    1, # item\n  ]\n}\n"
	    "# end");
	CHECK(r.rc == 0);
	EQ_STR(r.dump, "(block b (l [1]))\n");
	c = r.file->comments;
	CHECK(c != NULL);
	if (c == NULL)
		return;
	EQ_STR(c->text, "# open");
	CHECK(c->pos.off == 4);
	c = c->next;
	EQ_STR(c != NULL ? c->text : NULL, "# in list");
	c = c != NULL ? c->next : NULL;
	EQ_STR(c != NULL ? c->text : NULL, "# item");
	c = c != NULL ? c->next : NULL;
	EQ_STR(c != NULL ? c->text : NULL, "# end");
	CHECK(c != NULL && c->pos.off == 49 && c->next == NULL);
	/* A '#' inside a string is no comment. */
	r = parse("s = \"a # b\"\n");
	CHECK(r.rc == 0 && r.file->comments == NULL);
}

static void
test_last_line(void)
{
	EQ_STR(parse_ok("a = 1"), "(a 1)\n");
	EQ_STR(parse_ok("site \"x\" {\n  a = [1,\n2]\n}"),
	    "(block site \"x\" (a [1 2]))\n");
	EQ_STR(parse_ok("# only a comment"), "");
}

static void
test_crlf(void)
{
	struct result	r;

	EQ_STR(parse_ok("site \"x\" {\r\n  a = [\r\n    1,\r\n  ]\r\n"
	    "  m = {\r\n    k = \"v\"\r\n  }\r\n}\r\n"),
	    "(block site \"x\" (a [1]) (m {(k \"v\")}))\n");
	r = parse("x = 1 # c\r\ny = 2\r\n");
	CHECK(r.rc == 0 && r.file->comments != NULL);
	if (r.file->comments != NULL)
		EQ_STR(r.file->comments->text, "# c");
}

static void
test_syntax_errors(void)
{
	struct result	r;

	r = parse("a = = 2\nb = 3\n");
	CHECK(r.rc == -1 && r.errors == 1);
	/* Recovery resumes on the next line. */
	EQ_STR(r.dump, "(b 3)\n");
	EQ_STR(r.diags,
	    "t.infra:1:5: error: syntax error, unexpected '='\n"
	    "    1 | a = = 2\n"
	    "      |     ^\n"
	    "siteinfra: 1 error, 0 warnings\n");

	r = parse("a = 1 b = 2\n");
	CHECK(r.rc == -1);
	EQ_STR(r.diags,
	    "t.infra:1:7: error: syntax error, unexpected identifier, "
	    "expecting newline\n"
	    "    1 | a = 1 b = 2\n"
	    "      |       ^\n"
	    "siteinfra: 1 error, 0 warnings\n");

	/* End of file after a final newline: shown at the end of that line. */
	/* The note names the brace that is still open. */
	r = parse("site \"x\" {\n  a = 1\n");
	CHECK(r.rc == -1);
	EQ_STR(r.diags,
	    "t.infra:2:8: error: syntax error, unexpected end of file\n"
	    "    2 |   a = 1\n"
	    "      |        ^\n"
	    "t.infra:1:10: note: this '{' is not closed\n"
	    "    1 | site \"x\" {\n"
	    "      |          ^\n"
	    "siteinfra: 1 error, 0 warnings\n");
	/* Without the final newline: the same place, the end of file. */
	r = parse("site \"x\" {\n  a = 1");
	CHECK(r.rc == -1 && r.errors == 1);
	EQ_STR(r.diags, "t.infra:2:8: error: syntax error, "
	    "unexpected end of file\n"
	    "    2 |   a = 1\n      |        ^\n"
	    "t.infra:1:10: note: this '{' is not closed\n"
	    "    1 | site \"x\" {\n      |          ^\n"
	    "siteinfra: 1 error, 0 warnings\n");

	r = parse("site \"x\" {\n  true = 1\n}\n");
	CHECK(r.rc == -1);
	EQ_STR(r.diags,
	    "t.infra:2:3: error: 'true' is a keyword; quote it to use it "
	    "as a name: \"true\" = ...\n"
	    "    2 |   true = 1\n"
	    "      |   ^~~~\n"
	    "siteinfra: 1 error, 0 warnings\n");
}

/* Scanner errors: the tree is still complete (error recovery). */
static void
test_lexical_errors(void)
{
	struct result	r;

	r = parse("// c\na = \"x\\qy\"\nb = \"abc\nc = 1.5\nd = 1\n");
	CHECK(r.rc == -1 && r.errors == 4);
	EQ_STR(r.dump, "(a \"xy\")\n(b \"abc\")\n(c 0)\n(d 1)\n");
	EQ_STR(r.diags,
	    "t.infra:1:1: error: comments start with '#', not '//'\n"
	    "    1 | // c\n"
	    "      | ^~\n"
	    "t.infra:2:7: error: invalid escape sequence in string (the "
	    "escapes are \\n \\r \\t \\\" \\\\ \\uXXXX and \\UXXXXXXXX) "
	    "'\\q'\n"
	    "    2 | a = \"x\\qy\"\n"
	    "      |       ^~\n"
	    "t.infra:3:5: error: unterminated string\n"
	    "    3 | b = \"abc\n"
	    "      |     ^\n"
	    "t.infra:4:5: error: only whole numbers are supported\n"
	    "    4 | c = 1.5\n"
	    "      |     ^~~\n"
	    "siteinfra: 4 errors, 0 warnings\n");

	r = parse("b = \"\\u0000\"\nc = \"\\uD800\"\n"
	    "e = 99999999999999999999\n");
	CHECK(r.rc == -1);
	EQ_STR(r.diags,
	    "t.infra:1:6: error: invalid character escape in string "
	    "'\\u0000'\n"
	    "    1 | b = \"\\u0000\"\n"
	    "      |      ^~~~~~\n"
	    "t.infra:2:6: error: invalid character escape in string "
	    "'\\uD800'\n"
	    "    2 | c = \"\\uD800\"\n"
	    "      |      ^~~~~~\n"
	    "t.infra:3:5: error: number out of range\n"
	    "    3 | e = 99999999999999999999\n"
	    "      |     ^~~~~~~~~~~~~~~~~~~~\n"
	    "siteinfra: 3 errors, 0 warnings\n");

	r = parse("a = \"\001\"\nb = 1 @ 2\n");
	CHECK(r.rc == -1);
	EQ_STR(r.diags,
	    "t.infra:1:6: error: control character in string; write it as "
	    "an escape such as \\t or \\u0001\n"
	    "    1 | a = \"?\"\n"
	    "      |      ^\n"
	    "t.infra:2:7: error: unexpected character '@'\n"
	    "    2 | b = 1 @ 2\n"
	    "      |       ^\n"
	    "t.infra:2:9: error: syntax error, unexpected number, "
	    "expecting newline\n"
	    "    2 | b = 1 @ 2\n"
	    "      |         ^\n"
	    "siteinfra: 3 errors, 0 warnings\n");

	/* A string still open at the end of file. */
	r = parse("a = \"abc");
	CHECK(r.rc == -1);
	EQ_STR(r.dump, "(a \"abc\")\n");
	EQ_STR(r.diags, "t.infra:1:5: error: unterminated string\n"
	    "    1 | a = \"abc\n      |     ^\n"
	    "siteinfra: 1 error, 0 warnings\n");
}

/* Nesting deeper than PARSE_MAX_DEPTH stops the parse with an error. */
static void
test_limits(void)
{
	const char	*deep = "t.infra:1:37: error: nesting too deep (the "
			    "limit is 32 levels)\n";
	struct sbuf	 sb = SBUF_INIT;
	struct result	 r;
	unsigned	 i;

	sb_addstr(&sb, "a = ");
	for (i = 0; i < PARSE_MAX_DEPTH; i++)
		sb_addch(&sb, '[');
	for (i = 0; i < PARSE_MAX_DEPTH; i++)
		sb_addch(&sb, ']');
	sb_addch(&sb, '\n');
	r = parse(sb.buf);
	CHECK(r.rc == 0);
	sb_reset(&sb);
	sb_addstr(&sb, "a = ");
	for (i = 0; i < PARSE_MAX_DEPTH + 1; i++)
		sb_addch(&sb, '[');
	for (i = 0; i < PARSE_MAX_DEPTH + 1; i++)
		sb_addch(&sb, ']');
	sb_addch(&sb, '\n');
	r = parse(sb.buf);
	CHECK(r.rc == -1);
	CHECK(strncmp(r.diags, deep, strlen(deep)) == 0);

	/* Many errors: the parse stops once the diagnostics are saturated. */
	sb_reset(&sb);
	for (i = 0; i < 300; i++)
		sb_addstr(&sb, "a = = 1\n");
	r = parse(sb.buf);
	CHECK(r.rc == -1);
	CHECK(r.errors == DIAG_MAX_ERRORS * 4);
	sb_release(&sb);
}

int
main(void)
{
	arena_init(&ar);
	test_attributes();
	test_blocks();
	test_positions();
	test_lists();
	test_maps();
	test_strings();
	test_comments();
	test_last_line();
	test_crlf();
	test_syntax_errors();
	test_lexical_errors();
	test_limits();
	arena_free(&ar);
	return unit_summary();
}
