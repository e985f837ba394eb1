/* SPDX-License-Identifier: ISC */
/* diag.c: diagnostics in gcc's form, with the source line and a caret. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "json.h"
#include "sbuf.h"

/*
 * Warnings kept beyond the rendered cap of errors, so sorting still finds
 * the first; errors are all kept (the front-ends stop at the same bound).
 */
#define DIAG_STORE_FACTOR	4

/*
 * Longest message text kept whole, in bytes: a longer one (a 100 MB value
 * quoted in it) keeps its head and tail around "...".
 */
#define DIAG_TEXT_MAX	400
#define DIAG_TEXT_HEAD	240
#define DIAG_TEXT_TAIL	120

static const char *const sev_names[DIAG__MAX] = {
	"note",		/* DIAG_NOTE */
	"warning",	/* DIAG_WARNING */
	"error",	/* DIAG_ERROR */
};
_Static_assert(sizeof(sev_names) / sizeof(sev_names[0]) == DIAG__MAX,
    "sev_names");

static const char *const sev_colors[DIAG__MAX] = {
	"\033[1;36m",	/* DIAG_NOTE */
	"\033[1;35m",	/* DIAG_WARNING */
	"\033[1;31m",	/* DIAG_ERROR */
};
_Static_assert(sizeof(sev_colors) / sizeof(sev_colors[0]) == DIAG__MAX,
    "sev_colors");

void
diag_init(struct diag *dg, struct arena *ar)
{
	memset(dg, 0, sizeof(*dg));
	dg->ar = ar;
	dg->tail = &dg->head;
	dg->max_errors = DIAG_MAX_ERRORS;
}

void
diag_clear(struct diag *dg)
{
	struct arena	*ar = dg->ar;
	unsigned	 max = dg->max_errors;
	bool		 color = dg->color, verbose = dg->verbose;

	diag_init(dg, ar);
	dg->max_errors = max;
	dg->color = color;
	dg->verbose = verbose;
}

/* The kind of a warning: the format it was written with. */
static struct diag_kind *
warning_kind(struct diag *dg, const char *fmt)
{
	struct diag_kind	*k;

	for (k = dg->kinds; k != NULL; k = k->next)
		if (k->fmt == fmt || strcmp(k->fmt, fmt) == 0)
			return k;
	k = ARENA_NEW(dg->ar, struct diag_kind);
	k->fmt = fmt;
	k->next = dg->kinds;
	dg->kinds = k;
	return k;
}

/* Copies s, escaping what a terminal should not receive raw. */
static const char *
printable(struct arena *ar, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	struct sbuf		 sb = SBUF_INIT;
	size_t			 i = 0, n = strlen(s), k;
	unsigned long		 cp;
	const char		*out;

	while (i < n) {
		k = utf8_seqlen(u + i, n - i);
		if (k == 0) {
			sb_addf(&sb, "\\x%02x", u[i]);
			i++;
			continue;
		}
		if (utf8_unsafe(cp = utf8_cp(u + i, k)))
			sb_addf(&sb, cp < 0x80 ? "\\x%02lx" : "\\u%04lx", cp);
		else
			sb_add(&sb, u + i, k);
		i += k;
	}
	out = arena_strndup(ar, sb.buf, sb.len);
	sb_release(&sb);
	return out;
}

/* Cuts a long text to its head and tail, on UTF-8 character boundaries. */
static void
bound_text(char *text, size_t n)
{
	size_t	head = DIAG_TEXT_HEAD, tail = n - DIAG_TEXT_TAIL;

	if (n <= DIAG_TEXT_MAX)
		return;
	while (head > 0 && (text[head] & 0xC0) == 0x80)
		head--;
	while (tail < n && (text[tail] & 0xC0) == 0x80)
		tail++;
	memcpy(text + head, "...", 3);
	memmove(text + head + 3, text + tail, n - tail + 1);
}

static struct diag_msg *
msg_new(struct diag *dg, enum diag_sev sev, const struct srcpos *pos,
    const char *fmt, va_list ap)
{
	struct diag_msg	*m = ARENA_NEW(dg->ar, struct diag_msg);
	va_list		 aq;
	char		*text;
	int		 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	/* The heap, not the arena: a huge text is cut and freed at once. */
	text = xmalloc((size_t)n + 1);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	bound_text(text, (size_t)n);
	m->sev = sev;
	if (pos != NULL)
		m->pos = *pos;
	m->text = printable(dg->ar, text);
	free(text);
	m->notes_tail = &m->notes;
	m->seq = dg->stored;
	return m;
}

