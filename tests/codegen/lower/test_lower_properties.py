"""Whole-pipeline properties of lower + render: deterministic across hash seeds, local diffs,
and generality (the OpenAI spec goes through without errors)."""

from __future__ import annotations

import copy
import difflib
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from codegen.config import Config, load_config
from codegen.lower import lower
from codegen.render import render
from codegen.spec import load_spec

REPO = Path(__file__).resolve().parents[3]
SPECS = REPO / "tests" / "snapshots" / "specs"
OPENAI_SPEC = REPO.parent / "shared" / "specs" / "openai-2026-08-21.yaml"

_DIGEST = """
import hashlib, sys
from pathlib import Path
from codegen.config import load_config
from codegen.spec import load_spec
from codegen.lower import lower
from codegen.render import render
spec, config = Path(sys.argv[1]), sys.argv[2]
api, _ = lower(load_spec(spec), load_config(Path(config) if config else None))
digest = hashlib.sha256()
for path, text in render(api, include_runtime=False).items():
    digest.update(path.encode() + b"\\0" + text.encode() + b"\\0")
print(digest.hexdigest())
"""


def _digest(spec: Path, config: Path | None, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-c", _DIGEST, str(spec), str(config or "")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_output_does_not_depend_on_the_hash_seed() -> None:
    spec, config = REPO / "spec" / "openapi.yaml", REPO / "spec" / "sdk.yaml"
    if not spec.exists():
        spec, config = SPECS / "discriminated_union.yaml", None
    assert _digest(spec, config, "1") == _digest(spec, config, "4242")


def _files(document: dict[str, Any]) -> dict[str, str]:
    api, _ = lower(SimpleNamespace(document=document), Config())
    return render(api, include_runtime=False)


def test_a_one_field_change_only_touches_that_field() -> None:
    document = yaml.safe_load((SPECS / "crud.yaml").read_text(encoding="utf-8"))
    before = _files(document)
    changed = copy.deepcopy(document)
    changed["components"]["schemas"]["Widget"]["properties"]["color"] = {
        "type": "string",
        "description": "The colour.",
    }
    after = _files(changed)
    differing = sorted(path for path in before if before[path] != after.get(path))
    assert sorted(after) == sorted(before)
    assert differing == ["crud_sdk/types/widget.py"]
    diff = [
        line
        for line in difflib.unified_diff(
            before[differing[0]].splitlines(), after[differing[0]].splitlines(), n=0, lineterm=""
        )
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert diff == ['+    """The colour."""']


@pytest.mark.openai_spec
def test_the_openai_spec_lowers_and_renders() -> None:
    if not OPENAI_SPEC.exists():
        pytest.skip("../shared/specs is not available")
    api, diagnostics = lower(load_spec(OPENAI_SPEC), load_config(None))
    assert [d for d in diagnostics if d.level == "error"] == []
    files = render(api)
    methods = [m for r in api.resources for m in r.methods]
    assert len(methods) >= 280
    assert "openai_sdk/resources/chat/completions/completions.py" in files
    assert "openai_sdk/types/chat_completion_deleted.py" in files
    assert (
        '"ChatCompletionDeleted": "..chat_completion_deleted"'
        in files["openai_sdk/types/chat/__init__.py"]
    )
    assert api.discriminated  # the spec's `discriminator`s are used
