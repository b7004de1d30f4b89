"""Render the changes `review.diff.compare` found: Markdown for a PR comment, JSON for machines.

Markdown starts with the counts and the version bump they call for, then lists the changes by
level (breaking, unknown, non-breaking) and, within a level, by subject (a method or a type),
so a reviewer reads what breaks first. Non-breaking changes sit in a collapsed `<details>`
block, except the flagged ones (an open response enum that gained values), listed above it. JSON carries the same facts: `summary`, `bump`, and one object per change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from .changes import LEVELS, PACKAGE_KINDS, Change, Level

__all__ = ["Bump", "Summary", "bump_version", "render_json", "render_markdown", "summarize"]

Bump = Literal["major", "minor", "patch"]
_GROUP_TITLES = {
    "package": "Package (import paths, settings)",
    "methods": "Resources and methods",
    "types": "Types",
}
_LEVEL_TITLES: dict[Level, str] = {
    "breaking": "Breaking changes",
    "unknown": "Changes to review (effect depends on usage)",
    "non-breaking": "Non-breaking changes",
}
_MAX_VALUE = 100  # longer printed types are cut in Markdown (JSON keeps them whole)


@dataclass(frozen=True)
class Summary:
    """Counts per level and per group, and the version bump they suggest."""

    counts: dict[Level, int]
    groups: dict[str, dict[Level, int]]
    bump: Bump

    @property
    def total(self) -> int:
        """Number of changes."""
        return sum(self.counts.values())


def summarize(changes: Sequence[Change]) -> Summary:
    """Count `changes`; breaking ones call for a major bump, any other change for a minor one."""
    counts: dict[Level, int] = dict.fromkeys(LEVELS, 0)
    groups: dict[str, dict[Level, int]] = {g: dict.fromkeys(LEVELS, 0) for g in _GROUP_TITLES}
    for change in changes:
        counts[change.level] += 1
        groups[change.group][change.level] += 1
    bump: Bump = "major" if counts["breaking"] else "minor" if changes else "patch"
    return Summary(counts, groups, bump)


def bump_version(version: str, bump: Bump) -> str:
    """`bump_version("1.4.2", "minor") == "1.5.0"`; pre-release suffixes (`1.0.0rc1`) are dropped."""
    leading = [re.match(r"\d+", part) for part in version.split(".")]
    numbers = [int(m.group()) if m else 0 for m in [*leading, None, None, None][:3]]
    index = {"major": 0, "minor": 1, "patch": 2}[bump]
    numbers = [*numbers[:index], numbers[index] + 1] + [0] * (2 - index)
    return ".".join(str(n) for n in numbers)


def _short(value: str) -> str:
    return value if len(value) <= _MAX_VALUE else value[: _MAX_VALUE - 1] + "…"


def _bullet(change: Change) -> str:
    line = f"- {change.reason}"
    if change.kind.startswith(PACKAGE_KINDS[:2]):  # the reason names both import paths
        pass
    elif change.old is not None and change.new is not None:
        line += f" (`{_short(change.old)}` → `{_short(change.new)}`)"
    elif change.kind.endswith("-removed") and change.old is not None:
        line += f" (was `{_short(change.old)}`)"
    elif change.kind.endswith("-added") and change.new is not None:
        line += f": `{_short(change.new)}`"
    return line + f" <sub>{change.kind}</sub>"


def _details(changes: Sequence[Change], heading: str) -> list[str]:
    lines: list[str] = []
    subject = None
    for change in changes:
        if change.subject != subject:
            subject = change.subject
            where = f" — `{change.where}`" if change.where else ""
            lines += ["", f"{heading} `{subject}`{where}", ""]
        lines.append(_bullet(change))
    return lines


def render_markdown(
    changes: Sequence[Change], old_label: str, new_label: str, *, heading_level: int = 2
) -> str:
    """The report as Markdown; `heading_level` is the level of its title (2: `## ...`)."""
    summary = summarize(changes)
    h = "#" * heading_level
    lines = [f"{h} SDK surface changes", "", f"`{old_label}` → `{new_label}`", ""]
    if not changes:
        lines.append("No changes to the SDK surface.")
        return "\n".join(lines) + "\n"
    counts = ", ".join(f"{summary.counts[level]} {level}" for level in LEVELS)
    lines.append(
        f"**{summary.total} changes**: {counts}. Suggested version bump: **{summary.bump}**."
    )
    lines += ["", "| | breaking | unknown | non-breaking |", "|---|--:|--:|--:|"]
    for group, title in _GROUP_TITLES.items():
        row = summary.groups[group]
        lines.append(f"| {title} | {' | '.join(str(row[level]) for level in LEVELS)} |")
    flagged = [c for c in changes if c.flagged and c.level == "non-breaking"]
    for level in LEVELS:
        selected = [c for c in changes if c.level == level and c not in flagged]
        if level == "non-breaking" and flagged:
            title = f"Non-breaking, flagged for review ({len(flagged)})"
            lines += ["", f"{h}# {title}", *_details(flagged, h + "##")]
        if not selected:
            continue
        title = f"{_LEVEL_TITLES[level]} ({len(selected)})"
        new_types = [c for c in selected if c.kind == "type-added"]
        body = _details([c for c in selected if c.kind != "type-added"], h + "##")
        if new_types:
            names = ", ".join(f"`{c.subject}`" for c in new_types)
            body += ["", f"{h}## New types ({len(new_types)})", "", names]
        if level == "non-breaking":
            lines += ["", f"<details><summary>{title}</summary>", *body, "", "</details>"]
        else:
            lines += ["", f"{h}# {title}", *body]
    return "\n".join(lines) + "\n"


def render_json(changes: Sequence[Change], old_label: str, new_label: str) -> str:
    """The report as JSON (keys sorted, two-space indent, trailing newline)."""
    summary = summarize(changes)
    totals: dict[str, object] = {"total": summary.total, "groups": summary.groups}
    for level, count in summary.counts.items():
        totals[level] = count
    document: dict[str, object] = {
        "old": old_label,
        "new": new_label,
        "summary": totals,
        "bump": summary.bump,
        "changes": [{**asdict(c), "group": c.group} for c in changes],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
