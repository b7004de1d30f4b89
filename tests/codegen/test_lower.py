"""codegen.lower: tiny specs in, facts about the API model out.

Facts about types and calls are checked on the IR where the IR says them (a paginator, a
stream, a parameter's location) and on what `render` prints from it where the printed form is
the point (an annotation, an overload, the request call).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from codegen import ir
from codegen.config import Config, parse_config
from codegen.errors import ConfigError, Diagnostic, SpecError
from codegen.lower import lower
from codegen.render import render
from codegen.render.methods import CallArg, PrintedMethod
from codegen.render.modules import (
    PrintedDefinition,
    PrintedField,
    PrintedMethodPair,
    PrintedResource,
    PrintedTypeModule,
    print_client,
    print_init,
    print_resource,
    print_type_module,
    registry,
)


def ok(schema: dict[str, Any] | None = None, media: str = "application/json") -> dict[str, Any]:
    content = {media: {"schema": schema if schema is not None else {"type": "object"}}}
    return {"200": {"description": "ok", "content": content}}


def build(
    paths: dict[str, Any],
    schemas: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
) -> tuple[ir.Api, list[Diagnostic]]:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Test", "version": "1"},
        "servers": [{"url": "https://example.test"}],
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }
    return lower(SimpleNamespace(document=document), parse_config(config) if config else Config())


def methods(api: ir.Api) -> dict[str, ir.Method]:
    return {f"{r.dotted}.{m.name}": m for r in api.resources for m in r.methods}


def method(api: ir.Api, dotted: str) -> ir.Method:
    return methods(api)[dotted]


def printed_resource(api: ir.Api, dotted: str) -> PrintedResource:
    aliases = frozenset(
        d.name for m in api.type_modules for d in m.definitions if isinstance(d, ir.Alias)
    )
    resource = next(r for r in api.resources if r.dotted == dotted)
    return print_resource(resource, registry(api), aliases)


def printed(api: ir.Api, dotted: str) -> PrintedMethodPair:
    """The sync and async forms of method `dotted` as `render` prints them."""
    resource, _, name = dotted.rpartition(".")
    return next(m for m in printed_resource(api, resource).methods if m.name == name)


def definition(api: ir.Api, name: str) -> ir.Definition:
    for module in api.type_modules:
        for item in module.definitions:
            if item.name == name:
                return item
    raise KeyError(name)


def module_of(api: ir.Api, name: str) -> ir.TypeModule:
    return next(m for m in api.type_modules if any(d.name == name for d in m.definitions))


def printed_module(api: ir.Api, name: str) -> PrintedTypeModule:
    return print_type_module(module_of(api, name), registry(api))


def printed_definition(api: ir.Api, name: str) -> PrintedDefinition:
    """Definition `name` as `render` prints it (annotations, defaults, syntax)."""
    return next(d for d in printed_module(api, name).definitions if d.name == name)


def field(item: PrintedDefinition, name: str) -> PrintedField:
    return next(f for f in item.fields if f.name == name)


def arg(variant: PrintedMethod, name: str) -> CallArg:
    return next(a for a in variant.args if a.name == name)


# ------------------------------------------------------------------- resources and method names

LIST = ok({"type": "object", "properties": {"data": {"type": "array", "items": {}}}})
PARAM = [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}]


def test_method_names_follow_verb_and_path_shape() -> None:
    api, _ = build(
        {
            "/v1/things": {"get": {"responses": LIST}, "post": {"responses": ok()}},
            "/v1/things/{thing_id}": {
                "parameters": PARAM,
                "get": {"responses": ok()},
                "post": {"responses": ok()},
                "delete": {"responses": ok()},
            },
            "/v1/things/{thing_id}/cancel": {"parameters": PARAM, "post": {"responses": ok()}},
            "/v1/things/{thing_id}/events": {"parameters": PARAM, "get": {"responses": LIST}},
            "/v1/things/{thing_id}/parts": {"parameters": PARAM, "post": {"responses": ok()}},
            "/v1/things/{thing_id}/parts/{part_id}": {
                "parameters": [*PARAM, {"name": "part_id", "in": "path", "required": True}],
                "get": {"responses": ok()},
            },
            "/v1/beta/status": {"get": {"responses": ok()}},
        }
    )
    assert sorted(methods(api)) == [
        "beta.status.retrieve",
        "things.cancel",
        "things.create",
        "things.delete",
        "things.events.list",
        "things.list",
        "things.parts.create",
        "things.parts.retrieve",
        "things.retrieve",
        "things.update",
    ]
    assert [c.attr for c in api.client.children] == ["beta", "things"]
    retrieve = printed(api, "things.retrieve").sync
    assert [p.name for p in retrieve.signature.positional] == ["thing_id"]
    assert retrieve.args[1].value == "f\"/v1/things/{path_param('thing_id', thing_id)}\""


def test_config_overrides_resource_and_method() -> None:
    api, _ = build(
        {
            "/user/balance": {"get": {"responses": ok()}},
            "/things/{thing_id}/events": {"parameters": PARAM, "get": {"responses": LIST}},
        },
        config={
            "operations": {
                "GET /user/balance": {"resource": "account", "method": "balance"},
                "GET /things/{thing_id}/events": {"method": "list_events"},
            }
        },
    )
    assert sorted(methods(api)) == ["account.balance", "things.list_events"]


def test_colliding_names_fall_back_to_operation_ids() -> None:
    api, _ = build(
        {
            "/items": {"post": {"operationId": "createItem", "responses": ok()}},
            "/items?beta=true": {"post": {"operationId": "createItemBeta", "responses": ok()}},
            "/items/{item_id}/list": {
                "parameters": [{"name": "item_id", "in": "path", "required": True}],
                "post": {"operationId": "listItem", "responses": ok()},
            },
            "/items/{item_id}/list/{x}": {
                "parameters": [
                    {"name": "item_id", "in": "path", "required": True},
                    {"name": "x", "in": "path", "required": True},
                ],
                "get": {"responses": ok()},
            },
        }
    )
    assert sorted(methods(api)) == [
        "items.create_item",
        "items.create_item_beta",
        "items.list.create",
        "items.list.retrieve",
    ]


def test_config_names_that_collide_are_an_error() -> None:
    paths = {"/a": {"get": {"responses": ok()}}, "/b": {"get": {"responses": ok()}}}
    overrides = {
        "GET /a": {"resource": "x", "method": "go"},
        "GET /b": {"resource": "x", "method": "go"},
    }
    with pytest.raises(ConfigError, match="are all named 'go'"):
        build(paths, config={"operations": overrides})
    with pytest.raises(ConfigError, match="no operation 'GET /nope'"):
        build(paths, config={"operations": {"GET /nope": {"method": "x"}}})


def test_keywords_and_reserved_names_are_escaped() -> None:
    api, _ = build(
        {
            "/class/{from}": {
                "get": {
                    "parameters": [
                        {"name": "from", "in": "path", "required": True},
                        {"name": "timeout", "in": "query"},
                        {"name": "self", "in": "query"},
                        {"name": "include[]", "in": "query"},
                    ],
                    "responses": ok(),
                }
            },
            "/copy": {"get": {"responses": ok()}},
        }
    )
    signature = printed(api, "class_.retrieve").sync.signature
    assert [p.name for p in signature.positional] == ["from_"]
    assert [p.name for p in signature.keyword] == ["timeout_", "self_", "include"]
    query = arg(printed(api, "class_.retrieve").sync, "query")
    assert query.entries == ('"timeout": timeout_', '"self": self_', '"include[]": include')
    assert {c.attr for c in api.client.children} == {"class_", "copy_"}


def test_helpers_create_missing_resources_and_add_mixins() -> None:
    api, _ = build(
        {"/chat/completions": {"post": {"responses": ok()}}},
        config={
            "helpers": {"chat.completions": "chat:Mixin,AsyncMixin", "beta.realtime": "rt:R,AR"}
        },
    )
    resources = {r.dotted: r for r in api.resources}
    assert resources["chat.completions"].sync.bases == ("Mixin", "SyncAPIResource")
    assert resources["chat.completions"].async_.bases == ("AsyncMixin", "AsyncAPIResource")
    assert resources["chat.completions"].helper == ir.Helper("lib/chat", "Mixin", "AsyncMixin")
    imports = printed_resource(api, "chat.completions").imports
    assert "from ...lib.chat import AsyncMixin, Mixin" in imports
    realtime = resources["beta.realtime"]
    assert realtime.methods == () and realtime.sync.bases == ("R", "SyncAPIResource")
    assert api.helpers is True


# ---------------------------------------------------------------------- pagination, streaming


def page_response(*, has_more: bool = False, next_url: bool = False) -> dict[str, Any]:
    props: dict[str, Any] = {
        "data": {"type": "array", "items": {"$ref": "#/components/schemas/Job"}}
    }
    if has_more:
        props["has_more"] = {"type": "boolean"}
    if next_url:
        props["next"] = {"type": ["string", "null"]}
    return ok({"type": "object", "properties": props})


JOB = {"Job": {"type": "object", "properties": {"id": {"type": "string"}}}}
PAGE_CLASSES = {
    "cursor": ("SyncCursorPage", "AsyncCursorPage", "after", "has_more", None),
    "page": ("SyncPage", "AsyncPage", None, None, None),
    "next_url": ("SyncNextUrlPage", "AsyncNextUrlPage", None, None, "next"),
    "page_number": ("SyncPageNumberPage", "AsyncPageNumberPage", "page", None, None),
}


@pytest.mark.parametrize(
    ("params", "shape", "config", "kind"),
    [
        ({"after": "string", "limit": "integer"}, "has_more", None, "cursor"),
        ({}, "", None, "page"),
        ({"limit": "integer"}, "next", None, "next_url"),
        ({"page": "integer"}, "", None, "page_number"),
        ({"page": "string"}, "", None, None),  # not a page number: left alone
        ({"offset": "integer"}, "", None, None),
        ({"after": "string"}, "has_more", "none", None),
        ({}, "", "cursor", "cursor"),
        ({}, "", "next_url", "next_url"),
        ({"cursor": "string"}, "", "page_number", "page_number"),
    ],
)
def test_pagination_detection(
    params: dict[str, str], shape: str, config: str | None, kind: str | None
) -> None:
    response = page_response(has_more=shape == "has_more", next_url=shape == "next")
    api, _ = build(
        {
            "/jobs": {
                "get": {
                    "operationId": "listJobs",
                    "parameters": [
                        {"name": p, "in": "query", "schema": {"type": t}} for p, t in params.items()
                    ],
                    "responses": response,
                }
            }
        },
        {**JOB, "ListJobsResponse": response["200"]["content"]["application/json"]["schema"]},
        config={"operations": {"GET /jobs": {"paginate": config}}} if config else None,
    )
    listed = method(api, "jobs.list")
    forms = printed(api, "jobs.list")
    if kind is None:
        assert listed.paginator is None and listed.result == "model"
        assert forms.sync.signature.returns == "JobListResponse"
        assert forms.async_.def_keyword == "async def"
        return
    sync_page, async_page, cursor_param, has_more, next_url = PAGE_CLASSES[kind]
    assert listed.paginator == ir.Paginator(
        kind=kind,  # type: ignore[arg-type]
        item=ir.Ref("Job"),
        items_field="data",
        cursor_param=cursor_param,
        has_more_field=has_more,
        page_class_sync=sync_page,
        page_class_async=async_page,
        next_url_field=next_url,
    )
    assert listed.result == "page"
    # The printed forms come from the paginator.
    assert forms.sync.signature.returns == f"{sync_page}[Job]"
    assert arg(forms.sync, "page").value == f"{sync_page}[Job]"
    assert forms.async_.signature.returns == f"AsyncPaginator[Job, {async_page}[Job]]"
    assert forms.async_.def_keyword == "def"
    assert arg(forms.async_, "page").value == f"{async_page}[Job]"
    imports = printed_resource(api, "jobs").imports
    assert any(sync_page in line and "_pagination" in line for line in imports)


def test_paginate_config_needs_a_data_array() -> None:
    with pytest.raises(ConfigError, match="cannot be paginated"):
        build(
            {"/jobs": {"get": {"responses": ok()}}},
            config={"operations": {"GET /jobs": {"paginate": "cursor"}}},
        )


def streaming_op(stream_schema: dict[str, Any] | None) -> dict[str, Any]:
    props: dict[str, Any] = {"prompt": {"type": "string"}}
    if stream_schema is not None:
        props["stream"] = stream_schema
    return {
        "post": {
            "requestBody": {
                "content": {"application/json": {"schema": {"type": "object", "properties": props}}}
            },
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Done"}},
                        "text/event-stream": {"schema": {"$ref": "#/components/schemas/Chunk"}},
                    },
                }
            },
        }
    }


STREAM_SCHEMAS = {
    "Done": {"type": "object", "properties": {"text": {"type": "string"}}},
    "Chunk": {"type": "object", "properties": {"delta": {"type": "string"}}},
}


@pytest.mark.parametrize(
    ("stream_schema", "false"),
    [
        ({"type": "boolean"}, "Literal[False]"),
        ({"type": ["boolean", "null"]}, "Literal[False] | None"),
    ],
)
def test_stream_overloads(stream_schema: dict[str, Any], false: str) -> None:
    api, diagnostics = build({"/complete": streaming_op(stream_schema)}, STREAM_SCHEMAS)
    create = printed(api, "complete.create")
    assert diagnostics == []
    assert method(api, "complete.create").stream == ir.StreamSpec(ir.Ref("Chunk"), "stream")
    assert method(api, "complete.create").result == "model_or_stream"
    assert method(api, "complete.create").paginator is None
    assert method(api, "complete.create").keyword == ("prompt",)  # the flag: per overload
    sync = [(o.keyword[0].name, o.keyword[0].annotation, o.returns) for o in create.sync.overloads]
    stream_params = [
        next(p for p in o.keyword if p.name == "stream") for o in create.sync.overloads
    ]
    assert [p.annotation for p in stream_params] == [
        f"{false} | NotGiven",
        "Literal[True]",
        "bool",
    ]
    assert [o.returns for o in create.sync.overloads] == [
        "Done",
        "Stream[Chunk]",
        "Done | Stream[Chunk]",
    ]
    assert [o.returns for o in create.async_.overloads][1] == "AsyncStream[Chunk]"
    assert create.sync.signature.returns == "Done | Stream[Chunk]"
    assert arg(create.sync, "stream").value == "stream is True"
    assert arg(create.async_, "stream_cls").value == "AsyncStream[Chunk]"
    assert sync[0][0] == "prompt"


def test_event_stream_without_stream_param_is_a_warning() -> None:
    api, diagnostics = build({"/complete": streaming_op(None)}, STREAM_SCHEMAS)
    assert printed(api, "complete.create").sync.overloads == ()
    assert method(api, "complete.create").stream is None
    assert [d.level for d in diagnostics] == ["warning"]
    assert "no boolean `stream`" in diagnostics[0].message


def test_event_stream_only_always_streams() -> None:
    api, _ = build(
        {
            "/events": {
                "get": {
                    "responses": ok({"$ref": "#/components/schemas/Chunk"}, "text/event-stream")
                }
            }
        },
        STREAM_SCHEMAS,
    )
    assert method(api, "events.retrieve").stream == ir.StreamSpec(ir.Ref("Chunk"), None)
    assert method(api, "events.retrieve").result == "stream"
    variant = printed(api, "events.retrieve").sync
    assert variant.signature.returns == "Stream[Chunk]"
    assert arg(variant, "stream").value == "True"
    assert variant.call_open == "return cast(Stream[Chunk], self._request("


# -------------------------------------------------------------------- bodies, files, binaries


def test_multipart_bodies_send_files() -> None:
    body = {
        "type": "object",
        "required": ["file"],
        "properties": {
            "file": {"type": "string", "format": "binary"},
            "more": {"type": "array", "items": {"type": "string", "contentMediaType": "image/png"}},
            "either": {"anyOf": [{"type": "string", "format": "binary"}, {"type": "string"}]},
        },
    }
    nested = {
        "type": "object",
        "properties": {
            "part": {"type": "object", "properties": {"f": {"type": "string", "format": "binary"}}}
        },
    }
    api, _ = build(
        {
            "/files": {
                "post": {
                    "requestBody": {"content": {"multipart/form-data": {"schema": body}}},
                    "responses": ok(),
                }
            },
            "/parts": {
                "post": {
                    "requestBody": {"content": {"multipart/form-data": {"schema": nested}}},
                    "responses": ok(),
                }
            },
            "/files/{id}/content": {
                "get": {
                    "parameters": [{"name": "id", "in": "path", "required": True}],
                    "responses": ok(
                        {"type": "string", "format": "binary"}, "application/octet-stream"
                    ),
                }
            },
        }
    )
    create = printed(api, "files.create").sync
    assert [(p.name, p.annotation) for p in create.signature.keyword] == [
        ("file", "FileTypes"),
        ("more", "Sequence[FileTypes] | NotGiven"),
        ("either", "FileTypes | str | NotGiven"),
    ]
    # Only fields that never take text are named (the runtime rejects a `str` for them).
    assert method(api, "files.create").body == ir.Body(
        "multipart/form-data", False, ("file", "more")
    )
    assert arg(create, "files").value == '("file", "more")'
    assert arg(printed(api, "parts.create").sync, "files").value == "True"
    assert method(api, "files.content.retrieve").result == "binary"
    content = printed(api, "files.content.retrieve")
    assert content.sync.signature.returns == "BinaryAPIResponse"
    assert content.async_.signature.returns == "AsyncBinaryAPIResponse"
    assert arg(content.sync, "binary").value == "True"


@pytest.mark.parametrize(("binary", "files"), [(True, '("upload",)'), (False, None)])
def test_a_body_offered_as_json_and_form_is_a_form_when_it_has_files(
    binary: bool, files: str | None
) -> None:
    upload = {"type": "string", "format": "binary"} if binary else {"type": "string"}
    schema = {"$ref": "#/components/schemas/Body"}
    api, _ = build(
        {
            "/uploads": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": schema},
                            "multipart/form-data": {"schema": schema},
                        }
                    },
                    "responses": ok(),
                }
            }
        },
        {"Body": {"type": "object", "properties": {"upload": {"oneOf": [upload]}}}},
    )
    create = printed(api, "uploads.create").sync
    assert next((a.value for a in create.args if a.name == "files"), None) == files


def test_flattened_body_schema_gets_no_param_type() -> None:
    api, _ = build(
        {
            "/things": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Req"}}
                        }
                    },
                    "responses": ok(),
                }
            }
        },
        {
            "Req": {
                "type": "object",
                "required": ["opt"],
                "properties": {"opt": {"$ref": "#/components/schemas/Opt"}},
            },
            "Opt": {"type": "object", "properties": {"a": {"type": "integer"}}},
        },
    )
    names = {d.name for m in api.type_modules for d in m.definitions}
    assert {"OptParam", "ThingCreateParams"} <= names
    assert "ReqParam" not in names and "Req" not in names
    params = definition(api, "ThingCreateParams")
    assert isinstance(params, ir.TypedDictDef) and params.method_params
    assert params.fields[0] == ir.Field("opt", "opt", ir.Ref("OptParam"), True, None)
    assert printed_definition(api, "ThingCreateParams").fields[0].annotation == "Required[OptParam]"
    assert module_of(api, "ThingCreateParams").path == "types/thing_create_params.py"


def test_header_parameters_go_into_extra_headers() -> None:
    api, _ = build(
        {
            "/x": {
                "get": {
                    "parameters": [
                        {"name": "X-Req", "in": "header", "required": True},
                        {"name": "X-Opt", "in": "header"},
                        {"name": "session", "in": "cookie"},
                    ],
                    "responses": ok(),
                }
            }
        }
    )
    x = method(api, "x.retrieve")
    assert [(p.name, p.wire, p.location, p.required) for p in x.params] == [
        ("x_req", "X-Req", "header", True),
        ("x_opt", "X-Opt", "header", False),
    ]
    options = arg(printed(api, "x.retrieve").sync, "options").value
    assert '**{"X-Req": str(x_req)}' in options
    assert '**({"X-Opt": str(x_opt)} if not isinstance(x_opt, NotGiven) else {})' in options


def test_every_call_passes_the_per_call_deadline() -> None:
    api, _ = build(
        {
            "/x": {
                "get": {
                    "parameters": [
                        {"name": "deadline", "in": "query", "schema": {"type": "integer"}}
                    ],
                    "responses": ok(),
                }
            }
        }
    )
    variant = printed(api, "x.retrieve").sync
    # A spec parameter named `deadline` gives way to the standard per-call argument.
    assert [p.name for p in variant.signature.keyword] == ["deadline_"]
    assert arg(variant, "query").entries == ('"deadline": deadline_',)
    assert arg(variant, "options").value.endswith("max_retries=max_retries, deadline=deadline)")


# ------------------------------------------------------------------------------------ types


def test_enums_are_open_on_the_response_side_only() -> None:
    status = {"type": "string", "enum": ["stop", "length"]}
    model_or_string = {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["a", "b"]}]}
    schemas = {
        "Thing": {
            "type": "object",
            "properties": {
                "status": status,
                "model": model_or_string,
                "kind": {"type": "string", "enum": ["only"]},
                "const": {"const": "fixed"},
                "level": {"type": "integer", "enum": [1, 2]},
                "ratio": {"type": "number", "enum": [0.5, 1.5]},
            },
        }
    }
    api, _ = build(
        {
            "/things": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        }
                    },
                    "responses": ok({"$ref": "#/components/schemas/Thing"}),
                }
            }
        },
        schemas,
    )
    model = printed_definition(api, "Thing")
    assert field(model, "status").annotation == 'Optional[Union[Literal["stop", "length"], str]]'
    assert field(model, "model").annotation == 'Optional[Union[str, Literal["a", "b"]]]'
    assert field(model, "kind").annotation == 'Optional[Literal["only"]]'
    assert field(model, "const").annotation == 'Optional[Literal["fixed"]]'
    assert field(model, "level").annotation == "Optional[Union[Literal[1, 2], int]]"
    assert field(model, "ratio").annotation == "Optional[float]"
    create = printed(api, "things.create").sync.signature
    annotations = {p.name: p.annotation for p in create.keyword}
    assert annotations["status"] == 'Literal["stop", "length"] | NotGiven'
    assert annotations["model"] == 'str | Literal["a", "b"] | NotGiven'


@pytest.mark.parametrize(
    "nullable",
    [
        {"type": "string", "nullable": True},
        {"type": ["string", "null"]},
        {"anyOf": [{"type": "string"}, {"type": "null"}]},
        {"oneOf": [{"type": "null"}, {"type": "string"}]},
        {"allOf": [{"type": "string"}], "nullable": True},
    ],
)
def test_nullable_in_both_styles(nullable: dict[str, Any]) -> None:
    schema = {
        "type": "object",
        "required": ["req"],
        "properties": {"req": nullable, "opt": nullable},
    }
    api, _ = build(
        {
            "/n": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/N"}}
                        }
                    },
                    "responses": ok({"$ref": "#/components/schemas/N"}),
                }
            }
        },
        {"N": schema},
    )
    model = printed_definition(api, "N")
    assert (field(model, "req").annotation, field(model, "req").default) == ("Optional[str]", None)
    assert (field(model, "opt").annotation, field(model, "opt").default) == (
        "Optional[str]",
        "None",
    )
    keyword = {p.name: p for p in printed(api, "n.create").sync.signature.keyword}
    assert (keyword["req"].annotation, keyword["req"].default) == ("str | None", None)
    assert (keyword["opt"].annotation, keyword["opt"].default) == (
        "str | None | NotGiven",
        "NOT_GIVEN",
    )


@pytest.mark.parametrize("key", ["anyOf", "oneOf"])
def test_inline_object_or_null_takes_the_schema_name(key: str) -> None:
    """OpenAI's `ResponseError: anyOf: [{type: object, ...}, {type: null}]`: one class named
    `ResponseError` (not `ResponseError: TypeAlias = ResponseError2`), `Optional` where used."""
    error = {
        key: [
            {
                "type": "object",
                "description": "What went wrong.",
                "required": ["message"],
                "properties": {"message": {"type": "string"}},
            },
            {"type": "null"},
        ]
    }
    holder = {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"$ref": "#/components/schemas/ResponseError"}},
    }
    api, _ = build(
        {
            "/r": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/R"}}
                        }
                    },
                    "responses": ok({"$ref": "#/components/schemas/R"}),
                }
            }
        },
        {"R": holder, "ResponseError": error},
    )
    names = {d.name for m in api.type_modules for d in m.definitions}
    assert {"ResponseError", "ResponseErrorParam"} <= names
    assert not {"ResponseError2", "ResponseErrorParam2"} & names
    model = definition(api, "ResponseError")
    assert isinstance(model, ir.Model) and model.doc is not None and "went wrong" in model.doc
    assert field(printed_definition(api, "ResponseError"), "message").annotation == "str"
    assert field(printed_definition(api, "R"), "error").annotation == "Optional[ResponseError]"
    assert isinstance(definition(api, "ResponseErrorParam"), ir.TypedDictDef)
    keyword = {p.name: p for p in printed(api, "r.create").sync.signature.keyword}
    assert keyword["error"].annotation == "ResponseErrorParam | None"


def tagged_variant(tag: dict[str, Any], extra: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["type"],
        "properties": {"type": tag, extra: {"type": "string"}},
    }


def union_api(union: dict[str, Any], variants: dict[str, Any]) -> ir.Api:
    api, _ = build(
        {"/u": {"get": {"responses": ok({"$ref": "#/components/schemas/U"})}}},
        {"U": union, **variants},
    )
    return api


def test_discriminator_with_mapping() -> None:
    api = union_api(
        {
            "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
            "discriminator": {
                "propertyName": "type",
                "mapping": {"a": "#/components/schemas/A", "b": "B"},
            },
        },
        {
            "A": tagged_variant({"type": "string"}, "x"),
            "B": tagged_variant({"type": "string"}, "y"),
        },
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert alias.annotation == (
        'Annotated[Union[Annotated[A, Tag("a")], Annotated[B, Tag("b")], '
        'Annotated[UUnknown, Tag(UNKNOWN_TAG)]], Discriminator(tag_of("type", "a", "b"))]'
    )
    unknown = definition(api, "UUnknown")
    assert isinstance(unknown, ir.Model) and unknown.fields == (
        ir.Field("type", "type", ir.Primitive("str"), False, None),
    )
    assert field(printed_definition(api, "UUnknown"), "type").annotation == "Optional[str]"
    union = definition(api, "U")
    assert isinstance(union, ir.Alias) and union.type == ir.Discriminated(
        "type",
        "type",
        (ir.Variant("a", (ir.Ref("A"),)), ir.Variant("b", (ir.Ref("B"),))),
        "UUnknown",
    )
    assert api.discriminated is True
    assert any("pydantic>=2.5" in d for d in api.dependencies)


def test_discriminator_without_mapping_uses_const_tags() -> None:
    api = union_api(
        {
            "oneOf": [
                tagged_variant({"const": "a"}, "x"),
                tagged_variant({"type": "string", "enum": ["b"]}, "y"),
            ],
            "discriminator": {"propertyName": "type"},
        },
        {},
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert 'Annotated[UA, Tag("a")]' in alias.annotation
    assert 'Annotated[UB, Tag("b")]' in alias.annotation


def test_discriminator_variant_with_several_tags_gets_each() -> None:
    """OpenAI's `WebSearchPreviewTool`: `type: enum [web_search_preview, <dated alias>]`."""
    union = {
        "oneOf": [
            tagged_variant({"const": "a"}, "x"),
            tagged_variant({"type": "string", "enum": ["b", "b_2025"]}, "y"),
        ],
        "discriminator": {"propertyName": "type"},
    }
    api, diagnostics = build(
        {"/u": {"get": {"responses": ok({"$ref": "#/components/schemas/U"})}}}, {"U": union}
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert alias.annotation == (
        'Annotated[Union[Annotated[UA, Tag("a")], Annotated[UVariant1, Tag("b")], '
        'Annotated[UVariant1, Tag("b_2025")], Annotated[UUnknown, Tag(UNKNOWN_TAG)]], '
        'Discriminator(tag_of("type", "a", "b", "b_2025"))]'
    )
    assert diagnostics == []


def test_discriminator_needs_literal_tags() -> None:
    api = union_api(
        {
            "oneOf": [
                tagged_variant({"const": "a"}, "x"),
                tagged_variant({"type": "string"}, "y"),
            ],
            "discriminator": {"propertyName": "type"},
        },
        {},
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert alias.annotation == "Union[UA, UVariant1]"
    assert api.discriminated is False


def test_discriminator_variants_sharing_a_tag_are_grouped() -> None:
    """OpenAI's `ItemResource`: input and output messages both say `type: message`."""
    union = {
        "oneOf": [
            tagged_variant({"const": "a"}, "x"),
            tagged_variant({"const": "a"}, "y"),
            tagged_variant({"const": "b"}, "z"),
        ],
        "discriminator": {"propertyName": "type"},
    }
    api, diagnostics = build(
        {"/u": {"get": {"responses": ok({"$ref": "#/components/schemas/U"})}}}, {"U": union}
    )
    assert isinstance(definition(api, "U"), ir.Alias)
    alias = printed_definition(api, "U")
    assert alias.annotation == (
        'Annotated[Union[Annotated[Union[UA, UA2], Tag("a")], Annotated[UB, Tag("b")], '
        'Annotated[UUnknown, Tag(UNKNOWN_TAG)]], Discriminator(tag_of("type", "a", "b"))]'
    )
    assert [d.message for d in diagnostics] == [
        "variants UA, UA2 share the discriminator value 'a'; they are told apart by their fields"
    ]


def test_request_side_unions_are_plain() -> None:
    api, _ = build(
        {
            "/u": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"u": {"$ref": "#/components/schemas/U"}},
                                }
                            }
                        }
                    },
                    "responses": ok(),
                }
            }
        },
        {
            "U": {
                "oneOf": [tagged_variant({"const": "a"}, "x"), tagged_variant({"const": "b"}, "y")],
                "discriminator": {"propertyName": "type"},
            }
        },
    )
    alias = definition(api, "UParam")
    assert isinstance(alias, ir.Alias)
    assert alias.type == ir.Union((ir.Ref("UAParam"), ir.Ref("UBParam")))
    assert printed_definition(api, "UParam").annotation == "Union[UAParam, UBParam]"


