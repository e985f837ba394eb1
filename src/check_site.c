/* SPDX-License-Identifier: ISC */
/* check_site.c: pass 3: one site, its components, references and limits. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "check.h"
#include "check_int.h"
#include "diag.h"
#include "model.h"
#include "names.h"
#include "parse.h"
#include "sbuf.h"
#include "schema.h"
#include "strmap.h"
#include "suggest.h"

/* ------------------------------------------------------------------ */
/* Pass 3: sites. */

static void
build_providers(struct chk *c, struct site *s, const struct ast *block)
{
	const struct ast	*a = chk_attr(block, "providers"), *item;
	enum provider		 p;

	if (a == NULL) {
		s->providers = 1u << PROVIDER_AWS;
		s->providers_pos = block->labelpos;
		return;
	}
	s->providers_pos = a->pos;
	if (a->child->child == NULL)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "'providers' is empty; use [\"aws\"], [\"scw\"] or both");
	for (item = a->child->child; item != NULL; item = item->next) {
		if ((p = provider_lookup(item->str)) == PROVIDER__MAX) {
			if (strcmp(item->str, "scaleway") == 0)
				diag_add(c->dg, DIAG_ERROR, &item->pos,
				    "unknown provider 'scaleway'; did you mean "
				    "'scw'?");
			else
				diag_add(c->dg, DIAG_ERROR, &item->pos,
				    "unknown provider '%s'; use \"aws\" or "
				    "\"scw\"", item->str);
			continue;
		}
		if (s->providers & (1u << p)) {
			const struct ast *first = a->child->child;

			while (strcmp(first->str, item->str) != 0)
				first = first->next;
			diag_add(c->dg, DIAG_ERROR, &item->pos,
			    "provider '%s' is listed twice", item->str);
			diag_note(c->dg, &first->pos, "first listed here");
		}
		s->providers |= 1u << p;
	}
}

static void
build_region(struct chk *c, struct site *s, const struct ast *block)
{
	const struct ast	*a = chk_attr(block, "region"), *e;
	const struct srcpos	*pos[PROVIDER__MAX];
	const char		*why;
	int			 p;

	for (p = 0; p < PROVIDER__MAX; p++)
		if (site_has(s, (enum provider)p) && c->cfg->state[p] != NULL)
			s->region[p] = c->cfg->state[p]->region;
	if (a == NULL)
		return;
	if (a->child->kind == AST_STRING) {
		if (site_has(s, PROVIDER_AWS) && site_has(s, PROVIDER_SCW)) {
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "site '%s' runs on aws and scw; give the region "
			    "by provider: region = { aws = \"...\", scw = "
			    "\"...\" }", s->name);
			return;
		}
		for (p = 0; p < PROVIDER__MAX; p++) {
			pos[p] = &a->child->pos;
			if (site_has(s, (enum provider)p))
				s->region[p] = a->child->str;
		}
	} else
		for (e = a->child->child; e != NULL; e = e->next) {
			p = provider_lookup(e->name);
			if (p == PROVIDER__MAX ||
			    !site_has(s, (enum provider)p)) {
				diag_add(c->dg, DIAG_ERROR, &e->keypos,
				    "'%s' is not a provider of site '%s'%s",
				    e->name, s->name, strcmp(e->name,
				    "scaleway") == 0 ? "; did you mean 'scw'?" :
				    "");
				continue;
			}
			s->region[p] = e->child->str;
			pos[p] = &e->child->pos;
		}
	for (p = 0; p < PROVIDER__MAX; p++) {
		if (!site_has(s, (enum provider)p) || s->region[p] == NULL)
			continue;
		if (p == PROVIDER_AWS)
			why = name_aws_region_problem(s->region[p]);
		else
			why = name_scw_region_problem(s->region[p]);
		/* A region taken from the state block was checked there. */
		if (why != NULL && (c->cfg->state[p] == NULL ||
		    s->region[p] != c->cfg->state[p]->region))
			diag_add(c->dg, DIAG_ERROR, pos[p],
			    "invalid %s region '%s': %s", provider_names[p],
			    s->region[p], why);
	}
}

