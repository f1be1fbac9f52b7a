# dyad — build, test and measure. `make help` lists the targets.
#
# Builds go to build/<MODE>/ so release, debug and sanitizer builds live side by side:
#   release  -O2, the default
#   debug    -O0, arena allocations through malloc (for gdb and valgrind)
#   asan     AddressSanitizer + UndefinedBehaviorSanitizer, no recovery
#   ubsan    UndefinedBehaviorSanitizer alone, no recovery
#   tsan     ThreadSanitizer: the pipeline's threads (make tsan)
# Sources are found by wildcard: a new src/<stage>/*.c, tests/unit/test_*.c,
# fuzz/fuzz_*.c or src/cli/cmd_*.c needs no edit here.

MODE    ?= release
CC      ?= cc
PREFIX  ?= /usr/local
BUILD   := build/$(MODE)

PKGS    := libutf8proc libexttextcat libxml-2.0 zlib sqlite3 libmicrohttpd libpq libcurl
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm

WARN    := -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion \
           -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wvla
BASE    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc $(WARN) $(PKG_CFLAGS)

ifeq ($(MODE),release)
  MODEFLAGS := -O2 -g
else ifeq ($(MODE),debug)
  MODEFLAGS := -O0 -g -DDYAD_ARENA_MALLOC
else ifeq ($(MODE),asan)
  MODEFLAGS := -O1 -g -fno-omit-frame-pointer -DDYAD_ARENA_MALLOC \
               -fsanitize=address,undefined -fno-sanitize-recover=all
else ifeq ($(MODE),ubsan)
  MODEFLAGS := -O1 -g -DDYAD_ARENA_MALLOC -fsanitize=undefined -fno-sanitize-recover=all
else ifeq ($(MODE),tsan)
  MODEFLAGS := -O1 -g -fsanitize=thread
else
  $(error MODE must be release, debug, asan, ubsan or tsan)
endif

CFLAGS  ?=
LDFLAGS ?=
ALL_CFLAGS  := $(BASE) $(MODEFLAGS) $(CFLAGS)
ALL_LDFLAGS := $(MODEFLAGS) $(LDFLAGS)

