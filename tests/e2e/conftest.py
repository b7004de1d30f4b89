"""Fixtures for the end-to-end tests: the generated package and clients on the test servers.

The servers themselves (`mock_server`, `scripted_server`) come from tests/conftest.py.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from _e2e_support import GENERATED, Sdk, make_sdk
from _fake_deepseek import FakeDeepSeek
from servers import ScriptedServer

sys.path.insert(0, str(GENERATED))


@pytest.fixture(params=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    """Each test using it runs twice: with `DeepSeek` and with `AsyncDeepSeek`."""
    return bool(request.param == "async")


@pytest.fixture
async def sdk_factory(is_async: bool) -> AsyncIterator[Callable[..., Sdk]]:
    """`sdk_factory(base_url, **client_options)`: clients of the parametrised kind, closed at
    teardown."""
    made: list[Sdk] = []

    def factory(base_url: str, **options: Any) -> Sdk:
        sdk = make_sdk(is_async=is_async, base_url=base_url, **options)
        made.append(sdk)
        return sdk

    yield factory
    for sdk in made:
        await sdk.close()


@pytest.fixture
def sdk(sdk_factory: Callable[..., Sdk], scripted_server: ScriptedServer) -> Sdk:
    """A sync or async client on the per-test scripted server."""
    return sdk_factory(scripted_server.url)


@pytest.fixture
def fake_deepseek() -> Iterator[ScriptedServer]:
    """A scripted server that answers like DeepSeek on every path (see `_fake_deepseek`)."""
    with ScriptedServer(FakeDeepSeek().handle) as server:
        yield server


@pytest.fixture
def realtime_server() -> Iterator[str]:
    """A WebSocket server that answers `response.create` with a short text response."""
    from websockets.sync.server import ServerConnection, serve

    def reply(conn: ServerConnection) -> None:
        sent = 0
        for message in conn:
            if json.loads(message).get("type") != "response.create":
                continue
            sent += 1
            ids = {"event_id": f"ev{sent}", "response_id": "resp1", "item_id": "item1"}
            place = {"output_index": 0, "content_index": 0}
            for delta in ("Hello ", "there!"):
                event = {"type": "response.text.delta", **ids, **place, "delta": delta}
                conn.send(json.dumps(event))
            done = {"type": "response.done", "event_id": f"ev{sent}d"}
            conn.send(json.dumps({**done, "response": {"id": "resp1", "status": "completed"}}))

    with serve(reply, "127.0.0.1", 0) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.socket.getsockname()[1]}"
        server.shutdown()
    thread.join(timeout=5)
