/* SPDX-License-Identifier: ISC */
/* test_diag.c: diagnostics: excerpt, caret, spans, order, counts, cap, JSON. */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "sbuf.h"
#include "src.h"
#include "unit.h"

static struct arena	ar;

static struct src *
mk(const char *name, const char *text, unsigned order)
{
	return src_from_buffer(&ar, name, text, strlen(text), order);
}

static struct srcpos
span(const struct src *s, uint32_t off, uint32_t end)
{
	struct srcpos	pos;

	pos.file = s;
	pos.off = off;
	pos.end = end;
	return pos;
}

/* Renders dg into a fresh arena string and clears it for the next case. */
static const char *
render(struct diag *dg)
{
	struct sbuf	 sb = SBUF_INIT;
	const char	*s;

	diag_render(dg, &sb);
	s = arena_strndup(&ar, sb.buf, sb.len);
	sb_release(&sb);
	diag_clear(dg);
	return s;
}

/* The caret copies tabs and replaces every other character by one space. */
static void
test_caret_tabs(void)
{
	struct diag	 dg;
	struct src	*s = mk("a.infra", "site \"www\" {\n\tx = = 2\n}\n",
			    0);
	struct srcpos	 p = span(s, 18, 19);

	diag_init(&dg, &ar);
	diag_add(&dg, DIAG_ERROR, &p, "unexpected '%c'", '=');
	EQ_STR(render(&dg),
	    "a.infra:2:6: error: unexpected '='\n"
	    "    2 | \tx = = 2\n"
	    "      | \t    ^\n"
	    "siteinfra: 1 error, 0 warnings\n");

	/* Tabs after other characters are copied in place too. */
	s = mk("t.infra", "a\tb\t\tc\n", 0);
	p = span(s, 5, 6);
	diag_add(&dg, DIAG_ERROR, &p, "here");
	EQ_STR(render(&dg),
	    "t.infra:1:6: error: here\n"
	    "    1 | a\tb\t\tc\n"
	    "      |  \t \t\t^\n"
	    "siteinfra: 1 error, 0 warnings\n");
}

static void
test_spans(void)
{
	struct diag	 dg;
	struct src	*s = mk("a.infra", "site \"www\" {\n", 0);
	struct srcpos	 p;

	diag_init(&dg, &ar);
	/* Five bytes, five columns: ^ and four ~. */
	p = span(s, 5, 10);
	diag_add(&dg, DIAG_ERROR, &p, "duplicate site name 'www'");
	EQ_STR(render(&dg),
	    "a.infra:1:6: error: duplicate site name 'www'\n"
	    "    1 | site \"www\" {\n"
	    "      |      ^~~~~\n"
	    "siteinfra: 1 error, 0 warnings\n");

	/* A one-byte span and an empty one: the caret alone. */
	p = span(s, 0, 1);
	diag_add(&dg, DIAG_WARNING, &p, "one");
	p = span(s, 11, 11);
	diag_add(&dg, DIAG_WARNING, &p, "empty");
	EQ_STR(render(&dg),
	    "a.infra:1:1: warning: one\n"
	    "    1 | site \"www\" {\n"
	    "      | ^\n"
	    "a.infra:1:12: warning: empty\n"
	    "    1 | site \"www\" {\n"
	    "      |            ^\n"
	    "siteinfra: 0 errors, 2 warnings\n");

	/* Multi-byte characters: six bytes, four columns. */
	s = mk("u.infra", "k = \"\xc3\xa9\xc3\xa9\"\n", 0);
	p = span(s, 4, 10);
	diag_add(&dg, DIAG_ERROR, &p, "bad");
	EQ_STR(render(&dg),
	    "u.infra:1:5: error: bad\n"
	    "    1 | k = \"\xc3\xa9\xc3\xa9\"\n"
	    "      |     ^~~~\n"
	    "siteinfra: 1 error, 0 warnings\n");
	/* A caret after a multi-byte character. */
	p = span(s, 9, 10);
	diag_add(&dg, DIAG_ERROR, &p, "quote");
	EQ_STR(render(&dg),
	    "u.infra:1:8: error: quote\n"
	    "    1 | k = \"\xc3\xa9\xc3\xa9\"\n"
	    "      |        ^\n"
	    "siteinfra: 1 error, 0 warnings\n");
}

