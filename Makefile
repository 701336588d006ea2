# One entry point for everything: `make demo` runs the quickstart on the local server,
# `make test` runs every check. Both bootstrap .venv on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install test lint types unit regenerate check-generated demo server bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## test: everything CI runs: generated/ is current, lint, format, types, tests
test: check-generated lint types unit

check-generated: install
	$(BIN)/python scripts/regenerate --check

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

## regenerate: rewrite generated/ after editing openapi.yaml
regenerate: install
	$(BIN)/python scripts/regenerate

## demo: start the local LUML server and run the quickstart against it
demo: install
	$(BIN)/python examples/quickstart.py

## server: run the local LUML server in the foreground (prints its URL and API key)
server: install
	$(BIN)/luml-local-server

## bench: upload/download speed and memory, see benchmarks/README.md
bench: install
	$(BIN)/python benchmarks/transfer.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
