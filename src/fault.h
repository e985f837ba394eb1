/* SPDX-License-Identifier: ISC */
/* fault.h: failures injected at named points of a write, for the test suites. */
#ifndef FAULT_H
#define FAULT_H

#include <stdbool.h>

/*
 * SITEINFRA_FAULT=ACTION:POINT[:N] makes the Nth passage (default 1) at
 * POINT fail: ACTION "kill" raises SIGKILL there, "eio" makes the
 * operation fail with EIO.  Points: "stage" (each temporary file),
 * "commit" (the journal's commit record), "rename" (each rename into
 * place), "delete" (each orphan), "manifest" (the manifest's rename).
 * Returns true (errno set to EIO) when the operation is to fail.
 */
bool	fault_at(const char *point);

#endif
