/* SPDX-License-Identifier: ISC */
/* yaml.c: the YAML front-end: libyaml documents walked with the schema into syntax trees. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "diag.h"
#include "parse.h"
#include "schema.h"
#include "strmap.h"

/*
 * YAML levels a tree of PARSE_MAX_DEPTH levels may take: a labelled block
 * is two (the mapping of labels and the body), the top level one more.
 * Deeper YAML is refused while reading events, before any tree is built.
 */
#define YAML_MAX_DEPTH	(2 * PARSE_MAX_DEPTH + 1)
/* The message says so, as the native scanner's does. */
_Static_assert(PARSE_MAX_DEPTH == 32, "nesting messages name the limit");

/* The prefix of YAML's core tags, and the only tag siteinfra takes. */
#define TAG_PREFIX	"tag:yaml.org,2002:"
#define TAG_REF		"!ref"

struct ycx {
	struct arena	*ar;
	struct diag	*dg;
	struct src	*src;
	yaml_document_t	*doc;
	size_t		 cidx;		/* character index of the cursor */
	uint32_t	 coff;		/* byte offset of the cursor */
	bool		 stop;		/* too deep, or too many errors */
};

/* A mapping key that passed the checks: a name and where it is. */
struct ykey {
	const char	*name;
	struct srcpos	 pos;
	bool		 quoted;
};

/* ------------------------------------------------------------------ */
/* Positions. */

/*
 * Byte offset of a libyaml mark.  Marks count characters from the start
 * (a CR LF counts two), so the offset is found by walking the UTF-8 text
 * from a cursor; marks mostly move forward, so the walk is short.  The
 * index is used rather than line and column because libyaml also breaks
 * lines at a lone CR, U+0085, U+2028 and U+2029, which src.c does not.
 */
static uint32_t
mark_off(struct ycx *y, size_t index)
{
	const unsigned char	*u = (const unsigned char *)y->src->text;
	size_t			 len = y->src->len, k;

	if (index < y->cidx / 2) {
		y->cidx = 0;
		y->coff = 0;
	}
	while (y->cidx > index) {
		if (y->coff == 0) {
			y->cidx = 0;
			break;
		}
		/* libyaml validated the text it read: it is UTF-8. */
		do
			y->coff--;
		while (y->coff > 0 && (u[y->coff] & 0xC0) == 0x80);
		y->cidx--;
	}
	while (y->cidx < index && y->coff < len) {
		k = utf8_seqlen(u + y->coff, len - y->coff);
		y->coff += (uint32_t)(k ? k : 1);
		y->cidx++;
	}
	return y->coff;
}

/* The span [off, end) with trailing blanks and line breaks left out. */
static struct srcpos
span(struct ycx *y, uint32_t off, uint32_t end)
{
	struct srcpos	pos;
	const char	*t = y->src->text;

	if (end < off)
		end = off;
	while (end > off && (t[end - 1] == ' ' || t[end - 1] == '\t' ||
	    t[end - 1] == '\r' || t[end - 1] == '\n'))
		end--;
	pos.file = y->src;
	pos.off = off;
	pos.end = end;
	return pos;
}

/*
 * One character at a byte offset.  The end of a file is shown at the end
 * of its last line, as the native parser does.
 */
static struct srcpos
char_at(struct ycx *y, uint32_t off)
{
	struct srcpos	pos;
	size_t		k;

	if (off > y->src->len)
		off = (uint32_t)y->src->len;
	if (off == y->src->len && off > 0 && y->src->text[off - 1] == '\n')
		off--;
	pos.file = y->src;
	pos.off = off;
	pos.end = off;
	if (off < y->src->len) {
		k = utf8_seqlen((const unsigned char *)y->src->text + off,
		    y->src->len - off);
		pos.end = off + (uint32_t)(k ? k : 1);
	}
	return pos;
}

static yaml_node_t *
node_get(struct ycx *y, int id)
{
	return yaml_document_get_node(y->doc, id);
}

