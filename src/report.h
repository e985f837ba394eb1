/* SPDX-License-Identifier: ISC */
/* report.h: what compile, check and diff tell the user, as text or JSON. */
#ifndef REPORT_H
#define REPORT_H

#include <stdbool.h>

#include "sbuf.h"

struct arena;
struct config;
struct diag;
struct fsout_opts;
struct fsplan;

struct report {
	struct arena	*ar;
	const char	*out;		/* output directory, as given */
	bool		 json;
	bool		 color;		/* stdout is a terminal */
	struct sbuf	 files;		/* JSON: the "files" array items */
	struct sbuf	 extra;		/* JSON: more top-level members */
	const char	*command;
};

void	report_init(struct report *, struct arena *, const char *out,
	    bool json);
/* compile --check: one verdict per differing path; returns the status. */
int	report_check(struct report *, const struct fsplan *, bool verbose);
/* diff / compile --diff: a unified diff per changed file; the status. */
int	report_diff(struct report *, struct diag *, const struct fsout_opts *,
	    struct fsplan *);
/* Hand edits or foreign files stopped the write: one error each. */
void	report_blocked(struct report *, struct diag *, const struct fsplan *);
/* After a write: what was created, updated, deleted. */
void	report_written(struct report *, const struct fsplan *, bool force,
	    bool verbose);
/* compile --commit: commits the generated paths; returns the status. */
int	report_commit(struct report *, struct diag *,
	    const struct fsout_opts *, const struct fsplan *,
	    const struct config *, const char *message);
/* Prints the JSON document (JSON mode) and releases the report. */
void	report_finish(struct report *, struct diag *, int status);

#endif
