/* SPDX-License-Identifier: ISC */
/* names.c: bucket, DNS, environment, env-key and region name rules. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "src.h"

static bool
is_lower_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Site names end up in paths, state keys, bucket and IAM user names. */
const char *
name_site_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n == 0)
		return "it is empty";
	if (n > 40)
		return "it is longer than 40 characters";
	for (i = 0; i < n; i++)
		if (!is_lower_alnum(s[i]) && s[i] != '-')
			return "use only lowercase letters, digits and '-'";
	if (!is_lower_alnum(s[0]) || !is_lower_alnum(s[n - 1]))
		return "it must start and end with a letter or digit";
	return NULL;
}

/* Environments are Terraform workspaces and parts of resource names. */
const char *
name_env_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n == 0)
		return "it is empty";
	if (n > 20)
		return "it is longer than 20 characters";
	if (!(s[0] >= 'a' && s[0] <= 'z'))
		return "it must start with a lowercase letter";
	for (i = 0; i < n; i++)
		if (!is_lower_alnum(s[i]) && s[i] != '-')
			return "use only lowercase letters, digits and '-'";
	if (s[n - 1] == '-')
		return "it must not end with '-'";
	if (strcmp(s, "default") == 0)
		return "'default' is Terraform's own workspace and the fallback "
		    "key of per-environment maps";
	return NULL;
}

/* Labels of buckets and env blocks become file and resource names. */
const char *
name_label_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n == 0)
		return "it is empty";
	if (n > 30)
		return "it is longer than 30 characters";
	if (!(s[0] >= 'a' && s[0] <= 'z'))
		return "it must start with a lowercase letter";
	for (i = 0; i < n; i++)
		if (!is_lower_alnum(s[i]) && s[i] != '_')
			return "use only lowercase letters, digits and '_'";
	return NULL;
}

const char *
name_dns_problem(const char *s)
{
	size_t		 n = strlen(s), i, label = 0, nlabels = 1;
	const char	*start = s;

	if (n == 0)
		return "it is empty";
	if (strstr(s, "://") != NULL || strchr(s, '/') != NULL)
		return "write the domain alone, without a scheme or a path";
	if (n > 253)
		return "it is longer than 253 characters";
	if (s[n - 1] == '.')
		return "write it without the final '.'";
	for (i = 0; i <= n; i++) {
		char c = s[i];

		if (c == '.' || c == '\0') {
			if (label == 0)
				return "it has an empty label";
			if (label > 63)
				return "a label is longer than 63 characters";
			if (start[0] == '-' || s[i - 1] == '-')
				return "a label starts or ends with '-'";
			if (c == '.')
				nlabels++;
			label = 0;
			start = s + i + 1;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			return "write it in lowercase";
		if (c == '*')
			return "wildcards are not supported";
		if (!is_lower_alnum(c) && c != '-')
			return "use only letters, digits, '-' and '.'";
		label++;
	}
	if (nlabels < 2)
		return "it needs at least two labels (example.org)";
	return NULL;
}

static bool
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t	k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

/* S3 general purpose bucket naming rules (also Scaleway's). */
const char *
name_bucket_problem(const char *s)
{
	size_t	n = strlen(s), i, dots = 0, digits = 0;

	if (n < 3)
		return "it is shorter than 3 characters";
	if (n > 63)
		return "it is longer than 63 characters";
	for (i = 0; i < n; i++) {
		if (!is_lower_alnum(s[i]) && s[i] != '-' && s[i] != '.')
			return "use only lowercase letters, digits and '-'";
		if (s[i] == '.')
			dots++;
		else if (isdigit((unsigned char)s[i]))
			digits++;
	}
	if (!is_lower_alnum(s[0]) || !is_lower_alnum(s[n - 1]))
		return "it must start and end with a letter or digit";
	if (strstr(s, "..") != NULL)
		return "it must not contain '..'";
	if (dots == 3 && digits + dots == n)
		return "it must not look like an IP address";
	if (strncmp(s, "xn--", 4) == 0 || strncmp(s, "sthree-", 7) == 0 ||
	    strncmp(s, "amzn-s3-demo-", 13) == 0)
		return "it must not start with 'xn--', 'sthree-' or "
		    "'amzn-s3-demo-'";
	if (ends_with(s, n, "-s3alias") || ends_with(s, n, "--ol-s3") ||
	    ends_with(s, n, "--x-s3") || ends_with(s, n, "--table-s3"))
		return "it must not end with '-s3alias', '--ol-s3', '--x-s3' or "
		    "'--table-s3'";
	if (dots > 0)
		return "dots break the TLS certificate of virtual-host access";
	return NULL;
}

const char *
name_envkey_problem(const char *s)
{
	size_t	i;

	if (s[0] == '\0')
		return "it is empty";
	if (!(s[0] == '_' || (s[0] >= 'A' && s[0] <= 'Z')))
		return "it must start with an uppercase letter or '_'";
	for (i = 1; s[i] != '\0'; i++)
		if (!(s[i] == '_' || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			return "use only uppercase letters, digits and '_'";
	return NULL;
}

/* AWS region codes: us-east-1, eu-west-3, ap-southeast-2, us-gov-west-1. */
const char *
name_aws_region_problem(const char *s)
{
	size_t	i = 0, parts = 0;

	while (s[i] != '\0') {
		size_t start = i;

		while (s[i] >= 'a' && s[i] <= 'z')
			i++;
		if (i == start)
			break;
		parts++;
		if (s[i] != '-')
			return "an AWS region looks like \"eu-west-1\"";
		i++;
	}
	if (parts < 2 || !isdigit((unsigned char)s[i]))
		return "an AWS region looks like \"eu-west-1\"";
	while (isdigit((unsigned char)s[i]))
		i++;
	if (s[i] != '\0')
		return "an AWS region looks like \"eu-west-1\"";
	return NULL;
}

/* Scaleway regions with Object Storage, Edge Services and IAM. */
static const char *const scw_regions[] = { "fr-par", "nl-ams", "pl-waw",
	NULL };

const char *
name_scw_region_problem(const char *s)
{
	size_t	i;

	for (i = 0; scw_regions[i] != NULL; i++)
		if (strcmp(s, scw_regions[i]) == 0)
			return NULL;
	return "Scaleway regions are \"fr-par\", \"nl-ams\" and \"pl-waw\"";
}

bool
name_in_zone(const char *domain, const char *zone)
{
	size_t	n = strlen(domain), z = strlen(zone);

	if (n == z)
		return strcmp(domain, zone) == 0;
	return n > z && domain[n - z - 1] == '.' &&
	    strcmp(domain + n - z, zone) == 0;
}

const char *
name_envvalue_problem(const char *s, size_t *at)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, n = strlen(s), k;

	for (i = 0; i < n; i += k) {
		k = 1;
		*at = i;
		if (u[i] == '\n' || u[i] == '\r')
			return "it holds a line break";
		/*
		 * sh neither splits nor globs an assignment, so only what
		 * quotes, expands, ends or redirects a word differs.
		 */
		if (u[i] < 0x20 || u[i] == 0x7f || strchr(" \"'$`\\;&|<>()~",
		    u[i]) != NULL)
			return "docker --env-file takes it as is, sh does not";
		if (u[i] >= 0x80 && (k = utf8_seqlen(u + i, n - i)) == 0)
			return "it is not valid UTF-8";
	}
	return NULL;
}

/* DynamoDB table names: 3 to 255 of [A-Za-z0-9_.-]. */
const char *
name_dynamodb_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n < 3 || n > 255)
		return "it must be 3 to 255 characters long";
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && strchr("_.-", s[i]) == NULL)
			return "use only letters, digits, '_', '.' and '-'";
	return NULL;
}

