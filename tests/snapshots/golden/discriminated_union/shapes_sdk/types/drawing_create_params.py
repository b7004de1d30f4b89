from collections.abc import Sequence

from typing_extensions import Required, TypedDict

from .shape_param import ShapeParam

__all__ = ["DrawingCreateParams"]


class DrawingCreateParams(TypedDict, total=False):
    """Parameters of `client.drawings.create()`."""

    shapes: Required[Sequence[ShapeParam]]
