/* SPDX-License-Identifier: ISC */
/* model.c: small helpers over the typed configuration. */
#include <string.h>

#include "model.h"

const char *const provider_names[PROVIDER__MAX] = {
	"aws",	/* PROVIDER_AWS */
	"scw",	/* PROVIDER_SCW */
};
_Static_assert(sizeof(provider_names) / sizeof(provider_names[0]) ==
    PROVIDER__MAX, "provider_names");

enum provider
provider_lookup(const char *s)
{
	int	p;

	for (p = 0; p < PROVIDER__MAX; p++)
		if (strcmp(s, provider_names[p]) == 0)
			return (enum provider)p;
	return PROVIDER__MAX;
}

struct bucket *
site_bucket(const struct site *s, const char *label)
{
	struct bucket	*b;

	for (b = s->buckets; b != NULL; b = b->next)
		if (strcmp(b->label, label) == 0)
			return b;
	return NULL;
}

const struct adopt_site *
adopt_of(const struct adopt *ad, const struct site *s)
{
	const struct adopt_site	*as;

	for (as = ad != NULL ? ad->sites : NULL; as != NULL; as = as->next)
		if (as->site == s)
			return as;
	return NULL;
}

const char *const nat_names[NAT__MAX] = {
	"none",		/* NAT_NONE */
	"single",	/* NAT_SINGLE */
	"regional",	/* NAT_REGIONAL */
	"per_zone",	/* NAT_PER_ZONE */
};
_Static_assert(sizeof(nat_names) / sizeof(nat_names[0]) == NAT__MAX,
    "nat_names");

bool
ref_is_secret(enum ref_kind r)
{
	return r == REF_DB_PASSWORD || r == REF_DB_URL || r == REF_SECRET ||
	    r == REF_EMAIL_USER || r == REF_EMAIL_PASSWORD;
}

struct service *
site_service(const struct site *s, const char *label)
{
	struct service	*v;

	for (v = s->services; v != NULL; v = v->next)
		if (strcmp(v->label, label) == 0)
			return v;
	return NULL;
}

struct database *
site_database(const struct site *s, const char *label)
{
	struct database	*d;

	for (d = s->databases; d != NULL; d = d->next)
		if (strcmp(d->label, label) == 0)
			return d;
	return NULL;
}

struct secret *
site_secret(const struct site *s, const char *label)
{
	struct secret	*k;

	for (k = s->secrets; k != NULL; k = k->next)
		if (strcmp(k->label, label) == 0)
			return k;
	return NULL;
}

struct email *
site_email(const struct site *s, const char *label)
{
	struct email	*m;

	for (m = s->emails; m != NULL; m = m->next)
		if (strcmp(m->label, label) == 0)
			return m;
	return NULL;
}
