from typing import Annotated, Optional, Union

from pydantic import Discriminator, Tag
from typing_extensions import TypeAlias

from .._discriminated import UNKNOWN_TAG, tag_of
from .._models import UnknownVariant
from .circle import Circle
from .square import Square

__all__ = ["Shape", "ShapeUnknown"]


class ShapeUnknown(UnknownVariant):
    """A variant of this union that this version of the SDK does not know.

    Every field the server sent is kept: read them as attributes or with `to_dict()`.
    """

    kind: Optional[str] = None


Shape: TypeAlias = Annotated[Union[Annotated[Circle, Tag("circle")], Annotated[Square, Tag("square")], Annotated[ShapeUnknown, Tag(UNKNOWN_TAG)]], Discriminator(tag_of("kind", "circle", "square"))]
"""A shape, told apart by `kind` (mapping given)."""
