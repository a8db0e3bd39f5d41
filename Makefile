# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BENCH_DATA ?= ../shared/bench/articles

.PHONY: demo test test-fast lint install browser report-demo bench bench-pure throughput clean compiled test-compiled

# constraints.txt pins the library versions the shortcuts and benchmarks were checked against.
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# (an editable install stays interpreted, see compiled below and buildsys/backend.py)
	CLEANER_COMPILE=0 $(PY) -m pip install -q -c constraints.txt -e '.[test,bench,lint]'
	touch $@

install: $(VENV)/.installed

# The compiled build (setup.py: CLEANER_COMPILE=1 compiles the hot modules with mypyc) as
# a wheel in dist/compiled, installed with the test and bench extras in its own venv.
# Rebuilt on every call: the compiled modules shadow their source, so an edit takes
# effect there only through this (`make install` stays interpreted, for working).
COMPILED_VENV ?= .venv-compiled
CPY := $(COMPILED_VENV)/bin/python

compiled:
	rm -rf build dist/compiled
	test -x $(CPY) || $(PYTHON) -m venv $(COMPILED_VENV)
	$(CPY) -m pip install -q --upgrade pip
	CLEANER_COMPILE=1 PIP_CONSTRAINT=$(CURDIR)/constraints.txt \
	  $(CPY) -m pip wheel -q --no-deps --no-cache-dir -w dist/compiled .
	$(CPY) -m pip uninstall -q -y cleaner
	$(CPY) -m pip install -q -c constraints.txt "$$(ls dist/compiled/cleaner-*.whl)[test,bench]"

demo: install
	$(VENV)/bin/cleaner clean seeds --out out --report out/report.html
	$(VENV)/bin/cleaner explain seeds/*.txt

# Debian's chromium, for the browser tests of the HTML report (playwright's own browser
# download cannot reach the internet here). Installed when missing, where apt-get can
# (as root); otherwise those tests skip, saying why.
browser:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium (apt-get) for the browser tests"; \
	    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >/dev/null \
	      || echo "chromium could not be installed: the browser tests will skip"; \
	  else echo "no chromium, and no root to install it: the browser tests will skip"; fi; }

# Test processes (pytest-xdist): one a core, so that the slow sweeps run beside the rest; a
# test file runs whole in one process (its module fixtures are built once). In the fast
# loop a second process's start (importing and collecting the suite) costs CPU, and saves
# more wall time now that the suite has grown (docs/development.md). WORKERS=N and
# FAST_WORKERS=N change them (0: in pytest's own process).
WORKERS ?= auto
FAST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -q --dist loadfile

test: install browser
	$(PYTEST) -n $(WORKERS)

# Everything but the tests marked slow, and a fifth of the property tests' examples
# (tests/helpers.py: examples): the loop to run while working.
test-fast: install browser
	CLEANER_TESTS=fast $(PYTEST) -n $(FAST_WORKERS) -m "not slow"

# The fast tests on the compiled build, importing the installed package, not this tree
# (tests/conftest.py checks that the compiled modules are the ones imported), and the
# Dask cluster's, whose workers unpickle the documents.
COMPILED_TEST := CLEANER_INSTALLED=1 CLEANER_EXPECT_COMPILED=1 $(COMPILED_VENV)/bin/pytest -q --dist loadfile

test-compiled: compiled browser
	CLEANER_TESTS=fast $(COMPILED_TEST) -n $(FAST_WORKERS) -m "not slow"
	$(COMPILED_TEST) -m slow tests/test_dask.py

# The same checks CI runs before the tests (configuration in pyproject.toml).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The seeds' report, opened in Chromium: screenshots of its overview and of one document
# in docs/ (the README shows them); fails on a console error.
report-demo: install browser
	$(VENV)/bin/cleaner clean seeds --out out --report out/report.html -q
	$(PY) -m cleaner.htmlreport.browser out/report.html docs/report

# Both benchmarks, HTML and text, as the README's table measures them: on the compiled
# build `pip install .` makes (CLEANER_INSTALLED: the installed package, not this tree),
# and with `bench-pure` on the editable, interpreted .venv.
ML_DATA ?= ../shared/bench/multilingual
BENCH_ARGS ?= --mode all --cpu-time

bench: compiled
	CLEANER_INSTALLED=1 $(CPY) benchmarks/articles.py $(BENCH_DATA) $(BENCH_ARGS)
	CLEANER_INSTALLED=1 $(CPY) benchmarks/multilingual.py $(ML_DATA) $(BENCH_ARGS)

bench-pure: install
	$(PY) benchmarks/articles.py $(BENCH_DATA) $(BENCH_ARGS)
	$(PY) benchmarks/multilingual.py $(ML_DATA) $(BENCH_ARGS)

# Batch throughput with 1 and 2 workers, peak memory of 200 MB and 1 GB JSONL streams
# (builds its corpus in a temporary folder; needs both cores free to mean anything).
throughput: install
	$(PY) benchmarks/throughput.py $(BENCH_DATA)

clean:
	rm -rf out .pytest_cache
