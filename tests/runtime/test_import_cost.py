"""What creating a client loads, checked in a fresh interpreter (this session loaded it all).

Import time is benchmarked in `bench/bench_import.py`; this only pins down what is deferred:
pydantic (models, pages, streams, responses), `asyncio` and the httpx2 connection pool.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from _rt_harness import RUNTIME_DIR

PROBE = textwrap.dedent(
    """
    import json, sys, types
    import httpx2

    pkg = types.ModuleType("rtpkg")
    pkg.__path__ = [RUNTIME_DIR]
    sys.modules["rtpkg"] = pkg
    from rtpkg._base_client import AsyncAPIClient, SyncAPIClient

    class Client(SyncAPIClient):
        pass

    class AsyncClient(AsyncAPIClient):
        pass

    clients = [Client(api_key="k", base_url="http://t"), AsyncClient(api_key="k", base_url="http://t")]
    loaded = lambda prefix: sorted(m for m in sys.modules if m.split(".")[0] == prefix)
    after_client = {
        "pydantic": loaded("pydantic"),
        "asyncio": loaded("asyncio"),
        "runtime": loaded("rtpkg"),
        "pools": [c._pool.client is not None for c in clients],
    }
    transport = httpx2.MockTransport(lambda request: httpx2.Response(200, json={"id": "x"}))
    client = Client(api_key="k", base_url="http://t", http_client=httpx2.Client(transport=transport))
    client.get("/x", cast_to=dict)
    print(json.dumps({"client": after_client, "call": loaded("rtpkg")}))
    """
).replace("RUNTIME_DIR", repr(str(RUNTIME_DIR)))


def test_creating_clients_loads_neither_pydantic_nor_asyncio_nor_a_pool() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    result = json.loads(done.stdout)
    client = result["client"]
    assert client["pydantic"] == [] and client["asyncio"] == []
    assert client["pools"] == [False, False]
    deferred = {"rtpkg._models", "rtpkg._pagination", "rtpkg._response", "rtpkg._streaming"}
    assert not deferred & set(client["runtime"])
    assert "rtpkg._response" in result["call"]  # loaded by the first call that needs it
