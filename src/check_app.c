/* SPDX-License-Identifier: ISC */
/* check_app.c: pass 3 for the app stack: network, services, tasks, databases, secrets, email. */
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

/* AWS's limit on target-group and load-balancer names. */
#define AWS_TG_NAME_MAX	32
/* AWS's limit on IAM role names. */
#define AWS_ROLE_NAME_MAX	64
/* AWS's limit on RDS instance identifiers. */
#define AWS_RDS_ID_MAX	63

#define DEFAULT_TLS_POLICY	"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"

/* One kind of labelled component: how its label is checked and named. */
struct component {
	const char	*type;		/* block type, as written */
	const char	*(*label_problem)(const char *);
};

static const struct component comp_service = { "service",
	name_service_problem };
static const struct component comp_database = { "database",
	name_label_problem };
static const struct component comp_secret = { "secret", name_label_problem };
static const struct component comp_email = { "email", name_label_problem };

/* ------------------------------------------------------------------ */
/* Value helpers: an attribute, or its default for every environment. */

static void
num_attr(struct chk *c, const struct site *s, const struct srcpos *envpos,
    const struct ast *b, const char *name, int64_t min, int64_t max,
    int64_t def, struct envnum *out)
{
	const struct ast	*a = chk_attr(b, name);
	size_t			 i;

	if (a != NULL && chk_env_numbers(c, s, envpos, a, min, max, out))
		return;
	out->v = arena_array(c->ar, s->nenv, sizeof(*out->v));
	out->pos = a != NULL ? a->pos : b->keypos;
	out->set = false;
	for (i = 0; i < s->nenv; i++)
		out->v[i] = def;
}

static void
bool_attr(struct chk *c, const struct site *s, const struct srcpos *envpos,
    const struct ast *b, const char *name, bool def, struct envbool *out)
{
	const struct ast	*a = chk_attr(b, name);
	size_t			 i;

	if (a != NULL && chk_env_bools(c, s, envpos, a, out))
		return;
	out->v = arena_array(c->ar, s->nenv, sizeof(*out->v));
	out->pos = a != NULL ? a->pos : b->keypos;
	out->set = false;
	for (i = 0; i < s->nenv; i++)
		out->v[i] = def;
}

static bool
str_attr(struct chk *c, const struct site *s, const struct srcpos *envpos,
    const struct ast *b, const char *name, const char *(*check)(const char *),
    const char *what, const char *def, struct envstr *out)
{
	const struct ast	*a = chk_attr(b, name);
	size_t			 i;

	if (a != NULL)
		return chk_env_strings(c, s, envpos, a, check, what, out);
	out->v = arena_array(c->ar, s->nenv, sizeof(*out->v));
	out->vpos = arena_array(c->ar, s->nenv, sizeof(*out->vpos));
	out->pos = b->keypos;
	out->set = false;
	for (i = 0; i < s->nenv; i++) {
		out->v[i] = def;
		out->vpos[i] = b->keypos;
	}
	return true;
}

/* A site-wide number in [min, max], or def. */
static int64_t
scalar_num(struct chk *c, const struct ast *b, const char *name, int64_t min,
    int64_t max, int64_t def)
{
	const struct ast	*a = chk_attr(b, name);

	if (a == NULL)
		return def;
	if (a->child->num < min || a->child->num > max) {
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "'%s' must be between %lld and %lld", name,
		    (long long)min, (long long)max);
		return def;
	}
	return a->child->num;
}

static const char *
scalar_str(const struct ast *b, const char *name, const char *def,
    const struct srcpos **pos)
{
	const struct ast	*a = chk_attr(b, name);

	if (pos != NULL)
		*pos = a != NULL ? &a->child->pos : &b->keypos;
	return a != NULL ? a->child->str : def;
}

/* One of a table of words, or an error listing them. */
static int
word_of(struct chk *c, const struct ast *b, const char *name,
    const char *const *words, int def)
{
	const struct ast	*a = chk_attr(b, name);
	struct sbuf		 list = SBUF_INIT;
	int			 i;

	if (a == NULL)
		return def;
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], a->child->str) == 0)
			return i;
	for (i = 0; words[i] != NULL; i++)
		sb_addf(&list, "%s\"%s\"", i == 0 ? "" : words[i + 1] == NULL ?
		    " or " : ", ", words[i]);
	diag_add(c->dg, DIAG_ERROR, &a->child->pos,
	    "unknown %s '%s'; use %s", name, a->child->str, list.buf);
	sb_release(&list);
	return def;
}

/* "service 'web'": a component must be unique in its site and well named. */
static bool
component_label(struct chk *c, const struct site *s,
    const struct component *k, const struct ast *b, const struct srcpos *prev)
{
	const char	*why;

	if ((why = k->label_problem(b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "invalid %s name '%s': %s", k->type, b->label, why);
		return false;
	}
	if (prev != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "duplicate %s '%s' in site '%s'", k->type, b->label,
		    s->name);
		diag_note(c->dg, prev, "first defined here");
		return false;
	}
	return true;
}

/* A component type that names a label of another, with a suggestion. */
void
chk_no_such(struct chk *c, const struct site *s, const char *what,
    const char *label, struct suggest *sg, const struct srcpos *pos)
{
	const char	*best = suggest_best(sg);

	if (best != NULL)
		diag_add(c->dg, DIAG_ERROR, pos, "site '%s' has no %s '%s'; "
		    "did you mean '%s'?", s->name, what, label, best);
	else
		diag_add(c->dg, DIAG_ERROR, pos, "site '%s' has no %s '%s'",
		    s->name, what, label);
}

/* ------------------------------------------------------------------ */
/* Fargate's table of CPU units and memory sizes. */

struct fargate_row {
	int64_t	cpu, lo, hi, step;	/* memory lo..hi MiB by step */
};

