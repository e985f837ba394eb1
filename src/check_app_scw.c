/* SPDX-License-Identifier: ISC */
/* check_app_scw.c: what each app-stack attribute becomes on Scaleway, and the diagnostics where it cannot. */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "check_int.h"
#include "diag.h"
#include "model.h"

/* The only region of Scaleway Transactional Email. */
#define SCW_TEM_REGION	"fr-par"

enum scw_verdict {
	SCW_MAPS,	/* carried over to a Scaleway argument */
	SCW_AWS_QUIET,	/* an AWS knob Scaleway does not need */
	SCW_AWS_WEAKER,	/* an AWS knob Scaleway has no equivalent for */
	SCW_BY_VALUE,	/* depends on the value: see the rule's function */
	SCW__MAX
};

/*
 * One attribute of an app-stack block on a Scaleway site.  SCW_AWS_QUIET
 * and SCW_AWS_WEAKER attributes, when written, are an error on a site
 * that runs on Scaleway only; on a site on both providers they act on
 * AWS only, which SCW_AWS_WEAKER says in a warning.
 */
struct scw_rule {
	const char		*block;
	const char		*attr;
	enum scw_verdict	 verdict;
	const char		*scaleway;	/* what it becomes, or why not */
};

static const struct scw_rule scw_rules[] = {
	{ "network", "cidr", SCW_MAPS,
	    "the private network's IPv4 subnet (its first /20 or smaller)" },
	{ "network", "zones", SCW_AWS_QUIET,
	    "a Scaleway private network spans its whole region" },
	{ "network", "nat", SCW_AWS_QUIET,
	    "containers reach the Internet directly, without a NAT gateway" },
	{ "network", "endpoints", SCW_AWS_QUIET,
	    "Scaleway has no VPC endpoints" },
	{ "network", "vpc_id", SCW_AWS_WEAKER,
	    "the Scaleway side always creates its own private network" },
	{ "network", "public_subnets", SCW_AWS_WEAKER,
	    "the Scaleway side always creates its own private network" },
	{ "network", "private_subnets", SCW_AWS_WEAKER,
	    "the Scaleway side always creates its own private network" },

	{ "service", "image", SCW_MAPS, "the container's image" },
	{ "service", "repository", SCW_BY_VALUE,
	    "refused: ECR repositories are AWS only" },
	{ "service", "tag", SCW_BY_VALUE, "refused with repository" },
	{ "service", "deploy", SCW_BY_VALUE, "refused with repository" },
	{ "service", "port", SCW_MAPS, "port" },
	{ "service", "cpu", SCW_MAPS,
	    "cpu_limit in mvCPU: 1024 AWS units are 1000 mvCPU" },
	{ "service", "memory", SCW_MAPS, "memory_limit_bytes" },
	{ "service", "count", SCW_MAPS,
	    "min_scale (0: scale to zero, where AWS stops the service)" },
	{ "service", "max_count", SCW_MAPS, "max_scale" },
	{ "service", "scale_cpu", SCW_MAPS,
	    "scaling_option cpu_usage_threshold" },
	{ "service", "health", SCW_MAPS, "liveness_probe http path" },
	{ "service", "health_codes", SCW_AWS_WEAKER,
	    "a Scaleway liveness probe has no status-code matcher" },
	{ "service", "domain", SCW_BY_VALUE,
	    "scaleway_container_domain; on a site on both providers one "
	    "domain per provider (domain = { aws = ..., scw = ... })" },
	{ "service", "paths", SCW_AWS_WEAKER,
	    "each container has its own endpoint: no load balancer routes "
	    "paths" },
	{ "service", "public", SCW_MAPS,
	    "privacy: \"public\", or \"private\" (a token is needed)" },
	{ "service", "env", SCW_MAPS,
	    "environment_variables and secret_environment_variables" },
	{ "service", "command", SCW_MAPS,
	    "args (the image's CMD; its ENTRYPOINT stays)" },
	{ "service", "buckets", SCW_AWS_WEAKER,
	    "a container has no role; it reaches buckets with the key of "
	    "the site's credentials block in its env" },
	{ "service", "exec", SCW_AWS_WEAKER,
	    "Serverless Containers have no shell access" },
	{ "service", "spot", SCW_AWS_WEAKER,
	    "Serverless Containers have no spot capacity" },
	{ "service", "arch", SCW_BY_VALUE,
	    "Serverless Containers run x86_64 images only" },
	{ "service", "log_retention", SCW_AWS_WEAKER,
	    "Cockpit keeps container logs with its own retention" },
	{ "service", "tls_policy", SCW_AWS_QUIET,
	    "Scaleway terminates TLS itself; there is no policy to choose" },
	{ "service", "short_name", SCW_AWS_QUIET,
	    "it only shortens AWS target-group names" },

	{ "task", "service", SCW_MAPS,
	    "a job definition with the service's image and env, its secrets "
	    "read from Secret Manager" },
	{ "task", "command", SCW_MAPS, "the job's startup_command" },
	{ "task", "cpu", SCW_MAPS, "the job's cpu_limit in mvCPU" },
	{ "task", "memory", SCW_MAPS, "the job's memory_limit in MB" },

	{ "database", "engine", SCW_MAPS, "PostgreSQL" },
	{ "database", "version", SCW_MAPS, "engine = \"PostgreSQL-<version>\"" },
	{ "database", "size", SCW_MAPS,
	    "node_type DB-DEV-S, DB-DEV-M, DB-DEV-L or DB-GP-XS" },
	{ "database", "class", SCW_MAPS, "the AWS override; node_type here" },
	{ "database", "node_type", SCW_MAPS, "node_type" },
	{ "database", "storage", SCW_BY_VALUE,
	    "volume_size_in_gb of an sbs_5k volume: a multiple of 5" },
	{ "database", "max_storage", SCW_AWS_WEAKER,
	    "Scaleway does not grow a database volume by itself" },
	{ "database", "name", SCW_MAPS, "scaleway_rdb_database" },
	{ "database", "user", SCW_MAPS, "user_name" },
	{ "database", "password", SCW_BY_VALUE,
	    "\"generated\": in the state as well (warning); "
	    "\"rds-managed\": refused" },
	{ "database", "password_version", SCW_MAPS,
	    "a new generated password" },
	{ "database", "backups", SCW_MAPS,
	    "backup_schedule_retention (0: disable_backup)" },
	{ "database", "multi_az", SCW_BY_VALUE,
	    "is_ha_cluster (changing it recreates the instance: warning)" },
	{ "database", "deletion_protection", SCW_BY_VALUE,
	    "none on Scaleway (warning); a value that differs by environment "
	    "is refused" },
	{ "database", "final_snapshot", SCW_BY_VALUE,
	    "none on Scaleway (warning); a value that differs by environment "
	    "is refused" },
	{ "database", "iam_auth", SCW_AWS_WEAKER,
	    "Scaleway databases take passwords only" },

	{ "secret", "generate", SCW_BY_VALUE,
	    "Secret Manager; the value is in the state (warning)" },
	{ "secret", "external", SCW_BY_VALUE,
	    "Secret Manager; the value is in the state (warning)" },
	{ "secret", "version", SCW_MAPS, "a new secret version" },
	{ "secret", "recovery_days", SCW_AWS_WEAKER,
	    "a deleted Scaleway secret cannot be recovered" },

	{ "email", "domain", SCW_MAPS, "scaleway_tem_domain" },
	{ "email", "mail_from", SCW_AWS_WEAKER,
	    "Transactional Email has no MAIL FROM subdomain" },
	{ "email", "send", SCW_BY_VALUE,
	    "\"smtp\" only: a container has no identity to call the API with" },
	{ "email", "smtp_credentials", SCW_MAPS,
	    "\"external\": an API key with a Transactional Email permission "
	    "set, stored by the operator" },
	{ "email", "dmarc", SCW_MAPS, "a TXT record, or an output" },
	{ "email", "region", SCW_BY_VALUE,
	    "Transactional Email runs in fr-par only" },
};

