/* SPDX-License-Identifier: ISC */
/* cmd_compile.c: `siteinfra compile` and `siteinfra diff`: generate, compare, write. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "check.h"
#include "cli.h"
#include "emit.h"
#include "fslock.h"
#include "fsout.h"
#include "gitc.h"
#include "inputs.h"
#include "outset.h"
#include "relpath.h"
#include "report.h"
#include "sbuf.h"
#include "siteinfra.h"
#include "sitegone.h"

/* Sites one run may remove: more is a script gone wrong. */
#define REMOVE_MAX	1024

struct compile_opts {
	const char	*out;
	bool		 check;
	bool		 diff;
	bool		 commit;
	const char	*message;
	bool		 force;
	bool		 json;
	bool		 verbose;
	const char	*removed[REMOVE_MAX];	/* --remove-site NAME, each */
	size_t		 nremoved;
};

static int
parse_opts(int argc, char **argv, const char *cmd, struct compile_opts *o)
{
	static const struct option longopts[] = {
		{ "out", required_argument, NULL, 'O' },
		{ "check", no_argument, NULL, 'c' },
		{ "diff", no_argument, NULL, 'd' },
		{ "commit", no_argument, NULL, 'C' },
		{ "force", no_argument, NULL, 'f' },
		{ "format", required_argument, NULL, 'F' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "remove-site", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int	ch;

	memset(o, 0, sizeof(*o));
	o->out = "infra";
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":hm:v", longopts, NULL)) != -1)
		switch (ch) {
		case 'O':
			o->out = optarg;
			break;
		case 'c':
			o->check = true;
			break;
		case 'd':
			o->diff = true;
			break;
		case 'C':
			o->commit = true;
			break;
		case 'm':
			o->message = optarg;
			break;
		case 'f':
			o->force = true;
			break;
		case 'v':
			o->verbose = true;
			break;
		case 'R':
			if (o->nremoved == REMOVE_MAX)
				return cli_usage(cmd, "at most %d --remove-site "
				    "in one run", REMOVE_MAX);
			o->removed[o->nremoved++] = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "json") == 0)
				o->json = true;
			else if (strcmp(optarg, "text") != 0)
				return cli_usage(cmd, "--format takes text or "
				    "json, not '%s'", optarg);
			break;
		case 'h':
			cli_help(stdout, cmd);
			exit(EXIT_OK);
		default:
			return cli_bad_option(cmd, ch, argv);
		}
	if (strcmp(cmd, "diff") == 0) {
		if (o->check || o->commit || o->force || o->message != NULL ||
		    o->nremoved > 0)
			return cli_usage(cmd, "diff takes --out and --format "
			    "only");
		o->diff = true;
	}
	if (o->message != NULL && !o->commit)
		return cli_usage(cmd, "-m goes with --commit");
	if (o->check && o->diff && strcmp(cmd, "compile") == 0)
		return cli_usage(cmd, "--check and --diff are two reports; "
		    "give one");
	if ((o->check || o->diff) && (o->commit || o->force ||
	    o->nremoved > 0))
		return cli_usage(cmd, "--check and --diff write nothing, so "
		    "--commit, --force and --remove-site do not apply");
	if (o->out[0] == '\0')
		return cli_usage(cmd, "--out needs a directory");
	return EXIT_OK;
}

/*
 * When the stat cache proves nothing changed since the last run, say so
 * without reading a single input or generated file.
 */
static bool
fast_path(struct ctx *ctx, const struct compile_opts *o,
    const struct fsout_opts *fo, const char **inputs, size_t ninputs)
{
	const char	*diags;
	size_t		 ndiags, nfiles;

	if (o->diff || o->commit || o->json || o->verbose || o->force ||
	    o->nremoved > 0)
		return false;
	if (!fsout_uptodate(&ctx->ar, fo, inputs, ninputs, &diags, &ndiags,
	    &nfiles))
		return false;
	fwrite(diags, 1, ndiags, stderr);
	printf("siteinfra: %zu files up to date in %s\n", nfiles, o->out);
	return true;
}

/* The run left the tree as generated: remember how it all looks. */
static void
save_cache(struct ctx *ctx, const struct fsout_opts *fo,
    struct fsplan *plan, const struct ast_file *files)
{
	struct sbuf		 diags = SBUF_INIT;
	const struct ast_file	*f;
	struct src		**srcs;
	size_t			 n = 0;
	bool			 color = ctx->dg.color;
	bool			 verbose = ctx->dg.verbose;

	for (f = files; f != NULL; f = f->next)
		n++;
	srcs = arena_array(&ctx->ar, n + 1, sizeof(*srcs));
	n = 0;
	for (f = files; f != NULL; f = f->next)
		srcs[n++] = f->src;
	/* Replayed by a run without -v, and maybe not on a terminal. */
	ctx->dg.color = false;
	ctx->dg.verbose = false;
	diag_render(&ctx->dg, &diags);
	ctx->dg.color = color;
	ctx->dg.verbose = verbose;
	fsout_save_cache(&ctx->ar, fo, plan, srcs, n, diags.buf, diags.len);
	sb_release(&diags);
}

