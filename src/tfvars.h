/* SPDX-License-Identifier: ISC */
/* tfvars.h: a strict reader of the Terraform subset a richie site factory's files use. */
#ifndef TFVARS_H
#define TFVARS_H

#include <stdbool.h>

#include "src.h"

struct arena;
struct diag;

enum tfv_kind {
	TFV_STRING,
	TFV_NUMBER,	/* str holds the digits as written */
	TFV_BOOL,
	TFV_LIST,	/* child: the items */
	TFV_MAP,	/* child: the entries, key set */
	TFV_BLOCK,	/* key: the type, label/label2, child: the body */
	TFV_TYPE,	/* a type constraint (string, map(string)): str */
};

/* An attribute, block, map entry or list item. */
struct tfv {
	enum tfv_kind	 kind;
	const char	*key;		/* attribute, map key or block type */
	const char	*label;		/* blocks: first label, or NULL */
	const char	*label2;	/* blocks: second label, or NULL */
	const char	*str;
	bool		 b;
	struct srcpos	 pos;		/* the value (blocks: the type) */
	struct srcpos	 keypos;
	struct tfv	*child;
	struct tfv	*next;
};

/*
 * Reads a body of attributes (tfvars) and blocks (variables.tf,
 * state.tf): strings without interpolation, numbers, bools, lists and
 * maps, and as the value of a variable's type the bare type constraints
 * (string, map(string)).  Anything else is an error at its position.  Returns the first
 * item (NULL for an empty file) and sets *ok to false after an error.
 */
struct tfv	*tfv_parse(struct arena *, struct diag *, struct src *,
		    bool *ok);
/* The item of a body or map with that key, or NULL (blocks: by type). */
const struct tfv *tfv_get(const struct tfv *first, const char *key);

#endif