/* A span that goes on to a later line is underlined to the end of its first. */
static void
test_span_lines(void)
{
	struct diag	 dg;
	struct src	*s = mk("m.infra", "abcde\nfg\nhi\n", 0);
	struct srcpos	 p;

	diag_init(&dg, &ar);
	p = span(s, 2, 8);
	diag_add(&dg, DIAG_ERROR, &p, "two lines");
	p = span(s, 2, 11);
	diag_add(&dg, DIAG_ERROR, &p, "three lines");
	/* Ends on the newline itself, and just after it. */
	p = span(s, 2, 5);
	diag_add(&dg, DIAG_ERROR, &p, "to the newline");
	p = span(s, 2, 6);
	diag_add(&dg, DIAG_ERROR, &p, "past the newline");
	EQ_STR(render(&dg),
	    "m.infra:1:3: error: two lines\n"
	    "    1 | abcde\n"
	    "      |   ^~~\n"
	    "m.infra:1:3: error: three lines\n"
	    "    1 | abcde\n"
	    "      |   ^~~\n"
	    "m.infra:1:3: error: to the newline\n"
	    "    1 | abcde\n"
	    "      |   ^~~\n"
	    "m.infra:1:3: error: past the newline\n"
	    "    1 | abcde\n"
	    "      |   ^~~\n"
	    "siteinfra: 4 errors, 0 warnings\n");
}

/* Sorted by file, then offset, then insertion; notes follow their message. */
static void
test_sorting(void)
{
	struct diag	 dg;
	struct src	*a = mk("a.infra",
			    "site \"www\" {\n  bucket = 1\n}\n", 0);
	struct src	*b = mk("b.infra", "x = 2\n", 1);
	struct srcpos	 p;

	diag_init(&dg, &ar);
	p = span(b, 0, 1);
	diag_add(&dg, DIAG_ERROR, &p, "b first");
	p = span(a, 24, 25);
	diag_add(&dg, DIAG_ERROR, &p, "bad value");
	p = span(b, 0, 1);
	diag_note(&dg, &p, "see here");
	diag_note(&dg, NULL, "plain note");
	p = span(a, 15, 21);
	diag_add(&dg, DIAG_WARNING, &p, "deprecated");
	diag_add(&dg, DIAG_ERROR, NULL, "no position");
	p = span(a, 15, 15);
	diag_add(&dg, DIAG_ERROR, &p, "also here");
	CHECK(diag_failed(&dg));
	CHECK(diag_errors(&dg) == 4);
	EQ_STR(render(&dg),
	    "siteinfra: error: no position\n"
	    "a.infra:2:3: warning: deprecated\n"
	    "    2 |   bucket = 1\n"
	    "      |   ^~~~~~\n"
	    "a.infra:2:3: error: also here\n"
	    "    2 |   bucket = 1\n"
	    "      |   ^\n"
	    "a.infra:2:12: error: bad value\n"
	    "    2 |   bucket = 1\n"
	    "      |            ^\n"
	    "b.infra:1:1: note: see here\n"
	    "    1 | x = 2\n"
	    "      | ^\n"
	    "siteinfra: note: plain note\n"
	    "b.infra:1:1: error: b first\n"
	    "    1 | x = 2\n"
	    "      | ^\n"
	    "siteinfra: 4 errors, 1 warning\n");
	CHECK(!diag_failed(&dg));
}

static void
test_closing_line(void)
{
	struct diag	dg;

	diag_init(&dg, &ar);
	EQ_STR(render(&dg), "");
	/* A note with nothing to attach to is dropped. */
	diag_note(&dg, NULL, "orphan");
	EQ_STR(render(&dg), "");
	diag_add(&dg, DIAG_WARNING, NULL, "w");
	EQ_STR(render(&dg),
	    "siteinfra: warning: w\n"
	    "siteinfra: 0 errors, 1 warning\n");
	diag_add(&dg, DIAG_ERROR, NULL, "e");
	diag_add(&dg, DIAG_WARNING, NULL, "w");
	EQ_STR(render(&dg),
	    "siteinfra: error: e\n"
	    "siteinfra: warning: w\n"
	    "siteinfra: 1 error, 1 warning\n");
	diag_add(&dg, DIAG_ERROR, NULL, "e1");
	diag_add(&dg, DIAG_ERROR, NULL, "e2");
	diag_add(&dg, DIAG_WARNING, NULL, "w1");
	diag_add(&dg, DIAG_WARNING, NULL, "w2");
	CHECK(diag_errors(&dg) == 2);
	EQ_STR(render(&dg),
	    "siteinfra: error: e1\n"
	    "siteinfra: error: e2\n"
	    "siteinfra: warning: w1\n"
	    "siteinfra: warning: w2\n"
	    "siteinfra: 2 errors, 2 warnings\n");
	/* Warnings alone do not fail a run. */
	diag_add(&dg, DIAG_WARNING, NULL, "w");
	CHECK(!diag_failed(&dg));
	diag_clear(&dg);
}

