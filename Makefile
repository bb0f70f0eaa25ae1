PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PELICAN := $(BIN)/pelican
OUTPUTDIR := output
PORT ?= 8000
STRICT ?=
SITEURL ?=
export SITEURL

PELICANOPTS ?=

.PHONY: html serve devserver publish github test lint format clean venv

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

html: $(STAMP)
	$(PELICAN) -s pelicanconf.py $(PELICANOPTS)
	PYTHONPATH=plugins $(BIN)/python -m newsarchive.report build-report.json $(if $(STRICT),--strict)

serve: $(STAMP)
	$(PELICAN) -l -s pelicanconf.py -p $(PORT)

devserver: $(STAMP)
	$(PELICAN) -lr -s pelicanconf.py -p $(PORT) $(PELICANOPTS)

publish: $(STAMP)
	$(PELICAN) -s publishconf.py $(PELICANOPTS)
	PYTHONPATH=plugins $(BIN)/python -m newsarchive.report build-report.json $(if $(STRICT),--strict)

github: publish  # SITEURL=https://USER.github.io/REPO make github
	$(BIN)/ghp-import -m "Publish site" -b gh-pages $(OUTPUTDIR)
	git push origin gh-pages

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(OUTPUTDIR) build-report.json .pytest_cache
