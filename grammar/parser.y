/* SPDX-License-Identifier: ISC */
/* parser.y: the grammar of the native syntax; it builds the generic tree. */
%require "3.8"
/* No globals shared with the scanner: both are reentrant. */
%define api.pure full
%define api.header.include {"parser.h"}
/* T_EOF, T_STRING: no clash with C names. */
%define api.token.prefix {T_}
/* YYSTYPE generated from the token and rule types. */
%define api.value.type union
/* Locations are byte spans; line and column are computed when printing. */
%define api.location.type {struct loc}
/* "unexpected X, expecting Y or Z". */
%define parse.error detailed
/* Makes the expected list of messages accurate. */
%define parse.lac full
%locations
/* Conflicts are bugs, not warnings. */
%expect 0

%code requires {
#include <stdint.h>
#include "parse.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
#define YYLLOC_DEFAULT(Cur, Rhs, N)					\
	do {								\
		if (N) {						\
			(Cur).begin = YYRHSLOC(Rhs, 1).begin;		\
			(Cur).end = YYRHSLOC(Rhs, N).end;		\
		} else							\
			(Cur).begin = (Cur).end = YYRHSLOC(Rhs, 0).end;	\
	} while (0)
}

%code provides {
#define YY_DECL int yylex(YYSTYPE *yylval_param, YYLTYPE *yylloc_param, \
    yyscan_t yyscanner, struct parse_ctx *pc)
YY_DECL;
void yyerror(YYLTYPE *, yyscan_t, struct parse_ctx *, const char *);
}

%code {
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"

static struct ast	*node(struct parse_ctx *, enum ast_kind,
			    const YYLTYPE *);
static bool		 spans_lines(const struct parse_ctx *,
			    const YYLTYPE *);
static struct ast	*keyword_key(struct parse_ctx *, const char *,
			    const YYLTYPE *);
static struct ast	*missing_equals(struct parse_ctx *, const char *,
			    const YYLTYPE *, enum ast_kind, const YYLTYPE *);
static struct ast	*block(struct parse_ctx *, const YYLTYPE *,
			    const char *, const YYLTYPE *, const char *,
			    const YYLTYPE *, struct ast *);
static void		 empty_element(struct parse_ctx *, const YYLTYPE *,
			    const char *);
}

%param {yyscan_t scanner} {struct parse_ctx *pc}

%token <const char *> IDENT "identifier" REF "dotted name" STRING "string"
%token <int64_t> NUMBER "number"
%token TRUE "'true'" FALSE "'false'"
/* Braces carry their offset, and count themselves when recovery drops them. */
%token <uint32_t> LBRACE "'{'" RBRACE "'}'"
%token NL "newline"
%token EOF 0 "end of file"

%type <struct ast *> titems items body item attr key block value list values
%type <struct ast *> map mitems

%destructor { (void)$$; pc->lost_open++; } LBRACE
%destructor { if ($$ != UINT32_MAX) pc->lost_close++; } RBRACE

/* The start symbol stays untyped: its action hands the tree to pc->file. */
%%

/* A file: statements, each ended by a newline (the scanner adds a last one). */
file:	  titems		{ pc->file->body = $1->child; }
	;

/* Top-level statements: nothing is open, so no '}' is owed on recovery. */
titems:	  %empty		{ $$ = node(pc, AST_BLOCK, &@$); }
	| titems NL		{ $$ = $1; }
	| titems item NL	{ $$ = $1; ast_append($$, $2); }
	| titems error NL
		{
			$$ = $1;
			yyerrok;
			pc->lost_close = 0;
			parse_resync(pc, false);
		}
	;

/* Statements; `error NL` resynchronises at the next line. */
items:	  %empty		{ $$ = node(pc, AST_BLOCK, &@$); }
	| items NL		{ $$ = $1; }
	| items item NL		{ $$ = $1; ast_append($$, $2); }
	| items error NL	{ $$ = $1; yyerrok; parse_resync(pc, false); }
	;

/* A block body: the last statement may end at the closing brace. */
body:	  items
	| items item		{ $$ = $1; ast_append($$, $2); }
	;

