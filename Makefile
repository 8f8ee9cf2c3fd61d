# The two commands of the README: `make demo` and `make test`.
# Both install missing Debian packages (as root), configure, build, then run.
# `make install PREFIX=DIR` and `make package` (the .deb, in build/) ship what was built.
# `make fuzz [FUZZ_SECONDS=N]` runs the libFuzzer targets (fuzz/README.md) N seconds each.

DEB_PACKAGES := cmake ninja-build g++ pkg-config libssl-dev zlib1g-dev libcpp-httplib-dev \
  libssh-dev nlohmann-json3-dev libpugixml-dev libboost-dev libgtest-dev libgmock-dev libbenchmark-dev \
  openssh-client openssh-server curl tar python3 bubblewrap procps dpkg-dev nodejs \
  clang libclang-rt-14-dev
BUILD := build
# The fuzz build: clang, libFuzzer, ASan and UBSan, the fuzz targets only (fuzz/CMakeLists.txt).
FUZZ_BUILD := $(BUILD)/fuzz
FUZZ_SECONDS ?= 120
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local

.PHONY: all deps js-sdk configure build fuzz-build test fuzz demo bench install package clean sanitize soak

all: build

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "missing Debian packages:" $$missing; \
	    echo "run as root, or: sudo apt-get install -y" $$missing; exit 1; \
	  fi; \
	fi
	@python3 -c 'import boto3, botocore' 2>/dev/null || { echo "boto3 is missing from python3 (the client tests use it)"; exit 1; }
	@command -v aws >/dev/null || { echo "the AWS CLI is missing (the client tests use it)"; exit 1; }

configure: deps
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: configure
	cmake --build $(BUILD) -j $(JOBS)

fuzz-build: deps
	@[ -f $(FUZZ_BUILD)/build.ninja ] || CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja \
	  -DCMAKE_BUILD_TYPE=Release -DOPSREG_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS)

# The AWS SDK for JavaScript v3 for the JavaScript client tests (tests/clients/js), installed
# from its lock file into the build tree; again only when the lock file changes.
JS_SDK := $(BUILD)/js-sdk
js-sdk: $(JS_SDK)/node_modules/.package-lock.json

$(JS_SDK)/node_modules/.package-lock.json: tests/clients/js/package.json tests/clients/js/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing (the JavaScript client tests need it)"; exit 1; }
	mkdir -p $(JS_SDK) && cp tests/clients/js/package.json tests/clients/js/package-lock.json $(JS_SDK)/
	cd $(JS_SDK) && npm ci --no-audit --no-fund --loglevel=error

# The tests, then every fuzz target for a few seconds from its seeds (a crash fails).
test: build js-sdk fuzz-build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(FUZZ_BUILD) && ctest --output-on-failure -j $(JOBS)

# Long runs: each target FUZZ_SECONDS, its corpus growing in build/fuzz-corpus/, then a table.
fuzz: fuzz-build
	python3 fuzz/run_fuzz.py --build $(FUZZ_BUILD) --work $(BUILD)/fuzz-corpus --seconds $(FUZZ_SECONDS)

# The scenario library against the embedded fakes: a table, then "N passed, N failed".
demo: build
	$(BUILD)/opsreg scenario run scenarios/library

bench: build
	@for b in $(BUILD)/bench_*; do $$b; done

# The whole ctest suite built with AddressSanitizer and UndefinedBehaviorSanitizer, in its own
# build folder: any report fails the test that caused it (tests/sanitize/ has the options and
# the suppressions, each with its reason). CTEST_ARGS=-R NAME runs only some.
SANITIZE_BUILD := build-sanitize
sanitize: deps
	$(MAKE) js-sdk BUILD=$(SANITIZE_BUILD)
	@[ -f $(SANITIZE_BUILD)/build.ninja ] || cmake -S . -B $(SANITIZE_BUILD) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOPSREG_SANITIZE=ON
	nice cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && \
	  ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp \
	  ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

# `opsreg serve` under mixed load with 10% injected faults for SOAK_SECONDS (tests/soak/soak.py;
# `make test` runs it for 30 s).
SOAK_SECONDS ?= 600
soak: build
	python3 tests/soak/soak.py --opsreg $(BUILD)/opsreg --seconds $(SOAK_SECONDS)

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# build/opsreg_VERSION_ARCH.deb: `apt-get install ./build/opsreg_*.deb` on the CI machine.
package: build
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD)
