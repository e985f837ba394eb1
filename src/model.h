/* SPDX-License-Identifier: ISC */
/* model.h: the typed configuration the checker builds and the back-ends read. */
#ifndef MODEL_H
#define MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "src.h"

enum provider {
	PROVIDER_AWS,	/* "aws": hashicorp/aws */
	PROVIDER_SCW,	/* "scw": scaleway/scaleway */
	PROVIDER__MAX
};

/* Short names as written in the language and in paths ("aws", "scw"). */
extern const char *const provider_names[PROVIDER__MAX];
/* Returns the provider named s, or PROVIDER__MAX. */
enum provider	provider_lookup(const char *s);

enum lock_kind {
	LOCK_LOCKFILE,	/* S3-native lock object (use_lockfile) */
	LOCK_DYNAMODB,	/* legacy DynamoDB lock table */
};

enum dns_kind {
	DNS_EXTERNAL,	/* records are outputs, created by the operator */
	DNS_ROUTE53,	/* records are managed in a Route53 hosted zone */
};

/* A string resolved for each environment of its site (v[i] for envs[i]). */
struct envstr {
	const char	**v;
	struct srcpos	 pos;	/* the attribute that set it */
	struct srcpos	*vpos;	/* the value each one came from, if set */
	bool		 set;	/* false: a default */
};

struct envnum {
	int64_t		*v;
	struct srcpos	 pos;
	bool		 set;
};

/* state "<provider>" { bucket, region, lock } */
struct state_cfg {
	enum provider	 provider;
	struct srcpos	 pos;
	const char	*input;		/* input file that declared it */
	const char	*bucket;
	struct srcpos	 bucket_pos;
	const char	*region;
	enum lock_kind	 lock;
	const char	*lock_table;	/* LOCK_DYNAMODB only */
	const char	*kms_key;	/* AWS backend kms_key_id; NULL: SSE-S3 */
	const char	*edge_plan;	/* Scaleway only */
	const char	*profile;	/* AWS shared-config profile, or NULL */
	const char	*role_arn;	/* role the backend assumes, or NULL */
};

/* domain "<name>" { dns } */
struct domain {
	const char	*name;
	struct srcpos	 pos;
	enum dns_kind	 dns;
	const char	*aws_profile;	/* account of the zone; NULL: default */
	struct srcpos	 profile_pos;
	struct domain	*next;
};

/*
 * bucket "<label>" { name, expiration, noncurrent_expiration, public_read,
 * cors_origins }
 */
struct bucket {
	const char	*label;
	struct srcpos	 pos;
	unsigned	 index;		/* declaration order in the site */
	struct envstr	 name;
	struct envnum	 expiration;	/* days; 0: versioned instead */
	struct envnum	 noncurrent;	/* old versions' days; 0: kept */
	bool		 public_read;
	struct srcpos	 public_pos;
	const char	**cors_origins;
	size_t		 ncors;
	struct bucket	*next;
};

/* cdn { bucket, static, domain, price_class, cache } */
struct cdn {
	struct srcpos	 pos;
	struct bucket	*bucket;
	bool		 serve_static;
	struct srcpos	 static_pos;
	struct envstr	 domain;	/* v[i] NULL: no custom domain */
	struct domain	**zone;		/* per env: managing domain or NULL */
	struct envstr	 price_class;
	bool		 scw_public;	/* public on Scaleway, on purpose */
	struct srcpos	 scw_public_pos;
	bool		 legacy_cache;	/* cache = "legacy": the old forwarding */
	struct srcpos	 cache_pos;
};

/* credentials { name, buckets } */
struct credentials {
	struct srcpos	 pos;
	struct envstr	 name;		/* the IAM user's or application's */
	struct bucket	**buckets;	/* the buckets the key may reach */
	size_t		 nbuckets;
};

struct envbool {
	bool		*v;
	struct srcpos	 pos;
	bool		 set;
};

enum nat_mode {
	NAT_NONE,	/* tasks in public subnets, no NAT gateway */
	NAT_SINGLE,	/* one zonal NAT gateway and Elastic IP */
	NAT_REGIONAL,	/* one regional NAT gateway */
	NAT_PER_ZONE,	/* one NAT gateway and Elastic IP per zone */
	NAT__MAX
};

extern const char *const nat_names[NAT__MAX];

/* A list of strings resolved for each environment. */
struct envlist {
	const char	***v;	/* v[i][0..n[i]) */
	size_t		*n;
	struct srcpos	 pos;
	struct srcpos	**vpos;	/* each item's position */
	bool		 set;
};

/* network { cidr, zones, nat, endpoints }; implied by services. */
struct network {
	struct srcpos	 pos;
	bool		 declared;
	struct envstr	 cidr;
	int64_t		 zones;
	enum nat_mode	*nat;		/* per environment */
	struct srcpos	 nat_pos;
	const char	**endpoints;
	size_t		 nendpoints;
	struct envstr	 vpc_id;	/* v NULL: a VPC is created */
	struct envlist	 public_subnets;
	struct envlist	 private_subnets;
};

