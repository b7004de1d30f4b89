"""codegen.pymodule: import blocks, relative paths, definition order, PEP 604 rewriting."""

from __future__ import annotations

import pytest

from codegen import ir
from codegen.pymodule import Imports, Registry, order_definitions, pep604, relative


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [
        ("Optional[str]", "str | None"),
        ("Optional[Union[A, B]] | NotGiven", "A | B | None | NotGiven"),
        ('Sequence[Optional[Literal["a, b", "c"]]]', 'Sequence[Literal["a, b", "c"] | None]'),
        ("dict[str, Union[int, str]]", "dict[str, int | str]"),
        ("Annotated[Union[A, B], Discriminator(f)]", "Annotated[Union[A, B], Discriminator(f)]"),
    ],
)
def test_pep604(annotation: str, expected: str) -> None:
    assert pep604(annotation) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("types/chat/chat_completion", "_models", "..._models"),
        ("types/chat/chat_completion", "types/chat/choice", ".choice"),
        ("types/chat/chat_completion", "types/shared", "..shared"),
        ("types/widget", "types/chat/choice", ".chat.choice"),
        ("_client", "resources/chat/chat", ".resources.chat.chat"),
    ],
)
def test_relative(source: str, target: str, expected: str) -> None:
    assert relative(source, target) == expected


def test_imports_come_out_in_isort_order_and_wrapped() -> None:
    registry = Registry()
    registry.add("Choice", "types/chat/choice")
    registry.add("Usage", "types/usage")
    imports = Imports("types/chat/chat_completion", registry, local=["ChatCompletion"])
    imports.scan(
        "Optional[list[Choice]]",
        "Usage",
        'Literal["Optional"]',
        "ChatCompletion",
        "Field(x)",
        "BaseModel",
        "Required[TypeAlias]",
    )
    assert imports.lines() == (
        "from typing import Literal, Optional",
        "",
        "from pydantic import Field",
        "from typing_extensions import Required, TypeAlias",
        "",
        "from ..._models import BaseModel",
        "from ..usage import Usage",
        "from .choice import Choice",
    )
    long = Imports("m", Registry())
    names = ["A" * 40, "B" * 40, "dddddddddddd"]
    for name in names:
        long.add_from(".x", name, "local")
    assert long.lines(indent=4)[0].splitlines() == [
        "    from .x import (",
        *(f"        {name}," for name in names),
        "    )",
    ]


def test_registry_rejects_a_name_in_two_modules() -> None:
    registry = Registry()
    registry.add("A", "types/a")
    with pytest.raises(ValueError, match="defined in both"):
        registry.add("A", "types/b")


def test_definitions_are_ordered_and_forward_references_quoted() -> None:
    node = ir.Model("Node", ("BaseModel",), (ir.Field("kids", "list[Node]", "None", None),), None)
    note = ir.Model("Note", ("BaseModel",), (ir.Field("node", "Node", None, None),), None)
    loop = ir.Alias("Loop", "Union[str, list[Loop]]", None)
    ordered, rebuild = order_definitions([note, node, loop])
    assert [d.name for d in ordered] == ["Loop", "Node", "Note"]
    assert rebuild == ["Node"]
    by_name = {d.name: d for d in ordered}
    assert (
        isinstance(by_name["Loop"], ir.Alias)
        and by_name["Loop"].annotation == "Union[str, list[object]]"
    )
    kids = by_name["Node"]
    assert isinstance(kids, ir.Model) and kids.fields[0].annotation == '"list[Node]"'
    assert by_name["Note"] == note  # Node is defined by then: no quotes
