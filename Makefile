# cplan — make run | make test | make test-integration | make test-asan | make lint | make bench | make fuzz
SWIFT ?= swift
PLAN  ?= plans/jilin-2025-2030.plan
## chromium, poppler-utils (pdfinfo, pdftotext) and a CJK font: HTMLPrintIntegration prints the
## HTML export to PDF and reads it back; man-db: `make test-integration` reads the installed man page.
APT_PACKAGES = libedit-dev libzip-dev libxml2-dev libsqlite3-dev pkg-config tmux sqlite3 python3 e2fsprogs git neovim chromium poppler-utils fonts-wqy-microhei man-db
## Python packages the tests use (with `python3 -m pip`: this machine's python3 is not Debian's, so
## python3-… apt packages are invisible to it). jsonschema: the JSON export and rule list schemas.
PIP_PACKAGES = jsonschema
## LibreOffice (headless: the workbook to CSV, the document to PDF), openpyxl and python-docx:
## OfficeIntegration reads the xlsx and docx exports with real clients.
APT_PACKAGES += libreoffice-calc libreoffice-writer
PIP_PACKAGES += openpyxl python-docx
## The tests that drive real outside programs (tmux, and later a browser, LibreOffice, git,
## PostgreSQL, Neovim) are the suites whose name contains `Integration`: run once by
## `make test-integration`, never under ASan.
INTEGRATION = Integration
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release order order-check run install install-check docs test test-integration bench fuzz test-asan lint clean

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
	@for m in $(PIP_PACKAGES); do \
	  python3 -m pip show -q $$m >/dev/null 2>&1 || python3 -m pip install -q $$m; done

build: deps
	$(SWIFT) build

## release: the Swift runtime and FoundationEssentials linked in (--static-swift-stdlib): less memory
## at start and faster loading than the shared libraries (6 MB and ~8% when cplan still imported
## Foundation; it imports FoundationEssentials only, so no CoreFoundation or ICU data is linked);
## libedit stays a system library. Linked by lld (the toolchain's), each function in a section of
## its own and laid out in the order of bench/cplan.order (`make order`): the code that check,
## run and export execute sits together, so fewer of its pages become resident (8.2 → 3.6 MB for
## a check). Where glibc reads packed relative relocations (DT_RELR, glibc >= 2.36), they are
## packed: 40,000 relocations become 400, and the loader dirties fewer data pages at start.
RELR := $(shell ldd --version 2>/dev/null | head -1 | awk '{ split($$NF, v, "."); if (v[1] > 2 || (v[1] == 2 && v[2] >= 36)) print "yes" }')
RELEASE_FLAGS = -c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xswiftc -Xfrontend -Xswiftc -function-sections \
  -Xlinker --symbol-ordering-file=$(CURDIR)/bench/cplan.order -Xlinker --no-warn-symbol-ordering \
  $(if $(RELR),-Xlinker -z -Xlinker pack-relative-relocs)
release: deps
	$(SWIFT) build $(RELEASE_FLAGS)
	@python3 bench/order_check.py .build/release/cplan bench/cplan.order

## order-check: warn when more than a few percent of the symbols bench/cplan.order names no
## longer exist in the release binary (the linker is told not to warn of each one).
order-check:
	python3 bench/order_check.py .build/release/cplan bench/cplan.order

## order: regenerate bench/cplan.order from the functions a check, a load + save and an export of
## the N = 1,000 plan execute (valgrind's callgrind), and link again (the build does not see the
## order file as an input: removing the program makes it link).
order: release
	@command -v valgrind >/dev/null || $(SUDO) apt-get install -y -qq valgrind
	python3 bench/order.py
	rm -f .build/release/cplan
	$(SWIFT) build $(RELEASE_FLAGS)

run: release
	.build/release/cplan $(PLAN)