/* Adds the keys of the per-environment maps under a block. */
static void
standin_keys(struct chk *c, const struct block_spec *spec,
    const struct ast *block, struct strmap *seen, const struct ast ***v,
    size_t *n)
{
	const struct ast	*x, *e, **grown;
	const struct attr_spec	*a;
	const struct block_spec	*child;

	for (x = block->child; x != NULL; x = x->next) {
		if (x->kind == AST_BLOCK) {
			if ((child = schema_child(spec, x->name)) != NULL)
				standin_keys(c, child, x, seen, v, n);
			continue;
		}
		a = spec->free_attrs ? NULL : schema_attr(spec, x->name);
		if (x->child->kind != AST_MAP ||
		    (!spec->free_attrs && (a == NULL ||
		    !(a->flags & AF_PER_ENV))))
			continue;
		for (e = x->child->child; e != NULL; e = e->next) {
			if (strcmp(e->name, "default") == 0 ||
			    name_env_problem(e->name) != NULL ||
			    strmap_put(seen, e->name, (void *)e) != NULL)
				continue;
			/* A few keys: copying the list each time is cheap. */
			grown = arena_array(c->ar, *n + 1, sizeof(*grown));
			if (*n > 0)
				memcpy(grown, *v, *n * sizeof(*grown));
			grown[(*n)++] = e;
			*v = grown;
		}
	}
}

/*
 * A site whose environments are missing or unreadable is still checked,
 * so that one missing line does not hide every other error: against the
 * environments its per-environment maps name, or one stand-in.  Values
 * that depend on the real list are not reported (see per_env).
 */
static void
standin_envs(struct chk *c, struct site *s, const struct ast *block,
    struct srcpos **envpos)
{
	const struct ast	**keys = NULL;
	struct strmap		 seen;
	size_t			 i, n = 0;

	strmap_init(&seen, c->ar);
	standin_keys(c, schema_child(&schema_file, "site"), block, &seen,
	    &keys, &n);
	c->standin = true;
	s->nenv = n > 0 ? n : 1;
	s->envs = arena_array(c->ar, s->nenv, sizeof(*s->envs));
	*envpos = arena_array(c->ar, s->nenv, sizeof(**envpos));
	for (i = 0; i < n; i++) {
		s->envs[i] = keys[i]->name;
		(*envpos)[i] = keys[i]->keypos;
	}
	if (n == 0) {
		s->envs[0] = "production";
		(*envpos)[0] = block->labelpos;
	}
}

static void
build_envs(struct chk *c, struct site *s, const struct ast *block,
    struct srcpos **envpos)
{
	const struct ast	*a = chk_attr(block, "environments");
	size_t			 i;

	c->standin = false;
	if (a != NULL) {
		s->envs = chk_str_list(c, a->child, &s->nenv, envpos);
		if (!chk_env_list(c, a, s->envs, s->nenv, *envpos))
			standin_envs(c, s, block, envpos);
		return;
	}
	if (c->cfg->envs == NULL) {
		if (!c->envs_unknown && !c->incomplete)
			diag_add(c->dg, DIAG_ERROR, &block->labelpos,
			    "site '%s' has no environments; set 'environments' "
			    "at the top level or in the site", s->name);
		standin_envs(c, s, block, envpos);
		return;
	}
	s->envs = c->cfg->envs;
	s->nenv = c->cfg->nenv;
	*envpos = arena_array(c->ar, s->nenv, sizeof(**envpos));
	for (i = 0; i < s->nenv; i++)
		(*envpos)[i] = c->cfg->env_pos[i];
}

/* Registers a globally unique name; reports a clash with its first use. */
void
chk_claim(struct chk *c, struct strmap *m, const char *key, const char *what,
    const char *shown, const struct site *s, const char *env,
    const struct srcpos *pos)
{
	struct owner	*o = ARENA_NEW(c->ar, struct owner), *prev;

	o->site = s;
	o->env = env;
	o->pos = *pos;
	if ((prev = strmap_put(m, key, o)) == NULL)
		return;
	/* One error per clashing name, not one per pair of environments. */
	if (prev->reported)
		return;
	prev->reported = true;
	if (prev->site == NULL) {
		diag_add(c->dg, DIAG_ERROR, pos,
		    "%s '%s' (site '%s', environment '%s') is the name of a "
		    "state bucket", what, shown, s->name, env);
		diag_note(c->dg, &prev->pos, "the state bucket is declared "
		    "here");
		return;
	}
	if (prev->site == s && strcmp(prev->env, env) != 0)
		diag_add(c->dg, DIAG_ERROR, pos,
		    "%s '%s' is the same in environments '%s' and '%s' of site "
		    "'%s'; add ${env} to it", what, shown, prev->env, env,
		    s->name);
	else if (prev->site == s)
		diag_add(c->dg, DIAG_ERROR, pos,
		    "%s '%s' is used twice in environment '%s' of site '%s'",
		    what, shown, env, s->name);
	else
		diag_add(c->dg, DIAG_ERROR, pos,
		    "%s '%s' (site '%s', environment '%s') is also used by "
		    "site '%s'", what, shown, s->name, env, prev->site->name);
	if (prev->pos.off != pos->off || prev->pos.file != pos->file)
		diag_note(c->dg, &prev->pos, "first used here");
}