enum secret_kind {
	SECRET_GENERATED,	/* Terraform writes a random value */
	SECRET_EXTERNAL,	/* the operator writes it */
};

/* secret "<name>" { generate | external, version, recovery_days } */
struct secret {
	const char		*label;
	struct srcpos		 pos;
	enum secret_kind	 kind;
	int64_t			 length;	/* SECRET_GENERATED */
	struct envnum		 version;
	struct envnum		 recovery_days;
	bool			 used;		/* some env references it */
	struct secret		*next;
};

enum db_password {
	DBPW_GENERATED,		/* write-only, rotated by password_version */
	DBPW_RDS_MANAGED,	/* manage_master_user_password */
};

/* database "<name>" { ... } */
struct database {
	const char		*label;
	struct srcpos		 pos;
	struct envstr		 version;
	struct envstr		 class;		/* from size unless set */
	struct envstr		 node_type;	/* Scaleway's, likewise */
	struct envnum		 storage;
	struct envnum		 max_storage;
	const char		*name;
	const char		*user;
	enum db_password	 password;
	struct srcpos		 password_pos;
	struct envnum		 password_version;
	struct envnum		 backups;
	struct envbool		 multi_az;
	struct envbool		 deletion_protection;
	struct envbool		 final_snapshot;
	bool			 iam_auth;
	bool			 url_used;	/* database.<n>.url is referenced */
	struct database		*next;
};

enum email_send {
	SEND_API,	/* the task role may call SES */
	SEND_SMTP,	/* the env gets SMTP host, port, user, password */
};

/* email "<name>" { domain, mail_from, send, smtp_credentials, dmarc } */
struct email {
	const char		*label;
	struct srcpos		 pos;
	struct envstr		 domain;
	struct domain		**zone;		/* per env: managing zone */
	const char		*mail_from;
	enum email_send		 send;
	bool			 smtp_generated;
	const char		*dmarc;
	const char		*region;
	struct email		*next;
};

struct envblock;

enum deploy_mode {
	DEPLOY_TERRAFORM,	/* Terraform owns the task definition */
	DEPLOY_CI,		/* CI rolls out; the service ignores it */
};

/* service "<name>" { image, port, ... } */
struct service {
	const char		*label;
	struct srcpos		 pos;
	const char		*short_name;
	struct envstr		 image;		/* v NULL with a repository */
	const char		*repository;	/* ECR repository, or NULL */
	struct srcpos		 repository_pos;
	struct envstr		 tag;		/* v[i] NULL: the pointer's */
	enum deploy_mode	 deploy;
	int64_t			 port;
	struct envnum		 cpu;
	struct envnum		 memory;
	struct envnum		 count;
	struct envnum		 max_count;
	int64_t			 scale_cpu;
	const char		*health;
	const char		*health_codes;
	struct envstr		 domain;	/* AWS's; v NULL: no domain */
	struct envstr		 scw_domain;	/* Scaleway's: domain unless
						   given per provider */
	struct domain		**zone;		/* per env: managing zone */
	const char		**paths;
	size_t			 npaths;
	struct srcpos		*paths_pos;
	bool			 public;
	const struct envblock	*env;		/* NULL: no environment */
	const char		*env_label;	/* as written, or NULL */
	struct srcpos		 env_pos;
	const char		**command;
	size_t			 ncommand;
	struct bucket		**buckets;
	size_t			 nbuckets;
	struct envbool		 exec;
	struct envbool		 spot;
	const char		*arch;
	struct envnum		 log_retention;
	struct service		*next;
};

/* task "<name>" { service, command, cpu, memory } */
struct task {
	const char		*label;
	struct srcpos		 pos;
	struct service		*service;
	const char		**command;
	size_t			 ncommand;
	struct envnum		 cpu;
	struct envnum		 memory;
	struct task		*next;
};

enum ref_kind {
	REF_NONE,		/* a literal value */
	REF_CDN_DOMAIN,		/* cdn.domain */
	REF_BUCKET_NAME,	/* bucket.<label>.name */
	REF_BUCKET_REGION,	/* bucket.<label>.region */
	REF_ACCESS_KEY,		/* credentials.access_key */
	REF_SECRET_KEY,		/* credentials.secret_key */
	REF_BUCKET_DOMAIN,	/* bucket.<label>.domain_name */
	REF_DB_HOST,		/* database.<n>.host */
	REF_DB_PORT,		/* database.<n>.port */
	REF_DB_NAME,		/* database.<n>.name */
	REF_DB_USER,		/* database.<n>.user */
	REF_DB_ENDPOINT,	/* database.<n>.endpoint */
	REF_DB_PASSWORD,	/* database.<n>.password (secret) */
	REF_DB_URL,		/* database.<n>.url (secret) */
	REF_SECRET,		/* secret.<n> (secret) */
	REF_SERVICE_URL,	/* service.<n>.url */
	REF_EMAIL_HOST,		/* email.<n>.host */
	REF_EMAIL_PORT,		/* email.<n>.port */
	REF_EMAIL_USER,		/* email.<n>.user (secret) */
	REF_EMAIL_PASSWORD,	/* email.<n>.password (secret) */
	REF_EMAIL_DOMAIN,	/* email.<n>.domain */
	REF__MAX
};

