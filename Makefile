# Two commands do all set-up on a fresh machine (see README):
#   make demo   create .venv, install syndicate, ingest the sample articles into SQLite, write feeds/
#   make test   create .venv, install syndicate with its test, MT and argos extras (+ Debian apertium), .venv-lt with
#               the real LibreTranslate server the tests start, .venv-superdesk with Superdesk's NewsML-G2 ingest
#               parser; ruff, mypy, tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
# The real LibreTranslate server for the tests, in a venv of its own (AGPL, pins flask 2.2 and its own argos fork)
LT_VENV ?= .venv-lt
# superdesk-core (GPL) for its NewsML-G2 ingest parser, run by tests/superdesk_ingest.py in a venv of its own
SD_VENV ?= .venv-superdesk

.PHONY: demo test system-deps lt-server superdesk clean

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

# LibreTranslate 1.9.6 (tests/lt_real.py starts it offline on tiny test packages). torch first, from the local CPU
# wheel: otherwise pip resolves libretranslate's torch requirement to a multi-GB CUDA build.
$(LT_VENV)/.lt:
	$(PYTHON) -m venv $(LT_VENV)
	$(LT_VENV)/bin/pip install --quiet --upgrade pip
	$(LT_VENV)/bin/pip install --quiet torch==2.13.0
	$(LT_VENV)/bin/pip install --quiet libretranslate==1.9.6
	$(LT_VENV)/bin/libretranslate --help >/dev/null
	touch $@

lt-server: $(LT_VENV)/.lt

# superdesk-core 2.5.3 (PyPI's newest) with --no-deps, then its own requirements with the overrides Python 3.11
# needs (tests/superdesk-requirements.txt says which and why). Some of its sdists (PyYAML 5.4 needs Cython < 3,
# others pkg_resources) build only against the venv's Cython 0.29 and setuptools < 70, hence --no-build-isolation;
# pip < 24.1 because newer pip rejects the metadata of celery 4.4 and 5.0 ("pytz (>dev)").
# The last step parses a NewsML-G2 item with the real parser.
$(SD_VENV)/.superdesk: tests/superdesk-requirements.txt tests/superdesk_ingest.py
	$(PYTHON) -m venv $(SD_VENV)
	$(SD_VENV)/bin/pip install --quiet 'pip<24.1'
	$(SD_VENV)/bin/pip install --quiet 'cython<3' wheel 'setuptools<70'
	$(SD_VENV)/bin/pip install --quiet --no-deps superdesk-core==2.5.3
	$(SD_VENV)/bin/pip install --quiet --no-build-isolation -r tests/superdesk-requirements.txt
	$(SD_VENV)/bin/python tests/superdesk_ingest.py --self-check
	touch $@

superdesk: $(SD_VENV)/.superdesk

test: $(VENV)/.dev system-deps lt-server superdesk
	$(BIN)/ruff check syndicate tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(LT_VENV) $(SD_VENV) feeds/*/ partners/ var/
