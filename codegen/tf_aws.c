/* SPDX-License-Identifier: ISC */
/* tf_aws.c: the AWS back-end: one root module per site, and the state bootstrap. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "model.h"
#include "tf_aws_app.h"

#define MODULES	"../../../modules/aws"

/* Default tags on every resource, through the provider. */
static void
default_tags(struct hclw *w, const char *site)
{
	hclw_block_open(w, "default_tags", NULL, NULL);
	hclw_attr_open(w, "tags", "{");
	if (site != NULL) {
		hclw_attr_str(w, "Site", site);
		hclw_attr(w, "Environment", "local.environment");
	}
	hclw_attr_str(w, "ManagedBy", "siteinfra");
	hclw_close(w, "}");
	hclw_block_close(w);
}

/*
 * The environment's account: its profile, and allowed_account_ids so that
 * a profile that reaches another account fails the plan.  The guard is not
 * read here: a provider cannot wait for a resource.
 */
static void
env_account(struct hclw *w, const struct site *s)
{
	if (s->aws_profile.v != NULL)
		hclw_attr(w, "profile",
		    "local.settings[local.environment].aws_profile");
	if (s->aws_account.v != NULL)
		hclw_attr(w, "allowed_account_ids",
		    "[local.settings[local.environment].aws_account]");
}

/* A provider in another account (DNS zones, registry), or the env's. */
static void
other_account(struct hclw *w, const struct site *s, const char *profile)
{
	if (profile != NULL)
		hclw_attr_str(w, "profile", profile);
	else
		env_account(w, s);
}

static void
providers_tf(struct emit *e, const struct site *s, const char *dir)
{
	struct sbuf	sb = SBUF_INIT;
	struct hclw	w;

	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	hclw_block_open(&w, "provider", "aws", NULL);
	hclw_attr_str(&w, "region", s->region[PROVIDER_AWS]);
	env_account(&w, s);
	default_tags(&w, s->name);
	hclw_block_close(&w);
	if (s->cdn != NULL) {
		/* The cdn module always takes it, used or not. */
		hclw_doc(&w, "CloudFront takes its certificates from us-east-1 "
		    "only.");
		hclw_block_open(&w, "provider", "aws", NULL);
		hclw_attr_str(&w, "alias", "us_east_1");
		hclw_attr_str(&w, "region", "us-east-1");
		env_account(&w, s);
		default_tags(&w, s->name);
		hclw_block_close(&w);
	}
	if (s->services != NULL || s->emails != NULL) {
		hclw_doc(&w, "Route53 records (certificate validation, aliases, "
		    "email) go through this");
		if (s->dns_profile != NULL)
			hclw_doc(&w, "alias; the zones are in the account of "
			    "its profile.");
		else
			hclw_doc(&w, "alias; the zones are in the resources' "
			    "account.");
		hclw_block_open(&w, "provider", "aws", NULL);
		hclw_attr_str(&w, "alias", "dns");
		hclw_attr_str(&w, "region", s->region[PROVIDER_AWS]);
		other_account(&w, s, s->dns_profile);
		default_tags(&w, s->name);
		hclw_block_close(&w);
	}
	if (tf_registry_used(s)) {
		hclw_doc(&w, arena_printf(e->ar, "The image repositories and "
		    "pointers of shared/aws/%s.", s->name));
		hclw_block_open(&w, "provider", "aws", NULL);
		hclw_attr_str(&w, "alias", "registry");
		hclw_attr_str(&w, "region", s->region[PROVIDER_AWS]);
		other_account(&w, s, s->registry_profile);
		default_tags(&w, s->name);
		hclw_block_close(&w);
	}
	emit_hcl(e, &w, arena_printf(e->ar, "%s/providers.tf", dir), &sb,
	    s->name);
}

static const char *
key(struct emit *e, const char *label, const char *what)
{
	return arena_printf(e->ar, "%s_%s", label, what);
}

