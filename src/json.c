/* SPDX-License-Identifier: ISC */
/* json.c: JSON out (report strings) and in (terraform output -json). */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "json.h"
#include "sbuf.h"
#include "strmap.h"

void
json_str(struct sbuf *sb, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;

	sb_addch(sb, '"');
	for (; *u != '\0'; u++) {
		if (*u == '"' || *u == '\\')
			sb_addf(sb, "\\%c", *u);
		else if (*u == '\n')
			sb_addstr(sb, "\\n");
		else if (*u == '\t')
			sb_addstr(sb, "\\t");
		else if (*u < 0x20)
			sb_addf(sb, "\\u%04x", *u);
		else
			sb_addch(sb, *u);
	}
	sb_addch(sb, '"');
}

/* ------------------------------------------------------------------ */
/* Reading: a recursive descent parser with a depth limit. */

#define JSON_MAX_DEPTH	64

struct jp {
	struct arena	*ar;
	struct diag	*dg;
	struct src	*src;
	const char	*p, *end;
	size_t		 nvalues;
	bool		 failed;
};

static void
jp_error(struct jp *jp, const char *at, const char *msg)
{
	struct srcpos	pos;

	if (jp->failed)
		return;
	jp->failed = true;
	pos.file = jp->src;
	pos.off = (uint32_t)(at - jp->src->text);
	pos.end = pos.off + (at < jp->end ? 1 : 0);
	diag_add(jp->dg, DIAG_ERROR, &pos, "malformed JSON: %s", msg);
}

static void
skip_ws(struct jp *jp)
{
	while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\t' ||
	    *jp->p == '\n' || *jp->p == '\r'))
		jp->p++;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
put_utf8(struct sbuf *sb, unsigned long cp)
{
	if (cp < 0x80)
		sb_addch(sb, (int)cp);
	else if (cp < 0x800) {
		sb_addch(sb, (int)(0xC0 | (cp >> 6)));
		sb_addch(sb, (int)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		sb_addch(sb, (int)(0xE0 | (cp >> 12)));
		sb_addch(sb, (int)(0x80 | ((cp >> 6) & 0x3F)));
		sb_addch(sb, (int)(0x80 | (cp & 0x3F)));
	} else {
		sb_addch(sb, (int)(0xF0 | (cp >> 18)));
		sb_addch(sb, (int)(0x80 | ((cp >> 12) & 0x3F)));
		sb_addch(sb, (int)(0x80 | ((cp >> 6) & 0x3F)));
		sb_addch(sb, (int)(0x80 | (cp & 0x3F)));
	}
}

/* Reads 4 hex digits after "\u"; -1 if malformed. */
static long
hex4(struct jp *jp)
{
	long	v = 0;
	int	i, h;

	if (jp->end - jp->p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if ((h = hexval((unsigned char)jp->p[i])) < 0)
			return -1;
		v = v * 16 + h;
	}
	jp->p += 4;
	return v;
}

static const char *
parse_string(struct jp *jp, size_t *lenp)
{
	struct sbuf	 sb = SBUF_INIT;
	const char	*start = jp->p, *res;
	long		 cp, lo;

	jp->p++;	/* the opening quote */
	for (;;) {
		if (jp->p >= jp->end) {
			jp_error(jp, start, "unterminated string");
			goto fail;
		}
		if (*jp->p == '"')
			break;
		if ((unsigned char)*jp->p < 0x20) {
			jp_error(jp, jp->p, "control character in a string");
			goto fail;
		}
		if (*jp->p != '\\') {
			sb_addch(&sb, *jp->p++);
			continue;
		}
		if (++jp->p >= jp->end) {
			jp_error(jp, start, "unterminated string");
			goto fail;
		}
		switch (*jp->p++) {
		case '"': sb_addch(&sb, '"'); break;
		case '\\': sb_addch(&sb, '\\'); break;
		case '/': sb_addch(&sb, '/'); break;
		case 'b': sb_addch(&sb, '\b'); break;
		case 'f': sb_addch(&sb, '\f'); break;
		case 'n': sb_addch(&sb, '\n'); break;
		case 'r': sb_addch(&sb, '\r'); break;
		case 't': sb_addch(&sb, '\t'); break;
		case 'u':
			if ((cp = hex4(jp)) < 0) {
				jp_error(jp, jp->p - 2, "bad \\u escape");
				goto fail;
			}
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (jp->end - jp->p < 6 || jp->p[0] != '\\' ||
				    jp->p[1] != 'u') {
					jp_error(jp, jp->p, "lone surrogate");
					goto fail;
				}
				jp->p += 2;
				lo = hex4(jp);
				if (lo < 0xDC00 || lo > 0xDFFF) {
					jp_error(jp, jp->p, "lone surrogate");
					goto fail;
				}
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				jp_error(jp, jp->p - 6, "lone surrogate");
				goto fail;
			}
			put_utf8(&sb, (unsigned long)cp);
			break;
		default:
			jp_error(jp, jp->p - 2, "bad escape in a string");
			goto fail;
		}
	}
	jp->p++;	/* the closing quote */
	res = arena_strndup(jp->ar, sb.buf, sb.len);
	*lenp = sb.len;
	sb_release(&sb);
	return res;
fail:
	sb_release(&sb);
	return NULL;
}

