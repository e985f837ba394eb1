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
	const char	*longer;	/* a candidate the word begins */
	size_t		 nlonger;	/* how many do */
	const char	*expanded;	/* what the word shortens */
};

void		 suggest_init(struct suggest *, const char *word);
void		 suggest_add(struct suggest *, const char *candidate);
/* The closest candidate if it is close enough to be a typo, or NULL. */
const char	*suggest_best(const struct suggest *);
/*
 * For an environment name: suggest_best, else the candidate the word
 * usually shortens ("stg" for "staging"), else the only candidate that
 * begins with the word ("prod" for "production"), or NULL.
 */
const char	*suggest_env(const struct suggest *);

#endif
