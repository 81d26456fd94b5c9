# Two commands on a fresh machine:  `make run`  (console on the demo ward)  and  `make test`.
# Both create or refresh .venv and install the project with everything it needs; idempotent.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= .demo
DEMO_DATE ?= $(shell date +%F)
DEMO_DB ?= sqlite:///$(abspath $(DEMO_DIR))/ward-$(DEMO_DATE).sqlite

.PHONY: install qt-libs run demo-db test lint unit screenshots translations clean

$(STAMP): pyproject.toml
	@# a venv without pip (Debian/Ubuntu's python3 lacks ensurepip until python3-venv is
	@# installed, and `venv` leaves a half-made .venv behind) is made again from scratch
	$(BIN)/python -m pip --version > /dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Qt needs system libraries a minimal Linux may lack (GLib for Qt itself; X11 libraries for its
# window plugin): as root they are installed (apt-get), otherwise the check prints the one
# command that does and stops (console/desktop_check.py).
qt-libs: install
	$(BIN)/python -m console.desktop_check --install

# A fresh demo ward for today in its own SQLite file, then the console on it.
demo-db: qt-libs
	mkdir -p $(DEMO_DIR)
	$(BIN)/eward --database $(DEMO_DB) seed --demo --date $(DEMO_DATE)

run: demo-db
	$(BIN)/eward --database $(DEMO_DB) --user $${EWARD_USER:-ABE}

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

unit: qt-libs
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint unit

# The pictures in README.md and docs/: the demo ward as it stands at the start of its day.
screenshots: demo-db
	QT_QPA_PLATFORM=offscreen $(BIN)/eward --database $(DEMO_DB) --user ABE screenshots --date $(DEMO_DATE) --out docs/screenshots
	EWARD_LANGUAGE=da QT_QPA_PLATFORM=offscreen $(BIN)/eward --database $(DEMO_DB) --user ABE screenshots --date $(DEMO_DATE) --out docs/screenshots --prefix da-
	QT_QPA_PLATFORM=offscreen $(BIN)/eward --database $(DEMO_DB) --user ABE rounds --date $(DEMO_DATE) --pdf $(DEMO_DIR)/rounds.pdf > /dev/null
	pdftoppm -png -r 60 -f 1 -l 1 -singlefile $(DEMO_DIR)/rounds.pdf docs/screenshots/rounds-pdf

# Danish: refresh the .ts from every tr()/translate()/_t() in the code, taking missing translations
# from resources/translations/pending/*.json (branches add theirs there; translators edit the .ts; Qt
# Linguist opens it), then build the .qm the console loads.
translations: install
	$(BIN)/python -m console.i18n_catalog update resources/translations/eward_da.ts
	$(BIN)/pyside6-lrelease resources/translations/eward_da.ts -qm resources/translations/eward_da.qm

clean:
	rm -rf $(VENV) $(DEMO_DIR) build dist *.egg-info