def test_recursive_schemas_share_a_module_and_rebuild() -> None:
    node = {
        "type": "object",
        "properties": {
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            "note": {"$ref": "#/components/schemas/Note"},
        },
    }
    note = {"type": "object", "properties": {"about": {"$ref": "#/components/schemas/Node"}}}
    api, _ = build(
        {"/n": {"get": {"responses": ok({"$ref": "#/components/schemas/Node"})}}},
        {"Node": node, "Note": note},
    )
    module = module_of(api, "Node")
    assert module is module_of(api, "Note")
    assert module.path == "types/node.py"
    assert set(module.rebuild) <= {"Node", "Note"} and module.rebuild
    annotations = [f.annotation for d in printed_module(api, "Node").definitions for f in d.fields]
    assert any(a.startswith('"') for a in annotations)  # a quoted forward reference


def test_allof_with_one_base_inherits_on_the_response_side() -> None:
    schemas = {
        "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Child": {
            "allOf": [
                {"$ref": "#/components/schemas/Base"},
                {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}},
                },
            ]
        },
    }
    api, _ = build(
        {
            "/c": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"c": {"$ref": "#/components/schemas/Child"}},
                                }
                            }
                        }
                    },
                    "responses": ok({"$ref": "#/components/schemas/Child"}),
                }
            }
        },
        schemas,
    )
    child = definition(api, "Child")
    assert isinstance(child, ir.Model)
    assert child.bases == ("Base",) and [f.name for f in child.fields] == ["name"]
    child_param = definition(api, "ChildParam")
    assert isinstance(child_param, ir.TypedDictDef)
    assert child_param.bases == () and printed_definition(api, "ChildParam").bases == ("TypedDict",)
    assert [f.name for f in child_param.fields] == ["id", "name"]


