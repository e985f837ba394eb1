/* SPDX-License-Identifier: ISC */
/* suggest.c: the nearest known name to a misspelled one. */
#include <stdint.h>
#include <string.h>

#include "suggest.h"

/* Names longer than this are not compared (bounded work per call). */
#define SUGGEST_MAXLEN	64

size_t
edit_distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, cost, v;
	size_t	 d[SUGGEST_MAXLEN + 1][SUGGEST_MAXLEN + 1];

	if (la > SUGGEST_MAXLEN || lb > SUGGEST_MAXLEN)
		return SIZE_MAX;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			cost = a[i - 1] == b[j - 1] ? 0 : 1;
			v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

/* Environment names often shortened in ways no edit distance finds. */
static const char *const env_short[][2] = {
	{ "prd", "production" },
	{ "stg", "staging" },
	{ "stage", "staging" },
	{ "stag", "staging" },
	{ "dev", "development" },
	{ "tst", "test" },
};

#define NENV_SHORT	(sizeof(env_short) / sizeof(env_short[0]))
/* A word shorter than this begins too many names to mean one. */
#define SUGGEST_MIN_PREFIX	3

void
suggest_init(struct suggest *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->dist = SIZE_MAX;
	s->longer = NULL;
	s->nlonger = 0;
	s->expanded = NULL;
}

void
suggest_add(struct suggest *s, const char *candidate)
{
	size_t	d = edit_distance(s->word, candidate);
	size_t	len = strlen(s->word), i;

	if (len >= SUGGEST_MIN_PREFIX && strlen(candidate) > len &&
	    strncmp(candidate, s->word, len) == 0) {
		s->longer = candidate;
		s->nlonger++;
	}
	for (i = 0; s->expanded == NULL && i < NENV_SHORT; i++)
		if (strcmp(s->word, env_short[i][0]) == 0 &&
		    strcmp(candidate, env_short[i][1]) == 0)
			s->expanded = candidate;

	/* First best wins: candidates come in a fixed order. */
	if (d < s->dist) {
		s->dist = d;
		s->best = candidate;
	}
}

const char *
suggest_best(const struct suggest *s)
{
	size_t	len = strlen(s->word), limit;

	/* Like HCL: a distance under 3, and less than half the word. */
	limit = len < 4 ? 1 : 2;
	if (s->best == NULL || s->dist == 0 || s->dist > limit)
		return NULL;
	return s->best;
}

const char *
suggest_env(const struct suggest *s)
{
	const char	*best = suggest_best(s);

	if (best != NULL)
		return best;
	if (s->expanded != NULL)
		return s->expanded;
	return s->nlonger == 1 ? s->longer : NULL;
}
