/* SPDX-License-Identifier: ISC */
/* gitc.c: commits the generated paths with libgit2, and nothing else. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <git2.h>

#include "arena.h"
#include "diag.h"
#include "gitc.h"
#include "inputs.h"
#include "sbuf.h"

static int
git_fail(struct diag *dg, const char *what)
{
	const git_error	*e = git_error_last();

	diag_add(dg, DIAG_ERROR, NULL, "git: %s: %s", what,
	    e != NULL && e->message != NULL ? e->message : "unknown error");
	return -1;
}

/* The path of an existing file or directory relative to the work tree. */
static int
rel_in_workdir(struct diag *dg, git_repository *repo, const char *path,
    struct sbuf *rel)
{
	char		 rpath[PATH_MAX], rwork[PATH_MAX];
	const char	*work = git_repository_workdir(repo);
	size_t		 n;

	if (realpath(path, rpath) == NULL || realpath(work, rwork) == NULL) {
		diag_add(dg, DIAG_ERROR, NULL, "git: cannot resolve '%s': %s",
		    path, strerror(errno));
		return -1;
	}
	n = strlen(rwork);
	if (strncmp(rpath, rwork, n) != 0 || (rpath[n] != '/' &&
	    rpath[n] != '\0')) {
		diag_add(dg, DIAG_ERROR, NULL,
		    "git: '%s' is not inside the work tree of its repository",
		    path);
		return -1;
	}
	if (rpath[n] == '/')
		sb_addstr(rel, rpath + n + 1);
	return 0;
}

/* The path of dir relative to the work tree, with a final '/' ("" at top). */
static int
prefix_in_workdir(struct diag *dg, git_repository *repo, const char *dir,
    struct sbuf *prefix)
{
	if (rel_in_workdir(dg, repo, dir, prefix) == -1)
		return -1;
	if (prefix->len > 0)
		sb_addch(prefix, '/');
	return 0;
}

/* Stages each path in idx from the work tree (or removes it). */
static int
stage(struct diag *dg, git_repository *repo, git_index *idx,
    const char *prefix, const char *const *paths, size_t n, bool real)
{
	struct sbuf	 rel = SBUF_INIT, full = SBUF_INIT;
	const char	*work = git_repository_workdir(repo);
	struct stat	 st;
	size_t		 i;
	int		 rc = -1;

	for (i = 0; i < n; i++) {
		sb_reset(&rel);
		sb_addstr(&rel, prefix);
		sb_addstr(&rel, paths[i]);
		sb_reset(&full);
		sb_addstr(&full, work);
		sb_addstr(&full, rel.buf);
		if (lstat(full.buf, &st) == -1) {
			if (git_index_remove(idx, rel.buf, 0) != 0 &&
			    git_index_get_bypath(idx, rel.buf, 0) != NULL) {
				git_fail(dg, rel.buf);
				goto out;
			}
			continue;
		}
		if (real) {
			if (git_index_add_bypath(idx, rel.buf) != 0) {
				git_fail(dg, rel.buf);
				goto out;
			}
		} else {
			git_index_entry	 e;

			memset(&e, 0, sizeof(e));
			e.path = rel.buf;
			e.mode = (st.st_mode & 0111) ? GIT_FILEMODE_BLOB_EXECUTABLE :
			    GIT_FILEMODE_BLOB;
			if (git_blob_create_from_workdir(&e.id, repo,
			    rel.buf) != 0 || git_index_add(idx, &e) != 0) {
				git_fail(dg, rel.buf);
				goto out;
			}
		}
	}
	rc = 0;
out:
	sb_release(&rel);
	sb_release(&full);
	return rc;
}

/* Work-tree paths of the input files, for the commit. */
struct pathv {
	char	**v;
	size_t	  n;
};

static void
pv_add(struct pathv *pv, const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b);
	char	*p = xmalloc(la + lb + 1);

	memcpy(p, a, la);
	memcpy(p + la, b, lb + 1);
	pv->v = xrealloc(pv->v, (pv->n + 1) * sizeof(*pv->v));
	pv->v[pv->n++] = p;
}

static void
pv_free(struct pathv *pv)
{
	size_t	i;

	for (i = 0; i < pv->n; i++)
		free(pv->v[i]);
	free(pv->v);
}

