/* SPDX-License-Identifier: ISC */
/* check.c: staged semantic passes that turn syntax trees into the model. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "check.h"
#include "diag.h"
#include "model.h"
#include "names.h"
#include "sbuf.h"
#include "schema.h"
#include "strmap.h"
#include "suggest.h"

/* Longest expiration accepted, in days (100 years). */
#define MAX_EXPIRATION	36500

struct chk {
	struct arena	*ar;
	struct diag	*dg;
	struct config	*cfg;
	struct strmap	 sites;		/* name -> struct site */
	struct strmap	 bucket_names;	/* name -> struct owner */
	struct strmap	 iam_names;	/* provider:name -> struct owner */
	struct strmap	 cdn_domains;	/* domain -> struct owner */
	bool		 no_state_reported[PROVIDER__MAX];
};

/* Who uses a globally unique name, for "also used by" notes. */
struct owner {
	const struct site	*site;
	const char		*env;
	struct srcpos		 pos;
};

/* The spec used for every KEY = value of an env block. */
static const struct attr_spec env_var_spec = {
	"env variable", VK_STRING | VK_REF, AF_PER_ENV, NULL,
};

static unsigned
errors(const struct chk *c)
{
	return diag_errors(c->dg);
}

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
	if (flags & AF_PER_ENV)
		return kinds == VK_STRING ? "a string or a map by environment" :
		    kinds == VK_NUMBER ? "a number or a map by environment" :
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
			if (item->kind != AST_STRING)
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

static void
shape_attr(struct chk *c, const struct ast *attr, const struct attr_spec *a)
{
	const struct ast	*v = attr->child, *e;

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
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "'%s' is an empty map; give a value or a 'default'",
		    attr->name);
		return;
	}
	shape_map_keys(c, v);
	for (e = v->child; e != NULL; e = e->next)
		shape_value(c, attr, a, e->child, true);
}

static void
unknown_name(struct chk *c, const struct block_spec *spec,
    const struct ast *owner, const struct ast *n)
{
	const struct attr_spec			*a;
	const struct block_spec *const		*b;
	struct suggest				 s;
	const char				*best, *what;

	what = n->kind == AST_BLOCK ? "block" : "attribute";
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
}

static void	shape_body(struct chk *, const struct block_spec *,
		    const struct ast *owner, const struct ast *first);

static void
shape_block(struct chk *c, const struct block_spec *spec,
    const struct ast *b)
{
	if (spec->label == LABEL_REQUIRED && b->label == NULL)
		diag_add(c->dg, DIAG_ERROR, &b->keypos,
		    "%s block needs a %s name: %s \"name\" { ... }", b->name,
		    spec->label_doc, b->name);
	else if (spec->label == LABEL_NONE && b->label != NULL)
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "%s block takes no name; write %s { ... }", b->name,
		    b->name);
	shape_body(c, spec, b, b->child);
}

#define SCHEMA_MAX_ROWS	16

