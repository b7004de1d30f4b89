"""codegen.spec.rules: each rule finds its problem at the right JSON pointer; the config's
`validate:` section sets levels and options, and rejects what it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest
from _spec_support import write

from codegen.cli import main
from codegen.config import parse_config
from codegen.errors import ConfigError
from codegen.spec import load_spec
from codegen.spec.rules import RULES, RuleSetting, check_rules, parse_settings

GOOD = """\
openapi: 3.1.0
info: {title: t, version: "1"}
tags: [{name: pets}]
paths:
  /pets/{pet_id}:
    get:
      operationId: getPet
      summary: Get a pet
      description: One pet.
      tags: [pets]
      parameters:
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
              examples:
                rex: {value: {id: p1, kind: dog}}
        "404": {$ref: "#/components/responses/NotFound"}
components:
  responses:
    NotFound:
      description: not found
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
  schemas:
    Pet:
      description: A pet.
      type: object
      required: [id]
      properties:
        id: {type: string, description: Its id.}
        kind: {$ref: "#/components/schemas/Kind"}
    Kind:
      description: What animal it is.
      enum: [dog, cat]
    Error:
      description: An error.
      type: object
      properties:
        message: {type: string, description: What went wrong.}
"""

ALL_ERRORS = {name: RuleSetting("error") for name in RULES}
ERRORS_AS = {
    **ALL_ERRORS,
    "error-responses": RuleSetting("error", {"statuses": ("404",), "schema": "Error"}),
}


def findings(tmp_path: Path, text: str) -> set[tuple[str, str]]:
    spec = load_spec(write(tmp_path, "api.yaml", text))
    found = check_rules(spec, ERRORS_AS)
    assert all(d.level == "error" for d in found)
    return {(d.message.rsplit("[", 1)[1].rstrip("]"), d.pointer) for d in found}


def test_a_clean_spec_has_no_findings(tmp_path: Path) -> None:
    assert findings(tmp_path, GOOD) == set()


GET = "#/paths/~1pets~1{pet_id}/get"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("      summary: Get a pet\n", "", ("operation-description", GET)),
        ("      operationId: getPet\n", "", ("operation-id", GET)),
        ("      tags: [pets]\n", "      tags: [dogs]\n", ("operation-tags", f"{GET}/tags/0")),
        (
            '        "404": {$ref: "#/components/responses/NotFound"}\n',
            "",
            ("error-responses", f"{GET}/responses"),
        ),
        (
            'schema: {$ref: "#/components/schemas/Error"}',
            "schema: {type: string}",
            ("error-responses", "#/components/responses/NotFound/content/application~1json/schema"),
        ),
        ("      description: A pet.\n", "", ("schema-description", "#/components/schemas/Pet")),
        (
            "{type: string, description: Its id.}",
            "{type: string}",
            ("schema-description", "#/components/schemas/Pet/properties/id"),
        ),
        ("getPet", "get_pet", ("naming", f"{GET}/operationId")),
        (
            "        id: {type",
            "        petId: {type",
            ("naming", "#/components/schemas/Pet/properties/petId"),
        ),
        (
            "schema: {type: string}}\n      responses",
            "schema: {type: string}}\n        - {name: pageSize, in: query, schema: {type: integer}}"
            "\n      responses",
            ("naming", f"{GET}/parameters/1"),
        ),
        (
            "      type: object\n      required: [id]",
            "      type: object\n      nullable: true\n      required: [id]",
            ("nullable-keyword", "#/components/schemas/Pet/nullable"),
        ),
        (
            "      required: [id]\n",
            "      required: [id]\n      additionalProperties: false\n",
            ("open-responses", "#/components/schemas/Pet/additionalProperties"),
        ),
        (
            "{value: {id: p1, kind: dog}}",
            "{value: {id: p1, kind: cow}}",
            (
                "examples-valid",
                f"{GET}/responses/200/content/application~1json/examples/rex/value/kind",
            ),
        ),
    ],
)
def test_each_rule_finds_its_problem_where_it_is(
    tmp_path: Path, old: str, new: str, expected: tuple[str, str]
) -> None:
    assert old in GOOD
    assert findings(tmp_path, GOOD.replace(old, new)) == {expected}


def test_a_property_named_like_a_keyword_is_still_a_property(tmp_path: Path) -> None:
    text = GOOD.replace("        id: {type", "        enum: {type: string}\n        id: {type")
    assert findings(tmp_path, text) == {
        ("schema-description", "#/components/schemas/Pet/properties/enum")
    }


UNION = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Animal:
      oneOf: [{$ref: "#/components/schemas/Cat"}, {$ref: "#/components/schemas/Dog"}]
      discriminator:
        propertyName: type
        mapping: {cat: "#/components/schemas/Cat"}
    Base:
      type: object
      required: [type]
      properties: {type: {type: string}}
    Cat:
      allOf: [{$ref: "#/components/schemas/Base"}]
      properties: {type: {const: cat}}
    Dog:
      type: object
      properties: {type: {const: dog}}
"""