static void
build_bucket(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct bucket ***tail)
{
	struct bucket		*bk;
	const struct ast	*a;
	const char		*why;
	char			*dashed;
	size_t			 i;
	int			 p;
	bool			 bad_label = false;

	/* Still built: its references and its cdn must not fail too. */
	if ((why = name_label_problem(b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "invalid bucket label '%s': %s", b->label, why);
		bad_label = true;
	}
	if ((bk = site_bucket(s, b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "duplicate bucket '%s' in site '%s'", b->label, s->name);
		diag_note(c->dg, &bk->pos, "first defined here");
		return;
	}
	bk = ARENA_NEW(c->ar, struct bucket);
	bk->label = b->label;
	bk->pos = b->labelpos;
	bk->index = (unsigned)s->nbuckets;
	if ((a = chk_attr(b, "name")) != NULL)
		chk_env_strings(c, s, envpos, a, name_bucket_problem,
		    "bucket name", &bk->name);
	else {
		bk->name.v = arena_array(c->ar, s->nenv, sizeof(char *));
		bk->name.pos = b->labelpos;
		/* Labels may hold '_', bucket names may not. */
		dashed = arena_strdup(c->ar, b->label);
		for (i = 0; dashed[i] != '\0'; i++)
			if (dashed[i] == '_')
				dashed[i] = '-';
		for (i = 0; i < s->nenv; i++) {
			bk->name.v[i] = arena_printf(c->ar, "%s-%s-%s",
			    s->envs[i], s->name, dashed);
			if (!bad_label && (why = name_bucket_problem(
			    bk->name.v[i])) != NULL) {
				diag_add(c->dg, DIAG_ERROR, &b->labelpos,
				    "bucket name '%s' for environment '%s' is "
				    "invalid: %s; set 'name'", bk->name.v[i],
				    s->envs[i], why);
				break;
			}
		}
	}
	if ((a = chk_attr(b, "expiration")) != NULL)
		chk_env_numbers(c, s, envpos, a, 0, MAX_EXPIRATION,
		    &bk->expiration);
	else
		bk->expiration.v = arena_array(c->ar, s->nenv,
		    sizeof(int64_t));
	if ((a = chk_attr(b, "noncurrent_expiration")) != NULL)
		chk_env_numbers(c, s, envpos, a, 0, MAX_EXPIRATION,
		    &bk->noncurrent);
	else {
		bk->noncurrent.v = arena_array(c->ar, s->nenv,
		    sizeof(int64_t));
		for (i = 0; i < s->nenv; i++)
			bk->noncurrent.v[i] = DEFAULT_NONCURRENT_EXPIRATION;
	}
	/* public_read = true says it on purpose: no warning. */
	bk->public_read = chk_bool(b, "public_read", &bk->public_pos);
	if ((a = chk_attr(b, "cors_origins")) != NULL) {
		struct srcpos *opos;

		bk->cors_origins = chk_str_list(c, a->child, &bk->ncors,
		    &opos);
		for (i = 0; i < bk->ncors; i++)
			if ((why = name_origin_problem(bk->cors_origins[i])) !=
			    NULL)
				diag_add(c->dg, DIAG_ERROR, &opos[i],
				    "invalid CORS origin '%s': %s",
				    bk->cors_origins[i], why);
	}
	else {
		bk->cors_origins = arena_array(c->ar, 2, sizeof(char *));
		bk->cors_origins[0] = "*";
		bk->ncors = 1;
	}
	/* S3 and Scaleway Object Storage are separate name spaces. */
	for (p = 0; p < PROVIDER__MAX; p++)
		for (i = 0; site_has(s, (enum provider)p) &&
		    bk->name.v != NULL && i < s->nenv; i++)
			if (bk->name.v[i] != NULL)
				chk_claim(c, &c->bucket_names, arena_printf(c->ar,
				    "%s:%s", provider_names[p], bk->name.v[i]),
				    "bucket name", bk->name.v[i], s, s->envs[i],
				    bk->name.vpos != NULL ?
				    &bk->name.vpos[i] : &bk->name.pos);
	**tail = bk;
	*tail = &bk->next;
	s->nbuckets++;
}

/* A bucket label that names no bucket of the site, with a suggestion. */
void
chk_no_bucket(struct chk *c, const struct site *s, const char *label,
    const struct srcpos *pos)
{
	struct suggest	 sg;
	struct bucket	*bk;
	const char	*best;

	suggest_init(&sg, label);
	for (bk = s->buckets; bk != NULL; bk = bk->next)
		suggest_add(&sg, bk->label);
	if ((best = suggest_best(&sg)) != NULL)
		diag_add(c->dg, DIAG_ERROR, pos, "site '%s' has no bucket '%s'; "
		    "did you mean '%s'?", s->name, label, best);
	else
		diag_add(c->dg, DIAG_ERROR, pos, "site '%s' has no bucket '%s'",
		    s->name, label);
}

static const char *const price_classes[] = {
	"PriceClass_100", "PriceClass_200", "PriceClass_All", NULL,
};

static const char *
price_class_problem(const char *v)
{
	size_t	i;

	for (i = 0; price_classes[i] != NULL; i++)
		if (strcmp(v, price_classes[i]) == 0)
			return NULL;
	return "use \"PriceClass_100\", \"PriceClass_200\" or "
	    "\"PriceClass_All\"";
}

/* The declared domain a CDN domain lives in: the longest suffix. */
struct domain *
chk_zone_of(const struct config *cfg, const char *name)
{
	struct domain	*d, *best = NULL;

	for (d = cfg->domains; d != NULL; d = d->next)
		if (name_in_zone(name, d->name) &&
		    (best == NULL || strlen(d->name) > strlen(best->name)))
			best = d;
	return best;
}

static void
build_cdn(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b)
{
	struct cdn		*cdn = ARENA_NEW(c->ar, struct cdn);
	const struct ast	*a;
	size_t			 i;

	cdn->pos = b->keypos;
	if ((a = chk_attr(b, "bucket")) != NULL) {
		if ((cdn->bucket = site_bucket(s, a->child->str)) == NULL)
			chk_no_bucket(c, s, a->child->str, &a->child->pos);
	} else if (s->nbuckets == 1)
		cdn->bucket = s->buckets;
	else if (s->nbuckets == 0)
		diag_add(c->dg, DIAG_ERROR, &b->keypos,
		    "cdn of site '%s' needs a bucket to serve; declare one "
		    "with bucket \"media\" {}", s->name);
	else
		diag_add(c->dg, DIAG_ERROR, &b->keypos,
		    "site '%s' has %zu buckets; say which one the cdn serves "
		    "with bucket = \"...\"", s->name, s->nbuckets);
	cdn->serve_static = chk_bool(b, "static", &cdn->static_pos);
	cdn->scw_public = chk_bool(b, "scw_public_objects",
	    &cdn->scw_public_pos);
	if (cdn->serve_static && s->app_domain.v == NULL)
		diag_add(c->dg, DIAG_ERROR, &cdn->static_pos,
		    "static = true proxies to the application, but site '%s' "
		    "has no app_domain", s->name);
	cdn->zone = arena_array(c->ar, s->nenv, sizeof(*cdn->zone));
	if ((a = chk_attr(b, "domain")) != NULL &&
	    chk_env_strings(c, s, envpos, a, name_dns_problem, "cdn domain",
	    &cdn->domain)) {
		for (i = 0; i < s->nenv; i++) {
			cdn->zone[i] = chk_zone_of(c->cfg, cdn->domain.v[i]);
			chk_claim(c, &c->cdn_domains, cdn->domain.v[i],
			    "cdn domain", cdn->domain.v[i], s, s->envs[i],
			    &cdn->domain.vpos[i]);
		}
	}
	if ((a = chk_attr(b, "price_class")) != NULL)
		chk_env_strings(c, s, envpos, a, price_class_problem,
		    "price class", &cdn->price_class);
	else {
		cdn->price_class.v = arena_array(c->ar, s->nenv,
		    sizeof(char *));
		cdn->price_class.pos = b->keypos;
		for (i = 0; i < s->nenv; i++)
			cdn->price_class.v[i] = "PriceClass_100";
	}
	if ((a = chk_attr(b, "cache")) != NULL) {
		cdn->cache_pos = a->child->pos;
		if (strcmp(a->child->str, "legacy") == 0)
			cdn->legacy_cache = true;
		else if (strcmp(a->child->str, "managed") != 0)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "unknown cache '%s'; use \"managed\" or "
			    "\"legacy\"", a->child->str);
		if (cdn->legacy_cache && !cdn->serve_static)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "cache = \"legacy\" sets what the paths proxied to "
			    "the application forward; it needs static = true");
	}
	s->cdn = cdn;
}