static void
shape_body(struct chk *c, const struct block_spec *spec,
    const struct ast *owner, const struct ast *first)
{
	const struct ast	*seen_attr[SCHEMA_MAX_ROWS] = { NULL };
	const struct ast	*seen_block[SCHEMA_MAX_ROWS] = { NULL };
	const struct ast	*n, *m;
	const struct attr_spec	*a;
	const struct block_spec	*child;
	size_t			 i;

	for (n = first; n != NULL; n = n->next) {
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
				else
					unknown_name(c, spec, owner, n);
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
			if (schema_attr(spec, n->name) != NULL ||
			    spec->free_attrs)
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
	for (a = spec->attrs; a != NULL && a->name != NULL; a++) {
		i = (size_t)(a - spec->attrs);
		if ((a->flags & AF_REQUIRED) && seen_attr[i] == NULL &&
		    owner != NULL)
			diag_add(c->dg, DIAG_ERROR, &owner->keypos,
			    "%s '%s' lacks the required attribute '%s'",
			    owner->name, owner->label ? owner->label : "",
			    a->name);
	}
}

/* ------------------------------------------------------------------ */
/* Helpers for the building passes; every tree they see is well shaped. */

static const struct ast *
find_attr(const struct ast *block, const char *name)
{
	const struct ast	*n;

	for (n = block->child; n != NULL; n = n->next)
		if (n->kind == AST_ATTR && strcmp(n->name, name) == 0)
			return n;
	return NULL;
}

static bool
bool_attr(const struct ast *block, const char *name, struct srcpos *pos)
{
	const struct ast	*a = find_attr(block, name);

	if (a == NULL)
		return false;
	if (pos != NULL)
		*pos = a->pos;
	return a->child->boolean;
}

static void
unknown_interp(struct chk *c, const struct ast *n, const char *word)
{
	struct suggest	 sg;
	const char	*best;

	suggest_init(&sg, word);
	suggest_add(&sg, "env");
	suggest_add(&sg, "site");
	if ((best = suggest_best(&sg)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &n->pos,
		    "unknown interpolation '${%s}'; did you mean '${%s}'?",
		    word, best);
	else
		diag_add(c->dg, DIAG_ERROR, &n->pos,
		    "unknown interpolation '${%s}'; only ${env} and ${site} "
		    "exist", word);
}

/*
 * Expands ${env} and ${site} in a string; $${ is a literal ${.  Reports
 * problems only when report is set; returns NULL after a problem.
 */
static const char *
interp(struct chk *c, const struct ast *n, const char *site, const char *env,
    bool report)
{
	const char	*s = n->str, *end, *name, *res;
	size_t		 i = 0, len = n->len, nlen;
	struct sbuf	 out = SBUF_INIT;

	if (memchr(s, '$', len) == NULL)
		return s;
	while (i < len) {
		if (s[i] == '$' && i + 2 < len && s[i + 1] == '$' &&
		    s[i + 2] == '{') {
			sb_addstr(&out, "${");
			i += 3;
			continue;
		}
		if (!(s[i] == '$' && i + 1 < len && s[i + 1] == '{')) {
			sb_addch(&out, s[i++]);
			continue;
		}
		end = memchr(s + i + 2, '}', len - i - 2);
		if (end == NULL) {
			if (report)
				diag_add(c->dg, DIAG_ERROR, &n->pos,
				    "unterminated '${' in string; write '$${' "
				    "for a literal '${'");
			goto fail;
		}
		name = s + i + 2;
		nlen = (size_t)(end - name);
		if (nlen == 3 && strncmp(name, "env", 3) == 0)
			sb_addstr(&out, env);
		else if (nlen == 4 && strncmp(name, "site", 4) == 0)
			sb_addstr(&out, site);
		else {
			if (report)
				unknown_interp(c, n,
				    arena_strndup(c->ar, name, nlen));
			goto fail;
		}
		i = (size_t)(end - s) + 1;
	}
	res = arena_strndup(c->ar, out.buf, out.len);
	sb_release(&out);
	return res;
fail:
	sb_release(&out);
	return NULL;
}

static size_t
env_index(const struct site *s, const char *name)
{
	size_t	i;

	for (i = 0; i < s->nenv; i++)
		if (strcmp(s->envs[i], name) == 0)
			return i;
	return s->nenv;
}

/*
 * Finds the value of a per-environment attribute for each environment
 * of the site: out[i] for s->envs[i].  Returns false after reporting.
 */
static bool
per_env(struct chk *c, const struct site *s, const struct srcpos *envpos,
    const struct ast *attr, const struct ast **out)
{
	const struct ast	*v = attr->child, *e, *def = NULL;
	size_t			 i;
	bool			 ok = true;

	for (i = 0; i < s->nenv; i++)
		out[i] = v;
	if (v->kind != AST_MAP)
		return true;
	for (i = 0; i < s->nenv; i++)
		out[i] = NULL;
	for (e = v->child; e != NULL; e = e->next) {
		if (strcmp(e->name, "default") == 0) {
			def = e->child;
			continue;
		}
		i = env_index(s, e->name);
		if (i == s->nenv) {
			struct suggest	 sg;
			const char	*best;
			size_t		 k;

			suggest_init(&sg, e->name);
			for (k = 0; k < s->nenv; k++)
				suggest_add(&sg, s->envs[k]);
			suggest_add(&sg, "default");
			best = suggest_best(&sg);
			if (best != NULL)
				diag_add(c->dg, DIAG_ERROR, &e->keypos,
				    "'%s' is not an environment of site '%s'; "
				    "did you mean '%s'?", e->name, s->name,
				    best);
			else
				diag_add(c->dg, DIAG_ERROR, &e->keypos,
				    "'%s' is not an environment of site '%s'",
				    e->name, s->name);
			ok = false;
			continue;
		}
		out[i] = e->child;
	}
	for (i = 0; i < s->nenv; i++) {
		if (out[i] != NULL)
			continue;
		if (def != NULL) {
			out[i] = def;
			continue;
		}
		diag_add(c->dg, DIAG_ERROR, &attr->keypos,
		    "'%s' has no value for environment '%s' of site '%s'; "
		    "add a '%s' key or a 'default'", attr->name, s->envs[i],
		    s->name, s->envs[i]);
		diag_note(c->dg, &envpos[i], "environment '%s' is declared here",
		    s->envs[i]);
		ok = false;
	}
	return ok;
}

/*
 * Resolves a per-environment string attribute: interpolated, one per
 * environment.  check names a validity rule (or NULL) applied to each.
 */
static bool
env_strings(struct chk *c, const struct site *s, const struct srcpos *envpos,
    const struct ast *attr, const char *(*check)(const char *),
    const char *what, struct envstr *out)
{
	const struct ast	**nodes;
	const char		*why;
	size_t			 i;
	bool			 ok = true;

	nodes = arena_array(c->ar, s->nenv, sizeof(*nodes));
	out->v = arena_array(c->ar, s->nenv, sizeof(*out->v));
	out->pos = attr->pos;
	out->set = true;
	if (!per_env(c, s, envpos, attr, nodes))
		return false;
	for (i = 0; i < s->nenv; i++) {
		const struct ast *n = nodes[i];
		size_t k;

		/* Report interpolation problems once per node. */
		for (k = 0; k < i && nodes[k] != n; k++)
			;
		out->v[i] = interp(c, n, s->name, s->envs[i], k == i && ok);
		if (out->v[i] == NULL) {
			ok = false;
			continue;
		}
		if (check != NULL && (why = check(out->v[i])) != NULL) {
			diag_add(c->dg, DIAG_ERROR, &n->pos,
			    "%s '%s' for environment '%s' is invalid: %s",
			    what, out->v[i], s->envs[i], why);
			ok = false;
			break;
		}
	}
	return ok;
}

static bool
env_numbers(struct chk *c, const struct site *s, const struct srcpos *envpos,
    const struct ast *attr, int64_t min, int64_t max, struct envnum *out)
{
	const struct ast	**nodes;
	size_t			 i;

	nodes = arena_array(c->ar, s->nenv, sizeof(*nodes));
	out->v = arena_array(c->ar, s->nenv, sizeof(*out->v));
	out->pos = attr->pos;
	out->set = true;
	if (!per_env(c, s, envpos, attr, nodes))
		return false;
	for (i = 0; i < s->nenv; i++) {
		if (nodes[i]->num < min || nodes[i]->num > max) {
			diag_add(c->dg, DIAG_ERROR, &nodes[i]->pos,
			    "'%s' must be between %" PRId64 " and %" PRId64,
			    attr->name, min, max);
			return false;
		}
		out->v[i] = nodes[i]->num;
	}
	return true;
}

/* A list of strings as an arena array; positions in *pos when asked. */
static const char **
str_list(struct chk *c, const struct ast *list, size_t *n,
    struct srcpos **pos)
{
	const struct ast	*item;
	const char		**v;
	size_t			 i = 0;

	for (item = list->child; item != NULL; item = item->next)
		i++;
	*n = i;
	v = arena_array(c->ar, i + 1, sizeof(*v));
	if (pos != NULL)
		*pos = arena_array(c->ar, i + 1, sizeof(**pos));
	i = 0;
	for (item = list->child; item != NULL; item = item->next, i++) {
		v[i] = item->str;
		if (pos != NULL)
			(*pos)[i] = item->pos;
	}
	return v;
}

/* ------------------------------------------------------------------ */
/* Pass 2: the top level: environments, state and domain blocks. */

/* Checks a list of environment names: valid, unique, not empty. */
static bool
check_env_list(struct chk *c, const struct ast *attr, const char **envs,
    size_t n, const struct srcpos *pos)
{
	const char	*why;
	size_t		 i, j;
	bool		 ok = true;

	if (n == 0) {
		diag_add(c->dg, DIAG_ERROR, &attr->child->pos,
		    "'environments' is empty; name at least one");
		return false;
	}
	for (i = 0; i < n; i++) {
		if ((why = name_env_problem(envs[i])) != NULL) {
			diag_add(c->dg, DIAG_ERROR, &pos[i],
			    "invalid environment name '%s': %s", envs[i], why);
			ok = false;
			continue;
		}
		for (j = 0; j < i; j++)
			if (strcmp(envs[i], envs[j]) == 0) {
				diag_add(c->dg, DIAG_ERROR, &pos[i],
				    "duplicate environment '%s'", envs[i]);
				diag_note(c->dg, &pos[j], "first listed here");
				ok = false;
				break;
			}
	}
	return ok;
}

static void
build_state(struct chk *c, const struct ast *b, const char *input)
{
	struct config		*cfg = c->cfg;
	struct state_cfg	*st;
	const struct ast	*a;
	const char		*why, *(*region_check)(const char *);
	enum provider		 p = provider_lookup(b->label);

	if (p == PROVIDER__MAX) {
		if (strcmp(b->label, "scaleway") == 0)
			diag_add(c->dg, DIAG_ERROR, &b->labelpos,
			    "unknown provider 'scaleway'; did you mean 'scw'?");
		else {
			struct suggest	 sg;
			const char	*best;
			int		 k;

			suggest_init(&sg, b->label);
			for (k = 0; k < PROVIDER__MAX; k++)
				suggest_add(&sg, provider_names[k]);
			if ((best = suggest_best(&sg)) != NULL)
				diag_add(c->dg, DIAG_ERROR, &b->labelpos,
				    "unknown provider '%s'; did you mean '%s'?",
				    b->label, best);
			else
				diag_add(c->dg, DIAG_ERROR, &b->labelpos,
				    "unknown provider '%s'; use \"aws\" or "
				    "\"scw\"", b->label);
		}
		return;
	}
	if (cfg->state[p] != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "duplicate state block for provider '%s'", b->label);
		diag_note(c->dg, &cfg->state[p]->pos, "first defined here");
		return;
	}
	st = ARENA_NEW(c->ar, struct state_cfg);
	st->provider = p;
	st->pos = b->labelpos;
	st->input = input;
	a = find_attr(b, "bucket");
	st->bucket = a->child->str;
	if ((why = name_bucket_problem(st->bucket)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "invalid bucket name '%s': %s", st->bucket, why);
	a = find_attr(b, "region");
	st->region = a->child->str;
	region_check = p == PROVIDER_AWS ? name_aws_region_problem :
	    name_scw_region_problem;
	if ((why = region_check(st->region)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "invalid %s region '%s': %s", b->label, st->region, why);
	if ((a = find_attr(b, "lock")) != NULL) {
		const char *v = a->child->str;

		if (strcmp(v, "dynamodb") == 0 && p == PROVIDER_AWS)
			st->lock = LOCK_DYNAMODB;
		else if (strcmp(v, "dynamodb") == 0)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "lock = \"dynamodb\" is AWS only; Scaleway state "
			    "is locked with the lockfile");
		else if (strcmp(v, "lockfile") != 0)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "unknown lock '%s'; use \"lockfile\" or "
			    "\"dynamodb\"", v);
	}
	if ((a = find_attr(b, "lock_table")) != NULL) {
		st->lock_table = a->child->str;
		if (st->lock != LOCK_DYNAMODB)
			diag_add(c->dg, DIAG_ERROR, &a->keypos,
			    "'lock_table' needs lock = \"dynamodb\"");
		else if (name_label_problem(st->lock_table) != NULL &&
		    name_bucket_problem(st->lock_table) != NULL)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "invalid lock table name '%s': use letters, digits, "
			    "'-' and '_'", st->lock_table);
	} else if (st->lock == LOCK_DYNAMODB)
		st->lock_table = arena_printf(c->ar, "%s-locks", st->bucket);
	st->edge_plan = "professional";
	if ((a = find_attr(b, "edge_plan")) != NULL) {
		const char *v = a->child->str;

		if (p != PROVIDER_SCW)
			diag_add(c->dg, DIAG_ERROR, &a->keypos,
			    "'edge_plan' is a Scaleway setting; it belongs in "
			    "state \"scw\"");
		else if (strcmp(v, "starter") != 0 &&
		    strcmp(v, "professional") != 0 &&
		    strcmp(v, "advanced") != 0)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "unknown edge_plan '%s'; use \"starter\", "
			    "\"professional\" or \"advanced\"", v);
		else
			st->edge_plan = v;
	}
	cfg->state[p] = st;
}

