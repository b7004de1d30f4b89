"""codegen.render.imports: relative module paths and import blocks in isort order."""

import pytest

from codegen.render.imports import Imports, Registry, relative


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