void
diag_add(struct diag *dg, enum diag_sev sev, const struct srcpos *pos,
    const char *fmt, ...)
{
	struct diag_msg	*m;
	va_list		 ap;
	unsigned	 cap = dg->max_errors * DIAG_STORE_FACTOR;
	struct diag_kind *kind = NULL;

	dg->count[sev]++;
	if (sev == DIAG_WARNING)
		(kind = warning_kind(dg, fmt))->count++;
	/* Errors are never dropped: only warnings can push nothing out. */
	if (sev != DIAG_ERROR && dg->max_errors != 0 &&
	    dg->stored_other >= cap) {
		dg->last = NULL;
		return;
	}
	if (sev != DIAG_ERROR)
		dg->stored_other++;
	va_start(ap, fmt);
	m = msg_new(dg, sev, pos, fmt, ap);
	va_end(ap);
	m->kind = kind;
	dg->stored++;
	*dg->tail = m;
	dg->tail = &m->next;
	dg->last = m;
}

void
diag_note(struct diag *dg, const struct srcpos *pos, const char *fmt, ...)
{
	struct diag_msg	*m;
	va_list		 ap;

	if (dg->last == NULL)
		return;
	va_start(ap, fmt);
	m = msg_new(dg, DIAG_NOTE, pos, fmt, ap);
	va_end(ap);
	*dg->last->notes_tail = m;
	dg->last->notes_tail = &m->next;
}

bool
diag_failed(const struct diag *dg)
{
	return dg->count[DIAG_ERROR] > 0;
}

unsigned
diag_errors(const struct diag *dg)
{
	return dg->count[DIAG_ERROR];
}

bool
diag_saturated(const struct diag *dg)
{
	return dg->max_errors != 0 &&
	    dg->count[DIAG_ERROR] >= dg->max_errors * DIAG_STORE_FACTOR;
}

static int
msg_cmp(const void *a, const void *b)
{
	const struct diag_msg	*x = *(const struct diag_msg *const *)a;
	const struct diag_msg	*y = *(const struct diag_msg *const *)b;
	long			 fx = x->pos.file ? (long)x->pos.file->order : -1;
	long			 fy = y->pos.file ? (long)y->pos.file->order : -1;

	if (fx != fy)
		return fx < fy ? -1 : 1;
	if (x->pos.off != y->pos.off)
		return x->pos.off < y->pos.off ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return 0;
}

/* Longest source line shown whole; longer ones show a window. */
#define EXCERPT_WIDTH	100

/*
 * A line of a JSON document of secrets with every string value masked:
 * each character between the quotes becomes '*', so columns still line
 * up; member names (a quoted string followed by ':') are kept.
 */
static void
mask_json_line(const unsigned char *u, size_t len, struct sbuf *out)
{
	size_t	i = 0, j, k, e;

	while (i < len) {
		if (u[i] != '"') {
			sb_addch(out, u[i++]);
			continue;
		}
		for (e = i + 1; e < len && u[e] != '"'; e++)
			if (u[e] == '\\' && e + 1 < len)
				e++;
		for (j = e + 1; j < len && (u[j] == ' ' || u[j] == '\t'); j++)
			;
		if (e < len && j < len && u[j] == ':') {
			sb_add(out, u + i, e + 1 - i);
			i = e + 1;
			continue;
		}
		sb_addch(out, '"');
		for (j = i + 1; j < e; j += k) {
			k = utf8_seqlen(u + j, e - j);
			if (k == 0)
				k = 1;
			sb_addch(out, '*');
		}
		if (e < len)
			sb_addch(out, '"');
		i = e < len ? e + 1 : len;
	}
}

/* The excerpt: "   12 | source line" and "      | ^~~~". */
static void
render_excerpt(struct diag *dg, const struct srcpos *pos, enum diag_sev sev,
    struct sbuf *out)
{
	struct src		*s = (struct src *)pos->file;
	const unsigned char	*u;
	unsigned		 line, col, eline, ecol, c, first, last;
	int			 gutter;
	uint32_t		 start;
	size_t			 len, i, k, width, total;
	bool			 cut_left, cut_right;
	struct sbuf		 masked = SBUF_INIT;

