/* SPDX-License-Identifier: ISC */
/* tfvars.c: a strict reader of the Terraform subset a richie site factory's files use. */
#include <ctype.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "sbuf.h"
#include "tfvars.h"

/* Nesting of lists, maps and blocks a file may have. */
#define TFV_MAX_DEPTH	16

struct rd {
	struct arena	*ar;
	struct diag	*dg;
	struct src	*src;
	const char	*p, *end;
	unsigned	 depth;
	bool		 failed;
};

static struct srcpos
pos_at(const struct rd *r, const char *from, const char *to)
{
	struct srcpos	pos;

	pos.file = r->src;
	pos.off = (uint32_t)(from - r->src->text);
	pos.end = (uint32_t)(to - r->src->text);
	return pos;
}

/* Reports at the current character; the reader stops at the first error. */
static void
fail(struct rd *r, const char *what)
{
	struct srcpos	pos = pos_at(r, r->p, r->p < r->end ? r->p + 1 : r->p);

	if (!r->failed)
		diag_add(r->dg, DIAG_ERROR, &pos, "%s", what);
	r->failed = true;
}

/* Skips blanks and comments; newlines too when nl. */
static void
skip(struct rd *r, bool nl)
{
	while (r->p < r->end) {
		if (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' ||
		    (nl && *r->p == '\n'))
			r->p++;
		else if (*r->p == '#' || (*r->p == '/' && r->p + 1 < r->end &&
		    r->p[1] == '/')) {
			while (r->p < r->end && *r->p != '\n')
				r->p++;
		} else if (*r->p == '/' && r->p + 1 < r->end && r->p[1] == '*') {
			const char *e = strstr(r->p + 2, "*/");

			if (e == NULL) {
				fail(r, "unterminated /* comment");
				r->p = r->end;
				return;
			}
			r->p = e + 2;
		} else
			return;
	}
}

static bool
ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-';
}

static const char *
ident(struct rd *r)
{
	const char	*s = r->p;

	if (r->p >= r->end || !(isalpha((unsigned char)*r->p) || *r->p == '_'))
		return NULL;
	while (r->p < r->end && ident_char(*r->p))
		r->p++;
	return arena_strndup(r->ar, s, (size_t)(r->p - s));
}

static const char *
string(struct rd *r)
{
	struct sbuf	sb = SBUF_INIT;
	const char	*s;

	r->p++;
	while (r->p < r->end && *r->p != '"') {
		if (*r->p == '\n')
			break;
		if (*r->p == '$' && r->p + 1 < r->end && r->p[1] == '{') {
			fail(r, "interpolation (${...}) is not supported here: "
			    "write the value itself");
			break;
		}
		if (*r->p == '\\') {
			r->p++;
			if (r->p >= r->end || strchr("\"\\nt", *r->p) == NULL) {
				fail(r, "unknown escape; use \\\", \\\\, \\n or "
				    "\\t");
				break;
			}
			sb_addch(&sb, *r->p == 'n' ? '\n' : *r->p == 't' ?
			    '\t' : *r->p);
			r->p++;
			continue;
		}
		sb_addch(&sb, *r->p++);
	}
	if (!r->failed && (r->p >= r->end || *r->p != '"'))
		fail(r, "unterminated string");
	if (!r->failed)
		r->p++;
	s = arena_strndup(r->ar, sb.buf != NULL ? sb.buf : "", sb.len);
	sb_release(&sb);
	return s;
}

static struct tfv	*body(struct rd *, char close);

static bool
number_part(struct rd *r)
{
	const char	*s = r->p;

	while (r->p < r->end && isdigit((unsigned char)*r->p))
		r->p++;
	return r->p > s;
}

/* After the type's name: string, number, bool, any, or T(T) nested. */
static bool
type_constraint(struct rd *r, const char *w)
{
	static const char *const names[] = { "string", "number", "bool",
	    "any", "list", "map", "set", "object", "tuple", NULL };
	size_t	i;

	for (i = 0; names[i] != NULL && strcmp(names[i], w) != 0; i++)
		;
	if (names[i] == NULL)
		return false;
	if (r->p >= r->end || *r->p != '(')
		return true;
	r->p++;
	if ((w = ident(r)) == NULL || !type_constraint(r, w) ||
	    r->p >= r->end || *r->p != ')')
		return false;
	r->p++;
	return true;
}