static void
build_domain(struct chk *c, const struct ast *b, struct strmap *seen,
    struct domain ***tail)
{
	struct domain		*d, *prev;
	const struct ast	*a;
	const char		*why;

	if ((why = name_dns_problem(b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "invalid domain '%s': %s", b->label, why);
		return;
	}
	d = ARENA_NEW(c->ar, struct domain);
	d->name = b->label;
	d->pos = b->labelpos;
	if ((prev = strmap_put(seen, d->name, d)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "duplicate domain '%s'", d->name);
		diag_note(c->dg, &prev->pos, "first defined here");
		return;
	}
	if ((a = find_attr(b, "dns")) != NULL) {
		if (strcmp(a->child->str, "route53") == 0)
			d->dns = DNS_ROUTE53;
		else if (strcmp(a->child->str, "external") != 0)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "unknown dns '%s'; use \"external\" or "
			    "\"route53\"", a->child->str);
	}
	**tail = d;
	*tail = &d->next;
}

/* ------------------------------------------------------------------ */
/* Pass 3: sites. */

static void
build_providers(struct chk *c, struct site *s, const struct ast *block)
{
	const struct ast	*a = find_attr(block, "providers"), *item;
	enum provider		 p;

	if (a == NULL) {
		s->providers = 1u << PROVIDER_AWS;
		s->providers_pos = block->labelpos;
		return;
	}
	s->providers_pos = a->pos;
	if (a->child->child == NULL)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "'providers' is empty; use [\"aws\"], [\"scw\"] or both");
	for (item = a->child->child; item != NULL; item = item->next) {
		if ((p = provider_lookup(item->str)) == PROVIDER__MAX) {
			if (strcmp(item->str, "scaleway") == 0)
				diag_add(c->dg, DIAG_ERROR, &item->pos,
				    "unknown provider 'scaleway'; did you mean "
				    "'scw'?");
			else
				diag_add(c->dg, DIAG_ERROR, &item->pos,
				    "unknown provider '%s'; use \"aws\" or "
				    "\"scw\"", item->str);
			continue;
		}
		if (s->providers & (1u << p))
			diag_add(c->dg, DIAG_ERROR, &item->pos,
			    "provider '%s' is listed twice", item->str);
		s->providers |= 1u << p;
	}
}

