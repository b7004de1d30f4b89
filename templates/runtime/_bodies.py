"""Request bodies that are neither JSON nor multipart, by the media type the operation sends
(generated code passes it as `_request(..., content_type=...)`; JSON is the default and
`multipart/form-data` goes through `_files`):

- `application/x-www-form-urlencoded`: an object, its fields encoded like a query string
  (`_qs`: arrays repeat the key, objects `a[b]=v`, fields the spec styles otherwise wrapped in
  `styled(...)` by the generated code); `None` and `NOT_GIVEN` fields are left out.
- `text/*`: a `str`, sent as UTF-8 (`; charset=utf-8` added unless the media type names one),
  or `bytes` as they are.
- anything else is binary: what a file argument accepts (`bytes`, a path, an open binary file,
  a `(filename, content[, content_type])` tuple, `to_file(...)`) or an iterable of `bytes`
  chunks (the async client also takes an async iterable, and files whose `read` is a
  coroutine). Only `bytes` are sent as they are; everything else is a `StreamedBody`, read
  64 KiB at a time while the request is sent, never whole into memory, with `Content-Length`
  when the size is known (a path's, a seekable file's rest) and chunked otherwise. A path is
  opened per attempt and closed after it. A retry sends the body again: a path is reopened, a
  seekable file rewound to where it was when the call began, a list of chunks iterated again;
  a one-shot source (an iterator, a generator, a pipe) cannot be replayed, so such a call is
  not retried (`max_retries` is 0 for it; pass a path or a seekable file to keep retries).
  A wildcard media type (`*/*`, `image/*`) is replaced by the file's own content type (given,
  or guessed from its name, else `application/octet-stream`).

A `Content-Type` in `extra_headers` wins over the one chosen here.
"""

from __future__ import annotations

import inspect
import io
import os
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from typing import Any, cast
from urllib.parse import urlencode

from ._files import upload_of
from ._qs import stringify_items
from ._types import is_mapping

__all__ = ["StreamedBody", "encode_body", "is_json_media"]

CHUNK_SIZE = 64 * 1024

FORM = "application/x-www-form-urlencoded"


