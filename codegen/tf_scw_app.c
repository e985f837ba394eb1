/* SPDX-License-Identifier: ISC */
/* tf_scw_app.c: the app-stack part of a Scaleway site root: settings, env values, outputs, modules. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_scw_app.h"

void
scw_module_open(struct emit *e, struct hclw *w, const char *name,
    const char *module)
{
	hclw_block_open(w, "module", name, NULL);
	hclw_attr_str(w, "source", arena_printf(e->ar, "%s/%s",
	    SCW_APP_MODULES, module));
	hclw_blank(w);
}

const char *
scw_name(struct emit *e, const struct site *s, const char *part)
{
	if (part == NULL)
		return arena_printf(e->ar, "\"${terraform_data.workspace_guard."
		    "input}-%s\"", s->name);
	return arena_printf(e->ar, "\"${terraform_data.workspace_guard.input}"
	    "-%s-%s\"", s->name, part);
}

/* No task role on Scaleway: the bucket key travels as a secret. */
bool
scw_is_secret(const struct envvar *ev)
{
	return ref_is_secret(ev->ref) || ev->ref == REF_SECRET_KEY;
}

const char *
scw_plain_value(struct emit *e, const struct envvar *ev)
{
	switch (ev->ref) {
	case REF_CDN_DOMAIN:
		return "module.cdn.domain";
	case REF_BUCKET_NAME:
		return arena_printf(e->ar, "module.bucket_%s.name",
		    ev->bucket->label);
	case REF_BUCKET_REGION:
		return arena_printf(e->ar, "module.bucket_%s.region",
		    ev->bucket->label);
	case REF_BUCKET_DOMAIN:
		return arena_printf(e->ar, "\"${module.bucket_%s.name}.s3."
		    "${module.bucket_%s.region}.scw.cloud\"", ev->bucket->label,
		    ev->bucket->label);
	case REF_ACCESS_KEY:
		return "module.credentials.access_key";
	case REF_DB_HOST:
		return arena_printf(e->ar, "module.database_%s.host",
		    ev->database->label);
	case REF_DB_PORT:
		return arena_printf(e->ar, "tostring(module.database_%s.port)",
		    ev->database->label);
	case REF_DB_NAME:
		return arena_printf(e->ar, "module.database_%s.db_name",
		    ev->database->label);
	case REF_DB_USER:
		return arena_printf(e->ar, "module.database_%s.username",
		    ev->database->label);
	case REF_DB_ENDPOINT:
		return arena_printf(e->ar, "module.database_%s.endpoint",
		    ev->database->label);
	/* From the domain, not the module: services may name each other. */
	case REF_SERVICE_URL:
		return arena_printf(e->ar, "\"https://${local.env.%s_domain}\"",
		    ev->service->label);
	case REF_EMAIL_HOST:
		return arena_printf(e->ar, "module.email_%s.smtp_host",
		    ev->email->label);
	case REF_EMAIL_PORT:
		return arena_printf(e->ar, "tostring(module.email_%s.smtp_port)",
		    ev->email->label);
	case REF_EMAIL_DOMAIN:
		return arena_printf(e->ar, "module.email_%s.domain",
		    ev->email->label);
	default:
		return NULL;
	}
}

const char *
scw_secret_value(struct emit *e, const struct envvar *ev)
{
	switch (ev->ref) {
	case REF_SECRET_KEY:
		return "module.credentials.secret_key";
	case REF_SECRET:
		return arena_printf(e->ar, "module.secret_%s.value",
		    ev->secret->label);
	case REF_DB_PASSWORD:
		return arena_printf(e->ar, "module.database_%s.password",
		    ev->database->label);
	case REF_DB_URL:
		return arena_printf(e->ar, "module.database_%s.url",
		    ev->database->label);
	case REF_EMAIL_USER:
		return arena_printf(e->ar, "module.email_%s.smtp_user",
		    ev->email->label);
	case REF_EMAIL_PASSWORD:
		return arena_printf(e->ar, "module.email_%s_smtp.value",
		    ev->email->label);
	default:
		return NULL;
	}
}