static const struct fargate_row fargate[] = {
	{ 256, 512, 2048, 0 },		/* 512, 1024 or 2048 */
	{ 512, 1024, 4096, 1024 },
	{ 1024, 2048, 8192, 1024 },
	{ 2048, 4096, 16384, 1024 },
	{ 4096, 8192, 30720, 1024 },
	{ 8192, 16384, 61440, 4096 },
	{ 16384, 32768, 122880, 8192 },
};

#define NFARGATE	(sizeof(fargate) / sizeof(fargate[0]))

static const struct fargate_row *
fargate_row(int64_t cpu)
{
	size_t	i;

	for (i = 0; i < NFARGATE; i++)
		if (fargate[i].cpu == cpu)
			return &fargate[i];
	return NULL;
}

static bool
fargate_fits(const struct fargate_row *r, int64_t mem)
{
	if (r->step == 0)
		return mem == 512 || mem == 1024 || mem == 2048;
	return mem >= r->lo && mem <= r->hi && (mem - r->lo) % r->step == 0;
}

/* Checks each environment's cpu and memory; one error per attribute. */
void
chk_fargate(struct chk *c, const struct site *s, const struct envnum *cpu,
    const struct envnum *mem)
{
	const struct fargate_row	*r;
	size_t				 i;

	for (i = 0; i < s->nenv; i++) {
		if ((r = fargate_row(cpu->v[i])) == NULL) {
			diag_add(c->dg, DIAG_ERROR, &cpu->pos,
			    "cpu %lld for environment '%s' is not a Fargate "
			    "size; use 256, 512, 1024, 2048, 4096, 8192 or "
			    "16384", (long long)cpu->v[i], s->envs[i]);
			return;
		}
		if (fargate_fits(r, mem->v[i]))
			continue;
		if (r->step == 0)
			diag_add(c->dg, DIAG_ERROR, &mem->pos,
			    "memory %lld MiB for environment '%s' does not fit "
			    "cpu %lld on Fargate; use 512, 1024 or 2048",
			    (long long)mem->v[i], s->envs[i],
			    (long long)cpu->v[i]);
		else
			diag_add(c->dg, DIAG_ERROR, &mem->pos,
			    "memory %lld MiB for environment '%s' does not fit "
			    "cpu %lld on Fargate; use %lld to %lld in steps of "
			    "%lld", (long long)mem->v[i], s->envs[i],
			    (long long)cpu->v[i], (long long)r->lo,
			    (long long)r->hi, (long long)r->step);
		return;
	}
}

/* ------------------------------------------------------------------ */
/* network */

static const char *
nat_problem(const char *v)
{
	int	i;

	for (i = 0; i < NAT__MAX; i++)
		if (strcmp(v, nat_names[i]) == 0)
			return NULL;
	return "use \"none\", \"single\", \"regional\" or \"per_zone\"";
}

static const char *const endpoint_names[] = {
	"s3", "ecr.api", "ecr.dkr", "logs", "secretsmanager", NULL,
};

static bool
hex_id(const char *s, const char *prefix)
{
	size_t	n = strlen(prefix), k;

	if (strncmp(s, prefix, n) != 0)
		return false;
	k = strspn(s + n, "0123456789abcdef");
	return s[n + k] == '\0' && (k == 8 || k == 17);
}

static const char *
vpc_id_problem(const char *v)
{
	return hex_id(v, "vpc-") ? NULL :
	    "a VPC id is vpc- and 8 or 17 hexadecimal digits";
}

static void
subnets(struct chk *c, const struct site *s, const struct srcpos *envpos,
    const struct ast *b, const char *name, struct envlist *out)
{
	const struct ast	*a = chk_attr(b, name);
	size_t			 i, k;

	if (a == NULL)
		return;
	if (chk_attr(b, "vpc_id") == NULL) {
		diag_add(c->dg, DIAG_ERROR, &a->keypos,
		    "'%s' needs vpc_id: the subnets of a VPC siteinfra "
		    "creates are its own", name);
		return;
	}
	if (!chk_env_lists(c, s, envpos, a, out))
		return;
	for (i = 0; i < s->nenv; i++) {
		for (k = 0; k < out->n[i]; k++)
			if (!hex_id(out->v[i][k], "subnet-")) {
				diag_add(c->dg, DIAG_ERROR, &out->vpos[i][k],
				    "invalid subnet id '%s': a subnet id is "
				    "subnet- and 8 or 17 hexadecimal digits",
				    out->v[i][k]);
				return;
			}
		if (out->n[i] < 2) {
			diag_add(c->dg, DIAG_ERROR, &a->pos,
			    "'%s' for environment '%s' lists %zu subnets; the "
			    "load balancer and the database need two, in "
			    "different zones", name, s->envs[i], out->n[i]);
			return;
		}
	}
}

/* network { vpc_id, public_subnets, private_subnets }: an existing VPC. */
static void
existing_vpc(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b)
{
	struct network		*n = s->network;
	const struct ast	*a = chk_attr(b, "vpc_id"), *x;
	static const char *const created[] = { "cidr", "nat", "zones", NULL };
	size_t			 i;

	subnets(c, s, envpos, b, "public_subnets", &n->public_subnets);
	subnets(c, s, envpos, b, "private_subnets", &n->private_subnets);
	if (a == NULL)
		return;
	chk_env_strings(c, s, envpos, a, vpc_id_problem, "vpc_id", &n->vpc_id);
	for (i = 0; created[i] != NULL; i++)
		if ((x = chk_attr(b, created[i])) != NULL)
			diag_add(c->dg, DIAG_ERROR, &x->keypos,
			    "'%s' cannot be set with vpc_id: the VPC exists "
			    "already", created[i]);
	if (chk_attr(b, "public_subnets") == NULL ||
	    chk_attr(b, "private_subnets") == NULL)
		diag_add(c->dg, DIAG_ERROR, &a->keypos,
		    "vpc_id needs public_subnets and private_subnets, two or "
		    "more each, in different zones");
}