/* An IAM user name (AWS's rule, which Scaleway application names meet). */
const char *
name_iam_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n < 1 || n > 64)
		return "it must be 1 to 64 characters long";
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && strchr("+=,.@_-", s[i]) ==
		    NULL)
			return "use only letters, digits and '+=,.@_-'";
	return NULL;
}

/* A CORS origin: "*", or scheme://host[:port] with no path. */
const char *
name_origin_problem(const char *s)
{
	const char	*host, *end, *port;
	char		 buf[256];
	size_t		 n;

	if (strcmp(s, "*") == 0)
		return NULL;
	if (strstr(s, "${") != NULL)
		return "${...} is not available in cors_origins";
	if (strncmp(s, "https://", 8) == 0)
		host = s + 8;
	else if (strncmp(s, "http://localhost", 16) == 0 &&
	    (s[16] == '\0' || s[16] == ':'))
		host = s + 7;
	else if (strncmp(s, "http://", 7) == 0)
		/* Anyone on the network path can script such a page. */
		return "http:// origins are refused (a page served without TLS "
		    "can be altered on the way); use https://, or "
		    "http://localhost for development";
	else
		return "an origin is \"*\" or starts with https://";
	if (strchr(host, '/') != NULL)
		return "an origin has no path, not even a final '/'";
	port = strchr(host, ':');
	end = port != NULL ? port : host + strlen(host);
	n = (size_t)(end - host);
	if (n == 0 || n >= sizeof(buf))
		return "the origin has no valid host";
	memcpy(buf, host, n);
	buf[n] = '\0';
	if (port != NULL && (port[1] == '\0' ||
	    strspn(port + 1, "0123456789") != strlen(port + 1) ||
	    strlen(port + 1) > 5 || atoi(port + 1) > 65535 ||
	    atoi(port + 1) == 0))
		return "the port is not a number from 1 to 65535";
	if (strcmp(buf, "localhost") == 0)
		return NULL;
	/* One wildcard label may come first, as in "*.example.org". */
	if (strncmp(buf, "*.", 2) == 0)
		memmove(buf, buf + 2, n - 1);
	if (name_dns_problem(buf) != NULL)
		return "the host is not a domain name";
	return NULL;
}
