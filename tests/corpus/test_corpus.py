"""The real-world corpus (`../shared/specs/corpus/`): every spec generates, compiles and imports;
every operation is a method on the sync and the async client, or is named as one the generator
cannot express yet (only the body media types part 2 adds); `mypy --strict` finds nothing
(slow: `make corpus`). Skipped with the reason when the corpus is absent."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _corpus import EVERY, LIGHT, CorpusSpec, Generated

from codegen.cli import main
from codegen.errors import SKIPPED_OPERATION
from codegen.spec import HTTP_METHODS

BIN = Path(sys.executable).parent
_MEDIA = re.compile(r"request body media types? (.+) not supported yet")


def _operations(document: dict) -> set[str]:  # type: ignore[type-arg]
    return {
        f"{verb.upper()} {path}"
        for path, item in (document.get("paths") or {}).items()
        if isinstance(item, dict)
        for verb in item
        if verb in HTTP_METHODS and isinstance(item[verb], dict)
    }


@pytest.mark.parametrize("corpus_spec", EVERY, indirect=True)
def test_every_operation_is_a_method_or_named(generated: Generated) -> None:
    spec, outcome = generated.spec, generated.outcome
    skipped = [d for d in outcome.diagnostics if d.kind == SKIPPED_OPERATION]
    loaded = [d for d in outcome.spec.diagnostics if d.kind == SKIPPED_OPERATION]
    methods = {(m.http_method, m.path) for r in outcome.api.resources for m in r.methods}
    operations = _operations(outcome.spec.document)
    assert len(methods) + len(skipped) == len(operations) + len(loaded)
    named = [d.message.split(": ", 1)[0] for d in skipped]
    assert len(set(named)) == len(named) and set(named) <= operations
    for diagnostic in skipped:
        found = _MEDIA.search(diagnostic.message)
        assert found, diagnostic.message  # only unsupported bodies, nothing else
        assert set(found.group(1).split(", ")) <= spec.pending, diagnostic.message
    if not spec.pending:
        assert skipped == []
    errors = [d for d in outcome.diagnostics if d.level == "error"]
    assert errors == []


@pytest.mark.parametrize("corpus_spec", LIGHT, indirect=True)
def test_without_allow_skip_generation_stops_naming_each(
    corpus_spec: CorpusSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not corpus_spec.pending:
        pytest.skip(f"{corpus_spec.name} has no operation the generator cannot express")
    out = tmp_path / "sdk"
    code = main(["generate", "--spec", str(corpus_spec.path), "--no-config", "--out", str(out)])
    lines = capsys.readouterr().err.splitlines()
    assert code == 2 and not out.exists()
    count = int(re.match(r"error: (\d+) operations? cannot be generated", lines[0]).group(1))  # type: ignore[union-attr]
    assert len(lines) == count + 1
    assert all(re.match(r"  [A-Z]+ /\S*: ", line) for line in lines[1:])


_IMPORT_ALL = """
import asyncio, importlib, inspect, json, pkgutil, sys
package, client_name, methods = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
root = importlib.import_module(package)
for info in pkgutil.walk_packages(root.__path__, package + "."):
    if ".lib." not in info.name:
        importlib.import_module(info.name)
types = importlib.import_module(package + ".types")
for name in types.__all__:
    getattr(types, name)
names = list(inspect.signature(getattr(root, client_name)).parameters)
credentials = {name: "k" for name in names[: names.index("auth_hook")]}  # whatever it takes
sync = getattr(root, client_name)(base_url="https://example.test", **credentials)
async_ = getattr(root, "Async" + client_name)(base_url="https://example.test", **credentials)
for client in (sync, async_):
    for dotted in methods:
        target = client
        for part in dotted.split("."):
            target = getattr(target, part)
        assert callable(target), dotted
asyncio.run(async_.close())
sync.close()
print(len(methods))
"""


@pytest.mark.parametrize("corpus_spec", LIGHT, indirect=True)
def test_compiles_and_imports_and_every_method_is_on_both_clients(generated: Generated) -> None:
    spec, out, api = generated.spec, generated.out, generated.outcome.api
    assert (api.package, api.client.name) == (spec.package, spec.client)
    compiled = subprocess.run(
        [sys.executable, "-m", "compileall", "-q", spec.package],
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    methods = [f"{r.dotted}.{m.name}" for r in api.resources for m in r.methods]
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, spec.package, spec.client, json.dumps(methods)],
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == str(len(methods))


@pytest.mark.slow
@pytest.mark.parametrize("corpus_spec", EVERY, indirect=True)
def test_mypy_strict_finds_nothing(generated: Generated) -> None:
    done = subprocess.run(
        [
            str(BIN / "mypy"),
            "--strict",
            "--no-incremental",
            "--cache-dir=/dev/null",
            generated.spec.package,
        ],
        cwd=generated.out,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-5000:]
