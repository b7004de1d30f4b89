"""The golden trees are valid code: `ruff check` (the generated package's own config, no fixes),
`mypy --strict` and pyright in strict mode (what VS Code users run), with the runtime files and
the hand-written command line and MCP server
copied next to them as `emit` does."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen import ir
from codegen.render import runtime_files
from codegen.render.frontends import hand_written_files

from ._snapshots import GOLDEN_DIR, SPECS

BIN = Path(sys.executable).parent
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools" / "pyright"))

from pyright_checks import check  # noqa: E402


@pytest.fixture(scope="module")
def checked_tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """All golden packages side by side in one directory, each with the runtime copied in."""
    root = tmp_path_factory.mktemp("goldens")
    packages = []
    for spec in SPECS:
        golden = GOLDEN_DIR / spec.stem
        for item in golden.iterdir():
            if item.is_dir() and item.name != "tests":  # the SDK's own tests: not a package
                shutil.copytree(item, root / item.name)
                packages.append(item.name)
                copied = runtime_files(item.name, helpers=False)
                if (item / "_frontend").is_dir():  # every golden has both front-ends
                    both = ir.Frontends(ir.CommandLine("x"), ir.McpServer("x"), (), ())
                    copied.update(hand_written_files(item.name, both))
                for relative, text in copied.items():
                    (root / relative).parent.mkdir(parents=True, exist_ok=True)
                    (root / relative).write_text(text, encoding="utf-8")
    # Every golden tree carries the same generated pyproject.toml (tool settings only).
    shutil.copy(GOLDEN_DIR / SPECS[0].stem / "pyproject.toml", root / "pyproject.toml")
    return root, sorted(packages)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


def test_goldens_pass_ruff(checked_tree: tuple[Path, list[str]]) -> None:
    root, packages = checked_tree
    result = _run([str(BIN / "ruff"), "check", "--no-cache", *packages], root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_goldens_pass_mypy_strict(checked_tree: tuple[Path, list[str]]) -> None:
    root, packages = checked_tree
    args = [str(BIN / "mypy"), "--no-incremental", "--cache-dir=/dev/null"]
    for package in packages:
        args += ["-p", package]
    result = _run(args, root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_goldens_pass_pyright_strict(checked_tree: tuple[Path, list[str]]) -> None:
    root, _ = checked_tree
    result = check(root, "strict")
    assert result.errors == 0, result.report