STAGES  := util read clean text morph lexicon code petrarch pipeline store query serve
LIB_SRC := $(foreach s,$(STAGES),$(wildcard src/$(s)/*.c))
CLI_SRC := $(wildcard src/cli/*.c)
CMD_SRC := $(sort $(wildcard src/cli/cmd_*.c))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
FUZZ_SRC := $(wildcard fuzz/fuzz_*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB     := $(BUILD)/libdyad.a
BIN     := $(BUILD)/dyad
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
REPLAY_BIN := $(FUZZ_SRC:fuzz/fuzz_%.c=$(BUILD)/fuzz/replay_%)
GOLDEN_BIN := $(BUILD)/tests/golden

.PHONY: all help demo check check-engines test asan ubsan tsan valgrind fuzz fuzz-tools bench bench-clickhouse bench-filters format format-check lint install clean \
	bootstrap

all: $(BIN)

help:
	@echo "dyad make targets:"
	@echo "  all        build build/$(MODE)/dyad (MODE=release|debug|asan|ubsan)"
	@echo "  demo       install what is missing, then run dyad on the sample corpus in examples/"
	@echo "  check      install what is missing, build, run every test (the README's test command)"
	@echo "  check-engines  the engine tests alone: PostgreSQL and a two-shard ClickHouse, on throwaway servers"
	@echo "  asan       the test suite under AddressSanitizer + UndefinedBehaviorSanitizer"
	@echo "  ubsan      the test suite under UndefinedBehaviorSanitizer alone"
	@echo "  tsan       the threaded pipeline (its unit test, code and ingest -j) under ThreadSanitizer"
	@echo "  valgrind   the test suite under valgrind (debug build)"
	@echo "  fuzz       run each libFuzzer target for FUZZ_SECONDS (default 60) with clang"
	@echo "  bench      measure throughput on a generated corpus; see bench/RESULTS.md"
	@echo "  bench-clickhouse  the questions on a two-shard ClickHouse of BENCH_CH_EVENTS generated events"
	@echo "  bench-filters  the API under filters on a large store (BENCH_STORE=FILE, kept; made with BENCH_FILTER_EVENTS)"
	@echo "  format     reformat the sources with clang-format"
	@echo "  format-check  list what clang-format would change (changes nothing)"
	@echo "  lint       clang-tidy and cppcheck over the sources"
	@echo "  install    install the binary, data and man page under PREFIX ($(PREFIX))"
	@echo "  clean      remove build/"

bootstrap:
	@scripts/bootstrap

# --- the library, the binary and the generated command list ---------------------------------

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -I$(BUILD)/gen -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

# One DYAD_COMMAND(verb) line per src/cli/cmd_<verb>.c; rewritten only when the list changes.
$(BUILD)/gen/commands.h: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' $(patsubst src/cli/cmd_%.c,'DYAD_COMMAND(%)',$(CMD_SRC)) > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/src/cli/main.o: $(BUILD)/gen/commands.h

# The dashboard's files, compiled into the binary (see src/serve/web.c), and the CAMEO→PLOVER
# table its PLOVER export maps codes through (/assets/cameo2plover.tsv).
WEB_FILES := $(shell find web -type f 2>/dev/null | sort)
# Natural Earth's country shapes for the map (the npm package world-atlas, from scripts/bootstrap),
# and data the pages read (the CAMEO->PLOVER table of the exports).
WORLD_ATLAS := $(wildcard node_modules/world-atlas/countries-110m.json)
WEB_DATA := data/codebook/cameo2plover.tsv
$(BUILD)/gen/web_assets.inc: scripts/embed-web $(WEB_FILES) $(WEB_DATA) $(WORLD_ATLAS)
	@mkdir -p $(@D)
	scripts/embed-web web $@ $(WEB_DATA) $(if $(WORLD_ATLAS),/assets/countries-110m.json=$(WORLD_ATLAS))

$(BUILD)/src/serve/web.o: $(BUILD)/gen/web_assets.inc

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS)

# The gazetteer: the world's cities from libgeonames, written by scripts/gazetteer (docs/dictionaries.md).
GAZETTEER := data/places/geonames.tsv
$(GAZETTEER): scripts/gazetteer
	scripts/gazetteer $@

all: $(GAZETTEER)

# --- tests ----------------------------------------------------------------------------------

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) -lcmocka

$(GOLDEN_BIN): tests/golden.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $<

# The replay drivers run a fuzz target's corpus without libFuzzer (see fuzz/replay.c).
$(BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< fuzz/replay.c $(LIB) $(PKG_LIBS)

TEST_BINS := $(BIN) $(UNIT_BIN) $(GOLDEN_BIN) $(REPLAY_BIN)

test: $(TEST_BINS) $(GAZETTEER)
	@tests/run $(BUILD)

check:
	@scripts/bootstrap browser engines
	@$(MAKE) --no-print-directory test

# Each engine test starts its servers in a temporary folder, compares with SQLite and stops them.
check-engines: $(BIN) $(GAZETTEER) $(BUILD)/tests/test_clickhouse
	@scripts/bootstrap engines
	@rc=0; for t in tests/tools/engines_*.sh tests/tools/clickhouse_cluster.sh; do \
		out=$$(bash $$t $(BUILD) 2>&1); r=$$?; echo "$${t##*/}: exit $$r: $$(printf '%s\n' "$$out" | tail -1)"; \
		[ $$r -eq 0 ] || [ $$r -eq 77 ] || { printf '%s\n' "$$out" | tail -30; rc=1; }; done; exit $$rc

asan:
	@$(MAKE) --no-print-directory MODE=asan test

ubsan:
	@$(MAKE) --no-print-directory MODE=ubsan test

# The threads: the pipeline's unit test and tests/tools/jobs.sh (-j 1, 2, 4) with every race fatal.
tsan:
	@$(MAKE) --no-print-directory MODE=tsan build/tsan/dyad build/tsan/tests/test_pipeline
	@TSAN_OPTIONS="halt_on_error=1 exitcode=66" build/tsan/tests/test_pipeline
	@TSAN_OPTIONS="halt_on_error=1 exitcode=66" bash tests/tools/jobs.sh build/tsan

valgrind:
	@scripts/bootstrap valgrind
	@$(MAKE) --no-print-directory MODE=debug $(patsubst build/$(MODE)/%,build/debug/%,$(TEST_BINS))
	@DYAD_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
		tests/run build/debug

# --- fuzzing (clang + libFuzzer) ------------------------------------------------------------

FUZZ_SECONDS ?= 60
FUZZ_CFLAGS := $(BASE) -O1 -g -fsanitize=fuzzer,address,undefined -DDYAD_ARENA_MALLOC
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=build/fuzz/%.o)

