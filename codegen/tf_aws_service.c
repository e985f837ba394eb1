/* SPDX-License-Identifier: ISC */
/* tf_aws_service.c: the ECS services and one-off tasks of an AWS site root, with their env. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_aws_app.h"

/* The expression a plain reference becomes in a container's environment. */
static const char *
plain_value(struct emit *e, const struct envvar *ev)
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
		return arena_printf(e->ar, "\"${module.bucket_%s.name}"
		    ".s3.amazonaws.com\"", ev->bucket->label);
	case REF_ACCESS_KEY:
		return "module.credentials.access_key_id";
	case REF_SECRET_KEY:
		return "module.credentials.secret_access_key";
	case REF_DB_HOST:
		return arena_printf(e->ar, "module.database_%s.address",
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

/* The valueFrom of a secret reference: a secret's ARN, or one JSON key. */
static const char *
secret_value(struct emit *e, const struct envvar *ev)
{
	switch (ev->ref) {
	case REF_SECRET:
		return arena_printf(e->ar, "module.secret_%s.arn",
		    ev->secret->label);
	case REF_DB_PASSWORD:
		return arena_printf(e->ar, "module.database_%s."
		    "password_value_from", ev->database->label);
	case REF_DB_URL:
		return arena_printf(e->ar, "module.database_%s.url_secret_arn",
		    ev->database->label);
	case REF_EMAIL_USER:
	case REF_EMAIL_PASSWORD:
		return arena_printf(e->ar, "\"${module.email_%s_smtp.arn}:%s::\"",
		    ev->email->label, ev->ref == REF_EMAIL_USER ? "user" :
		    "password");
	default:
		return NULL;
	}
}

static void
environment(struct emit *e, struct hclw *w, const struct service *v)
{
	const struct envvar	*ev;
	bool			 literals = false, refs = false;

	for (ev = v->env != NULL ? v->env->vars : NULL; ev != NULL;
	    ev = ev->next) {
		literals |= ev->ref == REF_NONE;
		refs |= ev->ref != REF_NONE && !ref_is_secret(ev->ref);
	}
	if (literals && !refs) {
		hclw_attr(w, "environment", arena_printf(e->ar,
		    "local.env.%s_environment", v->label));
		return;
	}
	if (!refs)
		return;
	hclw_attr_open(w, "environment", literals ? arena_printf(e->ar,
	    "merge(local.env.%s_environment, {", v->label) : "{");
	for (ev = v->env->vars; ev != NULL; ev = ev->next)
		if (ev->ref != REF_NONE && !ref_is_secret(ev->ref))
			hclw_attr(w, ev->key, plain_value(e, ev));
	hclw_close(w, literals ? "})" : "}");
}

/* Secrets by ARN, and the versions whose bump redeploys the service. */
static void
secrets(struct emit *e, struct hclw *w, const struct service *v)
{
	const struct envvar	*ev;
	struct sbuf		 seen = SBUF_INIT;
	const char		*k;
	bool			 any = false;

	for (ev = v->env != NULL ? v->env->vars : NULL; ev != NULL;
	    ev = ev->next)
		any |= ref_is_secret(ev->ref);
	if (!any)
		return;
	hclw_attr_open(w, "secrets", "{");
	for (ev = v->env->vars; ev != NULL; ev = ev->next)
		if (ref_is_secret(ev->ref))
			hclw_attr(w, ev->key, secret_value(e, ev));
	hclw_close(w, "}");
	hclw_attr_open(w, "redeploy", "{");
	sb_addch(&seen, ' ');
	for (ev = v->env->vars; ev != NULL; ev = ev->next) {
		if (ev->ref == REF_SECRET && ev->secret->kind ==
		    SECRET_GENERATED)
			k = ev->secret->label;
		else if ((ev->ref == REF_DB_PASSWORD || ev->ref ==
		    REF_DB_URL) && ev->database->password == DBPW_GENERATED)
			k = arena_printf(e->ar, "%s_db_password",
			    ev->database->label);
		else
			continue;
		/* One entry per secret, however many variables read it. */
		if (strstr(seen.buf, arena_printf(e->ar, " %s ", k)) != NULL)
			continue;
		sb_addf(&seen, "%s ", k);
		hclw_attr(w, k, ev->ref == REF_SECRET ? arena_printf(e->ar,
		    "tostring(local.env.%s_secret_version)", k) :
		    arena_printf(e->ar, "tostring(local.env.%s_version)", k));
	}
	hclw_close(w, "}");
	sb_release(&seen);
}

/* The task role's reach: the service's buckets and SES identities. */
static void
grants(struct emit *e, struct hclw *w, const struct site *s,
    const struct service *v)
{
	const struct email	*m;
	struct sbuf		 sb = SBUF_INIT;
	size_t			 i;

	if (v->nbuckets > 0) {
		sb_addch(&sb, '[');
		for (i = 0; i < v->nbuckets; i++)
			sb_addf(&sb, "%smodule.bucket_%s.arn", i ? ", " : "",
			    v->buckets[i]->label);
		sb_addch(&sb, ']');
		hclw_attr(w, "bucket_arns", sb.buf);
	}
	sb_reset(&sb);
	for (m = s->emails; m != NULL; m = m->next)
		if (m->send == SEND_API && app_env_reads_email(v, m))
			sb_addf(&sb, "%smodule.email_%s.identity_arn",
			    sb.len ? ", " : "", m->label);
	if (sb.len > 0)
		hclw_attr(w, "email_identity_arns", arena_printf(e->ar,
		    "[%s]", sb.buf));
	sb_release(&sb);
}

static void
service(struct emit *e, struct hclw *w, const struct site *s,
    const struct service *v, unsigned priority)
{
	const char	*l = v->label;
	struct sbuf	 sb = SBUF_INIT;

	app_module_open(e, w, arena_printf(e->ar, "service_%s", l), "service",
	    true);
	hclw_attr(w, "name", arena_printf(e->ar, "\"${terraform_data.workspace_guard.input}-%s-"
	    "%s\"", s->name, l));
	if (v->short_name != NULL)
		hclw_attr(w, "target_group_name", arena_printf(e->ar,
		    "\"${terraform_data.workspace_guard.input}-%s-%s\"", s->name, v->short_name));
	hclw_attr(w, "cluster_arn", "aws_ecs_cluster.this.arn");
	hclw_attr(w, "cluster_name", "aws_ecs_cluster.this.name");
	hclw_attr(w, "vpc_id", "module.network.vpc_id");
	hclw_attr(w, "subnet_ids", "module.network.task_subnet_ids");
	hclw_attr(w, "assign_public_ip", "module.network.assign_public_ip");
	hclw_blank(w);
	hclw_attr(w, "image", tf_registry_image(e, v));
	if (v->deploy == DEPLOY_CI)
		hclw_attr_str(w, "deploy", "ci");
	hclw_attr_int(w, "port", v->port);
	if (v->ncommand > 0) {
		hcl_list_str(&sb, v->command, v->ncommand);
		hclw_attr(w, "command", sb.buf);
	}
	hclw_attr(w, "cpu", arena_printf(e->ar, "local.env.%s_cpu", l));
	hclw_attr(w, "memory", arena_printf(e->ar, "local.env.%s_memory", l));
	hclw_attr_str(w, "arch", strcmp(v->arch, "arm64") == 0 ? "ARM64" :
	    "X86_64");
	hclw_attr(w, "desired_count", arena_printf(e->ar,
	    "local.env.%s_count", l));
	hclw_attr(w, "max_count", arena_printf(e->ar, "local.env.%s_max_count",
	    l));
	hclw_attr_int(w, "scale_cpu", v->scale_cpu);
	hclw_attr(w, "exec", arena_printf(e->ar, "local.env.%s_exec", l));
	hclw_attr(w, "spot", arena_printf(e->ar, "local.env.%s_spot", l));
	hclw_attr(w, "log_retention", arena_printf(e->ar,
	    "local.env.%s_log_retention", l));
	hclw_attr_str(w, "health", v->health);
	hclw_attr_str(w, "health_codes", v->health_codes);
	hclw_blank(w);
	hclw_attr_bool(w, "public", v->public);
	if (v->public) {
		hclw_attr(w, "listener_arn", "module.alb.listener_arn");
		hclw_attr(w, "alb_security_group_id",
		    "module.alb.security_group_id");
		hclw_attr_int(w, "priority", priority);
		sb_reset(&sb);
		hcl_list_str(&sb, v->paths, v->npaths);
		hclw_attr(w, "paths", sb.buf);
	}
	if (v->public && v->domain.v != NULL) {
		hclw_attr(w, "host", arena_printf(e->ar, "local.env.%s_domain",
		    l));
		hclw_attr(w, "zone_id", app_zone_id(e, arena_printf(e->ar,
		    "%s_zone", l)));
		hclw_attr(w, "alb_dns_name", "module.alb.dns_name");
		hclw_attr(w, "alb_zone_id", "module.alb.zone_id");
	}
	hclw_blank(w);
	environment(e, w, v);
	secrets(e, w, v);
	grants(e, w, s, v);
	app_module_close(w);
	sb_release(&sb);
}

static void
task(struct emit *e, struct hclw *w, const struct site *s,
    const struct task *t)
{
	struct sbuf	sb = SBUF_INIT;

	app_module_open(e, w, arena_printf(e->ar, "task_%s", t->label),
	    "task", false);
	hclw_attr(w, "name", arena_printf(e->ar, "\"${terraform_data.workspace_guard.input}-%s-"
	    "%s\"", s->name, t->label));
	hclw_attr(w, "service", arena_printf(e->ar,
	    "module.service_%s.task_template", t->service->label));
	hcl_list_str(&sb, t->command, t->ncommand);
	hclw_attr(w, "command", sb.buf);
	hclw_attr(w, "cpu", arena_printf(e->ar, "local.env.%s_task_cpu",
	    t->label));
	hclw_attr(w, "memory", arena_printf(e->ar, "local.env.%s_task_memory",
	    t->label));
	app_module_close(w);
	sb_release(&sb);
}

static bool
catch_all(const struct service *v)
{
	size_t	i;

	for (i = 0; i < v->npaths; i++)
		if (strcmp(v->paths[i], "/*") == 0)
			return true;
	return false;
}

void
tf_aws_service_main(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct service	*v;
	const struct task	*t;
	unsigned		 i = 0;

	/*
	 * The listener tries rules by priority: a catch-all path comes
	 * after every narrower path, or it would take a shared host's
	 * traffic.  Otherwise the declaration order.
	 */
	for (v = s->services; v != NULL; v = v->next) {
		i++;
		service(e, w, s, v, (catch_all(v) ? 10000 : 0) + 100 * i);
	}
	for (t = s->tasks; t != NULL; t = t->next)
		task(e, w, s, t);
}
