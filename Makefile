# Makefile: builds siteinfra (debug, release, asan, fuzz flavours) and runs its tests.
# GNU make.  Generated sources go to build/<flavour>/, never into the tree.

FLAVOUR ?= debug
B       ?= build/$(FLAVOUR)
CC      ?= cc
BISON   ?= bison
FLEX    ?= flex
PKGS     = yaml-0.1 libgit2
# libcrypto's SHA-256 (SHA-NI, AVX2) for the manifest hashes, when present;
# without it sha256.c's plain code does the work.
ifeq ($(shell pkg-config --exists libcrypto && echo yes),yes)
PKGS    += libcrypto
HASH_CFLAGS = -DSHA256_LIBCRYPTO
endif

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
             -Icodegen -I$(B)/grammar -I$(B)/gen $(HASH_CFLAGS) \
             $(shell pkg-config --cflags $(PKGS))
LIBS       = $(shell pkg-config --libs $(PKGS))

# Everything but main.c goes into a library the tests and fuzzers link too.
LIB_SRCS = $(filter-out src/main.c,$(wildcard src/*.c grammar/*.c codegen/*.c))
LIB_OBJS = $(LIB_SRCS:%.c=$(B)/%.o) $(B)/grammar/parser.o $(B)/grammar/lexer.o \
           $(B)/gen/templates.o
TEMPLATES = $(sort $(shell find templates -type f 2>/dev/null))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)

all: $(B)/siteinfra $(B)/siteinfra.1

$(B)/siteinfra: $(B)/src/main.o $(B)/libsiteinfra.a
	$(CC) $(LDFLAGS_$(FLAVOUR)) $(LDFLAGS) -o $@ $^ $(LIBS)

# The man page, rendered by the binary from its own help texts.
$(B)/siteinfra.1: $(B)/siteinfra
	$(B)/siteinfra help --man > $@.tmp && mv $@.tmp $@

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

$(B)/tests/replay_native: tests/fuzz/standalone.c tests/fuzz/fuzz_native.c $(B)/libsiteinfra.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_$(FLAVOUR)) -o $@ tests/fuzz/standalone.c \
	    tests/fuzz/fuzz_native.c $(B)/libsiteinfra.a $(LIBS)

$(B)/tests/replay_yaml: tests/fuzz/standalone.c tests/fuzz/fuzz_yaml.c $(B)/libsiteinfra.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_$(FLAVOUR)) -o $@ tests/fuzz/standalone.c \
	    tests/fuzz/fuzz_yaml.c $(B)/libsiteinfra.a $(LIBS)

$(B)/tests/replay_json: tests/fuzz/standalone.c tests/fuzz/fuzz_json.c $(B)/libsiteinfra.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_$(FLAVOUR)) -o $@ tests/fuzz/standalone.c \
	    tests/fuzz/fuzz_json.c $(B)/libsiteinfra.a $(LIBS)

tests: $(B)/siteinfra $(B)/siteinfra.1 $(UNIT_BINS) $(B)/tests/replay_native $(B)/tests/replay_yaml \
       $(B)/tests/replay_json

release: ; @$(MAKE) --no-print-directory FLAVOUR=release
asan:    ; @$(MAKE) --no-print-directory FLAVOUR=asan
clean:   ; rm -rf build

# ---- the two commands of the README ----

# Builds (installing the build dependencies if missing) and compiles the
# default sites/ into infra/, printing what it wrote.
demo:
	@sh tools/deps.sh build
	@$(MAKE) --no-print-directory FLAVOUR=release
	build/release/siteinfra compile

# Every test, under AddressSanitizer and UBSan, with warnings as errors.
check:
	@sh tools/deps.sh test
	@$(MAKE) --no-print-directory FLAVOUR=asan CFLAGS=-Werror tests
	@BIN=build/asan/siteinfra B=build/asan sh tests/run-all.sh

# ---- more ----

# Installs the release binary and its man page (INSTALL_FLAVOUR picks
# another build, as the tests do).  B is set here, never inherited.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
INSTALL_FLAVOUR ?= release
IB = build/$(INSTALL_FLAVOUR)
install:
	@$(MAKE) --no-print-directory FLAVOUR=$(INSTALL_FLAVOUR) B=$(IB) \
	    $(IB)/siteinfra $(IB)/siteinfra.1
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(IB)/siteinfra $(DESTDIR)$(BINDIR)/siteinfra
	install -m 644 $(IB)/siteinfra.1 $(DESTDIR)$(MANDIR)/man1/siteinfra.1
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/siteinfra $(DESTDIR)$(MANDIR)/man1/siteinfra.1

# Rewrites the golden expectations from the current binary; review with git diff.
update-golden:
	@$(MAKE) --no-print-directory FLAVOUR=asan tests
	UPDATE=1 BIN=build/asan/siteinfra sh tests/run-golden.sh

# libFuzzer on parse+check+generate (clang); FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 600
fuzz: fuzz-native fuzz-yaml fuzz-json
fuzz-native fuzz-yaml fuzz-json: fuzz-%:
	@$(MAKE) --no-print-directory FLAVOUR=fuzz CC=clang build/fuzz/fuzz_$*
	mkdir -p build/fuzz/corpus-$*
	build/fuzz/fuzz_$* -max_total_time=$(FUZZ_SECONDS) \
	    -dict=tests/fuzz/$(if $(filter json,$*),json,siteinfra).dict \
	    -max_len=65536 -artifact_prefix=tests/fuzz/ build/fuzz/corpus-$* \
	    tests/fuzz/corpus-$*

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libsiteinfra.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_fuzz) -o $@ $< build/fuzz/libsiteinfra.a $(LIBS)

bench:
	@sh tools/deps.sh build
	@$(MAKE) --no-print-directory FLAVOUR=release
	sh bench/run.sh

fmt:  ; clang-format -i src/*.[ch] codegen/*.[ch] grammar/*.[ch]
lint: ; cppcheck --quiet --error-exitcode=1 --std=c11 -Isrc -Igrammar -Icodegen src codegen grammar/*.c

-include $(wildcard $(B)/*/*.d $(B)/*/*/*.d)

.PHONY: all release asan clean tests demo check install uninstall update-golden fuzz fuzz-native fuzz-yaml fuzz-json bench fmt lint

