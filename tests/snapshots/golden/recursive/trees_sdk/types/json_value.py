from typing import Union

from typing_extensions import TypeAlias

__all__ = ["JsonValue"]


JsonValue: TypeAlias = Union[str, float, list[object]]
"""Any JSON value (recursive through aliases only)."""