static void
build_network(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b)
{
	struct network		*n = ARENA_NEW(c->ar, struct network);
	const struct ast	*a;
	struct envstr		 nat;
	struct srcpos		*epos = NULL;
	size_t			 i, k;

	s->network = n;
	n->pos = b != NULL ? b->keypos : s->pos;
	n->declared = b != NULL;
	n->zones = 2;
	n->nat = arena_array(c->ar, s->nenv, sizeof(*n->nat));
	n->nat_pos = n->pos;
	n->endpoints = arena_array(c->ar, 2, sizeof(char *));
	n->endpoints[0] = "s3";
	n->nendpoints = 1;
	if (b == NULL) {
		/* Implied by a service or a database: every default. */
		n->cidr.v = arena_array(c->ar, s->nenv, sizeof(char *));
		for (i = 0; i < s->nenv; i++)
			n->cidr.v[i] = "10.0.0.0/16";
		return;
	}
	if (str_attr(c, s, envpos, b, "cidr", name_cidr_problem,
	    "network cidr", "10.0.0.0/16", &n->cidr) && n->cidr.set)
		for (i = 0; i < s->nenv; i++)
			if (name_cidr_docker(n->cidr.v[i])) {
				diag_add(c->dg, DIAG_WARNING, &n->cidr.vpos[i],
				    "network cidr '%s' overlaps 172.17.0.0/16, "
				    "Docker's default bridge: hosts running "
				    "Docker cannot reach the VPC through it",
				    n->cidr.v[i]);
				break;
			}
	if ((a = chk_attr(b, "zones")) != NULL) {
		n->zones = a->child->num;
		if (n->zones < 2)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "zones = %lld: the load balancer and the database "
			    "subnet group need at least two availability zones",
			    (long long)n->zones);
		else if (n->zones > 6)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "'%s' must be between %lld and %lld", "zones",
			    2LL, 6LL);
		if (n->zones < 2 || n->zones > 6)
			n->zones = 2;
	}
	if ((a = chk_attr(b, "nat")) != NULL) {
		n->nat_pos = a->pos;
		if (chk_env_strings(c, s, envpos, a, nat_problem, "nat", &nat))
			for (i = 0; i < s->nenv; i++)
				for (k = 0; k < NAT__MAX; k++)
					if (strcmp(nat.v[i], nat_names[k]) == 0)
						n->nat[i] = (enum nat_mode)k;
	}
	if ((a = chk_attr(b, "endpoints")) != NULL) {
		n->endpoints = chk_str_list(c, a->child, &n->nendpoints,
		    &epos);
		for (i = 0; i < n->nendpoints; i++) {
			for (k = 0; endpoint_names[k] != NULL &&
			    strcmp(endpoint_names[k], n->endpoints[i]) != 0;
			    k++)
				;
			if (endpoint_names[k] == NULL)
				diag_add(c->dg, DIAG_ERROR, &epos[i],
				    "unknown endpoint '%s'; use \"s3\", "
				    "\"ecr.api\", \"ecr.dkr\", \"logs\" or "
				    "\"secretsmanager\"", n->endpoints[i]);
			else if (k > 0)
				diag_add(c->dg, DIAG_WARNING, &epos[i],
				    "endpoint '%s' is an interface endpoint, "
				    "billed by the hour in each of the %lld "
				    "zones; only \"s3\" is free",
				    n->endpoints[i], (long long)n->zones);
		}
	}
	existing_vpc(c, s, envpos, b);
}

/* ------------------------------------------------------------------ */
/* secret and secrets = { } */

static struct secret *
new_secret(struct chk *c, struct site *s, const char *label,
    const struct srcpos *pos, struct secret ***tail)
{
	struct secret	*k = ARENA_NEW(c->ar, struct secret);
	size_t		 i;

	k->label = label;
	k->pos = *pos;
	k->version.v = arena_array(c->ar, s->nenv, sizeof(int64_t));
	k->recovery_days.v = arena_array(c->ar, s->nenv, sizeof(int64_t));
	k->version.pos = k->recovery_days.pos = *pos;
	for (i = 0; i < s->nenv; i++) {
		k->version.v[i] = 1;
		k->recovery_days.v[i] = 7;
	}
	**tail = k;
	*tail = &k->next;
	return k;
}

static void
check_recovery(struct chk *c, const struct site *s, const struct envnum *r)
{
	size_t	i;

	for (i = 0; i < s->nenv; i++)
		if (r->v[i] != 0 && (r->v[i] < 7 || r->v[i] > 30)) {
			diag_add(c->dg, DIAG_ERROR, &r->pos,
			    "recovery_days %lld for environment '%s': use 0 "
			    "(delete at once) or 7 to 30", (long long)r->v[i],
			    s->envs[i]);
			return;
		}
}

static void
build_secret_block(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct secret ***tail)
{
	struct secret		*k = site_secret(s, b->label);
	const struct ast	*gen = chk_attr(b, "generate");
	bool			 ext;

	if (!component_label(c, s, &comp_secret, b, k != NULL ? &k->pos :
	    NULL))
		return;
	k = new_secret(c, s, b->label, &b->labelpos, tail);
	ext = chk_bool(b, "external", NULL);
	if ((gen != NULL) == ext) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "secret '%s' needs exactly one of generate = <length> or "
		    "external = true", b->label);
		return;
	}
	k->kind = ext ? SECRET_EXTERNAL : SECRET_GENERATED;
	if (gen != NULL)
		k->length = scalar_num(c, b, "generate", 16, 4096, 32);
	num_attr(c, s, envpos, b, "version", 1, 1000000, 1, &k->version);
	num_attr(c, s, envpos, b, "recovery_days", 0, 30, 7,
	    &k->recovery_days);
	check_recovery(c, s, &k->recovery_days);
}

