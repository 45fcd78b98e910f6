# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo.db

SYSDEPS := $(VENV)/.sysdeps

.PHONY: demo test lint typecheck check bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# System packages the tests use, installed once per machine (the demo does not need them).
$(SYSDEPS): $(STAMP)
	@# Debian's chromium (and Arabic fonts) for the web explorer tests; as root only, and never
	@# fatal: without it those tests skip and say why.
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing chromium and fonts-noto-core (for the web explorer tests)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null) \
	      || echo "warning: chromium could not be installed; the web explorer tests will skip"; \
	  else \
	    echo "note: chromium is missing and this is not root; the web explorer tests will skip"; \
	  fi; }
	@# Debian's PostgreSQL server for the PostgreSQL store tests, which start a throwaway cluster
	@# in a temporary folder; as root only, and never fatal: without it those tests skip.
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing postgresql (for the PostgreSQL store tests)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	      || echo "warning: postgresql could not be installed; the PostgreSQL store tests will skip"; \
	  else \
	    echo "note: PostgreSQL is missing and this is not root; the PostgreSQL store tests will skip"; \
	  fi; }
	touch $(SYSDEPS)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/marsad demo --db $(DEMO_DB)

test: $(STAMP) $(SYSDEPS)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/marsad bench
	$(BIN)/python benchmarks/ingest_throughput.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
