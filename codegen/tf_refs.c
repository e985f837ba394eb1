/* SPDX-License-Identifier: ISC */
/* tf_refs.c: what each reference of an env block reads: an output, or a secret's id. */
#include <string.h>

#include "arena.h"
#include "emit.h"

const char *
tf_ref_output(struct arena *ar, enum provider p, const struct envvar *v)
{
	switch (v->ref) {
	case REF_BUCKET_DOMAIN:
		return arena_printf(ar, "%s_bucket_domain_name",
		    v->bucket->label);
	case REF_DB_HOST:
		return arena_printf(ar, "%s_db_host", v->database->label);
	case REF_DB_PORT:
		return arena_printf(ar, "%s_db_port", v->database->label);
	case REF_DB_NAME:
		return arena_printf(ar, "%s_db_name", v->database->label);
	case REF_DB_USER:
		return arena_printf(ar, "%s_db_user", v->database->label);
	case REF_DB_ENDPOINT:
		return arena_printf(ar, "%s_db_endpoint", v->database->label);
	case REF_SERVICE_URL:
		return arena_printf(ar, "%s_url", v->service->label);
	case REF_EMAIL_HOST:
		return arena_printf(ar, "%s_email_host", v->email->label);
	case REF_EMAIL_PORT:
		return arena_printf(ar, "%s_email_port", v->email->label);
	case REF_EMAIL_DOMAIN:
		return arena_printf(ar, "%s_email_domain", v->email->label);
	default:
		return tf_output_name(ar, p, v->ref, v->bucket);
	}
}

/*
 * The Secrets Manager secret a secret reference reads, as the modules
 * name it, with the JSON key after a colon where the value is one key of
 * the secret.  env files get it as an @secret: placeholder.
 */
const char *
tf_secret_id(struct arena *ar, const struct site *s, const char *env,
    const struct envvar *v)
{
	switch (v->ref) {
	case REF_SECRET:
		return arena_printf(ar, "/%s/%s/%s", s->name, env,
		    v->secret->label);
	case REF_DB_PASSWORD:
		if (v->database->password == DBPW_RDS_MANAGED)
			return arena_printf(ar, "rds-managed:%s-%s-%s:password",
			    env, s->name, v->database->label);
		return arena_printf(ar, "/%s/%s/database/%s:password", s->name,
		    env, v->database->label);
	case REF_DB_URL:
		return arena_printf(ar, "/%s/%s/database/%s-url", s->name, env,
		    v->database->label);
	case REF_EMAIL_USER:
	case REF_EMAIL_PASSWORD:
		return arena_printf(ar, "/%s/%s/email/%s/smtp:%s", s->name, env,
		    v->email->label, v->ref == REF_EMAIL_USER ? "user" :
		    "password");
	default:
		return NULL;
	}
}