/* secrets = { name = <length> | "external" }: a secret block each. */
static void
build_secret_map(struct chk *c, struct site *s, const struct ast *a,
    struct secret ***tail)
{
	const struct ast	*e;
	struct secret		*k;
	const char		*why;

	for (e = a->child->child; e != NULL; e = e->next) {
		if ((why = name_label_problem(e->name)) != NULL) {
			diag_add(c->dg, DIAG_ERROR, &e->keypos,
			    "invalid %s name '%s': %s", "secret", e->name, why);
			continue;
		}
		if ((k = site_secret(s, e->name)) != NULL) {
			diag_add(c->dg, DIAG_ERROR, &e->keypos,
			    "duplicate %s '%s' in site '%s'", "secret",
			    e->name, s->name);
			diag_note(c->dg, &k->pos, "first defined here");
			continue;
		}
		if (e->child->kind == AST_STRING &&
		    strcmp(e->child->str, "external") != 0) {
			diag_add(c->dg, DIAG_ERROR, &e->child->pos,
			    "secret '%s': give a length (16 to 4096) or "
			    "\"external\", not \"%s\"", e->name,
			    e->child->str);
			continue;
		}
		if (e->child->kind == AST_NUMBER &&
		    (e->child->num < 16 || e->child->num > 4096)) {
			diag_add(c->dg, DIAG_ERROR, &e->child->pos,
			    "'%s' must be between %lld and %lld", e->name,
			    16LL, 4096LL);
			continue;
		}
		k = new_secret(c, s, e->name, &e->keypos, tail);
		if (e->child->kind == AST_STRING)
			k->kind = SECRET_EXTERNAL;
		else
			k->length = e->child->num;
	}
}

/* ------------------------------------------------------------------ */
/* database */

static const char *const db_versions[] = { "13", "14", "15", "16", "17",
	NULL };

static const char *
db_version_problem(const char *v)
{
	size_t	i;

	for (i = 0; db_versions[i] != NULL; i++)
		if (strcmp(v, db_versions[i]) == 0)
			return NULL;
	return "use a PostgreSQL major version from 13 to 17";
}

static const struct {
	const char	*size;
	const char	*class;
	const char	*node_type;
} db_sizes[] = {
	/* Scaleway's node types of each size are not confirmed (README). */
	{ "micro", "db.t4g.micro", "DB-DEV-S" },
	{ "small", "db.t4g.small", "DB-DEV-M" },
	{ "medium", "db.t4g.medium", "DB-DEV-L" },
	{ "large", "db.m7g.large", "DB-GP-XS" },
};

static const char *
db_size_problem(const char *v)
{
	size_t	i;

	for (i = 0; i < sizeof(db_sizes) / sizeof(db_sizes[0]); i++)
		if (strcmp(v, db_sizes[i].size) == 0)
			return NULL;
	return "use \"micro\", \"small\", \"medium\" or \"large\"";
}

static const char *
db_class_problem(const char *v)
{
	size_t	i;

	if (strncmp(v, "db.", 3) != 0 || strchr(v + 3, '.') == NULL)
		return "an RDS instance class looks like \"db.t4g.micro\"";
	for (i = 0; v[i] != '\0'; i++)
		if (!((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' &&
		    v[i] <= '9') || v[i] == '.'))
			return "use only lowercase letters, digits and '.'";
	return NULL;
}

static const char *
size_class(const char *size, bool scw)
{
	size_t	i;

	for (i = 0; i < sizeof(db_sizes) / sizeof(db_sizes[0]); i++)
		if (strcmp(size, db_sizes[i].size) == 0)
			return scw ? db_sizes[i].node_type : db_sizes[i].class;
	return scw ? db_sizes[0].node_type : db_sizes[0].class;
}

/* A Scaleway node type: DB-, then capitals, digits and '-'. */
static const char *
db_node_type_problem(const char *v)
{
	size_t	i;

	if (strncmp(v, "DB-", 3) != 0 || v[3] == '\0')
		return "a Scaleway node type looks like \"DB-DEV-S\"";
	for (i = 0; v[i] != '\0'; i++)
		if (!((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= '0' &&
		    v[i] <= '9') || v[i] == '-'))
			return "use only capital letters, digits and '-'";
	return NULL;
}

/* An attribute that only one provider has, on a site without it. */
static void
provider_only(struct chk *c, const struct site *s, const struct ast *b,
    const char *name, enum provider p)
{
	const struct ast	*a = chk_attr(b, name);

	if (a != NULL && !site_has(s, p))
		diag_add(c->dg, DIAG_ERROR, &a->keypos,
		    "'%s' is a %s setting, and site '%s' does not run on %s",
		    name, p == PROVIDER_AWS ? "AWS" : "Scaleway", s->name,
		    provider_names[p]);
}

static char *
pg_default_name(struct chk *c, const char *site)
{
	char	*v = arena_strdup(c->ar, site);
	size_t	 i;

	for (i = 0; v[i] != '\0'; i++)
		if (v[i] == '-')
			v[i] = '_';
	return v;
}

static void
db_identifiers(struct chk *c, const struct site *s, const struct database *d)
{
	size_t	 i;
	char	*id;

	for (i = 0; i < s->nenv; i++) {
		id = arena_printf(c->ar, "%s-%s-%s", s->envs[i], s->name,
		    d->label);
		if (strlen(id) > AWS_RDS_ID_MAX) {
			diag_add(c->dg, DIAG_ERROR, &d->pos,
			    "database identifier '%s' for environment '%s' is "
			    "%zu characters, over RDS's %d", id, s->envs[i],
			    strlen(id), AWS_RDS_ID_MAX);
			return;
		}
	}
}

