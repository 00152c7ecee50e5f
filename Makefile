# Every target sets up what it needs: a fresh clone needs only python3 (3.11+) and make.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make bench ITEMS=30000 ROUNDS=1` (or BENCH_ITEMS / BENCH_ROUNDS); more options in BENCH_ARGS,
# e.g. BENCH_ARGS=--no-serve (PYTHONPATH=scripts .venv/bin/python -m bench --help).
BENCH_ITEMS ?= $(or $(ITEMS),10000)
BENCH_ROUNDS ?= $(or $(ROUNDS),3)

.PHONY: setup site serve edit screenshots node validate test lint unit browser bench schema lock clean

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $@

setup: $(STAMP)

validate: setup
	$(BIN)/familiennetz validate content

# Validate once, build into a scratch folder, then swap it in for site/ in one step: a failed
# or interrupted build never leaves site/ half-written (scripts/familiennetz/publish.py).
site: setup node
	$(BIN)/familiennetz build

# The preview: rebuilt after every save, redoing only what changed (mkdocs_adapter/serve.py).
serve: setup node
	$(BIN)/familiennetz serve

# The web editor on this machine: Decap's local backend (decap-server, from package-lock)
# saves into this repository as branches, and a preview server shows the site with the
# editor at /admin/ (scripts/familiennetz/localedit.py).
edit: setup node
	$(PY) -m familiennetz.localedit

# The guide's pictures of the editor, taken in Chromium (content/hilfe/bilder/editor-*.png).
screenshots: setup node
	$(PY) -m familiennetz.localedit --screenshots content/hilfe/bilder

# Node packages (package-lock.json): the web editor's bundle, which the site ships at
# /admin/, its local backend, and axe-core for the browser tests. Installed again only
# when the lock changed.
node: node_modules/.package-lock.json

node_modules/.package-lock.json: package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "Fehler: npm fehlt – installieren Sie Node.js (20 oder neuer); der Web-Editor wird mit npm installiert."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@


lint: setup
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

unit: setup node
	$(BIN)/pytest

test: lint browser unit

# For the browser tests: Debian's chromium (installed with apt only when missing and only
# if we may — as root, or with password-less sudo; this never fails the target) and
# axe-core, pinned in package-lock.json (`npm ci` into node_modules/, when the lock changed).
# Where either is missing, the tests say so and are skipped — under CI=true they fail.
browser: node
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else SUDO=none; fi; \
	  if [ "$$SUDO" != none ]; then \
	    APT="$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -qq"; \
	    $$APT install -y chromium >/dev/null 2>&1 \
	      || { $$APT update >/dev/null 2>&1 && $$APT install -y chromium >/dev/null 2>&1; } \
	      || true; \
	  fi; \
	  command -v chromium >/dev/null 2>&1 \
	    || echo "Hinweis: chromium fehlt und ließ sich nicht installieren – die Browser-Tests werden übersprungen."; \
	fi

bench: setup node
	PYTHONPATH=scripts $(PY) -m bench --items $(BENCH_ITEMS) --rounds $(BENCH_ROUNDS) $(BENCH_ARGS)

schema: setup
	$(BIN)/familiennetz schema --out schemas

# Refresh the exact pins after changing dependencies in pyproject.toml.
lock: setup
	$(PY) -m pip freeze --exclude-editable --disable-pip-version-check > constraints.txt.new
	(echo "# Exact versions for every install (make installs with -c constraints.txt). Regenerate: make lock"; cat constraints.txt.new) > constraints.txt && rm constraints.txt.new

clean:
	rm -rf site .site-build .site-alt* .pytest_cache .mypy_cache .ruff_cache
