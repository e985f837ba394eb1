# Makefile: builds siteinfra (debug, release, asan, fuzz flavours) and runs its tests.
# GNU make.  Generated sources go to build/<flavour>/, never into the tree.

FLAVOUR ?= debug
B        = build/$(FLAVOUR)
CC      ?= cc
BISON   ?= bison
FLEX    ?= flex
PKGS     = yaml-0.1 libgit2

WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wformat=2 -Wvla -Wno-unused-parameter -Wno-format-nonliteral
CSTD = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
CFLAGS_debug   = -O0 -g3
CFLAGS_release = -O2 -g -DNDEBUG
CFLAGS_asan    = -O1 -g3 -fno-omit-frame-pointer -DARENA_DEBUG \
                 -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS_asan   = -fsanitize=address,undefined
CFLAGS_fuzz    = -O1 -g -fno-omit-frame-pointer -DARENA_DEBUG \
                 -fsanitize=fuzzer-no-link,address,undefined
LDFLAGS_fuzz   = -fsanitize=fuzzer,address,undefined

ALL_CFLAGS = $(CSTD) $(WARN) $(CFLAGS_$(FLAVOUR)) $(CFLAGS) -Isrc -Igrammar \
             -Icodegen -I$(B)/grammar -I$(B)/gen $(shell pkg-config --cflags $(PKGS))
LIBS       = $(shell pkg-config --libs $(PKGS))

# Everything but main.c goes into a library the tests and fuzzers link too.
LIB_SRCS = $(filter-out src/main.c,$(wildcard src/*.c grammar/*.c codegen/*.c))
LIB_OBJS = $(LIB_SRCS:%.c=$(B)/%.o) $(B)/grammar/parser.o $(B)/grammar/lexer.o \
           $(B)/gen/templates.o
TEMPLATES = $(sort $(shell find templates -type f 2>/dev/null))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)

all: $(B)/siteinfra

$(B)/siteinfra: $(B)/src/main.o $(B)/libsiteinfra.a
	$(CC) $(LDFLAGS_$(FLAVOUR)) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/libsiteinfra.a: $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

# Grouped targets (&:): one bison run makes both files.
$(B)/grammar/parser.c $(B)/grammar/parser.h &: grammar/parser.y
	@mkdir -p $(@D)
	$(BISON) -Wall -Werror --header=$(B)/grammar/parser.h -o $(B)/grammar/parser.c $<
$(B)/grammar/lexer.c $(B)/grammar/lexer.h &: grammar/lexer.l
	@mkdir -p $(@D)
	$(FLEX) --header-file=$(B)/grammar/lexer.h -o $(B)/grammar/lexer.c $<

# The static module bodies of templates/, embedded as C arrays.
$(B)/gen/templates.c: tools/embed.sh $(TEMPLATES)
	@mkdir -p $(@D)
	sh tools/embed.sh $(TEMPLATES) > $@.tmp && mv $@.tmp $@

# Generated code keeps our warnings except the ones it trips.
$(B)/grammar/%.o: $(B)/grammar/%.c $(B)/grammar/parser.h $(B)/grammar/lexer.h
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Wno-sign-compare \
	    -Wno-unused-function -MMD -MP -c -o $@ $<
$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
# Hand-written objects wait for the generated headers (order-only).
$(B)/%.o: %.c | $(B)/grammar/parser.h $(B)/grammar/lexer.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/%: tests/unit/%.c tests/unit/unit.h $(B)/libsiteinfra.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS_$(FLAVOUR)) -o $@ $< \
	    $(B)/libsiteinfra.a $(LIBS)

release: ; @$(MAKE) --no-print-directory FLAVOUR=release
asan:    ; @$(MAKE) --no-print-directory FLAVOUR=asan
clean:   ; rm -rf build

-include $(wildcard $(B)/*/*.d $(B)/*/*/*.d)

.PHONY: all release asan clean

# ---- tests ----
unit: $(UNIT_BINS)
	@fail=0; for t in $(UNIT_BINS); do echo "== $$t"; $$t || fail=1; done; exit $$fail
.PHONY: unit