def test_awkward_field_names_get_aliases() -> None:
    schema = {
        "type": "object",
        "properties": {
            "schema": {"type": "string"},
            "Optional": {"type": "string"},  # the name of something the annotations use
            "2fa": {"type": "boolean"},
            "class": {"type": "string"},
        },
    }
    api, _ = build(
        {"/r": {"get": {"responses": ok({"$ref": "#/components/schemas/R"})}}}, {"R": schema}
    )
    assert [(f.name, f.wire) for f in definition(api, "R").fields] == [  # type: ignore[union-attr]
        ("schema_", "schema"),
        ("Optional_", "Optional"),
        ("n_2fa", "2fa"),
        ("class_", "class"),
    ]
    model = printed_definition(api, "R")
    assert [(f.name, f.default) for f in model.fields] == [
        ("schema_", 'Field(default=None, alias="schema")'),
        ("Optional_", 'Field(default=None, alias="Optional")'),
        ("n_2fa", 'Field(default=None, alias="2fa")'),
        ("class_", 'Field(default=None, alias="class")'),
    ]


SHADOWING = {
    "type": "object",
    "required": ["object"],
    "properties": {
        "object": {"const": "event"},
        "meta": {"type": "object"},  # dict[str, object]: uses the builtin `object`
        "str": {"type": "string"},
        "builtins": {"type": "string"},
    },
}