/* The per-environment values the modules of this root read. */
static size_t
settings(struct emit *e, const struct site *s, struct setting **out)
{
	struct setting	*set;
	struct bucket	*b;
	size_t		 n = 0, i;

	set = arena_array(e->ar, 7 + 3 * s->nbuckets +
	    tf_aws_app_nsettings(s), sizeof(*set));
	if (s->aws_profile.v != NULL) {
		set[n].key = "aws_profile";
		set[n].str = s->aws_profile.v;
		n++;
	}
	if (s->aws_account.v != NULL) {
		set[n].key = "aws_account";
		set[n].str = s->aws_account.v;
		n++;
	}
	if (s->cdn != NULL && s->cdn->serve_static) {
		set[n].key = "app_domain";
		set[n].str = s->app_domain.v;
		n++;
	}
	for (b = s->buckets; b != NULL; b = b->next) {
		set[n].key = key(e, b->label, "bucket");
		set[n].str = b->name.v;
		n++;
		set[n].key = key(e, b->label, "expiration");
		set[n].num = b->expiration.v;
		set[n].kind = SET_NUMBER;
		n++;
		set[n].key = key(e, b->label, "noncurrent_expiration");
		set[n].num = b->noncurrent.v;
		set[n].kind = SET_NUMBER;
		n++;
	}
	if (s->cdn != NULL) {
		if (tf_cdn_domain(s)) {
			const char **zone = arena_array(e->ar, s->nenv,
			    sizeof(*zone));

			for (i = 0; i < s->nenv; i++)
				if (s->cdn->zone[i] != NULL &&
				    s->cdn->zone[i]->dns == DNS_ROUTE53)
					zone[i] = s->cdn->zone[i]->name;
			set[n].key = "cdn_domain";
			set[n].str = s->cdn->domain.v;
			n++;
			set[n].key = "cdn_route53_zone";
			set[n].str = zone;
			n++;
		}
		set[n].key = "cdn_price_class";
		set[n].str = s->cdn->price_class.v;
		n++;
	}
	if (s->creds != NULL && s->creds->name.v != NULL) {
		set[n].key = "credentials_name";
		set[n].str = s->creds->name.v;
		n++;
	}
	n += tf_aws_app_settings(e, s, set + n);
	*out = set;
	return n;
}

static bool
cdn_serves(const struct site *s, const struct bucket *b)
{
	return s->cdn != NULL && s->cdn->bucket == b;
}

static void
bucket_module(struct emit *e, struct hclw *w, const struct site *s,
    const struct bucket *b)
{
	struct sbuf	v = SBUF_INIT;

	hclw_block_open(w, "module", arena_printf(e->ar, "bucket_%s",
	    b->label), NULL);
	hclw_attr_str(w, "source", MODULES "/bucket");
	hclw_blank(w);
	hclw_attr(w, "name", arena_printf(e->ar, "local.env.%s_bucket",
	    b->label));
	hclw_attr(w, "expiration_days", arena_printf(e->ar,
	    "local.env.%s_expiration", b->label));
	hclw_attr(w, "noncurrent_expiration_days", arena_printf(e->ar,
	    "local.env.%s_noncurrent_expiration", b->label));
	hcl_list_str(&v, b->cors_origins, b->ncors);
	hclw_attr(w, "cors_origins", v.buf);
	hclw_attr_bool(w, "public_read", b->public_read);
	if (cdn_serves(s, b) && adopt_bridge(e, s) != NULL) {
		hclw_blank(w);
		hclw_attr(w, "legacy_readers", adopt_bridge(e, s));
	} else if (cdn_serves(s, b)) {
		hclw_blank(w);
		hclw_attr(w, "cloudfront_distribution_arns",
		    "[module.cdn.distribution_arn]");
	}
	hclw_block_close(w);
	sb_release(&v);
}

