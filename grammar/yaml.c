/* SPDX-License-Identifier: ISC */
/* yaml.c: the YAML front-end (libyaml) to the same syntax tree. */
#include "arena.h"
#include "diag.h"
#include "parse.h"

int
parse_yaml(struct arena *ar, struct diag *dg, struct src *src,
    struct ast_file **out)
{
	*out = ast_file_new(ar, src, SYNTAX_YAML);
	diag_add(dg, DIAG_ERROR, NULL, "%s: YAML input is not supported yet",
	    src->name);
	return -1;
}
