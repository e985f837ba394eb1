/* SPDX-License-Identifier: ISC */
/* fmt_infra.c: prints a syntax tree in the canonical native syntax, with its comments. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "fmt.h"
#include "sbuf.h"

struct printer {
	struct sbuf		*out;
	struct src		*src;
	struct ast_comment	*comment;	/* next comment to print */
	unsigned		 last_line;	/* last source line printed */
};

/* One line of an attribute run, printed once the run is complete. */
struct runline {
	const char	*key;
	size_t		 keywidth;
	char		*value;
	const char	*comment;
};

static unsigned
line_of(struct printer *p, uint32_t off)
{
	unsigned	line, col;

	src_linecol(p->src, off, &line, &col);
	return line;
}

static unsigned
end_line(struct printer *p, const struct ast *n)
{
	return line_of(p, n->pos.end > n->pos.off ? n->pos.end - 1 :
	    n->pos.off);
}

static void
indent(struct sbuf *out, unsigned depth)
{
	sb_pad(out, depth * 2);
}

void
fmt_string(struct sbuf *out, const char *s, size_t len)
{
	size_t	i;

	sb_addch(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"':
			sb_addstr(out, "\\\"");
			break;
		case '\\':
			sb_addstr(out, "\\\\");
			break;
		case '\n':
			sb_addstr(out, "\\n");
			break;
		case '\r':
			sb_addstr(out, "\\r");
			break;
		case '\t':
			sb_addstr(out, "\\t");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				sb_addf(out, "\\u%04x", c);
			else
				sb_addch(out, c);
		}
	}
	sb_addch(out, '"');
}

static void
key_text(struct sbuf *out, const struct ast *attr)
{
	const char	*k = attr->name;
	size_t		 i;
	bool		 bare = !attr->quoted_key && k[0] != '\0';

	/* A key stays bare only if it scans as an identifier. */
	for (i = 0; bare && k[i] != '\0'; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') ||
		    (k[i] >= 'A' && k[i] <= 'Z') || k[i] == '_' ||
		    (i > 0 && ((k[i] >= '0' && k[i] <= '9') || k[i] == '-'))))
			bare = false;
	if (bare && (strcmp(k, "true") == 0 || strcmp(k, "false") == 0))
		bare = false;
	if (bare)
		sb_addstr(out, k);
	else
		fmt_string(out, k, strlen(k));
}

/* True when a value prints on one line. */
static bool
is_inline(const struct ast *v)
{
	const struct ast	*e;

	/* Lists print on one line, any map in them too. */
	if (v->kind == AST_LIST)
		return true;
	if (v->kind != AST_MAP)
		return true;
	if (v->child == NULL)
		return true;
	if (v->multiline)
		return false;
	for (e = v->child; e != NULL; e = e->next)
		if (!is_inline(e->child))
			return false;
	return true;
}

static void
inline_value(struct sbuf *out, const struct ast *v)
{
	const struct ast	*e;

	switch (v->kind) {
	case AST_STRING:
		fmt_string(out, v->str, v->len);
		break;
	case AST_NUMBER:
		sb_addf(out, "%" PRId64, v->num);
		break;
	case AST_BOOL:
		sb_addstr(out, v->boolean ? "true" : "false");
		break;
	case AST_REF:
		sb_addstr(out, v->str);
		break;
	case AST_LIST:
		sb_addch(out, '[');
		for (e = v->child; e != NULL; e = e->next) {
			if (e != v->child)
				sb_addstr(out, ", ");
			inline_value(out, e);
		}
		sb_addch(out, ']');
		break;
	case AST_MAP:
		if (v->child == NULL) {
			sb_addstr(out, "{}");
			break;
		}
		sb_addstr(out, "{ ");
		for (e = v->child; e != NULL; e = e->next) {
			if (e != v->child)
				sb_addstr(out, ", ");
			key_text(out, e);
			sb_addstr(out, " = ");
			inline_value(out, e->child);
		}
		sb_addstr(out, " }");
		break;
	default:
		break;
	}
}

/* Prints the comments that start before off, each on its own line. */
static void
comments_before(struct printer *p, uint32_t off, unsigned depth, bool first)
{
	struct ast_comment	*c;
	unsigned		 line;

	while ((c = p->comment) != NULL && c->pos.off < off) {
		line = line_of(p, c->pos.off);
		if (!first && p->last_line != 0 && line > p->last_line + 1)
			sb_addch(p->out, '\n');
		indent(p->out, depth);
		sb_addstr(p->out, c->text);
		sb_addch(p->out, '\n');
		p->last_line = line;
		p->comment = c->next;
		first = false;
	}
}

/*
 * The comment on the same source line after a construct, if any, but not
 * past end, the closing brace of what holds it (that one's comment).
 */
static const char *
trailing_comment(struct printer *p, const struct ast *n, uint32_t end)
{
	struct ast_comment	*c = p->comment;

	if (c != NULL && c->pos.off >= n->pos.end && c->pos.off < end &&
	    line_of(p, c->pos.off) == end_line(p, n)) {
		p->comment = c->next;
		return c->text;
	}
	return NULL;
}

static void	print_items(struct printer *, const struct ast *, unsigned,
		    uint32_t);

