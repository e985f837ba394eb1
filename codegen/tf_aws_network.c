/* SPDX-License-Identifier: ISC */
/* tf_aws_network.c: the network, the ECS cluster and the load balancer of an AWS site root. */
#include <string.h>

#include "arena.h"
#include "emit.h"
#include "tf_aws_app.h"

static void
network(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct network	*n = s->network;
	struct sbuf		 v = SBUF_INIT;

	app_module_open(e, w, "network", "network", false);
	hclw_attr(w, "name", arena_printf(e->ar, "\"${terraform_data.workspace_guard.input}-%s\"",
	    s->name));
	if (n->vpc_id.v != NULL) {
		hclw_attr(w, "vpc_id", "local.env.network_vpc_id");
		hclw_attr(w, "public_subnet_ids",
		    "local.env.network_public_subnets");
		hclw_attr(w, "private_subnet_ids",
		    "local.env.network_private_subnets");
	} else {
		hclw_attr(w, "cidr", "local.env.network_cidr");
		hclw_attr_int(w, "zones", n->zones);
		hclw_attr(w, "nat", "local.env.network_nat");
	}
	hcl_list_str(&v, n->endpoints, n->nendpoints);
	hclw_attr(w, "endpoints", v.buf);
	app_module_close(w);
	sb_release(&v);
}

/* One cluster per environment; Container Insights is billed per metric. */
static void
cluster(struct emit *e, struct hclw *w, const struct site *s)
{
	hclw_block_open(w, "resource", "aws_ecs_cluster", "this");
	hclw_attr(w, "name", arena_printf(e->ar, "\"${terraform_data.workspace_guard.input}-%s\"",
	    s->name));
	hclw_blank(w);
	hclw_block_open(w, "setting", NULL, NULL);
	hclw_attr_str(w, "name", "containerInsights");
	hclw_attr_str(w, "value", "disabled");
	hclw_block_close(w);
	hclw_block_close(w);
}

static void
alb(struct emit *e, struct hclw *w, const struct site *s)
{
	const struct service	*v;
	struct sbuf		 doms = SBUF_INIT, zones = SBUF_INIT;

	for (v = s->services; v != NULL; v = v->next) {
		if (!v->public || v->domain.v == NULL)
			continue;
		sb_addf(&doms, "%slocal.env.%s_domain", doms.len ? ", " : "",
		    v->label);
		sb_addf(&zones, "%slocal.env.%s_zone", zones.len ? ", " : "",
		    v->label);
	}
	app_module_open(e, w, "alb", "alb", true);
	hclw_attr(w, "name", arena_printf(e->ar, "\"${terraform_data.workspace_guard.input}-%s\"",
	    s->name));
	hclw_attr(w, "vpc_id", "module.network.vpc_id");
	hclw_attr(w, "subnet_ids", "module.network.public_subnet_ids");
	hclw_attr_str(w, "tls_policy", s->tls_policy);
	if (doms.len > 0) {
		hclw_attr(w, "domains", arena_printf(e->ar,
		    "distinct([%s])", doms.buf));
		/* zipmap keeps one entry per domain shared by services. */
		hclw_attr(w, "zone_ids", arena_printf(e->ar,
		    "{ for d, z in zipmap([%s], [%s]) : d => "
		    "data.aws_route53_zone.app[z].zone_id if z != null }",
		    doms.buf, zones.buf));
	}
	app_module_close(w);
	sb_release(&doms);
	sb_release(&zones);
}

void
tf_aws_network_main(struct emit *e, struct hclw *w, const struct site *s)
{
	if (s->network == NULL)
		return;
	network(e, w, s);
	if (s->services == NULL)
		return;
	cluster(e, w, s);
	if (app_has_alb(s))
		alb(e, w, s);
}
