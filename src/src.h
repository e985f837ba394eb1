/* SPDX-License-Identifier: ISC */
/* src.h: input files held in memory, and byte offsets turned into line:col. */
#ifndef SRC_H
#define SRC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

struct arena;

/* Inputs larger than this are refused: offsets are 32-bit. */
#define SRC_MAX_SIZE	((size_t)256 * 1024 * 1024)

struct src {
	const char	*name;	/* path as given on the command line */
	const char	*text;	/* whole file, NUL-terminated (may hold NULs) */
	size_t		 len;
	unsigned	 order;	/* position in the run's file list, for sorting */
	struct stat	 st;	/* as it was when read (src_load only) */
	bool		 has_st;
	bool		 redact;	/* a JSON secret store: excerpts mask values */
	uint32_t	*lines;	/* byte offset of each line start, built lazily */
	size_t		 nlines;
	struct arena	*ar;
};

/* A span of bytes [off, end) in one file; file NULL means "no position". */
struct srcpos {
	const struct src	*file;
	uint32_t		 off;
	uint32_t		 end;
};

/* Wraps a buffer (copied into the arena) as a source file. */
struct src	*src_from_buffer(struct arena *, const char *name,
		    const char *data, size_t len, unsigned order);
/*
 * Reads a whole file into the arena, following no symbolic link in the
 * last component.  Returns NULL and sets errno on failure; errno is EFBIG
 * for files over SRC_MAX_SIZE, ELOOP for a symbolic link.
 */
struct src	*src_load(struct arena *, const char *path, unsigned order);
/* The same with a size limit of max bytes, following links if follow. */
struct src	*src_load_max(struct arena *, const char *path, unsigned order,
		    size_t max, bool follow);

/* 1-based line and column of a byte offset; columns count characters. */
void	 src_linecol(struct src *, uint32_t off, unsigned *line,
	    unsigned *col);
/*
 * Byte offset of a 0-based line and 0-based column counted in characters
 * (libyaml's marks); clamped to the end of that line.
 */
uint32_t src_offset(struct src *, size_t line0, size_t col0);
/* Start offset and length (without the line break) of a 1-based line. */
void	 src_line(struct src *, unsigned line, uint32_t *start, size_t *len);

/*
 * Length of the valid UTF-8 sequence at p (n bytes available), or 0 when
 * the bytes there are not valid UTF-8.
 */
size_t	 utf8_seqlen(const unsigned char *p, size_t n);
/* The code point of the valid UTF-8 sequence of k bytes at u. */
unsigned long	 utf8_cp(const unsigned char *u, size_t k);
/*
 * Characters a terminal must not receive raw: C0 and C1 controls, and the
 * invisible ones that reorder or hide text (bidi overrides, zero widths).
 */
bool	 utf8_unsafe(unsigned long cp);
/* True when the n bytes at p are valid UTF-8. */
bool	 utf8_valid(const char *p, size_t n);
/* Display width: characters, counting each invalid byte as one. */
size_t	 utf8_width(const char *p, size_t n);

#endif
