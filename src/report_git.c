/* SPDX-License-Identifier: ISC */
/* report_git.c: the reports made with libgit2: unified diffs and the commit of the generated paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "arena.h"
#include "diag.h"
#include "fsout.h"
#include "gitc.h"
#include "json.h"
#include "outset.h"
#include "report.h"
#include "siteinfra.h"

/* Prints a patch, coloured on a terminal. */
static void
print_patch(struct report *r, const char *text, size_t len)
{
	const char	*p = text, *end = text + len, *nl;

	if (!r->color) {
		fwrite(text, 1, len, stdout);
		return;
	}
	for (; p < end; p = nl + 1) {
		const char	*color = NULL;

		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (strncmp(p, "diff --git", 10) == 0 || strncmp(p, "+++", 3) ==
		    0 || strncmp(p, "---", 3) == 0 || strncmp(p, "index ", 6) ==
		    0 || strncmp(p, "new file", 8) == 0 || strncmp(p,
		    "deleted file", 12) == 0)
			color = "\033[1m";
		else if (*p == '@')
			color = "\033[36m";
		else if (*p == '+')
			color = "\033[32m";
		else if (*p == '-')
			color = "\033[31m";
		if (color != NULL)
			fputs(color, stdout);
		fwrite(p, 1, (size_t)(nl - p), stdout);
		if (color != NULL)
			fputs("\033[0m", stdout);
		if (nl < end)
			fputc('\n', stdout);
	}
}

/*
 * Prints (or adds to the JSON report) the patch from old to new of one
 * path; a side without its flag is an absent file.  Returns 0, or -1
 * after an error.
 */
static int
diff_one(struct report *r, struct diag *dg, const char *path,
    enum fs_verdict verdict, bool has_old, const char *old, size_t oldlen,
    bool has_new, const char *new, size_t newlen)
{
	git_diff_options	 opts;
	git_patch		*patch = NULL;
	git_buf			 buf = { NULL, 0, 0 };
	struct sbuf		 text = SBUF_INIT;
	char			*name;
	int			 rc = 0;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	/* libgit2 adds the a/ and b/ prefixes. */
	name = arena_printf(r->ar, "%s/%s", r->out, path);
	if (git_patch_from_buffers(&patch, old, oldlen, has_old ? name : NULL,
	    new, newlen, has_new ? name : NULL, &opts) != 0 ||
	    git_patch_to_buf(&buf, patch) != 0) {
		const git_error *e = git_error_last();

		diag_add(dg, DIAG_ERROR, NULL, "git: cannot diff '%s': %s",
		    path, e ? e->message : "unknown error");
		rc = -1;
	} else if (r->json) {
		report_json_entry(r, path, verdict, report_action_names[verdict]);
		sb_setlen(&r->files, r->files.len - 1);
		sb_addstr(&r->files, ", \"patch\": ");
		sb_add(&text, buf.ptr, buf.size);
		json_str(&r->files, text.buf);
		sb_addch(&r->files, '}');
	} else
		print_patch(r, buf.ptr, buf.size);
	sb_release(&text);
	git_buf_dispose(&buf);
	git_patch_free(patch);
	return rc;
}

int
report_diff(struct report *r, struct diag *dg, const struct fsout_opts *fo,
    struct fsplan *plan)
{
	size_t	i, ndiff = 0;
	int	rc = EXIT_OK;

