# The two commands: `make demo` and `make test`. Both build .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench eval fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/accord demo

test: $(STAMP) lint
	$(BIN)/pytest -q

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
	rm -rf $(VENV) accord.duckdb demo-out .pytest_cache
