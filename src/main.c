/* SPDX-License-Identifier: ISC */
/* main.c: the command line: dispatch, help, version and exit statuses. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <unistd.h>

#include "cli.h"
#include "sbuf.h"
#include "siteinfra.h"

static int cmd_version(int, char **);

static const struct cli_command commands[] = {
	{ "compile", cmd_compile,
	    "compile [--out DIR] [--check] [--diff] [--commit [-m MSG]] [-v] "
	    "[--force] [--remove-site NAME]... [--format text|json] "
	    "[PATH...]",
	    "Check the inputs and write the Terraform tree and env.d "
	    "templates into DIR\n(default infra).  Only files whose bytes "
	    "change are written, each atomically.\n\n"
	    "  --out DIR        output directory (default infra)\n"
	    "  --check          write nothing; report each stale, missing, "
	    "orphan or\n                   hand-edited file; exit 1 if any\n"
	    "  --diff           write nothing; print a unified diff of the "
	    "changes\n"
	    "  --commit         commit the generated paths with libgit2\n"
	    "  -m MSG           commit message (default names the sites that "
	    "changed)\n"
	    "  --force          overwrite hand edits, or write into a "
	    "directory that\n                   siteinfra did not create\n"
	    "  --remove-site NAME  delete the Terraform roots of site NAME, "
	    "once its\n                   resources are destroyed (compile "
	    "refuses otherwise\n                   and prints the destroy "
	    "commands)\n"
	    "  --format FMT     text (default) or json report\n"
	    "  -v, --verbose    one line per file written (or, with --check, "
	    "per file\n                   up to date too), not the summary "
	    "alone; and each\n                   of three or more warnings "
	    "of one kind, not the first\n                   and a count\n" },
	{ "check", cmd_check, "check [--format text|json] [-v] [PATH...]",
	    "Parse and validate the inputs; write nothing.\n\n"
	    "  --format FMT     text (default) or json report\n"
	    "  -v, --verbose    print each of three or more warnings of one "
	    "kind, not\n                   the first and a count\n" },
	{ "diff", cmd_diff, "diff [--out DIR] [--format text|json] [PATH...]",
	    "Print what compile would change, as a unified diff; write "
	    "nothing.\nExit 1 when something would change.\n\n"
	    "  --out DIR        the compiled tree (default infra)\n"
	    "  --format FMT     text (default) or json report\n" },
	{ "fmt", cmd_fmt, "fmt [--check] [--to infra|yaml] [PATH...]",
	    "Rewrite the inputs in canonical form, keeping comments.\n\n"
	    "  --check          write nothing; list the files that are not "
	    "formatted;\n                   exit 1 if any\n"
	    "  --to SYNTAX      print the inputs converted to infra or yaml "
	    "on stdout\n" },
	{ "env", cmd_env,
	    "env SITE ENV [--provider P] [--block NAME] [--outputs FILE|-] "
	    "[-o FILE] [--force] [PATH...]",
	    "Fill the runtime env file of SITE in environment ENV from the "
	    "JSON of\n`terraform output -json` (FILE, or - for stdin), and "
	    "print it, or write it\nto FILE with mode 0600 with -o.\n\n"
	    "  --provider P     aws or scw (needed for a site on both)\n"
	    "  --block NAME     the env block to fill (needed when the site "
	    "has several)\n"
	    "  --outputs FILE   the JSON of terraform output -json (default "
	    "-, stdin)\n"
	    "  -o FILE          write FILE (mode 0600) instead of printing\n"
	    "  --force          skip the git checks of FILE (where git "
	    "cannot tell\n                   whether it would be committed)\n"
	    "  PATH             the inputs (default sites)\n" },
	{ "terraform", cmd_terraform,
	    "terraform SITE ENV|--all [--provider P] [--out DIR] "
	    "[--no-create] [--terraform PROGRAM] [PATH...] -- ARGS",
	    "Run `terraform -chdir=DIR/sites/SITE/P ARGS` in the workspace of "
	    "ENV, with\nthe admin credentials of DIR/env.d/P in its "
	    "environment only.  Runs\n`init -input=false` first when the root "
	    "has never been initialised, then\n`workspace select -or-create "
	    "ENV` and checks the selection.  ARGS are\npassed as they are, "
	    "without a shell; the exit status is terraform's.\n\n"
	    "  --provider P     aws or scw (needed for a site on both)\n"
	    "  --out DIR        the compiled tree (default infra)\n"
	    "  --all            every environment of the site, in promotion "
	    "order,\n                   stopping at the first failure\n"
	    "  --no-create      select the workspace, never create it\n"
	    "  --terraform PROG the terraform to run (default terraform, "
	    "found on PATH)\n" },
	{ "adopt", cmd_adopt,
	    "adopt check --plan FILE|- [--root DIR]",
	    "Check the JSON of `terraform show -json PLAN` (FILE, or - for "
	    "stdin) for\nwhat an adoption must never do: print one line per "
	    "finding and exit 1,\nor a summary and exit 0.  Findings: any "
	    "delete; a forget of anything but\nthe CloudFront OAI or the Edge "
	    "Services plan; a create of a bucket, IAM\nuser or application, "
	    "access or API key, distribution, Edge Services\npipeline or plan, "
	    "KMS key or lock table; a changed cloudfront_domain,\n"
	    "edge_service_domain or iam_access_key output; with --root, a "
	    "moved block\nof DIR/*.tf from which no change came.\n\n"
	    "  --plan FILE      the plan as JSON (- for stdin)\n"
	    "  --root DIR       the root module the plan was made in (its "
	    "moved blocks)\n" },
	{ "version", cmd_version, "version",
	    "Print the version of siteinfra (also --version).\n" },
	{ "import", cmd_import,
	    "import [--from DIR] [--to DIR] [--force]",
	    "Read a richie site factory checkout (DIR, default .): every "
	    "site's\nsites/*/{aws,scw}/config.tfvars, the variable defaults "
	    "of aws/ and scw/\nvariables.tf, the backends of aws/ and scw/ "
	    "state.tf and env.d/*.dist; write\nthe equivalent inputs "
	    "(project.infra, one file per site) and adopt.infra,\nthe "
	    "adoption of its live objects, into DIR (default sites).  "
	    "Existing\nfiles are kept unless --force.\n\n"
	    "  --from DIR       the checkout (default .)\n"
	    "  --to DIR         where the inputs go (default sites)\n"
	    "  --force          replace files that exist\n" },
};

