# Cadre Libre — commandes du projet. `make help` les liste.
# Idempotent : l'installation n'est refaite que si requirements.txt ou package-lock.json change.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CONTENT ?= content
OUTPUT ?= output
CONF ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Two worker processes (pytest-xdist): the machines have two cores; PYTEST_ARGS= runs in one.
PYTEST_ARGS ?= -n 2
CHROMIUM ?= /usr/bin/chromium
# Wide log lines so that file paths in build errors are not cut (Pelican logs through rich).
PELICAN := COLUMNS=$${COLUMNS:-200} $(PY) -m pelican

PY_STAMP := $(VENV)/.cadre-libre-requirements
NPM_STAMP := node_modules/.cadre-libre-package-lock

.PHONY: help setup build publish serve test bench chromium clean

help:
	@echo "make serve    installe, construit le site et le sert sur http://$(HOST):$(PORT) (reconstruit à chaque modification)"
	@echo "make test     installe (dont Chromium si besoin), construit et lance tous les tests"
	@echo "make build    construit le site dans $(OUTPUT)/ (réglages de développement)"
	@echo "make publish  construit le site de production dans $(OUTPUT)/ (publishconf.py, SITEURL=…)"
	@echo "make bench    mesure poids des pages et temps de construction (bench/bench_*.py)"
	@echo "make clean    supprime $(OUTPUT)/ et les caches (garde .venv et node_modules)"

# --- Installation ---------------------------------------------------------------

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est nécessaire (trouvé " + sys.version.split()[0] + ").")'
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "Impossible de créer $(VENV) : sur Debian, installez le paquet python3-venv (sudo apt-get install -y python3-venv)." >&2; exit 1; }

# Reinstalled only when requirements.txt is newer than the stamp.
$(PY_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check --no-input --quiet -r requirements.txt
	@touch $@

# `npm ci` only when package-lock.json changed or node_modules does not match package.json.
$(NPM_STAMP): package-lock.json package.json
	@command -v npm >/dev/null || { echo "npm est introuvable : installez Node.js 20 ou plus récent (paquets Debian nodejs et npm)." >&2; exit 1; }
	@if [ -f $@ ] && [ $@ -nt package-lock.json ] && npm ls --all >/dev/null 2>&1; then :; \
	 elif [ ! -f $@ ] && npm ls --all >/dev/null 2>&1; then echo "node_modules correspond déjà à package-lock.json"; \
	 else npm ci --no-audit --no-fund --loglevel=error; fi
	@touch $@

# What depends on the Pyodide npm package only, prepared once (about 30 s, redone when
# package-lock.json changes) instead of by the first build: its standard library compiled to
# bytecode and the runtime's files compressed (the 9.6 MB wasm at brotli quality 11), into
# the build cache (.cache/, by content: a build finds them there, or computes what is missing).
PYODIDE_DIR := node_modules/pyodide
RUNTIME_STAMP := .cache/.cadre-libre-runtime
$(RUNTIME_STAMP): $(NPM_STAMP) plugins/calculateurs/compile_pyc.mjs | $(PY_STAMP)
	@echo "Préparation du moteur des calculateurs (une fois par version de Pyodide)…"
	$(PY) plugins/calculateurs/runtime.py --preparer $(PYODIDE_DIR) .cache
	@touch $@

setup: $(PY_STAMP) $(NPM_STAMP) $(RUNTIME_STAMP)

# Debian's Chromium drives the browser tests (Playwright cannot download its own browser here).
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	 elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	   echo "Installation de Chromium (Debian)…"; \
	   DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	 else \
	   echo "Chromium est nécessaire aux tests et manque ($(CHROMIUM))." >&2; \
	   echo "Installez-le en administrateur :  sudo apt-get update && sudo apt-get install -y chromium" >&2; \
	   exit 1; \
	 fi

# --- Site -----------------------------------------------------------------------------

build: setup
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(CONF)

publish: setup
	SITEURL="$(SITEURL)" $(PELICAN) $(CONTENT) -o $(OUTPUT) -s $(PUBLISHCONF)

# The autoreload process builds the site first, then rebuilds on every change of content/, theme/ or
# the settings; a content error is reported and the server keeps running until the file is fixed.
# The project's server (plugins/publication/serveur.py) sends the precompressed .br/.gz files
# with their Content-Encoding, as a configured host does.
serve: setup
	@echo "Site servi sur http://$(HOST):$(PORT)/ — reconstruit à chaque modification (Ctrl+C pour arrêter)."
	COLUMNS=$${COLUMNS:-200} $(PY) plugins/publication/serveur.py $(OUTPUT) --bind $(HOST) --port $(PORT) -- $(CONTENT) -o $(OUTPUT) -s $(CONF)

# --- Checks ----------------------------------------------------------------------------

test: setup chromium
	$(PY) -m ruff check calculators plugins tests bench
	$(PY) -m pytest $(PYTEST_ARGS)

bench: setup chromium
	@set -e; for script in bench/bench_*.py; do echo "== $$script"; $(PY) "$$script"; done

clean:
	rm -rf $(OUTPUT) .pytest_cache .hypothesis bench/results
