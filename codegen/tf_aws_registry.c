/* SPDX-License-Identifier: ISC */
/* tf_aws_registry.c: image repositories and pointers (shared/aws/<site>) and the digests the environments run. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_aws_app.h"

bool
tf_registry_used(const struct site *s)
{
	const struct service	*v;

	for (v = s->services; v != NULL; v = v->next)
		if (v->repository != NULL)
			return true;
	return false;
}

bool
tf_registry_tagged(const struct service *v)
{
	return v->repository != NULL && v->tag.v != NULL;
}

const char *
tf_registry_pointer(struct emit *e, const struct site *s,
    const struct service *v, const char *env)
{
	return arena_printf(e->ar, "/%s/%s/%s/image", s->name, env, v->label);
}

const char *
tf_registry_image(struct emit *e, const struct service *v)
{
	if (v->repository == NULL)
		return arena_printf(e->ar, "local.env.%s_image", v->label);
	return arena_printf(e->ar, "data.aws_ecr_image.%s.image_uri", v->label);
}

/*
 * The environment root reads the pointer and resolves its tag to a digest:
 * the task definition is pinned, and a new revision only ever carries
 * what was published.  Both read local.environment, not the guard: a data
 * source that waits for a resource is read at apply, too late for the
 * precondition and for a plan that shows the digest.
 */
static void
images_of(struct emit *e, struct hclw *w, const struct site *s,
    const struct service *v)
{
	const char	*param = arena_printf(e->ar,
			    "data.aws_ssm_parameter.%s_image.insecure_value",
			    v->label);
	const char	*tag = arena_printf(e->ar,
			    "local.settings[local.environment].%s_tag",
			    v->label);

	hclw_block_open(w, "data", "aws_ssm_parameter", arena_printf(e->ar,
	    "%s_image", v->label));
	hclw_attr(w, "provider", "aws.registry");
	hclw_attr(w, "name", arena_printf(e->ar,
	    "\"/%s/${local.environment}/%s/image\"", s->name, v->label));
	hclw_block_close(w);
	hclw_block_open(w, "data", "aws_ecr_image", v->label);
	hclw_attr(w, "provider", "aws.registry");
	hclw_attr_str(w, "repository_name", v->repository);
	if (tf_registry_tagged(v))
		hclw_attr(w, "image_tag", arena_printf(e->ar,
		    "coalesce(%s, %s)", tag, param));
	else
		hclw_attr(w, "image_tag", param);
	hclw_blank(w);
	hclw_block_open(w, "lifecycle", NULL, NULL);
	hclw_block_open(w, "precondition", NULL, NULL);
	hclw_attr(w, "condition", tf_registry_tagged(v) ?
	    arena_printf(e->ar, "%s != null || %s != \"unpublished\"", tag,
	    param) : arena_printf(e->ar, "%s != \"unpublished\"", param));
	hclw_attr(w, "error_message", arena_printf(e->ar,
	    "\"No image of %s is published for ${local.environment} yet: "
	    "push one and write its tag to /%s/${local.environment}/%s/image "
	    "(README.md, \\\"Push the images\\\").\"", v->repository, s->name,
	    v->label));
	hclw_block_close(w);
	hclw_block_close(w);
	hclw_block_close(w);
}

void
tf_aws_registry_images(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct service	*v;

	for (v = s->services; v != NULL; v = v->next)
		if (v->repository != NULL)
			images_of(e, w, s, v);
}

/* The distinct accounts of the site's environments. */
static const char *
pull_accounts(struct emit *e, const struct site *s)
{
	struct sbuf	 sb = SBUF_INIT;
	size_t		 i, j, n = 0;
	const char	*out;

	sb_addch(&sb, '[');
	for (i = 0; s->aws_account.v != NULL && i < s->nenv; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(s->aws_account.v[j],
			    s->aws_account.v[i]) == 0)
				break;
		if (j < i)
			continue;
		sb_addstr(&sb, n++ ? ", " : "");
		hcl_str(&sb, s->aws_account.v[i]);
	}
	sb_addch(&sb, ']');
	out = arena_printf(e->ar, "%s", sb.buf);
	sb_release(&sb);
	return out;
}

static void
shared_main(struct emit *e, const struct site *s, const char *dir)
{
	struct sbuf		 sb = SBUF_INIT;
	struct hclw		 w;
	const struct service	*v;
	size_t			 i;

	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	hclw_block_open(&w, "provider", "aws", NULL);
	hclw_attr_str(&w, "region", s->region[PROVIDER_AWS]);
	if (s->registry_profile != NULL)
		hclw_attr_str(&w, "profile", s->registry_profile);
	hclw_blank(&w);
	hclw_block_open(&w, "default_tags", NULL, NULL);
	hclw_attr_open(&w, "tags", "{");
	hclw_attr_str(&w, "Site", s->name);
	hclw_attr_str(&w, "ManagedBy", "siteinfra");
	hclw_close(&w, "}");
	hclw_block_close(&w);
	hclw_block_close(&w);
	for (v = s->services; v != NULL; v = v->next) {
		if (v->repository == NULL)
			continue;
		hclw_block_open(&w, "module", arena_printf(e->ar,
		    "registry_%s", v->label), NULL);
		hclw_attr_str(&w, "source", "../../../modules/aws/registry");
		hclw_blank(&w);
		hclw_attr_str(&w, "name", v->repository);
		hclw_attr(&w, "pull_account_ids", pull_accounts(e, s));
		hclw_attr_open(&w, "pointers", "{");
		for (i = 0; i < s->nenv; i++)
			hclw_attr_str(&w, s->envs[i], tf_registry_pointer(e, s,
			    v, s->envs[i]));
		hclw_close(&w, "}");
		hclw_block_close(&w);
	}
	for (v = s->services; v != NULL; v = v->next) {
		if (v->repository == NULL)
			continue;
		tf_output(&w, arena_printf(e->ar, "%s_repository_url",
		    v->label), arena_printf(e->ar, "Where CI pushes the images "
		    "of service %s.", v->label), arena_printf(e->ar,
		    "module.registry_%s.repository_url", v->label), false);
		tf_output(&w, arena_printf(e->ar, "%s_pointers", v->label),
		    arena_printf(e->ar, "Environment => SSM parameter holding "
		    "the tag service %s runs there.", v->label),
		    arena_printf(e->ar, "module.registry_%s.pointers",
		    v->label), false);
	}
	emit_hcl(e, &w, arena_printf(e->ar, "%s/main.tf", dir), &sb, s->name);
}

/* shared/aws/<site>: applied once before any environment of the site. */
void
tf_aws_shared(struct emit *e, const struct site *s)
{
	const char	*dir = arena_printf(e->ar, "shared/aws/%s", s->name);
	struct sbuf	 sb = SBUF_INIT;
	struct hclw	 w;

	if (!tf_registry_used(s))
		return;
	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	tf_terraform_block_v(e, &w, PROVIDER_AWS, arena_printf(e->ar,
	    "%s-shared.tfstate", s->state_key), true, TF_APP_REQUIRED_VERSION,
	    TF_APP_AWS_VERSION);
	emit_hcl(e, &w, arena_printf(e->ar, "%s/versions.tf", dir), &sb,
	    s->name);
	shared_main(e, s, dir);
	emit_module(e, PROVIDER_AWS, "registry");
}
