/* SPDX-License-Identifier: ISC */
/* sitegone.h: removing a site's Terraform root is a deliberate act. */
#ifndef SITEGONE_H
#define SITEGONE_H

#include <stddef.h>

struct arena;
struct config;
struct diag;
struct fsplan;

/*
 * Reports every generated root (sites/NAME/P/main.tf) that the plan
 * would delete while its site is not listed in removed, with the
 * terraform commands that destroy what its state holds, per environment;
 * warns of every name of removed that deletes no root.  Returns the
 * number of refusals: the caller writes nothing when it is not 0.
 */
int	sitegone_check(struct arena *, struct diag *, const char *out,
	    struct fsplan *, const struct config *,
	    const char *const *removed, size_t nremoved);

#endif
