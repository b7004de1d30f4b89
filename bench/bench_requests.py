"""Per-call overhead of the runtime against the raw httpx2 floor (a script, not a test).

Runs N sequential non-streaming chat-completion-shaped calls against a fast keep-alive loopback
server (its own process, so it does not compete for the GIL) through:

- raw `httpx2.Client.post(url, json=payload)` + `json.loads` (the floor), and its async twin;
- the runtime (`templates/runtime`, loaded as a package) with a hand-written resource, parsing
  into a pydantic model, sync and async;
- the generated `deepseek_sdk` when `generated/` has it, and the `openai` package when importable.

Prints, per call, the wall time and the client process's CPU time (medians over interleaved
batches, so load on the machine hits every contender alike) and their ratios to the floor. The
CPU ratio is the steadier measure of the client's own overhead on a busy machine.
Target: runtime <= 1.10x the floor.

    .venv/bin/python bench/bench_requests.py [--batches 40] [--batch 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import textwrap
import time
import types
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2

ROOT = Path(__file__).resolve().parents[1]
REQUEST = {
    "model": "deepseek-chat",
    "messages": [{"role": "user", "content": "Say this is a test"}],
}
RESPONSE = {
    "id": "930c60df-bf64-41c9-a88e-3ec75f81e00e",
    "object": "chat.completion",
    "created": 1705651092,
    "model": "deepseek-chat",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "This is a test.",
                "reasoning_content": None,
            },
            "logprobs": None,
            "finish_reason": "stop",
        }
    ],
    "usage": {
        "prompt_tokens": 10,
        "completion_tokens": 5,
        "total_tokens": 15,
        "prompt_cache_hit_tokens": 0,
        "prompt_cache_miss_tokens": 10,
    },
    "system_fingerprint": "fp_test",
}

SERVER = """
import asyncio, json, sys
BODY = json.dumps(json.loads(sys.argv[1])).encode()
HEAD = (b"HTTP/1.1 200 OK\\r\\ncontent-type: application/json\\r\\nx-request-id: bench\\r\\n"
        b"content-length: " + str(len(BODY)).encode() + b"\\r\\n\\r\\n")

class Proto(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport, self.buffer = transport, b""
    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\\r\\n\\r\\n")
            if end < 0:
                return
            head = self.buffer[:end].lower()
            length = 0
            marker = head.find(b"content-length:")
            if marker >= 0:
                length = int(head[marker + 15:].split(b"\\r\\n", 1)[0])
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length:]
            self.transport.write(HEAD + BODY)

async def main():
    server = await asyncio.get_running_loop().create_server(Proto, "127.0.0.1", int(sys.argv[2]))
    print("ready", flush=True)
    async with server:
        await server.serve_forever()

