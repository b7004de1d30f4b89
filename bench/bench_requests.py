"""Per-call overhead of the runtime against the raw httpx2 floor (a script, not a test).

Runs non-streaming chat-completion-shaped calls against a fast keep-alive loopback server (its
own process, so it does not compete for the GIL) through:

- raw `httpx2.Client.post(url, json=payload)` + `json.loads` (the floor), and its async twin;
- the same with encode's `httpx` (a second reference line: what the SDK ran on before);
- the runtime (`templates/runtime`, loaded as a package) with a hand-written resource, parsing
  into a pydantic model;
- the generated `deepseek_sdk` when `generated/` has it, and the `openai` package when importable.

Three shapes: sync sequential calls, async sequential calls (concurrency 1), and async calls
from `--concurrency` tasks at once (50: a server fanning out LLM calls). Every contender's
pool has the same limits (1,000 connections, 100 kept alive: the SDK's and openai-python's
defaults), so at concurrency 50 no one pays for reconnecting.

Prints, per call, the wall time and the client process's CPU time (medians over interleaved
batches in a shuffled order, so load on the machine hits every contender alike) and the CPU ratios to the floor
and to openai-python. The CPU ratio is the steadier measure on a busy machine. Targets (CPU
per call vs the httpx2 floor): runtime and deepseek_sdk <= 1.10x sequentially, <= 1.20x at
concurrency 50.

    .venv/bin/python bench/bench_requests.py [--batches 40] [--batch 50] [--concurrency 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
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
    from rtpkg._auth import ApiKey, AuthSpec
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

    auth = AuthSpec({"bearer": ApiKey("api_key", prefix="Bearer ")}, default=(("bearer",),), env={})

    class Client(SyncAPIClient):
        def __init__(self, base_url: str) -> None:
            super().__init__(
                auth=auth,
                credentials={"api_key": "sk-bench"},
                base_url=base_url,
                idempotency_header="Idempotency-Key",
            )
            self.completions = Completions(self)

    class AsyncClient(AsyncAPIClient):
        def __init__(self, base_url: str) -> None:
            super().__init__(
                auth=auth,
                credentials={"api_key": "sk-bench"},
                base_url=base_url,
                idempotency_header="Idempotency-Key",
            )
            self.completions = AsyncCompletions(self)

    return types.SimpleNamespace(Client=Client, AsyncClient=AsyncClient)


Samples = dict[str, list[tuple[float, float]]]
"""Per contender, one (wall, client CPU) microseconds-per-call pair per batch."""
FLOOR = "httpx2 floor"
TARGETS = {"sync": 1.10, "async": 1.10, "concurrent": 1.20}
"""Goal for the runtime and deepseek_sdk: CPU per call vs the floor, per shape."""


def limits(http: Any) -> Any:
    """The pool limits every contender gets (the SDK's and openai-python's defaults)."""
    return http.Limits(max_connections=1000, max_keepalive_connections=100)


def batch_orders(contenders: dict[str, Any], batches: int) -> list[list[str]]:
    """The contenders' order in each batch, shuffled (seeded): a contender's cost can spill
    into the next one's batch (garbage collection, caches), so no one always follows the same."""
    rng = random.Random(20261207)
    return [rng.sample(list(contenders), len(contenders)) for _ in range(batches)]


def bench_sync(contenders: dict[str, Callable[[], object]], batches: int, batch: int) -> Samples:
    """Time each contender in interleaved batches."""
    samples: Samples = {name: [] for name in contenders}
    for call in contenders.values():  # warm up connections, caches and validators
        for _ in range(50):
            call()
    for order in batch_orders(contenders, batches):
        for name in order:
            call = contenders[name]
            started, cpu = time.perf_counter(), time.process_time()
            for _ in range(batch):
                call()
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            samples[name].append((wall / batch * 1e6, cpu / batch * 1e6))
    return samples


