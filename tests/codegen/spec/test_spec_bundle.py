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
    assert "nope.yaml not found (needed by GET /everything)" in error.message


def test_ref_to_missing_node_in_other_file(tmp_path: Path) -> None:
    write(tmp_path, "other.yaml", "components: {schemas: {A: {type: string}}}\n")
    path = spec_with(tmp_path, schemas="Box: {items: {$ref: 'other.yaml#/components/schemas/B'}}")
    error = error_of(path)
    assert error.pointer == "#/components/schemas/Box/items/$ref"
    assert "other.yaml#/components/schemas has no 'B'" in error.message
    assert error.message.startswith("$ref 'other.yaml#/components/schemas/B' does not resolve: ")


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


# --- every object OpenAPI lets a `$ref` name --------------------------------------------------


def test_operations_in_other_files_are_inlined_with_refs_relative_to_them(tmp_path: Path) -> None:
    # DigitalOcean's layout: `get: {$ref: resources/...}`, shared parts two folders up.
    write(
        tmp_path,
        "resources/droplets/droplets_list.yml",
        """\
        operationId: droplets_list
        parameters:
          - $ref: 'parameters.yml#/per_page'
        responses:
          '200':
            $ref: 'responses/all.yml'
          '401':
            $ref: '../../shared/responses/unauthorized.yml'
        """,
    )
    write(
        tmp_path,
        "resources/droplets/parameters.yml",
        "per_page: {name: per_page, in: query, schema: {type: integer}}\n",
    )
    write(
        tmp_path,
        "resources/droplets/responses/all.yml",
        """\
        description: ok
        headers:
          ratelimit-limit: {$ref: '../../../shared/headers.yml#/ratelimit-limit'}
        content:
          application/json:
            schema:
              properties:
                droplets: {type: array, items: {$ref: '../models/droplet.yml'}}
            examples:
              one: {$ref: '../examples.yml#/one'}
        """,
    )
    write(
        tmp_path,
        "resources/droplets/models/droplet.yml",
        "type: object\nproperties: {id: {type: integer}}\n",
    )
    write(tmp_path, "resources/droplets/examples.yml", "one: {value: {droplets: []}}\n")
    write(tmp_path, "shared/responses/unauthorized.yml", "description: no\n")
    write(tmp_path, "shared/headers.yml", "ratelimit-limit: {schema: {type: integer}}\n")
    path = spec_with(
        tmp_path,
        paths="""\
        /v2/droplets:
          get: {$ref: 'resources/droplets/droplets_list.yml'}
        """,
    )
    spec = load_spec(path)
    operation = spec.document["paths"]["/v2/droplets"]["get"]
    assert operation["operationId"] == "droplets_list"
    assert operation["parameters"] == [{"$ref": "#/components/parameters/per_page"}]
    assert operation["responses"]["200"] == {"$ref": "#/components/responses/all"}
    assert operation["responses"]["401"] == {"$ref": "#/components/responses/unauthorized"}
    components = spec.document["components"]
    media = components["responses"]["all"]["content"]["application/json"]
    assert media["schema"]["properties"]["droplets"]["items"] == {
        "$ref": "#/components/schemas/droplet"
    }
    assert media["examples"]["one"] == {"$ref": "#/components/examples/one"}
    assert components["headers"]["ratelimit-limit"] == {"schema": {"type": "integer"}}
    assert components["parameters"]["per_page"]["in"] == "query"
    assert all(ref.startswith("#/") for ref in all_refs(spec.document))
    assert spec.origin("#/paths/~1v2~1droplets/get/parameters") == (
        (tmp_path / "resources/droplets/droplets_list.yml").resolve(),
        "#/parameters",
    )


def test_a_ref_in_place_of_a_map_inlines_the_map(tmp_path: Path) -> None:
    # DigitalOcean: `properties: {$ref: 'attributes.yml#/droplet_ids'}`.
    write(
        tmp_path,
        "attributes.yml",
        "droplet_ids: {droplet_ids: {type: array, items: {type: integer}}}\n",
    )
    path = spec_with(
        tmp_path,
        schemas="Box: {type: object, properties: {$ref: 'attributes.yml#/droplet_ids'}}",
    )
    box = load_spec(path).document["components"]["schemas"]["Box"]
    assert box["properties"] == {"droplet_ids": {"type": "array", "items": {"type": "integer"}}}


