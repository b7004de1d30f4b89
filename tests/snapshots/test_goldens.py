"""Golden trees: each tiny spec in `specs/` generates exactly `golden/<spec>/`.

Compared in memory; `pytest tests/snapshots --update-goldens` rewrites the trees. The goldens
leave out the runtime files (copied verbatim from templates/runtime, tested on their own).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ._snapshots import GOLDEN_DIR, SPECS, generate, read_tree


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_golden_tree(spec: Path, request: pytest.FixtureRequest) -> None:
    files = generate(spec)
    golden = GOLDEN_DIR / spec.stem
    if request.config.getoption("--update-goldens", default=False):
        shutil.rmtree(golden, ignore_errors=True)
        for relative, text in files.items():
            target = golden / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = read_tree(golden)
    hint = "run `pytest tests/snapshots --update-goldens` and review the diff"
    assert sorted(files) == sorted(expected), f"file list changed; {hint}"
    for relative, text in files.items():
        assert text == expected[relative], f"{relative} changed; {hint}"


def test_every_spec_has_a_golden_tree() -> None:
    assert {p.stem for p in SPECS} == {p.name for p in GOLDEN_DIR.iterdir() if p.is_dir()}
