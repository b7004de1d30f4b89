"""Tests of the generator, one folder per stage (`spec/`, `lower/`, `render/`, `review/`, `emit/`).

The repository root goes first on `sys.path`. Run as the `pytest` script (not `python -m
pytest`), the root is not on it, and these folders, which are named like `codegen`'s packages,
would be found as parts of a namespace package `codegen` (this folder) before the installed one.
"""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
