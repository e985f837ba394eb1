/* SPDX-License-Identifier: ISC */
/* tf_scw_secret.c: the Secret Manager secrets of a Scaleway site root. */
#include "arena.h"
#include "emit.h"
#include "tf_scw_app.h"

/* Whether a service's env reads the secret (a job reads it itself). */
static bool
service_reads(const struct site *s, const struct secret *k)
{
	const struct service	*v;
	const struct envvar	*ev;

	for (v = s->services; v != NULL; v = v->next)
		for (ev = v->env != NULL ? v->env->vars : NULL; ev != NULL;
		    ev = ev->next)
			if (ev->secret == k)
				return true;
	return false;
}

static void
secret_module(struct emit *e, struct hclw *w, const struct site *s,
    const char *module, const char *name)
{
	scw_module_open(e, w, module, "secret");
	hclw_attr_str(w, "name", name);
	hclw_attr(w, "path", arena_printf(e->ar, "\"/%s/${terraform_data."
	    "workspace_guard.input}\"", s->name));
}

/* Whether a task's service passes the bucket key: a job reads it there. */
static bool
task_needs_key(const struct site *s)
{
	const struct task	*t;
	const struct envvar	*ev;

	for (t = s->tasks; t != NULL; t = t->next)
		for (ev = t->service->env != NULL ? t->service->env->vars :
		    NULL; ev != NULL; ev = ev->next)
			if (ev->ref == REF_SECRET_KEY)
				return true;
	return false;
}

void
tf_scw_secret_main(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct secret	*k;
	const struct email	*m;

	if (task_needs_key(s)) {
		hclw_doc(w, "The bucket key, for the jobs: they read secrets "
		    "from Secret Manager only.");
		secret_module(e, w, s, "credentials_key", "credentials-secret-"
		    "key");
		hclw_attr_bool(w, "given", true);
		hclw_attr(w, "value", "module.credentials.secret_key");
		hclw_block_close(w);
	}
	for (k = s->secrets; k != NULL; k = k->next) {
		secret_module(e, w, s, arena_printf(e->ar, "secret_%s",
		    k->label), k->label);
		if (k->kind == SECRET_GENERATED)
			hclw_attr_int(w, "length", k->length);
		else if (!service_reads(s, k))
			hclw_attr_bool(w, "read", false);
		hclw_attr(w, "secret_version", arena_printf(e->ar,
		    "local.env.%s_secret_version", k->label));
		hclw_block_close(w);
	}
	for (m = s->emails; m != NULL; m = m->next)
		if (m->send == SEND_SMTP) {
			hclw_doc(w, arena_printf(e->ar, "The SMTP password of "
			    "email %s: an API key the operator creates.",
			    m->label));
			secret_module(e, w, s, arena_printf(e->ar,
			    "email_%s_smtp", m->label), arena_printf(e->ar,
			    "email-%s-smtp", m->label));
			hclw_block_close(w);
		}
}
