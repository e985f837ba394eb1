/* SPDX-License-Identifier: ISC */
/* check.c: the checker's driver (staged passes) and the top level blocks. */
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

unsigned
chk_errors(const struct chk *c)
{
	return diag_errors(c->dg);
}

/*
 * Items with a shape error are few (the error cap bounds them), so a
 * list searched in order is enough.
 */
bool
chk_broken(const struct chk *c, const struct ast *n)
{
	size_t	i;

	for (i = 0; i < c->nbroken; i++)
		if (c->broken[i] == n)
			return true;
	return false;
}

void
chk_mark_broken(struct chk *c, const struct ast *n)
{
	const struct ast	**v;

	if (c->nbroken == c->broken_cap) {
		c->broken_cap = c->broken_cap == 0 ? 16 : c->broken_cap * 2;
		v = arena_array(c->ar, c->broken_cap, sizeof(*v));
		if (c->nbroken > 0)
			memcpy(v, c->broken, c->nbroken * sizeof(*v));
		c->broken = v;
	}
	c->broken[c->nbroken++] = n;
}


/* ------------------------------------------------------------------ */
/* Pass 2: the top level: environments, state and domain blocks. */

/* An alias name (alias/NAME) or a key or alias ARN. */
static bool
kms_key_ok(const char *v)
{
	static const char name_chars[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_-";

	if (strncmp(v, "alias/", 6) == 0)
		return v[6] != '\0' && strspn(v + 6, name_chars) == strlen(v + 6);
	return strncmp(v, "arn:aws:kms:", 12) == 0 && strlen(v) > 12 &&
	    strpbrk(v, " \t\n\"\\") == NULL;
}

/*
 * The key the AWS backend encrypts the state objects with: the state
 * bootstrap's alias by default; an existing alias or key ARN; or none,
 * which leaves SSE-S3, as states written with encrypt = true alone have.
 */
static void
state_kms_key(struct chk *c, const struct ast *b, struct state_cfg *st)
{
	const struct ast	*a = chk_attr(b, "kms_key");
	const char		*v;

	if (st->provider == PROVIDER_AWS)
		st->kms_key = arena_printf(c->ar, "alias/%s", st->bucket);
	if (a == NULL)
		return;
	v = a->child->str;
	if (st->provider != PROVIDER_AWS)
		diag_add(c->dg, DIAG_ERROR, &a->keypos, "'kms_key' is AWS only");
	else if (strcmp(v, "none") == 0)
		st->kms_key = NULL;
	else if (kms_key_ok(v))
		st->kms_key = v;
	else
		diag_add(c->dg, DIAG_ERROR, &a->child->pos, "invalid kms_key "
		    "'%s': use \"alias/NAME\", a key ARN (arn:aws:kms:...) or "
		    "\"none\"", v);
}

/* profile and role_arn: how the backend reaches the state account. */
static const struct ast *
state_aws_attr(struct chk *c, const struct ast *b,
    const struct state_cfg *st, const char *name)
{
	const struct ast	*a = chk_attr(b, name);

	if (a != NULL && st->provider != PROVIDER_AWS) {
		diag_add(c->dg, DIAG_ERROR, &a->keypos,
		    "'%s' is an AWS setting; it belongs in state \"aws\"",
		    name);
		return NULL;
	}
	return a;
}

static void
state_account(struct chk *c, const struct ast *b, struct state_cfg *st)
{
	const struct ast	*a;
	const char		*why;

	if ((a = state_aws_attr(c, b, st, "profile")) != NULL) {
		if ((why = name_aws_profile_problem(a->child->str)) != NULL)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "invalid profile '%s': %s", a->child->str, why);
		else
			st->profile = a->child->str;
	}
	if ((a = state_aws_attr(c, b, st, "role_arn")) != NULL) {
		if ((why = name_role_arn_problem(a->child->str)) != NULL)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "invalid role_arn '%s': %s", a->child->str, why);
		else
			st->role_arn = a->child->str;
	}
}

