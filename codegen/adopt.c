/* SPDX-License-Identifier: ISC */
/* adopt.c: the adopt.tf files that take a richie site factory's live objects over. */
#include <string.h>

#include "arena.h"
#include "emit.h"

/* One old address and where it goes; the 2019 name, if any, chains in. */
struct move {
	const char	*from;
	const char	*to;
	const char	*from_2019;	/* NULL: none */
};

/* The richie site factory's aws/ root (e670ab8 and later). */
static const struct move aws_bucket_moves[] = {
	{ "aws_s3_bucket.richie_media",
	    "module.bucket_media.aws_s3_bucket.this",
	    "aws_s3_bucket.funmooc_media" },
	{ "aws_s3_bucket_policy.richie_media_bucket_policy",
	    "module.bucket_media.aws_s3_bucket_policy.this",
	    "aws_s3_bucket_policy.funmooc_media_bucket_policy" },
	{ NULL, NULL, NULL },
};

static const struct move aws_cdn_moves[] = {
	{ "aws_cloudfront_distribution.richie_cloudfront_distribution",
	    "module.cdn.aws_cloudfront_distribution.this",
	    "aws_cloudfront_distribution.funmooc_cloudfront_distribution" },
	{ NULL, NULL, NULL },
};

static const struct move aws_credentials_moves[] = {
	{ "aws_iam_user.richie_user", "module.credentials.aws_iam_user.this",
	    "aws_iam_user.funmooc_user" },
	{ "aws_iam_access_key.richie_access_key",
	    "module.credentials.aws_iam_access_key.this",
	    "aws_iam_access_key.funmooc_access_key" },
	{ NULL, NULL, NULL },
};

/* Its scw/ root (4c2c9fa and later). */
static const struct move scw_moves[] = {
	{ "scaleway_object_bucket.richie_media",
	    "module.bucket_media.scaleway_object_bucket.this", NULL },
	{ "scaleway_object_bucket_acl.richie_media_acl",
	    "module.bucket_media.scaleway_object_bucket_acl.this", NULL },
	{ "scaleway_object_bucket_policy.richie_media_bucket_policy",
	    "module.bucket_media.scaleway_object_bucket_policy.this", NULL },
	{ "scaleway_iam_application.richie_application",
	    "module.credentials.scaleway_iam_application.this", NULL },
	{ "scaleway_iam_policy.application_object_full_access",
	    "module.credentials.scaleway_iam_policy.this", NULL },
	{ "scaleway_iam_api_key.richie_api_key",
	    "module.credentials.scaleway_iam_api_key.this", NULL },
	{ "scaleway_edge_services_pipeline.media",
	    "module.cdn.scaleway_edge_services_pipeline.this", NULL },
	{ "scaleway_edge_services_backend_stage.media",
	    "module.cdn.scaleway_edge_services_backend_stage.this", NULL },
	{ "scaleway_edge_services_cache_stage.media",
	    "module.cdn.scaleway_edge_services_cache_stage.this", NULL },
	{ "scaleway_edge_services_tls_stage.media",
	    "module.cdn.scaleway_edge_services_tls_stage.this", NULL },
	{ "scaleway_edge_services_dns_stage.media",
	    "module.cdn.scaleway_edge_services_dns_stage.this", NULL },
	{ "scaleway_edge_services_head_stage.media",
	    "module.cdn.scaleway_edge_services_head_stage.this", NULL },
	{ NULL, NULL, NULL },
};

/* The bootstraps' local states (aws/ and scw/create_state_bucket). */
struct boot {
	const char	*from;
	const char	*to;
};

static const struct boot aws_boot[] = {
	{ "aws_kms_key.state_key", "module.state.aws_kms_key.state" },
	{ "aws_s3_bucket.state_bucket", "module.state.aws_s3_bucket.state" },
	{ "aws_dynamodb_table.terraform-state-locks",
	    "module.state.aws_dynamodb_table.lock[0]" },
	{ NULL, NULL },
};

static const struct boot scw_boot[] = {
	{ "scaleway_object_bucket.state_bucket",
	    "module.state.scaleway_object_bucket.state" },
	{ "scaleway_object_bucket_acl.state_bucket_acl",
	    "module.state.scaleway_object_bucket_acl.state" },
	{ NULL, NULL },
};

static void
moved(struct hclw *w, const char *from, const char *to)
{
	hclw_block_open(w, "moved", NULL, NULL);
	hclw_attr(w, "from", from);
	hclw_attr(w, "to", to);
	hclw_block_close(w);
}

static void
forget(struct hclw *w, const char *from)
{
	hclw_block_open(w, "removed", NULL, NULL);
	hclw_attr(w, "from", from);
	hclw_block_open(w, "lifecycle", NULL, NULL);
	hclw_attr_bool(w, "destroy", false);
	hclw_block_close(w);
	hclw_block_close(w);
}

