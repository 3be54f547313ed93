# Two commands do all set-up on a fresh machine (see README):
#   make demo   create .venv, install syndicate, ingest the sample articles into SQLite, write feeds/
#   make test   create .venv, install syndicate with its test and MT extras (+ Debian apertium); ruff, mypy, tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.core: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[mt,argos,dev]'
	touch $@

demo: $(VENV)/.core
	$(BIN)/syndicate demo

# Debian's apertium (a real offline MT engine for the tests) and chromium (the index pages and XSL-styled feeds
# are checked in a real headless browser); needs root, as CI is.
system-deps:
	@if ! command -v apertium >/dev/null 2>&1 || ! apertium -l 2>/dev/null | grep -q eng-spa; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq apertium apertium-eng-spa; \
	fi
	@if ! command -v chromium >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

test: $(VENV)/.dev system-deps
	$(BIN)/ruff check syndicate tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) feeds/*/ partners/ var/