static void
build_database(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct database ***tail)
{
	static const char *const engines[] = { "postgres", NULL };
	static const char *const passwords[] = { "generated", "rds-managed",
		NULL };
	struct database		*d = site_database(s, b->label);
	struct envstr		 size;
	const struct srcpos	*pos;
	const char		*why;
	size_t			 i;

	if (!component_label(c, s, &comp_database, b, d != NULL ? &d->pos :
	    NULL))
		return;
	d = ARENA_NEW(c->ar, struct database);
	d->label = b->label;
	d->pos = b->labelpos;
	word_of(c, b, "engine", engines, 0);
	str_attr(c, s, envpos, b, "version", db_version_problem,
	    "database version", "17", &d->version);
	if (str_attr(c, s, envpos, b, "size", db_size_problem,
	    "database size", "micro", &size)) {
		d->class.v = arena_array(c->ar, s->nenv, sizeof(char *));
		d->node_type.v = arena_array(c->ar, s->nenv, sizeof(char *));
		for (i = 0; i < s->nenv; i++) {
			d->class.v[i] = size_class(size.v[i], false);
			d->node_type.v[i] = size_class(size.v[i], true);
		}
	}
	if (chk_attr(b, "class") != NULL)
		str_attr(c, s, envpos, b, "class", db_class_problem,
		    "instance class", NULL, &d->class);
	provider_only(c, s, b, "class", PROVIDER_AWS);
	if (chk_attr(b, "node_type") != NULL && site_has(s, PROVIDER_SCW))
		str_attr(c, s, envpos, b, "node_type", db_node_type_problem,
		    "node type", NULL, &d->node_type);
	provider_only(c, s, b, "node_type", PROVIDER_SCW);
	num_attr(c, s, envpos, b, "storage", 20, 65536, 20, &d->storage);
	num_attr(c, s, envpos, b, "max_storage", 0, 65536, 100,
	    &d->max_storage);
	for (i = 0; i < s->nenv; i++)
		if (d->max_storage.v[i] != 0 &&
		    d->max_storage.v[i] < d->storage.v[i]) {
			diag_add(c->dg, DIAG_ERROR, &d->max_storage.pos,
			    "max_storage %lld is below storage %lld for "
			    "environment '%s'; use 0 to turn storage "
			    "autoscaling off", (long long)d->max_storage.v[i],
			    (long long)d->storage.v[i], s->envs[i]);
			break;
		}
	d->name = scalar_str(b, "name", pg_default_name(c, s->name), &pos);
	if ((why = name_pg_problem(d->name)) != NULL)
		diag_add(c->dg, DIAG_ERROR, pos, "invalid database name '%s': "
		    "%s%s", d->name, why, chk_attr(b, "name") == NULL ?
		    "; set 'name'" : "");
	d->user = scalar_str(b, "user", d->name, &pos);
	if ((why = name_pg_problem(d->user)) != NULL &&
	    chk_attr(b, "user") != NULL)
		diag_add(c->dg, DIAG_ERROR, pos, "invalid database user '%s': "
		    "%s", d->user, why);
	d->password = (enum db_password)word_of(c, b, "password", passwords,
	    DBPW_GENERATED);
	scalar_str(b, "password", NULL, &pos);
	d->password_pos = *pos;
	if (d->password == DBPW_RDS_MANAGED && site_has(s, PROVIDER_AWS))
		diag_add(c->dg, DIAG_WARNING, pos,
		    "password = \"rds-managed\": RDS rotates it every 7 days, "
		    "and running tasks read secrets only when they start");
	num_attr(c, s, envpos, b, "password_version", 1, 1000000, 1,
	    &d->password_version);
	num_attr(c, s, envpos, b, "backups", 0, 35, 7, &d->backups);
	for (i = 0; i < s->nenv; i++)
		if (d->backups.v[i] == 0) {
			diag_add(c->dg, DIAG_WARNING, &d->backups.pos,
			    "backups = 0 for environment '%s': no automated "
			    "backups and no point-in-time recovery",
			    s->envs[i]);
			break;
		}
	bool_attr(c, s, envpos, b, "multi_az", false, &d->multi_az);
	bool_attr(c, s, envpos, b, "deletion_protection", true,
	    &d->deletion_protection);
	bool_attr(c, s, envpos, b, "final_snapshot", true, &d->final_snapshot);
	d->iam_auth = chk_bool(b, "iam_auth", NULL);
	db_identifiers(c, s, d);
	**tail = d;
	*tail = &d->next;
	s->ndatabases++;
}

/* ------------------------------------------------------------------ */
/* email */