#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

/* The overview's first line and its closing text, shared with the man page. */
static const char summary[] =
    "sites, domains and environments in; Terraform out.";
static const char closing[] =
    "PATH is a file or a directory of *.infra, *.yaml and *.yml files\n"
    "(default: sites).  Exit status: 0 success, 1 differences found,\n"
    "2 invalid input or usage, 3 I/O or git failure.\n";

static int
cmd_version(int argc, char **argv)
{
	if (argc > 1)
		return cli_usage("version", "version takes no argument");
	printf("siteinfra %s\n", SITEINFRA_VERSION);
	return EXIT_OK;
}

bool
cli_help(FILE *fp, const char *name)
{
	size_t	i;

	if (name == NULL) {
		fprintf(fp, "siteinfra: %s\n\nusage: siteinfra COMMAND "
		    "[OPTIONS] [PATH...]\n\ncommands:\n", summary);
		for (i = 0; i < NCOMMANDS; i++)
			fprintf(fp, "  siteinfra %s\n", commands[i].usage);
		fprintf(fp, "  siteinfra --help | help COMMAND | help --man\n"
		    "\n%s", closing);
		return true;
	}
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0) {
			fprintf(fp, "usage: siteinfra %s\n\n%s",
			    commands[i].usage, commands[i].help);
			return true;
		}
	return false;
}

int
cli_usage(const char *command, const char *fmt, ...)
{
	va_list	ap;
	size_t	i;

	fputs("siteinfra: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	for (i = 0; i < NCOMMANDS; i++)
		if (command != NULL && strcmp(commands[i].name, command) == 0)
			fprintf(stderr, "usage: siteinfra %s\n",
			    commands[i].usage);
	if (command == NULL)
		fputs("usage: siteinfra COMMAND [OPTIONS] [PATH...]; see "
		    "siteinfra --help\n", stderr);
	return EXIT_INPUT;
}

int
cli_bad_option(const char *command, int ch, char *const *argv)
{
	const char	*word = argv[optind - 1];

	if (ch == ':')
		return cli_usage(command, "option '%s' needs a value", word);
	/* Inside a cluster of short options, optopt names the bad one. */
	if (optopt != 0)
		return cli_usage(command, "unknown option '-%c'", optopt);
	return cli_usage(command, "unknown option '%s'", word);
}

void
ctx_init(struct ctx *ctx)
{
	const char	*nc = getenv("NO_COLOR");

	arena_init(&ctx->ar);
	diag_init(&ctx->dg, &ctx->ar);
	ctx->dg.color = isatty(STDERR_FILENO) && (nc == NULL || *nc == '\0');
}

void
ctx_finish(struct ctx *ctx)
{
	struct sbuf	out = SBUF_INIT;

	diag_render(&ctx->dg, &out);
	fwrite(out.buf, 1, out.len, stderr);
	sb_release(&out);
	arena_free(&ctx->ar);
}

int
main(int argc, char **argv)
{
	size_t	i;

	if (argc < 2)
		return cli_usage(NULL, "no command given");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_help(stdout, NULL);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc > 3)
			return cli_usage(NULL, "help takes one command");
		/* The man page, rendered from the same texts as the help. */
		if (argc == 3 && strcmp(argv[2], "--man") == 0) {
			cli_man(stdout, summary, closing, commands, NCOMMANDS);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
		}
		if (!cli_help(stdout, argc == 3 ? argv[2] : NULL))
			return cli_usage(NULL, "unknown command '%s'", argv[2]);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(1, argv + 1);
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, argv[1]) == 0)
			return commands[i].run(argc - 1, argv + 1);
	return cli_usage(NULL, "unknown command '%s'", argv[1]);
}
