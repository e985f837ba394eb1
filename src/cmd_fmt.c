/* SPDX-License-Identifier: ISC */
/* cmd_fmt.c: `siteinfra fmt`: canonical form in place, a check, or a conversion. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ast.h"
#include "atomic.h"
#include "cli.h"
#include "fmt.h"
#include "inputs.h"
#include "parse.h"
#include "sbuf.h"
#include "siteinfra.h"

int
cmd_fmt(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "to", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx	 ctx;
	struct ast_file	*files, *f;
	struct sbuf	 out = SBUF_INIT;
	struct stat	 st;
	const char	*to = NULL;
	bool		 check = false;
	int		 ch, rc, differs = 0;
	size_t		 nfiles = 0, nchanged = 0;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1)
		switch (ch) {
		case 'c':
			check = true;
			break;
		case 't':
			to = optarg;
			break;
		case 'h':
			cli_help(stdout, "fmt");
			return EXIT_OK;
		default:
			return cli_bad_option("fmt", ch, argv);
		}
	if (to != NULL && strcmp(to, "infra") != 0 && strcmp(to, "yaml") != 0)
		return cli_usage("fmt", "--to takes infra or yaml, not '%s'", to);
	if (to != NULL && check)
		return cli_usage("fmt", "--to and --check do not go together");
	if (to != NULL && argc - optind != 1)
		return cli_usage("fmt", "--to converts exactly one file");
	ctx_init(&ctx);
	rc = inputs_load(&ctx.ar, &ctx.dg, argv + optind,
	    (size_t)(argc - optind), &files);
	/* Nothing is written unless every file parsed. */
	if (rc != 0)
		goto out;
	if (to != NULL) {
		if (strcmp(to, "yaml") == 0)
			fmt_yaml(files, &out);
		else
			fmt_native(files, &out);
		fwrite(out.buf, 1, out.len, stdout);
		goto out;
	}
	for (f = files; f != NULL; f = f->next) {
		/* libyaml drops comments, so YAML files are never rewritten. */
		if (f->syntax != SYNTAX_NATIVE)
			continue;
		sb_reset(&out);
		fmt_native(f, &out);
		if (out.len == f->src->len &&
		    memcmp(out.buf, f->src->text, out.len) == 0)
			continue;
		differs = 1;
		nchanged++;
		if (check) {
			printf("%s\n", f->src->name);
			continue;
		}
		if (stat(f->src->name, &st) == -1 ||
		    atomic_write(f->src->name, out.buf, out.len,
		    st.st_mode & 07777) == -1) {
			diag_add(&ctx.dg, DIAG_ERROR, NULL,
			    "cannot write '%s': %s", f->src->name,
			    strerror(errno));
			rc = EXIT_IO;
			goto out;
		}
	}
	if (check && differs)
		rc = EXIT_DIFFERS;
	/* Success says so, in one line. */
	for (f = files; f != NULL; f = f->next)
		nfiles++;
	if (!check)
		printf("siteinfra: %zu of %zu files reformatted\n", nchanged,
		    nfiles);
	else if (!differs)
		printf("siteinfra: %zu files formatted\n", nfiles);
out:
	sb_release(&out);
	ctx_finish(&ctx);
	return rc;
}
