/* SPDX-License-Identifier: ISC */
/* tf_scw_app.h: what the Scaleway app-stack emitters (network, service, job, database, secret, email) share. */
#ifndef TF_SCW_APP_H
#define TF_SCW_APP_H

#include <stdbool.h>

#include "emit.h"

#define SCW_APP_MODULES	"../../../modules/scw"
/* The schema the Scaleway app-stack modules were checked against. */
#define TF_APP_SCW_VERSION	"~> 2.81"

/* module "<name>" { source = ".../<module>" }, opened; close it after. */
void	scw_module_open(struct emit *, struct hclw *, const char *name,
	    const char *module);
/* "${terraform_data.workspace_guard.input}-<site>[-<part>]" */
const char *scw_name(struct emit *, const struct site *, const char *part);
/* The expression of a plain reference in a container's environment. */
const char *scw_plain_value(struct emit *, const struct envvar *);
/* The expression of a secret reference's value. */
const char *scw_secret_value(struct emit *, const struct envvar *);
/* True when the env var is a secret on Scaleway (the bucket key too). */
bool	scw_is_secret(const struct envvar *);

void	tf_scw_network_main(struct emit *, struct hclw *, const struct site *);
void	tf_scw_secret_main(struct emit *, struct hclw *, const struct site *);
void	tf_scw_database_main(struct emit *, struct hclw *,
	    const struct site *);
void	tf_scw_email_main(struct emit *, struct hclw *, const struct site *);
void	tf_scw_service_main(struct emit *, struct hclw *, const struct site *);
void	tf_scw_job_main(struct emit *, struct hclw *, const struct site *);

#endif
