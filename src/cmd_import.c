/* SPDX-License-Identifier: ISC */
/* cmd_import.c: siteinfra import, a richie site factory checkout turned into inputs. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "atomic.h"
#include "cli.h"
#include "fmt.h"
#include "names.h"
#include "parse.h"
#include "sbuf.h"
#include "siteinfra.h"
#include "tfvars.h"

/* Environments in the order the richie site factory promotes them. */
static const char *const env_order[] = {
	"production", "preprod", "staging", "feature", NULL,
};

#define MAX_ENVS	16

/* One provider's config.tfvars of one site directory. */
struct tfsite {
	const char		*dir;		/* sites/<dir>: the state key */
	const char		*name;		/* its site = "..." */
	const struct tfv	*vars;
	const struct tfv	*site_pos;
	bool			 present;
};

/* A site to write: one directory on one or both providers. */
struct outsite {
	const char	*name;
	const char	*dir;
	struct tfsite	*aws, *scw;
	const char	*envs[MAX_ENVS];
	size_t		 nenv;
};

struct imp {
	struct ctx	*ctx;
	const char	*from;
	const struct tfv *aws_vars, *scw_vars;	/* variables.tf */
	const struct tfv *aws_backend, *scw_backend;
	const char	*aws_region, *scw_region;
	struct outsite	 sites[64];
	size_t		 nsites;
	const char	*envs[MAX_ENVS];	/* the top-level list */
	size_t		 nenv;
	bool		 failed;
};

static const char *
path_of(struct imp *im, const char *rel)
{
	return arena_printf(&im->ctx->ar, "%s/%s", im->from, rel);
}

/* Parses one file; NULL when absent (if optional) or after an error. */
static const struct tfv *
read_tf(struct imp *im, const char *rel, bool optional, bool *present)
{
	const char	*path = path_of(im, rel);
	struct src	*src;
	const struct tfv *v;
	bool		 ok;

	*present = false;
	if ((src = src_load(&im->ctx->ar, path, 0)) == NULL) {
		if (errno == ENOENT && optional)
			return NULL;
		diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "cannot read '%s': %s",
		    path, strerror(errno));
		im->failed = true;
		return NULL;
	}
	*present = true;
	v = tfv_parse(&im->ctx->ar, &im->ctx->dg, src, &ok);
	if (!ok)
		im->failed = true;
	return v;
}

/* A string attribute, or NULL; a value of another kind is an error. */
static const char *
want_str(struct imp *im, const struct tfv *body, const char *key)
{
	const struct tfv	*v = tfv_get(body, key);

	if (v == NULL)
		return NULL;
	if (v->kind != TFV_STRING) {
		diag_add(&im->ctx->dg, DIAG_ERROR, &v->pos, "'%s' must be a "
		    "string", key);
		im->failed = true;
		return NULL;
	}
	return v->str;
}

/* A map of strings, or NULL. */
static const struct tfv *
want_map(struct imp *im, const struct tfv *body, const char *key)
{
	const struct tfv	*v = tfv_get(body, key), *e;

	if (v == NULL)
		return NULL;
	if (v->kind != TFV_MAP) {
		diag_add(&im->ctx->dg, DIAG_ERROR, &v->pos, "'%s' must be a map "
		    "of strings, such as { production = \"...\" }", key);
		im->failed = true;
		return NULL;
	}
	for (e = v->child; e != NULL; e = e->next)
		if (e->kind != TFV_STRING) {
			diag_add(&im->ctx->dg, DIAG_ERROR, &e->pos, "'%s' must "
			    "be a map of strings", key);
			im->failed = true;
			return NULL;
		}
	return v;
}

/* The default of variable "name" in variables.tf, or NULL. */
static const struct tfv *
var_default(const struct tfv *vars, const char *name)
{
	for (; vars != NULL; vars = vars->next)
		if (vars->kind == TFV_BLOCK && strcmp(vars->key, "variable") ==
		    0 && vars->label != NULL && strcmp(vars->label, name) == 0)
			return tfv_get(vars->child, "default");
	return NULL;
}

