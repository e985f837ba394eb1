/* SPDX-License-Identifier: ISC */
/* outset.c: the set of generated files, keyed by path. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "outset.h"
#include "sbuf.h"

void
outset_init(struct outset *os, struct arena *ar)
{
	memset(os, 0, sizeof(*os));
	os->ar = ar;
	os->tail = &os->head;
	strmap_init(&os->paths, ar);
}

static int
add(struct outset *os, const char *path, char *data, size_t len,
    const char *site)
{
	struct outfile	*f = ARENA_NEW(os->ar, struct outfile);

	f->path = arena_strdup(os->ar, path);
	f->data = data;
	f->len = len;
	f->mode = 0644;
	f->site = site;
	if (strmap_put(&os->paths, f->path, f) != NULL) {
		free(data);
		return -1;
	}
	*os->tail = f;
	os->tail = &f->next;
	os->n++;
	os->bytes += len;
	return 0;
}

int
outset_add(struct outset *os, const char *path, struct sbuf *sb,
    const char *site)
{
	size_t	 len;
	char	*data = sb_detach(sb, &len);

	return add(os, path, data, len, site);
}

int
outset_add_copy(struct outset *os, const char *path, const char *data,
    size_t len, const char *site)
{
	char	*p = xmalloc(len + 1);

	memcpy(p, data, len);
	p[len] = '\0';
	return add(os, path, p, len, site);
}

struct outfile *
outset_get(const struct outset *os, const char *path)
{
	return strmap_get(&os->paths, path);
}

static int
cmp_path(const void *a, const void *b)
{
	const struct outfile	*x = *(const struct outfile *const *)a;
	const struct outfile	*y = *(const struct outfile *const *)b;

	return strcmp(x->path, y->path);
}

struct outfile **
outset_sorted(const struct outset *os)
{
	struct outfile	**v = xmalloc((os->n + 1) * sizeof(*v));
	struct outfile	*f;
	size_t		 i = 0;

	for (f = os->head; f != NULL; f = f->next)
		v[i++] = f;
	qsort(v, os->n, sizeof(*v), cmp_path);
	v[os->n] = NULL;
	return v;
}

void
outset_free(struct outset *os)
{
	struct outfile	*f;

	for (f = os->head; f != NULL; f = f->next)
		free(f->data);
	os->head = NULL;
	os->tail = &os->head;
	os->n = 0;
}
