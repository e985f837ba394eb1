/* SPDX-License-Identifier: ISC */
/* check_account.c: the AWS accounts of a site's environments, its zones and its registry. */
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "check_int.h"
#include "diag.h"
#include "model.h"
#include "names.h"

/* An AWS-only attribute on a site that does not run on AWS. */
static bool
aws_only(struct chk *c, const struct site *s, const struct ast *a)
{
	if (site_has(s, PROVIDER_AWS))
		return true;
	diag_add(c->dg, DIAG_ERROR, &a->keypos,
	    "'%s' is an AWS setting, and site '%s' does not run on AWS",
	    a->name, s->name);
	return false;
}

static bool
varies(const struct site *s, const struct envstr *v)
{
	size_t	i;

	for (i = 1; v->v != NULL && i < s->nenv; i++)
		if (strcmp(v->v[i], v->v[0]) != 0)
			return true;
	return false;
}

/*
 * Two environments in one account through two profiles: most likely a
 * copied id, and in any case they share the account's quotas.
 */
static void
shared_accounts(struct chk *c, const struct site *s)
{
	size_t	i, j;

	if (s->aws_account.v == NULL || s->aws_profile.v == NULL)
		return;
	for (i = 0; i < s->nenv; i++)
		for (j = i + 1; j < s->nenv; j++)
			if (strcmp(s->aws_account.v[i],
			    s->aws_account.v[j]) == 0 &&
			    strcmp(s->aws_profile.v[i],
			    s->aws_profile.v[j]) != 0) {
				diag_add(c->dg, DIAG_WARNING,
				    &s->aws_account.pos, "environments '%s' "
				    "and '%s' of site '%s' reach account %s "
				    "through two profiles; they share its "
				    "quotas (Elastic IPs, NAT gateways)",
				    s->envs[i], s->envs[j], s->name,
				    s->aws_account.v[i]);
				return;
			}
}

static bool
same_profile(const struct domain *a, const struct domain *b)
{
	if (a->aws_profile == NULL || b->aws_profile == NULL)
		return a->aws_profile == b->aws_profile;
	return strcmp(a->aws_profile, b->aws_profile) == 0;
}

/* Folds one environment's zones into *first; false on another account. */
static bool
fold_zones(struct domain *const *zone, size_t n, const struct domain **first,
    const struct domain **other)
{
	size_t	i;

	for (i = 0; zone != NULL && i < n; i++) {
		if (zone[i] == NULL || zone[i]->dns != DNS_ROUTE53)
			continue;
		if (*first == NULL)
			*first = zone[i];
		else if (!same_profile(*first, zone[i])) {
			*other = zone[i];
			return false;
		}
	}
	return true;
}

/* The one account of the Route53 zones the site writes records in. */
static void
dns_profile(struct chk *c, struct site *s)
{
	const struct domain	*first = NULL, *other = NULL;
	const struct service	*v;
	const struct email	*m;
	bool			 ok = true;

	for (v = s->services; ok && v != NULL; v = v->next)
		ok = fold_zones(v->zone, s->nenv, &first, &other);
	for (m = s->emails; ok && m != NULL; m = m->next)
		ok = fold_zones(m->zone, s->nenv, &first, &other);
	if (!ok) {
		diag_add(c->dg, DIAG_ERROR, &other->pos,
		    "site '%s' writes records in zones '%s' and '%s', which "
		    "are in different accounts; one site's zones share one "
		    "aws_profile", s->name, first->name, other->name);
		diag_note(c->dg, &first->pos, "zone '%s' is declared here",
		    first->name);
		return;
	}
	if (first != NULL && first->aws_profile != NULL)
		s->dns_profile = first->aws_profile;
	else if (c->cfg->state[PROVIDER_AWS] != NULL)
		s->dns_profile = c->cfg->state[PROVIDER_AWS]->profile;
}

/* One registry account and region hold one repository of a name. */
static void
claim_repositories(struct chk *c, const struct site *s)
{
	const struct service	*v, *prev;
	const char		*key;

	for (v = s->services; v != NULL; v = v->next) {
		if (v->repository == NULL)
			continue;
		key = arena_printf(c->ar, "%s:%s:%s", s->registry_profile !=
		    NULL ? s->registry_profile : "", s->region[PROVIDER_AWS],
		    v->repository);
		if ((prev = strmap_put(&c->repositories, key,
		    (void *)v)) == NULL)
			continue;
		diag_add(c->dg, DIAG_ERROR, &v->repository_pos,
		    "repository '%s' of service '%s' (site '%s') is already "
		    "that of service '%s', in the same registry account and "
		    "region: give each service its own", v->repository,
		    v->label, s->name, prev->label);
		diag_note(c->dg, &prev->repository_pos, "first used here");
	}
}

void
chk_accounts(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b)
{
	const struct ast	*a;
	const char		*why;

	if ((a = chk_attr(b, "aws_profile")) != NULL && aws_only(c, s, a))
		chk_env_strings(c, s, envpos, a, name_aws_profile_problem,
		    "aws_profile", &s->aws_profile);
	if ((a = chk_attr(b, "aws_account")) != NULL && aws_only(c, s, a))
		chk_env_strings(c, s, envpos, a, name_aws_account_problem,
		    "aws_account", &s->aws_account);
	if (c->cfg->state[PROVIDER_AWS] != NULL)
		s->registry_profile = c->cfg->state[PROVIDER_AWS]->profile;
	if ((a = chk_attr(b, "registry_profile")) != NULL &&
	    aws_only(c, s, a)) {
		if ((why = name_aws_profile_problem(a->child->str)) != NULL)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "invalid registry_profile '%s': %s", a->child->str,
			    why);
		else
			s->registry_profile = a->child->str;
	}
	if (!site_has(s, PROVIDER_AWS))
		return;
	if (s->aws_account.v == NULL && varies(s, &s->aws_profile))
		diag_add(c->dg, DIAG_WARNING, &s->aws_profile.pos,
		    "site '%s' runs its environments in several AWS profiles "
		    "but names no aws_account: a profile pointing at the wrong "
		    "account would go unnoticed; give aws_account = { ENV = "
		    "\"<12 digits>\" }", s->name);
	shared_accounts(c, s);
	dns_profile(c, s);
	claim_repositories(c, s);
}
