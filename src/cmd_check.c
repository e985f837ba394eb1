/* SPDX-License-Identifier: ISC */
/* cmd_check.c: `siteinfra check`: parse and validate, write nothing. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "ast.h"
#include "check.h"
#include "cli.h"
#include "inputs.h"
#include "report.h"
#include "siteinfra.h"

int
cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx	 ctx;
	struct ast_file	*files;
	struct config	*cfg;
	struct report	 rep;
	bool		 json = false, verbose = false;
	int		 ch, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":hv", longopts, NULL)) != -1)
		switch (ch) {
		case 'F':
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "text") != 0)
				return cli_usage("check", "--format takes text or "
				    "json, not '%s'", optarg);
			break;
		case 'v':
			verbose = true;
			break;
		case 'h':
			cli_help(stdout, "check");
			return EXIT_OK;
		default:
			return cli_bad_option("check", ch, argv);
		}
	ctx_init(&ctx);
	ctx.dg.verbose = verbose;
	report_init(&rep, &ctx.ar, "", json);
	rep.command = "check";
	rc = inputs_load(&ctx.ar, &ctx.dg, argv + optind,
	    (size_t)(argc - optind), &files);
	/* Syntax errors do not hide the other files' errors. */
	if ((rc == 0 || rc == EXIT_INPUT) &&
	    chk_config(&ctx.ar, &ctx.dg, files, rc == 0, &cfg) != 0)
		rc = EXIT_INPUT;
	/* Success says so, in one line. */
	if (rc == 0 && !json) {
		const struct ast_file	*f;
		size_t			 nfiles = 0;

		for (f = files; f != NULL; f = f->next)
			nfiles++;
		printf("siteinfra: %zu site%s in %zu file%s: no errors\n",
		    cfg->nsites, cfg->nsites == 1 ? "" : "s", nfiles,
		    nfiles == 1 ? "" : "s");
	}
	report_finish(&rep, &ctx.dg, rc);
	ctx_finish(&ctx);
	return rc;
}
