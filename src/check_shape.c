/* SPDX-License-Identifier: ISC */
/* check_shape.c: pass 1: every block and attribute against the schema table. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "check.h"
#include "check_int.h"
#include "diag.h"
#include "model.h"
#include "names.h"
#include "sbuf.h"
#include "schema.h"
#include "strmap.h"
#include "suggest.h"

/* The spec used for every KEY = value of an env block. */
static const struct attr_spec env_var_spec = {
	"env variable", VK_STRING | VK_REF, AF_PER_ENV, NULL,
};

/* "site 'demo'", "cdn", "the top level": where a problem is. */
static const char *
where(struct chk *c, const struct ast *owner)
{
	if (owner == NULL)
		return "at the top level";
	if (owner->label != NULL)
		return arena_printf(c->ar, "in %s '%s'", owner->name,
		    owner->label);
	return arena_printf(c->ar, "in %s", owner->name);
}

static const char *
kinds_desc(unsigned kinds, unsigned flags)
{
	const char	*base;

	switch (kinds) {
	case VK_STRING:
		base = "a string";
		break;
	case VK_NUMBER:
		base = "a number";
		break;
	case VK_BOOL:
		base = "true or false";
		break;
	case VK_STRLIST:
		base = "a list of strings";
		break;
	default:
		base = "a string or a reference";
		break;
	}
	if (flags & AF_NAME_MAP)
		return "a map of names to numbers or strings";
	if (flags & AF_PER_ENV)
		return kinds == VK_STRING ? "a string or a map by environment" :
		    kinds == VK_NUMBER ? "a number or a map by environment" :
		    kinds == VK_BOOL ? "true, false or a map by environment" :
		    kinds == VK_STRLIST ?
		    "a list of strings or a map by environment" :
		    "a string, a reference or a map by environment";
	if (flags & AF_PER_PROVIDER)
		return "a string or a map by provider";
	return base;
}

/* ------------------------------------------------------------------ */
/* Pass 1: shape.  Names, labels, kinds, duplicates, required attributes. */

static void
kind_error(struct chk *c, const struct ast *attr, const struct attr_spec *a,
    const struct ast *v)
{
	if (v->kind == AST_REF && (a->kinds & VK_STRING) &&
	    !(a->kinds & VK_REF)) {
		if (strchr(v->str, '.') != NULL)
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "'%s' expects %s; references such as '%s' are "
			    "only allowed in env blocks", attr->name,
			    kinds_desc(a->kinds, a->flags), v->str);
		else
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "'%s' expects %s, found the bare word '%s'; did "
			    "you mean \"%s\"?", attr->name,
			    kinds_desc(a->kinds, a->flags), v->str, v->str);
		return;
	}
	diag_add(c->dg, DIAG_ERROR, &v->pos, "'%s' expects %s, found %s",
	    attr->name, kinds_desc(a->kinds, a->flags),
	    v->kind == AST_BOOL ? "a boolean" : ast_kind_desc(v->kind));
}

/* Checks one value (or one entry of a per-environment map). */
static void
shape_value(struct chk *c, const struct ast *attr, const struct attr_spec *a,
    const struct ast *v, bool in_map)
{
	const struct ast	*item;

	switch (v->kind) {
	case AST_STRING:
		if (a->kinds & VK_STRING)
			return;
		break;
	case AST_NUMBER:
		if (a->kinds & VK_NUMBER)
			return;
		break;
	case AST_BOOL:
		if (a->kinds & VK_BOOL)
			return;
		break;
	case AST_REF:
		if ((a->kinds & VK_REF) && in_map) {
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "a reference cannot vary by environment; use it "
			    "as the whole value of '%s'", attr->name);
			return;
		}
		if (a->kinds & VK_REF)
			return;
		break;
	case AST_LIST:
		if (!(a->kinds & VK_STRLIST))
			break;
		for (item = v->child; item != NULL; item = item->next)
			if (item->kind == AST_REF)
				diag_add(c->dg, DIAG_ERROR, &item->pos,
				    "'%s' expects a list of strings, found the "
				    "bare word '%s' in it; did you mean \"%s\"?",
				    attr->name, item->str, item->str);
			else if (item->kind != AST_STRING)
				diag_add(c->dg, DIAG_ERROR, &item->pos,
				    "'%s' expects a list of strings, found %s "
				    "in it", attr->name,
				    ast_kind_desc(item->kind));
		return;
	default:
		break;
	}
	kind_error(c, attr, a, v);
}

