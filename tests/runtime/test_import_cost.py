"""What importing the package and creating a client load, checked in a fresh interpreter (this
session loaded it all).

Import time is benchmarked in `bench/bench_import.py`; this only pins down what is deferred:
pydantic (models, pages, streams, responses), `asyncio` and the httpx2 connection pool.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from session_sdks import sdk_root

PROBE = textwrap.dedent(
    """
    import json, sys
    import httpx2
    from things_sdk import AsyncThingsAPI, ThingsAPI

    clients = [ThingsAPI(api_key="k"), AsyncThingsAPI(api_key="k")]
    loaded = lambda prefix: sorted(m for m in sys.modules if m.split(".")[0] == prefix)
    after_client = {
        "pydantic": loaded("pydantic"),
        "asyncio": loaded("asyncio"),
        "runtime": loaded("things_sdk"),
        "pools": [c._pool.client is not None for c in clients],
    }
    transport = httpx2.MockTransport(lambda request: httpx2.Response(200, json={"id": "x"}))
    client = ThingsAPI(api_key="k", http_client=httpx2.Client(transport=transport))
    client.get("/x", cast_to=dict)
    print(json.dumps({"client": after_client, "call": loaded("things_sdk")}))
    """
)


def test_creating_clients_loads_neither_pydantic_nor_asyncio_nor_a_pool() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, "PYTHONPATH": str(sdk_root("things_sdk"))},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    result = json.loads(done.stdout)
    client = result["client"]
    assert client["pydantic"] == [] and client["asyncio"] == []
    assert client["pools"] == [False, False]
    deferred = {"_models", "_pagination", "_response", "_streaming", "resources", "types"}
    assert not {f"things_sdk.{name}" for name in deferred} & set(client["runtime"])
    assert "things_sdk._response" in result["call"]  # loaded by the first call that needs it
