"""The runtime over real sockets, against the scripted loopback server (tests/servers).

Bounds on elapsed time here are behavioural, with wide margins: each scripted server would keep
the call busy for 10 s or more, and the checks only require the client to give up within ~3 s.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from _runtime_support import Api
from servers import (
    Disconnect,
    Json,
    PartialBody,
    Raw,
    ScriptedServer,
    Stall,
    Stream,
    keepalive_json,
    sse,
    sse_comment,
)
from session_sdks import sdk_root
from things_sdk._exceptions import APIConnectionError, APITimeoutError, InternalServerError

THING = {"id": "t1", "name": "n"}
FAST_RETRY = {"retry-after-ms": "10"}


async def test_429_and_503_with_retry_after_then_success(
    api: Api, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(
        Json({"error": {"message": "slow down"}}, status=429, headers=FAST_RETRY),
        Json({"error": {"message": "busy"}}, status=503, headers=FAST_RETRY),
        Json(THING, headers={"x-request-id": "req-3"}),
    )
    client = api.live(scripted_server.url)
    thing = await api.run(client.things.create(name="n"))
    assert thing._request_id == "req-3"
    keys = {r.header("idempotency-key") for r in scripted_server.requests}
    assert len(scripted_server.requests) == 3 and len(keys) == 1
    assert (
        len({r.connection_id for r in scripted_server.requests}) == 1
    )  # failed responses released to the pool


async def test_dropped_connections_are_retried(api: Api, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(
        Disconnect(), PartialBody(json.dumps(THING).encode(), sent=5), Json(THING)
    )
    client = api.live(scripted_server.url)
    client._random = lambda: 1.0  # shortest backoff
    assert (await api.run(client.things.create(name="n"))).id == "t1"
    assert len(scripted_server.requests) == 3


async def test_stall_past_the_read_timeout(api: Api, scripted_server: ScriptedServer) -> None:
    scripted_server.enqueue(Stall(10), Stall(10))
    client = api.live(scripted_server.url, timeout=0.2, max_retries=1)
    client._random = lambda: 1.0
    started = time.monotonic()
    with pytest.raises(APITimeoutError, match=r"read timeout of 0\.2 s"):
        await api.run(client.things.create(name="n"))
    assert time.monotonic() - started < 3


async def test_html_error_page_from_a_proxy(api: Api, scripted_server: ScriptedServer) -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"
    scripted_server.enqueue(Raw(page, status=502, content_type="text/html"))
    client = api.live(scripted_server.url, max_retries=0)
    with pytest.raises(InternalServerError) as info:
        await api.run(client.things.create(name="n"))
    assert info.value.message.startswith("Error code: 502 - 502 Bad Gateway")
    assert info.value.body == page.decode()


async def test_keep_alive_blank_lines_before_the_body(
    api: Api, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(keepalive_json(THING, blank_lines=3, interval=0.02))
    client = api.live(scripted_server.url)
    assert (await api.run(client.things.create(name="n"))).id == "t1"


async def test_deadline_cuts_off_a_body_trickling_keep_alives(
    api: Api, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(keepalive_json(THING, blank_lines=100, interval=0.1))
    client = api.live(scripted_server.url, deadline=0.5)
    started = time.monotonic()
    with pytest.raises(APITimeoutError, match=r"deadline of 0\.5 s exceeded"):
        await api.run(client.things.create(name="n"))
    assert time.monotonic() - started < 3


async def test_deadline_cuts_off_a_streamed_response_body_read_later(
    api: Api, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(keepalive_json(THING, blank_lines=100, interval=0.1))
    client = api.live(scripted_server.url, deadline=0.5)
    started = time.monotonic()
    manager = client.things.with_streaming_response.create(name="n")
    with pytest.raises(APITimeoutError, match="while reading the response body"):
        if api.is_async:
            async with manager as response:
                await response.read()
        else:
            with manager as response:
                response.read()
    assert time.monotonic() - started < 3


async def test_deadline_cuts_off_a_stall_before_headers(
    api: Api, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(Stall(10))
    client = api.live(scripted_server.url, max_retries=5)
    started = time.monotonic()
    with pytest.raises(APITimeoutError, match="deadline"):
        await api.run(client.things.create(name="n", deadline=0.5))
    assert time.monotonic() - started < 3
    # No retry; no request at all when a loaded machine let the deadline pass before the send.
    assert await scripted_server.wait_until_idle_async()
    assert len(scripted_server.requests) <= 1


async def test_deadline_bounds_a_stream_of_keep_alive_comments(
    api: Api, scripted_server: ScriptedServer
) -> None:
    scripted_server.enqueue(
        Stream([sse({"id": "c", "delta": "x"}), *[sse_comment()] * 100], interval=0.1)
    )
    client = api.live(scripted_server.url, deadline=0.5)
    started = time.monotonic()
    stream = await api.run(client.things.generate(stream=True))
    with pytest.raises(APITimeoutError):
        await api.collect(stream)
    assert time.monotonic() - started < 3


async def test_no_connections_leak_after_retries_and_close(
    api: Api, scripted_server: ScriptedServer
) -> None:
    failure = Json({"error": {"message": "x"}}, status=500, headers=FAST_RETRY)
    scripted_server.enqueue(*[failure] * 3, Stall(10), Stall(10), Json(THING), Json(THING))
    client = api.live(scripted_server.url, timeout=0.2, max_retries=2)
    client._random = lambda: 1.0
    with pytest.raises(InternalServerError):
        await api.run(client.things.create(name="n"))
    assert (
        await api.run(client.things.create(name="n"))
    ).id == "t1"  # after two timed-out attempts
    assert (await api.run(client.things.retrieve("t1"))).id == "t1"
    await api.run(client.close())
    assert scripted_server.wait_until_idle(timeout=5)
    assert scripted_server.connections_opened <= 4  # one pooled connection, plus one per timeout


async def test_connection_refused(api: Api) -> None:
    with socket.socket() as reserved:  # bound, never listening: connections are refused
        reserved.bind(("127.0.0.1", 0))
        client = api.live(f"http://127.0.0.1:{reserved.getsockname()[1]}", max_retries=1)
        client._random = lambda: 1.0
        with pytest.raises(APIConnectionError, match="Connection error") as info:
            await api.run(client.things.create(name="n"))
    assert not isinstance(info.value, APITimeoutError)


UPLOAD_SCRIPT = """
import asyncio, http.server, json, resource, sys, threading
from pathlib import Path
from things_sdk import AsyncThingsAPI, ThingsAPI

