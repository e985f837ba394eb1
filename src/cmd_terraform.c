/* SPDX-License-Identifier: ISC */
/* cmd_terraform.c: `siteinfra terraform`: terraform in a site root, workspace and credentials set. */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "emit.h"
#include "fsout.h"
#include "inputs.h"
#include "model.h"
#include "outset.h"
#include "sbuf.h"
#include "siteinfra.h"

extern char **environ;

struct tf_opts {
	const char	*site;
	const char	*env;		/* NULL with --all */
	const char	*provider;
	const char	*out;
	const char	*program;	/* the terraform to run */
	bool		 all;
	bool		 no_create;
	char		**paths;
	size_t		 npaths;
	char		**args;		/* terraform's, after -- */
	size_t		 nargs;
};

/* One run of terraform in a root: where, with which environment. */
struct tf_run {
	struct ctx	*ctx;
	const char	*program;
	const char	*root;
	char		**envp;		/* the child's environment */
};

/* Terraform subcommands of `workspace` that would change the selection. */
static const char *const ws_owned[] = { "select", "new", "delete" };

/* Fills o from argv: SITE [ENV] [options] [PATH...] -- ARGS. */
static int
parse_opts(int argc, char **argv, struct tf_opts *o)
{
	static const struct option longopts[] = {
		{ "provider", required_argument, NULL, 'p' },
		{ "out", required_argument, NULL, 'o' },
		{ "terraform", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "no-create", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int	ch, dash, i, npos;

	memset(o, 0, sizeof(*o));
	o->out = "infra";
	o->program = "terraform";
	/* Terraform's arguments are never read as ours: cut at the first --. */
	for (dash = 1; dash < argc && strcmp(argv[dash], "--") != 0; dash++)
		;
	if (dash < argc) {
		o->args = argv + dash + 1;
		o->nargs = (size_t)(argc - dash - 1);
		argv[dash] = NULL;
	}
	optind = 1;
	while ((ch = getopt_long(dash, argv, ":h", longopts, NULL)) != -1)
		switch (ch) {
		case 'p':
			o->provider = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 't':
			o->program = optarg;
			break;
		case 'a':
			o->all = true;
			break;
		case 'n':
			o->no_create = true;
			break;
		case 'h':
			cli_help(stdout, "terraform");
			exit(EXIT_OK);
		default:
			return cli_bad_option("terraform", ch, argv);
		}
	npos = dash - optind;
	if (npos < (o->all ? 1 : 2))
		return cli_usage("terraform", o->all ? "give a site" :
		    "give a site and an environment, or a site and --all");
	o->site = argv[optind];
	i = optind + 1;
	if (!o->all)
		o->env = argv[i++];
	o->paths = argv + i;
	o->npaths = (size_t)(dash - i);
	if (o->args == NULL || o->nargs == 0)
		return cli_usage("terraform", "give terraform's arguments after "
		    "--, e.g. -- plan");
	return EXIT_OK;
}

/*
 * The runner owns -chdir and the workspace selection: refuse arguments
 * that would take them over.  workspace list and show are fine.
 */
static int
check_args(struct ctx *ctx, const struct tf_opts *o)
{
	size_t	i, j;

	for (i = 0; i < o->nargs && o->args[i][0] == '-'; i++)
		if (strncmp(o->args[i], "-chdir", 6) == 0) {
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "'%s': the runner "
			    "sets -chdir to the site's root itself", o->args[i]);
			return -1;
		}
	if (i == o->nargs || strcmp(o->args[i], "workspace") != 0)
		return 0;
	for (i++; i < o->nargs && o->args[i][0] == '-'; i++)
		;
	for (j = 0; i < o->nargs && j < sizeof(ws_owned) / sizeof(*ws_owned);
	    j++)
		if (strcmp(o->args[i], ws_owned[j]) == 0) {
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "'workspace %s' is "
			    "refused: the runner selects the workspace of the "
			    "environment it is given", ws_owned[j]);
			return -1;
		}
	return 0;
}

