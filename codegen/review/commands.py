"""Reviewing a spec change: `python -m codegen diff` and `python -m codegen changelog`.

    diff OLD NEW [--config C] [--format markdown|json] [--fail-on-breaking] [--output FILE]
        Compare the SDK surfaces OLD and NEW produce (load + lower only: nothing is rendered
        or formatted; the two specs are built in parallel and each surface is cached by content
        in .cache/sdkgen/surfaces/, so it is cheap enough for every PR). Exit 0, or 1 with
        `--fail-on-breaking` when a breaking change is present; 2 when a spec cannot be read.
    changelog [--old OLD] [--new NEW] [--changelog CHANGELOG.md] [--version X.Y.Z]
        Put the Markdown report, under a heading with the suggested next version (major on
        breaking changes, minor on any other change), at the top of CHANGELOG.md.

A spec argument is a file, or `git:REV` / `git:REV:PATH`: PATH (default: the new spec's path)
as of git revision REV, read with `git archive` together with its directory so relative `$ref`s
resolve. With `git:REV` the old side also uses the config file as of REV when there is one.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TextIO

from ..errors import ConfigError, SpecError
from ..spec import display_path
from .diff import Change, compare
from .report import bump_version, render_json, render_markdown, summarize
from .sources import SpecSource, build_surface, resolve_source
from .surface import Surface

__all__ = ["register", "write_changelog"]

DEFAULT_SPEC = Path("spec/openapi.yaml")
DEFAULT_CONFIG = Path("spec/sdk.yaml")
DEFAULT_CHANGELOG = Path("CHANGELOG.md")
DEFAULT_CACHE = Path(".cache/sdkgen/surfaces")
_CHANGELOG_TITLE = "# Changelog"


# ---------------------------------------------------------------------------------- changelog


def write_changelog(path: Path, markdown: str, current: str, changes: Sequence[Change]) -> str:
    """Insert a section for the next version at the top of `path`; return that version.

    The section heading names the suggested version and why (`major` on breaking changes,
    `minor` on any other change, `patch` when the surface did not change). Newest first, below
    the `# Changelog` title (written when the file is new).
    """
    bump = summarize(changes).bump
    version = bump_version(current, bump)
    section = f"## {version}\n\nSuggested **{bump}** bump from {current}.\n\n{markdown}"
    text = path.read_text(encoding="utf-8") if path.exists() else _CHANGELOG_TITLE + "\n"
    head, sep, rest = text.partition("\n")
    if head.strip() != _CHANGELOG_TITLE:
        head, sep, rest = _CHANGELOG_TITLE, "\n", text
    body = rest.lstrip("\n")
    path.write_text(f"{head}{sep}\n{section}" + (f"\n{body}" if body else ""), encoding="utf-8")
    return version


# ------------------------------------------------------------------------------------ the CLI


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `diff` and `changelog` subcommands; each sets `handler` (returns the exit code)."""
    diff = commands.add_parser(
        "diff",
        help="compare the SDK surfaces two specs produce",
        description="Compare the SDK surfaces two specs produce; classify each change.",
    )
    diff.add_argument("old", help="old spec: a file, git:REV or git:REV:PATH")
    diff.add_argument("new", help="new spec: a file, git:REV or git:REV:PATH")
    _common(diff)
    diff.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="default: markdown"
    )
    diff.add_argument("--output", type=Path, help="write the report here instead of stdout")
    diff.add_argument(
        "--fail-on-breaking", action="store_true", help="exit 1 when a change is breaking"
    )
    diff.set_defaults(handler=_run_diff)
    changelog = commands.add_parser(
        "changelog",
        help="add the diff report to CHANGELOG.md with a version bump suggestion",
        description="Add the diff report between two specs to the top of CHANGELOG.md.",
    )
    changelog.add_argument("--old", default="git:HEAD", help="old spec (default: git:HEAD)")
    changelog.add_argument("--new", default=str(DEFAULT_SPEC), help="new spec")
    _common(changelog)
    changelog.add_argument(
        "--changelog", type=Path, default=DEFAULT_CHANGELOG, help=f"default: {DEFAULT_CHANGELOG}"
    )
    changelog.add_argument("--version", help="current version (default: the config's version)")
    changelog.set_defaults(handler=_run_changelog)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help=f"generator config (default: {DEFAULT_CONFIG})")
    parser.add_argument("--no-config", action="store_true", help="derive everything from the spec")
    parser.add_argument(
        "--no-cache", action="store_true", help=f"do not use {DEFAULT_CACHE.as_posix()}/"
    )