/* The error cap: the first max_errors errors, then "too many errors". */
static void
test_cap(void)
{
	struct diag	 dg;
	struct src	*s = mk("c.infra", "a\nb\nc\nd\ne\n", 0);
	struct srcpos	 p;
	struct sbuf	 sb = SBUF_INIT;
	uint32_t	 i;

	diag_init(&dg, &ar);
	CHECK(dg.max_errors == DIAG_MAX_ERRORS);
	dg.max_errors = 2;
	/* Added last-first: the rendered ones are still the first two. */
	for (i = 5; i-- > 0;) {
		p = span(s, i * 2, i * 2 + 1);
		diag_add(&dg, DIAG_ERROR, &p, "e%u", i);
	}
	p = span(s, 1, 1);
	diag_add(&dg, DIAG_WARNING, &p, "w");
	EQ_STR(render(&dg),
	    "c.infra:1:1: error: e0\n"
	    "    1 | a\n"
	    "      | ^\n"
	    "c.infra:1:2: warning: w\n"
	    "    1 | a\n"
	    "      |  ^\n"
	    "c.infra:2:1: error: e1\n"
	    "    2 | b\n"
	    "      | ^\n"
	    "siteinfra: too many errors, stopping after 2\n"
	    "siteinfra: 5 errors (2 shown), 1 warning\n");
	CHECK(dg.max_errors == 2);	/* diag_clear keeps the cap */

	/* Exactly max_errors errors: no "too many" line. */
	p = span(s, 0, 1);
	diag_add(&dg, DIAG_ERROR, &p, "x");
	diag_add(&dg, DIAG_ERROR, NULL, "y");
	EQ_STR(render(&dg),
	    "siteinfra: error: y\n"
	    "c.infra:1:1: error: x\n"
	    "    1 | a\n"
	    "      | ^\n"
	    "siteinfra: 2 errors, 0 warnings\n");

	/* Past 4 x max_errors: saturated, yet every error is kept. */
	for (i = 0; i < 9; i++)
		diag_add(&dg, DIAG_ERROR, NULL, "e%u", i);
	CHECK(diag_saturated(&dg));
	CHECK(diag_errors(&dg) == 9);
	CHECK(dg.stored == 9);
	diag_note(&dg, NULL, "kept");
	CHECK(dg.last != NULL && dg.last->notes != NULL);
	diag_render(&dg, &sb);
	CHECK(strstr(sb.buf, "kept") == NULL);	/* not among the shown */
	/* Saturated: the front-ends may have stopped, so a lower bound. */
	CHECK(strstr(sb.buf, "siteinfra: too many errors, stopping after 2\n"
	    "siteinfra: at least 9 errors (2 shown), 0 warnings\n") != NULL);
	sb_release(&sb);
	diag_clear(&dg);

	/* max_errors 0: no limit. */
	dg.max_errors = 0;
	for (i = 0; i < 300; i++)
		diag_add(&dg, DIAG_ERROR, NULL, "e");
	CHECK(!diag_saturated(&dg));
	diag_render(&dg, &sb);
	CHECK(strstr(sb.buf, "too many") == NULL);
	CHECK(strstr(sb.buf, "siteinfra: 300 errors, 0 warnings\n") != NULL);
	sb_release(&sb);
	diag_clear(&dg);
}

/*
 * Warnings past the store are counted, not kept, and cannot push an error
 * out: 9 warnings then an error, with a store of 8, show the error.
 */
static void
test_store(void)
{
	struct diag	 dg;
	struct src	*s = mk("w.infra", "a\nb\n", 0);
	struct srcpos	 p;
	struct sbuf	 sb = SBUF_INIT;
	uint32_t	 i;
	const char	*out;

	diag_init(&dg, &ar);
	dg.max_errors = 2;
	/* Each stored warning shown, not one summary of them. */
	dg.verbose = true;
	for (i = 0; i < 9; i++) {
		p = span(s, 0, 1);
		diag_add(&dg, DIAG_WARNING, &p, "w%u", i);
	}
	CHECK(dg.last == NULL);
	p = span(s, 2, 3);
	diag_add(&dg, DIAG_ERROR, &p, "the error");
	diag_note(&dg, NULL, "its note");
	diag_render_json(&dg, &sb);
	CHECK(strstr(sb.buf, "\"the error\"") != NULL);
	CHECK(strstr(sb.buf, "\"its note\"") != NULL);
	CHECK(strstr(sb.buf, "\"w8\"") == NULL);
	sb_release(&sb);
	out = render(&dg);
	CHECK(strstr(out, "w.infra:2:1: error: the error\n") != NULL);
	CHECK(strstr(out, "siteinfra: note: its note\n") != NULL);
	CHECK(strstr(out, "siteinfra: 1 error, 9 warnings (8 shown)\n") != NULL);
}