async def bench_async(
    contenders: dict[str, Callable[[], Awaitable[object]]],
    batches: int,
    batch: int,
    concurrency: int,
) -> Samples:
    """`batch` calls per batch from `concurrency` tasks at once (1: sequential calls)."""
    samples: Samples = {name: [] for name in contenders}
    per_task = max(1, batch // concurrency)

    async def run(call: Callable[[], Awaitable[object]]) -> None:
        for _ in range(per_task):
            await call()

    async def burst(call: Callable[[], Awaitable[object]]) -> None:
        await asyncio.gather(*(run(call) for _ in range(concurrency)))

    for call in contenders.values():  # warm up: open `concurrency` connections per pool
        await burst(call)
        await burst(call)
    calls = per_task * concurrency
    for order in batch_orders(contenders, batches):
        for name in order:
            call = contenders[name]
            started, cpu = time.perf_counter(), time.process_time()
            await burst(call)
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            samples[name].append((wall / calls * 1e6, cpu / calls * 1e6))
    return samples


def _raw_sync(http: Any, url: str) -> Callable[[], object]:
    raw = http.Client(limits=limits(http))
    headers = {"Authorization": "Bearer sk-bench"}
    return lambda: json.loads(
        raw.post(f"{url}/chat/completions", json=REQUEST, headers=headers).content
    )


def _raw_async(http: Any, url: str) -> Callable[[], Awaitable[object]]:
    raw = http.AsyncClient(limits=limits(http))
    headers = {"Authorization": "Bearer sk-bench"}

    async def call() -> object:
        response = await raw.post(f"{url}/chat/completions", json=REQUEST, headers=headers)
        return json.loads(response.content)

    return call


def _encode_httpx() -> Any:
    try:
        import httpx
    except ImportError:
        print("(encode's httpx not importable: its reference line is skipped)")
        return None
    return httpx


def sync_contenders(url: str, runtime: Any) -> dict[str, Callable[[], object]]:
    contenders: dict[str, Callable[[], object]] = {FLOOR: _raw_sync(httpx2, url)}
    httpx = _encode_httpx()
    if httpx is not None:
        contenders["httpx (encode)"] = _raw_sync(httpx, url)
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
    contenders: dict[str, Callable[[], Awaitable[object]]] = {FLOOR: _raw_async(httpx2, url)}
    if "httpx" in sys.modules:
        contenders["httpx (encode)"] = _raw_async(sys.modules["httpx"], url)
    ours = runtime.AsyncClient(url)
    contenders["runtime"] = lambda: ours.completions.create(**REQUEST)
    if "deepseek_sdk" in sys.modules:
        sdk = sys.modules["deepseek_sdk"].AsyncDeepSeek(api_key="sk-bench", base_url=url)
        contenders["deepseek_sdk"] = lambda: sdk.chat.completions.create(**REQUEST)
    if "openai" in sys.modules:
        oai = sys.modules["openai"].AsyncOpenAI(api_key="sk-bench", base_url=url)
        contenders["openai"] = lambda: oai.chat.completions.create(**REQUEST)
    return contenders


def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)


def report(title: str, shape: str, results: Samples) -> dict[str, float]:
    """Print one table; returns each contender's CPU ratio to the floor."""
    floor_cpu = medians(results[FLOOR])[1]
    openai_cpu = medians(results["openai"])[1] if "openai" in results else None
    target = TARGETS[shape]
    print(f"\n{title}")
    print(
        f"  {'':<15} {'wall us/call':>12}   {'CPU us/call':>11} {'vs floor':>8} "
        f"{'vs openai':>9}   target"
    )
    ratios: dict[str, float] = {}
    for name, samples in results.items():
        wall, cpu = medians(samples)
        ratios[name] = cpu / floor_cpu
        versus = f"{cpu / openai_cpu:8.2f}x" if openai_cpu else f"{'':>9}"
        goal = ""
        if name in ("runtime", "deepseek_sdk"):
            goal = f"<= {target:.2f}x {'ok' if ratios[name] <= target else 'MISSED'}"
        print(f"  {name:<15} {wall:12.1f}   {cpu:11.1f} {ratios[name]:7.2f}x {versus}   {goal}")
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--batch", type=int, default=50, help="calls per timed batch")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument(
        "--shapes", default="sync,async,concurrent", help="which of sync,async,concurrent to run"
    )
    args = parser.parse_args()
    shapes = set(args.shapes.split(","))
    runtime = load_runtime()
    concurrent_batch = max(args.batch, 4 * args.concurrency)
    results: dict[str, Samples] = {}
    with loopback_server() as url:
        sync = sync_contenders(url, runtime)
        if "sync" in shapes:
            results["sync"] = bench_sync(sync, args.batches, args.batch)

        async def run_async() -> None:
            contenders = async_contenders(url, runtime)
            if "async" in shapes:
                results["async"] = await bench_async(contenders, args.batches, args.batch, 1)
            if "concurrent" in shapes:
                results["concurrent"] = await bench_async(
                    contenders, args.batches, concurrent_batch, args.concurrency
                )

        asyncio.run(run_async())
    versions = f"httpx2 {httpx2.__version__}"
    if "httpx" in sys.modules:
        versions += f", httpx {sys.modules['httpx'].__version__}"
    if "openai" in sys.modules:
        versions += f", openai {sys.modules['openai'].__version__}"
    print(f"Python {sys.version.split()[0]}, {versions}; medians of {args.batches} batches")
    titles = {
        "sync": f"sync, {args.batch} sequential calls per batch",
        "async": f"async, concurrency 1, {args.batch} sequential calls per batch",
        "concurrent": f"async, concurrency {args.concurrency}, {concurrent_batch} calls per batch",
    }
    for shape, samples in results.items():
        report(titles[shape], shape, samples)


if __name__ == "__main__":
    main()