	r->command = "diff";
	git_libgit2_init();
	for (i = 0; i < plan->nops && rc == EXIT_OK; i++) {
		struct fsop	*op = &plan->ops[i];

		if (op->verdict == FS_UNCHANGED)
			continue;
		ndiff++;
		if (fsout_read_old(plan, op) == -1) {
			diag_add(dg, DIAG_ERROR, NULL, "cannot read '%s/%s'",
			    r->out, op->path);
			rc = EXIT_IO;
		} else if (diff_one(r, dg, op->path, op->verdict,
		    op->old_read, op->old, op->oldlen, !op->orphan,
		    op->orphan ? NULL : op->file->data,
		    op->orphan ? 0 : op->file->len) == -1)
			rc = EXIT_IO;
	}
	if (rc == EXIT_OK && plan->stale_manifest != NULL) {
		char	*old;
		size_t	 oldlen;

		ndiff++;
		if (fsout_read_manifest(plan, &old, &oldlen) == -1) {
			diag_add(dg, DIAG_ERROR, NULL, "cannot read '%s/%s'",
			    r->out, FS_MANIFEST);
			rc = EXIT_IO;
		} else {
			if (diff_one(r, dg, FS_MANIFEST, FS_UPDATE, true, old,
			    oldlen, true, plan->stale_manifest,
			    plan->stale_manifest_len) == -1)
				rc = EXIT_IO;
			free(old);
		}
	}
	git_libgit2_shutdown();
	if (rc != EXIT_OK)
		return rc;
	return ndiff > 0 ? EXIT_DIFFERS : EXIT_OK;
}

/* "sites/demo/aws/main.tf" and "env.d/demo/x.dist" belong to site demo. */
static const char *
site_of(struct arena *ar, const char *path)
{
	const char	*rest, *slash;

	if (strncmp(path, "sites/", 6) == 0)
		rest = path + 6;
	else if (strncmp(path, "env.d/", 6) == 0)
		rest = path + 6;
	else
		return NULL;
	if ((slash = strchr(rest, '/')) == NULL)
		return NULL;
	return arena_strndup(ar, rest, (size_t)(slash - rest));
}

static const char *
default_message(struct report *r, const struct fsplan *plan)
{
	struct sbuf	 sb = SBUF_INIT;
	const char	*last = NULL, *site, *msg;
	size_t		 i, nsites = 0;

	for (i = 0; i < plan->nops; i++) {
		const struct fsop *op = &plan->ops[i];

		if (op->verdict == FS_UNCHANGED ||
		    (site = site_of(r->ar, op->path)) == NULL)
			continue;
		/* Paths are sorted, but sites/ and env.d/ interleave. */
		if (last != NULL && strcmp(last, site) == 0)
			continue;
		if (strstr(sb.buf, arena_printf(r->ar, " %s,", site)) != NULL)
			continue;
		sb_addf(&sb, " %s,", site);
		last = site;
		nsites++;
	}
	if (nsites == 0)
		msg = arena_printf(r->ar, "siteinfra: regenerate %s", r->out);
	else {
		sb_setlen(&sb, sb.len - 1);
		msg = arena_printf(r->ar, "siteinfra: regenerate %s for site%s%s",
		    r->out, nsites == 1 ? "" : "s", sb.buf);
	}
	sb_release(&sb);
	return arena_printf(r->ar, "%s\n\nGenerated-by: siteinfra %s\n", msg,
	    SITEINFRA_VERSION);
}

int
report_commit(struct report *r, struct diag *dg, const struct fsout_opts *fo,
    const struct fsplan *plan, const struct config *cfg,
    const char *message)
{
	const char	**paths;
	char		  oid[GIT_OID_HEXSZ + 1];
	size_t		  i, n = 0;
	int		  rc;

	(void)cfg;
	paths = arena_array(r->ar, plan->nops + 2, sizeof(*paths));
	for (i = 0; i < plan->nops; i++)
		paths[n++] = plan->ops[i].path;
	paths[n++] = FS_MANIFEST;
	if (message == NULL)
		message = default_message(r, plan);
	else
		message = arena_printf(r->ar, "%s\n", message);
	rc = gitc_commit(dg, fo->dir, paths, n, message, oid);
	if (rc == -1)
		return EXIT_IO;
	if (r->json) {
		sb_addstr(&r->extra, ",\n  \"commit\": ");
		if (rc == 1)
			sb_addstr(&r->extra, "null");
		else
			json_str(&r->extra, oid);
	} else if (rc == 1)
		printf("siteinfra: nothing to commit in %s\n", r->out);
	else
		printf("siteinfra: committed %s\n", oid);
	return EXIT_OK;
}

