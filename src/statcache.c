/* SPDX-License-Identifier: ISC */
/* statcache.c: the local stat cache of the output directory (git's index idea). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "sbuf.h"
#include "statcache.h"
#include "tree.h"

/*
 * The file, line by line:
 *   siteinfra-cache 2
 *   exe <entry>
 *   input <entry> <path>          (one per input file, in run order)
 *   diag <bytes>\n<the rendered diagnostics>
 *   file <entry> <path>           (one per generated file)
 *   complete <n>                  (when the n file lines are all of them)
 * where <entry> is "<hash> <size> <mtime> <ctime> <inode>".
 */
#define SC_HEADER	"siteinfra-cache 2\n"

void
sc_entry_set(struct sc_entry *e, const struct stat *st, uint64_t hash)
{
	e->hash = hash;
	e->size = (long long)st->st_size;
	e->mtime_s = (long long)st->st_mtim.tv_sec;
	e->mtime_ns = (long long)st->st_mtim.tv_nsec;
	e->ctime_s = (long long)st->st_ctim.tv_sec;
	e->ctime_ns = (long long)st->st_ctim.tv_nsec;
	e->ino = (unsigned long long)st->st_ino;
}

static bool
ts_ge(long long s, long long ns, const struct timespec *t)
{
	return s > (long long)t->tv_sec ||
	    (s == (long long)t->tv_sec && ns >= (long long)t->tv_nsec);
}

bool
sc_same(const struct sc_entry *e, const struct stat *st)
{
	struct sc_entry	now;

	sc_entry_set(&now, st, e->hash);
	return now.size == e->size && now.ino == e->ino &&
	    now.mtime_s == e->mtime_s && now.mtime_ns == e->mtime_ns &&
	    now.ctime_s == e->ctime_s && now.ctime_ns == e->ctime_ns;
}

bool
sc_racy(const struct statcache *c, const struct sc_entry *e)
{
	return ts_ge(e->mtime_s, e->mtime_ns, &c->written) ||
	    ts_ge(e->ctime_s, e->ctime_ns, &c->written);
}

bool
sc_fresh(const struct statcache *c, const struct sc_entry *e,
    const struct stat *st)
{
	return sc_same(e, st) && !sc_racy(c, e);
}

bool
sc_exe(struct sc_entry *e)
{
	struct stat	st;

	if (stat("/proc/self/exe", &st) == -1)
		return false;
	sc_entry_set(e, &st, 0);
	return true;
}

static bool
number(char **sp, int base, unsigned long long *v)
{
	char	*end;

	if (!((**sp >= '0' && **sp <= '9') || (**sp >= 'a' && **sp <= 'f')))
		return false;
	*v = strtoull(*sp, &end, base);
	if (end == *sp)
		return false;
	*sp = end;
	return true;
}

/*
 * Parses "<hash> <size> <mtime> <ctime> <inode> " (times as s.ns); returns
 * the rest of the line, or NULL.  Hand-written: sscanf is ten times slower
 * and the fast path reads one line per generated file.
 */
static char *
parse_entry(char *s, struct sc_entry *e)
{
	/* hash SP size SP mtime . ns SP ctime . ns SP inode SP */
	static const char	 seps[7] = { ' ', ' ', '.', ' ', '.', ' ', ' ' };
	unsigned long long	 v[7];
	int			 i;

	for (i = 0; i < 7; i++) {
		if (!number(&s, i == 0 ? 16 : 10, &v[i]))
			return NULL;
		/* The exe line ends after the inode. */
		if (i == 6 && *s == '\0')
			break;
		if (*s++ != seps[i])
			return NULL;
	}
	e->hash = v[0];
	e->size = (long long)v[1];
	e->mtime_s = (long long)v[2];
	e->mtime_ns = (long long)v[3];
	e->ctime_s = (long long)v[4];
	e->ctime_ns = (long long)v[5];
	e->ino = v[6];
	return s;
}