static bool
value(struct rd *r, struct tfv *v, bool type_ok)
{
	const char	*s = r->p;
	struct tfv	**tail;

	if (r->p >= r->end) {
		fail(r, "expected a value");
		return false;
	}
	if (*r->p == '"') {
		v->kind = TFV_STRING;
		v->str = string(r);
	} else if (isdigit((unsigned char)*r->p) || *r->p == '-') {
		/* -?digits(.digits)? */
		if (*r->p == '-')
			r->p++;
		if (!number_part(r)) {
			r->p = s;
			fail(r, "invalid number");
			return false;
		}
		if (r->p < r->end && *r->p == '.') {
			r->p++;
			if (!number_part(r)) {
				fail(r, "invalid number");
				return false;
			}
		}
		v->kind = TFV_NUMBER;
		v->str = arena_strndup(r->ar, s, (size_t)(r->p - s));
	} else if (*r->p == '[' || *r->p == '{') {
		if (++r->depth > TFV_MAX_DEPTH) {
			fail(r, "nested too deeply");
			return false;
		}
		if (*r->p == '{') {
			r->p++;
			v->kind = TFV_MAP;
			v->child = body(r, '}');
		} else {
			r->p++;
			v->kind = TFV_LIST;
			tail = &v->child;
			for (;;) {
				skip(r, true);
				if (r->p < r->end && *r->p == ']')
					break;
				*tail = ARENA_NEW(r->ar, struct tfv);
				if (!value(r, *tail, false))
					return false;
				tail = &(*tail)->next;
				skip(r, true);
				if (r->p < r->end && *r->p == ',')
					r->p++;
				else if (r->p >= r->end || *r->p != ']') {
					fail(r, "expected ',' or ']' in a list");
					return false;
				}
			}
			r->p++;
		}
		r->depth--;
	} else {
		const char *w = ident(r);

		if (w != NULL && (strcmp(w, "true") == 0 ||
		    strcmp(w, "false") == 0)) {
			v->kind = TFV_BOOL;
			v->b = w[0] == 't';
		} else if (w != NULL && type_ok && type_constraint(r, w)) {
			v->kind = TFV_TYPE;
			v->str = arena_strndup(r->ar, s, (size_t)(r->p - s));
		} else {
			r->p = s;
			fail(r, "expected a string, number, bool, list or map: "
			    "expressions are not read here");
			return false;
		}
	}
	v->pos = pos_at(r, s, r->p);
	return !r->failed;
}

/*
 * Attributes and blocks up to close ('\0': the end of the file).  In a
 * map (close '}' from value) keys may be quoted and entries separated by
 * commas; a block is a body in braces after its type and labels.
 */
static struct tfv *
body(struct rd *r, char close)
{
	struct tfv	*first = NULL, **tail = &first, *v;
	const char	*k;

	for (;;) {
		skip(r, true);
		if (r->p < r->end && *r->p == ',' && close == '}') {
			r->p++;
			continue;
		}
		if (close != '\0' && r->p < r->end && *r->p == close) {
			r->p++;
			return first;
		}
		if (r->p >= r->end) {
			if (close != '\0')
				fail(r, "missing '}'");
			return first;
		}
		v = ARENA_NEW(r->ar, struct tfv);
		k = r->p;
		if (*r->p == '"')
			v->key = string(r);
		else if ((v->key = ident(r)) == NULL) {
			fail(r, "expected a name");
			return first;
		}
		v->keypos = pos_at(r, k, r->p);
		skip(r, false);
		if (r->p < r->end && (*r->p == '=' || *r->p == ':')) {
			r->p++;
			skip(r, false);
			if (!value(r, v, strcmp(v->key, "type") == 0))
				return first;
		} else {
			/* A block: up to two labels, then its body. */
			v->kind = TFV_BLOCK;
			v->pos = v->keypos;
			while (r->p < r->end && *r->p == '"' && v->label2 == NULL) {
				if (v->label == NULL)
					v->label = string(r);
				else
					v->label2 = string(r);
				skip(r, false);
			}
			if (r->p >= r->end || *r->p != '{') {
				fail(r, "expected '=' after a name, or a block");
				return first;
			}
			r->p++;
			if (++r->depth > TFV_MAX_DEPTH) {
				fail(r, "nested too deeply");
				return first;
			}
			v->child = body(r, '}');
			r->depth--;
		}
		if (r->failed)
			return first;
		*tail = v;
		tail = &v->next;
		skip(r, false);
		if (r->p < r->end && *r->p != '\n' && *r->p != ',' &&
		    *r->p != close) {
			fail(r, "expected the end of the line");
			return first;
		}
	}
}

struct tfv *
tfv_parse(struct arena *ar, struct diag *dg, struct src *src, bool *ok)
{
	struct rd	 r;
	struct tfv	*first;

	memset(&r, 0, sizeof(r));
	r.ar = ar;
	r.dg = dg;
	r.src = src;
	r.p = src->text;
	r.end = src->text + src->len;
	if (memchr(src->text, '\0', src->len) != NULL) {
		r.p = memchr(src->text, '\0', src->len);
		fail(&r, "a NUL byte: this is not a text file");
		*ok = false;
		return NULL;
	}
	first = body(&r, '\0');
	*ok = !r.failed;
	return first;
}

const struct tfv *
tfv_get(const struct tfv *first, const char *key)
{
	for (; first != NULL; first = first->next)
		if (strcmp(first->key, key) == 0)
			return first;
	return NULL;
}
