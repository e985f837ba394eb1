/* SPDX-License-Identifier: ISC */
/* check_values.c: per-environment values, interpolation, lists. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "check.h"
#include "check_int.h"
#include "diag.h"
#include "model.h"
#include "names.h"
#include "sbuf.h"
#include "schema.h"
#include "strmap.h"
#include "suggest.h"

/* ------------------------------------------------------------------ */
/* Helpers for the building passes; every tree they see is well shaped. */

const struct ast *
chk_attr(const struct ast *block, const char *name)
{
	const struct ast	*n;

	for (n = block->child; n != NULL; n = n->next)
		if (n->kind == AST_ATTR && strcmp(n->name, name) == 0)
			return n;
	return NULL;
}

bool
chk_bool(const struct ast *block, const char *name, struct srcpos *pos)
{
	const struct ast	*a = chk_attr(block, name);

	if (a == NULL)
		return false;
	if (pos != NULL)
		*pos = a->pos;
	return a->child->boolean;
}

/*
 * The position of bytes [from, to) of a string's value, when its source
 * holds them verbatim (no escape, no YAML folding): quoted or plain.  Else
 * the whole string, which is never wrong, only less precise.
 */
static struct srcpos
sub_pos(const struct ast *n, size_t from, size_t to)
{
	struct srcpos	 pos = n->pos;
	const char	*text;
	size_t		 span = pos.end - pos.off, at;

	if (pos.file == NULL || pos.end < pos.off || pos.end > pos.file->len)
		return pos;
	text = pos.file->text + pos.off;
	if (span == n->len && memcmp(text, n->str, n->len) == 0)
		at = 0;
	else if (span == n->len + 2 && memcmp(text + 1, n->str, n->len) == 0)
		at = 1;
	else
		return pos;
	pos.off += (uint32_t)(at + from);
	pos.end = pos.off + (uint32_t)(to - from);
	return pos;
}

static void
unknown_interp(struct chk *c, const struct ast *n, size_t from, size_t to,
    const char *word)
{
	struct srcpos	 pos = sub_pos(n, from, to);
	struct suggest	 sg;
	const char	*best;

	suggest_init(&sg, word);
	suggest_add(&sg, "env");
	suggest_add(&sg, "site");
	if ((best = suggest_best(&sg)) != NULL)
		diag_add(c->dg, DIAG_ERROR, &pos,
		    "unknown interpolation '${%s}'; did you mean '${%s}'?",
		    word, best);
	else
		diag_add(c->dg, DIAG_ERROR, &pos,
		    "unknown interpolation '${%s}'; only ${env} and ${site} "
		    "exist", word);
}

/*
 * Expands ${env} and ${site} in a string; $${ is a literal ${.  Reports
 * problems only when report is set; returns NULL after a problem.
 */
static const char *
interp(struct chk *c, const struct ast *n, const char *site, const char *env,
    bool report)
{
	const char	*s = n->str, *end, *name, *res;
	size_t		 i = 0, len = n->len, nlen;
	struct sbuf	 out = SBUF_INIT;

	if (memchr(s, '$', len) == NULL)
		return s;
	while (i < len) {
		if (s[i] == '$' && i + 2 < len && s[i + 1] == '$' &&
		    s[i + 2] == '{') {
			sb_addstr(&out, "${");
			i += 3;
			continue;
		}
		if (!(s[i] == '$' && i + 1 < len && s[i + 1] == '{')) {
			sb_addch(&out, s[i++]);
			continue;
		}
		end = memchr(s + i + 2, '}', len - i - 2);
		if (end == NULL) {
			struct srcpos pos = sub_pos(n, i, len);

			if (report)
				diag_add(c->dg, DIAG_ERROR, &pos,
				    "unterminated '${' in string; write '$${' "
				    "for a literal '${'");
			goto fail;
		}
		name = s + i + 2;
		nlen = (size_t)(end - name);
		if (nlen == 3 && strncmp(name, "env", 3) == 0)
			sb_addstr(&out, env);
		else if (nlen == 4 && strncmp(name, "site", 4) == 0)
			sb_addstr(&out, site);
		else {
			if (report)
				unknown_interp(c, n, i, (size_t)(end - s) + 1,
				    arena_strndup(c->ar, name, nlen));
			goto fail;
		}
		i = (size_t)(end - s) + 1;
	}
	res = arena_strndup(c->ar, out.buf, out.len);
	sb_release(&out);
	return res;
fail:
	sb_release(&out);
	return NULL;
}

static size_t
env_index(const struct site *s, const char *name)
{
	size_t	i;

	for (i = 0; i < s->nenv; i++)
		if (strcmp(s->envs[i], name) == 0)
			return i;
	return s->nenv;
}

/*
 * Finds the value of a per-environment attribute for each environment
 * of the site: out[i] for s->envs[i].  Returns false after reporting.
 */
