/* SPDX-License-Identifier: ISC */
/* relpath.c: a path as seen from another directory, for generated commands. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "relpath.h"
#include "sbuf.h"

/* The components of the absolute form of path, "." and ".." resolved. */
static size_t
components(struct arena *ar, const char *cwd, const char *path,
    const char ***out)
{
	const char	*full, *p, *slash;
	const char	**v;
	size_t		 n = 0, len;

	full = path[0] == '/' ? path : arena_printf(ar, "%s/%s", cwd, path);
	v = arena_array(ar, strlen(full) / 2 + 1, sizeof(*v));
	for (p = full; *p != '\0'; p = *slash == '\0' ? slash : slash + 1) {
		slash = strchr(p, '/');
		if (slash == NULL)
			slash = p + strlen(p);
		len = (size_t)(slash - p);
		if (len == 0 || (len == 1 && p[0] == '.'))
			continue;
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (n > 0)
				n--;
			continue;
		}
		v[n++] = arena_strndup(ar, p, len);
	}
	*out = v;
	return n;
}

const char *
relpath(struct arena *ar, const char *dir, const char *path)
{
	char		 cwd[PATH_MAX];
	const char	**d, **p;
	size_t		 nd, np, k, i;
	struct sbuf	 sb = SBUF_INIT;
	const char	*out;

	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return NULL;
	nd = components(ar, cwd, dir, &d);
	np = components(ar, cwd, path, &p);
	for (k = 0; k < nd && k < np && strcmp(d[k], p[k]) == 0; k++)
		;
	for (i = k; i < nd; i++)
		sb_addstr(&sb, i == k ? ".." : "/..");
	for (i = k; i < np; i++)
		sb_addf(&sb, "%s%s", sb.len > 0 ? "/" : "", p[i]);
	out = sb.len > 0 ? arena_strndup(ar, sb.buf, sb.len) : ".";
	sb_release(&sb);
	return out;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Appends a word, single-quoted unless every byte is plainly safe. */
static void
sh_word(struct sbuf *sb, const char *w)
{
	const char	*c;

	if (w[strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._/+,=@%:-")] == '\0' && w[0] != '\0') {
		sb_addstr(sb, w);
		return;
	}
	sb_addch(sb, '\'');
	for (c = w; *c != '\0'; c++)
		if (*c == '\'')
			sb_addstr(sb, "'\\''");
		else
			sb_addch(sb, *c);
	sb_addch(sb, '\'');
}

const char *
relpath_words(struct arena *ar, const char *dir, const char *const *paths,
    size_t n)
{
	const char	**v = arena_array(ar, n + 1, sizeof(*v));
	struct sbuf	 sb = SBUF_INIT;
	const char	*out;
	size_t		 i;

	for (i = 0; i < n; i++)
		if ((v[i] = relpath(ar, dir, paths[i])) == NULL)
			return NULL;
	qsort(v, n, sizeof(*v), cmp_str);
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_addch(&sb, ' ');
		sh_word(&sb, v[i]);
	}
	out = arena_strndup(ar, sb.buf, sb.len);
	sb_release(&sb);
	return out;
}