	src_linecol(s, pos->off, &line, &col);
	src_line(s, line, &start, &len);
	u = (const unsigned char *)s->text + start;
	if (s->redact) {
		mask_json_line(u, len, &masked);
		u = (const unsigned char *)masked.buf;
		len = masked.len;
	}
	/* A long line (minified, binary) shows the columns around the caret. */
	total = utf8_width((const char *)u, len);
	first = 1;
	last = (unsigned)total;
	if (total > EXCERPT_WIDTH) {
		first = col > EXCERPT_WIDTH / 2 ? col - EXCERPT_WIDTH / 2 : 1;
		last = first + EXCERPT_WIDTH - 1;
	}
	cut_left = first > 1;
	cut_right = last < total;
	/* The gutter is five columns wide, or as wide as the number. */
	gutter = snprintf(NULL, 0, "%u", line);
	if (gutter < 5)
		gutter = 5;
	sb_addf(out, "%*u | %s", gutter, line, cut_left ? "..." : "");
	for (i = 0, c = 1; i < len && c <= last; i += k, c++) {
		k = utf8_seqlen(u + i, len - i);
		if (c < first) {
			if (k == 0)
				k = 1;
			continue;
		}
		if (k == 0 || (u[i] != '\t' && utf8_unsafe(utf8_cp(u + i, k)))) {
			sb_addch(out, '?');
			if (k == 0)
				k = 1;
		} else
			sb_add(out, u + i, k);
	}
	if (cut_right)
		sb_addstr(out, "...");
	sb_addch(out, '\n');
	sb_pad(out, (size_t)gutter + 1);
	sb_addstr(out, cut_left ? "| ..." : "| ");
	/* Tabs are copied so the caret lines up whatever the tab width. */
	for (i = 0, c = 1; i < len && c < col; i += k, c++) {
		k = utf8_seqlen(u + i, len - i);
		if (k == 0)
			k = 1;
		if (c >= first)
			sb_addch(out, u[i] == '\t' ? '\t' : ' ');
	}
	if (dg->color)
		sb_addstr(out, sev_colors[sev]);
	sb_addch(out, '^');
	if (pos->end > pos->off + 1) {
		src_linecol(s, pos->end, &eline, &ecol);
		if (eline != line)
			ecol = (unsigned)total + 1;
		if (ecol > last + 1)
			ecol = last + 1;
		width = ecol > col + 1 ? ecol - col - 1 : 0;
		for (i = 0; i < width; i++)
			sb_addch(out, '~');
	}
	if (dg->color)
		sb_addstr(out, "\033[0m");
	sb_addch(out, '\n');
	sb_release(&masked);
}

static void
render_one(struct diag *dg, const struct diag_msg *m, struct sbuf *out)
{
	unsigned	 line, col;

	if (dg->color)
		sb_addstr(out, "\033[1m");
	if (m->pos.file != NULL) {
		src_linecol((struct src *)m->pos.file, m->pos.off, &line, &col);
		/* Input names are checked; --outputs names are not. */
		sb_addf(out, "%s:%u:%u: ", printable(dg->ar,
		    m->pos.file->name), line, col);
	} else
		sb_addstr(out, "siteinfra: ");
	if (dg->color)
		sb_addf(out, "%s%s:\033[0m\033[1m %s\033[0m\n",
		    sev_colors[m->sev], sev_names[m->sev], m->text);
	else
		sb_addf(out, "%s: %s\n", sev_names[m->sev], m->text);
	if (m->pos.file != NULL)
		render_excerpt(dg, &m->pos, m->sev, out);
}

/* The note after the first of COUNT warnings of one kind. */
static void
render_summary(struct diag *dg, const struct srcpos *first, unsigned count,
    struct sbuf *out)
{
	struct diag_msg	 note;
	unsigned	 line, col;

	memset(&note, 0, sizeof(note));
	note.sev = DIAG_NOTE;
	if (first->file != NULL) {
		src_linecol((struct src *)first->file, first->off, &line, &col);
		note.text = arena_printf(dg->ar, "the same warning %u times in "
		    "all; first at %s:%u:%u; --verbose for all", count,
		    printable(dg->ar, first->file->name), line, col);
	} else
		note.text = arena_printf(dg->ar, "the same warning %u times in "
		    "all; --verbose for all", count);
	render_one(dg, &note, out);
}