static void
build_state(struct chk *c, const struct ast *b, const char *input)
{
	struct config		*cfg = c->cfg;
	struct state_cfg	*st;
	const struct ast	*a;
	const char		*why, *(*region_check)(const char *);
	enum provider		 p = provider_lookup(b->label);
	int			 k;

	if (p == PROVIDER__MAX) {
		/* The site that meant it must not also report it missing. */
		for (k = 0; k < PROVIDER__MAX; k++)
			c->no_state_reported[k] = true;
		if (strcmp(b->label, "scaleway") == 0)
			diag_add(c->dg, DIAG_ERROR, &b->labelpos,
			    "unknown provider 'scaleway'; did you mean 'scw'?");
		else {
			struct suggest	 sg;
			const char	*best;

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
	a = chk_attr(b, "bucket");
	st->bucket = a->child->str;
	st->bucket_pos = a->child->pos;
	if (strstr(st->bucket, "${") != NULL)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "${...} cannot be used in a state block: one state bucket "
		    "holds every site and environment");
	else if ((why = name_bucket_problem(st->bucket)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "invalid bucket name '%s': %s", st->bucket, why);
	a = chk_attr(b, "region");
	st->region = a->child->str;
	region_check = p == PROVIDER_AWS ? name_aws_region_problem :
	    name_scw_region_problem;
	if ((why = region_check(st->region)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "invalid %s region '%s': %s", b->label, st->region, why);
	if ((a = chk_attr(b, "lock")) != NULL) {
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
	if ((a = chk_attr(b, "lock_table")) != NULL) {
		const struct ast *lock = chk_attr(b, "lock");

		st->lock_table = a->child->str;
		if (p != PROVIDER_AWS) {
			/* "dynamodb is AWS only" says it all for lock. */
			if (lock == NULL)
				diag_add(c->dg, DIAG_ERROR, &a->keypos,
				    "'lock_table' is AWS only");
		} else if (st->lock != LOCK_DYNAMODB)
			diag_add(c->dg, DIAG_ERROR, &a->keypos,
			    "'lock_table' needs lock = \"dynamodb\"");
		else if ((why = name_dynamodb_problem(st->lock_table)) !=
		    NULL)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "invalid lock table name '%s': %s", st->lock_table,
			    why);
	} else if (st->lock == LOCK_DYNAMODB)
		st->lock_table = arena_printf(c->ar, "%s-locks", st->bucket);
	state_kms_key(c, b, st);
	st->edge_plan = "professional";
	if ((a = chk_attr(b, "edge_plan")) != NULL) {
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
	state_account(c, b, st);
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
	if ((a = chk_attr(b, "dns")) != NULL) {
		if (strcmp(a->child->str, "route53") == 0)
			d->dns = DNS_ROUTE53;
		else if (strcmp(a->child->str, "external") != 0)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "unknown dns '%s'; use \"external\" or "
			    "\"route53\"", a->child->str);
	}
	if ((a = chk_attr(b, "aws_profile")) != NULL) {
		if ((why = name_aws_profile_problem(a->child->str)) != NULL)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "invalid aws_profile '%s': %s", a->child->str, why);
		else if (d->dns != DNS_ROUTE53)
			diag_add(c->dg, DIAG_ERROR, &a->keypos,
			    "'aws_profile' of domain '%s' needs dns = "
			    "\"route53\": it names the zone's account",
			    d->name);
		d->aws_profile = a->child->str;
		d->profile_pos = a->child->pos;
	}
	**tail = d;
	*tail = &d->next;
}

/* ------------------------------------------------------------------ */

unsigned
chk_config(struct arena *ar, struct diag *dg, struct ast_file *files,
    bool complete, struct config **out)
{
	struct chk		 c;
	struct ast_file		*f;
	const struct ast	*n, *envs_attr = NULL;
	struct strmap		 domains;
	struct domain		**dtail;
	struct site		**stail;
	struct srcpos		*pos;
	unsigned		 before = diag_errors(dg);
	int			 p;

	memset(&c, 0, sizeof(c));
	c.ar = ar;
	c.dg = dg;
	c.cfg = ARENA_NEW(ar, struct config);
	strmap_init(&c.sites, ar);
	strmap_init(&c.bucket_names, ar);
	strmap_init(&c.iam_names, ar);
	strmap_init(&c.state_keys, ar);
	strmap_init(&c.cdn_domains, ar);
	strmap_init(&c.svc_domains, ar);
	strmap_init(&c.ses_domains, ar);
	strmap_init(&c.eips, ar);
	strmap_init(&c.repositories, ar);
	strmap_init(&domains, ar);
	c.incomplete = !complete;
	*out = NULL;

	/* Pass 1: every file is checked against the schema. */
	for (f = files; f != NULL && !diag_saturated(dg); f = f->next)
		chk_shape_body(&c, &schema_file, NULL, f->body);
	/*
	 * Now every name of an item that is not broken is known, every
	 * block has the label it needs, every value has the right kind and
	 * no attribute is repeated within a block.  The later passes skip
	 * the broken items and report every error that does not depend on
	 * them, the way a compiler goes on after a bad declaration.
	 */

	/* Pass 2: the top level, across files. */
	for (f = files; f != NULL; f = f->next)
		for (n = f->body; n != NULL; n = n->next) {
			if (n->kind != AST_ATTR)
				continue;
			if (chk_broken(&c, n)) {
				c.envs_unknown = true;
				continue;
			}
			if (envs_attr != NULL) {
				diag_add(dg, DIAG_ERROR, &n->keypos,
				    "'environments' is set twice at the top "
				    "level");
				diag_note(dg, &envs_attr->keypos,
				    "first set here");
				continue;
			}
			envs_attr = n;
			c.cfg->envs = chk_str_list(&c, n->child, &c.cfg->nenv,
			    &pos);
			c.cfg->envs_pos = n->child->pos;
			c.cfg->env_pos = pos;
			if (!chk_env_list(&c, n, c.cfg->envs, c.cfg->nenv,
			    pos)) {
				c.cfg->envs = NULL;
				c.envs_unknown = true;
			}
		}
	dtail = &c.cfg->domains;
	for (f = files; f != NULL; f = f->next)
		for (n = f->body; n != NULL; n = n->next) {
			if (n->kind != AST_BLOCK)
				continue;
			if (chk_broken(&c, n)) {
				/* A broken state block is not a missing one. */
				if (strcmp(n->name, "state") == 0)
					for (p = 0; p < PROVIDER__MAX; p++)
						c.no_state_reported[p] = true;
				continue;
			}
			if (strcmp(n->name, "state") == 0)
				build_state(&c, n, f->src->name);
			else if (strcmp(n->name, "domain") == 0)
				build_domain(&c, n, &domains, &dtail);
		}
	/* A file that did not parse may hold the state blocks. */
	if (c.incomplete)
		for (p = 0; p < PROVIDER__MAX; p++)
			c.no_state_reported[p] = true;
	/* No site bucket may take a state bucket's name. */
	for (p = 0; p < PROVIDER__MAX; p++)
		if (c.cfg->state[p] != NULL) {
			struct owner *o = ARENA_NEW(ar, struct owner);

			o->pos = c.cfg->state[p]->bucket_pos;
			strmap_put(&c.bucket_names, arena_printf(ar, "%s:%s",
			    provider_names[p], c.cfg->state[p]->bucket), o);
		}

	/* Pass 3: sites, with their per-environment values resolved. */
	stail = &c.cfg->sites;
	/* Past the error cap nothing more would be shown: stop there. */
	for (f = files; f != NULL && !diag_saturated(dg); f = f->next)
		for (n = f->body; n != NULL && !diag_saturated(dg);
		    n = n->next)
			if (n->kind == AST_BLOCK &&
			    strcmp(n->name, "site") == 0 && !chk_broken(&c, n))
				chk_site(&c, n, f->src->name, &stail);
	/* Pass 4: the adoption, against sites that are whole. */
	for (f = files; f != NULL && diag_errors(dg) == before; f = f->next)
		for (n = f->body; n != NULL; n = n->next)
			if (n->kind == AST_BLOCK &&
			    strcmp(n->name, "adopt") == 0 && !chk_broken(&c, n))
				chk_adopt(&c, n, f->src->name);
	if (diag_errors(dg) > before)
		return diag_errors(dg) - before;
	if (c.cfg->nsites == 0 && !c.incomplete) {
		diag_add(dg, DIAG_WARNING, NULL,
		    "no site is declared; only the README and the git files "
		    "are generated");
	}
	*out = c.cfg;
	return 0;
}