def _config(args: argparse.Namespace) -> Path | None:
    if args.no_config:
        return None
    if args.config is not None:
        if not Path(args.config).is_file():
            raise ConfigError("#", "config file not found", display_path(Path(args.config)))
        return Path(args.config)
    return DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None


def _timed_surface(source: SpecSource, cache_dir: Path | None) -> tuple[Surface, dict[str, float]]:
    seconds: dict[str, float] = {}
    return build_surface(source, seconds, cache_dir), seconds


def _both_surfaces(
    old: SpecSource, new: SpecSource, cache_dir: Path | None
) -> list[tuple[Surface, dict[str, float]]]:
    """Build both surfaces, in two processes when there are two CPUs (they are independent)."""
    if (os.cpu_count() or 1) > 1:
        try:
            with ProcessPoolExecutor(max_workers=2) as pool:
                return list(pool.map(_timed_surface, (old, new), (cache_dir, cache_dir)))
        except (OSError, BrokenProcessPool):  # no process support here: build them in turn
            pass
    return [_timed_surface(old, cache_dir), _timed_surface(new, cache_dir)]


def _surfaces(
    old: str, new: str, config: Path | None, cache_dir: Path | None, stderr: TextIO
) -> tuple[list[Change], SpecSource, SpecSource]:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sdkgen-diff-") as tmp:
        new_source = resolve_source(new, DEFAULT_SPEC, config, Path(tmp))
        default = DEFAULT_SPEC if new.startswith("git:") else Path(new)
        old_source = resolve_source(old, default, config, Path(tmp))
        (before, old_seconds), (after, new_seconds) = _both_surfaces(
            old_source, new_source, cache_dir
        )
    compared = time.perf_counter()
    changes = compare(before, after)
    done = time.perf_counter()
    stages = "; ".join(
        f"{side}: "
        + ", ".join(f"{name} {value:.2f}s" if name != "cached" else name for name, value in times)
        for side, times in (("old", old_seconds.items()), ("new", new_seconds.items()))
    )
    stderr.write(
        f"sdkgen diff: {len(changes)} changes in {done - start:.2f}s "
        f"({stages}; compare {done - compared:.2f}s)\n"
    )
    return changes, old_source, new_source


def _guard(run: Callable[[], int], stderr: TextIO) -> int:
    try:
        return run()
    except SpecError as exc:
        stderr.write(f"error: {exc}\n")
        return 2


def _run_diff(args: argparse.Namespace) -> int:
    def run() -> int:
        cache = None if args.no_cache else DEFAULT_CACHE
        changes, old, new = _surfaces(args.old, args.new, _config(args), cache, sys.stderr)
        render = render_json if args.format == "json" else render_markdown
        report = render(changes, old.label, new.label)
        if args.output is not None:
            Path(args.output).write_text(report, encoding="utf-8")
        else:
            sys.stdout.write(report)
        breaking = any(c.level == "breaking" for c in changes)
        return 1 if args.fail_on_breaking and breaking else 0

    return _guard(run, sys.stderr)


def _run_changelog(args: argparse.Namespace) -> int:
    def run() -> int:
        from ..config import load_config

        config = _config(args)
        cache = None if args.no_cache else DEFAULT_CACHE
        changes, old, new = _surfaces(args.old, args.new, config, cache, sys.stderr)
        if not changes:
            sys.stdout.write(f"no SDK surface changes; {args.changelog} left as it is\n")
            return 0
        current = args.version or load_config(config).version or "0.0.0"
        markdown = render_markdown(changes, old.label, new.label, heading_level=3)
        version = write_changelog(Path(args.changelog), markdown, current, changes)
        summary = summarize(changes)
        sys.stdout.write(
            f"{display_path(Path(args.changelog))}: added {version} ({summary.bump} bump from "
            f"{current}; {summary.counts['breaking']} breaking of {summary.total} changes)\n"
        )
        return 0

    return _guard(run, sys.stderr)