build/fuzz/%.o: %.c
	@mkdir -p $(@D)
	clang $(BASE) -O1 -g -fsanitize=fuzzer-no-link,address,undefined -DDYAD_ARENA_MALLOC -Ibuild/fuzz/gen -c $< -o $@

build/fuzz/gen/web_assets.inc: scripts/embed-web $(WEB_FILES) $(WEB_DATA)
	@mkdir -p $(@D)
	scripts/embed-web web $@ $(WEB_DATA)

build/fuzz/src/serve/web.o: build/fuzz/gen/web_assets.inc

build/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_LIB_OBJ)
	clang $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_LIB_OBJ) $(PKG_LIBS)

fuzz-tools:
	@scripts/bootstrap fuzz

$(FUZZ_LIB_OBJ) $(FUZZ_SRC:fuzz/fuzz_%.c=build/fuzz/fuzz_%): | fuzz-tools

fuzz: $(FUZZ_SRC:fuzz/fuzz_%.c=build/fuzz/fuzz_%)
	@for t in $(FUZZ_SRC:fuzz/fuzz_%.c=%); do \
		echo "fuzzing $$t for $(FUZZ_SECONDS)s"; mkdir -p fuzz/corpus/$$t build/fuzz/new/$$t; \
		build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			build/fuzz/new/$$t fuzz/corpus/$$t || exit 1; \
	done

# --- the demo, measurements, housekeeping ---------------------------------------------------

demo: bootstrap
	@$(MAKE) --no-print-directory all
	@scripts/demo $(BIN)

BENCH_EVENTS ?= 1000000
BENCH_FILTER_EVENTS ?= 10000000
bench:
	@scripts/bootstrap bench
	@$(MAKE) --no-print-directory all
	@bench/run $(BIN)
	@bench/jobs $(BIN)
	@bench/scale $(BIN)
	@bench/store $(BIN) $(BENCH_EVENTS)
	@bench/petrarch $(BIN)

# the questions on ClickHouse: a two-shard cluster on loopback, BENCH_CH_EVENTS generated events
BENCH_CH_EVENTS ?= 10000000
bench-clickhouse:
	@scripts/bootstrap engines
	@$(MAKE) --no-print-directory all
	@bench/clickhouse $(BIN) $(BENCH_CH_EVENTS)

# the API under filters on a large store, made once and kept (BENCH_STORE; BENCH_EVENTS for a new one)
BENCH_STORE ?= build/bench/filters-store.db
bench-filters:
	@scripts/bootstrap bench
	@$(MAKE) --no-print-directory all
	@bench/filters $(BIN) $(BENCH_STORE) $(BENCH_FILTER_EVENTS)

# .clang-format is fitted to the code as written; format-check lists what it would change.
FORMAT_SRC := $(LIB_SRC) $(CLI_SRC) $(wildcard include/dyad/*.h src/*/*.h) $(UNIT_SRC) $(FUZZ_SRC)
format:
	clang-format -i $(FORMAT_SRC)

format-check:
	@scripts/bootstrap lint
	clang-format --dry-run --Werror $(FORMAT_SRC)

# clang-tidy (checks in .clang-tidy) and cppcheck; a false positive is silenced on its line with
# the reason. The generated headers are built first: main.c and web.c include them.
lint: $(BUILD)/gen/commands.h $(BUILD)/gen/web_assets.inc
	@scripts/bootstrap lint
	clang-tidy --quiet $(LIB_SRC) $(CLI_SRC) -- $(BASE) -I$(BUILD)/gen
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
		--inline-suppr -Iinclude -Isrc -I$(BUILD)/gen $(LIB_SRC) $(CLI_SRC)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dyad $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/dyad
	cp -R data/. $(DESTDIR)$(PREFIX)/share/dyad/
	install -m 644 man/man1/dyad.1 $(DESTDIR)$(PREFIX)/share/man/man1/dyad.1
	@if [ -f node_modules/az/dicts/words.dawg ]; then \
		install -d $(DESTDIR)$(PREFIX)/share/dyad/morph && \
		install -m 644 node_modules/az/dicts/words.dawg node_modules/az/dicts/p_t_given_w.intdawg \
			node_modules/az/dicts/prediction-suffixes-[012].dawg node_modules/az/dicts/paradigms.array \
			node_modules/az/dicts/suffixes.json node_modules/az/dicts/gramtab-opencorpora-int.json \
			$(DESTDIR)$(PREFIX)/share/dyad/morph/; \
	else echo "install: node_modules/az/dicts is missing (npm ci): dyad tokens --morph will need --data"; fi

clean:
	rm -rf build

FORCE:

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