/*
 * The input files as they are on disk, and the input files of HEAD that
 * an input directory does not hold any more (deletions): so HEAD never
 * holds a tree whose sources are not committed with it.
 */
static int
input_paths(struct diag *dg, git_repository *repo, git_tree *ptree,
    const struct gitc_inputs *in, struct pathv *pv)
{
	struct sbuf	 rel = SBUF_INIT;
	git_tree_entry	*te = NULL;
	git_tree	*sub = NULL;
	struct stat	 st;
	size_t		 i, k;
	int		 rc = -1;

	for (i = 0; i < in->nfiles; i++) {
		sb_reset(&rel);
		if (rel_in_workdir(dg, repo, in->files[i], &rel) == -1)
			goto out;
		pv_add(pv, rel.buf, "");
	}
	for (i = 0; ptree != NULL && i < in->nroots; i++) {
		if (stat(in->roots[i], &st) == -1 || !S_ISDIR(st.st_mode))
			continue;
		sb_reset(&rel);
		if (rel_in_workdir(dg, repo, in->roots[i], &rel) == -1)
			goto out;
		if (rel.len > 0) {
			if (git_tree_entry_bypath(&te, ptree, rel.buf) != 0)
				continue;
			if (git_tree_entry_type(te) != GIT_OBJECT_TREE ||
			    git_tree_lookup(&sub, repo,
			    git_tree_entry_id(te)) != 0) {
				git_tree_entry_free(te);
				te = NULL;
				continue;
			}
			git_tree_entry_free(te);
			te = NULL;
			sb_addch(&rel, '/');
		}
		for (k = 0; k < git_tree_entrycount(sub != NULL ? sub : ptree);
		    k++) {
			const git_tree_entry *e = git_tree_entry_byindex(
			    sub != NULL ? sub : ptree, k);

			if (git_tree_entry_type(e) == GIT_OBJECT_BLOB &&
			    inputs_is_name(git_tree_entry_name(e)))
				pv_add(pv, rel.buf, git_tree_entry_name(e));
		}
		git_tree_free(sub);
		sub = NULL;
	}
	rc = 0;
out:
	sb_release(&rel);
	return rc;
}

/* The nearest directory that exists: dir, or one of its parents. */
static char *
existing_dir(const char *dir)
{
	struct stat	 st;
	size_t		 n = strlen(dir);
	char		*p = xmalloc(n + 2), *slash;

	memcpy(p, dir, n + 1);
	while (stat(p, &st) == -1 || !S_ISDIR(st.st_mode)) {
		if ((slash = strrchr(p, '/')) == NULL) {
			memcpy(p, ".", 2);
			break;
		}
		if (slash == p) {
			p[1] = '\0';
			break;
		}
		*slash = '\0';
	}
	return p;
}

/* Opens the repository and checks it can take a commit; NULL after errors. */
static git_repository *
open_for_commit(struct diag *dg, const char *dir, git_signature **sig)
{
	git_repository	*repo = NULL;
	char		*at = existing_dir(dir);
	int		 err;

	*sig = NULL;
	if ((err = git_repository_open_ext(&repo, at, 0, NULL)) != 0) {
		if (err == GIT_ENOTFOUND)
			diag_add(dg, DIAG_ERROR, NULL, "git: '%s' is not in a "
			    "git repository; nothing was written or committed",
			    dir);
		else
			git_fail(dg, "cannot open the repository");
		goto fail;
	}
	if (git_repository_is_bare(repo)) {
		diag_add(dg, DIAG_ERROR, NULL, "git: the repository of '%s' is "
		    "bare; nothing was committed", dir);
		goto fail;
	}
	if (git_repository_head_detached(repo) == 1) {
		diag_add(dg, DIAG_ERROR, NULL, "git: HEAD is detached; check "
		    "out a branch to commit the generated files");
		goto fail;
	}
	if (git_signature_default(sig, repo) != 0) {
		diag_add(dg, DIAG_ERROR, NULL, "git: no identity to commit "
		    "with; set user.name and user.email (git config)");
		goto fail;
	}
	free(at);
	return repo;
fail:
	free(at);
	git_repository_free(repo);
	return NULL;
}

