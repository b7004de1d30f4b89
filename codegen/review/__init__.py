"""Reviewing a spec change: what the SDK's users will notice, classified, as a report.

    surface.py   `extract(api)`: the SDK surface (import paths, settings, methods, parameters,
                 types, fields) from the IR
    types.py     IR types flattened for comparison, and subtyping (TypedDicts structurally)
    changes.py   `Change` and its levels: breaking / unknown / non-breaking
    findings.py  how a changed type affects callers (inputs) and readers (outputs)
    imports.py   import paths and client settings compared
    diff.py      `compare(old, new)`: every change, classified; renames paired
    report.py    the changes as Markdown (PR comments) or JSON, and the version bump they call for
    sources.py   spec arguments (files, `git:REV`) and surfaces built from them, cached by content
    release.py   the next version, its CHANGELOG.md section (written once), the version applied
    commands.py  `python -m codegen diff` and `python -m codegen release` (alias `changelog`)

Nothing here re-reads generated code: the surface is the IR's values.
"""

from .commands import register
from .diff import Change, compare
from .report import render_json, render_markdown, summarize
from .sources import SpecSource, build_surface, resolve_source
from .surface import Surface, extract

__all__ = [
    "Change",
    "SpecSource",
    "Surface",
    "build_surface",
    "compare",
    "extract",
    "register",
    "render_json",
    "render_markdown",
    "resolve_source",
    "summarize",
]