static void
build_email(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct email ***tail)
{
	static const char *const sends[] = { "api", "smtp", NULL };
	static const char *const creds[] = { "external", "generated", NULL };
	struct email		*m = site_email(s, b->label);
	const struct ast	*a;
	const struct srcpos	*pos;
	const char		*why;
	size_t			 i;

	if (!component_label(c, s, &comp_email, b, m != NULL ? &m->pos :
	    NULL))
		return;
	m = ARENA_NEW(c->ar, struct email);
	m->label = b->label;
	m->pos = b->labelpos;
	m->zone = arena_array(c->ar, s->nenv, sizeof(*m->zone));
	if (chk_env_strings(c, s, envpos, chk_attr(b, "domain"),
	    name_dns_problem, "email domain", &m->domain))
		for (i = 0; i < s->nenv; i++)
			m->zone[i] = chk_zone_of(c->cfg, m->domain.v[i]);
	m->mail_from = scalar_str(b, "mail_from", "mail", &pos);
	if ((why = name_dns_label_problem(m->mail_from)) != NULL)
		diag_add(c->dg, DIAG_ERROR, pos, "invalid mail_from '%s': %s",
		    m->mail_from, why);
	m->send = (enum email_send)word_of(c, b, "send", sends, SEND_API);
	if ((a = chk_attr(b, "smtp_credentials")) != NULL) {
		if (m->send != SEND_SMTP)
			diag_add(c->dg, DIAG_ERROR, &a->keypos,
			    "'smtp_credentials' needs send = \"smtp\"");
		else if (word_of(c, b, "smtp_credentials", creds, 0) == 1)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "smtp_credentials = \"generated\" is not supported "
			    "yet: create the SMTP credentials in the SES "
			    "console and store them in the generated secret");
	}
	m->dmarc = scalar_str(b, "dmarc", NULL, &pos);
	if (m->dmarc != NULL && strncmp(m->dmarc, "v=DMARC1;", 9) != 0)
		diag_add(c->dg, DIAG_ERROR, pos, "dmarc '%s' is not a DMARC "
		    "record; start it with \"v=DMARC1;\"", m->dmarc);
	m->region = scalar_str(b, "region", s->region[PROVIDER_AWS], &pos);
	if (!site_has(s, PROVIDER_AWS))
		m->region = NULL;	/* Scaleway's: check_app_scw.c */
	else if (chk_attr(b, "region") != NULL &&
	    (why = name_aws_region_problem(m->region)) != NULL)
		diag_add(c->dg, DIAG_ERROR, pos, "invalid %s region '%s': %s",
		    "aws", m->region, why);
	else if (m->region != NULL && s->region[PROVIDER_AWS] != NULL &&
	    strcmp(m->region, s->region[PROVIDER_AWS]) != 0)
		diag_add(c->dg, DIAG_ERROR, pos, "SES in region '%s' while "
		    "site '%s' runs in '%s' is not supported yet; leave "
		    "'region' out", m->region, s->name,
		    s->region[PROVIDER_AWS]);
	/* One SES identity per domain, account and region. */
	for (i = 0; m->domain.v != NULL && m->domain.vpos != NULL &&
	    i < s->nenv; i++)
		if (m->domain.v[i] != NULL && m->region != NULL)
			chk_claim(c, &c->ses_domains, arena_printf(c->ar,
			    "%s:%s", m->region, m->domain.v[i]), "email domain",
			    m->domain.v[i], s, s->envs[i], &m->domain.vpos[i]);
	**tail = m;
	*tail = &m->next;
}

/* ------------------------------------------------------------------ */
/* service */

static const int64_t log_retentions[] = { 1, 3, 5, 7, 14, 30, 60, 90, 120,
	150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
	3653 };

static void
check_retention(struct chk *c, const struct site *s, const struct envnum *r)
{
	size_t	i, k;

	for (i = 0; i < s->nenv; i++) {
		for (k = 0; k < sizeof(log_retentions) /
		    sizeof(log_retentions[0]) && log_retentions[k] != r->v[i];
		    k++)
			;
		if (k == sizeof(log_retentions) / sizeof(log_retentions[0])) {
			diag_add(c->dg, DIAG_ERROR, &r->pos,
			    "log_retention %lld for environment '%s' is not a "
			    "CloudWatch value; use 1, 3, 5, 7, 14, 30, 60, 90, "
			    "120, 150, 180, 365, 400, 545, 731, 1096, 1827, "
			    "2192, 2557, 2922, 3288 or 3653",
			    (long long)r->v[i], s->envs[i]);
			return;
		}
	}
}

static const char *const tls_policies[] = {
	DEFAULT_TLS_POLICY,
	"ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
	"ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-2021-06",
	"ELBSecurityPolicy-TLS13-1-3-2021-06",
	NULL,
};

/* The target-group name of each environment within AWS's 32. */
static void
service_names(struct chk *c, const struct site *s, const struct service *v,
    const struct srcpos *short_pos)
{
	const char	*part = v->short_name != NULL ? v->short_name :
	    v->label;
	size_t		 i;
	char		*name;

	for (i = 0; i < s->nenv; i++) {
		/* IAM role names (<name>-exec, <name>-task) take 64. */
		name = arena_printf(c->ar, "%s-%s-%s", s->envs[i], s->name,
		    v->label);
		if (strlen(name) + 5 > AWS_ROLE_NAME_MAX) {
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "service name '%s' for environment '%s' is %zu "
			    "characters: its IAM role names would be over "
			    "AWS's %d; shorten it", name, s->envs[i],
			    strlen(name), AWS_ROLE_NAME_MAX);
			return;
		}
		name = arena_printf(c->ar, "%s-%s-%s", s->envs[i], s->name,
		    part);
		if (strlen(name) <= AWS_TG_NAME_MAX)
			continue;
		if (v->short_name == NULL)
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "service name '%s' for environment '%s' is %zu "
			    "characters, over the %d of an AWS target group; "
			    "set short_name (1 to 10 characters)", name,
			    s->envs[i], strlen(name), AWS_TG_NAME_MAX);
		else
			diag_add(c->dg, DIAG_ERROR, short_pos,
			    "target group name '%s' for environment '%s' is "
			    "%zu characters, over AWS's %d; shorten short_name "
			    "or the site's name", name, s->envs[i],
			    strlen(name), AWS_TG_NAME_MAX);
		return;
	}
}

/* One provider's domains of a service: each unique across sites. */
static bool
domain_values(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *a, bool aws, struct envstr *out, struct domain **zone)
{
	struct owner	*o, *prev;
	size_t		 i;

	if (!chk_env_strings(c, s, envpos, a, name_dns_problem,
	    "service domain", out)) {
		out->v = NULL;
		return false;
	}
	for (i = 0; i < s->nenv; i++) {
		zone[i] = chk_zone_of(c->cfg, out->v[i]);
		if (zone[i] == NULL && aws && (i == 0 || out->vpos[i].off !=
		    out->vpos[0].off))
			diag_add(c->dg, DIAG_WARNING, &out->vpos[i],
			    "service domain '%s' is under no declared domain: "
			    "its certificate waits for validation records "
			    "created by hand (a two-step apply; see the "
			    "README)", out->v[i]);
		o = ARENA_NEW(c->ar, struct owner);
		o->site = s;
		o->env = s->envs[i];
		o->pos = out->vpos[i];
		prev = strmap_put(&c->svc_domains, out->v[i], o);
		if (prev == NULL || prev->reported || (prev->site == s &&
		    strcmp(prev->env, o->env) == 0))
			continue;
		prev->reported = true;
		diag_add(c->dg, DIAG_ERROR, &o->pos,
		    "service domain '%s' (site '%s', environment '%s') is also "
		    "served by site '%s', environment '%s'", out->v[i],
		    s->name, o->env, prev->site->name, prev->env);
		diag_note(c->dg, &prev->pos, "first used here");
	}
	return true;
}

