/* SPDX-License-Identifier: ISC */
/* test_names_app.c: the name rules of the app-stack components, with names they must accept and refuse. */
#include <stdio.h>
#include <string.h>

#include "names.h"
#include "unit.h"

#define OK(f, s)	CHECK(f(s) == NULL)
#define BAD(f, s, why)	EQ_STR(f(s), why)

static void
test_cidr(void)
{
	OK(name_cidr_problem, "10.0.0.0/16");
	OK(name_cidr_problem, "192.168.4.0/22");
	BAD(name_cidr_problem, "10.0.0.0/8", "the prefix must be /16 to /22");
	BAD(name_cidr_problem, "10.0.0.0/24", "the prefix must be /16 to /22");
	BAD(name_cidr_problem, "10.0.1.0/16",
	    "the address has bits set past the prefix");
	BAD(name_cidr_problem, "300.0.0.0/16",
	    "each part of the address is 0 to 255");
	BAD(name_cidr_problem, "10.0.0/16",
	    "write an IPv4 range such as \"10.0.0.0/16\"");
	BAD(name_cidr_problem, "10.0.0.0/16 ",
	    "write an IPv4 range such as \"10.0.0.0/16\"");
	CHECK(name_cidr_docker("172.17.0.0/16"));
	CHECK(name_cidr_docker("172.17.8.0/22"));
	CHECK(!name_cidr_docker("172.16.0.0/16"));
	CHECK(!name_cidr_docker("10.0.0.0/16"));
}

static void
test_image(void)
{
	OK(name_image_problem, "nginx:1.27");
	BAD(name_image_problem, "", "it is empty");
	BAD(name_image_problem, "https://example.org/app",
	    "write a reference such as \"nginx:1.27\", not a URL");
	BAD(name_image_problem, "app 1",
	    "it must not contain blanks or control characters");
	CHECK(name_image_floating("nginx"));
	CHECK(name_image_floating("nginx:latest"));
	CHECK(name_image_floating("registry.example.org:5000/team/app"));
	CHECK(!name_image_floating("registry.example.org:5000/team/app:2"));
	CHECK(!name_image_floating("nginx@sha256:0123"));
	CHECK(!name_image_floating("asanami/botolphs:1.3"));
}

static void
test_matcher(void)
{
	OK(name_matcher_problem, "200");
	OK(name_matcher_problem, "200,302");
	OK(name_matcher_problem, "200-399");
	OK(name_matcher_problem, "200-299,301");
	CHECK(name_matcher_problem("2xx") != NULL);
	CHECK(name_matcher_problem("199") != NULL);
	CHECK(name_matcher_problem("200,") != NULL);
	BAD(name_matcher_problem, "399-200",
	    "a range is low-high, such as \"200-399\"");
}

static void
test_labels(void)
{
	OK(name_service_problem, "web");
	OK(name_service_problem, "api-v2");
	BAD(name_service_problem, "Web",
	    "it must start with a lowercase letter");
	BAD(name_service_problem, "web_1",
	    "use only lowercase letters, digits and '-'");
	BAD(name_service_problem, "web-", "it must not end with '-'");
	OK(name_short_problem, "api");
	BAD(name_short_problem, "abcdefghijk", "use 1 to 10 characters");
	BAD(name_short_problem, "-api",
	    "it must start and end with a letter or digit");
	OK(name_dns_label_problem, "mail");
	BAD(name_dns_label_problem, "mail.x",
	    "use only lowercase letters, digits and '-'");
	OK(name_pg_problem, "botolphs");
	OK(name_pg_problem, "_app");
	BAD(name_pg_problem, "postgres", "RDS reserves that name");
	BAD(name_pg_problem, "3d", "it must start with a lowercase letter or "
	    "'_'");
	BAD(name_pg_problem, "shop-db",
	    "use only lowercase letters, digits and '_'");
}

static void
test_paths(void)
{
	OK(name_http_path_problem, "/");
	OK(name_http_path_problem, "/_health");
	BAD(name_http_path_problem, "health", "it must start with '/'");
	BAD(name_http_path_problem, "/a b",
	    "it must not contain blanks or control characters");
	OK(name_path_pattern_problem, "/api/*");
}

int
main(void)
{
	test_cidr();
	test_image();
	test_matcher();
	test_labels();
	test_paths();
	return unit_summary();
}
