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
};

/* domain "<name>" { dns } */
struct domain {
	const char	*name;
	struct srcpos	 pos;
	enum dns_kind	 dns;
	struct domain	*next;
};

/* bucket "<label>" { name, expiration, public_read, cors_origins } */
struct bucket {
	const char	*label;
	struct srcpos	 pos;
	unsigned	 index;		/* declaration order in the site */
	struct envstr	 name;
	struct envnum	 expiration;	/* days; 0: versioned instead */
	bool		 public_read;
	struct srcpos	 public_pos;
	const char	**cors_origins;
	size_t		 ncors;
	struct bucket	*next;
};

/* cdn { bucket, static, domain, price_class } */
struct cdn {
	struct srcpos	 pos;
	struct bucket	*bucket;
	bool		 serve_static;
	struct srcpos	 static_pos;
	struct envstr	 domain;	/* v[i] NULL: no custom domain */
	struct domain	**zone;		/* per env: managing domain or NULL */
	struct envstr	 price_class;
};

/* credentials { buckets } */
struct credentials {
	struct srcpos	 pos;
	struct bucket	**buckets;	/* the buckets the key may reach */
	size_t		 nbuckets;
};

enum ref_kind {
	REF_NONE,		/* a literal value */
	REF_CDN_DOMAIN,		/* cdn.domain */
	REF_BUCKET_NAME,	/* bucket.<label>.name */
	REF_BUCKET_REGION,	/* bucket.<label>.region */
	REF_ACCESS_KEY,		/* credentials.access_key */
	REF_SECRET_KEY,		/* credentials.secret_key */
	REF__MAX
};

struct envvar {
	const char	*key;
	struct srcpos	 pos;
	enum ref_kind	 ref;
	struct bucket	*bucket;	/* REF_BUCKET_* */
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
	struct bucket	*buckets;
	size_t		 nbuckets;
	struct cdn	*cdn;
	struct credentials *creds;
	struct envblock	*envblocks;
	struct site	*next;
};

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
};

static inline bool
site_has(const struct site *s, enum provider p)
{
	return (s->providers & (1u << p)) != 0;
}

/* Returns the bucket of the site with that label, or NULL. */
struct bucket	*site_bucket(const struct site *, const char *label);

#endif
