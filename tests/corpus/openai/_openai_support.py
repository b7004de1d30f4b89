"""Shared pieces of the OpenAI-spec tests: paths, the generated SDK, clients without a network.

`OPENAI_SPEC` is resolved as `<repo>/../shared/specs/openai-2026-08-21.yaml`; it is never
copied into the repository. `walk_methods(client)` lists the public API methods reachable from
a client (`"chat.completions.create"` -> bound method) by following its resource properties.
"""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx2

from codegen.cli import Outcome

REPO = Path(__file__).resolve().parents[3]
OPENAI_SPEC = REPO.parent / "shared" / "specs" / "openai-2026-08-21.yaml"
OPENAI_CONFIG = REPO / "spec" / "examples" / "openai.sdk.yaml"
PACKAGE = "openai_sdk"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

Handler = Callable[[httpx2.Request], httpx2.Response]


@dataclass(frozen=True)
class GeneratedSdk:
    """Where the SDK was generated and what the pipeline returned (spec, IR, diagnostics)."""

    root: Path
    outcome: Outcome

    @property
    def package_dir(self) -> Path:
        return self.root / PACKAGE


def spec_operations(document: Mapping[str, Any]) -> set[tuple[str, str]]:
    """`(METHOD, path)` of every operation under `paths` (webhooks are not operations)."""
    return {
        (verb.upper(), path)
        for path, item in document["paths"].items()
        for verb in item
        if verb in HTTP_METHODS
    }


def keys(client_class: Any) -> dict[str, str]:
    """The keys a client of the generated OpenAI SDK takes: `api_key`, and `admin_api_key` for
    the admin operations (their own security scheme) when the spec has them."""
    found = {"api_key": "sk-test"}
    if "admin_api_key" in inspect.signature(client_class).parameters:
        found["admin_api_key"] = "sk-admin-test"
    return found


def mock_client(sdk: ModuleType, handler: Handler, *, is_async: bool = False) -> Any:
    """An `OpenAI` (or `AsyncOpenAI`) whose requests go to `handler` instead of a network."""
    if is_async:
        transport = httpx2.MockTransport(handler)
        return sdk.AsyncOpenAI(
            **keys(sdk.AsyncOpenAI),
            base_url="http://openai.test/v1",
            max_retries=0,
            http_client=httpx2.AsyncClient(transport=transport),
        )
    return sdk.OpenAI(
        **keys(sdk.OpenAI),
        base_url="http://openai.test/v1",
        max_retries=0,
        http_client=httpx2.Client(transport=httpx2.MockTransport(handler)),
    )


def _is_resource(value: object) -> bool:
    names = {cls.__name__ for cls in type(value).__mro__}
    return bool(names & {"SyncAPIResource", "AsyncAPIResource"})


def _resource_attrs(owner: object) -> Iterator[str]:
    for cls in type(owner).__mro__:
        for name, attr in vars(cls).items():
            if isinstance(attr, functools.cached_property) and not name.startswith("with_"):
                yield name


def walk_methods(client: object) -> dict[str, Callable[..., Any]]:
    """Every public method of every resource reachable from `client`, by dotted name."""
    found: dict[str, Callable[..., Any]] = {}

    def visit(owner: object, prefix: str) -> None:
        for name in sorted(set(_resource_attrs(owner))):
            child = getattr(owner, name)
            if not _is_resource(child):
                continue
            dotted = f"{prefix}{name}"
            for attr, value in vars(type(child)).items():
                if not attr.startswith("_") and inspect.isfunction(value):
                    found[f"{dotted}.{attr}"] = getattr(child, attr)
            visit(child, dotted + ".")

    visit(client, "")
    return found


def json_response(body: object, status: int = 200) -> httpx2.Response:
    """A JSON answer with a request id, as OpenAI sends them."""
    return httpx2.Response(status, json=body, headers={"x-request-id": "req_test"})


def sse_response(events: Sequence[object]) -> httpx2.Response:
    """An event stream of `data: <json>` events ending with `data: [DONE]`."""
    text = "".join(f"data: {json.dumps(event)}\n\n" for event in events) + "data: [DONE]\n\n"
    return httpx2.Response(
        200, content=text.encode(), headers={"content-type": "text/event-stream"}
    )