static bool
is_block(const yaml_node_t *n)
{
	return (n->type == YAML_MAPPING_NODE &&
	    n->data.mapping.style == YAML_BLOCK_MAPPING_STYLE) ||
	    (n->type == YAML_SEQUENCE_NODE &&
	    n->data.sequence.style == YAML_BLOCK_SEQUENCE_STYLE);
}

/*
 * Where a node ends.  A block collection ends where its last entry does:
 * libyaml's end mark for it is the next token, past any comment.
 */
static uint32_t
node_end(struct ycx *y, yaml_node_t *n)
{
	yaml_node_t	*last;

	for (;;) {
		last = NULL;
		if (n->type == YAML_MAPPING_NODE && is_block(n) &&
		    n->data.mapping.pairs.top > n->data.mapping.pairs.start)
			last = node_get(y, n->data.mapping.pairs.top[-1].value);
		else if (n->type == YAML_SEQUENCE_NODE && is_block(n) &&
		    n->data.sequence.items.top > n->data.sequence.items.start)
			last = node_get(y, n->data.sequence.items.top[-1]);
		if (last == NULL)
			break;
		n = last;
	}
	return span(y, mark_off(y, n->start_mark.index),
	    mark_off(y, n->end_mark.index)).end;
}

static struct srcpos
node_pos(struct ycx *y, yaml_node_t *n)
{
	uint32_t	end = node_end(y, n);

	return span(y, mark_off(y, n->start_mark.index), end);
}

/* ------------------------------------------------------------------ */
/* What a scalar means. */

static bool
is_plain(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

static bool
is_ref_tag(const yaml_char_t *tag)
{
	return tag != NULL && strcmp((const char *)tag, TAG_REF) == 0;
}

static bool
text_is(const yaml_node_t *n, const char *s)
{
	return n->data.scalar.length == strlen(s) &&
	    memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

/* A plain scalar YAML reads as null: empty, ~ or null. */
static bool
is_null(const yaml_node_t *n)
{
	return is_plain(n) && !is_ref_tag(n->tag) &&
	    (n->data.scalar.length == 0 || text_is(n, "~") ||
	    text_is(n, "null") || text_is(n, "Null") || text_is(n, "NULL"));
}

static bool
is_bool(const yaml_node_t *n)
{
	return is_plain(n) && !is_ref_tag(n->tag) &&
	    (text_is(n, "true") || text_is(n, "false"));
}

/* -?[0-9]+, as the native scanner reads numbers. */
static bool
is_number(const yaml_node_t *n)
{
	const unsigned char	*s = n->data.scalar.value;
	size_t			 i = 0, len = n->data.scalar.length;

	if (!is_plain(n) || is_ref_tag(n->tag))
		return false;
	if (len > 0 && s[0] == '-')
		i++;
	if (i == len)
		return false;
	for (; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool
is_ident_char(int c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c == '_' || (!first && ((c >= '0' && c <= '9') || c == '-'));
}

/* A reference as the native syntax writes it: names joined by dots. */
static bool
is_ref_text(const char *s, size_t len)
{
	size_t	i;
	bool	first = true;

	if (len == 0 || (len == 4 && memcmp(s, "true", 4) == 0) ||
	    (len == 5 && memcmp(s, "false", 5) == 0))
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] == '.' && !first) {
			first = true;
			continue;
		}
		if (!is_ident_char((unsigned char)s[i], first))
			return false;
		first = false;
	}
	return !first;
}

/* "a mapping", "a list", "null": what a node is, for messages. */
static const char *
node_desc(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_SCALAR_NODE:
		if (is_ref_tag(n->tag))
			return "a reference";
		if (is_null(n))
			return "null";
		if (is_bool(n))
			return "a boolean";
		if (is_number(n))
			return "a number";
		return "a string";
	default:
		return "nothing";
	}
}

/* ------------------------------------------------------------------ */
/* First pass: events.  Syntax, anchors, aliases, tags, documents, depth. */

