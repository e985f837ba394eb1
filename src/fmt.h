/* SPDX-License-Identifier: ISC */
/* fmt.h: printing syntax trees back as text, in either syntax. */
#ifndef FMT_H
#define FMT_H

#include <stddef.h>

struct ast_file;
struct sbuf;

/* Appends the canonical native form of a file, comments kept. */
void	fmt_native(const struct ast_file *, struct sbuf *);
/* Appends the YAML form of a file (comments are not kept). */
void	fmt_yaml(const struct ast_file *, struct sbuf *);
/* Appends s as a quoted native string, escaping what must be. */
void	fmt_string(struct sbuf *, const char *s, size_t len);

#endif
