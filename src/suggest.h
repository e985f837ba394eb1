/* SPDX-License-Identifier: ISC */
/* suggest.h: "did you mean" by edit distance. */
#ifndef SUGGEST_H
#define SUGGEST_H

#include <stddef.h>

/* Edit distance (insert, delete, substitute, transpose) of a and b. */
size_t		 edit_distance(const char *a, const char *b);

/* Collects candidates and keeps the closest one to a word. */
struct suggest {
	const char	*word;
	const char	*best;
	size_t		 dist;
};

void		 suggest_init(struct suggest *, const char *word);
void		 suggest_add(struct suggest *, const char *candidate);
/* The closest candidate if it is close enough to be a typo, or NULL. */
const char	*suggest_best(const struct suggest *);

#endif
