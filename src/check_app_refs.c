/* SPDX-License-Identifier: ISC */
/* check_app_refs.c: app-stack references, service envs, tasks and the rules across components. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "check.h"
#include "check_int.h"
#include "diag.h"
#include "model.h"
#include "names.h"
#include "sbuf.h"
#include "schema.h"
#include "strmap.h"
#include "suggest.h"

/* Default quota of Elastic IPs per account and region. */
#define EIP_QUOTA	5

struct eip_count {
	int64_t	n;
	bool	reported;
};

/* One row per reference: its component, attribute and kind. */
struct ref_row {
	const char	*type;		/* "database" */
	const char	*attr;		/* "host"; NULL: secret.<n> */
	enum ref_kind	 ref;
};

static const struct ref_row ref_rows[] = {
	{ "database", "host", REF_DB_HOST },
	{ "database", "port", REF_DB_PORT },
	{ "database", "name", REF_DB_NAME },
	{ "database", "user", REF_DB_USER },
	{ "database", "endpoint", REF_DB_ENDPOINT },
	{ "database", "password", REF_DB_PASSWORD },
	{ "database", "url", REF_DB_URL },
	{ "secret", NULL, REF_SECRET },
	{ "service", "url", REF_SERVICE_URL },
	{ "email", "host", REF_EMAIL_HOST },
	{ "email", "port", REF_EMAIL_PORT },
	{ "email", "user", REF_EMAIL_USER },
	{ "email", "password", REF_EMAIL_PASSWORD },
	{ "email", "domain", REF_EMAIL_DOMAIN },
	{ "bucket", "domain_name", REF_BUCKET_DOMAIN },
};

#define NREF_ROWS	(sizeof(ref_rows) / sizeof(ref_rows[0]))

/* The labels of one component type of the site, for suggestions. */
static void
suggest_labels(struct suggest *sg, const struct site *s, const char *type)
{
	const struct database	*d;
	const struct secret	*k;
	const struct service	*v;
	const struct email	*m;
	const struct bucket	*b;

	if (strcmp(type, "database") == 0)
		for (d = s->databases; d != NULL; d = d->next)
			suggest_add(sg, d->label);
	else if (strcmp(type, "secret") == 0)
		for (k = s->secrets; k != NULL; k = k->next)
			suggest_add(sg, k->label);
	else if (strcmp(type, "service") == 0)
		for (v = s->services; v != NULL; v = v->next)
			suggest_add(sg, v->label);
	else if (strcmp(type, "email") == 0)
		for (m = s->emails; m != NULL; m = m->next)
			suggest_add(sg, m->label);
	else
		for (b = s->buckets; b != NULL; b = b->next)
			suggest_add(sg, b->label);
}

void
chk_app_suggest(struct chk *c, struct suggest *sg, const struct site *s)
{
	const struct database	*d;
	const struct secret	*k;
	const struct service	*v;
	const struct email	*m;
	const struct bucket	*b;
	size_t			 i;

	for (i = 0; i < NREF_ROWS; i++) {
		const struct ref_row *r = &ref_rows[i];

		if (strcmp(r->type, "database") == 0)
			for (d = s->databases; d != NULL; d = d->next)
				suggest_add(sg, arena_printf(c->ar,
				    "database.%s.%s", d->label, r->attr));
		else if (strcmp(r->type, "service") == 0)
			for (v = s->services; v != NULL; v = v->next)
				suggest_add(sg, arena_printf(c->ar,
				    "service.%s.url", v->label));
		else if (strcmp(r->type, "email") == 0)
			for (m = s->emails; m != NULL; m = m->next)
				suggest_add(sg, arena_printf(c->ar,
				    "email.%s.%s", m->label, r->attr));
		else if (strcmp(r->type, "bucket") == 0)
			for (b = s->buckets; b != NULL; b = b->next)
				suggest_add(sg, arena_printf(c->ar,
				    "bucket.%s.domain_name", b->label));
	}
	for (k = s->secrets; k != NULL; k = k->next)
		suggest_add(sg, arena_printf(c->ar, "secret.%s", k->label));
}

/* "database.<name>.host, .port, ..." for one type. */
static const char *
ref_list(struct chk *c, const char *type)
{
	struct sbuf	 sb = SBUF_INIT;
	const char	*res;
	size_t		 i;
	bool		 first = true;

	for (i = 0; i < NREF_ROWS; i++) {
		if (strcmp(ref_rows[i].type, type) != 0)
			continue;
		if (first)
			sb_addf(&sb, "%s.<name>.%s", type, ref_rows[i].attr);
		else
			sb_addf(&sb, ", .%s", ref_rows[i].attr);
		first = false;
	}
	res = arena_strndup(c->ar, sb.buf, sb.len);
	sb_release(&sb);
	return res;
}

