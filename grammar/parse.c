/* SPDX-License-Identifier: ISC */
/* parse.c: drives the native scanner and parser over one in-memory file. */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "parse.h"
#include "parser.h"
#include "lexer.h"

struct srcpos
parse_pos(const struct parse_ctx *pc, const struct loc *l)
{
	struct srcpos	pos;

	pos.file = pc->src;
	pos.off = l->begin;
	pos.end = l->end;
	/* The end of file is shown at the end of the last line. */
	if (pos.off >= pc->src->len && pc->src->len > 0 &&
	    pc->src->text[pc->src->len - 1] == '\n') {
		pos.off = (uint32_t)pc->src->len - 1;
		pos.end = pos.off;
	}
	return pos;
}

void
parse_resync(struct parse_ctx *pc, bool in_map)
{
	int	net = pc->lost_open - pc->lost_close;

	pc->lost_open = pc->lost_close = 0;
	pc->qhead = pc->nqueue = 0;
	/* However confused the input, recovery must come to an end. */
	if (++pc->resyncs > PARSE_MAX_RESYNCS)
		return;
	/* A dropped '}' closed something the parser still has open. */
	for (; net < 0 && pc->nqueue + 2 <= 16; net++) {
		pc->queue[pc->nqueue++] = T_RBRACE;
		pc->queue[pc->nqueue++] = T_NL;
	}
	/* A dropped '{' opened what its '}' will close later. */
	for (; net > 0 && pc->nqueue + 4 <= 16; net--) {
		pc->queue[pc->nqueue++] = T_IDENT;
		if (in_map)
			pc->queue[pc->nqueue++] = '=';
		pc->queue[pc->nqueue++] = T_LBRACE;
		pc->queue[pc->nqueue++] = T_NL;
	}
}

void
parse_comment(struct parse_ctx *pc, const struct loc *l, const char *text,
    size_t len)
{
	struct ast_comment	*c = ARENA_NEW(pc->ar, struct ast_comment);

	c->pos = parse_pos(pc, l);
	c->text = arena_strndup(pc->ar, text, len);
	*pc->file->ctail = c;
	pc->file->ctail = &c->next;
}

bool
parse_is_yaml(const char *path)
{
	size_t	n = strlen(path);

	return (n > 5 && strcmp(path + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(path + n - 4, ".yml") == 0);
}

int
parse_native(struct arena *ar, struct diag *dg, struct src *src,
    struct ast_file **out)
{
	struct parse_ctx	 pc;
	yyscan_t		 sc;
	YY_BUFFER_STATE		 buf;
	unsigned		 before = diag_errors(dg);
	int			 rc;

	memset(&pc, 0, sizeof(pc));
	pc.ar = ar;
	pc.dg = dg;
	pc.src = src;
	pc.file = ast_file_new(ar, src, SYNTAX_NATIVE);
	pc.last_nl = true;
	sb_init(&pc.str);
	if (yylex_init(&sc) != 0)
		xalloc_die();
	buf = yy_scan_bytes(src->text, (int)src->len, sc);
	rc = yyparse(sc, &pc);
	yy_delete_buffer(buf, sc);
	yylex_destroy(sc);
	sb_release(&pc.str);
	*out = pc.file;
	return rc != 0 || diag_errors(dg) > before ? -1 : 0;
}
