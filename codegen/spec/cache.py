"""Parsed spec files, cached by content: parse a file once, load it in milliseconds after.

libyaml spends about a second on the 3 MB OpenAI spec; the same document stored with `marshal`
loads in about 20 ms. `read.read_document` hands each file's bytes to `parsed(data, kind,
parse)`: with a cache directory in force, the document is looked up by a key made of the bytes'
SHA-256, the kind (`json`/`yaml`), the reader's own source (`read.py` decides what a file parses
to), the PyYAML and Python versions and `FORMAT`; on a miss `parse()` runs and its result is
stored. A file that fails to parse raises as before and nothing is stored.

Off unless asked for: `use(directory)` turns it on for the block it guards (the CLI does, with
`.cache/sdkgen/documents/`, unless `--no-cache`), so library callers and tests never write to
disk behind their back. Entries are written atomically (a reader never sees half a file); an
entry that cannot be read is treated as a miss; the least recently used entries go first once
the directory holds more than `MAX_BYTES`. The cache holds the user's own files' data, which
is why unmarshalling it is safe.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

__all__ = ["FORMAT", "MAX_BYTES", "Kind", "directory", "parsed", "use"]

FORMAT = 1
"""Bumped when what is stored changes shape."""
MAX_BYTES = 256 * 1024 * 1024
"""Total size of the entries kept; beyond it the least recently used are removed."""
_SUFFIX = ".marshal"

Kind = Literal["json", "yaml"]
_directory: Path | None = None


def directory() -> Path | None:
    """The cache directory in force (None: caching is off)."""
    return _directory


@contextmanager
def use(cache_dir: Path | None) -> Iterator[None]:
    """Cache parsed documents in `cache_dir` inside the block (None: no caching)."""
    global _directory
    previous, _directory = _directory, cache_dir
    try:
        yield
    finally:
        _directory = previous


@functools.cache
def _reader_fingerprint() -> bytes:
    """What besides a file's bytes decides its parse: the reader's source and library versions."""
    import yaml

    digest = hashlib.sha256(f"sdkgen parsed {FORMAT} {sys.version} {yaml.__version__}".encode())
    digest.update((Path(__file__).parent / "read.py").read_bytes())
    return digest.digest()


def _key(data: bytes, kind: Kind) -> str:
    digest = hashlib.sha256(_reader_fingerprint())
    digest.update(kind.encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


def parsed(data: bytes, kind: Kind, parse: Callable[[], Any]) -> Any:
    """The document `data` parses to: from the cache when there, else `parse()` (then stored)."""
    root = _directory
    if root is None:
        return parse()
    entry = root / f"{_key(data, kind)}{_SUFFIX}"
    try:
        document = marshal.loads(entry.read_bytes())
        os.utime(entry)  # recently used: evicted last
        return document
    except (OSError, EOFError, ValueError, TypeError):
        pass  # absent, or unreadable: parse again
    document = parse()
    _store(entry, document)
    return document


def _store(entry: Path, document: Any) -> None:
    """Write `document` to `entry` (best effort: a cache that cannot be written is no error)."""
    try:
        payload = marshal.dumps(document)
    except ValueError:  # something marshal cannot hold: leave it uncached
        return
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(payload)
        partial.replace(entry)
        _evict(entry.parent)
    except OSError:
        partial.unlink(missing_ok=True)


def _evict(root: Path) -> None:
    """Remove the least recently used entries while the directory holds over `MAX_BYTES`."""
    entries = []
    for path in root.glob(f"*{_SUFFIX}"):
        try:
            status = path.stat()
        except OSError:
            continue
        entries.append((status.st_mtime, status.st_size, path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= MAX_BYTES:
            break
        path.unlink(missing_ok=True)
        total -= size
