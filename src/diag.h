/* SPDX-License-Identifier: ISC */
/* diag.h: the diagnostics sink: collect, sort, render with source and caret. */
#ifndef DIAG_H
#define DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "src.h"

struct arena;
struct sbuf;

enum diag_sev {
	DIAG_NOTE,	/* only attached to another message */
	DIAG_WARNING,
	DIAG_ERROR,
	DIAG__MAX
};

/* The warnings of one format: repeated ones render once, summarised. */
struct diag_kind {
	const char		*fmt;
	unsigned		 count;	/* recorded, stored or not */
	bool			 shown;	/* rendered already, this time */
	struct diag_kind	*next;
};

struct diag_msg {
	enum diag_sev	 sev;
	struct diag_kind *kind;		/* warnings only */
	struct srcpos	 pos;		/* pos.file == NULL: no position */
	const char	*text;		/* arena, printable */
	struct diag_msg	*notes;		/* printed right after this message */
	struct diag_msg	**notes_tail;
	struct diag_msg	*next;
	unsigned	 seq;		/* insertion order, for a stable sort */
};

struct diag {
	struct arena	*ar;
	struct diag_msg	*head, **tail;
	struct diag_msg	*last;		/* where diag_note attaches; NULL if dropped */
	unsigned	 count[DIAG__MAX];
	unsigned	 stored;
	unsigned	 stored_other;	/* warnings kept (errors all are) */
	unsigned	 max_errors;	/* errors rendered; 0 = unlimited */
	struct diag_kind *kinds;
	bool		 color;
	bool		 verbose;	/* each repeated warning, no summary */
};

#define DIAG_MAX_ERRORS	50
/* Two warnings of a kind read at once; from three on, one summary. */
#define DIAG_SUMMARY_MIN	3

void	diag_init(struct diag *, struct arena *);
/*
 * Records a message.  The text is made printable (control characters
 * and invalid UTF-8 become \xNN) and cut to its head and tail when over
 * 400 bytes.  Every error is kept; warnings past four times the cap of
 * rendered errors are counted only.  pos may be NULL.
 */
void	diag_add(struct diag *, enum diag_sev, const struct srcpos *,
	    const char *, ...) __attribute__((__format__(__printf__, 4, 5)));
/* Attaches a note to the message added last. */
void	diag_note(struct diag *, const struct srcpos *, const char *, ...)
	    __attribute__((__format__(__printf__, 3, 4)));
/* True once any error was recorded. */
bool	diag_failed(const struct diag *);
/* True when so many errors were recorded that front-ends should stop. */
bool	diag_saturated(const struct diag *);
unsigned diag_errors(const struct diag *);
/*
 * Renders every message sorted by file, position and insertion order,
 * then the "siteinfra: N errors, M warnings" line when either is non-zero.
 * DIAG_SUMMARY_MIN or more warnings of one format (one check, for several
 * sites or blocks) render the first only, with a note counting them,
 * unless dg->verbose.
 */
void	diag_render(struct diag *, struct sbuf *);
/* Appends the messages as a JSON array, sorted as diag_render sorts. */
void	diag_render_json(struct diag *, struct sbuf *);
/* Drops every message (the arena keeps the memory). */
void	diag_clear(struct diag *);

#endif