/* Adds three warnings of one format, two of another, on lines 3 to 7. */
static void
add_repeated(struct diag *dg, struct src *s)
{
	struct srcpos	p;
	uint32_t	i;

	for (i = 0; i < 5; i++) {
		p = span(s, 2 * (i + 2), 2 * (i + 2) + 1);
		if (i < 3)
			diag_add(dg, DIAG_WARNING, &p, "site 's%u' repeats", i);
		else
			diag_add(dg, DIAG_WARNING, &p, "twice %u", i);
	}
}

/* Three or more warnings of one format: the first and a count, or all. */
static void
test_summary(void)
{
	struct diag	 dg;
	struct src	*s = mk("r.infra", "a\nb\nc\nd\ne\nf\ng\n", 0);
	const char	*out;

	diag_init(&dg, &ar);
	add_repeated(&dg, s);
	out = render(&dg);
	CHECK(strstr(out, "r.infra:3:1: warning: site 's0' repeats\n") != NULL);
	CHECK(strstr(out, "'s1'") == NULL && strstr(out, "'s2'") == NULL);
	CHECK(strstr(out, "siteinfra: note: the same warning 3 times in all; "
	    "first at r.infra:3:1; --verbose for all\n") != NULL);
	/* Two of a kind read at once: both shown. */
	CHECK(strstr(out, "twice 3") != NULL && strstr(out, "twice 4") != NULL);
	CHECK(strstr(out, "siteinfra: 0 errors, 5 warnings (3 shown)\n") !=
	    NULL);
	dg.verbose = true;
	add_repeated(&dg, s);
	out = render(&dg);
	CHECK(strstr(out, "'s1'") != NULL && strstr(out, "'s2'") != NULL);
	CHECK(strstr(out, "the same warning") == NULL);
	CHECK(strstr(out, "siteinfra: 0 errors, 5 warnings\n") != NULL);
}

/* A huge text keeps its head and tail; a JSON secret store masks values. */
static void
test_bounds(void)
{
	struct diag	 dg;
	struct sbuf	 big = SBUF_INIT;
	struct src	*s;
	struct srcpos	 p;
	const char	*out;
	size_t		 i;

	diag_init(&dg, &ar);
	for (i = 0; i < 100000; i++)
		sb_addstr(&big, "\303\251");	/* U+00E9, two bytes */
	diag_add(&dg, DIAG_ERROR, NULL, "bad value '%s': the end", big.buf);
	sb_release(&big);
	out = render(&dg);
	CHECK(strlen(out) < 500);
	CHECK(strstr(out, "siteinfra: error: bad value '\303\251") == out);
	CHECK(strstr(out, "\303\251...\303\251") != NULL);
	CHECK(strstr(out, "': the end\n") != NULL);
	CHECK(strstr(out, "\\x") == NULL);	/* no character was cut */

	s = mk("o.json", "{\"k\": {\"value\": \"s3cr\303\251t\\\"x\"}, \"u",
	    0);
	s->redact = true;
	p = span(s, 17, 28);
	diag_add(&dg, DIAG_ERROR, &p, "bad");
	EQ_STR(render(&dg),
	    "o.json:1:18: error: bad\n"
	    "    1 | {\"k\": {\"value\": \"*********\"}, \"*\n"
	    "      |                  ^~~~~~~~~~\n"
	    "siteinfra: 1 error, 0 warnings\n");
}

/* Message text is made printable; the excerpt shows '?' for control bytes. */
static void
test_escaping(void)
{
	struct diag	 dg;
	struct src	*s = mk("e.infra", "a\001b\377c\r\n", 0);
	struct srcpos	 p = span(s, 4, 5);

	diag_init(&dg, &ar);
	diag_add(&dg, DIAG_ERROR, &p, "name '%s'",
	    "x\ty\n\001\033[31m\177\377caf\xc3\xa9");
	EQ_STR(render(&dg),
	    "e.infra:1:5: error: name "
	    "'x\\x09y\\x0a\\x01\\x1b[31m\\x7f\\xffcaf\xc3\xa9'\n"
	    "    1 | a?b?c\n"
	    "      |     ^\n"
	    "siteinfra: 1 error, 0 warnings\n");
}

