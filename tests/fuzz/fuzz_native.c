/* SPDX-License-Identifier: ISC */
/* fuzz_native.c: libFuzzer target: parse, format, check and generate one native file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "fmt.h"
#include "outset.h"
#include "parse.h"
#include "sbuf.h"
#include "src.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* fmt must be a fixed point: what it prints parses and prints the same. */
static void
check_fmt(struct arena *ar, const struct ast_file *f)
{
	struct sbuf	 one = SBUF_INIT, two = SBUF_INIT;
	struct diag	 dg;
	struct src	*src;
	struct ast_file	*g;

	fmt_native(f, &one);
	diag_init(&dg, ar);
	src = src_from_buffer(ar, "fmt.infra", one.buf, one.len, 1);
	if (parse_native(ar, &dg, src, &g) != 0)
		abort();
	fmt_native(g, &two);
	if (one.len != two.len || memcmp(one.buf, two.buf, one.len) != 0)
		abort();
	sb_release(&one);
	sb_release(&two);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 ar;
	struct diag	 dg;
	struct src	*src;
	struct ast_file	*f;
	struct config	*cfg;
	struct outset	 os;
	struct sbuf	 out = SBUF_INIT;

	if (size > 64 * 1024)
		return 0;
	arena_init(&ar);
	diag_init(&dg, &ar);
	src = src_from_buffer(&ar, "fuzz.infra", (const char *)data, size, 0);
	if (parse_native(&ar, &dg, src, &f) == 0) {
		check_fmt(&ar, f);
		if (chk_config(&ar, &dg, f, true, &cfg) == 0) {
			outset_init(&os, &ar);
			/* A model that checked must always generate. */
			if (emit_all(&ar, &dg, cfg, &os) != 0)
				abort();
			outset_free(&os);
		} else if (!diag_failed(&dg))
			abort();
	} else if (!diag_failed(&dg))
		abort();	/* a failure without a message is a bug */
	diag_render(&dg, &out);
	sb_release(&out);
	arena_free(&ar);
	return 0;
}
