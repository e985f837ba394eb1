/* SPDX-License-Identifier: ISC */
/* ast.h: the generic syntax tree both front-ends (native, YAML) build. */
#ifndef AST_H
#define AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "src.h"

struct arena;
struct sbuf;

enum ast_kind {
	AST_BLOCK,	/* type "label" { body } */
	AST_ATTR,	/* key = value (also a map entry) */
	AST_STRING,	/* "text", escapes decoded, ${...} kept verbatim */
	AST_NUMBER,
	AST_BOOL,
	AST_REF,	/* bare dotted name: cdn.domain */
	AST_LIST,	/* [a, b] */
	AST_MAP,	/* { k = v } */
	AST__MAX
};

struct ast {
	enum ast_kind	 kind;
	struct srcpos	 pos;		/* the whole node */
	struct srcpos	 keypos;	/* BLOCK type / ATTR key */
	struct srcpos	 labelpos;	/* BLOCK label */
	struct ast	*next;		/* sibling in the parent's list */
	const char	*name;		/* BLOCK type, ATTR key */
	const char	*label;		/* BLOCK label, NULL if none */
	struct ast	*child;		/* BLOCK body, ATTR value, LIST/MAP items */
	struct ast	**tail;		/* append point of child */
	const char	*str;		/* STRING/REF text (arena, NUL-terminated) */
	size_t		 len;		/* STRING length */
	int64_t		 num;		/* NUMBER */
	bool		 boolean;	/* BOOL */
	bool		 quoted_key;	/* ATTR key written as a string */
	bool		 multiline;	/* LIST/MAP/BLOCK spanned several lines */
};

/* A comment of the native syntax, kept for `siteinfra fmt`. */
struct ast_comment {
	struct srcpos		 pos;
	const char		*text;	/* from '#' to the end of the line */
	struct ast_comment	*next;
};

enum ast_syntax {
	SYNTAX_NATIVE,
	SYNTAX_YAML,
};

/* One parsed input file. */
struct ast_file {
	struct src		*src;
	enum ast_syntax		 syntax;
	struct ast		*body;		/* top-level items */
	struct ast		**tail;
	struct ast_comment	*comments;	/* in source order */
	struct ast_comment	**ctail;
	struct ast_file		*next;
};

/* Returns a zeroed node of the given kind, allocated in the arena. */
struct ast	*ast_new(struct arena *, enum ast_kind, const struct srcpos *);
/* Appends child to the child list of parent. */
void		 ast_append(struct ast *parent, struct ast *child);
struct ast_file	*ast_file_new(struct arena *, struct src *, enum ast_syntax);
void		 ast_file_append(struct ast_file *, struct ast *);
/* Writes an s-expression form of the tree, for tests and debugging. */
void		 ast_dump(const struct ast *, struct sbuf *);
/* Human name of a value kind, for messages ("a string", "a list"). */
const char	*ast_kind_desc(enum ast_kind);

#endif
