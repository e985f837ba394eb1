/* SPDX-License-Identifier: ISC */
/* cmd_env.c: `siteinfra env`: a runtime env file filled from terraform output -json. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "emit.h"
#include "envout.h"
#include "envfile.h"
#include "inputs.h"
#include "json.h"
#include "model.h"
#include "names.h"
#include "sbuf.h"
#include "siteinfra.h"

struct env_opts {
	const char	*site;
	const char	*env;
	const char	*provider;
	const char	*block;
	const char	*outputs;	/* file, or "-" for stdin */
	const char	*out;		/* -o FILE, or NULL for stdout */
	bool		 force;
};

static const struct envblock *
find_block(struct ctx *ctx, const struct site *s, enum provider p,
    const char *name)
{
	const struct envblock	*first = env_blocks(&ctx->ar, s, p), *eb;

	if (first == NULL) {
		diag_add(&ctx->dg, DIAG_ERROR, &s->pos, "site '%s' has no env "
		    "file: it declares no env block, cdn or credentials",
		    s->name);
		return NULL;
	}
	if (name == NULL) {
		if (first->next == NULL)
			return first;
		diag_add(&ctx->dg, DIAG_ERROR, &s->pos, "site '%s' has several "
		    "env blocks; choose one with --block", s->name);
		for (eb = first; eb != NULL; eb = eb->next)
			diag_note(&ctx->dg, &eb->pos, "env block '%s'",
			    eb->label);
		return NULL;
	}
	for (eb = first; eb != NULL; eb = eb->next)
		if (strcmp(eb->label, name) == 0)
			return eb;
	diag_add(&ctx->dg, DIAG_ERROR, &s->pos, "site '%s' has no env block "
	    "'%s'", s->name, name);
	return NULL;
}

/* The "value" of output name, or NULL (reported). */
static const struct json *
output_value(struct ctx *ctx, const struct json *doc, const char *name,
    const char *key)
{
	const struct json	*o = json_member(doc, name), *v;

	if (o == NULL) {
		diag_add(&ctx->dg, DIAG_ERROR, &doc->pos, "output '%s' (for %s) "
		    "is missing: were these outputs read after terraform apply, "
		    "from the right root module?", name, key);
		return NULL;
	}
	if ((v = json_member(o, "value")) == NULL) {
		diag_add(&ctx->dg, DIAG_ERROR, &o->pos, "output '%s' has no "
		    "\"value\": this is not `terraform output -json`", name);
		return NULL;
	}
	return v;
}

/* The outputs must say they are this site's, environment's, provider's. */
static int
check_identity(struct ctx *ctx, const struct json *doc, const struct site *s,
    const char *env, enum provider p)
{
	const struct json	*id, *site, *e, *prov;

	if ((id = output_value(ctx, doc, "siteinfra", "the identity check")) ==
	    NULL)
		return -1;
	site = json_member(id, "site");
	e = json_member(id, "environment");
	prov = json_member(id, "provider");
	if (site == NULL || e == NULL || prov == NULL ||
	    site->kind != JSON_STRING || e->kind != JSON_STRING ||
	    prov->kind != JSON_STRING) {
		diag_add(&ctx->dg, DIAG_ERROR, &id->pos, "output 'siteinfra' "
		    "is not the object siteinfra generates");
		return -1;
	}
	if (strcmp(site->str, s->name) != 0 || strcmp(e->str, env) != 0 ||
	    strcmp(prov->str, provider_names[p]) != 0) {
		diag_add(&ctx->dg, DIAG_ERROR, &id->pos, "these are the outputs "
		    "of site '%s', environment '%s' on %s, not of site '%s', "
		    "environment '%s' on %s", site->str, e->str, prov->str,
		    s->name, env, provider_names[p]);
		return -1;
	}
	return 0;
}

static int
fill(struct ctx *ctx, const struct json *doc, const struct site *s,
    size_t envi, enum provider p, const struct envblock *eb,
    struct sbuf *out)
{
	const struct envvar	*v;
	const struct json	*val;
	const char		*name, *value, *why;
	size_t			 at;
	int			 rc = 0;

