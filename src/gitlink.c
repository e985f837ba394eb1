/* SPDX-License-Identifier: ISC */
/* gitlink.c: siteinfra-git, linked with libgit2, runs the commands that need it itself. */
#include "cli.h"

void
cli_need_git(void)
{
}
