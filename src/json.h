/* SPDX-License-Identifier: ISC */
/* json.h: writing JSON strings. */
#ifndef JSON_H
#define JSON_H

struct sbuf;

/* Appends s as a JSON string literal. */
void	json_str(struct sbuf *, const char *s);

#endif
