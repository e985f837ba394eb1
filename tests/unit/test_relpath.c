/* SPDX-License-Identifier: ISC */
/* test_relpath.c: paths as seen from the output tree, and the md reflow. */
#include <limits.h>
#include <unistd.h>

#include "arena.h"
#include "mdwrap.h"
#include "relpath.h"
#include "sbuf.h"
#include "unit.h"

static struct arena	ar;

static void
test_relpath(void)
{
	char		 cwd[PATH_MAX];
	const char	*paths[] = { "sites/b.infra", "it's.yaml",
	    "sites/a.infra" };

	EQ_STR(relpath(&ar, "infra", "sites"), "../sites");
	EQ_STR(relpath(&ar, "./out/", "site.infra"), "../site.infra");
	EQ_STR(relpath(&ar, "build/x/../infra", "sites"), "../../sites");
	EQ_STR(relpath(&ar, "infra", "infra/sites"), "sites");
	EQ_STR(relpath(&ar, "infra", "infra"), ".");
	EQ_STR(relpath(&ar, "/srv/ops/infra", "/srv/ops/sites"), "../sites");
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	/* A relative tree and absolute inputs, or the other way round. */
	EQ_STR(relpath(&ar, "infra", arena_printf(&ar, "%s/sites", cwd)),
	    "../sites");
	EQ_STR(relpath(&ar, arena_printf(&ar, "%s/infra", cwd), "sites"),
	    "../sites");
	/* Sorted, and quoted for sh where a byte needs it. */
	EQ_STR(relpath_words(&ar, "infra", paths, 3),
	    "'../it'\\''s.yaml' ../sites/a.infra ../sites/b.infra");
}

static void
test_reflow(void)
{
	struct sbuf	out = SBUF_INIT;

	md_reflow(&out, "# Title\n\nA short\nline, then `a code span` that is "
	    "long enough to wrap.\n\n```sh\nkeep   this   line exactly as it "
	    "is, however long it happens to be\n```\n- an item that wraps "
	    "past the width, indented\n| a | table |\n", 30);
	EQ_STR(out.buf, "# Title\n\nA short line, then\n`a code span` that is "
	    "long\nenough to wrap.\n\n```sh\nkeep   this   line exactly as it "
	    "is, however long it happens to be\n```\n- an item that wraps "
	    "past the\n  width, indented\n| a | table |\n");
	sb_release(&out);
}

int
main(void)
{
	arena_init(&ar);
	test_relpath();
	test_reflow();
	arena_free(&ar);
	return unit_summary();
}
