# The two commands: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The locks pin every package with its hashes (Python 3.11, Linux): main.txt what a
# server runs, dev.txt that plus the `dev` extra. `make lock` refreshes them.
LOCK_MAIN := requirements/main.txt
LOCK_DEV := requirements/dev.txt
LOCK_TOOLS := $(VENV)/lock-tools

.PHONY: install run test bench lint demo lock

# A changed lock (or pyproject.toml) installs again. The project itself has no hash, so it
# comes after the locked packages, without dependencies of its own choosing.
$(STAMP): pyproject.toml $(LOCK_DEV)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK_DEV)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Development settings live in .env, which every `balintroom` command reads, so that a
# second terminal's `.venv/bin/balintroom demo` sees what `make run` sees. Made once;
# never overwritten.
.env:
	cp .env.example .env
	@echo "Created .env from .env.example (development settings, DEBUG=1); edit it to change them."

# PORT and HOST come from the environment (`PORT=8101 make run`) or from .env.
run: install .env
	$(BIN)/balintroom migrate --noinput
	$(BIN)/balintroom serve

demo: install .env
	$(BIN)/balintroom migrate --noinput
	$(BIN)/balintroom demo

# Lint first, so that a style or type error fails the run like a failing test.
test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/run.py

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# Refresh the locks from pyproject.toml's bounds, keeping every pin that still fits:
# `make lock UPGRADE=django` moves one package (several: UPGRADE="django uvicorn"),
# `make lock UPGRADE=all` every one. Resolved against PyPI alone, so that a machine's own
# mirrors or wheel folders leave no trace in the hashes.
PIP_COMPILE = env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL \
	PIP_CONFIG_FILE=/dev/null $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes \
	--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	$(if $(filter all,$(UPGRADE)),--upgrade,$(foreach p,$(UPGRADE),--upgrade-package $(p)))

lock:
	test -x $(LOCK_TOOLS)/bin/pip-compile || ( $(PYTHON) -m venv $(LOCK_TOOLS) && \
	  $(LOCK_TOOLS)/bin/python -m pip install --quiet "pip-tools>=7.5,<8" )
	mkdir -p requirements
	$(PIP_COMPILE) --output-file $(LOCK_MAIN) pyproject.toml
	# The dev lock keeps the server's pins, so tests run what production runs.
	$(PIP_COMPILE) --extra dev --constraint $(LOCK_MAIN) --output-file $(LOCK_DEV) pyproject.toml
