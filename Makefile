# Every target bootstraps its own .venv from nothing (python3 -m venv + pip).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench bench-scale bench-ratio lint fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/demo.py

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python bench/run.py

# SIZES=50,500,5000 make bench-scale (5,000 episodes takes several minutes and a few GB)
bench-scale: $(STAMP)
	$(BIN)/python bench/scale.py --sizes $${SIZES:-50,500,5000}

# 500 and 5,000 episodes alternately, the ratio of the fastest of each (a few minutes)
bench-ratio: $(STAMP)
	$(BIN)/python bench/ratio.py

fuzz: $(STAMP)
	$(BIN)/python -W ignore bench/fuzz.py --count $${COUNT:-1000000}

lint: $(STAMP)
	$(BIN)/ruff check src tests bench examples
	$(BIN)/ruff format --check src tests bench examples
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
