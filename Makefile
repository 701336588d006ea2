# One entry point for everything: `make demo` runs the quickstart on the local server,
# `make test` runs every check. Both bootstrap .venv on a fresh machine: scripts/venv checks
# that PYTHON is >= 3.11, rebuilds a .venv made by another Python, and installs what the
# target needs (demo: the testing extra; everything else: dev) when pyproject.toml changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: install install-demo test live-test live-diff lint types unit docs regenerate check-generated api-update demo server bench azurite clean mutate

# Azurite (Microsoft's Azure Storage emulator, npm) for the Azure tests: pinned with a lock
# file in tools/azurite/, installed with `npm ci` into the git-ignored .tools/azurite/.
AZURITE_DIR   := .tools/azurite
AZURITE_STAMP := $(AZURITE_DIR)/.installed-stamp

install:
	@bash scripts/venv '$(PYTHON)' $(VENV) dev

install-demo:
	@bash scripts/venv '$(PYTHON)' $(VENV) testing

$(AZURITE_STAMP): tools/azurite/package.json tools/azurite/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js >= 18) is needed to install Azurite"; exit 1; }
	rm -rf $(AZURITE_DIR) && mkdir -p $(AZURITE_DIR)
	cp tools/azurite/package.json tools/azurite/package-lock.json $(AZURITE_DIR)/
	cd $(AZURITE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $(AZURITE_STAMP)

## azurite: install the pinned Azure Storage emulator into .tools/azurite (make test does it)
azurite: $(AZURITE_STAMP)

## test: everything CI runs: generated/ is current, lint, format, types, tests, the docs site
test: check-generated lint types unit docs

## docs: build the documentation site into site/ (strict: a warning, a broken link or a
# reference to a name that does not exist fails the build)
docs: install
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

check-generated: install
	$(BIN)/python scripts/regenerate --check

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

types: install
	$(BIN)/mypy

# LUML_SWEEP_EXAMPLES=200 make unit: the Hypothesis sweeps (tests/*/test_sweep.py) run long and random
unit: install azurite
	LUML_REQUIRE_AZURITE=1 $(BIN)/pytest

## live-test: the tests marked `live`, against a real backend (not part of `make test`).
# LUML_LIVE_STATE=/tmp/luml-real/state.json (what ../shared/real-backend/up.sh prints);
# without it every live test is skipped, with the reason.
live-test: install
	$(BIN)/pytest -m live tests/live

## live-diff: the same raw requests to a real backend and a fresh local server, compared
# (docs/known-real-server-behaviour.md). Opt-in like live-test: LUML_LIVE_STATE names the
# state JSON of ../shared/real-backend/up.sh; without it, it says so and exits 0.
live-diff: install
	$(BIN)/python -m tests.live_diff $(LIVE_DIFF_ARGS)

## regenerate: rewrite generated/ after editing openapi.yaml
regenerate: install
	$(BIN)/python scripts/regenerate

## api-update: apply a server's API change (docs/maintainers.md): api-drift, a draft in
# openapi.yaml (api-drift --write), regenerate, then the tests of the changed tags.
# SPEC=http://127.0.0.1:58000/openapi.json (or a saved file).
api-update: install
	@test -n '$(SPEC)' || { echo "usage: make api-update SPEC=URL_OR_FILE (a server's /openapi.json)"; exit 2; }
	$(BIN)/python scripts/api-update '$(SPEC)'

## demo: start the local LUML server and run the quickstart against it
demo: install-demo
	$(BIN)/python examples/quickstart.py

## server: run the local LUML server in the foreground (prints its URL and API key)
server: install-demo
	$(BIN)/luml-local-server

## bench: upload/download speed and memory next to the official client, see benchmarks/README.md
# Its own venv (.venv-bench): this project plus luml-api 0.4.0, whose code needs Python >= 3.12
# (without one, the official client is skipped). BENCH_ARGS="--sizes 64 --repeat 1" to vary;
# BENCH_ARGS="--state /tmp/luml-real/state.json" (or --base-url/--api-key/...) for another server.
BENCH_VENV   := .venv-bench
BENCH_STAMP  := $(BENCH_VENV)/.installed-stamp
BENCH_PYTHON ?= $(firstword $(foreach p,python3.13 python3.12 \
	$(wildcard $(HOME)/.pyenv/versions/3.1[23]*/bin/python3),$(shell \
	$(p) -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null && echo $(p))) $(PYTHON))

$(BENCH_STAMP): pyproject.toml
	$(BENCH_PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -e '.[testing]'
	$(BENCH_VENV)/bin/python -m pip install --quiet --ignore-requires-python luml-api==0.4.0
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python benchmarks/transfer.py $(BENCH_ARGS)

clean:
	rm -rf .venv-bench
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .tools

## mutate: mutation testing (mutmut) over the modules that carry the README's promises; a
# tool, not a gate. Modules and tests: [tool.mutmut] in pyproject.toml. Survivors:
# `$(BIN)/mutmut results`, one in detail: `$(BIN)/mutmut show NAME`. MUTANTS="glob" limits
# the run (e.g. MUTANTS='luml_facade._retry*'); see docs/mutation.md.
MUTATE_CHILDREN ?= 2
mutate: install
	PATH='$(abspath $(BIN))':"$$PATH" $(BIN)/mutmut run --max-children $(MUTATE_CHILDREN) $(MUTANTS)
	$(BIN)/mutmut results
