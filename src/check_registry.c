/* SPDX-License-Identifier: ISC */
/* check_registry.c: a service's image: a reference, or a repository of the site's registry. */
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "check_int.h"
#include "diag.h"
#include "model.h"
#include "names.h"

/* "" leaves an environment to the pointer CI writes. */
static const char *
image_tag_ok(const char *v)
{
	return *v == '\0' ? NULL : name_image_tag_problem(v);
}

/* deploy = "terraform" | "ci". */
static void
deploy_mode(struct chk *c, const struct ast *b, struct service *v)
{
	const struct ast	*a = chk_attr(b, "deploy");

	v->deploy = DEPLOY_TERRAFORM;
	if (a == NULL)
		return;
	if (strcmp(a->child->str, "ci") == 0)
		v->deploy = DEPLOY_CI;
	else if (strcmp(a->child->str, "terraform") != 0)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "unknown deploy '%s'; use \"terraform\" or \"ci\"",
		    a->child->str);
	if (v->deploy == DEPLOY_CI && v->repository == NULL)
		diag_add(c->dg, DIAG_ERROR, &a->keypos,
		    "deploy = \"ci\" needs a repository in service '%s': CI "
		    "publishes what Terraform deploys through the registry's "
		    "pointer", v->label);
}

bool
chk_service_image(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct service *v)
{
	const struct ast	*image = chk_attr(b, "image");
	const struct ast	*repo = chk_attr(b, "repository");
	const struct ast	*tag = chk_attr(b, "tag");
	const char		*why;
	size_t			 i;

	if (repo != NULL) {
		v->repository = repo->child->str;
		v->repository_pos = repo->child->pos;
		if ((why = name_ecr_problem(v->repository)) != NULL)
			diag_add(c->dg, DIAG_ERROR, &repo->child->pos,
			    "invalid repository '%s': %s", v->repository,
			    why);
		if (!site_has(s, PROVIDER_AWS) || site_has(s, PROVIDER_SCW))
			diag_add(c->dg, DIAG_ERROR, &repo->keypos,
			    "'repository' is an ECR repository, and site '%s' "
			    "does not run on AWS alone", s->name);
	}
	deploy_mode(c, b, v);
	if (tag != NULL) {
		if (repo == NULL)
			diag_add(c->dg, DIAG_ERROR, &tag->keypos,
			    "'tag' needs a repository in service '%s'; an "
			    "image carries its own tag", v->label);
		else if (chk_env_strings(c, s, envpos, tag, image_tag_ok,
		    "tag", &v->tag))
			for (i = 0; i < s->nenv; i++)
				if (*v->tag.v[i] == '\0')
					v->tag.v[i] = NULL;
	}
	if (repo != NULL && image != NULL) {
		diag_add(c->dg, DIAG_ERROR, &image->keypos,
		    "service '%s' has both an image and a repository; give "
		    "one", v->label);
		return false;
	}
	if (repo == NULL && image == NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "service '%s' needs an image or a repository", v->label);
		return false;
	}
	return repo == NULL;
}