static void
build_region(struct chk *c, struct site *s, const struct ast *block)
{
	const struct ast	*a = find_attr(block, "region"), *e;
	const char		*why;
	int			 p;

	for (p = 0; p < PROVIDER__MAX; p++)
		if (site_has(s, (enum provider)p) && c->cfg->state[p] != NULL)
			s->region[p] = c->cfg->state[p]->region;
	if (a == NULL)
		return;
	if (a->child->kind == AST_STRING) {
		if (site_has(s, PROVIDER_AWS) && site_has(s, PROVIDER_SCW)) {
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "site '%s' runs on aws and scw; give the region "
			    "by provider: region = { aws = \"...\", scw = "
			    "\"...\" }", s->name);
			return;
		}
		for (p = 0; p < PROVIDER__MAX; p++)
			if (site_has(s, (enum provider)p))
				s->region[p] = a->child->str;
	} else
		for (e = a->child->child; e != NULL; e = e->next) {
			p = provider_lookup(e->name);
			if (p == PROVIDER__MAX ||
			    !site_has(s, (enum provider)p)) {
				diag_add(c->dg, DIAG_ERROR, &e->keypos,
				    "'%s' is not a provider of site '%s'",
				    e->name, s->name);
				continue;
			}
			s->region[p] = e->child->str;
		}
	for (p = 0; p < PROVIDER__MAX; p++) {
		if (!site_has(s, (enum provider)p) || s->region[p] == NULL)
			continue;
		why = p == PROVIDER_AWS ? name_aws_region_problem(s->region[p]) :
		    name_scw_region_problem(s->region[p]);
		if (why != NULL)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "invalid %s region '%s': %s", provider_names[p],
			    s->region[p], why);
	}
}

static void
build_envs(struct chk *c, struct site *s, const struct ast *block,
    struct srcpos **envpos)
{
	const struct ast	*a = find_attr(block, "environments");
	size_t			 i;

	if (a != NULL) {
		s->envs = str_list(c, a->child, &s->nenv, envpos);
		if (!check_env_list(c, a, s->envs, s->nenv, *envpos))
			s->nenv = 0;
		return;
	}
	if (c->cfg->envs == NULL) {
		diag_add(c->dg, DIAG_ERROR, &block->labelpos,
		    "site '%s' has no environments; set 'environments' at the "
		    "top level or in the site", s->name);
		return;
	}
	s->envs = c->cfg->envs;
	s->nenv = c->cfg->nenv;
	*envpos = arena_array(c->ar, s->nenv, sizeof(**envpos));
	for (i = 0; i < s->nenv; i++)
		(*envpos)[i] = c->cfg->envs_pos;
}