/* ------------------------------------------------------------------ */
/* Settings: every per-environment value of the app stack. */

size_t
tf_scw_app_nsettings(const struct site *s)
{
	const struct secret	*k;
	const struct database	*d;
	const struct email	*m;
	const struct service	*v;
	const struct task	*t;
	size_t			 n = 1;

	for (k = s->secrets; k != NULL; k = k->next)
		n += 1;
	for (d = s->databases; d != NULL; d = d->next)
		n += 6;
	for (m = s->emails; m != NULL; m = m->next)
		n += 1;
	for (v = s->services; v != NULL; v = v->next)
		n += 7;
	for (t = s->tasks; t != NULL; t = t->next)
		n += 2;
	return n;
}

static void
setting(struct setting *set, size_t *n, const char *key,
    enum setting_kind kind, const void *v)
{
	set[*n].key = key;
	set[*n].kind = kind;
	if (kind == SET_NUMBER)
		set[*n].num = v;
	else if (kind == SET_BOOL)
		set[*n].b = v;
	else
		set[*n].str = (const char **)v;
	(*n)++;
}

/* AWS CPU units per environment as Scaleway mvCPU: 1024 units, 1000. */
static const int64_t *
mvcpu(struct emit *e, const struct site *s, const struct envnum *cpu)
{
	int64_t	*v = arena_array(e->ar, s->nenv, sizeof(*v));
	size_t	 i;

	for (i = 0; i < s->nenv; i++)
		v[i] = cpu->v[i] * 1000 / 1024;
	return v;
}

static const int64_t *
mib_bytes(struct emit *e, const struct site *s, const struct envnum *mib)
{
	int64_t	*v = arena_array(e->ar, s->nenv, sizeof(*v));
	size_t	 i;

	for (i = 0; i < s->nenv; i++)
		v[i] = mib->v[i] * 1024 * 1024;
	return v;
}

static const char **
engines(struct emit *e, const struct site *s, const struct database *d)
{
	const char	**v = arena_array(e->ar, s->nenv, sizeof(*v));
	size_t		  i;

	for (i = 0; i < s->nenv; i++)
		v[i] = arena_printf(e->ar, "PostgreSQL-%s", d->version.v[i]);
	return v;
}

static const char **
cidrs(struct emit *e, const struct site *s)
{
	const char	**v;
	size_t		  i;

	if (s->network->cidr.v != NULL)
		return s->network->cidr.v;
	v = arena_array(e->ar, s->nenv, sizeof(*v));
	for (i = 0; i < s->nenv; i++)
		v[i] = "10.0.0.0/16";
	return v;
}

static const char *
key(struct emit *e, const char *label, const char *what)
{
	return arena_printf(e->ar, "%s_%s", label, what);
}

