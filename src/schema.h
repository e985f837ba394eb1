/* SPDX-License-Identifier: ISC */
/* schema.h: the table of blocks and attributes the language accepts. */
#ifndef SCHEMA_H
#define SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

/* Kinds of value an attribute accepts (a bit set). */
enum {
	VK_STRING	= 1 << 0,
	VK_NUMBER	= 1 << 1,
	VK_BOOL		= 1 << 2,
	VK_STRLIST	= 1 << 3,	/* list of strings */
	VK_REF		= 1 << 4,	/* reference to an output (env blocks) */
};

enum {
	AF_REQUIRED	= 1 << 0,
	AF_PER_ENV	= 1 << 1,	/* may be an environment-keyed map */
	AF_PER_PROVIDER	= 1 << 2,	/* may be a provider-keyed map */
	AF_NAME_MAP	= 1 << 3,	/* a map of names to values (only) */
	AF_PER_PROVIDER_ENV = 1 << 4,	/* may be a provider-keyed map of them */
};

struct attr_spec {
	const char	*name;
	unsigned	 kinds;		/* VK_* */
	unsigned	 flags;		/* AF_* */
	const char	*doc;		/* one line, for `siteinfra help language` */
};

enum label_rule {
	LABEL_NONE,		/* cdn { } */
	LABEL_REQUIRED,		/* site "demo" { } */
};

struct block_spec {
	const char		*type;
	enum label_rule		 label;
	const char		*label_doc;	/* what the label names */
	bool			 repeat;	/* may appear several times */
	bool			 free_attrs;	/* any KEY = value (env) */
	const struct attr_spec	*attrs;		/* NULL-name terminated */
	const struct block_spec	*const *children;	/* NULL terminated */
	const char		*doc;
};

/* The file level: top-level attributes and blocks. */
extern const struct block_spec	schema_file;

/* Returns the attribute spec of a block, or NULL. */
const struct attr_spec	*schema_attr(const struct block_spec *,
			    const char *name);
/* Returns the child block spec, or NULL. */
const struct block_spec	*schema_child(const struct block_spec *,
			    const char *type);

#endif
