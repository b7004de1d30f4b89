from typing import Literal

from .._models import BaseModel, Omittable

__all__ = ["Seal"]


class Seal(BaseModel):
    kind: Omittable[Literal["seal"]] = None

    text: str
