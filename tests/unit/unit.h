/* SPDX-License-Identifier: ISC */
/* unit.h: the smallest test harness: CHECK, EQ_STR, and a summary line. */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static unsigned	unit_passed, unit_failed;

#define CHECK(cond)							\
	do {								\
		if (cond)						\
			unit_passed++;					\
		else {							\
			unit_failed++;					\
			fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__,	\
			    __LINE__, #cond);				\
		}							\
	} while (0)

#define EQ_STR(got, want)						\
	do {								\
		const char *g_ = (got), *w_ = (want);			\
		if (g_ != NULL && strcmp(g_, w_) == 0)			\
			unit_passed++;					\
		else {							\
			unit_failed++;					\
			fprintf(stderr, "%s:%d: FAIL: got\n%s\n--- want\n%s\n", \
			    __FILE__, __LINE__, g_ ? g_ : "(null)", w_);	\
		}							\
	} while (0)

static int
unit_summary(void)
{
	printf("%u passed, %u failed\n", unit_passed, unit_failed);
	return unit_failed != 0;
}

#endif