item:	  attr
	| block
	| IDENT STRING
		{ $$ = missing_equals(pc, $1, &@1, AST_STRING, &@2); $$->child->str = $2; $$->child->len = strlen($2); }
	| IDENT NUMBER
		{ $$ = missing_equals(pc, $1, &@1, AST_NUMBER, &@2); $$->child->num = $2; }
	;

/* key = value   "quoted key" = value */
attr:	  key '=' value
		{
			$$ = $1;
			$$->pos.end = @3.end;
			$$->child = $3;
		}
	;

key:	  TRUE
		{ $$ = keyword_key(pc, "true", &@1); }
	| FALSE
		{ $$ = keyword_key(pc, "false", &@1); }
	| IDENT
		{
			$$ = node(pc, AST_ATTR, &@1);
			$$->name = $1;
			$$->keypos = $$->pos;
		}
	| STRING
		{
			$$ = node(pc, AST_ATTR, &@1);
			$$->name = $1;
			$$->keypos = $$->pos;
			$$->quoted_key = true;
		}
	;

/* site "demo" { ... }   cdn { ... }   credentials {} */
block:	  IDENT LBRACE body RBRACE
		{
			(void)$2, (void)$4;
			$$ = block(pc, &@$, $1, &@1, NULL, NULL, $3);
		}
	| IDENT STRING LBRACE body RBRACE
		{
			(void)$3, (void)$5;
			$$ = block(pc, &@$, $1, &@1, $2, &@2, $4);
		}
	| IDENT IDENT LBRACE body RBRACE
		{
			struct srcpos pos = parse_pos(pc, &@2);

			(void)$3, (void)$5;
			diag_add(pc->dg, DIAG_ERROR, &pos, "block names are "
			    "strings: write %s \"%s\" { ... }", $1, $2);
			$$ = block(pc, &@$, $1, &@1, $2, &@2, $4);
		}
	;

/* "text"  42  true  cdn.domain  [..]  {..} */
value:	  STRING
		{
			$$ = node(pc, AST_STRING, &@1);
			$$->str = $1;
			$$->len = strlen($1);
		}
	| NUMBER
		{
			$$ = node(pc, AST_NUMBER, &@1);
			$$->num = $1;
		}
	| TRUE
		{
			$$ = node(pc, AST_BOOL, &@1);
			$$->boolean = true;
		}
	| FALSE
		{
			$$ = node(pc, AST_BOOL, &@1);
			$$->boolean = false;
		}
	| IDENT
		{
			$$ = node(pc, AST_REF, &@1);
			$$->str = $1;
		}
	| REF
		{
			$$ = node(pc, AST_REF, &@1);
			$$->str = $1;
		}
	| list
	| map
	;

/* ["a", "b"]  (newlines inside brackets are not tokens) */
list:	  '[' ']'
		{ $$ = node(pc, AST_LIST, &@$); }
	| '[' values ']'
		{ $$ = $2; $$->pos = parse_pos(pc, &@$); }
	| '[' values commas ']'
		{ $$ = $2; $$->pos = parse_pos(pc, &@$); }
	| '[' lead ']'
		{ $$ = node(pc, AST_LIST, &@$); }
	;

values:	  value
		{ $$ = node(pc, AST_LIST, &@$); ast_append($$, $1); }
	| lead value
		{ $$ = node(pc, AST_LIST, &@$); ast_append($$, $2); }
	| values commas value
		{ $$ = $1; ast_append($$, $3); }
	;

/*
 * "a", , "b" and [, "a"]: an empty element is an error of its own, and
 * the list is still read, so later errors are found too.
 */
commas:	  ','
	| commas ','
		{ empty_element(pc, &@2, "remove the extra ','"); }
	;

lead:	  ','
		{ empty_element(pc, &@1, "remove this ','"); }
	| lead ','
		{ empty_element(pc, &@2, "remove this ','"); }
	;