/* terraform { backend "s3" { ... } } of a state.tf. */
static const struct tfv *
backend(const struct tfv *body)
{
	const struct tfv	*t, *b;

	for (t = body; t != NULL; t = t->next)
		if (t->kind == TFV_BLOCK && strcmp(t->key, "terraform") == 0)
			for (b = t->child; b != NULL; b = b->next)
				if (b->kind == TFV_BLOCK &&
				    strcmp(b->key, "backend") == 0 &&
				    b->label != NULL &&
				    strcmp(b->label, "s3") == 0)
					return b->child;
	return NULL;
}

/* KEY=value of an env.d file (aws.dist, scw.dist), or NULL. */
static const char *
env_value(struct imp *im, const char *rel, const char *key)
{
	struct src	*src;
	const char	*p, *end, *eol;
	size_t		 n = strlen(key);

	if ((src = src_load(&im->ctx->ar, path_of(im, rel), 0)) == NULL)
		return NULL;
	end = src->text + src->len;
	for (p = src->text; p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if ((size_t)(eol - p) > n && strncmp(p, key, n) == 0 &&
		    p[n] == '=')
			return arena_strndup(&im->ctx->ar, p + n + 1,
			    (size_t)(eol - p - (ptrdiff_t)n - 1));
	}
	return NULL;
}

static void
add_env(const char **envs, size_t *n, const char *env)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if (strcmp(envs[i], env) == 0)
			return;
	if (*n < MAX_ENVS)
		envs[(*n)++] = env;
}

/* envs in the promotion order, then the others as they came. */
static void
sort_envs(const char **envs, size_t n)
{
	const char	*out[MAX_ENVS];
	size_t		 k = 0, i, j;

	for (j = 0; env_order[j] != NULL; j++)
		for (i = 0; i < n; i++)
			if (strcmp(envs[i], env_order[j]) == 0)
				out[k++] = envs[i];
	for (i = 0; i < n; i++) {
		for (j = 0; env_order[j] != NULL &&
		    strcmp(envs[i], env_order[j]) != 0; j++)
			;
		if (env_order[j] == NULL)
			out[k++] = envs[i];
	}
	memcpy(envs, out, n * sizeof(*envs));
}

static struct tfsite *
read_site(struct imp *im, const char *dir, const char *p)
{
	struct tfsite	*ts = ARENA_NEW(&im->ctx->ar, struct tfsite);
	const char	*why;
	bool		 present;

	ts->dir = dir;
	ts->vars = read_tf(im, arena_printf(&im->ctx->ar,
	    "sites/%s/%s/config.tfvars", dir, p), true, &present);
	ts->present = present;
	if (!present || im->failed)
		return ts;
	ts->site_pos = tfv_get(ts->vars, "site");
	ts->name = want_str(im, ts->vars, "site");
	if (ts->name == NULL && !im->failed) {
		diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "%s: no site = \"...\": "
		    "the names of the objects come from it", path_of(im,
		    arena_printf(&im->ctx->ar, "sites/%s/%s/config.tfvars",
		    dir, p)));
		im->failed = true;
	} else if (ts->name != NULL &&
	    (why = name_site_problem(ts->name)) != NULL) {
		diag_add(&im->ctx->dg, DIAG_ERROR, &ts->site_pos->pos,
		    "site name '%s' cannot be a siteinfra site: %s", ts->name,
		    why);
		im->failed = true;
	}
	return ts;
}

static struct outsite *
new_site(struct imp *im, const char *name, const char *dir)
{
	struct outsite	*o;
	size_t		 i;

	for (i = 0; i < im->nsites; i++)
		if (strcmp(im->sites[i].name, name) == 0) {
			diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "sites/%s and "
			    "sites/%s both name their objects '%s'",
			    im->sites[i].dir, dir, name);
			im->failed = true;
			return NULL;
		}
	if (im->nsites == sizeof(im->sites) / sizeof(im->sites[0])) {
		diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "more than %zu sites",
		    im->nsites);
		im->failed = true;
		return NULL;
	}
	o = &im->sites[im->nsites++];
	memset(o, 0, sizeof(*o));
	o->name = name;
	o->dir = dir;
	return o;
}

