"""pyright (what VS Code's Pylance runs) on the shipped package, generated/deepseek_sdk.

- strict mode reports no error (strict turns on every rule basic does, and more; `make
  typecheck` runs both);
- `pyright --verifytypes` finds every symbol of the public API fully typed, so editors and
  type checkers see the same types everywhere. Gaps in the dependencies' own types (httpx2,
  pydantic) are theirs and are ignored here (`--ignoreexternal`); bench/README.md lists them.

Both go through tools/pyright/pyright_checks.py, the script `make typecheck` runs, which
installs the pinned pyright (tools/pyright/package-lock.json) on first use.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "generated" / "deepseek_sdk"
sys.path.insert(0, str(REPO / "tools" / "pyright"))

from pyright_checks import check, verify_types  # noqa: E402

# Measured when the public API reached full coverage (2,559 exported symbols); new code must
# keep every exported symbol fully typed.
MIN_SCORE = 1.0


def test_generated_package_passes_pyright_strict() -> None:
    result = check(PACKAGE, "strict")
    assert result.errors == 0, result.report


def test_public_api_is_fully_typed() -> None:
    result = verify_types(PACKAGE)
    assert result.exported > 0, "verifytypes found no public symbol"
    assert result.score >= MIN_SCORE, (
        f"type completeness {result.score:.1%} ({result.ambiguous} ambiguous, "
        f"{result.unknown} unknown of {result.exported}):\n" + "\n".join(result.problems)
    )
