/* SPDX-License-Identifier: ISC */
/* cmd_adopt.c: `siteinfra adopt check`: what a plan of an adopted root must never do. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "sbuf.h"
#include "siteinfra.h"

/*
 * Types whose create means a second bucket, user, key or distribution
 * next to the live one (a duplicate, or a name clash at apply time).
 */
static const char *const identity_types[] = {
	"aws_s3_bucket",
	"aws_iam_user",
	"aws_iam_access_key",
	"aws_cloudfront_distribution",
	"aws_kms_key",
	"aws_dynamodb_table",
	"scaleway_object_bucket",
	"scaleway_iam_application",
	"scaleway_iam_api_key",
	"scaleway_edge_services_pipeline",
	"scaleway_edge_services_plan",
};

/* The only objects an adoption may forget (removed, destroy = false). */
static const char *const forgettable_types[] = {
	"aws_cloudfront_origin_access_identity",
	"scaleway_edge_services_plan",
};

/* Outputs the application's settings hold: they must not change. */
static const char *const kept_outputs[] = {
	"cloudfront_domain",
	"edge_service_domain",
	"iam_access_key",
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A moved block of the root: from and to, as written. */
struct moved {
	const char	*from;
	const char	*to;
	const char	*file;
	unsigned	 line;
	bool		 seen;		/* some change came from it */
	struct moved	*next;
};

struct tally {
	unsigned	moved, forgotten, imported, created, updated, deleted;
	unsigned	findings;
};

static bool
in_list(const char *const *list, size_t n, const char *s)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

static bool
has_action(const struct json *actions, const char *a)
{
	const struct json	*v;

	for (v = actions->child; v != NULL; v = v->next)
		if (v->kind == JSON_STRING && strcmp(v->str, a) == 0)
			return true;
	return false;
}

/* The actions as "a, b" for a finding. */
static const char *
actions_text(struct ctx *ctx, const struct json *actions)
{
	const struct json	*v;
	struct sbuf		 sb = SBUF_INIT;
	const char		*s;

	for (v = actions->child; v != NULL; v = v->next)
		if (v->kind == JSON_STRING)
			sb_addf(&sb, "%s%s", sb.len > 0 ? ", " : "", v->str);
	s = arena_strdup(&ctx->ar, sb.len > 0 ? sb.buf : "none");
	sb_release(&sb);
	return s;
}

static const char *
member_str(const struct json *obj, const char *name)
{
	const struct json	*m = json_member(obj, name);

	return m != NULL && m->kind == JSON_STRING ? m->str : NULL;
}

static void
finding(struct tally *t, const char *fmt, const char *a, const char *b)
{
	printf(fmt, a, b);
	putchar('\n');
	t->findings++;
}

/* Does address come from `from` (the resource, an instance, or inside a module)? */
static bool
comes_from(const char *prev, const char *from)
{
	size_t	n = strlen(from);

	return strncmp(prev, from, n) == 0 &&
	    (prev[n] == '\0' || prev[n] == '[' || prev[n] == '.');
}

/* One resource change: counted, and reported when it must not happen. */
static int
check_change(struct ctx *ctx, const struct json *rc, struct moved *mv,
    struct tally *t)
{
	const struct json	*change, *actions;
	const char		*addr, *type, *prev, *mode;
	struct moved		*m;

	addr = member_str(rc, "address");
	type = member_str(rc, "type");
	change = json_member(rc, "change");
	actions = json_member(change, "actions");
	if (addr == NULL || type == NULL || actions == NULL ||
	    actions->kind != JSON_ARRAY) {
		diag_add(&ctx->dg, DIAG_ERROR, &rc->pos, "a resource change "
		    "without a string \"address\" and \"type\" and a "
		    "\"change.actions\" array: this is not `terraform show -json` "
		    "of a plan");
		return -1;
	}
	if ((mode = member_str(rc, "mode")) != NULL && strcmp(mode, "data") == 0)
		return 0;
	if ((prev = member_str(rc, "previous_address")) != NULL) {
		t->moved++;
		for (m = mv; m != NULL; m = m->next)
			if (comes_from(prev, m->from))
				m->seen = true;
	}
	if (json_member(change, "importing") != NULL)
		t->imported++;
	if (has_action(actions, "delete")) {
		t->deleted++;
		if (has_action(actions, "create"))
			finding(t, "replace: %s (%s)", addr,
			    actions_text(ctx, actions));
		else
			finding(t, "delete: %s%s", addr, "");
		return 0;
	}
	if (has_action(actions, "forget")) {
		t->forgotten++;
		if (!in_list(forgettable_types, NELEM(forgettable_types), type))
			finding(t, "forget: %s (only the CloudFront origin access "
			    "identity and the Edge Services plan may be forgotten, "
			    "not %s)", addr, type);
	}
	if (has_action(actions, "create")) {
		t->created++;
		if (in_list(identity_types, NELEM(identity_types), type))
			finding(t, "create: %s (a new %s next to the live one: a "
			    "duplicate or a name clash)", addr, type);
	}
	if (has_action(actions, "update"))
		t->updated++;
	return 0;
}

/* A kept output may appear (create) or stay (no-op), never change. */
static void
check_outputs(struct ctx *ctx, const struct json *doc, struct tally *t)
{
	const struct json	*oc = json_member(doc, "output_changes"), *o;
	const struct json	*actions;
	size_t			 i;

	for (i = 0; i < NELEM(kept_outputs); i++) {
		if ((o = json_member(oc, kept_outputs[i])) == NULL ||
		    (actions = json_member(o, "actions")) == NULL ||
		    actions->kind != JSON_ARRAY)
			continue;
		if (has_action(actions, "no-op") ||
		    (has_action(actions, "create") && !has_action(actions,
		    "delete")))
			continue;
		finding(t, "output: %s changes (%s); the application's settings "
		    "hold the old value", kept_outputs[i],
		    actions_text(ctx, actions));
	}
}

static const char *
attr_value(struct ctx *ctx, const char *line, const char *name)
{
	size_t		 n = strlen(name), len;
	const char	*v;

	if (strncmp(line, name, n) != 0)
		return NULL;
	for (v = line + n; *v == ' ' || *v == '\t'; v++)
		;
	if (*v++ != '=')
		return NULL;
	while (*v == ' ' || *v == '\t')
		v++;
	for (len = 0; v[len] != '\0' && v[len] != ' ' && v[len] != '\t' &&
	    v[len] != '#'; len++)
		;
	return len > 0 ? arena_strndup(&ctx->ar, v, len) : NULL;
}

/*
 * The moved blocks of one .tf file, as terraform fmt writes them:
 * `moved {` at the start of a line, then `from = ADDRESS` and
 * `to = ADDRESS` lines, then `}`.
 */
static int
read_moved(struct ctx *ctx, const char *path, struct moved ***tail)
{
	struct src	*src;
	struct moved	*m = NULL;
	const char	*p, *end, *eol, *v;
	char		*line;
	struct srcpos	 pos;
	unsigned	 ln = 0;

	if ((src = src_load(&ctx->ar, path, 1)) == NULL) {
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "cannot read '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	end = src->text + src->len;
	for (p = src->text; p < end; p = eol + 1) {
		ln++;
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		line = arena_strndup(&ctx->ar, p, (size_t)(eol - p));
		if (m == NULL) {
			if (strncmp(line, "moved", 5) == 0 &&
			    strspn(line + 5, " \t{") == strlen(line + 5) &&
			    strchr(line, '{') != NULL) {
				m = ARENA_NEW(&ctx->ar, struct moved);
				memset(m, 0, sizeof(*m));
				m->file = path;
				m->line = ln;
				pos.file = src;
				pos.off = (uint32_t)(p - src->text);
				pos.end = pos.off + 5;
			}
			continue;
		}
		if ((v = attr_value(ctx, line, "from")) != NULL)
			m->from = v;
		else if ((v = attr_value(ctx, line, "to")) != NULL)
			m->to = v;
		else if (line[0] == '}') {
			if (m->from == NULL || m->to == NULL) {
				diag_add(&ctx->dg, DIAG_ERROR, &pos, "a moved "
				    "block without a from and a to address on "
				    "their own lines");
				return -1;
			}
			**tail = m;
			*tail = &m->next;
			m = NULL;
		}
	}
	return 0;
}

static int
tf_file(const struct dirent *d)
{
	size_t	n = strlen(d->d_name);

	return n > 3 && strcmp(d->d_name + n - 3, ".tf") == 0;
}

/* Every moved block of the root's .tf files, in file name order. */
static int
read_root(struct ctx *ctx, const char *root, struct moved **list)
{
	struct dirent	**ents;
	struct moved	**tail = list;
	int		  n, i, rc = 0;

	*list = NULL;
	if ((n = scandir(root, &ents, tf_file, alphasort)) == -1) {
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "cannot read directory '%s': "
		    "%s", root, strerror(errno));
		return -1;
	}
	if (n == 0) {
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "'%s' holds no .tf file: "
		    "give the root module the plan was made in", root);
		rc = -1;
	}
	for (i = 0; i < n; i++) {
		if (rc == 0 && read_moved(ctx, arena_printf(&ctx->ar, "%s/%s",
		    root, ents[i]->d_name), &tail) == -1)
			rc = -1;
		free(ents[i]);
	}
	free(ents);
	return rc;
}

