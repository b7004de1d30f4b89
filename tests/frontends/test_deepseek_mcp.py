"""DeepSeek's MCP server, through the official `mcp` SDK's client: in-process for the tools and
calls, then over stdio and streamable HTTP as an assistant starts it."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from _frontends_support import API_KEY, TOOL_NAME, schema_problems
from mcp import Client, StdioServerParameters
from servers import Json, ScriptedServer

EXPECTED_TOOLS = {
    "beta_chat_completions_create",
    "chat_completions_create",
    "completions_create",
    "files_content",
    "files_create",
    "files_delete",
    "files_list",
    "files_retrieve",
    "fine_tuning_jobs_cancel",
    "fine_tuning_jobs_create",
    "fine_tuning_jobs_list",
    "fine_tuning_jobs_list_events",
    "fine_tuning_jobs_retrieve",
    "models_list",
    "models_retrieve",
    "user_balance",
}


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, fake_deepseek: ScriptedServer) -> None:
    monkeypatch.setenv("DEEPSEEK_API_KEY", API_KEY)
    monkeypatch.setenv("DEEPSEEK_BASE_URL", fake_deepseek.url)


@asynccontextmanager
async def session(**options: Any) -> AsyncIterator[Client]:
    """An in-process client session with a server made by `create_server(**options)`.

    (A context manager, not a fixture: anyio's task groups must close in the task that opened
    them, and pytest-asyncio tears async fixtures down in another one.)"""
    from deepseek_sdk.mcp import create_server

    server = create_server(**options)
    try:
        async with Client(server) as client:
            yield client
    finally:
        await server.toolset.aclose()


def payload(result: Any) -> Any:
    assert not result.is_error, result.content
    (content,) = result.content
    assert json.loads(content.text) == result.structured_content
    return result.structured_content


async def test_every_operation_is_a_tool_with_a_valid_schema(environment: None) -> None:
    async with session() as client:
        await _test_every_operation_is_a_tool_with_a_valid_schema(client)


async def _test_every_operation_is_a_tool_with_a_valid_schema(session: Client) -> None:
    tools = (await session.list_tools()).tools
    assert {tool.name for tool in tools} == EXPECTED_TOOLS
    for tool in tools:
        assert TOOL_NAME.match(tool.name)
        assert schema_problems(tool.input_schema) == [], tool.name
        assert tool.description
    chat = next(t for t in tools if t.name == "chat_completions_create")
    assert chat.description.startswith("Create a chat completion\n\nGenerates the assistant's")
    assert chat.input_schema["required"] == ["model", "messages"]
    assert "stream" not in chat.input_schema["properties"], "calls return the whole answer"
    message = chat.input_schema["properties"]["messages"]["items"]
    assert {"system", "user", "assistant", "tool"} <= set(json.dumps(message).split('"'))
    balance = next(t for t in tools if t.name == "user_balance")
    assert balance.annotations is not None and balance.annotations.read_only_hint is True
    delete = next(t for t in tools if t.name == "files_delete")
    assert delete.annotations is not None and delete.annotations.destructive_hint is True


async def test_chat_completion(environment: None, fake_deepseek: ScriptedServer) -> None:
    async with session() as client:
        await _test_chat_completion(client, fake_deepseek)


async def _test_chat_completion(session: Client, fake_deepseek: ScriptedServer) -> None:
    result = await session.call_tool(
        "chat_completions_create",
        {"model": "deepseek-chat", "messages": [{"role": "user", "content": "hi"}]},
    )
    data = payload(result)
    assert data["choices"][0]["message"]["content"] == "This is a test."
    (request,) = fake_deepseek.requests
    assert request.json() == {
        "model": "deepseek-chat",
        "messages": [{"role": "user", "content": "hi"}],
    }
    assert request.header("authorization") == f"Bearer {API_KEY}"


async def test_models_list_and_a_path_parameter(
    environment: None, fake_deepseek: ScriptedServer
) -> None:
    async with session() as client:
        await _test_models_list_and_a_path_parameter(client, fake_deepseek)


async def _test_models_list_and_a_path_parameter(
    session: Client, fake_deepseek: ScriptedServer
) -> None:
    models = payload(await session.call_tool("models_list", {}))
    assert [m["id"] for m in models["data"]] == ["deepseek-chat", "deepseek-reasoner"]
    job = payload(await session.call_tool("fine_tuning_jobs_retrieve", {"fine_tuning_job_id": "j"}))
    assert job["id"] == "j"
    assert fake_deepseek.requests[-1].path == "/fine_tuning/jobs/j"


async def test_file_upload_as_text_or_base64_and_download(
    environment: None, fake_deepseek: ScriptedServer
) -> None:
    async with session() as client:
        await _test_file_upload_as_text_or_base64_and_download(client, fake_deepseek)


async def _test_file_upload_as_text_or_base64_and_download(
    session: Client, fake_deepseek: ScriptedServer
) -> None:
    text = payload(
        await session.call_tool(
            "files_create",
            {"file": {"filename": "a.jsonl", "text": '{"x": 1}\n'}, "purpose": "fine-tune"},
        )
    )
    assert (text["filename"], text["bytes"]) == ("a.jsonl", 9)
    raw = bytes(range(256))
    encoded = base64.b64encode(raw).decode()
    blob = payload(
        await session.call_tool(
            "files_create",
            {"file": {"filename": "b.bin", "base64": encoded}, "purpose": "fine-tune"},
        )
    )
    assert blob["bytes"] == 256
    back = await session.call_tool("files_content", {"file_id": text["id"]})
    assert not back.is_error
    assert back.content[0].text == '{"x": 1}\n'
    assert back.structured_content["size"] == 9
    binary = await session.call_tool("files_content", {"file_id": blob["id"]})
    assert binary.content[0].type == "resource"
    assert base64.b64decode(binary.content[0].resource.blob) == raw


async def test_an_api_error_is_a_tool_error_with_the_request_id(environment: None) -> None:
    async with session() as client:
        await _test_an_api_error_is_a_tool_error_with_the_request_id(client)


async def _test_an_api_error_is_a_tool_error_with_the_request_id(session: Client) -> None:
    result = await session.call_tool(
        "fine_tuning_jobs_create", {"model": "deepseek-chat", "training_file": "file-x"}
    )
    assert result.is_error
    text = result.content[0].text
    assert "400: training_file 'file-x' does not exist (code: invalid_training_file)" in text
    assert "request id: req_0" in text


async def test_bad_arguments_are_a_tool_error_without_a_request(
    environment: None, fake_deepseek: ScriptedServer
) -> None:
    async with session() as client:
        await _test_bad_arguments_are_a_tool_error_without_a_request(client, fake_deepseek)


async def _test_bad_arguments_are_a_tool_error_without_a_request(
    session: Client, fake_deepseek: ScriptedServer
) -> None:
    result = await session.call_tool("chat_completions_create", {"model": 3, "stray": 1})
    assert result.is_error
    text = result.content[0].text
    assert "'messages' is a required property" in text
    assert "3 is not of type 'string'" in text
    assert "'stray' was unexpected" in text
    upload = await session.call_tool(
        "files_create", {"file": {"filename": "a", "base64": "%%%"}, "purpose": "p"}
    )
    assert upload.is_error
    assert not fake_deepseek.requests


async def test_errors_never_echo_the_key(
    monkeypatch: pytest.MonkeyPatch, scripted_server: ScriptedServer
) -> None:
    monkeypatch.setenv("DEEPSEEK_API_KEY", API_KEY)
    monkeypatch.setenv("DEEPSEEK_BASE_URL", scripted_server.url)
    scripted_server.enqueue(Json({"error": {"message": f"bad key {API_KEY}"}}, status=401))
    async with session() as client:
        result = await client.call_tool("models_list", {})
    assert result.is_error
    assert API_KEY not in result.content[0].text
    assert "401: bad key ***" in result.content[0].text


async def test_a_missing_key_is_a_tool_error_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DEEPSEEK_API_KEY", raising=False)
    async with session() as client:
        assert len((await client.list_tools()).tools) == len(EXPECTED_TOOLS)
        result = await client.call_tool("user_balance", {})
    assert result.is_error
    assert "DEEPSEEK_API_KEY" in result.content[0].text


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"tools": ["files"]}, {n for n in EXPECTED_TOOLS if n.startswith("files_")}),
        ({"tools": ["chat.*,user"]}, {"chat_completions_create", "user_balance"}),
        (
            {"tools": ["models_list", "fine_tuning.jobs.cancel"]},
            {"models_list", "fine_tuning_jobs_cancel"},
        ),
        ({"tags": ["Models"]}, {"models_list", "models_retrieve"}),
        (
            {"read_only": True, "tools": ["files", "user"]},
            {"files_list", "files_retrieve", "files_content", "user_balance"},
        ),
    ],
)
async def test_tools_are_filtered(
    environment: None, options: dict[str, Any], expected: set[str]
) -> None:
    async with session(**options) as client:
        assert {t.name for t in (await client.list_tools()).tools} == expected


def _env(fake_deepseek: ScriptedServer, root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEEPSEEK_")}
    return env | {
        "PYTHONPATH": str(root),
        "DEEPSEEK_API_KEY": API_KEY,
        "DEEPSEEK_BASE_URL": fake_deepseek.url,
    }


async def test_stdio_server(fake_deepseek: ScriptedServer, deepseek_root: Path) -> None:
    parameters = StdioServerParameters(
        command=sys.executable,
        args=["-m", "deepseek_sdk.mcp", "--tools", "models,user"],
        env=_env(fake_deepseek, deepseek_root),
    )
    async with Client(parameters) as client:
        names = {t.name for t in (await client.list_tools()).tools}
        assert names == {"models_list", "models_retrieve", "user_balance"}
        balance = payload(await client.call_tool("user_balance", {}))
    assert balance["is_available"] is True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def http_server(fake_deepseek: ScriptedServer, deepseek_root: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "deepseek_sdk.mcp", "--http", "--port", str(port)],
        env=_env(fake_deepseek, deepseek_root),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


async def test_streamable_http_server_on_loopback(http_server: str) -> None:
    async with Client(http_server) as client:
        tools = (await client.list_tools()).tools
        assert {t.name for t in tools} == EXPECTED_TOOLS
        models = payload(await client.call_tool("models_list", {}))
    assert models["object"] == "list"


def test_list_prints_the_tools(deepseek_root: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEEPSEEK_")}
    done = subprocess.run(
        [sys.executable, "-m", "deepseek_sdk", "mcp", "--read-only", "--list"],
        env=env | {"PYTHONPATH": str(deepseek_root)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    names = [line.split()[0] for line in done.stdout.splitlines()]
    assert names == [
        "files_list",
        "files_retrieve",
        "files_content",
        "fine_tuning_jobs_list",
        "fine_tuning_jobs_retrieve",
        "fine_tuning_jobs_list_events",
        "models_list",
        "models_retrieve",
        "user_balance",
    ]