int
gitc_can_commit(struct diag *dg, const char *dir,
    const struct gitc_inputs *in)
{
	git_repository	*repo;
	git_signature	*sig;
	struct sbuf	 rel = SBUF_INIT;
	char		*at;
	size_t		 i;
	int		 rc = -1;

	git_libgit2_init();
	if ((repo = open_for_commit(dg, dir, &sig)) == NULL)
		goto out;
	at = existing_dir(dir);
	rc = rel_in_workdir(dg, repo, at, &rel);
	free(at);
	for (i = 0; rc == 0 && i < in->nfiles; i++) {
		sb_reset(&rel);
		rc = rel_in_workdir(dg, repo, in->files[i], &rel);
	}
out:
	sb_release(&rel);
	git_signature_free(sig);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc;
}

int
gitc_commit(struct diag *dg, const char *dir, const char *const *paths,
    size_t npaths, const struct gitc_inputs *in, const char *message,
    char *oid)
{
	git_repository	*repo = NULL;
	git_index	*real = NULL, *mem = NULL;
	git_reference	*head = NULL;
	git_commit	*parent = NULL;
	git_tree	*tree = NULL, *ptree = NULL;
	git_signature	*sig = NULL;
	git_oid		 tree_id, commit_id;
	struct sbuf	 prefix = SBUF_INIT;
	struct pathv	 inputs = { NULL, 0 };
	int		 rc = -1, err;

	git_libgit2_init();
	if ((repo = open_for_commit(dg, dir, &sig)) == NULL)
		goto out;
	if (prefix_in_workdir(dg, repo, dir, &prefix) == -1)
		goto out;

	/* The tree: HEAD's, with the generated paths as they are on disk. */
	err = git_repository_head(&head, repo);
	if (err == 0) {
		if (git_reference_peel((git_object **)&parent, head,
		    GIT_OBJECT_COMMIT) != 0 ||
		    git_commit_tree(&ptree, parent) != 0) {
			git_fail(dg, "cannot read HEAD");
			goto out;
		}
	} else if (err != GIT_EUNBORNBRANCH && err != GIT_ENOTFOUND) {
		git_fail(dg, "cannot read HEAD");
		goto out;
	}
	if (git_index_new(&mem) != 0 ||
	    (ptree != NULL && git_index_read_tree(mem, ptree) != 0)) {
		git_fail(dg, "cannot build the tree");
		goto out;
	}
	if (stage(dg, repo, mem, prefix.buf, paths, npaths, false) == -1 ||
	    input_paths(dg, repo, ptree, in, &inputs) == -1 ||
	    stage(dg, repo, mem, "", (const char *const *)inputs.v, inputs.n,
	    false) == -1)
		goto out;
	if (git_index_write_tree_to(&tree_id, mem, repo) != 0) {
		git_fail(dg, "cannot write the tree");
		goto out;
	}
	if (ptree != NULL && git_oid_equal(&tree_id, git_tree_id(ptree))) {
		rc = 1;
		goto out;
	}
	/*
	 * Stage the same paths in the real index first: when it is locked
	 * by another git, stop before anything is committed.
	 */
	if (git_repository_index(&real, repo) != 0 ||
	    git_index_read(real, 0) != 0 ||
	    stage(dg, repo, real, prefix.buf, paths, npaths, true) == -1 ||
	    stage(dg, repo, real, "", (const char *const *)inputs.v, inputs.n,
	    true) == -1)
		goto out;
	if (git_index_write(real) != 0) {
		git_fail(dg, "cannot update the index (is another git "
		    "running?); nothing was committed");
		goto out;
	}
	if (git_tree_lookup(&tree, repo, &tree_id) != 0 ||
	    git_commit_create(&commit_id, repo, "HEAD", sig, sig, NULL,
	    message, tree, parent != NULL ? 1 : 0,
	    (const git_commit **)&parent) != 0) {
		git_fail(dg, "cannot commit");
		goto out;
	}
	git_oid_tostr(oid, GIT_OID_HEXSZ + 1, &commit_id);
	rc = 0;
out:
	pv_free(&inputs);
	sb_release(&prefix);
	git_signature_free(sig);
	git_tree_free(tree);
	git_tree_free(ptree);
	git_commit_free(parent);
	git_reference_free(head);
	git_index_free(mem);
	git_index_free(real);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc;
}