/* The rules of one resolved reference; false after reporting. */
static bool
ref_rules(struct chk *c, const struct site *s, const struct ast *v,
    const struct envvar *ev)
{
	switch (ev->ref) {
	case REF_DB_URL:
		if (ev->database->password != DBPW_RDS_MANAGED)
			return true;
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "'%s' needs password = \"generated\": an RDS-managed "
		    "password cannot be put in a URL", v->str);
		diag_note(c->dg, &ev->database->password_pos,
		    "the password is RDS-managed here");
		return false;
	case REF_EMAIL_USER:
	case REF_EMAIL_PASSWORD:
		if (ev->email->send == SEND_SMTP)
			return true;
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "'%s' needs send = \"smtp\" in email '%s': with \"api\" "
		    "the task role sends through SES, with no credential",
		    v->str, ev->email->label);
		return false;
	case REF_SERVICE_URL:
		/* Every provider of the site serves the URL. */
		if ((ev->service->domain.v != NULL ||
		    !site_has(s, PROVIDER_AWS)) &&
		    (ev->service->scw_domain.v != NULL ||
		    !site_has(s, PROVIDER_SCW)))
			return true;
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "'%s' needs a domain on service '%s'", v->str,
		    ev->service->label);
		return false;
	default:
		return true;
	}
}

/* Points the reference at its component; false after reporting. */
static bool
ref_target(struct chk *c, const struct site *s, const struct ast *v,
    const char *type, const char *label, struct envvar *ev)
{
	struct suggest	sg;
	bool		found;

	if (strcmp(type, "database") == 0)
		found = (ev->database = site_database(s, label)) != NULL;
	else if (strcmp(type, "secret") == 0)
		found = (ev->secret = site_secret(s, label)) != NULL;
	else if (strcmp(type, "service") == 0)
		found = (ev->service = site_service(s, label)) != NULL;
	else if (strcmp(type, "email") == 0)
		found = (ev->email = site_email(s, label)) != NULL;
	else
		found = (ev->bucket = site_bucket(s, label)) != NULL;
	if (found)
		return true;
	suggest_init(&sg, label);
	suggest_labels(&sg, s, type);
	chk_no_such(c, s, type, label, &sg, &v->pos);
	return false;
}

int
chk_app_ref(struct chk *c, const struct site *s, const struct ast *v,
    struct envvar *ev)
{
	const char	*r = v->str, *dot, *rest, *attr;
	char		*type, *label;
	size_t		 i;

	if ((dot = strchr(r, '.')) == NULL)
		return 0;
	type = arena_strndup(c->ar, r, (size_t)(dot - r));
	rest = dot + 1;
	for (i = 0; i < NREF_ROWS && strcmp(ref_rows[i].type, type) != 0; i++)
		;
	if (i == NREF_ROWS)
		return 0;
	if (strcmp(type, "secret") == 0) {
		if (strchr(rest, '.') != NULL) {
			diag_add(c->dg, DIAG_ERROR, &v->pos,
			    "unknown reference '%s'; write secret.<name>", r);
			return -1;
		}
		ev->ref = REF_SECRET;
		if (!ref_target(c, s, v, type, rest, ev))
			return -1;
		ev->secret->used = true;
		return 1;
	}
	if ((dot = strchr(rest, '.')) == NULL || strchr(dot + 1, '.') != NULL)
		return strcmp(type, "bucket") == 0 ? 0 : (diag_add(c->dg,
		    DIAG_ERROR, &v->pos, "unknown reference '%s'; use %s", r,
		    ref_list(c, type)), -1);
	label = arena_strndup(c->ar, rest, (size_t)(dot - rest));
	attr = dot + 1;
	for (i = 0; i < NREF_ROWS; i++)
		if (strcmp(ref_rows[i].type, type) == 0 &&
		    strcmp(ref_rows[i].attr, attr) == 0)
			break;
	if (i == NREF_ROWS) {
		/* bucket.<n>.name and .region are the site checker's. */
		if (strcmp(type, "bucket") == 0)
			return 0;
		diag_add(c->dg, DIAG_ERROR, &v->pos,
		    "unknown reference '%s'; use %s", r, ref_list(c, type));
		return -1;
	}
	ev->ref = ref_rows[i].ref;
	if (!ref_target(c, s, v, type, label, ev) || !ref_rules(c, s, v, ev))
		return -1;
	if (ev->ref == REF_DB_URL)
		ev->database->url_used = true;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Which env block feeds which service. */

static size_t
count_env_blocks(const struct ast *site_block, const char **only)
{
	const struct ast	*n;
	size_t			 k = 0;

	for (n = site_block->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "env") == 0) {
			*only = n->label;
			k++;
		}
	return k;
}

