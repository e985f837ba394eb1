/* SPDX-License-Identifier: ISC */
/* inputs.h: finding, reading and parsing the input files of one run. */
#ifndef INPUTS_H
#define INPUTS_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct ast_file;
struct diag;

/* Where the inputs of a run come from when no path is given. */
#define INPUTS_DEFAULT_DIR	"sites"

/*
 * Expands paths (files, or directories whose *.infra, *.yaml and *.yml
 * files are taken, not recursively) into a sorted, duplicate-free list,
 * reads and parses each file.  Returns 0 when all parsed cleanly; 2
 * when some had syntax errors or a path was missing; 3 on a read error.
 * *files is the list of parsed files, in name order.
 */
int	inputs_load(struct arena *, struct diag *, char *const *paths,
	    size_t npaths, struct ast_file **files);

/* Reads and parses listed files; returns 0, 2 or 3 as inputs_load. */
int	inputs_read(struct arena *, struct diag *, const char *const *list,
	    size_t n, struct ast_file **files);

/* Whether a file name is one of an input directory (*.infra, *.y*ml). */
bool	inputs_is_name(const char *);

/* Lists the input paths only; same rules.  Returns 0, 2 or 3. */
int	inputs_list(struct arena *, struct diag *, char *const *paths,
	    size_t npaths, const char ***list, size_t *n);

#endif