static const struct scw_rule *
scw_rule(const char *block, const char *attr)
{
	size_t	i;

	for (i = 0; i < sizeof(scw_rules) / sizeof(scw_rules[0]); i++)
		if (strcmp(scw_rules[i].block, block) == 0 &&
		    strcmp(scw_rules[i].attr, attr) == 0)
			return &scw_rules[i];
	return NULL;
}

bool
chk_app_scw_covers(const char *block, const char *attr)
{
	return scw_rule(block, attr) != NULL;
}

static bool
scw_only(const struct site *s)
{
	return !site_has(s, PROVIDER_AWS);
}

/* " '<label>'" of a labelled block, for messages. */
static const char *
label_of(struct chk *c, const struct ast *b)
{
	return b->label != NULL ? arena_printf(c->ar, " '%s'", b->label) : "";
}

/* An attribute Scaleway cannot honour, per the site's providers. */
static void
aws_knob(struct chk *c, const struct site *s, const struct ast *b,
    const struct ast *a, const char *why, bool warn_both)
{
	if (scw_only(s))
		diag_add(c->dg, DIAG_ERROR, &a->keypos,
		    "'%s' of %s%s cannot be honoured on Scaleway: %s; site '%s' "
		    "runs on scw only, so leave it out", a->name, b->name,
		    label_of(c, b), why, s->name);
	else if (warn_both)
		diag_add(c->dg, DIAG_WARNING, &a->keypos,
		    "'%s' of %s%s applies to AWS only: %s", a->name, b->name,
		    label_of(c, b), why);
}