static void
build_credentials(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b)
{
	struct credentials	*cr = ARENA_NEW(c->ar, struct credentials);
	const struct ast	*a, *item;
	struct bucket		*bk;
	size_t			 i;

	cr->pos = b->keypos;
	if ((a = chk_attr(b, "name")) != NULL)
		chk_env_strings(c, s, envpos, a, name_iam_problem, "IAM name",
		    &cr->name);
	if ((a = chk_attr(b, "buckets")) != NULL) {
		for (item = a->child->child; item != NULL; item = item->next)
			cr->nbuckets++;
		cr->buckets = arena_array(c->ar, cr->nbuckets + 1,
		    sizeof(*cr->buckets));
		i = 0;
		for (item = a->child->child; item != NULL; item = item->next) {
			if ((bk = site_bucket(s, item->str)) == NULL) {
				chk_no_bucket(c, s, item->str, &item->pos);
				continue;
			}
			cr->buckets[i++] = bk;
		}
		cr->nbuckets = i;
		if (a->child->child == NULL)
			diag_add(c->dg, DIAG_ERROR, &a->child->pos,
			    "'buckets' is empty: the key would reach nothing");
	} else {
		cr->nbuckets = s->nbuckets;
		cr->buckets = arena_array(c->ar, s->nbuckets + 1,
		    sizeof(*cr->buckets));
		for (i = 0, bk = s->buckets; bk != NULL; bk = bk->next)
			cr->buckets[i++] = bk;
		if (s->nbuckets == 0)
			diag_add(c->dg, DIAG_ERROR, &b->keypos,
			    "credentials of site '%s' would reach no bucket; "
			    "declare one with bucket \"name\" {}", s->name);
	}
	s->creds = cr;
}

