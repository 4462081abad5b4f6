# Join Us Desktop — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO_PASSPHRASE ?= demo-join-us-2026

.PHONY: run test bench server screenshots app clean translations

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[server,dev]'
	@touch $(STAMP)

# The Dutch translation, compiled from the .ts (the .qm is a build product).
QM := resources/translations/joinus_nl.qm
$(QM): resources/translations/joinus_nl.ts $(STAMP)
	$(PY) tools/translations.py build -q

translations: $(QM)

# Opens the app on a demo vault (created on first use) and prints its passphrase.
run: $(STAMP) $(QM)
	@unset JOINUS_DATA_DIR; DEMO_DIR="$$($(PY) -c 'from joinus_desktop.paths import default_data_dir; print(default_data_dir("demo"))')"; \
	if [ ! -e "$$DEMO_DIR/vault.key" ]; then \
		echo "Creating a demo vault in $$DEMO_DIR …"; \
		JOINUS_PASSPHRASE='$(DEMO_PASSPHRASE)' $(VENV)/bin/joinus-desktop --data-dir "$$DEMO_DIR" demo >/dev/null || exit 1; \
	fi; \
	echo "Demo vault: $$DEMO_DIR"; \
	echo "Demo passphrase: $(DEMO_PASSPHRASE)"; \
	$(VENV)/bin/joinus-desktop --data-dir "$$DEMO_DIR"

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run

# Every main screen of a demo vault, offscreen at 1366×768, into docs/screenshots.
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m joinus_desktop.ui.screenshots docs/screenshots

server: $(STAMP)
	$(VENV)/bin/joinus-server serve

# The installable application (PyInstaller, one folder in dist/JoinUs), self-tested.
app: $(STAMP) $(QM)
	$(PY) -m pip install --quiet -e '.[build]'
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec
	dist/JoinUs/joinus-desktop-console --self-test

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
