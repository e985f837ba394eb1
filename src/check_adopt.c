/* SPDX-License-Identifier: ISC */
/* check_adopt.c: the adopt block, checked against the sites it takes over. */
#include <string.h>

#include "arena.h"
#include "check_int.h"
#include "suggest.h"

/* The only layout whose addresses siteinfra knows. */
#define LAYOUT	"richie-site-factory"

static void
no_such_site(struct chk *c, const struct ast *b)
{
	struct suggest		 sg;
	const struct site	*s;
	const char		*best;

	suggest_init(&sg, b->label);
	for (s = c->cfg->sites; s != NULL; s = s->next)
		suggest_add(&sg, s->name);
	if ((best = suggest_best(&sg)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &b->labelpos, "adopt names no site "
		    "'%s'; did you mean '%s'?", b->label, best);
	else
		diag_add(c->dg, DIAG_ERROR, &b->labelpos, "adopt names no site "
		    "'%s'", b->label);
}

/* Which of the site's providers the old states are read on. */
static unsigned
adopt_providers(struct chk *c, const struct site *s, const struct ast *b)
{
	const struct ast	*a = chk_attr(b, "providers"), *item;
	enum provider		 p;
	unsigned		 set = 0;

	if (a == NULL)
		return s->providers;
	if (a->child->child == NULL)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "'providers' is empty: nothing of site '%s' would be "
		    "adopted", s->name);
	for (item = a->child->child; item != NULL; item = item->next) {
		if ((p = provider_lookup(item->str)) == PROVIDER__MAX)
			diag_add(c->dg, DIAG_ERROR, &item->pos,
			    "unknown provider '%s'; use \"aws\" or \"scw\"",
			    item->str);
		else if (!site_has(s, p))
			diag_add(c->dg, DIAG_ERROR, &item->pos,
			    "site '%s' does not run on %s", s->name, item->str);
		else
			set |= 1u << p;
	}
	return set;
}

/* An option about the old AWS states, on a site that adopts none. */
static void
aws_only(struct chk *c, const struct adopt_site *as, const struct ast *b,
    const char *name, bool on)
{
	const struct ast	*a = chk_attr(b, name);

	if (on && !(as->providers & (1u << PROVIDER_AWS)))
		diag_add(c->dg, DIAG_ERROR, &a->keypos, "'%s' is about the "
		    "old AWS states, and site '%s' adopts none", name,
		    as->site->name);
}

/*
 * The old roots always had the media bucket, a CDN and an IAM identity:
 * a site without one of them would destroy the live object it forgets.
 */
static void
adopt_shape(struct chk *c, const struct adopt_site *as, const struct ast *b)
{
	const struct site	*s = as->site;
	const struct ast	*a;

	if (site_bucket(s, "media") == NULL)
		diag_add(c->dg, DIAG_ERROR, &b->labelpos, "site '%s' has no "
		    "bucket \"media\": the richie site factory's media bucket "
		    "moves into module.bucket_media", s->name);
	else if (s->cdn == NULL || s->creds == NULL)
		diag_add(c->dg, DIAG_ERROR, &b->labelpos, "site '%s' needs cdn "
		    "{} and credentials {}: the richie site factory's "
		    "deployment has a CDN and an IAM identity, which the plan "
		    "would otherwise destroy", s->name);
	else if (strcmp(s->cdn->bucket->label, "media") != 0)
		diag_add(c->dg, DIAG_ERROR, &s->cdn->pos, "the cdn of site "
		    "'%s' must serve bucket \"media\", as the distribution it "
		    "adopts does", s->name);
	if (as->certificate && s->cdn != NULL && s->cdn->domain.v == NULL) {
		a = chk_attr(b, "certificate");
		diag_add(c->dg, DIAG_ERROR, &a->keypos, "certificate = true "
		    "moves the old certificate into the cdn's, which needs "
		    "cdn { domain } (the old storage_domain)");
	}
}

static void
build_adopt_site(struct chk *c, struct adopt *ad, const struct ast *b,
    struct adopt_site ***tail)
{
	struct adopt_site	*as, *prev;
	struct site		*s;
	struct srcpos		 pos;

	if ((s = strmap_get(&c->sites, b->label)) == NULL) {
		no_such_site(c, b);
		return;
	}
	for (prev = ad->sites; prev != NULL; prev = prev->next)
		if (prev->site == s) {
			diag_add(c->dg, DIAG_ERROR, &b->labelpos, "site '%s' "
			    "is adopted twice", s->name);
			diag_note(c->dg, &prev->pos, "first adopted here");
			return;
		}
	as = ARENA_NEW(c->ar, struct adopt_site);
	as->site = s;
	as->pos = b->labelpos;
	as->providers = adopt_providers(c, s, b);
	as->funmooc_names = chk_bool(b, "funmooc_names", &pos);
	as->certificate = chk_bool(b, "certificate", &pos);
	as->oai_bridge = chk_bool(b, "oai_bridge", &pos);
	aws_only(c, as, b, "funmooc_names", as->funmooc_names);
	aws_only(c, as, b, "certificate", as->certificate);
	aws_only(c, as, b, "oai_bridge", as->oai_bridge);
	adopt_shape(c, as, b);
	ad->providers |= as->providers;
	**tail = as;
	*tail = &as->next;
}

