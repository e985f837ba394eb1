/* SPDX-License-Identifier: ISC */
/* report.c: verdicts, diffs, write summaries and commits, in text or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "arena.h"
#include "diag.h"
#include "fsout.h"
#include "gitc.h"
#include "json.h"
#include "model.h"
#include "outset.h"
#include "report.h"
#include "siteinfra.h"

/* The action a verdict leads to when writing, for reports. */
static const char *const action_names[FS__MAX] = {
	"none",		/* FS_UNCHANGED */
	"create",	/* FS_CREATE */
	"update",	/* FS_UPDATE */
	"delete",	/* FS_DELETE */
	"blocked",	/* FS_EDITED */
	"blocked",	/* FS_FOREIGN */
};
_Static_assert(sizeof(action_names) / sizeof(action_names[0]) == FS__MAX,
    "action_names");

void
report_init(struct report *r, struct arena *ar, const char *out, bool json)
{
	memset(r, 0, sizeof(*r));
	r->ar = ar;
	r->out = out;
	r->json = json;
	r->color = !json && isatty(STDOUT_FILENO) && getenv("NO_COLOR") ==
	    NULL;
	sb_init(&r->files);
	sb_init(&r->extra);
}

static void
json_entry(struct report *r, const char *path, enum fs_verdict verdict,
    const char *action)
{
	if (r->files.len > 0)
		sb_addstr(&r->files, ",\n");
	sb_addstr(&r->files, "    {\"path\": ");
	json_str(&r->files, path);
	sb_addstr(&r->files, ", \"verdict\": ");
	json_str(&r->files, fs_verdict_names[verdict]);
	sb_addstr(&r->files, ", \"action\": ");
	json_str(&r->files, action);
	sb_addch(&r->files, '}');
}

static void
json_file(struct report *r, const struct fsop *op, const char *action)
{
	json_entry(r, op->path, op->verdict, action);
}

static bool
differs(const struct fsop *op)
{
	return op->verdict != FS_UNCHANGED;
}

int
report_check(struct report *r, const struct fsplan *plan, bool verbose)
{
	size_t	i, ndiff = 0;

	r->command = "check";
	for (i = 0; i < plan->nops; i++) {
		const struct fsop *op = &plan->ops[i];

		if (differs(op))
			ndiff++;
		if (r->json)
			json_file(r, op, "none");
		else if (differs(op) || verbose)
			printf("%s: %s/%s\n", fs_verdict_names[op->verdict],
			    r->out, op->path);
	}
	/* Not a generated file, but committed: a stale one is a difference. */
	if (plan->stale_manifest != NULL) {
		ndiff++;
		if (r->json)
			json_entry(r, FS_MANIFEST, FS_UPDATE, "none");
		else
			printf("%s: %s/%s\n", fs_verdict_names[FS_UPDATE],
			    r->out, FS_MANIFEST);
	}
	if (!r->json) {
		if (ndiff == 0)
			printf("siteinfra: %zu files up to date in %s\n",
			    plan->nops, r->out);
		else
			printf("siteinfra: %zu of %zu files differ in %s; run "
			    "siteinfra compile\n", ndiff, plan->nops +
			    (plan->stale_manifest != NULL), r->out);
	}
	return ndiff > 0 ? EXIT_DIFFERS : EXIT_OK;
}

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
		json_entry(r, path, verdict, action_names[verdict]);
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

		if (!differs(op))
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

