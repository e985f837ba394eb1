/* SPDX-License-Identifier: ISC */
/* fuzz_json.c: libFuzzer target: the JSON reader of siteinfra env, and its masked excerpts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "json.h"
#include "sbuf.h"
#include "src.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Walks a parsed tree: every member is found again by name (names are
 * unique, NUL-free), every string's length is its decoded length, and a
 * number is kept as text.
 */
static void
walk(const struct json *v, unsigned depth)
{
	const struct json	*m;

	if (depth > 70)
		abort();	/* deeper than the reader allows */
	switch (v->kind) {
	case JSON_STRING:
		if (v->str == NULL || memchr(v->str, '\0', v->len + 1) == NULL)
			abort();
		break;
	case JSON_NUMBER:
		if (v->str == NULL || v->str[0] == '\0')
			abort();
		break;
	case JSON_OBJECT:
		for (m = v->child; m != NULL; m = m->next)
			if (m->key == NULL || json_member(v, m->key) != m)
				abort();
		break;
	default:
		break;
	}
	if (v->pos.end <= v->pos.off)
		abort();	/* every value spans one byte at least */
	for (m = v->child; m != NULL; m = m->next)
		walk(m, depth + 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 ar;
	struct diag	 dg;
	struct src	*src;
	struct json	*doc;
	struct sbuf	 out = SBUF_INIT;

	if (size > 256 * 1024)
		return 0;
	arena_init(&ar);
	diag_init(&dg, &ar);
	src = src_from_buffer(&ar, "outputs.json", (const char *)data, size, 0);
	src->redact = true;
	doc = json_parse(&ar, &dg, src);
	if (doc != NULL) {
		if (diag_failed(&dg))
			abort();	/* a document with an error */
		walk(doc, 0);
		/* Excerpts of a valid document, masked: what env renders. */
		diag_add(&dg, DIAG_ERROR, &doc->pos, "root");
		if (doc->child != NULL)
			diag_add(&dg, DIAG_ERROR, &doc->child->pos, "first");
	} else if (!diag_failed(&dg))
		abort();	/* a failure without a message is a bug */
	diag_render(&dg, &out);
	diag_render_json(&dg, &out);
	sb_release(&out);
	arena_free(&ar);
	return 0;
}