/* The references an env variable may use in this site, for suggestions. */
static void
suggest_refs(struct chk *c, struct suggest *sg, const struct site *s)
{
	struct bucket	*bk;

	suggest_add(sg, "cdn.domain");
	suggest_add(sg, "credentials.access_key");
	suggest_add(sg, "credentials.secret_key");
	for (bk = s->buckets; bk != NULL; bk = bk->next) {
		suggest_add(sg, arena_printf(c->ar, "bucket.%s.name",
		    bk->label));
		suggest_add(sg, arena_printf(c->ar, "bucket.%s.region",
		    bk->label));
	}
	chk_app_suggest(c, sg, s);
}

static bool
build_ref(struct chk *c, const struct site *s, const struct ast *v,
    struct envvar *ev)
{
	const char	*r = v->str, *dot, *attr;
	struct suggest	 sg;
	const char	*best;

	if (strcmp(r, "cdn.domain") == 0) {
		ev->ref = REF_CDN_DOMAIN;
		if (s->cdn == NULL) {
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "'%s' needs a cdn block in site '%s'", r, s->name);
			return false;
		}
		return true;
	}
	if (strcmp(r, "credentials.access_key") == 0 ||
	    strcmp(r, "credentials.secret_key") == 0) {
		ev->ref = r[12] == 'a' ? REF_ACCESS_KEY : REF_SECRET_KEY;
		if (s->creds == NULL) {
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "'%s' needs a credentials block in site '%s'", r,
			    s->name);
			return false;
		}
		return true;
	}
	if (strncmp(r, "bucket.", 7) == 0 &&
	    (dot = strchr(r + 7, '.')) != NULL &&
	    strchr(dot + 1, '.') == NULL) {
		attr = dot + 1;
		if (strcmp(attr, "name") == 0 || strcmp(attr, "region") == 0) {
			char *label = arena_strndup(c->ar, r + 7,
			    (size_t)(dot - r - 7));

			ev->ref = attr[0] == 'n' ? REF_BUCKET_NAME :
			    REF_BUCKET_REGION;
			if ((ev->bucket = site_bucket(s, label)) == NULL) {
				chk_no_bucket(c, s, label, &v->pos);
				return false;
			}
			return true;
		}
	}
	switch (chk_app_ref(c, s, v, ev)) {
	case 1:
		return true;
	case -1:
		return false;
	default:
		break;
	}
	/* The environment and the site are interpolations, not references. */
	if (strcmp(r, "env") == 0 || strcmp(r, "site") == 0) {
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "unknown reference '%s'; for the %s's name write "
		    "\"${%s}\"", r, r[0] == 'e' ? "environment" : "site", r);
		return false;
	}
	suggest_init(&sg, r);
	suggest_refs(c, &sg, s);
	if ((best = suggest_best(&sg)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "unknown reference '%s'; did you mean '%s'?", r, best);
	else
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "unknown reference '%s'; use cdn.domain, "
		    "bucket.<name>.name, "
		    "bucket.<name>.region, credentials.access_key or "
		    "credentials.secret_key", r);
	return false;
}

