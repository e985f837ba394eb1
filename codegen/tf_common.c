/* SPDX-License-Identifier: ISC */
/* tf_common.c: Terraform blocks shared by the AWS and Scaleway back-ends. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "emit.h"

const char *const tf_provider_source[PROVIDER__MAX] = {
	"hashicorp/aws",	/* PROVIDER_AWS */
	"scaleway/scaleway",	/* PROVIDER_SCW */
};

/* Scaleway 2.66 has the DNS stage's default_fqdn. */
const char *const tf_provider_version[PROVIDER__MAX] = {
	"~> 6.0",	/* PROVIDER_AWS */
	"~> 2.66",	/* PROVIDER_SCW */
};

/* The local names Terraform users expect in required_providers. */
const char *const tf_provider_local[PROVIDER__MAX] = {
	"aws",		/* PROVIDER_AWS */
	"scaleway",	/* PROVIDER_SCW */
};

_Static_assert(sizeof(tf_provider_source) / sizeof(tf_provider_source[0]) ==
    PROVIDER__MAX, "tf_provider_source");
_Static_assert(sizeof(tf_provider_version) / sizeof(tf_provider_version[0]) ==
    PROVIDER__MAX, "tf_provider_version");
_Static_assert(sizeof(tf_provider_local) / sizeof(tf_provider_local[0]) ==
    PROVIDER__MAX, "tf_provider_local");

/*
 * The S3 backend: AWS S3, or Scaleway Object Storage through its S3 API
 * (Terraform's s3 backend docs: endpoints, skip_* for a non-AWS S3).
 */
static void
backend_s3(struct emit *e, struct hclw *w, enum provider p, const char *key)
{
	const struct state_cfg	*st = e->cfg->state[p];
	struct sbuf		 ep = SBUF_INIT;

	hclw_block_open(w, "backend", "s3", NULL);
	hclw_attr_str(w, "bucket", st->bucket);
	hclw_attr_str(w, "key", key);
	hclw_attr_str(w, "region", st->region);
	/* The state account, whatever account the resources are in. */
	if (st->profile != NULL)
		hclw_attr_str(w, "profile", st->profile);
	if (st->role_arn != NULL) {
		hclw_attr_open(w, "assume_role", "{");
		hclw_attr_str(w, "role_arn", st->role_arn);
		hclw_close(w, "}");
	}
	if (p == PROVIDER_SCW) {
		sb_addstr(&ep, "{ s3 = ");
		{
			char *url = arena_printf(e->ar,
			    "https://s3.%s.scw.cloud", st->region);

			hcl_str(&ep, url);
		}
		sb_addstr(&ep, " }");
		hclw_attr(w, "endpoints", ep.buf);
		hclw_attr_bool(w, "skip_credentials_validation", true);
		hclw_attr_bool(w, "skip_region_validation", true);
		hclw_attr_bool(w, "skip_requesting_account_id", true);
		hclw_attr_bool(w, "skip_metadata_api_check", true);
		hclw_attr_bool(w, "skip_s3_checksum", true);
	}
	hclw_attr_bool(w, "encrypt", true);
	/*
	 * With encrypt alone the backend asks for AES256 and overrides the
	 * bucket's KMS default: name the state's key (its alias), unless
	 * kms_key = "none" keeps that, as an adopted state may need.
	 */
	if (p == PROVIDER_AWS && st->kms_key != NULL)
		hclw_attr_str(w, "kms_key_id", st->kms_key);
	/* The lock file always; the legacy table too while it is kept. */
	hclw_attr_bool(w, "use_lockfile", true);
	if (st->lock == LOCK_DYNAMODB)
		hclw_attr_str(w, "dynamodb_table", st->lock_table);
	hclw_block_close(w);
	sb_release(&ep);
}

void
tf_terraform_block(struct emit *e, struct hclw *w, enum provider p,
    const char *state_key, bool backend)
{
	tf_terraform_block_v(e, w, p, state_key, backend, TF_REQUIRED_VERSION,
	    tf_provider_version[p]);
}

void
tf_terraform_block_v(struct emit *e, struct hclw *w, enum provider p,
    const char *state_key, bool backend, const char *tf_version,
    const char *provider_version)
{
	hclw_block_open(w, "terraform", NULL, NULL);
	hclw_attr_str(w, "required_version", tf_version);
	hclw_block_open(w, "required_providers", NULL, NULL);
	hclw_attr_open(w, tf_provider_local[p], "{");
	hclw_attr_str(w, "source", tf_provider_source[p]);
	hclw_attr_str(w, "version", provider_version);
	hclw_close(w, "}");
	hclw_block_close(w);
	if (backend)
		backend_s3(e, w, p, state_key);
	hclw_block_close(w);
}

/* ["production", "preprod", "staging"] */
static char *
env_list(const struct site *s)
{
	struct sbuf	sb = SBUF_INIT;

	hcl_list_str(&sb, s->envs, s->nenv);
	return sb_detach(&sb, NULL);
}