/* The first byte at or before off that does not start valid UTF-8. */
static uint32_t
bad_utf8(struct ycx *y, uint32_t off)
{
	const unsigned char	*u = (const unsigned char *)y->src->text;
	size_t			 i = 0, k, len = y->src->len;

	while (i < len && i <= off) {
		if ((k = utf8_seqlen(u + i, len - i)) == 0)
			return (uint32_t)i;
		i += k;
	}
	return off;
}

static void
syntax_error(struct ycx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos, ctx;
	const char	*problem = p->problem ? p->problem : "syntax error";
	uint32_t	 off;

	if (p->error == YAML_MEMORY_ERROR)
		xalloc_die();
	if (p->error == YAML_READER_ERROR) {
		off = p->problem_offset > y->src->len ?
		    (uint32_t)y->src->len : (uint32_t)p->problem_offset;
		pos = char_at(y, off);
		/* libyaml points at the byte after a bad lead byte. */
		if (strstr(problem, "UTF-8") != NULL) {
			pos = char_at(y, bad_utf8(y, off));
			pos.end = pos.off + (pos.off < y->src->len);
			diag_add(y->dg, DIAG_ERROR, &pos, "invalid YAML: not "
			    "UTF-8 text (byte 0x%02X)",
			    (unsigned char)y->src->text[pos.off]);
		} else if (p->problem_value == -1)
			diag_add(y->dg, DIAG_ERROR, &pos, "invalid YAML: %s",
			    problem);
		else
			diag_add(y->dg, DIAG_ERROR, &pos, "invalid YAML: %s (%s)",
			    problem, arena_printf(y->ar, "U+%04X",
			    (unsigned)p->problem_value));
		return;
	}
	pos = char_at(y, mark_off(y, p->problem_mark.index));
	if (pos.off < y->src->len && y->src->text[pos.off] == '\t')
		diag_add(y->dg, DIAG_ERROR, &pos, "invalid YAML: %s (a tab: "
		    "YAML is indented with spaces)", problem);
	else
		diag_add(y->dg, DIAG_ERROR, &pos, "invalid YAML: %s", problem);
	if (p->context != NULL) {
		ctx = char_at(y, mark_off(y, p->context_mark.index));
		if (ctx.off != pos.off)
			diag_note(y->dg, &ctx, "%s that starts here",
			    p->context);
	}
}

/* "!!str" for the core tags, the tag itself otherwise. */
static const char *
tag_text(struct ycx *y, const yaml_char_t *tag)
{
	const char	*t = (const char *)tag;
	size_t		 n = strlen(TAG_PREFIX);

	if (strncmp(t, TAG_PREFIX, n) == 0)
		return arena_printf(y->ar, "!!%s", t + n);
	return t;
}

static bool
ends_prop(int c)
{
	return c == '\0' || c == ' ' || c == '\t' || c == '\r' ||
	    c == '\n' || c == ',' || c == '[' || c == ']' || c == '{' ||
	    c == '}';
}

/*
 * Where the node property (tag '!' or anchor '&') starting with c is:
 * a node written "!tag &anchor value" starts at its first property.
 */
static struct srcpos
prop_pos(struct ycx *y, const yaml_mark_t *start, int c)
{
	const char	*t = y->src->text;
	uint32_t	 off = mark_off(y, start->index), i = off, e;
	uint32_t	 len = (uint32_t)y->src->len;
	int		 k;

	for (k = 0; k < 2 && i < len && t[i] != c; k++) {
		while (i < len && !ends_prop((unsigned char)t[i]))
			i++;
		while (i < len && (t[i] == ' ' || t[i] == '\t'))
			i++;
	}
	if (i >= len || t[i] != c)
		return char_at(y, off);
	for (e = i + 1; e < len && !ends_prop((unsigned char)t[e]); e++)
		;
	return span(y, i, e);
}

