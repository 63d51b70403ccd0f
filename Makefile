# pgdiff: plain make; `make check` builds and runs every test.
CC ?= cc
CFLAGS ?= -O2 -g
PG_CONFIG ?= pg_config
PREFIX ?= /usr/local
PG_INCLUDEDIR := $(shell $(PG_CONFIG) --includedir 2>/dev/null || echo /usr/include/postgresql)
WARNINGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
ifeq ($(CI),true)
WARNINGS += -Werror
endif
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Iinclude -I$(PG_INCLUDEDIR) $(CPPFLAGS)
ALL_CFLAGS = $(WARNINGS) $(CFLAGS)
LDLIBS = -lpq -lutf8proc -ljansson -lpthread

SRCS := $(sort $(wildcard src/*.c src/*/*.c))
OBJS := $(SRCS:%.c=build/%.o) build/queries.o
LIB_OBJS := $(filter-out build/src/main.o,$(OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_OBJS := $(UNIT_SRCS:%.c=build/%.o)
QUERIES := $(sort $(wildcard sql/*.sql))

.PHONY: all check unit integration conformance demo bench deps build-deps \
	lint man-lint install clean fuzz-roundtrip

all: pgdiff

pgdiff: $(OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

build/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/queries.o: build/queries.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<

build/queries.c: $(QUERIES) sql/embed.sh
	@mkdir -p build
	sh sql/embed.sh $(QUERIES) > $@.tmp && mv $@.tmp $@

build/unit-tests: $(UNIT_OBJS) $(LIB_OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJS) $(LIB_OBJS) $(LDLIBS)

-include $(OBJS:.o=.d) $(UNIT_OBJS:.o=.d)

# Installs what building needs (as root) or says how (otherwise).
build-deps:
	@bash tests/ensure-deps.sh --build-only

deps:
	@bash tests/ensure-deps.sh

unit: build/unit-tests
	./build/unit-tests

integration: pgdiff
	bash tests/run-fixtures.sh

check: deps
	$(MAKE) pgdiff build/unit-tests build/tests/fuzz/genpair
	./build/unit-tests
	bash tests/check.sh

# Randomized round trip: N generated pairs from seed SEED through the oracle.
SEED ?= 1
N ?= 50
build/tests/fuzz/genpair: tests/fuzz/genpair.c
	@mkdir -p $(dir $@)
	$(CC) $(WARNINGS) $(CFLAGS) -D_POSIX_C_SOURCE=200809L $(LDFLAGS) -o $@ $<

fuzz-roundtrip: pgdiff build/tests/fuzz/genpair
	GENPAIR=build/tests/fuzz/genpair bash tests/fuzz-roundtrip.sh $(SEED) $(N)

conformance: pgdiff
	CONFORMANCE_DIR=../shared/corpus/migra ARGS_DIR=tests/conformance \
		bash tests/run-fixtures.sh

demo: deps
	$(MAKE) pgdiff
	bash tests/demo.sh

bench: deps
	$(MAKE) pgdiff
	bash bench/run.sh

man-lint:
	mandoc -Tlint -W warning man/pgdiff.1

lint: man-lint

install: pgdiff
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 pgdiff $(DESTDIR)$(PREFIX)/bin/pgdiff
	install -m 644 man/pgdiff.1 $(DESTDIR)$(PREFIX)/share/man/man1/pgdiff.1

clean:
	rm -rf build pgdiff
