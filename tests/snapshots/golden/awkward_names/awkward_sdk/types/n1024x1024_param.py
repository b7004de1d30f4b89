from typing import Literal

from typing_extensions import TypeAlias

__all__ = ["N1024x1024Param"]


N1024x1024Param: TypeAlias = Literal["1024x1024", "512x512"]
