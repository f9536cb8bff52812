# The two commands: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: install run test bench lint demo

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	DEBUG=$${DEBUG:-1} $(BIN)/balintroom migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/balintroom serve --port $(PORT)

demo: install
	DEBUG=$${DEBUG:-1} $(BIN)/balintroom migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/balintroom demo

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
