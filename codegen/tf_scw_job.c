/* SPDX-License-Identifier: ISC */
/* tf_scw_job.c: the tasks of a Scaleway site root, as Serverless Jobs definitions. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_scw_app.h"

/* The Secret Manager id a job reads a secret reference from. */
static const char *
secret_id(struct emit *e, const struct envvar *ev)
{
	switch (ev->ref) {
	case REF_SECRET:
		return arena_printf(e->ar, "module.secret_%s.id",
		    ev->secret->label);
	case REF_DB_PASSWORD:
		return arena_printf(e->ar, "module.database_%s."
		    "password_secret_id", ev->database->label);
	case REF_DB_URL:
		return arena_printf(e->ar, "module.database_%s.url_secret_id",
		    ev->database->label);
	case REF_EMAIL_PASSWORD:
		return arena_printf(e->ar, "module.email_%s_smtp.id",
		    ev->email->label);
	case REF_SECRET_KEY:
		return "module.credentials_key.id";
	default:
		return NULL;
	}
}

/* The command as one string, words with blanks or quotes single-quoted. */
static const char *
command(struct emit *e, const struct task *t)
{
	struct sbuf	 sb = SBUF_INIT;
	const char	*c, *out;
	size_t		 i;

	for (i = 0; i < t->ncommand; i++) {
		if (i > 0)
			sb_addstr(&sb, " ");
		if (strpbrk(t->command[i], " \t'\"\\$`") == NULL &&
		    t->command[i][0] != '\0') {
			sb_addstr(&sb, t->command[i]);
			continue;
		}
		sb_addstr(&sb, "'");
		for (c = t->command[i]; *c != '\0'; c++)
			if (*c == '\'')
				sb_addstr(&sb, "'\\''");
			else
				sb_addf(&sb, "%c", *c);
		sb_addstr(&sb, "'");
	}
	out = arena_strndup(e->ar, sb.buf, sb.len);
	sb_release(&sb);
	return out;
}

static void
job_module(struct emit *e, struct hclw *w, const struct site *s,
    const struct task *t)
{
	const struct service	*v = t->service;
	const struct envvar	*ev;
	bool			 literals = false, refs = false, secrets = false;

	scw_module_open(e, w, arena_printf(e->ar, "task_%s", t->label), "job");
	hclw_attr(w, "name", scw_name(e, s, t->label));
	hclw_attr(w, "image", arena_printf(e->ar, "local.env.%s_image",
	    v->label));
	hclw_attr_str(w, "command", command(e, t));
	hclw_attr(w, "cpu_limit", arena_printf(e->ar, "local.env.%s_task_cpu",
	    t->label));
	hclw_attr(w, "memory_limit", arena_printf(e->ar,
	    "local.env.%s_task_memory", t->label));
	for (ev = v->env != NULL ? v->env->vars : NULL; ev != NULL;
	    ev = ev->next) {
		literals |= ev->ref == REF_NONE;
		refs |= ev->ref != REF_NONE && secret_id(e, ev) == NULL;
		secrets |= secret_id(e, ev) != NULL;
	}
	if (literals && !refs)
		hclw_attr(w, "environment", arena_printf(e->ar,
		    "local.env.%s_environment", v->label));
	else if (refs) {
		hclw_attr_open(w, "environment", literals ? arena_printf(e->ar,
		    "merge(local.env.%s_environment, {", v->label) : "{");
		for (ev = v->env->vars; ev != NULL; ev = ev->next)
			if (ev->ref != REF_NONE && secret_id(e, ev) == NULL)
				hclw_attr(w, ev->key, ev->ref == REF_EMAIL_USER ?
				    scw_secret_value(e, ev) :
				    scw_plain_value(e, ev));
		hclw_close(w, literals ? "})" : "}");
	}
	if (secrets) {
		hclw_attr_open(w, "secrets", "{");
		for (ev = v->env->vars; ev != NULL; ev = ev->next)
			if (secret_id(e, ev) != NULL)
				hclw_attr(w, ev->key, secret_id(e, ev));
		hclw_close(w, "}");
	}
	hclw_block_close(w);
}

void
tf_scw_job_main(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct task	*t;

	for (t = s->tasks; t != NULL; t = t->next)
		job_module(e, w, s, t);
}
