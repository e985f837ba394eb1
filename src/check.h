/* SPDX-License-Identifier: ISC */
/* check.h: the semantic passes from syntax trees to the typed model. */
#ifndef CHECK_H
#define CHECK_H

#include <stdbool.h>

struct arena;
struct ast_file;
struct config;
struct diag;

/*
 * Checks every file of one configuration and builds its model.  Returns
 * the number of errors reported; *out is set only when there are none.
 * Warnings do not count.  The model lives in the arena.  complete is
 * false when some input could not be read or parsed: the files given
 * are still checked, without the errors the missing ones could explain
 * (no environments, no state block).
 */
unsigned	chk_config(struct arena *, struct diag *, struct ast_file *files,
		    bool complete, struct config **out);

#endif
