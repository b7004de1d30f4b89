from collections.abc import Sequence
from typing import Union

from typing_extensions import TypeAlias

__all__ = ["JsonValueParam"]


JsonValueParam: TypeAlias = Union[str, float, Sequence[object]]
"""Any JSON value (recursive through aliases only)."""
