/* SPDX-License-Identifier: ISC */
/* fmt_yaml.c: prints a syntax tree as the canonical YAML the YAML front-end reads back. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "ast.h"
#include "fmt.h"
#include "sbuf.h"
#include "src.h"
#include "strmap.h"

/*
 * libyaml refuses an implicit key longer than 1024 characters; longer
 * keys are written in the explicit form "? key" / ": value".
 */
#define YAML_LONG_KEY	1000

static void	entries(struct sbuf *, struct arena *, const struct ast *,
		    unsigned, bool, bool);

/* The code point of the valid UTF-8 sequence of n bytes at p. */
static unsigned long
code_point(const unsigned char *p, size_t n)
{
	unsigned long	cp;
	size_t		i;

	if (n == 1)
		return p[0];
	cp = p[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
	for (i = 1; i < n; i++)
		cp = (cp << 6) | (p[i] & 0x3F);
	return cp;
}

/* Characters YAML takes raw in any scalar: printable, not a line break. */
static bool
printable(unsigned long cp)
{
	return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xD7FF &&
	    cp != 0x2028 && cp != 0x2029) || (cp >= 0xE000 && cp <= 0xFFFD &&
	    cp != 0xFEFF) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

static bool
is_word(const char *s, size_t len, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == len && memcmp(s, *words, len) == 0)
			return true;
	return false;
}

/*
 * True when s can be written as a plain scalar that every YAML reader,
 * and ours, takes back as the same string: nothing that YAML 1.1 or 1.2
 * reads as null, a boolean, a number, a value key (=) or a merge key
 * (<<), no indicator first, no ": " or " #" inside, no blank at either
 * end, only printable characters; in a flow collection, no flow
 * indicator or ':' or '#' at all.
 */
static bool
plain_ok(const char *s, size_t len, bool flow)
{
	static const char *const words[] = {
		"~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES",
		"n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
		"False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
		"=", "<<", NULL,
	};
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, k;

	if (len == 0 || is_word(s, len, words))
		return false;
	if (strchr("-?:,[]{}#&*!|>'\"%@` \t", u[0]) != NULL)
		return false;
	/* Numbers, dates, .5, .inf: anything that starts like one. */
	i = (u[0] == '+') ? 1 : 0;
	if (i < len && ((u[i] >= '0' && u[i] <= '9') || u[i] == '.'))
		return false;
	if (u[len - 1] == ' ' || u[len - 1] == ':')
		return false;
	for (i = 0; i < len; i += k) {
		if ((k = utf8_seqlen(u + i, len - i)) == 0 ||
		    !printable(code_point(u + i, k)))
			return false;
		if (u[i] == ':' && (flow || (i + 1 < len && u[i + 1] == ' ')))
			return false;
		if (u[i] == '#' && (flow || u[i - 1] == ' '))
			return false;
		if (flow && strchr(",[]{}", u[i]) != NULL)
			return false;
	}
	return true;
}

/* s as a double-quoted YAML scalar. */
static void
quoted(struct sbuf *out, const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, k;
	unsigned long		 cp;

	sb_addch(out, '"');
	for (i = 0; i < len; i += k) {
		if ((k = utf8_seqlen(u + i, len - i)) == 0) {
			/* Not UTF-8 (the parsers refuse it): the byte value. */
			sb_addf(out, "\\x%02X", u[i]);
			k = 1;
			continue;
		}
		cp = code_point(u + i, k);
		if (cp == '"' || cp == '\\')
			sb_addf(out, "\\%c", (int)cp);
		else if (cp == '\n')
			sb_addstr(out, "\\n");
		else if (cp == '\r')
			sb_addstr(out, "\\r");
		else if (cp == '\t')
			sb_addstr(out, "\\t");
		else if (cp == 0)
			sb_addstr(out, "\\0");
		else if (cp == 0x85)
			sb_addstr(out, "\\N");
		else if (cp == 0x2028)
			sb_addstr(out, "\\L");
		else if (cp == 0x2029)
			sb_addstr(out, "\\P");
		else if (cp < 0x100 && !printable(cp))
			sb_addf(out, "\\x%02lX", cp);
		else if (!printable(cp))
			sb_addf(out, "\\u%04lX", cp);
		else
			sb_add(out, u + i, k);
	}
	sb_addch(out, '"');
}

static void
string(struct sbuf *out, const char *s, size_t len, bool flow)
{
	if (plain_ok(s, len, flow))
		sb_add(out, s, len);
	else
		quoted(out, s, len);
}

/*
 * Writes "key:", or "? key" and ":" on the next line for a long key: long
 * as written, escapes included (600 tabs are 1,200 characters as "\t").
 */
static void
put_key(struct sbuf *out, const char *name, unsigned ind)
{
	size_t		len = strlen(name);
	struct sbuf	key = SBUF_INIT;

	string(&key, name, len, false);
	if (key.len <= YAML_LONG_KEY) {
		sb_add(out, key.buf, key.len);
		sb_addch(out, ':');
		sb_release(&key);
		return;
	}
	sb_release(&key);
	sb_addstr(out, "? ");
	quoted(out, name, len);
	sb_addch(out, '\n');
	sb_pad(out, ind);
	sb_addch(out, ':');
}

static bool
is_scalar(const struct ast *v)
{
	return v->kind == AST_STRING || v->kind == AST_NUMBER ||
	    v->kind == AST_BOOL || v->kind == AST_REF;
}