void
tf_locals(struct hclw *w, const struct site *s, const struct setting *set,
    size_t n)
{
	struct sbuf	v = SBUF_INIT;
	char		*list = env_list(s);
	size_t		 i, k;

	hclw_block_open(w, "locals", NULL, NULL);
	hclw_comment(w, "Environments in promotion order; each is a Terraform "
	    "workspace.");
	hclw_attr(w, "environments", list);
	free(list);
	hclw_blank(w);
	hclw_comment(w, "Every per-environment value, resolved by siteinfra.");
	hclw_attr_open(w, "settings", "{");
	for (i = 0; i < s->nenv; i++) {
		hclw_attr_open(w, s->envs[i], "{");
		for (k = 0; k < n; k++) {
			sb_reset(&v);
			if (set[k].kind == SET_NUMBER)
				sb_addf(&v, "%lld", (long long)set[k].num[i]);
			else if (set[k].kind == SET_BOOL)
				sb_addstr(&v, set[k].b[i] ? "true" : "false");
			else if (set[k].kind == SET_HCL &&
			    set[k].str[i] != NULL)
				sb_addstr(&v, set[k].str[i]);
			else if (set[k].kind == SET_NULL ||
			    set[k].str[i] == NULL)
				sb_addstr(&v, "null");
			else
				hcl_str(&v, set[k].str[i]);
			hclw_attr(w, set[k].key, v.buf);
		}
		hclw_close(w, "}");
	}
	hclw_close(w, "}");
	hclw_blank(w);
	hclw_comment(w, "In any other workspace the guard fails the plan; the "
	    "first");
	hclw_comment(w, "environment's values keep every expression valid "
	    "until then.");
	hclw_attr(w, "environment", "contains(local.environments, "
	    "terraform.workspace) ? terraform.workspace : "
	    "local.environments[0]");
	hclw_blank(w);
	hclw_comment(w, "The modules read the environment through the guard, "
	    "so every plan");
	hclw_comment(w, "that creates any of them, targeted or not, checks "
	    "the workspace.");
	hclw_attr(w, "env", "local.settings[terraform_data.workspace_guard."
	    "input]");
	hclw_block_close(w);
	sb_release(&v);
}

void
tf_workspace_guard(struct hclw *w, const struct site *s)
{
	struct sbuf	msg = SBUF_INIT;
	size_t		i;

	/* Names are checked to be [a-z0-9-], so they need no escaping. */
	sb_addf(&msg, "\"Workspace \\\"${terraform.workspace}\\\" is not an "
	    "environment of site %s; select one of ", s->name);
	for (i = 0; i < s->nenv; i++)
		sb_addf(&msg, "%s%s", i == 0 ? "" : i + 1 == s->nenv ?
		    " or " : ", ", s->envs[i]);
	sb_addstr(&msg, " (terraform workspace select -or-create ENV).\"");
	hclw_doc(w, "Fails the plan in a workspace that is not one of the "
	    "site's environments.");
	hclw_block_open(w, "resource", "terraform_data", "workspace_guard");
	hclw_attr(w, "input", "local.environment");
	hclw_blank(w);
	hclw_block_open(w, "lifecycle", NULL, NULL);
	hclw_block_open(w, "precondition", NULL, NULL);
	hclw_attr(w, "condition",
	    "contains(local.environments, terraform.workspace)");
	hclw_attr(w, "error_message", msg.buf);
	hclw_block_close(w);
	hclw_block_close(w);
	hclw_block_close(w);
	sb_release(&msg);
}

const char *
tf_output_name(struct arena *ar, enum provider p, enum ref_kind ref,
    const struct bucket *b)
{
	switch (ref) {
	case REF_CDN_DOMAIN:
		return p == PROVIDER_AWS ? "cloudfront_domain" :
		    "edge_service_domain";
	case REF_BUCKET_NAME:
		return arena_printf(ar, "%s_bucket_name", b->label);
	case REF_BUCKET_REGION:
		return arena_printf(ar, "%s_bucket_region", b->label);
	case REF_ACCESS_KEY:
		return "iam_access_key";
	case REF_SECRET_KEY:
		return "iam_access_secret";
	default:
		return NULL;
	}
}

void
tf_identity_output(struct hclw *w, const struct site *s, enum provider p)
{
	hclw_block_open(w, "output", "siteinfra", NULL);
	hclw_attr_str(w, "description", "Site, environment and provider of "
	    "these outputs, checked by siteinfra env.");
	hclw_attr_open(w, "value", "{");
	hclw_attr_str(w, "site", s->name);
	hclw_attr(w, "environment", "local.environment");
	hclw_attr_str(w, "provider", provider_names[p]);
	hclw_close(w, "}");
	hclw_block_close(w);
}

bool
tf_cdn_domain(const struct site *s)
{
	return s->cdn != NULL && s->cdn->domain.v != NULL;
}

/* Through the guard either way, so the module checks the workspace. */
const char *
tf_credentials_name(struct emit *e, const struct site *s)
{
	if (s->creds->name.v != NULL)
		return "local.env.credentials_name";
	return arena_printf(e->ar,
	    "\"${terraform_data.workspace_guard.input}-%s\"", s->name);
}

void
tf_output(struct hclw *w, const char *name, const char *desc,
    const char *value, bool sensitive)
{
	hclw_block_open(w, "output", name, NULL);
	hclw_attr_str(w, "description", desc);
	hclw_attr(w, "value", value);
	if (sensitive)
		hclw_attr_bool(w, "sensitive", true);
	hclw_block_close(w);
}

void
tf_bucket_outputs(struct emit *e, struct hclw *w, const struct site *s,
    enum provider p)
{
	const struct bucket	*b;

	for (b = s->buckets; b != NULL; b = b->next) {
		tf_output(w, tf_output_name(e->ar, p, REF_BUCKET_NAME, b),
		    arena_printf(e->ar, "Name of bucket %s.", b->label),
		    arena_printf(e->ar, "module.bucket_%s.name", b->label),
		    false);
		tf_output(w, tf_output_name(e->ar, p, REF_BUCKET_REGION, b),
		    arena_printf(e->ar, "Region of bucket %s.", b->label),
		    arena_printf(e->ar, "module.bucket_%s.region", b->label),
		    false);
	}
}