/* Reports duplicate keys of a map literal. */
static void
shape_map_keys(struct chk *c, const struct ast *map)
{
	const struct ast	*e, *f;

	for (e = map->child; e != NULL; e = e->next)
		for (f = map->child; f != e; f = f->next)
			if (strcmp(e->name, f->name) == 0) {
				diag_add(c->dg, DIAG_ERROR, &e->keypos,
				    "duplicate key '%s'", e->name);
				diag_note(c->dg, &f->keypos,
				    "first given here");
				break;
			}
}

/* One provider's element of a per-provider value: per environment. */
static void
shape_provider_env(struct chk *c, const struct ast *attr,
    const struct attr_spec *a, const struct ast *map)
{
	const struct ast	*e;

	if (map->child == NULL) {
		diag_add(c->dg, DIAG_ERROR, &map->pos,
		    "'%s' is an empty map; give a value or a 'default'",
		    attr->name);
		return;
	}
	shape_map_keys(c, map);
	for (e = map->child; e != NULL; e = e->next)
		shape_value(c, attr, a, e->child, true);
}

static void
shape_attr(struct chk *c, const struct ast *attr, const struct attr_spec *a)
{
	const struct ast	*v = attr->child, *e;

	if (a->flags & AF_NAME_MAP) {
		if (v->kind != AST_MAP) {
			kind_error(c, attr, a, v);
			return;
		}
		shape_map_keys(c, v);
		for (e = v->child; e != NULL; e = e->next)
			shape_value(c, attr, a, e->child, false);
		return;
	}
	if (v->kind != AST_MAP) {
		shape_value(c, attr, a, v, false);
		return;
	}
	if (!(a->flags & (AF_PER_ENV | AF_PER_PROVIDER))) {
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "'%s' expects %s, found a map", attr->name,
		    kinds_desc(a->kinds, a->flags));
		return;
	}
	if (v->child == NULL) {
		if (a->flags & AF_PER_PROVIDER)
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "'%s' is an empty map; give a value, or one per "
			    "provider: { aws = \"...\", scw = \"...\" }",
			    attr->name);
		else
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "'%s' is an empty map; give a value or a "
			    "'default'", attr->name);
		return;
	}
	shape_map_keys(c, v);
	for (e = v->child; e != NULL; e = e->next)
		if ((a->flags & AF_PER_PROVIDER_ENV) && e->child->kind ==
		    AST_MAP && provider_lookup(e->name) != PROVIDER__MAX)
			shape_provider_env(c, attr, a, e->child);
		else
			shape_value(c, attr, a, e->child, true);
}

/* The block spec that has a child block of this type, or NULL. */
static const struct block_spec *
parent_of(const struct block_spec *from, const char *type)
{
	const struct block_spec *const	*b;
	const struct block_spec		*p;

	for (b = from->children; b != NULL && *b != NULL; b++) {
		if (strcmp((*b)->type, type) == 0)
			return from;
		if ((p = parent_of(*b, type)) != NULL)
			return p;
	}
	return NULL;
}

/*
 * Reports a name the block does not know; returns the suggested one, so
 * that a misspelled required attribute is not reported missing too.
 */
static const char *
unknown_name(struct chk *c, const struct block_spec *spec,
    const struct ast *owner, const struct ast *n)
{
	const struct attr_spec			*a;
	const struct block_spec *const		*b;
	const struct block_spec			*parent;
	struct suggest				 s;
	const char				*best, *what;

	what = n->kind == AST_BLOCK ? "block" : "attribute";
	/* A block known elsewhere is misplaced, not unknown. */
	if (n->kind == AST_BLOCK &&
	    (parent = parent_of(&schema_file, n->name)) != NULL) {
		if (parent == &schema_file)
			diag_add(c->dg, DIAG_ERROR, &n->keypos,
			    "%s blocks go at the top level, not %s", n->name,
			    where(c, owner));
		else
			diag_add(c->dg, DIAG_ERROR, &n->keypos,
			    "a %s block belongs in a %s block, not %s",
			    n->name, parent->type, where(c, owner));
		return NULL;
	}
	suggest_init(&s, n->name);
	for (a = spec->attrs; a != NULL && a->name != NULL; a++)
		suggest_add(&s, a->name);
	for (b = spec->children; b != NULL && *b != NULL; b++)
		suggest_add(&s, (*b)->type);
	if ((best = suggest_best(&s)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &n->keypos,
		    "unknown %s '%s' %s; did you mean '%s'?", what, n->name,
		    where(c, owner), best);
	else
		diag_add(c->dg, DIAG_ERROR, &n->keypos, "unknown %s '%s' %s",
		    what, n->name, where(c, owner));
	return best;
}


static void
shape_block(struct chk *c, const struct block_spec *spec,
    const struct ast *b)
{
	if (spec->label == LABEL_REQUIRED && b->label == NULL)
		diag_add(c->dg, DIAG_ERROR, &b->keypos,
		    "%s block needs a name (the %s): %s \"name\" { ... }",
		    b->name, spec->label_doc, b->name);
	else if (spec->label == LABEL_NONE && b->label != NULL)
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "%s block takes no name; write %s { ... }", b->name,
		    b->name);
	chk_shape_body(c, spec, b, b->child);
}