/* Sites from the directories: one site, or two when the names differ. */
static void
read_sites(struct imp *im)
{
	struct dirent	**list;
	struct tfsite	*a, *s;
	struct outsite	*o;
	const struct tfv *dom, *e;
	const char	*dir = path_of(im, "sites");
	int		 n, i;
	size_t		 k;

	if ((n = scandir(dir, &list, NULL, alphasort)) == -1) {
		diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "cannot read '%s': %s; "
		    "is it a richie site factory checkout?", dir,
		    strerror(errno));
		im->failed = true;
		return;
	}
	for (i = 0; i < n; i++) {
		const char *d = arena_strdup(&im->ctx->ar, list[i]->d_name);
		/* A file beside the site directories (a README) is no site. */
		bool	    file = list[i]->d_type != DT_DIR &&
			list[i]->d_type != DT_UNKNOWN;

		free(list[i]);
		if (d[0] == '.' || file || im->failed)
			continue;
		a = read_site(im, d, "aws");
		s = read_site(im, d, "scw");
		if (im->failed || (!a->present && !s->present))
			continue;
		if (a->present && s->present && strcmp(a->name, s->name) == 0) {
			if ((o = new_site(im, a->name, d)) == NULL)
				continue;
			o->aws = a;
			o->scw = s;
		} else {
			if (a->present && (o = new_site(im, a->name, d)) != NULL)
				o->aws = a;
			if (s->present && (o = new_site(im, s->name, d)) != NULL)
				o->scw = s;
		}
	}
	free(list);
	for (k = 0; k < im->nsites && !im->failed; k++) {
		o = &im->sites[k];
		if (o->aws == NULL)
			continue;
		if ((dom = want_map(im, o->aws->vars, "app_domain")) == NULL) {
			if (!im->failed)
				diag_add(&im->ctx->dg, DIAG_ERROR, NULL,
				    "%s has no app_domain: its environments "
				    "come from it", path_of(im, arena_printf(
				    &im->ctx->ar, "sites/%s/aws/config.tfvars",
				    o->dir)));
			im->failed = true;
			continue;
		}
		for (e = dom->child; e != NULL; e = e->next)
			add_env(o->envs, &o->nenv, e->key);
		sort_envs(o->envs, o->nenv);
		for (i = 0; (size_t)i < o->nenv; i++)
			add_env(im->envs, &im->nenv, o->envs[i]);
	}
	sort_envs(im->envs, im->nenv);
	if (im->nenv == 0)
		add_env(im->envs, &im->nenv, "production");
	if (im->nsites == 0 && !im->failed) {
		diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "no "
		    "sites/*/aws/config.tfvars nor sites/*/scw/config.tfvars "
		    "in '%s'", im->from);
		im->failed = true;
	}
}

static void
str_list(struct sbuf *sb, const char *const *v, size_t n)
{
	size_t	i;

	sb_addch(sb, '[');
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_addstr(sb, ", ");
		fmt_string(sb, v[i], strlen(v[i]));
	}
	sb_addch(sb, ']');
}

static void
attr_str(struct sbuf *sb, const char *key, const char *v)
{
	sb_addf(sb, "%s = ", key);
	fmt_string(sb, v, strlen(v));
	sb_addch(sb, '\n');
}

/* A per-environment map of the site's environments, from a tfvars map. */
static bool
env_map(struct imp *im, struct sbuf *sb, const struct outsite *o,
    const char *key, const struct tfv *map, const char *what)
{
	const struct tfv	*e;
	size_t			 i;

	for (i = 0; i < o->nenv; i++)
		if (tfv_get(map->child, o->envs[i]) == NULL) {
			diag_add(&im->ctx->dg, DIAG_ERROR, &map->pos, "%s has no "
			    "entry for environment '%s' of sites/%s", what,
			    o->envs[i], o->dir);
			im->failed = true;
			return false;
		}
	sb_addf(sb, "%s = {\n", key);
	for (i = 0; i < o->nenv; i++) {
		e = tfv_get(map->child, o->envs[i]);
		attr_str(sb, o->envs[i], e->str);
	}
	sb_addstr(sb, "}\n");
	return true;
}

