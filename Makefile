# The project's interface. Every target sets up what it needs first.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export NO_MKDOCS_2_WARNING := 1
export UV_LINK_MODE := copy
# Installed packages come with their bytecode: a machine that sets PYTHONDONTWRITEBYTECODE
# would otherwise compile MkDocs and Material from source in every build.
export UV_COMPILE_BYTECODE := 1
PYTHON_SPEC ?= python3.11
TOOLS := .tools
UV ?= $(shell command -v uv 2>/dev/null || echo $(TOOLS)/bin/uv)
VENV := .venv
STAMP := $(VENV)/.synced
NODE_STAMP := node_modules/.installed
RUN := $(VENV)/bin

.PHONY: help serve build check annotations lint-workflows test bench relock mutation clean

help:
	@echo "make serve   live preview at http://127.0.0.1:8000/"
	@echo "make build   strict build into site/"
	@echo "make check   compliance checks on docs/"
	@echo "make lint-workflows  the GitHub Actions workflows through zizmor"
	@echo "make test    strict build, checks and the test suite"
	@echo "make bench   benchmarks, report in bench/RESULTS.md"
	@echo "make relock  re-stamp the translation lock after updating the English"
	@echo "make mutation  mutation testing of the checks and hooks (mutmut; MUTATION_SAMPLE=0 for every mutant)"

# uv in a venv of its own (a system Python may be externally managed, PEP 668),
# pinned with hashes in .ci/uv.txt.
$(TOOLS)/bin/uv: .ci/uv.txt
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --require-hashes -r .ci/uv.txt

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON_SPEC)
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

serve: $(STAMP)
	$(RUN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)
	$(RUN)/mkdocs build --strict --clean -d site

check: $(STAMP)
	$(RUN)/python -m checks

# The checks' findings as GitHub annotations (the CI workflow's first report).
annotations: $(STAMP)
	$(RUN)/python -m checks --format github

# zizmor, the GitHub Actions security linter, at its default persona; offline.
lint-workflows: $(STAMP)
	$(RUN)/zizmor --offline --no-progress .github/workflows

test: $(STAMP) $(NODE_STAMP)
	$(RUN)/python -m checks
	$(RUN)/zizmor --offline --no-progress .github/workflows
	$(RUN)/python -m pytest -n auto --dist worksteal

bench: $(STAMP) $(NODE_STAMP)
	$(RUN)/python -m bench

relock: $(STAMP)
	$(RUN)/python -m checks.relock

# MUTATION_SAMPLE=N runs a seeded random sample of N mutants (the whole set
# takes hours on two cores); 0 runs them all.
MUTATION_SAMPLE ?= 800
mutation: $(STAMP)
	rm -rf mutants
ifeq ($(MUTATION_SAMPLE),0)
	PATH="$(CURDIR)/$(RUN):$$PATH" $(RUN)/mutmut run --max-children 2
	$(RUN)/python -m bench.mutation
else
	$(RUN)/python -m bench.mutation --sample $(MUTATION_SAMPLE)
endif

clean:
	rm -rf site .pytest_cache test-results
