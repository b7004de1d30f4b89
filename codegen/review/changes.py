"""One change between two SDK surfaces (`Change`), its level, and the log that collects them.

A change is `breaking` when code that works against the old SDK can fail against the new one,
at run time or under a type checker (mypy, pyright); `non-breaking` when no such code exists;
`unknown` only when the spec cannot tell (the reason says why). `group` sorts a change into
the report's sections: the client's resources and methods, the types, the package (import
paths and client settings).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["LEVELS", "PACKAGE_KINDS", "Change", "Level", "Log", "code", "worst"]

Level = Literal["breaking", "unknown", "non-breaking"]
LEVELS: tuple[Level, ...] = ("breaking", "unknown", "non-breaking")
_RANK = {level: index for index, level in enumerate(LEVELS)}
PACKAGE_KINDS = ("import-", "module-", "package-", "setting-")
"""Kinds (by prefix) about the package as a whole: its import paths and client settings."""


@dataclass(frozen=True)
class Change:
    """One difference between two SDK surfaces.

    `subject` is what changed (`client.projects.create`, `Model`, `deepseek_sdk.resources`),
    `element` the part of it (a parameter, field or imported name; None for the subject
    itself), `where` locates the subject (`POST /projects`, `types/model.py`). `old`/`new` are
    printed values (types, signatures, import paths). `flagged` marks a non-breaking change
    a reviewer should still see (an open response enum that gained values: code matching on
    the known ones may want to handle the new).
    """

    kind: str  # e.g. "param-removed", "field-made-nullable", "import-moved"
    level: Level
    subject: str
    where: str
    element: str | None
    old: str | None
    new: str | None
    reason: str
    flagged: bool = False

    @property
    def group(self) -> str:
        """`"methods"` (the client's resources and methods), `"types"` or `"package"`."""
        if self.kind.startswith(PACKAGE_KINDS):
            return "package"
        return "methods" if self.subject.startswith("client.") else "types"


def worst(levels: Iterable[Level]) -> Level:
    """The most severe of `levels` (breaking, then unknown, then non-breaking)."""
    return min(levels, key=lambda level: _RANK[level])


def code(text: object) -> str:
    """`text` as inline Markdown code."""
    return f"`{text}`"


@dataclass
class Log:
    """Collects the changes of one subject (a method, a resource, a type or a module)."""

    subject: str
    where: str
    changes: list[Change] = field(default_factory=list)

    def add(
        self,
        kind: str,
        level: Level,
        reason: str,
        element: str | None = None,
        old: object = None,
        new: object = None,
        flagged: bool = False,
    ) -> None:
        """Record one change; `old`/`new` are printed with `str` (None stays None)."""
        was, now = (None if v is None else str(v) for v in (old, new))
        self.changes.append(
            Change(kind, level, self.subject, self.where, element, was, now, reason, flagged)
        )
