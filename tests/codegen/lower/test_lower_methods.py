"""codegen.lower.methods, .responses, .pagination, .streaming: parameters, bodies, results."""

from __future__ import annotations

from typing import Any

import pytest
from _lower_support import (
    arg,
    build,
    definition,
    method,
    module_of,
    ok,
    printed,
    printed_definition,
    printed_resource,
)

from codegen import ir
from codegen.errors import ConfigError

# ---------------------------------------------------------------------- pagination, streaming


def page_response(
    *, has_more: bool = False, next_url: bool = False, data_required: bool = True
) -> dict[str, Any]:
    props: dict[str, Any] = {
        "data": {"type": "array", "items": {"$ref": "#/components/schemas/Job"}}
    }
    if has_more:
        props["has_more"] = {"type": "boolean"}
    if next_url:
        props["next"] = {"type": ["string", "null"]}
    return ok(
        {"type": "object", "properties": props, "required": ["data"] if data_required else []}
    )


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


@pytest.mark.parametrize(("params", "kind"), [({"page": "integer"}, "page_number"), ({}, "page")])
def test_a_page_whose_data_is_optional_takes_the_optional_data_twin(
    params: dict[str, str], kind: str
) -> None:
    """Mistral's `BatchJobsOut` (`data` defaults to `[]`, only `total` is required): the page
    class must not require `data`, or strict validation rejects what the spec allows."""
    response = page_response(data_required=False)
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
        JOB,
    )
    paginator = method(api, "jobs.list").paginator
    sync_page, async_page = PAGE_CLASSES[kind][:2]
    assert paginator is not None and paginator.kind == kind
    assert paginator.page_class_sync == sync_page + "OptionalData"
    assert paginator.page_class_async == async_page + "OptionalData"
    forms = printed(api, "jobs.list")
    assert forms.sync.signature.returns == f"{sync_page}OptionalData[Job]"
    imports = printed_resource(api, "jobs").imports
    assert any(f"{sync_page}OptionalData" in line and "_pagination" in line for line in imports)


@pytest.mark.parametrize(
    ("page_schema", "first"),
    [
        ({"type": "integer", "default": 0}, 0),  # Mistral's `page`
        ({"type": "integer", "minimum": 0}, 0),
        ({"type": "integer", "minimum": 0, "default": 2}, 2),
        ({"type": "integer", "minimum": 1}, 1),
        ({"type": "integer"}, 1),
    ],
)
def test_page_numbers_start_at_the_page_parameters_default_else_minimum_else_one(
    page_schema: dict[str, Any], first: int
) -> None:
    api, _ = build(
        {
            "/jobs": {
                "get": {
                    "operationId": "listJobs",
                    "parameters": [{"name": "page", "in": "query", "schema": page_schema}],
                    "responses": page_response(),
                }
            }
        },
        JOB,
    )
    paginator = method(api, "jobs.list").paginator
    assert paginator is not None and paginator.kind == "page_number"
    assert paginator.first_page == first
    forms = printed(api, "jobs.list")
    for form in (forms.sync, forms.async_):
        # Passed only when it is not 1, so SDKs numbering from 1 print no extra argument.
        passed = [a.value for a in form.args if a.name == "first_page"]
        assert passed == ([] if first == 1 else [str(first)])


