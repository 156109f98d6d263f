PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/kg build seeds -o output --validate
	$(BIN)/kg profile -g output/graph.ttl -o output/profiles
	@$(BIN)/kg view output/graph.ttl -o output/graph.html --screenshot output/graph.png \
		|| echo "(no screenshot: install chromium for output/graph.png)"

test: $(STAMP)
	$(BIN)/ruff check kg tests
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py 100 1000 10000

lint: $(STAMP)
	$(BIN)/ruff check kg tests

clean:
	rm -rf $(VENV) output/graph.* output/*.png output/profiles