static void
cdn_module(struct emit *e, struct hclw *w, const struct site *s)
{
	hclw_block_open(w, "module", "cdn", NULL);
	hclw_attr_str(w, "source", MODULES "/cdn");
	hclw_blank(w);
	hclw_attr_open(w, "providers", "{");
	hclw_attr(w, "aws", "aws");
	hclw_attr(w, "aws.us_east_1", "aws.us_east_1");
	hclw_close(w, "}");
	hclw_blank(w);
	hclw_attr(w, "name", arena_printf(e->ar,
	    "\"${terraform_data.workspace_guard.input}-%s\"", s->name));
	hclw_attr(w, "bucket_regional_domain_name", arena_printf(e->ar,
	    "module.bucket_%s.regional_domain_name", s->cdn->bucket->label));
	if (s->cdn->serve_static)
		hclw_attr(w, "app_domain", "local.env.app_domain");
	if (tf_cdn_domain(s)) {
		hclw_attr(w, "domain", "local.env.cdn_domain");
		hclw_attr(w, "route53_zone", "local.env.cdn_route53_zone");
	}
	hclw_attr(w, "price_class", "local.env.cdn_price_class");
	if (s->cdn->legacy_cache)
		hclw_attr_bool(w, "legacy_forwarding", true);
	if (adopt_bridge(e, s) != NULL) {
		hclw_blank(w);
		hclw_comment(w, "The bridge: the bucket policy admits the old "
		    "identity before the");
		hclw_comment(w, "distribution switches to origin access "
		    "control.");
		hclw_attr(w, "depends_on", arena_printf(e->ar,
		    "[module.bucket_%s]", s->cdn->bucket->label));
	}
	hclw_block_close(w);
}

static void
credentials_module(struct emit *e, struct hclw *w, const struct site *s)
{
	struct sbuf	v = SBUF_INIT;
	size_t		i;

	sb_addch(&v, '[');
	for (i = 0; i < s->creds->nbuckets; i++)
		sb_addf(&v, "%smodule.bucket_%s.arn", i ? ", " : "",
		    s->creds->buckets[i]->label);
	sb_addch(&v, ']');
	hclw_block_open(w, "module", "credentials", NULL);
	hclw_attr_str(w, "source", MODULES "/credentials");
	hclw_blank(w);
	hclw_attr(w, "name", tf_credentials_name(e, s));
	hclw_attr(w, "bucket_arns", v.buf);
	hclw_block_close(w);
	sb_release(&v);
}

static void
main_tf(struct emit *e, const struct site *s, const char *dir)
{
	struct sbuf	 sb = SBUF_INIT;
	struct hclw	 w;
	struct setting	*set;
	struct bucket	*b;
	size_t		 n;

	n = settings(e, s, &set);
	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	tf_locals(&w, s, set, n);
	tf_workspace_guard(&w, s);
	for (b = s->buckets; b != NULL; b = b->next)
		bucket_module(e, &w, s, b);
	if (s->cdn != NULL)
		cdn_module(e, &w, s);
	if (s->creds != NULL)
		credentials_module(e, &w, s);
	tf_aws_app_main(e, &w, s);
	emit_hcl(e, &w, arena_printf(e->ar, "%s/main.tf", dir), &sb, s->name);
}

static void
outputs_tf(struct emit *e, const struct site *s, const char *dir)
{
	struct sbuf	 sb = SBUF_INIT;
	struct hclw	 w;

	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	tf_identity_output(&w, s, PROVIDER_AWS);
	tf_bucket_outputs(e, &w, s, PROVIDER_AWS);
	if (s->cdn != NULL) {
		tf_output(&w, "cloudfront_domain",
		    "Domain serving the media: the custom domain, or the "
		    "distribution's cloudfront.net domain.",
		    "module.cdn.domain", false);
		tf_output(&w, "cloudfront_distribution_id",
		    "Distribution id, for cache invalidations.",
		    "module.cdn.distribution_id", false);
		if (tf_cdn_domain(s)) {
			tf_output(&w, "cdn_certificate_validation_records",
			    "Records to create at the DNS host of an external "
			    "CDN domain before the certificate can be issued.",
			    "module.cdn.certificate_validation_records", false);
			tf_output(&w, "cdn_alias_record",
			    "Record to create at the DNS host of an external "
			    "CDN domain once the distribution exists.",
			    "module.cdn.alias_record", false);
		}
	}
	if (s->creds != NULL) {
		tf_output(&w, "iam_access_key",
		    "Access key id of the site's IAM user.",
		    "module.credentials.access_key_id", false);
		tf_output(&w, "iam_access_secret",
		    "Secret access key of the site's IAM user.",
		    "module.credentials.secret_access_key", true);
	}
	tf_aws_app_outputs(e, &w, s);
	emit_hcl(e, &w, arena_printf(e->ar, "%s/outputs.tf", dir), &sb,
	    s->name);
}

