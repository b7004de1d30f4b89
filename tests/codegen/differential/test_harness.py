"""The differential harness itself: instance generation, the spec oracle, the rules file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from . import instances
from .instances import Generator, SpecOracle, examples, near_misses
from .known import check, load_rules

DOC: dict[str, Any] = {
    "openapi": "3.0.3",
    "paths": {
        "/pets": {
            "get": {
                "responses": {
                    "200": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Pet"},
                                "example": {"id": 1, "name": "Rex", "kind": "dog"},
                            }
                        }
                    }
                }
            }
        }
    },
    "components": {
        "schemas": {
            "Pet": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                    "id": {"type": "integer", "minimum": 1},
                    "name": {"type": "string", "minLength": 2, "pattern": "^[A-Z]"},
                    "kind": {"type": "string", "enum": ["dog", "cat"]},
                    "tag": {"type": "string", "nullable": True},
                    "owner": {"$ref": "#/components/schemas/Pet"},
                },
                "example": {"id": 2, "name": "Tom"},
            },
            "Shape": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Circle"},
                    {"$ref": "#/components/schemas/Square"},
                ],
                "discriminator": {
                    "propertyName": "kind",
                    "mapping": {
                        "circle": "#/components/schemas/Circle",
                        "square": "#/components/schemas/Square",
                    },
                },
            },
            "Circle": {
                "type": "object",
                "required": ["kind", "r"],
                "properties": {"kind": {"type": "string"}, "r": {"type": "number"}},
            },
            "Square": {
                "type": "object",
                "required": ["kind", "side"],
                "properties": {"kind": {"type": "string"}, "side": {"type": "number"}},
            },
        }
    },
}


def test_valid_instances_are_valid_and_deterministic() -> None:
    gen, oracle = Generator(DOC, "t"), SpecOracle(DOC)
    for name in ("Pet", "Shape", "Circle"):
        instances = gen.valid(name)
        assert instances, name
        assert all(oracle.accepts(name, value) for value in instances), instances
        assert Generator(DOC, "t").valid(name) == instances
    assert all(value["kind"] in ("circle", "square") for value in gen.valid("Shape"))


def test_near_misses_are_invalid_by_the_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        len(near_misses(Generator(DOC, "t"), "Pet", Generator(DOC, "t").valid("Pet")[0], "t")) == 12
    )
    monkeypatch.setattr(instances, "MAX_NEAR_MISSES", 100)  # all of them, not a sample
    gen, oracle = Generator(DOC, "t"), SpecOracle(DOC)
    valid = gen.valid("Pet")[0]
    cases = {case.case: case.value for case in near_misses(gen, "Pet", valid, "t")}
    assert {
        "missing-required:id",
        "wrong-type:name",
        "out-of-enum:kind",
        "null:id",
        "coercible:id",
        "wrong-type:<root>",
    } <= set(cases)
    assert "null:tag" not in cases  # nullable: null is no near-miss
    assert oracle.accepts("Pet", cases.pop("extra-property"))  # no additionalProperties: false
    assert not any(oracle.accepts("Pet", value) for value in cases.values())
    assert oracle.accepts("Pet", {**valid, "tag": None})


def test_examples_come_from_schemas_and_responses() -> None:
    found = [(case.schema, case.case) for case in examples(DOC)]
    assert found == [("Pet", "example#0"), ("Pet", "response-example#0")]


def _item(**overrides: str) -> dict[str, str]:
    item = {
        "mode": "lenient",
        "schema": "Pet",
        "case": "out-of-enum:kind",
        "ours": "accepts",
        "dcg": "rejects",
        "spec": "rejects",
        "error": "kind: bad",
        "instance": "{}",
    }
    return {**item, **overrides}


RULES_TEXT = """
- id: enums
  category: deliberate-leniency
  mode: lenient
  case: "out-of-enum:*"
  ours: accepts
  reason: open enums
- id: pet-bug
  category: generator-bug
  spec: petstore
  schema: [Pet, Cat]
  case: "missing-required:*"
  reason: a bug
- id: other-spec
  category: generator-bug
  spec: mistral
  reason: not run here
"""


def test_rules_list_match_and_go_stale(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES_TEXT)
    rules = load_rules(path)
    result = {
        "spec": "petstore",
        "failure": None,
        "crashes": [],
        "disagreements": [
            _item(),
            _item(mode="strict"),
            _item(schema="Cat", case="missing-required:id"),
        ],
    }
    checked = check(result, rules)
    assert checked.listed == {"enums": 1, "pet-bug": 1}
    assert [item["mode"] for item in checked.unlisted] == ["strict"]
    assert checked.stale == []  # `other-spec` names a spec that did not run
    assert checked.problems(result)[0].startswith("unlisted: strict Pet out-of-enum:kind")
    fixed = {**result, "disagreements": [_item()]}
    assert check(fixed, rules).stale == ["pet-bug"]


def test_rules_file_is_well_formed(tmp_path: Path) -> None:
    assert load_rules()  # the committed file
    path = tmp_path / "rules.yaml"
    path.write_text("- id: x\n  category: unsure\n  reason: r\n")
    with pytest.raises(ValueError, match="category must be one of"):
        load_rules(path)
