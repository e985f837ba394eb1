/* SPDX-License-Identifier: ISC */
/* siteinfra.h: the version and the exit statuses shared by every command. */
#ifndef SITEINFRA_H
#define SITEINFRA_H

#define SITEINFRA_VERSION	"0.1.0"

enum exit_status {
	EXIT_OK		= 0,	/* success, or up to date */
	EXIT_DIFFERS	= 1,	/* --check / diff found differences */
	EXIT_INPUT	= 2,	/* invalid input or usage, with diagnostics */
	EXIT_IO		= 3,	/* I/O or git failure */
};

#endif