static bool
per_env(struct chk *c, const struct site *s, const struct srcpos *envpos,
    const struct ast *attr, const struct ast **out)
{
	const struct ast	*v = attr->child, *e, *def = NULL;
	const char		**meant;
	size_t			 i;
	bool			 ok = true;

	for (i = 0; i < s->nenv; i++)
		out[i] = v;
	if (v->kind != AST_MAP)
		return true;
	meant = arena_array(c->ar, s->nenv, sizeof(*meant));
	for (i = 0; i < s->nenv; i++)
		out[i] = NULL;
	for (e = v->child; e != NULL; e = e->next) {
		if (strcmp(e->name, "default") == 0) {
			def = e->child;
			continue;
		}
		i = env_index(s, e->name);
		if (i == s->nenv) {
			struct suggest	 sg;
			const char	*best;
			size_t		 k;

			suggest_init(&sg, e->name);
			for (k = 0; k < s->nenv; k++)
				suggest_add(&sg, s->envs[k]);
			suggest_add(&sg, "default");
			best = suggest_env(&sg);
			/* Its environment is not missing too: misspelled. */
			for (k = 0; best != NULL && k < s->nenv; k++)
				if (strcmp(s->envs[k], best) == 0)
					meant[k] = best;
			if (best != NULL)
				diag_add(c->dg, DIAG_ERROR, &e->keypos,
				    "'%s' is not an environment of site '%s'; "
				    "did you mean '%s'?", e->name, s->name,
				    best);
			else
				diag_add(c->dg, DIAG_ERROR, &e->keypos,
				    "'%s' is not an environment of site '%s'",
				    e->name, s->name);
			ok = false;
			continue;
		}
		out[i] = e->child;
	}
	for (i = 0; i < s->nenv; i++) {
		if (out[i] != NULL)
			continue;
		if (def != NULL) {
			out[i] = def;
			continue;
		}
		/* Stand-in environments: the real list decides, later. */
		if (c->standin) {
			out[i] = v->child->child;
			continue;
		}
		if (meant[i] != NULL) {
			ok = false;
			continue;
		}
		diag_add(c->dg, DIAG_ERROR, &attr->keypos,
		    "'%s' has no value for environment '%s' of site '%s'; "
		    "add a '%s' key or a 'default'", attr->name, s->envs[i],
		    s->name, s->envs[i]);
		diag_note(c->dg, &envpos[i],
		    "environment '%s' is declared here", s->envs[i]);
		ok = false;
	}
	return ok;
}

/*
 * Resolves a per-environment string attribute: interpolated, one per
 * environment.  check names a validity rule (or NULL) applied to each.
 */
bool
chk_env_strings(struct chk *c, const struct site *s,
    const struct srcpos *envpos,
    const struct ast *attr, const char *(*check)(const char *),
    const char *what, struct envstr *out)
{
	const struct ast	**nodes;
	const char		*why;
	size_t			 i;
	bool			 ok = true, *bad;

	nodes = arena_array(c->ar, s->nenv, sizeof(*nodes));
	bad = arena_array(c->ar, s->nenv, sizeof(*bad));
	out->v = arena_array(c->ar, s->nenv, sizeof(*out->v));
	out->vpos = arena_array(c->ar, s->nenv, sizeof(*out->vpos));
	out->pos = attr->pos;
	out->set = true;
	if (!per_env(c, s, envpos, attr, nodes))
		return false;
	for (i = 0; i < s->nenv; i++) {
		const struct ast *n = nodes[i];
		size_t k;

		out->vpos[i] = n->pos;
		/* Each value is reported once, however many use it. */
		for (k = 0; k < i && nodes[k] != n; k++)
			;
		out->v[i] = interp(c, n, s->name, s->envs[i], k == i);
		if (out->v[i] == NULL) {
			ok = false;
			continue;
		}
		if (check != NULL && (why = check(out->v[i])) != NULL) {
			for (k = 0; k < i && !(bad[k] && nodes[k] == n); k++)
				;
			/* Stand-in environments are not named. */
			if (k == i && c->standin)
				diag_add(c->dg, DIAG_ERROR, &n->pos,
				    "%s '%s' is invalid: %s", what, out->v[i],
				    why);
			else if (k == i)
				diag_add(c->dg, DIAG_ERROR, &n->pos,
				    "%s '%s' for environment '%s' is invalid: "
				    "%s", what, out->v[i], s->envs[i], why);
			bad[i] = true;
			ok = false;
		}
	}
	return ok;
}

bool
chk_env_numbers(struct chk *c, const struct site *s,
    const struct srcpos *envpos,
    const struct ast *attr, int64_t min, int64_t max, struct envnum *out)
{
	const struct ast	**nodes;
	size_t			 i;

	nodes = arena_array(c->ar, s->nenv, sizeof(*nodes));
	out->v = arena_array(c->ar, s->nenv, sizeof(*out->v));
	out->pos = attr->pos;
	out->set = true;
	if (!per_env(c, s, envpos, attr, nodes))
		return false;
	for (i = 0; i < s->nenv; i++) {
		if (nodes[i]->num < min || nodes[i]->num > max) {
			diag_add(c->dg, DIAG_ERROR, &nodes[i]->pos,
			    "'%s' must be between %lld and %lld", attr->name,
			    (long long)min, (long long)max);
			return false;
		}
		out->v[i] = nodes[i]->num;
	}
	return true;
}