/* Refuses every tag but !ref, and !ref anywhere but on a scalar. */
static void
check_tag(struct ycx *y, const yaml_char_t *tag, const yaml_mark_t *start,
    const char *what)
{
	struct srcpos	pos;

	if (tag == NULL || (is_ref_tag(tag) && what == NULL))
		return;
	pos = prop_pos(y, start, '!');
	if (is_ref_tag(tag))
		diag_add(y->dg, DIAG_ERROR, &pos, "!ref takes a dotted name "
		    "such as cdn.domain, not %s", what);
	else
		diag_add(y->dg, DIAG_ERROR, &pos, "tag '%s' is not supported; "
		    "the only tag is !ref, for references", tag_text(y, tag));
}

/* Reports the first anchor or alias of a file. */
static void
refuse_anchor(struct ycx *y, const yaml_char_t *anchor,
    const yaml_mark_t *start, const yaml_mark_t *end, bool *seen)
{
	struct srcpos	pos;

	if (anchor == NULL || *seen)
		return;
	*seen = true;
	if (end != NULL)
		pos = span(y, mark_off(y, start->index),
		    mark_off(y, end->index));
	else
		pos = prop_pos(y, start, '&');
	diag_add(y->dg, DIAG_ERROR, &pos,
	    "anchors and aliases are not supported");
}

