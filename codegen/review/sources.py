"""Where the specs of a diff come from, and their surfaces (cached).

A spec argument is a file, or `git:REV` / `git:REV:PATH`: PATH (default: the new spec's path)
as of git revision REV, read with `git archive` together with its directory so relative `$ref`s
resolve. With `git:REV` the old side also uses the config file as of REV when there is one.

`build_surface` loads and lowers a spec (nothing is rendered or formatted) and extracts its
surface; with a cache directory the surface is pickled by content (spec files, config, the
generator's source and runtime, `CACHE_VERSION`), so an unchanged side costs nothing, and the
parsed spec files are cached beside it (`codegen.spec.cache`, `<cache>/../documents/`), so a
side whose spec was read before skips YAML parsing.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
import subprocess
import tarfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import config_beside
from ..errors import SpecError
from ..runtime import RUNTIME_DIR
from ..spec import cache as parse_cache
from ..spec import display_path, load_spec
from .surface import Surface, extract

__all__ = [
    "CACHE_VERSION",
    "SpecSource",
    "build_surface",
    "cached_surface",
    "prune",
    "resolve_source",
    "valid_key",
]

CACHE_VERSION = 5
"""Bumped when the pickled surface's format changes (2: types are IR values, not parsed
annotations; 3: import paths, settings, parameters' wire names; 4: hashes, then surface;
5: methods' declared error bodies)."""
_CACHE_ENTRIES = 16  # surfaces kept; the least recently written go first


@dataclass(frozen=True)
class SpecSource:
    """A spec ready to load: where it is on disk, its config, and how to name it to the user."""

    spec: Path
    config: Path | None
    label: str


def build_surface(
    source: SpecSource, seconds: dict[str, float] | None = None, cache_dir: Path | None = None
) -> Surface:
    """Load and lower `source` and extract its surface; raise `SpecError` on bad input.

    With `cache_dir`, a surface built before from the same spec files, config and generator
    source is reused (spec loading is the expensive part of a diff).
    """
    timings = seconds if seconds is not None else {}
    key = _cache_key(source) if cache_dir is not None else None
    cached = cached_surface(source, cache_dir)
    if cached is not None:
        timings["cached"] = 0.0
        return cached
    with parse_cache.use(cache_dir.parent / "documents" if cache_dir is not None else None):
        surface, files = _build(source, timings)
    if cache_dir is not None and key is not None:
        _cache_write(cache_dir / f"{key}.pickle", source.spec.parent, files, surface)
    return surface


def cached_surface(source: SpecSource, cache_dir: Path | None) -> Surface | None:
    """The surface built before from the same files, config and generator, if there is one."""
    key = _cache_key(source) if cache_dir is not None else None
    if cache_dir is None or key is None:
        return None
    found = _cache_read(cache_dir / f"{key}.pickle", source.spec.parent)
    return found if isinstance(found, Surface) else None


def _build(source: SpecSource, timings: dict[str, float]) -> tuple[Surface, set[Path]]:
    from ..config import load_config
    from ..lower import lower

    start = time.perf_counter()
    spec = load_spec(source.spec)
    loaded = time.perf_counter()
    try:
        api, diagnostics = lower(spec, load_config(source.config))
    except SpecError as exc:
        if exc.file is not None:
            raise
        file, pointer = spec.origin(exc.pointer)  # a new error: it may cross processes
        raise SpecError(pointer, exc.message, display_path(file)) from exc
    errors = [d for d in (*spec.diagnostics, *diagnostics) if d.level == "error"]
    if errors:
        file, pointer = spec.origin(errors[0].pointer)
        raise SpecError(pointer, errors[0].message, display_path(file))
    lowered = time.perf_counter()
    surface = extract(api)
    timings["load"] = timings.get("load", 0.0) + loaded - start
    timings["lower"] = timings.get("lower", 0.0) + lowered - loaded
    timings["surface"] = timings.get("surface", 0.0) + time.perf_counter() - lowered
    return surface, {spec.path, *(file for file, _ in spec.origins.values())}


# ------------------------------------------------------------------------------ surface cache


