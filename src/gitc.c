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
#include "sbuf.h"

static int
git_fail(struct diag *dg, const char *what)
{
	const git_error	*e = git_error_last();

	diag_add(dg, DIAG_ERROR, NULL, "git: %s: %s", what,
	    e != NULL && e->message != NULL ? e->message : "unknown error");
	return -1;
}

/* The path of dir relative to the work tree, with a final '/' ("" at top). */
static int
prefix_in_workdir(struct diag *dg, git_repository *repo, const char *dir,
    struct sbuf *prefix)
{
	char		 rdir[PATH_MAX], rwork[PATH_MAX];
	const char	*work = git_repository_workdir(repo);
	size_t		 n;

	if (realpath(dir, rdir) == NULL || realpath(work, rwork) == NULL) {
		diag_add(dg, DIAG_ERROR, NULL, "git: cannot resolve '%s': %s",
		    dir, strerror(errno));
		return -1;
	}
	n = strlen(rwork);
	if (strncmp(rdir, rwork, n) != 0 || (rdir[n] != '/' &&
	    rdir[n] != '\0')) {
		diag_add(dg, DIAG_ERROR, NULL,
		    "git: '%s' is not inside the work tree of its repository",
		    dir);
		return -1;
	}
	if (rdir[n] == '/') {
		sb_addstr(prefix, rdir + n + 1);
		sb_addch(prefix, '/');
	}
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

int
gitc_commit(struct diag *dg, const char *dir, const char *const *paths,
    size_t npaths, const char *message, char *oid)
{
	git_repository	*repo = NULL;
	git_index	*real = NULL, *mem = NULL;
	git_reference	*head = NULL;
	git_commit	*parent = NULL;
	git_tree	*tree = NULL, *ptree = NULL;
	git_signature	*sig = NULL;
	git_oid		 tree_id, commit_id;
	struct sbuf	 prefix = SBUF_INIT;
	int		 rc = -1, err;

	git_libgit2_init();
	if ((err = git_repository_open_ext(&repo, dir, 0, NULL)) != 0) {
		if (err == GIT_ENOTFOUND)
			diag_add(dg, DIAG_ERROR, NULL, "git: '%s' is not in a "
			    "git repository; nothing was committed", dir);
		else
			git_fail(dg, "cannot open the repository");
		goto out;
	}
	if (git_repository_is_bare(repo)) {
		diag_add(dg, DIAG_ERROR, NULL, "git: the repository of '%s' is "
		    "bare; nothing was committed", dir);
		goto out;
	}
	if (git_repository_head_detached(repo) == 1) {
		diag_add(dg, DIAG_ERROR, NULL, "git: HEAD is detached; check "
		    "out a branch to commit the generated files");
		goto out;
	}
	if (git_signature_default(&sig, repo) != 0) {
		diag_add(dg, DIAG_ERROR, NULL, "git: no identity to commit "
		    "with; set user.name and user.email (git config)");
		goto out;
	}
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
	if (stage(dg, repo, mem, prefix.buf, paths, npaths, false) == -1)
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
	    stage(dg, repo, real, prefix.buf, paths, npaths, true) == -1)
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