static int
scan_events(struct ycx *y)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	yaml_mark_t	 first_doc = { 0, 0, 0 };
	unsigned	 depth = 0, docs = 0, before = diag_errors(y->dg);
	bool		 done = false, seen = false;
	struct srcpos	 pos;

	if (!yaml_parser_initialize(&p))
		xalloc_die();
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, (const unsigned char *)y->src->text,
	    y->src->len);
	while (!done && !diag_saturated(y->dg)) {
		if (!yaml_parser_parse(&p, &ev)) {
			syntax_error(y, &p);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs == 1) {
				first_doc = ev.start_mark;
				break;
			}
			pos = char_at(y, mark_off(y, ev.start_mark.index));
			diag_add(y->dg, DIAG_ERROR, &pos, "only one YAML "
			    "document per file is supported; a second one "
			    "starts here");
			pos = char_at(y, mark_off(y, first_doc.index));
			diag_note(y->dg, &pos, "the first one starts here");
			done = true;
			break;
		case YAML_ALIAS_EVENT:
			refuse_anchor(y, ev.data.alias.anchor, &ev.start_mark,
			    &ev.end_mark, &seen);
			break;
		case YAML_SCALAR_EVENT:
			refuse_anchor(y, ev.data.scalar.anchor, &ev.start_mark,
			    NULL, &seen);
			check_tag(y, ev.data.scalar.tag, &ev.start_mark, NULL);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (ev.type == YAML_SEQUENCE_START_EVENT) {
				refuse_anchor(y, ev.data.sequence_start.anchor,
				    &ev.start_mark, NULL, &seen);
				check_tag(y, ev.data.sequence_start.tag,
				    &ev.start_mark, "a list");
			} else {
				refuse_anchor(y, ev.data.mapping_start.anchor,
				    &ev.start_mark, NULL, &seen);
				check_tag(y, ev.data.mapping_start.tag,
				    &ev.start_mark, "a mapping");
			}
			if (++depth > YAML_MAX_DEPTH) {
				pos = char_at(y, mark_off(y,
				    ev.start_mark.index));
				diag_add(y->dg, DIAG_ERROR, &pos,
				    "nesting too deep (the limit is 32 levels)");
				done = true;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return diag_errors(y->dg) > before ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Second pass: the document, walked with the schema. */

static void
too_deep(struct ycx *y, yaml_node_t *n)
{
	struct srcpos	pos = char_at(y, mark_off(y, n->start_mark.index));

	diag_add(y->dg, DIAG_ERROR, &pos,
	    "nesting too deep (the limit is 32 levels)");
	y->stop = true;
}

static bool
has_nul(const yaml_node_t *n)
{
	return memchr(n->data.scalar.value, '\0', n->data.scalar.length) !=
	    NULL;
}

/* Checks a mapping key: a name, written plain or quoted. */
static bool
key_name(struct ycx *y, yaml_node_t *k, struct ykey *out)
{
	struct srcpos	pos;
	int		n;

	if (k == NULL)
		return false;
	pos = node_pos(y, k);
	if (k->type != YAML_SCALAR_NODE || is_null(k) || is_ref_tag(k->tag)) {
		diag_add(y->dg, DIAG_ERROR, &pos,
		    "a key must be a name, found %s", node_desc(k));
		return false;
	}
	if (is_bool(k) || is_number(k)) {
		n = k->data.scalar.length > 64 ? 64 :
		    (int)k->data.scalar.length;
		diag_add(y->dg, DIAG_ERROR, &pos,
		    "key %.*s is %s; a key is a name: quote it (\"%.*s\") if "
		    "that is what you mean", n,
		    (const char *)k->data.scalar.value, node_desc(k), n,
		    (const char *)k->data.scalar.value);
		return false;
	}
	if (has_nul(k)) {
		diag_add(y->dg, DIAG_ERROR, &pos,
		    "a key cannot contain a NUL character");
		return false;
	}
	out->name = arena_strndup(y->ar, (const char *)k->data.scalar.value,
	    k->data.scalar.length);
	out->pos = pos;
	out->quoted = !is_plain(k);
	return true;
}

/* Records a key of one mapping; false (reported) when it is a duplicate. */
static bool
key_once(struct ycx *y, struct strmap *seen, const struct ykey *k)
{
	struct srcpos	*pos = ARENA_NEW(y->ar, struct srcpos), *prev;

	*pos = k->pos;
	if ((prev = strmap_put(seen, k->name, pos)) == NULL)
		return true;
	diag_add(y->dg, DIAG_ERROR, &k->pos, "duplicate key '%s'", k->name);
	diag_note(y->dg, prev, "first given here");
	return false;
}

static struct ast	*value(struct ycx *, yaml_node_t *, unsigned);
static void		 walk_body(struct ycx *, const struct block_spec *,
			    yaml_node_t *, struct ast *, unsigned);

/* A scalar: a reference (!ref), a number, a boolean or a string. */
static struct ast *
scalar(struct ycx *y, yaml_node_t *n)
{
	struct srcpos	 pos = node_pos(y, n);
	const char	*s = (const char *)n->data.scalar.value;
	size_t		 len = n->data.scalar.length;
	struct ast	*v;
	char		*end;

	if (is_ref_tag(n->tag)) {
		if (!is_ref_text(s, len)) {
			diag_add(y->dg, DIAG_ERROR, &pos, "'%.*s' is not a "
			    "reference; !ref takes a dotted name such as "
			    "cdn.domain", (int)(len > 64 ? 64 : len), s);
			return NULL;
		}
		v = ast_new(y->ar, AST_REF, &pos);
		v->str = arena_strndup(y->ar, s, len);
		return v;
	}
	if (is_null(n)) {
		diag_add(y->dg, DIAG_ERROR, &pos, "null is not a value here");
		return NULL;
	}
	if (is_bool(n)) {
		v = ast_new(y->ar, AST_BOOL, &pos);
		v->boolean = s[0] == 't';
		return v;
	}
	if (is_number(n)) {
		v = ast_new(y->ar, AST_NUMBER, &pos);
		errno = 0;
		v->num = strtoimax(s, &end, 10);
		if (errno == ERANGE) {
			diag_add(y->dg, DIAG_ERROR, &pos,
			    "number out of range");
			v->num = 0;
		}
		return v;
	}
	if (has_nul(n)) {
		diag_add(y->dg, DIAG_ERROR, &pos,
		    "a string cannot contain a NUL character");
		return NULL;
	}
	v = ast_new(y->ar, AST_STRING, &pos);
	v->str = arena_strndup(y->ar, s, len);
	v->len = len;
	return v;
}

static struct ast *
value(struct ycx *y, yaml_node_t *n, unsigned depth)
{
	struct ast	*v, *item;
	yaml_node_item_t *i;
	struct srcpos	 pos;

	if (n == NULL)
		return NULL;
	if (n->type == YAML_SCALAR_NODE)
		return scalar(y, n);
	if (depth + 1 > PARSE_MAX_DEPTH) {
		too_deep(y, n);
		return NULL;
	}
	pos = node_pos(y, n);
	if (n->type == YAML_MAPPING_NODE) {
		v = ast_new(y->ar, AST_MAP, &pos);
		v->multiline = is_block(n);
		walk_body(y, NULL, n, v, depth + 1);
		return v;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return NULL;
	v = ast_new(y->ar, AST_LIST, &pos);
	v->multiline = is_block(n);
	for (i = n->data.sequence.items.start;
	    i < n->data.sequence.items.top && !y->stop; i++)
		if ((item = value(y, node_get(y, *i), depth + 1)) != NULL)
			ast_append(v, item);
	return v;
}

/* key: value, anywhere but a block type. */
static void
attr(struct ycx *y, const struct ykey *k, yaml_node_t *vn, struct ast *dst,
    unsigned depth)
{
	struct ast	*a, *v;
	struct srcpos	 pos;

	if ((v = value(y, vn, depth)) == NULL)
		return;
	pos = k->pos;
	if (v->pos.end > pos.end)
		pos.end = v->pos.end;
	a = ast_new(y->ar, AST_ATTR, &pos);
	a->name = k->name;
	a->keypos = k->pos;
	a->quoted_key = k->quoted;
	a->child = v;
	ast_append(dst, a);
}

/* The text of a plain scalar key, or NULL. */
static const char *
scalar_text(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE ||
	    memchr(n->data.scalar.value, '\0', n->data.scalar.length) != NULL)
		return NULL;
	return (const char *)n->data.scalar.value;
}

/* One block: "type: body" or, with a label, "type: {label: body}". */
static void
block(struct ycx *y, const struct block_spec *spec, const struct ykey *type,
    const struct ykey *label, yaml_node_t *body, struct ast *dst,
    unsigned depth, const char *next)
{
	struct ast	*b;
	struct srcpos	 pos;
	const char	*what, *key;

	if (body == NULL)
		return;
	what = label != NULL ? arena_printf(y->ar, "%s '%s'", type->name,
	    label->name) : arena_printf(y->ar, "'%s'", type->name);
	key = label != NULL ? label->name : type->name;
	if (body->type != YAML_MAPPING_NODE) {
		pos = node_pos(y, body);
		/* The next label is a name of the body: it is under-indented. */
		if (is_null(body) && next != NULL &&
		    (schema_attr(spec, next) != NULL ||
		    schema_child(spec, next) != NULL))
			diag_add(y->dg, DIAG_ERROR, &pos, "%s has no body: "
			    "'%s' after it is indented as another %s name; "
			    "indent it under '%s'", what, next, type->name, key);
		else if (is_null(body))
			diag_add(y->dg, DIAG_ERROR, &pos, "%s has no body; "
			    "write '%s: {}' for an empty one", what, key);
		else
			diag_add(y->dg, DIAG_ERROR, &pos, "the body of %s must "
			    "be a mapping, found %s", what, node_desc(body));
		return;
	}
	if (depth + 1 > PARSE_MAX_DEPTH) {
		too_deep(y, body);
		return;
	}
	pos = label != NULL ? label->pos : type->pos;
	pos.end = node_end(y, body);
	if (pos.end < pos.off)
		pos.end = pos.off;
	b = ast_new(y->ar, AST_BLOCK, &pos);
	b->name = spec->type;
	/*
	 * The key of a labelled block is its label: the type key above it
	 * is shared by every block of the type.
	 */
	b->keypos = type->pos;
	if (label != NULL) {
		b->label = label->name;
		b->keypos = b->labelpos = label->pos;
	}
	b->multiline = is_block(body);
	walk_body(y, spec, body, b, depth + 1);
	ast_append(dst, b);
}

/* The mapping of labels of a block type: {label: body, ...}. */
static void
labelled(struct ycx *y, const struct block_spec *spec, const struct ykey *type,
    yaml_node_t *map, struct ast *dst, unsigned depth)
{
	struct strmap	 seen;
	struct ykey	 label;
	yaml_node_pair_t *p;
	struct srcpos	 pos;

	if (map == NULL)
		return;
	if (map->type != YAML_MAPPING_NODE) {
		pos = node_pos(y, map);
		diag_add(y->dg, DIAG_ERROR, &pos, "'%s' must map each %s name "
		    "to its body (%s: {NAME: {...}}), found %s", type->name,
		    spec->label_doc, type->name, node_desc(map));
		return;
	}
	strmap_init(&seen, y->ar);
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top && !y->stop; p++) {
		if (diag_saturated(y->dg)) {
			y->stop = true;
			break;
		}
		if (!key_name(y, node_get(y, p->key), &label) ||
		    !key_once(y, &seen, &label))
			continue;
		block(y, spec, type, &label, node_get(y, p->value), dst,
		    depth, p + 1 < map->data.mapping.pairs.top ?
		    scalar_text(node_get(y, p[1].key)) : NULL);
	}
}

/*
 * The entries of a mapping into dst: a block body when spec is set (keys
 * naming a child block type are blocks), the entries of a map otherwise.
 */
static void
walk_body(struct ycx *y, const struct block_spec *spec, yaml_node_t *map,
    struct ast *dst, unsigned depth)
{
	const struct block_spec	*child;
	struct strmap		 seen;
	struct ykey		 k;
	yaml_node_pair_t	*p;

	strmap_init(&seen, y->ar);
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top && !y->stop; p++) {
		if (diag_saturated(y->dg)) {
			y->stop = true;
			break;
		}
		if (!key_name(y, node_get(y, p->key), &k) ||
		    !key_once(y, &seen, &k))
			continue;
		child = NULL;
		if (spec != NULL && !spec->free_attrs)
			child = schema_child(spec, k.name);
		if (child == NULL)
			attr(y, &k, node_get(y, p->value), dst, depth);
		else if (child->label == LABEL_REQUIRED)
			labelled(y, child, &k, node_get(y, p->value), dst,
			    depth);
		else
			block(y, child, &k, NULL, node_get(y, p->value), dst,
			    depth, NULL);
	}
}

