"""A release from a diff: the next version, its CHANGELOG.md section, the version applied.

`plan(changes, ...)` decides the version: the bump the report calls for (`major` on a breaking
change, `minor` on any other) applied to the *base* version, which is the old side's (the
config as of `git:REV`), so a second run over the same specs finds the same version. Below
1.0.0 a breaking change bumps the minor number and anything else the patch (0.1.0 -> 0.2.0,
0.1.0 -> 0.1.1), as semver's 0.y.z allows and Cargo does; 1.0.0 is a decision to make with
`--version`, never a side effect of a spec edit.

Each section carries a marker comment with its base version and a digest of its changes:

    ## 0.2.0
    <!-- sdkgen-release base=0.1.0 changes=3f2a... -->

`write_section` uses it to stay idempotent: the same changes from the same base are already
there (nothing is written); a section for the same base or the same version is an earlier
draft of this release and is replaced; otherwise the section goes on top, newest first.
`apply_version` writes the version into the config's `version:` line (keeping comments): the
config is the one source of the version, and `generate` puts it into the package's
`pyproject.toml` and `_version.py`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .changes import Change
from .report import Bump, bump_version, summarize

__all__ = [
    "Plan",
    "Section",
    "apply_version",
    "next_version",
    "plan",
    "read_sections",
    "write_section",
]

TITLE = "# Changelog"
_MARKER = re.compile(r"^<!-- sdkgen-release base=(?P<base>\S+) changes=(?P<digest>[0-9a-f]+) -->$")
_HEADING = re.compile(r"^## (?P<version>\S+)")
_VERSION_LINE = re.compile(r"^version:[ \t]*(?P<value>[^#\n]*?)[ \t]*(?P<comment>#.*)?$", re.M)


def next_version(base: str, bump: Bump) -> str:
    """`base` bumped; below 1.0.0 a `major` bump moves the minor number, `minor` the patch."""
    leading = re.match(r"\d+", base)
    if leading is not None and int(leading.group()) == 0 and bump != "patch":
        bump = "minor" if bump == "major" else "patch"
    return bump_version(base, bump)


def digest(changes: Sequence[Change]) -> str:
    """A short, stable digest of a change list (what a release's section is about)."""
    data = json.dumps([asdict(c) for c in changes], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Section:
    """One version's section of the changelog: its lines `[start, end)` and its marker."""

    version: str
    start: int
    end: int
    base: str | None
    digest: str | None


def read_sections(text: str) -> list[Section]:
    """The `## <version>` sections of a changelog, in file order."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if _HEADING.match(line)]
    sections = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        found = _HEADING.match(lines[start])
        assert found is not None
        marker = next((m for m in map(_MARKER.match, lines[start + 1 : start + 3]) if m), None)
        sections.append(
            Section(
                found["version"],
                start,
                end,
                marker["base"] if marker else None,
                marker["digest"] if marker else None,
            )
        )
    return sections


@dataclass(frozen=True)
class Plan:
    """What a release run does: the version, from which base, and whether it is recorded."""

    base: str
    version: str
    bump: Bump
    digest: str
    recorded: bool  # the changelog already has this section


def plan(
    changes: Sequence[Change], changelog: str, base: str, current: str | None, base_is_old: bool
) -> Plan:
    """Decide the release for `changes`.

    `base` is the version before the changes: the old side's config version when it has one
    (`base_is_old`), else the current config's. Without the old side's, a current version equal
    to the top section's is that section's own (applied by an earlier run): its base is used.
    """
    bump = summarize(changes).bump
    found = digest(changes)
    sections = [s for s in read_sections(changelog) if s.digest is not None]
    top = sections[0] if sections else None
    if not base_is_old and top is not None and top.base and current == top.version:
        base = top.base
    for section in sections:
        if section.digest == found and section.base == base:
            return Plan(base, section.version, bump, found, True)
    return Plan(base, next_version(base, bump), bump, found, False)


def write_section(path: Path, release: Plan, markdown: str) -> bool:
    """Put `release`'s section into the changelog at `path`; return whether the file changed.

    Replaces an earlier draft (a section with the same base or the same version), else inserts
    at the top, below the title.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else TITLE + "\n"
    if release.recorded:
        return False
    lines = text.splitlines()
    section = [
        f"## {release.version}",
        f"<!-- sdkgen-release base={release.base} changes={release.digest} -->",
        "",
        f"Suggested **{release.bump}** bump from {release.base}"
        + (
            " (below 1.0.0, by the minor or patch number)."
            if release.base.startswith("0.")
            else "."
        ),
        "",
        *markdown.rstrip("\n").splitlines(),
        "",
    ]
    drafts = [
        s
        for s in read_sections(text)
        if s.digest is not None and (s.base == release.base or s.version == release.version)
    ]
    for draft in reversed(drafts):
        del lines[draft.start : draft.end]
    at = next((i for i, line in enumerate(lines) if _HEADING.match(line)), None)
    if at is None:
        if not lines or lines[0].strip() != TITLE:
            lines = [TITLE, "", *lines]
        while lines and not lines[-1].strip():
            lines.pop()
        lines.append("")
        at = len(lines)
    lines[at:at] = section
    updated = "\n".join(lines).rstrip("\n") + "\n"
    if updated == text:
        return False
    path.write_text(updated, encoding="utf-8")
    return True


def apply_version(config: Path, version: str) -> bool:
    """Write `version` into the config's `version:` line; return whether the file changed."""
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    found = _VERSION_LINE.search(text)
    if found is not None:
        value = found["value"].strip().strip("'\"")
        if value == version:
            return False
        comment = f"  {found['comment']}" if found["comment"] else ""
        updated = text[: found.start()] + f"version: {version}{comment}" + text[found.end() :]
    else:
        updated = text + ("" if not text or text.endswith("\n") else "\n") + f"version: {version}\n"
    config.write_text(updated, encoding="utf-8")
    return True
