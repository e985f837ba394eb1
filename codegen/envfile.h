/* SPDX-License-Identifier: ISC */
/* envfile.h: the env contract of a site, shared by env.d and `siteinfra env`. */
#ifndef ENVFILE_H
#define ENVFILE_H

#include <stdbool.h>

#include "model.h"

struct arena;

/* Name of the default contract's block when a site declares none. */
#define ENV_DEFAULT_BLOCK	"django"

/*
 * The env blocks of a site on a provider: its own list, or the default
 * contract (cdn domain and credentials, as the richie site factory names them), or NULL
 * when the site has nothing to put in one.
 */
const struct envblock	*env_blocks(struct arena *, const struct site *,
			    enum provider);
/* True when the block holds references to secrets (@secret: lines). */
bool			 env_has_secret_refs(const struct envblock *);
/* env.d/<site>/<block>.<env>.<provider>.dist */
const char		*env_template_path(struct arena *,
			    const struct site *, const char *block,
			    const char *env, enum provider);

#endif