void
report_blocked(struct report *r, struct diag *dg, const struct fsplan *plan)
{
	size_t	i;

	r->command = "compile";
	for (i = 0; i < plan->nops; i++) {
		const struct fsop *op = &plan->ops[i];

		if (r->json)
			json_file(r, op, action_names[op->verdict]);
		if (op->verdict == FS_EDITED && op->orphan)
			diag_add(dg, DIAG_ERROR, NULL, "%s/%s is not generated "
			    "any more, and was edited by hand since siteinfra "
			    "wrote it; save the change elsewhere, then delete the "
			    "file", r->out, op->path);
		else if (op->verdict == FS_EDITED)
			diag_add(dg, DIAG_ERROR, NULL, "%s/%s was edited by hand "
			    "since siteinfra wrote it; move the change into the "
			    "site description, or overwrite it with --force",
			    r->out, op->path);
		else if (op->verdict == FS_FOREIGN)
			diag_add(dg, DIAG_ERROR, NULL, "%s/%s exists and was not "
			    "generated by siteinfra; remove it, or overwrite it "
			    "with --force", r->out, op->path);
	}
	if (plan->count[FS_EDITED] + plan->count[FS_FOREIGN] == 0)
		return;
	diag_add(dg, DIAG_ERROR, NULL, "nothing was written to %s", r->out);
}

void
report_written(struct report *r, const struct fsplan *plan, bool force,
    bool verbose)
{
	static const char *const done[FS__MAX] = {
		"unchanged",	/* FS_UNCHANGED */
		"created",	/* FS_CREATE */
		"updated",	/* FS_UPDATE */
		"deleted",	/* FS_DELETE */
		"overwritten",	/* FS_EDITED, with --force */
		"overwritten",	/* FS_FOREIGN, with --force */
	};
	size_t	i, n[FS__MAX] = { 0 };

	r->command = "compile";
	for (i = 0; i < plan->nops; i++) {
		const struct fsop	*op = &plan->ops[i];
		enum fs_verdict		 v = op->verdict;
		const char		*what = done[v];

		if (op->orphan && (v == FS_EDITED || v == FS_FOREIGN))
			what = force ? "deleted" : "kept";
		n[v]++;
		if (r->json)
			json_file(r, op, action_names[v]);
		else if (v != FS_UNCHANGED || verbose)
			printf("%s %s/%s\n", what, r->out, op->path);
	}
	/* A stale manifest was rewritten with the files (fsout_apply). */
	if (plan->stale_manifest != NULL) {
		n[FS_UPDATE]++;
		if (r->json)
			json_entry(r, FS_MANIFEST, FS_UPDATE, "update");
		else
			printf("%s %s/%s\n", done[FS_UPDATE], r->out,
			    FS_MANIFEST);
	}
	if (r->json)
		return;
	if (n[FS_UNCHANGED] == plan->nops && plan->stale_manifest == NULL)
		printf("siteinfra: %zu files up to date in %s\n", plan->nops,
		    r->out);
	else
		printf("siteinfra: %s: %zu created, %zu updated, %zu deleted, "
		    "%zu overwritten, %zu unchanged\n", r->out, n[FS_CREATE],
		    n[FS_UPDATE], n[FS_DELETE], n[FS_EDITED] + n[FS_FOREIGN],
		    n[FS_UNCHANGED]);
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

void
report_finish(struct report *r, struct diag *dg, int status)
{
	struct sbuf	out = SBUF_INIT;

	if (r->json) {
		sb_addstr(&out, "{\n  \"siteinfra\": ");
		json_str(&out, SITEINFRA_VERSION);
		sb_addstr(&out, ",\n  \"command\": ");
		json_str(&out, r->command != NULL ? r->command : "compile");
		/* siteinfra check has no output directory, and no files. */
		if (r->out[0] != '\0') {
			sb_addstr(&out, ",\n  \"output\": ");
			json_str(&out, r->out);
		}
		sb_addf(&out, ",\n  \"status\": %d,\n  \"files\": [", status);
		if (r->files.len > 0)
			sb_addf(&out, "\n%s\n  ", r->files.buf);
		sb_addstr(&out, "],\n  \"diagnostics\": ");
		diag_render_json(dg, &out);
		sb_add(&out, r->extra.buf, r->extra.len);
		sb_addstr(&out, "\n}\n");
		fwrite(out.buf, 1, out.len, stdout);
	}
	sb_release(&out);
	sb_release(&r->files);
	sb_release(&r->extra);
}