/* Loads the document and walks it into the file; errors are reported. */
static void
load(struct ycx *y, struct ast_file *f)
{
	yaml_parser_t	 p;
	yaml_document_t	 doc;
	yaml_node_t	*root;
	struct ast	*top;
	struct srcpos	 pos;

	if (!yaml_parser_initialize(&p))
		xalloc_die();
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, (const unsigned char *)y->src->text,
	    y->src->len);
	if (!yaml_parser_load(&p, &doc)) {
		syntax_error(y, &p);
		goto out;
	}
	y->doc = &doc;
	root = yaml_document_get_root_node(&doc);
	/* An empty file, or a document with nothing in it, is empty. */
	if (root == NULL || (is_null(root) && root->data.scalar.length == 0))
		goto done;
	if (root->type != YAML_MAPPING_NODE) {
		pos = node_pos(y, root);
		diag_add(y->dg, DIAG_ERROR, &pos, "the top level must be a "
		    "mapping of names to values, found %s", node_desc(root));
		goto done;
	}
	top = ast_new(y->ar, AST_BLOCK, NULL);
	walk_body(y, &schema_file, root, top, 0);
	f->body = top->child;
	f->tail = top->child != NULL ? top->tail : &f->body;
done:
	y->doc = NULL;
	yaml_document_delete(&doc);
out:
	yaml_parser_delete(&p);
}

int
parse_yaml(struct arena *ar, struct diag *dg, struct src *src,
    struct ast_file **out)
{
	struct ycx	y;
	unsigned	before = diag_errors(dg);

	memset(&y, 0, sizeof(y));
	y.ar = ar;
	y.dg = dg;
	y.src = src;
	*out = ast_file_new(ar, src, SYNTAX_YAML);
	/* Nothing is built from a file with anchors or syntax errors. */
	if (scan_events(&y) == 0)
		load(&y, *out);
	return diag_errors(dg) > before ? -1 : 0;
}
