/* SPDX-License-Identifier: ISC */
/* test_names.c: each name rule, with names it must accept and refuse. */
#include <stdio.h>
#include <string.h>

#include "names.h"
#include "unit.h"

#define OK(f, s)	CHECK(f(s) == NULL)
#define BAD(f, s, why)	EQ_STR(f(s), why)

/* A string of n copies of c, for the length limits. */
static const char *
rep(char *buf, char c, size_t n)
{
	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

static void
test_site(void)
{
	char	b[300];

	OK(name_site_problem, "www");
	OK(name_site_problem, "a");
	OK(name_site_problem, "9");
	OK(name_site_problem, "my-site-2");
	OK(name_site_problem, "a--b");
	OK(name_site_problem, rep(b, 'a', 40));
	BAD(name_site_problem, "", "it is empty");
	BAD(name_site_problem, rep(b, 'a', 41),
	    "it is longer than 40 characters");
	BAD(name_site_problem, "My-site",
	    "use only lowercase letters, digits and '-'");
	BAD(name_site_problem, "my_site",
	    "use only lowercase letters, digits and '-'");
	BAD(name_site_problem, "my.site",
	    "use only lowercase letters, digits and '-'");
	BAD(name_site_problem, "caf\xc3\xa9",
	    "use only lowercase letters, digits and '-'");
	BAD(name_site_problem, "-www",
	    "it must start and end with a letter or digit");
	BAD(name_site_problem, "www-",
	    "it must start and end with a letter or digit");
	BAD(name_site_problem, "-",
	    "it must start and end with a letter or digit");
}

static void
test_env(void)
{
	char	b[300];

	OK(name_env_problem, "production");
	OK(name_env_problem, "staging-2");
	OK(name_env_problem, "a");
	OK(name_env_problem, "defaults");
	OK(name_env_problem, rep(b, 'p', 20));
	BAD(name_env_problem, "", "it is empty");
	BAD(name_env_problem, rep(b, 'p', 21),
	    "it is longer than 20 characters");
	BAD(name_env_problem, "2prod", "it must start with a lowercase letter");
	BAD(name_env_problem, "-prod", "it must start with a lowercase letter");
	BAD(name_env_problem, "Prod", "it must start with a lowercase letter");
	BAD(name_env_problem, "pro_d",
	    "use only lowercase letters, digits and '-'");
	BAD(name_env_problem, "proD",
	    "use only lowercase letters, digits and '-'");
	BAD(name_env_problem, "prod-", "it must not end with '-'");
	BAD(name_env_problem, "default",
	    "'default' is Terraform's own workspace and the fallback key of "
	    "per-environment maps");
}

static void
test_label(void)
{
	char	b[300];

	OK(name_label_problem, "assets");
	OK(name_label_problem, "assets_2");
	OK(name_label_problem, "a");
	OK(name_label_problem, "a__");
	OK(name_label_problem, rep(b, 'l', 30));
	BAD(name_label_problem, "", "it is empty");
	BAD(name_label_problem, rep(b, 'l', 31),
	    "it is longer than 30 characters");
	BAD(name_label_problem, "_a", "it must start with a lowercase letter");
	BAD(name_label_problem, "1a", "it must start with a lowercase letter");
	BAD(name_label_problem, "my-bucket",
	    "use only lowercase letters, digits and '_'");
	BAD(name_label_problem, "myBucket",
	    "use only lowercase letters, digits and '_'");
}

static void
test_dns(void)
{
	char	b[300], l63[64], name[300];

	OK(name_dns_problem, "example.org");
	OK(name_dns_problem, "www.example.org");
	OK(name_dns_problem, "a-b.c-d.example");
	OK(name_dns_problem, "xn--caf-dma.fr");
	OK(name_dns_problem, "1.2.3.example");
	rep(l63, 'a', 63);
	strcpy(name, l63);
	strcat(name, ".org");
	OK(name_dns_problem, name);
	/* 4 labels of 63 and the dots: exactly 255 > 253; 3 of 63 + 61. */
	snprintf(name, sizeof(name), "%s.%s.%s.%s", l63, l63, l63,
	    rep(b, 'b', 61));
	OK(name_dns_problem, name);
	CHECK(strlen(name) == 253);
	strcat(name, "b");
	BAD(name_dns_problem, name, "it is longer than 253 characters");
	BAD(name_dns_problem, "", "it is empty");
	BAD(name_dns_problem, "example.org.", "write it without the final '.'");
	BAD(name_dns_problem, ".", "write it without the final '.'");
	BAD(name_dns_problem, ".example.org", "it has an empty label");
	BAD(name_dns_problem, "www..org", "it has an empty label");
	BAD(name_dns_problem, "localhost",
	    "it needs at least two labels (example.org)");
	BAD(name_dns_problem, "Example.org", "write it in lowercase");
	BAD(name_dns_problem, "*.example.org", "wildcards are not supported");
	BAD(name_dns_problem, "www.-example.org",
	    "a label starts or ends with '-'");
	BAD(name_dns_problem, "www.example-.org",
	    "a label starts or ends with '-'");
	BAD(name_dns_problem, "www.org-", "a label starts or ends with '-'");
	BAD(name_dns_problem, "_dmarc.example.org",
	    "use only letters, digits, '-' and '.'");
	BAD(name_dns_problem, "caf\xc3\xa9.fr",
	    "use only letters, digits, '-' and '.'");
	BAD(name_dns_problem, "a b.org",
	    "use only letters, digits, '-' and '.'");
	strcpy(name, l63);
	strcat(name, "a.org");
	BAD(name_dns_problem, name, "a label is longer than 63 characters");
}

/* S3 general purpose bucket naming rules, as AWS lists them. */
static void
test_bucket(void)
{
	const char *const prefix = "it must not start with 'xn--', 'sthree-' "
	    "or 'amzn-s3-demo-'";
	const char *const suffix = "it must not end with '-s3alias', "
	    "'--ol-s3', '--x-s3' or '--table-s3'";
	char	b[300];

	OK(name_bucket_problem, "abc");
	OK(name_bucket_problem, "my-site-assets-2");
	OK(name_bucket_problem, "123");
	OK(name_bucket_problem, "a-b");
	OK(name_bucket_problem, rep(b, 'b', 63));
	/* Near the reserved forms, but not them. */
	OK(name_bucket_problem, "xn-a");
	OK(name_bucket_problem, "axn--b");
	OK(name_bucket_problem, "sthree");
	OK(name_bucket_problem, "s3alias");
	OK(name_bucket_problem, "a-s3aliasx");
	OK(name_bucket_problem, "a-ol-s3");
	BAD(name_bucket_problem, "ab", "it is shorter than 3 characters");
	BAD(name_bucket_problem, "", "it is shorter than 3 characters");
	BAD(name_bucket_problem, rep(b, 'b', 64),
	    "it is longer than 63 characters");
	BAD(name_bucket_problem, "My-bucket",
	    "use only lowercase letters, digits and '-'");
	BAD(name_bucket_problem, "my_bucket",
	    "use only lowercase letters, digits and '-'");
	BAD(name_bucket_problem, "-abc",
	    "it must start and end with a letter or digit");
	BAD(name_bucket_problem, "abc-",
	    "it must start and end with a letter or digit");
	BAD(name_bucket_problem, "abc.",
	    "it must start and end with a letter or digit");
	BAD(name_bucket_problem, "a..b", "it must not contain '..'");
	BAD(name_bucket_problem, "192.168.5.4",
	    "it must not look like an IP address");
	BAD(name_bucket_problem, "1.2.3.4",
	    "it must not look like an IP address");
	/* Dotted but not an address: refused for the dots only. */
	BAD(name_bucket_problem, "1.2.3.4.5",
	    "dots break the TLS certificate of virtual-host access");
	BAD(name_bucket_problem, "1.2.3",
	    "dots break the TLS certificate of virtual-host access");
	BAD(name_bucket_problem, "a.b.c.d",
	    "dots break the TLS certificate of virtual-host access");
	BAD(name_bucket_problem, "assets.example.org",
	    "dots break the TLS certificate of virtual-host access");
	BAD(name_bucket_problem, "xn--abc", prefix);
	BAD(name_bucket_problem, "sthree-abc", prefix);
	BAD(name_bucket_problem, "sthree-configurator", prefix);
	BAD(name_bucket_problem, "amzn-s3-demo-site", prefix);
	OK(name_bucket_problem, "amzn-s3-demo");
	BAD(name_bucket_problem, "data-s3alias", suffix);
	BAD(name_bucket_problem, "a-s3alias", suffix);
	BAD(name_bucket_problem, "data--ol-s3", suffix);
	BAD(name_bucket_problem, "a--ol-s3", suffix);
	BAD(name_bucket_problem, "data--x-s3", suffix);
	BAD(name_bucket_problem, "data--table-s3", suffix);
	OK(name_bucket_problem, "data-x-s3");
}

static void
test_envkey(void)
{
	OK(name_envkey_problem, "PATH");
	OK(name_envkey_problem, "_");
	OK(name_envkey_problem, "_X1");
	OK(name_envkey_problem, "S3_BUCKET_2");
	BAD(name_envkey_problem, "", "it is empty");
	BAD(name_envkey_problem, "1X",
	    "it must start with an uppercase letter or '_'");
	BAD(name_envkey_problem, "path",
	    "it must start with an uppercase letter or '_'");
	BAD(name_envkey_problem, "A-B",
	    "use only uppercase letters, digits and '_'");
	BAD(name_envkey_problem, "Ab",
	    "use only uppercase letters, digits and '_'");
	BAD(name_envkey_problem, "A B",
	    "use only uppercase letters, digits and '_'");
	BAD(name_envkey_problem, "A=B",
	    "use only uppercase letters, digits and '_'");
}

/* name_envvalue_problem also says where: the offset of the first bad byte. */
static void
envvalue(const char *v, const char *want, size_t want_at)
{
	size_t		 at = 999;
	const char	*got = name_envvalue_problem(v, &at);

	if (want == NULL)
		CHECK(got == NULL);
	else {
		EQ_STR(got, want);
		CHECK(at == want_at);
	}
}

static void
test_envvalue(void)
{
	const char *const sh = "docker --env-file takes it as is, sh does not";

	envvalue("", NULL, 0);
	envvalue("abc-XYZ_019", NULL, 0);
	envvalue("https://cdn.example.org/a,b=c+d%20@e", NULL, 0);
	/* sh neither globs nor splits an assignment: these read the same. */
	envvalue("postgres://u@db:5432/app?sslmode=require", NULL, 0);
	envvalue("a#b*c[d]{e}!^", NULL, 0);
	envvalue("caf\xc3\xa9", NULL, 0);
	envvalue("a\nb", "it holds a line break", 1);
	envvalue("a\r", "it holds a line break", 1);
	envvalue("a b", sh, 1);
	envvalue("\"quoted\"", sh, 0);
	envvalue("it's", sh, 2);
	envvalue("$HOME", sh, 0);
	envvalue("a\\b", sh, 1);
	envvalue("a\tb", sh, 1);
	envvalue("~/x", sh, 0);
	envvalue("a;b", sh, 1);
	envvalue("a|b", sh, 1);
	envvalue("`id`", sh, 0);
	envvalue("caf\xc3", "it is not valid UTF-8", 3);
}

static void
test_regions(void)
{
	const char *const aws = "an AWS region looks like \"eu-west-1\"";
	const char *const scw =
	    "Scaleway regions are \"fr-par\", \"nl-ams\" and \"pl-waw\"";

	OK(name_aws_region_problem, "us-east-1");
	OK(name_aws_region_problem, "eu-west-3");
	OK(name_aws_region_problem, "ap-southeast-2");
	OK(name_aws_region_problem, "us-gov-west-1");
	OK(name_aws_region_problem, "eu-central-12");
	BAD(name_aws_region_problem, "", aws);
	BAD(name_aws_region_problem, "eu", aws);
	BAD(name_aws_region_problem, "eu-1", aws);
	BAD(name_aws_region_problem, "eu-west", aws);
	BAD(name_aws_region_problem, "eu-west-", aws);
	BAD(name_aws_region_problem, "eu-west-1a", aws);
	BAD(name_aws_region_problem, "eu-west-1-", aws);
	BAD(name_aws_region_problem, "EU-west-1", aws);
	BAD(name_aws_region_problem, "eu--west-1", aws);
	BAD(name_aws_region_problem, "eu_west_1", aws);
	BAD(name_aws_region_problem, "-eu-west-1", aws);
	BAD(name_aws_region_problem, "fr-par", aws);

	OK(name_scw_region_problem, "fr-par");
	OK(name_scw_region_problem, "nl-ams");
	OK(name_scw_region_problem, "pl-waw");
	BAD(name_scw_region_problem, "", scw);
	BAD(name_scw_region_problem, "fr-par-1", scw);
	BAD(name_scw_region_problem, "FR-PAR", scw);
	BAD(name_scw_region_problem, "eu-west-1", scw);
}

static void
test_in_zone(void)
{
	CHECK(name_in_zone("example.org", "example.org"));
	CHECK(name_in_zone("www.example.org", "example.org"));
	CHECK(name_in_zone("a.b.example.org", "example.org"));
	CHECK(name_in_zone("a.b.example.org", "b.example.org"));
	CHECK(!name_in_zone("badexample.org", "example.org"));
	CHECK(!name_in_zone("example.org", "www.example.org"));
	CHECK(!name_in_zone("example.org", "example.com"));
	CHECK(!name_in_zone("example.org.uk", "example.org"));
	CHECK(!name_in_zone("org", "example.org"));
	CHECK(!name_in_zone("example.org", ""));
}

int
main(void)
{
	test_site();
	test_env();
	test_label();
	test_dns();
	test_bucket();
	test_envkey();
	test_envvalue();
	test_regions();
	test_in_zone();
	return unit_summary();
}
