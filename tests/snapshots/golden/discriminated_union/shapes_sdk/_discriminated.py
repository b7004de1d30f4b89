"""Discriminated unions that tolerate variants this version of the SDK does not know.

A union the spec discriminates by a property (`type`, ...) is generated as

    Annotated[Union[Annotated[A, Tag("a")], Annotated[B, Tag("b")],
                    Annotated[XUnknown, Tag(UNKNOWN_TAG)]],
              Discriminator(tag_of("type", "a", "b"))]

so validation picks the variant in one step, and a tag the server added later selects the
`...Unknown` model (which keeps every field) instead of failing the whole response.
"""

from collections.abc import Mapping
from typing import Any, Callable, cast

__all__ = ["UNKNOWN_TAG", "tag_of"]

UNKNOWN_TAG = "__unknown__"


def tag_of(prop: str, *known: str, attr: str = "") -> Callable[[Any], str]:
    """A pydantic `Discriminator` callable: the value of `prop`, or `UNKNOWN_TAG`.

    `attr` is the Python attribute name when it differs from the wire name `prop` (for values
    that are already model instances).
    """
    tags = frozenset(known)
    name = attr or prop

    def discriminate(value: Any) -> str:
        tag: object = (
            cast("Mapping[str, object]", value).get(prop)
            if isinstance(value, Mapping)
            else getattr(value, name, None)
        )
        return tag if isinstance(tag, str) and tag in tags else UNKNOWN_TAG

    return discriminate
