/* SPDX-License-Identifier: ISC */
/* test_tree.c: paths of the output tree: which are valid, which siteinfra owns, no link followed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tree.h"
#include "unit.h"

static const char *
problem(const char *p, size_t *at)
{
	return tree_path_problem(p, strlen(p), at);
}

static void
test_paths(void)
{
	size_t	at;

	CHECK(problem("sites/demo/aws/main.tf", &at) == NULL);
	CHECK(problem(".siteinfra.manifest", &at) == NULL);
	CHECK(problem("sites/d\xc3\xa9mo/aws/main.tf", &at) == NULL);
	CHECK(problem("", &at) != NULL);
	CHECK(problem("/etc/passwd", &at) != NULL && at == 0);
	CHECK(problem("../victim", &at) != NULL && at == 0);
	CHECK(problem("sites/../../victim", &at) != NULL && at == 6);
	CHECK(problem("sites/..", &at) != NULL && at == 6);
	CHECK(problem("./README.md", &at) != NULL && at == 0);
	CHECK(problem("sites//main.tf", &at) != NULL && at == 6);
	CHECK(problem("sites/", &at) != NULL && at == 6);
	CHECK(problem("sites/x\ny", &at) != NULL && at == 7);
	CHECK(problem("sites/x\x1b[2J", &at) != NULL && at == 7);
	CHECK(problem("sites/x\x7f", &at) != NULL && at == 7);
	CHECK(problem("sites/\xff", &at) != NULL && at == 6);
	CHECK(tree_path_problem("ab\0cd", 5, &at) != NULL && at == 2);
	CHECK(problem("a/b/c/d/e/f/g/h/i/j", &at) != NULL);
	/* "..." and ".x" are names, not parent references. */
	CHECK(problem("sites/.../x", &at) == NULL);
	CHECK(problem("sites/.x", &at) == NULL);
}

static void
test_owned(void)
{
	CHECK(tree_owned("README.md"));
	CHECK(tree_owned(".gitignore"));
	CHECK(tree_owned(".gitattributes"));
	CHECK(tree_owned("modules/aws/cdn/main.tf"));
	CHECK(tree_owned("state/aws/main.tf"));
	CHECK(tree_owned("shared/scw/main.tf"));
	CHECK(tree_owned("sites/demo/aws/main.tf"));
	CHECK(tree_owned("sites/demo-2/scw/variables.tf"));
	CHECK(tree_owned("env.d/aws.dist"));
	CHECK(tree_owned("env.d/demo/django.production.aws.dist"));

	CHECK(!tree_owned(".siteinfra.manifest"));
	CHECK(!tree_owned(".siteinfra.cache"));
	CHECK(!tree_owned("state/aws/terraform.tfstate"));
	CHECK(!tree_owned("state/aws/terraform.tfstate.backup"));
	CHECK(!tree_owned("state/gcp/main.tf"));
	CHECK(!tree_owned("modules/aws/evil/main.tf"));
	CHECK(!tree_owned("sites/demo/aws/terraform.tfvars"));
	CHECK(!tree_owned("sites/demo/aws/.terraform/x.tf"));
	CHECK(!tree_owned("sites/demo/x/y/main.tf"));
	CHECK(!tree_owned("sites/.hidden/aws/main.tf"));
	CHECK(!tree_owned("env.d/aws"));
	CHECK(!tree_owned("env.d/demo/x.env"));
	CHECK(!tree_owned(".git/config"));
	CHECK(!tree_owned("NOTES.txt"));
}

static void
test_walk(void)
{
	char		 dir[] = "/tmp/test_tree.XXXXXX", path[256], cmd[1200];
	struct tree	 t;
	const char	*base;
	int		 fd, at;

	if (mkdtemp(dir) == NULL) {
		CHECK(!"mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/a", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/a/b", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/a/b/f", dir);
	close(open(path, O_WRONLY | O_CREAT, 0644));
	snprintf(path, sizeof(path), "%s/l", dir);
	CHECK(symlink("a", path) == 0);

	CHECK(tree_open(&t, dir) == 0);
	fd = tree_open_file(&t, "a/b/f");
	CHECK(fd != -1);
	close(fd);
	/* The same directories again, then a sibling: kept, then dropped. */
	CHECK(tree_parent(&t, "a/b/g", &base) != -1 && strcmp(base, "g") == 0);
	CHECK(t.depth == 2);
	CHECK(tree_parent(&t, "a/x", &base) != -1 && t.depth == 1);
	/* Through the link: refused, and named. */
	CHECK(tree_open_file(&t, "l/b/f") == -1 && errno == ELOOP);
	EQ_STR(t.bad, "l");
	CHECK(tree_parent(&t, "a/missing/f", &base) == -1 && errno == ENOENT);
	CHECK(tree_open_file(&t, "l") == -1 && errno == ELOOP);
	CHECK(tree_mkdir(&t, "a/new") == 0);
	tree_close(&t);

	/* A staged directory removed whole; the link in it is not followed. */
	snprintf(path, sizeof(path), "%s/s/d/e", dir);
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s' && touch '%s/f' '%s/../g' && "
	    "ln -s ../../a '%s/../link'", path, path, path, path);
	CHECK(system(cmd) == 0);
	at = open(dir, O_RDONLY | O_DIRECTORY);
	CHECK(at != -1 && tree_remove_all(at, "s") == 0);
	CHECK(faccessat(at, "s", F_OK, AT_SYMLINK_NOFOLLOW) == -1 &&
	    errno == ENOENT);
	CHECK(faccessat(at, "a/b/f", F_OK, 0) == 0);
	CHECK(tree_remove_all(at, "s") == 0);
	close(at);

	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	CHECK(system(path) == 0);
}

int
main(void)
{
	test_paths();
	test_owned();
	test_walk();
	return unit_summary();
}
