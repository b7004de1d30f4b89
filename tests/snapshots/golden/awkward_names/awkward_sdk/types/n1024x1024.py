from typing import Literal, Union

from typing_extensions import TypeAlias

__all__ = ["N1024x1024"]


N1024x1024: TypeAlias = Union[Literal["1024x1024", "512x512"], str]