/* Keys that look like secrets should never hold a literal value. */
static bool
looks_secret(const char *key)
{
	static const char *const words[] = { "SECRET", "PASSWORD", "TOKEN",
		"PRIVATE_KEY", NULL };
	size_t			 i;

	for (i = 0; words[i] != NULL; i++)
		if (strstr(key, words[i]) != NULL)
			return true;
	return false;
}

/*
 * In YAML a reference needs its tag: a plain scalar that spells a
 * reference of the site exactly is almost surely a forgotten !ref, which
 * would put the literal text in the env file.
 */
static void
warn_ref_shaped(struct chk *c, const struct site *s, const struct ast *v)
{
	struct suggest	 sg;

	if (v->pos.file == NULL || !parse_is_yaml(v->pos.file->name) ||
	    v->pos.end - v->pos.off != v->len || strchr(v->str, '.') == NULL)
		return;
	suggest_init(&sg, v->str);
	suggest_refs(c, &sg, s);
	/* suggest_best leaves out an exact match; it is the one sought. */
	if (sg.best != NULL && sg.dist == 0)
		diag_add(c->dg, DIAG_WARNING, &v->pos, "'%s' is a plain string "
		    "here, written as it is into the env file; for the "
		    "reference write !ref %s, for the text quote it", v->str,
		    v->str);
}

static void
build_env(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, const struct ast *site_block,
    struct envblock ***tail)
{
	const struct service	*fed = chk_app_fed(s, b->label, site_block);
	struct envblock		*eb, *prev;
	struct envvar		*ev, **vtail;
	const struct ast	*a;
	const char		*why;
	size_t			 i, at;