/* Where a chain of moved blocks starting at `to` ends. */
static const char *
chain_end(const struct moved *mv, const char *to)
{
	const struct moved	*k;
	int			 hops;

	/* Terraform refuses cycles; the bound only guards against them. */
	for (hops = 0; hops < 64; hops++) {
		for (k = mv; k != NULL && strcmp(k->from, to) != 0; k = k->next)
			;
		if (k == NULL)
			break;
		to = k->to;
	}
	return to;
}

/*
 * A chain A -> B -> C moves whatever the state holds, A or B, to C: it
 * happened when a change came from any of its links.  A chain that did
 * not happen is reported once, at its first block.
 */
static void
check_moves(struct moved *mv, struct tally *t)
{
	const struct moved	*m, *n;
	const char		*end;
	bool			 done, first;

	for (m = mv; m != NULL; m = m->next) {
		end = chain_end(mv, m->to);
		done = false;
		first = true;
		for (n = mv; n != NULL; n = n->next)
			if (strcmp(chain_end(mv, n->to), end) == 0) {
				done = done || n->seen;
				if (n == m)
					break;
				first = false;
			}
		for (n = m->next; n != NULL && !done; n = n->next)
			if (n->seen && strcmp(chain_end(mv, n->to), end) == 0)
				done = true;
		if (done || !first)
			continue;
		printf("move not done: %s -> %s (%s, line %u): no change comes "
		    "from %s; was the state read with the right key and "
		    "workspace?\n", m->from, end, m->file, m->line, m->from);
		t->findings++;
	}
}

