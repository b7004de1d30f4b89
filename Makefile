# Every target bootstraps the environment it needs; on a fresh machine `make generate` and
# `make test` are the only setup steps. Targets are one line each and are what CI runs.
PY      := .venv/bin/python
VENV    := .venv/.installed
PYTEST  := $(PY) -m pytest

.PHONY: generate check-generated validate-spec test test-all soak differential corpus lint typecheck check bench diff-openai changelog clean

$(VENV): pyproject.toml
	python3 -m venv .venv && .venv/bin/pip install -q --upgrade pip && .venv/bin/pip install -q -e '.[dev]' && touch $@

generate: $(VENV) ; $(PY) -m codegen generate
check-generated: $(VENV) ; $(PY) -m codegen check
validate-spec: $(VENV) ; $(PY) -m codegen validate --spec spec/openapi.yaml
test: $(VENV) ; $(PYTEST) -m "not slow"
test-all: $(VENV) ; $(PYTEST)
soak: $(VENV) ; $(PYTEST) tests/soak -m slow -s
differential: $(VENV) ; $(PYTEST) tests/differential
corpus: $(VENV) ; $(PYTEST) tests/corpus
lint: $(VENV) ; .venv/bin/ruff check codegen tests bench examples && .venv/bin/ruff check --target-version py39 templates/runtime templates/lib && (cd generated && ../.venv/bin/ruff check .)
typecheck: $(VENV) ; .venv/bin/mypy codegen && (cd generated && ../.venv/bin/mypy deepseek_sdk)
check: lint typecheck check-generated validate-spec test
changelog: $(VENV) ; $(PY) -m codegen changelog --old $(or $(OLD),git:HEAD) --new spec/openapi.yaml
bench: $(VENV) ; .venv/bin/pip install -q -e '.[dev,bench]' && $(PY) bench/run_all.py
clean: ; rm -rf .venv .cache tools/mock-server/node_modules
