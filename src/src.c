/* SPDX-License-Identifier: ISC */
/* src.c: loading input files and mapping byte offsets to line and column. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "src.h"

struct src *
src_from_buffer(struct arena *ar, const char *name, const char *data,
    size_t len, unsigned order)
{
	struct src	*s = ARENA_NEW(ar, struct src);

	s->name = arena_strdup(ar, name);
	s->text = arena_strndup(ar, data, len);
	s->len = len;
	s->order = order;
	s->ar = ar;
	return s;
}

struct src *
src_load(struct arena *ar, const char *path, unsigned order)
{
	return src_load_max(ar, path, order, SRC_MAX_SIZE, false);
}

struct src *
src_load_max(struct arena *ar, const char *path, unsigned order, size_t max,
    bool follow)
{
	struct src	*s;
	struct stat	 st;
	char		*buf;
	size_t		 cap, len = 0;
	ssize_t		 n;
	int		 fd, saved;

	/* ELOOP from O_NOFOLLOW: the final component is a symbolic link. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC |
	    (follow ? 0 : O_NOFOLLOW))) == -1)
		return NULL;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (st.st_size > (off_t)max) {
		errno = EFBIG;
		goto fail;
	}
	/* Size from fstat is a hint only: pipes and /proc files lie. */
	cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
	buf = arena_alloc(ar, cap + 1);
	for (;;) {
		if (len == cap) {
			char *nb;

			if (cap > max) {
				errno = EFBIG;
				goto fail;
			}
			nb = arena_alloc(ar, cap * 2 + 1);
			memcpy(nb, buf, len);
			buf = nb;
			cap *= 2;
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > max) {
		errno = EFBIG;
		goto fail;
	}
	close(fd);
	buf[len] = '\0';
	s = ARENA_NEW(ar, struct src);
	s->name = arena_strdup(ar, path);
	s->text = buf;
	s->len = len;
	s->order = order;
	s->ar = ar;
	s->st = st;
	s->has_st = true;
	return s;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return NULL;
}

static void
build_lines(struct src *s)
{
	size_t	 i, n = 1;

	for (i = 0; i < s->len; i++)
		if (s->text[i] == '\n')
			n++;
	s->lines = arena_array(s->ar, n, sizeof(*s->lines));
	s->lines[0] = 0;
	n = 1;
	for (i = 0; i < s->len; i++)
		if (s->text[i] == '\n')
			s->lines[n++] = (uint32_t)(i + 1);
	s->nlines = n;
}

size_t
utf8_seqlen(const unsigned char *p, size_t n)
{
	size_t		 len, i;
	unsigned	 cp;

	if (n == 0)
		return 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2, cp = p[0] & 0x1F;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3, cp = p[0] & 0x0F;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4, cp = p[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return len;
}

unsigned long
utf8_cp(const unsigned char *u, size_t k)
{
	unsigned long	cp = k == 1 ? u[0] : k == 2 ? u[0] & 0x1Fu :
			    k == 3 ? u[0] & 0x0Fu : u[0] & 0x07u;
	size_t		i;

	for (i = 1; i < k; i++)
		cp = (cp << 6) | (u[i] & 0x3Fu);
	return cp;
}

bool
utf8_unsafe(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

bool
utf8_valid(const char *p, size_t n)
{
	const unsigned char	*u = (const unsigned char *)p;
	size_t			 i = 0, k;

	while (i < n) {
		if ((k = utf8_seqlen(u + i, n - i)) == 0)
			return false;
		i += k;
	}
	return true;
}

size_t
utf8_width(const char *p, size_t n)
{
	const unsigned char	*u = (const unsigned char *)p;
	size_t			 i = 0, w = 0, k;

	while (i < n) {
		k = utf8_seqlen(u + i, n - i);
		i += k ? k : 1;
		w++;
	}
	return w;
}

void
src_linecol(struct src *s, uint32_t off, unsigned *line, unsigned *col)
{
	size_t	 lo, hi, mid;

	if (s->lines == NULL)
		build_lines(s);
	if (off > s->len)
		off = (uint32_t)s->len;
	/* Last line start <= off. */
	lo = 0;
	hi = s->nlines;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (s->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = (unsigned)utf8_width(s->text + s->lines[lo],
	    off - s->lines[lo]) + 1;
}

void
src_line(struct src *s, unsigned line, uint32_t *start, size_t *len)
{
	size_t	 end;

	if (s->lines == NULL)
		build_lines(s);
	if (line == 0 || line > s->nlines) {
		*start = (uint32_t)s->len;
		*len = 0;
		return;
	}
	*start = s->lines[line - 1];
	end = line < s->nlines ? s->lines[line] - 1 : s->len;
	if (end > *start && s->text[end - 1] == '\r')
		end--;
	*len = end - *start;
}

uint32_t
src_offset(struct src *s, size_t line0, size_t col0)
{
	const unsigned char	*u;
	uint32_t		 start;
	size_t			 len, i = 0, k;

	if (s->lines == NULL)
		build_lines(s);
	if (line0 >= s->nlines)
		return (uint32_t)s->len;
	src_line(s, (unsigned)line0 + 1, &start, &len);
	u = (const unsigned char *)s->text + start;
	while (col0 > 0 && i < len) {
		k = utf8_seqlen(u + i, len - i);
		i += k ? k : 1;
		col0--;
	}
	return start + (uint32_t)i;
}
