"""codegen.lower.error_bodies and the error bodies of `ir.Method`: which statuses, which types,
where they live, and how `render` prints them (the `errors=` constant, api.md's line)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from _lower_support import arg, definition, method, module_of, printed, printed_resource

from codegen import ir
from codegen.config import Config
from codegen.ir import types as t
from codegen.lower import lower
from codegen.lower.error_bodies import declared_errors
from codegen.lower.schemas import Schemas
from codegen.render.error_bodies import common_errors, errors_doc, method_errors_doc

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "object", "properties": {"message": {"type": "string"}}}},
}


def ok(schema: dict[str, Any], media: str = "application/json") -> dict[str, Any]:
    """A response whose `media` body is `schema`."""
    return {"description": "a body", "content": {media: {"schema": schema}}}


PROBLEM = {"type": "object", "required": ["problem"], "properties": {"problem": {"type": "string"}}}
REF_ERROR = ok({"$ref": "#/components/schemas/Error"})
THING = ok({"type": "object", "properties": {"id": {"type": "string"}}})


def build(paths: dict[str, Any], responses: dict[str, Any] | None = None) -> ir.Api:
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Test", "version": "1"},
        "servers": [{"url": "https://example.test"}],
        "paths": paths,
        "components": {
            "schemas": {"Error": ERROR, "Problem": PROBLEM},
            "responses": responses or {},
        },
    }
    api, _ = lower(SimpleNamespace(document=document), Config())
    return api


def get(responses: dict[str, Any]) -> dict[str, Any]:
    return {"get": {"responses": {"200": THING, **responses}}}


def test_statuses_in_lookup_order_json_only() -> None:
    node = {
        "responses": {
            "default": REF_ERROR,
            "5XX": REF_ERROR,
            "404": REF_ERROR,
            "200": THING,
            "4xx": REF_ERROR,  # a spec that validation would reject: read as 4XX all the same
            "400": REF_ERROR,
            "401": {"description": "no content"},
            "403": ok({"type": "string"}, media="text/html"),
            "409": ok(ERROR, media="application/problem+json"),
        }
    }
    found = declared_errors(node, "#/paths/~1x/get", Schemas({}))
    assert [e.status for e in found] == ["400", "404", "409", "4XX", "5XX", "default"]
    assert found[1].pointer == "#/paths/~1x/get/responses/404/content/application~1json/schema"
    assert {e.component for e in found} == {None}


def test_a_shared_schema_is_one_model_and_no_longer_a_param() -> None:
    api = build(
        {
            "/things": {
                "get": {"responses": {"200": THING, "default": REF_ERROR}},
                "post": {"responses": {"201": THING, "422": REF_ERROR, "default": REF_ERROR}},
            },
        }
    )
    listed, created = method(api, "things.retrieve"), method(api, "things.create")
    assert listed.errors == (ir.ErrorBody("default", t.Ref("Error")),)
    assert [e.status for e in created.errors] == ["422", "default"]
    assert {e.type for e in created.errors} == {t.Ref("Error")}
    assert isinstance(definition(api, "Error"), ir.Model)
    assert module_of(api, "Error").path == "types/error.py"
    names = {d.name for m in api.type_modules for d in m.definitions}
    assert "ErrorParam" not in names  # only responses use it: no request-side type
    assert "Problem" in names and "ProblemParam" in names  # no operation uses it: both sides


def test_inline_bodies_are_named_after_the_operation() -> None:
    inline = ok({"type": "object", "properties": {"outage": {"type": "string"}}})
    api = build(
        {
            "/things/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": True}],
                "get": {"responses": {"200": THING, "5XX": inline}},
                "delete": {
                    "responses": {"204": {"description": "gone"}, "404": inline, "5XX": inline}
                },
            }
        }
    )
    assert method(api, "things.retrieve").errors == (
        ir.ErrorBody("5XX", t.Ref("ThingRetrieveError")),
    )
    deleted = method(api, "things.delete").errors
    assert [(e.status, e.type) for e in deleted] == [
        ("404", t.Ref("ThingDeleteError404")),
        ("5XX", t.Ref("ThingDeleteServerError")),
    ]
    assert module_of(api, "ThingRetrieveError").path == "types/thing_retrieve_error.py"


def test_an_inline_body_of_a_shared_response_is_one_type() -> None:
    unauthorized = {
        "description": "bad key",
        "content": {"application/json": {"schema": PROBLEM | {"title": "Unauthorized"}}},
    }
    shared = {"$ref": "#/components/responses/Unauthorized"}
    api = build(
        {
            "/a": get({"401": shared}),
            "/b": get({"401": shared, "404": {"$ref": "#/components/responses/NotFound"}}),
        },
        {
            "Unauthorized": unauthorized,
            "NotFound": {
                "description": "either",
                "content": {
                    "application/json": {
                        "schema": {
                            "anyOf": [
                                {"$ref": "#/components/schemas/Error"},
                                {"$ref": "#/components/schemas/Problem"},
                            ]
                        }
                    }
                },
            },
        },
    )
    a, b = method(api, "a.retrieve").errors, method(api, "b.retrieve").errors
    assert a[0] == b[0] == ir.ErrorBody("401", t.Ref("UnauthorizedResponse"))
    assert module_of(api, "UnauthorizedResponse").path == "types/unauthorized_response.py"
    assert b[1] == ir.ErrorBody("404", t.Union((t.Ref("Error"), t.Ref("Problem"))))
    assert [d.name for d in module_of(api, "UnauthorizedResponse").definitions] == [
        "UnauthorizedResponse"
    ]


@pytest.mark.parametrize(
    "schema", [{"type": "object"}, {}, {"type": "string"}, {"type": "array", "items": {}}]
)
def test_a_body_naming_no_model_is_not_recorded(schema: dict[str, Any]) -> None:
    api = build({"/things": get({"400": ok(schema)})})
    assert method(api, "things.retrieve").errors == ()


def test_render_passes_a_module_constant() -> None:
    api = build(
        {
            "/things": {
                "get": {"responses": {"200": THING, "404": REF_ERROR, "default": REF_ERROR}},
                "post": {"responses": {"201": THING}},
            },
            "/others": get(
                {
                    "404": ok(
                        {
                            "anyOf": [
                                {"$ref": "#/components/schemas/Error"},
                                {"$ref": "#/components/schemas/Problem"},
                            ]
                        }
                    )
                }
            ),
        }
    )
    resource = printed_resource(api, "things")
    [constant] = resource.constants
    assert (constant.name, constant.entries) == (
        "_RETRIEVE_ERRORS",
        ('"404": Error', '"default": Error'),
    )
    assert any(line.endswith("import Error") for line in resource.imports)
    assert arg(printed(api, "things.retrieve").sync, "errors").value == "_RETRIEVE_ERRORS"
    assert arg(printed(api, "things.retrieve").async_, "errors").value == "_RETRIEVE_ERRORS"
    assert all(a.name != "errors" for a in printed(api, "things.create").sync.args)
    [union] = printed_resource(api, "others").constants
    assert union.entries == ('"404": cast(Any, Union[Error, Problem])',)


def test_api_md_states_the_common_bodies_once() -> None:
    api = build(
        {
            "/a": get({"404": REF_ERROR, "default": REF_ERROR}),
            "/b": get({"404": REF_ERROR, "default": REF_ERROR}),
            "/c": get({"503": ok({"$ref": "#/components/schemas/Problem"}), "default": REF_ERROR}),
            "/d": get({}),
        }
    )
    common = common_errors(api)
    assert errors_doc(common) == (
        "`NotFoundError` (404), `APIStatusError` (any other status): `Error`"
    )
    assert method_errors_doc(method(api, "a.retrieve"), common) is None
    assert method_errors_doc(method(api, "c.retrieve"), common) == (
        "Error bodies: `InternalServerError` (503): `Problem`; "
        "`APIStatusError` (any other status): `Error`"
    )
    assert method_errors_doc(method(api, "d.retrieve"), common) == (
        "Error bodies: none declared (`.body` is untyped)"
    )


def test_an_error_model_named_like_the_resource_class_is_imported_under_another_name() -> None:
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Test", "version": "1"},
        "servers": [{"url": "https://example.test"}],
        "paths": {"/widgets": get({"404": ok({"$ref": "#/components/schemas/Widgets"})})},
        "components": {"schemas": {"Widgets": PROBLEM}},
    }
    api, _ = lower(SimpleNamespace(document=document), Config())
    resource = printed_resource(api, "widgets")
    [constant] = resource.constants
    assert constant.entries == ('"404": WidgetsModel',)
    assert any(line.endswith("import Widgets as WidgetsModel") for line in resource.imports)