#define SCHEMA_MAX_ROWS	32

void
chk_shape_body(struct chk *c, const struct block_spec *spec,
    const struct ast *owner, const struct ast *first)
{
	const struct ast	*seen_attr[SCHEMA_MAX_ROWS] = { NULL };
	const struct ast	*seen_block[SCHEMA_MAX_ROWS] = { NULL };
	bool			 misspelled[SCHEMA_MAX_ROWS] = { false };
	const struct ast	*n, *m, *top = NULL;
	const struct attr_spec	*a;
	const struct block_spec	*child;
	const char		*best;
	size_t			 i;
	unsigned		 top_errors = 0;

	for (n = first; n != NULL && !diag_saturated(c->dg); n = n->next) {
		/* A top-level item that had an error is skipped later. */
		if (top != NULL && chk_errors(c) > top_errors)
			chk_mark_broken(c, top);
		if (owner == NULL) {
			top = n;
			top_errors = chk_errors(c);
		}
		if (n->kind == AST_ATTR) {
			if (spec->free_attrs) {
				for (m = first; m != n; m = m->next)
					if (m->kind == AST_ATTR &&
					    strcmp(m->name, n->name) == 0)
						break;
				if (m != n) {
					diag_add(c->dg, DIAG_ERROR, &n->keypos,
					    "duplicate variable '%s' %s",
					    n->name, where(c, owner));
					diag_note(c->dg, &m->keypos,
					    "first set here");
					continue;
				}
				shape_attr(c, n, &env_var_spec);
				continue;
			}
			if ((a = schema_attr(spec, n->name)) == NULL) {
				if (schema_child(spec, n->name) != NULL)
					diag_add(c->dg, DIAG_ERROR, &n->keypos,
					    "'%s' is a block; write %s { ... } "
					    "without '='", n->name, n->name);
				else if ((best = unknown_name(c, spec, owner,
				    n)) != NULL &&
				    (a = schema_attr(spec, best)) != NULL)
					/* Not missing: misspelled. */
					misspelled[a - spec->attrs] = true;
				continue;
			}
			i = (size_t)(a - spec->attrs);
			if (seen_attr[i] != NULL) {
				diag_add(c->dg, DIAG_ERROR, &n->keypos,
				    "duplicate attribute '%s' %s", n->name,
				    where(c, owner));
				diag_note(c->dg, &seen_attr[i]->keypos,
				    "first set here");
				continue;
			}
			seen_attr[i] = n;
			shape_attr(c, n, a);
			continue;
		}
		if ((child = schema_child(spec, n->name)) == NULL) {
			if (spec->free_attrs)
				diag_add(c->dg, DIAG_ERROR, &n->keypos,
				    "%s blocks hold only KEY = value lines, not "
				    "a %s block", spec->type, n->name);
			else if (schema_attr(spec, n->name) != NULL)
				diag_add(c->dg, DIAG_ERROR, &n->keypos,
				    "'%s' is an attribute; write %s = ...",
				    n->name, n->name);
			else
				unknown_name(c, spec, owner, n);
			continue;
		}
		for (i = 0; spec->children[i] != child; i++)
			;
		if (!child->repeat && seen_block[i] != NULL) {
			diag_add(c->dg, DIAG_ERROR, &n->keypos,
			    "duplicate %s block %s", n->name, where(c, owner));
			diag_note(c->dg, &seen_block[i]->keypos,
			    "first defined here");
			continue;
		}
		seen_block[i] = n;
		shape_block(c, child, n);
	}
	if (top != NULL && chk_errors(c) > top_errors)
		chk_mark_broken(c, top);
	for (a = spec->attrs; a != NULL && a->name != NULL; a++) {
		i = (size_t)(a - spec->attrs);
		if ((a->flags & AF_REQUIRED) && seen_attr[i] == NULL &&
		    !misspelled[i] && owner != NULL)
			diag_add(c->dg, DIAG_ERROR, &owner->keypos,
			    "%s lacks the required attribute '%s'",
			    owner->label != NULL ? arena_printf(c->ar,
			    "%s '%s'", owner->name, owner->label) :
			    arena_printf(c->ar, "%s block", owner->name),
			    a->name);
	}
}

