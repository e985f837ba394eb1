/* SPDX-License-Identifier: ISC */
/* check_int.h: what the checker's passes share (not for other modules). */
#ifndef CHECK_INT_H
#define CHECK_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"
#include "model.h"
#include "strmap.h"

struct block_spec;
struct suggest;

/* Longest expiration accepted, in days (100 years). */
#define MAX_EXPIRATION	36500
/* Old versions of a versioned object live this long unless told. */
#define DEFAULT_NONCURRENT_EXPIRATION	90

struct chk {
	struct arena	*ar;
	struct diag	*dg;
	struct config	*cfg;
	struct strmap	 sites;		/* name -> struct site */
	struct strmap	 bucket_names;	/* name -> struct owner */
	struct strmap	 iam_names;	/* "aws:name" -> struct owner */
	struct strmap	 cdn_domains;	/* domain -> struct owner */
	struct strmap	 state_keys;	/* "aws:key" -> struct site */
	struct strmap	 svc_domains;	/* domain -> struct owner */
	struct strmap	 ses_domains;	/* "region:domain" -> struct owner */
	struct strmap	 eips;		/* AWS region -> struct eip_count */
	struct strmap	 repositories;	/* "profile:region:name" -> service */
	bool		 no_state_reported[PROVIDER__MAX];
	/* Top-level items with a shape error: the later passes skip them. */
	const struct ast **broken;
	size_t		 nbroken, broken_cap;
	/* Some input is missing or unusable: no "missing X" errors. */
	bool		 incomplete;
	/* The environments exist but could not be read: no second error. */
	bool		 envs_unknown;
	/* The current site's environments are stand-ins (see build_envs). */
	bool		 standin;
};

/* Who uses a globally unique name, for "also used by" notes. */
struct owner {
	bool			 reported;	/* a clash was reported */
	const struct site	*site;
	const char		*env;
	struct srcpos		 pos;
};

/* check.c */
unsigned	chk_errors(const struct chk *);
/* Whether pass 1 found a problem in this top-level item. */
bool		chk_broken(const struct chk *, const struct ast *);
void		chk_mark_broken(struct chk *, const struct ast *);

/* check_shape.c: pass 1, every block against the schema. */
void		chk_shape_body(struct chk *, const struct block_spec *,
		    const struct ast *owner, const struct ast *first);

/* check_values.c: attribute values of well-shaped trees. */
const struct ast *chk_attr(const struct ast *block, const char *name);
bool		chk_bool(const struct ast *block, const char *name,
		    struct srcpos *pos);
bool		chk_env_strings(struct chk *, const struct site *,
		    const struct srcpos *envpos, const struct ast *attr,
		    const char *(*check)(const char *), const char *what,
		    struct envstr *out);
bool		chk_env_bools(struct chk *, const struct site *,
		    const struct srcpos *envpos, const struct ast *attr,
		    struct envbool *out);
bool		chk_env_lists(struct chk *, const struct site *,
		    const struct srcpos *envpos, const struct ast *attr,
		    struct envlist *out);
bool		chk_env_numbers(struct chk *, const struct site *,
		    const struct srcpos *envpos, const struct ast *attr,
		    int64_t min, int64_t max, struct envnum *out);
const char	**chk_str_list(struct chk *, const struct ast *list,
		    size_t *n, struct srcpos **pos);
bool		chk_env_list(struct chk *, const struct ast *attr,
		    const char **envs, size_t n, const struct srcpos *pos);
/* Why an env variable is refused (a shell or loader hook), or NULL. */
const char	*chk_envkey_refused(const char *key);

/* check_site.c: pass 3, one site. */
void		chk_site(struct chk *, const struct ast *block,
		    const char *input, struct site ***tail);
void		chk_claim(struct chk *, struct strmap *, const char *key,
		    const char *what, const char *shown, const struct site *,
		    const char *env, const struct srcpos *);
void		chk_no_bucket(struct chk *, const struct site *,
		    const char *label, const struct srcpos *);
struct domain	*chk_zone_of(const struct config *, const char *name);

/* check_adopt.c: pass 4, the adopt block, once the sites are known. */
void		chk_adopt(struct chk *, const struct ast *block,
		    const char *input);

/* check_app.c: the app-stack blocks of one site. */
/* Builds network, secrets, databases, emails and services. */
void		chk_app_components(struct chk *, struct site *,
		    const struct srcpos *envpos, const struct ast *block);
/* A database/secret/service/email reference: 1 built, 0 not one, -1 bad. */
int		chk_app_ref(struct chk *, const struct site *,
		    const struct ast *v, struct envvar *);
void		chk_app_suggest(struct chk *, struct suggest *,
		    const struct site *);
/* The service an env block (by label) feeds, or NULL. */
const struct service *chk_app_fed(const struct site *, const char *label,
		    const struct ast *site_block);
/* After the env blocks: service envs, tasks and the cross rules. */
void		chk_app_link(struct chk *, struct site *,
		    const struct srcpos *envpos, const struct ast *block);
/* check_app_scw.c: the app stack of a site on Scaleway, per attribute. */
void		chk_app_scw(struct chk *, const struct site *,
		    const struct ast *block);
/* Whether the Scaleway table has a row for that attribute. */
bool		chk_app_scw_covers(const char *block, const char *attr);
/* check_registry.c: repository, tag and deploy; true: image is needed. */
bool		chk_service_image(struct chk *, struct site *,
		    const struct srcpos *envpos, const struct ast *block,
		    struct service *);
/* check_account.c: the AWS accounts of a site's environments. */
void		chk_accounts(struct chk *, struct site *,
		    const struct srcpos *envpos, const struct ast *block);
/* "site 'x' has no <what> '<label>'", with the best suggestion. */
void		chk_no_such(struct chk *, const struct site *,
		    const char *what, const char *label, struct suggest *,
		    const struct srcpos *);
/* Fargate's cpu/memory table, for each environment. */
void		chk_fargate(struct chk *, const struct site *,
		    const struct envnum *cpu, const struct envnum *memory);

#endif
