# Two commands set up everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
TEST_PORT ?= 8001
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build serve test unit chromium clean bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[site,test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium: Playwright cannot download its own browser here.
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

build: $(BIN)/.installed node_modules/.installed
	SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs build --strict --clean

serve: build
	@echo "Serving http://127.0.0.1:$(PORT)/"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory site

# The browser tests serve the site at the address it was built for (see site_url in mkdocs.yml).
test: $(BIN)/.installed node_modules/.installed chromium
	SITE_URL=http://127.0.0.1:$(TEST_PORT)/ $(BIN)/mkdocs build --strict --clean
	$(BIN)/python -m pytest -q

# Speed against a naive main-thread Pyodide baseline, measured side by side in one run (README:
# Benchmark). A script, not a test. Its own build and port, so it can run beside `make test`.
# Options: make bench BENCH_ARGS="--runs 3 --all"  (see: .venv/bin/python site_scripts/bench.py --help)
BENCH_PORT ?= 8002
BENCH_SITE := build/bench/site
bench: $(BIN)/.installed node_modules/.installed chromium
	SITE_URL=http://127.0.0.1:$(BENCH_PORT)/ $(BIN)/mkdocs build --strict --clean --site-dir $(BENCH_SITE)
	$(BIN)/python site_scripts/bench.py --site $(BENCH_SITE) $(BENCH_ARGS)

unit: $(BIN)/.installed
	$(BIN)/python -m pytest -q -m "not browser"

clean:
	rm -rf site $(VENV) node_modules
