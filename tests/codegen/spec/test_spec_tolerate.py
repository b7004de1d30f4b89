"""codegen.spec.tolerate: a problem stops generation only where an operation needs it."""

from __future__ import annotations

from pathlib import Path

from _spec_support import error_of, spec_with, write

from codegen.spec import load_spec


def test_problems_no_operation_reaches_are_warnings_and_skipped(tmp_path: Path) -> None:
    # Both peers generate specs like these: an empty `oneOf`, a dangling discriminator mapping.
    path = spec_with(
        tmp_path,
        used=False,
        schemas="""\
        Empty: {oneOf: []}
        Pet:
          oneOf: [{$ref: '#/components/schemas/Thing'}]
          discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat'}}
        UsesEmpty: {properties: {e: {$ref: '#/components/schemas/Empty'}}}
        Fine: {type: string}
        """,
    )
    spec = load_spec(path)
    schemas = spec.document["components"]["schemas"]
    assert sorted(schemas) == ["Fine", "Thing"]
    warnings = {(d.pointer, d.kind): d.message for d in spec.diagnostics}
    assert [d.level for d in spec.diagnostics] == ["warning"] * 3
    empty = warnings[("#/components/schemas/Empty/oneOf", "unreached-problem")]
    assert empty.startswith("must not be empty (at ")
    assert empty.endswith("no operation uses #/components/schemas/Empty, so it is skipped")
    mapping = warnings[("#/components/schemas/Pet/discriminator/mapping/cat", "unreached-problem")]
    assert mapping.startswith("$ref '#/components/schemas/Cat' does not resolve")
    uses = warnings[("#/components/schemas/UsesEmpty", "unreached-problem")]
    assert uses == "uses #/components/schemas/Empty, which is skipped; skipped too"


def test_a_problem_an_operation_needs_is_an_error_naming_it(tmp_path: Path) -> None:
    path = spec_with(
        tmp_path,
        used=False,
        schemas="""\
        Empty: {oneOf: []}
        Box: {properties: {e: {$ref: '#/components/schemas/Empty'}}}
        """,
        paths="""\
        /boxes:
          post:
            requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Box'}}}}
            responses: {'204': {description: ok}}
        """,
    )
    error = error_of(path)
    assert error.pointer == "#/components/schemas/Empty/oneOf"
    assert error.message == "must not be empty (needed by POST /boxes)"


def test_problems_in_unreached_files_are_warnings(tmp_path: Path) -> None:
    write(tmp_path, "broken.yaml", "Bad: {type: object, properties: []}\n")
    path = spec_with(
        tmp_path,
        used=False,
        schemas="""\
        Old: {properties: {bad: {$ref: 'broken.yaml#/Bad'}, gone: {$ref: 'gone.yaml'}}}
        """,
    )
    spec = load_spec(path)
    assert sorted(spec.document["components"]["schemas"]) == ["Thing"]
    messages = sorted(d.message for d in spec.diagnostics)
    assert any("broken.yaml#/Bad/properties" in m and "must be an object" in m for m in messages)
    assert any("gone.yaml not found" in m for m in messages)


def test_an_error_inside_a_file_an_operation_needs_names_that_file(tmp_path: Path) -> None:
    write(tmp_path, "other.yaml", "Bad: {type: object, properties: []}\n")
    path = spec_with(tmp_path, schemas="Box: {items: {$ref: 'other.yaml#/Bad'}}")
    error = error_of(path)
    assert error.file is not None and error.file.endswith("other.yaml")
    assert error.pointer == "#/Bad/properties"
    assert error.message.endswith("(needed by GET /everything)")


def test_webhooks_only_document_loads(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "api.yaml",
        """\
        openapi: 3.1.0
        info: {title: Events, version: "1"}
        webhooks:
          newPet:
            $ref: '#/components/pathItems/NewPet'
        components:
          pathItems:
            NewPet:
              post:
                requestBody:
                  content: {application/json: {schema: {$ref: 'pet.yaml'}}}
                responses: {'200': {description: ok}}
        """,
    )
    write(tmp_path, "pet.yaml", "type: object\nproperties: {name: {type: string}}\n")
    spec = load_spec(path)
    webhook = spec.document["webhooks"]["newPet"]
    body = webhook["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/pet"}
    assert spec.document["components"]["schemas"]["pet"]["properties"]["name"] == {"type": "string"}