def test_fields_named_like_builtins_keep_their_wire_name() -> None:
    body = {"type": "object", "properties": {"e": {"$ref": "#/components/schemas/Event"}}}
    api, _ = build(
        {
            "/events": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": ok({"$ref": "#/components/schemas/Event"}),
                }
            }
        },
        {"Event": SHADOWING},
    )
    assert isinstance(definition(api, "Event"), ir.Model)
    model = printed_definition(api, "Event")
    assert [(f.name, f.annotation, f.default) for f in model.fields] == [
        ("object", 'Literal["event"]', None),
        ("meta", "Optional[dict[builtins.str, builtins.object]]", "None"),
        ("str", "Optional[builtins.str]", "None"),
        ("builtins_", "Optional[builtins.str]", 'Field(default=None, alias="builtins")'),
    ]
    assert "import builtins" in printed_module(api, "Event").imports
    # A `builtins` key would shadow the module: the TypedDict is written functionally.
    assert isinstance(definition(api, "EventParam"), ir.TypedDictDef)
    param = printed_definition(api, "EventParam")
    assert param.functional
    assert [(f.name, f.annotation) for f in param.fields][:2] == [
        ('"object"', 'Required[Literal["event"]]'),
        ('"meta"', "dict[builtins.str, builtins.object]"),
    ]


