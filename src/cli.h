/* SPDX-License-Identifier: ISC */
/* cli.h: the subcommands main() dispatches to, and what they share. */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"

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

/* Prints the help of a command (NULL: the overview); false if unknown. */
bool	cli_help(FILE *, const char *command);
/* Reports a usage error and returns EXIT_INPUT. */
int	cli_usage(const char *command, const char *fmt, ...)
	    __attribute__((__format__(__printf__, 2, 3)));

#endif
