# Storyline set-up and everyday commands. Everything installs into .venv.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install browser demo test test-fast bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, pinned: the CPU build, so nothing later resolves a CUDA build.
	$(BIN)/pip install -q "torch==2.13.0"
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)  ## install, then analyse the bundled example corpus into ./demo-out
	$(BIN)/storyline demo -o demo-out

# Chromium for the real-browser test (tests/render/test_browser.py), driven by Playwright's
# Python package from the test extras. Best effort: Debian's package via apt-get when we are
# root; otherwise, or if apt fails, that one test skips and the rest of the suite still runs.
browser:  ## install Debian's chromium for the browser test, if it is missing and we can
	@if [ -x /usr/bin/chromium ]; then \
		echo "chromium: $$(/usr/bin/chromium --version 2>/dev/null || echo present)"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
			&& echo "chromium: installed $$(/usr/bin/chromium --version 2>/dev/null)" \
			|| echo "chromium: apt-get install failed; the browser test will be skipped"; \
	else \
		echo "chromium: not installed (needs root and apt-get); the browser test will be skipped"; \
	fi

test: $(STAMP) browser  ## install, then run the whole test suite
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not integration"

bench: $(STAMP)
	$(BIN)/pip install -q -e ".[bench]" "torch==2.13.0"
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) demo-out .pytest_cache