static bool
is_name(const char *p, size_t n)
{
	size_t	i;

	if (n == 0 || (p[0] >= '0' && p[0] <= '9'))
		return false;
	for (i = 0; i < n; i++)
		if (!(p[i] == '_' || (p[i] >= 'A' && p[i] <= 'Z') ||
		    (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' && p[i] <= '9')))
			return false;
	return true;
}

/* Sets name=value in a NULL-terminated environment, replacing a previous one. */
static void
env_set(char ***envp, size_t *n, const char *entry,
    size_t namelen)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if (strncmp((*envp)[i], entry, namelen + 1) == 0) {
			(*envp)[i] = (char *)entry;
			return;
		}
	*envp = xrealloc(*envp, (*n + 2) * sizeof(**envp));
	(*envp)[(*n)++] = (char *)entry;
	(*envp)[*n] = NULL;
}

/*
 * Reads the admin credentials file (docker --env-file lines: KEY=value,
 * the value verbatim, # comments, blank lines) into the child's
 * environment.  Nothing is evaluated.  A bad line is reported by number
 * only: its text may be a secret, so it is never shown.
 */
static int
load_envfile(struct ctx *ctx, const char *path, const char *dist,
    char ***envp, size_t *n)
{
	struct src	*src;
	const char	*p, *end, *eol, *eq, *why;
	unsigned	 line = 0;
	int		 rc = 0;

	if ((src = src_load(&ctx->ar, path, 1)) == NULL) {
		if (errno == ENOENT)
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "no admin "
			    "credentials file '%s': copy %s to it and fill it in "
			    "(cp %s %s)", path, dist, dist, path);
		else
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "cannot read '%s': "
			    "%s", path, strerror(errno));
		return -1;
	}
	end = src->text + src->len;
	for (p = src->text; p < end; p = eol + 1) {
		line++;
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		if (p == eol || *p == '#')
			continue;
		why = NULL;
		eq = memchr(p, '=', (size_t)(eol - p));
		if (memchr(p, '\0', (size_t)(eol - p)) != NULL)
			why = "it holds a NUL byte";
		else if (memchr(p, '\r', (size_t)(eol - p)) != NULL)
			why = "it ends with a carriage return; save the file with "
			    "LF line ends";
		else if (eq == NULL)
			why = "it is not KEY=value";
		else if (!is_name(p, (size_t)(eq - p)))
			why = "the name before '=' is not a variable name "
			    "(letters, digits, '_')";
		if (why != NULL) {
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "%s, line %u: %s "
			    "(the line is not shown: it may hold a secret)", path,
			    line, why);
			rc = -1;
			continue;
		}
		env_set(envp, n, arena_strndup(&ctx->ar, p,
		    (size_t)(eol - p)), (size_t)(eq - p));
	}
	return rc;
}

/* The value of name in a NULL-terminated environment, or NULL. */
static const char *
env_get(char **envp, const char *name)
{
	size_t	n = strlen(name);

	for (; *envp != NULL; envp++)
		if (strncmp(*envp, name, n) == 0 && (*envp)[n] == '=')
			return *envp + n + 1;
	return NULL;
}

/*
 * The child's environment: ours, then the admin credentials file over
 * it.  TF_WORKSPACE (from either) would override the selection the
 * runner makes: a different one is refused, the same one dropped.
 */
static char **
child_env(struct ctx *ctx, const struct tf_opts *o, enum provider p,
    const char *env)
{
	char		**envp, **e;
	const char	*ws, *path, *dist;
	size_t		 n = 0;

	envp = xrealloc(NULL, sizeof(*envp));
	envp[0] = NULL;
	for (e = environ; *e != NULL; e++) {
		envp = xrealloc(envp, (n + 2) * sizeof(*envp));
		envp[n++] = *e;
		envp[n] = NULL;
	}
	path = arena_printf(&ctx->ar, "%s/env.d/%s", o->out, provider_names[p]);
	dist = arena_printf(&ctx->ar, "%s.dist", path);
	if (load_envfile(ctx, path, dist, &envp, &n) == -1) {
		free(envp);
		return NULL;
	}
	if ((ws = env_get(envp, "TF_WORKSPACE")) == NULL)
		return envp;
	if (env == NULL || strcmp(ws, env) != 0) {
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "TF_WORKSPACE is '%s' (in "
		    "the environment or in %s) and would override the workspace "
		    "the runner selects; unset it", ws, path);
		free(envp);
		return NULL;
	}
	for (e = envp; *e != NULL; e++)
		if (strncmp(*e, "TF_WORKSPACE=", 13) == 0)
			break;
	memmove(e, e + 1, (size_t)(envp + n - e) * sizeof(*e));
	return envp;
}

