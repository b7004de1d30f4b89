"""Shared types and sentinels used by generated code and the runtime.

`NOT_GIVEN` marks "argument not passed" (the default of every optional method argument; never
sent), `omit` removes a default header, and `RequestOptions` carries the per-call knobs every
generated method accepts (`extra_headers`, `extra_query`, `extra_body`, `timeout`,
`max_retries`, `deadline`).
"""

import mimetypes
import os
from collections.abc import AsyncIterable, Iterable, Mapping
from typing import IO, Any, Optional, Union, cast

import httpx2
from typing_extensions import Literal, TypedDict, TypeGuard, final

__all__ = [
    "NOT_GIVEN",
    "BinaryContent",
    "Body",
    "FileContent",
    "FileTypes",
    "FileUpload",
    "Headers",
    "NotGiven",
    "Omit",
    "Query",
    "RequestOptions",
    "Timeout",
    "is_array",
    "is_mapping",
    "make_request_options",
    "omit",
]


@final
class NotGiven:
    """Sentinel for "argument not passed", distinct from an explicit `None`.

    It is falsy, so `if timeout:` treats it like an unset value.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


@final
class Omit:
    """Put `omit` as a value in `extra_headers`/`default_headers` to remove a default header.

    >>> client.with_options(default_headers={"User-Agent": omit})
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"


omit: Omit = Omit()

Headers = Mapping[str, Union[str, Omit]]
Query = Mapping[str, object]
Body = object
Timeout = Union[float, httpx2.Timeout, None]

FileContent = Union[IO[bytes], bytes, os.PathLike[str]]
"""Raw file content: an open binary file, bytes, or a filesystem path (streamed from disk)."""


def is_mapping(value: object) -> TypeGuard[Mapping[Any, object]]:
    """`isinstance(value, Mapping)`, for data whose shape is not known yet (decoded JSON, a body).

    Values are typed `object` (check them before use); keys are not checked, so code that
    needs `str` keys checks them itself.
    """
    return isinstance(value, Mapping)


def is_array(value: object) -> TypeGuard[Union[list[object], tuple[object, ...]]]:
    """`isinstance(value, (list, tuple))`, with elements typed `object` (check them before use)."""
    return isinstance(value, (list, tuple))


def guess_content_type(filename: str) -> str:
    """The MIME type for `filename`'s extension, or `application/octet-stream`."""
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def name_of(content: object) -> Optional[str]:
    """The base name of a path, or of a file object's `.name`."""
    name: object = (
        os.fspath(cast("Union[os.PathLike[str], os.PathLike[bytes]]", content))
        if isinstance(content, os.PathLike)
        else getattr(content, "name", None)
    )
    return os.path.basename(name) if isinstance(name, str) and name else None


class FileUpload:
    """A file ready to be sent as one multipart part (what `to_file` returns)."""

    __slots__ = ("content", "content_type", "filename", "guessed_type", "headers")

    def __init__(
        self,
        content: FileContent,
        *,
        filename: Optional[str] = None,
        content_type: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.content: FileContent = content
        self.filename: str = filename or name_of(content) or "upload"
        self.content_type: str = content_type or guess_content_type(self.filename)
        self.guessed_type: bool = not content_type
        """The content type was guessed from the filename (a spec's `encoding` may replace it)."""
        self.headers: Mapping[str, str] = headers or {}

    def __repr__(self) -> str:
        kind = "path" if isinstance(self.content, os.PathLike) else type(self.content).__name__
        return f"FileUpload(filename={self.filename!r}, content_type={self.content_type!r}, content={kind})"


FileTypes = Union[
    FileContent,
    FileUpload,
    tuple[Optional[str], FileContent],
    tuple[Optional[str], FileContent, Optional[str]],
    tuple[Optional[str], FileContent, Optional[str], Mapping[str, str]],
]
"""Anything a multipart file argument accepts: content, `to_file(...)`, or a
`(filename, content[, content_type[, headers]])` tuple."""

BinaryContent = Union[FileTypes, Iterable[bytes], AsyncIterable[bytes]]
"""What a binary request body (`body=`) accepts: anything a file argument does, or an iterable
of `bytes` chunks (the async client also takes an async iterable); streamed (see `_bodies`)."""


class RequestOptions(TypedDict, total=False):
    """Per-call options built by `make_request_options` and passed to `_request`."""

    headers: Headers
    params: Query
    extra_json: Mapping[str, object]
    timeout: Union[Timeout, NotGiven]
    max_retries: int
    deadline: Optional[float]


def make_request_options(
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Mapping[str, object]] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    max_retries: Union[int, NotGiven] = NOT_GIVEN,
    deadline: Union[float, NotGiven, None] = NOT_GIVEN,
) -> RequestOptions:
    """Collect the per-call keyword arguments of a generated method into `RequestOptions`.

    Only values that were actually passed are stored, so client defaults apply otherwise.
    `timeout=None` means "no timeout" and `deadline=None` means "no deadline" for this call.
    """
    options: RequestOptions = {}
    if extra_headers is not None:
        options["headers"] = extra_headers
    if extra_query is not None:
        options["params"] = extra_query
    if extra_body is not None:
        options["extra_json"] = extra_body
    if not isinstance(timeout, NotGiven):
        options["timeout"] = timeout
    if not isinstance(max_retries, NotGiven):
        options["max_retries"] = max_retries
    if not isinstance(deadline, NotGiven):
        options["deadline"] = deadline
    return options
