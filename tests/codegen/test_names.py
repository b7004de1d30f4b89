"""Names a person would choose, checked on a whole generated SDK (ruff, `mypy --strict`, import).

Paths, schemas and parameters named like what generated modules use (`stream`, `query`,
`headers`, `type`, `list`, `self`, `client`, `json`, `httpx`, `typing`, `BaseModel`, and their
capitalised forms) must not shadow anything: mypy --strict would see `Stream[...]` meaning a
resource class (mistral's `client.workflows.executions.stream` did), or a model where a runtime
name was meant. Resource classes have their own namespace, so a model and a resource share a
name without numbers (`Pets`, the resource, and `Pets`, the model), and numbers in paths are no
resource levels (`client.users.folders`, not `folders.n_0`).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.cli import main

BIN = Path(sys.executable).parent
WORDS = (
    *("stream", "query", "headers", "type", "list", "self", "client", "json", "httpx", "httpx2"),
    "typing",
)


def _spec(words: list[str], schema_case: str) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for word in words:
        name = word.capitalize() if schema_case == "capital" else word
        name = {"basemodel": "BaseModel", "Basemodel": "BaseModel"}.get(name, name)
        schemas[name] = {
            "type": "object",
            "properties": {"id": {"type": "string"}, word: {"type": "string"}},
        }
        ref = {"$ref": f"#/components/schemas/{name}"}
        paths[f"/{word}"] = {
            "get": {
                "parameters": [{"name": word, "in": "query", "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": ref}}}
                },
            },
            "post": {
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {word: {"type": "string"}, "x": ref},
                            }
                        }
                    }
                },
                "responses": {
                    "200": {"description": "ok", "content": {"text/event-stream": {"schema": ref}}}
                },
            },
        }
        paths[f"/{word}/{{id}}/{word}"] = {
            "get": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": ref}}}
                },
            }
        }
    # An allOf child redeclaring its base's properties wider and narrower (mypy --strict used to
    # reject the override).
    schemas["Base"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": ["a", "b"]}, "size": {"type": "integer"}},
    }
    schemas["Child"] = {
        "allOf": [
            {"$ref": "#/components/schemas/Base"},
            {
                "type": "object",
                "properties": {"kind": {"type": "string"}, "size": {"type": "number"}},
                "required": ["size"],
            },
        ]
    }
    child = {"$ref": "#/components/schemas/Child"}
    paths["/children"] = {
        "get": {
            "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": child}}}
            }
        }
    }
    paths["/users/{id}/folders/0"] = {
        "get": {
            "operationId": "getRootFolder",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"204": {"description": "ok"}},
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": f"Names {schema_case}", "version": "1"},
        "servers": [{"url": "https://names.test"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


@pytest.fixture(scope="module")
def sdks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("names")
    words = [*WORDS, "basemodel", "pets"]
    for case in ("lower", "capital"):
        spec = root / f"{case}.yaml"
        spec.write_text(yaml.safe_dump(_spec(words, case)))
        code = main(["generate", "--spec", str(spec), "--out", str(root / case), "--no-cache"])
        assert code == 0
    return root


def _classes(package: Path) -> set[str]:
    found = set()
    for path in package.rglob("*.py"):
        found |= set(re.findall(r"^class (\w+)|^(\w+): TypeAlias", path.read_text(), re.M))
    return {a or b for a, b in found}


@pytest.mark.parametrize(
    ("case", "package"), [("lower", "names_lower_sdk"), ("capital", "names_capital_sdk")]
)
def test_no_numbers_where_the_spec_names_differ(sdks: Path, case: str, package: str) -> None:
    classes = _classes(sdks / case / package)
    # `Httpx2` is the spec's own name for `/httpx2`; no other name may end in a number.
    numbered = sorted(n for n in classes if n[-1].isdigit() and n not in ("Httpx2", "AsyncHttpx2"))
    assert numbered == []
    resources = (sdks / case / package / "resources").iterdir()
    assert not any(path.name.startswith("n_") for path in resources)
    # Resource classes share names with models; runtime names get `Resource` or `_`.
    assert {"Pets", "AsyncPets", "StreamResource", "QueryResource", "HeadersResource"} <= classes
    assert "BaseModel_" in classes and "BaseModelParam" in classes
    pets = (sdks / case / package / "resources/pets/pets_resource.py").read_text()
    assert "import Pets as PetsModel" in pets and "-> PetsModel:" in pets
    folders = (sdks / case / package / "resources/users/folders.py").read_text()
    assert "def retrieve(" in folders


def test_generated_code_is_ruff_and_mypy_strict_clean(sdks: Path) -> None:
    for case, package in (("lower", "names_lower_sdk"), ("capital", "names_capital_sdk")):
        ruff = subprocess.run(
            [str(BIN / "ruff"), "check", package], cwd=sdks / case, capture_output=True, text=True
        )
        assert ruff.returncode == 0, ruff.stdout
    mypy = subprocess.run(
        [
            str(BIN / "mypy"),
            "--strict",
            "--no-incremental",
            "--cache-dir=/dev/null",
            "names_lower_sdk",
            "../capital/names_capital_sdk",
        ],
        cwd=sdks / "lower",
        capture_output=True,
        text=True,
    )
    assert mypy.returncode == 0, mypy.stdout


def test_the_stream_resource_streams(sdks: Path) -> None:
    code = (
        "import httpx2, names_lower_sdk as m\n"
        'body = b\'data: {"id": "1", "stream": "s"}\\n\\n\'\n'
        "def answer(request):\n"
        "    return httpx2.Response(200, content=body, headers={'content-type': 'text/event-stream'})\n"
        "client = m.NamesLower(http_client=httpx2.Client(transport=httpx2.MockTransport(answer)))\n"
        "[chunk] = list(client.stream.create(stream='x'))\n"
        "assert type(chunk).__name__ == 'Stream_' and chunk.id == '1', chunk\n"
        "assert type(client.pets).__name__ == 'Pets' and type(client.stream).__name__ == 'StreamResource'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=sdks / "lower", capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