void
sc_load(struct statcache *c, struct arena *ar, int fd, bool map)
{
	struct stat	 st;
	char		*data = NULL, *p, *end, *nl, *rest;
	size_t		 len, ninputs = 0, npaths = 0, at;
	FILE		*fp;

	memset(c, 0, sizeof(*c));
	c->ar = ar;
	strmap_init(&c->files, ar);
	if (fd == -1)
		return;
	if ((fp = fdopen(fd, "r")) == NULL) {
		close(fd);
		return;
	}
	if (fstat(fileno(fp), &st) == -1 || st.st_size < 0) {
		fclose(fp);
		return;
	}
	len = (size_t)st.st_size;
	data = xmalloc(len + 1);
	if (fread(data, 1, len, fp) != len) {
		fclose(fp);
		free(data);
		return;
	}
	fclose(fp);
	data[len] = '\0';
	end = data + len;
	if (len < strlen(SC_HEADER) ||
	    memcmp(data, SC_HEADER, strlen(SC_HEADER)) != 0)
		goto out;
	/* Count the lines first, so each array is allocated once. */
	for (p = data; p < end && (nl = memchr(p, '\n', (size_t)(end - p)));
	    p = nl + 1) {
		if (strncmp(p, "input ", 6) == 0)
			ninputs++;
		else if (strncmp(p, "file ", 5) == 0)
			npaths++;
	}
	c->inputs = arena_array(ar, ninputs + 1, sizeof(*c->inputs));
	c->input_st = arena_array(ar, ninputs + 1, sizeof(*c->input_st));
	c->paths = arena_array(ar, npaths + 1, sizeof(*c->paths));
	c->entries = arena_array(ar, npaths + 1, sizeof(*c->entries));
	for (p = data + strlen(SC_HEADER); p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			goto bad;
		*nl = '\0';
		if (strncmp(p, "exe ", 4) == 0) {
			if (parse_entry(p + 4, &c->exe) == NULL)
				goto bad;
		} else if (strncmp(p, "input ", 6) == 0) {
			if (c->ninputs == ninputs || (rest = parse_entry(p + 6,
			    &c->input_st[c->ninputs])) == NULL || *rest == '\0')
				goto bad;
			c->inputs[c->ninputs++] = arena_strdup(ar, rest);
		} else if (strncmp(p, "diag ", 5) == 0) {
			char *e;
			unsigned long long n = strtoull(p + 5, &e, 10);

			if (*e != '\0' || n > (unsigned long long)(end -
			    (nl + 1)))
				goto bad;
			c->diags = arena_strndup(ar, nl + 1, (size_t)n);
			c->ndiags = (size_t)n;
			nl += n;
		} else if (strncmp(p, "file ", 5) == 0) {
			struct sc_entry *e = &c->entries[c->npaths];

			if (c->npaths == npaths ||
			    (rest = parse_entry(p + 5, e)) == NULL ||
			    tree_path_problem(rest, strlen(rest), &at) != NULL)
				goto bad;
			rest = arena_strdup(ar, rest);
			if (map && strmap_put(&c->files, rest, e) != NULL)
				goto bad;
			c->paths[c->npaths++] = rest;
		} else if (strncmp(p, "complete ", 9) == 0) {
			c->complete = strtoull(p + 9, NULL, 10) ==
			    (unsigned long long)c->npaths;
		} else
			goto bad;
	}
	c->written = st.st_mtim;
	c->loaded = true;
	goto out;
bad:
	/* Damaged: start over as if there were no cache. */
	memset(c, 0, sizeof(*c));
	c->ar = ar;
	strmap_init(&c->files, ar);
out:
	free(data);
}

/*
 * "%016llx %lld %lld.%09lld %lld.%09lld %llu", by hand: one entry per
 * generated file, and printf's parsing of the format was most of its cost.
 */
static void
write_entry(struct sbuf *sb, const struct sc_entry *e)
{
	sb_addhex16(sb, (unsigned long long)e->hash);
	sb_addch(sb, ' ');
	sb_addnum(sb, e->size);
	sb_addch(sb, ' ');
	sb_addnum(sb, e->mtime_s);
	sb_addch(sb, '.');
	sb_addnum_w(sb, e->mtime_ns, 9);
	sb_addch(sb, ' ');
	sb_addnum(sb, e->ctime_s);
	sb_addch(sb, '.');
	sb_addnum_w(sb, e->ctime_ns, 9);
	sb_addch(sb, ' ');
	/* An inode number above LLONG_MAX: printed as %llu would. */
	if (e->ino > (unsigned long long)9223372036854775807LL) {
		sb_addnum(sb, (long long)(e->ino / 10));
		sb_addch(sb, (int)('0' + e->ino % 10));
	} else
		sb_addnum(sb, (long long)e->ino);
}

void
sc_write_header(struct sbuf *sb, const struct sc_entry *exe,
    const char *const *inputs, const struct sc_entry *input_st,
    size_t ninputs, const char *diags, size_t ndiags)
{
	size_t	i;

	sb_addstr(sb, SC_HEADER);
	sb_addstr(sb, "exe ");
	write_entry(sb, exe);
	sb_addch(sb, '\n');
	for (i = 0; i < ninputs; i++) {
		sb_addstr(sb, "input ");
		write_entry(sb, &input_st[i]);
		sb_addch(sb, ' ');
		sb_addstr(sb, inputs[i]);
		sb_addch(sb, '\n');
	}
	sb_addf(sb, "diag %zu\n", ndiags);
	sb_add(sb, diags, ndiags);
}

void
sc_write_file(struct sbuf *sb, const char *path, const struct sc_entry *e)
{
	sb_addstr(sb, "file ");
	write_entry(sb, e);
	sb_addch(sb, ' ');
	sb_addstr(sb, path);
	sb_addch(sb, '\n');
}

void
sc_write_complete(struct sbuf *sb, size_t n)
{
	sb_addf(sb, "complete %zu\n", n);
}
