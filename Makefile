# Two entry points, both from a fresh clone with only Python 3.11:
#   make site   set up .venv, ingest seeds/ into content/ (then build output/ once the site exists)
#   make test   set up .venv, run the test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The seed text dump carries no date; this is its publication date (Reuters, 25 January 2024),
# used only for pages that state none themselves.
SEED_DATE := 2024-01-25

.PHONY: site ingest test evaluate clean

$(BIN)/briefing: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: ingest

ingest: $(BIN)/briefing
	$(BIN)/briefing ingest seeds/ --content-dir content --date $(SEED_DATE)

test: $(BIN)/briefing
	$(BIN)/python -m pytest

evaluate: $(BIN)/briefing
	$(BIN)/python -m evaluation.extraction

clean:
	rm -rf output cache .pytest_cache
