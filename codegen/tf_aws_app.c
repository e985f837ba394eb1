/* SPDX-License-Identifier: ISC */
/* tf_aws_app.c: the app-stack part of an AWS site root: settings, providers, outputs, modules. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_aws_app.h"

void
app_module_open(struct emit *e, struct hclw *w, const char *name,
    const char *module, bool dns)
{
	hclw_block_open(w, "module", name, NULL);
	hclw_attr_str(w, "source", arena_printf(e->ar, "%s/%s", APP_MODULES,
	    module));
	hclw_blank(w);
	if (dns) {
		hclw_attr_open(w, "providers", "{");
		hclw_attr(w, "aws", "aws");
		hclw_attr(w, "aws.dns", "aws.dns");
		hclw_close(w, "}");
		hclw_blank(w);
	}
}

/* One place for what every app-stack module call ends with. */
void
app_module_close(struct hclw *w)
{
	hclw_block_close(w);
}

static bool
env_reads(const struct service *v, const struct database *d,
    const struct email *m)
{
	const struct envvar	*ev;

	if (v->env == NULL)
		return false;
	for (ev = v->env->vars; ev != NULL; ev = ev->next)
		if ((d != NULL && ev->database == d) ||
		    (m != NULL && ev->email == m))
			return true;
	return false;
}

bool
app_env_reads_db(const struct service *v, const struct database *d)
{
	return env_reads(v, d, NULL);
}

bool
app_env_reads_email(const struct service *v, const struct email *m)
{
	return env_reads(v, NULL, m);
}

bool
app_has_alb(const struct site *s)
{
	const struct service	*v;

	for (v = s->services; v != NULL; v = v->next)
		if (v->public)
			return true;
	return false;
}

const char *
app_zone_id(struct emit *e, const char *key)
{
	return arena_printf(e->ar, "try(data.aws_route53_zone.app[local.env."
	    "%s].zone_id, null)", key);
}

/* ------------------------------------------------------------------ */
/* Settings: every per-environment value of the app stack. */

size_t
tf_aws_app_nsettings(const struct site *s)
{
	const struct secret	*k;
	const struct database	*d;
	const struct email	*m;
	const struct service	*v;
	const struct task	*t;
	size_t			 n = 5;

	for (k = s->secrets; k != NULL; k = k->next)
		n += 2;
	for (d = s->databases; d != NULL; d = d->next)
		n += 9;
	for (m = s->emails; m != NULL; m = m->next)
		n += 2;
	for (v = s->services; v != NULL; v = v->next)
		n += 11;
	for (t = s->tasks; t != NULL; t = t->next)
		n += 2;
	return n;
}

static void
set_str(struct setting *set, size_t *n, const char *key, const char **v)
{
	set[*n].key = key;
	set[*n].str = v;
	set[*n].kind = SET_STRING;
	(*n)++;
}

static void
set_num(struct setting *set, size_t *n, const char *key, const int64_t *v)
{
	set[*n].key = key;
	set[*n].num = v;
	set[*n].kind = SET_NUMBER;
	(*n)++;
}

static void
set_bool(struct setting *set, size_t *n, const char *key, const bool *v)
{
	set[*n].key = key;
	set[*n].b = v;
	set[*n].kind = SET_BOOL;
	(*n)++;
}

/* The managing Route53 zone of a per-environment domain, or null. */
static const char **
route53_zones(struct emit *e, const struct site *s, struct domain **zone)
{
	const char	**v = arena_array(e->ar, s->nenv, sizeof(*v));
	size_t		  i;

	for (i = 0; i < s->nenv; i++)
		if (zone[i] != NULL && zone[i]->dns == DNS_ROUTE53)
			v[i] = zone[i]->name;
	return v;
}

/* { PORT = "3000", ... }: the literal values of a service's env block. */
const char **
tf_literal_env(struct emit *e, const struct site *s, const struct service *v)
{
	const char		**out;
	const struct envvar	*ev;
	struct sbuf		 sb = SBUF_INIT;
	size_t			 i;
	bool			 any = false;

	if (v->env == NULL)
		return NULL;
	for (ev = v->env->vars; ev != NULL; ev = ev->next)
		any |= ev->ref == REF_NONE;
	if (!any)
		return NULL;
	out = arena_array(e->ar, s->nenv, sizeof(*out));
	for (i = 0; i < s->nenv; i++) {
		sb_reset(&sb);
		sb_addstr(&sb, "{ ");
		for (ev = v->env->vars; ev != NULL; ev = ev->next) {
			if (ev->ref != REF_NONE)
				continue;
			if (sb.len > 2)
				sb_addstr(&sb, ", ");
			sb_addf(&sb, "%s = ", ev->key);
			hcl_str(&sb, ev->literal.v[i]);
		}
		sb_addstr(&sb, " }");
		out[i] = arena_strndup(e->ar, sb.buf, sb.len);
	}
	sb_release(&sb);
	return out;
}

