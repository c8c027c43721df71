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

ADDR ?= 127.0.0.1:8000

.PHONY: help serve build build-mkdocs check annotations lint-workflows test properties bench relock review review-comment xliff import-xliff mutation audit upgrade-test clean

help:
	@echo "make serve   live preview at http://127.0.0.1:8000/"
	@echo "make build   strict build into site/ (ProperDocs)"
	@echo "make build-mkdocs  the same build with the MkDocs 1.6 fallback, into site-mkdocs/"
	@echo "make check   compliance checks on docs/"
	@echo "make lint-workflows  the GitHub Actions workflows through zizmor"
	@echo "make test    strict build, checks and the test suite"
	@echo "make bench   benchmarks, report in bench/RESULTS.md"
	@echo "make properties  the property tests at full size (make test runs a fifth of them)"
	@echo "make relock  re-stamp the translation lock after updating the English"
	@echo "make review  a review of the change since BASE (default origin/main): both texts side by side, into review/"
	@echo "make xliff   XLIFF 2.0, XLIFF 1.2 and TMX of the provisions for translation tools, into xliff/"
	@echo "make import-xliff FILE=f.xlf  apply a translated XLIFF to the English text (all or nothing)"
	@echo "make audit   known vulnerabilities in the locked Python and npm packages (needs the network)"
	@echo "make upgrade-test  make test with every lock upgraded to the newest allowed versions (not committed)"
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

# ProperDocs rebuilds when docs/, the overrides or the configuration change;
# watchfiles restarts the server when Python code under hooks/ or checks/
# changes, since a running build keeps the modules it imported.
serve: $(STAMP)
	$(RUN)/watchfiles --filter python '$(RUN)/properdocs serve --strict -a $(ADDR)' hooks checks

build: $(STAMP)
	$(RUN)/properdocs build --strict --clean -d site

# The fallback engine, as long as Material and mkdocs-static-i18n declare
# MkDocs 1.6: the same configuration, the same site but for the generator tag
# (tests/test_engine.py compares every file).
build-mkdocs: $(STAMP)
	$(RUN)/mkdocs build --strict --clean -f properdocs.yml -d site-mkdocs

check: $(STAMP)
	$(RUN)/python -m checks

# The checks' findings as GitHub annotations (the CI workflow's first report).
annotations: $(STAMP)
	$(RUN)/python -m checks --format github

# zizmor, the GitHub Actions security linter, at its default persona; offline.
lint-workflows: $(STAMP)
	$(RUN)/zizmor --offline --no-progress .github/workflows

# Two test workers per core, eight at most: many tests wait on a browser, Node
# or a build in another process, and a second worker uses that time (measured
# on 2 cores: 380 s with two workers, 291 s with four). The shared sites are
# built once per run, but each worker starts its own browser, hence the cap.
TEST_WORKERS ?= $(shell n=$$(( $$(nproc 2>/dev/null || echo 1) * 2 )); echo $$(( n > 8 ? 8 : n )))
# pytest keeps the test modules it rewrites for its assertions as bytecode beside them, unless
# PYTHONDONTWRITEBYTECODE is set (some machines set it): then every worker rewrites every module,
# about 2 s of CPU each, in every run. The suite lets it keep them.
TEST_BYTECODE := PYTHONDONTWRITEBYTECODE=
# The project's own modules are compiled first: the suite starts many build and check
# processes, and where PYTHONDONTWRITEBYTECODE is set each would compile them again.
test: $(STAMP) $(NODE_STAMP)
	$(RUN)/python -m compileall -q checks hooks
	$(RUN)/python -m checks
	$(RUN)/zizmor --offline --no-progress .github/workflows
	$(TEST_BYTECODE) $(RUN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

# The property tests at full size (4 x 300 metadata edits, 4 x 200 front matters);
# make test runs a fifth of them.
properties: $(STAMP)
	PROPERTY_CASES=full $(RUN)/python -m pytest -n auto -p no:cacheprovider tests/test_properties.py

bench: $(STAMP) $(NODE_STAMP)
	$(RUN)/python -m bench

# A change of the English publishes a new version of it: give its reason in both
# languages (REASON_EN='…' REASON_JA='…'), recorded in docs/_data/versions.yml.
relock: $(STAMP)
	$(RUN)/python -m checks.relock

# A review of a change's two texts (checks/review.py) into review/review.md:
# findings, changed provisions side by side, pages, metadata. BASE defaults to
# the pull request's base branch on GitHub, origin/main elsewhere; HEAD to the
# working tree. On GitHub it is also the job summary, and the pull request's
# number is kept beside it for .github/workflows/review-comment.yml.
BASE ?= $(if $(GITHUB_BASE_REF),origin/$(GITHUB_BASE_REF),origin/main)
review: $(STAMP)
	@mkdir -p review
	$(RUN)/python -m checks.review "$(BASE)" $(HEAD) --out review/review.md
	@if [ -n "$$GITHUB_STEP_SUMMARY" ]; then cat review/review.md >> "$$GITHUB_STEP_SUMMARY"; fi
	@case "$$GITHUB_REF" in refs/pull/*/merge) n="$${GITHUB_REF#refs/pull/}"; echo "$${n%/merge}" > review/pr-number;; esac

# Post the review as the pull request's one review comment, or update it
# (.github/workflows/review-comment.yml; the standard library only).
review-comment:
	python3 .ci/comment.py review

# XLIFF 2.0, XLIFF 1.2 and TMX of the provisions, for CAT tools (into xliff/).
xliff: $(STAMP)
	$(RUN)/python -m checks.export.interchange export --out xliff

# Apply a translated XLIFF file to docs/memorandum.en.md, all or nothing.
import-xliff: $(STAMP)
	@test -n "$(FILE)" || { echo "usage: make import-xliff FILE=path/to/file.xlf" >&2; exit 2; }
	$(RUN)/python -m checks.export.interchange import "$(FILE)"

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

# Known vulnerabilities in uv.lock and package-lock.json (pip-audit, npm
# audit); skipped with a message where their services cannot be reached.
audit: $(STAMP)
	UV=$(UV) $(RUN)/python .ci/audit.py

# The weekly workflow's job: every lock upgraded in the work tree, then the
# whole suite; the versions that moved and the result go to the job summary.
upgrade-test: $(STAMP) $(NODE_STAMP)
	UV=$(UV) $(RUN)/python .ci/upgrade.py

clean:
	rm -rf site site-mkdocs .pytest_cache test-results