static void
import(struct hclw *w, const char *to, const char *id)
{
	hclw_block_open(w, "import", NULL, NULL);
	hclw_attr(w, "to", to);
	hclw_attr(w, "id", id);
	hclw_block_close(w);
}

static void
moves(struct hclw *w, const struct move *m, bool chains)
{
	for (; m->from != NULL; m++) {
		if (chains && m->from_2019 != NULL)
			moved(w, m->from_2019, m->from);
		moved(w, m->from, m->to);
	}
}

/* The origin access identity: kept readable (the bridge), or forgotten. */
static void
aws_oai(struct hclw *w, const struct adopt_site *as)
{
	if (as->oai_bridge) {
		hclw_doc(w, "The bridge: the old origin access identity stays "
		    "managed, and the");
		hclw_doc(w, "media bucket's policy admits it beside origin "
		    "access control, so that");
		hclw_doc(w, "/media/* stays readable while the distribution "
		    "switches. Compile");
		hclw_doc(w, "without oai_bridge once every environment is "
		    "applied: the identity is");
		hclw_doc(w, "then forgotten.");
		if (as->funmooc_names)
			moved(w, "aws_cloudfront_origin_access_identity."
			    "funmooc_oai", "aws_cloudfront_origin_access_"
			    "identity.richie_oai");
		moved(w, "aws_cloudfront_origin_access_identity.richie_oai",
		    "aws_cloudfront_origin_access_identity.legacy");
		hclw_block_open(w, "resource",
		    "aws_cloudfront_origin_access_identity", "legacy");
		hclw_attr(w, "comment", "\"fun-mooc origin for the "
		    "${terraform_data.workspace_guard.input} environment\"");
		hclw_block_close(w);
		hclw_doc(w, "Meanwhile the account's distributions may read "
		    "the bucket: the policy");
		hclw_doc(w, "names none, so that the distribution can wait "
		    "for it (module.cdn's");
		hclw_doc(w, "depends_on).");
		hclw_block_open(w, "data", "aws_caller_identity", "bridge");
		hclw_block_close(w);
		return;
	}
	hclw_doc(w, "Origin access control replaces the origin access "
	    "identity, which has no");
	hclw_doc(w, "counterpart: it leaves the state, and stays in AWS "
	    "until deleted by hand.");
	if (as->funmooc_names)
		forget(w, "aws_cloudfront_origin_access_identity.funmooc_oai");
	forget(w, "aws_cloudfront_origin_access_identity.richie_oai");
	forget(w, "aws_cloudfront_origin_access_identity.legacy");
}

static void
aws_site(struct emit *e, const struct adopt_site *as)
{
	const struct site	*s = as->site;
	struct sbuf		 sb = SBUF_INIT;
	struct hclw		 w;

	hclw_init(&w, &sb);
	hclw_header(&w, e->cfg->adopt->input);
	hclw_comment(&w, arena_printf(e->ar, "The richie site factory's AWS "
	    "objects of site %s, in every workspace:", s->name));
	hclw_comment(&w, "the addresses of its aws/ root, moved into the "
	    "modules. Terraform");
	hclw_comment(&w, "skips a move whose old address is not in the "
	    "workspace's state.");
	if (as->funmooc_names)
		hclw_comment(&w, "The 2019 funmooc_* addresses chain through "
		    "the 2020 richie_* ones.");
	moves(&w, aws_bucket_moves, as->funmooc_names);
	moves(&w, aws_cdn_moves, as->funmooc_names);
	moves(&w, aws_credentials_moves, as->funmooc_names);
	if (as->certificate) {
		hclw_doc(&w, "The certificate of the 2020 storage_domain, "
		    "across provider aliases.");
		moved(&w, "aws_acm_certificate.certificate",
		    "module.cdn.aws_acm_certificate.this[0]");
	}
	aws_oai(&w, as);
	emit_hcl(e, &w, arena_printf(e->ar, "sites/%s/aws/adopt.tf", s->name),
	    &sb, s->name);
}

static void
scw_site(struct emit *e, const struct adopt_site *as)
{
	const struct site	*s = as->site;
	struct sbuf		 sb = SBUF_INIT;
	struct hclw		 w;

	hclw_init(&w, &sb);
	hclw_header(&w, e->cfg->adopt->input);
	hclw_comment(&w, arena_printf(e->ar, "The richie site factory's "
	    "Scaleway objects of site %s, in every", s->name));
	hclw_comment(&w, "workspace: the addresses of its scw/ root, moved "
	    "into the modules.");
	moves(&w, scw_moves, false);
	hclw_doc(&w, "Each old state holds a copy of the project's one Edge "
	    "Services plan:");
	hclw_doc(&w, "shared/scw imports it, and no site state may destroy "
	    "it.");
	forget(&w, "scaleway_edge_services_plan.media");
	emit_hcl(e, &w, arena_printf(e->ar, "sites/%s/scw/adopt.tf", s->name),
	    &sb, s->name);
}