/* The generic pass: every written attribute of the table's AWS knobs. */
static void
scw_attrs(struct chk *c, const struct site *s, const struct ast *b)
{
	const struct scw_rule	*r;
	const struct ast	*a;

	for (a = b->child; a != NULL; a = a->next) {
		if (a->kind != AST_ATTR || (r = scw_rule(b->name, a->name)) ==
		    NULL)
			continue;
		if (r->verdict == SCW_AWS_QUIET || r->verdict ==
		    SCW_AWS_WEAKER)
			aws_knob(c, s, b, a, r->scaleway, r->verdict ==
			    SCW_AWS_WEAKER);
	}
}

/* Whether a per-environment boolean differs between environments. */
static bool
varies(const struct site *s, const struct envbool *v)
{
	size_t	i;

	for (i = 1; i < s->nenv; i++)
		if (v->v[i] != v->v[0])
			return true;
	return false;
}

static bool
any(const struct site *s, const struct envbool *v)
{
	size_t	i;

	for (i = 0; i < s->nenv; i++)
		if (v->v[i])
			return true;
	return false;
}

/* deletion_protection and final_snapshot: one Scaleway answer for all. */
static void
db_flag(struct chk *c, const struct site *s, const struct database *d,
    const char *name, const struct envbool *v, const char *weaker)
{
	if (varies(s, v))
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "'%s' of database '%s' differs by environment, which "
		    "Scaleway cannot honour: %s; give every environment the "
		    "same value", name, d->label, weaker);
	else if (v->v[0])
		diag_add(c->dg, DIAG_WARNING, &v->pos,
		    "database '%s' gets no %s on Scaleway: %s", d->label,
		    name[0] == 'd' ? "deletion protection" : "final snapshot",
		    weaker);
}

static void
scw_database(struct chk *c, const struct site *s, const struct database *d)
{
	size_t	i;

	if (d->password == DBPW_RDS_MANAGED)
		diag_add(c->dg, DIAG_ERROR, &d->password_pos,
		    "password = \"rds-managed\" cannot be honoured on Scaleway, "
		    "where site '%s' runs: use \"generated\"", s->name);
	else
		diag_add(c->dg, DIAG_WARNING, &d->password_pos,
		    "on Scaleway the password of database '%s' is in the "
		    "Terraform state: a container receives it only as a secret "
		    "environment variable; keep the state bucket private",
		    d->label);
	for (i = 0; i < s->nenv; i++)
		if (d->storage.v[i] % 5 != 0) {
			diag_add(c->dg, DIAG_ERROR, &d->storage.pos,
			    "storage %lld of database '%s' for environment '%s' "
			    "is not a multiple of 5, as a Scaleway volume must "
			    "be", (long long)d->storage.v[i], d->label,
			    s->envs[i]);
			break;
		}
	db_flag(c, s, d, "deletion_protection", &d->deletion_protection,
	    "only a site-wide lifecycle prevent_destroy exists there, and a "
	    "destroy deletes the instance");
	db_flag(c, s, d, "final_snapshot", &d->final_snapshot,
	    "destroying the instance takes no snapshot");
	if (any(s, &d->multi_az))
		diag_add(c->dg, DIAG_WARNING, &d->multi_az.pos,
		    "multi_az of database '%s' becomes is_ha_cluster on "
		    "Scaleway, and changing it there recreates the instance "
		    "(its data included)", d->label);
}