asyncio.run(main())
"""


@contextmanager
def loopback_server() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(SERVER), json.dumps(RESPONSE), str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=5)


def load_runtime() -> Any:
    """Register templates/runtime as the package `rtpkg` and build a tiny API on it."""
    package = types.ModuleType("rtpkg")
    package.__path__ = [str(ROOT / "templates" / "runtime")]
    sys.modules["rtpkg"] = package
    from rtpkg._base_client import AsyncAPIClient, SyncAPIClient
    from rtpkg._models import BaseModel
    from rtpkg._resource import AsyncAPIResource, SyncAPIResource
    from rtpkg._types import make_request_options

    class Message(BaseModel):
        role: str
        content: str | None = None
        reasoning_content: str | None = None

    class Choice(BaseModel):
        index: int
        message: Message
        finish_reason: str | None = None
        logprobs: Any | None = None

    class Usage(BaseModel):
        prompt_tokens: int
        completion_tokens: int
        total_tokens: int
        prompt_cache_hit_tokens: int | None = None
        prompt_cache_miss_tokens: int | None = None

    class ChatCompletion(BaseModel):
        id: str
        object: str
        created: int
        model: str
        choices: list[Choice]
        usage: Usage | None = None
        system_fingerprint: str | None = None

    class Completions(SyncAPIResource):
        def create(self, *, model: str, messages: list[Any]) -> ChatCompletion:
            return self._request(
                "post",
                "/chat/completions",
                body={"model": model, "messages": messages},
                cast_to=ChatCompletion,
                options=make_request_options(),
            )

    class AsyncCompletions(AsyncAPIResource):
        async def create(self, *, model: str, messages: list[Any]) -> ChatCompletion:
            return await self._request(
                "post",
                "/chat/completions",
                body={"model": model, "messages": messages},
                cast_to=ChatCompletion,
                options=make_request_options(),
            )

    class Client(SyncAPIClient):
        def __init__(self, base_url: str) -> None:
            super().__init__(
                api_key="sk-bench", base_url=base_url, idempotency_header="Idempotency-Key"
            )
            self.completions = Completions(self)

    class AsyncClient(AsyncAPIClient):
        def __init__(self, base_url: str) -> None:
            super().__init__(
                api_key="sk-bench", base_url=base_url, idempotency_header="Idempotency-Key"
            )
            self.completions = AsyncCompletions(self)

    return types.SimpleNamespace(Client=Client, AsyncClient=AsyncClient)


Samples = dict[str, list[tuple[float, float]]]
"""Per contender, one (wall, client CPU) microseconds-per-call pair per batch."""


def bench_sync(contenders: dict[str, Callable[[], object]], batches: int, batch: int) -> Samples:
    """Time each contender in interleaved batches."""
    samples: Samples = {name: [] for name in contenders}
    for call in contenders.values():  # warm up connections, caches and validators
        for _ in range(50):
            call()
    for _ in range(batches):
        for name, call in contenders.items():
            started, cpu = time.perf_counter(), time.process_time()
            for _ in range(batch):
                call()
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            samples[name].append((wall / batch * 1e6, cpu / batch * 1e6))
    return samples


async def bench_async(
    contenders: dict[str, Callable[[], Awaitable[object]]], batches: int, batch: int
) -> Samples:
    samples: Samples = {name: [] for name in contenders}
    for call in contenders.values():
        for _ in range(50):
            await call()
    for _ in range(batches):
        for name, call in contenders.items():
            started, cpu = time.perf_counter(), time.process_time()
            for _ in range(batch):
                await call()
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            samples[name].append((wall / batch * 1e6, cpu / batch * 1e6))
    return samples


def sync_contenders(url: str, runtime: Any) -> dict[str, Callable[[], object]]:
    raw = httpx2.Client()
    headers = {"Authorization": "Bearer sk-bench"}
    contenders: dict[str, Callable[[], object]] = {
        "httpx2 floor": lambda: json.loads(
            raw.post(f"{url}/chat/completions", json=REQUEST, headers=headers).content
        ),
    }
    ours = runtime.Client(url)
    contenders["runtime"] = lambda: ours.completions.create(**REQUEST)
    generated = ROOT / "generated"
    if (generated / "deepseek_sdk").is_dir():
        sys.path.insert(0, str(generated))
        import deepseek_sdk

        sdk = deepseek_sdk.DeepSeek(api_key="sk-bench", base_url=url)
        contenders["deepseek_sdk"] = lambda: sdk.chat.completions.create(**REQUEST)
    try:
        import openai
    except ImportError:
        print("(openai not importable: skipped)")
    else:
        oai = openai.OpenAI(api_key="sk-bench", base_url=url)
        contenders["openai"] = lambda: oai.chat.completions.create(**REQUEST)
    return contenders


def async_contenders(url: str, runtime: Any) -> dict[str, Callable[[], Awaitable[object]]]:
    """Async contenders; call inside the event loop that will run them."""
    headers = {"Authorization": "Bearer sk-bench"}
    raw = httpx2.AsyncClient()
    ours = runtime.AsyncClient(url)

    async def floor() -> object:
        return json.loads(
            (await raw.post(f"{url}/chat/completions", json=REQUEST, headers=headers)).content
        )

    contenders: dict[str, Callable[[], Awaitable[object]]] = {
        "httpx2 floor": floor,
        "runtime": lambda: ours.completions.create(**REQUEST),
    }
    if "deepseek_sdk" in sys.modules:
        sdk = sys.modules["deepseek_sdk"].AsyncDeepSeek(api_key="sk-bench", base_url=url)
        contenders["deepseek_sdk"] = lambda: sdk.chat.completions.create(**REQUEST)
    if "openai" in sys.modules:
        oai = sys.modules["openai"].AsyncOpenAI(api_key="sk-bench", base_url=url)
        contenders["openai"] = lambda: oai.chat.completions.create(**REQUEST)
    return contenders


def report(title: str, results: Samples) -> None:
    floor_wall = statistics.median(w for w, _ in results["httpx2 floor"])
    floor_cpu = statistics.median(c for _, c in results["httpx2 floor"])
    print(
        f"\n{title}\n  {'':<14} {'wall us/call':>12} {'ratio':>6}   {'client CPU us/call':>18} {'ratio':>6}"
    )
    for name, samples in results.items():
        wall = statistics.median(w for w, _ in samples)
        cpu = statistics.median(c for _, c in samples)
        print(
            f"  {name:<14} {wall:12.1f} {wall / floor_wall:5.2f}x   {cpu:18.1f} {cpu / floor_cpu:5.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--batch", type=int, default=50, help="calls per timed batch")
    args = parser.parse_args()
    runtime = load_runtime()
    with loopback_server() as url:
        sync_results = bench_sync(sync_contenders(url, runtime), args.batches, args.batch)

        async def run_async() -> Samples:
            return await bench_async(async_contenders(url, runtime), args.batches, args.batch)

        async_results = asyncio.run(run_async())
    shape = f"{args.batches} interleaved batches of {args.batch} sequential calls (median)"
    report(f"sync, {shape}", sync_results)
    report(f"async, {shape}", async_results)


if __name__ == "__main__":
    main()
