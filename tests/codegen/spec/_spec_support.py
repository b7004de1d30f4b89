"""Writing little specs to disk and loading them: shared by the tests of `codegen.spec`."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from codegen.errors import SpecError
from codegen.spec import (
    load_spec,
)

OPENAI_SPEC = Path(__file__).resolve().parents[4] / "shared/specs/openai-2026-08-21.yaml"

MINIMAL = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /pets/{pet_id}:
    get:
      operationId: getPet
      parameters:
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: string}
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def spec_with(
    tmp_path: Path,
    schemas: str = "",
    paths: str = "",
    name: str = "api.yaml",
    *,
    used: bool = True,
) -> Path:
    """A spec with one GET /things returning `#/components/schemas/Thing` plus extras.

    With `used` (the default), a GET /everything operation answers with every extra schema
    (`anyOf`), so problems in them are on an operation's path (errors, not warnings).
    """
    names = re.findall(r"^([^\s#][^:]*):", textwrap.dedent(schemas), re.M) if used else []
    if names:
        refs = ", ".join(f"{{$ref: '#/components/schemas/{n}'}}" for n in names)
        paths = (
            textwrap.dedent(paths).rstrip("\n")
            + "\n/everything:\n  get:\n    responses:\n      '200':\n"
            + "        description: ok\n        content:\n          application/json:\n"
            + f"            schema: {{anyOf: [{refs}]}}\n"
        )
    text = (
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /things:\n"
        "    get:\n"
        "      responses:\n"
        "        '200':\n"
        "          description: ok\n"
        "          content:\n"
        "            application/json:\n"
        "              schema: {$ref: '#/components/schemas/Thing'}\n"
        + textwrap.indent(textwrap.dedent(paths).rstrip("\n") + "\n", "  ")
        + "components:\n"
        "  schemas:\n"
        "    Thing: {type: object}\n"
        + textwrap.indent(textwrap.dedent(schemas).rstrip("\n") + "\n", "    ")
    )
    return write(tmp_path, name, text)


def all_refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for v in node.values() for r in all_refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in all_refs(v)]
    return []


def error_of(path: Path, **kwargs: Any) -> SpecError:
    with pytest.raises(SpecError) as info:
        load_spec(path, **kwargs)
    return info.value
