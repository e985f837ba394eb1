/* SPDX-License-Identifier: ISC */
/* fuzz_yaml.c: libFuzzer target: parse, check and generate one YAML file. */
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "ast.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "outset.h"
#include "parse.h"
#include "sbuf.h"
#include "src.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

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
		if (chk_config(&ar, &dg, f, &cfg) == 0) {
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
