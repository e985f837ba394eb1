/* SPDX-License-Identifier: ISC */
/* names_app.c: name rules of the app-stack components (services, databases, networks). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

static bool
lower_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Service and task labels: part of AWS names joined by '-'. */
const char *
name_service_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n == 0)
		return "it is empty";
	if (n > 30)
		return "it is longer than 30 characters";
	if (!(s[0] >= 'a' && s[0] <= 'z'))
		return "it must start with a lowercase letter";
	for (i = 0; i < n; i++)
		if (!lower_alnum(s[i]) && s[i] != '-')
			return "use only lowercase letters, digits and '-'";
	if (s[n - 1] == '-')
		return "it must not end with '-'";
	return NULL;
}

/* 1 to max lowercase letters, digits and inner '-'. */
static const char *
dashed_problem(const char *s, size_t max, const char *length)
{
	size_t	n = strlen(s), i;

	if (n == 0 || n > max)
		return length;
	for (i = 0; i < n; i++)
		if (!lower_alnum(s[i]) && s[i] != '-')
			return "use only lowercase letters, digits and '-'";
	if (s[0] == '-' || s[n - 1] == '-')
		return "it must start and end with a letter or digit";
	return NULL;
}

/* short_name: what target-group names keep of a long service name. */
const char *
name_short_problem(const char *s)
{
	return dashed_problem(s, 10, "use 1 to 10 characters");
}

/* PostgreSQL identifiers as RDS takes them for db_name and username. */
const char *
name_pg_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n == 0)
		return "it is empty";
	if (n > 63)
		return "it is longer than 63 characters";
	if (!((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return "it must start with a lowercase letter or '_'";
	for (i = 0; i < n; i++)
		if (!lower_alnum(s[i]) && s[i] != '_')
			return "use only lowercase letters, digits and '_'";
	if (strcmp(s, "postgres") == 0 || strcmp(s, "rdsadmin") == 0)
		return "RDS reserves that name";
	return NULL;
}

/* An IPv4 network a.b.c.d/p with p from 16 to 22 (a VPC's range). */
const char *
name_cidr_problem(const char *s)
{
	unsigned	a[4], p;
	char		tail;
	int		i;

	if (sscanf(s, "%3u.%3u.%3u.%3u/%2u%c", &a[0], &a[1], &a[2], &a[3],
	    &p, &tail) != 5 || strspn(s, "0123456789./") != strlen(s))
		return "write an IPv4 range such as \"10.0.0.0/16\"";
	for (i = 0; i < 4; i++)
		if (a[i] > 255)
			return "each part of the address is 0 to 255";
	if (p < 16 || p > 22)
		return "the prefix must be /16 to /22";
	if (((a[0] << 24 | a[1] << 16 | a[2] << 8 | a[3]) &
	    (0xffffffffu >> p)) != 0)
		return "the address has bits set past the prefix";
	return NULL;
}

/* True when an IPv4 range overlaps 172.17.0.0/16 (Docker's bridge). */
bool
name_cidr_docker(const char *s)
{
	unsigned	a, b, p;

	if (sscanf(s, "%u.%u.%*u.%*u/%u", &a, &b, &p) != 3)
		return false;
	/* A /16 or longer prefix overlaps only if it lies inside it. */
	return a == 172 && b == 17;
}

/* A container image reference: no blanks, no scheme. */
const char *
name_image_problem(const char *s)
{
	size_t	i;

	if (*s == '\0')
		return "it is empty";
	if (strstr(s, "://") != NULL)
		return "write a reference such as \"nginx:1.27\", not a URL";
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return "it must not contain blanks or control "
			    "characters";
	return NULL;
}

/* True when an image reference has no tag or digest, or :latest. */
bool
name_image_floating(const char *s)
{
	const char	*slash = strrchr(s, '/'), *last, *colon;

	if (strchr(s, '@') != NULL)
		return false;
	last = slash != NULL ? slash + 1 : s;
	colon = strchr(last, ':');
	return colon == NULL || strcmp(colon, ":latest") == 0;
}

/* A health check path: absolute, no blanks, as ELB takes it. */
const char *
name_http_path_problem(const char *s)
{
	size_t	i;

	if (s[0] != '/')
		return "it must start with '/'";
	if (strlen(s) > 1024)
		return "it is longer than 1024 characters";
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return "it must not contain blanks or control "
			    "characters";
	return NULL;
}

/* A listener rule path pattern: absolute, at most 128 characters. */
const char *
name_path_pattern_problem(const char *s)
{
	if (strlen(s) > 128)
		return "it is longer than 128 characters";
	return name_http_path_problem(s);
}

static const char *
code_end(const char *s, unsigned *code)
{
	char		*end;
	unsigned long	 v;

	if (*s < '0' || *s > '9')
		return NULL;
	v = strtoul(s, &end, 10);
	if (end - s != 3 || v < 200 || v > 599)
		return NULL;
	*code = (unsigned)v;
	return end;
}

/* An ELB matcher: "200", "200,302", "200-399". */
const char *
name_matcher_problem(const char *s)
{
	const char	*p = s;
	unsigned	 lo, hi;

	for (;;) {
		if ((p = code_end(p, &lo)) == NULL)
			return "use HTTP codes 200 to 599 as \"200\", "
			    "\"200,302\" or \"200-399\"";
		if (*p == '-') {
			if ((p = code_end(p + 1, &hi)) == NULL || hi < lo)
				return "a range is low-high, such as "
				    "\"200-399\"";
		}
		if (*p == '\0')
			return NULL;
		if (*p != ',')
			return "use HTTP codes 200 to 599 as \"200\", "
			    "\"200,302\" or \"200-399\"";
		p++;
	}
}

/* One DNS label, such as the MAIL FROM subdomain. */
const char *
name_dns_label_problem(const char *s)
{
	return dashed_problem(s, 63, "use 1 to 63 characters");
}