def test_discriminator_mappings_are_complete_and_variants_carry_their_tag(tmp_path: Path) -> None:
    spec = load_spec(write(tmp_path, "api.yaml", UNION))
    found = check_rules(spec, {"discriminator-mapping": RuleSetting("warning")})
    pointers = {d.pointer for d in found if d.message.endswith("[discriminator-mapping]")}
    assert pointers == {"#/components/schemas/Animal/discriminator/mapping"}  # Dog unmapped
    mapped = UNION.replace(
        'mapping: {cat: "#/components/schemas/Cat"}',
        'mapping: {cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog"}',
    )
    spec = load_spec(write(tmp_path, "api.yaml", mapped))
    found = check_rules(spec, {"discriminator-mapping": RuleSetting("warning")})
    assert [d.pointer for d in found if "discriminator-mapping" in d.message] == [
        "#/components/schemas/Dog"  # Cat requires `type` through allOf; Dog does not
    ]


def test_levels_options_and_defaults() -> None:
    settings = parse_settings(
        {"naming": {"property": "camelCase", "path": "kebab-case"}, "open-responses": "off"},
        "/validate",
    )
    assert settings["naming"] == RuleSetting(
        "warning", {"property": "camelCase", "path": "kebab-case"}
    )
    assert settings["open-responses"].level == "off"
    assert parse_config({"validate": {"operation-id": "error"}}).validate == {
        "operation-id": RuleSetting("error")
    }


@pytest.mark.parametrize(
    ("section", "pointer"),
    [
        ({"descriptions": "error"}, "/validate/descriptions"),
        ({"naming": "loud"}, "/validate/naming/level"),
        ({"naming": {"property": "Title Case"}}, "/validate/naming/property"),
        ({"naming": {"properties": "snake_case"}}, "/validate/naming/properties"),
        ({"error-responses": {"statuses": ["40"]}}, "/validate/error-responses/statuses"),
        (
            {"operation-description": {"require": ["title"]}},
            "/validate/operation-description/require",
        ),
    ],
)
def test_config_mistakes_name_the_key(section: dict[str, object], pointer: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config({"validate": section})
    assert caught.value.pointer == "#" + pointer


def test_validate_command_fails_on_errors_and_reports_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write(tmp_path, "api.yaml", GOOD.replace("      summary: Get a pet\n", ""))
    config = write(tmp_path, "sdk.yaml", "validate: {operation-description: error}\n")
    assert main(["validate", "--spec", str(spec), "--config", str(config), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert f"error: {spec}{GET}: GET /pets/{{pet_id}} has no summary [operation-description]" in out
    config.write_text("validate: {operation-description: warning}\n")
    assert main(["validate", "--spec", str(spec), "--config", str(config), "--no-cache"]) == 0
    assert "valid OpenAPI 3.1.0, 1 warning" in capsys.readouterr().out
    assert main(["validate", "--spec", str(spec), "--no-config", "--no-cache"]) == 0
