/* SPDX-License-Identifier: ISC */
/* schema.c: one row per block and attribute; the checker walks these tables. */
#include <string.h>

#include "schema.h"

static const struct attr_spec state_attrs[] = {
	{ "bucket", VK_STRING, AF_REQUIRED,
	    "name of the state bucket (created by infra/state/<provider>)" },
	{ "region", VK_STRING, AF_REQUIRED, "region of the state bucket" },
	{ "lock", VK_STRING, 0,
	    "\"lockfile\" (default, S3-native) or \"dynamodb\" (AWS only)" },
	{ "lock_table", VK_STRING, 0,
	    "DynamoDB lock table name (default: <bucket>-locks)" },
	{ "kms_key", VK_STRING, 0,
	    "AWS KMS key of the state objects: \"alias/NAME\", a key ARN, "
	    "or \"none\" for SSE-S3 (default: \"alias/<bucket>\")" },
	{ "edge_plan", VK_STRING, 0,
	    "Scaleway Edge Services plan of the project (default "
	    "\"professional\")" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec state_block = {
	"state", LABEL_REQUIRED, "provider", true, false, state_attrs, NULL,
	"where Terraform keeps its state for one provider",
};

static const struct attr_spec domain_attrs[] = {
	{ "dns", VK_STRING, 0,
	    "\"external\" (default: records are outputs) or \"route53\"" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec domain_block = {
	"domain", LABEL_REQUIRED, "DNS zone", true, false, domain_attrs, NULL,
	"a DNS zone and who manages its records",
};

static const struct attr_spec bucket_attrs[] = {
	{ "name", VK_STRING, AF_PER_ENV,
	    "bucket name (default: \"${env}-${site}-<label>\")" },
	{ "expiration", VK_NUMBER, AF_PER_ENV,
	    "days before objects expire; 0 or absent: versioned instead" },
	{ "public_read", VK_BOOL, 0,
	    "objects readable by anyone (default false; warns)" },
	{ "cors_origins", VK_STRLIST, 0,
	    "origins allowed to GET objects (default [\"*\"])" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec bucket_block = {
	"bucket", LABEL_REQUIRED, "bucket", true, false, bucket_attrs, NULL,
	"an object storage bucket",
};

static const struct attr_spec cdn_attrs[] = {
	{ "bucket", VK_STRING, 0,
	    "label of the bucket served under /media/* (default: the only one)" },
	{ "static", VK_BOOL, 0,
	    "proxy every other path to app_domain (AWS only)" },
	{ "domain", VK_STRING, AF_PER_ENV,
	    "custom CDN domain, with its certificate" },
	{ "price_class", VK_STRING, AF_PER_ENV,
	    "CloudFront price class (default \"PriceClass_100\")" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec cdn_block = {
	"cdn", LABEL_NONE, NULL, false, false, cdn_attrs, NULL,
	"CloudFront (AWS) or Edge Services (Scaleway) in front of a bucket",
};

static const struct attr_spec credentials_attrs[] = {
	{ "buckets", VK_STRLIST, 0,
	    "labels of the buckets the key may use (default: all of the site's)" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec credentials_block = {
	"credentials", LABEL_NONE, NULL, false, false, credentials_attrs,
	NULL, "an IAM user or application with one access key",
};

static const struct attr_spec env_attrs[] = {
	{ NULL, 0, 0, NULL },
};

static const struct block_spec env_block = {
	"env", LABEL_REQUIRED, "env file", true, true, env_attrs, NULL,
	"a runtime env file: KEY = \"value\" or KEY = reference",
};

static const struct attr_spec site_attrs[] = {
	{ "providers", VK_STRLIST, 0, "[\"aws\"] (default), [\"scw\"] or both" },
	{ "region", VK_STRING, AF_PER_PROVIDER,
	    "region, or a map by provider (default: the state's region)" },
	{ "environments", VK_STRLIST, 0,
	    "this site's environments (default: the top-level list)" },
	{ "app_domain", VK_STRING, AF_PER_ENV,
	    "domain the application is served on" },
	{ "state_key", VK_STRING, 0,
	    "its state is <state_key>.tfstate (default: the site name)" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec *const site_children[] = {
	&bucket_block, &cdn_block, &credentials_block, &env_block, NULL,
};

static const struct block_spec site_block = {
	"site", LABEL_REQUIRED, "site", true, false, site_attrs, site_children,
	"one site: its buckets, CDN, credentials and env files",
};

static const struct attr_spec file_attrs[] = {
	{ "environments", VK_STRLIST, 0,
	    "environments of every site, in promotion order" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec *const file_children[] = {
	&state_block, &domain_block, &site_block, NULL,
};

const struct block_spec schema_file = {
	"file", LABEL_NONE, NULL, false, false, file_attrs, file_children,
	"the top level of an input file",
};

const struct attr_spec *
schema_attr(const struct block_spec *b, const char *name)
{
	const struct attr_spec	*a;

	for (a = b->attrs; a != NULL && a->name != NULL; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

const struct block_spec *
schema_child(const struct block_spec *b, const char *type)
{
	const struct block_spec *const *c;

	for (c = b->children; c != NULL && *c != NULL; c++)
		if (strcmp((*c)->type, type) == 0)
			return *c;
	return NULL;
}
