"""Discriminated unions that tolerate variants this version of the SDK does not know.

A union the spec discriminates by a property (`type`, ...) is generated as

    Annotated[Union[Annotated[A, Tag("a")], Annotated[B, Tag("b")],
                    Annotated[XUnknown, Tag(UNKNOWN_TAG)]],
              Discriminator(tag_of("type", "a", "b"))]

so validation picks the variant in one step, and a tag the server added later selects the
`...Unknown` model (which keeps every field) instead of failing the whole response.

When variants leave the property optional (`untagged=True`), a value without it is none of
them in particular: it selects the member tagged `UNTAGGED`, a plain union of those variants,
which validation tries in turn.
"""

from collections.abc import Mapping
from typing import Any, Callable, cast

__all__ = ["UNKNOWN_TAG", "UNTAGGED", "tag_of"]

UNKNOWN_TAG = "__unknown__"
UNTAGGED = "__untagged__"


def tag_of(
    prop: str, *known: str, attr: str = "", untagged: bool = False
) -> Callable[[Any], str]:
    """A pydantic `Discriminator` callable: the value of `prop`, or `UNKNOWN_TAG`; with
    `untagged`, `UNTAGGED` for a mapping that does not have `prop`.

    `attr` is the Python attribute name when it differs from the wire name `prop` (for values
    that are already model instances).
    """
    tags = frozenset(known)
    name = attr or prop

    def discriminate(value: Any) -> str:
        if isinstance(value, Mapping):
            data = cast("Mapping[str, object]", value)
            if untagged and prop not in data:
                return UNTAGGED
            tag = data.get(prop)
        else:
            tag = getattr(value, name, None)
        return tag if isinstance(tag, str) and tag in tags else UNKNOWN_TAG

    return discriminate
