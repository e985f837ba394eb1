/* SPDX-License-Identifier: ISC */
/* adopt_readme.c: the README's ordered steps for adopting a richie site factory. */
#include <string.h>

#include "arena.h"
#include "emit.h"

static bool
adopts(const struct adopt_site *as, enum provider p)
{
	return (as->providers & (1u << p)) != 0;
}

static bool
bridged(const struct adopt *ad)
{
	const struct adopt_site	*as;

	for (as = ad->sites; as != NULL; as = as->next)
		if (as->oai_bridge)
			return true;
	return false;
}

/* Step: the old wrapper goes in the commit that adds this tree. */
static void
retire(struct sbuf *sb)
{
	sb_addstr(sb, "1. **Retire the old wrapper in the same commit** that "
	    "adds this tree: delete\n   the richie site factory's `aws/*.tf`, "
	    "`scw/*.tf`, `bin/terraform` and\n   `bin/state`. Once a workspace "
	    "is adopted, the old `aws/` root plans to\n   create its objects "
	    "again and to destroy the adopted addresses.\n");
}

/* Step: Terraform 0.12 states need a 0.13 hop before any newer Terraform. */
static void
hop(struct emit *e, struct sbuf *sb)
{
	const struct adopt_site	*as;
	size_t			 i;

	sb_addstr(sb, "1. **The Terraform 0.13 state hop** (AWS). The old AWS "
	    "states were last\n   written by Terraform 0.12, which Terraform "
	    "1.x refuses (`Invalid legacy\n   provider address`). With the old "
	    "backend and Terraform 0.13.7, once per\n   state (its "
	    "`terraform_version` starts with `0.12.`):\n\n   ```sh\n");
	for (as = e->cfg->adopt->sites; as != NULL; as = as->next) {
		if (!adopts(as, PROVIDER_AWS))
			continue;
		sb_addf(sb, "   # site %s: key %s.tfstate, data directory "
		    "sites/%s/aws\n", as->site->name, as->site->state_key,
		    as->site->state_key);
		sb_addf(sb, "   old=\"docker run --rm -v $PWD/aws:/app -v "
		    "$PWD/sites/%s/aws:/config -e TF_DATA_DIR=/config -w /app "
		    "--env-file env.d/aws hashicorp/terraform:0.13.7\"\n",
		    as->site->state_key);
		sb_addf(sb, "   $old init -reconfigure "
		    "-backend-config=key=%s.tfstate\n", as->site->state_key);
		for (i = 0; i < as->site->nenv; i++)
			sb_addf(sb, "   $old workspace select %s && $old state "
			    "replace-provider -auto-approve -- -/aws "
			    "hashicorp/aws\n", as->site->envs[i]);
	}
	sb_addstr(sb, "   ```\n\n   These run in the old checkout, before its "
	    "`aws/` root is deleted.\n");
}

static void
bootstrap(struct emit *e, struct sbuf *sb)
{
	const struct adopt	*ad = e->cfg->adopt;
	int			 p;

	for (p = 0; p < PROVIDER__MAX; p++) {
		if (!(ad->providers & (1u << p)))
			continue;
		if (ad->bootstrap == ADOPT_BOOT_MOVED)
			sb_addf(sb, "1. **Adopt the state bootstrap** "
			    "(`state/%s/adopt.tf`, moved blocks): copy\n   the "
			    "old `%s/create_state_bucket/terraform.tfstate` to "
			    "`state/%s/terraform.tfstate`,\n   then run `terraform "
			    "-chdir=state/%s init`, `plan` (nothing to\n   "
			    "destroy) and `apply`.\n", provider_names[p],
			    provider_names[p], provider_names[p],
			    provider_names[p]);
		else if (ad->bootstrap == ADOPT_BOOT_IMPORT)
			sb_addf(sb, "1. **Adopt the state bootstrap** "
			    "(`state/%s/adopt.tf`, import blocks: its\n   local "
			    "state is lost): `terraform -chdir=state/%s init`, "
			    "`plan` (the\n   imports, nothing to destroy) and "
			    "`apply`.\n", provider_names[p], provider_names[p]);
		if (p == PROVIDER_AWS && ad->bootstrap != ADOPT_BOOT_NONE)
			sb_addstr(sb, "   It creates the state key's alias, which "
			    "the backends' `kms_key_id` needs.\n   Keep `lock = "
			    "\"dynamodb\"` with the old table until no old "
			    "wrapper reads\n   the states: every reader compares "
			    "the digest the table holds.\n");
	}
	if ((ad->providers & (1u << PROVIDER_SCW)) && ad->edge_plan_import)
		sb_addstr(sb, "1. **Import the Edge Services plan into "
		    "`shared/scw`** (`shared/scw/adopt.tf`):\n   "
		    "`terraform -chdir=shared/scw init`, `plan`, `apply`, "
		    "before any site root\n   forgets its copy.\n");
}

