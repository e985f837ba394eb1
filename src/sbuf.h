/* SPDX-License-Identifier: ISC */
/* sbuf.h: a growable, always NUL-terminated string builder (git's strbuf). */
#ifndef SBUF_H
#define SBUF_H

#include <stddef.h>

/*
 * Invariant: buf is never NULL and buf[len] == '\0'.  An initialised
 * sbuf that never grew points at a shared empty string, so SBUF_INIT
 * needs no allocation.  The builder owns its heap memory: release it
 * with sb_release or take it with sb_detach.
 */
struct sbuf {
	char	*buf;
	size_t	 len;
	size_t	 cap;	/* 0 while buf is the shared empty string */
};

extern char	sb_empty[];
#define SBUF_INIT	{ sb_empty, 0, 0 }

void	sb_init(struct sbuf *);
/* Makes room for n more bytes. */
void	sb_grow(struct sbuf *, size_t n);
void	sb_add(struct sbuf *, const void *, size_t);
void	sb_addstr(struct sbuf *, const char *);
void	sb_addch(struct sbuf *, int);
void	sb_addf(struct sbuf *, const char *, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
/*
 * Hand-formatted numbers for the lines written once per generated file
 * (cache entries): a decimal, a decimal of at least width digits (zeros
 * first), and 16 lowercase hex digits, as printf's %lld, %0*lld, %016llx.
 */
void	sb_addnum(struct sbuf *, long long v);
void	sb_addnum_w(struct sbuf *, long long v, int width);
void	sb_addhex16(struct sbuf *, unsigned long long v);
/* Appends n spaces. */
void	sb_pad(struct sbuf *, size_t n);
/* Shortens to len bytes (len <= current length). */
void	sb_setlen(struct sbuf *, size_t len);
void	sb_reset(struct sbuf *);
/* Returns the heap buffer (caller frees) and leaves the sbuf empty. */
char	*sb_detach(struct sbuf *, size_t *lenp);
void	sb_release(struct sbuf *);

#endif
