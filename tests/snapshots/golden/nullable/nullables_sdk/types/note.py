from typing import Optional, Union

from .._models import BaseModel
from .ref import Ref

__all__ = ["Note"]


class Note(BaseModel):
    id: str

    title: str

    body: Optional[str]

    rating: Optional[float] = None

    parent: Optional[Ref]

    extra: Optional[Union[int, str]] = None
