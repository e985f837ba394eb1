/* SPDX-License-Identifier: ISC */
/* names_account.c: name rules of AWS accounts, profiles, roles and image registries. */
#include <string.h>

#include "names.h"

static bool
digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool
lower_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || digit(c);
}

/* Shared-config profile names, as the AWS CLI writes them. */
const char *
name_aws_profile_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n == 0)
		return "it is empty";
	if (n > 64)
		return "it is longer than 64 characters";
	for (i = 0; i < n; i++)
		if (!lower_alnum(s[i]) && !(s[i] >= 'A' && s[i] <= 'Z') &&
		    strchr("_.+=,@-", s[i]) == NULL)
			return "use only letters, digits and _.+=,@-";
	return NULL;
}

/* An AWS account id: exactly 12 digits, leading zeros included. */
const char *
name_aws_account_problem(const char *s)
{
	size_t	n = strlen(s), i;

	for (i = 0; i < n; i++)
		if (!digit(s[i]))
			return "an AWS account id is 12 digits, nothing else";
	if (n != 12)
		return "an AWS account id is exactly 12 digits";
	return NULL;
}

/* arn:aws:iam::<account>:role/<path and name>. */
const char *
name_role_arn_problem(const char *s)
{
	static const char	 pre[] = "arn:aws:iam::";
	const char		*p;
	size_t			 i;

	if (strncmp(s, pre, sizeof(pre) - 1) != 0)
		return "a role ARN starts with arn:aws:iam::";
	p = s + sizeof(pre) - 1;
	for (i = 0; i < 12 && digit(p[i]); i++)
		;
	if (i != 12 || p[12] != ':')
		return "the account in a role ARN is 12 digits";
	p += 13;
	if (strncmp(p, "role/", 5) != 0 || p[5] == '\0')
		return "a role ARN is arn:aws:iam::<account>:role/<name>";
	for (p += 5; *p != '\0'; p++)
		if (!lower_alnum(*p) && !(*p >= 'A' && *p <= 'Z') &&
		    strchr("_+=,.@-/", *p) == NULL)
			return "a role name uses letters, digits and _+=,.@-/";
	return NULL;
}

/* ECR: components of [a-z0-9] runs joined by . _ -, separated by '/'. */
const char *
name_ecr_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n < 2 || n > 256)
		return "it must be 2 to 256 characters";
	for (i = 0; i < n; i++) {
		if (lower_alnum(s[i]))
			continue;
		if (strchr("._-/", s[i]) == NULL)
			return "use only lowercase letters, digits, '.', '_', "
			    "'-' and '/'";
		if (i == 0 || i == n - 1 || !lower_alnum(s[i - 1]) ||
		    !lower_alnum(s[i + 1]))
			return "'.', '_', '-' and '/' must stand between "
			    "letters or digits";
	}
	return NULL;
}

/* Image tags: [A-Za-z0-9_][A-Za-z0-9._-]{0,127}. */
const char *
name_image_tag_problem(const char *s)
{
	size_t	n = strlen(s), i;

	if (n == 0 || n > 128)
		return "a tag is 1 to 128 characters";
	if (s[0] == '.' || s[0] == '-')
		return "a tag must not start with '.' or '-'";
	for (i = 0; i < n; i++)
		if (!lower_alnum(s[i]) && !(s[i] >= 'A' && s[i] <= 'Z') &&
		    strchr("._-", s[i]) == NULL)
			return "use only letters, digits, '.', '_' and '-'";
	return NULL;
}