static int
compile(int argc, char **argv, const char *cmd)
{
	struct compile_opts	 o;
	struct fsout_opts	 fo;
	struct ctx		 ctx;
	struct ast_file		*files;
	struct config		*cfg = NULL;
	const char		**inputs;
	size_t			 ninputs;
	struct outset		 os;
	struct fsplan		 plan;
	struct report		 rep;
	struct fslock		 lock = { -1, false, false };
	struct gitc_inputs	 gin;
	static const char *const default_roots[] = { INPUTS_DEFAULT_DIR };
	int			 rc, sig = 0;
	bool			 readonly;

	if ((rc = parse_opts(argc, argv, cmd, &o)) != EXIT_OK)
		return rc;
	readonly = o.check || o.diff;
	ctx_init(&ctx);
	ctx.dg.verbose = o.verbose;
	outset_init(&os, &ctx.ar);
	memset(&plan, 0, sizeof(plan));
	memset(&fo, 0, sizeof(fo));
	fo.dir = o.out;
	fo.force = o.force;
	report_init(&rep, &ctx.ar, o.out, o.json);
	/* The command as run: `check` is another one. */
	rep.command = strcmp(cmd, "diff") == 0 ? "diff" : o.check ?
	    "compile --check" : o.diff ? "compile --diff" : "compile";
	rc = inputs_list(&ctx.ar, &ctx.dg, argv + optind,
	    (size_t)(argc - optind), &inputs, &ninputs);
	if (rc != 0)
		goto out;
	gin.files = inputs;
	gin.nfiles = ninputs;
	gin.roots = argc > optind ? (const char *const *)(argv + optind) :
	    default_roots;
	gin.nroots = argc > optind ? (size_t)(argc - optind) : 1;
	/* A commit that cannot follow is refused before anything is written. */
	if (o.commit && gitc_can_commit(&ctx.dg, o.out, &gin) == -1) {
		rc = EXIT_IO;
		goto out;
	}
	/*
	 * Every command waits for a writer, and completes the write of one
	 * that was killed, before it looks at the tree.
	 */
	if (fslock_read(&ctx.dg, &fo, &lock) == -1) {
		rc = EXIT_IO;
		goto out;
	}
	if (!lock.recovered && fast_path(&ctx, &o, &fo, inputs, ninputs)) {
		fslock_release(&fo, &lock, false);
		ctx_finish(&ctx);
		return EXIT_OK;
	}
	rc = inputs_read(&ctx.ar, &ctx.dg, inputs, ninputs, &files);
	/* Syntax errors do not hide the other files' errors. */
	if ((rc == 0 || rc == EXIT_INPUT) &&
	    chk_config(&ctx.ar, &ctx.dg, files, rc == 0, &cfg) != 0)
		rc = EXIT_INPUT;
	if (rc != 0)
		goto out;
	/* The generated README's siteinfra commands run from the tree. */
	cfg->inputs_from_tree = relpath_words(&ctx.ar, o.out, gin.roots,
	    gin.nroots);
	if (emit_all(&ctx.ar, &ctx.dg, cfg, &os) == -1) {
		rc = EXIT_IO;
		goto out;
	}
	/* Writers hold the lock from the comparison to the last rename. */
	if (!readonly && fslock_write(&ctx.dg, &fo, &lock) == -1) {
		rc = EXIT_IO;
		goto out;
	}
	if (fsout_plan(&ctx.ar, &ctx.dg, &fo, &os, &plan) == -1) {
		rc = EXIT_IO;
		goto out;
	}
	/* A bad manifest line, a link in the tree: refused by every command. */
	if (plan.invalid) {
		rc = EXIT_INPUT;
		goto out;
	}
	/* Not ours: nothing to compare with, nothing to write. */
	if (plan.unowned) {
		fslock_release(&fo, &lock, true);
		rc = EXIT_INPUT;
		goto out;
	}
	if (o.diff) {
		rc = report_diff(&rep, &ctx.dg, &fo, &plan);
		goto out;
	}
	if (o.check) {
		rc = report_check(&rep, &plan, o.verbose);
		goto out;
	}
	if (plan.blocked) {
		report_blocked(&rep, &ctx.dg, &plan);
		rc = EXIT_INPUT;
		goto out;
	}
	/* A root's state may hold live resources: deleting it is asked for. */
	if (sitegone_check(&ctx.ar, &ctx.dg, o.out, &plan, cfg,
	    (const char *const *)o.removed, o.nremoved) > 0) {
		rc = EXIT_INPUT;
		goto out;
	}
	if (!plan.settled &&
	    fsout_apply(&ctx.ar, &ctx.dg, &fo, &plan, &sig) == -1) {
		rc = EXIT_IO;
		goto out;
	}
	/* After a recovery the diagnostics are not this run's alone. */
	/* Nor are they when --remove-site may have added a warning. */
	if (!diag_failed(&ctx.dg) && !lock.recovered && o.nremoved == 0)
		save_cache(&ctx, &fo, &plan, files);
	report_written(&rep, &plan, o.force, o.verbose);
	if (sig > 0)
		goto out;
	if (o.commit)
		rc = report_commit(&rep, &ctx.dg, &fo, &plan, &gin, o.message);
out:
	fslock_release(&fo, &lock, false);
	report_finish(&rep, &ctx.dg, rc);
	fsout_plan_free(&plan);
	outset_free(&os);
	ctx_finish(&ctx);
	if (sig > 0) {
		/* Die of the signal that interrupted us, as the shell expects. */
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return rc;
}

int
cmd_compile(int argc, char **argv)
{
	return compile(argc, argv, "compile");
}

int
cmd_diff(int argc, char **argv)
{
	return compile(argc, argv, "diff");
}