def is_json_media(media_type: str) -> bool:
    """Whether `media_type` is JSON (`application/json`, `application/merge-patch+json`, ...)."""
    base = media_type.partition(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def encode_body(body: object, media_type: str) -> tuple[bytes | StreamedBody, str]:
    """The bytes of a form, text or binary body (a `StreamedBody` for a binary one not given as
    bytes) and the `Content-Type` it is sent with."""
    base = media_type.partition(";")[0].strip().lower()
    if base == FORM:
        if not is_mapping(body):
            raise TypeError(f"a {FORM} body must be a mapping of fields, not {type(body).__name__}")
        fields: Mapping[str, object] = {str(k): v for k, v in body.items()}
        return urlencode(stringify_items(fields)).encode("ascii"), media_type
    if base.startswith("text/"):
        if isinstance(body, str):
            sent = (
                media_type if "charset=" in media_type.lower() else f"{media_type}; charset=utf-8"
            )
            return body.encode("utf-8"), sent
        if isinstance(body, (bytes, bytearray)):
            return bytes(body), media_type
        raise TypeError(f"a {base} body must be str or bytes, not {type(body).__name__}")
    if _is_chunks(body):
        return StreamedBody(body), media_type
    upload = upload_of(body, "`body`")
    sent = upload.content_type if "*" in base else media_type
    content = upload.content
    if isinstance(content, bytes):
        return content, sent
    return StreamedBody(content), sent


def _is_chunks(body: object) -> bool:
    """Whether `body` is an iterable of chunks (not bytes, text, a file, a tuple or a mapping)."""
    if isinstance(body, (bytes, bytearray, memoryview, str, tuple)) or is_mapping(body):
        return False
    if callable(getattr(body, "read", None)) or isinstance(body, os.PathLike):
        return False
    return isinstance(body, (Iterable, AsyncIterable))


class StreamedBody:
    """A binary request body sent in chunks (see the module docstring): each attempt gets a
    fresh iterator from `chunks()` (sync client) or `achunks()` (async client)."""

    __slots__ = ("_source", "_start", "_used", "length", "replayable")

    def __init__(self, source: object) -> None:
        self._source = source
        self._start: int | None = None
        self._used = False
        self.length: int | None = None
        """The body's size in bytes, when it is known before sending."""
        if isinstance(source, os.PathLike):
            # a missing file fails here, before sending
            self.length = os.path.getsize(cast("os.PathLike[str]", source))
            self.replayable = True
        elif callable(getattr(source, "read", None)):
            self._start = _tell(source)
            self.length = None if self._start is None else _remaining(source, self._start)
            self.replayable = self._start is not None
        else:  # chunks: a list can be iterated again, an iterator only once
            self.replayable = not isinstance(source, (Iterator, AsyncIterator))

    def __repr__(self) -> str:
        return f"StreamedBody({type(self._source).__name__}, length={self.length})"

    def _begin(self) -> None:
        if self._used and not self.replayable:
            raise RuntimeError("a one-shot request body (an iterator) cannot be sent twice")
        self._used = True

    def chunks(self) -> Iterator[bytes]:
        """The body's chunks for one attempt of the sync client."""
        self._begin()
        source: Any = self._source
        if isinstance(source, AsyncIterable) or inspect.iscoroutinefunction(
            getattr(source, "read", None)
        ):
            raise TypeError("`body` is asynchronous; send it with the async client")
        return self._sync_chunks()

    def achunks(self) -> AsyncIterator[bytes]:
        """The body's chunks for one attempt of the async client (a local file is read in
        place, a chunk at a time, as httpx2 reads multipart files)."""
        self._begin()
        return self._async_chunks()

    def _sync_chunks(self) -> Iterator[bytes]:
        source: Any = self._source
        if isinstance(source, os.PathLike):
            with open(cast("os.PathLike[str]", source), "rb") as handle:
                yield from _read_chunks(handle)
        elif callable(getattr(source, "read", None)):
            if self._start is not None:
                source.seek(self._start)
            yield from _read_chunks(source)
        else:
            for chunk in cast("Iterable[object]", source):
                yield _as_bytes(chunk)

    async def _async_chunks(self) -> AsyncIterator[bytes]:
        source: Any = self._source
        if isinstance(source, AsyncIterable):
            async for chunk in cast("AsyncIterable[object]", source):
                yield _as_bytes(chunk)
        elif inspect.iscoroutinefunction(getattr(source, "read", None)):
            if self._start is not None:
                await source.seek(self._start)
            while True:
                data = await source.read(CHUNK_SIZE)
                if not data:
                    break
                yield _as_bytes(data)
        else:
            for chunk in self._sync_chunks():
                yield chunk


def _read_chunks(handle: Any) -> Iterator[bytes]:
    while True:
        data = handle.read(CHUNK_SIZE)
        if not data:
            return
        yield _as_bytes(data)


def _as_bytes(chunk: object) -> bytes:
    if isinstance(chunk, bytes):
        return chunk
    if isinstance(chunk, (bytearray, memoryview)):
        return bytes(cast("bytes", chunk))
    if isinstance(chunk, str):
        raise TypeError("`body` produced str; open the file in 'rb' mode or encode the text")
    raise TypeError(f"`body` produced {type(chunk).__name__}, not bytes")


def _tell(source: Any) -> int | None:
    """Where a seekable file is now, `None` if it cannot seek back (a pipe, a socket)."""
    if inspect.iscoroutinefunction(getattr(source, "tell", None)):
        return None  # an async file (aiofiles): sent once, from where it is
    try:
        if isinstance(source, io.IOBase) and not source.seekable():
            return None
        position = source.tell()
    except (AttributeError, OSError, ValueError):
        return None
    return position if isinstance(position, int) else None


def _remaining(source: Any, start: int) -> int | None:
    """The bytes left from `start` to the end of a seekable file, if it can tell."""
    try:
        return max(os.fstat(source.fileno()).st_size - start, 0)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        pass
    if isinstance(source, io.BytesIO):
        return max(source.getbuffer().nbytes - start, 0)
    return None
