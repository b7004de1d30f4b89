"""A scripted HTTP/1.1 server on 127.0.0.1 for runtime, streaming and soak tests.

The server runs an asyncio loop in its own daemon thread, so the same object serves sync tests
and async tests (whose loop stays free). Each request is answered by the next queued `Action`,
or, when the queue is empty, by the handler function; a `FaultPlan` may replace the answer with
an injected fault. Every request is recorded, connections are counted, and the server stops by
itself after `max_duration` seconds or refuses requests past `max_requests`.

`drain_requests()` hands over and forgets the requests recorded so far (long soak runs use
it to keep memory flat); counts, fault picks and `fault_summary()` still cover every request.
`ssl=` serves HTTPS with the given server context (`url` then starts with `https://`).

Misuse (no response scripted, handler exception, queued actions never used, bad requests) is
collected in `errors`; leaving the `with` block raises `ScriptedServerError` if there are any
(unless `strict=False` or the block already raised).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import ssl as _ssl
import struct
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import Any, TypeAlias
from urllib.parse import parse_qs

from .actions import Action, Disconnect, Json, PartialBody, Pause, Raw, Stream
from .faults import FaultKind, FaultPlan

_MAX_LINE = 64 * 1024
_MAX_HEADERS = 200


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server received it."""

    index: int
    connection_id: int
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fault: FaultKind | None = None

    @property
    def path(self) -> str:
        """The target without its query string."""
        return self.target.partition("?")[0]

    @property
    def query(self) -> dict[str, list[str]]:
        """Decoded query parameters (each name maps to all its values)."""
        return parse_qs(self.target.partition("?")[2], keep_blank_values=True)

    def header(self, name: str) -> str | None:
        """The first value of a header (case-insensitive), or None."""
        values = self.header_values(name)
        return values[0] if values else None

    def header_values(self, name: str) -> list[str]:
        """All values of a header (case-insensitive), in order."""
        wanted = name.lower()
        return [value for key, value in self.headers if key.lower() == wanted]

    def json(self) -> Any:
        """The body decoded as JSON."""
        return json.loads(self.body)


Handler: TypeAlias = Callable[[RecordedRequest], Action]


class ScriptedServerError(AssertionError):
    """The script and the traffic did not match (see the message for every problem)."""


class _BadRequest(Exception):
    """The client sent something that is not HTTP/1.1 this server understands."""