def test_typeddict_keys_named_like_builtins_keep_class_syntax() -> None:
    schema = {**SHADOWING, "properties": dict(SHADOWING["properties"])}
    del schema["properties"]["builtins"]
    body = {"type": "object", "properties": {"e": {"$ref": "#/components/schemas/Event"}}}
    api, _ = build(
        {
            "/events": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": ok(),
                }
            }
        },
        {"Event": schema},
    )
    assert isinstance(definition(api, "EventParam"), ir.TypedDictDef)
    param = printed_definition(api, "EventParam")
    assert not param.functional
    assert [(f.name, f.annotation) for f in param.fields] == [
        ("object", 'Required[Literal["event"]]'),
        ("meta", "dict[builtins.str, builtins.object]"),
        ("str", "builtins.str"),
    ]


def test_typeddict_with_non_identifier_keys_is_functional() -> None:
    schema = {
        "type": "object",
        "properties": {"class": {"type": "string"}, "ok": {"type": "string"}},
    }
    api, _ = build(
        {
            "/r": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"r": {"$ref": "#/components/schemas/R"}},
                                }
                            }
                        }
                    },
                    "responses": ok(),
                }
            }
        },
        {"R": schema},
    )
    assert isinstance(definition(api, "RParam"), ir.TypedDictDef)
    param = printed_definition(api, "RParam")
    assert param.functional
    assert [f.name for f in param.fields] == ['"class"', '"ok"']


