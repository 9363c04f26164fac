# The two commands: `make demo` and `make test`. Both build .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench eval fuzz clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,ray]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/accord demo

test: $(STAMP) lint chromium
	$(BIN)/pytest -q

# The browser tests drive Debian's chromium (Playwright's own browser download is not reachable here).
# Installs it with apt-get only when no chromium binary is on the PATH; as root, or through sudo.
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/dedup_eval.py

# >= 1,000,000 fuzzed inputs over the pure per-document stages, a few thousand through spaCy (bench/fuzz.py);
# `make test` runs the same generator on a few hundred (tests/test_fuzz.py).
fuzz: $(STAMP)
	$(BIN)/python bench/fuzz.py

eval: $(STAMP)
	$(BIN)/accord ingest ../shared/corpus/articles.jsonl --db eval.duckdb
	$(BIN)/accord eval --db eval.duckdb

clean:
	rm -rf $(VENV) accord.duckdb demo-out demo-report.html .pytest_cache
