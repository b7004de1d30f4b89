"""Helpers for the front-end tests: run a generated SDK's command line in a subprocess, talk to
its MCP server in-process, check tool schemas, and make arguments for any operation.

The command line runs as users run it (`python -m <package> ...`, a fresh interpreter, the
package on `PYTHONPATH`), against a local server given by `<PREFIX>_BASE_URL`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

API_KEY = "sk-frontend-secret-7c1f"
"""The key the tests' environment holds: it must never be printed."""

TOOL_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
"""What common MCP clients and model APIs accept as a tool name."""


@dataclass(frozen=True)
class Ran:
    """A finished command: exit status and output."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(
    package: str,
    root: Path,
    args: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    module: str | None = None,
    timeout: float = 60,
) -> Ran:
    """`python -m <package> <args...>` with `root` on `PYTHONPATH` and only `env` added to a
    clean environment (no inherited `*_API_KEY`)."""
    base = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_BASE_URL"))}
    base["PYTHONPATH"] = str(root)
    base.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", module or package, *args],
        env={**base, **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


def schema_problems(schema: Mapping[str, Any]) -> list[str]:
    """Why a tool input schema would not be accepted: not valid JSON Schema 2020-12, not an
    object at the root, or references left in it (most clients do not resolve them)."""
    from jsonschema import Draft202012Validator, SchemaError

    problems: list[str] = []
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        problems.append(f"invalid JSON Schema: {exc.message} at {list(exc.absolute_path)}")
    if schema.get("type") != "object":
        problems.append("the root is not an object")
    if "$ref" in json.dumps(schema):
        problems.append("a $ref is left")
    return problems


def sample_value(param: Any) -> Any:
    """A value a parameter accepts (for calls whose answers the test does not check)."""
    if param.choices:
        return param.choices[0]
    kinds = param.one or param.items
    for kind, value in (("string", "x"), ("integer", 1), ("number", 1.5), ("boolean", True)):
        if kind in kinds:
            return [value] if not param.one else value
    if "json" in kinds:
        return {}
    return None


def sample_argument(param: Any) -> str:
    """A command-line argument for a parameter (see `sample_value`)."""
    value = sample_value(param)
    if isinstance(value, str):
        return value
    if isinstance(value, list) and len(value) == 1:
        return json.dumps(value[0]) if not isinstance(value[0], str) else value[0]
    return json.dumps(value)
