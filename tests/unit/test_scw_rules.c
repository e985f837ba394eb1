/* SPDX-License-Identifier: ISC */
/* test_scw_rules.c: every attribute of an app-stack block has a Scaleway verdict. */
#include <stdio.h>
#include <string.h>

#include "check_int.h"
#include "schema.h"
#include "unit.h"

static void
test_every_attribute(void)
{
	static const char *const blocks[] = { "network", "service", "task",
		"database", "secret", "email", NULL };
	const struct block_spec	*site = schema_child(&schema_file, "site");
	const struct block_spec	*b;
	const struct attr_spec	*a;
	size_t			 i;

	CHECK(site != NULL);
	for (i = 0; site != NULL && blocks[i] != NULL; i++) {
		b = schema_child(site, blocks[i]);
		CHECK(b != NULL);
		for (a = b != NULL ? b->attrs : NULL; a != NULL && a->name !=
		    NULL; a++) {
			if (!chk_app_scw_covers(b->type, a->name))
				fprintf(stderr, "no Scaleway verdict for %s.%s\n",
				    b->type, a->name);
			CHECK(chk_app_scw_covers(b->type, a->name));
		}
	}
	CHECK(!chk_app_scw_covers("service", "no_such_attribute"));
}

int
main(void)
{
	test_every_attribute();
	return unit_summary();
}
