# cplan — make run | make test | make bench | make fuzz | make test-asan
SWIFT ?= swift
PLAN  ?= plans/jilin-2025-2030.plan
APT_PACKAGES = libedit-dev pkg-config tmux sqlite3 python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release run test bench fuzz test-asan lint clean

## deps: install the system packages cplan needs (libedit-dev, pkg-config) and those the tests use.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
	    echo "not root and no sudo: ask an administrator to run 'apt-get install -y$$missing'"; exit 1; fi; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

## release: the Swift runtime and FoundationEssentials linked in (--static-swift-stdlib): less memory
## at start and faster loading than the shared libraries (6 MB and ~8% when cplan still imported
## Foundation; it imports FoundationEssentials only, so no CoreFoundation or ICU data is linked);
## libedit stays a system library.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

run: release
	.build/release/cplan $(PLAN)

test: deps
	$(SWIFT) build
	$(SWIFT) test

bench: release
	python3 bench/run.py

fuzz: deps
	bash Fuzz/run.sh $(or $(SECONDS),600)

## test-asan: the whole suite under AddressSanitizer. Leak checking is off in the test runner
## (XCTest's own objects at exit); the cplan processes the tests start keep it on.
test-asan: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

## lint: swift-format (ships with the toolchain) with the repository's .swift-format.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build .build-*