/* { aws = ..., scw = ... }: every key names a provider. */
static bool
by_provider(const struct ast *v)
{
	const struct ast	*e;

	if (v->kind != AST_MAP || v->child == NULL)
		return false;
	for (e = v->child; e != NULL; e = e->next)
		if (provider_lookup(e->name) == PROVIDER__MAX)
			return false;
	return true;
}

/* A hostname points to one provider at a time. */
static void
one_provider_per_host(struct chk *c, const struct site *s,
    const struct service *v)
{
	size_t	i;

	for (i = 0; v->domain.v != NULL && v->scw_domain.v != NULL &&
	    i < s->nenv; i++)
		if (strcmp(v->domain.v[i], v->scw_domain.v[i]) == 0) {
			diag_add(c->dg, DIAG_ERROR, &v->scw_domain.vpos[i],
			    "service domain '%s' of service '%s' is given to "
			    "both aws and scw in environment '%s'; a hostname "
			    "points to one provider at a time",
			    v->domain.v[i], v->label, s->envs[i]);
			diag_note(c->dg, &v->domain.vpos[i],
			    "given to aws here");
			return;
		}
}

static void
service_domain(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct service *v)
{
	const struct ast	*a = chk_attr(b, "domain"), *e;
	struct ast		*one;
	struct domain		**scw_zone;
	enum provider		 p;

	v->zone = arena_array(c->ar, s->nenv, sizeof(*v->zone));
	v->domain.v = NULL;
	v->scw_domain.v = NULL;
	if (a == NULL)
		return;
	if (!by_provider(a->child)) {
		if (domain_values(c, s, envpos, a, site_has(s, PROVIDER_AWS),
		    &v->domain, v->zone))
			v->scw_domain = v->domain;
		return;
	}
	scw_zone = arena_array(c->ar, s->nenv, sizeof(*scw_zone));
	for (e = a->child->child; e != NULL; e = e->next) {
		p = provider_lookup(e->name);
		if (!site_has(s, p)) {
			diag_add(c->dg, DIAG_ERROR, &e->keypos,
			    "'%s' is not a provider of site '%s'%s", e->name,
			    s->name, "");
			continue;
		}
		/* The element, as if it were the whole attribute. */
		one = ARENA_NEW(c->ar, struct ast);
		*one = *a;
		one->child = e->child;
		if (p == PROVIDER_AWS)
			domain_values(c, s, envpos, one, true, &v->domain,
			    v->zone);
		else
			domain_values(c, s, envpos, one, false, &v->scw_domain,
			    scw_zone);
	}
	one_provider_per_host(c, s, v);
}

