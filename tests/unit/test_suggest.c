/* SPDX-License-Identifier: ISC */
/* test_suggest.c: edit distances and the "did you mean" thresholds. */
#include <stdint.h>
#include <string.h>

#include "suggest.h"
#include "unit.h"

static void
test_distance(void)
{
	char	long65[66], long64[65];

	CHECK(edit_distance("", "") == 0);
	CHECK(edit_distance("abc", "abc") == 0);
	CHECK(edit_distance("abc", "") == 3);
	CHECK(edit_distance("", "abcd") == 4);
	CHECK(edit_distance("kitten", "sitting") == 3);
	CHECK(edit_distance("sitting", "kitten") == 3);
	CHECK(edit_distance("flaw", "lawn") == 2);
	/* A transposition counts one. */
	CHECK(edit_distance("bucket", "buckte") == 1);
	CHECK(edit_distance("ab", "ba") == 1);
	CHECK(edit_distance("abcd", "acbd") == 1);
	CHECK(edit_distance("abcd", "badc") == 2);	/* two swaps */
	CHECK(edit_distance("regoin", "region") == 1);
	CHECK(edit_distance("domain", "domains") == 1);
	CHECK(edit_distance("Region", "region") == 1);	/* case counts */
	/*
	 * The restricted form (optimal string alignment): a transposed pair
	 * is not edited again, so "ca" -> "abc" is 3, not 2 as in the
	 * unrestricted Damerau-Levenshtein distance.
	 */
	CHECK(edit_distance("ca", "abc") == 3);
	/* Longer than 64 bytes: not compared at all. */
	memset(long65, 'a', 65);
	long65[65] = '\0';
	memset(long64, 'a', 64);
	long64[64] = '\0';
	CHECK(edit_distance(long65, "a") == SIZE_MAX);
	CHECK(edit_distance("a", long65) == SIZE_MAX);
	CHECK(edit_distance(long64, "a") == 63);
}

static void
collect(struct suggest *s, const char *word, const char *const *cands)
{
	suggest_init(s, word);
	for (; *cands != NULL; cands++)
		suggest_add(s, *cands);
}

static const char *
best(const char *word, const char *const *cands)
{
	struct suggest	s;

	collect(&s, word, cands);
	return suggest_best(&s);
}

static void
test_best(void)
{
	static const char *const attrs[] = { "domain", "region", "aliases",
		"bucket", "cdn", "dns", "env", NULL };
	static const char *const none[] = { NULL };
	static const char *const tie[] = { "bat", "cot", "cut", NULL };
	static const char *const better[] = { "cxxt", "cut", "cat", NULL };

	/* Words of 4 or more bytes: distance up to 2. */
	EQ_STR(best("domian", attrs), "domain");
	EQ_STR(best("regoin", attrs), "region");
	EQ_STR(best("alias", attrs), "aliases");	/* 2 */
	EQ_STR(best("bukcet", attrs), "bucket");
	/* 4 bytes, distance 2; then distance 3 from "aliases". */
	EQ_STR(best("regn", attrs), "region");
	CHECK(best("alia", attrs) == NULL);
	CHECK(best("zzzzzz", attrs) == NULL);
	/* Words under 4 bytes: distance 1 only. */
	EQ_STR(best("cnd", attrs), "cdn");
	EQ_STR(best("dsn", attrs), "dns");
	EQ_STR(best("en", attrs), "env");
	CHECK(best("ab", attrs) == NULL);
	CHECK(best("nvv", attrs) == NULL);		/* 2 from "env" */
	/* An exact match is no typo. */
	CHECK(best("cdn", attrs) == NULL);
	CHECK(best("domain", attrs) == NULL);
	/* No candidates. */
	CHECK(best("domain", none) == NULL);
	/* Ties: the first candidate added wins; a closer one replaces it. */
	EQ_STR(best("cat", tie), "bat");
	EQ_STR(best("cit", better), "cut");
}

static const char *
env(const char *word, const char *const *cands)
{
	struct suggest	s;

	collect(&s, word, cands);
	return suggest_env(&s);
}

/* Environment names: typos, the usual short forms, unique prefixes. */
static void
test_env(void)
{
	static const char *const envs[] = { "production", "preprod", "staging",
		"development", "default", NULL };
	static const char *const two[] = { "production", "produit", NULL };
	static const char *const nostaging[] = { "production", NULL };

	EQ_STR(env("prod", envs), "production");	/* begins it alone */
	EQ_STR(env("prd", envs), "production");
	EQ_STR(env("stage", envs), "staging");
	EQ_STR(env("stg", envs), "staging");
	EQ_STR(env("dev", envs), "development");
	EQ_STR(env("stagin", envs), "staging");	/* a typo first */
	EQ_STR(env("preprd", envs), "preprod");
	/* Too short, or beginning two names: no guess. */
	CHECK(env("pr", envs) == NULL);
	CHECK(env("prod", two) == NULL);
	/* A short form whose environment is not declared says nothing. */
	CHECK(env("stg", nostaging) == NULL);
	CHECK(env("production", envs) == NULL);
}

int
main(void)
{
	test_distance();
	test_best();
	test_env();
	return unit_summary();
}
