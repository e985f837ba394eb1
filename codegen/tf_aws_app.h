/* SPDX-License-Identifier: ISC */
/* tf_aws_app.h: what the AWS app-stack emitters (network, service, database, secret, email) share. */
#ifndef TF_AWS_APP_H
#define TF_AWS_APP_H

#include <stdbool.h>

#include "emit.h"

#define APP_MODULES	"../../../modules/aws"

/* module "<name>" { source = ".../<module>" }, opened; close it after. */
void	app_module_open(struct emit *, struct hclw *, const char *name,
	    const char *module, bool dns);
/* Closes a module block opened by app_module_open. */
void	app_module_close(struct hclw *);
/* True when an env var of the service's env block reads that component. */
bool	app_env_reads_db(const struct service *, const struct database *);
bool	app_env_reads_email(const struct service *, const struct email *);
/* True when some public service exists: the site has a load balancer. */
bool	app_has_alb(const struct site *);
/* "try(data.aws_route53_zone.app[local.env.<key>].zone_id, null)" */
const char *app_zone_id(struct emit *, const char *key);

void	tf_aws_network_main(struct emit *, struct hclw *, const struct site *);
void	tf_aws_secret_main(struct emit *, struct hclw *, const struct site *);
void	tf_aws_database_main(struct emit *, struct hclw *,
	    const struct site *);
void	tf_aws_email_main(struct emit *, struct hclw *, const struct site *);
void	tf_aws_service_main(struct emit *, struct hclw *, const struct site *);

/* tf_aws_registry.c: repository services and their images. */
bool	tf_registry_used(const struct site *);
/* True when some environment of a repository service names its tag. */
bool	tf_registry_tagged(const struct service *);
/* "/<site>/<env>/<service>/image": the SSM pointer CI writes. */
const char *tf_registry_pointer(struct emit *, const struct site *,
	    const struct service *, const char *env);
/* The expression of the image a service's tasks run. */
const char *tf_registry_image(struct emit *, const struct service *);
/* The pointer and digest data sources of an environment root. */
void	tf_aws_registry_images(struct emit *, struct hclw *,
	    const struct site *);
/* shared/aws/<site>: the repositories and pointers, applied first. */
void	tf_aws_shared(struct emit *, const struct site *);

#endif
