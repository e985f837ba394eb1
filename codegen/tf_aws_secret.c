/* SPDX-License-Identifier: ISC */
/* tf_aws_secret.c: the Secrets Manager secrets of an AWS site root (generated, external, SMTP). */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_aws_app.h"

static void
secret(struct emit *e, struct hclw *w, const struct site *s,
    const struct secret *k)
{
	app_module_open(e, w, arena_printf(e->ar, "secret_%s", k->label),
	    "secret", false);
	hclw_attr(w, "name", arena_printf(e->ar, "\"/%s/${terraform_data.workspace_guard.input}/"
	    "%s\"", s->name, k->label));
	if (k->kind == SECRET_GENERATED) {
		hclw_attr_int(w, "generate", k->length);
		hclw_attr(w, "value_version", arena_printf(e->ar,
		    "local.env.%s_secret_version", k->label));
	}
	hclw_attr(w, "recovery_days", arena_printf(e->ar,
	    "local.env.%s_secret_recovery_days", k->label));
	app_module_close(w);
}

/* The SMTP credentials the operator creates in SES and stores here. */
static void
smtp_secret(struct emit *e, struct hclw *w, const struct site *s,
    const struct email *m)
{
	app_module_open(e, w, arena_printf(e->ar, "email_%s_smtp", m->label),
	    "secret", false);
	hclw_attr(w, "name", arena_printf(e->ar, "\"/%s/${terraform_data.workspace_guard.input}/"
	    "email/%s/smtp\"", s->name, m->label));
	hclw_attr_str(w, "description", arena_printf(e->ar, "SES SMTP "
	    "credentials of email %s: JSON {\"user\": ..., \"password\": ...}",
	    m->label));
	app_module_close(w);
}

void
tf_aws_secret_main(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct secret	*k;
	const struct email	*m;

	for (k = s->secrets; k != NULL; k = k->next)
		secret(e, w, s, k);
	for (m = s->emails; m != NULL; m = m->next)
		if (m->send == SEND_SMTP)
			smtp_secret(e, w, s, m);
}
