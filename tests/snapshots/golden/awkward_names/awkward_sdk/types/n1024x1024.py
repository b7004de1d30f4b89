from typing import Literal

from typing_extensions import TypeAlias

from .._models import OpenEnum

__all__ = ["N1024x1024"]


N1024x1024: TypeAlias = OpenEnum[Literal["1024x1024", "512x512"]]
