/* SPDX-License-Identifier: ISC */
/* tf_scw_database.c: the Managed Databases for PostgreSQL of a Scaleway site root. */
#include "arena.h"
#include "emit.h"
#include "tf_scw_app.h"

void
tf_scw_database_main(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct database	*d;
	const char		*l;

	for (d = s->databases; d != NULL; d = d->next) {
		l = d->label;
		scw_module_open(e, w, arena_printf(e->ar, "database_%s", l),
		    "database");
		hclw_attr(w, "name", scw_name(e, s, l));
		hclw_attr_str(w, "label", l);
		hclw_attr(w, "engine", arena_printf(e->ar, "local.env.%s_db_"
		    "engine", l));
		hclw_attr(w, "node_type", arena_printf(e->ar, "local.env.%s_db_"
		    "node_type", l));
		hclw_attr(w, "ha", arena_printf(e->ar, "local.env.%s_db_ha", l));
		hclw_attr(w, "storage", arena_printf(e->ar, "local.env.%s_db_"
		    "storage", l));
		hclw_attr_str(w, "db_name", d->name);
		hclw_attr_str(w, "user", d->user);
		hclw_attr(w, "password_version", arena_printf(e->ar,
		    "local.env.%s_db_password_version", l));
		hclw_attr(w, "backups", arena_printf(e->ar, "local.env.%s_db_"
		    "backups", l));
		hclw_attr(w, "private_network_id",
		    "module.network.private_network_id");
		hclw_attr(w, "secret_path", arena_printf(e->ar, "\"/%s/"
		    "${terraform_data.workspace_guard.input}/database\"",
		    s->name));
		hclw_block_close(w);
	}
}