/* Prints a run of one-line attributes with '=' and comments aligned. */
static void
flush_run(struct printer *p, struct runline *run, size_t n, unsigned depth)
{
	size_t	i, j, w = 0, cw;

	for (i = 0; i < n; i++)
		if (run[i].keywidth > w)
			w = run[i].keywidth;
	for (i = 0; i < n; i = j) {
		/* Consecutive commented lines align their comments. */
		cw = 0;
		for (j = i; j < n && run[j].comment != NULL; j++) {
			size_t lw = w + 3 + utf8_width(run[j].value,
			    strlen(run[j].value));

			if (lw > cw)
				cw = lw;
		}
		if (j == i)
			j = i + 1;
		for (size_t k = i; k < j; k++) {
			size_t lw = w + 3 + utf8_width(run[k].value,
			    strlen(run[k].value));

			indent(p->out, depth);
			sb_addstr(p->out, run[k].key);
			sb_pad(p->out, w - run[k].keywidth);
			sb_addstr(p->out, " = ");
			sb_addstr(p->out, run[k].value);
			if (run[k].comment != NULL) {
				sb_pad(p->out, cw - lw + 1);
				sb_addstr(p->out, run[k].comment);
			}
			sb_addch(p->out, '\n');
		}
	}
}

/* Prints a block, or an attribute whose value is a multi-line map. */
static void
print_nested(struct printer *p, const struct ast *n, unsigned depth,
    uint32_t end)
{
	const char	*tc;

	if (n->kind == AST_BLOCK) {
		indent(p->out, depth);
		sb_addstr(p->out, n->name);
		if (n->label != NULL) {
			sb_addch(p->out, ' ');
			fmt_string(p->out, n->label, strlen(n->label));
		}
		if (n->child == NULL) {
			sb_addstr(p->out, " {}");
			if ((tc = trailing_comment(p, n, end)) != NULL) {
				sb_addch(p->out, ' ');
				sb_addstr(p->out, tc);
			}
			sb_addch(p->out, '\n');
			p->last_line = end_line(p, n);
			return;
		}
		sb_addstr(p->out, " {\n");
		p->last_line = line_of(p, n->pos.off);
		print_items(p, n->child, depth + 1, n->pos.end);
	} else {
		/* An attribute whose value is a multi-line map. */
		indent(p->out, depth);
		key_text(p->out, n);
		sb_addstr(p->out, " = {\n");
		p->last_line = line_of(p, n->pos.off);
		print_items(p, n->child->child, depth + 1, n->pos.end);
	}
	indent(p->out, depth);
	sb_addch(p->out, '}');
	if ((tc = trailing_comment(p, n, end)) != NULL) {
		sb_addch(p->out, ' ');
		sb_addstr(p->out, tc);
	}
	sb_addch(p->out, '\n');
	p->last_line = end_line(p, n);
}

/*
 * Prints a list of items (the top level, a block body or the entries of
 * a map) at one depth; end is the offset of the closing brace.
 */
static void
print_items(struct printer *p, const struct ast *first, unsigned depth,
    uint32_t end)
{
	const struct ast	*n;
	struct runline		*run = NULL;
	size_t			 nrun = 0, cap = 0;
	bool			 first_elem = true;
	unsigned		 line;

	for (n = first; n != NULL; n = n->next) {
		bool inl = n->kind == AST_ATTR && is_inline(n->child);
		bool before = p->comment != NULL &&
		    p->comment->pos.off < n->pos.off;

		line = line_of(p, n->pos.off);
		/* A comment line or a blank line ends a run. */
		if (nrun > 0 && (!inl || before ||
		    line > p->last_line + 1)) {
			flush_run(p, run, nrun, depth);
			nrun = 0;
		}
		comments_before(p, n->pos.off, depth, first_elem);
		if (before)
			first_elem = false;
		if (!first_elem && p->last_line != 0 && line > p->last_line + 1)
			sb_addch(p->out, '\n');
		first_elem = false;
		if (!inl) {
			print_nested(p, n, depth, end);
			continue;
		}
		if (nrun == cap) {
			cap = cap ? cap * 2 : 8;
			run = xrealloc(run, cap * sizeof(*run));
		}
		{
			struct sbuf kb = SBUF_INIT, vb = SBUF_INIT;

			key_text(&kb, n);
			inline_value(&vb, n->child);
			run[nrun].keywidth = utf8_width(kb.buf, kb.len);
			run[nrun].key = arena_strndup(p->src->ar, kb.buf,
			    kb.len);
			run[nrun].value = arena_strndup(p->src->ar, vb.buf,
			    vb.len);
			sb_release(&kb);
			sb_release(&vb);
		}
		run[nrun].comment = trailing_comment(p, n, end);
		nrun++;
		p->last_line = end_line(p, n);
	}
	if (nrun > 0)
		flush_run(p, run, nrun, depth);
	free(run);
	comments_before(p, end, depth, first_elem);
}

void
fmt_native(const struct ast_file *f, struct sbuf *out)
{
	struct printer	p;

	memset(&p, 0, sizeof(p));
	p.out = out;
	p.src = f->src;
	p.comment = f->comments;
	print_items(&p, f->body, 0, UINT32_MAX);
}
