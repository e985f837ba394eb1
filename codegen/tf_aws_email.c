/* SPDX-License-Identifier: ISC */
/* tf_aws_email.c: the SES sending identities of an AWS site root. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_aws_app.h"

static void
email(struct emit *e, struct hclw *w, const struct email *m)
{
	app_module_open(e, w, arena_printf(e->ar, "email_%s", m->label),
	    "email", true);
	hclw_attr(w, "domain", arena_printf(e->ar, "local.env.%s_email_domain",
	    m->label));
	hclw_attr_str(w, "mail_from", m->mail_from);
	hclw_attr(w, "zone_id", app_zone_id(e, arena_printf(e->ar,
	    "%s_email_zone", m->label)));
	if (m->dmarc != NULL)
		hclw_attr_str(w, "dmarc", m->dmarc);
	app_module_close(w);
}

void
tf_aws_email_main(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct email	*m;

	for (m = s->emails; m != NULL; m = m->next)
		email(e, w, m);
}
