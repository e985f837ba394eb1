/* SPDX-License-Identifier: ISC */
/* nogit.c: siteinfra without libgit2: the commands that need it run in siteinfra-git. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"
#include "siteinfra.h"

#define GIT_PROGRAM	"siteinfra-git"

void
cli_need_git(void)
{
	char	 self[PATH_MAX];
	char	*slash;
	ssize_t	 n;

	n = readlink("/proc/self/exe", self, sizeof(self) -
	    sizeof(GIT_PROGRAM));
	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			memcpy(slash + 1, GIT_PROGRAM, sizeof(GIT_PROGRAM));
			execv(self, cli_argv);
		}
	} else
		snprintf(self, sizeof(self), "%s", GIT_PROGRAM);
	fprintf(stderr, "siteinfra: this command needs libgit2, through "
	    "'%s': %s\n", self, strerror(errno));
	exit(EXIT_IO);
}

/* The commands and reports of siteinfra-git: reached only through it. */
int
cmd_env(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_need_git();
	return EXIT_IO;
}

int
report_diff(struct report *r, struct diag *dg, const struct fsout_opts *fo,
    struct fsplan *plan)
{
	(void)r;
	(void)dg;
	(void)fo;
	(void)plan;
	cli_need_git();
	return EXIT_IO;
}

int
report_commit(struct report *r, struct diag *dg, const struct fsout_opts *fo,
    const struct fsplan *plan, const struct config *cfg,
    const char *message)
{
	(void)r;
	(void)dg;
	(void)fo;
	(void)plan;
	(void)cfg;
	(void)message;
	cli_need_git();
	return EXIT_IO;
}
