# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BENCH_DATA ?= ../shared/bench/articles

.PHONY: demo test test-fast lint install bench throughput clean

# constraints.txt pins the library versions the shortcuts and benchmarks were checked against.
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test,bench,lint]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/cleaner clean seeds --out out
	$(VENV)/bin/cleaner explain seeds/*.txt

test: install
	$(PY) -m pytest -q

# Everything but the tests marked slow: the loop to run while working.
test-fast: install
	$(PY) -m pytest -q -m "not slow"

# The same checks CI runs before the tests (configuration in pyproject.toml).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: install
	$(PY) benchmarks/articles.py $(BENCH_DATA)

# Batch throughput with 1 and 2 workers, peak memory of 200 MB and 1 GB JSONL streams
# (builds its corpus in a temporary folder; needs both cores free to mean anything).
throughput: install
	$(PY) benchmarks/throughput.py $(BENCH_DATA)

clean:
	rm -rf out .pytest_cache