def placement_api(extra_usage: bool) -> ir.Api:
    paths: dict[str, Any] = {
        "/chat/completions": {"get": {"responses": ok({"$ref": "#/components/schemas/Only"})}},
        "/files": {"get": {"responses": ok({"$ref": "#/components/schemas/Shared"})}},
    }
    if extra_usage:  # a second resource starts using `Only`
        paths["/models"] = {"get": {"responses": ok({"$ref": "#/components/schemas/Only"})}}
    api, _ = build(
        paths,
        {
            "Only": {
                "type": "object",
                "properties": {"s": {"$ref": "#/components/schemas/Shared"}},
            },
            "Shared": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Unused": {"type": "string"},
        },
    )
    return api


def init_exports(api: ir.Api, path: str) -> dict[str, str]:
    """Name -> the relative module an `__init__` imports it from."""
    init = next(i for i in api.init_modules if i.path == path)
    return {e.name: e.module for e in print_init(init).exports}


@pytest.mark.parametrize("extra_usage", [False, True])
def test_named_types_live_in_root_modules_and_groups_reexport_them(extra_usage: bool) -> None:
    api = placement_api(extra_usage)
    # Where a type is defined does not depend on who uses it.
    assert module_of(api, "Only").path == "types/only.py"
    assert module_of(api, "Shared").path == "types/shared.py"
    assert module_of(api, "Unused").path == "types/unused.py"
    assert "from .shared import Shared" in printed_module(api, "Only").imports
    # `types/<group>/` re-exports everything its operations use, transitively.
    chat = init_exports(api, "types/chat/__init__.py")
    assert chat == {"Only": "..only", "Shared": "..shared"}
    assert init_exports(api, "types/files/__init__.py") == {"Shared": "..shared"}
    models = next((i for i in api.init_modules if i.path == "types/models/__init__.py"), None)
    assert (models is not None) == extra_usage
    root = init_exports(api, "types/__init__.py")
    assert root["Only"] == ".only" and root["chat"] == ".chat"
    api_types = next(r for r in api.resources if r.dotted == "chat.completions").api_types
    assert api_types == (ir.TypeImport("types.chat", ("Only",)),)
    api_md = render(api, include_runtime=False)["api.md"]
    assert "from test_sdk.types.chat import Only\n" in api_md