static void
test_color(void)
{
	struct diag	 dg;
	struct src	*s = mk("k.infra", "abc\n", 0);
	struct srcpos	 p = span(s, 1, 3);

	diag_init(&dg, &ar);
	dg.color = true;
	diag_add(&dg, DIAG_ERROR, &p, "m");
	diag_note(&dg, NULL, "n");
	EQ_STR(render(&dg),
	    "\033[1mk.infra:1:2: \033[1;31merror:\033[0m\033[1m m\033[0m\n"
	    "    1 | abc\n"
	    "      |  \033[1;31m^~\033[0m\n"
	    "\033[1msiteinfra: \033[1;36mnote:\033[0m\033[1m n\033[0m\n"
	    "siteinfra: 1 error, 0 warnings\n");
	CHECK(dg.color);	/* diag_clear keeps it */
}

/* The gutter holds five digits; the caret line matches it. */
static void
test_gutter(void)
{
	struct diag	 dg;
	struct sbuf	 text = SBUF_INIT;
	struct src	*s;
	struct srcpos	 p;
	unsigned	 i;

	for (i = 1; i < 12345; i++)
		sb_addch(&text, '\n');
	sb_addstr(&text, "x = 1\n");
	s = mk("g.infra", text.buf, 0);
	sb_release(&text);
	diag_init(&dg, &ar);
	p = span(s, 12344 + 4, 12344 + 5);
	diag_add(&dg, DIAG_ERROR, &p, "e");
	EQ_STR(render(&dg),
	    "g.infra:12345:5: error: e\n"
	    "12345 | x = 1\n"
	    "      |     ^\n"
	    "siteinfra: 1 error, 0 warnings\n");
	/* Line 100000 and later: the gutter and the caret line widen. */
	for (i = 1; i < 100000; i++)
		sb_addch(&text, '\n');
	sb_addstr(&text, "x = 1\n");
	s = mk("h.infra", text.buf, 0);
	sb_release(&text);
	diag_init(&dg, &ar);
	p = span(s, 99999 + 4, 99999 + 5);
	diag_add(&dg, DIAG_ERROR, &p, "e");
	EQ_STR(render(&dg), "h.infra:100000:5: error: e\n"
	    "100000 | x = 1\n"
	    "       |     ^\n"
	    "siteinfra: 1 error, 0 warnings\n");
}

static void
test_json(void)
{
	struct diag	 dg;
	struct src	*a = mk("a.infra", "site \"w\\\"x\" {\n", 0);
	struct src	*b = mk("b.infra", "ab\ncd\n", 1);
	struct srcpos	 p;
	struct sbuf	 sb = SBUF_INIT;

	diag_init(&dg, &ar);
	diag_render_json(&dg, &sb);
	EQ_STR(sb.buf, "[]");
	sb_reset(&sb);

	p = span(b, 1, 4);
	diag_add(&dg, DIAG_WARNING, &p, "across");
	p = span(a, 5, 11);
	diag_add(&dg, DIAG_ERROR, &p, "say \"%s\" \\ %s", "hi", "\001");
	diag_note(&dg, NULL, "n1");
	p = span(b, 0, 0);
	diag_note(&dg, &p, "n2");
	diag_render_json(&dg, &sb);
	EQ_STR(sb.buf,
	    "[\n"
	    "    {\"severity\": \"error\", \"file\": \"a.infra\", \"line\": 1, "
	    "\"column\": 6, \"end_line\": 1, \"end_column\": 12, "
	    "\"message\": \"say \\\"hi\\\" \\\\ \\\\x01\", \"notes\": ["
	    "{\"severity\": \"note\", \"message\": \"n1\"}, "
	    "{\"severity\": \"note\", \"file\": \"b.infra\", \"line\": 1, "
	    "\"column\": 1, \"end_line\": 1, \"end_column\": 1, "
	    "\"message\": \"n2\"}]},\n"
	    "    {\"severity\": \"warning\", \"file\": \"b.infra\", "
	    "\"line\": 1, "
	    "\"column\": 2, \"end_line\": 2, \"end_column\": 2, "
	    "\"message\": \"across\", \"notes\": []}\n"
	    "  ]");
	sb_release(&sb);
	diag_clear(&dg);
}

int
main(void)
{
	arena_init(&ar);
	test_caret_tabs();
	test_spans();
	test_span_lines();
	test_sorting();
	test_closing_line();
	test_cap();
	test_store();
	test_summary();
	test_bounds();
	test_escaping();
	test_color();
	test_gutter();
	test_json();
	arena_free(&ar);
	return unit_summary();
}
