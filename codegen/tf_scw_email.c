/* SPDX-License-Identifier: ISC */
/* tf_scw_email.c: the Transactional Email domains of a Scaleway site root. */
#include "arena.h"
#include "emit.h"
#include "tf_scw_app.h"

void
tf_scw_email_main(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct email	*m;

	for (m = s->emails; m != NULL; m = m->next) {
		scw_module_open(e, w, arena_printf(e->ar, "email_%s", m->label),
		    "email");
		hclw_attr(w, "domain", arena_printf(e->ar, "local.env.%s_email_"
		    "domain", m->label));
		if (m->dmarc != NULL)
			hclw_attr_str(w, "dmarc", m->dmarc);
		hclw_block_close(w);
	}
}
