/* SPDX-License-Identifier: ISC */
/* mdwrap.h: refills the paragraphs of a generated Markdown text. */
#ifndef MDWRAP_H
#define MDWRAP_H

#include <stddef.h>

struct sbuf;

/* The column the generated READMEs fill their paragraphs to. */
#define MD_WIDTH	72

/*
 * Appends IN to OUT with every paragraph and list item filled to WIDTH
 * columns (a longer word stands alone on its line); code fences,
 * headings, table rows and HTML comments are copied as they are.
 */
void	md_reflow(struct sbuf *out, const char *in, size_t width);

#endif