size_t
tf_scw_app_settings(struct emit *e, const struct site *s, struct setting *set)
{
	const struct secret	*k;
	const struct database	*d;
	const struct email	*m;
	const struct service	*v;
	const struct task	*t;
	const char		**env;
	size_t			 n = 0;

	if (s->network != NULL)
		setting(set, &n, "network_cidr", SET_STRING, cidrs(e, s));
	for (k = s->secrets; k != NULL; k = k->next)
		setting(set, &n, key(e, k->label, "secret_version"),
		    SET_NUMBER, k->version.v);
	for (d = s->databases; d != NULL; d = d->next) {
		setting(set, &n, key(e, d->label, "db_engine"), SET_STRING,
		    engines(e, s, d));
		setting(set, &n, key(e, d->label, "db_node_type"), SET_STRING,
		    d->node_type.v);
		setting(set, &n, key(e, d->label, "db_storage"), SET_NUMBER,
		    d->storage.v);
		setting(set, &n, key(e, d->label, "db_password_version"),
		    SET_NUMBER, d->password_version.v);
		setting(set, &n, key(e, d->label, "db_backups"), SET_NUMBER,
		    d->backups.v);
		setting(set, &n, key(e, d->label, "db_ha"), SET_BOOL,
		    d->multi_az.v);
	}
	for (m = s->emails; m != NULL; m = m->next)
		setting(set, &n, key(e, m->label, "email_domain"), SET_STRING,
		    m->domain.v);
	for (v = s->services; v != NULL; v = v->next) {
		setting(set, &n, key(e, v->label, "image"), SET_STRING,
		    v->image.v);
		setting(set, &n, key(e, v->label, "cpu"), SET_NUMBER,
		    mvcpu(e, s, &v->cpu));
		setting(set, &n, key(e, v->label, "memory"), SET_NUMBER,
		    mib_bytes(e, s, &v->memory));
		setting(set, &n, key(e, v->label, "count"), SET_NUMBER,
		    v->count.v);
		setting(set, &n, key(e, v->label, "max_count"), SET_NUMBER,
		    v->max_count.v);
		if (v->scw_domain.v != NULL)
			setting(set, &n, key(e, v->label, "domain"),
			    SET_STRING, v->scw_domain.v);
		if ((env = tf_literal_env(e, s, v)) != NULL)
			setting(set, &n, key(e, v->label, "environment"),
			    SET_HCL, env);
	}
	for (t = s->tasks; t != NULL; t = t->next) {
		setting(set, &n, key(e, t->label, "task_cpu"), SET_NUMBER,
		    mvcpu(e, s, &t->cpu));
		setting(set, &n, key(e, t->label, "task_memory"), SET_NUMBER,
		    t->memory.v);
	}
	return n;
}

/* ------------------------------------------------------------------ */

void
tf_scw_app_main(struct emit *e, struct hclw *w, const struct site *s)
{
	if (!site_has_app(s))
		return;
	tf_scw_network_main(e, w, s);
	tf_scw_secret_main(e, w, s);
	tf_scw_database_main(e, w, s);
	tf_scw_email_main(e, w, s);
	tf_scw_service_main(e, w, s);
	tf_scw_job_main(e, w, s);
}

/* App-stack outputs: never a secret value, so never sensitive. */
static void
out(struct hclw *w, const char *name, const char *desc, const char *value)
{
	tf_output(w, name, desc, value, false);
}

static void
database_outputs(struct emit *e, struct hclw *w, const struct database *d)
{
	static const struct {
		const char *what, *attr;
	} db_out[] = {
		{ "endpoint", "endpoint" }, { "host", "host" },
		{ "port", "port" }, { "name", "db_name" },
		{ "user", "username" },
	};
	size_t	i;

	for (i = 0; i < sizeof(db_out) / sizeof(db_out[0]); i++)
		out(w, arena_printf(e->ar, "%s_db_%s", d->label,
		    db_out[i].what), arena_printf(e->ar, "The %s of database "
		    "%s, on the private network.", db_out[i].what, d->label),
		    arena_printf(e->ar, "tostring(module.database_%s.%s)",
		    d->label, db_out[i].attr));
}

static void
email_outputs(struct emit *e, struct hclw *w, const struct email *m)
{
	const char	*l = m->label;

	out(w, key(e, l, "email_domain"), arena_printf(e->ar, "Sending "
	    "domain of email %s.", l), arena_printf(e->ar, "module.email_%s."
	    "domain", l));
	out(w, key(e, l, "email_host"), arena_printf(e->ar, "SMTP host of "
	    "email %s.", l), arena_printf(e->ar, "module.email_%s.smtp_host",
	    l));
	out(w, key(e, l, "email_port"), arena_printf(e->ar, "SMTP port of "
	    "email %s.", l), arena_printf(e->ar, "tostring(module.email_%s."
	    "smtp_port)", l));
	out(w, key(e, l, "email_records"), arena_printf(e->ar, "DNS "
	    "records of email %s, to create at its DNS host.", l),
	    arena_printf(e->ar, "module.email_%s.records", l));
	out(w, key(e, l, "email_status"), arena_printf(e->ar, "Whether "
	    "Transactional Email has checked the records of email %s.", l),
	    arena_printf(e->ar, "module.email_%s.status", l));
	out(w, key(e, l, "email_put_smtp_password"), arena_printf(e->ar,
	    "Command that stores the SMTP password (an API key) of email %s, "
	    "on stdin.", l), arena_printf(e->ar, "module.email_%s_smtp."
	    "put_value_command", l));
}

