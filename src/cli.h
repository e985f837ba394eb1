/* SPDX-License-Identifier: ISC */
/* cli.h: the subcommands main() dispatches to, and what they share. */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "model.h"

/* State of one run: one arena, one diagnostics sink. */
struct ctx {
	struct arena	ar;
	struct diag	dg;
};

void	ctx_init(struct ctx *);
/* Prints the diagnostics to stderr and frees everything. */
void	ctx_finish(struct ctx *);

/* Each command takes its argv (argv[0] is the command name). */
int	cmd_check(int, char **);
int	cmd_compile(int, char **);
int	cmd_diff(int, char **);
int	cmd_fmt(int, char **);
int	cmd_env(int, char **);
int	cmd_terraform(int, char **);
int	cmd_adopt(int, char **);
int	cmd_import(int, char **);

/*
 * The site, environment (its index) and provider named on the command
 * line; each reports a miss, with a suggestion, and returns NULL or -1.
 * A NULL provider name means the site's only one.
 */
const struct site *cli_find_site(struct ctx *, const struct config *,
	    const char *name);
int	cli_find_env(struct ctx *, const struct site *, const char *env);
int	cli_find_provider(struct ctx *, const struct site *, const char *name,
	    enum provider *);
/*
 * Reads a document from a file, or from stdin for "-" (refusing a
 * terminal: give WHAT with OPTION FILE, or pipe PRODUCER in); NULL after
 * reporting, errno kept.
 */
struct src	*cli_read_input(struct ctx *, const char *path,
		    const char *what, const char *option, const char *producer);

/* A command: its name, entry point, usage line and help text. */
struct cli_command {
	const char	*name;
	int		(*run)(int, char **);
	const char	*usage;
	const char	*help;
};

/*
 * Writes the man page siteinfra(1) in roff: SUMMARY, the commands' usage
 * lines and help texts, and CLOSING, the very texts the help prints.
 */
void	cli_man(FILE *, const char *summary, const char *closing,
	    const struct cli_command *, size_t n);

/* Prints the help of a command (NULL: the overview); false if unknown. */
bool	cli_help(FILE *, const char *command);
/* Reports a usage error and returns EXIT_INPUT. */
int	cli_usage(const char *command, const char *fmt, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
/*
 * The usage error for what getopt_long returned as ch, '?' or ':' (the
 * option strings start with ':'): an unknown option, or one without its
 * value, named as written.  argv is the vector getopt_long read.
 */
int	cli_bad_option(const char *command, int ch, char *const *argv);

#endif