def test_a_new_usage_changes_only_group_packages() -> None:
    before = render(placement_api(False), include_runtime=False)
    after = render(placement_api(True), include_runtime=False)
    changed = sorted(p for p in after if before.get(p) != after[p])
    assert [p for p in changed if "/types/" in p and not p.endswith("__init__.py")] == []
    assert "test_sdk/types/models/__init__.py" in changed


def sides_api() -> ir.Api:
    obj = {"type": "object", "properties": {"x": {"type": "string"}}}
    body = {
        "type": "object",
        "properties": {
            "req": {"$ref": "#/components/schemas/ReqOnly"},
            "both": {"$ref": "#/components/schemas/Both"},
        },
    }
    api, _ = build(
        {
            "/things": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": ok(
                        {
                            "type": "object",
                            "properties": {
                                "resp": {"$ref": "#/components/schemas/RespOnly"},
                                "both": {"$ref": "#/components/schemas/Both"},
                            },
                        }
                    ),
                }
            }
        },
        {
            "ReqOnly": obj,
            "RespOnly": obj,
            "Both": obj,
            "Event": {"type": "object", "properties": {"r": {"$ref": "#/components/schemas/Ref"}}},
            "Ref": obj,
        },
    )
    return api


def test_each_schema_gets_the_sides_it_is_used_on() -> None:
    names = {d.name for m in sides_api().type_modules for d in m.definitions}
    assert "ReqOnlyParam" in names and "ReqOnly" not in names
    assert "RespOnly" in names and "RespOnlyParam" not in names
    assert {"Both", "BothParam"} <= names
    # No operation uses `Event`: clients may send it and receive it (realtime events), so it
    # and what it references get both sides.
    assert {"Event", "EventParam", "Ref", "RefParam"} <= names


