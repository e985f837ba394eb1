/* SPDX-License-Identifier: ISC */
/* test_arena_bump.c: test_arena.c against the bump allocator of releases. */

/*
 * The asan flavour builds the library with ARENA_DEBUG, where every
 * object is its own calloc; this program compiles arena.c itself without
 * it, so the chained blocks, the rounding and the large-request path run
 * under the sanitizers too.  The linker then takes no arena.o from the
 * library: every arena symbol is defined here.
 */
#undef ARENA_DEBUG
#include "arena.c"
#include "test_arena.c"