/* media_expiration: the site's, else the variable's default; 0: none. */
static const char *
expiration(struct imp *im, const struct outsite *o)
{
	const struct tfv	*v = NULL;

	if (o->aws != NULL)
		v = tfv_get(o->aws->vars, "media_expiration");
	if (v == NULL && o->scw != NULL)
		v = tfv_get(o->scw->vars, "media_expiration");
	if (v == NULL)
		v = var_default(o->aws != NULL ? im->aws_vars : im->scw_vars,
		    "media_expiration");
	if (v == NULL)
		return NULL;
	if (v->kind != TFV_NUMBER && !(v->kind == TFV_STRING &&
	    v->str[0] != '\0' && strspn(v->str, "0123456789") ==
	    strlen(v->str))) {
		diag_add(&im->ctx->dg, DIAG_ERROR, &v->pos, "media_expiration "
		    "must be a whole number of days");
		im->failed = true;
		return NULL;
	}
	return strcmp(v->str, "0") == 0 ? NULL : v->str;
}

/* cloudfront_price_class: the variable's default map, then the site's. */
static void
price_class(struct imp *im, struct sbuf *sb, const struct outsite *o)
{
	const struct tfv	*def, *site, *v;
	const char		*pc[MAX_ENVS];
	size_t			 i;
	bool			 any = false;

	def = var_default(im->aws_vars, "cloudfront_price_class");
	site = want_map(im, o->aws->vars, "cloudfront_price_class");
	if (def != NULL && def->kind != TFV_MAP)
		def = NULL;
	for (i = 0; i < o->nenv; i++) {
		pc[i] = "PriceClass_100";
		if (def != NULL && (v = tfv_get(def->child, o->envs[i])) !=
		    NULL && v->kind == TFV_STRING)
			pc[i] = v->str;
		if (site != NULL && (v = tfv_get(site->child, o->envs[i])) !=
		    NULL)
			pc[i] = v->str;
		any |= strcmp(pc[i], "PriceClass_100") != 0;
	}
	if (!any)
		return;
	sb_addstr(sb, "price_class = {\n");
	for (i = 0; i < o->nenv; i++)
		if (strcmp(pc[i], "PriceClass_100") != 0)
			attr_str(sb, o->envs[i], pc[i]);
	sb_addstr(sb, "default = \"PriceClass_100\"\n}\n");
}

static bool
same_envs(const struct imp *im, const struct outsite *o)
{
	size_t	i;

	if (o->nenv != im->nenv)
		return false;
	for (i = 0; i < o->nenv; i++)
		if (strcmp(o->envs[i], im->envs[i]) != 0)
			return false;
	return true;
}

static void
site_text(struct imp *im, struct sbuf *sb, struct outsite *o)
{
	const struct tfv	*dom = NULL, *cdn = NULL;
	const char		*exp = expiration(im, o);

	sb_addf(sb, "# sites/%s of the richie site factory", o->dir);
	if (o->aws != NULL && o->scw != NULL)
		sb_addstr(sb, ", on AWS and Scaleway.\n");
	else
		sb_addf(sb, ", on %s.\n", o->aws != NULL ? "AWS" : "Scaleway");
	sb_addf(sb, "site \"%s\" {\n", o->name);
	if (o->aws != NULL && o->scw != NULL)
		sb_addstr(sb, "providers = [\"aws\", \"scw\"]\n");
	else if (o->scw != NULL)
		sb_addstr(sb, "providers = [\"scw\"]\n");
	if (strcmp(o->name, o->dir) != 0)
		attr_str(sb, "state_key", o->dir);
	if (o->aws != NULL) {
		if (!same_envs(im, o)) {
			sb_addstr(sb, "environments = ");
			str_list(sb, o->envs, o->nenv);
			sb_addch(sb, '\n');
		}
		dom = want_map(im, o->aws->vars, "app_domain");
		cdn = want_map(im, o->aws->vars, "storage_domain");
		if (dom != NULL && !env_map(im, sb, o, "app_domain", dom,
		    "app_domain"))
			return;
	}
	sb_addstr(sb, "\nbucket \"media\" {\n");
	if (exp != NULL)
		sb_addf(sb, "expiration = %s\n", exp);
	sb_addstr(sb, "}\n\ncdn {\n");
	if (o->aws != NULL) {
		sb_addstr(sb, "static = true\ncache = \"legacy\"\n");
		if (cdn != NULL && !env_map(im, sb, o, "domain", cdn,
		    "storage_domain"))
			return;
		price_class(im, sb, o);
	}
	sb_addstr(sb, "}\n\ncredentials {}\n}\n");
}

