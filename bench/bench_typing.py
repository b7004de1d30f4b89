"""Type completeness of the generated SDK's public API against `openai` (a script).

`pyright --verifytypes` (the pinned pyright of tools/pyright) counts the symbols a package
exports and how many of them a type checker sees with a fully known type. Two figures per
package, measured in the same run:

- own API (`--ignoreexternal`): gaps in the dependencies' own types are not counted; this is
  what `make typecheck` gates (100% for the generated package);
- with dependencies: a symbol whose type reaches an incompletely typed dependency type (an
  unannotated httpx2 attribute, pydantic's metaclass) counts as unknown too.

Both packages are checked as installed: `deepseek_sdk` laid out next to the dependencies its
pyproject.toml declares (in .cache/verifytypes, as `make typecheck` does), `openai` as the bench
venv has it (`make bench` installs it). bench/README.md ("Type completeness") has the results
and what keeps the second figure below 100%.

    .venv/bin/python bench/bench_typing.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "pyright"))

from pyright_checks import Completeness, install_like_pip, verify_types  # noqa: E402

GENERATED = ROOT / "generated" / "deepseek_sdk"


def _row(name: str, own: Completeness, full: Completeness) -> str:
    return (
        f"| {name} | {own.exported:,} | {own.score:.1%} | {full.score:.1%} "
        f"| {full.known:,} / {full.ambiguous:,} / {full.unknown:,} |"
    )


def main() -> int:
    packages = {"deepseek_sdk": install_like_pip(GENERATED, ROOT / ".cache" / "verifytypes")}
    spec = importlib.util.find_spec("openai")
    if spec is None or spec.origin is None:
        print("openai is not installed (make bench installs it); measuring deepseek_sdk only")
    else:
        packages["openai"] = Path(spec.origin).parent.parent
    print(
        "| package | exported symbols | own API | with dependencies | known / ambiguous / unknown |"
    )
    print("|---|---:|---:|---:|---:|")
    for name, site in packages.items():
        own = verify_types(site / name, ignore_external=True)
        full = verify_types(site / name, ignore_external=False)
        print(_row(name, own, full), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
