/* SPDX-License-Identifier: ISC */
/* sbuf.c: the growable string builder used by every emitter. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "sbuf.h"

char	sb_empty[1];

void
sb_init(struct sbuf *sb)
{
	sb->buf = sb_empty;
	sb->len = 0;
	sb->cap = 0;
}

void
sb_grow(struct sbuf *sb, size_t n)
{
	size_t	 want, cap;

	if (n > SIZE_MAX - sb->len - 1)
		xalloc_die();
	want = sb->len + n + 1;
	if (want <= sb->cap)
		return;
	cap = sb->cap ? sb->cap : 64;
	while (cap < want)
		cap = cap > SIZE_MAX / 2 ? want : cap * 2;
	if (sb->cap == 0) {
		sb->buf = xmalloc(cap);
		sb->buf[0] = '\0';
	} else
		sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

void
sb_add(struct sbuf *sb, const void *p, size_t n)
{
	if (n == 0)
		return;
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
sb_addstr(struct sbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void
sb_addch(struct sbuf *sb, int c)
{
	sb_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

/*
 * Formats once into the spare capacity; only a line that did not fit is
 * formatted again, after the buffer grew to its measured length.
 */
void
sb_addf(struct sbuf *sb, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 spare;
	int	 n;

	if (sb->cap - sb->len < 64)
		sb_grow(sb, 64);
	spare = sb->cap - sb->len;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, spare, fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_die();
	if ((size_t)n >= spare) {
		sb_grow(sb, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t)n;
}

void
sb_addnum_w(struct sbuf *sb, long long v, int width)
{
	char			 d[24];
	unsigned long long	 u;
	int			 n = 0;

	/* Negated in unsigned arithmetic, so LLONG_MIN is right too. */
	u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		d[sizeof(d) - 1 - n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	/* As printf's, the width counts the sign. */
	while (n < width - (v < 0) && n < (int)sizeof(d) - 1)
		d[sizeof(d) - 1 - n++] = '0';
	if (v < 0)
		d[sizeof(d) - 1 - n++] = '-';
	sb_add(sb, d + sizeof(d) - n, (size_t)n);
}

void
sb_addnum(struct sbuf *sb, long long v)
{
	sb_addnum_w(sb, v, 0);
}

void
sb_addhex16(struct sbuf *sb, unsigned long long v)
{
	static const char	digits[] = "0123456789abcdef";
	char			d[16];
	int			i;

	for (i = 15; i >= 0; i--, v >>= 4)
		d[i] = digits[v & 15];
	sb_add(sb, d, sizeof(d));
}

void
sb_pad(struct sbuf *sb, size_t n)
{
	sb_grow(sb, n);
	memset(sb->buf + sb->len, ' ', n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
sb_setlen(struct sbuf *sb, size_t len)
{
	if (sb->cap == 0)
		return;
	sb->len = len;
	sb->buf[len] = '\0';
}

void
sb_reset(struct sbuf *sb)
{
	sb_setlen(sb, 0);
}

char *
sb_detach(struct sbuf *sb, size_t *lenp)
{
	char	*p;

	if (sb->cap == 0)
		sb_grow(sb, 0);
	else if (sb->cap > sb->len + 1)
		/* Kept buffers are many: give the doubling slack back. */
		sb->buf = xrealloc(sb->buf, sb->len + 1);
	p = sb->buf;
	if (lenp != NULL)
		*lenp = sb->len;
	sb_init(sb);
	return p;
}

void
sb_release(struct sbuf *sb)
{
	if (sb->cap != 0)
		free(sb->buf);
	sb_init(sb);
}
