# Two commands on a fresh machine:  `make run`  (console on the demo ward)  and  `make test`.
# Both create or refresh .venv and install the project with everything it needs; idempotent.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= .demo
DEMO_DATE ?= $(shell date +%F)
DEMO_DB ?= sqlite:///$(abspath $(DEMO_DIR))/ward-$(DEMO_DATE).sqlite

.PHONY: install run demo-db test lint unit screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# A fresh demo ward for today in its own SQLite file, then the console on it.
demo-db: install
	mkdir -p $(DEMO_DIR)
	$(BIN)/eward --database $(DEMO_DB) seed --demo --date $(DEMO_DATE)

run: demo-db
	$(BIN)/eward --database $(DEMO_DB) --user $${EWARD_USER:-ABE}

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

unit: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint unit

screenshots: demo-db
	for v in census patient rounds dispatch logistics escalations dashboard; do \
	  $(BIN)/eward --database $(DEMO_DB) screenshot $$v --date $(DEMO_DATE) --out docs/screenshots/$$v.png; \
	done

clean:
	rm -rf $(VENV) $(DEMO_DIR) build dist *.egg-info
