/* SPDX-License-Identifier: ISC */
/* strmap.c: open addressing with linear probing; grows by doubling. */
#include <string.h>

#include "arena.h"
#include "strmap.h"

uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char	*u = p;
	uint64_t		 h = 0xcbf29ce484222325ULL;
	size_t			 i;

	for (i = 0; i < n; i++) {
		h ^= u[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
strmap_init(struct strmap *m, struct arena *ar)
{
	memset(m, 0, sizeof(*m));
	m->ar = ar;
}

static size_t
slot(const struct strmap *m, const char *key)
{
	size_t	i = (size_t)hash_bytes(key, strlen(key)) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

void *
strmap_get(const struct strmap *m, const char *key)
{
	size_t	i;

	if (m->cap == 0)
		return NULL;
	i = slot(m, key);
	return m->keys[i] != NULL ? m->vals[i] : NULL;
}

static void
grow(struct strmap *m)
{
	const char	**okeys = m->keys;
	void		**ovals = m->vals;
	size_t		 ocap = m->cap, i, j;

	m->cap = ocap ? ocap * 2 : 16;
	m->keys = arena_array(m->ar, m->cap, sizeof(*m->keys));
	m->vals = arena_array(m->ar, m->cap, sizeof(*m->vals));
	for (i = 0; i < ocap; i++)
		if (okeys[i] != NULL) {
			j = slot(m, okeys[i]);
			m->keys[j] = okeys[i];
			m->vals[j] = ovals[i];
		}
}

void *
strmap_put(struct strmap *m, const char *key, void *val)
{
	size_t	i;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	i = slot(m, key);
	if (m->keys[i] != NULL)
		return m->vals[i];
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	return NULL;
}