/* Registers a globally unique name; reports a clash with its first use. */
static void
claim(struct chk *c, struct strmap *m, const char *key, const char *what,
    const char *shown, const struct site *s, const char *env,
    const struct srcpos *pos)
{
	struct owner	*o = ARENA_NEW(c->ar, struct owner), *prev;

	o->site = s;
	o->env = env;
	o->pos = *pos;
	if ((prev = strmap_put(m, key, o)) == NULL)
		return;
	if (prev->site == s && strcmp(prev->env, env) != 0)
		diag_add(c->dg, DIAG_ERROR, pos,
		    "%s '%s' is the same in environments '%s' and '%s' of site "
		    "'%s'; add ${env} to it", what, shown, prev->env, env,
		    s->name);
	else if (prev->site == s)
		diag_add(c->dg, DIAG_ERROR, pos,
		    "%s '%s' is used twice in environment '%s' of site '%s'",
		    what, shown, env, s->name);
	else
		diag_add(c->dg, DIAG_ERROR, pos,
		    "%s '%s' (site '%s', environment '%s') is also used by "
		    "site '%s'", what, shown, s->name, env, prev->site->name);
	diag_note(c->dg, &prev->pos, "first used here");
}

static void
build_bucket(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct bucket ***tail)
{
	struct bucket		*bk;
	const struct ast	*a;
	const char		*why;
	size_t			 i;

	if ((why = name_label_problem(b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "invalid bucket label '%s': %s", b->label, why);
		return;
	}
	if ((bk = site_bucket(s, b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "duplicate bucket '%s' in site '%s'", b->label, s->name);
		diag_note(c->dg, &bk->pos, "first defined here");
		return;
	}
	bk = ARENA_NEW(c->ar, struct bucket);
	bk->label = b->label;
	bk->pos = b->labelpos;
	bk->index = (unsigned)s->nbuckets;
	if ((a = find_attr(b, "name")) != NULL)
		env_strings(c, s, envpos, a, name_bucket_problem,
		    "bucket name", &bk->name);
	else {
		bk->name.v = arena_array(c->ar, s->nenv, sizeof(char *));
		bk->name.pos = b->labelpos;
		for (i = 0; i < s->nenv; i++) {
			bk->name.v[i] = arena_printf(c->ar, "%s-%s-%s",
			    s->envs[i], s->name, b->label);
			if ((why = name_bucket_problem(bk->name.v[i])) !=
			    NULL) {
				diag_add(c->dg, DIAG_ERROR, &b->labelpos,
				    "bucket name '%s' for environment '%s' is "
				    "invalid: %s; set 'name'", bk->name.v[i],
				    s->envs[i], why);
				break;
			}
		}
	}
	if ((a = find_attr(b, "expiration")) != NULL)
		env_numbers(c, s, envpos, a, 0, MAX_EXPIRATION,
		    &bk->expiration);
	else
		bk->expiration.v = arena_array(c->ar, s->nenv,
		    sizeof(int64_t));
	bk->public_read = bool_attr(b, "public_read", &bk->public_pos);
	if (bk->public_read)
		diag_add(c->dg, DIAG_WARNING, &bk->public_pos,
		    "bucket '%s' of site '%s' is readable by anyone on the "
		    "internet", bk->label, s->name);
	if ((a = find_attr(b, "cors_origins")) != NULL)
		bk->cors_origins = str_list(c, a->child, &bk->ncors, NULL);
	else {
		bk->cors_origins = arena_array(c->ar, 2, sizeof(char *));
		bk->cors_origins[0] = "*";
		bk->ncors = 1;
	}
	for (i = 0; bk->name.v != NULL && i < s->nenv; i++)
		if (bk->name.v[i] != NULL)
			claim(c, &c->bucket_names, bk->name.v[i],
			    "bucket name", bk->name.v[i], s, s->envs[i],
			    &bk->name.pos);
	**tail = bk;
	*tail = &bk->next;
	s->nbuckets++;
}

static const char *const price_classes[] = {
	"PriceClass_100", "PriceClass_200", "PriceClass_All", NULL,
};

static const char *
price_class_problem(const char *v)
{
	size_t	i;

	for (i = 0; price_classes[i] != NULL; i++)
		if (strcmp(v, price_classes[i]) == 0)
			return NULL;
	return "use \"PriceClass_100\", \"PriceClass_200\" or "
	    "\"PriceClass_All\"";
}

/* The declared domain a CDN domain lives in: the longest suffix. */
static struct domain *
zone_of(const struct config *cfg, const char *name)
{
	struct domain	*d, *best = NULL;

	for (d = cfg->domains; d != NULL; d = d->next)
		if (name_in_zone(name, d->name) &&
		    (best == NULL || strlen(d->name) > strlen(best->name)))
			best = d;
	return best;
}

static void
build_cdn(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b)
{
	struct cdn		*cdn = ARENA_NEW(c->ar, struct cdn);
	const struct ast	*a;
	size_t			 i;

	cdn->pos = b->keypos;
	if ((a = find_attr(b, "bucket")) != NULL) {
		if ((cdn->bucket = site_bucket(s, a->child->str)) == NULL) {
			struct suggest	 sg;
			struct bucket	*bk;
			const char	*best;

			suggest_init(&sg, a->child->str);
			for (bk = s->buckets; bk != NULL; bk = bk->next)
				suggest_add(&sg, bk->label);
			if ((best = suggest_best(&sg)) != NULL)
				diag_add(c->dg, DIAG_ERROR, &a->child->pos,
				    "site '%s' has no bucket '%s'; did you mean "
				    "'%s'?", s->name, a->child->str, best);
			else
				diag_add(c->dg, DIAG_ERROR, &a->child->pos,
				    "site '%s' has no bucket '%s'", s->name,
				    a->child->str);
		}
	} else if (s->nbuckets == 1)
		cdn->bucket = s->buckets;
	else if (s->nbuckets == 0)
		diag_add(c->dg, DIAG_ERROR, &b->keypos,
		    "cdn of site '%s' needs a bucket to serve; declare one "
		    "with bucket \"media\" {}", s->name);
	else
		diag_add(c->dg, DIAG_ERROR, &b->keypos,
		    "site '%s' has %zu buckets; say which one the cdn serves "
		    "with bucket = \"...\"", s->name, s->nbuckets);
	cdn->serve_static = bool_attr(b, "static", &cdn->static_pos);
	if (cdn->serve_static && s->app_domain.v == NULL)
		diag_add(c->dg, DIAG_ERROR, &cdn->static_pos,
		    "static = true proxies to the application, but site '%s' "
		    "has no app_domain", s->name);
	cdn->zone = arena_array(c->ar, s->nenv, sizeof(*cdn->zone));
	if ((a = find_attr(b, "domain")) != NULL &&
	    env_strings(c, s, envpos, a, name_dns_problem, "cdn domain",
	    &cdn->domain)) {
		for (i = 0; i < s->nenv; i++) {
			cdn->zone[i] = zone_of(c->cfg, cdn->domain.v[i]);
			claim(c, &c->cdn_domains, cdn->domain.v[i],
			    "cdn domain", cdn->domain.v[i], s, s->envs[i],
			    &cdn->domain.pos);
		}
	}
	if ((a = find_attr(b, "price_class")) != NULL)
		env_strings(c, s, envpos, a, price_class_problem,
		    "price class", &cdn->price_class);
	else {
		cdn->price_class.v = arena_array(c->ar, s->nenv,
		    sizeof(char *));
		cdn->price_class.pos = b->keypos;
		for (i = 0; i < s->nenv; i++)
			cdn->price_class.v[i] = "PriceClass_100";
	}
	s->cdn = cdn;
}

static void
build_credentials(struct chk *c, struct site *s, const struct ast *b)
{
	struct credentials	*cr = ARENA_NEW(c->ar, struct credentials);
	const struct ast	*a, *item;
	struct bucket		*bk;
	size_t			 i;

	cr->pos = b->keypos;
	if ((a = find_attr(b, "buckets")) != NULL) {
		for (item = a->child->child; item != NULL; item = item->next)
			cr->nbuckets++;
		cr->buckets = arena_array(c->ar, cr->nbuckets + 1,
		    sizeof(*cr->buckets));
		i = 0;
		for (item = a->child->child; item != NULL; item = item->next) {
			if ((bk = site_bucket(s, item->str)) == NULL) {
				diag_add(c->dg, DIAG_ERROR, &item->pos,
				    "site '%s' has no bucket '%s'", s->name,
				    item->str);
				continue;
			}
			cr->buckets[i++] = bk;
		}
		cr->nbuckets = i;
		if (a->child->child == NULL)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "'buckets' is empty: the key would reach nothing");
	} else {
		cr->nbuckets = s->nbuckets;
		cr->buckets = arena_array(c->ar, s->nbuckets + 1,
		    sizeof(*cr->buckets));
		for (i = 0, bk = s->buckets; bk != NULL; bk = bk->next)
			cr->buckets[i++] = bk;
		if (s->nbuckets == 0)
			diag_add(c->dg, DIAG_ERROR, &b->keypos,
			    "credentials of site '%s' would reach no bucket; "
			    "declare one with bucket \"name\" {}", s->name);
	}
	s->creds = cr;
}

/* The references an env variable may use in this site, for suggestions. */
static void
suggest_refs(struct chk *c, struct suggest *sg, const struct site *s)
{
	struct bucket	*bk;

	suggest_add(sg, "cdn.domain");
	suggest_add(sg, "credentials.access_key");
	suggest_add(sg, "credentials.secret_key");
	for (bk = s->buckets; bk != NULL; bk = bk->next) {
		suggest_add(sg, arena_printf(c->ar, "bucket.%s.name",
		    bk->label));
		suggest_add(sg, arena_printf(c->ar, "bucket.%s.region",
		    bk->label));
	}
}

static bool
build_ref(struct chk *c, const struct site *s, const struct ast *v,
    struct envvar *ev)
{
	const char	*r = v->str, *dot, *attr;
	struct suggest	 sg;
	const char	*best;

	if (strcmp(r, "cdn.domain") == 0) {
		ev->ref = REF_CDN_DOMAIN;
		if (s->cdn == NULL) {
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "'%s' needs a cdn block in site '%s'", r, s->name);
			return false;
		}
		return true;
	}
	if (strcmp(r, "credentials.access_key") == 0 ||
	    strcmp(r, "credentials.secret_key") == 0) {
		ev->ref = r[12] == 'a' ? REF_ACCESS_KEY : REF_SECRET_KEY;
		if (s->creds == NULL) {
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "'%s' needs a credentials block in site '%s'", r,
			    s->name);
			return false;
		}
		return true;
	}
	if (strncmp(r, "bucket.", 7) == 0 &&
	    (dot = strchr(r + 7, '.')) != NULL && strchr(dot + 1, '.') == NULL) {
		attr = dot + 1;
		if (strcmp(attr, "name") == 0 || strcmp(attr, "region") == 0) {
			char *label = arena_strndup(c->ar, r + 7,
			    (size_t)(dot - r - 7));

			ev->ref = attr[0] == 'n' ? REF_BUCKET_NAME :
			    REF_BUCKET_REGION;
			if ((ev->bucket = site_bucket(s, label)) == NULL) {
				diag_add(c->dg, DIAG_ERROR, &v->pos,
				    "site '%s' has no bucket '%s'", s->name,
				    label);
				return false;
			}
			return true;
		}
	}
	suggest_init(&sg, r);
	suggest_refs(c, &sg, s);
	if ((best = suggest_best(&sg)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "unknown reference '%s'; did you mean '%s'?", r, best);
	else
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "unknown reference '%s'; use cdn.domain, bucket.<name>.name, "
		    "bucket.<name>.region, credentials.access_key or "
		    "credentials.secret_key", r);
	return false;
}