void
tf_scw_app_outputs(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct bucket	*b;
	const struct database	*d;
	const struct secret	*k;
	const struct email	*m;
	const struct service	*v;
	const struct task	*t;

	if (!site_has_app(s))
		return;
	for (b = s->buckets; b != NULL; b = b->next)
		out(w, key(e, b->label, "bucket_domain_name"),
		    arena_printf(e->ar, "Domain name of bucket %s.", b->label),
		    arena_printf(e->ar, "\"${module.bucket_%s.name}.s3."
		    "${module.bucket_%s.region}.scw.cloud\"", b->label,
		    b->label));
	for (d = s->databases; d != NULL; d = d->next)
		database_outputs(e, w, d);
	if (s->ndatabases == 1)
		out(w, "db_endpoint", "host:port of the site's database, on "
		    "the private network.", arena_printf(e->ar,
		    "module.database_%s.endpoint", s->databases->label));
	for (k = s->secrets; k != NULL; k = k->next)
		if (k->kind == SECRET_EXTERNAL)
			out(w, key(e, k->label, "put_secret_value"),
			    arena_printf(e->ar, "Command that sets secret %s "
			    "(its value on stdin).", k->label),
			    arena_printf(e->ar, "module.secret_%s."
			    "put_value_command", k->label));
	for (m = s->emails; m != NULL; m = m->next)
		email_outputs(e, w, m);
	for (v = s->services; v != NULL; v = v->next) {
		out(w, key(e, v->label, "endpoint"), arena_printf(e->ar,
		    "The own HTTPS endpoint of service %s.", v->label),
		    arena_printf(e->ar, "module.service_%s.endpoint",
		    v->label));
		if (v->scw_domain.v == NULL)
			continue;
		out(w, key(e, v->label, "url"), arena_printf(e->ar, "URL of "
		    "service %s.", v->label), arena_printf(e->ar,
		    "\"https://${local.env.%s_domain}\"", v->label));
		out(w, key(e, v->label, "cname_record"), arena_printf(e->ar,
		    "The CNAME of service %s's domain, to create at its DNS "
		    "host.", v->label), arena_printf(e->ar, "module.service_%s."
		    "cname_record", v->label));
	}
	for (t = s->tasks; t != NULL; t = t->next)
		out(w, key(e, t->label, "start_job"), arena_printf(e->ar,
		    "The scw command that runs task %s once.", t->label),
		    arena_printf(e->ar, "module.task_%s.start_command",
		    t->label));
}

void
tf_scw_app_modules(struct emit *e, const struct site *s)
{
	const struct email	*m;
	bool			 smtp = false;

	if (s->network != NULL)
		emit_module(e, PROVIDER_SCW, "network");
	if (s->services != NULL)
		emit_module(e, PROVIDER_SCW, "service");
	if (s->tasks != NULL)
		emit_module(e, PROVIDER_SCW, "job");
	if (s->databases != NULL)
		emit_module(e, PROVIDER_SCW, "database");
	for (m = s->emails; m != NULL; m = m->next)
		smtp |= m->send == SEND_SMTP;
	if (s->secrets != NULL || smtp)
		emit_module(e, PROVIDER_SCW, "secret");
	if (s->emails != NULL)
		emit_module(e, PROVIDER_SCW, "email");
}