static struct json	*parse_value(struct jp *, unsigned);

static bool
digits(struct jp *jp)
{
	const char	*start = jp->p;

	while (jp->p < jp->end && *jp->p >= '0' && *jp->p <= '9')
		jp->p++;
	return jp->p > start;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool
scan_number(struct jp *jp)
{
	if (*jp->p == '-')
		jp->p++;
	if (jp->p < jp->end && *jp->p == '0')
		jp->p++;
	else if (!digits(jp))
		return false;
	if (jp->p < jp->end && *jp->p == '.') {
		jp->p++;
		if (!digits(jp))
			return false;
	}
	if (jp->p < jp->end && (*jp->p == 'e' || *jp->p == 'E')) {
		jp->p++;
		if (jp->p < jp->end && (*jp->p == '+' || *jp->p == '-'))
			jp->p++;
		if (!digits(jp))
			return false;
	}
	return true;
}

static struct json *
new_value(struct jp *jp, enum json_kind kind, const char *start)
{
	struct json	*v = ARENA_NEW(jp->ar, struct json);

	jp->nvalues++;
	v->kind = kind;
	v->pos.file = jp->src;
	v->pos.off = (uint32_t)(start - jp->src->text);
	return v;
}

/*
 * A member name seen twice: jq, Go and Python keep the last value, this
 * reader kept the first, so the document means different things to
 * different readers.  Refused.
 */
static bool
is_duplicate(struct jp *jp, struct strmap *seen, const char *key,
    const char *kstart)
{
	struct srcpos	*pos = ARENA_NEW(jp->ar, struct srcpos), *first;

	pos->file = jp->src;
	pos->off = (uint32_t)(kstart - jp->src->text);
	pos->end = (uint32_t)(jp->p - jp->src->text);
	if ((first = strmap_put(seen, key, pos)) == NULL)
		return false;
	jp->failed = true;
	diag_add(jp->dg, DIAG_ERROR, pos, "duplicate member '%s' in this "
	    "object: JSON readers disagree on which of its values counts", key);
	diag_note(jp->dg, first, "first defined here");
	return true;
}

static struct json *
parse_container(struct jp *jp, unsigned depth)
{
	const char	*start = jp->p;
	bool		 object = *jp->p == '{';
	char		 close = object ? '}' : ']';
	struct json	*v = new_value(jp, object ? JSON_OBJECT : JSON_ARRAY,
			    start), **tail = &v->child, *item;
	const char	*key = NULL, *kstart;
	size_t		 klen;
	struct strmap	 seen;

	strmap_init(&seen, jp->ar);
	jp->p++;
	skip_ws(jp);
	if (jp->p < jp->end && *jp->p == close) {
		jp->p++;
		v->pos.end = (uint32_t)(jp->p - jp->src->text);
		return v;
	}
	for (;;) {
		skip_ws(jp);
		if (object) {
			if (jp->p >= jp->end) {
				jp_error(jp, start, "unexpected end of input, "
				    "this object is not closed");
				return NULL;
			}
			if (*jp->p != '"') {
				jp_error(jp, jp->p, "expected a member name");
				return NULL;
			}
			kstart = jp->p;
			if ((key = parse_string(jp, &klen)) == NULL)
				return NULL;
			/* Lookups compare C strings: "a\u0000b" would be "a". */
			if (strlen(key) != klen) {
				jp_error(jp, kstart, "a member name holds a NUL "
				    "character");
				return NULL;
			}
			if (is_duplicate(jp, &seen, key, kstart))
				return NULL;
			skip_ws(jp);
			if (jp->p >= jp->end || *jp->p != ':') {
				jp_error(jp, jp->p, "expected ':'");
				return NULL;
			}
			jp->p++;
		}
		if ((item = parse_value(jp, depth + 1)) == NULL)
			return NULL;
		item->key = key;
		*tail = item;
		tail = &item->next;
		skip_ws(jp);
		if (jp->p < jp->end && *jp->p == ',') {
			jp->p++;
			continue;
		}
		if (jp->p < jp->end && *jp->p == close) {
			jp->p++;
			v->pos.end = (uint32_t)(jp->p - jp->src->text);
			return v;
		}
		if (jp->p >= jp->end)
			jp_error(jp, start, "unexpected end of input, this "
			    "container is not closed");
		else
			jp_error(jp, jp->p, object ? "expected ',' or '}'" :
			    "expected ',' or ']'");
		return NULL;
	}
}

static struct json *
parse_value(struct jp *jp, unsigned depth)
{
	const char	*start;
	struct json	*v;

	skip_ws(jp);
	start = jp->p;
	if (depth > JSON_MAX_DEPTH) {
		jp_error(jp, start, "nested too deeply");
		return NULL;
	}
	/* Each value costs about 100 bytes of memory: bound them. */
	if (jp->nvalues >= JSON_MAX_VALUES) {
		jp_error(jp, start, "too many values (the limit is 1,000,000)");
		return NULL;
	}
	if (jp->p >= jp->end) {
		jp_error(jp, start, "unexpected end of input");
		return NULL;
	}
	switch (*jp->p) {
	case '{':
	case '[':
		return parse_container(jp, depth);
	case '"':
		v = new_value(jp, JSON_STRING, start);
		if ((v->str = parse_string(jp, &v->len)) == NULL)
			return NULL;
		v->pos.end = (uint32_t)(jp->p - jp->src->text);
		return v;
	case 't':
	case 'f':
	case 'n': {
		static const char *const words[] = { "true", "false", "null" };
		size_t i, n;

		for (i = 0; i < 3; i++) {
			n = strlen(words[i]);
			if ((size_t)(jp->end - jp->p) >= n &&
			    strncmp(jp->p, words[i], n) == 0) {
				v = new_value(jp, i == 2 ? JSON_NULL :
				    JSON_BOOL, start);
				v->boolean = i == 0;
				jp->p += n;
				v->pos.end = (uint32_t)(jp->p - jp->src->text);
				return v;
			}
		}
		break;
	}
	default:
		if (*jp->p == '-' || (*jp->p >= '0' && *jp->p <= '9')) {
			v = new_value(jp, JSON_NUMBER, start);
			if (!scan_number(jp)) {
				jp_error(jp, start, "bad number");
				return NULL;
			}
			v->str = arena_strndup(jp->ar, start,
			    (size_t)(jp->p - start));
			v->pos.end = (uint32_t)(jp->p - jp->src->text);
			return v;
		}
		break;
	}
	jp_error(jp, start, "unexpected character");
	return NULL;
}

struct json *
json_parse(struct arena *ar, struct diag *dg, struct src *src)
{
	struct jp	 jp;
	struct json	*root;

	if (src->len > JSON_MAX_SIZE) {
		diag_add(dg, DIAG_ERROR, NULL, "cannot read '%s': larger than "
		    "%zu MiB", src->name, JSON_MAX_SIZE >> 20);
		return NULL;
	}
	memset(&jp, 0, sizeof(jp));
	jp.ar = ar;
	jp.dg = dg;
	jp.src = src;
	jp.p = src->text;
	jp.end = src->text + src->len;
	if ((root = parse_value(&jp, 0)) == NULL)
		return NULL;
	skip_ws(&jp);
	if (jp.p < jp.end) {
		jp_error(&jp, jp.p, "trailing characters after the document");
		return NULL;
	}
	return root;
}

struct json *
json_member(const struct json *obj, const char *name)
{
	struct json	*m;

	if (obj == NULL || obj->kind != JSON_OBJECT)
		return NULL;
	for (m = obj->child; m != NULL; m = m->next)
		if (strcmp(m->key, name) == 0)
			return m;
	return NULL;
}