static void
scw_secret(struct chk *c, const struct secret *k)
{
	diag_add(c->dg, DIAG_WARNING, &k->pos,
	    "on Scaleway the value of secret '%s' is in the Terraform state: "
	    "a container takes secrets only as secret environment variables; "
	    "keep the state bucket private", k->label);
}

static void
scw_email(struct chk *c, const struct site *s, const struct email *m,
    const struct ast *b)
{
	const struct ast	*a;
	const char		*region;

	if (m->send == SEND_API) {
		a = chk_attr(b, "send");
		diag_add(c->dg, DIAG_ERROR, a != NULL ? &a->child->pos :
		    &b->keypos,
		    "email '%s' %s send = \"api\", which Scaleway cannot "
		    "honour: a container has no identity to call Transactional "
		    "Email with; set send = \"smtp\"", m->label, a != NULL ?
		    "has" : "defaults to");
	}
	a = chk_attr(b, "region");
	region = a != NULL && scw_only(s) ? a->child->str :
	    s->region[PROVIDER_SCW];
	if (region != NULL && strcmp(region, SCW_TEM_REGION) != 0)
		diag_add(c->dg, DIAG_ERROR, a != NULL && scw_only(s) ?
		    &a->child->pos : &b->keypos,
		    "email '%s' would send from Scaleway region '%s': "
		    "Transactional Email runs in %s only", m->label, region,
		    SCW_TEM_REGION);
}

static void
scw_service(struct chk *c, const struct site *s, const struct service *v,
    const struct ast *b)
{
	const struct ast	*a;
	const struct envvar	*ev;

	if ((a = chk_attr(b, "arch")) != NULL && strcmp(v->arch, "arm64") == 0)
		aws_knob(c, s, b, a, "Serverless Containers run x86_64 images "
		    "only; the image needs an x86_64 variant", true);
	if (v->domain.v != NULL && v->scw_domain.v == v->domain.v &&
	    !scw_only(s))
		diag_add(c->dg, DIAG_ERROR, &v->domain.pos,
		    "service '%s' has one domain on a site on both aws and "
		    "scw, but a hostname points to one provider at a time; "
		    "give one per provider: domain = { aws = ..., scw = ... }",
		    v->label);
	for (ev = v->env != NULL ? v->env->vars : NULL; ev != NULL;
	    ev = ev->next)
		if (ev->ref == REF_SECRET_KEY)
			diag_add(c->dg, DIAG_WARNING, &ev->pos,
			    "on Scaleway '%s' puts the site's bucket key in the "
			    "Terraform state of service '%s': a container has "
			    "no role and takes it as a secret environment "
			    "variable", ev->key, v->label);
}

static const struct ast *
block_at(const struct ast *site_block, const char *type, struct srcpos pos)
{
	const struct ast	*n;

	for (n = site_block->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, type) == 0 &&
		    n->labelpos.off == pos.off)
			return n;
	return NULL;
}

void
chk_app_scw(struct chk *c, const struct site *s, const struct ast *b)
{
	const struct ast	*n;
	const struct database	*d;
	const struct secret	*k;
	const struct email	*m;
	const struct service	*v;

	if (!site_has(s, PROVIDER_SCW))
		return;
	for (n = b->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "env") != 0)
			scw_attrs(c, s, n);
	for (v = s->services; v != NULL; v = v->next)
		if ((n = block_at(b, "service", v->pos)) != NULL)
			scw_service(c, s, v, n);
	for (d = s->databases; d != NULL; d = d->next)
		scw_database(c, s, d);
	for (k = s->secrets; k != NULL; k = k->next)
		scw_secret(c, k);
	for (m = s->emails; m != NULL; m = m->next)
		if ((n = block_at(b, "email", m->pos)) != NULL)
			scw_email(c, s, m, n);
}
