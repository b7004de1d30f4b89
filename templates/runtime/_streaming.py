"""Typed iteration over `text/event-stream` responses: `Stream[T]` and `AsyncStream[T]`.

The base client builds a stream as
`stream_cls(cast_to=Chunk, response=<httpx2.Response opened with stream=True>, client=client)`
where `stream_cls` is e.g. `Stream[Chunk]`; `extract_stream_chunk_type(stream_cls)` returns
`Chunk`. All event handling (`[DONE]`, error payloads, JSON decoding, validation) lives in
`_ChunkDecoder`, which does no I/O; the two classes below only differ in how they read bytes.

Connection release: after `data: [DONE]` the rest of the body (normally just the chunked-encoding
terminator) is drained, up to `_DRAIN_LIMIT` bytes, so the connection goes back to the pool
instead of being closed with unread bytes (which resets it). Past the limit, on a transport error
or when the caller stops early (`break` + `close()`, leaving `with`), the response is closed.

Timeouts while iterating become `APITimeoutError`, other transport failures `APIConnectionError`.
Two optional limits: `client._idle_timeout` (seconds without any byte, keep-alive comments
included) and the `deadline=` constructor argument (the call's absolute deadline on the
`client._clock()` timeline, `time.monotonic()` when the client has no clock). Sync streams lower
the body's read timeout to the idle timeout before the first read and check the deadline after
every chunk (the sync base client also cuts the socket at the deadline; a transport error after
the deadline is reported as the deadline); async streams put each read under `asyncio.wait_for`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Generator,
    Hashable,
    Iterator,
    Sequence,
)
from functools import lru_cache, partial
from types import TracebackType
from typing import Any, Callable, Generic, TypeVar, cast, get_args, get_origin

import httpx2
import pydantic
from pydantic import Json

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    StreamConsumedError,
    StreamError,
    request_id_of,
)
from ._models import parse_lenient, type_adapter, validate_json
from ._sse import DataRun, ServerSentEvent, SSEDecodeError, SSEDecoder
from ._types import is_mapping

__all__ = ["AsyncStream", "Stream", "extract_stream_chunk_type"]

_T = TypeVar("_T")

_DRAIN_LIMIT = 64 * 1024
_EXCERPT_CHARS = 200
_DEFAULT_ERROR_MESSAGE = "An error occurred during streaming"
_NOTHING: list[Any] = []


def extract_stream_chunk_type(stream_cls: object) -> Any:
    """Return `Chunk` for `Stream[Chunk]`, `AsyncStream[Chunk]` or a subclass of either."""
    if get_origin(stream_cls) in (Stream, AsyncStream):
        return get_args(stream_cls)[0]
    for klass in getattr(stream_cls, "__mro__", ()):
        for base in getattr(klass, "__orig_bases__", ()):
            if get_origin(base) in (Stream, AsyncStream):
                return get_args(base)[0]
    raise TypeError(f"expected Stream[Chunk] or AsyncStream[Chunk], got {stream_cls!r}")


def _json_validator(cast_to: Any, strict: bool = False) -> Callable[[str], Any]:
    """`Chunk.model_validate_json` for a model, else a cached `TypeAdapter`'s `validate_json`;
    `strict`: the spec read exactly (`_models.validate_json`)."""
    if strict:
        return partial(validate_json, cast_to, strict=True)
    validate = getattr(cast_to, "model_validate_json", None)
    if callable(validate):
        return validate  # type: ignore[no-any-return]
    return type_adapter(cast_to).validate_json


@lru_cache(maxsize=256)
def _json_list_validator(cast_to: Any) -> Callable[..., list[Any]]:
    """Validates a list of JSON texts, each into `cast_to`, with one pydantic call
    (`strict=True`: pydantic's strict mode, as `_json_validator(cast_to, strict=True)`).

    Each text is parsed on its own (`Json[cast_to]`), exactly like `_json_validator` does.
    """
    item: Any = cast(Any, Json)[cast_to]
    return pydantic.TypeAdapter(cast(Any, list)[item]).validate_python


def _excerpt(text: str) -> str:
    return repr(text[:_EXCERPT_CHARS]) + ("..." if len(text) > _EXCERPT_CHARS else "")


class _ChunkDecoder(Generic[_T]):
    """Bytes in, typed chunks out: SSE decoding, `[DONE]`, errors, validation. No I/O.

    `feed`/`finish` return the chunks completed so far and set `done` when the stream should
    end: at `[DONE]`, or at an error, which is then in `error` for the caller to raise once it
    has yielded the chunks that came before it.

    Hot path: a run of plain `data: {...}` events (`DataRun`) is validated with one pydantic
    call for the whole run. A run mentioning `"error"` or holding anything that does not
    validate goes event by event instead, which finds error payloads, `[DONE]`, keep-alive
    events and the exact event (and line) that is wrong.
    """

    def __init__(
        self, cast_to: type[_T], response: httpx2.Response, *, strict: bool = False
    ) -> None:
        self._sse = SSEDecoder()
        self._cast_to = cast_to
        self._strict = strict
        self._validate: Callable[[str], _T] = _json_validator(cast_to, strict)
        validate_many = _json_list_validator(cast(Hashable, cast_to))
        self._validate_many: Callable[[list[str]], list[_T]] = (
            partial(validate_many, strict=True) if strict else validate_many
        )
        self._response = response
        self.done = False  # `[DONE]` or an error seen; later events are ignored
        self.error: APIError | None = None

    def feed(self, chunk: bytes) -> list[_T]:
        try:
            items = self._sse.feed_runs(chunk)
        except SSEDecodeError as exc:
            raise self._stream_error(str(exc), exc.line) from exc
        return self._convert(items) if items else _NOTHING

    def finish(self) -> list[_T]:
        try:
            events = self._sse.flush()
        except SSEDecodeError as exc:
            raise self._stream_error(str(exc), exc.line) from exc
        return self._convert(events) if events else _NOTHING

    def _convert(self, items: Sequence[ServerSentEvent | DataRun]) -> list[_T]:
        out: list[_T] = []
        try:
            for item in items:
                if isinstance(item, DataRun):
                    self._convert_run(item, out)
                else:
                    self._convert_event(item, out)
                if self.done:
                    break
        except APIError as exc:
            self.error = exc
            self.done = True
        return out

    def _convert_run(self, run: DataRun, out: list[_T]) -> None:
        values = run.values
        if '"error"' not in run.text:  # error payloads need the per-event checks
            count = len(values)
            if values[-1].startswith("[DONE]"):  # the usual end of a stream
                count -= 1
            try:
                out.extend(self._validate_many(values if count == len(values) else values[:count]))
            except pydantic.ValidationError:
                pass  # something is not a chunk: the per-event path says which and why
            else:
                self.done = count < len(values)
                return
        for event in run.events():
            self._convert_event(event, out)
            if self.done:
                return

    def _convert_event(self, event: ServerSentEvent, out: list[_T]) -> None:
        data = event.data
        if event.event == "error":
            raise self._error_event(event)
        if not data.startswith("{"):
            if not data or data.isspace():
                return  # keep-alive style events (`event: ping`, a lone `retry:`)
            if data.startswith("[DONE]"):
                self.done = True
                return
        if '"error"' in data:  # cheap pre-check; the full check needs the decoded object
            self._check_error_payload(event)
        try:
            out.append(self._validate(data))
        except pydantic.ValidationError as exc:
            if self._strict or exc.errors()[0]["type"] == "json_invalid":
                raise self._invalid(event, exc) from exc
            out.append(parse_lenient(self._cast_to, self._loads(event), exc))

    def _check_error_payload(self, event: ServerSentEvent) -> None:
        payload = self._loads(event)
        if is_mapping(payload) and payload.get("error"):
            raise self._api_error(payload["error"])

    def _invalid(self, event: ServerSentEvent, exc: pydantic.ValidationError) -> APIError:
        """Malformed JSON (`StreamError`) or JSON of the wrong shape (`APIResponseValidationError`)."""
        if exc.error_count() == 1 and exc.errors()[0]["type"] == "json_invalid":
            return self._malformed(event)
        return APIResponseValidationError(
            response=self._response,
            body=event.data,
            message=(
                f"server-sent event at line {event.line} does not match the expected "
                f"type: {exc.error_count()} error(s), first: {exc.errors()[0]['msg']}; "
                f"data: {_excerpt(event.data)}"
            ),
        )

    def _loads(self, event: ServerSentEvent) -> object:
        try:
            return json.loads(event.data)
        except ValueError as exc:
            raise self._malformed(event) from exc

    def _malformed(self, event: ServerSentEvent) -> StreamError:
        return self._stream_error(
            f"malformed JSON in server-sent event at line {event.line}: {_excerpt(event.data)}",
            event.data,
        )

    def _stream_error(self, message: str, body: object) -> StreamError:
        return StreamError(message, self._response.request, body=body, response=self._response)

    def _error_event(self, event: ServerSentEvent) -> APIError:
        try:
            payload: object = json.loads(event.data)
        except ValueError:
            payload = event.data
        if is_mapping(payload) and "error" in payload:
            payload = payload["error"]
        return self._api_error(payload)

    def _api_error(self, error: object) -> APIError:
        message: object = error.get("message") if is_mapping(error) else error
        if not isinstance(message, str) or not message:
            message = _DEFAULT_ERROR_MESSAGE
        return APIError(message, self._response.request, body=error, response=self._response)


class _StreamBase(Generic[_T]):
    """What both shells share: construction, limits, error mapping, response metadata."""

    response: httpx2.Response

    def __init__(
        self,
        *,
        cast_to: type[_T],
        response: httpx2.Response,
        client: object = None,
        deadline: float | None = None,
    ) -> None:
        self.response = response
        strict = getattr(client, "_strict_response_validation", False) is True
        self._decoder: _ChunkDecoder[_T] = _ChunkDecoder(cast_to, response, strict=strict)
        idle = getattr(client, "_idle_timeout", None)
        self._idle_timeout: float | None = idle if isinstance(idle, (int, float)) else None
        self._deadline = deadline
        clock = getattr(client, "_clock", None)
        self._clock: Callable[[], float] = (
            cast(Callable[[], float], clock) if callable(clock) else time.monotonic
        )
        self._finished = False  # ran to the end, failed, or was closed

    @property
    def request_id(self) -> str | None:
        """The server's request id (`x-request-id`, else DeepSeek's `x-ds-trace-id`)."""
        return request_id_of(self.response.headers)

    @property
    def _request_id(self) -> str | None:
        return self.request_id

    def _deadline_passed(self) -> bool:
        return self._deadline is not None and self._clock() >= self._deadline

    def _deadline_error(self) -> APITimeoutError:
        return APITimeoutError(
            self.response.request,
            message="Request deadline exceeded while reading the event stream. "
            "Pass a larger `deadline=` (or None to disable it) to the client or the call.",
        )

    def _idle_error(self) -> APITimeoutError:
        return APITimeoutError(
            self.response.request,
            message=f"No data (not even a keep-alive) for {self._idle_timeout:g} s: the event "
            "stream's idle timeout expired. Set `stream_idle_timeout=` on the client to change it.",
        )

    def _transport_error(self, exc: Exception, *, expired: str | None) -> APIConnectionError:
        """The SDK error for `exc`, raised while reading the body; `expired`: "idle"/"deadline"."""
        if expired == "deadline" or self._deadline_passed():
            return self._deadline_error()  # includes the sync watchdog cutting the socket
        if expired == "idle":
            return self._idle_error()
        if isinstance(exc, (httpx2.TimeoutException, asyncio.TimeoutError)):
            return APITimeoutError(self.response.request)
        return APIConnectionError(
            message=str(exc) or "Connection error.", request=self.response.request
        )

    def _consumed_error(self) -> StreamConsumedError:
        return StreamConsumedError(
            f"this {type(self).__name__} has already been consumed or closed; "
            "a stream can be iterated only once"
        )


class Stream(_StreamBase[_T]):
    """A synchronous stream of `_T` chunks. Iterate once; `close()` or `with` releases it."""

    def __init__(
        self,
        *,
        cast_to: type[_T],
        response: httpx2.Response,
        client: object = None,
        deadline: float | None = None,
    ) -> None:
        super().__init__(cast_to=cast_to, response=response, client=client, deadline=deadline)
        self._idle_capped = self._cap_read_timeout()
        self._iterator = self._iter_chunks()

    def _cap_read_timeout(self) -> bool:
        """Lower the body's read timeout to the idle timeout; True if it was lowered.

        httpx2's transports read the request's `timeout` extension when the body read starts, so
        this bounds every body read (the gap between two bytes) by the idle timeout.
        """
        timeouts: dict[str, float | None] | None = self.response.request.extensions.get("timeout")
        idle = self._idle_timeout
        if idle is None or not isinstance(timeouts, dict):
            return False
        read = timeouts.get("read")
        if read is not None and read <= idle:
            return False
        timeouts["read"] = idle
        return True

    def __iter__(self) -> Iterator[_T]:
        if self._finished:
            raise self._consumed_error()
        return self._iterator

    def __next__(self) -> _T:
        return self._iterator.__next__()

    def _iter_chunks(self) -> Generator[_T, None, None]:
        decoder = self._decoder
        has_deadline = self._deadline is not None
        raw = self.response.iter_bytes()
        try:
            for chunk in raw:
                if has_deadline and self._deadline_passed():
                    raise self._deadline_error()  # keep-alives forever never trip a read timeout
                items = decoder.feed(chunk)
                if items:
                    yield from items
                if decoder.done:
                    if decoder.error is not None:
                        raise decoder.error
                    self._drain(raw)
                    return
            yield from decoder.finish()
            if decoder.error is not None:
                raise decoder.error
        except httpx2.RequestError as exc:
            idle = self._idle_capped and isinstance(exc, httpx2.TimeoutException)
            raise self._transport_error(exc, expired="idle" if idle else None) from exc
        finally:
            self._finished = True
            self.response.close()

    def _drain(self, raw: Iterator[bytes]) -> None:
        budget = _DRAIN_LIMIT
        try:
            for chunk in raw:
                budget -= len(chunk)
                if budget < 0:
                    return
        except httpx2.HTTPError:
            return  # the caller has everything; `finally` closes the response

    def close(self) -> None:
        """Release the connection now; iteration ends. Safe to call more than once."""
        self._finished = True
        self._iterator.close()
        self.response.close()

    def __enter__(self) -> Stream[_T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(_StreamBase[_T]):
    """An asynchronous stream of `_T` chunks. Iterate once; `await close()` or `async with`."""

    def __init__(
        self,
        *,
        cast_to: type[_T],
        response: httpx2.Response,
        client: object = None,
        deadline: float | None = None,
    ) -> None:
        super().__init__(cast_to=cast_to, response=response, client=client, deadline=deadline)
        self._iterator = self._iter_chunks()

    def __aiter__(self) -> AsyncIterator[_T]:
        if self._finished:
            raise self._consumed_error()
        return self._iterator

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def _iter_chunks(self) -> AsyncGenerator[_T, None]:
        decoder = self._decoder
        raw = self.response.aiter_bytes()
        source: AsyncIterator[bytes] = raw
        if self._idle_timeout is not None or self._deadline is not None:
            source = _TimedReads(raw, self._idle_timeout, self._deadline, self._clock)
        try:
            async for chunk in source:
                for item in decoder.feed(chunk):
                    yield item
                if decoder.done:
                    if decoder.error is not None:
                        raise decoder.error
                    await self._drain(source)
                    return
            for item in decoder.finish():
                yield item
            if decoder.error is not None:
                raise decoder.error
        except (httpx2.RequestError, asyncio.TimeoutError) as exc:
            expired = source.expired if isinstance(source, _TimedReads) else None
            raise self._transport_error(exc, expired=expired) from exc
        finally:
            self._finished = True
            await self.response.aclose()

    async def _drain(self, source: AsyncIterator[bytes]) -> None:
        budget = _DRAIN_LIMIT
        try:
            async for chunk in source:
                budget -= len(chunk)
                if budget < 0:
                    return
        except (httpx2.HTTPError, asyncio.TimeoutError):
            return  # the caller has everything; `finally` closes the response

    async def close(self) -> None:
        """Release the connection now; iteration ends. Safe to call more than once."""
        self._finished = True
        # RuntimeError: another task is inside the generator; closing the response stops it.
        with contextlib.suppress(RuntimeError):
            await self._iterator.aclose()
        await self.response.aclose()

    async def __aenter__(self) -> AsyncStream[_T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        await self.close()


class _TimedReads:
    """Async byte iterator whose reads end at the idle timeout or the deadline, if sooner."""

    __slots__ = ("_clock", "_deadline", "_idle", "_raw", "expired")

    def __init__(
        self,
        raw: AsyncIterator[bytes],
        idle: float | None,
        deadline: float | None,
        clock: Callable[[], float],
    ) -> None:
        self._raw = raw
        self._idle = idle
        self._deadline = deadline
        self._clock = clock
        self.expired: str | None = None  # which limit ended the last read: "idle"/"deadline"

    def __aiter__(self) -> _TimedReads:
        return self

    async def __anext__(self) -> bytes:
        limit, reason = self._idle, "idle"
        if self._deadline is not None:
            remaining = self._deadline - self._clock()
            if limit is None or remaining < limit:
                limit, reason = remaining, "deadline"
        try:
            if limit is not None and limit <= 0:
                raise asyncio.TimeoutError
            return await asyncio.wait_for(self._raw.__anext__(), limit)
        except asyncio.TimeoutError:
            self.expired = reason
            raise