static void
site_roots(struct emit *e, struct sbuf *sb)
{
	const struct adopt_site	*as;
	int			 p;

	sb_addstr(sb, "1. **The site roots, environment by environment**, "
	    "each with its `adopt.tf`.\n   `--no-create` fails when the "
	    "workspace is missing from the state bucket,\n   which means a "
	    "wrong key or environment:\n\n   ```sh\n");
	for (as = e->cfg->adopt->sites; as != NULL; as = as->next)
		for (p = 0; p < PROVIDER__MAX; p++) {
			if (!adopts(as, (enum provider)p))
				continue;
			sb_addf(sb, "   siteinfra terraform %s ENV --provider %s "
			    "--no-create -- plan -out=adopt.plan\n",
			    as->site->name, provider_names[p]);
			sb_addf(sb, "   terraform -chdir=sites/%s/%s show -json "
			    "adopt.plan | siteinfra adopt check --plan - --root "
			    "sites/%s/%s\n", as->site->name, provider_names[p],
			    as->site->name, provider_names[p]);
		}
	sb_addstr(sb, "   ```\n\n   then `apply` the plan once `adopt check` "
	    "says OK (no destroy, no new\n   bucket, user, key, distribution "
	    "or pipeline, every move done).\n");
	if (bridged(e->cfg->adopt))
		sb_addstr(sb, "   With `oai_bridge`, `/media/*` never returns "
		    "403: the bucket policy admits\n   the old identity and the "
		    "account's distributions, and the distribution\n   waits for "
		    "it (`depends_on`) before it switches to origin access "
		    "control.\n   A targeted apply cannot do that: Terraform "
		    "requires every pending move\n   among the targets, the "
		    "distribution's included. The IAM user may lose\n   its "
		    "bucket access for the seconds between the new bucket policy "
		    "and its\n   inline policy.\n");
	else if (e->cfg->adopt->providers & (1u << PROVIDER_AWS))
		sb_addstr(sb, "   Without `oai_bridge`, a distribution switching "
		    "to origin access control\n   may get 403 on `/media/*` "
		    "cache misses until the bucket policy is applied,\n   "
		    "right after it.\n");
}

void
adopt_readme(struct emit *e, struct sbuf *sb)
{
	const struct adopt	*ad = e->cfg->adopt;

	if (ad == NULL)
		return;
	sb_addstr(sb, "\n## Adopting the richie site factory's deployment\n\n"
	    "The `adopt` block of the inputs lists live objects to take over: "
	    "`compile`\nwrote the `moved`, `removed` and `import` blocks that "
	    "do it into `adopt.tf`\nfiles. In this order:\n\n");
	retire(sb);
	if (ad->providers & (1u << PROVIDER_AWS))
		hop(e, sb);
	bootstrap(e, sb);
	site_roots(e, sb);
	if (bridged(ad))
		sb_addstr(sb, "1. **End the bridge**: once every environment "
		    "is applied, remove `oai_bridge`,\n   compile, and plan, "
		    "check and apply each environment again: the bucket\n   "
		    "policy names the distribution again, and the old "
		    "identity is forgotten.\n");
	if ((ad->providers & (1u << PROVIDER_AWS)) &&
	    e->cfg->state[PROVIDER_AWS]->kms_key == NULL)
		sb_addstr(sb, "1. **Encrypt the states with the state key**: "
		    "once the state bootstrap is\n   applied, `kms_key = "
		    "\"none\"` can go; the next write of each state uses\n"
		    "   the key's alias.\n");
	sb_addstr(sb, "1. **Once every environment is applied**, delete the "
	    "adopt block and compile:\n   the `adopt.tf` files go. The "
	    "forgotten origin access identities and\n   the old per-site "
	    "state buckets stay in AWS until deleted by hand.\n");
}