static void
versions_tf(struct emit *e, const struct site *s, const char *dir)
{
	struct sbuf	sb = SBUF_INIT;
	struct hclw	w;

	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	if (site_has_app(s))
		tf_terraform_block_v(e, &w, PROVIDER_AWS, arena_printf(e->ar,
		    "%s.tfstate", s->state_key), true, TF_APP_REQUIRED_VERSION,
		    TF_APP_AWS_VERSION);
	else
		tf_terraform_block(e, &w, PROVIDER_AWS, arena_printf(e->ar,
		    "%s.tfstate", s->state_key), true);
	emit_hcl(e, &w, arena_printf(e->ar, "%s/versions.tf", dir), &sb,
	    s->name);
}

void
tf_aws_site(struct emit *e, const struct site *s)
{
	const char	*dir = arena_printf(e->ar, "sites/%s/aws", s->name);

	versions_tf(e, s, dir);
	providers_tf(e, s, dir);
	main_tf(e, s, dir);
	outputs_tf(e, s, dir);
	if (s->nbuckets > 0)
		emit_module(e, PROVIDER_AWS, "bucket");
	if (s->cdn != NULL)
		emit_module(e, PROVIDER_AWS, "cdn");
	if (s->creds != NULL)
		emit_module(e, PROVIDER_AWS, "credentials");
	tf_aws_app_modules(e, s);
	tf_aws_shared(e, s);
}

/* The provider reaches the state account as the backend does. */
void
tf_aws_state_account(struct hclw *w, const struct state_cfg *st)
{
	if (st->profile != NULL)
		hclw_attr_str(w, "profile", st->profile);
	if (st->role_arn != NULL) {
		hclw_block_open(w, "assume_role", NULL, NULL);
		hclw_attr_str(w, "role_arn", st->role_arn);
		hclw_block_close(w);
	}
}

/* infra/state/aws: the state bucket, its KMS key, the lock table. */
void
tf_aws_state(struct emit *e)
{
	const struct state_cfg	*st = e->cfg->state[PROVIDER_AWS];
	struct sbuf		 sb = SBUF_INIT;
	struct hclw		 w;

	hclw_init(&w, &sb);
	hclw_header(&w, st->input);
	tf_terraform_block(e, &w, PROVIDER_AWS, NULL, false);
	hclw_block_open(&w, "provider", "aws", NULL);
	hclw_attr_str(&w, "region", st->region);
	tf_aws_state_account(&w, st);
	default_tags(&w, NULL);
	hclw_block_close(&w);
	hclw_doc(&w, "Its own state stays local (terraform.tfstate here): it "
	    "creates the bucket");
	hclw_doc(&w, "every other root keeps its state in.");
	hclw_block_open(&w, "module", "state", NULL);
	hclw_attr_str(&w, "source", "../../modules/aws/state");
	hclw_blank(&w);
	hclw_attr_str(&w, "bucket", st->bucket);
	if (st->lock == LOCK_DYNAMODB)
		hclw_attr_str(&w, "lock_table", st->lock_table);
	hclw_block_close(&w);
	tf_output(&w, "state_bucket", "Bucket holding every site's state.",
	    "module.state.bucket", false);
	tf_output(&w, "state_kms_key", "KMS key encrypting the state.",
	    "module.state.kms_key_arn", false);
	if (st->lock == LOCK_DYNAMODB)
		tf_output(&w, "state_lock_table", "DynamoDB lock table.",
		    "module.state.lock_table", false);
	emit_hcl(e, &w, "state/aws/main.tf", &sb, NULL);
	emit_module(e, PROVIDER_AWS, "state");
}