static void
build_service(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct service ***tail)
{
	static const char *const arches[] = { "x86_64", "arm64", NULL };
	struct service		*v = site_service(s, b->label);
	const struct ast	*a;
	const struct srcpos	*pos, *short_pos;
	const char		*why;
	size_t			 i;

	if (!component_label(c, s, &comp_service, b, v != NULL ? &v->pos :
	    NULL))
		return;
	v = ARENA_NEW(c->ar, struct service);
	v->label = b->label;
	v->pos = b->labelpos;
	v->short_name = scalar_str(b, "short_name", NULL, &short_pos);
	if (v->short_name != NULL &&
	    (why = name_short_problem(v->short_name)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, short_pos,
		    "invalid short_name '%s': %s", v->short_name, why);
		v->short_name = NULL;
	} else
		service_names(c, s, v, short_pos);
	if (chk_service_image(c, s, envpos, b, v) &&
	    chk_env_strings(c, s, envpos, chk_attr(b, "image"),
	    name_image_problem, "image", &v->image))
		for (i = 0; i < s->nenv; i++)
			if (name_image_floating(v->image.v[i])) {
				diag_add(c->dg, DIAG_WARNING, &v->image.vpos[i],
				    "image '%s' has no tag, or the tag "
				    "'latest': Terraform cannot see it move, so "
				    "a new push is not deployed; pin a version "
				    "tag", v->image.v[i]);
				break;
			}
	v->port = scalar_num(c, b, "port", 1, 65535, 80);
	num_attr(c, s, envpos, b, "cpu", 0, 16384, 256, &v->cpu);
	num_attr(c, s, envpos, b, "memory", 0, 122880, 512, &v->memory);
	chk_fargate(c, s, &v->cpu, &v->memory);
	num_attr(c, s, envpos, b, "count", 0, 1000, 1, &v->count);
	if (chk_attr(b, "max_count") != NULL) {
		num_attr(c, s, envpos, b, "max_count", 0, 1000, 1,
		    &v->max_count);
		for (i = 0; i < s->nenv; i++)
			if (v->max_count.v[i] < v->count.v[i]) {
				diag_add(c->dg, DIAG_ERROR, &v->max_count.pos,
				    "max_count %lld is below count %lld for "
				    "environment '%s'",
				    (long long)v->max_count.v[i],
				    (long long)v->count.v[i], s->envs[i]);
				break;
			}
	} else
		v->max_count = v->count;
	v->scale_cpu = scalar_num(c, b, "scale_cpu", 10, 95, 70);
	v->health = scalar_str(b, "health", "/", &pos);
	if ((why = name_http_path_problem(v->health)) != NULL)
		diag_add(c->dg, DIAG_ERROR, pos, "invalid health path '%s': %s",
		    v->health, why);
	v->health_codes = scalar_str(b, "health_codes", "200-399", &pos);
	if ((why = name_matcher_problem(v->health_codes)) != NULL)
		diag_add(c->dg, DIAG_ERROR, pos, "invalid health_codes '%s': "
		    "%s", v->health_codes, why);
	v->public = true;
	if ((a = chk_attr(b, "public")) != NULL)
		v->public = a->child->boolean;
	service_domain(c, s, envpos, b, v);
	if (!v->public && (v->domain.v != NULL || v->scw_domain.v != NULL))
		diag_add(c->dg, DIAG_ERROR, v->domain.v != NULL ?
		    &v->domain.pos : &v->scw_domain.pos,
		    "service '%s' has a domain but public = false: a worker "
		    "gets no load balancer rule", v->label);
	if ((a = chk_attr(b, "paths")) != NULL) {
		v->paths = chk_str_list(c, a->child, &v->npaths, &v->paths_pos);
		if (v->npaths == 0)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "'paths' is empty: the service would get no "
			    "traffic; leave it out for [\"/*\"]");
		for (i = 0; i < v->npaths; i++)
			if ((why = name_path_pattern_problem(v->paths[i])) !=
			    NULL)
				diag_add(c->dg, DIAG_ERROR, &v->paths_pos[i],
				    "invalid path pattern '%s': %s",
				    v->paths[i], why);
		if (v->npaths > 4)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "service '%s' has %zu path patterns; a listener "
			    "rule takes at most 4 with its host", v->label,
			    v->npaths);
	} else {
		v->paths = arena_array(c->ar, 2, sizeof(char *));
		v->paths_pos = arena_array(c->ar, 1, sizeof(*v->paths_pos));
		v->paths[0] = "/*";
		v->paths_pos[0] = b->labelpos;
		v->npaths = 1;
	}
	v->env_label = scalar_str(b, "env", NULL, &pos);
	v->env_pos = *pos;
	if ((a = chk_attr(b, "command")) != NULL)
		v->command = chk_str_list(c, a->child, &v->ncommand, NULL);
	bool_attr(c, s, envpos, b, "exec", false, &v->exec);
	bool_attr(c, s, envpos, b, "spot", false, &v->spot);
	v->arch = arches[word_of(c, b, "arch", arches, 0)];
	num_attr(c, s, envpos, b, "log_retention", 1, 3653, 30,
	    &v->log_retention);
	check_retention(c, s, &v->log_retention);
	if ((a = chk_attr(b, "tls_policy")) != NULL) {
		const char *p = tls_policies[word_of(c, b, "tls_policy",
		    tls_policies, 0)];

		if (s->tls_policy != NULL && strcmp(s->tls_policy, p) != 0)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "tls_policy '%s' differs from '%s' of another "
			    "service: the services of site '%s' share one load "
			    "balancer", p, s->tls_policy, s->name);
		s->tls_policy = p;
	}
	**tail = v;
	*tail = &v->next;
	s->nservices++;
}

/* ------------------------------------------------------------------ */

/* The load balancer is <env>-<site>, within AWS's 32 characters. */
static void
alb_name(struct chk *c, const struct site *s)
{
	size_t	i;
	char	*name;

	for (i = 0; i < s->nenv; i++) {
		name = arena_printf(c->ar, "%s-%s", s->envs[i], s->name);
		if (strlen(name) > AWS_TG_NAME_MAX) {
			diag_add(c->dg, DIAG_ERROR, &s->services->pos,
			    "load balancer name '%s' for environment '%s' is "
			    "%zu characters, over AWS's %d; shorten the site's "
			    "or the environment's name", name, s->envs[i],
			    strlen(name), AWS_TG_NAME_MAX);
			return;
		}
	}
}

static bool
is_app_block(const struct ast *n)
{
	static const char *const types[] = { "network", "service", "task",
		"database", "secret", "email", NULL };
	size_t			 i;

	if (n->kind != AST_BLOCK)
		return false;
	for (i = 0; types[i] != NULL; i++)
		if (strcmp(n->name, types[i]) == 0)
			return true;
	return false;
}

void
chk_app_components(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b)
{
	const struct ast	*n, *net = NULL, *a;
	struct secret		**ktail = &s->secrets;
	struct database		**dtail = &s->databases;
	struct email		**mtail = &s->emails;
	struct service		**vtail = &s->services;
	bool			 needs_net = false;

	for (n = b->child; n != NULL; n = n->next) {
		if (!is_app_block(n))
			continue;
		if (strcmp(n->name, "network") == 0)
			net = n;
		else if (strcmp(n->name, "secret") == 0)
			build_secret_block(c, s, envpos, n, &ktail);
		else if (strcmp(n->name, "database") == 0) {
			build_database(c, s, envpos, n, &dtail);
			needs_net = true;
		} else if (strcmp(n->name, "email") == 0)
			build_email(c, s, envpos, n, &mtail);
		else if (strcmp(n->name, "service") == 0) {
			build_service(c, s, envpos, n, &vtail);
			needs_net = true;
		}
	}
	if ((a = chk_attr(b, "secrets")) != NULL)
		build_secret_map(c, s, a, &ktail);
	if (net != NULL || needs_net)
		build_network(c, s, envpos, net);
	if (s->services != NULL)
		alb_name(c, s);
	if (net != NULL && !needs_net)
		diag_add(c->dg, DIAG_WARNING, &net->keypos,
		    "site '%s' declares a network but no service or database "
		    "to put in it", s->name);
	if (s->tls_policy == NULL)
		s->tls_policy = DEFAULT_TLS_POLICY;
}