static int
cloexec_pipe(int fd[2])
{
	if (pipe(fd) == -1)
		return -1;
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/*
 * Runs `PROGRAM -chdir=ROOT args...` without a shell and returns its
 * exit status (128 + N for signal N), or -1 when it could not start.
 * With capture, its stdout goes there instead.  An exec failure comes
 * back through a close-on-exec pipe, so the parent reports it.
 */
static int
run(struct tf_run *r, const char *const *args, size_t nargs,
    struct sbuf *capture)
{
	const char	**argv;
	struct sigaction sa, oldint, oldquit;
	char		 buf[4096];
	ssize_t		 got;
	pid_t		 pid;
	int		 errpipe[2], outpipe[2] = { -1, -1 }, status, err = 0;
	size_t		 i;

	argv = arena_array(&r->ctx->ar, nargs + 3, sizeof(*argv));
	argv[0] = r->program;
	argv[1] = arena_printf(&r->ctx->ar, "-chdir=%s", r->root);
	for (i = 0; i < nargs; i++)
		argv[i + 2] = args[i];
	argv[nargs + 2] = NULL;
	if (cloexec_pipe(errpipe) == -1 ||
	    (capture != NULL && cloexec_pipe(outpipe) == -1)) {
		diag_add(&r->ctx->dg, DIAG_ERROR, NULL, "cannot run '%s': %s",
		    r->program, strerror(errno));
		return -1;
	}
	fflush(NULL);
	/* Terraform handles ^C itself (it stops cleanly): wait for it. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, &oldint);
	sigaction(SIGQUIT, &sa, &oldquit);
	if ((pid = fork()) == 0) {
		sigaction(SIGINT, &oldint, NULL);
		sigaction(SIGQUIT, &oldquit, NULL);
		if (capture != NULL)
			dup2(outpipe[1], STDOUT_FILENO);
		environ = r->envp;
		execvp(argv[0], (char *const *)argv);
		err = errno;
		(void)!write(errpipe[1], &err, sizeof(err));
		_exit(127);
	}
	close(errpipe[1]);
	if (capture != NULL)
		close(outpipe[1]);
	if (pid == -1) {
		err = errno;
		close(errpipe[0]);
		if (capture != NULL)
			close(outpipe[0]);
		sigaction(SIGINT, &oldint, NULL);
		sigaction(SIGQUIT, &oldquit, NULL);
		diag_add(&r->ctx->dg, DIAG_ERROR, NULL, "cannot run '%s': %s",
		    r->program, strerror(err));
		return -1;
	}
	if (capture != NULL) {
		while ((got = read(outpipe[0], buf, sizeof(buf))) > 0 ||
		    (got == -1 && errno == EINTR))
			if (got > 0)
				sb_add(capture, buf, (size_t)got);
		close(outpipe[0]);
	}
	if (read(errpipe[0], &err, sizeof(err)) != (ssize_t)sizeof(err))
		err = 0;
	close(errpipe[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	sigaction(SIGINT, &oldint, NULL);
	sigaction(SIGQUIT, &oldquit, NULL);
	if (err != 0) {
		diag_add(&r->ctx->dg, DIAG_ERROR, NULL, "cannot run '%s': %s",
		    r->program, strerror(err));
		return -1;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* Reports a failed preparation step and passes terraform's status on. */
static int
step_failed(struct tf_run *r, const char *step, int st)
{
	if (st > 0)
		diag_add(&r->ctx->dg, DIAG_ERROR, NULL, "'terraform %s' failed "
		    "in %s (exit status %d); nothing else was run", step,
		    r->root, st);
	return st > 0 ? st : EXIT_IO;
}

/*
 * Takes the runner's lock in the data directory, so that two shells
 * cannot race on its workspace selection.  Returns the open descriptor
 * (closed on exit), or -1.
 */
static int
lock_root(struct tf_run *r, const char *datadir)
{
	const char	*path;
	int		 fd;

	if (mkdir(datadir, 0777) == -1 && errno != EEXIST) {
		diag_add(&r->ctx->dg, DIAG_ERROR, NULL, "cannot create '%s': %s",
		    datadir, strerror(errno));
		return -1;
	}
	path = arena_printf(&r->ctx->ar, "%s/siteinfra.lock", datadir);
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) == -1) {
		diag_add(&r->ctx->dg, DIAG_ERROR, NULL, "cannot open '%s': %s",
		    path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		diag_add(&r->ctx->dg, DIAG_ERROR, NULL, "another siteinfra "
		    "terraform run holds '%s'; wait for it to finish", path);
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * One environment: init when the root was never initialised, select (or
 * create) the workspace, check it, then run the caller's arguments.
 */
static int
run_env(struct tf_run *r, const struct tf_opts *o, const struct config *cfg,
    const struct site *s, enum provider p, const char *env)
{
	static const char *const init[] = { "init", "-input=false" };
	static const char *const show[] = { "workspace", "show" };
	const char	*sel[] = { "workspace", "select", "-or-create", env };
	size_t		 nsel = 4;
	const char	*dd, *datadir, *cache;
	struct sbuf	 cur = SBUF_INIT;
	struct stat	 st;
	int		 fd, rc;

	/* Terraform reads a relative TF_DATA_DIR from the -chdir directory. */
	if ((dd = env_get(r->envp, "TF_DATA_DIR")) == NULL || *dd == '\0')
		dd = ".terraform";
	datadir = dd[0] == '/' ? dd : arena_printf(&r->ctx->ar, "%s/%s",
	    r->root, dd);
	if (cfg->state[p] != NULL)
		fprintf(stderr, "siteinfra: %s/%s on %s: "
		    "s3://%s/env:/%s/%s.tfstate\n", s->name, env,
		    provider_names[p], cfg->state[p]->bucket, env, s->state_key);
	if ((fd = lock_root(r, datadir)) == -1)
		return EXIT_IO;
	cache = arena_printf(&r->ctx->ar, "%s/terraform.tfstate", datadir);
	if (stat(cache, &st) == -1 &&
	    (rc = run(r, init, 2, NULL)) != 0) {
		rc = step_failed(r, "init -input=false", rc);
		goto out;
	}
	if (o->no_create) {
		/* Plain select: a missing workspace means a wrong key. */
		sel[2] = env;
		nsel = 3;
	}
	if ((rc = run(r, sel, nsel, NULL)) != 0) {
		rc = step_failed(r, o->no_create ? "workspace select" :
		    "workspace select -or-create", rc);
		goto out;
	}
	if ((rc = run(r, show, 2, &cur)) != 0) {
		rc = step_failed(r, "workspace show", rc);
		goto out;
	}
	while (cur.len > 0 && (cur.buf[cur.len - 1] == '\n' ||
	    cur.buf[cur.len - 1] == '\r'))
		sb_setlen(&cur, cur.len - 1);
	if (strcmp(cur.buf, env) != 0) {
		diag_add(&r->ctx->dg, DIAG_ERROR, NULL, "the workspace of %s is "
		    "'%s' after selecting '%s'; nothing else was run", r->root,
		    cur.buf, env);
		rc = EXIT_IO;
		goto out;
	}
	rc = run(r, (const char *const *)o->args, o->nargs, NULL);
	if (rc == -1)
		rc = EXIT_IO;
out:
	sb_release(&cur);
	close(fd);
	return rc;
}

/*
 * The root must be what compile would write now: the root's files and
 * its provider's modules, compared as compile --check does.
 */
static int
check_fresh(struct ctx *ctx, const struct config *cfg, const char *out,
    const struct site *s, enum provider p)
{
	struct fsout_opts	 fo;
	struct outset		 os;
	struct fsplan		 plan;
	const char		*root, *mods;
	size_t			 i;
	int			 rc = 0;

	memset(&fo, 0, sizeof(fo));
	memset(&plan, 0, sizeof(plan));
	fo.dir = out;
	outset_init(&os, &ctx->ar);
	root = arena_printf(&ctx->ar, "sites/%s/%s/", s->name,
	    provider_names[p]);
	mods = arena_printf(&ctx->ar, "modules/%s/", provider_names[p]);
	if (emit_all(&ctx->ar, &ctx->dg, cfg, &os) == -1 ||
	    fsout_plan(&ctx->ar, &ctx->dg, &fo, &os, &plan) == -1)
		rc = EXIT_IO;
	for (i = 0; rc == 0 && i < plan.nops; i++) {
		if (plan.ops[i].verdict == FS_UNCHANGED ||
		    (strncmp(plan.ops[i].path, root, strlen(root)) != 0 &&
		    strncmp(plan.ops[i].path, mods, strlen(mods)) != 0))
			continue;
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "%s/%s is %s: the tree is "
		    "not what the inputs say; run siteinfra compile --out %s "
		    "first", out, plan.ops[i].path,
		    fs_verdict_names[plan.ops[i].verdict], out);
		rc = EXIT_INPUT;
	}
	fsout_plan_free(&plan);
	outset_free(&os);
	return rc;
}

/*
 * With --all, a word after SITE that is not a file was meant as ENV:
 * say so rather than fail to read it as an input.
 */
static int
check_all_paths(struct ctx *ctx, const struct tf_opts *o)
{
	struct stat	st;
	size_t		i;

	for (i = 0; o->all && i < o->npaths; i++)
		if (stat(o->paths[i], &st) == -1 && errno == ENOENT) {
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "'%s' is not an "
			    "input file or directory; with --all, give no "
			    "environment", o->paths[i]);
			return -1;
		}
	return 0;
}

int
cmd_terraform(int argc, char **argv)
{
	struct tf_opts		 o;
	struct tf_run		 r;
	struct ctx		 ctx;
	struct ast_file		*files;
	struct config		*cfg;
	const struct site	*s;
	struct stat		 st;
	enum provider		 p;
	size_t			 i;
	int			 rc;

	if ((rc = parse_opts(argc, argv, &o)) != EXIT_OK)
		return rc;
	ctx_init(&ctx);
	memset(&r, 0, sizeof(r));
	rc = EXIT_INPUT;
	if (check_all_paths(&ctx, &o) == -1)
		goto out;
	rc = inputs_load(&ctx.ar, &ctx.dg, o.paths, o.npaths, &files);
	/* Syntax errors do not hide the other files' errors. */
	if ((rc == 0 || rc == EXIT_INPUT) &&
	    chk_config(&ctx.ar, &ctx.dg, files, rc == 0, &cfg) != 0)
		rc = EXIT_INPUT;
	if (rc != 0)
		goto out;
	/* The inputs are valid: their warnings belong to check and compile. */
	diag_clear(&ctx.dg);
	rc = EXIT_INPUT;
	if (o.env != NULL && strcmp(o.env, "default") == 0) {
		diag_add(&ctx.dg, DIAG_ERROR, NULL, "'default' is Terraform's "
		    "own workspace, never an environment: name one of the "
		    "site's environments");
		goto out;
	}
	if ((s = cli_find_site(&ctx, cfg, o.site)) == NULL ||
	    (o.env != NULL && cli_find_env(&ctx, s, o.env) == -1) ||
	    cli_find_provider(&ctx, s, o.provider, &p) == -1 ||
	    check_args(&ctx, &o) == -1)
		goto out;
	r.ctx = &ctx;
	r.program = o.program;
	r.root = arena_printf(&ctx.ar, "%s/sites/%s/%s", o.out, s->name,
	    provider_names[p]);
	if (stat(r.root, &st) == -1 || !S_ISDIR(st.st_mode)) {
		diag_add(&ctx.dg, DIAG_ERROR, NULL, "no root module '%s': run "
		    "siteinfra compile --out %s first", r.root, o.out);
		goto out;
	}
	if ((rc = check_fresh(&ctx, cfg, o.out, s, p)) != 0)
		goto out;
	rc = EXIT_INPUT;
	if ((r.envp = child_env(&ctx, &o, p, o.env)) == NULL)
		goto out;
	if (!o.all) {
		rc = run_env(&r, &o, cfg, s, p, o.env);
		goto out;
	}
	/* Promotion order; the first failure stops the rest. */
	for (i = 0; i < s->nenv; i++)
		if ((rc = run_env(&r, &o, cfg, s, p, s->envs[i])) != 0)
			break;
out:
	free(r.envp);
	ctx_finish(&ctx);
	return rc;
}