def test_config_renames_types_per_side() -> None:
    schemas = {"Msg": {"type": "object", "properties": {"x": {"type": "string"}}}}
    body = {"type": "object", "properties": {"m": {"$ref": "#/components/schemas/Msg"}}}
    paths = {
        "/m": {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": body}}},
                "responses": ok(),
            }
        }
    }
    api, diagnostics = build(
        paths, schemas, config={"types": {"Msg": {"param": "MessageParam", "model": "Message"}}}
    )
    assert module_of(api, "MessageParam").path == "types/message_param.py"
    params = definition(api, "MCreateParams")
    assert isinstance(params, ir.TypedDictDef) and params.fields[0].type == ir.Ref("MessageParam")
    assert printed_definition(api, "MCreateParams").fields[0].annotation == "MessageParam"
    assert [(d.level, d.pointer) for d in diagnostics] == [("warning", "#/components/schemas/Msg")]
    assert "`types: {Msg: {model: Message}}` is not used" in diagnostics[0].message
    with pytest.raises(ConfigError) as info:
        build(paths, schemas, config={"types": {"Nope": {"param": "X"}}})
    assert info.value.pointer == "#/types/Nope"
    with pytest.raises(ConfigError, match="already taken") as info:
        build(paths, schemas, config={"types": {"Msg": {"param": "Literal"}}})
    assert info.value.pointer == "#/types/Msg/param"


def test_dangling_refs_are_spec_errors() -> None:
    with pytest.raises(SpecError) as info:
        build({"/x": {"get": {"responses": ok({"$ref": "#/components/schemas/Missing"})}}})
    assert "Missing" in info.value.message


def test_client_defaults_come_from_config_then_spec() -> None:
    api, _ = build({"/x": {"get": {"responses": ok()}}})
    assert (api.package, api.client.name, api.client.error_name) == (
        "test_sdk",
        "Test",
        "TestError",
    )
    assert api.client.env_api_key == "TEST_SDK_API_KEY"
    assert api.client.default_base_url == "https://example.test"
    assert print_client(api.client).default_base_url == '"https://example.test"'
    api, _ = build(
        {"/x": {"get": {"responses": ok()}}},
        config={"package": "p", "client": "C", "env": {"api_key": "K"}, "base_url": "https://b"},
    )
    assert (api.package, api.client.name, api.client.env_api_key) == ("p", "C", "K")
    assert print_client(api.client).env_api_key == '"K"'
    assert api.client.default_base_url == "https://b"