class Discard(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        left = int(self.headers["content-length"])
        while left:
            left -= len(self.rfile.read(min(left, 1 << 20)))
        body = b'{"id": "file-1"}'
        self.send_response(200); self.send_header("content-length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args): pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Discard)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_port}"
path = Path(sys.argv[1])
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
before = rss()
with ThingsAPI(api_key="k", base_url=url) as client:
    sync_result = client.files.create(file=path, purpose="p").id
async def upload():
    async with AsyncThingsAPI(api_key="k", base_url=url) as client:
        return (await client.files.create(file=path, purpose="p")).id
async_result = asyncio.run(upload())
print(json.dumps({"growth": rss() - before, "results": [sync_result, async_result]}))
"""


def test_path_uploads_stream_from_disk_without_loading_the_file(tmp_path: Path) -> None:
    size = 200 * 1024 * 1024
    big = tmp_path / "big.jsonl"
    with big.open("wb") as handle:
        handle.truncate(size)  # sparse: no 200 MB written to disk
    script = tmp_path / "upload.py"
    script.write_text(textwrap.dedent(UPLOAD_SCRIPT))
    completed = subprocess.run(
        [sys.executable, str(script), str(big)],
        env={**os.environ, "PYTHONPATH": str(sdk_root("things_sdk"))},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(completed.stdout)
    assert report["results"] == ["file-1", "file-1"]
    assert report["growth"] < 50 * 1024 * 1024, (
        f"peak RSS grew by {report['growth'] / 2**20:.0f} MiB"
    )
