"""Generated output is deterministic, and a one-field spec change gives a one-field output diff.

- `python -m codegen generate` under two `PYTHONHASHSEED`s writes byte-identical trees
  (subprocesses, so the seed really differs; the CLI's diff report is checked the same way).
- Adding one optional property to a response schema of a fixture spec changes exactly one
  file, the model's module, and only by the new attribute and its docstring: rendered in memory
  and again after `emit` (ruff format, headers).
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.config import load_config
from codegen.emit import emit
from codegen.lower import lower
from codegen.render import render
from codegen.spec import load_spec

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "review" / "fixtures" / "diff" / "old.yaml"
MODEL_FILE = "pet_store_sdk/types/pet.py"
NEW_FIELD = [
    "",
    "    nickname: Omittable[str] = None",
    '    """The name the family calls the pet."""',
]


def _run(args: list[str], seed: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "CI": "true"}
    return subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.skipif(not (REPO / "spec" / "openapi.yaml").exists(), reason="no spec/openapi.yaml")
def test_generate_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        done = _run(["generate", "--out", str(out), "--no-cache"], seed)
        assert done.returncode == 0, done.stderr
        trees.append(_tree(out))
    assert trees[0].keys() == trees[1].keys()
    differing = sorted(path for path in trees[0] if trees[0][path] != trees[1][path])
    assert differing == []
    assert len(trees[0]) > 10


def test_diff_report_is_identical_across_hash_seeds() -> None:
    new = FIXTURE.with_name("new.yaml")
    reports = []
    for seed in ("1", "2"):
        done = _run(["diff", str(FIXTURE), str(new), "--no-config", "--format", "json"], seed)
        assert done.returncode == 0, done.stderr
        reports.append(done.stdout)
    assert reports[0] == reports[1]


def _with_new_field(tmp_path: Path) -> Path:
    document: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    properties = document["components"]["schemas"]["Pet"]["properties"]
    properties["nickname"] = {"type": "string", "description": "The name the family calls the pet."}
    path = tmp_path / "new_field.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def _render(spec: Path) -> dict[str, str]:
    api, _ = lower(load_spec(spec), load_config(None))
    return render(api)


def _changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines of a unified diff between two texts."""
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
    body = [line for line in diff[2:] if not line.startswith("@@")]
    return (
        [line[1:] for line in body if line.startswith("-")],
        [line[1:] for line in body if line.startswith("+")],
    )


def _changed_files(old: dict[str, str], new: dict[str, str]) -> list[str]:
    return sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))


def test_one_optional_property_changes_one_model_file_rendered(tmp_path: Path) -> None:
    before, after = _render(FIXTURE), _render(_with_new_field(tmp_path))
    assert _changed_files(before, after) == [MODEL_FILE]
    assert _changed_lines(before[MODEL_FILE], after[MODEL_FILE]) == ([], NEW_FIELD)


def test_one_optional_property_changes_one_model_file_emitted(tmp_path: Path) -> None:
    trees = []
    for name, spec in (("before", FIXTURE), ("after", _with_new_field(tmp_path))):
        out = tmp_path / name
        emit(_render(spec), out, header="generated", cache_dir=None)
        trees.append({path: data.decode() for path, data in _tree(out).items()})
    before, after = trees
    assert _changed_files(before, after) == [MODEL_FILE]
    assert _changed_lines(before[MODEL_FILE], after[MODEL_FILE]) == ([], NEW_FIELD)
