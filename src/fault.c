/* SPDX-License-Identifier: ISC */
/* fault.c: SITEINFRA_FAULT, the test suites' way to kill or fail a write at a chosen step. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"

bool
fault_at(const char *point)
{
	static unsigned	 passed;	/* passages at the point named */
	const char	*spec = getenv("SITEINFRA_FAULT"), *p;
	size_t		 alen, plen = strlen(point);
	unsigned long	 n = 1;

	if (spec == NULL || (p = strchr(spec, ':')) == NULL)
		return false;
	alen = (size_t)(p - spec);
	p++;
	if (strncmp(p, point, plen) != 0 || (p[plen] != '\0' &&
	    p[plen] != ':'))
		return false;
	if (p[plen] == ':')
		n = strtoul(p + plen + 1, NULL, 10);
	if (++passed != n)
		return false;
	if (alen == 4 && strncmp(spec, "kill", 4) == 0)
		raise(SIGKILL);
	if (alen == 3 && strncmp(spec, "eio", 3) == 0) {
		errno = EIO;
		return true;
	}
	return false;
}
