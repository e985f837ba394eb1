/* SPDX-License-Identifier: ISC */
/* tf_scw.c: the Scaleway back-end: site roots, the state bootstrap, the shared root. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_scw_app.h"

#define MODULES	"../../../modules/scw"

/* The key of the shared root's state: a site key never holds a '/'. */
#define SHARED_STATE_KEY	"shared/scw.tfstate"

static const char *
zone_of(struct emit *e, const char *region)
{
	return arena_printf(e->ar, "%s-1", region);
}

static void
variable(struct hclw *w, const char *name, const char *desc)
{
	hclw_block_open(w, "variable", name, NULL);
	hclw_attr_str(w, "description", desc);
	hclw_attr(w, "type", "string");
	hclw_block_close(w);
}

/* The variables every Scaleway root reads from env.d/scw (TF_VAR_*). */
static void
variables(struct hclw *w, bool user)
{
	variable(w, "scw_project_id", "Scaleway project holding the "
	    "resources (TF_VAR_scw_project_id).");
	variable(w, "scw_organization_id", "Scaleway organization of the "
	    "project (TF_VAR_scw_organization_id).");
	if (user)
		variable(w, "scw_user_id", "IAM user running Terraform: bucket "
		    "policies keep its access (TF_VAR_scw_user_id).");
}

static void
provider(struct emit *e, struct hclw *w, const char *region)
{
	hclw_block_open(w, "provider", "scaleway", NULL);
	hclw_attr_str(w, "region", region);
	hclw_attr_str(w, "zone", zone_of(e, region));
	hclw_attr(w, "project_id", "var.scw_project_id");
	hclw_attr(w, "organization_id", "var.scw_organization_id");
	hclw_block_close(w);
}

static bool
creds_reach(const struct site *s, const struct bucket *b)
{
	size_t	i;

	for (i = 0; s->creds != NULL && i < s->creds->nbuckets; i++)
		if (s->creds->buckets[i] == b)
			return true;
	return false;
}

static size_t
settings(struct emit *e, const struct site *s, struct setting **out)
{
	struct setting	*set;
	struct bucket	*b;
	size_t		 n = 0;

	set = arena_array(e->ar, 3 + 2 * s->nbuckets +
	    tf_scw_app_nsettings(s), sizeof(*set));
	for (b = s->buckets; b != NULL; b = b->next) {
		set[n].key = arena_printf(e->ar, "%s_bucket", b->label);
		set[n].str = b->name.v;
		n++;
		set[n].key = arena_printf(e->ar, "%s_expiration", b->label);
		set[n].num = b->expiration.v;
		set[n].kind = SET_NUMBER;
		n++;
	}
	if (tf_cdn_domain(s)) {
		set[n].key = "cdn_domain";
		set[n].str = s->cdn->domain.v;
		n++;
	}
	if (s->creds != NULL && s->creds->name.v != NULL) {
		set[n].key = "credentials_name";
		set[n].str = s->creds->name.v;
		n++;
	}
	n += tf_scw_app_settings(e, s, set + n);
	*out = set;
	return n;
}

static void
bucket_module(struct emit *e, struct hclw *w, const struct site *s,
    const struct bucket *b)
{
	struct sbuf	v = SBUF_INIT;
	bool		cdn = s->cdn != NULL && s->cdn->bucket == b;

	hclw_block_open(w, "module", arena_printf(e->ar, "bucket_%s",
	    b->label), NULL);
	hclw_attr_str(w, "source", MODULES "/bucket");
	hclw_blank(w);
	hclw_attr(w, "name", arena_printf(e->ar, "local.env.%s_bucket",
	    b->label));
	hclw_attr_str(w, "region", s->region[PROVIDER_SCW]);
	hclw_attr(w, "expiration_days", arena_printf(e->ar,
	    "local.env.%s_expiration", b->label));
	hcl_list_str(&v, b->cors_origins, b->ncors);
	hclw_attr(w, "cors_origins", v.buf);
	hclw_attr(w, "operator_user_id", "var.scw_user_id");
	if (creds_reach(s, b))
		hclw_attr(w, "application_ids",
		    "[module.credentials.application_id]");
	if (cdn) {
		hclw_doc(w, "Edge Services serves only objects anyone may "
		    "read.");
		hclw_attr_bool(w, "public_read", true);
	} else
		hclw_attr_bool(w, "public_read", b->public_read);
	hclw_block_close(w);
	sb_release(&v);
}

static void
cdn_module(struct emit *e, struct hclw *w, const struct site *s)
{
	const char	*label = s->cdn->bucket->label;

	hclw_block_open(w, "module", "cdn", NULL);
	hclw_attr_str(w, "source", MODULES "/cdn");
	hclw_blank(w);
	hclw_attr(w, "name", arena_printf(e->ar,
	    "\"${terraform_data.workspace_guard.input}-%s-%s-pipeline\"",
	    s->name, label));
	hclw_attr(w, "bucket_name", arena_printf(e->ar,
	    "module.bucket_%s.name", label));
	hclw_attr(w, "bucket_region", arena_printf(e->ar,
	    "module.bucket_%s.region", label));
	if (tf_cdn_domain(s))
		hclw_attr(w, "domain", "local.env.cdn_domain");
	hclw_block_close(w);
}

static void
credentials_module(struct emit *e, struct hclw *w, const struct site *s)
{
	hclw_block_open(w, "module", "credentials", NULL);
	hclw_attr_str(w, "source", MODULES "/credentials");
	hclw_blank(w);
	hclw_attr(w, "name", tf_credentials_name(e, s));
	hclw_attr(w, "project_id", "var.scw_project_id");
	hclw_block_close(w);
}