static bool
has_env_block(const struct ast *site_block, const char *label)
{
	const struct ast	*n;

	for (n = site_block->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "env") == 0 &&
		    n->label != NULL && strcmp(n->label, label) == 0)
			return true;
	return false;
}

/* The label of the env block a service gets, or NULL. */
static const char *
service_env_label(const struct service *v, const struct ast *site_block)
{
	const char	*only = NULL;

	if (v->env_label != NULL)
		return v->env_label;
	if (has_env_block(site_block, v->label))
		return v->label;
	if (count_env_blocks(site_block, &only) == 1)
		return only;
	return NULL;
}

const struct service *
chk_app_fed(const struct site *s, const char *label,
    const struct ast *site_block)
{
	const struct service	*v;
	const char		*l;

	for (v = s->services; v != NULL; v = v->next)
		if ((l = service_env_label(v, site_block)) != NULL &&
		    strcmp(l, label) == 0)
			return v;
	return NULL;
}

static void
link_env(struct chk *c, struct site *s, struct service *v,
    const struct ast *site_block)
{
	const char		*label = service_env_label(v, site_block);
	const struct envblock	*eb;
	const struct envvar	*ev;
	struct suggest		 sg;

	if (label == NULL)
		return;
	for (eb = s->envblocks; eb != NULL; eb = eb->next)
		if (strcmp(eb->label, label) == 0)
			break;
	if (eb == NULL) {
		if (v->env_label == NULL)
			return;	/* the block was refused: reported */
		if (has_env_block(site_block, label))
			return;
		suggest_init(&sg, label);
		for (eb = s->envblocks; eb != NULL; eb = eb->next)
			suggest_add(&sg, eb->label);
		chk_no_such(c, s, "env block", label, &sg, &v->env_pos);
		return;
	}
	v->env = eb;
	for (ev = eb->vars; ev != NULL; ev = ev->next)
		if ((ev->ref == REF_ACCESS_KEY || ev->ref == REF_SECRET_KEY) &&
		    !site_has(s, PROVIDER_SCW))
			diag_add(c->dg, DIAG_WARNING, &ev->pos,
			    "'%s' gives service '%s' the site's IAM key, but "
			    "its task role already reaches its buckets; drop "
			    "the key", ev->key, v->label);
}

static void
link_buckets(struct chk *c, struct site *s, struct service *v,
    const struct ast *sb)
{
	const struct ast	*a = chk_attr(sb, "buckets"), *item;
	struct bucket		*bk;
	size_t			 i = 0;

	if (a == NULL) {
		v->buckets = arena_array(c->ar, s->nbuckets + 1,
		    sizeof(*v->buckets));
		for (bk = s->buckets; bk != NULL; bk = bk->next)
			v->buckets[i++] = bk;
		v->nbuckets = i;
		return;
	}
	for (item = a->child->child; item != NULL; item = item->next)
		i++;
	v->buckets = arena_array(c->ar, i + 1, sizeof(*v->buckets));
	i = 0;
	for (item = a->child->child; item != NULL; item = item->next)
		if ((bk = site_bucket(s, item->str)) == NULL)
			chk_no_bucket(c, s, item->str, &item->pos);
		else
			v->buckets[i++] = bk;
	v->nbuckets = i;
}

/* Two services may share a host only on disjoint paths. */
static void
check_routes(struct chk *c, const struct site *s)
{
	const struct service	*v, *w;
	const char		*hv, *hw;
	size_t			 i, p, q;

	for (i = 0; i < s->nenv; i++)
		for (v = s->services; v != NULL; v = v->next)
			for (w = v->next; v->public && w != NULL;
			    w = w->next) {
				if (!w->public)
					continue;
				hv = v->domain.v != NULL ? v->domain.v[i] : "";
				hw = w->domain.v != NULL ? w->domain.v[i] : "";
				if (strcmp(hv, hw) != 0)
					continue;
				for (p = 0; p < v->npaths; p++)
					for (q = 0; q < w->npaths; q++)
						if (strcmp(v->paths[p],
						    w->paths[q]) == 0)
							goto clash;
				continue;
clash:
				diag_add(c->dg, DIAG_ERROR, &w->paths_pos[q],
				    "services '%s' and '%s' of site '%s' both "
				    "serve '%s' on %s in environment '%s'; "
				    "give them different domains or paths",
				    v->label, w->label, s->name, w->paths[q],
				    *hw != '\0' ? hw : "the load balancer's "
				    "own name", s->envs[i]);
				diag_note(c->dg, &v->paths_pos[p],
				    "service '%s' serves it here", v->label);
				return;
			}
}