static int
check_plan(struct ctx *ctx, const struct json *doc, struct moved *mv,
    bool have_root)
{
	const struct json	*rcs, *rc;
	struct tally		 t;

	memset(&t, 0, sizeof(t));
	if (doc->kind != JSON_OBJECT || member_str(doc, "format_version") ==
	    NULL || json_member(doc, "planned_values") == NULL) {
		diag_add(&ctx->dg, DIAG_ERROR, &doc->pos, "this is not the JSON "
		    "of a plan (no format_version and planned_values): give "
		    "`terraform show -json PLANFILE`");
		return EXIT_INPUT;
	}
	rcs = json_member(doc, "resource_changes");
	if (rcs != NULL && rcs->kind != JSON_ARRAY) {
		diag_add(&ctx->dg, DIAG_ERROR, &rcs->pos, "\"resource_changes\" "
		    "is not an array");
		return EXIT_INPUT;
	}
	for (rc = rcs != NULL ? rcs->child : NULL; rc != NULL; rc = rc->next)
		if (check_change(ctx, rc, mv, &t) == -1)
			return EXIT_INPUT;
	check_outputs(ctx, doc, &t);
	check_moves(mv, &t);
	printf("adopt: %u moved, %u forgotten, %u imported, %u created, "
	    "%u updated in place, %u destroyed%s: %s\n", t.moved, t.forgotten,
	    t.imported, t.created, t.updated, t.deleted, have_root ? "" :
	    " (moved blocks not checked: no --root)", t.findings == 0 ? "OK" :
	    t.findings == 1 ? "1 finding" : arena_printf(&ctx->ar,
	    "%u findings", t.findings));
	return t.findings == 0 ? EXIT_OK : EXIT_DIFFERS;
}

int
cmd_adopt(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "plan", required_argument, NULL, 'p' },
		{ "root", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx	 ctx;
	struct moved	*mv = NULL;
	struct src	*src;
	struct json	*doc;
	const char	*plan = NULL, *root = NULL;
	int		 ch, rc;

	if (argc < 2 || strcmp(argv[1], "check") != 0)
		return cli_usage("adopt", argc < 2 ? "give a subcommand: check" :
		    "unknown subcommand '%s'", argv[1]);
	optind = 1;
	while ((ch = getopt_long(argc - 1, argv + 1, ":h", longopts, NULL)) !=
	    -1)
		switch (ch) {
		case 'p':
			plan = optarg;
			break;
		case 'r':
			root = optarg;
			break;
		case 'h':
			cli_help(stdout, "adopt");
			exit(EXIT_OK);
		default:
			return cli_bad_option("adopt", ch, argv + 1);
		}
	if (plan == NULL)
		return cli_usage("adopt", "give the plan with --plan FILE, or "
		    "--plan - for stdin");
	if (optind != argc - 1)
		return cli_usage("adopt", "adopt check takes no other argument");
	ctx_init(&ctx);
	rc = EXIT_INPUT;
	if (root != NULL && read_root(&ctx, root, &mv) == -1) {
		rc = errno == EIO || errno == ENOMEM ? EXIT_IO : EXIT_INPUT;
		goto out;
	}
	if ((src = cli_read_input(&ctx, plan, "the plan", "--plan",
	    "terraform show -json PLANFILE")) == NULL) {
		rc = errno == EIO || errno == ENOMEM ? EXIT_IO : EXIT_INPUT;
		goto out;
	}
	if ((doc = json_parse(&ctx.ar, &ctx.dg, src)) == NULL)
		goto out;
	rc = check_plan(&ctx, doc, mv, root != NULL);
	if (fflush(stdout) != 0)
		rc = EXIT_IO;
out:
	ctx_finish(&ctx);
	return rc;
}
