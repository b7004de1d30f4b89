"""client.beta.realtime.connect(...) against a local websockets server on 127.0.0.1."""

import asyncio
import inspect
import json
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from deepseek_sdk import (
    APIConnectionError,
    AsyncDeepSeek,
    AuthenticationError,
    DeepSeek,
    SDKError,
    StreamError,
)
from deepseek_sdk.lib import RealtimeConnectionClosedError, RealtimeServerError
from deepseek_sdk.lib._generated_types import RealtimeServerEventUnknown
from deepseek_sdk.lib.realtime import AsyncRealtimeConnection, _Target
from deepseek_sdk.types import RealtimeClientEventResponseCancel
from websockets.sync.server import Server, ServerConnection, serve

TEXT_DELTA = {
    "event_id": "e2",
    "type": "response.text.delta",
    "response_id": "r1",
    "item_id": "i1",
    "output_index": 0,
    "content_index": 0,
    "delta": "Hi",
}
SERVER_SCRIPT = [
    {"event_id": "e1", "type": "session.created", "session": {"id": "s1", "model": "rt"}},
    TEXT_DELTA,
    {"event_id": "e3", "type": "response.audio.delta", "delta": "AAA", "future_field": 1},
    {
        "event_id": "e4",
        "type": "error",
        "error": {"type": "invalid_request_error", "message": "bad item"},
    },
    {"event_id": "e5", "type": "response.done", "response": {"id": "r1", "status": "completed"}},
]