class ScriptedServer:
    """See the module docstring. Use as a context manager (or `start()`/`stop()`)."""

    def __init__(
        self,
        script: Iterable[Action] | Handler = (),
        *,
        faults: FaultPlan | None = None,
        max_requests: int = 1000,
        max_duration: float = 60.0,
        strict: bool = True,
        ssl: _ssl.SSLContext | None = None,
    ) -> None:
        self.handler: Handler | None = script if callable(script) else None
        self._queue: deque[Action] = deque(() if callable(script) else script)
        self.faults = faults
        self.max_requests = max_requests
        self.max_duration = max_duration
        self.strict = strict
        self._ssl = ssl
        self._cond = threading.Condition()
        self._requests: list[RecordedRequest] = []
        self._received = 0  # requests ever received (drained ones included)
        self._fault_counts: Counter[str] = Counter()
        self._errors: list[str] = []
        self._opened = 0
        self._closed = 0
        self._port = 0
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_event: asyncio.Event | None = None
        self._startup_error: BaseException | None = None

    # ----------------------------------------------------------------- public API

    @property
    def url(self) -> str:
        """Base URL, e.g. `http://127.0.0.1:41234`."""
        if not self._port:
            raise RuntimeError("server not started")
        scheme = "https" if self._ssl is not None else "http"
        return f"{scheme}://127.0.0.1:{self._port}"

    def enqueue(self, *actions: Action) -> None:
        """Append answers for the next requests (used before the handler)."""
        with self._cond:
            self._queue.extend(actions)

    @property
    def requests(self) -> tuple[RecordedRequest, ...]:
        """Every request received so far, in arrival order."""
        with self._cond:
            return tuple(self._requests)

    @property
    def request_count(self) -> int:
        """Requests received so far, drained ones included."""
        with self._cond:
            return self._received

    def drain_requests(self) -> list[RecordedRequest]:
        """The requests recorded since the last drain, which the server then forgets."""
        with self._cond:
            drained, self._requests = self._requests, []
            return drained

    @property
    def errors(self) -> tuple[str, ...]:
        """Problems seen so far (see the module docstring)."""
        with self._cond:
            return tuple(self._errors)

    @property
    def connections_opened(self) -> int:
        """Connections accepted so far."""
        with self._cond:
            return self._opened

    @property
    def connections_closed(self) -> int:
        """Connections finished so far (by either side)."""
        with self._cond:
            return self._closed

    @property
    def open_connections(self) -> int:
        """Connections currently open."""
        with self._cond:
            return self._opened - self._closed

    def fault_summary(self) -> dict[str, int]:
        """How many requests got each injected fault kind."""
        with self._cond:
            return dict(self._fault_counts)

    def wait_until_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no connection is open (the server sees client hang-ups asynchronously).
        Returns False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._opened == self._closed, timeout)

    async def wait_until_idle_async(self, timeout: float = 5.0) -> bool:
        """`wait_until_idle` for async tests (does not block their loop)."""
        return await asyncio.to_thread(self.wait_until_idle, timeout)

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> bool:
        """Wait until at least `count` requests arrived. Returns False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._received >= count, timeout)

    def check(self) -> None:
        """Raise `ScriptedServerError` listing every problem (including unused queued actions)."""
        problems = list(self.errors)
        with self._cond:
            if self._queue:
                problems.append(
                    f"{len(self._queue)} scripted action(s) never used: {list(self._queue)!r}"
                )
        if problems:
            raise ScriptedServerError("scripted server:\n  " + "\n  ".join(problems))

    def start(self) -> ScriptedServer:
        """Start serving in a background thread; returns once the port is bound."""
        if self._thread is not None:
            raise RuntimeError("server already started")
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="scripted-server", daemon=True
        )
        self._thread.start()
        ready.wait()
        if self._startup_error is not None:
            raise RuntimeError("scripted server failed to start") from self._startup_error
        return self

    def stop(self) -> None:
        """Stop serving, abort open connections and join the thread (idempotent)."""
        loop, event, thread = self._loop, self._stop_event, self._thread
        if loop is not None and event is not None and not loop.is_closed():
            # The loop may close between the check and the call: then it is already stopping.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(event.set)
        if thread is not None:
            thread.join(timeout=10)

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
        if exc_type is None and self.strict:
            self.check()

    # ----------------------------------------------------------------- server thread

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve(ready))
        except BaseException as exc:  # reported to start() or kept as an error
            if not ready.is_set():
                self._startup_error = exc
            else:
                self._error(f"server loop crashed: {exc!r}")
        finally:
            ready.set()
            loop.close()

    async def _serve(self, ready: threading.Event) -> None:
        self._stop_event = asyncio.Event()
        tasks: set[asyncio.Task[None]] = set()
        writers: set[asyncio.StreamWriter] = set()

        async def on_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            tasks.add(task)
            writers.add(writer)
            try:
                await self._connection(reader, writer)
            finally:
                writers.discard(writer)
                tasks.discard(task)

        server = await asyncio.start_server(
            on_connection, "127.0.0.1", 0, limit=_MAX_LINE, ssl=self._ssl
        )
        self._port = server.sockets[0].getsockname()[1]
        ready.set()
        try:
            await asyncio.wait_for(self._stop_event.wait(), self.max_duration)
        except TimeoutError:
            self._error(f"stopped after max_duration={self.max_duration}s")
        server.close()
        for writer in list(writers):
            writer.transport.abort()
        for task in list(tasks):
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await server.wait_closed()

    def _error(self, message: str) -> None:
        with self._cond:
            self._errors.append(message)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with self._cond:
            self._opened += 1
            conn_id = self._opened
        try:
            keep_open = True
            while keep_open:
                head = await _read_head(reader)
                if head is None:
                    break
                method, target, headers = head
                body = await _read_body(reader, headers)
                request, action = self._admit(conn_id, method, target, headers, body)
                keep_open = await self._perform(action, reader, writer)
                if (request.header("connection") or "").lower() == "close":
                    keep_open = False
        except _BadRequest as exc:
            self._error(f"bad request on connection {conn_id}: {exc}")
            writer.write(
                b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            )
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        except Exception as exc:
            self._error(f"connection {conn_id} failed: {exc!r}")
        finally:
            if not writer.transport.is_closing():
                writer.close()
            with self._cond:
                self._closed += 1
                self._cond.notify_all()

    def _admit(
        self,
        conn_id: int,
        method: str,
        target: str,
        headers: tuple[tuple[str, str], ...],
        body: bytes,
    ) -> tuple[RecordedRequest, Action]:
        """Record the request and choose its action."""
        with self._cond:
            index = self._received
            self._received += 1
            over_limit = index >= self.max_requests
            fault = None if over_limit or self.faults is None else self.faults.pick(index)
            request = RecordedRequest(index, conn_id, method, target, headers, body, fault)
            self._requests.append(request)
            if fault is not None:
                self._fault_counts[fault] += 1
            self._cond.notify_all()
            queued = self._queue.popleft() if self._queue and not over_limit else None
        if over_limit:
            self._error(
                f"request {index} ({method} {target}) exceeds max_requests={self.max_requests}"
            )
            return request, Disconnect(reset=True)
        action = queued if queued is not None else self._from_handler(request)
        if fault is not None and self.faults is not None:
            action = self.faults.apply(fault, action)
        return request, action

    def _from_handler(self, request: RecordedRequest) -> Action:
        if self.handler is None:
            self._error(
                f"no response scripted for request {request.index} ({request.method} {request.target})"
            )
            return Json({"error": {"message": "scripted server: no response scripted"}}, status=500)
        try:
            return self.handler(request)
        except Exception as exc:
            self._error(f"handler failed on request {request.index}: {exc!r}")
            return Json(
                {"error": {"message": f"scripted server: handler failed: {exc!r}"}}, status=500
            )

    async def _perform(
        self, action: Action, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Carry out one action; True when the connection can serve another request."""
        if isinstance(action, Json):
            body = action.encode()
            writer.write(_head(action.status, "application/json", action.headers, len(body)) + body)
            await writer.drain()
            return True
        if isinstance(action, Raw):
            writer.write(
                _head(action.status, action.content_type, action.headers, len(action.body))
            )
            writer.write(action.body)
            await writer.drain()
            return True
        if isinstance(action, Stream):
            return await _send_stream(action, reader, writer)
        if isinstance(action, PartialBody):
            writer.write(
                _head(action.status, action.content_type, action.headers, len(action.body))
            )
            writer.write(action.body[: action.sent])
            await _hang_up(writer, reset=action.reset)
            return False
        if isinstance(action, Disconnect):
            await _hang_up(writer, reset=action.reset)
            return False
        if await _client_stays(reader, action.seconds) and action.then is not None:
            return await self._perform(action.then, reader, writer)
        return False


