"""Reviewing a spec change: `python -m codegen diff` and `python -m codegen release`.

    diff OLD NEW [--config C] [--format markdown|json] [--fail-on-breaking] [--output FILE]
        Compare the SDK surfaces OLD and NEW produce (load + lower only: nothing is rendered
        or formatted; the two specs are built in parallel; parsed spec files, each surface and
        the diff of two cached surfaces are kept by content in .cache/sdkgen/, so it is cheap
        enough for every push). Exit 0, or 1 with
        `--fail-on-breaking` when a breaking change is present; 2 when a spec cannot be read.
    release [--old OLD] [--new NEW] [--changelog CHANGELOG.md] [--version X.Y.Z] [--out DIR]
        (also `changelog`) One step: the next version from the report (`review.release`), its
        section in CHANGELOG.md written once (a rerun over the same specs changes nothing), the
        version written into the config and the package regenerated into --out (default
        generated/, when NEW is the spec file) so pyproject.toml and _version.py carry it.

A spec argument is a file, or `git:REV` / `git:REV:PATH`: PATH (default: the new spec's path)
as of git revision REV, read with `git archive` together with its directory so relative `$ref`s
resolve. Each side uses the `sdk.yaml` beside its spec (as of REV for `git:`), unless
`--config C` (both sides) or `--no-config` is given.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..config import config_beside
from ..errors import ConfigError, SpecError
from ..spec import display_path
from .diff import Change, compare
from .report import render_json, render_markdown, summarize
from .sources import SpecSource, build_surface, cached_surface, prune, resolve_source, valid_key
from .surface import Surface

__all__ = ["register"]

DEFAULT_SPEC = Path("spec/openapi.yaml")
DEFAULT_CHANGELOG = Path("CHANGELOG.md")
DEFAULT_CACHE = Path(".cache/sdkgen/surfaces")
DEFAULT_OUT = Path("generated")


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
    release = commands.add_parser(
        "release",
        aliases=["changelog"],
        help="version bump, CHANGELOG.md section and version from the diff, in one step",
        description=(
            "Compute the next version from the diff between two specs, write its section in "
            "CHANGELOG.md once, write the version into the config and regenerate the package."
        ),
    )
    release.add_argument("--old", default="git:HEAD", help="old spec (default: git:HEAD)")
    release.add_argument("--new", default=str(DEFAULT_SPEC), help="new spec")
    _common(release)
    release.add_argument(
        "--changelog", type=Path, default=DEFAULT_CHANGELOG, help=f"default: {DEFAULT_CHANGELOG}"
    )
    release.add_argument(
        "--version", help="the version before these changes (default: the old side's config's)"
    )
    release.add_argument("--out", type=Path, default=DEFAULT_OUT, help="package to regenerate")
    release.add_argument(
        "--no-generate", action="store_true", help="only write CHANGELOG.md and the config"
    )
    release.set_defaults(handler=_run_release)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, help="generator config (default: the sdk.yaml beside each spec)"
    )
    parser.add_argument("--no-config", action="store_true", help="derive everything from the spec")
    parser.add_argument(
        "--no-cache", action="store_true", help=f"do not use {DEFAULT_CACHE.as_posix()}/"
    )


@dataclass(frozen=True)
class _ConfigChoice:
    """`--config C` (the same file for both sides), `--no-config`, or by default the `sdk.yaml`
    beside each side's spec, as `generate` does (a spec elsewhere never gets ours)."""

    path: Path | None
    beside: bool


def _config(args: argparse.Namespace) -> _ConfigChoice:
    if args.no_config:
        return _ConfigChoice(None, beside=False)
    if args.config is not None:
        if not Path(args.config).is_file():
            raise ConfigError("#", "config file not found", display_path(Path(args.config)))
        return _ConfigChoice(Path(args.config), beside=False)
    return _ConfigChoice(None, beside=True)


def _timed_surface(source: SpecSource, cache_dir: Path | None) -> tuple[Surface, dict[str, float]]:
    seconds: dict[str, float] = {}
    return build_surface(source, seconds, cache_dir), seconds


def _both_surfaces(
    old: SpecSource, new: SpecSource, cache_dir: Path | None
) -> list[tuple[Surface, dict[str, float]]]:
    """Both surfaces: from the cache when there, else built, in two processes when both must
    be and there are two CPUs (they are independent)."""
    cached = [cached_surface(source, cache_dir) for source in (old, new)]
    if all(surface is not None for surface in cached):
        return [(surface, {"cached": 0.0}) for surface in cached if surface is not None]
    if not any(cached) and (os.cpu_count() or 1) > 1:
        try:
            with ProcessPoolExecutor(max_workers=2) as pool:
                return list(pool.map(_timed_surface, (old, new), (cache_dir, cache_dir)))
        except (OSError, BrokenProcessPool):  # no process support here: build them in turn
            pass
    return [_timed_surface(old, cache_dir), _timed_surface(new, cache_dir)]


