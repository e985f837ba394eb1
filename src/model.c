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