/*
 * The zone a service's alias record goes in, per environment: null when
 * an earlier service has the same domain there (one record per name).
 */
static const char **
service_zones(struct emit *e, const struct site *s, const struct service *v)
{
	const char		**z = route53_zones(e, s, v->zone);
	const struct service	*w;
	size_t			  i;

	for (i = 0; i < s->nenv; i++)
		for (w = s->services; w != v; w = w->next)
			if (w->domain.v != NULL &&
			    strcmp(w->domain.v[i], v->domain.v[i]) == 0)
				z[i] = NULL;
	return z;
}

/* ["subnet-...", ...] per environment. */
static const char **
hcl_lists(struct emit *e, const struct site *s, const struct envlist *l)
{
	const char	**out = arena_array(e->ar, s->nenv, sizeof(*out));
	struct sbuf	  sb = SBUF_INIT;
	size_t		  i;

	for (i = 0; i < s->nenv; i++) {
		sb_reset(&sb);
		hcl_list_str(&sb, l->v[i], l->n[i]);
		out[i] = arena_strndup(e->ar, sb.buf, sb.len);
	}
	sb_release(&sb);
	return out;
}

static const char *
key(struct emit *e, const char *label, const char *what)
{
	return arena_printf(e->ar, "%s_%s", label, what);
}

size_t
tf_aws_app_settings(struct emit *e, const struct site *s, struct setting *set)
{
	const struct network	*net = s->network;
	const struct secret	*k;
	const struct database	*d;
	const struct email	*m;
	const struct service	*v;
	const struct task	*t;
	const char		**nat;
	size_t			 n = 0, i;

	if (net != NULL && net->vpc_id.v != NULL) {
		set_str(set, &n, "network_vpc_id", net->vpc_id.v);
		set[n].key = "network_public_subnets";
		set[n].str = hcl_lists(e, s, &net->public_subnets);
		set[n++].kind = SET_HCL;
		set[n].key = "network_private_subnets";
		set[n].str = hcl_lists(e, s, &net->private_subnets);
		set[n++].kind = SET_HCL;
	} else if (net != NULL) {
		nat = arena_array(e->ar, s->nenv, sizeof(*nat));
		for (i = 0; i < s->nenv; i++)
			nat[i] = nat_names[net->nat[i]];
		set_str(set, &n, "network_cidr", net->cidr.v);
		set_str(set, &n, "network_nat", nat);
	}
	for (k = s->secrets; k != NULL; k = k->next) {
		set_num(set, &n, key(e, k->label, "secret_version"),
		    k->version.v);
		set_num(set, &n, key(e, k->label, "secret_recovery_days"),
		    k->recovery_days.v);
	}
	for (d = s->databases; d != NULL; d = d->next) {
		set_str(set, &n, key(e, d->label, "db_version"), d->version.v);
		set_str(set, &n, key(e, d->label, "db_class"), d->class.v);
		set_num(set, &n, key(e, d->label, "db_storage"), d->storage.v);
		set_num(set, &n, key(e, d->label, "db_max_storage"),
		    d->max_storage.v);
		set_num(set, &n, key(e, d->label, "db_password_version"),
		    d->password_version.v);
		set_num(set, &n, key(e, d->label, "db_backups"), d->backups.v);
		set_bool(set, &n, key(e, d->label, "db_multi_az"),
		    d->multi_az.v);
		set_bool(set, &n, key(e, d->label, "db_deletion_protection"),
		    d->deletion_protection.v);
		set_bool(set, &n, key(e, d->label, "db_final_snapshot"),
		    d->final_snapshot.v);
	}
	for (m = s->emails; m != NULL; m = m->next) {
		set_str(set, &n, key(e, m->label, "email_domain"),
		    m->domain.v);
		set_str(set, &n, key(e, m->label, "email_zone"),
		    route53_zones(e, s, m->zone));
	}
	for (v = s->services; v != NULL; v = v->next) {
		const char **env = tf_literal_env(e, s, v);

		if (v->repository == NULL)
			set_str(set, &n, key(e, v->label, "image"),
			    v->image.v);
		else if (tf_registry_tagged(v))
			set_str(set, &n, key(e, v->label, "tag"), v->tag.v);
		set_num(set, &n, key(e, v->label, "cpu"), v->cpu.v);
		set_num(set, &n, key(e, v->label, "memory"), v->memory.v);
		set_num(set, &n, key(e, v->label, "count"), v->count.v);
		set_num(set, &n, key(e, v->label, "max_count"),
		    v->max_count.v);
		if (v->domain.v != NULL) {
			set_str(set, &n, key(e, v->label, "domain"),
			    v->domain.v);
			set_str(set, &n, key(e, v->label, "zone"),
			    service_zones(e, s, v));
		}
		set_bool(set, &n, key(e, v->label, "exec"), v->exec.v);
		set_bool(set, &n, key(e, v->label, "spot"), v->spot.v);
		set_num(set, &n, key(e, v->label, "log_retention"),
		    v->log_retention.v);
		if (env != NULL) {
			set[n].key = key(e, v->label, "environment");
			set[n].str = env;
			set[n].kind = SET_HCL;
			n++;
		}
	}
	for (t = s->tasks; t != NULL; t = t->next) {
		set_num(set, &n, key(e, t->label, "task_cpu"), t->cpu.v);
		set_num(set, &n, key(e, t->label, "task_memory"),
		    t->memory.v);
	}
	return n;
}