def _memo(old: SpecSource, new: SpecSource, cache_dir: Path | None) -> Path | None:
    """Where the diff of `old` and `new` is kept, when both surfaces are cached and valid."""
    keys = [valid_key(source, cache_dir) for source in (old, new)]
    if cache_dir is None or keys[0] is None or keys[1] is None:
        return None
    return cache_dir / "diffs" / f"{keys[0][:24]}-{keys[1][:24]}.pickle"


def _remembered(old: SpecSource, new: SpecSource, cache_dir: Path | None) -> list[Change] | None:
    memo = _memo(old, new, cache_dir)
    try:
        changes = pickle.loads(memo.read_bytes()) if memo is not None else None
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None
    return changes if isinstance(changes, list) else None


def _remember(
    old: SpecSource, new: SpecSource, cache_dir: Path | None, changes: list[Change]
) -> None:
    memo = _memo(old, new, cache_dir)
    if memo is None:
        return
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        partial = memo.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(changes, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(memo)
        prune(memo.parent, "*.pickle")
    except OSError:
        pass


@dataclass(frozen=True)
class _Compared:
    """A diff's changes, its two sides, and the version the old side's config gives."""

    changes: list[Change]
    old: SpecSource
    new: SpecSource
    old_version: str | None


def _surfaces(
    old: str, new: str, config: _ConfigChoice, cache_dir: Path | None, stderr: TextIO
) -> _Compared:
    from ..config import load_config

    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sdkgen-diff-") as tmp:
        new_source = resolve_source(new, DEFAULT_SPEC, config.path, Path(tmp), config.beside)
        default = DEFAULT_SPEC if new.startswith("git:") else Path(new)
        old_source = resolve_source(old, default, config.path, Path(tmp), config.beside)
        own_config = old_source.config is not None and old_source.config != new_source.config
        old_version = load_config(old_source.config).version if own_config else None
        changes = _remembered(old_source, new_source, cache_dir)
        if changes is not None:  # both sides unchanged since a diff of them: its result
            old_seconds = new_seconds = {"cached": 0.0}
            compared = time.perf_counter()
        else:
            (before, old_seconds), (after, new_seconds) = _both_surfaces(
                old_source, new_source, cache_dir
            )
            compared = time.perf_counter()
            changes = compare(before, after)
            _remember(old_source, new_source, cache_dir, changes)
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
    return _Compared(changes, old_source, new_source, old_version)


def _guard(run: Callable[[], int], stderr: TextIO) -> int:
    try:
        return run()
    except SpecError as exc:
        stderr.write(f"error: {exc}\n")
        return 2


def _run_diff(args: argparse.Namespace) -> int:
    def run() -> int:
        cache = None if args.no_cache else DEFAULT_CACHE
        found = _surfaces(args.old, args.new, _config(args), cache, sys.stderr)
        changes = found.changes
        render = render_json if args.format == "json" else render_markdown
        report = render(changes, found.old.label, found.new.label)
        if args.output is not None:
            Path(args.output).write_text(report, encoding="utf-8")
        else:
            sys.stdout.write(report)
        breaking = any(c.level == "breaking" for c in changes)
        return 1 if args.fail_on_breaking and breaking else 0

    return _guard(run, sys.stderr)


def _run_release(args: argparse.Namespace) -> int:
    def run() -> int:
        from ..config import load_config
        from .release import apply_version, plan, write_section

        choice = _config(args)
        cache = None if args.no_cache else DEFAULT_CACHE
        found = _surfaces(args.old, args.new, choice, cache, sys.stderr)
        config = choice.path
        if choice.beside:  # the file the version goes into: the working tree's, never a copy
            new_path = Path(args.new) if not args.new.startswith("git:") else DEFAULT_SPEC
            config = config_beside(new_path)
        changes, old, new = found.changes, found.old, found.new
        if not changes:
            sys.stdout.write(f"no SDK surface changes; {args.changelog} left as it is\n")
            return 0
        current = load_config(config).version
        old_version = found.old_version
        base = args.version or old_version or current or "0.1.0"
        changelog = Path(args.changelog)
        text = changelog.read_text(encoding="utf-8") if changelog.exists() else ""
        release = plan(changes, text, base, current, bool(args.version or old_version))
        markdown = render_markdown(changes, old.label, new.label, heading_level=3)
        wrote = write_section(changelog, release, markdown)
        summary = summarize(changes)
        shown = display_path(changelog)
        sys.stdout.write(
            f"{shown}: {'wrote' if wrote else 'already has'} {release.version} "
            f"({release.bump} bump from {release.base}; {summary.counts['breaking']} breaking of "
            f"{summary.total} changes)\n"
        )
        if config is None:
            sys.stdout.write(f"no config file: write `version: {release.version}` into one\n")
            return 0
        if apply_version(config, release.version):
            sys.stdout.write(f"{display_path(config)}: version {release.version}\n")
        if not args.no_generate and not args.new.startswith("git:") and Path(args.out).is_dir():
            from ..cli import generate

            outcome = generate(Path(args.new), config, Path(args.out), cache_dir=cache)
            written = len(outcome.result.written)
            sys.stdout.write(f"{display_path(Path(args.out))}/: {written} files written\n")
        return 0

    return _guard(run, sys.stderr)