static void
project_text(struct imp *im, struct sbuf *sb)
{
	const char	*bucket, *table;
	bool		 aws = false, scw = false;
	size_t		 i;

	for (i = 0; i < im->nsites; i++) {
		aws |= im->sites[i].aws != NULL;
		scw |= im->sites[i].scw != NULL;
	}
	sb_addstr(sb, "# The richie site factory's state buckets and "
	    "environments.\nenvironments = ");
	str_list(sb, im->envs, im->nenv);
	sb_addch(sb, '\n');
	if (aws) {
		bucket = want_str(im, im->aws_backend, "bucket");
		table = want_str(im, im->aws_backend, "dynamodb_table");
		if (bucket == NULL || table == NULL) {
			if (!im->failed)
				diag_add(&im->ctx->dg, DIAG_ERROR, NULL,
				    "%s: no backend \"s3\" with bucket and "
				    "dynamodb_table", path_of(im,
				    "aws/state.tf"));
			im->failed = true;
			return;
		}
		sb_addstr(sb, "\n# Its objects were written with encrypt = true "
		    "alone (SSE-S3), under a\n# bucket key without an alias: "
		    "kms_key = \"none\" until infra/state/aws is\n# adopted.\n"
		    "state \"aws\" {\n");
		attr_str(sb, "bucket", bucket);
		attr_str(sb, "region", im->aws_region);
		sb_addstr(sb, "lock = \"dynamodb\"\n");
		attr_str(sb, "lock_table", table);
		sb_addstr(sb, "kms_key = \"none\"\n}\n");
	}
	if (scw) {
		if ((bucket = want_str(im, im->scw_backend, "bucket")) == NULL) {
			if (!im->failed)
				diag_add(&im->ctx->dg, DIAG_ERROR, NULL,
				    "%s: no backend \"s3\" with a bucket",
				    path_of(im, "scw/state.tf"));
			im->failed = true;
			return;
		}
		sb_addstr(sb, "\nstate \"scw\" {\n");
		attr_str(sb, "bucket", bucket);
		attr_str(sb, "region", im->scw_region);
		sb_addstr(sb, "}\n");
	}
}

static void
adopt_text(struct imp *im, struct sbuf *sb)
{
	const struct outsite	*o;
	size_t			 i;

	sb_addstr(sb, "# The live objects the generated roots take over. "
	    "Delete this file once\n# every environment is applied (see the "
	    "adoption section of the\n# generated README.md).\n"
	    "adopt \"richie-site-factory\" {\nbootstrap = \"moved\"\n");
	for (i = 0; i < im->nsites; i++) {
		o = &im->sites[i];
		sb_addf(sb, "\nsite \"%s\" {\n", o->name);
		if (o->aws != NULL) {
			sb_addstr(sb, "oai_bridge = true\n");
			if (tfv_get(o->aws->vars, "storage_domain") != NULL)
				sb_addstr(sb, "certificate = true\n");
		}
		sb_addstr(sb, "}\n");
	}
	sb_addstr(sb, "}\n");
}

/* The canonical form of a generated text, through the native parser. */
static int
canonical(struct imp *im, const char *name, struct sbuf *raw,
    struct sbuf *out)
{
	struct src	*src;
	struct ast_file	*f;

	src = src_from_buffer(&im->ctx->ar, name, raw->buf, raw->len, 0);
	if (parse_native(&im->ctx->ar, &im->ctx->dg, src, &f) == -1) {
		diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "internal error: the "
		    "generated '%s' does not parse", name);
		return -1;
	}
	fmt_native(f, out);
	return 0;
}

struct outfile {
	const char	*path;
	struct sbuf	 text;
};

/* One generated file, canonical; raw is emptied for the next one. */
static int
add_file(struct imp *im, struct outfile *f, const char *name,
    struct sbuf *raw)
{
	int	rc = -1;

	f->path = name;
	if (!im->failed)
		rc = canonical(im, name, raw, &f->text);
	sb_reset(raw);
	return rc;
}