/* A KMS key id: a UUID, or a multi-Region key's mrk- and 32 hex digits. */
static bool
kms_key_id_ok(const char *v)
{
	size_t	i, n = strlen(v);

	if (strncmp(v, "mrk-", 4) == 0)
		return n == 36 && strspn(v + 4, "0123456789abcdef") == 32;
	if (n != 36)
		return false;
	for (i = 0; i < n; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? v[i] != '-' : strchr("0123456789abcdef", v[i]) ==
		    NULL)
			return false;
	}
	return true;
}

/* How infra/state/<provider> takes over the old bootstrap. */
static void
build_bootstrap(struct chk *c, struct adopt *ad, const struct ast *b)
{
	const struct state_cfg	*aws = c->cfg->state[PROVIDER_AWS];
	const struct ast	*a = chk_attr(b, "bootstrap");
	const struct ast	*k = chk_attr(b, "state_kms_key_id");
	const struct srcpos	*pos = a != NULL ? &a->child->pos : &b->labelpos;
	bool			 on_aws = ad->providers & (1u << PROVIDER_AWS);

	ad->bootstrap = ADOPT_BOOT_MOVED;
	if (a != NULL && strcmp(a->child->str, "import") == 0)
		ad->bootstrap = ADOPT_BOOT_IMPORT;
	else if (a != NULL && strcmp(a->child->str, "none") == 0)
		ad->bootstrap = ADOPT_BOOT_NONE;
	else if (a != NULL && strcmp(a->child->str, "moved") != 0)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos, "unknown bootstrap "
		    "'%s'; use \"moved\", \"import\" or \"none\"",
		    a->child->str);
	if (k != NULL) {
		ad->kms_key_id = k->child->str;
		if (ad->bootstrap != ADOPT_BOOT_IMPORT || !on_aws)
			diag_add(c->dg, DIAG_ERROR, &k->keypos, "'state_kms_key_id' "
			    "is for bootstrap = \"import\" on AWS");
		else if (!kms_key_id_ok(ad->kms_key_id))
			diag_add(c->dg, DIAG_ERROR, &k->child->pos, "invalid "
			    "state_kms_key_id '%s': use the key's id, such as "
			    "1234abcd-12ab-34cd-56ef-1234567890ab", ad->kms_key_id);
	} else if (ad->bootstrap == ADOPT_BOOT_IMPORT && on_aws)
		diag_add(c->dg, DIAG_ERROR, pos, "bootstrap = \"import\" needs "
		    "state_kms_key_id, the id of the state bucket's KMS key "
		    "(KMSMasterKeyID in aws s3api get-bucket-encryption)");
	if (ad->bootstrap == ADOPT_BOOT_NONE || !on_aws || aws == NULL)
		return;
	if (aws->lock != LOCK_DYNAMODB)
		diag_add(c->dg, DIAG_ERROR, pos, "the richie site factory's "
		    "lock table moves into infra/state/aws, which keeps a table "
		    "only with lock = \"dynamodb\" in state \"aws\": without it "
		    "the adopted bootstrap would destroy the table");
	if (aws->kms_key != NULL)
		diag_add(c->dg, DIAG_WARNING, &aws->bucket_pos, "the backends "
		    "encrypt with %s, which the richie site factory's bootstrap "
		    "did not create: every plan fails until infra/state/aws is "
		    "applied; kms_key = \"none\" keeps SSE-S3 meanwhile",
		    aws->kms_key);
}

void
chk_adopt(struct chk *c, const struct ast *b, const char *input)
{
	struct adopt		*ad;
	struct adopt_site	**tail;
	const struct ast	*n;
	struct srcpos		 pos;
	bool			 listed = false;

	if (strcmp(b->label, LAYOUT) != 0) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos, "unknown layout '%s'; "
		    "siteinfra adopts \"richie-site-factory\" deployments only",
		    b->label);
		return;
	}
	if (c->cfg->adopt != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->keypos, "a second adopt block; "
		    "one lists every site to adopt");
		diag_note(c->dg, &c->cfg->adopt->pos, "first declared here");
		return;
	}
	ad = ARENA_NEW(c->ar, struct adopt);
	ad->pos = b->keypos;
	ad->input = input;
	tail = &ad->sites;
	for (n = b->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "site") == 0) {
			build_adopt_site(c, ad, n, &tail);
			listed = true;
		}
	if (!listed)
		diag_add(c->dg, DIAG_ERROR, &b->keypos, "adopt lists no site; "
		    "add site \"<name>\" {} for each site to take over");
	ad->edge_plan_import = chk_attr(b, "edge_plan_import") == NULL ||
	    chk_bool(b, "edge_plan_import", &pos);
	build_bootstrap(c, ad, b);
	c->cfg->adopt = ad;
}