@functools.cache
def _generator_fingerprint() -> bytes:
    """Hash of the generator's source and of the runtime it reads names from: a cached surface
    is only valid for the same code."""
    digest = hashlib.sha256(f"surface cache {CACHE_VERSION}".encode())
    for root in (Path(__file__).parents[1], RUNTIME_DIR):
        for module in sorted(root.rglob("*.py")):
            name = module.relative_to(root.parent).as_posix()
            digest.update(name.encode() + b"\0" + module.read_bytes())
    return digest.digest()


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cache_key(source: SpecSource) -> str | None:
    try:
        digest = hashlib.sha256(_generator_fingerprint())
        digest.update(source.spec.read_bytes())
        digest.update(b"\0" + (source.config.read_bytes() if source.config else b""))
    except OSError:
        return None  # unreadable: building reports it properly
    return digest.hexdigest()


def _cache_read(entry: Path, base: Path, *, surface: bool = True) -> Surface | bool | None:
    """The surface in `entry` if every spec file it was built from is unchanged (with
    `surface=False`: True then, without unpickling the surface).

    An entry holds two pickles: the files' hashes, then the surface. Files are recorded
    relative to the root spec's folder (`base`), so a spec extracted from git into a new
    temporary folder each run still finds its entry.
    """
    try:
        with entry.open("rb") as handle:
            files = pickle.load(handle)
            if not all(_file_hash(base / name) == digest for name, digest in files.items()):
                return None
            if not surface:
                return True
            found = pickle.load(handle)
            return found if isinstance(found, Surface) else None
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None


def valid_key(source: SpecSource, cache_dir: Path | None) -> str | None:
    """The cache key of `source` when its cached surface is valid (cheap: nothing is
    unpickled but the files' hashes); None otherwise."""
    key = _cache_key(source) if cache_dir is not None else None
    if cache_dir is None or key is None:
        return None
    return (
        key if _cache_read(cache_dir / f"{key}.pickle", source.spec.parent, surface=False) else None
    )


def _cache_write(entry: Path, base: Path, files: set[Path], surface: Surface) -> None:
    """Store `surface` with the hashes of the files it came from (atomically; best effort)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        hashes = {os.path.relpath(path, base): _file_hash(path) for path in sorted(files)}
        partial = entry.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(hashes, handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(surface, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(entry)
        prune(entry.parent, "*.pickle")
    except OSError:
        pass


def prune(directory: Path, pattern: str) -> None:
    """Keep the `_CACHE_ENTRIES` most recently written files matching `pattern`."""
    entries = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime)
    for stale in entries[:-_CACHE_ENTRIES]:
        stale.unlink(missing_ok=True)


# ---------------------------------------------------------------------------- git sources


def _git(args: Sequence[str], cwd: Path) -> bytes:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise SpecError("#", f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return done.stdout


def resolve_source(
    text: str, default_spec: Path, config: Path | None, workdir: Path, beside: bool = False
) -> SpecSource:
    """Turn a spec argument (a path, `git:REV` or `git:REV:PATH`) into files on disk.

    Files read from git are extracted under `workdir` with the spec's whole folder. With
    `beside`, the config is the `sdk.yaml` next to the spec (as of REV for git); else `config`
    is used as is, taken as of REV when it is a tracked file there (the surface depends on it).
    """
    if not text.startswith("git:"):
        path = Path(text)
        return SpecSource(path, config_beside(path) if beside else config, display_path(path))
    rev, _, path_text = text[len("git:") :].partition(":")
    path = Path(path_text) if path_text else default_spec
    top = Path(_git(["rev-parse", "--show-toplevel"], Path.cwd()).decode().strip())
    if not path.resolve().is_relative_to(top):
        raise SpecError("#", f"{text}: {path} is not inside the git repository {top}")
    relative = path.resolve().relative_to(top)
    folder = relative.parent.as_posix() if relative.parent != Path(".") else relative.as_posix()
    archive = _git(["archive", "--format=tar", rev, "--", folder], top)
    target = workdir / rev.replace("/", "_")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    if beside:
        return SpecSource(
            target / relative, config_beside(target / relative), f"{relative.as_posix()}@{rev}"
        )
    old_config = config
    if config is not None and config.resolve().is_relative_to(top):
        config_relative = config.resolve().relative_to(top).as_posix()
        listed = _git(["ls-tree", "--name-only", rev, "--", config_relative], top)
        if listed.strip():
            old_config = target / "config" / config.name
            old_config.parent.mkdir(parents=True, exist_ok=True)
            old_config.write_bytes(_git(["show", f"{rev}:{config_relative}"], top))
    return SpecSource(target / relative, old_config, f"{relative.as_posix()}@{rev}")
