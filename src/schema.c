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
	{ "profile", VK_STRING, 0,
	    "AWS profile of the state account (default: the environment's "
	    "credentials)" },
	{ "role_arn", VK_STRING, 0,
	    "IAM role the S3 backend assumes in the state account" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec state_block = {
	"state", LABEL_REQUIRED, "provider", true, false, state_attrs, NULL,
	"where Terraform keeps its state for one provider",
};

static const struct attr_spec domain_attrs[] = {
	{ "dns", VK_STRING, 0,
	    "\"external\" (default: records are outputs) or \"route53\"" },
	{ "aws_profile", VK_STRING, 0,
	    "AWS profile of the zone's account (default: the state's "
	    "profile, else the environment's)" },
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
	{ "noncurrent_expiration", VK_NUMBER, AF_PER_ENV,
	    "days before an old version of a versioned object expires "
	    "(default 90; 0: never; AWS)" },
	{ "public_read", VK_BOOL, 0,
	    "objects readable by anyone (default false)" },
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
	{ "scw_public_objects", VK_BOOL, 0,
	    "accept that Edge Services serves the bucket's objects publicly "
	    "(Scaleway)" },
	{ "cache", VK_STRING, 0,
	    "\"managed\" (default) or \"legacy\": the app paths forward "
	    "what the richie site factory's distribution forwarded (AWS only)" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec cdn_block = {
	"cdn", LABEL_NONE, NULL, false, false, cdn_attrs, NULL,
	"CloudFront (AWS) or Edge Services (Scaleway) in front of a bucket",
};

static const struct attr_spec credentials_attrs[] = {
	{ "name", VK_STRING, AF_PER_ENV,
	    "IAM user or application name (default: \"${env}-${site}\")" },
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

static const struct attr_spec network_attrs[] = {
	{ "cidr", VK_STRING, AF_PER_ENV,
	    "IPv4 range of the VPC, /16 to /22 (default \"10.0.0.0/16\")" },
	{ "zones", VK_NUMBER, 0, "availability zones, 2 to 6 (default 2)" },
	{ "nat", VK_STRING, AF_PER_ENV,
	    "\"none\" (default), \"single\", \"regional\" or \"per_zone\"" },
	{ "endpoints", VK_STRLIST, 0,
	    "VPC endpoints (default [\"s3\"], a free gateway endpoint)" },
	{ "vpc_id", VK_STRING, AF_PER_ENV,
	    "an existing VPC to use instead of creating one" },
	{ "public_subnets", VK_STRLIST, AF_PER_ENV,
	    "the existing VPC's public subnets (with vpc_id)" },
	{ "private_subnets", VK_STRLIST, AF_PER_ENV,
	    "the existing VPC's private subnets (with vpc_id)" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec network_block = {
	"network", LABEL_NONE, NULL, false, false, network_attrs, NULL,
	"the VPC of the site's services and databases",
};

static const struct attr_spec service_attrs[] = {
	{ "image", VK_STRING, AF_PER_ENV,
	    "container image reference (a tag; :latest warns)" },
	{ "repository", VK_STRING, 0,
	    "ECR repository in the registry account, instead of image" },
	{ "tag", VK_STRING, AF_PER_ENV,
	    "with repository: the tag to deploy (default: the pointer's)" },
	{ "deploy", VK_STRING, 0,
	    "\"terraform\" (default) or \"ci\": who rolls out new images" },
	{ "port", VK_NUMBER, AF_REQUIRED, "container port, 1 to 65535" },
	{ "cpu", VK_NUMBER, AF_PER_ENV, "Fargate CPU units (default 256)" },
	{ "memory", VK_NUMBER, AF_PER_ENV,
	    "MiB, valid for the cpu (default 512)" },
	{ "count", VK_NUMBER, AF_PER_ENV, "tasks, 0 to 1000 (default 1)" },
	{ "max_count", VK_NUMBER, AF_PER_ENV,
	    "above count: target tracking on CPU (default count)" },
	{ "scale_cpu", VK_NUMBER, 0, "target CPU %, 10 to 95 (default 70)" },
	{ "health", VK_STRING, 0, "health check path (default \"/\")" },
	{ "health_codes", VK_STRING, 0,
	    "healthy HTTP codes (default \"200-399\")" },
	{ "domain", VK_STRING, AF_PER_ENV | AF_PER_PROVIDER_ENV,
	    "HTTPS domain of the service, or a map by provider of them" },
	{ "paths", VK_STRLIST, 0, "path patterns (default [\"/*\"])" },
	{ "public", VK_BOOL, 0, "behind the load balancer (default true)" },
	{ "env", VK_STRING, 0,
	    "env block of the container (default: the one named like it, "
	    "or the only one)" },
	{ "command", VK_STRLIST, 0, "command (default: the image's)" },
	{ "buckets", VK_STRLIST, 0,
	    "buckets the task role may use (default: all of the site's)" },
	{ "exec", VK_BOOL, AF_PER_ENV, "ECS Exec (default false)" },
	{ "spot", VK_BOOL, AF_PER_ENV, "FARGATE_SPOT capacity (default false)" },
	{ "arch", VK_STRING, 0, "\"x86_64\" (default) or \"arm64\"" },
	{ "log_retention", VK_NUMBER, AF_PER_ENV,
	    "days of logs, a CloudWatch value (default 30)" },
	{ "tls_policy", VK_STRING, 0,
	    "ELB TLS policy (default "
	    "\"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09\")" },
	{ "short_name", VK_STRING, 0,
	    "1 to 10 characters for names over AWS's 32" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec service_block = {
	"service", LABEL_REQUIRED, "service", true, false, service_attrs,
	NULL, "a container service (ECS Fargate behind the load balancer)",
};

static const struct attr_spec task_attrs[] = {
	{ "service", VK_STRING, AF_REQUIRED,
	    "the service whose image, env and roles it reuses" },
	{ "command", VK_STRLIST, AF_REQUIRED, "the command to run" },
	{ "cpu", VK_NUMBER, AF_PER_ENV, "Fargate CPU units (default the "
	    "service's)" },
	{ "memory", VK_NUMBER, AF_PER_ENV, "MiB (default the service's)" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec task_block = {
	"task", LABEL_REQUIRED, "task", true, false, task_attrs, NULL,
	"a one-off container run, such as a migration",
};

static const struct attr_spec database_attrs[] = {
	{ "engine", VK_STRING, 0, "\"postgres\" (default, the only one)" },
	{ "version", VK_STRING, AF_PER_ENV, "major version (default \"17\")" },
	{ "size", VK_STRING, AF_PER_ENV,
	    "\"micro\" (default), \"small\", \"medium\" or \"large\"" },
	{ "class", VK_STRING, AF_PER_ENV, "RDS instance class (AWS only)" },
	{ "node_type", VK_STRING, AF_PER_ENV, "node type (Scaleway only)" },
	{ "storage", VK_NUMBER, AF_PER_ENV, "GB, 20 to 65536 (default 20)" },
	{ "max_storage", VK_NUMBER, AF_PER_ENV,
	    "storage autoscaling limit, GB; 0: off (default 100)" },
	{ "name", VK_STRING, 0, "database name (default: the site's)" },
	{ "user", VK_STRING, 0, "master user (default: the name)" },
	{ "password", VK_STRING, 0,
	    "\"generated\" (default, write-only) or \"rds-managed\"" },
	{ "password_version", VK_NUMBER, AF_PER_ENV,
	    "bump to rotate a generated password (default 1)" },
	{ "backups", VK_NUMBER, AF_PER_ENV, "days, 0 to 35 (default 7)" },
	{ "multi_az", VK_BOOL, AF_PER_ENV, "standby in another zone" },
	{ "deletion_protection", VK_BOOL, AF_PER_ENV, "(default true)" },
	{ "final_snapshot", VK_BOOL, AF_PER_ENV, "(default true)" },
	{ "iam_auth", VK_BOOL, 0, "IAM database authentication" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec database_block = {
	"database", LABEL_REQUIRED, "database", true, false, database_attrs,
	NULL, "a PostgreSQL database (RDS), private and encrypted",
};

static const struct attr_spec secret_attrs[] = {
	{ "generate", VK_NUMBER, 0, "length of a generated value, 16 to 4096" },
	{ "external", VK_BOOL, 0, "the operator sets the value" },
	{ "version", VK_NUMBER, AF_PER_ENV, "bump to regenerate (default 1)" },
	{ "recovery_days", VK_NUMBER, AF_PER_ENV,
	    "0 or 7 to 30 (default 7)" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec secret_block = {
	"secret", LABEL_REQUIRED, "secret", true, false, secret_attrs, NULL,
	"a Secrets Manager secret, generated or set by the operator",
};

static const struct attr_spec email_attrs[] = {
	{ "domain", VK_STRING, AF_REQUIRED | AF_PER_ENV, "sending domain" },
	{ "mail_from", VK_STRING, 0, "MAIL FROM subdomain (default \"mail\")" },
	{ "send", VK_STRING, 0, "\"api\" (default) or \"smtp\"" },
	{ "smtp_credentials", VK_STRING, 0,
	    "\"external\" (default) or \"generated\"" },
	{ "dmarc", VK_STRING, 0, "DMARC record to create, if any" },
	{ "region", VK_STRING, 0, "SES region (default: the site's)" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec email_block = {
	"email", LABEL_REQUIRED, "email identity", true, false, email_attrs,
	NULL, "an SES sending identity with DKIM and MAIL FROM",
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
	{ "aws_profile", VK_STRING, AF_PER_ENV,
	    "AWS profile of the environment's account" },
	{ "aws_account", VK_STRING, AF_PER_ENV,
	    "12-digit id of the environment's account (allowed_account_ids)" },
	{ "registry_profile", VK_STRING, 0,
	    "AWS profile of the image repositories' account (default: the "
	    "state's profile)" },
	{ "secrets", VK_NUMBER | VK_STRING, AF_NAME_MAP,
	    "shorthand: { name = <length> | \"external\" }" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec *const site_children[] = {
	&bucket_block, &cdn_block, &credentials_block, &env_block,
	&network_block, &service_block, &task_block, &database_block,
	&secret_block, &email_block, NULL,
};

static const struct block_spec site_block = {
	"site", LABEL_REQUIRED, "site", true, false, site_attrs, site_children,
	"one site: its buckets, CDN, credentials, env files and app stack",
};

static const struct attr_spec adopt_site_attrs[] = {
	{ "providers", VK_STRLIST, 0,
	    "the providers whose old state it adopts (default: the site's)" },
	{ "funmooc_names", VK_BOOL, 0,
	    "its AWS states may hold the 2019 funmooc_* addresses (chains)" },
	{ "certificate", VK_BOOL, 0,
	    "its AWS states hold the 2020 aws_acm_certificate.certificate" },
	{ "oai_bridge", VK_BOOL, 0,
	    "keep the old origin access identity readable during the switch "
	    "to OAC (the bucket policy admits both)" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec adopt_site_block = {
	"site", LABEL_REQUIRED, "site", true, false, adopt_site_attrs, NULL,
	"a site whose live resources the generated roots take over",
};

static const struct attr_spec adopt_attrs[] = {
	{ "bootstrap", VK_STRING, 0,
	    "\"moved\" (default: the old local state is copied), \"import\" "
	    "or \"none\": how infra/state/<provider> takes the state bucket" },
	{ "state_kms_key_id", VK_STRING, 0,
	    "with bootstrap = \"import\": the id of the AWS state bucket's "
	    "KMS key" },
	{ "edge_plan_import", VK_BOOL, 0,
	    "import the Edge Services plan into shared/scw (default true)" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec *const adopt_children[] = {
	&adopt_site_block, NULL,
};

static const struct block_spec adopt_block = {
	"adopt", LABEL_REQUIRED, "deployment layout", false, false,
	adopt_attrs, adopt_children,
	"live resources of an earlier Terraform layout the tree takes over",
};

static const struct attr_spec file_attrs[] = {
	{ "environments", VK_STRLIST, 0,
	    "environments of every site, in promotion order" },
	{ NULL, 0, 0, NULL },
};

static const struct block_spec *const file_children[] = {
	&state_block, &domain_block, &site_block, &adopt_block, NULL,
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
