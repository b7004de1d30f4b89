"""codegen.spec: reading, $ref bundling, structural checks, errors with pointers."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from codegen.errors import SpecError
from codegen.spec import (
    Spec,
    join_pointer,
    load_spec,
    read_document,
    split_pointer,
    validate_spec,
)

OPENAI_SPEC = Path(__file__).resolve().parents[3] / "shared/specs/openai-2026-08-21.yaml"

MINIMAL = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /pets/{pet_id}:
    get:
      operationId: getPet
      parameters:
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: string}
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def spec_with(tmp_path: Path, schemas: str = "", paths: str = "", name: str = "api.yaml") -> Path:
    """A spec with one GET /things returning `#/components/schemas/Thing` plus extras."""
    text = (
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /things:\n"
        "    get:\n"
        "      responses:\n"
        "        '200':\n"
        "          description: ok\n"
        "          content:\n"
        "            application/json:\n"
        "              schema: {$ref: '#/components/schemas/Thing'}\n"
        + textwrap.indent(textwrap.dedent(paths).rstrip("\n") + "\n", "  ")
        + "components:\n"
        "  schemas:\n"
        "    Thing: {type: object}\n"
        + textwrap.indent(textwrap.dedent(schemas).rstrip("\n") + "\n", "    ")
    )
    return write(tmp_path, name, text)


def all_refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for v in node.values() for r in all_refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in all_refs(v)]
    return []


def error_of(path: Path, **kwargs: Any) -> SpecError:
    with pytest.raises(SpecError) as info:
        load_spec(path, **kwargs)
    return info.value


# --- reading ---------------------------------------------------------------------------------


def test_loads_a_minimal_spec(tmp_path: Path) -> None:
    spec = load_spec(write(tmp_path, "api.yaml", MINIMAL))
    assert spec.openapi_version == "3.1.0"
    assert spec.path == tmp_path / "api.yaml"
    assert spec.document["components"]["schemas"]["Pet"]["required"] == ["id"]
    assert spec.diagnostics == []


def test_json_spec(tmp_path: Path) -> None:
    import yaml

    document = yaml.safe_load(MINIMAL)
    path = tmp_path / "api.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_spec(path).document == load_spec(write(tmp_path, "api.yaml", MINIMAL)).document


def test_yaml_scalars_follow_yaml_1_2(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "doc.yaml",
        """\
        words: [on, off, yes, no, y, n]
        date: 2024-10-01
        bools: [true, false, True]
        numbers: [1, -2, 1.5, 1e3, 0x1F, 09]
        nothing: ~
        responses:
          200: {description: ok}
        """,
    )
    document = read_document(path)
    assert document["words"] == ["on", "off", "yes", "no", "y", "n"]
    assert document["date"] == "2024-10-01"
    assert document["bools"] == [True, False, True]
    assert document["numbers"] == [1, -2, 1.5, 1000.0, 31, 9]
    assert document["nothing"] is None
    assert list(document["responses"]) == ["200"]


def test_yaml_merge_keys_are_supported(tmp_path: Path) -> None:
    path = write(tmp_path, "doc.yaml", "base: &b {a: 1, b: 2}\nderived: {<<: *b, b: 3}\n")
    assert read_document(path)["derived"] == {"a": 1, "b": 3}


def test_duplicate_yaml_key_is_an_error_with_line(tmp_path: Path) -> None:
    path = write(tmp_path, "api.yaml", "openapi: 3.1.0\npaths: {}\npaths: {}\n")
    error = error_of(path)
    assert "duplicate key 'paths'" in error.message
    assert "line 3, column 1" in error.message


def test_yaml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "api.yaml", "openapi: 3.1.0\npaths:\n  /a: [\n")
    error = error_of(path)
    assert error.pointer == "#"
    assert error.file is not None and error.file.endswith("api.yaml")
    assert "invalid YAML at line 4, column 1" in error.message
    assert str(error).startswith(f"{error.file}#: invalid YAML")


def test_json_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "api.json", '{"openapi": "3.1.0",\n "paths": {,}}')
    assert "invalid JSON at line 2, column 12" in error_of(path).message


def test_missing_file(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nope.yaml").message == "file not found"


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text('{"openapi": "3.1.0", "paths": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "nested too deeply" in error_of(path).message


# --- pointers --------------------------------------------------------------------------------


def test_pointer_round_trip() -> None:
    pointer = join_pointer("#/paths", "/files/{id}", "get", "a~b", 0)
    assert pointer == "#/paths/~1files~1{id}/get/a~0b/0"
    assert split_pointer(pointer) == ["paths", "/files/{id}", "get", "a~b", "0"]
    assert split_pointer("#") == []
    with pytest.raises(ValueError):
        split_pointer("#paths")


def test_node_and_resolve(tmp_path: Path) -> None:
    path = spec_with(
        tmp_path,
        schemas="""\
        A: {$ref: '#/components/schemas/B'}
        B: {$ref: '#/components/schemas/C'}
        C: {type: string}
        """,
    )
    spec = load_spec(path)
    assert spec.node("#/components/schemas/C") == {"type": "string"}
    a = spec.node("#/components/schemas/A")
    assert spec.resolve(a, "#/components/schemas/A") == (
        "#/components/schemas/C",
        {"type": "string"},
    )
    assert spec.resolve({"type": "integer"}, "#/x") == ("#/x", {"type": "integer"})
    with pytest.raises(SpecError) as info:
        spec.node("#/components/schemas/Nope")
    assert info.value.message == "#/components/schemas has no 'Nope'"


# --- local references ------------------------------------------------------------------------


def test_missing_local_ref_names_the_ref_and_what_is_missing(tmp_path: Path) -> None:
    path = spec_with(
        tmp_path, schemas="Box: {properties: {pet: {$ref: '#/components/schemas/Pet'}}}"
    )
    error = error_of(path)
    assert error.pointer == "#/components/schemas/Box/properties/pet/$ref"
    assert error.message == (
        "$ref '#/components/schemas/Pet' does not resolve: #/components/schemas has no 'Pet'"
    )


def test_ref_cycle_is_an_error_not_a_recursion_error(tmp_path: Path) -> None:
    path = spec_with(
        tmp_path,
        schemas="""\
        A: {$ref: '#/components/schemas/B'}
        B: {$ref: '#/components/schemas/A'}
        """,
    )
    error = error_of(path)
    assert "$ref chain loops" in error.message
    assert "#/components/schemas/A" in error.message and "#/components/schemas/B" in error.message


def test_long_ref_chain_is_an_error(tmp_path: Path) -> None:
    chain = "".join(f"S{i}: {{$ref: '#/components/schemas/S{i + 1}'}}\n" for i in range(100))
    error = error_of(spec_with(tmp_path, schemas=chain + "S100: {type: string}\n"))
    assert "is longer than 64 hops" in error.message


def test_deeply_nested_schemas(tmp_path: Path) -> None:
    nested = "{items: " * 900 + "{type: string}" + "}" * 900
    spec = load_spec(spec_with(tmp_path, schemas=f"Deep: {nested}\n"))
    assert "Deep" in spec.document["components"]["schemas"]
    nested = "{items: " * 3000 + "{type: string}" + "}" * 3000
    error = error_of(spec_with(tmp_path, schemas=f"Deep: {nested}\n"))
    assert error.pointer == "#" and "nest" in error.message


def test_recursive_schema_is_fine(tmp_path: Path) -> None:
    path = spec_with(
        tmp_path, schemas="Node: {properties: {next: {$ref: '#/components/schemas/Node'}}}"
    )
    load_spec(path)


def test_refs_are_canonicalized(tmp_path: Path) -> None:
    path = spec_with(
        tmp_path,
        schemas="""\
        My Thing: {type: string}
        Box: {properties: {a: {$ref: '#/components/schemas/My%20Thing'}}}
        """,
    )
    box = load_spec(path).document["components"]["schemas"]["Box"]
    assert box["properties"]["a"]["$ref"] == "#/components/schemas/My Thing"


def test_example_values_are_not_references(tmp_path: Path) -> None:
    path = spec_with(
        tmp_path,
        schemas="""\
        Doc:
          type: object
          example: {$ref: '#/not/a/reference'}
          default: {$ref: 42}
        """,
    )
    load_spec(path)


# --- external references ---------------------------------------------------------------------


def test_external_refs_are_bundled_into_components(tmp_path: Path) -> None:
    write(
        tmp_path,
        "models/pets.yaml",
        """\
        components:
          schemas:
            Pet:
              type: object
              properties:
                owner: {$ref: '#/components/schemas/Owner'}
                tag: {$ref: '../common.yaml#/Tag'}
            Owner: {type: object, properties: {name: {type: string}}}
        """,
    )
    write(tmp_path, "common.yaml", "Tag: {type: string}\n")
    write(tmp_path, "error.yaml", "type: object\nproperties: {code: {type: integer}}\n")
    path = spec_with(
        tmp_path,
        schemas="""\
        Box:
          properties:
            pet: {$ref: 'models/pets.yaml#/components/schemas/Pet'}
            again: {$ref: './models/pets.yaml#/components/schemas/Pet'}
            name: {$ref: 'models/pets.yaml#/components/schemas/Owner/properties/name'}
            error: {$ref: error.yaml}
        """,
    )
    spec = load_spec(path)
    schemas = spec.document["components"]["schemas"]
    box = schemas["Box"]["properties"]
    assert box["pet"] == {"$ref": "#/components/schemas/Pet"}
    assert box["again"] == {"$ref": "#/components/schemas/Pet"}
    assert box["name"] == {"$ref": "#/components/schemas/Owner/properties/name"}
    assert box["error"] == {"$ref": "#/components/schemas/error"}
    assert schemas["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert schemas["Pet"]["properties"]["tag"] == {"$ref": "#/components/schemas/Tag"}
    assert schemas["Tag"] == {"type": "string"}
    assert all(ref.startswith("#/") for ref in all_refs(spec.document))
    for ref in all_refs(spec.document):
        spec.node(ref)
    assert spec.origin("#/components/schemas/Pet/properties/owner") == (
        (tmp_path / "models/pets.yaml").resolve(),
        "#/components/schemas/Pet/properties/owner",
    )
    assert spec.origin("#/components/schemas/Box") == (path, "#/components/schemas/Box")


def test_bundled_names_do_not_clash(tmp_path: Path) -> None:
    write(tmp_path, "other.yaml", "components: {schemas: {Thing: {type: integer}}}\n")
    path = spec_with(
        tmp_path, schemas="Box: {items: {$ref: 'other.yaml#/components/schemas/Thing'}}"
    )
    schemas = load_spec(path).document["components"]["schemas"]
    assert schemas["Thing"] == {"type": "object"}
    assert schemas["Thing_2"] == {"type": "integer"}
    assert schemas["Box"]["items"] == {"$ref": "#/components/schemas/Thing_2"}


def test_cycles_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "A: {properties: {b: {$ref: 'b.yaml#/B'}}}\n")
    write(tmp_path, "b.yaml", "B: {properties: {a: {$ref: 'a.yaml#/A'}, me: {$ref: '#/B'}}}\n")
    path = spec_with(tmp_path, schemas="Box: {items: {$ref: 'a.yaml#/A'}}")
    schemas = load_spec(path).document["components"]["schemas"]
    assert schemas["A"]["properties"]["b"] == {"$ref": "#/components/schemas/B"}
    assert schemas["B"]["properties"]["a"] == {"$ref": "#/components/schemas/A"}
    assert schemas["B"]["properties"]["me"] == {"$ref": "#/components/schemas/B"}


def test_external_ref_back_to_the_root_is_local(tmp_path: Path) -> None:
    write(tmp_path, "parts/x.yaml", "X: {items: {$ref: '../api.yaml#/components/schemas/Thing'}}\n")
    path = spec_with(tmp_path, schemas="Box: {items: {$ref: 'parts/x.yaml#/X'}}")
    schemas = load_spec(path).document["components"]["schemas"]
    assert schemas["X"]["items"] == {"$ref": "#/components/schemas/Thing"}
    assert "Thing_2" not in schemas


def test_ref_to_missing_file(tmp_path: Path) -> None:
    path = spec_with(tmp_path, schemas="Box: {items: {$ref: 'nope.yaml#/X'}}")
    error = error_of(path)
    assert error.pointer == "#/components/schemas/Box/items/$ref"
    assert error.message.startswith("$ref 'nope.yaml#/X': file ")
    assert error.message.endswith("nope.yaml not found")


def test_ref_to_missing_node_in_other_file(tmp_path: Path) -> None:
    write(tmp_path, "other.yaml", "components: {schemas: {A: {type: string}}}\n")
    path = spec_with(tmp_path, schemas="Box: {items: {$ref: 'other.yaml#/components/schemas/B'}}")
    error = error_of(path)
    assert error.pointer == "#/components/schemas/Box/items/$ref"
    assert "#/components/schemas has no 'B'" in error.message


def test_error_inside_other_file_names_that_file(tmp_path: Path) -> None:
    write(tmp_path, "other.yaml", "Bad: {type: object, properties: []}\n")
    path = spec_with(tmp_path, schemas="Box: {items: {$ref: 'other.yaml#/Bad'}}")
    error = error_of(path)
    assert error.file is not None and error.file.endswith("other.yaml")
    assert error.pointer == "#/Bad/properties"


def test_remote_refs_are_rejected(tmp_path: Path) -> None:
    path = spec_with(tmp_path, schemas="Box: {items: {$ref: 'https://example.com/x.yaml'}}")
    assert "remote $ref" in error_of(path).message


def test_path_item_refs_are_inlined(tmp_path: Path) -> None:
    write(
        tmp_path,
        "paths/widgets.yaml",
        """\
        get:
          operationId: listWidgets
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '../api.yaml#/components/schemas/Thing'}
        """,
    )
    path = spec_with(tmp_path, paths="/widgets: {$ref: 'paths/widgets.yaml'}\n")
    item = load_spec(path).document["paths"]["/widgets"]
    assert "$ref" not in item
    assert item["get"]["operationId"] == "listWidgets"
    schema = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Thing"}


def test_discriminator_mapping_refs_are_bundled(tmp_path: Path) -> None:
    write(tmp_path, "cat.yaml", "type: object\nproperties: {kind: {type: string}}\n")
    path = spec_with(
        tmp_path,
        schemas="""\
        Pet:
          oneOf: [{$ref: 'cat.yaml'}]
          discriminator:
            propertyName: kind
            mapping: {cat: 'cat.yaml', thing: Thing}
        """,
    )
    pet = load_spec(path).document["components"]["schemas"]["Pet"]
    assert pet["oneOf"] == [{"$ref": "#/components/schemas/cat"}]
    assert pet["discriminator"]["mapping"] == {"cat": "#/components/schemas/cat", "thing": "Thing"}


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
        ("swagger: '2.0'\npaths: {}\n", "#/openapi", "got None"),
        ("openapi: 3.1.0\n", "#", "'paths' is required"),
        ("openapi: 3.1.0\npaths: []\n", "#/paths", "must be an object"),
        ("- openapi\n", "#", "must be an object"),
        ("openapi: 3.1.0\npaths: {}\nservers: [{description: x}]\n", "#/servers/0/url", "'url'"),
    ],
)
def test_wrong_document_structure(tmp_path: Path, text: str, pointer: str, message: str) -> None:
    error = error_of(write(tmp_path, "api.yaml", text))
    assert error.pointer == pointer
    assert message in error.message


def test_operation_with_undeclared_path_parameter_is_skipped_with_a_warning(tmp_path: Path) -> None:
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
    [warning] = spec.diagnostics
    assert warning.level == "warning"
    assert warning.pointer == "#/paths/~1things~1{thing_id}/get"
    assert "'id'" in warning.message and "operation skipped" in warning.message


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


@pytest.mark.openai_spec
@pytest.mark.skipif(not OPENAI_SPEC.exists(), reason="needs ../shared/specs")
def test_openai_spec_loads() -> None:
    spec = load_spec(OPENAI_SPEC)
    assert isinstance(spec, Spec)
    assert len(spec.document["paths"]) > 100
    assert all(ref.startswith("#/") for ref in all_refs(spec.document))
