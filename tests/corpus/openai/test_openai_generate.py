"""The whole OpenAI SDK: generated without errors, every module compiles and imports, every
model builds, and every operation of the spec is one method (sync and async) on the resource
tree, with pagination, streaming, multipart and binary responses where the spec asks for them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Mapping
from types import ModuleType
from typing import Any

import pydantic
import pytest
from _openai_support import GeneratedSdk, mock_client, spec_operations, walk_methods

from codegen.config import Config
from codegen.lower import lower

pytestmark = pytest.mark.openai_spec

PER_CALL_OPTIONS = {
    "extra_headers",
    "extra_query",
    "extra_body",
    "timeout",
    "max_retries",
    "deadline",
}


def _never_called(request: Any) -> Any:
    raise AssertionError(f"unexpected request {request.method} {request.url}")


def _methods(api: Any) -> dict[tuple[str, str], Any]:
    return {
        (method.http_method.upper(), method.path): method
        for resource in api.resources
        for method in resource.methods
    }


def _deref(document: Mapping[str, Any], node: Any) -> Any:
    while isinstance(node, Mapping) and "$ref" in node:
        node = document["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _success_media(operation: Mapping[str, Any]) -> dict[str, Any]:
    responses = operation.get("responses", {})
    code = min((c for c in map(str, responses) if c.startswith("2")), default=None)
    if code is None:
        return {}
    return dict((responses.get(code) or responses.get(int(code)) or {}).get("content") or {})


def _has_file(document: Mapping[str, Any], schema: Any, depth: int = 0) -> bool:
    schema = _deref(document, schema)
    if not isinstance(schema, Mapping) or depth > 3:
        return False
    if schema.get("format") == "binary":
        return True
    children = [*schema.get("properties", {}).values(), schema.get("items")]
    children += schema.get("oneOf", []) + schema.get("anyOf", [])
    return any(_has_file(document, child, depth + 1) for child in children if child)


def test_generation_reports_no_errors(generated_openai: GeneratedSdk) -> None:
    outcome = generated_openai.outcome
    assert [d for d in outcome.diagnostics if d.level == "error"] == []
    assert outcome.result.written, "nothing was written"
    assert (generated_openai.package_dir / "py.typed").exists()


def test_every_generated_module_compiles(generated_openai: GeneratedSdk) -> None:
    sources = sorted(generated_openai.package_dir.rglob("*.py"))
    assert len(sources) > 1000
    for path in sources:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_every_module_imports_and_every_type_builds(openai_sdk: ModuleType) -> None:
    """Models are built lazily (`defer_build`); force every one, and every union alias."""
    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(openai_sdk.__path__, f"{openai_sdk.__name__}.")
    ]
    models: dict[int, type[pydantic.BaseModel]] = {}
    aliases: dict[int, Any] = {}
    for module in modules:
        if ".types." not in module.__name__ or module.__name__.endswith("__init__"):
            continue
        for name in getattr(module, "__all__", ()):
            if name.endswith("Params"):  # a method's request TypedDict(s): never validated
                continue
            value = getattr(module, name)
            if inspect.isclass(value) and issubclass(value, pydantic.BaseModel):
                models[id(value)] = value
            elif typing.get_origin(value) in (typing.Annotated, typing.Union):
                aliases[id(value)] = value
    for model in models.values():
        model.model_rebuild(force=True)
    for alias in aliases.values():
        pydantic.TypeAdapter(alias)
    assert len(models) > 1000
    assert len(aliases) > 100


def test_one_method_per_operation_sync_and_async(
    generated_openai: GeneratedSdk, openai_sdk: ModuleType
) -> None:
    operations = spec_operations(generated_openai.outcome.spec.document)
    assert len(operations) == 288
    sync = walk_methods(mock_client(openai_sdk, _never_called))
    async_ = walk_methods(mock_client(openai_sdk, _never_called, is_async=True))
    assert len(sync) == len(operations)
    assert sorted(async_) == sorted(sync)
    for name in (
        "chat.completions.create",
        "fine_tuning.jobs.checkpoints.list",
        "vector_stores.files.create",
        "responses.create",
        "beta.responses.create",
        "audio.speech.create",
        "files.content",
        "uploads.parts.create",
    ):
        assert name in sync, name
    assert set(_methods(generated_openai.outcome.api)) == operations


def test_every_operation_gets_a_method_without_the_config(generated_openai: GeneratedSdk) -> None:
    """Coverage does not depend on spec/examples/openai.sdk.yaml, which only renames."""
    spec = generated_openai.outcome.spec
    api, diagnostics = lower(spec, Config())
    assert [d for d in diagnostics if d.level == "error"] == []
    assert set(_methods(api)) == spec_operations(spec.document)


def test_optional_parameters_default_to_not_given(openai_sdk: ModuleType) -> None:
    """A method sends only what the caller passed: no spec default (`temperature=1`, ...)
    ever becomes a Python default."""
    client = mock_client(openai_sdk, _never_called)
    for name, method in walk_methods(client).items():
        for param in inspect.signature(method).parameters.values():
            if param.default is inspect.Parameter.empty:
                continue
            if param.name in PER_CALL_OPTIONS:
                assert param.default is None or param.default is openai_sdk.NOT_GIVEN
            else:
                assert param.default is openai_sdk.NOT_GIVEN, f"{name}({param.name}=...)"


def test_cursor_pages_are_detected(generated_openai: GeneratedSdk) -> None:
    """A GET answering `{data: [...], has_more: bool}` with an `after` parameter is a cursor
    page (auto-pagination), found from the spec alone."""
    document = generated_openai.outcome.spec.document
    methods = _methods(generated_openai.outcome.api)
    expected = set()
    for path, item in document["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        schema = _deref(
            document, _success_media(operation).get("application/json", {}).get("schema")
        )
        props = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
        params = [_deref(document, p) for p in operation.get("parameters", [])]
        if (
            _deref(document, props.get("data", {})).get("type") == "array"
            and _deref(document, props.get("has_more", {})).get("type") == "boolean"
            and any(p.get("name") == "after" and p.get("in") == "query" for p in params)
        ):
            expected.add(("GET", path))
    assert len(expected) > 50
    cursor = {key for key, method in methods.items() if method.paginator is not None}
    assert expected <= cursor
    assert {methods[key].paginator.kind for key in expected} == {"cursor"}


def test_streaming_multipart_and_binary_follow_the_media_types(
    generated_openai: GeneratedSdk, openai_sdk: ModuleType
) -> None:
    document = generated_openai.outcome.spec.document
    methods = _methods(generated_openai.outcome.api)
    streaming, multipart, binary = set(), set(), set()
    for path, item in document["paths"].items():
        for verb, operation in item.items():
            if not isinstance(operation, Mapping) or "responses" not in operation:
                continue
            media = _success_media(operation)
            key = (verb.upper(), path)
            body = (operation.get("requestBody") or {}).get("content") or {}
            form = body.get("multipart/form-data")
            if form and ("application/json" not in body or _has_file(document, form["schema"])):
                multipart.add(key)  # files cannot travel in JSON
            if "text/event-stream" in media and "application/json" in media:
                streaming.add(key)
            elif media and not any(m.endswith("json") or m == "text/event-stream" for m in media):
                binary.add(key)
    assert {("POST", "/chat/completions"), ("POST", "/responses")} <= streaming
    assert {("POST", "/files"), ("POST", "/audio/transcriptions")} <= multipart
    for key in streaming:
        assert methods[key].stream is not None, key
        assert methods[key].result == "model_or_stream", key  # three overloads
    for key in multipart:
        body = methods[key].body
        assert body is not None and body.multipart, key  # sent with `files=`
    for key in binary | {("POST", "/audio/speech")}:
        assert methods[key].result == "binary", key  # a BinaryAPIResponse

    create = mock_client(openai_sdk, _never_called).chat.completions.create
    returns = [o.__annotations__["return"] for o in typing.get_overloads(create.__func__)]
    assert returns == [
        "ChatCompletion",
        "Stream[ChatCompletionChunk]",
        "ChatCompletion | Stream[ChatCompletionChunk]",
    ]