def test_ref_siblings_are_kept(tmp_path: Path) -> None:
    write(
        tmp_path,
        "common.yaml",
        "Name: {type: string}\nLimit: {name: limit, in: query, schema: {type: integer}}\n",
    )
    path = spec_with(
        tmp_path,
        schemas="Box: {properties: {name: {$ref: 'common.yaml#/Name', description: The box's name.}}}",
        paths="""\
        /boxes:
          get:
            parameters: [{$ref: 'common.yaml#/Limit', description: At most this many.}]
            responses: {'200': {description: ok}}
        """,
    )
    document = load_spec(path).document
    name = document["components"]["schemas"]["Box"]["properties"]["name"]
    assert name == {"$ref": "#/components/schemas/Name", "description": "The box's name."}
    parameter = document["paths"]["/boxes"]["get"]["parameters"][0]
    assert parameter == {
        "$ref": "#/components/parameters/Limit",
        "description": "At most this many.",
    }


def test_clashing_names_from_other_folders_take_the_folder(tmp_path: Path) -> None:
    write(tmp_path, "apps/error.yml", "type: object\nproperties: {app: {type: string}}\n")
    write(tmp_path, "shared/error.yml", "type: object\nproperties: {code: {type: integer}}\n")
    path = spec_with(
        tmp_path,
        schemas="""\
        Box:
          properties:
            a: {$ref: 'shared/error.yml'}
            b: {$ref: 'apps/error.yml'}
        """,
    )
    schemas = load_spec(path).document["components"]["schemas"]
    assert schemas["Box"]["properties"]["a"] == {"$ref": "#/components/schemas/error"}
    assert schemas["Box"]["properties"]["b"] == {"$ref": "#/components/schemas/apps_error"}


def test_a_pointer_through_a_ref_is_rewritten_to_where_it_leads(tmp_path: Path) -> None:
    # A discriminator mapping `.../fields/items/allOf/0/oneOf/0` where `items` is a `$ref`
    # (openapi-spec-validator accepts it).
    path = spec_with(
        tmp_path,
        schemas="""\
        Form:
          type: object
          properties:
            fields: {type: array, items: {$ref: '#/components/schemas/Field'}}
        Field:
          allOf:
            - oneOf:
                - {type: object, properties: {kind: {type: string, enum: [text]}}}
                - {type: object, properties: {kind: {type: string, enum: [number]}}}
              discriminator:
                propertyName: kind
                mapping:
                  text: '#/components/schemas/Form/properties/fields/items/allOf/0/oneOf/0'
                  number: '#/components/schemas/Form/properties/fields/items/allOf/0/oneOf/1'
        """,
    )
    field = load_spec(path).document["components"]["schemas"]["Field"]
    assert field["allOf"][0]["discriminator"]["mapping"] == {
        "text": "#/components/schemas/Field/allOf/0/oneOf/0",
        "number": "#/components/schemas/Field/allOf/0/oneOf/1",
    }


def test_missing_pointer_names_both_ends(tmp_path: Path) -> None:
    write(tmp_path, "parts/op.yml", "responses: {'200': {$ref: 'responses.yml#/nope'}}\n")
    write(tmp_path, "parts/responses.yml", "ok: {description: ok}\n")
    path = spec_with(tmp_path, paths="/x:\n  get: {$ref: 'parts/op.yml'}\n")
    error = error_of(path)
    assert error.file is not None and error.file.endswith("parts/op.yml")
    assert error.pointer == "#/responses/200/$ref"
    assert error.message.startswith("$ref 'responses.yml#/nope' does not resolve: ")
    assert error.message.endswith("parts/responses.yml# has no 'nope' (needed by GET /x)")


def test_copies_of_referenced_nodes_are_deep_and_keep_shared_parts_shared() -> None:
    import copy
    import datetime

    from codegen.spec.bundle import _copy_data

    shared = {"type": "string", "enum": ["a", "b"]}
    node = {
        "a": shared,
        "b": [shared, 1, 2.5, True, None, "x"],
        "c": {"d": []},
        "when": datetime.date(2024, 1, 2),
    }
    node["self"] = node
    copied = _copy_data(node)
    assert repr(copied) == repr(copy.deepcopy(node))
    assert copied["a"] is copied["b"][0] and copied["a"] is not shared  # shared, and new
    assert copied["self"] is copied
    assert copied["c"]["d"] is not node["c"]["d"]
    copied["a"]["enum"].append("c")
    assert shared["enum"] == ["a", "b"]
