# Every target bootstraps the environment it needs; on a fresh machine `make generate` and
# `make test` are the only setup steps. Targets are one line each and are what CI runs.
PY      := .venv/bin/python
VENV    := .venv/.installed
PYTEST  := $(PY) -m pytest
PYRIGHT := tools/pyright/node_modules/.bin/pyright

.PHONY: generate check-generated validate-spec test test-all soak differential corpus sdk-tests lint typecheck check bench diff-openai changelog clean

$(VENV): pyproject.toml
	python3 -m venv .venv && .venv/bin/pip install -q --upgrade pip && .venv/bin/pip install -q -e '.[dev]' && touch $@

$(PYRIGHT): ; npm ci --prefix tools/pyright --no-audit --no-fund

generate: $(VENV) ; $(PY) -m codegen generate
check-generated: $(VENV) ; $(PY) -m codegen check
validate-spec: $(VENV) ; $(PY) -m codegen validate --spec spec/openapi.yaml
test: $(VENV) ; $(PYTEST) -m "not slow"
test-all: $(VENV) ; $(PYTEST)
soak: $(VENV) ; $(PYTEST) tests/runtime/soak -m slow -s
differential: $(VENV) ; $(PYTEST) tests/codegen/differential
corpus: $(VENV) ; $(PYTEST) tests/corpus
sdk-tests: $(VENV) ; $(PYTEST) tests/e2e/test_generated_suite.py tests/corpus/test_corpus_suite.py
lint: $(VENV) ; .venv/bin/ruff check codegen tests bench examples && .venv/bin/ruff check --target-version py39 templates/runtime templates/lib templates/frontend templates/cli templates/mcp && (cd generated && ../.venv/bin/ruff check .)
typecheck: $(VENV) | $(PYRIGHT) ; .venv/bin/mypy codegen && (cd generated && ../.venv/bin/mypy deepseek_sdk tests) && $(PY) tools/pyright/pyright_checks.py generated/deepseek_sdk --installed-at .cache/verifytypes
check: lint typecheck check-generated validate-spec test
changelog: $(VENV) ; $(PY) -m codegen release --old $(or $(OLD),git:HEAD) --new spec/openapi.yaml
bench: $(VENV) ; .venv/bin/pip install -q -e '.[dev,bench]' && $(PY) bench/run_all.py
clean: ; rm -rf .venv .cache tools/mock-server/node_modules tools/pyright/node_modules