bool
chk_env_bools(struct chk *c, const struct site *s,
    const struct srcpos *envpos, const struct ast *attr, struct envbool *out)
{
	const struct ast	**nodes;
	size_t			 i;

	nodes = arena_array(c->ar, s->nenv, sizeof(*nodes));
	out->v = arena_array(c->ar, s->nenv, sizeof(*out->v));
	out->pos = attr->pos;
	out->set = true;
	if (!per_env(c, s, envpos, attr, nodes))
		return false;
	for (i = 0; i < s->nenv; i++)
		out->v[i] = nodes[i]->boolean;
	return true;
}

bool
chk_env_lists(struct chk *c, const struct site *s,
    const struct srcpos *envpos, const struct ast *attr, struct envlist *out)
{
	const struct ast	**nodes;
	size_t			 i;

	nodes = arena_array(c->ar, s->nenv, sizeof(*nodes));
	out->v = arena_array(c->ar, s->nenv, sizeof(*out->v));
	out->n = arena_array(c->ar, s->nenv, sizeof(*out->n));
	out->vpos = arena_array(c->ar, s->nenv, sizeof(*out->vpos));
	out->pos = attr->pos;
	out->set = true;
	if (!per_env(c, s, envpos, attr, nodes))
		return false;
	for (i = 0; i < s->nenv; i++)
		out->v[i] = chk_str_list(c, nodes[i], &out->n[i],
		    &out->vpos[i]);
	return true;
}

/* A list of strings as an arena array; positions in *pos when asked. */
const char **
chk_str_list(struct chk *c, const struct ast *list, size_t *n,
    struct srcpos **pos)
{
	const struct ast	*item;
	const char		**v;
	size_t			 i = 0;

	for (item = list->child; item != NULL; item = item->next)
		i++;
	*n = i;
	v = arena_array(c->ar, i + 1, sizeof(*v));
	if (pos != NULL)
		*pos = arena_array(c->ar, i + 1, sizeof(**pos));
	i = 0;
	for (item = list->child; item != NULL; item = item->next, i++) {
		v[i] = item->str;
		if (pos != NULL)
			(*pos)[i] = item->pos;
	}
	return v;
}


/* Checks a list of environment names: valid, unique, not empty. */
bool
chk_env_list(struct chk *c, const struct ast *attr, const char **envs,
    size_t n, const struct srcpos *pos)
{
	const char	*why;
	size_t		 i, j;
	bool		 ok = true;

	if (n == 0) {
		diag_add(c->dg, DIAG_ERROR, &attr->child->pos,
		    "'environments' is empty; name at least one");
		return false;
	}
	for (i = 0; i < n; i++) {
		if ((why = name_env_problem(envs[i])) != NULL) {
			diag_add(c->dg, DIAG_ERROR, &pos[i],
			    "invalid environment name '%s': %s", envs[i], why);
			ok = false;
			continue;
		}
		for (j = 0; j < i; j++)
			if (strcmp(envs[i], envs[j]) == 0) {
				diag_add(c->dg, DIAG_ERROR, &pos[i],
				    "duplicate environment '%s'", envs[i]);
				diag_note(c->dg, &pos[j], "first listed here");
				ok = false;
				break;
			}
	}
	return ok;
}

/*
 * Env variables that change how the shell sourcing an env file (`set -a;
 * . ./file`) or the dynamic loader of every program started with it
 * behaves: in an env file they would run code the file does not show.
 */
static const struct {
	const char	*name;
	bool		 prefix;	/* every name starting with it */
	const char	*why;
} refused_keys[] = {
	{ "BASH_ENV", false, "bash runs the file it names" },
	{ "ENV", false, "sh runs the file it names" },
	{ "PROMPT_COMMAND", false, "bash runs it before each prompt" },
	{ "PS4", false, "bash expands it, commands included, on every traced "
	    "line" },
	{ "SHELLOPTS", false, "it sets the options of every bash started" },
	{ "BASHOPTS", false, "it sets the options of every bash started" },
	{ "GLOBIGNORE", false, "it changes what the shell's globs match" },
	{ "IFS", false, "it changes how the shell splits words" },
	{ "CDPATH", false, "it changes where the shell's cd goes" },
	{ "PATH", false, "it changes which programs run" },
	{ "GCONV_PATH", false, "glibc loads the modules it names" },
	{ "LD_", true, "the dynamic loader reads it, and can load any library "
	    "into every program" },
	{ "DYLD_", true, "the macOS dynamic loader reads it, and can load any "
	    "library into every program" },
};

const char *
chk_envkey_refused(const char *key)
{
	size_t	i, n;

	for (i = 0; i < sizeof(refused_keys) / sizeof(refused_keys[0]); i++) {
		n = strlen(refused_keys[i].name);
		if (refused_keys[i].prefix ? strncmp(key, refused_keys[i].name,
		    n) == 0 : strcmp(key, refused_keys[i].name) == 0)
			return refused_keys[i].why;
	}
	return NULL;
}
