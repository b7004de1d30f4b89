from typing import Union

from typing_extensions import TypeAlias

from .circle_param import CircleParam
from .square_param import SquareParam

__all__ = ["ShapeParam"]


ShapeParam: TypeAlias = Union[CircleParam, SquareParam]
"""A shape, told apart by `kind` (mapping given)."""