# --------------------------------------------------------------------- HTTP helpers


async def _read_head(
    reader: asyncio.StreamReader,
) -> tuple[str, str, tuple[tuple[str, str], ...]] | None:
    """Request line and headers; None when the client closed the connection between requests."""
    try:
        line = await reader.readline()
        while line in (b"\r\n", b"\n"):
            line = await reader.readline()
        if not line:
            return None
        parts = line.decode("latin-1").split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise _BadRequest(f"bad request line {line!r}")
        headers: list[tuple[str, str]] = []
        while True:
            raw = await reader.readline()
            if raw in (b"\r\n", b"\n"):
                break
            if not raw or len(headers) >= _MAX_HEADERS:
                raise _BadRequest("truncated or oversized header block")
            name, sep, value = raw.decode("latin-1").partition(":")
            if not sep:
                raise _BadRequest(f"bad header line {raw!r}")
            headers.append((name.strip(), value.strip()))
    except ValueError as exc:  # line longer than the reader's limit
        raise _BadRequest(str(exc)) from exc
    return parts[0], parts[1], tuple(headers)


async def _read_body(reader: asyncio.StreamReader, headers: tuple[tuple[str, str], ...]) -> bytes:
    """The request body, framed by `Transfer-Encoding: chunked` or `Content-Length`."""
    lowered = {name.lower(): value for name, value in headers}
    if "chunked" in lowered.get("transfer-encoding", "").lower():
        parts: list[bytes] = []
        while True:
            size_line = await reader.readline()
            try:
                size = int(size_line.split(b";")[0].strip(), 16)
            except ValueError as exc:
                raise _BadRequest(f"bad chunk size {size_line!r}") from exc
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(parts)
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
    length = lowered.get("content-length")
    if length is None:
        return b""
    if not length.isdigit():
        raise _BadRequest(f"bad content-length {length!r}")
    return await reader.readexactly(int(length))