def test_only_page_number_pages_have_a_first_page() -> None:
    api, _ = build(
        {
            "/jobs": {
                "get": {
                    "operationId": "listJobs",
                    "parameters": [
                        {"name": "after", "in": "query", "schema": {"type": "string"}},
                        {
                            "name": "page",
                            "in": "query",
                            "schema": {"type": "integer", "default": 0},
                        },
                    ],
                    "responses": page_response(has_more=True),
                }
            }
        },
        JOB,
    )
    paginator = method(api, "jobs.list").paginator
    assert paginator is not None and paginator.kind == "cursor" and paginator.first_page == 1
    assert not any(a.name == "first_page" for a in printed(api, "jobs.list").sync.args)


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
                        {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                        # OpenAPI: these three are ignored (media types and security say them)
                        {"name": "Accept", "in": "header", "required": True},
                        {"name": "content-type", "in": "header", "required": True},
                        {"name": "Authorization", "in": "header"},
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
        ("session", "session", "cookie", False),
    ]
    options = arg(printed(api, "x.retrieve").sync, "options").value
    # no schema: any value, sent in the `simple` style by the runtime (objects `k,v,...`)
    assert '**{"X-Req": header_text(x_req)}' in options
    assert '**({"X-Opt": header_text(x_opt)} if not isinstance(x_opt, NotGiven) else {})' in options
    assert '**cookie_header({"session": session})' in options


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


def test_an_optional_body_that_can_hold_nothing_is_no_body() -> None:
    # Stripe's GETs carry `application/x-www-form-urlencoded` with `properties: {}` and
    # `additionalProperties: false`: nothing can be sent, so the operation is a plain GET.
    empty = {"type": "object", "properties": {}, "additionalProperties": False}
    form = {"content": {"application/x-www-form-urlencoded": {"schema": empty}}}
    api, diagnostics = build(
        {
            "/accounts": {"get": {"requestBody": form, "responses": ok()}},
            "/balance": {"get": {"requestBody": {**form, "required": True}, "responses": ok()}},
            "/charges": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"amount": {"type": "integer"}},
                                }
                            }
                        }
                    },
                    "responses": ok(),
                }
            },
        }
    )
    accounts = method(api, "accounts.retrieve")
    assert accounts.body is None and accounts.params == ()
    assert diagnostics == []
    charges = method(api, "charges.create")
    assert charges.body is not None and charges.body.kind == "form"
    assert [(p.name, p.location) for p in charges.params] == [("amount", "body")]


def _obj(*names: str) -> dict[str, Any]:
    return {"schema": {"type": "object", "properties": {n: {"type": "string"} for n in names}}}


def test_the_body_media_type_that_carries_every_field_is_chosen() -> None:
    api, diagnostics = build(
        {
            # JSON is preferred, but only the form carries `extra`: the form is sent.
            "/a": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": _obj("name"),
                            "application/x-www-form-urlencoded": _obj("name", "extra"),
                        }
                    },
                    "responses": ok(),
                }
            },
            # Neither carries the other's field: the larger one, with a warning naming the loss.
            "/b": {
                "post": {
                    "requestBody": {
                        "content": {
                            "text/plain": {"schema": {"type": "string"}},
                            "application/json": _obj("x"),
                            "application/x-www-form-urlencoded": _obj("y", "z"),
                        }
                    },
                    "responses": ok(),
                }
            },
        }
    )
    a, b = method(api, "a.create"), method(api, "b.create")
    assert a.body is not None and a.body.kind == "form"
    assert [p.name for p in a.params] == ["name", "extra"]
    assert b.body is not None and b.body.kind == "form"
    [warning] = [d for d in diagnostics if d.kind == "body-media-type"]
    assert "POST /b" in warning.message and "without x" in warning.message


def test_text_and_binary_bodies_are_one_body_argument() -> None:
    api, _ = build(
        {
            "/t": {
                "post": {
                    "requestBody": {"content": {"text/plain": {"schema": {"type": "string"}}}},
                    "responses": ok(),
                }
            },
            "/b": {
                "put": {
                    "requestBody": {"required": True, "content": {"*/*": {"schema": {}}}},
                    "responses": ok(),
                }
            },
        }
    )
    text, binary = method(api, "t.create"), method(api, "b.update")
    assert [(p.name, p.location, p.type, p.required) for p in text.params] == [
        ("body", "whole_body", ir.types.Primitive("str"), False)
    ]
    assert [(p.name, p.location, p.type, p.required) for p in binary.params] == [
        ("body", "whole_body", ir.types.File(body=True), True)
    ]
    assert arg(printed(api, "b.update").sync, "content_type").value == '"*/*"'