	if ((why = name_label_problem(b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "invalid env block name '%s': %s", b->label, why);
		return;
	}
	for (prev = s->envblocks; prev != NULL; prev = prev->next)
		if (strcmp(prev->label, b->label) == 0) {
			diag_add(c->dg, DIAG_ERROR, &b->labelpos,
			    "duplicate env block '%s' in site '%s'", b->label,
			    s->name);
			diag_note(c->dg, &prev->pos, "first defined here");
			return;
		}
	eb = ARENA_NEW(c->ar, struct envblock);
	eb->label = b->label;
	eb->pos = b->labelpos;
	vtail = &eb->vars;
	for (a = b->child; a != NULL; a = a->next) {
		ev = ARENA_NEW(c->ar, struct envvar);
		ev->key = a->name;
		ev->pos = a->keypos;
		if ((why = name_envkey_problem(a->name)) != NULL) {
			diag_add(c->dg, DIAG_ERROR, &a->keypos,
			    "invalid env variable name '%s': %s", a->name,
			    why);
			continue;
		}
		if ((why = chk_envkey_refused(a->name)) != NULL) {
			diag_add(c->dg, DIAG_ERROR, &a->keypos, "env variable "
			    "'%s' is refused in an env file: %s", a->name, why);
			continue;
		}
		if (a->child->kind == AST_REF) {
			if (!build_ref(c, s, a->child, ev))
				continue;
		} else {
			if (!chk_env_strings(c, s, envpos, a, NULL, "value",
			    &ev->literal))
				continue;
			for (i = 0; i < s->nenv; i++)
				if ((why = name_envvalue_problem(
				    ev->literal.v[i], &at)) != NULL) {
					diag_add(c->dg, DIAG_ERROR,
					    &ev->literal.vpos[i], "value of '%s' "
					    "for environment '%s' cannot go in "
					    "an env file: %s (the '%c' at "
					    "position %zu)", a->name,
					    s->envs[i], why,
					    ev->literal.v[i][at], at + 1);
					break;
				}
			if (looks_secret(a->name) && a->child->kind ==
			    AST_STRING && a->child->len > 0 && fed != NULL)
				diag_add(c->dg, DIAG_ERROR, &a->child->pos,
				    "'%s' looks like a secret, and env block "
				    "'%s' feeds service '%s': give it as "
				    "secret.<name>, never as a literal", a->name,
				    b->label, fed->label);
			else if (looks_secret(a->name) && a->child->kind ==
			    AST_STRING && a->child->len > 0)
				diag_add(c->dg, DIAG_WARNING, &a->child->pos,
				    "'%s' looks like a secret: env files are "
				    "committed templates; declare a secret "
				    "block and write secret.<name> (AWS), or "
				    "leave it out and add it to the filled env "
				    "file, which is never committed", a->name);
			if (a->child->kind == AST_STRING)
				warn_ref_shaped(c, s, a->child);
		}
		*vtail = ev;
		vtail = &ev->next;
		eb->nvars++;
	}
	**tail = eb;
	*tail = &eb->next;
}

/* Names each environment's IAM identity takes, unique per provider. */
static void
claim_iam(struct chk *c, struct site *s)
{
	size_t	i;
	int	p;

	if (s->creds == NULL)
		return;
	for (p = 0; p < PROVIDER__MAX; p++) {
		if (!site_has(s, (enum provider)p))
			continue;
		for (i = 0; i < s->nenv; i++) {
			const struct envstr *o = &s->creds->name;
			const char *name = o->v != NULL ? o->v[i] :
			    arena_printf(c->ar, "%s-%s", s->envs[i], s->name);

			if (name == NULL)
				continue;
			chk_claim(c, &c->iam_names, arena_printf(c->ar, "%s:%s",
			    provider_names[p], name), "IAM name", name, s,
			    s->envs[i], o->v != NULL ? &o->vpos[i] :
			    &s->creds->pos);
		}
	}
}

/*
 * The state object's name: the site's by default, or another one, as a
 * state adopted under its directory's name needs.  Two sites sharing a
 * key on one provider would share one state.
 */
static void
build_state_key(struct chk *c, struct site *s, const struct ast *b)
{
	const struct ast	*a = chk_attr(b, "state_key");
	const struct srcpos	*pos = a != NULL ? &a->child->pos : &s->pos;
	struct site		*prev;
	const char		*k;
	int			 p;

	s->state_key = s->name;
	if (a != NULL) {
		k = a->child->str;
		if (k[0] == '\0' || k[0] == '/' || k[strlen(k) - 1] == '/' ||
		    strstr(k, "..") != NULL || strstr(k, "//") != NULL ||
		    strspn(k, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789-_./") != strlen(k)) {
			diag_add(c->dg, DIAG_ERROR, pos, "invalid state_key '%s': "
			    "use letters, digits, '-', '_', '.' and inner '/'", k);
			return;
		}
		s->state_key = k;
	}
	for (p = 0; p < PROVIDER__MAX; p++) {
		if (!site_has(s, (enum provider)p))
			continue;
		if (p == PROVIDER_SCW && strcmp(s->state_key, "shared/scw") == 0) {
			diag_add(c->dg, DIAG_ERROR, pos, "state_key 'shared/scw' "
			    "is the state of the project's Edge Services plan");
			continue;
		}
		prev = strmap_put(&c->state_keys, arena_printf(c->ar, "%s:%s",
		    provider_names[p], s->state_key), s);
		if (prev != NULL)
			diag_add(c->dg, DIAG_ERROR, pos, "sites '%s' and '%s' "
			    "would share the state %s.tfstate on %s", prev->name,
			    s->name, s->state_key, provider_names[p]);
	}
}

/* Provider limits: what one provider cannot do with this site. */
static void
check_limits(struct chk *c, const struct site *s)
{
	bool			 aws = site_has(s, PROVIDER_AWS);
	bool			 scw = site_has(s, PROVIDER_SCW);
	const struct bucket	*b;

	/* The Scaleway provider's lifecycle rules have no noncurrent action. */
	for (b = s->buckets; b != NULL; b = b->next) {
		if (!b->noncurrent.set || !scw)
			continue;
		if (!aws)
			diag_add(c->dg, DIAG_ERROR, &b->noncurrent.pos,
			    "noncurrent_expiration is an AWS setting: the "
			    "Scaleway provider cannot expire old versions, and "
			    "site '%s' runs on Scaleway only", s->name);
		else
			diag_add(c->dg, DIAG_WARNING, &b->noncurrent.pos,
			    "noncurrent_expiration applies to AWS only: on "
			    "Scaleway the old versions of bucket '%s' of site "
			    "'%s' are kept", b->label, s->name);
	}
	if (s->cdn == NULL)
		return;
	if (s->cdn->serve_static && scw && !aws)
		diag_add(c->dg, DIAG_ERROR, &s->cdn->static_pos,
		    "static = true: Scaleway Edge Services cannot proxy the "
		    "application's static files; remove it, or add \"aws\" to "
		    "the providers of site '%s'", s->name);
	else if (s->cdn->serve_static && scw)
		diag_add(c->dg, DIAG_WARNING, &s->cdn->static_pos,
		    "static = true applies to AWS only: on Scaleway the static "
		    "files of site '%s' stay on the app domain", s->name);
	if (s->cdn->scw_public && !scw)
		diag_add(c->dg, DIAG_ERROR, &s->cdn->scw_public_pos,
		    "scw_public_objects is a Scaleway setting, and site '%s' "
		    "does not run on Scaleway", s->name);
	/* public_read or scw_public_objects says it on purpose. */
	if (scw && s->cdn->bucket != NULL && !s->cdn->bucket->public_read &&
	    !s->cdn->scw_public)
		diag_add(c->dg, DIAG_WARNING, &s->cdn->pos,
		    "on Scaleway, Edge Services serves only public objects: "
		    "anyone who knows their URL can read the objects of bucket "
		    "'%s' of site '%s'; say scw_public_objects = true in the "
		    "cdn block if that is intended", s->cdn->bucket->label,
		    s->name);
	if (s->cdn->price_class.set && scw && !aws)
		diag_add(c->dg, DIAG_ERROR, &s->cdn->price_class.pos,
		    "price_class is a CloudFront setting, and site '%s' runs "
		    "on Scaleway only", s->name);
}

void
chk_site(struct chk *c, const struct ast *b, const char *input,
    struct site ***tail)
{
	struct site		*s, *prev;
	struct srcpos		*envpos = NULL;
	const struct ast	*n, *a;
	struct bucket		**btail;
	struct envblock		**etail;
	const char		*why;
	unsigned		 before = chk_errors(c);
	int			 p;

	if ((why = name_site_problem(b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "invalid site name '%s': %s", b->label, why);
		return;
	}
	s = ARENA_NEW(c->ar, struct site);
	s->name = b->label;
	s->pos = b->labelpos;
	s->input = input;
	if ((prev = strmap_put(&c->sites, s->name, s)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "duplicate site '%s'", s->name);
		diag_note(c->dg, &prev->pos, "first defined here");
		return;
	}
	build_providers(c, s, b);
	for (p = 0; p < PROVIDER__MAX; p++)
		if (site_has(s, (enum provider)p) && c->cfg->state[p] == NULL &&
		    !c->no_state_reported[p]) {
			c->no_state_reported[p] = true;
			diag_add(c->dg, DIAG_ERROR, &s->providers_pos,
			    "site '%s' runs on %s, but no state \"%s\" block "
			    "says where its Terraform state lives", s->name,
			    provider_names[p], provider_names[p]);
		}
	build_region(c, s, b);
	build_envs(c, s, b, &envpos);
	if (s->nenv == 0)
		return;
	if ((a = chk_attr(b, "app_domain")) != NULL)
		chk_env_strings(c, s, envpos, a, name_dns_problem, "app_domain",
		    &s->app_domain);
	btail = &s->buckets;
	for (n = b->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "bucket") == 0)
			build_bucket(c, s, envpos, n, &btail);
	for (n = b->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "cdn") == 0)
			build_cdn(c, s, envpos, n);
		else if (n->kind == AST_BLOCK &&
		    strcmp(n->name, "credentials") == 0)
			build_credentials(c, s, envpos, n);
	chk_app_components(c, s, envpos, b);
	etail = &s->envblocks;
	for (n = b->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "env") == 0)
			build_env(c, s, envpos, n, b, &etail);
	chk_accounts(c, s, envpos, b);
	chk_app_link(c, s, envpos, b);
	claim_iam(c, s);
	build_state_key(c, s, b);
	if (chk_errors(c) == before)
		check_limits(c, s);
	**tail = s;
	*tail = &s->next;
	c->cfg->nsites++;
	c->cfg->providers |= s->providers;
}

