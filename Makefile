# One command sets everything up and runs the example; one sets up and runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EVAL_STAMP := $(VENV)/.eval-installed

.PHONY: demo test lint bench eval docs wheel-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: set up, then check the bundled example replies (findings are expected)
demo: $(STAMP)
	$(BIN)/netiquette check data/examples/replies/ ; test $$? -le 1

## test: set up, then lint, check formatting, type-check, check the import layers
## (docs/development.md) and run the whole test suite
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

## bench: speed and memory figures, and the peers measured in the same run (see
## docs/performance.md); installs the eval extra, and alex and write-good through npm
bench: $(EVAL_STAMP) node-peers
	$(BIN)/python benchmarks/publish.py

## eval: precision and recall on data/eval and the shared data, against peers
## (docs/quality.md); installs matplotlib and proselint, and alex and write-good
## through npm when Node is present
$(EVAL_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,eval]'
	touch $(EVAL_STAMP)

.PHONY: node-peers
node-peers:
	@if command -v npm >/dev/null 2>&1; then \
		mkdir -p .eval-tools && npm install --silent --no-audit --no-fund --prefix .eval-tools alex@11 write-good@1 >/dev/null \
		|| echo "npm install failed: alex and write-good are left out"; \
	else echo "no npm: alex and write-good are left out"; fi

eval: $(EVAL_STAMP) node-peers
	$(BIN)/python benchmarks/quality.py

## docs: regenerate docs/rules/ from the rules' docstrings
docs: $(STAMP)
	$(BIN)/python scripts/gen_rule_docs.py

## rule: start a new rule (module, data section, fixtures, docs page; see docs/development.md):
##   make rule ID=NQ116 NAME=sorry-not-sorry CATEGORY=tone [ARGS="--phrase-list --severity info"]
##   ARGS takes the other options of scripts/add_rule.py (--help lists them)
.PHONY: rule
rule: $(STAMP)
	@test -n "$(ID)" -a -n "$(NAME)" -a -n "$(CATEGORY)" || \
		{ echo "usage: make rule ID=NQ116 NAME=sorry-not-sorry CATEGORY=tone [ARGS=...]" >&2; exit 2; }
	$(BIN)/python scripts/add_rule.py $(ID) $(NAME) --category $(CATEGORY) $(ARGS)

## wheel-check: build the wheel, install it in a fresh venv and run the CLI from it
wheel-check: $(STAMP)
	rm -rf dist /tmp/netiquette-wheel-venv
	$(BIN)/python -m build --wheel --outdir dist . >/dev/null
	$(PYTHON) -m venv /tmp/netiquette-wheel-venv
	/tmp/netiquette-wheel-venv/bin/python -m pip install --quiet dist/*.whl
	cd /tmp && /tmp/netiquette-wheel-venv/bin/netiquette rules >/dev/null
	cd /tmp && /tmp/netiquette-wheel-venv/bin/python -c "from importlib.resources import files; \
	  assert (files('netiquette.service') / 'static' / 'index.html').is_file(), 'the page is not in the wheel'"
	cd /tmp && /tmp/netiquette-wheel-venv/bin/netiquette check $(CURDIR)/data/examples/replies/ ; test $$? -le 1

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