/* Keys that look like secrets should never hold a literal value. */
static bool
looks_secret(const char *key)
{
	static const char *const words[] = { "SECRET", "PASSWORD", "TOKEN",
		"PRIVATE_KEY", NULL };
	size_t			 i;

	for (i = 0; words[i] != NULL; i++)
		if (strstr(key, words[i]) != NULL)
			return true;
	return false;
}

static void
build_env(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct envblock ***tail)
{
	struct envblock		*eb, *prev;
	struct envvar		*ev, **vtail;
	const struct ast	*a;
	const char		*why;
	size_t			 i;

	if ((why = name_label_problem(b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "invalid env block name '%s': %s", b->label, why);
		return;
	}
	for (prev = s->envblocks; prev != NULL; prev = prev->next)
		if (strcmp(prev->label, b->label) == 0) {
			diag_add(c->dg, DIAG_ERROR, &b->labelpos,
			    "duplicate env block '%s' in site '%s'", b->label,
			    s->name);
			diag_note(c->dg, &prev->pos, "first defined here");
			return;
		}
	eb = ARENA_NEW(c->ar, struct envblock);
	eb->label = b->label;
	eb->pos = b->labelpos;
	vtail = &eb->vars;
	for (a = b->child; a != NULL; a = a->next) {
		ev = ARENA_NEW(c->ar, struct envvar);
		ev->key = a->name;
		ev->pos = a->keypos;
		if ((why = name_envkey_problem(a->name)) != NULL) {
			diag_add(c->dg, DIAG_ERROR, &a->keypos,
			    "invalid env variable name '%s': %s", a->name,
			    why);
			continue;
		}
		if (a->child->kind == AST_REF) {
			if (!build_ref(c, s, a->child, ev))
				continue;
		} else {
			if (!env_strings(c, s, envpos, a, NULL, "value",
			    &ev->literal))
				continue;
			for (i = 0; i < s->nenv; i++)
				if ((why = name_envvalue_problem(
				    ev->literal.v[i])) != NULL) {
					diag_add(c->dg, DIAG_ERROR,
					    &a->child->pos,
					    "value of '%s' for environment '%s' "
					    "cannot go in an env file: %s",
					    a->name, s->envs[i], why);
					break;
				}
			if (looks_secret(a->name) && a->child->kind ==
			    AST_STRING && a->child->len > 0)
				diag_add(c->dg, DIAG_WARNING, &a->child->pos,
				    "'%s' looks like a secret: env files are "
				    "committed templates, so give secrets "
				    "through a reference or a secret manager",
				    a->name);
		}
		*vtail = ev;
		vtail = &ev->next;
		eb->nvars++;
	}
	**tail = eb;
	*tail = &eb->next;
}

/* Names each environment's IAM identity takes, unique per provider. */
static void
claim_iam(struct chk *c, struct site *s)
{
	size_t	i;
	int	p;

	if (s->creds == NULL)
		return;
	for (p = 0; p < PROVIDER__MAX; p++) {
		if (!site_has(s, (enum provider)p))
			continue;
		for (i = 0; i < s->nenv; i++) {
			const char *name = arena_printf(c->ar, "%s-%s",
			    s->envs[i], s->name);

			claim(c, &c->iam_names, arena_printf(c->ar, "%s:%s",
			    provider_names[p], name), "IAM name", name, s,
			    s->envs[i], &s->creds->pos);
		}
	}
}

/* Provider limits: what one provider cannot do with this site. */
static void
check_limits(struct chk *c, const struct site *s)
{
	bool	aws = site_has(s, PROVIDER_AWS), scw = site_has(s, PROVIDER_SCW);

	if (s->cdn == NULL)
		return;
	if (s->cdn->serve_static && scw && !aws)
		diag_add(c->dg, DIAG_ERROR, &s->cdn->static_pos,
		    "static = true: Scaleway Edge Services cannot proxy the "
		    "application's static files; remove it, or add \"aws\" to "
		    "the providers of site '%s'", s->name);
	else if (s->cdn->serve_static && scw)
		diag_add(c->dg, DIAG_WARNING, &s->cdn->static_pos,
		    "static = true applies to AWS only: on Scaleway the static "
		    "files of site '%s' stay on the app domain", s->name);
	if (scw && s->cdn->bucket != NULL && !s->cdn->bucket->public_read)
		diag_add(c->dg, DIAG_WARNING, &s->cdn->pos,
		    "on Scaleway, Edge Services serves only public objects: "
		    "anyone who knows their URL can read the objects of bucket "
		    "'%s' of site '%s'", s->cdn->bucket->label, s->name);
	if (s->cdn->price_class.set && scw && !aws)
		diag_add(c->dg, DIAG_ERROR, &s->cdn->price_class.pos,
		    "price_class is a CloudFront setting, and site '%s' runs "
		    "on Scaleway only", s->name);
}

static void
build_site(struct chk *c, const struct ast *b, const char *input,
    struct site ***tail)
{
	struct site		*s, *prev;
	struct srcpos		*envpos = NULL;
	const struct ast	*n, *a;
	struct bucket		**btail;
	struct envblock		**etail;
	const char		*why;
	unsigned		 before = errors(c);
	int			 p;

	if ((why = name_site_problem(b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "invalid site name '%s': %s", b->label, why);
		return;
	}
	s = ARENA_NEW(c->ar, struct site);
	s->name = b->label;
	s->pos = b->labelpos;
	s->input = input;
	if ((prev = strmap_put(&c->sites, s->name, s)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "duplicate site '%s'", s->name);
		diag_note(c->dg, &prev->pos, "first defined here");
		return;
	}
	build_providers(c, s, b);
	for (p = 0; p < PROVIDER__MAX; p++)
		if (site_has(s, (enum provider)p) && c->cfg->state[p] == NULL &&
		    !c->no_state_reported[p]) {
			c->no_state_reported[p] = true;
			diag_add(c->dg, DIAG_ERROR, &s->providers_pos,
			    "site '%s' runs on %s, but no state \"%s\" block "
			    "says where its Terraform state lives", s->name,
			    provider_names[p], provider_names[p]);
		}
	build_region(c, s, b);
	build_envs(c, s, b, &envpos);
	if (s->nenv == 0)
		return;
	if ((a = find_attr(b, "app_domain")) != NULL)
		env_strings(c, s, envpos, a, name_dns_problem, "app_domain",
		    &s->app_domain);
	btail = &s->buckets;
	for (n = b->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "bucket") == 0)
			build_bucket(c, s, envpos, n, &btail);
	for (n = b->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "cdn") == 0)
			build_cdn(c, s, envpos, n);
		else if (n->kind == AST_BLOCK &&
		    strcmp(n->name, "credentials") == 0)
			build_credentials(c, s, n);
	etail = &s->envblocks;
	for (n = b->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "env") == 0)
			build_env(c, s, envpos, n, &etail);
	claim_iam(c, s);
	if (errors(c) == before)
		check_limits(c, s);
	**tail = s;
	*tail = &s->next;
	c->cfg->nsites++;
	c->cfg->providers |= s->providers;
}

