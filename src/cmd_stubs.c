/* SPDX-License-Identifier: ISC */
/* cmd_stubs.c: commands not built yet. */
#include "cli.h"
#include "siteinfra.h"

int cmd_env(int argc, char **argv) { return cli_usage("env", "not implemented"); }
