"""Generating a snapshot spec in memory (shared by the golden tests)."""

from __future__ import annotations

from pathlib import Path

from codegen.config import load_config
from codegen.lower import lower
from codegen.render import render
from codegen.spec import load_spec

HERE = Path(__file__).parent
SPECS_DIR = HERE / "specs"
GOLDEN_DIR = HERE / "golden"
SPECS = sorted(p for p in SPECS_DIR.glob("*.yaml") if not p.name.endswith(".sdk.yaml"))


def generate(spec: Path) -> dict[str, str]:
    """`render(lower(...))` for one snapshot spec (runtime files left out)."""
    config = spec.with_name(spec.stem + ".sdk.yaml")
    api, diagnostics = lower(load_spec(spec), load_config(config if config.exists() else None))
    assert [d for d in diagnostics if d.level == "error"] == []
    return render(api, include_runtime=False)


def read_tree(root: Path) -> dict[str, str]:
    """Every file under `root` as `{relative posix path: text}`."""
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