/* The stored messages in rendering order; heap array, caller frees. */
static struct diag_msg **
sorted(const struct diag *dg, size_t *np)
{
	struct diag_msg	**v, *m;
	size_t		 i, nmsg = 0;

	for (m = dg->head; m != NULL; m = m->next)
		nmsg++;
	v = xmalloc((nmsg ? nmsg : 1) * sizeof(*v));
	for (i = 0, m = dg->head; m != NULL; m = m->next)
		v[i++] = m;
	qsort(v, nmsg, sizeof(*v), msg_cmp);
	*np = nmsg;
	return v;
}

static void
json_one(const struct diag_msg *m, struct sbuf *out)
{
	unsigned	line, col, eline, ecol;

	sb_addstr(out, "{\"severity\": ");
	json_str(out, sev_names[m->sev]);
	if (m->pos.file != NULL) {
		struct src *s = (struct src *)m->pos.file;

		src_linecol(s, m->pos.off, &line, &col);
		src_linecol(s, m->pos.end > m->pos.off ? m->pos.end :
		    m->pos.off, &eline, &ecol);
		sb_addstr(out, ", \"file\": ");
		json_str(out, s->name);
		sb_addf(out, ", \"line\": %u, \"column\": %u, "
		    "\"end_line\": %u, \"end_column\": %u", line, col, eline,
		    ecol);
	}
	sb_addstr(out, ", \"message\": ");
	json_str(out, m->text);
}

void
diag_render_json(struct diag *dg, struct sbuf *out)
{
	struct diag_msg	**v, *n;
	size_t		 i, nmsg;

	v = sorted(dg, &nmsg);
	sb_addch(out, '[');
	for (i = 0; i < nmsg; i++) {
		sb_addstr(out, i == 0 ? "\n    " : ",\n    ");
		json_one(v[i], out);
		sb_addstr(out, ", \"notes\": [");
		for (n = v[i]->notes; n != NULL; n = n->next) {
			if (n != v[i]->notes)
				sb_addstr(out, ", ");
			json_one(n, out);
			sb_addch(out, '}');
		}
		sb_addstr(out, "]}");
	}
	sb_addstr(out, nmsg > 0 ? "\n  ]" : "]");
	free(v);
}

void
diag_render(struct diag *dg, struct sbuf *out)
{
	struct diag_msg	**v, *n;
	size_t		 i, nmsg;
	unsigned	 errors = 0, nerr = dg->count[DIAG_ERROR];
	unsigned	 nwarn = dg->count[DIAG_WARNING], shown = 0;
	bool		 stopped = false;
	struct diag_kind *k;

	for (k = dg->kinds; k != NULL; k = k->next)
		k->shown = false;
	v = sorted(dg, &nmsg);
	for (i = 0; i < nmsg; i++) {
		if (v[i]->sev == DIAG_ERROR) {
			if (dg->max_errors != 0 && errors == dg->max_errors) {
				stopped = true;
				break;
			}
			errors++;
		}
		k = v[i]->kind;
		if (k != NULL && (k->count < DIAG_SUMMARY_MIN || dg->verbose))
			k = NULL;
		if (k != NULL && k->shown)
			continue;
		if (v[i]->sev == DIAG_WARNING)
			shown++;
		render_one(dg, v[i], out);
		for (n = v[i]->notes; n != NULL; n = n->next)
			render_one(dg, n, out);
		if (k != NULL) {
			k->shown = true;
			render_summary(dg, &v[i]->pos, k->count, out);
		}
	}
	free(v);
	if (stopped || nerr > errors) {
		sb_addf(out, "siteinfra: too many errors, stopping after %u\n",
		    errors);
		/* A front-end that gave up early knows a lower bound only. */
		sb_addf(out, "siteinfra: %s%u errors (%u shown), %u warning%s",
		    diag_saturated(dg) ? "at least " : "", nerr, errors, nwarn,
		    nwarn == 1 ? "" : "s");
	} else if (nerr > 0 || nwarn > 0)
		sb_addf(out, "siteinfra: %u error%s, %u warning%s", nerr,
		    nerr == 1 ? "" : "s", nwarn, nwarn == 1 ? "" : "s");
	else
		return;
	/* Warnings summarised, or past the store (counted, not kept). */
	if (stopped && nwarn > dg->stored_other)
		sb_addf(out, " (%u shown)", dg->stored_other);
	else if (!stopped && nwarn > shown)
		sb_addf(out, " (%u shown)", shown);
	sb_addch(out, '\n');
}
