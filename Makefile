# The two commands a reader needs are `make serve` and `make test`; both
# bootstrap .venv from the hashed lock on first use.

PYTHON ?= python3
VENV   := .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif
PY := $(BIN)/python
RUNS ?= 20

# Material 9.8 prints an end-of-life banner on every build; it is not ours to fix.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test interpreters check soak properdocs build outputs verified search-words bench lighthouse lock clean

# The stamp is remade whenever the lock changes, so a pull that moves a pin
# reinstalls on the next command.
$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c "import sys; sys.exit(0 if sys.version_info >= (3, 11, 5) else \"Python 3.11.5 or newer is needed to run $(PYTHON); set PYTHON=...\")"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	@touch $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

# Every check: snippets on the venv's interpreter under every start method,
# pytest-examples, the strict build, workflow lint. INTERPRETERS=all adds
# every other CPython 3.11+ found (what .ci/run does), after `make interpreters`.
test: $(VENV)/.installed
	@if [ "$(INTERPRETERS)" = all ]; then $(PY) -m tests.checker.debian_root; fi
	$(PY) -m pytest $(PYTEST_ARGS)

# CPython 3.13, 3.14 and 3.15 at their newest patch releases, from Debian's
# registry, in a root of their own under .cache/debian (needs root,
# debootstrap, util-linux's unshare; says in one line when they cannot be had).
interpreters: $(VENV)/.installed
	$(PY) -m tests.checker.debian_root

# The edit loop for one example: `make check SNIPPET=pool/apply_async` runs it
# under every start method, its timeline, and the pages that show it.
check: $(VENV)/.installed
	$(PY) -m tests.check_one $(SNIPPET)

# Flakes: `make soak RUNS=20` repeats the suite; SELECT="tests/test_snippets.py
# -k lock/" repeats a selection; BUSY=1 keeps a core busy meanwhile.
soak: $(VENV)/.installed
	RUNS=$(RUNS) SELECT="$(SELECT)" BUSY=$(BUSY) $(PY) -m tests.soak

# The build path past Material's end of life: ProperDocs must build the same site.
properdocs: $(VENV)/.installed
	$(PY) -m tests.properdocs_diff

# Documented outputs come from real runs: snippets/*/*.out, then the `#>`
# comments of the Python blocks written on pages; then the search words.
outputs: $(VENV)/.installed
	$(PY) -m tests.checker.regenerate
	$(PY) -m pytest tests/test_code_blocks.py -n0 -q --update-examples
	$(MAKE) search-words

# The record behind the "Where each example was verified" page: every
# snippet on every CPython 3.11+ found, kept only if all of them pass; an
# interpreter this machine lacks keeps its runs of unchanged examples.
verified: $(VENV)/.installed interpreters
	INTERPRETERS=all $(PY) -m pytest tests/test_snippets.py -q
	$(PY) -m tests.checker.record

# jieba's words that the pages' Chinese text uses, for the search index
# (search/words.py); test_site says when it is out of date.
search-words: build
	$(PY) -m search.words site

bench: $(VENV)/.installed
	$(PY) -m tests.bench

# Lighthouse (npm, pinned in tests/lighthouse) on the system's Chromium: the
# home page, three chapters and the notebooks; PAGES=all for every page.
lighthouse: $(VENV)/.installed
	npm ci --prefix tests/lighthouse --no-audit --no-fund --loglevel=error
	$(PY) -m tests.lighthouse.run

# Maintainers only: re-resolve requirements.in for every platform.
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile --universal --python-version 3.11.5 --generate-hashes \
	  --no-header --quiet requirements.in -o requirements.txt

clean:
	rm -rf site .pytest_cache
