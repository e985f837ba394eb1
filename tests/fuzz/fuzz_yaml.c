/* SPDX-License-Identifier: ISC */
/* fuzz_yaml.c: libFuzzer target: parse, check and generate one YAML file, and print it back. */
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

/*
 * A tree that parsed prints as YAML that parses again, to the same text
 * once more (fmt --to yaml is a fixed point), and as the native syntax
 * that parses to a tree printing as the same YAML (yaml -> infra -> yaml
 * is a fixed point too).
 */
static void
roundtrip(struct arena *ar, struct ast_file *f)
{
	struct diag	 dg;
	struct sbuf	 one = SBUF_INIT, two = SBUF_INIT, nat = SBUF_INIT;
	struct src	*src;
	struct ast_file	*g;

	diag_init(&dg, ar);
	fmt_yaml(f, &one);
	src = src_from_buffer(ar, "fuzz2.yaml", one.buf, one.len, 1);
	if (parse_yaml(ar, &dg, src, &g) != 0)
		abort();
	fmt_yaml(g, &two);
	if (one.len != two.len || memcmp(one.buf, two.buf, one.len) != 0)
		abort();
	fmt_native(f, &nat);
	src = src_from_buffer(ar, "fuzz3.infra", nat.buf, nat.len, 2);
	if (parse_native(ar, &dg, src, &g) != 0)
		abort();
	sb_reset(&two);
	fmt_yaml(g, &two);
	if (one.len != two.len || memcmp(one.buf, two.buf, one.len) != 0)
		abort();
	sb_release(&one);
	sb_release(&two);
	sb_release(&nat);
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
	src = src_from_buffer(&ar, "fuzz.yaml", (const char *)data, size, 0);
	if (parse_yaml(&ar, &dg, src, &f) == 0) {
		roundtrip(&ar, f);
		if (chk_config(&ar, &dg, f, true, &cfg) == 0) {
			outset_init(&os, &ar);
			if (emit_all(&ar, &dg, cfg, &os) != 0)
				abort();
			outset_free(&os);
		} else if (!diag_failed(&dg))
			abort();
	} else if (!diag_failed(&dg))
		abort();
	diag_render(&dg, &out);
	sb_release(&out);
	arena_free(&ar);
	return 0;
}
