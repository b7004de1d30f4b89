"""codegen.spec.pointer and .refs: JSON pointers, local references, loops, long chains."""

from __future__ import annotations

from pathlib import Path

import pytest
from _spec_support import error_of, spec_with

from codegen.errors import SpecError
from codegen.spec import (
    join_pointer,
    load_spec,
    split_pointer,
)

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
        f"$ref '#/components/schemas/Pet' does not resolve: {error.file}#/components/schemas "
        "has no 'Pet' (needed by GET /everything)"
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