/* True for the references a container receives by ARN, never as text. */
bool	ref_is_secret(enum ref_kind);

struct envvar {
	const char	*key;
	struct srcpos	 pos;
	enum ref_kind	 ref;
	struct bucket	*bucket;	/* REF_BUCKET_* */
	struct database	*database;	/* REF_DB_* */
	struct secret	*secret;	/* REF_SECRET */
	struct service	*service;	/* REF_SERVICE_URL */
	struct email	*email;		/* REF_EMAIL_* */
	struct envstr	 literal;	/* REF_NONE */
	struct envvar	*next;
};

/* env "<label>" { KEY = value ... } */
struct envblock {
	const char	*label;
	struct srcpos	 pos;
	bool		 implicit;	/* the default contract */
	struct envvar	*vars;
	size_t		 nvars;
	struct envblock	*next;
};

struct site {
	const char	*name;
	struct srcpos	 pos;
	const char	*input;		/* input file that declared it */
	const char	*state_key;	/* <state_key>.tfstate; default the name */
	unsigned	 providers;	/* bit (1 << enum provider) */
	struct srcpos	 providers_pos;
	const char	*region[PROVIDER__MAX];
	const char	**envs;		/* environments, in promotion order */
	size_t		 nenv;
	struct envstr	 app_domain;	/* v NULL when not set */
	struct envstr	 aws_profile;	/* v NULL: environment credentials */
	struct envstr	 aws_account;	/* v NULL: any account */
	const char	*registry_profile; /* account of its repositories */
	const char	*dns_profile;	/* account of its Route53 zones */
	struct bucket	*buckets;
	size_t		 nbuckets;
	struct cdn	*cdn;
	struct credentials *creds;
	struct envblock	*envblocks;
	struct network	*network;	/* NULL: no app stack */
	struct secret	*secrets;
	struct database	*databases;
	size_t		 ndatabases;
	struct email	*emails;
	struct service	*services;
	size_t		 nservices;
	struct task	*tasks;
	const char	*tls_policy;	/* of the site's load balancer */
	struct site	*next;
};

enum adopt_bootstrap {
	ADOPT_BOOT_MOVED,	/* the old local state is copied: moved */
	ADOPT_BOOT_IMPORT,	/* the old local state is lost: import */
	ADOPT_BOOT_NONE,	/* the bootstrap is left alone */
};

/* adopt "richie-site-factory" { site "<name>" { ... } } */
struct adopt_site {
	struct site		*site;
	struct srcpos		 pos;
	unsigned		 providers;	/* bit (1 << enum provider) */
	bool			 funmooc_names;	/* 2019 addresses: chains */
	bool			 certificate;	/* 2020 ACM certificate */
	bool			 oai_bridge;	/* policy admits OAI and OAC */
	struct adopt_site	*next;
};

struct adopt {
	struct srcpos		 pos;
	const char		*input;
	enum adopt_bootstrap	 bootstrap;
	const char		*kms_key_id;	/* import of the AWS state key */
	bool			 edge_plan_import;
	unsigned		 providers;	/* union of the sites' */
	struct adopt_site	*sites;
};

/* The site's adoption, or NULL. */
const struct adopt_site *adopt_of(const struct adopt *,
		    const struct site *);

struct config {
	const char	**envs;		/* top-level environments */
	size_t		 nenv;
	struct srcpos	 envs_pos;
	struct srcpos	*env_pos;	/* each top-level environment's name */
	struct state_cfg *state[PROVIDER__MAX];
	struct domain	*domains;
	struct site	*sites;
	size_t		 nsites;
	unsigned	 providers;	/* union of the sites' providers */
	/* The inputs as sh words, from the output tree; NULL: not known. */
	const char	*inputs_from_tree;
	struct adopt	*adopt;		/* NULL: nothing to adopt */
};

static inline bool
site_has(const struct site *s, enum provider p)
{
	return (s->providers & (1u << p)) != 0;
}

/* Returns the bucket of the site with that label, or NULL. */
struct bucket	*site_bucket(const struct site *, const char *label);
/* The app-stack components of a site by label, or NULL. */
struct service	*site_service(const struct site *, const char *label);
struct database	*site_database(const struct site *, const char *label);
struct secret	*site_secret(const struct site *, const char *label);
struct email	*site_email(const struct site *, const char *label);

/* True when the site declares any app-stack component. */
static inline bool
site_has_app(const struct site *s)
{
	return s->network != NULL || s->secrets != NULL || s->emails != NULL;
}

#endif