	sb_addf(out, "# Filled by siteinfra env for site %s, environment %s, "
	    "on %s (env block %s).\n", s->name, s->envs[envi],
	    provider_names[p], eb->label);
	sb_addstr(out, "# It holds secrets: never commit it.\n");
	for (v = eb->vars; v != NULL; v = v->next) {
		if (v->ref == REF_NONE) {
			sb_addf(out, "%s=%s\n", v->key, v->literal.v[envi]);
			continue;
		}
		/* Secrets stay in the secret manager: a placeholder. */
		if (ref_is_secret(v->ref)) {
			sb_addf(out, "%s=@secret:%s\n", v->key, tf_secret_id(
			    &ctx->ar, s, s->envs[envi], v));
			continue;
		}
		name = tf_ref_output(&ctx->ar, p, v);
		if ((val = output_value(ctx, doc, name, v->key)) == NULL) {
			rc = -1;
			continue;
		}
		if (val->kind != JSON_STRING) {
			diag_add(&ctx->dg, DIAG_ERROR, &val->pos, "output '%s' "
			    "(for %s) is not a string", name, v->key);
			rc = -1;
			continue;
		}
		value = val->str;
		at = 0;
		if (strlen(value) != val->len)
			why = "it holds a NUL byte";
		else
			why = name_envvalue_problem(value, &at);
		if (why != NULL) {
			/* Never echo the value: it may be a secret. */
			diag_add(&ctx->dg, DIAG_ERROR, &val->pos, "output '%s' "
			    "(for %s) cannot go in an env file: %s (at position "
			    "%zu)", name, v->key, why, at + 1);
			rc = -1;
			continue;
		}
		sb_addf(out, "%s=%s\n", v->key, value);
	}
	return rc;
}

static int
parse_opts(int argc, char **argv, struct env_opts *o)
{
	static const struct option longopts[] = {
		{ "provider", required_argument, NULL, 'p' },
		{ "block", required_argument, NULL, 'b' },
		{ "outputs", required_argument, NULL, 'i' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int	ch;

	memset(o, 0, sizeof(*o));
	o->outputs = "-";
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1)
		switch (ch) {
		case 'p':
			o->provider = optarg;
			break;
		case 'b':
			o->block = optarg;
			break;
		case 'i':
			o->outputs = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'f':
			o->force = true;
			break;
		case 'h':
			cli_help(stdout, "env");
			exit(EXIT_OK);
		default:
			return cli_bad_option("env", ch, argv);
		}
	if (argc - optind < 2)
		return cli_usage("env", "give a site and an environment");
	o->site = argv[optind];
	o->env = argv[optind + 1];
	optind += 2;
	return EXIT_OK;
}

int
cmd_env(int argc, char **argv)
{
	struct env_opts		 o;
	struct ctx		 ctx;
	struct ast_file		*files;
	struct config		*cfg;
	const struct site	*s;
	const struct envblock	*eb;
	struct src		*src;
	struct json		*doc;
	struct sbuf		 out = SBUF_INIT;
	enum provider		 p;
	int			 rc, envi;

	if ((rc = parse_opts(argc, argv, &o)) != EXIT_OK)
		return rc;
	ctx_init(&ctx);
	rc = inputs_load(&ctx.ar, &ctx.dg, argv + optind,
	    (size_t)(argc - optind), &files);
	/* Syntax errors do not hide the other files' errors. */
	if ((rc == 0 || rc == EXIT_INPUT) &&
	    chk_config(&ctx.ar, &ctx.dg, files, rc == 0, &cfg) != 0)
		rc = EXIT_INPUT;
	if (rc != 0)
		goto out;
	/* The inputs are valid: their warnings belong to check and compile. */
	diag_clear(&ctx.dg);
	rc = EXIT_INPUT;
	if ((s = cli_find_site(&ctx, cfg, o.site)) == NULL ||
	    (envi = cli_find_env(&ctx, s, o.env)) == -1 ||
	    cli_find_provider(&ctx, s, o.provider, &p) == -1 ||
	    (eb = find_block(&ctx, s, p, o.block)) == NULL)
		goto out;
	if ((src = cli_read_input(&ctx, o.outputs, "the outputs",
	    "--outputs", "terraform output -json")) == NULL) {
		/* A missing file is a usage error; a failing disk is I/O. */
		rc = errno == EIO || errno == ENOMEM ? EXIT_IO : EXIT_INPUT;
		goto out;
	}
	if ((doc = json_parse(&ctx.ar, &ctx.dg, src)) == NULL)
		goto out;
	if (doc->kind != JSON_OBJECT) {
		diag_add(&ctx.dg, DIAG_ERROR, &doc->pos, "the outputs are not a "
		    "JSON object: give the output of `terraform output -json`");
		goto out;
	}
	if (check_identity(&ctx, doc, s, o.env, p) == -1 ||
	    fill(&ctx, doc, s, (size_t)envi, p, eb, &out) == -1)
		goto out;
	if (o.out == NULL) {
		fwrite(out.buf, 1, out.len, stdout);
		rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
		goto out;
	}
	rc = envout_write(&ctx.dg, o.out, out.buf, out.len, o.force);
	if (rc == EXIT_OK)
		printf("siteinfra: wrote %s\n", o.out);
out:
	sb_release(&out);
	ctx_finish(&ctx);
	return rc;
}
