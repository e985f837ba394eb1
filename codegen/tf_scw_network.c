/* SPDX-License-Identifier: ISC */
/* tf_scw_network.c: the private network of a Scaleway site root. */
#include "arena.h"
#include "emit.h"
#include "tf_scw_app.h"

void
tf_scw_network_main(struct emit *e, struct hclw *w, const struct site *s)
{
	if (s->network == NULL)
		return;
	scw_module_open(e, w, "network", "network");
	hclw_attr(w, "name", scw_name(e, s, NULL));
	hclw_doc(w, "The first /20 of the range (the range itself when "
	    "smaller).");
	hclw_attr(w, "cidr", "cidrsubnet(local.env.network_cidr, max(0, 20 - "
	    "tonumber(split(\"/\", local.env.network_cidr)[1])), 0)");
	hclw_block_close(w);
}