def _head(
    status: int,
    content_type: str | None,
    headers: Mapping[str, str],
    content_length: int | None,
    *,
    chunked: bool = False,
    close: bool = False,
) -> bytes:
    """Status line and headers; `headers` override the defaults (case-insensitive)."""
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    merged: dict[str, tuple[str, str]] = {}
    if content_type is not None:
        merged["content-type"] = ("content-type", content_type)
    if content_length is not None:
        merged["content-length"] = ("content-length", str(content_length))
    if chunked:
        merged["transfer-encoding"] = ("transfer-encoding", "chunked")
    if close:
        merged["connection"] = ("connection", "close")
    for name, value in headers.items():
        merged[name.lower()] = (name, value)
    lines = [f"HTTP/1.1 {status} {reason}"] + [f"{n}: {v}" for n, v in merged.values()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def _send_stream(
    action: Stream, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> bool:
    chunked = action.framing == "chunked"
    writer.write(
        _head(
            action.status,
            action.content_type,
            action.headers,
            None,
            chunked=chunked,
            close=not chunked,
        )
    )
    await writer.drain()
    first = True
    for item in action.chunks:
        if isinstance(item, Pause):
            if not await _client_stays(reader, item.seconds):
                return False
            continue
        if not first and action.interval > 0 and not await _client_stays(reader, action.interval):
            return False
        first = False
        if item:
            writer.write(b"%x\r\n%b\r\n" % (len(item), item) if chunked else item)
            await writer.drain()
    if action.end == "complete" and chunked:
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return True
    if action.end == "stall":
        await _client_stays(reader, None)
        return False
    await _hang_up(writer, reset=action.end == "reset")
    return False


async def _client_stays(reader: asyncio.StreamReader, seconds: float | None) -> bool:
    """Wait `seconds` (None: forever); False as soon as the client closes its side."""
    loop = asyncio.get_running_loop()
    deadline = None if seconds is None else loop.time() + seconds
    while True:
        remaining = None if deadline is None else deadline - loop.time()
        if remaining is not None and remaining <= 0:
            return True
        try:
            data = await asyncio.wait_for(reader.read(65536), remaining)
        except TimeoutError:
            return True
        if not data:
            return False


async def _hang_up(writer: asyncio.StreamWriter, *, reset: bool) -> None:
    """Flush what was written, then close with FIN or abort with RST (SO_LINGER 0)."""
    await writer.drain()
    while writer.transport.get_write_buffer_size():
        await asyncio.sleep(0.001)
    if reset:
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()
    else:
        writer.close()