static void
site_files(struct emit *e, const struct site *s, const char *dir)
{
	struct sbuf	 sb = SBUF_INIT;
	struct hclw	 w;
	struct setting	*set;
	struct bucket	*b;
	size_t		 n;

	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	if (site_has_app(s))
		tf_terraform_block_v(e, &w, PROVIDER_SCW, arena_printf(e->ar,
		    "%s.tfstate", s->state_key), true, TF_REQUIRED_VERSION,
		    TF_APP_SCW_VERSION);
	else
		tf_terraform_block(e, &w, PROVIDER_SCW, arena_printf(e->ar,
		    "%s.tfstate", s->state_key), true);
	emit_hcl(e, &w, arena_printf(e->ar, "%s/versions.tf", dir), &sb,
	    s->name);

	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	provider(e, &w, s->region[PROVIDER_SCW]);
	emit_hcl(e, &w, arena_printf(e->ar, "%s/providers.tf", dir), &sb,
	    s->name);

	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	variables(&w, true);
	emit_hcl(e, &w, arena_printf(e->ar, "%s/variables.tf", dir), &sb,
	    s->name);

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
	tf_scw_app_main(e, &w, s);
	emit_hcl(e, &w, arena_printf(e->ar, "%s/main.tf", dir), &sb, s->name);

	hclw_init(&w, &sb);
	hclw_header(&w, s->input);
	tf_identity_output(&w, s, PROVIDER_SCW);
	tf_bucket_outputs(e, &w, s, PROVIDER_SCW);
	if (s->cdn != NULL) {
		tf_output(&w, "edge_service_domain",
		    "Domain serving the media: the custom domain, or the "
		    "pipeline's endpoint. Known on the first apply.",
		    "module.cdn.domain", false);
		tf_output(&w, "edge_service_endpoint",
		    "The pipeline's own endpoint (<pipeline id>.svc.edge.scw."
		    "cloud).", "module.cdn.endpoint", false);
		if (tf_cdn_domain(s))
			tf_output(&w, "cdn_alias_record",
			    "Record to create at the DNS host of the CDN "
			    "domain; the certificate is issued once it "
			    "resolves.", "module.cdn.alias_record", false);
	}
	if (s->creds != NULL) {
		tf_output(&w, "iam_access_key",
		    "Access key of the site's IAM application.",
		    "module.credentials.access_key", false);
		tf_output(&w, "iam_access_secret",
		    "Secret key of the site's IAM application.",
		    "module.credentials.secret_key", true);
	}
	tf_scw_app_outputs(e, &w, s);
	emit_hcl(e, &w, arena_printf(e->ar, "%s/outputs.tf", dir), &sb,
	    s->name);
}

void
tf_scw_site(struct emit *e, const struct site *s)
{
	site_files(e, s, arena_printf(e->ar, "sites/%s/scw", s->name));
	if (s->nbuckets > 0)
		emit_module(e, PROVIDER_SCW, "bucket");
	if (s->cdn != NULL)
		emit_module(e, PROVIDER_SCW, "cdn");
	if (s->creds != NULL)
		emit_module(e, PROVIDER_SCW, "credentials");
	tf_scw_app_modules(e, s);
}

/* infra/state/scw: the state bucket, private to the operator. */
void
tf_scw_state(struct emit *e)
{
	const struct state_cfg	*st = e->cfg->state[PROVIDER_SCW];
	struct sbuf		 sb = SBUF_INIT;
	struct hclw		 w;

	hclw_init(&w, &sb);
	hclw_header(&w, st->input);
	tf_terraform_block(e, &w, PROVIDER_SCW, NULL, false);
	provider(e, &w, st->region);
	variables(&w, true);
	hclw_doc(&w, "Its own state stays local (terraform.tfstate here): it "
	    "creates the bucket");
	hclw_doc(&w, "every other root keeps its state in.");
	hclw_block_open(&w, "module", "state", NULL);
	hclw_attr_str(&w, "source", "../../modules/scw/state");
	hclw_blank(&w);
	hclw_attr_str(&w, "bucket", st->bucket);
	hclw_attr_str(&w, "region", st->region);
	hclw_attr(&w, "operator_user_id", "var.scw_user_id");
	hclw_block_close(&w);
	tf_output(&w, "state_bucket", "Bucket holding every site's state.",
	    "module.state.bucket", false);
	emit_hcl(e, &w, "state/scw/main.tf", &sb, NULL);
	emit_module(e, PROVIDER_SCW, "state");
}

/*
 * infra/shared/scw: the project's Edge Services plan.  Deleting a plan
 * unsubscribes the whole project, so it must not live in any one
 * environment's root.
 */
void
tf_scw_shared(struct emit *e)
{
	const struct state_cfg	*st = e->cfg->state[PROVIDER_SCW];
	const struct site	*s;
	struct sbuf		 sb = SBUF_INIT;
	struct hclw		 w;
	bool			 cdn = false;

	for (s = e->cfg->sites; s != NULL && !cdn; s = s->next)
		cdn = site_has(s, PROVIDER_SCW) && s->cdn != NULL;
	if (!cdn)
		return;
	hclw_init(&w, &sb);
	hclw_header(&w, st->input);
	tf_terraform_block(e, &w, PROVIDER_SCW, SHARED_STATE_KEY, true);
	provider(e, &w, st->region);
	variables(&w, false);
	hclw_doc(&w, "One per project: every pipeline of every site and "
	    "environment uses it.");
	hclw_block_open(&w, "resource", "scaleway_edge_services_plan", "this");
	hclw_attr_str(&w, "name", st->edge_plan);
	hclw_block_open(&w, "lifecycle", NULL, NULL);
	hclw_attr_bool(&w, "prevent_destroy", true);
	hclw_block_close(&w);
	hclw_block_close(&w);
	emit_hcl(e, &w, "shared/scw/main.tf", &sb, NULL);
}
