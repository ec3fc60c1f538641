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
# skip with a message when it is absent.
export ANNOTATOR_DATA ?= $(abspath $(CURDIR)/../shared/data)
PORT ?= 8080
WASM := target/wasm32-unknown-unknown/release/article_annotator.wasm

.PHONY: all build serve test setup-wasm setup-node setup-browser setup-test \
        check-lint test-native test-wasm test-page check-size bench eval clean

all: build

## --- set-up ----------------------------------------------------------------

setup-wasm:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@grep -A1 '^name = "wasm-bindgen"$$' Cargo.lock | grep -q '"$(WASM_BINDGEN_VERSION)"' \
	  || { echo "Cargo.lock's wasm-bindgen is not $(WASM_BINDGEN_VERSION): update WASM_BINDGEN_VERSION"; exit 1; }
	@wasm-bindgen --version 2>/dev/null | grep -q ' $(WASM_BINDGEN_VERSION)$$' \
	  || cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION)

setup-node:
	@[ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] || npm install --no-audit --no-fund

setup-browser:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver; }

setup-test: setup-wasm setup-node setup-browser

## --- build and serve -------------------------------------------------------

build: setup-wasm setup-node
	cargo build --release --lib --target wasm32-unknown-unknown
	wasm-bindgen --target web --no-typescript --out-dir www/pkg $(WASM)
	wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	  --enable-mutable-globals --enable-reference-types --enable-multivalue \
	  www/pkg/article_annotator_bg.wasm -o www/pkg/article_annotator_bg.wasm
	@echo "built www/ ($$(gzip -c www/pkg/article_annotator_bg.wasm | wc -c) bytes of gzipped wasm)"

serve: build
	@echo "serving http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

## --- tests -----------------------------------------------------------------

test: setup-test check-lint test-native test-wasm test-page check-size
	@echo "all checks passed"

check-lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --release

test-wasm: setup-wasm setup-browser
	cargo test --release --target wasm32-unknown-unknown --test wasm

test-page: build
	node tests/e2e/run.mjs

check-size: build
	node scripts/check-size.mjs

clean:
	cargo clean
	rm -rf www/pkg