/* ------------------------------------------------------------------ */

unsigned
chk_config(struct arena *ar, struct diag *dg, struct ast_file *files,
    struct config **out)
{
	struct chk		 c;
	struct ast_file		*f;
	const struct ast	*n, *envs_attr = NULL;
	struct strmap		 domains;
	struct domain		**dtail;
	struct site		**stail;
	struct srcpos		*pos;
	unsigned		 before = diag_errors(dg);

	memset(&c, 0, sizeof(c));
	c.ar = ar;
	c.dg = dg;
	c.cfg = ARENA_NEW(ar, struct config);
	strmap_init(&c.sites, ar);
	strmap_init(&c.bucket_names, ar);
	strmap_init(&c.iam_names, ar);
	strmap_init(&c.cdn_domains, ar);
	strmap_init(&domains, ar);
	*out = NULL;

	/* Pass 1: every file is checked against the schema. */
	for (f = files; f != NULL; f = f->next)
		shape_body(&c, &schema_file, NULL, f->body);
	if (diag_errors(dg) > before)
		return diag_errors(dg) - before;
	/*
	 * Now every name is known, every block has the label it needs,
	 * every value has the right kind and no attribute is repeated
	 * within a block.
	 */

	/* Pass 2: the top level, across files. */
	for (f = files; f != NULL; f = f->next)
		for (n = f->body; n != NULL; n = n->next) {
			if (n->kind != AST_ATTR)
				continue;
			if (envs_attr != NULL) {
				diag_add(dg, DIAG_ERROR, &n->keypos,
				    "'environments' is set twice at the top "
				    "level");
				diag_note(dg, &envs_attr->keypos,
				    "first set here");
				continue;
			}
			envs_attr = n;
			c.cfg->envs = str_list(&c, n->child, &c.cfg->nenv, &pos);
			c.cfg->envs_pos = n->child->pos;
			if (!check_env_list(&c, n, c.cfg->envs, c.cfg->nenv,
			    pos))
				c.cfg->envs = NULL;
		}
	dtail = &c.cfg->domains;
	for (f = files; f != NULL; f = f->next)
		for (n = f->body; n != NULL; n = n->next) {
			if (n->kind != AST_BLOCK)
				continue;
			if (strcmp(n->name, "state") == 0)
				build_state(&c, n, f->src->name);
			else if (strcmp(n->name, "domain") == 0)
				build_domain(&c, n, &domains, &dtail);
		}
	if (diag_errors(dg) > before)
		return diag_errors(dg) - before;

	/* Pass 3: sites, with their per-environment values resolved. */
	stail = &c.cfg->sites;
	for (f = files; f != NULL; f = f->next)
		for (n = f->body; n != NULL; n = n->next)
			if (n->kind == AST_BLOCK && strcmp(n->name, "site") == 0)
				build_site(&c, n, f->src->name, &stail);
	if (diag_errors(dg) > before)
		return diag_errors(dg) - before;
	if (c.cfg->nsites == 0) {
		diag_add(dg, DIAG_WARNING, NULL,
		    "no site is declared; there is nothing to generate");
	}
	*out = c.cfg;
	return 0;
}
