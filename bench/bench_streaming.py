"""Streaming throughput: the SDK's `Stream`/`AsyncStream` vs raw httpx2 and openai-python.

A child process serves one 20,000-chunk chat-completion event stream (DeepSeek-shaped chunks:
reasoning deltas, then content deltas, a final usage-only chunk, `data: [DONE]`) on 127.0.0.1
with chunked transfer encoding in 16 KiB writes; this process reads it with:

- `floor`: raw httpx2 `iter_lines()` + `json.loads` per `data:` line (no types, no checks),
  and the same with encode's `httpx` (a reference line, when importable);
- `sdk`: the runtime's `Stream[ChatCompletionChunk]` (SSE decoding, `[DONE]`/error checks and
  pydantic validation of every chunk) over an httpx2 response; a second row uses the same chunk
  model on a plain `pydantic.BaseModel`, to separate the stream's cost from the model base class;
- `openai`: openai-python's `client.chat.completions.create(stream=True)` against the same server,
  when the `openai` package is importable (its chunks are built without validation).

Each contender reads the stream once to warm up, then `--runs` times interleaved with the others.
Time is this process's CPU time (the server runs elsewhere, and CPU time is far less disturbed by
other load on the machine than wall time); the table shows each contender's best run, and the
CPU time per chunk against the httpx2 floor (target for the sdk: <= 1.25x).

    .venv/bin/python bench/bench_streaming.py [--chunks 20000] [--runs 7] [--source templates]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import multiprocessing
import shutil
import socketserver
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from multiprocessing.connection import Connection
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx2
import pydantic

ROOT = Path(__file__).resolve().parents[1]
WRITE_SIZE = 16 * 1024


def make_body(n_chunks: int) -> bytes:
    """The chunked-encoded body of an n-chunk stream, ending with `data: [DONE]`."""
    base = {
        "id": "0f8c4e1a-7f3b-4a7e-9c1e-2d5b8e6f9a10",
        "object": "chat.completion.chunk",
        "created": 1718345013,
        "model": "deepseek-reasoner",
        "system_fingerprint": "fp_a49d71b8a1_prod0425",
    }
    events: list[bytes] = []
    for i in range(n_chunks - 1):
        if i == 0:
            delta: dict[str, Any] = {"role": "assistant", "content": None, "reasoning_content": ""}
        elif i < n_chunks // 3:
            delta = {"content": None, "reasoning_content": f"step {i} "}
        else:
            delta = {"content": f"word{i} "}
        finish = "stop" if i == n_chunks - 2 else None
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        events.append(json.dumps({**base, "choices": [choice], "usage": None}).encode())
    usage = {
        "prompt_tokens": 12,
        "completion_tokens": n_chunks,
        "total_tokens": n_chunks + 12,
        "prompt_cache_hit_tokens": 0,
        "prompt_cache_miss_tokens": 12,
    }
    events.append(json.dumps({**base, "choices": [], "usage": usage}).encode())
    raw = b"".join(b"data: " + e + b"\n\n" for e in events) + b"data: [DONE]\n\n"
    pieces = [raw[i : i + WRITE_SIZE] for i in range(0, len(raw), WRITE_SIZE)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


class _Handler(socketserver.StreamRequestHandler):
    server: LoopbackServer

    def handle(self) -> None:
        while True:  # HTTP/1.1 keep-alive: one response per request on this connection
            if not self.rfile.readline().strip():
                return
            length = 0
            while (line := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            self.rfile.read(length)
            self.wfile.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                b"transfer-encoding: chunked\r\nx-request-id: bench\r\n\r\n" + self.server.body
            )
            self.wfile.flush()


class LoopbackServer(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def __init__(self, body: bytes) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.body = body


def _serve(n_chunks: int, port_out: Connection) -> None:
    server = LoopbackServer(make_body(n_chunks))
    port_out.send(server.server_address[1])
    server.serve_forever()


def start_server(n_chunks: int) -> tuple[str, multiprocessing.process.BaseProcess]:
    """Run the server in a child process (so it does not compete for this process's GIL)."""
    receive, send = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(
        target=_serve, args=(n_chunks, send), daemon=True
    )
    process.start()
    if not receive.poll(30):
        process.kill()
        raise RuntimeError("the loopback server did not start")
    return f"http://127.0.0.1:{receive.recv()}", process


def load_runtime(source: str) -> tuple[ModuleType, Any, str]:
    """`(_streaming module, ChatCompletionChunk, where they came from)`.

    `source="generated"`: the generated package, if it exists and has the chunk type;
    otherwise (or `source="templates"`) a temp copy of `templates/runtime` and a chunk model
    defined here on its `_models.BaseModel`.
    """
    generated = ROOT / "generated"
    if source == "generated" and (generated / "deepseek_sdk" / "_streaming.py").is_file():
        sys.path.insert(0, str(generated))
        for module in ("deepseek_sdk.types.chat", "deepseek_sdk.types"):
            try:
                chunk = importlib.import_module(module).ChatCompletionChunk
            except (ImportError, AttributeError):
                continue
            streaming = importlib.import_module("deepseek_sdk._streaming")
            return streaming, chunk, f"generated/: {module}.ChatCompletionChunk"
        sys.path.remove(str(generated))
    dest = Path(tempfile.mkdtemp(prefix="bench_runtime_"))
    package = dest / "_bench_runtime"
    package.mkdir()
    for source in (ROOT / "templates" / "runtime").glob("*.py"):
        shutil.copy(source, package / source.name)
    (package / "__init__.py").write_text("")
    sys.path.insert(0, str(dest))
    streaming = importlib.import_module("_bench_runtime._streaming")
    base: Any = importlib.import_module("_bench_runtime._models").BaseModel
    return streaming, _define_chunk_model(base), "templates/runtime + a chunk model defined here"


def _define_chunk_model(base: Any) -> Any:
    class ToolCallFunction(base):  # type: ignore[misc,valid-type]
        name: str | None = None
        arguments: str | None = None

    class ToolCall(base):  # type: ignore[misc,valid-type]
        index: int
        id: str | None = None
        type: str | None = None
        function: ToolCallFunction | None = None

    class ChoiceDelta(base):  # type: ignore[misc,valid-type]
        role: str | None = None
        content: str | None = None
        reasoning_content: str | None = None
        tool_calls: list[ToolCall] | None = None

    class Choice(base):  # type: ignore[misc,valid-type]
        index: int
        delta: ChoiceDelta
        logprobs: Any | None = None
        finish_reason: str | None = None

    class CompletionUsage(base):  # type: ignore[misc,valid-type]
        prompt_tokens: int
        completion_tokens: int
        total_tokens: int
        prompt_cache_hit_tokens: int | None = None
        prompt_cache_miss_tokens: int | None = None

    class ChatCompletionChunk(base):  # type: ignore[misc,valid-type]
        id: str
        object: str
        created: int
        model: str
        system_fingerprint: str | None = None
        choices: list[Choice]
        usage: CompletionUsage | None = None

    ChatCompletionChunk.model_rebuild()
    return ChatCompletionChunk


Runner = Callable[[], int | Awaitable[int]]


class Contender:
    def __init__(self, name: str, is_async: bool, run: Runner) -> None:
        self.name = name
        self.is_async = is_async
        self.run = run
        self.times: list[float] = []


def contenders(
    url: str, streaming: ModuleType, chunk_cls: Any, clients: list[Any]
) -> list[Contender]:
    """Everything to time; each `run` reads the whole stream and returns the chunk count.

    The HTTP clients made here are appended to `clients`, for the caller to close.
    """
    sync_http = httpx2.Client(timeout=60)
    async_http = httpx2.AsyncClient(timeout=60)
    clients += [sync_http, async_http]
    endpoint = url + "/chat/completions"

    def floor_sync(http: Any) -> Runner:
        def run() -> int:
            count = 0
            with http.stream("POST", endpoint, json={}) as response:
                for line in response.iter_lines():
                    if line.startswith("data: "):
                        if line[6:] == "[DONE]":
                            break
                        json.loads(line[6:])
                        count += 1
            return count

        return run

    def floor_async(http: Any) -> Runner:
        async def run() -> int:
            count = 0
            async with http.stream("POST", endpoint, json={}) as response:
                async for line in response.aiter_lines():
                    if line.startswith("data: "):
                        if line[6:] == "[DONE]":
                            break
                        json.loads(line[6:])
                        count += 1
            return count

        return run

    def sdk_sync(model: Any) -> Runner:
        def run() -> int:
            response = sync_http.send(
                sync_http.build_request("POST", endpoint, json={}), stream=True
            )
            count = 0
            with streaming.Stream[model](cast_to=model, response=response, client=None) as stream:
                for _ in stream:
                    count += 1
            return count

        return run

    def sdk_async(model: Any) -> Runner:
        async def run() -> int:
            request = async_http.build_request("POST", endpoint, json={})
            response = await async_http.send(request, stream=True)
            count = 0
            async with streaming.AsyncStream[model](
                cast_to=model, response=response, client=None
            ) as stream:
                async for _ in stream:
                    count += 1
            return count

        return run

    plain = _define_chunk_model(
        type(
            "PlainBase", (pydantic.BaseModel,), {"model_config": pydantic.ConfigDict(extra="allow")}
        )
    )
    result = [
        Contender("floor: httpx2 iter_lines + json.loads", False, floor_sync(sync_http)),
        Contender("sdk: Stream[ChatCompletionChunk]", False, sdk_sync(chunk_cls)),
        Contender("  (same, chunk on plain pydantic.BaseModel)", False, sdk_sync(plain)),
    ]
    async_result = [
        Contender("floor: httpx2 aiter_lines + json.loads", True, floor_async(async_http)),
        Contender("sdk: AsyncStream[ChatCompletionChunk]", True, sdk_async(chunk_cls)),
        Contender("  (same, chunk on plain pydantic.BaseModel)", True, sdk_async(plain)),
    ]
    try:
        import httpx
    except ImportError:
        pass
    else:
        legacy, async_legacy = httpx.Client(timeout=60), httpx.AsyncClient(timeout=60)
        clients += [legacy, async_legacy]
        result.append(
            Contender("httpx (encode) iter_lines + json.loads", False, floor_sync(legacy))
        )
        async_result.append(
            Contender("httpx (encode) aiter_lines + json.loads", True, floor_async(async_legacy))
        )
    try:
        import openai
    except ImportError:
        return result + async_result
    client = openai.OpenAI(api_key="bench", base_url=url, max_retries=0)
    async_client = openai.AsyncOpenAI(api_key="bench", base_url=url, max_retries=0)
    clients += [client, async_client]

    def openai_sync() -> int:
        count = 0
        with client.chat.completions.create(model="m", messages=[], stream=True) as stream:
            for _ in stream:
                count += 1
        return count

    async def openai_async() -> int:
        count = 0
        stream = await async_client.chat.completions.create(model="m", messages=[], stream=True)
        async with stream:
            async for _ in stream:
                count += 1
        return count

    result.append(Contender(f"openai {openai.__version__}: Stream", False, openai_sync))
    async_result.append(Contender(f"openai {openai.__version__}: AsyncStream", True, openai_async))
    return result + async_result


def time_once(contender: Contender, loop: asyncio.AbstractEventLoop, expected: int) -> float:
    started = time.process_time()
    result = contender.run()
    count = loop.run_until_complete(result) if isinstance(result, Awaitable) else result
    elapsed = time.process_time() - started
    if count != expected:
        raise RuntimeError(f"{contender.name}: read {count} chunks, expected {expected}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--chunks", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--source",
        choices=["generated", "templates"],
        default="generated",
        help="runtime + chunk model: the generated package (default, when present) or templates/",
    )
    args = parser.parse_args()

    streaming, chunk_cls, chunk_source = load_runtime(args.source)
    url, server = start_server(args.chunks)
    loop = asyncio.new_event_loop()
    clients: list[Any] = []
    try:
        todo = contenders(url, streaming, chunk_cls, clients)
        for contender in todo:  # warm-up: connections, imports, pydantic schema builds
            time_once(contender, loop, args.chunks)
        for _ in range(args.runs):  # interleaved, so machine noise hits every contender alike
            for contender in todo:
                contender.times.append(time_once(contender, loop, args.chunks))
    finally:
        for client in clients:
            closing = client.aclose() if hasattr(client, "aclose") else client.close()
            if isinstance(closing, Awaitable):
                loop.run_until_complete(closing)
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
        server.kill()
        server.join(5)

    legacy = sys.modules.get("httpx")
    print(
        f"{args.chunks} chunks per stream, best of {args.runs} runs; Python {sys.version.split()[0]}, "
        f"httpx2 {httpx2.__version__}, {f'httpx {legacy.__version__}, ' if legacy else ''}"
        f"pydantic {pydantic.__version__}; runtime: {chunk_source}"
    )
    print(
        f"{'contender':46} {'chunks/s':>9} {'µs/chunk':>9} {'vs floor':>9} {'sdk faster':>10}"
        f"   target"
    )
    for is_async in (False, True):
        group = [c for c in todo if c.is_async is is_async]
        rates = {c.name: args.chunks / min(c.times) for c in group}
        floor, sdk = rates[group[0].name], rates[group[1].name]
        for name, rate in rates.items():
            versus = f"{sdk / rate:9.2f}x" if name.startswith("openai") else ""
            goal = ""
            if name == group[1].name:  # CPU per chunk, sdk vs floor
                goal = f"<= 1.25x {'ok' if floor / rate <= 1.25 else 'MISSED'}"
            print(
                f"{name:46} {rate:9,.0f} {1e6 / rate:9.2f} {floor / rate:8.2f}x {versus:>10}"
                f"   {goal}"
            )


if __name__ == "__main__":
    main()