/* infra/state/<p>: moved from the copied local state, or imported. */
static void
bootstrap(struct emit *e, enum provider p)
{
	const struct adopt	*ad = e->cfg->adopt;
	const struct state_cfg	*st = e->cfg->state[p];
	const struct boot	*b = p == PROVIDER_AWS ? aws_boot : scw_boot;
	struct sbuf		 sb = SBUF_INIT, id = SBUF_INIT;
	struct hclw		 w;

	hclw_init(&w, &sb);
	hclw_header(&w, ad->input);
	if (ad->bootstrap == ADOPT_BOOT_MOVED) {
		hclw_comment(&w, arena_printf(e->ar, "The richie site "
		    "factory's %s/create_state_bucket state, copied to",
		    provider_names[p]));
		hclw_comment(&w, "terraform.tfstate here, moved into the "
		    "state module.");
		for (; b->from != NULL; b++)
			moved(&w, b->from, b->to);
	} else {
		hclw_comment(&w, arena_printf(e->ar, "The richie site "
		    "factory's %s/create_state_bucket state is lost:",
		    provider_names[p]));
		hclw_comment(&w, "its objects are imported by their ids.");
		if (p == PROVIDER_AWS) {
			hcl_str(&id, ad->kms_key_id);
			import(&w, aws_boot[0].to, id.buf);
			sb_reset(&id);
			hcl_str(&id, st->bucket);
			import(&w, aws_boot[1].to, id.buf);
			sb_reset(&id);
			hcl_str(&id, st->lock_table);
			import(&w, aws_boot[2].to, id.buf);
		} else {
			hcl_str(&id, arena_printf(e->ar, "%s/%s", st->region,
			    st->bucket));
			import(&w, scw_boot[0].to, id.buf);
			sb_reset(&id);
			hcl_str(&id, arena_printf(e->ar, "%s/%s/private",
			    st->region, st->bucket));
			import(&w, scw_boot[1].to, id.buf);
		}
	}
	sb_release(&id);
	emit_hcl(e, &w, arena_printf(e->ar, "state/%s/adopt.tf",
	    provider_names[p]), &sb, NULL);
}

/* infra/shared/scw: the one Edge Services plan, out of the site states. */
static void
edge_plan(struct emit *e)
{
	const struct adopt	*ad = e->cfg->adopt;
	struct sbuf		 sb = SBUF_INIT;
	struct hclw		 w;

	hclw_init(&w, &sb);
	hclw_header(&w, ad->input);
	hclw_comment(&w, "The project's Edge Services plan, which every old "
	    "site state holds a");
	hclw_comment(&w, "copy of: imported here ({project_id}/{plan_name}) "
	    "before any site root");
	hclw_comment(&w, "forgets its copy.");
	import(&w, "scaleway_edge_services_plan.this", arena_printf(e->ar,
	    "\"${var.scw_project_id}/%s\"",
	    e->cfg->state[PROVIDER_SCW]->edge_plan));
	emit_hcl(e, &w, "shared/scw/adopt.tf", &sb, NULL);
}

void
adopt_emit(struct emit *e)
{
	const struct adopt	*ad = e->cfg->adopt;
	const struct adopt_site	*as;
	int			 p;

	if (ad == NULL)
		return;
	for (as = ad->sites; as != NULL; as = as->next) {
		if (as->providers & (1u << PROVIDER_AWS))
			aws_site(e, as);
		if (as->providers & (1u << PROVIDER_SCW))
			scw_site(e, as);
	}
	for (p = 0; p < PROVIDER__MAX; p++)
		if (ad->bootstrap != ADOPT_BOOT_NONE &&
		    (ad->providers & (1u << p)))
			bootstrap(e, (enum provider)p);
	if ((ad->providers & (1u << PROVIDER_SCW)) && ad->edge_plan_import)
		edge_plan(e);
}

/* The bridge's readers, for the media bucket's policy; NULL: none. */
const char *
adopt_bridge(const struct emit *e, const struct site *s)
{
	const struct adopt_site	*as = adopt_of(e->cfg->adopt, s);

	if (as == NULL || !as->oai_bridge)
		return NULL;
	return "{ oai_iam_arn = aws_cloudfront_origin_access_identity.legacy."
	    "iam_arn, account_id = data.aws_caller_identity.bridge.account_id }";
}