/* { production = "a", default = "b" }, entries split by newlines or commas */
map:	  LBRACE mitems RBRACE
		{
			(void)$1, (void)$3;
			$$ = $2;
			$$->pos = parse_pos(pc, &@$);
			$$->multiline = spans_lines(pc, &@$);
		}
	| LBRACE mitems attr RBRACE
		{
			(void)$1, (void)$4;
			$$ = $2;
			ast_append($$, $3);
			$$->pos = parse_pos(pc, &@$);
			$$->multiline = spans_lines(pc, &@$);
		}
	;

mitems:	  %empty		{ $$ = node(pc, AST_MAP, &@$); }
	| mitems NL		{ $$ = $1; }
	| mitems attr NL	{ $$ = $1; ast_append($$, $2); }
	| mitems attr ','	{ $$ = $1; ast_append($$, $2); }
	| mitems error NL	{ $$ = $1; yyerrok; parse_resync(pc, true); }
	;

%%

static struct ast *
node(struct parse_ctx *pc, enum ast_kind kind, const YYLTYPE *l)
{
	struct srcpos	pos = parse_pos(pc, l);

	return ast_new(pc->ar, kind, &pos);
}

static bool
spans_lines(const struct parse_ctx *pc, const YYLTYPE *l)
{
	return l->end > l->begin &&
	    memchr(pc->src->text + l->begin, '\n', l->end - l->begin) != NULL;
}

/* true = ...: a keyword as a key, reported and kept as the name. */
static struct ast *
keyword_key(struct parse_ctx *pc, const char *word, const YYLTYPE *l)
{
	struct ast	*a = node(pc, AST_ATTR, l);

	diag_add(pc->dg, DIAG_ERROR, &a->pos, "'%s' is a keyword; quote it to "
	    "use it as a name: \"%s\" = ...", word, word);
	a->name = word;
	a->keypos = a->pos;
	return a;
}

/* key "value" with no '=': reported, and kept as key = "value". */
static struct ast *
missing_equals(struct parse_ctx *pc, const char *key, const YYLTYPE *keyloc,
    enum ast_kind kind, const YYLTYPE *valloc)
{
	struct srcpos	 pos = parse_pos(pc, valloc);
	struct ast	*a = node(pc, AST_ATTR, keyloc);

	diag_add(pc->dg, DIAG_ERROR, &pos, "missing '=' between '%s' and its "
	    "value", key);
	a->name = key;
	a->keypos = a->pos;
	a->pos.end = pos.end;
	a->child = node(pc, kind, valloc);
	return a;
}

static struct ast *
block(struct parse_ctx *pc, const YYLTYPE *all, const char *type,
    const YYLTYPE *typeloc, const char *label, const YYLTYPE *labelloc,
    struct ast *body)
{
	struct ast	*b = node(pc, AST_BLOCK, all);

	b->name = type;
	b->keypos = parse_pos(pc, typeloc);
	if (label != NULL) {
		b->label = label;
		b->labelpos = parse_pos(pc, labelloc);
	}
	b->child = body->child;
	b->tail = body->child != NULL ? body->tail : &b->child;
	b->multiline = spans_lines(pc, all);
	return b;
}

static void
empty_element(struct parse_ctx *pc, const YYLTYPE *comma, const char *fix)
{
	struct srcpos	pos = parse_pos(pc, comma);

	diag_add(pc->dg, DIAG_ERROR, &pos, "empty list element: %s", fix);
}

void
yyerror(YYLTYPE *l, yyscan_t scanner, struct parse_ctx *pc, const char *msg)
{
	struct srcpos	pos = parse_pos(pc, l);

	(void)scanner;
	/* The scanner already said why it stopped. */
	if (pc->stop)
		return;
	pc->lost_open = pc->lost_close = 0;
	diag_add(pc->dg, DIAG_ERROR, &pos, "%s", msg);
	if (pc->at_eof && pc->depth > 0 && pc->depth <= PARSE_MAX_DEPTH) {
		struct loc	open = { pc->nest_off[pc->depth - 1],
				    pc->nest_off[pc->depth - 1] + 1 };
		struct srcpos	opos = parse_pos(pc, &open);

		diag_note(pc->dg, &opos, "this '%c' is not closed",
		    pc->nest[pc->depth - 1]);
	}
	if (diag_saturated(pc->dg))
		pc->stop = true;
}
