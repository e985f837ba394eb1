/* SPDX-License-Identifier: ISC */
/* sitegone.c: refuses to delete a site's Terraform root while its state may hold resources. */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "fsout.h"
#include "model.h"
#include "sitegone.h"

/* The site and provider of a root's main.tf ("sites/NAME/P/main.tf"). */
static bool
root_of(struct arena *ar, const char *path, const char **site,
    const char **provider)
{
	const char	*name, *slash, *p;

	if (strncmp(path, "sites/", 6) != 0)
		return false;
	name = path + 6;
	if ((slash = strchr(name, '/')) == NULL || slash == name)
		return false;
	p = slash + 1;
	if ((slash = strchr(p, '/')) == NULL || slash == p ||
	    strcmp(slash, "/main.tf") != 0)
		return false;
	*site = arena_strndup(ar, name, (size_t)(strchr(name, '/') - name));
	*provider = arena_strndup(ar, p, (size_t)(slash - p));
	return true;
}

/*
 * The environments of a generated root, from the line that its main.tf
 * opens with: environments = ["production", "staging"].  n is 0 when the
 * line is not there (a tree of an older siteinfra).
 */
static const char **
old_envs(struct arena *ar, const char *text, size_t len, size_t *n)
{
	static const char	 key[] = "environments = [";
	const char		*s, *end, *q, *e;
	const char		**v;
	size_t			 max = 0;

	*n = 0;
	/* A copy ends with a NUL, whatever the file holds. */
	text = arena_strndup(ar, text, len);
	if ((s = strstr(text, key)) == NULL)
		return NULL;
	s += sizeof(key) - 1;
	if ((end = strchr(s, ']')) == NULL)
		return NULL;
	for (q = s; q < end; q++)
		if (*q == '"')
			max++;
	v = arena_array(ar, max / 2 + 1, sizeof(*v));
	for (q = s; q < end && (q = memchr(q, '"', (size_t)(end - q))) != NULL;
	    q = e + 1) {
		if ((e = memchr(q + 1, '"', (size_t)(end - q - 1))) == NULL)
			break;
		v[(*n)++] = arena_strndup(ar, q + 1, (size_t)(e - q - 1));
	}
	return v;
}

static bool
listed(const char *name, const char *const *names, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* Reports one root and the commands that empty its state. */
static void
refuse_root(struct arena *ar, struct diag *dg, const char *out,
    struct fsplan *plan, struct fsop *op, const char *site,
    const char *provider, bool declared)
{
	const char	**envs = NULL;
	const char	*dir;
	size_t		 n = 0, i;

	if (fsout_read_old(plan, op) == 0 && op->old != NULL)
		envs = old_envs(ar, op->old, op->oldlen, &n);
	dir = arena_printf(ar, "%s/sites/%s/%s", out, site, provider);
	if (declared)
		diag_add(dg, DIAG_ERROR, NULL, "site '%s' does not run on %s "
		    "any more, but the state of %s may still hold its "
		    "resources; destroy them first, then compile with "
		    "--remove-site %s (nothing was written)", site, provider,
		    dir, site);
	else
		diag_add(dg, DIAG_ERROR, NULL, "site '%s' is not declared any "
		    "more, but the state of %s may still hold its resources; "
		    "destroy them first, then compile with --remove-site %s "
		    "(nothing was written)", site, dir, site);
	diag_note(dg, NULL, "with the credentials of %s/env.d/%s loaded "
	    "(set -a; . %s/env.d/%s; set +a), run:", out, provider, out,
	    provider);
	diag_note(dg, NULL, "terraform -chdir=%s init", dir);
	for (i = 0; i < n; i++) {
		diag_note(dg, NULL, "terraform -chdir=%s workspace select %s",
		    dir, envs[i]);
		diag_note(dg, NULL, "terraform -chdir=%s destroy", dir);
	}
	if (n == 0) {
		diag_note(dg, NULL, "terraform -chdir=%s workspace list", dir);
		diag_note(dg, NULL, "and for each workspace ENV but default: "
		    "terraform -chdir=%s workspace select ENV, then terraform "
		    "-chdir=%s destroy", dir, dir);
	}
}

int
sitegone_check(struct arena *ar, struct diag *dg, const char *out,
    struct fsplan *plan, const struct config *cfg,
    const char *const *removed, size_t nremoved)
{
	const struct site	*s;
	const char		*site, *provider;
	size_t			 i, k;
	int			 refused = 0;
	bool			 declared, used;

	for (i = 0; i < plan->nops; i++) {
		struct fsop *op = &plan->ops[i];

		if (!op->orphan || !op->on_disk ||
		    !root_of(ar, op->path, &site, &provider) ||
		    listed(site, removed, nremoved))
			continue;
		for (s = cfg->sites; s != NULL; s = s->next)
			if (strcmp(s->name, site) == 0)
				break;
		declared = s != NULL;
		refuse_root(ar, dg, out, plan, op, site, provider, declared);
		refused++;
	}
	/* A typo is shown; a second run of the same command is no error. */
	for (k = 0; k < nremoved; k++) {
		used = false;
		for (i = 0; i < plan->nops && !used; i++)
			used = plan->ops[i].orphan && plan->ops[i].on_disk &&
			    root_of(ar, plan->ops[i].path, &site, &provider) &&
			    strcmp(site, removed[k]) == 0;
		if (!used)
			diag_add(dg, DIAG_WARNING, NULL, "--remove-site %s: "
			    "%s holds no root of site '%s' to remove",
			    removed[k], out, removed[k]);
	}
	return refused;
}
