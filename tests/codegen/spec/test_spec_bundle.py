"""codegen.spec.bundle: external files' nodes copied in, every `$ref` made local."""

from __future__ import annotations

from pathlib import Path

from _spec_support import all_refs, error_of, spec_with, write

from codegen.spec import (
    load_spec,
)

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
