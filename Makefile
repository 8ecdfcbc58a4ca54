# Returns Desk — the two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DEMO_DB := var/demo-shop.sqlite

.PHONY: run test install install-test os-deps os-deps-test translations demo bench lint test-postgres clean-demo installer

# Debian libraries Qt, the PDF checks and the screen tests need; a no-op when all are present.
os-deps:
	@bash scripts/install-os-deps.sh

# …and for the tests also CUPS (the CUPS test starts a throwaway cupsd of its own).
os-deps-test:
	@bash scripts/install-os-deps.sh --test

$(VENV)/.installed: pyproject.toml | os-deps
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | os-deps-test
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed translations
install-test: $(VENV)/.installed-test translations

# Compiled Qt translations (.qm) are built from the .ts sources, never committed.
translations: $(VENV)/.installed
	@$(PY) scripts/build_translations.py

demo: install
	@mkdir -p var
	@test -f $(DEMO_DB) || $(VENV)/bin/returns-desk demo --db sqlite:///$(DEMO_DB)

run: install demo
	$(VENV)/bin/returns-desk --db sqlite:///$(DEMO_DB)

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

# The layer contract (pyproject.toml, [tool.importlinter]) first: a broken layer fails the target.
# pytest exits 5 when it collected no tests: that is a broken suite here, never a pass.
test: install-test
	@$(VENV)/bin/lint-imports --no-cache
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing on purpose"; exit 1; fi; exit $$rc

# The store, return, CLI, till-race and service-loop race tests again, each on a fresh database of a throwaway PostgreSQL server.
test-postgres: install-test
	$(PY) -m pip install -q -e '.[postgres]'
	@bash scripts/with-postgres.sh $(PY) -m pytest tests/services tests/e2e tests/printing/test_print_command.py \
		tests/slow/test_till_race.py tests/slow/test_loop_race.py $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing on purpose"; exit 1; fi; exit $$rc

lint: install-test
	$(PY) -m pip install -q -e '.[dev]'
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/mypy

bench: install-test
	$(PY) -m bench

# The one-folder app in dist/returns-desk/ (the spec builds the .qm itself); its self-test must pass.
installer: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[build]'
	$(VENV)/bin/pyinstaller --noconfirm --clean build_installer.spec
	cp installer/returns-desk.desktop installer/returns-desk.png dist/returns-desk/
	dist/returns-desk/returns-desk --self-test