static void
build_task(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b, struct task ***tail)
{
	struct task		*t;
	const struct ast	*a = chk_attr(b, "service");
	struct suggest		 sg;
	const char		*why;

	for (t = s->tasks; t != NULL; t = t->next)
		if (strcmp(t->label, b->label) == 0)
			break;
	if ((why = name_service_problem(b->label)) != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "invalid %s name '%s': %s", "task", b->label, why);
		return;
	}
	if (t != NULL) {
		diag_add(c->dg, DIAG_ERROR, &b->labelpos,
		    "duplicate %s '%s' in site '%s'", "task", b->label,
		    s->name);
		diag_note(c->dg, &t->pos, "first defined here");
		return;
	}
	t = ARENA_NEW(c->ar, struct task);
	t->label = b->label;
	t->pos = b->labelpos;
	if ((t->service = site_service(s, a->child->str)) == NULL) {
		suggest_init(&sg, a->child->str);
		suggest_labels(&sg, s, "service");
		chk_no_such(c, s, "service", a->child->str, &sg,
		    &a->child->pos);
		return;
	}
	a = chk_attr(b, "command");
	t->command = chk_str_list(c, a->child, &t->ncommand, NULL);
	if (t->ncommand == 0)
		diag_add(c->dg, DIAG_ERROR, &a->child->pos,
		    "'command' of task '%s' is empty", t->label);
	if ((a = chk_attr(b, "cpu")) == NULL ||
	    !chk_env_numbers(c, s, envpos, a, 0, 16384, &t->cpu))
		t->cpu = t->service->cpu;
	if ((a = chk_attr(b, "memory")) == NULL ||
	    !chk_env_numbers(c, s, envpos, a, 0, 122880, &t->memory))
		t->memory = t->service->memory;
	if (t->cpu.set || t->memory.set)
		chk_fargate(c, s, &t->cpu, &t->memory);
	**tail = t;
	*tail = &t->next;
}

/* The account an environment runs in, as far as the description says. */
static const char *
account_of(struct chk *c, const struct site *s, size_t i)
{
	if (s->aws_account.v != NULL)
		return arena_printf(c->ar, "account %s", s->aws_account.v[i]);
	if (s->aws_profile.v != NULL)
		return arena_printf(c->ar, "the account of profile %s",
		    s->aws_profile.v[i]);
	return NULL;
}

/* Elastic IPs of the NAT gateways, per account and region, every site. */
static void
count_eips(struct chk *c, const struct site *s)
{
	const struct network	*n = s->network;
	struct eip_count	*e;
	const char		*region = s->region[PROVIDER_AWS], *acct, *where;
	size_t			 i;

	if (n == NULL || region == NULL || !site_has(s, PROVIDER_AWS))
		return;
	for (i = 0; i < s->nenv; i++) {
		acct = account_of(c, s, i);
		where = acct == NULL ? region : arena_printf(c->ar, "%s of %s",
		    region, acct);
		if ((e = strmap_get(&c->eips, where)) == NULL) {
			e = ARENA_NEW(c->ar, struct eip_count);
			strmap_put(&c->eips, where, e);
		}
		if (n->nat[i] == NAT_SINGLE)
			e->n += 1;
		else if (n->nat[i] == NAT_PER_ZONE)
			e->n += n->zones;
		if (e->n <= EIP_QUOTA || e->reported)
			continue;
		e->reported = true;
		diag_add(c->dg, DIAG_ERROR, &n->nat_pos,
		    "the NAT gateways take %lld Elastic IPs in %s across all "
		    "sites and environments (here: site '%s', environment "
		    "'%s'), over the default quota of %d per account and "
		    "region; use nat = \"regional\" or \"none\", or raise the "
		    "quota first", (long long)e->n, where, s->name,
		    s->envs[i], EIP_QUOTA);
	}
}

void
chk_app_link(struct chk *c, struct site *s, const struct srcpos *envpos,
    const struct ast *b)
{
	const struct ast	*n, *sb;
	struct service		*v;
	struct secret		*k;
	struct task		**ttail = &s->tasks;

	for (v = s->services; v != NULL; v = v->next) {
		for (sb = b->child; sb != NULL; sb = sb->next)
			if (sb->kind == AST_BLOCK &&
			    strcmp(sb->name, "service") == 0 &&
			    sb->labelpos.off == v->pos.off)
				break;
		link_env(c, s, v, b);
		if (sb != NULL)
			link_buckets(c, s, v, sb);
	}
	for (n = b->child; n != NULL; n = n->next)
		if (n->kind == AST_BLOCK && strcmp(n->name, "task") == 0)
			build_task(c, s, envpos, n, &ttail);
	check_routes(c, s);
	for (k = s->secrets; k != NULL; k = k->next)
		if (!k->used)
			diag_add(c->dg, DIAG_WARNING, &k->pos,
			    "secret '%s' of site '%s' is referenced by no env "
			    "block", k->label, s->name);
	count_eips(c, s);
	chk_app_scw(c, s, b);
}