## install: the release binary, its man page and completion scripts under PREFIX (DESTDIR for
## packagers): bin/cplan, share/man/man1/cplan.1 (written by scripts/manpage.py from the command
## grammar, `cplan --experimental-dump-help`), and the bash, zsh and fish completions that
## swift-argument-parser writes (`cplan --generate-completion-script bash|zsh|fish`).
PREFIX ?= /usr/local
DEST = $(DESTDIR)$(PREFIX)
install: release
	install -d $(DEST)/bin $(DEST)/share/man/man1 $(DEST)/share/bash-completion/completions \
	  $(DEST)/share/zsh/site-functions $(DEST)/share/fish/vendor_completions.d
	install -m 755 .build/release/cplan $(DEST)/bin/cplan
	.build/release/cplan --experimental-dump-help | python3 scripts/manpage.py >$(DEST)/share/man/man1/cplan.1
	.build/release/cplan --generate-completion-script bash >$(DEST)/share/bash-completion/completions/cplan
	.build/release/cplan --generate-completion-script zsh >$(DEST)/share/zsh/site-functions/_cplan
	.build/release/cplan --generate-completion-script fish >$(DEST)/share/fish/vendor_completions.d/cplan.fish

## docs: rewrite docs/reference.md (kinds, attributes, types, defaults, settings, rules) from the
## schema and the rule catalog; LanguageReferenceTests fails when the committed file differs.
docs: build
	.build/debug/cplan reference >docs/reference.md

## install-check: `make install` into a fresh directory, then read the man page with man(1) and
## load the bash completion; part of test-integration (outside `swift test`, which holds the
## build lock that the release build needs).
install-check:
	@prefix=$$(mktemp -d); \
	$(MAKE) --no-print-directory install PREFIX=$$prefix \
	&& test -x $$prefix/bin/cplan \
	&& MANPAGER=cat man -l $$prefix/share/man/man1/cplan.1 | grep -q "cplan export" \
	&& bash -c "source $$prefix/share/bash-completion/completions/cplan && complete -p cplan" \
	&& test -s $$prefix/share/zsh/site-functions/_cplan && test -s $$prefix/share/fish/vendor_completions.d/cplan.fish \
	&& echo "install-check: man page and completions installed under $$prefix"; \
	rc=$$?; rm -rf $$prefix; exit $$rc

## test: the unit suite (everything but the integration suites).
test: deps
	$(SWIFT) build
	$(SWIFT) test --skip $(INTEGRATION)

## test-integration: the suites that drive real outside programs, once, not under ASan.
## The build itself is one of them: a warning such as "found N file(s) which are unhandled" (a file
## in a target that Package.swift neither excludes nor declares as a resource) fails it.
test-integration: deps
	@log=$$(mktemp); $(SWIFT) build >$$log 2>&1; rc=$$?; cat $$log; \
	if grep -i "warning:.*unhandled" $$log; then rc=1; \
	  echo "test-integration: the build warns of unhandled files: declare them in Package.swift"; fi; \
	rm -f $$log; exit $$rc
	$(SWIFT) test --filter $(INTEGRATION)
	$(MAKE) --no-print-directory install-check

bench: release
	python3 bench/run.py

fuzz: deps
	bash Fuzz/run.sh $(or $(SECONDS),600)

## test-asan: the whole suite under AddressSanitizer. Leak checking is off in the test runner
## (XCTest's own objects at exit); the cplan processes the tests start keep it on.
test-asan: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan --skip $(INTEGRATION)

## lint: swift-format (ships with the toolchain) with the repository's .swift-format.
## lint: swift-format's strict lint, and no merge-conflict markers left in any tracked file (a
## README once kept a resolved-by-hand conflict's markers for a week).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	@if git grep -nE '^(<<<<<<< |>>>>>>> |=======$$)' -- . ':!Tests/**/Golden/**' ':!Sources/PlanIO/Merge/**' \
	  | grep -vE '^(README.md|SPEC.md|docs/[^:]*):[0-9]+:(<<<<<<< ours|>>>>>>> theirs|=======)' ; then \
	  echo "merge-conflict markers left in the files above"; exit 1; fi

clean:
	rm -rf .build .build-*