/* ------------------------------------------------------------------ */

/* data "aws_route53_zone" "app": the zones of service and email domains. */
static void
zones(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct service	*v;
	const struct email	*m;
	struct sbuf		 list = SBUF_INIT;

	for (v = s->services; v != NULL; v = v->next)
		if (v->domain.v != NULL)
			sb_addf(&list, "%slocal.env.%s_zone", list.len ? ", " :
			    "", v->label);
	for (m = s->emails; m != NULL; m = m->next)
		sb_addf(&list, "%slocal.env.%s_email_zone", list.len ? ", " :
		    "", m->label);
	if (list.len > 0) {
		hclw_doc(w, "The Route53 zones of this environment's service "
		    "and email domains.");
		hclw_block_open(w, "data", "aws_route53_zone", "app");
		hclw_attr(w, "provider", "aws.dns");
		hclw_attr(w, "for_each", arena_printf(e->ar,
		    "toset(compact([%s]))", list.buf));
		hclw_blank(w);
		hclw_attr(w, "name", "each.key");
		hclw_attr_bool(w, "private_zone", false);
		hclw_block_close(w);
	}
	sb_release(&list);
}

void
tf_aws_app_main(struct emit *e, struct hclw *w, const struct site *s)
{
	if (!site_has_app(s))
		return;
	zones(e, w, s);
	tf_aws_network_main(e, w, s);
	tf_aws_secret_main(e, w, s);
	tf_aws_database_main(e, w, s);
	tf_aws_email_main(e, w, s);
	tf_aws_registry_images(e, w, s);
	tf_aws_service_main(e, w, s);
}

/* App-stack outputs: never a secret value, so never sensitive. */
static void
app_output(struct hclw *w, const char *name, const char *desc,
    const char *value)
{
	tf_output(w, name, desc, value, false);
}

