# Every target sets up what it needs: a fresh clone needs only python3 (3.11+) and make.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_ITEMS ?= 10000

.PHONY: setup site serve validate test lint unit bench schema lock clean

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $@

setup: $(STAMP)

validate: setup
	$(BIN)/familiennetz validate content

# Validate, build into a scratch folder, then swap: a failed build never leaves site/ half-written.
site: setup
	$(BIN)/familiennetz validate content
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build
	rm -rf site && mv .site-build site

serve: setup
	$(BIN)/mkdocs serve --strict

lint: setup
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: lint unit

bench: setup
	$(PY) -m familiennetz.bench --items $(BENCH_ITEMS)

schema: setup
	$(BIN)/familiennetz schema --out schemas

# Refresh the exact pins after changing dependencies in pyproject.toml.
lock: setup
	$(PY) -m pip freeze --exclude-editable --disable-pip-version-check > constraints.txt.new
	(echo "# Exact versions for every install (make installs with -c constraints.txt). Regenerate: make lock"; cat constraints.txt.new) > constraints.txt && rm constraints.txt.new

clean:
	rm -rf site .site-build .pytest_cache .mypy_cache .ruff_cache