static void
scalar(struct sbuf *out, const struct ast *v, bool flow)
{
	switch (v->kind) {
	case AST_STRING:
		string(out, v->str, v->len, flow);
		break;
	case AST_NUMBER:
		sb_addf(out, "%" PRId64, v->num);
		break;
	case AST_BOOL:
		sb_addstr(out, v->boolean ? "true" : "false");
		break;
	case AST_REF:
		sb_addstr(out, "!ref ");
		sb_addstr(out, v->str);
		break;
	default:
		break;
	}
}

/* A list printed on one line: [a, b], every item a scalar needing no quotes. */
static bool
flow_list(const struct ast *l)
{
	const struct ast	*e;

	for (e = l->child; e != NULL; e = e->next)
		if (!is_scalar(e) || (e->kind == AST_STRING &&
		    !plain_ok(e->str, e->len, true)))
			return false;
	return true;
}

static void
flow(struct sbuf *out, const struct ast *l)
{
	const struct ast	*e;

	sb_addch(out, '[');
	for (e = l->child; e != NULL; e = e->next) {
		if (e != l->child)
			sb_addstr(out, ", ");
		scalar(out, e, true);
	}
	sb_addch(out, ']');
}

static void	seq_item(struct sbuf *, struct arena *, const struct ast *,
		    unsigned);

/* A block sequence of the items of l, each "- " at column col. */
static void
block_seq(struct sbuf *out, struct arena *ar, const struct ast *l,
    unsigned col, bool inl)
{
	const struct ast	*e;

	for (e = l->child; e != NULL; e = e->next) {
		if (e != l->child || !inl)
			sb_pad(out, col);
		sb_addstr(out, "- ");
		seq_item(out, ar, e, col + 2);
	}
}

/* A value after "- "; the cursor is at column col. */
static void
seq_item(struct sbuf *out, struct arena *ar, const struct ast *v,
    unsigned col)
{
	if (v->kind == AST_LIST && v->child != NULL && !flow_list(v)) {
		block_seq(out, ar, v, col, true);
		return;
	}
	if (v->kind == AST_MAP && v->child != NULL) {
		entries(out, ar, v->child, col, true, false);
		return;
	}
	if (v->kind == AST_LIST)
		flow(out, v);
	else if (v->kind == AST_MAP)
		sb_addstr(out, "{}");
	else
		scalar(out, v, false);
	sb_addch(out, '\n');
}

/* A value after "key:" of a key indented by ind. */
static void
after_key(struct sbuf *out, struct arena *ar, const struct ast *v,
    unsigned ind)
{
	if (v == NULL) {
		sb_addstr(out, " \"\"\n");
		return;
	}
	if (v->kind == AST_LIST && v->child != NULL && !flow_list(v)) {
		sb_addch(out, '\n');
		block_seq(out, ar, v, ind + 2, false);
		return;
	}
	if (v->kind == AST_MAP && v->child != NULL) {
		sb_addch(out, '\n');
		entries(out, ar, v->child, ind + 2, false, false);
		return;
	}
	sb_addch(out, ' ');
	if (v->kind == AST_LIST)
		flow(out, v);
	else if (v->kind == AST_MAP)
		sb_addstr(out, "{}");
	else
		scalar(out, v, false);
	sb_addch(out, '\n');
}

/* A block body after "key:": {} or its entries on the next lines. */
static void
body(struct sbuf *out, struct arena *ar, const struct ast *b, unsigned ind)
{
	if (b->child == NULL) {
		sb_addstr(out, " {}\n");
		return;
	}
	sb_addch(out, '\n');
	entries(out, ar, b->child, ind + 2, false, false);
}

/*
 * The entries of a body or map at indentation ind.  Labelled blocks of
 * one type are gathered under one key, where the first of them was:
 * "site:" then each label and its body.  inl: the first entry goes where
 * the cursor is (after "- ").  top: blank lines between top-level
 * entries and between the labelled blocks under them.
 */
static void
entries(struct sbuf *out, struct arena *ar, const struct ast *first,
    unsigned ind, bool inl, bool top)
{
	const struct ast	*n, *m;
	struct strmap		 done;
	bool			 any = false, blank;

	strmap_init(&done, ar);
	for (n = first; n != NULL; n = n->next) {
		if (n->kind != AST_ATTR && n->kind != AST_BLOCK)
			continue;
		if (n->kind == AST_BLOCK && n->label != NULL &&
		    strmap_put(&done, n->name, (void *)n) != NULL)
			continue;
		if (any && top)
			sb_addch(out, '\n');
		if (any || !inl)
			sb_pad(out, ind);
		any = true;
		put_key(out, n->name, ind);
		if (n->kind == AST_ATTR) {
			after_key(out, ar, n->child, ind);
			continue;
		}
		if (n->label == NULL) {
			body(out, ar, n, ind);
			continue;
		}
		sb_addch(out, '\n');
		blank = false;
		for (m = n; m != NULL; m = m->next) {
			if (m->kind != AST_BLOCK || m->label == NULL ||
			    strcmp(m->name, n->name) != 0)
				continue;
			if (blank && top)
				sb_addch(out, '\n');
			blank = true;
			sb_pad(out, ind + 2);
			put_key(out, m->label, ind + 2);
			body(out, ar, m, ind + 2);
		}
	}
}

void
fmt_yaml(const struct ast_file *f, struct sbuf *out)
{
	entries(out, f->src->ar, f->body, 0, false, true);
}