void
tf_aws_app_outputs(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct bucket	*b;
	const struct database	*d;
	const struct secret	*k;
	const struct email	*m;
	const struct service	*v;
	const struct task	*t;
	const char		*l;

	if (!site_has_app(s))
		return;
	if (app_has_alb(s)) {
		app_output(w, "alb_hostname", "DNS name of the load balancer.",
		    "module.alb.dns_name");
		app_output(w, "validation_records", "Certificate validation "
		    "records to create when a service domain's DNS is not "
		    "managed here.", "module.alb.validation_records");
	}
	for (b = s->buckets; b != NULL; b = b->next)
		app_output(w, arena_printf(e->ar, "%s_bucket_domain_name",
		    b->label), arena_printf(e->ar, "Domain name of bucket %s.",
		    b->label), arena_printf(e->ar, "\"${module.bucket_%s.name}"
		    ".s3.amazonaws.com\"", b->label));
	if (s->nbuckets == 1) {
		app_output(w, "bucket_domain_name", "Domain name of the site's "
		    "bucket.", arena_printf(e->ar, "\"${module.bucket_%s.name}"
		    ".s3.amazonaws.com\"", s->buckets->label));
		app_output(w, "s3_region", "Region of the site's bucket.",
		    arena_printf(e->ar, "module.bucket_%s.region",
		    s->buckets->label));
	}
	for (d = s->databases; d != NULL; d = d->next) {
		static const struct {
			const char *what, *attr;
		} db_out[] = {
			{ "endpoint", "endpoint" }, { "host", "address" },
			{ "port", "port" }, { "name", "db_name" },
			{ "user", "username" },
		};
		size_t i;

		l = d->label;
		for (i = 0; i < sizeof(db_out) / sizeof(db_out[0]); i++)
			app_output(w, arena_printf(e->ar, "%s_db_%s", l,
			    db_out[i].what), arena_printf(e->ar, "The %s of "
			    "database %s.", db_out[i].what, l),
			    arena_printf(e->ar, "tostring(module.database_%s."
			    "%s)", l, db_out[i].attr));
	}
	if (s->ndatabases == 1)
		app_output(w, "db_endpoint", "host:port of the site's database.",
		    arena_printf(e->ar, "module.database_%s.endpoint",
		    s->databases->label));
	for (k = s->secrets; k != NULL; k = k->next)
		if (k->kind == SECRET_EXTERNAL)
			app_output(w, arena_printf(e->ar, "%s_put_secret_value",
			    k->label), arena_printf(e->ar, "Command that sets "
			    "secret %s (its value on stdin).", k->label),
			    arena_printf(e->ar, "module.secret_%s."
			    "put_value_command", k->label));
	for (m = s->emails; m != NULL; m = m->next) {
		l = m->label;
		app_output(w, arena_printf(e->ar, "%s_email_domain", l),
		    arena_printf(e->ar, "Sending domain of email %s.", l),
		    arena_printf(e->ar, "module.email_%s.domain", l));
		app_output(w, arena_printf(e->ar, "%s_email_host", l),
		    arena_printf(e->ar, "SMTP host of email %s.", l),
		    arena_printf(e->ar, "module.email_%s.smtp_host", l));
		app_output(w, arena_printf(e->ar, "%s_email_port", l),
		    arena_printf(e->ar, "SMTP port of email %s.", l),
		    arena_printf(e->ar, "tostring(module.email_%s.smtp_port)",
		    l));
		app_output(w, arena_printf(e->ar, "%s_email_records", l),
		    arena_printf(e->ar, "DNS records of email %s (created "
		    "when its zone is managed here).", l),
		    arena_printf(e->ar, "module.email_%s.records", l));
		app_output(w, arena_printf(e->ar, "%s_email_verified", l),
		    arena_printf(e->ar, "Whether SES may send from email %s "
		    "yet.", l), arena_printf(e->ar, "module.email_%s."
		    "verified_for_sending", l));
		if (m->send == SEND_SMTP)
			app_output(w, arena_printf(e->ar,
			    "%s_email_put_smtp_credentials", l),
			    arena_printf(e->ar, "Command that stores the SES "
			    "SMTP credentials of email %s (JSON with keys user "
			    "and password, on stdin).", l),
			    arena_printf(e->ar, "module.email_%s_smtp."
			    "put_value_command", l));
	}
	for (v = s->services; v != NULL; v = v->next)
		if (v->domain.v != NULL)
			app_output(w, arena_printf(e->ar, "%s_url", v->label),
			    arena_printf(e->ar, "URL of service %s.",
			    v->label), arena_printf(e->ar, "\"https://${local."
			    "env.%s_domain}\"", v->label));
	for (t = s->tasks; t != NULL; t = t->next)
		app_output(w, arena_printf(e->ar, "%s_run_task", t->label),
		    arena_printf(e->ar, "The aws ecs run-task command of task "
		    "%s.", t->label), arena_printf(e->ar, "module.task_%s."
		    "run_task", t->label));
}

void
tf_aws_app_modules(struct emit *e, const struct site *s)
{
	const struct email	*m;

	if (s->network != NULL)
		emit_module(e, PROVIDER_AWS, "network");
	if (app_has_alb(s))
		emit_module(e, PROVIDER_AWS, "alb");
	if (s->services != NULL)
		emit_module(e, PROVIDER_AWS, "service");
	if (s->tasks != NULL)
		emit_module(e, PROVIDER_AWS, "task");
	if (s->databases != NULL)
		emit_module(e, PROVIDER_AWS, "database");
	if (s->secrets != NULL)
		emit_module(e, PROVIDER_AWS, "secret");
	if (s->emails != NULL)
		emit_module(e, PROVIDER_AWS, "email");
	for (m = s->emails; m != NULL; m = m->next)
		if (m->send == SEND_SMTP)
			emit_module(e, PROVIDER_AWS, "secret");
}