static int
write_all(struct imp *im, const char *to, struct outfile *f, size_t n,
    bool force)
{
	struct stat	st;
	size_t		i;
	int		rc = 0;

	for (i = 0; i < n; i++)
		if (!force && lstat(f[i].path, &st) == 0) {
			diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "'%s' exists; "
			    "give --force to replace it", f[i].path);
			rc = -1;
		}
	if (rc == -1)
		return EXIT_INPUT;
	if (mkdir(to, 0755) == -1 && errno != EEXIST) {
		diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "cannot create '%s': %s",
		    to, strerror(errno));
		return EXIT_IO;
	}
	for (i = 0; i < n; i++)
		if (atomic_write(f[i].path, f[i].text.buf, f[i].text.len,
		    0644) == -1) {
			diag_add(&im->ctx->dg, DIAG_ERROR, NULL, "cannot write "
			    "'%s': %s", f[i].path, strerror(errno));
			return EXIT_IO;
		}
	return EXIT_OK;
}

static int
run(struct imp *im, const char *to, bool force)
{
	struct outfile	 files[66];
	struct sbuf	 raw = SBUF_INIT;
	bool		 present;
	size_t		 n = 0, i;
	int		 rc;

	im->aws_vars = read_tf(im, "aws/variables.tf", true, &present);
	im->scw_vars = read_tf(im, "scw/variables.tf", true, &present);
	im->aws_backend = backend(read_tf(im, "aws/state.tf", true, &present));
	im->scw_backend = backend(read_tf(im, "scw/state.tf", true, &present));
	if (!im->failed)
		read_sites(im);
	if (im->failed)
		return EXIT_INPUT;
	/* The region the old wrapper ran in: its env file, then defaults. */
	if ((im->aws_region = env_value(im, "env.d/aws.dist",
	    "AWS_DEFAULT_REGION")) == NULL)
		im->aws_region = "eu-west-1";
	if ((im->scw_region = want_str(im, im->scw_backend, "region")) ==
	    NULL && (im->scw_region = env_value(im, "env.d/scw.dist",
	    "TF_VAR_scw_region")) == NULL)
		im->scw_region = "fr-par";
	memset(files, 0, sizeof(files));
	rc = EXIT_INPUT;
	project_text(im, &raw);
	if (add_file(im, &files[n++], "project.infra", &raw) == -1)
		goto out;
	for (i = 0; i < im->nsites; i++) {
		site_text(im, &raw, &im->sites[i]);
		if (add_file(im, &files[n++], arena_printf(&im->ctx->ar,
		    "%s.infra", im->sites[i].name), &raw) == -1)
			goto out;
	}
	adopt_text(im, &raw);
	if (add_file(im, &files[n++], "adopt.infra", &raw) == -1)
		goto out;
	for (i = 0; i < n; i++)
		files[i].path = arena_printf(&im->ctx->ar, "%s/%s", to,
		    files[i].path);
	rc = write_all(im, to, files, n, force);
	if (rc == EXIT_OK)
		printf("siteinfra: %s: %zu files from %s (%zu site%s)\n", to,
		    n, im->from, im->nsites, im->nsites == 1 ? "" : "s");
out:
	sb_release(&raw);
	for (i = 0; i < n; i++)
		sb_release(&files[i].text);
	return rc;
}

int
cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx	 ctx;
	struct imp	 im;
	const char	*to = "sites";
	bool		 force = false;
	int		 ch, rc;

	memset(&im, 0, sizeof(im));
	im.from = ".";
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1)
		switch (ch) {
		case 'f':
			im.from = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'F':
			force = true;
			break;
		case 'h':
			cli_help(stdout, "import");
			exit(EXIT_OK);
		default:
			return cli_bad_option("import", ch, argv);
		}
	if (optind != argc)
		return cli_usage("import", "unexpected argument '%s'; give the "
		    "checkout with --from DIR", argv[optind]);
	ctx_init(&ctx);
	im.ctx = &ctx;
	rc = run(&im, to, force);
	if (fflush(stdout) != 0)
		rc = EXIT_IO;
	ctx_finish(&ctx);
	return rc;
}
