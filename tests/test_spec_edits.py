"""An API team's ordinary spec edits keep `make test` green; `make validate-spec` holds the
house rules.

On a copy of spec/ and the spec-dependent tests, each edit (a new endpoint with nothing but a
200 response, a new field without a description, a renamed field) is applied to
spec/openapi.yaml, the SDK is generated into the copy (`python -m codegen generate`, as
`make generate` does), and then:

- the generated package imports and offers the edit (the new method, the new attribute);
- tests/test_spec.py, the tests that depend on the spec's content, pass on the copy. On a full
  `make test` run of such a copy (done for issue 17) they were the only failures, from house
  rules enforced in pytest and a hard-coded list of operations;
- `codegen validate` reports the rules the edit breaks (no description, no error responses),
  each at its JSON pointer, and exits 1: that is where those rules live.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

NEW_ENDPOINT = """\
  /user/usage:
    get:
      operationId: getUserUsage
      responses:
        '200':
          description: Usage of the account.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/UserBalance'

  /files:
    post:
"""
TOPPED_UP = """\
        topped_up_balance:
          type: string
          description: Money paid in by the account holder, not yet spent.
          examples: ['100.00']
"""

EDITS = {
    "endpoint": (
        ("  /files:\n    post:\n", NEW_ENDPOINT),
        "client.user.usage.retrieve",
        ["#/paths/~1user~1usage/get: GET /user/usage has no summary"],
    ),
    "field": (
        (TOPPED_UP, TOPPED_UP + "        expires_at:\n          type: integer\n"),
        "types.BalanceInfo.expires_at",
        ["#/components/schemas/BalanceInfo/properties/expires_at: property 'expires_at'"],
    ),
    "renamed field": (
        ("        granted_balance:\n", "        granted_credit:\n"),
        "types.BalanceInfo.granted_credit",
        [],
    ),
}

CHECK = """\
import sys
import {package}
from {package} import {client}, types
client = {client}(api_key="k")
path = sys.argv[1].split(".")
if path[0] == "client":
    target = client
    for name in path[1:]:
        target = getattr(target, name)
    assert callable(target), sys.argv[1]
else:
    model = getattr(types, path[1])
    assert path[2] in model.model_fields, sys.argv[1]
"""


def _run(argv: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "CI": "true", **env}
    return subprocess.run(
        argv, cwd=cwd, env=environment, capture_output=True, text=True, check=False, timeout=600
    )


@pytest.mark.parametrize("name", sorted(EDITS))
def test_an_ordinary_spec_edit_keeps_the_spec_tests_green(tmp_path: Path, name: str) -> None:
    (old, new), offered, rule_findings = EDITS[name]
    copy = tmp_path / "repo"
    for part in ("spec", "pyproject.toml", "tests/test_spec.py"):
        source, target = ROOT / part, copy / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy(source, target)
    spec = copy / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the {name} edit no longer applies to spec/openapi.yaml"
    spec.write_text(text.replace(old, new), encoding="utf-8")

    generated = _run([sys.executable, "-m", "codegen", "generate"], copy)
    assert generated.returncode == 0, generated.stderr

    check = CHECK.format(package="deepseek_sdk", client="DeepSeek")
    imported = _run([sys.executable, "-c", check, offered], copy / "generated")
    assert imported.returncode == 0, imported.stderr

    tests = _run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_spec.py"],
        copy,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]

    validated = _run([sys.executable, "-m", "codegen", "validate", "--no-cache"], copy)
    assert validated.returncode == (1 if rule_findings else 0), validated.stdout
    for finding in rule_findings:
        assert f"error: spec/openapi.yaml{finding}" in validated.stdout
