"""Realtime API over WebSocket: ``client.beta.realtime.connect(model=...)``.

::

    with client.beta.realtime.connect(model="some-realtime-model") as conn:
        conn.session.update(session={"modalities": ["text"]})
        conn.conversation.item.create(item={"type": "message", "role": "user",
                                            "content": [{"type": "input_text", "text": "Hi"}]})
        conn.response.create()
        for event in conn:
            if event.type == "response.text.delta":
                print(event.delta, end="")
            elif event.type == "response.done":
                break

The async client mirrors this with ``async with`` / ``async for`` / ``await conn.send(...)``.
The URL is the client's base URL with ``http``->``ws`` / ``https``->``wss`` and ``/realtime``
appended (``?model=...`` plus ``extra_query``); the handshake carries the client's default headers
(``Authorization: Bearer <key>``, ``User-Agent``, ``default_headers``) plus ``extra_headers``.
Server events are parsed into the generated ``RealtimeServerEvent`` union; an event whose ``type``
is unknown (or that does not match its schema) arrives as ``RealtimeServerEventUnknown`` with all
its fields. ``error`` events are ordinary events unless ``raise_on_error=True``.

Needs the ``websockets`` package (the ``realtime`` extra), imported only when connecting.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
from collections.abc import AsyncIterator, Awaitable, Iterator, Mapping
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Generic,
    TypeVar,
    Union,
    cast,
)

import httpx2
import pydantic

from .._exceptions import APIConnectionError, APITimeoutError, SDKError, StreamError
from .._failures import make_status_error
from .._models import type_adapter
from .._types import NotGiven, Omit
from ._declare import helper_method
from ._generated_types import RealtimeClientEvent, RealtimeServerEvent, RealtimeServerEventUnknown
from .errors import RealtimeConnectionClosedError, RealtimeServerError

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection as AsyncWebSocket
    from websockets.sync.client import ClientConnection as WebSocket

__all__ = [
    "AsyncRealtimeConnection",
    "AsyncRealtimeConnectionManager",
    "RealtimeConnection",
    "RealtimeConnectionManager",
    "async_connect",
    "connect",
    "encode_client_event",
    "parse_server_event",
]

R = TypeVar("R")
ClientEvent = Union[RealtimeClientEvent, Mapping[str, Any]]


def parse_server_event(
    data: str | bytes, request: httpx2.Request | None = None
) -> RealtimeServerEvent:
    """Parse one server message into the generated ``RealtimeServerEvent`` union.

    Unknown event types come back as ``RealtimeServerEventUnknown`` (every field kept); so does a
    known type whose fields do not match its schema, rather than failing the connection. A message
    that is not JSON raises ``StreamError`` (``body`` holds it; ``request`` is the handshake).
    """
    try:
        payload = json.loads(data)
    except ValueError as exc:
        raise StreamError(
            f"The realtime server sent a message that is not JSON: {exc}",
            request if request is not None else httpx2.Request("GET", "ws://realtime"),
            body=data,
        ) from exc
    try:
        event: RealtimeServerEvent = type_adapter(RealtimeServerEvent).validate_python(payload)
    except pydantic.ValidationError:
        event = RealtimeServerEventUnknown.model_validate(
            payload if isinstance(payload, dict) else {"data": payload}
        )
    return event


def encode_client_event(event: ClientEvent) -> str:
    """JSON for a client event given as a dict/TypedDict or a model (unset fields left out)."""
    if isinstance(event, pydantic.BaseModel):
        data = event.model_dump(mode="json", by_alias=True, exclude_unset=True)
        data.setdefault("type", getattr(event, "type", None))
    else:
        data = {key: value for key, value in event.items() if not isinstance(value, NotGiven)}
    return json.dumps(data, ensure_ascii=False)


def _event(event_type: str, event_id: str | None, **fields: Any) -> dict[str, Any]:
    event: dict[str, Any] = {"type": event_type}
    if event_id is not None:
        event["event_id"] = event_id
    event.update((key, value) for key, value in fields.items() if value is not None)
    return event


# --- convenience senders: one event each; R is None (sync) or Awaitable[None] (async) --------------


class _Sender(Generic[R]):
    """Base of the ``conn.session``-style groups: each method builds one client event and sends it."""

    def __init__(self, send: Callable[[ClientEvent], R]) -> None:
        self._send = send


class RealtimeSessionSender(_Sender[R]):
    """``conn.session``."""

    def update(self, *, session: Mapping[str, Any], event_id: str | None = None) -> R:
        """Send ``session.update`` (only the given settings change)."""
        return self._send(_event("session.update", event_id, session=session))


class RealtimeResponseSender(_Sender[R]):
    """``conn.response``."""

    def create(
        self, *, response: Mapping[str, Any] | None = None, event_id: str | None = None
    ) -> R:
        """Send ``response.create``: ask for a response from the conversation so far."""
        return self._send(_event("response.create", event_id, response=response))

    def cancel(self, *, response_id: str | None = None, event_id: str | None = None) -> R:
        """Send ``response.cancel`` (the response in progress when ``response_id`` is omitted)."""
        return self._send(_event("response.cancel", event_id, response_id=response_id))


class RealtimeInputAudioBufferSender(_Sender[R]):
    """``conn.input_audio_buffer``."""

    def append(self, *, audio: str, event_id: str | None = None) -> R:
        """Send ``input_audio_buffer.append`` with base64-encoded ``audio``."""
        return self._send(_event("input_audio_buffer.append", event_id, audio=audio))

    def commit(self, *, event_id: str | None = None) -> R:
        """Send ``input_audio_buffer.commit``."""
        return self._send(_event("input_audio_buffer.commit", event_id))


class RealtimeConversationItemSender(_Sender[R]):
    """``conn.conversation.item``."""

    def create(
        self,
        *,
        item: Mapping[str, Any],
        previous_item_id: str | None = None,
        event_id: str | None = None,
    ) -> R:
        """Send ``conversation.item.create``."""
        return self._send(
            _event(
                "conversation.item.create", event_id, item=item, previous_item_id=previous_item_id
            )
        )


class RealtimeConversationSender(Generic[R]):
    """``conn.conversation``."""

    def __init__(self, send: Callable[[ClientEvent], R]) -> None:
        self.item: RealtimeConversationItemSender[R] = RealtimeConversationItemSender(send)


class _ConnectionBase(Generic[R]):
    """What both connections share: the event senders (``conn.session``, ...) and ``parse_event``."""

    def __init__(
        self,
        send: Callable[[ClientEvent], R],
        raise_on_error: bool,
        request: httpx2.Request | None,
    ) -> None:
        self._raise_on_error = raise_on_error
        self.request: httpx2.Request | None = request
        """The handshake request (URL and headers sent), when the connection was opened by ``connect()``."""
        self.session: RealtimeSessionSender[R] = RealtimeSessionSender(send)
        self.response: RealtimeResponseSender[R] = RealtimeResponseSender(send)
        self.input_audio_buffer: RealtimeInputAudioBufferSender[R] = RealtimeInputAudioBufferSender(
            send
        )
        self.conversation: RealtimeConversationSender[R] = RealtimeConversationSender(send)

    def parse_event(self, data: str | bytes) -> RealtimeServerEvent:
        """Parse a raw server message (raising ``RealtimeServerError`` for ``error`` when asked to)."""
        event = parse_server_event(data, self.request)
        if self._raise_on_error and event.type == "error":
            raise RealtimeServerError(event)
        return event


def _closed_error(exc: Exception) -> RealtimeConnectionClosedError:
    frame = getattr(exc, "rcvd", None) or getattr(exc, "sent", None)
    return RealtimeConnectionClosedError(
        code=getattr(frame, "code", None), reason=getattr(frame, "reason", "")
    )


class RealtimeConnection(_ConnectionBase[None]):
    """An open realtime WebSocket (sync). Iterate it for server events until the server closes."""

    def __init__(
        self,
        websocket: WebSocket,
        *,
        raise_on_error: bool = False,
        request: httpx2.Request | None = None,
    ) -> None:
        super().__init__(self.send, raise_on_error, request)
        self.websocket = websocket

    def send(self, event: ClientEvent) -> None:
        """Send a client event (dict/TypedDict or model); ``RealtimeConnectionClosedError`` once closed."""
        from websockets.exceptions import ConnectionClosed

        try:
            self.websocket.send(encode_client_event(event))
        except ConnectionClosed as exc:
            raise _closed_error(exc) from exc

    def recv(self) -> RealtimeServerEvent:
        """Wait for the next server event; raises ``RealtimeConnectionClosedError`` once closed."""
        return self.parse_event(self.recv_bytes())

    def recv_bytes(self) -> str | bytes:
        """The next raw server message."""
        from websockets.exceptions import ConnectionClosed

        try:
            return self.websocket.recv()
        except ConnectionClosed as exc:
            raise _closed_error(exc) from exc

    def __iter__(self) -> Iterator[RealtimeServerEvent]:
        from websockets.exceptions import ConnectionClosedOK

        while True:
            try:
                yield self.recv()
            except RealtimeConnectionClosedError as exc:
                if isinstance(exc.__cause__, ConnectionClosedOK):
                    return
                raise

    def close(self, *, code: int = 1000, reason: str = "") -> None:
        """Close the WebSocket."""
        self.websocket.close(code=code, reason=reason)


class AsyncRealtimeConnection(_ConnectionBase[Awaitable[None]]):
    """An open realtime WebSocket (async): ``async for event in conn``."""

    def __init__(
        self,
        websocket: AsyncWebSocket,
        *,
        raise_on_error: bool = False,
        request: httpx2.Request | None = None,
    ) -> None:
        super().__init__(self.send, raise_on_error, request)
        self.websocket = websocket

    async def send(self, event: ClientEvent) -> None:
        """Send a client event (dict/TypedDict or model); ``RealtimeConnectionClosedError`` once closed."""
        from websockets.exceptions import ConnectionClosed

        try:
            await self.websocket.send(encode_client_event(event))
        except ConnectionClosed as exc:
            raise _closed_error(exc) from exc

    async def recv(self) -> RealtimeServerEvent:
        """Wait for the next server event; raises ``RealtimeConnectionClosedError`` once closed."""
        return self.parse_event(await self.recv_bytes())

    async def recv_bytes(self) -> str | bytes:
        """The next raw server message."""
        from websockets.exceptions import ConnectionClosed

        try:
            return await self.websocket.recv()
        except ConnectionClosed as exc:
            raise _closed_error(exc) from exc

    async def __aiter__(self) -> AsyncIterator[RealtimeServerEvent]:
        from websockets.exceptions import ConnectionClosedOK

        while True:
            try:
                yield await self.recv()
            except RealtimeConnectionClosedError as exc:
                if isinstance(exc.__cause__, ConnectionClosedOK):
                    return
                raise

    async def close(self, *, code: int = 1000, reason: str = "") -> None:
        """Close the WebSocket."""
        await self.websocket.close(code=code, reason=reason)


# --- connecting ------------------------------------------------------------------------------------


class _Target:
    """URL and headers of a realtime connection, derived from the client (no I/O)."""

    def __init__(
        self,
        client: Any,
        model: str,
        extra_query: Mapping[str, object] | None,
        extra_headers: Mapping[str, str | Omit] | None,
    ) -> None:
        base = httpx2.URL(str(client.base_url))
        scheme = {"http": "ws", "https": "wss"}.get(base.scheme, base.scheme)
        params = base.params.merge(
            {"model": model, **{k: str(v) for k, v in (extra_query or {}).items()}}
        )
        self.url: str = str(
            base.copy_with(scheme=scheme, path=base.path.rstrip("/") + "/realtime", params=params)
        )
        headers = {k: v for k, v in client.default_headers.items() if k.lower() != "accept"}
        for name, value in (extra_headers or {}).items():
            headers = {k: v for k, v in headers.items() if k.lower() != name.lower()}
            if not isinstance(value, Omit):
                headers[name] = value
        self.headers: dict[str, str] = headers
        self.secrets: tuple[str, ...] = tuple(s for s in (getattr(client, "api_key", None),) if s)

    def request(self) -> httpx2.Request:
        """The handshake as an ``httpx2`` request, for the errors and ``conn.request``."""
        return httpx2.Request("GET", self.url, headers=self.headers)

    def failure(self, exc: BaseException) -> SDKError:
        """The SDK error for a failed handshake: the status error for an HTTP answer, else a
        connection error (``APITimeoutError`` when ``open_timeout`` expired)."""
        from websockets.exceptions import InvalidStatus

        request = self.request()
        if isinstance(exc, InvalidStatus):
            answer = exc.response
            response = httpx2.Response(
                answer.status_code,
                headers=list(answer.headers.raw_items()),
                content=bytes(answer.body or b""),
                request=request,
            )
            return make_status_error(response, self.secrets)
        if isinstance(exc, TimeoutError):
            return APITimeoutError(
                request,
                message="Timed out opening the realtime WebSocket; pass a larger "
                "websocket_connection_options={'open_timeout': ...}.",
            )
        reason = str(exc) or type(exc).__name__
        return APIConnectionError(
            message=f"Could not open the realtime WebSocket to {self.url}: {reason}",
            request=request,
        )


def _missing_websockets() -> SDKError:
    package = __name__.split(".")[0]
    dists = importlib.metadata.packages_distributions().get(package) or [package.replace("_", "-")]
    return SDKError(
        f"The realtime API needs the 'websockets' package: pip install '{dists[0]}[realtime]'"
    )


class RealtimeConnectionManager:
    """Returned by ``connect()``: ``with ... as conn`` opens the WebSocket and closes it on exit."""

    def __init__(self, target: _Target, options: Mapping[str, Any], raise_on_error: bool) -> None:
        self._target = target
        self._options = options
        self._raise_on_error = raise_on_error
        self._stack = contextlib.ExitStack()

    def enter(self) -> RealtimeConnection:
        """Open the connection without a ``with`` block (call ``close()`` on it yourself)."""
        try:
            from websockets.exceptions import WebSocketException
            from websockets.sync.client import connect
        except ImportError as exc:
            raise _missing_websockets() from exc
        target = self._target
        try:
            # `connect` is overloaded on options that change its return type; with the options
            # passed through as a mapping a checker cannot tell which applies.
            websocket = self._stack.enter_context(
                cast(
                    "WebSocket",
                    connect(target.url, additional_headers=target.headers, **self._options),
                )
            )
        except (OSError, TimeoutError, WebSocketException) as exc:
            raise target.failure(exc) from exc
        return RealtimeConnection(
            websocket, raise_on_error=self._raise_on_error, request=target.request()
        )

    def __enter__(self) -> RealtimeConnection:
        return self.enter()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stack.close()


class AsyncRealtimeConnectionManager:
    """Returned by the async ``connect()``: ``async with ... as conn``."""

    def __init__(self, target: _Target, options: Mapping[str, Any], raise_on_error: bool) -> None:
        self._target = target
        self._options = options
        self._raise_on_error = raise_on_error
        self._stack = contextlib.AsyncExitStack()

    async def enter(self) -> AsyncRealtimeConnection:
        """Open the connection without ``async with`` (``await conn.close()`` yourself)."""
        try:
            from websockets.asyncio.client import connect
            from websockets.exceptions import WebSocketException
        except ImportError as exc:
            raise _missing_websockets() from exc
        target = self._target
        try:
            websocket = await self._stack.enter_async_context(
                connect(target.url, additional_headers=target.headers, **self._options)
            )
        except (OSError, TimeoutError, WebSocketException) as exc:
            raise target.failure(exc) from exc
        return AsyncRealtimeConnection(
            websocket, raise_on_error=self._raise_on_error, request=target.request()
        )

    async def __aenter__(self) -> AsyncRealtimeConnection:
        return await self.enter()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._stack.aclose()


@helper_method()
def connect(
    resource: Any,
    *,
    model: str,
    extra_query: Mapping[str, object] | None = None,
    extra_headers: Mapping[str, str | Omit] | None = None,
    websocket_connection_options: Mapping[str, Any] | None = None,
    raise_on_error: bool = False,
) -> RealtimeConnectionManager:
    """Prepare a realtime WebSocket connection; open it with a `with` block.

    The URL is the client's base URL with `http`->`ws` / `https`->`wss` and `/realtime?model=...`
    appended; the handshake carries the client's headers (`Authorization`, `User-Agent`,
    `default_headers`). Iterating the connection gives typed server events; `conn.send(...)`
    and `conn.session.update(...)`-style senders send client events. Needs the `websockets`
    package (the `realtime` extra).

    Args:
      model: The realtime model to talk to.
      extra_query: More query parameters for the WebSocket URL.
      extra_headers: More handshake headers (`omit` removes a default one).
      websocket_connection_options: Passed to `websockets`' `connect` (e.g. `open_timeout`,
          `max_size`).
      raise_on_error: Raise `RealtimeServerError` on `error` events instead of yielding them.
    """
    target = _Target(resource._client, model, extra_query, extra_headers)
    return RealtimeConnectionManager(target, websocket_connection_options or {}, raise_on_error)


@helper_method()
def async_connect(
    resource: Any,
    *,
    model: str,
    extra_query: Mapping[str, object] | None = None,
    extra_headers: Mapping[str, str | Omit] | None = None,
    websocket_connection_options: Mapping[str, Any] | None = None,
    raise_on_error: bool = False,
) -> AsyncRealtimeConnectionManager:
    """``connect()`` for the async client: open the connection with ``async with``."""
    target = _Target(resource._client, model, extra_query, extra_headers)
    return AsyncRealtimeConnectionManager(
        target, websocket_connection_options or {}, raise_on_error
    )
