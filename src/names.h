/* SPDX-License-Identifier: ISC */
/* names.h: validity rules for names that reach the cloud providers. */
#ifndef NAMES_H
#define NAMES_H

#include <stdbool.h>

/* Each returns NULL when the name is valid, or why it is not. */
const char	*name_site_problem(const char *);
const char	*name_env_problem(const char *);
const char	*name_label_problem(const char *);
const char	*name_dns_problem(const char *);
const char	*name_bucket_problem(const char *);
const char	*name_envkey_problem(const char *);
const char	*name_aws_region_problem(const char *);
const char	*name_scw_region_problem(const char *);
const char	*name_dynamodb_problem(const char *);
const char	*name_iam_problem(const char *);
const char	*name_origin_problem(const char *);

/*
 * Env file values: a value docker --env-file and a POSIX shell both read
 * as written when unquoted.  Returns NULL, or the reason and in *at the
 * offset of the first byte that breaks the rule.
 */
const char	*name_envvalue_problem(const char *, size_t *at);

/* App-stack names (names_app.c). */
const char	*name_service_problem(const char *);
const char	*name_short_problem(const char *);
const char	*name_pg_problem(const char *);
const char	*name_cidr_problem(const char *);
bool		 name_cidr_docker(const char *);
const char	*name_image_problem(const char *);
bool		 name_image_floating(const char *);
const char	*name_http_path_problem(const char *);
const char	*name_path_pattern_problem(const char *);
const char	*name_matcher_problem(const char *);
const char	*name_dns_label_problem(const char *);

/* Accounts, profiles, roles and image registries (names_account.c). */
const char	*name_aws_profile_problem(const char *);
const char	*name_aws_account_problem(const char *);
const char	*name_role_arn_problem(const char *);
const char	*name_ecr_problem(const char *);
const char	*name_image_tag_problem(const char *);

/* True when a domain name equals zone or is below it. */
bool		 name_in_zone(const char *domain, const char *zone);

#endif
