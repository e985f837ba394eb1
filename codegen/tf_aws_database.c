/* SPDX-License-Identifier: ISC */
/* tf_aws_database.c: the RDS PostgreSQL databases of an AWS site root. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_aws_app.h"

static void
database(struct emit *e, struct hclw *w, const struct site *s,
    const struct database *d)
{
	const struct service	*v;
	const char		*l = d->label;

	app_module_open(e, w, arena_printf(e->ar, "database_%s", l),
	    "database", false);
	hclw_attr(w, "name", arena_printf(e->ar, "\"${terraform_data.workspace_guard.input}-%s-"
	    "%s\"", s->name, l));
	hclw_attr(w, "vpc_id", "module.network.vpc_id");
	hclw_attr(w, "subnet_ids", "module.network.database_subnet_ids");
	/* Only the services whose env reads the database reach it. */
	for (v = s->services; v != NULL && !app_env_reads_db(v, d);
	    v = v->next)
		;
	if (v == NULL)
		hclw_attr(w, "client_security_group_ids", "{}");
	else {
		hclw_attr_open(w, "client_security_group_ids", "{");
		for (; v != NULL; v = v->next)
			if (app_env_reads_db(v, d))
				hclw_attr(w, v->label, arena_printf(e->ar,
				    "module.service_%s.security_group_id",
				    v->label));
		hclw_close(w, "}");
	}
	hclw_blank(w);
	hclw_attr_str(w, "db_name", d->name);
	hclw_attr_str(w, "username", d->user);
	hclw_attr(w, "engine_version", arena_printf(e->ar,
	    "local.env.%s_db_version", l));
	hclw_attr(w, "instance_class", arena_printf(e->ar,
	    "local.env.%s_db_class", l));
	hclw_attr(w, "storage", arena_printf(e->ar, "local.env.%s_db_storage",
	    l));
	hclw_attr(w, "max_storage", arena_printf(e->ar,
	    "local.env.%s_db_max_storage", l));
	hclw_attr(w, "backups", arena_printf(e->ar, "local.env.%s_db_backups",
	    l));
	hclw_attr(w, "multi_az", arena_printf(e->ar,
	    "local.env.%s_db_multi_az", l));
	hclw_attr(w, "deletion_protection", arena_printf(e->ar,
	    "local.env.%s_db_deletion_protection", l));
	hclw_attr(w, "final_snapshot", arena_printf(e->ar,
	    "local.env.%s_db_final_snapshot", l));
	hclw_attr_bool(w, "iam_auth", d->iam_auth);
	hclw_blank(w);
	hclw_attr_str(w, "password", d->password == DBPW_GENERATED ?
	    "generated" : "rds-managed");
	hclw_attr(w, "password_version", arena_printf(e->ar,
	    "local.env.%s_db_password_version", l));
	hclw_attr(w, "secret_name", arena_printf(e->ar, "\"/%s/"
	    "${terraform_data.workspace_guard.input}/database/%s\"", s->name, l));
	hclw_attr_bool(w, "url_secret", d->url_used);
	app_module_close(w);
}

void
tf_aws_database_main(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct database	*d;

	for (d = s->databases; d != NULL; d = d->next)
		database(e, w, s, d);
}
