/* SPDX-License-Identifier: ISC */
/* parse.h: the front-ends: native syntax (flex + bison) and YAML (libyaml). */
#ifndef PARSE_H
#define PARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "sbuf.h"

struct arena;
struct diag;

/* Deepest nesting of blocks, maps and lists a file may have. */
#define PARSE_MAX_DEPTH	32
/* Times error recovery may insert braces in one file. */
#define PARSE_MAX_RESYNCS	256

/* Byte span of a token or rule, the location type of the parser. */
struct loc {
	uint32_t	begin;
	uint32_t	end;
};

/* State shared by the scanner and the parser of one native file. */
struct parse_ctx {
	struct arena	*ar;
	struct diag	*dg;
	struct src	*src;
	struct ast_file	*file;
	uint32_t	 off;		/* scanner position */
	struct sbuf	 str;		/* string literal being scanned */
	uint32_t	 str_begin;	/* its opening quote */
	bool		 str_bad;	/* an error was reported inside it */
	char		 nest[PARSE_MAX_DEPTH];	/* open brackets */
	uint32_t	 nest_off[PARSE_MAX_DEPTH];	/* and where */
	unsigned	 depth;
	int		 lost_open;	/* '{' and '}' dropped by error recovery */
	int		 lost_close;
	int		 queue[16];	/* tokens to return before scanning */
	unsigned	 nqueue, qhead;
	unsigned	 resyncs;
	bool		 at_eof;	/* the scanner returned end of file */
	bool		 cr_reported;	/* a lone CR was reported */
	bool		 last_nl;	/* last token was a newline */
	bool		 stop;		/* give up: too deep or too many errors */
};

/* Helpers the scanner and parser share (parse.c). */
struct srcpos	 parse_pos(const struct parse_ctx *, const struct loc *);
/*
 * After error recovery dropped the rest of a line, balance the braces it
 * dropped with synthetic tokens, so that the next lines parse in the
 * block they belong to instead of giving spurious errors.
 */
void		 parse_resync(struct parse_ctx *, bool in_map);
void		 parse_comment(struct parse_ctx *, const struct loc *,
		    const char *, size_t);

/*
 * Parses one file of the native syntax into *out.  Returns 0, or -1
 * when syntax errors were reported to the diagnostics.  The tree lives
 * in the arena and is complete even after errors (error recovery).
 */
int	parse_native(struct arena *, struct diag *, struct src *,
	    struct ast_file **out);
/* The same for a YAML file, through libyaml. */
int	parse_yaml(struct arena *, struct diag *, struct src *,
	    struct ast_file **out);
/* True when the path names a YAML file (.yaml or .yml). */
bool	parse_is_yaml(const char *path);

#endif
