/* SPDX-License-Identifier: ISC */
/* ast.c: constructors and the debugging dump of the generic syntax tree. */
#include <inttypes.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "sbuf.h"

static const char *const kind_desc[AST__MAX] = {
	"a block",	/* AST_BLOCK */
	"an attribute",	/* AST_ATTR */
	"a string",	/* AST_STRING */
	"a number",	/* AST_NUMBER */
	"a boolean",	/* AST_BOOL */
	"a reference",	/* AST_REF */
	"a list",	/* AST_LIST */
	"a map",	/* AST_MAP */
};
_Static_assert(sizeof(kind_desc) / sizeof(kind_desc[0]) == AST__MAX,
    "kind_desc");

const char *
ast_kind_desc(enum ast_kind k)
{
	return kind_desc[k];
}

struct ast *
ast_new(struct arena *ar, enum ast_kind kind, const struct srcpos *pos)
{
	struct ast	*n = ARENA_NEW(ar, struct ast);

	n->kind = kind;
	if (pos != NULL)
		n->pos = *pos;
	n->tail = &n->child;
	return n;
}

void
ast_append(struct ast *parent, struct ast *child)
{
	*parent->tail = child;
	parent->tail = &child->next;
}

struct ast_file *
ast_file_new(struct arena *ar, struct src *src, enum ast_syntax syntax)
{
	struct ast_file	*f = ARENA_NEW(ar, struct ast_file);

	f->src = src;
	f->syntax = syntax;
	f->tail = &f->body;
	f->ctail = &f->comments;
	return f;
}

void
ast_file_append(struct ast_file *f, struct ast *n)
{
	*f->tail = n;
	f->tail = &n->next;
}

static void
dump_str(const char *s, size_t len, struct sbuf *out)
{
	size_t	 i;

	sb_addch(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			sb_addf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			sb_addf(out, "\\x%02x", c);
		else
			sb_addch(out, c);
	}
	sb_addch(out, '"');
}

void
ast_dump(const struct ast *n, struct sbuf *out)
{
	const struct ast	*c;

	switch (n->kind) {
	case AST_BLOCK:
		sb_addf(out, "(block %s", n->name);
		if (n->label != NULL) {
			sb_addch(out, ' ');
			dump_str(n->label, strlen(n->label), out);
		}
		for (c = n->child; c != NULL; c = c->next) {
			sb_addch(out, ' ');
			ast_dump(c, out);
		}
		sb_addch(out, ')');
		break;
	case AST_ATTR:
		sb_addf(out, "(%s ", n->name);
		ast_dump(n->child, out);
		sb_addch(out, ')');
		break;
	case AST_STRING:
		dump_str(n->str, n->len, out);
		break;
	case AST_NUMBER:
		sb_addf(out, "%" PRId64, n->num);
		break;
	case AST_BOOL:
		sb_addstr(out, n->boolean ? "true" : "false");
		break;
	case AST_REF:
		sb_addstr(out, n->str);
		break;
	case AST_LIST:
	case AST_MAP:
		sb_addstr(out, n->kind == AST_LIST ? "[" : "{");
		for (c = n->child; c != NULL; c = c->next) {
			if (c != n->child)
				sb_addch(out, ' ');
			ast_dump(c, out);
		}
		sb_addstr(out, n->kind == AST_LIST ? "]" : "}");
		break;
	case AST__MAX:
		break;
	}
}
