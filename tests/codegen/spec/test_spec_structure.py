"""codegen.spec.structure and .validate: structural checks and full validation, with pointers."""

from __future__ import annotations

from pathlib import Path

import pytest
from _spec_support import MINIMAL, error_of, spec_with, write

from codegen.spec import (
    load_spec,
    validate_spec,
)

# --- structure -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schemas", "pointer", "message"),
    [
        (
            "X: {properties: []}",
            "#/components/schemas/X/properties",
            "must be an object, not an array",
        ),
        ("X: {required: x}", "#/components/schemas/X/required", "must be an array of strings"),
        ("X: {type: 42}", "#/components/schemas/X/type", "must be one of array, boolean"),
        ("X: {type: [string, date]}", "#/components/schemas/X/type", "not ['string', 'date']"),
        ("X: {items: [{type: string}]}", "#/components/schemas/X/items", "use 'prefixItems'"),
        ("X: {properties: {a: 42}}", "#/components/schemas/X/properties/a", "schema must be"),
        (
            "X: {properties: {a: {required: true}}}",
            "#/components/schemas/X/properties/a/required",
            "array of strings, not a boolean",
        ),
        ("X: {allOf: []}", "#/components/schemas/X/allOf", "must not be empty"),
        ("X: {maxLength: -1}", "#/components/schemas/X/maxLength", "non-negative integer"),
        (
            "X: {nullable: 'yes'}",
            "#/components/schemas/X/nullable",
            "must be a boolean, not a string",
        ),
        (
            "X: {description: 42}",
            "#/components/schemas/X/description",
            "must be a string, not the number 42",
        ),
        (
            "X: {discriminator: {mapping: {}}}",
            "#/components/schemas/X/discriminator",
            "'propertyName'",
        ),
        ("X: hello", "#/components/schemas/X", "schema must be an object or a boolean"),
    ],
)
def test_wrong_schema_types(tmp_path: Path, schemas: str, pointer: str, message: str) -> None:
    error = error_of(spec_with(tmp_path, schemas=schemas))
    assert error.pointer == pointer
    assert message in error.message


def test_boolean_schemas_are_fine(tmp_path: Path) -> None:
    load_spec(spec_with(tmp_path, schemas="X: {additionalProperties: false, items: true}"))


@pytest.mark.parametrize(
    ("paths", "pointer", "message"),
    [
        ("/a: {get: {operationId: a}}", "#/paths/~1a/get", "'responses' is required"),
        ("/a: {get: {responses: []}}", "#/paths/~1a/get/responses", "must be an object"),
        ("/a: {gte: {responses: {}}}", "#/paths/~1a/gte", "unknown field 'gte' in pathItem"),
        ("a: {}", "#/paths/a", "must start with '/'"),
        (
            "/a: {get: {responses: {'20': {description: x}}}}",
            "#/paths/~1a/get/responses/20",
            "response code",
        ),
        (
            "/a: {get: {parameters: {}, responses: {}}}",
            "#/paths/~1a/get/parameters",
            "must be an array",
        ),
        (
            "/a: {get: {parameters: [{name: q, in: body}], responses: {}}}",
            "#/paths/~1a/get/parameters/0/in",
            "must be one of query, header, path, cookie",
        ),
        (
            "/a/{id}: {get: {parameters: [{name: id, in: path}], responses: {}}}",
            "#/paths/~1a~1{id}/get/parameters/0",
            "must have 'required: true'",
        ),
        (
            "/a: {post: {requestBody: {}, responses: {}}}",
            "#/paths/~1a/post/requestBody",
            "'content' is required",
        ),
        (
            "/a: {get: {operationId: things, responses: {}}}",
            "#/paths/~1a/get/operationId",
            "operationId 'things' is already used at #/paths/~1things/get",
        ),
        (
            "/a: {get: {parameters: [{name: q, in: query}, {name: q, in: query}], responses: {}}}",
            "#/paths/~1a/get/parameters/1",
            "duplicate query parameter 'q'",
        ),
    ],
)
def test_wrong_operation_structure(tmp_path: Path, paths: str, pointer: str, message: str) -> None:
    path = spec_with(tmp_path, paths=paths)
    text = path.read_text().replace(
        "    get:\n      responses:", "    get:\n      operationId: things\n      responses:"
    )
    path.write_text(text)
    error = error_of(path)
    assert error.pointer == pointer
    assert message in error.message


@pytest.mark.parametrize(
    ("text", "pointer", "message"),
    [
        ("openapi: 2.0\npaths: {}\n", "#/openapi", "3.0.x or 3.1.x, got 2.0"),
        ("swagger: '2.0'\npaths: {}\n", "#/swagger", "Swagger 2.0 document"),
        ("openapi: 3.1.0\n", "#", "one of 'paths', 'webhooks' or 'components' is required"),
        ("openapi: 3.0.3\ncomponents: {}\n", "#", "'paths' is required"),
        ("openapi: 3.1.0\npaths: []\n", "#/paths", "must be an object"),
        ("- openapi\n", "#", "must be an object"),
        ("openapi: 3.1.0\npaths: {}\nservers: [{description: x}]\n", "#/servers/0/url", "'url'"),
    ],
)
def test_wrong_document_structure(tmp_path: Path, text: str, pointer: str, message: str) -> None:
    error = error_of(write(tmp_path, "api.yaml", text))
    assert error.pointer == pointer
    assert message in error.message


def test_operation_with_undeclared_path_parameter_is_a_skipped_operation(tmp_path: Path) -> None:
    path = spec_with(
        tmp_path,
        paths="""\
        /things/{thing_id}:
          get:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {'200': {description: ok}}
          delete:
            responses: {'200': {description: ok}}
          parameters: [{$ref: '#/components/parameters/ThingId'}]
        """,
    ).read_text()
    path += "  parameters:\n    ThingId: {name: thing_id, in: path, required: true, schema: {type: string}}\n"
    spec = load_spec(write(tmp_path, "api2.yaml", path))
    item = spec.document["paths"]["/things/{thing_id}"]
    assert "get" not in item and "delete" in item
    [skipped] = spec.diagnostics
    assert (skipped.level, skipped.kind) == ("error", "skipped-operation")
    assert skipped.pointer == "#/paths/~1things~1{thing_id}/get"
    assert skipped.message.startswith("GET /things/{thing_id}: path parameter 'id'")
    assert "cannot be generated" in skipped.message


# --- full validation -------------------------------------------------------------------------


def test_validate_reports_pointers_inside_schemas(tmp_path: Path) -> None:
    path = spec_with(tmp_path, schemas="Count: {type: integer, default: many}")
    problems = validate_spec(load_spec(path))
    assert [p.pointer for p in problems] == ["#/components/schemas/Count/default"]
    assert "'many' is not of type 'integer'" in problems[0].message
    error = error_of(path, validate=True)
    assert error.pointer == "#/components/schemas/Count/default"


def test_validate_accepts_a_valid_spec(tmp_path: Path) -> None:
    assert validate_spec(load_spec(write(tmp_path, "api.yaml", MINIMAL))) == []
