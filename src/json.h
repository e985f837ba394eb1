/* SPDX-License-Identifier: ISC */
/* json.h: writing JSON strings, and reading terraform output -json. */
#ifndef JSON_H
#define JSON_H

#include <stddef.h>

#include "src.h"

struct arena;
struct diag;
struct sbuf;

enum json_kind {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,	/* kept as its text */
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

/* A parsed JSON value; object members and array items are a list. */
struct json {
	enum json_kind	 kind;
	struct srcpos	 pos;
	const char	*key;		/* member name, inside an object */
	const char	*str;		/* STRING (decoded), NUMBER (text) */
	size_t		 len;		/* STRING length (may hold NUL) */
	int		 boolean;
	struct json	*child;		/* ARRAY items, OBJECT members */
	struct json	*next;
};

/* The largest document read, and the most values in it. */
#define JSON_MAX_SIZE	((size_t)16 * 1024 * 1024)
#define JSON_MAX_VALUES	1000000

/*
 * Parses a whole JSON document (RFC 8259) from a source file, refusing
 * duplicate member names, member names holding NUL, documents over
 * JSON_MAX_SIZE bytes or JSON_MAX_VALUES values.  Returns the root, or
 * NULL after reporting the first error at its position.
 */
struct json	*json_parse(struct arena *, struct diag *, struct src *);
/* The member of an object with that name, or NULL. */
struct json	*json_member(const struct json *, const char *name);

/* Appends s as a JSON string literal. */
void	json_str(struct sbuf *, const char *s);

#endif
