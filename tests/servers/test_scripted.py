"""The scripted server, verified with plain httpx2 (sync and async)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import httpx2
import pytest

from . import (
    SSE_DONE,
    Disconnect,
    Json,
    PartialBody,
    Pause,
    Raw,
    RecordedRequest,
    ScriptedServer,
    ScriptedServerError,
    Stall,
    Stream,
    keepalive_json,
    sse,
    sse_comment,
    truncated_json,
)


@pytest.fixture
def client(scripted_server: ScriptedServer) -> Iterator[httpx2.Client]:
    with httpx2.Client(base_url=scripted_server.url, timeout=5) as http:
        yield http


# ---------------------------------------------------------------- complete responses


def test_json_with_status_and_headers(
    scripted_server: ScriptedServer, client: httpx2.Client
) -> None:
    scripted_server.enqueue(
        Json(
            {"error": {"message": "slow down"}},
            status=429,
            headers={"Retry-After": "2", "retry-after-ms": "150"},
        )
    )
    response = client.get("/models")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "2"
    assert response.headers["retry-after-ms"] == "150"
    assert response.json() == {"error": {"message": "slow down"}}


def test_raw_bodies_keep_their_content_type(
    scripted_server: ScriptedServer, client: httpx2.Client
) -> None:
    scripted_server.enqueue(
        Raw(b"<html>502 Bad Gateway</html>", status=502, content_type="text/html"),
        Raw(b'{"error": {"message": "bad"}}', status=400),
        Raw(b"", status=503, content_type=None),
    )
    html = client.get("/a")
    assert (html.status_code, html.headers["content-type"], html.text) == (
        502,
        "text/html",
        "<html>502 Bad Gateway</html>",
    )
    octet = client.get("/b")
    assert octet.headers["content-type"] == "application/octet-stream"
    assert octet.json() == {"error": {"message": "bad"}}
    empty = client.get("/c")
    assert (empty.status_code, empty.content, empty.headers["content-length"]) == (503, b"", "0")
    assert "content-type" not in empty.headers


def test_unknown_status_code_is_sent_as_is(
    scripted_server: ScriptedServer, client: httpx2.Client
) -> None:
    scripted_server.enqueue(Json({}, status=599))
    assert client.get("/").status_code == 599


def test_truncated_json_is_a_complete_response_with_invalid_json(
    scripted_server: ScriptedServer, client: httpx2.Client
) -> None:
    scripted_server.enqueue(truncated_json({"id": "abc", "choices": [1, 2, 3]}, keep=0.25))
    response = client.get("/")
    assert response.status_code == 200
    assert response.content == b'{"id": "'
    with pytest.raises(json.JSONDecodeError):
        response.json()


# ---------------------------------------------------------------- streamed bodies


def test_keepalive_json_sends_blank_lines_before_the_body(
    scripted_server: ScriptedServer, client: httpx2.Client
) -> None:
    scripted_server.enqueue(keepalive_json({"id": "x"}, blank_lines=3))
    response = client.post("/chat/completions", json={})
    assert response.headers["transfer-encoding"] == "chunked"
    assert response.content == b'\n\n\n{"id": "x"}'


def test_chunked_json_body(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(
        Stream([b'{"a": ', Pause(0.01), b"1}"], content_type="application/json")
    )
    response = client.get("/")
    assert response.headers["transfer-encoding"] == "chunked"
    assert "content-length" not in response.headers
    assert response.json() == {"a": 1}


def test_sse_chunks_arrive_in_order(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    chunks = [
        sse_comment(),
        sse({"n": 1}),
        sse({"n": 2}, event="delta", id="2"),
        b'data: {"n"',
        b": 3}\n\n",
        SSE_DONE,
    ]
    scripted_server.enqueue(Stream(chunks, interval=0.001))
    with client.stream("POST", "/chat/completions", json={"stream": True}) as response:
        assert response.headers["content-type"] == "text/event-stream"
        lines = list(response.iter_lines())
    assert lines == [
        ": keep-alive", "",
        'data: {"n": 1}', "",
        "event: delta", "id: 2", 'data: {"n": 2}', "",
        'data: {"n": 3}', "",
        "data: [DONE]", "",
    ]  # fmt: skip


def test_stream_is_delivered_before_it_ends(
    scripted_server: ScriptedServer, client: httpx2.Client
) -> None:
    # The server never finishes this body, so reading the first event proves incremental delivery.
    scripted_server.enqueue(Stream([sse({"n": 1})], end="stall"))
    with client.stream("GET", "/events") as response:
        assert next(response.iter_lines()) == 'data: {"n": 1}'
    assert scripted_server.wait_until_idle()


def test_close_framed_stream_ends_at_eof(
    scripted_server: ScriptedServer, client: httpx2.Client
) -> None:
    scripted_server.enqueue(Stream([b"one ", b"two"], framing="close", content_type="text/plain"))
    response = client.get("/")
    assert response.text == "one two"
    assert response.headers["connection"] == "close"


def test_multiline_sse_data_and_retry_field() -> None:
    assert sse("a\nb", retry=100) == b"retry: 100\ndata: a\ndata: b\n\n"


# ---------------------------------------------------------------- broken exchanges


def test_reset_before_headers(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(Disconnect())
    with pytest.raises(httpx2.ReadError):
        client.get("/")


def test_close_before_headers(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(Disconnect(reset=False))
    with pytest.raises(httpx2.RemoteProtocolError, match="without sending a response"):
        client.get("/")


def test_reset_after_headers(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(PartialBody(b'{"id": "abc"}', sent=0))
    with client.stream("GET", "/") as response:
        assert response.status_code == 200
        assert response.headers["content-length"] == "13"
        with pytest.raises(httpx2.ReadError):
            response.read()


def test_close_mid_body(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(PartialBody(b'{"id": "abc"}', sent=5, reset=False))
    with pytest.raises(httpx2.RemoteProtocolError, match="received 5 bytes, expected 13"):
        client.get("/")


def test_reset_mid_stream_after_some_events(
    scripted_server: ScriptedServer, client: httpx2.Client
) -> None:
    scripted_server.enqueue(Stream([sse({"n": 1}), sse({"n": 2})], end="reset"))
    lines = []
    with client.stream("GET", "/") as response, pytest.raises(httpx2.ReadError):
        for line in response.iter_lines():
            lines.append(line)
    assert lines == ['data: {"n": 1}', "", 'data: {"n": 2}', ""]


def test_close_mid_chunked_stream(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(Stream([sse({"n": 1})], end="close"))
    with pytest.raises(httpx2.RemoteProtocolError, match="incomplete chunked read"):
        client.get("/")


def test_stall_past_read_timeout(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(Stall(30))
    with pytest.raises(httpx2.ReadTimeout):
        client.get("/", timeout=0.2)
    client.close()
    assert scripted_server.wait_until_idle()  # the stall ended when the client hung up


def test_stall_then_answer(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(Stall(0.05, then=Json({"late": True})))
    assert client.get("/").json() == {"late": True}


def test_stall_after_headers(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(Stream([sse({"n": 1}), Pause(30)]))
    with client.stream("GET", "/", timeout=0.5) as response:
        lines = response.iter_lines()
        assert next(lines) == 'data: {"n": 1}'
        with pytest.raises(httpx2.ReadTimeout):
            list(lines)


# ---------------------------------------------------------------- recording and accounting


def test_requests_are_recorded(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    scripted_server.enqueue(Json({}), Json({}), Json({}))
    client.post(
        "/chat/completions?a=1&a=2&b=", json={"model": "m"}, headers={"Idempotency-Key": "k1"}
    )
    client.post("/upload", content=iter([b"part1-", b"part2"]))  # chunked request body
    client.get("/models")
    first, second, third = scripted_server.requests
    assert (first.index, first.method, first.path) == (0, "POST", "/chat/completions")
    assert first.target == "/chat/completions?a=1&a=2&b="
    assert first.query == {"a": ["1", "2"], "b": [""]}
    assert first.header("idempotency-key") == first.header("IDEMPOTENCY-KEY") == "k1"
    assert first.header("x-missing") is None
    assert first.json() == {"model": "m"}
    assert second.header("transfer-encoding") == "chunked"
    assert second.body == b"part1-part2"
    assert (third.method, third.body) == ("GET", b"")
    assert first.connection_id == second.connection_id == third.connection_id  # keep-alive reuse


def test_connections_are_counted(scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(Json({}), Json({}), Disconnect())
    with (
        httpx2.Client(base_url=scripted_server.url) as first,
        httpx2.Client(base_url=scripted_server.url) as second,
    ):
        first.get("/")
        second.get("/")
        assert scripted_server.open_connections == 2
    assert scripted_server.wait_until_idle()
    assert (scripted_server.connections_opened, scripted_server.connections_closed) == (2, 2)
    with httpx2.Client(base_url=scripted_server.url) as third, pytest.raises(httpx2.ReadError):
        third.get("/")
    assert scripted_server.wait_until_idle()
    assert scripted_server.connections_closed == 3


def test_connection_close_request_header_ends_the_connection(
    scripted_server: ScriptedServer, client: httpx2.Client
) -> None:
    scripted_server.enqueue(Json({}), Json({}))
    client.get("/", headers={"Connection": "close"})
    client.get("/")
    first, second = scripted_server.requests
    assert first.connection_id != second.connection_id


def test_wait_for_requests(scripted_server: ScriptedServer, client: httpx2.Client) -> None:
    assert not scripted_server.wait_for_requests(1, timeout=0.01)
    scripted_server.enqueue(Json({}))
    client.get("/")
    assert scripted_server.wait_for_requests(1, timeout=0.01)


# ---------------------------------------------------------------- handlers and misuse


def test_handler_answers_after_the_queue() -> None:
    def route(request: RecordedRequest) -> Json:
        return Json({"path": request.path, "n": request.index})

    with ScriptedServer(route) as server, httpx2.Client(base_url=server.url) as http:
        server.enqueue(Json({"queued": True}))
        assert http.get("/a").json() == {"queued": True}
        assert http.get("/b").json() == {"path": "/b", "n": 1}


def test_handler_exception_is_reported() -> None:
    def broken(request: RecordedRequest) -> Json:
        raise KeyError(request.path)

    with (
        pytest.raises(ScriptedServerError, match="handler failed on request 0: KeyError"),
        ScriptedServer(broken) as server,
        httpx2.Client(base_url=server.url) as http,
    ):
        assert http.get("/x").status_code == 500


def test_unscripted_request_is_reported() -> None:
    with (
        pytest.raises(ScriptedServerError, match="no response scripted for request 0 \\(GET /x\\)"),
        ScriptedServer() as server,
        httpx2.Client(base_url=server.url) as http,
    ):
        assert http.get("/x").status_code == 500


def test_unused_actions_are_reported() -> None:
    with (
        pytest.raises(ScriptedServerError, match="1 scripted action\\(s\\) never used"),
        ScriptedServer([Json({}), Json({"unused": True})]) as server,
        httpx2.Client(base_url=server.url) as http,
    ):
        http.get("/")


def test_non_strict_server_only_collects_errors() -> None:
    with ScriptedServer(strict=False) as server, httpx2.Client(base_url=server.url) as http:
        http.get("/")
    assert server.errors == ("no response scripted for request 0 (GET /)",)


def test_max_requests_bound() -> None:
    server = ScriptedServer(lambda _: Json({}), max_requests=1, strict=False)
    with server, httpx2.Client(base_url=server.url) as http:
        http.get("/")
        with pytest.raises(httpx2.ReadError):
            http.get("/again")
    assert server.errors == ("request 1 (GET /again) exceeds max_requests=1",)


def test_max_duration_bound_ends_a_stall() -> None:
    server = ScriptedServer([Stall(60)], max_duration=1.0, strict=False)
    with server, httpx2.Client(base_url=server.url, timeout=30) as http:
        with pytest.raises((httpx2.ReadError, httpx2.RemoteProtocolError)):
            http.get("/")
        with pytest.raises(httpx2.ConnectError):
            http.get("/")
    assert server.errors == ("stopped after max_duration=1.0s",)


def test_malformed_request_gets_400() -> None:
    server = ScriptedServer(strict=False)
    with server, socket.create_connection(("127.0.0.1", int(server.url.rsplit(":", 1)[1]))) as sock:
        sock.sendall(b"NOT HTTP\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 400 Bad Request")
    assert len(server.errors) == 1
    assert server.errors[0].startswith("bad request on connection 1: bad request line")


def test_server_cannot_start_twice(scripted_server: ScriptedServer) -> None:
    with pytest.raises(RuntimeError, match="already started"):
        scripted_server.start()


def test_url_before_start() -> None:
    with pytest.raises(RuntimeError, match="not started"):
        _ = ScriptedServer().url


# ---------------------------------------------------------------- async clients


async def test_async_client_json_stream_and_stall(scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(
        Json({"ok": True}),
        Stream([sse({"n": 1}), Pause(0.01), SSE_DONE]),
        Stall(30),
    )
    async with httpx2.AsyncClient(base_url=scripted_server.url, timeout=5) as http:
        assert (await http.get("/")).json() == {"ok": True}
        async with http.stream("POST", "/stream") as response:
            lines = [line async for line in response.aiter_lines() if line]
        assert lines == ['data: {"n": 1}', "data: [DONE]"]
        with pytest.raises(httpx2.ReadTimeout):
            await http.get("/stall", timeout=0.2)
    assert await scripted_server.wait_until_idle_async()
    assert [r.path for r in scripted_server.requests] == ["/", "/stream", "/stall"]
