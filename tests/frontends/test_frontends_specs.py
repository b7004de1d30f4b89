"""The command line and MCP server of SDKs generated from real specs: OpenAI's
(`spec/examples/openai.sdk.yaml`) and the corpus (`../shared/specs/corpus/`, no config).

For each spec that generates: every method is a command whose `--help` builds and a tool whose
input schema is valid JSON Schema without references (or is left out with a reason), and a
read operation works from the command line (a subprocess) and through an MCP client session
against a local server. OpenAI's chat completion, models list and file upload are called like
DeepSeek's, against the stand-in for DeepSeek (OpenAI's shapes). Specs live outside the
repository: without `../shared` these tests are skipped with the reason; a spec that does not
generate yet (the real-world specs work of issue 15) is skipped with the generator's error.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
import traceback
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _fake_deepseek import FakeDeepSeek
from _frontends_support import TOOL_NAME, run_cli, sample_argument, sample_value, schema_problems
from mcp import Client
from servers import Json, RecordedRequest, ScriptedServer

from codegen.cli import generate

pytestmark = pytest.mark.openai_spec

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO.parent / "shared" / "specs"
CORPUS = SPECS / "corpus"
OPENAI_CONFIG = REPO / "spec" / "examples" / "openai.sdk.yaml"
NAMES = ["openai", "petstore", "mistral", "twilio-messaging", "stripe", "digitalocean"]


def spec_path(name: str) -> Path:
    if name == "openai":
        return SPECS / "openai-2026-08-21.yaml"
    folder = CORPUS / name
    entry = folder / "ENTRY"
    if entry.is_file():
        return folder / entry.read_text(encoding="utf-8").splitlines()[0].strip()
    found = sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml", ".json"))
    return found[0] if found else folder / "missing.yaml"


@dataclass(frozen=True)
class Generated:
    name: str
    root: Path
    package: str
    methods: int

    def module(self, name: str) -> ModuleType:
        return importlib.import_module(f"{self.package}.{name}")


@pytest.fixture(scope="module", params=NAMES)
def sdk(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Generated]:
    name: str = request.param
    path = spec_path(name)
    if not path.is_file():
        pytest.skip(f"{path} does not exist (../shared/specs is not next to the repository)")
    out = tmp_path_factory.mktemp(f"frontends-{name}")
    config = OPENAI_CONFIG if name == "openai" else None
    try:
        outcome = generate(path, config, out, cache_dir=None)
    except Exception as exc:  # any failure to generate is a skip, with where it failed
        where = traceback.extract_tb(exc.__traceback__)[-1]
        place = f"{Path(where.filename).name}:{where.lineno}"
        pytest.skip(f"{name} does not generate yet: {type(exc).__name__} at {place}: {exc}"[:300])
    package = outcome.api.package
    methods = sum(len(r.methods) for r in outcome.api.resources)
    sys.path.insert(0, str(out))
    try:
        yield Generated(name, out, package, methods)
    finally:
        sys.path.remove(str(out))
        for module in [m for m in sys.modules if m.split(".")[0] == package]:
            del sys.modules[module]


@asynccontextmanager
async def mcp_session(sdk: Generated, **options: Any) -> AsyncIterator[Client]:
    server = sdk.module("mcp").create_server(**options)
    try:
        async with Client(server) as client:
            yield client
    finally:
        await server.toolset.aclose()


async def test_every_method_is_a_tool_with_a_valid_schema(sdk: Generated) -> None:
    table = sdk.module("_frontend.table").load_table()
    assert len(table.operations) == sdk.methods
    started = time.perf_counter()
    async with mcp_session(sdk) as client:
        listed = await client.list_tools()
    seconds = time.perf_counter() - started
    _, omitted = sdk.module("mcp._tools").select(table)
    names = [tool.name for tool in listed.tools]
    assert len(names) == len(set(names))
    assert len(names) + len(omitted) == sdk.methods
    for item in omitted:  # only what MCP cannot carry, said in the server's instructions
        assert "files inside JSON" in item.reason
    problems = {
        tool.name: schema_problems(tool.input_schema)
        for tool in listed.tools
        if schema_problems(tool.input_schema) or not TOOL_NAME.match(tool.name)
    }
    assert problems == {}
    size = sum(len(json.dumps(tool.input_schema)) for tool in listed.tools)
    print(f"{sdk.name}: {len(names)} tools listed in {seconds:.2f}s, {size} bytes of schemas")


def test_every_command_has_help(sdk: Generated) -> None:
    table = sdk.module("_frontend.table").load_table()
    command = sdk.module("cli._command")
    listing = command.listing(table, "x api")
    for op in table.operations:
        assert f"  {op.command}" in listing
        text = command.operation_parser(table, op, "x api").format_help()
        assert f"{op.http} {op.path}" in text
        for param in op.params:
            if param.flag and not param.stream_flag:
                assert param.flag in text


def _read_operation(sdk: Generated) -> Any:
    """A GET operation whose required parameters are all simple (path, query, header)."""
    table = sdk.module("_frontend.table").load_table()
    for op in table.operations:
        required = [p for p in op.params if p.required]
        if op.http == "GET" and all(
            p.location in ("path", "query") and sample_value(p) not in (None, {}) for p in required
        ):
            return op
    pytest.skip(f"{sdk.name} has no GET operation with simple required parameters")


def _answer(request: RecordedRequest) -> Json:
    return Json({})


def test_a_read_operation_from_the_command_line(sdk: Generated) -> None:
    op = _read_operation(sdk)
    table = sdk.module("_frontend.table").load_table()
    args = ["api", op.command]
    for param in op.params:
        if param.required and param.location == "path":
            args.append(sample_argument(param))
        elif param.required:
            args += [param.flag, sample_argument(param)]
    url = next(o for o in table.client_options if o.name == "base_url")
    with ScriptedServer(_answer) as server:
        # every credential the client takes (petstore's spec has none)
        env = {o.env: "sk-test" for o in table.client_options if o.secret and o.env}
        env[url.env] = server.url
        ran = run_cli(sdk.package, sdk.root, args, env=env)
        assert ran.code == 0, ran.stderr
        json.loads(ran.stdout)
        (request,) = server.requests
    assert request.method == "GET"
    fixed = op.path.split("{")[0].split("?")[0]
    assert request.path.startswith(fixed.rstrip("/")), (request.path, op.path)


async def test_a_read_operation_through_mcp(
    sdk: Generated, monkeypatch: pytest.MonkeyPatch
) -> None:
    op = _read_operation(sdk)
    table = sdk.module("_frontend.table").load_table()
    arguments = {p.name: sample_value(p) for p in op.params if p.required}
    with ScriptedServer(_answer) as server:
        for option in table.client_options:  # the base URL, and every credential the spec takes
            if option.env:
                monkeypatch.setenv(option.env, server.url if option.name == "base_url" else "test")
        async with mcp_session(sdk) as client:
            result = await client.call_tool(op.tool, arguments)
        assert not result.is_error, result.content
        assert [r.method for r in server.requests] == ["GET"]


# --- OpenAI's chat, models and files, as for DeepSeek -----------------------------------------


@pytest.fixture
def fake_api() -> Iterator[ScriptedServer]:
    with ScriptedServer(FakeDeepSeek().handle) as server:
        yield server


@pytest.mark.parametrize("sdk", ["openai"], indirect=True)
def test_openai_command_line(sdk: Generated, fake_api: ScriptedServer, tmp_path: Path) -> None:
    openai = sdk
    env = {"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": fake_api.url}
    chat = ["api", "chat.completions.create", "-m", "gpt-4o", "-g", "user", "hi"]
    created = run_cli(openai.package, openai.root, chat, env=env)
    assert created.code == 0, created.stderr
    assert created.json()["choices"][0]["message"]["content"] == "This is a test."
    streamed = run_cli(openai.package, openai.root, [*chat, "--stream"], env=env)
    assert streamed.code == 0, streamed.stderr
    assert streamed.stdout == "This is a test.\n"
    models = run_cli(openai.package, openai.root, ["api", "models.list"], env=env)
    assert [m["id"] for m in models.json()["data"]] == ["deepseek-chat", "deepseek-reasoner"]
    data = tmp_path / "train.jsonl"
    data.write_text('{"prompt": "hi"}\n', encoding="utf-8")
    upload = ["api", "files.create", "--file", f"@{data}", "--purpose", "fine-tune"]
    uploaded = run_cli(openai.package, openai.root, upload, env=env)
    assert uploaded.code == 0, uploaded.stderr
    assert uploaded.json()["filename"] == "train.jsonl"
    job = ["api", "fine_tuning.jobs.create", "--model", "m", "--training-file", "file-x"]
    failed = run_cli(openai.package, openai.root, job, env=env)
    assert failed.code == 1
    assert "400: training_file 'file-x' does not exist" in failed.stderr
    assert [r.path for r in fake_api.requests] == [
        "/chat/completions",
        "/chat/completions",
        "/models",
        "/files",
        "/fine_tuning/jobs",
    ]


@pytest.mark.parametrize("sdk", ["openai"], indirect=True)
async def test_openai_mcp_tools(
    sdk: Generated, fake_api: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", fake_api.url)
    async with mcp_session(sdk) as client:
        chat = await client.call_tool(
            "chat_completions_create",
            {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]},
        )
        models = await client.call_tool("models_list", {})
        upload = await client.call_tool(
            "files_create",
            {"file": {"filename": "a.jsonl", "text": "{}\n"}, "purpose": "fine-tune"},
        )
    for result in (chat, models, upload):
        assert not result.is_error, result.content
    assert chat.structured_content["choices"][0]["message"]["content"] == "This is a test."
    assert models.structured_content["object"] == "list"
    assert upload.structured_content["filename"] == "a.jsonl"
