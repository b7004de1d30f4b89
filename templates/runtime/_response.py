"""Turning HTTP responses into return values, and the raw / streamed response wrappers.

`process_response` parses a read body into the type a method returns (models are validated,
`_request_id` is set on the top-level object, pages learn how to fetch the next page).

`resource.with_raw_response.method(...)` returns an `APIResponse[T]` whose body was read
eagerly; `resource.with_streaming_response.method(...)` returns a context manager yielding an
`APIResponse[T]` whose body is read lazily (within the call's deadline, see `_deadline`) and
closed on exit. The wrappers mark the call with a private header that the client strips
before sending (it never reaches the wire).
Binary endpoints return a `BinaryAPIResponse` (`.content`, `.text`, `.write_to_file(path)`,
`.iter_bytes()`); their async twins are `AsyncAPIResponse` / `AsyncBinaryAPIResponse`.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import typing
from collections.abc import AsyncIterator, Awaitable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar, cast

import httpx2
import pydantic
from typing_extensions import ParamSpec, TypeGuard

from ._core import RESPONSE_MODE_HEADER, FinalRequestOptions
from ._exceptions import request_id_of
from ._failures import make_validation_error
from ._models import BaseModel, parse_lenient, set_request_id, validate_json
from ._pagination import BasePage

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncBinaryAPIResponse",
    "AsyncResponseContextManager",
    "BinaryAPIResponse",
    "ResponseContextManager",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
]

P = ParamSpec("P")
R = TypeVar("R")
_UNSET: Any = object()


def parse_body(cast_to: Any, response: httpx2.Response, *, strict: bool = False) -> Any:
    """Parse a response whose body has been read into `cast_to` (JSON is parsed by content).

    Leading whitespace (DeepSeek's keep-alive blank lines) is fine. A body that is not JSON
    raises `APIResponseValidationError` with the body attached; so does JSON that does not
    match `cast_to` when `strict` (read exactly as the spec says: `_models.validate_json`),
    else it is built without validation (`construct_lenient`).
    """
    if cast_to is httpx2.Response:
        return response
    if cast_to is None or cast_to is type(None):
        return None
    if cast_to is bytes:
        return response.content
    if cast_to is str:
        return response.text
    if _is_binary(cast_to):
        return cast_to(response)
    if not response.content and (response.status_code == 204 or _admits_none(cast_to)):
        return None  # no content, which the spec allows (or says with 204)
    try:
        if cast_to is object or cast_to is dict or cast_to is Any:
            result: Any = json.loads(response.content)
        else:
            result = validate_json(cast_to, response.content, strict=strict)
    except pydantic.ValidationError as exc:
        if strict or _is_invalid_json(exc):
            raise make_validation_error(response, cast_to, exc) from None
        result = parse_lenient(cast_to, json.loads(response.content), exc)
    except ValueError as exc:
        raise make_validation_error(response, cast_to, exc) from None
    if isinstance(result, BaseModel):
        set_request_id(result, request_id_of(response.headers))
    return result


def _admits_none(cast_to: object) -> bool:
    """Whether `cast_to` is `Optional[...]` (the operation has a success without content)."""
    return type(None) in typing.get_args(cast_to)


def _is_invalid_json(exc: pydantic.ValidationError) -> bool:
    return any(error["type"] == "json_invalid" for error in exc.errors())


def _is_binary(
    cast_to: object,
) -> TypeGuard[type[BinaryAPIResponse] | type[AsyncBinaryAPIResponse]]:
    return isinstance(cast_to, type) and issubclass(
        cast_to, (BinaryAPIResponse, AsyncBinaryAPIResponse)
    )


def process_response(
    cast_to: Any, response: httpx2.Response, client: BaseClient[Any], options: FinalRequestOptions
) -> Any:
    """`parse_body`, then give pages what they need to fetch the next page."""
    # The runtime's modules share the client's and the page's private hooks.
    strict: bool = client._strict_response_validation  # pyright: ignore[reportPrivateUsage]
    result = parse_body(cast_to, response, strict=strict)
    page = _page_of(result)
    if page is not None:
        page._set_context(client, options, response.url)  # pyright: ignore[reportPrivateUsage]
    return result


def _page_of(value: object) -> BasePage[object] | None:
    return cast("BasePage[object]", value) if isinstance(value, BasePage) else None


class _ResponseMetadata:
    """Properties shared by every response wrapper."""

    http_response: httpx2.Response

    @property
    def headers(self) -> httpx2.Headers:
        return self.http_response.headers

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> httpx2.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def http_request(self) -> httpx2.Request:
        return self.http_response.request

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def request_id(self) -> str | None:
        """`x-request-id` (or `x-ds-trace-id`) of the response."""
        return request_id_of(self.http_response.headers)

    @property
    def elapsed(self) -> datetime.timedelta:
        """Time from sending the request to finishing reading the body (after read/close)."""
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed


class _APIResponseBase(_ResponseMetadata, Generic[R]):
    def __init__(
        self,
        *,
        http_response: httpx2.Response,
        cast_to: Any,
        client: Any,
        options: FinalRequestOptions,
        retries_taken: int,
        stream_cls: Any = None,
        deadline: float | None = None,
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries_taken
        """How many retries the call needed before this response (0 = first attempt)."""
        self._cast_to = cast_to
        self._client = client
        self._options = options
        self._stream_cls = stream_cls
        self._deadline = deadline
        self._parsed: Any = _UNSET

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url}>"


class APIResponse(_APIResponseBase[R]):
    """A raw HTTP response plus `parse()` into what the method would have returned."""

    _client: SyncAPIClient

    def parse(self) -> R:
        """The parsed body (a model, a page, or the `Stream` of a `stream=True` call); cached."""
        if self._parsed is _UNSET:
            if self._stream_cls is not None:  # the client's stream hook is runtime-private
                self._parsed = self._client._make_stream(  # pyright: ignore[reportPrivateUsage]
                    self._stream_cls, self.http_response, self._deadline
                )
            elif _is_binary(self._cast_to):  # streamed binary bodies stay unread until used
                self._parsed = self._cast_to(self.http_response)
            else:
                self.read()
                self._parsed = process_response(
                    self._cast_to, self.http_response, self._client, self._options
                )
        return cast(R, self._parsed)

    def read(self) -> bytes:
        """The whole body (read now if it was not yet)."""
        return self.http_response.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> Any:
        return json.loads(self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    def close(self) -> None:
        """Release the connection (needed only if the body was not fully read)."""
        self.http_response.close()


class AsyncAPIResponse(_APIResponseBase[R]):
    """Async twin of `APIResponse`: `await parse()`, `await read()`, `async for ... in iter_bytes()`."""

    _client: AsyncAPIClient

    async def parse(self) -> R:
        if self._parsed is _UNSET:
            if self._stream_cls is not None:  # the client's stream hook is runtime-private
                self._parsed = self._client._make_stream(  # pyright: ignore[reportPrivateUsage]
                    self._stream_cls, self.http_response, self._deadline
                )
            elif _is_binary(self._cast_to):
                self._parsed = self._cast_to(self.http_response)
            else:
                await self.read()
                self._parsed = process_response(
                    self._cast_to, self.http_response, self._client, self._options
                )
        return cast(R, self._parsed)

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> Any:
        return json.loads(await self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return self.http_response.aiter_text(chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        return self.http_response.aiter_lines()

    async def close(self) -> None:
        await self.http_response.aclose()


class BinaryAPIResponse(_ResponseMetadata):
    """A binary body (e.g. file content): `.content`, `.text`, `.write_to_file(path)`."""

    def __init__(self, response: httpx2.Response) -> None:
        self.http_response = response

    @property
    def response(self) -> httpx2.Response:
        return self.http_response

    @property
    def content(self) -> bytes:
        return self.read()

    @property
    def text(self) -> str:
        self.read()
        return self.http_response.text

    def read(self) -> bytes:
        """The whole body (read from the network the first time)."""
        return self.http_response.read()

    def json(self) -> Any:
        """The body decoded as JSON."""
        return json.loads(self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks, streamed from the network when it was not read yet."""
        return self.http_response.iter_bytes(chunk_size)

    def write_to_file(self, file: str | os.PathLike[str], chunk_size: int = 64 * 1024) -> None:
        """Write the body to `file` chunk by chunk (never holding a streamed body in memory)."""
        with open(file, "wb") as out:
            for chunk in self.http_response.iter_bytes(chunk_size):
                out.write(chunk)

    def close(self) -> None:
        """Release the connection (a body not read yet is discarded)."""
        self.http_response.close()

    def __enter__(self) -> BinaryAPIResponse:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncBinaryAPIResponse(_ResponseMetadata):
    """Async twin of `BinaryAPIResponse`: `await read()`, `await write_to_file(path)`."""

    def __init__(self, response: httpx2.Response) -> None:
        self.http_response = response

    @property
    def response(self) -> httpx2.Response:
        return self.http_response

    @property
    def content(self) -> bytes:
        """The body; available once read (always true except inside `with_streaming_response`)."""
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    async def read(self) -> bytes:
        """The whole body (read from the network the first time)."""
        return await self.http_response.aread()

    async def json(self) -> Any:
        """The body decoded as JSON."""
        return json.loads(await self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    aiter_bytes = iter_bytes
    """httpx-style name for `iter_bytes`."""

    async def write_to_file(
        self, file: str | os.PathLike[str], chunk_size: int = 64 * 1024
    ) -> None:
        """Write the body to `file` chunk by chunk (file writes are small blocking calls)."""
        with open(file, "wb") as out:
            async for chunk in self.http_response.aiter_bytes(chunk_size):
                out.write(chunk)

    async def close(self) -> None:
        """Release the connection (a body not read yet is discarded)."""
        await self.http_response.aclose()

    async def __aenter__(self) -> AsyncBinaryAPIResponse:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


_RespT = TypeVar("_RespT", bound="APIResponse[Any]")
_AsyncRespT = TypeVar("_AsyncRespT", bound="AsyncAPIResponse[Any]")


class ResponseContextManager(Generic[_RespT]):
    """Sends the request on `__enter__`, closes the response on `__exit__`."""

    def __init__(self, request_func: Callable[[], _RespT]) -> None:
        self._request_func = request_func
        self._response: _RespT | None = None

    def __enter__(self) -> _RespT:
        self._response = self._request_func()
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[_AsyncRespT]):
    """Async twin of `ResponseContextManager` (`async with`)."""

    def __init__(self, request_func: Callable[[], Awaitable[_AsyncRespT]]) -> None:
        self._request_func = request_func
        self._response: _AsyncRespT | None = None

    async def __aenter__(self) -> _AsyncRespT:
        self._response = await self._request_func()
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def _set_mode(kwargs: dict[str, Any], mode: str) -> None:
    kwargs["extra_headers"] = {**(kwargs.get("extra_headers") or {}), RESPONSE_MODE_HEADER: mode}


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """Make `func` return an `APIResponse` (headers, status, `.parse()`) instead of the parsed body."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        _set_mode(kwargs, "raw")
        return cast("APIResponse[R]", func(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[AsyncAPIResponse[R]]]:
    """Async twin of `to_raw_response_wrapper`."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncAPIResponse[R]:
        _set_mode(kwargs, "raw")
        return cast("AsyncAPIResponse[R]", await func(*args, **kwargs))

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[P, R],
) -> Callable[P, ResponseContextManager[APIResponse[R]]]:
    """Make `func` return a context manager yielding an `APIResponse` whose body is read lazily."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[APIResponse[R]]:
        _set_mode(kwargs, "stream")
        return ResponseContextManager(
            cast("Callable[[], APIResponse[R]]", lambda: func(*args, **kwargs))
        )

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncResponseContextManager[AsyncAPIResponse[R]]]:
    """Async twin of `to_streamed_response_wrapper` (`async with`)."""

    @functools.wraps(func)
    def wrapped(
        *args: P.args, **kwargs: P.kwargs
    ) -> AsyncResponseContextManager[AsyncAPIResponse[R]]:
        _set_mode(kwargs, "stream")
        return AsyncResponseContextManager(
            cast("Callable[[], Awaitable[AsyncAPIResponse[R]]]", lambda: func(*args, **kwargs))
        )

    return wrapped