class RealtimeServer:
    """Records the handshake and every client message; `behaviour(conn)` runs after the handshake."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.headers: list[dict[str, str]] = []
        self.received: list[Any] = []
        self.behaviour: Callable[[ServerConnection], None] = self.send_script
        self.closed = threading.Event()
        self._server: Server | None = None

    def send_script(self, conn: ServerConnection) -> None:
        conn.recv()  # wait until the client speaks, then answer with the script and close normally
        for event in SERVER_SCRIPT:
            conn.send(json.dumps(event))
        conn.close()

    def _handle(self, conn: ServerConnection) -> None:
        assert conn.request is not None
        self.paths.append(conn.request.path)
        self.headers.append({k.lower(): v for k, v in conn.request.headers.raw_items()})
        original_recv = conn.recv

        def recording_recv(*args: Any, **kwargs: Any) -> Any:
            message = original_recv(*args, **kwargs)
            self.received.append(json.loads(message))
            return message

        conn.recv = recording_recv  # type: ignore[method-assign]
        try:
            self.behaviour(conn)
        finally:
            conn.close()
            self.closed.set()

    def __enter__(self) -> "RealtimeServer":
        self._server = serve(self._handle, "127.0.0.1", 0)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.socket.getsockname()[1]}/v1"


@pytest.fixture
def rt_server() -> Iterator[RealtimeServer]:
    with RealtimeServer() as server:
        yield server


@pytest.fixture(params=["sync", "async"])
def rt_client(request: pytest.FixtureRequest, rt_server: RealtimeServer) -> Any:
    """A `DeepSeek` or an `AsyncDeepSeek` on the realtime server: each test runs with both."""
    client_class = AsyncDeepSeek if request.param == "async" else DeepSeek
    return client_class(api_key="sk-rt", base_url=rt_server.base_url)


async def run(value: Any) -> Any:
    """`value`, awaited when the async connection returned an awaitable."""
    return await value if inspect.isawaitable(value) else value


@asynccontextmanager
async def connect(client: Any, **params: Any) -> AsyncIterator[Any]:
    """`with` / `async with client.beta.realtime.connect(**params) as conn`."""
    manager = client.beta.realtime.connect(**params)
    if isinstance(client, AsyncDeepSeek):
        async with manager as conn:
            yield conn
    else:
        with manager as conn:
            yield conn


async def events(conn: Any) -> list[Any]:
    """Every event until the server closes (`for` / `async for`)."""
    if isinstance(conn, AsyncRealtimeConnection):
        return [event async for event in conn]
    return list(conn)


async def test_connect_events_and_close(rt_client: Any, rt_server: RealtimeServer) -> None:
    async with connect(
        rt_client, model="rt-model", extra_query={"trace": 1}, extra_headers={"X-Extra": "yes"}
    ) as conn:
        await run(conn.session.update(session={"modalities": ["text"]}))
        received = await events(conn)
    assert rt_server.paths == ["/v1/realtime?model=rt-model&trace=1"]
    assert rt_server.headers[0]["authorization"] == "Bearer sk-rt"
    assert rt_server.headers[0]["x-extra"] == "yes"
    assert [e.type for e in received] == [e["type"] for e in SERVER_SCRIPT]
    assert (
        received[1].delta == "Hi"
        and type(received[1]).__name__ == "RealtimeServerEventResponseTextDelta"
    )
    unknown = received[2]
    assert isinstance(unknown, RealtimeServerEventUnknown)
    assert unknown.model_extra == {"event_id": "e3", "delta": "AAA", "future_field": 1}
    assert received[3].error.message == "bad item"
    assert rt_server.received == [{"type": "session.update", "session": {"modalities": ["text"]}}]


async def test_convenience_senders_and_send(rt_client: Any, rt_server: RealtimeServer) -> None:
    rt_server.behaviour = lambda conn: [conn.recv() for _ in range(8)] and None
    async with connect(rt_client, model="rt") as conn:
        await run(conn.response.create())
        await run(conn.response.create(response={"modalities": ["text"]}, event_id="ev1"))
        await run(conn.response.cancel(response_id="r1"))
        await run(conn.input_audio_buffer.append(audio="AAAA"))
        await run(conn.input_audio_buffer.commit())
        await run(
            conn.conversation.item.create(
                item={"type": "message", "role": "user"}, previous_item_id="root"
            )
        )
        await run(conn.send({"type": "session.update", "session": {"voice": "x"}}))
        await run(
            conn.send(RealtimeClientEventResponseCancel(type="response.cancel", response_id="r9"))
        )
        assert await asyncio.to_thread(rt_server.closed.wait, 5)  # the loop keeps sending
    assert rt_server.received == [
        {"type": "response.create"},
        {"type": "response.create", "event_id": "ev1", "response": {"modalities": ["text"]}},
        {"type": "response.cancel", "response_id": "r1"},
        {"type": "input_audio_buffer.append", "audio": "AAAA"},
        {"type": "input_audio_buffer.commit"},
        {
            "type": "conversation.item.create",
            "item": {"type": "message", "role": "user"},
            "previous_item_id": "root",
        },
        {"type": "session.update", "session": {"voice": "x"}},
        {"type": "response.cancel", "response_id": "r9"},
    ]


async def test_raise_on_error(rt_client: Any) -> None:
    async with connect(rt_client, model="rt", raise_on_error=True) as conn:
        await run(conn.response.create())
        with pytest.raises(RealtimeServerError, match="bad item") as info:
            await events(conn)
    assert info.value.event.type == "error"


@pytest.mark.parametrize("read", ["recv", "iterate"])
async def test_abnormal_close_raises(rt_client: Any, rt_server: RealtimeServer, read: str) -> None:
    rt_server.behaviour = lambda conn: conn.close(code=1011, reason="internal")
    async with connect(rt_client, model="rt") as conn:
        with pytest.raises(RealtimeConnectionClosedError) as info:
            await (run(conn.recv()) if read == "recv" else events(conn))
    assert (info.value.code, info.value.reason) == (1011, "internal")


async def test_client_close_reaches_the_server(rt_client: Any, rt_server: RealtimeServer) -> None:
    rt_server.behaviour = lambda conn: [None for _ in conn]  # read until the client closes
    async with connect(rt_client, model="rt") as conn:
        await run(conn.response.create())
    assert rt_server.closed.wait(5)


class _FakeClient:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.default_headers = {
            "Accept": "application/json",
            "Authorization": "Bearer sk-x",
            "User-Agent": "UA",
        }


@pytest.mark.parametrize(
    ("base_url", "url"),
    [
        ("https://api.deepseek.com", "wss://api.deepseek.com/realtime?model=m"),
        ("https://api.deepseek.com/beta/", "wss://api.deepseek.com/beta/realtime?model=m"),
        ("http://localhost:8000/v1?tenant=a", "ws://localhost:8000/v1/realtime?tenant=a&model=m"),
    ],
)
def test_url_from_base_url(base_url: str, url: str) -> None:
    assert _Target(_FakeClient(base_url), "m", None, None).url == url


def test_extra_headers_replace_case_insensitively() -> None:
    from deepseek_sdk._types import omit

    target = _Target(_FakeClient("https://x"), "m", None, {"authorization": "Token t", "X-A": "1"})
    assert target.headers == {"User-Agent": "UA", "authorization": "Token t", "X-A": "1"}
    assert _Target(_FakeClient("https://x"), "m", None, {"Authorization": omit}).headers == {
        "User-Agent": "UA"
    }


def test_missing_websockets_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "websockets.sync.client", None)
    client = DeepSeek(api_key="sk-rt", base_url="http://127.0.0.1:9")
    with pytest.raises(SDKError, match=r"pip install '.*\[realtime\]'"):
        client.beta.realtime.connect(model="rt").enter()


def _refusing_server(status: int, body: bytes) -> Any:
    """A websockets server that answers the handshake with an HTTP error."""

    def process_request(conn: ServerConnection, request: Any) -> Any:
        return conn.respond(status, body.decode())

    server = serve(lambda conn: None, "127.0.0.1", 0, process_request=process_request)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.parametrize("is_async", [False, True])
async def test_handshake_refused_is_a_typed_status_error(is_async: bool) -> None:
    server = _refusing_server(401, b'{"error": {"message": "bad key sk-secret-key"}}')
    try:
        base_url = f"http://127.0.0.1:{server.socket.getsockname()[1]}"
        with pytest.raises(AuthenticationError) as info:
            if is_async:
                async with AsyncDeepSeek(
                    api_key="sk-secret-key", base_url=base_url
                ).beta.realtime.connect(model="rt"):
                    pass
            else:
                with DeepSeek(api_key="sk-secret-key", base_url=base_url).beta.realtime.connect(
                    model="rt"
                ):
                    pass
    finally:
        server.shutdown()
    assert info.value.status_code == 401
    assert "sk-secret-key" not in str(info.value)
    assert info.value.request.url.path == "/realtime"


@pytest.mark.parametrize("is_async", [False, True])
async def test_connection_refused_is_an_api_connection_error(is_async: bool) -> None:
    base_url = "http://127.0.0.1:9"  # discard port: nothing listens
    with pytest.raises(APIConnectionError, match="realtime WebSocket"):
        if is_async:
            await (
                AsyncDeepSeek(api_key="sk-rt", base_url=base_url)
                .beta.realtime.connect(model="rt")
                .enter()
            )
        else:
            DeepSeek(api_key="sk-rt", base_url=base_url).beta.realtime.connect(model="rt").enter()


def test_non_json_message_is_a_stream_error(rt_server: RealtimeServer) -> None:
    rt_server.behaviour = lambda conn: conn.send("not json")
    client = DeepSeek(api_key="sk-rt", base_url=rt_server.base_url)
    with client.beta.realtime.connect(model="rt") as conn, pytest.raises(StreamError) as info:
        conn.recv()
    assert info.value.body == "not json"


def test_send_after_close_is_a_typed_error(rt_server: RealtimeServer) -> None:
    rt_server.behaviour = lambda conn: conn.close(code=1000)
    client = DeepSeek(api_key="sk-rt", base_url=rt_server.base_url)
    with client.beta.realtime.connect(model="rt") as conn:
        assert rt_server.closed.wait(5)
        with pytest.raises(RealtimeConnectionClosedError):
            for _ in range(50):  # the close frame may take a moment to arrive
                conn.send({"type": "response.create"})
