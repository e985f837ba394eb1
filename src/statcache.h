/* SPDX-License-Identifier: ISC */
/* statcache.h: what the inputs and generated files looked like last time. */
#ifndef STATCACHE_H
#define STATCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "strmap.h"

struct arena;
struct sbuf;

/* One file as siteinfra last saw it (git's index entry, in short). */
struct sc_entry {
	uint64_t		hash;	/* fast hash of the content (files) */
	long long		size;
	long long		mtime_s, mtime_ns;
	long long		ctime_s, ctime_ns;
	unsigned long long	ino;
};

struct statcache {
	struct arena	*ar;
	bool		 loaded;
	struct timespec	 written;	/* mtime of the cache file itself */
	struct sc_entry	 exe;		/* the siteinfra binary that wrote it */
	const char	**inputs;	/* input paths, in run order */
	struct sc_entry	*input_st;
	size_t		 ninputs;
	const char	*diags;		/* the run's rendered diagnostics */
	size_t		 ndiags;
	struct strmap	 files;		/* generated path -> entry (if mapped) */
	const char	**paths;	/* the same paths, in cache order */
	struct sc_entry	*entries;	/* their entries */
	bool		 complete;	/* it lists every generated file */
	size_t		 npaths;
};

/*
 * Reads the cache file open on fd (closed; -1: none); a damaged one, or
 * one naming a path that cannot be in the tree, leaves it empty.  With
 * map, files also maps each path to its entry.
 */
void	sc_load(struct statcache *, struct arena *, int fd, bool map);
/* Fills an entry from a stat result (hash given separately). */
void	sc_entry_set(struct sc_entry *, const struct stat *, uint64_t hash);
/* True when st is still what e recorded (size, inode, times). */
bool	sc_same(const struct sc_entry *, const struct stat *);
/*
 * True when e was recorded in the clock tick the cache was written in, or
 * later: a change made in that tick may leave the stat data unchanged.
 */
bool	sc_racy(const struct statcache *, const struct sc_entry *);
/*
 * True when st is still what e recorded, and e was not recorded in the
 * clock tick the cache was written in (git's "racily clean" rule: such an
 * entry may hide a change made in the same tick, so it is never trusted).
 */
bool	sc_fresh(const struct statcache *, const struct sc_entry *,
	    const struct stat *);
/* Stats the running executable (/proc/self/exe); false if impossible. */
bool	sc_exe(struct sc_entry *);

/* Writing: the header, then one line per file. */
void	sc_write_header(struct sbuf *, const struct sc_entry *exe,
	    const char *const *inputs, const struct sc_entry *input_st,
	    size_t ninputs, const char *diags, size_t ndiags);
void	sc_write_file(struct sbuf *, const char *path, const struct sc_entry *);
/* The last line, when every generated file (n lines) was written. */
void	sc_write_complete(struct sbuf *, size_t n);

#endif
