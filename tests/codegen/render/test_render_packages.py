"""Generated code + runtime together: packages rendered from the snapshot specs, imported and
driven through `httpx2.MockTransport` (no network)."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx2
import pytest

from codegen.config import load_config
from codegen.lower import lower
from codegen.render import render
from codegen.spec import load_spec

SPECS = Path(__file__).resolve().parents[2] / "snapshots" / "specs"
Handler = Callable[[httpx2.Request], httpx2.Response]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("generated")
    packages: set[str] = set()
    for name in (
        "crud",
        "cursor_pagination",
        "sse_overloads",
        "multipart",
        "discriminated_union",
        "open_enums",
        "recursive",
        "nested_resources",
        "awkward_names",
    ):
        spec = SPECS / f"{name}.yaml"
        config = SPECS / f"{name}.sdk.yaml"
        api, _ = lower(load_spec(spec), load_config(config if config.exists() else None))
        packages.add(api.package)
        for relative, text in render(api).items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(root))
    yield root
    sys.path.remove(str(root))
    for module in [m for m in sys.modules if m.split(".")[0] in packages]:
        del sys.modules[module]


def package(out_dir: Path, name: str) -> ModuleType:
    del out_dir
    return importlib.import_module(name)


def client_for(module: ModuleType, handler: Handler, *, is_async: bool = False) -> Any:
    names = [n for n in module.__all__ if n.endswith("Error") and n != "SDKError"]
    client_name = names[0].removesuffix("Error") if names else ""
    assert client_name
    if is_async:
        http = httpx2.AsyncClient(transport=httpx2.MockTransport(handler))
        return getattr(module, "Async" + client_name)(api_key="k", http_client=http, max_retries=0)
    http_sync = httpx2.Client(transport=httpx2.MockTransport(handler))
    return getattr(module, client_name)(api_key="k", http_client=http_sync, max_retries=0)


def json_response(body: object, status: int = 200) -> httpx2.Response:
    return httpx2.Response(status, json=body, headers={"x-request-id": "req_1"})


def test_import_is_lazy(out_dir: Path) -> None:
    code = (
        "import sys, crud_sdk\n"
        "crud_sdk.Crud(api_key='x')\n"
        "loaded = [m for m in sys.modules if m.startswith(('crud_sdk.types', 'crud_sdk.resources'))]\n"
        "assert loaded == [], loaded\n"
        "crud_sdk.Crud(api_key='x').widgets\n"
        "assert 'crud_sdk.resources.widgets' in sys.modules\n"
        "assert crud_sdk.types.Widget.__name__ == 'Widget'\n"
        "assert crud_sdk.NotFoundError.__module__ == 'crud_sdk'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=out_dir, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_api_key_comes_from_the_environment(out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crud = package(out_dir, "crud_sdk")
    monkeypatch.delenv("CRUD_API_KEY", raising=False)
    with pytest.raises(crud.CrudError, match="CRUD_API_KEY"):
        crud.Crud()
    monkeypatch.setenv("CRUD_API_KEY", "from-env")
    monkeypatch.setenv("CRUD_BASE_URL", "https://env.example/v2")
    client = crud.Crud()
    assert client.api_key == "from-env"
    assert str(client.base_url).startswith("https://env.example/v2")


def test_crud_calls_send_only_what_was_passed(out_dir: Path) -> None:
    crud = package(out_dir, "crud_sdk")
    seen: list[httpx2.Request] = []
    widget = {"id": "w/1", "name": "n", "created_at": 1, "unknown_field": True}

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(204) if request.method == "DELETE" else json_response(widget)

    client = client_for(crud, handler)
    created = client.widgets.create(name="n")
    assert json.loads(seen[0].content) == {"name": "n"}  # `color` has a default: not sent
    assert isinstance(created, crud.types.Widget) and created.unknown_field is True
    assert created._request_id == "req_1"
    client.widgets.retrieve("w/1")
    assert seen[1].url.raw_path == b"/v1/widgets/w%2F1"
    assert client.widgets.delete("w/1") is None
    with pytest.raises(ValueError, match="widget_id"):
        client.widgets.retrieve("")
    raw = client.with_raw_response.widgets.retrieve("w")
    assert raw.status_code == 200 and raw.parse().id == "w/1"


async def test_async_client_mirrors_sync(out_dir: Path) -> None:
    crud = package(out_dir, "crud_sdk")
    client = client_for(
        crud, lambda r: json_response({"id": "a", "name": "n", "created_at": 1}), is_async=True
    )
    widget = await client.widgets.update("a", name="m")
    assert widget.id == "a"


def test_cursor_pages_are_walked(out_dir: Path) -> None:
    pages = package(out_dir, "cursor_pages_sdk")
    afters: list[str | None] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        after = request.url.params.get("after")
        afters.append(after)
        if after is None:
            return json_response(
                {"object": "list", "data": [{"id": "1", "status": "done"}], "has_more": True}
            )
        return json_response(
            {"object": "list", "data": [{"id": "2", "status": "new"}], "has_more": False}
        )

    client = client_for(pages, handler)
    assert [job.id for job in client.jobs.list(limit=1)] == ["1", "2"]
    assert afters == [None, "1"]
    assert [job.status for job in client.jobs.list()] == ["done", "new"]  # open enum


def test_next_url_and_page_number_pages_are_walked(out_dir: Path) -> None:
    pages = package(out_dir, "cursor_pages_sdk")
    seen: list[str] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(str(request.url))
        if request.url.path == "/events":
            if request.url.params.get("cursor") is None:
                job = {"id": "e1", "status": "done"}
                return json_response({"data": [job], "next": "/events?cursor=2"})
            return json_response({"data": [{"id": "e2", "status": "done"}], "next": None})
        number = int(request.url.params.get("page", "1"))
        items = [{"id": f"r{number}", "status": "done"}] if number <= 2 else []
        return json_response({"data": items})

    client = client_for(pages, handler)
    assert [e.id for e in client.events.list(limit=1)] == ["e1", "e2"]
    assert [r.id for r in client.reports.list()] == ["r1", "r2"]
    assert seen == [
        "https://api.example.com/events?limit=1",
        "https://api.example.com/events?cursor=2",
        "https://api.example.com/reports",
        "https://api.example.com/reports?page=2",
        "https://api.example.com/reports?page=3",
    ]


def test_paginators_match_the_runtime_page_classes(out_dir: Path) -> None:
    """Each `ir.Paginator` kind names runtime classes whose paging settings are the ones the
    paginator states (so the model of the API says what the SDK does)."""
    runtime = importlib.import_module("cursor_pages_sdk._pagination")
    api, _ = lower(load_spec(SPECS / "cursor_pagination.yaml"), load_config(None))
    paginators = {
        m.paginator.kind: m.paginator for r in api.resources for m in r.methods if m.paginator
    }
    assert set(paginators) == {"cursor", "page", "next_url", "page_number"}
    for paginator in paginators.values():
        for name in (paginator.page_class_sync, paginator.page_class_async):
            cls = getattr(runtime, name)
            assert cls._items_field == paginator.items_field
            assert getattr(cls, "_has_more_field", None) == paginator.has_more_field
            assert getattr(cls, "_next_url_field", None) == paginator.next_url_field
            cursor = getattr(cls, "_cursor_param", None) or getattr(cls, "_page_param", None)
            assert cursor == paginator.cursor_param, name


async def test_async_pages(out_dir: Path) -> None:
    pages = package(out_dir, "cursor_pages_sdk")
    client = client_for(pages, lambda r: json_response({"data": [{"id": "m"}]}), is_async=True)
    assert [m.id async for m in client.models.list()] == ["m"]
    first = await client.models.list()
    assert first.data[0].id == "m"


def test_stream_true_returns_typed_chunks(out_dir: Path) -> None:
    streaming = package(out_dir, "streaming_sdk")
    sent: list[dict[str, Any]] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        sent.append(body)
        if body.get("stream"):
            events = b'data: {"id": "1", "delta": "he"}\n\n: keep-alive\n\ndata: {"id": "1", "delta": "y"}\n\ndata: [DONE]\n\n'
            return httpx2.Response(
                200, content=events, headers={"content-type": "text/event-stream"}
            )
        return json_response({"id": "1", "text": "hey"})

    client = client_for(streaming, handler)
    assert client.completions.create(prompt="p").text == "hey"
    with client.completions.create(prompt="p", stream=True) as stream:
        assert "".join(chunk.delta for chunk in stream) == "hey"
    assert sent == [{"prompt": "p"}, {"prompt": "p", "stream": True}]


def test_multipart_upload_and_binary_download(out_dir: Path, tmp_path: Path) -> None:
    uploads = package(out_dir, "uploads_sdk")
    path = tmp_path / "train.jsonl"
    path.write_bytes(b'{"a": 1}\n')
    seen: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        if request.method == "GET":
            return httpx2.Response(
                200, content=b"\x00\x01", headers={"content-type": "application/octet-stream"}
            )
        return json_response({"id": "f", "bytes": 9})

    client = client_for(uploads, handler)
    stored = client.files.create(file=path, purpose="batch")
    assert stored.bytes == 9
    body = seen[0].read()
    assert seen[0].headers["content-type"].startswith("multipart/form-data")
    assert b'filename="train.jsonl"' in body and b"batch" in body
    assert client.files.content.retrieve("f").read() == b"\x00\x01"
    # The generated call names its file fields, so text where a file belongs is refused.
    with pytest.raises(TypeError, match="`file`"):
        client.files.create(file=str(path), purpose="batch")
    assert len(seen) == 2


def test_discriminated_unions_tolerate_unknown_tags(out_dir: Path) -> None:
    shapes = package(out_dir, "shapes_sdk")
    responses = iter(
        [
            {"kind": "circle", "radius": 1.5},
            {"kind": "hexagon", "sides": 6},
            {
                "id": "d",
                "layers": [{"type": "raster", "pixels": 4}, {"type": "hologram", "depth": 3}],
            },
        ]
    )
    client = client_for(shapes, lambda r: json_response(next(responses)))
    circle = client.shapes.retrieve("s")
    assert type(circle).__name__ == "Circle" and circle.radius == 1.5
    unknown = client.shapes.retrieve("s")
    assert type(unknown).__name__ == "ShapeUnknown"
    assert unknown.kind == "hexagon" and unknown.to_dict() == {"kind": "hexagon", "sides": 6}
    drawing = client.drawings.create(shapes=[{"kind": "circle", "radius": 1}])
    assert [type(layer).__name__ for layer in drawing.layers] == [
        "DrawingLayerRaster",
        "DrawingLayerUnknown",
    ]


def test_open_enums_and_recursive_models_parse(out_dir: Path) -> None:
    enums = package(out_dir, "enums_sdk")
    run = enums.types.Run.model_validate(
        {"id": "r", "status": "paused", "finish_reason": "insufficient_system_resource"}
    )
    assert (run.status, run.finish_reason) == ("paused", "insufficient_system_resource")
    trees = package(out_dir, "trees_sdk")
    node = trees.types.Node.model_validate(
        {"name": "root", "children": [{"name": "leaf", "annotation": {"about": {"name": "x"}}}]}
    )
    assert node.children[0].annotation.about.name == "x"


def test_fields_named_like_builtins_are_reachable_by_wire_name(out_dir: Path) -> None:
    awkward = package(out_dir, "awkward_sdk")
    record = awkward.types.Record.model_validate(
        {"object": "record", "str": "s", "metadata": {"n": 1}, "class": "c"}
    )
    assert (record.object, record.str, record.metadata) == ("record", "s", {"n": 1})
    assert record.to_dict() == {"object": "record", "str": "s", "metadata": {"n": 1}, "class": "c"}


def test_the_package_exports_every_runtime_exception(out_dir: Path) -> None:
    crud = package(out_dir, "crud_sdk")
    exceptions = importlib.import_module("crud_sdk._exceptions")
    assert {"PaginationError", "StreamError"} <= set(exceptions.__all__)
    for name in exceptions.__all__:
        assert name in crud.__all__
        assert getattr(crud, name) is getattr(exceptions, name)
        assert getattr(crud, name).__module__ == "crud_sdk"


def test_the_package_namespace_lists_only_public_names(out_dir: Path) -> None:
    crud = package(out_dir, "crud_sdk")
    assert dir(crud) == sorted(crud.__all__)
    assert not {"Any", "TYPE_CHECKING", "setup_logging"} & set(dir(crud))
    assert {"pagination", "types", "resources"} <= set(dir(crud))
    assert (
        crud.pagination.SyncCursorPage
        is importlib.import_module("crud_sdk._pagination").SyncCursorPage
    )


def test_every_method_takes_a_per_call_deadline(out_dir: Path) -> None:
    crud = package(out_dir, "crud_sdk")
    seen: list[float | None] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request.extensions["timeout"]["read"])
        return json_response({"id": "w", "name": "n", "created_at": 1})

    client = client_for(crud, handler)
    assert client.widgets.retrieve("w", deadline=30.0).id == "w"
    assert client.widgets.retrieve("w", deadline=None).id == "w"
    # The deadline reaches the runtime: it caps the attempt's timeouts (default 600 s).
    assert seen[0] is not None and seen[0] <= 30.0
    assert seen[1] == 600.0
    for path in sorted(out_dir.glob("*_sdk/resources/**/*.py")):
        source = path.read_text(encoding="utf-8")
        assert source.count("max_retries: int | NotGiven = NOT_GIVEN,") == source.count(
            "deadline: float | None | NotGiven = NOT_GIVEN,"
        ), path
        assert source.count("max_retries=max_retries") == source.count("deadline=deadline")


def test_config_named_methods_work(out_dir: Path) -> None:
    nested = package(out_dir, "nested_sdk")
    seen: list[str] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request.url.path)
        return json_response({"data": [{"message": "m"}], "total": "1"})

    client = client_for(nested, handler)
    assert [e.message for e in client.fine_tuning.jobs.list_events("j")] == ["m"]
    assert client.user.balance().total == "1"
    assert client.fine_tuning.jobs.with_streaming_response.cancel is not None
    assert seen == ["/fine_tuning/jobs/j/events", "/user/balance"]


def _public_signatures(cls: type) -> dict[str, list[tuple[str, object, object]]]:
    out = {}
    for name in dir(cls):
        member = getattr(cls, name)
        if name.startswith("_") or not callable(member) or name in {"copy", "with_options"}:
            continue
        signature = inspect.signature(member)
        out[name] = [(p.name, p.kind, p.default) for p in signature.parameters.values()]
    return out


def test_sync_and_async_twins_have_the_same_signatures(out_dir: Path) -> None:
    checked = 0
    for path in sorted(out_dir.glob("*_sdk/resources/**/*.py")):
        if path.name == "__init__.py":
            continue
        relative = path.relative_to(out_dir).with_suffix("")
        module = importlib.import_module(".".join(relative.parts))
        for name in module.__all__:
            if name.startswith("Async") or "With" in name:
                continue
            sync_cls, async_cls = getattr(module, name), getattr(module, "Async" + name)
            assert _public_signatures(sync_cls) == _public_signatures(async_cls), name
            checked += 1
    assert checked >= 10
