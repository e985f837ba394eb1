/* SPDX-License-Identifier: ISC */
/* resolve.c: what commands look up from their arguments: site, environment, provider, input. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "model.h"
#include "sbuf.h"
#include "suggest.h"

const struct site *
cli_find_site(struct ctx *ctx, const struct config *cfg, const char *name)
{
	const struct site	*s;
	struct suggest		 sg;
	const char		*best;

	suggest_init(&sg, name);
	for (s = cfg->sites; s != NULL; s = s->next) {
		if (strcmp(s->name, name) == 0)
			return s;
		suggest_add(&sg, s->name);
	}
	if ((best = suggest_best(&sg)) != NULL)
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "no site '%s'; did you mean "
		    "'%s'?", name, best);
	else
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "no site '%s' in the inputs",
		    name);
	return NULL;
}

int
cli_find_env(struct ctx *ctx, const struct site *s, const char *env)
{
	struct suggest	 sg;
	const char	*best;
	size_t		 i;

	suggest_init(&sg, env);
	for (i = 0; i < s->nenv; i++) {
		if (strcmp(s->envs[i], env) == 0)
			return (int)i;
		suggest_add(&sg, s->envs[i]);
	}
	/* The mistake is on the command line; the site is only context. */
	if ((best = suggest_env(&sg)) != NULL)
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "'%s' is not an "
		    "environment of site '%s'; did you mean '%s'?", env, s->name,
		    best);
	else
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "'%s' is not an "
		    "environment of site '%s'", env, s->name);
	diag_note(&ctx->dg, &s->pos, "site '%s' is declared here", s->name);
	return -1;
}

int
cli_find_provider(struct ctx *ctx, const struct site *s, const char *name,
    enum provider *p)
{
	struct suggest	 sg;
	const char	*best;
	int		 i;

	if (name == NULL) {
		if (site_has(s, PROVIDER_AWS) && site_has(s, PROVIDER_SCW)) {
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "site '%s' runs "
			    "on aws and scw; choose one with --provider",
			    s->name);
			diag_note(&ctx->dg, &s->pos, "site '%s' is declared "
			    "here", s->name);
			return -1;
		}
		*p = site_has(s, PROVIDER_AWS) ? PROVIDER_AWS : PROVIDER_SCW;
		return 0;
	}
	if ((*p = provider_lookup(name)) == PROVIDER__MAX) {
		suggest_init(&sg, name);
		for (i = 0; i < PROVIDER__MAX; i++)
			suggest_add(&sg, provider_names[i]);
		/* The provider's own name is far from its short one. */
		if (strcmp(name, "scaleway") == 0)
			best = "scw";
		else if (strcmp(name, "amazon") == 0)
			best = "aws";
		else
			best = suggest_best(&sg);
		if (best != NULL)
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "no provider '%s'; "
			    "did you mean '%s'?", name, best);
		else
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "no provider '%s': "
			    "siteinfra knows aws and scw", name);
		return -1;
	}
	if (!site_has(s, *p)) {
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "site '%s' does not run "
		    "on '%s'", s->name, name);
		diag_note(&ctx->dg, &s->providers_pos, "its providers are set "
		    "here");
		return -1;
	}
	return 0;
}

struct src *
cli_read_input(struct ctx *ctx, const char *path, const char *what,
    const char *option, const char *producer)
{
	struct src	*src;
	struct sbuf	 sb = SBUF_INIT;
	char		 buf[65536];
	size_t		 n;

	if (strcmp(path, "-") != 0) {
		src = src_load_max(&ctx->ar, path, 1, JSON_MAX_SIZE, true);
		if (src == NULL && errno == EFBIG)
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "cannot read '%s': "
			    "larger than %zu MiB", path, JSON_MAX_SIZE >> 20);
		else if (src == NULL)
			diag_add(&ctx->dg, DIAG_ERROR, NULL, "cannot read '%s': "
			    "%s", path, strerror(errno));
		if (src != NULL)
			src->redact = true;
		return src;
	}
	if (isatty(STDIN_FILENO)) {
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "give %s with %s FILE, or "
		    "pipe `%s` in", what, option, producer);
		return NULL;
	}
	/* Reads one byte past the cap at most, to tell a document too large. */
	while (sb.len <= JSON_MAX_SIZE &&
	    (n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		sb_add(&sb, buf, n);
	if (ferror(stdin)) {
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "cannot read stdin: %s",
		    strerror(errno));
		sb_release(&sb);
		return NULL;
	}
	if (sb.len > JSON_MAX_SIZE) {
		diag_add(&ctx->dg, DIAG_ERROR, NULL, "cannot read '%s': larger "
		    "than %zu MiB", "<stdin>", JSON_MAX_SIZE >> 20);
		sb_release(&sb);
		errno = EFBIG;
		return NULL;
	}
	src = src_from_buffer(&ctx->ar, "<stdin>", sb.buf, sb.len, 1);
	/* Outputs and plans hold secrets: excerpts mask every value. */
	src->redact = true;
	sb_release(&sb);
	return src;
}
