# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip

.PHONY: demo test test-postgresql venv dev bench docs catalog clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# Runtime install: the package and its templates, as a clerk would have it.
$(VENV)/.juwei-installed: pyproject.toml $(VENV)/bin/python
	$(PIP) install -q -e .
	touch $@

# Development install: adds the test tools.
$(VENV)/.juwei-dev: pyproject.toml $(VENV)/bin/python
	$(PIP) install -q -e '.[dev]'
	touch $(VENV)/.juwei-installed $@

venv: $(VENV)/.juwei-installed
dev: $(VENV)/.juwei-dev

demo: venv
	rm -rf demo-out
	$(VENV)/bin/juwei demo --out demo-out
	@echo "juwei is installed in $(VENV): run '. $(VENV)/bin/activate' to type bare 'juwei', or use $(VENV)/bin/juwei"

test: dev
	$(PY) -m pytest -q

# The same suite against PostgreSQL: JUWEI_TEST_DATABASE_URL=postgresql+psycopg://user@host:port/db
# (each test creates and drops its own database there; .ci/run starts a throwaway server for this).
test-postgresql: dev
	@test -n "$(JUWEI_TEST_DATABASE_URL)" || { echo "set JUWEI_TEST_DATABASE_URL=postgresql+psycopg://…" >&2; exit 2; }
	JUWEI_TEST_DATABASE_URL="$(JUWEI_TEST_DATABASE_URL)" $(PY) -m pytest -q

# The command reference in docs/cli.md and the rules map in docs/rules.md, written from the code
# (tests/test_docs.py checks both).
docs: dev
	$(VENV)/bin/cog -r docs/cli.md docs/rules.md

# The gettext catalog (src/juwei/locales/zh_CN/LC_MESSAGES/juwei.po, the source of truth): extract every
# message from the code, add the new ones to the .po, drop the unused, compile juwei.mo (committed).
# Then translate the new entries in the .po and run it again (tests/test_i18n.py checks both files).
catalog: dev
	$(PY) scripts/catalog.py

bench: dev
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) demo-out build dist .pytest_cache
