/* SPDX-License-Identifier: ISC */
/* emit.h: the back-ends' common ground: one run's output set and helpers. */
#ifndef EMIT_H
#define EMIT_H

#include <stdbool.h>
#include <stdint.h>

#include "hclw.h"
#include "model.h"
#include "sbuf.h"

struct arena;
struct diag;
struct outset;

struct emit {
	struct arena		*ar;
	struct diag		*dg;
	const struct config	*cfg;
	struct outset		*os;
	bool			 failed;	/* a back-end bug was reported */
};

/*
 * Generates the whole tree into os: modules, state and shared roots, one
 * root per site and provider, env.d, README.md.  Returns 0, or -1 after
 * reporting an internal error (a back-end wrote unbalanced HCL or the
 * same path twice).
 */
int	emit_all(struct arena *, struct diag *, const struct config *,
	    struct outset *);

/* Adds a finished file to the set; reports an internal error if needed. */
void	emit_file(struct emit *, const char *path, struct sbuf *,
	    const char *site);
/* Finishes an HCL writer and adds its text as a file. */
void	emit_hcl(struct emit *, struct hclw *, const char *path,
	    struct sbuf *, const char *site);
/* adopt.c: the adopt.tf files of an adopt block, and the OAI bridge. */
void	adopt_emit(struct emit *);
/* The media bucket's readers during the OAI bridge (HCL), or NULL. */
const char *adopt_bridge(const struct emit *, const struct site *);
/* adopt_readme.c: the ordered adoption steps of infra/README.md. */
void	adopt_readme(struct emit *, struct sbuf *);

/* Copies the embedded module templates of one provider and module. */
void	emit_module(struct emit *, enum provider, const char *module);

/* One value of a site, resolved per environment, for the settings map. */
enum setting_kind {
	SET_STRING,
	SET_NUMBER,
	SET_NULL,	/* no value in that environment */
	SET_BOOL,
	SET_HCL,	/* str holds HCL expressions, written as they are */
};

struct setting {
	const char		*key;
	const char		**str;	/* per environment (NULL entry: null) */
	const int64_t		*num;	/* per environment, SET_NUMBER */
	const bool		*b;	/* per environment, SET_BOOL */
	enum setting_kind	 kind;
};

/* Writes the locals block: environments, settings, environment, env. */
void	tf_locals(struct hclw *, const struct site *, const struct setting *,
	    size_t nsettings);
/* A terraform_data whose precondition fails outside the environments. */
void	tf_workspace_guard(struct hclw *, const struct site *);
/* terraform { required_version, required_providers, backend "s3" }. */
void	tf_terraform_block(struct emit *, struct hclw *, enum provider,
	    const char *state_key, bool backend);

/* True when the site's CDN has a custom domain. */
bool	tf_cdn_domain(const struct site *);
/* The credentials module's name: "<env>-<site>", or credentials.name. */
const char *tf_credentials_name(struct emit *, const struct site *);
/* output "name" { description, value, sensitive }. */
void	tf_output(struct hclw *, const char *name, const char *desc,
	    const char *value, bool sensitive);
/* The <label>_bucket_name and <label>_bucket_region outputs. */
void	tf_bucket_outputs(struct emit *, struct hclw *, const struct site *,
	    enum provider);
/* output "siteinfra": which site, environment and provider they are. */
void	tf_identity_output(struct hclw *, const struct site *, enum provider);
/* Name of the Terraform output a reference reads, per provider. */
const char	*tf_output_name(struct arena *, enum provider, enum ref_kind,
		    const struct bucket *);

/* The Terraform and provider versions a root needs. */
void	tf_terraform_block_v(struct emit *, struct hclw *, enum provider,
	    const char *state_key, bool backend, const char *tf_version,
	    const char *provider_version);
/* Name of the output a reference of an env block reads, per provider. */
const char	*tf_ref_output(struct arena *, enum provider,
		    const struct envvar *);
/* Secrets Manager id (and JSON key) of a secret reference. */
const char	*tf_secret_id(struct arena *, const struct site *,
		    const char *env, const struct envvar *);

/* Terraform version constraint and provider sources and versions. */
#define TF_REQUIRED_VERSION	">= 1.10"
/* Write-only arguments and the regional NAT gateway (app stacks). */
#define TF_APP_REQUIRED_VERSION	">= 1.11"
#define TF_APP_AWS_VERSION	"~> 6.24"
extern const char *const tf_provider_source[PROVIDER__MAX];
extern const char *const tf_provider_version[PROVIDER__MAX];
extern const char *const tf_provider_local[PROVIDER__MAX];

/* Back-ends. */
void	tf_aws_site(struct emit *, const struct site *);
void	tf_aws_state(struct emit *);
/* True when the AWS roots reach their accounts through named profiles. */
bool	env_aws_profiles(const struct config *);
/* profile and assume_role of a provider in the state account. */
void	tf_aws_state_account(struct hclw *, const struct state_cfg *);
/* The app-stack part of an AWS root (tf_aws_app.c). */
size_t	tf_aws_app_nsettings(const struct site *);
size_t	tf_aws_app_settings(struct emit *, const struct site *,
	    struct setting *);
void	tf_aws_app_main(struct emit *, struct hclw *, const struct site *);
void	tf_aws_app_outputs(struct emit *, struct hclw *, const struct site *);
void	tf_aws_app_modules(struct emit *, const struct site *);
/* The app-stack part of a Scaleway root (tf_scw_app.c). */
size_t	tf_scw_app_nsettings(const struct site *);
size_t	tf_scw_app_settings(struct emit *, const struct site *,
	    struct setting *);
void	tf_scw_app_main(struct emit *, struct hclw *, const struct site *);
void	tf_scw_app_outputs(struct emit *, struct hclw *, const struct site *);
void	tf_scw_app_modules(struct emit *, const struct site *);
/* { KEY = "literal", ... } per environment: a service's literal env. */
const char	**tf_literal_env(struct emit *, const struct site *,
		    const struct service *);
void	tf_scw_site(struct emit *, const struct site *);
void	tf_scw_state(struct emit *);
void	tf_scw_shared(struct emit *);
void	env_emit(struct emit *);
void	readme_emit(struct emit *);
/* The app-stack steps of a site's README section (readme_app.c). */
void	readme_app_before(struct sbuf *, const struct site *);
void	readme_app_after(struct emit *, struct sbuf *, const struct site *,
	    const char *dir);
/* The steps of a Scaleway app stack (readme_scw_app.c); the first apply
 * goes in steps when readme_scw_app_steps is true. */
bool	readme_scw_app_steps(const struct site *);
void	readme_scw_app_before(struct sbuf *, const struct site *,
	    const char *dir);
void	readme_scw_app_after(struct sbuf *, const struct site *,
	    const char *dir);
/* The image registry, push and pointer steps (readme_registry.c). */
void	readme_registry(struct emit *, struct sbuf *, const struct site *);

#endif
